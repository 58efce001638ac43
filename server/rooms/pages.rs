//! The live room's pages: the rooms one may enter, the room (an ES-module application
//! under `web/static/room/` on the websocket protocol) and the projector view. The server
//! renders the shell and the room's strings; everything live happens in the page's
//! scripts, which use the same socket and JSON API as any other client.

use std::sync::OnceLock;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::dto::{CreateRoomRequest, RoomView};
use super::service;
use crate::auth::pages::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::pagination::PageParams;
use crate::shared::vocab::RoomAccess;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::i18n::{Arg, Lang};
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Rooms per page of the list.
const LIST_PAGE: i64 = 50;

/// The room's catalogue (English is the reference: every language has these keys).
const ROOM_FTL: &str = include_str!("../../web/i18n/en/room.ftl");

/// The `room-` messages and the variables each one uses, in catalogue order.
fn room_messages() -> &'static [(&'static str, Vec<&'static str>)] {
    static MESSAGES: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    MESSAGES.get_or_init(|| {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in ROOM_FTL.lines() {
            let body = if line.starts_with([' ', '\t']) {
                line
            } else if let Some((key, value)) = line.split_once('=') {
                let key = key.trim();
                if line.starts_with(['#', '.']) || !key.starts_with("room-") {
                    continue;
                }
                out.push((key, Vec::new()));
                value
            } else {
                continue;
            };
            let Some((_, vars)) = out.last_mut() else {
                continue;
            };
            for part in body.split('$').skip(1) {
                let end = part
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(part.len());
                let name = &part[..end];
                if !name.is_empty() && !vars.contains(&name) {
                    vars.push(name);
                }
            }
        }
        out
    })
}

/// The room's strings of `lang` as JSON, with their hash. A variable stays in the text as
/// `{$name}`, which the scripts fill in; plurals are separate keys (`-one`, `-other`) that
/// the scripts choose with `Intl.PluralRules`.
fn strings_of(lang: Lang) -> &'static (String, String) {
    static STRINGS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let all = STRINGS.get_or_init(|| {
        Lang::all()
            .map(|lang| {
                let map: serde_json::Map<String, serde_json::Value> = room_messages()
                    .iter()
                    .map(|(key, vars)| {
                        let args: Vec<(&'static str, Arg)> = vars
                            .iter()
                            .map(|v| (*v, Arg::Str(format!("{{${v}}}"))))
                            .collect();
                        let text = if args.is_empty() {
                            lang.t(key)
                        } else {
                            lang.t_args(key, &args)
                        };
                        ((*key).to_owned(), serde_json::Value::String(text))
                    })
                    .collect();
                let json = serde_json::Value::Object(map).to_string();
                let hash: String = Sha256::digest(json.as_bytes())[..8]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                (json, hash)
            })
            .collect()
    });
    let i = Lang::all().position(|l| l == lang).unwrap_or(0);
    &all[i]
}

/// Where the page's scripts get their strings (versioned, so cached for a year).
pub fn strings_url(lang: Lang) -> String {
    format!(
        "/rooms/strings/{}.json?v={}",
        lang.code(),
        strings_of(lang).1
    )
}

/// The room's strings in one language, as JSON (`GET /rooms/strings/{lang}.json`).
#[get("/rooms/strings/{lang}.json")]
pub async fn strings(req: HttpRequest, lang: web::Path<String>) -> HttpResponse {
    let Some(lang) = Lang::parse(&lang).filter(|l| l.code() == lang.as_str()) else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    };
    let (json, hash) = strings_of(lang);
    let etag = format!("\"{hash}\"");
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let cache = if req.query_string() == format!("v={hash}") {
        "public, max-age=31536000, immutable"
    } else {
        "public, no-cache"
    };
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache));
    if fresh {
        return res.finish();
    }
    res.content_type("application/json").body(json.clone())
}

// ---- the list ----

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    cursor: Option<String>,
}

#[derive(Template)]
#[template(path = "rooms/list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    rooms: Vec<RoomView>,
    next: Option<String>,
    /// Platform moderators and admins create rooms.
    may_create: bool,
}

#[get("/rooms")]
pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<ListQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let page = PageParams {
        limit: Some(LIST_PAGE),
        cursor: query.cursor.clone(),
    }
    .parse()
    .page(ctx)?;
    let rooms = service::list(&state, user, page).await.page(ctx)?;
    let next = rooms.next_cursor.map(|c| {
        let mut url = form_urlencoded::Serializer::new(String::new());
        url.append_pair("cursor", &c);
        format!("/rooms?{}", url.finish())
    });
    Ok(ctx.ok(&ListPage {
        ctx,
        rooms: rooms.items,
        next,
        may_create: user.is_moderator(),
    }))
}

// ---- a new room ----

/// The accesses a room made here can have (`members` needs an organization, `event`
/// belongs to events' own rooms).
const NEW_ROOM_ACCESS: [RoomAccess; 2] = [RoomAccess::Open, RoomAccess::Invite];

