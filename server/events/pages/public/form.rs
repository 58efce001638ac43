//! The event form, `/events/new` and `/events/{id}/edit`: times typed as local date and
//! time in a chosen timezone (the service stores UTC and keeps the zone), the registration
//! window, capacity, place, online link, themes, organization, format, and a Markdown
//! preview of the description. The service checks everything; the page only turns the
//! typed text into the request's types.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, get, post, web};
use askama::Template;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use super::{mode_label, path_of, theme_options, wants_fragment};
use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::events::dto::{CreateEventRequest, EventView, UpdateEventRequest};
use crate::events::service;
use crate::shared::vocab::{EventKind, EventMode, MemberRole};
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// The form's fields as typed (what a re-rendered form shows again).
#[derive(Debug, Default, Clone)]
struct Input {
    organization_id: String,
    title: String,
    description: String,
    kind: String,
    mode: String,
    starts_at: String,
    ends_at: String,
    timezone: String,
    registration_opens_at: String,
    registration_closes_at: String,
    capacity: String,
    location: String,
    online_url: String,
    theme_ids: Vec<String>,
    action: String,
}

const LOCAL: &str = "%Y-%m-%dT%H:%M";

fn local(at: &DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format(LOCAL).to_string()
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
                "description" => &mut i.description,
                "kind" => &mut i.kind,
                "mode" => &mut i.mode,
                "starts_at" => &mut i.starts_at,
                "ends_at" => &mut i.ends_at,
                "timezone" => &mut i.timezone,
                "registration_opens_at" => &mut i.registration_opens_at,
                "registration_closes_at" => &mut i.registration_closes_at,
                "capacity" => &mut i.capacity,
                "location" => &mut i.location,
                "online_url" => &mut i.online_url,
                "action" => &mut i.action,
                _ => continue,
            };
            *slot = v;
        }
        i
    }

    fn from_event(e: &EventView) -> Self {
        let tz = e.timezone.parse().unwrap_or(chrono_tz::UTC);
        Input {
            organization_id: e.organization_id.map(|o| o.to_string()).unwrap_or_default(),
            title: e.title.clone(),
            description: e.description.clone(),
            kind: e.kind.as_str().to_owned(),
            mode: e.mode.as_str().to_owned(),
            starts_at: local(&e.starts_at, tz),
            ends_at: local(&e.ends_at, tz),
            timezone: e.timezone.clone(),
            registration_opens_at: e
                .registration_opens_at
                .map(|t| local(&t, tz))
                .unwrap_or_default(),
            registration_closes_at: e
                .registration_closes_at
                .map(|t| local(&t, tz))
                .unwrap_or_default(),
            capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
            location: e.location.clone().unwrap_or_default(),
            online_url: e.online_url.clone().unwrap_or_default(),
            theme_ids: e.themes.iter().map(|t| t.id.to_string()).collect(),
            action: String::new(),
        }
    }
}

/// The typed values, or what the page could not read (the service checks the rest).
struct Parsed {
    kind: EventKind,
    mode: EventMode,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    opens: Option<DateTime<Utc>>,
    closes: Option<DateTime<Utc>>,
    capacity: Option<i32>,
    theme_ids: Vec<Uuid>,
    organization_id: Option<Uuid>,
}

