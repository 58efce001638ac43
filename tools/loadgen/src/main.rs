//! Websocket and HTTP load generator for livinglab (`benches/run-rooms.sh` and
//! `benches/run-practices.sh` drive it).
//!
//! * `room`: one room, many members, a few senders; delivery latency, losses, duplicates.
//! * `rooms`: many small rooms, one sender each; committed (acked) chat messages per second.
//! * `idle`: thousands of authenticated idle sockets; hello→welcome latency, server RSS.
//! * `http`: open-loop GETs at a fixed rate from a file of paths (`benches/run-practices.sh`);
//!   latency percentiles counted from each request's scheduled time; exits 1 if any failed.
//!
//! Progress goes to stderr, the report to stdout (`--json`: one JSON line instead).
//! Timestamps inside messages are nanoseconds since this process started (monotonic clock);
//! sender and receivers live in this process, so latencies are exact end to end.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{FutureExt, SinkExt, StreamExt, stream};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async_with_config};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;
type Sink = SplitSink<Ws, Message>;
type Source = SplitStream<Ws>;

// ---------------------------------------------------------------------------------------
// Command line

#[derive(Parser)]
#[command(
    name = "loadgen",
    about = "Websocket load generator for livinglab live rooms"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// One room: `members` sockets, `senders` of them chatting at `rate` msgs/s in total.
    Room(RoomArgs),
    /// Many rooms with a few members each, one sender per room, `rate` msgs/s in total.
    Rooms(RoomsArgs),
    /// Many authenticated idle sockets: hello→welcome latency and server memory per socket.
    Idle(IdleArgs),
    /// Plain HTTP GETs at a fixed rate over keep-alive connections (open loop).
    Http(HttpArgs),
}

#[derive(Args, Clone)]
struct Common {
    /// Base URL of the server.
    #[arg(long, env = "LOADGEN_URL", default_value = "http://127.0.0.1:8080")]
    url: String,
    #[arg(long, env = "LOADGEN_ADMIN_EMAIL")]
    admin_email: String,
    #[arg(long, env = "LOADGEN_ADMIN_PASSWORD", hide_env_values = true)]
    admin_password: String,
    /// Print one JSON line instead of the text report.
    #[arg(long)]
    json: bool,
    /// The server's pid, for RSS and CPU readings from /proc.
    #[arg(long, env = "LOADGEN_SERVER_PID")]
    server_pid: Option<u32>,
    /// Parallel registrations (each costs the server an Argon2 hash).
    #[arg(long, default_value_t = 8)]
    register_concurrency: usize,
}

#[derive(Args)]
struct ChatOpts {
    /// Send for this many seconds after the warmup; rates are measured over this window.
    #[arg(long, default_value_t = 20.0)]
    duration: f64,
    /// Seconds of sending before the measured window (not in latencies or rates).
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Sender pacing tick in ms (default: one message per tick, clamped to 1..10 ms).
    #[arg(long)]
    tick_ms: Option<f64>,
    /// Extra characters appended to each chat text.
    #[arg(long, default_value_t = 0)]
    text_pad: usize,
    /// Seconds to wait after sending for outstanding acks and deliveries.
    #[arg(long, default_value_t = 10.0)]
    drain_timeout: f64,
    /// Sockets opened in parallel.
    #[arg(long, default_value_t = 32)]
    connect_concurrency: usize,
}

#[derive(Args)]
struct RoomArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, default_value_t = 100)]
    members: usize,
    #[arg(long, default_value_t = 1)]
    senders: usize,
    /// Chat messages per second, all senders together.
    #[arg(long, default_value_t = 5000.0)]
    rate: f64,
    #[command(flatten)]
    chat: ChatOpts,
}

#[derive(Args)]
struct RoomsArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, default_value_t = 200)]
    rooms: usize,
    /// Sockets per room; user k of every room is the same account.
    #[arg(long, default_value_t = 2)]
    members_per_room: usize,
    /// Chat messages per second over all rooms.
    #[arg(long, default_value_t = 25000.0)]
    rate: f64,
    #[command(flatten)]
    chat: ChatOpts,
}

#[derive(Args)]
struct IdleArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, default_value_t = 15000)]
    sockets: usize,
    #[arg(long, default_value_t = 50)]
    users: usize,
    #[arg(long, default_value_t = 30)]
    rooms: usize,
    /// Seconds to hold the sockets open after the last welcome.
    #[arg(long, default_value_t = 10.0)]
    hold: f64,
    /// Sockets being opened (connect + hello) at once.
    #[arg(long, default_value_t = 200)]
    concurrency: usize,
}

#[derive(Args)]
struct HttpArgs {
    /// Base URL of the server.
    #[arg(long, env = "LOADGEN_URL", default_value = "http://127.0.0.1:8080")]
    url: String,
    /// File with one path (`/api/v1/...`) or absolute URL per line; blank lines and lines
    /// starting with `#` are skipped.
    #[arg(long)]
    paths: std::path::PathBuf,
    /// Requests per second. Request i is due at start + i/rate whatever the earlier
    /// responses did, and its latency counts from then (no coordinated omission).
    #[arg(long, default_value_t = 1000.0)]
    rate: f64,
    /// Keep-alive connections, so also the most requests in flight at once.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Measured seconds, after the warmup.
    #[arg(long, default_value_t = 30.0)]
    duration: f64,
    /// Seconds at the same rate before the measured window (not in the figures, but a
    /// failure there still fails the run).
    #[arg(long, default_value_t = 5.0)]
    warmup: f64,
    /// Paths in a fixed pseudo-random order instead of round-robin.
    #[arg(long)]
    random: bool,
    /// Seconds before a request counts as an error.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Stop sending once requests leave this many seconds behind their schedule (the server
    /// cannot keep up, and the backlog would only grow); the run then fails. 0: never.
    #[arg(long, default_value_t = 10.0)]
    give_up_after: f64,
    /// Print one JSON line instead of the text report.
    #[arg(long)]
    json: bool,
    /// The server's pid, for CPU readings from /proc.
    #[arg(long, env = "LOADGEN_SERVER_PID")]
    server_pid: Option<u32>,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let (report, json_out) = match cli.cmd {
            Cmd::Room(a) => {
                let j = a.common.json;
                (room(a).await?, j)
            }
            Cmd::Rooms(a) => {
                let j = a.common.json;
                (rooms(a).await?, j)
            }
            Cmd::Idle(a) => {
                let j = a.common.json;
                (idle(a).await?, j)
            }
            Cmd::Http(a) => {
                let j = a.json;
                (http(a).await?, j)
            }
        };
        report.print(json_out);
        if let Some(why) = &report.failure {
            eprintln!("[loadgen] FAILED: {why}");
            std::process::exit(1);
        }
        Ok(())
    })
}

macro_rules! progress {
    ($($t:tt)*) => { eprintln!("[loadgen] {}", format!($($t)*)) };
}

// ---------------------------------------------------------------------------------------
// HTTP side

struct User {
    token: String,
}

struct Api {
    http: reqwest::Client,
    base: String,
    ws_base: String,
}

impl Api {
    fn new(url: &str) -> Result<Self> {
        let base = url.trim_end_matches('/').to_owned();
        let ws_base = if let Some(r) = base.strip_prefix("http://") {
            format!("ws://{r}")
        } else if let Some(r) = base.strip_prefix("https://") {
            format!("wss://{r}")
        } else {
            bail!("--url must start with http:// or https://");
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()?;
        Ok(Self {
            http,
            base,
            ws_base,
        })
    }

    fn port(&self) -> u16 {
        let authority = self.base.split("://").nth(1).unwrap_or("");
        let authority = authority.split('/').next().unwrap_or("");
        match authority.rsplit_once(':') {
            Some((_, p)) => p.parse().unwrap_or(80),
            None if self.base.starts_with("https") => 443,
            None => 80,
        }
    }

    fn ws_url(&self, room: &str) -> String {
        format!("{}/api/v1/rooms/{room}/ws", self.ws_base)
    }

    /// POST with a few retries on 429, 5xx and connection errors.
    async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Result<Value> {
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let mut rq = self.http.post(format!("{}{path}", self.base)).json(body);
            if let Some(t) = token {
                rq = rq.bearer_auth(t);
            }
            let retry = match rq.send().await {
                Ok(resp) => {
                    let status = resp.status();
                    let text = resp.text().await.unwrap_or_default();
                    if status.is_success() {
                        return serde_json::from_str(&text)
                            .with_context(|| format!("POST {path}: not JSON: {text}"));
                    }
                    let e = anyhow!("POST {path}: {status}: {text}");
                    if status.as_u16() == 429 || status.is_server_error() {
                        e
                    } else {
                        return Err(e);
                    }
                }
                Err(e) => anyhow!("POST {path}: {e}"),
            };
            if attempt >= 5 {
                return Err(retry);
            }
            tokio::time::sleep(Duration::from_millis(200 << attempt)).await;
        }
    }

