//! The wire format, whole: a snapshot of every kind of server frame (`ServerMsg` variants
//! and every event kind's frame), of the `data` each event kind stores, and a check that
//! `docs/rooms-asyncapi.yaml` describes exactly the frames the code knows. Ids and
//! timestamps are fixed, so the snapshots need no redaction. Review a changed snapshot
//! against `docs/rooms-protocol.md` (3.3) before accepting it: it is a change of the API.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;
use strum::IntoEnumIterator;
use uuid::Uuid;

use super::payload::{PollResults, RoomClosed};
use super::*;
use crate::rooms::state::{DecideCtx, RoomState};
use crate::shared::vocab::RoomAccess;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap() + Duration::microseconds(123_456)
}

fn ada() -> Actor {
    Actor {
        user_id: Uuid::from_u128(0xada),
        display_name: "Ada".into(),
    }
}

fn bea() -> Actor {
    Actor {
        user_id: Uuid::from_u128(0xbea),
        display_name: "Bea".into(),
    }
}

fn doc_id() -> Uuid {
    Uuid::from_u128(0xd0c)
}

/// A session that produces every kind of event, decided and applied as the writer does:
/// Ada moderates, Bea takes part.
struct Session {
    state: RoomState,
    events: Vec<Event>,
}

impl Session {
    fn run() -> Self {
        let mut s = Self {
            state: RoomState::default(),
            events: Vec::new(),
        };
        let (m, u) = (ada(), bea());
        let chat = s.act(
            &u,
            Action::ChatSend {
                text: "Hello".into(),
                document_id: Some(doc_id()),
            },
        );
        s.act(
            &u,
            Action::ChatEdit {
                seq: chat,
                text: "Hello all".into(),
            },
        );
        s.act(
            &m,
            Action::React {
                seq: chat,
                emoji: "👍".into(),
            },
        );
        s.act(&m, Action::ChatDelete { seq: chat });
        s.act(&u, Action::HandRaise {});
        let poll = s.act(
            &m,
            Action::PollCreate {
                question: "Which line first?".into(),
                options: vec!["Tram".into(), "Bus".into()],
                multiple: false,
                hide_results: false,
            },
        );
        s.act(
            &u,
            Action::PollVote {
                poll_id: poll,
                choices: vec![1],
            },
        );
        let question = s.act(
            &u,
            Action::QuestionAsk {
                text: "When?".into(),
            },
        );
        s.act(
            &m,
            Action::QuestionUpvote {
                question_id: question,
            },
        );
        s.act(
            &m,
            Action::QuestionAnswer {
                question_id: question,
                answered: true,
            },
        );
        s.act(
            &m,
            Action::QuestionPin {
                question_id: question,
                pinned: true,
            },
        );
        s.act(
            &m,
            Action::QuestionHide {
                question_id: question,
                hidden: false,
            },
        );
        let idea = s.act(
            &u,
            Action::IdeaAdd {
                text: "Night buses".into(),
                column: None,
            },
        );
        s.act(&m, Action::IdeaVote { idea_id: idea });
        s.act(&u, Action::IdeaVote { idea_id: idea });
        s.act(&m, Action::IdeaUnvote { idea_id: idea });
        s.act(
            &u,
            Action::IdeaMove {
                idea_id: idea,
                column: "later".into(),
            },
        );
        let other = s.act(
            &u,
            Action::IdeaAdd {
                text: "Bike lanes".into(),
                column: Some("now".into()),
            },
        );
        s.act(&m, Action::IdeaRemove { idea_id: other });
        s.act(&m, Action::ModLock { locked: true });
        s.act(&m, Action::ModSlow { seconds: 30 });
        s.act(
            &m,
            Action::ModMute {
                user_id: u.user_id,
                minutes: 5,
            },
        );
        s.act(&m, Action::ModKick { user_id: u.user_id });
        s.act(&m, Action::ModUnkick { user_id: u.user_id });
        s.act(&m, Action::HandRaise {});
        // A second poll, still open when the room closes: `poll.closed` comes from this one.
        let closed = s.act(
            &m,
            Action::PollCreate {
                question: "Keep the room open?".into(),
                options: vec!["yes".into(), "no".into()],
                multiple: true,
                hide_results: true,
            },
        );
        s.act(
            &u,
            Action::PollVote {
                poll_id: closed,
                choices: vec![0, 1],
            },
        );
        s.act(&m, Action::PollClose { poll_id: closed });
        s.push(
            Actor {
                user_id: Uuid::nil(),
                display_name: "livinglab".into(),
            },
            None,
            EventKind::RoomClosed,
            RoomClosed {
                reason: "the event ended".into(),
            }
            .to_data(),
        );
        s
    }

