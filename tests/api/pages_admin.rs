//! The administration pages over plain HTTP: who may see them, what each role may do there,
//! and that what they do is stored and shows where it should.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::{TestApp, TestUser, id};
use crate::pages::{Page, Visitor};
use crate::ws::{Ws, open_room};

const PAGES: [&str; 8] = [
    "/admin",
    "/admin/themes",
    "/admin/themes/green-mobility",
    "/admin/users",
    "/admin/organizations",
    "/admin/practices",
    "/admin/rooms",
    "/admin/status",
];

fn assert_status(page: &Page, want: u16) {
    assert_eq!(page.status.as_u16(), want, "{}", page.html);
}

async fn signed_in(app: &TestApp, name: &str) -> Visitor {
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
    assert_status(&page, 303);
    v
}

async fn role_of(app: &TestApp, user: &TestUser) -> String {
    app.db()
        .await
        .query_one(
            "SELECT role FROM users WHERE id = $1::text::uuid",
            &[&user.id.to_string()],
        )
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn visitors_and_plain_users_find_no_administration() {
    let app = TestApp::spawn().await;
    let ana = app.register("Ana").await;
    let mut anon = Visitor::new(&app);
    let mut member = signed_in(&app, "Ana").await;
    for path in PAGES {
        assert_status(&anon.get(path).await, 404);
        let page = member.get(path).await;
        assert_status(&page, 404);
        assert!(!page.html.contains("admin-nav"), "{path}");
    }
    assert!(!member.get("/").await.html.contains(r#"href="/admin""#));
    let page = member
        .submit(
            &format!("/admin/users/{}/role", ana.id),
            vec![("role", "admin".into())],
        )
        .await;
    assert_status(&page, 404);
    assert_eq!(role_of(&app, &ana).await, "member");

    // Moderators find the area from the menu.
    app.moderator("Mo").await;
    let mut mo = signed_in(&app, "Mo").await;
    let home = mo.get("/").await;
    assert!(
        home.html.contains(r#"<a href="/admin">Administration</a>"#),
        "{}",
        home.html
    );
    for path in PAGES {
        let page = mo.get(path).await;
        assert_status(&page, 200);
        assert!(page.html.contains(r#"aria-current="page""#), "{path}");
    }
}

#[tokio::test]
async fn a_moderator_looks_people_up_but_only_an_admin_changes_roles() {
    let app = TestApp::spawn().await;
    let root = app.admin("Root").await;
    let ana = app.register("Ana").await;
    app.register("Bruno").await;
    app.moderator("Mo").await;
    let mut mo = signed_in(&app, "Mo").await;

    let page = mo.get("/admin/users?q=an").await;
    assert_status(&page, 200);
    assert!(
        page.html.contains(">Ana<") && !page.html.contains(">Bruno<"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Only administrators change roles."));
    assert!(
        !page.html.contains("ana@example.org"),
        "emails are for admins"
    );
    assert!(!page.html.contains("/role\""));
    // As one types: only the results.
    let page = mo
        .request(
            reqwest::Method::GET,
            "/admin/users?q=bru",
            None,
            &[("hx-request", "true")],
        )
        .await;
    assert_status(&page, 200);
    assert!(
        !page.html.contains("<html") && page.html.contains(">Bruno<"),
        "{}",
        page.html
    );

    let page = mo
        .submit(
            &format!("/admin/users/{}/role", ana.id),
            vec![("role", "moderator".into())],
        )
        .await;
    assert_status(&page, 403);
    assert_eq!(role_of(&app, &ana).await, "member");

    // The admin can, and it is stored.
    let mut admin = signed_in(&app, "Root").await;
    let page = admin.get("/admin/users").await;
    assert!(page.html.contains("ana@example.org"));
    assert!(
        page.html
            .contains(&format!(r#"<select id="role-{}" name="role">"#, ana.id))
    );
    let page = admin
        .submit(
            &format!("/admin/users/{}/role", ana.id),
            vec![
                ("role", "moderator".into()),
                ("back", "/admin/users?q=ana".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(page.location(), "/admin/users?q=ana");
    assert_eq!(role_of(&app, &ana).await, "moderator");
    let page = admin.get(page.location()).await;
    assert!(page.html.contains("The role is changed."));
    assert!(
        page.html
            .contains(r#"<option value="moderator" selected>Moderator</option>"#)
    );

    // A role that does not exist, and the last admin stepping down: refused, nothing stored.
    let page = admin
        .submit(
            &format!("/admin/users/{}/role", ana.id),
            vec![("role", "emperor".into())],
        )
        .await;
    assert_status(&page, 422);
    let page = admin
        .submit(
            &format!("/admin/users/{}/role", root.id),
            vec![("role", "member".into())],
        )
        .await;
    assert_status(&page, 409);
    assert!(
        page.html.contains("This is the last administrator."),
        "{}",
        page.html
    );
    assert_eq!(role_of(&app, &root).await, "admin");
}

#[tokio::test]
async fn an_admin_verifies_organizations_from_the_list() {
    let app = TestApp::spawn().await;
    app.admin("Root").await;
    let ana = app.register("Ana").await;
    let lyon = app.city(&ana, "Lyon", "FR").await;
    app.city(&ana, "Lille", "FR").await;
    app.moderator("Mo").await;

    let mut mo = signed_in(&app, "Mo").await;
    let page = mo.get("/admin/organizations?q=ly").await;
    assert!(page.html.contains("Lyon") && !page.html.contains("Lille"));
    assert!(page.html.contains(&format!("/organizations/{lyon}/edit")));
    assert!(!page.html.contains("Verify Lyon"), "only admins verify");
    let page = mo
        .submit(
            &format!("/admin/organizations/{lyon}/verify"),
            vec![("verified", "true".into())],
        )
        .await;
    assert_status(&page, 403);

    let mut admin = signed_in(&app, "Root").await;
    let page = admin.get("/admin/organizations?verified=no").await;
    assert!(page.html.contains("Verify Lyon"));
    let page = admin
        .submit(
            &format!("/admin/organizations/{lyon}/verify"),
            vec![
                ("verified", "true".into()),
                ("back", "/admin/organizations?verified=no".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(page.location(), "/admin/organizations?verified=no");
    let page = admin.get(page.location()).await;
    assert!(page.html.contains("The organization is verified."));
    assert!(!page.html.contains(">Lyon<"), "no longer unverified");
    let page = admin.get("/admin/organizations?verified=yes").await;
    assert!(page.html.contains("Withdraw verification of Lyon"));
    let verified: bool = app
        .db()
        .await
        .query_one(
            "SELECT verified_at IS NOT NULL FROM organizations WHERE id = $1::text::uuid",
            &[&lyon],
        )
        .await
        .unwrap()
        .get(0);
    assert!(verified);
}

#[tokio::test]
async fn hiding_needs_a_reason_and_takes_a_practice_out_of_the_catalogue_until_shown_again() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana = app.register("Ana").await;
    let valencia = app.city(&ana, "Valencia", "ES").await;
    let p = app
        .create_practice(
            &ana,
            json!({
                "organization_id": valencia,
                "title": "Superblocks for a calmer centre",
                "summary": "Streets given back to people.",
                "body": "We closed nine blocks to through traffic.",
                "theme_ids": [themes["green-mobility"]],
                "language": "en",
                "implementation_status": "ongoing",
            }),
        )
        .await;
    let pid = id(&p).to_owned();
    app.publish_practice(&ana, &pid).await;
    app.moderator("Mo").await;
    let mut mo = signed_in(&app, "Mo").await;
    let mut anon = Visitor::new(&app);
    assert!(
        anon.get("/practices")
            .await
            .html
            .contains("Superblocks for a calmer centre")
    );

    let form = format!("/admin/practices/{pid}/visibility");
    let page = mo.get("/admin/practices?q=superblocks").await;
    assert!(page.html.contains(&form), "{}", page.html);
    assert_status(&mo.get(&form).await, 200);
    // No reason: the form again, with the problem; a too long one is kept as typed.
    let page = mo
        .submit(
            &form,
            vec![("action", "hide".into()), ("reason", "  ".into())],
        )
        .await;
    assert_status(&page, 422);
    assert!(page.html.contains("error-summary") && page.html.contains("This cannot be blank."));
    let long = "spam ".repeat(201);
    let page = mo
        .submit(
            &form,
            vec![("action", "hide".into()), ("reason", long.clone())],
        )
        .await;
    assert_status(&page, 422);
    assert!(
        page.html.contains(&format!(">{long}</textarea>")),
        "input kept"
    );
    assert!(page.html.contains("Use at most 1,000 characters."));

    let page = mo
        .submit(
            &form,
            vec![
                ("action", "hide".into()),
                ("reason", "Advertising links".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(page.location(), "/admin/practices");
    let row = app
        .db()
        .await
        .query_one(
            "SELECT hidden_reason, hidden_at IS NOT NULL FROM practices WHERE id = $1::text::uuid",
            &[&pid],
        )
        .await
        .unwrap();
    assert_eq!(
        row.get::<_, Option<String>>(0).as_deref(),
        Some("Advertising links")
    );
    assert!(row.get::<_, bool>(1));
    assert!(
        !anon
            .get("/practices")
            .await
            .html
            .contains("Superblocks for a calmer centre")
    );
    let page = mo.get("/admin/practices?show=hidden").await;
    assert!(page.html.contains("The practice is hidden."));
    assert!(
        page.html.contains("Advertising links") && page.html.contains("by Mo"),
        "{}",
        page.html
    );
    assert!(
        !mo.get("/admin/practices?show=visible")
            .await
            .html
            .contains("Superblocks")
    );

    // Showing it again needs a reason too, which is kept.
    let page = mo
        .submit(
            &form,
            vec![("action", "show".into()), ("reason", "".into())],
        )
        .await;
    assert_status(&page, 422);
    let page = mo
        .submit(
            &form,
            vec![
                ("action", "show".into()),
                ("reason", "Links removed by the city".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    let row = app
        .db()
        .await
        .query_one(
            "SELECT shown_reason, hidden_at IS NULL FROM practices WHERE id = $1::text::uuid",
            &[&pid],
        )
        .await
        .unwrap();
    assert_eq!(
        row.get::<_, Option<String>>(0).as_deref(),
        Some("Links removed by the city")
    );
    assert!(row.get::<_, bool>(1));
    assert!(
        anon.get("/practices")
            .await
            .html
            .contains("Superblocks for a calmer centre")
    );
    let page = mo.get("/admin/practices").await;
    assert!(
        page.html.contains("Shown again by Mo") && page.html.contains("Links removed by the city")
    );

    // A plain user cannot, even knowing the address.
    let mut ana_v = signed_in(&app, "Ana").await;
    let page = ana_v
        .submit(
            &form,
            vec![("action", "hide".into()), ("reason", "mine".into())],
        )
        .await;
    assert_status(&page, 404);
}

#[tokio::test]
async fn the_status_page_shows_version_database_and_instances() {
    let app = TestApp::spawn().await;
    app.admin("Root").await;
    let mut admin = signed_in(&app, "Root").await;
    let page = admin.get("/admin/status").await;
    assert_status(&page, 200);
    assert!(page.html.contains(&format!(
        r#"<dd id="status-version-number">{}</dd>"#,
        env!("CARGO_PKG_VERSION")
    )));
    assert!(
        page.html
            .contains(r#"<dd id="status-db-reachable">Yes</dd>"#)
    );
    assert!(page.html.contains("Healthy"));
    assert!(page.html.contains(" applied of "), "{}", page.html);
    assert!(page.html.contains("in use of"));
    assert_eq!(page.headers["cache-control"], "no-store");
}

#[tokio::test]
async fn the_rooms_page_counts_who_is_connected_now() {
    let app = TestApp::spawn().await;
    let root = app.admin("Root").await;
    let room = open_room(&app, &root).await;
    let ana = app.register("Ana").await;
    let mut admin = signed_in(&app, "Root").await;
    assert!(
        admin
            .get("/admin/rooms")
            .await
            .html
            .contains("Nobody is in a room right now.")
    );

    let (_ws, _welcome) = Ws::join(&app.addr, &ana, &room, None).await;
    // Presence is written by the instance shortly after the socket joins.
    let deadline = Instant::now() + Duration::from_secs(10);
    let page = loop {
        let page = admin.get("/admin/rooms").await;
        if page
            .html
            .contains(&format!(r#"<a href="/rooms/{room}">Workshop</a>"#))
        {
            break page;
        }
        assert!(
            Instant::now() < deadline,
            "the room never showed: {}",
            page.html
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let row = &page.html[page.html.find(&format!("/rooms/{room}")).unwrap()..];
    assert!(row.contains("<td>1</td>"), "{row}");
    assert!(page.html.contains("(1 instance alive)"), "{}", page.html);
    let overview = admin.get("/admin").await;
    assert!(
        overview
            .html
            .contains("1 room in use, 1 person in them now"),
        "{}",
        overview.html
    );
}

#[tokio::test]
async fn an_admin_names_a_theme_in_french_and_the_french_catalogue_shows_it() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana = app.register("Ana").await;
    let valencia = app.city(&ana, "Valencia", "ES").await;
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
    let mut french = Visitor::new(&app);
    french.accept_language = Some("fr");
    let page = french.get("/practices").await;
    assert!(
        page.html.contains("Green mobility"),
        "English until translated"
    );

    let root = app.admin("Root").await;
    app.moderator("Mo").await;
    let mut admin = signed_in(&app, "Root").await;
    let page = admin.get("/admin/themes").await;
    assert_status(&page, 200);
    assert!(page.html.contains(r#"href="/admin/themes/green-mobility""#));
    let edit = admin.get("/admin/themes/green-mobility").await;
    assert!(edit.html.contains(r#"id="f-name_fr""#), "{}", edit.html);

    // Too short: the French form again with what was typed, the others untouched.
    let page = admin
        .submit(
            "/admin/themes/green-mobility/fr",
            vec![
                ("name_fr", "M".into()),
                ("description_fr", "Se déplacer".into()),
            ],
        )
        .await;
    assert_status(&page, 422);
    assert!(page.html.contains("Use at least 2 characters."));
    assert!(page.html.contains(">Se déplacer</textarea>"));
    assert!(page.html.contains(r#"value="Green mobility""#));

    let page = admin
        .submit(
            "/admin/themes/green-mobility/fr",
            vec![
                ("name_fr", "Mobilité verte".into()),
                ("description_fr", "Se déplacer sans polluer.".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(page.location(), "/admin/themes/green-mobility");
    let page = french.get("/practices").await;
    assert!(page.html.contains("Mobilité verte"), "{}", page.html);
    let mut english = Visitor::new(&app);
    assert!(
        english
            .get("/practices")
            .await
            .html
            .contains("Green mobility")
    );
    let theme = app.get_ok("/api/v1/themes/green-mobility", None).await;
    assert_eq!(theme["translations"]["fr"]["name"], "Mobilité verte");

    // Moderators read, admins write.
    let mut mo = signed_in(&app, "Mo").await;
    let page = mo.get("/admin/themes/green-mobility").await;
    assert!(page.html.contains("Only administrators change themes."));
    let page = mo
        .submit(
            "/admin/themes/green-mobility/fr",
            vec![("name_fr", "Autre".into())],
        )
        .await;
    assert_status(&page, 403);

    // Emptying a language removes its translation: English again.
    let page = admin
        .submit(
            "/admin/themes/green-mobility/fr",
            vec![("name_fr", "".into()), ("description_fr", "".into())],
        )
        .await;
    assert_status(&page, 303);
    let theme = app.get_ok("/api/v1/themes/green-mobility", None).await;
    assert!(theme["translations"].get("fr").is_none(), "{theme}");

    // The same through the JSON API: admins only, a language of the pages only.
    let put = |path: &'static str, token: String, body: serde_json::Value| {
        let app = &app;
        async move {
            app.request(reqwest::Method::PUT, path, Some(&token), Some(body))
                .await
        }
    };
    let (status, body) = put(
        "/api/v1/themes/green-mobility/text/de",
        root.access.clone(),
        json!({"name": "Grüne Mobilität"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["translations"]["de"]["name"], "Grüne Mobilität");
    let (status, _) = put(
        "/api/v1/themes/green-mobility/text/xx",
        root.access.clone(),
        json!({"name": "Xx"}),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = put(
        "/api/v1/themes/green-mobility/text/de",
        ana.access.clone(),
        json!({"name": "Mine"}),
    )
    .await;
    assert_eq!(status, 403);
}
