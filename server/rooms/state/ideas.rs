//! The idea board: ideas in free-text columns, and dot voting with a budget per user (one
//! dot per idea; removing an idea frees its dots).

use std::collections::BTreeSet;

use serde::Serialize;
use uuid::Uuid;

use super::{Ask, Decision, RoomState};
use crate::rooms::protocol::payload::{IdeaAdded, IdeaMoved, IdeaRemoved, IdeaUnvoted, IdeaVoted};
use crate::rooms::protocol::{Actor, ErrorCode, Event, MAX_TEXT_CHARS, WsError, clean_text};

pub const MAX_COLUMN_CHARS: usize = 40;
pub const DEFAULT_COLUMN: &str = "ideas";

#[derive(Debug, Clone)]
pub struct Idea {
    pub id: i64,
    pub text: String,
    pub column: String,
    pub author: Actor,
    pub dots: BTreeSet<Uuid>,
}

/// An idea in `welcome.state.ideas`.
#[derive(Debug, Clone, Serialize)]
pub struct IdeaView {
    pub idea_id: i64,
    pub text: String,
    pub column: String,
    pub actor: Actor,
    pub votes: usize,
    pub voted_by_me: bool,
}

impl Idea {
    pub fn view(&self, viewer: Uuid) -> IdeaView {
        IdeaView {
            idea_id: self.id,
            text: self.text.clone(),
            column: self.column.clone(),
            actor: self.author.clone(),
            votes: self.dots.len(),
            voted_by_me: self.dots.contains(&viewer),
        }
    }
}

fn column(raw: Option<&str>) -> Result<String, WsError> {
    match raw {
        None => Ok(DEFAULT_COLUMN.to_owned()),
        Some(c) => {
            let c = clean_text("column", c, MAX_COLUMN_CHARS)?;
            if c.contains('\n') {
                return Err(WsError::invalid("`column` must be one line"));
            }
            Ok(c)
        }
    }
}

impl RoomState {
    pub(super) fn idea_add(
        &self,
        a: &Ask,
        text: &str,
        col: Option<&str>,
    ) -> Result<Decision, WsError> {
        let text = clean_text("text", text, MAX_TEXT_CHARS)?;
        let column = column(col)?;
        Decision::of(IdeaAdded {
            idea_id: a.seq,
            text,
            column,
        })
    }

    pub(super) fn idea_vote(&self, a: &Ask, idea_id: i64) -> Result<Decision, WsError> {
        let me = a.me();
        let idea = self.idea(idea_id)?;
        if idea.dots.contains(&me) {
            return Err(WsError::new(
                ErrorCode::Conflict,
                "you already put a dot on this idea",
            ));
        }
        let used = self.ideas.values().filter(|i| i.dots.contains(&me)).count();
        let limit = a.ctx.dot_votes_per_user as usize;
        if used >= limit {
            return Err(WsError::new(
                ErrorCode::LimitReached,
                format!("you have used all {limit} of your dots; take one back first"),
            ));
        }
        Decision::of(IdeaVoted {
            idea_id,
            votes: idea.dots.len() + 1,
        })
    }

    pub(super) fn idea_unvote(&self, a: &Ask, idea_id: i64) -> Result<Decision, WsError> {
        let idea = self.idea(idea_id)?;
        if !idea.dots.contains(&a.me()) {
            return Err(WsError::not_found("your dot on this idea"));
        }
        Decision::of(IdeaUnvoted {
            idea_id,
            votes: idea.dots.len() - 1,
        })
    }

    pub(super) fn idea_move(&self, a: &Ask, idea_id: i64, col: &str) -> Result<Decision, WsError> {
        let idea = self.idea(idea_id)?;
        if idea.author.user_id != a.me() {
            a.moderators_only("move other people's ideas")?;
        }
        let column = column(Some(col))?;
        Decision::of(IdeaMoved { idea_id, column })
    }

    pub(super) fn idea_remove(&self, a: &Ask, idea_id: i64) -> Result<Decision, WsError> {
        let idea = self.idea(idea_id)?;
        if idea.author.user_id != a.me() {
            a.moderators_only("remove other people's ideas")?;
        }
        Decision::of(IdeaRemoved { idea_id })
    }

    fn idea(&self, id: i64) -> Result<&Idea, WsError> {
        self.ideas
            .get(&id)
            .ok_or_else(|| WsError::not_found("idea"))
    }

    pub(super) fn on_idea_added(&mut self, e: &Event, i: IdeaAdded) {
        self.ideas.insert(
            e.seq,
            Idea {
                id: e.seq,
                text: i.text,
                column: i.column,
                author: e.actor.clone(),
                dots: BTreeSet::new(),
            },
        );
    }

    pub(super) fn on_idea_voted(&mut self, e: &Event, v: IdeaVoted) {
        if let Some(i) = self.ideas.get_mut(&v.idea_id) {
            i.dots.insert(e.actor.user_id);
        }
    }

    pub(super) fn on_idea_unvoted(&mut self, e: &Event, v: IdeaUnvoted) {
        if let Some(i) = self.ideas.get_mut(&v.idea_id) {
            i.dots.remove(&e.actor.user_id);
        }
    }

    pub(super) fn on_idea_moved(&mut self, _: &Event, m: IdeaMoved) {
        if let Some(i) = self.ideas.get_mut(&m.idea_id) {
            i.column = m.column;
        }
    }

    pub(super) fn on_idea_removed(&mut self, _: &Event, r: IdeaRemoved) {
        self.ideas.remove(&r.idea_id);
    }
}
