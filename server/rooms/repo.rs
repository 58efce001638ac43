use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use uuid::Uuid;

use super::protocol::{Actor, Event, EventKind};
use super::state::RoomState;
use crate::db::schema::{
    organization_members, room_bans, room_events, room_moderators, room_participants,
    room_presence, rooms, server_instances, users,
};
use crate::shared::vocab::{MemberRole, RoomAccess};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rooms)]
pub struct Room {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub access: RoomAccess,
    pub theme_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub dot_votes_per_user: i32,
    pub last_seq: i64,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = rooms)]
pub struct NewRoom {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub access: RoomAccess,
    pub theme_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub dot_votes_per_user: i32,
    pub created_by: Uuid,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = rooms)]
pub struct RoomChangeset {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub access: Option<RoomAccess>,
    pub theme_id: Option<Option<Uuid>>,
    pub organization_id: Option<Option<Uuid>>,
    pub dot_votes_per_user: Option<i32>,
    pub updated_at: DateTime<Utc>,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewRoom) -> QueryResult<Room> {
    diesel::insert_into(rooms::table)
        .values(new)
        .returning(Room::as_returning())
        .get_result(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Room>> {
    rooms::table
        .find(id)
        .select(Room::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &RoomChangeset,
) -> QueryResult<Room> {
    diesel::update(rooms::table.find(id))
        .set(changes)
        .returning(Room::as_returning())
        .get_result(conn)
        .await
}

/// Rooms `user` may enter, oldest first after `after`. `all` for platform moderators.
type RoomCondition = Box<dyn BoxableExpression<rooms::table, Pg, SqlType = Bool>>;

/// Who moderates a room: the people on its moderator list, and, for an organization's
/// event room, the organization's owners and editors by their role (so that losing the
/// role loses the moderation; `MODERATORS_SQL` is the same rule as a list).
fn moderates(user: Uuid) -> RoomCondition {
    let listed = diesel::dsl::exists(
        room_moderators::table
            .filter(room_moderators::room_id.eq(rooms::id))
            .filter(room_moderators::user_id.eq(user)),
    );
    let by_role = diesel::dsl::exists(
        organization_members::table
            .filter(
                organization_members::organization_id
                    .nullable()
                    .eq(rooms::organization_id),
            )
            .filter(organization_members::user_id.eq(user))
            .filter(organization_members::role.eq_any([MemberRole::Owner, MemberRole::Editor])),
    );
    Box::new(listed.or(rooms::access.eq(RoomAccess::Event).and(by_role)))
}

/// The moderators of room `$1` by the rule of `moderates`, one row per person.
const MODERATORS_SQL: &str = "
    SELECT m.user_id, m.created_at, false AS by_role FROM room_moderators m WHERE m.room_id = $1
    UNION ALL
    SELECT om.user_id, om.created_at, true AS by_role
    FROM rooms r JOIN organization_members om ON om.organization_id = r.organization_id
    WHERE r.id = $1 AND r.access = 'event' AND om.role IN ('owner', 'editor')
      AND NOT EXISTS (SELECT 1 FROM room_moderators m
                      WHERE m.room_id = r.id AND m.user_id = om.user_id)";

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many people moderate the room (platform moderators aside).
pub async fn moderator_count(conn: &mut AsyncPgConnection, room: Uuid) -> QueryResult<i64> {
    diesel::sql_query(format!("SELECT count(*) AS n FROM ({MODERATORS_SQL}) x"))
        .bind::<SqlUuid, _>(room)
        .get_result::<Count>(conn)
        .await
        .map(|c| c.n)
}

#[derive(QueryableByName)]
struct ModeratorRow {
    #[diesel(sql_type = SqlUuid)]
    user_id: Uuid,
    #[diesel(sql_type = Text)]
    display_name: String,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Bool)]
    by_role: bool,
}

/// The room's moderators by the rule of `moderates` (listed or by organization role), in
/// the order of their ids, after `after`; `true` beside those who moderate by their role
/// only (they are on no list: a change of their role is what ends it).
pub async fn moderators_by_rule(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> QueryResult<Vec<(PersonRow, bool)>> {
    let rows: Vec<ModeratorRow> = diesel::sql_query(format!(
        "SELECT x.user_id, u.display_name, x.created_at, x.by_role FROM ({MODERATORS_SQL}) x
         JOIN users u ON u.id = x.user_id WHERE x.user_id > $2 ORDER BY x.user_id LIMIT $3"
    ))
    .bind::<SqlUuid, _>(room)
    .bind::<SqlUuid, _>(after.unwrap_or(Uuid::nil()))
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let row = PersonRow {
                user_id: r.user_id,
                display_name: r.display_name,
                created_at: r.created_at,
            };
            (row, r.by_role)
        })
        .collect())
}

