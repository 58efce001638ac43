//! What every page needs besides its own data: the viewer's language and timezone, the
//! CSRF token for its forms, who is signed in (for the menu), a one-time notice after a
//! redirect, and the response headers every page gets.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::csrf;
use super::i18n::{Arg, LANG_COOKIE, Lang};

/// The cookie holding a browser's timezone (set by `site.js` for anonymous visitors).
pub const TZ_COOKIE: &str = "tz";
/// A notice shown once on the next page (a message key), e.g. after "signed out".
pub const NOTICE_COOKIE: &str = "notice";

/// The signed-in person, as the menu shows them.
#[derive(Debug, Clone)]
pub struct NavUser {
    pub id: uuid::Uuid,
    pub name: String,
    pub is_admin: bool,
    pub is_moderator: bool,
}

/// Per-request context of a page (`{{ ctx.t("key") }}` in templates).
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    pub tz: chrono_tz::Tz,
    pub csrf: String,
    /// The CSRF cookie must be (re)set on the response.
    csrf_is_new: bool,
    pub user: Option<NavUser>,
    /// The request's path and query (the language switcher returns there).
    pub here: String,
    /// The notice to show once (a message key), cleared by this response.
    pub notice: Option<String>,
    /// Where the site is (`LIVINGLAB_PUBLIC_URL` or the request's own), for canonical links.
    pub base_url: String,
    /// Cookies must be `Secure` (the public URL is https).
    pub secure: bool,
}

impl PageCtx {
    /// The context from the request's cookies and headers; `saved` is the account's own
    /// language and timezone, which come after the switcher's cookie.
    pub fn new(
        req: &HttpRequest,
        user: Option<NavUser>,
        saved: (Option<&str>, Option<&str>),
        public_url: Option<&str>,
    ) -> Self {
        let lang = req
            .cookie(LANG_COOKIE)
            .and_then(|c| Lang::parse(c.value()))
            .or_else(|| saved.0.and_then(Lang::parse))
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::from_accept_language)
            })
            .unwrap_or_default();
        let tz = saved
            .1
            .map(str::to_owned)
            .or_else(|| req.cookie(TZ_COOKIE).map(|c| c.value().to_owned()))
            .and_then(|name| name.parse().ok())
            .unwrap_or(chrono_tz::UTC);
        let (csrf, csrf_is_new) = match req.cookie(csrf::COOKIE) {
            Some(c) if csrf::well_formed(c.value()) => (c.value().to_owned(), false),
            _ => (csrf::new_token(), true),
        };
        let info = req.connection_info();
        let base_url = public_url
            .map(|u| u.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| format!("{}://{}", info.scheme(), info.host()));
        let here = req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        PageCtx {
            lang,
            tz,
            csrf,
            csrf_is_new,
            user,
            here,
            notice: req
                .cookie(NOTICE_COOKIE)
                .map(|c| c.value().to_owned())
                .filter(|k| k.starts_with("notice-") && lang.has(k)),
            secure: base_url.starts_with("https://"),
            base_url,
        }
    }

    /// A message of the viewer's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl Into<Arg>) -> String {
        self.lang.t_args(key, &[(name, value.into())])
    }

    /// A message with two arguments.
    pub fn t2(
        &self,
        key: &str,
        a: (&'static str, impl Into<Arg>),
        b: (&'static str, impl Into<Arg>),
    ) -> String {
        self.lang
            .t_args(key, &[(a.0, a.1.into()), (b.0, b.1.into())])
    }

    pub fn number(&self, n: i64) -> String {
        self.lang.number(n)
    }

    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        self.lang.date(*d)
    }

    /// An instant in the viewer's timezone.
    pub fn when(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        self.lang.date_time(*at, self.tz)
    }

    /// An instant as the machine-readable `datetime` of a `<time>` element.
    pub fn iso(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    /// The absolute URL of a path on this site (canonical links, Open Graph, sitemap).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// A static file's address with its content hash (cached for a year).
    pub fn asset(&self, name: &str) -> String {
        super::assets::url(name)
    }

    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Lang::all()
            .map(|l| (l.code(), l.native_name(), l == self.lang))
            .collect()
    }

    /// `here` is the current page (for `aria-current` in the menu).
    pub fn is_here(&self, prefix: &str) -> bool {
        let path = self.here.split('?').next().unwrap_or("/");
        if prefix == "/" {
            path == "/"
        } else {
            path == prefix || path.starts_with(&format!("{prefix}/"))
        }
    }

    /// Sets what every page response carries: the CSRF cookie when new, the notice
    /// cleared, no caching of personal pages, the language of the content.
    pub fn finish(&self, res: &mut HttpResponse) {
        if self.csrf_is_new {
            let _ = res.add_cookie(&self.cookie(csrf::COOKIE, self.csrf.clone(), None));
        }
        if self.notice.is_some() {
            let _ = res.add_cookie(&self.cookie(NOTICE_COOKIE, String::new(), Some(0)));
        }
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            header::HeaderValue::from_static(super::CSP),
        );
        headers.insert(
            header::CONTENT_LANGUAGE,
            header::HeaderValue::from_static(self.lang.code()),
        );
        headers.insert(
            header::VARY,
            header::HeaderValue::from_static("Cookie, Accept-Language, HX-Request"),
        );
        if !headers.contains_key(header::CACHE_CONTROL) {
            headers.insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("private, no-cache"),
            );
        }
    }

    /// A cookie of this site: HttpOnly, SameSite=Lax, Secure on https, for the whole site.
    pub fn cookie(
        &self,
        name: &'static str,
        value: String,
        max_age_secs: Option<i64>,
    ) -> Cookie<'static> {
        let mut c = Cookie::build(name, value)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .finish();
        if let Some(s) = max_age_secs {
            c.set_max_age(CookieDuration::seconds(s));
        }
        c
    }

    /// A page: the template rendered with `status`, and the headers of `finish`.
    pub fn render(
        &self,
        status: actix_web::http::StatusCode,
        page: &impl Template,
    ) -> HttpResponse {
        match page.render() {
            Ok(html) => {
                let mut res = HttpResponse::build(status)
                    .content_type("text/html; charset=utf-8")
                    .body(html);
                self.finish(&mut res);
                res
            }
            Err(e) => {
                tracing::error!(error = %e, "a template failed to render");
                HttpResponse::InternalServerError()
                    .content_type("text/plain; charset=utf-8")
                    .body(self.t("error-internal"))
            }
        }
    }

    pub fn ok(&self, page: &impl Template) -> HttpResponse {
        self.render(actix_web::http::StatusCode::OK, page)
    }

    /// POST → 303 See Other → GET, with an optional one-time notice (a message key).
    pub fn see_other(&self, to: &str, notice: Option<&'static str>) -> HttpResponse {
        let mut res = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, to))
            .finish();
        if let Some(key) = notice {
            let _ = res.add_cookie(&self.cookie(NOTICE_COOKIE, key.to_owned(), Some(60)));
        }
        if self.csrf_is_new {
            let _ = res.add_cookie(&self.cookie(csrf::COOKIE, self.csrf.clone(), None));
        }
        res
    }
}
