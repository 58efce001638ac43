//! Closing an account in one transaction: every rule that could refuse is checked first
//! (the last admin, the only owner of an organization), then the person leaves everything
//! they hold a place in, their sessions end and the account row keeps only its id.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

use super::dto::CloseAccountRequest;
use crate::auth::{self, AuthUser, repo as accounts};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::service as events;
use crate::orgs::repo as orgs;
use crate::pubsub::{Rights, Topic};
use crate::rooms::api as rooms;
use crate::shared::vocab::{MemberRole, Role};
use crate::state::AppState;
use crate::users::repo as users;

/// The caller closes their own account, confirming with their password.
pub async fn close_own(
    state: &AppState,
    caller: &AuthUser,
    req: CloseAccountRequest,
) -> AppResult<()> {
    let wrong = || FieldErrors::single("password", "is not your password");
    let mut conn = state.conn().await?;
    let user = accounts::find(&mut conn, caller.id)
        .await?
        .ok_or_else(|| AppError::Unauthorized("the account no longer exists".into()))?;
    auth::service::confirm_password(state, &user, req.password, wrong).await?;
    close(state, &mut conn, caller.id, caller.id).await
}

/// An admin closes someone's account (spam, a person who asked by other means).
pub async fn close_by_admin(state: &AppState, caller: &AuthUser, id: Uuid) -> AppResult<()> {
    caller.require_admin()?;
    let mut conn = state.conn().await?;
    close(state, &mut conn, caller.id, id).await
}

async fn close(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    by: Uuid,
    id: Uuid,
) -> AppResult<()> {
    conn.transaction::<_, AppError, _>(async move |conn| {
        let user = accounts::lock(conn, id)
            .await?
            .filter(|u| !accounts::is_closed(u))
            .ok_or_else(|| AppError::not_found("user"))?;
        if user.role == Role::Admin && users::lock_admin_ids(conn).await?.iter().all(|a| *a == id) {
            return Err(AppError::conflict(
                "last_admin",
                "this is the last admin; make someone else admin before closing the account",
            ));
        }
        let memberships = orgs::memberships_of(conn, id).await?;
        let mut only_owner = Vec::new();
        for (org, name, role) in &memberships {
            if *role == MemberRole::Owner {
                orgs::lock(conn, *org).await?;
                if orgs::count_owners(conn, *org).await? == 1 {
                    only_owner.push(json!({ "id": org, "name": name }));
                }
            }
        }
        if !only_owner.is_empty() {
            return Err(AppError::Conflict {
                code: "last_owner",
                message: "the account is the only owner of these organizations; make someone \
                          else owner first"
                    .into(),
                details: Some(json!({ "organizations": only_owner })),
            });
        }
        for (org, _, _) in &memberships {
            orgs::delete_member(conn, *org, id).await?;
        }
        events::withdraw_everywhere(conn, id).await?;
        rooms::forget_person(conn, id).await?;
        accounts::revoke_user(conn, id, None).await?;
        accounts::close(conn, id).await?;
        Ok(())
    })
    .await?;
    tracing::info!(user_id = %id, by = %by, "account closed");
    // Its sockets close (no live session any more); pages that show its name drop it.
    state.pubsub.rights_changed(Rights::User(id));
    state
        .pubsub
        .publish(Topic::Practice, crate::practices::cache::ALL);
    Ok(())
}
