//! Rules for write-ups: who sees and edits what, validation into `PracticeContent`,
//! revisions, and the counters behind comments, endorsements and adoptions. Every write
//! ends with `changed`, which clears the cache here and on the other instances.

use std::collections::{BTreeSet, HashMap};

use actix_web::web::Bytes;
use chrono::Datelike;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::cache::{PracticeCache, RecordBytes};
use super::dto::{
    AdopterView, AdoptionView, Budget, CommentView, Contact, CountsView, CreateAdoptionRequest,
    CreateCommentRequest, EndorsementView, HiddenView, HtmlView, Indicator, JsonObject, Link,
    Location, PracticeContent, PracticeInput, PracticeListItem, PracticeRefView, PracticeView,
    RevisionSummary, RevisionView, SearchParams, SearchResponse, UpdateAdoptionRequest,
    UpdateCommentRequest,
};
use super::repo::{self, AdoptionsOf, Counter, Practice};
use super::search;
use crate::auth::AuthUser;
use crate::domain::{CurrencyCode, Email, LanguageCode, WebUrl, short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::markdown::to_html;
use crate::pagination::{Page, PageRequest, time_id_key};
use crate::pubsub::Topic;
use crate::shared::person::PersonRef;
use crate::shared::vocab::MemberRole;
use crate::shared::vocab::PracticeStatus;
use crate::state::AppState;

const MAX_SUMMARY: usize = 1_000;
const MAX_BODY: usize = 50_000;
const MAX_SECTION: usize = 20_000;
const MAX_THEMES: usize = 16;
const MAX_TAGS: usize = 20;
const MAX_TAG: usize = 40;
const MAX_LIST_ITEMS: usize = 30;
const MAX_LIST_ITEM: usize = 200;
const MAX_INDICATORS: usize = 50;
const MAX_LINKS: usize = 20;
const MAX_COMMENT: usize = 5_000;
const MAX_NOTE: usize = 5_000;
const MAX_REASON: usize = 1_000;
const MAX_BUDGET: f64 = 1e13;
/// Rows an export may hold; narrow the filters beyond that.
pub const EXPORT_LIMIT: i64 = 10_000;

fn invalid_transition(from: PracticeStatus, action: &str) -> AppError {
    AppError::Conflict {
        code: "invalid_transition",
        message: format!("a {from} practice cannot be {action}"),
        details: Some(serde_json::json!({ "status": from })),
    }
}

fn not_published() -> AppError {
    AppError::conflict(
        "not_published",
        "only published practices can be endorsed or adopted",
    )
}

/// Clears the cache here at once, and on every instance once NOTIFY arrives.
fn changed(state: &AppState, id: Uuid) {
    state.pubsub.publish(Topic::Practice, &id.to_string());
}

// ---- who may do what ----

async fn role_in(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    user: &AuthUser,
) -> AppResult<Option<MemberRole>> {
    Ok(crate::orgs::repo::member_role(conn, org, user.id).await?)
}

/// Owners and editors write for their organization; admins for any.
async fn is_editor(conn: &mut AsyncPgConnection, org: Uuid, user: &AuthUser) -> AppResult<bool> {
    Ok(user.is_admin()
        || matches!(
            role_in(conn, org, user).await?,
            Some(MemberRole::Owner | MemberRole::Editor)
        ))
}

/// Whoever sees drafts and hidden records: the organization's members and platform
/// moderators.
async fn is_insider(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<bool> {
    Ok(match user {
        None => false,
        Some(u) if u.is_moderator() => true,
        Some(u) => role_in(conn, org, u).await?.is_some(),
    })
}

/// The practice if the caller may see it; 404 otherwise (existence is not revealed).
async fn visible(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
    lock: bool,
) -> AppResult<Practice> {
    let p = if lock {
        repo::lock(conn, id).await?
    } else {
        repo::find(conn, id).await?
    }
    .ok_or_else(|| AppError::not_found("practice"))?;
    if p.is_public() || is_insider(conn, p.organization_id, user).await? {
        Ok(p)
    } else {
        Err(AppError::not_found("practice"))
    }
}

/// Whether the caller may read the practice and edit it (for what is attached to it).
pub async fn access_of(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<(bool, bool)> {
    match visible(conn, id, user, false).await {
        Ok(p) => Ok((
            true,
            match user {
                Some(u) => is_editor(conn, p.organization_id, u).await?,
                None => false,
            },
        )),
        Err(AppError::NotFound(_)) => Ok((false, false)),
        Err(e) => Err(e),
    }
}

/// As `visible`, locked, and the caller must be an editor of the owning organization.
async fn editable(conn: &mut AsyncPgConnection, id: Uuid, user: &AuthUser) -> AppResult<Practice> {
    let p = visible(conn, id, Some(user), true).await?;
    if !is_editor(conn, p.organization_id, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the practice's organization may change it",
        ));
    }
    Ok(p)
}

/// The row again, after a change in this transaction.
async fn reload(conn: &mut AsyncPgConnection, id: Uuid) -> AppResult<Practice> {
    repo::find(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("practice"))
}

// ---- validation ----

fn opt_markdown(errors: &mut FieldErrors, field: &str, raw: Option<String>) -> Option<String> {
    let s = errors.check(field, text(raw.as_deref()?, MAX_SECTION))?;
    (!s.is_empty()).then_some(s)
}

fn opt_line(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<String>,
    max: usize,
) -> Option<String> {
    let raw = raw?;
    if raw.trim().is_empty() {
        return None;
    }
    errors.check(field, short_line(&raw, max))
}

fn lines(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<Vec<String>>,
    max_items: usize,
    max_len: usize,
) -> Vec<String> {
    let raw = raw.unwrap_or_default();
    if raw.len() > max_items {
        errors.add(field, format!("at most {max_items} items"));
        return Vec::new();
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        if let Some(v) = errors.check(&format!("{field}[{i}]"), short_line(s, max_len))
            && seen.insert(v.to_lowercase())
        {
            out.push(v);
        }
    }
    out
}

fn finite(errors: &mut FieldErrors, field: &str, v: f64, min: f64, max: f64) {
    if !v.is_finite() || v < min || v > max {
        errors.add(field, format!("must be between {min} and {max}"));
    }
}

/// Checks every field and returns the normal form; one 422 names every problem.
async fn validate(
    conn: &mut AsyncPgConnection,
    input: PracticeInput,
) -> AppResult<PracticeContent> {
    let mut e = FieldErrors::new();
    let required = |e: &mut FieldErrors, field: &str| e.add(field, "is required");

    let title = match &input.title {
        Some(t) => e.check(
            "title",
            crate::domain::EventTitle::parse(t).map(|t| t.into_inner()),
        ),
        None => {
            required(&mut e, "title");
            None
        }
    };
    let summary = match &input.summary {
        Some(s) if s.trim().is_empty() => {
            e.add("summary", "must not be blank");
            None
        }
        Some(s) => e.check("summary", text(s, MAX_SUMMARY)),
        None => {
            required(&mut e, "summary");
            None
        }
    };
    let body = match &input.body {
        Some(b) if b.trim().is_empty() => {
            e.add("body", "must not be blank");
            None
        }
        Some(b) => e.check("body", text(b, MAX_BODY)),
        None => {
            required(&mut e, "body");
            None
        }
    };
    let theme_ids = match input.theme_ids {
        None => {
            required(&mut e, "theme_ids");
            Vec::new()
        }
        Some(ids) => {
            let mut unique = Vec::new();
            for id in ids {
                if !unique.contains(&id) {
                    unique.push(id);
                }
            }
            if unique.is_empty() || unique.len() > MAX_THEMES {
                e.add("theme_ids", format!("must name 1 to {MAX_THEMES} themes"));
            } else {
                let found = repo::themes(conn, &unique).await?;
                if let Some(missing) = unique.iter().find(|id| !found.iter().any(|t| t.id == **id))
                {
                    e.add("theme_ids", format!("no theme has the id {missing}"));
                }
            }
            unique
        }
    };
    let tags = lines(&mut e, "tags", input.tags, MAX_TAGS, MAX_TAG);
    let language = match &input.language {
        Some(l) => e.check("language", LanguageCode::parse(l).map(|l| l.into_inner())),
        None => {
            required(&mut e, "language");
            None
        }
    };
    if input.implementation_status.is_none() {
        required(&mut e, "implementation_status");
    }
    for (field, d) in [
        ("start_date", input.start_date),
        ("end_date", input.end_date),
    ] {
        if d.is_some_and(|d| !(1900..=2100).contains(&d.year())) {
            e.add(field, "must be between the years 1900 and 2100");
        }
    }
    if let (Some(s), Some(end)) = (input.start_date, input.end_date)
        && end < s
    {
        e.add("end_date", "must not be before start_date");
    }
    let budget = input.budget.and_then(|b| {
        finite(&mut e, "budget.amount", b.amount, 0.0, MAX_BUDGET);
        let currency = e.check("budget.currency", CurrencyCode::parse(&b.currency))?;
        Some(Budget {
            amount: b.amount,
            currency: currency.into_inner(),
        })
    });
    let funding_sources = lines(
        &mut e,
        "funding_sources",
        input.funding_sources,
        MAX_LIST_ITEMS,
        MAX_LIST_ITEM,
    );
    let stakeholders_involved = lines(
        &mut e,
        "stakeholders_involved",
        input.stakeholders_involved,
        MAX_LIST_ITEMS,
        MAX_LIST_ITEM,
    );
    let results = opt_markdown(&mut e, "results", input.results);
    let lessons_learned = opt_markdown(&mut e, "lessons_learned", input.lessons_learned);
    let transferability = opt_markdown(&mut e, "transferability", input.transferability);
    let location = input.location.map(|l| {
        finite(&mut e, "location.lat", l.lat, -90.0, 90.0);
        finite(&mut e, "location.lon", l.lon, -180.0, 180.0);
        Location {
            lat: l.lat,
            lon: l.lon,
            place: opt_line(&mut e, "location.place", l.place, MAX_LIST_ITEM),
        }
    });
    let indicators_in = input.indicators.unwrap_or_default();
    if indicators_in.len() > MAX_INDICATORS {
        e.add("indicators", format!("at most {MAX_INDICATORS} items"));
    }
    let indicators: Vec<Indicator> = indicators_in
        .into_iter()
        .take(MAX_INDICATORS)
        .enumerate()
        .filter_map(|(i, ind)| {
            let f = |k: &str| format!("indicators[{i}].{k}");
            let name = e.check(&f("name"), short_line(&ind.name, MAX_LIST_ITEM));
            let unit = e.check(&f("unit"), short_line(&ind.unit, 50));
            if let Some(b) = ind.baseline {
                finite(&mut e, &f("baseline"), b, -1e15, 1e15);
            }
            finite(&mut e, &f("value"), ind.value, -1e15, 1e15);
            if !(1900..=2100).contains(&ind.year) {
                e.add(f("year"), "must be between 1900 and 2100");
            }
            Some(Indicator {
                name: name?,
                unit: unit?,
                ..ind
            })
        })
        .collect();
    let links_in = input.links.unwrap_or_default();
    if links_in.len() > MAX_LINKS {
        e.add("links", format!("at most {MAX_LINKS} items"));
    }
    let links: Vec<Link> = links_in
        .into_iter()
        .take(MAX_LINKS)
        .enumerate()
        .filter_map(|(i, l)| {
            let url = e.check(&format!("links[{i}].url"), WebUrl::parse(&l.url));
            let title = opt_line(&mut e, &format!("links[{i}].title"), l.title, MAX_LIST_ITEM);
            Some(Link {
                url: url?.into_inner(),
                title,
            })
        })
        .collect();
    let contact = input.contact.and_then(|c| {
        let c = Contact {
            name: opt_line(&mut e, "contact.name", c.name, 100),
            email: c
                .email
                .filter(|m| !m.trim().is_empty())
                .and_then(|m| e.check("contact.email", Email::parse(&m)))
                .map(|m| m.into_inner()),
            role: opt_line(&mut e, "contact.role", c.role, 100),
        };
        (c.name.is_some() || c.email.is_some() || c.role.is_some()).then_some(c)
    });
    e.finish()?;
    Ok(PracticeContent {
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        body: body.unwrap_or_default(),
        theme_ids,
        tags,
        language: language.unwrap_or_default(),
        implementation_status: input
            .implementation_status
            .ok_or_else(|| FieldErrors::single("implementation_status", "is required"))?,
        start_date: input.start_date,
        end_date: input.end_date,
        budget,
        funding_sources,
        results,
        lessons_learned,
        transferability,
        stakeholders_involved,
        location,
        indicators,
        links,
        contact,
    })
}

/// Parses a JSON object as `PracticeInput`, naming the field of any shape error.
fn input_from(object: serde_json::Map<String, serde_json::Value>) -> AppResult<PracticeInput> {
    let bytes = serde_json::to_vec(&object).map_err(AppError::internal)?;
    crate::extract::parse_json::<PracticeInput>(&bytes)
}

fn to_json(content: &PracticeContent) -> AppResult<serde_json::Value> {
    serde_json::to_value(content).map_err(AppError::internal)
}

fn content_of(p: &Practice) -> AppResult<PracticeContent> {
    serde_json::from_value(p.content.clone()).map_err(AppError::internal)
}

/// The top-level fields whose values differ.
fn changed_fields(old: &serde_json::Value, new: &serde_json::Value) -> Vec<String> {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return Vec::new();
    };
    new.iter()
        .filter(|(k, v)| old.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

// ---- records ----

async fn view(conn: &mut AsyncPgConnection, p: Practice) -> AppResult<PracticeView> {
    let content = content_of(&p)?;
    let organization = repo::org_ref(conn, p.organization_id)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("practice without organization")))?;
    let themes = repo::themes(conn, &content.theme_ids).await?;
    let adopted_by = repo::adopters(conn, p.id)
        .await?
        .into_iter()
        .map(|a| AdopterView {
            adoption_id: a.adoption_id,
            organization: a.organization,
            status: a.status,
            since: a.since,
        })
        .collect();
    let html = HtmlView {
        body: to_html(&content.body),
        results: content.results.as_deref().map(to_html),
        lessons_learned: content.lessons_learned.as_deref().map(to_html),
        transferability: content.transferability.as_deref().map(to_html),
    };
    Ok(PracticeView {
        id: p.id,
        organization,
        status: p.status,
        hidden: p
            .hidden_at
            .zip(p.hidden_reason)
            .map(|(at, reason)| HiddenView { at, reason }),
        content,
        html,
        themes,
        counts: CountsView {
            comments: p.comment_count,
            endorsements: p.endorsement_count,
            adoptions: p.adoption_count,
        },
        adopted_by,
        revision: p.revision,
        created_at: p.created_at,
        updated_at: p.updated_at,
        published_at: p.published_at,
    })
}

