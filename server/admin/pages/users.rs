//! People and their platform roles: moderators look them up, admins change roles.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::{given, is_htmx, next_page, staff};
use crate::auth::pages::Viewer;
use crate::error::AppError;
use crate::pagination::{Page, PageParams};
use crate::shared::vocab::Role;
use crate::state::AppState;
use crate::users::dto::UserView;
use crate::users::service;
use crate::web::forms::Fields;
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

const USERS_PAGE: i64 = 25;

#[derive(Debug, Default, Deserialize)]
pub struct UsersQuery {
    q: Option<String>,
    cursor: Option<String>,
}

pub struct UserRow {
    pub view: UserView,
    pub role: String,
    pub joined: String,
}

/// The results, as the page shows them and as htmx swaps them while one types.
#[derive(Template)]
#[template(path = "admin/users_results.html")]
struct UsersResults<'a> {
    ctx: &'a PageCtx,
    users: Vec<UserRow>,
    next: Option<String>,
    may_change_roles: bool,
    roles: Vec<(String, String)>,
    searched: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: String,
    results: UsersResults<'a>,
}

fn role_label(ctx: &PageCtx, role: Role) -> String {
    ctx.t(&format!("admin-role-{}", role.as_str()))
}

#[get("/admin/users")]
pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    query: web::Query<UsersQuery>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let query = query.into_inner();
    let result = async {
        let page = PageParams {
            limit: Some(USERS_PAGE),
            cursor: query.cursor.clone(),
        }
        .parse()?;
        service::list(&state, caller, given(&query.q).map(str::to_owned), page).await
    }
    .await;
    let (list, problems, status) = match result {
        Ok(list) => (list, Problems::default(), StatusCode::OK),
        Err(e @ AppError::Validation(_)) => (
            Page::with_next_key(Vec::new(), None),
            Problems::of(&e, ctx).unwrap_or_default(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e).page(ctx),
    };
    let results = UsersResults {
        ctx,
        next: list
            .next_cursor
            .map(|c| next_page("/admin/users", &[("q", &query.q)], &c)),
        users: list
            .items
            .into_iter()
            .map(|u| UserRow {
                role: role_label(ctx, u.role),
                joined: ctx.date(&u.created_at.date_naive()),
                view: u,
            })
            .collect(),
        may_change_roles: caller.is_admin(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), role_label(ctx, *r)))
            .collect(),
        searched: given(&query.q).is_some(),
    };
    if is_htmx(&req) {
        return Ok(ctx.render(status, &results));
    }
    Ok(ctx.render(
        status,
        &UsersPage {
            ctx,
            f: Fields::new(ctx, &problems),
            q: query.q.clone().unwrap_or_default(),
            results,
        },
    ))
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    /// The list to return to (its search), a path of this area only.
    #[serde(default)]
    back: String,
}

#[post("/admin/users/{id}/role")]
pub async fn change_role(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<RoleForm>,
) -> PageResult {
    let caller = staff(&viewer)?;
    let ctx = &viewer.ctx;
    let role = form
        .0
        .role
        .parse::<Role>()
        .map_err(|_| crate::error::FieldErrors::single("role", "is not a platform role"))
        .page(ctx)?;
    service::set_role(&state, caller, *id, role)
        .await
        .page(ctx)?;
    let back = if form.0.back.starts_with("/admin/users") && !form.0.back.contains("//") {
        form.0.back.as_str()
    } else {
        "/admin/users"
    };
    Ok(ctx.see_other(back, Some("notice-admin-role-changed")))
}
