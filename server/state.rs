use std::sync::Arc;

use crate::auth::jwt::JwtKeys;
use crate::auth::rate_limit::IpRateLimiter;
use crate::db::DbPool;
use crate::metrics::Metrics;
use crate::rooms::hub::Hub;
use crate::settings::Settings;

/// Everything a handler may need, cloned cheaply into each worker.
#[derive(Clone)]
pub struct AppState {
    pub db: DbPool,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    /// `None` when the limit is turned off (`LIVINGLAB_AUTH_RATE_PER_MINUTE=0`).
    pub auth_limiter: Option<Arc<IpRateLimiter>>,
    pub metrics: Arc<Metrics>,
    /// Verified against when a login names an unknown email, so both cases take as long.
    pub dummy_password_hash: Arc<str>,
    /// Live rooms: writers, room actors, the LISTEN connection.
    pub rooms: Hub,
    /// Rendered public practices and search pages.
    pub practice_cache: Arc<crate::practices::cache::PracticeCache>,
    /// Document contents.
    pub documents: Arc<dyn crate::documents::storage::Storage>,
}

impl AppState {
    pub async fn conn(&self) -> Result<crate::db::DbConn, crate::error::AppError> {
        Ok(self.db.get().await?)
    }
}
