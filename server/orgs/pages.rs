//! The organizations' pages: the directory, an organization's public page, the create and
//! edit forms, members and roles, verification. Every rule is the service's; these
//! handlers turn forms into service calls and answers into pages.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use super::dto::{
    CreateOrganizationRequest, MemberView, OrganizationFilter, OrganizationView,
    UpdateOrganizationRequest,
};
use super::service::{self, Standing};
use crate::auth::pages::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::pagination::{Page, PageParams};
use crate::shared::vocab::{MemberRole, OrgKind};
use crate::state::AppState;
use crate::web::forms::{Fields, slug};
use crate::web::{Form, OrPage, PageCtx, PageResult, Problems};

/// Organizations per page of the directory.
const DIRECTORY_PAGE: i64 = 20;
/// Members shown per page (the API's largest page).
const MEMBERS_PAGE: i64 = 100;
/// A meta description longer than this is cut (search engines show about as much).
const META_DESCRIPTION_CHARS: usize = 160;

/// The organization's canonical address: its id and its name as a slug.
pub fn org_path(id: Uuid, name: &str) -> String {
    let s = slug(name);
    if s.is_empty() {
        format!("/organizations/{id}")
    } else {
        format!("/organizations/{id}-{s}")
    }
}

fn kind_label(ctx: &PageCtx, kind: OrgKind) -> String {
    ctx.t(&format!("orgs-kind-{}", kind.as_str().replace('_', "-")))
}

fn role_label(ctx: &PageCtx, role: MemberRole) -> String {
    ctx.t(&format!("orgs-role-{}", role.as_str()))
}

fn kind_options(ctx: &PageCtx, any_key: Option<&str>) -> Vec<(String, String)> {
    any_key
        .map(|k| (String::new(), ctx.t(k)))
        .into_iter()
        .chain(
            OrgKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), kind_label(ctx, *k))),
        )
        .collect()
}

fn role_options(ctx: &PageCtx) -> Vec<(String, String)> {
    MemberRole::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), role_label(ctx, *r)))
        .collect()
}

/// An HTML form's empty field means "none".
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An organization as pages show it.
pub struct OrgCard {
    pub view: OrganizationView,
    pub path: String,
    pub kind: String,
}

impl OrgCard {
    fn new(ctx: &PageCtx, view: OrganizationView) -> Self {
        OrgCard {
            path: org_path(view.id, &view.name),
            kind: kind_label(ctx, view.kind),
            view,
        }
    }
}

// ---- the directory ----

#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    kind: Option<String>,
    country: Option<String>,
    q: Option<String>,
    verified: Option<String>,
    cursor: Option<String>,
}

#[derive(Template)]
#[template(path = "orgs/directory.html")]
struct DirectoryPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    q: String,
    country: String,
    kind_select: String,
    verified_select: String,
    orgs: Vec<OrgCard>,
    next: Option<String>,
    filtered: bool,
}

/// The filters as the service takes them; a value no form offers is a problem to show.
fn parse_filter(q: &DirectoryQuery) -> Result<OrganizationFilter, AppError> {
    let mut e = FieldErrors::new();
    let kind = given(&q.kind).and_then(|k| e.check("kind", k.parse::<OrgKind>()));
    let verified = match given(&q.verified) {
        None => None,
        Some("yes") => Some(true),
        Some("no") => Some(false),
        Some(_) => {
            e.add("verified", "must be yes or no");
            None
        }
    };
    e.finish()?;
    Ok(OrganizationFilter {
        kind,
        country: given(&q.country).map(str::to_owned),
        q: given(&q.q).map(str::to_owned),
        verified,
    })
}

