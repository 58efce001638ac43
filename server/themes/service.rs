use crate::auth::AuthUser;
use crate::domain::{Slug, ThemeName, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest};
use crate::state::AppState;

use super::dto::{CreateThemeRequest, ThemeView};
use super::repo;

pub async fn list(state: &AppState, page: PageRequest) -> AppResult<Page<ThemeView>> {
    let mut conn = state.conn().await?;
    let rows = repo::list(&mut conn, page.after.as_deref(), page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |t| t.slug.clone(),
        ThemeView::from,
    ))
}

/// One theme by slug; a malformed slug names no theme (404).
pub async fn get(state: &AppState, slug: &str) -> AppResult<ThemeView> {
    let slug = Slug::parse(slug).map_err(|_| AppError::not_found("theme"))?;
    let mut conn = state.conn().await?;
    let theme = repo::find_by_slug(&mut conn, slug.as_str())
        .await?
        .ok_or_else(|| AppError::not_found("theme"))?;
    Ok(theme.into())
}

pub async fn create(
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