#[derive(Debug, Default, Deserialize)]
pub struct NewRoomForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    access: String,
    #[serde(default)]
    dot_votes_per_user: String,
}

#[derive(Template)]
#[template(path = "rooms/new.html")]
struct NewRoomPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    form: NewRoomForm,
    access_select: String,
}

fn new_room_page(
    ctx: &PageCtx,
    status: StatusCode,
    problems: &Problems,
    form: NewRoomForm,
) -> HttpResponse {
    let f = Fields::new(ctx, problems);
    let options: Vec<(String, String)> = NEW_ROOM_ACCESS
        .iter()
        .map(|a| {
            (
                a.as_str().to_owned(),
                ctx.t(&format!("room-access-{}", a.as_str())),
            )
        })
        .collect();
    let access_select = f.select("access", "room-new-access", &options, &form.access);
    ctx.render(
        status,
        &NewRoomPage {
            ctx,
            f,
            form,
            access_select,
        },
    )
}

#[get("/rooms/new")]
pub async fn new_room_form(viewer: Viewer) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    if !user.is_moderator() {
        return Err(AppError::forbidden(
            "creating rooms needs the moderator or admin role",
        ))
        .page(ctx);
    }
    let form = NewRoomForm {
        access: RoomAccess::Open.as_str().to_owned(),
        dot_votes_per_user: "3".to_owned(),
        ..NewRoomForm::default()
    };
    Ok(new_room_page(
        ctx,
        StatusCode::OK,
        &Problems::default(),
        form,
    ))
}

#[post("/rooms")]
pub async fn create_room(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: Form<NewRoomForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let result = async {
        let mut e = FieldErrors::new();
        let access = e.check(
            "access",
            NEW_ROOM_ACCESS
                .into_iter()
                .find(|a| a.as_str() == form.access)
                .ok_or("must be open or invite"),
        );
        let dots = match form.dot_votes_per_user.trim() {
            "" => None,
            n => e.check(
                "dot_votes_per_user",
                n.parse::<i32>().map_err(|_| "must be a whole number"),
            ),
        };
        e.finish()?;
        let description = form.description.trim();
        let req = CreateRoomRequest {
            name: form.name.clone(),
            description: (!description.is_empty()).then(|| description.to_owned()),
            access: access.expect("checked"),
            theme_id: None,
            organization_id: None,
            dot_votes_per_user: dots,
        };
        service::create(&state, user, req).await
    }
    .await;
    match result {
        Ok(room) => Ok(ctx.see_other(&format!("/rooms/{}", room.id), Some("notice-room-created"))),
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            Ok(new_room_page(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problems,
                form,
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

// ---- the room and its projector view ----

/// What the room's scripts start from (`<script type="application/json" id="room-boot">`).
fn boot_json(ctx: &PageCtx, room: &RoomView, user_name: &str, user_id: Uuid) -> String {
    let boot = serde_json::json!({
        "room_id": room.id,
        "name": room.name,
        "ws_path": room.ws_path,
        "last_seq": room.last_seq,
        "is_moderator": room.is_moderator,
        "me": {"id": user_id, "name": user_name},
        "locale": ctx.lang.code(),
        "timezone": ctx.tz.name(),
        "strings": strings_url(ctx.lang),
        "csrf": ctx.csrf,
    });
    // `</` cannot end the script element early, whatever a room's name holds.
    boot.to_string().replace("</", "<\\/")
}

#[derive(Template)]
#[template(path = "rooms/room.html")]
struct RoomPage<'a> {
    ctx: &'a PageCtx,
    room: RoomView,
    boot: String,
}

#[derive(Template)]
#[template(path = "rooms/present.html")]
struct PresentPage<'a> {
    ctx: &'a PageCtx,
    room: RoomView,
    boot: String,
}

/// The room, for those who may enter it (404 for the others, as in the API).
#[get("/rooms/{id}")]
pub async fn room_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let room = service::get(&state, user, id.into_inner())
        .await
        .page(ctx)?;
    let boot = boot_json(ctx, &room, &user.display_name, user.id);
    Ok(ctx.ok(&RoomPage { ctx, room, boot }))
}

/// The projector view: big type, no controls, live.
#[get("/rooms/{id}/present")]
pub async fn present_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let room = service::get(&state, user, id.into_inner())
        .await
        .page(ctx)?;
    let boot = boot_json(ctx, &room, &user.display_name, user.id);
    Ok(ctx.ok(&PresentPage { ctx, room, boot }))
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(strings)
        .service(list)
        .service(new_room_form)
        .service(create_room)
        .service(present_page)
        .service(room_page);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_stay_for_the_scripts_to_fill() {
        let en = Lang::parse("en").unwrap();
        let json: serde_json::Value = serde_json::from_str(&strings_of(en).0).unwrap();
        assert_eq!(
            json["room-status-reconnecting"],
            "Reconnecting in {$seconds} s…"
        );
        assert!(json.as_object().unwrap().len() > 50);
    }
}
