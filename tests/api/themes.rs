use serde_json::json;

use crate::helpers::{TestApp, assert_error, collect_pages};

const SEEDED: &[&str] = &[
    "green-production",
    "start-ups-and-social-economy",
    "construction-housing-urban-management",
    "smart-tourism",
    "green-mobility",
    "e-government",
    "citizen-participation",
    "health-and-well-being",
    "safety-and-security",
    "education-and-reskilling",
    "waste-and-circular-economy",
    "renewable-energy-and-energy-efficiency",
    "water-management",
    "natural-resources",
    "sustainable-food-systems",
    "climate-resilience-and-disaster-management",
    "integrated-energy-and-mobility-services",
    "waste-to-circular-economy",
];

#[tokio::test]
async fn seeded_themes_are_listed_with_stable_slugs() {
    let app = TestApp::spawn().await;
    let all = collect_pages(&app, "/api/v1/themes?limit=5", None).await;
    let mut slugs: Vec<&str> = all.iter().map(|t| t["slug"].as_str().unwrap()).collect();
    let mut want = SEEDED.to_vec();
    want.sort();
    assert_eq!(slugs, want, "themes come sorted by slug, each once");
    slugs.dedup();
    assert_eq!(slugs.len(), 18);

    let (status, t) = app.get("/api/v1/themes/green-mobility", None).await;
    assert_eq!(status, 200);
    assert_eq!(t["name"], "Green mobility");
    assert!(
        t["description"]
            .as_str()
            .unwrap()
            .contains("Intelligent Cities Challenge")
    );

    // Default page size is 20: the whole seeded list fits in one page.
    let page = app.get_ok("/api/v1/themes", None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 18);
    assert!(page["next_cursor"].is_null());
}

#[tokio::test]
async fn admins_add_themes() {
    let app = TestApp::spawn().await;
    let member = app.register("member").await;
    let root = app.admin("root").await;
    let theme =
        json!({"slug": "urban-greening", "name": "Urban greening", "description": "Trees."});

    let (status, body) = app.post("/api/v1/themes", None, theme.clone()).await;
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = app
        .post("/api/v1/themes", Some(&member.access), theme.clone())
        .await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app
        .post("/api/v1/themes", Some(&root.access), theme.clone())
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["slug"], "urban-greening");
    let (status, body) = app.post("/api/v1/themes", Some(&root.access), theme).await;
    assert_error(status, &body, 409, "slug_taken");
    let (status, body) = app
        .post(
            "/api/v1/themes",
            Some(&root.access),
            json!({"slug": "Bad Slug", "name": ""}),
        )
        .await;
    let d = assert_error(status, &body, 422, "validation_failed");
    assert!(d["slug"].is_string() && d["name"].is_string(), "{d}");
    assert_eq!(app.get("/api/v1/themes/urban-greening", None).await.0, 200);
}
