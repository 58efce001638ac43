//! A room's current state as a fold over its log: `apply` moves it one event forward, and
//! `decide` checks an action against it and says which event it becomes. The writer decides
//! under the room's row lock on a state caught up with the log, so checks such as "one vote
//! per user" hold across instances; each instance's room hub keeps its own copy, applied in
//! delivery order, for the `welcome` snapshot.
//!
//! This file holds what every feature shares (the state, the checks common to all actions,
//! and the dispatch of actions and events); each feature's rules and bookkeeping are in its
//! own file: `chat`, `hands`, `polls`, `questions`, `ideas`, `moderation`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::protocol::payload::micros;
use super::protocol::{Action, Actor, ErrorCode, Event, EventKind, Payload, WsError};

mod chat;
mod hands;
mod ideas;
mod moderation;
mod polls;
mod questions;

pub use super::protocol::payload::Hand;
pub use chat::chat_target;
pub use ideas::{DEFAULT_COLUMN, Idea, IdeaView, MAX_COLUMN_CHARS};
pub use moderation::{MAX_MUTE_MINUTES, MAX_SLOW_SECONDS, person_target};
pub use polls::{MAX_OPTION_CHARS, MAX_POLL_OPTIONS, Poll, PollView};
pub use questions::{Question, QuestionView};

pub const MAX_EMOJI_CHARS: usize = chat::MAX_EMOJI_CHARS;

/// Facts the writer reads from the database for the actions of one batch.
#[derive(Debug, Default)]
pub struct DecideCtx {
    pub dot_votes_per_user: u32,
    /// Chat messages targeted by edits, deletions and reactions: seq -> (author, deleted).
    pub chats: HashMap<i64, (Option<Uuid>, bool)>,
    /// Accounts targeted by mutes and kicks: user -> moderates the room (room moderator,
    /// platform moderator or admin). Absent: no such account.
    pub people: HashMap<Uuid, bool>,
    /// Documents named by `chat.send`, when attached to this room (and not deleted):
    /// id -> (title, file name).
    pub documents: HashMap<Uuid, (String, String)>,
}

/// What an accepted action becomes: an event of `kind` with `data`.
#[derive(Debug)]
pub struct Decision {
    pub kind: EventKind,
    pub data: Value,
}

impl Decision {
    /// The kind always matches the fields: it is the payload type's.
    fn of<P: Payload>(payload: P) -> Result<Self, WsError> {
        Ok(Self {
            kind: P::KIND,
            data: payload.to_data(),
        })
    }
}

/// One action being decided: who sends it, and what the writer knows.
struct Ask<'a> {
    actor: &'a Actor,
    is_mod: bool,
    ctx: &'a DecideCtx,
    /// The seq the event will get: the id of what it creates (poll, question, idea).
    seq: i64,
    now: DateTime<Utc>,
}

