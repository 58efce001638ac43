//! The minutes editor: Markdown with a preview (in place with htmx, or the page again
//! without JavaScript), "start from the room's transcript", and the revisions. The version
//! edited travels in a hidden field: when someone saved in between, the service refuses
//! and the page keeps the text typed, shows theirs, and lets the writer save over it.
//! Publishing and withdrawing the minutes are forms of their own beside the editor.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{Head, is_htmx, moderated};
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::events::dto::{MinutesRevisionView, MinutesView};
use crate::events::service::{self, IfMatch, MinutesPrecondition};
use crate::pagination::PageParams;
use crate::shared::vocab::MinutesSource;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Revisions per page of the list (the API's largest page).
const REVISIONS_PAGE: i64 = 100;

#[derive(Template)]
#[template(path = "events/manage/minutes.html")]
struct EditPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    head: Head,
    markdown: String,
    /// The version the text was started from; empty before the first minutes.
    version: String,
    /// "Version 3, saved on ..." of the stored minutes.
    stored: Option<String>,
    preview: Option<String>,
    /// The stored text, when a save was refused because it changed.
    theirs: Option<String>,
    /// Whether the stored minutes are published, and that state in words; `None` before
    /// the first minutes.
    publication: Option<(bool, String)>,
}

#[derive(Template)]
#[template(path = "events/manage/minutes_preview.html")]
struct PreviewFragment<'a> {
    ctx: &'a PageCtx,
    preview: Option<String>,
}

fn stored_line(ctx: &PageCtx, m: &MinutesView) -> String {
    ctx.t2(
        "evm-minutes-stored",
        ("n", i64::from(m.version)),
        ("when", ctx.when(&m.updated_at)),
    )
}

fn publication(ctx: &PageCtx, m: &MinutesView) -> (bool, String) {
    match m.published_at {
        Some(at) => (true, ctx.t1("evm-minutes-published", "when", ctx.when(&at))),
        None => (false, ctx.t("evm-minutes-unpublished")),
    }
}

/// The stored minutes, `None` before the first ones.
async fn current(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
) -> Result<Option<MinutesView>, crate::web::PageError> {
    match service::minutes(state, viewer.user.as_ref(), id).await {
        Ok(m) => Ok(Some(m)),
        Err(AppError::NotFound(_)) => Ok(None),
        Err(e) => Err(e).page(&viewer.ctx),
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    ctx: &PageCtx,
    head: Head,
    status: StatusCode,
    problems: &Problems,
    markdown: String,
    version: String,
    stored: Option<&MinutesView>,
    preview: Option<String>,
    theirs: Option<String>,
) -> HttpResponse {
    ctx.render(
        status,
        &EditPage {
            ctx,
            f: Fields::new(ctx, problems),
            head,
            markdown,
            version,
            stored: stored.map(|m| stored_line(ctx, m)),
            preview,
            theirs,
            publication: stored.map(|m| publication(ctx, m)),
        },
    )
}

#[get("/events/{id}/minutes/edit")]
pub async fn edit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> PageResult {
    let (_, _, head) = moderated(&state, &viewer, *id, "/minutes/edit").await?;
    let m = current(&state, &viewer, *id).await?;
    let markdown = m.as_ref().map(|m| m.markdown.clone()).unwrap_or_default();
    Ok(render(
        &viewer.ctx,
        head,
        StatusCode::OK,
        &Problems::default(),
        markdown,
        version_text(m.as_ref()),
        m.as_ref(),
        None,
        None,
    ))
}

fn version_text(m: Option<&MinutesView>) -> String {
    m.map(|m| m.version.to_string()).unwrap_or_default()
}

#[derive(Debug, Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    markdown: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    action: String,
}

fn version_of(raw: &str) -> Option<i32> {
    raw.trim().parse().ok()
}

#[post("/events/{id}/minutes/edit")]
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<MinutesForm>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/minutes/edit").await?;
    let ctx = &viewer.ctx;
    let form = form.0;
    if form.action == "preview" {
        let preview = Some(crate::markdown::to_html(&form.markdown));
        if is_htmx(&req) {
            return Ok(ctx.ok(&PreviewFragment { ctx, preview }));
        }
        // The version stays the one the writer started from, not the stored one.
        let m = current(&state, &viewer, *id).await?;
        return Ok(render(
            ctx,
            head,
            StatusCode::OK,
            &Problems::default(),
            form.markdown,
            form.version,
            m.as_ref(),
            preview,
            None,
        ));
    }
    let pre = MinutesPrecondition {
        if_match: None,
        version: version_of(&form.version),
    };
    match service::put_minutes(&state, user, *id, &form.markdown, pre).await {
        Ok(_) => Ok(ctx.see_other(
            &format!("/events/{}/minutes/edit", *id),
            Some("notice-evm-minutes-saved"),
        )),
        Err(e @ AppError::Validation(_)) => {
            let p = Problems::of(&e, ctx).unwrap_or_default();
            let m = current(&state, &viewer, *id).await?;
            Ok(render(
                ctx,
                head,
                StatusCode::UNPROCESSABLE_ENTITY,
                &p,
                form.markdown,
                form.version,
                m.as_ref(),
                None,
                None,
            ))
        }
        Err(AppError::Conflict {
            code: "stale_minutes",
            ..
        }) => stale(&state, &viewer, head, *id, form.markdown).await,
        Err(e) => Err(e).page(ctx),
    }
}

