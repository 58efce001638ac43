//! Forms and errors of pages. `Form<T>` reads a urlencoded form after checking its CSRF
//! token and origin; `Problems` turns a service's 422 into messages beside the fields and
//! a summary at the top; `PageError` renders any other error as a page of the viewer's
//! language (a 401 becomes a trip to the sign-in page and back).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use serde::de::DeserializeOwned;

use super::csrf;
use super::page::PageCtx;
use crate::error::AppError;
use crate::state::AppState;

/// The largest form a page accepts (a practice write-up with every field is well below).
pub const MAX_FORM_BYTES: usize = 512 * 1024;

/// A urlencoded form whose CSRF token and origin were checked.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let public_url = req
                .app_data::<web::Data<AppState>>()
                .and_then(|s| s.settings.http.public_url.clone());
            let is_form = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
            if !is_form {
                return Err(AppError::UnsupportedMediaType(
                    "a page form must be application/x-www-form-urlencoded".into(),
                ));
            }
            let body = body.await.map_err(|_| AppError::PayloadTooLarge {
                limit: MAX_FORM_BYTES,
            })?;
            if body.len() > MAX_FORM_BYTES {
                return Err(AppError::PayloadTooLarge {
                    limit: MAX_FORM_BYTES,
                });
            }
            let token = form_urlencoded::parse(&body)
                .find(|(k, _)| k == csrf::FIELD)
                .map(|(_, v)| v.into_owned());
            csrf::check(&req, token.as_deref(), public_url.as_deref())?;
            serde_urlencoded::from_bytes(&body)
                .map(Form)
                .map_err(|e| AppError::BadRequest(format!("malformed form: {e}")))
        })
    }
}

/// A form's problems: per field, and in order for the summary.
#[derive(Debug, Default, Clone)]
pub struct Problems {
    pub items: Vec<(String, String)>,
}

impl Problems {
    /// The messages of a 422 in the viewer's language. Services speak English; a message
    /// the catalogue knows (key `v-` + the message as a slug) is translated.
    pub fn of(err: &AppError, ctx: &PageCtx) -> Option<Self> {
        let AppError::Validation(fields) = err else {
            return None;
        };
        Some(Problems {
            items: fields
                .fields()
                .map(|(f, m)| (f.to_owned(), translate(ctx, m)))
                .collect(),
        })
    }

    /// One problem that is not a field's (wrong password, a conflict): shown in the summary.
    pub fn general(field: &str, message: String) -> Self {
        Problems {
            items: vec![(field.to_owned(), message)],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The message for `field`, if it has one.
    pub fn of_field(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.of_field(field).is_some()
    }
}

/// A service message in the viewer's language when the catalogue has it.
pub fn translate(ctx: &PageCtx, message: &str) -> String {
    let key = format!("v-{}", slug(message));
    if ctx.lang.has(&key) {
        ctx.t(&key)
    } else {
        tracing::debug!(%key, "a validation message without a translation");
        message.to_owned()
    }
}

/// Lowercase ASCII words joined by `-` (readable URLs, message keys).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// An error on a page: rendered in the viewer's language.
#[derive(Debug)]
pub struct PageError {
    ctx: Box<PageCtx>,
    err: AppError,
}

impl PageError {
    pub fn new(ctx: &PageCtx, err: AppError) -> Self {
        PageError {
            ctx: Box::new(ctx.clone()),
            err,
        }
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.err.fmt(f)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: &'a PageCtx,
    title: String,
    detail: String,
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.err.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let ctx = &self.ctx;
        if matches!(
            self.err,
            AppError::Unauthorized(_) | AppError::SessionExpired
        ) {
            let next: String = form_urlencoded::byte_serialize(ctx.here.as_bytes()).collect();
            return ctx.see_other(&format!("/sign-in?next={next}"), None);
        }
        if let AppError::Internal(cause) = &self.err {
            tracing::error!(error = ?cause, "internal error on a page");
        }
        let status = self.err.status_code();
        let detail = match &self.err {
            AppError::Validation(_) => String::new(),
            AppError::Internal(_) => String::new(),
            AppError::NotFound(_) => String::new(),
            e => translate(ctx, &e.to_string()),
        };
        let page = ErrorPage {
            ctx,
            title: ctx.t(&format!("error-{}", self.err.code().replace('_', "-"))),
            detail,
        };
        let mut res = ctx.render(status, &page);
        if let AppError::RateLimited { retry_after_secs } = &self.err {
            res.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from(*retry_after_secs),
            );
        }
        res
    }
}

/// `result.page(&ctx)?` in a page handler.
pub trait OrPage<T> {
    fn page(self, ctx: &PageCtx) -> Result<T, PageError>;
}

impl<T, E: Into<AppError>> OrPage<T> for Result<T, E> {
    fn page(self, ctx: &PageCtx) -> Result<T, PageError> {
        self.map_err(|e| PageError::new(ctx, e.into()))
    }
}

pub type PageResult = Result<HttpResponse, PageError>;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Form controls with their labels, hints and errors tied together (`aria-describedby`,
/// `aria-invalid`), so every form is accessible the same way. Templates write
/// `{{ f.input("email", "field-email", "email", email, "username")|safe }}`; every
/// visible word comes from the catalogue through the keys given.
pub struct Fields<'a> {
    pub ctx: &'a PageCtx,
    pub problems: &'a Problems,
}

impl<'a> Fields<'a> {
    pub fn new(ctx: &'a PageCtx, problems: &'a Problems) -> Self {
        Fields { ctx, problems }
    }