/// The record as JSON for this caller: contact details only for signed-in users.
fn render(mut v: PracticeView) -> AppResult<RecordBytes> {
    let signed_in = Bytes::from(serde_json::to_vec(&v).map_err(AppError::internal)?);
    v.content.contact = None;
    let anonymous = Bytes::from(serde_json::to_vec(&v).map_err(AppError::internal)?);
    Ok(RecordBytes {
        anonymous,
        signed_in,
    })
}

fn pick(r: RecordBytes, user: Option<&AuthUser>) -> Bytes {
    if user.is_some() {
        r.signed_in
    } else {
        r.anonymous
    }
}

pub async fn create(
    state: &AppState,
    user: &AuthUser,
    body: JsonObject,
) -> AppResult<PracticeView> {
    let mut object = body.0;
    let org: Uuid = match object.remove("organization_id") {
        None | Some(serde_json::Value::Null) => {
            return Err(FieldErrors::single("organization_id", "is required"));
        }
        Some(v) => serde_json::from_value(v)
            .map_err(|_| FieldErrors::single("organization_id", "must be a UUID"))?,
    };
    let input = input_from(object)?;
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(FieldErrors::single(
            "organization_id",
            "no such organization",
        ));
    }
    if !is_editor(&mut conn, org, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the organization may publish practices for it",
        ));
    }
    let content = validate(&mut conn, input).await?;
    let json = to_json(&content)?;
    let fields: Vec<String> = json
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let id = Uuid::now_v7();
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            repo::insert(conn, id, org, &json, user.id, &fields).await?;
            repo::add_terms(conn, id).await?;
            reload(conn, id).await
        })
        .await?;
    view(&mut conn, p).await
}

