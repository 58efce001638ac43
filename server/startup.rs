//! Builds the application: migrations, pool, keys, routes, middleware, the HTTP server.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Server, ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use anyhow::Context;
use rand::RngCore;
use secrecy::ExposeSecret;
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_actix_web::AppExt;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{AppError, error_body};
use crate::health::OpenApiJson;
use crate::jwt::{JwtKeys, MIN_SECRET_BYTES};
use crate::metrics::Metrics;
use crate::practices::cache::PracticeCache;
use crate::pubsub::PubSub;
use crate::rate_limit::{IpRateLimiter, Limits};
use crate::rooms::hub::Hub;
use crate::settings::Settings;
use crate::state::AppState;
use crate::{auth, db, extract, health, orgs, rooms, themes, users};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "livinglab API",
        description = "Collaboration server for city living labs: organizations, themes, \
                       practices, workshop events and live rooms. Errors are always \
                       `{\"error\":{\"code\",\"message\",\"details\"}}`; lists are \
                       `{\"items\",\"next_cursor\"}` with `?limit=` and `?cursor=`."
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Accounts and sessions"),
        (name = "users", description = "Profiles and platform roles"),
        (name = "organizations", description = "Cities and other organizations, and their members"),
        (name = "themes", description = "Thematic tracks"),
        (name = "events", description = "Workshop events: lifecycle, registrations and waitlist, attendance, agenda, minutes, calendar feeds"),
        (name = "documents", description = "Documents attached to practices, events, rooms and organizations: streamed uploads, versions, downloads"),
        (name = "practices", description = "Good-practice write-ups: records and revisions, search with facets, comments, endorsements, adoptions"),
        (name = "rooms", description = "Live workshop rooms: REST side and the websocket (docs/rooms-protocol.md)"),
        (name = "operations", description = "Health, readiness, metrics, this document"),
        (name = "web", description = "The browser front end"),
    )
)]
struct ApiDoc;

struct BearerAuth;
impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Every route the server serves. The OpenAPI document is collected from these same calls,
/// so a route cannot be served without being documented.
fn routes(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(health::metrics)
        .service(health::openapi_json)
        .service(
            utoipa_actix_web::scope("/api/v1")
                .configure(auth::routes::config)
                .configure(users::routes::config)
                .configure(orgs::routes::config)
                .configure(themes::routes::config)
                .configure(rooms::routes::config)
                .configure(crate::events::routes::config)
                .configure(crate::practices::routes::config)
                .configure(crate::documents::routes::config)
                .configure(crate::account::routes::config),
        );
}

/// The web application's pages and files (HTML, not part of the OpenAPI document).
fn pages(cfg: &mut web::ServiceConfig) {
    cfg.service(crate::web::assets::file)
        .configure(crate::admin::pages::config)
        .configure(crate::site::pages::config)
        .configure(crate::events::pages::config)
        .configure(crate::rooms::pages::config)
        .configure(crate::account::pages::config)
        .configure(crate::users::pages::config)
        .configure(crate::documents::pages::config)
        .configure(crate::practices::pages::config)
        .configure(orgs::pages::config)
        .configure(auth::pages::config);
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    document_shared_errors(&mut doc);
    describe_responses(&mut doc);
    doc
}

/// The errors every operation of a kind can answer, listed on each operation in one place
/// rather than on every handler, so that a new route is documented the same way: a JSON body
/// (`extract::Json`: 400, 413, 415, 422; a form: the same), query parameters (`extract::Query`: 422), path
/// parameters (a malformed or unknown id: 404), a bearer token, even an optional one
/// (`AuthUser`/`MaybeAuthUser`: 401), the database (a pool timeout: 503). A handler's own
/// entry for the same status is kept.
fn document_shared_errors(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let error = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build(),
        )
    };
    for (path, item) in doc.paths.paths.iter_mut() {
        for op in operations(item) {
            let mut add = Vec::new();
            match op.request_body.as_ref() {
                Some(RefOr::T(b)) if b.content.keys().any(|m| m.ends_with("json")) => {
                    add.push(("400", "`invalid_json`: the body is not JSON"));
                    add.push(("413", "`payload_too_large`: the body exceeds the limit"));
                    add.push((
                        "415",
                        "`unsupported_media_type`: the body must be `application/json`",
                    ));
                    add.push(("422", "`validation_failed`: `details` names each bad field"));
                }
                // Forms (uploads): the same classes of error, read by their own extractor.
                Some(_) => {
                    add.push(("400", "`bad_request`: the form cannot be read"));
                    add.push(("413", "`payload_too_large`: the body exceeds the limit"));
                    add.push((
                        "415",
                        "`unsupported_media_type`: not the documented body type",
                    ));
                    add.push(("422", "`validation_failed`: `details` names each bad field"));
                }
                None => {}
            }
            let params = op.parameters.as_deref().unwrap_or_default();
            let located = |at: ParameterIn| {
                params
                    .iter()
                    .any(|p| matches!(p, RefOr::T(p) if p.parameter_in == at))
            };
            if located(ParameterIn::Query) {
                add.push((
                    "422",
                    "`validation_failed`: `details` names each bad parameter",
                ));
            }
            if located(ParameterIn::Path) {
                add.push(("404", "`not_found`: nothing has this id"));
            }
            let bearer = serde_json::to_value(&op.security)
                .ok()
                .and_then(|s| s.as_array().cloned())
                .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
            if bearer {
                add.push((
                    "401",
                    "`unauthorized`: the bearer token is missing, invalid or expired",
                ));
            }
            if path.starts_with("/api/v1/") && path != "/api/v1/openapi.json" {
                add.push(("503", "`service_unavailable`: the database is unavailable"));
            }
            for (status, description) in add {
                op.responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| error(description));
            }
        }
    }
}

