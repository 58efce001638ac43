//! A practice's page, `/practices/{id}-{slug}`: every field once, comments with replies,
//! endorsing, and "we adopted this" for members of other organizations.

use std::sync::Arc;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::catalogue::language_label;
use super::{id_of, path_of, shift_headings, wants_fragment};
use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::error::{AppError, AppResult};
use crate::pagination::PageParams;
use crate::practices::cache::PracticeCache;
use crate::practices::dto::{
    CommentView, CreateAdoptionRequest, CreateCommentRequest, PracticeView,
};
use crate::practices::service;
use crate::shared::vocab::{AdoptionStatus, MemberRole, PracticeStatus};
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageError, PageResult, Problems};

/// The record, typed: the service answers cached JSON bytes (the API's body).
pub(super) async fn record(
    state: &AppState,
    cache: &PracticeCache,
    user: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<PracticeView> {
    let bytes = service::get(state, cache, user, id).await?;
    serde_json::from_slice(&bytes).map_err(AppError::internal)
}

pub(super) struct Comment {
    pub id: Uuid,
    pub author: String,
    pub when: String,
    pub iso: String,
    pub html: Option<String>,
    pub replies: Vec<Comment>,
}

fn comment_of(ctx: &PageCtx, c: CommentView) -> Comment {
    Comment {
        id: c.id,
        author: c
            .author
            .map(|a| a.display_name)
            .unwrap_or_else(|| ctx.t("prac-comment-former-member")),
        when: ctx.when(&c.created_at),
        iso: ctx.iso(&c.created_at),
        html: c
            .body_html
            .map(|h| shift_headings(&shift_headings(&shift_headings(&h)))),
        replies: c
            .replies
            .unwrap_or_default()
            .into_iter()
            .map(|r| comment_of(ctx, r))
            .collect(),
    }
}

/// The comments region (the page has it; htmx swaps it after a comment).
pub(super) struct Comments {
    pub practice: Uuid,
    pub path: String,
    pub items: Vec<Comment>,
    pub count: String,
    pub more: Option<String>,
    pub signed_in: bool,
    /// What was typed into the form that failed, and into which (`None`: the new comment).
    pub draft: String,
    pub draft_parent: Option<Uuid>,
    /// The comment form is the one that failed (its summary shows there).
    pub failed: bool,
}

pub(super) struct Endorsement {
    pub practice: Uuid,
    pub count: String,
    /// `None`: not signed in or not published (nothing to toggle).
    pub endorsed: Option<bool>,
}

struct Indicator {
    name: String,
    unit: String,
    baseline: String,
    value: String,
    year: i32,
}

struct Adopter {
    organization: String,
    status: String,
    since: String,
}

/// A practice's article (everything in `main`) with what the page's head needs. For
/// anonymous readers it is the same for everyone of a language and timezone, so it is
/// kept until the catalogue changes (`Articles`).
pub struct Article {
    html: String,
    title: String,
    description: String,
    path: String,
    indexable: bool,
}

pub type ArticleKey = (Uuid, &'static str, String);

pub type Articles = super::Rendered<ArticleKey, Article>;

#[derive(Template)]
#[template(path = "practices/show.html")]
struct ShowPage<'a> {
    ctx: &'a PageCtx,
    a: &'a Article,
}

#[derive(Template)]
#[template(path = "practices/article.html")]
struct RecordPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    p: PracticeView,
    path: String,
    description: String,
    status: String,
    implementation: String,
    language: String,
    dates: Option<String>,
    budget: Option<String>,
    indicators: Vec<Indicator>,
    adopters: Vec<Adopter>,
    body: String,
    results: Option<String>,
    lessons: Option<String>,
    transferability: Option<String>,
    comments: Comments,
    endorsement: Endorsement,
    can_edit: bool,
    /// Published and not hidden: search engines may list it.
    indexable: bool,
    /// Organizations the viewer may record an adoption for (owner or editor, not adopted yet).
    adopt_orgs: Vec<(String, String)>,
    adopt_statuses: Vec<(String, String)>,
    adopt_input: (String, String, String),
}

#[derive(Template)]
#[template(path = "practices/comments.html")]
struct CommentsFragment<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    comments: Comments,
}

#[derive(Template)]
#[template(path = "practices/endorsement_fragment.html")]
struct EndorsementFragment<'a> {
    ctx: &'a PageCtx,
    endorsement: Endorsement,
}

