//! The one door through which other domains use rooms: create a room they own, keep its
//! moderators and seats, close it, read its transcript, ask who may enter. Every function
//! takes the caller's connection, so it joins the caller's transaction; nothing here knows
//! who the owner is (an event, a hub), and `rooms` imports no other domain.

use std::collections::HashSet;

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::repo::{self, NewRoom, PeopleList, RoomChangeset};
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::pubsub::{PubSub, Topic};
use crate::shared::person::PersonView;
use crate::shared::vocab::RoomAccess;

pub use super::protocol::Actor;

/// A room owned by another domain: only its seat holders (and moderators) enter.
pub struct OwnedRoom {
    pub name: String,
    pub theme_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
}

/// Creates the room; returns its id. `moderator` goes on its moderator list; a room of an
/// organization needs none, as the organization's owners and editors moderate it by their
/// role (and stop when they lose it).
pub async fn create_owned(
    conn: &mut AsyncPgConnection,
    room: OwnedRoom,
    created_by: Uuid,
    moderator: Option<Uuid>,
) -> AppResult<Uuid> {
    let room = repo::insert(
        conn,
        &NewRoom {
            id: Uuid::now_v7(),
            name: room.name,
            description: None,
            access: RoomAccess::Event,
            theme_id: room.theme_id,
            organization_id: room.organization_id,
            dot_votes_per_user: 3,
            created_by,
        },
    )
    .await?;
    if let Some(m) = moderator {
        repo::add_person(conn, PeopleList::Moderators, room.id, m).await?;
    }
    Ok(room.id)
}

/// Renames the room and files it under another theme (`None` keeps what it has).
pub async fn retitle(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    name: Option<String>,
    theme_id: Option<Option<Uuid>>,
) -> AppResult<()> {
    repo::update(
        conn,
        room,
        &RoomChangeset {
            name,
            description: None,
            access: None,
            theme_id,
            organization_id: None,
            dot_votes_per_user: None,
            updated_at: Utc::now(),
        },
    )
    .await?;
    Ok(())
}

/// Gives `users` a seat in an owned room, or takes it away; who already has (or lacks) one
/// is left as is.
pub async fn set_seats(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    users: &[Uuid],
    seated: bool,
) -> AppResult<()> {
    if users.is_empty() {
        return Ok(());
    }
    if seated {
        repo::add_participants(conn, room, users).await?;
    } else {
        repo::remove_participants(conn, room, users).await?;
    }
    Ok(())
}

pub async fn is_moderator(conn: &mut AsyncPgConnection, room: Uuid, user: Uuid) -> AppResult<bool> {
    Ok(repo::is_moderator(conn, room, user).await?)
}

/// Which of `rooms` `user` moderates.
pub async fn moderated_among(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    rooms: &[Uuid],
) -> AppResult<HashSet<Uuid>> {
    Ok(repo::moderated_among(conn, user, rooms).await?)
}

/// `false` when `user` is on the room's moderator list already; 409 `moderates_by_role`
/// when they moderate it by their organization role (a list row would outlive the role).
pub async fn add_moderator(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> AppResult<bool> {
    service::add_moderator(conn, room, user).await
}

/// `false` when `user` was not on the room's moderator list; 409 `moderates_by_role` when
/// they moderate it by their organization role, `last_moderator` when nobody would
/// moderate the room any more (the removal is undone).
pub async fn remove_moderator(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> AppResult<bool> {
    service::remove_moderator(conn, room, user).await
}

/// The first `limit` people who moderate the room (on its list or by their role in its
/// organization), in the order of their ids.
pub async fn moderators(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    limit: i64,
) -> AppResult<Vec<PersonView>> {
    let rows = repo::moderators_by_rule(conn, room, None, limit).await?;
    Ok(rows.into_iter().map(|(p, _)| PersonView::from(p)).collect())
}

/// `Some(moderates)` when `user` may enter the room; `None` when not, or when there is no
/// such room (a room one may not enter does not reveal that it exists).
pub async fn access(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: &AuthUser,
) -> AppResult<Option<bool>> {
    match repo::find(conn, room).await? {
        Some(room) => service::access(conn, &room, user).await,
        None => Ok(None),
    }
}

/// The room's transcript as Markdown (the caller has checked that it may read it).
pub async fn transcript(conn: &mut AsyncPgConnection, room: Uuid) -> AppResult<String> {
    let room = repo::find(conn, room)
        .await?
        .ok_or_else(|| AppError::not_found("room"))?;
    service::markdown_of(conn, &room).await
}

/// A `room.closed` stored in the caller's transaction, to be published after its commit.
#[must_use = "publish it after the commit, or the room's sockets hear of it late"]
pub struct Closed {
    room: Uuid,
    seq: i64,
}

/// Makes the room read-only: appends `room.closed` with `reason`, by `actor`.
pub async fn close(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    actor: Actor,
    reason: &str,
) -> AppResult<Closed> {
    let event = service::append_closed(conn, room, actor, reason).await?;
    Ok(Closed {
        room,
        seq: event.seq,
    })
}

impl Closed {
    /// Tells every instance's sockets in the room (call after the commit).
    pub fn publish(self, pubsub: &PubSub) {
        let seq = self.seq;
        pubsub.publish(Topic::RoomLog, &format!("{}:{seq}:{seq}", self.room));
    }
}

/// Takes `user` off every room's participant and moderator list (the account is closing).
/// Unlike removing one moderator, this may leave a room with no one on its list: platform
/// moderators (and an organization's owners and editors, for its rooms) still moderate it.
pub async fn forget_person(conn: &mut AsyncPgConnection, user: Uuid) -> AppResult<()> {
    repo::forget_person(conn, user).await?;
    Ok(())
}

/// A room as another domain lists it.
pub struct RoomLink {
    pub id: Uuid,
    pub name: String,
}

/// The newest `limit` rooms `user` may enter by the access rule (their own places: a
/// platform moderator's right to enter every room does not make every room theirs).
pub async fn enterable(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    limit: i64,
) -> AppResult<Vec<RoomLink>> {
    Ok(repo::newest_enterable(conn, user, limit)
        .await?
        .into_iter()
        .map(|(id, name)| RoomLink { id, name })
        .collect())
}
