//! A room's current state as a fold over its log: `apply` moves it one event forward, and
//! `decide` checks an action against it and says which event it becomes. The writer decides
//! under the room's row lock on a state caught up with the log, so checks such as "one vote
//! per user" hold across instances; each instance's room hub keeps its own copy, applied in
//! delivery order, for the `welcome` snapshot.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::protocol::{Action, Actor, ErrorCode, Event, MAX_TEXT_CHARS, WsError, clean_text};

pub const MAX_POLL_OPTIONS: usize = 10;
pub const MAX_OPTION_CHARS: usize = 200;
pub const MAX_COLUMN_CHARS: usize = 40;
pub const MAX_EMOJI_CHARS: usize = 16;
pub const MAX_SLOW_SECONDS: u32 = 3600;
pub const MAX_MUTE_MINUTES: u32 = 24 * 60;
pub const DEFAULT_COLUMN: &str = "ideas";

#[derive(Debug, Clone)]
pub struct Hand {
    pub user_id: Uuid,
    pub display_name: String,
    pub raised_at: DateTime<Utc>,
}

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

impl Poll {
    pub fn results(&self) -> Value {
        let mut counts = vec![0u64; self.options.len()];
        for choices in self.ballots.values() {
            for &c in choices {
                if let Some(n) = counts.get_mut(c) {
                    *n += 1;
                }
            }
        }
        json!({"counts": counts, "voters": self.ballots.len()})
    }
}

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

#[derive(Debug, Clone)]
pub struct Idea {
    pub id: i64,
    pub text: String,
    pub column: String,
    pub author: Actor,
    pub dots: BTreeSet<Uuid>,
}

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

/// What an accepted action becomes.
pub struct Decision {
    pub kind: &'static str,
    pub data: Value,
}

