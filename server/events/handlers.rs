use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put, web};
use uuid::Uuid;

use super::dto::{
    AgendaItemInput, AgendaItemView, AttendanceRequest, AttendanceView, CalendarTokenView,
    CancelEventRequest, CreateEventRequest, EventModeratorRequest, EventView, FeedParams,
    ListEventsParams, MinutesRequest, MinutesRevisionSummary, MinutesRevisionView, MinutesView,
    MyRegistrationView, RegistrantsView, RegistrationView, RegistrationsParams, UpdateEventRequest,
};
use super::service::{self, Transition};
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::{AppError, AppResult, ErrorBody, FieldErrors};
use crate::extract::{Json, Query};
use crate::pagination::{Page, PageParams};
use crate::shared::person::PersonView;
use crate::state::AppState;

/// Where links in calendars point: `LIVINGLAB_PUBLIC_URL`, or the address the client used.
/// `Forwarded`/`X-Forwarded-*` are read only when `LIVINGLAB_TRUST_PROXY_HEADERS` says our
/// own proxy sets them; otherwise anyone could send them and have feeds, and the calendar
/// address we hand out, point at their site.
fn base_url(req: &HttpRequest, state: &AppState) -> String {
    let http = &state.settings.http;
    if let Some(u) = &http.public_url {
        return u.trim_end_matches('/').to_owned();
    }
    if http.trust_proxy_headers {
        let info = req.connection_info();
        return format!("{}://{}", info.scheme(), info.host());
    }
    let config = req.app_config();
    let scheme = if config.secure() { "https" } else { "http" };
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))
        .filter(|h| !h.is_empty())
        .unwrap_or(config.host());
    format!("{scheme}://{host}")
}

fn ics(body: String, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}.ics\""),
        ))
        // Feeds change: clients should ask again rather than trust a stale copy.
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(body)
}

