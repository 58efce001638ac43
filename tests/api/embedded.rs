//! The zero-configuration path: `livinglab` with no DATABASE_URL runs its own PostgreSQL
//! in the data folder, stops it on SIGTERM, survives kill -9, and finds orphans.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::json;

use crate::instances::{Server, get, post, spawn_server, wait_healthy};

fn postmaster_pid(data: &Path) -> Option<i32> {
    std::fs::read_to_string(data.join("postgres/postmaster.pid"))
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

fn alive(pid: i32) -> bool {
    kill(Pid::from_raw(pid), None).is_ok()
}

async fn wait_dead(pid: i32, within: Duration) {
    let deadline = Instant::now() + within;
    while alive(pid) {
        assert!(
            Instant::now() < deadline,
            "pid {pid} still alive after {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Removes a scratch folder and, when its cluster was relocated (the postgres user cannot
/// enter a 0700 folder), the relocated cluster too.
fn cleanup(dir: &Path) {
    if let Ok(target) = std::fs::read_link(dir.join("data/postgres"))
        && let Some(parent) = target.parent()
        && parent.starts_with("/var/lib/livinglab")
    {
        let _ = std::fs::remove_dir_all(parent);
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn start(dir: &Path) -> Server {
    // No DATABASE_URL, no data dir setting: everything defaults, relative to `dir`.
    spawn_server(&[], dir)
}

async fn login(base: &str) -> u16 {
    post(
        base,
        "/api/v1/auth/login",
        None,
        json!({"email": "ana@example.org", "password": "a long passphrase"}),
    )
    .await
    .0
}

fn stop(server: &mut Server, signal: Signal) -> std::process::ExitStatus {
    kill(Pid::from_raw(server.child.id() as i32), signal).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "livinglab did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A scratch folder like `mktemp -d` makes (mode 0700, which the postgres user cannot
/// enter when we run as root).
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("livinglab-embedded-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&dir).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

#[tokio::test]
async fn embedded_postgres_start_stop_restart_and_crash() {
    let dir = scratch();
    let data = dir.join("data");

    // First start: initdb, migrate, serve.
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(60)).await;
    assert_eq!(get(&s.base, "/readyz", None).await.0, 200);
    let (status, body) = post(
        &s.base,
        "/api/v1/auth/register",
        None,
        json!({"email": "ana@example.org", "password": "a long passphrase", "display_name": "Ana"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let pg = postmaster_pid(&data).expect("a postmaster.pid in data/postgres");
    assert!(alive(pg));

    // SIGTERM: a clean exit, and its PostgreSQL is gone with it.
    let status = stop(&mut s, Signal::SIGTERM);
    assert!(status.success(), "{status}");
    assert!(!alive(pg), "postgres {pg} outlived livinglab");
    assert!(
        postmaster_pid(&data).is_none(),
        "clean shutdown removes postmaster.pid"
    );

    // Second start keeps the data.
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(60)).await;
    assert_eq!(login(&s.base).await, 200);

    // kill -9 of livinglab: its PostgreSQL is told to stop; the next start works and
    // keeps the rows.
    let pg = postmaster_pid(&data).unwrap();
    stop(&mut s, Signal::SIGKILL);
    wait_dead(pg, Duration::from_secs(30)).await;
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(120)).await;
    assert_eq!(login(&s.base).await, 200);

    // A power cut: PostgreSQL dies at once (SIGKILL to its whole process group, so no
    // checkpoint and a stale postmaster.pid), then livinglab. The next start clears the
    // stale lock, PostgreSQL replays its WAL, and the committed rows are there.
    let (status, _) = post(
        &s.base,
        "/api/v1/auth/register",
        None,
        json!({"email": "late@example.org", "password": "a long passphrase", "display_name": "Late"}),
    )
    .await;
    assert_eq!(status, 201);
    let pg = postmaster_pid(&data).unwrap();
    kill(Pid::from_raw(-pg), Signal::SIGKILL).unwrap();
    stop(&mut s, Signal::SIGKILL);
    wait_dead(pg, Duration::from_secs(10)).await;
    assert_eq!(
        postmaster_pid(&data),
        Some(pg),
        "a power cut leaves postmaster.pid behind"
    );
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(120)).await;
    assert_eq!(login(&s.base).await, 200);
    let (status, _) = post(
        &s.base,
        "/api/v1/auth/login",
        None,
        json!({"email": "late@example.org", "password": "a long passphrase"}),
    )
    .await;
    assert_eq!(status, 200, "the last committed row survived the power cut");
    let log = std::fs::read_to_string(data.join("postgres.log")).unwrap();
    assert!(
        log.contains("was not properly shut down") || log.contains("interrupted"),
        "PostgreSQL ran crash recovery"
    );

    // A second server on the same folder is refused with a clear message, not a crash of
    // the first.
    let mut second = start(&dir);
    let status = second.child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(get(&s.base, "/readyz", None).await.0, 200);

    // The CLI works beside the running server (it uses the same cluster).
    let out = Command::new(env!("CARGO_BIN_EXE_livinglab"))
        .args([
            "user",
            "create",
            "--email",
            "root@example.org",
            "--password",
            "root password 1",
            "--name",
            "Root",
            "--role",
            "admin",
        ])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, root) = post(
        &s.base,
        "/api/v1/auth/login",
        None,
        json!({"email": "root@example.org", "password": "root password 1"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(root["user"]["role"], "admin");
    stop(&mut s, Signal::SIGTERM);
    cleanup(&dir);
}

#[tokio::test]
async fn a_postgres_left_running_is_taken_over() {
    let dir = scratch();
    let data = dir.join("data");
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(60)).await;
    post(
        &s.base,
        "/api/v1/auth/register",
        None,
        json!({"email": "ana@example.org", "password": "a long passphrase", "display_name": "Ana"}),
    )
    .await;
    stop(&mut s, Signal::SIGTERM);

    // Start the cluster by hand, detached, as a crashed livinglab could have left it.
    let cluster = std::fs::canonicalize(data.join("postgres")).unwrap();
    let bin = livinglab::db::embedded::find_bin_dir().unwrap();
    let mut cmd = Command::new(bin.join("postgres"));
    cmd.arg("-D")
        .arg(&cluster)
        .arg("-k")
        .arg(&cluster)
        .args(["-c", "listen_addresses="])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    if nix::unistd::Uid::effective().is_root() {
        let pg_user = nix::unistd::User::from_name("postgres").unwrap().unwrap();
        cmd.uid(pg_user.uid.as_raw()).gid(pg_user.gid.as_raw());
    }
    let mut orphan = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while postmaster_pid(&data) != Some(orphan.id() as i32) {
        assert!(
            Instant::now() < deadline,
            "hand-started postgres did not come up"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(120)).await;
    assert_eq!(login(&s.base).await, 200);
    // The orphan was stopped (and reaped here); livinglab runs its own child now.
    let _ = orphan.wait();
    let now = postmaster_pid(&data).unwrap();
    assert_ne!(now, orphan.id() as i32);
    stop(&mut s, Signal::SIGTERM);
    wait_dead(now, Duration::from_secs(10)).await;
    cleanup(&dir);
}

/// After a reboot, the pid in a stale postmaster.pid may belong to a live process of the
/// same user; PostgreSQL alone would refuse to start ("lock file already exists").
#[tokio::test]
async fn a_stale_pid_file_naming_a_live_process_does_not_block_the_start() {
    let dir = scratch();
    let data = dir.join("data");
    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(60)).await;
    stop(&mut s, Signal::SIGTERM);

    let mut sleeper = Command::new("sleep");
    sleeper.arg("60");
    if nix::unistd::Uid::effective().is_root() {
        let pg_user = nix::unistd::User::from_name("postgres").unwrap().unwrap();
        sleeper.uid(pg_user.uid.as_raw()).gid(pg_user.gid.as_raw());
    }
    let mut sleeper = sleeper.spawn().unwrap();
    let cluster = std::fs::canonicalize(data.join("postgres")).unwrap();
    std::fs::write(
        cluster.join("postmaster.pid"),
        format!("{}\n{}\n0\n5432\n\n\n", sleeper.id(), cluster.display()),
    )
    .unwrap();

    let mut s = start(&dir);
    wait_healthy(&mut s, Duration::from_secs(60)).await;
    assert_eq!(get(&s.base, "/readyz", None).await.0, 200);
    assert!(
        alive(sleeper.id() as i32),
        "the unrelated process was left alone"
    );
    stop(&mut s, Signal::SIGTERM);
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    cleanup(&dir);
}
