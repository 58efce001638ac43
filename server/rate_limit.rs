//! Abuse limits, in memory per instance (behind a load balancer each instance enforces
//! its own share): per client IP on register and login (credential stuffing, account
//! spam), refresh and the public practice export; per user on room exports; failed logins
//! per account; room sockets per IP that have not said `hello`.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::AppError;
use crate::settings::LimitSettings;

fn rate_limited(wait: Duration) -> AppError {
    AppError::RateLimited {
        retry_after_secs: (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1),
    }
}

/// A budget per key that refills evenly over a minute.
pub struct KeyedLimiter<K: Hash + Eq + Clone> {
    inner: DefaultKeyedRateLimiter<K>,
}

impl<K: Hash + Eq + Clone + Send + Sync + 'static> KeyedLimiter<K> {
    /// `None` for 0, which turns the limit off.
    pub fn per_minute(n: u32) -> Option<Arc<Self>> {
        let n = NonZeroU32::new(n)?;
        Some(Arc::new(Self {
            inner: RateLimiter::keyed(Quota::per_minute(n)),
        }))
    }

    pub fn check(&self, key: &K) -> Result<(), AppError> {
        self.inner.check_key(key).map_err(|not_until| {
            rate_limited(not_until.wait_time_from(DefaultClock::default().now()))
        })
    }

    /// Forget keys whose budget is full again, so memory tracks only recent callers.
    pub fn spawn_janitor(self: &Arc<Self>) {
        spawn_janitor(self, |l| l);
    }

    fn tidy(&self) {
        self.inner.retain_recent();
        self.inner.shrink_to_fit();
    }
}

/// Tidies a limiter every minute for as long as it is alive.
fn spawn_janitor<T, K>(limiter: &Arc<T>, keyed: fn(&T) -> &KeyedLimiter<K>)
where
    T: Send + Sync + 'static,
    K: Hash + Eq + Clone + Send + Sync + 'static,
{
    let weak = Arc::downgrade(limiter);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(limiter) = weak.upgrade() else { break };
            keyed(&limiter).tidy();
        }
    });
}

/// Per client IP (per /64 for IPv6).
pub struct IpRateLimiter {
    inner: KeyedLimiter<IpAddr>,
}

impl IpRateLimiter {
    /// `None` for 0, which turns the limit off.
    pub fn per_minute(n: u32) -> Option<Arc<Self>> {
        let n = NonZeroU32::new(n)?;
        Some(Arc::new(Self {
            inner: KeyedLimiter {
                inner: RateLimiter::keyed(Quota::per_minute(n)),
            },
        }))
    }

    pub fn check(&self, ip: IpAddr) -> Result<(), AppError> {
        self.inner.check(&bucket(ip))
    }

    pub fn spawn_janitor(self: &Arc<Self>) {
        spawn_janitor(self, |l| &l.inner);
    }
}

/// Failed logins per account, counted in a fixed window per email as typed (normalised by
/// the caller), whether or not an account has that email: the answer must not tell which
/// emails exist. Only a hash of the email is kept. A successful login clears its count.
///
/// An attempt is counted when it starts, not when its password check fails: otherwise a
/// burst of parallel guesses would all pass the check before the first failure lands.
pub struct LoginFailures {
    max: u32,
    window: Duration,
    salt: [u8; 16],
    seen: Mutex<HashMap<[u8; 16], (u32, Instant)>>,
}

/// Emails tracked at once. The keys are chosen by callers, so the table needs a bound; past
/// it new emails go untracked (the per-IP limit still applies) rather than locking every
/// login out. Reaching it takes thousands of addresses within one window.
const MAX_TRACKED_EMAILS: usize = 100_000;

/// A login attempt that has been counted as a failure until it says otherwise.
pub struct LoginAttempt {
    failures: Arc<LoginFailures>,
    key: Option<[u8; 16]>,
}

impl LoginAttempt {
    /// The password was right: the account's count starts again.
    pub fn succeeded(self) {
        if let Some(key) = self.key {
            self.failures.table().remove(&key);
        }
    }

    /// The attempt failed for another reason than the password (bad input, database away):
    /// it does not count.
    pub fn not_counted(self) {
        if let Some(key) = self.key
            && let Some(entry) = self.failures.table().get_mut(&key)
        {
            entry.0 = entry.0.saturating_sub(1);
        }
    }
}

