//! Comments on a practice, with one level of replies.

use std::collections::HashMap;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::{changed, visible};
use crate::auth::AuthUser;
use crate::domain::text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::markdown::to_html;
use crate::pagination::{Page, PageRequest, time_id_key};
use crate::practices::dto::{CommentView, CreateCommentRequest, UpdateCommentRequest};
use crate::practices::repo::{self, Counter};
use crate::shared::person::PersonRef;
use crate::state::AppState;

const MAX_COMMENT: usize = 5_000;

// ---- comments ----

fn comment_view(c: repo::Comment, people: &HashMap<Uuid, String>) -> CommentView {
    let deleted = c.deleted_at.is_some();
    CommentView {
        id: c.id,
        practice_id: c.practice_id,
        parent_id: c.parent_id,
        author: c.author_id.and_then(|id| {
            people.get(&id).map(|n| PersonRef {
                user_id: id,
                display_name: n.clone(),
            })
        }),
        body_html: (!deleted).then(|| to_html(&c.body)),
        body: (!deleted).then_some(c.body),
        deleted,
        created_at: c.created_at,
        edited_at: c.edited_at,
        replies: None,
    }
}

async fn people_of(
    conn: &mut AsyncPgConnection,
    comments: &[&repo::Comment],
) -> AppResult<HashMap<Uuid, String>> {
    let mut ids: Vec<Uuid> = comments.iter().filter_map(|c| c.author_id).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(crate::auth::repo::people(conn, &ids)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p.display_name))
        .collect())
}

fn comment_body(raw: &str) -> AppResult<String> {
    let body = text(raw, MAX_COMMENT).map_err(|m| FieldErrors::single("body", m))?;
    if body.is_empty() {
        return Err(FieldErrors::single("body", "must not be blank"));
    }
    Ok(body)
}

pub async fn add_comment(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: CreateCommentRequest,
) -> AppResult<CommentView> {
    let body = comment_body(&req.body)?;
    let mut conn = state.conn().await?;
    let c = conn
        .transaction::<_, AppError, _>(async move |conn| {
            visible(conn, id, Some(user), true).await?;
            if let Some(parent) = req.parent_id {
                let ok = repo::find_comment(conn, parent).await?;
                match ok {
                    Some(p)
                        if p.practice_id == id
                            && p.parent_id.is_none()
                            && p.deleted_at.is_none() => {}
                    Some(p) if p.practice_id == id && p.parent_id.is_some() => {
                        return Err(FieldErrors::single(
                            "parent_id",
                            "replies take one level: answer the top-level comment",
                        ));
                    }
                    Some(p) if p.practice_id == id => {
                        return Err(FieldErrors::single("parent_id", "that comment was deleted"));
                    }
                    _ => {
                        return Err(FieldErrors::single(
                            "parent_id",
                            "no such comment on this practice",
                        ));
                    }
                }
            }
            let c = repo::insert_comment(conn, Uuid::now_v7(), id, req.parent_id, user.id, &body)
                .await?;
            repo::bump(conn, id, Counter::Comments, 1).await?;
            Ok(c)
        })
        .await?;
    changed(state, id);
    let people = HashMap::from([(user.id, user.display_name.clone())]);
    Ok(comment_view(c, &people))
}

pub async fn comments(
    state: &AppState,
    user: Option<&AuthUser>,
    id: Uuid,
    page: PageRequest,
) -> AppResult<Page<CommentView>> {
    let mut conn = state.conn().await?;
    visible(&mut conn, id, user, false).await?;
    let after = page.after_time_id()?;
    let top = repo::top_comments(&mut conn, id, after, page.fetch()).await?;
    let shown: Vec<Uuid> = top.iter().take(page.limit as usize).map(|c| c.id).collect();
    let replies = repo::replies(&mut conn, &shown).await?;
    let all: Vec<&repo::Comment> = top.iter().chain(replies.iter()).collect();
    let people = people_of(&mut conn, &all).await?;
    let mut by_parent: HashMap<Uuid, Vec<CommentView>> = HashMap::new();
    for r in replies {
        let parent = r.parent_id.unwrap_or_default();
        by_parent
            .entry(parent)
            .or_default()
            .push(comment_view(r, &people));
    }
    Ok(Page::from_rows(
        top,
        &page,
        |c| time_id_key(c.created_at, c.id),
        |c| {
            let replies = by_parent.remove(&c.id).unwrap_or_default();
            CommentView {
                replies: Some(replies),
                ..comment_view(c, &people)
            }
        },
    ))
}

/// The comment and whether the caller may see its practice.
async fn comment_for(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user: &AuthUser,
) -> AppResult<repo::Comment> {
    let c = repo::find_comment(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("comment"))?;
    visible(conn, c.practice_id, Some(user), true)
        .await
        .map_err(|_| AppError::not_found("comment"))?;
    Ok(c)
}

pub async fn edit_comment(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    req: UpdateCommentRequest,
) -> AppResult<CommentView> {
    let body = comment_body(&req.body)?;
    let mut conn = state.conn().await?;
    let c = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let c = comment_for(conn, id, user).await?;
            if c.author_id != Some(user.id) {
                return Err(AppError::forbidden("only its author may edit a comment"));
            }
            if c.deleted_at.is_some() {
                return Err(AppError::conflict(
                    "comment_deleted",
                    "the comment was deleted",
                ));
            }
            Ok(repo::edit_comment(conn, id, &body).await?)
        })
        .await?;
    changed(state, c.practice_id);
    let people = HashMap::from([(user.id, user.display_name.clone())]);
    Ok(comment_view(c, &people))
}

/// Authors delete their own comments, platform moderators any; deleting twice is a no-op.
pub async fn delete_comment(state: &AppState, user: &AuthUser, id: Uuid) -> AppResult<()> {
    let mut conn = state.conn().await?;
    let practice = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let c = comment_for(conn, id, user).await?;
            if c.author_id != Some(user.id) && !user.is_moderator() {
                return Err(AppError::forbidden(
                    "only its author or a moderator may delete a comment",
                ));
            }
            if repo::delete_comment(conn, id).await? {
                repo::bump(conn, c.practice_id, Counter::Comments, -1).await?;
            }
            Ok(c.practice_id)
        })
        .await?;
    changed(state, practice);
    Ok(())
}
