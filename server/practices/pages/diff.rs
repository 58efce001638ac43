//! A practice's revisions and a side-by-side comparison of two of them. Each revision is
//! written out as labelled lines (one field after another, lists one item a line), and the
//! two texts are compared line by line, so a change reads as the fields it touched.

use actix_web::{get, web};
use askama::Template;
use serde::Deserialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use uuid::Uuid;

use super::themes::{ThemeNames, name_of};
use crate::auth::pages::Viewer;
use crate::error::FieldErrors;
use crate::pagination::PageParams;
use crate::practices::dto::PracticeContent;
use crate::practices::service;
use crate::web::{OrPage, PageCtx, PageResult};

/// The catalogue key of a content field's label.
fn label_key(field: &str) -> &'static str {
    match field {
        "title" => "prac-field-title",
        "summary" => "prac-field-summary",
        "body" => "prac-field-body",
        "theme_ids" => "prac-field-themes",
        "tags" => "prac-field-tags",
        "language" => "prac-field-language",
        "implementation_status" => "prac-field-implementation-status",
        "start_date" => "prac-field-start-date",
        "end_date" => "prac-field-end-date",
        "budget" => "prac-field-budget",
        "funding_sources" => "prac-field-funding",
        "results" => "prac-field-results",
        "lessons_learned" => "prac-field-lessons-learned",
        "transferability" => "prac-field-transferability",
        "stakeholders_involved" => "prac-field-stakeholders",
        "location" => "prac-field-location",
        "indicators" => "prac-field-indicators",
        "links" => "prac-field-links",
        "contact" => "prac-field-contact",
        _ => "prac-field-other",
    }
}

/// A revision as labelled lines.
fn lines_of(
    ctx: &PageCtx,
    themes: &[super::themes::ThemeName],
    c: &PracticeContent,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, values: Vec<String>| {
        let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        if values.is_empty() {
            return;
        }
        out.push(format!("[{}]", ctx.t(label_key(name))));
        for v in values {
            out.extend(v.lines().map(str::to_owned));
        }
        out.push(String::new());
    };
    let one = |s: Option<String>| s.into_iter().collect::<Vec<_>>();
    field("title", vec![c.title.clone()]);
    field("summary", vec![c.summary.clone()]);
    field("body", vec![c.body.clone()]);
    let theme_names = c
        .theme_ids
        .iter()
        .map(|id| {
            themes
                .iter()
                .find(|t| t.id == *id)
                .map_or_else(|| id.to_string(), |t| name_of(themes, &t.slug).to_owned())
        })
        .collect();
    field("theme_ids", theme_names);
    field("tags", c.tags.clone());
    field("language", vec![c.language.clone()]);
    field(
        "implementation_status",
        vec![ctx.t(&format!("prac-status-{}", c.implementation_status.as_str()))],
    );
    field("start_date", one(c.start_date.map(|d| d.to_string())));
    field("end_date", one(c.end_date.map(|d| d.to_string())));
    field(
        "budget",
        one(c
            .budget
            .as_ref()
            .map(|b| format!("{} {}", b.amount, b.currency))),
    );
    field("funding_sources", c.funding_sources.clone());
    field("results", one(c.results.clone()));
    field("lessons_learned", one(c.lessons_learned.clone()));
    field("transferability", one(c.transferability.clone()));
    field("stakeholders_involved", c.stakeholders_involved.clone());
    field(
        "location",
        one(c.location.as_ref().map(|l| {
            format!(
                "{} ({}, {})",
                l.place.clone().unwrap_or_default(),
                l.lat,
                l.lon
            )
        })),
    );
    field(
        "indicators",
        c.indicators
            .iter()
            .map(|i| {
                format!(
                    "{} | {} | {} | {} | {}",
                    i.name,
                    i.unit,
                    i.baseline.map(|b| b.to_string()).unwrap_or_default(),
                    i.value,
                    i.year
                )
            })
            .collect(),
    );
    field(
        "links",
        c.links
            .iter()
            .map(|l| format!("{} {}", l.url, l.title.clone().unwrap_or_default()))
            .collect(),
    );
    field(
        "contact",
        one(c.contact.as_ref().map(|x| {
            [&x.name, &x.role, &x.email]
                .iter()
                .filter_map(|v| v.as_deref())
                .collect::<Vec<_>>()
                .join(" · ")
        })),
    );
    out
}

/// One row of the side-by-side table: a side is `None` where the other has a line that
/// is not there.
pub struct Row {
    pub left: Option<String>,
    pub right: Option<String>,
    pub changed: bool,
}

pub fn side_by_side(old: &[String], new: &[String]) -> Vec<Row> {
    let mut rows = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => rows.extend((0..len).map(|k| Row {
                left: Some(old[old_index + k].clone()),
                right: Some(new[new_index + k].clone()),
                changed: false,
            })),
            DiffOp::Delete {
                old_index, old_len, ..
            } => rows.extend((0..old_len).map(|k| Row {
                left: Some(old[old_index + k].clone()),
                right: None,
                changed: true,
            })),
            DiffOp::Insert {
                new_index, new_len, ..
            } => rows.extend((0..new_len).map(|k| Row {
                left: None,
                right: Some(new[new_index + k].clone()),
                changed: true,
            })),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => rows.extend((0..old_len.max(new_len)).map(|k| Row {
                left: (k < old_len).then(|| old[old_index + k].clone()),
                right: (k < new_len).then(|| new[new_index + k].clone()),
                changed: true,
            })),
        }
    }
    rows
}