fn amount(ctx: &PageCtx, v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        ctx.number(v as i64)
    } else {
        let whole = v.trunc();
        let cents = ((v - whole).abs() * 100.0).round() as i64;
        let sep = if ctx.lang.code() == "en" { "." } else { "," };
        format!("{}{sep}{cents:02}", ctx.number(whole as i64))
    }
}

async fn comments_of(
    state: &AppState,
    ctx: &PageCtx,
    user: Option<&AuthUser>,
    p: &PracticeView,
    cursor: Option<String>,
) -> AppResult<Comments> {
    let page = PageParams {
        limit: Some(100),
        cursor,
    }
    .parse()?;
    let page = service::comments(state, user, p.id, page).await?;
    let path = path_of(p.id, &p.content.title);
    Ok(Comments {
        practice: p.id,
        more: page
            .next_cursor
            .map(|c| format!("{path}?comments={c}#comments")),
        path,
        items: page.items.into_iter().map(|c| comment_of(ctx, c)).collect(),
        count: ctx.t1("prac-comment-count", "count", i64::from(p.counts.comments)),
        signed_in: user.is_some(),
        draft: String::new(),
        draft_parent: None,
        failed: false,
    })
}

async fn endorsement_of(
    state: &AppState,
    ctx: &PageCtx,
    user: Option<&AuthUser>,
    id: Uuid,
    status: PracticeStatus,
    count: i32,
) -> AppResult<Endorsement> {
    let (endorsed, count) = match user {
        Some(u) if status == PracticeStatus::Published => {
            let e = service::endorsement(state, u, id).await?;
            (Some(e.endorsed), e.endorsement_count)
        }
        _ => (None, count),
    };
    Ok(Endorsement {
        practice: id,
        count: ctx.t1("prac-endorsement-count", "count", i64::from(count)),
        endorsed,
    })
}

#[derive(Default)]
struct Kept {
    problems: Problems,
    comment: Option<(String, Option<Uuid>)>,
    adoption: Option<(String, String, String)>,
    cursor: Option<String>,
}

/// The whole page for `viewer`, with a failed form's problems and input when given.
async fn page(
    state: &AppState,
    viewer: &Viewer,
    p: PracticeView,
    kept: Kept,
    status: StatusCode,
) -> PageResult {
    let a = article(state, viewer, p, kept).await?;
    Ok(viewer.ctx.render(
        status,
        &ShowPage {
            ctx: &viewer.ctx,
            a: &a,
        },
    ))
}

