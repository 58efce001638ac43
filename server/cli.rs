//! The command line: `livinglab [serve]`, `livinglab migrate`, `livinglab user create`,
//! `livinglab sweep`, `livinglab openapi`. Every option can also come from the environment
//! variable named in its help (the README has the full table).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use secrecy::{ExposeSecret, SecretString};

use crate::auth::dto::RegisterRequest;
use crate::db::local::{LocalAccess, LocalDatabase};
use crate::settings::Settings;
use crate::shared::vocab::Role;
use crate::startup::Application;
use crate::telemetry::{self, LogFormat};

// No Debug on these: they hold the database URL, the JWT secret and passwords.
#[derive(Parser)]
#[command(
    name = "livinglab",
    version,
    about = "Collaboration server for city living labs"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print the OpenAPI document and exit.
    Openapi,
    /// Remove document blobs no version names (deleted documents' content after
    /// LIVINGLAB_SWEEP_GRACE_SECONDS, crash leftovers) once, and exit.
    Sweep,
    /// Exit 0 if the server on LIVINGLAB_BIND answers /readyz with 200 (container
    /// healthchecks: no curl needed in the image).
    Healthcheck,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account, e.g. the first admin.
    Create {
        #[arg(long)]
        email: String,
        /// Also read from LIVINGLAB_USER_PASSWORD, to keep it out of the process list.
        #[arg(long, env = "LIVINGLAB_USER_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "member", value_parser = parse_role)]
        role: Role,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

#[derive(Args)]
pub struct ConfigArgs {
    /// Use this PostgreSQL instead of the private one in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Folder for the private PostgreSQL cluster and other data.
    #[arg(
        long,
        env = "LIVINGLAB_DATA_DIR",
        default_value = "data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// Address to listen on.
    #[arg(
        long,
        env = "LIVINGLAB_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: SocketAddr,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "LIVINGLAB_WORKERS", global = true)]
    pub workers: Option<usize>,
    /// Largest accepted JSON request body in bytes.
    #[arg(long, env = "LIVINGLAB_JSON_LIMIT_BYTES", default_value_t = 1024 * 1024, global = true)]
    pub json_limit_bytes: usize,
    /// Trust Forwarded / X-Forwarded-For for the client address (only behind your proxy).
    #[arg(long, env = "LIVINGLAB_TRUST_PROXY_HEADERS", default_value_t = false,
          action = clap::ArgAction::Set, value_parser = clap::builder::BoolishValueParser::new(),
          global = true)]
    pub trust_proxy_headers: bool,
    /// Database connections per instance.
    #[arg(
        long,
        env = "LIVINGLAB_DB_POOL_SIZE",
        default_value_t = 16,
        global = true
    )]
    pub db_pool_size: usize,
    /// HS256 key for access tokens (>= 32 bytes). Default: generated once, kept in the database.
    #[arg(
        long,
        env = "LIVINGLAB_JWT_SECRET",
        hide_env_values = true,
        global = true
    )]
    pub jwt_secret: Option<String>,
    /// Access token lifetime in seconds (30 to 900).
    #[arg(long, env = "LIVINGLAB_ACCESS_TOKEN_TTL_SECONDS", default_value_t = 900,
          value_parser = clap::value_parser!(u64).range(30..=900), global = true)]
    pub access_token_ttl_seconds: u64,
    /// Refresh token lifetime in days.
    #[arg(long, env = "LIVINGLAB_REFRESH_TOKEN_TTL_DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=365), global = true)]
    pub refresh_token_ttl_days: u64,
    /// Longest life of a session, in days from its login (refreshing does not extend it).
    #[arg(long, env = "LIVINGLAB_SESSION_LIFETIME_DAYS", default_value_t = 90,
          value_parser = clap::value_parser!(u64).range(1..=3650), global = true)]
    pub session_lifetime_days: u64,
    /// Register + login attempts per client IP per minute (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_AUTH_RATE_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub auth_rate_per_minute: u32,
    /// Bearer token required on /metrics (default: open, keep it behind your firewall).
    #[arg(
        long,
        env = "LIVINGLAB_METRICS_TOKEN",
        hide_env_values = true,
        global = true
    )]
    pub metrics_token: Option<String>,
    /// Our public URL and other origins whose pages may open room websockets,
    /// comma-separated (e.g. `https://lab.example.org`). The server's own origin and
    /// localhost are always allowed.
    #[arg(
        long,
        env = "LIVINGLAB_ALLOWED_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    pub allowed_origins: Vec<String>,
    /// Room socket frames per second per user (0 = no limit, for load runs).
    #[arg(
        long,
        env = "LIVINGLAB_WS_RATE_PER_SECOND",
        default_value_t = 5,
        global = true
    )]
    pub ws_rate_per_second: u32,
    /// Room socket burst allowance per user.
    #[arg(long, env = "LIVINGLAB_WS_BURST", default_value_t = 20, global = true)]
    pub ws_burst: u32,
    /// Failed logins per account (per email, known or not) per window (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_LOGIN_FAILURES_PER_ACCOUNT",
        default_value_t = 10,
        global = true
    )]
    pub login_failures_per_account: u32,
    /// The window of that limit, in seconds.
    #[arg(long, env = "LIVINGLAB_LOGIN_FAILURE_WINDOW_SECONDS", default_value_t = 900,
          value_parser = clap::value_parser!(u64).range(1..=86_400), global = true)]
    pub login_failure_window_seconds: u64,
    /// `/auth/refresh` calls per client IP per minute (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_REFRESH_RATE_PER_MINUTE",
        default_value_t = 30,
        global = true
    )]
    pub refresh_rate_per_minute: u32,
    /// `/practices/export` calls per client IP per minute (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_PRACTICE_EXPORT_RATE_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub practice_export_rate_per_minute: u32,
    /// `/rooms/{id}/export` calls per user per minute (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_ROOM_EXPORT_RATE_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub room_export_rate_per_minute: u32,
    /// Room sockets per client IP still waiting for their `hello` (0 = no limit).
    #[arg(
        long,
        env = "LIVINGLAB_WS_PREHELLO_PER_IP",
        default_value_t = 32,
        global = true
    )]
    pub ws_prehello_per_ip: u32,
    /// Our public address (`https://lab.example.org`), used in links that leave the API,
    /// such as calendar feeds. Unset: the scheme and host of each request.
    #[arg(long, env = "LIVINGLAB_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Seconds between checks that move events to live at their start and to ended at
    /// their end.
    #[arg(
        long,
        env = "LIVINGLAB_EVENT_CLOCK_SECONDS",
        default_value_t = 5,
        global = true
    )]
    pub event_clock_seconds: u64,
    /// Seconds a rendered public practice or search page may be served from memory (writes
    /// clear it at once); 0 turns the cache off.
    #[arg(
        long,
        env = "LIVINGLAB_PRACTICE_CACHE_SECONDS",
        default_value_t = 600,
        global = true
    )]
    pub practice_cache_seconds: u64,
    /// Largest document upload in bytes (larger: 413).
    #[arg(
        long,
        env = "LIVINGLAB_MAX_UPLOAD_BYTES",
        default_value_t = 25 * 1024 * 1024,
        global = true
    )]
    pub max_upload_bytes: u64,
    /// Storage quota per account in bytes: the versions it uploaded (0 = no quota).
    #[arg(long, env = "LIVINGLAB_USER_QUOTA_BYTES", default_value_t = 1 << 30, global = true)]
    pub user_quota_bytes: u64,
    /// Storage quota per organization in bytes: versions attached to it, its practices,
    /// events and rooms (0 = no quota).
    #[arg(long, env = "LIVINGLAB_ORGANIZATION_QUOTA_BYTES", default_value_t = 10 << 30,
          global = true)]
    pub organization_quota_bytes: u64,
    /// Seconds between sweeps of unreferenced document blobs (0 = only `livinglab sweep`).
    #[arg(
        long,
        env = "LIVINGLAB_SWEEP_INTERVAL_SECONDS",
        default_value_t = 3600,
        global = true
    )]
    pub sweep_interval_seconds: u64,
    /// Seconds a deleted document's content (counted in quotas meanwhile), or a file no
    /// row names, is kept before the sweep removes it; temporary upload files at least an
    /// hour.
    #[arg(
        long,
        env = "LIVINGLAB_SWEEP_GRACE_SECONDS",
        default_value_t = 24 * 3600,
        global = true
    )]
    pub sweep_grace_seconds: u64,
    /// Log filter, RUST_LOG syntax.
    #[arg(long, env = "LIVINGLAB_LOG", default_value = "info", global = true)]
    pub log: String,
    #[arg(
        long,
        env = "LIVINGLAB_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
}

