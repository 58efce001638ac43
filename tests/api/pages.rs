//! The web pages over plain HTTP, as a browser without JavaScript sees them: sessions in
//! cookies, CSRF, languages, errors re-rendered as forms. (In a real browser: `browser/`.)

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};

use crate::contract::Checked as _;
use crate::helpers::TestApp;

/// A cookie-keeping client that does not follow redirects, so each step can be checked.
pub struct Visitor {
    pub base: String,
    client: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    pub accept_language: Option<&'static str>,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub html: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers["location"].to_str().unwrap()
    }
}

impl Visitor {
    pub fn new(app: &TestApp) -> Self {
        Visitor {
            base: app.addr.clone(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: BTreeMap::new(),
            accept_language: None,
        }
    }

    fn keep_cookies(&mut self, headers: &HeaderMap) {
        for v in headers.get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        form: Option<Vec<(&str, String)>>,
        extra: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("cookie", self.cookie_header());
        if let Some(l) = self.accept_language {
            req = req.header("accept-language", l);
        }
        for (k, v) in extra {
            req = req.header(*k, HeaderValue::from_str(v).unwrap());
        }
        if let Some(form) = form {
            req = req.form(&form);
        }
        let res = req.send_checked().await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        self.keep_cookies(&headers);
        Page {
            status,
            headers,
            html: res.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        self.request(Method::GET, path, None, &[]).await
    }

    /// A form sent as this site's page sends it: its CSRF token and this origin.
    pub async fn submit(&mut self, path: &str, mut fields: Vec<(&str, String)>) -> Page {
        if !self.cookies.contains_key("csrf") {
            self.get("/").await;
        }
        fields.push(("csrf", self.cookies["csrf"].clone()));
        let origin = self.base.clone();
        self.request(Method::POST, path, Some(fields), &[("origin", &origin)])
            .await
    }

    pub async fn sign_up(&mut self, name: &str) -> Page {
        let page = self
            .submit(
                "/sign-up",
                vec![
                    ("display_name", name.to_owned()),
                    ("email", format!("{}@example.org", name.to_lowercase())),
                    ("password", format!("password-of-{name}")),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.html);
        page
    }
}

fn users_named(html: &str, name: &str) -> bool {
    html.contains(&format!("<summary>{name}</summary>"))
}

#[tokio::test]
async fn signing_up_in_and_out_in_a_browser_session() {
    let app = TestApp::spawn().await;
    let mut ana = Visitor::new(&app);
    let page = ana.sign_up("Ana").await;
    assert_eq!(page.location(), "/");
    let set: Vec<_> = page.headers.get_all("set-cookie").iter().collect();
    let session = set
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("session="))
        .expect("a session cookie");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    let home = ana.get("/").await;
    assert!(users_named(&home.html, "Ana"), "{}", home.html);
    assert!(home.html.contains("Welcome! Your account is ready."));
    // The notice is shown once.
    assert!(!ana.get("/").await.html.contains("Welcome!"));

    // A second tab (same cookies) is signed in too; another browser is not.
    let mut other = Visitor::new(&app);
    assert!(!users_named(&other.get("/").await.html, "Ana"));

    // Signing out ends the session: the old cookie no longer works.
    let stolen = ana.cookies.clone();
    let page = ana.submit("/sign-out", vec![]).await;
    assert_eq!(page.status, 303);
    assert!(!users_named(&ana.get("/").await.html, "Ana"));
    other.cookies = stolen;
    assert!(!users_named(&other.get("/").await.html, "Ana"));

    // Wrong password: the form again, 401, the email kept, the problem summarised.
    let page = ana
        .submit(
            "/sign-in",
            vec![
                ("email", "ana@example.org".into()),
                ("password", "not it".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 401);
    assert!(page.html.contains(r#"value="ana@example.org""#));
    assert!(page.html.contains("error-summary"));
    assert!(page.html.contains("The email or password is not right."));
    // The right one, with a place to go back to (and never another site).
    let page = ana
        .submit(
            "/sign-in",
            vec![
                ("email", "ana@example.org".into()),
                ("password", "password-of-Ana".into()),
                ("next", "/practices?q=bike".into()),
            ],
        )
        .await;
    assert_eq!(page.location(), "/practices?q=bike");
    ana.submit("/sign-out", vec![]).await;
    let page = ana
        .submit(
            "/sign-in",
            vec![
                ("email", "ana@example.org".into()),
                ("password", "password-of-Ana".into()),
                ("next", "//evil.example/".into()),
            ],
        )
        .await;
    assert_eq!(page.location(), "/");
}

#[tokio::test]
async fn a_sign_up_with_problems_is_the_form_again_with_each_problem_at_its_field() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    let page = v
        .submit(
            "/sign-up",
            vec![
                ("display_name", "".into()),
                ("email", "not-an-email".into()),
                ("password", "short".into()),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    for field in ["display_name", "email", "password"] {
        assert!(
            page.html.contains(&format!(r##"<a href="#f-{field}">"##)),
            "{field} is not in the summary: {}",
            page.html
        );
        assert!(page.html.contains(&format!(r#"id="e-{field}""#)));
    }
    assert!(page.html.contains(r#"value="not-an-email""#));
    assert!(page.html.contains("Use at least 10 characters."));
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn a_cross_site_form_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.get("/").await;
    let form = || {
        vec![
            ("display_name", "Mallory".to_owned()),
            ("email", "mallory@example.org".to_owned()),
            ("password", "password-of-mallory".to_owned()),
        ]
    };
    // From another site, without a token.
    let page = v
        .request(
            Method::POST,
            "/sign-up",
            Some(form()),
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(page.status, 403);
    // From another site, even with the right token (a stolen page).
    let mut with_token = form();
    with_token.push(("csrf", v.cookies["csrf"].clone()));
    let page = v
        .request(
            Method::POST,
            "/sign-up",
            Some(with_token),
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(page.status, 403);
    // Same site without the token, or with another token.
    let origin = v.base.clone();
    let page = v
        .request(
            Method::POST,
            "/sign-up",
            Some(form()),
            &[("origin", &origin)],
        )
        .await;
    assert_eq!(page.status, 403);
    let mut wrong = form();
    wrong.push(("csrf", "A".repeat(43)));
    let page = v
        .request(
            Method::POST,
            "/sign-up",
            Some(wrong),
            &[("origin", &origin)],
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.count("users").await, 0);
    // The way this site's own form sends it works.
    v.sign_up("Mallory").await;
    assert_eq!(app.count("users").await, 1);
}

#[tokio::test]
async fn the_language_follows_the_switcher_then_the_account_then_the_browser() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.accept_language = Some("de-AT, de;q=0.9, en;q=0.5");
    let page = v.get("/sign-in").await;
    assert!(page.html.contains(r#"<html lang="de">"#));
    assert_eq!(page.headers["content-language"], "de");
    // The switcher wins over the browser, and returns to the page.
    let page = v
        .submit(
            "/language",
            vec![("lang", "it".into()), ("next", "/sign-in".into())],
        )
        .await;
    assert_eq!(page.location(), "/sign-in");
    assert!(v.get("/sign-in").await.html.contains(r#"<html lang="it">"#));
    // Signing up keeps it as the account's language: another browser (English by its
    // header, no cookie) shows Italian once signed in.
    v.sign_up("Bea").await;
    let mut phone = Visitor::new(&app);
    phone.accept_language = Some("en");
    phone
        .submit(
            "/sign-in",
            vec![
                ("email", "bea@example.org".into()),
                ("password", "password-of-Bea".into()),
            ],
        )
        .await;
    assert!(phone.get("/").await.html.contains(r#"<html lang="it">"#));
    // An unknown language is a clear 400.
    let page = v.submit("/language", vec![("lang", "xx".into())]).await;
    assert_eq!(page.status, 400);
}

#[tokio::test]
async fn sessions_end_for_the_browser_when_they_end_through_the_api() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.sign_up("Cora").await;
    // The page's scripts get an access token from the session (same site only).
    let origin = v.base.clone();
    let page = v
        .request(
            Method::GET,
            "/session/token",
            None,
            &[("sec-fetch-site", "same-origin"), ("origin", &origin)],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.html);
    let token: serde_json::Value = serde_json::from_str(&page.html).unwrap();
    let access = token["access_token"].as_str().unwrap().to_owned();
    app.get_ok("/api/v1/me", Some(&access)).await;
    let page = v
        .request(
            Method::GET,
            "/session/token",
            None,
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(page.status, 403);
    // Signing out everywhere through the API ends the browser's session as well.
    app.expect(
        204,
        Method::POST,
        "/api/v1/auth/logout-all",
        Some(&access),
        None,
    )
    .await;
    assert!(!users_named(&v.get("/").await.html, "Cora"));
}

#[tokio::test]
async fn static_files_are_cached_by_content_hash() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    let home = v.get("/").await;
    let at = home
        .html
        .find("/static/site.css?v=")
        .expect("a hashed link");
    let link: String = home.html[at..].chars().take_while(|c| *c != '"').collect();
    let page = v.get(&link).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let etag = page.headers["etag"].to_str().unwrap().to_owned();
    let again = v
        .request(
            Method::GET,
            "/static/site.css",
            None,
            &[("if-none-match", &etag)],
        )
        .await;
    assert_eq!(again.status, 304);
    assert_eq!(v.get("/static/nope.css").await.status, 404);
    assert_eq!(v.get("/static/../Cargo.toml").await.status, 404);
}

/// Every visible word of a template comes from the catalogue: what is left of a template
/// once tags, expressions, comments and entities are taken out must have no letters.
#[test]
fn templates_hold_no_text_outside_the_catalogue() {
    fn visit(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                visit(&p, out);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/templates");
    let mut files = Vec::new();
    visit(&root, &mut files);
    assert!(files.len() >= 4, "templates not found");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        let mut visible = String::new();
        // Drop {# #}, {% %}, {{ }} and <...> (attributes included: user-visible attribute
        // values — alt, title, aria-label, placeholder — are checked below), keep the rest.
        while let Some(c) = rest.chars().next() {
            let skip_to = |r: &str, end: &str| r.find(end).map_or(r.len(), |i| i + end.len());
            if rest.starts_with("{#") {
                rest = &rest[skip_to(rest, "#}")..];
            } else if rest.starts_with("{%") {
                rest = &rest[skip_to(rest, "%}")..];
            } else if rest.starts_with("{{") {
                rest = &rest[skip_to(rest, "}}")..];
            } else if rest.starts_with("<script") {
                rest = &rest[skip_to(rest, "</script>")..];
            } else if rest.starts_with("<style") {
                rest = &rest[skip_to(rest, "</style>")..];
            } else if c == '<' {
                let end = skip_to(rest, ">");
                let tag = &rest[..end];
                for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
                    if let Some(i) = tag.find(attr) {
                        let v = &tag[i + attr.len()..];
                        let v = &v[..v.find('"').unwrap_or(v.len())];
                        if !v.starts_with("{{") && v.chars().any(char::is_alphabetic) {
                            offences.push(format!("{}: {attr}{v}", file.display()));
                        }
                    }
                }
                rest = &rest[end..];
            } else if c == '&' {
                rest = &rest[skip_to(rest, ";")..];
            } else {
                visible.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        let words: Vec<&str> = visible
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if !words.is_empty() {
            offences.push(format!("{}: {}", file.display(), words.join(" ")));
        }
    }
    assert!(
        offences.is_empty(),
        "text outside the catalogue:\n{}",
        offences.join("\n")
    );
}

#[tokio::test]
async fn a_browser_gets_a_page_for_an_unknown_address_and_an_api_client_json() {
    let app = TestApp::spawn().await;
    let mut v = Visitor::new(&app);
    v.accept_language = Some("fr");
    let page = v
        .request(
            Method::GET,
            "/no-such-page",
            None,
            &[("accept", "text/html")],
        )
        .await;
    assert_eq!(page.status, 404);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.html.contains(r#"<html lang="fr">"#));
    let api = v
        .request(
            Method::GET,
            "/api/v1/nope",
            None,
            &[("accept", "text/html")],
        )
        .await;
    assert_eq!(api.status, 404);
    assert!(
        api.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}