/// Whether `user` moderates the event room `room` by their role in its organization
/// (owner or editor), list or no list.
pub async fn moderates_by_role(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    let by_role = organization_members::table
        .filter(
            organization_members::organization_id
                .nullable()
                .eq(rooms::organization_id),
        )
        .filter(organization_members::user_id.eq(user))
        .filter(organization_members::role.eq_any([MemberRole::Owner, MemberRole::Editor]));
    diesel::select(diesel::dsl::exists(
        rooms::table
            .find(room)
            .filter(rooms::access.eq(RoomAccess::Event))
            .filter(diesel::dsl::exists(by_role)),
    ))
    .get_result(conn)
    .await
}

/// The one rule of who may enter a room (platform moderators aside, who enter them all):
/// nobody banned from it; its moderators; anyone if it is open; its participants if it is
/// by invitation or an event's (whose seats events keeps as participant rows); the members
/// of its organization if it is for members.
fn enterable_by(user: Uuid) -> RoomCondition {
    let banned = diesel::dsl::exists(
        room_bans::table
            .filter(room_bans::room_id.eq(rooms::id))
            .filter(room_bans::user_id.eq(user)),
    );
    let participant = diesel::dsl::exists(
        room_participants::table
            .filter(room_participants::room_id.eq(rooms::id))
            .filter(room_participants::user_id.eq(user)),
    );
    let member = diesel::dsl::exists(
        organization_members::table
            .filter(
                organization_members::organization_id
                    .nullable()
                    .eq(rooms::organization_id),
            )
            .filter(organization_members::user_id.eq(user)),
    );
    Box::new(
        diesel::dsl::not(banned).and(
            moderates(user)
                .or(rooms::access.eq(RoomAccess::Open))
                .or(rooms::access
                    .eq_any([RoomAccess::Invite, RoomAccess::Event])
                    .and(participant))
                .or(rooms::access.eq(RoomAccess::Members).and(member)),
        ),
    )
}

/// `Some(moderates)` when `user` may enter `room` by `enterable_by`, `None` when not (or
/// when there is no such room).
pub async fn entry(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> QueryResult<Option<bool>> {
    rooms::table
        .find(room)
        .filter(enterable_by(user))
        .select(moderates(user))
        .first(conn)
        .await
        .optional()
}

/// Rooms in id order; all of them for platform moderators (`all`), otherwise those `user`
/// may enter.
pub async fn list_enterable(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    all: bool,
    after: Option<Uuid>,
    fetch: i64,
) -> QueryResult<Vec<Room>> {
    let mut q = rooms::table
        .select(Room::as_select())
        .order(rooms::id)
        .limit(fetch)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(rooms::id.gt(a));
    }
    if !all {
        q = q.filter(enterable_by(user));
    }
    q.load(conn).await
}

/// Ids and names of the newest rooms `user` may enter by `enterable_by`.
pub async fn newest_enterable(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    limit: i64,
) -> QueryResult<Vec<(Uuid, String)>> {
    rooms::table
        .filter(enterable_by(user))
        .select((rooms::id, rooms::name))
        .order(rooms::id.desc())
        .limit(limit)
        .load(conn)
        .await
}

pub async fn is_moderator(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        rooms::table.find(room).filter(moderates(user)),
    ))
    .get_result(conn)
    .await
}

/// Which of `rooms` `user` moderates (one query for a page of rooms).
pub async fn moderated_among(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    ids: &[Uuid],
) -> QueryResult<std::collections::HashSet<Uuid>> {
    let ids: Vec<Uuid> = rooms::table
        .filter(rooms::id.eq_any(ids))
        .filter(moderates(user))
        .select(rooms::id)
        .load(conn)
        .await?;
    Ok(ids.into_iter().collect())
}

/// Which list of people a room keeps: its moderators or its invited participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleList {
    Moderators,
    Participants,
}