/// The record as JSON bytes. Public records come from the cache when they can.
pub async fn get(
    state: &AppState,
    cache: &PracticeCache,
    user: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<Bytes> {
    if let Some(hit) = cache.record(id) {
        return Ok(pick(hit, user));
    }
    let generation = cache.generation();
    let mut conn = state.conn().await?;
    let p = visible(&mut conn, id, user, false).await?;
    let public = p.is_public();
    let rendered = render(view(&mut conn, p).await?)?;
    if public {
        cache.put_record(id, rendered.clone(), generation);
    }
    Ok(pick(rendered, user))
}

/// Applies a partial update. A change stores a new revision; a PATCH that changes nothing
/// stores none.
pub async fn update(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    body: JsonObject,
) -> AppResult<PracticeView> {
    let patch = body.0;
    if patch.contains_key("organization_id") {
        return Err(FieldErrors::single(
            "organization_id",
            "cannot be changed; a practice stays with its organization",
        ));
    }
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = editable(conn, id, user).await?;
            let mut merged = p.content.as_object().cloned().unwrap_or_default();
            for (k, v) in patch {
                merged.insert(k, v);
            }
            let content = validate(conn, input_from(merged)?).await?;
            let json = to_json(&content)?;
            let fields = changed_fields(&p.content, &json);
            if fields.is_empty() {
                return Ok((p, false));
            }
            let number = p.revision + 1;
            repo::update_content(conn, id, &json, number).await?;
            repo::insert_revision(conn, id, number, user.id, &fields, &json).await?;
            repo::add_terms(conn, id).await?;
            let p = reload(conn, id).await?;
            Ok((p, true))
        })
        .await;
    let (p, did_change) = p?;
    if did_change {
        changed(state, id);
    }
    view(&mut conn, p).await
}

