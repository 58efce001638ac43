//! Event rules. Everything that changes an event's seats (registering, cancelling, capacity,
//! status) runs in a transaction that first locks the event row, so concurrent requests
//! take turns and the waitlist order is the order in which they got the lock.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::dto::{
    AgendaItemInput, AgendaItemView, AttendanceView, CountsView, CreateEventRequest, EventView,
    ListEventsParams, MinutesView, MyRegistrationView, RegistrantView, RegistrantsView,
    RegistrationView, ThemeView, UpdateEventRequest,
};
use super::repo::{self, AgendaItem, Event, EventChangeset, ListFilter, NewEvent, Viewer};
use crate::auth::AuthUser;
use crate::domain::{EventTitle, Timezone, WebUrl, short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest};
use crate::rooms::api::{self as rooms, Actor};
use crate::shared::person::PersonView;
use crate::shared::vocab::MemberRole;
use crate::shared::vocab::{EventMode, EventStatus, RegistrationStatus};
use crate::state::AppState;

const MAX_DESCRIPTION: usize = 20_000;
const MAX_LOCATION: usize = 300;
const MAX_REASON: usize = 1000;
const MAX_THEMES: usize = 16;
const MAX_CAPACITY: i32 = 100_000;
const MAX_DURATION_DAYS: i64 = 31;
const MAX_AGENDA_ITEMS: usize = 100;
const MAX_AGENDA_TITLE: usize = 200;
const MAX_AGENDA_TEXT: usize = 2000;
const MAX_MINUTES: usize = 200_000;
/// How far back the public calendar feed reaches.
const FEED_DAYS: i64 = 90;
const FEED_LIMIT: i64 = 500;

fn event_over() -> AppError {
    AppError::conflict(
        "event_over",
        "the event has ended or was cancelled; it can no longer be changed",
    )
}

fn invalid_transition(from: EventStatus, action: &str) -> AppError {
    AppError::Conflict {
        code: "invalid_transition",
        message: format!("a {from} event cannot be {action}"),
        details: Some(serde_json::json!({ "status": from })),
    }
}

fn actor(user: &AuthUser) -> Actor {
    Actor {
        user_id: user.id,
        display_name: user.display_name.clone(),
    }
}

/// The server itself, for what the clock does.
fn system_actor() -> Actor {
    Actor {
        user_id: Uuid::nil(),
        display_name: "livinglab".into(),
    }
}

async fn is_moderator(
    conn: &mut AsyncPgConnection,
    event: &Event,
    user: Option<&AuthUser>,
) -> AppResult<bool> {
    Ok(match user {
        None => false,
        Some(u) if u.is_moderator() => true,
        Some(u) => rooms::is_moderator(conn, event.room_id, u.id).await?,
    })
}

