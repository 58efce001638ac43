use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::repo::User;
use crate::shared::vocab::Role;

// No Debug: these carry passwords and tokens, which must never reach a log.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[schema(example = "ana@valencia.es")]
    pub email: String,
    /// 10 to 256 characters.
    #[schema(example = "correct horse battery")]
    pub password: String,
    #[schema(example = "Ana García")]
    pub display_name: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    /// 10 to 256 characters.
    pub new_password: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuthResponse {
    pub user: PrivateUserView,
    /// JWT (HS256) for `Authorization: Bearer`; valid for `expires_in` seconds.
    pub access_token: String,
    /// Opaque, single use: exchange it at `/auth/refresh` for a new pair.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    #[schema(example = 900)]
    pub expires_in: u64,
}

/// The account as its owner (or an admin) sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PrivateUserView {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

impl From<User> for PrivateUserView {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            role: u.role,
            created_at: u.created_at,
        }
    }
}
