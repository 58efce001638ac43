//! Rights that change while a room socket is open. Each change is made through instance A's
//! API; the socket is on instance B (same database) and must lose the right within 1 s:
//! closed with 4003 (may no longer enter) or 4001 (its session ended), or told its new
//! role by a `role` frame, after which moderator actions are refused.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id};
use crate::ws::Ws;

/// The bound: every instance acts on a change within a second.
const WITHIN: Duration = Duration::from_secs(1);

/// Two instances of one server (one database).
pub async fn pair() -> (TestApp, TestApp) {
    let a = TestApp::spawn().await;
    let b = TestApp::spawn_on(&a.db_url, a.db_name.clone(), |_| {}).await;
    (a, b)
}

/// The socket's close code, which must come within `WITHIN`.
pub async fn closed_soon(ws: &mut Ws) -> u16 {
    tokio::time::timeout(WITHIN, ws.closed())
        .await
        .expect("the socket stayed open for more than 1 s after the change")
}

/// The `role` frame, which must come within `WITHIN`.
async fn role_soon(ws: &mut Ws) -> Value {
    tokio::time::timeout(WITHIN, ws.next_of("role"))
        .await
        .expect("no `role` frame within 1 s of the change")
}

/// A moderator-only action; `forbidden` once the right is gone.
fn moderator_action() -> Value {
    json!({"type": "hand.clear"})
}

/// A second session for `user` (a login on another device).
pub async fn login(app: &TestApp, user: &TestUser) -> TestUser {
    let name = user.email.trim_end_matches("@example.org");
    let b = app
        .post_ok(
            200,
            "/api/v1/auth/login",
            None,
            json!({"email": user.email, "password": format!("password-of-{name}")}),
        )
        .await;
    TestUser {
        access: b["access_token"].as_str().unwrap().to_owned(),
        refresh: b["refresh_token"].as_str().unwrap().to_owned(),
        ..user.clone()
    }
}

async fn room_of(app: &TestApp, admin: &TestUser, body: Value) -> String {
    id(&app.create_room(admin, body).await).to_owned()
}

#[tokio::test]
async fn a_removed_invitee_is_closed_on_the_other_instance() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let bob = a.register("bob").await;
    let room = room_of(&a, &admin, json!({"name": "Board", "access": "invite"})).await;
    a.post_ok(
        201,
        &format!("/api/v1/rooms/{room}/participants"),
        Some(&admin.access),
        json!({"user_id": bob.id}),
    )
    .await;
    let (mut ws, _) = Ws::join(&b.addr, &bob, &room, None).await;
    a.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/rooms/{room}/participants/{}", bob.id),
        Some(&admin.access),
        None,
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4003);
}

#[tokio::test]
async fn a_removed_room_moderator_is_told_and_refused() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let bob = a.register("bob").await;
    let room = room_of(&a, &admin, json!({"name": "Open", "access": "open"})).await;
    a.post_ok(
        201,
        &format!("/api/v1/rooms/{room}/moderators"),
        Some(&admin.access),
        json!({"user_id": bob.id}),
    )
    .await;
    let (mut ws, welcome) = Ws::join(&b.addr, &bob, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true);
    ws.act(moderator_action()).await;
    a.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/rooms/{room}/moderators/{}", bob.id),
        Some(&admin.access),
        None,
    )
    .await;
    // Still inside (the room is open), no longer a moderator.
    assert_eq!(
        role_soon(&mut ws).await,
        json!({"type": "role", "moderator": false})
    );
    assert_eq!(ws.refused(moderator_action()).await, "forbidden");
}

#[tokio::test]
async fn a_removed_organization_member_leaves_the_members_room() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let owner = a.register("owner").await;
    let bob = a.register("bob").await;
    let org = a.city(&owner, "Ghent", "BE").await;
    a.add_member(&owner, &org, &bob, "member").await;
    let room = room_of(
        &a,
        &admin,
        json!({"name": "Staff", "access": "members", "organization_id": org}),
    )
    .await;
    let (mut ws, _) = Ws::join(&b.addr, &bob, &room, None).await;
    a.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/organizations/{org}/members/{}", bob.id),
        Some(&owner.access),
        None,
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4003);
}

#[tokio::test]
async fn a_cancelled_seat_leaves_the_event_room() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let bob = a.register("bob").await;
    let ev = a.published_event(&admin, json!({})).await;
    let (eid, room) = (id(&ev), ev["room_id"].as_str().unwrap());
    a.register_for_event(&bob, eid).await;
    let (mut ws, _) = Ws::join(&b.addr, &bob, room, None).await;
    a.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/events/{eid}/registrations/me"),
        Some(&bob.access),
        None,
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4003);
}

