//! Uploads are streamed field by field into storage (never held whole in memory) and
//! refused with 413 as soon as they cross the limit; a document row is written only after
//! its content is durable. Rights come from the parent.

use std::collections::HashMap;

use actix_multipart::Multipart;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use futures_util::StreamExt;
use uuid::Uuid;

use super::dto::{AttachedTo, DocumentView, VersionView};
use super::repo::{self, Document, Version};
use super::sniff;
use crate::auth::AuthUser;
use crate::domain::short_line;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::shared::person::PersonRef;
use crate::shared::vocab::{AttachedType, MemberRole};
use crate::state::AppState;
use crate::storage::{Blob, Upload};

const MAX_FIELD: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Access {
    pub read: bool,
    /// May add documents, and change (new versions, delete) the ones they uploaded.
    pub edit: bool,
    /// May change anyone's documents of the parent.
    pub manage: bool,
}

impl Access {
    /// Whether `user` may add a version to, or delete, `d`. In a room anyone inside may
    /// share, so sharing cannot mean owning what others shared: only the uploader and
    /// those who manage the parent change a document.
    fn may_change(&self, d: &Document, user: &AuthUser) -> bool {
        self.manage || (self.edit && d.uploaded_by == Some(user.id)) || user.is_moderator()
    }
}

