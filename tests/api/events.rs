//! Workshop events over HTTP (and the event room over real websockets).

use crate::contract::Checked as _;
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, assert_error, at, id};
use crate::ws::{Ended, Ws};

async fn get_text(app: &TestApp, path: &str, token: Option<&str>) -> (StatusCode, String, String) {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send_checked().await.unwrap();
    let status = res.status();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, res.text().await.unwrap())
}

/// The VEVENTs of a calendar, read back with icalendar's RFC 5545 parser: property name ->
/// value (unfolded).
fn vevents(text: &str) -> Vec<BTreeMap<String, String>> {
    assert!(text.contains("\r\n"), "lines must end with CRLF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
    }
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let version = cal.properties.iter().find(|p| p.name == "VERSION").unwrap();
    assert_eq!(version.val.as_str(), "2.0");
    assert!(cal.properties.iter().any(|p| p.name == "PRODID"));
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
                .collect()
        })
        .collect()
}

fn utc(v: &str) -> DateTime<Utc> {
    chrono::NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("{v} is not a UTC date-time: {e}"))
        .and_utc()
}

#[tokio::test]
async fn lifecycle_visibility_and_validation() {
    let app = TestApp::spawn().await;
    let admin = app.admin("events-admin").await;
    let ana = app.register("ana").await;

    // Bad input: every field named at once.
    let (status, body) = app
        .post(
            "/api/v1/events",
            Some(&admin.access),
            json!({"title": "x", "description": "", "kind": "workshop",
                   "starts_at": at(60), "ends_at": at(30), "timezone": "Mars/Olympus",
                   "mode": "online", "online_url": "javascript:alert(1)", "capacity": 0}),
        )
        .await;
    let d = assert_error(status, &body, 422, "validation_failed");
    for field in ["title", "ends_at", "timezone", "online_url", "capacity"] {
        assert!(d.get(field).is_some(), "{field} not named: {d}");
    }
    let (status, body) = app
        .post(
            "/api/v1/events",
            Some(&admin.access),
            json!({"title": "Workshop", "description": "", "kind": "party",
                   "starts_at": at(60), "ends_at": at(90), "timezone": "UTC", "mode": "online"}),
        )
        .await;
    assert_error(status, &body, 422, "validation_failed");
    let (status, body) = app
        .post(
            "/api/v1/events",
            Some(&admin.access),
            json!({"title": "Workshop", "description": "", "kind": "workshop",
                   "starts_at": "2026-12-01T10:00:00", "ends_at": at(90),
                   "timezone": "UTC", "mode": "online"}),
        )
        .await;
    assert!(
        assert_error(status, &body, 422, "validation_failed")
            .get("starts_at")
            .is_some()
    );

    // A plain user needs an organization they own or edit.
    let (status, body) = app
        .post(
            "/api/v1/events",
            Some(&ana.access),
            json!({"title": "Workshop", "description": "", "kind": "workshop",
                   "starts_at": at(60), "ends_at": at(90), "timezone": "UTC", "mode": "online"}),
        )
        .await;
    assert_error(status, &body, 403, "forbidden");

    let ev = app.create_event(&admin,
        json!({"description": "# Plan\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **go**"}),
    )
    .await;
    let eid = id(&ev).to_owned();
    assert_eq!(ev["status"], "draft");
    assert_eq!(ev["timezone"], "Europe/Madrid");
    assert!(ev["room_id"].is_string());
    assert_eq!(ev["is_moderator"], true);
    let html = ev["description_html"].as_str().unwrap();
    assert!(
        html.contains("<h1>Plan</h1>") && html.contains("<strong>go</strong>"),
        "{html}"
    );
    assert!(
        !html.contains("<script") && !html.contains("href=\"javascript"),
        "{html}"
    );

    // Drafts are invisible to everyone but their moderators.
    let (status, _) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get(&format!("/api/v1/events/{eid}"), Some(&ana.access))
        .await;
    assert_eq!(status, 404);
    let list = app.get_ok("/api/v1/events", None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    let list = app.get_ok("/api/v1/events", Some(&admin.access)).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let (status, _) = app
        .post(
            &format!("/api/v1/events/{eid}/publish"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_eq!(status, 404, "a draft does not reveal itself");

    // Transitions out of order are 409.
    for (action, body) in [("start", json!({})), ("end", json!({}))] {
        let (status, b) = app
            .post(
                &format!("/api/v1/events/{eid}/{action}"),
                Some(&admin.access),
                body,
            )
            .await;
        assert_error(status, &b, 409, "invalid_transition");
    }
    // Publishing an in-person event needs a place.
    let (status, b) = app
        .patch(
            &format!("/api/v1/events/{eid}"),
            Some(&admin.access),
            json!({"location": null}),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/publish"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert!(
        assert_error(status, &b, 422, "validation_failed")
            .get("location")
            .is_some()
    );
    app.patch_ok(
        &format!("/api/v1/events/{eid}"),
        Some(&admin.access),
        json!({"location": "Sala 2"}),
    )
    .await;
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/publish"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["status"], "published");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/publish"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "invalid_transition");

    // Published: public, but the online link only for people with a seat and moderators.
    let (status, pub_view) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(pub_view["online_url"], Value::Null);
    assert_eq!(pub_view["has_online_url"], true);
    assert_eq!(pub_view["agenda"], json!([]));
    let list = app.get_ok("/api/v1/events", None).await;
    assert_eq!(list["items"][0]["online_url"], Value::Null);
    let mine = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&admin.access))
        .await;
    assert_eq!(
        mine["online_url"],
        "https://meet.example.org/green-mobility"
    );
    let before = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&ana.access))
        .await;
    assert_eq!(before["online_url"], Value::Null);
    let (status, r) = app
        .post(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_eq!(status, 201, "{r}");
    assert_eq!(
        r,
        json!({"status": "registered", "position": null,
                         "created_at": r["created_at"], "registered_at": r["registered_at"]})
    );
    let after = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&ana.access))
        .await;
    assert_eq!(
        after["online_url"],
        "https://meet.example.org/green-mobility"
    );
    assert_eq!(after["my_registration"]["status"], "registered");
    assert_eq!(
        after["counts"],
        json!({"registered": 1, "waitlisted": 0, "attended": 0})
    );
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "already_registered");

    // Only moderators move it on; then live -> ended; nothing after that.
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/start"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/start"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_eq!(
        (status.as_u16(), b["status"].as_str()),
        (200, Some("live")),
        "{b}"
    );
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/start"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "invalid_transition");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/end"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_eq!(
        (status.as_u16(), b["status"].as_str()),
        (200, Some("ended")),
        "{b}"
    );
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/cancel"),
            Some(&admin.access),
            json!({"reason": "too late"}),
        )
        .await;
    assert_error(status, &b, 409, "invalid_transition");
    let (status, b) = app
        .patch(
            &format!("/api/v1/events/{eid}"),
            Some(&admin.access),
            json!({"title": "New"}),
        )
        .await;
    assert_error(status, &b, 409, "event_over");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "registration_closed");

    // Cancelling: a reason is required and everybody sees it.
    let other = app
        .published_event(
            &admin,
            json!({"title": "Energy training", "kind": "training"}),
        )
        .await;
    let oid = id(&other).to_owned();
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{oid}/cancel"),
            Some(&admin.access),
            json!({"reason": "  "}),
        )
        .await;
    assert_error(status, &b, 422, "validation_failed");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{oid}/cancel"),
            Some(&admin.access),
            json!({"reason": "The venue is closed"}),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    let anon = app.get_ok(&format!("/api/v1/events/{oid}"), None).await;
    assert_eq!(anon["status"], "cancelled");
    assert_eq!(anon["cancel_reason"], "The venue is closed");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{oid}/registrations"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "registration_closed");
    let draft = app
        .create_event(&admin, json!({"title": "Never published"}))
        .await;
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{}/registrations", id(&draft)),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "registration_closed");

    // A closed registration window.
    let windowed = app.published_event(&admin,
        json!({"title": "Study visit Lyon", "registration_opens_at": at(10), "registration_closes_at": at(60)}),
    )
    .await;
    assert_eq!(windowed["registration_open"], false);
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{}/registrations", id(&windowed)),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 409, "registration_closed");

    // Listing filters combine; anonymous callers never get drafts.
    let all = app.get_ok("/api/v1/events", None).await;
    let titles: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(!titles.contains(&"Never published"));
    let f = app.get_ok("/api/v1/events?status=cancelled", None).await;
    assert_eq!(f["items"].as_array().unwrap().len(), 1);
    let f = app.get_ok("/api/v1/events?q=lyon", None).await;
    assert_eq!(f["items"][0]["title"], "Study visit Lyon");
    let f = app
        .get_ok("/api/v1/events?status=published,ended", None)
        .await;
    assert_eq!(f["items"].as_array().unwrap().len(), 2);
    let (status, f) = app.get("/api/v1/events?status=bogus", None).await;
    assert_error(status, &f, 422, "validation_failed");
    let f = app
        .get_ok(
            &format!("/api/v1/events?from={}", at(48 * 60).replace('+', "%2B")),
            None,
        )
        .await;
    assert_eq!(f["items"].as_array().unwrap().len(), 0);
    let page1 = app.get_ok("/api/v1/events?limit=2", None).await;
    let cursor = page1["next_cursor"].as_str().unwrap();
    let page2 = app
        .get_ok(&format!("/api/v1/events?limit=2&cursor={cursor}"), None)
        .await;
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert!(page2["next_cursor"].is_null());
}

