//! An event's life: create, read, list, update, and the status changes (publish, start,
//! end, cancel), by hand or by the clock (`tick`).

use chrono::{DateTime, Datelike, Duration, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::registrations::fill_seats;
use super::{event_over, moderate, moderate_locked, theme_param, view, views, visible};
use crate::auth::AuthUser;
use crate::domain::{EventTitle, Timezone, WebUrl, id_list, short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::dto::{
    AgendaItemView, CreateEventRequest, EventView, ListEventsParams, UpdateEventRequest,
};
use crate::events::repo::{self, Event, EventChangeset, ListFilter, NewEvent, Viewer};
use crate::pagination::{Page, PageRequest};
use crate::rooms::api::{self as rooms, Actor};
use crate::shared::vocab::{EventMode, EventStatus, MemberRole};
use crate::state::AppState;

const MAX_DESCRIPTION: usize = 20_000;
const MAX_LOCATION: usize = 300;
const MAX_REASON: usize = 1000;
const MAX_THEMES: usize = 16;
const MAX_CAPACITY: i32 = 100_000;
const MAX_DURATION_DAYS: i64 = 31;

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
    let Some(ids) = ids else {
        return Ok(None);
    };
    let Ok(ids) = id_list(ids, MAX_THEMES) else {
        e.add("theme_ids", format!("at most {MAX_THEMES} themes"));
        return Ok(None);
    };
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
    // An organization's event is moderated by the organization's owners and editors, by
    // their role: the creator is one of them, and stops moderating when they leave.
    let moderator = req.organization_id.is_none().then_some(caller.id);
    let event = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let new = NewEvent {
                room_id: rooms::create_owned(conn, room, caller.id, moderator).await?,
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
    let (event, is_mod) = visible(&mut conn, id, caller).await?;
    let agenda = repo::agenda(&mut conn, id).await?;
    let minutes = repo::minutes(&mut conn, id).await?;
    let mut v = view(&mut conn, event, caller).await?;
    v.agenda = Some(agenda.into_iter().map(AgendaItemView::from).collect());
    v.minutes = Some(super::agenda::minutes_for(minutes, is_mod));
    Ok(v)
}

fn statuses(raw: &str) -> Result<Vec<EventStatus>, String> {
    raw.split(',')
        .map(|s| s.trim().parse::<EventStatus>())
        .collect()
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
        mode: params.mode,
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

/// Public events for the sitemap: id, title and last change, at most `limit`.
pub async fn sitemap_entries(
    state: &AppState,
    limit: i64,
) -> AppResult<Vec<(Uuid, String, DateTime<Utc>)>> {
    let mut conn = state.conn().await?;
    let filter = ListFilter {
        statuses: Some(vec![
            EventStatus::Published,
            EventStatus::Live,
            EventStatus::Ended,
        ]),
        ..Default::default()
    };
    Ok(
        repo::list(&mut conn, &filter, &Viewer::Anonymous, None, limit.max(0))
            .await?
            .into_iter()
            .map(|e| (e.id, e.title, e.updated_at))
            .collect(),
    )
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
