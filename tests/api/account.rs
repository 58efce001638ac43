//! Closing an account: the person leaves everything they held a place in, in one go, and
//! their open sockets close on every instance; the only owner of an organization and the
//! last admin hand over first.

use reqwest::Method;

use crate::contract::Checked as _;
use serde_json::json;

use crate::helpers::{TestApp, assert_error, id};
use crate::rights::{closed_soon, pair};
use crate::ws::Ws;

#[tokio::test]
async fn a_closed_account_leaves_everything_and_its_sockets_close() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let owner = a.register("olga").await;
    let ana = a.register("ana").await;
    let bob = a.register("bob").await;
    let org = a.city(&owner, "Ghent", "BE").await;
    a.add_member(&owner, &org, &ana, "editor").await;
    let ev = a.published_event(&admin, json!({"capacity": 1})).await;
    let (eid, room) = (id(&ev), ev["room_id"].as_str().unwrap());
    a.register_for_event(&ana, eid).await;
    assert_eq!(
        a.register_for_event(&bob, eid).await["status"],
        "waitlisted"
    );
    let feed = a
        .post_ok(
            201,
            "/api/v1/me/calendar-token",
            Some(&ana.access),
            json!({}),
        )
        .await;
    let feed = feed["url"].as_str().unwrap().strip_prefix(&a.addr).unwrap();
    let feed_status = async |path: &str| {
        let res = a.client.get(a.url(path)).send_checked().await.unwrap();
        res.status().as_u16()
    };
    assert_eq!(feed_status(feed).await, 200);
    let (mut ws, _) = Ws::join(&b.addr, &ana, room, None).await;

    // The password confirms; a wrong one changes nothing.
    let (s, body) = a
        .request(
            Method::DELETE,
            "/api/v1/me",
            Some(&ana.access),
            Some(json!({"password": "not hers"})),
        )
        .await;
    assert!(assert_error(s, &body, 422, "validation_failed")["password"].is_string());
    a.expect(
        204,
        Method::DELETE,
        "/api/v1/me",
        Some(&ana.access),
        Some(json!({"password": "password-of-ana"})),
    )
    .await;

    // Her socket on the other instance closes as a session that ended.
    assert_eq!(closed_soon(&mut ws).await, 4001);
    // Signed out everywhere, and the password no longer opens anything.
    let (s, body) = a.get("/api/v1/me", Some(&ana.access)).await;
    assert_error(s, &body, 401, "unauthorized");
    let (s, _) = a
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": ana.refresh}),
        )
        .await;
    assert_eq!(s, 401);
    let (s, body) = a
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": ana.email, "password": "password-of-ana"}),
        )
        .await;
    assert_error(s, &body, 401, "invalid_credentials");
    // She left the organization; her seat went to the waitlist; her feed is gone.
    let members = a
        .get_ok(
            &format!("/api/v1/organizations/{org}/members"),
            Some(&owner.access),
        )
        .await;
    let ids: Vec<&str> = members["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&ana.id.to_string().as_str()), "{members}");
    let mine = a
        .get_ok("/api/v1/me/registrations", Some(&bob.access))
        .await;
    assert_eq!(mine[0]["registration"]["status"], "registered", "{mine}");
    assert_eq!(feed_status(feed).await, 404);
    // What remains of the account is its id.
    let profile = a
        .get_ok(&format!("/api/v1/users/{}", ana.id), Some(&admin.access))
        .await;
    assert_eq!(profile["display_name"], "Deleted account");
    assert!(!profile.to_string().contains(&ana.email), "{profile}");
    // The email is free for a new account; the old one cannot be closed twice.
    let again = a.register("ana").await;
    assert_ne!(again.id, ana.id);
    let (s, body) = a
        .request(
            Method::DELETE,
            &format!("/api/v1/users/{}", ana.id),
            Some(&admin.access),
            None,
        )
        .await;
    assert_error(s, &body, 404, "not_found");
}

#[tokio::test]
async fn the_only_owner_and_the_last_admin_hand_over_first() {
    let app = TestApp::spawn().await;
    let ada = app.admin("ada").await;
    let olga = app.register("olga").await;
    let omar = app.register("omar").await;
    let org = app.city(&olga, "Ghent", "BE").await;
    let close_own = |user: &crate::helpers::TestUser| {
        let name = user.email.trim_end_matches("@example.org").to_owned();
        let token = user.access.clone();
        let app = &app;
        async move {
            app.request(
                Method::DELETE,
                "/api/v1/me",
                Some(&token),
                Some(json!({"password": format!("password-of-{name}")})),
            )
            .await
        }
    };

    let (s, body) = close_own(&olga).await;
    let details = assert_error(s, &body, 409, "last_owner");
    assert_eq!(details["organizations"][0]["id"], org.as_str(), "{details}");
    app.add_member(&olga, &org, &omar, "owner").await;
    let (s, body) = close_own(&olga).await;
    assert_eq!(s, 204, "{body}");

    let (s, body) = close_own(&ada).await;
    assert_error(s, &body, 409, "last_admin");

    // Admins close others' accounts; nobody else may.
    let (s, body) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/users/{}", ada.id),
            Some(&omar.access),
            None,
        )
        .await;
    assert_error(s, &body, 403, "forbidden");
    let spam = app.register("spam").await;
    app.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/users/{}", spam.id),
        Some(&ada.access),
        None,
    )
    .await;
    let (s, _) = app.get("/api/v1/me", Some(&spam.access)).await;
    assert_eq!(s, 401);
}
