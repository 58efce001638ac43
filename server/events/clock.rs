//! Moves events along on their own: published -> live at the start, -> ended at the end
//! (which closes the room). Every instance runs one; the queries are safe to race.

use std::time::Duration;

use crate::state::AppState;

pub fn spawn(state: AppState, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = super::service::tick(&state).await {
                tracing::warn!(error = %e, "event clock tick failed");
            }
        }
    });
}
