//! The test harness. With no DATABASE_URL, one throwaway PostgreSQL cluster is started for
//! the whole run (as the `postgres` user when we are root); a template database is migrated
//! once, and every test gets its own copy (`CREATE DATABASE ... TEMPLATE`, ~25 ms), so tests
//! run in parallel without seeing each other's rows.

use crate::contract::Checked as _;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::Duration;

use livinglab::db::embedded::{EmbeddedOptions, EmbeddedPostgres};
use livinglab::settings::Settings;
use livinglab::startup::Application;
use nix::sys::signal::Signal;
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use secrecy::SecretString;
use serde_json::{Value, json};
use uuid::Uuid;

pub const TEST_JWT_SECRET: &str = "test-secret-that-is-long-enough-for-hs256-signing";
const TEMPLATE: &str = "livinglab_template";

pub struct Cluster {
    /// URL of any database on the server, minus the database name (ends with '/').
    pub base_url: String,
}

impl Cluster {
    pub fn url(&self, db: &str) -> String {
        format!("{}{}", self.base_url, db)
    }
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();

fn init_logs() {
    if std::env::var_os("TEST_LOG").is_some() {
        livinglab::telemetry::init("info", livinglab::telemetry::LogFormat::Text);
    }
}

/// Removes clusters left by earlier runs whose process is gone.
/// Removes test folders whose process is gone. A live test process holds an exclusive lock
/// on its folder's `lock` file for its whole life; a pid check is not enough, because test
/// runs in other PID namespaces (containers, sandboxes) share `/tmp` but not pids.
fn sweep_stale_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.flatten() {
        if !e
            .file_name()
            .to_string_lossy()
            .starts_with("livinglab-test-")
        {
            continue;
        }
        let stale = match std::fs::File::open(e.path().join("lock")) {
            Ok(lock) => lock.try_lock().is_ok(),
            // No lock file: an older run's folder, or one being created this instant.
            Err(_) => e
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > Duration::from_secs(600))),
        };
        if stale {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Takes the folder's lock for the life of the process (the file is never closed).
fn hold_lock(dir: &std::path::Path) {
    let lock = std::fs::File::create(dir.join("lock")).expect("test dir lock");
    lock.try_lock().expect("test dir lock is free");
    std::mem::forget(lock);
}

pub fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(|| {
        init_logs();
        let (tx, rx) = mpsc::channel();
        // The cluster lives on a thread that never returns: its parent-death signal fires
        // when that thread ends, i.e. when the test process exits.
        std::thread::Builder::new()
            .name("test-postgres".into())
            .spawn(move || {
                let (base_url, _pg) = match std::env::var("DATABASE_URL") {
                    Ok(url) if !url.is_empty() => {
                        let base =
                            url[..=url.rfind('/').expect("DATABASE_URL has a path")].to_owned();
                        (base, None)
                    }
                    _ => {
                        sweep_stale_dirs();
                        let dir: PathBuf = std::env::temp_dir()
                            .join(format!("livinglab-test-{}", std::process::id()));
                        std::fs::create_dir_all(&dir).expect("test dir");
                        hold_lock(&dir);
                        let pg = EmbeddedPostgres::start(&EmbeddedOptions {
                            cluster_dir: dir.join("pg"),
                            log_file: dir.join("postgres.log"),
                            database: "postgres".into(),
                            settings: [
                                ("fsync", "off"),
                                ("synchronous_commit", "off"),
                                ("full_page_writes", "off"),
                                ("max_connections", "400"),
                                ("shared_buffers", "64MB"),
                            ]
                            .iter()
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                            .collect(),
                            death_signal: Signal::SIGQUIT,
                        })
                        .expect("starting the test PostgreSQL");
                        let url = pg.url_for("");
                        (url, Some(pg))
                    }
                };
                let rt = tokio::runtime::Runtime::new().expect("runtime");
                rt.block_on(create_template(&base_url));
                drop(rt);
                tx.send(base_url).expect("send");
                loop {
                    std::thread::park();
                }
            })
            .expect("spawn cluster thread");
        let base_url = rx.recv().expect("the test cluster failed to start");
        Cluster { base_url }
    })
}