/// The event and whether the caller moderates it; drafts are 404 for everyone else.
async fn visible(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<(Event, bool)> {
    visible_with(conn, id, user, false).await
}

/// Whether the caller may read the event and moderate it (for what is attached to it).
pub async fn access_of(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<(bool, bool)> {
    match visible(conn, id, user).await {
        Ok((_, is_mod)) => Ok((true, is_mod)),
        Err(AppError::NotFound(_)) => Ok((false, false)),
        Err(e) => Err(e),
    }
}

/// As `visible`; with `lock`, the row stays locked until the transaction ends.
async fn visible_with(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
    lock: bool,
) -> AppResult<(Event, bool)> {
    let event = if lock {
        repo::lock(conn, id).await?
    } else {
        repo::find(conn, id).await?
    }
    .ok_or_else(|| AppError::not_found("event"))?;
    let is_mod = is_moderator(conn, &event, user).await?;
    if event.status == EventStatus::Draft && !is_mod {
        return Err(AppError::not_found("event"));
    }
    Ok((event, is_mod))
}

async fn moderate(conn: &mut AsyncPgConnection, id: Uuid, user: &AuthUser) -> AppResult<Event> {
    moderate_with(conn, id, user, false).await
}

async fn moderate_with(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
    lock: bool,
) -> AppResult<Event> {
    let (event, is_mod) = visible_with(conn, id, Some(user), lock).await?;
    if !is_mod {
        return Err(AppError::forbidden(
            "only the event's moderators may do this",
        ));
    }
    Ok(event)
}

/// As `moderate`, with the row locked for the rest of the transaction.
async fn moderate_locked(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<Event> {
    moderate_with(conn, id, user, true).await
}

// ---- views ----

/// Why the event takes no registrations now; `None` when it does.
fn registration_refusal(e: &Event, now: DateTime<Utc>) -> Option<String> {
    if !matches!(e.status, EventStatus::Published | EventStatus::Live) {
        return Some(format!("a {} event takes no registrations", e.status));
    }
    if e.ends_at <= now {
        return Some("the event is over".into());
    }
    if let Some(o) = e.registration_opens_at.filter(|o| *o > now) {
        return Some(format!("registration opens at {}", o.to_rfc3339()));
    }
    if let Some(c) = e.registration_closes_at.filter(|c| *c <= now) {
        return Some(format!("registration closed at {}", c.to_rfc3339()));
    }
    None
}

/// Builds the views of `events` for `user` with a fixed number of queries.
async fn views(
    conn: &mut AsyncPgConnection,
    events: Vec<Event>,
    user: Option<&AuthUser>,
) -> AppResult<Vec<EventView>> {
    let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
    let room_ids: Vec<Uuid> = events.iter().map(|e| e.room_id).collect();
    let mut themes = repo::themes_of(conn, &ids).await?;
    let counts = repo::counts(conn, &ids).await?;
    let (moderated, mut mine): (HashSet<Uuid>, HashMap<Uuid, RegistrationView>) = match user {
        None => Default::default(),
        Some(u) => {
            let moderated = if u.is_moderator() {
                room_ids.iter().copied().collect()
            } else {
                rooms::moderated_among(conn, u.id, &room_ids).await?
            };
            let mut mine = HashMap::new();
            for r in repo::registrations_among(conn, u.id, &ids).await? {
                mine.insert(r.event_id, registration_view(conn, &r).await?);
            }
            (moderated, mine)
        }
    };
    let now = Utc::now();
    Ok(events
        .into_iter()
        .map(|e| {
            let is_mod = moderated.contains(&e.room_id);
            let my = mine.remove(&e.id);
            let seated = my
                .as_ref()
                .is_some_and(|r| r.status == RegistrationStatus::Registered);
            let c = counts.get(&e.id).copied().unwrap_or_default();
            EventView {
                id: e.id,
                description_html: crate::markdown::to_html(&e.description),
                description: e.description.clone(),
                title: e.title.clone(),
                kind: e.kind,
                status: e.status,
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                timezone: e.timezone.clone(),
                mode: e.mode,
                location: e.location.clone(),
                has_online_url: e.online_url.is_some(),
                online_url: e.online_url.clone().filter(|_| is_mod || seated),
                capacity: e.capacity,
                seats_left: e.capacity.map(|cap| (i64::from(cap) - c.registered).max(0)),
                registration_opens_at: e.registration_opens_at,
                registration_closes_at: e.registration_closes_at,
                registration_open: registration_refusal(&e, now).is_none(),
                organization_id: e.organization_id,
                themes: themes
                    .remove(&e.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(ThemeView::from)
                    .collect(),
                room_id: e.room_id,
                cancel_reason: e.cancel_reason.clone(),
                sequence: e.sequence,
                counts: c.into(),
                is_moderator: is_mod,
                my_registration: my,
                agenda: None,
                minutes: None,
                ics_path: format!("/api/v1/events/{}.ics", e.id),
                created_by: e.created_by,
                created_at: e.created_at,
                updated_at: e.updated_at,
            }
        })
        .collect())
}

async fn view(
    conn: &mut AsyncPgConnection,
    event: Event,
    user: Option<&AuthUser>,
) -> AppResult<EventView> {
    Ok(views(conn, vec![event], user)
        .await?
        .pop()
        .expect("one event in, one view out"))
}

async fn registration_view(
    conn: &mut AsyncPgConnection,
    r: &repo::Registration,
) -> AppResult<RegistrationView> {
    let position = if r.status == RegistrationStatus::Waitlisted {
        Some(repo::waitlist_position(conn, r.event_id, r.queue).await?)
    } else {
        None
    };
    Ok(RegistrationView {
        status: r.status,
        position,
        created_at: r.created_at,
        registered_at: r.registered_at,
    })
}

// ---- input ----

/// The fields both create and update check, after an update is merged onto the event.
struct Schedule {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    registration_opens_at: Option<DateTime<Utc>>,
    registration_closes_at: Option<DateTime<Utc>>,
}

fn check_schedule(e: &mut FieldErrors, s: &Schedule) {
    let sane = |t: DateTime<Utc>| (2000..=2100).contains(&t.year());
    if !sane(s.starts_at) {
        e.add("starts_at", "must be between the years 2000 and 2100");
    }
    if !sane(s.ends_at) {
        e.add("ends_at", "must be between the years 2000 and 2100");
    } else if s.ends_at <= s.starts_at {
        e.add("ends_at", "must be after starts_at");
    } else if s.ends_at - s.starts_at > Duration::days(MAX_DURATION_DAYS) {
        e.add(
            "ends_at",
            format!("an event may last at most {MAX_DURATION_DAYS} days"),
        );
    }
    if let (Some(o), Some(c)) = (s.registration_opens_at, s.registration_closes_at)
        && c <= o
    {
        e.add(
            "registration_closes_at",
            "must be after registration_opens_at",
        );
    }
    if s.registration_opens_at.is_some_and(|o| o >= s.ends_at) {
        e.add("registration_opens_at", "must be before the event ends");
    }
}

fn capacity(e: &mut FieldErrors, v: Option<i32>) -> Option<i32> {
    v.and_then(|c| {
        e.check(
            "capacity",
            if (1..=MAX_CAPACITY).contains(&c) {
                Ok(c)
            } else {
                Err(format!("must be between 1 and {MAX_CAPACITY}"))
            },
        )
    })
}

fn location(e: &mut FieldErrors, v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|l| !l.is_empty())
        .and_then(|l| e.check("location", short_line(l, MAX_LOCATION)))
}

fn online_url(e: &mut FieldErrors, v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|u| !u.is_empty())
        .and_then(|u| e.check("online_url", WebUrl::parse(u)))
        .map(WebUrl::into_inner)
}

async fn theme_list(
    conn: &mut AsyncPgConnection,
    e: &mut FieldErrors,
    ids: Option<Vec<Uuid>>,
) -> AppResult<Option<Vec<Uuid>>> {
    let Some(mut ids) = ids else {
        return Ok(None);
    };
    ids.sort_unstable();
    ids.dedup();
    if ids.len() > MAX_THEMES {
        e.add("theme_ids", format!("at most {MAX_THEMES} themes"));
        return Ok(None);
    }
    let unknown = repo::unknown_themes(conn, &ids).await?;
    if !unknown.is_empty() {
        e.add(
            "theme_ids",
            format!(
                "no such theme: {}",
                unknown
                    .iter()
                    .map(Uuid::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    Ok(Some(ids))
}

// ---- create, read, update ----

pub async fn create(
    state: &AppState,
    caller: &AuthUser,
    req: CreateEventRequest,
) -> AppResult<EventView> {
    let mut conn = state.conn().await?;
    if !caller.is_moderator() {
        let role = match req.organization_id {
            Some(org) => crate::orgs::repo::member_role(&mut conn, org, caller.id).await?,
            None => None,
        };
        if !matches!(role, Some(MemberRole::Owner | MemberRole::Editor)) {
            return Err(AppError::forbidden(
                "creating events needs the moderator role, or owner or editor rights in \
                 `organization_id`",
            ));
        }
    }
    let mut e = FieldErrors::new();
    let title = e.check("title", EventTitle::parse(&req.title));
    let description = e.check("description", text(&req.description, MAX_DESCRIPTION));
    let tz = e.check("timezone", Timezone::parse(&req.timezone));
    let location = location(&mut e, req.location.as_deref());
    let online_url = online_url(&mut e, req.online_url.as_deref());
    let capacity = capacity(&mut e, req.capacity);
    check_schedule(
        &mut e,
        &Schedule {
            starts_at: req.starts_at,
            ends_at: req.ends_at,
            registration_opens_at: req.registration_opens_at,
            registration_closes_at: req.registration_closes_at,
        },
    );
    let themes = theme_list(&mut conn, &mut e, req.theme_ids)
        .await?
        .unwrap_or_default();
    if let Some(org) = req.organization_id
        && crate::orgs::repo::find(&mut conn, org).await?.is_none()
    {
        e.add("organization_id", "no such organization");
    }
    e.finish()?;
    let title = title.expect("checked").into_inner();
    let room = rooms::OwnedRoom {
        name: title.clone(),
        theme_id: themes.first().copied(),
        organization_id: req.organization_id,
    };
    let new = NewEvent {
        id: Uuid::now_v7(),
        title,
        description: description.expect("checked"),
        kind: req.kind,
        starts_at: req.starts_at,
        ends_at: req.ends_at,
        timezone: tz.expect("checked").name().to_owned(),
        mode: req.mode,
        location,
        online_url,
        capacity,
        registration_opens_at: req.registration_opens_at,
        registration_closes_at: req.registration_closes_at,
        organization_id: req.organization_id,
        room_id: Uuid::nil(),
        created_by: caller.id,
    };
    let event = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let new = NewEvent {
                room_id: rooms::create_owned(conn, room, caller.id).await?,
                ..new
            };
            let event = repo::insert(conn, &new).await?;
            repo::set_themes(conn, event.id, &themes).await?;
            Ok(event)
        })
        .await?;
    tracing::info!(event_id = %event.id, by = %caller.id, "event created");
    view(&mut conn, event, Some(caller)).await
}

pub async fn get(state: &AppState, caller: Option<&AuthUser>, id: Uuid) -> AppResult<EventView> {
    let mut conn = state.conn().await?;
    let (event, _) = visible(&mut conn, id, caller).await?;
    let agenda = repo::agenda(&mut conn, id).await?;
    let minutes = repo::minutes(&mut conn, id).await?;
    let mut v = view(&mut conn, event, caller).await?;
    v.agenda = Some(agenda.into_iter().map(AgendaItemView::from).collect());
    v.minutes = Some(minutes.map(MinutesView::from));
    Ok(v)
}

fn statuses(raw: &str) -> Result<Vec<EventStatus>, String> {
    raw.split(',')
        .map(|s| s.trim().parse::<EventStatus>())
        .collect()
}

/// A theme given as slug or id.
async fn theme_param(conn: &mut AsyncPgConnection, raw: &str) -> AppResult<Option<Uuid>> {
    if let Ok(id) = raw.parse::<Uuid>() {
        return Ok(Some(id));
    }
    let slug = crate::domain::Slug::parse(raw).map_err(|m| FieldErrors::single("theme", m))?;
    Ok(crate::themes::repo::find_by_slug(conn, slug.as_str())
        .await?
        .map(|t| t.id))
}

fn cursor_key(e: &Event) -> String {
    crate::pagination::time_id_key(e.starts_at, e.id)
}

pub async fn list(
    state: &AppState,
    caller: Option<&AuthUser>,
    params: ListEventsParams,
    page: PageRequest,
) -> AppResult<Page<EventView>> {
    let mut e = FieldErrors::new();
    let statuses = params
        .status
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .and_then(|s| e.check("status", statuses(s)));
    let q = e
        .check("q", crate::domain::search_text(params.q.as_deref()))
        .flatten();
    if let (Some(f), Some(t)) = (params.from, params.to)
        && t < f
    {
        e.add("to", "must not be before from");
    }
    let after = page.after_time_id()?;
    e.finish()?;
    let mut conn = state.conn().await?;
    let theme = match params.theme.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => match theme_param(&mut conn, t).await? {
            Some(id) => Some(id),
            // An unknown theme has no events.
            None => {
                return Ok(Page {
                    items: Vec::new(),
                    next_cursor: None,
                });
            }
        },
        None => None,
    };
    let filter = ListFilter {
        from: params.from,
        to: params.to,
        theme,
        organization: params.organization,
        statuses,
        q,
    };
    let viewer = match caller {
        None => Viewer::Anonymous,
        Some(u) if u.is_moderator() => Viewer::Everything,
        Some(u) => Viewer::User(u.id),
    };
    let rows = repo::list(&mut conn, &filter, &viewer, after, page.fetch()).await?;
    let page = Page::from_rows(rows, &page, cursor_key, |e| e);
    let items = views(&mut conn, page.items, caller).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

pub async fn update(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    req: UpdateEventRequest,
) -> AppResult<EventView> {
    let mut conn = state.conn().await?;
    let current = moderate(&mut conn, id, caller).await?;
    if current.status.is_over() {
        return Err(event_over());
    }
    let mut e = FieldErrors::new();
    let title = req
        .title
        .as_deref()
        .and_then(|t| e.check("title", EventTitle::parse(t)))
        .map(EventTitle::into_inner);
    let description = req
        .description
        .as_deref()
        .and_then(|d| e.check("description", text(d, MAX_DESCRIPTION)));
    let tz = req
        .timezone
        .as_deref()
        .and_then(|t| e.check("timezone", Timezone::parse(t)))
        .map(|t| t.name().to_owned());
    let loc = req
        .location
        .as_ref()
        .map(|l| location(&mut e, l.as_deref()));
    let url = req
        .online_url
        .as_ref()
        .map(|u| online_url(&mut e, u.as_deref()));
    let cap = req.capacity.map(|c| capacity(&mut e, c));
    let schedule = Schedule {
        starts_at: req.starts_at.unwrap_or(current.starts_at),
        ends_at: req.ends_at.unwrap_or(current.ends_at),
        registration_opens_at: req
            .registration_opens_at
            .unwrap_or(current.registration_opens_at),
        registration_closes_at: req
            .registration_closes_at
            .unwrap_or(current.registration_closes_at),
    };
    check_schedule(&mut e, &schedule);
    if current.status == EventStatus::Live && req.starts_at.is_some_and(|s| s != current.starts_at)
    {
        e.add(
            "starts_at",
            "cannot move the start of an event that is live",
        );
    }
    let themes = theme_list(&mut conn, &mut e, req.theme_ids).await?;
    e.finish()?;
    let changes = EventChangeset {
        title: title.clone(),
        description,
        kind: req.kind,
        starts_at: req.starts_at,
        ends_at: req.ends_at,
        timezone: tz,
        mode: req.mode,
        location: loc,
        online_url: url,
        capacity: cap,
        registration_opens_at: req.registration_opens_at,
        registration_closes_at: req.registration_closes_at,
        status: None,
        cancel_reason: None,
    };
    let event = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let locked = repo::lock(conn, id)
                .await?
                .ok_or_else(|| AppError::not_found("event"))?;
            if locked.status.is_over() {
                return Err(event_over());
            }
            let event = repo::update(conn, id, &changes).await?;
            if let Some(themes) = &themes {
                repo::set_themes(conn, id, themes).await?;
            }
            // The room is named after the event and filed under its first theme.
            if title.is_some() || themes.is_some() {
                rooms::retitle(
                    conn,
                    event.room_id,
                    title,
                    themes.as_ref().map(|t| t.first().copied()),
                )
                .await?;
            }
            fill_seats(conn, &event).await?;
            Ok(event)
        })
        .await?;
    view(&mut conn, event, Some(caller)).await
}

/// Gives free seats to the waitlist, first come first served. Returns who got one.
async fn fill_seats(conn: &mut AsyncPgConnection, event: &Event) -> AppResult<Vec<Uuid>> {
    if !matches!(event.status, EventStatus::Published | EventStatus::Live) {
        return Ok(Vec::new());
    }
    let free = match event.capacity {
        None => i64::MAX,
        Some(cap) => {
            let taken =
                repo::count_with_status(conn, event.id, RegistrationStatus::Registered).await?;
            i64::from(cap) - taken
        }
    };
    let promoted = repo::promote(conn, event.id, free).await?;
    rooms::set_seats(conn, event.room_id, &promoted, true).await?;
    if !promoted.is_empty() {
        tracing::info!(event_id = %event.id, n = promoted.len(), "waitlist promoted");
    }
    Ok(promoted)
}

// ---- lifecycle ----

#[derive(Debug, Clone, Copy)]
pub enum Transition {
    Publish,
    Start,
    End,
    Cancel,
}

pub async fn transition(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    to: Transition,
    reason: Option<String>,
) -> AppResult<EventView> {
    let reason = match to {
        Transition::Cancel => {
            let r = reason.unwrap_or_default();
            let r = text(&r, MAX_REASON).map_err(|m| FieldErrors::single("reason", m))?;
            if r.is_empty() {
                return Err(FieldErrors::single("reason", "must not be empty"));
            }
            Some(r)
        }
        _ => None,
    };
    let mut conn = state.conn().await?;
    let who = actor(caller);
    let (event, closed) = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let event = moderate_locked(conn, id, caller).await?;
            let now = Utc::now();
            let (next, verb) = match to {
                Transition::Publish => (EventStatus::Published, "published"),
                Transition::Start => (EventStatus::Live, "started"),
                Transition::End => (EventStatus::Ended, "ended"),
                Transition::Cancel => (EventStatus::Cancelled, "cancelled"),
            };
            let allowed = match to {
                Transition::Publish => event.status == EventStatus::Draft,
                Transition::Start => event.status == EventStatus::Published,
                Transition::End => event.status == EventStatus::Live,
                Transition::Cancel => !event.status.is_over(),
            };
            if !allowed {
                return Err(invalid_transition(event.status, verb));
            }
            if matches!(to, Transition::Publish | Transition::Start) && event.ends_at <= now {
                return Err(AppError::Conflict {
                    code: "invalid_transition",
                    message: "the event's end time has passed; move it first".into(),
                    details: Some(serde_json::json!({ "status": event.status })),
                });
            }
            if let Transition::Publish = to {
                let mut e = FieldErrors::new();
                if matches!(event.mode, EventMode::InPerson | EventMode::Hybrid)
                    && event.location.is_none()
                {
                    e.add(
                        "location",
                        "is required to publish an in-person or hybrid event",
                    );
                }
                if matches!(event.mode, EventMode::Online | EventMode::Hybrid)
                    && event.online_url.is_none()
                {
                    e.add(
                        "online_url",
                        "is required to publish an online or hybrid event",
                    );
                }
                e.finish()?;
            }
            let changes = EventChangeset {
                status: Some(next),
                cancel_reason: reason.map(Some),
                ..Default::default()
            };
            let event = repo::update(conn, id, &changes).await?;
            let closed = if next.is_over() {
                Some(
                    rooms::close(conn, event.room_id, who, &format!("the event was {verb}"))
                        .await?,
                )
            } else {
                None
            };
            Ok((event, closed))
        })
        .await?;
    tracing::info!(event_id = %id, status = %event.status, by = %caller.id, "event status changed");
    if let Some(closed) = closed {
        closed.publish(&state.pubsub);
    }
    view(&mut conn, event, Some(caller)).await
}

