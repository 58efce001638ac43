//! Documents in the browser: the list of a practice's or an organization's documents (a
//! whole page, or only the list for htmx to embed), a document's versions, uploads and new
//! versions (multipart forms that work without JavaScript), deleting, and downloads that
//! use the browser's session. Rights and storage are the service's, as for the JSON API.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, get, post, web};
use askama::Template;
use futures_util::StreamExt;
use serde::Deserialize;
use uuid::Uuid;

use super::dto::{DocumentView, VersionView};
use super::{handlers, service};
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::shared::vocab::AttachedType;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems, csrf};

/// A CSRF token is 43 characters; anything much longer is not one.
const MAX_TOKEN_BYTES: usize = 128;

/// Where a parent's documents are listed.
fn list_path(kind: AttachedType, id: Uuid) -> String {
    match kind {
        AttachedType::Practice => format!("/practices/{id}/documents"),
        AttachedType::Organization => format!("/organizations/{id}/documents"),
        AttachedType::Event => format!("/events/{id}/materials"),
        // Rooms have no documents page: the room itself is the way back.
        AttachedType::Room => format!("/rooms/{id}"),
    }
}

/// Where the parent itself is.
fn parent_path(kind: AttachedType, id: Uuid) -> String {
    match kind {
        AttachedType::Practice => format!("/practices/{id}"),
        AttachedType::Organization => format!("/organizations/{id}"),
        AttachedType::Event => format!("/events/{id}"),
        AttachedType::Room => list_path(kind, id),
    }
}

/// A size people read: bytes, KB, MB (powers of 1024), one decimal in the viewer's style.
fn human_size(ctx: &PageCtx, bytes: i64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    let (value, key) = if b < KB {
        return ctx.t1("documents-size-bytes", "n", bytes);
    } else if b < KB * KB {
        (b / KB, "documents-size-kb")
    } else if b < KB * KB * KB {
        (b / (KB * KB), "documents-size-mb")
    } else {
        (b / (KB * KB * KB), "documents-size-gb")
    };
    let mut n = format!("{value:.1}");
    if ctx.lang.code() != "en" {
        n = n.replace('.', ",");
    }
    ctx.t1(key, "n", n)
}

/// The kind of file in words (the catalogue's), from the type decided at upload.
fn type_label(ctx: &PageCtx, content_type: &str) -> String {
    let key = match content_type {
        "application/pdf" => "pdf",
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" => "image",
        "application/zip" => "zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/vnd.oasis.opendocument.text" => "text-document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.oasis.opendocument.spreadsheet"
        | "text/csv" => "spreadsheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        | "application/vnd.oasis.opendocument.presentation" => "presentation",
        "text/markdown" | "text/plain" => "plain-text",
        _ => "other",
    };
    ctx.t(&format!("documents-type-{key}"))
}

fn person(ctx: &PageCtx, p: &Option<crate::shared::person::PersonRef>) -> String {
    p.as_ref().map_or_else(
        || ctx.t("documents-deleted-account"),
        |p| p.display_name.clone(),
    )
}

/// A document as a line of the list.
pub struct DocLine {
    pub d: DocumentView,
    pub size: String,
    pub kind: String,
    pub uploader: String,
    pub when: String,
    pub iso: String,
}

impl DocLine {
    fn new(ctx: &PageCtx, d: DocumentView) -> Self {
        DocLine {
            size: human_size(ctx, d.size),
            kind: type_label(ctx, &d.content_type),
            uploader: person(ctx, &d.uploaded_by),
            when: ctx.when(&d.created_at),
            iso: ctx.iso(&d.created_at),
            d,
        }
    }
}

pub struct VersionLine {
    pub v: VersionView,
    pub size: String,
    pub kind: String,
    pub uploader: String,
    pub when: String,
    pub iso: String,
}

/// The list and its upload form: the part htmx swaps, included by the full page.
#[derive(Template)]
#[template(path = "documents/list_fragment.html")]
struct ListFragment<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    docs: Vec<DocLine>,
    may_upload: bool,
    action: String,
    title: String,
    /// Announced after an upload that htmx swapped in place (a message key).
    announce: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "documents/list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    heading: String,
    back: String,
    parent_name: String,
    fragment: ListFragment<'a>,
}

fn is_htmx(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request")
}

