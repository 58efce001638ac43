//! The zero-configuration database: a private cluster in the data folder, guarded by a lock
//! file so that two livinglab processes never drive the same cluster.

use std::fs::{self, File};
use std::path::Path;

use anyhow::Context;
use nix::fcntl::{Flock, FlockArg};
use nix::sys::signal::Signal;

use super::embedded::{EmbeddedOptions, EmbeddedPostgres, running_cluster_url};

pub struct LocalDatabase {
    pg: EmbeddedPostgres,
    // Released by the kernel when the process dies, even by kill -9.
    _lock: Flock<File>,
}

/// For one-off commands (`migrate`, `user create`): use the cluster of a server that is
/// running on this data folder, or start one for the duration of the command.
pub enum LocalAccess {
    Owned(LocalDatabase),
    Shared(String),
}

impl LocalAccess {
    pub fn open(data_dir: &Path) -> anyhow::Result<Self> {
        if let Some(url) = running_cluster_url(&data_dir.join("postgres"), "livinglab")
            && is_locked(data_dir)
        {
            tracing::info!(
                "using the PostgreSQL of the livinglab server running on this data folder"
            );
            return Ok(Self::Shared(url));
        }
        LocalDatabase::start(data_dir).map(Self::Owned)
    }

    pub fn url(&self) -> String {
        match self {
            Self::Owned(db) => db.url(),
            Self::Shared(url) => url.clone(),
        }
    }

    pub fn stop(self) {
        if let Self::Owned(db) = self {
            db.stop();
        }
    }
}

fn is_locked(data_dir: &Path) -> bool {
    let Ok(file) = File::open(data_dir.join("livinglab.lock")) else {
        return false;
    };
    Flock::lock(file, FlockArg::LockExclusiveNonblock).is_err()
}

impl LocalDatabase {
    /// Blocking. Call from the main thread: the cluster is told to stop if the thread that
    /// started it goes away.
    pub fn start(data_dir: &Path) -> anyhow::Result<Self> {
        fs::create_dir_all(data_dir)
            .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
        let lock_path = data_dir.join("livinglab.lock");
        let file =
            File::create(&lock_path).with_context(|| format!("opening {}", lock_path.display()))?;
        let lock = Flock::lock(file, FlockArg::LockExclusiveNonblock).map_err(|_| {
            anyhow::anyhow!(
                "another livinglab process is using the data folder {} (its lock {} is held). \
                 To run several instances, point them all at one PostgreSQL with DATABASE_URL.",
                data_dir.display(),
                lock_path.display()
            )
        })?;
        let pg = EmbeddedPostgres::start(&EmbeddedOptions {
            cluster_dir: data_dir.join("postgres"),
            log_file: data_dir.join("postgres.log"),
            database: "livinglab".into(),
            settings: vec![],
            death_signal: Signal::SIGINT,
        })?;
        tracing::info!(pid = pg.pid(), "private PostgreSQL is up");
        Ok(Self { pg, _lock: lock })
    }

    pub fn url(&self) -> String {
        self.pg.url()
    }

    pub fn stop(mut self) {
        self.pg.stop();
        tracing::info!("private PostgreSQL stopped");
    }
}
