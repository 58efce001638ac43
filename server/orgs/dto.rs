use crate::shared::serde_ext::double_option;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::repo::{MemberRow, Organization};
use crate::shared::vocab::{MemberRole, OrgKind};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganizationRequest {
    #[schema(example = "Valencia")]
    pub name: String,
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-2.
    #[schema(example = "ES")]
    pub country: String,
    #[schema(example = 800000)]
    pub population: Option<i64>,
    #[schema(example = "https://www.valencia.es")]
    pub website: Option<String>,
    pub description: Option<String>,
}

/// Absent = unchanged; `null` clears an optional field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganizationRequest {
    pub name: Option<String>,
    pub kind: Option<OrgKind>,
    pub country: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>)]
    pub population: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub website: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub description: Option<String>,
    /// Checked by a platform admin: nobody can pose as a city.
    pub verified: bool,
    pub verified_at: Option<DateTime<Utc>>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrganizationView {
    pub fn new(o: Organization, member_count: i64) -> Self {
        Self {
            id: o.id,
            name: o.name,
            kind: o.kind,
            country: o.country,
            population: o.population,
            website: o.website,
            description: o.description,
            verified: o.verified_at.is_some(),
            verified_at: o.verified_at,
            member_count,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationFilter {
    pub kind: Option<OrgKind>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Substring of the name.
    pub q: Option<String>,
    pub verified: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddMemberRequest {
    pub user_id: Uuid,
    pub role: MemberRole,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMemberRequest {
    pub role: MemberRole,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberView {
    pub user_id: Uuid,
    pub display_name: String,
    pub role: MemberRole,
    pub joined_at: DateTime<Utc>,
}

impl From<MemberRow> for MemberView {
    fn from(m: MemberRow) -> Self {
        Self {
            user_id: m.user_id,
            display_name: m.display_name,
            role: m.role,
            joined_at: m.created_at,
        }
    }
}
