//! `/practices`: the catalogue. One search call (cached by the service) and the kept theme
//! names make a page; with htmx the results region alone is sent back.
//!
//! Facets and the query are separate on purpose: facet links keep the query, but the
//! search box starts a new query without the active filters, except those the visitor
//! ticks to keep (they are listed beside the box), so a filter never narrows a new search
//! unseen.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, get, web};
use askama::Template;

use super::themes::{ThemeName, ThemeNames, localized, name_of};
use super::{path_of, wants_fragment};
use crate::auth::pages::Viewer;
use crate::error::{AppError, AppResult};
use crate::practices::cache::PracticeCache;
use crate::practices::dto::{SearchItem, SearchParams, SearchResponse, SortOrder};
use crate::practices::service;
use crate::shared::vocab::OrgKind;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{OrPage, PageCtx, PageError, PageResult, Problems};

/// The filters a catalogue URL may carry, in the order they are written back.
const FILTERS: &[&str] = &[
    "theme",
    "country",
    "organization_kind",
    "language",
    "implementation_status",
    "year",
    "organization",
];

/// The catalogue's query string: each key once, repeated keys (ticked boxes of a GET form)
/// joined into the comma lists the search takes.
#[derive(Debug, Clone, Default)]
struct Query {
    q: String,
    filters: Vec<(&'static str, Vec<String>)>,
    sort: Option<String>,
    cursor: Option<String>,
}

impl Query {
    fn parse(raw: &str) -> Self {
        let mut out = Query::default();
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            let v = v.trim();
            match k.as_ref() {
                "q" => out.q = v.to_owned(),
                "sort" if !v.is_empty() => out.sort = Some(v.to_owned()),
                "cursor" if !v.is_empty() => out.cursor = Some(v.to_owned()),
                key => {
                    let Some(name) = FILTERS.iter().find(|f| **f == key) else {
                        continue;
                    };
                    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        out.add(name, part);
                    }
                }
            }
        }
        out
    }

    fn add(&mut self, name: &'static str, value: &str) {
        match self.filters.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) if !values.iter().any(|v| v == value) => {
                values.push(value.to_owned())
            }
            Some(_) => {}
            None => self.filters.push((name, vec![value.to_owned()])),
        }
    }

    fn values(&self, name: &str) -> &[String] {
        self.filters
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    fn has(&self, name: &str, value: &str) -> bool {
        self.values(name).iter().any(|v| v == value)
    }

    fn joined(&self, name: &str) -> Option<String> {
        let v = self.values(name);
        (!v.is_empty()).then(|| v.join(","))
    }

    fn params(&self) -> Result<SearchParams, AppError> {
        let mut e = crate::error::FieldErrors::new();
        let year = self.joined("year").and_then(|y| {
            e.check(
                "year",
                y.parse::<i32>().map_err(|_| "must be a year".to_owned()),
            )
        });
        let organization = self.joined("organization").and_then(|o| {
            e.check(
                "organization",
                o.parse().map_err(|_| "must be a UUID".to_owned()),
            )
        });
        let sort = self.sort.as_deref().and_then(|s| {
            e.check(
                "sort",
                s.parse::<SortOrder>()
                    .map_err(|_| "must be relevance, newest or endorsements".to_owned()),
            )
        });
        e.finish()?;
        Ok(SearchParams {
            q: (!self.q.is_empty()).then(|| self.q.clone()),
            theme: self.joined("theme"),
            country: self.joined("country"),
            organization,
            organization_kind: self.joined("organization_kind"),
            language: self.joined("language"),
            implementation_status: self.joined("implementation_status"),
            min_population: None,
            max_population: None,
            year,
            sort,
            limit: Some(20),
            cursor: self.cursor.clone(),
        })
    }

    /// This query as a URL (paging starts again unless a cursor is given).
    fn url(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for (name, values) in &self.filters {
            if !values.is_empty() {
                s.append_pair(name, &values.join(","));
            }
        }
        if let Some(sort) = &self.sort {
            s.append_pair("sort", sort);
        }
        if let Some(c) = &self.cursor {
            s.append_pair("cursor", c);
        }
        let qs = s.finish();
        if qs.is_empty() {
            "/practices".to_owned()
        } else {
            format!("/practices?{qs}")
        }
    }

    /// The URL with `value` of `name` switched on or off (first page).
    fn toggled(&self, name: &'static str, value: &str) -> String {
        let mut q = self.clone();
        q.cursor = None;
        if q.has(name, value) {
            if let Some((_, values)) = q.filters.iter_mut().find(|(n, _)| *n == name) {
                values.retain(|v| v != value);
            }
        } else {
            q.add(name, value);
        }
        q.url()
    }

    fn sorted(&self, sort: SortOrder) -> String {
        let mut q = self.clone();
        q.cursor = None;
        q.sort = Some(sort.as_str().to_owned());
        q.url()
    }
}