impl Ask<'_> {
    fn me(&self) -> Uuid {
        self.actor.user_id
    }

    fn moderators_only(&self, what: &str) -> Result<(), WsError> {
        if self.is_mod {
            Ok(())
        } else {
            Err(WsError::forbidden(format!("only moderators may {what}")))
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RoomState {
    /// Seq of the last event applied.
    pub applied_seq: i64,
    pub locked: bool,
    /// The room's event ended or was cancelled: nothing more is written, by anyone.
    pub closed: bool,
    pub slow_mode_seconds: u32,
    pub hands: Vec<Hand>,
    pub polls: BTreeMap<i64, Poll>,
    pub questions: BTreeMap<i64, Question>,
    pub ideas: BTreeMap<i64, Idea>,
    pub muted: HashMap<Uuid, DateTime<Utc>>,
    pub kicked: HashSet<Uuid>,
    pub last_chat: HashMap<Uuid, DateTime<Utc>>,
    pub reactions: HashMap<(i64, String), BTreeSet<Uuid>>,
}

/// The `state` of a `welcome`: the room as of `last_seq`, as one user may see it.
#[derive(Debug, Clone, Serialize)]
pub struct RoomView {
    pub hands: Vec<Hand>,
    pub polls: Vec<PollView>,
    pub questions: Vec<QuestionView>,
    pub ideas: Vec<IdeaView>,
    pub locked: bool,
    pub closed: bool,
    pub slow_mode_seconds: u32,
    pub dot_votes_per_user: u32,
    pub my_dots_left: usize,
    #[serde(with = "micros::option")]
    pub muted_until: Option<DateTime<Utc>>,
}

impl RoomState {
    pub fn is_muted(&self, user: Uuid, now: DateTime<Utc>) -> bool {
        self.muted.get(&user).is_some_and(|until| *until > now)
    }

    /// Checks `action` by `actor` and returns the event it becomes, to be stored as `seq`.
    pub fn decide(
        &self,
        actor: &Actor,
        is_mod: bool,
        action: &Action,
        ctx: &DecideCtx,
        seq: i64,
        now: DateTime<Utc>,
    ) -> Result<Decision, WsError> {
        let me = actor.user_id;
        if self.closed {
            return Err(WsError::new(
                ErrorCode::RoomLocked,
                "the event is over: this room is read-only",
            ));
        }
        if self.kicked.contains(&me) {
            return Err(WsError::forbidden("you were removed from this room"));
        }
        let posts = matches!(
            action,
            Action::ChatSend { .. }
                | Action::ChatEdit { .. }
                | Action::React { .. }
                | Action::QuestionAsk { .. }
                | Action::IdeaAdd { .. }
        );
        if posts && !is_mod {
            if self.locked {
                return Err(WsError::new(
                    ErrorCode::RoomLocked,
                    "the room is locked: only moderators may post",
                ));
            }
            if self.is_muted(me, now) {
                return Err(WsError::new(ErrorCode::Muted, "you are muted"));
            }
        }
        let a = Ask {
            actor,
            is_mod,
            ctx,
            seq,
            now,
        };
        match action {
            Action::ChatSend { text, document_id } => self.chat_send(&a, text, *document_id),
            Action::ChatEdit { seq, text } => self.chat_edit(&a, *seq, text),
            Action::ChatDelete { seq } => self.chat_delete(&a, *seq),
            Action::React { seq, emoji } => self.react(&a, *seq, emoji),
            Action::HandRaise {} => self.hand_raise(&a),
            Action::HandLower { user_id } => self.hand_lower(&a, *user_id),
            Action::HandClear {} => self.hand_clear(&a),
            Action::PollCreate {
                question,
                options,
                multiple,
                hide_results,
            } => self.poll_create(&a, question, options, *multiple, *hide_results),
            Action::PollVote { poll_id, choices } => self.poll_vote(&a, *poll_id, choices),
            Action::PollClose { poll_id } => self.poll_close(&a, *poll_id),
            Action::QuestionAsk { text } => self.question_ask(&a, text),
            Action::QuestionUpvote { question_id } => self.question_upvote(&a, *question_id),
            Action::QuestionAnswer {
                question_id,
                answered,
            } => self.question_answer(&a, *question_id, *answered),
            Action::QuestionPin {
                question_id,
                pinned,
            } => self.question_pin(&a, *question_id, *pinned),
            Action::QuestionHide {
                question_id,
                hidden,
            } => self.question_hide(&a, *question_id, *hidden),
            Action::IdeaAdd { text, column } => self.idea_add(&a, text, column.as_deref()),
            Action::IdeaVote { idea_id } => self.idea_vote(&a, *idea_id),
            Action::IdeaUnvote { idea_id } => self.idea_unvote(&a, *idea_id),
            Action::IdeaMove { idea_id, column } => self.idea_move(&a, *idea_id, column),
            Action::IdeaRemove { idea_id } => self.idea_remove(&a, *idea_id),
            Action::ModLock { locked } => self.mod_lock(&a, *locked),
            Action::ModSlow { seconds } => self.mod_slow(&a, *seconds),
            Action::ModMute { user_id, minutes } => self.mod_mute(&a, *user_id, *minutes),
            Action::ModKick { user_id } => self.mod_kick(&a, *user_id),
            Action::ModUnkick { user_id } => self.mod_unkick(&a, *user_id),
        }
    }

    /// Moves the state past `e`. Events at or below `applied_seq` were seen already.
    pub fn apply(&mut self, e: &Event) {
        if e.seq <= self.applied_seq {
            return;
        }
        self.applied_seq = e.seq;
        match e.kind {
            EventKind::Chat => self.on_chat(e),
            // Edits and deletions matter to the log only (the writer rewrites the message).
            EventKind::ChatEdited | EventKind::ChatDeleted => {}
            EventKind::Reaction => self.on(e, Self::on_reaction),
            EventKind::Hands => self.on(e, Self::on_hands),
            EventKind::PollCreated => self.on(e, Self::on_poll_created),
            EventKind::PollVoted => self.on(e, Self::on_poll_voted),
            EventKind::PollClosed => self.on(e, Self::on_poll_closed),
            EventKind::QuestionAsked => self.on(e, Self::on_question_asked),
            EventKind::QuestionUpvoted => self.on(e, Self::on_question_upvoted),
            EventKind::QuestionAnswered => self.on(e, Self::on_question_answered),
            EventKind::QuestionPinned => self.on(e, Self::on_question_pinned),
            EventKind::QuestionHidden => self.on(e, Self::on_question_hidden),
            EventKind::IdeaAdded => self.on(e, Self::on_idea_added),
            EventKind::IdeaVoted => self.on(e, Self::on_idea_voted),
            EventKind::IdeaUnvoted => self.on(e, Self::on_idea_unvoted),
            EventKind::IdeaMoved => self.on(e, Self::on_idea_moved),
            EventKind::IdeaRemoved => self.on(e, Self::on_idea_removed),
            EventKind::RoomLocked => self.on(e, Self::on_room_locked),
            EventKind::RoomClosed => self.on_room_closed(),
            EventKind::RoomSlowMode => self.on(e, Self::on_room_slow_mode),
            EventKind::UserMuted => self.on(e, Self::on_user_muted),
            EventKind::UserKicked => self.on(e, Self::on_user_kicked),
            EventKind::UserUnkicked => self.on(e, Self::on_user_unkicked),
        }
    }

    /// Applies an event through its typed fields (skipped, with a warning, if they do not
    /// parse).
    fn on<P: Payload>(&mut self, e: &Event, f: fn(&mut Self, &Event, P)) {
        if let Some(p) = e.payload::<P>() {
            f(self, e, p);
        }
    }

    /// The `state` of a `welcome`, as `viewer` may see it.
    pub fn snapshot(&self, viewer: Uuid, is_mod: bool, dot_votes_per_user: u32) -> RoomView {
        let used = self
            .ideas
            .values()
            .filter(|i| i.dots.contains(&viewer))
            .count();
        let now = Utc::now();
        RoomView {
            hands: self.hands.clone(),
            polls: self.polls.values().map(|p| p.view(viewer)).collect(),
            questions: self
                .questions
                .values()
                .filter(|q| is_mod || !q.hidden)
                .map(|q| q.view(viewer))
                .collect(),
            ideas: self.ideas.values().map(|i| i.view(viewer)).collect(),
            locked: self.locked,
            closed: self.closed,
            slow_mode_seconds: self.slow_mode_seconds,
            dot_votes_per_user,
            my_dots_left: (dot_votes_per_user as usize).saturating_sub(used),
            muted_until: self.muted.get(&viewer).filter(|u| **u > now).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn actor(n: u128) -> Actor {
        Actor {
            user_id: Uuid::from_u128(n),
            display_name: format!("user {n}"),
        }
    }

    /// Decides and applies like the writer does.
    fn run(
        s: &mut RoomState,
        who: &Actor,
        is_mod: bool,
        a: Action,
        ctx: &DecideCtx,
    ) -> Result<Event, WsError> {
        let seq = s.applied_seq + 1;
        let d = s.decide(who, is_mod, &a, ctx, seq, Utc::now())?;
        let e = Event {
            seq,
            kind: d.kind,
            actor: who.clone(),
            r#ref: None,
            data: d.data,
            at: Utc::now(),
        };
        s.apply(&e);
        Ok(e)
    }

    #[test]
    fn dot_votes_are_limited_per_user() {
        let mut s = RoomState::default();
        let ctx = DecideCtx {
            dot_votes_per_user: 2,
            ..Default::default()
        };
        let a = actor(1);
        let ids: Vec<i64> = (0..3)
            .map(|i| {
                run(
                    &mut s,
                    &a,
                    false,
                    Action::IdeaAdd {
                        text: format!("idea {i}"),
                        column: None,
                    },
                    &ctx,
                )
                .unwrap()
                .seq
            })
            .collect();
        run(
            &mut s,
            &a,
            false,
            Action::IdeaVote { idea_id: ids[0] },
            &ctx,
        )
        .unwrap();
        let again = run(
            &mut s,
            &a,
            false,
            Action::IdeaVote { idea_id: ids[0] },
            &ctx,
        );
        assert_eq!(again.unwrap_err().code, ErrorCode::Conflict);
        run(
            &mut s,
            &a,
            false,
            Action::IdeaVote { idea_id: ids[1] },
            &ctx,
        )
        .unwrap();
        let third = run(
            &mut s,
            &a,
            false,
            Action::IdeaVote { idea_id: ids[2] },
            &ctx,
        );
        assert_eq!(third.unwrap_err().code, ErrorCode::LimitReached);
        run(
            &mut s,
            &a,
            false,
            Action::IdeaUnvote { idea_id: ids[0] },
            &ctx,
        )
        .unwrap();
        run(
            &mut s,
            &a,
            false,
            Action::IdeaVote { idea_id: ids[2] },
            &ctx,
        )
        .unwrap();
    }

    #[test]
    fn lock_mute_and_slow_mode_spare_moderators() {
        let mut s = RoomState::default();
        let (m, u) = (actor(1), actor(2));
        let ctx = DecideCtx {
            people: [(u.user_id, false), (m.user_id, true)]
                .into_iter()
                .collect(),
            ..Default::default()
        };
        let chat = || Action::ChatSend {
            text: "hi".into(),
            document_id: None,
        };
        run(&mut s, &m, true, Action::ModLock { locked: true }, &ctx).unwrap();
        assert_eq!(
            run(&mut s, &u, false, chat(), &ctx).unwrap_err().code,
            ErrorCode::RoomLocked
        );
        run(&mut s, &m, true, chat(), &ctx).unwrap();
        run(&mut s, &m, true, Action::ModLock { locked: false }, &ctx).unwrap();
        run(&mut s, &m, true, Action::ModSlow { seconds: 60 }, &ctx).unwrap();
        run(&mut s, &u, false, chat(), &ctx).unwrap();
        assert_eq!(
            run(&mut s, &u, false, chat(), &ctx).unwrap_err().code,
            ErrorCode::SlowMode
        );
        run(&mut s, &m, true, chat(), &ctx).unwrap();
        run(&mut s, &m, true, chat(), &ctx).unwrap();
        run(
            &mut s,
            &m,
            true,
            Action::ModMute {
                user_id: u.user_id,
                minutes: 5,
            },
            &ctx,
        )
        .unwrap();
        assert_eq!(
            run(
                &mut s,
                &u,
                false,
                Action::QuestionAsk { text: "q".into() },
                &ctx
            )
            .unwrap_err()
            .code,
            ErrorCode::Muted
        );
        assert_eq!(
            run(&mut s, &u, false, Action::ModLock { locked: true }, &ctx)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
    }

    #[test]
    fn hidden_poll_results_appear_only_after_close() {
        let mut s = RoomState::default();
        let ctx = DecideCtx::default();
        let (m, u) = (actor(1), actor(2));
        let poll = run(
            &mut s,
            &m,
            true,
            Action::PollCreate {
                question: "Which?".into(),
                options: vec!["a".into(), "b".into()],
                multiple: false,
                hide_results: true,
            },
            &ctx,
        )
        .unwrap()
        .seq;
        let bad = Action::PollVote {
            poll_id: poll,
            choices: vec![0, 1],
        };
        assert!(run(&mut s, &u, false, bad, &ctx).is_err());
        for choice in [0, 1] {
            let vote = Action::PollVote {
                poll_id: poll,
                choices: vec![choice],
            };
            run(&mut s, &u, false, vote, &ctx).unwrap();
        }
        let snap = serde_json::to_value(s.snapshot(u.user_id, false, 3)).unwrap();
        assert!(snap["polls"][0].get("results").is_none());
        assert_eq!(snap["polls"][0]["my_choices"], json!([1]));
        let closed = run(&mut s, &m, true, Action::PollClose { poll_id: poll }, &ctx).unwrap();
        assert_eq!(
            closed.data["results"],
            json!({"counts": [0, 1], "voters": 1})
        );
        let snap = serde_json::to_value(s.snapshot(u.user_id, false, 3)).unwrap();
        assert_eq!(snap["polls"][0]["results"]["counts"], json!([0, 1]));
    }
}
