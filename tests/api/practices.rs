//! Good-practice write-ups over HTTP: records, revisions, visibility, search, comments,
//! endorsements, adoptions, export, and the cache across two instances.

use crate::contract::Checked as _;
use std::collections::HashSet;
use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, assert_error, collect_pages, id, merge};

/// A city of `owner`'s with `population`; its id.
async fn org(
    app: &TestApp,
    owner: &TestUser,
    name: &str,
    country: &str,
    population: i64,
) -> String {
    let o = app
        .create_org(
            owner,
            json!({"name": name, "kind": "city", "country": country, "population": population}),
        )
        .await;
    id(&o).to_owned()
}

fn practice_body(org: &str, theme: &str, extra: Value) -> Value {
    merge(
        json!({
            "organization_id": org,
            "title": "Superblocks for a calmer city centre",
            "summary": "Closing inner streets to through traffic and giving them back to people.",
            "body": "## What we did\n\nWe reorganised **nine blocks** into one superblock.",
            "theme_ids": [theme],
            "language": "en",
            "implementation_status": "ongoing",
        }),
        extra,
    )
}

#[tokio::test]
async fn create_edit_publish_revisions_and_visibility() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let mobility = &themes["green-mobility"];
    let owner = app.register("owner").await;
    let member = app.register("member").await;
    let stranger = app.register("stranger").await;
    let moderator = app.register("moderator").await;
    app.set_role(&moderator, "moderator").await;
    let valencia = org(&app, &owner, "Valencia", "ES", 800_000).await;
    app.add_member(&owner, &valencia, &member, "member").await;

    let p = app.create_practice(&owner,
        practice_body(
            &valencia,
            mobility,
            json!({
                "tags": ["superblock", "traffic calming", "Superblock"],
                "start_date": "2019-05-01",
                "budget": {"amount": 1250000.5, "currency": "eur"},
                "funding_sources": ["ERDF", "Municipal budget"],
                "stakeholders_involved": ["Residents' associations"],
                "location": {"lat": 39.47, "lon": -0.376, "place": "Ciutat Vella"},
                "indicators": [{"name": "Through traffic", "unit": "vehicles/day", "baseline": 12000, "value": 3100, "year": 2023}],
                "links": [{"url": "https://valencia.example/superblocks", "title": "Project page"}],
                "contact": {"name": "Ana", "email": "Ana@Valencia.example", "role": "Mobility officer"},
            }),
        ),
    )
    .await;
    assert_eq!(p["status"], "draft");
    assert_eq!(p["revision"], 1);
    assert_eq!(p["tags"], json!(["superblock", "traffic calming"]));
    assert_eq!(p["budget"]["currency"], "EUR");
    assert_eq!(p["contact"]["email"], "ana@valencia.example");
    assert_eq!(p["organization"]["name"], "Valencia");
    assert_eq!(p["organization"]["population"], 800_000);
    assert_eq!(p["themes"][0]["slug"], "green-mobility");
    assert!(
        p["html"]["body"]
            .as_str()
            .unwrap()
            .contains("<strong>nine blocks</strong>")
    );
    let pid = id(&p).to_owned();
    let path = format!("/api/v1/practices/{pid}");

    // Drafts: the organization's members and platform moderators only.
    let (s, b) = app.get(&path, None).await;
    assert_error(s, &b, 404, "not_found");
    let (s, b) = app.get(&path, Some(&stranger.access)).await;
    assert_error(s, &b, 404, "not_found");
    assert_eq!(app.get(&path, Some(&member.access)).await.0, 200);
    assert_eq!(app.get(&path, Some(&moderator.access)).await.0, 200);

    // Two edits: two more revisions, each naming what changed.
    let (s, b) = app
        .patch(
            &path,
            Some(&owner.access),
            json!({"title": "Superblocks: a calmer centre"}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["revision"], 2);
    let (s, b) = app
        .patch(
            &path,
            Some(&owner.access),
            json!({"results": "Traffic **down 74 %**.", "budget": null}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["revision"], 3);
    assert_eq!(b["budget"], Value::Null);
    assert_eq!(b["title"], "Superblocks: a calmer centre");
    // A PATCH that changes nothing stores no revision.
    let (s, b) = app
        .patch(
            &path,
            Some(&owner.access),
            json!({"title": "Superblocks: a calmer centre"}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["revision"], 3);
    // Members read but do not edit; strangers do not even see it.
    let (s, b) = app
        .patch(&path, Some(&member.access), json!({"title": "Mine now"}))
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .patch(&path, Some(&stranger.access), json!({"title": "Mine now"}))
        .await;
    assert_error(s, &b, 404, "not_found");
    let (s, b) = app
        .patch(
            &path,
            Some(&owner.access),
            json!({"organization_id": valencia}),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["organization_id"].is_string());

    app.publish_practice(&owner, id(&p)).await;
    let (s, b) = app
        .post(&format!("{path}/publish"), Some(&owner.access), json!({}))
        .await;
    assert_error(s, &b, 409, "invalid_transition");

    let (s, revs) = app
        .get(&format!("{path}/revisions"), Some(&owner.access))
        .await;
    assert_eq!(s, 200, "{revs}");
    let items = revs["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{revs}");
    assert_eq!(items[0]["number"], 3);
    assert_eq!(items[0]["changed_fields"], json!(["budget", "results"]));
    assert_eq!(items[1]["changed_fields"], json!(["title"]));
    assert_eq!(items[2]["number"], 1);
    assert_eq!(items[2]["author"]["display_name"], "owner");
    let (s, r1) = app
        .get(&format!("{path}/revisions/1"), Some(&member.access))
        .await;
    assert_eq!(s, 200, "{r1}");
    assert_eq!(
        r1["content"]["title"],
        "Superblocks for a calmer city centre"
    );
    assert_eq!(r1["content"]["budget"]["amount"], 1250000.5);
    let (s, b) = app
        .get(&format!("{path}/revisions/9"), Some(&owner.access))
        .await;
    assert_error(s, &b, 404, "not_found");
    // Revisions keep old texts: insiders only, even for a published record.
    let (s, b) = app
        .get(&format!("{path}/revisions"), Some(&stranger.access))
        .await;
    assert_error(s, &b, 403, "forbidden");

    // Published: anyone reads it; contact details only when signed in.
    let (s, anon) = app.get(&path, None).await;
    assert_eq!(s, 200, "{anon}");
    assert_eq!(anon["status"], "published");
    assert_eq!(anon["contact"], Value::Null);
    assert!(anon["published_at"].is_string());
    assert!(
        anon["html"]["results"]
            .as_str()
            .unwrap()
            .contains("<strong>")
    );
    let signed = app.get_ok(&path, Some(&stranger.access)).await;
    assert_eq!(signed["contact"]["name"], "Ana");

    // Hidden by a moderator: gone for the public, visible to the organization.
    let (s, b) = app
        .post(
            &format!("{path}/hide"),
            Some(&stranger.access),
            json!({"reason": "spam"}),
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .post(
            &format!("{path}/hide"),
            Some(&moderator.access),
            json!({"reason": " "}),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["reason"].is_string());
    let (s, b) = app
        .post(
            &format!("{path}/hide"),
            Some(&moderator.access),
            json!({"reason": "Contains personal data"}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (s, b) = app
        .post(
            &format!("{path}/hide"),
            Some(&moderator.access),
            json!({"reason": "again"}),
        )
        .await;
    assert_error(s, &b, 409, "already_hidden");
    let (s, b) = app.get(&path, None).await;
    assert_error(s, &b, 404, "not_found");
    let (s, b) = app.get(&path, Some(&member.access)).await;
    assert_eq!(s, 200);
    assert_eq!(b["hidden"]["reason"], "Contains personal data");
    let list = app
        .get_ok(&format!("/api/v1/organizations/{valencia}/practices"), None)
        .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "{list}");
    let list = app
        .get_ok(
            &format!("/api/v1/organizations/{valencia}/practices"),
            Some(&member.access),
        )
        .await;
    assert_eq!(list["items"][0]["hidden"], true, "{list}");
    let (s, b) = app
        .post(
            &format!("{path}/unhide"),
            Some(&moderator.access),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(app.get(&path, None).await.0, 200);

    // Archived: still readable, out of search; publishing again brings it back.
    let (s, b) = app
        .post(&format!("{path}/archive"), Some(&owner.access), json!({}))
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["status"], "archived");
    assert_eq!(app.get(&path, None).await.0, 200);
    let found = app.get_ok("/api/v1/practices?q=superblocks", None).await;
    assert_eq!(found["total"], 0, "{found}");
    app.publish_practice(&owner, id(&p)).await;
    let found = app.get_ok("/api/v1/practices?q=superblocks", None).await;
    assert_eq!(found["total"], 1, "{found}");

    // A plain member of the organization cannot create for it; strangers neither.
    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&member.access),
            practice_body(&valencia, mobility, json!({})),
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .post(
            "/api/v1/practices",
            None,
            practice_body(&valencia, mobility, json!({})),
        )
        .await;
    assert_error(s, &b, 401, "unauthorized");
}

/// A list's length is checked before any work that grows with it (the ids used to be
/// de-duplicated pairwise first: 100,000 distinct ids, 5 billion comparisons).
#[tokio::test]
async fn a_hundred_thousand_theme_ids_are_refused_by_count() {
    let app = TestApp::spawn_with(|s| s.http.json_limit_bytes = 8 * 1024 * 1024).await;
    let owner = app.register("owner").await;
    let admin = app.admin("admin").await;
    let o = org(&app, &owner, "Porto", "PT", 230_000).await;
    let ids: Vec<String> = (0..100_000u128)
        .map(|n| uuid::Uuid::from_u128(n + 1).to_string())
        .collect();
    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&owner.access),
            practice_body(&o, &ids[0], json!({"theme_ids": ids})),
        )
        .await;
    let d = assert_error(s, &b, 422, "validation_failed");
    assert!(d["theme_ids"].is_string(), "{d}");
    // The limit counts the list as sent: 17 copies of one theme are refused too (they used
    // to be de-duplicated first, which is where the quadratic work happened).
    let water = &app.theme_ids().await["water-management"];
    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&owner.access),
            practice_body(&o, water, json!({"theme_ids": vec![water; 17]})),
        )
        .await;
    let d = assert_error(s, &b, 422, "validation_failed");
    assert!(d["theme_ids"].is_string(), "{d}");
    let (s, b) = app
        .post(
            "/api/v1/events",
            Some(&admin.access),
            json!({"title": "Many themes", "description": "x", "kind": "workshop",
                   "starts_at": crate::helpers::at(60), "ends_at": crate::helpers::at(120),
                   "timezone": "Europe/Lisbon", "mode": "online", "theme_ids": ids}),
        )
        .await;
    let d = assert_error(s, &b, 422, "validation_failed");
    assert!(d["theme_ids"].is_string(), "{d}");
}

