//! Prometheus metrics: requests by route pattern and status, latency, database pool.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool_size: IntGauge,
    pool_available: IntGauge,
    pool_waiting: IntGauge,
    pool_max: IntGauge,
    pub room_events: prometheus::IntCounter,
    pub room_sockets: IntGauge,
    /// Totals for the status page (the labelled counters are for Prometheus).
    served: AtomicU64,
    server_errors: AtomicU64,
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("livinglab_http_requests_total", "HTTP requests served"),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "livinglab_http_request_duration_seconds",
                "Time to produce the response",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let gauge = |name: &str, help: &str| IntGauge::new(name, help).expect("valid metric");
        let pool_size = gauge("livinglab_db_pool_connections", "Open database connections");
        let pool_available = gauge("livinglab_db_pool_idle", "Idle database connections");
        let pool_waiting = gauge(
            "livinglab_db_pool_waiting",
            "Tasks waiting for a connection",
        );
        let pool_max = gauge("livinglab_db_pool_max", "Pool size limit");
        let room_events = prometheus::IntCounter::new(
            "livinglab_room_events_total",
            "Room events stored by this instance",
        )
        .expect("valid metric");
        let room_sockets = gauge("livinglab_room_sockets", "Open room websockets");
        for c in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(pool_size.clone()),
            Box::new(pool_available.clone()),
            Box::new(pool_waiting.clone()),
            Box::new(pool_max.clone()),
            Box::new(room_events.clone()),
            Box::new(room_sockets.clone()),
        ] {
            registry.register(c).expect("unique metric names");
        }
        Self {
            registry,
            requests,
            latency,
            pool_size,
            room_events,
            room_sockets,
            pool_available,
            pool_waiting,
            pool_max,
            served: AtomicU64::new(0),
            server_errors: AtomicU64::new(0),
        }
    }

    /// Requests served by this instance since it started, and how many of them were 5xx.
    pub fn requests_served(&self) -> (u64, u64) {
        (
            self.served.load(Ordering::Relaxed),
            self.server_errors.load(Ordering::Relaxed),
        )
    }

    /// `route` is the matched pattern (`/api/v1/users/{id}`), never the raw path, so ids do
    /// not explode the number of series.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        self.served.fetch_add(1, Ordering::Relaxed);
        if status >= 500 {
            self.server_errors.fetch_add(1, Ordering::Relaxed);
        }
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(elapsed.as_secs_f64());
    }

    pub fn render(&self, pool: &crate::db::DbPool) -> String {
        let s = pool.status();
        self.pool_size.set(s.size as i64);
        self.pool_available.set(s.available as i64);
        self.pool_waiting.set(s.waiting as i64);
        self.pool_max.set(s.max_size as i64);
        let mut buf = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buf)
            .expect("text encoding cannot fail");
        String::from_utf8(buf).expect("prometheus text is UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
