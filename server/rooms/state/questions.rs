//! Moderated Q&A: anyone asks and upvotes (toggling); moderators answer, pin and hide.
//! Hidden questions are invisible to participants (not in their `welcome`, not upvotable).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::{Ask, Decision, RoomState};
use crate::rooms::protocol::payload::{
    QuestionAnswered, QuestionAsked, QuestionHidden, QuestionPinned, QuestionUpvoted, micros,
};
use crate::rooms::protocol::{Actor, Event, MAX_TEXT_CHARS, WsError, clean_text};

#[derive(Debug, Clone)]
pub struct Question {
    pub id: i64,
    pub text: String,
    pub author: Actor,
    pub at: DateTime<Utc>,
    pub upvoters: HashSet<Uuid>,
    pub answered: bool,
    pub pinned: bool,
    pub hidden: bool,
}

/// A question in `welcome.state.questions`.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub question_id: i64,
    pub text: String,
    pub actor: Actor,
    #[serde(with = "micros")]
    pub at: DateTime<Utc>,
    pub votes: usize,
    pub upvoted_by_me: bool,
    pub answered: bool,
    pub pinned: bool,
    pub hidden: bool,
}

impl Question {
    pub fn view(&self, viewer: Uuid) -> QuestionView {
        QuestionView {
            question_id: self.id,
            text: self.text.clone(),
            actor: self.author.clone(),
            at: self.at,
            votes: self.upvoters.len(),
            upvoted_by_me: self.upvoters.contains(&viewer),
            answered: self.answered,
            pinned: self.pinned,
            hidden: self.hidden,
        }
    }
}

impl RoomState {
    pub(super) fn question_ask(&self, a: &Ask, text: &str) -> Result<Decision, WsError> {
        let text = clean_text("text", text, MAX_TEXT_CHARS)?;
        Decision::of(QuestionAsked {
            question_id: a.seq,
            text,
        })
    }

    pub(super) fn question_upvote(&self, a: &Ask, question_id: i64) -> Result<Decision, WsError> {
        let q = self.question(question_id, a.is_mod)?;
        let had = q.upvoters.contains(&a.me());
        let votes = if had {
            q.upvoters.len() - 1
        } else {
            q.upvoters.len() + 1
        };
        Decision::of(QuestionUpvoted {
            question_id,
            upvoted: !had,
            votes,
        })
    }

    pub(super) fn question_answer(
        &self,
        a: &Ask,
        question_id: i64,
        answered: bool,
    ) -> Result<Decision, WsError> {
        a.moderators_only("mark questions answered")?;
        self.question(question_id, true)?;
        Decision::of(QuestionAnswered {
            question_id,
            answered,
        })
    }

    pub(super) fn question_pin(
        &self,
        a: &Ask,
        question_id: i64,
        pinned: bool,
    ) -> Result<Decision, WsError> {
        a.moderators_only("pin questions")?;
        self.question(question_id, true)?;
        Decision::of(QuestionPinned {
            question_id,
            pinned,
        })
    }

    pub(super) fn question_hide(
        &self,
        a: &Ask,
        question_id: i64,
        hidden: bool,
    ) -> Result<Decision, WsError> {
        a.moderators_only("hide questions")?;
        let q = self.question(question_id, true)?;
        Decision::of(QuestionHidden {
            question_id,
            hidden,
            // Participants never got the text of a hidden question: unhiding gives it.
            text: (!hidden).then(|| q.text.clone()),
        })
    }

    fn question(&self, id: i64, is_mod: bool) -> Result<&Question, WsError> {
        self.questions
            .get(&id)
            .filter(|q| is_mod || !q.hidden)
            .ok_or_else(|| WsError::not_found("question"))
    }

    pub(super) fn on_question_asked(&mut self, e: &Event, q: QuestionAsked) {
        self.questions.insert(
            e.seq,
            Question {
                id: e.seq,
                text: q.text,
                author: e.actor.clone(),
                at: e.at,
                upvoters: HashSet::new(),
                answered: false,
                pinned: false,
                hidden: false,
            },
        );
    }

    pub(super) fn on_question_upvoted(&mut self, e: &Event, u: QuestionUpvoted) {
        if let Some(q) = self.questions.get_mut(&u.question_id) {
            if u.upvoted {
                q.upvoters.insert(e.actor.user_id);
            } else {
                q.upvoters.remove(&e.actor.user_id);
            }
        }
    }

    pub(super) fn on_question_answered(&mut self, _: &Event, a: QuestionAnswered) {
        if let Some(q) = self.questions.get_mut(&a.question_id) {
            q.answered = a.answered;
        }
    }

    pub(super) fn on_question_pinned(&mut self, _: &Event, p: QuestionPinned) {
        if let Some(q) = self.questions.get_mut(&p.question_id) {
            q.pinned = p.pinned;
        }
    }

    pub(super) fn on_question_hidden(&mut self, _: &Event, h: QuestionHidden) {
        if let Some(q) = self.questions.get_mut(&h.question_id) {
            q.hidden = h.hidden;
        }
    }
}