    /// The hidden CSRF field every form carries.
    pub fn csrf(&self) -> String {
        format!(
            r#"<input type="hidden" name="{}" value="{}">"#,
            csrf::FIELD,
            esc(&self.ctx.csrf)
        )
    }

    /// The error summary: focused when the page loads, each problem linking to its field.
    pub fn summary(&self) -> String {
        if self.problems.is_empty() {
            return String::new();
        }
        let mut html = format!(
            r#"<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title"><h2 id="error-summary-title">{}</h2><ul>"#,
            esc(&self.ctx.t("form-problems"))
        );
        for (field, message) in &self.problems.items {
            html.push_str(&format!(
                r##"<li><a href="#f-{}">{}</a></li>"##,
                esc(field),
                esc(message)
            ));
        }
        html.push_str("</ul></div>");
        html
    }

    fn described(&self, name: &str, hint_key: Option<&str>) -> (String, String) {
        let mut ids = Vec::new();
        let mut extra = String::new();
        if let Some(key) = hint_key {
            ids.push(format!("h-{name}"));
            extra.push_str(&format!(
                r#"<p class="hint" id="h-{}">{}</p>"#,
                esc(name),
                esc(&self.ctx.t(key))
            ));
        }
        if let Some(message) = self.problems.of_field(name) {
            ids.push(format!("e-{name}"));
            extra.push_str(&format!(
                r#"<p class="field-error" id="e-{}"><span class="visually-hidden">{}</span>{}</p>"#,
                esc(name),
                esc(&self.ctx.t("form-error-prefix")),
                esc(message)
            ));
        }
        let mut attrs = String::new();
        if !ids.is_empty() {
            attrs.push_str(&format!(r#" aria-describedby="{}""#, esc(&ids.join(" "))));
        }
        if self.problems.has(name) {
            attrs.push_str(r#" aria-invalid="true""#);
        }
        (attrs, extra)
    }

    /// A text-like input (`kind`: text, email, password, number, date, url, search).
    pub fn input(
        &self,
        name: &str,
        label_key: &str,
        kind: &str,
        value: &str,
        autocomplete: &str,
    ) -> String {
        self.input_with(name, label_key, kind, value, autocomplete, None, false)
    }

    /// An input with a hint below its label and whether it is required.
    #[allow(clippy::too_many_arguments)]
    pub fn input_with(
        &self,
        name: &str,
        label_key: &str,
        kind: &str,
        value: &str,
        autocomplete: &str,
        hint_key: Option<&str>,
        required: bool,
    ) -> String {
        let (attrs, extra) = self.described(name, hint_key);
        let auto = if autocomplete.is_empty() {
            String::new()
        } else {
            format!(r#" autocomplete="{}""#, esc(autocomplete))
        };
        let value = if kind == "password" { "" } else { value };
        format!(
            r#"<div class="field"><label for="f-{n}">{label}</label>{extra}<input id="f-{n}" name="{n}" type="{kind}" value="{v}"{auto}{attrs}{req}></div>"#,
            n = esc(name),
            label = esc(&self.ctx.t(label_key)),
            kind = esc(kind),
            v = esc(value),
            req = if required { " required" } else { "" },
        )
    }

    /// A multi-line text (Markdown where the hint says so).
    pub fn textarea(
        &self,
        name: &str,
        label_key: &str,
        value: &str,
        rows: u32,
        hint_key: Option<&str>,
    ) -> String {
        let (attrs, extra) = self.described(name, hint_key);
        format!(
            r#"<div class="field"><label for="f-{n}">{label}</label>{extra}<textarea id="f-{n}" name="{n}" rows="{rows}"{attrs}>{v}</textarea></div>"#,
            n = esc(name),
            label = esc(&self.ctx.t(label_key)),
            v = esc(value),
        )
    }

    /// A choice among `options` (value, visible label already in the viewer's language).
    pub fn select(
        &self,
        name: &str,
        label_key: &str,
        options: &[(String, String)],
        selected: &str,
    ) -> String {
        let (attrs, extra) = self.described(name, None);
        let mut html = format!(
            r#"<div class="field"><label for="f-{n}">{label}</label>{extra}<select id="f-{n}" name="{n}"{attrs}>"#,
            n = esc(name),
            label = esc(&self.ctx.t(label_key)),
        );
        for (value, label) in options {
            html.push_str(&format!(
                r#"<option value="{}"{}>{}</option>"#,
                esc(value),
                if value == selected { " selected" } else { "" },
                esc(label)
            ));
        }
        html.push_str("</select></div>");
        html
    }

    /// A checkbox with its label after it.
    pub fn checkbox(&self, name: &str, label_key: &str, checked: bool) -> String {
        let (attrs, extra) = self.described(name, None);
        format!(
            r#"<div class="field checkbox"><input id="f-{n}" name="{n}" type="checkbox" value="on"{c}{attrs}><label for="f-{n}">{label}</label>{extra}</div>"#,
            n = esc(name),
            c = if checked { " checked" } else { "" },
            label = esc(&self.ctx.t(label_key)),
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_readable() {
        assert_eq!(
            super::slug("Économie circulaire: Turin!"),
            "economie-circulaire-turin"
        );
        assert_eq!(super::slug("  -- "), "");
    }
}
