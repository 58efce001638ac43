//! Documents through the pages: multipart uploads with the CSRF token first, the list (as
//! a page and as the htmx fragment), versions, downloads with the browser's session, and
//! deleting within the parent's rights.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::contract::Checked as _;
use crate::helpers::TestApp;
use crate::pages::Visitor;

/// `n` bytes of a "PDF": its magic number, then bytes that are not text.
fn pdf(n: usize, seed: u8) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut x = seed as u32 | 1;
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out.push((x & 0xff) as u8);
    }
    out
}

struct Answer {
    status: StatusCode,
    location: Option<String>,
    html: String,
}

/// A multipart form sent as the page's form sends it (the session's cookies, this
/// origin); `csrf_first` puts the visitor's token first, as the page does.
async fn send_multipart(
    v: &mut Visitor,
    path: &str,
    token: Option<String>,
    fields: &[(&str, &str)],
    file: Option<(Vec<u8>, &str)>,
    origin: Option<&str>,
) -> Answer {
    if !v.cookies.contains_key("csrf") {
        v.get("/").await;
    }
    let mut form = Form::new();
    if let Some(t) = token {
        form = form.text("csrf", t);
    }
    for (k, val) in fields {
        form = form.text(k.to_string(), val.to_string());
    }
    if let Some((bytes, name)) = file {
        form = form.part(
            "file",
            Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("application/octet-stream")
                .unwrap(),
        );
    }
    let cookies = v
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client
        .post(format!("{}{path}", v.base))
        .header("cookie", cookies)
        .header("origin", origin.unwrap_or(&v.base))
        .multipart(form)
        .send_checked()
        .await
        .unwrap();
    // Keep what the answer sets (the one-time notice), as the browser would.
    for c in res.headers().get_all("set-cookie") {
        let c = c.to_str().unwrap();
        let pair = c.split(';').next().unwrap();
        let (name, value) = pair.split_once('=').unwrap();
        if value.is_empty() || c.contains("Max-Age=0") {
            v.cookies.remove(name);
        } else {
            v.cookies.insert(name.to_owned(), value.to_owned());
        }
    }
    Answer {
        status: res.status(),
        location: res
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned()),
        html: res.text().await.unwrap(),
    }
}

async fn upload(v: &mut Visitor, path: &str, title: &str, bytes: Vec<u8>, name: &str) -> Answer {
    let token = v.cookies.get("csrf").cloned();
    let token = match token {
        Some(t) => t,
        None => {
            v.get("/").await;
            v.cookies["csrf"].clone()
        }
    };
    send_multipart(
        v,
        path,
        Some(token),
        &[("title", title)],
        Some((bytes, name)),
        None,
    )
    .await
}