/// What the clock does: published events whose start came go live, and those whose end
/// passed end (and their rooms close). Safe to run on every instance at once.
pub async fn tick(state: &AppState) -> AppResult<(usize, usize)> {
    let mut conn = state.conn().await?;
    let now = Utc::now();
    let started = repo::start_due(&mut conn, now).await?;
    let mut ended = 0;
    loop {
        let closed: Vec<rooms::Closed> = conn
            .transaction::<_, AppError, _>(async move |conn| {
                let due = repo::lock_ended(conn, now, 50).await?;
                let mut closed = Vec::with_capacity(due.len());
                for e in due {
                    let changes = EventChangeset {
                        status: Some(EventStatus::Ended),
                        ..Default::default()
                    };
                    let e = repo::update(conn, e.id, &changes).await?;
                    closed.push(
                        rooms::close(conn, e.room_id, system_actor(), "the event ended").await?,
                    );
                }
                Ok(closed)
            })
            .await?;
        let n = closed.len();
        ended += n;
        for c in closed {
            c.publish(&state.pubsub);
        }
        if n < 50 {
            break;
        }
    }
    if !started.is_empty() || ended > 0 {
        tracing::info!(started = started.len(), ended, "event clock");
    }
    Ok((started.len(), ended))
}

// ---- moderators ----

