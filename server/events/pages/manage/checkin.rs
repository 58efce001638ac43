//! The check-in screen at the door: the seated registrants as big rows, one form each to
//! mark them attended (or undo it). Without JavaScript each tap is a POST and a redirect;
//! `checkin.js` sends the same form with `fetch`, at once and again until it is stored.
//! Attendance is a state, not a count: sending it twice stores it once.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{Head, moderated};
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::events::service;
use crate::shared::vocab::RegistrationStatus;
use crate::state::AppState;
use crate::web::{Form, OrPage, PageCtx, PageResult};

#[derive(Debug, Default, Deserialize)]
pub struct ScreenQuery {
    q: Option<String>,
}

pub struct Person {
    pub user_id: Uuid,
    pub name: String,
    /// Lowercase, for the search as you type.
    pub key: String,
    pub email: String,
    pub attended: bool,
    pub hidden: bool,
}

#[derive(Template)]
#[template(path = "events/manage/checkin.html")]
struct Screen<'a> {
    ctx: &'a PageCtx,
    head: Head,
    people: Vec<Person>,
    q: String,
    progress: String,
    /// Templates of the texts `checkin.js` writes (`__N__`, `__T__` are replaced).
    progress_template: String,
    waiting_template: String,
    /// The same text for one change (the catalogue's plural rules cannot run on `__N__`).
    waiting_one: String,
}

#[get("/events/{id}/check-in")]
pub async fn screen(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    query: web::Query<ScreenQuery>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/check-in").await?;
    let ctx = &viewer.ctx;
    let q = query.into_inner().q.unwrap_or_default().trim().to_owned();
    let needle = q.to_lowercase();
    let list = service::registrants(&state, user, *id).await.page(ctx)?;
    let mut people: Vec<Person> = list
        .items
        .into_iter()
        .filter(|r| r.status == RegistrationStatus::Registered)
        .map(|r| {
            let key = r.display_name.to_lowercase();
            Person {
                user_id: r.user_id,
                hidden: !needle.is_empty() && !key.contains(&needle),
                key,
                name: r.display_name,
                email: r.email,
                attended: r.attended == Some(true),
            }
        })
        .collect();
    people.sort_by(|a, b| a.key.cmp(&b.key));
    let attended = people.iter().filter(|p| p.attended).count() as i64;
    let total = people.len() as i64;
    Ok(ctx.ok(&Screen {
        ctx,
        progress: ctx.t2("evm-checkin-progress", ("n", attended), ("total", total)),
        progress_template: ctx.t2("evm-checkin-progress", ("n", "__N__"), ("total", "__T__")),
        waiting_template: ctx.t1("evm-checkin-waiting", "n", "__N__"),
        waiting_one: ctx.t1("evm-checkin-waiting", "n", 1i64),
        head,
        people,
        q,
    }))
}

#[derive(Debug, Deserialize)]
pub struct MarkForm {
    user_id: Uuid,
    attended: String,
    #[serde(default)]
    q: String,
}

/// Marks (or unmarks) one person; `checkin.js` asks for JSON, a form for the next page.
#[post("/events/{id}/check-in")]
pub async fn mark(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<MarkForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let attended = match form.attended.as_str() {
        "true" => true,
        "false" => false,
        _ => {
            return Err(AppError::BadRequest(
                "attended must be true or false".into(),
            ))
            .page(ctx);
        }
    };
    let done = service::set_attendance(&state, user, *id, form.user_id, attended)
        .await
        .page(ctx)?;
    let wants_json = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    if wants_json {
        let mut res = HttpResponse::Ok().json(done);
        ctx.finish(&mut res);
        return Ok(res);
    }
    let mut to = format!("/events/{}/check-in", *id);
    if !form.q.trim().is_empty() {
        let q: String = form_urlencoded::byte_serialize(form.q.trim().as_bytes()).collect();
        to.push_str(&format!("?q={q}"));
    }
    let notice = if attended {
        "notice-evm-marked-attended"
    } else {
        "notice-evm-unmarked"
    };
    Ok(ctx.see_other(&to, Some(notice)))
}
