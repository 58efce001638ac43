use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{
    CreateOrganizationRequest, MemberView, OrganizationFilter, OrganizationView,
    UpdateOrganizationRequest,
};
use super::repo::{self, NewOrganization, OrganizationChangeset, OrganizationQuery};
use crate::auth::AuthUser;
use crate::auth::repo as users_repo;
use crate::domain::{CountryCode, Email, OrgName, WebUrl, search_text, text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{Page, PageRequest};
use crate::pubsub::{Rights, Topic};
use crate::shared::vocab::MemberRole;
use crate::state::AppState;

const MAX_DESCRIPTION: usize = 10_000;
/// Larger than any city on Earth; catches unit mistakes.
const MAX_POPULATION: i64 = 100_000_000;

fn population(v: i64) -> Result<i64, String> {
    if (0..=MAX_POPULATION).contains(&v) {
        Ok(v)
    } else {
        Err(format!("must be between 0 and {MAX_POPULATION}"))
    }
}

fn opt<T>(
    errors: &mut FieldErrors,
    field: &str,
    v: Option<Option<T>>,
    parse: impl FnOnce(T) -> Result<String, String>,
) -> Option<Option<String>> {
    match v {
        None => None,
        Some(None) => Some(None),
        Some(Some(x)) => errors
            .check(field, parse(x))
            .map(|s| Some(s).filter(|s| !s.is_empty())),
    }
}

async fn view(conn: &mut AsyncPgConnection, o: repo::Organization) -> AppResult<OrganizationView> {
    let count = repo::member_counts(conn, &[o.id])
        .await?
        .first()
        .map_or(0, |(_, n)| *n);
    Ok(OrganizationView::new(o, count))
}

pub async fn create(
    state: &AppState,
    caller: &AuthUser,
    req: CreateOrganizationRequest,
) -> AppResult<OrganizationView> {
    let mut e = FieldErrors::new();
    let name = e.check("name", OrgName::parse(&req.name));
    let country = e.check("country", CountryCode::parse(&req.country));
    let population = req
        .population
        .and_then(|p| e.check("population", population(p)));
    let website = opt(&mut e, "website", Some(req.website), |w| {
        WebUrl::parse(&w).map(WebUrl::into_inner)
    })
    .flatten();
    let description = opt(&mut e, "description", Some(req.description), |d| {
        text(&d, MAX_DESCRIPTION)
    })
    .flatten();
    e.finish()?;
    let new = NewOrganization {
        id: Uuid::now_v7(),
        name: name.expect("checked").into_inner(),
        kind: req.kind,
        country: country.expect("checked").into_inner(),
        population,
        website,
        description,
        created_by: caller.id,
    };
    let mut conn = state.conn().await?;
    let org = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let org = repo::insert(conn, &new).await?;
            repo::insert_member(conn, org.id, caller.id, MemberRole::Owner).await?;
            Ok(org)
        })
        .await?;
    tracing::info!(org_id = %org.id, by = %caller.id, "organization created");
    Ok(OrganizationView::new(org, 1))
}

pub async fn get(state: &AppState, id: Uuid) -> AppResult<OrganizationView> {
    let mut conn = state.conn().await?;
    let org = repo::find(&mut conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("organization"))?;
    view(&mut conn, org).await
}

pub async fn list(
    state: &AppState,
    filter: OrganizationFilter,
    page: PageRequest,
) -> AppResult<Page<OrganizationView>> {
    let mut e = FieldErrors::new();
    let country = filter
        .country
        .as_deref()
        .and_then(|c| e.check("country", CountryCode::parse(c)));
    let q = e.check("q", search_text(filter.q.as_deref())).flatten();
    e.finish()?;
    let mut conn = state.conn().await?;
    let rows = repo::list(
        &mut conn,
        &OrganizationQuery {
            kind: filter.kind,
            country: country.as_ref().map(CountryCode::as_str),
            name_contains: q.as_deref(),
            verified: filter.verified,
            after: page.after_uuid()?,
            fetch: page.fetch(),
        },
    )
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|o| o.id).collect();
    let counts: std::collections::HashMap<Uuid, i64> = repo::member_counts(&mut conn, &ids)
        .await?
        .into_iter()
        .collect();
    Ok(Page::from_rows(
        rows,
        &page,
        |o| o.id.to_string(),
        |o| {
            let n = counts.get(&o.id).copied().unwrap_or(0);
            OrganizationView::new(o, n)
        },
    ))
}

