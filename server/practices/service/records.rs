//! The record and its revisions: create, read (through the cache), update, publish,
//! archive, hide and show again, an organization's list, and the earlier texts.

use actix_web::web::Bytes;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::validation::{input_from, to_json, validate};
use super::{changed, content_of, editable, is_editor, is_insider, reload, visible};
use crate::auth::AuthUser;
use crate::domain::text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::markdown::to_html;
use crate::pagination::{Page, PageRequest, time_id_key};
use crate::practices::cache::{PracticeCache, RecordBytes};
use crate::practices::dto::{
    AdopterView, CountsView, HiddenView, HtmlView, JsonObject, ModeratedPractice,
    ModerationDecision, PracticeListItem, PracticeView, RevisionSummary, RevisionView,
};
use crate::practices::repo::{self, Practice};
use crate::shared::vocab::PracticeStatus;
use crate::state::AppState;

const MAX_REASON: usize = 1_000;

fn invalid_transition(from: PracticeStatus, action: &str) -> AppError {
    AppError::Conflict {
        code: "invalid_transition",
        message: format!("a {from} practice cannot be {action}"),
        details: Some(serde_json::json!({ "status": from })),
    }
}

/// The top-level fields whose values differ.
fn changed_fields(old: &serde_json::Value, new: &serde_json::Value) -> Vec<String> {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return Vec::new();
    };
    new.iter()
        .filter(|(k, v)| old.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

// ---- records ----

async fn view(conn: &mut AsyncPgConnection, p: Practice) -> AppResult<PracticeView> {
    let content = content_of(&p)?;
    let organization = repo::org_ref(conn, p.organization_id)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("practice without organization")))?;
    let themes = repo::themes(conn, &content.theme_ids).await?;
    let adopted_by = repo::adopters(conn, p.id)
        .await?
        .into_iter()
        .map(|a| AdopterView {
            adoption_id: a.adoption_id,
            organization: a.organization,
            status: a.status,
            since: a.since,
        })
        .collect();
    let html = HtmlView {
        body: to_html(&content.body),
        results: content.results.as_deref().map(to_html),
        lessons_learned: content.lessons_learned.as_deref().map(to_html),
        transferability: content.transferability.as_deref().map(to_html),
    };
    Ok(PracticeView {
        id: p.id,
        organization,
        status: p.status,
        hidden: p
            .hidden_at
            .zip(p.hidden_reason)
            .map(|(at, reason)| HiddenView { at, reason }),
        content,
        html,
        themes,
        counts: CountsView {
            comments: p.comment_count,
            endorsements: p.endorsement_count,
            adoptions: p.adoption_count,
        },
        adopted_by,
        revision: p.revision,
        created_at: p.created_at,
        updated_at: p.updated_at,
        published_at: p.published_at,
    })
}

/// The record as JSON for this caller: contact details only for signed-in users.
fn render(mut v: PracticeView) -> AppResult<RecordBytes> {
    let signed_in = Bytes::from(serde_json::to_vec(&v).map_err(AppError::internal)?);
    v.content.contact = None;
    let anonymous = Bytes::from(serde_json::to_vec(&v).map_err(AppError::internal)?);
    Ok(RecordBytes {
        anonymous,
        signed_in,
    })
}

fn pick(r: RecordBytes, user: Option<&AuthUser>) -> Bytes {
    if user.is_some() {
        r.signed_in
    } else {
        r.anonymous
    }
}

pub async fn create(
    state: &AppState,
    user: &AuthUser,
    body: JsonObject,
) -> AppResult<PracticeView> {
    let mut object = body.0;
    let org: Uuid = match object.remove("organization_id") {
        None | Some(serde_json::Value::Null) => {
            return Err(FieldErrors::single("organization_id", "is required"));
        }
        Some(v) => serde_json::from_value(v)
            .map_err(|_| FieldErrors::single("organization_id", "must be a UUID"))?,
    };
    let input = input_from(object)?;
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(FieldErrors::single(
            "organization_id",
            "no such organization",
        ));
    }
    if !is_editor(&mut conn, org, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the organization may publish practices for it",
        ));
    }
    let content = validate(&mut conn, input).await?;
    let json = to_json(&content)?;
    let fields: Vec<String> = json
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let id = Uuid::now_v7();
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            repo::insert(conn, id, org, &json, user.id, &fields).await?;
            repo::add_terms(conn, id).await?;
            reload(conn, id).await
        })
        .await?;
    view(&mut conn, p).await
}

