//! The websocket protocol: what clients may send, what the server answers, and how a stored
//! event becomes the JSON every client (and `GET /rooms/{id}/events`) sees.
//! `docs/rooms-protocol.md` is the prose version of this file.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use uuid::Uuid;

pub mod payload;

pub use super::state::RoomView;
pub use payload::{EventKind, Payload};

/// Longest chat message, question or idea, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Longest client-chosen `ref`.
pub const MAX_REF_CHARS: usize = 64;
/// Larger frames close the socket with 1009.
pub const MAX_FRAME_BYTES: usize = 64 * 1024;
/// A resume that misses more than this gets `resync_required` instead of the events.
pub const MAX_RESUME_EVENTS: i64 = 1000;

pub mod close {
    /// Protocol violation (e.g. a malformed websocket frame).
    pub const PROTOCOL: u16 = 1002;
    /// Policy violation: a client that keeps flooding after `rate_limited`.
    pub const POLICY: u16 = 1008;
    pub const TOO_BIG: u16 = 1009;
    /// The server is shutting down; reconnect (to another instance) and resume.
    pub const RESTART: u16 = 1012;
    /// No frame (not even a pong) for 45 s.
    pub const IDLE: u16 = 4000;
    pub const UNAUTHORIZED: u16 = 4001;
    /// No `hello` within 10 s, or something else sent first.
    pub const HELLO_REQUIRED: u16 = 4002;
    pub const FORBIDDEN: u16 = 4003;
    pub const KICKED: u16 = 4004;
    /// The client did not read fast enough; resume with `after_seq`.
    pub const TOO_SLOW: u16 = 4008;
}

/// Error codes of `{"type":"error"}` frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidMessage,
    Unauthorized,
    Forbidden,
    RoomLocked,
    Muted,
    SlowMode,
    RateLimited,
    TooLong,
    NotFound,
    Conflict,
    LimitReached,
    Unavailable,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidMessage => "invalid_message",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::RoomLocked => "room_locked",
            Self::Muted => "muted",
            Self::SlowMode => "slow_mode",
            Self::RateLimited => "rate_limited",
            Self::TooLong => "too_long",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::LimitReached => "limit_reached",
            Self::Unavailable => "unavailable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WsError {
    pub code: ErrorCode,
    pub message: String,
}

impl WsError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidMessage, message)
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// The `error` frame, echoing the refused frame's `ref`.
    pub fn frame(&self, r#ref: Option<&str>) -> String {
        ServerMsg::Error {
            code: self.code,
            message: &self.message,
            r#ref,
        }
        .to_text()
    }
}

/// The first frame of every connection.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hello {
    #[serde(rename = "type")]
    pub _type: String,
    pub token: String,
    #[serde(default)]
    pub after_seq: Option<i64>,
    #[serde(default, rename = "ref")]
    pub _ref: Option<Value>,
}

/// Every frame a client may send after `hello`. All of them change the room, so all are
/// written to the log (as one or more events) before anyone hears of them.
/// (`Serialize` and `EnumIter` are for tests and docs: every variant's `type`.)
#[derive(Debug, Clone, Deserialize, Serialize, strum::EnumIter)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum Action {
    /// `document_id`: a document attached to this room, shown with the message.
    #[serde(rename = "chat.send")]
    ChatSend {
        text: String,
        #[serde(default)]
        document_id: Option<Uuid>,
    },
    #[serde(rename = "chat.edit")]
    ChatEdit { seq: i64, text: String },
    #[serde(rename = "chat.delete")]
    ChatDelete { seq: i64 },
    #[serde(rename = "react")]
    React { seq: i64, emoji: String },
    #[serde(rename = "hand.raise")]
    HandRaise {},
    #[serde(rename = "hand.lower")]
    HandLower {
        #[serde(default)]
        user_id: Option<Uuid>,
    },
    #[serde(rename = "hand.clear")]
    HandClear {},
    #[serde(rename = "poll.create")]
    PollCreate {
        question: String,
        options: Vec<String>,
        #[serde(default)]
        multiple: bool,
        #[serde(default)]
        hide_results: bool,
    },
    #[serde(rename = "poll.vote")]
    PollVote { poll_id: i64, choices: Vec<usize> },
    #[serde(rename = "poll.close")]
    PollClose { poll_id: i64 },
    #[serde(rename = "question.ask")]
    QuestionAsk { text: String },
    #[serde(rename = "question.upvote")]
    QuestionUpvote { question_id: i64 },
    #[serde(rename = "question.answer")]
    QuestionAnswer {
        question_id: i64,
        #[serde(default = "yes")]
        answered: bool,
    },
    #[serde(rename = "question.pin")]
    QuestionPin {
        question_id: i64,
        #[serde(default = "yes")]
        pinned: bool,
    },
    #[serde(rename = "question.hide")]
    QuestionHide {
        question_id: i64,
        #[serde(default = "yes")]
        hidden: bool,
    },
    #[serde(rename = "idea.add")]
    IdeaAdd {
        text: String,
        #[serde(default)]
        column: Option<String>,
    },
    #[serde(rename = "idea.vote")]
    IdeaVote { idea_id: i64 },
    #[serde(rename = "idea.unvote")]
    IdeaUnvote { idea_id: i64 },
    #[serde(rename = "idea.move")]
    IdeaMove { idea_id: i64, column: String },
    #[serde(rename = "idea.remove")]
    IdeaRemove { idea_id: i64 },
    #[serde(rename = "mod.lock")]
    ModLock { locked: bool },
    #[serde(rename = "mod.slow")]
    ModSlow { seconds: u32 },
    #[serde(rename = "mod.mute")]
    ModMute { user_id: Uuid, minutes: u32 },
    #[serde(rename = "mod.kick")]
    ModKick { user_id: Uuid },
    #[serde(rename = "mod.unkick")]
    ModUnkick { user_id: Uuid },
}