#[get("/organizations")]
pub async fn directory(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<DirectoryQuery>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let query = query.into_inner();
    let result = async {
        let filter = parse_filter(&query)?;
        let page = PageParams {
            limit: Some(DIRECTORY_PAGE),
            cursor: query.cursor.clone(),
        }
        .parse()?;
        service::list(&state, filter, page).await
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
    let next = list.next_cursor.map(|c| {
        let mut url = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", &query.q),
            ("kind", &query.kind),
            ("country", &query.country),
            ("verified", &query.verified),
        ] {
            if let Some(v) = given(v) {
                url.append_pair(k, v);
            }
        }
        url.append_pair("cursor", &c);
        format!("/organizations?{}", url.finish())
    });
    let f = Fields::new(ctx, &problems);
    let kind_select = f.select(
        "kind",
        "orgs-field-kind",
        &kind_options(ctx, Some("orgs-filter-any-kind")),
        given(&query.kind).unwrap_or_default(),
    );
    let verified_select = f.select(
        "verified",
        "orgs-filter-verified",
        &[
            (String::new(), ctx.t("orgs-filter-verified-any")),
            ("yes".into(), ctx.t("orgs-filter-verified-yes")),
            ("no".into(), ctx.t("orgs-filter-verified-no")),
        ],
        given(&query.verified).unwrap_or_default(),
    );
    let filtered = [&query.q, &query.kind, &query.country, &query.verified]
        .iter()
        .any(|v| given(v).is_some());
    Ok(ctx.render(
        status,
        &DirectoryPage {
            ctx,
            f: Fields::new(ctx, &problems),
            q: query.q.clone().unwrap_or_default(),
            country: query.country.clone().unwrap_or_default(),
            kind_select,
            verified_select,
            orgs: list
                .items
                .into_iter()
                .map(|o| OrgCard::new(ctx, o))
                .collect(),
            next,
            filtered,
        },
    ))
}

// ---- create and edit ----

#[derive(Debug, Default, Deserialize)]
pub struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    population: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    description: String,
}

impl OrgForm {
    fn of(o: &OrganizationView) -> Self {
        OrgForm {
            name: o.name.clone(),
            kind: o.kind.as_str().to_owned(),
            country: o.country.clone(),
            population: o.population.map(|p| p.to_string()).unwrap_or_default(),
            website: o.website.clone().unwrap_or_default(),
            description: o.description.clone().unwrap_or_default(),
        }
    }

    /// What the form says in the service's terms; `kind` and `population` are the only
    /// fields whose text must be read first (a choice and a number).
    fn parse(&self) -> Result<(OrgKind, Option<i64>), AppError> {
        let mut e = FieldErrors::new();
        let kind = e.check("kind", self.kind.trim().parse::<OrgKind>());
        let population = match self.population.trim() {
            "" => None,
            p => e.check(
                "population",
                p.replace([' ', '.', ',', '\u{a0}'], "")
                    .parse::<i64>()
                    .map_err(|_| "must be a whole number"),
            ),
        };
        e.finish()?;
        Ok((kind.expect("checked"), population))
    }
}

fn non_empty(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[derive(Template)]
#[template(path = "orgs/form.html")]
struct OrgFormPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    form: OrgForm,
    kinds: Vec<(String, String)>,
    /// `None`: a new organization.
    org: Option<OrgCard>,
    action: String,
}

fn form_page(
    ctx: &PageCtx,
    status: StatusCode,
    problems: &Problems,
    form: OrgForm,
    org: Option<OrgCard>,
) -> HttpResponse {
    let action = match &org {
        Some(o) => format!("/organizations/{}/edit", o.view.id),
        None => "/organizations".to_owned(),
    };
    ctx.render(
        status,
        &OrgFormPage {
            ctx,
            f: Fields::new(ctx, problems),
            form,
            kinds: kind_options(ctx, None),
            org,
            action,
        },
    )
}

#[get("/organizations/new")]
pub async fn new_form(viewer: Viewer) -> PageResult {
    viewer.require()?;
    let form = OrgForm {
        kind: OrgKind::City.as_str().to_owned(),
        ..OrgForm::default()
    };
    Ok(form_page(
        &viewer.ctx,
        StatusCode::OK,
        &Problems::default(),
        form,
        None,
    ))
}

