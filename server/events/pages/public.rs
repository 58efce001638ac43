//! Public events pages: the list (filters, paging, refreshing itself so that an event that
//! starts shows as live), the month calendar, an event's page with registering and the
//! moderators' lifecycle buttons, and "my events" with the personal calendar feed.

mod form;
mod show;

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, get, post, web};
use askama::Template;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::auth::pages::{EmptyForm, Viewer};
use crate::error::{AppError, AppResult};
use crate::events::dto::{EventView, ListEventsParams};
use crate::events::service;
use crate::pagination::PageParams;
use crate::shared::vocab::{EventMode, EventStatus, RegistrationStatus};
use crate::state::AppState;
use crate::web::forms::{Fields, slug};
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// An event's address: `/events/{id}-{slug}`.
pub fn path_of(id: Uuid, title: &str) -> String {
    let s = slug(title);
    if s.is_empty() {
        format!("/events/{id}")
    } else {
        format!("/events/{id}-{s}")
    }
}

/// The id at the start of `{id}` or `{id}-{slug}`; anything else names no event.
fn id_of(key: &str) -> Result<(Uuid, &str), AppError> {
    let not_found = || AppError::not_found("event");
    let head = key.get(..36).ok_or_else(not_found)?;
    let id = Uuid::parse_str(head).map_err(|_| not_found())?;
    let rest = &key[36..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return Err(not_found());
    }
    Ok((id, rest.trim_start_matches('-')))
}

/// Whether htmx asked for a fragment rather than the whole page.
fn wants_fragment(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request") && !req.headers().contains_key("hx-boosted")
}

fn org_href(id: Uuid, name: &str) -> String {
    format!("/organizations/{id}-{}", slug(name))
}