/// Ana's organization, made through its page; its id.
async fn organization(v: &mut Visitor, name: &str) -> String {
    let page = v
        .submit(
            "/organizations",
            vec![
                ("name", name.into()),
                ("kind", "city".into()),
                ("country", "ES".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    page.location()
        .trim_start_matches("/organizations/")
        .chars()
        .take(36)
        .collect()
}

async fn only_document(app: &TestApp) -> String {
    app.db()
        .await
        .query_one("SELECT id::text FROM documents", &[])
        .await
        .unwrap()
        .get(0)
}

async fn download(
    v: &mut Visitor,
    path: &str,
) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let cookies = v
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let res = reqwest::Client::new()
        .get(format!("{}{path}", v.base))
        .header("cookie", cookies)
        .send_checked()
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_pdf_uploaded_through_the_page_form_downloads_byte_identical() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let org = organization(&mut ana, "Valencia").await;
    let list = format!("/organizations/{org}/documents");
    let page = ana.get(&list).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("No documents yet."));
    assert!(page.html.contains(r#"enctype="multipart/form-data""#));
    // The token is the form's first field.
    let form_at = page.html.find(r#"id="upload-form""#).unwrap();
    let first_input = &page.html[form_at..][page.html[form_at..].find("<input").unwrap()..];
    assert!(
        first_input.starts_with(r#"<input type="hidden" name="csrf""#),
        "{first_input}"
    );

    let original = pdf(300_000, 7);
    let answer = upload(
        &mut ana,
        &list,
        "Bike plan",
        original.clone(),
        "bike-plan.pdf",
    )
    .await;
    assert_eq!(answer.status, 303, "{}", answer.html);
    assert_eq!(answer.location.as_deref(), Some(list.as_str()));
    let doc = only_document(&app).await;

    let page = ana.get(&list).await;
    assert!(page.html.contains("The document is uploaded."));
    assert!(
        page.html
            .contains(&format!(r#"<a href="/documents/{doc}">Bike plan</a>"#)),
        "{}",
        page.html
    );
    assert!(page.html.contains("bike-plan.pdf"));
    assert!(page.html.contains("293.0 KB"), "{}", page.html);
    assert!(page.html.contains("<td>PDF</td>"));
    assert!(page.html.contains("<td>Ana</td>"));
    // For htmx, the list alone.
    let fragment = ana
        .request(reqwest::Method::GET, &list, None, &[("hx-request", "true")])
        .await;
    assert_eq!(fragment.status, 200);
    assert!(
        fragment.html.starts_with(r#"<div id="documents""#),
        "{}",
        fragment.html
    );
    assert!(!fragment.html.contains("<html"));
    assert!(fragment.html.contains("Bike plan"));

    // Downloaded with the session cookie: the same bytes, as an attachment.
    let (status, headers, body) = download(&mut ana, &format!("/documents/{doc}/download")).await;
    assert_eq!(status, 200);
    assert_eq!(body, original);
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");

    // A new version; the first stays downloadable as it was.
    let second = pdf(2_000, 9);
    let answer = upload(
        &mut ana,
        &format!("/documents/{doc}/versions"),
        "",
        second.clone(),
        "bike-plan-v2.pdf",
    )
    .await;
    assert_eq!(answer.status, 303, "{}", answer.html);
    assert_eq!(answer.location, Some(format!("/documents/{doc}")));
    let page = ana.get(&format!("/documents/{doc}")).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("The new version is uploaded."));
    assert!(
        page.html
            .contains(&format!(r#"href="/documents/{doc}/versions/1/download""#))
    );
    assert!(
        page.html
            .contains(&format!(r#"href="/documents/{doc}/versions/2/download""#))
    );
    assert!(page.html.contains("bike-plan-v2.pdf"));
    let (_, _, body) = download(&mut ana, &format!("/documents/{doc}/download")).await;
    assert_eq!(body, second);
    let (_, _, body) = download(&mut ana, &format!("/documents/{doc}/versions/1/download")).await;
    assert_eq!(body, original);
    let (status, _, _) = download(&mut ana, &format!("/documents/{doc}/versions/9/download")).await;
    assert_eq!(status, 404);

    // A form that cannot be stored comes back with its problem beside the file field.
    let token = ana.cookies["csrf"].clone();
    let answer = send_multipart(
        &mut ana,
        &list,
        Some(token),
        &[("title", "Nothing")],
        Some((Vec::new(), "")),
        None,
    )
    .await;
    assert_eq!(answer.status, 422, "{}", answer.html);
    assert!(answer.html.contains(r##"<a href="#f-file">"##));
    let answer = upload(
        &mut ana,
        &list,
        "Program",
        b"MZ\x90\x00\x03binary".to_vec(),
        "tool.pdf",
    )
    .await;
    assert_eq!(answer.status, 415, "{}", answer.html);
    assert!(answer.html.contains("This kind of file is not accepted"));
    assert_eq!(app.count("documents").await, 1);
}

#[tokio::test]
async fn an_upload_without_the_csrf_token_is_refused_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let org = organization(&mut ana, "Porto").await;
    let list = format!("/organizations/{org}/documents");
    let token = ana.cookies["csrf"].clone();

    // No token at all.
    let a = send_multipart(
        &mut ana,
        &list,
        None,
        &[("title", "x")],
        Some((pdf(1000, 1), "a.pdf")),
        None,
    )
    .await;
    assert_eq!(a.status, 403, "{}", a.html);
    // A wrong one.
    let a = send_multipart(
        &mut ana,
        &list,
        Some("A".repeat(43)),
        &[],
        Some((pdf(1000, 1), "a.pdf")),
        None,
    )
    .await;
    assert_eq!(a.status, 403);
    // The right one, from another site.
    let a = send_multipart(
        &mut ana,
        &list,
        Some(token.clone()),
        &[],
        Some((pdf(1000, 1), "a.pdf")),
        Some("https://evil.example"),
    )
    .await;
    assert_eq!(a.status, 403);
    // The right one after the file: the file would be read before the token.
    let cookies = ana
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let form = Form::new()
        .part("file", Part::bytes(pdf(1000, 1)).file_name("a.pdf"))
        .text("csrf", token.clone());
    let res = reqwest::Client::new()
        .post(format!("{}{list}", ana.base))
        .header("cookie", cookies)
        .header("origin", ana.base.clone())
        .multipart(form)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(app.count("document_versions").await, 0);
    // The page's own way works.
    let a = upload(&mut ana, &list, "", pdf(1000, 1), "a.pdf").await;
    assert_eq!(a.status, 303, "{}", a.html);
    assert_eq!(app.count("documents").await, 1);
}

#[tokio::test]
async fn a_plain_member_cannot_delete_an_organization_document_and_an_owner_can() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let mut bob = Visitor::new(&app);
    bob.sign_up("Bob").await;
    let org = organization(&mut ana, "Ghent").await;
    let page = ana
        .submit(
            &format!("/organizations/{org}/members"),
            vec![
                ("email", "bob@example.org".into()),
                ("role", "member".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    let list = format!("/organizations/{org}/documents");
    let a = upload(&mut ana, &list, "Minutes", pdf(5000, 3), "minutes.pdf").await;
    assert_eq!(a.status, 303, "{}", a.html);
    let doc = only_document(&app).await;

    // Bob, a plain member, reads but may neither upload nor change it.
    let page = bob.get(&list).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Minutes"));
    assert!(!page.html.contains(r#"id="upload-form""#));
    let page = bob.get(&format!("/documents/{doc}")).await;
    assert_eq!(page.status, 200);
    assert!(!page.html.contains(r#"id="delete-form""#));
    let page = bob
        .submit(&format!("/documents/{doc}/delete"), vec![])
        .await;
    assert_eq!(page.status, 403, "{}", page.html);
    let a = upload(&mut bob, &list, "Mine", pdf(500, 4), "mine.pdf").await;
    assert_eq!(a.status, 403, "{}", a.html);
    let a = upload(
        &mut bob,
        &format!("/documents/{doc}/versions"),
        "",
        pdf(500, 4),
        "m.pdf",
    )
    .await;
    assert_eq!(a.status, 403);
    let deleted: bool = app
        .db()
        .await
        .query_one("SELECT deleted_at IS NOT NULL FROM documents", &[])
        .await
        .unwrap()
        .get(0);
    assert!(!deleted);
    assert_eq!(app.count("document_versions").await, 1);

    // Ana, the owner, deletes it: gone from the list and from downloads.
    let page = ana.get(&format!("/documents/{doc}")).await;
    assert!(page.html.contains(r#"id="delete-form""#));
    let page = ana
        .submit(&format!("/documents/{doc}/delete"), vec![])
        .await;
    assert_eq!(page.status, 303, "{}", page.html);
    assert_eq!(page.location(), list);
    let page = ana.get(&list).await;
    assert!(page.html.contains("The document is deleted."));
    assert!(!page.html.contains("Minutes"));
    let (status, _, _) = download(&mut ana, &format!("/documents/{doc}/download")).await;
    assert_eq!(status, 404);
    assert_eq!(ana.get(&format!("/documents/{doc}")).await.status, 404);
}

#[tokio::test]
async fn a_draft_practices_documents_are_hidden_from_outsiders() {
    let app = TestApp::spawn().await;
    let owner = app.register("Olga").await;
    let org = app.city(&owner, "Riga", "LV").await;
    let themes = app.get_ok("/api/v1/themes", None).await;
    let practice = app
        .create_practice(
            &owner,
            serde_json::json!({"organization_id": org, "title": "Tram priority", "summary": "Trams.",
                   "body": "Body.", "theme_ids": [crate::helpers::id(&themes["items"][0])],
                   "language": "en", "implementation_status": "ongoing"}),
        )
        .await;
    let pid = practice["id"].as_str().unwrap().to_owned();
    app.upload_document(&owner, "practice", &pid, pdf(800, 5), "tram.pdf")
        .await;
    let doc = only_document(&app).await;

    // A draft: 404 for a stranger, page and download alike.
    let mut eve = Visitor::new(&app);
    eve.sign_up("Eve").await;
    assert_eq!(
        eve.get(&format!("/practices/{pid}/documents")).await.status,
        404
    );
    assert_eq!(eve.get(&format!("/documents/{doc}")).await.status, 404);
    let (status, _, _) = download(&mut eve, &format!("/documents/{doc}/download")).await;
    assert_eq!(status, 404);
    let a = upload(
        &mut eve,
        &format!("/practices/{pid}/documents"),
        "",
        pdf(500, 6),
        "e.pdf",
    )
    .await;
    assert_eq!(a.status, 404, "{}", a.html);
    assert_eq!(app.count("documents").await, 1);
}

#[tokio::test]
async fn an_upload_sent_by_htmx_answers_with_the_list_in_place() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    ana.sign_up("Ana").await;
    let org = organization(&mut ana, "Lyon").await;
    let list = format!("/organizations/{org}/documents");
    let cookies = ana
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let send = |file: Vec<u8>, name: &'static str| {
        let form = Form::new()
            .text("csrf", ana.cookies["csrf"].clone())
            .text("title", "")
            .part("file", Part::bytes(file).file_name(name));
        reqwest::Client::new()
            .post(format!("{}{list}", ana.base))
            .header("cookie", cookies.clone())
            .header("origin", ana.base.clone())
            .header("hx-request", "true")
            .multipart(form)
            .send_checked()
    };
    let res = send(pdf(4000, 2), "agenda.pdf").await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.starts_with(r#"<div id="documents""#), "{html}");
    assert!(
        html.contains(r#"role="status">The document is uploaded."#),
        "{html}"
    );
    assert!(html.contains("agenda.pdf"));
    // A refused one is shown in place too (htmx swaps only successful answers).
    let res = send(b"MZ\x90\x00binary".to_vec(), "tool.pdf")
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("error-summary") && html.contains(r##"<a href="#f-file">"##),
        "{html}"
    );
    assert_eq!(app.count("documents").await, 1);
}
