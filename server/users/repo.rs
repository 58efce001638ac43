use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::auth::repo::User;
use crate::db::schema::users;
use crate::shared::vocab::Role;

pub async fn set_role(conn: &mut AsyncPgConnection, id: Uuid, role: Role) -> QueryResult<User> {
    diesel::update(users::table.find(id))
        .set((users::role.eq(role), users::updated_at.eq(Utc::now())))
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// What a person sets about themself; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChangeset {
    pub display_name: Option<String>,
    pub locale: Option<Option<String>>,
    pub timezone: Option<Option<String>>,
    pub updated_at: Option<DateTime<Utc>>,
}

pub async fn update_profile(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &ProfileChangeset,
) -> QueryResult<User> {
    diesel::update(users::table.find(id))
        .set(changes)
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// Admins, row-locked: two concurrent demotions cannot both see "another admin remains".
pub async fn lock_admin_ids(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Uuid>> {
    users::table
        .filter(users::role.eq(Role::Admin))
        .select(users::id)
        .for_update()
        .load(conn)
        .await
}

/// Users ordered by id (time-ordered v7), optionally filtered by a substring of the name
/// (and of the email when `search_email`).
pub async fn list(
    conn: &mut AsyncPgConnection,
    q: Option<&str>,
    search_email: bool,
    after: Option<Uuid>,
    fetch: i64,
) -> QueryResult<Vec<User>> {
    let mut query = users::table.select(User::as_select()).into_boxed();
    if let Some(q) = q {
        let pattern = crate::db::like_pattern(q);
        query = if search_email {
            query.filter(
                users::display_name
                    .ilike(pattern.clone())
                    .or(users::email.ilike(pattern)),
            )
        } else {
            query.filter(users::display_name.ilike(pattern))
        };
    }
    if let Some(after) = after {
        query = query.filter(users::id.gt(after));
    }
    query.order(users::id.asc()).limit(fetch).load(conn).await
}

// ---- bulk loads (`livinglab-seed`) ----

/// An account written whole, timestamps included, by bulk loads (`tools/seed`).
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUserRow<'a> {
    pub id: Uuid,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub async fn insert_many(
    conn: &mut AsyncPgConnection,
    rows: &[NewUserRow<'_>],
) -> QueryResult<usize> {
    let mut n = 0;
    // At most 65,535 parameters per statement.
    for chunk in rows.chunks(u16::MAX as usize / 7) {
        n += diesel::insert_into(users::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}

pub async fn count(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn).await
}

/// Accounts whose email ends in `@domain`.
pub async fn count_with_email_domain(
    conn: &mut AsyncPgConnection,
    domain: &str,
) -> QueryResult<i64> {
    let contains = crate::db::like_pattern(domain);
    let ends_with = format!("%@{}", &contains[1..contains.len() - 1]);
    users::table
        .filter(users::email.like(ends_with))
        .count()
        .get_result(conn)
        .await
}