/// The list of a parent's documents, as a page or (for htmx) as the fragment.
#[allow(clippy::too_many_arguments)]
async fn render_list(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    kind: AttachedType,
    parent: Uuid,
    status: StatusCode,
    problems: &Problems,
    title: String,
    announce: Option<&'static str>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let listing = service::listing(state, viewer.user.as_ref(), kind, parent)
        .await
        .page(ctx)?;
    let fragment = ListFragment {
        ctx,
        f: Fields::new(ctx, problems),
        docs: listing
            .documents
            .into_iter()
            .map(|d| DocLine::new(ctx, d))
            .collect(),
        may_upload: listing.access.edit,
        action: list_path(kind, parent),
        title,
        announce,
    };
    if is_htmx(req) {
        // htmx swaps only successful answers: a refused upload is shown in place too.
        let status = if status.is_success() {
            status
        } else {
            StatusCode::OK
        };
        return Ok(ctx.render(status, &fragment));
    }
    let key = match kind {
        AttachedType::Practice => "documents-of-practice",
        AttachedType::Event => "evm-materials-title",
        _ => "documents-of-organization",
    };
    let back = match kind {
        AttachedType::Organization => crate::orgs::pages::org_path(parent, &listing.parent_name),
        _ => parent_path(kind, parent),
    };
    Ok(ctx.render(
        status,
        &ListPage {
            ctx,
            heading: ctx.t1(key, "name", listing.parent_name.clone()),
            back,
            parent_name: listing.parent_name,
            fragment,
        },
    ))
}

/// The list with nothing typed and no problems (what a GET shows).
async fn list_as_is(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    kind: AttachedType,
    id: Uuid,
) -> PageResult {
    let none = Problems::default();
    render_list(
        state,
        viewer,
        req,
        kind,
        id,
        StatusCode::OK,
        &none,
        String::new(),
        None,
    )
    .await
}

#[get("/practices/{id}/documents")]
pub async fn practice_documents(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> PageResult {
    list_as_is(&state, &viewer, &req, AttachedType::Practice, *id).await
}

#[get("/organizations/{id}/documents")]
pub async fn organization_documents(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> PageResult {
    list_as_is(&state, &viewer, &req, AttachedType::Organization, *id).await
}

/// Reads the form's first field, which must be the CSRF token, and checks it (and the
/// origin) before any other byte of the body is read: a forged upload stores nothing.
async fn check_csrf_first(
    req: &HttpRequest,
    state: &AppState,
    form: &mut Multipart,
) -> Result<(), AppError> {
    let mut token = None;
    if let Some(field) = form.next().await {
        let mut field =
            field.map_err(|e| AppError::BadRequest(format!("reading the form: {e}")))?;
        if field.name() == Some(csrf::FIELD) {
            let mut buf = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk =
                    chunk.map_err(|e| AppError::BadRequest(format!("reading the form: {e}")))?;
                if buf.len() + chunk.len() > MAX_TOKEN_BYTES {
                    buf.clear();
                    break;
                }
                buf.extend_from_slice(&chunk);
            }
            token = String::from_utf8(buf).ok();
        }
    }
    let public_url = state.settings.http.public_url.as_deref();
    csrf::check(req, token.as_deref(), public_url)
}

/// A refused upload that the form can explain: shown beside the file field.
fn upload_problems(ctx: &PageCtx, err: &AppError) -> Option<(StatusCode, Problems)> {
    let status = actix_web::ResponseError::status_code(err);
    let message = match err {
        AppError::Validation(_) => return Problems::of(err, ctx).map(|p| (status, p)),
        AppError::PayloadTooLarge { .. } => ctx.t("documents-error-too-large"),
        AppError::QuotaExceeded { .. } => ctx.t("documents-error-quota"),
        AppError::UnsupportedMediaType(_) => ctx.t("documents-error-type"),
        _ => return None,
    };
    Some((status, Problems::general("file", message)))
}

async fn upload(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    payload: web::Payload,
    kind: AttachedType,
    parent: Uuid,
) -> PageResult {
    let ctx = &viewer.ctx;
    let mut form = handlers::multipart(&req, payload).page(ctx)?;
    check_csrf_first(&req, &state, &mut form).await.page(ctx)?;
    let user = viewer.require()?;
    match service::upload_to(&state, user, kind, parent, form).await {
        Ok(_) if is_htmx(&req) => {
            let none = Problems::default();
            let notice = Some("notice-document-uploaded");
            render_list(
                &state,
                &viewer,
                &req,
                kind,
                parent,
                StatusCode::OK,
                &none,
                String::new(),
                notice,
            )
            .await
        }
        Ok(_) => Ok(ctx.see_other(&list_path(kind, parent), Some("notice-document-uploaded"))),
        Err(e) => match upload_problems(ctx, &e) {
            Some((status, problems)) => {
                render_list(
                    &state,
                    &viewer,
                    &req,
                    kind,
                    parent,
                    status,
                    &problems,
                    String::new(),
                    None,
                )
                .await
            }
            None => Err(e).page(ctx),
        },
    }
}

#[post("/practices/{id}/documents")]
pub async fn upload_to_practice(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    payload: web::Payload,
    id: web::Path<Uuid>,
) -> PageResult {
    upload(state, viewer, req, payload, AttachedType::Practice, *id).await
}

#[post("/organizations/{id}/documents")]
pub async fn upload_to_organization(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    payload: web::Payload,
    id: web::Path<Uuid>,
) -> PageResult {
    upload(state, viewer, req, payload, AttachedType::Organization, *id).await
}

// ---- one document ----

#[derive(Template)]
#[template(path = "documents/show.html")]
struct ShowPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    doc: DocLine,
    versions: Vec<VersionLine>,
    may_change: bool,
    back: String,
}