/// Organization names for the organizers of `events` (one read per organization).
async fn organizers(
    state: &AppState,
    events: &[EventView],
) -> AppResult<HashMap<Uuid, (String, String)>> {
    let mut out = HashMap::new();
    for id in events.iter().filter_map(|e| e.organization_id) {
        if out.contains_key(&id) {
            continue;
        }
        match crate::orgs::service::get(state, id).await {
            Ok(o) => {
                out.insert(id, (org_href(id, &o.name), o.name));
            }
            Err(AppError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn mode_label(ctx: &PageCtx, m: EventMode) -> String {
    ctx.t(&format!("events-mode-{}", m.as_str().replace('_', "-")))
}

fn status_label(ctx: &PageCtx, s: EventStatus) -> String {
    ctx.t(&format!("events-status-{}", s.as_str()))
}

/// When an event is, in the viewer's timezone, and in its own when that differs.
fn when_of(ctx: &PageCtx, e: &EventView) -> (String, Option<String>) {
    let here = format!("{} – {}", ctx.when(&e.starts_at), ctx.when(&e.ends_at));
    let own = e
        .timezone
        .parse::<chrono_tz::Tz>()
        .ok()
        .filter(|tz| tz.name() != ctx.tz.name())
        .map(|tz| {
            ctx.t2(
                "events-own-time",
                ("time", ctx.lang.date_time(e.starts_at, tz)),
                ("zone", tz.name()),
            )
        });
    (here, own)
}

/// One event in a list.
pub(super) struct Item {
    href: String,
    title: String,
    status: String,
    live: bool,
    /// Cancelled or ended: shown, but not as something to go to.
    over: bool,
    when: String,
    iso: String,
    own_time: Option<String>,
    place: String,
    seats: Option<String>,
    organizer: Option<(String, String)>,
    mine: Option<String>,
}

fn place_of(ctx: &PageCtx, e: &EventView) -> String {
    match (e.mode, &e.location) {
        (EventMode::Online, _) => ctx.t("events-online"),
        (EventMode::Hybrid, Some(l)) => ctx.t1("events-hybrid-at", "place", l.clone()),
        (_, Some(l)) => l.clone(),
        (_, None) => mode_label(ctx, e.mode),
    }
}

fn seats_of(ctx: &PageCtx, e: &EventView) -> Option<String> {
    e.seats_left.map(|left| {
        if left == 0 {
            ctx.t("events-full")
        } else {
            ctx.t1("events-seats-left", "count", left)
        }
    })
}

fn my_status(ctx: &PageCtx, e: &EventView) -> Option<String> {
    let r = e.my_registration.as_ref()?;
    Some(match r.status {
        RegistrationStatus::Registered => ctx.t("events-my-seated"),
        RegistrationStatus::Waitlisted => {
            ctx.t1("events-my-waitlisted", "position", r.position.unwrap_or(1))
        }
        RegistrationStatus::Cancelled => return None,
    })
}

fn item_of(ctx: &PageCtx, e: &EventView, orgs: &HashMap<Uuid, (String, String)>) -> Item {
    let (when, own_time) = when_of(ctx, e);
    Item {
        href: path_of(e.id, &e.title),
        title: e.title.clone(),
        status: status_label(ctx, e.status),
        live: e.status == EventStatus::Live,
        over: e.status.is_over(),
        when,
        iso: ctx.iso(&e.starts_at),
        own_time,
        place: place_of(ctx, e),
        seats: seats_of(ctx, e),
        organizer: e.organization_id.and_then(|o| orgs.get(&o).cloned()),
        mine: my_status(ctx, e),
    }
}

// ---- the list ----

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    theme: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    /// `past`: events that have started already, instead of those still to come.
    #[serde(default)]
    when: String,
    cursor: Option<String>,
    /// The calendar's month, `YYYY-MM`.
    #[serde(default)]
    month: String,
}

impl ListQuery {
    /// The query string of these filters (without the cursor), starting with `?` or empty.
    fn query(&self, with_month: bool) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("theme", &self.theme),
            ("organization", &self.organization),
            ("format", &self.format),
            ("from", &self.from),
            ("to", &self.to),
            ("when", &self.when),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        if with_month && !self.month.is_empty() {
            q.append_pair("month", &self.month);
        }
        let q = q.finish();
        if q.is_empty() { q } else { format!("?{q}") }
    }

    fn with(&self, key: &str, value: &str) -> String {
        let base = self.query(true);
        let sep = if base.is_empty() { "?" } else { "&" };
        let v: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
        format!("{base}{sep}{key}={v}")
    }
}

/// Midnight of `d` in the viewer's timezone.
fn start_of_day(ctx: &PageCtx, d: NaiveDate) -> DateTime<Utc> {
    ctx.tz
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight")))
}

/// The service's parameters for these filters; problems with the dates go to `problems`.
fn params_of(ctx: &PageCtx, q: &ListQuery, problems: &mut Problems) -> ListEventsParams {
    let mut date = |name: &str, raw: &str| {
        if raw.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                problems
                    .items
                    .push((name.to_owned(), ctx.t("events-bad-date")));
                None
            }
        }
    };
    let from = date("from", &q.from).map(|d| start_of_day(ctx, d));
    let to = date("to", &q.to).map(|d| start_of_day(ctx, d + Duration::days(1)));
    let now = Utc::now();
    let past = q.when == "past";
    ListEventsParams {
        from: if past {
            from
        } else {
            Some(from.map_or(now, |f| f.max(now)))
        },
        to: if past {
            Some(to.map_or(now, |t| t.min(now)))
        } else {
            to
        },
        theme: Some(q.theme.clone()).filter(|t| !t.is_empty()),
        organization: q.organization.parse().ok(),
        status: None,
        mode: q.format.parse().ok(),
        q: None,
        limit: None,
        cursor: None,
    }
}

fn options(ctx: &PageCtx, all_key: &str, items: Vec<(String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), ctx.t(all_key)))
        .chain(items)
        .collect()
}

