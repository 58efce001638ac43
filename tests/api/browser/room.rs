//! The live room in real browsers: two people in one room (chat, hands, polls, ideas,
//! lock, removal, a reload that resumes), the projector view following a vote, a
//! keyboard-only visit, and a phone. Rooms and people are set up through the API.

use std::time::{Duration, Instant};

use serde_json::json;

use super::{Browser, story};
use crate::helpers::TestApp;
use crate::ws::Ws;

/// What a person sees of a change made in another browser: within 2 s.
const LIVE: Duration = Duration::from_secs(2);

async fn sign_in(b: &Browser, name: &str) {
    b.visit("/sign-in").await;
    b.fill("Email", &format!("{name}@example.org")).await;
    b.fill("Password", &format!("password-of-{name}")).await;
    b.within("main").click("Sign in").await;
    b.wait_for_text("You are signed in.").await;
}

/// Enters the room and waits for the connection.
async fn enter(b: &Browser, room: &str) {
    b.visit(&format!("/rooms/{room}")).await;
    b.wait_for_text("Live").await;
}

async fn seen_within(b: &Browser, text: &str, since: Instant) {
    b.wait_for_text(text).await;
    let took = since.elapsed();
    assert!(took <= LIVE, "{text:?} took {took:?} to appear");
}

