//! The registrations table: sortable, filtered by status, the waitlist in its order, and
//! the CSV the API gives, downloaded with the browser's session.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{Head, moderated};
use crate::auth::pages::Viewer;
use crate::events::dto::{RegistrantView, RegistrantsView};
use crate::events::service;
use crate::shared::vocab::RegistrationStatus;
use crate::state::AppState;
use crate::web::{OrPage, PageCtx, PageResult};

#[derive(Debug, Default, Deserialize)]
pub struct TableQuery {
    status: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
}

/// What the filter keeps: a status, or whoever attended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Seated,
    Waitlisted,
    Cancelled,
    Attended,
}

impl Filter {
    const ALL: [(Filter, &'static str); 5] = [
        (Filter::All, "all"),
        (Filter::Seated, "seated"),
        (Filter::Waitlisted, "waitlisted"),
        (Filter::Cancelled, "cancelled"),
        (Filter::Attended, "attended"),
    ];

    fn parse(raw: Option<&str>) -> Self {
        Self::ALL
            .iter()
            .find(|(_, n)| Some(*n) == raw)
            .map_or(Filter::All, |(f, _)| *f)
    }

    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("all", |(_, n)| n)
    }

    fn keeps(self, r: &RegistrantView) -> bool {
        match self {
            Filter::All => true,
            Filter::Seated => r.status == RegistrationStatus::Registered,
            Filter::Waitlisted => r.status == RegistrationStatus::Waitlisted,
            Filter::Cancelled => r.status == RegistrationStatus::Cancelled,
            Filter::Attended => r.attended == Some(true),
        }
    }
}

/// The sortable columns; `status` is the service's order (seated, then the waitlist in
/// its order, then cancelled), so it is the default.
const SORTS: [&str; 3] = ["name", "registered", "status"];

pub struct Row {
    pub name: String,
    pub email: String,
    pub status: String,
    pub attended: bool,
    pub when: String,
    pub iso: String,
}

pub struct Column {
    pub label: String,
    pub href: String,
    /// `aria-sort` of the column: "ascending", "descending" or "none".
    pub aria_sort: &'static str,
}

#[derive(Template)]
#[template(path = "events/manage/registrations.html")]
struct TablePage<'a> {
    ctx: &'a PageCtx,
    head: Head,
    rows: Vec<Row>,
    columns: Vec<Column>,
    filters: Vec<(String, String)>,
    filter: String,
    sort: String,
    dir: String,
    summary: String,
    shown: String,
}

fn status_label(ctx: &PageCtx, r: &RegistrantView) -> String {
    match (r.status, r.position) {
        (RegistrationStatus::Registered, _) => ctx.t("evm-status-seated"),
        (RegistrationStatus::Waitlisted, Some(p)) => ctx.t1("evm-status-waitlisted-at", "n", p),
        (RegistrationStatus::Waitlisted, None) => ctx.t("evm-status-waitlisted"),
        (RegistrationStatus::Cancelled, _) => ctx.t("evm-status-cancelled"),
    }
}

fn sorted(list: RegistrantsView, filter: Filter, sort: &str, desc: bool) -> Vec<RegistrantView> {
    let mut items: Vec<RegistrantView> =
        list.items.into_iter().filter(|r| filter.keeps(r)).collect();
    match sort {
        "name" => items.sort_by_key(|r| r.display_name.to_lowercase()),
        "registered" => items.sort_by_key(|r| r.requested_at),
        _ => {}
    }
    if desc {
        items.reverse();
    }
    items
}

#[get("/events/{id}/registrations")]
pub async fn table(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    query: web::Query<TableQuery>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/registrations").await?;
    let ctx = &viewer.ctx;
    let q = query.into_inner();
    let filter = Filter::parse(q.status.as_deref());
    let sort = q
        .sort
        .as_deref()
        .filter(|s| SORTS.contains(s))
        .unwrap_or("status");
    let desc = q.dir.as_deref() == Some("desc");
    let list = service::registrants(&state, user, *id).await.page(ctx)?;
    let cancelled = list
        .items
        .iter()
        .filter(|r| r.status == RegistrationStatus::Cancelled)
        .count() as i64;
    let summary = format!(
        "{} · {} · {} · {}",
        ctx.t1("evm-count-seated", "n", list.counts.registered),
        ctx.t1("evm-count-waitlisted", "n", list.counts.waitlisted),
        ctx.t1("evm-count-attended", "n", list.counts.attended),
        ctx.t1("evm-count-cancelled", "n", cancelled),
    );
    let items = sorted(list, filter, sort, desc);
    let shown = ctx.t1("evm-registrations-shown", "n", items.len() as i64);
    let columns = [
        ("name", "evm-col-name"),
        ("registered", "evm-col-registered"),
        ("status", "evm-col-status"),
    ]
    .iter()
    .map(|(col, key)| {
        let current = *col == sort;
        let next_dir = if current && !desc { "desc" } else { "asc" };
        Column {
            label: ctx.t(key),
            href: format!(
                "/events/{}/registrations?status={}&sort={col}&dir={next_dir}",
                head.id,
                filter.name()
            ),
            aria_sort: match (current, desc) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            },
        }
    })
    .collect();
    let rows = items
        .iter()
        .map(|r| Row {
            name: r.display_name.clone(),
            email: r.email.clone(),
            status: status_label(ctx, r),
            attended: r.attended == Some(true),
            when: ctx.when(&r.requested_at),
            iso: ctx.iso(&r.requested_at),
        })
        .collect();
    let filters = Filter::ALL
        .iter()
        .map(|(_, n)| ((*n).to_owned(), ctx.t(&format!("evm-filter-{n}"))))
        .collect();
    Ok(ctx.ok(&TablePage {
        ctx,
        head,
        rows,
        columns,
        filters,
        filter: filter.name().to_owned(),
        sort: sort.to_owned(),
        dir: if desc { "desc" } else { "asc" }.to_owned(),
        summary,
        shown,
    }))
}

/// The API's CSV export (`registrants_csv`), for the same moderators.
#[get("/events/{id}/registrations.csv")]
pub async fn csv(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let list = service::registrants(&state, user, *id).await.page(ctx)?;
    let body = service::registrants_csv(&list).page(ctx)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"registrations-{}.csv\"", *id),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body))
}
