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

pub(super) fn recheck_later(hub: &Arc<HubInner>, sockets: Vec<(Uuid, SessionHandle)>) {
    if !sockets.is_empty() {
        hub.spawner.spawn(recheck(hub.pool.clone(), sockets));
    }
}

async fn recheck(pool: DbPool, sockets: Vec<(Uuid, SessionHandle)>) {
    let mut conn = match pool.get().await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, n = sockets.len(), "re-checking socket rights: no connection");
            return;
        }
    };
    for (room, s) in sockets {
        match service::standing(&mut conn, room, s.user.user_id, s.session).await {
            Ok(Standing::SessionEnded) => s.outbox.kill.fire(close::UNAUTHORIZED),
            Ok(Standing::Refused) => s.outbox.kill.fire(close::FORBIDDEN),
            Ok(Standing::Enters { moderator }) => {
                // Only the check that changes the flag tells the client (two may race).
                if s.is_mod.swap(moderator, Ordering::AcqRel) != moderator {
                    s.outbox.send_reply(ServerMsg::Role { moderator }.to_text());
                }
            }
            Err(e) => {
                tracing::warn!(%room, user = %s.user.user_id, error = %e,
                    "re-checking socket rights failed");
            }
        }
    }
}
