//! What a write-up may hold: every field checked into the normal form `PracticeContent`,
//! one 422 naming every problem.

use std::collections::BTreeSet;

use chrono::Datelike;
use diesel_async::AsyncPgConnection;

use crate::domain::{CurrencyCode, Email, LanguageCode, WebUrl, id_list, short_line, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::practices::dto::{
    Budget, Contact, Indicator, Link, Location, PracticeContent, PracticeInput,
};
use crate::practices::repo;

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

const MAX_BUDGET: f64 = 1e13;

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
pub(super) async fn validate(
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
            let unique = id_list(ids, MAX_THEMES).unwrap_or_default();
            if unique.is_empty() {
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
pub(super) fn input_from(
    object: serde_json::Map<String, serde_json::Value>,
) -> AppResult<PracticeInput> {
    let bytes = serde_json::to_vec(&object).map_err(AppError::internal)?;
    crate::extract::parse_json::<PracticeInput>(&bytes)
}

pub(super) fn to_json(content: &PracticeContent) -> AppResult<serde_json::Value> {
    serde_json::to_value(content).map_err(AppError::internal)
}