impl LoginFailures {
    /// `None` for 0, which turns the limit off.
    pub fn new(max: u32, window: Duration) -> Option<Arc<Self>> {
        (max > 0).then(|| {
            Arc::new(Self {
                max,
                window,
                salt: rand::random(),
                seen: Mutex::new(HashMap::new()),
            })
        })
    }

    fn key(&self, email: &str) -> [u8; 16] {
        let digest = Sha256::new()
            .chain_update(self.salt)
            .chain_update(email.as_bytes())
            .finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        key
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 16], (u32, Instant)>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts an attempt for `email`: 429 once `max` attempts failed (or are still running)
    /// within the window; otherwise the attempt is counted until it succeeds.
    pub fn begin(self: &Arc<Self>, email: &str) -> Result<LoginAttempt, AppError> {
        let key = self.key(email);
        let now = Instant::now();
        let mut table = self.table();
        if !table.contains_key(&key) && table.len() >= MAX_TRACKED_EMAILS {
            let window = self.window;
            table.retain(|_, (_, since)| now < *since + window);
            if table.len() >= MAX_TRACKED_EMAILS {
                tracing::warn!(
                    tracked = table.len(),
                    "failed-login table is full: new emails are not throttled per account \
                     until older windows end"
                );
                return Ok(LoginAttempt {
                    failures: Arc::clone(self),
                    key: None,
                });
            }
        }
        let entry = table.entry(key).or_insert((0, now));
        if now >= entry.1 + self.window {
            *entry = (0, now);
        }
        if entry.0 >= self.max {
            return Err(rate_limited(entry.1 + self.window - now));
        }
        entry.0 += 1;
        Ok(LoginAttempt {
            failures: Arc::clone(self),
            key: Some(key),
        })
    }

    /// Forget windows that are over.
    pub fn spawn_janitor(self: &Arc<Self>) {
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(this) = weak.upgrade() else { break };
                let now = Instant::now();
                let window = this.window;
                let mut table = this.table();
                table.retain(|_, (_, since)| now < *since + window);
                table.shrink_to_fit();
            }
        });
    }
}

/// How many things (room sockets before `hello`) each client IP holds open at once.
pub struct IpSlots {
    max: u32,
    open: Mutex<HashMap<IpAddr, u32>>,
}

/// One held slot; dropping it gives it back.
pub struct IpSlot {
    slots: Arc<IpSlots>,
    ip: IpAddr,
}

impl IpSlots {
    /// `None` for 0, which turns the limit off.
    pub fn new(max: u32) -> Option<Arc<Self>> {
        (max > 0).then(|| {
            Arc::new(Self {
                max,
                open: Mutex::new(HashMap::new()),
            })
        })
    }

    /// A slot for `ip`, or 429 when it already holds `max`.
    pub fn acquire(self: &Arc<Self>, ip: IpAddr) -> Result<IpSlot, AppError> {
        let ip = bucket(ip);
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(ip).or_insert(0);
        if *n >= self.max {
            return Err(rate_limited(Duration::from_secs(10)));
        }
        *n += 1;
        Ok(IpSlot {
            slots: self.clone(),
            ip,
        })
    }

    /// Slots held by `ip` now.
    pub fn held(&self, ip: IpAddr) -> u32 {
        let open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        open.get(&bucket(ip)).copied().unwrap_or(0)
    }
}

impl Drop for IpSlot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// The limits besides the register/login one (`AppState::auth_limiter`); each `None` when
/// its setting is 0.
pub struct Limits {
    pub login_failures: Option<Arc<LoginFailures>>,
    pub refresh: Option<Arc<IpRateLimiter>>,
    pub practice_export: Option<Arc<IpRateLimiter>>,
    pub room_export: Option<Arc<KeyedLimiter<Uuid>>>,
    pub ws_prehello: Option<Arc<IpSlots>>,
    shared_address_warned: Mutex<Option<Instant>>,
}

/// How often the "one address for everyone" warning may repeat.
const SHARED_ADDRESS_WARN_EVERY: Duration = Duration::from_secs(600);

