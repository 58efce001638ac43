//! Garbage collection of document contents. A blob is kept while a version row names it,
//! unless that version's document was deleted more than the grace period ago; files no
//! row names (a crash between storing and inserting the row) go after the same grace, and
//! temporary files once untouched for the grace and at least `storage::TEMPORARY_FLOOR`.
//! Every instance sweeps on its own interval, and `livinglab sweep` runs one pass;
//! concurrent sweeps are harmless (a file or folder already gone is skipped).
//!
//! An upload of content that is stored already only refreshes the blob, and its row is
//! committed a moment later. The sweep's "no row names it" and its removal must not fall
//! in that moment, whatever the grace (with a grace of zero, the refresh protects
//! nothing): both sides take the blob's advisory lock (`repo::lock_blob`), the upload from
//! before storing until its row is committed, the sweep from before its last look at the
//! rows until the file is gone. Whichever comes second sees the other's work: the sweep
//! finds the row, or the upload finds no file and stores its own copy.

use std::time::Duration;

use diesel_async::AsyncConnection;

use super::repo;
use crate::db::DbPool;
use crate::state::AppState;
use crate::storage::{Storage, Stored};

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Swept {
    pub blobs: usize,
    pub bytes: u64,
    pub temporary: usize,
}

/// Asked about at most this many blobs per query.
const BATCH: usize = 1000;

pub async fn run(pool: &DbPool, storage: &dyn Storage, grace: Duration) -> anyhow::Result<Swept> {
    let mut swept = Swept::default();
    // Leftovers of uploads are a nuisance, not a reason to keep every blob forever.
    match storage.sweep_temporary(grace).await {
        Ok(n) => swept.temporary = n,
        Err(e) => tracing::warn!(error = %e, "sweeping temporary upload files failed"),
    }
    let mut conn = None;
    // Shard by shard (the first byte of the SHA-256), so the names in memory are a
    // 256th of the store.
    for shard in 0..=u8::MAX {
        let candidates = storage.stored_before(grace, shard).await?;
        if candidates.is_empty() {
            continue;
        }
        let conn = match &mut conn {
            Some(c) => c,
            None => conn.insert(pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?),
        };
        for chunk in candidates.chunks(BATCH) {
            let shas: Vec<String> = chunk.iter().map(|c| c.sha256.clone()).collect();
            let live = repo::live_blobs(conn, &shas, grace).await?;
            for blob in chunk.iter().filter(|b| !live.contains(&b.sha256)) {
                if remove(conn, storage, blob, grace).await? {
                    tracing::info!(sha256 = %blob.sha256, size = blob.size, "unreferenced blob removed");
                    swept.blobs += 1;
                    swept.bytes += blob.size;
                }
            }
        }
    }
    Ok(swept)
}

/// Removes `blob` if, under its lock, still no row needs it.
async fn remove(
    conn: &mut diesel_async::AsyncPgConnection,
    storage: &dyn Storage,
    blob: &Stored,
    grace: Duration,
) -> anyhow::Result<bool> {
    conn.transaction::<_, anyhow::Error, _>(async move |conn| {
        repo::lock_blob(conn, &blob.sha256).await?;
        let shas = std::slice::from_ref(&blob.sha256);
        if !repo::live_blobs(conn, shas, grace).await?.is_empty() {
            return Ok(false);
        }
        Ok(storage.remove(&blob.sha256, grace).await?)
    })
    .await
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
