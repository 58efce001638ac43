//! A private PostgreSQL cluster run from the machine's own server binaries, so that
//! `livinglab` works with nothing configured. Used by the server when `DATABASE_URL` is unset
//! and by the test harness.
//!
//! The cluster only listens on a unix socket inside a folder that only its owner can enter,
//! so `trust` authentication does not open it to other local users.
//!
//! Everything here is blocking: call it from a thread that lives as long as the cluster
//! should (the parent-death signal is tied to the spawning thread, not the process).

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::{PermissionsExt, chown, symlink};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::{Gid, Pid, Uid, User};

const PORT: u16 = 5432;
/// `sun_path` holds 108 bytes; leave room for `/.s.PGSQL.5432` and its lock file.
const MAX_SOCKET_DIR_LEN: usize = 80;

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(
        "PostgreSQL server binaries (initdb, postgres) were not found on PATH or in \
         /usr/lib/postgresql/*/bin. Install them (Debian/Ubuntu: `apt install postgresql`) \
         or set DATABASE_URL to use an existing database."
    )]
    BinariesNotFound,
    #[error(
        "livinglab runs as root, and PostgreSQL refuses to: it needs the `postgres` system \
         user to run its private cluster, and there is none. Install PostgreSQL from your \
         distribution (Debian/Ubuntu: `apt install postgresql` creates that user), run \
         livinglab as an ordinary user, or set DATABASE_URL."
    )]
    NoPostgresUser,
    #[error("{action} failed: {source}")]
    Io {
        action: String,
        #[source]
        source: io::Error,
    },
    #[error("initdb failed ({status}); its output:\n{output}")]
    Initdb { status: String, output: String },
    #[error("PostgreSQL did not start: {reason}. Last lines of {log}:\n{tail}")]
    Start {
        reason: String,
        log: String,
        tail: String,
    },
}

fn io_err(action: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedError {
    let action = action.into();
    move |source| EmbeddedError::Io { action, source }
}

#[derive(Debug, Clone)]
pub struct EmbeddedOptions {
    /// Where the cluster lives (e.g. `data/postgres`).
    pub cluster_dir: PathBuf,
    /// Where PostgreSQL's own log goes.
    pub log_file: PathBuf,
    /// Database created on first start.
    pub database: String,
    /// Extra `-c name=value` settings (tests turn fsync off).
    pub settings: Vec<(String, String)>,
    /// Signal the postmaster gets when the spawning thread dies (SIGINT = fast shutdown).
    pub death_signal: Signal,
}

/// The user the cluster runs as: ourselves, or `postgres` when we are root.
#[derive(Debug, Clone)]
struct RunAs {
    uid: Uid,
    gid: Gid,
    switch: bool,
}

fn run_as() -> Result<RunAs, EmbeddedError> {
    if Uid::effective().is_root() {
        let user = User::from_name("postgres")
            .ok()
            .flatten()
            .ok_or(EmbeddedError::NoPostgresUser)?;
        Ok(RunAs {
            uid: user.uid,
            gid: user.gid,
            switch: true,
        })
    } else {
        Ok(RunAs {
            uid: Uid::effective(),
            gid: Gid::effective(),
            switch: false,
        })
    }
}

impl RunAs {
    fn command(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        if self.switch {
            cmd.uid(self.uid.as_raw()).gid(self.gid.as_raw());
            // HOME of root is not readable by postgres; some tools look at it.
            cmd.env("HOME", "/tmp");
        }
        cmd.env_remove("PGDATA").env("LC_ALL", "C");
        cmd
    }

    /// Whether this user can reach `dir` (execute permission on every ancestor).
    fn can_traverse(&self, dir: &Path) -> bool {
        if !self.switch {
            return true;
        }
        let mut groups = vec![self.gid];
        if let Ok(Some(user)) = User::from_uid(self.uid)
            && let Ok(name) = std::ffi::CString::new(user.name)
            && let Ok(all) = nix::unistd::getgrouplist(&name, self.gid)
        {
            groups = all;
        }
        dir.ancestors().all(|a| match fs::metadata(a) {
            Ok(m) => {
                use std::os::unix::fs::MetadataExt;
                let mode = m.mode();
                if m.uid() == self.uid.as_raw() {
                    mode & 0o100 != 0
                } else if groups.iter().any(|g| g.as_raw() == m.gid()) {
                    mode & 0o010 != 0
                } else {
                    mode & 0o001 != 0
                }
            }
            Err(_) => true, // does not exist yet: we will create it with open permissions
        })
    }
}

/// The folder holding `initdb`, `postgres` and `pg_isready`: PATH first, then the newest
/// version under /usr/lib/postgresql (where Debian puts them, off PATH).
pub fn find_bin_dir() -> Result<PathBuf, EmbeddedError> {
    let has_all = |dir: &Path| {
        ["initdb", "postgres", "pg_isready"]
            .iter()
            .all(|b| dir.join(b).is_file())
    };
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() {
                // A symlink on PATH (e.g. /usr/local/bin/initdb): use the folder it points to,
                // where its siblings are.
                let real = fs::canonicalize(dir.join("initdb"))
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or(dir.clone());
                if has_all(&real) {
                    return Ok(real);
                }
                if has_all(&dir) {
                    return Ok(dir);
                }
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has_all(&bin).then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, p)| p)
        .ok_or(EmbeddedError::BinariesNotFound)
}

