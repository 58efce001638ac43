//! The platform's status: health, version, database, instances, counters.

use actix_web::{get, web};
use askama::Template;

use super::staff;
use crate::admin::status::{Status, status};
use crate::auth::pages::Viewer;
use crate::state::AppState;
use crate::web::{OrPage, PageCtx, PageResult};

#[derive(Template)]
#[template(path = "admin/status.html")]
struct StatusPage<'a> {
    ctx: &'a PageCtx,
    s: Status,
    latency: String,
    migrations: String,
    pool: String,
    instances: String,
    numbers: [String; 4],
}

#[get("/admin/status")]
pub async fn show(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let s = status(&state, caller).await.page(ctx)?;
    let latency = s
        .database
        .latency_ms
        .map(|ms| format!("{ms:.1}"))
        .unwrap_or_default();
    let db = &s.database;
    let migrations = match db.migrations_applied {
        Some(n) => ctx.t2(
            "admin-status-migrations-of",
            ("applied", n),
            ("known", db.migrations_known),
        ),
        None => ctx.t("admin-status-unknown"),
    };
    let pool = format!(
        "{} · {}",
        ctx.t2(
            "admin-status-pool-use",
            ("in_use", db.pool_in_use),
            ("open", db.pool_open)
        ),
        ctx.t2(
            "admin-status-pool-limit",
            ("max", db.pool_max),
            ("waiting", db.pool_waiting)
        ),
    );
    let instances = match s.instances {
        Some(n) => ctx.t1("admin-status-instances-count", "count", n),
        None => ctx.t("admin-status-unknown"),
    };
    let count = |n: u64| ctx.number(i64::try_from(n).unwrap_or(i64::MAX));
    let numbers = [
        count(s.requests),
        count(s.server_errors),
        ctx.number(s.room_sockets),
        count(s.room_events),
    ];
    let mut res = ctx.ok(&StatusPage {
        ctx,
        s,
        latency,
        migrations,
        pool,
        instances,
        numbers,
    });
    // Numbers of this moment: never from a cache.
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}