/// 404 when the organization does not exist; 403 unless the caller owns it or is an admin.
async fn require_owner(
    conn: &mut AsyncPgConnection,
    caller: &AuthUser,
    org_id: Uuid,
) -> AppResult<()> {
    if repo::find(conn, org_id).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    if caller.is_admin() {
        return Ok(());
    }
    match repo::member_role(conn, org_id, caller.id).await? {
        Some(MemberRole::Owner) => Ok(()),
        _ => Err(AppError::forbidden(
            "only an owner of this organization or an admin may do this",
        )),
    }
}

pub async fn update(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    req: UpdateOrganizationRequest,
) -> AppResult<OrganizationView> {
    let mut e = FieldErrors::new();
    let changes = OrganizationChangeset {
        name: req
            .name
            .and_then(|n| e.check("name", OrgName::parse(&n)))
            .map(OrgName::into_inner),
        kind: req.kind,
        country: req
            .country
            .and_then(|c| e.check("country", CountryCode::parse(&c)))
            .map(CountryCode::into_inner),
        population: match req.population {
            Some(Some(p)) => e.check("population", population(p)).map(Some),
            other => other,
        },
        website: opt(&mut e, "website", req.website, |w| {
            WebUrl::parse(&w).map(WebUrl::into_inner)
        }),
        description: opt(&mut e, "description", req.description, |d| {
            text(&d, MAX_DESCRIPTION)
        }),
        verified_at: None,
        verified_by: None,
        updated_at: Utc::now(),
    };
    e.finish()?;
    let mut conn = state.conn().await?;
    let org = conn
        .transaction::<_, AppError, _>(async move |conn| {
            require_owner(conn, caller, id).await?;
            repo::lock(conn, id).await?;
            let current = repo::find(conn, id)
                .await?
                .ok_or_else(|| AppError::not_found("organization"))?;
            let mut changes = changes;
            // An admin vouched for this name, kind and country; a verified city renamed
            // into another must be checked again.
            if current.verified_at.is_some() && changes_identity(&current, &changes) {
                changes.verified_at = Some(None);
                changes.verified_by = Some(None);
                tracing::info!(org_id = %id, by = %caller.id,
                    "organization identity changed: verification withdrawn");
            }
            Ok(repo::update(conn, id, &changes).await?)
        })
        .await?;
    // Practices show their organization's name, kind, country and population.
    state.pubsub.publish(Topic::Organization, &id.to_string());
    view(&mut conn, org).await
}

/// Does `changes` give the organization another name, kind or country?
fn changes_identity(current: &repo::Organization, changes: &OrganizationChangeset) -> bool {
    changes.name.as_ref().is_some_and(|n| *n != current.name)
        || changes.kind.is_some_and(|k| k != current.kind)
        || changes
            .country
            .as_ref()
            .is_some_and(|c| *c != current.country)
}

pub async fn set_verified(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    verified: bool,
) -> AppResult<OrganizationView> {
    caller.require_admin()?;
    let mut conn = state.conn().await?;
    let org = repo::set_verified(&mut conn, id, verified.then_some(caller.id))
        .await
        .map_err(|e| match e {
            diesel::result::Error::NotFound => AppError::not_found("organization"),
            other => other.into(),
        })?;
    tracing::info!(org_id = %id, by = %caller.id, verified, "organization verification changed");
    view(&mut conn, org).await
}

pub async fn add_member(
    state: &AppState,
    caller: &AuthUser,
    org_id: Uuid,
    user_id: Uuid,
    role: MemberRole,
) -> AppResult<MemberView> {
    let mut conn = state.conn().await?;
    require_owner(&mut conn, caller, org_id).await?;
    if users_repo::find(&mut conn, user_id).await?.is_none() {
        return Err(AppError::not_found("user"));
    }
    repo::insert_member(&mut conn, org_id, user_id, role)
        .await
        .map_err(|e| {
            AppError::unique_violation(
                e,
                "organization_members_pkey",
                "already_member",
                "this user is already a member; change their role with PATCH",
                "user_id",
            )
        })?;
    state.pubsub.rights_changed(Rights::User(user_id));
    Ok(repo::member(&mut conn, org_id, user_id).await?.into())
}

