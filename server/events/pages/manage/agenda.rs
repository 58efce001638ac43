//! The agenda editor: the agenda as rows of a form (time, title, speaker, notes), rows
//! removed with a checkbox and added with "Add rows", all without JavaScript. The service
//! stores the items in time order and checks each; its problems land on their row.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use super::{Head, conflict_message, moderated};
use crate::auth::pages::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::events::dto::{AgendaItemInput, AgendaItemView};
use crate::events::service;
use crate::state::AppState;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Empty rows offered below the items (and added by "Add rows").
const BLANK_ROWS: usize = 3;
/// The most rows a form may ask for (the service keeps at most 100 items).
const MAX_ROWS: usize = 120;
/// What a `datetime-local` input sends.
const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub starts_at: String,
    pub title: String,
    pub speaker: String,
    pub description: String,
    pub remove: bool,
}

impl Row {
    fn is_blank(&self) -> bool {
        [
            &self.starts_at,
            &self.title,
            &self.speaker,
            &self.description,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    fn of(item: &AgendaItemView, tz: chrono_tz::Tz) -> Self {
        Row {
            starts_at: item
                .starts_at
                .with_timezone(&tz)
                .format(LOCAL_FORMAT)
                .to_string(),
            title: item.title.clone(),
            speaker: item.speaker.clone().unwrap_or_default(),
            description: item.description.clone().unwrap_or_default(),
            remove: false,
        }
    }
}

/// The rows of a submitted form (`title-3`, ...), in their order.
fn rows_of(pairs: Vec<(String, String)>) -> (Vec<Row>, String) {
    let mut rows: Vec<Row> = Vec::new();
    let mut action = String::new();
    for (k, v) in pairs {
        if k == "action" {
            action = v;
            continue;
        }
        let Some((field, n)) = k.rsplit_once('-') else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else {
            continue;
        };
        if n >= MAX_ROWS {
            continue;
        }
        if rows.len() <= n {
            rows.resize(n + 1, Row::default());
        }
        let r = &mut rows[n];
        match field {
            "starts_at" => r.starts_at = v,
            "title" => r.title = v,
            "speaker" => r.speaker = v,
            "description" => r.description = v,
            "remove" => r.remove = true,
            _ => {}
        }
    }
    (rows, action)
}

/// A `datetime-local` value in the event's timezone as an instant.
fn instant(raw: &str, tz: chrono_tz::Tz) -> Result<chrono::DateTime<Utc>, &'static str> {
    let local = NaiveDateTime::parse_from_str(raw.trim(), LOCAL_FORMAT)
        .map_err(|_| "must be a date and time")?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or("must be a date and time")
}

/// What the service is sent, and for each item the row it came from.
fn items_of(
    rows: &[Row],
    tz: chrono_tz::Tz,
) -> Result<(Vec<AgendaItemInput>, Vec<usize>), AppError> {
    let mut e = FieldErrors::new();
    let mut items = Vec::new();
    let mut from = Vec::new();
    for (n, r) in rows.iter().enumerate() {
        if r.remove || r.is_blank() {
            continue;
        }
        let starts_at = if r.starts_at.trim().is_empty() {
            e.add(format!("starts_at-{n}"), "is required");
            None
        } else {
            e.check(&format!("starts_at-{n}"), instant(&r.starts_at, tz))
        };
        let given = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        items.push(AgendaItemInput {
            starts_at: starts_at.unwrap_or_default(),
            title: r.title.clone(),
            speaker: given(&r.speaker),
            description: given(&r.description),
        });
        from.push(n);
    }
    e.finish()?;
    Ok((items, from))
}

/// The service names an item's field `[i].title`; the form's control is `title-<row>`.
fn on_rows(mut p: Problems, from: &[usize]) -> Problems {
    for (field, _) in &mut p.items {
        let Some(rest) = field.strip_prefix('[') else {
            continue;
        };
        let Some((i, name)) = rest.split_once("].") else {
            continue;
        };
        if let Some(n) = i.parse::<usize>().ok().and_then(|i| from.get(i)) {
            *field = format!("{name}-{n}");
        }
    }
    p
}

pub struct RowView {
    pub n: usize,
    pub legend: String,
    pub row: Row,
}

#[derive(Template)]
#[template(path = "events/manage/agenda.html")]
struct AgendaPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    head: Head,
    rows: Vec<RowView>,
    hint: String,
}

