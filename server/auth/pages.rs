//! Browser sessions and the sign-in, sign-up and sign-out pages. A browser holds an
//! HttpOnly cookie naming its session (a refresh-token family, as an API client's is):
//! logging out, "sign out everywhere", a password change and reuse detection end it the
//! same way. `Viewer` is how every page learns who is looking and in which language.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;

use super::dto::{LoginRequest, RegisterRequest};
use super::extractor::AuthUser;
use super::{ClientIp, handlers, repo, service};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::i18n::{LANG_COOKIE, Lang};
use crate::web::{Form, NavUser, OrPage, PageCtx, PageResult, Problems, csrf};

/// The cookie that names a browser's session.
pub const SESSION_COOKIE: &str = "session";

/// Who is looking at a page, and the page context for them.
pub struct Viewer {
    pub ctx: PageCtx,
    pub user: Option<AuthUser>,
}

impl Viewer {
    /// The signed-in person, or the trip to the sign-in page (and back here after).
    pub fn require(&self) -> Result<&AuthUser, crate::web::PageError> {
        self.user
            .as_ref()
            .ok_or_else(|| AppError::Unauthorized("sign in first".into()))
            .page(&self.ctx)
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("AppState missing")))?;
            let public_url = state.settings.http.public_url.as_deref();
            let claims = req
                .cookie(SESSION_COOKIE)
                .and_then(|c| state.jwt.verify_browser(c.value()));
            let Some(claims) = claims else {
                return Ok(Viewer {
                    ctx: PageCtx::new(&req, None, (None, None), public_url),
                    user: None,
                });
            };
            let mut conn = state.conn().await?;
            let Some(user) = repo::find_in_session(&mut conn, claims.sub, claims.sid).await? else {
                // Ended elsewhere (signed out everywhere, password changed): anonymous.
                return Ok(Viewer {
                    ctx: PageCtx::new(&req, None, (None, None), public_url),
                    user: None,
                });
            };
            let auth = &state.settings.auth;
            repo::keep_alive(
                &mut conn,
                claims.sid,
                auth.refresh_token_ttl,
                auth.session_lifetime,
            )
            .await?;
            let nav = NavUser {
                id: user.id,
                name: user.display_name.clone(),
                is_admin: user.role == crate::shared::vocab::Role::Admin,
                is_moderator: matches!(
                    user.role,
                    crate::shared::vocab::Role::Admin | crate::shared::vocab::Role::Moderator
                ),
            };
            let ctx = PageCtx::new(
                &req,
                Some(nav),
                (user.locale.as_deref(), user.timezone.as_deref()),
                public_url,
            );
            Ok(Viewer {
                ctx,
                user: Some(AuthUser {
                    id: user.id,
                    role: user.role,
                    display_name: user.display_name,
                    email: user.email,
                    created_at: user.created_at,
                    session: claims.sid,
                }),
            })
        })
    }
}

/// Where to go after signing in: a path of this site only (never another origin).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// Signs the browser in to the session of `access_token` and goes to `next`.
fn signed_in(
    state: &AppState,
    ctx: &PageCtx,
    access_token: &str,
    next: &str,
    notice: &'static str,
) -> Result<HttpResponse, AppError> {
    let claims = state.jwt.verify(access_token)?;
    let until = chrono::Utc::now()
        + chrono::Duration::from_std(state.settings.auth.session_lifetime)
            .map_err(AppError::internal)?;
    let cookie = state.jwt.issue_browser(claims.sub, claims.sid, until)?;
    let mut res = ctx.see_other(next, Some(notice));
    let max_age = (until - chrono::Utc::now()).num_seconds();
    let _ = res.add_cookie(&ctx.cookie(SESSION_COOKIE, cookie, Some(max_age)));
    // A new session gets a new CSRF token.
    let _ = res.add_cookie(&ctx.cookie(csrf::COOKIE, csrf::new_token(), None));
    Ok(res)
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/sign_in.html")]
struct SignInPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    email: String,
    next: String,
}