#[derive(Debug, Clone, Copy)]
pub enum Transition {
    Publish,
    Archive,
}

pub async fn transition(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    t: Transition,
) -> AppResult<PracticeView> {
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = editable(conn, id, user).await?;
            let to = match (t, p.status) {
                (Transition::Publish, PracticeStatus::Draft | PracticeStatus::Archived) => {
                    PracticeStatus::Published
                }
                (Transition::Archive, PracticeStatus::Published) => PracticeStatus::Archived,
                (Transition::Publish, s) => return Err(invalid_transition(s, "published")),
                (Transition::Archive, s) => return Err(invalid_transition(s, "archived")),
            };
            repo::set_status(conn, id, to).await?;
            reload(conn, id).await
        })
        .await?;
    changed(state, id);
    view(&mut conn, p).await
}

/// Platform moderators hide a record (`Some(reason)`) or show it again (`None`).
pub async fn set_hidden(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    reason: Option<String>,
) -> AppResult<PracticeView> {
    if !user.is_moderator() {
        return Err(AppError::forbidden(
            "only platform moderators may hide practices",
        ));
    }
    let reason = match reason {
        None => None,
        Some(r) => {
            let r = text(&r, MAX_REASON).map_err(|m| FieldErrors::single("reason", m))?;
            if r.is_empty() {
                return Err(FieldErrors::single("reason", "must not be blank"));
            }
            Some(r)
        }
    };
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            match (&reason, p.hidden_at.is_some()) {
                (Some(_), true) => {
                    return Err(AppError::conflict(
                        "already_hidden",
                        "the practice is already hidden",
                    ));
                }
                (None, false) => {
                    return Err(AppError::conflict(
                        "not_hidden",
                        "the practice is not hidden",
                    ));
                }
                _ => {}
            }
            repo::set_hidden(conn, id, reason.as_deref().map(|r| (r, user.id))).await?;
            reload(conn, id).await
        })
        .await?;
    changed(state, id);
    view(&mut conn, p).await
}

