//! The web application's shared layer: languages, the page context, CSRF, forms and
//! their errors, static files. Pages themselves live beside each domain's JSON handlers
//! (`server/<domain>/pages.rs`) and call the same services; this layer knows no domain.

pub mod assets;
pub mod csrf;
pub mod forms;
pub mod i18n;
pub mod page;

pub use forms::{Form, OrPage, PageError, PageResult, Problems};
pub use page::{NavUser, PageCtx};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};

use crate::error::AppError;
use crate::state::AppState;

/// Pages load nothing from another origin and run no inline code.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; connect-src 'self'; form-action 'self'; \
                       base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

/// Every unsafe request outside the JSON API must come from this site, whatever handler
/// serves it (the token itself is checked where the body is read: `Form`, uploads).
pub async fn same_origin_guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let exempt = path.starts_with("/api/") || path == "/metrics";
    if !exempt && csrf::is_unsafe(req.method()) {
        let public_url = req
            .app_data::<web::Data<AppState>>()
            .and_then(|s| s.settings.http.public_url.clone());
        if !csrf::same_origin(req.request(), public_url.as_deref()) {
            let err = AppError::forbidden("this request was sent from another site");
            let res = err.error_response();
            return Ok(req.into_response(res).map_into_right_body());
        }
    }
    Ok(next.call(req).await?.map_into_left_body())
}