fn render(
    ctx: &PageCtx,
    head: Head,
    rows: Vec<Row>,
    status: StatusCode,
    problems: &Problems,
) -> HttpResponse {
    let hint = ctx.t1("evm-agenda-times-in", "tz", head.timezone.clone());
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(n, row)| RowView {
            n,
            legend: ctx.t1("evm-agenda-item", "n", (n + 1) as i64),
            row,
        })
        .collect();
    ctx.render(
        status,
        &AgendaPage {
            ctx,
            f: Fields::new(ctx, problems),
            head,
            rows,
            hint,
        },
    )
}

fn with_blanks(mut rows: Vec<Row>) -> Vec<Row> {
    let n = (rows.len() + BLANK_ROWS).min(MAX_ROWS);
    rows.resize(n, Row::default());
    rows
}

#[get("/events/{id}/agenda")]
pub async fn show(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> PageResult {
    let (_, ev, head) = moderated(&state, &viewer, *id, "/agenda").await?;
    let rows = ev
        .agenda
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|i| Row::of(i, head.tz))
        .collect();
    Ok(render(
        &viewer.ctx,
        head,
        with_blanks(rows),
        StatusCode::OK,
        &Problems::default(),
    ))
}

#[post("/events/{id}/agenda")]
pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let (user, _, head) = moderated(&state, &viewer, *id, "/agenda").await?;
    let ctx = &viewer.ctx;
    let (rows, action) = rows_of(form.0);
    if action == "add" {
        return Ok(render(
            ctx,
            head,
            with_blanks(rows),
            StatusCode::OK,
            &Problems::default(),
        ));
    }
    let (items, from) = match items_of(&rows, head.tz) {
        Ok(x) => x,
        Err(e) => {
            let p = Problems::of(&e, ctx).unwrap_or_default();
            return Ok(render(
                ctx,
                head,
                rows,
                StatusCode::UNPROCESSABLE_ENTITY,
                &p,
            ));
        }
    };
    match service::put_agenda(&state, user, *id, items).await {
        Ok(_) => Ok(ctx.see_other(
            &format!("/events/{}/agenda", *id),
            Some("notice-evm-agenda-saved"),
        )),
        Err(e @ AppError::Validation(_)) => {
            let p = on_rows(Problems::of(&e, ctx).unwrap_or_default(), &from);
            Ok(render(
                ctx,
                head,
                rows,
                StatusCode::UNPROCESSABLE_ENTITY,
                &p,
            ))
        }
        Err(e) => match conflict_message(ctx, &e) {
            Some(m) => Ok(render(
                ctx,
                head,
                rows,
                StatusCode::CONFLICT,
                &Problems::general("agenda", m),
            )),
            None => Err(e).page(ctx),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_problems_land_on_the_row_they_came_from() {
        let p = Problems {
            items: vec![
                ("[1].title".into(), "x".into()),
                ("body".into(), "y".into()),
            ],
        };
        let p = on_rows(p, &[0, 4]);
        assert_eq!(p.items[0].0, "title-4");
        assert_eq!(p.items[1].0, "body");
    }

    #[test]
    fn local_times_are_read_in_the_event_timezone() {
        let t = instant("2026-12-04T10:30", chrono_tz::Europe::Madrid).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-04T09:30:00+00:00");
        assert!(instant("tomorrow", chrono_tz::UTC).is_err());
    }
}
