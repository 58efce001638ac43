use actix_web::{HttpResponse, get, post, put, web};

use super::dto::{CreateThemeRequest, ThemeTextRequest, ThemeView};
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppResult, ErrorBody};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::state::AppState;

/// All themes, ordered by slug (public).
#[utoipa::path(
    tag = "themes",
    params(PageParams),
    responses((status = 200, body = Page<ThemeView>), (status = 422, body = ErrorBody))
)]
#[get("/themes")]
pub async fn list_themes(
    state: web::Data<AppState>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<ThemeView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(service::list(&state, page).await?))
}

/// One theme by slug (public).
#[utoipa::path(
    tag = "themes",
    params(("slug" = String, Path)),
    responses((status = 200, body = ThemeView), (status = 404, body = ErrorBody))
)]
#[get("/themes/{slug}")]
pub async fn get_theme(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<web::Json<ThemeView>> {
    Ok(web::Json(service::get(&state, &slug).await?))
}

/// Add a theme (admin).
#[utoipa::path(
    tag = "themes",
    security(("bearer" = [])),
    request_body = CreateThemeRequest,
    responses(
        (status = 201, body = ThemeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 409, description = "`slug_taken`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/themes")]
pub async fn create_theme(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateThemeRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &user, body.0).await?))
}

/// Set a theme's name and description in one language (admin): `en` is the theme itself,
/// the fallback; for `es`, `it`, `fr` or `de` an empty name and description remove the
/// translation.
#[utoipa::path(
    tag = "themes",
    security(("bearer" = [])),
    params(("slug" = String, Path), ("lang" = String, Path, example = "fr")),
    request_body = ThemeTextRequest,
    responses(
        (status = 200, body = ThemeView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/themes/{slug}/text/{lang}")]
pub async fn set_theme_text(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
    body: Json<ThemeTextRequest>,
) -> AppResult<web::Json<ThemeView>> {
    let (slug, lang) = path.into_inner();
    Ok(web::Json(
        service::set_text(&state, &user, &slug, &lang, body.0).await?,
    ))
}
