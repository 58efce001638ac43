use serde_json::json;

use crate::helpers::{TestApp, assert_error, collect_pages};

#[tokio::test]
async fn profiles_show_email_only_to_self_and_admins() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let root = app.admin("root").await;
    let path = format!("/api/v1/users/{}", ana.id);

    let (status, anon) = app.get(&path, None).await;
    assert_eq!(status, 200);
    assert_eq!(anon["display_name"], "ana");
    assert!(anon.get("email").is_none(), "{anon}");
    let other = app.get_ok(&path, Some(&ben.access)).await;
    assert!(other.get("email").is_none());
    let own = app.get_ok(&path, Some(&ana.access)).await;
    assert_eq!(own["email"], "ana@example.org");
    let by_admin = app.get_ok(&path, Some(&root.access)).await;
    assert_eq!(by_admin["email"], "ana@example.org");
    // A present but bad token is an error, not silently anonymous.
    let (status, _) = app.get(&path, Some("nonsense")).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn only_admins_change_roles_and_the_last_admin_stays() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let root = app.admin("root").await;
    let path = format!("/api/v1/users/{}/role", ana.id);

    let (status, body) = app
        .patch(&path, Some(&ana.access), json!({"role": "admin"}))
        .await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app.patch(&path, None, json!({"role": "admin"})).await;
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = app
        .patch(&path, Some(&root.access), json!({"role": "king"}))
        .await;
    let d = assert_error(status, &body, 422, "validation_failed");
    assert!(d["role"].is_string());
    let missing = format!("/api/v1/users/{}/role", uuid::Uuid::now_v7());
    let (status, body) = app
        .patch(&missing, Some(&root.access), json!({"role": "admin"}))
        .await;
    assert_error(status, &body, 404, "not_found");

    let (status, body) = app
        .patch(&path, Some(&root.access), json!({"role": "moderator"}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["role"], "moderator");
    // Takes effect at once, with the token ana already holds.
    let me = app.get_ok("/api/v1/me", Some(&ana.access)).await;
    assert_eq!(me["role"], "moderator");

    // The only admin cannot step down...
    let root_path = format!("/api/v1/users/{}/role", root.id);
    let (status, body) = app
        .patch(&root_path, Some(&root.access), json!({"role": "member"}))
        .await;
    assert_error(status, &body, 409, "last_admin");
    // ...until there is another.
    app.patch_ok(&path, Some(&root.access), json!({"role": "admin"}))
        .await;
    let (status, _) = app
        .patch(&root_path, Some(&root.access), json!({"role": "member"}))
        .await;
    assert_eq!(status, 200);
    // Demoted: admin-only actions are now refused with the same token.
    let (status, _) = app
        .patch(&path, Some(&root.access), json!({"role": "member"}))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn user_list_is_for_moderators_and_pages_cleanly() {
    let app = TestApp::spawn().await;
    let member = app.register("member").await;
    let moderator = app.register("moderator").await;
    app.set_role(&moderator, "moderator").await;
    let root = app.admin("root").await;
    for i in 0..7 {
        app.register(&format!("user{i}")).await;
    }
    let (status, body) = app.get("/api/v1/users", Some(&member.access)).await;
    assert_error(status, &body, 403, "forbidden");
    let (status, _) = app.get("/api/v1/users", None).await;
    assert_eq!(status, 401);

    let all = collect_pages(&app, "/api/v1/users?limit=3", Some(&moderator.access)).await;
    assert_eq!(all.len(), 10);
    let mut ids: Vec<&str> = all.iter().map(|u| u["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 10, "a user appeared twice");
    assert!(
        all.iter().all(|u| u.get("email").is_none()),
        "moderators do not see emails"
    );
    let by_admin = collect_pages(&app, "/api/v1/users?limit=100", Some(&root.access)).await;
    assert!(by_admin.iter().all(|u| u["email"].is_string()));

    let found = app
        .get_ok("/api/v1/users?q=USER3", Some(&root.access))
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    assert_eq!(found["items"][0]["display_name"], "user3");
    // Moderators search names only: they cannot probe for email addresses.
    let by_email = app
        .get_ok("/api/v1/users?q=user3@example", Some(&moderator.access))
        .await;
    assert_eq!(by_email["items"].as_array().unwrap().len(), 0);
    let by_email = app
        .get_ok("/api/v1/users?q=user3@example", Some(&root.access))
        .await;
    assert_eq!(by_email["items"].as_array().unwrap().len(), 1);
    // LIKE wildcards in the search are literal.
    let none = app.get_ok("/api/v1/users?q=%25", Some(&root.access)).await;
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
}