#[post("/organizations")]
pub async fn create(state: web::Data<AppState>, viewer: Viewer, form: Form<OrgForm>) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let result = async {
        let (kind, population) = form.parse()?;
        let req = CreateOrganizationRequest {
            name: form.name.clone(),
            kind,
            country: form.country.trim().to_owned(),
            population,
            website: non_empty(&form.website),
            description: non_empty(&form.description),
        };
        service::create(&state, user, req).await
    }
    .await;
    match result {
        Ok(o) => Ok(ctx.see_other(&org_path(o.id, &o.name), Some("notice-org-created"))),
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            Ok(form_page(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problems,
                form,
                None,
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

#[get("/organizations/{id}/edit")]
pub async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let org = service::get(&state, *id).await.page(ctx)?;
    let standing = service::standing(&state, org.id, Some(user))
        .await
        .page(ctx)?;
    if !standing.manages {
        return Err(AppError::forbidden(
            "only an owner of this organization or an admin may do this",
        ))
        .page(ctx);
    }
    let form = OrgForm::of(&org);
    Ok(form_page(
        ctx,
        StatusCode::OK,
        &Problems::default(),
        form,
        Some(OrgCard::new(ctx, org)),
    ))
}

#[post("/organizations/{id}/edit")]
pub async fn update(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<OrgForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let result = async {
        let (kind, population) = form.parse()?;
        let req = UpdateOrganizationRequest {
            name: Some(form.name.clone()),
            kind: Some(kind),
            country: Some(form.country.trim().to_owned()),
            population: Some(population),
            website: Some(non_empty(&form.website)),
            description: Some(non_empty(&form.description)),
        };
        service::update(&state, user, *id, req).await
    }
    .await;
    match result {
        Ok(o) => Ok(ctx.see_other(&org_path(o.id, &o.name), Some("notice-org-saved"))),
        Err(e @ AppError::Validation(_)) => {
            let problems = Problems::of(&e, ctx).unwrap_or_default();
            let org = service::get(&state, *id).await.page(ctx)?;
            Ok(form_page(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problems,
                form,
                Some(OrgCard::new(ctx, org)),
            ))
        }
        Err(e) => Err(e).page(ctx),
    }
}

// ---- an organization's page ----

pub struct MemberLine {
    pub m: MemberView,
    pub role: String,
    pub joined: String,
    pub is_me: bool,
}

fn member_lines(ctx: &PageCtx, page: Page<MemberView>) -> (Vec<MemberLine>, Option<String>) {
    let me = ctx.user.as_ref().map(|u| u.id);
    let lines = page
        .items
        .into_iter()
        .map(|m| MemberLine {
            role: role_label(ctx, m.role),
            joined: ctx.when(&m.joined_at),
            is_me: Some(m.user_id) == me,
            m,
        })
        .collect();
    (lines, page.next_cursor)
}

#[derive(Template)]
#[template(path = "orgs/show.html")]
struct ShowPage<'a> {
    ctx: &'a PageCtx,
    org: OrgCard,
    description: String,
    canonical: String,
    standing: Standing,
    /// `None`: not shown to this viewer (members are listed to the signed-in).
    members: Option<Vec<MemberLine>>,
    more_members: bool,
}

/// The meta description: the organization's own words, cut at a word, or a sentence made
/// of its kind and country.
fn meta_description(ctx: &PageCtx, org: &OrgCard) -> String {
    match org.view.description.as_deref().map(str::trim) {
        Some(d) if !d.is_empty() => {
            let flat = d.split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.chars().count() <= META_DESCRIPTION_CHARS {
                return flat;
            }
            let cut: String = flat.chars().take(META_DESCRIPTION_CHARS - 1).collect();
            let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
            format!("{cut}…")
        }
        _ => ctx.t2(
            "orgs-meta-description",
            ("kind", org.kind.clone()),
            ("country", org.view.country.clone()),
        ),
    }
}

/// `/organizations/{id}-{slug}`; `/organizations/{id}` and old slugs move to it (301).
#[get("/organizations/{key}")]
pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    key: web::Path<String>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let id = key
        .get(..36)
        .and_then(|s| s.parse::<Uuid>().ok())
        .ok_or_else(|| AppError::not_found("organization"))
        .page(ctx)?;
    let org = service::get(&state, id).await.page(ctx)?;
    let path = org_path(org.id, &org.name);
    if req.path() != path {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, path))
            .finish());
    }
    let standing = service::standing(&state, id, viewer.user.as_ref())
        .await
        .page(ctx)?;
    let (members, more_members) = if viewer.user.is_some() {
        let page = PageParams {
            limit: Some(MEMBERS_PAGE),
            cursor: None,
        }
        .parse()
        .page(ctx)?;
        let (lines, next) = member_lines(
            ctx,
            service::list_members(&state, id, page).await.page(ctx)?,
        );
        (Some(lines), next.is_some())
    } else {
        (None, false)
    };
    let card = OrgCard::new(ctx, org);
    Ok(ctx.ok(&ShowPage {
        ctx,
        description: meta_description(ctx, &card),
        canonical: ctx.absolute(&path),
        org: card,
        standing,
        members,
        more_members,
    }))
}

