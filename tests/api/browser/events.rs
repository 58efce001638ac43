//! Events in a real browser, as the issue tells the story: a moderator creates an event
//! through the form with one seat and publishes it; two people register, one gets the seat
//! and one the waitlist (with their place shown); the seated one cancels and the other is
//! promoted, which they see on the event's page. Every page visited is checked by axe,
//! the calendar and the form included; the list fits a phone.

use super::{Browser, story};
use crate::helpers::TestApp;

async fn sign_in(b: &Browser, name: &str) {
    b.visit("/sign-in").await;
    b.axe().await;
    b.fill("Email", &format!("{name}@example.org")).await;
    b.fill("Password", &format!("password-of-{name}")).await;
    b.within("main").click("Sign in").await;
    b.wait_for_text("Your registrations").await;
}

#[tokio::test]
async fn a_moderator_publishes_an_event_and_the_waitlist_moves_up() {
    let app = TestApp::spawn().await;
    app.moderator("mia").await;
    app.register("ana").await;
    app.register("ben").await;
    story(
        "a_moderator_publishes_an_event_and_the_waitlist_moves_up",
        async {
            let mia = Browser::open(&app).await;
            sign_in(&mia, "mia").await;
            mia.visit("/events").await;
            mia.axe().await;
            mia.click("New event").await;
            mia.wait_for_text("About the event").await;
            mia.axe().await;
            let start = chrono::Utc::now() + chrono::Duration::days(1);
            let end = start + chrono::Duration::hours(2);
            mia.fill("Title", "Repair café").await;
            mia.fill("Description", "Bring a **broken toaster**.").await;
            mia.fill("Starts", &start.format("%Y-%m-%dT%H:%M").to_string())
                .await;
            mia.fill("Ends", &end.format("%Y-%m-%dT%H:%M").to_string())
                .await;
            mia.select("Time zone of these times", "UTC").await;
            mia.select("Format", "In person").await;
            mia.fill("Place", "Town hall, room 2").await;
            mia.fill("Seats", "1").await;
            mia.click("Preview the description").await;
            mia.wait_for_text("Preview of the description").await;
            mia.axe().await;
            mia.click("Create the event (as a draft)").await;
            mia.wait_for_text("The event was created as a draft.").await;
            mia.axe().await;
            mia.click("Publish").await;
            mia.wait_for_text("The event is published.").await;
            mia.wait_for_text("Manage this event").await;
            mia.axe().await;
            let page = mia.location().await;

            let ana = Browser::open(&app).await;
            sign_in(&ana, "ana").await;
            ana.visit(&page).await;
            ana.click("Register").await;
            ana.wait_for_text("You have a seat.").await;
            ana.axe().await;

            let ben = Browser::open(&app).await;
            sign_in(&ben, "ben").await;
            ben.visit(&page).await;
            ben.wait_for_text("0 of 1 seats left").await;
            ben.click("Join the waitlist").await;
            ben.wait_for_text("You are number 1 on the waitlist.").await;
            ben.axe().await;

            ana.click("Cancel my registration").await;
            ana.wait_for_text("Your registration was cancelled.").await;
            ana.axe().await;

            ben.visit(&page).await;
            ben.wait_for_text("You have a seat.").await;
            ben.axe().await;
            ben.screenshot_for_docs("event-page").await;
            ben.visit("/events/mine").await;
            ben.wait_for_text("Repair café").await;
            ben.axe().await;

            ben.visit(&format!("/events/calendar?month={}", start.format("%Y-%m")))
                .await;
            ben.wait_for_text("Repair café").await;
            ben.axe().await;

            let phone = Browser::phone(&app).await;
            let month = format!("/events/calendar?month={}", start.format("%Y-%m"));
            for path in ["/events", month.as_str(), page.as_str()] {
                phone.visit(path).await;
                phone.wait_for_text("Repair café").await;
                phone.axe().await;
                let (scroll, client) = (phone.scroll_width().await, phone.client_width().await);
                assert!(
                    scroll <= client,
                    "{path}: {scroll} px wide in a {client} px viewport"
                );
            }
        },
    )
    .await;
}
