//! The catalogue: search pages (cached) and exports.

use actix_web::web::Bytes;

use crate::error::{AppError, AppResult};
use crate::practices::cache::PracticeCache;
use crate::practices::dto::{SearchParams, SearchResponse};
use crate::practices::search;
use crate::state::AppState;

/// Rows an export may hold; narrow the filters beyond that.
pub const EXPORT_LIMIT: i64 = 10_000;

// ---- search and export ----

/// Search pages as JSON bytes, cached by their canonical filters (the catalogue is the
/// same for every caller: published, not hidden).
pub async fn search(
    state: &AppState,
    cache: &PracticeCache,
    params: &SearchParams,
) -> AppResult<Bytes> {
    let (filter, limit, cursor) = search::parse(params)?;
    let key = filter.cache_key(limit, cursor.as_ref());
    if let Some(hit) = cache.search(&key) {
        return Ok(hit);
    }
    let generation = cache.generation();
    let flight = cache.flight(&key, generation);
    let result = flight
        .cell
        .get_or_try_init(|| async {
            let mut conn = state.conn().await?;
            let result = search::run(&mut conn, &filter, limit, cursor.as_ref(), true).await?;
            let bytes = Bytes::from(serde_json::to_vec(&result).map_err(AppError::internal)?);
            cache.put_search(key.clone(), bytes.clone(), generation);
            Ok::<_, AppError>(bytes)
        })
        .await
        .cloned();
    cache.finish(flight);
    result
}

/// Every match of the filters (no paging), for `export`.
pub async fn export_rows(state: &AppState, params: &SearchParams) -> AppResult<SearchResponse> {
    let (filter, _, _) = search::parse(&SearchParams {
        limit: None,
        cursor: None,
        ..params.clone()
    })?;
    let mut conn = state.conn().await?;
    let result = search::run(&mut conn, &filter, EXPORT_LIMIT, None, false).await?;
    if result.total > EXPORT_LIMIT {
        return Err(AppError::Conflict {
            code: "export_too_large",
            message: format!(
                "{} practices match; an export holds at most {EXPORT_LIMIT}: narrow the filters",
                result.total
            ),
            details: Some(serde_json::json!({ "total": result.total, "limit": EXPORT_LIMIT })),
        });
    }
    Ok(result)
}

/// Published records for `/sitemap.xml`: id, title and last change, newest change first.
pub async fn sitemap_entries(
    state: &AppState,
    limit: i64,
) -> AppResult<Vec<crate::practices::repo::SitemapRow>> {
    let mut conn = state.conn().await?;
    Ok(crate::practices::repo::published_for_sitemap(&mut conn, limit).await?)
}
