//! Adoptions: an organization recording that it took up another's practice.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::{changed, content_of, is_editor, not_published, visible};
use crate::auth::AuthUser;
use crate::domain::text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest, time_id_key};
use crate::practices::dto::{
    AdoptionView, CreateAdoptionRequest, PracticeRefView, UpdateAdoptionRequest,
};
use crate::practices::repo::{self, AdoptionsOf, Counter};
use crate::shared::person::PersonRef;
use crate::shared::vocab::PracticeStatus;
use crate::state::AppState;

const MAX_NOTE: usize = 5_000;

// ---- adoptions ----

async fn adoption_views(
    conn: &mut AsyncPgConnection,
    rows: Vec<(repo::Adoption, Uuid, String)>,
) -> AppResult<Vec<AdoptionView>> {
    let mut org_ids: Vec<Uuid> = rows.iter().map(|r| r.0.organization_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = repo::org_refs(conn, &org_ids).await?;
    let mut user_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.0.created_by).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let people = crate::auth::repo::people(conn, &user_ids).await?;
    rows.into_iter()
        .map(|(a, owner, title)| {
            let organization = orgs
                .iter()
                .find(|o| o.id == a.organization_id)
                .cloned()
                .ok_or_else(|| {
                    AppError::internal(anyhow::anyhow!("adoption without organization"))
                })?;
            Ok(AdoptionView {
                id: a.id,
                practice: PracticeRefView {
                    id: a.practice_id,
                    title,
                    organization_id: owner,
                },
                organization,
                status: a.status,
                note: a.note,
                created_by: PersonRef::among(&people, a.created_by),
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
        })
        .collect()
}

fn note(raw: Option<String>) -> AppResult<Option<String>> {
    match raw {
        None => Ok(None),
        Some(n) => {
            let n = text(&n, MAX_NOTE).map_err(|m| FieldErrors::single("note", m))?;
            Ok((!n.is_empty()).then_some(n))
        }
    }
}

pub async fn adopt(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: CreateAdoptionRequest,
) -> AppResult<AdoptionView> {
    let note = note(req.note)?;
    let mut conn = state.conn().await?;
    let row = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            if crate::orgs::repo::find(conn, req.organization_id).await?.is_none() {
                return Err(FieldErrors::single("organization_id", "no such organization"));
            }
            if !is_editor(conn, req.organization_id, user).await? {
                return Err(AppError::forbidden(
                    "only owners and editors of the adopting organization may record an adoption",
                ));
            }
            if p.organization_id == req.organization_id {
                return Err(FieldErrors::single(
                    "organization_id",
                    "an organization cannot adopt its own practice",
                ));
            }
            if p.status != PracticeStatus::Published || p.hidden_at.is_some() {
                return Err(not_published());
            }
            let a = repo::insert_adoption(conn, id, req.organization_id, req.status, note.as_deref(), user.id)
                .await
                .map_err(|e| {
                    AppError::unique_violation(
                        e,
                        "practice_adoptions_once",
                        "already_adopted",
                        "this organization already recorded adopting the practice; update that adoption",
                        "organization_id",
                    )
                })?;
            repo::bump(conn, id, Counter::Adoptions, 1).await?;
            let title = content_of(&p)?.title;
            Ok((a, p.organization_id, title))
        })
        .await?;
    changed(state, id);
    adoption_views(&mut conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("adoption"))
}

/// The adoption, for editors of the adopting organization.
async fn own_adoption(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<repo::Adoption> {
    let a = repo::find_adoption(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("adoption"))?;
    if !is_editor(conn, a.organization_id, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the adopting organization may change an adoption",
        ));
    }
    Ok(a)
}

pub async fn update_adoption(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: UpdateAdoptionRequest,
) -> AppResult<AdoptionView> {
    let new_note = match req.note {
        None => None,
        Some(n) => Some(note(n)?),
    };
    let mut conn = state.conn().await?;
    let a = own_adoption(&mut conn, id, user).await?;
    let updated = repo::update_adoption(
        &mut conn,
        id,
        req.status.unwrap_or(a.status),
        new_note.unwrap_or(a.note).as_deref(),
    )
    .await?;
    changed(state, a.practice_id);
    let p = repo::find(&mut conn, a.practice_id)
        .await?
        .ok_or_else(|| AppError::not_found("practice"))?;
    let title = content_of(&p)?.title;
    adoption_views(&mut conn, vec![(updated, p.organization_id, title)])
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("adoption"))
}

pub async fn delete_adoption(state: &AppState, user: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let practice = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let a = own_adoption(conn, id, user).await?;
            repo::lock(conn, a.practice_id).await?;
            repo::delete_adoption(conn, id).await?;
            repo::bump(conn, a.practice_id, Counter::Adoptions, -1).await?;
            Ok(a.practice_id)
        })
        .await?;
    changed(state, practice);
    Ok(())
}

pub async fn adoptions_of_practice(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let mut conn = state.conn().await?;
    visible(&mut conn, id, user, false).await?;
    adoptions_page(&mut conn, AdoptionsOf::Practice(id), page).await
}

/// What an organization adopted (of practices that are public).
pub async fn adoptions_of_organization(
    state: &AppState,
    org: Uuid,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    adoptions_page(&mut conn, AdoptionsOf::Organization(org), page).await
}

async fn adoptions_page(
    conn: &mut AsyncPgConnection,
    of: AdoptionsOf,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let after = page.after_time_id()?;
    let mut rows = repo::adoptions(conn, of, after, page.fetch()).await?;
    let more = rows.len() as i64 > page.limit;
    rows.truncate(page.limit as usize);
    let next = rows
        .last()
        .filter(|_| more)
        .map(|r| time_id_key(r.0.created_at, r.0.id));
    let items = adoption_views(conn, rows).await?;
    Ok(Page::with_next_key(items, next))
}
