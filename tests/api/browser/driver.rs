//! The one chromedriver of this test process, and what makes sure that neither it nor any
//! Chromium it started outlives the process.
//!
//! Three layers, because a test process can end in three ways:
//! - a story closes its browsers' sessions when it ends, passed or failed;
//! - at a normal exit (libtest returns or calls `process::exit`) an `atexit` handler kills
//!   chromedriver's whole process group (it leads its own group, and every Chromium process
//!   it starts inherits it), reaps it and waits for the group to be gone;
//! - when the process is killed (Ctrl-C, SIGKILL, a CI timeout) the kernel kills chromedriver
//!   (`PR_SET_PDEATHSIG`), and each Chromium, which talks to it over a pipe
//!   (`--remote-debugging-pipe`), exits when that pipe closes.
//!
//! A static is never dropped, so a `kill_on_drop` guard in one would never fire: hence the
//! `atexit` handler.

use std::io::{BufRead as _, BufReader};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{ChildStdout, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub struct Driver {
    /// chromedriver's address, e.g. `http://127.0.0.1:40123`.
    pub url: String,
}

static DRIVER: OnceLock<Result<Driver, String>> = OnceLock::new();
/// chromedriver's pid, which is also its process group's id; 0 before it runs.
static PID: AtomicI32 = AtomicI32::new(0);

/// Starts chromedriver the first time it is asked for. A failure to start is kept, so every
/// browser test fails with the same message instead of each trying again.
pub fn driver() -> &'static Driver {
    match DRIVER.get_or_init(start) {
        Ok(driver) => driver,
        Err(message) => panic!("{message}"),
    }
}

/// This process's browser folder (logs, profiles), inside the test folder that the next
/// run sweeps if this one crashes (see `helpers::sweep_stale_dirs`).
pub fn work_dir() -> PathBuf {
    std::env::temp_dir()
        .join(format!("livinglab-test-{}", std::process::id()))
        .join("browser")
}

/// Where fresh `--user-data-dir`s are made.
pub fn profiles_dir() -> PathBuf {
    work_dir().join("profiles")
}

fn start() -> Result<Driver, String> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|bin| !Path::new(bin).exists())
        .collect();
    if !missing.is_empty() {
        let ci = if std::env::var("CI").is_ok_and(|v| v == "true") {
            " Browser tests never skip in CI."
        } else {
            ""
        };
        return Err(format!(
            "the browser tests need {} (missing). Install them with \
             `apt install chromium chromium-driver` (Debian); .ci/run does it when it may.{ci}",
            missing.join(" and ")
        ));
    }
    let dir = work_dir();
    std::fs::create_dir_all(profiles_dir())
        .map_err(|e| format!("creating {}: {e}", profiles_dir().display()))?;
    let log = dir.join("chromedriver.log");

    let (tx, rx) = mpsc::channel::<Result<u16, String>>();
    std::thread::Builder::new()
        .name("chromedriver".into())
        .spawn(move || {
            match spawn(&dir) {
                Ok(stdout) => {
                    let mut lines = BufReader::new(stdout).lines();
                    let mut said = Vec::new();
                    let mut port = None;
                    for line in lines.by_ref() {
                        let Ok(line) = line else { break };
                        if let Some(p) = started_on(&line) {
                            port = Some(p);
                            break;
                        }
                        said.push(line);
                    }
                    let _ = tx.send(port.ok_or_else(|| {
                        format!(
                            "chromedriver stopped before it was ready; it said {said:?} \
                             (see chromedriver.log and chromedriver.stderr in {})",
                            dir.display()
                        )
                    }));
                    // A pipe nobody reads fills up and then blocks chromedriver's writes.
                    for _ in lines {}
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                }
            }
            // PR_SET_PDEATHSIG fires when the thread that spawned the child ends, not the
            // process: this thread must live as long as the process does.
            loop {
                std::thread::park();
            }
        })
        .map_err(|e| format!("spawning the chromedriver thread: {e}"))?;

    let port = rx.recv_timeout(Duration::from_secs(30)).map_err(|_| {
        format!(
            "chromedriver did not start within 30 s (its log: {})",
            log.display()
        )
    })??;
    // SAFETY: registering a plain `extern "C" fn` that does not unwind.
    unsafe {
        libc::atexit(at_exit);
    }
    Ok(Driver {
        url: format!("http://127.0.0.1:{port}"),
    })
}

/// chromedriver picks a free port itself (`--port=0`) and names it on stdout.
fn started_on(line: &str) -> Option<u16> {
    let rest = line.split("started successfully on port ").nth(1)?;
    rest.trim_end_matches(['.', ' ']).parse().ok()
}

fn spawn(dir: &Path) -> Result<ChildStdout, String> {
    // What chromedriver cannot put in its log (it failing to start, say).
    let stderr_path = dir.join("chromedriver.stderr");
    let stderr = std::fs::File::create(&stderr_path)
        .map_err(|e| format!("creating {}: {e}", stderr_path.display()))?;
    let mut cmd = Command::new(CHROMEDRIVER);
    cmd.arg("--port=0")
        .arg(format!(
            "--log-path={}",
            dir.join("chromedriver.log").display()
        ))
        // INFO logs every command with its arguments: axe-core's 650 kB on every check.
        .arg("--log-level=WARNING")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        // Its own group, which its Chromiums join: one kill at exit reaches them all.
        .process_group(0);
    let parent = nix::unistd::getpid();
    // SAFETY: prctl and getppid are async-signal-safe; nothing here allocates.
    unsafe {
        cmd.pre_exec(move || {
            nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL)
                .map_err(std::io::Error::from)?;
            if nix::unistd::getppid() != parent {
                return Err(std::io::Error::other(
                    "the test process exited during spawn",
                ));
            }
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("starting {CHROMEDRIVER}: {e}"))?;
    PID.store(child.id() as i32, Ordering::SeqCst);
    Ok(child.stdout.take().expect("piped stdout"))
}

extern "C" fn at_exit() {
    super::axe::print_summary();
    let pid = PID.load(Ordering::SeqCst);
    if pid <= 0 {
        return;
    }
    // SAFETY: plain syscalls on the group and the child we started.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
        libc::waitpid(pid, std::ptr::null_mut(), 0);
    }
    // The Chromium processes are the group's other members; they are gone (or zombies of
    // init) within milliseconds. Bounded: a container whose init does not reap would keep
    // zombies forever.
    let deadline = Instant::now() + Duration::from_secs(2);
    // SAFETY: signal 0 only checks whether the group still exists.
    while unsafe { libc::kill(-pid, 0) } == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = std::fs::remove_dir_all(profiles_dir());
}
