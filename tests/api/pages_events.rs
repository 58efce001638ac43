//! The public events pages over plain HTTP, as a browser without JavaScript sees them:
//! finding events (filters, the month calendar), an event's page for each kind of viewer,
//! registering onto the waitlist and being promoted, and the moderators' forms.

use reqwest::Method;
use serde_json::json;

use crate::contract::Checked as _;
use crate::helpers::{TestApp, at, id};
use crate::pages::Visitor;

/// A visitor signed in as `name`, who was registered through the API.
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
    assert_eq!(page.status, 303, "{}", page.html);
    v
}

/// The event's page address after the canonical redirect.
async fn page_of(v: &mut Visitor, eid: &str) -> String {
    let page = v.get(&format!("/events/{eid}")).await;
    assert_eq!(page.status, 301, "{}", page.html);
    page.location().to_owned()
}

#[tokio::test]
async fn the_list_filters_by_format_and_theme_and_the_calendar_shows_the_month() {
    let app = TestApp::spawn().await;
    let mia = app.moderator("mia").await;
    let themes = app.theme_ids().await;
    let (slug, theme) = themes.iter().next().unwrap();
    let online = app
        .published_event(
            &mia,
            json!({"title": "Online data lab", "mode": "online", "location": null,
                   "theme_ids": [theme]}),
        )
        .await;
    let walk = app
        .published_event(&mia, json!({"title": "Street walk", "mode": "in_person"}))
        .await;
    app.create_event(&mia, json!({"title": "Secret draft"}))
        .await;

    let mut anon = Visitor::new(&app);
    let page = anon.get("/events").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Online data lab"), "{}", page.html);
    assert!(page.html.contains("Street walk"));
    assert!(!page.html.contains("Secret draft"), "drafts stay hidden");
    // The results ask for themselves again, so a start shows without a reload.
    assert!(page.html.contains(r#"hx-trigger="every 30s""#));

    let page = anon.get("/events?format=online").await;
    assert!(page.html.contains("Online data lab"));
    assert!(!page.html.contains("Street walk"), "{}", page.html);
    let page = anon.get(&format!("/events?theme={slug}")).await;
    assert!(page.html.contains("Online data lab"));
    assert!(!page.html.contains("Street walk"));

    // htmx gets the results region alone.
    let page = anon
        .request(
            Method::GET,
            "/events?format=in_person",
            None,
            &[("hx-request", "true")],
        )
        .await;
    assert!(
        page.html.starts_with("<div id=\"results\">"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Street walk"));
    assert!(!page.html.contains("<html"));

    // The region's refresh shows an event that has started as live.
    assert!(!page.html.contains("Live now"));
    app.post_ok(
        200,
        &format!("/api/v1/events/{}/start", id(&walk)),
        Some(&mia.access),
        json!({}),
    )
    .await;
    let page = anon
        .request(Method::GET, "/events", None, &[("hx-request", "true")])
        .await;
    assert!(page.html.contains("Live now"), "{}", page.html);

    // Search engines learn of public events, not of drafts.
    let page = anon.get("/sitemap.xml").await;
    assert!(
        page.html
            .contains(&format!("/events/{}-street-walk", id(&walk)))
    );
    assert!(!page.html.contains("secret-draft"));

    // Past events on request: none was due to start yet (the walk started early).
    let page = anon.get("/events?when=past").await;
    assert!(page.html.contains("No events match these filters."));
    assert!(!page.html.contains("Online data lab"));

    // The month of the events: a table with weekday headers, each event a link.
    let month = &online["starts_at"].as_str().unwrap()[..7];
    let page = anon.get(&format!("/events/calendar?month={month}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains(r#"<th scope="col"><abbr title="Monday">Mon</abbr></th>"#)
    );
    assert!(
        page.html
            .contains(&format!("/events/{}-online-data-lab", id(&online)))
    );
    assert!(!page.html.contains("Secret draft"));
    let page = anon.get("/events/calendar").await;
    assert!(
        page.html.contains(r#"aria-current="date""#),
        "today is marked"
    );
    assert!(page.html.contains("Previous month"));
}

#[tokio::test]
async fn an_event_page_for_strangers_registered_people_and_moderators() {
    let app = TestApp::spawn().await;
    let mia = app.moderator("mia").await;
    let ev = app
        .published_event(&mia, json!({"description": "# Plan\n\nBike **lanes**."}))
        .await;
    let eid = id(&ev);
    let draft = app.create_event(&mia, json!({"title": "Draft plan"})).await;

    let mut anon = Visitor::new(&app);
    let path = page_of(&mut anon, eid).await;
    assert_eq!(path, format!("/events/{eid}-green-mobility-workshop"));
    let page = anon.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("<h1>Green mobility workshop</h1>"));
    assert!(
        page.html.contains("<strong>lanes</strong>"),
        "Markdown rendered"
    );
    assert!(page.html.contains(r#"<link rel="canonical""#));
    assert!(page.html.contains(r#"property="og:title""#));
    assert!(page.html.contains("Sign in to register"));
    assert!(page.html.contains(&format!("/api/v1/events/{eid}.ics")));
    assert!(page.html.contains(&format!("/events/{eid}/materials")));
    assert!(
        !page.html.contains("meet.example.org"),
        "the link is for seats"
    );
    assert!(!page.html.contains("Manage this event"));
    // Drafts do not exist for strangers.
    let page = anon.get(&format!("/events/{}", id(&draft))).await;
    assert_eq!(page.status, 404);

    app.register("ana").await;
    let mut ana = signed_in(&app, "ana").await;
    let page = ana.submit(&format!("/events/{eid}/register"), vec![]).await;
    assert_eq!(page.status, 303);
    let page = ana.get(&path).await;
    assert!(page.html.contains("You have a seat."), "{}", page.html);
    assert!(page.html.contains("meet.example.org/green-mobility"));
    assert!(page.html.contains("Cancel my registration"));
    assert!(!page.html.contains("Manage this event"));
    // Registering twice is a clear message, not an error page.
    let page = ana.submit(&format!("/events/{eid}/register"), vec![]).await;
    assert_eq!(page.status, 409);
    assert!(
        page.html
            .contains("You are already registered for this event.")
    );

    let mut mod_page = signed_in(&app, "mia").await;
    let page = mod_page.get(&path).await;
    assert!(page.html.contains("Manage this event"));
    for tool in [
        "agenda",
        "registrations",
        "check-in",
        "minutes/edit",
        "materials",
        "moderators",
        "edit",
    ] {
        assert!(
            page.html.contains(&format!("/events/{eid}/{tool}")),
            "{tool}"
        );
    }
    assert!(page.html.contains(&format!("/events/{eid}/start")));
    assert!(
        page.html
            .contains(&format!("/rooms/{}", ev["room_id"].as_str().unwrap()))
    );
    let page = mod_page.get(&format!("/events/{}", id(&draft))).await;
    assert_eq!(page.status, 301, "moderators see their drafts");
}

#[tokio::test]
async fn a_waitlisted_person_sees_their_place_and_then_their_seat() {
    let app = TestApp::spawn().await;
    let mia = app.moderator("mia").await;
    let ev = app.published_event(&mia, json!({"capacity": 1})).await;
    let eid = id(&ev);
    app.register("ana").await;
    app.register("ben").await;
    let mut ana = signed_in(&app, "ana").await;
    let mut ben = signed_in(&app, "ben").await;
    let path = page_of(&mut ana, eid).await;

    let page = ana.submit(&format!("/events/{eid}/register"), vec![]).await;
    assert_eq!(page.status, 303);
    let page = ben.get(&path).await;
    assert!(page.html.contains("Join the waitlist"), "{}", page.html);
    let page = ben.submit(&format!("/events/{eid}/register"), vec![]).await;
    assert_eq!(page.status, 303);
    let page = ben.get(&path).await;
    assert!(page.html.contains("You are number 1 on the waitlist."));
    let page = ben.get("/events/mine").await;
    assert!(page.html.contains("You are number 1 on the waitlist."));

    let page = ana
        .submit(&format!("/events/{eid}/unregister"), vec![])
        .await;
    assert_eq!(page.status, 303);
    let page = ben.get("/events/mine").await;
    assert!(page.html.contains("You have a seat."), "{}", page.html);
    // The service lists only registrations that stand.
    let page = ana.get("/events/mine").await;
    assert!(!page.html.contains("Green mobility workshop"));
    assert!(page.html.contains("You are not registered for any event."));

    // The personal feed: a new address each time, the previous one dead.
    let page = ben.submit("/events/mine/calendar", vec![]).await;
    assert_eq!(page.status, 200);
    let first = address_in(&page.html);
    let page = ben.submit("/events/mine/calendar", vec![]).await;
    let second = address_in(&page.html);
    assert_ne!(first, second);
    let old = first.split("/api/v1").nth(1).unwrap();
    let new = second.split("/api/v1").nth(1).unwrap();
    let (status, _) = app.get(&format!("/api/v1{old}"), None).await;
    assert_eq!(status, 404);
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1{new}")))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Green mobility workshop")
    );
}

fn address_in(html: &str) -> String {
    let at = html.find(r#"id="feed-url""#).expect("the address is shown");
    let rest = &html[at..];
    let v = rest.find("value=\"").unwrap() + 7;
    let end = rest[v..].find('"').unwrap();
    rest[v..v + end].to_owned()
}

fn local(minutes: i64) -> String {
    // UTC wall time, as the form's timezone below says.
    at(minutes)[..16].to_owned()
}

fn event_form(title: &str, starts: i64, ends: i64) -> Vec<(&'static str, String)> {
    vec![
        ("organization_id", String::new()),
        ("title", title.to_owned()),
        ("description", "Bring a **bike**.".into()),
        ("kind", "workshop".into()),
        ("starts_at", local(starts)),
        ("ends_at", local(ends)),
        ("timezone", "UTC".into()),
        ("registration_opens_at", String::new()),
        ("registration_closes_at", String::new()),
        ("mode", "in_person".into()),
        ("location", "Town hall".into()),
        ("online_url", String::new()),
        ("capacity", "1".into()),
        ("action", "save".into()),
    ]
}

#[tokio::test]
async fn moderators_create_publish_and_cancel_through_the_forms() {
    let app = TestApp::spawn().await;
    app.moderator("mia").await;
    app.register("ana").await;
    let mut mia = signed_in(&app, "mia").await;

    let page = mia.get("/events/new").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"type="datetime-local""#));
    assert!(page.html.contains(r#"<option value="Europe/Madrid""#));

    // The end before the start: the form again, with what was typed.
    let page = mia
        .submit("/events/new", event_form("Repair café", 24 * 60, 23 * 60))
        .await;
    assert_eq!(page.status, 422, "{}", page.html);
    assert!(page.html.contains(r#"value="Repair café""#));
    assert!(page.html.contains("The end must be after the start."));
    assert!(page.html.contains("Bring a **bike**."));

    // The description's preview, in place for htmx.
    let mut preview = event_form("Repair café", 24 * 60, 25 * 60);
    preview.retain(|(k, _)| *k != "action");
    preview.push(("action", "preview".into()));
    preview.push(("csrf", mia.cookies["csrf"].clone()));
    let origin = mia.base.clone();
    let page = mia
        .request(
            Method::POST,
            "/events/new",
            Some(preview),
            &[("origin", &origin), ("hx-request", "true")],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("<strong>bike</strong>"), "{}", page.html);
    assert!(!page.html.contains("<form"));

    let page = mia
        .submit("/events/new", event_form("Repair café", 24 * 60, 25 * 60))
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let path = page.location().to_owned();
    let eid = path.strip_prefix("/events/").unwrap()[..36].to_owned();
    let page = mia.get(&path).await;
    assert!(page.html.contains("Draft"));
    let (status, _) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(status, 404, "a draft is hidden from the public");

    // Someone else cannot publish it.
    let mut ana = signed_in(&app, "ana").await;
    let page = ana.submit(&format!("/events/{eid}/publish"), vec![]).await;
    assert_eq!(page.status, 404);

    let page = mia.submit(&format!("/events/{eid}/publish"), vec![]).await;
    assert_eq!(page.status, 303);
    let ev = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(ev["status"], "published");
    assert_eq!(ev["capacity"], 1);

    // Edit keeps the values it shows.
    let page = mia.get(&format!("/events/{eid}/edit")).await;
    assert!(page.html.contains(r#"value="Town hall""#));
    let page = mia
        .submit(
            &format!("/events/{eid}/edit"),
            event_form("Repair café and more", 24 * 60, 26 * 60),
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let ev = app.get_ok(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(ev["title"], "Repair café and more");

    // Cancelling needs a reason.
    let page = mia
        .submit(
            &format!("/events/{eid}/cancel"),
            vec![("reason", " ".into())],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains(r#"aria-invalid="true""#));
    let page = mia
        .submit(
            &format!("/events/{eid}/cancel"),
            vec![("reason", "The hall is flooded".into())],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = ana.get(page.location()).await;
    assert!(page.html.contains("The hall is flooded"));
    assert!(page.html.contains("Cancelled"));
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let mia = app.moderator("mia").await;
    let ev = app.published_event(&mia, json!({})).await;
    app.register("ana").await;
    let mut ana = signed_in(&app, "ana").await;
    let origin = ana.base.clone();
    let page = ana
        .request(
            Method::POST,
            &format!("/events/{}/register", id(&ev)),
            Some(vec![("csrf", "wrong".into())]),
            &[("origin", &origin)],
        )
        .await;
    assert_eq!(page.status, 403);
    let (_, regs) = app
        .get(
            &format!("/api/v1/events/{}/registrations", id(&ev)),
            Some(&mia.access),
        )
        .await;
    assert_eq!(regs["counts"]["registered"], 0);
}