/// The record as JSON bytes. Public records come from the cache when they can.
pub async fn get(
    state: &AppState,
    cache: &PracticeCache,
    user: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<Bytes> {
    if let Some(hit) = cache.record(id) {
        return Ok(pick(hit, user));
    }
    let generation = cache.generation();
    let mut conn = state.conn().await?;
    let p = visible(&mut conn, id, user, false).await?;
    let public = p.is_public();
    let rendered = render(view(&mut conn, p).await?)?;
    if public {
        cache.put_record(id, rendered.clone(), generation);
    }
    Ok(pick(rendered, user))
}

/// Applies a partial update. A change stores a new revision; a PATCH that changes nothing
/// stores none.
pub async fn update(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    body: JsonObject,
) -> AppResult<PracticeView> {
    let patch = body.0;
    if patch.contains_key("organization_id") {
        return Err(FieldErrors::single(
            "organization_id",
            "cannot be changed; a practice stays with its organization",
        ));
    }
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = editable(conn, id, user).await?;
            let mut merged = p.content.as_object().cloned().unwrap_or_default();
            for (k, v) in patch {
                merged.insert(k, v);
            }
            let content = validate(conn, input_from(merged)?).await?;
            let json = to_json(&content)?;
            let fields = changed_fields(&p.content, &json);
            if fields.is_empty() {
                return Ok((p, false));
            }
            let number = p.revision + 1;
            repo::update_content(conn, id, &json, number).await?;
            repo::insert_revision(conn, id, number, user.id, &fields, &json).await?;
            repo::add_terms(conn, id).await?;
            let p = reload(conn, id).await?;
            Ok((p, true))
        })
        .await;
    let (p, did_change) = p?;
    if did_change {
        changed(state, id);
    }
    view(&mut conn, p).await
}

#[derive(Debug, Clone, Copy)]
pub enum Transition {
    Publish,
    Archive,
}

pub async fn transition(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    t: Transition,
) -> AppResult<PracticeView> {
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = editable(conn, id, user).await?;
            let to = match (t, p.status) {
                (Transition::Publish, PracticeStatus::Draft | PracticeStatus::Archived) => {
                    PracticeStatus::Published
                }
                (Transition::Archive, PracticeStatus::Published) => PracticeStatus::Archived,
                (Transition::Publish, s) => return Err(invalid_transition(s, "published")),
                (Transition::Archive, s) => return Err(invalid_transition(s, "archived")),
            };
            repo::set_status(conn, id, to).await?;
            reload(conn, id).await
        })
        .await?;
    changed(state, id);
    view(&mut conn, p).await
}

/// Platform moderators hide a record (`Some(reason)`) or show it again (`None`).
pub async fn set_hidden(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    reason: Option<String>,
) -> AppResult<PracticeView> {
    change_hidden(state, user, id, reason, None).await
}

/// Shows a hidden record again and keeps why (the administration pages ask for it).
pub async fn show_again(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    reason: String,
) -> AppResult<PracticeView> {
    change_hidden(state, user, id, None, Some(reason)).await
}

fn checked_reason(r: &str) -> AppResult<String> {
    let r = text(r, MAX_REASON).map_err(|m| FieldErrors::single("reason", m))?;
    if r.is_empty() {
        return Err(FieldErrors::single("reason", "must not be blank"));
    }
    Ok(r)
}

async fn change_hidden(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    reason: Option<String>,
    shown_because: Option<String>,
) -> AppResult<PracticeView> {
    if !user.is_moderator() {
        return Err(AppError::forbidden(
            "only platform moderators may hide practices",
        ));
    }
    let reason = reason.as_deref().map(checked_reason).transpose()?;
    let shown_because = shown_because.as_deref().map(checked_reason).transpose()?;
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            match (&reason, p.hidden_at.is_some()) {
                (Some(_), true) => {
                    return Err(AppError::conflict(
                        "already_hidden",
                        "the practice is already hidden",
                    ));
                }
                (None, false) => {
                    return Err(AppError::conflict(
                        "not_hidden",
                        "the practice is not hidden",
                    ));
                }
                _ => {}
            }
            repo::set_hidden(conn, id, reason.as_deref().map(|r| (r, user.id))).await?;
            if reason.is_none() {
                repo::set_shown(conn, id, shown_because.as_deref(), user.id).await?;
            }
            reload(conn, id).await
        })
        .await?;
    changed(state, id);
    view(&mut conn, p).await
}

