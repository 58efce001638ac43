use std::collections::HashMap;

use diesel_async::AsyncPgConnection;

use crate::auth::AuthUser;
use crate::domain::{Slug, ThemeName, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest};
use crate::pubsub::Topic;
use crate::state::AppState;

use super::dto::{CreateThemeRequest, ThemeTextRequest, ThemeView};
use super::repo::{self, Theme};

/// The languages a theme has a text in; English is the theme's own row.
pub const LANGS: [&str; 5] = ["en", "es", "it", "fr", "de"];
const MAX_DESCRIPTION: usize = 2000;

async fn views(conn: &mut AsyncPgConnection, themes: Vec<Theme>) -> AppResult<Vec<ThemeView>> {
    let ids: Vec<_> = themes.iter().map(|t| t.id).collect();
    let mut by_theme: HashMap<_, Vec<_>> = HashMap::new();
    for tr in repo::translations_of(conn, &ids).await? {
        by_theme.entry(tr.theme_id).or_default().push(tr);
    }
    Ok(themes
        .into_iter()
        .map(|t| {
            let trs = by_theme.remove(&t.id).unwrap_or_default();
            ThemeView::new(t, trs)
        })
        .collect())
}

pub async fn list(state: &AppState, page: PageRequest) -> AppResult<Page<ThemeView>> {
    let mut conn = state.conn().await?;
    let rows = repo::list(&mut conn, page.after.as_deref(), page.fetch()).await?;
    let views = views(&mut conn, rows).await?;
    Ok(Page::from_rows(views, &page, |t| t.slug.clone(), |t| t))
}

/// One theme by slug; a malformed slug names no theme (404).
pub async fn get(state: &AppState, slug: &str) -> AppResult<ThemeView> {
    let slug = Slug::parse(slug).map_err(|_| AppError::not_found("theme"))?;
    let mut conn = state.conn().await?;
    let theme = repo::find_by_slug(&mut conn, slug.as_str())
        .await?
        .ok_or_else(|| AppError::not_found("theme"))?;
    Ok(views(&mut conn, vec![theme])
        .await?
        .pop()
        .expect("one theme"))
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
    let description = e.check("description", text(&req.description, MAX_DESCRIPTION));
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
    Ok(ThemeView::new(theme, []))
}

/// Admin only. A theme's name and description in `lang`; for a language other than
/// English, an empty name and description remove the translation.
pub async fn set_text(
    state: &AppState,
    caller: &AuthUser,
    slug: &str,
    lang: &str,
    req: ThemeTextRequest,
) -> AppResult<ThemeView> {
    caller.require_admin()?;
    if !LANGS.contains(&lang) {
        return Err(AppError::not_found("language"));
    }
    let slug = Slug::parse(slug).map_err(|_| AppError::not_found("theme"))?;
    let remove = lang != "en" && req.name.trim().is_empty() && req.description.trim().is_empty();
    let checked = if remove {
        None
    } else {
        let mut e = FieldErrors::new();
        let name = e.check("name", ThemeName::parse(&req.name));
        let description = e.check("description", text(&req.description, MAX_DESCRIPTION));
        e.finish()?;
        Some((name.expect("checked"), description.expect("checked")))
    };
    let mut conn = state.conn().await?;
    let theme = repo::find_by_slug(&mut conn, slug.as_str())
        .await?
        .ok_or_else(|| AppError::not_found("theme"))?;
    match (&checked, lang) {
        (None, _) => repo::delete_translation(&mut conn, theme.id, lang).await?,
        (Some((name, description)), "en") => {
            repo::set_english(&mut conn, theme.id, name.as_str(), description).await?
        }
        (Some((name, description)), _) => {
            repo::set_translation(&mut conn, theme.id, lang, name.as_str(), description).await?
        }
    }
    tracing::info!(theme = %theme.slug, lang, by = %caller.id, "theme text changed");
    // Practice records and their pages show theme names: drop what was kept of them
    // (`practices::cache::ALL`; the constant lives above this layer).
    state.pubsub.publish(Topic::Practice, "all");
    let theme = repo::find_by_slug(&mut conn, slug.as_str())
        .await?
        .ok_or_else(|| AppError::not_found("theme"))?;
    Ok(views(&mut conn, vec![theme])
        .await?
        .pop()
        .expect("one theme"))
}
