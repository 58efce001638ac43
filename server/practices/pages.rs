//! The practices pages: the catalogue (search, facets, paging), a practice's page (with
//! comments, endorsements and adoptions), the create and edit forms with a Markdown preview,
//! and the revisions with a side-by-side diff. Every rule stays in `service`: these
//! handlers turn forms into the same calls the JSON handlers make, and results into HTML.

mod catalogue;
mod diff;
mod edit;
mod record;
pub mod themes;

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::{HttpRequest, web};
use uuid::Uuid;

use crate::error::AppError;

pub use themes::ThemeNames;

struct Entry<V> {
    generation: u64,
    at: Instant,
    value: Arc<V>,
}

/// Rendered HTML kept per worker while the catalogue's generation (`PracticeCache`, moved
/// on by every write to practices and organizations) is the one it was rendered in.
pub struct Rendered<K, V> {
    map: RwLock<HashMap<K, Entry<V>>>,
    max: usize,
}

/// A safety net, as the practice cache's own lifetime is.
const RENDERED_TTL: Duration = Duration::from_secs(600);

impl<K: Hash + Eq, V> Rendered<K, V> {
    fn new(max: usize) -> Self {
        Rendered {
            map: RwLock::new(HashMap::new()),
            max,
        }
    }

    fn get(&self, key: &K, generation: u64) -> Option<Arc<V>> {
        let map = self.map.read().unwrap_or_else(|e| e.into_inner());
        map.get(key)
            .filter(|e| e.generation == generation && e.at.elapsed() < RENDERED_TTL)
            .map(|e| e.value.clone())
    }

    fn put(&self, key: K, generation: u64, value: Arc<V>) {
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= self.max {
            // Entries of older generations are dead anyway; if all are live, start over.
            map.retain(|_, e| e.generation == generation);
            if map.len() >= self.max {
                map.clear();
            }
        }
        map.insert(
            key,
            Entry {
                generation,
                at: Instant::now(),
                value,
            },
        );
    }
}

/// Whether htmx asked for a fragment rather than the whole page.
fn wants_fragment(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request") && !req.headers().contains_key("hx-boosted")
}

/// A practice's address: `/practices/{id}-{slug}`.
pub fn path_of(id: Uuid, title: &str) -> String {
    let slug = crate::web::forms::slug(title);
    if slug.is_empty() {
        format!("/practices/{id}")
    } else {
        format!("/practices/{id}-{slug}")
    }
}

/// The id at the start of `{id}` or `{id}-{slug}`; anything else names no practice.
fn id_of(key: &str) -> Result<(Uuid, &str), AppError> {
    let not_found = || AppError::not_found("practice");
    let head = key.get(..36).ok_or_else(not_found)?;
    let id = Uuid::parse_str(head).map_err(|_| not_found())?;
    let rest = &key[36..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return Err(not_found());
    }
    Ok((id, rest.trim_start_matches('-')))
}

/// Markdown headings one level down, so that a write-up's `# Heading` does not outrank the
/// page's own title (the only `h1`).
fn shift_headings(html: &str) -> String {
    let mut out = html.to_owned();
    for n in (1..=5).rev() {
        out = out
            .replace(&format!("<h{n}>"), &format!("<h{}>", n + 1))
            .replace(&format!("<h{n} "), &format!("<h{} ", n + 1))
            .replace(&format!("</h{n}>"), &format!("</h{}>", n + 1));
    }
    out
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::Data::new(ThemeNames::default()))
        .app_data(web::Data::new(catalogue::Regions::new(2_000)))
        .app_data(web::Data::new(record::Articles::new(5_000)))
        .service(catalogue::catalogue)
        .service(edit::new_form)
        .service(edit::create)
        .service(edit::edit_form)
        .service(edit::update)
        .service(edit::publish)
        .service(edit::archive)
        .service(diff::revisions)
        .service(diff::compare)
        .service(record::comment)
        .service(record::endorse)
        .service(record::adopt)
        .service(record::show);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_id_and_the_slug() {
        let id = Uuid::now_v7();
        assert_eq!(id_of(&id.to_string()).unwrap(), (id, ""));
        assert_eq!(
            id_of(&format!("{id}-bike-lanes")).unwrap(),
            (id, "bike-lanes")
        );
        assert!(id_of(&format!("{id}x")).is_err());
        assert!(id_of("new").is_err());
        assert!(id_of("ééééééééééééééééééééééééééééééééééééé").is_err());
    }

    #[test]
    fn headings_move_down_one_level() {
        assert_eq!(
            shift_headings("<h1>A</h1><h2 id=\"x\">B</h2><h6>C</h6>"),
            "<h2>A</h2><h3 id=\"x\">B</h3><h6>C</h6>"
        );
    }
}