    async fn login(&self, email: &str, password: &str) -> Result<String> {
        let v = self
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": email, "password": password}),
            )
            .await
            .context("admin login")?;
        token_of(&v)
    }

    async fn register(&self, i: usize) -> Result<User> {
        let email = format!("lg-{}@example.org", uuid::Uuid::new_v4());
        let v = self
            .post(
                "/api/v1/auth/register",
                None,
                &json!({"email": email, "password": "loadgen-password-123",
                        "display_name": format!("Loadgen {i}")}),
            )
            .await?;
        Ok(User {
            token: token_of(&v)?,
        })
    }

    async fn register_many(&self, n: usize, concurrency: usize) -> Result<Vec<User>> {
        let t = Instant::now();
        let users: Vec<User> = stream::iter(0..n)
            .map(|i| self.register(i))
            .buffer_unordered(concurrency.max(1))
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<_>>()?;
        progress!("registered {n} users in {:.1} s", t.elapsed().as_secs_f64());
        Ok(users)
    }

    async fn create_rooms(&self, admin: &str, n: usize) -> Result<Vec<String>> {
        let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
        let rooms: Vec<String> = stream::iter(0..n)
            .map(|i| async move {
                let v = self
                    .post(
                        "/api/v1/rooms",
                        Some(admin),
                        &json!({"name": format!("loadgen {tag} #{i}"), "access": "open"}),
                    )
                    .await?;
                v["id"]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| anyhow!("room without id: {v}"))
            })
            .buffer_unordered(8)
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<_>>()?;
        Ok(rooms)
    }
}

fn token_of(v: &Value) -> Result<String> {
    v["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("no access_token in {v}"))
}

async fn admin_token(api: &Api, c: &Common) -> Result<String> {
    api.login(&c.admin_email, &c.admin_password).await
}

// ---------------------------------------------------------------------------------------
// Measurements

/// Log-bucketed histogram of microseconds: 64 sub-buckets per power of two (<1.6 % error).
#[derive(Default, Clone)]
struct Hist {
    counts: Vec<u64>,
    n: u64,
    max: u64,
}

const SUB_BITS: u32 = 6;
const SUB: u64 = 1 << SUB_BITS;
const NBUCKETS: usize = (2 * SUB + (63 - SUB_BITS as u64) * SUB) as usize;

impl Hist {
    fn bucket(v: u64) -> usize {
        if v < 2 * SUB {
            v as usize
        } else {
            let e = 63 - v.leading_zeros();
            let m = (v >> (e - SUB_BITS)) - SUB;
            (2 * SUB + u64::from(e - SUB_BITS - 1) * SUB + m) as usize
        }
    }

    fn lower(i: usize) -> u64 {
        let i = i as u64;
        if i < 2 * SUB {
            i
        } else {
            let j = i - 2 * SUB;
            let e = j / SUB + u64::from(SUB_BITS) + 1;
            (j % SUB + SUB) << (e - u64::from(SUB_BITS))
        }
    }

    fn record(&mut self, us: u64) {
        if self.counts.is_empty() {
            self.counts = vec![0; NBUCKETS];
        }
        self.counts[Self::bucket(us)] += 1;
        self.n += 1;
        self.max = self.max.max(us);
    }

    fn merge(&mut self, o: &Hist) {
        if o.n == 0 {
            return;
        }
        if self.counts.is_empty() {
            self.counts = vec![0; NBUCKETS];
        }
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        self.n += o.n;
        self.max = self.max.max(o.max);
    }

    /// Upper bound of the bucket holding quantile `q`, in microseconds.
    fn quantile(&self, q: f64) -> u64 {
        if self.n == 0 {
            return 0;
        }
        let rank = ((q * self.n as f64).ceil() as u64).clamp(1, self.n);
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return (Self::lower(i + 1).saturating_sub(1)).min(self.max);
            }
        }
        self.max
    }

    fn ms(&self) -> Value {
        let f = |us: u64| (us as f64 / 1000.0 * 100.0).round() / 100.0;
        json!({"n": self.n, "p50": f(self.quantile(0.5)), "p99": f(self.quantile(0.99)),
               "p999": f(self.quantile(0.999)), "max": f(self.max)})
    }
}

#[derive(Default, Clone)]
struct Bitset(Vec<u64>);

impl Bitset {
    /// Sets bit `i`; true when it was set already.
    fn set(&mut self, i: u64) -> bool {
        let w = (i / 64) as usize;
        if w >= self.0.len() {
            self.0.resize(w + 1, 0);
        }
        let b = 1u64 << (i % 64);
        let was = self.0[w] & b != 0;
        self.0[w] |= b;
        was
    }

