//! Stories of accounts in a real browser: signing up with mistakes, then right; signing in
//! by keyboard alone; the language switcher; a phone. Every page visited is checked by axe.

use super::{Browser, story};
use crate::helpers::TestApp;

/// The page has no horizontal scrolling (at 390 px everything must fit).
async fn fits(b: &Browser) {
    let (scroll, client) = (b.scroll_width().await, b.client_width().await);
    assert!(
        scroll <= client,
        "{}: {scroll} px wide in a {client} px viewport",
        b.location().await
    );
}

#[tokio::test]
async fn a_newcomer_signs_up_after_a_mistake_and_switches_language() {
    let app = TestApp::spawn().await;
    story(
        "a_newcomer_signs_up_after_a_mistake_and_switches_language",
        async {
            let ana = Browser::open(&app).await;
            ana.visit("/").await;
            ana.axe().await;
            ana.click("Sign up").await;
            ana.wait_for_text("Create your account").await;
            ana.axe().await;
            ana.fill("Your name", "Ana García").await;
            ana.fill("Email", "ana@valencia").await;
            ana.fill("Password", "short").await;
            ana.click("Create account").await;
            // The form again: the summary has the focus and names each problem.
            ana.wait_for_text("There is a problem").await;
            assert_eq!(ana.focused().await, r#"alert "There is a problem""#);
            let text = ana.text().await;
            assert!(text.contains("Use at least 10 characters."), "{text}");
            ana.axe().await;
            ana.fill("Email", "ana@valencia.es").await;
            ana.fill("Password", "naranjas y bicicletas").await;
            ana.click("Create account").await;
            ana.wait_for_text("Welcome! Your account is ready.").await;
            ana.axe().await;
            // The language switcher at the foot of every page; the account keeps it.
            ana.select("Language", "Español").await;
            ana.click("Change").await;
            ana.wait_for_text("Ciudades que aprenden").await;
            let lang = ana
                .script("return document.documentElement.lang", vec![])
                .await;
            assert_eq!(lang, serde_json::json!("es"));
            assert!(
                ana.text().await.contains("Ciudades que aprenden"),
                "{}",
                ana.text().await
            );
            ana.axe().await;
        },
    )
    .await;
}

#[tokio::test]
async fn signing_in_with_the_keyboard_alone() {
    let app = TestApp::spawn().await;
    app.register("bea").await;
    story("signing_in_with_the_keyboard_alone", async {
        let bea = Browser::open(&app).await;
        bea.visit("/sign-in").await;
        bea.press_tab().await;
        assert_eq!(bea.focused().await, r#"link "Skip to content""#);
        bea.press_enter().await;
        bea.press_tab().await;
        assert_eq!(bea.focused().await, r#"textbox "Email""#);
        bea.type_keys("bea@example.org").await;
        bea.press_tab().await;
        assert_eq!(bea.focused().await, r#"textbox "Password""#);
        bea.type_keys("password-of-bea").await;
        bea.press_enter().await;
        bea.wait_for_text("You are signed in.").await;
        bea.axe().await;
        // The account menu opens from the keyboard too, and signs out.
        bea.click("bea").await;
        bea.click("Sign out").await;
        bea.wait_for_text("You are signed out.").await;
    })
    .await;
}

#[tokio::test]
async fn the_frame_fits_a_phone_and_works_without_javascript() {
    let app = TestApp::spawn().await;
    story(
        "the_frame_fits_a_phone_and_works_without_javascript",
        async {
            let phone = Browser::phone(&app).await;
            for path in ["/", "/sign-in", "/sign-up"] {
                phone.visit(path).await;
                fits(&phone).await;
                phone.axe().await;
            }
            // Without JavaScript: a whole sign-up, errors included.
            let plain = Browser::without_js(&app).await;
            plain.visit("/sign-up").await;
            plain.fill("Your name", "Cy").await;
            plain.fill("Email", "cy@example.org").await;
            plain.fill("Password", "x").await;
            plain.click("Create account").await;
            plain.wait_for_text("There is a problem").await;
            plain.fill("Password", "a long enough passphrase").await;
            plain.click("Create account").await;
            plain.wait_for_text("Welcome! Your account is ready.").await;
            // (axe needs JavaScript: these pages were checked above with it.)
        },
    )
    .await;
}

/// Presses Tab until `target` (as `Browser::focused` names it) has the focus: the control
/// can be reached from the keyboard, in a bounded number of steps.
async fn tab_to(b: &Browser, target: &str) {
    let mut seen = Vec::new();
    for _ in 0..80 {
        b.press_tab().await;
        let now = b.focused().await;
        if now == target {
            return;
        }
        seen.push(now);
    }
    panic!("{target} was not reached by Tab; focus went through {seen:?}");
}

#[tokio::test]
async fn commenting_and_endorsing_with_the_keyboard_alone() {
    let app = TestApp::spawn().await;
    let author = app.register("author").await;
    let org = app.city(&author, "Barcelona", "ES").await;
    let themes = app.theme_ids().await;
    let practice = app
        .create_practice(
            &author,
            serde_json::json!({
                "organization_id": org,
                "title": "Superblocks for a calmer city centre",
                "summary": "Closing inner streets to through traffic.",
                "body": "Nine blocks became one superblock.",
                "theme_ids": [themes["green-mobility"]],
                "language": "en",
                "implementation_status": "ongoing",
            }),
        )
        .await;
    let pid = practice["id"].as_str().unwrap().to_owned();
    app.publish_practice(&author, &pid).await;
    app.register("dana").await;
    story("commenting_and_endorsing_with_the_keyboard_alone", async {
        let dana = Browser::open(&app).await;
        dana.visit(&format!("/sign-in?next=/practices/{pid}")).await;
        tab_to(&dana, r#"textbox "Email""#).await;
        dana.type_keys("dana@example.org").await;
        dana.press_tab().await;
        dana.type_keys("password-of-dana").await;
        dana.press_enter().await;
        dana.wait_for_text("Superblocks for a calmer city centre")
            .await;
        tab_to(&dana, r#"textbox "Your comment""#).await;
        dana.type_keys("Could we visit in spring?").await;
        tab_to(&dana, r#"button "Post comment""#).await;
        dana.press_enter().await;
        dana.wait_for_text("Could we visit in spring?").await;
        dana.visit(&format!("/practices/{pid}")).await;
        tab_to(&dana, r#"button "Endorse this practice""#).await;
        dana.press_enter().await;
        dana.wait_for_text("You endorse this practice.").await;
        dana.axe().await;
    })
    .await;
}
