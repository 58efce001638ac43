//! The event's moderators (who also moderate its room): the list, adding someone by the
//! email address of their account, removing. The service refuses to remove the last one,
//! or someone who moderates by their organization role; the page says why.

use actix_web::http::StatusCode;
use actix_web::{get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{Head, conflict_message, moderated};
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::events::service;
use crate::shared::person::PersonView;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

#[derive(Template)]
#[template(path = "events/manage/moderators.html")]
struct ModeratorsPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    head: Head,
    people: Vec<PersonView>,
    me: Uuid,
    email: String,
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    status: StatusCode,
    problems: &Problems,
    email: String,
) -> PageResult {
    let (user, _, head) = moderated(state, viewer, id, "/moderators").await?;
    let ctx = &viewer.ctx;
    let people = service::moderators(state, Some(user), id).await.page(ctx)?;
    Ok(ctx.render(
        status,
        &ModeratorsPage {
            ctx,
            f: Fields::new(ctx, problems),
            head,
            people,
            me: user.id,
            email,
        },
    ))
}

#[get("/events/{id}/moderators")]
pub async fn list(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> PageResult {
    render(
        &state,
        &viewer,
        *id,
        StatusCode::OK,
        &Problems::default(),
        String::new(),
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    email: String,
}

#[post("/events/{id}/moderators")]
pub async fn add(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<AddForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let email = form.0.email;
    match service::add_moderator_by_email(&state, user, *id, &email).await {
        Ok(_) => Ok(ctx.see_other(
            &format!("/events/{}/moderators", *id),
            Some("notice-evm-moderator-added"),
        )),
        Err(e @ AppError::Validation(_)) => {
            let p = Problems::of(&e, ctx).unwrap_or_default();
            render(
                &state,
                &viewer,
                *id,
                StatusCode::UNPROCESSABLE_ENTITY,
                &p,
                email,
            )
            .await
        }
        Err(e) => match conflict_message(ctx, &e) {
            Some(m) => {
                let p = Problems::general("email", m);
                render(&state, &viewer, *id, StatusCode::CONFLICT, &p, email).await
            }
            None => Err(e).page(ctx),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct EmptyForm {}

#[post("/events/{id}/moderators/{user_id}/remove")]
pub async fn remove(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(Uuid, Uuid)>,
    _form: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let (id, target) = *path;
    match service::remove_moderator(&state, user, id, target).await {
        // Removing oneself ends one's right to this page: back to the event.
        Ok(()) if target == user.id => Ok(ctx.see_other(
            &format!("/events/{id}"),
            Some("notice-evm-moderator-removed"),
        )),
        Ok(()) => Ok(ctx.see_other(
            &format!("/events/{id}/moderators"),
            Some("notice-evm-moderator-removed"),
        )),
        Err(e) => match conflict_message(ctx, &e) {
            Some(m) => {
                let p = Problems::general(&format!("remove-{target}"), m);
                render(&state, &viewer, id, StatusCode::CONFLICT, &p, String::new()).await
            }
            None => Err(e).page(ctx),
        },
    }
}