pub async fn admin_client(base_url: &str, db: &str) -> tokio_postgres::Client {
    let (client, conn) = tokio_postgres::connect(&format!("{base_url}{db}"), tokio_postgres::NoTls)
        .await
        .expect("admin connection");
    tokio::spawn(conn);
    client
}

async fn create_template(base_url: &str) {
    let admin = admin_client(base_url, "postgres").await;
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
        .await
        .expect("drop old template");
    admin
        .batch_execute(&format!("CREATE DATABASE {TEMPLATE}"))
        .await
        .expect("create template");
    livinglab::db::run_migrations(&format!("{base_url}{TEMPLATE}"))
        .await
        .expect("migrating the template");
}

/// A fresh database. `migrated` = copied from the template; otherwise empty.
pub async fn create_database(migrated: bool) -> (String, String) {
    let cluster = cluster();
    let name = format!("t_{}", Uuid::new_v4().simple());
    let admin = admin_client(&cluster.base_url, "postgres").await;
    let sql = if migrated {
        format!("CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    } else {
        format!("CREATE DATABASE {name}")
    };
    // Copies of one template serialize inside PostgreSQL; retry the rare "source database
    // is being accessed" that parallel copies can still produce.
    let mut attempt = 0;
    loop {
        match admin.batch_execute(&sql).await {
            Ok(()) => break,
            Err(e) if attempt < 50 => {
                attempt += 1;
                let _ = e;
                tokio::time::sleep(Duration::from_millis(20 * attempt)).await;
            }
            Err(e) => panic!("create database: {e}"),
        }
    }
    (cluster.url(&name), name)
}

pub struct TestApp {
    pub addr: String,
    pub db_url: String,
    pub client: reqwest::Client,
    pub db_name: String,
    pub data_dir: std::path::PathBuf,
    runner: Runner,
}

/// Where the server runs: in this test process, or as the real binary in a process of its
/// own (for measurements that other tests running beside it must not disturb).
enum Runner {
    InProcess(actix_web::dev::ServerHandle),
    Process(crate::instances::Server),
}

#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: Uuid,
    pub email: String,
    pub access: String,
    pub refresh: String,
}

