//! Queries for records, revisions, comments, endorsements and adoptions. The search has its
//! own module (`search`): it is SQL built from the filters.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::dto::{OrgRef, ThemeRef};
use crate::db::schema::{
    organizations, practice_adoptions, practice_comments, practice_endorsements,
    practice_revisions, practices, themes, users,
};
use crate::shared::person::PersonRef;
use crate::shared::vocab::OrgKind;
use crate::shared::vocab::{AdoptionStatus, PracticeStatus};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practices)]
pub struct Practice {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub status: PracticeStatus,
    pub content: serde_json::Value,
    pub revision: i32,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
    pub hidden_by: Option<Uuid>,
    pub comment_count: i32,
    pub endorsement_count: i32,
    pub adoption_count: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

impl Practice {
    /// Readable by anyone: published or archived, and not hidden.
    pub fn is_public(&self) -> bool {
        self.hidden_at.is_none() && self.status != PracticeStatus::Draft
    }
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    organization_id: Uuid,
    content: &serde_json::Value,
    author: Uuid,
    changed_fields: &[String],
) -> QueryResult<()> {
    diesel::insert_into(practices::table)
        .values((
            practices::id.eq(id),
            practices::organization_id.eq(organization_id),
            practices::content.eq(content),
            practices::created_by.eq(author),
        ))
        .execute(conn)
        .await?;
    insert_revision(conn, id, 1, author, changed_fields, content).await
}

pub async fn insert_revision(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    number: i32,
    author: Uuid,
    changed_fields: &[String],
    content: &serde_json::Value,
) -> QueryResult<()> {
    diesel::insert_into(practice_revisions::table)
        .values((
            practice_revisions::practice_id.eq(practice),
            practice_revisions::number.eq(number),
            practice_revisions::author_id.eq(author),
            practice_revisions::changed_fields.eq(changed_fields),
            practice_revisions::content.eq(content),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Practice>> {
    practices::table
        .find(id)
        .select(Practice::as_select())
        .first(conn)
        .await
        .optional()
}

/// The row, locked against other writers until the transaction ends (counters and
/// revision numbers are read-modify-write).
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Practice>> {
    practices::table
        .find(id)
        .select(Practice::as_select())
        .for_no_key_update()
        .first(conn)
        .await
        .optional()
}

pub async fn update_content(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    content: &serde_json::Value,
    revision: i32,
) -> QueryResult<()> {
    diesel::update(practices::table.find(id))
        .set((
            practices::content.eq(content),
            practices::revision.eq(revision),
            practices::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: PracticeStatus,
) -> QueryResult<()> {
    // The first publication dates the record; re-publishing after an archive keeps it.
    let published_at = diesel::dsl::sql::<
        diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
    >(if status == PracticeStatus::Published {
        "coalesce(published_at, now())"
    } else {
        "published_at"
    });
    diesel::update(practices::table.find(id))
        .set((
            practices::status.eq(status),
            practices::published_at.eq(published_at),
            practices::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_hidden(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    hidden: Option<(&str, Uuid)>,
) -> QueryResult<()> {
    let (at, reason, by) = match hidden {
        Some((reason, by)) => (Some(Utc::now()), Some(reason), Some(by)),
        None => (None, None, None),
    };
    diesel::update(practices::table.find(id))
        .set((
            practices::hidden_at.eq(at),
            practices::hidden_reason.eq(reason),
            practices::hidden_by.eq(by),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Records the last "shown again" decision: why and by whom a hidden practice came back.
pub async fn set_shown(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    reason: Option<&str>,
    by: Uuid,
) -> QueryResult<()> {
    diesel::update(practices::table.find(id))
        .set((
            practices::shown_at.eq(Some(Utc::now())),
            practices::shown_reason.eq(reason),
            practices::shown_by.eq(Some(by)),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// A practice as moderators review it: the record, its organization's name and the last
/// "shown again" decision.
pub struct ModerationRow {
    pub practice: Practice,
    pub organization_name: String,
    pub shown_at: Option<DateTime<Utc>>,
    pub shown_reason: Option<String>,
    pub shown_by: Option<Uuid>,
}

/// A `ModerationRow` as it is loaded.
type ModerationTuple = (
    Practice,
    String,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<Uuid>,
);

/// Every practice, drafts and hidden ones included, latest change first; `hidden`
/// keeps only hidden (`Some(true)`) or only unhidden (`Some(false)`) ones.
pub async fn for_moderation(
    conn: &mut AsyncPgConnection,
    only: Option<Uuid>,
    title_contains: Option<&str>,
    hidden: Option<bool>,
    after: Option<(DateTime<Utc>, Uuid)>,
    fetch: i64,
) -> QueryResult<Vec<ModerationRow>> {
    let mut q = practices::table
        .inner_join(organizations::table)
        .select((
            Practice::as_select(),
            organizations::name,
            practices::shown_at,
            practices::shown_reason,
            practices::shown_by,
        ))
        .order((practices::updated_at.desc(), practices::id.desc()))
        .limit(fetch)
        .into_boxed();
    if let Some(id) = only {
        q = q.filter(practices::id.eq(id));
    }
    if let Some(text) = title_contains {
        q = q.filter(
            diesel::dsl::sql::<diesel::sql_types::Text>(
                "coalesce(practices.content->>'title', '')",
            )
            .ilike(crate::db::like_pattern(text)),
        );
    }
    match hidden {
        Some(true) => q = q.filter(practices::hidden_at.is_not_null()),
        Some(false) => q = q.filter(practices::hidden_at.is_null()),
        None => {}
    }
    if let Some((t, id)) = after {
        q = q.filter(
            practices::updated_at
                .lt(t)
                .or(practices::updated_at.eq(t).and(practices::id.lt(id))),
        );
    }
    let rows: Vec<ModerationTuple> = q.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(practice, organization_name, shown_at, shown_reason, shown_by)| ModerationRow {
                practice,
                organization_name,
                shown_at,
                shown_reason,
                shown_by,
            },
        )
        .collect())
}

/// Display names of `ids` (accounts that still exist).
pub async fn names_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)
        .await
}

/// The statement that adds every word of the main texts of the practices `filter` selects
/// (SQL on `p`) to the typo-tolerance lexicon; the seed runs it over the whole table.
pub fn add_terms_sql(filter: &str) -> String {
    format!(
        "INSERT INTO practice_terms (term)
         SELECT DISTINCT w FROM practices p,
           unnest(tsvector_to_array(to_tsvector('simple',
             coalesce(p.content->>'title','') || ' ' || coalesce(p.content->>'summary','') || ' ' ||
             coalesce(p.content->>'tags','') || ' ' || coalesce(p.content->>'body','')))) AS w
         WHERE {filter} AND length(w) BETWEEN 3 AND 40 AND w !~ '[0-9_]'
         ON CONFLICT DO NOTHING"
    )
}

pub async fn add_terms(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::sql_query(add_terms_sql("p.id = $1"))
        .bind::<diesel::sql_types::Uuid, _>(id)
        .execute(conn)
        .await
        .map(|_| ())
}

// ---- what a record shows besides its own row ----

pub async fn org_ref(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<OrgRef>> {
    Ok(org_refs(conn, &[id]).await?.pop())
}

/// The themes among `ids`, in the order given.
pub async fn themes(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<ThemeRef>> {
    let rows: Vec<(Uuid, String, String)> = themes::table
        .filter(themes::id.eq_any(ids))
        .select((themes::id, themes::slug, themes::name))
        .load(conn)
        .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.0 == *id))
        .map(|(id, slug, name)| ThemeRef {
            id: *id,
            slug: slug.clone(),
            name: name.clone(),
        })
        .collect())
}

pub struct AdopterRow {
    pub adoption_id: Uuid,
    pub organization: OrgRef,
    pub status: AdoptionStatus,
    pub since: DateTime<Utc>,
}

type AdopterTuple = (
    Uuid,
    AdoptionStatus,
    DateTime<Utc>,
    Uuid,
    String,
    OrgKind,
    String,
    Option<i64>,
);

pub async fn adopters(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
) -> QueryResult<Vec<AdopterRow>> {
    let rows: Vec<AdopterTuple> = practice_adoptions::table
        .inner_join(organizations::table)
        .filter(practice_adoptions::practice_id.eq(practice))
        .order((practice_adoptions::created_at, practice_adoptions::id))
        .select((
            practice_adoptions::id,
            practice_adoptions::status,
            practice_adoptions::created_at,
            organizations::id,
            organizations::name,
            organizations::kind,
            organizations::country,
            organizations::population,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(adoption_id, status, since, id, name, kind, country, population)| AdopterRow {
                adoption_id,
                organization: OrgRef {
                    id,
                    name,
                    kind,
                    country,
                    population,
                },
                status,
                since,
            },
        )
        .collect())
}

/// An organization's own list, newest change first; `all` includes drafts and hidden ones.
pub async fn by_organization(
    conn: &mut AsyncPgConnection,
    organization: Uuid,
    all: bool,
    after: Option<(DateTime<Utc>, Uuid)>,
    fetch: i64,
) -> QueryResult<Vec<Practice>> {
    let mut q = practices::table
        .filter(practices::organization_id.eq(organization))
        .select(Practice::as_select())
        .order((practices::updated_at.desc(), practices::id.desc()))
        .limit(fetch)
        .into_boxed();
    if !all {
        q = q
            .filter(practices::status.ne(PracticeStatus::Draft))
            .filter(practices::hidden_at.is_null());
    }
    if let Some((t, id)) = after {
        q = q.filter(
            practices::updated_at
                .lt(t)
                .or(practices::updated_at.eq(t).and(practices::id.lt(id))),
        );
    }
    q.load(conn).await
}

/// The public face of a published record for a sitemap: id, title, last change.
pub type SitemapRow = (Uuid, String, DateTime<Utc>);

/// Published, unhidden records, most recently changed first.
pub async fn published_for_sitemap(
    conn: &mut AsyncPgConnection,
    limit: i64,
) -> QueryResult<Vec<SitemapRow>> {
    practices::table
        .filter(practices::status.eq(PracticeStatus::Published))
        .filter(practices::hidden_at.is_null())
        .select((
            practices::id,
            diesel::dsl::sql::<diesel::sql_types::Text>(
                "coalesce(practices.content->>'title', '')",
            ),
            practices::updated_at,
        ))
        .order((practices::updated_at.desc(), practices::id.desc()))
        .limit(limit)
        .load(conn)
        .await
}

// ---- revisions ----

pub struct RevisionRow {
    pub number: i32,
    pub author: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
    pub changed_fields: Vec<String>,
    pub content: Option<serde_json::Value>,
}

type RevisionTuple = (
    i32,
    Option<Uuid>,
    Option<String>,
    DateTime<Utc>,
    Vec<String>,
);

fn revision_row((number, uid, name, created_at, changed_fields): RevisionTuple) -> RevisionRow {
    RevisionRow {
        number,
        author: uid.zip(name).map(|(user_id, display_name)| PersonRef {
            user_id,
            display_name,
        }),
        created_at,
        changed_fields,
        content: None,
    }
}

/// Newest first.
pub async fn revisions(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    before: Option<i32>,
    fetch: i64,
) -> QueryResult<Vec<RevisionRow>> {
    let mut q = practice_revisions::table
        .left_join(users::table)
        .filter(practice_revisions::practice_id.eq(practice))
        .order(practice_revisions::number.desc())
        .limit(fetch)
        .select((
            practice_revisions::number,
            users::id.nullable(),
            users::display_name.nullable(),
            practice_revisions::created_at,
            practice_revisions::changed_fields,
        ))
        .into_boxed();
    if let Some(n) = before {
        q = q.filter(practice_revisions::number.lt(n));
    }
    let rows: Vec<RevisionTuple> = q.load(conn).await?;
    Ok(rows.into_iter().map(revision_row).collect())
}

pub async fn revision(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    number: i32,
) -> QueryResult<Option<RevisionRow>> {
    let row: Option<(RevisionTuple, serde_json::Value)> = practice_revisions::table
        .left_join(users::table)
        .filter(practice_revisions::practice_id.eq(practice))
        .filter(practice_revisions::number.eq(number))
        .select((
            (
                practice_revisions::number,
                users::id.nullable(),
                users::display_name.nullable(),
                practice_revisions::created_at,
                practice_revisions::changed_fields,
            ),
            practice_revisions::content,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(|(t, content)| RevisionRow {
        content: Some(content),
        ..revision_row(t)
    }))
}

// ---- comments ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practice_comments)]
pub struct Comment {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author_id: Option<Uuid>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
}

pub async fn insert_comment(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    practice: Uuid,
    parent: Option<Uuid>,
    author: Uuid,
    body: &str,
) -> QueryResult<Comment> {
    diesel::insert_into(practice_comments::table)
        .values((
            practice_comments::id.eq(id),
            practice_comments::practice_id.eq(practice),
            practice_comments::parent_id.eq(parent),
            practice_comments::author_id.eq(author),
            practice_comments::body.eq(body),
        ))
        .returning(Comment::as_returning())
        .get_result(conn)
        .await
}

pub async fn find_comment(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Comment>> {
    practice_comments::table
        .find(id)
        .select(Comment::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn edit_comment(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    body: &str,
) -> QueryResult<Comment> {
    diesel::update(practice_comments::table.find(id))
        .set((
            practice_comments::body.eq(body),
            practice_comments::edited_at.eq(diesel::dsl::now),
        ))
        .returning(Comment::as_returning())
        .get_result(conn)
        .await
}

/// Blanks the text and marks the comment deleted; `false` when it already was.
pub async fn delete_comment(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<bool> {
    diesel::update(
        practice_comments::table
            .find(id)
            .filter(practice_comments::deleted_at.is_null()),
    )
    .set((
        practice_comments::body.eq(""),
        practice_comments::deleted_at.eq(diesel::dsl::now),
    ))
    .execute(conn)
    .await
    .map(|n| n > 0)
}

/// Top-level comments, oldest first.
pub async fn top_comments(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
    fetch: i64,
) -> QueryResult<Vec<Comment>> {
    let mut q = practice_comments::table
        .filter(practice_comments::practice_id.eq(practice))
        .filter(practice_comments::parent_id.is_null())
        .order((practice_comments::created_at, practice_comments::id))
        .limit(fetch)
        .select(Comment::as_select())
        .into_boxed();
    if let Some((t, id)) = after {
        q = q.filter(
            practice_comments::created_at
                .gt(t)
                .or(practice_comments::created_at
                    .eq(t)
                    .and(practice_comments::id.gt(id))),
        );
    }
    q.load(conn).await
}

pub async fn replies(conn: &mut AsyncPgConnection, parents: &[Uuid]) -> QueryResult<Vec<Comment>> {
    practice_comments::table
        .filter(practice_comments::parent_id.eq_any(parents))
        .order((practice_comments::created_at, practice_comments::id))
        .select(Comment::as_select())
        .load(conn)
        .await
}

// ---- counters ----

pub enum Counter {
    Comments,
    Endorsements,
    Adoptions,
}

/// Adds `delta` to one of the record's counters and returns the new value.
pub async fn bump(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    counter: Counter,
    delta: i32,
) -> QueryResult<i32> {
    let target = practices::table.find(id);
    match counter {
        Counter::Comments => {
            diesel::update(target)
                .set(practices::comment_count.eq(practices::comment_count + delta))
                .returning(practices::comment_count)
                .get_result(conn)
                .await
        }
        Counter::Endorsements => {
            diesel::update(target)
                .set(practices::endorsement_count.eq(practices::endorsement_count + delta))
                .returning(practices::endorsement_count)
                .get_result(conn)
                .await
        }
        Counter::Adoptions => {
            diesel::update(target)
                .set(practices::adoption_count.eq(practices::adoption_count + delta))
                .returning(practices::adoption_count)
                .get_result(conn)
                .await
        }
    }
}

// ---- endorsements ----

/// `true` when this added a row (the user had not endorsed it yet).
pub async fn endorse(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    diesel::insert_into(practice_endorsements::table)
        .values((
            practice_endorsements::practice_id.eq(practice),
            practice_endorsements::user_id.eq(user),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await
        .map(|n| n > 0)
}

pub async fn unendorse(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    diesel::delete(practice_endorsements::table.find((practice, user)))
        .execute(conn)
        .await
        .map(|n| n > 0)
}

pub async fn has_endorsed(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    user: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        practice_endorsements::table.find((practice, user)),
    ))
    .get_result(conn)
    .await
}

// ---- adoptions ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practice_adoptions)]
pub struct Adoption {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub organization_id: Uuid,
    pub status: AdoptionStatus,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub async fn insert_adoption(
    conn: &mut AsyncPgConnection,
    practice: Uuid,
    organization: Uuid,
    status: AdoptionStatus,
    note: Option<&str>,
    author: Uuid,
) -> QueryResult<Adoption> {
    diesel::insert_into(practice_adoptions::table)
        .values((
            practice_adoptions::id.eq(Uuid::now_v7()),
            practice_adoptions::practice_id.eq(practice),
            practice_adoptions::organization_id.eq(organization),
            practice_adoptions::status.eq(status),
            practice_adoptions::note.eq(note),
            practice_adoptions::created_by.eq(author),
        ))
        .returning(Adoption::as_returning())
        .get_result(conn)
        .await
}

pub async fn find_adoption(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<Adoption>> {
    practice_adoptions::table
        .find(id)
        .select(Adoption::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn update_adoption(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: AdoptionStatus,
    note: Option<&str>,
) -> QueryResult<Adoption> {
    diesel::update(practice_adoptions::table.find(id))
        .set((
            practice_adoptions::status.eq(status),
            practice_adoptions::note.eq(note),
            practice_adoptions::updated_at.eq(diesel::dsl::now),
        ))
        .returning(Adoption::as_returning())
        .get_result(conn)
        .await
}

pub async fn delete_adoption(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::delete(practice_adoptions::table.find(id))
        .execute(conn)
        .await
        .map(|_| ())
}

pub enum AdoptionsOf {
    Practice(Uuid),
    Organization(Uuid),
}

/// Oldest first, with the practice's title and owner.
pub async fn adoptions(
    conn: &mut AsyncPgConnection,
    of: AdoptionsOf,
    after: Option<(DateTime<Utc>, Uuid)>,
    fetch: i64,
) -> QueryResult<Vec<(Adoption, Uuid, String)>> {
    let mut q = practice_adoptions::table
        .inner_join(practices::table)
        .order((practice_adoptions::created_at, practice_adoptions::id))
        .limit(fetch)
        .select((
            Adoption::as_select(),
            practices::organization_id,
            diesel::dsl::sql::<diesel::sql_types::Text>("practices.content->>'title'"),
        ))
        .into_boxed();
    q = match of {
        AdoptionsOf::Practice(p) => q.filter(practice_adoptions::practice_id.eq(p)),
        AdoptionsOf::Organization(o) => q
            .filter(practice_adoptions::organization_id.eq(o))
            .filter(practices::status.ne(PracticeStatus::Draft))
            .filter(practices::hidden_at.is_null()),
    };
    if let Some((t, id)) = after {
        q = q.filter(
            practice_adoptions::created_at
                .gt(t)
                .or(practice_adoptions::created_at
                    .eq(t)
                    .and(practice_adoptions::id.gt(id))),
        );
    }
    q.load(conn).await
}

pub async fn org_refs(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<OrgRef>> {
    let rows: Vec<(Uuid, String, OrgKind, String, Option<i64>)> = organizations::table
        .filter(organizations::id.eq_any(ids))
        .select((
            organizations::id,
            organizations::name,
            organizations::kind,
            organizations::country,
            organizations::population,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, kind, country, population)| OrgRef {
            id,
            name,
            kind,
            country,
            population,
        })
        .collect())
}

// ---- bulk loads (`livinglab-seed`) ----

/// A record written whole, counters and timestamps included, by bulk loads of data that
/// is consistent by construction (`tools/seed`). The server's own writes use `insert`.
#[derive(Debug, Insertable)]
#[diesel(table_name = practices)]
pub struct NewPractice {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub status: PracticeStatus,
    pub content: serde_json::Value,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
    pub hidden_by: Option<Uuid>,
    pub comment_count: i32,
    pub endorsement_count: i32,
    pub adoption_count: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = practice_endorsements)]
pub struct NewEndorsement {
    pub practice_id: Uuid,
    pub user_id: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = practice_comments)]
pub struct NewComment {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author_id: Option<Uuid>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = practice_adoptions)]
pub struct NewAdoption {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub organization_id: Uuid,
    pub status: AdoptionStatus,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Rows per multi-row INSERT of `columns` columns: PostgreSQL takes at most 65,535
/// parameters in one statement.
fn rows_per_insert(columns: usize) -> usize {
    (u16::MAX as usize / columns).max(1)
}

/// Records with their first revisions (number 1, by `created_by`, at `created_at`, with
/// `changed_fields`), the revisions copied from the rows just written so that the content
/// travels once. Returns the number of records.
pub async fn insert_many(
    conn: &mut AsyncPgConnection,
    rows: &[NewPractice],
    changed_fields: &[String],
) -> QueryResult<usize> {
    use diesel::sql_types::{Array, Integer, Text};
    let mut n = 0;
    for chunk in rows.chunks(rows_per_insert(14)) {
        n += diesel::insert_into(practices::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    diesel::insert_into(practice_revisions::table)
        .values(practices::table.filter(practices::id.eq_any(ids)).select((
            practices::id,
            1.into_sql::<Integer>(),
            practices::created_by,
            practices::created_at,
            changed_fields.into_sql::<Array<Text>>(),
            practices::content,
        )))
        .into_columns((
            practice_revisions::practice_id,
            practice_revisions::number,
            practice_revisions::author_id,
            practice_revisions::created_at,
            practice_revisions::changed_fields,
            practice_revisions::content,
        ))
        .execute(conn)
        .await?;
    Ok(n)
}

/// Endorsements as they are; the records' counters are the caller's business.
pub async fn insert_endorsements(
    conn: &mut AsyncPgConnection,
    rows: &[NewEndorsement],
) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in rows.chunks(rows_per_insert(3)) {
        n += diesel::insert_into(practice_endorsements::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}

/// Comments as they are (parents before their replies); counters are the caller's business.
pub async fn insert_comments(
    conn: &mut AsyncPgConnection,
    rows: &[NewComment],
) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in rows.chunks(rows_per_insert(8)) {
        n += diesel::insert_into(practice_comments::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}

/// Adoptions as they are; counters are the caller's business.
pub async fn insert_adoptions(
    conn: &mut AsyncPgConnection,
    rows: &[NewAdoption],
) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in rows.chunks(rows_per_insert(8)) {
        n += diesel::insert_into(practice_adoptions::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}

pub async fn count(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    practices::table.count().get_result(conn).await
}

/// The typo-tolerance lexicon of every record, as `add_terms` makes it for one.
pub async fn add_all_terms(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    diesel::sql_query(add_terms_sql("TRUE")).execute(conn).await
}

pub async fn count_terms(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM practice_terms)",
    ))
    .get_result(conn)
    .await
}

/// Fresh planner statistics for the catalogue's tables and those it joins, after a bulk
/// load: without them the planner takes `kind = 'city'` for 2 rows and searches by
/// organization instead of through the full-text index (measured: 600 ms instead of 13 ms).
pub async fn analyze(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    diesel::sql_query(
        "ANALYZE practices, practice_terms, practice_endorsements, practice_comments, \
         practice_adoptions, practice_revisions, organizations, organization_members, users",
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Records whose counters disagree with their endorsement, comment (not deleted) and
/// adoption rows: none, unless a bulk load went wrong.
pub async fn count_counter_mismatches(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM practices p
          LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_endorsements
                     GROUP BY 1) e ON e.practice_id = p.id
          LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_comments
                     WHERE deleted_at IS NULL GROUP BY 1) c ON c.practice_id = p.id
          LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_adoptions
                     GROUP BY 1) a ON a.practice_id = p.id
          WHERE p.endorsement_count <> coalesce(e.n, 0) OR p.comment_count <> coalesce(c.n, 0)
             OR p.adoption_count <> coalesce(a.n, 0))",
    ))
    .get_result(conn)
    .await
}