/// What the caller may do with documents of a parent. A parent the caller cannot read is
/// indistinguishable from one that does not exist.
pub async fn access(
    conn: &mut AsyncPgConnection,
    kind: AttachedType,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<Access> {
    let (read, edit, manage) = match kind {
        AttachedType::Practice => {
            let (read, edit) = crate::practices::service::access_of(conn, id, user).await?;
            (read, edit, edit)
        }
        AttachedType::Event => {
            let (read, edit) = crate::events::service::access_of(conn, id, user).await?;
            (read, edit, edit)
        }
        AttachedType::Room => {
            // `Some(moderates)`: room moderators and platform moderators manage.
            let entry = match user {
                Some(u) => crate::rooms::api::access(conn, id, u).await?,
                None => None,
            };
            (entry.is_some(), entry.is_some(), entry == Some(true))
        }
        AttachedType::Organization => {
            if crate::orgs::repo::find(conn, id).await?.is_none() {
                (false, false, false)
            } else {
                let editor = match user {
                    None => false,
                    Some(u) if u.is_moderator() => true,
                    Some(u) => matches!(
                        crate::orgs::repo::member_role(conn, id, u.id).await?,
                        Some(MemberRole::Owner | MemberRole::Editor)
                    ),
                };
                (true, editor, editor)
            }
        }
    };
    Ok(Access { read, edit, manage })
}

fn not_found() -> AppError {
    AppError::not_found("document")
}

/// The document if the caller may read its parent.
async fn readable(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: Option<&AuthUser>,
) -> AppResult<(Document, Access)> {
    let d = repo::find(conn, id, false).await?.ok_or_else(not_found)?;
    let a = access(conn, d.attached_type, d.attached_id, user).await?;
    if !a.read {
        return Err(not_found());
    }
    Ok((d, a))
}

fn require_edit(a: Access, kind: AttachedType) -> AppResult<()> {
    if !a.read {
        return Err(AppError::not_found(kind.as_str()));
    }
    if !a.edit {
        return Err(AppError::forbidden(match kind {
            AttachedType::Practice => {
                "only editors of the practice's organization may add documents"
            }
            AttachedType::Event => "only the event's moderators may add documents",
            AttachedType::Room => "only the room's participants may add documents",
            AttachedType::Organization => {
                "only the organization's editors and owners may add documents"
            }
        }));
    }
    Ok(())
}

fn require_change(a: Access, d: &Document, user: &AuthUser) -> AppResult<()> {
    if a.may_change(d, user) {
        return Ok(());
    }
    Err(AppError::forbidden(match d.attached_type {
        AttachedType::Room => {
            "only the uploader and the room's moderators may change or delete this document"
        }
        AttachedType::Organization => {
            "only the organization's editors and owners may change or delete this document"
        }
        AttachedType::Practice | AttachedType::Event => {
            "only the uploader and editors of what it is attached to may change or delete this document"
        }
    }))
}

// ---- quotas ----

/// One storage quota that applies to an upload, and what is used of it.
#[derive(Debug, Clone, Copy)]
struct Quota {
    scope: &'static str,
    quota: u64,
    used: u64,
}

/// The quotas an upload counts against: the uploader's, and that of the organization the
/// parent belongs to. Empty: none known yet (the parent's fields come after the file).
#[derive(Debug, Clone, Default)]
struct Budget(Vec<Quota>);

impl Budget {
    /// What is used now, unlocked: for refusing early, before a file streams in. Only
    /// `locked` decides.
    async fn of(
        state: &AppState,
        conn: &mut AsyncPgConnection,
        user: &AuthUser,
        kind: AttachedType,
        parent: Uuid,
    ) -> AppResult<Self> {
        let org = match state.settings.documents.organization_quota_bytes {
            0 => None,
            _ => repo::organization_of(conn, kind, parent).await?,
        };
        Self::measure(state, conn, user, org).await
    }

    /// What is used, counted under the quotas' locks (the user's, then the
    /// organization's: always in that order), held until the transaction that inserts
    /// the version ends. Uploads running at once therefore count each other: summing,
    /// checking and inserting without the locks let 60 parallel uploads all fit in a
    /// quota meant for a few.
    async fn locked(
        state: &AppState,
        conn: &mut AsyncPgConnection,
        user: &AuthUser,
        kind: AttachedType,
        parent: Uuid,
    ) -> AppResult<Self> {
        let s = &state.settings.documents;
        if s.user_quota_bytes > 0 {
            repo::lock_user_quota(conn, user.id).await?;
        }
        let org = match s.organization_quota_bytes {
            0 => None,
            _ => repo::organization_of(conn, kind, parent).await?,
        };
        if let Some(org) = org {
            repo::lock_organization_quota(conn, org).await?;
        }
        Self::measure(state, conn, user, org).await
    }

    async fn measure(
        state: &AppState,
        conn: &mut AsyncPgConnection,
        user: &AuthUser,
        org: Option<Uuid>,
    ) -> AppResult<Self> {
        let s = &state.settings.documents;
        let mut quotas = Vec::new();
        if s.user_quota_bytes > 0 {
            quotas.push(Quota {
                scope: "user",
                quota: s.user_quota_bytes,
                used: repo::used_by_user(conn, user.id, s.sweep_grace)
                    .await?
                    .max(0) as u64,
            });
        }
        if let Some(org) = org {
            quotas.push(Quota {
                scope: "organization",
                quota: s.organization_quota_bytes,
                used: repo::used_by_organization(conn, org, s.sweep_grace)
                    .await?
                    .max(0) as u64,
            });
        }
        Ok(Self(quotas))
    }

    /// 413 `quota_exceeded` when `size` more bytes do not fit.
    fn check(&self, size: u64) -> AppResult<()> {
        for q in &self.0 {
            if q.used.saturating_add(size) > q.quota {
                let whose = match q.scope {
                    "user" => "your",
                    _ => "the organization's",
                };
                return Err(AppError::QuotaExceeded {
                    message: format!(
                        "this upload does not fit in {whose} storage quota: {} of {} bytes \
                         are used and the upload needs at least {size} more; delete \
                         documents or ask an administrator for a larger quota",
                        q.used, q.quota
                    ),
                    details: serde_json::json!({
                        "scope": q.scope,
                        "quota_bytes": q.quota,
                        "used_bytes": q.used,
                        "upload_bytes": size,
                    }),
                });
            }
        }
        Ok(())
    }
}

// ---- multipart ----

/// What the form carried: the text fields, and the file already in storage's temp area.
#[derive(Default)]
struct Form {
    fields: HashMap<String, String>,
    file: Option<(Upload, String)>,
}

async fn read_text(field: &mut actix_multipart::Field, name: &str) -> AppResult<String> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|e| AppError::BadRequest(format!("reading the form: {e}")))?;
        if buf.len() + chunk.len() > MAX_FIELD {
            return Err(FieldErrors::single(
                name,
                format!("must be at most {MAX_FIELD} bytes"),
            ));
        }
        buf.extend_from_slice(&chunk);
    }
    String::from_utf8(buf).map_err(|_| FieldErrors::single(name, "must be UTF-8 text"))
}

