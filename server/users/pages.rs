//! The account page: one's name, language and timezone, password, "sign out everywhere",
//! and the way to closing the account (`account::pages`, a domain above this one).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;

use super::dto::{MeResponse, UpdateProfileRequest};
use super::service;
use crate::auth::dto::ChangePasswordRequest;
use crate::auth::pages::{SESSION_COOKIE, Viewer};
use crate::auth::{ClientIp, handlers as auth_handlers, service as auth_service};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::i18n::{LANG_COOKIE, LANGS};
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems, csrf};

/// What the profile form shows: the saved values, or what was typed when it came back.
struct ProfileInput {
    display_name: String,
    locale: String,
    timezone: String,
}

impl From<&MeResponse> for ProfileInput {
    fn from(me: &MeResponse) -> Self {
        ProfileInput {
            display_name: me.display_name.clone(),
            locale: me.locale.clone().unwrap_or_default(),
            timezone: me.timezone.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "users/account.html")]
struct AccountPage<'a> {
    ctx: &'a PageCtx,
    email: String,
    profile: Fields<'a>,
    password: Fields<'a>,
    input: ProfileInput,
    languages: Vec<(String, String)>,
    timezones: Vec<(String, String)>,
}

/// The page, with `profile` or `password` holding the problems of the form that came back.
fn account_page<'a>(
    ctx: &'a PageCtx,
    email: String,
    input: ProfileInput,
    profile: &'a Problems,
    password: &'a Problems,
) -> AccountPage<'a> {
    let mut languages = vec![(String::new(), ctx.t("account-language-from-browser"))];
    languages.extend(
        LANGS
            .iter()
            .map(|(code, name)| ((*code).to_owned(), (*name).to_owned())),
    );
    let mut timezones = vec![(String::new(), ctx.t("account-timezone-from-browser"))];
    timezones.extend(
        chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| (tz.name().to_owned(), tz.name().replace('_', " "))),
    );
    AccountPage {
        ctx,
        email,
        profile: Fields::new(ctx, profile),
        password: Fields::new(ctx, password),
        input,
        languages,
        timezones,
    }
}

#[get("/account")]
pub async fn account(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let me = service::me(&state, user).await.page(ctx)?;
    let none = Problems::default();
    Ok(ctx.ok(&account_page(
        ctx,
        me.email.clone(),
        ProfileInput::from(&me),
        &none,
        &none,
    )))
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    timezone: String,
}

/// An empty choice is "from my browser".
fn chosen(value: &str) -> Option<Option<String>> {
    let v = value.trim();
    Some((!v.is_empty()).then(|| v.to_owned()))
}

#[post("/account")]
pub async fn save_profile(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: Form<ProfileForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let req = UpdateProfileRequest {
        display_name: Some(form.display_name.clone()),
        locale: chosen(&form.locale),
        timezone: chosen(&form.timezone),
    };
    match service::update_profile(&state, user, req).await {
        Ok(me) => {
            let mut res = ctx.see_other("/account", Some("notice-profile-saved"));
            // The switcher's cookie outranks the account's language: it follows the
            // choice made here, or steps aside for "from my browser".
            let cookie = match &me.locale {
                Some(code) => ctx.cookie(LANG_COOKIE, code.clone(), Some(365 * 86400)),
                None => ctx.cookie(LANG_COOKIE, String::new(), Some(0)),
            };
            let _ = res.add_cookie(&cookie);
            Ok(res)
        }
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            let none = Problems::default();
            let input = ProfileInput {
                display_name: form.display_name,
                locale: form.locale,
                timezone: form.timezone,
            };
            Ok(ctx.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &account_page(ctx, user.email.clone(), input, &problems, &none),
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// The password changes; every other session ends, this browser's stays.
#[post("/account/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    ip: ClientIp,
    form: Form<PasswordForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    auth_handlers::limit(&state, &ip).page(ctx)?;
    let req = ChangePasswordRequest {
        current_password: form.0.current_password,
        new_password: form.0.new_password,
    };
    match auth_service::change_password(&state, user, req).await {
        Ok(()) => Ok(ctx.see_other("/account", Some("notice-password-changed"))),
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            let none = Problems::default();
            let me = service::me(&state, user).await.page(ctx)?;
            Ok(ctx.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &account_page(
                    ctx,
                    me.email.clone(),
                    ProfileInput::from(&me),
                    &none,
                    &problems,
                ),
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

#[derive(Deserialize)]
pub struct EmptyForm {}

/// Every session of the account ends, this browser's too.
#[post("/account/sign-out-everywhere")]
pub async fn sign_out_everywhere(
    state: web::Data<AppState>,
    viewer: Viewer,
    _f: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    auth_service::logout_all(&state, user).await.page(ctx)?;
    Ok(signed_out(ctx, "notice-signed-out-everywhere"))
}

/// The browser forgets its session (ended already) and goes home with `notice`.
pub fn signed_out(ctx: &PageCtx, notice: &'static str) -> HttpResponse {
    let mut res = ctx.see_other("/", Some(notice));
    let _ = res.add_cookie(&ctx.cookie(SESSION_COOKIE, String::new(), Some(0)));
    let _ = res.add_cookie(&ctx.cookie(csrf::COOKIE, csrf::new_token(), None));
    res
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(account)
        .service(save_profile)
        .service(change_password)
        .service(sign_out_everywhere);
}
