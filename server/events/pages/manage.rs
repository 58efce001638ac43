//! Moderators' events pages (the back office): agenda, registrations (and their CSV), the
//! check-in screen for the door, minutes with their revisions, and the event's moderators.
//! The materials page is in `documents::pages` (events may not import documents).
//! Every rule stays in `service`: a page only asks it, shows its answer, and offers what
//! will work.

mod agenda;
mod checkin;
mod minutes;
mod moderators;
mod registrations;

use actix_web::{HttpRequest, web};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::events::dto::EventView;
use crate::events::service;
use crate::state::AppState;
use crate::web::{OrPage, PageCtx, PageError};

/// What every back-office page shows above its own content: the event, the way back to
/// its page and the other back-office pages.
pub struct Head {
    pub id: Uuid,
    pub title: String,
    pub back: String,
    /// (address, label, this page)
    pub nav: Vec<(String, String, bool)>,
    /// The event's own timezone; times in forms are in it.
    pub timezone: String,
    pub tz: chrono_tz::Tz,
}

/// The back-office pages, in the order of the menu: (path after `/events/{id}`, label).
const PAGES: [(&str, &str); 6] = [
    ("/agenda", "evm-nav-agenda"),
    ("/registrations", "evm-nav-registrations"),
    ("/check-in", "evm-nav-check-in"),
    ("/minutes/edit", "evm-nav-minutes"),
    ("/materials", "evm-nav-materials"),
    ("/moderators", "evm-nav-moderators"),
];

impl Head {
    fn new(ctx: &PageCtx, ev: &EventView, current: &str) -> Self {
        Head {
            id: ev.id,
            title: ev.title.clone(),
            back: format!("/events/{}", ev.id),
            nav: PAGES
                .iter()
                .map(|(p, k)| (format!("/events/{}{p}", ev.id), ctx.t(k), *p == current))
                .collect(),
            timezone: ev.timezone.clone(),
            tz: ev.timezone.parse().unwrap_or(chrono_tz::UTC),
        }
    }
}

/// The signed-in viewer and the event, when they moderate it: others get the service's
/// answer (404 for a draft they may not see, 403 for an event they only may see).
async fn moderated<'v>(
    state: &AppState,
    viewer: &'v Viewer,
    id: Uuid,
    current: &str,
) -> Result<(&'v AuthUser, EventView, Head), PageError> {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let ev = service::get(state, Some(user), id).await.page(ctx)?;
    if !ev.is_moderator {
        return Err(AppError::forbidden(
            "only the event's moderators may do this",
        ))
        .page(ctx);
    }
    let head = Head::new(ctx, &ev, current);
    Ok((user, ev, head))
}

fn is_htmx(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request")
}

/// A refused change the form can explain (a conflict such as the last moderator or a
/// stale version): a message of the catalogue, `evm-error-<code>`.
fn conflict_message(ctx: &PageCtx, err: &AppError) -> Option<String> {
    match err {
        AppError::Conflict { code, .. } => {
            let key = format!("evm-error-{}", code.replace('_', "-"));
            Some(if ctx.lang.has(&key) {
                ctx.t(&key)
            } else {
                crate::web::forms::translate(ctx, &err.to_string())
            })
        }
        _ => None,
    }
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(agenda::show)
        .service(agenda::save)
        .service(registrations::table)
        .service(registrations::csv)
        .service(checkin::screen)
        .service(checkin::mark)
        .service(minutes::edit)
        .service(minutes::save)
        .service(minutes::from_room)
        .service(minutes::publish)
        .service(minutes::unpublish)
        .service(minutes::revisions)
        .service(minutes::revision)
        .service(moderators::list)
        .service(moderators::add)
        .service(moderators::remove);
}