#[get("/sign-in")]
pub async fn sign_in_form(viewer: Viewer, q: web::Query<NextQuery>) -> HttpResponse {
    let ctx = &viewer.ctx;
    let next = safe_next(q.next.as_deref());
    if viewer.user.is_some() {
        return ctx.see_other(&next, None);
    }
    let problems = Problems::default();
    ctx.ok(&SignInPage {
        ctx,
        f: Fields::new(ctx, &problems),
        email: String::new(),
        next,
    })
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

#[post("/sign-in")]
pub async fn sign_in(
    state: web::Data<AppState>,
    viewer: Viewer,
    ip: ClientIp,
    form: Form<SignInForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let form = form.0;
    let next = safe_next(form.next.as_deref());
    let req = LoginRequest {
        email: form.email.clone(),
        password: form.password,
    };
    match handlers::login_guarded(&state, &ip, req).await {
        Ok(res) => signed_in(&state, ctx, &res.access_token, &next, "notice-signed-in").page(ctx),
        Err(AppError::InvalidCredentials) => {
            let problems = Problems::general("email", ctx.t("auth-wrong-credentials"));
            Ok(ctx.render(
                StatusCode::UNAUTHORIZED,
                &SignInPage {
                    ctx,
                    f: Fields::new(ctx, &problems),
                    email: form.email,
                    next,
                },
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

#[derive(Template)]
#[template(path = "auth/sign_up.html")]
struct SignUpPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    email: String,
    display_name: String,
    next: String,
}

#[get("/sign-up")]
pub async fn sign_up_form(viewer: Viewer, q: web::Query<NextQuery>) -> HttpResponse {
    let ctx = &viewer.ctx;
    let next = safe_next(q.next.as_deref());
    if viewer.user.is_some() {
        return ctx.see_other(&next, None);
    }
    let problems = Problems::default();
    ctx.ok(&SignUpPage {
        ctx,
        f: Fields::new(ctx, &problems),
        email: String::new(),
        display_name: String::new(),
        next,
    })
}

#[derive(Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
    next: Option<String>,
}

#[post("/sign-up")]
pub async fn sign_up(
    state: web::Data<AppState>,
    viewer: Viewer,
    ip: ClientIp,
    form: Form<SignUpForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let form = form.0;
    let next = safe_next(form.next.as_deref());
    handlers::limit(&state, &ip).page(ctx)?;
    let req = RegisterRequest {
        email: form.email.clone(),
        password: form.password,
        display_name: form.display_name.clone(),
    };
    let problems = match service::register(&state, req).await {
        Ok(res) => {
            // The language they browsed in becomes their account's.
            let mut conn = state.conn().await.page(ctx)?;
            repo::set_locale(&mut conn, res.user.id, Some(ctx.lang.code()))
                .await
                .map_err(AppError::from)
                .page(ctx)?;
            return signed_in(&state, ctx, &res.access_token, &next, "notice-signed-up").page(ctx);
        }
        Err(e @ AppError::Validation(_)) => Problems::of(&e, ctx).unwrap_or_default(),
        Err(AppError::Conflict {
            code: "email_taken",
            ..
        }) => Problems::general("email", ctx.t("auth-email-taken")),
        Err(e) => return Err(e).page(ctx),
    };
    Ok(ctx.render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &SignUpPage {
            ctx,
            f: Fields::new(ctx, &problems),
            email: form.email,
            display_name: form.display_name,
            next,
        },
    ))
}

#[derive(Deserialize)]
pub struct EmptyForm {}

/// Ends this browser's session (its tokens, its sockets) and forgets the cookie.
#[post("/sign-out")]
pub async fn sign_out(
    state: web::Data<AppState>,
    viewer: Viewer,
    _f: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    if let Some(user) = &viewer.user {
        service::end_session(&state, user.id, user.session)
            .await
            .page(ctx)?;
    }
    let mut res = ctx.see_other("/", Some("notice-signed-out"));
    let _ = res.add_cookie(&ctx.cookie(SESSION_COOKIE, String::new(), Some(0)));
    let _ = res.add_cookie(&ctx.cookie(csrf::COOKIE, csrf::new_token(), None));
    Ok(res)
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// The language switcher: a cookie for everyone, and the account's saved locale for the
/// signed-in (so their other devices follow).
#[post("/language")]
pub async fn set_language(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: Form<LanguageForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let Some(lang) = Lang::parse(&form.0.lang) else {
        return Err(AppError::BadRequest("unknown language".into())).page(ctx);
    };
    if let Some(user) = &viewer.user {
        let mut conn = state.conn().await.page(ctx)?;
        repo::set_locale(&mut conn, user.id, Some(lang.code()))
            .await
            .map_err(AppError::from)
            .page(ctx)?;
    }
    let mut res = ctx.see_other(&safe_next(form.0.next.as_deref()), None);
    let _ = res.add_cookie(&ctx.cookie(LANG_COOKIE, lang.code().to_owned(), Some(365 * 86400)));
    Ok(res)
}

/// A short-lived access token for this browser's session, for the live room's socket
/// and the pages' scripts that call the JSON API. Same-origin scripts only: another
/// site cannot read the answer, and the request must come from this site.
#[get("/session/token")]
pub async fn session_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    let public_url = state.settings.http.public_url.as_deref();
    let fetch_site = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some(s) if s != "same-origin") || !csrf::same_origin(&req, public_url) {
        return Err(AppError::forbidden("for this site's own pages only"));
    }
    let user = viewer
        .user
        .ok_or_else(|| AppError::Unauthorized("not signed in".into()))?;
    let token = state.jwt.issue(user.id, user.session)?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({
            "access_token": token,
            "expires_in": state.jwt.ttl().as_secs(),
            "user": {"id": user.id, "display_name": user.display_name, "role": user.role},
        })))
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(sign_in_form)
        .service(sign_in)
        .service(sign_up_form)
        .service(sign_up)
        .service(sign_out)
        .service(set_language)
        .service(session_token);
}