struct RevisionRow {
    number: i32,
    author: String,
    when: String,
    iso: String,
    fields: String,
}

#[derive(Template)]
#[template(path = "practices/revisions.html")]
struct RevisionsPage<'a> {
    ctx: &'a PageCtx,
    id: Uuid,
    title: String,
    path: String,
    rows: Vec<RevisionRow>,
    numbers: Vec<(String, String)>,
    from: String,
    to: String,
    more: Option<String>,
}

#[derive(Deserialize)]
pub struct RevisionsQuery {
    cursor: Option<String>,
}

#[get("/practices/{id}/revisions")]
pub async fn revisions(
    state: web::Data<crate::state::AppState>,
    cache: web::Data<crate::practices::cache::PracticeCache>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    q: web::Query<RevisionsQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let page = PageParams {
        limit: Some(100),
        cursor: q.into_inner().cursor,
    }
    .parse()
    .page(ctx)?;
    let list = service::revisions(&state, user, *id, page)
        .await
        .page(ctx)?;
    let p = super::record::record(&state, &cache, Some(user), *id)
        .await
        .page(ctx)?;
    let rows: Vec<RevisionRow> = list
        .items
        .into_iter()
        .map(|r| RevisionRow {
            number: r.number,
            author: r
                .author
                .map(|a| a.display_name)
                .unwrap_or_else(|| ctx.t("prac-comment-former-member")),
            when: ctx.when(&r.created_at),
            iso: ctx.iso(&r.created_at),
            fields: r
                .changed_fields
                .iter()
                .map(|f| ctx.t(label_key(f)))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let numbers: Vec<(String, String)> = (1..=p.revision)
        .rev()
        .map(|n| {
            (
                n.to_string(),
                ctx.t1("prac-revision-number", "number", i64::from(n)),
            )
        })
        .collect();
    Ok(ctx.ok(&RevisionsPage {
        ctx,
        id: p.id,
        path: super::path_of(p.id, &p.content.title),
        title: p.content.title,
        from: (p.revision - 1).max(1).to_string(),
        to: p.revision.to_string(),
        numbers,
        rows,
        more: list
            .next_cursor
            .map(|c| format!("/practices/{}/revisions?cursor={c}", p.id)),
    }))
}

#[derive(Template)]
#[template(path = "practices/compare.html")]
struct ComparePage<'a> {
    ctx: &'a PageCtx,
    id: Uuid,
    title: String,
    path: String,
    heading: String,
    from_label: String,
    to_label: String,
    rows: Vec<Row>,
    same: bool,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    from: Option<String>,
    to: Option<String>,
}

#[get("/practices/{id}/compare")]
pub async fn compare(
    state: web::Data<crate::state::AppState>,
    themes: web::Data<ThemeNames>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    q: web::Query<CompareQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let q = q.into_inner();
    let mut e = FieldErrors::new();
    let mut number = |field: &str, raw: Option<String>| {
        e.check(
            field,
            raw.as_deref()
                .unwrap_or_default()
                .parse::<i32>()
                .map_err(|_| "must be a revision number".to_owned()),
        )
    };
    let (from, to) = (number("from", q.from), number("to", q.to));
    e.finish().page(ctx)?;
    let (from, to) = (from.unwrap_or(1), to.unwrap_or(1));
    let old = service::revision(&state, user, *id, from).await.page(ctx)?;
    let new = service::revision(&state, user, *id, to).await.page(ctx)?;
    let all = themes.all(&state, &[]).await.page(ctx)?;
    let rows = side_by_side(
        &lines_of(ctx, &all, &old.content),
        &lines_of(ctx, &all, &new.content),
    );
    Ok(ctx.ok(&ComparePage {
        ctx,
        id: *id,
        path: super::path_of(*id, &new.content.title),
        title: new.content.title,
        heading: ctx.t2(
            "prac-compare-title",
            ("from", i64::from(from)),
            ("to", i64::from(to)),
        ),
        from_label: ctx.t1("prac-revision-number", "number", i64::from(from)),
        to_label: ctx.t1("prac-revision-number", "number", i64::from(to)),
        same: rows.iter().all(|r| !r.changed),
        rows,
    }))
}

#[cfg(test)]
mod tests {
    use super::side_by_side;

    #[test]
    fn changed_lines_face_each_other() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let rows = side_by_side(&s(&["a", "b", "c"]), &s(&["a", "B", "c", "d"]));
        let view: Vec<_> = rows
            .iter()
            .map(|r| (r.left.as_deref(), r.right.as_deref(), r.changed))
            .collect();
        assert_eq!(
            view,
            [
                (Some("a"), Some("a"), false),
                (Some("b"), Some("B"), true),
                (Some("c"), Some("c"), false),
                (None, Some("d"), true),
            ]
        );
    }
}
