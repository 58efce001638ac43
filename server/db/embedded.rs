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
use std::os::unix::fs::{PermissionsExt, symlink};
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
    #[error(
        "the PostgreSQL cluster in {cluster} belongs to user id {owner}: run livinglab as \
         that user (or as root, which runs PostgreSQL as its owner)"
    )]
    Ownership { cluster: String, owner: u32 },
    #[error(
        "the postgres user cannot enter {0}, where the PostgreSQL cluster already is. \
         Give it access (e.g. `chmod o+x` on that folder's parents) or point \
         LIVINGLAB_DATA_DIR elsewhere"
    )]
    Unreachable(String),
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

/// Who runs PostgreSQL. An existing cluster decides (its files belong to whoever ran
/// initdb); a new one is created as ourselves, or as `postgres` when we are root.
fn run_as(cluster: &Path) -> Result<RunAs, EmbeddedError> {
    use std::os::unix::fs::MetadataExt;
    let me = Uid::effective();
    let existing_owner = fs::metadata(cluster.join("PG_VERSION"))
        .ok()
        .map(|m| Uid::from_raw(m.uid()));
    match existing_owner {
        Some(owner) if owner == me && !me.is_root() => Ok(RunAs {
            uid: me,
            gid: Gid::effective(),
            switch: false,
        }),
        Some(owner) if me.is_root() && !owner.is_root() => {
            let user = User::from_uid(owner).ok().flatten();
            Ok(RunAs {
                uid: owner,
                gid: user.map_or(Gid::from_raw(owner.as_raw()), |u| u.gid),
                switch: true,
            })
        }
        Some(owner) => Err(EmbeddedError::Ownership {
            cluster: cluster.display().to_string(),
            owner: owner.as_raw(),
        }),
        None if me.is_root() => {
            let user = User::from_name("postgres")
                .ok()
                .flatten()
                .ok_or(EmbeddedError::NoPostgresUser)?;
            Ok(RunAs {
                uid: user.uid,
                gid: user.gid,
                switch: true,
            })
        }
        None => Ok(RunAs {
            uid: me,
            gid: Gid::effective(),
            switch: false,
        }),
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

    /// Whether this user can reach `dir` (search permission on every ancestor). Only the
    /// primary group counts: the child drops supplementary groups when it switches user.
    fn can_traverse(&self, dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        if !self.switch {
            return true;
        }
        dir.ancestors().all(|a| match fs::metadata(a) {
            Ok(m) => {
                let mode = m.mode();
                if m.uid() == self.uid.as_raw() {
                    mode & 0o100 != 0
                } else if m.gid() == self.gid.as_raw() {
                    mode & 0o010 != 0
                } else {
                    mode & 0o001 != 0
                }
            }
            Err(_) => true, // not made yet: we create it with open permissions
        })
    }

    /// `mkdir` + `chmod 0700` + hand it to this user. An existing entry must be a real
    /// folder (not a link someone planted) owned by us or by this user.
    fn private_dir(&self, dir: &Path) -> Result<(), EmbeddedError> {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt};
        match fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let m =
                    fs::symlink_metadata(dir).map_err(io_err(format!("stat {}", dir.display())))?;
                let ours = m.uid() == self.uid.as_raw() || m.uid() == Uid::effective().as_raw();
                if !m.file_type().is_dir() || !ours {
                    return Err(EmbeddedError::Io {
                        action: format!("using {}", dir.display()),
                        source: io::Error::other("exists but is not a folder of ours"),
                    });
                }
                fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                    .map_err(io_err(format!("chmod {}", dir.display())))?;
            }
            Err(e) => return Err(io_err(format!("creating {}", dir.display()))(e)),
        }
        if self.switch {
            std::os::unix::fs::lchown(dir, Some(self.uid.as_raw()), Some(self.gid.as_raw()))
                .map_err(io_err(format!("chown {}", dir.display())))?;
        }
        Ok(())
    }
}

/// The folder holding `initdb`, `postgres`, `pg_isready` and `psql`: the version an
/// existing cluster was made with (a newer major cannot open it), else PATH, else the
/// newest under /usr/lib/postgresql (where Debian puts them, off PATH).
pub fn find_bin_dir() -> Result<PathBuf, EmbeddedError> {
    find_bin_dir_for(None)
}

