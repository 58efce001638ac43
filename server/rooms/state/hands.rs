//! The raised-hands queue: one queue in raise order; every `hands` event carries it whole.

use uuid::Uuid;

use super::{Ask, Decision, Hand, RoomState};
use crate::rooms::protocol::payload::{HandAction, Hands};
use crate::rooms::protocol::{ErrorCode, Event, WsError};

impl RoomState {
    pub(super) fn hand_raise(&self, a: &Ask) -> Result<Decision, WsError> {
        let me = a.me();
        if self.hands.iter().any(|h| h.user_id == me) {
            return Err(WsError::new(
                ErrorCode::Conflict,
                "your hand is already raised",
            ));
        }
        let mut queue = self.hands.clone();
        queue.push(Hand {
            user_id: me,
            display_name: a.actor.display_name.clone(),
            raised_at: a.now,
        });
        Decision::of(Hands {
            action: HandAction::Raise,
            user_id: Some(me),
            queue,
        })
    }

    pub(super) fn hand_lower(&self, a: &Ask, user_id: Option<Uuid>) -> Result<Decision, WsError> {
        let target = user_id.unwrap_or(a.me());
        if target != a.me() {
            a.moderators_only("lower someone else's hand")?;
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
        Decision::of(Hands {
            action: HandAction::Lower,
            user_id: Some(target),
            queue,
        })
    }

    pub(super) fn hand_clear(&self, a: &Ask) -> Result<Decision, WsError> {
        a.moderators_only("clear the hands queue")?;
        Decision::of(Hands {
            action: HandAction::Clear,
            user_id: None,
            queue: Vec::new(),
        })
    }

    pub(super) fn on_hands(&mut self, _: &Event, h: Hands) {
        self.hands = h.queue;
    }
}