/// Create an event (platform moderators and admins, or an owner/editor of
/// `organization_id`). It starts as a draft, with its live room; the creator moderates both.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    request_body = CreateEventRequest,
    responses(
        (status = 201, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events")]
pub async fn create_event(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateEventRequest>,
) -> AppResult<HttpResponse> {
    let event = service::create(&state, &user, body.0).await?;
    Ok(HttpResponse::Created().json(event))
}

/// Events by start time. Anonymous callers see published (and live, ended, cancelled)
/// events; drafts only their moderators.
#[utoipa::path(
    tag = "events",
    security((), ("bearer" = [])),
    params(ListEventsParams),
    responses(
        (status = 200, body = Page<EventView>),
        (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    params: Query<ListEventsParams>,
) -> AppResult<web::Json<Page<EventView>>> {
    let page = PageParams {
        limit: params.0.limit,
        cursor: params.0.cursor.clone(),
    }
    .parse()?;
    Ok(web::Json(
        service::list(&state, user.0.as_ref(), params.0, page).await?,
    ))
}

/// One event with its agenda and minutes. `online_url` only for people with a seat and
/// moderators.
#[utoipa::path(
    tag = "events",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/events/{id}")]
pub async fn get_event(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EventView>> {
    Ok(web::Json(service::get(&state, user.0.as_ref(), *id).await?))
}

/// Edit an event (its moderators); not once it ended or was cancelled. Raising `capacity`
/// seats people from the waitlist. Every change raises `sequence`.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateEventRequest,
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`event_over`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/events/{id}")]
pub async fn update_event(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateEventRequest>,
) -> AppResult<web::Json<EventView>> {
    Ok(web::Json(
        service::update(&state, &user, *id, body.0).await?,
    ))
}

async fn move_to(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    to: Transition,
    reason: Option<String>,
) -> AppResult<web::Json<EventView>> {
    Ok(web::Json(
        service::transition(state, user, id, to, reason).await?,
    ))
}

/// draft -> published: visible to everyone, open for registration. In-person and hybrid
/// events need a `location`, online and hybrid ones an `online_url`.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events/{id}/publish")]
pub async fn publish_event(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EventView>> {
    move_to(&state, &user, *id, Transition::Publish, None).await
}

/// published -> live, before the start time (it also happens by itself at the start).
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
    )
)]
#[post("/events/{id}/start")]
pub async fn start_event(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EventView>> {
    move_to(&state, &user, *id, Transition::Start, None).await
}

/// live -> ended (it also happens by itself at the end time). The room becomes read-only.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
    )
)]
#[post("/events/{id}/end")]
pub async fn end_event(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<EventView>> {
    move_to(&state, &user, *id, Transition::End, None).await
}

/// Cancel a draft, published or live event. The reason is shown with the event and in
/// calendars (STATUS:CANCELLED); the room becomes read-only.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = CancelEventRequest,
    responses(
        (status = 200, body = EventView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_transition`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events/{id}/cancel")]
pub async fn cancel_event(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CancelEventRequest>,
) -> AppResult<web::Json<EventView>> {
    move_to(&state, &user, *id, Transition::Cancel, Some(body.0.reason)).await
}

/// Add a moderator (event moderators). Event moderators moderate the event's room too.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = EventModeratorRequest,
    responses(
        (status = 201, body = PersonView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "Event or user not found", body = ErrorBody),
        (status = 409, description = "`already_added`; `moderates_by_role`: an owner or editor of the event's organization, who moderates by that role", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events/{id}/moderators")]
pub async fn add_event_moderator(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<EventModeratorRequest>,
) -> AppResult<HttpResponse> {
    let p = service::add_moderator(&state, &user, *id, body.0.user_id).await?;
    Ok(HttpResponse::Created().json(p))
}

/// The event's moderators (its hosts), for everyone who can see the event.
#[utoipa::path(
    tag = "events",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = Vec<PersonView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/events/{id}/moderators")]
pub async fn list_event_moderators(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<Vec<PersonView>>> {
    Ok(web::Json(
        service::moderators(&state, user.0.as_ref(), *id).await?,
    ))
}

/// Remove a moderator (event moderators); the last one stays.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_moderator`; `moderates_by_role`: they moderate by their organization role (change it instead)", body = ErrorBody),
    )
)]
#[delete("/events/{id}/moderators/{user_id}")]
pub async fn remove_event_moderator(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (id, target) = path.into_inner();
    service::remove_moderator(&state, &user, id, target).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the agenda (event moderators). Items must fall within the event; they are
/// stored in start order.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = Vec<AgendaItemInput>,
    responses(
        (status = 200, body = Vec<AgendaItemView>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`event_over`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/events/{id}/agenda")]
pub async fn put_agenda(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<Vec<AgendaItemInput>>,
) -> AppResult<web::Json<Vec<AgendaItemView>>> {
    Ok(web::Json(
        service::put_agenda(&state, &user, *id, body.0).await?,
    ))
}

/// Register (signed in). A seat if one is free, otherwise a place on the waitlist.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 201, body = RegistrationView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`already_registered`, `registration_closed`", body = ErrorBody),
    )
)]
#[post("/events/{id}/registrations")]
pub async fn register(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let r = service::register(&state, &user, *id).await?;
    Ok(HttpResponse::Created().json(r))
}

/// Cancel my registration; a freed seat goes to the first person on the waitlist.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`event_over`", body = ErrorBody),
    )
)]
#[delete("/events/{id}/registrations/me")]
pub async fn unregister(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::unregister(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Everyone who registered (event moderators), as JSON or `?format=csv` for a spreadsheet.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), RegistrationsParams),
    responses(
        (status = 200, content(
            (RegistrantsView = "application/json"),
            (String = "text/csv"),
        )),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/events/{id}/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    params: Query<RegistrationsParams>,
) -> AppResult<HttpResponse> {
    let csv = match params.0.format.as_deref().unwrap_or("json") {
        "json" => false,
        "csv" => true,
        other => {
            return Err(FieldErrors::single(
                "format",
                format!("`{other}` is not supported; use `json` or `csv`"),
            ));
        }
    };
    let list = service::registrants(&state, &user, *id).await?;
    if !csv {
        return Ok(HttpResponse::Ok().json(list));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"registrations-{id}.csv\""),
        ))
        .body(service::registrants_csv(&list)?))
}

