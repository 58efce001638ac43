use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{
    calendar_tokens, event_agenda_items, event_minutes, event_minutes_revisions,
    event_registrations, event_themes, events, organization_members, room_moderators, themes,
    users,
};
use crate::shared::vocab::{
    EventKind, EventMode, EventStatus, MemberRole, MinutesSource, RegistrationStatus,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub mode: EventMode,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub organization_id: Option<Uuid>,
    pub room_id: Uuid,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub next_queue: i64,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = events)]
pub struct NewEvent {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub mode: EventMode,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub organization_id: Option<Uuid>,
    pub room_id: Uuid,
    pub created_by: Uuid,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = events)]
pub struct EventChangeset {
    pub title: Option<String>,
    pub description: Option<String>,
    pub kind: Option<EventKind>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub timezone: Option<String>,
    pub mode: Option<EventMode>,
    pub location: Option<Option<String>>,
    pub online_url: Option<Option<String>>,
    pub capacity: Option<Option<i32>>,
    pub registration_opens_at: Option<Option<DateTime<Utc>>>,
    pub registration_closes_at: Option<Option<DateTime<Utc>>>,
    pub status: Option<EventStatus>,
    pub cancel_reason: Option<Option<String>>,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewEvent) -> QueryResult<Event> {
    diesel::insert_into(events::table)
        .values(new)
        .returning(Event::as_returning())
        .get_result(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Event>> {
    events::table
        .find(id)
        .select(Event::as_select())
        .first(conn)
        .await
        .optional()
}

/// The event, its row locked until the transaction ends: registrations, capacity changes
/// and status changes of one event take turns here.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Event>> {
    events::table
        .find(id)
        .select(Event::as_select())
        // Not FOR UPDATE, which would also block the foreign-key checks of new rows that
        // reference the event.
        .for_no_key_update()
        .first(conn)
        .await
        .optional()
}

/// Applies `changes` and bumps the calendar SEQUENCE: every change is a new version.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &EventChangeset,
) -> QueryResult<Event> {
    diesel::update(events::table.find(id))
        .set((
            changes,
            events::sequence.eq(events::sequence + 1),
            events::updated_at.eq(Utc::now()),
        ))
        .returning(Event::as_returning())
        .get_result(conn)
        .await
}

