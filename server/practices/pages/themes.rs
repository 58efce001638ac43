//! Theme names for facets and forms, kept in memory: every catalogue page shows them. A
//! slug the list does not know yet makes it read them again; a renamed or translated
//! theme shows within a minute (at once on the instance whose admin pages changed it).

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::error::AppResult;
use crate::pagination::PageParams;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct ThemeName {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    /// Names in other languages (code, name); `name` is English, the fallback.
    pub translations: Vec<(String, String)>,
}

#[derive(Default)]
pub struct ThemeNames {
    loaded: RwLock<Option<(Instant, Arc<Vec<ThemeName>>)>>,
}

const FRESH: Duration = Duration::from_secs(60);

impl ThemeNames {
    /// Every theme, by name; `must_know` slugs missing from the kept list make it reload.
    pub async fn all(
        &self,
        state: &AppState,
        must_know: &[&str],
    ) -> AppResult<Arc<Vec<ThemeName>>> {
        if let Some((at, list)) = self
            .loaded
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            && at.elapsed() < FRESH
            && must_know.iter().all(|s| list.iter().any(|t| t.slug == *s))
        {
            return Ok(list.clone());
        }
        let mut out = Vec::new();
        let mut cursor = None;
        loop {
            let page = PageParams {
                limit: Some(100),
                cursor,
            }
            .parse()?;
            let page = crate::themes::service::list(state, page).await?;
            out.extend(page.items.into_iter().map(|t| {
                ThemeName {
                    id: t.id,
                    slug: t.slug,
                    name: t.name,
                    translations: t
                        .translations
                        .into_iter()
                        .map(|(lang, text)| (lang, text.name))
                        .collect(),
                }
            }));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        out.sort_by_key(|t| t.name.to_lowercase());
        let list = Arc::new(out);
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), list.clone()));
        Ok(list)
    }
}

impl ThemeNames {
    /// Reads them again on the next use (after a theme's text changed here).
    pub fn forget(&self) {
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// The list with each name in `lang` (English where a theme has no translation), by name.
pub fn localized(list: &[ThemeName], lang: &str) -> Vec<ThemeName> {
    let mut out: Vec<ThemeName> = list
        .iter()
        .map(|t| ThemeName {
            name: t
                .translations
                .iter()
                .find(|(l, _)| l == lang)
                .map_or_else(|| t.name.clone(), |(_, n)| n.clone()),
            ..t.clone()
        })
        .collect();
    out.sort_by_key(|t| t.name.to_lowercase());
    out
}

/// The name of `slug` (the slug itself for a theme the list does not have).
pub fn name_of<'a>(list: &'a [ThemeName], slug: &'a str) -> &'a str {
    list.iter()
        .find(|t| t.slug == slug)
        .map_or(slug, |t| t.name.as_str())
}
