use chrono::Utc;
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
