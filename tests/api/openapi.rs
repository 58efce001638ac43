//! The OpenAPI document is the contract: valid 3.1, every served route, resolvable refs.

use crate::contract::Checked as _;
use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::Value;

use crate::helpers::TestApp;

/// Every route the server serves, the web pages aside (they are not API operations). A new
/// route must be added here and to the document.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("get", "/api/v1/openapi.json"),
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/refresh"),
    ("post", "/api/v1/auth/logout"),
    ("post", "/api/v1/auth/logout-all"),
    ("post", "/api/v1/auth/password"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("delete", "/api/v1/users/{id}"),
    ("get", "/api/v1/users"),
    ("get", "/api/v1/users/{id}"),
    ("patch", "/api/v1/users/{id}/role"),
    ("post", "/api/v1/organizations"),
    ("get", "/api/v1/organizations"),
    ("get", "/api/v1/organizations/{id}"),
    ("patch", "/api/v1/organizations/{id}"),
    ("post", "/api/v1/organizations/{id}/verify"),
    ("delete", "/api/v1/organizations/{id}/verify"),
    ("post", "/api/v1/organizations/{id}/members"),
    ("get", "/api/v1/organizations/{id}/members"),
    ("patch", "/api/v1/organizations/{id}/members/{user_id}"),
    ("delete", "/api/v1/organizations/{id}/members/{user_id}"),
    ("get", "/api/v1/themes"),
    ("get", "/api/v1/themes/{slug}"),
    ("put", "/api/v1/themes/{slug}/text/{lang}"),
    ("post", "/api/v1/themes"),
    ("post", "/api/v1/rooms"),
    ("get", "/api/v1/rooms"),
    ("get", "/api/v1/rooms/{id}"),
    ("patch", "/api/v1/rooms/{id}"),
    ("post", "/api/v1/rooms/{id}/participants"),
    ("get", "/api/v1/rooms/{id}/participants"),
    ("delete", "/api/v1/rooms/{id}/participants/{user_id}"),
    ("post", "/api/v1/rooms/{id}/moderators"),
    ("get", "/api/v1/rooms/{id}/moderators"),
    ("delete", "/api/v1/rooms/{id}/moderators/{user_id}"),
    ("get", "/api/v1/rooms/{id}/events"),
    ("get", "/api/v1/rooms/{id}/export"),
    ("get", "/api/v1/rooms/{id}/ws"),
    ("get", "/api/v1/events.ics"),
    ("get", "/api/v1/events/{id}.ics"),
    ("get", "/api/v1/calendar/{token}.ics"),
    ("post", "/api/v1/events"),
    ("get", "/api/v1/events"),
    ("get", "/api/v1/events/{id}"),
    ("patch", "/api/v1/events/{id}"),
    ("post", "/api/v1/events/{id}/publish"),
    ("post", "/api/v1/events/{id}/start"),
    ("post", "/api/v1/events/{id}/end"),
    ("post", "/api/v1/events/{id}/cancel"),
    ("post", "/api/v1/events/{id}/moderators"),
    ("get", "/api/v1/events/{id}/moderators"),
    ("delete", "/api/v1/events/{id}/moderators/{user_id}"),
    ("put", "/api/v1/events/{id}/agenda"),
    ("post", "/api/v1/events/{id}/registrations"),
    ("delete", "/api/v1/events/{id}/registrations/me"),
    ("get", "/api/v1/events/{id}/registrations"),
    ("get", "/api/v1/me/registrations"),
    ("post", "/api/v1/events/{id}/attendance"),
    ("get", "/api/v1/events/{id}/minutes"),
    ("put", "/api/v1/events/{id}/minutes"),
    ("post", "/api/v1/events/{id}/minutes/from-room"),
    ("post", "/api/v1/events/{id}/minutes/publish"),
    ("post", "/api/v1/events/{id}/minutes/unpublish"),
    ("get", "/api/v1/events/{id}/minutes/revisions"),
    ("get", "/api/v1/events/{id}/minutes/revisions/{version}"),
    ("post", "/api/v1/me/calendar-token"),
    ("post", "/api/v1/practices"),
    ("get", "/api/v1/practices"),
    ("get", "/api/v1/practices/export"),
    ("get", "/api/v1/practices/{id}"),
    ("patch", "/api/v1/practices/{id}"),
    ("post", "/api/v1/practices/{id}/publish"),
    ("post", "/api/v1/practices/{id}/archive"),
    ("post", "/api/v1/practices/{id}/hide"),
    ("post", "/api/v1/practices/{id}/unhide"),
    ("get", "/api/v1/practices/{id}/revisions"),
    ("get", "/api/v1/practices/{id}/revisions/{n}"),
    ("post", "/api/v1/practices/{id}/comments"),
    ("get", "/api/v1/practices/{id}/comments"),
    ("patch", "/api/v1/comments/{id}"),
    ("delete", "/api/v1/comments/{id}"),
    ("get", "/api/v1/practices/{id}/endorsement"),
    ("put", "/api/v1/practices/{id}/endorsement"),
    ("delete", "/api/v1/practices/{id}/endorsement"),
    ("post", "/api/v1/practices/{id}/adoptions"),
    ("get", "/api/v1/practices/{id}/adoptions"),
    ("patch", "/api/v1/adoptions/{id}"),
    ("delete", "/api/v1/adoptions/{id}"),
    ("get", "/api/v1/organizations/{id}/adoptions"),
    ("get", "/api/v1/organizations/{id}/practices"),
    ("post", "/api/v1/documents"),
    ("get", "/api/v1/documents"),
    ("get", "/api/v1/documents/{id}"),
    ("post", "/api/v1/documents/{id}/versions"),
    ("get", "/api/v1/documents/{id}/content"),
    ("get", "/api/v1/documents/{id}/versions/{n}/content"),
    ("delete", "/api/v1/documents/{id}"),
];

fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                ops.insert((method.to_owned(), path.clone()));
            }
        }
    }
    ops
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|x| collect_refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn document_is_openapi_3_1_and_lists_exactly_the_served_routes() {
    let app = TestApp::spawn().await;
    let (status, doc) = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());

    let documented = operations(&doc);
    let expected: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, expected);

    // Every operation has responses and an operationId; secured ones name the scheme.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
            assert!(op["operationId"].is_string(), "{method} {path}");
        }
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );

    // Every $ref points at a schema that exists.
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").expect(&r);
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "dangling {r}"
        );
    }
}

/// The other direction: each documented operation is really routed (not the 404 fallback).
#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = TestApp::spawn().await;
    let doc = app.get_ok("/api/v1/openapi.json", None).await;
    let nil = uuid::Uuid::nil().to_string();
    for (method, path) in operations(&doc) {
        let concrete = path
            .replace("{id}", &nil)
            .replace("{user_id}", &nil)
            .replace("{slug}", "green-mobility")
            .replace("{n}", "1")
            .replace("{token}", "no-such-token");
        let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let res = app
            .client
            .request(m, app.url(&concrete))
            .send_checked()
            .await
            .unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        assert!(
            !text.contains("no route for"),
            "{method} {path} is documented but not served: {status} {text}"
        );
        assert!(status.as_u16() < 500, "{method} {path}: {status} {text}");
    }
}