/// An organization's practices: everything for its members and moderators, the public
/// ones for everyone else.
pub async fn by_organization(
    state: &AppState,
    user: Option<&AuthUser>,
    org: Uuid,
    page: PageRequest,
) -> AppResult<Page<PracticeListItem>> {
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    let all = is_insider(&mut conn, org, user).await?;
    let after = page.after_time_id()?;
    let rows = repo::by_organization(&mut conn, org, all, after, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |p| time_id_key(p.updated_at, p.id),
        |p| PracticeListItem {
            id: p.id,
            title: p.content["title"].as_str().unwrap_or_default().to_owned(),
            summary: p.content["summary"].as_str().unwrap_or_default().to_owned(),
            status: p.status,
            hidden: p.hidden_at.is_some(),
            revision: p.revision,
            updated_at: p.updated_at,
            published_at: p.published_at,
        },
    ))
}

// ---- revisions ----

/// Revisions hold every earlier text, including what a moderator hid: insiders only.
async fn insider_view(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<Practice> {
    let p = visible(conn, id, Some(user), false).await?;
    if !is_insider(conn, p.organization_id, Some(user)).await? {
        return Err(AppError::forbidden(
            "revisions are for the organization's members and moderators",
        ));
    }
    Ok(p)
}

pub async fn revisions(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<RevisionSummary>> {
    let mut conn = state.conn().await?;
    insider_view(&mut conn, id, user).await?;
    let before = page
        .after
        .as_deref()
        .map(|s| {
            s.parse::<i32>()
                .map_err(|_| FieldErrors::single("cursor", "is not a cursor for this list"))
        })
        .transpose()?;
    let rows = repo::revisions(&mut conn, id, before, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |r| r.number.to_string(),
        |r| RevisionSummary {
            number: r.number,
            author: r.author,
            created_at: r.created_at,
            changed_fields: r.changed_fields,
        },
    ))
}

pub async fn revision(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    number: i32,
) -> AppResult<RevisionView> {
    let mut conn = state.conn().await?;
    insider_view(&mut conn, id, user).await?;
    let r = repo::revision(&mut conn, id, number)
        .await?
        .ok_or_else(|| AppError::not_found("revision"))?;
    let content =
        serde_json::from_value(r.content.unwrap_or_default()).map_err(AppError::internal)?;
    Ok(RevisionView {
        summary: RevisionSummary {
            number: r.number,
            author: r.author,
            created_at: r.created_at,
            changed_fields: r.changed_fields,
        },
        content,
    })
}

/// What moderators review: every practice with its hiding or showing decision.
pub async fn for_moderation(
    state: &AppState,
    user: &AuthUser,
    title_contains: Option<String>,
    hidden: Option<bool>,
    page: PageRequest,
) -> AppResult<Page<ModeratedPractice>> {
    moderators_only(user)?;
    let q = crate::domain::search_text(title_contains.as_deref())
        .map_err(|e| FieldErrors::single("q", e))?;
    let mut conn = state.conn().await?;
    let rows = repo::for_moderation(
        &mut conn,
        None,
        q.as_deref(),
        hidden,
        page.after_time_id()?,
        page.fetch(),
    )
    .await?;
    let items = with_decisions(&mut conn, rows).await?;
    Ok(Page::from_rows(
        items,
        &page,
        |m| time_id_key(m.updated_at, m.id),
        |m| m,
    ))
}

/// One practice as moderators review it.
pub async fn moderated(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> AppResult<ModeratedPractice> {
    moderators_only(user)?;
    let mut conn = state.conn().await?;
    let rows = repo::for_moderation(&mut conn, Some(id), None, None, None, 1).await?;
    with_decisions(&mut conn, rows)
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("practice"))
}

fn moderators_only(user: &AuthUser) -> AppResult<()> {
    if user.is_moderator() {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "only platform moderators may review practices",
        ))
    }
}

async fn with_decisions(
    conn: &mut AsyncPgConnection,
    rows: Vec<repo::ModerationRow>,
) -> AppResult<Vec<ModeratedPractice>> {
    let mut ids: Vec<Uuid> = rows
        .iter()
        .flat_map(|r| [r.practice.hidden_by, r.shown_by])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names: std::collections::HashMap<Uuid, String> =
        repo::names_of(conn, &ids).await?.into_iter().collect();
    let name = |id: Option<Uuid>| id.and_then(|i| names.get(&i).cloned());
    Ok(rows
        .into_iter()
        .map(|r| {
            let p = r.practice;
            ModeratedPractice {
                id: p.id,
                title: p.content["title"].as_str().unwrap_or_default().to_owned(),
                organization_id: p.organization_id,
                organization_name: r.organization_name,
                status: p.status,
                hidden: p.hidden_at.map(|at| ModerationDecision {
                    at,
                    reason: p.hidden_reason.clone(),
                    by: name(p.hidden_by),
                }),
                shown_again: r.shown_at.map(|at| ModerationDecision {
                    at,
                    reason: r.shown_reason,
                    by: name(r.shown_by),
                }),
                updated_at: p.updated_at,
            }
        })
        .collect())
}
