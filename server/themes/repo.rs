use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::themes;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = themes)]
pub struct Theme {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<Theme>> {
    let mut q = themes::table.select(Theme::as_select()).into_boxed();
    if let Some(after) = after {
        q = q.filter(themes::slug.gt(after.to_owned()));
    }
    q.order(themes::slug.asc()).limit(fetch).load(conn).await
}

pub async fn find_by_slug(conn: &mut AsyncPgConnection, slug: &str) -> QueryResult<Option<Theme>> {
    themes::table
        .filter(themes::slug.eq(slug))
        .select(Theme::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    slug: &str,
    name: &str,
    description: &str,
) -> QueryResult<Theme> {
    diesel::insert_into(themes::table)
        .values((
            themes::id.eq(Uuid::now_v7()),
            themes::slug.eq(slug),
            themes::name.eq(name),
            themes::description.eq(description),
        ))
        .returning(Theme::as_returning())
        .get_result(conn)
        .await
}
