//! Chat: messages (with an optional room document), edits, deletions and reactions.

use std::collections::BTreeSet;

use chrono::Duration;
use uuid::Uuid;

use super::{Ask, DecideCtx, Decision, RoomState};
use crate::rooms::protocol::payload::{Chat, ChatDeleted, ChatEdited, DocumentRef, Reaction};
use crate::rooms::protocol::{Action, ErrorCode, Event, MAX_TEXT_CHARS, WsError, clean_text};

pub const MAX_EMOJI_CHARS: usize = 16;

impl RoomState {
    pub(super) fn chat_send(
        &self,
        a: &Ask,
        text: &str,
        document_id: Option<Uuid>,
    ) -> Result<Decision, WsError> {
        let text = clean_text("text", text, MAX_TEXT_CHARS)?;
        if !a.is_mod
            && self.slow_mode_seconds > 0
            && let Some(last) = self.last_chat.get(&a.me())
        {
            let next = *last + Duration::seconds(self.slow_mode_seconds.into());
            if next > a.now {
                let wait = (next - a.now).num_milliseconds().max(1000) / 1000;
                return Err(WsError::new(
                    ErrorCode::SlowMode,
                    format!("slow mode: wait {wait} s before your next message"),
                ));
            }
        }
        let document = match document_id {
            None => None,
            Some(id) => {
                let (title, filename) = a
                    .ctx
                    .documents
                    .get(&id)
                    .ok_or_else(|| WsError::not_found("document"))?;
                Some(DocumentRef {
                    id,
                    title: title.clone(),
                    filename: filename.clone(),
                    url: format!("/api/v1/documents/{id}/content"),
                })
            }
        };
        Decision::of(Chat {
            text: Some(text),
            document,
            ..Chat::default()
        })
    }

    pub(super) fn chat_edit(&self, a: &Ask, target: i64, text: &str) -> Result<Decision, WsError> {
        let text = clean_text("text", text, MAX_TEXT_CHARS)?;
        let (author, _) = live_chat(a.ctx, target)?;
        if author != Some(a.me()) {
            return Err(WsError::forbidden("you can edit only your own messages"));
        }
        Decision::of(ChatEdited {
            target_seq: target,
            text: Some(text),
            redacted: false,
        })
    }

    pub(super) fn chat_delete(&self, a: &Ask, target: i64) -> Result<Decision, WsError> {
        let (author, _) = live_chat(a.ctx, target)?;
        if author != Some(a.me()) && !a.is_mod {
            return Err(WsError::forbidden("you can delete only your own messages"));
        }
        Decision::of(ChatDeleted { target_seq: target })
    }

    pub(super) fn react(&self, a: &Ask, target: i64, emoji: &str) -> Result<Decision, WsError> {
        let emoji = emoji.trim();
        if emoji.is_empty()
            || emoji.chars().count() > MAX_EMOJI_CHARS
            || emoji.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(WsError::invalid(format!(
                "`emoji` must be 1 to {MAX_EMOJI_CHARS} characters without spaces"
            )));
        }
        live_chat(a.ctx, target)?;
        let users = self.reactions.get(&(target, emoji.to_owned()));
        let had = users.is_some_and(|u| u.contains(&a.me()));
        let before = users.map_or(0, BTreeSet::len);
        let count = if had { before - 1 } else { before + 1 };
        Decision::of(Reaction {
            target_seq: target,
            emoji: emoji.to_owned(),
            added: !had,
            count,
        })
    }

    /// Slow mode counts from each user's last message.
    pub(super) fn on_chat(&mut self, e: &Event) {
        self.last_chat.insert(e.actor.user_id, e.at);
    }

    pub(super) fn on_reaction(&mut self, e: &Event, r: Reaction) {
        let users = self.reactions.entry((r.target_seq, r.emoji)).or_default();
        if r.added {
            users.insert(e.actor.user_id);
        } else {
            users.remove(&e.actor.user_id);
        }
    }
}

fn live_chat(ctx: &DecideCtx, seq: i64) -> Result<(Option<Uuid>, bool), WsError> {
    match ctx.chats.get(&seq) {
        Some(&(author, false)) => Ok((author, false)),
        _ => Err(WsError::not_found("message")),
    }
}

/// The chat seqs an action targets, so the writer can look them up before deciding.
pub fn chat_target(action: &Action) -> Option<i64> {
    match action {
        Action::ChatEdit { seq, .. } | Action::ChatDelete { seq } | Action::React { seq, .. } => {
            Some(*seq)
        }
        _ => None,
    }
}