/// The operations of one path (the methods this API uses).
fn operations(
    item: &mut utoipa::openapi::path::PathItem,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

/// OpenAPI requires a description on every response; where a handler's annotation gives
/// none, the status's reason phrase is accurate and keeps the annotations short.
fn describe_responses(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::RefOr;
    for item in doc.paths.paths.values_mut() {
        for op in operations(item) {
            for (status, response) in op.responses.responses.iter_mut() {
                if let RefOr::T(r) = response
                    && r.description.is_empty()
                {
                    r.description = status
                        .parse::<u16>()
                        .ok()
                        .and_then(|c| actix_web::http::StatusCode::from_u16(c).ok())
                        .and_then(|c| c.canonical_reason())
                        .unwrap_or("Response")
                        .to_owned();
                }
            }
        }
    }
}

pub struct Application {
    port: u16,
    server: Server,
    hub: Hub,
    handle_signals: bool,
}

impl Application {
    /// Migrates the database, then binds. `database_url` is the resolved URL (configured or
    /// the embedded cluster's).
    pub async fn build(settings: Settings, database_url: &str) -> anyhow::Result<Self> {
        // A database that is still starting (compose, a restarted server) gets time to come.
        let pool = db::build_pool(database_url, &settings.database)?;
        db::wait_until_reachable(&pool, Duration::from_secs(60)).await?;
        let applied = db::run_migrations(database_url).await?;
        if !applied.is_empty() {
            tracing::info!(?applied, "migrations applied");
        }

        let secret = match &settings.auth.jwt_secret {
            Some(s) => {
                let bytes = s.expose_secret().as_bytes().to_vec();
                anyhow::ensure!(
                    bytes.len() >= MIN_SECRET_BYTES,
                    "LIVINGLAB_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes"
                );
                bytes
            }
            None => {
                let mut fresh = [0u8; 64];
                rand::rng().fill_bytes(&mut fresh);
                let mut conn = pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?;
                auth::repo::load_or_create_secret(&mut conn, "jwt_hs256", &fresh)
                    .await
                    .context("loading the JWT signing key")?
            }
        };
        let jwt = Arc::new(JwtKeys::new(&secret, &settings.auth));
        let auth_limiter = IpRateLimiter::per_minute(settings.auth.rate_per_minute);
        if let Some(l) = &auth_limiter {
            l.spawn_janitor();
        }
        let dummy_password_hash: Arc<str> = tokio::task::spawn_blocking(|| {
            let mut pw = [0u8; 16];
            rand::rng().fill_bytes(&mut pw);
            auth::password::hash_blocking(&format!("{pw:?}"))
        })
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into();
        spawn_token_pruner(pool.clone());
        let metrics = Arc::new(Metrics::new());
        let pubsub = PubSub::start(pool.clone(), database_url.to_owned());
        let hub = Hub::start(pool.clone(), &pubsub, &settings.rooms, metrics.clone());

        let documents: Arc<dyn crate::storage::Storage> = Arc::new(
            crate::storage::LocalStorage::open_at(&settings.data_dir.join("documents"))
                .context("opening the document storage")?,
        );
        let practice_cache = Arc::new(PracticeCache::new(settings.practices.cache_ttl));
        practice_cache.subscribe(&pubsub);
        let practice_cache = web::Data::from(practice_cache);

        let listener = TcpListener::bind(settings.http.bind)
            .with_context(|| format!("binding {}", settings.http.bind))?;
        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState {
            db: pool,
            settings: Arc::new(settings.clone()),
            jwt,
            auth_limiter,
            limits: Arc::new(Limits::start(&settings.limits)),
            metrics,
            dummy_password_hash,
            pubsub,
            documents,
        });
        let hub_data = web::Data::new(hub.clone());
        crate::events::clock::spawn(state.get_ref().clone(), settings.events.clock_interval);
        crate::documents::sweep::spawn(state.get_ref().clone());
        let doc = web::Data::new(OpenApiJson(serde_json::to_string(&openapi())?));

        let mut server = HttpServer::new(move || {
            let (app, _) = App::new()
                .into_utoipa_app()
                .app_data(state.clone())
                .app_data(hub_data.clone())
                .app_data(practice_cache.clone())
                .app_data(doc.clone())
                .app_data(web::PathConfig::default().error_handler(extract::path_error_handler))
                .configure(routes)
                .split_for_parts();
            app.configure(pages)
                .default_service(web::to(not_found))
                .wrap(from_fn(crate::web::same_origin_guard))
                .wrap(from_fn(json_errors))
                .wrap(from_fn(record_metrics))
                .wrap(
                    DefaultHeaders::new()
                        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                        .add((header::X_FRAME_OPTIONS, "DENY"))
                        // Not `no-referrer`: with it browsers send `Origin: null` on this
                        // site's own form posts, and the CSRF origin check needs the origin.
                        // Other sites still learn nothing.
                        .add((header::REFERRER_POLICY, "same-origin")),
                )
                .wrap(TracingLogger::default())
        })
        .listen(listener)?
        .shutdown_timeout(settings.http.shutdown_timeout.as_secs());
        if let Some(n) = settings.http.workers {
            server = server.workers(n);
        }
        // Signals are ours (see `run_until_stopped`): sockets must hear 1012 before the
        // server stops.
        server = server.disable_signals();
        tracing::info!(addr = %settings.http.bind, port, "listening");
        if settings.http.public_url.is_none() && !settings.http.bind.ip().is_loopback() {
            tracing::warn!(
                "LIVINGLAB_PUBLIC_URL is not set: calendar links are built from each request's \
                 Host header; set it to the address users reach this server at"
            );
        }
        Ok(Self {
            port,
            server: server.run(),
            hub,
            handle_signals: settings.http.handle_signals,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Resolves when the server has stopped (SIGINT/SIGTERM, or `handle().stop()`), after
    /// in-flight requests finished or the shutdown timeout passed.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        if self.handle_signals {
            let handle = self.server.handle();
            let hub = self.hub.clone();
            tokio::spawn(async move {
                wait_for_signal().await;
                tracing::info!("shutting down: closing room sockets (1012), then HTTP");
                hub.shutdown().await;
                // Let the close frames go out before the workers stop.
                tokio::time::sleep(Duration::from_millis(300)).await;
                handle.stop(true).await;
            });
        }
        self.server.await
    }
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::error!("cannot install signal handlers");
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => {},
        _ = int.recv() => {},
    }
}

