//! Event rules. Everything that changes an event's seats (registering, cancelling, capacity,
//! status) runs in a transaction that first locks the event row, so concurrent requests
//! take turns and the waitlist order is the order in which they got the lock.
//!
//! One file per seam: `lifecycle` (create, read, update, status changes, the clock),
//! `registrations` (seats, waitlist, attendance), `agenda` (agenda, minutes, moderators)
//! and `calendar` (iCalendar feeds and their tokens). What they share is here: who may
//! see and moderate an event, and the views.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::dto::{EventView, RegistrationView, ThemeView};
use super::repo::{self, Event};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::rooms::api as rooms;
use crate::shared::vocab::{EventStatus, RegistrationStatus};

mod agenda;
mod calendar;
mod lifecycle;
mod registrations;

pub use agenda::{
    IfMatch, MinutesPrecondition, add_moderator, add_moderator_by_email, minutes, minutes_etag,
    minutes_from_room, minutes_revision, minutes_revisions, moderators, publish_minutes,
    put_agenda, put_minutes, remove_moderator, unpublish_minutes,
};
pub use calendar::{event_ics, events_feed, new_calendar_token, personal_feed, token_hash};
pub use lifecycle::{Transition, create, get, list, sitemap_entries, tick, transition, update};
pub use registrations::{
    my_registrations, register, registrants, registrants_csv, set_attendance, unregister,
    withdraw_everywhere,
};

fn event_over() -> AppError {
    AppError::conflict(
        "event_over",
        "the event has ended or was cancelled; it can no longer be changed",
    )
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
