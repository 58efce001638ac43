//! Live workshop rooms: REST for rooms and their history, a websocket for the live session.
//! `docs/rooms-protocol.md` describes the protocol; `hub.rs` and `writer.rs` how events get
//! from one client to everyone, in order, across instances.

pub mod dto;
pub mod export;
pub mod handlers;
pub mod hub;
pub mod protocol;
pub mod repo;
pub mod service;
pub mod session;
pub mod state;
pub mod writer;

crate::text_enum! {
    /// Who may enter: any signed-in user, members of the room's organization, or invited
    /// participants. Moderators and platform moderators may always enter.
    pub enum RoomAccess {
        Open => "open",
        Members => "members",
        Invite => "invite",
        /// The room of a workshop event: its registered participants (not the waitlist).
        /// Set by the event; rooms cannot be switched to or from it.
        Event => "event",
    }
}

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
