//! The live room over real websockets: ordering, resume, idempotency, every feature and its
//! permissions, bad input, and several instances on one database.

use crate::contract::Checked as _;
use std::collections::HashSet;
use std::time::Duration;

use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::helpers::TestApp;
use crate::ws::{Ended, Ws, open_room};

fn no_rate_limit(s: &mut livinglab::settings::Settings) {
    s.rooms.rate_per_second = 0;
}

#[tokio::test]
async fn a_chat_reaches_everyone_with_the_acked_seq_and_is_in_the_log() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = open_room(&app, &admin).await;

    let (mut a, welcome) = Ws::join(&app.addr, &admin, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true);
    assert_eq!(welcome["last_seq"], 0);
    assert_eq!(welcome["room"]["id"], room.as_str());
    let (mut b, welcome_b) = Ws::join(&app.addr, &bob, &room, None).await;
    assert_eq!(welcome_b["you"]["is_moderator"], false);
    assert_eq!(welcome_b["present"].as_array().unwrap().len(), 2);
    let p = a.next_of("presence").await;
    assert_eq!(p["joined"]["display_name"], "bob");
    assert_eq!(p["count"], 2);

    a.send(json!({"type": "chat.send", "ref": "m1", "text": "  Hello, Valencia!  "}))
        .await;
    let ack = a.answer_to("m1").await;
    assert_eq!(ack["type"], "ack");
    let seq = ack["seq"].as_i64().unwrap();
    assert_eq!(seq, 1);
    for ws in [&mut a, &mut b] {
        let chat = ws.next_of("chat").await;
        assert_eq!(chat["seq"], seq);
        assert_eq!(chat["ref"], "m1");
        assert_eq!(chat["text"], "Hello, Valencia!");
        assert_eq!(chat["actor"]["user_id"], admin.id.to_string());
        assert_eq!(chat["actor"]["display_name"], "ada");
        assert!(chat["at"].as_str().unwrap().ends_with('Z'));
    }
    let (status, log) = app
        .get(&format!("/api/v1/rooms/{room}/events"), Some(&bob.access))
        .await;
    assert_eq!(status, 200, "{log}");
    assert_eq!(log["last_seq"], 1);
    assert_eq!(log["items"][0]["type"], "chat");
    assert_eq!(log["items"][0]["seq"], seq);
    assert_eq!(log["items"][0]["text"], "Hello, Valencia!");

    // Leaving is announced; several tabs of one user count once.
    let (b2, _) = Ws::join(&app.addr, &bob, &room, None).await;
    b2.close().await;
    b.close().await;
    let left = a.next_of("presence").await;
    assert_eq!(left["left"]["user_id"], bob.id.to_string());
    assert_eq!(left["count"], 1);
}

