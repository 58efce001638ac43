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
