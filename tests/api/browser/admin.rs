//! An administrator's round in a real browser: every administration page checked by axe,
//! a role changed, a practice hidden with a reason; the status page fits a phone.

use serde_json::json;

use super::{Browser, story};
use crate::helpers::{TestApp, id};

async fn sign_in(b: &Browser, email: &str, password: &str) {
    b.visit("/sign-in").await;
    b.axe().await;
    b.fill("Email", email).await;
    b.fill("Password", password).await;
    b.within("main").click("Sign in").await;
    b.wait_for_text("You are signed in.").await;
}

#[tokio::test]
async fn an_admin_walks_the_administration_changes_a_role_and_hides_a_practice() {
    let app = TestApp::spawn().await;
    app.admin("Root").await;
    let ana = app.register("Ana").await;
    let valencia = app.city(&ana, "Valencia", "ES").await;
    let themes = app.theme_ids().await;
    let p = app
        .create_practice(
            &ana,
            json!({
                "organization_id": valencia,
                "title": "Superblocks",
                "summary": "Streets given back to people.",
                "body": "We closed nine blocks to through traffic.",
                "theme_ids": [themes["green-mobility"]],
                "language": "en",
                "implementation_status": "ongoing",
            }),
        )
        .await;
    app.publish_practice(&ana, id(&p)).await;
    story(
        "an_admin_walks_the_administration_changes_a_role_and_hides_a_practice",
        async {
            let root = Browser::open(&app).await;
            sign_in(&root, "root@example.org", "password-of-Root").await;
            root.click("Administration").await;
            root.wait_for_text("Look after people").await;
            root.axe().await;

            // Users: found as one types, then made a moderator.
            root.within(".admin-nav").click("Users").await;
            root.wait_for_text("ana@example.org").await;
            root.fill("Name or email contains", "ana").await;
            root.wait_for_text("ana@example.org").await;
            root.wait_for_htmx().await;
            root.axe().await;
            root.select("Role of Ana", "Moderator").await;
            root.click("Change role of Ana").await;
            root.wait_for_text("The role is changed.").await;
            root.axe().await;

            root.within(".admin-nav").click("Organizations").await;
            root.wait_for_text("Verify Valencia").await;
            root.click("Verify Valencia").await;
            root.wait_for_text("The organization is verified.").await;
            root.axe().await;

            // Practices: hidden with a reason, which is then shown in the list.
            root.within(".admin-nav").click("Practices").await;
            root.click("Hide “Superblocks”…").await;
            root.wait_for_text("Why hide it?").await;
            root.axe().await;
            root.click("Hide the practice").await;
            root.wait_for_text("This cannot be blank.").await;
            root.axe().await;
            root.fill("Why hide it?", "Advertising links").await;
            root.click("Hide the practice").await;
            root.wait_for_text("The practice is hidden.").await;
            root.wait_for_text("Advertising links").await;
            root.axe().await;

            root.within(".admin-nav").click("Themes").await;
            root.click("Green mobility").await;
            root.wait_for_text("Save in Français").await;
            root.axe().await;
            root.visit("/admin/themes").await;
            root.axe().await;

            root.visit("/admin/rooms").await;
            root.wait_for_text("Nobody is in a room right now.").await;
            root.axe().await;
            root.visit("/admin/status").await;
            root.wait_for_text("Healthy").await;
            root.axe().await;
            root.screenshot_for_docs("admin-status").await;

            // On a phone: the status page without sideways scrolling.
            let phone = Browser::phone(&app).await;
            sign_in(&phone, "root@example.org", "password-of-Root").await;
            phone.visit("/admin/status").await;
            phone.wait_for_text("Healthy").await;
            phone.axe().await;
            assert!(
                phone.scroll_width().await <= phone.client_width().await,
                "the status page scrolls sideways on a phone"
            );
            phone.visit("/admin/users").await;
            phone.axe().await;
            assert!(phone.scroll_width().await <= phone.client_width().await);
        },
    )
    .await;
    let hidden: Option<String> = app
        .db()
        .await
        .query_one(
            "SELECT hidden_reason FROM practices WHERE id = $1::text::uuid",
            &[&id(&p).to_owned()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(hidden.as_deref(), Some("Advertising links"));
    let role: String = app
        .db()
        .await
        .query_one(
            "SELECT role FROM users WHERE id = $1::text::uuid",
            &[&ana.id.to_string()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(role, "moderator");
}