async fn article(
    state: &AppState,
    viewer: &Viewer,
    p: PracticeView,
    kept: Kept,
) -> Result<Article, PageError> {
    let ctx = &viewer.ctx;
    let user = viewer.user.as_ref();
    let mut comments = comments_of(state, ctx, user, &p, kept.cursor)
        .await
        .page(ctx)?;
    if let Some((draft, parent)) = kept.comment {
        comments.draft = draft;
        comments.draft_parent = parent;
        comments.failed = true;
    }
    let endorsement = endorsement_of(state, ctx, user, p.id, p.status, p.counts.endorsements)
        .await
        .page(ctx)?;
    let (can_edit, adopt_orgs) = match user {
        None => (false, Vec::new()),
        Some(u) => {
            let mut conn = state.conn().await.page(ctx)?;
            let (_, can_edit) = service::access_of(&mut conn, p.id, Some(u))
                .await
                .page(ctx)?;
            drop(conn);
            let me = crate::users::service::me(state, u).await.page(ctx)?;
            let orgs = if p.status == PracticeStatus::Published {
                me.memberships
                    .into_iter()
                    .filter(|m| matches!(m.role, MemberRole::Owner | MemberRole::Editor))
                    .filter(|m| m.organization_id != p.organization.id)
                    .filter(|m| {
                        !p.adopted_by
                            .iter()
                            .any(|a| a.organization.id == m.organization_id)
                    })
                    .map(|m| (m.organization_id.to_string(), m.organization_name))
                    .collect()
            } else {
                Vec::new()
            };
            (can_edit, orgs)
        }
    };
    let c = &p.content;
    let dates = match (c.start_date, c.end_date) {
        (Some(s), Some(e)) => Some(ctx.t2(
            "prac-dates-from-to",
            ("from", ctx.date(&s)),
            ("to", ctx.date(&e)),
        )),
        (Some(s), None) => Some(ctx.t1("prac-dates-from", "from", ctx.date(&s))),
        (None, Some(e)) => Some(ctx.t1("prac-dates-to", "to", ctx.date(&e))),
        (None, None) => None,
    };
    let budget = c
        .budget
        .as_ref()
        .map(|b| format!("{} {}", amount(ctx, b.amount), b.currency));
    let indicators = c
        .indicators
        .iter()
        .map(|i| Indicator {
            name: i.name.clone(),
            unit: i.unit.clone(),
            baseline: i.baseline.map(|b| amount(ctx, b)).unwrap_or_default(),
            value: amount(ctx, i.value),
            year: i.year,
        })
        .collect();
    let adopters = p
        .adopted_by
        .iter()
        .map(|a| Adopter {
            organization: a.organization.name.clone(),
            status: ctx.t(&format!(
                "prac-adoption-{}",
                a.status.as_str().replace('_', "-")
            )),
            since: ctx.date(&a.since.date_naive()),
        })
        .collect();
    let description: String = c.summary.chars().take(300).collect();
    let adopt_statuses = AdoptionStatus::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                ctx.t(&format!("prac-adoption-{}", s.as_str().replace('_', "-"))),
            )
        })
        .collect();
    let page = RecordPage {
        ctx,
        f: Fields::new(ctx, &kept.problems),
        path: path_of(p.id, &c.title),
        description,
        status: ctx.t(&format!("prac-record-status-{}", p.status.as_str())),
        implementation: ctx.t(&format!("prac-status-{}", c.implementation_status.as_str())),
        language: language_label(ctx, &c.language),
        dates,
        budget,
        indicators,
        adopters,
        body: shift_headings(&p.html.body),
        results: p
            .html
            .results
            .as_deref()
            .map(|h| shift_headings(&shift_headings(h))),
        lessons: p
            .html
            .lessons_learned
            .as_deref()
            .map(|h| shift_headings(&shift_headings(h))),
        transferability: p
            .html
            .transferability
            .as_deref()
            .map(|h| shift_headings(&shift_headings(h))),
        comments,
        endorsement,
        can_edit,
        indexable: p.status == PracticeStatus::Published && p.hidden.is_none(),
        adopt_orgs,
        adopt_statuses,
        adopt_input: kept.adoption.unwrap_or_default(),
        p,
    };
    let html = page
        .render()
        .map_err(|e| AppError::internal(anyhow::anyhow!("practice article: {e}")))
        .page(ctx)?;
    Ok(Article {
        html,
        title: page.p.content.title.clone(),
        description: page.description.clone(),
        path: page.path.clone(),
        indexable: page.indexable,
    })
}

#[derive(Deserialize)]
pub struct ShowQuery {
    comments: Option<String>,
}

/// The page at its canonical address; `/practices/{id}` and stale slugs move there (301).
#[get("/practices/{key}")]
pub async fn show(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    articles: web::Data<Articles>,
    viewer: Viewer,
    key: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let (id, _) = id_of(&key).page(ctx)?;
    let here = format!("/practices/{key}");
    let moved = |to: &str| {
        HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, to.to_owned()))
            .finish()
    };
    let cursor = q.into_inner().comments;
    let shared = (viewer.user.is_none() && cursor.is_none() && cache.enabled())
        .then(|| (id, ctx.lang.code(), ctx.tz.name().to_owned()));
    let generation = cache.generation();
    if let Some(k) = &shared
        && let Some(a) = articles.get(k, generation)
    {
        if a.path != here {
            return Ok(moved(&a.path));
        }
        return Ok(ctx.ok(&ShowPage { ctx, a: &a }));
    }
    let p = record(&state, &cache, viewer.user.as_ref(), id)
        .await
        .page(ctx)?;
    let canonical = path_of(p.id, &p.content.title);
    if canonical != here {
        return Ok(moved(&canonical));
    }
    // Only what anyone may read is shared: anonymous readers see nothing else, and a
    // draft or a hidden record is never theirs.
    let public = p.status != PracticeStatus::Draft && p.hidden.is_none();
    let kept = Kept {
        cursor,
        ..Kept::default()
    };
    let a = Arc::new(article(&state, &viewer, p, kept).await?);
    if let Some(k) = shared
        && public
    {
        articles.put(k, generation, a.clone());
    }
    Ok(ctx.ok(&ShowPage { ctx, a: &a }))
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    parent_id: String,
}

