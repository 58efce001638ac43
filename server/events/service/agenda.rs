//! What a moderator keeps about an event: its moderators, its agenda and its minutes.

use chrono::Utc;
use diesel_async::AsyncConnection;
use uuid::Uuid;

use super::{event_over, moderate, moderate_locked, visible};
use crate::auth::AuthUser;
use crate::domain::{short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::dto::{
    AgendaItemInput, AgendaItemView, MinutesRevisionSummary, MinutesRevisionView, MinutesView,
};
use crate::events::repo::{self, AgendaItem};
use crate::pagination::{Page, PageRequest};
use crate::pubsub::Rights;
use crate::rooms::api as rooms;
use crate::shared::person::PersonView;
use crate::shared::vocab::MinutesSource;
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

/// `add_moderator` for the person with this email address (how a page names them).
pub async fn add_moderator_by_email(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    email: &str,
) -> AppResult<PersonView> {
    let email = crate::domain::Email::parse(email).map_err(|m| FieldErrors::single("email", m))?;
    let user = {
        let mut conn = state.conn().await?;
        // Rights first: a stranger learns nothing about which addresses have accounts.
        moderate(&mut conn, id, caller).await?;
        match crate::auth::repo::find_by_email(&mut conn, email.as_str()).await? {
            Some(u) if !crate::auth::repo::is_closed(&u) => u.id,
            _ => {
                return Err(FieldErrors::single(
                    "email",
                    "no account has this email address",
                ));
            }
        }
    };
    add_moderator(state, caller, id, user).await
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

/// What a writer says it edited. `If-Match` is checked first (412 when it does not name
/// the current version), then the body's `version` (409 `stale_minutes`).
#[derive(Debug, Default)]
pub struct MinutesPrecondition {
    pub if_match: Option<IfMatch>,
    pub version: Option<i32>,
}

/// A parsed `If-Match` header.
#[derive(Debug)]
pub enum IfMatch {
    /// `*`: any current minutes.
    Any,
    /// The versions named by the listed ETags (unreadable ones name none).
    Versions(Vec<i32>),
}

/// The strong ETag of a version of the minutes.
pub fn minutes_etag(version: i32) -> String {
    format!("\"minutes-{version}\"")
}

impl IfMatch {
    pub fn parse(header: &str) -> Self {
        if header.trim() == "*" {
            return Self::Any;
        }
        // Weak tags never match If-Match (RFC 9110 §13.1.1: strong comparison).
        Self::Versions(
            header
                .split(',')
                .filter_map(|t| t.trim().strip_prefix("\"minutes-")?.strip_suffix('"'))
                .filter_map(|v| v.parse().ok())
                .take(16)
                .collect(),
        )
    }

    fn matches(&self, current: Option<i32>) -> bool {
        match (self, current) {
            (_, None) => false,
            (Self::Any, Some(_)) => true,
            (Self::Versions(vs), Some(c)) => vs.contains(&c),
        }
    }
}

fn stale(current: Option<i32>, message: &str) -> AppError {
    AppError::Conflict {
        code: "stale_minutes",
        message: message.to_owned(),
        details: Some(serde_json::json!({ "current_version": current })),
    }
}

/// Refuses a write that did not start from the current minutes. A write naming no version
/// at all is a first write: allowed only while there are no minutes.
fn check_precondition(
    pre: &MinutesPrecondition,
    current: Option<i32>,
    first_write_needs_no_version: bool,
) -> AppResult<()> {
    if let Some(m) = &pre.if_match
        && !m.matches(current)
    {
        return Err(AppError::PreconditionFailed(match current {
            Some(v) => format!("If-Match does not name the current minutes (version {v})"),
            None => "If-Match names minutes, but the event has none yet".to_owned(),
        }));
    }
    match (pre.version, current) {
        (Some(v), c) if Some(v) != c => Err(stale(
            current,
            "the minutes changed since this version; reload them, merge, and send the new version",
        )),
        (None, Some(_)) if pre.if_match.is_none() && first_write_needs_no_version => Err(stale(
            current,
            "the minutes exist already: send the `version` you edited (or If-Match)",
        )),
        _ => Ok(()),
    }
}

/// Writes the minutes as the next version, keeping the previous ones as revisions; the
/// event row is locked so that two writers get distinct versions and one of them is told.
async fn write_minutes(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    pre: MinutesPrecondition,
    content: MinutesContent,
) -> AppResult<MinutesView> {
    let mut conn = state.conn().await?;
    let m = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let event = moderate_locked(conn, id, caller).await?;
            let current = repo::minutes(conn, id).await?.map(|m| m.version);
            let (markdown, source) = match content {
                MinutesContent::Written(md) => {
                    check_precondition(&pre, current, true)?;
                    (md, MinutesSource::Written)
                }
                MinutesContent::FromRoom => {
                    check_precondition(&pre, current, false)?;
                    let md = rooms::transcript(conn, event.room_id).await?;
                    (md, MinutesSource::FromRoom)
                }
            };
            let next = current.unwrap_or(0) + 1;
            Ok(repo::put_minutes(conn, id, next, &markdown, source, caller.id).await?)
        })
        .await?;
    Ok(m.into())
}

