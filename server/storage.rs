//! Where document contents live. `Storage` is the seam for another backend (an
//! S3-compatible store); `LocalStorage` keeps blobs in a content-addressed folder:
//! `<root>/<aa>/<bb>/<sha256>`. An upload is written to `<root>/tmp/<instance>/` first,
//! fsynced, and renamed into place only once complete, so a client that goes away
//! mid-upload leaves neither a row nor a partial blob. Each instance has its own temporary
//! folder because several instances may share one volume: none may empty a folder another
//! is writing into. What a crash leaves there is removed by the sweep once older than its
//! grace period and at least `TEMPORARY_FLOOR` (`documents::sweep`). Identical contents are stored once.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An upload being written. Dropped before `Storage::commit`, it removes its file.
pub struct Upload {
    path: PathBuf,
    file: Option<tokio::fs::File>,
    hasher: Sha256,
    size: u64,
    /// The first bytes, for sniffing the type.
    pub head: Vec<u8>,
}

const HEAD: usize = 8192;

/// Temporary files are never swept younger than this, whatever the grace: a grace of zero
/// must not cut an upload in progress (it writes to its file, so it stays younger).
pub const TEMPORARY_FLOOR: Duration = Duration::from_secs(3600);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Upload {
    pub async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        if self.head.len() < HEAD {
            let n = (HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..n]);
        }
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        match &mut self.file {
            Some(f) => f.write_all(chunk).await,
            None => Err(io::Error::other("upload already finished")),
        }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The hex SHA-256 of what was written so far: the name the blob will have, known
    /// before `Storage::commit` so a caller can lock it first.
    pub fn sha256(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }

    /// Flushes and fsyncs; returns the hex SHA-256.
    async fn finish(&mut self) -> io::Result<String> {
        if let Some(mut f) = self.file.take() {
            f.flush().await?;
            f.sync_all().await?;
        }
        Ok(hex(&std::mem::take(&mut self.hasher).finalize()))
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        // Not committed (or the rename already moved it): remove what is left.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A stored blob, ready to be read.
pub enum Blob {
    File(PathBuf),
}

/// A stored blob as the sweep sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub sha256: String,
    pub size: u64,
}

pub trait Storage: Send + Sync {
    fn begin(&self) -> BoxFuture<'_, io::Result<Upload>>;
    /// Makes a finished upload durable under its SHA-256; returns the SHA-256. Storing
    /// content that is there already makes it young again. The caller holds the blob's
    /// lock (`documents::repo::lock_blob`) until the row naming it is committed, so a
    /// sweep cannot remove it in between.
    fn commit(&self, upload: Upload) -> BoxFuture<'_, io::Result<String>>;
    fn open<'a>(&'a self, sha256: &'a str) -> BoxFuture<'a, io::Result<Blob>>;
    /// Blobs last written more than `age` ago whose SHA-256 starts with the byte `shard`
    /// (the sweep walks the store shard by shard, never holding every name at once).
    fn stored_before(&self, age: Duration, shard: u8) -> BoxFuture<'_, io::Result<Vec<Stored>>>;
    /// Removes a blob if it is still older than `age`; `false` when it was not.
    fn remove<'a>(&'a self, sha256: &'a str, age: Duration) -> BoxFuture<'a, io::Result<bool>>;
    /// Removes temporary files (of any instance) untouched for `age`, and never for less
    /// than `TEMPORARY_FLOOR`: what a crash left. An upload in progress writes to its
    /// file, so it stays young.
    fn sweep_temporary(&self, age: Duration) -> BoxFuture<'_, io::Result<usize>>;
}

pub struct LocalStorage {
    root: PathBuf,
    /// `<root>/tmp/<instance>`: this instance's uploads in progress.
    tmp: PathBuf,
}

