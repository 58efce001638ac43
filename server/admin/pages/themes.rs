//! Themes: their names and descriptions in every language of the pages (admins edit).

use actix_web::http::StatusCode;
use actix_web::{get, post, web};
use askama::Template;
use serde::Deserialize;

use super::staff;
use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::pagination::PageParams;
use crate::practices::pages::themes::ThemeNames;
use crate::state::AppState;
use crate::themes::dto::{ThemeTextRequest, ThemeView};
use crate::themes::service::{self, LANGS};
use crate::web::forms::Fields;
use crate::web::i18n::Lang;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Every theme (a few dozen at most), in slug order.
async fn all(state: &AppState) -> Result<Vec<ThemeView>, AppError> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let page = PageParams {
            limit: Some(100),
            cursor,
        }
        .parse()?;
        let page = service::list(state, page).await?;
        out.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return Ok(out),
        }
    }
}

fn language_name(code: &str) -> &'static str {
    Lang::parse(code).map_or("", Lang::native_name)
}

pub struct ThemeRow {
    pub view: ThemeView,
    pub name_here: String,
    pub languages: String,
}

#[derive(Template)]
#[template(path = "admin/themes.html")]
struct ThemesPage<'a> {
    ctx: &'a PageCtx,
    themes: Vec<ThemeRow>,
}

#[get("/admin/themes")]
pub async fn list(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    staff(&viewer)?;
    let ctx = &viewer.ctx;
    let themes = all(&state)
        .await
        .page(ctx)?
        .into_iter()
        .map(|t| ThemeRow {
            name_here: t.name_in(ctx.lang.code()).to_owned(),
            languages: std::iter::once("en")
                .chain(t.translations.keys().map(String::as_str))
                .map(language_name)
                .collect::<Vec<_>>()
                .join(", "),
            view: t,
        })
        .collect();
    Ok(ctx.ok(&ThemesPage { ctx, themes }))
}

/// One language's form: its fields are named `name_<lang>` and `description_<lang>` so
/// that the five forms of the page keep distinct ids.
pub struct LangForm<'a> {
    pub code: &'static str,
    pub language: &'static str,
    pub name: String,
    pub description: String,
    pub f: Fields<'a>,
    pub name_field: String,
    pub description_field: String,
}

#[derive(Template)]
#[template(path = "admin/theme_edit.html")]
struct ThemeEditPage<'a> {
    ctx: &'a PageCtx,
    theme: &'a ThemeView,
    forms: Vec<LangForm<'a>>,
    may_edit: bool,
}

fn render_edit(
    ctx: &PageCtx,
    caller: &AuthUser,
    status: StatusCode,
    theme: &ThemeView,
    failed: Option<(&str, &ThemeTextForm, &Problems)>,
) -> actix_web::HttpResponse {
    let none = Problems::default();
    let forms = LANGS
        .iter()
        .map(|code| {
            let (name, description) = match *code {
                "en" => (theme.name.clone(), theme.description.clone()),
                _ => theme
                    .translations
                    .get(*code)
                    .map(|t| (t.name.clone(), t.description.clone()))
                    .unwrap_or_default(),
            };
            let (name, description, problems) = match failed {
                Some((lang, form, problems)) if lang == *code => {
                    (form.name.clone(), form.description.clone(), problems)
                }
                _ => (name, description, &none),
            };
            LangForm {
                code,
                language: language_name(code),
                name,
                description,
                f: Fields::new(ctx, problems),
                name_field: format!("name_{code}"),
                description_field: format!("description_{code}"),
            }
        })
        .collect();
    ctx.render(
        status,
        &ThemeEditPage {
            ctx,
            theme,
            forms,
            may_edit: caller.is_admin(),
        },
    )
}

#[get("/admin/themes/{slug}")]
pub async fn edit(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let theme = service::get(&state, &slug).await.page(ctx)?;
    Ok(render_edit(ctx, caller, StatusCode::OK, &theme, None))
}

#[derive(Debug, Default, Deserialize)]
pub struct ThemeTextForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
}

#[post("/admin/themes/{slug}/{lang}")]
pub async fn save(
    state: web::Data<AppState>,
    names: web::Data<ThemeNames>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    form: Form<std::collections::HashMap<String, String>>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let (slug, lang) = path.into_inner();
    let mut fields = form.0;
    let form = ThemeTextForm {
        name: fields.remove(&format!("name_{lang}")).unwrap_or_default(),
        description: fields
            .remove(&format!("description_{lang}"))
            .unwrap_or_default(),
    };
    let result = service::set_text(
        &state,
        caller,
        &slug,
        &lang,
        ThemeTextRequest {
            name: form.name.clone(),
            description: form.description.clone(),
        },
    )
    .await;
    match result {
        Ok(_) => {
            names.forget();
            Ok(ctx.see_other(
                &format!("/admin/themes/{slug}"),
                Some("notice-admin-theme-saved"),
            ))
        }
        Err(e @ AppError::Validation(_)) => {
            let mut problems = Problems::of(&e, ctx).unwrap_or_default();
            for (field, _) in &mut problems.items {
                *field = format!("{field}_{lang}");
            }
            let theme = service::get(&state, &slug).await.page(ctx)?;
            Ok(render_edit(
                ctx,
                caller,
                StatusCode::UNPROCESSABLE_ENTITY,
                &theme,
                Some((&lang, &form, &problems)),
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}