/// An organization's practices: everything for its members and moderators, the public
/// ones for everyone else.
pub async fn by_organization(
    state: &AppState,
    user: Option<&AuthUser>,
    org: Uuid,
    page: PageRequest,
) -> AppResult<Page<PracticeListItem>> {
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    let all = is_insider(&mut conn, org, user).await?;
    let after = page.after_time_id()?;
    let rows = repo::by_organization(&mut conn, org, all, after, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |p| time_id_key(p.updated_at, p.id),
        |p| PracticeListItem {
            id: p.id,
            title: p.content["title"].as_str().unwrap_or_default().to_owned(),
            summary: p.content["summary"].as_str().unwrap_or_default().to_owned(),
            status: p.status,
            hidden: p.hidden_at.is_some(),
            revision: p.revision,
            updated_at: p.updated_at,
            published_at: p.published_at,
        },
    ))
}

// ---- revisions ----

/// Revisions hold every earlier text, including what a moderator hid: insiders only.
async fn insider_view(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<Practice> {
    let p = visible(conn, id, Some(user), false).await?;
    if !is_insider(conn, p.organization_id, Some(user)).await? {
        return Err(AppError::forbidden(
            "revisions are for the organization's members and moderators",
        ));
    }
    Ok(p)
}

pub async fn revisions(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<RevisionSummary>> {
    let mut conn = state.conn().await?;
    insider_view(&mut conn, id, user).await?;
    let before = page
        .after
        .as_deref()
        .map(|s| {
            s.parse::<i32>()
                .map_err(|_| FieldErrors::single("cursor", "is not a cursor for this list"))
        })
        .transpose()?;
    let rows = repo::revisions(&mut conn, id, before, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |r| r.number.to_string(),
        |r| RevisionSummary {
            number: r.number,
            author: r.author,
            created_at: r.created_at,
            changed_fields: r.changed_fields,
        },
    ))
}

pub async fn revision(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    number: i32,
) -> AppResult<RevisionView> {
    let mut conn = state.conn().await?;
    insider_view(&mut conn, id, user).await?;
    let r = repo::revision(&mut conn, id, number)
        .await?
        .ok_or_else(|| AppError::not_found("revision"))?;
    let content =
        serde_json::from_value(r.content.unwrap_or_default()).map_err(AppError::internal)?;
    Ok(RevisionView {
        summary: RevisionSummary {
            number: r.number,
            author: r.author,
            created_at: r.created_at,
            changed_fields: r.changed_fields,
        },
        content,
    })
}

// ---- search and export ----

/// Search pages as JSON bytes, cached by their canonical filters (the catalogue is the
/// same for every caller: published, not hidden).
pub async fn search(
    state: &AppState,
    cache: &PracticeCache,
    params: &SearchParams,
) -> AppResult<Bytes> {
    let (filter, limit, cursor) = search::parse(params)?;
    let key = filter.cache_key(limit, cursor.as_ref());
    if let Some(hit) = cache.search(&key) {
        return Ok(hit);
    }
    let generation = cache.generation();
    let flight = cache.flight(&key, generation);
    let result = flight
        .cell
        .get_or_try_init(|| async {
            let mut conn = state.conn().await?;
            let result = search::run(&mut conn, &filter, limit, cursor.as_ref(), true).await?;
            let bytes = Bytes::from(serde_json::to_vec(&result).map_err(AppError::internal)?);
            cache.put_search(key.clone(), bytes.clone(), generation);
            Ok::<_, AppError>(bytes)
        })
        .await
        .cloned();
    cache.finish(flight);
    result
}

/// Every match of the filters (no paging), for `export`.
pub async fn export_rows(state: &AppState, params: &SearchParams) -> AppResult<SearchResponse> {
    let (filter, _, _) = search::parse(&SearchParams {
        limit: None,
        cursor: None,
        ..params.clone()
    })?;
    let mut conn = state.conn().await?;
    let result = search::run(&mut conn, &filter, EXPORT_LIMIT, None, false).await?;
    if result.total > EXPORT_LIMIT {
        return Err(AppError::Conflict {
            code: "export_too_large",
            message: format!(
                "{} practices match; an export holds at most {EXPORT_LIMIT}: narrow the filters",
                result.total
            ),
            details: Some(serde_json::json!({ "total": result.total, "limit": EXPORT_LIMIT })),
        });
    }
    Ok(result)
}

// ---- comments ----

fn comment_view(c: repo::Comment, people: &HashMap<Uuid, String>) -> CommentView {
    let deleted = c.deleted_at.is_some();
    CommentView {
        id: c.id,
        practice_id: c.practice_id,
        parent_id: c.parent_id,
        author: c.author_id.and_then(|id| {
            people.get(&id).map(|n| PersonRef {
                user_id: id,
                display_name: n.clone(),
            })
        }),
        body_html: (!deleted).then(|| to_html(&c.body)),
        body: (!deleted).then_some(c.body),
        deleted,
        created_at: c.created_at,
        edited_at: c.edited_at,
        replies: None,
    }
}

async fn people_of(
    conn: &mut AsyncPgConnection,
    comments: &[&repo::Comment],
) -> AppResult<HashMap<Uuid, String>> {
    let mut ids: Vec<Uuid> = comments.iter().filter_map(|c| c.author_id).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(crate::auth::repo::people(conn, &ids)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p.display_name))
        .collect())
}

