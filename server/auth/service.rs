use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use diesel_async::AsyncConnection;
use rand::RngCore;
use sha2::{Digest, Sha256};
use tracing::instrument;
use uuid::Uuid;

use super::dto::{AuthResponse, LoginRequest, RegisterRequest};
use super::password;
use super::repo::{self, NewRefreshToken};
use super::repo::{self as users_repo, NewUser, User};
use crate::domain::{DisplayName, Email, Password};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::shared::vocab::Role;
use crate::state::AppState;

struct NewAccount {
    email: Email,
    password: Password,
    display_name: DisplayName,
}

fn parse_registration(req: RegisterRequest) -> AppResult<NewAccount> {
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(&req.email));
    let password = errors.check("password", Password::parse(&req.password));
    let display_name = errors.check("display_name", DisplayName::parse(&req.display_name));
    errors.finish()?;
    Ok(NewAccount {
        email: email.expect("checked"),
        password: password.expect("checked"),
        display_name: display_name.expect("checked"),
    })
}

fn new_refresh_token() -> (String, Vec<u8>) {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    let hash = hash_token(&token);
    (token, hash)
}

/// Our tokens are 43 characters; anything far off is not one of ours and says so with a 422
/// rather than a database lookup.
fn check_token_shape(token: &str) -> AppResult<()> {
    if token.is_empty() || token.len() > 512 {
        return Err(FieldErrors::single(
            "refresh_token",
            "must be a refresh token issued by this server",
        ));
    }
    Ok(())
}

fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Stores a refresh token in `family` and returns its clear text (shown once, never kept).
async fn store_refresh_token(
    state: &AppState,
    conn: &mut diesel_async::AsyncPgConnection,
    user_id: Uuid,
    family_id: Uuid,
) -> AppResult<String> {
    let (token, hash) = new_refresh_token();
    let ttl = chrono::Duration::from_std(state.settings.auth.refresh_token_ttl)
        .map_err(AppError::internal)?;
    repo::insert_refresh_token(
        conn,
        &NewRefreshToken {
            id: Uuid::now_v7(),
            user_id,
            family_id,
            token_hash: &hash,
            expires_at: Utc::now() + ttl,
        },
    )
    .await?;
    Ok(token)
}

fn session(state: &AppState, user: User, refresh_token: String) -> AppResult<AuthResponse> {
    Ok(AuthResponse {
        access_token: state.jwt.issue(user.id)?,
        refresh_token,
        token_type: "Bearer",
        expires_in: state.jwt.ttl().as_secs(),
        user: user.into(),
    })
}

/// Creates an account (platform role `member` unless `role` says otherwise: the CLI uses it
/// to bootstrap the first admin).
pub async fn create_account(
    db: &crate::db::DbPool,
    req: RegisterRequest,
    role: Role,
) -> AppResult<User> {
    let account = parse_registration(req)?;
    let hash = password::hash(account.password).await?;
    let mut conn = db.get().await?;
    users_repo::insert(
        &mut conn,
        &NewUser {
            id: Uuid::now_v7(),
            email: account.email.as_str(),
            password_hash: &hash,
            display_name: account.display_name.as_str(),
            role,
        },
    )
    .await
    .map_err(|e| {
        AppError::unique_violation(
            e,
            "users_email_key",
            "email_taken",
            "an account with this email already exists",
            "email",
        )
    })
}

#[instrument(skip_all)]
pub async fn register(state: &AppState, req: RegisterRequest) -> AppResult<AuthResponse> {
    let user = create_account(&state.db, req, Role::Member).await?;
    let mut conn = state.conn().await?;
    let refresh = store_refresh_token(state, &mut conn, user.id, Uuid::now_v7()).await?;
    tracing::info!(user_id = %user.id, "account registered");
    session(state, user, refresh)
}

#[instrument(skip_all)]
pub async fn login(state: &AppState, req: LoginRequest) -> AppResult<AuthResponse> {
    let email = Email::parse(&req.email).ok();
    let mut conn = state.conn().await?;
    let user = match &email {
        Some(e) => users_repo::find_by_email(&mut conn, e.as_str()).await?,
        None => None,
    };
    // Unknown accounts are checked against a dummy hash: the answer takes as long either
    // way, so response times do not tell which emails have accounts.
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| state.dummy_password_hash.to_string());
    let ok = password::verify(req.password, hash).await?;
    let user = match (ok, user) {
        (true, Some(u)) => u,
        _ => return Err(AppError::InvalidCredentials),
    };
    let refresh = store_refresh_token(state, &mut conn, user.id, Uuid::now_v7()).await?;
    session(state, user, refresh)
}

enum Rotation {
    Rotated(User, String),
    Rejected(&'static str),
}

/// Single use with rotation: a spent token presented again means it was stolen (or the
/// client is confused), so the whole family — every session descended from that login —
/// is revoked.
#[instrument(skip_all)]
pub async fn refresh(state: &AppState, refresh_token: &str) -> AppResult<AuthResponse> {
    check_token_shape(refresh_token)?;
    let hash = hash_token(refresh_token);
    let mut conn = state.conn().await?;
    let outcome = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let Some(token) = repo::find_refresh_token_for_update(conn, &hash).await? else {
                return Ok(Rotation::Rejected("the refresh token is invalid"));
            };
            if token.revoked_at.is_some() {
                return Ok(Rotation::Rejected("the refresh token has been revoked"));
            }
            if token.used_at.is_some() {
                let n = repo::revoke_family(conn, token.family_id).await?;
                tracing::warn!(user_id = %token.user_id, revoked = n,
                        "refresh token reused: session family revoked");
                return Ok(Rotation::Rejected(
                    "the refresh token was already used; its sessions have been revoked",
                ));
            }
            if token.expires_at < Utc::now() {
                return Ok(Rotation::Rejected("the refresh token has expired"));
            }
            let Some(user) = users_repo::find(conn, token.user_id).await? else {
                return Ok(Rotation::Rejected("the account no longer exists"));
            };
            repo::mark_used(conn, token.id).await?;
            let next = store_refresh_token(state, conn, user.id, token.family_id).await?;
            Ok(Rotation::Rotated(user, next))
        })
        .await?;
    match outcome {
        Rotation::Rotated(user, next) => session(state, user, next),
        Rotation::Rejected(why) => Err(AppError::Unauthorized(why.into())),
    }
}

/// Ends the session the token belongs to. Unknown tokens are ignored: logging out twice is
/// not an error.
pub async fn logout(state: &AppState, refresh_token: &str) -> AppResult<()> {
    check_token_shape(refresh_token)?;
    let hash = hash_token(refresh_token);
    let mut conn = state.conn().await?;
    if let Some(token) = repo::find_refresh_token_for_update(&mut conn, &hash).await? {
        repo::revoke_family(&mut conn, token.family_id).await?;
    }
    Ok(())
}
