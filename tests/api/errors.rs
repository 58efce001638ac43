//! Bad input of every kind gets the JSON error shape with the right status, never a 500.

use crate::contract::Checked as _;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, assert_error};

#[tokio::test]
async fn malformed_json_is_400_invalid_json() {
    let app = TestApp::spawn().await;
    for body in ["{", "{\"email\": }", "not json", "", "[1,2"] {
        let res = app
            .client
            .post(app.url("/api/v1/auth/register"))
            .header("content-type", "application/json")
            .body(body)
            .send_checked()
            .await
            .unwrap();
        let status = res.status();
        let json: serde_json::Value = res.json().await.unwrap();
        assert_error(status, &json, 400, "invalid_json");
    }
}

#[tokio::test]
async fn missing_fields_are_422_naming_every_field() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .post("/api/v1/auth/register", None, json!({"email": "a@b.org"}))
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    assert_eq!(
        details,
        json!({"password": "is required", "display_name": "is required"})
    );
}

#[tokio::test]
async fn wrong_types_and_unknown_fields_are_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": 5, "password": "long enough pw", "display_name": "x"}),
        )
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    assert!(
        details["email"].as_str().unwrap().contains("invalid type"),
        "{details}"
    );

    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "a@b.org", "password": "x", "admin": true}),
        )
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    assert!(details.as_object().unwrap().len() == 1, "{details}");

    // A body that is JSON but not an object.
    let (status, body) = app.post("/api/v1/auth/login", None, json!([1, 2])).await;
    assert_error(status, &body, 422, "validation_failed");
}

#[tokio::test]
async fn oversized_body_is_413_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let body =
        json!({"email": "big@example.org", "password": "long enough pw", "display_name": big});
    let (status, json) = app.post("/api/v1/auth/register", None, body).await;
    let details = assert_error(status, &json, 413, "payload_too_large");
    assert_eq!(details["limit_bytes"], 1024 * 1024);

    // Streamed without a Content-Length: refused once the limit is crossed.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..40).map(|_| Ok(vec![b' '; 64 * 1024])).collect();
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
        .send_checked()
        .await
        .unwrap();
    let status = res.status();
    let json: serde_json::Value = res.json().await.unwrap();
    assert_error(status, &json, 413, "payload_too_large");

    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let app = TestApp::spawn().await;
    for ct in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut req = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .body(r#"{"email":"a@b.org","password":"x"}"#);
        if let Some(ct) = ct {
            req = req.header("content-type", ct);
        }
        let res = req.send_checked().await.unwrap();
        let status = res.status();
        let json: serde_json::Value = res.json().await.unwrap();
        assert_error(status, &json, 415, "unsupported_media_type");
    }
    // `application/<x>+json` is JSON too.
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"email":"a@b.org","password":"xxxxxxxxxxxx"}"#)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn unknown_routes_and_ids_are_404_json() {
    let app = TestApp::spawn().await;
    for path in [
        "/nope",
        "/api/v1/nope",
        "/api/v2/themes",
        "/api/v1/users/not-a-uuid",
    ] {
        let (status, body) = app.get(path, None).await;
        assert_error(status, &body, 404, "not_found");
    }
    let (status, body) = app
        .get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()), None)
        .await;
    assert_error(status, &body, 404, "not_found");
    let (status, body) = app.get("/api/v1/themes/no-such-theme", None).await;
    assert_error(status, &body, 404, "not_found");
}

#[tokio::test]
async fn bad_query_parameters_are_422_naming_the_parameter() {
    let app = TestApp::spawn().await;
    for (q, field) in [
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("cursor=%%%", "cursor"),
        ("cursor=bm90LWEtdXVpZA", "cursor"),
        ("kind=village", "kind"),
        ("verified=perhaps", "verified"),
        ("country=XX", "country"),
    ] {
        let (status, body) = app.get(&format!("/api/v1/organizations?{q}"), None).await;
        let details = assert_error(status, &body, 422, "validation_failed");
        assert!(details.get(field).is_some(), "{q}: {details}");
    }
}