fn decision(kind: &'static str, data: Value) -> Result<Decision, WsError> {
    Ok(Decision { kind, data })
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

fn forbid_unless(is_mod: bool, what: &str) -> Result<(), WsError> {
    if is_mod {
        Ok(())
    } else {
        Err(WsError::forbidden(format!("only moderators may {what}")))
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

fn hands_json(hands: &[Hand]) -> Value {
    Value::Array(
        hands
            .iter()
            .map(|h| {
                json!({"user_id": h.user_id, "display_name": h.display_name,
                       "raised_at": h.raised_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)})
            })
            .collect(),
    )
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
        match action {
            Action::ChatSend { text, document_id } => {
                let text = clean_text("text", text, MAX_TEXT_CHARS)?;
                if !is_mod
                    && self.slow_mode_seconds > 0
                    && let Some(last) = self.last_chat.get(&me)
                {
                    let next = *last + Duration::seconds(self.slow_mode_seconds.into());
                    if next > now {
                        let wait = (next - now).num_milliseconds().max(1000) / 1000;
                        return Err(WsError::new(
                            ErrorCode::SlowMode,
                            format!("slow mode: wait {wait} s before your next message"),
                        ));
                    }
                }
                match document_id {
                    None => decision("chat", json!({"text": text})),
                    Some(id) => {
                        let (title, filename) = ctx
                            .documents
                            .get(id)
                            .ok_or_else(|| WsError::not_found("document"))?;
                        decision(
                            "chat",
                            json!({"text": text, "document": {
                                "id": id, "title": title, "filename": filename,
                                "url": format!("/api/v1/documents/{id}/content"),
                            }}),
                        )
                    }
                }
            }
            Action::ChatEdit { seq: target, text } => {
                let text = clean_text("text", text, MAX_TEXT_CHARS)?;
                let (author, _) = live_chat(ctx, *target)?;
                if author != Some(me) {
                    return Err(WsError::forbidden("you can edit only your own messages"));
                }
                decision("chat.edited", json!({"target_seq": target, "text": text}))
            }
            Action::ChatDelete { seq: target } => {
                let (author, _) = live_chat(ctx, *target)?;
                if author != Some(me) && !is_mod {
                    return Err(WsError::forbidden("you can delete only your own messages"));
                }
                decision("chat.deleted", json!({"target_seq": target}))
            }
            Action::React { seq: target, emoji } => {
                let emoji = emoji.trim();
                if emoji.is_empty()
                    || emoji.chars().count() > MAX_EMOJI_CHARS
                    || emoji.chars().any(|c| c.is_control() || c.is_whitespace())
                {
                    return Err(WsError::invalid(format!(
                        "`emoji` must be 1 to {MAX_EMOJI_CHARS} characters without spaces"
                    )));
                }
                live_chat(ctx, *target)?;
                let users = self.reactions.get(&(*target, emoji.to_owned()));
                let had = users.is_some_and(|u| u.contains(&me));
                let before = users.map_or(0, BTreeSet::len);
                let count = if had { before - 1 } else { before + 1 };
                decision(
                    "reaction",
                    json!({"target_seq": target, "emoji": emoji, "added": !had, "count": count}),
                )
            }
            Action::HandRaise {} => {
                if self.hands.iter().any(|h| h.user_id == me) {
                    return Err(WsError::new(
                        ErrorCode::Conflict,
                        "your hand is already raised",
                    ));
                }
                let mut queue = self.hands.clone();
                queue.push(Hand {
                    user_id: me,
                    display_name: actor.display_name.clone(),
                    raised_at: now,
                });
                decision(
                    "hands",
                    json!({"action": "raise", "user_id": me, "queue": hands_json(&queue)}),
                )
            }
            Action::HandLower { user_id } => {
                let target = user_id.unwrap_or(me);
                if target != me {
                    forbid_unless(is_mod, "lower someone else's hand")?;
                }
                if !self.hands.iter().any(|h| h.user_id == target) {
                    return Err(WsError::not_found("raised hand"));
                }
                let queue: Vec<Hand> = self
                    .hands
                    .iter()
                    .filter(|h| h.user_id != target)
                    .cloned()
                    .collect();
                decision(
                    "hands",
                    json!({"action": "lower", "user_id": target, "queue": hands_json(&queue)}),
                )
            }
            Action::HandClear {} => {
                forbid_unless(is_mod, "clear the hands queue")?;
                decision("hands", json!({"action": "clear", "queue": []}))
            }
            Action::PollCreate {
                question,
                options,
                multiple,
                hide_results,
            } => {
                forbid_unless(is_mod, "create polls")?;
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
                decision(
                    "poll.created",
                    json!({"poll_id": seq, "question": question, "options": clean,
                           "multiple": multiple, "hide_results": hide_results}),
                )
            }
            Action::PollVote { poll_id, choices } => {
                let poll = self
                    .polls
                    .get(poll_id)
                    .ok_or_else(|| WsError::not_found("poll"))?;
                if poll.closed {
                    return Err(WsError::new(ErrorCode::Conflict, "the poll is closed"));
                }
                let mut sorted = choices.clone();
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
                decision(
                    "poll.voted",
                    json!({"poll_id": poll_id, "private": {"choices": sorted}}),
                )
            }
            Action::PollClose { poll_id } => {
                forbid_unless(is_mod, "close polls")?;
                let poll = self
                    .polls
                    .get(poll_id)
                    .ok_or_else(|| WsError::not_found("poll"))?;
                if poll.closed {
                    return Err(WsError::new(ErrorCode::Conflict, "the poll is closed"));
                }
                decision(
                    "poll.closed",
                    json!({"poll_id": poll_id, "results": poll.results()}),
                )
            }
            Action::QuestionAsk { text } => {
                let text = clean_text("text", text, MAX_TEXT_CHARS)?;
                decision("question.asked", json!({"question_id": seq, "text": text}))
            }
            Action::QuestionUpvote { question_id } => {
                let q = self.question(*question_id, is_mod)?;
                let had = q.upvoters.contains(&me);
                let votes = if had {
                    q.upvoters.len() - 1
                } else {
                    q.upvoters.len() + 1
                };
                decision(
                    "question.upvoted",
                    json!({"question_id": question_id, "upvoted": !had, "votes": votes}),
                )
            }
            Action::QuestionAnswer {
                question_id,
                answered,
            } => {
                forbid_unless(is_mod, "mark questions answered")?;
                self.question(*question_id, true)?;
                decision(
                    "question.answered",
                    json!({"question_id": question_id, "answered": answered}),
                )
            }
            Action::QuestionPin {
                question_id,
                pinned,
            } => {
                forbid_unless(is_mod, "pin questions")?;
                self.question(*question_id, true)?;
                decision(
                    "question.pinned",
                    json!({"question_id": question_id, "pinned": pinned}),
                )
            }
            Action::QuestionHide {
                question_id,
                hidden,
            } => {
                forbid_unless(is_mod, "hide questions")?;
                let q = self.question(*question_id, true)?;
                let mut data = json!({"question_id": question_id, "hidden": hidden});
                // Participants never got the text of a hidden question: unhiding gives it.
                if !hidden {
                    data["text"] = json!(q.text);
                }
                decision("question.hidden", data)
            }
            Action::IdeaAdd { text, column: col } => {
                let text = clean_text("text", text, MAX_TEXT_CHARS)?;
                let col = column(col.as_deref())?;
                decision(
                    "idea.added",
                    json!({"idea_id": seq, "text": text, "column": col}),
                )
            }
            Action::IdeaVote { idea_id } => {
                let idea = self.idea(*idea_id)?;
                if idea.dots.contains(&me) {
                    return Err(WsError::new(
                        ErrorCode::Conflict,
                        "you already put a dot on this idea",
                    ));
                }
                let used = self.ideas.values().filter(|i| i.dots.contains(&me)).count();
                let limit = ctx.dot_votes_per_user as usize;
                if used >= limit {
                    return Err(WsError::new(
                        ErrorCode::LimitReached,
                        format!("you have used all {limit} of your dots; take one back first"),
                    ));
                }
                decision(
                    "idea.voted",
                    json!({"idea_id": idea_id, "votes": idea.dots.len() + 1}),
                )
            }
            Action::IdeaUnvote { idea_id } => {
                let idea = self.idea(*idea_id)?;
                if !idea.dots.contains(&me) {
                    return Err(WsError::not_found("your dot on this idea"));
                }
                decision(
                    "idea.unvoted",
                    json!({"idea_id": idea_id, "votes": idea.dots.len() - 1}),
                )
            }
            Action::IdeaMove {
                idea_id,
                column: col,
            } => {
                let idea = self.idea(*idea_id)?;
                if idea.author.user_id != me {
                    forbid_unless(is_mod, "move other people's ideas")?;
                }
                let col = column(Some(col))?;
                decision("idea.moved", json!({"idea_id": idea_id, "column": col}))
            }
            Action::IdeaRemove { idea_id } => {
                let idea = self.idea(*idea_id)?;
                if idea.author.user_id != me {
                    forbid_unless(is_mod, "remove other people's ideas")?;
                }
                decision("idea.removed", json!({"idea_id": idea_id}))
            }
            Action::ModLock { locked } => {
                forbid_unless(is_mod, "lock the room")?;
                decision("room.locked", json!({"locked": locked}))
            }
            Action::ModSlow { seconds } => {
                forbid_unless(is_mod, "set slow mode")?;
                if *seconds > MAX_SLOW_SECONDS {
                    return Err(WsError::invalid(format!(
                        "`seconds` must be 0 to {MAX_SLOW_SECONDS}"
                    )));
                }
                decision("room.slow_mode", json!({"seconds": seconds}))
            }
            Action::ModMute { user_id, minutes } => {
                forbid_unless(is_mod, "mute people")?;
                target_participant(ctx, *user_id, "muted")?;
                if *minutes > MAX_MUTE_MINUTES {
                    return Err(WsError::invalid(format!(
                        "`minutes` must be 0 to {MAX_MUTE_MINUTES}"
                    )));
                }
                let until = (*minutes > 0).then(|| {
                    (now + Duration::minutes((*minutes).into()))
                        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
                });
                decision("user.muted", json!({"user_id": user_id, "until": until}))
            }
            Action::ModKick { user_id } => {
                forbid_unless(is_mod, "remove people")?;
                if *user_id == me {
                    return Err(WsError::invalid("you cannot remove yourself"));
                }
                target_participant(ctx, *user_id, "removed")?;
                if self.kicked.contains(user_id) {
                    return Err(WsError::new(
                        ErrorCode::Conflict,
                        "this user is already removed",
                    ));
                }
                decision("user.kicked", json!({"user_id": user_id}))
            }
            Action::ModUnkick { user_id } => {
                forbid_unless(is_mod, "let people back in")?;
                if !self.kicked.contains(user_id) {
                    return Err(WsError::not_found("removed user"));
                }
                decision("user.unkicked", json!({"user_id": user_id}))
            }
        }
    }

    fn question(&self, id: i64, is_mod: bool) -> Result<&Question, WsError> {
        self.questions
            .get(&id)
            .filter(|q| is_mod || !q.hidden)
            .ok_or_else(|| WsError::not_found("question"))
    }

    fn idea(&self, id: i64) -> Result<&Idea, WsError> {
        self.ideas
            .get(&id)
            .ok_or_else(|| WsError::not_found("idea"))
    }

    /// Moves the state past `e`. Events at or below `applied_seq` were seen already.
    pub fn apply(&mut self, e: &Event) {
        if e.seq <= self.applied_seq {
            return;
        }
        self.applied_seq = e.seq;
        let me = e.actor.user_id;
        match e.kind.as_str() {
            "chat" => {
                self.last_chat.insert(me, e.at);
            }
            "reaction" => {
                if let (Some(t), Some(emoji)) = (e.field_i64("target_seq"), e.field_str("emoji")) {
                    let users = self.reactions.entry((t, emoji.to_owned())).or_default();
                    if e.field_bool("added") == Some(true) {
                        users.insert(me);
                    } else {
                        users.remove(&me);
                    }
                }
            }
            "hands" => {
                self.hands = e
                    .data
                    .get("queue")
                    .and_then(Value::as_array)
                    .map(|q| {
                        q.iter()
                            .filter_map(|h| {
                                Some(Hand {
                                    user_id: h.get("user_id")?.as_str()?.parse().ok()?,
                                    display_name: h.get("display_name")?.as_str()?.to_owned(),
                                    raised_at: h.get("raised_at")?.as_str()?.parse().ok()?,
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
            }
            "poll.created" => {
                let options = e
                    .data
                    .get("options")
                    .and_then(Value::as_array)
                    .map(|o| {
                        o.iter()
                            .filter_map(|s| s.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                self.polls.insert(
                    e.seq,
                    Poll {
                        id: e.seq,
                        question: e.field_str("question").unwrap_or_default().to_owned(),
                        options,
                        multiple: e.field_bool("multiple").unwrap_or(false),
                        hide_results: e.field_bool("hide_results").unwrap_or(false),
                        closed: false,
                        ballots: HashMap::new(),
                    },
                );
            }
            "poll.voted" => {
                let choices: Vec<usize> = e
                    .data
                    .pointer("/private/choices")
                    .and_then(Value::as_array)
                    .map(|c| {
                        c.iter()
                            .filter_map(|x| x.as_u64().map(|x| x as usize))
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(p) = e
                    .field_i64("poll_id")
                    .and_then(|id| self.polls.get_mut(&id))
                {
                    p.ballots.insert(me, choices);
                }
            }
            "poll.closed" => {
                if let Some(p) = e
                    .field_i64("poll_id")
                    .and_then(|id| self.polls.get_mut(&id))
                {
                    p.closed = true;
                }
            }
            "question.asked" => {
                self.questions.insert(
                    e.seq,
                    Question {
                        id: e.seq,
                        text: e.field_str("text").unwrap_or_default().to_owned(),
                        author: e.actor.clone(),
                        at: e.at,
                        upvoters: HashSet::new(),
                        answered: false,
                        pinned: false,
                        hidden: false,
                    },
                );
            }
            "question.upvoted" | "question.answered" | "question.pinned" | "question.hidden" => {
                let Some(q) = e
                    .field_i64("question_id")
                    .and_then(|id| self.questions.get_mut(&id))
                else {
                    return;
                };
                match e.kind.as_str() {
                    "question.upvoted" => {
                        if e.field_bool("upvoted") == Some(true) {
                            q.upvoters.insert(me);
                        } else {
                            q.upvoters.remove(&me);
                        }
                    }
                    "question.answered" => q.answered = e.field_bool("answered").unwrap_or(true),
                    "question.pinned" => q.pinned = e.field_bool("pinned").unwrap_or(true),
                    _ => q.hidden = e.field_bool("hidden").unwrap_or(true),
                }
            }
            "idea.added" => {
                self.ideas.insert(
                    e.seq,
                    Idea {
                        id: e.seq,
                        text: e.field_str("text").unwrap_or_default().to_owned(),
                        column: e.field_str("column").unwrap_or(DEFAULT_COLUMN).to_owned(),
                        author: e.actor.clone(),
                        dots: BTreeSet::new(),
                    },
                );
            }
            "idea.voted" | "idea.unvoted" | "idea.moved" => {
                let Some(i) = e
                    .field_i64("idea_id")
                    .and_then(|id| self.ideas.get_mut(&id))
                else {
                    return;
                };
                match e.kind.as_str() {
                    "idea.voted" => {
                        i.dots.insert(me);
                    }
                    "idea.unvoted" => {
                        i.dots.remove(&me);
                    }
                    _ => {
                        if let Some(c) = e.field_str("column") {
                            i.column = c.to_owned();
                        }
                    }
                }
            }
            "idea.removed" => {
                if let Some(id) = e.field_i64("idea_id") {
                    self.ideas.remove(&id);
                }
            }
            "room.locked" => self.locked = e.field_bool("locked").unwrap_or(false),
            "room.closed" => {
                self.closed = true;
                self.locked = true;
                self.hands.clear();
            }
            "room.slow_mode" => {
                self.slow_mode_seconds = e
                    .field_i64("seconds")
                    .and_then(|s| u32::try_from(s).ok())
                    .unwrap_or(0);
            }
            "user.muted" => {
                if let Some(u) = e.field_uuid("user_id") {
                    match e.field_str("until").and_then(|t| t.parse().ok()) {
                        Some(until) => {
                            self.muted.insert(u, until);
                        }
                        None => {
                            self.muted.remove(&u);
                        }
                    }
                }
            }
            "user.kicked" => {
                if let Some(u) = e.field_uuid("user_id") {
                    self.kicked.insert(u);
                    self.hands.retain(|h| h.user_id != u);
                }
            }
            "user.unkicked" => {
                if let Some(u) = e.field_uuid("user_id") {
                    self.kicked.remove(&u);
                }
            }
            _ => {}
        }
    }

    /// The `state` of a `welcome`, as `viewer` may see it.
    pub fn snapshot(&self, viewer: Uuid, is_mod: bool, dot_votes_per_user: u32) -> Value {
        let polls: Vec<Value> = self
            .polls
            .values()
            .map(|p| {
                let mut v = json!({
                    "poll_id": p.id, "question": p.question, "options": p.options,
                    "multiple": p.multiple, "hide_results": p.hide_results, "closed": p.closed,
                    "my_choices": p.ballots.get(&viewer),
                });
                if !p.hide_results || p.closed {
                    v["results"] = p.results();
                }
                v
            })
            .collect();
        let questions: Vec<Value> = self
            .questions
            .values()
            .filter(|q| is_mod || !q.hidden)
            .map(|q| {
                json!({
                    "question_id": q.id, "text": q.text,
                    "actor": {"user_id": q.author.user_id, "display_name": q.author.display_name},
                    "at": q.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                    "votes": q.upvoters.len(), "upvoted_by_me": q.upvoters.contains(&viewer),
                    "answered": q.answered, "pinned": q.pinned, "hidden": q.hidden,
                })
            })
            .collect();
        let ideas: Vec<Value> = self
            .ideas
            .values()
            .map(|i| {
                json!({
                    "idea_id": i.id, "text": i.text, "column": i.column,
                    "actor": {"user_id": i.author.user_id, "display_name": i.author.display_name},
                    "votes": i.dots.len(), "voted_by_me": i.dots.contains(&viewer),
                })
            })
            .collect();
        let used = self
            .ideas
            .values()
            .filter(|i| i.dots.contains(&viewer))
            .count();
        let now = Utc::now();
        json!({
            "hands": hands_json(&self.hands),
            "polls": polls,
            "questions": questions,
            "ideas": ideas,
            "locked": self.locked,
            "closed": self.closed,
            "slow_mode_seconds": self.slow_mode_seconds,
            "dot_votes_per_user": dot_votes_per_user,
            "my_dots_left": (dot_votes_per_user as usize).saturating_sub(used),
            "muted_until": self.muted.get(&viewer).filter(|u| **u > now)
                .map(|u| u.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)),
        })
    }
}

fn live_chat(ctx: &DecideCtx, seq: i64) -> Result<(Option<Uuid>, bool), WsError> {
    match ctx.chats.get(&seq) {
        Some(&(author, false)) => Ok((author, false)),
        _ => Err(WsError::not_found("message")),
    }
}

/// Mutes and kicks are for participants: moderators keep order, they are not kept in it.
fn target_participant(ctx: &DecideCtx, user: Uuid, what: &str) -> Result<(), WsError> {
    match ctx.people.get(&user) {
        None => Err(WsError::not_found("user")),
        Some(true) => Err(WsError::forbidden(format!("moderators cannot be {what}"))),
        Some(false) => Ok(()),
    }
}

/// The account a moderation action targets.
pub fn person_target(action: &Action) -> Option<Uuid> {
    match action {
        Action::ModKick { user_id } | Action::ModMute { user_id, .. } => Some(*user_id),
        _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;

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
            kind: d.kind.into(),
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
        let snap = s.snapshot(u.user_id, false, 3);
        assert!(snap["polls"][0].get("results").is_none());
        assert_eq!(snap["polls"][0]["my_choices"], json!([1]));
        let closed = run(&mut s, &m, true, Action::PollClose { poll_id: poll }, &ctx).unwrap();
        assert_eq!(
            closed.data["results"],
            json!({"counts": [0, 1], "voters": 1})
        );
        let snap = s.snapshot(u.user_id, false, 3);
        assert_eq!(snap["polls"][0]["results"]["counts"], json!([0, 1]));
    }
}