#[tokio::test]
async fn a_demoted_platform_moderator_is_told_and_refused() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let bob = a.moderator("bob").await;
    let room = room_of(&a, &admin, json!({"name": "Open", "access": "open"})).await;
    let (mut ws, welcome) = Ws::join(&b.addr, &bob, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true);
    a.patch_ok(
        &format!("/api/v1/users/{}/role", bob.id),
        Some(&admin.access),
        json!({"role": "member"}),
    )
    .await;
    assert_eq!(role_soon(&mut ws).await["moderator"], false);
    assert_eq!(ws.refused(moderator_action()).await, "forbidden");
}

/// Every way a session ends closes its sockets with 4001, and only its own.
#[tokio::test]
async fn ended_sessions_close_their_sockets() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let room = room_of(&a, &admin, json!({"name": "Open", "access": "open"})).await;

    // Logout.
    let bob = a.register("bob").await;
    let (mut ws, _) = Ws::join(&b.addr, &bob, &room, None).await;
    a.expect(
        204,
        Method::POST,
        "/api/v1/auth/logout",
        None,
        Some(json!({"refresh_token": bob.refresh})),
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4001);

    // A spent refresh token presented again revokes its family.
    let cleo = a.register("cleo").await;
    let (mut ws, _) = Ws::join(&b.addr, &cleo, &room, None).await;
    a.post_ok(
        200,
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": cleo.refresh}),
    )
    .await;
    a.post_ok(
        401,
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": cleo.refresh}),
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4001);

    // Sign out everywhere: both of dora's sessions.
    let dora = a.register("dora").await;
    let dora2 = login(&a, &dora).await;
    let (mut ws1, _) = Ws::join(&b.addr, &dora, &room, None).await;
    let (mut ws2, _) = Ws::join(&b.addr, &dora2, &room, None).await;
    a.expect(
        204,
        Method::POST,
        "/api/v1/auth/logout-all",
        Some(&dora2.access),
        None,
    )
    .await;
    assert_eq!(closed_soon(&mut ws1).await, 4001);
    assert_eq!(closed_soon(&mut ws2).await, 4001);

    // A password change: the other session's socket closes, the asking one's stays.
    let eve = a.register("eve").await;
    let eve2 = login(&a, &eve).await;
    let (mut other, _) = Ws::join(&b.addr, &eve, &room, None).await;
    let (mut mine, _) = Ws::join(&b.addr, &eve2, &room, None).await;
    a.expect(
        204,
        Method::POST,
        "/api/v1/auth/password",
        Some(&eve2.access),
        Some(json!({"current_password": "password-of-eve",
                    "new_password": "a brand new passphrase"})),
    )
    .await;
    assert_eq!(closed_soon(&mut other).await, 4001);
    mine.act(json!({"type": "chat.send", "text": "still here"}))
        .await;
}

#[tokio::test]
async fn a_room_whose_access_narrows_closes_the_sockets_it_no_longer_admits() {
    let (a, b) = pair().await;
    let admin = a.admin("ada").await;
    let bob = a.register("bob").await;
    let room = room_of(&a, &admin, json!({"name": "Open", "access": "open"})).await;
    let (mut ws, _) = Ws::join(&b.addr, &bob, &room, None).await;
    a.patch_ok(
        &format!("/api/v1/rooms/{room}"),
        Some(&admin.access),
        json!({"access": "invite"}),
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4003);
}

/// An organization's event belongs to the organization: its owners and editors manage it,
/// and who leaves (or becomes a plain member) stops, on open sockets too.
#[tokio::test]
async fn an_organizations_events_follow_its_owners_and_editors() {
    let (a, b) = pair().await;
    let owner = a.register("owner").await;
    let editor = a.register("editor").await;
    let bob = a.register("bob").await;
    let org = a.city(&owner, "Valencia", "ES").await;
    a.add_member(&owner, &org, &editor, "editor").await;
    let ev = a
        .published_event(&editor, json!({"organization_id": org}))
        .await;
    let eid = id(&ev).to_owned();
    let room = ev["room_id"].as_str().unwrap().to_owned();
    a.register_for_event(&bob, &eid).await;

    // The owner manages the editor's event: edits, registrations, moderators, minutes.
    a.patch_ok(
        &format!("/api/v1/events/{eid}"),
        Some(&owner.access),
        json!({"title": "Renamed by the owner"}),
    )
    .await;
    let regs = a
        .get_ok(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&owner.access),
        )
        .await;
    assert_eq!(regs["items"][0]["user_id"], bob.id.to_string());
    a.expect(
        200,
        Method::PUT,
        &format!("/api/v1/events/{eid}/minutes"),
        Some(&owner.access),
        Some(json!({"markdown": "Notes"})),
    )
    .await;
    let mods = a
        .get_ok(&format!("/api/v1/events/{eid}/moderators"), None)
        .await;
    let mut ids: Vec<&str> = mods
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    let mut want = [owner.id.to_string(), editor.id.to_string()];
    want.sort_unstable();
    assert_eq!(ids, want);

    // The editor moderates the room on instance B until the owner removes them on A.
    let (mut ws, welcome) = Ws::join(&b.addr, &editor, &room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true);
    a.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/organizations/{org}/members/{}", editor.id),
        Some(&owner.access),
        None,
    )
    .await;
    assert_eq!(closed_soon(&mut ws).await, 4003);
    let (status, body) = a
        .patch(
            &format!("/api/v1/events/{eid}"),
            Some(&editor.access),
            json!({"title": "Mine again"}),
        )
        .await;
    crate::helpers::assert_error(status, &body, 403, "forbidden");
    let (status, body) = a
        .get(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&editor.access),
        )
        .await;
    crate::helpers::assert_error(status, &body, 403, "forbidden");
    let v = a
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&editor.access))
        .await;
    assert_eq!(v["is_moderator"], false);
}

