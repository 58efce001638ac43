use diesel_async::AsyncConnection;
use uuid::Uuid;

use super::dto::{MeResponse, MembershipView, UserView};
use super::repo;
use crate::auth::AuthUser;
use crate::domain::search_text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::orgs::repo as orgs_repo;
use crate::pagination::{Page, PageRequest};
use crate::pubsub::Rights;
use crate::shared::vocab::Role;
use crate::state::AppState;

pub async fn me(state: &AppState, caller: &AuthUser) -> AppResult<MeResponse> {
    let mut conn = state.conn().await?;
    let memberships = orgs_repo::memberships_of(&mut conn, caller.id)
        .await?
        .into_iter()
        .map(
            |(organization_id, organization_name, role)| MembershipView {
                organization_id,
                organization_name,
                role,
            },
        )
        .collect();
    Ok(MeResponse {
        id: caller.id,
        email: caller.email.clone(),
        display_name: caller.display_name.clone(),
        role: caller.role,
        created_at: caller.created_at,
        memberships,
    })
}

pub async fn get(state: &AppState, caller: Option<&AuthUser>, id: Uuid) -> AppResult<UserView> {
    let mut conn = state.conn().await?;
    let user = crate::auth::repo::find(&mut conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    let show_email = caller.is_some_and(|c| c.id == id || c.is_admin());
    Ok(UserView::new(user, show_email))
}

/// Admins and moderators look people up (to add members, to moderate).
pub async fn list(
    state: &AppState,
    caller: &AuthUser,
    q: Option<String>,
    page: PageRequest,
) -> AppResult<Page<UserView>> {
    if !caller.is_moderator() {
        return Err(AppError::forbidden(
            "listing users needs the moderator or admin role",
        ));
    }
    let q = search_text(q.as_deref()).map_err(|e| FieldErrors::single("q", e))?;
    // Only admins see emails, so only admins may search by them: otherwise a moderator
    // could rebuild addresses one substring at a time.
    let search_email = caller.is_admin();
    let mut conn = state.conn().await?;
    let rows = repo::list(
        &mut conn,
        q.as_deref(),
        search_email,
        page.after_uuid()?,
        page.fetch(),
    )
    .await?;
    let show_email = caller.is_admin();
    Ok(Page::from_rows(
        rows,
        &page,
        |u| u.id.to_string(),
        |u| UserView::new(u, show_email),
    ))
}

/// Admin only. The last admin cannot step down: someone must be able to manage roles.
pub async fn set_role(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    role: Role,
) -> AppResult<UserView> {
    caller.require_admin()?;
    let mut conn = state.conn().await?;
    let user = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let user = crate::auth::repo::find(conn, id)
                .await?
                .ok_or_else(|| AppError::not_found("user"))?;
            if user.role == Role::Admin && role != Role::Admin {
                let admins = repo::lock_admin_ids(conn).await?;
                if admins.iter().all(|a| *a == id) {
                    return Err(AppError::conflict(
                        "last_admin",
                        "this is the last admin; promote someone else first",
                    ));
                }
            }
            Ok(repo::set_role(conn, id, role).await?)
        })
        .await?;
    tracing::info!(by = %caller.id, user_id = %id, role = %role, "platform role changed");
    // Platform moderators moderate every room: their open sockets learn the new role.
    state.pubsub.rights_changed(Rights::User(id));
    Ok(UserView::new(user, true))
}