/// Adds the account with this email address (for forms, where people know each other by
/// address, not by id). Only owners and admins learn whether an address has an account.
pub async fn add_member_by_email(
    state: &AppState,
    caller: &AuthUser,
    org_id: Uuid,
    email: &str,
    role: MemberRole,
) -> AppResult<MemberView> {
    let email = Email::parse(email).map_err(|m| FieldErrors::single("email", m))?;
    let user_id = {
        let mut conn = state.conn().await?;
        require_owner(&mut conn, caller, org_id).await?;
        match users_repo::find_by_email(&mut conn, email.as_str()).await? {
            Some(u) if !users_repo::is_closed(&u) => u.id,
            _ => {
                return Err(FieldErrors::single(
                    "email",
                    "no account has this email address",
                ));
            }
        }
    };
    add_member(state, caller, org_id, user_id, role).await
}

/// What someone may do with an organization, for pages that offer only what will work.
#[derive(Debug, Clone, Copy, Default)]
pub struct Standing {
    pub role: Option<MemberRole>,
    /// Edits the profile and manages members: its owners and platform admins.
    pub manages: bool,
    /// Verifies organizations: platform admins.
    pub verifies: bool,
}

pub async fn standing(
    state: &AppState,
    org_id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<Standing> {
    let Some(user) = user else {
        return Ok(Standing::default());
    };
    let mut conn = state.conn().await?;
    let role = repo::member_role(&mut conn, org_id, user.id).await?;
    Ok(Standing {
        role,
        manages: user.is_admin() || role == Some(MemberRole::Owner),
        verifies: user.is_admin(),
    })
}

pub async fn list_members(
    state: &AppState,
    org_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<MemberView>> {
    let mut conn = state.conn().await?;
    if repo::find(&mut conn, org_id).await?.is_none() {
        return Err(AppError::not_found("organization"));
    }
    let rows = repo::members(&mut conn, org_id, page.after_uuid()?, page.fetch()).await?;
    Ok(Page::from_rows(
        rows,
        &page,
        |m| m.user_id.to_string(),
        MemberView::from,
    ))
}

enum MemberChange {
    SetRole(MemberRole),
    Remove,
}

/// Applies `change` while the organization row is locked, refusing if it would leave the
/// organization with no owner (two owners demoting each other at once cannot both win).
///
/// The caller's right is checked under the same lock, so an owner demoted at this moment
/// cannot still slip a change in.
async fn change_member(
    state: &AppState,
    caller: &AuthUser,
    org_id: Uuid,
    user_id: Uuid,
    change: MemberChange,
) -> AppResult<()> {
    let mut conn = state.conn().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        repo::lock(conn, org_id)
            .await?
            .ok_or_else(|| AppError::not_found("organization"))?;
        let leaving = matches!(change, MemberChange::Remove) && caller.id == user_id;
        if !leaving {
            require_owner(conn, caller, org_id).await?;
        }
        let current = repo::member_role(conn, org_id, user_id)
            .await?
            .ok_or_else(|| AppError::not_found("member"))?;
        let stays_owner = matches!(change, MemberChange::SetRole(MemberRole::Owner));
        if current == MemberRole::Owner
            && !stays_owner
            && repo::count_owners(conn, org_id).await? <= 1
        {
            return Err(AppError::conflict(
                "last_owner",
                "an organization needs at least one owner; make someone else owner first",
            ));
        }
        match change {
            MemberChange::SetRole(role) => {
                repo::set_member_role(conn, org_id, user_id, role).await?
            }
            MemberChange::Remove => repo::delete_member(conn, org_id, user_id).await?,
        };
        Ok(())
    })
    .await?;
    // Members rooms and the organization's event rooms read memberships: open sockets of
    // this user are re-checked (rooms listens; orgs does not know it).
    state.pubsub.rights_changed(Rights::User(user_id));
    Ok(())
}

pub async fn update_member(
    state: &AppState,
    caller: &AuthUser,
    org_id: Uuid,
    user_id: Uuid,
    role: MemberRole,
) -> AppResult<MemberView> {
    change_member(state, caller, org_id, user_id, MemberChange::SetRole(role)).await?;
    let mut conn = state.conn().await?;
    Ok(repo::member(&mut conn, org_id, user_id).await?.into())
}

/// Owners and admins remove anyone; every member may leave.
pub async fn remove_member(
    state: &AppState,
    caller: &AuthUser,
    org_id: Uuid,
    user_id: Uuid,
) -> AppResult<()> {
    change_member(state, caller, org_id, user_id, MemberChange::Remove).await
}

/// Organizations for `/sitemap.xml`: id, name and last change, newest change first.
pub async fn sitemap_entries(
    state: &AppState,
    limit: i64,
) -> AppResult<Vec<(Uuid, String, chrono::DateTime<Utc>)>> {
    let mut conn = state.conn().await?;
    Ok(repo::for_sitemap(&mut conn, limit).await?)
}