#[tokio::test]
async fn bad_input_names_every_field_and_markdown_is_sanitized() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let water = &themes["water-management"];
    let owner = app.register("owner").await;
    let o = org(&app, &owner, "Porto", "PT", 230_000).await;

    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&owner.access),
            json!({"organization_id": o}),
        )
        .await;
    let d = assert_error(s, &b, 422, "validation_failed");
    for f in [
        "title",
        "summary",
        "body",
        "theme_ids",
        "language",
        "implementation_status",
    ] {
        assert!(d[f].is_string(), "{f} not named: {d}");
    }
    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&owner.access),
            practice_body(
                &o,
                water,
                json!({
                    "title": "x",
                    "language": "xx",
                    "theme_ids": ["00000000-0000-0000-0000-000000000000"],
                    "start_date": "2022-01-01",
                    "end_date": "2021-01-01",
                    "budget": {"amount": -5, "currency": "EURO"},
                    "location": {"lat": 91, "lon": -181},
                    "links": [{"url": "javascript:alert(1)"}],
                    "indicators": [{"name": "", "unit": "%", "value": 1, "year": 1700}],
                    "contact": {"email": "not-an-email"},
                }),
            ),
        )
        .await;
    let d = assert_error(s, &b, 422, "validation_failed");
    for f in [
        "title",
        "language",
        "theme_ids",
        "end_date",
        "budget.amount",
        "budget.currency",
        "location.lat",
        "location.lon",
        "links[0].url",
        "indicators[0].name",
        "indicators[0].year",
        "contact.email",
    ] {
        assert!(d[f].is_string(), "{f} not named: {d}");
    }
    // Shape errors: an unknown field, a wrong type, a bad date.
    for (extra, field) in [
        (json!({"colour": "red"}), "colour"),
        (
            json!({"implementation_status": "finished"}),
            "implementation_status",
        ),
        (json!({"start_date": "2019-13-01"}), "start_date"),
        (json!({"tags": "one"}), "tags"),
    ] {
        let (s, b) = app
            .post(
                "/api/v1/practices",
                Some(&owner.access),
                practice_body(&o, water, extra.clone()),
            )
            .await;
        let d = assert_error(s, &b, 422, "validation_failed");
        assert!(d[field].is_string(), "{extra}: {d}");
    }
    let (s, b) = app
        .request(
            reqwest::Method::POST,
            "/api/v1/practices",
            Some(&owner.access),
            None,
        )
        .await;
    assert!(s == 415 || s == 400, "{s} {b}");
    let big = "x".repeat(50_001);
    let (s, b) = app
        .post(
            "/api/v1/practices",
            Some(&owner.access),
            practice_body(&o, water, json!({"body": big})),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["body"].is_string());
    let (s, b) = app.get("/api/v1/practices/not-a-uuid", None).await;
    assert_error(s, &b, 404, "not_found");

    // Markdown with scripts, handlers and javascript: links comes back clean.
    let evil = "Rain gardens <script>alert('x')</script> [click](javascript:alert(1)) \
                <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">a</a>";
    let p = app
        .create_practice(
            &owner,
            practice_body(
                &o,
                water,
                json!({"title": "Rain gardens", "body": evil, "results": evil,
                   "lessons_learned": evil, "transferability": evil}),
            ),
        )
        .await;
    for f in ["body", "results", "lessons_learned", "transferability"] {
        let html = p["html"][f].as_str().unwrap();
        assert!(html.contains("Rain gardens"), "{f}: {html}");
        for bad in ["<script", "javascript:", "onerror"] {
            assert!(!html.contains(bad), "{f} kept {bad}: {html}");
        }
    }
    app.publish_practice(&owner, id(&p)).await;
    let found = app.get_ok("/api/v1/practices?q=gardens", None).await;
    let snippet = found["items"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>"), "{snippet}");
    assert!(
        !snippet.contains("<script") && !snippet.contains("<img"),
        "{snippet}"
    );
}