/// A running private cluster. Stopping it (explicitly or on drop) waits for a clean shutdown.
#[derive(Debug)]
pub struct EmbeddedPostgres {
    child: Option<Child>,
    socket_dir: PathBuf,
    database: String,
    log_file: PathBuf,
}

impl EmbeddedPostgres {
    pub fn start(opts: &EmbeddedOptions) -> Result<Self, EmbeddedError> {
        let bin = find_bin_dir()?;
        let who = run_as()?;
        let cluster = prepare_cluster_dir(&opts.cluster_dir, &who)?;
        if !cluster.join("PG_VERSION").is_file() {
            initdb(&bin, &cluster, &who)?;
        }
        stop_orphan(&cluster)?;

        let socket_dir = socket_dir_for(&cluster, &who)?;
        let log = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&opts.log_file)
            .map_err(io_err(format!("opening {}", opts.log_file.display())))?;
        let log_err = log
            .try_clone()
            .map_err(io_err("duplicating the log handle"))?;

        let mut cmd = who.command(&bin.join("postgres"));
        cmd.arg("-D")
            .arg(&cluster)
            .arg("-k")
            .arg(&socket_dir)
            .args(["-c", "listen_addresses="])
            .args(["-c", &format!("port={PORT}")])
            .args(["-c", "unix_socket_permissions=0700"]);
        for (k, v) in &opts.settings {
            cmd.arg("-c").arg(format!("{k}={v}"));
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(log_err))
            // Own process group: a Ctrl-C in the terminal reaches only livinglab, which then
            // drains its requests before it stops the database.
            .process_group(0);
        let death = opts.death_signal;
        let parent = nix::unistd::getpid();
        // SAFETY: prctl and getppid are async-signal-safe; nothing here allocates.
        unsafe {
            cmd.pre_exec(move || {
                // Set after the uid switch (which clears it), so a killed livinglab does not
                // leave the cluster behind.
                nix::sys::prctl::set_pdeathsig(death).map_err(io::Error::from)?;
                if nix::unistd::getppid() != parent {
                    return Err(io::Error::other("parent exited during spawn"));
                }
                Ok(())
            });
        }
        let child = cmd.spawn().map_err(io_err(format!(
            "starting {}",
            bin.join("postgres").display()
        )))?;
        let mut pg = Self {
            child: Some(child),
            socket_dir,
            database: opts.database.clone(),
            log_file: opts.log_file.clone(),
        };
        pg.wait_ready(&bin, &who)?;
        pg.ensure_database(&bin, &who)?;
        Ok(pg)
    }

    pub fn url_for(&self, database: &str) -> String {
        socket_url(&self.socket_dir, database)
    }

    pub fn url(&self) -> String {
        self.url_for(&self.database)
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    fn fail(&self, reason: impl Into<String>) -> EmbeddedError {
        EmbeddedError::Start {
            reason: reason.into(),
            log: self.log_file.display().to_string(),
            tail: tail(&self.log_file, 20),
        }
    }

    fn wait_ready(&mut self, bin: &Path, who: &RunAs) -> Result<(), EmbeddedError> {
        // Crash recovery after a power cut can replay a lot of WAL: be patient, but not forever.
        let deadline = Instant::now() + Duration::from_secs(300);
        let mut last_note = Instant::now();
        loop {
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                self.child = None;
                return Err(self.fail(format!("postgres exited with {status}")));
            }
            let ok = who
                .command(&bin.join("pg_isready"))
                .arg("-q")
                .arg("-h")
                .arg(&self.socket_dir)
                .args(["-p", &PORT.to_string(), "-d", "postgres", "-U", "postgres"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if ok {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(self.fail("not ready after 300 s"));
            }
            if last_note.elapsed() > Duration::from_secs(5) {
                tracing::info!("waiting for PostgreSQL to accept connections (recovering?)");
                last_note = Instant::now();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn ensure_database(&self, bin: &Path, who: &RunAs) -> Result<(), EmbeddedError> {
        let psql = |sql: &str| -> Result<String, EmbeddedError> {
            let out = who
                .command(&bin.join("psql"))
                .arg("-h")
                .arg(&self.socket_dir)
                .args(["-p", &PORT.to_string(), "-U", "postgres", "-d", "postgres"])
                .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql])
                .output()
                .map_err(io_err("running psql"))?;
            if !out.status.success() {
                return Err(self.fail(format!(
                    "psql failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                )));
            }
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        };
        let db = self.database.replace('\'', "''");
        if psql(&format!("SELECT 1 FROM pg_database WHERE datname = '{db}'"))? != "1" {
            psql(&format!(
                "CREATE DATABASE \"{}\"",
                self.database.replace('"', "\"\"")
            ))?;
        }
        Ok(())
    }

    /// Fast shutdown (SIGINT: abort sessions, checkpoint, exit), escalating if it hangs.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let pid = Pid::from_raw(child.id() as i32);
        for (signal, grace) in [
            (Signal::SIGINT, Duration::from_secs(60)),
            (Signal::SIGQUIT, Duration::from_secs(10)),
            (Signal::SIGKILL, Duration::from_secs(10)),
        ] {
            let _ = kill(pid, signal);
            let deadline = Instant::now() + grace;
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            tracing::warn!(?signal, "PostgreSQL did not stop in time; escalating");
        }
    }
}

impl Drop for EmbeddedPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `postgresql://postgres@<socket dir>:5432/<db>` with the socket folder percent-encoded.
fn socket_url(socket_dir: &Path, database: &str) -> String {
    let host: String = socket_dir
        .to_string_lossy()
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("postgresql://postgres@{host}:{PORT}/{database}")
}

/// The URL of a cluster that another process started in `cluster_dir` (for CLI commands
/// run beside a live server), if it is running.
pub fn running_cluster_url(cluster_dir: &Path, database: &str) -> Option<String> {
    let cluster = fs::canonicalize(cluster_dir).ok()?;
    let pid: i32 = fs::read_to_string(cluster.join("postmaster.pid"))
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()?;
    if !is_postmaster_of(pid, &cluster) {
        return None;
    }
    let socket_dir = if cluster.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        cluster
    } else {
        private_tmp_socket_dir(&cluster)
    };
    Some(socket_url(&socket_dir, database))
}

fn private_tmp_socket_dir(cluster: &Path) -> PathBuf {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(cluster.as_os_str().as_encoded_bytes());
    let tag: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    std::env::temp_dir().join(format!("livinglab-pg-{tag}"))
}

/// Creates the cluster folder owned by the user that runs PostgreSQL and returns the real
/// path to give it. When that user cannot reach the requested folder (root's home is closed
/// to others), the cluster lives under /var/lib/livinglab and the requested path becomes a
/// symlink to it, so the data still survives restarts and is found from the same folder.
fn prepare_cluster_dir(requested: &Path, who: &RunAs) -> Result<PathBuf, EmbeddedError> {
    let parent = requested.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    })
    .map_err(io_err(format!("creating {}", parent.display())))?;
    let parent = fs::canonicalize(if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    })
    .map_err(io_err(format!("resolving {}", parent.display())))?;
    let name = requested
        .file_name()
        .map(|n| n.to_owned())
        .unwrap_or_else(|| "postgres".into());
    let wanted = parent.join(&name);

    let target = if let Ok(link) = fs::read_link(&wanted) {
        link
    } else if who.can_traverse(&parent) {
        wanted.clone()
    } else {
        let relocated = relocated_dir(&wanted);
        tracing::warn!(
            requested = %wanted.display(),
            actual = %relocated.display(),
            "the postgres user cannot enter the data folder; keeping the cluster elsewhere \
             and linking to it"
        );
        fs::create_dir_all(relocated.parent().expect("relocated path has a parent"))
            .map_err(io_err("creating /var/lib/livinglab"))?;
        symlink(&relocated, &wanted).map_err(io_err(format!("linking {}", wanted.display())))?;
        relocated
    };
    if !target.exists() {
        fs::create_dir_all(&target).map_err(io_err(format!("creating {}", target.display())))?;
    }
    fs::set_permissions(&target, fs::Permissions::from_mode(0o700))
        .map_err(io_err(format!("chmod {}", target.display())))?;
    if who.switch {
        chown(&target, Some(who.uid.as_raw()), Some(who.gid.as_raw()))
            .map_err(io_err(format!("chown {}", target.display())))?;
    }
    Ok(target)
}

