//! Connection pool, embedded migrations (run under an advisory lock) and the local cluster.

pub mod embedded;
pub mod local;
pub mod schema;
pub mod text_enum;

use std::time::Duration;

use anyhow::Context;
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::settings::DatabaseSettings;

pub type DbPool = diesel_async::pooled_connection::deadpool::Pool<AsyncPgConnection>;
pub type PoolError = diesel_async::pooled_connection::deadpool::PoolError;
pub type DbConn = diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Any fixed number works; every instance must use the same one ("livingla" in ASCII).
const MIGRATION_LOCK_KEY: i64 = 0x6c69_7669_6e67_6c61;

pub fn build_pool(url: &str, settings: &DatabaseSettings) -> anyhow::Result<DbPool> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
    let t = Some(settings.acquire_timeout);
    DbPool::builder(manager)
        .max_size(settings.pool_size)
        .wait_timeout(t)
        .create_timeout(t)
        .recycle_timeout(t)
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .context("building the database pool")
}

/// A blocking diesel connection for the migration harness (which is synchronous).
fn blocking_connection(url: &str) -> anyhow::Result<AsyncConnectionWrapper<AsyncPgConnection>> {
    <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(url)
        .context("connecting to the database for migrations")
}

fn with_migration_lock<T>(
    url: &str,
    f: impl FnOnce(&mut AsyncConnectionWrapper<AsyncPgConnection>) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use diesel::RunQueryDsl;
    use diesel::sql_types::BigInt;
    let mut conn = blocking_connection(url)?;
    // Several instances may start at once: the first migrates, the others wait here and
    // then find nothing pending.
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK_KEY)
        .execute(&mut conn)
        .context("taking the migration lock")?;
    let result = f(&mut conn);
    let _ = diesel::sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK_KEY)
        .execute(&mut conn);
    result
}

type MigrationStep =
    fn(&mut AsyncConnectionWrapper<AsyncPgConnection>) -> anyhow::Result<Vec<String>>;

fn versions(
    result: diesel::migration::Result<Vec<diesel::migration::MigrationVersion<'_>>>,
) -> anyhow::Result<Vec<String>> {
    let versions = result.map_err(|e| anyhow::anyhow!(e))?;
    Ok(versions.iter().map(ToString::to_string).collect())
}

/// Runs a harness step under the lock, on the blocking pool: the harness blocks on the
/// async connection, which panics on a runtime thread.
async fn migration_step(
    url: &str,
    what: &'static str,
    step: MigrationStep,
) -> anyhow::Result<Vec<String>> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || with_migration_lock(&url, |conn| step(conn).context(what)))
        .await
        .context("migration task")?
}

/// Applies pending migrations; returns the versions applied.
pub async fn run_migrations(url: &str) -> anyhow::Result<Vec<String>> {
    migration_step(url, "running migrations", |c| {
        versions(c.run_pending_migrations(MIGRATIONS))
    })
    .await
}

/// Reverts every applied migration (for the up -> down -> up check and for operators).
pub async fn revert_all_migrations(url: &str) -> anyhow::Result<Vec<String>> {
    migration_step(url, "reverting migrations", |c| {
        versions(c.revert_all_migrations(MIGRATIONS))
    })
    .await
}

/// Waits until the database answers (it may still be starting or recovering).
pub async fn wait_until_reachable(pool: &DbPool, timeout: Duration) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        match ping(pool).await {
            Ok(()) => return Ok(()),
            Err(e) if tokio::time::Instant::now() >= deadline => {
                return Err(e).context("the database did not answer");
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

pub async fn ping(pool: &DbPool) -> anyhow::Result<()> {
    use diesel_async::RunQueryDsl;
    let mut conn = pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    diesel::sql_query("SELECT 1").execute(&mut conn).await?;
    Ok(())
}

/// `%text%` for ILIKE with the pattern characters in `text` escaped.
pub fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
