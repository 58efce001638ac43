use crate::contract::Checked as _;
use crate::helpers::{TestApp, admin_client, assert_error, cluster};

#[tokio::test]
async fn healthz_answers_ok() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/healthz", None).await;
    assert_eq!(status, 200);
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn readyz_follows_the_database() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/readyz", None).await;
    assert_eq!(status, 200, "{body}");

    // Take the database away under the running server.
    let admin = admin_client(&cluster().base_url, "postgres").await;
    admin
        .batch_execute(&format!("DROP DATABASE {} WITH (FORCE)", app.db_name))
        .await
        .unwrap();
    let (status, body) = app.get("/readyz", None).await;
    assert_error(status, &body, 503, "service_unavailable");
    // Requests that need the database fail cleanly too, not with a 500.
    let (status, body) = app.get("/api/v1/themes", None).await;
    assert_error(status, &body, 503, "service_unavailable");
    // Liveness does not depend on the database.
    let (status, _) = app.get("/healthz", None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = TestApp::spawn().await;
    let id = uuid::Uuid::now_v7();
    let (status, b) = app.get(&format!("/api/v1/users/{id}"), None).await;
    assert_error(status, &b, 404, "not_found");
    app.get_ok("/api/v1/themes", None).await;
    let res = app
        .client
        .get(app.url("/metrics"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = res.text().await.unwrap();
    assert!(
        text.contains(
            r#"livinglab_http_requests_total{method="GET",route="/api/v1/users/{id}",status="404"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"route="/api/v1/themes",status="200"} 1"#),
        "{text}"
    );
    assert!(
        !text.contains(&id.to_string()),
        "raw ids must not become labels"
    );
    assert!(text.contains("livinglab_http_request_duration_seconds_bucket"));
    assert!(text.contains("livinglab_db_pool_max 4"), "{text}");
    assert!(text.contains("livinglab_db_pool_connections"));
}

#[tokio::test]
async fn the_web_ui_is_served_with_a_strict_policy() {
    let app = TestApp::spawn().await;
    let res = app.client.get(app.url("/")).send_checked().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"<script src="/static/site.js?v="#),
        "{html}"
    );
    // The single-page application is gone: the rooms are pages of their own.
    for path in ["/live", "/assets/app.js", "/assets/app.css"] {
        let res = app.client.get(app.url(path)).send_checked().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    // API responses carry the same hardening headers.
    let res = app
        .client
        .get(app.url("/api/v1/themes"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn metrics_can_require_a_token() {
    let app = TestApp::spawn_with(|s| {
        s.http.metrics_token = Some(secrecy::SecretString::from("scrape-me".to_owned()));
    })
    .await;
    let (status, body) = app.get("/metrics", None).await;
    assert_error(status, &body, 401, "unauthorized");
    let (status, _) = app.get("/metrics", Some("wrong")).await;
    assert_eq!(status, 401);
    let res = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-me")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("livinglab_db_pool_max"));
}

/// The compose deployment publishes its port: its server must keep documents' contents in
/// a named volume (recreating the container keeps them) and refuse to start without a
/// metrics token (so `/metrics` is never open).
#[test]
fn the_compose_deployment_keeps_documents_and_closes_metrics() {
    use serde_norway::Value;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docker-compose.yml"))
        .unwrap();
    let compose: Value = serde_norway::from_str(&text).unwrap();
    let server = &compose["services"]["server"];
    let env = &server["environment"];
    let data_dir = env["LIVINGLAB_DATA_DIR"]
        .as_str()
        .expect("LIVINGLAB_DATA_DIR");
    let mounted: Vec<&str> = server["volumes"]
        .as_sequence()
        .expect("the server has volumes")
        .iter()
        .filter_map(|v| v.as_str()?.strip_suffix(&format!(":{data_dir}")))
        .collect();
    let [volume] = mounted[..] else {
        panic!("no volume is mounted at the data folder {data_dir}");
    };
    assert!(
        compose["volumes"].get(volume).is_some(),
        "{volume} is not a named volume"
    );
    let token = env["LIVINGLAB_METRICS_TOKEN"]
        .as_str()
        .expect("LIVINGLAB_METRICS_TOKEN is set");
    assert!(
        token.starts_with("${LIVINGLAB_METRICS_TOKEN:?"),
        "the token must be required, not defaulted: {token}"
    );
}