#[derive(Debug, Queryable)]
pub struct PersonRow {
    pub user_id: Uuid,
    pub display_name: String,
    pub created_at: DateTime<Utc>,
}

/// Adds `user`; `false` when already on the list.
pub async fn add_person(
    conn: &mut AsyncPgConnection,
    list: PeopleList,
    room: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    let n = match list {
        PeopleList::Moderators => {
            diesel::insert_into(room_moderators::table)
                .values((
                    room_moderators::room_id.eq(room),
                    room_moderators::user_id.eq(user),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?
        }
        PeopleList::Participants => {
            diesel::insert_into(room_participants::table)
                .values((
                    room_participants::room_id.eq(room),
                    room_participants::user_id.eq(user),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?
        }
    };
    Ok(n == 1)
}

pub async fn remove_person(
    conn: &mut AsyncPgConnection,
    list: PeopleList,
    room: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    let n = match list {
        PeopleList::Moderators => {
            diesel::delete(room_moderators::table.find((room, user)))
                .execute(conn)
                .await?
        }
        PeopleList::Participants => {
            diesel::delete(room_participants::table.find((room, user)))
                .execute(conn)
                .await?
        }
    };
    Ok(n == 1)
}

/// Adds participant rows for `users` (the seats of an owned room).
pub async fn add_participants(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    users: &[Uuid],
) -> QueryResult<()> {
    let rows: Vec<_> = users
        .iter()
        .map(|u| {
            (
                room_participants::room_id.eq(room),
                room_participants::user_id.eq(*u),
            )
        })
        .collect();
    diesel::insert_into(room_participants::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn remove_participants(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    users: &[Uuid],
) -> QueryResult<()> {
    diesel::delete(
        room_participants::table
            .filter(room_participants::room_id.eq(room))
            .filter(room_participants::user_id.eq_any(users)),
    )
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn list_people(
    conn: &mut AsyncPgConnection,
    list: PeopleList,
    room: Uuid,
    after: Option<Uuid>,
    fetch: i64,
) -> QueryResult<Vec<PersonRow>> {
    let after = after.unwrap_or(Uuid::nil());
    match list {
        PeopleList::Moderators => {
            room_moderators::table
                .inner_join(users::table)
                .filter(room_moderators::room_id.eq(room))
                .filter(room_moderators::user_id.gt(after))
                .order(room_moderators::user_id)
                .limit(fetch)
                .select((
                    room_moderators::user_id,
                    users::display_name,
                    room_moderators::created_at,
                ))
                .load(conn)
                .await
        }
        PeopleList::Participants => {
            room_participants::table
                .inner_join(users::table)
                .filter(room_participants::room_id.eq(room))
                .filter(room_participants::user_id.gt(after))
                .order(room_participants::user_id)
                .limit(fetch)
                .select((
                    room_participants::user_id,
                    users::display_name,
                    room_participants::created_at,
                ))
                .load(conn)
                .await
        }
    }
}

// ---- the log ----

#[derive(Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = room_events)]
pub struct EventRow {
    pub room_id: Uuid,
    pub seq: i64,
    pub kind: super::protocol::EventKind,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub client_ref: Option<String>,
    pub data: Value,
    pub created_at: DateTime<Utc>,
}

impl From<EventRow> for Event {
    fn from(r: EventRow) -> Self {
        Event {
            seq: r.seq,
            kind: r.kind,
            actor: Actor {
                // A deleted account's events stay, with the name they were posted under.
                user_id: r.actor_id.unwrap_or(Uuid::nil()),
                display_name: r.actor_name,
            },
            r#ref: r.client_ref,
            data: r.data,
            at: r.created_at,
        }
    }
}

impl EventRow {
    pub fn new(room_id: Uuid, e: &Event) -> Self {
        Self {
            room_id,
            seq: e.seq,
            kind: e.kind,
            // The nil id is the server itself (e.g. closing the room when an event ends).
            actor_id: (!e.actor.user_id.is_nil()).then_some(e.actor.user_id),
            actor_name: e.actor.display_name.clone(),
            client_ref: e.r#ref.clone(),
            data: e.data.clone(),
            created_at: e.at,
        }
    }
}

/// Events with `after < seq <= upto`, oldest first, at most `limit`.
pub async fn events(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    after: i64,
    upto: i64,
    limit: i64,
) -> QueryResult<Vec<Event>> {
    let rows: Vec<EventRow> = room_events::table
        .filter(room_events::room_id.eq(room))
        .filter(room_events::seq.gt(after))
        .filter(room_events::seq.le(upto))
        .order(room_events::seq)
        .limit(limit)
        .select(EventRow::as_select())
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(Event::from).collect())
}

/// Events from `after` to the end of the log, in pages (for the export and state loads).
pub async fn events_all(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    mut after: i64,
    upto: i64,
    mut each: impl FnMut(Event),
) -> QueryResult<()> {
    const PAGE: i64 = 5000;
    loop {
        let page = events(conn, room, after, upto, PAGE).await?;
        let n = page.len() as i64;
        for e in page {
            after = e.seq;
            each(e);
        }
        if n < PAGE {
            return Ok(());
        }
    }
}

pub async fn last_seq(conn: &mut AsyncPgConnection, room: Uuid) -> QueryResult<Option<i64>> {
    rooms::table
        .find(room)
        .select(rooms::last_seq)
        .first(conn)
        .await
        .optional()
}

/// The room's state up to its current `last_seq`, built from the log. Chat messages matter
/// to the state only through slow mode (each user's last message), so they are summarized
/// in SQL instead of being read one by one.
pub async fn load_state(conn: &mut AsyncPgConnection, room: Uuid) -> QueryResult<RoomState> {
    let upto = last_seq(conn, room).await?.unwrap_or(0);
    let mut state = RoomState::default();
    const PAGE: i64 = 5000;
    let mut after = 0;
    loop {
        let rows: Vec<EventRow> = room_events::table
            .filter(room_events::room_id.eq(room))
            .filter(room_events::seq.gt(after))
            .filter(room_events::seq.le(upto))
            .filter(room_events::kind.ne(EventKind::Chat))
            .order(room_events::seq)
            .limit(PAGE)
            .select(EventRow::as_select())
            .load(conn)
            .await?;
        let n = rows.len() as i64;
        for r in rows {
            after = r.seq;
            // Non-chat events arrive with gaps where the chats were; apply needs order only.
            state.applied_seq = r.seq - 1;
            state.apply(&Event::from(r));
        }
        if n < PAGE {
            break;
        }
    }
    let last_chats: Vec<(Option<Uuid>, Option<DateTime<Utc>>)> = room_events::table
        .filter(room_events::room_id.eq(room))
        .filter(room_events::seq.le(upto))
        .filter(room_events::kind.eq(EventKind::Chat))
        .group_by(room_events::actor_id)
        .select((
            room_events::actor_id,
            diesel::dsl::max(room_events::created_at),
        ))
        .load(conn)
        .await?;
    state.last_chat = last_chats
        .into_iter()
        .filter_map(|(u, t)| Some((u?, t?)))
        .collect();
    state.applied_seq = upto;
    Ok(state)
}

// ---- the writer's queries ----

/// Locks the rooms (in id order, as every writer does, so writers never deadlock) and
/// returns each one's `last_seq` and dot budget.
pub async fn lock_rooms(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, i64, i32)>> {
    rooms::table
        .filter(rooms::id.eq_any(ids))
        .order(rooms::id)
        .select((rooms::id, rooms::last_seq, rooms::dot_votes_per_user))
        // Not FOR UPDATE: that would also block foreign-key checks of rows that reference
        // the room (presence, bans, participants) behind every writer batch.
        .for_no_key_update()
        .load(conn)
        .await
}

#[derive(QueryableByName)]
struct RefHit {
    #[diesel(sql_type = SqlUuid)]
    room_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    actor_id: Uuid,
    #[diesel(sql_type = Text)]
    client_ref: String,
    #[diesel(sql_type = BigInt)]
    seq: i64,
}

/// Seqs already stored for these (room, actor, ref) triples: resent frames.
pub async fn existing_refs(
    conn: &mut AsyncPgConnection,
    keys: &[(Uuid, Uuid, String)],
) -> QueryResult<HashMap<(Uuid, Uuid, String), i64>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rooms: Vec<Uuid> = keys.iter().map(|k| k.0).collect();
    let actors: Vec<Uuid> = keys.iter().map(|k| k.1).collect();
    let refs: Vec<String> = keys.iter().map(|k| k.2.clone()).collect();
    let hits: Vec<RefHit> = diesel::sql_query(
        "SELECT e.room_id, e.actor_id, e.client_ref, e.seq \
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(room_id, actor_id, client_ref) \
         JOIN room_events e ON e.room_id = k.room_id AND e.actor_id = k.actor_id \
                           AND e.client_ref = k.client_ref",
    )
    .bind::<Array<SqlUuid>, _>(rooms)
    .bind::<Array<SqlUuid>, _>(actors)
    .bind::<Array<Text>, _>(refs)
    .load(conn)
    .await?;
    Ok(hits
        .into_iter()
        .map(|h| ((h.room_id, h.actor_id, h.client_ref), h.seq))
        .collect())
}

#[derive(QueryableByName)]
struct ChatHit {
    #[diesel(sql_type = SqlUuid)]
    room_id: Uuid,
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    actor_id: Option<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    deleted: bool,
}

/// Author and deleted flag of the chat messages that edits, deletions and reactions target.
pub async fn chat_targets(
    conn: &mut AsyncPgConnection,
    keys: &[(Uuid, i64)],
) -> QueryResult<HashMap<(Uuid, i64), (Option<Uuid>, bool)>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rooms: Vec<Uuid> = keys.iter().map(|k| k.0).collect();
    let seqs: Vec<i64> = keys.iter().map(|k| k.1).collect();
    let hits: Vec<ChatHit> = diesel::sql_query(
        "SELECT e.room_id, e.seq, e.actor_id, coalesce((e.data->>'deleted')::boolean, false) AS deleted \
         FROM unnest($1::uuid[], $2::bigint[]) AS k(room_id, seq) \
         JOIN room_events e ON e.room_id = k.room_id AND e.seq = k.seq AND e.kind = 'chat'",
    )
    .bind::<Array<SqlUuid>, _>(rooms)
    .bind::<Array<BigInt>, _>(seqs)
    .load(conn)
    .await?;
    Ok(hits
        .into_iter()
        .map(|h| ((h.room_id, h.seq), (h.actor_id, h.deleted)))
        .collect())
}

#[derive(QueryableByName)]
struct PersonHit {
    #[diesel(sql_type = SqlUuid)]
    room_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    user_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    moderator: bool,
}

/// For the accounts that mutes and kicks target: whether each exists and moderates the room.
pub async fn person_targets(
    conn: &mut AsyncPgConnection,
    keys: &[(Uuid, Uuid)],
) -> QueryResult<HashMap<(Uuid, Uuid), bool>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rooms: Vec<Uuid> = keys.iter().map(|k| k.0).collect();
    let people: Vec<Uuid> = keys.iter().map(|k| k.1).collect();
    let hits: Vec<PersonHit> = diesel::sql_query(
        "SELECT k.room_id, u.id AS user_id, \
                (u.role <> 'member' OR EXISTS (SELECT 1 FROM room_moderators m \
                    WHERE m.room_id = k.room_id AND m.user_id = u.id)) AS moderator \
         FROM unnest($1::uuid[], $2::uuid[]) AS k(room_id, user_id) \
         JOIN users u ON u.id = k.user_id",
    )
    .bind::<Array<SqlUuid>, _>(rooms)
    .bind::<Array<SqlUuid>, _>(people)
    .load(conn)
    .await?;
    Ok(hits
        .into_iter()
        .map(|h| ((h.room_id, h.user_id), h.moderator))
        .collect())
}

#[derive(QueryableByName)]
struct DocumentHit {
    #[diesel(sql_type = SqlUuid)]
    room_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    title: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    filename: String,
}

/// Documents named by chat messages, among those attached to the same room and not
/// deleted: (room, document) -> (title, latest file name).
pub async fn document_targets(
    conn: &mut AsyncPgConnection,
    keys: &[(Uuid, Uuid)],
) -> QueryResult<HashMap<(Uuid, Uuid), (String, String)>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rooms: Vec<Uuid> = keys.iter().map(|k| k.0).collect();
    let docs: Vec<Uuid> = keys.iter().map(|k| k.1).collect();
    let hits: Vec<DocumentHit> = diesel::sql_query(
        "SELECT k.room_id, d.id, d.title, v.filename \
         FROM unnest($1::uuid[], $2::uuid[]) AS k(room_id, doc_id) \
         JOIN documents d ON d.id = k.doc_id AND d.attached_type = 'room' \
              AND d.attached_id = k.room_id AND d.deleted_at IS NULL \
         JOIN document_versions v ON v.document_id = d.id AND v.number = d.latest",
    )
    .bind::<Array<SqlUuid>, _>(rooms)
    .bind::<Array<SqlUuid>, _>(docs)
    .load(conn)
    .await?;
    Ok(hits
        .into_iter()
        .map(|h| ((h.room_id, h.id), (h.title, h.filename)))
        .collect())
}

pub async fn insert_events(conn: &mut AsyncPgConnection, rows: &[EventRow]) -> QueryResult<()> {
    // 8 binds a row; PostgreSQL allows 65535 per statement.
    for chunk in rows.chunks(4000) {
        diesel::insert_into(room_events::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn set_last_seqs(conn: &mut AsyncPgConnection, seqs: &[(Uuid, i64)]) -> QueryResult<()> {
    let ids: Vec<Uuid> = seqs.iter().map(|s| s.0).collect();
    let values: Vec<i64> = seqs.iter().map(|s| s.1).collect();
    diesel::sql_query(
        "UPDATE rooms SET last_seq = v.seq FROM unnest($1::uuid[], $2::bigint[]) AS v(id, seq) \
         WHERE rooms.id = v.id",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<BigInt>, _>(values)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_banned(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    user: Uuid,
    banned: bool,
) -> QueryResult<()> {
    if banned {
        diesel::insert_into(room_bans::table)
            .values((room_bans::room_id.eq(room), room_bans::user_id.eq(user)))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    } else {
        diesel::delete(room_bans::table.find((room, user)))
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn is_banned(conn: &mut AsyncPgConnection, room: Uuid, user: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(room_bans::table.find((room, user))))
        .get_result(conn)
        .await
}

/// Questions a moderator hid, for redacting them in participants' history.
pub async fn hidden_questions(
    conn: &mut AsyncPgConnection,
    room: Uuid,
) -> QueryResult<std::collections::HashSet<i64>> {
    let rows: Vec<Value> = room_events::table
        .filter(room_events::room_id.eq(room))
        .filter(room_events::kind.eq(EventKind::QuestionHidden))
        .order(room_events::seq)
        .select(room_events::data)
        .load(conn)
        .await?;
    let mut hidden = std::collections::HashSet::new();
    for d in rows {
        if let Some(q) = d.get("question_id").and_then(Value::as_i64) {
            if d.get("hidden").and_then(Value::as_bool).unwrap_or(true) {
                hidden.insert(q);
            } else {
                hidden.remove(&q);
            }
        }
    }
    Ok(hidden)
}

/// Edits and deletions also rewrite the original message, so history shows the current
/// text (with its document) and a deleted message's text is really gone (moderation removes it for a reason).
pub async fn rewrite_chat(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    seq: i64,
    new_text: Option<&str>,
) -> QueryResult<()> {
    match new_text {
        // An edit changes the text only: the attached document (and whatever else the
        // message carried) stays.
        Some(t) => {
            diesel::sql_query(
                "UPDATE room_events SET data = data || jsonb_build_object('text', $3::text, 'edited', true) \
                 WHERE room_id = $1 AND seq = $2",
            )
            .bind::<SqlUuid, _>(room)
            .bind::<BigInt, _>(seq)
            .bind::<diesel::sql_types::Text, _>(t)
            .execute(conn)
            .await?;
        }
        None => {
            diesel::update(room_events::table.find((room, seq)))
                .set(room_events::data.eq(serde_json::json!({"deleted": true})))
                .execute(conn)
                .await?;
        }
    }
    if new_text.is_none() {
        // Earlier edits carried the text too.
        diesel::sql_query(
            "UPDATE room_events SET data = jsonb_build_object('target_seq', $2::bigint, 'redacted', true) \
             WHERE room_id = $1 AND kind = 'chat.edited' AND (data->>'target_seq')::bigint = $2",
        )
        .bind::<SqlUuid, _>(room)
        .bind::<BigInt, _>(seq)
        .execute(conn)
        .await?;
    }
    Ok(())
}

// ---- room-wide presence across instances ----

/// `true` when the instance's row was missing: first start, or other instances took it
/// for dead (a long database outage) and removed its presence rows with it.
pub async fn heartbeat(conn: &mut AsyncPgConnection, instance: Uuid) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct R {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        inserted: bool,
    }
    let r: R = diesel::sql_query(
        "INSERT INTO server_instances (id) VALUES ($1) \
         ON CONFLICT (id) DO UPDATE SET seen_at = now() RETURNING (xmax = 0) AS inserted",
    )
    .bind::<SqlUuid, _>(instance)
    .get_result(conn)
    .await?;
    Ok(r.inserted)
}

/// Forgets instances silent for `secs` (killed ones); returns the rooms whose presence
/// changed.
pub async fn reap_instances(conn: &mut AsyncPgConnection, secs: i32) -> QueryResult<Vec<Uuid>> {
    #[derive(QueryableByName)]
    struct R {
        #[diesel(sql_type = SqlUuid)]
        room_id: Uuid,
    }
    let rows: Vec<R> = diesel::sql_query(
        "WITH gone AS (DELETE FROM server_instances \
                       WHERE seen_at < now() - make_interval(secs => $1) RETURNING id) \
         DELETE FROM room_presence WHERE instance_id IN (SELECT id FROM gone) RETURNING room_id",
    )
    .bind::<diesel::sql_types::Integer, _>(secs)
    .load(conn)
    .await?;
    let mut rooms: Vec<Uuid> = rows.into_iter().map(|r| r.room_id).collect();
    rooms.sort_unstable();
    rooms.dedup();
    Ok(rooms)
}

/// A room with someone in it now, counted over every live instance's presence rows.
#[derive(Debug, QueryableByName)]
pub struct OccupiedRoom {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = BigInt)]
    pub participants: i64,
    #[diesel(sql_type = BigInt)]
    pub instances: i64,
}

/// Rooms with present users on instances heard from within `secs`, busiest first.
pub async fn occupied_rooms(
    conn: &mut AsyncPgConnection,
    secs: i32,
    limit: i64,
) -> QueryResult<Vec<OccupiedRoom>> {
    diesel::sql_query(
        "SELECT r.id, r.name, count(DISTINCT p.user_id) AS participants, \
                count(DISTINCT p.instance_id) AS instances \
         FROM room_presence p \
         JOIN rooms r ON r.id = p.room_id \
         JOIN server_instances s ON s.id = p.instance_id \
          AND s.seen_at >= now() - make_interval(secs => $1) \
         GROUP BY r.id, r.name ORDER BY participants DESC, r.name, r.id LIMIT $2",
    )
    .bind::<diesel::sql_types::Integer, _>(secs)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await
}

/// Instances that sent a heartbeat within `secs`.
pub async fn live_instances(conn: &mut AsyncPgConnection, secs: i32) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct R {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let r: R = diesel::sql_query(
        "SELECT count(*) AS n FROM server_instances \
         WHERE seen_at >= now() - make_interval(secs => $1)",
    )
    .bind::<diesel::sql_types::Integer, _>(secs)
    .get_result(conn)
    .await?;
    Ok(r.n)
}

pub async fn set_presence(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    instance: Uuid,
    user: Uuid,
    name: &str,
    present: bool,
) -> QueryResult<()> {
    if present {
        diesel::insert_into(room_presence::table)
            .values((
                room_presence::room_id.eq(room),
                room_presence::instance_id.eq(instance),
                room_presence::user_id.eq(user),
                room_presence::display_name.eq(name),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    } else {
        diesel::delete(room_presence::table.find((room, instance, user)))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Users present in `room` through other instances.
pub async fn remote_presence(
    conn: &mut AsyncPgConnection,
    room: Uuid,
    me: Uuid,
) -> QueryResult<Vec<(Uuid, String)>> {
    room_presence::table
        .filter(room_presence::room_id.eq(room))
        .filter(room_presence::instance_id.ne(me))
        .select((room_presence::user_id, room_presence::display_name))
        .distinct()
        .load(conn)
        .await
}

pub async fn leave_all(conn: &mut AsyncPgConnection, instance: Uuid) -> QueryResult<()> {
    diesel::delete(server_instances::table.find(instance))
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes `user` from every room's lists.
pub async fn forget_person(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<()> {
    diesel::delete(room_participants::table.filter(room_participants::user_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::delete(room_moderators::table.filter(room_moderators::user_id.eq(user)))
        .execute(conn)
        .await?;
    Ok(())
}
