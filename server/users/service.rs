use diesel_async::AsyncConnection;
use uuid::Uuid;

use super::dto::{MeResponse, MembershipView, UpdateProfileRequest, UserView};
use super::repo::{self, ProfileChangeset};
use crate::auth::AuthUser;
use crate::auth::repo::User;
use crate::domain::{DisplayName, Timezone, search_text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::orgs::repo as orgs_repo;
use crate::pagination::{Page, PageRequest};
use crate::pubsub::Rights;
use crate::shared::vocab::Role;
use crate::state::AppState;

pub async fn me(state: &AppState, caller: &AuthUser) -> AppResult<MeResponse> {
    let mut conn = state.conn().await?;
    let user = crate::auth::repo::find(&mut conn, caller.id)
        .await?
        .ok_or_else(|| AppError::Unauthorized("the account no longer exists".into()))?;
    me_of(&mut conn, user).await
}

async fn me_of(conn: &mut diesel_async::AsyncPgConnection, user: User) -> AppResult<MeResponse> {
    let memberships = orgs_repo::memberships_of(conn, user.id)
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
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: user.role,
        created_at: user.created_at,
        locale: user.locale,
        timezone: user.timezone,
        memberships,
    })
}

/// The caller's own name, pages' language and timezone (the web pages' account form and
/// `PATCH /me`).
pub async fn update_profile(
    state: &AppState,
    caller: &AuthUser,
    req: UpdateProfileRequest,
) -> AppResult<MeResponse> {
    let mut errors = FieldErrors::new();
    let display_name = req
        .display_name
        .as_deref()
        .and_then(|n| errors.check("display_name", DisplayName::parse(n)));
    let locale = req.locale.map(|l| {
        l.and_then(|code| {
            let known = crate::web::i18n::LANGS.iter().find(|(c, _)| *c == code);
            if known.is_none() {
                errors.add("locale", "is not a language the pages are offered in");
            }
            known.map(|(c, _)| (*c).to_owned())
        })
    });
    let timezone = req.timezone.map(|t| {
        t.and_then(|name| errors.check("timezone", Timezone::parse(&name)))
            .map(|tz| tz.name().to_owned())
    });
    errors.finish()?;
    let changes = ProfileChangeset {
        display_name: display_name.map(DisplayName::into_inner),
        locale,
        timezone,
        updated_at: Some(chrono::Utc::now()),
    };
    let mut conn = state.conn().await?;
    let user = repo::update_profile(&mut conn, caller.id, &changes).await?;
    me_of(&mut conn, user).await
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
