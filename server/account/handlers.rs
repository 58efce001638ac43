use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use super::dto::CloseAccountRequest;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppResult, ErrorBody};
use crate::extract::Json;
use crate::state::AppState;

/// Close your own account. Your sessions end (open room sockets close with 4001), you leave
/// your organizations, rooms and the events that have not ended (waitlists move up), your
/// calendar feed stops, and your name and email are removed: what you wrote stays, shown as
/// "Deleted account". The only owner of an organization, or the last admin, must hand over
/// first.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = CloseAccountRequest,
    responses(
        (status = 204, description = "Account closed"),
        (status = 409, description = "`last_owner` (with the organizations in `details`) or \
            `last_admin`: hand them over first", body = ErrorBody),
        (status = 422, description = "`password` is not the account's password", body = ErrorBody),
        (status = 429, description = "Too many attempts from this address, or too many failed passwords for this account (sign-ins included) in the last 15 minutes; see `Retry-After`", body = ErrorBody),
    )
)]
#[delete("/me")]
pub async fn close_own(
    state: web::Data<AppState>,
    ip: crate::auth::ClientIp,
    user: AuthUser,
    body: Json<CloseAccountRequest>,
) -> AppResult<HttpResponse> {
    crate::auth::handlers::limit(&state, &ip)?;
    service::close_own(&state, &user, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Close someone's account (admins): the same as the person closing it themself.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204, description = "Account closed"),
        (status = 403, description = "`forbidden`: admins only", body = ErrorBody),
        (status = 404, description = "No such account, or it is closed already", body = ErrorBody),
        (status = 409, description = "`last_owner` (with the organizations in `details`) or \
            `last_admin`", body = ErrorBody),
    )
)]
#[delete("/users/{id}")]
pub async fn close(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::close_by_admin(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
