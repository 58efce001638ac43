//! The live room's pages over HTTP: who may open a room and its projector view, the boot
//! data the scripts start from, the strings they use (every key the scripts ask for is in
//! the catalogue, in every language), and the single-page application being gone.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::contract::Checked as _;
use crate::helpers::TestApp;
use crate::pages::Visitor;

/// A browser signed in to the account `register` made for `name`.
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

fn boot_of(html: &str) -> Value {
    let start = html
        .find(r#"<script type="application/json" id="room-boot">"#)
        .expect("boot data");
    let rest = &html[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).unwrap()
}

#[tokio::test]
async fn a_participant_opens_the_room_a_stranger_gets_404_and_anonymous_signs_in_first() {
    let app = TestApp::spawn().await;
    let ada = app.moderator("ada").await;
    let bea_user = app.register("bea").await;
    let open = app
        .create_room(
            &ada,
            json!({"name": "Mobility </script> workshop", "access": "open"}),
        )
        .await;
    let open_id = open["id"].as_str().unwrap();
    let invite = app
        .create_room(&ada, json!({"name": "Board", "access": "invite"}))
        .await;
    let invite_id = invite["id"].as_str().unwrap();

    let mut bea = signed_in(&app, "bea").await;
    let page = bea.get(&format!("/rooms/{open_id}")).await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(
        page.html.contains(
            r#"<h1 id="live-title" tabindex="-1">Mobility &#60;/script&#62; workshop</h1>"#
        ),
        "{}",
        page.html
    );
    assert!(
        page.html
            .contains(r#"<script type="module" src="/static/room/main.js?v="#)
    );
    let boot = boot_of(&page.html);
    assert_eq!(boot["room_id"], open_id);
    assert_eq!(boot["name"], "Mobility </script> workshop");
    assert_eq!(boot["me"]["name"], "bea");
    assert_eq!(boot["is_moderator"], false);
    assert_eq!(boot["locale"], "en");
    assert_eq!(boot["ws_path"], format!("/api/v1/rooms/{open_id}/ws"));
    assert!(
        boot["strings"]
            .as_str()
            .unwrap()
            .starts_with("/rooms/strings/en.json?v=")
    );
    // The moderation panel is for moderators.
    assert!(page.html.contains(
        r#"id="live-panel-moderation" aria-labelledby="live-mod-title" data-mod hidden"#
    ));
    // No English outside the catalogue reached the page as a key.
    assert!(!page.html.contains(">room-"), "{}", page.html);

    // The list shows the rooms bea may enter, not the invitation-only one.
    let list = bea.get("/rooms").await;
    assert_eq!(list.status, 200);
    assert!(list.html.contains(&format!(r#"href="/rooms/{open_id}""#)));
    assert!(!list.html.contains(invite_id));

    // Not invited: as if the room did not exist.
    let page = bea.get(&format!("/rooms/{invite_id}")).await;
    assert_eq!(page.status, 404);
    let page = bea.get(&format!("/rooms/{invite_id}/present")).await;
    assert_eq!(page.status, 404);
    let page = bea.get("/rooms/not-a-room").await;
    assert_eq!(page.status, 404);

    // Once invited, she may.
    let (status, body) = app
        .post(
            &format!("/api/v1/rooms/{invite_id}/participants"),
            Some(&ada.access),
            json!({"user_id": bea_user.id}),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let page = bea.get(&format!("/rooms/{invite_id}")).await;
    assert_eq!(page.status, 200);

    // The projector view: the same shell without controls.
    let page = bea.get(&format!("/rooms/{open_id}/present")).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"src="/static/room/present.js?v="#));
    let view = &page.html[page.html.find(r#"class="live-present""#).unwrap()..];
    let view = &view[..view.find("</main>").unwrap()];
    for control in ["<textarea", "<button", "<input", "<form"] {
        assert!(!view.contains(control), "{view}");
    }

    // Anonymous visitors are sent to sign in, and back.
    let mut anon = Visitor::new(&app);
    for path in [
        format!("/rooms/{open_id}"),
        format!("/rooms/{open_id}/present"),
        "/rooms".to_owned(),
    ] {
        let page = anon.get(&path).await;
        assert_eq!(page.status, 303, "{path}");
        assert!(page.location().starts_with("/sign-in?next="), "{path}");
    }

    // The moderator sees the moderation panel.
    let mut ada_page = signed_in(&app, "ada").await;
    let page = ada_page.get(&format!("/rooms/{open_id}")).await;
    assert_eq!(boot_of(&page.html)["is_moderator"], true);
    assert!(
        page.html
            .contains(r#"id="live-panel-moderation" aria-labelledby="live-mod-title" data-mod>"#)
    );
}

/// Every `"room-…"` string the scripts use: a message key, or the base of plural forms.
fn keys_in_scripts() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/static/room");
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for part in text.split("\"room-").skip(1) {
            let end = part.find('"').unwrap();
            let key = &part[..end];
            if key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                // The id of the boot data's element, not a message.
                && key != "boot"
            {
                keys.insert(format!("room-{key}"));
            }
        }
    }
    keys
}

#[tokio::test]
async fn the_strings_of_every_language_have_every_key_the_scripts_use() {
    let app = TestApp::spawn().await;
    let used = keys_in_scripts();
    assert!(used.len() > 100, "{used:?}");
    for lang in ["en", "es", "it", "fr", "de"] {
        let res = app
            .client
            .get(app.url(&format!("/rooms/strings/{lang}.json")))
            .send_checked()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        assert_eq!(res.headers()["cache-control"], "public, no-cache");
        let strings: Value = res.json().await.unwrap();
        let strings = strings.as_object().unwrap();
        for key in &used {
            let found = strings.contains_key(key) || strings.contains_key(&format!("{key}-other"));
            assert!(
                found,
                "{lang}: the scripts use {key}, the catalogue lacks it"
            );
        }
        for (key, text) in strings {
            let text = text.as_str().unwrap();
            assert!(!text.is_empty() && text != key, "{lang}: {key} = {text}");
        }
        // Revalidation answers 304.
        let res = app
            .client
            .get(app.url(&format!("/rooms/strings/{lang}.json")))
            .header("if-none-match", &etag)
            .send_checked()
            .await
            .unwrap();
        assert_eq!(res.status(), 304);
    }
    let en: Value = app
        .client
        .get(app.url("/rooms/strings/en.json"))
        .send_checked()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Variables are left for the scripts to fill in.
    assert_eq!(
        en["room-status-reconnecting"],
        "Reconnecting in {$seconds} s…"
    );
    assert_eq!(en["room-poll-votes-other"], "{$count} votes");
    let res = app
        .client
        .get(app.url("/rooms/strings/xx.json"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn the_scripts_use_no_dialogs_and_no_html_from_strings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("vendor") {
                    stack.push(path);
                }
                continue;
            }
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("js" | "html")
            ) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for bad in ["prompt(", "alert(", "confirm("] {
                assert!(!text.contains(bad), "{} uses {bad}", path.display());
            }
            // The room's own code puts user text in through textContent only.
            let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
            if rel.starts_with("web/static/room") || rel.starts_with("web/templates/rooms") {
                for bad in ["innerHTML", "insertAdjacentHTML", "outerHTML"] {
                    assert!(!text.contains(bad), "{} uses {bad}", path.display());
                }
            }
        }
    }
    assert!(
        !std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("web/app.js")
            .exists()
    );
}

#[tokio::test]
async fn the_single_page_application_is_gone_and_links_lead_to_rooms() {
    let app = TestApp::spawn().await;
    for path in ["/live", "/assets/app.js", "/assets/app.css"] {
        let res = app.client.get(app.url(path)).send_checked().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let ada = app.moderator("ada").await;
    let room = app
        .create_room(&ada, json!({"name": "Plaza", "access": "open"}))
        .await;
    let id = room["id"].as_str().unwrap();
    let mut v = signed_in(&app, "ada").await;
    let home = v.get("/").await;
    assert!(home.html.contains(r#"href="/rooms""#), "{}", home.html);
    assert!(!home.html.contains("/live#rooms"));
    let list = v.get("/rooms").await;
    assert!(
        list.html
            .contains(&format!(r#"<a href="/rooms/{id}">Plaza</a>"#)),
        "{}",
        list.html
    );
}

#[tokio::test]
async fn a_moderator_opens_a_room_through_the_form_and_a_participant_may_not() {
    let app = TestApp::spawn().await;
    app.moderator("ada").await;
    app.register("bea").await;
    let mut ada = signed_in(&app, "ada").await;
    let list = ada.get("/rooms").await;
    assert!(list.html.contains(r#"href="/rooms/new""#));
    let page = ada.get("/rooms/new").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains(r#"<label for="f-name">Name</label>"#),
        "{}",
        page.html
    );

    // Problems come back with what was typed.
    let page = ada
        .submit(
            "/rooms",
            vec![
                ("name", "X".to_owned()),
                ("description", "Tram or bus?".to_owned()),
                ("access", "invite".to_owned()),
                ("dot_votes_per_user", "500".to_owned()),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.html);
    assert!(
        page.html.contains("Enter a number between 0 and 100."),
        "{}",
        page.html
    );
    assert!(page.html.contains("Tram or bus?"));
    assert!(page.html.contains(r#"value="500""#));
    assert!(page.html.contains(r#"<option value="invite" selected>"#));

    let page = ada
        .submit(
            "/rooms",
            vec![
                ("name", "Seafront tram".to_owned()),
                ("description", String::new()),
                ("access", "invite".to_owned()),
                ("dot_votes_per_user", "5".to_owned()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let path = page.location().to_owned();
    let id = path.strip_prefix("/rooms/").unwrap().to_owned();
    let page = ada.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("The room is open. You moderate it."));
    assert_eq!(boot_of(&page.html)["is_moderator"], true);
    let db = app.db().await;
    let row = db
        .query_one(
            "SELECT access::text, dot_votes_per_user FROM rooms WHERE id = $1::text::uuid",
            &[&id],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "invite");
    assert_eq!(row.get::<_, i32>(1), 5);

    // A participant neither sees the form nor may send it.
    let mut bea = signed_in(&app, "bea").await;
    assert!(
        !bea.get("/rooms")
            .await
            .html
            .contains(r#"href="/rooms/new""#)
    );
    assert_eq!(bea.get("/rooms/new").await.status, 403);
    let page = bea
        .submit(
            "/rooms",
            vec![("name", "Mine".to_owned()), ("access", "open".to_owned())],
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(bea.get(&path).await.status, 404);
}
