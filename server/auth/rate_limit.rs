//! Per-client-IP limit on register and login (credential stuffing, account spam).
//! In memory per instance: behind a load balancer each instance enforces its own share.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::AppError;

pub struct IpRateLimiter {
    inner: DefaultKeyedRateLimiter<IpAddr>,
}

impl IpRateLimiter {
    /// `None` for 0, which turns the limit off.
    pub fn per_minute(n: u32) -> Option<Arc<Self>> {
        let n = NonZeroU32::new(n)?;
        Some(Arc::new(Self {
            inner: RateLimiter::keyed(Quota::per_minute(n)),
        }))
    }

    pub fn check(&self, ip: IpAddr) -> Result<(), AppError> {
        self.inner.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            AppError::RateLimited {
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        })
    }

    /// Forget clients whose budget is full again, so memory tracks only recent callers.
    pub fn spawn_janitor(self: &Arc<Self>) {
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(limiter) = weak.upgrade() else { break };
                limiter.inner.retain_recent();
                limiter.inner.shrink_to_fit();
            }
        });
    }
}
