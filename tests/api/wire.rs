//! The wire format, snapshotted whole: one representative set of responses per REST domain,
//! the error bodies and the OpenAPI document. Ids, times and tokens are replaced by
//! placeholders (`redact`), so the snapshots are the same on every run and any change to
//! what the API sends shows up as a diff in `tests/api/snapshots/`. Websocket frames are
//! snapshotted elsewhere.

use crate::contract::Checked as _;
use std::collections::HashMap;

use insta::assert_json_snapshot;
use reqwest::Method;
use reqwest::multipart::Form;
use serde_json::{Value, json};

use crate::helpers::{TestApp, at, id};

/// `v` with its volatile values replaced: every UUID (also inside strings, e.g. URLs) by
/// `[uuid-N]`, numbered in order of first appearance so that the same id reads the same
/// everywhere; RFC 3339 times by `[time]`; JWTs and the values of `token` and `*_token`
/// fields by `[token]`; ETags by `[etag]`.
pub fn redact(v: &Value) -> Value {
    let mut ids = HashMap::new();
    redact_in(v, None, &mut ids)
}

fn redact_in(v: &Value, key: Option<&str>, ids: &mut HashMap<String, usize>) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), redact_in(v, Some(k), ids)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|v| redact_in(v, None, ids)).collect()),
        Value::String(s) => Value::String(redact_str(s, key, ids)),
        other => other.clone(),
    }
}

fn redact_str(s: &str, key: Option<&str>, ids: &mut HashMap<String, usize>) -> String {
    let key = key.unwrap_or_default();
    if key == "token" || key.ends_with("_token") || is_jwt(s) {
        return "[token]".into();
    }
    if key == "etag" {
        return "[etag]".into();
    }
    if chrono::DateTime::parse_from_rfc3339(s).is_ok() {
        return "[time]".into();
    }
    redact_uuids(s, ids)
}

fn is_jwt(s: &str) -> bool {
    s.starts_with("eyJ") && s.split('.').count() == 3
}