/// A sweep of hostile inputs over every write route: whatever the input, the answer is a
/// 4xx in the error shape, never a 5xx.
#[tokio::test]
async fn garbage_never_yields_a_server_error() {
    let app = TestApp::spawn().await;
    let user = app.register("fuzz").await;
    let id = uuid::Uuid::now_v7();
    let routes = [
        (Method::POST, "/api/v1/auth/register".to_owned()),
        (Method::POST, "/api/v1/auth/login".to_owned()),
        (Method::POST, "/api/v1/auth/refresh".to_owned()),
        (Method::POST, "/api/v1/auth/logout".to_owned()),
        (Method::POST, "/api/v1/organizations".to_owned()),
        (Method::PATCH, format!("/api/v1/organizations/{id}")),
        (Method::POST, format!("/api/v1/organizations/{id}/members")),
        (Method::PATCH, format!("/api/v1/users/{id}/role")),
        (Method::POST, "/api/v1/themes".to_owned()),
    ];
    let bodies = [
        json!(null),
        json!(0),
        json!("string"),
        json!({}),
        json!({"email": null, "password": null}),
        json!({"email": "\u{0000}@x.org", "password": "\u{0000}".repeat(20), "display_name": "\u{202e}"}),
        json!({"name": "x".repeat(100_000), "kind": "city", "country": "ES"}),
        json!({"population": -1, "name": "Ok name", "kind": "city", "country": "ES"}),
        json!({"population": 1e300, "name": "Ok name", "kind": "city", "country": "ES"}),
        json!({"user_id": "nope", "role": "owner"}),
        json!({"role": "superuser"}),
        json!({"refresh_token": ""}),
        json!({"refresh_token": "a".repeat(10_000)}),
        json!({"slug": "../../etc", "name": "x"}),
    ];
    for (method, path) in &routes {
        for body in &bodies {
            for token in [None, Some(user.access.as_str()), Some("garbage")] {
                let (status, json) = app
                    .request(method.clone(), path, token, Some(body.clone()))
                    .await;
                assert!(
                    status.is_client_error(),
                    "{method} {path} {body} -> {status} {json}"
                );
                assert!(json["error"]["code"].is_string(), "{json}");
            }
        }
    }
}

/// NUL bytes and other control characters cannot reach PostgreSQL (which refuses NUL in
/// text) from a path, a query parameter, a cursor or a body field.
#[tokio::test]
async fn control_characters_anywhere_are_client_errors() {
    let app = TestApp::spawn().await;
    let moderator = app.register("mod").await;
    app.set_role(&moderator, "moderator").await;
    let tok = Some(moderator.access.as_str());
    let nul_cursor = "AA"; // base64url of a single NUL byte
    for (path, token) in [
        ("/api/v1/themes/%00".to_owned(), None),
        ("/api/v1/themes/green%00mobility".to_owned(), None),
        (format!("/api/v1/themes?cursor={nul_cursor}"), None),
        (format!("/api/v1/organizations?cursor={nul_cursor}"), None),
        ("/api/v1/organizations?q=%00".to_owned(), None),
        ("/api/v1/organizations?q=a%01b".to_owned(), None),
        ("/api/v1/organizations?country=%00%00".to_owned(), None),
        ("/api/v1/users?q=%00".to_owned(), tok),
        (format!("/api/v1/users?cursor={nul_cursor}"), tok),
        ("/api/v1/users/%00".to_owned(), None),
        ("/api/v1/organizations/%00/members".to_owned(), tok),
    ] {
        let (status, body) = app.get(&path, token).await;
        assert!(status.is_client_error(), "{path} -> {status} {body}");
        assert!(body["error"]["code"].is_string(), "{path}: {body}");
    }
    for body in [
        json!({"name": "Val\u{0000}encia", "kind": "city", "country": "ES"}),
        json!({"name": "Valencia", "kind": "city", "country": "ES", "description": "a\u{0000}b"}),
        json!({"name": "Valencia", "kind": "city", "country": "ES", "website": "https://x.es/\u{0000}"}),
    ] {
        let (status, json) = app.post("/api/v1/organizations", tok, body.clone()).await;
        assert_error(status, &json, 422, "validation_failed");
    }
    let (status, json) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "n@example.org", "password": "nul\u{0000}password", "display_name": "N\u{0000}"}),
        )
        .await;
    assert_error(status, &json, 422, "validation_failed");
    let (status, json) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "a\u{0000}@x.org", "password": "x"}),
        )
        .await;
    assert_error(status, &json, 401, "invalid_credentials");
}