pub async fn add_moderator(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    user: Uuid,
) -> AppResult<PersonView> {
    let mut conn = state.conn().await?;
    let event = moderate(&mut conn, id, caller).await?;
    let target = crate::auth::repo::find(&mut conn, user)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    if !rooms::add_moderator(&mut conn, event.room_id, user).await? {
        return Err(AppError::conflict(
            "already_added",
            "this user already moderates the event",
        ));
    }
    Ok(PersonView {
        user_id: target.id,
        display_name: target.display_name,
        added_at: Utc::now(),
    })
}

pub async fn moderators(
    state: &AppState,
    caller: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<Vec<PersonView>> {
    let mut conn = state.conn().await?;
    let (event, _) = visible(&mut conn, id, caller).await?;
    rooms::moderators(&mut conn, event.room_id, 1000).await
}

pub async fn remove_moderator(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    user: Uuid,
) -> AppResult<()> {
    let mut conn = state.conn().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let event = moderate_locked(conn, id, caller).await?;
        let left = rooms::moderators(conn, event.room_id, 2).await?;
        if !left.iter().any(|p| p.user_id == user) {
            return Err(AppError::not_found("moderator"));
        }
        if left.len() == 1 {
            return Err(AppError::conflict(
                "last_moderator",
                "the event's last moderator cannot be removed; add another first",
            ));
        }
        rooms::remove_moderator(conn, event.room_id, user).await?;
        Ok(())
    })
    .await
}

