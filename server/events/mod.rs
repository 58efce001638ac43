//! Workshop events: lifecycle, registrations with capacity and waitlist, attendance, agenda,
//! minutes, calendar feeds, and the live room each event owns (`rooms`, access `event`).
//! The event's moderators are its room's moderators: one list, kept by `rooms`.

pub mod clock;
pub mod dto;
pub mod handlers;
pub mod ics;
pub mod repo;
pub mod service;

crate::text_enum! {
    pub enum EventKind {
        Workshop => "workshop",
        Training => "training",
        Webinar => "webinar",
        LivingLabSession => "living_lab_session",
        StudyVisit => "study_visit",
        Conference => "conference",
        Meeting => "meeting",
    }
}

crate::text_enum! {
    pub enum EventMode {
        Online => "online",
        InPerson => "in_person",
        Hybrid => "hybrid",
    }
}

crate::text_enum! {
    /// draft -> published -> live -> ended; draft, published or live -> cancelled.
    pub enum EventStatus {
        Draft => "draft",
        Published => "published",
        Live => "live",
        Ended => "ended",
        Cancelled => "cancelled",
    }
}

impl EventStatus {
    /// Ended and cancelled events are history: their details no longer change.
    pub fn is_over(self) -> bool {
        matches!(self, Self::Ended | Self::Cancelled)
    }
}

crate::text_enum! {
    pub enum RegistrationStatus {
        /// Has a seat.
        Registered => "registered",
        Waitlisted => "waitlisted",
        /// Cancelled by the person (kept for the organisers' records).
        Cancelled => "cancelled",
    }
}

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
        .service(handlers::put_minutes)
        .service(handlers::minutes_from_room)
        .service(handlers::create_calendar_token);
}