// ---- verification ----

#[derive(Deserialize)]
pub struct VerifyForm {
    verified: String,
}

#[post("/organizations/{id}/verify")]
pub async fn verify(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<VerifyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let verified = match form.0.verified.as_str() {
        "true" => true,
        "false" => false,
        _ => {
            return Err(AppError::BadRequest(
                "verified must be true or false".into(),
            ))
            .page(ctx);
        }
    };
    let o = service::set_verified(&state, user, *id, verified)
        .await
        .page(ctx)?;
    let notice = if verified {
        "notice-org-verified"
    } else {
        "notice-org-unverified"
    };
    Ok(ctx.see_other(&org_path(o.id, &o.name), Some(notice)))
}

// ---- members ----

#[derive(Template)]
#[template(path = "orgs/members.html")]
struct MembersPage<'a> {
    ctx: &'a PageCtx,
    f: Fields<'a>,
    org: OrgCard,
    standing: Standing,
    members: Vec<MemberLine>,
    roles: Vec<(String, String)>,
    next: Option<String>,
    email: String,
    role: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct MembersQuery {
    cursor: Option<String>,
}

/// The members page, with `problems` from a change that was refused.
#[allow(clippy::too_many_arguments)]
async fn members_page(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    cursor: Option<String>,
    status: StatusCode,
    problems: &Problems,
    email: String,
    role: String,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let org = service::get(state, id).await.page(ctx)?;
    let standing = service::standing(state, id, Some(user)).await.page(ctx)?;
    let page = PageParams {
        limit: Some(MEMBERS_PAGE),
        cursor,
    }
    .parse()
    .page(ctx)?;
    let (members, next) =
        member_lines(ctx, service::list_members(state, id, page).await.page(ctx)?);
    Ok(ctx.render(
        status,
        &MembersPage {
            ctx,
            f: Fields::new(ctx, problems),
            org: OrgCard::new(ctx, org),
            standing,
            members,
            roles: role_options(ctx),
            next: next.map(|c| format!("/organizations/{id}/members?cursor={c}")),
            email,
            role,
        },
    ))
}

#[get("/organizations/{id}/members")]
pub async fn members_list(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    query: web::Query<MembersQuery>,
) -> PageResult {
    members_page(
        &state,
        &viewer,
        *id,
        query.into_inner().cursor,
        StatusCode::OK,
        &Problems::default(),
        String::new(),
        MemberRole::Member.as_str().to_owned(),
    )
    .await
}