/// An editor made a plain member keeps their seat in the event's room but not its
/// moderation: the open socket is told.
#[tokio::test]
async fn an_editor_made_a_plain_member_stops_moderating_the_event_room() {
    let (a, b) = pair().await;
    let owner = a.register("owner").await;
    let editor = a.register("editor").await;
    let org = a.city(&owner, "Gdynia", "PL").await;
    a.add_member(&owner, &org, &editor, "editor").await;
    let ev = a
        .published_event(&editor, json!({"organization_id": org}))
        .await;
    let (eid, room) = (id(&ev), ev["room_id"].as_str().unwrap());
    a.register_for_event(&editor, eid).await;
    let (mut ws, welcome) = Ws::join(&b.addr, &editor, room, None).await;
    assert_eq!(welcome["you"]["is_moderator"], true);
    a.patch_ok(
        &format!("/api/v1/organizations/{org}/members/{}", editor.id),
        Some(&owner.access),
        json!({"role": "member"}),
    )
    .await;
    assert_eq!(role_soon(&mut ws).await["moderator"], false);
    assert_eq!(ws.refused(moderator_action()).await, "forbidden");
    let (status, body) = a
        .get(
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&editor.access),
        )
        .await;
    crate::helpers::assert_error(status, &body, 403, "forbidden");
}

#[tokio::test]
async fn a_room_keeps_its_last_moderator() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = room_of(&app, &admin, json!({"name": "Open", "access": "open"})).await;
    let last = format!("/api/v1/rooms/{room}/moderators/{}", admin.id);
    let (status, body) = app.delete(&last, Some(&admin.access)).await;
    crate::helpers::assert_error(status, &body, 409, "last_moderator");
    app.post_ok(
        201,
        &format!("/api/v1/rooms/{room}/moderators"),
        Some(&admin.access),
        json!({"user_id": bob.id}),
    )
    .await;
    app.expect(204, Method::DELETE, &last, Some(&admin.access), None)
        .await;
    let (status, body) = app
        .delete(
            &format!("/api/v1/rooms/{room}/moderators/{}", bob.id),
            Some(&bob.access),
        )
        .await;
    crate::helpers::assert_error(status, &body, 409, "last_moderator");

    // Events keep theirs the same way.
    let ev = app.published_event(&admin, json!({})).await;
    let (status, body) = app
        .delete(
            &format!("/api/v1/events/{}/moderators/{}", id(&ev), admin.id),
            Some(&admin.access),
        )
        .await;
    crate::helpers::assert_error(status, &body, 409, "last_moderator");
}

#[tokio::test]
async fn an_organizations_drafts_and_rooms_stay_with_the_organization() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let editor = app.register("editor").await;
    let member = app.register("member").await;
    let org = app.city(&owner, "Tartu", "EE").await;
    let other = app.city(&editor, "Narva", "EE").await;
    app.add_member(&owner, &org, &editor, "editor").await;
    app.add_member(&owner, &org, &member, "member").await;
    let draft = app
        .create_event(&editor, json!({"organization_id": org}))
        .await;
    let listed = |items: &Value| {
        items["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == draft["id"])
    };
    for (who, sees) in [(&owner, true), (&editor, true), (&member, false)] {
        let page = app.get_ok("/api/v1/events", Some(&who.access)).await;
        assert_eq!(listed(&page), sees, "{}: {page}", who.email);
    }
    // Its room cannot be moved to another organization (whose editors would moderate it).
    let (status, body) = app
        .patch(
            &format!("/api/v1/rooms/{}", draft["room_id"].as_str().unwrap()),
            Some(&editor.access),
            json!({"organization_id": other}),
        )
        .await;
    let e = crate::helpers::assert_error(status, &body, 422, "validation_failed");
    assert!(e["organization_id"].is_string(), "{body}");
}

