//! The live room's pages: the rooms one may enter, the room (an ES-module application
//! under `web/static/room/` on the websocket protocol) and the projector view. The server
//! renders the shell and the room's strings; everything live happens in the page's
//! scripts, which use the same socket and JSON API as any other client.

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::dto::RoomView;
use super::service;
use crate::auth::pages::Viewer;
use crate::pagination::PageParams;
use crate::state::AppState;
use crate::web::i18n::{Arg, Lang};
use crate::web::{OrPage, PageCtx, PageResult};

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
    }))
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
