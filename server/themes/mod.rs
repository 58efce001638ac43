//! Thematic tracks (seeded with the Intelligent Cities Challenge and CLIMABOROUGH themes).

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::db::schema::themes;
use crate::domain::{Slug, ThemeName, text};
use crate::error::{AppError, AppResult, ErrorBody, FieldErrors};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams, PageRequest};
use crate::state::AppState;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_themes)
        .service(get_theme)
        .service(create_theme);
}

// --- repo -------------------------------------------------------------------------------

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = themes)]
pub struct Theme {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
}

pub mod repo {
    use super::*;

    pub async fn list(
        conn: &mut AsyncPgConnection,
        after: Option<&str>,
        fetch: i64,
    ) -> QueryResult<Vec<Theme>> {
        let mut q = themes::table.select(Theme::as_select()).into_boxed();
        if let Some(after) = after {
            q = q.filter(themes::slug.gt(after.to_owned()));
        }
        q.order(themes::slug.asc()).limit(fetch).load(conn).await
    }

    pub async fn find_by_slug(
        conn: &mut AsyncPgConnection,
        slug: &str,
    ) -> QueryResult<Option<Theme>> {
        themes::table
            .filter(themes::slug.eq(slug))
            .select(Theme::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn insert(
        conn: &mut AsyncPgConnection,
        slug: &str,
        name: &str,
        description: &str,
    ) -> QueryResult<Theme> {
        diesel::insert_into(themes::table)
            .values((
                themes::id.eq(Uuid::now_v7()),
                themes::slug.eq(slug),
                themes::name.eq(name),
                themes::description.eq(description),
            ))
            .returning(Theme::as_returning())
            .get_result(conn)
            .await
    }
}

// --- dto --------------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeView {
    pub id: Uuid,
    #[schema(example = "green-mobility")]
    pub slug: String,
    pub name: String,
    pub description: String,
}

impl From<Theme> for ThemeView {
    fn from(t: Theme) -> Self {
        Self {
            id: t.id,
            slug: t.slug,
            name: t.name,
            description: t.description,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateThemeRequest {
    #[schema(example = "urban-greening")]
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

// --- service ----------------------------------------------------------------------------

async fn list(state: &AppState, page: PageRequest) -> AppResult<Page<ThemeView>> {
    let mut conn = state.conn().await?;
    let rows = repo::list(&mut conn, page.after.as_deref(), page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |t| t.slug.clone(),
        ThemeView::from,
    ))
}

async fn create(
    state: &AppState,
    caller: &AuthUser,
    req: CreateThemeRequest,
) -> AppResult<ThemeView> {
    caller.require_admin()?;
    let mut e = FieldErrors::new();
    let slug = e.check("slug", Slug::parse(&req.slug));
    let name = e.check("name", ThemeName::parse(&req.name));
    let description = e.check("description", text(&req.description, 2000));
    e.finish()?;
    let (slug, name, description) = (
        slug.expect("checked"),
        name.expect("checked"),
        description.expect("checked"),
    );
    let mut conn = state.conn().await?;
    let theme = repo::insert(&mut conn, slug.as_str(), name.as_str(), &description)
        .await
        .map_err(|e| {
            AppError::unique_violation(
                e,
                "themes_slug_key",
                "slug_taken",
                "a theme with this slug already exists",
                "slug",
            )
        })?;
    Ok(theme.into())
}

// --- handlers ---------------------------------------------------------------------------

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
    Ok(web::Json(list(&state, page).await?))
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
    let slug = Slug::parse(&slug).map_err(|_| AppError::not_found("theme"))?;
    let mut conn = state.conn().await?;
    let theme = repo::find_by_slug(&mut conn, slug.as_str())
        .await?
        .ok_or_else(|| AppError::not_found("theme"))?;
    Ok(web::Json(theme.into()))
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
    Ok(HttpResponse::Created().json(create(&state, &user, body.0).await?))
}
