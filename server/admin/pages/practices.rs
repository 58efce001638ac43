//! Practices as moderators review them: search, the hidden ones, hiding with a reason and
//! showing again with a reason.

use actix_web::http::StatusCode;
use actix_web::{get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{given, next_page, staff};
use crate::auth::pages::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::pagination::{Page, PageParams};
use crate::practices::dto::ModeratedPractice;
use crate::practices::pages::path_of;
use crate::practices::service;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

const PRACTICES_PAGE: i64 = 25;

#[derive(Debug, Default, Deserialize)]
pub struct PracticesQuery {
    q: Option<String>,
    /// `hidden`, `visible` or empty (all).
    show: Option<String>,
    cursor: Option<String>,
}

pub struct PracticeRow {
    pub item: ModeratedPractice,
    pub path: String,
    pub status: String,
    pub hidden_when: String,
    /// "Hidden by …, when" / "Shown again by …, when".
    pub hidden_line: String,
    pub shown_line: String,
}

fn decision_line(
    ctx: &PageCtx,
    d: Option<&crate::practices::dto::ModerationDecision>,
    by_key: &str,
    at_key: &str,
) -> String {
    match d {
        None => String::new(),
        Some(d) => match &d.by {
            Some(name) => ctx.t2(by_key, ("name", name.as_str()), ("when", ctx.when(&d.at))),
            None => ctx.t1(at_key, "when", ctx.when(&d.at)),
        },
    }
}

impl PracticeRow {
    fn new(ctx: &PageCtx, item: ModeratedPractice) -> Self {
        PracticeRow {
            path: path_of(item.id, &item.title),
            status: ctx.t(&format!("admin-practice-status-{}", item.status.as_str())),
            hidden_when: item
                .hidden
                .as_ref()
                .map(|d| ctx.when(&d.at))
                .unwrap_or_default(),
            hidden_line: decision_line(
                ctx,
                item.hidden.as_ref(),
                "admin-practices-hidden-by",
                "admin-practices-hidden-at",
            ),
            shown_line: decision_line(
                ctx,
                item.shown_again.as_ref(),
                "admin-practices-shown-by",
                "admin-practices-shown-at",
            ),
            item,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/practices.html")]
struct PracticesPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: String,
    show_select: String,
    practices: Vec<PracticeRow>,
    next: Option<String>,
}

fn hidden_filter(show: &Option<String>) -> Result<Option<bool>, AppError> {
    match given(show) {
        None => Ok(None),
        Some("hidden") => Ok(Some(true)),
        Some("visible") => Ok(Some(false)),
        Some(_) => Err(FieldErrors::single("show", "must be hidden or visible")),
    }
}

#[get("/admin/practices")]
pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<PracticesQuery>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let query = query.into_inner();
    let result = async {
        let hidden = hidden_filter(&query.show)?;
        let page = PageParams {
            limit: Some(PRACTICES_PAGE),
            cursor: query.cursor.clone(),
        }
        .parse()?;
        service::for_moderation(
            &state,
            caller,
            given(&query.q).map(str::to_owned),
            hidden,
            page,
        )
        .await
    }
    .await;
    let (list, problems, status) = match result {
        Ok(list) => (list, Problems::default(), StatusCode::OK),
        Err(e @ AppError::Validation(_)) => (
            Page::with_next_key(Vec::new(), None),
            Problems::of(&e, ctx).unwrap_or_default(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e).page(ctx),
    };
    let show_select = Fields::new(ctx, &problems).select(
        "show",
        "admin-practices-filter-show",
        &[
            (String::new(), ctx.t("admin-practices-filter-all")),
            ("hidden".into(), ctx.t("admin-practices-filter-hidden")),
            ("visible".into(), ctx.t("admin-practices-filter-visible")),
        ],
        given(&query.show).unwrap_or_default(),
    );
    Ok(ctx.render(
        status,
        &PracticesPage {
            ctx,
            f: Fields::new(ctx, &problems),
            q: query.q.clone().unwrap_or_default(),
            show_select,
            next: list.next_cursor.map(|c| {
                next_page(
                    "/admin/practices",
                    &[("q", &query.q), ("show", &query.show)],
                    &c,
                )
            }),
            practices: list
                .items
                .into_iter()
                .map(|p| PracticeRow::new(ctx, p))
                .collect(),
        },
    ))
}

/// Hide or show again: one form, with the reason the service requires.
#[derive(Template)]
#[template(path = "admin/practice_visibility.html")]
struct VisibilityPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    row: PracticeRow,
    reason: String,
}

fn render_form(
    ctx: &PageCtx,
    status: StatusCode,
    item: ModeratedPractice,
    problems: &Problems,
    reason: String,
) -> actix_web::HttpResponse {
    ctx.render(
        status,
        &VisibilityPage {
            ctx,
            f: Fields::new(ctx, problems),
            row: PracticeRow::new(ctx, item),
            reason,
        },
    )
}

#[get("/admin/practices/{id}/visibility")]
pub async fn visibility_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let item = service::moderated(&state, caller, *id).await.page(ctx)?;
    Ok(render_form(
        ctx,
        StatusCode::OK,
        item,
        &Problems::default(),
        String::new(),
    ))
}

#[derive(Debug, Deserialize)]
pub struct VisibilityForm {
    /// `hide` or `show`: what the moderator saw (a stale form answers with a conflict).
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

#[post("/admin/practices/{id}/visibility")]
pub async fn change_visibility(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<VisibilityForm>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let form = form.0;
    let result = match form.action.as_str() {
        "hide" => service::set_hidden(&state, caller, *id, Some(form.reason.clone())).await,
        "show" => service::show_again(&state, caller, *id, form.reason.clone()).await,
        _ => Err(FieldErrors::single("action", "must be hide or show")),
    };
    match result {
        Ok(_) => Ok(ctx.see_other(
            "/admin/practices",
            Some(if form.action == "hide" {
                "notice-admin-practice-hidden"
            } else {
                "notice-admin-practice-shown"
            }),
        )),
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            let item = service::moderated(&state, caller, *id).await.page(ctx)?;
            Ok(render_form(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                item,
                &problems,
                form.reason,
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}