fn is_uuid(s: &[u8]) -> bool {
    s.len() == 36
        && s.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Replaces each UUID inside `s` by its placeholder.
pub fn redact_uuids(s: &str, ids: &mut HashMap<String, usize>) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
            let uuid = s[i..i + 36].to_ascii_lowercase();
            let next = ids.len() + 1;
            let n = *ids.entry(uuid).or_insert(next);
            out.push_str(&format!("[uuid-{n}]"));
            i += 36;
        } else {
            let ch = s[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// A text body (Markdown export, ...) with its UUIDs, RFC 3339 times and
/// `YYYY-MM-DD HH:MM` times replaced.
fn redact_text(s: &str) -> String {
    let mut ids = HashMap::new();
    let s = redact_uuids(s, &mut ids);
    let s = s
        .split(' ')
        .map(|w| {
            let core = w.trim_matches(|c: char| "()[],*_`".contains(c));
            if !core.is_empty() && chrono::DateTime::parse_from_rfc3339(core).is_ok() {
                w.replace(core, "[time]")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    replace_shape(&s, "dddd-dd-dd dd:dd", "[time]")
}

/// Replaces every run of `s` that has `shape` (`d` = an ASCII digit, anything else itself).
fn replace_shape(s: &str, shape: &str, with: &str) -> String {
    let (bytes, shape) = (s.as_bytes(), shape.as_bytes());
    let fits = |at: usize| {
        at + shape.len() <= bytes.len()
            && shape.iter().zip(&bytes[at..]).all(|(p, c)| match p {
                b'd' => c.is_ascii_digit(),
                p => p == c,
            })
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        if fits(i) {
            out.push_str(with);
            i += shape.len();
        } else {
            let ch = s[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Several named responses of one story as one snapshot: `[(name, body)]` in order.
fn story(parts: &[(&str, &Value)]) -> Value {
    let mut out = serde_json::Map::new();
    for (i, (name, body)) in parts.iter().enumerate() {
        out.insert(format!("{i:02} {name}"), (*body).clone());
    }
    redact(&Value::Object(out))
}

#[test]
fn redaction_is_stable_and_keeps_identity() {
    let a = "0190b2a4-7c3e-7000-8000-000000000001";
    let b = "0190B2A4-7C3E-7000-8000-000000000002";
    let v = json!({"id": a, "parent": {"id": b, "url": format!("/x/{a}/y")}, "at": "2026-01-02T03:04:05Z",
                   "access_token": "opaque", "token_type": "Bearer", "n": 1, "jwt": "eyJa.eyJb.c"});
    assert_eq!(
        redact(&v),
        json!({"id": "[uuid-1]", "parent": {"id": "[uuid-2]", "url": "/x/[uuid-1]/y"},
               "at": "[time]", "access_token": "[token]", "token_type": "Bearer", "n": 1,
               "jwt": "[token]"})
    );
    assert_eq!(
        redact_text(&format!("at 2026-12-03 10:30 UTC, {a}.")),
        "at [time] UTC, [uuid-1]."
    );
}

#[tokio::test]
async fn auth_and_users() {
    let app = TestApp::spawn().await;
    let body =
        json!({"email": "ana@example.org", "password": "password-of-ana", "display_name": "Ana"});
    let registered = app.post_ok(201, "/api/v1/auth/register", None, body).await;
    let login = app
        .post_ok(
            200,
            "/api/v1/auth/login",
            None,
            json!({"email": "ana@example.org", "password": "password-of-ana"}),
        )
        .await;
    let refreshed = app
        .post_ok(
            200,
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": login["refresh_token"]}),
        )
        .await;
    let token = refreshed["access_token"].as_str().unwrap().to_owned();
    let me = app.get_ok("/api/v1/me", Some(&token)).await;
    assert_json_snapshot!(
        "auth",
        story(&[
            ("POST /auth/register", &registered),
            ("POST /auth/login", &login),
            ("POST /auth/refresh", &refreshed),
            ("GET /me", &me),
        ])
    );

    let root = app.admin("root").await;
    let ana = me["id"].as_str().unwrap();
    let public = app.get_ok(&format!("/api/v1/users/{ana}"), None).await;
    let by_admin = app
        .get_ok(&format!("/api/v1/users/{ana}"), Some(&root.access))
        .await;
    let list = app.get_ok("/api/v1/users", Some(&root.access)).await;
    let role = app
        .patch_ok(
            &format!("/api/v1/users/{ana}/role"),
            Some(&root.access),
            json!({"role": "moderator"}),
        )
        .await;
    assert_json_snapshot!(
        "users",
        story(&[
            ("GET /users/{id} anonymous", &public),
            ("GET /users/{id} as admin", &by_admin),
            ("GET /users as admin", &list),
            ("PATCH /users/{id}/role", &role),
        ])
    );
}

#[tokio::test]
async fn orgs_and_themes() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let org = app
        .create_org(
            &ana,
            json!({"name": "Valencia", "kind": "city", "country": "es", "population": 800000,
                   "website": "https://www.valencia.es", "description": "Lead city, green mobility."}),
        )
        .await;
    let oid = id(&org).to_owned();
    let member = app
        .post_ok(
            201,
            &format!("/api/v1/organizations/{oid}/members"),
            Some(&ana.access),
            json!({"user_id": ben.id, "role": "editor"}),
        )
        .await;
    let members = app
        .get_ok(
            &format!("/api/v1/organizations/{oid}/members"),
            Some(&ana.access),
        )
        .await;
    let list = app.get_ok("/api/v1/organizations?country=ES", None).await;
    let shown = app
        .get_ok(&format!("/api/v1/organizations/{oid}"), None)
        .await;
    assert_json_snapshot!(
        "orgs",
        story(&[
            ("POST /organizations", &org),
            ("POST /organizations/{id}/members", &member),
            ("GET /organizations/{id}/members", &members),
            ("GET /organizations?country=ES", &list),
            ("GET /organizations/{id}", &shown),
        ])
    );

    let themes = app.get_ok("/api/v1/themes?limit=100", None).await;
    let theme = app.get_ok("/api/v1/themes/green-mobility", None).await;
    assert_json_snapshot!(
        "themes",
        story(&[("GET /themes", &themes), ("GET /themes/{slug}", &theme)])
    );
}

#[tokio::test]
async fn practices() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let reader = app.register("reader").await;
    let other = app.register("other").await;
    let themes = app.theme_ids().await;
    let lead = app
        .create_org(
            &owner,
            json!({"name": "Valencia", "kind": "city", "country": "ES", "population": 800000}),
        )
        .await;
    let follower = app.city(&other, "Kavala", "GR").await;
    let p = app
        .create_practice(
            &owner,
            json!({
                "organization_id": id(&lead),
                "title": "Superblocks for a calmer city centre",
                "summary": "Closing inner streets to through traffic and giving them back to people.",
                "body": "## What we did\n\nWe reorganised **nine blocks** into one superblock.",
                "results": "Traffic **down 74 %**.",
                "theme_ids": [themes["green-mobility"]],
                "language": "en",
                "implementation_status": "ongoing",
                "tags": ["superblock", "traffic calming"],
                "start_date": "2019-05-01",
                "budget": {"amount": 1250000.5, "currency": "eur"},
                "funding_sources": ["ERDF", "Municipal budget"],
                "stakeholders_involved": ["Residents' associations"],
                "location": {"lat": 39.47, "lon": -0.376, "place": "Ciutat Vella"},
                "indicators": [{"name": "Through traffic", "unit": "vehicles/day", "baseline": 12000, "value": 3100, "year": 2023}],
                "links": [{"url": "https://valencia.example/superblocks", "title": "Project page"}],
                "contact": {"name": "Ana", "email": "ana@valencia.example", "role": "Mobility officer"},
            }),
        )
        .await;
    let pid = id(&p).to_owned();
    let path = format!("/api/v1/practices/{pid}");
    app.publish_practice(&owner, &pid).await;
    let comment = app
        .post_ok(
            201,
            &format!("{path}/comments"),
            Some(&reader.access),
            json!({"body": "How did you fund it? <script>alert(1)</script>"}),
        )
        .await;
    let reply = app
        .post_ok(
            201,
            &format!("{path}/comments"),
            Some(&owner.access),
            json!({"body": "ERDF, 60 %.", "parent_id": id(&comment)}),
        )
        .await;
    let comments = app.get_ok(&format!("{path}/comments"), None).await;
    let endorsed = app
        .expect(
            200,
            Method::PUT,
            &format!("{path}/endorsement"),
            Some(&reader.access),
            None,
        )
        .await;
    let adoption = app
        .post_ok(
            201,
            &format!("{path}/adoptions"),
            Some(&other.access),
            json!({"organization_id": follower, "status": "planned", "note": "Starting with 3 blocks"}),
        )
        .await;
    let adoptions = app.get_ok(&format!("{path}/adoptions"), None).await;
    let record = app.get_ok(&path, Some(&reader.access)).await;
    let anonymous = app.get_ok(&path, None).await;
    let revisions = app
        .get_ok(&format!("{path}/revisions"), Some(&owner.access))
        .await;
    let search = app
        .get_ok("/api/v1/practices?q=superblock&theme=green-mobility", None)
        .await;
    assert_json_snapshot!(
        "practices",
        story(&[
            ("POST /practices", &p),
            ("GET /practices/{id} signed in", &record),
            ("GET /practices/{id} anonymous", &anonymous),
            ("GET /practices/{id}/revisions", &revisions),
            ("GET /practices?q=superblock&theme=green-mobility", &search),
        ])
    );
    assert_json_snapshot!(
        "practices_discussion",
        story(&[
            ("POST /practices/{id}/comments", &comment),
            ("POST /practices/{id}/comments (reply)", &reply),
            ("GET /practices/{id}/comments", &comments),
            ("PUT /practices/{id}/endorsement", &endorsed),
            ("POST /practices/{id}/adoptions", &adoption),
            ("GET /practices/{id}/adoptions", &adoptions),
        ])
    );
}

#[tokio::test]
async fn events() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let ev = app
        .published_event(
            &admin,
            json!({"capacity": 1, "starts_at": at(48 * 60), "ends_at": at(48 * 60 + 120)}),
        )
        .await;
    let eid = id(&ev).to_owned();
    let start: chrono::DateTime<chrono::Utc> = ev["starts_at"].as_str().unwrap().parse().unwrap();
    let t = |m: i64| (start + chrono::Duration::minutes(m)).to_rfc3339();
    let seat = app.register_for_event(&ana, &eid).await;
    let waitlist = app.register_for_event(&ben, &eid).await;
    let agenda = app
        .expect(
            200,
            Method::PUT,
            &format!("/api/v1/events/{eid}/agenda"),
            Some(&admin.access),
            Some(json!([
                {"starts_at": t(0), "title": "Welcome", "description": "Coffee"},
                {"starts_at": t(90), "title": "Field visit", "speaker": "Ben"}
            ])),
        )
        .await;
    let minutes = app
        .expect(
            200,
            Method::PUT,
            &format!("/api/v1/events/{eid}/minutes"),
            Some(&admin.access),
            Some(json!({"markdown": "## Decisions\n\n- more bike lanes\n\n<img src=x onerror=alert(1)>"})),
        )
        .await;
    // Readers see the minutes once they are published.
    let published_minutes = app
        .expect(
            200,
            Method::POST,
            &format!("/api/v1/events/{eid}/minutes/publish"),
            Some(&admin.access),
            Some(json!({})),
        )
        .await;
    let registrations = app
        .get_ok(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&admin.access),
        )
        .await;
    let as_seat = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&ana.access))
        .await;
    let anonymous = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    let mine = app
        .get_ok("/api/v1/me/registrations", Some(&ben.access))
        .await;
    let list = app.get_ok("/api/v1/events", None).await;
    assert_json_snapshot!(
        "events",
        story(&[
            ("POST /events/{id}/publish", &ev),
            ("POST /events/{id}/registrations (seat)", &seat),
            ("POST /events/{id}/registrations (waitlist)", &waitlist),
            ("PUT /events/{id}/agenda", &agenda),
            ("PUT /events/{id}/minutes", &minutes),
            ("POST /events/{id}/minutes/publish", &published_minutes),
            ("GET /events/{id}/registrations", &registrations),
            ("GET /events/{id} with a seat", &as_seat),
            ("GET /events/{id} anonymous", &anonymous),
            ("GET /me/registrations", &mine),
            ("GET /events", &list),
        ])
    );
}

#[tokio::test]
async fn documents() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let org = app.city(&owner, "Bologna", "IT").await;
    let themes = app.theme_ids().await;
    let p = app
        .create_practice(
            &owner,
            json!({"organization_id": org, "title": "Open data portal", "summary": "Data.",
                   "body": "Body.", "theme_ids": [themes["e-government"]], "language": "it",
                   "implementation_status": "ongoing"}),
        )
        .await;
    let pid = id(&p).to_owned();
    let mut v1 = b"%PDF-1.7\n".to_vec();
    v1.resize(4096, b'1');
    let doc = app
        .upload_document(&owner, "practice", &pid, v1, "plan.pdf")
        .await;
    let did = id(&doc).to_owned();
    let (status, v2) = app
        .upload(
            Some(&owner),
            &format!("/api/v1/documents/{did}/versions"),
            &[],
            b"a,b\n1,2\n".to_vec(),
            "plan-data.csv",
        )
        .await;
    assert_eq!(status, 201, "{v2}");
    let shown = app
        .get_ok(&format!("/api/v1/documents/{did}"), Some(&owner.access))
        .await;
    let list = app
        .get_ok(
            &format!("/api/v1/documents?attached_to_type=practice&attached_to_id={pid}"),
            Some(&owner.access),
        )
        .await;
    assert_json_snapshot!(
        "documents",
        story(&[
            ("POST /documents", &doc),
            ("POST /documents/{id}/versions", &v2),
            ("GET /documents/{id}", &shown),
            (
                "GET /documents?attached_to_type=practice&attached_to_id=",
                &list
            ),
        ])
    );
}

#[tokio::test]
async fn rooms() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = app
        .create_room(
            &admin,
            json!({"name": "Workshop", "access": "invite", "description": "Bike lanes"}),
        )
        .await;
    let rid = id(&room).to_owned();
    let participant = app
        .post_ok(
            201,
            &format!("/api/v1/rooms/{rid}/participants"),
            Some(&admin.access),
            json!({"user_id": bob.id}),
        )
        .await;
    let shown = app
        .get_ok(&format!("/api/v1/rooms/{rid}"), Some(&bob.access))
        .await;
    let list = app.get_ok("/api/v1/rooms", Some(&bob.access)).await;
    let log = app
        .get_ok(&format!("/api/v1/rooms/{rid}/events"), Some(&bob.access))
        .await;
    assert_json_snapshot!(
        "rooms",
        story(&[
            ("POST /rooms", &room),
            ("POST /rooms/{id}/participants", &participant),
            ("GET /rooms/{id}", &shown),
            ("GET /rooms", &list),
            ("GET /rooms/{id}/events (no activity)", &log),
        ])
    );
    let res = app
        .client
        .get(app.url(&format!("/api/v1/rooms/{rid}/export?format=md")))
        .bearer_auth(&bob.access)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let content_type = res.headers()["content-type"].to_str().unwrap().to_owned();
    let text = res.text().await.unwrap();
    insta::assert_snapshot!(
        "rooms_export_md",
        format!("content-type: {content_type}\n\n{}", redact_text(&text))
    );
}

#[tokio::test]
async fn health() {
    let app = TestApp::spawn().await;
    let healthz = app.get_ok("/healthz", None).await;
    let readyz = app.get_ok("/readyz", None).await;
    assert_json_snapshot!(
        "health",
        story(&[("GET /healthz", &healthz), ("GET /readyz", &readyz)])
    );
}

#[tokio::test]
async fn error_bodies() {
    let app = TestApp::spawn_with(|s| s.http.json_limit_bytes = 1024).await;
    let ana = app.register("ana").await;
    let missing = app
        .expect(
            404,
            Method::GET,
            "/api/v1/organizations/0190b2a4-7c3e-7000-8000-000000000000",
            None,
            None,
        )
        .await;
    let no_route = app
        .expect(404, Method::GET, "/api/v1/no-such-thing", None, None)
        .await;
    let invalid = app
        .post_ok(
            422,
            "/api/v1/organizations",
            Some(&ana.access),
            json!({"name": "V", "kind": "city", "country": "XX", "population": -5,
                   "website": "javascript:alert(1)"}),
        )
        .await;
    let missing_fields = app
        .post_ok(422, "/api/v1/organizations", Some(&ana.access), json!({}))
        .await;
    let unauthorized = app.expect(401, Method::GET, "/api/v1/me", None, None).await;
    let bad_login = app
        .post_ok(
            401,
            "/api/v1/auth/login",
            None,
            json!({"email": "ana@example.org", "password": "wrong password"}),
        )
        .await;
    let res = app
        .client
        .post(app.url("/api/v1/organizations"))
        .bearer_auth(&ana.access)
        .header("content-type", "application/json")
        .body(format!(
            "{{\"name\": \"{}\", \"kind\": \"city\", \"country\": \"ES\"}}",
            "x".repeat(2048)
        ))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let too_large: Value = res.json().await.unwrap();
    let res = app
        .client
        .post(app.url("/api/v1/organizations"))
        .bearer_auth(&ana.access)
        .header("content-type", "text/plain")
        .body("name=Valencia")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let wrong_type: Value = res.json().await.unwrap();
    let res = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(&ana.access)
        .multipart(Form::new().text("attach_to_type", "practice"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let no_file: Value = res.json().await.unwrap();
    let res = app
        .client
        .post(app.url("/api/v1/organizations"))
        .bearer_auth(&ana.access)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let bad_json: Value = res.json().await.unwrap();
    let bad_query = app
        .expect(
            422,
            Method::GET,
            "/api/v1/organizations?limit=0",
            None,
            None,
        )
        .await;
    assert_json_snapshot!(
        "errors",
        story(&[
            ("404 unknown id", &missing),
            ("404 unknown route", &no_route),
            ("422 invalid fields", &invalid),
            ("422 missing fields", &missing_fields),
            ("422 bad query parameter", &bad_query),
            ("422 multipart without a file", &no_file),
            ("401 no token", &unauthorized),
            ("401 bad credentials", &bad_login),
            ("413 body over the JSON limit", &too_large),
            ("415 not JSON", &wrong_type),
            ("400 malformed JSON", &bad_json),
        ])
    );
}

#[tokio::test]
async fn openapi_document() {
    let app = TestApp::spawn().await;
    let doc = app.get_ok("/api/v1/openapi.json", None).await;
    assert_json_snapshot!("openapi", doc);
}
