//! The practices pages over plain HTTP, as a browser without JavaScript (and htmx, where it
//! asks for fragments) sees them: writing a practice up, publishing it, finding it,
//! reading, commenting, endorsing, revisions.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, id};
use crate::pages::{Page, Visitor};

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

/// A form POST the way htmx sends it from this site's page.
async fn htmx_submit(v: &mut Visitor, path: &str, mut fields: Vec<(&str, String)>) -> Page {
    fields.push(("csrf", v.cookies["csrf"].clone()));
    let origin = v.base.clone();
    v.request(
        Method::POST,
        path,
        Some(fields),
        &[("origin", &origin), ("hx-request", "true")],
    )
    .await
}

fn practice_form(org: &str, theme: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organization_id", org.to_owned()),
        ("title", "Superblocks for a calmer city centre".into()),
        (
            "summary",
            "Closing inner streets to through traffic and giving them back to people.".into(),
        ),
        (
            "body",
            "# Why\n\nNoise.\n\n## What we did\n\nWe reorganised **nine blocks** into one superblock."
                .into(),
        ),
        ("theme_ids", theme.to_owned()),
        ("tags", "traffic calming, public space".into()),
        ("language", "en".into()),
        ("implementation_status", "ongoing".into()),
        ("start_date", "2019-05-01".into()),
        ("budget_amount", "1250000".into()),
        ("budget_currency", "EUR".into()),
        ("funding_sources", "ERDF\nMunicipal budget".into()),
        ("results", "Traffic **down 74 %**.".into()),
        ("lessons_learned", "Talk to the shops first.".into()),
        ("transferability", "Works in any grid.".into()),
        ("indicators", "Through traffic | vehicles/day | 12000 | 3100 | 2023".into()),
        ("links", "https://valencia.example/superblocks Project page".into()),
        ("contact_name", "Ana".into()),
        ("contact_email", "ana@valencia.example".into()),
        ("action", "save".into()),
    ]
}

/// The practice id in a `/practices/{id}-{slug}` address.
fn id_in(location: &str) -> String {
    let rest = location.strip_prefix("/practices/").unwrap();
    rest[..36].to_owned()
}

/// The `href` of the first link whose text contains `text`.
fn link_to(html: &str, text: &str) -> String {
    let at = html
        .find(text)
        .unwrap_or_else(|| panic!("no {text:?} in {html}"));
    let start = html[..at].rfind("href=\"").unwrap() + 6;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].replace("&#38;", "&")
}

