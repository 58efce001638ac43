//! Abuse limits besides the per-IP register/login one (which `auth.rs` tests): failed
//! logins per account, refresh, exports, room sockets that never say `hello`. Each test
//! turns on only its own limit, small.

use crate::contract::Checked as _;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_error};
use crate::ws::{Ended, Ws, open_room};

/// A `429 rate_limited` with a `Retry-After` of 1 to `max` seconds.
async fn assert_throttled(res: reqwest::Response, max: u64) {
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=max).contains(&retry), "Retry-After {retry}");
    let body: Value = res.json().await.unwrap();
    assert_error(StatusCode::TOO_MANY_REQUESTS, &body, 429, "rate_limited");
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send_checked()
        .await
        .unwrap()
}

/// Failed logins are counted per email, whether or not it has an account (the answers
/// are the same, so they tell nothing), across spellings of the same address; then even
/// the right password waits. Other accounts are untouched; a success clears the count.
#[tokio::test]
async fn failed_logins_are_throttled_per_account_known_or_not() {
    let app = TestApp::spawn_with(|s| s.limits.login_failures_per_account = 3).await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    for email in [ana.email.as_str(), "nobody@example.org"] {
        for spelling in [
            email.to_owned(),
            format!(" {} ", email.to_uppercase()),
            email.to_owned(),
        ] {
            let res = login(&app, &spelling, "not the password").await;
            assert_eq!(res.status(), 401, "{spelling}");
        }
        let res = login(&app, email, "password-of-ana").await;
        assert_throttled(res, 15 * 60).await;
    }
    // Ben's account has its own count, and his success clears it.
    for _ in 0..2 {
        assert_eq!(login(&app, &ben.email, "wrong").await.status(), 401);
    }
    assert_eq!(
        login(&app, &ben.email, "password-of-ben").await.status(),
        200
    );
    for _ in 0..2 {
        assert_eq!(login(&app, &ben.email, "wrong").await.status(), 401);
    }
    assert_eq!(
        login(&app, &ben.email, "password-of-ben").await.status(),
        200
    );
}

/// Guesses sent at once are counted when they start: with a budget of 3, twelve parallel
/// wrong passwords get three 401s and nine 429s, not twelve password checks.
#[tokio::test]
async fn parallel_guesses_share_one_budget() {
    let app = TestApp::spawn_with(|s| s.limits.login_failures_per_account = 3).await;
    let ana = app.register("ana").await;
    let answers = futures::future::join_all((0..12).map(|i| {
        login(
            &app,
            &ana.email,
            if i == 0 { "wrong" } else { "also wrong" },
        )
    }))
    .await;
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [[401; 3].as_slice(), &[429; 9]].concat());
}

#[tokio::test]
async fn refresh_is_rate_limited_per_ip() {
    let app = TestApp::spawn_with(|s| s.limits.refresh_per_minute = 2).await;
    let ana = app.register("ana").await;
    let mut token = ana.refresh.clone();
    for _ in 0..2 {
        let b = app
            .post_ok(
                200,
                "/api/v1/auth/refresh",
                None,
                json!({"refresh_token": token}),
            )
            .await;
        token = b["refresh_token"].as_str().unwrap().to_owned();
    }
    let res = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .json(&json!({"refresh_token": token}))
        .send_checked()
        .await
        .unwrap();
    assert_throttled(res, 60).await;
}

#[tokio::test]
async fn exports_are_rate_limited() {
    let app = TestApp::spawn_with(|s| {
        s.limits.practice_export_per_minute = 2;
        s.limits.room_export_per_minute = 2;
    })
    .await;
    // The public practice export, per address.
    let get = |path: &str| app.client.get(app.url(path)).send_checked();
    for _ in 0..2 {
        assert_eq!(get("/api/v1/practices/export").await.unwrap().status(), 200);
    }
    assert_throttled(get("/api/v1/practices/export").await.unwrap(), 60).await;

    // A room's record, per user.
    let admin = app.admin("admin").await;
    let ben = app.register("ben").await;
    let room = open_room(&app, &admin).await;
    let export = |token: &str| {
        app.client
            .get(app.url(&format!("/api/v1/rooms/{room}/export")))
            .bearer_auth(token)
            .send_checked()
    };
    for _ in 0..2 {
        assert_eq!(export(&admin.access).await.unwrap().status(), 200);
    }
    assert_throttled(export(&admin.access).await.unwrap(), 60).await;
    assert_eq!(export(&ben.access).await.unwrap().status(), 200);
}