/// Reads the form, streaming `file` to storage. `before_file` runs when the file starts,
/// with the text fields seen so far, so rights can be refused before any byte is stored;
/// it returns the quotas the file must fit in, checked as it streams.
async fn read_form<F, Fut>(
    state: &AppState,
    mut form: Multipart,
    mut before_file: F,
) -> AppResult<Form>
where
    F: FnMut(&HashMap<String, String>) -> Fut,
    Fut: std::future::Future<Output = AppResult<Budget>>,
{
    let limit = state.settings.documents.max_upload_bytes;
    let mut out = Form::default();
    while let Some(field) = form.next().await {
        let mut field =
            field.map_err(|e| AppError::BadRequest(format!("reading the form: {e}")))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name != "file" {
            if out.fields.len() >= 8 {
                return Err(AppError::BadRequest("too many form fields".into()));
            }
            let value = read_text(&mut field, &name).await?;
            out.fields.insert(name, value);
            continue;
        }
        if out.file.is_some() {
            return Err(FieldErrors::single("file", "send one file per request"));
        }
        let budget = before_file(&out.fields).await?;
        budget.check(0)?;
        let raw_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .unwrap_or_default()
            .to_owned();
        let filename = sniff::filename(&raw_name);
        let mut upload = state.documents.begin().await.map_err(AppError::internal)?;
        while let Some(chunk) = field.next().await {
            // A client that goes away ends here: `upload` is dropped and its file removed.
            let chunk =
                chunk.map_err(|e| AppError::BadRequest(format!("reading the upload: {e}")))?;
            if upload.size() + chunk.len() as u64 > limit {
                return Err(AppError::PayloadTooLarge {
                    limit: limit as usize,
                });
            }
            budget.check(upload.size() + chunk.len() as u64)?;
            upload.write(&chunk).await.map_err(AppError::internal)?;
        }
        // A browser form whose file input was left empty sends a nameless, empty part.
        if raw_name.is_empty() && upload.size() == 0 {
            continue;
        }
        out.file = Some((upload, filename));
    }
    Ok(out)
}

/// Decides the type, makes the content durable and returns the version row to insert.
/// Runs in the transaction that inserts the row: it takes the blob's lock, so the sweep
/// (which takes it too) cannot remove the blob between storing and the row's commit.
async fn store(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    upload: Upload,
    filename: String,
    document: Uuid,
    number: i32,
    user: &AuthUser,
) -> AppResult<Version> {
    let content_type =
        sniff::content_type(&upload.head, &filename).map_err(AppError::UnsupportedMediaType)?;
    let size = upload.size() as i64;
    repo::lock_blob(conn, &upload.sha256()).await?;
    let sha256 = state
        .documents
        .commit(upload)
        .await
        .map_err(AppError::internal)?;
    Ok(Version {
        document_id: document,
        number,
        filename,
        content_type: content_type.to_owned(),
        size,
        sha256,
        uploaded_by: Some(user.id),
        created_at: chrono::Utc::now(),
    })
}

fn parse_parent(fields: &HashMap<String, String>) -> AppResult<(AttachedType, Uuid)> {
    let mut e = FieldErrors::new();
    let kind = match fields.get("attach_to_type") {
        None => {
            e.add("attach_to_type", "is required");
            None
        }
        Some(k) => e.check(
            "attach_to_type",
            k.trim()
                .parse::<AttachedType>()
                .map_err(|_| "must be practice, event, room or organization"),
        ),
    };
    let id = match fields.get("attach_to_id") {
        None => {
            e.add("attach_to_id", "is required");
            None
        }
        Some(i) => e.check(
            "attach_to_id",
            i.trim().parse::<Uuid>().map_err(|_| "must be a UUID"),
        ),
    };
    e.finish()?;
    match (kind, id) {
        (Some(k), Some(i)) => Ok((k, i)),
        _ => Err(FieldErrors::single("attach_to_id", "is required")),
    }
}

pub async fn upload(state: &AppState, user: &AuthUser, form: Multipart) -> AppResult<DocumentView> {
    upload_with(state, user, form, None).await
}

/// An upload whose parent is known from elsewhere (a page's address), not from the form.
pub async fn upload_to(
    state: &AppState,
    user: &AuthUser,
    kind: AttachedType,
    parent: Uuid,
    form: Multipart,
) -> AppResult<DocumentView> {
    upload_with(state, user, form, Some((kind, parent))).await
}

