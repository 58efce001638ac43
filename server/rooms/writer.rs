//! The writers: the only code that appends to room logs. Each instance runs a few writer
//! tasks, and every room is served by one of them (by hash), so one client's frames keep
//! their order. A writer takes everything queued (up to `MAX_BATCH` actions, across its
//! rooms) and stores it in one transaction: lock the rooms' rows (id order), catch the
//! rooms' state up with the log, decide each action, one multi-row INSERT, bump `last_seq`,
//! commit. Only then are senders acked and events delivered and announced with one NOTIFY:
//! an acked event is durable, and nobody hears of an event that is not. Under light load a
//! batch is one action and costs one commit; under heavy load the cost of a commit is shared.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::Utc;
use diesel_async::AsyncConnection;
use tokio::sync::mpsc;
use uuid::Uuid;

use super::hub::{HubInner, Outbox};
use super::protocol::payload::{ChatDeleted, ChatEdited, UserKicked, UserUnkicked};
use super::protocol::{Action, Actor, ErrorCode, Event, EventKind, Rendered, ServerMsg, WsError};
use super::repo::{self, EventRow};
use super::state::{DecideCtx, RoomState, chat_target, person_target};
use crate::error::AppError;

pub const MAX_BATCH: usize = 512;
/// Queued actions per writer before clients get `unavailable` (the server is saturated).
pub const QUEUE: usize = 8192;

pub struct Command {
    pub room: Uuid,
    pub actor: Actor,
    pub is_mod: bool,
    pub r#ref: Option<String>,
    pub action: Action,
    /// Where the ack or error goes (the sender's outbox).
    pub reply: Outbox,
}

pub enum WriterMsg {
    Command(Box<Command>),
    /// The room has no local sockets any more: forget its state.
    Evict(Uuid),
}

/// Per action, in order; and the new events per room.
type Written = (Vec<Outcome>, BTreeMap<Uuid, Vec<Event>>);

enum Outcome {
    Stored(i64),
    Duplicate(i64),
    Rejected(WsError),
}

pub fn ack_frame(r#ref: Option<&str>, seq: i64, duplicate: bool) -> String {
    ServerMsg::Ack {
        seq,
        r#ref,
        duplicate,
    }
    .to_text()
}

pub async fn run(hub: Arc<HubInner>, mut rx: mpsc::Receiver<WriterMsg>) {
    let mut states: HashMap<Uuid, RoomState> = HashMap::new();
    let mut batch: Vec<Command> = Vec::new();
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        while let Some(msg) = next.take() {
            match msg {
                WriterMsg::Command(c) => batch.push(*c),
                WriterMsg::Evict(room) => {
                    states.remove(&room);
                }
            }
            if batch.len() < MAX_BATCH {
                next = rx.try_recv().ok();
            }
        }
        if !batch.is_empty()
            && let Some(failed) = write_batch(&hub, &mut states, std::mem::take(&mut batch)).await
        {
            // One action the database refused must not cost the others theirs: store the
            // batch again one action at a time, so only the culprit is refused.
            for cmd in failed {
                // A batch of one answers for itself.
                write_batch(&hub, &mut states, vec![cmd]).await;
            }
        }
    }
}

