//! Closing one's own account in the browser: a page of its own, confirmed with the
//! password, because it cannot be undone.

use actix_web::http::StatusCode;
use actix_web::{get, post, web};
use askama::Template;
use serde::Deserialize;

use super::dto::CloseAccountRequest;
use super::service;
use crate::auth::ClientIp;
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use crate::users::pages::signed_out;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

#[derive(Template)]
#[template(path = "account/close.html")]
struct ClosePage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
}

#[get("/account/close")]
pub async fn close_form(viewer: Viewer) -> PageResult {
    let ctx = &viewer.ctx;
    viewer.require()?;
    let none = Problems::default();
    Ok(ctx.ok(&ClosePage {
        ctx,
        f: Fields::new(ctx, &none),
    }))
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    password: String,
}

/// The names of the organizations in a `last_owner` refusal.
fn organizations_of(details: Option<&serde_json::Value>) -> String {
    details
        .and_then(|d| d["organizations"].as_array())
        .map(|orgs| {
            orgs.iter()
                .filter_map(|o| o["name"].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

#[post("/account/close")]
pub async fn close(
    state: web::Data<AppState>,
    viewer: Viewer,
    ip: ClientIp,
    form: Form<CloseForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    crate::auth::handlers::limit(&state, &ip).page(ctx)?;
    let req = CloseAccountRequest {
        password: form.0.password,
    };
    let (status, problems) = match service::close_own(&state, user, req).await {
        Ok(()) => return Ok(signed_out(ctx, "notice-account-closed")),
        Err(e @ AppError::Validation(_)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Problems::of(&e, ctx).unwrap_or_default(),
        ),
        Err(AppError::Conflict {
            code: "last_owner",
            details,
            ..
        }) => (
            StatusCode::CONFLICT,
            Problems::general(
                "password",
                ctx.t1(
                    "account-close-last-owner",
                    "organizations",
                    organizations_of(details.as_ref()),
                ),
            ),
        ),
        Err(AppError::Conflict {
            code: "last_admin", ..
        }) => (
            StatusCode::CONFLICT,
            Problems::general("password", ctx.t("account-close-last-admin")),
        ),
        Err(e) => return Err(e).page(ctx),
    };
    Ok(ctx.render(
        status,
        &ClosePage {
            ctx,
            f: Fields::new(ctx, &problems),
        },
    ))
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(close_form).service(close);
}
