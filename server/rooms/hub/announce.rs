//! Between instances: one NOTIFY per burst of committed ranges, and what the other
//! instances announce (log ranges, presence) handed to the room actors.

use super::*;

/// Sends one NOTIFY per burst of committed batches, outside every writing transaction
/// (a NOTIFY inside one serializes all commits).
pub(super) async fn announce(pubsub: PubSub, mut rx: mpsc::UnboundedReceiver<(Uuid, i64, i64)>) {
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
pub(super) fn subscribe(hub: &Arc<HubInner>, pubsub: &PubSub) {
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
