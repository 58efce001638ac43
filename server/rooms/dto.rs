use crate::shared::person::PersonView;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::repo::{PersonRow, Room};
use crate::shared::serde_ext::double_option;
use crate::shared::vocab::RoomAccess;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRoomRequest {
    #[schema(example = "Mobility workshop, Valencia")]
    pub name: String,
    pub description: Option<String>,
    pub access: RoomAccess,
    pub theme_id: Option<Uuid>,
    /// Required for `members` rooms: whose members may enter.
    pub organization_id: Option<Uuid>,
    /// Dots each participant may place on the idea board (default 3).
    #[schema(example = 3)]
    pub dot_votes_per_user: Option<i32>,
}

/// Absent = unchanged; `null` clears an optional field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRoomRequest {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    pub access: Option<RoomAccess>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub theme_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub organization_id: Option<Option<Uuid>>,
    pub dot_votes_per_user: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoomView {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub access: RoomAccess,
    pub theme_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub dot_votes_per_user: i32,
    /// Seq of the newest event in the room's log.
    pub last_seq: i64,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Whether the caller moderates this room.
    pub is_moderator: bool,
    /// The websocket of this room, relative to the server.
    #[schema(example = "/api/v1/rooms/0190f1de-0000-7000-8000-000000000000/ws")]
    pub ws_path: String,
}

impl RoomView {
    pub fn new(r: Room, is_moderator: bool) -> Self {
        Self {
            ws_path: format!("/api/v1/rooms/{}/ws", r.id),
            id: r.id,
            name: r.name,
            description: r.description,
            access: r.access,
            theme_id: r.theme_id,
            organization_id: r.organization_id,
            dot_votes_per_user: r.dot_votes_per_user,
            last_seq: r.last_seq,
            created_by: r.created_by,
            created_at: r.created_at,
            updated_at: r.updated_at,
            is_moderator,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddPersonRequest {
    pub user_id: Uuid,
}

/// A room's moderator: on its list, or (`by_role`) an owner or editor of the organization
/// of an event's room, who moderates by that role and stops when it changes (they cannot
/// be removed from the list, only given another role in the organization).
#[derive(Debug, Serialize, ToSchema)]
pub struct ModeratorView {
    pub user_id: Uuid,
    pub display_name: String,
    pub added_at: DateTime<Utc>,
    pub by_role: bool,
}

impl From<(PersonRow, bool)> for ModeratorView {
    fn from((p, by_role): (PersonRow, bool)) -> Self {
        Self {
            user_id: p.user_id,
            display_name: p.display_name,
            added_at: p.created_at,
            by_role,
        }
    }
}

impl From<PersonRow> for PersonView {
    fn from(p: PersonRow) -> Self {
        Self {
            user_id: p.user_id,
            display_name: p.display_name,
            added_at: p.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsParams {
    /// Only events with a larger seq (default 0: from the start).
    pub after_seq: Option<i64>,
    /// At most this many events: 1 to 1000, default 100.
    pub limit: Option<i64>,
}

/// A page of the log. Each item is exactly the frame the socket sent (`type`, `seq`, `at`,
/// `actor`, and the event's own fields).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsPage {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
    /// The room's newest seq when the page was read.
    pub last_seq: i64,
    /// `after_seq` for the next page; `null` when this page reached `last_seq`.
    pub next_after_seq: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// Only `md` (Markdown) for now.
    pub format: Option<String>,
}
