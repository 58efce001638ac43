use std::sync::Arc;

use crate::db::DbPool;
use crate::jwt::JwtKeys;
use crate::metrics::Metrics;
use crate::pubsub::PubSub;
use crate::rate_limit::{IpRateLimiter, Limits};
use crate::settings::Settings;
use crate::storage::Storage;

/// What every domain may need, cloned cheaply into each worker. Only platform types live
/// here; a domain's own long-lived parts (the rooms hub, the practices cache) are app data
/// of their own, so that this module, and every domain that reads it, imports no domain.
#[derive(Clone)]
pub struct AppState {
    pub db: DbPool,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    /// `None` when the limit is turned off (`LIVINGLAB_AUTH_RATE_PER_MINUTE=0`).
    pub auth_limiter: Option<Arc<IpRateLimiter>>,
    /// Failed logins per account, refresh, exports, sockets before `hello`.
    pub limits: Arc<Limits>,
    pub metrics: Arc<Metrics>,
    /// Verified against when a login names an unknown email, so both cases take as long.
    pub dummy_password_hash: Arc<str>,
    /// Messages to every instance (cache invalidations, room announcements).
    pub pubsub: PubSub,
    /// Document contents.
    pub documents: Arc<dyn Storage>,
}

impl AppState {
    pub async fn conn(&self) -> Result<crate::db::DbConn, crate::error::AppError> {
        Ok(self.db.get().await?)
    }
}
