//! Moderators' events pages: create and edit, lifecycle, agenda, registrations, check-in,
//! minutes.

use actix_web::web;

pub fn config(_cfg: &mut web::ServiceConfig) {}