impl ConfigArgs {
    pub fn settings(&self) -> Settings {
        let mut s = Settings {
            data_dir: self.data_dir.clone(),
            ..Settings::default()
        };
        s.http.bind = self.bind;
        s.http.workers = self.workers;
        s.http.json_limit_bytes = self.json_limit_bytes;
        s.http.trust_proxy_headers = self.trust_proxy_headers;
        s.database.url = self
            .database_url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .map(|u| SecretString::from(u.to_owned()));
        s.http.metrics_token = self
            .metrics_token
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(|t| SecretString::from(t.to_owned()));
        s.database.pool_size = self.db_pool_size.max(1);
        s.auth.jwt_secret = self
            .jwt_secret
            .as_deref()
            .filter(|k| !k.is_empty())
            .map(|k| SecretString::from(k.to_owned()));
        s.auth.access_token_ttl = Duration::from_secs(self.access_token_ttl_seconds);
        s.auth.refresh_token_ttl = Duration::from_secs(self.refresh_token_ttl_days * 24 * 3600);
        s.auth.session_lifetime = Duration::from_secs(self.session_lifetime_days * 24 * 3600);
        s.auth.rate_per_minute = self.auth_rate_per_minute;
        s.rooms.allowed_origins = self
            .allowed_origins
            .iter()
            .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        s.rooms.rate_per_second = self.ws_rate_per_second;
        s.rooms.burst = self.ws_burst;
        s.limits = crate::settings::LimitSettings {
            login_failures_per_account: self.login_failures_per_account,
            login_failure_window: Duration::from_secs(self.login_failure_window_seconds),
            refresh_per_minute: self.refresh_rate_per_minute,
            practice_export_per_minute: self.practice_export_rate_per_minute,
            room_export_per_minute: self.room_export_rate_per_minute,
            ws_prehello_per_ip: self.ws_prehello_per_ip,
        };
        s.http.public_url = self
            .public_url
            .as_deref()
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .filter(|u| !u.is_empty());
        s.events.clock_interval = Duration::from_secs(self.event_clock_seconds.max(1));
        s.practices.cache_ttl = Duration::from_secs(self.practice_cache_seconds);
        s.documents.max_upload_bytes = self.max_upload_bytes;
        s.documents.user_quota_bytes = self.user_quota_bytes;
        s.documents.organization_quota_bytes = self.organization_quota_bytes;
        s.documents.sweep_interval = Duration::from_secs(self.sweep_interval_seconds);
        s.documents.sweep_grace = Duration::from_secs(self.sweep_grace_seconds);
        s
    }
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    actix_web::rt::System::new().block_on(f)
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    telemetry::init(&cli.config.log, cli.config.log_format);
    let settings = cli.config.settings();
    let command = cli.command.unwrap_or(Command::Serve);
    match command {
        Command::Openapi => {
            let doc = crate::startup::openapi();
            println!("{}", serde_json::to_string_pretty(&doc)?);
            return Ok(());
        }
        Command::Healthcheck => return healthcheck(settings.http.bind),
        _ => {}
    }
    if let Some(url) = settings.database.url.clone() {
        return block_on(execute(command, settings, url.expose_secret().to_owned()));
    }
    // No DATABASE_URL: the private cluster. It is started here, on the main thread, which
    // lives until the end: the cluster is told to stop if the thread that started it dies.
    match command {
        Command::Serve => {
            let local = LocalDatabase::start(&settings.data_dir)?;
            let url = local.url();
            let result = block_on(execute(Command::Serve, settings, url));
            local.stop();
            result
        }
        other => {
            let local = LocalAccess::open(&settings.data_dir)?;
            let url = local.url();
            let result = block_on(execute(other, settings, url));
            local.stop();
            result
        }
    }
}