/// A change whose notification was lost (here: made behind the server's back) is caught
/// when the listener reconnects: every socket is re-checked after a resync.
#[tokio::test]
async fn after_the_listener_reconnects_every_socket_is_rechecked() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = room_of(&app, &admin, json!({"name": "Board", "access": "invite"})).await;
    app.post_ok(
        201,
        &format!("/api/v1/rooms/{room}/participants"),
        Some(&admin.access),
        json!({"user_id": bob.id}),
    )
    .await;
    let (mut ws, _) = Ws::join(&app.addr, &bob, &room, None).await;
    let db = app.db().await;
    db.execute(
        "DELETE FROM room_participants WHERE user_id = $1::text::uuid",
        &[&bob.id.to_string()],
    )
    .await
    .unwrap();
    let killed = db
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND query LIKE 'LISTEN%'",
            &[],
        )
        .await
        .unwrap()
        .len();
    assert_eq!(killed, 1);
    // The listener reconnects with a backoff first: the bound here is the socket's wait.
    assert_eq!(ws.closed().await, 4003);
}

/// An editor moderates the organization's event rooms by their role, which is what ends
/// when they leave: they cannot put themselves on the list to keep it (a row would
/// outlive the role), and the lists show them as moderating by role.
#[tokio::test]
async fn an_editor_cannot_list_themselves_to_outlive_their_role() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let editor = app.register("editor").await;
    let org = app.city(&owner, "Lund", "SE").await;
    app.add_member(&owner, &org, &editor, "editor").await;
    let ev = app
        .published_event(&editor, json!({"organization_id": org}))
        .await;
    let (eid, room) = (id(&ev).to_owned(), ev["room_id"].as_str().unwrap());
    app.register_for_event(&editor, &eid).await;
    for path in [
        format!("/api/v1/events/{eid}/moderators"),
        format!("/api/v1/rooms/{room}/moderators"),
    ] {
        let (status, body) = app
            .post(&path, Some(&editor.access), json!({"user_id": editor.id}))
            .await;
        crate::helpers::assert_error(status, &body, 409, "moderates_by_role");
    }
    // The room's list shows who moderates by the rule, as the event's does.
    let page = app
        .get_ok(
            &format!("/api/v1/rooms/{room}/moderators"),
            Some(&editor.access),
        )
        .await;
    let mut listed: Vec<(String, bool)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let uid = m["user_id"].as_str().unwrap().to_owned();
            (uid, m["by_role"].as_bool().unwrap())
        })
        .collect();
    listed.sort();
    let mut want = vec![(owner.id.to_string(), true), (editor.id.to_string(), true)];
    want.sort();
    assert_eq!(listed, want);
    // Someone that list shows is not "not found": their role is what to change.
    for path in [
        format!("/api/v1/events/{eid}/moderators/{}", editor.id),
        format!("/api/v1/rooms/{room}/moderators/{}", editor.id),
    ] {
        let (status, body) = app.delete(&path, Some(&owner.access)).await;
        crate::helpers::assert_error(status, &body, 409, "moderates_by_role");
    }

    app.expect(
        204,
        Method::DELETE,
        &format!("/api/v1/organizations/{org}/members/{}", editor.id),
        Some(&owner.access),
        None,
    )
    .await;
    let v = app
        .get_ok(&format!("/api/v1/events/{eid}"), Some(&editor.access))
        .await;
    assert_eq!(v["is_moderator"], false);
}

/// A socket whose rights cannot be read again (here: a table the check needs is gone) is
/// not left with them: after a few tries it is closed with 1012 and says hello again.
#[tokio::test]
async fn a_socket_whose_recheck_keeps_failing_is_sent_to_hello_again() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let bob = app.register("bob").await;
    let room = room_of(&app, &admin, json!({"name": "Open", "access": "open"})).await;
    let (mut ws, _) = Ws::join(&app.addr, &bob, &room, None).await;
    let db = app.db().await;
    db.execute("ALTER TABLE room_bans RENAME TO room_bans_away", &[])
        .await
        .unwrap();
    db.execute(
        "SELECT pg_notify('livinglab_events', 'x:u:' || $1::text)",
        &[&bob.id.to_string()],
    )
    .await
    .unwrap();
    let code = tokio::time::timeout(Duration::from_secs(5), ws.closed())
        .await
        .expect("the socket kept its unconfirmed rights");
    assert_eq!(code, 1012);
}
