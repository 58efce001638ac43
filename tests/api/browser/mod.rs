//! Browser tests: user stories in Debian's Chromium against a real server on its own
//! PostgreSQL database (`TestApp`), driven through Debian's chromedriver with `fantoccini`.
//!
//! # What they need
//! `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian: `apt install chromium
//! chromium-driver`; `.ci/run` installs them when it runs as root). Without them every browser
//! test fails with that advice: they never skip, in CI or anywhere else.
//!
//! # A story
//! ```ignore
//! use crate::browser::{Browser, story};
//!
//! #[tokio::test]
//! async fn visitor_signs_in() {
//!     let app = TestApp::spawn().await;
//!     story("visitor_signs_in", async {
//!         let ana = Browser::open(&app).await; // desktop, 1440×900
//!         ana.visit("/").await;
//!         ana.fill("Email", "ana@example.org").await; // by <label>, else aria-label, name, id
//!         ana.fill("Password", "password-of-ana").await;
//!         ana.click("Sign in").await; // button or link by its text (or aria-label)
//!         ana.wait_for_text("Signed in as Ana").await; // polls `main` for 10 s
//!         ana.axe().await; // 0 serious/critical WCAG 2.1 A/AA violations, or the story fails
//!         let ben = Browser::phone(&app).await; // a second user: own session, own cookies
//!         // ...
//!     })
//!     .await;
//! }
//! ```
//! Browsers are opened inside `story`, which closes them all when the story ends and, when
//! it fails (a panic, or more than [`STORY_LIMIT`]), first saves for each browser its
//! screenshot, console log and HTML as `<target>/browser-failures/<story>.png|.log|.html`
//! (`<story>.2.png` ... for the second browser onwards), then fails the test the same way.
//! A story's name must be unique (the test's name is a good one).
//!
//! # The browsers
//! - [`Browser::open`]: desktop, viewport 1440×900; [`Browser::phone`]: 390×844, touch,
//!   device pixel ratio 3, and mobile layout (a page without a viewport meta tag is laid out
//!   980 px wide, as on a real phone); [`Browser::without_js`]: desktop with JavaScript off
//!   (checked when the browser opens); [`Browser::with`] combines these and a language
//!   (`Accept-Language` and `navigator.language`, `en` unless asked).
//! - Each is its own WebDriver session and Chromium, with a fresh `--user-data-dir`: no
//!   cookies or storage are shared.
//!
//! # Finding things
//! - Form controls by the text of their `<label>` (whitespace collapsed, the text of
//!   controls inside the label left out), then `aria-label`/`aria-labelledby`, then `name`
//!   or `id`. Links and buttons (also `summary`, `[role=button]`, submit inputs) by their
//!   visible text, `aria-label`, `value` or `alt`. Matches are exact; only visible elements
//!   count; two visible matches are an error: narrow with [`Browser::within`].
//! - [`Browser::text`] is the rendered text of `main` (a page without `main` fails).
//! - Date, time, colour and range inputs are filled with their value format
//!   (`2026-12-03`, `09:30`), whatever the browser's locale would make a person type.
//!
//! # Accessibility
//! [`Browser::axe`] evaluates the vendored axe-core (`tests/browser-vendor/`) in the page,
//! runs the WCAG 2.1 A/AA rules, prints `axe <page>: N serious/critical` with every
//! violation, fails on any serious or critical one, and records the page: the run ends
//! with a summary of all pages checked, and of the pages `visit`ed but never checked.
//! [`Browser::axe_report`] only reports.
//!
//! # Processes
//! One chromedriver per test process, started by the first browser and killed with every
//! Chromium at exit, or by the kernel when the process dies (see `driver.rs`). Its log
//! (warnings and errors) and stderr are in `$TMPDIR/livinglab-test-<pid>/browser/`.

mod account;
mod accounts;
mod admin;
mod axe;
mod checkin;
mod driver;
mod events;
mod orgs_pages;
mod practices;
mod room;
mod selftest;

