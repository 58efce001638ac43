//! An event's page, `/events/{id}-{slug}`: what, when, where, who organizes it, agenda,
//! minutes; registering and cancelling; for its moderators, the way to every tool and the
//! lifecycle buttons (publish, start, end, cancel with a reason).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{id_of, mode_label, organizers, path_of, place_of, status_label, when_of};
use crate::auth::pages::{EmptyForm, Viewer};
use crate::error::AppError;
use crate::events::dto::EventView;
use crate::events::service::{self, Transition};
use crate::shared::vocab::{EventStatus, RegistrationStatus};
use crate::state::AppState;
use crate::web::forms::{Fields, translate};
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

struct AgendaRow {
    when: String,
    iso: String,
    title: String,
    speaker: Option<String>,
    description: Option<String>,
}

#[derive(Template)]
#[template(path = "events/show.html")]
struct ShowPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    e: EventView,
    path: String,
    description: String,
    body: String,
    status: String,
    kind: String,
    format: String,
    when: String,
    own_time: Option<String>,
    place: String,
    seats: Option<String>,
    /// When registering opens and closes, when the event sets either.
    window: Option<String>,
    organizer: Option<(String, String)>,
    themes: Vec<(String, String)>,
    agenda: Vec<AgendaRow>,
    minutes: Option<String>,
    /// The minutes shown are not published: only a moderator of the event sees them.
    minutes_unpublished: bool,
    /// What the viewer's registration is, in words.
    mine: Option<String>,
    /// A registration that is not cancelled: the viewer can give it up.
    registered: bool,
    /// Why registering is not possible now (for those not registered).
    closed_reason: Option<String>,
    can_enter_room: bool,
    live: bool,
    over: bool,
    indexable: bool,
    /// Messages of a refused action (409, 422), shown at the top.
    alerts: Vec<String>,
    reason: String,
}

/// Markdown headings one level down, below the page's own `h1` and `h2`s.
fn shift_headings(html: &str) -> String {
    let mut out = html.to_owned();
    for n in (1..=4).rev() {
        out = out
            .replace(&format!("<h{n}>"), &format!("<h{}>", n + 2))
            .replace(&format!("<h{n} "), &format!("<h{} ", n + 2))
            .replace(&format!("</h{n}>"), &format!("</h{}>", n + 2));
    }
    out
}

/// The first words of the description, for search engines and link previews.
fn summary_of(markdown: &str) -> String {
    let plain: String = markdown
        .chars()
        .filter(|c| !matches!(c, '#' | '*' | '_' | '`' | '>' | '[' | ']'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if plain.chars().count() > 160 {
        let cut: String = plain.chars().take(157).collect();
        format!("{cut}…")
    } else {
        plain
    }
}

/// A refused action in the viewer's words: conflicts by their code, 422s by message.
fn alerts_of(ctx: &PageCtx, err: &AppError) -> Option<Vec<String>> {
    match err {
        AppError::Conflict { code, message, .. } => {
            let key = format!("events-conflict-{}", code.replace('_', "-"));
            Some(vec![if ctx.lang.has(&key) {
                ctx.t(&key)
            } else {
                translate(ctx, message)
            }])
        }
        AppError::Validation(_) => Problems::of(err, ctx).map(|p| {
            p.items
                .into_iter()
                .map(|(field, m)| {
                    let key = format!("events-field-{}", field.replace('_', "-"));
                    if ctx.lang.has(&key) {
                        format!("{}: {m}", ctx.t(&key))
                    } else {
                        m
                    }
                })
                .collect()
        }),
        _ => None,
    }
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    e: EventView,
    problems: &Problems,
    alerts: Vec<String>,
    reason: String,
    status: StatusCode,
) -> PageResult {
    let ctx = &viewer.ctx;
    let orgs = organizers(state, std::slice::from_ref(&e))
        .await
        .page(ctx)?;
    let (when, own_time) = when_of(ctx, &e);
    let my = e
        .my_registration
        .as_ref()
        .filter(|r| r.status != RegistrationStatus::Cancelled);
    let registered = my.is_some();
    let seated = my.is_some_and(|r| r.status == RegistrationStatus::Registered);
    let takes_registrations = matches!(e.status, EventStatus::Published | EventStatus::Live);
    let closed_reason = if registered || e.registration_open || !takes_registrations {
        None
    } else if let Some(o) = e.registration_opens_at.filter(|o| *o > chrono::Utc::now()) {
        Some(ctx.t1("events-registration-opens", "when", ctx.when(&o)))
    } else {
        Some(ctx.t("events-registration-closed"))
    };
    let live = e.status == EventStatus::Live;
    let can_enter_room = (live && (seated || e.is_moderator))
        || (e.is_moderator && matches!(e.status, EventStatus::Draft | EventStatus::Published));
    let page = ShowPage {
        ctx,
        f: Fields::new(ctx, problems),
        path: path_of(e.id, &e.title),
        description: summary_of(&e.description),
        body: shift_headings(&e.description_html),
        status: status_label(ctx, e.status),
        kind: ctx.t(&format!(
            "events-kind-{}",
            e.kind.as_str().replace('_', "-")
        )),
        format: mode_label(ctx, e.mode),
        when,
        own_time,
        place: place_of(ctx, &e),
        seats: match (e.seats_left, e.capacity) {
            (Some(left), Some(cap)) => Some(ctx.t2(
                "events-seats-of",
                ("left", left),
                ("capacity", i64::from(cap)),
            )),
            _ => None,
        },
        window: match (e.registration_opens_at, e.registration_closes_at) {
            (Some(o), Some(c)) => Some(ctx.t2(
                "events-window-both",
                ("opens", ctx.when(&o)),
                ("closes", ctx.when(&c)),
            )),
            (Some(o), None) => Some(ctx.t1("events-window-opens", "opens", ctx.when(&o))),
            (None, Some(c)) => Some(ctx.t1("events-window-closes", "closes", ctx.when(&c))),
            (None, None) => None,
        },
        organizer: e.organization_id.and_then(|o| orgs.get(&o).cloned()),
        themes: e
            .themes
            .iter()
            .map(|t| (format!("/events?theme={}", t.slug), t.name.clone()))
            .collect(),
        agenda: e
            .agenda
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|a| AgendaRow {
                when: ctx.when(&a.starts_at),
                iso: ctx.iso(&a.starts_at),
                title: a.title.clone(),
                speaker: a.speaker.clone(),
                description: a.description.clone(),
            })
            .collect(),
        minutes: e
            .minutes
            .as_ref()
            .and_then(|m| m.as_ref())
            .map(|m| shift_headings(&m.html)),
        minutes_unpublished: e
            .minutes
            .as_ref()
            .and_then(|m| m.as_ref())
            .is_some_and(|m| m.published_at.is_none()),
        mine: super::my_status(ctx, &e),
        registered,
        closed_reason,
        can_enter_room,
        live,
        over: e.status.is_over(),
        indexable: e.status != EventStatus::Draft,
        alerts,
        reason,
        e,
    };
    Ok(ctx.render(status, &page))
}

#[get("/events/{key}")]
pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    key: web::Path<String>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let (id, slug) = id_of(&key).page(ctx)?;
    let e = service::get(&state, viewer.user.as_ref(), id)
        .await
        .page(ctx)?;
    let path = path_of(e.id, &e.title);
    if path
        != format!(
            "/events/{id}{}",
            if slug.is_empty() {
                String::new()
            } else {
                format!("-{slug}")
            }
        )
    {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, path))
            .finish());
    }
    render(
        &state,
        &viewer,
        e,
        &Problems::default(),
        Vec::new(),
        String::new(),
        StatusCode::OK,
    )
    .await
}

