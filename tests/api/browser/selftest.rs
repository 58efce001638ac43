//! The harness tested against the site's own pages (sign-in, home) and against small
//! `data:` pages: each check fails if the harness does not do what it says.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use futures::FutureExt as _;
use serde_json::json;

use super::{Browser, Options, failures_dir, fixture, story};
use crate::helpers::TestApp;

/// A form with one control of each kind the harness fills; its script shows what the form
/// would send.
const FORM: &str = r#"<!doctype html>
<html lang="en"><head><title>Fixture form</title></head><body><main>
<h1>Fixture form</h1>
<form id="f">
  <label for="name">Your name</label> <input id="name" name="name">
  <label>Track <select name="track"><option>Water management</option><option>Green mobility</option></select></label>
  <fieldset><legend>Format</legend>
    <label><input type="radio" name="mode" value="online"> Online</label>
    <label><input type="radio" name="mode" value="in_person"> In person</label>
  </fieldset>
  <label><input type="checkbox" name="terms"> I accept the terms</label>
  <label><input type="checkbox" name="news" checked> Send me news</label>
  <label>Starts on <input type="date" name="day"></label>
  <label>Slides <input type="file" name="slides"></label>
  <input name="q" aria-label="Search practices">
  <button type="submit">Send it</button>
</form>
<div id="one"><label>Email <input name="email"></label></div>
<div id="two"><label>Email <input name="email"></label></div>
<p id="out"></p>
<script>
document.getElementById("f").addEventListener("submit", (e) => {
  e.preventDefault();
  const sent = [...new FormData(e.target)].map(([k, v]) => [k, v instanceof File ? v.name : v]);
  document.getElementById("out").textContent = "sent: " + JSON.stringify(sent);
});
</script>
</main></body></html>"#;

