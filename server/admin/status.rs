//! What the status page and the overview read about the platform itself: the database
//! (reachable, how fast, migrations, pool), this build, the instances alive, the counters.

use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::migration::MigrationSource;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel_async::RunQueryDsl;

use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The same bound `/readyz` gives the database.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

pub struct Database {
    pub reachable: bool,
    pub latency_ms: Option<f64>,
    pub migrations_applied: Option<i64>,
    pub migrations_known: usize,
    pub latest_migration: Option<String>,
    pub pool_max: usize,
    pub pool_open: usize,
    pub pool_in_use: usize,
    pub pool_waiting: usize,
}

pub struct Status {
    pub version: &'static str,
    /// Set at build time (`LIVINGLAB_GIT_COMMIT`), e.g. by the container build.
    pub commit: Option<&'static str>,
    pub database: Database,
    /// Instances alive now (`None` when the database does not answer).
    pub instances: Option<i64>,
    pub requests: u64,
    pub server_errors: u64,
    pub room_sockets: i64,
    pub room_events: u64,
}

impl Status {
    /// Healthy as `/readyz` says it: the database answers.
    pub fn healthy(&self) -> bool {
        self.database.reachable
    }
}

fn staff_only(caller: &AuthUser) -> AppResult<()> {
    if caller.is_moderator() {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "the platform status needs the moderator or admin role",
        ))
    }
}

#[derive(QueryableByName)]
struct Migrations {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<Text>)]
    latest: Option<String>,
}

pub async fn status(state: &AppState, caller: &AuthUser) -> AppResult<Status> {
    staff_only(caller)?;
    let started = Instant::now();
    let ping = tokio::time::timeout(PING_TIMEOUT, crate::db::ping(&state.db)).await;
    let reachable = matches!(ping, Ok(Ok(())));
    let latency_ms = reachable.then(|| started.elapsed().as_secs_f64() * 1000.0);
    let (migrations, instances) = if reachable {
        let mut conn = state.conn().await?;
        let m: Migrations = diesel::sql_query(
            "SELECT count(*) AS n, max(version) AS latest FROM __diesel_schema_migrations",
        )
        .get_result(&mut *conn)
        .await?;
        drop(conn);
        (
            Some(m),
            Some(crate::rooms::service::live_instances(state).await?),
        )
    } else {
        (None, None)
    };
    let pool = state.db.status();
    let known = MigrationSource::<diesel::pg::Pg>::migrations(&crate::db::MIGRATIONS)
        .map(|m| m.len())
        .unwrap_or_default();
    let (requests, server_errors) = state.metrics.requests_served();
    let (migrations_applied, latest_migration) = match migrations {
        Some(m) => (Some(m.n), m.latest),
        None => (None, None),
    };
    Ok(Status {
        version: env!("CARGO_PKG_VERSION"),
        commit: option_env!("LIVINGLAB_GIT_COMMIT"),
        database: Database {
            reachable,
            latency_ms,
            migrations_applied,
            migrations_known: known,
            latest_migration,
            pool_max: pool.max_size,
            pool_open: pool.size,
            pool_in_use: pool.size.saturating_sub(pool.available),
            pool_waiting: pool.waiting,
        },
        instances,
        requests,
        server_errors,
        room_sockets: state.metrics.room_sockets.get(),
        room_events: state.metrics.room_events.get(),
    })
}

/// The overview's counts.
#[derive(QueryableByName)]
pub struct Counts {
    #[diesel(sql_type = BigInt)]
    pub users: i64,
    #[diesel(sql_type = BigInt)]
    pub organizations: i64,
    #[diesel(sql_type = BigInt)]
    pub unverified: i64,
    #[diesel(sql_type = BigInt)]
    pub hidden_practices: i64,
}

pub async fn counts(state: &AppState, caller: &AuthUser) -> AppResult<Counts> {
    staff_only(caller)?;
    let mut conn = state.conn().await?;
    Ok(diesel::sql_query(
        "SELECT (SELECT count(*) FROM users) AS users, \
                (SELECT count(*) FROM organizations) AS organizations, \
                (SELECT count(*) FROM organizations WHERE verified_at IS NULL) AS unverified, \
                (SELECT count(*) FROM practices WHERE hidden_at IS NOT NULL) AS hidden_practices",
    )
    .get_result(&mut *conn)
    .await?)
}