/// A facet value as a link that switches it, with its count.
struct FacetValue {
    label: String,
    count: String,
    href: String,
    active: bool,
}

struct Facet {
    id: &'static str,
    title: String,
    values: Vec<FacetValue>,
}

/// An active filter: a chip that removes it, and a box in the search form that keeps it.
struct Chip {
    name: &'static str,
    value: String,
    label: String,
    remove: String,
}

struct SortLink {
    label: String,
    href: String,
    current: bool,
}

struct Item {
    href: String,
    title: String,
    summary: String,
    snippet: Option<String>,
    organization: String,
    country: String,
    themes: Vec<String>,
    status: String,
    language: String,
    endorsements: String,
    published: Option<String>,
}

#[derive(Template)]
#[template(path = "practices/catalogue.html")]
struct CataloguePage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    region: &'a Region,
    q: String,
    kind: String,
    year: String,
    kinds: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "practices/results.html")]
struct ResultsFragment<'a> {
    region: &'a Region,
}

#[derive(Template)]
#[template(path = "practices/results_inner.html")]
struct RegionHtml<'a> {
    ctx: &'a PageCtx,
    r: Results,
}

/// What the results region shows (the whole page and the htmx fragment share it).
struct Results {
    items: Vec<Item>,
    facets: Vec<Facet>,
    chips: Vec<Chip>,
    sorts: Vec<SortLink>,
    next: Option<String>,
    first: Option<String>,
}

/// The results region as HTML, and the count above it. It depends on the query and the
/// language only (nothing of the viewer's), so it is kept per worker and served again
/// until the catalogue changes: most visits are to a few common pages.
pub struct Region {
    html: String,
    count: String,
}

pub type Regions = super::Rendered<String, Region>;

fn status_label(ctx: &PageCtx, s: &str) -> String {
    ctx.t(&format!("prac-status-{s}"))
}

fn kind_label(ctx: &PageCtx, k: &str) -> String {
    ctx.t(&format!("prac-kind-{}", k.replace('_', "-")))
}

/// A language code as a name when the catalogue has one.
pub(super) fn language_label(ctx: &PageCtx, code: &str) -> String {
    let key = format!("prac-language-{code}");
    if ctx.lang.has(&key) {
        ctx.t(&key)
    } else {
        code.to_uppercase()
    }
}

fn item(ctx: &PageCtx, themes: &[ThemeName], i: SearchItem) -> Item {
    Item {
        href: path_of(i.id, &i.title),
        title: i.title,
        summary: i.summary,
        snippet: i.snippet,
        organization: i.organization.name,
        country: i.organization.country,
        themes: i
            .themes
            .iter()
            .map(|s| name_of(themes, s).to_owned())
            .collect(),
        status: status_label(ctx, i.implementation_status.as_str()),
        language: language_label(ctx, &i.language),
        endorsements: ctx.t1(
            "prac-endorsement-count",
            "count",
            i64::from(i.endorsement_count),
        ),
        published: i.published_at.map(|t| ctx.date(&t.date_naive())),
    }
}

