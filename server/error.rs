//! One error type for the whole API. Every failure a client can see maps to a status and a
//! stable snake_case `code`; internal causes are logged, never serialized.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

pub type AppResult<T> = Result<T, AppError>;

/// Field name -> what is wrong with it. Collected so one 422 names every bad field at once.
#[derive(Debug, Default, Clone, Serialize)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    /// Records the error of a parse result and returns its value, so a DTO can be parsed
    /// field by field while every failure is still reported.
    pub fn check<T, E: std::fmt::Display>(
        &mut self,
        field: &str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e.to_string());
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each field with its message (pages show them beside the fields).
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(f, m)| (f.as_str(), m.as_str()))
    }

    /// `Ok(())` when nothing was recorded, otherwise the 422 that names every field.
    pub fn finish(self) -> AppResult<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }

    pub fn single(field: impl Into<String>, message: impl Into<String>) -> AppError {
        let mut e = Self::new();
        e.add(field, message);
        AppError::Validation(e)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed JSON: {0}")]
    InvalidJson(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("invalid email or password")]
    InvalidCredentials,
    /// The session reached its absolute lifetime: only signing in again helps.
    #[error("the session has reached its maximum lifetime; sign in again")]
    SessionExpired,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{message}")]
    Conflict {
        code: &'static str,
        message: String,
        details: Option<Value>,
    },
    /// A conditional request (`If-Match`) whose condition no longer holds.
    #[error("{0}")]
    PreconditionFailed(String),
    #[error("request body exceeds the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("too many requests, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Unavailable(String),
    /// 410: the record exists but what it names is gone for good (a document's content).
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    /// 413: the upload would take the uploader or the organization past its storage quota.
    #[error("{message}")]
    QuotaExceeded { message: String, details: Value },
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    pub fn not_found(what: &str) -> Self {
        Self::NotFound(format!("{what} not found"))
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden(message.into())
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            message: message.into(),
            details: None,
        }
    }

    /// Maps a unique violation of `constraint` to a specific 409 (e.g. `email_taken`);
    /// every other database error converts as usual.
    pub fn unique_violation(
        err: diesel::result::Error,
        constraint: &str,
        code: &'static str,
        message: &str,
        field: &str,
    ) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &err {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)
                if info.constraint_name() == Some(constraint) =>
            {
                Self::Conflict {
                    code,
                    message: message.to_owned(),
                    details: Some(serde_json::json!({ "field": field })),
                }
            }
            _ => err.into(),
        }
    }

    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        Self::Internal(err.into())
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidJson(_) => "invalid_json",
            Self::BadRequest(_) => "bad_request",
            Self::Unauthorized(_) => "unauthorized",
            Self::InvalidCredentials => "invalid_credentials",
            Self::SessionExpired => "session_expired",
            Self::Forbidden(_) => "forbidden",
            Self::NotFound(_) => "not_found",
            Self::Conflict { code, .. } => code,
            Self::PreconditionFailed(_) => "precondition_failed",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::Validation(_) => "validation_failed",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable(_) => "service_unavailable",
            Self::Gone { code, .. } => code,
            Self::QuotaExceeded { .. } => "quota_exceeded",
            Self::Internal(_) => "internal_error",
        }
    }

    fn details(&self) -> Value {
        match self {
            Self::Validation(fields) => serde_json::to_value(fields).unwrap_or(Value::Null),
            Self::Conflict {
                details: Some(d), ..
            } => d.clone(),
            Self::PayloadTooLarge { limit } => serde_json::json!({ "limit_bytes": limit }),
            Self::QuotaExceeded { details, .. } => details.clone(),
            Self::RateLimited { retry_after_secs } => {
                serde_json::json!({ "retry_after_seconds": retry_after_secs })
            }
            _ => Value::Object(Default::default()),
        }
    }
}

/// The wire shape of every error: `{"error":{"code","message","details"}}`.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorInfo,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorInfo {
    /// Stable snake_case code, e.g. `validation_failed`, `email_taken`.
    #[schema(example = "validation_failed")]
    pub code: String,
    pub message: String,
    /// For `validation_failed`: an object of field name -> problem.
    #[schema(value_type = Object)]
    pub details: Value,
}

pub fn error_body(code: &str, message: &str, details: Value) -> ErrorBody {
    ErrorBody {
        error: ErrorInfo {
            code: code.to_owned(),
            message: message.to_owned(),
            details,
        },
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::InvalidJson(_) | Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) | Self::InvalidCredentials | Self::SessionExpired => {
                StatusCode::UNAUTHORIZED
            }
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Gone { .. } => StatusCode::GONE,
            Self::QuotaExceeded { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = ?cause, "internal error");
        }
        let body = error_body(self.code(), &self.to_string(), self.details());
        let mut res = HttpResponse::build(self.status_code());
        if let Self::RateLimited { retry_after_secs } = self {
            res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        if let Self::Unauthorized(_) | Self::SessionExpired = self {
            res.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        res.json(body)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => Self::NotFound("not found".into()),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => Self::Conflict {
                code: "conflict",
                message: "a record with these values already exists".into(),
                details: info
                    .constraint_name()
                    .map(|c| serde_json::json!({ "constraint": c })),
            },
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => Self::Conflict {
                code: "conflict",
                message: "a referenced record does not exist or is still referenced".into(),
                details: info
                    .constraint_name()
                    .map(|c| serde_json::json!({ "constraint": c })),
            },
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
                Self::Unavailable("the database connection was lost".into())
            }
            // Text PostgreSQL cannot store (a NUL byte) is the client's input, not our fault.
            // Edges reject it first; this keeps any path we missed from answering 500.
            Error::DatabaseError(_, info)
                if info.message().contains("invalid byte sequence")
                    || info.message().contains("character not in repertoire") =>
            {
                Self::Validation({
                    let mut e = FieldErrors::new();
                    e.add("body", "contains a character that cannot be stored (NUL)");
                    e
                })
            }
            other => Self::Internal(other.into()),
        }
    }
}

impl From<crate::db::PoolError> for AppError {
    fn from(err: crate::db::PoolError) -> Self {
        tracing::warn!(error = %err, "database pool unavailable");
        Self::Unavailable("the database is unavailable".into())
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(err: tokio::task::JoinError) -> Self {
        Self::Internal(err.into())
    }
}