fn yes() -> bool {
    true
}

/// A parsed client frame: its `ref` (kept even when the rest is malformed, so the error can
/// echo it) and the action or what is wrong with it.
pub struct ClientFrame {
    pub r#ref: Option<String>,
    pub action: Result<Action, WsError>,
}

pub fn parse_frame(text: &str) -> ClientFrame {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return ClientFrame {
                r#ref: None,
                action: Err(WsError::invalid(format!("not JSON: {e}"))),
            };
        }
    };
    let Value::Object(mut map) = value else {
        return ClientFrame {
            r#ref: None,
            action: Err(WsError::invalid("a frame must be a JSON object")),
        };
    };
    let r#ref = match map.remove("ref") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(WsError::invalid("`ref` must be a string or a number")),
    };
    let r#ref = match r#ref {
        Ok(Some(r)) if r.is_empty() || r.chars().count() > MAX_REF_CHARS => {
            return ClientFrame {
                r#ref: None,
                action: Err(WsError::invalid(format!(
                    "`ref` must have 1 to {MAX_REF_CHARS} characters"
                ))),
            };
        }
        Ok(r) => r,
        Err(e) => {
            return ClientFrame {
                r#ref: None,
                action: Err(e),
            };
        }
    };
    let kind = map.get("type").and_then(Value::as_str).map(str::to_owned);
    let action = match kind.as_deref() {
        None => Err(WsError::invalid("missing `type`")),
        Some("hello") => Err(WsError::invalid("already said hello")),
        Some(k) => serde_json::from_value::<Action>(Value::Object(map)).map_err(|e| {
            let msg = e.to_string();
            if msg.starts_with("unknown variant") {
                WsError::invalid(format!("unknown frame type `{k}`"))
            } else {
                WsError::invalid(format!("{k}: {msg}"))
            }
        }),
    };
    ClientFrame { r#ref, action }
}

/// Who did something, as every event carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: Uuid,
    pub display_name: String,
}

/// One event of a room's log, as stored.
#[derive(Debug, Clone)]
pub struct Event {
    pub seq: i64,
    pub kind: EventKind,
    pub actor: Actor,
    pub r#ref: Option<String>,
    /// The event's own fields (a `Payload` of `kind`); a `private` member is for state
    /// only and never rendered.
    pub data: Value,
    pub at: DateTime<Utc>,
}

impl Event {
    /// The JSON clients see (the REST history uses it; sockets get `Rendered`).
    pub fn render(&self) -> Value {
        serde_json::to_value(ServerMsg::Event(EventFrame(self))).expect("frames serialize")
    }

    /// The typed fields, when this is an event of `P`'s kind (and they parse).
    pub fn payload<P: Payload>(&self) -> Option<P> {
        if self.kind != P::KIND {
            return None;
        }
        match P::deserialize(&self.data) {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::warn!(seq = self.seq, kind = %self.kind, error = %e, "malformed event data");
                None
            }
        }
    }
}

/// An event as a frame: the envelope (`type`, `seq`, `at`, `actor`, `ref`) and the
/// event's own fields, without `private`.
#[derive(Debug, Clone, Copy)]
pub struct EventFrame<'a>(pub &'a Event);

impl Serialize for EventFrame<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const ENVELOPE: [&str; 5] = ["type", "seq", "at", "actor", "ref"];
        let e = self.0;
        let fields = e.data.as_object();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &e.kind)?;
        m.serialize_entry("seq", &e.seq)?;
        m.serialize_entry("at", &Micros(e.at))?;
        m.serialize_entry("actor", &e.actor)?;
        if let Some(r) = &e.r#ref {
            m.serialize_entry("ref", r)?;
        }
        for (k, v) in fields.into_iter().flatten() {
            if k != "private" && !ENVELOPE.contains(&k.as_str()) {
                m.serialize_entry(k, v)?;
            }
        }
        m.end()
    }
}

/// A timestamp as the protocol writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Micros(#[serde(with = "payload::micros")] pub DateTime<Utc>);

/// A room as `welcome` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoomSummary {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub access: crate::shared::vocab::RoomAccess,
}

