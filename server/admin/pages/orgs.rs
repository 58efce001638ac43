//! Organizations and their verification (admins verify; moderators look).

use actix_web::http::StatusCode;
use actix_web::{get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{given, next_page, staff};
use crate::auth::pages::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::orgs::dto::{OrganizationFilter, OrganizationView};
use crate::orgs::pages::org_path;
use crate::orgs::service;
use crate::pagination::{Page, PageParams};
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

const ORGS_PAGE: i64 = 25;

#[derive(Debug, Default, Deserialize)]
pub struct OrgsQuery {
    q: Option<String>,
    verified: Option<String>,
    cursor: Option<String>,
}

pub struct OrgRow {
    pub view: OrganizationView,
    pub path: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "admin/orgs.html")]
struct OrgsPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: String,
    verified_select: String,
    orgs: Vec<OrgRow>,
    next: Option<String>,
    may_verify: bool,
    back: String,
}

fn parse_filter(q: &OrgsQuery) -> Result<OrganizationFilter, AppError> {
    let verified = match given(&q.verified) {
        None => None,
        Some("yes") => Some(true),
        Some("no") => Some(false),
        Some(_) => return Err(FieldErrors::single("verified", "must be yes or no")),
    };
    Ok(OrganizationFilter {
        kind: None,
        country: None,
        q: given(&q.q).map(str::to_owned),
        verified,
    })
}

#[get("/admin/organizations")]
pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<OrgsQuery>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let query = query.into_inner();
    let result = async {
        let filter = parse_filter(&query)?;
        let page = PageParams {
            limit: Some(ORGS_PAGE),
            cursor: query.cursor.clone(),
        }
        .parse()?;
        service::list(&state, filter, page).await
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
    let f = Fields::new(ctx, &problems);
    let verified_select = f.select(
        "verified",
        "admin-orgs-filter-verified",
        &[
            (String::new(), ctx.t("admin-orgs-filter-verified-any")),
            ("no".into(), ctx.t("admin-orgs-filter-verified-no")),
            ("yes".into(), ctx.t("admin-orgs-filter-verified-yes")),
        ],
        given(&query.verified).unwrap_or_default(),
    );
    Ok(ctx.render(
        status,
        &OrgsPage {
            ctx,
            f: Fields::new(ctx, &problems),
            q: query.q.clone().unwrap_or_default(),
            verified_select,
            next: list.next_cursor.map(|c| {
                next_page(
                    "/admin/organizations",
                    &[("q", &query.q), ("verified", &query.verified)],
                    &c,
                )
            }),
            orgs: list
                .items
                .into_iter()
                .map(|o| OrgRow {
                    path: org_path(o.id, &o.name),
                    kind: ctx.t(&format!("orgs-kind-{}", o.kind.as_str().replace('_', "-"))),
                    view: o,
                })
                .collect(),
            may_verify: caller.is_admin(),
            back: ctx.here.clone(),
        },
    ))
}

#[derive(Debug, Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    verified: String,
    #[serde(default)]
    back: String,
}

#[post("/admin/organizations/{id}/verify")]
pub async fn verify(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<VerifyForm>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let verified = match form.0.verified.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(FieldErrors::single("verified", "must be true or false")).page(ctx),
    };
    service::set_verified(&state, caller, *id, verified)
        .await
        .page(ctx)?;
    let back = if form.0.back.starts_with("/admin/organizations") && !form.0.back.contains("//") {
        form.0.back.as_str()
    } else {
        "/admin/organizations"
    };
    let notice = if verified {
        "notice-admin-org-verified"
    } else {
        "notice-admin-org-unverified"
    };
    Ok(ctx.see_other(back, Some(notice)))
}