// ---- agenda, minutes ----

pub async fn put_agenda(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    items: Vec<AgendaItemInput>,
) -> AppResult<Vec<AgendaItemView>> {
    let mut conn = state.conn().await?;
    let event = moderate(&mut conn, id, caller).await?;
    if event.status.is_over() {
        return Err(event_over());
    }
    let mut e = FieldErrors::new();
    if items.len() > MAX_AGENDA_ITEMS {
        e.add("body", format!("at most {MAX_AGENDA_ITEMS} agenda items"));
    }
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate().take(MAX_AGENDA_ITEMS) {
        let title = e.check(
            &format!("[{i}].title"),
            short_line(&item.title, MAX_AGENDA_TITLE),
        );
        let speaker = item
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .and_then(|s| e.check(&format!("[{i}].speaker"), short_line(s, MAX_AGENDA_TITLE)));
        let description = item
            .description
            .as_deref()
            .and_then(|d| e.check(&format!("[{i}].description"), text(d, MAX_AGENDA_TEXT)))
            .filter(|d| !d.is_empty());
        if item.starts_at < event.starts_at || item.starts_at >= event.ends_at {
            e.add(
                format!("[{i}].starts_at"),
                "must be within the event (starts_at <= t < ends_at)",
            );
        }
        rows.push(AgendaItem {
            event_id: id,
            position: 0,
            starts_at: item.starts_at,
            title: title.unwrap_or_default(),
            speaker,
            description,
        });
    }
    e.finish()?;
    // Stable: items that start together keep the order they were given in.
    rows.sort_by_key(|r| r.starts_at);
    for (i, r) in rows.iter_mut().enumerate() {
        r.position = i as i32;
    }
    let stored = rows.clone();
    conn.transaction::<_, AppError, _>(async move |conn| {
        let locked = repo::lock(conn, id)
            .await?
            .ok_or_else(|| AppError::not_found("event"))?;
        if locked.status.is_over() {
            return Err(event_over());
        }
        repo::replace_agenda(conn, id, &stored).await?;
        repo::touch(conn, id).await?;
        Ok(())
    })
    .await?;
    Ok(rows.into_iter().map(AgendaItemView::from).collect())
}