/// After an action the service refused: the page again with why, or the error page.
async fn refused(state: &AppState, viewer: &Viewer, id: Uuid, err: AppError) -> PageResult {
    let ctx = &viewer.ctx;
    let Some(alerts) = alerts_of(ctx, &err) else {
        return Err(err).page(ctx);
    };
    let e = service::get(state, viewer.user.as_ref(), id)
        .await
        .page(ctx)?;
    render(
        state,
        viewer,
        e,
        &Problems::default(),
        alerts,
        String::new(),
        err.status_code(),
    )
    .await
}

#[post("/events/{id}/register")]
pub async fn register(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    match service::register(&state, user, *id).await {
        Ok(r) => {
            let e = service::get(&state, Some(user), *id).await.page(ctx)?;
            let notice = if r.status == RegistrationStatus::Registered {
                "notice-events-registered"
            } else {
                "notice-events-waitlisted"
            };
            Ok(ctx.see_other(&path_of(e.id, &e.title), Some(notice)))
        }
        Err(err) => refused(&state, &viewer, *id, err).await,
    }
}

#[post("/events/{id}/unregister")]
pub async fn unregister(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    match service::unregister(&state, user, *id).await {
        Ok(()) => {
            let e = service::get(&state, Some(user), *id).await.page(ctx)?;
            Ok(ctx.see_other(&path_of(e.id, &e.title), Some("notice-events-unregistered")))
        }
        Err(err) => refused(&state, &viewer, *id, err).await,
    }
}

async fn move_to(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    to: Transition,
    notice: &'static str,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    match service::transition(state, user, id, to, None).await {
        Ok(e) => Ok(ctx.see_other(&path_of(e.id, &e.title), Some(notice))),
        Err(err) => refused(state, viewer, id, err).await,
    }
}

#[post("/events/{id}/publish")]
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
        "notice-events-published",
    )
    .await
}

#[post("/events/{id}/start")]
pub async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    move_to(
        &state,
        &viewer,
        *id,
        Transition::Start,
        "notice-events-started",
    )
    .await
}

#[post("/events/{id}/end")]
pub async fn end(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    _f: Form<EmptyForm>,
) -> PageResult {
    move_to(&state, &viewer, *id, Transition::End, "notice-events-ended").await
}

#[derive(Debug, Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
}

#[post("/events/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<CancelForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let reason = form.0.reason;
    match service::transition(&state, user, *id, Transition::Cancel, Some(reason.clone())).await {
        Ok(e) => Ok(ctx.see_other(&path_of(e.id, &e.title), Some("notice-events-cancelled"))),
        Err(err @ AppError::Validation(_)) => {
            let problems = Problems::of(&err, ctx).unwrap_or_default();
            let e = service::get(&state, Some(user), *id).await.page(ctx)?;
            render(
                &state,
                &viewer,
                e,
                &problems,
                Vec::new(),
                reason,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(err) => refused(&state, &viewer, *id, err).await,
    }
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(register)
        .service(unregister)
        .service(publish)
        .service(start)
        .service(end)
        .service(cancel)
        .service(show);
}
