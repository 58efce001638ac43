use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use uuid::Uuid;

use super::cache::PracticeCache;
use super::dto::{
    AdoptionView, CommentView, CreateAdoptionRequest, CreateCommentRequest, CreatePracticeRequest,
    EndorsementView, ExportParams, HideRequest, JsonObject, PracticeInput, PracticeListItem,
    PracticeView, RevisionSummary, RevisionView, SearchParams, SearchResponse,
    UpdateAdoptionRequest, UpdateCommentRequest,
};
use super::service::{self, Transition};
use crate::auth::{AuthUser, ClientIp, MaybeAuthUser};
use crate::error::{AppResult, ErrorBody, FieldErrors};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::state::AppState;

fn json_bytes(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

/// Write a practice up for an organization (its owners and editors). It starts as a draft,
/// visible to the organization's members and platform moderators.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    request_body = CreatePracticeRequest,
    responses(
        (status = 201, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/practices")]
pub async fn create_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<JsonObject>,
) -> AppResult<HttpResponse> {
    let view = service::create(&state, &user, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Search the published catalogue: full-text with a highlighted snippet, prefix match of
/// the last word, typo tolerance, filters that combine, facets over the filtered set.
#[utoipa::path(
    tag = "practices",
    params(SearchParams),
    responses(
        (status = 200, body = SearchResponse),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/practices")]
pub async fn search_practices(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    params: Query<SearchParams>,
) -> AppResult<HttpResponse> {
    Ok(json_bytes(
        service::search(&state, &cache, &params.0).await?,
    ))
}

/// Every match of a search (same filters, no paging; at most 10,000 rows) as CSV or JSON.
#[utoipa::path(
    tag = "practices",
    params(ExportParams, SearchParams),
    responses(
        (status = 200, content(
            (SearchResponse = "application/json"),
            (String = "text/csv"),
        )),
        (status = 409, description = "`export_too_large`", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 429, description = "Too many exports from this address", body = ErrorBody),
    )
)]
#[get("/practices/export")]
pub async fn export_practices(
    state: web::Data<AppState>,
    ip: ClientIp,
    params: Query<ExportParams>,
) -> AppResult<HttpResponse> {
    if let Some(l) = &state.limits.practice_export {
        l.check(ip.0).inspect_err(|_| {
            state
                .limits
                .per_ip_refused(ip.0, state.settings.http.trust_proxy_headers)
        })?;
    }
    let format = params.0.format.as_deref().unwrap_or("json");
    if !matches!(format, "csv" | "json") {
        return Err(FieldErrors::single("format", "must be csv or json"));
    }
    let result = service::export_rows(&state, &params.0.search).await?;
    if format == "json" {
        return Ok(HttpResponse::Ok()
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"practices.json\"",
            ))
            .json(result));
    }
    use crate::csv_export::cell;
    let body = crate::csv_export::write(
        &[
            "id",
            "title",
            "summary",
            "organization",
            "country",
            "organization_kind",
            "population",
            "themes",
            "language",
            "implementation_status",
            "endorsements",
            "published_at",
        ],
        result.items.iter().map(|p| {
            vec![
                p.id.to_string(),
                cell(&p.title),
                cell(&p.summary),
                cell(&p.organization.name),
                p.organization.country.clone(),
                p.organization.kind.clone(),
                p.organization
                    .population
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                p.themes.join(" "),
                p.language.clone(),
                p.implementation_status.to_string(),
                p.endorsement_count.to_string(),
                p.published_at
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    .unwrap_or_default(),
            ]
        }),
    )?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"practices.csv\"",
        ))
        .body(body))
}

/// One record with its organization, themes, counts and `adopted_by`. Markdown fields come
/// with sanitized HTML in `html`; `contact` only for signed-in users.
#[utoipa::path(
    tag = "practices",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/practices/{id}")]
pub async fn get_practice(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    Ok(json_bytes(
        service::get(&state, &cache, user.0.as_ref(), *id).await?,
    ))
}

/// Change any fields (owners and editors of the organization); `null` clears an optional
/// one. Each PATCH that changes something stores a revision.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = PracticeInput,
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/practices/{id}")]
pub async fn update_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<JsonObject>,
) -> AppResult<web::Json<PracticeView>> {
    Ok(web::Json(
        service::update(&state, &user, *id, body.0).await?,
    ))
}

async fn move_to(
    state: web::Data<AppState>,
    user: AuthUser,
    id: Uuid,
    t: Transition,
) -> AppResult<web::Json<PracticeView>> {
    Ok(web::Json(service::transition(&state, &user, id, t).await?))
}

/// Publish a draft (or an archived practice again).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
    )
)]
#[post("/practices/{id}/publish")]
pub async fn publish_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<PracticeView>> {
    move_to(state, user, *id, Transition::Publish).await
}

/// Archive a published practice: still readable, no longer in search.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
    )
)]
#[post("/practices/{id}/archive")]
pub async fn archive_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<PracticeView>> {
    move_to(state, user, *id, Transition::Archive).await
}

/// Hide a practice (platform moderators): only its organization and moderators see it.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = HideRequest,
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`already_hidden`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/practices/{id}/hide")]
pub async fn hide_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<HideRequest>,
) -> AppResult<web::Json<PracticeView>> {
    Ok(web::Json(
        service::set_hidden(&state, &user, *id, Some(body.0.reason)).await?,
    ))
}

