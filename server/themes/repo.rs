use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{theme_translations, themes};

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

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = theme_translations)]
pub struct Translation {
    pub theme_id: Uuid,
    pub lang: String,
    pub name: String,
    pub description: String,
}

/// The translations of `ids`, by theme then language.
pub async fn translations_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<Translation>> {
    theme_translations::table
        .filter(theme_translations::theme_id.eq_any(ids))
        .select(Translation::as_select())
        .order((theme_translations::theme_id, theme_translations::lang))
        .load(conn)
        .await
}

/// The English name and description (the theme's own row).
pub async fn set_english(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    name: &str,
    description: &str,
) -> QueryResult<()> {
    diesel::update(themes::table.find(id))
        .set((themes::name.eq(name), themes::description.eq(description)))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_translation(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    lang: &str,
    name: &str,
    description: &str,
) -> QueryResult<()> {
    diesel::insert_into(theme_translations::table)
        .values((
            theme_translations::theme_id.eq(id),
            theme_translations::lang.eq(lang),
            theme_translations::name.eq(name),
            theme_translations::description.eq(description),
        ))
        .on_conflict((theme_translations::theme_id, theme_translations::lang))
        .do_update()
        .set((
            theme_translations::name.eq(name),
            theme_translations::description.eq(description),
            theme_translations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn delete_translation(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    lang: &str,
) -> QueryResult<()> {
    diesel::delete(theme_translations::table.find((id, lang)))
        .execute(conn)
        .await
        .map(|_| ())
}
