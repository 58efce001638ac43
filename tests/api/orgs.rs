use crate::contract::Checked as _;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, assert_error, collect_pages};

fn valencia() -> Value {
    json!({"name": "Valencia", "kind": "city", "country": "es", "population": 800000,
           "website": "https://www.valencia.es", "description": "Lead city, green mobility."})
}

#[tokio::test]
async fn creating_an_organization_makes_the_creator_owner() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let (status, body) = app.post("/api/v1/organizations", None, valencia()).await;
    assert_error(status, &body, 401, "unauthorized");

    let org = app.create_org(&ana, valencia()).await;
    assert_eq!(org["name"], "Valencia");
    assert_eq!(org["country"], "ES");
    assert_eq!(org["kind"], "city");
    assert_eq!(org["verified"], false);
    assert_eq!(org["member_count"], 1);

    let me = app.get_ok("/api/v1/me", Some(&ana.access)).await;
    assert_eq!(
        me["memberships"],
        json!([{"organization_id": org["id"], "organization_name": "Valencia", "role": "owner"}])
    );
    let (status, fetched) = app
        .get(
            &format!("/api/v1/organizations/{}", org["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(fetched, org);
}

#[tokio::test]
async fn organization_input_is_validated_field_by_field() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let (status, body) = app
        .post(
            "/api/v1/organizations",
            Some(&ana.access),
            json!({"name": "V", "kind": "city", "country": "XX", "population": -5,
                   "website": "javascript:alert(1)"}),
        )
        .await;
    let d = assert_error(status, &body, 422, "validation_failed");
    let fields: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["country", "name", "population", "website"]);
    let (status, body) = app
        .post(
            "/api/v1/organizations",
            Some(&ana.access),
            json!({"name": "Valencia", "kind": "village", "country": "ES"}),
        )
        .await;
    let d = assert_error(status, &body, 422, "validation_failed");
    assert!(d["kind"].as_str().unwrap().contains("city"), "{d}");
}

#[tokio::test]
async fn listing_filters_and_pages() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let root = app.admin("root").await;
    let cities = [
        ("Valencia", "ES", "city"),
        ("Bilbao", "ES", "city"),
        ("Aarhus", "DK", "city"),
        ("Tampere", "FI", "city"),
        ("Basque Country", "ES", "region"),
        ("Fraunhofer", "DE", "research"),
    ];
    let mut ids = Vec::new();
    for (name, country, kind) in cities {
        let org = app
            .create_org(
                &ana,
                json!({"name": name, "country": country, "kind": kind}),
            )
            .await;
        ids.push(org["id"].as_str().unwrap().to_owned());
    }
    let all = collect_pages(&app, "/api/v1/organizations?limit=4", None).await;
    let seen: Vec<&str> = all.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(seen, ids, "every organization once, in creation order");

    let names = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let es_cities = app
        .get_ok("/api/v1/organizations?country=es&kind=city", None)
        .await;
    assert_eq!(names(&es_cities), ["Valencia", "Bilbao"]);
    let q = app.get_ok("/api/v1/organizations?q=BAS", None).await;
    assert_eq!(names(&q), ["Basque Country"]);

    app.post_ok(
        200,
        &format!("/api/v1/organizations/{}/verify", ids[2]),
        Some(&root.access),
        json!({}),
    )
    .await;
    let verified = app
        .get_ok("/api/v1/organizations?verified=true", None)
        .await;
    assert_eq!(names(&verified), ["Aarhus"]);
    let unverified = app
        .get_ok("/api/v1/organizations?verified=false", None)
        .await;
    assert_eq!(names(&unverified).len(), 5);
}

#[tokio::test]
async fn owners_and_admins_edit_others_cannot() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let root = app.admin("root").await;
    let org = app.create_org(&ana, valencia()).await;
    let path = format!("/api/v1/organizations/{}", org["id"].as_str().unwrap());

    let (status, body) = app
        .patch(&path, Some(&ben.access), json!({"name": "Mine"}))
        .await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app
        .patch(
            &path,
            Some(&ana.access),
            json!({"population": 810000, "website": null}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["population"], 810000);
    assert!(body["website"].is_null());
    assert_eq!(body["name"], "Valencia", "absent fields stay");
    let (status, body) = app
        .patch(&path, Some(&root.access), json!({"name": "València"}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["name"], "València");
    let (status, body) = app
        .patch(&path, Some(&ana.access), json!({"country": "España"}))
        .await;
    assert_error(status, &body, 422, "validation_failed");
    let missing = format!("/api/v1/organizations/{}", uuid::Uuid::now_v7());
    let (status, body) = app
        .patch(&missing, Some(&root.access), json!({"name": "X y"}))
        .await;
    assert_error(status, &body, 404, "not_found");
}

#[tokio::test]
async fn only_admins_verify() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let root = app.admin("root").await;
    let org = app.create_org(&ana, valencia()).await;
    let path = format!(
        "/api/v1/organizations/{}/verify",
        org["id"].as_str().unwrap()
    );
    let (status, body) = app.post(&path, Some(&ana.access), json!({})).await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app.post(&path, Some(&root.access), json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(body["verified"], true);
    assert!(body["verified_at"].is_string());
    let (status, body) = app.delete(&path, Some(&root.access)).await;
    assert_eq!(status, 200);
    assert_eq!(body["verified"], false);
}

/// A verified city renamed into another (or moved to another country or kind) is no
/// longer what the admin checked; other edits keep the badge.
#[tokio::test]
async fn identity_changes_withdraw_verification() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let root = app.admin("root").await;
    let org = app.create_org(&ana, valencia()).await;
    let id = org["id"].as_str().unwrap();
    let path = format!("/api/v1/organizations/{id}");
    let verify = format!("{path}/verify");
    app.post_ok(200, &verify, Some(&root.access), json!({}))
        .await;

    // Unchanged identity (same name, a new description) keeps the badge.
    let same = app
        .patch_ok(
            &path,
            Some(&ana.access),
            json!({"name": org["name"], "description": "Mediterranean city"}),
        )
        .await;
    assert_eq!(same["verified"], true);

    for change in [
        json!({"name": "Vaiencia"}),
        json!({"country": "PT"}),
        json!({"kind": "region"}),
    ] {
        let body = app.patch_ok(&path, Some(&ana.access), change.clone()).await;
        assert_eq!(body["verified"], false, "{change}");
        assert!(body["verified_at"].is_null(), "{change}");
        let stored = app.get_ok(&path, None).await;
        assert_eq!(stored["verified"], false, "{change}");
        let row = app
            .db()
            .await
            .query_one(
                "SELECT verified_by IS NULL FROM organizations WHERE id = $1::text::uuid",
                &[&id],
            )
            .await
            .unwrap();
        assert!(row.get::<_, bool>(0), "verified_by cleared too");
        app.post_ok(200, &verify, Some(&root.access), json!({}))
            .await;
    }
}