/// Show a hidden practice again (platform moderators).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PracticeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`not_hidden`", body = ErrorBody),
    )
)]
#[post("/practices/{id}/unhide")]
pub async fn unhide_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<PracticeView>> {
    Ok(web::Json(
        service::set_hidden(&state, &user, *id, None).await?,
    ))
}

/// The revisions, newest first (the organization's members and moderators).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<RevisionSummary>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/practices/{id}/revisions")]
pub async fn list_revisions(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<RevisionSummary>>> {
    Ok(web::Json(
        service::revisions(&state, &user, *id, page.0.parse()?).await?,
    ))
}

/// One revision with the full text it stored.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("n" = i32, Path)),
    responses(
        (status = 200, body = RevisionView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/practices/{id}/revisions/{n}")]
pub async fn get_revision(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, i32)>,
) -> AppResult<web::Json<RevisionView>> {
    let (id, n) = *path;
    Ok(web::Json(service::revision(&state, &user, id, n).await?))
}

/// Comment (signed in), or reply to a top-level comment with `parent_id`.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = CreateCommentRequest,
    responses(
        (status = 201, body = CommentView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/practices/{id}/comments")]
pub async fn create_comment(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CreateCommentRequest>,
) -> AppResult<HttpResponse> {
    let c = service::add_comment(&state, &user, *id, body.0).await?;
    Ok(HttpResponse::Created().json(c))
}

/// Top-level comments, oldest first, each with its replies.
#[utoipa::path(
    tag = "practices",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<CommentView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/practices/{id}/comments")]
pub async fn list_comments(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<CommentView>>> {
    Ok(web::Json(
        service::comments(&state, user.0.as_ref(), *id, page.0.parse()?).await?,
    ))
}

/// Edit your comment.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateCommentRequest,
    responses(
        (status = 200, body = CommentView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`comment_deleted`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/comments/{id}")]
pub async fn update_comment(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateCommentRequest>,
) -> AppResult<web::Json<CommentView>> {
    Ok(web::Json(
        service::edit_comment(&state, &user, *id, body.0).await?,
    ))
}

/// Delete a comment (its author, or a platform moderator). Replies stay.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/comments/{id}")]
pub async fn delete_comment(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::delete_comment(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Whether you endorse the practice.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EndorsementView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/practices/{id}/endorsement")]
pub async fn get_endorsement(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EndorsementView>> {
    Ok(web::Json(service::endorsement(&state, &user, *id).await?))
}

/// Endorse a published practice; doing it again changes nothing.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EndorsementView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`not_published`", body = ErrorBody),
    )
)]
#[put("/practices/{id}/endorsement")]
pub async fn endorse(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EndorsementView>> {
    Ok(web::Json(
        service::set_endorsement(&state, &user, *id, true).await?,
    ))
}

/// Withdraw your endorsement; doing it again changes nothing.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EndorsementView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/practices/{id}/endorsement")]
pub async fn unendorse(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EndorsementView>> {
    Ok(web::Json(
        service::set_endorsement(&state, &user, *id, false).await?,
    ))
}

/// Record that your organization adopted this practice (owners and editors of the
/// adopting organization; not the practice's own).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = CreateAdoptionRequest,
    responses(
        (status = 201, body = AdoptionView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`already_adopted`, `not_published`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/practices/{id}/adoptions")]
pub async fn create_adoption(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CreateAdoptionRequest>,
) -> AppResult<HttpResponse> {
    let a = service::adopt(&state, &user, *id, body.0).await?;
    Ok(HttpResponse::Created().json(a))
}

/// Who adopted the practice, oldest first.
#[utoipa::path(
    tag = "practices",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<AdoptionView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/practices/{id}/adoptions")]
pub async fn list_adoptions(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<AdoptionView>>> {
    Ok(web::Json(
        service::adoptions_of_practice(&state, user.0.as_ref(), *id, page.0.parse()?).await?,
    ))
}

/// Update an adoption's status or note (editors of the adopting organization).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateAdoptionRequest,
    responses(
        (status = 200, body = AdoptionView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/adoptions/{id}")]
pub async fn update_adoption(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateAdoptionRequest>,
) -> AppResult<web::Json<AdoptionView>> {
    Ok(web::Json(
        service::update_adoption(&state, &user, *id, body.0).await?,
    ))
}

/// Withdraw an adoption (editors of the adopting organization).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/adoptions/{id}")]
pub async fn delete_adoption(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::delete_adoption(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The practices an organization adopted, oldest first.
#[utoipa::path(
    tag = "practices",
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<AdoptionView>),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/organizations/{id}/adoptions")]
pub async fn organization_adoptions(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<AdoptionView>>> {
    Ok(web::Json(
        service::adoptions_of_organization(&state, *id, page.0.parse()?).await?,
    ))
}

/// An organization's own practices, latest change first: drafts and hidden ones too for
/// its members and moderators.
#[utoipa::path(
    tag = "practices",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<PracticeListItem>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/organizations/{id}/practices")]
pub async fn organization_practices(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<PracticeListItem>>> {
    Ok(web::Json(
        service::by_organization(&state, user.0.as_ref(), *id, page.0.parse()?).await?,
    ))
}