/// Fixtures for the search test: (title, summary, body, language, status, themes, org).
struct Fixture {
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    language: &'static str,
    status: &'static str,
    theme: &'static str,
    org: usize,
    start: &'static str,
}

const FIXTURES: &[Fixture] = &[
    Fixture {
        title: "Bike lanes on every arterial road",
        summary: "Protected lanes for cycling.",
        body: "We built 40 km of lanes.",
        language: "en",
        status: "completed",
        theme: "green-mobility",
        org: 0,
        start: "2018-03-01",
    },
    Fixture {
        title: "Parking reform",
        summary: "Fewer car parks in the centre.",
        body: "Freed space now hosts bike racks and trees.",
        language: "en",
        status: "ongoing",
        theme: "green-mobility",
        org: 1,
        start: "2020-01-01",
    },
    Fixture {
        title: "Mobility hubs near stations",
        summary: "Shared scooters, cars and bicycles in one place.",
        body: "Hubs connect rail and buses.",
        language: "en",
        status: "planned",
        theme: "green-mobility",
        org: 2,
        start: "2021-06-01",
    },
    Fixture {
        title: "Circular construction materials bank",
        summary: "Reuse of demolition materials.",
        body: "A municipal depot for reclaimed bricks.",
        language: "en",
        status: "ongoing",
        theme: "waste-and-circular-economy",
        org: 0,
        start: "2020-09-01",
    },
    Fixture {
        title: "Repair cafés in every district",
        summary: "Volunteers repair appliances.",
        body: "A circular economy starts with repair.",
        language: "en",
        status: "completed",
        theme: "waste-and-circular-economy",
        org: 1,
        start: "2017-04-01",
    },
    Fixture {
        title: "Plan de movilidad urbana sostenible",
        summary: "Movilidad sostenible para toda la ciudad.",
        body: "Carriles bici y autobuses eléctricos.",
        language: "es",
        status: "ongoing",
        theme: "green-mobility",
        org: 1,
        start: "2020-02-01",
    },
    Fixture {
        title: "Economía circular en mercados municipales",
        summary: "Compost de residuos orgánicos.",
        body: "Los mercados separan residuos.",
        language: "es",
        status: "completed",
        theme: "waste-and-circular-economy",
        org: 1,
        start: "2019-01-01",
    },
    Fixture {
        title: "Solar roofs on schools",
        summary: "Photovoltaic panels on 30 schools.",
        body: "Energy savings fund more panels.",
        language: "en",
        status: "completed",
        theme: "renewable-energy-and-energy-efficiency",
        org: 2,
        start: "2019-05-01",
    },
    Fixture {
        title: "Energy renovation of social housing",
        summary: "Deep retrofits of 1,200 flats.",
        body: "Insulation and heat pumps.",
        language: "en",
        status: "ongoing",
        theme: "renewable-energy-and-energy-efficiency",
        org: 0,
        start: "2021-01-01",
    },
    Fixture {
        title: "Rénovation énergétique des écoles",
        summary: "Isolation des bâtiments scolaires.",
        body: "Une baisse de la consommation.",
        language: "fr",
        status: "planned",
        theme: "renewable-energy-and-energy-efficiency",
        org: 2,
        start: "2022-09-01",
    },
    Fixture {
        title: "Green roofs programme",
        summary: "Subsidies for green roofs.",
        body: "Roofs retain rain water and cool streets.",
        language: "en",
        status: "ongoing",
        theme: "climate-resilience-and-disaster-management",
        org: 0,
        start: "2018-05-01",
    },
    Fixture {
        title: "Citizen budget for climate",
        summary: "Residents choose climate projects.",
        body: "Participatory budgeting, including a bike repair station.",
        language: "en",
        status: "completed",
        theme: "citizen-participation",
        org: 2,
        start: "2019-09-01",
    },
    Fixture {
        title: "Draft: secret bike plan",
        summary: "Not yet public.",
        body: "Bike bike bike.",
        language: "en",
        status: "draft",
        theme: "green-mobility",
        org: 0,
        start: "2023-01-01",
    },
];