fn parse(ctx: &PageCtx, i: &Input) -> Result<Parsed, Problems> {
    let mut p = Problems::default();
    let mut bad = |field: &str, key: &str| p.items.push((field.to_owned(), ctx.t(key)));
    // An unknown zone is the service's to report; the times are read in UTC meanwhile.
    let tz: chrono_tz::Tz = i.timezone.parse().unwrap_or(chrono_tz::UTC);
    let mut time = |field: &str, raw: &str, required: bool| -> Option<DateTime<Utc>> {
        let raw = raw.trim();
        if raw.is_empty() {
            if required {
                bad(field, "events-form-required");
            }
            return None;
        }
        let naive = NaiveDateTime::parse_from_str(raw, LOCAL)
            .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"));
        match naive
            .ok()
            .and_then(|n| tz.from_local_datetime(&n).earliest())
        {
            Some(t) => Some(t.with_timezone(&Utc)),
            None => {
                bad(field, "events-form-bad-time");
                None
            }
        }
    };
    let starts_at = time("starts_at", &i.starts_at, true);
    let ends_at = time("ends_at", &i.ends_at, true);
    let opens = time("registration_opens_at", &i.registration_opens_at, false);
    let closes = time("registration_closes_at", &i.registration_closes_at, false);
    let mut bad = |field: &str, key: &str| p.items.push((field.to_owned(), ctx.t(key)));
    let capacity = match i.capacity.trim() {
        "" => None,
        c => match c.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                bad("capacity", "events-form-bad-number");
                None
            }
        },
    };
    let kind = i.kind.parse::<EventKind>().ok();
    if kind.is_none() {
        bad("kind", "events-form-required");
    }
    let mode = i.mode.parse::<EventMode>().ok();
    if mode.is_none() {
        bad("mode", "events-form-required");
    }
    let theme_ids = i.theme_ids.iter().filter_map(|t| t.parse().ok()).collect();
    let organization_id = i.organization_id.parse().ok();
    match (kind, mode, starts_at, ends_at) {
        (Some(kind), Some(mode), Some(starts_at), Some(ends_at)) if p.is_empty() => Ok(Parsed {
            kind,
            mode,
            starts_at,
            ends_at,
            opens,
            closes,
            capacity,
            theme_ids,
            organization_id,
        }),
        _ => Err(p),
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

struct ThemeBox {
    id: String,
    name: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "events/preview.html")]
struct PreviewFragment<'a> {
    ctx: &'a PageCtx,
    preview: Option<String>,
}

#[derive(Template)]
#[template(path = "events/form.html")]
struct FormPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    i: Input,
    /// The event being edited: id and title.
    editing: Option<(Uuid, String)>,
    action: String,
    orgs: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    zones: Vec<(String, String)>,
    themes: Vec<ThemeBox>,
    preview: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    ctx: &PageCtx,
    user: &AuthUser,
    i: Input,
    editing: Option<(Uuid, String)>,
    problems: &Problems,
    preview: Option<String>,
    status: StatusCode,
) -> PageResult {
    let orgs = if editing.is_none() {
        let mine = crate::users::service::me(state, user)
            .await
            .page(ctx)?
            .memberships
            .into_iter()
            .filter(|m| matches!(m.role, MemberRole::Owner | MemberRole::Editor))
            .map(|m| (m.organization_id.to_string(), m.organization_name));
        let none = user
            .is_moderator()
            .then(|| (String::new(), ctx.t("events-form-no-organization")));
        none.into_iter().chain(mine).collect()
    } else {
        Vec::new()
    };
    let choose = || (String::new(), ctx.t("events-form-choose"));
    let kinds = std::iter::once(choose())
        .chain(EventKind::ALL.iter().map(|k| {
            (
                k.as_str().to_owned(),
                ctx.t(&format!("events-kind-{}", k.as_str().replace('_', "-"))),
            )
        }))
        .collect();
    let modes = std::iter::once(choose())
        .chain(
            EventMode::ALL
                .iter()
                .map(|m| (m.as_str().to_owned(), mode_label(ctx, *m))),
        )
        .collect();
    let zones = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|z| (z.name().to_owned(), z.name().replace('_', " ")))
        .collect();
    let themes = theme_options(state)
        .await
        .page(ctx)?
        .into_iter()
        .map(|(_, name, id)| ThemeBox {
            checked: i.theme_ids.iter().any(|x| *x == id.to_string()),
            id: id.to_string(),
            name,
        })
        .collect();
    let action = match &editing {
        Some((id, _)) => format!("/events/{id}/edit"),
        None => "/events/new".to_owned(),
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
            kinds,
            modes,
            zones,
            themes,
            preview,
        },
    ))
}

fn preview_of(i: &Input) -> Option<String> {
    (i.action == "preview").then(|| crate::markdown::to_html(&i.description))
}