async fn upload_with(
    state: &AppState,
    user: &AuthUser,
    form: Multipart,
    fixed: Option<(AttachedType, Uuid)>,
) -> AppResult<DocumentView> {
    let parent_of = |fields: &HashMap<String, String>| match fixed {
        Some(p) => Ok(p),
        None => parse_parent(fields),
    };
    let form = read_form(state, form, |fields| {
        let parent = parent_of(fields);
        let state = state.clone();
        let user = user.clone();
        async move {
            // The parent's fields came first: refuse before storing anything.
            if let Ok((kind, id)) = parent {
                let mut conn = state.conn().await?;
                require_edit(access(&mut conn, kind, id, Some(&user)).await?, kind)?;
                return Budget::of(&state, &mut conn, &user, kind, id).await;
            }
            Ok(Budget::default())
        }
    })
    .await?;
    let (kind, parent) = parent_of(&form.fields)?;
    let Some((upload, filename)) = form.file else {
        return Err(FieldErrors::single("file", "is required"));
    };
    let title = match form
        .fields
        .get("title")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        Some(t) => short_line(t, 200).map_err(|m| FieldErrors::single("title", m))?,
        None => filename.clone(),
    };
    let mut conn = state.conn().await?;
    let id = Uuid::now_v7();
    let version = conn
        .transaction::<_, AppError, _>(async move |conn| {
            // Again: the parent's fields may have come after the file, or come twice.
            require_edit(access(conn, kind, parent, Some(user)).await?, kind)?;
            Budget::locked(state, conn, user, kind, parent)
                .await?
                .check(upload.size())?;
            let v = store(state, conn, upload, filename, id, 1, user).await?;
            repo::insert_document(conn, id, kind, parent, &title, user.id).await?;
            repo::insert_version(conn, &v).await?;
            Ok(v)
        })
        .await?;
    let d = repo::find(&mut conn, id, false)
        .await?
        .ok_or_else(not_found)?;
    let people = people_of(&mut conn, &[&d], std::slice::from_ref(&version)).await?;
    Ok(view(d, version, None, &people))
}

pub async fn add_version(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    form: Multipart,
) -> AppResult<DocumentView> {
    let budget = {
        let mut conn = state.conn().await?;
        let (d, a) = readable(&mut conn, id, Some(user)).await?;
        require_change(a, &d, user)?;
        Budget::of(state, &mut conn, user, d.attached_type, d.attached_id).await?
    };
    let form = read_form(state, form, |_| {
        let budget = budget.clone();
        async move { Ok(budget) }
    })
    .await?;
    let Some((upload, filename)) = form.file else {
        return Err(FieldErrors::single("file", "is required"));
    };
    let mut conn = state.conn().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        // The document's row is locked now. Rights and quotas may have changed while the
        // file streamed in (a participant removed, others' uploads): decide again.
        let d = repo::find(conn, id, true).await?.ok_or_else(not_found)?;
        let a = access(conn, d.attached_type, d.attached_id, Some(user)).await?;
        if !a.read {
            return Err(not_found());
        }
        require_change(a, &d, user)?;
        Budget::locked(state, conn, user, d.attached_type, d.attached_id)
            .await?
            .check(upload.size())?;
        let v = store(state, conn, upload, filename, id, d.latest + 1, user).await?;
        repo::insert_version(conn, &v).await?;
        Ok(())
    })
    .await?;
    let d = repo::find(&mut conn, id, false)
        .await?
        .ok_or_else(not_found)?;
    full_view(&mut conn, d).await
}

fn version_view(v: Version, people: &[PersonRef]) -> VersionView {
    VersionView {
        number: v.number,
        uploaded_by: PersonRef::among(people, v.uploaded_by),
        filename: v.filename,
        content_type: v.content_type,
        size: v.size,
        sha256: v.sha256,
        created_at: v.created_at,
    }
}

/// The accounts named by these documents and versions, in one query.
async fn people_of(
    conn: &mut AsyncPgConnection,
    docs: &[&Document],
    versions: &[Version],
) -> AppResult<Vec<PersonRef>> {
    let mut ids: Vec<Uuid> = versions
        .iter()
        .filter_map(|v| v.uploaded_by)
        .chain(docs.iter().filter_map(|d| d.uploaded_by))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(crate::auth::repo::people(conn, &ids).await?)
}

fn view(
    d: Document,
    latest: Version,
    versions: Option<Vec<Version>>,
    people: &[PersonRef],
) -> DocumentView {
    DocumentView {
        id: d.id,
        title: d.title,
        filename: latest.filename,
        content_type: latest.content_type,
        size: latest.size,
        sha256: latest.sha256,
        version: latest.number,
        attached_to: AttachedTo {
            kind: d.attached_type,
            id: d.attached_id,
        },
        uploaded_by: PersonRef::among(people, d.uploaded_by),
        created_at: d.created_at,
        versions: versions.map(|vs| vs.into_iter().map(|v| version_view(v, people)).collect()),
    }
}

