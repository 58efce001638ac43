//! Sessions end: at their absolute lifetime, on a password change (all but the one asking),
//! and everywhere at once on request. (Their room sockets: `rights.rs`.)

use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, TestUser, assert_error};
use crate::rights::login;

async fn refresh(app: &TestApp, user: &TestUser) -> (u16, serde_json::Value) {
    let (status, body) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": user.refresh}),
        )
        .await;
    (status.as_u16(), body)
}

/// Moves the start of every session of `user` back by `interval` (a PostgreSQL interval).
async fn age_sessions(app: &TestApp, user: &TestUser, interval: &str) {
    app.db()
        .await
        .execute(
            &format!(
                "UPDATE refresh_tokens SET session_started_at = now() - interval '{interval}' \
                 WHERE user_id = $1::text::uuid"
            ),
            &[&user.id.to_string()],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_session_ends_at_its_absolute_lifetime_however_often_it_is_refreshed() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    // An hour before the default 90 days: refreshing still works, but the new token does
    // not outlive the session.
    age_sessions(&app, &ana, "89 days 23 hours").await;
    let (status, body) = refresh(&app, &ana).await;
    assert_eq!(status, 200, "{body}");
    let capped: bool = app
        .db()
        .await
        .query_one(
            "SELECT bool_and(expires_at <= session_started_at + interval '90 days') \
             FROM refresh_tokens WHERE user_id = $1::text::uuid AND used_at IS NULL",
            &[&ana.id.to_string()],
        )
        .await
        .unwrap()
        .get(0);
    assert!(capped, "a refresh extended the session past its lifetime");
    let ana = TestUser {
        refresh: body["refresh_token"].as_str().unwrap().to_owned(),
        ..ana
    };
    // Past it: the session is over, with a code that says to sign in again.
    age_sessions(&app, &ana, "90 days 1 minute").await;
    let (status, body) = refresh(&app, &ana).await;
    assert_error(
        reqwest::StatusCode::from_u16(status).unwrap(),
        &body,
        401,
        "session_expired",
    );
    login(&app, &ana).await;
}

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let app = TestApp::spawn().await;
    let phone = app.register("ana").await;
    let laptop = login(&app, &phone).await;
    let change =
        |current: &str, new: &str| json!({"current_password": current, "new_password": new});

    let (status, body) = app
        .post(
            "/api/v1/auth/password",
            None,
            change("password-of-ana", "a brand new passphrase"),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = app
        .post(
            "/api/v1/auth/password",
            Some(&laptop.access),
            change("not my password", "a brand new passphrase"),
        )
        .await;
    let e = assert_error(status, &body, 422, "validation_failed");
    assert!(e["current_password"].is_string(), "{body}");
    let (status, body) = app
        .post(
            "/api/v1/auth/password",
            Some(&laptop.access),
            change("password-of-ana", "short"),
        )
        .await;
    let e = assert_error(status, &body, 422, "validation_failed");
    assert!(e["new_password"].is_string(), "{body}");

    app.expect(
        204,
        Method::POST,
        "/api/v1/auth/password",
        Some(&laptop.access),
        Some(change("password-of-ana", "a brand new passphrase")),
    )
    .await;
    // The other session is over, its access token too.
    let (status, body) = app.get("/api/v1/me", Some(&phone.access)).await;
    assert_error(status, &body, 401, "unauthorized");
    assert_eq!(refresh(&app, &phone).await.0, 401);
    // This one goes on.
    app.get_ok("/api/v1/me", Some(&laptop.access)).await;
    assert_eq!(refresh(&app, &laptop).await.0, 200);
    // Only the new password signs in.
    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": phone.email, "password": "password-of-ana"}),
        )
        .await;
    assert_error(status, &body, 401, "invalid_credentials");
    app.post_ok(
        200,
        "/api/v1/auth/login",
        None,
        json!({"email": phone.email, "password": "a brand new passphrase"}),
    )
    .await;
}

#[tokio::test]
async fn password_changes_are_rate_limited_like_logins() {
    let app = TestApp::spawn_with(|s| s.auth.rate_per_minute = 2).await;
    let ana = app.register("ana").await;
    let wrong = json!({"current_password": "guess", "new_password": "a brand new passphrase"});
    let (status, _) = app
        .post("/api/v1/auth/password", Some(&ana.access), wrong.clone())
        .await;
    assert_eq!(status, 422);
    let (status, body) = app
        .post("/api/v1/auth/password", Some(&ana.access), wrong)
        .await;
    assert_error(status, &body, 429, "rate_limited");
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let app = TestApp::spawn().await;
    let phone = app.register("ana").await;
    let laptop = login(&app, &phone).await;
    let other = app.register("bob").await;
    let (status, body) = app.post("/api/v1/auth/logout-all", None, json!({})).await;
    assert_error(status, &body, 401, "unauthorized");
    app.expect(
        204,
        Method::POST,
        "/api/v1/auth/logout-all",
        Some(&laptop.access),
        None,
    )
    .await;
    for s in [&phone, &laptop] {
        let (status, body) = app.get("/api/v1/me", Some(&s.access)).await;
        assert_error(status, &body, 401, "unauthorized");
        assert_eq!(refresh(&app, s).await.0, 401);
    }
    // Someone else's session is untouched; signing in again works.
    app.get_ok("/api/v1/me", Some(&other.access)).await;
    login(&app, &phone).await;
}

/// Makes every live token of `user` expire `secs` seconds from now.
async fn expire_tokens_in(app: &TestApp, user: &TestUser, secs: u32) {
    app.db()
        .await
        .execute(
            &format!(
                "UPDATE refresh_tokens SET expires_at = now() + interval '{secs} seconds' \
                 WHERE user_id = $1::text::uuid"
            ),
            &[&user.id.to_string()],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_socket_closes_when_its_session_runs_out_unless_it_was_refreshed() {
    let app = TestApp::spawn().await;
    let owner = app.admin("ada").await;
    let room = crate::ws::open_room(&app, &owner).await;

    // Nobody refreshes: the socket closes with 4001 when the session's last token expires.
    let ben = app.register("ben").await;
    expire_tokens_in(&app, &ben, 2).await;
    let (mut idle, _) = crate::ws::Ws::join(&app.addr, &ben, &room, None).await;

    // A refresh moves the session's end on: the socket stays.
    let cy = app.register("cy").await;
    expire_tokens_in(&app, &cy, 2).await;
    let (mut kept, _) = crate::ws::Ws::join(&app.addr, &cy, &room, None).await;
    let (status, body) = refresh(&app, &cy).await;
    assert_eq!(status, 200, "{body}");

    let code = tokio::time::timeout(std::time::Duration::from_secs(5), idle.closed())
        .await
        .expect("the socket outlived its session by more than 3 s");
    assert_eq!(code, 4001);
    // Its own re-check (due at the same moment) has found the refreshed token by now.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    kept.act(serde_json::json!({"type": "chat.send", "text": "still here"}))
        .await;
}
