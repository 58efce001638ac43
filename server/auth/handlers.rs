use actix_web::{HttpResponse, post, web};

use super::dto::{
    AuthResponse, ChangePasswordRequest, LoginRequest, RefreshRequest, RegisterRequest,
};
use super::{AuthUser, ClientIp, service};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::extract::Json;
use crate::state::AppState;

/// The per-IP budget of everything that checks a password.
pub fn limit(state: &AppState, ip: &ClientIp) -> AppResult<()> {
    match &state.auth_limiter {
        Some(l) => l.check(ip.0).inspect_err(|_| refused(state, ip)),
        None => Ok(()),
    }
}

fn refused(state: &AppState, ip: &ClientIp) {
    state
        .limits
        .per_ip_refused(ip.0, state.settings.http.trust_proxy_headers);
}

/// The key failed logins are counted under: the email as the account table would hold it,
/// or, when it is not a valid address, as typed (still one budget per spelling).
fn login_key(email: &str) -> String {
    crate::domain::Email::parse(email)
        .map(crate::domain::Email::into_inner)
        .unwrap_or_else(|_| email.trim().to_lowercase())
}

/// Create an account and start a session.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created", body = AuthResponse),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 409, description = "`email_taken`", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 415, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "Invalid email, password or name", body = ErrorBody),
        (status = 429, description = "Too many attempts from this address", body = ErrorBody),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<RegisterRequest>,
) -> AppResult<HttpResponse> {
    limit(&state, &ip)?;
    let res = service::register(&state, body.0).await?;
    Ok(HttpResponse::Created().json(res))
}

/// Start a session with email and password.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = AuthResponse),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "`invalid_credentials`", body = ErrorBody),
        (status = 422, description = "Missing field", body = ErrorBody),
        (status = 429, description = "Too many attempts from this address, or too many failed attempts for this email (known or not) in the last 15 minutes; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<LoginRequest>,
) -> AppResult<web::Json<AuthResponse>> {
    Ok(web::Json(login_guarded(&state, &ip, body.0).await?))
}

/// A login under both budgets: the address's (`limit`) and the email's failed attempts
/// (the sign-in page uses it too).
pub async fn login_guarded(
    state: &AppState,
    ip: &ClientIp,
    req: LoginRequest,
) -> AppResult<AuthResponse> {
    limit(state, ip)?;
    let Some(failures) = state.limits.login_failures.clone() else {
        return service::login(state, req).await;
    };
    // Counted before the password is checked, the same way for every email: a throttled
    // answer does not tell whether the account exists.
    let attempt = failures.begin(&login_key(&req.email))?;
    match service::login(state, req).await {
        Ok(res) => {
            attempt.succeeded();
            Ok(res)
        }
        Err(AppError::InvalidCredentials) => Err(AppError::InvalidCredentials),
        Err(e) => {
            attempt.not_counted();
            Err(e)
        }
    }
}

/// Exchange a refresh token for a new access + refresh pair (the old one is spent).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New pair", body = AuthResponse),
        (status = 401, description = "Invalid, expired, revoked or reused token; \
            `session_expired` when the session reached its absolute lifetime (sign in again)",
            body = ErrorBody),
        (status = 422, description = "Missing field", body = ErrorBody),
        (status = 429, description = "Too many refreshes from this address", body = ErrorBody),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<RefreshRequest>,
) -> AppResult<web::Json<AuthResponse>> {
    if let Some(l) = &state.limits.refresh {
        l.check(ip.0).inspect_err(|_| refused(&state, &ip))?;
    }
    Ok(web::Json(
        service::refresh(&state, &body.0.refresh_token).await?,
    ))
}

/// End the session the refresh token belongs to.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 422, description = "Missing field", body = ErrorBody),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> AppResult<HttpResponse> {
    service::logout(&state, &body.0.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sign out everywhere: end every session of the caller, this one included. Their room
/// sockets close with 4001.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Every session ended"),
        (status = 401, description = "Missing, invalid or expired token", body = ErrorBody),
    )
)]
#[post("/auth/logout-all")]
pub async fn logout_all(state: web::Data<AppState>, user: AuthUser) -> AppResult<HttpResponse> {
    service::logout_all(&state, &user).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Change one's password: every other session ends (their room sockets close with 4001);
/// the one asking stays signed in.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed; other sessions ended"),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Missing, invalid or expired token", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 415, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "`current_password` is wrong, or `new_password` is \
            not acceptable", body = ErrorBody),
        (status = 429, description = "Too many attempts from this address, or too many failed passwords for this account (sign-ins included) in the last 15 minutes; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/auth/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    user: AuthUser,
    body: Json<ChangePasswordRequest>,
) -> AppResult<HttpResponse> {
    limit(&state, &ip)?;
    service::change_password(&state, &user, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