/// A save refused because the minutes changed: the writer's text, theirs beside it, and
/// the new version in the form so that saving again is a deliberate choice.
async fn stale(
    state: &AppState,
    viewer: &Viewer,
    head: Head,
    id: Uuid,
    markdown: String,
) -> PageResult {
    let ctx = &viewer.ctx;
    let m = current(state, viewer, id).await?;
    let p = Problems::general("markdown", ctx.t("evm-error-stale-minutes"));
    Ok(render(
        ctx,
        head,
        StatusCode::CONFLICT,
        &p,
        markdown,
        version_text(m.as_ref()),
        m.as_ref(),
        None,
        m.as_ref().map(|m| m.markdown.clone()),
    ))
}

#[derive(Debug, Deserialize)]
pub struct FromRoomForm {
    #[serde(default)]
    version: String,
}

#[post("/events/{id}/minutes/from-room")]
pub async fn from_room(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<FromRoomForm>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/minutes/edit").await?;
    let ctx = &viewer.ctx;
    let if_match = version_of(&form.0.version).map(|v| IfMatch::Versions(vec![v]));
    match service::minutes_from_room(&state, user, *id, if_match).await {
        Ok(_) => Ok(ctx.see_other(
            &format!("/events/{}/minutes/edit", *id),
            Some("notice-evm-minutes-from-room"),
        )),
        Err(AppError::PreconditionFailed(_)) => {
            let m = current(&state, &viewer, *id).await?;
            let markdown = m.as_ref().map(|m| m.markdown.clone()).unwrap_or_default();
            let p = Problems::general("markdown", ctx.t("evm-error-stale-minutes"));
            Ok(render(
                ctx,
                head,
                StatusCode::CONFLICT,
                &p,
                markdown,
                version_text(m.as_ref()),
                m.as_ref(),
                None,
                None,
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

// ---- publication ----

/// The publish and withdraw forms carry only the CSRF token.
#[derive(Debug, Deserialize)]
pub struct PublicationForm {}

#[post("/events/{id}/minutes/publish")]
pub async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _form: Form<PublicationForm>,
) -> PageResult {
    set_publication(&state, &viewer, *id, true).await
}

#[post("/events/{id}/minutes/unpublish")]
pub async fn unpublish(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _form: Form<PublicationForm>,
) -> PageResult {
    set_publication(&state, &viewer, *id, false).await
}

async fn set_publication(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    published: bool,
) -> PageResult {
    let (user, _, _) = moderated(state, viewer, id, "/minutes/edit").await?;
    let ctx = &viewer.ctx;
    let notice = if published {
        service::publish_minutes(state, user, id).await.page(ctx)?;
        "notice-evm-minutes-published"
    } else {
        service::unpublish_minutes(state, user, id)
            .await
            .page(ctx)?;
        "notice-evm-minutes-withdrawn"
    };
    Ok(ctx.see_other(&format!("/events/{id}/minutes/edit"), Some(notice)))
}

// ---- revisions ----

pub struct RevisionLine {
    pub version: i32,
    pub label: String,
    pub source: String,
    pub when: String,
    pub iso: String,
}

fn source_label(ctx: &PageCtx, s: MinutesSource) -> String {
    match s {
        MinutesSource::Written => ctx.t("evm-minutes-source-written"),
        MinutesSource::FromRoom => ctx.t("evm-minutes-source-from-room"),
    }
}

#[derive(Template)]
#[template(path = "events/manage/minutes_revisions.html")]
struct RevisionsPage<'a> {
    ctx: &'a PageCtx,
    head: Head,
    rows: Vec<RevisionLine>,
    next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RevisionsQuery {
    cursor: Option<String>,
}

#[get("/events/{id}/minutes/revisions")]
pub async fn revisions(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    query: web::Query<RevisionsQuery>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/minutes/edit").await?;
    let ctx = &viewer.ctx;
    let page = PageParams {
        limit: Some(REVISIONS_PAGE),
        cursor: query.into_inner().cursor,
    }
    .parse()
    .page(ctx)?;
    let list = service::minutes_revisions(&state, user, *id, page)
        .await
        .page(ctx)?;
    let rows = list
        .items
        .iter()
        .map(|r| RevisionLine {
            version: r.version,
            label: ctx.t1("evm-revision-n", "n", i64::from(r.version)),
            source: source_label(ctx, r.source),
            when: ctx.when(&r.created_at),
            iso: ctx.iso(&r.created_at),
        })
        .collect();
    let next = list
        .next_cursor
        .map(|c| format!("/events/{}/minutes/revisions?cursor={c}", *id));
    Ok(ctx.ok(&RevisionsPage {
        ctx,
        head,
        rows,
        next,
    }))
}

#[derive(Template)]
#[template(path = "events/manage/minutes_revision.html")]
struct RevisionPage<'a> {
    ctx: &'a PageCtx,
    head: Head,
    r: MinutesRevisionView,
    heading: String,
    source: String,
    when: String,
    iso: String,
}

#[get("/events/{id}/minutes/revisions/{n}")]
pub async fn revision(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(Uuid, i32)>,
) -> PageResult {
    let (id, n) = *path;
    let (user, _, head) = moderated(&state, &viewer, id, "/minutes/edit").await?;
    let ctx = &viewer.ctx;
    let r = service::minutes_revision(&state, user, id, n)
        .await
        .page(ctx)?;
    Ok(ctx.ok(&RevisionPage {
        ctx,
        head,
        heading: ctx.t1("evm-revision-n", "n", i64::from(r.version)),
        source: source_label(ctx, r.source),
        when: ctx.when(&r.created_at),
        iso: ctx.iso(&r.created_at),
        r,
    }))
}
