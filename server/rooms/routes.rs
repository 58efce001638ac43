//! The rooms routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::create_room)
        .service(handlers::list_rooms)
        .service(handlers::get_room)
        .service(handlers::update_room)
        .service(handlers::add_participant)
        .service(handlers::list_participants)
        .service(handlers::remove_participant)
        .service(handlers::add_moderator)
        .service(handlers::list_moderators)
        .service(handlers::remove_moderator)
        .service(handlers::room_events)
        .service(handlers::export_room)
        .service(handlers::room_socket);
}
