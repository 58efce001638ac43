//! `AuthUser`: the caller, from a bearer access token, loaded fresh from the database so a
//! role change, a deleted account or an ended session takes effect at once.

use std::net::IpAddr;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::repo as users_repo;
use crate::error::AppError;
use crate::shared::vocab::Role;
use crate::state::AppState;

/// The whole account row is loaded anyway, so handlers that need it (`/me`) do not load it
/// again.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub role: Role,
    pub display_name: String,
    pub email: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The session (refresh token family) the access token belongs to.
    pub session: Uuid,
}

impl AuthUser {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Platform moderators and admins.
    pub fn is_moderator(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Moderator)
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(AppError::forbidden("this action needs the admin role"))
        }
    }
}

fn bearer(req: &HttpRequest) -> Result<Option<String>, AppError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value
        .to_str()
        .map_err(|_| AppError::Unauthorized("malformed Authorization header".into()))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(Some(token.trim().to_owned()))
        }
        _ => Err(AppError::Unauthorized(
            "the Authorization header must be `Bearer <access token>`".into(),
        )),
    }
}

/// The account behind an access token (also used by the websocket `hello`). The token's
/// session must still be alive: logging out ends what its access tokens open at once.
pub async fn load(state: &AppState, token: &str) -> Result<AuthUser, AppError> {
    let claims = state.jwt.verify(token)?;
    let mut conn = state.conn().await?;
    let user = users_repo::find_in_session(&mut conn, claims.sub, claims.sid)
        .await?
        .ok_or_else(|| {
            AppError::Unauthorized("the session has ended or the account no longer exists".into())
        })?;
    Ok(AuthUser {
        id: user.id,
        role: user.role,
        display_name: user.display_name,
        email: user.email,
        created_at: user.created_at,
        session: claims.sid,
    })
}

fn state_of(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("AppState missing")))
}

/// Anonymous when there is no Authorization header; a header that is present must be valid
/// (a client with an expired token learns so instead of silently seeing less).
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl FromRequest for MaybeAuthUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = state_of(req);
        Box::pin(async move {
            match token? {
                None => Ok(Self(None)),
                Some(t) => load(state?.get_ref(), &t).await.map(|u| Self(Some(u))),
            }
        })
    }
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let maybe = MaybeAuthUser::from_request(req, payload);
        Box::pin(async move {
            maybe.await?.0.ok_or_else(|| {
                AppError::Unauthorized("this endpoint needs a bearer access token".into())
            })
        })
    }
}

/// The client's address for rate limiting: the TCP peer, or, when
/// `LIVINGLAB_TRUST_PROXY_HEADERS` is on, the last `X-Forwarded-For` hop: the one our own
/// proxy appended. Earlier hops are whatever the client chose to send.
pub struct ClientIp(pub IpAddr);

impl FromRequest for ClientIp {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trust = req
            .app_data::<web::Data<AppState>>()
            .is_some_and(|s| s.settings.http.trust_proxy_headers);
        let from_proxy = trust
            .then(|| req.headers().get_all("x-forwarded-for").last())
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|hop| hop.trim().parse::<IpAddr>().ok());
        let ip = from_proxy
            .or_else(|| req.peer_addr().map(|a| a.ip()))
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        std::future::ready(Ok(Self(ip)))
    }
}
