use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use chrono::Utc;

use crate::auth::AuthUser;
use crate::auth::pages::Viewer;
use crate::events::dto::ListEventsParams;
use crate::pagination::PageRequest;
use crate::practices::cache::PracticeCache;
use crate::practices::dto::{SearchParams, SearchResponse, SortOrder};
use crate::shared::vocab::{MemberRole, RegistrationStatus};
use crate::state::AppState;
use crate::web::forms::{esc, slug};
use crate::web::{OrPage, PageCtx, PageResult};

/// How many items each list of the home page shows.
const HOME_LIST: i64 = 6;

/// The signed-in person's next registrations shown at most.
const MY_REGISTRATIONS: usize = 20;

/// The protocol's limit of addresses in one sitemap file.
const SITEMAP_MAX: i64 = 50_000;

pub struct PracticeItem {
    href: String,
    title: String,
    organization: String,
    summary: String,
}

pub struct EventItem {
    href: String,
    title: String,
    starts_at: chrono::DateTime<Utc>,
    /// The event's own timezone, when it is not the viewer's.
    own_timezone: Option<chrono_tz::Tz>,
}

impl EventItem {
    fn new(
        ctx: &PageCtx,
        id: uuid::Uuid,
        title: String,
        starts_at: chrono::DateTime<Utc>,
        timezone: &str,
    ) -> Self {
        EventItem {
            href: event_href(id),
            title,
            starts_at,
            own_timezone: timezone.parse().ok().filter(|tz| *tz != ctx.tz),
        }
    }

    /// The start in the event's own timezone, named, when that is not the viewer's.
    fn own_time(&self, ctx: &PageCtx) -> Option<String> {
        self.own_timezone.map(|tz| {
            ctx.t2(
                "home-event-own-time",
                ("time", ctx.lang.date_time(self.starts_at, tz)),
                ("zone", tz.name().replace('_', " ")),
            )
        })
    }
}

pub struct RegistrationItem {
    event: EventItem,
    /// `None`: has a seat; `Some(n)`: n-th on the waitlist.
    waitlist_position: Option<i64>,
}

pub struct LinkItem {
    href: String,
    name: String,
}

pub struct OrganizationItem {
    href: String,
    name: String,
    role_key: &'static str,
}

/// What only the signed-in see.
pub struct Mine {
    rooms: Vec<LinkItem>,
    registrations: Vec<RegistrationItem>,
    organizations: Vec<OrganizationItem>,
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct Home<'a> {
    ctx: &'a PageCtx,
    practices: Vec<PracticeItem>,
    events: Vec<EventItem>,
    mine: Option<Mine>,
}

fn practice_href(id: uuid::Uuid, title: &str) -> String {
    format!("/practices/{id}-{}", slug(title))
}

fn organization_href(id: uuid::Uuid, name: &str) -> String {
    format!("/organizations/{id}-{}", slug(name))
}

fn event_href(id: uuid::Uuid) -> String {
    // The event's page redirects to its address with the title's slug.
    format!("/events/{id}")
}

fn role_key(role: MemberRole) -> &'static str {
    match role {
        MemberRole::Owner => "home-role-owner",
        MemberRole::Editor => "home-role-editor",
        MemberRole::Member => "home-role-member",
    }
}

async fn latest_practices(
    state: &AppState,
    cache: &PracticeCache,
) -> crate::error::AppResult<Vec<PracticeItem>> {
    let params = SearchParams {
        sort: Some(SortOrder::Newest),
        limit: Some(HOME_LIST),
        ..SearchParams::default()
    };
    let bytes = crate::practices::service::search(state, cache, &params).await?;
    let found: SearchResponse =
        serde_json::from_slice(&bytes).map_err(crate::error::AppError::internal)?;
    Ok(found
        .items
        .into_iter()
        .map(|p| PracticeItem {
            href: practice_href(p.id, &p.title),
            title: p.title,
            organization: p.organization.name,
            summary: p.summary,
        })
        .collect())
}

async fn upcoming_events(
    state: &AppState,
    ctx: &PageCtx,
) -> crate::error::AppResult<Vec<EventItem>> {
    let params = ListEventsParams {
        from: Some(Utc::now()),
        to: None,
        theme: None,
        organization: None,
        status: Some("published,live".into()),
        mode: None,
        q: None,
        limit: None,
        cursor: None,
    };
    let page = PageRequest {
        limit: HOME_LIST,
        after: None,
    };
    // As anyone sees them: the home page lists what is public.
    let events = crate::events::service::list(state, None, params, page).await?;
    Ok(events
        .items
        .into_iter()
        .map(|e| EventItem::new(ctx, e.id, e.title, e.starts_at, &e.timezone))
        .collect())
}

