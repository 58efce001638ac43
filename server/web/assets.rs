//! Static files: `web/static/` compiled into the binary (read from disk in debug builds),
//! served under `/static/` with an ETag, and linked from pages with their content hash
//! (`?v=`) so they can be cached for a year. A file asked for without its hash (an ES
//! module imported by another) is revalidated by its ETag, so it is never stale.

use std::collections::HashMap;
use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use rust_embed::Embed;
use sha2::{Digest, Sha256};

#[derive(Embed)]
#[folder = "web/static/"]
struct Static;

/// Content hashes of the static files (first 16 hex digits of SHA-256), computed once.
fn hashes() -> &'static HashMap<String, String> {
    static HASHES: OnceLock<HashMap<String, String>> = OnceLock::new();
    HASHES.get_or_init(|| {
        Static::iter()
            .filter_map(|name| {
                let content = Static::get(&name)?;
                let hash = hex(&Sha256::digest(&content.data)[..8]);
                Some((name.into_owned(), hash))
            })
            .collect()
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The address of a static file, with its content hash.
pub fn url(name: &str) -> String {
    match hashes().get(name) {
        Some(h) => format!("/static/{name}?v={h}"),
        None => {
            tracing::warn!(%name, "a page links a static file that does not exist");
            format!("/static/{name}")
        }
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A static file. With the current `?v=` it may be cached for a year; otherwise it is
/// revalidated by its ETag.
#[get("/static/{name:.*}")]
pub async fn file(req: HttpRequest, name: web::Path<String>) -> HttpResponse {
    let name = name.into_inner();
    let (Some(content), Some(hash)) = (Static::get(&name), hashes().get(&name)) else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    };
    let etag = format!("\"{hash}\"");
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let versioned = req.query_string() == format!("v={hash}");
    let cache = if versioned {
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
    res.content_type(content_type(&name))
        .body(content.data.into_owned())
}
