//! The organizations' pages as a browser without JavaScript uses them: the directory and
//! its filters, creating and editing, the public page's tags, members and roles, verifying.

use crate::helpers::TestApp;
use crate::pages::{Page, Visitor};

/// The organization's id from a page address such as `/organizations/{id}-valencia`.
fn id_in(location: &str) -> String {
    location
        .trim_start_matches("/organizations/")
        .chars()
        .take(36)
        .collect()
}

async fn create_org(v: &mut Visitor, name: &str, kind: &str, country: &str) -> String {
    let page = v
        .submit(
            "/organizations",
            vec![
                ("name", name.to_owned()),
                ("kind", kind.to_owned()),
                ("country", country.to_owned()),
                ("population", String::new()),
                ("website", String::new()),
                ("description", String::new()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    id_in(page.location())
}

async fn user_id(app: &TestApp, email: &str) -> String {
    app.db()
        .await
        .query_one(
            "SELECT id::text FROM users WHERE email = $1",
            &[&email.to_owned()],
        )
        .await
        .unwrap()
        .get(0)
}

async fn role_of(app: &TestApp, org: &str, user: &str) -> Option<String> {
    app.db()
        .await
        .query_opt(
            "SELECT role FROM organization_members \
             WHERE organization_id = $1::text::uuid AND user_id = $2::text::uuid",
            &[&org.to_owned(), &user.to_owned()],
        )
        .await
        .unwrap()
        .map(|r| r.get(0))
}

async fn org_name(app: &TestApp, org: &str) -> String {
    app.db()
        .await
        .query_one(
            "SELECT name FROM organizations WHERE id = $1::text::uuid",
            &[&org.to_owned()],
        )
        .await
        .unwrap()
        .get(0)
}

fn assert_status(page: &Page, want: u16) {
    assert_eq!(page.status.as_u16(), want, "{}", page.html);
}

#[tokio::test]
async fn an_owner_creates_an_organization_and_edits_it_and_a_bad_form_comes_back_with_its_problems()
{
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    // Signed out, the form sends you to sign in first.
    let page = ana.get("/organizations/new").await;
    assert_status(&page, 303);
    assert!(page.location().starts_with("/sign-in?next="));
    ana.sign_up("Ana").await;
    let page = ana.get("/organizations/new").await;
    assert_status(&page, 200);
    assert!(page.html.contains(r#"<label for="f-name">"#));

    // Problems: the form again with 422, each problem linked to its field, input kept.
    let page = ana
        .submit(
            "/organizations",
            vec![
                ("name", "V".into()),
                ("kind", "city".into()),
                ("country", "XX".into()),
                ("population", "lots".into()),
                ("website", "ftp://valencia.es".into()),
                ("description", String::new()),
            ],
        )
        .await;
    assert_status(&page, 422);
    assert!(
        page.html.contains(r##"<a href="#f-population">"##),
        "{}",
        page.html
    );
    assert!(page.html.contains(r#"value="lots""#));
    let page = ana
        .submit(
            "/organizations",
            vec![
                ("name", "V".into()),
                ("kind", "city".into()),
                ("country", "XX".into()),
                ("website", "ftp://valencia.es".into()),
            ],
        )
        .await;
    assert_status(&page, 422);
    for field in ["name", "country", "website"] {
        assert!(
            page.html.contains(&format!(r##"<a href="#f-{field}">"##)),
            "{field}: {}",
            page.html
        );
        assert!(page.html.contains(&format!(r#"id="e-{field}""#)));
    }
    assert!(page.html.contains("Use at least 2 characters."));
    assert!(page.html.contains(r#"value="ftp://valencia.es""#));
    let page = ana
        .submit(
            "/organizations",
            vec![
                ("name", "Valencia".into()),
                ("kind", "castle".into()),
                ("country", "ES".into()),
            ],
        )
        .await;
    assert_status(&page, 422);
    assert!(
        page.html.contains("Choose one of the kinds."),
        "{}",
        page.html
    );
    assert_eq!(app.count("organizations").await, 0);

    // Created: 303 to its page (id and slug); the creator is its owner.
    let page = ana
        .submit(
            "/organizations",
            vec![
                ("name", "Valencia".into()),
                ("kind", "city".into()),
                ("country", "es".into()),
                ("population", "800 000".into()),
                ("website", "https://www.valencia.es".into()),
                (
                    "description",
                    "Mediterranean city.\nBikes everywhere.".into(),
                ),
            ],
        )
        .await;
    assert_status(&page, 303);
    let org = id_in(page.location());
    assert_eq!(page.location(), format!("/organizations/{org}-valencia"));
    let page = ana.get(&format!("/organizations/{org}-valencia")).await;
    assert_status(&page, 200);
    assert!(page.html.contains("<h1>Valencia</h1>"));
    assert!(page.html.contains("The organization is created."));
    assert!(page.html.contains("800,000"), "{}", page.html);
    assert!(page.html.contains("Not verified yet"));
    assert!(
        page.html
            .contains(&format!(r#"href="/organizations/{org}/edit""#))
    );
    assert!(
        page.html
            .contains(r#"<th scope="row">Ana</th><td>Owner</td>"#)
    );
    let ana_id = user_id(&app, "ana@example.org").await;
    assert_eq!(role_of(&app, &org, &ana_id).await.as_deref(), Some("owner"));

    // Edited: the new name gives a new address; the old one and the bare id move there.
    let page = ana.get(&format!("/organizations/{org}/edit")).await;
    assert_status(&page, 200);
    assert!(page.html.contains(r#"value="Valencia""#));
    let page = ana
        .submit(
            &format!("/organizations/{org}/edit"),
            vec![
                ("name", "València Ciutat".into()),
                ("kind", "city".into()),
                ("country", "ES".into()),
                ("population", "800000".into()),
                ("website", String::new()),
                ("description", "A city by the sea.".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(
        page.location(),
        format!("/organizations/{org}-valencia-ciutat")
    );
    assert_eq!(org_name(&app, &org).await, "València Ciutat");
    for old in [
        format!("/organizations/{org}"),
        format!("/organizations/{org}-valencia"),
    ] {
        let page = ana.get(&old).await;
        assert_status(&page, 301);
        assert_eq!(
            page.location(),
            format!("/organizations/{org}-valencia-ciutat")
        );
    }
    // A bad edit: 422 and nothing stored.
    let page = ana
        .submit(
            &format!("/organizations/{org}/edit"),
            vec![
                ("name", " ".into()),
                ("kind", "city".into()),
                ("country", "ES".into()),
            ],
        )
        .await;
    assert_status(&page, 422);
    assert!(page.html.contains(r##"<a href="#f-name">"##));
    assert_eq!(org_name(&app, &org).await, "València Ciutat");

    // Somebody else may neither see the edit form nor send it.
    let mut eve = Visitor::new(&app);
    eve.sign_up("Eve").await;
    assert_status(&eve.get(&format!("/organizations/{org}/edit")).await, 403);
    let page = eve
        .submit(
            &format!("/organizations/{org}/edit"),
            vec![
                ("name", "Eveland".into()),
                ("kind", "city".into()),
                ("country", "ES".into()),
            ],
        )
        .await;
    assert_status(&page, 403);
    assert_eq!(org_name(&app, &org).await, "València Ciutat");
    let page = eve
        .get(&format!("/organizations/{org}-valencia-ciutat"))
        .await;
    assert!(
        !page
            .html
            .contains(&format!(r#"href="/organizations/{org}/edit""#))
    );
    // Unknown and malformed organizations are 404 pages.
    assert_status(
        &eve.get("/organizations/0190a0a0-0000-7000-8000-000000000000")
            .await,
        404,
    );
    assert_status(&eve.get("/organizations/not-an-id").await, 404);
}

#[tokio::test]
async fn owners_add_members_by_email_change_roles_and_the_last_owner_stays() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let mut bob = Visitor::new(&app);
    bob.sign_up("Bob").await;
    let org = create_org(&mut ana, "Turin", "city", "IT").await;
    let ana_id = user_id(&app, "ana@example.org").await;
    let bob_id = user_id(&app, "bob@example.org").await;
    let members = format!("/organizations/{org}/members");

    // An address without an account: 422 beside the email field, input kept.
    let page = ana
        .submit(
            &members,
            vec![
                ("email", "nobody@example.org".into()),
                ("role", "member".into()),
            ],
        )
        .await;
    assert_status(&page, 422);
    assert!(page.html.contains(r##"<a href="#f-email">"##));
    assert!(page.html.contains("No account has this email address."));
    assert!(page.html.contains(r#"value="nobody@example.org""#));

    // Bob is added (his address in any case), then made editor.
    let page = ana
        .submit(
            &members,
            vec![
                ("email", "BOB@example.org".into()),
                ("role", "member".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(
        role_of(&app, &org, &bob_id).await.as_deref(),
        Some("member")
    );
    let page = ana.get(&members).await;
    assert!(page.html.contains("The member is added."));
    assert!(page.html.contains(&format!(r#"id="f-role-{bob_id}""#)));
    let page = ana
        .submit(
            &members,
            vec![
                ("email", "bob@example.org".into()),
                ("role", "editor".into()),
            ],
        )
        .await;
    assert_status(&page, 409);
    assert!(page.html.contains("already a member"));
    let page = ana
        .submit(
            &format!("{members}/{bob_id}/role"),
            vec![("role", "editor".into())],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(
        role_of(&app, &org, &bob_id).await.as_deref(),
        Some("editor")
    );
    let page = ana
        .submit(
            &format!("{members}/{bob_id}/role"),
            vec![("role", "king".into())],
        )
        .await;
    assert_status(&page, 422);
    assert!(
        page.html
            .contains(&format!(r##"<a href="#f-role-{bob_id}">"##))
    );

    // The last owner cannot step down: the service's rule, shown at the control.
    let page = ana
        .submit(
            &format!("{members}/{ana_id}/role"),
            vec![("role", "member".into())],
        )
        .await;
    assert_status(&page, 409);
    assert!(
        page.html.contains("needs at least one owner"),
        "{}",
        page.html
    );
    assert!(page.html.contains(&format!(r#"id="e-role-{ana_id}""#)));
    assert_eq!(role_of(&app, &org, &ana_id).await.as_deref(), Some("owner"));
    let page = ana
        .submit(&format!("{members}/{ana_id}/remove"), vec![])
        .await;
    assert_status(&page, 409);
    assert_eq!(role_of(&app, &org, &ana_id).await.as_deref(), Some("owner"));

    // Bob, an editor and no owner, may not change roles, remove or add anyone.
    let page = bob.get(&members).await;
    assert_status(&page, 200);
    assert!(!page.html.contains(&format!(r#"id="f-role-{ana_id}""#)));
    assert!(!page.html.contains(r#"id="add-member-form""#));
    let page = bob
        .submit(
            &format!("{members}/{ana_id}/role"),
            vec![("role", "member".into())],
        )
        .await;
    assert_status(&page, 403);
    let page = bob
        .submit(&format!("{members}/{ana_id}/remove"), vec![])
        .await;
    assert_status(&page, 403);
    let page = bob
        .submit(
            &members,
            vec![
                ("email", "bob@example.org".into()),
                ("role", "owner".into()),
            ],
        )
        .await;
    assert_status(&page, 403);
    assert_eq!(role_of(&app, &org, &ana_id).await.as_deref(), Some("owner"));
    assert_eq!(
        role_of(&app, &org, &bob_id).await.as_deref(),
        Some("editor")
    );

    // Made owner, Bob lets Ana go; then Bob may leave no more, but Ana could be re-added.
    ana.submit(
        &format!("{members}/{bob_id}/role"),
        vec![("role", "owner".into())],
    )
    .await;
    let page = bob
        .submit(&format!("{members}/{ana_id}/remove"), vec![])
        .await;
    assert_status(&page, 303);
    assert_eq!(role_of(&app, &org, &ana_id).await, None);
    let page = bob
        .submit(&format!("{members}/{bob_id}/remove"), vec![])
        .await;
    assert_status(&page, 409);
    // A member who is not owner leaves by themself.
    bob.submit(
        &members,
        vec![
            ("email", "ana@example.org".into()),
            ("role", "member".into()),
        ],
    )
    .await;
    let page = ana
        .submit(&format!("{members}/{ana_id}/remove"), vec![])
        .await;
    assert_status(&page, 303);
    assert!(
        page.location()
            .starts_with(&format!("/organizations/{org}-"))
    );
    assert_eq!(role_of(&app, &org, &ana_id).await, None);

    // Members are shown to the signed-in only.
    let mut anon = Visitor::new(&app);
    let page = anon.get(&format!("/organizations/{org}-turin")).await;
    assert_status(&page, 200);
    assert!(!page.html.contains("org-members"));
    let page = anon.get(&members).await;
    assert_status(&page, 303);
}

#[tokio::test]
async fn an_admin_verifies_an_organization_and_others_cannot() {
    let app = TestApp::spawn().await;
    app.admin("Root").await;
    let mut root = Visitor::new(&app);
    let page = root
        .submit(
            "/sign-in",
            vec![
                ("email", "Root@example.org".into()),
                ("password", "password-of-Root".into()),
            ],
        )
        .await;
    assert_status(&page, 303);
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let org = create_org(&mut ana, "Lyon", "city", "FR").await;
    let path = format!("/organizations/{org}-lyon");

    // The owner sees no verify button and cannot verify by hand.
    assert!(
        !ana.get(&path)
            .await
            .html
            .contains("Verify this organization")
    );
    let page = ana
        .submit(
            &format!("/organizations/{org}/verify"),
            vec![("verified", "true".into())],
        )
        .await;
    assert_status(&page, 403);
    let verified = || async {
        app.db()
            .await
            .query_one(
                "SELECT verified_at IS NOT NULL FROM organizations WHERE id = $1::text::uuid",
                &[&org.clone()],
            )
            .await
            .unwrap()
            .get::<_, bool>(0)
    };
    assert!(!verified().await);

    // The admin does; the badge says it in words.
    let page = root.get(&path).await;
    assert!(page.html.contains("Verify this organization"));
    let page = root
        .submit(
            &format!("/organizations/{org}/verify"),
            vec![("verified", "true".into())],
        )
        .await;
    assert_status(&page, 303);
    assert_eq!(page.location(), path);
    assert!(verified().await);
    let page = ana.get(&path).await;
    assert!(
        page.html
            .contains(r#"<span class="badge" id="org-verified">Verified</span>"#)
    );

    // The directory filters on it.
    create_org(&mut ana, "Lille", "city", "FR").await;
    let page = ana.get("/organizations?verified=yes").await;
    assert!(page.html.contains("Lyon") && !page.html.contains("Lille"));
    let page = ana.get("/organizations?verified=no").await;
    assert!(!page.html.contains(">Lyon<") && page.html.contains("Lille"));

    // And withdraws it.
    let page = root
        .submit(
            &format!("/organizations/{org}/verify"),
            vec![("verified", "false".into())],
        )
        .await;
    assert_status(&page, 303);
    assert!(!verified().await);
    let page = root
        .submit(
            &format!("/organizations/{org}/verify"),
            vec![("verified", "maybe".into())],
        )
        .await;
    assert_status(&page, 400);
}

#[tokio::test]
async fn the_public_page_has_a_title_a_description_a_canonical_link_and_open_graph_tags() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let page = ana
        .submit(
            "/organizations",
            vec![
                ("name", "Ghent".into()),
                ("kind", "city".into()),
                ("country", "BE".into()),
                ("description", "A city of bikes & canals.".into()),
            ],
        )
        .await;
    let org = id_in(page.location());
    let mut anon = Visitor::new(&app);
    let page = anon.get(&format!("/organizations/{org}-ghent")).await;
    assert_status(&page, 200);
    let url = format!("{}/organizations/{org}-ghent", anon.base);
    let html = &page.html;
    assert!(html.contains("<title>Ghent · livinglab</title>"), "{html}");
    assert!(
        html.contains(r#"<meta name="description" content="A city of bikes &#38; canals.">"#)
            || html
                .contains(r#"<meta name="description" content="A city of bikes &amp; canals.">"#),
        "{html}"
    );
    assert!(
        html.contains(&format!(r#"<link rel="canonical" href="{url}">"#)),
        "{html}"
    );
    assert!(html.contains(&format!(r#"<meta property="og:url" content="{url}">"#)));
    assert!(html.contains(r#"<meta property="og:title" content="Ghent">"#));
    assert!(html.contains(r#"<meta property="og:type" content="website">"#));
    assert!(html.contains(r#"<meta property="og:description" content="A city of bikes"#));
    // Its practices in the catalogue, its documents embedded (with a link without JS).
    assert!(html.contains(&format!(r#"href="/practices?organization={org}""#)));
    assert!(html.contains(&format!(r#"hx-get="/organizations/{org}/documents""#)));
    assert!(html.contains(&format!(r#"<a href="/organizations/{org}/documents">"#)));
    assert_eq!(html.matches("<h1").count(), 1);

    // Without a description, one made of its kind and country.
    let org2 = create_org(&mut ana, "Brabant", "region", "NL").await;
    let page = anon.get(&format!("/organizations/{org2}-brabant")).await;
    assert!(
        page.html
            .contains(r#"<meta name="description" content="Region in NL on livinglab"#),
        "{}",
        page.html
    );
}

#[tokio::test]
async fn the_directory_filters_by_kind_country_and_name_and_pages() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    create_org(&mut ana, "Porto", "city", "PT").await;
    create_org(&mut ana, "Norte Region", "region", "PT").await;
    create_org(&mut ana, "Bologna", "city", "IT").await;

    let mut anon = Visitor::new(&app);
    let page = anon.get("/organizations").await;
    assert_status(&page, 200);
    for name in ["Porto", "Norte Region", "Bologna"] {
        assert!(page.html.contains(name), "{name}");
    }
    let page = anon.get("/organizations?kind=city&country=").await;
    assert!(page.html.contains("Porto") && page.html.contains("Bologna"));
    assert!(!page.html.contains("Norte Region"));
    assert!(page.html.contains(r#"<option value="city" selected>"#));
    let page = anon.get("/organizations?country=pt").await;
    assert!(page.html.contains("Porto") && page.html.contains("Norte Region"));
    assert!(!page.html.contains("Bologna"));
    let page = anon.get("/organizations?q=olog").await;
    assert!(page.html.contains("Bologna") && !page.html.contains("Porto"));

    // Bad filters are the form's problems, never a server error.
    let page = anon.get("/organizations?kind=castle").await;
    assert_status(&page, 422);
    assert!(page.html.contains(r##"<a href="#f-kind">"##));
    let page = anon.get("/organizations?country=Atlantis").await;
    assert_status(&page, 422);
    assert!(page.html.contains(r##"<a href="#f-country">"##));
    assert_status(&anon.get("/organizations?cursor=%%%").await, 422);

    // Twenty to a page (21 in Spain), the filters kept on the next one.
    for i in 0..21 {
        create_org(&mut ana, &format!("Town {i:02}"), "city", "ES").await;
    }
    let page = anon.get("/organizations?country=ES").await;
    assert_eq!(page.html.matches("<h3>").count(), 20);
    let at = page.html.find(r#"rel="next""#).expect("a next page");
    let start = page.html[..at].rfind("href=\"").unwrap() + 6;
    let next = page.html[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    assert!(
        next.contains("country=ES") && next.contains("cursor="),
        "{next}"
    );
    let page = anon.get(&next).await;
    assert_status(&page, 200);
    assert_eq!(page.html.matches("<h3>").count(), 1, "{}", page.html);
    assert!(!page.html.contains(r#"rel="next""#));
}
