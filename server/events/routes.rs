//! The events routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // The `.ics` routes come before `/events/{id}`, which would otherwise take `x.ics` as
    // an id (and answer 404).
    cfg.service(handlers::events_feed)
        .service(handlers::event_ics)
        .service(handlers::personal_feed)
        .service(handlers::create_event)
        .service(handlers::list_events)
        .service(handlers::get_event)
        .service(handlers::update_event)
        .service(handlers::publish_event)
        .service(handlers::start_event)
        .service(handlers::end_event)
        .service(handlers::cancel_event)
        .service(handlers::add_event_moderator)
        .service(handlers::list_event_moderators)
        .service(handlers::remove_event_moderator)
        .service(handlers::put_agenda)
        .service(handlers::register)
        .service(handlers::unregister)
        .service(handlers::list_registrations)
        .service(handlers::my_registrations)
        .service(handlers::set_attendance)
        .service(handlers::get_minutes)
        .service(handlers::put_minutes)
        .service(handlers::minutes_from_room)
        .service(handlers::publish_minutes)
        .service(handlers::unpublish_minutes)
        .service(handlers::minutes_revisions)
        .service(handlers::minutes_revision)
        .service(handlers::create_calendar_token);
}