async fn theme_options(state: &AppState) -> AppResult<Vec<(String, String, Uuid)>> {
    let page = PageParams {
        limit: Some(100),
        cursor: None,
    }
    .parse()?;
    let mut themes: Vec<_> = crate::themes::service::list(state, page)
        .await?
        .items
        .into_iter()
        .map(|t| (t.slug, t.name, t.id))
        .collect();
    themes.sort_by_key(|t| t.1.to_lowercase());
    Ok(themes)
}

async fn org_options(state: &AppState) -> AppResult<Vec<(String, String)>> {
    let page = PageParams {
        limit: Some(100),
        cursor: None,
    }
    .parse()?;
    let filter = crate::orgs::dto::OrganizationFilter {
        kind: None,
        country: None,
        q: None,
        verified: None,
    };
    let mut orgs: Vec<_> = crate::orgs::service::list(state, filter, page)
        .await?
        .items
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    orgs.sort_by_key(|o| o.1.to_lowercase());
    Ok(orgs)
}

fn format_options(ctx: &PageCtx) -> Vec<(String, String)> {
    options(
        ctx,
        "events-filter-any-format",
        EventMode::ALL
            .iter()
            .map(|m| (m.as_str().to_owned(), mode_label(ctx, *m)))
            .collect(),
    )
}

/// The filter form's choices.
struct Filters {
    themes: Vec<(String, String)>,
    orgs: Vec<(String, String)>,
    formats: Vec<(String, String)>,
    whens: Vec<(String, String)>,
}

async fn filters(state: &AppState, ctx: &PageCtx) -> AppResult<Filters> {
    Ok(Filters {
        themes: options(
            ctx,
            "events-filter-any-theme",
            theme_options(state)
                .await?
                .into_iter()
                .map(|(s, n, _)| (s, n))
                .collect(),
        ),
        orgs: options(
            ctx,
            "events-filter-any-organization",
            org_options(state).await?,
        ),
        formats: format_options(ctx),
        whens: vec![
            (String::new(), ctx.t("events-filter-upcoming")),
            ("past".into(), ctx.t("events-filter-past")),
        ],
    })
}

/// The results region: it asks for itself again every 30 s, so an event that starts
/// shows as live without a reload.
pub(super) struct Results {
    items: Vec<Item>,
    /// This region's own address (what the refresh asks for).
    refresh: String,
    next: Option<String>,
    first: Option<String>,
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: ListQuery,
    filters: Filters,
    results: Results,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "events/results.html")]
struct ResultsFragment<'a> {
    ctx: &'a PageCtx,
    results: Results,
}

/// Whether the menu should offer "New event": moderators, and owners or editors of an
/// organization (the service decides for real).
async fn may_create(state: &AppState, user: Option<&AuthUser>) -> bool {
    match user {
        None => false,
        Some(u) if u.is_moderator() => true,
        Some(u) => crate::users::service::me(state, u).await.is_ok_and(|me| {
            me.memberships.iter().any(|m| {
                matches!(
                    m.role,
                    crate::shared::vocab::MemberRole::Owner
                        | crate::shared::vocab::MemberRole::Editor
                )
            })
        }),
    }
}

#[get("/events")]
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ListQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let q = q.into_inner();
    let mut problems = Problems::default();
    let params = params_of(ctx, &q, &mut problems);
    let page = PageParams {
        limit: Some(20),
        cursor: q.cursor.clone(),
    }
    .parse()
    .page(ctx)?;
    let page = match service::list(&state, viewer.user.as_ref(), params, page).await {
        Ok(p) => p,
        Err(e @ AppError::Validation(_)) => {
            problems
                .items
                .extend(Problems::of(&e, ctx).unwrap_or_default().items);
            crate::pagination::Page {
                items: Vec::new(),
                next_cursor: None,
            }
        }
        Err(e) => return Err(e).page(ctx),
    };
    let orgs = organizers(&state, &page.items).await.page(ctx)?;
    let base = q.query(false);
    let here = match &q.cursor {
        Some(c) => q.with("cursor", c),
        None => base.clone(),
    };
    let results = Results {
        items: page.items.iter().map(|e| item_of(ctx, e, &orgs)).collect(),
        refresh: format!("/events{here}"),
        next: page
            .next_cursor
            .map(|c| format!("/events{}", q.with("cursor", &c))),
        first: q.cursor.as_ref().map(|_| format!("/events{base}")),
    };
    if wants_fragment(&req) {
        return Ok(ctx.ok(&ResultsFragment { ctx, results }));
    }
    let filters = filters(&state, ctx).await.page(ctx)?;
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(ctx.render(
        status,
        &ListPage {
            ctx,
            f: Fields::new(ctx, &problems),
            can_create: may_create(&state, viewer.user.as_ref()).await,
            q,
            filters,
            results,
        },
    ))
}

