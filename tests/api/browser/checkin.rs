//! Check-in at the door on a phone (issue #15): the moderator finds people by name and
//! marks each with one tap; the registrations CSV then shows them as attended. A lost
//! connection loses nothing: taps wait in a queue (kept across a reload) and are sent
//! when the server answers again, once each. The other back-office pages pass axe.

use serde_json::json;

use super::{Browser, story};
use crate::helpers::{TestApp, id};

/// The CSV as the moderator's browser downloads it (with its session cookie).
async fn csv_in(b: &Browser, eid: &str) -> String {
    b.script(
        "return fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.text())",
        vec![json!(format!("/events/{eid}/registrations.csv"))],
    )
    .await
    .as_str()
    .unwrap()
    .to_owned()
}

fn attended(csv: &str) -> Vec<String> {
    let mut names: Vec<String> = csv
        .lines()
        .filter(|l| l.contains(",yes,"))
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

async fn search(b: &Browser, text: &str) {
    // Typed as a person would (an `input` event per key); empty clears the filter.
    if text.is_empty() {
        b.script(
            "const q = document.getElementById('checkin-q'); q.value = ''; \
             q.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await;
    } else {
        b.fill("Find by name", text).await;
    }
}

fn fits(scroll: i64, client: i64) {
    assert!(
        scroll <= client,
        "{scroll} px wide in a {client} px viewport"
    );
}

#[tokio::test]
async fn a_moderator_checks_in_three_people_on_a_phone_and_the_csv_shows_them() {
    let app = TestApp::spawn().await;
    let marta = app.moderator("marta").await;
    let ev = app
        .published_event(&marta, json!({"title": "Bike lanes walk"}))
        .await;
    let eid = id(&ev).to_owned();
    for name in ["ana", "ben", "chloe", "dmitri"] {
        let u = app.register(name).await;
        app.register_for_event(&u, &eid).await;
    }
    story(
        "a_moderator_checks_in_three_people_on_a_phone_and_the_csv_shows_them",
        async {
            let phone = Browser::phone(&app).await;
            phone
                .visit(&format!("/sign-in?next=/events/{eid}/check-in"))
                .await;
            phone.axe().await;
            phone.fill("Email", "marta@example.org").await;
            phone.fill("Password", "password-of-marta").await;
            phone.within("main").click("Sign in").await;
            phone.wait_for_text("0 of 4 checked in").await;
            phone.axe().await;
            fits(phone.scroll_width().await, phone.client_width().await);

            // One search, one tap each: the row changes at once, the count follows.
            for (i, name) in ["ben", "chloe", "ana"].iter().enumerate() {
                search(&phone, &name[..3]).await;
                phone.click("Mark attended").await;
                phone
                    .wait_for_text(&format!("{} of 4 checked in", i + 1))
                    .await;
                phone.wait_for_text("Saved.").await;
            }
            search(&phone, "").await;
            phone.wait_for_text("dmitri").await;
            fits(phone.scroll_width().await, phone.client_width().await);
            phone.screenshot_for_docs("check-in").await;
            phone.axe().await;
            assert_eq!(
                attended(&csv_in(&phone, &eid).await),
                ["ana", "ben", "chloe"]
            );

            // The connection drops: the tap shows at once and waits in the queue...
            phone
                .script(
                    "window.realFetch = window.fetch; \
                     window.fetch = () => Promise.reject(new TypeError('offline'));",
                    vec![],
                )
                .await;
            search(&phone, "dmi").await;
            phone.click("Mark attended").await;
            phone.wait_for_text("4 of 4 checked in").await;
            phone
                .wait_for_text("Waiting for connection (1 change not saved yet)")
                .await;
            // ...and is sent once the server answers again (the retry comes by itself).
            phone
                .script("window.fetch = window.realFetch;", vec![])
                .await;
            phone.wait_for_text("Saved.").await;
            assert_eq!(
                attended(&csv_in(&phone, &eid).await),
                ["ana", "ben", "chloe", "dmitri"]
            );

            // Offline again, an undo, then a reload: the queue outlives the page.
            phone
                .script(
                    "window.fetch = () => Promise.reject(new TypeError('offline'));",
                    vec![],
                )
                .await;
            phone.click("Undo").await;
            phone.wait_for_text("3 of 4 checked in").await;
            phone.visit(&format!("/events/{eid}/check-in")).await;
            phone.wait_for_text("Saved.").await;
            phone.wait_for_text("3 of 4 checked in").await;
            let csv = csv_in(&phone, &eid).await;
            assert_eq!(attended(&csv), ["ana", "ben", "chloe"]);
            // Each person once, however often their tap was sent.
            assert_eq!(csv.lines().count(), 5, "{csv}");

            // The other back-office pages, on the phone too.
            for (path, text) in [
                ("registrations", "3 attended"),
                ("agenda", "Add rows"),
                ("minutes/edit", "No minutes yet."),
                ("moderators", "Add a moderator"),
                ("materials", "Materials: Bike lanes walk"),
            ] {
                phone.visit(&format!("/events/{eid}/{path}")).await;
                phone.wait_for_text(text).await;
                phone.axe().await;
                fits(phone.scroll_width().await, phone.client_width().await);
            }
            // The minutes: written, previewed in place, saved, published, then on the
            // event's page without the "not published" note moderators see before.
            phone.visit(&format!("/events/{eid}/minutes/edit")).await;
            phone
                .fill("Minutes", "# Walk\n\n**Three** lanes agreed.")
                .await;
            phone.click("Preview").await;
            phone.wait_for_text("Three lanes agreed.").await;
            phone.click("Save the minutes").await;
            phone.wait_for_text("The minutes are saved.").await;
            phone.click("Publish the minutes").await;
            phone.wait_for_text("The minutes are published").await;
            phone.axe().await;
            phone.visit(&format!("/events/{eid}")).await;
            phone.wait_for_text("Three lanes agreed.").await;
            assert!(!phone.text().await.contains("Not published yet"));
        },
    )
    .await;
}