enum MinutesContent {
    Written(String),
    FromRoom,
}

/// Saves new minutes text. The published state is kept: once published, the event's page
/// shows the latest text as soon as it is saved (withdraw them first to edit in private).
pub async fn put_minutes(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    markdown: &str,
    pre: MinutesPrecondition,
) -> AppResult<MinutesView> {
    let markdown = text(markdown, MAX_MINUTES).map_err(|m| FieldErrors::single("markdown", m))?;
    write_minutes(state, caller, id, pre, MinutesContent::Written(markdown)).await
}

/// Fills the minutes from the room's record as a new version: hand-written minutes stay in
/// the revisions. Only `If-Match`, when sent, is checked.
pub async fn minutes_from_room(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    if_match: Option<IfMatch>,
) -> AppResult<MinutesView> {
    let pre = MinutesPrecondition {
        if_match,
        version: None,
    };
    write_minutes(state, caller, id, pre, MinutesContent::FromRoom).await
}

/// The current minutes: the event's moderators always see them (with `published_at`),
/// everyone else who may see the event only once they are published (404 before).
pub async fn minutes(
    state: &AppState,
    caller: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<MinutesView> {
    let mut conn = state.conn().await?;
    let (_, is_mod) = visible(&mut conn, id, caller).await?;
    repo::minutes(&mut conn, id)
        .await?
        .filter(|m| is_mod || m.published_at.is_some())
        .map(MinutesView::from)
        .ok_or_else(|| AppError::not_found("minutes"))
}

/// Whether a reader sees these minutes: unpublished minutes are the moderators' draft.
pub(super) fn minutes_for(m: Option<repo::Minutes>, is_mod: bool) -> Option<MinutesView> {
    m.filter(|m| is_mod || m.published_at.is_some())
        .map(MinutesView::from)
}

/// Publishes the minutes (event moderators): everyone who may see the event sees them from
/// now on, and later edits are shown as they are saved. Publishing again keeps the first
/// date. 409 `no_minutes` while none are written.
pub async fn publish_minutes(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
) -> AppResult<MinutesView> {
    set_published(state, caller, id, true).await
}

/// Withdraws published minutes (event moderators): only the moderators see them again.
pub async fn unpublish_minutes(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
) -> AppResult<MinutesView> {
    set_published(state, caller, id, false).await
}

async fn set_published(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    publish: bool,
) -> AppResult<MinutesView> {
    let mut conn = state.conn().await?;
    let m = conn
        .transaction::<_, AppError, _>(async move |conn| {
            moderate_locked(conn, id, caller).await?;
            let current = repo::minutes(conn, id).await?.ok_or_else(|| {
                AppError::conflict(
                    "no_minutes",
                    "the event has no minutes yet: write them before publishing them",
                )
            })?;
            if publish == current.published_at.is_some() {
                return Ok(current);
            }
            let by = publish.then_some(caller.id);
            Ok(repo::set_minutes_published(conn, id, by)
                .await?
                .expect("the row is locked with its event"))
        })
        .await?;
    tracing::info!(event_id = %id, by = %caller.id, publish, "minutes publication changed");
    Ok(m.into())
}

/// Every version of the minutes, oldest first (moderators only: an earlier version may hold
/// what was edited out on purpose).
pub async fn minutes_revisions(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<MinutesRevisionSummary>> {
    let after = match page.after.as_deref() {
        None => 0,
        Some(c) => c
            .parse::<i32>()
            .map_err(|_| FieldErrors::single("cursor", "is not a cursor for this list"))?,
    };
    let mut conn = state.conn().await?;
    moderate(&mut conn, id, caller).await?;
    let rows = repo::minutes_revisions(&mut conn, id, after, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |r| r.version.to_string(),
        MinutesRevisionSummary::from,
    ))
}

pub async fn minutes_revision(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    version: i32,
) -> AppResult<MinutesRevisionView> {
    let mut conn = state.conn().await?;
    moderate(&mut conn, id, caller).await?;
    repo::minutes_revision(&mut conn, id, version)
        .await?
        .map(MinutesRevisionView::from)
        .ok_or_else(|| AppError::not_found("revision"))
}