pub async fn put_minutes(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    markdown: &str,
) -> AppResult<MinutesView> {
    let markdown = text(markdown, MAX_MINUTES).map_err(|m| FieldErrors::single("markdown", m))?;
    let mut conn = state.conn().await?;
    moderate(&mut conn, id, caller).await?;
    let m = repo::put_minutes(&mut conn, id, &markdown, caller.id).await?;
    Ok(m.into())
}

pub async fn minutes_from_room(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
) -> AppResult<MinutesView> {
    let mut conn = state.conn().await?;
    let event = moderate(&mut conn, id, caller).await?;
    let markdown = rooms::transcript(&mut conn, event.room_id).await?;
    let m = repo::put_minutes(&mut conn, id, &markdown, caller.id).await?;
    Ok(m.into())
}

// ---- registrations ----

pub async fn register(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
) -> AppResult<RegistrationView> {
    let mut conn = state.conn().await?;
    let user = caller.id;
    let reg = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let (event, _) = visible_with(conn, id, Some(caller), true).await?;
            if let Some(why) = registration_refusal(&event, Utc::now()) {
                return Err(AppError::conflict("registration_closed", why));
            }
            if let Some(r) = repo::registration(conn, id, user).await?
                && r.status != RegistrationStatus::Cancelled
            {
                return Err(AppError::Conflict {
                    code: "already_registered",
                    message: format!("you are already {} for this event", r.status),
                    details: Some(serde_json::json!({ "status": r.status })),
                });
            }
            let seated = repo::count_with_status(conn, id, RegistrationStatus::Registered).await?;
            let waiting = repo::count_with_status(conn, id, RegistrationStatus::Waitlisted).await?;
            let free = event.capacity.is_none_or(|c| seated < i64::from(c));
            let status = if free && waiting == 0 {
                RegistrationStatus::Registered
            } else {
                RegistrationStatus::Waitlisted
            };
            let queue = repo::take_queue_number(conn, id).await?;
            let r = repo::upsert_registration(conn, id, user, status, queue).await?;
            if status == RegistrationStatus::Registered {
                rooms::set_seats(conn, event.room_id, &[user], true).await?;
            }
            registration_view(conn, &r).await
        })
        .await?;
    tracing::info!(event_id = %id, user = %user, status = %reg.status, "registration");
    Ok(reg)
}