#[post("/practices/{id}/comments")]
pub async fn comment(
    req: HttpRequest,
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<CommentForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let parent = match form.parent_id.trim() {
        "" => None,
        raw => Some(
            raw.parse::<Uuid>()
                .map_err(|_| AppError::BadRequest("parent_id must be a UUID".into()))
                .page(ctx)?,
        ),
    };
    let sent = service::add_comment(
        &state,
        user,
        *id,
        CreateCommentRequest {
            body: form.body.clone(),
            parent_id: parent,
        },
    )
    .await;
    let problems = match sent {
        Ok(_) => Problems::default(),
        Err(e @ AppError::Validation(_)) => Problems::of(&e, ctx).unwrap_or_default(),
        Err(e) => return Err(e).page(ctx),
    };
    let p = record(&state, &cache, Some(user), *id).await.page(ctx)?;
    if wants_fragment(&req) {
        let mut comments = comments_of(&state, ctx, Some(user), &p, None)
            .await
            .page(ctx)?;
        if !problems.is_empty() {
            comments.draft = form.body;
            comments.draft_parent = parent;
            comments.failed = true;
        }
        // htmx swaps only 2xx answers: a form with problems is still the region to show.
        return Ok(ctx.ok(&CommentsFragment {
            ctx,
            f: Fields::new(ctx, &problems),
            comments,
        }));
    }
    if problems.is_empty() {
        let to = format!("{}#comments", path_of(p.id, &p.content.title));
        return Ok(ctx.see_other(&to, Some("notice-prac-commented")));
    }
    let kept = Kept {
        problems,
        comment: Some((form.body, parent)),
        ..Kept::default()
    };
    page(&state, &viewer, p, kept, StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(Deserialize)]
pub struct EndorseForm {
    endorse: String,
}

/// Endorsing and withdrawing it: the form says which, so a repeated POST changes nothing.
#[post("/practices/{id}/endorsement")]
pub async fn endorse(
    req: HttpRequest,
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<EndorseForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let on = match form.0.endorse.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(AppError::BadRequest("endorse must be yes or no".into())).page(ctx);
        }
    };
    let e = service::set_endorsement(&state, user, *id, on)
        .await
        .page(ctx)?;
    if wants_fragment(&req) {
        return Ok(ctx.ok(&EndorsementFragment {
            ctx,
            endorsement: Endorsement {
                practice: *id,
                count: ctx.t1(
                    "prac-endorsement-count",
                    "count",
                    i64::from(e.endorsement_count),
                ),
                endorsed: Some(e.endorsed),
            },
        }));
    }
    let p = record(&state, &cache, Some(user), *id).await.page(ctx)?;
    let notice = if on {
        "notice-prac-endorsed"
    } else {
        "notice-prac-unendorsed"
    };
    Ok(ctx.see_other(
        &format!("{}#endorsement", path_of(p.id, &p.content.title)),
        Some(notice),
    ))
}

#[derive(Deserialize)]
pub struct AdoptForm {
    #[serde(default)]
    organization_id: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

#[post("/practices/{id}/adoptions")]
pub async fn adopt(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<AdoptForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let mut problems = Problems::default();
    let org = form.organization_id.parse::<Uuid>().ok();
    if org.is_none() {
        problems.items.push((
            "organization_id".into(),
            ctx.t("prac-adopt-choose-organization"),
        ));
    }
    let status = form.status.parse::<AdoptionStatus>().ok();
    if status.is_none() {
        problems
            .items
            .push(("status".into(), ctx.t("prac-adopt-choose-status")));
    }
    if let (Some(org), Some(status)) = (org, status) {
        let note = Some(form.note.clone()).filter(|n| !n.trim().is_empty());
        let req = CreateAdoptionRequest {
            organization_id: org,
            status,
            note,
        };
        match service::adopt(&state, user, *id, req).await {
            Ok(_) => {
                let p = record(&state, &cache, Some(user), *id).await.page(ctx)?;
                return Ok(ctx.see_other(
                    &format!("{}#adoptions", path_of(p.id, &p.content.title)),
                    Some("notice-prac-adopted"),
                ));
            }
            Err(e @ AppError::Validation(_)) => {
                problems = Problems::of(&e, ctx).unwrap_or_default()
            }
            Err(AppError::Conflict {
                code: "already_adopted",
                ..
            }) => problems = Problems::general("organization_id", ctx.t("prac-adopt-already")),
            Err(e) => return Err(e).page(ctx),
        }
    }
    let p = record(&state, &cache, Some(user), *id).await.page(ctx)?;
    let kept = Kept {
        problems,
        adoption: Some((form.organization_id, form.status, form.note)),
        ..Kept::default()
    };
    page(&state, &viewer, p, kept, StatusCode::UNPROCESSABLE_ENTITY).await
}
