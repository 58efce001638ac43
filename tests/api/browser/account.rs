//! The account pages in Chromium on a phone: they fit, pass axe with their errors shown,
//! and the saved language applies.

use std::time::{Duration, Instant};

use super::{Browser, story};
use crate::helpers::TestApp;

async fn fits(b: &Browser) {
    let (scroll, client) = (b.scroll_width().await, b.client_width().await);
    assert!(
        scroll <= client,
        "{}: {scroll} px wide in a {client} px viewport",
        b.location().await
    );
}

#[tokio::test]
async fn the_account_pages_on_a_phone() {
    let app = TestApp::spawn().await;
    story("the_account_pages_on_a_phone", async {
        let dee = Browser::phone(&app).await;
        dee.visit("/sign-up").await;
        dee.fill("Your name", "Dee").await;
        dee.fill("Email", "dee@example.org").await;
        dee.fill("Password", "a long enough passphrase").await;
        dee.click("Create account").await;
        dee.wait_for_text("Welcome! Your account is ready.").await;
        dee.wait_for_text("Your registrations").await;
        fits(&dee).await;
        dee.axe().await;

        dee.visit("/account").await;
        fits(&dee).await;
        dee.axe().await;
        dee.fill("Current password", "not my password").await;
        dee.fill("New password", "another long passphrase").await;
        dee.click("Change password").await;
        dee.wait_for_text("This is not your current password.")
            .await;
        fits(&dee).await;
        dee.axe().await;

        dee.click("Close your account…").await;
        dee.wait_for_text("Your password, to confirm").await;
        fits(&dee).await;
        dee.axe().await;
        dee.fill("Your password, to confirm", "not it either").await;
        dee.click("Close my account").await;
        dee.wait_for_text("This is not your password.").await;
        dee.axe().await;

        dee.visit("/account").await;
        dee.select("Language of the pages", "Deutsch").await;
        dee.select("Time zone", "Europe/Berlin").await;
        dee.click("Save profile").await;
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let lang = dee
                .script("return document.documentElement.lang", vec![])
                .await;
            if lang == "de" {
                break;
            }
            assert!(Instant::now() < until, "the page stayed in {lang}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        fits(&dee).await;
        dee.axe().await;
    })
    .await;
}