    fn union_with(&mut self, o: &Bitset) {
        if o.0.len() > self.0.len() {
            self.0.resize(o.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }

    fn count(&self) -> u64 {
        self.0.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// |self \ other|
    fn minus_count(&self, other: &Bitset) -> u64 {
        self.0
            .iter()
            .enumerate()
            .map(|(i, w)| u64::from((w & !other.0.get(i).copied().unwrap_or(0)).count_ones()))
            .sum()
    }
}

fn read_proc(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

fn rss_kib(pid: &str) -> Option<u64> {
    let s = read_proc(&format!("/proc/{pid}/status"))?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// (ppid, utime + stime in clock ticks) of a process.
fn proc_stat(pid: &str) -> Option<(u32, u64)> {
    let s = read_proc(&format!("/proc/{pid}/stat"))?;
    let rest = &s[s.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ppid = f.get(1)?.parse().ok()?;
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some((ppid, ticks))
}

/// CPU ticks (1/100 s) of the server, of its descendants (PostgreSQL) and of this process.
#[derive(Clone, Copy, Default)]
struct Cpu {
    at: Option<Instant>,
    server: u64,
    children: u64,
    me: u64,
    /// Machine-wide jiffies from /proc/stat: (busy, iowait, steal, total).
    machine: (u64, u64, u64, u64),
}

fn machine_jiffies() -> (u64, u64, u64, u64) {
    let Some(s) = read_proc("/proc/stat") else {
        return (0, 0, 0, 0);
    };
    let f: Vec<u64> = s
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let g = |i: usize| f.get(i).copied().unwrap_or(0);
    // user nice system idle iowait irq softirq steal
    let busy = g(0) + g(1) + g(2) + g(5) + g(6);
    (busy, g(4), g(7), busy + g(3) + g(4) + g(7))
}

fn cpu_snapshot(server: Option<u32>) -> Cpu {
    let mut c = Cpu {
        at: Some(Instant::now()),
        me: proc_stat("self").map_or(0, |s| s.1),
        machine: machine_jiffies(),
        ..Cpu::default()
    };
    let Some(root) = server else { return c };
    let mut procs: HashMap<u32, (u32, u64)> = HashMap::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let Ok(pid) = name.parse::<u32>() else {
                continue;
            };
            if let Some(s) = proc_stat(name) {
                procs.insert(pid, s);
            }
        }
    }
    c.server = procs.get(&root).map_or(0, |s| s.1);
    for (pid, (_, ticks)) in &procs {
        let mut p = *pid;
        let mut depth = 0;
        while let Some((pp, _)) = procs.get(&p) {
            if *pp == root {
                c.children += ticks;
                break;
            }
            if *pp <= 1 || depth > 16 {
                break;
            }
            p = *pp;
            depth += 1;
        }
    }
    c
}

fn cpu_delta(a: Cpu, b: Cpu) -> Value {
    let wall = match (a.at, b.at) {
        (Some(x), Some(y)) => y.duration_since(x).as_secs_f64(),
        _ => 0.0,
    };
    let pct = |t: u64| {
        if wall > 0.0 {
            (t as f64 / 100.0 / wall * 1000.0).round() / 10.0
        } else {
            0.0
        }
    };
    let total = b.machine.3.saturating_sub(a.machine.3).max(1) as f64;
    let share = |x: u64, y: u64| (y.saturating_sub(x) as f64 / total * 1000.0).round() / 10.0;
    // Per process: % of one core; machine: % of all cores; others: everything else on the
    // machine (other builds, tests...), % of one core.
    let ours = b.server + b.children + b.me - a.server - a.children - a.me;
    let others = b.machine.0.saturating_sub(a.machine.0).saturating_sub(ours);
    json!({"wall_s": round2(wall),
           "others_pct": pct(others),
           "server_pct": pct(b.server.saturating_sub(a.server)),
           "postgres_pct": pct(b.children.saturating_sub(a.children)),
           "loadgen_pct": pct(b.me.saturating_sub(a.me)),
           "machine_busy_pct": share(a.machine.0, b.machine.0),
           "machine_iowait_pct": share(a.machine.1, b.machine.1),
           "machine_steal_pct": share(a.machine.2, b.machine.2)})
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn server_rss(c: &Common) -> Value {
    c.server_pid
        .and_then(|p| rss_kib(&p.to_string()))
        .map_or(Value::Null, Value::from)
}

/// Bytes waiting in loopback receive queues, from /proc/net/tcp: (unread by the server,
/// unread by the clients of `port`).
fn tcp_unread(port: u16) -> Option<(u64, u64)> {
    let s = read_proc("/proc/net/tcp")?;
    let port_of = |a: &str| u16::from_str_radix(a.rsplit(':').next()?, 16).ok();
    let (mut server, mut client) = (0, 0);
    for line in s.lines().skip(1) {
        let mut f = line.split_whitespace();
        let (Some(_), Some(local), Some(remote), Some(_), Some(queues)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let rx = queues
            .split(':')
            .nth(1)
            .and_then(|q| u64::from_str_radix(q, 16).ok())
            .unwrap_or(0);
        if port_of(local) == Some(port) {
            server += rx;
        } else if port_of(remote) == Some(port) {
            client += rx;
        }
    }
    Some((server, client))
}

/// Samples `tcp_unread` every 250 ms inside the measured window and prints progress.
struct Sampler {
    stop: watch::Sender<bool>,
    task: JoinHandle<Value>,
}

impl Sampler {
    fn start(port: u16, sh: Arc<Shared>) -> Self {
        let (stop, mut rx) = watch::channel(false);
        let task = tokio::spawn(async move {
            let (mut n, mut sum_s, mut sum_c, mut max_s, mut max_c) = (0u64, 0, 0, 0, 0);
            let mut iv = tokio::time::interval(Duration::from_millis(250));
            let mut last_print = Instant::now();
            loop {
                tokio::select! {
                    _ = rx.changed() => break,
                    _ = iv.tick() => {}
                }
                if sh.in_window(sh.now_ns())
                    && let Some((s, c)) = tcp_unread(port)
                {
                    n += 1;
                    sum_s += s;
                    sum_c += c;
                    max_s = max_s.max(s);
                    max_c = max_c.max(c);
                }
                if last_print.elapsed() >= Duration::from_secs(5) {
                    last_print = Instant::now();
                    progress!(
                        "sent {} acked {} errors {} delivered {}",
                        sh.sent.load(Relaxed),
                        sh.acked.load(Relaxed),
                        sh.errors.load(Relaxed),
                        sh.delivered.load(Relaxed)
                    );
                }
            }
            let kib = |b: u64| b / 1024;
            json!({
                "by_server": {"mean": kib(sum_s / n.max(1)), "max": kib(max_s)},
                "by_loadgen": {"mean": kib(sum_c / n.max(1)), "max": kib(max_c)},
            })
        });
        Self { stop, task }
    }

    async fn stop(self) -> Value {
        let _ = self.stop.send(true);
        self.task.await.unwrap_or(Value::Null)
    }
}

// ---------------------------------------------------------------------------------------
// Sockets

/// Counters every reader and sender shares; timestamps are ns since `base`.
struct Shared {
    base: Instant,
    win_start: AtomicU64,
    win_end: AtomicU64,
    sent: AtomicU64,
    acked: AtomicU64,
    errors: AtomicU64,
    delivered: AtomicU64,
}

impl Shared {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            base: Instant::now(),
            win_start: AtomicU64::new(u64::MAX),
            win_end: AtomicU64::new(u64::MAX),
            sent: AtomicU64::new(0),
            acked: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            delivered: AtomicU64::new(0),
        })
    }

    fn now_ns(&self) -> u64 {
        self.base.elapsed().as_nanos() as u64
    }

    fn ns_of(&self, t: Instant) -> u64 {
        t.duration_since(self.base).as_nanos() as u64
    }

    fn in_window(&self, t: u64) -> bool {
        t >= self.win_start.load(Relaxed) && t < self.win_end.load(Relaxed)
    }
}

/// Only the fields the load generator needs; everything else is skipped.
#[derive(Deserialize)]
struct Frame<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    seq: Option<i64>,
    #[serde(rename = "ref")]
    r#ref: Option<&'a str>,
    text: Option<&'a str>,
    code: Option<&'a str>,
    #[serde(default)]
    duplicate: bool,
}

/// `s<sep>n<sep>t[<sep>...]` → (sender, n, send time).
fn parse_stamp(s: &str, sep: char) -> Option<(usize, u64, u64)> {
    let mut it = s.splitn(4, sep);
    let a = it.next()?.parse().ok()?;
    let n: u64 = it.next()?.parse().ok()?;
    let t = it.next()?.parse().ok()?;
    (n < 1 << 32).then_some((a, n, t))
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Running,
    Stopped,
    Close(Option<u16>),
    Eof,
    Error(String),
}

impl End {
    fn label(&self) -> String {
        match self {
            End::Running => "running".into(),
            End::Stopped => "stopped".into(),
            End::Close(Some(c)) => format!("close {c}"),
            End::Close(None) => "close (no code)".into(),
            End::Eof => "eof without close".into(),
            End::Error(e) => format!("error: {e}"),
        }
    }
}

/// What every reader of a run shares.
struct ReaderCtx {
    shared: Arc<Shared>,
    stop: watch::Receiver<bool>,
    nsenders: usize,
}

struct ReaderCfg {
    shared: Arc<Shared>,
    stop: watch::Receiver<bool>,
    my_sender: Option<usize>,
    nsenders: usize,
}

struct ReaderStats {
    my_sender: Option<usize>,
    frames: u64,
    parse_fail: u64,
    chat_unique: u64,
    chat_dup: u64,
    chat_foreign: u64,
    last_seq: i64,
    seq_out_of_order: u64,
    sender_order: u64,
    received: Vec<Bitset>,
    last_n: Vec<Option<u64>>,
    acked: Bitset,
    ack_dup: u64,
    ack_dup_flag: u64,
    ack_foreign: u64,
    win_deliveries: u64,
    win_acks: u64,
    lat: Hist,
    ack_lat: Hist,
    errors: HashMap<String, u64>,
    types: HashMap<String, u64>,
    end: End,
    /// Deliveries, acks and errors not yet added to the shared counters.
    unpublished: (u64, u64, u64),
}

impl ReaderStats {
    fn publish(&mut self, sh: &Shared) {
        let (d, a, e) = std::mem::take(&mut self.unpublished);
        if d > 0 {
            sh.delivered.fetch_add(d, Relaxed);
        }
        if a > 0 {
            sh.acked.fetch_add(a, Relaxed);
        }
        if e > 0 {
            sh.errors.fetch_add(e, Relaxed);
        }
    }

    fn new(nsenders: usize, my_sender: Option<usize>) -> Self {
        Self {
            my_sender,
            frames: 0,
            parse_fail: 0,
            chat_unique: 0,
            chat_dup: 0,
            chat_foreign: 0,
            last_seq: i64::MIN,
            seq_out_of_order: 0,
            sender_order: 0,
            received: vec![Bitset::default(); nsenders],
            last_n: vec![None; nsenders],
            acked: Bitset::default(),
            ack_dup: 0,
            ack_dup_flag: 0,
            ack_foreign: 0,
            win_deliveries: 0,
            win_acks: 0,
            lat: Hist::default(),
            ack_lat: Hist::default(),
            errors: HashMap::new(),
            types: HashMap::new(),
            end: End::Running,
            unpublished: (0, 0, 0),
        }
    }

    /// False when the socket is done.
    fn handle(&mut self, m: Option<Result<Message, tungstenite::Error>>, sh: &Shared) -> bool {
        match m {
            None => {
                self.end = End::Eof;
                false
            }
            Some(Err(e)) => {
                self.end = End::Error(short(&e.to_string()));
                false
            }
            Some(Ok(Message::Text(t))) => {
                self.frame(t.as_str(), sh);
                true
            }
            Some(Ok(Message::Close(cf))) => {
                self.end = End::Close(cf.map(|c| u16::from(c.code)));
                false
            }
            Some(Ok(_)) => true,
        }
    }

    fn frame(&mut self, text: &str, sh: &Shared) {
        self.frames += 1;
        let Ok(f) = serde_json::from_str::<Frame>(text) else {
            self.parse_fail += 1;
            return;
        };
        if f.kind != "ack"
            && let Some(seq) = f.seq
        {
            if seq <= self.last_seq {
                self.seq_out_of_order += 1;
            } else {
                self.last_seq = seq;
            }
        }
        match f.kind {
            "chat" => {
                let now = sh.now_ns();
                let Some((s, n, t)) = f.text.and_then(|x| parse_stamp(x, ':')) else {
                    self.chat_foreign += 1;
                    return;
                };
                if s >= self.received.len() {
                    self.chat_foreign += 1;
                    return;
                }
                if self.received[s].set(n) {
                    self.chat_dup += 1;
                    return;
                }
                self.chat_unique += 1;
                self.unpublished.0 += 1;
                match self.last_n[s] {
                    Some(l) if n < l => self.sender_order += 1,
                    _ => self.last_n[s] = Some(n),
                }
                if t >= sh.win_start.load(Relaxed) {
                    self.lat.record(now.saturating_sub(t) / 1000);
                }
                if sh.in_window(now) {
                    self.win_deliveries += 1;
                }
            }
            "ack" => {
                if f.duplicate {
                    self.ack_dup_flag += 1;
                }
                let now = sh.now_ns();
                match f.r#ref.and_then(|r| parse_stamp(r, '.')) {
                    Some((s, n, t)) if Some(s) == self.my_sender => {
                        if self.acked.set(n) {
                            self.ack_dup += 1;
                            return;
                        }
                        self.unpublished.1 += 1;
                        if t >= sh.win_start.load(Relaxed) {
                            self.ack_lat.record(now.saturating_sub(t) / 1000);
                        }
                        if sh.in_window(now) {
                            self.win_acks += 1;
                        }
                    }
                    _ => self.ack_foreign += 1,
                }
            }
            "error" => {
                self.unpublished.2 += 1;
                bump(&mut self.errors, f.code.unwrap_or("(no code)"));
            }
            other => bump(&mut self.types, other),
        }
    }
}

fn bump(m: &mut HashMap<String, u64>, k: &str) {
    if let Some(c) = m.get_mut(k) {
        *c += 1;
    } else {
        m.insert(k.to_owned(), 1);
    }
}

fn short(s: &str) -> String {
    let mut end = s.len().min(100);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

async fn reader(mut src: Source, mut cfg: ReaderCfg) -> ReaderStats {
    let mut st = ReaderStats::new(cfg.nsenders, cfg.my_sender);
    let sh = cfg.shared.clone();
    let mut done = false;
    while !done {
        tokio::select! {
            biased;
            _ = cfg.stop.changed() => {
                st.end = End::Stopped;
                done = true;
            }
            m = src.next() => {
                if st.handle(m, &sh) {
                    // Take whatever else is buffered without re-arming the stop future.
                    for _ in 0..256 {
                        match src.next().now_or_never() {
                            None => break,
                            Some(m) => {
                                if !st.handle(m, &sh) {
                                    done = true;
                                    break;
                                }
                            }
                        }
                    }
                } else {
                    done = true;
                }
                st.publish(&sh);
            }
        }
    }
    st
}

struct Opened {
    /// Taken by the sender task while it runs.
    sink: Option<Sink>,
    reader: JoinHandle<ReaderStats>,
    connect_us: u64,
    welcome_us: u64,
}

async fn open_socket(
    url: &str,
    token: &str,
    config: WebSocketConfig,
    rcfg: ReaderCfg,
) -> Result<Opened> {
    let limit = Duration::from_secs(30);
    let t0 = Instant::now();
    let (mut ws, _) =
        tokio::time::timeout(limit, connect_async_with_config(url, Some(config), true))
            .await
            .map_err(|_| anyhow!("connect timeout"))?
            .map_err(|e| anyhow!("connect: {e}"))?;
    let t1 = Instant::now();
    ws.send(Message::text(format!(
        r#"{{"type":"hello","token":"{token}","after_seq":null}}"#
    )))
    .await
    .map_err(|e| anyhow!("send hello: {e}"))?;
    let welcome = async {
        loop {
            match ws.next().await {
                None => bail!("eof before welcome"),
                Some(Err(e)) => bail!("before welcome: {e}"),
                Some(Ok(Message::Text(t))) => match serde_json::from_str::<Frame>(&t) {
                    Ok(f) if f.kind == "welcome" => return Ok(()),
                    Ok(f) if f.kind == "error" => {
                        bail!("error before welcome: {}", f.code.unwrap_or("?"))
                    }
                    _ => {}
                },
                Some(Ok(Message::Close(cf))) => bail!(
                    "close {} before welcome",
                    cf.map_or(0, |c| u16::from(c.code))
                ),
                Some(Ok(_)) => {}
            }
        }
    };
    tokio::time::timeout(limit, welcome)
        .await
        .map_err(|_| anyhow!("welcome timeout"))??;
    let t2 = Instant::now();
    let (sink, src) = ws.split();
    Ok(Opened {
        sink: Some(sink),
        reader: tokio::spawn(reader(src, rcfg)),
        connect_us: t1.duration_since(t0).as_micros() as u64,
        welcome_us: t2.duration_since(t1).as_micros() as u64,
    })
}

/// Opens `plan` sockets (room index, token) with bounded concurrency.
async fn open_all(
    api: &Api,
    rooms: &[String],
    plan: Vec<(usize, String, Option<usize>)>,
    concurrency: usize,
    config: WebSocketConfig,
    ctx: &ReaderCtx,
) -> (Vec<Option<Opened>>, BTreeMap<String, u64>) {
    let sem = Arc::new(Semaphore::new(concurrency.max(1)));
    let total = plan.len();
    let mut tasks = Vec::with_capacity(total);
    for (room, token, my_sender) in plan {
        let url = api.ws_url(&rooms[room]);
        let sem = sem.clone();
        let rcfg = ReaderCfg {
            shared: ctx.shared.clone(),
            stop: ctx.stop.clone(),
            my_sender,
            nsenders: ctx.nsenders,
        };
        tasks.push(tokio::spawn(async move {
            let _permit = sem.acquire_owned().await;
            open_socket(&url, &token, config, rcfg).await
        }));
    }
    let mut out = Vec::with_capacity(total);
    let mut failures = BTreeMap::new();
    let mut last_report = Instant::now();
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await {
            Ok(Ok(o)) => out.push(Some(o)),
            Ok(Err(e)) => {
                *failures.entry(short(&format!("{e:#}"))).or_insert(0) += 1;
                out.push(None);
            }
            Err(e) => {
                *failures.entry(format!("task: {e}")).or_insert(0) += 1;
                out.push(None);
            }
        }
        if last_report.elapsed() > Duration::from_secs(2) {
            progress!("opened {}/{total} sockets", i + 1);
            last_report = Instant::now();
        }
    }
    (out, failures)
}

async fn close_all(sinks: Vec<Sink>) {
    stream::iter(sinks)
        .for_each_concurrent(500, |mut s| async move {
            let _ = tokio::time::timeout(Duration::from_secs(2), s.close()).await;
        })
        .await;
}

struct SenderStats {
    /// Seconds after the start when the socket failed, if it did.
    failed_at: Option<f64>,
    sent: u64,
    sent_in_window: u64,
    max_catch_up: u64,
    error: Option<String>,
}

async fn sender(
    mut sink: Sink,
    s: usize,
    rate: f64,
    total: Duration,
    tick: Duration,
    pad: Arc<str>,
    sh: Arc<Shared>,
) -> (Sink, SenderStats) {
    let mut st = SenderStats {
        failed_at: None,
        sent: 0,
        sent_in_window: 0,
        max_catch_up: 0,
        error: None,
    };
    let start = Instant::now();
    let cap = ((rate * 0.1) as u64).max(1);
    let mut iv = tokio::time::interval(tick);
    iv.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut n = 0u64;
    'outer: loop {
        iv.tick().await;
        let el = start.elapsed();
        if el >= total {
            break;
        }
        let target = (el.as_secs_f64() * rate) as u64 + 1;
        let k = target.saturating_sub(n);
        st.max_catch_up = st.max_catch_up.max(k);
        let k = k.min(cap);
        for _ in 0..k {
            let t = sh.now_ns();
            let mut m = String::with_capacity(80 + pad.len());
            let _ = write!(
                m,
                r#"{{"type":"chat.send","ref":"{s}.{n}.{t}","text":"{s}:{n}:{t}{pad}"}}"#
            );
            if let Err(e) = sink.feed(Message::text(m)).await {
                st.error = Some(short(&e.to_string()));
                st.failed_at = Some(round2(start.elapsed().as_secs_f64()));
                break 'outer;
            }
            n += 1;
            st.sent += 1;
            sh.sent.fetch_add(1, Relaxed);
            if sh.in_window(t) {
                st.sent_in_window += 1;
            }
        }
        if let Err(e) = sink.flush().await {
            st.error = Some(short(&e.to_string()));
            st.failed_at = Some(round2(start.elapsed().as_secs_f64()));
            break;
        }
    }
    (sink, st)
}