/// Waits up to 10 s until the element `css` shows `text`.
async fn wait_in(b: &Browser, css: &str, text: &str) {
    let start = Instant::now();
    loop {
        let seen = b
            .script(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''",
                vec![json!(css), json!(text)],
            )
            .await;
        if seen.as_str().unwrap_or_default().contains(text) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{text:?} did not appear in {css}: {seen}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn messages(b: &Browser) -> i64 {
    b.script(
        "return document.querySelectorAll('#live-messages .live-msg').length",
        vec![],
    )
    .await
    .as_i64()
    .unwrap()
}

async fn disabled(b: &Browser, id: &str) -> bool {
    b.script(
        "return document.getElementById(arguments[0]).disabled",
        vec![json!(id)],
    )
    .await
    .as_bool()
    .unwrap()
}

async fn workshop(app: &TestApp) -> String {
    let ada = app.moderator("ada").await;
    app.register("bea").await;
    let room = app
        .create_room(&ada, json!({"name": "Mobility workshop", "access": "open"}))
        .await;
    room["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn two_people_in_a_room_see_each_other_live_and_the_moderator_locks_and_removes() {
    let app = TestApp::spawn().await;
    let room = workshop(&app).await;
    story("room_two_people", async {
        let ada = Browser::open(&app).await;
        sign_in(&ada, "ada").await;
        enter(&ada, &room).await;
        assert_eq!(ada.focused().await, r#"heading "Mobility workshop""#);
        let bea = Browser::open(&app).await;
        sign_in(&bea, "bea").await;
        enter(&bea, &room).await;
        wait_in(&ada, "#live-people", "bea").await;

        let t = Instant::now();
        bea.fill("Message", "Hello from Bea").await;
        bea.click("Send").await;
        seen_within(&ada, "Hello from Bea", t).await;
        ada.fill("Message", "Welcome, Bea").await;
        ada.click("Send").await;
        bea.wait_for_text("Welcome, Bea").await;
        // "No messages yet" went with the first message.
        assert!(!ada.text().await.contains("No messages yet."));
        // The text box is emptied once the message is stored.
        assert_eq!(
            bea.script("return document.getElementById('live-text').value", vec![])
                .await,
            ""
        );

        let t = Instant::now();
        bea.click("Raise my hand").await;
        wait_in(&ada, "#live-hands", "bea").await;
        assert!(t.elapsed() <= LIVE, "the hand took {:?}", t.elapsed());

        ada.fill("Question", "Which line first?").await;
        ada.fill("Options", "Tram\nBus").await;
        ada.click("Start the poll").await;
        bea.wait_for_text("Which line first?").await;
        bea.check("Tram").await;
        let t = Instant::now();
        bea.click("Vote").await;
        seen_within(&ada, "1 vote (100%)", t).await;
        bea.wait_for_text("Your vote is counted.").await;

        let t = Instant::now();
        bea.fill("Your idea", "Night buses").await;
        bea.click("Add the idea").await;
        seen_within(&ada, "Night buses", t).await;
        // The moderator opens a second column and moves Bea's idea there.
        ada.fill("Your idea", "Tram to the port").await;
        ada.fill("Column (optional)", "Later").await;
        ada.click("Add the idea").await;
        bea.wait_for_text("Tram to the port").await;
        let first = ada.within("#live-ideas .live-idea-move");
        first.select("Move to column", "Later").await;
        first.click("Move").await;
        wait_in(
            &bea,
            "#live-ideas section[aria-label='Column Later']",
            "Night buses",
        )
        .await;

        ada.axe().await;
        ada.screenshot_for_docs("room").await;
        bea.axe().await;

        // A reload resumes: the same messages, once each.
        assert_eq!(messages(&bea).await, 2);
        enter(&bea, &room).await;
        bea.wait_for_text("Welcome, Bea").await;
        assert_eq!(messages(&bea).await, 2);

        // Slow mode: a refusal in words next to the composer, and the text stays.
        ada.select("Slow mode", "60 s between messages").await;
        ada.click("Apply").await;
        bea.wait_for_text("ada turned on slow mode (60 s between messages).")
            .await;
        bea.fill("Message", "Too soon").await;
        bea.click("Send").await;
        bea.wait_for_text("before your next message. Your text is kept.")
            .await;
        assert_eq!(
            bea.script("return document.getElementById('live-text').value", vec![])
                .await,
            "Too soon"
        );
        assert!(!bea.text().await.contains("chat.send"));
        ada.select("Slow mode", "Off").await;
        ada.click("Apply").await;
        bea.wait_for_text("ada turned off slow mode.").await;

        // Muted: the composer is disabled with the reason, until unmuted.
        ada.click("Mute 10 min: bea").await;
        bea.wait_for_text("A moderator muted you until").await;
        assert!(disabled(&bea, "live-text").await);
        ada.click("Unmute bea").await;
        bea.wait_for_text("ada unmuted bea.").await;
        assert!(!disabled(&bea, "live-text").await);

        // Locked: the composer is disabled, with the reason.
        ada.click("Lock the room").await;
        bea.wait_for_text("The room is locked: only moderators can post for now.")
            .await;
        assert!(disabled(&bea, "live-text").await);
        assert!(disabled(&bea, "live-send").await);
        // Voting is not posting: it stays allowed.
        assert!(!disabled(&bea, "live-hand").await);

        // Removed: she is told why, and can do nothing more.
        ada.click("Remove bea from the room").await;
        bea.wait_for_text("A moderator removed you from this room.")
            .await;
        assert!(disabled(&bea, "live-hand").await);
        bea.axe().await;
    })
    .await;
}

#[tokio::test]
async fn the_projector_view_follows_a_vote_made_in_another_browser() {
    let app = TestApp::spawn().await;
    let ada = app.moderator("ada").await;
    app.register("bea").await;
    let room = app
        .create_room(&ada, json!({"name": "Plaza", "access": "open"}))
        .await;
    let room = room["id"].as_str().unwrap().to_owned();
    let (mut ws, _) = Ws::join(&app.addr, &ada, &room, None).await;
    ws.act(
        json!({"type": "poll.create", "question": "Which line first?", "options": ["Tram", "Bus"]}),
    )
    .await;
    ws.act(json!({"type": "idea.add", "text": "Night buses", "column": "transport"}))
        .await;
    ws.act(json!({"type": "question.ask", "text": "When does it start?"}))
        .await;
    story("room_projector", async {
        let wall = Browser::open(&app).await;
        sign_in(&wall, "ada").await;
        wall.visit(&format!("/rooms/{room}/present")).await;
        wall.wait_for_text("Which line first?").await;
        wall.wait_for_text("Night buses").await;
        wall.wait_for_text("When does it start?").await;
        wall.wait_for_text("0 votes (0%)").await;

        let bea = Browser::open(&app).await;
        sign_in(&bea, "bea").await;
        enter(&bea, &room).await;
        bea.axe().await;
        bea.check("Bus").await;
        let t = Instant::now();
        bea.click("Vote").await;
        seen_within(&wall, "1 vote (100%)", t).await;
        wall.wait_for_text("1 person voted").await;
        wall.axe().await;
        wall.screenshot_for_docs("projector").await;
    })
    .await;
    drop(ws);
}

#[tokio::test]
async fn a_keyboard_alone_joins_sends_and_votes() {
    let app = TestApp::spawn().await;
    let ada = app.moderator("ada").await;
    app.register("bea").await;
    let room = app
        .create_room(&ada, json!({"name": "Plaza", "access": "open"}))
        .await;
    let room = room["id"].as_str().unwrap().to_owned();
    let (mut ws, _) = Ws::join(&app.addr, &ada, &room, None).await;
    ws.act(
        json!({"type": "poll.create", "question": "Which line first?", "options": ["Tram", "Bus"]}),
    )
    .await;
    story("room_keyboard", async {
        let bea = Browser::open(&app).await;
        sign_in(&bea, "bea").await;
        enter(&bea, &room).await;
        // Entering puts the focus on the room's name.
        assert_eq!(bea.focused().await, r#"heading "Plaza""#);
        let mut tabs = 0;
        while bea.focused().await != r#"textbox "Message""# {
            bea.press_tab().await;
            tabs += 1;
            assert!(tabs < 12, "the message box is not reached by Tab");
        }
        bea.type_keys("Typed, not clicked").await;
        bea.press_enter().await;
        wait_in(&bea, "#live-messages", "Typed, not clicked").await;
        let mut tabs = 0;
        while bea.focused().await != r#"radio "Tram""# {
            bea.press_tab().await;
            tabs += 1;
            assert!(tabs < 20, "the poll is not reached by Tab");
        }
        bea.type_keys(" ").await;
        bea.press_tab().await;
        assert_eq!(bea.focused().await, r#"button "Vote""#);
        bea.press_enter().await;
        bea.wait_for_text("Your vote is counted.").await;
        bea.wait_for_text("1 vote (100%)").await;
        bea.axe().await;

        // Back in the room: the help opens with "?" and gives the focus back.
        enter(&bea, &room).await;
        assert_eq!(bea.focused().await, r#"heading "Plaza""#);
        bea.type_keys("?").await;
        assert_eq!(bea.focused().await, r#"button "Close""#);
        bea.axe().await;
        bea.press_enter().await;
        assert_eq!(bea.focused().await, r#"heading "Plaza""#);

        // A message's actions are reached by Tab: a reply in an inline form.
        let mut tabs = 0;
        while bea.focused().await != r#"button "Actions for the message of bea""# {
            bea.press_tab().await;
            tabs += 1;
            assert!(tabs < 12, "the message's actions are not reached by Tab");
        }
        bea.press_enter().await;
        assert_eq!(bea.focused().await, r#"button "Reply""#);
        bea.press_enter().await;
        assert_eq!(bea.focused().await, r#"textbox "Your reply to bea""#);
        bea.type_keys("Replying by keyboard").await;
        bea.press_tab().await;
        assert_eq!(bea.focused().await, r#"button "Send""#);
        bea.press_enter().await;
        wait_in(&bea, "#live-messages", "Replying by keyboard").await;
        wait_in(
            &bea,
            "#live-messages .live-quote",
            "bea: Typed, not clicked",
        )
        .await;
    })
    .await;
    drop(ws);
}

#[tokio::test]
async fn on_a_phone_the_room_fits_and_send_is_in_view() {
    let app = TestApp::spawn().await;
    let ada = app.moderator("ada").await;
    app.register("bea").await;
    let room = app
        .create_room(&ada, json!({"name": "Plaza", "access": "open"}))
        .await;
    let room = room["id"].as_str().unwrap().to_owned();
    let (mut ws, _) = Ws::join(&app.addr, &ada, &room, None).await;
    ws.act(json!({"type": "poll.create", "question": "Which line first, the tram along the seafront or the bus through the old town?", "options": ["Tram", "Bus"]}))
        .await;
    ws.act(json!({"type": "chat.send", "text": "A-very-long-word-without-any-space-that-would-overflow-a-narrow-phone-screen-if-it-were-not-wrapped"}))
        .await;
    story("room_phone", async {
        let bea = Browser::phone(&app).await;
        sign_in(&bea, "bea").await;
        enter(&bea, &room).await;
        bea.wait_for_text("A-very-long-word").await;
        let (scroll, client) = (bea.scroll_width().await, bea.client_width().await);
        assert!(scroll <= client, "{scroll} px wide in a {client} px viewport");
        let send_fits = bea
            .script(
                "const r = document.getElementById('live-send').getBoundingClientRect(); \
                 return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth",
                vec![],
            )
            .await;
        assert_eq!(send_fits, true);
        // The panels are tabs on a phone.
        bea.click("Polls").await;
        bea.wait_for_text("Which line first").await;
        let (scroll, client) = (bea.scroll_width().await, bea.client_width().await);
        assert!(scroll <= client, "{scroll} px wide in a {client} px viewport");
        bea.axe().await;
    })
    .await;
    drop(ws);
}

#[tokio::test]
async fn when_the_event_is_cancelled_the_room_says_closed_and_nothing_can_be_done() {
    let app = TestApp::spawn().await;
    let admin = app.admin("ada").await;
    let ev = app.published_event(&admin, json!({})).await;
    let eid = ev["id"].as_str().unwrap().to_owned();
    let room = ev["room_id"].as_str().unwrap().to_owned();
    story("room_closed", async {
        let ada = Browser::open(&app).await;
        sign_in(&ada, "ada").await;
        enter(&ada, &room).await;
        assert!(!disabled(&ada, "live-hand").await);
        let (status, body) = app
            .post(
                &format!("/api/v1/events/{eid}/cancel"),
                Some(&admin.access),
                json!({"reason": "Strike"}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        ada.wait_for_text("Room closed").await;
        ada.wait_for_text("The event is over: the room is closed.")
            .await;
        for id in [
            "live-text",
            "live-send",
            "live-hand",
            "live-lock",
            "live-file",
        ] {
            assert!(disabled(&ada, id).await, "{id} is still enabled");
        }
        let status = ada
            .script(
                "return document.getElementById('live-status').textContent",
                vec![],
            )
            .await;
        assert!(!status.as_str().unwrap().contains("Live"), "{status}");
        // A new visit says the same from the start.
        enter_closed(&ada, &room).await;
        assert!(disabled(&ada, "live-text").await);
        ada.axe().await;
    })
    .await;
}

async fn enter_closed(b: &Browser, room: &str) {
    b.visit(&format!("/rooms/{room}")).await;
    b.wait_for_text("Room closed").await;
}

#[tokio::test]
async fn a_moderator_opens_a_room_from_the_list_and_shares_a_file_in_its_chat() {
    let app = TestApp::spawn().await;
    app.moderator("ada").await;
    app.register("bea").await;
    story("room_new_and_file", async {
        let ada = Browser::open(&app).await;
        sign_in(&ada, "ada").await;
        ada.visit("/rooms").await;
        ada.axe().await;
        ada.click("New room").await;
        ada.wait_for_text("A new room").await;
        ada.axe().await;
        ada.fill("Name", "Seafront tram").await;
        ada.click("Create the room").await;
        ada.wait_for_text("The room is open. You moderate it.")
            .await;
        ada.wait_for_text("Live").await;
        let room = ada.location().await;

        let dir = std::env::temp_dir().join(format!("room-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("tram-plan.pdf");
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend((0..30_000u32).map(|i| (i * 7 % 251) as u8));
        std::fs::write(&file, &pdf).unwrap();
        ada.upload("Attach a file", &file).await;
        ada.fill("Message", "The plan").await;
        ada.click("Send").await;
        ada.wait_for_text("Download tram-plan.pdf").await;
        ada.wait_for_text("29.3 kB").await;

        // The connection drops: the status says so, and a message sent meanwhile arrives
        // once, after the reconnection.
        ada.script("window.dispatchEvent(new Event('offline'))", vec![])
            .await;
        ada.wait_for_text("Reconnecting").await;
        ada.fill("Message", "Sent while away").await;
        ada.click("Send").await;
        ada.wait_for_text("Live again: you are up to date").await;
        wait_in(&ada, "#live-messages", "Sent while away").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let copies = ada
            .script(
                "return [...document.querySelectorAll('#live-messages .live-text')].filter(p => p.textContent === 'Sent while away').length",
                vec![],
            )
            .await;
        assert_eq!(copies, 1);

        let bea = Browser::open(&app).await;
        sign_in(&bea, "bea").await;
        bea.visit(&room).await;
        bea.wait_for_text("Download tram-plan.pdf").await;
        let href = bea
            .script(
                "return [...document.querySelectorAll('.live-file a')].map(a => a.href)[0]",
                vec![],
            )
            .await;
        assert!(href.as_str().unwrap().ends_with("/download"), "{href}");
        let got = bea
            .script(
                "return fetch(arguments[0]).then(async r => [r.status, (await r.arrayBuffer()).byteLength])",
                vec![href],
            )
            .await;
        assert_eq!(got, json!([200, 30_009]));
        bea.axe().await;
    })
    .await;
}