/// My active registrations, soonest event first.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<MyRegistrationView>),
        (status = 401, body = ErrorBody),
    )
)]
#[get("/me/registrations")]
pub async fn my_registrations(
    state: web::Data<AppState>,
    user: AuthUser,
) -> AppResult<web::Json<Vec<MyRegistrationView>>> {
    Ok(web::Json(service::my_registrations(&state, &user).await?))
}

/// Record whether someone with a seat attended (event moderators).
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AttendanceRequest,
    responses(
        (status = 200, body = AttendanceView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "Event not found, or the user has no seat", body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events/{id}/attendance")]
pub async fn set_attendance(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<AttendanceRequest>,
) -> AppResult<web::Json<AttendanceView>> {
    Ok(web::Json(
        service::set_attendance(&state, &user, *id, body.0.user_id, body.0.attended).await?,
    ))
}

fn if_match(req: &HttpRequest) -> Option<service::IfMatch> {
    let values: Vec<&str> = req
        .headers()
        .get_all(header::IF_MATCH)
        .map(|v| v.to_str().unwrap_or(""))
        .collect();
    (!values.is_empty()).then(|| service::IfMatch::parse(&values.join(",")))
}

fn minutes_response(m: MinutesView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, service::minutes_etag(m.version)))
        .json(m)
}

/// The current minutes, with the `ETag` to send in `If-Match`: to the event's moderators
/// always, to everyone else who may see the event once they are published.
#[utoipa::path(
    tag = "events",
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = MinutesView),
        (status = 401, body = ErrorBody),
        (status = 404, description = "Event not found, no minutes yet, or minutes not published (for all but the event's moderators)", body = ErrorBody),
    )
)]
#[get("/events/{id}/minutes")]
pub async fn get_minutes(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    Ok(minutes_response(
        service::minutes(&state, user.0.as_ref(), *id).await?,
    ))
}

/// Write the minutes (event moderators): Markdown, shown as sanitized HTML. Every write is
/// a new `version`, and every version is kept (`GET .../minutes/revisions`). Name the
/// version you edited, as `version` in the body or as its ETag in `If-Match`: a stale one
/// is refused (409 `stale_minutes` for `version`, 412 for `If-Match`) so co-moderators do
/// not overwrite each other. Only the first minutes of an event may name no version.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path),
        ("If-Match" = Option<String>, Header, description = "ETag of the minutes edited"),
    ),
    request_body = MinutesRequest,
    responses(
        (status = 200, body = MinutesView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`stale_minutes`: not the current version (or none named while minutes exist)", body = ErrorBody),
        (status = 412, description = "`precondition_failed`: If-Match is not the current ETag", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/events/{id}/minutes")]
pub async fn put_minutes(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<MinutesRequest>,
) -> AppResult<HttpResponse> {
    let pre = service::MinutesPrecondition {
        if_match: if_match(&req),
        version: body.0.version,
    };
    Ok(minutes_response(
        service::put_minutes(&state, &user, *id, &body.0.markdown, pre).await?,
    ))
}

/// Fill the minutes from the event room's Markdown export (event moderators), as a new
/// version: minutes written by hand stay in the revisions. Edit them afterwards with
/// `PUT .../minutes`. `If-Match`, when sent, must be the current ETag.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path),
        ("If-Match" = Option<String>, Header, description = "ETag of the current minutes"),
    ),
    responses(
        (status = 200, body = MinutesView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 412, description = "`precondition_failed`: If-Match is not the current ETag", body = ErrorBody),
    )
)]
#[post("/events/{id}/minutes/from-room")]
pub async fn minutes_from_room(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    Ok(minutes_response(
        service::minutes_from_room(&state, &user, *id, if_match(&req)).await?,
    ))
}