async fn mine(state: &AppState, ctx: &PageCtx, user: &AuthUser) -> crate::error::AppResult<Mine> {
    let rooms = {
        let mut conn = state.conn().await?;
        crate::rooms::api::enterable(&mut conn, user.id, HOME_LIST).await?
    };
    let mut upcoming: Vec<_> = crate::events::service::my_registrations(state, user)
        .await?
        .into_iter()
        .filter(|r| {
            r.registration.status != RegistrationStatus::Cancelled && !r.event.status.is_over()
        })
        .collect();
    upcoming.sort_by_key(|r| r.event.starts_at);
    let registrations = upcoming
        .into_iter()
        .take(MY_REGISTRATIONS)
        .map(|r| RegistrationItem {
            waitlist_position: match r.registration.status {
                RegistrationStatus::Waitlisted => Some(r.registration.position.unwrap_or(0)),
                _ => None,
            },
            event: EventItem::new(
                ctx,
                r.event.id,
                r.event.title,
                r.event.starts_at,
                &r.event.timezone,
            ),
        })
        .collect();
    let me = crate::users::service::me(state, user).await?;
    Ok(Mine {
        rooms: rooms
            .into_iter()
            .map(|r| LinkItem {
                href: format!("/rooms/{}", r.id),
                name: r.name,
            })
            .collect(),
        registrations,
        organizations: me
            .memberships
            .into_iter()
            .map(|m| OrganizationItem {
                href: organization_href(m.organization_id, &m.organization_name),
                name: m.organization_name,
                role_key: role_key(m.role),
            })
            .collect(),
    })
}

#[get("/")]
pub async fn home(
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    viewer: Viewer,
) -> PageResult {
    let ctx = &viewer.ctx;
    let practices = latest_practices(&state, &cache).await.page(ctx)?;
    let events = upcoming_events(&state, ctx).await.page(ctx)?;
    let mine = match &viewer.user {
        Some(user) => Some(mine(&state, ctx, user).await.page(ctx)?),
        None => None,
    };
    Ok(ctx.ok(&Home {
        ctx,
        practices,
        events,
        mine,
    }))
}

/// Search engines may index the public pages, not the personal ones.
#[get("/robots.txt")]
pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let sitemap = state
        .settings
        .http
        .public_url
        .as_deref()
        .map(|u| format!("Sitemap: {}/sitemap.xml\n", u.trim_end_matches('/')))
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "User-agent: *\nDisallow: /account\nDisallow: /sign-in\nDisallow: /sign-up\nDisallow: /rooms\nDisallow: /api/\nAllow: /\n{sitemap}"
        ))
}

fn url_entry(xml: &mut String, loc: &str, lastmod: &chrono::DateTime<Utc>) {
    xml.push_str("<url><loc>");
    xml.push_str(&esc(loc));
    xml.push_str("</loc><lastmod>");
    xml.push_str(&lastmod.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    xml.push_str("</lastmod></url>\n");
}

/// The public pages search engines should know: published practices, then organizations,
/// then public events, at most `SITEMAP_MAX` addresses in all.
#[get("/sitemap.xml")]
pub async fn sitemap_xml(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, crate::error::AppError> {
    let ctx = PageCtx::new(
        &req,
        None,
        (None, None),
        state.settings.http.public_url.as_deref(),
    );
    let practices = crate::practices::service::sitemap_entries(&state, SITEMAP_MAX).await?;
    let left = SITEMAP_MAX - practices.len() as i64;
    let organizations = if left > 0 {
        crate::orgs::service::sitemap_entries(&state, left).await?
    } else {
        Vec::new()
    };
    let left = left - organizations.len() as i64;
    let events = if left > 0 {
        crate::events::service::sitemap_entries(&state, left).await?
    } else {
        Vec::new()
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (id, title, changed) in &practices {
        url_entry(&mut xml, &ctx.absolute(&practice_href(*id, title)), changed);
    }
    for (id, name, changed) in &organizations {
        url_entry(
            &mut xml,
            &ctx.absolute(&organization_href(*id, name)),
            changed,
        );
    }
    for (id, title, changed) in &events {
        url_entry(
            &mut xml,
            &ctx.absolute(&format!("/events/{id}-{}", slug(title))),
            changed,
        );
    }
    xml.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "public, max-age=3600",
        ))
        .body(xml))
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(home).service(robots).service(sitemap_xml);
}
