//! Rooms over REST: who may create, see, edit and enter them; the log and the export.

use crate::contract::Checked as _;
use serde_json::json;

use crate::helpers::{TestApp, assert_error, collect_pages};

#[tokio::test]
async fn only_moderators_create_rooms_and_input_is_validated() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let (status, body) = app
        .post(
            "/api/v1/rooms",
            Some(&bob.access),
            json!({"name": "Mine", "access": "open"}),
        )
        .await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app
        .post(
            "/api/v1/rooms",
            None,
            json!({"name": "x", "access": "open"}),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");

    let (status, body) = app
        .post(
            "/api/v1/rooms",
            Some(&admin.access),
            json!({"name": "x", "access": "members", "theme_id": uuid::Uuid::now_v7(),
                   "dot_votes_per_user": 500}),
        )
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    for field in ["name", "organization_id", "theme_id", "dot_votes_per_user"] {
        assert!(details.get(field).is_some(), "{field} not named: {details}");
    }
    let (status, body) = app
        .post(
            "/api/v1/rooms",
            Some(&admin.access),
            json!({"name": "Energy", "access": "everyone"}),
        )
        .await;
    assert_error(status, &body, 422, "validation_failed");

    let (status, room) = app
        .post(
            "/api/v1/rooms",
            Some(&admin.access),
            json!({"name": "Energy communities", "description": "Kick-off", "access": "open"}),
        )
        .await;
    assert_eq!(status, 201, "{room}");
    assert_eq!(room["access"], "open");
    assert_eq!(room["is_moderator"], true);
    assert_eq!(room["dot_votes_per_user"], 3);
    assert_eq!(room["last_seq"], 0);
    let id = room["id"].as_str().unwrap();
    assert_eq!(room["ws_path"], format!("/api/v1/rooms/{id}/ws"));
    let mods = app
        .get_ok(&format!("/api/v1/rooms/{id}/moderators"), Some(&bob.access))
        .await;
    assert_eq!(mods["items"][0]["user_id"], admin.id.to_string());
}

#[tokio::test]
async fn rooms_are_listed_and_shown_only_to_those_who_may_enter() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let cleo = app.register("cleo").await;
    let org_id = &app.city(&cleo, "Valencia", "ES").await;
    let mut ids = std::collections::HashMap::new();
    for (name, access, org) in [
        ("Open room", "open", None),
        ("Members room", "members", Some(org_id)),
        ("Invite room", "invite", None),
    ] {
        let (status, body) = app
            .post(
                "/api/v1/rooms",
                Some(&admin.access),
                json!({"name": name, "access": access, "organization_id": org}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        ids.insert(access, body["id"].as_str().unwrap().to_owned());
    }
    let names = |items: Vec<serde_json::Value>| {
        let mut n: Vec<String> = items
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(
        names(collect_pages(&app, "/api/v1/rooms?limit=1", Some(&bob.access)).await),
        ["Open room"]
    );
    assert_eq!(
        names(collect_pages(&app, "/api/v1/rooms", Some(&cleo.access)).await),
        ["Members room", "Open room"]
    );
    assert_eq!(
        collect_pages(&app, "/api/v1/rooms", Some(&admin.access))
            .await
            .len(),
        3
    );
    let invite = &ids["invite"];
    let (status, body) = app
        .get(&format!("/api/v1/rooms/{invite}"), Some(&bob.access))
        .await;
    assert_error(status, &body, 404, "not_found");
    let (status, body) = app
        .get(&format!("/api/v1/rooms/{invite}/events"), Some(&bob.access))
        .await;
    assert_error(status, &body, 404, "not_found");

    // Invitations: moderators only, once each.
    let path = format!("/api/v1/rooms/{invite}/participants");
    let (status, body) = app
        .post(&path, Some(&cleo.access), json!({"user_id": bob.id}))
        .await;
    assert_error(status, &body, 404, "not_found");
    let (status, body) = app
        .post(&path, Some(&admin.access), json!({"user_id": bob.id}))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["display_name"], "bob");
    let (status, body) = app
        .post(&path, Some(&admin.access), json!({"user_id": bob.id}))
        .await;
    assert_error(status, &body, 409, "already_added");
    let (status, body) = app
        .post(
            &path,
            Some(&admin.access),
            json!({"user_id": uuid::Uuid::now_v7()}),
        )
        .await;
    assert_error(status, &body, 404, "not_found");
    let (status, room) = app
        .get(&format!("/api/v1/rooms/{invite}"), Some(&bob.access))
        .await;
    assert_eq!(status, 200);
    assert_eq!(room["is_moderator"], false);
    let (status, body) = app
        .patch(
            &format!("/api/v1/rooms/{invite}"),
            Some(&bob.access),
            json!({"name": "Taken over"}),
        )
        .await;
    assert_error(status, &body, 403, "forbidden");

    // A room moderator (not a platform moderator) may edit and invite.
    let (status, _) = app
        .post(
            &format!("/api/v1/rooms/{invite}/moderators"),
            Some(&admin.access),
            json!({"user_id": bob.id}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, room) = app
        .patch(
            &format!("/api/v1/rooms/{invite}"),
            Some(&bob.access),
            json!({"name": "Follow-up", "description": null, "dot_votes_per_user": 5}),
        )
        .await;
    assert_eq!(status, 200, "{room}");
    assert_eq!(room["name"], "Follow-up");
    assert_eq!(room["dot_votes_per_user"], 5);
    let (status, body) = app
        .patch(
            &format!("/api/v1/rooms/{invite}"),
            Some(&bob.access),
            json!({"access": "members"}),
        )
        .await;
    assert_error(status, &body, 422, "validation_failed");
    let (status, _) = app
        .delete(
            &format!("/api/v1/rooms/{invite}/participants/{}", bob.id),
            Some(&bob.access),
        )
        .await;
    assert_eq!(status, 204);
    let (status, body) = app
        .delete(
            &format!("/api/v1/rooms/{invite}/participants/{}", bob.id),
            Some(&bob.access),
        )
        .await;
    assert_error(status, &body, 404, "not_found");
}

#[tokio::test]
async fn events_and_export_validate_their_parameters() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let room = crate::ws::open_room(&app, &admin).await;
    for q in ["after_seq=-1", "limit=0", "limit=1001", "after_seq=abc"] {
        let (status, body) = app
            .get(
                &format!("/api/v1/rooms/{room}/events?{q}"),
                Some(&admin.access),
            )
            .await;
        assert_error(status, &body, 422, "validation_failed");
    }
    let (status, body) = app
        .get(
            &format!("/api/v1/rooms/{room}/export?format=pdf"),
            Some(&admin.access),
        )
        .await;
    assert_error(status, &body, 422, "validation_failed");
    let res = app
        .client
        .get(app.url(&format!("/api/v1/rooms/{room}/export")))
        .bearer_auth(&admin.access)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let md = res.text().await.unwrap();
    assert!(md.starts_with("# Workshop"), "{md}");
    assert!(md.contains("_No messages._"));
    // Not a websocket request: a clear 400, not a hang.
    let (status, body) = app.get(&format!("/api/v1/rooms/{room}/ws"), None).await;
    assert_error(status, &body, 400, "bad_request");
}
