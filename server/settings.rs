//! Typed settings. Every field has a default so the server runs with no configuration; the
//! command line (see `cli.rs`) fills them from flags and `LIVINGLAB_*` variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::SecretString;

#[derive(Debug, Clone)]
pub struct Settings {
    pub http: HttpSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub rooms: RoomSettings,
    pub events: EventSettings,
    pub practices: PracticeSettings,
    pub documents: DocumentSettings,
    pub limits: LimitSettings,
    /// Folder for the embedded PostgreSQL cluster and uploaded files (`documents/`).
    pub data_dir: PathBuf,
}

#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub bind: SocketAddr,
    /// Worker threads; `None` = one per core.
    pub workers: Option<usize>,
    /// Largest accepted JSON body.
    pub json_limit_bytes: usize,
    /// Take the client address from `Forwarded`/`X-Forwarded-For` (only behind a proxy you run).
    pub trust_proxy_headers: bool,
    /// Let actix install SIGINT/SIGTERM handlers (off in tests, which run many servers).
    pub handle_signals: bool,
    pub shutdown_timeout: Duration,
    /// When set, `/metrics` wants `Authorization: Bearer <token>`.
    pub metrics_token: Option<SecretString>,
    /// The address users reach us at, for links that leave the API (calendar feeds).
    /// `None` = the scheme and host of each request.
    pub public_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DatabaseSettings {
    /// `None` = start the embedded PostgreSQL in `data_dir`.
    pub url: Option<SecretString>,
    pub pool_size: usize,
    pub acquire_timeout: Duration,
}

#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// `None` = a key generated once and kept in the database (shared by all instances).
    pub jwt_secret: Option<SecretString>,
    pub issuer: String,
    pub audience: String,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// A session ends this long after its login, however often it is refreshed.
    pub session_lifetime: Duration,
    /// Register + login attempts per client IP per minute; 0 disables the limit.
    pub rate_per_minute: u32,
}

#[derive(Debug, Clone)]
pub struct RoomSettings {
    /// Origins (besides the server's own and localhost) whose pages may open room sockets,
    /// lowercase `scheme://host[:port]`.
    pub allowed_origins: Vec<String>,
    /// Frames per second per user on room sockets; 0 turns the limit off (load runs).
    pub rate_per_second: u32,
    pub burst: u32,
}

#[derive(Debug, Clone)]
pub struct EventSettings {
    /// How often the clock moves events to live and ended.
    pub clock_interval: Duration,
}

#[derive(Debug, Clone)]
pub struct PracticeSettings {
    /// How long a rendered public record or search page may be served from memory (writes
    /// clear it at once; this bounds what they do not reach). Zero turns the cache off.
    pub cache_ttl: Duration,
}

#[derive(Debug, Clone)]
pub struct DocumentSettings {
    /// Uploads larger than this are refused with 413 as soon as they cross it.
    pub max_upload_bytes: u64,
    /// Bytes of stored versions (of documents not deleted) one account may have uploaded;
    /// 0 = no quota.
    pub user_quota_bytes: u64,
    /// Bytes of stored versions attached to an organization, its practices, events and
    /// rooms; 0 = no quota.
    pub organization_quota_bytes: u64,
    /// How often each instance sweeps unreferenced blobs; zero = never (use the CLI).
    pub sweep_interval: Duration,
    /// How long a deleted document's content, and a file no row names, is kept before
    /// the sweep removes it.
    pub sweep_grace: Duration,
}

/// Abuse limits besides `auth.rate_per_minute`; 0 turns each off. In memory per instance.
#[derive(Debug, Clone)]
pub struct LimitSettings {
    /// Failed logins per account (per email as typed, known or not) in `login_failure_window`.
    pub login_failures_per_account: u32,
    pub login_failure_window: Duration,
    /// `/auth/refresh` calls per client IP per minute.
    pub refresh_per_minute: u32,
    /// `/practices/export` calls per client IP per minute (it is public and heavy).
    pub practice_export_per_minute: u32,
    /// `/rooms/{id}/export` calls per user per minute.
    pub room_export_per_minute: u32,
    /// Room sockets per client IP that are open but have not sent their `hello` yet.
    pub ws_prehello_per_ip: u32,
}

/// Access tokens are bearer credentials that cannot be revoked: keep them short.
pub const MAX_ACCESS_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);

impl Default for Settings {
    fn default() -> Self {
        Self {
            http: HttpSettings {
                bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
                workers: None,
                json_limit_bytes: 1024 * 1024,
                trust_proxy_headers: false,
                handle_signals: true,
                shutdown_timeout: Duration::from_secs(10),
                metrics_token: None,
                public_url: None,
            },
            database: DatabaseSettings {
                url: None,
                pool_size: 16,
                acquire_timeout: Duration::from_secs(5),
            },
            auth: AuthSettings {
                jwt_secret: None,
                issuer: "livinglab".into(),
                audience: "livinglab-api".into(),
                access_token_ttl: MAX_ACCESS_TOKEN_TTL,
                refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
                session_lifetime: Duration::from_secs(90 * 24 * 3600),
                rate_per_minute: 10,
            },
            rooms: RoomSettings {
                allowed_origins: Vec::new(),
                rate_per_second: 5,
                burst: 20,
            },
            events: EventSettings {
                clock_interval: Duration::from_secs(5),
            },
            practices: PracticeSettings {
                cache_ttl: Duration::from_secs(600),
            },
            documents: DocumentSettings {
                max_upload_bytes: 25 * 1024 * 1024,
                user_quota_bytes: 1 << 30,
                organization_quota_bytes: 10 << 30,
                sweep_interval: Duration::from_secs(3600),
                sweep_grace: Duration::from_secs(24 * 3600),
            },
            limits: LimitSettings {
                login_failures_per_account: 10,
                login_failure_window: Duration::from_secs(15 * 60),
                refresh_per_minute: 30,
                practice_export_per_minute: 10,
                room_export_per_minute: 10,
                ws_prehello_per_ip: 32,
            },
            data_dir: PathBuf::from("data"),
        }
    }
}