fn refuse(cmds: &[Command]) {
    let err = WsError::new(
        ErrorCode::Unavailable,
        "the event could not be stored; send it again",
    );
    for c in cmds {
        c.reply.send_reply(err.frame(c.r#ref.as_deref()));
    }
}

/// Stores one batch and answers every action, except when a batch of several failed for a
/// reason one of them may have caused: those come back unanswered, to be stored singly.
async fn write_batch(
    hub: &HubInner,
    states: &mut HashMap<Uuid, RoomState>,
    cmds: Vec<Command>,
) -> Option<Vec<Command>> {
    let mut room_ids: Vec<Uuid> = cmds.iter().map(|c| c.room).collect();
    room_ids.sort_unstable();
    room_ids.dedup();
    let now = Utc::now();
    let result: Result<Written, AppError> = async {
        let mut conn = hub.pool.get().await?;
        // A room this writer has not seen: fold its log before taking any lock, so other
        // rooms of the batch (on every instance) do not wait for it; under the lock only
        // what was written meanwhile is read.
        for id in room_ids.iter() {
            if !states.contains_key(id) {
                states.insert(*id, repo::load_state(&mut conn, *id).await?);
            }
        }
        let cmds = &cmds;
        let states = &mut *states;
        let room_ids = &room_ids;
        conn.transaction::<_, AppError, _>(async move |conn| {
            let locked = repo::lock_rooms(conn, room_ids).await?;
            let mut next_seq: HashMap<Uuid, i64> = HashMap::new();
            let mut dots: HashMap<Uuid, u32> = HashMap::new();
            for (id, last, dot_budget) in locked {
                next_seq.insert(id, last);
                dots.insert(id, u32::try_from(dot_budget).unwrap_or(0));
                catch_up(conn, states, id, last).await?;
            }
            let ref_keys: Vec<(Uuid, Uuid, String)> = cmds
                .iter()
                .filter_map(|c| Some((c.room, c.actor.user_id, c.r#ref.clone()?)))
                .collect();
            let mut refs = repo::existing_refs(conn, &ref_keys).await?;
            let chat_keys: Vec<(Uuid, i64)> = cmds
                .iter()
                .filter_map(|c| Some((c.room, chat_target(&c.action)?)))
                .collect();
            let mut chats = repo::chat_targets(conn, &chat_keys).await?;
            let person_keys: Vec<(Uuid, Uuid)> = cmds
                .iter()
                .filter_map(|c| Some((c.room, person_target(&c.action)?)))
                .collect();
            let people = repo::person_targets(conn, &person_keys).await?;
            let doc_keys: Vec<(Uuid, Uuid)> = cmds
                .iter()
                .filter_map(|c| match &c.action {
                    Action::ChatSend {
                        document_id: Some(d),
                        ..
                    } => Some((c.room, *d)),
                    _ => None,
                })
                .collect();
            let documents = repo::document_targets(conn, &doc_keys).await?;

            let mut outcomes = Vec::with_capacity(cmds.len());
            let mut events: BTreeMap<Uuid, Vec<Event>> = BTreeMap::new();
            for c in cmds {
                let Some(last) = next_seq.get_mut(&c.room) else {
                    outcomes.push(Outcome::Rejected(WsError::not_found("room")));
                    continue;
                };
                let key = c.r#ref.clone().map(|r| (c.room, c.actor.user_id, r));
                if let Some(seq) = key.as_ref().and_then(|k| refs.get(k)) {
                    outcomes.push(Outcome::Duplicate(*seq));
                    continue;
                }
                let state = states.get_mut(&c.room).expect("caught up above");
                let ctx = DecideCtx {
                    dot_votes_per_user: dots.get(&c.room).copied().unwrap_or(0),
                    chats: chat_target(&c.action)
                        .and_then(|t| Some((t, *chats.get(&(c.room, t))?)))
                        .into_iter()
                        .collect(),
                    people: person_target(&c.action)
                        .and_then(|u| Some((u, *people.get(&(c.room, u))?)))
                        .into_iter()
                        .collect(),
                    documents: match &c.action {
                        Action::ChatSend {
                            document_id: Some(d),
                            ..
                        } => documents
                            .get(&(c.room, *d))
                            .map(|doc| (*d, doc.clone()))
                            .into_iter()
                            .collect(),
                        _ => HashMap::new(),
                    },
                };
                let seq = *last + 1;
                match state.decide(&c.actor, c.is_mod, &c.action, &ctx, seq, now) {
                    Ok(d) => {
                        *last = seq;
                        let e = Event {
                            seq,
                            kind: d.kind,
                            actor: c.actor.clone(),
                            r#ref: c.r#ref.clone(),
                            data: d.data,
                            at: now,
                        };
                        state.apply(&e);
                        if let Some(k) = key {
                            refs.insert(k, seq);
                        }
                        // Later actions of this batch must see this deletion too.
                        if let Some(d) = e.payload::<ChatDeleted>()
                            && let Some(chat) = chats.get_mut(&(c.room, d.target_seq))
                        {
                            chat.1 = true;
                        }
                        outcomes.push(Outcome::Stored(seq));
                        events.entry(c.room).or_default().push(e);
                    }
                    Err(err) => outcomes.push(Outcome::Rejected(err)),
                }
            }
            if !events.is_empty() {
                let rows: Vec<EventRow> = events
                    .iter()
                    .flat_map(|(room, es)| es.iter().map(|e| EventRow::new(*room, e)))
                    .collect();
                repo::insert_events(conn, &rows).await?;
                let lasts: Vec<(Uuid, i64)> = events
                    .iter()
                    .map(|(room, es)| (*room, es.last().expect("non-empty").seq))
                    .collect();
                repo::set_last_seqs(conn, &lasts).await?;
                for (room, es) in &events {
                    for e in es {
                        match e.kind {
                            EventKind::ChatEdited => {
                                if let Some(d) = e.payload::<ChatEdited>() {
                                    repo::rewrite_chat(conn, *room, d.target_seq, d.text.as_deref())
                                        .await?
                                }
                            }
                            EventKind::ChatDeleted => {
                                if let Some(d) = e.payload::<ChatDeleted>() {
                                    repo::rewrite_chat(conn, *room, d.target_seq, None).await?
                                }
                            }
                            EventKind::UserKicked => {
                                if let Some(k) = e.payload::<UserKicked>() {
                                    repo::set_banned(conn, *room, k.user_id, true).await?
                                }
                            }
                            EventKind::UserUnkicked => {
                                if let Some(u) = e.payload::<UserUnkicked>() {
                                    repo::set_banned(conn, *room, u.user_id, false).await?
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            Ok((outcomes, events))
        })
        .await
    }
    .await;

    match result {
        Ok((outcomes, events)) => {
            for (c, outcome) in cmds.iter().zip(outcomes) {
                let frame = match outcome {
                    Outcome::Stored(seq) => ack_frame(c.r#ref.as_deref(), seq, false),
                    Outcome::Duplicate(seq) => ack_frame(c.r#ref.as_deref(), seq, true),
                    Outcome::Rejected(e) => e.frame(c.r#ref.as_deref()),
                };
                c.reply.send_reply(frame);
            }
            hub.metrics_events(events.values().map(Vec::len).sum());
            for (room, es) in events {
                let (from, to) = (es[0].seq, es[es.len() - 1].seq);
                let rendered: Vec<Rendered> = es.into_iter().map(Rendered::new).collect();
                hub.deliver_local(room, rendered);
                hub.announce(room, from, to);
            }
        }
        Err(e) => {
            // The states may hold events that were rolled back: reload them next time.
            for id in &room_ids {
                states.remove(id);
            }
            tracing::error!(error = %e, actions = cmds.len(), "storing room events failed");
            // With the database away, retrying one by one would only multiply the wait.
            if matches!(e, AppError::Unavailable(_)) || cmds.len() == 1 {
                refuse(&cmds);
                return None;
            }
            return Some(cmds);
        }
    }
    None
}

/// Brings the writer's state of `room` up to `last` (events other instances wrote).
async fn catch_up(
    conn: &mut diesel_async::AsyncPgConnection,
    states: &mut HashMap<Uuid, RoomState>,
    room: Uuid,
    last: i64,
) -> Result<(), AppError> {
    let behind = states.get(&room).map(|s| s.applied_seq);
    match behind {
        Some(applied) if applied == last => {}
        Some(applied) if applied < last && last - applied <= 10_000 => {
            let state = states.get_mut(&room).expect("present");
            repo::events_all(conn, room, applied, last, |e| state.apply(&e)).await?;
        }
        _ => {
            states.insert(room, repo::load_state(conn, room).await?);
        }
    }
    Ok(())
}