#[tokio::test]
async fn a_write_up_is_published_found_by_a_typo_and_a_facet_then_commented_and_endorsed() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana_api = app.register("ana").await;
    let valencia = app.city(&ana_api, "Valencia", "ES").await;
    let mut ana = signed_in(&app, "ana").await;

    // The form offers her organization and the themes by name.
    let form = ana.get("/practices/new").await;
    assert_eq!(form.status, 200);
    assert!(
        form.html
            .contains(&format!(r#"<option value="{valencia}""#))
    );
    assert!(form.html.contains("Green mobility"), "{}", form.html);

    let page = ana
        .submit(
            "/practices/new",
            practice_form(&valencia, &themes["green-mobility"]),
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let at = page.location().to_owned();
    assert!(
        at.ends_with("-superblocks-for-a-calmer-city-centre"),
        "{at}"
    );
    let pid = id_in(&at);
    let stored = app
        .get_ok(&format!("/api/v1/practices/{pid}"), Some(&ana_api.access))
        .await;
    assert_eq!(stored["status"], "draft");
    assert_eq!(
        stored["budget"],
        json!({"amount": 1250000.0, "currency": "EUR"})
    );
    assert_eq!(stored["indicators"][0]["baseline"], 12000.0);
    assert_eq!(stored["links"][0]["title"], "Project page");
    assert_eq!(
        stored["funding_sources"],
        json!(["ERDF", "Municipal budget"])
    );

    // A draft: its organization sees it, nobody else does.
    let draft = ana.get(&at).await;
    assert_eq!(draft.status, 200);
    assert!(draft.html.contains("Draft"));
    let mut stranger = Visitor::new(&app);
    assert_eq!(stranger.get(&at).await.status, 404);
    app.register("carl").await;
    let mut carl = signed_in(&app, "carl").await;
    assert_eq!(carl.get(&at).await.status, 404);
    assert_eq!(
        carl.get(&format!("/practices/{pid}/edit")).await.status,
        404
    );
    // Nor can he publish it.
    let refused = carl
        .submit(&format!("/practices/{pid}/publish"), vec![])
        .await;
    assert_eq!(refused.status, 404);

    let published = ana
        .submit(&format!("/practices/{pid}/publish"), vec![])
        .await;
    assert_eq!(published.status, 303);
    assert_eq!(published.location(), at);
    assert!(
        ana.get(&at)
            .await
            .html
            .contains("The practice is published.")
    );

    // Another visitor finds it with a typo, then narrows by theme (shown by its name).
    let mut bea = Visitor::new(&app);
    let found = bea.get("/practices?q=superbloks").await;
    assert_eq!(found.status, 200);
    assert!(
        found.html.contains("Superblocks for a calmer city centre"),
        "{}",
        found.html
    );
    assert!(found.html.contains("One practice found"));
    assert!(!found.html.contains(">green-mobility<"));
    let facet = link_to(&found.html, "Green mobility <span class=\"facet-count\">");
    assert!(
        facet.contains("q=superbloks") && facet.contains("theme=green-mobility"),
        "{facet}"
    );
    let narrowed = bea.get(&facet).await;
    assert!(
        narrowed
            .html
            .contains("Superblocks for a calmer city centre")
    );
    assert!(
        narrowed.html.contains("Theme: Green mobility"),
        "the active filter is a chip: {}",
        narrowed.html
    );
    // The search form does not carry the filter into a new query unless it is ticked.
    assert!(
        narrowed
            .html
            .contains(r#"form="search-form" name="theme" value="green-mobility">"#)
    );
    // Another theme's facet finds nothing; the count says so.
    let other = bea.get("/practices?q=superbloks&theme=water").await;
    assert!(other.html.contains("No practices found"), "{}", other.html);
    // htmx gets the results region and the count, not the page.
    let fragment = bea
        .request(Method::GET, &facet, None, &[("hx-request", "true")])
        .await;
    assert_eq!(fragment.status, 200);
    assert!(!fragment.html.contains("<html"));
    assert!(fragment.html.contains(r#"hx-swap-oob="innerHTML""#));
    assert!(
        fragment
            .html
            .contains("Superblocks for a calmer city centre")
    );

    // She reads it, signs up, comments, replies and endorses.
    let read = bea.get(&at).await;
    assert_eq!(stranger.get(&at).await.status, 200);
    assert!(read.html.contains("<strong>nine blocks</strong>"));
    assert!(read.html.contains("Sign in to comment"));
    assert!(
        !read.html.contains("ana@valencia.example"),
        "contacts are for members"
    );
    bea.sign_up("Bea").await;
    let read = bea.get(&at).await;
    assert!(read.html.contains("ana@valencia.example"));
    let empty = bea
        .submit(
            &format!("/practices/{pid}/comments"),
            vec![("body", "   ".into())],
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(
        empty.html.contains(r##"<a href="#f-body">"##),
        "{}",
        empty.html
    );
    let sent = bea
        .submit(
            &format!("/practices/{pid}/comments"),
            vec![("body", "How did the **shops** react?".into())],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.html);
    assert_eq!(sent.location(), format!("{at}#comments"));
    let read = bea.get(&at).await;
    assert!(
        read.html
            .contains("How did the <strong>shops</strong> react?")
    );
    let cid = app
        .db()
        .await
        .query_one("SELECT id::text FROM practice_comments", &[])
        .await
        .unwrap()
        .get::<_, String>(0);
    // The author answers with htmx: the comments region comes back with the reply.
    let reply = htmx_submit(
        &mut ana,
        &format!("/practices/{pid}/comments"),
        vec![
            ("body", "They asked for more.".into()),
            ("parent_id", cid.clone()),
        ],
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.html);
    assert!(
        reply.html.starts_with("<section id=\"comments\""),
        "{}",
        reply.html
    );
    assert!(reply.html.contains("They asked for more."));
    assert!(reply.html.contains("2 comments"));

    let endorsed = bea
        .submit(
            &format!("/practices/{pid}/endorsement"),
            vec![("endorse", "yes".into())],
        )
        .await;
    assert_eq!(endorsed.status, 303);
    let read = bea.get(&at).await;
    assert!(read.html.contains("One endorsement"), "{}", read.html);
    assert!(read.html.contains("Withdraw my endorsement"));
    assert_eq!(app.count("practice_endorsements").await, 1);
    // Withdrawing with htmx answers the region in place.
    let withdrawn = htmx_submit(
        &mut bea,
        &format!("/practices/{pid}/endorsement"),
        vec![("endorse", "no".into())],
    )
    .await;
    assert_eq!(withdrawn.status, 200);
    assert!(
        withdrawn.html.contains("0 endorsements"),
        "{}",
        withdrawn.html
    );
    assert!(withdrawn.html.contains("Endorse this practice"));
    assert_eq!(app.count("practice_endorsements").await, 0);

    // The author sees the comment on her practice.
    let mine = ana.get(&at).await;
    assert!(
        mine.html
            .contains("How did the <strong>shops</strong> react?")
    );
    assert!(mine.html.contains("Bea"));
}

#[tokio::test]
async fn a_form_with_problems_comes_back_with_them_and_the_input() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana_api = app.register("ana").await;
    let valencia = app.city(&ana_api, "Valencia", "ES").await;
    let mut ana = signed_in(&app, "ana").await;

    let mut fields = practice_form(&valencia, &themes["green-mobility"]);
    fields.retain(|(k, _)| *k != "theme_ids");
    for (k, v) in &mut fields {
        if *k == "title" {
            *v = "ab".into();
        }
        if *k == "summary" {
            *v = "Kept as typed".into();
        }
    }
    let page = ana.submit("/practices/new", fields.clone()).await;
    assert_eq!(page.status, 422, "{}", page.html);
    for field in ["title", "theme_ids"] {
        assert!(
            page.html.contains(&format!(r##"<a href="#f-{field}">"##)),
            "{field} is not in the summary: {}",
            page.html
        );
    }
    assert!(page.html.contains("Use at least 3 characters."));
    assert!(page.html.contains(">Kept as typed</textarea>"));
    assert!(page.html.contains(r#"value="ab""#));
    // A line the form cannot read is named at its field, and nothing is stored.
    for (k, v) in &mut fields {
        if *k == "indicators" {
            *v = "Through traffic | vehicles/day".into();
        }
        if *k == "title" {
            *v = "Superblocks".into();
        }
    }
    fields.push(("theme_ids", themes["green-mobility"].clone()));
    let page = ana.submit("/practices/new", fields).await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains(r#"id="e-indicators""#), "{}", page.html);
    assert_eq!(app.count("practices").await, 0);

    // Someone who is not in the organization cannot write for it.
    app.register("carl").await;
    let mut carl = signed_in(&app, "carl").await;
    let page = carl
        .submit(
            "/practices/new",
            practice_form(&valencia, &themes["green-mobility"]),
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.count("practices").await, 0);
    // Signed out, the form is a trip to the sign-in page and back.
    let page = Visitor::new(&app).get("/practices/new").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/sign-in?next=%2Fpractices%2Fnew");
}

#[tokio::test]
async fn a_published_page_has_one_address_a_title_a_description_and_a_canonical_link() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana = app.register("ana").await;
    let valencia = app.city(&ana, "Valencia", "ES").await;
    let p = app
        .create_practice(
            &ana,
            json!({
                "organization_id": valencia,
                "title": "Bike lanes & <calm> streets",
                "summary": "Protected lanes on every arterial road.",
                "body": "# Plan\n\n## Steps\n\nPaint, then kerbs.",
                "theme_ids": [themes["green-mobility"]],
                "language": "en",
                "implementation_status": "completed",
            }),
        )
        .await;
    let pid = id(&p).to_owned();
    app.publish_practice(&ana, &pid).await;
    let canonical = format!("/practices/{pid}-bike-lanes-calm-streets");

    let mut v = Visitor::new(&app);
    let moved = v.get(&format!("/practices/{pid}")).await;
    assert_eq!(moved.status, 301);
    assert_eq!(moved.location(), canonical);
    let moved = v.get(&format!("/practices/{pid}-old-title")).await;
    assert_eq!(moved.status, 301);
    assert_eq!(moved.location(), canonical);
    assert_eq!(v.get("/practices/not-a-practice").await.status, 404);
    assert_eq!(
        v.get(&format!("/practices/{}", uuid_like())).await.status,
        404
    );

    let page = v.get(&canonical).await;
    assert_eq!(page.status, 200);
    let html = &page.html;
    assert!(
        html.contains("<title>Bike lanes &#38; &#60;calm&#62; streets · livinglab</title>"),
        "{html}"
    );
    assert!(html.contains(
        r#"<meta name="description" content="Protected lanes on every arterial road.">"#
    ));
    assert!(html.contains(&format!(
        r#"<link rel="canonical" href="{}{canonical}">"#,
        v.base
    )));
    assert!(html.contains(
        r#"<meta property="og:title" content="Bike lanes &#38; &#60;calm&#62; streets">"#
    ));
    assert!(!html.contains("noindex"));
    // The title is the only h1: the write-up's own headings sit below it.
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(
        html.contains("<h2>Plan</h2>") && html.contains("<h3>Steps</h3>"),
        "{html}"
    );
    // Documents load into their section, with a plain link without JavaScript.
    assert!(html.contains(&format!(
        r#"hx-get="/practices/{pid}/documents" hx-trigger="load""#
    )));
    assert!(html.contains(&format!(r#"<a href="/practices/{pid}/documents">"#)));
}

fn uuid_like() -> String {
    "0190d7a2-0000-7000-8000-000000000000".to_owned()
}

#[tokio::test]
async fn revisions_are_listed_and_two_compare_side_by_side() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana_api = app.register("ana").await;
    let valencia = app.city(&ana_api, "Valencia", "ES").await;
    let mut ana = signed_in(&app, "ana").await;
    let page = ana
        .submit(
            "/practices/new",
            practice_form(&valencia, &themes["green-mobility"]),
        )
        .await;
    let pid = id_in(page.location());

    // The edit form holds every field as stored.
    let form = ana.get(&format!("/practices/{pid}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(
        form.html
            .contains("Through traffic | vehicles/day | 12000 | 3100 | 2023")
    );
    assert!(form.html.contains(r#"value="1250000""#));

    let mut edited = practice_form(&valencia, &themes["green-mobility"]);
    edited.retain(|(k, _)| *k != "organization_id");
    for (k, v) in &mut edited {
        if *k == "title" {
            *v = "Superblocks for quieter streets".into();
        }
    }
    // A preview shows the Markdown and stores nothing.
    let mut preview = edited.clone();
    preview.push(("action", "preview".into()));
    preview.retain(|(k, v)| *k != "action" || v == "preview");
    let shown = ana
        .submit(&format!("/practices/{pid}/edit"), preview.clone())
        .await;
    assert_eq!(shown.status, 200);
    assert!(shown.html.contains("<strong>nine blocks</strong>"));
    assert!(
        shown
            .html
            .contains(r#"value="Superblocks for quieter streets""#)
    );
    let fragment = htmx_submit(&mut ana, &format!("/practices/{pid}/edit"), preview).await;
    assert!(fragment.html.contains("<strong>nine blocks</strong>"));
    assert!(!fragment.html.contains("<form"));
    assert_eq!(app.count("practice_revisions").await, 1);

    let saved = ana.submit(&format!("/practices/{pid}/edit"), edited).await;
    assert_eq!(saved.status, 303, "{}", saved.html);
    assert!(
        saved
            .location()
            .ends_with("-superblocks-for-quieter-streets")
    );
    assert_eq!(app.count("practice_revisions").await, 2);

    let list = ana.get(&format!("/practices/{pid}/revisions")).await;
    assert_eq!(list.status, 200);
    assert!(
        list.html.contains("<th scope=\"row\">2</th>"),
        "{}",
        list.html
    );
    assert!(list.html.contains("<th scope=\"row\">1</th>"));
    let diff = ana
        .get(&format!("/practices/{pid}/compare?from=1&to=2"))
        .await;
    assert_eq!(diff.status, 200, "{}", diff.html);
    assert!(diff.html.contains("Revision 1 and revision 2"));
    let del = diff
        .html
        .find("Superblocks for a calmer city centre")
        .unwrap();
    let ins = diff.html.rfind("Superblocks for quieter streets").unwrap();
    assert!(
        diff.html[..del].ends_with("Removed: </span>"),
        "{}",
        diff.html
    );
    assert!(
        diff.html[..ins].ends_with("Added: </span>"),
        "{}",
        diff.html
    );
    assert!(del < ins, "the old text on the left, the new on the right");
    // Unchanged lines stand on both sides, unmarked.
    assert!(
        diff.html
            .contains("<td class=\"\">Talk to the shops first.</td>")
    );

    // Others see no revisions.
    app.register("carl").await;
    let mut carl = signed_in(&app, "carl").await;
    assert_eq!(
        carl.get(&format!("/practices/{pid}/revisions"))
            .await
            .status,
        404
    );
    assert_eq!(
        carl.get(&format!("/practices/{pid}/compare?from=1&to=2"))
            .await
            .status,
        404
    );
    assert_eq!(
        ana.get(&format!("/practices/{pid}/compare?from=x&to=2"))
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn another_city_records_adopting_it_and_the_author_archives_it() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let ana_api = app.register("ana").await;
    let valencia = app.city(&ana_api, "Valencia", "ES").await;
    let mut form = practice_form(&valencia, &themes["green-mobility"]);
    form.retain(|(k, _)| *k != "action");
    let mut ana = signed_in(&app, "ana").await;
    let at = ana
        .submit("/practices/new", form)
        .await
        .location()
        .to_owned();
    let pid = id_in(&at);
    ana.submit(&format!("/practices/{pid}/publish"), vec![])
        .await;

    let lea_api = app.register("lea").await;
    let lyon = app.city(&lea_api, "Lyon", "FR").await;
    let mut lea = signed_in(&app, "lea").await;
    let page = lea.get(&at).await;
    assert!(page.html.contains("We adopted this"));
    assert!(page.html.contains(&format!(r#"<option value="{lyon}""#)));
    // Its own organization is not offered to the author.
    assert!(!ana.get(&at).await.html.contains("We adopted this"));

    let adoption = |status: &str| {
        vec![
            ("organization_id", lyon.clone()),
            ("status", status.to_owned()),
            ("note", "Pilot in Part-Dieu".to_owned()),
        ]
    };
    let page = lea
        .submit(&format!("/practices/{pid}/adoptions"), adoption(""))
        .await;
    assert_eq!(page.status, 422);
    assert!(page.html.contains("Choose how far the adoption is."));
    assert!(page.html.contains(">Pilot in Part-Dieu</textarea>"));
    assert_eq!(app.count("practice_adoptions").await, 0);
    let page = lea
        .submit(
            &format!("/practices/{pid}/adoptions"),
            adoption("in_progress"),
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), format!("{at}#adoptions"));
    let page = lea.get(&at).await;
    assert!(page.html.contains("Lyon · In progress"), "{}", page.html);
    assert!(!page.html.contains(&format!(r#"<option value="{lyon}""#)));
    assert_eq!(app.count("practice_adoptions").await, 1);

    // A plain member of Lyon may not speak for it.
    let carl_api = app.register("carl").await;
    app.add_member(&lea_api, &lyon, &carl_api, "member").await;
    let mut carl = signed_in(&app, "carl").await;
    assert!(!carl.get(&at).await.html.contains("We adopted this"));
    let page = carl
        .submit(&format!("/practices/{pid}/adoptions"), adoption("planned"))
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.count("practice_adoptions").await, 1);

    // The author archives it: still readable, no longer in the catalogue (a page of it
    // that was just shown is not shown again).
    let mut reader = Visitor::new(&app);
    let found = reader.get("/practices?q=superblocks").await;
    assert!(found.html.contains("One practice found"), "{}", found.html);
    let page = ana
        .submit(&format!("/practices/{pid}/archive"), vec![])
        .await;
    assert_eq!(page.status, 303);
    let page = ana.get(&at).await;
    assert!(page.html.contains("The practice is archived."));
    assert!(page.html.contains(">Publish</button>"));
    assert_eq!(reader.get(&at).await.status, 200);
    let found = reader.get("/practices?q=superblocks").await;
    assert!(found.html.contains("No practices found"), "{}", found.html);
    // Archiving twice is refused as the service refuses it.
    let page = ana
        .submit(&format!("/practices/{pid}/archive"), vec![])
        .await;
    assert_eq!(page.status, 409);
}
