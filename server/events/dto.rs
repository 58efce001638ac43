use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::repo::{AgendaItem, Counts, Minutes, MinutesRevision, ThemeRef};
use crate::shared::serde_ext::double_option;
use crate::shared::vocab::{EventKind, EventMode, EventStatus, MinutesSource, RegistrationStatus};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEventRequest {
    #[schema(example = "Green mobility workshop")]
    pub title: String,
    /// Markdown.
    pub description: String,
    pub kind: EventKind,
    /// RFC 3339 with an offset; stored in UTC.
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// IANA time zone the event is planned in.
    #[schema(example = "Europe/Madrid")]
    pub timezone: String,
    pub mode: EventMode,
    pub location: Option<String>,
    /// Shown only to registered people and moderators.
    pub online_url: Option<String>,
    /// Seats; absent = no limit.
    pub capacity: Option<i32>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub theme_ids: Option<Vec<Uuid>>,
    /// The organising organization (the caller must be its owner or editor).
    pub organization_id: Option<Uuid>,
}

/// Absent = unchanged; `null` clears an optional field.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEventRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    pub kind: Option<EventKind>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub timezone: Option<String>,
    pub mode: Option<EventMode>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub online_url: Option<Option<String>>,
    /// Raising it gives seats to the waitlist in order; lowering it keeps existing seats.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>)]
    pub capacity: Option<Option<i32>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub registration_opens_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub registration_closes_at: Option<Option<DateTime<Utc>>>,
    pub theme_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelEventRequest {
    /// Shown to everyone who can see the event.
    #[schema(example = "The venue is closed because of the storm warning")]
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventModeratorRequest {
    pub user_id: Uuid,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemInput {
    pub starts_at: DateTime<Utc>,
    pub title: String,
    pub speaker: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequest {
    pub user_id: Uuid,
    pub attended: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinutesRequest {
    pub markdown: String,
    /// The `version` of the minutes this edit started from (or send `If-Match` with the
    /// ETag). Leave it out only for the first minutes of an event: a write that names no
    /// version, or an old one, while other minutes exist is refused with 409
    /// `stale_minutes`.
    #[schema(minimum = 1)]
    pub version: Option<i32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListEventsParams {
    /// Events that end at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Events that start at or before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Theme slug or id.
    pub theme: Option<String>,
    pub organization: Option<Uuid>,
    /// One status or several separated by commas, e.g. `published,live`.
    pub status: Option<String>,
    /// Online, in person or hybrid.
    pub mode: Option<EventMode>,
    /// Words in the title, description or location.
    pub q: Option<String>,
    /// Items per page: 1 to 100, default 20.
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// Theme slug or id.
    pub theme: Option<String>,
    pub organization: Option<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationsParams {
    /// `json` (default) or `csv`.
    pub format: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeView {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

impl From<ThemeRef> for ThemeView {
    fn from(t: ThemeRef) -> Self {
        Self {
            id: t.id,
            slug: t.slug,
            name: t.name,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemView {
    pub starts_at: DateTime<Utc>,
    pub title: String,
    pub speaker: Option<String>,
    pub description: Option<String>,
}

impl From<AgendaItem> for AgendaItemView {
    fn from(a: AgendaItem) -> Self {
        Self {
            starts_at: a.starts_at,
            title: a.title,
            speaker: a.speaker,
            description: a.description,
        }
    }
}

/// Named apart from practices' `CountsView`: two schemas of one name would be one in the
/// document, and events' counts were documented with practices' fields.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EventCountsView)]
pub struct CountsView {
    pub registered: i64,
    pub waitlisted: i64,
    pub attended: i64,
}

impl From<Counts> for CountsView {
    fn from(c: Counts) -> Self {
        Self {
            registered: c.registered,
            waitlisted: c.waitlisted,
            attended: c.attended,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MinutesView {
    pub markdown: String,
    /// Sanitized HTML of `markdown`.
    pub html: String,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
    /// Raised by every write; send it back with the next edit (also the `ETag`).
    pub version: i32,
    /// When a moderator published them; `null` while only the event's moderators see them.
    /// Edits keep this: the published minutes are always the latest text.
    pub published_at: Option<DateTime<Utc>>,
}

impl From<Minutes> for MinutesView {
    fn from(m: Minutes) -> Self {
        Self {
            html: crate::markdown::to_html(&m.markdown),
            markdown: m.markdown,
            updated_by: m.updated_by,
            updated_at: m.updated_at,
            version: m.version,
            published_at: m.published_at,
        }
    }
}

/// One revision of the minutes in the history list (`GET .../minutes/revisions/{version}`
/// has its text).
#[derive(Debug, Serialize, ToSchema)]
pub struct MinutesRevisionSummary {
    pub version: i32,
    pub source: MinutesSource,
    pub author_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// One revision of the minutes with its text.
#[derive(Debug, Serialize, ToSchema)]
pub struct MinutesRevisionView {
    pub version: i32,
    pub source: MinutesSource,
    pub author_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub markdown: String,
    /// Sanitized HTML of `markdown`.
    pub html: String,
}

impl From<MinutesRevision> for MinutesRevisionSummary {
    fn from(r: MinutesRevision) -> Self {
        Self {
            version: r.version,
            source: r.source,
            author_id: r.author_id,
            created_at: r.created_at,
        }
    }
}

impl From<MinutesRevision> for MinutesRevisionView {
    fn from(r: MinutesRevision) -> Self {
        Self {
            html: crate::markdown::to_html(&r.markdown),
            version: r.version,
            source: r.source,
            author_id: r.author_id,
            created_at: r.created_at,
            markdown: r.markdown,
        }
    }
}

/// The caller's own registration.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationView {
    pub status: RegistrationStatus,
    /// Place on the waitlist (1 = next to get a seat); only when waitlisted.
    pub position: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub registered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub id: Uuid,
    pub title: String,
    /// Markdown as written.
    pub description: String,
    /// `description` rendered and sanitized.
    pub description_html: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub mode: EventMode,
    pub location: Option<String>,
    /// Only for registered people and moderators (`null` otherwise; see `has_online_url`).
    pub online_url: Option<String>,
    pub has_online_url: bool,
    pub capacity: Option<i32>,
    /// Seats still free (`null` without a capacity).
    pub seats_left: Option<i64>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    /// Whether `POST .../registrations` would be accepted now.
    pub registration_open: bool,
    pub organization_id: Option<Uuid>,
    pub themes: Vec<ThemeView>,
    /// The event's live room (enter with a seat, or as a moderator).
    pub room_id: Uuid,
    pub cancel_reason: Option<String>,
    /// Grows with every change (the calendar SEQUENCE).
    pub sequence: i32,
    pub counts: CountsView,
    /// Whether the caller moderates this event.
    pub is_moderator: bool,
    pub my_registration: Option<RegistrationView>,
    /// Only in `GET /events/{id}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<Vec<AgendaItemView>>,
    /// Only in `GET /events/{id}`; `null` until written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Option<MinutesView>>,
    #[schema(example = "/api/v1/events/0190f1de-0000-7000-8000-000000000000.ics")]
    pub ics_path: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One row of the moderators' registration list.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrantView {
    pub user_id: Uuid,
    pub display_name: String,
    /// Registering shares the address with the event's moderators.
    pub email: String,
    pub status: RegistrationStatus,
    /// Waitlist place, only when waitlisted.
    pub position: Option<i64>,
    /// `null` until a moderator records it.
    pub attended: Option<bool>,
    /// When the person asked for a place.
    pub requested_at: DateTime<Utc>,
    pub registered_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrantsView {
    pub counts: CountsView,
    /// Seated people first (by arrival), then the waitlist in order, then cancellations.
    pub items: Vec<RegistrantView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyRegistrationView {
    pub event: EventView,
    pub registration: RegistrationView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceView {
    pub user_id: Uuid,
    pub attended: bool,
    pub counts: CountsView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarTokenView {
    /// The personal feed. Anyone with this address can read it: treat it like a password.
    /// A new token revokes the old one.
    pub url: String,
}
