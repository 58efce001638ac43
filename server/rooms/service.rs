use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::dto::{
    CreateRoomRequest, EventsPage, EventsParams, ModeratorView, RoomView, UpdateRoomRequest,
};
use super::export;
use super::protocol::payload::{Payload, RoomClosed};
use super::protocol::{Actor, Event, EventKind};
use super::repo::{self, EventRow, NewRoom, PeopleList, Room, RoomChangeset};
use crate::auth::AuthUser;
use crate::auth::repo as users_repo;
use crate::db::schema::{organizations, themes};
use crate::domain::{RoomName, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest};
use crate::pubsub::Rights;
use crate::shared::person::PersonView;
use crate::shared::vocab::{Role, RoomAccess};
use crate::state::AppState;

const MAX_DESCRIPTION: usize = 5000;
const MAX_EVENTS_PAGE: i64 = 1000;
const EVENT_ACCESS: &str =
    "`event` access belongs to the rooms of workshop events and follows their registrations";

/// `Some(is_moderator)` when `user` may enter `room` (the rule is `repo::enterable_by`).
/// Platform moderators and admins may enter and moderate every room.
pub async fn access(
    conn: &mut AsyncPgConnection,
    room: &Room,
    user: &AuthUser,
) -> AppResult<Option<bool>> {
    if user.is_moderator() {
        return Ok(Some(true));
    }
    Ok(repo::entry(conn, room.id, user.id).await?)
}

/// Where an open socket stands now (its rights are re-checked when they may have changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Its sign-in session was ended (or the account is gone).
    SessionEnded,
    /// It may no longer enter the room.
    Refused,
    Enters {
        moderator: bool,
        /// When its session ends unless refreshed (`session_end`).
        session_ends: DateTime<Utc>,
    },
}

/// When the sign-in session `session` ends if it is not refreshed (a refresh moves it on,
/// never past the session's absolute lifetime); `None` when it has ended.
pub async fn session_end(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    session: Uuid,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(users_repo::session_ends_at(conn, user, session).await?)
}

/// The rule of `hello` (`access`, after the token's session and account), run again.
pub async fn standing(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
    session: Uuid,
) -> AppResult<Standing> {
    let Some(account) = users_repo::find_in_session(conn, user, session).await? else {
        return Ok(Standing::SessionEnded);
    };
    let Some(session_ends) = session_end(conn, user, session).await? else {
        return Ok(Standing::SessionEnded);
    };
    if matches!(account.role, Role::Admin | Role::Moderator) {
        return Ok(Standing::Enters {
            moderator: true,
            session_ends,
        });
    }
    Ok(match repo::entry(conn, room, user).await? {
        Some(moderator) => Standing::Enters {
            moderator,
            session_ends,
        },
        None => Standing::Refused,
    })
}

/// The room and whether the caller moderates it; 404 when it does not exist or the caller
/// may not enter (an invite-only room does not reveal that it exists).
async fn enter(conn: &mut AsyncPgConnection, id: Uuid, user: &AuthUser) -> AppResult<(Room, bool)> {
    let room = repo::find(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("room"))?;
    match access(conn, &room, user).await? {
        Some(is_mod) => Ok((room, is_mod)),
        None => Err(AppError::not_found("room")),
    }
}

async fn moderate(conn: &mut AsyncPgConnection, id: Uuid, user: &AuthUser) -> AppResult<Room> {
    let (room, is_mod) = enter(conn, id, user).await?;
    if !is_mod {
        return Err(AppError::forbidden(
            "only the room's moderators may do this",
        ));
    }
    Ok(room)
}

fn dot_budget(e: &mut FieldErrors, v: Option<i32>) -> Option<i32> {
    v.and_then(|n| {
        e.check(
            "dot_votes_per_user",
            if (0..=100).contains(&n) {
                Ok(n)
            } else {
                Err("must be between 0 and 100")
            },
        )
    })
}

