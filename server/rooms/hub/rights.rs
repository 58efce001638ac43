//! Rights that change while sockets are open. Whoever changes what a right rests on (a
//! seat, a membership, a platform role, a session) publishes `Rights` after the commit;
//! every instance re-runs the entry rule for the sockets it concerns, against the database:
//! a socket whose session ended closes with 4001, one that may no longer enter with 4003,
//! and one whose moderator right changed is told by a `role` frame (and its next actions
//! are decided with the new right).

use super::*;
use crate::pubsub::Rights;
use crate::rooms::service::{self, Standing};

pub(super) fn subscribe(hub: &Arc<HubInner>, pubsub: &PubSub) {
    let weak = Arc::downgrade(hub);
    pubsub.subscribe(Topic::Rights, move |d| {
        let Some(h) = weak.upgrade() else { return };
        h.rights_epoch.fetch_add(1, Ordering::AcqRel);
        // After a reconnect, changes may have been missed: everyone is re-checked.
        let which = match d {
            Delivery::Resync => None,
            Delivery::Item(body) => match Rights::parse(body) {
                Some(r) => Some(r),
                None => {
                    tracing::debug!(body, "unreadable rights item");
                    return;
                }
            },
        };
        let sockets: Vec<(Uuid, SessionHandle)> = h
            .live
            .lock()
            .expect("live lock")
            .values()
            .filter(|(room, s)| match which {
                None => true,
                Some(Rights::User(u)) => s.user.user_id == u,
                Some(Rights::Room(r)) => *room == r,
            })
            .cloned()
            .collect();
        recheck_later(&h, sockets);
    });
}

/// Re-checks one socket now (its session's end is due: a refresh may have moved it).
pub(super) fn recheck_one(hub: &Arc<HubInner>, room: Uuid, socket: SessionHandle) {
    recheck_later(hub, vec![(room, socket)]);
}

pub(super) fn recheck_later(hub: &Arc<HubInner>, sockets: Vec<(Uuid, SessionHandle)>) {
    if !sockets.is_empty() {
        // Started after every change counted so far: its results are at least that new.
        let generation = hub.rights_epoch.load(Ordering::Acquire);
        hub.spawner
            .spawn(recheck(hub.pool.clone(), generation, sockets));
    }
}

/// Tries before a socket whose rights cannot be read is closed with 1012 (its client says
/// `hello` again, and is checked there); the waits between them double from `RETRY_FIRST`.
const ATTEMPTS: u32 = 4;
const RETRY_FIRST: Duration = Duration::from_millis(100);

async fn recheck(pool: DbPool, generation: u64, sockets: Vec<(Uuid, SessionHandle)>) {
    let mut pending = sockets;
    let mut wait = RETRY_FIRST;
    for attempt in 1..=ATTEMPTS {
        if attempt > 1 {
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
        let mut conn = match pool.get().await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, n = pending.len(), attempt,
                    "re-checking socket rights: no connection");
                continue;
            }
        };
        let mut failed = Vec::new();
        for (room, s) in pending {
            match service::standing(&mut conn, room, s.user.user_id, s.session).await {
                Ok(standing) => apply(&s, generation, standing),
                Err(e) => {
                    tracing::warn!(%room, user = %s.user.user_id, error = %e, attempt,
                        "re-checking socket rights failed");
                    failed.push((room, s));
                }
            }
        }
        pending = failed;
        if pending.is_empty() {
            return;
        }
    }
    // A right that cannot be confirmed is not kept: the client reconnects and is checked
    // by `hello`.
    for (_, s) in pending {
        s.outbox.kill.fire(close::RESTART);
    }
}

/// Applies a re-check's result unless a newer one was applied already (re-checks run
/// concurrently and may finish out of order).
fn apply(s: &SessionHandle, generation: u64, standing: Standing) {
    let mut applied = s.rights_applied.lock().expect("rights lock");
    if *applied > generation {
        return;
    }
    *applied = generation;
    match standing {
        Standing::SessionEnded => s.outbox.kill.fire(close::UNAUTHORIZED),
        Standing::Refused => s.outbox.kill.fire(close::FORBIDDEN),
        Standing::Enters {
            moderator,
            session_ends,
        } => {
            s.session_ends
                .store(session_ends.timestamp_millis(), Ordering::Release);
            if s.is_mod.swap(moderator, Ordering::AcqRel) != moderator {
                s.outbox.send_reply(ServerMsg::Role { moderator }.to_text());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn socket() -> (SessionHandle, mpsc::Receiver<ByteString>) {
        let (tx, rx) = mpsc::channel(8);
        let s = SessionHandle {
            id: 1,
            user: Actor {
                user_id: Uuid::now_v7(),
                display_name: "Bob".into(),
            },
            outbox: Outbox {
                tx,
                kill: Arc::new(Kill::default()),
            },
            session: Uuid::now_v7(),
            is_mod: Arc::new(AtomicBool::new(false)),
            rights_applied: Arc::new(Mutex::new(0)),
            session_ends: Arc::new(AtomicI64::new(0)),
        };
        (s, rx)
    }

    #[test]
    fn an_older_recheck_finishing_last_changes_nothing() {
        let (s, mut rx) = socket();
        let session_ends = chrono::Utc::now();
        apply(
            &s,
            2,
            Standing::Enters {
                moderator: true,
                session_ends,
            },
        );
        apply(
            &s,
            1,
            Standing::Enters {
                moderator: false,
                session_ends,
            },
        );
        apply(&s, 1, Standing::Refused);
        assert!(s.is_mod.load(Ordering::Acquire));
        assert_eq!(s.outbox.kill.code.load(Ordering::Acquire), 0);
        assert!(rx.try_recv().unwrap().contains("\"moderator\":true"));
        assert!(rx.try_recv().is_err());
        apply(&s, 3, Standing::Refused);
        assert_eq!(s.outbox.kill.code.load(Ordering::Acquire), close::FORBIDDEN);
    }
}