pub fn test_settings() -> Settings {
    let mut s = Settings::default();
    s.http.bind = "127.0.0.1:0".parse().unwrap();
    s.http.workers = Some(1);
    s.http.handle_signals = false;
    s.http.shutdown_timeout = Duration::from_secs(1);
    s.database.pool_size = 4;
    s.auth.rate_per_minute = 0;
    // Tests share one address; a test that checks a limit turns it on.
    s.limits.refresh_per_minute = 0;
    s.limits.practice_export_per_minute = 0;
    s.limits.room_export_per_minute = 0;
    s.limits.ws_prehello_per_ip = 0;
    s.auth.jwt_secret = Some(SecretString::from(TEST_JWT_SECRET.to_owned()));
    // Each app its own folder (documents live there), inside this process's test folder,
    // which the next run sweeps if a crash left it behind.
    s.data_dir = std::env::temp_dir()
        .join(format!("livinglab-test-{}", std::process::id()))
        .join("apps")
        .join(Uuid::now_v7().to_string());
    s
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> Self {
        let (db_url, db_name) = create_database(true).await;
        Self::spawn_on(&db_url, db_name, configure).await
    }

    /// Another instance on an existing database (several instances are one server).
    pub async fn spawn_on(
        db_url: &str,
        db_name: String,
        configure: impl FnOnce(&mut Settings),
    ) -> Self {
        let mut settings = test_settings();
        configure(&mut settings);
        let data_dir = settings.data_dir.clone();
        let app = Application::build(settings, db_url)
            .await
            .expect("building the app");
        let port = app.port();
        let handle = app.handle();
        tokio::spawn(app.run_until_stopped());
        Self {
            addr: format!("http://127.0.0.1:{port}"),
            db_url: db_url.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            db_name,
            data_dir,
            runner: Runner::InProcess(handle),
        }
    }

    /// The real `livinglab` binary in a process of its own, on a fresh database, with the
    /// test settings (JWT secret, no auth rate limit, its own data folder).
    pub async fn spawn_process() -> Self {
        let (db_url, db_name) = create_database(true).await;
        let data_dir = test_settings().data_dir;
        let env = [
            ("DATABASE_URL", db_url.clone()),
            ("LIVINGLAB_DATA_DIR", data_dir.display().to_string()),
            ("LIVINGLAB_JWT_SECRET", TEST_JWT_SECRET.to_owned()),
        ];
        let mut server = crate::instances::spawn_server(&env, &std::env::temp_dir());
        crate::instances::wait_healthy(&mut server, Duration::from_secs(60)).await;
        Self {
            addr: server.base.clone(),
            db_url,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            db_name,
            data_dir,
            runner: Runner::Process(server),
        }
    }

    /// The server's process id, when it runs in a process of its own.
    pub fn server_pid(&self) -> Option<u32> {
        match &self.runner {
            Runner::Process(server) => Some(server.child.id()),
            Runner::InProcess(_) => None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.addr, path)
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send_checked().await.expect("request");
        let status = res.status();
        let text = res.text().await.unwrap();
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text)
                .unwrap_or_else(|_| panic!("{path} answered {status} with non-JSON: {text}"))
        };
        (status, json)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.request(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.request(Method::POST, path, token, Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.request(Method::PATCH, path, token, Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.request(Method::DELETE, path, token, None).await
    }

    /// Registers `name@example.org` (password `password-of-<name>`).
    pub async fn register(&self, name: &str) -> TestUser {
        register_at(&self.addr, name).await
    }

    /// Sets a platform role directly in the database (the bootstrap path the CLI also has).
    pub async fn set_role(&self, user: &TestUser, role: &str) {
        let db = admin_client(&cluster().base_url, &self.db_name).await;
        let n = db
            .execute(
                "UPDATE users SET role = $1 WHERE id = $2::text::uuid",
                &[&role, &user.id.to_string()],
            )
            .await
            .unwrap();
        assert_eq!(n, 1);
    }

    pub async fn admin(&self, name: &str) -> TestUser {
        let u = self.register(name).await;
        self.set_role(&u, "admin").await;
        u
    }

    /// `SELECT count(*) FROM <from>` on this test's database (e.g. `"users"`).
    pub async fn count(&self, from: &str) -> i64 {
        self.db()
            .await
            .query_one(&format!("SELECT count(*) FROM {from}"), &[])
            .await
            .unwrap()
            .get(0)
    }

    pub async fn db(&self) -> tokio_postgres::Client {
        admin_client(&cluster().base_url, &self.db_name).await
    }

    /// Sends a request that must answer `want`; a set-up step that fails fails the test with
    /// the response body. Returns the body.
    pub async fn expect(
        &self,
        want: u16,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Value {
        let (status, b) = self.request(method.clone(), path, token, body).await;
        assert_eq!(status.as_u16(), want, "{method} {path}: {b}");
        b
    }

    /// `GET` that must answer 200.
    pub async fn get_ok(&self, path: &str, token: Option<&str>) -> Value {
        self.expect(200, Method::GET, path, token, None).await
    }

    /// `POST` that must answer `want`.
    pub async fn post_ok(&self, want: u16, path: &str, token: Option<&str>, body: Value) -> Value {
        self.expect(want, Method::POST, path, token, Some(body))
            .await
    }

    /// `PATCH` that must answer 200.
    pub async fn patch_ok(&self, path: &str, token: Option<&str>, body: Value) -> Value {
        self.expect(200, Method::PATCH, path, token, Some(body))
            .await
    }

    pub async fn moderator(&self, name: &str) -> TestUser {
        let u = self.register(name).await;
        self.set_role(&u, "moderator").await;
        u
    }

    /// `owner` creates an organization (and becomes its owner).
    pub async fn create_org(&self, owner: &TestUser, body: Value) -> Value {
        self.post_ok(201, "/api/v1/organizations", Some(&owner.access), body)
            .await
    }

    /// A city called `name` in `country`, created by `owner`; its id.
    pub async fn city(&self, owner: &TestUser, name: &str, country: &str) -> String {
        let org = self
            .create_org(
                owner,
                json!({"name": name, "kind": "city", "country": country}),
            )
            .await;
        id(&org).to_owned()
    }

    /// `owner` adds `user` to organization `org` with `role`.
    pub async fn add_member(&self, owner: &TestUser, org: &str, user: &TestUser, role: &str) {
        self.post_ok(
            201,
            &format!("/api/v1/organizations/{org}/members"),
            Some(&owner.access),
            json!({"user_id": user.id, "role": role}),
        )
        .await;
    }

    /// The seeded and added themes: slug -> id.
    pub async fn theme_ids(&self) -> BTreeMap<String, String> {
        collect_pages(self, "/api/v1/themes?limit=100", None)
            .await
            .iter()
            .map(|t| (t["slug"].as_str().unwrap().to_owned(), id(t).to_owned()))
            .collect()
    }

    /// A draft practice written by `author`.
    pub async fn create_practice(&self, author: &TestUser, body: Value) -> Value {
        self.post_ok(201, "/api/v1/practices", Some(&author.access), body)
            .await
    }

    /// `editor` publishes practice `pid`; the published record.
    pub async fn publish_practice(&self, editor: &TestUser, pid: &str) -> Value {
        self.post_ok(
            200,
            &format!("/api/v1/practices/{pid}/publish"),
            Some(&editor.access),
            json!({}),
        )
        .await
    }

    /// A draft event starting in a day, created by `owner`; `extra` overrides fields.
    pub async fn create_event(&self, owner: &TestUser, extra: Value) -> Value {
        let body = merge(
            json!({
                "title": "Green mobility workshop",
                "description": "Bike lanes and **low-emission zones**.",
                "kind": "workshop",
                "starts_at": at(24 * 60),
                "ends_at": at(24 * 60 + 180),
                "timezone": "Europe/Madrid",
                "mode": "hybrid",
                "location": "Ajuntament de València, Sala 2",
                "online_url": "https://meet.example.org/green-mobility",
            }),
            extra,
        );
        self.post_ok(201, "/api/v1/events", Some(&owner.access), body)
            .await
    }

    /// `moderator` publishes event `eid`; the published event.
    pub async fn publish_event(&self, moderator: &TestUser, eid: &str) -> Value {
        self.post_ok(
            200,
            &format!("/api/v1/events/{eid}/publish"),
            Some(&moderator.access),
            json!({}),
        )
        .await
    }

    /// A published event created by `owner`; `extra` overrides fields.
    pub async fn published_event(&self, owner: &TestUser, extra: Value) -> Value {
        let ev = self.create_event(owner, extra).await;
        self.publish_event(owner, id(&ev)).await
    }

    /// `user` registers for event `eid` (a seat or a waitlist place); the registration.
    pub async fn register_for_event(&self, user: &TestUser, eid: &str) -> Value {
        self.post_ok(
            201,
            &format!("/api/v1/events/{eid}/registrations"),
            Some(&user.access),
            json!({}),
        )
        .await
    }

    /// A room created by `moderator` (a platform moderator or admin).
    pub async fn create_room(&self, moderator: &TestUser, body: Value) -> Value {
        self.post_ok(201, "/api/v1/rooms", Some(&moderator.access), body)
            .await
    }

    /// A multipart upload to `path` (`/api/v1/documents` or `.../versions`); any answer.
    pub async fn upload(
        &self,
        user: Option<&TestUser>,
        path: &str,
        fields: &[(&str, String)],
        file: Vec<u8>,
        filename: &str,
    ) -> (StatusCode, Value) {
        let mut form = Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.clone());
        }
        form = form.part("file", Part::bytes(file).file_name(filename.to_owned()));
        let mut req = self.client.post(self.url(path)).multipart(form);
        if let Some(u) = user {
            req = req.bearer_auth(&u.access);
        }
        let res = req.send_checked().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// `user` uploads `file` as a document of `kind` `parent_id`; the document.
    pub async fn upload_document(
        &self,
        user: &TestUser,
        kind: &str,
        parent_id: &str,
        file: Vec<u8>,
        filename: &str,
    ) -> Value {
        let fields = [
            ("attach_to_type", kind.to_owned()),
            ("attach_to_id", parent_id.to_owned()),
        ];
        let (status, d) = self
            .upload(Some(user), "/api/v1/documents", &fields, file, filename)
            .await;
        assert_eq!(status, 201, "upload of {filename}: {d}");
        d
    }
}

/// Registers `name@example.org` (password `password-of-<name>`) on the server at `base`
/// (`http://host:port`), which may be a separate process.
pub async fn register_at(base: &str, name: &str) -> TestUser {
    let email = format!("{name}@example.org");
    let password = format!("password-of-{name}");
    let (status, body) = crate::instances::post(
        base,
        "/api/v1/auth/register",
        None,
        json!({"email": email, "password": password, "display_name": name}),
    )
    .await;
    assert_eq!(status, 201, "registering {name}: {body}");
    TestUser {
        id: body["user"]["id"].as_str().unwrap().parse().unwrap(),
        email,
        access: body["access_token"].as_str().unwrap().to_owned(),
        refresh: body["refresh_token"].as_str().unwrap().to_owned(),
    }
}

/// The `id` of a JSON record.
pub fn id(v: &Value) -> &str {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no string id in {v}"))
}

/// `base` with the fields of `extra` set (added or replaced).
pub fn merge(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        for (k, v) in e {
            b.insert(k, v);
        }
    }
    base
}

