//! The events pages. `public`: the list with filters and a month calendar, an event's page,
//! registering and cancelling, calendar files and the personal feed. `manage`: what an
//! event's moderators do (the forms, lifecycle, agenda, registrations, check-in, minutes).
//! Every rule stays in `service`: these handlers turn forms into the same calls the JSON
//! handlers make, and results into HTML.

mod manage;
mod public;

use actix_web::web;

pub fn config(cfg: &mut web::ServiceConfig) {
    // `manage` first: its fixed paths (`/events/new`) must win over `/events/{key}`.
    manage::config(cfg);
    public::config(cfg);
}
