//! The administration pages. Only platform moderators and admins see them; everyone else
//! gets the same 404 as for an address that does not exist, so the area is not revealed.
//! What each of them may do there is the services' decision (admins change roles and
//! verify organizations; moderators hide practices).

mod orgs;
mod practices;
mod rooms;
mod status;
mod themes;
mod users;

use actix_web::{HttpRequest, get, web};
use askama::Template;

use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::{OrPage, PageCtx, PageError, PageResult};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(overview)
        .service(users::list)
        .service(users::change_role)
        .service(orgs::list)
        .service(orgs::verify)
        .service(practices::list)
        .service(practices::visibility_form)
        .service(practices::change_visibility)
        .service(themes::list)
        .service(themes::edit)
        .service(themes::save)
        .service(rooms::list)
        .service(status::show);
}

/// The signed-in moderator or admin; a 404 page for anyone else.
fn staff(viewer: &Viewer) -> Result<&AuthUser, PageError> {
    match &viewer.user {
        Some(u) if u.is_moderator() => Ok(u),
        _ => Err(AppError::not_found("page")).page(&viewer.ctx),
    }
}

fn is_htmx(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request")
}

/// An HTML form's empty field means "none".
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `path?k=v&…&cursor=c` for the next page of a filtered list.
fn next_page(path: &str, filters: &[(&str, &Option<String>)], cursor: &str) -> String {
    let mut url = form_urlencoded::Serializer::new(String::new());
    for (k, v) in filters {
        if let Some(v) = given(v) {
            url.append_pair(k, v);
        }
    }
    url.append_pair("cursor", cursor);
    format!("{path}?{}", url.finish())
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
struct OverviewPage<'a> {
    ctx: &'a PageCtx,
    users: String,
    orgs: String,
    hidden: String,
    rooms: String,
}

#[get("/admin")]
pub async fn overview(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let counts = crate::admin::status::counts(&state, caller)
        .await
        .page(ctx)?;
    let rooms = crate::rooms::service::occupied(&state, caller)
        .await
        .page(ctx)?;
    let people: i64 = rooms.iter().map(|r| r.participants).sum();
    Ok(ctx.ok(&OverviewPage {
        ctx,
        users: ctx.t1("admin-overview-users", "count", counts.users),
        orgs: ctx.t2(
            "admin-overview-orgs",
            ("count", counts.organizations),
            ("unverified", counts.unverified),
        ),
        hidden: ctx.t1("admin-overview-hidden", "count", counts.hidden_practices),
        rooms: ctx.t2(
            "admin-overview-rooms",
            ("rooms", rooms.len()),
            ("people", people),
        ),
    }))
}