impl Limits {
    /// Builds the limiters and their janitors (on the current runtime).
    pub fn start(s: &LimitSettings) -> Self {
        let limits = Self {
            login_failures: LoginFailures::new(
                s.login_failures_per_account,
                s.login_failure_window,
            ),
            refresh: IpRateLimiter::per_minute(s.refresh_per_minute),
            practice_export: IpRateLimiter::per_minute(s.practice_export_per_minute),
            room_export: KeyedLimiter::per_minute(s.room_export_per_minute),
            ws_prehello: IpSlots::new(s.ws_prehello_per_ip),
            shared_address_warned: Mutex::new(None),
        };
        if let Some(l) = &limits.login_failures {
            l.spawn_janitor();
        }
        for l in [&limits.refresh, &limits.practice_export]
            .into_iter()
            .flatten()
        {
            l.spawn_janitor();
        }
        if let Some(l) = &limits.room_export {
            l.spawn_janitor();
        }
        limits
    }

    /// Called when a per-IP limit refused `ip`. A loopback or private address with proxy
    /// headers untrusted is most likely our own reverse proxy: then every user shares its
    /// one budget, and the operator should hear about it (at most every 10 minutes).
    pub fn per_ip_refused(&self, ip: IpAddr, trust_proxy_headers: bool) {
        if trust_proxy_headers || !is_shared_address(ip) {
            return;
        }
        let now = Instant::now();
        let mut last = self
            .shared_address_warned
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if last.is_some_and(|t| now < t + SHARED_ADDRESS_WARN_EVERY) {
            return;
        }
        *last = Some(now);
        tracing::warn!(
            peer = %ip,
            "a per-IP limit refused a loopback/private address while \
             LIVINGLAB_TRUST_PROXY_HEADERS=false: if a reverse proxy runs in front of this \
             server, all its users share that one address and one budget; set \
             LIVINGLAB_TRUST_PROXY_HEADERS=true (only behind your own proxy)"
        );
    }
}

/// Loopback, private (RFC 1918), link-local, or IPv6 unique-local: an address that is
/// typically a proxy or NAT in front of many people.
fn is_shared_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private() || v4.is_link_local(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_shared_address(IpAddr::V4(v4)),
            None => v6.is_loopback() || v6.is_unique_local() || v6.is_unicast_link_local(),
        },
    }
}

/// One budget per IPv4 address, and per /64 for IPv6: a single IPv6 subscriber usually
/// holds a whole /64 and could otherwise take a fresh budget for every request.
fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let bits = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(bits.into())
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_failures_count_per_email_from_the_start_and_clear_on_success() {
        let l = LoginFailures::new(2, Duration::from_secs(60)).unwrap();
        // Two attempts still running use up the budget: a third in parallel is refused.
        let first = l.begin("ana@x.es").unwrap();
        let second = l.begin("ana@x.es").unwrap();
        let Err(AppError::RateLimited { retry_after_secs }) = l.begin("ana@x.es") else {
            panic!("not limited")
        };
        assert!((1..=60).contains(&retry_after_secs));
        assert!(l.begin("ben@x.es").is_ok());
        // One that failed for another reason gives its place back.
        second.not_counted();
        let third = l.begin("ana@x.es").unwrap();
        assert!(l.begin("ana@x.es").is_err());
        third.succeeded();
        drop(first);
        assert!(l.begin("ana@x.es").is_ok());
    }

    #[test]
    fn ip_slots_come_back_when_dropped() {
        let slots = IpSlots::new(2).unwrap();
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let a = slots.acquire(ip).unwrap();
        let _b = slots.acquire(ip).unwrap();
        assert!(slots.acquire(ip).is_err());
        assert!(slots.acquire("192.0.2.2".parse().unwrap()).is_ok());
        drop(a);
        assert_eq!(slots.held(ip), 1);
        assert!(slots.acquire(ip).is_ok());
    }

    #[test]
    fn shared_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.9",
            "::1",
            "fd00::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_shared_address(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["192.0.2.7", "2001:db8::1", "8.8.8.8"] {
            assert!(!is_shared_address(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn ipv6_addresses_of_one_subscriber_share_a_budget() {
        let limiter = IpRateLimiter::per_minute(2).unwrap();
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limiter.check(a).is_ok());
        assert!(limiter.check(b).is_ok());
        assert!(limiter.check(a).is_err());
        assert!(limiter.check(other).is_ok());
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert!(limiter.check(v4).is_ok());
        assert!(limiter.check(mapped).is_ok());
        assert!(
            limiter.check(v4).is_err(),
            "a mapped address is the same client"
        );
    }
}
