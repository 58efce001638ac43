//! Rooms with people in them now, counted across every instance.

use actix_web::{get, web};
use askama::Template;

use super::staff;
use crate::auth::pages::Viewer;
use crate::rooms::repo::OccupiedRoom;
use crate::rooms::service;
use crate::state::AppState;
use crate::web::{OrPage, PageCtx, PageResult};

#[derive(Template)]
#[template(path = "admin/rooms.html")]
struct RoomsPage<'a> {
    ctx: &'a PageCtx,
    rooms: Vec<OccupiedRoom>,
    how_counted: String,
}

#[get("/admin/rooms")]
pub async fn list(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let rooms = service::occupied(&state, caller).await.page(ctx)?;
    let instances = service::live_instances(&state).await.page(ctx)?;
    Ok(ctx.ok(&RoomsPage {
        ctx,
        rooms,
        how_counted: ctx.t2(
            "admin-rooms-how-counted",
            ("instances", instances),
            ("secs", i64::from(service::INSTANCE_ALIVE_SECS)),
        ),
    }))
}
