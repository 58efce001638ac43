use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub use crate::auth::dto::PrivateUserView;
use crate::auth::repo::User;
use crate::shared::serde_ext::double_option;
use crate::shared::vocab::MemberRole;
use crate::shared::vocab::Role;

/// A profile. `email` only appears for the user themself and for admins.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    pub display_name: String,
    pub role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl UserView {
    pub fn new(u: User, show_email: bool) -> Self {
        Self {
            id: u.id,
            display_name: u.display_name,
            role: u.role,
            email: show_email.then_some(u.email),
            created_at: u.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipView {
    pub organization_id: Uuid,
    pub organization_name: String,
    pub role: MemberRole,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    /// The web pages' language (`en`, `es`, `it`, `fr`, `de`); `null`: from the browser.
    #[schema(example = "es")]
    pub locale: Option<String>,
    /// IANA timezone in which the pages show times; `null`: from the browser.
    #[schema(example = "Europe/Madrid")]
    pub timezone: Option<String>,
    pub memberships: Vec<MembershipView>,
}

/// A change to one's own profile: absent fields stay as they are; `null` sets `locale` or
/// `timezone` back to "from the browser".
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProfileRequest {
    /// 1 to 100 characters.
    #[schema(example = "Ana García")]
    pub display_name: Option<String>,
    /// One of the languages the pages are offered in: `en`, `es`, `it`, `fr`, `de`.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "es")]
    pub locale: Option<Option<String>>,
    /// An IANA timezone name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "Europe/Madrid")]
    pub timezone: Option<Option<String>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleChangeRequest {
    pub role: Role,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Substring of the name or email.
    pub q: Option<String>,
}