fn comment_body(raw: &str) -> AppResult<String> {
    let body = text(raw, MAX_COMMENT).map_err(|m| FieldErrors::single("body", m))?;
    if body.is_empty() {
        return Err(FieldErrors::single("body", "must not be blank"));
    }
    Ok(body)
}

pub async fn add_comment(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: CreateCommentRequest,
) -> AppResult<CommentView> {
    let body = comment_body(&req.body)?;
    let mut conn = state.conn().await?;
    let c = conn
        .transaction::<_, AppError, _>(async move |conn| {
            visible(conn, id, Some(user), true).await?;
            if let Some(parent) = req.parent_id {
                let ok = repo::find_comment(conn, parent).await?;
                match ok {
                    Some(p)
                        if p.practice_id == id
                            && p.parent_id.is_none()
                            && p.deleted_at.is_none() => {}
                    Some(p) if p.practice_id == id && p.parent_id.is_some() => {
                        return Err(FieldErrors::single(
                            "parent_id",
                            "replies take one level: answer the top-level comment",
                        ));
                    }
                    Some(p) if p.practice_id == id => {
                        return Err(FieldErrors::single("parent_id", "that comment was deleted"));
                    }
                    _ => {
                        return Err(FieldErrors::single(
                            "parent_id",
                            "no such comment on this practice",
                        ));
                    }
                }
            }
            let c = repo::insert_comment(conn, Uuid::now_v7(), id, req.parent_id, user.id, &body)
                .await?;
            repo::bump(conn, id, Counter::Comments, 1).await?;
            Ok(c)
        })
        .await?;
    changed(state, id);
    let people = HashMap::from([(user.id, user.display_name.clone())]);
    Ok(comment_view(c, &people))
}