pub use axe::AxeReport;

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use futures::FutureExt as _;
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// The longest a story may run before it fails (with its evidence saved).
pub const STORY_LIMIT: Duration = Duration::from_secs(120);
/// How long `wait_for_text` polls.
pub const WAIT: Duration = Duration::from_secs(10);

/// The W3C key under which a script's result names an element.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// 1440×900, mouse.
    Desktop,
    /// 390×844, touch, device pixel ratio 3, mobile viewport rules.
    Phone,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub device: Device,
    pub javascript: bool,
    /// A BCP 47 tag for `Accept-Language` and `navigator.language`.
    pub lang: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            device: Device::Desktop,
            javascript: true,
            lang: "en",
        }
    }
}

tokio::task_local! {
    static STORY: Arc<Story>;
}

struct Story {
    name: String,
    opened: Mutex<Vec<Opened>>,
}

/// What a story keeps of each browser it opened, to save evidence and close it.
struct Opened {
    client: Client,
    label: String,
    profile: PathBuf,
}

/// Runs a user story: see the module documentation.
pub async fn story(name: &str, body: impl Future<Output = ()>) {
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
        "a story's name becomes a file name: letters, digits, _ and - only (got {name:?})"
    );
    let evidence = failures_dir();
    remove_old_evidence(&evidence, name);
    let story = Arc::new(Story {
        name: name.to_owned(),
        opened: Mutex::new(Vec::new()),
    });
    let outcome = STORY
        .scope(
            Arc::clone(&story),
            AssertUnwindSafe(tokio::time::timeout(STORY_LIMIT, body)).catch_unwind(),
        )
        .await;
    let opened = std::mem::take(&mut *story.opened.lock().unwrap());
    let passed = matches!(outcome, Ok(Ok(())));
    if !passed {
        save_evidence(&evidence, name, &opened).await;
    }
    futures::future::join_all(opened.into_iter().map(|o| async move {
        let _ = tokio::time::timeout(Duration::from_secs(10), o.client.close()).await;
        let _ = std::fs::remove_dir_all(&o.profile);
    }))
    .await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(_)) => panic!("story {name} did not finish within {STORY_LIMIT:?}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// `<target>/browser-failures`, next to the test binary's `debug/` folder.
fn failures_dir() -> PathBuf {
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            // <target>/debug/deps/api-<hash>
            let deps = exe.parent()?;
            (deps.file_name()? == "deps").then(|| deps.parent()?.parent().map(Path::to_path_buf))?
        })
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("browser-failures")
}

/// Evidence of an earlier failure of a story that passes now would mislead.
fn remove_old_evidence(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{name}.");
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

async fn save_evidence(dir: &Path, name: &str, opened: &[Opened]) {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "story {name} failed; cannot save evidence in {}: {e}",
            dir.display()
        );
        return;
    }
    let limit = Duration::from_secs(10);
    for (i, o) in opened.iter().enumerate() {
        let stem = if i == 0 {
            name.to_owned()
        } else {
            format!("{name}.{}", i + 1)
        };
        let mut log = format!("story {name}, browser {} ({})\n", i + 1, o.label);
        match tokio::time::timeout(limit, o.client.current_url()).await {
            Ok(Ok(url)) => log += &format!("url: {url}\n"),
            other => log += &format!("url: unknown ({other:?})\n"),
        }
        match tokio::time::timeout(limit, o.client.title()).await {
            Ok(Ok(title)) => log += &format!("title: {title}\n"),
            other => log += &format!("title: unknown ({other:?})\n"),
        }
        match tokio::time::timeout(limit, o.client.screenshot()).await {
            Ok(Ok(png)) => write_evidence(dir, &stem, "png", &png),
            other => log += &format!("no screenshot: {other:?}\n"),
        }
        match tokio::time::timeout(limit, o.client.source()).await {
            Ok(Ok(html)) => write_evidence(dir, &stem, "html", html.as_bytes()),
            other => log += &format!("no page source: {other:?}\n"),
        }
        log += "console:\n";
        match tokio::time::timeout(limit, console_log(&o.client)).await {
            Ok(Ok(entries)) if entries.is_empty() => log += "  (nothing)\n",
            Ok(Ok(entries)) => {
                for e in entries {
                    log += &format!("  {e}\n");
                }
            }
            other => log += &format!("  unavailable: {other:?}\n"),
        }
        write_evidence(dir, &stem, "log", log.as_bytes());
        eprintln!(
            "story {name} failed: browser {} ({}) saved as {}.png|.log|.html",
            i + 1,
            o.label,
            dir.join(&stem).display()
        );
    }
}