/// Theme and organization must exist: a 422 naming the field beats a foreign-key 409.
async fn check_refs(
    conn: &mut AsyncPgConnection,
    e: &mut FieldErrors,
    theme: Option<Uuid>,
    org: Option<Uuid>,
) -> AppResult<()> {
    if let Some(t) = theme {
        let found: bool = diesel::select(diesel::dsl::exists(themes::table.find(t)))
            .get_result(conn)
            .await?;
        if !found {
            e.add("theme_id", "no such theme");
        }
    }
    if let Some(o) = org {
        let found: bool = diesel::select(diesel::dsl::exists(organizations::table.find(o)))
            .get_result(conn)
            .await?;
        if !found {
            e.add("organization_id", "no such organization");
        }
    }
    Ok(())
}

pub async fn create(
    state: &AppState,
    caller: &AuthUser,
    req: CreateRoomRequest,
) -> AppResult<RoomView> {
    if !caller.is_moderator() {
        return Err(AppError::forbidden(
            "creating rooms needs the moderator or admin role",
        ));
    }
    let mut e = FieldErrors::new();
    let name = e.check("name", RoomName::parse(&req.name));
    let description = req
        .description
        .as_deref()
        .and_then(|d| e.check("description", text(d, MAX_DESCRIPTION)))
        .filter(|d| !d.is_empty());
    let dots = dot_budget(&mut e, req.dot_votes_per_user);
    if req.access == RoomAccess::Event {
        e.add("access", EVENT_ACCESS);
    }
    if req.access == RoomAccess::Members && req.organization_id.is_none() {
        e.add("organization_id", "is required for `members` rooms");
    }
    let mut conn = state.conn().await?;
    check_refs(&mut conn, &mut e, req.theme_id, req.organization_id).await?;
    e.finish()?;
    let new = NewRoom {
        id: Uuid::now_v7(),
        name: name.expect("checked").into_inner(),
        description,
        access: req.access,
        theme_id: req.theme_id,
        organization_id: req.organization_id,
        dot_votes_per_user: dots.unwrap_or(3),
        created_by: caller.id,
    };
    let room = diesel_async::AsyncConnection::transaction::<_, AppError, _>(
        &mut *conn,
        async move |conn| {
            let room = repo::insert(conn, &new).await?;
            repo::add_person(conn, PeopleList::Moderators, room.id, caller.id).await?;
            Ok(room)
        },
    )
    .await?;
    tracing::info!(room_id = %room.id, by = %caller.id, "room created");
    Ok(RoomView::new(room, true))
}

pub async fn list(
    state: &AppState,
    caller: &AuthUser,
    page: PageRequest,
) -> AppResult<Page<RoomView>> {
    let mut conn = state.conn().await?;
    let rows = repo::list_enterable(
        &mut conn,
        caller.id,
        caller.is_moderator(),
        page.after_uuid()?,
        page.fetch(),
    )
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mods = repo::moderated_among(&mut conn, caller.id, &ids).await?;
    let all = caller.is_moderator();
    Ok(Page::from_rows(
        rows,
        &page,
        |r| r.id.to_string(),
        |r| {
            let m = all || mods.contains(&r.id);
            RoomView::new(r, m)
        },
    ))
}

pub async fn get(state: &AppState, caller: &AuthUser, id: Uuid) -> AppResult<RoomView> {
    let mut conn = state.conn().await?;
    let (room, is_mod) = enter(&mut conn, id, caller).await?;
    Ok(RoomView::new(room, is_mod))
}

