//! The per-instance hub: one task per active room (its "actor") that owns the room's local
//! sockets, its presence and its view of the state, and delivers the log to them in seq
//! order with no gap and no duplicate, whichever instance wrote the events.
//!
//! Local batches come straight from the writers; other instances' batches are announced by
//! NOTIFY and read from the log. An actor delivers only the next contiguous seq and buffers
//! what is ahead; a gap that stays open (a lost notification, a listener that reconnected)
//! is read from the log. Resume (`after_seq`) uses the same log reads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytestring::ByteString;
use diesel_async::AsyncPgConnection;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::{Notify, mpsc, oneshot};
use tokio::time::Instant;
use uuid::Uuid;

use super::protocol::payload::{PollClosed, PollVoted, UserKicked};
use super::protocol::{
    Actor, EventKind, MAX_RESUME_EVENTS, Person, PresenceChange, Rendered, RoomSummary, ServerMsg,
    WsError, You, close,
};
use super::repo;
use super::state::RoomState;
use super::writer::{self, Command, WriterMsg};
use crate::db::DbPool;
use crate::metrics::Metrics;
use crate::pubsub::{Delivery, PubSub, Topic};

/// Frames queued for one socket before it counts as not reading (closed with 4008).
pub const OUTBOX_FRAMES: usize = 1024;
const WRITERS: usize = 4;
/// How long a gap in the seq order may stay open before the actor reads it from the log.
const GAP_WAIT: Duration = Duration::from_millis(20);
/// Coalescing window for `poll.results`.
const RESULTS_EVERY: Duration = Duration::from_millis(250);
/// An actor with no sockets lingers this long (a page reload should not reload the state).
const IDLE_ROOM: Duration = Duration::from_secs(30);
const SAFETY_EVERY: Duration = Duration::from_secs(5);

/// A socket's queue of outgoing frames, and the switch that closes it from outside.
#[derive(Clone)]
pub struct Outbox {
    pub tx: mpsc::Sender<ByteString>,
    pub kill: Arc<Kill>,
}

impl Outbox {
    /// For acks and errors: a full queue means the client is not reading, and closing it
    /// is the answer to that.
    pub fn send_reply(&self, frame: String) {
        if let Err(mpsc::error::TrySendError::Full(_)) = self.tx.try_send(frame.into()) {
            self.kill.fire(close::TOO_SLOW);
        }
    }
}

/// Closes a session with a code, even while its outbox is full.
#[derive(Default)]
pub struct Kill {
    code: AtomicU16,
    notify: Notify,
}

impl Kill {
    pub fn fire(&self, code: u16) {
        if self
            .code
            .compare_exchange(0, code, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            self.notify.notify_one();
        }
    }
    pub async fn fired(&self) -> u16 {
        self.notify.notified().await;
        self.code.load(Ordering::Acquire)
    }
}

#[derive(Clone)]
pub struct SessionHandle {
    pub id: u64,
    pub user: Actor,
    pub outbox: Outbox,
}

#[derive(Clone)]
pub struct Join {
    pub session: SessionHandle,
    pub is_mod: bool,
    pub after_seq: Option<i64>,
    pub room: RoomSummary,
    pub dot_votes_per_user: u32,
}

type JoinReply = oneshot::Sender<Result<(), WsError>>;

enum ActorMsg {
    Join(Box<Join>, JoinReply),
    /// Another instance's presence in this room changed.
    Presence,
    Leave(u64),
    Local(Vec<Rendered>),
    Remote {
        from: i64,
        to: i64,
    },
    CatchUp,
    /// Our presence rows were lost: write them again.
    Reannounce,
    Shutdown,
}

/// A user's first socket in a room on this instance opened, or the last one closed.
struct PresenceOp {
    room: Uuid,
    user: Uuid,
    name: String,
    present: bool,
}

pub struct HubInner {
    pub pool: DbPool,
    /// This process, in `server_instances` (presence rows are per instance).
    instance: Uuid,
    presence_tx: mpsc::UnboundedSender<PresenceOp>,
    rooms: Mutex<HashMap<Uuid, mpsc::UnboundedSender<ActorMsg>>>,
    writers: Vec<mpsc::Sender<WriterMsg>>,
    announcer: mpsc::UnboundedSender<(Uuid, i64, i64)>,
    limiter: Option<DefaultKeyedRateLimiter<Uuid>>,
    spawner: tokio::runtime::Handle,
    next_session: AtomicU64,
    metrics: Arc<Metrics>,
    shutting_down: std::sync::atomic::AtomicBool,
    pubsub: PubSub,
}

