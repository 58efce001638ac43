//! An event's seats are its room's participants: written by events in the registration's
//! transaction, read by the rooms' one access rule, and not editable through the rooms API.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_error, id};

fn ids(page: &Value) -> Vec<String> {
    let mut v: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["user_id"].as_str().unwrap().to_owned())
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn seats_follow_registrations_and_the_rooms_api_cannot_hand_them_out() {
    let app = TestApp::spawn().await;
    let admin = app.admin("seat-admin").await;
    let (ann, bob, cy) = (
        app.register("ann").await,
        app.register("bob").await,
        app.register("cy").await,
    );
    let ev = app.published_event(&admin, json!({"capacity": 1})).await;
    let (event, room) = (
        id(&ev).to_owned(),
        ev["room_id"].as_str().unwrap().to_owned(),
    );
    assert_eq!(
        app.register_for_event(&ann, &event).await["status"],
        "registered"
    );
    assert_eq!(
        app.register_for_event(&bob, &event).await["status"],
        "waitlisted"
    );

    let participants = format!("/api/v1/rooms/{room}/participants");
    let (status, page) = app.get(&participants, Some(&admin.access)).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(ids(&page), vec![ann.id.to_string()]);

    // A moderator cannot seat someone by hand, nor unseat a registered person.
    let (status, b) = app
        .post(
            &participants,
            Some(&admin.access),
            json!({"user_id": cy.id}),
        )
        .await;
    assert_error(status, &b, 409, "event_seats");
    let (status, b) = app
        .delete(&format!("{participants}/{}", ann.id), Some(&admin.access))
        .await;
    assert_error(status, &b, 409, "event_seats");
    let (status, _) = app
        .get(&format!("/api/v1/rooms/{room}"), Some(&cy.access))
        .await;
    assert_eq!(status, 404);

    // Ann cancels: her seat goes to Bob, in the same transaction.
    let (status, b) = app
        .delete(
            &format!("/api/v1/events/{event}/registrations/me"),
            Some(&ann.access),
        )
        .await;
    assert!(status.is_success(), "{status} {b}");
    let (_, page) = app.get(&participants, Some(&admin.access)).await;
    assert_eq!(ids(&page), vec![bob.id.to_string()]);
    for (u, want) in [(&ann, 404), (&bob, 200)] {
        let (status, _) = app
            .get(&format!("/api/v1/rooms/{room}"), Some(&u.access))
            .await;
        assert_eq!(status.as_u16(), want, "{}", u.email);
    }
    let (_, listed) = app.get("/api/v1/rooms", Some(&ann.access)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 0, "{listed}");
    let (_, listed) = app.get("/api/v1/rooms", Some(&bob.access)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "{listed}");
}
