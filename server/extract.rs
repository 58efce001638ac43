//! Extractors that turn every kind of bad input into the API's JSON errors.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldErrors};
use crate::state::AppState;

const DEFAULT_LIMIT: usize = 1024 * 1024;

/// A JSON body: 415 unless the content type is JSON, 413 past the size limit (checked
/// against Content-Length first, then while streaming), 400 `invalid_json` for bad syntax,
/// 422 `validation_failed` naming the field for a missing field or wrong type.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + utoipa::PartialSchema + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.settings.http.json_limit_bytes)
            .unwrap_or(DEFAULT_LIMIT);
        let content_type_ok = match req.mime_type() {
            Ok(Some(m)) => {
                m.subtype() == mime_json() || m.suffix().is_some_and(|s| s == mime_json())
            }
            _ => false,
        };
        let declared_len = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(AppError::UnsupportedMediaType(
                    "the request body must be JSON (Content-Type: application/json)".into(),
                ));
            }
            if declared_len.is_some_and(|n| n > limit) {
                return Err(AppError::PayloadTooLarge { limit });
            }
            let mut body = web::BytesMut::with_capacity(declared_len.unwrap_or(1024).min(limit));
            while let Some(chunk) = payload.next().await {
                let chunk =
                    chunk.map_err(|e| AppError::BadRequest(format!("reading body: {e}")))?;
                if body.len() + chunk.len() > limit {
                    return Err(AppError::PayloadTooLarge { limit });
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

fn mime_json() -> &'static str {
    "json"
}

/// Top-level fields the documented schema of `T` marks required, so that one 422 names
/// every missing field rather than the first one serde trips over.
fn required_fields<T: utoipa::PartialSchema>() -> Vec<String> {
    match T::schema() {
        utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(o)) => o.required,
        _ => Vec::new(),
    }
}

/// Syntax errors are the client's malformed JSON (400); shape errors name the field (422).
pub fn parse_json<T: DeserializeOwned + utoipa::PartialSchema>(body: &[u8]) -> Result<T, AppError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        if body.iter().all(u8::is_ascii_whitespace) {
            AppError::InvalidJson("the request body is empty".into())
        } else {
            AppError::InvalidJson(e.to_string())
        }
    })?;
    if let serde_json::Value::Object(map) = &value {
        let mut missing = FieldErrors::new();
        for field in required_fields::<T>() {
            if !map.contains_key(&field) {
                missing.add(field, "is required");
            }
        }
        missing.finish()?;
    }
    named_field_error(serde_path_to_error::deserialize(value))
}

/// Turns a serde error into a 422 that names the field it is about.
fn named_field_error<T, E: std::fmt::Display>(
    result: Result<T, serde_path_to_error::Error<E>>,
) -> Result<T, AppError> {
    result.map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde reports a missing field at the parent path, naming it in the message.
        let field = match inner.strip_prefix("missing field `") {
            Some(rest) => {
                let name = rest.split('`').next().unwrap_or_default();
                if path == "." {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                }
            }
            None if path == "." => "body".to_owned(),
            None => path,
        };
        let message = if inner.starts_with("missing field") {
            "is required".to_owned()
        } else {
            inner
        };
        FieldErrors::single(field, message)
    })
}

pub fn path_error_handler(
    err: actix_web::error::PathError,
    _req: &HttpRequest,
) -> actix_web::Error {
    // A malformed id cannot name anything that exists.
    AppError::NotFound(format!("not found: {err}")).into()
}

/// Query string parameters; a bad value is a 422 naming the parameter.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(req.query_string()));
        std::future::ready(named_field_error(serde_path_to_error::deserialize(de)).map(Query))
    }
}

fn form_urlencoded_parse(q: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(q.as_bytes())
}