async fn execute(command: Command, settings: Settings, url: String) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let app = Application::build(settings, &url).await?;
            app.run_until_stopped().await?;
            tracing::info!("HTTP server stopped");
            Ok(())
        }
        Command::Migrate => {
            let applied = crate::db::run_migrations(&url).await?;
            if applied.is_empty() {
                println!("database is up to date");
            }
            for m in applied {
                println!("applied {m}");
            }
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    password,
                    name,
                    role,
                },
        } => {
            crate::db::run_migrations(&url).await?;
            let pool = crate::db::build_pool(&url, &settings.database)?;
            let user = crate::auth::service::create_account(
                &pool,
                RegisterRequest {
                    email,
                    password,
                    display_name: name,
                },
                role,
            )
            .await
            .map_err(|e| match e {
                crate::error::AppError::Validation(fields) => {
                    anyhow::anyhow!(
                        "invalid input: {}",
                        serde_json::to_string(&fields).unwrap_or_default()
                    )
                }
                other => anyhow::anyhow!("{other}"),
            })?;
            println!("created {} user {} ({})", user.role, user.email, user.id);
            Ok(())
        }
        Command::Sweep => {
            let pool = crate::db::build_pool(&url, &settings.database)?;
            let storage = crate::storage::LocalStorage::at(&settings.data_dir.join("documents"));
            let swept =
                crate::documents::sweep::run(&pool, &storage, settings.documents.sweep_grace)
                    .await?;
            println!(
                "removed {} blobs ({} bytes) and {} temporary files",
                swept.blobs, swept.bytes, swept.temporary
            );
            Ok(())
        }
        Command::Openapi | Command::Healthcheck => {
            unreachable!("handled before any database work")
        }
    }
}

/// A minimal HTTP/1.0 GET of /readyz, enough for a container healthcheck.
fn healthcheck(bind: SocketAddr) -> anyhow::Result<()> {
    use std::io::{Read, Write};
    let mut addr = bind;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let timeout = Duration::from_secs(5);
    let mut stream = std::net::TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.write_all(b"GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head)?;
    anyhow::ensure!(
        head.starts_with(b"HTTP/1.") && &head[9..12] == b"200",
        "not ready: {}",
        String::from_utf8_lossy(&head)
    );
    Ok(())
}