#[tokio::test]
async fn organization_editors_create_events_members_do_not() {
    let app = TestApp::spawn().await;
    let owner = app.register("org-owner").await;
    let member = app.register("org-member").await;
    let org_id = app.city(&owner, "Valencia", "ES").await;
    app.add_member(&owner, &org_id, &member, "member").await;
    let ev = app
        .create_event(&owner, json!({"organization_id": org_id}))
        .await;
    assert_eq!(ev["organization_id"], org_id.as_str());
    let (status, b) = app
        .post(
            "/api/v1/events",
            Some(&member.access),
            json!({"title": "Workshop", "description": "", "kind": "workshop",
                   "starts_at": at(60), "ends_at": at(90), "timezone": "UTC", "mode": "online",
                   "organization_id": org_id}),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    // The organization filter.
    app.publish_event(&owner, id(&ev)).await;
    let f = app
        .get_ok(&format!("/api/v1/events?organization={org_id}"), None)
        .await;
    assert_eq!(f["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn fifty_concurrent_registrations_for_ten_seats() {
    let app = TestApp::spawn_with(|s| s.database.pool_size = 16).await;
    let admin = app.admin("seats-admin").await;
    let ev = app.published_event(&admin, json!({"capacity": 10})).await;
    let eid = id(&ev).to_owned();
    let mut users = Vec::new();
    for i in 0..50 {
        users.push(app.register(&format!("reg{i}")).await);
    }
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(users.len()));
    let tasks: Vec<_> = users
        .iter()
        .map(|u| {
            let client = app.client.clone();
            let url = app.url(&format!("/api/v1/events/{eid}/registrations"));
            let token = u.access.clone();
            let barrier = barrier.clone();
            let uid = u.id.to_string();
            tokio::spawn(async move {
                barrier.wait().await;
                let res = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&json!({}))
                    .send_checked()
                    .await
                    .unwrap();
                let status = res.status();
                (uid, status, res.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut answers = BTreeMap::new();
    for t in tasks {
        let (uid, status, body) = t.await.unwrap();
        assert_eq!(status, 201, "{body}");
        answers.insert(uid, body);
    }
    let registered = answers
        .values()
        .filter(|b| b["status"] == "registered")
        .count();
    let mut positions: Vec<i64> = answers
        .values()
        .filter(|b| b["status"] == "waitlisted")
        .map(|b| b["position"].as_i64().unwrap())
        .collect();
    positions.sort_unstable();
    assert_eq!(registered, 10);
    assert_eq!(
        positions,
        (1..=40).collect::<Vec<i64>>(),
        "strict, gapless order"
    );

    // The moderators' list agrees with what each person was told.
    let (status, list) = app
        .get(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&admin.access),
        )
        .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(
        list["counts"],
        json!({"registered": 10, "waitlisted": 40, "attended": 0})
    );
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 50);
    for (i, it) in items.iter().enumerate() {
        let told = &answers[it["user_id"].as_str().unwrap()];
        assert_eq!(it["status"], told["status"], "{it}");
        assert_eq!(it["position"], told["position"], "{it}");
        if i >= 10 {
            assert_eq!(it["position"], json!(i as i64 - 9));
        }
    }
    let first_waiting = items[10]["user_id"].as_str().unwrap().to_owned();
    let second_waiting = items[11]["user_id"].as_str().unwrap().to_owned();
    let seated = items[0]["user_id"].as_str().unwrap().to_owned();
    let token_of = |uid: &str| {
        users
            .iter()
            .find(|u| u.id.to_string() == uid)
            .unwrap()
            .access
            .clone()
    };

    // Non-moderators cannot read the list.
    let (status, b) = app
        .get(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&token_of(&seated)),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");

    // One cancellation promotes position 1; everyone behind moves up.
    let (status, _) = app
        .delete(
            &format!("/api/v1/events/{eid}/registrations/me"),
            Some(&token_of(&seated)),
        )
        .await;
    assert_eq!(status, 204);
    let (status, b) = app
        .delete(
            &format!("/api/v1/events/{eid}/registrations/me"),
            Some(&token_of(&seated)),
        )
        .await;
    assert_error(status, &b, 404, "not_found");
    let promoted = app
        .get_ok(
            &format!("/api/v1/events/{eid}"),
            Some(&token_of(&first_waiting)),
        )
        .await;
    assert_eq!(promoted["my_registration"]["status"], "registered");
    assert_eq!(
        promoted["counts"],
        json!({"registered": 10, "waitlisted": 39, "attended": 0})
    );
    let next = app
        .get_ok(
            &format!("/api/v1/events/{eid}"),
            Some(&token_of(&second_waiting)),
        )
        .await;
    assert_eq!(next["my_registration"]["position"], 1);

    // Raising the capacity to 15 seats the next five, in order.
    let (status, b) = app
        .patch(
            &format!("/api/v1/events/{eid}"),
            Some(&admin.access),
            json!({"capacity": 15}),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(
        b["counts"],
        json!({"registered": 15, "waitlisted": 34, "attended": 0})
    );
    assert_eq!(b["seats_left"], 0);
    let list = app
        .get_ok(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&admin.access),
        )
        .await;
    let items = list["items"].as_array().unwrap();
    let now_seated: HashSet<&str> = items
        .iter()
        .filter(|i| i["status"] == "registered")
        .map(|i| i["user_id"].as_str().unwrap())
        .collect();
    for k in 11..=15 {
        // Original waitlist places 2..6.
        let uid = answers
            .iter()
            .find(|(_, b)| b["position"] == json!(k - 9))
            .map(|(u, _)| u.as_str())
            .unwrap();
        assert!(
            now_seated.contains(uid),
            "waitlist place {} was not seated",
            k - 9
        );
    }
    assert_eq!(
        items.iter().filter(|i| i["status"] == "cancelled").count(),
        1
    );
    assert_eq!(items.last().unwrap()["status"], "cancelled");

    // The one who left may register again, at the back of the queue.
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&token_of(&seated)),
            json!({}),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(b["status"], "waitlisted");
    assert_eq!(b["position"], 35);

    // /me/registrations lists mine.
    let (status, mine) = app
        .get("/api/v1/me/registrations", Some(&token_of(&seated)))
        .await;
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["event"]["id"], eid.as_str());
    assert_eq!(mine[0]["registration"]["position"], 35);
}

#[tokio::test]
async fn registrations_export_as_rfc4180_csv() {
    let app = TestApp::spawn().await;
    let admin = app.admin("csv-admin").await;
    let ev = app.published_event(&admin, json!({"capacity": 1})).await;
    let eid = id(&ev).to_owned();
    // Names that need quoting, and one a spreadsheet would run as a formula.
    let tricky = [
        "Ana, \"the\" mayor",
        "=HYPERLINK(\"http://x\")",
        "Jörg\nNewline",
    ];
    for (i, name) in tricky.iter().enumerate() {
        let (status, b) = app
            .post(
                "/api/v1/auth/register",
                None,
                json!({"email": format!("csv{i}@example.org"), "password": "password-long-enough",
                       "display_name": name.replace('\n', " ")}),
            )
            .await;
        assert_eq!(status, 201, "{b}");
        let token = b["access_token"].as_str().unwrap();
        let (status, _) = app
            .post(
                &format!("/api/v1/events/{eid}/registrations"),
                Some(token),
                json!({}),
            )
            .await;
        assert_eq!(status, 201);
    }
    let (status, ct, text) = get_text(
        &app,
        &format!("/api/v1/events/{eid}/registrations?format=csv"),
        Some(&admin.access),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert!(ct.starts_with("text/csv"), "{ct}");
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("\"Ana, \"\"the\"\" mayor\""), "{text}");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header[..4],
        ["display_name", "email", "status", "waitlist_position"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "Ana, \"the\" mayor");
    assert_eq!(&rows[0][2], "registered");
    assert_eq!(&rows[1][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!((&rows[1][2], &rows[1][3]), ("waitlisted", "1"));
    assert_eq!((&rows[2][2], &rows[2][3]), ("waitlisted", "2"));
    for r in &rows {
        assert_eq!(r.len(), header.len());
    }
    let (status, b) = app
        .get(
            &format!("/api/v1/events/{eid}/registrations?format=xls"),
            Some(&admin.access),
        )
        .await;
    assert_error(status, &b, 422, "validation_failed");
}

#[tokio::test]
async fn calendars_parse_and_track_changes() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ics-admin").await;
    let ana = app.register("ics-ana").await;
    let themes = app.get_ok("/api/v1/themes?limit=2", None).await;
    let theme = &themes["items"][0];
    let ev = app
        .published_event(
            &admin,
            json!({"title": "Water resilience, lessons; and plans", "theme_ids": [theme["id"]]}),
        )
        .await;
    let eid = id(&ev).to_owned();
    let draft = app
        .create_event(&admin, json!({"title": "Secret draft"}))
        .await;

    let (status, ct, text) = get_text(&app, &format!("/api/v1/events/{eid}.ics"), None).await;
    assert_eq!(status, 200, "{text}");
    assert!(ct.starts_with("text/calendar"), "{ct}");
    let v = vevents(&text);
    assert_eq!(v.len(), 1);
    let e = &v[0];
    assert_eq!(e["UID"], format!("{eid}@livinglab"));
    assert_eq!(e["SUMMARY"], "Water resilience, lessons; and plans");
    assert!(
        text.contains("SUMMARY:Water resilience\\, lessons\\; and plans\r\n"),
        "{text}"
    );
    assert_eq!(
        utc(&e["DTSTART"]),
        ev["starts_at"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap()
    );
    assert_eq!(
        utc(&e["DTEND"]),
        ev["ends_at"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap()
    );
    utc(&e["DTSTAMP"]);
    assert_eq!(e["STATUS"], "CONFIRMED");
    assert_eq!(e["LOCATION"], "Ajuntament de València, Sala 2");
    assert!(
        e["URL"].ends_with(&format!("/events/{eid}")),
        "{}",
        e["URL"]
    );
    assert!(e["DESCRIPTION"].contains("low-emission zones"));
    assert!(
        !text.contains("meet.example.org"),
        "the online link is not public"
    );
    let seq0: i64 = e["SEQUENCE"].parse().unwrap();

    // Every change raises SEQUENCE; the UID stays.
    app.patch_ok(
        &format!("/api/v1/events/{eid}"),
        Some(&admin.access),
        json!({"location": "Sala 3"}),
    )
    .await;
    let (_, _, text) = get_text(&app, &format!("/api/v1/events/{eid}.ics"), None).await;
    let e1 = &vevents(&text)[0];
    let seq1: i64 = e1["SEQUENCE"].parse().unwrap();
    assert!(seq1 > seq0, "{seq0} -> {seq1}");
    assert_eq!(e1["UID"], e["UID"]);
    assert_eq!(e1["LOCATION"], "Sala 3");

    // The public feed: published events only, by theme too.
    let (status, _, feed) = get_text(&app, "/api/v1/events.ics", None).await;
    assert_eq!(status, 200);
    let uids: Vec<String> = vevents(&feed).iter().map(|e| e["UID"].clone()).collect();
    assert_eq!(uids, [format!("{eid}@livinglab")]);
    assert!(!feed.contains(id(&draft)));
    let slug = theme["slug"].as_str().unwrap();
    let (_, _, by_theme) = get_text(&app, &format!("/api/v1/events.ics?theme={slug}"), None).await;
    assert_eq!(vevents(&by_theme).len(), 1);
    let other = themes["items"][1]["slug"].as_str().unwrap();
    let (_, _, none) = get_text(&app, &format!("/api/v1/events.ics?theme={other}"), None).await;
    assert_eq!(vevents(&none).len(), 0);
    let (status, _, _) = get_text(&app, "/api/v1/events.ics?theme=no-such-theme", None).await;
    assert_eq!(status, 404);
    let (status, _, _) = get_text(&app, &format!("/api/v1/events/{}.ics", id(&draft)), None).await;
    assert_eq!(status, 404, "drafts have no public calendar");

    // The personal feed: only the token, no header; rotation revokes the old address.
    app.register_for_event(&ana, &eid).await;
    let (status, tok) = app
        .post("/api/v1/me/calendar-token", Some(&ana.access), json!({}))
        .await;
    assert_eq!(status, 201, "{tok}");
    let url = tok["url"].as_str().unwrap().to_owned();
    let path = url
        .strip_prefix(&app.addr)
        .expect("an address on this server")
        .to_owned();
    let (status, _, mine) = get_text(&app, &path, None).await;
    assert_eq!(status, 200, "{mine}");
    let v = vevents(&mine);
    assert_eq!(v.len(), 1);
    assert!(
        v[0]["DESCRIPTION"].contains("meet.example.org"),
        "seats see the link"
    );
    let (status, tok2) = app
        .post("/api/v1/me/calendar-token", Some(&ana.access), json!({}))
        .await;
    assert_eq!(status, 201);
    let path2 = tok2["url"]
        .as_str()
        .unwrap()
        .strip_prefix(&app.addr)
        .unwrap()
        .to_owned();
    assert_ne!(path, path2);
    let (status, _, body) = get_text(&app, &path, None).await;
    assert_eq!(status, 404, "the old token is revoked: {body}");
    assert!(body.contains("\"not_found\""));
    let (status, _, _) = get_text(&app, &path2, None).await;
    assert_eq!(status, 200);
    let (status, _, _) = get_text(&app, "/api/v1/calendar/forged-token.ics", None).await;
    assert_eq!(status, 404);

    // Cancelling: STATUS:CANCELLED everywhere, with a higher SEQUENCE.
    let (status, _) = app
        .post(
            &format!("/api/v1/events/{eid}/cancel"),
            Some(&admin.access),
            json!({"reason": "Flooding"}),
        )
        .await;
    assert_eq!(status, 200);
    for p in [
        format!("/api/v1/events/{eid}.ics"),
        "/api/v1/events.ics".to_owned(),
        path2.clone(),
    ] {
        let (_, _, text) = get_text(&app, &p, None).await;
        let e2 = &vevents(&text)[0];
        assert_eq!(e2["STATUS"], "CANCELLED", "{p}");
        assert!(e2["SEQUENCE"].parse::<i64>().unwrap() > seq1, "{p}");
        assert!(e2["DESCRIPTION"].contains("Flooding"), "{p}");
    }
}

/// RFC 5545 read strictly: content lines end with CRLF and a CR or LF anywhere else is an
/// error (lenient readers take a bare CR as a line end: that is how a description could
/// close its VEVENT and open another). Unfolds, checks the calendar's frame and returns
/// the number of VEVENTs.
fn strict_vevent_count(text: &str) -> usize {
    let body = text
        .strip_suffix("\r\n")
        .expect("the last line ends with CRLF");
    let mut lines: Vec<String> = Vec::new();
    for raw in body.split("\r\n") {
        assert!(
            !raw.contains(['\r', '\n']),
            "bare CR or LF inside a content line: {raw:?}"
        );
        match raw.strip_prefix([' ', '\t']) {
            Some(more) => lines
                .last_mut()
                .expect("a folded line continues another")
                .push_str(more),
            None => lines.push(raw.to_owned()),
        }
    }
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let begins = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    let ends = lines.iter().filter(|l| *l == "END:VEVENT").count();
    assert_eq!(begins, ends, "every VEVENT is closed once");
    begins
}

/// The event's three calendars (its own, the public feed, `user`'s personal feed) as paths.
async fn calendar_paths(app: &TestApp, user: &TestUser, eid: &str) -> [String; 3] {
    let tok = app
        .post_ok(
            201,
            "/api/v1/me/calendar-token",
            Some(&user.access),
            json!({}),
        )
        .await;
    let personal = tok["url"]
        .as_str()
        .unwrap()
        .strip_prefix(&app.addr)
        .expect("an address on this server")
        .to_owned();
    [
        format!("/api/v1/events/{eid}.ics"),
        "/api/v1/events.ics".to_owned(),
        personal,
    ]
}

#[tokio::test]
async fn a_carriage_return_cannot_split_a_calendar_event() {
    let app = TestApp::spawn().await;
    let admin = app.admin("cr-admin").await;
    let ana = app.register("cr-ana").await;
    let injected = "a\rEND:VEVENT\rBEGIN:VEVENT";
    let ev = app
        .published_event(&admin, json!({"description": injected}))
        .await;
    let eid = id(&ev).to_owned();
    let stored = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(stored["description"], "a\nEND:VEVENT\nBEGIN:VEVENT");
    app.register_for_event(&ana, &eid).await;
    let paths = calendar_paths(&app, &ana, &eid).await;
    for p in &paths {
        let (status, _, text) = get_text(&app, p, None).await;
        assert_eq!(status, 200, "{p}: {text}");
        assert_eq!(strict_vevent_count(&text), 1, "{p}: {text}");
        assert_eq!(vevents(&text).len(), 1, "{p}");
    }

    // Text stored before the rule may still hold a CR: the calendar writer escapes it too.
    let n = app
        .db()
        .await
        .execute(
            "UPDATE events SET description = $1, title = $1 WHERE id = $2::text::uuid",
            &[&injected, &eid],
        )
        .await
        .unwrap();
    assert_eq!(n, 1);
    for p in &paths {
        let (_, _, text) = get_text(&app, p, None).await;
        assert_eq!(strict_vevent_count(&text), 1, "{p}: {text}");
        let v = vevents(&text);
        assert_eq!(v.len(), 1, "{p}");
        assert!(
            v[0]["DESCRIPTION"].contains("END:VEVENT"),
            "kept as text: {p}"
        );
    }
}

/// With `LIVINGLAB_TRUST_PROXY_HEADERS=false` (the default), forwarded headers are the
/// client's word: the calendar address and feed links follow `Host`; with trust on they
/// follow the proxy; `LIVINGLAB_PUBLIC_URL` beats both.
#[tokio::test]
async fn forwarded_headers_steer_calendar_links_only_when_trusted() {
    async fn links(app: &TestApp) -> Vec<String> {
        let admin = app.admin("fw-admin").await;
        let ana = app.register("fw-ana").await;
        let eid = id(&app.published_event(&admin, json!({})).await).to_owned();
        app.register_for_event(&ana, &eid).await;
        let spoof = |req: reqwest::RequestBuilder| {
            req.header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
        };
        let tok: Value = spoof(app.client.post(app.url("/api/v1/me/calendar-token")))
            .bearer_auth(&ana.access)
            .send_checked()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token_url = tok["url"].as_str().unwrap().to_owned();
        let personal = format!("/api/v1/calendar/{}", token_url.rsplit('/').next().unwrap());
        let mut out = vec![token_url];
        for p in [
            format!("/api/v1/events/{eid}.ics"),
            "/api/v1/events.ics".to_owned(),
            personal,
        ] {
            let res = spoof(app.client.get(app.url(&p)))
                .send_checked()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{p}");
            let text = res.text().await.unwrap();
            for e in vevents(&text) {
                out.push(e["URL"].clone());
            }
        }
        assert_eq!(out.len(), 4);
        out
    }

    let app = TestApp::spawn().await;
    for url in links(&app).await {
        assert!(url.starts_with(&app.addr), "{url}");
        assert!(!url.contains("evil.example"), "{url}");
    }
    let trusting = TestApp::spawn_with(|s| s.http.trust_proxy_headers = true).await;
    for url in links(&trusting).await {
        assert!(url.starts_with("https://evil.example/"), "{url}");
    }
    let public = TestApp::spawn_with(|s| {
        s.http.trust_proxy_headers = true;
        s.http.public_url = Some("https://lab.example.org/".into());
    })
    .await;
    for url in links(&public).await {
        assert!(url.starts_with("https://lab.example.org/"), "{url}");
    }
}

/// Opens a socket and says hello; the refusal's error code and close code.
async fn refused_hello(app: &TestApp, user: &TestUser, room: &str) -> (String, u16) {
    let mut ws = Ws::open(&app.addr, room, None).await.expect("upgrade");
    ws.send(json!({"type": "hello", "token": user.access}))
        .await;
    let err = ws.recv().await;
    assert_eq!(err["type"], "error", "{err}");
    let code = match ws.recv_or_end().await {
        Err(Ended::Closed(c)) => c,
        other => panic!("expected a close, got {other:?}"),
    };
    (err["code"].as_str().unwrap().to_owned(), code)
}

#[tokio::test]
async fn only_seats_and_moderators_enter_and_the_room_closes_with_the_event() {
    let app = TestApp::spawn().await;
    let admin = app.admin("room-admin").await;
    let seated = app.register("seated").await;
    let waiting = app.register("waiting").await;
    let outsider = app.register("outsider").await;
    let host = app.register("host").await;
    let ev = app.published_event(&admin, json!({"capacity": 1})).await;
    let eid = id(&ev).to_owned();
    let room = ev["room_id"].as_str().unwrap().to_owned();
    app.register_for_event(&seated, &eid).await;
    let w = app.register_for_event(&waiting, &eid).await;
    assert_eq!(w["status"], "waitlisted");

    // Event moderators: added by a moderator, they moderate the room too.
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/moderators"),
            Some(&seated.access),
            json!({"user_id": host.id}),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/moderators"),
            Some(&admin.access),
            json!({"user_id": host.id}),
        )
        .await;
    assert_eq!(status, 201, "{b}");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/moderators"),
            Some(&admin.access),
            json!({"user_id": host.id}),
        )
        .await;
    assert_error(status, &b, 409, "already_added");
    let mods = app
        .get_ok(&format!("/api/v1/events/{eid}/moderators"), None)
        .await;
    assert_eq!(mods.as_array().unwrap().len(), 2);
    let hv = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&host.access))
        .await;
    assert_eq!(hv["is_moderator"], true);

    // REST and websocket agree: seats and moderators in, waitlist and strangers out.
    for (u, want) in [
        (&seated, 200),
        (&host, 200),
        (&waiting, 404),
        (&outsider, 404),
    ] {
        let (status, _) = app
            .get(&format!("/api/v1/rooms/{room}"), Some(&u.access))
            .await;
        assert_eq!(status.as_u16(), want);
    }
    let rooms = app.get_ok("/api/v1/rooms", Some(&seated.access)).await;
    assert_eq!(rooms["items"].as_array().unwrap().len(), 1);
    let rooms = app.get_ok("/api/v1/rooms", Some(&waiting.access)).await;
    assert_eq!(rooms["items"].as_array().unwrap().len(), 0);
    assert_eq!(
        refused_hello(&app, &waiting, &room).await,
        ("forbidden".into(), 4003)
    );
    assert_eq!(
        refused_hello(&app, &outsider, &room).await,
        ("forbidden".into(), 4003)
    );
    let (mut a, welcome) = Ws::join(&app.addr, &seated, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], false, "{welcome}");
    let (mut h, welcome) = Ws::join(&app.addr, &host, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true, "{welcome}");
    a.act(json!({"type": "chat.send", "text": "Hello from a seat"}))
        .await;
    h.act(json!({"type": "mod.lock", "locked": false})).await;

    // The rooms API cannot turn rooms into event rooms or back.
    let (status, b) = app
        .patch(
            &format!("/api/v1/rooms/{room}"),
            Some(&admin.access),
            json!({"access": "open"}),
        )
        .await;
    assert!(
        assert_error(status, &b, 422, "validation_failed")
            .get("access")
            .is_some()
    );
    let (status, b) = app
        .post(
            "/api/v1/rooms",
            Some(&admin.access),
            json!({"name": "Sneaky", "access": "event"}),
        )
        .await;
    assert_error(status, &b, 422, "validation_failed");

    // The seat frees up: the waitlisted person gets it and can enter.
    let (status, b) = app
        .delete(
            &format!("/api/v1/events/{eid}/registrations/me"),
            Some(&seated.access),
        )
        .await;
    assert_eq!(status, 204, "{b}");
    let (status, _) = app
        .get(&format!("/api/v1/rooms/{room}"), Some(&waiting.access))
        .await;
    assert_eq!(status, 200);
    let (mut w, _) = Ws::join(&app.addr, &waiting, &room, None).await;

    // Cancelling closes the room for everyone, moderators included, at once.
    let (status, _) = app
        .post(
            &format!("/api/v1/events/{eid}/cancel"),
            Some(&admin.access),
            json!({"reason": "Strike"}),
        )
        .await;
    assert_eq!(status, 200);
    for sock in [&mut w, &mut h] {
        let closed = sock.next_of("room.closed").await;
        assert_eq!(closed["actor"]["display_name"], "room-admin");
    }
    assert_eq!(
        w.refused(json!({"type": "chat.send", "text": "anyone?"}))
            .await,
        "room_locked"
    );
    assert_eq!(
        h.refused(json!({"type": "mod.lock", "locked": false}))
            .await,
        "room_locked"
    );
    assert_eq!(
        h.refused(json!({"type": "hand.raise"})).await,
        "room_locked"
    );
    // History stays readable.
    let (_, late) = Ws::join(&app.addr, &host, &room, Some(0)).await;
    assert_eq!(late["state"]["closed"], true, "{late}");
    assert_eq!(late["state"]["locked"], true);
    let hist = app
        .get_ok(&format!("/api/v1/rooms/{room}/events"), Some(&host.access))
        .await;
    assert!(
        hist["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "chat" && e["text"] == "Hello from a seat")
    );
    let _ = a.close().await;
}

#[tokio::test]
async fn the_clock_starts_and_ends_events_and_closes_their_rooms() {
    let app = TestApp::spawn_with(|s| s.events.clock_interval = Duration::from_millis(200)).await;
    let admin = app.admin("clock-admin").await;
    let soon = |secs: i64| {
        (Utc::now() + chrono::Duration::seconds(secs))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    let ev = app
        .published_event(&admin, json!({"starts_at": soon(2), "ends_at": soon(5)}))
        .await;
    let eid = id(&ev).to_owned();
    let room = ev["room_id"].as_str().unwrap().to_owned();
    let (mut ws, _) = Ws::join(&app.addr, &admin, &room, None).await;
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while tokio::time::Instant::now() < deadline {
        let e = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
        let s = e["status"].as_str().unwrap().to_owned();
        if seen.last() != Some(&s) {
            seen.push(s.clone());
        }
        if s == "ended" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen, ["published", "live", "ended"]);
    let closed = ws.next_of("room.closed").await;
    assert_eq!(closed["actor"]["display_name"], "livinglab", "{closed}");
    assert_eq!(
        ws.refused(json!({"type": "chat.send", "text": "late"}))
            .await,
        "room_locked"
    );
}

#[tokio::test]
async fn agenda_attendance_and_minutes() {
    let app = TestApp::spawn().await;
    let admin = app.admin("minutes-admin").await;
    let ana = app.register("minutes-ana").await;
    let ben = app.register("minutes-ben").await;
    let ev = app.published_event(&admin, json!({"capacity": 1})).await;
    let eid = id(&ev).to_owned();
    let start: DateTime<Utc> = ev["starts_at"].as_str().unwrap().parse().unwrap();
    let t = |m: i64| (start + chrono::Duration::minutes(m)).to_rfc3339();

    // Agenda: checked item by item, stored in time order, part of the event.
    let (status, b) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/events/{eid}/agenda"),
            Some(&admin.access),
            Some(json!([{"starts_at": t(-60), "title": "Too early"}, {"starts_at": t(0), "title": ""}])),
        )
        .await;
    let d = assert_error(status, &b, 422, "validation_failed");
    assert!(
        d.get("[0].starts_at").is_some() && d.get("[1].title").is_some(),
        "{d}"
    );
    let (status, b) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/events/{eid}/agenda"),
            Some(&ana.access),
            Some(json!([])),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    let (status, b) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/events/{eid}/agenda"),
            Some(&admin.access),
            Some(json!([
                {"starts_at": t(90), "title": "Field visit", "speaker": "Ben"},
                {"starts_at": t(0), "title": "Welcome", "description": "Coffee"}
            ])),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    let full = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    let titles: Vec<&str> = full["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Welcome", "Field visit"]);
    assert!(full["sequence"].as_i64().unwrap() > ev["sequence"].as_i64().unwrap());

    // Attendance: for people with a seat, by moderators; counted on the event.
    app.register_for_event(&ana, &eid).await;
    app.register_for_event(&ben, &eid).await;
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/attendance"),
            Some(&ana.access),
            json!({"user_id": ana.id, "attended": true}),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/attendance"),
            Some(&admin.access),
            json!({"user_id": ben.id, "attended": true}),
        )
        .await;
    assert_error(status, &b, 404, "not_found");
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/attendance"),
            Some(&admin.access),
            json!({"user_id": ana.id, "attended": true}),
        )
        .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(
        b["counts"],
        json!({"registered": 1, "waitlisted": 1, "attended": 1})
    );
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/attendance"),
            Some(&admin.access),
            json!({"user_id": ana.id}),
        )
        .await;
    assert_error(status, &b, 422, "validation_failed");

    // Minutes: Markdown in, sanitized HTML out, visible with the event.
    let (status, m) = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/events/{eid}/minutes"),
            Some(&admin.access),
            Some(json!({"markdown": "## Decisions\n\n- more bike lanes\n\n<img src=x onerror=alert(1)>"})),
        )
        .await;
    assert_eq!(status, 200, "{m}");
    assert!(m["html"].as_str().unwrap().contains("<h2>Decisions</h2>"));
    assert!(!m["html"].as_str().unwrap().contains("onerror"));
    // Only the moderators see them until they publish them.
    let full = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(full["minutes"], Value::Null);
    let full = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&admin.access))
        .await;
    assert_eq!(full["minutes"]["markdown"], m["markdown"]);
    app.post_ok(
        200,
        &format!("/api/v1/events/{eid}/minutes/publish"),
        Some(&admin.access),
        json!({}),
    )
    .await;
    let full = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(full["minutes"]["markdown"], m["markdown"]);

    // From the room: the room's Markdown export becomes the minutes.
    let room = ev["room_id"].as_str().unwrap();
    let (mut ws, _) = Ws::join(&app.addr, &ana, room, None).await;
    ws.act(json!({"type": "chat.send", "text": "We should copy Ghent's circulation plan"}))
        .await;
    ws.act(json!({"type": "question.ask", "text": "Who pays for the bollards?"}))
        .await;
    let (status, b) = app
        .post(
            &format!("/api/v1/events/{eid}/minutes/from-room"),
            Some(&ana.access),
            json!({}),
        )
        .await;
    assert_error(status, &b, 403, "forbidden");
    let (status, m) = app
        .post(
            &format!("/api/v1/events/{eid}/minutes/from-room"),
            Some(&admin.access),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{m}");
    let md = m["markdown"].as_str().unwrap();
    assert!(
        md.contains("Ghent's circulation plan") && md.contains("Who pays for the bollards?"),
        "{md}"
    );
    assert!(m["html"].as_str().unwrap().contains("Ghent"));
}