/// Sockets that have not said `hello` are counted per address; saying `hello` or
/// leaving gives the place back.
#[tokio::test]
async fn sockets_waiting_for_hello_are_limited_per_ip() {
    let app = TestApp::spawn_with(|s| s.limits.ws_prehello_per_ip = 2).await;
    let admin = app.admin("admin").await;
    let room = open_room(&app, &admin).await;
    let mut a = Ws::open(&app.addr, &room, None).await.expect("first");
    let b = Ws::open(&app.addr, &room, None).await.expect("second");
    assert_eq!(
        Ws::open(&app.addr, &room, None).await.err(),
        Some(Ended::Refused(429))
    );
    // `a` says hello: its place is free at once.
    a.send(json!({"type": "hello", "token": admin.access}))
        .await;
    a.next_of("welcome").await;
    let c = Ws::open(&app.addr, &room, None)
        .await
        .expect("after a hello");
    assert_eq!(
        Ws::open(&app.addr, &room, None).await.err(),
        Some(Ended::Refused(429))
    );
    // `b` leaves without a word: its place comes back when the server sees it go.
    b.close().await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let d = loop {
        match Ws::open(&app.addr, &room, None).await {
            Ok(ws) => break ws,
            Err(Ended::Refused(429)) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            Err(e) => panic!("the place did not come back: {e:?}"),
        }
    };
    drop((c, d));
}

#[tokio::test]
async fn a_hello_that_has_only_begun_keeps_its_place_taken() {
    use tokio_tungstenite::tungstenite::Message;
    use tokio_tungstenite::tungstenite::protocol::frame::Frame;
    use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

    let app = TestApp::spawn_with(|s| s.limits.ws_prehello_per_ip = 1).await;
    let admin = app.admin("admin").await;
    let room = open_room(&app, &admin).await;
    let mut a = Ws::open(&app.addr, &room, None).await.expect("first");
    // The first part of a text frame split in fragments: the hello is not read yet, so the
    // socket still waits for it (as long as a client trickling its hello byte by byte).
    a.send_raw(Message::Frame(Frame::message(
        "{\"type\": \"hel",
        OpCode::Data(Data::Text),
        false,
    )))
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        Ws::open(&app.addr, &room, None).await.err(),
        Some(Ended::Refused(429))
    );
    drop(a);
}

#[tokio::test]
async fn passwords_typed_to_confirm_share_the_accounts_failed_login_budget() {
    let app = TestApp::spawn_with(|s| s.limits.login_failures_per_account = 3).await;
    let ana = app.register("ana").await;
    // With a stolen access token: two guesses at changing the password, one at closing
    // the account.
    let change = json!({"current_password": "guess", "new_password": "a brand new passphrase"});
    for _ in 0..2 {
        let (status, body) = app
            .post("/api/v1/auth/password", Some(&ana.access), change.clone())
            .await;
        assert_eq!(status, 422, "{body}");
    }
    let res = app
        .client
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&ana.access)
        .json(&json!({"password": "guess"}))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    // The budget is spent: the right password is refused too, here and at sign-in.
    let right = json!({"current_password": "password-of-ana",
                       "new_password": "a brand new passphrase"});
    let res = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .bearer_auth(&ana.access)
        .json(&right)
        .send_checked()
        .await
        .unwrap();
    assert_throttled(res, 15 * 60).await;
    assert_throttled(login(&app, &ana.email, "password-of-ana").await, 15 * 60).await;
}
