//! iCalendar (RFC 5545) output. UIDs are stable per event, SEQUENCE is the event's change
//! counter and DTSTAMP its last change (a feed without METHOD: RFC 5545 §3.8.7.2), so a
//! calendar client that polls a feed replaces its copy when, and only when, it changed.

use icalendar::{Calendar, Component, EventLike, EventStatus as IcsStatus};

use super::repo::Event;
use crate::domain::normalize_newlines;
use crate::shared::vocab::EventStatus;

pub struct Item {
    pub event: Event,
    /// Included (for people with a seat) in the description.
    pub online_url: Option<String>,
    /// Waitlisted: shown, but not confirmed.
    pub tentative: bool,
}

pub fn event_url(base_url: &str, e: &Event) -> String {
    format!("{base_url}/events/{}", e.id)
}

/// Text goes through `normalize_newlines` although stored text has no CR: the icalendar
/// crate escapes LF but writes a CR as it is, and a bare CR ends a content line for
/// lenient parsers (an injected `END:VEVENT`). Rows written before the rule have them.
pub fn calendar(name: &str, items: &[Item], base_url: &str) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//livinglab//events//EN"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.name(name);
    for item in items {
        let e = &item.event;
        let url = event_url(base_url, e);
        let mut description = e.description.clone();
        if let Some(reason) = &e.cancel_reason {
            description = format!("CANCELLED: {reason}\n\n{description}");
        }
        if let Some(link) = &item.online_url {
            description.push_str(&format!("\n\nJoin online: {link}"));
        }
        if item.tentative {
            description = format!("You are on the waitlist.\n\n{description}");
        }
        description.push_str(&format!("\n\n{url}"));
        let location = match (&e.location, e.mode) {
            (Some(l), _) => l.clone(),
            (None, crate::shared::vocab::EventMode::Online) => "Online".to_owned(),
            (None, _) => String::new(),
        };
        let status = match e.status {
            EventStatus::Cancelled => IcsStatus::Cancelled,
            EventStatus::Draft => IcsStatus::Tentative,
            _ if item.tentative => IcsStatus::Tentative,
            _ => IcsStatus::Confirmed,
        };
        let mut ev = icalendar::Event::new();
        ev.uid(&format!("{}@livinglab", e.id))
            .timestamp(e.updated_at)
            .created(e.created_at)
            .last_modified(e.updated_at)
            .starts(e.starts_at)
            .ends(e.ends_at)
            .summary(&normalize_newlines(&e.title))
            .description(&normalize_newlines(description.trim()))
            .url(&url)
            .sequence(u32::try_from(e.sequence).unwrap_or(0))
            .status(status);
        if !location.is_empty() {
            ev.location(&normalize_newlines(&location));
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}