fn results(
    ctx: &PageCtx,
    query: &Query,
    res: SearchResponse,
    themes: &[ThemeName],
    org_name: Option<String>,
) -> Results {
    let facet = |id: &'static str,
                 name: &'static str,
                 title: &str,
                 counts: &std::collections::BTreeMap<String, i64>,
                 label: &dyn Fn(&str) -> String| {
        let mut values: Vec<FacetValue> = counts
            .iter()
            .map(|(v, n)| FacetValue {
                label: label(v),
                count: ctx.number(*n),
                href: query.toggled(name, v),
                active: query.has(name, v),
            })
            .collect();
        // Active values first (so they can be switched off), then by label.
        values.sort_by(|a, b| {
            b.active
                .cmp(&a.active)
                .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
        });
        Facet {
            id,
            title: ctx.t(title),
            values,
        }
    };
    let facets = vec![
        facet(
            "facet-theme",
            "theme",
            "prac-facet-theme",
            &res.facets.themes,
            &|s| name_of(themes, s).to_owned(),
        ),
        facet(
            "facet-country",
            "country",
            "prac-facet-country",
            &res.facets.countries,
            &|c| c.to_owned(),
        ),
        facet(
            "facet-status",
            "implementation_status",
            "prac-facet-status",
            &res.facets.implementation_status,
            &|s| status_label(ctx, s),
        ),
        facet(
            "facet-language",
            "language",
            "prac-facet-language",
            &res.facets.languages,
            &|l| language_label(ctx, l),
        ),
    ];
    let mut chips = Vec::new();
    for (name, values) in &query.filters {
        for v in values {
            let label = match *name {
                "theme" => name_of(themes, v).to_owned(),
                "implementation_status" => status_label(ctx, v),
                "organization_kind" => kind_label(ctx, v),
                "language" => language_label(ctx, v),
                "organization" => org_name.clone().unwrap_or_else(|| v.clone()),
                _ => v.clone(),
            };
            chips.push(Chip {
                name,
                value: v.clone(),
                label: ctx.t2(
                    "prac-chip",
                    (
                        "filter",
                        ctx.t(&format!("prac-filter-{}", name.replace('_', "-"))),
                    ),
                    ("value", label),
                ),
                remove: query.toggled(name, v),
            });
        }
    }
    let with_words = !query.q.is_empty();
    let current = query
        .sort
        .as_deref()
        .and_then(|s| s.parse::<SortOrder>().ok())
        .unwrap_or(if with_words {
            SortOrder::Relevance
        } else {
            SortOrder::Newest
        });
    let sorts = SortOrder::ALL
        .iter()
        .filter(|s| with_words || **s != SortOrder::Relevance)
        .map(|s| SortLink {
            label: ctx.t(&format!("prac-sort-{}", s.as_str())),
            href: query.sorted(*s),
            current: *s == current,
        })
        .collect();
    let next = res.next_cursor.map(|c| {
        let mut q = query.clone();
        q.cursor = Some(c);
        q.url()
    });
    let first = query.cursor.as_ref().map(|_| {
        let mut q = query.clone();
        q.cursor = None;
        q.url()
    });
    Results {
        items: res
            .items
            .into_iter()
            .map(|i| item(ctx, themes, i))
            .collect(),
        facets,
        chips,
        sorts,
        next,
        first,
    }
}

/// The search, typed: the service answers cached JSON bytes (the API's body).
async fn search(
    state: &AppState,
    cache: &PracticeCache,
    params: &SearchParams,
) -> AppResult<SearchResponse> {
    let bytes = service::search(state, cache, params).await?;
    serde_json::from_slice(&bytes).map_err(AppError::internal)
}

