use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{refresh_tokens, server_keys, users};
use crate::shared::person::PersonRef;
use crate::shared::vocab::Role;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub session_started_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken<'a> {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: &'a [u8],
    pub expires_at: DateTime<Utc>,
    pub session_started_at: DateTime<Utc>,
}

pub async fn insert_refresh_token(
    conn: &mut AsyncPgConnection,
    new: &NewRefreshToken<'_>,
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(new)
        .execute(conn)
        .await
        .map(drop)
}

/// Row-locked, so two concurrent uses of one token serialize and the second sees it spent.
pub async fn find_refresh_token_for_update(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .select(RefreshToken::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub async fn mark_used(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::used_at.eq(Utc::now()))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn revoke_family(conn: &mut AsyncPgConnection, family: Uuid) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now()))
    .execute(conn)
    .await
}

/// Ends every session of `user` but `keep`; returns how many tokens it revoked.
/// A browser session in use stays alive like a refreshed one: its live token's expiry
/// moves to `idle` from now (never past the session's absolute end). Written at most once
/// a day per session.
pub async fn keep_alive(
    conn: &mut AsyncPgConnection,
    session: Uuid,
    idle: std::time::Duration,
    lifetime: std::time::Duration,
) -> QueryResult<()> {
    let idle_secs = i64::try_from(idle.as_secs()).unwrap_or(i64::MAX / 2);
    let life_secs = i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX / 2);
    diesel::sql_query(
        "UPDATE refresh_tokens \
         SET expires_at = LEAST(now() + make_interval(secs => $2), \
                                session_started_at + make_interval(secs => $3)) \
         WHERE family_id = $1 AND revoked_at IS NULL AND used_at IS NULL \
           AND expires_at > now() \
           AND expires_at < now() + make_interval(secs => $2) - interval '1 day'",
    )
    .bind::<diesel::sql_types::Uuid, _>(session)
    .bind::<diesel::sql_types::Double, _>(idle_secs as f64)
    .bind::<diesel::sql_types::Double, _>(life_secs as f64)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn revoke_user(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    keep: Option<Uuid>,
) -> QueryResult<usize> {
    let mut q = diesel::update(refresh_tokens::table)
        .filter(refresh_tokens::user_id.eq(user))
        .filter(refresh_tokens::revoked_at.is_null())
        .into_boxed();
    if let Some(k) = keep {
        q = q.filter(refresh_tokens::family_id.ne(k));
    }
    q.set(refresh_tokens::revoked_at.eq(Utc::now()))
        .execute(conn)
        .await
}

/// Spent and expired rows are only evidence for reuse detection until they expire.
pub async fn delete_expired(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    diesel::delete(refresh_tokens::table.filter(refresh_tokens::expires_at.lt(Utc::now())))
        .execute(conn)
        .await
}

/// The first instance to ask stores `fresh`; every later one reads what it stored.
pub async fn load_or_create_secret(
    conn: &mut AsyncPgConnection,
    name: &str,
    fresh: &[u8],
) -> QueryResult<Vec<u8>> {
    diesel::insert_into(server_keys::table)
        .values((server_keys::name.eq(name), server_keys::secret.eq(fresh)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    server_keys::table
        .filter(server_keys::name.eq(name))
        .select(server_keys::secret)
        .first(conn)
        .await
}

// ---- accounts ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The pages' language for this person (`web::i18n`), when they chose one.
    pub locale: Option<String>,
    /// An IANA timezone name, when they chose one.
    pub timezone: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: Uuid,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub role: Role,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewUser<'_>) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(new)
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

/// The account, if `session` (a refresh token family of its own) is still alive: not
/// revoked, and not past its expiry (which the absolute lifetime caps).
pub async fn find_in_session(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    session: Uuid,
) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .filter(diesel::dsl::exists(
            refresh_tokens::table
                .filter(refresh_tokens::family_id.eq(session))
                .filter(refresh_tokens::user_id.eq(users::id))
                .filter(refresh_tokens::revoked_at.is_null())
                .filter(refresh_tokens::expires_at.gt(Utc::now())),
        ))
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn set_password(conn: &mut AsyncPgConnection, id: Uuid, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn find_by_email(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn people(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<PersonRef>> {
    let rows: Vec<(Uuid, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, display_name)| PersonRef {
            user_id,
            display_name,
        })
        .collect())
}

/// When the session `session` of `user` ends if no token of it is refreshed: the latest
/// expiry among its live tokens (each is capped at the session's absolute lifetime).
/// `None` when it has ended already.
pub async fn session_ends_at(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    session: Uuid,
) -> QueryResult<Option<DateTime<Utc>>> {
    refresh_tokens::table
        .filter(refresh_tokens::family_id.eq(session))
        .filter(refresh_tokens::user_id.eq(user))
        .filter(refresh_tokens::revoked_at.is_null())
        .filter(refresh_tokens::expires_at.gt(Utc::now()))
        .select(diesel::dsl::max(refresh_tokens::expires_at))
        .get_result(conn)
        .await
}

// ---- closed accounts ----

/// The email domain of closed accounts (`.invalid` can never be a real address).
const CLOSED_DOMAIN: &str = "@closed.invalid";

/// The account row, locked for the rest of the transaction.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub fn is_closed(user: &User) -> bool {
    user.email.ends_with(CLOSED_DOMAIN)
}

/// Keeps only the id (what the person wrote still points at it): no name, no email, no
/// password that can match, no role. The email becomes free for a new account.
pub async fn close(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(format!("{id}{CLOSED_DOMAIN}")),
            users::display_name.eq("Deleted account"),
            users::password_hash.eq(""),
            users::role.eq(Role::Member),
            users::locale.eq(None::<String>),
            users::timezone.eq(None::<String>),
            users::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await
        .map(drop)
}

/// The pages' language of an account (`None`: from the browser).
pub async fn set_locale(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    locale: Option<&str>,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::locale.eq(locale))
        .execute(conn)
        .await
        .map(drop)
}
