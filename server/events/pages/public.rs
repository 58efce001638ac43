//! Public events pages: the list, the month calendar, an event's page, registration.

use actix_web::web;

pub fn config(_cfg: &mut web::ServiceConfig) {}
