//! The browser front end in `web/`, compiled into the binary so that one file is the whole
//! server. Scripts and styles are separate files so the page can forbid inline code (CSP).

use actix_web::http::header;
use actix_web::{HttpResponse, get};

const INDEX: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const APP_CSS: &str = include_str!("../web/app.css");

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                   img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn asset(content_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(body)
}

/// The web application.
#[utoipa::path(
    tag = "web",
    responses((status = 200, description = "HTML page", content_type = "text/html", body = String))
)]
#[get("/")]
pub async fn index() -> HttpResponse {
    let mut res = asset("text/html; charset=utf-8", INDEX);
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(CSP),
    );
    res
}

/// The web application's script.
#[utoipa::path(
    tag = "web",
    responses((status = 200, description = "JavaScript", content_type = "text/javascript", body = String))
)]
#[get("/assets/app.js")]
pub async fn app_js() -> HttpResponse {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// The web application's styles.
#[utoipa::path(
    tag = "web",
    responses((status = 200, description = "CSS", content_type = "text/css", body = String))
)]
#[get("/assets/app.css")]
pub async fn app_css() -> HttpResponse {
    asset("text/css; charset=utf-8", APP_CSS)
}