#[derive(Clone)]
pub struct Hub(pub Arc<HubInner>);

impl Hub {
    /// Starts the writers and the NOTIFY sender on the current runtime, and subscribes to
    /// the other instances' log and presence announcements.
    pub fn start(
        pool: DbPool,
        pubsub: &PubSub,
        config: &crate::settings::RoomSettings,
        metrics: Arc<Metrics>,
    ) -> Self {
        let (announcer, announce_rx) = mpsc::unbounded_channel();
        let (presence_tx, presence_rx) = mpsc::unbounded_channel();
        let instance = Uuid::now_v7();
        let mut writer_rxs = Vec::new();
        let mut writers = Vec::new();
        for _ in 0..WRITERS {
            let (tx, rx) = mpsc::channel(writer::QUEUE);
            writers.push(tx);
            writer_rxs.push(rx);
        }
        let limiter = NonZeroU32::new(config.rate_per_second).map(|rate| {
            let burst = NonZeroU32::new(config.burst).unwrap_or(rate);
            RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        });
        let inner = Arc::new(HubInner {
            pool: pool.clone(),
            instance,
            presence_tx,
            rooms: Mutex::new(HashMap::new()),
            writers,
            announcer,
            limiter,
            spawner: tokio::runtime::Handle::current(),
            next_session: AtomicU64::new(1),
            metrics,
            shutting_down: false.into(),
            pubsub: pubsub.clone(),
        });
        for rx in writer_rxs {
            tokio::spawn(writer::run(inner.clone(), rx));
        }
        tokio::spawn(announce(pubsub.clone(), announce_rx));
        subscribe(&inner, pubsub);
        tokio::spawn(presence(
            pool,
            pubsub.clone(),
            instance,
            presence_rx,
            Arc::downgrade(&inner),
        ));
        let weak = Arc::downgrade(&inner);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(hub) = weak.upgrade() else { break };
                if let Some(l) = &hub.limiter {
                    l.retain_recent();
                    l.shrink_to_fit();
                }
            }
        });
        Self(inner)
    }

    /// Delivers events that were stored outside the writers (by another domain, in its own
    /// transaction, after it committed) to this instance's sockets and to the others.
    pub fn publish(&self, room: Uuid, events: Vec<super::protocol::Event>) {
        let (Some(from), Some(to)) = (events.first().map(|e| e.seq), events.last().map(|e| e.seq))
        else {
            return;
        };
        self.0.metrics_events(events.len());
        self.0
            .deliver_local(room, events.into_iter().map(Rendered::new).collect());
        self.0.announce(room, from, to);
    }

    pub fn next_session_id(&self) -> u64 {
        self.0.next_session.fetch_add(1, Ordering::Relaxed)
    }

    /// `false` when the user is over their frame budget.
    pub fn allow_frame(&self, user: Uuid) -> bool {
        self.0
            .limiter
            .as_ref()
            .is_none_or(|l| l.check_key(&user).is_ok())
    }

    pub fn submit(&self, cmd: Command) -> Result<(), WsError> {
        let w = &self.0.writers[writer_index(cmd.room, self.0.writers.len())];
        w.try_send(WriterMsg::Command(Box::new(cmd))).map_err(|_| {
            WsError::new(
                super::protocol::ErrorCode::Unavailable,
                "the server is saturated; send it again shortly",
            )
        })
    }

    /// Adds a session to the room; its outbox receives `welcome` (and the resumed events)
    /// before this returns.
    pub async fn join(&self, room: Uuid, join: Join) -> Result<(), WsError> {
        if self.is_shutting_down() {
            return Err(WsError::new(
                super::protocol::ErrorCode::Unavailable,
                "the server is restarting; connect again",
            ));
        }
        // An actor that went idle and exited as we sent drops our message (the send fails,
        // or the reply is dropped unanswered): try again with a fresh one.
        for _ in 0..5 {
            let (reply, rx) = oneshot::channel();
            let tx = self.0.actor(room);
            if tx
                .send(ActorMsg::Join(Box::new(join.clone()), reply))
                .is_ok()
                && let Ok(result) = rx.await
            {
                return result;
            }
            self.0.forget(room, &tx);
        }
        Err(WsError::new(
            super::protocol::ErrorCode::Unavailable,
            "the room is restarting; connect again",
        ))
    }

    pub fn leave(&self, room: Uuid, session: u64) {
        let tx = self.0.rooms.lock().expect("rooms lock").get(&room).cloned();
        if let Some(tx) = tx {
            let _ = tx.send(ActorMsg::Leave(session));
        }
    }

    /// SIGTERM: every socket is closed with 1012 so clients reconnect and resume, and the
    /// other instances learn at once that our users left.
    pub async fn shutdown(&self) {
        self.0.shutting_down.store(true, Ordering::Release);
        let rooms: Vec<Uuid> = {
            let rooms = self.0.rooms.lock().expect("rooms lock");
            for tx in rooms.values() {
                let _ = tx.send(ActorMsg::Shutdown);
            }
            rooms.keys().copied().collect()
        };
        let pool = self.0.pool.clone();
        let pubsub = self.0.pubsub.clone();
        let instance = self.0.instance;
        let leave = async move {
            let mut c = pool.get().await.ok()?;
            repo::leave_all(&mut c, instance).await.ok()?;
            presence_changed(&pubsub, &mut c, &rooms, instance).await;
            Some(())
        };
        let _ = tokio::time::timeout(Duration::from_secs(2), leave).await;
    }

    pub fn is_shutting_down(&self) -> bool {
        self.0.shutting_down.load(Ordering::Acquire)
    }
}