/// The results region for `query`: kept, or searched and rendered (and kept when the
/// search succeeded and nothing changed meanwhile). A 422 names what is wrong.
async fn region(
    state: &AppState,
    cache: &PracticeCache,
    themes: &ThemeNames,
    regions: &Regions,
    ctx: &PageCtx,
    query: &Query,
) -> Result<(Arc<Region>, Problems), PageError> {
    let key = format!("{}|{}", ctx.lang.code(), query.url());
    let generation = cache.generation();
    if cache.enabled()
        && let Some(hit) = regions.get(&key, generation)
    {
        return Ok((hit, Problems::default()));
    }
    let found = match query.params() {
        Ok(params) => search(state, cache, &params).await,
        Err(e) => Err(e),
    };
    let (res, problems) = match found {
        Ok(res) => (res, Problems::default()),
        Err(e @ AppError::Validation(_)) => (
            SearchResponse {
                items: Vec::new(),
                next_cursor: None,
                total: 0,
                facets: Default::default(),
            },
            Problems::of(&e, ctx).unwrap_or_default(),
        ),
        Err(e) => return Err(e).page(ctx),
    };
    let known: Vec<&str> = res.facets.themes.keys().map(String::as_str).collect();
    let themes = localized(&themes.all(state, &known).await.page(ctx)?, ctx.lang.code());
    // The organization's name for its chip: the results name it when there are any.
    let org_name = query.joined("organization").and_then(|id| {
        res.items
            .iter()
            .find(|i| i.organization.id.to_string() == id)
            .map(|i| i.organization.name.clone())
    });
    let count = ctx.t1("prac-results-count", "count", res.total);
    let r = results(ctx, query, res, &themes, org_name);
    let html = RegionHtml { ctx, r }
        .render()
        .map_err(|e| AppError::internal(anyhow::anyhow!("results region: {e}")))
        .page(ctx)?;
    let region = Arc::new(Region { html, count });
    if problems.is_empty() && cache.enabled() {
        regions.put(key, generation, region.clone());
    }
    Ok((region, problems))
}

#[get("/practices")]
pub async fn catalogue(
    req: HttpRequest,
    state: web::Data<AppState>,
    cache: web::Data<PracticeCache>,
    themes: web::Data<ThemeNames>,
    regions: web::Data<Regions>,
    viewer: Viewer,
) -> PageResult {
    let ctx = &viewer.ctx;
    let query = Query::parse(req.query_string());
    let (region, problems) = region(&state, &cache, &themes, &regions, ctx, &query).await?;
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    if wants_fragment(&req) {
        let mut res = ctx.render(status, &ResultsFragment { region: &region });
        res.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
        return Ok(res);
    }
    let kinds = std::iter::once((String::new(), ctx.t("prac-kind-any")))
        .chain(
            OrgKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), kind_label(ctx, k.as_str()))),
        )
        .collect();
    Ok(ctx.render(
        status,
        &CataloguePage {
            ctx,
            f: Fields::new(ctx, &problems),
            region: &region,
            q: query.q.clone(),
            kind: query.joined("organization_kind").unwrap_or_default(),
            year: query.joined("year").unwrap_or_default(),
            kinds,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_comma_lists_are_one_filter() {
        let q = Query::parse("q=bike&theme=a&theme=b,a&country=ES&sort=newest&junk=1");
        assert_eq!(q.values("theme"), ["a", "b"]);
        assert_eq!(
            q.url(),
            "/practices?q=bike&theme=a%2Cb&country=ES&sort=newest"
        );
        assert_eq!(
            q.toggled("theme", "a"),
            "/practices?q=bike&theme=b&country=ES&sort=newest"
        );
        assert_eq!(
            q.toggled("language", "en"),
            "/practices?q=bike&theme=a%2Cb&country=ES&language=en&sort=newest"
        );
        assert!(Query::parse("year=abc").params().is_err());
    }
}