fn spawn_token_pruner(pool: db::DbPool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Ok(mut conn) = pool.get().await {
                match auth::repo::delete_expired(&mut conn).await {
                    Ok(n) if n > 0 => tracing::info!(deleted = n, "expired refresh tokens pruned"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "pruning refresh tokens failed"),
                }
            }
        }
    });
}

async fn not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let err = AppError::NotFound(format!("no route for {} {}", req.method(), req.path()));
    // A browser asking for a page gets a page (in its language); API clients get JSON.
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if wants_html && !req.path().starts_with("/api/") {
        let public_url = req
            .app_data::<web::Data<AppState>>()
            .and_then(|s| s.settings.http.public_url.clone());
        let ctx = crate::web::PageCtx::new(&req, None, (None, None), public_url.as_deref());
        let page = crate::web::PageError::new(&ctx, err);
        return Ok(actix_web::ResponseError::error_response(&page));
    }
    Err(err)
}

fn code_for(status: u16) -> &'static str {
    match status {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        409 => "conflict",
        412 => "precondition_failed",
        413 => "payload_too_large",
        414 => "uri_too_long",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        429 => "rate_limited",
        431 => "headers_too_large",
        503 => "service_unavailable",
        500..=599 => "internal_error",
        _ => "error",
    }
}

/// Safety net: any error response that is not already our JSON (actix's own 405s, errors
/// from extractors we did not configure) is rewritten into the error shape.
async fn json_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let status = res.status();
    // Pages answer their errors as pages (`web::PageError`): only the rest becomes JSON.
    let is_json = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes().starts_with(b"application/json") || v.as_bytes().starts_with(b"text/html")
    });
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return Ok(res.map_into_boxed_body());
    }
    let message = res
        .response()
        .error()
        .map(|e| e.to_string())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned());
    let body = error_body(
        code_for(status.as_u16()),
        &message,
        serde_json::Value::Object(Default::default()),
    );
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    new.insert_header((
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    ));
    Ok(ServiceResponse::new(req, new.json(body)))
}

async fn record_metrics(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let start = Instant::now();
    let method = req.method().to_string();
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let res = next.call(req).await;
    if let Some(m) = metrics {
        let (status, route) = match &res {
            Ok(r) => (
                r.status().as_u16(),
                r.request()
                    .match_pattern()
                    .unwrap_or_else(|| "unmatched".to_owned()),
            ),
            Err(e) => (
                e.as_response_error().status_code().as_u16(),
                "unmatched".to_owned(),
            ),
        };
        m.observe(&method, &route, status, start.elapsed());
    }
    res
}
