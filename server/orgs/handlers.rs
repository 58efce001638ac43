use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use super::dto::{
    AddMemberRequest, CreateOrganizationRequest, MemberView, OrganizationFilter, OrganizationView,
    UpdateMemberRequest, UpdateOrganizationRequest,
};
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppResult, ErrorBody};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::state::AppState;

/// Create an organization; the caller becomes its owner.
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    request_body = CreateOrganizationRequest,
    responses(
        (status = 201, body = OrganizationView),
        (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/organizations")]
pub async fn create_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateOrganizationRequest>,
) -> AppResult<HttpResponse> {
    let org = service::create(&state, &user, body.0).await?;
    Ok(HttpResponse::Created().json(org))
}

/// List organizations (public).
#[utoipa::path(
    tag = "organizations",
    params(OrganizationFilter, PageParams),
    responses(
        (status = 200, body = Page<OrganizationView>),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/organizations")]
pub async fn list_organizations(
    state: web::Data<AppState>,
    filter: Query<OrganizationFilter>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<OrganizationView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(service::list(&state, filter.0, page).await?))
}

/// One organization (public).
#[utoipa::path(
    tag = "organizations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = OrganizationView), (status = 404, body = ErrorBody))
)]
#[get("/organizations/{id}")]
pub async fn get_organization(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<OrganizationView>> {
    Ok(web::Json(service::get(&state, *id).await?))
}

/// Edit an organization (owners and admins). Absent fields stay; `null` clears.
/// Giving a verified organization another `name`, `kind` or `country` withdraws its
/// verification: the answer shows `verified: false` until an admin verifies it again.
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateOrganizationRequest,
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/organizations/{id}")]
pub async fn update_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateOrganizationRequest>,
) -> AppResult<web::Json<OrganizationView>> {
    Ok(web::Json(
        service::update(&state, &user, *id, body.0).await?,
    ))
}

/// Mark an organization as verified (admin).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[post("/organizations/{id}/verify")]
pub async fn verify_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<OrganizationView>> {
    Ok(web::Json(
        service::set_verified(&state, &user, *id, true).await?,
    ))
}

/// Withdraw verification (admin).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = OrganizationView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/organizations/{id}/verify")]
pub async fn unverify_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<OrganizationView>> {
    Ok(web::Json(
        service::set_verified(&state, &user, *id, false).await?,
    ))
}

/// Add a member (owners and admins).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AddMemberRequest,
    responses(
        (status = 201, body = MemberView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "Organization or user not found", body = ErrorBody),
        (status = 409, description = "`already_member`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/organizations/{id}/members")]
pub async fn add_member(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<AddMemberRequest>,
) -> AppResult<HttpResponse> {
    let m = service::add_member(&state, &user, *id, body.0.user_id, body.0.role).await?;
    Ok(HttpResponse::Created().json(m))
}

/// Members of an organization (signed-in users).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<MemberView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/organizations/{id}/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    _user: AuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<MemberView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(service::list_members(&state, *id, page).await?))
}

/// Change a member's role (owners and admins).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    request_body = UpdateMemberRequest,
    responses(
        (status = 200, body = MemberView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_owner`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/organizations/{id}/members/{user_id}")]
pub async fn update_member(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<UpdateMemberRequest>,
) -> AppResult<web::Json<MemberView>> {
    let (org, member) = path.into_inner();
    Ok(web::Json(
        service::update_member(&state, &user, org, member, body.0.role).await?,
    ))
}

/// Remove a member (owners and admins), or leave (the member themself).
#[utoipa::path(
    tag = "organizations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_owner`", body = ErrorBody),
    )
)]
#[delete("/organizations/{id}/members/{user_id}")]
pub async fn remove_member(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (org, member) = path.into_inner();
    service::remove_member(&state, &user, org, member).await?;
    Ok(HttpResponse::NoContent().finish())
}
