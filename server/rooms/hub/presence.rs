//! This instance's presence rows, heartbeats and the reaping of dead instances.

use super::*;

/// Keeps this instance's rows in `room_presence` (one write when a user's first socket in a
/// room opens or the last closes), heartbeats, removes instances that died, and tells the
/// other instances with `p:<room>` notifications.
pub(super) async fn presence(
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
pub(super) async fn presence_changed(
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
