use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use super::dto::{
    AddPersonRequest, CreateRoomRequest, EventsPage, EventsParams, ExportParams, ModeratorView,
    RoomView, UpdateRoomRequest,
};
use super::hub::Hub;
use super::repo::{self, PeopleList};
use super::{service, session};
use crate::auth::{AuthUser, ClientIp};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::shared::person::PersonView;
use crate::state::AppState;

/// Create a room (platform moderators and admins); the creator moderates it.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    request_body = CreateRoomRequest,
    responses(
        (status = 201, body = RoomView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/rooms")]
pub async fn create_room(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateRoomRequest>,
) -> AppResult<HttpResponse> {
    let room = service::create(&state, &user, body.0).await?;
    Ok(HttpResponse::Created().json(room))
}

/// Rooms the caller may enter.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(PageParams),
    responses(
        (status = 200, body = Page<RoomView>),
        (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/rooms")]
pub async fn list_rooms(
    state: web::Data<AppState>,
    user: AuthUser,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<RoomView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(service::list(&state, &user, page).await?))
}

/// One room (404 also when the caller may not enter it).
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = RoomView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/rooms/{id}")]
pub async fn get_room(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<RoomView>> {
    Ok(web::Json(service::get(&state, &user, *id).await?))
}

/// Edit a room (its moderators). Absent fields stay; `null` clears.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateRoomRequest,
    responses(
        (status = 200, body = RoomView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/rooms/{id}")]
pub async fn update_room(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateRoomRequest>,
) -> AppResult<web::Json<RoomView>> {
    Ok(web::Json(
        service::update(&state, &user, *id, body.0).await?,
    ))
}

async fn add(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    list: PeopleList,
    body: AddPersonRequest,
) -> AppResult<HttpResponse> {
    let p = service::add_person(state, user, id, list, body.user_id).await?;
    Ok(HttpResponse::Created().json(p))
}

/// Invite someone (room moderators). Invitations matter in `invite` rooms; in others
/// they are kept for when the room's access changes.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AddPersonRequest,
    responses(
        (status = 201, body = PersonView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "Room or user not found", body = ErrorBody),
        (status = 409, description = "`already_added`; `event_seats` for an event's room", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/rooms/{id}/participants")]
pub async fn add_participant(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<AddPersonRequest>,
) -> AppResult<HttpResponse> {
    add(&state, &user, *id, PeopleList::Participants, body.0).await
}

/// Invited participants (anyone who may enter).
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<PersonView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/rooms/{id}/participants")]
pub async fn list_participants(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<PersonView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(
        service::list_people(&state, &user, *id, PeopleList::Participants, page).await?,
    ))
}

/// Withdraw an invitation (room moderators). Open sockets stay until they reconnect.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    responses(
        (status = 204),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`event_seats`: an event's room seats its registrations", body = ErrorBody),
    )
)]
#[delete("/rooms/{id}/participants/{user_id}")]
pub async fn remove_participant(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (id, target) = path.into_inner();
    service::remove_person(&state, &user, id, PeopleList::Participants, target).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Make someone a moderator of the room (room moderators).
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AddPersonRequest,
    responses(
        (status = 201, body = PersonView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "Room or user not found", body = ErrorBody),
        (status = 409, description = "`already_added`: on the list already; `moderates_by_role`: an owner or editor of the organization of an event's room, who moderates by that role (change their organization role instead)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/rooms/{id}/moderators")]
pub async fn add_moderator(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<AddPersonRequest>,
) -> AppResult<HttpResponse> {
    add(&state, &user, *id, PeopleList::Moderators, body.0).await
}

/// The room's moderators (anyone who may enter): its list, and for an event's room the
/// owners and editors of its organization (`by_role`).
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<ModeratorView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/rooms/{id}/moderators")]
pub async fn list_moderators(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    page: Query<PageParams>,
) -> AppResult<web::Json<Page<ModeratorView>>> {
    let page = page.0.parse()?;
    Ok(web::Json(
        service::list_moderators(&state, &user, *id, page).await?,
    ))
}

/// Remove a room moderator (room moderators). Their open sockets are told at once (a
/// `role` frame, or a 4003 close if they may no longer enter). A room keeps at least one
/// moderator.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    responses(
        (status = 204),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_moderator`: nobody else moderates the room; `moderates_by_role`: they moderate by their organization role (change it instead)", body = ErrorBody),
    )
)]
#[delete("/rooms/{id}/moderators/{user_id}")]
pub async fn remove_moderator(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (id, target) = path.into_inner();
    service::remove_person(&state, &user, id, PeopleList::Moderators, target).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The room's durable event log, oldest first; each item is the frame the socket sent.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), EventsParams),
    responses(
        (status = 200, body = EventsPage),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/rooms/{id}/events")]
pub async fn room_events(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    params: Query<EventsParams>,
) -> AppResult<web::Json<EventsPage>> {
    Ok(web::Json(
        service::events(&state, &user, *id, params.0).await?,
    ))
}

/// The session as Markdown: chat, polls, questions, idea board, moderation.
#[utoipa::path(
    tag = "rooms",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ExportParams),
    responses(
        (status = 200, content_type = "text/markdown", body = String),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 429, description = "Too many exports by this user", body = ErrorBody),
    )
)]
#[get("/rooms/{id}/export")]
pub async fn export_room(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    params: Query<ExportParams>,
) -> AppResult<HttpResponse> {
    if let Some(l) = &state.limits.room_export {
        l.check(&user.id)?;
    }
    let md = service::export(&state, &user, *id, params.0.format.as_deref()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/markdown; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"room-{id}.md\""),
        ))
        .body(md))
}

/// Is `Origin` one we serve? Same origin as the request's Host (the server's own pages),
/// `LIVINGLAB_ALLOWED_ORIGINS`, or localhost (development; `hello` still needs a token). Browsers always send Origin on websocket upgrades, so
/// this is what stops another site's page from opening sockets here (cross-site websocket
/// hijacking); non-browser clients send none and authenticate with `hello` alone.
pub fn origin_allowed(req: &HttpRequest, allowed: &[String]) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    if allowed.contains(&origin) {
        return true;
    }
    let Some(host_port) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    if req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.eq_ignore_ascii_case(host_port))
    {
        return true;
    }
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    matches!(host, "localhost" | "127.0.0.1" | "::1")
}

/// The live room. Upgrade to a websocket, then send `hello` within 10 s (see
/// docs/rooms-protocol.md). 403 for a foreign `Origin`, 404 for an unknown room, 429 when
/// this address already holds `LIVINGLAB_WS_PREHELLO_PER_IP` sockets that have not sent
/// their `hello` yet.
#[utoipa::path(
    tag = "rooms",
    params(("id" = Uuid, Path)),
    responses(
        (status = 101, description = "Switching to the websocket protocol"),
        (status = 400, description = "Not a websocket upgrade", body = ErrorBody),
        (status = 403, description = "`Origin` not allowed", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 429, description = "Too many sockets from this address waiting for `hello`", body = ErrorBody),
    )
)]
#[get("/rooms/{id}/ws")]
pub async fn room_socket(
    state: web::Data<AppState>,
    hub: web::Data<Hub>,
    req: HttpRequest,
    ip: ClientIp,
    id: web::Path<Uuid>,
    body: web::Payload,
) -> AppResult<HttpResponse> {
    if !origin_allowed(&req, &state.settings.rooms.allowed_origins) {
        return Err(AppError::forbidden(
            "this Origin may not open room sockets (LIVINGLAB_ALLOWED_ORIGINS)",
        ));
    }
    let slot = match &state.limits.ws_prehello {
        Some(slots) => Some(slots.acquire(ip.0).inspect_err(|_| {
            state
                .limits
                .per_ip_refused(ip.0, state.settings.http.trust_proxy_headers)
        })?),
        None => None,
    };
    if hub.is_shutting_down() {
        return Err(AppError::Unavailable("the server is shutting down".into()));
    }
    let room = {
        let mut conn = state.conn().await?;
        repo::find(&mut conn, *id)
            .await?
            .ok_or_else(|| AppError::not_found("room"))?
    };
    let (response, ws, stream) = actix_ws::handle(&req, body)
        .map_err(|e| AppError::BadRequest(format!("not a websocket upgrade: {e}")))?;
    actix_web::rt::spawn(session::run(
        state,
        hub.get_ref().clone(),
        room,
        ws,
        stream,
        slot,
    ));
    Ok(response)
}
