//! Liveness, readiness, metrics and the OpenAPI document.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(tag = "operations", responses((status = 200, body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok" })
}

/// The process can serve: the database answers.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, body = Health),
        (status = 503, description = "The database does not answer", body = crate::error::ErrorBody),
    )
)]
#[get("/readyz")]
pub async fn readyz(
    state: web::Data<AppState>,
) -> Result<web::Json<Health>, crate::error::AppError> {
    let check = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        crate::db::ping(&state.db),
    );
    match check.await {
        Ok(Ok(())) => Ok(web::Json(Health { status: "ok" })),
        _ => Err(crate::error::AppError::Unavailable(
            "the database does not answer".into(),
        )),
    }
}

/// Prometheus text format. Needs `Authorization: Bearer <LIVINGLAB_METRICS_TOKEN>` when
/// that is set.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus exposition format", content_type = "text/plain", body = String),
        (status = 401, description = "Metrics token required", body = crate::error::ErrorBody),
    )
)]
#[get("/metrics")]
pub async fn metrics(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, crate::error::AppError> {
    if let Some(token) = &state.settings.http.metrics_token {
        use secrecy::ExposeSecret;
        use sha2::{Digest, Sha256};
        let given = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        // Compare digests: equal-length inputs, so the comparison time says nothing.
        if Sha256::digest(given.as_bytes()) != Sha256::digest(token.expose_secret().as_bytes()) {
            return Err(crate::error::AppError::Unauthorized(
                "metrics need the metrics token".into(),
            ));
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render(&state.db)))
}

/// The serialized OpenAPI document, built once at startup.
pub struct OpenApiJson(pub String);

/// This API's OpenAPI 3.1 description.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json", body = Object))
)]
#[get("/api/v1/openapi.json")]
pub async fn openapi_json(doc: web::Data<OpenApiJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(doc.0.clone())
}