pub async fn comments(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<CommentView>> {
    let mut conn = state.conn().await?;
    visible(&mut conn, id, user, false).await?;
    let after = page.after_time_id()?;
    let top = repo::top_comments(&mut conn, id, after, page.fetch()).await?;
    let shown: Vec<Uuid> = top.iter().take(page.limit as usize).map(|c| c.id).collect();
    let replies = repo::replies(&mut conn, &shown).await?;
    let all: Vec<&repo::Comment> = top.iter().chain(replies.iter()).collect();
    let people = people_of(&mut conn, &all).await?;
    let mut by_parent: HashMap<Uuid, Vec<CommentView>> = HashMap::new();
    for r in replies {
        let parent = r.parent_id.unwrap_or_default();
        by_parent
            .entry(parent)
            .or_default()
            .push(comment_view(r, &people));
    }
    Ok(Page::from_rows(
        top,
        &page,
        |c| time_id_key(c.created_at, c.id),
        |c| {
            let replies = by_parent.remove(&c.id).unwrap_or_default();
            CommentView {
                replies: Some(replies),
                ..comment_view(c, &people)
            }
        },
    ))
}

/// The comment and whether the caller may see its practice.
async fn comment_for(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<repo::Comment> {
    let c = repo::find_comment(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("comment"))?;
    visible(conn, c.practice_id, Some(user), true)
        .await
        .map_err(|_| AppError::not_found("comment"))?;
    Ok(c)
}

pub async fn edit_comment(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: UpdateCommentRequest,
) -> AppResult<CommentView> {
    let body = comment_body(&req.body)?;
    let mut conn = state.conn().await?;
    let c = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let c = comment_for(conn, id, user).await?;
            if c.author_id != Some(user.id) {
                return Err(AppError::forbidden("only its author may edit a comment"));
            }
            if c.deleted_at.is_some() {
                return Err(AppError::conflict(
                    "comment_deleted",
                    "the comment was deleted",
                ));
            }
            Ok(repo::edit_comment(conn, id, &body).await?)
        })
        .await?;
    changed(state, c.practice_id);
    let people = HashMap::from([(user.id, user.display_name.clone())]);
    Ok(comment_view(c, &people))
}

/// Authors delete their own comments, platform moderators any; deleting twice is a no-op.
pub async fn delete_comment(state: &AppState, user: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let practice = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let c = comment_for(conn, id, user).await?;
            if c.author_id != Some(user.id) && !user.is_moderator() {
                return Err(AppError::forbidden(
                    "only its author or a moderator may delete a comment",
                ));
            }
            if repo::delete_comment(conn, id).await? {
                repo::bump(conn, c.practice_id, Counter::Comments, -1).await?;
            }
            Ok(c.practice_id)
        })
        .await?;
    changed(state, practice);
    Ok(())
}

// ---- endorsements ----

pub async fn endorsement(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> AppResult<EndorsementView> {
    let mut conn = state.conn().await?;
    let p = visible(&mut conn, id, Some(user), false).await?;
    Ok(EndorsementView {
        endorsed: repo::has_endorsed(&mut conn, id, user.id).await?,
        endorsement_count: p.endorsement_count,
    })
}

/// Idempotent: endorsing twice counts once, withdrawing twice changes nothing.
pub async fn set_endorsement(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    endorse: bool,
) -> AppResult<EndorsementView> {
    let mut conn = state.conn().await?;
    let (count, did) = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            if endorse && (p.status != PracticeStatus::Published || p.hidden_at.is_some()) {
                return Err(not_published());
            }
            let did = if endorse {
                repo::endorse(conn, id, user.id).await?
            } else {
                repo::unendorse(conn, id, user.id).await?
            };
            let count = if did {
                repo::bump(
                    conn,
                    id,
                    Counter::Endorsements,
                    if endorse { 1 } else { -1 },
                )
                .await?
            } else {
                p.endorsement_count
            };
            Ok((count, did))
        })
        .await?;
    if did {
        changed(state, id);
    }
    Ok(EndorsementView {
        endorsed: endorse,
        endorsement_count: count,
    })
}

// ---- adoptions ----