pub async fn update(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    req: UpdateRoomRequest,
) -> AppResult<RoomView> {
    let mut conn = state.conn().await?;
    let room = moderate(&mut conn, id, caller).await?;
    let mut e = FieldErrors::new();
    let name = req
        .name
        .as_deref()
        .and_then(|n| e.check("name", RoomName::parse(n)))
        .map(RoomName::into_inner);
    let description = req.description.map(|d| {
        d.and_then(|d| e.check("description", text(&d, MAX_DESCRIPTION)))
            .filter(|d| !d.is_empty())
    });
    let dots = dot_budget(&mut e, req.dot_votes_per_user);
    let access = req.access.unwrap_or(room.access);
    if req.access.is_some_and(|a| a != room.access)
        && (access == RoomAccess::Event || room.access == RoomAccess::Event)
    {
        e.add("access", EVENT_ACCESS);
    }
    // An event's room belongs to the event's organization, whose owners and editors
    // moderate it: moving it elsewhere would hand the moderation to another organization.
    if room.access == RoomAccess::Event
        && req
            .organization_id
            .is_some_and(|o| o != room.organization_id)
    {
        e.add(
            "organization_id",
            "an event's room belongs to the event's organization",
        );
    }
    let org = req.organization_id.unwrap_or(room.organization_id);
    if access == RoomAccess::Members && org.is_none() {
        e.add("organization_id", "is required for `members` rooms");
    }
    check_refs(
        &mut conn,
        &mut e,
        req.theme_id.flatten(),
        req.organization_id.flatten(),
    )
    .await?;
    e.finish()?;
    let changes = RoomChangeset {
        name,
        description,
        access: req.access,
        theme_id: req.theme_id,
        organization_id: req.organization_id,
        dot_votes_per_user: dots,
        updated_at: Utc::now(),
    };
    let room = repo::update(&mut conn, id, &changes).await?;
    // Who may enter follows the access and the organization: everyone inside is re-checked.
    if req.access.is_some() || req.organization_id.is_some() {
        state.pubsub.rights_changed(Rights::Room(id));
    }
    Ok(RoomView::new(room, true))
}

/// The participants of an event's room are its registered people: they change by
/// registering and cancelling, not here.
fn seats_belong_to_the_event(room: &Room, list: PeopleList) -> AppResult<()> {
    if list == PeopleList::Participants && room.access == RoomAccess::Event {
        return Err(AppError::conflict(
            "event_seats",
            "the participants of an event's room are its registrations; register or cancel instead",
        ));
    }
    Ok(())
}

pub async fn add_person(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    list: PeopleList,
    user: Uuid,
) -> AppResult<PersonView> {
    let mut conn = state.conn().await?;
    let room = moderate(&mut conn, id, caller).await?;
    seats_belong_to_the_event(&room, list)?;
    let target = users_repo::find(&mut conn, user)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    let added = match list {
        PeopleList::Moderators => add_moderator(&mut conn, id, user).await?,
        PeopleList::Participants => repo::add_person(&mut conn, list, id, user).await?,
    };
    if !added {
        return Err(AppError::conflict(
            "already_added",
            match list {
                PeopleList::Moderators => "this user already moderates the room",
                PeopleList::Participants => "this user is already invited",
            },
        ));
    }
    state.pubsub.rights_changed(Rights::User(user));
    Ok(PersonView {
        user_id: target.id,
        display_name: target.display_name,
        added_at: Utc::now(),
    })
}

pub async fn remove_person(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    list: PeopleList,
    user: Uuid,
) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let removed = diesel_async::AsyncConnection::transaction::<_, AppError, _>(
        &mut *conn,
        async move |conn| {
            // The caller's right is read under the room's lock: two moderators removing
            // each other at once cannot both still be moderators when they act.
            repo::lock_rooms(conn, &[id]).await?;
            let room = moderate(conn, id, caller).await?;
            seats_belong_to_the_event(&room, list)?;
            match list {
                PeopleList::Moderators => remove_moderator(conn, id, user).await,
                PeopleList::Participants => Ok(repo::remove_person(conn, list, id, user).await?),
            }
        },
    )
    .await?;
    if !removed {
        return Err(AppError::not_found(match list {
            PeopleList::Moderators => "moderator",
            PeopleList::Participants => "participant",
        }));
    }
    // An open socket of theirs loses the right now, on every instance.
    state.pubsub.rights_changed(Rights::User(user));
    Ok(())
}

