//! What a moderator keeps about an event: its moderators, its agenda and its minutes.

use chrono::Utc;
use diesel_async::AsyncConnection;
use uuid::Uuid;

use super::{event_over, moderate, moderate_locked, visible};
use crate::auth::AuthUser;
use crate::domain::{short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::dto::{AgendaItemInput, AgendaItemView, MinutesView};
use crate::events::repo::{self, AgendaItem};
use crate::pubsub::Rights;
use crate::rooms::api as rooms;
use crate::shared::person::PersonView;
use crate::state::AppState;

const MAX_AGENDA_ITEMS: usize = 100;
const MAX_AGENDA_TITLE: usize = 200;
const MAX_AGENDA_TEXT: usize = 2000;
const MAX_MINUTES: usize = 200_000;

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
    state.pubsub.rights_changed(Rights::User(user));
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
        if !rooms::remove_moderator(conn, event.room_id, user).await? {
            return Err(AppError::not_found("moderator"));
        }
        Ok(())
    })
    .await?;
    state.pubsub.rights_changed(Rights::User(user));
    Ok(())
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
