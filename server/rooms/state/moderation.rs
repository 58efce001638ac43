//! Moderation: lock, slow mode, mute, kick and unkick; and the room's closing when its
//! workshop event is over (written by the server, not decided here).

use chrono::Duration;
use uuid::Uuid;

use super::{Ask, DecideCtx, Decision, RoomState};
use crate::rooms::protocol::payload::{
    RoomLocked, RoomSlowMode, UserKicked, UserMuted, UserUnkicked,
};
use crate::rooms::protocol::{Action, ErrorCode, Event, WsError};

pub const MAX_SLOW_SECONDS: u32 = 3600;
pub const MAX_MUTE_MINUTES: u32 = 24 * 60;

impl RoomState {
    pub(super) fn mod_lock(&self, a: &Ask, locked: bool) -> Result<Decision, WsError> {
        a.moderators_only("lock the room")?;
        Decision::of(RoomLocked { locked })
    }

    pub(super) fn mod_slow(&self, a: &Ask, seconds: u32) -> Result<Decision, WsError> {
        a.moderators_only("set slow mode")?;
        if seconds > MAX_SLOW_SECONDS {
            return Err(WsError::invalid(format!(
                "`seconds` must be 0 to {MAX_SLOW_SECONDS}"
            )));
        }
        Decision::of(RoomSlowMode { seconds })
    }

    pub(super) fn mod_mute(
        &self,
        a: &Ask,
        user_id: Uuid,
        minutes: u32,
    ) -> Result<Decision, WsError> {
        a.moderators_only("mute people")?;
        target_participant(a.ctx, user_id, "muted")?;
        if minutes > MAX_MUTE_MINUTES {
            return Err(WsError::invalid(format!(
                "`minutes` must be 0 to {MAX_MUTE_MINUTES}"
            )));
        }
        let until = (minutes > 0).then(|| a.now + Duration::minutes(minutes.into()));
        Decision::of(UserMuted { user_id, until })
    }

    pub(super) fn mod_kick(&self, a: &Ask, user_id: Uuid) -> Result<Decision, WsError> {
        a.moderators_only("remove people")?;
        if user_id == a.me() {
            return Err(WsError::invalid("you cannot remove yourself"));
        }
        target_participant(a.ctx, user_id, "removed")?;
        if self.kicked.contains(&user_id) {
            return Err(WsError::new(
                ErrorCode::Conflict,
                "this user is already removed",
            ));
        }
        Decision::of(UserKicked { user_id })
    }

    pub(super) fn mod_unkick(&self, a: &Ask, user_id: Uuid) -> Result<Decision, WsError> {
        a.moderators_only("let people back in")?;
        if !self.kicked.contains(&user_id) {
            return Err(WsError::not_found("removed user"));
        }
        Decision::of(UserUnkicked { user_id })
    }

    pub(super) fn on_room_locked(&mut self, _: &Event, l: RoomLocked) {
        self.locked = l.locked;
    }

    pub(super) fn on_room_closed(&mut self) {
        self.closed = true;
        self.locked = true;
        self.hands.clear();
    }

    pub(super) fn on_room_slow_mode(&mut self, _: &Event, s: RoomSlowMode) {
        self.slow_mode_seconds = s.seconds;
    }

    pub(super) fn on_user_muted(&mut self, _: &Event, m: UserMuted) {
        match m.until {
            Some(until) => {
                self.muted.insert(m.user_id, until);
            }
            None => {
                self.muted.remove(&m.user_id);
            }
        }
    }

    pub(super) fn on_user_kicked(&mut self, _: &Event, k: UserKicked) {
        self.kicked.insert(k.user_id);
        self.hands.retain(|h| h.user_id != k.user_id);
    }

    pub(super) fn on_user_unkicked(&mut self, _: &Event, u: UserUnkicked) {
        self.kicked.remove(&u.user_id);
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
