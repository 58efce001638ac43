use actix_web::{HttpResponse, get, web};
use askama::Template;

use crate::auth::pages::Viewer;
use crate::web::PageCtx;

#[derive(Template)]
#[template(path = "site/home.html")]
struct Home<'a> {
    ctx: &'a PageCtx,
}

#[get("/")]
pub async fn home(viewer: Viewer) -> HttpResponse {
    viewer.ctx.ok(&Home { ctx: &viewer.ctx })
}

/// Search engines may index the public pages, not the personal ones.
#[get("/robots.txt")]
pub async fn robots(state: web::Data<crate::state::AppState>) -> HttpResponse {
    let sitemap = state
        .settings
        .http
        .public_url
        .as_deref()
        .map(|u| format!("Sitemap: {}/sitemap.xml\n", u.trim_end_matches('/')))
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "User-agent: *\nDisallow: /account\nDisallow: /sign-in\nDisallow: /sign-up\nDisallow: /live\nDisallow: /api/\nAllow: /\n{sitemap}"
        ))
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(home).service(robots);
}
