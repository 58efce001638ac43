//! Workshop events: lifecycle, registrations with capacity and waitlist, attendance, agenda,
//! minutes, calendar feeds, and the live room each event owns (`rooms`, access `event`).
//! The event's moderators are its room's moderators: one list, kept by `rooms`.

pub mod clock;
pub mod dto;
pub mod handlers;
pub mod ics;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod service;
