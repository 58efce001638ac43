//! The live room's pages: the room (an ES-module application under `web/static/room/`
//! on the websocket protocol) and the projector view.

use actix_web::web;

pub fn config(_cfg: &mut web::ServiceConfig) {}