/// `welcome.you`.
#[derive(Debug, Clone, Serialize)]
pub struct You {
    pub user_id: Uuid,
    pub display_name: String,
    pub is_moderator: bool,
}

/// Someone in the room (`welcome.present`, `presence`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub user_id: Uuid,
    pub display_name: String,
}

/// What a `presence` frame says happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PresenceChange {
    /// The user's first socket in the room opened.
    Joined(Person),
    /// The user's last socket in the room closed.
    Left(Person),
}

/// Every frame the server sends. `Event` frames are rendered once per event and shared by
/// every socket of the room (`Rendered`); the others are per recipient.
#[derive(Debug, Clone, Serialize, strum::EnumDiscriminants)]
#[strum_discriminants(name(ServerMsgType), derive(strum::EnumIter))]
#[serde(tag = "type")]
pub enum ServerMsg<'a> {
    /// The answer to an accepted `hello`.
    #[serde(rename = "welcome")]
    Welcome {
        room: &'a RoomSummary,
        you: You,
        last_seq: i64,
        present: Vec<Person>,
        state: RoomView,
    },
    /// An action was stored (`duplicate`: it had been, under this `ref`).
    #[serde(rename = "ack")]
    Ack {
        seq: i64,
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        r#ref: Option<&'a str>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        duplicate: bool,
    },
    /// A frame was refused (or `hello` failed, before the close).
    #[serde(rename = "error")]
    Error {
        code: ErrorCode,
        message: &'a str,
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        r#ref: Option<&'a str>,
    },
    /// A user's first socket in the room opened, or their last one closed.
    #[serde(rename = "presence")]
    Presence {
        #[serde(flatten)]
        change: PresenceChange,
        /// Distinct users in the room now.
        count: usize,
    },
    /// Current results of an open poll that does not hide them.
    #[serde(rename = "poll.results")]
    PollResults {
        poll_id: i64,
        results: payload::PollResults,
    },
    /// After `welcome`, instead of a resume that would be too long (or failed).
    #[serde(rename = "resync_required")]
    ResyncRequired { last_seq: i64, message: String },
    /// The socket's moderator right changed while it was open (a role, a membership, the
    /// room's moderator list): moderator actions are refused or allowed from now on.
    #[serde(rename = "role")]
    Role { moderator: bool },
    /// A durable event: its `type` is its kind.
    #[serde(untagged)]
    Event(EventFrame<'a>),
}

impl ServerMsg<'_> {
    /// The frame's text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("frames serialize")
    }
}

/// An event with its JSON text, serialized once and shared by every socket of the room.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub event: Arc<Event>,
    /// Cheap to clone (reference-counted bytes): one copy for all sockets.
    pub json: bytestring::ByteString,
}

impl Rendered {
    pub fn new(event: Event) -> Self {
        let json = ServerMsg::Event(EventFrame(&event)).to_text().into();
        Self {
            event: Arc::new(event),
            json,
        }
    }
}

/// Text limits shared by chat, questions, ideas and poll texts: trimmed, not empty, no
/// control characters other than newlines and tabs, at most `max` characters.
pub fn clean_text(field: &str, s: &str, max: usize) -> Result<String, WsError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(WsError::invalid(format!("`{field}` must not be empty")));
    }
    if t.chars().count() > max {
        return Err(WsError::new(
            ErrorCode::TooLong,
            format!("`{field}` is longer than {max} characters"),
        ));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(WsError::invalid(format!(
            "`{field}` contains control characters"
        )));
    }
    Ok(t.to_owned())
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod wire_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn malformed_frames_keep_their_ref_for_the_error() {
        let f = parse_frame(r#"{"type":"chat.send","ref":"r1"}"#);
        assert_eq!(f.r#ref.as_deref(), Some("r1"));
        let e = f.action.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidMessage);
        assert!(e.message.contains("text"), "{}", e.message);

        let f = parse_frame(r#"{"type":"warp.drive","ref":7}"#);
        assert_eq!(f.r#ref.as_deref(), Some("7"));
        assert!(f.action.unwrap_err().message.contains("unknown frame type"));

        assert!(parse_frame("[1,2]").action.is_err());
        assert!(parse_frame("nope").action.is_err());
        assert!(
            parse_frame(r#"{"type":"chat.send","text":"hi","extra":1}"#)
                .action
                .is_err()
        );
        assert!(matches!(
            parse_frame(r#"{"type":"chat.send","text":"hi"}"#).action,
            Ok(Action::ChatSend { .. })
        ));
    }

    #[test]
    fn private_fields_are_not_rendered() {
        let e = Event {
            seq: 3,
            kind: EventKind::PollVoted,
            actor: Actor {
                user_id: Uuid::nil(),
                display_name: "A".into(),
            },
            r#ref: None,
            data: json!({"poll_id": 1, "private": {"choices": [0]}}),
            at: Utc::now(),
        };
        let v = e.render();
        assert_eq!(v["poll_id"], 1);
        assert!(v.get("private").is_none());
    }
}