/// Publish the minutes (event moderators): until then only the event's moderators see
/// them (`GET .../minutes` is 404 for everyone else, `minutes` is `null` in the event).
/// Later edits stay published: the event shows the latest text. Publishing published
/// minutes changes nothing.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = MinutesView),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: not one of the event's moderators", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`no_minutes`: the event has no minutes to publish", body = ErrorBody),
    )
)]
#[post("/events/{id}/minutes/publish")]
pub async fn publish_minutes(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    Ok(minutes_response(
        service::publish_minutes(&state, &user, *id).await?,
    ))
}

/// Withdraw published minutes (event moderators): only the moderators see them again.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = MinutesView),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: not one of the event's moderators", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`no_minutes`: the event has no minutes", body = ErrorBody),
    )
)]
#[post("/events/{id}/minutes/unpublish")]
pub async fn unpublish_minutes(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    Ok(minutes_response(
        service::unpublish_minutes(&state, &user, *id).await?,
    ))
}

/// Every version of the minutes, oldest first (the event's moderators: earlier versions
/// may hold what was deliberately edited out, such as a raw room transcript).
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageParams),
    responses(
        (status = 200, body = Page<MinutesRevisionSummary>),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: not one of the event's moderators", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/events/{id}/minutes/revisions")]
pub async fn minutes_revisions(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    params: Query<PageParams>,
) -> AppResult<web::Json<Page<MinutesRevisionSummary>>> {
    let page = params.0.parse()?;
    Ok(web::Json(
        service::minutes_revisions(&state, &user, *id, page).await?,
    ))
}

/// One version of the minutes with its text (the event's moderators).
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("version" = i32, Path)),
    responses(
        (status = 200, body = MinutesRevisionView),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: not one of the event's moderators", body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/events/{id}/minutes/revisions/{version}")]
pub async fn minutes_revision(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, i32)>,
) -> AppResult<web::Json<MinutesRevisionView>> {
    let (id, version) = path.into_inner();
    Ok(web::Json(
        service::minutes_revision(&state, &user, id, version).await?,
    ))
}

/// One event as iCalendar (same visibility as `GET /events/{id}`).
#[utoipa::path(
    tag = "events",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, content_type = "text/calendar", body = String),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/events/{id}.ics")]
pub async fn event_ics(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let base = base_url(&req, &state);
    let body = service::event_ics(&state, user.0.as_ref(), *id, &base).await?;
    Ok(ics(body, &format!("event-{id}")))
}

/// Public feed of published events (the last 90 days and everything ahead), optionally
/// for one theme or organization; cancelled ones stay in it as STATUS:CANCELLED.
#[utoipa::path(
    tag = "events",
    params(FeedParams),
    responses(
        (status = 200, content_type = "text/calendar", body = String),
        (status = 404, description = "Unknown theme", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/events.ics")]
pub async fn events_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    params: Query<FeedParams>,
) -> AppResult<HttpResponse> {
    let base = base_url(&req, &state);
    let body = service::events_feed(
        &state,
        params.0.theme.as_deref(),
        params.0.organization,
        &base,
    )
    .await?;
    Ok(ics(body, "events"))
}

/// A personal calendar feed of the events I registered for; calendar apps fetch it with no
/// other credentials. A new token revokes the previous one.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 201, body = CalendarTokenView),
        (status = 401, body = ErrorBody),
    )
)]
#[post("/me/calendar-token")]
pub async fn create_calendar_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
) -> AppResult<HttpResponse> {
    let token = service::new_calendar_token(&state, &user).await?;
    let url = format!("{}/api/v1/calendar/{token}.ics", base_url(&req, &state));
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(CalendarTokenView { url }))
}

/// The personal feed behind a calendar token (no Authorization header needed).
#[utoipa::path(
    tag = "events",
    params(("token" = String, Path)),
    responses(
        (status = 200, content_type = "text/calendar", body = String),
        (status = 404, description = "Unknown or revoked token", body = ErrorBody),
    )
)]
#[get("/calendar/{token}.ics")]
pub async fn personal_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let base = base_url(&req, &state);
    let body = service::personal_feed(&state, &token, &base)
        .await
        .map_err(|e| match e {
            AppError::NotFound(_) => AppError::not_found("calendar"),
            other => other,
        })?;
    Ok(ics(body, "my-events"))
}
