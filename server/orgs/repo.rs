use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{organization_members, organizations, users};
use crate::shared::vocab::{MemberRole, OrgKind};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organizations)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organizations)]
pub struct NewOrganization {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub created_by: Uuid,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = organizations)]
pub struct OrganizationChangeset {
    pub name: Option<String>,
    pub kind: Option<OrgKind>,
    pub country: Option<String>,
    pub population: Option<Option<i64>>,
    pub website: Option<Option<String>>,
    pub description: Option<Option<String>>,
    /// `Some(None)` withdraws verification (with `verified_by`).
    pub verified_at: Option<Option<DateTime<Utc>>>,
    pub verified_by: Option<Option<Uuid>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Queryable)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub display_name: String,
    pub role: MemberRole,
    pub created_at: DateTime<Utc>,
}

/// What a `MemberRow` is made of (membership joined with the user's name).
const MEMBER_COLUMNS: (
    organization_members::user_id,
    users::display_name,
    organization_members::role,
    organization_members::created_at,
) = (
    organization_members::user_id,
    users::display_name,
    organization_members::role,
    organization_members::created_at,
);

#[derive(Debug, Default)]
pub struct OrganizationQuery<'a> {
    pub kind: Option<OrgKind>,
    pub country: Option<&'a str>,
    pub name_contains: Option<&'a str>,
    pub verified: Option<bool>,
    pub after: Option<Uuid>,
    pub fetch: i64,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: &NewOrganization,
) -> QueryResult<Organization> {
    diesel::insert_into(organizations::table)
        .values(new)
        .returning(Organization::as_returning())
        .get_result(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Organization>> {
    organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)
        .await
        .optional()
}

/// Row-locks the organization: membership changes that check "an owner remains" serialize.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Uuid>> {
    organizations::table
        .find(id)
        .select(organizations::id)
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &OrganizationChangeset,
) -> QueryResult<Organization> {
    diesel::update(organizations::table.find(id))
        .set(changes)
        .returning(Organization::as_returning())
        .get_result(conn)
        .await
}

pub async fn set_verified(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    by: Option<Uuid>,
) -> QueryResult<Organization> {
    let at = by.map(|_| Utc::now());
    diesel::update(organizations::table.find(id))
        .set((
            organizations::verified_at.eq(at),
            organizations::verified_by.eq(by),
            organizations::updated_at.eq(Utc::now()),
        ))
        .returning(Organization::as_returning())
        .get_result(conn)
        .await
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    f: &OrganizationQuery<'_>,
) -> QueryResult<Vec<Organization>> {
    let mut q = organizations::table
        .select(Organization::as_select())
        .into_boxed();
    if let Some(kind) = f.kind {
        q = q.filter(organizations::kind.eq(kind));
    }
    if let Some(country) = f.country {
        q = q.filter(organizations::country.eq(country));
    }
    if let Some(text) = f.name_contains {
        q = q.filter(organizations::name.ilike(crate::db::like_pattern(text)));
    }
    match f.verified {
        Some(true) => q = q.filter(organizations::verified_at.is_not_null()),
        Some(false) => q = q.filter(organizations::verified_at.is_null()),
        None => {}
    }
    if let Some(after) = f.after {
        q = q.filter(organizations::id.gt(after));
    }
    q.order(organizations::id.asc())
        .limit(f.fetch)
        .load(conn)
        .await
}

/// Every organization for a sitemap (id, name, last change), most recently changed first.
pub async fn for_sitemap(
    conn: &mut AsyncPgConnection,
    limit: i64,
) -> QueryResult<Vec<(Uuid, String, DateTime<Utc>)>> {
    organizations::table
        .select((
            organizations::id,
            organizations::name,
            organizations::updated_at,
        ))
        .order((organizations::updated_at.desc(), organizations::id.desc()))
        .limit(limit)
        .load(conn)
        .await
}

/// Member counts for a set of organizations, in one query.
pub async fn member_counts(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, i64)>> {
    organization_members::table
        .filter(organization_members::organization_id.eq_any(ids))
        .group_by(organization_members::organization_id)
        .select((
            organization_members::organization_id,
            diesel::dsl::count_star(),
        ))
        .load(conn)
        .await
}

pub async fn insert_member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
    role: MemberRole,
) -> QueryResult<()> {
    diesel::insert_into(organization_members::table)
        .values((
            organization_members::organization_id.eq(organization_id),
            organization_members::user_id.eq(user_id),
            organization_members::role.eq(role),
        ))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn member_role(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<Option<MemberRole>> {
    organization_members::table
        .find((organization_id, user_id))
        .select(organization_members::role)
        .first(conn)
        .await
        .optional()
}

pub async fn set_member_role(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
    role: MemberRole,
) -> QueryResult<usize> {
    diesel::update(organization_members::table.find((organization_id, user_id)))
        .set(organization_members::role.eq(role))
        .execute(conn)
        .await
}

pub async fn delete_member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(organization_members::table.find((organization_id, user_id)))
        .execute(conn)
        .await
}

pub async fn count_owners(conn: &mut AsyncPgConnection, organization_id: Uuid) -> QueryResult<i64> {
    organization_members::table
        .filter(organization_members::organization_id.eq(organization_id))
        .filter(organization_members::role.eq(MemberRole::Owner))
        .count()
        .get_result(conn)
        .await
}

pub async fn member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<MemberRow> {
    organization_members::table
        .inner_join(users::table)
        .filter(organization_members::organization_id.eq(organization_id))
        .filter(organization_members::user_id.eq(user_id))
        .select(MEMBER_COLUMNS)
        .first(conn)
        .await
}

pub async fn members(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    after: Option<Uuid>,
    fetch: i64,
) -> QueryResult<Vec<MemberRow>> {
    let mut q = organization_members::table
        .inner_join(users::table)
        .filter(organization_members::organization_id.eq(organization_id))
        .select(MEMBER_COLUMNS)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(organization_members::user_id.gt(after));
    }
    q.order(organization_members::user_id.asc())
        .limit(fetch)
        .load(conn)
        .await
}

/// (organization id, organization name, role) for every organization a user belongs to.
pub async fn memberships_of(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<(Uuid, String, MemberRole)>> {
    organization_members::table
        .inner_join(organizations::table)
        .filter(organization_members::user_id.eq(user_id))
        .select((
            organizations::id,
            organizations::name,
            organization_members::role,
        ))
        .order(organizations::name.asc())
        .load(conn)
        .await
}

// ---- bulk loads (`livinglab-seed`) ----

/// An organization written whole, timestamps and verification included, by bulk loads
/// (`tools/seed`). The server's own writes use `NewOrganization`.
#[derive(Debug, Insertable)]
#[diesel(table_name = organizations)]
pub struct NewOrganizationRow {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organization_members)]
pub struct NewMember {
    pub organization_id: Uuid,
    pub user_id: Uuid,
    pub role: MemberRole,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_many(
    conn: &mut AsyncPgConnection,
    rows: &[NewOrganizationRow],
) -> QueryResult<usize> {
    let mut n = 0;
    // At most 65,535 parameters per statement.
    for chunk in rows.chunks(u16::MAX as usize / 11) {
        n += diesel::insert_into(organizations::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}

pub async fn insert_members(
    conn: &mut AsyncPgConnection,
    rows: &[NewMember],
) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in rows.chunks(u16::MAX as usize / 4) {
        n += diesel::insert_into(organization_members::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(n)
}
