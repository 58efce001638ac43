//! Several `livinglab serve` processes on one database, as in production.

use crate::contract::Checked as _;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::create_database;

/// A port for a server process to bind, below the kernel's ephemeral range.
///
/// A port taken with `bind(":0")` and released for the child is an ephemeral port: until the
/// child binds it, any outgoing connection of the tests running beside (or another server
/// bound to port 0) may take it, and the child then fails to start, or the test even talks to
/// another test's server. Below the ephemeral range the kernel hands out nothing by itself;
/// each call takes a port no earlier call of this process took, starting at a place that
/// depends on the process id, and checks that it is free.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u32>().ok())
        .unwrap_or(32768);
    let (first, span) = (10_000, low.saturating_sub(10_000).max(1000));
    let start = std::process::id().wrapping_mul(7919) % span;
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        assert!(n < span, "no free port below the ephemeral range");
        let port = (first + (start + n) % span) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the real binary with exactly `env` (plus PATH), on a free port.
pub fn spawn_server(env: &[(&str, String)], cwd: &std::path::Path) -> Server {
    let port = free_port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_livinglab"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LIVINGLAB_BIND", format!("127.0.0.1:{port}"))
        .env("LIVINGLAB_AUTH_RATE_PER_MINUTE", "0")
        .env("LIVINGLAB_REFRESH_RATE_PER_MINUTE", "0")
        .env("LIVINGLAB_WS_PREHELLO_PER_IP", "0")
        .env("LIVINGLAB_WORKERS", "1")
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(if std::env::var_os("TEST_LOG").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        });
    for (k, v) in env {
        cmd.env(k, v);
    }
    Server {
        child: cmd.spawn().expect("spawn livinglab"),
        base: format!("http://127.0.0.1:{port}"),
    }
}

pub async fn wait_healthy(server: &mut Server, within: Duration) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + within;
    loop {
        if let Ok(r) = client
            .get(format!("{}/healthz", server.base))
            .send_checked()
            .await
            && r.status() == 200
        {
            return;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("livinglab exited early with {status}");
        }
        assert!(Instant::now() < deadline, "not healthy within {within:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn post(base: &str, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send_checked().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

pub async fn get(base: &str, path: &str, token: Option<&str>) -> (u16, Value) {
    let mut req = reqwest::Client::new().get(format!("{base}{path}"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send_checked().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn two_instances_share_one_database_and_each_others_tokens() {
    // An empty database: both instances race to migrate it.
    let (url, _) = create_database(false).await;
    let cwd = std::env::temp_dir();
    let env = [("DATABASE_URL", url.clone())];
    let mut a = spawn_server(&env, &cwd);
    let mut b = spawn_server(&env, &cwd);
    wait_healthy(&mut a, Duration::from_secs(60)).await;
    wait_healthy(&mut b, Duration::from_secs(60)).await;
    assert_eq!(get(&a.base, "/readyz", None).await.0, 200);
    assert_eq!(get(&b.base, "/readyz", None).await.0, 200);

    // No LIVINGLAB_JWT_SECRET: the key both use comes from the database.
    let (status, reg) = post(
        &a.base,
        "/api/v1/auth/register",
        None,
        json!({"email": "ana@example.org", "password": "a long passphrase", "display_name": "Ana"}),
    )
    .await;
    assert_eq!(status, 201, "{reg}");
    let (status, me) = get(&b.base, "/api/v1/me", reg["access_token"].as_str()).await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["email"], "ana@example.org");

    // A refresh token issued by one is rotated by the other, and reuse is caught anywhere.
    let refresh = reg["refresh_token"].as_str().unwrap();
    let (status, r) = post(
        &b.base,
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": refresh}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        get(&a.base, "/api/v1/me", r["access_token"].as_str())
            .await
            .0,
        200
    );
    let (status, _) = post(
        &a.base,
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": refresh}),
    )
    .await;
    assert_eq!(status, 401);
}
