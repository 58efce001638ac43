use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use rand::RngCore;
use sha2::{Digest, Sha256};
use tracing::instrument;
use uuid::Uuid;

use super::dto::{AuthResponse, ChangePasswordRequest, LoginRequest, RegisterRequest};
use super::extractor::AuthUser;
use super::password;
use super::repo::{self, NewRefreshToken};
use super::repo::{self as users_repo, NewUser, User};
use crate::domain::{DisplayName, Email, Password};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pubsub::Rights;
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
/// It expires after the refresh TTL, or when the session reaches its absolute lifetime
/// (counted from `started`, the login), whichever comes first.
async fn store_refresh_token(
    state: &AppState,
    conn: &mut diesel_async::AsyncPgConnection,
    user_id: Uuid,
    family_id: Uuid,
    started: DateTime<Utc>,
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
            expires_at: (Utc::now() + ttl).min(session_end(state, started)?),
            session_started_at: started,
        },
    )
    .await?;
    Ok(token)
}

fn session_end(state: &AppState, started: DateTime<Utc>) -> AppResult<DateTime<Utc>> {
    let lifetime = chrono::Duration::from_std(state.settings.auth.session_lifetime)
        .map_err(AppError::internal)?;
    Ok(started + lifetime)
}

/// A new session (refresh token family) for `user`, begun now.
async fn start_session(
    state: &AppState,
    conn: &mut diesel_async::AsyncPgConnection,
    user: User,
) -> AppResult<AuthResponse> {
    let family = Uuid::now_v7();
    let refresh = store_refresh_token(state, conn, user.id, family, Utc::now()).await?;
    session(state, user, family, refresh)
}

fn session(
    state: &AppState,
    user: User,
    family: Uuid,
    refresh_token: String,
) -> AppResult<AuthResponse> {
    Ok(AuthResponse {
        access_token: state.jwt.issue(user.id, family)?,
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
    tracing::info!(user_id = %user.id, "account registered");
    start_session(state, &mut conn, user).await
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
    start_session(state, &mut conn, user).await
}

enum Rotation {
    Rotated(User, Uuid, String),
    Rejected(&'static str),
    /// A spent token came back: the family was revoked, and the user's sockets must hear.
    Reused(Uuid),
    Expired,
}

/// Single use with rotation: a spent token presented again means it was stolen (or the
/// client is confused), so the whole family — every session descended from that login —
/// is revoked. A family ends for good `session_lifetime` after its login.
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
                return Ok(Rotation::Reused(token.user_id));
            }
            let now = Utc::now();
            if session_end(state, token.session_started_at)? <= now {
                return Ok(Rotation::Expired);
            }
            if token.expires_at < now {
                return Ok(Rotation::Rejected("the refresh token has expired"));
            }
            let Some(user) = users_repo::find(conn, token.user_id).await? else {
                return Ok(Rotation::Rejected("the account no longer exists"));
            };
            repo::mark_used(conn, token.id).await?;
            let next = store_refresh_token(
                state,
                conn,
                user.id,
                token.family_id,
                token.session_started_at,
            )
            .await?;
            Ok(Rotation::Rotated(user, token.family_id, next))
        })
        .await?;
    match outcome {
        Rotation::Rotated(user, family, next) => session(state, user, family, next),
        Rotation::Rejected(why) => Err(AppError::Unauthorized(why.into())),
        Rotation::Reused(user) => {
            state.pubsub.rights_changed(Rights::User(user));
            Err(AppError::Unauthorized(
                "the refresh token was already used; its sessions have been revoked".into(),
            ))
        }
        Rotation::Expired => Err(AppError::SessionExpired),
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
        state.pubsub.rights_changed(Rights::User(token.user_id));
    }
    Ok(())
}

/// Ends one session (a browser signing out): its tokens, its cookie, its sockets.
pub async fn end_session(state: &AppState, user: Uuid, session: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    repo::revoke_family(&mut conn, session).await?;
    state.pubsub.rights_changed(Rights::User(user));
    Ok(())
}

/// "Sign out everywhere": ends every session of the caller, this one included.
#[instrument(skip_all)]
pub async fn logout_all(state: &AppState, caller: &AuthUser) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let n = repo::revoke_user(&mut conn, caller.id, None).await?;
    tracing::info!(user_id = %caller.id, revoked = n, "signed out everywhere");
    state.pubsub.rights_changed(Rights::User(caller.id));
    Ok(())
}

/// Changes the caller's password and ends their other sessions (the one asking stays).
#[instrument(skip_all)]
pub async fn change_password(
    state: &AppState,
    caller: &AuthUser,
    req: ChangePasswordRequest,
) -> AppResult<()> {
    let new =
        Password::parse(&req.new_password).map_err(|m| FieldErrors::single("new_password", m))?;
    let wrong = || FieldErrors::single("current_password", "is not your current password");
    let mut conn = state.conn().await?;
    let user = users_repo::find(&mut conn, caller.id)
        .await?
        .ok_or_else(|| AppError::Unauthorized("the account no longer exists".into()))?;
    confirm_password(state, &user, req.current_password, wrong).await?;
    let hash = password::hash(new).await?;
    let confirmed = user.password_hash;
    let n = conn
        .transaction::<_, AppError, _>(async move |conn| {
            // Another change (or the account's closing) since the check: the password that
            // was confirmed is no longer the account's, and the later change must not be
            // overwritten by this one.
            users_repo::lock(conn, caller.id)
                .await?
                .filter(|u| u.password_hash == confirmed)
                .ok_or_else(wrong)?;
            users_repo::set_password(conn, caller.id, &hash).await?;
            Ok(repo::revoke_user(conn, caller.id, Some(caller.session)).await?)
        })
        .await?;
    tracing::info!(user_id = %caller.id, revoked = n, "password changed");
    state.pubsub.rights_changed(Rights::User(caller.id));
    Ok(())
}

/// Checks the password a signed-in person types to confirm an action (changing it, closing
/// the account). Wrong ones count against the account's failed-login budget, the one
/// `login` uses: a stolen access token gives no more guesses than the sign-in form.
pub async fn confirm_password(
    state: &AppState,
    user: &User,
    given: String,
    wrong: impl Fn() -> AppError,
) -> AppResult<()> {
    if given.len() > 1024 {
        return Err(wrong());
    }
    let attempt = match &state.limits.login_failures {
        Some(failures) => Some(failures.begin(&user.email)?),
        None => None,
    };
    match password::verify(given, user.password_hash.clone()).await {
        Ok(true) => {
            if let Some(a) = attempt {
                a.succeeded();
            }
            Ok(())
        }
        Ok(false) => Err(wrong()),
        Err(e) => {
            if let Some(a) = attempt {
                a.not_counted();
            }
            Err(e)
        }
    }
}