    /// Decides `action` (it must be accepted) and applies its event; returns its seq.
    fn act(&mut self, who: &Actor, action: Action) -> i64 {
        let seq = self.state.applied_seq + 1;
        let ctx = DecideCtx {
            dot_votes_per_user: 3,
            chats: self
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Chat)
                .map(|e| (e.seq, (Some(e.actor.user_id), false)))
                .collect(),
            people: [(ada().user_id, true), (bea().user_id, false)]
                .into_iter()
                .collect(),
            documents: [(doc_id(), ("Minutes".into(), "minutes.pdf".into()))]
                .into_iter()
                .collect(),
        };
        let is_mod = who.user_id == ada().user_id;
        let d = self
            .state
            .decide(who, is_mod, &action, &ctx, seq, at())
            .unwrap_or_else(|e| panic!("{action:?} refused: {e:?}"));
        self.push(who.clone(), Some(format!("r-{seq}")), d.kind, d.data)
    }

    fn push(&mut self, actor: Actor, r#ref: Option<String>, kind: EventKind, data: Value) -> i64 {
        let e = Event {
            seq: self.state.applied_seq + 1,
            kind,
            actor,
            r#ref,
            data,
            at: at(),
        };
        self.state.apply(&e);
        self.events.push(e);
        self.state.applied_seq
    }

    /// The first event of each kind.
    fn first_of_each_kind(&self) -> BTreeMap<&'static str, &Event> {
        let mut out = BTreeMap::new();
        for e in &self.events {
            out.entry(e.kind.as_str()).or_insert(e);
        }
        out
    }
}

fn room() -> RoomSummary {
    RoomSummary {
        id: Uuid::from_u128(0x100),
        name: "Mobility workshop".into(),
        description: None,
        access: RoomAccess::Open,
    }
}

