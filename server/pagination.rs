//! `?limit=&cursor=` in, `{"items":[...],"next_cursor":...}` out. Cursors are opaque to
//! clients (base64url of the last key seen), so the ordering key can change later.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppResult, FieldErrors};

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page: 1 to 100, default 20.
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// A validated page request; `after` is the decoded cursor key.
#[derive(Debug, Clone)]
pub struct PageRequest {
    pub limit: i64,
    pub after: Option<String>,
}

impl PageParams {
    pub fn parse(&self) -> AppResult<PageRequest> {
        let mut errors = FieldErrors::new();
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            errors.add("limit", format!("must be between 1 and {MAX_LIMIT}"));
        }
        let after = match self.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => {
                let decoded = URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .filter(|s| !s.is_empty() && !s.chars().any(char::is_control));
                if decoded.is_none() {
                    errors.add("cursor", "is not a cursor this server issued");
                }
                decoded
            }
        };
        errors.finish()?;
        Ok(PageRequest { limit, after })
    }
}

impl PageRequest {
    /// Rows to fetch: one more than the page, to learn whether another page follows.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// The cursor as a `(time, id)` key made by `time_id_key`; anything else is rejected.
    pub fn after_time_id(&self) -> AppResult<Option<(chrono::DateTime<chrono::Utc>, uuid::Uuid)>> {
        self.after
            .as_deref()
            .map(|s| {
                s.split_once('|')
                    .and_then(|(t, id)| {
                        Some((
                            chrono::DateTime::parse_from_rfc3339(t)
                                .ok()?
                                .with_timezone(&chrono::Utc),
                            id.parse().ok()?,
                        ))
                    })
                    .ok_or_else(|| FieldErrors::single("cursor", "is not a cursor for this list"))
            })
            .transpose()
    }

    /// The cursor as a UUID key; a cursor that is not one is rejected.
    pub fn after_uuid(&self) -> AppResult<Option<uuid::Uuid>> {
        self.after
            .as_deref()
            .map(|s| {
                s.parse()
                    .map_err(|_| FieldErrors::single("cursor", "is not a cursor for this list"))
            })
            .transpose()
    }
}

/// The key of a list ordered by a time and then an id (microseconds, as PostgreSQL keeps).
pub fn time_id_key(t: chrono::DateTime<chrono::Utc>, id: uuid::Uuid) -> String {
    format!(
        "{}|{id}",
        t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page whose items were already cut to size; `next_key` is the last item's key when
    /// another page follows.
    pub fn with_next_key(items: Vec<T>, next_key: Option<String>) -> Self {
        Page {
            items,
            next_cursor: next_key.map(|k| URL_SAFE_NO_PAD.encode(k)),
        }
    }

    /// Builds a page from `limit + 1` rows; `key` gives the ordering key of a row.
    pub fn from_rows<R>(
        mut rows: Vec<R>,
        req: &PageRequest,
        key: impl Fn(&R) -> String,
        view: impl FnMut(R) -> T,
    ) -> Self {
        let more = rows.len() as i64 > req.limit;
        rows.truncate(req.limit as usize);
        let next_cursor = if more {
            rows.last().map(|r| URL_SAFE_NO_PAD.encode(key(r)))
        } else {
            None
        };
        Page {
            items: rows.into_iter().map(view).collect(),
            next_cursor,
        }
    }
}
