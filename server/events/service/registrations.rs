//! Seats: registering, the waitlist and who moves up from it, the list of registrants
//! (and its CSV), one's own registrations, attendance.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::{event_over, moderate, registration_refusal, registration_view, views, visible_with};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::events::dto::{
    AttendanceView, CountsView, MyRegistrationView, RegistrantView, RegistrantsView,
    RegistrationView,
};
use crate::events::repo::{self, Event};
use crate::pubsub::Rights;
use crate::rooms::api as rooms;
use crate::shared::vocab::{EventStatus, RegistrationStatus};
use crate::state::AppState;

/// Gives free seats to the waitlist, first come first served. Returns who got one.
pub(super) async fn fill_seats(
    conn: &mut AsyncPgConnection,
    event: &Event,
) -> AppResult<Vec<Uuid>> {
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
    .await?;
    // A seat is what lets a participant into the event's room: a socket open there closes.
    state.pubsub.rights_changed(Rights::User(user));
    Ok(())
}

/// Gives up every seat and waitlist place `user` holds in events that have not ended (the
/// waitlists move up) and ends their personal calendar feed: the account is closing.
/// Registrations of ended events stay, as the record of who attended.
pub async fn withdraw_everywhere(conn: &mut AsyncPgConnection, user: Uuid) -> AppResult<()> {
    for (reg, event) in repo::registrations_of(conn, user).await? {
        if matches!(event.status, EventStatus::Ended | EventStatus::Cancelled) {
            continue;
        }
        let event = repo::lock(conn, event.id)
            .await?
            .ok_or_else(|| AppError::not_found("event"))?;
        repo::cancel_registration(conn, event.id, user).await?;
        if reg.status == RegistrationStatus::Registered {
            rooms::set_seats(conn, event.room_id, &[user], false).await?;
            fill_seats(conn, &event).await?;
        }
    }
    repo::delete_calendar_token(conn, user).await?;
    Ok(())
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