#[tokio::test]
async fn membership_rules() {
    let app = TestApp::spawn().await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let cleo = app.register("cleo").await;
    let root = app.admin("root").await;
    let org = app.create_org(&ana, valencia()).await;
    let id = org["id"].as_str().unwrap();
    let members = format!("/api/v1/organizations/{id}/members");
    let member = |u: &TestUser| format!("/api/v1/organizations/{id}/members/{}", u.id);

    // Only owners (and admins) add members.
    let (status, body) = app
        .post(
            &members,
            Some(&ben.access),
            json!({"user_id": ben.id, "role": "owner"}),
        )
        .await;
    assert_error(status, &body, 403, "forbidden");
    let (status, body) = app
        .post(
            &members,
            Some(&ana.access),
            json!({"user_id": ben.id, "role": "editor"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["role"], "editor");
    assert_eq!(body["display_name"], "ben");
    let (status, body) = app
        .post(
            &members,
            Some(&ana.access),
            json!({"user_id": ben.id, "role": "member"}),
        )
        .await;
    assert_error(status, &body, 409, "already_member");
    let (status, body) = app
        .post(
            &members,
            Some(&ana.access),
            json!({"user_id": uuid::Uuid::now_v7(), "role": "member"}),
        )
        .await;
    assert_error(status, &body, 404, "not_found");
    let (status, _) = app
        .post(
            &members,
            Some(&root.access),
            json!({"user_id": cleo.id, "role": "member"}),
        )
        .await;
    assert_eq!(status, 201);

    // Editors cannot manage members.
    let (status, body) = app.delete(&member(&cleo), Some(&ben.access)).await;
    assert_error(status, &body, 403, "forbidden");

    // Listing needs a signed-in user.
    let (status, _) = app.get(&members, None).await;
    assert_eq!(status, 401);
    let listed = collect_pages(&app, &format!("{members}?limit=2"), Some(&cleo.access)).await;
    assert_eq!(listed.len(), 3);

    // The last owner can neither leave, be removed, nor be demoted.
    let (status, body) = app.delete(&member(&ana), Some(&ana.access)).await;
    assert_error(status, &body, 409, "last_owner");
    let (status, body) = app.delete(&member(&ana), Some(&root.access)).await;
    assert_error(status, &body, 409, "last_owner");
    let (status, body) = app
        .patch(&member(&ana), Some(&ana.access), json!({"role": "member"}))
        .await;
    assert_error(status, &body, 409, "last_owner");

    // With a second owner, the first may step down.
    let (status, body) = app
        .patch(&member(&ben), Some(&ana.access), json!({"role": "owner"}))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .patch(&member(&ana), Some(&ana.access), json!({"role": "editor"}))
        .await;
    assert_eq!(status, 200);
    // A member may leave on their own.
    let (status, _) = app.delete(&member(&cleo), Some(&cleo.access)).await;
    assert_eq!(status, 204);
    let (status, body) = app.delete(&member(&cleo), Some(&ben.access)).await;
    assert_error(status, &body, 404, "not_found");

    let org_now = app
        .get_ok(&format!("/api/v1/organizations/{id}"), None)
        .await;
    assert_eq!(org_now["member_count"], 2);
}

#[tokio::test]
async fn two_owners_stepping_down_at_once_leave_one_owner() {
    // Two workers so the requests really run side by side; several rounds because a race
    // that is lost only sometimes must still be caught.
    let app = TestApp::spawn_with(|s| s.http.workers = Some(2)).await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    for round in 0..6 {
        let org = app
            .create_org(
                &ana,
                json!({"name": format!("Org {round}"), "kind": "city", "country": "ES"}),
            )
            .await;
        let id = org["id"].as_str().unwrap().to_owned();
        app.add_member(&ana, &id, &ben, "owner").await;
        let leave = |u: TestUser| {
            let client = app.client.clone();
            let url = app.url(&format!("/api/v1/organizations/{id}/members/{}", u.id));
            tokio::spawn(async move {
                client
                    .delete(url)
                    .bearer_auth(&u.access)
                    .send_checked()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        };
        let (a, b) = (leave(ana.clone()), leave(ben.clone()));
        let mut statuses = [a.await.unwrap(), b.await.unwrap()];
        statuses.sort();
        assert_eq!(statuses, [204, 409], "round {round}");
        let db = app.db().await;
        let owners: i64 = db
            .query_one(
                "SELECT count(*) FROM organization_members \
                 WHERE role = 'owner' AND organization_id = $1::text::uuid",
                &[&id],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(owners, 1, "round {round}");
    }
}