/// 409 for someone who moderates by their organization role: a list row would let them
/// keep moderating once the role is gone, and removing one would not stop them.
fn moderates_by_role() -> AppError {
    AppError::conflict(
        "moderates_by_role",
        "this user moderates by their role in the organization; change their organization role instead",
    )
}

/// Puts `user` on the room's moderator list; `false` when they are on it already, 409
/// `moderates_by_role` when they moderate the room by their organization role.
pub async fn add_moderator(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> AppResult<bool> {
    if repo::moderates_by_role(conn, room, user).await? {
        return Err(moderates_by_role());
    }
    Ok(repo::add_person(conn, PeopleList::Moderators, room, user).await?)
}

/// Takes `user` off the room's moderator list, unless that leaves nobody to moderate it
/// (409 `last_moderator`); `false` when they were not on it, 409 `moderates_by_role` when
/// they moderate it by their organization role. It runs in its own transaction (a
/// savepoint inside the caller's), so a refusal undoes the removal; the room row stays
/// locked until the outermost transaction ends, so two moderators removing each other at
/// once cannot both succeed.
pub async fn remove_moderator(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> AppResult<bool> {
    diesel_async::AsyncConnection::transaction::<_, AppError, _>(conn, async move |conn| {
        repo::lock_rooms(conn, &[room]).await?;
        if !repo::remove_person(conn, PeopleList::Moderators, room, user).await? {
            if repo::moderates_by_role(conn, room, user).await? {
                return Err(moderates_by_role());
            }
            return Ok(false);
        }
        if repo::moderator_count(conn, room).await? == 0 {
            return Err(AppError::conflict(
                "last_moderator",
                "the room's last moderator cannot be removed; add another first",
            ));
        }
        Ok(true)
    })
    .await
}

pub async fn list_people(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    list: PeopleList,
    page: PageRequest,
) -> AppResult<Page<PersonView>> {
    let mut conn = state.conn().await?;
    enter(&mut conn, id, caller).await?;
    let rows = repo::list_people(&mut conn, list, id, page.after_uuid()?, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |p| p.user_id.to_string(),
        PersonView::from,
    ))
}

/// The room's moderators by the rule (its list, and for an event's room the owners and
/// editors of its organization), each marked with how they moderate.
pub async fn list_moderators(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<ModeratorView>> {
    let mut conn = state.conn().await?;
    enter(&mut conn, id, caller).await?;
    let rows = repo::moderators_by_rule(&mut conn, id, page.after_uuid()?, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |(p, _)| p.user_id.to_string(),
        ModeratorView::from,
    ))
}

pub async fn events(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    params: EventsParams,
) -> AppResult<EventsPage> {
    let mut e = FieldErrors::new();
    let after = params
        .after_seq
        .and_then(|a| {
            e.check(
                "after_seq",
                if a >= 0 { Ok(a) } else { Err("must be >= 0") },
            )
        })
        .unwrap_or(0);
    let limit = params
        .limit
        .and_then(|l| {
            e.check(
                "limit",
                if (1..=MAX_EVENTS_PAGE).contains(&l) {
                    Ok(l)
                } else {
                    Err("must be between 1 and 1000")
                },
            )
        })
        .unwrap_or(100);
    e.finish()?;
    let mut conn = state.conn().await?;
    let (room, is_mod) = enter(&mut conn, id, caller).await?;
    let events = repo::events(&mut conn, id, after, room.last_seq, limit).await?;
    let hidden = if is_mod {
        Default::default()
    } else {
        repo::hidden_questions(&mut conn, id).await?
    };
    let last_in_page = events.last().map_or(after, |e| e.seq);
    Ok(EventsPage {
        next_after_seq: (last_in_page < room.last_seq).then_some(last_in_page),
        items: events
            .iter()
            .map(|e| {
                let mut v = e.render();
                redact_hidden(&mut v, &hidden);
                v
            })
            .collect(),
        last_seq: room.last_seq,
    })
}

/// Participants do not get the text of questions a moderator hid (moderators do).
pub fn redact_hidden(frame: &mut serde_json::Value, hidden: &std::collections::HashSet<i64>) {
    let is_hidden = frame["question_id"]
        .as_i64()
        .is_some_and(|q| hidden.contains(&q));
    let kind = frame["type"]
        .as_str()
        .and_then(|k| k.parse::<EventKind>().ok());
    let Some(obj) = frame.as_object_mut().filter(|_| is_hidden) else {
        return;
    };
    match kind {
        Some(EventKind::QuestionAsked) => {
            obj.remove("text");
            obj.insert("hidden".into(), serde_json::Value::Bool(true));
        }
        // An earlier unhide carried the text.
        Some(EventKind::QuestionHidden) => {
            obj.remove("text");
        }
        _ => {}
    }
}

pub async fn export(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    format: Option<&str>,
) -> AppResult<String> {
    match format.unwrap_or("md") {
        "md" | "markdown" => {}
        other => {
            return Err(FieldErrors::single(
                "format",
                format!("`{other}` is not supported; use `md`"),
            ));
        }
    }
    let mut conn = state.conn().await?;
    let (room, _) = enter(&mut conn, id, caller).await?;
    markdown_of(&mut conn, &room).await
}

/// Makes a room read-only for good (its event ended or was cancelled): appends `room.closed`
/// inside the caller's transaction. After the commit, hand the event to `Hub::publish`.
pub async fn append_closed(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    actor: Actor,
    reason: &str,
) -> AppResult<Event> {
    let (_, last, _) = repo::lock_rooms(conn, &[room])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found("room"))?;
    let event = Event {
        seq: last + 1,
        kind: RoomClosed::KIND,
        actor,
        r#ref: None,
        data: RoomClosed {
            reason: reason.to_owned(),
        }
        .to_data(),
        at: Utc::now(),
    };
    repo::insert_events(conn, &[EventRow::new(room, &event)]).await?;
    repo::set_last_seqs(conn, &[(room, event.seq)]).await?;
    Ok(event)
}

