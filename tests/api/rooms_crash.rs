//! The real binary under failure: kill -9 in the middle of a burst of chat, SIGTERM with
//! sockets open, and a client that stops reading.

use crate::contract::Checked as _;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::{Value, json};

use crate::helpers::{TestApp, admin_client, cluster, create_database, register_at};
use crate::instances::{Server, post, spawn_server, wait_healthy};
use crate::ws::{Ws, open_room};

/// The real binary on a fresh database (socket rate limit off), with an admin who opened a
/// room. The env is returned so the test can start the server again, or a second one.
struct Rig {
    env: Vec<(&'static str, String)>,
    server: Server,
    db: tokio_postgres::Client,
    admin: crate::helpers::TestUser,
    room: String,
}

async fn rig() -> Rig {
    let (url, name) = create_database(true).await;
    let env = vec![
        ("DATABASE_URL", url),
        ("LIVINGLAB_WS_RATE_PER_SECOND", "0".to_owned()),
    ];
    let mut server = spawn_server(&env, &std::env::temp_dir());
    wait_healthy(&mut server, Duration::from_secs(60)).await;
    let admin = register_at(&server.base, "ada").await;
    let db = admin_client(&cluster().base_url, &name).await;
    db.execute(
        "UPDATE users SET role = 'admin' WHERE id = $1::text::uuid",
        &[&admin.id.to_string()],
    )
    .await
    .unwrap();
    let (status, room) = post(
        &server.base,
        "/api/v1/rooms",
        Some(&admin.access),
        json!({"name": "Under failure", "access": "open"}),
    )
    .await;
    assert_eq!(status, 201, "{room}");
    let room = room["id"].as_str().unwrap().to_owned();
    Rig {
        env,
        server,
        db,
        admin,
        room,
    }
}

#[tokio::test]
async fn every_acked_message_survives_kill_9_exactly_once() {
    let Rig {
        env,
        mut server,
        db,
        admin,
        room,
    } = rig().await;
    let cwd = std::env::temp_dir();

    // Pipelined chat; the server is killed while acks are still coming in.
    let (mut ws, _) = Ws::join(&server.base, &admin, &room, None).await;
    let sent = 900;
    for i in 0..sent {
        ws.send(
            json!({"type": "chat.send", "ref": format!("m{i}"), "text": format!("message {i}")}),
        )
        .await;
    }
    let mut acked: HashMap<String, i64> = HashMap::new();
    loop {
        match ws.recv_or_end().await {
            Ok(v) if v["type"] == "ack" => {
                acked.insert(
                    v["ref"].as_str().unwrap().to_owned(),
                    v["seq"].as_i64().unwrap(),
                );
                if acked.len() == 200 {
                    kill(Pid::from_raw(server.child.id() as i32), Signal::SIGKILL).unwrap();
                }
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let _ = server.child.wait();
    assert!(acked.len() >= 200, "{} acks before the kill", acked.len());

    let mut server = spawn_server(&env, &cwd);
    wait_healthy(&mut server, Duration::from_secs(60)).await;
    // Every acked message is stored, with the seq its ack carried.
    let rows = db
        .query(
            "SELECT client_ref, seq FROM room_events WHERE room_id = $1::text::uuid",
            &[&room],
        )
        .await
        .unwrap();
    let stored: HashMap<String, i64> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(stored.len(), rows.len(), "a ref stored twice");
    for (r, seq) in &acked {
        assert_eq!(stored.get(r), Some(seq), "acked {r} is missing or moved");
    }

    // The client resumes and resends what it has no ack for: nothing doubles.
    let (mut ws, welcome) = Ws::join(&server.base, &admin, &room, Some(0)).await;
    let before = welcome["last_seq"].as_i64().unwrap();
    assert_eq!(before, rows.len() as i64);
    let mut seen = Vec::new();
    while seen.len() < before as usize {
        let v = ws.recv().await;
        if v["type"] == "chat" {
            seen.push(v["seq"].as_i64().unwrap());
        }
    }
    assert_eq!(seen, (1..=before).collect::<Vec<_>>());
    let missing: Vec<usize> = (0..sent)
        .filter(|i| !acked.contains_key(&format!("m{i}")))
        .collect();
    for i in &missing {
        ws.send(
            json!({"type": "chat.send", "ref": format!("m{i}"), "text": format!("message {i}")}),
        )
        .await;
    }
    let mut answered = HashSet::new();
    while answered.len() < missing.len() {
        let v = ws.recv().await;
        if v["type"] == "ack" {
            answered.insert(v["ref"].as_str().unwrap().to_owned());
        }
    }
    let (count, distinct): (i64, i64) = {
        let r = db
            .query_one(
                "SELECT count(*), count(DISTINCT client_ref) FROM room_events \
                 WHERE room_id = $1::text::uuid",
                &[&room],
            )
            .await
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!((count, distinct), (sent as i64, sent as i64));
}

#[tokio::test]
async fn sigterm_closes_room_sockets_with_1012() {
    let Rig {
        mut server,
        admin,
        room,
        ..
    } = rig().await;
    let (mut ws, _) = Ws::join(&server.base, &admin, &room, None).await;
    kill(Pid::from_raw(server.child.id() as i32), Signal::SIGTERM).unwrap();
    assert_eq!(ws.closed().await, 1012);
    let status = tokio::task::spawn_blocking(move || server.child.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success(), "{status}");
}

/// A client that stops reading is closed with 4008 instead of growing the server's
/// memory, the room goes on, and the client can resume what it missed.
#[tokio::test]
async fn a_client_that_does_not_read_is_closed_with_4008_and_can_resume() {
    let app = TestApp::spawn_with(|s| s.rooms.rate_per_second = 0).await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = open_room(&app, &admin).await;
    let (mut sleeper, _) = Ws::join(&app.addr, &bob, &room, None).await;
    let (mut a, _) = Ws::join(&app.addr, &admin, &room, None).await;
    // Big messages fill the socket buffers quickly; the sleeper never reads.
    let text = "z".repeat(3900);
    let mut last = 0;
    let mut closed = false;
    for round in 0..60 {
        for i in 0..500 {
            a.send(json!({"type": "chat.send", "ref": format!("{round}-{i}"), "text": text}))
                .await;
        }
        let mut acks = 0;
        while acks < 500 {
            let v: Value = a.recv().await;
            if v["type"] == "ack" {
                acks += 1;
                last = v["seq"].as_i64().unwrap();
            }
        }
        let n: i64 = app
            .db()
            .await
            .query_one("SELECT 1::bigint", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1);
        if sleeper_closed(&app).await {
            closed = true;
            break;
        }
    }
    assert!(closed, "the sleeping socket was never closed");
    assert_eq!(sleeper.closed().await, 4008);
    // The room went on: the writer still answers quickly.
    let seq = a.act(json!({"type": "chat.send", "text": "after"})).await;
    assert_eq!(seq, last + 1);
    let (mut again, welcome) = Ws::join(&app.addr, &bob, &room, Some(last - 10)).await;
    assert_eq!(welcome["last_seq"], seq);
    let first = again.next_of("chat").await;
    assert_eq!(first["seq"], last - 9);
}

/// The server's gauge of open room sockets: 1 means only the sender is left.
async fn sleeper_closed(app: &TestApp) -> bool {
    let res = app
        .client
        .get(app.url("/metrics"))
        .send_checked()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    text.lines()
        .find(|l| l.starts_with("livinglab_room_sockets "))
        .and_then(|l| l.split_whitespace().nth(1))
        .is_some_and(|v| v == "1")
}

/// Two `livinglab` processes on one database: clients on each see each other's messages in
/// the same seq order.
#[tokio::test]
async fn two_server_processes_deliver_the_same_order() {
    let Rig {
        env,
        server: one,
        admin,
        room,
        ..
    } = rig().await;
    let mut two = spawn_server(&env, &std::env::temp_dir());
    wait_healthy(&mut two, Duration::from_secs(60)).await;
    let bob = register_at(&two.base, "bob").await;
    let (mut a, _) = Ws::join(&one.base, &admin, &room, None).await;
    let (mut b, _) = Ws::join(&two.base, &bob, &room, None).await;
    for i in 0..100 {
        a.send(json!({"type": "chat.send", "ref": format!("a{i}"), "text": format!("a{i}")}))
            .await;
        b.send(json!({"type": "chat.send", "ref": format!("b{i}"), "text": format!("b{i}")}))
            .await;
    }
    let mut orders = Vec::new();
    for ws in [&mut a, &mut b] {
        let mut order = Vec::new();
        while order.len() < 200 {
            let v = ws.recv().await;
            if v["type"] == "chat" {
                order.push((
                    v["seq"].as_i64().unwrap(),
                    v["text"].as_str().unwrap().to_owned(),
                ));
            }
        }
        orders.push(order);
    }
    assert_eq!(orders[0], orders[1]);
    let seqs: Vec<i64> = orders[0].iter().map(|(s, _)| *s).collect();
    assert_eq!(seqs, (1..=200).collect::<Vec<_>>());
}
