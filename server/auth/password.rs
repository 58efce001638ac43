//! argon2id with the crate defaults (m=19456 KiB, t=2, p=1: the OWASP minimum). Hashing
//! takes tens of milliseconds of CPU, so it runs on the blocking pool, never on a worker.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use std::sync::OnceLock;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::domain::Password;
use crate::error::AppError;

/// Each hash holds 19 MiB and a core for tens of milliseconds. Bound how many run at once,
/// so a burst of logins queues instead of spawning hundreds of blocking threads.
async fn permit() -> SemaphorePermit<'static> {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores * 2)
    });
    slots
        .acquire()
        .await
        .expect("the semaphore is never closed")
}

pub async fn hash(password: Password) -> Result<String, AppError> {
    let _slot = permit().await;
    tokio::task::spawn_blocking(move || hash_blocking(password.expose())).await?
}

pub fn hash_blocking(password: &str) -> Result<String, AppError> {
    let hash: PasswordHash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| AppError::internal(anyhow::anyhow!("hashing a password: {e}")))?;
    Ok(hash.to_string())
}

/// False for a wrong password and for a hash that cannot be parsed.
pub async fn verify(password: String, hash: String) -> Result<bool, AppError> {
    let _slot = permit().await;
    Ok(tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await?)
}
