//! Calendars: one event as iCalendar, the public feed, and the personal feed behind a
//! token.

use chrono::{Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{theme_param, visible};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::events::ics;
use crate::events::repo::{self, ListFilter, Viewer};
use crate::shared::vocab::{EventStatus, RegistrationStatus};
use crate::state::AppState;

/// How far back the public calendar feed reaches.
const FEED_DAYS: i64 = 90;
const FEED_LIMIT: i64 = 500;

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
    let item = ics::Item {
        online_url: (is_mod || seated)
            .then_some(())
            .and(event.online_url.clone()),
        tentative: false,
        event,
    };
    // A fixed name: icalendar writes the calendar's NAME without escaping user text.
    Ok(ics::calendar("livinglab event", &[item], base_url))
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
        .map(|event| ics::Item {
            event,
            online_url: None,
            tentative: false,
        })
        .collect();
    Ok(ics::calendar("livinglab events", &items, base_url))
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
            ics::Item {
                online_url: event.online_url.clone().filter(|_| seated),
                tentative: !seated,
                event,
            }
        })
        .collect();
    Ok(ics::calendar("My livinglab events", &items, base_url))
}