/// `PUT .../minutes` with an optional `If-Match`; status, ETag and body.
async fn put_minutes(
    app: &TestApp,
    user: &TestUser,
    eid: &str,
    if_match: Option<&str>,
    body: Value,
) -> (StatusCode, Option<String>, Value) {
    let mut req = app
        .client
        .put(app.url(&format!("/api/v1/events/{eid}/minutes")))
        .bearer_auth(&user.access)
        .json(&body);
    if let Some(tag) = if_match {
        req = req.header("If-Match", tag);
    }
    let res = req.send_checked().await.unwrap();
    let status = res.status();
    let etag = res
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, etag, res.json().await.unwrap())
}

/// Two moderators edit the minutes: the one who edited an old version is refused (409 for
/// a stale `version`, 412 for a stale `If-Match`), every write is kept as a revision, and
/// filling the minutes from the room adds a revision instead of replacing what was written.
#[tokio::test]
async fn minutes_keep_revisions_and_refuse_stale_writes() {
    let app = TestApp::spawn().await;
    let admin = app.admin("rev-admin").await;
    let ben = app.register("rev-ben").await;
    let stranger = app.register("rev-stranger").await;
    let ev = app.create_event(&admin, json!({})).await;
    let eid = id(&ev).to_owned();
    app.post_ok(
        201,
        &format!("/api/v1/events/{eid}/moderators"),
        Some(&admin.access),
        json!({"user_id": ben.id}),
    )
    .await;
    let minutes = format!("/api/v1/events/{eid}/minutes");
    let (status, b) = app.get(&minutes, Some(&admin.access)).await;
    assert_error(status, &b, 404, "not_found");

    // The first minutes need no version.
    let (status, tag1, m1) = put_minutes(&app, &admin, &eid, None, json!({"markdown": "v1"})).await;
    assert_eq!(status, 200, "{m1}");
    assert_eq!(m1["version"], 1);
    assert_eq!(tag1.as_deref(), Some("\"minutes-1\""));
    // Ben opens them; meanwhile the admin saves an edit.
    let (status, b) = app.get(&minutes, Some(&ben.access)).await;
    assert_eq!((status.as_u16(), &b["version"]), (200, &json!(1)));
    let (status, _, m2) = put_minutes(
        &app,
        &admin,
        &eid,
        None,
        json!({"markdown": "v2: decisions by the admin", "version": 1}),
    )
    .await;
    assert_eq!(status, 200, "{m2}");
    assert_eq!(m2["version"], 2);

    // Ben's save from version 1 is refused, however he names it; nothing is replaced.
    let (status, _, b) = put_minutes(
        &app,
        &ben,
        &eid,
        None,
        json!({"markdown": "ben's v1 edit", "version": 1}),
    )
    .await;
    let d = assert_error(status, &b, 409, "stale_minutes");
    assert_eq!(d["current_version"], 2);
    let (status, _, b) = put_minutes(
        &app,
        &ben,
        &eid,
        tag1.as_deref(),
        json!({"markdown": "ben's v1 edit"}),
    )
    .await;
    assert_error(status, &b, 412, "precondition_failed");
    let (status, _, b) =
        put_minutes(&app, &ben, &eid, None, json!({"markdown": "ben's v1 edit"})).await;
    assert_error(status, &b, 409, "stale_minutes");
    let current = app.get_ok(&minutes, Some(&ben.access)).await;
    assert_eq!(current["markdown"], "v2: decisions by the admin");

    // He reloads and saves on top of version 2, by If-Match this time.
    let (status, _, m3) = put_minutes(
        &app,
        &ben,
        &eid,
        Some("\"minutes-2\""),
        json!({"markdown": "v3: merged by ben"}),
    )
    .await;
    assert_eq!(status, 200, "{m3}");
    assert_eq!(m3["version"], 3);

    // From the room: a stale If-Match is refused; without one it adds version 4.
    let from_room = format!("{minutes}/from-room");
    let res = app
        .client
        .post(app.url(&from_room))
        .bearer_auth(&admin.access)
        .header("If-Match", "\"minutes-2\"")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 412);
    let m4 = app
        .post_ok(200, &from_room, Some(&admin.access), json!({}))
        .await;
    assert_eq!(m4["version"], 4);
    assert_ne!(m4["markdown"], "v3: merged by ben");

    // Every write, in order, with its author and source; the written text survives.
    let revisions = format!("{minutes}/revisions");
    let all =
        crate::helpers::collect_pages(&app, &format!("{revisions}?limit=3"), Some(&ben.access))
            .await;
    let summary: Vec<(i64, &str, &str)> = all
        .iter()
        .map(|r| {
            (
                r["version"].as_i64().unwrap(),
                r["source"].as_str().unwrap(),
                r["author_id"].as_str().unwrap(),
            )
        })
        .collect();
    let (a, b) = (admin.id.to_string(), ben.id.to_string());
    assert_eq!(
        summary,
        [
            (1, "written", a.as_str()),
            (2, "written", a.as_str()),
            (3, "written", b.as_str()),
            (4, "from_room", a.as_str()),
        ]
    );
    let v3 = app
        .get_ok(&format!("{revisions}/3"), Some(&ben.access))
        .await;
    assert_eq!(v3["markdown"], "v3: merged by ben");
    assert_eq!(v3["html"], "<p>v3: merged by ben</p>\n");
    let (status, b) = app.get(&format!("{revisions}/9"), Some(&ben.access)).await;
    assert_error(status, &b, 404, "not_found");
    let (status, b) = app
        .get(&format!("{revisions}?limit=0"), Some(&ben.access))
        .await;
    assert_error(status, &b, 422, "validation_failed");

    // Readers of a published event read the current minutes, not the history: an earlier
    // version may hold what a moderator edited out (a raw transcript with names).
    let (status, b) = app.get(&revisions, Some(&stranger.access)).await;
    assert_error(status, &b, 404, "not_found");
    app.publish_event(&admin, &eid).await;
    let (status, b) = app.get(&minutes, Some(&stranger.access)).await;
    assert_error(status, &b, 404, "not_found");
    app.post_ok(
        200,
        &format!("{minutes}/publish"),
        Some(&ben.access),
        json!({}),
    )
    .await;
    assert_eq!(
        app.get_ok(&minutes, Some(&stranger.access)).await["version"],
        4
    );
    for path in [revisions.clone(), format!("{revisions}/1")] {
        let (status, b) = app.get(&path, Some(&stranger.access)).await;
        assert_error(status, &b, 403, "forbidden");
        let (status, b) = app.get(&path, None).await;
        assert_error(status, &b, 401, "unauthorized");
    }
}

