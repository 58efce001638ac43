//! Cross-site request forgery. Every browser gets a random token in an HttpOnly cookie
//! (rotated at sign-in and sign-out, so it is per session); every unsafe page request must
//! carry the same token, in the form (`csrf` field) or in the `X-CSRF-Token` header (htmx
//! sends it, see `site.js`), and come from this site (`Origin`, or `Referer` when a browser
//! sends no `Origin`). Anything else is 403 and changes nothing. The JSON API under
//! `/api/` takes bearer tokens, which a foreign page cannot send, and is not concerned.

use actix_web::HttpRequest;
use actix_web::http::{Method, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

use crate::error::AppError;

pub const COOKIE: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";
/// The form field that carries the token.
pub const FIELD: &str = "csrf";

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn same(a: &[u8], b: &[u8]) -> bool {
    // Constant time over equal lengths: the token's length is public anyway.
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether the request comes from a page of this site.
pub fn same_origin(req: &HttpRequest, public_url: Option<&str>) -> bool {
    let info = req.connection_info();
    let ours_from_request = format!("{}://{}", info.scheme(), info.host());
    let ours = public_url
        .map(|u| u.trim_end_matches('/').to_owned())
        .unwrap_or(ours_from_request);
    let headers = req.headers();
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin.to_str().is_ok_and(|o| o == ours);
    }
    match headers.get(header::REFERER).and_then(|r| r.to_str().ok()) {
        Some(referer) => {
            referer == ours
                || referer
                    .strip_prefix(ours.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        }
        // Neither header: not a browser form of another site (browsers send Origin on
        // every cross-site POST); command-line clients still need the token.
        None => true,
    }
}

/// Checks an unsafe request's token (`given`, from its form or header) and origin.
pub fn check(
    req: &HttpRequest,
    given: Option<&str>,
    public_url: Option<&str>,
) -> Result<(), AppError> {
    if !same_origin(req, public_url) {
        return Err(AppError::forbidden("this form was sent from another site"));
    }
    let given = given.or_else(|| req.headers().get(HEADER).and_then(|v| v.to_str().ok()));
    match (req.cookie(COOKIE), given) {
        (Some(cookie), Some(given))
            if well_formed(given) && same(cookie.value().as_bytes(), given.as_bytes()) =>
        {
            Ok(())
        }
        _ => Err(AppError::forbidden(
            "the form has expired or did not come from this site: reload the page and try again",
        )),
    }
}

/// Unsafe methods are the ones a forged form could use.
pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}