fn find_bin_dir_for(cluster: Option<&Path>) -> Result<PathBuf, EmbeddedError> {
    let has_all = |dir: &Path| {
        ["initdb", "postgres", "pg_isready", "psql"]
            .iter()
            .all(|b| dir.join(b).is_file())
    };
    let wanted_major = cluster
        .and_then(|c| fs::read_to_string(c.join("PG_VERSION")).ok())
        .map(|v| v.trim().to_owned());
    if let Some(v) = &wanted_major {
        let debian = PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
        if has_all(&debian) {
            return Ok(debian);
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() {
                // A symlink on PATH (e.g. /usr/local/bin/initdb): its siblings are where it
                // points.
                let real = fs::canonicalize(dir.join("initdb"))
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or(dir.clone());
                for candidate in [real, dir] {
                    if has_all(&candidate) {
                        return Ok(candidate);
                    }
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
        let paths = cluster_paths(&opts.cluster_dir)?;
        let who = run_as(&paths.located)?;
        let bin = find_bin_dir_for(Some(&paths.located))?;
        let cluster = prepare_cluster_dir(&paths, &who)?;
        if !cluster.join("PG_VERSION").is_file() {
            initdb(&bin, &cluster, &who)?;
        }
        let socket_dir = socket_dir_for(&cluster, &who)?;
        clear_leftovers(&cluster, &socket_dir)?;

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
        let pid = child.id() as i32;
        // try_wait also reaps our child, so it does not linger as a zombie.
        let stopped = signal_until_gone(pid, true, || matches!(child.try_wait(), Ok(Some(_))));
        if !stopped {
            tracing::error!(pid, "PostgreSQL would not stop");
        }
    }
}

/// SIGINT (fast shutdown), then SIGQUIT (immediate), then — if `kill_last` — SIGKILL,
/// each with a grace period, until `gone()` says the process has exited.
fn signal_until_gone(pid: i32, kill_last: bool, mut gone: impl FnMut() -> bool) -> bool {
    let mut steps = vec![
        (Signal::SIGINT, Duration::from_secs(60)),
        (Signal::SIGQUIT, Duration::from_secs(10)),
    ];
    if kill_last {
        steps.push((Signal::SIGKILL, Duration::from_secs(10)));
    }
    for (signal, grace) in steps {
        let _ = kill(Pid::from_raw(pid), signal);
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if gone() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        tracing::warn!(?signal, pid, "PostgreSQL did not stop in time; escalating");
    }
    gone()
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

fn read_pid(cluster: &Path) -> Option<i32> {
    fs::read_to_string(cluster.join("postmaster.pid"))
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

/// The URL of a cluster that another process started in `cluster_dir` (for CLI commands
/// run beside a live server), if it is running.
pub fn running_cluster_url(cluster_dir: &Path, database: &str) -> Option<String> {
    let cluster = fs::canonicalize(cluster_dir).ok()?;
    if !is_postmaster_of(read_pid(&cluster)?, &cluster) {
        return None;
    }
    let socket_dir = if cluster.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        cluster
    } else {
        tmp_socket_dir(&cluster)
    };
    Some(socket_url(&socket_dir, database))
}

/// Under /tmp itself (not $TMPDIR, which may be long): `sun_path` has only 108 bytes.
fn tmp_socket_dir(cluster: &Path) -> PathBuf {
    PathBuf::from(format!("/tmp/livinglab-pg-{}", short_hash(cluster, 6)))
}

fn short_hash(path: &Path, bytes: usize) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(path.as_os_str().as_encoded_bytes());
    digest[..bytes].iter().map(|b| format!("{b:02x}")).collect()
}

/// `requested` made absolute (`wanted`, not following a link at its last component), and
/// where the cluster is or would be made (`located`): the target of a link left by an
/// earlier relocation, else `wanted`.
struct ClusterPaths {
    wanted: PathBuf,
    located: PathBuf,
}

fn cluster_paths(requested: &Path) -> Result<ClusterPaths, EmbeddedError> {
    let parent = match requested.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent).map_err(io_err(format!("creating {}", parent.display())))?;
    let parent =
        fs::canonicalize(parent).map_err(io_err(format!("resolving {}", parent.display())))?;
    let wanted = parent.join(requested.file_name().unwrap_or("postgres".as_ref()));
    let located = fs::read_link(&wanted).unwrap_or(wanted.clone());
    Ok(ClusterPaths { wanted, located })
}

/// Makes the cluster folder, owned by the user that runs PostgreSQL, and returns the path
/// to give it. When that user cannot reach the requested folder (root's home is closed to
/// others), a new cluster lives under /var/lib/livinglab instead and the requested path
/// becomes a link to it, so the data still survives restarts and is found from the same
/// folder.
fn prepare_cluster_dir(paths: &ClusterPaths, who: &RunAs) -> Result<PathBuf, EmbeddedError> {
    let ClusterPaths { wanted, located } = paths;
    let parent = located.parent().unwrap_or(Path::new("/"));
    if located.join("PG_VERSION").is_file() {
        if !who.can_traverse(parent) {
            return Err(EmbeddedError::Unreachable(parent.display().to_string()));
        }
        return Ok(located.to_path_buf());
    }
    let target = if who.can_traverse(parent) {
        located.to_path_buf()
    } else {
        let relocated = PathBuf::from("/var/lib/livinglab")
            .join(short_hash(wanted, 8))
            .join("postgres");
        tracing::warn!(
            requested = %wanted.display(),
            actual = %relocated.display(),
            "the postgres user cannot enter the data folder; keeping the cluster elsewhere \
             and linking to it"
        );
        if fs::symlink_metadata(wanted).is_ok_and(|m| m.file_type().is_dir()) {
            // An empty folder from an earlier attempt can give way to the link; anything
            // else is data we must not hide.
            fs::remove_dir(wanted)
                .map_err(|_| EmbeddedError::Unreachable(parent.display().to_string()))?;
        }
        let base = relocated.parent().expect("relocated path has a parent");
        fs::create_dir_all(base).map_err(io_err(format!("creating {}", base.display())))?;
        if fs::read_link(wanted).is_err() {
            symlink(&relocated, wanted).map_err(io_err(format!("linking {}", wanted.display())))?;
        }
        relocated
    };
    if let Some(p) = target.parent() {
        fs::create_dir_all(p).map_err(io_err(format!("creating {}", p.display())))?;
    }
    who.private_dir(&target)?;
    Ok(target)
}

/// The socket goes into the cluster folder (private to its owner) unless that path is too
/// long for a unix socket; then into a private folder under /tmp.
fn socket_dir_for(cluster: &Path, who: &RunAs) -> Result<PathBuf, EmbeddedError> {
    if cluster.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        return Ok(cluster.to_path_buf());
    }
    let dir = tmp_socket_dir(cluster);
    who.private_dir(&dir)?;
    Ok(dir)
}

/// initdb into a scratch folder beside the cluster, then move the result in with
/// PG_VERSION last: PG_VERSION present means the cluster is whole, and an interrupted
/// initdb is simply redone. Moving entries (not the folder) also works when the cluster
/// folder is a mount point.
fn initdb(bin: &Path, cluster: &Path, who: &RunAs) -> Result<(), EmbeddedError> {
    let scratch = cluster.with_extension("initdb");
    if fs::symlink_metadata(&scratch).is_ok() {
        fs::remove_dir_all(&scratch).map_err(io_err(format!("removing {}", scratch.display())))?;
    }
    who.private_dir(&scratch)?;
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
    let entries: Vec<_> = fs::read_dir(&scratch)
        .map_err(io_err("reading the new cluster"))?
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != "PG_VERSION")
        .chain(std::iter::once("PG_VERSION".into()))
        .collect();
    for name in entries {
        let to = cluster.join(&name);
        if let Ok(m) = fs::symlink_metadata(&to) {
            // Left by an earlier, interrupted move.
            let _ = if m.is_dir() {
                fs::remove_dir_all(&to)
            } else {
                fs::remove_file(&to)
            };
        }
        fs::rename(scratch.join(&name), &to).map_err(io_err(format!(
            "moving {} into place",
            name.to_string_lossy()
        )))?;
    }
    fs::remove_dir(&scratch).map_err(io_err("removing the scratch folder"))?;
    Ok(())
}

