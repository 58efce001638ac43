//! Writing a practice up: `/practices/new` and `/practices/{id}/edit` with every field, a
//! Markdown preview (a submit button, or in place with htmx), and the draft → publish →
//! archive buttons. The form becomes the same JSON object the API takes, so the service
//! validates it once; lists are one item a line, an indicator is `name | unit | baseline |
//! value | year` and a link is `address title`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, get, post, web};
use askama::Template;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::record::record;
use super::themes::ThemeNames;
use super::{path_of, shift_headings, wants_fragment};
use crate::auth::AuthUser;
use crate::auth::pages::{EmptyForm, Viewer};
use crate::error::AppError;
use crate::markdown::to_html;
use crate::practices::cache::PracticeCache;
use crate::practices::dto::{JsonObject, PracticeContent};
use crate::practices::service::{self, Transition};
use crate::shared::vocab::{ImplementationStatus, MemberRole};
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Languages offered in the form (a write-up in another one keeps its own).
const LANGUAGES: &[&str] = &[
    "en", "es", "fr", "de", "it", "pt", "nl", "pl", "ca", "el", "sv", "da", "fi", "cs", "hu", "ro",
];

/// The form's fields as typed (what a re-rendered form shows again).
#[derive(Debug, Default, Clone)]
struct Input {
    organization_id: String,
    title: String,
    summary: String,
    body: String,
    theme_ids: Vec<String>,
    tags: String,
    language: String,
    implementation_status: String,
    start_date: String,
    end_date: String,
    budget_amount: String,
    budget_currency: String,
    funding_sources: String,
    results: String,
    lessons_learned: String,
    transferability: String,
    stakeholders_involved: String,
    location_lat: String,
    location_lon: String,
    location_place: String,
    indicators: String,
    links: String,
    contact_name: String,
    contact_email: String,
    contact_role: String,
    action: String,
}

