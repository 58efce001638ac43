//! The event moderators' back office through the pages (issue #15): who may open it, the
//! agenda form, the registrations table and its CSV, check-in at the door (twice is once),
//! the minutes with their versions, the moderators list, and the event's materials.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::contract::Checked as _;
use crate::helpers::{TestApp, TestUser, id};
use crate::pages::Visitor;

/// An event on 10 March 2027, 10:00–13:00 in Madrid (UTC+1 then).
fn march_event() -> Value {
    json!({
        "title": "Bike lanes at the door",
        "starts_at": "2027-03-10T09:00:00Z",
        "ends_at": "2027-03-10T12:00:00Z",
        "timezone": "Europe/Madrid",
    })
}

/// `name` (lowercase) with an account, signed in to a browser session.
async fn signed_in(app: &TestApp, name: &str) -> (TestUser, Visitor) {
    let user = app.register(name).await;
    let mut v = Visitor::new(app);
    let page = v
        .submit(
            "/sign-in",
            vec![
                ("email", user.email.clone()),
                ("password", format!("password-of-{name}")),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    (user, v)
}

/// A published event made by a platform moderator, with `ana` added as its moderator:
/// she moderates it by the event's own list, as an organizer would.
async fn ana_moderates(app: &TestApp, extra: Value) -> (String, TestUser, Visitor, TestUser) {
    let boss = app.moderator("boss").await;
    let ev = app
        .published_event(&boss, crate::helpers::merge(march_event(), extra))
        .await;
    let eid = id(&ev).to_owned();
    let (ana, v) = signed_in(app, "ana").await;
    app.post_ok(
        201,
        &format!("/api/v1/events/{eid}/moderators"),
        Some(&boss.access),
        json!({"user_id": ana.id}),
    )
    .await;
    (eid, ana, v, boss)
}

const PAGES: [&str; 8] = [
    "agenda",
    "registrations",
    "registrations.csv",
    "check-in",
    "minutes/edit",
    "minutes/revisions",
    "moderators",
    "minutes/revisions/1",
];

#[tokio::test]
async fn only_the_event_s_moderators_open_its_back_office() {
    let app = TestApp::spawn().await;
    let (eid, _ana, mut ana_v, boss) = ana_moderates(&app, json!({})).await;
    let (_bob, mut bob) = signed_in(&app, "bob").await;
    let mut anonymous = Visitor::new(&app);
    for p in PAGES {
        let path = format!("/events/{eid}/{p}");
        let page = bob.get(&path).await;
        assert_eq!(page.status, 403, "{path}: {}", page.html);
        assert!(
            page.html.contains("Only the event") || p.ends_with(".csv"),
            "{path}: {}",
            page.html
        );
        let page = anonymous.get(&path).await;
        assert_eq!(page.status, 303, "{path}");
        assert!(page.location().starts_with("/sign-in?next="), "{path}");
    }
    // Bob cannot mark anyone either (a forged form with his own session).
    let page = bob
        .submit(
            &format!("/events/{eid}/check-in"),
            vec![
                ("user_id", boss.id.to_string()),
                ("attended", "true".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 403);

    // A draft is not there at all for someone who does not moderate it.
    let draft = app.create_event(&boss, march_event()).await;
    let page = bob.get(&format!("/events/{}/agenda", id(&draft))).await;
    assert_eq!(page.status, 404);

    // Ana is in: every page answers, with the menu of the back office.
    for p in PAGES.iter().filter(|p| !p.ends_with("/1")) {
        let page = ana_v.get(&format!("/events/{eid}/{p}")).await;
        assert_eq!(page.status, 200, "{p}: {}", page.html);
    }
    let page = ana_v.get(&format!("/events/{eid}/agenda")).await;
    assert!(page.html.contains(r#"aria-current="page">Agenda</a>"#));
    assert!(page.html.contains(&format!(r#"href="/events/{eid}""#)));
}

#[tokio::test]
async fn the_agenda_is_saved_from_its_rows_and_a_refused_one_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let (eid, _ana, mut ana, _) = ana_moderates(&app, json!({})).await;
    let path = format!("/events/{eid}/agenda");
    let page = ana.get(&path).await;
    assert!(page.html.contains("Europe/Madrid"));
    assert!(page.html.contains(r#"name="title-2""#));
    assert!(!page.html.contains(r#"name="title-3""#));

    // "Add rows" offers more rows and keeps the typed ones, saving nothing.
    let page = ana
        .submit(
            &path,
            vec![
                ("title-0", "Welcome".into()),
                ("starts_at-0", "2027-03-10T10:00".into()),
                ("title-1", "".into()),
                ("title-2", "".into()),
                ("action", "add".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"name="title-5""#));
    assert!(page.html.contains(r#"value="Welcome""#));
    let (_, ev) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(ev["agenda"], json!([]));

    // Saved: times read in Madrid, stored in time order, an empty row skipped.
    let page = ana
        .submit(
            &path,
            vec![
                ("starts_at-0", "2027-03-10T11:30".into()),
                ("title-0", "Walk to the new lane".into()),
                ("speaker-0", "Marta".into()),
                ("title-1", "".into()),
                ("starts_at-2", "2027-03-10T10:00".into()),
                ("title-2", "Welcome".into()),
                ("description-2", "Coffee first".into()),
                ("action", "save".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), path);
    let (_, ev) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    let agenda = ev["agenda"].as_array().unwrap();
    assert_eq!(agenda.len(), 2);
    assert_eq!(agenda[0]["title"], "Welcome");
    assert_eq!(agenda[0]["starts_at"], "2027-03-10T09:00:00Z");
    assert_eq!(agenda[1]["speaker"], "Marta");
    let page = ana.get(&path).await;
    assert!(page.html.contains("The agenda is saved."));
    assert!(page.html.contains(r#"value="2027-03-10T10:00""#));

    // Refused: a time before the event, on the row it was typed in, with all input kept.
    let page = ana
        .submit(
            &path,
            vec![
                ("starts_at-0", "2027-03-10T10:00".into()),
                ("title-0", "Welcome".into()),
                ("starts_at-1", "2027-03-10T08:00".into()),
                ("title-1", "Too early breakfast".into()),
                ("starts_at-2", "not a time".into()),
                ("title-2", "Broken".into()),
                ("action", "save".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains("error-summary"));
    assert!(page.html.contains(r#"value="Too early breakfast""#));
    assert!(page.html.contains(r#"id="e-starts_at-2""#), "{}", page.html);
    let page = ana
        .submit(
            &path,
            vec![
                ("starts_at-0", "2027-03-10T10:00".into()),
                ("title-0", "Welcome".into()),
                ("starts_at-1", "2027-03-10T08:00".into()),
                ("title-1", "Too early breakfast".into()),
                ("action", "save".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains(r#"id="e-starts_at-1""#), "{}", page.html);
    assert!(
        page.html
            .contains("Choose a time between the start and the end")
    );
    assert!(page.html.contains(r#"value="Too early breakfast""#));
    let (_, ev) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(ev["agenda"].as_array().unwrap().len(), 2, "nothing stored");

    // Removing a row by its checkbox.
    let page = ana
        .submit(
            &path,
            vec![
                ("starts_at-0", "2027-03-10T10:00".into()),
                ("title-0", "Welcome".into()),
                ("starts_at-1", "2027-03-10T11:30".into()),
                ("title-1", "Walk to the new lane".into()),
                ("remove-1", "on".into()),
                ("action", "save".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let (_, ev) = app.get(&format!("/api/v1/events/{eid}"), None).await;
    assert_eq!(ev["agenda"].as_array().unwrap().len(), 1);
}

/// Carl and Dora get the two seats, Emil the waitlist.
async fn three_registrants(app: &TestApp, eid: &str) -> [TestUser; 3] {
    let carl = app.register("carl").await;
    let dora = app.register("dora").await;
    let emil = app.register("emil").await;
    for u in [&carl, &dora, &emil] {
        app.register_for_event(u, eid).await;
    }
    [carl, dora, emil]
}

async fn api_csv(app: &TestApp, user: &TestUser, eid: &str) -> String {
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/events/{eid}/registrations?format=csv")))
        .bearer_auth(&user.access)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

#[tokio::test]
async fn registrations_are_sorted_filtered_and_downloaded_as_the_api_s_csv() {
    let app = TestApp::spawn().await;
    let (eid, ana, mut v, _) = ana_moderates(&app, json!({"capacity": 2})).await;
    three_registrants(&app, &eid).await;
    let path = format!("/events/{eid}/registrations");
    let page = v.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains("2 seated · 1 on the waitlist · 0 attended · 0 cancelled"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Waitlisted, number 1"));
    assert!(
        page.html
            .contains(&format!(r#"href="/events/{eid}/registrations.csv""#))
    );

    let order = |html: &str, names: &[&str]| {
        let at: Vec<usize> = names
            .iter()
            .map(|n| html.find(&format!(r#"<th scope="row">{n}</th>"#)).unwrap())
            .collect();
        at.windows(2).all(|w| w[0] < w[1])
    };
    let page = v.get(&format!("{path}?sort=name&dir=desc")).await;
    assert!(
        order(&page.html, &["emil", "dora", "carl"]),
        "{}",
        page.html
    );
    assert!(page.html.contains(r#"aria-sort="descending""#));
    let page = v.get(&format!("{path}?sort=name&dir=asc")).await;
    assert!(order(&page.html, &["carl", "dora", "emil"]));

    let page = v.get(&format!("{path}?status=waitlisted")).await;
    assert!(page.html.contains(r#"<th scope="row">emil</th>"#));
    assert!(!page.html.contains(r#"<th scope="row">carl</th>"#));
    assert!(page.html.contains("1 person shown"));

    let page = v.get(&format!("{path}.csv")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        page.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    assert_eq!(page.html, api_csv(&app, &ana, &eid).await);
    assert_eq!(page.html.lines().count(), 4);
}

#[tokio::test]
async fn check_in_marks_attended_once_however_often_the_tap_arrives() {
    let app = TestApp::spawn().await;
    let (eid, ana, mut v, _) = ana_moderates(&app, json!({"capacity": 2})).await;
    let [carl, dora, emil] = three_registrants(&app, &eid).await;
    let path = format!("/events/{eid}/check-in");
    let page = v.get(&path).await;
    assert!(page.html.contains("0 of 2 checked in"), "{}", page.html);
    assert!(page.html.contains("carl") && page.html.contains("dora"));
    assert!(!page.html.contains("emil@"), "only people with a seat");
    assert!(page.html.contains("checkin.js"));

    // Without JavaScript: a form per row, then the screen again.
    let mark = |who: &TestUser, attended: &str| {
        vec![
            ("user_id", who.id.to_string()),
            ("attended", attended.to_owned()),
            ("q", "car".to_owned()),
        ]
    };
    let page = v.submit(&path, mark(&carl, "true")).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), format!("{path}?q=car"));
    let page = v.get(&format!("{path}?q=car")).await;
    assert!(page.html.contains("1 of 2 checked in"));
    assert!(page.html.contains("Marked as attended."));

    // The same tap again (a retry whose answer was lost): nothing changes.
    let page = v.submit(&path, mark(&carl, "true")).await;
    assert_eq!(page.status, 303);
    assert!(v.get(&path).await.html.contains("1 of 2 checked in"));

    // As checkin.js sends it: JSON back, idempotent too.
    let origin = v.base.clone();
    let csrf = v.cookies["csrf"].clone();
    for _ in 0..2 {
        let page = v
            .request(
                reqwest::Method::POST,
                &path,
                Some(vec![
                    ("csrf", csrf.clone()),
                    ("user_id", dora.id.to_string()),
                    ("attended", "true".into()),
                ]),
                &[("origin", &origin), ("accept", "application/json")],
            )
            .await;
        assert_eq!(page.status, 200, "{}", page.html);
        let body: Value = serde_json::from_str(&page.html).unwrap();
        assert_eq!(body["counts"]["attended"], 2);
    }
    let csv = api_csv(&app, &ana, &eid).await;
    assert_eq!(csv.matches(",yes,").count(), 2, "{csv}");

    // Undo.
    v.submit(&path, mark(&dora, "false")).await;
    assert!(v.get(&path).await.html.contains("1 of 2 checked in"));

    // Someone on the waitlist has no seat to check in with.
    let page = v.submit(&path, mark(&emil, "true")).await;
    assert_eq!(page.status, 404);

    // The search without JavaScript hides who does not match.
    let page = v.get(&format!("{path}?q=dor")).await;
    let carl_row = page
        .html
        .find(&format!(r#"data-user="{}""#, carl.id))
        .unwrap();
    assert!(page.html[carl_row..carl_row + 80].contains("hidden"));
}

#[tokio::test]
async fn minutes_from_the_transcript_a_stale_save_keeps_the_text_and_versions_are_listed() {
    let app = TestApp::spawn().await;
    let (eid, _ana, mut ana, boss) = ana_moderates(&app, json!({})).await;
    let path = format!("/events/{eid}/minutes/edit");
    let page = ana.get(&path).await;
    assert!(page.html.contains("No minutes yet."));
    assert!(page.html.contains(r#"name="version" value="""#));

    // Preview: the whole page without htmx, only the preview with it.
    let form = |md: &str, version: &str, action: &str| {
        vec![
            ("markdown", md.to_owned()),
            ("version", version.to_owned()),
            ("action", action.to_owned()),
        ]
    };
    let page = ana
        .submit(&path, form("We agreed on **two** lanes.", "", "preview"))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("<strong>two</strong>"));
    assert!(
        page.html.contains("We agreed on **two** lanes."),
        "the text stays"
    );
    let origin = ana.base.clone();
    let mut fields = form("A *preview*", "", "preview");
    fields.push(("csrf", ana.cookies["csrf"].clone()));
    let page = ana
        .request(
            reqwest::Method::POST,
            &path,
            Some(fields),
            &[("origin", &origin), ("hx-request", "true")],
        )
        .await;
    assert!(page.html.contains("<em>preview</em>"));
    assert!(!page.html.contains("<html"));
    let (status, _) = app
        .get(&format!("/api/v1/events/{eid}/minutes"), Some(&boss.access))
        .await;
    assert_eq!(status, 404, "a preview stores nothing");

    // The first minutes, then a co-moderator's version 2 through the API.
    let page = ana
        .submit(&path, form("We agreed on **two** lanes.", "", "save"))
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let page = ana.get(&path).await;
    assert!(page.html.contains("The minutes are saved."));
    assert!(page.html.contains(r#"name="version" value="1""#));
    app.request(
        reqwest::Method::PUT,
        &format!("/api/v1/events/{eid}/minutes"),
        Some(&boss.access),
        Some(json!({"markdown": "Boss: three lanes.", "version": 1})),
    )
    .await;

    // Ana saves what she started from version 1: refused, her text kept, theirs shown.
    let page = ana
        .submit(&path, form("Ana: two lanes and a bridge.", "1", "save"))
        .await;
    assert_eq!(page.status, 409, "{}", page.html);
    assert!(page.html.contains("Someone else saved the minutes"));
    assert!(page.html.contains("Ana: two lanes and a bridge."));
    assert!(page.html.contains("Boss: three lanes."));
    assert!(page.html.contains(r#"name="version" value="2""#));
    let (_, m) = app
        .get(&format!("/api/v1/events/{eid}/minutes"), Some(&boss.access))
        .await;
    assert_eq!(m["markdown"], "Boss: three lanes.");
    // Saving again, knowingly, over version 2.
    let page = ana
        .submit(&path, form("Ana: two lanes and a bridge.", "2", "save"))
        .await;
    assert_eq!(page.status, 303);

    // From the room's transcript, as version 4.
    let page = ana
        .submit(
            &format!("/events/{eid}/minutes/from-room"),
            vec![("version", "3".into())],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let (_, m) = app
        .get(&format!("/api/v1/events/{eid}/minutes"), Some(&boss.access))
        .await;
    assert_eq!(m["version"], 4);
    // A stale "from the transcript" is refused too.
    let page = ana
        .submit(
            &format!("/events/{eid}/minutes/from-room"),
            vec![("version", "3".into())],
        )
        .await;
    assert_eq!(page.status, 409);

    let page = ana.get(&format!("/events/{eid}/minutes/revisions")).await;
    assert_eq!(page.status, 200);
    for n in 1..=4 {
        assert!(
            page.html.contains(&format!("Version {n}</a>")),
            "{}",
            page.html
        );
    }
    assert!(
        page.html.contains("From the room&#39;s transcript")
            || page.html.contains("From the room's transcript")
    );
    let page = ana.get(&format!("/events/{eid}/minutes/revisions/1")).await;
    assert!(page.html.contains("<strong>two</strong>"));
    let page = ana.get(&format!("/events/{eid}/minutes/revisions/9")).await;
    assert_eq!(page.status, 404);
}

#[tokio::test]
async fn moderators_are_added_by_email_and_the_last_one_stays() {
    let app = TestApp::spawn().await;
    let (eid, ana, mut v, boss) = ana_moderates(&app, json!({})).await;
    let fred = app.register("fred").await;
    let path = format!("/events/{eid}/moderators");
    let page = v.get(&path).await;
    assert!(page.html.contains("boss") && page.html.contains("ana"));

    let page = v
        .submit(&path, vec![("email", "nobody@example.org".into())])
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains("No account has this email address"));
    assert!(page.html.contains(r#"value="nobody@example.org""#));

    let page = v.submit(&path, vec![("email", fred.email.clone())]).await;
    assert_eq!(page.status, 303);
    let page = v.get(&path).await;
    assert!(page.html.contains("The moderator is added."));
    assert!(page.html.contains(r#"<th scope="row">fred"#));
    let page = v.submit(&path, vec![("email", fred.email.clone())]).await;
    assert_eq!(page.status, 409);
    assert!(page.html.contains("already moderates"));

    for who in [&fred, &boss] {
        let page = v.submit(&format!("{path}/{}/remove", who.id), vec![]).await;
        assert_eq!(page.status, 303, "{}", page.html);
    }
    // Ana is the last one: the service keeps her, and the page says why.
    let page = v.submit(&format!("{path}/{}/remove", ana.id), vec![]).await;
    assert_eq!(page.status, 409, "{}", page.html);
    assert!(page.html.contains("last moderator"));
    let (_, list) = app
        .get(&format!("/api/v1/events/{eid}/moderators"), None)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

async fn upload(v: &mut Visitor, path: &str, title: &str) -> (StatusCode, String) {
    if !v.cookies.contains_key("csrf") {
        v.get("/").await;
    }
    let form = Form::new()
        .text("csrf", v.cookies["csrf"].clone())
        .text("title", title.to_owned())
        .part(
            "file",
            Part::bytes(b"%PDF-1.7\n\x01\x02\x03\xff\xfe".repeat(50))
                .file_name("slides.pdf")
                .mime_str("application/octet-stream")
                .unwrap(),
        );
    let cookies = v
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}{path}", v.base))
        .header("cookie", cookies)
        .header("origin", &v.base)
        .multipart(form)
        .send_checked()
        .await
        .unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location)
}

#[tokio::test]
async fn materials_are_uploaded_by_moderators_listed_to_all_and_deleted() {
    let app = TestApp::spawn().await;
    let (eid, _ana, mut ana, _) = ana_moderates(&app, json!({})).await;
    let (_bob, mut bob) = signed_in(&app, "bob").await;
    let path = format!("/events/{eid}/materials");
    let page = ana.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Materials: Bike lanes at the door"));
    assert!(page.html.contains(r#"enctype="multipart/form-data""#));

    let (status, location) = upload(&mut ana, &path, "Slides").await;
    assert_eq!(status, 303);
    assert_eq!(location, path);
    let page = ana.get(&path).await;
    assert!(page.html.contains("Download Slides"), "{}", page.html);

    // Bob sees and downloads them, but has no upload form and cannot upload.
    let page = bob.get(&path).await;
    assert!(page.html.contains("Download Slides"));
    assert!(!page.html.contains(r#"enctype="multipart/form-data""#));
    let (status, _) = upload(&mut bob, &path, "Spam").await;
    assert_eq!(status, 403);

    let at = page.html.find(r#"href="/documents/"#).unwrap() + r#"href="/documents/"#.len();
    let doc = page.html[at..at + 36].to_owned();
    let page = bob
        .submit(&format!("/documents/{doc}/delete"), vec![])
        .await;
    assert_eq!(page.status, 403);
    let page = ana
        .submit(&format!("/documents/{doc}/delete"), vec![])
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), path);
    assert!(!ana.get(&path).await.html.contains("Download Slides"));
}

/// The minutes are the moderators' draft until published: the participant's event page
/// does not show them, the moderator's shows them with a note; once Ana publishes them
/// (a real form, 303 back with a notice) the participant reads them, and withdrawing
/// hides them again. A participant cannot publish them.
#[tokio::test]
async fn minutes_show_on_the_event_page_once_a_moderator_publishes_them() {
    let app = TestApp::spawn().await;
    let (eid, _ana, mut ana, _boss) = ana_moderates(&app, json!({})).await;
    let (pia, mut pia_v) = signed_in(&app, "pia").await;
    app.post_ok(
        201,
        &format!("/api/v1/events/{eid}/registrations"),
        Some(&pia.access),
        json!({}),
    )
    .await;
    let edit = format!("/events/{eid}/minutes/edit");
    let page = ana.get(&edit).await;
    assert!(
        !page.html.contains("Publish the minutes"),
        "nothing to publish yet"
    );

    let page = ana
        .submit(
            &edit,
            vec![
                ("markdown", "We chose **the river route**.".into()),
                ("version", String::new()),
                ("action", "save".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let page = ana.get(&edit).await;
    assert!(
        page.html.contains("Not published: only the event"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Publish the minutes"));

    let show = {
        let page = pia_v.get(&format!("/events/{eid}")).await;
        assert_eq!(page.status, 301, "{}", page.html);
        page.location().to_owned()
    };
    let page = pia_v.get(&show).await;
    assert_eq!(page.status, 200);
    assert!(!page.html.contains("the river route"), "{}", page.html);
    let page = ana.get(&show).await;
    assert!(page.html.contains("<strong>the river route</strong>"));
    assert!(page.html.contains("Not published yet: only the event"));

    // Pia may not publish them, by the page or otherwise.
    let page = pia_v
        .submit(&format!("/events/{eid}/minutes/publish"), vec![])
        .await;
    assert_eq!(page.status, 403, "{}", page.html);
    assert!(!pia_v.get(&show).await.html.contains("the river route"));

    let page = ana
        .submit(&format!("/events/{eid}/minutes/publish"), vec![])
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), edit);
    let page = ana.get(&edit).await;
    assert!(
        page.html.contains("The minutes are published"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Published on "));
    assert!(page.html.contains("Withdraw the minutes"));
    let (status, m) = app
        .get(&format!("/api/v1/events/{eid}/minutes"), Some(&pia.access))
        .await;
    assert_eq!(status, 200, "{m}");
    assert!(m["published_at"].is_string());

    let page = pia_v.get(&show).await;
    assert!(
        page.html.contains("<strong>the river route</strong>"),
        "{}",
        page.html
    );
    assert!(!page.html.contains("Not published yet"));

    // Withdrawn: gone from Pia's page again.
    let page = ana
        .submit(&format!("/events/{eid}/minutes/unpublish"), vec![])
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert!(
        ana.get(&edit)
            .await
            .html
            .contains("The minutes are withdrawn")
    );
    assert!(!pia_v.get(&show).await.html.contains("the river route"));
}