#[tokio::test]
async fn resume_delivers_exactly_the_missed_events_and_resent_refs_are_not_duplicated() {
    let app = TestApp::spawn_with(no_rate_limit).await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = open_room(&app, &admin).await;
    let (mut a, _) = Ws::join(&app.addr, &admin, &room, None).await;
    let (mut b, _) = Ws::join(&app.addr, &bob, &room, None).await;
    let first = a.act(json!({"type": "chat.send", "text": "before"})).await;
    assert_eq!(b.next_of("chat").await["seq"], first);
    b.close().await;

    let mut sent = Vec::new();
    for i in 0..50 {
        let r = format!("r{i}");
        a.send(json!({"type": "chat.send", "ref": r, "text": format!("missed {i}")}))
            .await;
        sent.push(r);
    }
    let mut acked = Vec::new();
    for r in &sent {
        acked.push(a.answer_to(r).await["seq"].as_i64().unwrap());
    }
    assert_eq!(acked, (first + 1..=first + 50).collect::<Vec<_>>());

    let (mut b, welcome) = Ws::join(&app.addr, &bob, &room, Some(first)).await;
    assert_eq!(welcome["last_seq"], first + 50);
    for (i, want) in acked.iter().enumerate() {
        let chat = b.next_of("chat").await;
        assert_eq!(chat["seq"], *want);
        assert_eq!(chat["text"], format!("missed {i}"));
    }
    let live = a.act(json!({"type": "chat.send", "text": "live"})).await;
    let next = b.next_of("chat").await;
    assert_eq!(next["seq"], live, "live events follow the resumed ones");

    // A resend after a reconnect: acked with the first seq, stored once.
    a.send(json!({"type": "chat.send", "ref": "r7", "text": "missed 7"}))
        .await;
    let dup = a.answer_to("r7").await;
    assert_eq!(dup["type"], "ack");
    assert_eq!(dup["seq"], acked[7]);
    assert_eq!(dup["duplicate"], true);
    assert_eq!(app.count("room_events").await, 52);

    // Too far behind: the client is told to use REST.
    for i in 0..1001 {
        a.send(json!({"type": "chat.send", "ref": format!("bulk{i}"), "text": "x"}))
            .await;
    }
    a.answer_to("bulk1000").await;
    let (mut c, _) = Ws::join(&app.addr, &bob, &room, Some(0)).await;
    let r = c.recv().await;
    assert_eq!(r["type"], "resync_required", "{r}");
    let (status, page) = app
        .get(
            &format!("/api/v1/rooms/{room}/events?after_seq=1000&limit=1000"),
            Some(&bob.access),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(page["items"][0]["seq"], 1001);
    assert_eq!(page["next_after_seq"], Value::Null);
}

#[tokio::test]
async fn hands_polls_questions_ideas_and_moderation() {
    let app = TestApp::spawn_with(no_rate_limit).await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let cleo = app.register("cleo").await;
    let (status, body) = app
        .post(
            "/api/v1/rooms",
            Some(&admin.access),
            json!({"name": "Circular economy lab", "access": "open", "dot_votes_per_user": 2}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let room = body["id"].as_str().unwrap().to_owned();
    let (mut m, _) = Ws::join(&app.addr, &admin, &room, None).await;
    let (mut b, _) = Ws::join(&app.addr, &bob, &room, None).await;

    // Hands, in raise order; only moderators lower others' hands or clear.
    b.act(json!({"type": "hand.raise"})).await;
    m.act(json!({"type": "hand.raise"})).await;
    let hands = b.next_of("hands").await;
    assert_eq!(hands["queue"][0]["user_id"], bob.id.to_string());
    let hands = b.next_of("hands").await;
    assert_eq!(hands["queue"].as_array().unwrap().len(), 2);
    assert_eq!(hands["queue"][1]["display_name"], "ada");
    assert_eq!(b.refused(json!({"type": "hand.raise"})).await, "conflict");
    let lower_admin = json!({"type": "hand.lower", "user_id": admin.id});
    assert_eq!(b.refused(lower_admin.clone()).await, "forbidden");
    assert_eq!(b.refused(json!({"type": "hand.clear"})).await, "forbidden");
    m.act(lower_admin).await;

    // Polls: moderators only; one changeable ballot; hidden results until closed.
    let poll_frame = json!({"type": "poll.create", "question": "Next pilot?",
        "options": ["bike lanes", "car-free day", "bus priority"], "multiple": false,
        "hide_results": true});
    assert_eq!(b.refused(poll_frame.clone()).await, "forbidden");
    let poll = m.act(poll_frame).await;
    let open_poll = m
        .act(json!({"type": "poll.create", "question": "Venue?", "options": ["hall", "online"]}))
        .await;
    b.act(json!({"type": "poll.vote", "poll_id": poll, "choices": [0]}))
        .await;
    b.act(json!({"type": "poll.vote", "poll_id": poll, "choices": [2]}))
        .await;
    let two = json!({"type": "poll.vote", "poll_id": poll, "choices": [0, 1]});
    assert_eq!(b.refused(two).await, "invalid_message");
    let bad = json!({"type": "poll.vote", "poll_id": poll, "choices": [9]});
    assert_eq!(b.refused(bad).await, "invalid_message");
    let gone = json!({"type": "poll.vote", "poll_id": 999, "choices": [0]});
    assert_eq!(b.refused(gone).await, "not_found");
    m.act(json!({"type": "poll.vote", "poll_id": poll, "choices": [2]}))
        .await;
    b.act(json!({"type": "poll.vote", "poll_id": open_poll, "choices": [1]}))
        .await;
    let results = b.next_of("poll.results").await;
    assert_eq!(
        results["poll_id"], open_poll,
        "only the visible poll: {results}"
    );
    assert_eq!(results["results"]["counts"], json!([0, 1]));
    let voted = m.next_of("poll.voted").await;
    assert!(voted.get("choices").is_none() && voted.get("private").is_none());
    assert_eq!(
        b.refused(json!({"type": "poll.close", "poll_id": poll}))
            .await,
        "forbidden"
    );
    m.act(json!({"type": "poll.close", "poll_id": poll})).await;
    let closed = b.next_of("poll.closed").await;
    assert_eq!(closed["results"], json!({"counts": [0, 0, 2], "voters": 2}));
    let late = json!({"type": "poll.vote", "poll_id": poll, "choices": [1]});
    assert_eq!(b.refused(late).await, "conflict");

    // Questions: upvote toggles once per user; moderators answer, pin and hide.
    let q1 = b
        .act(json!({"type": "question.ask", "text": "Who funds the bike lanes?"}))
        .await;
    let q2 = b
        .act(json!({"type": "question.ask", "text": "A question to hide"}))
        .await;
    m.act(json!({"type": "question.upvote", "question_id": q1}))
        .await;
    b.act(json!({"type": "question.upvote", "question_id": q1}))
        .await;
    b.act(json!({"type": "question.upvote", "question_id": q1}))
        .await;
    let up = b.next_of("question.upvoted").await;
    assert_eq!(up["votes"], 1);
    for t in ["question.answer", "question.pin", "question.hide"] {
        let f = json!({"type": t, "question_id": q1});
        assert_eq!(b.refused(f).await, "forbidden", "{t}");
    }
    m.act(json!({"type": "question.answer", "question_id": q1}))
        .await;
    m.act(json!({"type": "question.pin", "question_id": q1}))
        .await;
    m.act(json!({"type": "question.hide", "question_id": q2}))
        .await;
    let hidden_upvote = json!({"type": "question.upvote", "question_id": q2});
    assert_eq!(b.refused(hidden_upvote).await, "not_found");
    let asked = |log: &Value| {
        log["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == "question.asked" && e["question_id"] == q2)
            .cloned()
            .unwrap()
    };
    let events = format!("/api/v1/rooms/{room}/events?limit=1000");
    let log = app.get_ok(&events, Some(&bob.access)).await;
    assert!(
        asked(&log).get("text").is_none(),
        "hidden from participants"
    );
    let log = app.get_ok(&events, Some(&admin.access)).await;
    assert_eq!(asked(&log)["text"], "A question to hide");

    // Ideas with the per-room dot limit (2 here).
    let mut ideas = Vec::new();
    for (text, col) in [
        ("Repair café", "waste"),
        ("Tool library", "waste"),
        ("Car-free Sundays", "mobility"),
    ] {
        ideas.push(
            b.act(json!({"type": "idea.add", "text": text, "column": col}))
                .await,
        );
    }
    b.act(json!({"type": "idea.vote", "idea_id": ideas[0]}))
        .await;
    assert_eq!(
        b.refused(json!({"type": "idea.vote", "idea_id": ideas[0]}))
            .await,
        "conflict"
    );
    b.act(json!({"type": "idea.vote", "idea_id": ideas[1]}))
        .await;
    assert_eq!(
        b.refused(json!({"type": "idea.vote", "idea_id": ideas[2]}))
            .await,
        "limit_reached"
    );
    b.act(json!({"type": "idea.unvote", "idea_id": ideas[1]}))
        .await;
    b.act(json!({"type": "idea.vote", "idea_id": ideas[2]}))
        .await;
    m.act(json!({"type": "idea.vote", "idea_id": ideas[0]}))
        .await;
    let cleo_idea = {
        let (mut c, _) = Ws::join(&app.addr, &cleo, &room, None).await;
        let id = c
            .act(json!({"type": "idea.add", "text": "Cleo's idea"}))
            .await;
        c.close().await;
        id
    };
    let move_other = json!({"type": "idea.move", "idea_id": cleo_idea, "column": "x"});
    assert_eq!(b.refused(move_other).await, "forbidden");
    let remove_other = json!({"type": "idea.remove", "idea_id": cleo_idea});
    assert_eq!(b.refused(remove_other.clone()).await, "forbidden");
    m.act(remove_other).await;
    b.act(json!({"type": "idea.move", "idea_id": ideas[2], "column": "transport"}))
        .await;

    // Chat edits and deletions, reactions.
    let msg = b
        .act(json!({"type": "chat.send", "text": "typo hre"}))
        .await;
    b.act(json!({"type": "chat.edit", "seq": msg, "text": "typo here"}))
        .await;
    let other = json!({"type": "chat.edit", "seq": msg, "text": "not yours"});
    assert_eq!(m.refused(other).await, "forbidden");
    m.act(json!({"type": "react", "seq": msg, "emoji": "👍"}))
        .await;
    let spam = m.act(json!({"type": "chat.send", "text": "spam"})).await;
    assert_eq!(
        b.refused(json!({"type": "chat.delete", "seq": spam})).await,
        "forbidden"
    );
    let rude = b
        .act(json!({"type": "chat.send", "text": "rude wrds"}))
        .await;
    b.act(json!({"type": "chat.edit", "seq": rude, "text": "rude words"}))
        .await;
    m.act(json!({"type": "chat.delete", "seq": rude})).await;
    let log = app.get_ok(&events, Some(&admin.access)).await;
    assert!(
        !log.to_string().contains("rude w"),
        "a deleted message's text is gone, edits included: {log}"
    );
    assert_eq!(
        b.refused(json!({"type": "chat.edit", "seq": rude, "text": "x"}))
            .await,
        "not_found"
    );

    // Moderation: lock, slow mode, mute; all moderator-only.
    for f in [
        json!({"type": "mod.lock", "locked": true}),
        json!({"type": "mod.slow", "seconds": 5}),
        json!({"type": "mod.mute", "user_id": cleo.id, "minutes": 5}),
        json!({"type": "mod.kick", "user_id": cleo.id}),
    ] {
        assert_eq!(b.refused(f.clone()).await, "forbidden", "{f}");
    }
    // Only existing participants can be muted or removed; moderators cannot.
    let nobody = uuid::Uuid::now_v7();
    for f in [
        json!({"type": "mod.kick", "user_id": nobody}),
        json!({"type": "mod.mute", "user_id": nobody, "minutes": 5}),
    ] {
        assert_eq!(m.refused(f).await, "not_found");
    }
    let other_admin = app.admin("root").await;
    for f in [
        json!({"type": "mod.kick", "user_id": other_admin.id}),
        json!({"type": "mod.mute", "user_id": other_admin.id, "minutes": 5}),
    ] {
        assert_eq!(m.refused(f).await, "forbidden");
    }
    m.act(json!({"type": "mod.lock", "locked": true})).await;
    let chat = json!({"type": "chat.send", "text": "may I?"});
    assert_eq!(b.refused(chat.clone()).await, "room_locked");
    m.act(json!({"type": "chat.send", "text": "moderators may"}))
        .await;
    m.act(json!({"type": "mod.lock", "locked": false})).await;
    m.act(json!({"type": "mod.slow", "seconds": 30})).await;
    // Bob's last message was seconds ago; moderators are exempt.
    assert_eq!(b.refused(chat.clone()).await, "slow_mode");
    m.act(chat.clone()).await;
    m.act(json!({"type": "mod.slow", "seconds": 0})).await;
    b.act(chat.clone()).await;
    m.act(json!({"type": "mod.mute", "user_id": bob.id, "minutes": 10}))
        .await;
    assert_eq!(b.refused(chat.clone()).await, "muted");
    m.act(json!({"type": "mod.mute", "user_id": bob.id, "minutes": 0}))
        .await;
    b.act(chat.clone()).await;

    // A late joiner's welcome reflects all of it.
    let (mut c, welcome) = Ws::join(&app.addr, &cleo, &room, None).await;
    let st = &welcome["state"];
    assert_eq!(st["hands"].as_array().unwrap().len(), 1, "{st}");
    assert_eq!(st["hands"][0]["user_id"], bob.id.to_string());
    assert_eq!(st["locked"], false);
    assert_eq!(st["slow_mode_seconds"], 0);
    assert_eq!(st["dot_votes_per_user"], 2);
    assert_eq!(st["my_dots_left"], 2);
    let polls = st["polls"].as_array().unwrap();
    assert_eq!(polls.len(), 2);
    assert_eq!(polls[0]["closed"], true);
    assert_eq!(polls[0]["results"]["counts"], json!([0, 0, 2]));
    assert!(
        polls[1].get("results").is_some(),
        "visible poll shows results"
    );
    let qs = st["questions"].as_array().unwrap();
    assert_eq!(
        qs.len(),
        1,
        "hidden questions are not shown to participants: {qs:?}"
    );
    assert_eq!(qs[0]["votes"], 1);
    assert_eq!(qs[0]["answered"], true);
    assert_eq!(qs[0]["pinned"], true);
    let ideas_state = st["ideas"].as_array().unwrap();
    assert_eq!(ideas_state.len(), 3);
    let votes: Vec<i64> = ideas_state
        .iter()
        .map(|i| i["votes"].as_i64().unwrap())
        .collect();
    assert_eq!(votes, vec![2, 0, 1]);
    assert_eq!(ideas_state[2]["column"], "transport");
    let (_, mod_welcome) = Ws::join(&app.addr, &admin, &room, None).await;
    assert_eq!(
        mod_welcome["state"]["questions"].as_array().unwrap().len(),
        2,
        "moderators see hidden questions"
    );

    // Kick: the user's sockets close with 4004 and re-entry is refused.
    m.act(json!({"type": "mod.kick", "user_id": cleo.id})).await;
    assert_eq!(c.closed().await, 4004);
    let mut again = Ws::open(&app.addr, &room, None).await.unwrap();
    again
        .send(json!({"type": "hello", "token": cleo.access}))
        .await;
    let e = again.recv().await;
    assert_eq!(e["code"], "forbidden");
    assert_eq!(again.closed().await, 4003);
    let (status, _) = app
        .get(&format!("/api/v1/rooms/{room}/events"), Some(&cleo.access))
        .await;
    assert_eq!(status, 404, "a removed user cannot read the room either");
    m.act(json!({"type": "mod.unkick", "user_id": cleo.id}))
        .await;
    let (_, welcome) = Ws::join(&app.addr, &cleo, &room, None).await;
    assert_eq!(welcome["type"], "welcome");

    // The minutes.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/rooms/{room}/export?format=md")))
        .bearer_auth(&bob.access)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    let md = res.text().await.unwrap();
    for needle in [
        "# Circular economy lab",
        "## Chat",
        "typo here _(edited)_",
        "_(message deleted)_",
        "👍 1",
        "### Next pilot?",
        "bus priority: 2 (100 %)",
        "Closed.",
        "**1 vote(s)** [answered, pinned] Who funds the bike lanes?",
        "### waste",
        "**2 dot(s)** Repair café",
        "### transport",
        "locked the room",
        "set slow mode to 30 s",
        "removed a participant from the room",
    ] {
        assert!(md.contains(needle), "export lacks {needle:?}:\n{md}");
    }
    assert!(!md.contains("rude words"), "deleted text stays deleted");
    assert!(!md.contains("A question to hide"));

    // Unhiding gives participants the text they never got.
    m.act(json!({"type": "question.hide", "question_id": q2, "hidden": false}))
        .await;
    let unhidden = b.next_of("question.hidden").await;
    assert_eq!(unhidden["hidden"], false);
    assert_eq!(unhidden["text"], "A question to hide");

    // A deletion and an edit sent back to back (likely one writer batch): the edit must
    // not bring the text back.
    let secret = b
        .act(json!({"type": "chat.send", "text": "secret one"}))
        .await;
    b.send(json!({"type": "chat.delete", "seq": secret, "ref": "del"}))
        .await;
    b.send(json!({"type": "chat.edit", "seq": secret, "text": "secret two", "ref": "ed"}))
        .await;
    assert_eq!(b.answer_to("del").await["type"], "ack");
    let edit = b.answer_to("ed").await;
    assert_eq!(edit["code"], "not_found", "{edit}");
    let log = app.get_ok(&events, Some(&admin.access)).await;
    assert!(!log.to_string().contains("secret"), "{log}");
}

#[tokio::test]
async fn bad_input_gets_errors_and_close_codes_and_spares_the_room() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = open_room(&app, &admin).await;
    let (mut watcher, _) = Ws::join(&app.addr, &admin, &room, None).await;
    let (mut b, _) = Ws::join(&app.addr, &bob, &room, None).await;

    for (frame, code) in [
        ("not json", "invalid_message"),
        ("[1,2,3]", "invalid_message"),
        (r#"{"type":"teleport","ref":"t"}"#, "invalid_message"),
        (r#"{"type":"chat.send","ref":"t"}"#, "invalid_message"),
        (r#"{"type":"chat.send","text":42}"#, "invalid_message"),
        (r#"{"type":"hello","token":"x"}"#, "invalid_message"),
        (r#"{"type":"chat.send","text":"   "}"#, "invalid_message"),
        (
            r#"{"type":"poll.vote","poll_id":-5,"choices":[0]}"#,
            "not_found",
        ),
        (r#"{"type":"mod.slow","seconds":-1}"#, "invalid_message"),
    ] {
        b.send_raw(Message::text(frame)).await;
        let e = b.recv().await;
        assert_eq!(e["type"], "error", "{frame}: {e}");
        assert_eq!(e["code"], code, "{frame}: {e}");
    }
    let e = {
        b.send_raw(Message::text(r#"{"type":"teleport","ref":"t"}"#))
            .await;
        b.recv().await
    };
    assert_eq!(e["ref"], "t", "errors echo the ref");
    let long = "x".repeat(4001);
    let too_long = json!({"type": "chat.send", "text": long});
    assert_eq!(b.refused(too_long).await, "too_long");
    b.send_raw(Message::binary(vec![1u8, 2, 3])).await;
    assert_eq!(b.recv().await["code"], "invalid_message");

    // A flood: refused with rate_limited, and the socket survives it.
    for i in 0..40 {
        b.send(json!({"type": "chat.send", "ref": format!("f{i}"), "text": "flood"}))
            .await;
    }
    let mut limited = 0;
    let mut acked = 0;
    while limited + acked < 40 {
        let v = b.recv().await;
        match v["type"].as_str() {
            Some("error") if v["code"] == "rate_limited" => limited += 1,
            Some("ack") => acked += 1,
            _ => {}
        }
    }
    // The frames above used most of the burst of 20; 5 per second come back.
    assert!(limited >= 15, "{limited} refused of 40");
    assert!(acked >= 1, "the rest of the budget goes through: {acked}");

    // A 1 MiB frame closes that socket with 1009.
    b.send_raw(Message::text("y".repeat(1024 * 1024))).await;
    assert_eq!(b.closed().await, 1009);

    // Forged, expired-looking and missing tokens: 4001. Anything before hello: 4002.
    for token in [
        json!("forged.token.value"),
        json!("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"),
    ] {
        let mut x = Ws::open(&app.addr, &room, None).await.unwrap();
        x.send(json!({"type": "hello", "token": token})).await;
        let e = x.recv().await;
        assert_eq!(e["code"], "unauthorized", "{e}");
        assert_eq!(x.closed().await, 4001);
    }
    let mut x = Ws::open(&app.addr, &room, None).await.unwrap();
    x.send(json!({"type": "chat.send", "text": "no hello"}))
        .await;
    assert_eq!(x.recv().await["code"], "invalid_message");
    assert_eq!(x.closed().await, 4002);
    let mut x = Ws::open(&app.addr, &room, None).await.unwrap();
    x.send(json!({"type": "hello"})).await;
    assert_eq!(x.closed().await, 4002);

    // Upgrade refusals: unknown room, foreign Origin.
    let unknown = uuid::Uuid::now_v7().to_string();
    assert_eq!(
        Ws::open(&app.addr, &unknown, None).await.err(),
        Some(Ended::Refused(404))
    );
    assert_eq!(
        Ws::open(&app.addr, &room, Some("https://evil.example"))
            .await
            .err(),
        Some(Ended::Refused(403))
    );
    assert!(
        Ws::open(&app.addr, &room, Some("http://localhost:5173"))
            .await
            .is_ok()
    );
    assert!(Ws::open(&app.addr, &room, Some(&app.addr)).await.is_ok());

    // The watcher was never disturbed and the server still serves.
    let seq = watcher
        .act(json!({"type": "chat.send", "text": "still here"}))
        .await;
    assert_eq!(watcher.next_of("chat").await["seq"], seq);
    let (status, _) = app.get("/healthz", None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn access_rules_apply_to_hello() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let body = app
        .create_room(&admin, json!({"name": "Invite only", "access": "invite"}))
        .await;
    let room = body["id"].as_str().unwrap().to_owned();
    let mut x = Ws::open(&app.addr, &room, None).await.unwrap();
    x.send(json!({"type": "hello", "token": bob.access})).await;
    assert_eq!(x.recv().await["code"], "forbidden");
    assert_eq!(x.closed().await, 4003);
    let (status, _) = app
        .post(
            &format!("/api/v1/rooms/{room}/participants"),
            Some(&admin.access),
            json!({"user_id": bob.id}),
        )
        .await;
    assert_eq!(status, 201);
    let (_, welcome) = Ws::join(&app.addr, &bob, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], false);
}

/// Two instances on one database are one server, and a lost LISTEN connection loses
/// nothing.
#[tokio::test]
async fn two_instances_deliver_the_same_order_and_survive_a_killed_listener() {
    let a = TestApp::spawn_with(no_rate_limit).await;
    let b = TestApp::spawn_on(&a.db_url, a.db_name.clone(), no_rate_limit).await;
    let admin = a.admin("ada").await;
    let bob = a.register("bob").await;
    let room = open_room(&a, &admin).await;
    let (mut on_a, _) = Ws::join(&a.addr, &admin, &room, None).await;
    let (mut on_b, welcome) = Ws::join(&b.addr, &bob, &room, None).await;
    // Presence is room-wide: each instance knows who is on the other.
    let joined = on_a.next_of("presence").await;
    assert_eq!(joined["joined"]["user_id"], bob.id.to_string());
    assert_eq!(joined["count"], 2);
    let mut present: Vec<String> = welcome["present"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["display_name"].as_str().unwrap().to_owned())
        .collect();
    present.sort();
    assert_eq!(present, ["ada", "bob"]);

    // Both write at once, from both instances.
    let total = 200;
    for i in 0..total / 2 {
        on_a.send(json!({"type": "chat.send", "ref": format!("a{i}"), "text": format!("a{i}")}))
            .await;
        on_b.send(json!({"type": "chat.send", "ref": format!("b{i}"), "text": format!("b{i}")}))
            .await;
    }
    let order_a = chats(&mut on_a, total).await;
    let order_b = chats(&mut on_b, total).await;
    assert_eq!(
        order_a, order_b,
        "same events in the same order on both instances"
    );
    let seqs: Vec<i64> = order_a.iter().map(|(s, _)| *s).collect();
    assert_eq!(seqs, (1..=total as i64).collect::<Vec<_>>());

    // Kill every LISTEN connection; events written meanwhile still arrive.
    let db = a.db().await;
    let killed = db
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND query LIKE 'LISTEN%'",
            &[],
        )
        .await
        .unwrap()
        .len();
    assert_eq!(killed, 2, "one listener per instance");
    for i in 0..20 {
        on_a.send(
            json!({"type": "chat.send", "ref": format!("after{i}"), "text": format!("after {i}")}),
        )
        .await;
    }
    let after = chats(&mut on_b, 20).await;
    assert_eq!(
        after.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        (total as i64 + 1..=total as i64 + 20).collect::<Vec<_>>()
    );
    on_b.close().await;
    let left = on_a.next_of("presence").await;
    assert_eq!(left["left"]["user_id"], bob.id.to_string());
    assert_eq!(left["count"], 1);
    // The listeners are back.
    for _ in 0..50 {
        let n: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_stat_activity \
                 WHERE datname = current_database() AND query LIKE 'LISTEN%'",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if n == 2 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the listeners did not reconnect");
}

/// Reads `n` chat frames: (seq, text), checking seqs strictly increase.
async fn chats(ws: &mut Ws, n: usize) -> Vec<(i64, String)> {
    let mut out: Vec<(i64, String)> = Vec::new();
    let mut seen = HashSet::new();
    while out.len() < n {
        let v = ws.recv().await;
        if v["type"] == "chat" {
            let seq = v["seq"].as_i64().unwrap();
            assert!(seen.insert(seq), "duplicate seq {seq}");
            if let Some((last, _)) = out.last() {
                assert!(seq > *last, "seq {seq} after {last}");
            }
            out.push((seq, v["text"].as_str().unwrap().to_owned()));
        }
    }
    out
}

#[tokio::test]
async fn a_socket_that_never_says_hello_is_closed_after_10_s() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let room = open_room(&app, &admin).await;
    let mut ws = Ws::open(&app.addr, &room, None).await.unwrap();
    let started = std::time::Instant::now();
    let e = ws.recv().await;
    assert_eq!(e["code"], "invalid_message", "{e}");
    assert_eq!(ws.closed().await, 4002);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(12),
        "{waited:?}"
    );
}

/// A client that goes silent (no frames, no pongs) is closed after 45 to 60 s, and its
/// presence goes with it.
#[tokio::test]
async fn a_silent_socket_is_closed_and_leaves_the_room() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = open_room(&app, &admin).await;
    let (mut observer, _) = Ws::join(&app.addr, &admin, &room, None).await;
    let (mut silent, _) = Ws::join(&app.addr, &bob, &room, None).await;
    // From here on `silent` is never read, so it never answers the server's pings.
    let started = std::time::Instant::now();
    let mut left = None;
    while left.is_none() && started.elapsed() < Duration::from_secs(80) {
        let r = format!("keepalive-{}", started.elapsed().as_millis());
        observer
            .send(json!({"type": "chat.send", "ref": r, "text": "still here"}))
            .await;
        loop {
            let v = observer.recv().await;
            if v["type"] == "presence" && v.get("left").is_some() {
                left = Some((v.clone(), started.elapsed()));
            }
            if v["ref"] == r && v["type"] == "ack" {
                break;
            }
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    let (frame, after) = left.expect("the silent socket was never closed");
    assert_eq!(frame["left"]["user_id"], bob.id.to_string());
    assert_eq!(frame["count"], 1);
    assert!(
        after >= Duration::from_secs(44),
        "closed too early: {after:?}"
    );
    // The server sends close 4000 and hangs up; reading the backlog later, tungstenite may
    // first fail to answer a queued ping on the closed connection (1006 here).
    let code = silent.closed().await;
    assert!(code == 4000 || code == 1006, "{code}");
}