#[tokio::test]
async fn search_ranks_matches_prefixes_typos_and_facets_agree_with_filters() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let owner = app.register("owner").await;
    let orgs = [
        org(&app, &owner, "Valencia", "ES", 800_000).await,
        org(&app, &owner, "Utrecht", "NL", 360_000).await,
        org(&app, &owner, "Lyon", "FR", 520_000).await,
    ];
    let mut ids = Vec::new();
    for f in FIXTURES {
        let p = app.create_practice(&owner,
            json!({
                "organization_id": orgs[f.org], "title": f.title, "summary": f.summary,
                "body": f.body, "language": f.language, "implementation_status": f.status_impl(),
                "theme_ids": [themes[f.theme]], "start_date": f.start,
            }),
        )
        .await;
        if f.status != "draft" {
            app.publish_practice(&owner, id(&p)).await;
        }
        ids.push(id(&p).to_owned());
    }
    let published = FIXTURES.iter().filter(|f| f.status != "draft").count() as i64;

    let search = |q: String| {
        let app = &app;
        async move {
            let (s, b) = app.get(&format!("/api/v1/practices?{q}"), None).await;
            assert_eq!(s, 200, "{q}: {b}");
            b
        }
    };
    let titles = |b: &Value| -> Vec<String> {
        b["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_owned())
            .collect()
    };

    // Relevance: the title match comes before matches in the body only; drafts never show.
    let b = search("q=bike".into()).await;
    let t = titles(&b);
    assert_eq!(t[0], "Bike lanes on every arterial road", "{t:?}");
    assert!(t.contains(&"Parking reform".to_owned()), "{t:?}");
    assert!(
        t.contains(&"Citizen budget for climate".to_owned()),
        "{t:?}"
    );
    assert!(!t.iter().any(|x| x.starts_with("Draft")), "{t:?}");
    assert_eq!(b["total"], 3, "{t:?}");
    let snippet = b["items"][1]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>bike</mark>"), "{snippet}");
    // Plural and stemming: "bikes" finds "bike".
    assert_eq!(search("q=bikes".into()).await["total"], b["total"]);
    // Prefix of the last word.
    let t = titles(&search("q=mobil".into()).await);
    assert!(
        t.contains(&"Mobility hubs near stations".to_owned()),
        "{t:?}"
    );
    // Typos.
    let t = titles(&search("q=circluar".into()).await);
    assert!(
        t.contains(&"Circular construction materials bank".to_owned()),
        "{t:?}"
    );
    let t = titles(&search("q=renovaton%20energy".into()).await);
    assert!(
        t.contains(&"Energy renovation of social housing".to_owned()),
        "{t:?}"
    );
    // Stop words ("of", "the") do not exclude the documents that drop them.
    let t = titles(&search("q=renovation%20of%20the%20social%20housing".into()).await);
    assert_eq!(t, vec!["Energy renovation of social housing"], "{t:?}");
    // Another language, stemmed as such.
    let t = titles(&search("q=movilidad%20sostenible".into()).await);
    assert_eq!(t, vec!["Plan de movilidad urbana sostenible"], "{t:?}");
    // Nothing at all.
    let b = search("q=zzzzqqq".into()).await;
    assert_eq!(b["total"], 0);
    assert_eq!(b["items"], json!([]));

    // Facets count over the filtered set, and filtering by a facet value gives its count.
    let all = search("limit=100".into()).await;
    assert_eq!(all["total"], published);
    for (facet, param) in [
        ("themes", "theme"),
        ("countries", "country"),
        ("implementation_status", "implementation_status"),
        ("languages", "language"),
    ] {
        let counts = all["facets"][facet].as_object().unwrap();
        assert!(!counts.is_empty(), "{facet}");
        let sum: i64 = counts.values().map(|v| v.as_i64().unwrap()).sum();
        if facet != "themes" {
            assert_eq!(sum, published, "{facet}: {counts:?}");
        }
        for (value, n) in counts {
            let b = search(format!("{param}={value}&limit=100")).await;
            assert_eq!(&b["total"], n, "{param}={value}");
            assert_eq!(
                b["items"].as_array().unwrap().len() as i64,
                n.as_i64().unwrap()
            );
            assert_eq!(&b["facets"][facet][value], n, "{param}={value}: {b}");
        }
    }
    // Filters combine (AND across parameters, OR inside one).
    let b = search("q=circular&country=ES".into()).await;
    assert_eq!(titles(&b), vec!["Circular construction materials bank"]);
    let b = search("q=circular&country=NL&language=es".into()).await;
    assert_eq!(
        titles(&b),
        vec!["Economía circular en mercados municipales"]
    );
    let b = search("theme=green-mobility&language=en&implementation_status=ongoing,planned".into())
        .await;
    let mut t = titles(&b);
    t.sort();
    assert_eq!(t, vec!["Mobility hubs near stations", "Parking reform"]);
    assert_eq!(b["facets"]["countries"], json!({"FR": 1, "NL": 1}));
    let b = search("min_population=400000&max_population=600000".into()).await;
    assert!(
        b["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["organization"]["name"] == "Lyon"),
        "{b}"
    );
    assert_eq!(search("year=2020".into()).await["total"], 3);
    let b = search(format!("organization={}&organization_kind=city", orgs[2])).await;
    assert_eq!(b["total"], 4);
    assert_eq!(search("organization_kind=ngo".into()).await["total"], 0);

    // Paging returns every match exactly once, in every order.
    for q in [
        "q=bike",
        "q=the",
        "sort=newest",
        "sort=endorsements",
        "q=energy&sort=newest",
        "",
    ] {
        let full = search(format!("{q}&limit=100")).await;
        let paged = collect_pages(&app, &format!("/api/v1/practices?{q}&limit=2"), None).await;
        let got: Vec<&str> = paged.iter().map(id).collect();
        let unique: HashSet<&str> = got.iter().copied().collect();
        assert_eq!(unique.len(), got.len(), "{q}: duplicates");
        assert_eq!(got.len() as i64, full["total"].as_i64().unwrap(), "{q}");
        let want: Vec<&str> = full["items"].as_array().unwrap().iter().map(id).collect();
        assert_eq!(got, want, "{q}: order differs between pages and one page");
    }

    // Bad parameters: 422 naming them.
    for (q, field) in [
        ("sort=loudest", "sort"),
        ("sort=relevance", "sort"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("cursor=%%%", "cursor"),
        ("country=XX", "country"),
        ("language=klingon", "language"),
        ("implementation_status=finished", "implementation_status"),
        ("min_population=10&max_population=5", "max_population"),
        ("year=99999", "year"),
        ("organization=nope", "organization"),
        ("theme=Not%20A%20Slug", "theme"),
    ] {
        let (s, b) = app.get(&format!("/api/v1/practices?{q}"), None).await;
        let d = assert_error(s, &b, 422, "validation_failed");
        assert!(d[field].is_string(), "{q}: {d}");
    }
    let first = search("sort=newest&limit=2".into()).await;
    let c = first["next_cursor"].as_str().unwrap();
    let (s, b) = app
        .get(
            &format!("/api/v1/practices?sort=endorsements&cursor={c}"),
            None,
        )
        .await;
    assert_error(s, &b, 422, "validation_failed");

    // Export: the same filters, every match.
    let (s, b) = app
        .get(
            "/api/v1/practices/export?format=json&theme=green-mobility",
            None,
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["items"].as_array().unwrap().len(), 4);
    let res = app
        .client
        .get(app.url("/api/v1/practices/export?format=csv&q=circular"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = res.text().await.unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[1], "title");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert!(text.contains("\r\n"));
    let (s, b) = app.get("/api/v1/practices/export?format=xls", None).await;
    assert!(assert_error(s, &b, 422, "validation_failed")["format"].is_string());
    let _ = ids;
}

impl Fixture {
    fn status_impl(&self) -> &'static str {
        match self.status {
            "draft" => "planned",
            s => s,
        }
    }
}

#[tokio::test]
async fn comments_endorsements_and_adoptions_show_on_the_record() {
    let app = TestApp::spawn().await;
    let themes = app.theme_ids().await;
    let energy = &themes["renewable-energy-and-energy-efficiency"];
    let owner = app.register("owner").await;
    let other_city = app.register("other-city").await;
    let clerk = app.register("clerk").await;
    let reader = app.register("reader").await;
    let moderator = app.register("moderator").await;
    app.set_role(&moderator, "moderator").await;
    let lead = org(&app, &owner, "Valencia", "ES", 800_000).await;
    let follower = org(&app, &other_city, "Kavala", "GR", 70_000).await;
    app.add_member(&other_city, &follower, &clerk, "member")
        .await;
    let p = app
        .create_practice(
            &owner,
            practice_body(&lead, energy, json!({"title": "Solar schools"})),
        )
        .await;
    let pid = id(&p).to_owned();
    let path = format!("/api/v1/practices/{pid}");

    // A draft can be neither endorsed nor adopted; strangers cannot see it at all.
    let (s, b) = app
        .request(
            reqwest::Method::PUT,
            &format!("{path}/endorsement"),
            Some(&reader.access),
            None,
        )
        .await;
    assert_error(s, &b, 404, "not_found");
    let (s, b) = app
        .request(
            reqwest::Method::PUT,
            &format!("{path}/endorsement"),
            Some(&owner.access),
            None,
        )
        .await;
    assert_error(s, &b, 409, "not_published");
    app.publish_practice(&owner, id(&p)).await;
    // Read once, so the record is cached: every change below must show at once.
    assert_eq!(app.get(&path, None).await.1["counts"]["endorsements"], 0);

    // Comments and one level of replies.
    let (s, b) = app
        .post(&format!("{path}/comments"), None, json!({"body": "hi"}))
        .await;
    assert_error(s, &b, 401, "unauthorized");
    let (s, b) = app
        .post(
            &format!("{path}/comments"),
            Some(&reader.access),
            json!({"body": "  "}),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["body"].is_string());
    let (s, c1) = app
        .post(
            &format!("{path}/comments"),
            Some(&reader.access),
            json!({"body": "How did you fund it? <script>alert(1)</script>"}),
        )
        .await;
    assert_eq!(s, 201, "{c1}");
    assert!(!c1["body_html"].as_str().unwrap().contains("<script"));
    let (s, c2) = app
        .post(
            &format!("{path}/comments"),
            Some(&owner.access),
            json!({"body": "ERDF, 60 %.", "parent_id": id(&c1)}),
        )
        .await;
    assert_eq!(s, 201, "{c2}");
    let (s, b) = app
        .post(
            &format!("{path}/comments"),
            Some(&reader.access),
            json!({"body": "x", "parent_id": id(&c2)}),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["parent_id"].is_string());
    let (s, b) = app
        .patch(
            &format!("/api/v1/comments/{}", id(&c1)),
            Some(&owner.access),
            json!({"body": "edited"}),
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .patch(
            &format!("/api/v1/comments/{}", id(&c1)),
            Some(&reader.access),
            json!({"body": "How was it funded?"}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert!(b["edited_at"].is_string());
    let list = app.get_ok(&format!("{path}/comments"), None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list["items"][0]["body"], "How was it funded?");
    assert_eq!(list["items"][0]["replies"][0]["body"], "ERDF, 60 %.");
    assert_eq!(
        list["items"][0]["replies"][0]["author"]["display_name"],
        "owner"
    );
    assert_eq!(app.get(&path, None).await.1["counts"]["comments"], 2);
    let (s, b) = app
        .delete(
            &format!("/api/v1/comments/{}", id(&c1)),
            Some(&other_city.access),
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, _) = app
        .delete(
            &format!("/api/v1/comments/{}", id(&c1)),
            Some(&moderator.access),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = app
        .delete(
            &format!("/api/v1/comments/{}", id(&c1)),
            Some(&moderator.access),
        )
        .await;
    assert_eq!(s, 204);
    let list = app.get_ok(&format!("{path}/comments"), None).await;
    assert_eq!(list["items"][0]["deleted"], true);
    assert_eq!(list["items"][0]["body"], Value::Null);
    assert_eq!(list["items"][0]["replies"].as_array().unwrap().len(), 1);
    assert_eq!(app.get(&path, None).await.1["counts"]["comments"], 1);

    // Endorsements: idempotent, one per user.
    let endorsement = format!("{path}/endorsement");
    let put = |u: &TestUser| {
        let token = u.access.clone();
        let (app, url) = (&app, endorsement.clone());
        async move {
            app.request(reqwest::Method::PUT, &url, Some(&token), None)
                .await
        }
    };
    for _ in 0..2 {
        let (s, b) = put(&reader).await;
        assert_eq!(s, 200, "{b}");
        assert_eq!(b, json!({"endorsed": true, "endorsement_count": 1}));
    }
    let (s, b) = put(&clerk).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["endorsement_count"], 2);
    assert_eq!(app.get(&path, None).await.1["counts"]["endorsements"], 2);
    for _ in 0..2 {
        let (s, b) = app
            .delete(&format!("{path}/endorsement"), Some(&clerk.access))
            .await;
        assert_eq!(s, 200);
        assert_eq!(b, json!({"endorsed": false, "endorsement_count": 1}));
    }
    let b = app
        .get_ok(&format!("{path}/endorsement"), Some(&reader.access))
        .await;
    assert_eq!(b, json!({"endorsed": true, "endorsement_count": 1}));
    assert_eq!(app.count("practice_endorsements").await, 1);
    let found = app.get_ok("/api/v1/practices?q=solar", None).await;
    assert_eq!(found["items"][0]["endorsement_count"], 1);

    // Adoptions.
    let adoptions = format!("{path}/adoptions");
    let adopt = |u: &TestUser, org: &str| {
        let (token, org) = (u.access.clone(), org.to_owned());
        let (app, url) = (&app, adoptions.clone());
        async move {
            app.post(
                &url,
                Some(&token),
                json!({"organization_id": org, "status": "planned", "note": "Starting with 3 schools"}),
            )
            .await
        }
    };
    let (s, b) = adopt(&clerk, &follower).await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = adopt(&owner, &lead).await;
    assert!(assert_error(s, &b, 422, "validation_failed")["organization_id"].is_string());
    let (s, a) = adopt(&other_city, &follower).await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["organization"]["name"], "Kavala");
    assert_eq!(a["practice"]["title"], "Solar schools");
    let (s, b) = adopt(&other_city, &follower).await;
    assert_error(s, &b, 409, "already_adopted");
    let (s, b) = app
        .post(
            &format!("{path}/adoptions"),
            Some(&other_city.access),
            json!({"organization_id": follower, "status": "done"}),
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["status"].is_string());
    let (s, b) = app
        .patch(
            &format!("/api/v1/adoptions/{}", id(&a)),
            Some(&owner.access),
            json!({"status": "completed"}),
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .patch(
            &format!("/api/v1/adoptions/{}", id(&a)),
            Some(&other_city.access),
            json!({"status": "in_progress"}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["note"], "Starting with 3 schools");

    let rec = app.get_ok(&path, None).await;
    assert_eq!(
        rec["counts"],
        json!({"comments": 1, "endorsements": 1, "adoptions": 1})
    );
    assert_eq!(rec["adopted_by"].as_array().unwrap().len(), 1, "{rec}");
    assert_eq!(rec["adopted_by"][0]["organization"]["name"], "Kavala");
    assert_eq!(rec["adopted_by"][0]["organization"]["country"], "GR");
    assert_eq!(rec["adopted_by"][0]["status"], "in_progress");
    let list = app.get_ok(&format!("{path}/adoptions"), None).await;
    assert_eq!(list["items"][0]["id"], a["id"]);
    let list = app
        .get_ok(&format!("/api/v1/organizations/{follower}/adoptions"), None)
        .await;
    assert_eq!(list["items"][0]["practice"]["id"], pid.as_str());
    let (s, _) = app
        .delete(
            &format!("/api/v1/adoptions/{}", id(&a)),
            Some(&other_city.access),
        )
        .await;
    assert_eq!(s, 204);
    let rec = app.get_ok(&path, None).await;
    assert_eq!(rec["counts"]["adoptions"], 0);
    assert_eq!(rec["adopted_by"], json!([]));
    let (s, b) = app
        .get(
            &format!("/api/v1/organizations/{}/adoptions", uuid::Uuid::nil()),
            None,
        )
        .await;
    assert_error(s, &b, 404, "not_found");
}

#[tokio::test]
async fn a_change_on_one_instance_reaches_the_others_cache() {
    let a = TestApp::spawn().await;
    let b = TestApp::spawn_on(&a.db_url, a.db_name.clone(), |_| {}).await;
    let themes = a.theme_ids().await;
    let owner = a.register("owner").await;
    let o = org(&a, &owner, "Gdynia", "PL", 245_000).await;
    let p = a
        .create_practice(
            &owner,
            practice_body(
                &o,
                &themes["water-management"],
                json!({"title": "Sea level sensors"}),
            ),
        )
        .await;
    a.publish_practice(&owner, id(&p)).await;
    let path = format!("/api/v1/practices/{}", id(&p));
    // B caches the record and a search page.
    assert_eq!(b.get(&path, None).await.1["title"], "Sea level sensors");
    assert_eq!(
        b.get("/api/v1/practices?q=sensors", None).await.1["total"],
        1
    );
    // A changes it: B must not go on serving the old copy.
    let (s, _) = a
        .patch(&path, Some(&owner.access), json!({"title": "Tide gauges"}))
        .await;
    assert_eq!(s, 200);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let title = b.get(&path, None).await.1["title"].clone();
        let total = b.get("/api/v1/practices?q=sensors", None).await.1["total"].clone();
        if title == "Tide gauges" && total == 0 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "B still serves {title} / {total}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Hiding is a moderation decision: B stops serving it too.
    let moderator = a.register("moderator").await;
    a.set_role(&moderator, "moderator").await;
    let (s, _) = a
        .post(
            &format!("{path}/hide"),
            Some(&moderator.access),
            json!({"reason": "duplicate"}),
        )
        .await;
    assert_eq!(s, 200);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while b.get(&path, None).await.0 != 404 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "B still serves a hidden record"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
