use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::shared::person::PersonRef;
use crate::shared::vocab::AttachedType;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachedTo {
    #[serde(rename = "type")]
    pub kind: AttachedType,
    pub id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionView {
    pub number: i32,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    /// Hex SHA-256 of the content (also its `ETag`).
    pub sha256: String,
    pub uploaded_by: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
}

/// A document and its latest version; `versions` (newest first) on `GET /documents/{id}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: Uuid,
    pub title: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// The latest version's number.
    pub version: i32,
    pub attached_to: AttachedTo,
    pub uploaded_by: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<VersionView>>,
}

/// `multipart/form-data`: `file` (required), `title`, `attach_to_type`, `attach_to_id`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    #[schema(format = Binary, value_type = String)]
    pub file: Vec<u8>,
    /// Default: the file name.
    pub title: Option<String>,
    pub attach_to_type: AttachedType,
    pub attach_to_id: Uuid,
}

/// `multipart/form-data` with one `file`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct VersionForm {
    #[schema(format = Binary, value_type = String)]
    pub file: Vec<u8>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    pub attached_to_type: AttachedType,
    pub attached_to_id: Uuid,
}
