//! Rules for write-ups: who sees and edits what, validation into `PracticeContent`,
//! revisions, and the counters behind comments, endorsements and adoptions. Every write
//! ends with `changed`, which clears the cache here and on the other instances.
//!
//! One file per seam: `records` (the record and its revisions), `validation`, `catalogue`
//! (search and export), `comments`, `endorsements` and `adoptions`. What they share is
//! here: who may do what, `changed`, and reading a record's content.

use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::dto::PracticeContent;
use super::repo::{self, Practice};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::pubsub::Topic;
use crate::shared::vocab::MemberRole;
use crate::state::AppState;

mod adoptions;
mod catalogue;
mod comments;
mod endorsements;
mod records;
mod validation;

pub use adoptions::{
    adopt, adoptions_of_organization, adoptions_of_practice, delete_adoption, update_adoption,
};
pub use catalogue::{EXPORT_LIMIT, export_rows, search, sitemap_entries};
pub use comments::{add_comment, comments, delete_comment, edit_comment};
pub use endorsements::{endorsement, set_endorsement};
pub use records::{
    Transition, by_organization, create, for_moderation, get, moderated, revision, revisions,
    set_hidden, show_again, transition, update,
};

fn not_published() -> AppError {
    AppError::conflict(
        "not_published",
        "only published practices can be endorsed or adopted",
    )
}

/// Clears the cache here at once, and on every instance once NOTIFY arrives.
fn changed(state: &AppState, id: Uuid) {
    state.pubsub.publish(Topic::Practice, &id.to_string());
}

// ---- who may do what ----

async fn role_in(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    user: &AuthUser,
) -> AppResult<Option<MemberRole>> {
    Ok(crate::orgs::repo::member_role(conn, org, user.id).await?)
}

/// Owners and editors write for their organization; admins for any.
async fn is_editor(conn: &mut AsyncPgConnection, org: Uuid, user: &AuthUser) -> AppResult<bool> {
    Ok(user.is_admin()
        || matches!(
            role_in(conn, org, user).await?,
            Some(MemberRole::Owner | MemberRole::Editor)
        ))
}

/// Whoever sees drafts and hidden records: the organization's members and platform
/// moderators.
async fn is_insider(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<bool> {
    Ok(match user {
        None => false,
        Some(u) if u.is_moderator() => true,
        Some(u) => role_in(conn, org, u).await?.is_some(),
    })
}

/// The practice if the caller may see it; 404 otherwise (existence is not revealed).
async fn visible(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
    lock: bool,
) -> AppResult<Practice> {
    let p = if lock {
        repo::lock(conn, id).await?
    } else {
        repo::find(conn, id).await?
    }
    .ok_or_else(|| AppError::not_found("practice"))?;
    if p.is_public() || is_insider(conn, p.organization_id, user).await? {
        Ok(p)
    } else {
        Err(AppError::not_found("practice"))
    }
}

/// Whether the caller may read the practice and edit it (for what is attached to it).
pub async fn access_of(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<(bool, bool)> {
    match visible(conn, id, user, false).await {
        Ok(p) => Ok((
            true,
            match user {
                Some(u) => is_editor(conn, p.organization_id, u).await?,
                None => false,
            },
        )),
        Err(AppError::NotFound(_)) => Ok((false, false)),
        Err(e) => Err(e),
    }
}

/// As `visible`, locked, and the caller must be an editor of the owning organization.
async fn editable(conn: &mut AsyncPgConnection, id: Uuid, user: &AuthUser) -> AppResult<Practice> {
    let p = visible(conn, id, Some(user), true).await?;
    if !is_editor(conn, p.organization_id, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the practice's organization may change it",
        ));
    }
    Ok(p)
}

/// The row again, after a change in this transaction.
async fn reload(conn: &mut AsyncPgConnection, id: Uuid) -> AppResult<Practice> {
    repo::find(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("practice"))
}

fn content_of(p: &Practice) -> AppResult<PracticeContent> {
    serde_json::from_value(p.content.clone()).map_err(AppError::internal)
}
