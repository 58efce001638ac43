//! The story the web application exists for: a city writes up a practice with a PDF
//! attached and publishes it; an officer of another city finds it with a typo and a facet,
//! comments and endorses; the author sees both. Then the catalogue on a phone and without
//! JavaScript. Every page visited is checked by axe.

use super::{Browser, story};
use crate::helpers::TestApp;

const TITLE: &str = "Superblocks for a calmer city centre";

async fn sign_up(b: &Browser, name: &str, email: &str) {
    b.visit("/sign-up").await;
    b.fill("Your name", name).await;
    b.fill("Email", email).await;
    b.fill("Password", "a long enough passphrase").await;
    b.click("Create account").await;
    b.wait_for_text("Welcome! Your account is ready.").await;
}

async fn fits(b: &Browser) {
    let (scroll, client) = (b.scroll_width().await, b.client_width().await);
    assert!(
        scroll <= client,
        "{}: {scroll} px wide in a {client} px viewport",
        b.location().await
    );
}

#[tokio::test]
async fn a_city_shares_a_practice_another_finds_it_comments_and_endorses() {
    let app = TestApp::spawn().await;
    story(
        "a_city_shares_a_practice_another_finds_it_comments_and_endorses",
        async {
            // Ana, of Barcelona: her account, her city, her write-up.
            let ana = Browser::open(&app).await;
            sign_up(&ana, "Ana", "ana@barcelona.cat").await;
            ana.visit("/organizations/new").await;
            ana.fill("Name", "Barcelona").await;
            ana.fill("Country", "ES").await;
            ana.click("Create organization").await;
            ana.wait_for_text("The organization is created.").await;

            ana.visit("/practices").await;
            ana.click("Write up a practice").await;
            ana.wait_for_text("The practice").await;
            ana.axe().await;
            ana.select("Organization", "Barcelona").await;
            ana.fill("Title", TITLE).await;
            ana.fill(
                "Summary",
                "Nine blocks closed to through traffic became squares for people.",
            )
            .await;
            ana.fill(
                "Description",
                "## How\nTactical urbanism first: paint, planters, benches.",
            )
            .await;
            ana.check("Green mobility").await;
            ana.select("Implementation", "Ongoing").await;
            ana.fill("Results", "Traffic down 58 % inside the superblock.")
                .await;
            ana.fill("Lessons learned", "Start with a temporary layout.")
                .await;
            ana.fill("Transferability", "Any city with a regular street grid.")
                .await;
            ana.click("Save as draft").await;
            ana.wait_for_text("Your practice is saved as a draft.")
                .await;
            ana.axe().await;

            // A PDF attached from the practice's page (the list arrives by htmx).
            ana.wait_for_text("No documents yet.").await;
            let dir = std::env::temp_dir().join(format!("practice-story-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join("superblock-plan.pdf");
            let mut pdf = b"%PDF-1.7\n".to_vec();
            pdf.extend((0..40_000u32).map(|i| (i * 13 % 251) as u8));
            std::fs::write(&file, &pdf).unwrap();
            ana.upload("File", &file).await;
            ana.fill("Title", "Superblock plan").await;
            ana.click("Upload").await;
            ana.wait_for_text("Superblock plan").await;
            ana.axe().await;
            ana.click("Publish").await;
            ana.wait_for_text("The practice is published.").await;
            let page = ana.location().await;

            // Ben, of Lyon, looks for it with a typo, then narrows by theme.
            let ben = Browser::open(&app).await;
            sign_up(&ben, "Ben", "ben@lyon.fr").await;
            ben.visit("/practices").await;
            ben.axe().await;
            ben.fill("Search practices", "superbloks").await;
            ben.press_enter().await;
            ben.wait_for_text(TITLE).await;
            ben.wait_for_htmx().await;
            ben.click("Green mobility (1)").await;
            ben.wait_for_text("Selected:").await;
            ben.axe().await;
            ben.screenshot_for_docs("practices-catalogue").await;
            ben.click(TITLE).await;
            ben.wait_for_text("Traffic down 58 %").await;
            assert!(
                ben.text().await.contains("Superblock plan"),
                "the PDF is not listed"
            );
            ben.axe().await;
            ben.fill("Your comment", "We want to try this in Lyon.")
                .await;
            ben.click("Post comment").await;
            ben.wait_for_text("We want to try this in Lyon.").await;
            ben.click("Endorse this practice").await;
            ben.wait_for_text("You endorse this practice.").await;
            ben.axe().await;

            // Ana sees both.
            ana.visit(&page).await;
            ana.wait_for_text("We want to try this in Lyon.").await;
            ana.wait_for_text("One endorsement").await;
            ana.axe().await;

            // The catalogue on a phone, and without JavaScript (a GET form and links).
            let phone = Browser::phone(&app).await;
            phone.visit("/practices?q=superblocks").await;
            phone.wait_for_text(TITLE).await;
            fits(&phone).await;
            phone.axe().await;
            phone.click(TITLE).await;
            phone.wait_for_text("Traffic down 58 %").await;
            fits(&phone).await;
            phone.axe().await;
            let plain = Browser::without_js(&app).await;
            plain.visit("/practices").await;
            plain.fill("Search practices", "calmer centre").await;
            plain.click("Search").await;
            plain.wait_for_text(TITLE).await;
            plain.click("Green mobility (1)").await;
            plain.wait_for_text("Selected:").await;
            plain.click(TITLE).await;
            plain.wait_for_text("Traffic down 58 %").await;
            std::fs::remove_dir_all(&dir).ok();
        },
    )
    .await;
}