/// Examples of every frame of a type (one snapshot each). The match is exhaustive: a new
/// variant does not compile until it has examples, hence a snapshot and a docs check.
fn examples<'a>(
    t: ServerMsgType,
    session: &'a Session,
    room: &'a RoomSummary,
) -> Vec<(String, ServerMsg<'a>)> {
    let (m, u) = (ada(), bea());
    let person = |a: &Actor| Person {
        user_id: a.user_id,
        display_name: a.display_name.clone(),
    };
    match t {
        ServerMsgType::Welcome => {
            // The state before the room closed, so it has hands, polls, questions, ideas.
            let mut state = RoomState::default();
            for e in session
                .events
                .iter()
                .filter(|e| e.kind != EventKind::RoomClosed)
            {
                state.apply(e);
            }
            let present = vec![person(&u), person(&m)];
            let welcome = |viewer: &Actor, is_mod: bool| ServerMsg::Welcome {
                room,
                you: You {
                    user_id: viewer.user_id,
                    display_name: viewer.display_name.clone(),
                    is_moderator: is_mod,
                },
                last_seq: state.applied_seq,
                present: present.clone(),
                state: state.snapshot(viewer.user_id, is_mod, 3),
            };
            vec![
                ("welcome".into(), welcome(&u, false)),
                ("welcome_moderator".into(), welcome(&m, true)),
            ]
        }
        ServerMsgType::Ack => vec![
            (
                "ack".into(),
                ServerMsg::Ack {
                    seq: 43,
                    r#ref: Some("b-1"),
                    duplicate: false,
                },
            ),
            (
                "ack_duplicate".into(),
                ServerMsg::Ack {
                    seq: 45,
                    r#ref: Some("b-4"),
                    duplicate: true,
                },
            ),
            (
                "ack_without_ref".into(),
                ServerMsg::Ack {
                    seq: 46,
                    r#ref: None,
                    duplicate: false,
                },
            ),
        ],
        ServerMsgType::Error => vec![
            (
                "error".into(),
                ServerMsg::Error {
                    code: ErrorCode::Forbidden,
                    message: "only moderators may close polls",
                    r#ref: Some("b-3"),
                },
            ),
            (
                "error_without_ref".into(),
                ServerMsg::Error {
                    code: ErrorCode::RateLimited,
                    message: "too many frames; slow down",
                    r#ref: None,
                },
            ),
        ],
        ServerMsgType::Presence => vec![
            (
                "presence_joined".into(),
                ServerMsg::Presence {
                    change: PresenceChange::Joined(person(&u)),
                    count: 2,
                },
            ),
            (
                "presence_left".into(),
                ServerMsg::Presence {
                    change: PresenceChange::Left(person(&u)),
                    count: 1,
                },
            ),
        ],
        ServerMsgType::PollResults => vec![(
            "poll_results".into(),
            ServerMsg::PollResults {
                poll_id: 12,
                results: PollResults {
                    counts: vec![4, 1],
                    voters: 5,
                },
            },
        )],
        ServerMsgType::ResyncRequired => vec![(
            "resync_required".into(),
            ServerMsg::ResyncRequired {
                last_seq: 2042,
                message:
                    "more than 1000 events were missed; load them with GET /api/v1/rooms/…/events"
                        .into(),
            },
        )],
        ServerMsgType::Role => vec![
            ("role_demoted".into(), ServerMsg::Role { moderator: false }),
            ("role_promoted".into(), ServerMsg::Role { moderator: true }),
        ],
        ServerMsgType::Event => session
            .first_of_each_kind()
            .into_iter()
            .map(|(kind, e)| {
                (
                    format!("event_{}", kind.replace('.', "_")),
                    ServerMsg::Event(EventFrame(e)),
                )
            })
            .collect(),
    }
}

#[test]
fn every_server_frame_is_snapshotted() {
    let session = Session::run();
    let room = room();
    for t in ServerMsgType::iter() {
        let examples = examples(t, &session, &room);
        assert!(!examples.is_empty(), "{t:?} has no example");
        for (name, msg) in examples {
            assert_eq!(ServerMsgType::from(&msg), t, "{name}");
            let text = msg.to_text();
            let value: Value = serde_json::from_str(&text).unwrap();
            assert!(value["type"].is_string(), "{name}: no type");
            insta::assert_json_snapshot!(name, value);
        }
    }
}

#[test]
fn every_event_kind_is_rendered_and_stored() {
    let session = Session::run();
    let seen: BTreeSet<&str> = session.events.iter().map(|e| e.kind.as_str()).collect();
    let all: BTreeSet<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(seen, all, "the session must produce every kind of event");
    let mut stored = BTreeMap::new();
    for (kind, e) in session.first_of_each_kind() {
        // The frame is the envelope plus the stored fields, without `private`.
        let frame = e.render();
        assert_eq!(frame["type"], kind);
        assert_eq!(frame["seq"], e.seq);
        assert_eq!(frame["at"], "2026-11-21T09:30:00.123456Z");
        assert!(frame.get("private").is_none());
        for (k, v) in e.data.as_object().unwrap() {
            if k != "private" {
                assert_eq!(&frame[k], v, "{kind}.{k}");
            }
        }
        // `Rendered` (the text every socket gets) is the same JSON.
        let rendered = Rendered::new(e.clone());
        assert_eq!(
            serde_json::from_str::<Value>(&rendered.json).unwrap(),
            frame
        );
        stored.insert(kind, e.data.clone());
    }
    // The `data` column of each kind: the contract with the rows already stored.
    insta::assert_json_snapshot!("stored_data_per_kind", stored);
}

#[test]
fn timestamps_have_microseconds() {
    let t = at();
    assert_eq!(payload::micros::format(&t), "2026-11-21T09:30:00.123456Z");
    assert_eq!(
        serde_json::to_value(Micros(t)).unwrap(),
        "2026-11-21T09:30:00.123456Z"
    );
    let whole = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    assert_eq!(
        serde_json::to_value(Micros(whole)).unwrap(),
        whole.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    );
}

