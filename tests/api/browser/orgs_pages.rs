//! A city's organization and its documents in a real browser: created through its form,
//! a PDF uploaded through the embedded list (htmx), members and the directory. Every page
//! visited is checked by axe; the public page fits a phone.

use super::{Browser, story};
use crate::helpers::TestApp;

#[tokio::test]
async fn an_officer_creates_a_city_and_shares_a_pdf_from_its_page() {
    let app = TestApp::spawn().await;
    story(
        "an_officer_creates_a_city_and_shares_a_pdf_from_its_page",
        async {
            let ana = Browser::open(&app).await;
            ana.visit("/sign-up").await;
            ana.fill("Your name", "Ana").await;
            ana.fill("Email", "ana@valencia.es").await;
            ana.fill("Password", "naranjas y bicicletas").await;
            ana.click("Create account").await;
            ana.wait_for_text("Welcome").await;

            ana.visit("/organizations/new").await;
            ana.axe().await;
            ana.fill("Name", "Valencia").await;
            ana.fill("Country", "ES").await;
            ana.fill("Population", "800000").await;
            ana.click("Create organization").await;
            ana.wait_for_text("The organization is created.").await;
            // The documents list arrives by htmx in place of its link.
            ana.wait_for_text("No documents yet.").await;
            ana.axe().await;
            let page = ana.location().await;

            let dir = std::env::temp_dir().join(format!("orgs-pages-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join("bike-plan.pdf");
            let mut pdf = b"%PDF-1.7\n".to_vec();
            pdf.extend((0..50_000u32).map(|i| (i * 7 % 251) as u8));
            std::fs::write(&file, &pdf).unwrap();
            ana.upload("File", &file).await;
            ana.fill("Title", "Bike plan").await;
            ana.click("Upload").await;
            ana.wait_for_text("Download Bike plan").await;
            // Swapped in place: still the organization's page.
            assert_eq!(ana.location().await, page);
            ana.axe().await;

            let id: String = page
                .split("/organizations/")
                .nth(1)
                .unwrap()
                .chars()
                .take(36)
                .collect();
            ana.visit(&format!("/organizations/{id}/documents")).await;
            ana.wait_for_text("Bike plan").await;
            ana.axe().await;
            ana.click("Bike plan").await;
            ana.wait_for_text("Versions").await;
            ana.axe().await;
            ana.visit(&format!("/organizations/{id}/members")).await;
            ana.wait_for_text("Add a member").await;
            ana.axe().await;
            ana.visit("/organizations?kind=city").await;
            ana.wait_for_text("Valencia").await;
            ana.axe().await;

            let phone = Browser::phone(&app).await;
            phone.visit(&page).await;
            phone.wait_for_text("Bike plan").await;
            phone.axe().await;
            let (scroll, client) = (phone.scroll_width().await, phone.client_width().await);
            assert!(
                scroll <= client,
                "{scroll} px wide in a {client} px viewport"
            );
            phone.click("Bike plan").await;
            phone.wait_for_text("Versions").await;
            phone.axe().await;
            let (scroll, client) = (phone.scroll_width().await, phone.client_width().await);
            assert!(
                scroll <= client,
                "{scroll} px wide in a {client} px viewport"
            );
        },
    )
    .await;
}