async fn render_document(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    status: StatusCode,
    problems: &Problems,
) -> PageResult {
    let ctx = &viewer.ctx;
    let (mut d, may_change) = service::get_with_rights(state, viewer.user.as_ref(), id)
        .await
        .page(ctx)?;
    let versions = d
        .versions
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|v| VersionLine {
            size: human_size(ctx, v.size),
            kind: type_label(ctx, &v.content_type),
            uploader: person(ctx, &v.uploaded_by),
            when: ctx.when(&v.created_at),
            iso: ctx.iso(&v.created_at),
            v,
        })
        .collect();
    let back = list_path(d.attached_to.kind, d.attached_to.id);
    Ok(ctx.render(
        status,
        &ShowPage {
            ctx,
            f: Fields::new(ctx, problems),
            doc: DocLine::new(ctx, d),
            versions,
            may_change,
            back,
        },
    ))
}

#[get("/documents/{id}")]
pub async fn show(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> PageResult {
    render_document(&state, &viewer, *id, StatusCode::OK, &Problems::default()).await
}

#[post("/documents/{id}/versions")]
pub async fn add_version(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    payload: web::Payload,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let mut form = handlers::multipart(&req, payload).page(ctx)?;
    check_csrf_first(&req, &state, &mut form).await.page(ctx)?;
    let user = viewer.require()?;
    match service::add_version(&state, user, *id, form).await {
        Ok(_) => Ok(ctx.see_other(
            &format!("/documents/{id}"),
            Some("notice-document-version-added"),
        )),
        Err(e) => match upload_problems(ctx, &e) {
            Some((status, problems)) => {
                render_document(&state, &viewer, *id, status, &problems).await
            }
            None => Err(e).page(ctx),
        },
    }
}

#[derive(Deserialize)]
pub struct EmptyForm {}

#[post("/documents/{id}/delete")]
pub async fn delete(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _form: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let d = service::get(&state, Some(user), *id).await.page(ctx)?;
    service::delete(&state, user, *id).await.page(ctx)?;
    Ok(ctx.see_other(
        &list_path(d.attached_to.kind, d.attached_to.id),
        Some("notice-document-deleted"),
    ))
}

/// The latest version, with the browser's session: the API's download, same rights.
#[get("/documents/{id}/download")]
pub async fn download(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> PageResult {
    handlers::send(&req, &state, viewer.user.as_ref(), *id, None)
        .await
        .page(&viewer.ctx)
}

#[get("/documents/{id}/versions/{n}/download")]
pub async fn download_version(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(Uuid, i32)>,
) -> PageResult {
    let (id, n) = *path;
    handlers::send(&req, &state, viewer.user.as_ref(), id, Some(n))
        .await
        .page(&viewer.ctx)
}

// ---- an event's materials (#15: the events back office) ----
//
// Here rather than in `events` (which may not import `documents`): the list and upload of
// the documents attached to an event, with the same rights as the API (everyone who may
// see the event reads them; its moderators upload and delete).

#[get("/events/{id}/materials")]
pub async fn event_materials(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> PageResult {
    list_as_is(&state, &viewer, &req, AttachedType::Event, *id).await
}

#[post("/events/{id}/materials")]
pub async fn upload_to_event(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    payload: web::Payload,
    id: web::Path<Uuid>,
) -> PageResult {
    upload(state, viewer, req, payload, AttachedType::Event, *id).await
}

// ---- end of the event's materials ----

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(practice_documents)
        .service(event_materials)
        .service(upload_to_event)
        .service(organization_documents)
        .service(upload_to_practice)
        .service(upload_to_organization)
        .service(show)
        .service(add_version)
        .service(delete)
        .service(download)
        .service(download_version);
}