fn write_evidence(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) {
    let path = dir.join(format!("{stem}.{ext}"));
    if let Err(e) = std::fs::write(&path, bytes) {
        eprintln!("writing {}: {e}", path.display());
    }
}

/// The console messages since the last call (chromedriver keeps them because of
/// `goog:loggingPrefs`), as `LEVEL message` lines.
async fn console_log(client: &Client) -> Result<Vec<String>, CmdError> {
    let raw = client
        .issue_cmd(SessionCommand::post("se/log", json!({"type": "browser"})))
        .await?;
    Ok(raw
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| {
                    format!(
                        "{} {}",
                        e["level"].as_str().unwrap_or("?"),
                        e["message"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default())
}

/// A chromedriver endpoint under the session that fantoccini has no method for.
#[derive(Debug)]
struct SessionCommand {
    path: String,
    body: Option<Value>,
}

impl SessionCommand {
    fn get(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            body: None,
        }
    }

    fn post(path: impl Into<String>, body: Value) -> Self {
        Self {
            path: path.into(),
            body: Some(body),
        }
    }
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        match &self.body {
            None => (http::Method::GET, None),
            Some(body) => (http::Method::POST, Some(body.to_string())),
        }
    }
}

/// One user's browser. Cheap to clone; every clone drives the same session.
#[derive(Clone)]
pub struct Browser {
    client: Client,
    /// The server's origin, `http://127.0.0.1:<port>`.
    base: String,
    story: String,
}

impl Browser {
    /// A desktop browser (1440×900) with JavaScript.
    pub async fn open(app: &TestApp) -> Self {
        Self::with(app, Options::default()).await
    }

    /// A phone (390×844, touch, mobile layout) with JavaScript.
    pub async fn phone(app: &TestApp) -> Self {
        Self::with(
            app,
            Options {
                device: Device::Phone,
                ..Options::default()
            },
        )
        .await
    }

    /// A desktop browser with JavaScript turned off.
    pub async fn without_js(app: &TestApp) -> Self {
        Self::with(
            app,
            Options {
                javascript: false,
                ..Options::default()
            },
        )
        .await
    }

    /// A browser for `app` with the device, JavaScript and language of `options`, in a
    /// WebDriver session (and a Chromium) of its own.
    pub async fn with(app: &TestApp, options: Options) -> Self {
        let story = STORY
            .try_with(Arc::clone)
            .expect("open browsers inside browser::story(...), which closes them and saves evidence when a story fails");
        let driver = driver::driver();
        let profile = driver::profiles_dir().join(uuid::Uuid::now_v7().to_string());
        std::fs::create_dir_all(&profile)
            .unwrap_or_else(|e| panic!("creating {}: {e}", profile.display()));

        let metrics = match options.device {
            Device::Desktop => {
                json!({"width": 1440, "height": 900, "pixelRatio": 1, "mobile": false, "touch": false})
            }
            Device::Phone => {
                json!({"width": 390, "height": 844, "pixelRatio": 3, "mobile": true, "touch": true})
            }
        };
        let mut prefs = json!({"intl.accept_languages": options.lang});
        if !options.javascript {
            prefs["profile.managed_default_content_settings.javascript"] = json!(2);
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": driver::CHROMIUM,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    // Chromium exits when the pipe to a dead chromedriver closes; with a
                    // debugging port it would live on, orphaned.
                    "--remote-debugging-pipe",
                    format!("--lang={}", options.lang),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": prefs,
                // Sets the viewport exactly (a window size would include headless Chromium's
                // imaginary toolbars) and, for the phone, mobile layout and touch.
                "mobileEmulation": {"deviceMetrics": metrics},
            },
            "goog:loggingPrefs": {"browser": "ALL"},
            "pageLoadStrategy": "normal",
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "starting Chromium through chromedriver failed: {e} (logs in {})",
                    driver::work_dir().display()
                )
            });
        let label = format!(
            "{}{}, {}",
            match options.device {
                Device::Desktop => "desktop",
                Device::Phone => "phone",
            },
            if options.javascript {
                ""
            } else {
                " without JavaScript"
            },
            options.lang
        );
        story.opened.lock().unwrap().push(Opened {
            client: client.clone(),
            label,
            profile,
        });
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("setting timeouts");
        let browser = Self {
            client,
            base: app.addr.clone(),
            story: story.name.clone(),
        };
        if !options.javascript {
            browser.assert_scripts_do_not_run().await;
        }
        browser
    }

    /// A preference that Chromium stopped honouring would quietly turn every no-JavaScript
    /// story into an ordinary one.
    async fn assert_scripts_do_not_run(&self) {
        // Not a `visit`: the harness's own page is no page of the app's to check.
        self.goto(&fixture(
            "<main id=m>scripts off</main><script>document.getElementById('m').textContent = 'scripts ran'</script>",
        ))
        .await;
        assert_eq!(
            self.text().await,
            "scripts off",
            "JavaScript is still on in a browser opened without it"
        );
    }

    /// The underlying WebDriver client, for what this API does not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Goes to a path of the app (`/events?theme=water`), or to a full `http(s):`/`data:`
    /// URL, and waits for the page to load.
    pub async fn visit(&self, path: &str) {
        let url = if path.starts_with('/') {
            format!("{}{}", self.base, path)
        } else if path.starts_with("http://")
            || path.starts_with("https://")
            || path.starts_with("data:")
        {
            path.to_owned()
        } else {
            panic!("visit takes a path starting with / or a full URL, not {path:?}")
        };
        self.goto(&url).await;
        axe::record_visit(self.location().await);
    }

    async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("visiting {}: {e}", shorten(url, 120)));
    }

    /// The page's `<title>`.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// The full URL of the page.
    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("current url").into()
    }

    /// The page as reports name it: path and query for the app's pages, `data: "<title>"`
    /// for a `fixture`, the URL otherwise.
    pub async fn location(&self) -> String {
        let url = self.url().await;
        match url.strip_prefix(&self.base) {
            Some(rest) if rest.starts_with('/') => rest.to_owned(),
            _ if url.starts_with("data:") => format!("data: {:?}", self.title().await),
            _ => url,
        }
    }

    /// Runs a script in the page (also when the page's own JavaScript is off) and returns
    /// its result; a returned promise is awaited.
    pub async fn script(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(js, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{}", shorten(js, 200)))
    }

    /// The rendered (visible) text of the page's `main`.
    pub async fn text(&self) -> String {
        match self.main_text().await {
            Ok(text) => text,
            Err(e) if e.is_no_such_element() => {
                panic!("the page {} has no <main>", self.location().await)
            }
            Err(e) => panic!("reading the text of main: {e}"),
        }
    }

    async fn main_text(&self) -> Result<String, CmdError> {
        self.client.find(Locator::Css("main")).await?.text().await
    }

    /// Waits up to 10 s until `main` shows `text`.
    pub async fn wait_for_text(&self, text: &str) {
        let start = Instant::now();
        loop {
            // During a navigation `main` may be missing or stale: that is "not yet".
            let seen = self.main_text().await.unwrap_or_default();
            if seen.contains(text) {
                return;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "{:?} did not appear on {} within {WAIT:?}; main shows:\n{}",
                    text,
                    self.location().await,
                    shorten(&seen, 2000)
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits (up to 10 s) until htmx has had no request in flight for 700 ms: longer than
    /// the search boxes' typing delay, so an answer to what was just typed cannot replace a
    /// control after the story has started using it.
    pub async fn wait_for_htmx(&self) {
        let start = Instant::now();
        let mut quiet_since = Instant::now();
        loop {
            let busy = self
                .script(
                    "return document.querySelector('.htmx-request') !== null",
                    vec![],
                )
                .await;
            if busy == json!(true) {
                quiet_since = Instant::now();
            } else if quiet_since.elapsed() >= Duration::from_millis(700) {
                return;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "htmx was still busy on {} after {WAIT:?}",
                    self.location().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Only the part of the page matched by a CSS selector: `b.within("#login").fill(...)`.
    pub fn within<'a>(&'a self, css: &'a str) -> Within<'a> {
        Within {
            browser: self,
            scope: Some(css),
        }
    }

    fn everywhere(&self) -> Within<'_> {
        Within {
            browser: self,
            scope: None,
        }
    }

    /// Types `value` into the field labelled `label` (after clearing it).
    pub async fn fill(&self, label: &str, value: &str) {
        self.everywhere().fill(label, value).await
    }

    /// Clicks the link or button named `name`.
    pub async fn click(&self, name: &str) {
        self.everywhere().click(name).await
    }

    /// Chooses the option shown as `option` in the select labelled `label`.
    pub async fn select(&self, label: &str, option: &str) {
        self.everywhere().select(label, option).await
    }

    /// Ticks the checkbox (or chooses the radio button) labelled `label`.
    pub async fn check(&self, label: &str) {
        self.everywhere().check(label).await
    }

    /// Unticks the checkbox labelled `label`.
    pub async fn uncheck(&self, label: &str) {
        self.everywhere().uncheck(label).await
    }

    /// Puts the file at `path` in the file input labelled `label`.
    pub async fn upload(&self, label: &str, path: &Path) {
        self.everywhere().upload(label, path).await
    }

    /// The focused element as a screen reader would announce it: `role "name"`, e.g.
    /// `link "Skip to content"` or `textbox "Email"`; `body` when nothing is focused.
    pub async fn focused(&self) -> String {
        let el = self.client.active_element().await.expect("active element");
        let tag = el.tag_name().await.expect("tag name").to_lowercase();
        if tag == "body" || tag == "html" {
            return tag;
        }
        let id = el.element_id();
        let role = self.element_property(&id, "computedrole").await;
        let name = self.element_property(&id, "computedlabel").await;
        let role = if role.is_empty() || role == "generic" {
            tag
        } else {
            role
        };
        format!("{role} {name:?}")
    }

    async fn element_property(&self, id: &ElementRef, what: &str) -> String {
        self.client
            .issue_cmd(SessionCommand::get(format!("element/{id}/{what}")))
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"))
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses Tab, as a keyboard user moving on.
    pub async fn press_tab(&self) {
        self.keys(&[char::from(Key::Tab)]).await
    }

    /// Presses Enter on whatever has the focus.
    pub async fn press_enter(&self) {
        self.keys(&[char::from(Key::Enter)]).await
    }

    /// Types text into whatever has the focus, key by key.
    pub async fn type_keys(&self, text: &str) {
        self.keys(&text.chars().collect::<Vec<_>>()).await
    }

    async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in keys {
            actions = actions
                .then(KeyAction::Down { value: k })
                .then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("pressing keys: {e}"));
    }

    /// The document's full width; more than [`Browser::client_width`] means horizontal
    /// scrolling.
    pub async fn scroll_width(&self) -> i64 {
        self.script("return document.documentElement.scrollWidth", vec![])
            .await
            .as_i64()
            .expect("a width")
    }

    /// The width of the viewport the document is laid out in.
    pub async fn client_width(&self) -> i64 {
        self.script("return document.documentElement.clientWidth", vec![])
            .await
            .as_i64()
            .expect("a width")
    }

    /// Runs axe-core's WCAG 2.1 A/AA rules on the page, prints what it found, records the
    /// page for the summary at exit, and fails on anything serious or critical.
    pub async fn axe(&self) -> AxeReport {
        let report = self.axe_report().await;
        print!("{}", report.render());
        axe::record(&self.story, &report);
        report.assert_no_serious();
        report
    }

    /// Saves the page as `docs/screenshots/<name>.png` for the README's tour, only when
    /// `LIVINGLAB_SCREENSHOTS=1` (see the README: `scripts/screenshots`), so that ordinary
    /// test runs leave the working tree alone. The story decides what the picture shows.
    pub async fn screenshot_for_docs(&self, name: &str) {
        if std::env::var_os("LIVINGLAB_SCREENSHOTS").is_none() {
            return;
        }
        // From the top of the page, with nothing focused: the picture shows the page as
        // one arrives, whatever the story clicked last.
        self.script(
            "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true;",
            vec![],
        )
        .await;
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&dir).expect("docs/screenshots");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// What axe-core finds on the page, without judging or recording it.
    pub async fn axe_report(&self) -> AxeReport {
        let loaded = self
            .script("return typeof window.axe === 'object'", vec![])
            .await;
        if loaded != json!(true) {
            self.script(&format!("{}\n;return true;", axe::source()), vec![])
                .await;
        }
        let raw = self.script(axe::RUN, vec![json!(axe::TAGS)]).await;
        AxeReport::parse(self.location().await, raw)
    }

    fn element(&self, v: &Value) -> Element {
        let id = v[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("not an element: {v}"));
        Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()))
    }
}

/// A part of the page: the same actions, looking only inside the first element that
/// matches a CSS selector.
pub struct Within<'a> {
    browser: &'a Browser,
    scope: Option<&'a str>,
}

/// Finds form controls by label, aria-label or aria-labelledby, then name or id, and
/// reports which level matched, the visible and hidden hits, and what else there is.
const FIND_FIELD: &str = r#"
const [want, scope] = arguments;
const root = scope ? document.querySelector(scope) : document;
if (!root) return { error: `nothing matches ${scope}` };
const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
const own = (label) => {
  const copy = label.cloneNode(true);
  copy.querySelectorAll("input, select, textarea, datalist, button").forEach((n) => n.remove());
  return norm(copy.textContent);
};
const byIds = (ids) => norm((ids || "").split(/\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" "));
const shown = (el) => el.checkVisibility({ visibilityProperty: true });
const controls = [...root.querySelectorAll("input:not([type=hidden]), select, textarea")];
const levels = [
  (el) => [...(el.labels || [])].map(own),
  (el) => [norm(el.getAttribute("aria-label")), byIds(el.getAttribute("aria-labelledby"))],
  (el) => [el.name, el.id],
];
const kind = (el) => el.tagName === "INPUT" ? (el.type || "text") : el.tagName.toLowerCase();
const describe = (el) => `${kind(el)} ${JSON.stringify(levels.map((f) => f(el).filter(Boolean)).flat()[0] || "")}`;
for (const names of levels) {
  const hits = controls.filter((el) => names(el).includes(want));
  if (hits.length) {
    return {
      shown: hits.filter(shown).map((el) => ({ el, kind: kind(el), about: describe(el) })),
      hidden: hits.filter((el) => !shown(el)).map((el) => ({ el, kind: kind(el), about: describe(el) })),
    };
  }
}
return { known: controls.filter(shown).map(describe) };
"#;

/// Finds links and buttons by visible text, aria-label, value or alt.
const FIND_CLICKABLE: &str = r#"
const [want, scope] = arguments;
const root = scope ? document.querySelector(scope) : document;
if (!root) return { error: `nothing matches ${scope}` };
const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
const names = (el) => [
  norm(el.getAttribute("aria-label")),
  norm(el.innerText),
  el.tagName === "INPUT" ? norm(el.value) : "",
  norm(el.getAttribute("alt")),
  [...el.querySelectorAll("img[alt]")].map((i) => norm(i.alt)).join(" "),
].filter(Boolean);
const all = [...root.querySelectorAll(
  "a[href], button, input[type=submit], input[type=button], input[type=reset], input[type=image], summary, [role=button], [role=link], [role=tab], [role=menuitem]"
)].filter((el) => el.checkVisibility({ visibilityProperty: true }));
const describe = (el) => `${el.tagName.toLowerCase()} ${JSON.stringify(names(el)[0] || "")}`;
const hits = all.filter((el) => names(el).includes(want));
return { hits: hits.map((el) => ({ el, about: describe(el) })), known: all.map(describe) };
"#;

impl Within<'_> {
    fn place(&self) -> String {
        match self.scope {
            Some(css) => format!(" within {css}"),
            None => String::new(),
        }
    }

    /// The one visible control for `label`, of one of the `kinds`.
    async fn field(&self, label: &str, kinds: &[&str], verb: &str) -> Element {
        let b = self.browser;
        let found = b
            .script(FIND_FIELD, vec![json!(label), json!(self.scope)])
            .await;
        let page = b.location().await;
        let place = self.place();
        if let Some(e) = found["error"].as_str() {
            panic!("{verb} {label:?}: {e} on {page}");
        }
        if let Some(known) = found.get("known") {
            panic!("{verb}: no field labelled {label:?}{place} on {page}; visible fields: {known}");
        }
        let shown = found["shown"].as_array().cloned().unwrap_or_default();
        let hidden = found["hidden"].as_array().cloned().unwrap_or_default();
        let hit = match (shown.len(), hidden.first()) {
            (1, _) => &shown[0],
            // File inputs are often hidden behind a styled label; a person still uses them.
            (0, Some(h)) if h["kind"] == "file" => h,
            (0, _) => panic!(
                "{verb}: the field labelled {label:?}{place} on {page} is hidden: {}",
                hidden
                    .iter()
                    .map(|h| h["about"].to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (n, _) => panic!(
                "{verb}: {n} visible fields are labelled {label:?}{place} on {page}: {}; \
                 narrow with within(css)",
                shown
                    .iter()
                    .map(|h| h["about"].to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let kind = hit["kind"].as_str().unwrap_or_default();
        assert!(
            kinds.contains(&kind),
            "{verb}: the field labelled {label:?}{place} on {page} is a {kind}, not one of {kinds:?}"
        );
        b.element(&hit["el"])
    }

    pub async fn fill(&self, label: &str, value: &str) {
        const TYPED: &[&str] = &[
            "text", "email", "password", "search", "tel", "url", "number", "textarea",
        ];
        const BY_VALUE: &[&str] = &[
            "date",
            "time",
            "datetime-local",
            "month",
            "week",
            "color",
            "range",
        ];
        let kinds: Vec<&str> = TYPED.iter().chain(BY_VALUE).copied().collect();
        let el = self.field(label, &kinds, "fill").await;
        let kind = self
            .browser
            .script("return arguments[0].type", vec![json!(el)])
            .await;
        if BY_VALUE.contains(&kind.as_str().unwrap_or_default()) {
            // Typing these depends on the browser's locale (03122026 or 12032026).
            self.browser
                .script(
                    "const [el, v] = arguments; el.value = v; \
                     el.dispatchEvent(new Event('input', { bubbles: true })); \
                     el.dispatchEvent(new Event('change', { bubbles: true })); return el.value",
                    vec![json!(el), json!(value)],
                )
                .await;
        } else {
            el.clear()
                .await
                .unwrap_or_else(|e| panic!("clearing {label:?}: {e}"));
            el.send_keys(value)
                .await
                .unwrap_or_else(|e| panic!("typing into {label:?}: {e}"));
        }
    }

    pub async fn click(&self, name: &str) {
        // htmx may replace the part of the page that holds the control between finding it
        // and clicking it (a search-as-you-type answer arriving late): find it again then.
        for attempt in 1.. {
            match self.click_once(name).await {
                Ok(()) => return,
                Err(e) if attempt < 5 && e.contains("stale element") => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("{e}"),
            }
        }
    }

    async fn click_once(&self, name: &str) -> Result<(), String> {
        let b = self.browser;
        let found = b
            .script(FIND_CLICKABLE, vec![json!(name), json!(self.scope)])
            .await;
        let page = b.location().await;
        let place = self.place();
        if let Some(e) = found["error"].as_str() {
            panic!("click {name:?}: {e} on {page}");
        }
        let hits = found["hits"].as_array().cloned().unwrap_or_default();
        match hits.len() {
            1 => {}
            0 => panic!(
                "click: no visible link or button named {name:?}{place} on {page}; there are: {}",
                found["known"]
            ),
            n => panic!(
                "click: {n} visible links or buttons are named {name:?}{place} on {page}: {}; \
                 narrow with within(css)",
                hits.iter()
                    .map(|h| h["about"].to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
        b.element(&hits[0]["el"])
            .click()
            .await
            .map_err(|e| format!("clicking {name:?}{place} on {page}: {e}"))
    }

    pub async fn select(&self, label: &str, option: &str) {
        let el = self.field(label, &["select"], "select").await;
        let options = el
            .find_all(Locator::XPath(".//option"))
            .await
            .expect("options");
        for o in &options {
            let text = o.text().await.unwrap_or_default();
            if text.split_whitespace().collect::<Vec<_>>().join(" ") == option {
                return o
                    .click()
                    .await
                    .unwrap_or_else(|e| panic!("choosing {option:?} in {label:?}: {e}"));
            }
        }
        let mut shown = Vec::new();
        for o in &options {
            shown.push(o.text().await.unwrap_or_default());
        }
        panic!("select: {label:?} has no option {option:?}; it has {shown:?}");
    }

    pub async fn check(&self, label: &str) {
        self.set_checked(label, true).await
    }

    pub async fn uncheck(&self, label: &str) {
        self.set_checked(label, false).await
    }

    async fn set_checked(&self, label: &str, on: bool) {
        let kinds: &[&str] = if on {
            &["checkbox", "radio"]
        } else {
            &["checkbox"]
        };
        let el = self
            .field(label, kinds, if on { "check" } else { "uncheck" })
            .await;
        if el.is_selected().await.expect("is selected") != on {
            el.click()
                .await
                .unwrap_or_else(|e| panic!("clicking {label:?}: {e}"));
        }
        assert_eq!(
            el.is_selected().await.expect("is selected"),
            on,
            "{label:?} did not change when clicked"
        );
    }

    pub async fn upload(&self, label: &str, path: &Path) {
        let path = path
            .canonicalize()
            .unwrap_or_else(|e| panic!("upload {}: {e}", path.display()));
        let el = self.field(label, &["file"], "upload").await;
        el.send_keys(&path.display().to_string())
            .await
            .unwrap_or_else(|e| panic!("choosing {} for {label:?}: {e}", path.display()));
    }

    /// The rendered text of the scope (of `main` for the whole page).
    pub async fn text(&self) -> String {
        let Some(css) = self.scope else {
            return self.browser.text().await;
        };
        let el = self
            .browser
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing matches {css}: {e}"));
        el.text().await.expect("text")
    }
}

/// A page made of `html` alone, for checks that need no server (`data:` URL).
pub fn fixture(html: &str) -> String {
    use base64::Engine as _;
    format!(
        "data:text/html;charset=utf-8;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(html)
    )
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_owned(),
    }
}