// ---- the calendar ----

pub(super) struct Day {
    label: String,
    number: u32,
    in_month: bool,
    today: bool,
    events: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "events/calendar.html")]
struct CalendarPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: ListQuery,
    filters: Filters,
    title: String,
    weekdays: Vec<(String, String)>,
    weeks: Vec<Vec<Day>>,
    prev: String,
    next: String,
    list_href: String,
    has_events: bool,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[get("/events/calendar")]
pub async fn calendar(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ListQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let mut q = q.into_inner();
    let today = Utc::now().with_timezone(&ctx.tz).date_naive();
    let first = NaiveDate::parse_from_str(&format!("{}-01", q.month), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .unwrap_or_else(|| today.with_day(1).expect("day 1"));
    q.month = first.format("%Y-%m").to_string();
    let next_first = (first + Duration::days(32)).with_day(1).expect("day 1");
    let prev_first = (first - Duration::days(1)).with_day(1).expect("day 1");
    let mut problems = Problems::default();
    // The month whatever the list's own date or "past" filters say.
    let month_q = ListQuery {
        from: String::new(),
        to: String::new(),
        when: "past".into(),
        ..ListQuery {
            theme: q.theme.clone(),
            organization: q.organization.clone(),
            format: q.format.clone(),
            ..ListQuery::default()
        }
    };
    let mut params = params_of(ctx, &month_q, &mut problems);
    params.from = Some(start_of_day(ctx, first));
    params.to = Some(start_of_day(ctx, next_first));
    let mut events = Vec::new();
    let mut cursor = None;
    // A month holds a few dozen events; five pages of 100 is far beyond any real one.
    for _ in 0..5 {
        let page = PageParams {
            limit: Some(100),
            cursor: cursor.take(),
        }
        .parse()
        .page(ctx)?;
        let p = ListEventsParams {
            from: params.from,
            to: params.to,
            theme: params.theme.clone(),
            organization: params.organization,
            status: None,
            mode: params.mode,
            q: None,
            limit: None,
            cursor: None,
        };
        let page = service::list(&state, viewer.user.as_ref(), p, page)
            .await
            .page(ctx)?;
        events.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let mut by_day: HashMap<NaiveDate, Vec<(String, String, String)>> = HashMap::new();
    for e in &events {
        let start = e.starts_at.with_timezone(&ctx.tz).date_naive();
        let end = (e.ends_at - Duration::seconds(1))
            .with_timezone(&ctx.tz)
            .date_naive();
        let mut d = start.max(first);
        while d <= end && d < next_first {
            by_day.entry(d).or_default().push((
                path_of(e.id, &e.title),
                e.title.clone(),
                if d == start {
                    e.starts_at
                        .with_timezone(&ctx.tz)
                        .format("%H:%M")
                        .to_string()
                } else {
                    String::new()
                },
            ));
            d += Duration::days(1);
        }
    }
    let grid_start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    let mut d = grid_start;
    while d < next_first {
        let mut week = Vec::new();
        for _ in 0..7 {
            week.push(Day {
                label: ctx.date(&d),
                number: d.day(),
                in_month: d.month() == first.month(),
                today: d == today,
                events: if d.month() == first.month() {
                    by_day.remove(&d).unwrap_or_default()
                } else {
                    Vec::new()
                },
            });
            d += Duration::days(1);
        }
        weeks.push(week);
    }
    let title = ctx.t2(
        "events-calendar-month",
        ("month", ctx.t(&format!("events-month-{}", first.month()))),
        ("year", i64::from(first.year())),
    );
    let weekdays = WEEKDAYS
        .iter()
        .map(|w| {
            (
                ctx.t(&format!("events-weekday-{w}")),
                ctx.t(&format!("events-weekday-short-{w}")),
            )
        })
        .collect();
    let filters = filters(&state, ctx).await.page(ctx)?;
    let month_href = |m: NaiveDate| {
        let other = ListQuery {
            month: m.format("%Y-%m").to_string(),
            cursor: None,
            ..q.clone()
        };
        format!("/events/calendar{}", other.query(true))
    };
    let prev = month_href(prev_first);
    let next = month_href(next_first);
    Ok(ctx.ok(&CalendarPage {
        ctx,
        f: Fields::new(ctx, &problems),
        list_href: format!("/events{}", q.query(false)),
        has_events: !events.is_empty(),
        q,
        filters,
        title,
        weekdays,
        weeks,
        prev,
        next,
    }))
}

// ---- my events ----

#[derive(Template)]
#[template(path = "events/mine.html")]
struct MinePage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    items: Vec<Item>,
    past: Vec<Item>,
    /// The feed's new address, shown once (only its hash is kept).
    feed: Option<(String, String)>,
}

async fn render_mine(
    state: &AppState,
    ctx: &PageCtx,
    user: &AuthUser,
    feed: Option<(String, String)>,
) -> PageResult {
    let regs = service::my_registrations(state, user).await.page(ctx)?;
    // The service lists the registrations that stand (seats and waitlist places).
    let mut events: Vec<EventView> = Vec::new();
    for r in regs {
        let mut e = r.event;
        e.my_registration = Some(r.registration);
        events.push(e);
    }
    let orgs = organizers(state, &events).await.page(ctx)?;
    let mut items = Vec::new();
    let mut past = Vec::new();
    for e in &events {
        let item = item_of(ctx, e, &orgs);
        if e.status.is_over() {
            past.push(item);
        } else {
            items.push(item);
        }
    }
    let problems = Problems::default();
    let mut res = ctx.ok(&MinePage {
        ctx,
        f: Fields::new(ctx, &problems),
        items,
        past,
        feed: feed.clone(),
    });
    if feed.is_some() {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    Ok(res)
}

#[get("/events/mine")]
pub async fn mine(state: web::Data<AppState>, viewer: Viewer) -> PageResult {
    let user = viewer.require()?;
    render_mine(&state, &viewer.ctx, user, None).await
}

/// A new personal feed address. Answered with the page itself, not a redirect: the
/// address can be shown only now (the server keeps its hash), and must not sit in a URL.
#[post("/events/mine/calendar")]
pub async fn rotate_feed(
    state: web::Data<AppState>,
    viewer: Viewer,
    _f: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let token = service::new_calendar_token(&state, user).await.page(ctx)?;
    let https = ctx.absolute(&format!("/api/v1/calendar/{token}.ics"));
    let webcal = https
        .replacen("https://", "webcal://", 1)
        .replacen("http://", "webcal://", 1);
    render_mine(&state, ctx, user, Some((https, webcal))).await
}

pub fn config(cfg: &mut web::ServiceConfig) {
    // Fixed paths before `/events/{key}`.
    cfg.service(list)
        .service(calendar)
        .service(mine)
        .service(rotate_feed);
    form::config(cfg);
    show::config(cfg);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_id_and_the_slug() {
        let id = Uuid::now_v7();
        assert_eq!(id_of(&id.to_string()).unwrap(), (id, ""));
        assert_eq!(id_of(&format!("{id}-bikes")).unwrap(), (id, "bikes"));
        assert!(id_of(&format!("{id}x")).is_err());
        assert!(id_of("calendar").is_err());
    }
}