/// Bumps the SEQUENCE for a change stored outside the row (agenda, themes).
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(events::table.find(id))
        .set((
            events::sequence.eq(events::sequence + 1),
            events::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn take_queue_number(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<i64> {
    diesel::update(events::table.find(id))
        .set(events::next_queue.eq(events::next_queue + 1))
        .returning(events::next_queue)
        .get_result(conn)
        .await
}

#[derive(Debug, Default)]
pub struct ListFilter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub theme: Option<Uuid>,
    pub organization: Option<Uuid>,
    pub statuses: Option<Vec<EventStatus>>,
    pub mode: Option<EventMode>,
    pub q: Option<String>,
}

/// Who is looking: drafts are shown to their moderators (and to platform moderators).
pub enum Viewer {
    Anonymous,
    User(Uuid),
    Everything,
}

/// Events by start time; `after` is the (starts_at, id) of the last row of the previous page.
pub async fn list(
    conn: &mut AsyncPgConnection,
    f: &ListFilter,
    viewer: &Viewer,
    after: Option<(DateTime<Utc>, Uuid)>,
    fetch: i64,
) -> QueryResult<Vec<Event>> {
    let mut q = events::table
        .select(Event::as_select())
        .order((events::starts_at, events::id))
        .limit(fetch)
        .into_boxed();
    if let Some(from) = f.from {
        q = q.filter(events::ends_at.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(events::starts_at.le(to));
    }
    if let Some(t) = f.theme {
        q = q.filter(diesel::dsl::exists(
            event_themes::table
                .filter(event_themes::event_id.eq(events::id))
                .filter(event_themes::theme_id.eq(t)),
        ));
    }
    if let Some(o) = f.organization {
        q = q.filter(events::organization_id.eq(o));
    }
    if let Some(s) = &f.statuses {
        q = q.filter(events::status.eq_any(s.clone()));
    }
    if let Some(m) = f.mode {
        q = q.filter(events::mode.eq(m));
    }
    if let Some(text) = &f.q {
        let pattern = crate::db::like_pattern(text);
        q = q.filter(
            events::title
                .ilike(pattern.clone())
                .or(events::description.ilike(pattern))
                .or(events::location.ilike(crate::db::like_pattern(text))),
        );
    }
    match viewer {
        Viewer::Everything => {}
        Viewer::Anonymous => q = q.filter(events::status.ne(EventStatus::Draft)),
        Viewer::User(u) => {
            q = q.filter(
                events::status
                    .ne(EventStatus::Draft)
                    .or(diesel::dsl::exists(
                        room_moderators::table
                            .filter(room_moderators::room_id.eq(events::room_id))
                            .filter(room_moderators::user_id.eq(*u)),
                    ))
                    // The organization's owners and editors moderate its events (the rule
                    // of `rooms`' access condition, for this list's drafts).
                    .or(diesel::dsl::exists(
                        organization_members::table
                            .filter(
                                organization_members::organization_id
                                    .nullable()
                                    .eq(events::organization_id),
                            )
                            .filter(organization_members::user_id.eq(*u))
                            .filter(
                                organization_members::role
                                    .eq_any([MemberRole::Owner, MemberRole::Editor]),
                            ),
                    )),
            )
        }
    }
    if let Some((t, id)) = after {
        q = q.filter(
            events::starts_at
                .gt(t)
                .or(events::starts_at.eq(t).and(events::id.gt(id))),
        );
    }
    q.load(conn).await
}

// ---- themes ----

#[derive(Debug, Clone, Queryable)]
pub struct ThemeRef {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

pub async fn set_themes(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    theme_ids: &[Uuid],
) -> QueryResult<()> {
    diesel::delete(event_themes::table.filter(event_themes::event_id.eq(event)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = theme_ids
        .iter()
        .map(|t| {
            (
                event_themes::event_id.eq(event),
                event_themes::theme_id.eq(*t),
            )
        })
        .collect();
    diesel::insert_into(event_themes::table)
        .values(rows)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn themes_of(
    conn: &mut AsyncPgConnection,
    event_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, Vec<ThemeRef>>> {
    let rows: Vec<(Uuid, ThemeRef)> = event_themes::table
        .inner_join(themes::table)
        .filter(event_themes::event_id.eq_any(event_ids))
        .order(themes::slug)
        .select((
            event_themes::event_id,
            (themes::id, themes::slug, themes::name),
        ))
        .load(conn)
        .await?;
    let mut out: HashMap<Uuid, Vec<ThemeRef>> = HashMap::new();
    for (e, t) in rows {
        out.entry(e).or_default().push(t);
    }
    Ok(out)
}

/// Those of `ids` that name no theme.
pub async fn unknown_themes(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    let found: Vec<Uuid> = themes::table
        .filter(themes::id.eq_any(ids))
        .select(themes::id)
        .load(conn)
        .await?;
    Ok(ids.iter().filter(|i| !found.contains(i)).copied().collect())
}

// ---- agenda ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_agenda_items)]
pub struct AgendaItem {
    pub event_id: Uuid,
    pub position: i32,
    pub starts_at: DateTime<Utc>,
    pub title: String,
    pub speaker: Option<String>,
    pub description: Option<String>,
}

pub async fn replace_agenda(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    items: &[AgendaItem],
) -> QueryResult<()> {
    diesel::delete(event_agenda_items::table.filter(event_agenda_items::event_id.eq(event)))
        .execute(conn)
        .await?;
    if !items.is_empty() {
        diesel::insert_into(event_agenda_items::table)
            .values(items)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn agenda(conn: &mut AsyncPgConnection, event: Uuid) -> QueryResult<Vec<AgendaItem>> {
    event_agenda_items::table
        .filter(event_agenda_items::event_id.eq(event))
        .order(event_agenda_items::position)
        .select(AgendaItem::as_select())
        .load(conn)
        .await
}

// ---- registrations ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_registrations)]
pub struct Registration {
    pub event_id: Uuid,
    pub user_id: Uuid,
    pub status: RegistrationStatus,
    pub queue: i64,
    pub attended: Option<bool>,
    pub created_at: DateTime<Utc>,
    pub registered_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

pub async fn registration(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    user: Uuid,
) -> QueryResult<Option<Registration>> {
    event_registrations::table
        .find((event, user))
        .select(Registration::as_select())
        .first(conn)
        .await
        .optional()
}

/// Stores a (new or renewed) registration at the end of the queue.
pub async fn upsert_registration(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    user: Uuid,
    status: RegistrationStatus,
    queue: i64,
) -> QueryResult<Registration> {
    let now = Utc::now();
    let seated = (status == RegistrationStatus::Registered).then_some(now);
    diesel::insert_into(event_registrations::table)
        .values((
            event_registrations::event_id.eq(event),
            event_registrations::user_id.eq(user),
            event_registrations::status.eq(status),
            event_registrations::queue.eq(queue),
            event_registrations::created_at.eq(now),
            event_registrations::registered_at.eq(seated),
        ))
        .on_conflict((event_registrations::event_id, event_registrations::user_id))
        .do_update()
        .set((
            event_registrations::status.eq(status),
            event_registrations::queue.eq(queue),
            event_registrations::attended.eq(None::<bool>),
            event_registrations::created_at.eq(now),
            event_registrations::registered_at.eq(seated),
            event_registrations::cancelled_at.eq(None::<DateTime<Utc>>),
        ))
        .returning(Registration::as_returning())
        .get_result(conn)
        .await
}

pub async fn cancel_registration(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    user: Uuid,
) -> QueryResult<()> {
    diesel::update(event_registrations::table.find((event, user)))
        .set((
            event_registrations::status.eq(RegistrationStatus::Cancelled),
            event_registrations::cancelled_at.eq(Utc::now()),
            event_registrations::attended.eq(None::<bool>),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn count_with_status(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    status: RegistrationStatus,
) -> QueryResult<i64> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(event))
        .filter(event_registrations::status.eq(status))
        .count()
        .get_result(conn)
        .await
}

/// 1-based place on the waitlist of the entry with this queue number.
pub async fn waitlist_position(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    queue: i64,
) -> QueryResult<i64> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(event))
        .filter(event_registrations::status.eq(RegistrationStatus::Waitlisted))
        .filter(event_registrations::queue.le(queue))
        .count()
        .get_result(conn)
        .await
}

/// Gives seats to the first `n` people of the waitlist; returns who got one.
pub async fn promote(conn: &mut AsyncPgConnection, event: Uuid, n: i64) -> QueryResult<Vec<Uuid>> {
    if n <= 0 {
        return Ok(Vec::new());
    }
    let first: Vec<Uuid> = event_registrations::table
        .filter(event_registrations::event_id.eq(event))
        .filter(event_registrations::status.eq(RegistrationStatus::Waitlisted))
        .order(event_registrations::queue)
        .limit(n)
        .select(event_registrations::user_id)
        .load(conn)
        .await?;
    if first.is_empty() {
        return Ok(first);
    }
    diesel::update(
        event_registrations::table
            .filter(event_registrations::event_id.eq(event))
            .filter(event_registrations::user_id.eq_any(&first)),
    )
    .set((
        event_registrations::status.eq(RegistrationStatus::Registered),
        event_registrations::registered_at.eq(Utc::now()),
    ))
    .execute(conn)
    .await?;
    Ok(first)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub registered: i64,
    pub waitlisted: i64,
    pub attended: i64,
}

pub async fn counts(
    conn: &mut AsyncPgConnection,
    event_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, Counts>> {
    let rows: Vec<(Uuid, RegistrationStatus, Option<bool>, i64)> = event_registrations::table
        .filter(event_registrations::event_id.eq_any(event_ids))
        .filter(event_registrations::status.ne(RegistrationStatus::Cancelled))
        .group_by((
            event_registrations::event_id,
            event_registrations::status,
            event_registrations::attended,
        ))
        .select((
            event_registrations::event_id,
            event_registrations::status,
            event_registrations::attended,
            diesel::dsl::count_star(),
        ))
        .load(conn)
        .await?;
    let mut out: HashMap<Uuid, Counts> = HashMap::new();
    for (e, status, attended, n) in rows {
        let c = out.entry(e).or_default();
        match status {
            RegistrationStatus::Registered => c.registered += n,
            RegistrationStatus::Waitlisted => c.waitlisted += n,
            RegistrationStatus::Cancelled => {}
        }
        if attended == Some(true) {
            c.attended += n;
        }
    }
    Ok(out)
}

pub async fn counts_of(conn: &mut AsyncPgConnection, event: Uuid) -> QueryResult<Counts> {
    Ok(counts(conn, &[event])
        .await?
        .remove(&event)
        .unwrap_or_default())
}

/// The user's active registrations among `events`.
pub async fn registrations_among(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    events: &[Uuid],
) -> QueryResult<Vec<Registration>> {
    event_registrations::table
        .filter(event_registrations::user_id.eq(user))
        .filter(event_registrations::event_id.eq_any(events))
        .filter(event_registrations::status.ne(RegistrationStatus::Cancelled))
        .select(Registration::as_select())
        .load(conn)
        .await
}

#[derive(Debug, Queryable)]
pub struct RegistrationWithUser {
    pub registration: Registration,
    pub display_name: String,
    pub email: String,
}

/// Everyone who registered, in queue order (cancelled ones too).
pub async fn registrations(
    conn: &mut AsyncPgConnection,
    event: Uuid,
) -> QueryResult<Vec<RegistrationWithUser>> {
    event_registrations::table
        .inner_join(users::table)
        .filter(event_registrations::event_id.eq(event))
        .order(event_registrations::queue)
        .select((Registration::as_select(), users::display_name, users::email))
        .load(conn)
        .await
}

/// The caller's active registrations with their events, soonest first.
pub async fn registrations_of(
    conn: &mut AsyncPgConnection,
    user: Uuid,
) -> QueryResult<Vec<(Registration, Event)>> {
    event_registrations::table
        .inner_join(events::table)
        .filter(event_registrations::user_id.eq(user))
        .filter(event_registrations::status.ne(RegistrationStatus::Cancelled))
        .order((events::starts_at, events::id))
        .select((Registration::as_select(), Event::as_select()))
        .load(conn)
        .await
}

pub async fn set_attended(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    user: Uuid,
    attended: bool,
) -> QueryResult<Option<Registration>> {
    diesel::update(
        event_registrations::table
            .find((event, user))
            .filter(event_registrations::status.eq(RegistrationStatus::Registered)),
    )
    .set(event_registrations::attended.eq(attended))
    .returning(Registration::as_returning())
    .get_result(conn)
    .await
    .optional()
}

// ---- minutes ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_minutes)]
pub struct Minutes {
    pub markdown: String,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<Uuid>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_minutes_revisions)]
pub struct MinutesRevision {
    pub version: i32,
    pub markdown: String,
    pub source: MinutesSource,
    pub author_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// Writes version `version` of the minutes and keeps it as a revision. The caller holds
/// the event's lock and has checked that `version` follows the current one.
pub async fn put_minutes(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    version: i32,
    markdown: &str,
    source: MinutesSource,
    by: Uuid,
) -> QueryResult<Minutes> {
    let now = Utc::now();
    diesel::insert_into(event_minutes_revisions::table)
        .values((
            event_minutes_revisions::event_id.eq(event),
            event_minutes_revisions::version.eq(version),
            event_minutes_revisions::markdown.eq(markdown),
            event_minutes_revisions::source.eq(source),
            event_minutes_revisions::author_id.eq(by),
            event_minutes_revisions::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    diesel::insert_into(event_minutes::table)
        .values((
            event_minutes::event_id.eq(event),
            event_minutes::markdown.eq(markdown),
            event_minutes::updated_by.eq(by),
            event_minutes::updated_at.eq(now),
            event_minutes::version.eq(version),
        ))
        .on_conflict(event_minutes::event_id)
        .do_update()
        .set((
            event_minutes::markdown.eq(markdown),
            event_minutes::updated_by.eq(by),
            event_minutes::updated_at.eq(now),
            event_minutes::version.eq(version),
        ))
        .returning(Minutes::as_returning())
        .get_result(conn)
        .await
}

pub async fn minutes(conn: &mut AsyncPgConnection, event: Uuid) -> QueryResult<Option<Minutes>> {
    event_minutes::table
        .find(event)
        .select(Minutes::as_select())
        .first(conn)
        .await
        .optional()
}

/// Publishes (`Some(by)`) or withdraws (`None`) the current minutes; `None` when the event
/// has no minutes.
pub async fn set_minutes_published(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    by: Option<Uuid>,
) -> QueryResult<Option<Minutes>> {
    let at = by.map(|_| Utc::now());
    diesel::update(event_minutes::table.find(event))
        .set((
            event_minutes::published_at.eq(at),
            event_minutes::published_by.eq(by),
        ))
        .returning(Minutes::as_returning())
        .get_result(conn)
        .await
        .optional()
}

/// Revisions after `after`, oldest first.
pub async fn minutes_revisions(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    after: i32,
    fetch: i64,
) -> QueryResult<Vec<MinutesRevision>> {
    event_minutes_revisions::table
        .filter(event_minutes_revisions::event_id.eq(event))
        .filter(event_minutes_revisions::version.gt(after))
        .order(event_minutes_revisions::version)
        .limit(fetch)
        .select(MinutesRevision::as_select())
        .load(conn)
        .await
}

pub async fn minutes_revision(
    conn: &mut AsyncPgConnection,
    event: Uuid,
    version: i32,
) -> QueryResult<Option<MinutesRevision>> {
    event_minutes_revisions::table
        .find((event, version))
        .select(MinutesRevision::as_select())
        .first(conn)
        .await
        .optional()
}

// ---- calendar tokens ----

/// Replaces the user's token (the old one stops working in the same statement).
pub async fn set_calendar_token(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    hash: &[u8],
) -> QueryResult<()> {
    diesel::insert_into(calendar_tokens::table)
        .values((
            calendar_tokens::user_id.eq(user),
            calendar_tokens::token_hash.eq(hash),
        ))
        .on_conflict(calendar_tokens::user_id)
        .do_update()
        .set((
            calendar_tokens::token_hash.eq(hash),
            calendar_tokens::created_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn delete_calendar_token(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<()> {
    diesel::delete(calendar_tokens::table.find(user))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn calendar_owner(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> QueryResult<Option<Uuid>> {
    calendar_tokens::table
        .filter(calendar_tokens::token_hash.eq(hash))
        .select(calendar_tokens::user_id)
        .first(conn)
        .await
        .optional()
}

// ---- the clock ----

/// Published events whose start has come go live; returns their ids.
pub async fn start_due(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<Uuid>> {
    diesel::update(
        events::table
            .filter(events::status.eq(EventStatus::Published))
            .filter(events::starts_at.le(now))
            .filter(events::ends_at.gt(now)),
    )
    .set((
        events::status.eq(EventStatus::Live),
        events::sequence.eq(events::sequence + 1),
        events::updated_at.eq(now),
    ))
    .returning(events::id)
    .load(conn)
    .await
}

/// Published or live events whose end has passed (at most `limit`), locked, skipping rows
/// another instance is handling.
pub async fn lock_ended(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::status.eq_any([EventStatus::Published, EventStatus::Live]))
        .filter(events::ends_at.le(now))
        .order(events::ends_at)
        .limit(limit)
        .select(Event::as_select())
        .for_no_key_update()
        .skip_locked()
        .load(conn)
        .await
}