/// Minutes are the moderators' draft until one of them publishes them: readers get 404
/// (and `minutes: null` in the event) before, the latest text after, and nothing again
/// once they are withdrawn. Only moderators publish, and only minutes that exist.
#[tokio::test]
async fn minutes_are_seen_by_readers_only_once_published() {
    let app = TestApp::spawn().await;
    let admin = app.admin("pubmin-admin").await;
    let pia = app.register("pubmin-pia").await;
    let ev = app.create_event(&admin, json!({})).await;
    let eid = id(&ev).to_owned();
    app.publish_event(&admin, &eid).await;
    app.post_ok(
        201,
        &format!("/api/v1/events/{eid}/registrations"),
        Some(&pia.access),
        json!({}),
    )
    .await;
    let minutes = format!("/api/v1/events/{eid}/minutes");
    let event = format!("/api/v1/events/{eid}");
    let publish = format!("{minutes}/publish");
    let unpublish = format!("{minutes}/unpublish");

    // Nothing to publish yet.
    let (status, b) = app.post(&publish, Some(&admin.access), json!({})).await;
    assert_error(status, &b, 409, "no_minutes");

    let (status, _, m) = put_minutes(&app, &admin, &eid, None, json!({"markdown": "draft"})).await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["published_at"], Value::Null);
    // The participant sees neither the minutes nor them in the event; the moderator does.
    let (status, b) = app.get(&minutes, Some(&pia.access)).await;
    assert_error(status, &b, 404, "not_found");
    let (status, b) = app.get(&minutes, None).await;
    assert_error(status, &b, 404, "not_found");
    assert_eq!(
        app.get_ok(&event, Some(&pia.access)).await["minutes"],
        Value::Null
    );
    let mine = app.get_ok(&minutes, Some(&admin.access)).await;
    assert_eq!(
        (&mine["markdown"], &mine["published_at"]),
        (&json!("draft"), &Value::Null)
    );

    // A participant may not publish them.
    let (status, b) = app.post(&publish, Some(&pia.access), json!({})).await;
    assert_error(status, &b, 403, "forbidden");
    let (status, b) = app.get(&minutes, Some(&pia.access)).await;
    assert_error(status, &b, 404, "not_found");

    let p = app
        .post_ok(200, &publish, Some(&admin.access), json!({}))
        .await;
    let at = p["published_at"].clone();
    assert!(at.is_string(), "{p}");
    let seen = app.get_ok(&minutes, Some(&pia.access)).await;
    assert_eq!(
        (&seen["markdown"], &seen["published_at"]),
        (&json!("draft"), &at)
    );
    assert_eq!(
        app.get_ok(&event, None).await["minutes"]["markdown"],
        "draft"
    );
    // Publishing again keeps the date; a new text stays published and is what readers see.
    let again = app
        .post_ok(200, &publish, Some(&admin.access), json!({}))
        .await;
    assert_eq!(again["published_at"], at);
    let (status, _, m2) = put_minutes(
        &app,
        &admin,
        &eid,
        None,
        json!({"markdown": "final", "version": 1}),
    )
    .await;
    assert_eq!(status, 200, "{m2}");
    assert_eq!(m2["published_at"], at);
    assert_eq!(
        app.get_ok(&minutes, Some(&pia.access)).await["markdown"],
        "final"
    );

    // Withdrawn: hidden again from the participant, still there for the moderator.
    let (status, b) = app.post(&unpublish, Some(&pia.access), json!({})).await;
    assert_error(status, &b, 403, "forbidden");
    let w = app
        .post_ok(200, &unpublish, Some(&admin.access), json!({}))
        .await;
    assert_eq!(w["published_at"], Value::Null);
    let (status, b) = app.get(&minutes, Some(&pia.access)).await;
    assert_error(status, &b, 404, "not_found");
    assert_eq!(
        app.get_ok(&event, Some(&pia.access)).await["minutes"],
        Value::Null
    );
    assert_eq!(
        app.get_ok(&minutes, Some(&admin.access)).await["markdown"],
        "final"
    );
}