/// An RFC 3339 UTC time `minutes_from_now` (whole seconds).
pub fn at(minutes_from_now: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(minutes_from_now))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop the workers so their pools close: a run of many tests must not pile up
        // connections on the shared cluster.
        let data_dir = self.data_dir.clone();
        let handle = match &mut self.runner {
            Runner::InProcess(handle) => handle.clone(),
            Runner::Process(server) => {
                let _ = server.child.kill();
                let _ = server.child.wait();
                let _ = std::fs::remove_dir_all(&data_dir);
                return;
            }
        };
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                let _ = tokio::time::timeout(Duration::from_secs(5), handle.stop(false)).await;
            });
            let _ = std::fs::remove_dir_all(&data_dir);
        });
    }
}

/// Asserts the error shape and code, and returns the details.
pub fn assert_error(status: StatusCode, body: &Value, want_status: u16, want_code: &str) -> Value {
    assert_eq!(
        status.as_u16(),
        want_status,
        "unexpected status; body: {body}"
    );
    let err = &body["error"];
    assert_eq!(err["code"], want_code, "unexpected code; body: {body}");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(err["details"].is_object(), "{body}");
    err["details"].clone()
}

/// Walks every page of a list, returning all items.
pub async fn collect_pages(app: &TestApp, path: &str, token: Option<&str>) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1000 {
        let p = match &cursor {
            Some(c) => format!("{path}{sep}cursor={c}"),
            None => path.to_owned(),
        };
        let (status, body) = app.get(&p, token).await;
        assert_eq!(status, 200, "{body}");
        items.extend(body["items"].as_array().unwrap().iter().cloned());
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return items,
        }
    }
    panic!("pagination did not end");
}
