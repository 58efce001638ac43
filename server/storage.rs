//! Where document contents live. `Storage` is the seam for another backend (an
//! S3-compatible store); `LocalStorage` keeps blobs in a content-addressed folder:
//! `<root>/<aa>/<bb>/<sha256>`. An upload is written to `<root>/tmp/` first, fsynced, and
//! renamed into place only once complete, so a crash or a client that goes away mid-upload
//! leaves neither a row nor a partial blob (`tmp/` is emptied at start). Identical contents
//! are stored once.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;

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

    /// Flushes and fsyncs; returns the hex SHA-256.
    async fn finish(&mut self) -> io::Result<String> {
        if let Some(mut f) = self.file.take() {
            f.flush().await?;
            f.sync_all().await?;
        }
        let digest = std::mem::take(&mut self.hasher).finalize();
        Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
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

pub trait Storage: Send + Sync {
    fn begin(&self) -> BoxFuture<'_, io::Result<Upload>>;
    /// Makes a finished upload durable under its SHA-256; returns the SHA-256.
    fn commit(&self, upload: Upload) -> BoxFuture<'_, io::Result<String>>;
    fn open<'a>(&'a self, sha256: &'a str) -> BoxFuture<'a, io::Result<Blob>>;
}

pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    /// Creates the folders and removes uploads a crash left half-written.
    pub fn open_at(root: &Path) -> io::Result<Self> {
        let tmp = root.join("tmp");
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir_all(&tmp)?;
        Ok(Self {
            root: root.to_owned(),
        })
    }

    fn blob_path(&self, sha256: &str) -> Option<PathBuf> {
        let ok = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| {
            self.root
                .join(&sha256[0..2])
                .join(&sha256[2..4])
                .join(sha256)
        })
    }

    /// Files under `tmp/` (tests check that aborted uploads leave none).
    pub fn temporary_files(&self) -> usize {
        std::fs::read_dir(self.root.join("tmp")).map_or(0, |d| d.count())
    }
}

impl Storage for LocalStorage {
    fn begin(&self) -> BoxFuture<'_, io::Result<Upload>> {
        Box::pin(async move {
            let path = self.root.join("tmp").join(Uuid::now_v7().to_string());
            let file = tokio::fs::File::create(&path).await?;
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
                return Ok(sha);
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
        let sha = s.commit(a).await.unwrap();
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
}