/// A document with all its versions.
async fn full_view(conn: &mut AsyncPgConnection, d: Document) -> AppResult<DocumentView> {
    let versions = repo::versions(conn, d.id).await?;
    let latest = versions.first().cloned().ok_or_else(not_found)?;
    let people = people_of(conn, &[&d], &versions).await?;
    Ok(view(d, latest, Some(versions), &people))
}

pub async fn get(state: &AppState, user: Option<&AuthUser>, id: Uuid) -> AppResult<DocumentView> {
    let mut conn = state.conn().await?;
    let (d, _) = readable(&mut conn, id, user).await?;
    full_view(&mut conn, d).await
}

pub async fn list(
    state: &AppState,
    user: Option<&AuthUser>,
    kind: AttachedType,
    parent: Uuid,
) -> AppResult<Vec<DocumentView>> {
    let mut conn = state.conn().await?;
    if !access(&mut conn, kind, parent, user).await?.read {
        return Err(AppError::not_found(kind.as_str()));
    }
    let rows = repo::attached(&mut conn, kind, parent).await?;
    let docs: Vec<&Document> = rows.iter().map(|(d, _)| d).collect();
    let people = people_of(&mut conn, &docs, &[]).await?;
    Ok(rows
        .into_iter()
        .map(|(d, v)| view(d, v, None, &people))
        .collect())
}

/// A parent's documents with what the caller may do there, and the parent's name.
pub struct Listing {
    pub documents: Vec<DocumentView>,
    pub access: Access,
    pub parent_name: String,
}

pub async fn listing(
    state: &AppState,
    user: Option<&AuthUser>,
    kind: AttachedType,
    parent: Uuid,
) -> AppResult<Listing> {
    let documents = list(state, user, kind, parent).await?;
    let mut conn = state.conn().await?;
    let access = access(&mut conn, kind, parent, user).await?;
    let parent_name = match kind {
        AttachedType::Organization => crate::orgs::repo::find(&mut conn, parent)
            .await?
            .map(|o| o.name),
        AttachedType::Practice => crate::practices::repo::find(&mut conn, parent)
            .await?
            .and_then(|p| p.content["title"].as_str().map(str::to_owned)),
        AttachedType::Event => crate::events::repo::find(&mut conn, parent)
            .await?
            .map(|e| e.title),
        AttachedType::Room => None,
    }
    .unwrap_or_default();
    Ok(Listing {
        documents,
        access,
        parent_name,
    })
}

/// A document with its versions, and whether the caller may add versions and delete it.
pub async fn get_with_rights(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
) -> AppResult<(DocumentView, bool)> {
    let mut conn = state.conn().await?;
    let (d, a) = readable(&mut conn, id, user).await?;
    let may_change = user.is_some_and(|u| a.may_change(&d, u));
    Ok((full_view(&mut conn, d).await?, may_change))
}

/// The version to download (`None`: the latest) and where its content is.
pub async fn content(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    number: Option<i32>,
) -> AppResult<(Version, Blob)> {
    let mut conn = state.conn().await?;
    let (d, _) = readable(&mut conn, id, user).await?;
    let v = repo::version(&mut conn, id, number.unwrap_or(d.latest))
        .await?
        .ok_or_else(|| AppError::not_found("version"))?;
    let blob = state.documents.open(&v.sha256).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            content_missing(id, v.number)
        } else {
            AppError::internal(e)
        }
    })?;
    Ok((v, blob))
}

/// The row is there and its content is not (a data volume lost or restored without its
/// blobs): 410 for the client, and a line for the operator naming what to restore.
pub fn content_missing(id: Uuid, number: i32) -> AppError {
    tracing::warn!(document = %id, version = number, "document content missing from storage");
    AppError::Gone {
        code: "content_missing",
        message: format!(
            "the content of version {number} of this document is missing from storage; \
             an administrator can restore it from a backup"
        ),
    }
}

/// The uploader, editors of the parent and platform moderators delete (softly: the row
/// stays for the record, the content is no longer served).
pub async fn delete(state: &AppState, user: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let (d, a) = readable(&mut conn, id, Some(user)).await?;
    require_change(a, &d, user)?;
    repo::soft_delete(&mut conn, id, user.id).await?;
    Ok(())
}