fn writer_index(room: Uuid, n: usize) -> usize {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    room.hash(&mut h);
    (h.finish() as usize) % n
}

impl HubInner {
    fn actor(self: &Arc<Self>, room: Uuid) -> mpsc::UnboundedSender<ActorMsg> {
        let mut rooms = self.rooms.lock().expect("rooms lock");
        if let Some(tx) = rooms.get(&room)
            && !tx.is_closed()
        {
            return tx.clone();
        }
        let (tx, rx) = mpsc::unbounded_channel();
        rooms.insert(room, tx.clone());
        self.spawner.spawn(run_actor(self.clone(), room, rx));
        tx
    }

    fn forget(&self, room: Uuid, stale: &mpsc::UnboundedSender<ActorMsg>) {
        let mut rooms = self.rooms.lock().expect("rooms lock");
        if rooms.get(&room).is_some_and(|tx| tx.same_channel(stale)) {
            rooms.remove(&room);
        }
    }

    pub fn deliver_local(&self, room: Uuid, events: Vec<Rendered>) {
        let tx = self.rooms.lock().expect("rooms lock").get(&room).cloned();
        if let Some(tx) = tx {
            let _ = tx.send(ActorMsg::Local(events));
        }
    }

    pub fn announce(&self, room: Uuid, from: i64, to: i64) {
        let _ = self.announcer.send((room, from, to));
    }

    pub fn metrics_events(&self, n: usize) {
        self.metrics.room_events.inc_by(n as u64);
    }

    fn remote(&self, room: Uuid, from: i64, to: i64) {
        let tx = self.rooms.lock().expect("rooms lock").get(&room).cloned();
        if let Some(tx) = tx {
            let _ = tx.send(ActorMsg::Remote { from, to });
        }
    }

    fn presence_changed(&self, room: Uuid) {
        let tx = self.rooms.lock().expect("rooms lock").get(&room).cloned();
        if let Some(tx) = tx {
            let _ = tx.send(ActorMsg::Presence);
        }
    }

    fn reannounce_all(&self) {
        for tx in self.rooms.lock().expect("rooms lock").values() {
            let _ = tx.send(ActorMsg::Reannounce);
        }
    }

    fn catch_up_all(&self) {
        for tx in self.rooms.lock().expect("rooms lock").values() {
            let _ = tx.send(ActorMsg::CatchUp);
        }
    }
}

struct Member {
    name: String,
    sockets: u32,
}

