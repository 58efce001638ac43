use actix_web::{get, patch, web};
use uuid::Uuid;

use super::dto::{MeResponse, RoleChangeRequest, UpdateProfileRequest, UserFilter, UserView};
use super::service;
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::{AppResult, ErrorBody};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::state::AppState;

/// The signed-in user with their organization memberships.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    responses(
        (status = 200, body = MeResponse),
        (status = 401, description = "Missing, invalid or expired token", body = ErrorBody),
    )
)]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, user: AuthUser) -> AppResult<web::Json<MeResponse>> {
    Ok(web::Json(service::me(&state, &user).await?))
}

/// Change one's own name, the web pages' language and timezone. Absent fields stay as
/// they are; `locale` or `timezone` set to `null` go back to "from the browser".
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = UpdateProfileRequest,
    responses(
        (status = 200, description = "The profile as saved", body = MeResponse),
        (status = 401, description = "Missing, invalid or expired token", body = ErrorBody),
        (status = 422, description = "`display_name` empty or longer than 100 characters, \
            `locale` not one of the offered languages, or `timezone` not an IANA name", body = ErrorBody),
    )
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<UpdateProfileRequest>,
) -> AppResult<web::Json<MeResponse>> {
    Ok(web::Json(
        service::update_profile(&state, &user, body.0).await?,
    ))
}

/// List users (platform moderators and admins; emails for admins only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(UserFilter, PageParams),
    responses(
        (status = 200, body = Page<UserView>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, description = "Bad limit or cursor", body = ErrorBody),
    )
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    user: AuthUser,
    filter: Query<UserFilter>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<UserView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(
        service::list(&state, &user, filter.0.q, page).await?,
    ))
}

/// A public profile (email only for the user themself and admins).
#[utoipa::path(
    tag = "users",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = UserView),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<UserView>> {
    Ok(web::Json(service::get(&state, user.0.as_ref(), *id).await?))
}

/// Change a user's platform role (admin only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = RoleChangeRequest,
    responses(
        (status = 200, body = UserView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_admin`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/users/{id}/role")]
pub async fn set_role(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<RoleChangeRequest>,
) -> AppResult<web::Json<UserView>> {
    Ok(web::Json(
        service::set_role(&state, &user, *id, body.0.role).await?,
    ))
}