fn relocated_dir(wanted: &Path) -> PathBuf {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(wanted.as_os_str().as_encoded_bytes());
    let tag: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    PathBuf::from("/var/lib/livinglab")
        .join(tag)
        .join("postgres")
}

/// The socket goes into the cluster folder (private to its owner) unless that path is too
/// long for a unix socket; then into a private folder under /tmp.
fn socket_dir_for(cluster: &Path, who: &RunAs) -> Result<PathBuf, EmbeddedError> {
    if cluster.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        return Ok(cluster.to_path_buf());
    }
    let dir = private_tmp_socket_dir(cluster);
    fs::create_dir_all(&dir).map_err(io_err(format!("creating {}", dir.display())))?;
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
        .map_err(io_err(format!("chmod {}", dir.display())))?;
    if who.switch {
        chown(&dir, Some(who.uid.as_raw()), Some(who.gid.as_raw()))
            .map_err(io_err(format!("chown {}", dir.display())))?;
    }
    Ok(dir)
}

/// initdb into a scratch folder first and rename it into place, so an interrupted initdb
/// never leaves a half-made cluster that blocks the next start.
fn initdb(bin: &Path, cluster: &Path, who: &RunAs) -> Result<(), EmbeddedError> {
    let scratch = cluster.with_extension("initdb");
    if scratch.exists() {
        fs::remove_dir_all(&scratch).map_err(io_err(format!("removing {}", scratch.display())))?;
    }
    // Placed beside the cluster: same owner, same reachability.
    fs::create_dir(&scratch).map_err(io_err(format!("creating {}", scratch.display())))?;
    fs::set_permissions(&scratch, fs::Permissions::from_mode(0o700))
        .map_err(io_err("chmod scratch"))?;
    if who.switch {
        chown(&scratch, Some(who.uid.as_raw()), Some(who.gid.as_raw()))
            .map_err(io_err("chown scratch"))?;
    }
    tracing::info!(dir = %cluster.display(), "creating the PostgreSQL cluster (first start)");
    let out = who
        .command(&bin.join("initdb"))
        .arg("-D")
        .arg(&scratch)
        .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"])
        .output()
        .map_err(io_err("running initdb"))?;
    if !out.status.success() {
        let _ = fs::remove_dir_all(&scratch);
        return Err(EmbeddedError::Initdb {
            status: out.status.to_string(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        });
    }
    // The cluster folder exists (empty) and is owned correctly; swap the contents in.
    fs::remove_dir(cluster).map_err(io_err(format!("removing empty {}", cluster.display())))?;
    fs::rename(&scratch, cluster).map_err(io_err("moving the new cluster into place"))?;
    Ok(())
}

/// A postmaster left running by a livinglab that was killed (we hold the data folder's
/// lock, so no live livinglab owns it). Stop it cleanly so we can start our own child.
fn stop_orphan(cluster: &Path) -> Result<(), EmbeddedError> {
    let pid_file = cluster.join("postmaster.pid");
    let Ok(text) = fs::read_to_string(&pid_file) else {
        return Ok(());
    };
    let Some(pid) = text
        .lines()
        .next()
        .and_then(|l| l.trim().parse::<i32>().ok())
    else {
        return Ok(());
    };
    if !is_postmaster_of(pid, cluster) {
        // Stale file from a crash: PostgreSQL itself checks and replaces it.
        return Ok(());
    }
    tracing::warn!(
        pid,
        "a PostgreSQL from an earlier run is still up; stopping it"
    );
    let pid = Pid::from_raw(pid);
    for (signal, grace) in [
        (Signal::SIGINT, Duration::from_secs(60)),
        (Signal::SIGQUIT, Duration::from_secs(10)),
    ] {
        let _ = kill(pid, signal);
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if !is_running(pid.as_raw()) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    Err(EmbeddedError::Start {
        reason: format!("the old PostgreSQL (pid {pid}) would not stop"),
        log: pid_file.display().to_string(),
        tail: String::new(),
    })
}

/// Alive and not a zombie (an exited process its parent has not reaped yet still answers
/// `kill(pid, 0)`).
fn is_running(pid: i32) -> bool {
    if kill(Pid::from_raw(pid), None).is_err() {
        return false;
    }
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesized command name, which may itself contain ')'.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.trim_start().chars().next())
            .is_some_and(|state| state != 'Z' && state != 'X'),
        Err(_) => false,
    }
}

/// The pid is alive and its working directory is this cluster (postgres chdirs into it):
/// a recycled pid that belongs to something else is left alone.
fn is_postmaster_of(pid: i32, cluster: &Path) -> bool {
    if !is_running(pid) {
        return false;
    }
    let cwd = fs::read_link(format!("/proc/{pid}/cwd")).ok();
    let ours = fs::canonicalize(cluster).ok();
    cwd.is_some() && cwd == ours
}

fn tail(path: &Path, lines: usize) -> String {
    let mut s = String::new();
    if let Ok(mut f) = fs::File::open(path) {
        let _ = f.read_to_string(&mut s);
    }
    let all: Vec<&str> = s.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