pub async fn unregister(state: &AppState, caller: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let user = caller.id;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let (event, _) = visible_with(conn, id, Some(caller), true).await?;
        let reg = repo::registration(conn, id, user)
            .await?
            .filter(|r| r.status != RegistrationStatus::Cancelled)
            .ok_or_else(|| AppError::not_found("registration"))?;
        if event.status == EventStatus::Ended {
            return Err(event_over());
        }
        repo::cancel_registration(conn, id, user).await?;
        if reg.status == RegistrationStatus::Registered {
            rooms::set_seats(conn, event.room_id, &[user], false).await?;
            fill_seats(conn, &event).await?;
        }
        Ok(())
    })
    .await
}

pub async fn registrants(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
) -> AppResult<RegistrantsView> {
    let mut conn = state.conn().await?;
    moderate(&mut conn, id, caller).await?;
    let rows = repo::registrations(&mut conn, id).await?;
    let counts = repo::counts_of(&mut conn, id).await?;
    let rank = |s: RegistrationStatus| match s {
        RegistrationStatus::Registered => 0,
        RegistrationStatus::Waitlisted => 1,
        RegistrationStatus::Cancelled => 2,
    };
    let mut rows = rows;
    // Rows come in queue order; a stable sort by status keeps it within each group.
    rows.sort_by_key(|r| rank(r.registration.status));
    let mut waiting = 0;
    let items = rows
        .into_iter()
        .map(|r| {
            let reg = r.registration;
            let position = (reg.status == RegistrationStatus::Waitlisted).then(|| {
                waiting += 1;
                waiting
            });
            RegistrantView {
                user_id: reg.user_id,
                display_name: r.display_name,
                email: r.email,
                status: reg.status,
                position,
                attended: reg.attended,
                requested_at: reg.created_at,
                registered_at: reg.registered_at,
                cancelled_at: reg.cancelled_at,
            }
        })
        .collect();
    Ok(RegistrantsView {
        counts: counts.into(),
        items,
    })
}

/// The registrations as CSV (see `csv_export`).
pub fn registrants_csv(list: &RegistrantsView) -> AppResult<String> {
    use crate::csv_export::cell;
    let fmt = |t: Option<DateTime<Utc>>| {
        t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    };
    crate::csv_export::write(
        &[
            "display_name",
            "email",
            "status",
            "waitlist_position",
            "attended",
            "requested_at",
            "registered_at",
            "cancelled_at",
            "user_id",
        ],
        list.items.iter().map(|r| {
            vec![
                cell(&r.display_name),
                cell(&r.email),
                r.status.to_string(),
                r.position.map(|p| p.to_string()).unwrap_or_default(),
                match r.attended {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => String::new(),
                },
                fmt(Some(r.requested_at)),
                fmt(r.registered_at),
                fmt(r.cancelled_at),
                r.user_id.to_string(),
            ]
        }),
    )
}

