use actix_files::NamedFile;
use actix_multipart::Multipart;
use actix_web::http::header::{
    self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use uuid::Uuid;

use super::dto::{DocumentView, ListParams, UploadForm, VersionForm};
use super::service;
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::extract::Query;
use crate::state::AppState;
use crate::storage::Blob;

/// The multipart body, or 415 for anything else.
pub(crate) fn multipart(req: &HttpRequest, payload: web::Payload) -> AppResult<Multipart> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(AppError::UnsupportedMediaType(
            "uploads must be multipart/form-data".into(),
        ));
    }
    Ok(Multipart::new(req.headers(), payload))
}

/// Upload a document to a practice, an event, a room or an organization (you must be
/// allowed to edit it; for a room, to take part). The type is decided from the content.
#[utoipa::path(
    tag = "documents",
    security(("bearer" = [])),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = DocumentView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 413, description = "`payload_too_large` past the upload limit, or `quota_exceeded` past the uploader's or the organization's storage quota", body = ErrorBody),
    )
)]
#[post("/documents")]
pub async fn upload(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let doc = service::upload(&state, &user, multipart(&req, payload)?).await?;
    Ok(HttpResponse::Created().json(doc))
}

/// The documents of a parent, oldest first, for whoever may read the parent.
#[utoipa::path(
    tag = "documents",
    security((), ("bearer" = [])),
    params(ListParams),
    responses(
        (status = 200, body = Vec<DocumentView>),
        (status = 404, description = "`not_found`: the parent does not exist or is not visible to the caller", body = ErrorBody),
    )
)]
#[get("/documents")]
pub async fn list(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    params: Query<ListParams>,
) -> AppResult<web::Json<Vec<DocumentView>>> {
    Ok(web::Json(
        service::list(
            &state,
            user.0.as_ref(),
            params.0.attached_to_type,
            params.0.attached_to_id,
        )
        .await?,
    ))
}

/// A document with all its versions, newest first.
#[utoipa::path(
    tag = "documents",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = DocumentView),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/documents/{id}")]
pub async fn get_document(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<DocumentView>> {
    Ok(web::Json(service::get(&state, user.0.as_ref(), *id).await?))
}

/// Upload a new version: the uploader, or those who manage the parent (a room's
/// moderators, an organization's owners and editors, a practice's editors, an event's
/// moderators) and platform moderators.
#[utoipa::path(
    tag = "documents",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body(content = VersionForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = DocumentView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 413, description = "`payload_too_large` past the upload limit, or `quota_exceeded` past the uploader's or the organization's storage quota", body = ErrorBody),
    )
)]
#[post("/documents/{id}/versions")]
pub async fn add_version(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let doc = service::add_version(&state, &user, *id, multipart(&req, payload)?).await?;
    Ok(HttpResponse::Created().json(doc))
}

/// `filename` (ASCII, for old clients) and `filename*` (UTF-8, RFC 6266/8187).
fn disposition(filename: &str) -> ContentDisposition {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let mut parameters = vec![DispositionParam::Filename(ascii)];
    if !filename.is_ascii() {
        parameters.push(DispositionParam::FilenameExt(ExtendedValue {
            charset: Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: filename.as_bytes().to_vec(),
        }));
    }
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters,
    }
}

/// Sends a version: always as an attachment, `nosniff`, `ETag` = the SHA-256,
/// `If-None-Match` → 304, `Range` → 206.
pub(crate) async fn send(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    number: Option<i32>,
) -> AppResult<HttpResponse> {
    let (v, blob) = service::content(state, user, id, number).await?;
    let etag = format!("\"{}\"", v.sha256);
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| {
            h.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag || t == "*")
        });
    if matches {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish());
    }
    let Blob::File(path) = blob;
    let mime: mime::Mime = v
        .content_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    // Opening is one syscall on a local path: not worth a blocking-pool hop.
    let file = NamedFile::open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => service::content_missing(id, v.number),
            _ => AppError::internal(e),
        })?
        .use_etag(false)
        .use_last_modified(false)
        .set_content_type(mime)
        .set_content_disposition(disposition(&v.filename));
    let mut res = file.into_response(req);
    let h = res.headers_mut();
    h.insert(header::ETAG, etag.parse().map_err(AppError::internal)?);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-cache"),
    );
    Ok(res)
}

/// The latest version's content (for whoever may read the parent).
#[utoipa::path(
    tag = "documents",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "the content, with the type it was uploaded as", content_type = "*/*", body = Vec<u8>),
        (status = 206, description = "the requested range", content_type = "*/*", body = Vec<u8>),
        (status = 304, description = "`If-None-Match` matched"),
        (status = 416, description = "the range is outside the content"),
        (status = 404, body = ErrorBody),
        (status = 410, description = "`content_missing`: the version exists but its content is gone from storage", body = ErrorBody),
    )
)]
#[get("/documents/{id}/content")]
pub async fn content(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    send(&req, &state, user.0.as_ref(), *id, None).await
}

/// One version's content.
#[utoipa::path(
    tag = "documents",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), ("n" = i32, Path)),
    responses(
        (status = 200, description = "the content, with the type it was uploaded as", content_type = "*/*", body = Vec<u8>),
        (status = 206, description = "the requested range", content_type = "*/*", body = Vec<u8>),
        (status = 304, description = "`If-None-Match` matched"),
        (status = 416, description = "the range is outside the content"),
        (status = 404, body = ErrorBody),
        (status = 410, description = "`content_missing`: the version exists but its content is gone from storage", body = ErrorBody),
    )
)]
#[get("/documents/{id}/versions/{n}/content")]
pub async fn version_content(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    path: web::Path<(Uuid, i32)>,
) -> AppResult<HttpResponse> {
    let (id, n) = *path;
    send(&req, &state, user.0.as_ref(), id, Some(n)).await
}

/// Delete a document (the same people as for a new version). Its content is no longer
/// served, and the sweep removes it after the grace period.
#[utoipa::path(
    tag = "documents",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/documents/{id}")]
pub async fn delete_document(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::delete(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
