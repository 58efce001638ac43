//! Polls: created by moderators, one ballot per user (a new vote replaces it), closed with
//! final results. Ballots are private: events carry who voted, never what they chose.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use super::{Ask, Decision, RoomState};
use crate::rooms::protocol::payload::{Ballot, PollClosed, PollCreated, PollResults, PollVoted};
use crate::rooms::protocol::{ErrorCode, Event, MAX_TEXT_CHARS, WsError, clean_text};

pub const MAX_POLL_OPTIONS: usize = 10;
pub const MAX_OPTION_CHARS: usize = 200;

#[derive(Debug, Clone)]
pub struct Poll {
    pub id: i64,
    pub question: String,
    pub options: Vec<String>,
    pub multiple: bool,
    pub hide_results: bool,
    pub closed: bool,
    pub ballots: HashMap<Uuid, Vec<usize>>,
}

/// A poll in `welcome.state.polls`.
#[derive(Debug, Clone, Serialize)]
pub struct PollView {
    pub poll_id: i64,
    pub question: String,
    pub options: Vec<String>,
    pub multiple: bool,
    pub hide_results: bool,
    pub closed: bool,
    /// The viewer's ballot, or `null`.
    pub my_choices: Option<Vec<usize>>,
    /// Only when the poll does not hide its results, or is closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<PollResults>,
}

impl Poll {
    pub fn results(&self) -> PollResults {
        let mut counts = vec![0u64; self.options.len()];
        for choices in self.ballots.values() {
            for &c in choices {
                if let Some(n) = counts.get_mut(c) {
                    *n += 1;
                }
            }
        }
        PollResults {
            counts,
            voters: self.ballots.len(),
        }
    }

    pub fn view(&self, viewer: Uuid) -> PollView {
        PollView {
            poll_id: self.id,
            question: self.question.clone(),
            options: self.options.clone(),
            multiple: self.multiple,
            hide_results: self.hide_results,
            closed: self.closed,
            my_choices: self.ballots.get(&viewer).cloned(),
            results: (!self.hide_results || self.closed).then(|| self.results()),
        }
    }
}

impl RoomState {
    pub(super) fn poll_create(
        &self,
        a: &Ask,
        question: &str,
        options: &[String],
        multiple: bool,
        hide_results: bool,
    ) -> Result<Decision, WsError> {
        a.moderators_only("create polls")?;
        let question = clean_text("question", question, MAX_TEXT_CHARS)?;
        if !(2..=MAX_POLL_OPTIONS).contains(&options.len()) {
            return Err(WsError::invalid(format!(
                "a poll needs 2 to {MAX_POLL_OPTIONS} options"
            )));
        }
        let mut clean = Vec::with_capacity(options.len());
        for o in options {
            let o = clean_text("options", o, MAX_OPTION_CHARS)?;
            if clean.contains(&o) {
                return Err(WsError::invalid(format!("option `{o}` appears twice")));
            }
            clean.push(o);
        }
        Decision::of(PollCreated {
            poll_id: a.seq,
            question,
            options: clean,
            multiple,
            hide_results,
        })
    }

    pub(super) fn poll_vote(
        &self,
        _: &Ask,
        poll_id: i64,
        choices: &[usize],
    ) -> Result<Decision, WsError> {
        let poll = self.open_poll(poll_id)?;
        let mut sorted = choices.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != choices.len()
            || sorted.is_empty()
            || sorted.iter().any(|&c| c >= poll.options.len())
        {
            return Err(WsError::invalid(format!(
                "`choices` must be distinct option indexes from 0 to {}",
                poll.options.len() - 1
            )));
        }
        if !poll.multiple && sorted.len() != 1 {
            return Err(WsError::invalid("this poll takes exactly one choice"));
        }
        Decision::of(PollVoted {
            poll_id,
            private: Ballot { choices: sorted },
        })
    }

    pub(super) fn poll_close(&self, a: &Ask, poll_id: i64) -> Result<Decision, WsError> {
        a.moderators_only("close polls")?;
        let poll = self.open_poll(poll_id)?;
        Decision::of(PollClosed {
            poll_id,
            results: poll.results(),
        })
    }

    fn open_poll(&self, id: i64) -> Result<&Poll, WsError> {
        let poll = self
            .polls
            .get(&id)
            .ok_or_else(|| WsError::not_found("poll"))?;
        if poll.closed {
            return Err(WsError::new(ErrorCode::Conflict, "the poll is closed"));
        }
        Ok(poll)
    }

    pub(super) fn on_poll_created(&mut self, e: &Event, p: PollCreated) {
        self.polls.insert(
            e.seq,
            Poll {
                id: e.seq,
                question: p.question,
                options: p.options,
                multiple: p.multiple,
                hide_results: p.hide_results,
                closed: false,
                ballots: HashMap::new(),
            },
        );
    }

    pub(super) fn on_poll_voted(&mut self, e: &Event, v: PollVoted) {
        if let Some(p) = self.polls.get_mut(&v.poll_id) {
            p.ballots.insert(e.actor.user_id, v.private.choices);
        }
    }

    pub(super) fn on_poll_closed(&mut self, _: &Event, c: PollClosed) {
        if let Some(p) = self.polls.get_mut(&c.poll_id) {
            p.closed = true;
        }
    }
}