/// A refused membership change as a problem beside the control that asked for it: the
/// service's 409 (the last owner) and 422 become form errors, the rest error pages.
fn member_problem(
    ctx: &PageCtx,
    err: AppError,
    field: &str,
) -> Result<(StatusCode, Problems), AppError> {
    match err {
        AppError::Conflict { code, .. } => {
            let key = format!("orgs-error-{}", code.replace('_', "-"));
            Ok((StatusCode::CONFLICT, Problems::general(field, ctx.t(&key))))
        }
        e @ AppError::Validation(_) => {
            let mut p = Problems::of(&e, ctx).unwrap_or_default();
            for item in &mut p.items {
                if item.0 == "role" && field != "email" {
                    item.0 = field.to_owned();
                }
            }
            Ok((StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        e => Err(e),
    }
}

fn parse_role(raw: &str, field: &str) -> Result<MemberRole, AppError> {
    raw.trim()
        .parse::<MemberRole>()
        .map_err(|m| FieldErrors::single(field, m))
}

#[derive(Deserialize)]
pub struct AddMemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

#[post("/organizations/{id}/members")]
pub async fn add_member(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    form: Form<AddMemberForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let form = form.0;
    let result = async {
        let role = parse_role(&form.role, "role")?;
        service::add_member_by_email(&state, user, *id, &form.email, role).await
    }
    .await;
    match result {
        Ok(_) => Ok(ctx.see_other(
            &format!("/organizations/{id}/members"),
            Some("notice-org-member-added"),
        )),
        Err(e) => {
            let (status, problems) = member_problem(ctx, e, "email").page(ctx)?;
            members_page(
                &state, &viewer, *id, None, status, &problems, form.email, form.role,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

#[post("/organizations/{id}/members/{user_id}/role")]
pub async fn change_role(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(Uuid, Uuid)>,
    form: Form<RoleForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let (id, member) = path.into_inner();
    let field = format!("role-{member}");
    let result = async {
        let role = parse_role(&form.0.role, &field)?;
        service::update_member(&state, user, id, member, role).await
    }
    .await;
    match result {
        Ok(_) => Ok(ctx.see_other(
            &format!("/organizations/{id}/members"),
            Some("notice-org-member-role-changed"),
        )),
        Err(e) => {
            let (status, problems) = member_problem(ctx, e, &field).page(ctx)?;
            members_page(
                &state,
                &viewer,
                id,
                None,
                status,
                &problems,
                String::new(),
                MemberRole::Member.as_str().to_owned(),
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct EmptyForm {}

/// Owners remove members; a member removes themself (leaves).
#[post("/organizations/{id}/members/{user_id}/remove")]
pub async fn remove_member(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(Uuid, Uuid)>,
    _form: Form<EmptyForm>,
) -> PageResult {
    let ctx = &viewer.ctx;
    let user = viewer.require()?;
    let (id, member) = path.into_inner();
    match service::remove_member(&state, user, id, member).await {
        Ok(()) if member == user.id => {
            let org = service::get(&state, id).await.page(ctx)?;
            Ok(ctx.see_other(&org_path(org.id, &org.name), Some("notice-org-member-left")))
        }
        Ok(()) => Ok(ctx.see_other(
            &format!("/organizations/{id}/members"),
            Some("notice-org-member-removed"),
        )),
        Err(e) => {
            let (status, problems) =
                member_problem(ctx, e, &format!("remove-{member}")).page(ctx)?;
            members_page(
                &state,
                &viewer,
                id,
                None,
                status,
                &problems,
                String::new(),
                MemberRole::Member.as_str().to_owned(),
            )
            .await
        }
    }
}

pub fn config(cfg: &mut web::ServiceConfig) {
    // `new` before `{key}`, which would take it for an organization.
    cfg.service(directory)
        .service(new_form)
        .service(create)
        .service(edit_form)
        .service(update)
        .service(verify)
        .service(members_list)
        .service(add_member)
        .service(change_role)
        .service(remove_member)
        .service(show);
}