#[get("/events/new")]
pub async fn new_form(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let user = viewer.require()?;
    let i = Input {
        timezone: viewer.ctx.tz.name().to_owned(),
        kind: EventKind::Workshop.as_str().to_owned(),
        ..Input::default()
    };
    form_page(
        &state,
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

#[post("/events/new")]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let i = Input::from_pairs(form.0);
    if let Some(preview) = preview_of(&i) {
        if wants_fragment(&req) {
            let preview = Some(preview);
            return Ok(ctx.ok(&PreviewFragment { ctx, preview }));
        }
        return form_page(
            &state,
            ctx,
            user,
            i,
            None,
            &Problems::default(),
            Some(preview),
            StatusCode::OK,
        )
        .await;
    }
    let problems = match parse(ctx, &i) {
        Err(p) => p,
        Ok(p) => {
            let req = CreateEventRequest {
                title: i.title.clone(),
                description: i.description.clone(),
                kind: p.kind,
                starts_at: p.starts_at,
                ends_at: p.ends_at,
                timezone: i.timezone.clone(),
                mode: p.mode,
                location: opt(&i.location),
                online_url: opt(&i.online_url),
                capacity: p.capacity,
                registration_opens_at: p.opens,
                registration_closes_at: p.closes,
                theme_ids: Some(p.theme_ids),
                organization_id: p.organization_id,
            };
            match service::create(&state, user, req).await {
                Ok(e) => {
                    return Ok(
                        ctx.see_other(&path_of(e.id, &e.title), Some("notice-events-created"))
                    );
                }
                Err(e @ AppError::Validation(_)) => Problems::of(&e, ctx).unwrap_or_default(),
                Err(e @ AppError::Forbidden(_)) => {
                    tracing::debug!(error = %e, "event form refused");
                    Problems::general("organization_id", ctx.t("events-form-not-allowed"))
                }
                Err(e) => return Err(e).page(ctx),
            }
        }
    };
    form_page(
        &state,
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

/// The event for its moderators; others get the service's answer (404 or 403).
async fn editable(
    state: &AppState,
    ctx: &PageCtx,
    user: &AuthUser,
    id: Uuid,
) -> Result<EventView, crate::web::PageError> {
    let e = service::get(state, Some(user), id).await.page(ctx)?;
    if !e.is_moderator {
        return Err(AppError::forbidden(
            "only the event's moderators may do this",
        ))
        .page(ctx);
    }
    Ok(e)
}

#[get("/events/{id}/edit")]
pub async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let e = editable(&state, ctx, user, *id).await?;
    let i = Input::from_event(&e);
    form_page(
        &state,
        ctx,
        user,
        i,
        Some((e.id, e.title.clone())),
        &Problems::default(),
        None,
        StatusCode::OK,
    )
    .await
}

#[post("/events/{id}/edit")]
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let e = editable(&state, ctx, user, *id).await?;
    let editing = Some((e.id, e.title.clone()));
    let i = Input::from_pairs(form.0);
    if let Some(preview) = preview_of(&i) {
        if wants_fragment(&req) {
            let preview = Some(preview);
            return Ok(ctx.ok(&PreviewFragment { ctx, preview }));
        }
        return form_page(
            &state,
            ctx,
            user,
            i,
            editing,
            &Problems::default(),
            Some(preview),
            StatusCode::OK,
        )
        .await;
    }
    let problems = match parse(ctx, &i) {
        Err(p) => p,
        Ok(p) => {
            let req = UpdateEventRequest {
                title: Some(i.title.clone()),
                description: Some(i.description.clone()),
                kind: Some(p.kind),
                starts_at: Some(p.starts_at).filter(|s| *s != e.starts_at),
                ends_at: Some(p.ends_at),
                timezone: Some(i.timezone.clone()),
                mode: Some(p.mode),
                location: Some(opt(&i.location)),
                online_url: Some(opt(&i.online_url)),
                capacity: Some(p.capacity),
                registration_opens_at: Some(p.opens),
                registration_closes_at: Some(p.closes),
                theme_ids: Some(p.theme_ids),
            };
            match service::update(&state, user, *id, req).await {
                Ok(e) => {
                    return Ok(ctx.see_other(&path_of(e.id, &e.title), Some("notice-events-saved")));
                }
                Err(e @ AppError::Validation(_)) => Problems::of(&e, ctx).unwrap_or_default(),
                Err(e) => return Err(e).page(ctx),
            }
        }
    };
    form_page(
        &state,
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

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(new_form)
        .service(create)
        .service(edit_form)
        .service(update);
}