impl Input {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut i = Input::default();
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "theme_ids" => {
                    i.theme_ids.push(v);
                    continue;
                }
                "organization_id" => &mut i.organization_id,
                "title" => &mut i.title,
                "summary" => &mut i.summary,
                "body" => &mut i.body,
                "tags" => &mut i.tags,
                "language" => &mut i.language,
                "implementation_status" => &mut i.implementation_status,
                "start_date" => &mut i.start_date,
                "end_date" => &mut i.end_date,
                "budget_amount" => &mut i.budget_amount,
                "budget_currency" => &mut i.budget_currency,
                "funding_sources" => &mut i.funding_sources,
                "results" => &mut i.results,
                "lessons_learned" => &mut i.lessons_learned,
                "transferability" => &mut i.transferability,
                "stakeholders_involved" => &mut i.stakeholders_involved,
                "location_lat" => &mut i.location_lat,
                "location_lon" => &mut i.location_lon,
                "location_place" => &mut i.location_place,
                "indicators" => &mut i.indicators,
                "links" => &mut i.links,
                "contact_name" => &mut i.contact_name,
                "contact_email" => &mut i.contact_email,
                "contact_role" => &mut i.contact_role,
                "action" => &mut i.action,
                _ => continue,
            };
            *slot = v;
        }
        i
    }

    fn from_content(c: &PracticeContent) -> Self {
        let num = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                v.to_string()
            }
        };
        Input {
            title: c.title.clone(),
            summary: c.summary.clone(),
            body: c.body.clone(),
            theme_ids: c.theme_ids.iter().map(Uuid::to_string).collect(),
            tags: c.tags.join(", "),
            language: c.language.clone(),
            implementation_status: c.implementation_status.as_str().to_owned(),
            start_date: c.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end_date: c.end_date.map(|d| d.to_string()).unwrap_or_default(),
            budget_amount: c.budget.as_ref().map(|b| num(b.amount)).unwrap_or_default(),
            budget_currency: c
                .budget
                .as_ref()
                .map(|b| b.currency.clone())
                .unwrap_or_default(),
            funding_sources: c.funding_sources.join("\n"),
            results: c.results.clone().unwrap_or_default(),
            lessons_learned: c.lessons_learned.clone().unwrap_or_default(),
            transferability: c.transferability.clone().unwrap_or_default(),
            stakeholders_involved: c.stakeholders_involved.join("\n"),
            location_lat: c
                .location
                .as_ref()
                .map(|l| l.lat.to_string())
                .unwrap_or_default(),
            location_lon: c
                .location
                .as_ref()
                .map(|l| l.lon.to_string())
                .unwrap_or_default(),
            location_place: c
                .location
                .as_ref()
                .and_then(|l| l.place.clone())
                .unwrap_or_default(),
            indicators: c
                .indicators
                .iter()
                .map(|i| {
                    format!(
                        "{} | {} | {} | {} | {}",
                        i.name,
                        i.unit,
                        i.baseline.map(num).unwrap_or_default(),
                        num(i.value),
                        i.year
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            links: c
                .links
                .iter()
                .map(|l| match &l.title {
                    Some(t) => format!("{} {t}", l.url),
                    None => l.url.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            contact_name: c
                .contact
                .as_ref()
                .and_then(|x| x.name.clone())
                .unwrap_or_default(),
            contact_email: c
                .contact
                .as_ref()
                .and_then(|x| x.email.clone())
                .unwrap_or_default(),
            contact_role: c
                .contact
                .as_ref()
                .and_then(|x| x.role.clone())
                .unwrap_or_default(),
            ..Input::default()
        }
    }

    /// The API's JSON object for these fields; what cannot be read as typed (a number, a
    /// date, an indicator line) is a problem of the form, in the viewer's language.
    fn to_json(&self, ctx: &PageCtx) -> (Map<String, Value>, Problems) {
        let mut p = Problems::default();
        let mut bad = |field: &str, key: &str| p.items.push((field.to_owned(), ctx.t(key)));
        let opt = |s: &str| {
            let s = s.trim();
            if s.is_empty() {
                Value::Null
            } else {
                Value::String(s.to_owned())
            }
        };
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let number = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
        let mut o = Map::new();
        o.insert("title".into(), json!(self.title));
        o.insert("summary".into(), json!(self.summary));
        o.insert("body".into(), json!(self.body));
        o.insert("theme_ids".into(), json!(self.theme_ids));
        let tags: Vec<&str> = self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        o.insert("tags".into(), json!(tags));
        if !self.language.trim().is_empty() {
            o.insert("language".into(), json!(self.language.trim()));
        }
        if !self.implementation_status.is_empty() {
            match self.implementation_status.parse::<ImplementationStatus>() {
                Ok(s) => {
                    o.insert("implementation_status".into(), json!(s));
                }
                Err(_) => bad("implementation_status", "prac-form-choose-status"),
            }
        }
        for (field, raw) in [
            ("start_date", &self.start_date),
            ("end_date", &self.end_date),
        ] {
            let raw = raw.trim();
            if raw.is_empty() {
                o.insert(field.into(), Value::Null);
            } else if raw.parse::<chrono::NaiveDate>().is_ok() {
                o.insert(field.into(), json!(raw));
            } else {
                bad(field, "prac-form-bad-date");
            }
        }
        if self.budget_amount.trim().is_empty() && self.budget_currency.trim().is_empty() {
            o.insert("budget".into(), Value::Null);
        } else {
            match number(&self.budget_amount) {
                Some(a) => {
                    o.insert(
                        "budget".into(),
                        json!({"amount": a, "currency": self.budget_currency.trim()}),
                    );
                }
                None => bad("budget_amount", "prac-form-bad-number"),
            }
        }
        o.insert(
            "funding_sources".into(),
            json!(lines(&self.funding_sources)),
        );
        o.insert(
            "stakeholders_involved".into(),
            json!(lines(&self.stakeholders_involved)),
        );
        o.insert("results".into(), opt(&self.results));
        o.insert("lessons_learned".into(), opt(&self.lessons_learned));
        o.insert("transferability".into(), opt(&self.transferability));
        let (lat, lon) = (self.location_lat.trim(), self.location_lon.trim());
        if lat.is_empty() && lon.is_empty() && self.location_place.trim().is_empty() {
            o.insert("location".into(), Value::Null);
        } else {
            match (number(lat), number(lon)) {
                (Some(lat), Some(lon)) => {
                    o.insert(
                        "location".into(),
                        json!({"lat": lat, "lon": lon, "place": opt(&self.location_place)}),
                    );
                }
                (None, _) => bad("location_lat", "prac-form-bad-number"),
                (_, None) => bad("location_lon", "prac-form-bad-number"),
            }
        }
        let mut indicators = Vec::new();
        for line in lines(&self.indicators) {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let read = || -> Option<Value> {
                let [name, unit, baseline, value, year] = parts.as_slice() else {
                    return None;
                };
                let baseline = if baseline.is_empty() {
                    Value::Null
                } else {
                    json!(number(baseline)?)
                };
                Some(json!({
                    "name": name, "unit": unit, "baseline": baseline,
                    "value": number(value)?, "year": year.parse::<i32>().ok()?,
                }))
            };
            match read() {
                Some(v) => indicators.push(v),
                None => {
                    bad("indicators", "prac-form-bad-indicator");
                    break;
                }
            }
        }
        o.insert("indicators".into(), Value::Array(indicators));
        let links: Vec<Value> = lines(&self.links)
            .iter()
            .map(|l| match l.split_once(char::is_whitespace) {
                Some((url, title)) => json!({"url": url, "title": opt(title)}),
                None => json!({"url": l, "title": null}),
            })
            .collect();
        o.insert("links".into(), Value::Array(links));
        let contact = [&self.contact_name, &self.contact_email, &self.contact_role];
        if contact.iter().all(|c| c.trim().is_empty()) {
            o.insert("contact".into(), Value::Null);
        } else {
            o.insert(
                "contact".into(),
                json!({
                    "name": opt(&self.contact_name),
                    "email": opt(&self.contact_email),
                    "role": opt(&self.contact_role),
                }),
            );
        }
        (o, p)
    }
}

/// The service names nested fields (`budget.amount`, `links[2].url`); the form has one
/// control for each of those groups.
fn form_field(service_field: &str) -> String {
    let head = service_field
        .split(['[', '.'])
        .next()
        .unwrap_or(service_field);
    match head {
        "budget" | "location" | "contact" => service_field
            .split('[')
            .next()
            .unwrap_or(head)
            .replace('.', "_"),
        other => other.to_owned(),
    }
}

fn problems_of(err: &AppError, ctx: &PageCtx) -> Option<Problems> {
    let mut p = Problems::of(err, ctx)?;
    for (field, _) in &mut p.items {
        *field = form_field(field);
    }
    Some(p)
}

struct ThemeBox {
    id: String,
    name: String,
    checked: bool,
}

struct Preview {
    body: String,
    results: Option<String>,
    lessons: Option<String>,
    transferability: Option<String>,
}

fn preview(i: &Input) -> Preview {
    let md = |s: &str| (!s.trim().is_empty()).then(|| shift_headings(&shift_headings(&to_html(s))));
    Preview {
        body: shift_headings(&shift_headings(&to_html(&i.body))),
        results: md(&i.results),
        lessons: md(&i.lessons_learned),
        transferability: md(&i.transferability),
    }
}

#[derive(Template)]
#[template(path = "practices/form.html")]
struct FormPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    i: Input,
    /// `None` for a new write-up.
    editing: Option<(Uuid, String)>,
    action: String,
    orgs: Vec<(String, String)>,
    themes: Vec<ThemeBox>,
    languages: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    preview: Option<Preview>,
}

#[derive(Template)]
#[template(path = "practices/preview.html")]
struct PreviewFragment<'a> {
    ctx: &'a PageCtx,
    preview: Option<Preview>,
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    themes: &ThemeNames,
    ctx: &PageCtx,
    user: &AuthUser,
    i: Input,
    editing: Option<(Uuid, String)>,
    problems: &Problems,
    preview: Option<Preview>,
    status: StatusCode,
) -> PageResult {
    let all = themes.all(state, &[]).await.page(ctx)?;
    let orgs = if editing.is_none() {
        crate::users::service::me(state, user)
            .await
            .page(ctx)?
            .memberships
            .into_iter()
            .filter(|m| matches!(m.role, MemberRole::Owner | MemberRole::Editor))
            .map(|m| (m.organization_id.to_string(), m.organization_name))
            .collect()
    } else {
        Vec::new()
    };
    let mut languages: Vec<(String, String)> =
        std::iter::once((String::new(), ctx.t("prac-form-choose")))
            .chain(
                LANGUAGES
                    .iter()
                    .map(|c| ((*c).to_owned(), super::catalogue::language_label(ctx, c))),
            )
            .collect();
    if !i.language.is_empty() && !languages.iter().any(|(c, _)| *c == i.language) {
        languages.push((
            i.language.clone(),
            super::catalogue::language_label(ctx, &i.language),
        ));
    }
    let statuses = std::iter::once((String::new(), ctx.t("prac-form-choose")))
        .chain(ImplementationStatus::ALL.iter().map(|s| {
            (
                s.as_str().to_owned(),
                ctx.t(&format!("prac-status-{}", s.as_str())),
            )
        }))
        .collect();
    let themes = all
        .iter()
        .map(|t| ThemeBox {
            id: t.id.to_string(),
            name: t.name.clone(),
            checked: i.theme_ids.iter().any(|x| *x == t.id.to_string()),
        })
        .collect();
    let action = match &editing {
        Some((id, _)) => format!("/practices/{id}/edit"),
        None => "/practices/new".to_owned(),
    };
    Ok(ctx.render(
        status,
        &FormPage {
            ctx,
            f: Fields::new(ctx, problems),
            i,
            editing,
            action,
            orgs,
            themes,
            languages,
            statuses,
            preview,
        },
    ))
}

#[get("/practices/new")]
pub async fn new_form(
    state: web::Data<AppState>,
    themes: web::Data<ThemeNames>,
    viewer: Viewer,
) -> PageResult {
    let user = viewer.require()?;
    let i = Input {
        language: viewer.ctx.lang.code().to_owned(),
        ..Input::default()
    };
    form_page(
        &state,
        &themes,
        &viewer.ctx,
        user,
        i,
        None,
        &Problems::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// A preview, or the form again with its problems; `None` when the input is to be saved.
#[allow(clippy::too_many_arguments)]
async fn preview_or_problems(
    req: &HttpRequest,
    state: &AppState,
    themes: &ThemeNames,
    ctx: &PageCtx,
    user: &AuthUser,
    i: &Input,
    editing: &Option<(Uuid, String)>,
) -> Option<PageResult> {
    if i.action != "preview" {
        return None;
    }
    if wants_fragment(req) {
        return Some(Ok(ctx.ok(&PreviewFragment {
            ctx,
            preview: Some(preview(i)),
        })));
    }
    Some(
        form_page(
            state,
            themes,
            ctx,
            user,
            i.clone(),
            editing.clone(),
            &Problems::default(),
            Some(preview(i)),
            StatusCode::OK,
        )
        .await,
    )
}

#[post("/practices/new")]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    themes: web::Data<ThemeNames>,
    viewer: Viewer,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let i = Input::from_pairs(form.0);
    if let Some(res) = preview_or_problems(&req, &state, &themes, ctx, user, &i, &None).await {
        return res;
    }
    let (mut object, mut problems) = i.to_json(ctx);
    if i.organization_id.is_empty() {
        problems.items.insert(
            0,
            (
                "organization_id".into(),
                ctx.t("prac-form-choose-organization"),
            ),
        );
    } else {
        object.insert("organization_id".into(), json!(i.organization_id));
    }
    if problems.is_empty() {
        match service::create(&state, user, JsonObject(object)).await {
            Ok(p) => {
                return Ok(ctx.see_other(
                    &path_of(p.id, &p.content.title),
                    Some("notice-prac-created"),
                ));
            }
            Err(e) => match problems_of(&e, ctx) {
                Some(p) => problems = p,
                None => return Err(e).page(ctx),
            },
        }
    }
    form_page(
        &state,
        &themes,
        ctx,
        user,
        i,
        None,
        &problems,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The write-up for its editors; others get the service's answer (404 or 403).
async fn editable_record(
    state: &AppState,
    cache: &PracticeCache,
    ctx: &PageCtx,
    user: &AuthUser,
    id: Uuid,
) -> Result<crate::practices::dto::PracticeView, crate::web::PageError> {
    let p = record(state, cache, Some(user), id).await.page(ctx)?;
    let mut conn = state.conn().await.page(ctx)?;
    let (_, can_edit) = service::access_of(&mut conn, id, Some(user))
        .await
        .page(ctx)?;
    if !can_edit {
        return Err(AppError::forbidden(
            "only owners and editors of the practice's organization may change it",
        ))
        .page(ctx);
    }
    Ok(p)
}

#[get("/practices/{id}/edit")]
pub async fn edit_form(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    themes: web::Data<ThemeNames>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let p = editable_record(&state, &cache, ctx, user, *id).await?;
    let i = Input::from_content(&p.content);
    form_page(
        &state,
        &themes,
        ctx,
        user,
        i,
        Some((p.id, p.content.title.clone())),
        &Problems::default(),
        None,
        StatusCode::OK,
    )
    .await
}

#[post("/practices/{id}/edit")]
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    themes: web::Data<ThemeNames>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let p = editable_record(&state, &cache, ctx, user, *id).await?;
    let editing = Some((p.id, p.content.title.clone()));
    let i = Input::from_pairs(form.0);
    if let Some(res) = preview_or_problems(&req, &state, &themes, ctx, user, &i, &editing).await {
        return res;
    }
    let (object, mut problems) = i.to_json(ctx);
    if problems.is_empty() {
        match service::update(&state, user, *id, JsonObject(object)).await {
            Ok(p) => {
                return Ok(
                    ctx.see_other(&path_of(p.id, &p.content.title), Some("notice-prac-saved"))
                );
            }
            Err(e) => match problems_of(&e, ctx) {
                Some(p) => problems = p,
                None => return Err(e).page(ctx),
            },
        }
    }
    form_page(
        &state,
        &themes,
        ctx,
        user,
        i,
        editing,
        &problems,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn move_to(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    t: Transition,
    notice: &'static str,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let p = service::transition(state, user, id, t).await.page(ctx)?;
    Ok(ctx.see_other(&path_of(p.id, &p.content.title), Some(notice)))
}

#[post("/practices/{id}/publish")]
pub async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    move_to(
        &state,
        &viewer,
        *id,
        Transition::Publish,
        "notice-prac-published",
    )
    .await
}

#[post("/practices/{id}/archive")]
pub async fn archive(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    move_to(
        &state,
        &viewer,
        *id,
        Transition::Archive,
        "notice-prac-archived",
    )
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn nested_fields_land_on_their_control() {
        assert_eq!(super::form_field("budget.amount"), "budget_amount");
        assert_eq!(super::form_field("links[2].url"), "links");
        assert_eq!(super::form_field("indicators[0].year"), "indicators");
        assert_eq!(super::form_field("contact.email"), "contact_email");
        assert_eq!(super::form_field("tags[1]"), "tags");
        assert_eq!(super::form_field("title"), "title");
    }
}