#[tokio::test]
async fn browser_harness_on_the_desktop() {
    let app = TestApp::spawn().await;
    story("browser_harness_on_the_desktop", async {
        let t = Instant::now();
        let b = Browser::open(&app).await;
        let started = t.elapsed();
        b.visit("/sign-in").await;
        let visited = t.elapsed() - started;
        assert_eq!(b.title().await, "Sign in · livinglab");
        assert_eq!(b.script("return innerWidth", vec![]).await, json!(1440));
        assert_eq!(b.script("return innerHeight", vec![]).await, json!(900));
        // The page's script has run: it keeps the browser's timezone in a cookie.
        assert_eq!(
            b.script("return document.cookie.includes('tz=')", vec![]).await,
            json!(true)
        );
        let t = Instant::now();
        let page = b.axe_report().await;
        let checked = t.elapsed();
        print!("{}", page.render());
        println!(
            "timing: browser start {} ms, visit /sign-in {} ms, axe {} ms",
            started.as_millis(),
            visited.as_millis(),
            checked.as_millis()
        );

        b.fill("Email", "ana@example.org").await;
        assert_eq!(
            b.script("return document.querySelector('[name=email]').value", vec![])
                .await,
            json!("ana@example.org")
        );
        b.press_tab().await;
        assert_eq!(b.focused().await, r#"textbox "Password""#);
        b.type_keys("a long passphrase").await;
        assert_eq!(
            b.script("return document.activeElement.value", vec![]).await,
            json!("a long passphrase")
        );
        assert!(b.within("main").text().await.contains("Sign in"));

        // The checker is not a no-op: an image without alternative text is critical.
        b.script(
            "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x\">')",
            vec![],
        )
        .await;
        let bad = b.axe_report().await;
        assert!(bad.ids().contains(&"image-alt"), "{}", bad.render());
        assert!(
            std::panic::catch_unwind(|| bad.assert_no_serious()).is_err(),
            "a critical violation passed"
        );

        // Each way of finding a control, on a page of our own.
        b.visit(&fixture(FORM)).await;
        assert_eq!(b.location().await, r#"data: "Fixture form""#);
        // A clean page passes, and is recorded for the summary.
        let clean = b.axe().await;
        assert!(clean.serious().is_empty());
        b.fill("Your name", "Ana").await;
        b.press_tab().await;
        assert_eq!(b.focused().await, r#"combobox "Track""#);
        b.select("Track", "Green mobility").await;
        b.check("In person").await;
        b.check("I accept the terms").await;
        b.uncheck("Send me news").await;
        b.fill("Starts on", "2026-12-03").await;
        let slides = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser-vendor/VENDORED.md");
        b.upload("Slides", &slides).await;
        b.fill("Search practices", "bikes").await;
        // Two fields labelled "Email": an unqualified fill must refuse to guess.
        let guessed = AssertUnwindSafe(b.fill("Email", "ana@example.org"))
            .catch_unwind()
            .await;
        assert!(guessed.is_err(), "an ambiguous label was filled");
        b.within("#two").fill("Email", "ben@example.org").await;
        assert_eq!(
            b.script("return document.querySelector('#two input').value", vec![])
                .await,
            json!("ben@example.org")
        );
        b.click("Send it").await;
        b.wait_for_text("sent: ").await;
        assert_eq!(
            b.text().await.lines().last().unwrap_or_default(),
            r#"sent: [["name","Ana"],["track","Green mobility"],["mode","in_person"],["terms","on"],["day","2026-12-03"],["slides","VENDORED.md"],["q","bikes"]]"#
        );
        b.fill("Your name", "Ben").await;
        b.press_enter().await;
        b.wait_for_text(r#"["name","Ben"]"#).await;
        let missing = AssertUnwindSafe(b.click("Send it now")).catch_unwind().await;
        assert!(missing.is_err(), "a button that is not there was clicked");
    })
    .await;
}

#[tokio::test]
async fn browser_harness_on_a_phone_and_without_javascript() {
    let app = TestApp::spawn().await;
    story("browser_harness_on_a_phone_and_without_javascript", async {
        let phone = Browser::phone(&app).await;
        phone.visit("/").await;
        assert_eq!(phone.script("return innerWidth", vec![]).await, json!(390));
        assert_eq!(phone.client_width().await, 390);
        println!(
            "phone: scroll width {} for a client width of {}",
            phone.scroll_width().await,
            phone.client_width().await
        );
        phone
            .script("document.cookie = 'who=phone; path=/'", vec![])
            .await;

        let plain = Browser::without_js(&app).await;
        plain.visit("/").await;
        assert_eq!(
            plain.title().await,
            "Cities learning from cities · livinglab"
        );
        // A deferred script has run by the time the page has loaded: htmx exists.
        assert_eq!(
            phone.script("return typeof htmx", vec![]).await,
            json!("object")
        );
        assert_eq!(
            plain.script("return typeof htmx", vec![]).await,
            json!("undefined")
        );
        // Separate sessions: the phone's cookies are not the other browser's (which has
        // none a script can see: its CSRF cookie is HttpOnly and no script set `tz`).
        let phone_cookies = phone.script("return document.cookie", vec![]).await;
        assert!(
            phone_cookies.as_str().unwrap().contains("who=phone"),
            "{phone_cookies}"
        );
        assert_eq!(
            plain.script("return document.cookie", vec![]).await,
            json!("")
        );
    })
    .await;
}

#[tokio::test]
async fn browser_harness_saves_evidence_of_a_failed_story() {
    let app = TestApp::spawn().await;
    let name = "browser_harness_failing_on_purpose";
    let kept: Arc<Mutex<Option<(Browser, serde_json::Value)>>> = Arc::default();
    let failed = AssertUnwindSafe(story(name, async {
        let b = Browser::with(
            &app,
            Options {
                lang: "es",
                ..Options::default()
            },
        )
        .await;
        b.visit("/").await;
        let language = b.script("return navigator.language", vec![]).await;
        *kept.lock().unwrap() = Some((b.clone(), language));
        b.script("console.error('evidence-marker-42')", vec![])
            .await;
        panic!("this story fails on purpose");
    }))
    .catch_unwind()
    .await;
    assert!(failed.is_err(), "the failing story passed");

    let dir = failures_dir();
    let png = std::fs::read(dir.join(format!("{name}.png"))).expect("a screenshot");
    assert_eq!(png.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]));
    let log = std::fs::read_to_string(dir.join(format!("{name}.log"))).expect("a log");
    assert!(log.contains(&format!("url: {}/", app.addr)), "{log}");
    assert!(
        log.contains("title: ") && log.contains("livinglab"),
        "{log}"
    );
    assert!(log.contains("(desktop, es)"), "{log}");
    assert!(log.contains("evidence-marker-42"), "{log}");
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).expect("the page");
    assert!(html.contains("<main"), "{html}");
    for ext in ["png", "log", "html"] {
        std::fs::remove_file(dir.join(format!("{name}.{ext}"))).unwrap();
    }

    let (b, language) = kept.lock().unwrap().take().expect("the story's browser");
    assert_eq!(language, json!("es"));
    // The story closed its browser on the way out.
    assert!(
        b.client().current_url().await.is_err(),
        "the session is still open"
    );
}