/// The room's minutes as Markdown (the caller has checked access).
pub async fn markdown_of(conn: &mut AsyncPgConnection, room: &Room) -> AppResult<String> {
    let mut events = Vec::new();
    repo::events_all(conn, room.id, 0, room.last_seq, |e| events.push(e)).await?;
    Ok(export::markdown(room, &events, Utc::now()))
}

/// Instances silent this long are taken for dead (the hub's heartbeat is every 10 s and its
/// reaper removes them after 45 s; counting from the same bound keeps both views equal).
pub const INSTANCE_ALIVE_SECS: i32 = 45;
/// The most rooms the overview lists.
const OCCUPIED_LIMIT: i64 = 200;

/// Who is in the rooms now, across every instance: each instance writes its sockets'
/// users to `room_presence` and heartbeats; dead instances' rows are not counted.
pub async fn occupied(state: &AppState, caller: &AuthUser) -> AppResult<Vec<repo::OccupiedRoom>> {
    if !caller.is_moderator() {
        return Err(AppError::forbidden(
            "the rooms overview needs the moderator or admin role",
        ));
    }
    let mut conn = state.conn().await?;
    Ok(repo::occupied_rooms(&mut conn, INSTANCE_ALIVE_SECS, OCCUPIED_LIMIT).await?)
}

/// Instances of this deployment alive now (heard from within `INSTANCE_ALIVE_SECS`).
pub async fn live_instances(state: &AppState) -> AppResult<i64> {
    let mut conn = state.conn().await?;
    Ok(repo::live_instances(&mut conn, INSTANCE_ALIVE_SECS).await?)
}