// ---------------------------------------------------------------------------------------
// Reports

struct Report {
    title: String,
    items: Vec<(&'static str, Value)>,
    /// Printed after the report, then the process exits 1.
    failure: Option<String>,
}

impl Report {
    fn new(title: String) -> Self {
        Self {
            title,
            items: Vec::new(),
            failure: None,
        }
    }

    fn add(&mut self, k: &'static str, v: impl Into<Value>) {
        self.items.push((k, v.into()));
    }

    fn print(&self, json_out: bool) {
        if json_out {
            let mut m = serde_json::Map::new();
            m.insert("scenario".into(), Value::String(self.title.clone()));
            for (k, v) in &self.items {
                m.insert((*k).into(), v.clone());
            }
            println!("{}", Value::Object(m));
        } else {
            println!("== {} ==", self.title);
            for (k, v) in &self.items {
                println!("  {k:<26} {v}");
            }
        }
    }
}

fn map_value<K: ToString, V: Into<Value>>(m: impl IntoIterator<Item = (K, V)>) -> Value {
    Value::Object(
        m.into_iter()
            .map(|(k, v)| (k.to_string(), v.into()))
            .collect(),
    )
}

fn per_s(n: u64, secs: f64) -> f64 {
    if secs > 0.0 {
        (n as f64 / secs).round()
    } else {
        0.0
    }
}

// ---------------------------------------------------------------------------------------
// Chat scenarios (room, rooms)

struct ChatPlan {
    title: String,
    rooms: Vec<String>,
    /// (room index, user index) per socket.
    sockets: Vec<(usize, usize)>,
    /// Socket index of every sender.
    senders: Vec<usize>,
    rate: f64,
}

async fn chat_run(
    api: &Api,
    common: &Common,
    users: &[User],
    plan: ChatPlan,
    o: &ChatOpts,
) -> Result<Report> {
    let sh = Shared::new();
    let (stop_tx, stop_rx) = watch::channel(false);
    let nsenders = plan.senders.len();
    let rss_before = server_rss(common);
    let mut sender_of = vec![None; plan.sockets.len()];
    for (s, &i) in plan.senders.iter().enumerate() {
        sender_of[i] = Some(s);
    }
    let open_plan = plan
        .sockets
        .iter()
        .enumerate()
        .map(|(i, &(r, u))| (r, users[u].token.clone(), sender_of[i]))
        .collect();
    let t = Instant::now();
    let (mut opened, failures) = open_all(
        api,
        &plan.rooms,
        open_plan,
        o.connect_concurrency,
        WebSocketConfig::default(),
        &ReaderCtx {
            shared: sh.clone(),
            stop: stop_rx.clone(),
            nsenders,
        },
    )
    .await;
    let connected = opened.iter().filter(|x| x.is_some()).count();
    progress!(
        "{connected}/{} sockets welcomed in {:.1} s{}",
        plan.sockets.len(),
        t.elapsed().as_secs_f64(),
        if failures.is_empty() {
            String::new()
        } else {
            format!("; failures: {failures:?}")
        }
    );
    if connected == 0 {
        bail!("no socket could be opened: {failures:?}");
    }
    // Let the presence frames of the joins settle.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let per_sender = plan.rate / nsenders.max(1) as f64;
    let tick = Duration::from_secs_f64(
        o.tick_ms
            .map_or_else(|| (1.0 / per_sender).clamp(0.001, 0.010), |ms| ms / 1000.0),
    );
    let warmup = Duration::from_secs_f64(o.warmup);
    let duration = Duration::from_secs_f64(o.duration);
    let t0 = Instant::now();
    sh.win_start.store(sh.ns_of(t0 + warmup), Relaxed);
    sh.win_end.store(sh.ns_of(t0 + warmup + duration), Relaxed);
    let pad: Arc<str> = if o.text_pad > 0 {
        format!(":{}", "x".repeat(o.text_pad)).into()
    } else {
        "".into()
    };
    let mut sender_tasks = Vec::new();
    for (s, &i) in plan.senders.iter().enumerate() {
        if let Some(sink) = opened[i].as_mut().and_then(|op| op.sink.take()) {
            sender_tasks.push((
                i,
                tokio::spawn(sender(
                    sink,
                    s,
                    per_sender,
                    warmup + duration,
                    tick,
                    pad.clone(),
                    sh.clone(),
                )),
            ));
        }
    }
    progress!(
        "sending {:.0} msg/s from {} senders ({:.1} ms tick) for {:.0}+{:.0} s",
        plan.rate,
        sender_tasks.len(),
        tick.as_secs_f64() * 1000.0,
        o.warmup,
        o.duration
    );
    let sampler = Sampler::start(api.port(), sh.clone());
    tokio::time::sleep_until((t0 + warmup).into()).await;
    let cpu0 = cpu_snapshot(common.server_pid);
    let mut sstats = Vec::new();
    for (i, h) in sender_tasks {
        let (sink, st) = h.await?;
        if let Some(op) = opened[i].as_mut() {
            op.sink = Some(sink);
        }
        sstats.push(st);
    }
    let cpu1 = cpu_snapshot(common.server_pid);
    let send_end = Instant::now();

    // Drain: wait for the acks and deliveries still in flight, until everything is in,
    // nothing moved for 3 s (e.g. a closed socket will never get its share) or the timeout.
    let fan = connected as f64 / plan.rooms.len() as f64;
    let drain_limit = Duration::from_secs_f64(o.drain_timeout);
    let mut drain_end = "complete";
    let mut last = (0, 0, 0);
    let mut last_change = Instant::now();
    loop {
        let sent = sh.sent.load(Relaxed);
        let now = (
            sh.acked.load(Relaxed),
            sh.errors.load(Relaxed),
            sh.delivered.load(Relaxed),
        );
        if now.0 + now.1 >= sent && now.2 as f64 >= now.0 as f64 * fan {
            break;
        }
        if now != last {
            last = now;
            last_change = Instant::now();
        } else if last_change.elapsed() > Duration::from_secs(3) {
            drain_end = "stalled for 3 s";
            break;
        }
        if send_end.elapsed() > drain_limit {
            drain_end = "timed out";
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let drain = send_end.elapsed();
    let tcp = sampler.stop().await;
    let rss_after = server_rss(common);
    let _ = stop_tx.send(true);
    let mut stats: Vec<Option<ReaderStats>> = Vec::with_capacity(opened.len());
    let mut sinks = Vec::new();
    for op in opened {
        match op {
            Some(op) => {
                stats.push(op.reader.await.ok());
                sinks.extend(op.sink);
            }
            None => stats.push(None),
        }
    }
    close_all(sinks).await;

    // Tally. A message is committed when it was acked or anyone received it.
    let mut acked_sets = vec![Bitset::default(); nsenders];
    for st in stats.iter().flatten() {
        if let Some(s) = st.my_sender {
            acked_sets[s] = st.acked.clone();
        }
    }
    let room_of_sender: Vec<usize> = plan.senders.iter().map(|&i| plan.sockets[i].0).collect();
    let mut committed = acked_sets.clone();
    for (i, st) in stats.iter().enumerate() {
        let Some(st) = st else { continue };
        for (s, &r) in room_of_sender.iter().enumerate() {
            if r == plan.sockets[i].0 {
                committed[s].union_with(&st.received[s]);
            }
        }
    }
    let n_committed: u64 = committed.iter().map(Bitset::count).sum();
    let committed_unacked: u64 = committed
        .iter()
        .zip(&acked_sets)
        .map(|(c, a)| c.minus_count(a))
        .sum();
    let (mut expected, mut lost, mut missed_closed) = (0u64, 0u64, 0u64);
    let (mut received, mut dup, mut ooo, mut ooo_sockets, mut sender_order) = (0, 0, 0, 0, 0);
    let (mut win_del, mut win_acks, mut acked, mut ack_dup, mut ack_dup_flag) = (0, 0, 0, 0, 0);
    let (mut parse_fail, mut foreign) = (0, 0);
    let mut lat = Hist::default();
    let mut ack_lat = Hist::default();
    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    let mut types: BTreeMap<String, u64> = BTreeMap::new();
    let mut ends: BTreeMap<String, u64> = BTreeMap::new();
    for (i, st) in stats.iter().enumerate() {
        let Some(st) = st else { continue };
        let room = plan.sockets[i].0;
        for (s, &r) in room_of_sender.iter().enumerate() {
            if r == room {
                let missing = committed[s].minus_count(&st.received[s]);
                if st.end == End::Stopped {
                    expected += committed[s].count();
                    lost += missing;
                } else {
                    missed_closed += missing;
                }
            }
        }
        received += st.chat_unique;
        dup += st.chat_dup;
        ooo += st.seq_out_of_order;
        ooo_sockets += u64::from(st.seq_out_of_order > 0);
        sender_order += st.sender_order;
        win_del += st.win_deliveries;
        win_acks += st.win_acks;
        acked += st.acked.count();
        ack_dup += st.ack_dup;
        ack_dup_flag += st.ack_dup_flag;
        parse_fail += st.parse_fail;
        foreign += st.chat_foreign + st.ack_foreign;
        lat.merge(&st.lat);
        ack_lat.merge(&st.ack_lat);
        for (k, v) in &st.errors {
            *errors.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &st.types {
            *types.entry(k.clone()).or_default() += v;
        }
        if st.end != End::Stopped {
            *ends.entry(st.end.label()).or_default() += 1;
        }
    }
    let sent: u64 = sstats.iter().map(|s| s.sent).sum();
    let sent_win: u64 = sstats.iter().map(|s| s.sent_in_window).sum();
    let err_total: u64 = errors.values().sum();
    let sender_errors: BTreeMap<String, u64> =
        sstats
            .iter()
            .filter_map(|s| s.error.clone())
            .fold(BTreeMap::new(), |mut m, e| {
                *m.entry(e).or_default() += 1;
                m
            });
    let secs = o.duration;

    let mut r = Report::new(plan.title);
    r.add("rooms", plan.rooms.len() as u64);
    r.add("sockets", format!("{connected}/{}", plan.sockets.len()));
    r.add("connect_failures", map_value(failures));
    r.add("senders", nsenders as u64);
    r.add("target_rate", plan.rate);
    r.add(
        "window_s",
        format!("{:.1} (+{:.1} warmup)", o.duration, o.warmup),
    );
    r.add("sent", sent);
    r.add("send_rate", per_s(sent_win, secs));
    r.add(
        "max_sender_backlog",
        sstats.iter().map(|s| s.max_catch_up).max().unwrap_or(0),
    );
    r.add("sender_errors", map_value(sender_errors));
    let failed_at: Vec<f64> = sstats.iter().filter_map(|s| s.failed_at).collect();
    if !failed_at.is_empty() {
        r.add("senders_failed_at_s", failed_at);
    }
    r.add("acked", acked);
    r.add("acks_per_s", per_s(win_acks, secs));
    r.add(
        "unanswered",
        sent.saturating_sub(acked).saturating_sub(err_total),
    );
    r.add("errors", map_value(errors));
    r.add(
        "acks_duplicate",
        json!({"same_ref_twice": ack_dup, "flagged": ack_dup_flag}),
    );
    r.add("committed", n_committed);
    r.add("committed_unacked", committed_unacked);
    r.add("deliveries_expected", expected);
    r.add("deliveries_received", received);
    r.add("deliveries_per_s", per_s(win_del, secs));
    r.add("lost", lost);
    r.add("missed_by_closed_sockets", missed_closed);
    r.add("duplicated", dup);
    r.add("latency_ms", lat.ms());
    r.add("ack_latency_ms", ack_lat.ms());
    r.add(
        "seq_out_of_order",
        json!({"total": ooo, "sockets": ooo_sockets}),
    );
    r.add("sender_order_violations", sender_order);
    r.add("socket_ends", map_value(ends));
    r.add("other_frames", map_value(types));
    r.add("unparsed_or_foreign", parse_fail + foreign);
    r.add(
        "drain_s",
        format!("{:.2} ({drain_end})", drain.as_secs_f64()),
    );
    r.add("tcp_unread_kib", tcp);
    r.add(
        "server_rss_kib",
        json!({"before": rss_before, "after": rss_after}),
    );
    r.add("cpu_in_window", cpu_delta(cpu0, cpu1));
    Ok(r)
}

async fn room(a: RoomArgs) -> Result<Report> {
    let c = &a.common;
    let api = Api::new(&c.url)?;
    let admin = admin_token(&api, c).await?;
    let rooms = api.create_rooms(&admin, 1).await?;
    let users = api.register_many(a.members, c.register_concurrency).await?;
    let senders = a.senders.clamp(1, a.members);
    let plan = ChatPlan {
        title: format!(
            "room: {} members, {senders} senders, {} msg/s",
            a.members, a.rate
        ),
        rooms,
        sockets: (0..a.members).map(|u| (0, u)).collect(),
        senders: (0..senders).collect(),
        rate: a.rate,
    };
    chat_run(&api, c, &users, plan, &a.chat).await
}

async fn rooms(a: RoomsArgs) -> Result<Report> {
    let c = &a.common;
    let api = Api::new(&c.url)?;
    let admin = admin_token(&api, c).await?;
    let t = Instant::now();
    let rooms = api.create_rooms(&admin, a.rooms).await?;
    progress!(
        "created {} rooms in {:.1} s",
        a.rooms,
        t.elapsed().as_secs_f64()
    );
    let m = a.members_per_room.max(1);
    let users = api.register_many(m, c.register_concurrency).await?;
    let sockets: Vec<(usize, usize)> = (0..a.rooms)
        .flat_map(|r| (0..m).map(move |u| (r, u)))
        .collect();
    let plan = ChatPlan {
        title: format!(
            "rooms: {} rooms x {m} members, {} msg/s total",
            a.rooms, a.rate
        ),
        rooms,
        senders: (0..a.rooms).map(|r| r * m).collect(),
        sockets,
        rate: a.rate,
    };
    chat_run(&api, c, &users, plan, &a.chat).await
}

// ---------------------------------------------------------------------------------------
// Idle scenario

async fn idle(a: IdleArgs) -> Result<Report> {
    let c = &a.common;
    if let Some(limit) = read_proc("/proc/self/limits").and_then(|l| {
        l.lines()
            .find(|x| x.starts_with("Max open files"))
            .and_then(|x| x.split_whitespace().nth(3)?.parse::<usize>().ok())
    }) && limit < a.sockets + 100
    {
        progress!(
            "warning: open file limit {limit} is below {} sockets; run `ulimit -n` first",
            a.sockets
        );
    }
    let api = Api::new(&c.url)?;
    let admin = admin_token(&api, c).await?;
    let rooms = api.create_rooms(&admin, a.rooms.max(1)).await?;
    let users = api
        .register_many(a.users.max(1), c.register_concurrency)
        .await?;
    let sh = Shared::new();
    let (stop_tx, stop_rx) = watch::channel(false);
    let plan: Vec<(usize, String, Option<usize>)> = (0..a.sockets)
        .map(|i| (i % rooms.len(), users[i % users.len()].token.clone(), None))
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before = server_rss(c);
    let cpu0 = cpu_snapshot(c.server_pid);
    let config = WebSocketConfig::default()
        .read_buffer_size(8 * 1024)
        .write_buffer_size(0);
    let t = Instant::now();
    let (opened, failures) = open_all(
        &api,
        &rooms,
        plan,
        a.concurrency,
        config,
        &ReaderCtx {
            shared: sh.clone(),
            stop: stop_rx.clone(),
            nsenders: 0,
        },
    )
    .await;
    let open_s = t.elapsed().as_secs_f64();
    let cpu1 = cpu_snapshot(c.server_pid);
    let n_open = opened.iter().filter(|o| o.is_some()).count() as u64;
    progress!(
        "{n_open}/{} sockets open in {open_s:.1} s; holding {:.0} s",
        a.sockets,
        a.hold
    );
    let mut welcome = Hist::default();
    let mut connect = Hist::default();
    for o in opened.iter().flatten() {
        welcome.record(o.welcome_us);
        connect.record(o.connect_us);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_open = server_rss(c);
    let cpu2 = cpu_snapshot(c.server_pid);
    tokio::time::sleep(Duration::from_secs_f64(a.hold)).await;
    let cpu3 = cpu_snapshot(c.server_pid);
    let rss_hold = server_rss(c);
    let alive = opened
        .iter()
        .flatten()
        .filter(|o| !o.reader.is_finished())
        .count() as u64;
    let me_rss = rss_kib("self");
    let _ = stop_tx.send(true);
    let mut ends: BTreeMap<String, u64> = BTreeMap::new();
    let mut types: BTreeMap<String, u64> = BTreeMap::new();
    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    let mut frames = 0u64;
    let mut sinks = Vec::new();
    for o in opened.into_iter().flatten() {
        if let Ok(st) = o.reader.await {
            frames += st.frames;
            if st.end != End::Stopped {
                *ends.entry(st.end.label()).or_default() += 1;
            }
            for (k, v) in st.types {
                *types.entry(k).or_default() += v;
            }
            for (k, v) in st.errors {
                *errors.entry(k).or_default() += v;
            }
        }
        sinks.extend(o.sink);
    }
    let t = Instant::now();
    close_all(sinks).await;
    progress!("closed in {:.1} s", t.elapsed().as_secs_f64());

    let per_socket = match (rss_before.as_u64(), rss_open.as_u64()) {
        (Some(b), Some(a)) if n_open > 0 => {
            Value::from(round2((a as f64 - b as f64) / n_open as f64))
        }
        _ => Value::Null,
    };
    let mut r = Report::new(format!(
        "idle: {} sockets, {} users, {} rooms",
        a.sockets,
        users.len(),
        rooms.len()
    ));
    r.add("sockets_open", n_open);
    r.add("open_failures", map_value(failures));
    r.add("open_s", round2(open_s));
    r.add("opens_per_s", per_s(n_open, open_s));
    r.add("hello_to_welcome_ms", welcome.ms());
    r.add("connect_ms", connect.ms());
    r.add("alive_after_hold", alive);
    r.add("socket_ends", map_value(ends));
    r.add("errors", map_value(errors));
    r.add("frames_received", frames);
    r.add("frame_types", map_value(types));
    r.add(
        "server_rss_kib",
        json!({"before": rss_before, "after_open": rss_open, "after_hold": rss_hold}),
    );
    r.add("server_kib_per_socket", per_socket);
    r.add("loadgen_rss_kib", me_rss);
    r.add("cpu_while_opening", cpu_delta(cpu0, cpu1));
    r.add("cpu_while_idle", cpu_delta(cpu2, cpu3));
    Ok(r)
}

// ---------------------------------------------------------------------------------------
// HTTP scenario

#[derive(Default)]
struct HttpStats {
    /// From the scheduled time to the last byte of the body.
    latency: Hist,
    /// From the actual send to the last byte (what the server and the network took).
    service: Hist,
    /// How late requests left: waiting for a free connection or for the timer.
    lag: Hist,
    sent: u64,
    ok: u64,
    statuses: BTreeMap<u16, u64>,
    errors: BTreeMap<String, u64>,
    bytes: u64,
    /// Requests (warmup included) that did not return 2xx.
    failed_total: u64,
    /// Requests dropped once the schedule was `--give-up-after` behind.
    unsent: u64,
    /// The warmup's own figures (from the schedule, and 2xx answers).
    warmup_latency: Hist,
    warmup_ok: u64,
    /// When the run gave up, seconds after it started.
    gave_up_at: Option<f64>,
    last_done: Option<Instant>,
}

impl HttpStats {
    fn merge(&mut self, o: HttpStats) {
        self.latency.merge(&o.latency);
        self.service.merge(&o.service);
        self.lag.merge(&o.lag);
        self.sent += o.sent;
        self.ok += o.ok;
        for (k, v) in o.statuses {
            *self.statuses.entry(k).or_default() += v;
        }
        for (k, v) in o.errors {
            *self.errors.entry(k).or_default() += v;
        }
        self.bytes += o.bytes;
        self.failed_total += o.failed_total;
        self.unsent += o.unsent;
        self.warmup_latency.merge(&o.warmup_latency);
        self.warmup_ok += o.warmup_ok;
        self.gave_up_at = match (self.gave_up_at, o.gave_up_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_done = self.last_done.max(o.last_done);
    }
}

/// p50 / p90 / p99 / p99.9 / max in milliseconds.
fn percentiles_ms(h: &Hist) -> Value {
    let f = |us: u64| (us as f64 / 1000.0 * 100.0).round() / 100.0;
    json!({"n": h.n, "p50": f(h.quantile(0.5)), "p90": f(h.quantile(0.9)),
           "p99": f(h.quantile(0.99)), "p999": f(h.quantile(0.999)), "max": f(h.max)})
}

/// splitmix64: a fixed shuffle of request numbers for `--random`.
fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn read_paths(a: &HttpArgs) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(&a.paths)
        .with_context(|| format!("reading {}", a.paths.display()))?;
    let base = a.url.trim_end_matches('/');
    let urls: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            if l.starts_with("http://") || l.starts_with("https://") {
                l.to_owned()
            } else if l.starts_with('/') {
                format!("{base}{l}")
            } else {
                format!("{base}/{l}")
            }
        })
        .collect();
    if urls.is_empty() {
        bail!("{} has no paths", a.paths.display());
    }
    Ok(urls)
}

async fn http(a: HttpArgs) -> Result<Report> {
    if !(a.rate > 0.0 && a.duration > 0.0 && a.warmup >= 0.0) {
        bail!("--rate and --duration must be positive, --warmup at least 0");
    }
    let urls = Arc::new(read_paths(&a)?);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs_f64(a.timeout))
        .pool_max_idle_per_host(a.connections)
        .tcp_nodelay(true)
        .build()?;
    let interval = 1e9 / a.rate;
    let warm = (a.warmup * a.rate).round() as u64;
    let total = warm + (a.duration * a.rate).round() as u64;
    let next = Arc::new(AtomicU64::new(0));
    let behind = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let give_up = (a.give_up_after > 0.0).then(|| Duration::from_secs_f64(a.give_up_after));
    let t0 = Instant::now() + Duration::from_millis(200);
    let due = move |i: u64| t0 + Duration::from_nanos((i as f64 * interval) as u64);
    let window_start = due(warm);
    progress!(
        "{} paths, {:.0} req/s on {} connections: {:.0} s warmup + {:.0} s measured",
        urls.len(),
        a.rate,
        a.connections,
        a.warmup,
        a.duration
    );
    let cpu0 = Arc::new(std::sync::Mutex::new(None::<Cpu>));
    let workers: Vec<JoinHandle<HttpStats>> = (0..a.connections.max(1))
        .map(|_| {
            let (client, urls, next, cpu0, behind) = (
                client.clone(),
                urls.clone(),
                next.clone(),
                cpu0.clone(),
                behind.clone(),
            );
            let (random, server_pid) = (a.random, a.server_pid);
            tokio::spawn(async move {
                let mut st = HttpStats::default();
                loop {
                    if behind.load(Relaxed) {
                        break;
                    }
                    let i = next.fetch_add(1, Relaxed);
                    if i >= total {
                        break;
                    }
                    let scheduled = due(i);
                    tokio::time::sleep_until(scheduled.into()).await;
                    if give_up.is_some_and(|g| scheduled.elapsed() > g) {
                        behind.store(true, Relaxed);
                        st.unsent += 1;
                        st.gave_up_at = Some(t0.elapsed().as_secs_f64());
                        break;
                    }
                    if i == warm {
                        *cpu0.lock().expect("not poisoned") = Some(cpu_snapshot(server_pid));
                    }
                    let k = (if random { mix(i) } else { i }) as usize % urls.len();
                    let sent = Instant::now();
                    let outcome = match client.get(&urls[k]).send().await {
                        Ok(resp) => {
                            let status = resp.status();
                            match resp.bytes().await {
                                Ok(body) => Ok((status, body.len())),
                                Err(e) => Err(e),
                            }
                        }
                        Err(e) => Err(e),
                    };
                    let done = Instant::now();
                    let good = matches!(&outcome, Ok((s, _)) if s.is_success());
                    st.failed_total += u64::from(!good);
                    if i < warm {
                        st.warmup_latency
                            .record(done.duration_since(scheduled).as_micros() as u64);
                        st.warmup_ok += u64::from(good);
                        if !good && st.failed_total <= 3 {
                            progress!("warmup request to {} failed: {outcome:?}", urls[k]);
                        }
                        continue;
                    }
                    st.sent += 1;
                    st.latency
                        .record(done.duration_since(scheduled).as_micros() as u64);
                    st.service
                        .record(done.duration_since(sent).as_micros() as u64);
                    st.lag
                        .record(sent.saturating_duration_since(scheduled).as_micros() as u64);
                    st.last_done = Some(done);
                    match outcome {
                        Ok((status, n)) => {
                            st.bytes += n as u64;
                            if status.is_success() {
                                st.ok += 1;
                            } else {
                                *st.statuses.entry(status.as_u16()).or_default() += 1;
                            }
                        }
                        Err(e) => {
                            let kind = if e.is_timeout() {
                                "timeout".to_owned()
                            } else if e.is_connect() {
                                "connect".to_owned()
                            } else {
                                short(&e.to_string())
                            };
                            *st.errors.entry(kind).or_default() += 1;
                        }
                    }
                }
                st
            })
        })
        .collect();
    let mut st = HttpStats::default();
    for w in workers {
        st.merge(w.await?);
    }
    let cpu1 = cpu_snapshot(a.server_pid);
    st.unsent += total.saturating_sub(next.load(Relaxed).min(total));
    let cpu0 = cpu0.lock().expect("not poisoned").take();
    let measured_s = st
        .last_done
        .map_or(0.0, |d| d.duration_since(window_start).as_secs_f64());

    let mut r = Report::new(format!(
        "http: {:.0} req/s, {} connections, {:.0} s, {} paths",
        a.rate,
        a.connections,
        a.duration,
        urls.len()
    ));
    let non_2xx: u64 = st.statuses.values().sum();
    let errors: u64 = st.errors.values().sum();
    r.add("sent", st.sent);
    r.add("ok_2xx", st.ok);
    r.add(
        "non_2xx",
        map_value(st.statuses.iter().map(|(k, v)| (k, *v))),
    );
    r.add("errors", map_value(st.errors.iter().map(|(k, v)| (k, *v))));
    r.add("achieved_rate_per_s", per_s(st.sent, measured_s));
    r.add("latency_ms", percentiles_ms(&st.latency));
    r.add("service_ms", percentiles_ms(&st.service));
    r.add("start_lag_ms", percentiles_ms(&st.lag));
    r.add(
        "bytes_per_response",
        st.bytes.checked_div(st.sent).unwrap_or(0),
    );
    if let Some(c0) = cpu0 {
        r.add("cpu", cpu_delta(c0, cpu1));
    }
    r.add(
        "warmup",
        json!({"ok_2xx": st.warmup_ok, "latency_ms": percentiles_ms(&st.warmup_latency)}),
    );
    if st.unsent > 0 {
        r.add("unsent_behind_schedule", st.unsent);
        r.add("gave_up_after_s", st.gave_up_at.map(round2));
    }
    if st.unsent > 0 {
        r.failure = Some(format!(
            "gave up: requests were more than {} s behind schedule (the server cannot keep up \
             with {:.0} req/s); {} not sent, {} failed",
            a.give_up_after, a.rate, st.unsent, st.failed_total
        ));
    } else if st.failed_total > 0 {
        r.failure = Some(format!(
            "{} requests failed ({non_2xx} non-2xx and {errors} errors in the measured window)",
            st.failed_total
        ));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_contiguous_and_tight() {
        for i in 0..NBUCKETS - 1 {
            assert!(Hist::lower(i) < Hist::lower(i + 1), "bucket {i}");
            assert_eq!(Hist::bucket(Hist::lower(i)), i);
            assert_eq!(Hist::bucket(Hist::lower(i + 1) - 1), i);
        }
        let mut h = Hist::default();
        for v in 1..=100_000u64 {
            h.record(v);
        }
        let p50 = h.quantile(0.5) as f64;
        assert!((p50 / 50_000.0 - 1.0).abs() < 0.02, "{p50}");
        assert_eq!(h.quantile(1.0), 100_000);
    }

    #[test]
    fn stamps_and_bitsets() {
        assert_eq!(parse_stamp("3:17:123456:xx", ':'), Some((3, 17, 123_456)));
        assert_eq!(parse_stamp("3.17.9", '.'), Some((3, 17, 9)));
        assert_eq!(parse_stamp("hello", ':'), None);
        let mut a = Bitset::default();
        let mut b = Bitset::default();
        assert!(!a.set(5));
        assert!(a.set(5));
        a.set(700);
        b.set(5);
        assert_eq!((a.count(), a.minus_count(&b), b.minus_count(&a)), (2, 1, 0));
    }
}
