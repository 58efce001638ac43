//! The durable events of a room's log: their kinds (the `kind` column, the `type` of their
//! frames) and, per kind, the typed fields stored in the `data` column. The stored JSON is
//! exactly what these structs serialize to; a `private` member is for state only and never
//! rendered (see `EventFrame`).

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// What a durable event is: the `kind` of its row and the `type` of its frame.
    pub enum EventKind {
        Chat => "chat",
        ChatEdited => "chat.edited",
        ChatDeleted => "chat.deleted",
        Reaction => "reaction",
        Hands => "hands",
        PollCreated => "poll.created",
        PollVoted => "poll.voted",
        PollClosed => "poll.closed",
        QuestionAsked => "question.asked",
        QuestionUpvoted => "question.upvoted",
        QuestionAnswered => "question.answered",
        QuestionPinned => "question.pinned",
        QuestionHidden => "question.hidden",
        IdeaAdded => "idea.added",
        IdeaVoted => "idea.voted",
        IdeaUnvoted => "idea.unvoted",
        IdeaMoved => "idea.moved",
        IdeaRemoved => "idea.removed",
        RoomLocked => "room.locked",
        /// Written by the server (the room's workshop event ended or was cancelled).
        RoomClosed => "room.closed",
        RoomSlowMode => "room.slow_mode",
        UserMuted => "user.muted",
        UserKicked => "user.kicked",
        UserUnkicked => "user.unkicked",
    }
}

/// The `data` of one kind of event.
pub trait Payload: Serialize + DeserializeOwned {
    const KIND: EventKind;

    /// The JSON stored in the `data` column.
    fn to_data(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("event payloads serialize to JSON")
    }
}

macro_rules! payloads {
    ($($ty:ident => $kind:ident),+ $(,)?) => {
        $(impl Payload for $ty {
            const KIND: EventKind = EventKind::$kind;
        })+
    };
}

payloads! {
    Chat => Chat,
    ChatEdited => ChatEdited,
    ChatDeleted => ChatDeleted,
    Reaction => Reaction,
    Hands => Hands,
    PollCreated => PollCreated,
    PollVoted => PollVoted,
    PollClosed => PollClosed,
    QuestionAsked => QuestionAsked,
    QuestionUpvoted => QuestionUpvoted,
    QuestionAnswered => QuestionAnswered,
    QuestionPinned => QuestionPinned,
    QuestionHidden => QuestionHidden,
    IdeaAdded => IdeaAdded,
    IdeaVoted => IdeaVoted,
    IdeaUnvoted => IdeaUnvoted,
    IdeaMoved => IdeaMoved,
    IdeaRemoved => IdeaRemoved,
    RoomLocked => RoomLocked,
    RoomClosed => RoomClosed,
    RoomSlowMode => RoomSlowMode,
    UserMuted => UserMuted,
    UserKicked => UserKicked,
    UserUnkicked => UserUnkicked,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// RFC 3339 in UTC with microseconds, as every timestamp of the protocol.
pub mod micros {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn format(t: &DateTime<Utc>) -> String {
        t.to_rfc3339_opts(SecondsFormat::Micros, true)
    }

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format("%Y-%m-%dT%H:%M:%S%.6fZ"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }

    /// `null` when absent.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
            s.map(|s| s.parse().map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

/// `chat`. As written: `text` (and `document`). Edits and deletions rewrite the stored
/// original: `{"text", "document"?, "edited": true}`, or `{"deleted": true}` without the
/// text or the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Chat {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub edited: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
}

/// A room document attached to a chat message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub id: Uuid,
    pub title: String,
    pub filename: String,
    pub url: String,
}

/// `chat.edited`; once its message is deleted: `{"target_seq", "redacted": true}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatEdited {
    pub target_seq: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub redacted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatDeleted {
    pub target_seq: i64,
}

/// `actor` added or removed its `emoji`; `count`: users with it on the message now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    pub target_seq: i64,
    pub emoji: String,
    pub added: bool,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandAction {
    Raise,
    Lower,
    Clear,
}

/// A raised hand, in the queue of `hands` events and of `welcome.state`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hand {
    pub user_id: Uuid,
    pub display_name: String,
    #[serde(with = "micros")]
    pub raised_at: DateTime<Utc>,
}

/// `hands`: the whole queue after the change; `user_id` is absent for `clear`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hands {
    pub action: HandAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Uuid>,
    pub queue: Vec<Hand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollCreated {
    pub poll_id: i64,
    pub question: String,
    pub options: Vec<String>,
    pub multiple: bool,
    pub hide_results: bool,
}

/// `poll.voted`: who voted is public, what they chose is `private` (kept for counting).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollVoted {
    pub poll_id: i64,
    #[serde(default)]
    pub private: Ballot,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    /// Sorted option indexes.
    pub choices: Vec<usize>,
}

/// `results` of polls: ballots per option, and the number of ballots.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PollResults {
    pub counts: Vec<u64>,
    pub voters: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollClosed {
    pub poll_id: i64,
    pub results: PollResults,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionAsked {
    pub question_id: i64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionUpvoted {
    pub question_id: i64,
    pub upvoted: bool,
    pub votes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionAnswered {
    pub question_id: i64,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionPinned {
    pub question_id: i64,
    pub pinned: bool,
}

/// `question.hidden`; an unhide carries the text (participants never got it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionHidden {
    pub question_id: i64,
    pub hidden: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaAdded {
    pub idea_id: i64,
    pub text: String,
    pub column: String,
}

/// `idea.voted`: `votes` = dots on the idea now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaVoted {
    pub idea_id: i64,
    pub votes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaUnvoted {
    pub idea_id: i64,
    pub votes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaMoved {
    pub idea_id: i64,
    pub column: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaRemoved {
    pub idea_id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomLocked {
    pub locked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomClosed {
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomSlowMode {
    pub seconds: u32,
}

/// `until`: `null` = unmuted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserMuted {
    pub user_id: Uuid,
    #[serde(with = "micros::option")]
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserKicked {
    pub user_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserUnkicked {
    pub user_id: Uuid,
}
