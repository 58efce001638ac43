//! Garbage collection of document contents. A blob is kept while a version row names it,
//! unless that version's document was deleted more than the grace period ago; files no
//! row names (a crash between storing and inserting the row) and temporary files go after
//! the same grace. Every instance sweeps on its own interval, and `livinglab sweep` runs
//! one pass; concurrent sweeps are harmless (a file already gone is skipped).
//!
//! The grace period also covers the moment between storing an upload and committing its
//! row: storing touches the blob, so a blob about to be named is never old enough to go.

use std::time::Duration;

use super::repo;
use crate::db::DbPool;
use crate::state::AppState;
use crate::storage::Storage;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Swept {
    pub blobs: usize,
    pub bytes: u64,
    pub temporary: usize,
}

/// Asked about at most this many blobs per query.
const BATCH: usize = 1000;

pub async fn run(pool: &DbPool, storage: &dyn Storage, grace: Duration) -> anyhow::Result<Swept> {
    let mut swept = Swept {
        temporary: storage.sweep_temporary(grace).await?,
        ..Swept::default()
    };
    let candidates = storage.stored_before(grace).await?;
    if candidates.is_empty() {
        return Ok(swept);
    }
    let mut conn = pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    for chunk in candidates.chunks(BATCH) {
        let shas: Vec<String> = chunk.iter().map(|c| c.sha256.clone()).collect();
        let live = repo::live_blobs(&mut conn, &shas, grace).await?;
        for blob in chunk.iter().filter(|b| !live.contains(&b.sha256)) {
            if storage.remove(&blob.sha256, grace).await? {
                tracing::info!(sha256 = %blob.sha256, size = blob.size, "unreferenced blob removed");
                swept.blobs += 1;
                swept.bytes += blob.size;
            }
        }
    }
    Ok(swept)
}

/// Sweeps every `every` (not at all when zero).
pub fn spawn(state: AppState) {
    let every = state.settings.documents.sweep_interval;
    let grace = state.settings.documents.sweep_grace;
    if every.is_zero() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match run(&state.db, state.documents.as_ref(), grace).await {
                Ok(s) if s != Swept::default() => tracing::info!(
                    blobs = s.blobs,
                    bytes = s.bytes,
                    temporary = s.temporary,
                    "document storage swept"
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "document sweep failed"),
            }
        }
    });
}
