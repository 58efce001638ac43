//! The per-instance hub: one task per active room (its "actor") that owns the room's local
//! sockets, its presence and its view of the state, and delivers the log to them in seq
//! order with no gap and no duplicate, whichever instance wrote the events.
//!
//! Local batches come straight from the writers; other instances' batches are announced by
//! NOTIFY and read from the log. An actor delivers only the next contiguous seq and buffers
//! what is ahead; a gap that stays open (a lost notification, a listener that reconnected)
//! is read from the log. Resume (`after_seq`) uses the same log reads.

mod actor;
mod announce;
mod presence;
mod rights;

use actor::run_actor;
use announce::{announce, subscribe};
use presence::{presence, presence_changed};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU16, AtomicU64, Ordering};
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
    /// The sign-in session (refresh token family) the socket was opened in.
    pub session: Uuid,
    /// Whether it moderates the room now; `rights` changes it while the socket is open.
    pub is_mod: Arc<AtomicBool>,
    /// The generation (`rights_epoch` when it started) of the newest re-check applied.
    pub rights_applied: Arc<Mutex<u64>>,
    /// When its sign-in session ends unless refreshed (Unix ms): the socket is re-checked
    /// then, and closed with 4001 if the session has indeed ended.
    pub session_ends: Arc<AtomicI64>,
}

#[derive(Clone)]
pub struct Join {
    pub session: SessionHandle,
    /// `Hub::rights_epoch` before the socket's rights were checked: a change published
    /// since then re-checks it once it is registered.
    pub rights_epoch: u64,
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
    /// Every joined socket of this instance and its room, for re-checking rights.
    live: Mutex<HashMap<u64, (Uuid, SessionHandle)>>,
    /// Counts `Rights` deliveries (see `Join::rights_epoch`).
    rights_epoch: AtomicU64,
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
            live: Mutex::new(HashMap::new()),
            rights_epoch: AtomicU64::new(0),
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
        rights::subscribe(&inner, pubsub);
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

    /// Re-checks one socket's rights (see `SessionHandle::session_ends`).
    pub fn recheck(&self, room: Uuid, socket: SessionHandle) {
        rights::recheck_one(&self.0, room, socket);
    }

    pub fn rights_epoch(&self) -> u64 {
        self.0.rights_epoch.load(Ordering::Acquire)
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
                if result.is_ok() {
                    self.0
                        .live
                        .lock()
                        .expect("live lock")
                        .insert(join.session.id, (room, join.session.clone()));
                    if self.rights_epoch() != join.rights_epoch {
                        rights::recheck_later(&self.0, vec![(room, join.session.clone())]);
                    }
                }
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
        self.0.live.lock().expect("live lock").remove(&session);
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