/// The wire names of the messages an operation of the AsyncAPI document lists, following
/// its `$ref`s (`#/channels/room/messages/x` -> `#/components/messages/x` -> `name`).
fn asyncapi_names(doc: &Value, operation: &str) -> BTreeSet<String> {
    fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let target = doc
                    .pointer(r.trim_start_matches('#'))
                    .unwrap_or_else(|| panic!("dangling $ref {r}"));
                resolve(doc, target)
            }
            None => v,
        }
    }
    let messages = doc
        .pointer(&format!("/operations/{operation}/messages"))
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no operations.{operation}.messages"));
    let mut names = BTreeSet::new();
    for m in messages {
        let name = resolve(doc, m)["name"]
            .as_str()
            .unwrap_or_else(|| panic!("a message without a name: {m}"))
            .to_owned();
        assert!(names.insert(name.clone()), "{name} is listed twice");
    }
    names
}

/// The frame types the code knows and the document does not, and the other way round.
fn assert_same(side: &str, code: &BTreeSet<String>, doc: &BTreeSet<String>) {
    let missing: Vec<_> = code.difference(doc).collect();
    let extra: Vec<_> = doc.difference(code).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "docs/rooms-asyncapi.yaml `{side}`: not described: {missing:?}; described but unknown \
         to the code: {extra:?}"
    );
}

#[test]
fn asyncapi_describes_every_frame_type() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rooms-asyncapi.yaml");
    let yaml: serde_norway::Value =
        serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let doc = serde_json::to_value(yaml).unwrap();

    // Client frames: `hello` and every action.
    let mut client: BTreeSet<String> = Action::iter()
        .map(|a| {
            serde_json::to_value(a).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    client.insert("hello".into());
    assert_eq!(client.len(), Action::iter().count() + 1);
    assert_same("send", &client, &asyncapi_names(&doc, "send"));

    // Server frames: every `ServerMsg` type, events by their kinds.
    let session = Session::run();
    let room = room();
    let mut server = BTreeSet::new();
    for t in ServerMsgType::iter() {
        for (_, msg) in examples(t, &session, &room) {
            server.insert(
                serde_json::to_value(&msg).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    server.extend(EventKind::ALL.iter().map(|k| k.as_str().to_owned()));
    assert_same("receive", &server, &asyncapi_names(&doc, "receive"));
}

#[test]
fn absent_fields_are_stored_as_before() {
    use super::payload::*;
    use serde_json::json;
    let clear = Hands {
        action: HandAction::Clear,
        user_id: None,
        queue: Vec::new(),
    };
    assert_eq!(clear.to_data(), json!({"action": "clear", "queue": []}));
    let unmute = UserMuted {
        user_id: bea().user_id,
        until: None,
    };
    assert_eq!(
        unmute.to_data(),
        json!({"user_id": bea().user_id, "until": null})
    );
    let shown = QuestionHidden {
        question_id: 8,
        hidden: true,
        text: None,
    };
    assert_eq!(shown.to_data(), json!({"question_id": 8, "hidden": true}));
    // The shapes `repo::rewrite_chat` gives stored messages and edits.
    let event = |kind, data| Event {
        seq: 1,
        kind,
        actor: ada(),
        r#ref: None,
        data,
        at: at(),
    };
    let deleted = event(EventKind::Chat, json!({"deleted": true}));
    assert_eq!(
        deleted.payload::<Chat>(),
        Some(Chat {
            deleted: true,
            ..Chat::default()
        })
    );
    let edited = event(EventKind::Chat, json!({"text": "new", "edited": true}));
    let chat = edited.payload::<Chat>().unwrap();
    assert_eq!((chat.text.as_deref(), chat.edited), (Some("new"), true));
    let redacted = event(
        EventKind::ChatEdited,
        json!({"target_seq": 1, "redacted": true}),
    );
    assert_eq!(
        redacted.payload::<ChatEdited>(),
        Some(ChatEdited {
            target_seq: 1,
            text: None,
            redacted: true,
        })
    );
    // A payload of another kind is not read as this one.
    assert_eq!(redacted.payload::<ChatDeleted>(), None);
}