/// Before starting: stop a postmaster a killed livinglab left running (we hold the data
/// folder's lock, so no live livinglab owns it), then remove lock files that a crash left.
/// PostgreSQL itself refuses to start if a stale postmaster.pid names a pid that happens to
/// be alive again (after a reboot, any process of the same user), so we must not leave it.
fn clear_leftovers(cluster: &Path, socket_dir: &Path) -> Result<(), EmbeddedError> {
    if let Some(pid) = read_pid(cluster)
        && is_postmaster_of(pid, cluster)
    {
        tracing::warn!(
            pid,
            "a PostgreSQL from an earlier run is still up; stopping it"
        );
        stop_pid(pid)?;
    }
    for stale in [
        cluster.join("postmaster.pid"),
        socket_dir.join(format!(".s.PGSQL.{PORT}.lock")),
        socket_dir.join(format!(".s.PGSQL.{PORT}")),
    ] {
        match fs::remove_file(&stale) {
            Ok(()) => {
                tracing::info!(file = %stale.display(), "removed a stale file of a crashed run")
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(format!("removing {}", stale.display()))(e)),
        }
    }
    Ok(())
}

fn stop_pid(pid: i32) -> Result<(), EmbeddedError> {
    // Not our child: its parent (init) reaps it, so "gone" is "no longer running".
    if signal_until_gone(pid, false, || !is_running(pid)) {
        Ok(())
    } else {
        Err(EmbeddedError::Start {
            reason: format!("the old PostgreSQL (pid {pid}) would not stop"),
            log: String::new(),
            tail: String::new(),
        })
    }
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