pub async fn my_registrations(
    state: &AppState,
    caller: &AuthUser,
) -> AppResult<Vec<MyRegistrationView>> {
    let mut conn = state.conn().await?;
    let events = repo::registrations_of(&mut conn, caller.id)
        .await?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let views = views(&mut conn, events, Some(caller)).await?;
    Ok(views
        .into_iter()
        .filter_map(|mut event| {
            let registration = event.my_registration.take()?;
            Some(MyRegistrationView {
                event,
                registration,
            })
        })
        .collect())
}

pub async fn set_attendance(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    user: Uuid,
    attended: bool,
) -> AppResult<AttendanceView> {
    let mut conn = state.conn().await?;
    let event = moderate(&mut conn, id, caller).await?;
    if matches!(event.status, EventStatus::Draft | EventStatus::Cancelled) {
        return Err(AppError::conflict(
            "invalid_transition",
            format!("attendance cannot be recorded for a {} event", event.status),
        ));
    }
    repo::set_attended(&mut conn, id, user, attended)
        .await?
        .ok_or_else(|| AppError::NotFound("this user has no seat at the event".into()))?;
    let counts = repo::counts_of(&mut conn, id).await?;
    Ok(AttendanceView {
        user_id: user,
        attended,
        counts: CountsView::from(counts),
    })
}

// ---- calendars ----

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new personal feed token; the previous one stops working.
pub async fn new_calendar_token(state: &AppState, caller: &AuthUser) -> AppResult<String> {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, raw);
    let mut conn = state.conn().await?;
    repo::set_calendar_token(&mut conn, caller.id, &token_hash(&token)).await?;
    Ok(token)
}

pub async fn event_ics(
    state: &AppState,
    caller: Option<&AuthUser>,
    id: Uuid,
    base_url: &str,
) -> AppResult<String> {
    let mut conn = state.conn().await?;
    let (event, is_mod) = visible(&mut conn, id, caller).await?;
    let seated = match caller {
        Some(u) => repo::registration(&mut conn, id, u.id)
            .await?
            .is_some_and(|r| r.status == RegistrationStatus::Registered),
        None => false,
    };
    let item = super::ics::Item {
        online_url: (is_mod || seated)
            .then_some(())
            .and(event.online_url.clone()),
        tentative: false,
        event,
    };
    // A fixed name: icalendar writes the calendar's NAME without escaping user text.
    Ok(super::ics::calendar("livinglab event", &[item], base_url))
}

pub async fn events_feed(
    state: &AppState,
    theme: Option<&str>,
    organization: Option<Uuid>,
    base_url: &str,
) -> AppResult<String> {
    let mut conn = state.conn().await?;
    let theme = match theme.filter(|t| !t.is_empty()) {
        Some(t) => Some(
            theme_param(&mut conn, t)
                .await?
                .ok_or_else(|| AppError::not_found("theme"))?,
        ),
        None => None,
    };
    let since = Utc::now() - Duration::days(FEED_DAYS);
    let filter = ListFilter {
        from: Some(since),
        theme,
        organization,
        ..Default::default()
    };
    let events = repo::list(&mut conn, &filter, &Viewer::Anonymous, None, FEED_LIMIT).await?;
    let items: Vec<_> = events
        .into_iter()
        .map(|event| super::ics::Item {
            event,
            online_url: None,
            tentative: false,
        })
        .collect();
    Ok(super::ics::calendar("livinglab events", &items, base_url))
}

pub async fn personal_feed(state: &AppState, token: &str, base_url: &str) -> AppResult<String> {
    // Tokens are 43 characters of base64url; anything else cannot be one.
    if token.len() > 128 {
        return Err(AppError::not_found("calendar"));
    }
    let mut conn = state.conn().await?;
    let user = repo::calendar_owner(&mut conn, &token_hash(token))
        .await?
        .ok_or_else(|| AppError::not_found("calendar"))?;
    let rows = repo::registrations_of(&mut conn, user).await?;
    let items: Vec<_> = rows
        .into_iter()
        .filter(|(_, e)| e.status != EventStatus::Draft)
        .map(|(r, event)| {
            let seated = r.status == RegistrationStatus::Registered;
            super::ics::Item {
                online_url: event.online_url.clone().filter(|_| seated),
                tentative: !seated,
                event,
            }
        })
        .collect();
    Ok(super::ics::calendar(
        "My livinglab events",
        &items,
        base_url,
    ))
}