async fn adoption_views(
    conn: &mut AsyncPgConnection,
    rows: Vec<(repo::Adoption, Uuid, String)>,
) -> AppResult<Vec<AdoptionView>> {
    let mut org_ids: Vec<Uuid> = rows.iter().map(|r| r.0.organization_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = repo::org_refs(conn, &org_ids).await?;
    let mut user_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.0.created_by).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let people = crate::auth::repo::people(conn, &user_ids).await?;
    rows.into_iter()
        .map(|(a, owner, title)| {
            let organization = orgs
                .iter()
                .find(|o| o.id == a.organization_id)
                .cloned()
                .ok_or_else(|| {
                    AppError::internal(anyhow::anyhow!("adoption without organization"))
                })?;
            Ok(AdoptionView {
                id: a.id,
                practice: PracticeRefView {
                    id: a.practice_id,
                    title,
                    organization_id: owner,
                },
                organization,
                status: a.status,
                note: a.note,
                created_by: PersonRef::among(&people, a.created_by),
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
        })
        .collect()
}

fn note(raw: Option<String>) -> AppResult<Option<String>> {
    match raw {
        None => Ok(None),
        Some(n) => {
            let n = text(&n, MAX_NOTE).map_err(|m| FieldErrors::single("note", m))?;
            Ok((!n.is_empty()).then_some(n))
        }
    }
}

pub async fn adopt(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: CreateAdoptionRequest,
) -> AppResult<AdoptionView> {
    let note = note(req.note)?;
    let mut conn = state.conn().await?;
    let row = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            if crate::orgs::repo::find(conn, req.organization_id).await?.is_none() {
                return Err(FieldErrors::single("organization_id", "no such organization"));
            }
            if !is_editor(conn, req.organization_id, user).await? {
                return Err(AppError::forbidden(
                    "only owners and editors of the adopting organization may record an adoption",
                ));
            }
            if p.organization_id == req.organization_id {
                return Err(FieldErrors::single(
                    "organization_id",
                    "an organization cannot adopt its own practice",
                ));
            }
            if p.status != PracticeStatus::Published || p.hidden_at.is_some() {
                return Err(not_published());
            }
            let a = repo::insert_adoption(conn, id, req.organization_id, req.status, note.as_deref(), user.id)
                .await
                .map_err(|e| {
                    AppError::unique_violation(
                        e,
                        "practice_adoptions_once",
                        "already_adopted",
                        "this organization already recorded adopting the practice; update that adoption",
                        "organization_id",
                    )
                })?;
            repo::bump(conn, id, Counter::Adoptions, 1).await?;
            let title = content_of(&p)?.title;
            Ok((a, p.organization_id, title))
        })
        .await?;
    changed(state, id);
    adoption_views(&mut conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("adoption"))
}

/// The adoption, for editors of the adopting organization.
async fn own_adoption(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<repo::Adoption> {
    let a = repo::find_adoption(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("adoption"))?;
    if !is_editor(conn, a.organization_id, user).await? {
        return Err(AppError::forbidden(
            "only owners and editors of the adopting organization may change an adoption",
        ));
    }
    Ok(a)
}

pub async fn update_adoption(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: UpdateAdoptionRequest,
) -> AppResult<AdoptionView> {
    let new_note = match req.note {
        None => None,
        Some(n) => Some(note(n)?),
    };
    let mut conn = state.conn().await?;
    let a = own_adoption(&mut conn, id, user).await?;
    let updated = repo::update_adoption(
        &mut conn,
        id,
        req.status.unwrap_or(a.status),
        new_note.unwrap_or(a.note).as_deref(),
    )
    .await?;
    changed(state, a.practice_id);
    let p = repo::find(&mut conn, a.practice_id)
        .await?
        .ok_or_else(|| AppError::not_found("practice"))?;
    let title = content_of(&p)?.title;
    adoption_views(&mut conn, vec![(updated, p.organization_id, title)])
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("adoption"))
}

pub async fn delete_adoption(state: &AppState, user: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let practice = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let a = own_adoption(conn, id, user).await?;
            repo::lock(conn, a.practice_id).await?;
            repo::delete_adoption(conn, id).await?;
            repo::bump(conn, a.practice_id, Counter::Adoptions, -1).await?;
            Ok(a.practice_id)
        })
        .await?;
    changed(state, practice);
    Ok(())
}

pub async fn adoptions_of_practice(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let mut conn = state.conn().await?;
    visible(&mut conn, id, user, false).await?;
    adoptions_page(&mut conn, AdoptionsOf::Practice(id), page).await
}

/// What an organization adopted (of practices that are public).
pub async fn adoptions_of_organization(
    state: &AppState,
    org: Uuid,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let mut conn = state.conn().await?;
    if crate::orgs::repo::find(&mut conn, org).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    adoptions_page(&mut conn, AdoptionsOf::Organization(org), page).await
}

async fn adoptions_page(
    conn: &mut AsyncPgConnection,
    of: AdoptionsOf,
    page: PageRequest,
) -> AppResult<Page<AdoptionView>> {
    let after = page.after_time_id()?;
    let mut rows = repo::adoptions(conn, of, after, page.fetch()).await?;
    let more = rows.len() as i64 > page.limit;
    rows.truncate(page.limit as usize);
    let next = rows
        .last()
        .filter(|_| more)
        .map(|r| time_id_key(r.0.created_at, r.0.id));
    let items = adoption_views(conn, rows).await?;
    Ok(Page::with_next_key(items, next))
}
