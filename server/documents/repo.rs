use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{document_versions, documents};
use crate::shared::vocab::AttachedType;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct Document {
    pub id: Uuid,
    pub attached_type: AttachedType,
    pub attached_id: Uuid,
    pub title: String,
    pub latest: i32,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub deleted_by: Option<Uuid>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = document_versions)]
pub struct Version {
    pub document_id: Uuid,
    pub number: i32,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_document(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    kind: AttachedType,
    attached_id: Uuid,
    title: &str,
    by: Uuid,
) -> QueryResult<()> {
    diesel::insert_into(documents::table)
        .values((
            documents::id.eq(id),
            documents::attached_type.eq(kind),
            documents::attached_id.eq(attached_id),
            documents::title.eq(title),
            documents::uploaded_by.eq(by),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn insert_version(conn: &mut AsyncPgConnection, v: &Version) -> QueryResult<()> {
    diesel::insert_into(document_versions::table)
        .values(v)
        .execute(conn)
        .await?;
    diesel::update(documents::table.find(v.document_id))
        .set(documents::latest.eq(v.number))
        .execute(conn)
        .await
        .map(|_| ())
}

/// A document that was not deleted; `lock` holds it until the transaction ends.
pub async fn find(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    lock: bool,
) -> QueryResult<Option<Document>> {
    let q = documents::table
        .find(id)
        .filter(documents::deleted_at.is_null())
        .select(Document::as_select());
    if lock {
        q.for_no_key_update().first(conn).await.optional()
    } else {
        q.first(conn).await.optional()
    }
}

pub async fn version(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    number: i32,
) -> QueryResult<Option<Version>> {
    document_versions::table
        .find((id, number))
        .select(Version::as_select())
        .first(conn)
        .await
        .optional()
}

/// Newest first.
pub async fn versions(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<Version>> {
    document_versions::table
        .filter(document_versions::document_id.eq(id))
        .order(document_versions::number.desc())
        .select(Version::as_select())
        .load(conn)
        .await
}

/// The documents of a parent with their latest versions, oldest first.
pub async fn attached(
    conn: &mut AsyncPgConnection,
    kind: AttachedType,
    parent: Uuid,
) -> QueryResult<Vec<(Document, Version)>> {
    documents::table
        .inner_join(
            document_versions::table.on(document_versions::document_id
                .eq(documents::id)
                .and(document_versions::number.eq(documents::latest))),
        )
        .filter(documents::attached_type.eq(kind))
        .filter(documents::attached_id.eq(parent))
        .filter(documents::deleted_at.is_null())
        .order((documents::created_at, documents::id))
        .limit(1000)
        .select((Document::as_select(), Version::as_select()))
        .load(conn)
        .await
}

pub async fn soft_delete(conn: &mut AsyncPgConnection, id: Uuid, by: Uuid) -> QueryResult<()> {
    diesel::update(documents::table.find(id))
        .set((
            documents::deleted_at.eq(diesel::dsl::now),
            documents::deleted_by.eq(by),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

#[derive(QueryableByName)]
struct Sum {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    bytes: i64,
}

/// Which documents still hold their content in storage: those not deleted, and those
/// deleted less than the grace (`$2`, seconds) ago, whose blobs the sweep keeps. Quotas
/// count the same set, so deleting and uploading again cannot store more than a quota.
const LIVE: &str = "(d.deleted_at IS NULL OR d.deleted_at > now() - make_interval(secs => $2))";

/// Waits for the transaction-scoped advisory lock named `key` (keys are prefixed by what
/// they guard, so they do not collide with other locks).
async fn lock(conn: &mut AsyncPgConnection, key: &str) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind::<diesel::sql_types::Text, _>(key)
        .execute(conn)
        .await
        .map(drop)
}

/// Serialises what counts against `user`'s quota, until the transaction ends. Take it
/// before `lock_organization_quota`, always.
pub async fn lock_user_quota(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<()> {
    lock(conn, &format!("documents.quota.user:{user}")).await
}

pub async fn lock_organization_quota(conn: &mut AsyncPgConnection, org: Uuid) -> QueryResult<()> {
    lock(conn, &format!("documents.quota.organization:{org}")).await
}

/// Serialises storing a blob and naming it in a row against the sweep's check and removal
/// of that blob, until the transaction ends. Taken after the quota locks.
pub async fn lock_blob(conn: &mut AsyncPgConnection, sha256: &str) -> QueryResult<()> {
    lock(conn, &format!("documents.blob:{sha256}")).await
}

/// Bytes of the versions `user` uploaded to documents whose content is still stored.
pub async fn used_by_user(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    grace: std::time::Duration,
) -> QueryResult<i64> {
    let s: Sum = diesel::sql_query(format!(
        "SELECT coalesce(sum(v.size), 0)::bigint AS bytes FROM document_versions v \
         JOIN documents d ON d.id = v.document_id \
         WHERE v.uploaded_by = $1 AND {LIVE}"
    ))
    .bind::<diesel::sql_types::Uuid, _>(user)
    .bind::<diesel::sql_types::Double, _>(grace.as_secs_f64())
    .get_result(conn)
    .await?;
    Ok(s.bytes)
}

/// Bytes of the versions of documents (whose content is still stored) attached to `org`,
/// its practices, events and rooms.
pub async fn used_by_organization(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    grace: std::time::Duration,
) -> QueryResult<i64> {
    let s: Sum = diesel::sql_query(format!(
        "SELECT coalesce(sum(v.size), 0)::bigint AS bytes FROM document_versions v \
         JOIN documents d ON d.id = v.document_id \
         WHERE {LIVE} AND ( \
            (d.attached_type = 'organization' AND d.attached_id = $1) \
         OR (d.attached_type = 'practice' \
             AND d.attached_id IN (SELECT id FROM practices WHERE organization_id = $1)) \
         OR (d.attached_type = 'event' \
             AND d.attached_id IN (SELECT id FROM events WHERE organization_id = $1)) \
         OR (d.attached_type = 'room' \
             AND d.attached_id IN (SELECT id FROM rooms WHERE organization_id = $1)))"
    ))
    .bind::<diesel::sql_types::Uuid, _>(org)
    .bind::<diesel::sql_types::Double, _>(grace.as_secs_f64())
    .get_result(conn)
    .await?;
    Ok(s.bytes)
}

/// The organization whose quota a document of this parent counts against, if any.
pub async fn organization_of(
    conn: &mut AsyncPgConnection,
    kind: AttachedType,
    parent: Uuid,
) -> QueryResult<Option<Uuid>> {
    use crate::db::schema::{events, practices, rooms};
    match kind {
        AttachedType::Organization => Ok(Some(parent)),
        AttachedType::Practice => practices::table
            .find(parent)
            .select(practices::organization_id)
            .first(conn)
            .await
            .optional(),
        AttachedType::Event => Ok(events::table
            .find(parent)
            .select(events::organization_id)
            .first::<Option<Uuid>>(conn)
            .await
            .optional()?
            .flatten()),
        AttachedType::Room => Ok(rooms::table
            .find(parent)
            .select(rooms::organization_id)
            .first::<Option<Uuid>>(conn)
            .await
            .optional()?
            .flatten()),
    }
}

#[derive(QueryableByName)]
struct Sha {
    #[diesel(sql_type = diesel::sql_types::Text)]
    sha256: String,
}

/// Which of `shas` a version still needs: one of a document that is not deleted, or was
/// deleted less than `grace` ago.
pub async fn live_blobs(
    conn: &mut AsyncPgConnection,
    shas: &[String],
    grace: std::time::Duration,
) -> QueryResult<std::collections::HashSet<String>> {
    let rows: Vec<Sha> = diesel::sql_query(format!(
        "SELECT DISTINCT v.sha256 FROM document_versions v \
         JOIN documents d ON d.id = v.document_id \
         WHERE v.sha256 = ANY($1) AND {LIVE}"
    ))
    .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(shas)
    .bind::<diesel::sql_types::Double, _>(grace.as_secs_f64())
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.sha256).collect())
}