struct RoomActor {
    hub: Arc<HubInner>,
    room: Uuid,
    sessions: Vec<SessionHandle>,
    present: HashMap<Uuid, Member>,
    /// Users in the room through other instances only as far as they are not also here.
    remote: HashMap<Uuid, String>,
    delivered: i64,
    pending: BTreeMap<i64, Rendered>,
    gap_since: Option<Instant>,
    view: RoomState,
    dirty_polls: HashSet<i64>,
    /// After SIGTERM: no new sockets.
    shut_down: bool,
    gap_backoff: Duration,
}

async fn run_actor(hub: Arc<HubInner>, room: Uuid, mut rx: mpsc::UnboundedReceiver<ActorMsg>) {
    let view = loop {
        match load_view(&hub.pool, room).await {
            Ok(v) => break v,
            Err(e) => {
                tracing::warn!(%room, error = %e, "loading room state failed; retrying");
                if hub.shutting_down.load(Ordering::Acquire) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    };
    let mut actor = RoomActor {
        hub: hub.clone(),
        room,
        sessions: Vec::new(),
        present: HashMap::new(),
        remote: HashMap::new(),
        delivered: view.applied_seq,
        pending: BTreeMap::new(),
        gap_since: None,
        view,
        dirty_polls: HashSet::new(),
        shut_down: false,
        gap_backoff: GAP_WAIT,
    };
    actor.refresh_remote().await;
    let mut idle_since = Some(Instant::now());
    // A safety net for a NOTIFY that never came (its sender failed to send it): a quiet
    // room would otherwise not notice the missing events until its next one.
    let mut safety = tokio::time::interval_at(Instant::now() + SAFETY_EVERY, SAFETY_EVERY);
    let mut results_tick = tokio::time::interval(RESULTS_EVERY);
    results_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let gap_deadline = actor.gap_since.map(|t| t + GAP_WAIT);
        let idle_deadline = idle_since.map(|t| t + IDLE_ROOM);
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { break };
                actor.handle(msg).await;
            }
            _ = sleep_until(gap_deadline) => actor.fill_gap().await,
            _ = results_tick.tick(), if !actor.dirty_polls.is_empty() => actor.send_results(),
            _ = safety.tick(), if !actor.sessions.is_empty() => {
                actor.handle(ActorMsg::CatchUp).await;
            }
            _ = sleep_until(idle_deadline) => {
                // Leave only if nobody is about to join: new messages are handled first.
                let mut rooms = hub.rooms.lock().expect("rooms lock");
                if rx.is_empty() && actor.sessions.is_empty() {
                    rooms.remove(&room);
                    drop(rooms);
                    break;
                }
            }
        }
        idle_since = match (actor.sessions.is_empty(), idle_since) {
            (true, None) => Some(Instant::now()),
            (true, since) => since,
            (false, _) => None,
        };
    }
    if let Some(w) = hub.writers.get(writer_index(room, hub.writers.len())) {
        let _ = w.try_send(WriterMsg::Evict(room));
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

async fn load_view(pool: &DbPool, room: Uuid) -> anyhow::Result<RoomState> {
    let mut conn = pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    // One snapshot, so last_seq and the events agree.
    Ok(conn
        .build_transaction()
        .repeatable_read()
        .read_only()
        .run::<_, diesel::result::Error, _>(async |c| repo::load_state(c, room).await)
        .await?)
}

impl RoomActor {
    async fn handle(&mut self, msg: ActorMsg) {
        match msg {
            ActorMsg::Join(j, reply) => {
                let result = if self.shut_down {
                    Err(WsError::new(
                        super::protocol::ErrorCode::Unavailable,
                        "the server is restarting; connect again",
                    ))
                } else {
                    self.join(*j).await
                };
                let _ = reply.send(result);
            }
            ActorMsg::Leave(id) => self.remove(id, None),
            ActorMsg::Presence => self.refresh_remote().await,
            ActorMsg::Local(events) => {
                for e in events {
                    if e.event.seq > self.delivered {
                        self.pending.insert(e.event.seq, e);
                    }
                }
                self.drain();
            }
            ActorMsg::Remote { from, to } => {
                if to > self.delivered
                    && (from.max(self.delivered + 1)..=to).any(|s| !self.pending.contains_key(&s))
                {
                    self.read_log(from.max(self.delivered + 1) - 1, to).await;
                }
            }
            ActorMsg::Reannounce => {
                for (user, m) in &self.present {
                    let _ = self.hub.presence_tx.send(PresenceOp {
                        room: self.room,
                        user: *user,
                        name: m.name.clone(),
                        present: true,
                    });
                }
            }
            ActorMsg::CatchUp => {
                self.refresh_remote().await;
                let last = match self.hub.pool.get().await {
                    Ok(mut c) => repo::last_seq(&mut c, self.room).await.ok().flatten(),
                    Err(_) => None,
                };
                if let Some(last) = last.filter(|l| *l > self.delivered) {
                    self.read_log(self.delivered, last).await;
                }
            }
            ActorMsg::Shutdown => {
                self.shut_down = true;
                for s in std::mem::take(&mut self.sessions) {
                    s.outbox.kill.fire(close::RESTART);
                }
                for (user, m) in self.present.drain() {
                    let _ = self.hub.presence_tx.send(PresenceOp {
                        room: self.room,
                        user,
                        name: m.name,
                        present: false,
                    });
                }
            }
        }
    }

    /// Reads `after < seq <= upto` from the log into `pending` and delivers what it can,
    /// a page at a time (a long outage must not load the whole backlog at once).
    async fn read_log(&mut self, mut after: i64, upto: i64) {
        const PAGE: i64 = 2000;
        while after < upto {
            let events = match self.hub.pool.get().await {
                Ok(mut c) => repo::events(&mut c, self.room, after, upto, PAGE)
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            let events = match events {
                Ok(events) => events,
                Err(e) => {
                    tracing::warn!(room = %self.room, error = %e, "reading the room log failed");
                    return;
                }
            };
            let Some(last) = events.last().map(|e| e.seq) else {
                return;
            };
            after = last;
            for e in events {
                if e.seq > self.delivered {
                    self.pending
                        .entry(e.seq)
                        .or_insert_with(|| Rendered::new(e));
                }
            }
            self.drain();
        }
    }

    async fn fill_gap(&mut self) {
        if let Some((&first, _)) = self.pending.first_key_value() {
            self.read_log(self.delivered, first - 1).await;
        }
        // Still open (the read failed, the database is away): wait longer each time.
        if self.pending.is_empty() {
            self.gap_backoff = GAP_WAIT;
        } else {
            self.gap_backoff = (self.gap_backoff * 2).min(Duration::from_secs(5));
            self.gap_since = Some(Instant::now() + self.gap_backoff - GAP_WAIT);
        }
    }

    /// Delivers every contiguous pending event.
    fn drain(&mut self) {
        while let Some(e) = self.pending.remove(&(self.delivered + 1)) {
            self.delivered = e.event.seq;
            self.view.apply(&e.event);
            self.fan_out(&e.json);
            self.after_delivery(&e);
        }
        self.gap_since = if self.pending.is_empty() {
            None
        } else {
            self.gap_since.or(Some(Instant::now()))
        };
    }

    fn after_delivery(&mut self, e: &Rendered) {
        match e.event.kind {
            EventKind::PollVoted => {
                if let Some(v) = e.event.payload::<PollVoted>() {
                    self.dirty_polls.insert(v.poll_id);
                }
            }
            EventKind::PollClosed => {
                if let Some(c) = e.event.payload::<PollClosed>() {
                    self.dirty_polls.remove(&c.poll_id);
                }
            }
            EventKind::UserKicked => {
                if let Some(UserKicked { user_id: user }) = e.event.payload() {
                    let ids: Vec<u64> = self
                        .sessions
                        .iter()
                        .filter(|s| s.user.user_id == user)
                        .map(|s| s.id)
                        .collect();
                    for id in ids {
                        self.remove(id, Some(close::KICKED));
                    }
                }
            }
            _ => {}
        }
    }

    fn send_results(&mut self) {
        for id in std::mem::take(&mut self.dirty_polls) {
            if let Some(p) = self.view.polls.get(&id)
                && !p.hide_results
                && !p.closed
            {
                let frame = ServerMsg::PollResults {
                    poll_id: id,
                    results: p.results(),
                };
                self.fan_out(&ByteString::from(frame.to_text()));
            }
        }
    }

    fn fan_out(&mut self, frame: &ByteString) {
        let mut slow = Vec::new();
        for s in &self.sessions {
            match s.outbox.tx.try_send(frame.clone()) {
                Ok(()) => {}
                Err(mpsc::error::TrySendError::Full(_)) => slow.push((s.id, close::TOO_SLOW)),
                Err(mpsc::error::TrySendError::Closed(_)) => slow.push((s.id, 0)),
            }
        }
        for (id, code) in slow {
            self.remove(id, (code != 0).then_some(code));
        }
    }

    async fn join(&mut self, j: Join) -> Result<(), WsError> {
        let user = j.session.user.clone();
        // The client saw more than this instance has delivered (it resumes here after
        // another instance): catch up first, or it would get those events twice.
        if let Some(after) = j.after_seq.filter(|a| *a > self.delivered) {
            self.read_log(self.delivered, after).await;
        }
        if self.view.kicked.contains(&user.user_id) {
            return Err(WsError::forbidden("you were removed from this room"));
        }
        let outbox = j.session.outbox.clone();
        let first_socket = match self.present.get_mut(&user.user_id) {
            Some(m) => {
                m.sockets += 1;
                false
            }
            None => {
                self.present.insert(
                    user.user_id,
                    Member {
                        name: user.display_name.clone(),
                        sockets: 1,
                    },
                );
                true
            }
        };
        if first_socket {
            let _ = self.hub.presence_tx.send(PresenceOp {
                room: self.room,
                user: user.user_id,
                name: user.display_name.clone(),
                present: true,
            });
            if !self.remote.contains_key(&user.user_id) {
                self.announce_presence(PresenceChange::Joined, user.user_id, &user.display_name);
            }
        }
        self.sessions.push(j.session);
        let mut present: Vec<Person> = self
            .present
            .iter()
            .map(|(id, m)| Person {
                user_id: *id,
                display_name: m.name.clone(),
            })
            .collect();
        present.extend(
            self.remote
                .iter()
                .filter(|(id, _)| !self.present.contains_key(*id))
                .map(|(id, name)| Person {
                    user_id: *id,
                    display_name: name.clone(),
                }),
        );
        let welcome = ServerMsg::Welcome {
            room: &j.room,
            you: You {
                user_id: user.user_id,
                display_name: user.display_name.clone(),
                is_moderator: j.is_mod,
            },
            last_seq: self.delivered,
            present,
            state: self
                .view
                .snapshot(user.user_id, j.is_mod, j.dot_votes_per_user),
        };
        let _ = outbox.tx.try_send(welcome.to_text().into());
        if let Some(after) = j.after_seq.filter(|a| *a < self.delivered) {
            if self.delivered - after > MAX_RESUME_EVENTS {
                let frame = ServerMsg::ResyncRequired {
                    last_seq: self.delivered,
                    message: format!(
                        "more than {MAX_RESUME_EVENTS} events were missed; \
                         load them with GET /api/v1/rooms/{}/events",
                        self.room
                    ),
                };
                let _ = outbox.tx.try_send(frame.to_text().into());
            } else {
                let events = match self.hub.pool.get().await {
                    Ok(mut c) => {
                        repo::events(&mut c, self.room, after, self.delivered, MAX_RESUME_EVENTS)
                            .await
                            .map_err(|e| e.to_string())
                    }
                    Err(e) => Err(e.to_string()),
                };
                let hidden: HashSet<i64> = if j.is_mod {
                    HashSet::new()
                } else {
                    self.view
                        .questions
                        .values()
                        .filter(|q| q.hidden)
                        .map(|q| q.id)
                        .collect()
                };
                match events {
                    Ok(events) => {
                        for e in events {
                            let frame = if hidden.is_empty() {
                                Rendered::new(e).json
                            } else {
                                let mut v = e.render();
                                super::service::redact_hidden(&mut v, &hidden);
                                v.to_string().into()
                            };
                            if outbox.tx.try_send(frame).is_err() {
                                outbox.kill.fire(close::TOO_SLOW);
                                break;
                            }
                        }
                    }
                    Err(e) => {
                        tracing::warn!(room = %self.room, error = %e, "resume read failed");
                        let frame = ServerMsg::ResyncRequired {
                            last_seq: self.delivered,
                            message: "the missed events could not be read; load them over REST"
                                .to_owned(),
                        };
                        let _ = outbox.tx.try_send(frame.to_text().into());
                    }
                }
            }
        }
        Ok(())
    }

    /// Every way out of the room ends here: presence and the socket list stay exact.
    fn remove(&mut self, id: u64, close_with: Option<u16>) {
        let Some(pos) = self.sessions.iter().position(|s| s.id == id) else {
            return;
        };
        let s = self.sessions.swap_remove(pos);
        if let Some(code) = close_with {
            s.outbox.kill.fire(code);
        }
        let user = s.user.user_id;
        let gone = match self.present.get_mut(&user) {
            Some(m) if m.sockets > 1 => {
                m.sockets -= 1;
                false
            }
            Some(_) => {
                self.present.remove(&user);
                true
            }
            None => false,
        };
        if gone {
            let _ = self.hub.presence_tx.send(PresenceOp {
                room: self.room,
                user,
                name: s.user.display_name.clone(),
                present: false,
            });
            if !self.remote.contains_key(&user) {
                self.announce_presence(PresenceChange::Left, user, &s.user.display_name);
            }
        }
    }

    /// Distinct users in the room, on every instance.
    fn head_count(&self) -> usize {
        self.present.len()
            + self
                .remote
                .keys()
                .filter(|u| !self.present.contains_key(*u))
                .count()
    }

    fn announce_presence(&mut self, change: fn(Person) -> PresenceChange, user: Uuid, name: &str) {
        let frame = ServerMsg::Presence {
            change: change(Person {
                user_id: user,
                display_name: name.to_owned(),
            }),
            count: self.head_count(),
        };
        self.fan_out(&ByteString::from(frame.to_text()));
    }

    /// Re-reads who is here through other instances and announces the difference.
    async fn refresh_remote(&mut self) {
        let rows = match self.hub.pool.get().await {
            Ok(mut c) => repo::remote_presence(&mut c, self.room, self.hub.instance)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let fresh: HashMap<Uuid, String> = match rows {
            Ok(rows) => rows.into_iter().collect(),
            Err(e) => {
                tracing::warn!(room = %self.room, error = %e, "reading presence failed");
                return;
            }
        };
        let old = std::mem::replace(&mut self.remote, fresh);
        let joined: Vec<(Uuid, String)> = self
            .remote
            .iter()
            .filter(|(u, _)| !old.contains_key(*u) && !self.present.contains_key(*u))
            .map(|(u, n)| (*u, n.clone()))
            .collect();
        for (u, n) in joined {
            self.announce_presence(PresenceChange::Joined, u, &n);
        }
        for (u, n) in old {
            if !self.remote.contains_key(&u) && !self.present.contains_key(&u) {
                self.announce_presence(PresenceChange::Left, u, &n);
            }
        }
    }
}

/// Sends one NOTIFY per burst of committed batches, outside every writing transaction
/// (a NOTIFY inside one serializes all commits).
async fn announce(pubsub: PubSub, mut rx: mpsc::UnboundedReceiver<(Uuid, i64, i64)>) {
    let mut ranges: BTreeMap<Uuid, (i64, i64)> = BTreeMap::new();
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        while let Some((room, from, to)) = next.take() {
            let r = ranges.entry(room).or_insert((from, to));
            r.0 = r.0.min(from);
            r.1 = r.1.max(to);
            next = rx.try_recv().ok();
        }
        let items = std::mem::take(&mut ranges)
            .into_iter()
            .map(|(room, (from, to))| format!("{room}:{from}:{to}"));
        // A lost NOTIFY costs other instances a gap read, not an event: no retry loop.
        let sent = match pubsub.pool().get().await {
            Ok(mut c) => pubsub
                .send(&mut c, Topic::RoomLog, items)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = sent {
            tracing::warn!(error = %e, "NOTIFY failed; other instances will fill the gap");
        }
    }
}

/// The other instances' announcements: log ranges to deliver, presence to re-read; after
/// the listener reconnected, every active room catches up from the log.
fn subscribe(hub: &Arc<HubInner>, pubsub: &PubSub) {
    let weak = Arc::downgrade(hub);
    pubsub.subscribe(Topic::RoomLog, move |d| {
        let Some(h) = weak.upgrade() else { return };
        match d {
            Delivery::Resync => h.catch_up_all(),
            Delivery::Item(body) => {
                let mut parts = body.split(':');
                if let (Some(Ok(room)), Some(Ok(from)), Some(Ok(to))) = (
                    parts.next().map(str::parse::<Uuid>),
                    parts.next().map(str::parse::<i64>),
                    parts.next().map(str::parse::<i64>),
                ) {
                    h.remote(room, from, to);
                }
            }
        }
    });
    let weak = Arc::downgrade(hub);
    pubsub.subscribe(Topic::RoomPresence, move |d| {
        let Some(h) = weak.upgrade() else { return };
        // `<room>:<instance>`; our own changes we know already.
        if let Delivery::Item(body) = d {
            let mut parts = body.split(':');
            if let (Some(Ok(room)), Some(Ok(from))) = (
                parts.next().map(str::parse::<Uuid>),
                parts.next().map(str::parse::<Uuid>),
            ) && from != h.instance
            {
                h.presence_changed(room);
            }
        }
    });
}

/// Keeps this instance's rows in `room_presence` (one write when a user's first socket in a
/// room opens or the last closes), heartbeats, removes instances that died, and tells the
/// other instances with `p:<room>` notifications.
async fn presence(
    pool: DbPool,
    pubsub: PubSub,
    instance: Uuid,
    mut rx: mpsc::UnboundedReceiver<PresenceOp>,
    hub: std::sync::Weak<HubInner>,
) {
    const HEARTBEAT: Duration = Duration::from_secs(10);
    const DEAD_AFTER_SECS: i32 = 45;
    let mut tick = tokio::time::interval(HEARTBEAT);
    let mut ticks = 0u64;
    loop {
        let mut changed: Vec<Uuid> = Vec::new();
        tokio::select! {
            op = rx.recv() => {
                let Some(op) = op else { return };
                let mut ops = vec![op];
                while let Ok(op) = rx.try_recv() {
                    ops.push(op);
                }
                // Dropping these would leave ghosts on other instances: wait for the pool.
                let mut c = loop {
                    match pool.get().await {
                        Ok(c) => break c,
                        Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
                    }
                };
                // The instance row must exist before its presence rows.
                if ticks == 0 && repo::heartbeat(&mut c, instance).await.is_ok() {
                    ticks = 1;
                }
                for op in ops {
                    match repo::set_presence(&mut c, op.room, instance, op.user, &op.name, op.present).await {
                        Ok(()) => changed.push(op.room),
                        Err(e) => tracing::warn!(error = %e, "storing presence failed"),
                    }
                }
            }
            _ = tick.tick() => {
                let Ok(mut c) = pool.get().await else { continue };
                match repo::heartbeat(&mut c, instance).await {
                    Ok(true) if ticks > 0 => {
                        tracing::warn!("this instance was taken for dead; restoring its presence");
                        if let Some(h) = hub.upgrade() {
                            h.reannounce_all();
                        }
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "instance heartbeat failed"),
                }
                ticks += 1;
                if ticks.is_multiple_of(3) {
                    match repo::reap_instances(&mut c, DEAD_AFTER_SECS).await {
                        Ok(rooms) => changed.extend(rooms),
                        Err(e) => tracing::warn!(error = %e, "removing dead instances failed"),
                    }
                }
            }
        }
        changed.sort_unstable();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        if let Ok(mut c) = pool.get().await {
            presence_changed(&pubsub, &mut c, &changed, instance).await;
        }
    }
}

/// Tells the other instances that this one's presence in `rooms` changed
/// (`<room>:<instance>` items, packed under NOTIFY's payload limit).
async fn presence_changed(
    pubsub: &PubSub,
    conn: &mut AsyncPgConnection,
    rooms: &[Uuid],
    instance: Uuid,
) {
    let items = rooms.iter().map(|r| format!("{r}:{instance}"));
    if let Err(e) = pubsub.send(conn, Topic::RoomPresence, items).await {
        tracing::warn!(error = %e, "presence NOTIFY failed");
    }
}