/// Whether `path` was last modified before `now - age`.
fn older_than(meta: &std::fs::Metadata, age: Duration) -> bool {
    let now = SystemTime::now();
    meta.modified()
        .is_ok_and(|m| now.duration_since(m).unwrap_or_default() >= age)
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

impl LocalStorage {
    /// The store at `root` with a temporary folder of its own, created now (so a folder
    /// we cannot write to fails at start, not at the first upload).
    pub fn open_at(root: &Path) -> io::Result<Self> {
        let s = Self::at(root);
        std::fs::create_dir_all(&s.tmp)?;
        Ok(s)
    }

    /// The store at `root`, touching nothing (for `livinglab sweep`).
    pub fn at(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            tmp: root.join("tmp").join(Uuid::now_v7().to_string()),
        }
    }

    fn blob_path(&self, sha256: &str) -> Option<PathBuf> {
        is_hex(sha256, 64).then(|| {
            self.root
                .join(&sha256[0..2])
                .join(&sha256[2..4])
                .join(sha256)
        })
    }

    /// Files in this instance's temporary folder (tests check that aborted uploads leave
    /// none).
    pub fn temporary_files(&self) -> usize {
        std::fs::read_dir(&self.tmp).map_or(0, |d| d.count())
    }

    /// The entries of `dir`; none when another instance removed it meanwhile.
    fn entries(dir: &Path) -> io::Result<Vec<std::fs::DirEntry>> {
        match std::fs::read_dir(dir) {
            Ok(d) => Ok(d.flatten().collect()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    fn walk_blobs(root: &Path, age: Duration, shard: u8) -> io::Result<Vec<Stored>> {
        let an = format!("{shard:02x}");
        let mut out = Vec::new();
        for b in Self::entries(&root.join(&an))? {
            let bn = b.file_name().to_string_lossy().into_owned();
            if !is_hex(&bn, 2) || !b.path().is_dir() {
                continue;
            }
            for f in Self::entries(&b.path())? {
                let name = f.file_name().to_string_lossy().into_owned();
                if !is_hex(&name, 64) || !name.starts_with(&format!("{an}{bn}")) {
                    continue;
                }
                if let Ok(meta) = f.metadata()
                    && meta.is_file()
                    && older_than(&meta, age)
                {
                    out.push(Stored {
                        sha256: name,
                        size: meta.len(),
                    });
                }
            }
        }
        Ok(out)
    }

    fn walk_temporary(tmp_root: &Path, own: &Path, age: Duration) -> io::Result<usize> {
        let age = age.max(TEMPORARY_FLOOR);
        let mut removed = 0;
        let Ok(entries) = std::fs::read_dir(tmp_root) else {
            return Ok(0);
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                // Another instance's sweep may have removed the folder meanwhile.
                for f in Self::entries(&path)? {
                    if f.metadata()
                        .is_ok_and(|m| m.is_file() && older_than(&m, age))
                        && std::fs::remove_file(f.path()).is_ok()
                    {
                        removed += 1;
                    }
                }
                // A crashed instance's folder, once empty. An idle live instance may
                // lose its folder too: `begin` makes it again.
                if path != own && std::fs::metadata(&path).is_ok_and(|m| older_than(&m, age)) {
                    let _ = std::fs::remove_dir(&path);
                }
            } else if older_than(&meta, age) && std::fs::remove_file(&path).is_ok() {
                // Left by a version that kept every upload directly in `tmp/`.
                removed += 1;
            }
        }
        Ok(removed)
    }
}

impl Storage for LocalStorage {
    fn begin(&self) -> BoxFuture<'_, io::Result<Upload>> {
        Box::pin(async move {
            let path = self.tmp.join(Uuid::now_v7().to_string());
            let file = match tokio::fs::File::create(&path).await {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    tokio::fs::create_dir_all(&self.tmp).await?;
                    tokio::fs::File::create(&path).await?
                }
                other => other?,
            };
            Ok(Upload {
                path,
                file: Some(file),
                hasher: Sha256::new(),
                size: 0,
                head: Vec::new(),
            })
        })
    }

    fn commit(&self, mut upload: Upload) -> BoxFuture<'_, io::Result<String>> {
        Box::pin(async move {
            let sha = upload.finish().await?;
            let dest = self
                .blob_path(&sha)
                .ok_or_else(|| io::Error::other("bad digest"))?;
            if tokio::fs::try_exists(&dest).await? {
                // Stored already; the upload's Drop removes the copy.
                let touch = dest.clone();
                let touched = tokio::task::spawn_blocking(move || {
                    std::fs::File::options()
                        .write(true)
                        .open(&touch)?
                        .set_modified(SystemTime::now())
                })
                .await
                .map_err(io::Error::other)?;
                match touched {
                    Ok(()) => return Ok(sha),
                    // Removed since `try_exists` (a sweep not holding the blob's lock, as
                    // an older version did): store our copy instead.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
            let dir = dest.parent().unwrap_or(&self.root).to_owned();
            tokio::fs::create_dir_all(&dir).await?;
            tokio::fs::rename(&upload.path, &dest).await?;
            // The rename is durable only once the directory is synced.
            if let Ok(d) = tokio::fs::File::open(&dir).await {
                let _ = d.sync_all().await;
            }
            Ok(sha)
        })
    }

    fn open<'a>(&'a self, sha256: &'a str) -> BoxFuture<'a, io::Result<Blob>> {
        Box::pin(async move {
            let path = self
                .blob_path(sha256)
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such blob"))?;
            if tokio::fs::try_exists(&path).await? {
                Ok(Blob::File(path))
            } else {
                Err(io::Error::new(io::ErrorKind::NotFound, "no such blob"))
            }
        })
    }

    fn stored_before(&self, age: Duration, shard: u8) -> BoxFuture<'_, io::Result<Vec<Stored>>> {
        let root = self.root.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || Self::walk_blobs(&root, age, shard))
                .await
                .map_err(io::Error::other)?
        })
    }

    fn remove<'a>(&'a self, sha256: &'a str, age: Duration) -> BoxFuture<'a, io::Result<bool>> {
        Box::pin(async move {
            let Some(path) = self.blob_path(sha256) else {
                return Ok(false);
            };
            match tokio::fs::metadata(&path).await {
                Ok(m) if older_than(&m, age) => {}
                Ok(_) => return Ok(false),
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
                Err(e) => return Err(e),
            }
            match tokio::fs::remove_file(&path).await {
                Ok(()) => Ok(true),
                // Another instance's sweep was first.
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
                Err(e) => Err(e),
            }
        })
    }

    fn sweep_temporary(&self, age: Duration) -> BoxFuture<'_, io::Result<usize>> {
        let (tmp_root, own) = (self.root.join("tmp"), self.tmp.clone());
        Box::pin(async move {
            tokio::task::spawn_blocking(move || Self::walk_temporary(&tmp_root, &own, age))
                .await
                .map_err(io::Error::other)?
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn uploads_land_once_and_drops_leave_nothing() {
        let dir = std::env::temp_dir().join(format!("ll-storage-{}", Uuid::now_v7()));
        let s = LocalStorage::open_at(&dir).unwrap();
        let mut a = s.begin().await.unwrap();
        a.write(b"hello ").await.unwrap();
        a.write(b"world").await.unwrap();
        let early = a.sha256();
        let sha = s.commit(a).await.unwrap();
        assert_eq!(early, sha);
        assert_eq!(
            sha,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        let mut b = s.begin().await.unwrap();
        b.write(b"hello world").await.unwrap();
        assert_eq!(s.commit(b).await.unwrap(), sha);
        let mut c = s.begin().await.unwrap();
        c.write(b"half").await.unwrap();
        assert_eq!(s.temporary_files(), 1);
        drop(c);
        assert_eq!(s.temporary_files(), 0);
        assert!(matches!(s.open(&sha).await, Ok(Blob::File(_))));
        assert!(s.open("../../etc/passwd").await.is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn instances_share_a_folder_and_only_old_files_are_swept() {
        let dir = std::env::temp_dir().join(format!("ll-storage-{}", Uuid::now_v7()));
        let a = LocalStorage::open_at(&dir).unwrap();
        let mut upload = a.begin().await.unwrap();
        upload.write(b"in flight").await.unwrap();
        // Another instance starting on the same folder leaves the upload alone.
        let b = LocalStorage::open_at(&dir).unwrap();
        assert_eq!(a.temporary_files(), 1);
        let hour = Duration::from_secs(3600);
        assert_eq!(b.sweep_temporary(hour).await.unwrap(), 0);
        assert_eq!(a.temporary_files(), 1);
        let sha = a.commit(upload).await.unwrap();
        assert_eq!(a.temporary_files(), 0);
        // Young blobs are not candidates, and are not removed when named.
        let shard = u8::from_str_radix(&sha[0..2], 16).unwrap();
        assert!(b.stored_before(hour, shard).await.unwrap().is_empty());
        assert!(!b.remove(&sha, hour).await.unwrap());
        assert!(
            b.stored_before(Duration::ZERO, shard.wrapping_add(1))
                .await
                .unwrap()
                .is_empty()
        );
        let old = b.stored_before(Duration::ZERO, shard).await.unwrap();
        assert_eq!(
            old,
            vec![Stored {
                sha256: sha.clone(),
                size: 9
            }]
        );
        assert!(b.remove(&sha, Duration::ZERO).await.unwrap());
        assert!(!b.remove(&sha, Duration::ZERO).await.unwrap());
        assert!(a.open(&sha).await.is_err());
        // Even with no grace, a temporary file goes only once untouched for the floor: an
        // upload in progress is young.
        let mut left = b.begin().await.unwrap();
        left.write(b"x").await.unwrap();
        let path = left.path.clone();
        std::mem::forget(left);
        assert_eq!(a.sweep_temporary(Duration::ZERO).await.unwrap(), 0);
        // Then leftovers of any instance go; an instance's folder is made again.
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(SystemTime::now() - TEMPORARY_FLOOR - Duration::from_secs(1))
            .unwrap();
        assert_eq!(a.sweep_temporary(Duration::ZERO).await.unwrap(), 1);
        let mut again = b.begin().await.unwrap();
        again.write(b"y").await.unwrap();
        assert_eq!(b.temporary_files(), 1);
        drop(again);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_temporary_folder_removed_meanwhile_is_skipped() {
        let dir = std::env::temp_dir().join(format!("ll-storage-{}", Uuid::now_v7()));
        let a = LocalStorage::open_at(&dir).unwrap();
        // What another instance's sweep does between our listing and our reading: the
        // listing names a folder that is gone.
        let gone = dir.join("tmp").join("gone");
        assert_eq!(
            LocalStorage::entries(&gone).unwrap().len(),
            0,
            "a vanished folder reads as empty"
        );
        assert_eq!(a.sweep_temporary(Duration::ZERO).await.unwrap(), 0);
        assert!(
            a.stored_before(Duration::ZERO, 0xab)
                .await
                .unwrap()
                .is_empty()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
