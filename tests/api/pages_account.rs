//! The account pages, the home page and the sitemap, as a browser without JavaScript
//! uses them: forms, redirects, what each page shows, and what was stored.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, TestUser, id};
use crate::pages::{Page, Visitor};

fn signed_in_as(page: &Page, name: &str) -> bool {
    page.html.contains(&format!("<summary>{name}</summary>"))
}

/// A browser signed in to the account `register` made for `name`.
async fn browser_of(app: &TestApp, name: &str) -> Visitor {
    let mut v = Visitor::new(app);
    let page = v
        .submit(
            "/sign-in",
            vec![
                ("email", format!("{name}@example.org")),
                ("password", format!("password-of-{name}")),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    v
}

async fn user_row(app: &TestApp, user: &str) -> (String, Option<String>, Option<String>) {
    let row = app
        .db()
        .await
        .query_one(
            "SELECT display_name, locale, timezone FROM users WHERE email = $1",
            &[&user],
        )
        .await
        .unwrap();
    (row.get(0), row.get(1), row.get(2))
}

fn profile(name: &str, locale: &str, timezone: &str) -> Vec<(&'static str, String)> {
    vec![
        ("display_name", name.to_owned()),
        ("locale", locale.to_owned()),
        ("timezone", timezone.to_owned()),
    ]
}

#[tokio::test]
async fn the_profile_is_saved_and_its_language_applies_on_every_device() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.accept_language = Some("en");
    // Signed out, the account page is a trip to the sign-in page and back.
    let page = v.get("/account").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/sign-in?next=%2Faccount");

    v.sign_up("Ana").await;
    let page = v.get("/account").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains(r#"id="f-display_name" name="display_name" type="text" value="Ana""#)
    );
    assert!(page.html.contains("ana@example.org"));
    assert!(
        page.html
            .contains(r#"<option value="Europe/Madrid">Europe/Madrid</option>"#)
    );
    assert_eq!(page.html.matches("<h1").count(), 1);

    let page = v
        .submit("/account", profile("Ana García", "fr", "Europe/Paris"))
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), "/account");
    assert_eq!(
        user_row(&app, "ana@example.org").await,
        (
            "Ana García".to_owned(),
            Some("fr".to_owned()),
            Some("Europe/Paris".to_owned())
        )
    );
    let page = v.get("/account").await;
    assert!(page.html.contains(r#"<html lang="fr">"#), "{}", page.html);
    assert!(signed_in_as(&page, "Ana García"));
    assert!(
        page.html
            .contains(r#"<option value="Europe/Paris" selected>"#)
    );
    assert!(page.html.contains(r#"<option value="fr" selected>"#));

    // Another device, whose browser asks for English, follows the account.
    let mut phone = Visitor::new(&app);
    phone.accept_language = Some("en");
    phone
        .submit(
            "/sign-in",
            vec![
                ("email", "ana@example.org".into()),
                ("password", "password-of-Ana".into()),
            ],
        )
        .await;
    assert!(phone.get("/").await.html.contains(r#"<html lang="fr">"#));

    // "From my browser" gives the choice back to the browser, here too.
    let page = v.submit("/account", profile("Ana García", "", "")).await;
    assert_eq!(page.status, 303);
    assert_eq!(
        user_row(&app, "ana@example.org").await,
        ("Ana García".to_owned(), None, None)
    );
    assert!(v.get("/account").await.html.contains(r#"<html lang="en">"#));
}

#[tokio::test]
async fn a_profile_with_problems_comes_back_with_each_problem_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.sign_up("Bea").await;
    let page = v
        .submit("/account", profile("   ", "xx", "Mars/Olympus_Mons"))
        .await;
    assert_eq!(page.status, 422, "{}", page.html);
    for field in ["display_name", "locale", "timezone"] {
        assert!(
            page.html.contains(&format!(r##"<a href="#f-{field}">"##)),
            "{field} is not in the summary: {}",
            page.html
        );
        assert!(
            page.html
                .contains(&format!(r#"aria-describedby="e-{field}""#))
        );
    }
    assert!(page.html.contains("This cannot be empty."));
    assert!(page.html.contains("Choose a time zone from the list."));
    assert!(
        page.html
            .contains("Choose one of the languages in the list.")
    );
    let long = "B".repeat(101);
    let page = v.submit("/account", profile(&long, "", "")).await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains("Use at most 100 characters."));
    assert!(page.html.contains(&format!(r#"value="{long}""#)));
    assert_eq!(
        user_row(&app, "bea@example.org").await,
        ("Bea".to_owned(), Some("en".to_owned()), None)
    );
    // From another site, even signed in: refused.
    let origin_less = v
        .request(
            Method::POST,
            "/account",
            Some(profile("Mallory", "", "")),
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(origin_less.status, 403);
    assert_eq!(user_row(&app, "bea@example.org").await.0, "Bea");
}

#[tokio::test]
async fn patch_me_changes_the_profile_with_the_same_rules() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let me = app
        .patch_ok(
            "/api/v1/me",
            Some(&ana.access),
            json!({"display_name": "Ana García", "locale": "es", "timezone": "Europe/Madrid"}),
        )
        .await;
    assert_eq!(me["display_name"], "Ana García");
    assert_eq!(me["locale"], "es");
    assert_eq!(me["timezone"], "Europe/Madrid");
    // Absent fields stay; null goes back to the browser's.
    let me = app
        .patch_ok("/api/v1/me", Some(&ana.access), json!({"timezone": null}))
        .await;
    assert_eq!(me["display_name"], "Ana García");
    assert_eq!(me["locale"], "es");
    assert_eq!(me["timezone"], serde_json::Value::Null);
    assert_eq!(
        app.get_ok("/api/v1/me", Some(&ana.access)).await["locale"],
        "es"
    );
    let (status, body) = app
        .patch(
            "/api/v1/me",
            Some(&ana.access),
            json!({"display_name": "", "locale": "klingon", "timezone": "Europe/Atlantis"}),
        )
        .await;
    let details = crate::helpers::assert_error(status, &body, 422, "validation_failed");
    for field in ["display_name", "locale", "timezone"] {
        assert!(details.get(field).is_some(), "{field}: {body}");
    }
    let (status, _) = app
        .patch("/api/v1/me", Some(&ana.access), json!({"role": "admin"}))
        .await;
    assert_eq!(status, 422);
    let (status, _) = app
        .patch("/api/v1/me", None, json!({"display_name": "x"}))
        .await;
    assert_eq!(status, 401);
    assert_eq!(
        user_row(&app, "ana@example.org").await,
        ("Ana García".to_owned(), Some("es".to_owned()), None)
    );
}

async fn refresh_status(app: &TestApp, user: &TestUser) -> u16 {
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": user.refresh}),
    )
    .await
    .0
    .as_u16()
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_but_not_this_one() {
    let app = TestApp::spawn().await;
    let cora = app.register("cora").await;
    let mut laptop = browser_of(&app, "cora").await;
    let mut phone = browser_of(&app, "cora").await;

    let change = |current: &str, new: &str| {
        vec![
            ("current_password", current.to_owned()),
            ("new_password", new.to_owned()),
        ]
    };
    let page = laptop
        .submit(
            "/account/password",
            change("not-my-password", "a brand new passphrase"),
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.html);
    assert!(page.html.contains("This is not your current password."));
    assert!(page.html.contains(r##"<a href="#f-current_password">"##));
    let page = laptop
        .submit("/account/password", change("password-of-cora", "short"))
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains("Use at least 10 characters."));
    // Nothing changed yet: every session is alive.
    assert!(signed_in_as(&phone.get("/").await, "cora"));

    let page = laptop
        .submit(
            "/account/password",
            change("password-of-cora", "a brand new passphrase"),
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), "/account");
    let page = laptop.get("/account").await;
    assert_eq!(page.status, 200);
    assert!(signed_in_as(&page, "cora"));
    assert!(page.html.contains("Your password is changed."));
    assert!(!signed_in_as(&phone.get("/").await, "cora"));
    assert_eq!(refresh_status(&app, &cora).await, 401);
    let (status, _) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "cora@example.org", "password": "a brand new passphrase"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "cora@example.org", "password": "password-of-cora"}),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn signing_out_everywhere_signs_this_browser_out_too() {
    let app = TestApp::spawn().await;
    let dan = app.register("dan").await;
    let mut laptop = browser_of(&app, "dan").await;
    let mut phone = browser_of(&app, "dan").await;
    let kept = laptop.cookies.clone();
    let page = laptop.submit("/account/sign-out-everywhere", vec![]).await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), "/");
    assert!(!laptop.cookies.contains_key("session"));
    let home = laptop.get("/").await;
    assert!(!signed_in_as(&home, "dan"));
    assert!(home.html.contains("You are signed out on every device."));
    assert!(!signed_in_as(&phone.get("/").await, "dan"));
    assert_eq!(refresh_status(&app, &dan).await, 401);
    // The old cookie, kept by someone, opens nothing.
    let mut thief = Visitor::new(&app);
    thief.cookies = kept;
    assert_eq!(thief.get("/account").await.status, 303);
}

#[tokio::test]
async fn closing_the_account_asks_for_the_password_and_signs_out() {
    let app = TestApp::spawn().await;
    let eva = app.register("eva").await;
    let org = app.city(&eva, "Tallinn", "EE").await;
    let mut v = browser_of(&app, "eva").await;
    let page = v.get("/account/close").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"id="f-password""#));

    let page = v
        .submit("/account/close", vec![("password", "not it at all".into())])
        .await;
    assert_eq!(page.status, 422, "{}", page.html);
    assert!(page.html.contains("This is not your password."));
    // The only owner of a city must hand it over first, and is told which.
    let page = v
        .submit(
            "/account/close",
            vec![("password", "password-of-eva".into())],
        )
        .await;
    assert_eq!(page.status, 409, "{}", page.html);
    assert!(page.html.contains("You are the only owner of Tallinn."));
    assert_eq!(app.count("users WHERE email = 'eva@example.org'").await, 1);

    let fay = app.register("fay").await;
    app.add_member(&eva, &org, &fay, "owner").await;
    let page = v
        .submit(
            "/account/close",
            vec![("password", "password-of-eva".into())],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), "/");
    let home = v.get("/").await;
    assert!(!signed_in_as(&home, "eva"));
    assert!(home.html.contains("Your account is closed."));
    assert_eq!(
        app.count(&format!(
            "users WHERE id = '{}' AND email LIKE '%@closed.invalid'",
            eva.id
        ))
        .await,
        1
    );
    let (status, _) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "eva@example.org", "password": "password-of-eva"}),
        )
        .await;
    assert_eq!(status, 401);
    // Someone else's browser cannot close an account it is not signed in to.
    let mut other = Visitor::new(&app);
    let page = other
        .submit(
            "/account/close",
            vec![("password", "password-of-fay".into())],
        )
        .await;
    assert_eq!(page.status, 303);
    assert!(page.location().starts_with("/sign-in"));
    assert_eq!(
        app.count(&format!(
            "users WHERE id = '{}' AND email LIKE '%@closed.invalid'",
            fay.id
        ))
        .await,
        0
    );
}

/// A city owned by `owner` with one published practice and one draft: (city id,
/// published id, draft id).
async fn city_with_practices(app: &TestApp, owner: &TestUser) -> (String, String, String) {
    let themes = app.theme_ids().await;
    let city = app.city(owner, "València", "ES").await;
    let body = |title: &str| {
        json!({
            "organization_id": city,
            "title": title,
            "summary": "Closing inner streets to through traffic and giving them back to people.",
            "body": "## What we did\n\nWe reorganised **nine blocks** into one superblock.",
            "theme_ids": [themes["green-mobility"]],
            "language": "en",
            "implementation_status": "ongoing",
        })
    };
    let published = app
        .create_practice(owner, body("Superblocks for a calmer city centre"))
        .await;
    let published = id(&published).to_owned();
    app.publish_practice(owner, &published).await;
    let draft = app
        .create_practice(owner, body("Secret draft about night buses"))
        .await;
    (city, published, id(&draft).to_owned())
}

#[tokio::test]
async fn the_home_page_shows_what_is_published_and_the_viewers_own_places() {
    let app = TestApp::spawn().await;
    let gil = app.register("gil").await;
    let root = app.admin("root").await;
    let (city, published, draft) = city_with_practices(&app, &gil).await;
    let full = app
        .published_event(&root, json!({"title": "Full workshop", "capacity": 1}))
        .await;
    let open = app
        .published_event(&root, json!({"title": "Roomy workshop"}))
        .await;
    app.published_event(&root, json!({"title": "Tomorrow's walk"}))
        .await;
    app.create_event(&root, json!({"title": "Unpublished plan"}))
        .await;
    let hal = app.register("hal").await;
    app.register_for_event(&hal, id(&full)).await;
    app.register_for_event(&gil, id(&full)).await;
    app.register_for_event(&gil, id(&open)).await;
    app.create_room(&root, json!({"name": "Open café", "access": "open"}))
        .await;
    app.create_room(&root, json!({"name": "Closed circle", "access": "invite"}))
        .await;

    let mut anon = Visitor::new(&app);
    let page = anon.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.html.matches("<h1").count(), 1);
    assert!(page.html.contains(&format!(
        r#"href="/practices/{published}-superblocks-for-a-calmer-city-centre""#
    )));
    assert!(!page.html.contains("Secret draft"));
    assert!(!page.html.contains(&draft));
    assert!(
        page.html
            .contains(&format!(r#"href="/events/{}""#, id(&open)))
    );
    assert!(page.html.contains("Tomorrow&#39;s walk"));
    assert!(!page.html.contains("Unpublished plan"));
    // Times in the viewer's timezone (UTC here), the event's own beside it.
    assert!(page.html.contains(" UTC</time> · "), "{}", page.html);
    assert!(page.html.contains(" in Europe/Madrid"));
    assert!(page.html.contains(r#"id="home-sign-up""#));
    assert!(!page.html.contains("Your registrations"));

    let mut v = browser_of(&app, "gil").await;
    let page = v.get("/").await;
    assert!(signed_in_as(&page, "gil"));
    assert!(!page.html.contains(r#"id="home-sign-up""#));
    assert!(
        page.html
            .contains(&format!(r#"href="/organizations/{city}-valencia""#))
    );
    assert!(page.html.contains("Owner"));
    // A seat at one workshop, the first place on the other's waitlist.
    let mine = &page.html[page.html.find("my-registrations").unwrap()..];
    let mine = &mine[..mine.find("</section>").unwrap()];
    assert!(
        mine.contains("Roomy workshop") && mine.contains("You have a seat"),
        "{mine}"
    );
    assert!(
        mine.contains("Full workshop") && mine.contains("Waitlist: number 1"),
        "{mine}"
    );
    assert!(!mine.contains("Tomorrow"), "{mine}");
    let rooms = &page.html[page.html.find("my-rooms").unwrap()..];
    let rooms = &rooms[..rooms.find("</section>").unwrap()];
    assert!(rooms.contains("Open café"), "{rooms}");
    assert!(!rooms.contains("Closed circle"), "{rooms}");
    // Hal sees their own seat and nothing of Gil's.
    let page = browser_of(&app, "hal").await.get("/").await;
    let mine = &page.html[page.html.find("my-registrations").unwrap()..];
    let mine = &mine[..mine.find("</section>").unwrap()];
    assert!(mine.contains("Full workshop") && mine.contains("You have a seat"));
    assert!(!mine.contains("Roomy workshop"));
    assert!(!page.html.contains(&format!("/organizations/{city}")));
}

#[tokio::test]
async fn the_sitemap_lists_published_practices_and_organizations_at_the_public_address() {
    let app = TestApp::spawn_with(|s| {
        s.http.public_url = Some("https://lab.example.org/".into());
    })
    .await;
    let ivo = app.register("ivo").await;
    let (city, published, draft) = city_with_practices(&app, &ivo).await;
    let mut v = Visitor::new(&app);
    let page = v.get("/sitemap.xml").await;
    assert_eq!(page.status, 200);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    assert!(page.html.starts_with("<?xml"));
    assert!(page.html.contains(&format!(
        "<loc>https://lab.example.org/practices/{published}-superblocks-for-a-calmer-city-centre</loc><lastmod>"
    )));
    assert!(page.html.contains(&format!(
        "<loc>https://lab.example.org/organizations/{city}-valencia</loc>"
    )));
    assert!(!page.html.contains(&draft), "{}", page.html);
    assert_eq!(page.html.matches("<url>").count(), 2);
    let robots = v.get("/robots.txt").await;
    assert!(
        robots
            .html
            .contains("Sitemap: https://lab.example.org/sitemap.xml")
    );
    // Hidden by a moderator: gone from the sitemap.
    let root = app.admin("root").await;
    app.post_ok(
        200,
        &format!("/api/v1/practices/{published}/hide"),
        Some(&root.access),
        json!({"reason": "spam"}),
    )
    .await;
    let page = v.get("/sitemap.xml").await;
    assert!(!page.html.contains(&published));
}
