//! Messages between the instances of one deployment, over PostgreSQL's LISTEN/NOTIFY: one
//! channel, one LISTEN connection per instance, typed topics.
//!
//! A NOTIFY payload is a space-separated list of items `<topic>:<body>`; several items share
//! one payload where their sender batches them. Subscribers get each item of their topic,
//! and `Delivery::Resync` after the listener reconnected (what was sent while it was away is
//! lost; a subscriber that keeps derived state must rebuild or drop it).
//!
//! `publish` also delivers to this instance's subscribers at once, before the NOTIFY goes
//! out, so that what a request changed is seen by the next request here. The NOTIFY comes
//! back to this instance too: handlers must be idempotent.

use std::collections::HashMap;
use std::sync::{Arc, RwLock, Weak};
use std::time::Duration;

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::StreamExt;

use uuid::Uuid;

use crate::db::DbPool;

/// The one channel of the deployment.
pub const CHANNEL: &str = "livinglab_events";
/// NOTIFY payloads must stay below 8000 bytes.
const MAX_PAYLOAD: usize = 7900;
/// Tries of `publish`'s NOTIFY (waits of 50, 100, 200, 400 ms between them).
const NOTIFY_ATTEMPTS: u32 = 5;

/// What may travel between instances. The prefix on the wire is fixed per topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// A room's log grew: `<room>:<from seq>:<to seq>`.
    RoomLog,
    /// An instance's presence in a room changed: `<room>:<instance>`.
    RoomPresence,
    /// A good-practice record changed (`<id>`), or all of them may have (`all`).
    Practice,
    /// An organization's public fields changed: `<id>`.
    Organization,
    /// Someone's rights may have changed: see `Rights`.
    Rights,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::RoomLog,
        Topic::RoomPresence,
        Topic::Practice,
        Topic::Organization,
        Topic::Rights,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Topic::RoomLog => "r",
            Topic::RoomPresence => "p",
            Topic::Practice => "c",
            Topic::Organization => "o",
            Topic::Rights => "x",
        }
    }

    fn of(prefix: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.prefix() == prefix)
    }

    /// The item as it travels: `<prefix>:<body>`.
    pub fn item(self, body: &str) -> String {
        format!("{}:{body}", self.prefix())
    }
}

/// Whose rights to re-check, published after the commit by whichever domain changed what
/// they rest on (a seat, a membership, a role, a session). Holders of long-lived rights (a
/// room socket) re-read them from the database; the message says only where to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rights {
    /// Everything `user` holds: their sessions, their roles, their seats.
    User(Uuid),
    /// Everyone in room `room` (its access rule or organization changed).
    Room(Uuid),
}

impl Rights {
    fn body(self) -> String {
        match self {
            Rights::User(u) => format!("u:{u}"),
            Rights::Room(r) => format!("r:{r}"),
        }
    }

    pub fn parse(body: &str) -> Option<Rights> {
        let (kind, id) = body.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "u" => Some(Rights::User(id)),
            "r" => Some(Rights::Room(id)),
            _ => None,
        }
    }
}

/// What a subscriber is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery<'a> {
    /// One item's body (without the topic prefix).
    Item(&'a str),
    /// The listener reconnected: items may have been lost.
    Resync,
}

type Handler = Arc<dyn Fn(Delivery<'_>) + Send + Sync>;

struct Inner {
    pool: DbPool,
    handlers: RwLock<HashMap<Topic, Vec<Handler>>>,
    spawner: tokio::runtime::Handle,
}

/// The instance's end of the channel. Cheap to clone.
#[derive(Clone)]
pub struct PubSub(Arc<Inner>);

impl PubSub {
    /// Starts the LISTEN connection on the current runtime. `database_url` is for the
    /// listener, which must not come from the pool; NOTIFYs go out on pooled connections.
    pub fn start(pool: DbPool, database_url: String) -> Self {
        let inner = Arc::new(Inner {
            pool,
            handlers: RwLock::new(HashMap::new()),
            spawner: tokio::runtime::Handle::current(),
        });
        tokio::spawn(listen(Arc::downgrade(&inner), database_url));
        Self(inner)
    }

    /// Calls `handler` for every item of `topic`, from this instance and the others, and
    /// with `Resync` after a reconnect. Handlers run on the listener's task: keep them short
    /// and non-blocking (hand work to a channel).
    pub fn subscribe(&self, topic: Topic, handler: impl Fn(Delivery<'_>) + Send + Sync + 'static) {
        self.0
            .handlers
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(topic)
            .or_default()
            .push(Arc::new(handler));
    }

    /// Delivers `body` to this instance's subscribers now and sends it to every instance
    /// (this one included) after the caller's commit: call it once the change is committed.
    pub fn publish(&self, topic: Topic, body: &str) {
        self.0.deliver(topic, Delivery::Item(body));
        let item = topic.item(body);
        let pool = self.0.pool.clone();
        self.0.spawner.spawn(async move {
            // A lost item leaves other instances' sockets with rights they lost: try a few
            // times (a pool briefly exhausted, a connection reset) before giving up.
            let mut wait = Duration::from_millis(50);
            for attempt in 1..=NOTIFY_ATTEMPTS {
                let sent = match pool.get().await {
                    Ok(mut c) => notify(&mut c, &item).await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                match sent {
                    Ok(()) => return,
                    Err(e) if attempt == NOTIFY_ATTEMPTS => {
                        tracing::error!(error = %e, item, attempt,
                            "NOTIFY failed; other instances miss this item until they resync");
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, attempt, retry_in = ?wait, "NOTIFY failed");
                        tokio::time::sleep(wait).await;
                        wait *= 2;
                    }
                }
            }
        });
    }

    /// Sends `bodies` of one topic to every instance (not to this one's subscribers first),
    /// packed into as few NOTIFYs as the payload limit allows. For senders that batch and
    /// deliver locally by themselves.
    pub async fn send(
        &self,
        conn: &mut AsyncPgConnection,
        topic: Topic,
        bodies: impl IntoIterator<Item = String>,
    ) -> diesel::QueryResult<()> {
        for payload in pack(bodies.into_iter().map(|b| topic.item(&b))) {
            notify(conn, &payload).await?;
        }
        Ok(())
    }

    /// `publish` for `Topic::Rights` (after the commit).
    pub fn rights_changed(&self, rights: Rights) {
        self.publish(Topic::Rights, &rights.body());
    }

    pub fn pool(&self) -> &DbPool {
        &self.0.pool
    }
}

impl Inner {
    fn deliver(&self, topic: Topic, d: Delivery<'_>) {
        let handlers = self
            .handlers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&topic)
            .cloned()
            .unwrap_or_default();
        for h in handlers {
            h(d);
        }
    }

    fn resync(&self) {
        for topic in Topic::ALL {
            self.deliver(topic, Delivery::Resync);
        }
    }

    fn dispatch(&self, payload: &str) {
        for item in payload.split(' ') {
            let Some((prefix, body)) = item.split_once(':') else {
                continue;
            };
            match Topic::of(prefix) {
                Some(topic) => self.deliver(topic, Delivery::Item(body)),
                None => tracing::debug!(item, "notification of an unknown topic"),
            }
        }
    }
}

/// Items joined by spaces into payloads below the NOTIFY limit.
fn pack(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut payloads: Vec<String> = Vec::new();
    for item in items {
        match payloads.last_mut() {
            Some(cur) if cur.len() + 1 + item.len() <= MAX_PAYLOAD => {
                cur.push(' ');
                cur.push_str(&item);
            }
            _ => payloads.push(item),
        }
    }
    payloads
}

async fn notify(conn: &mut AsyncPgConnection, payload: &str) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<diesel::sql_types::Text, _>(CHANNEL)
        .bind::<diesel::sql_types::Text, _>(payload)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The instance's one LISTEN connection. It reconnects with backoff and tells every
/// subscriber `Resync` once it listens (after the first connect and each reconnect).
async fn listen(inner: Weak<Inner>, url: String) {
    let mut backoff = Duration::from_millis(100);
    let mut first = true;
    loop {
        if inner.upgrade().is_none() {
            return;
        }
        let conn = async {
            let mut c = AsyncPgConnection::establish(&url).await?;
            diesel::sql_query(format!("LISTEN {CHANNEL}"))
                .execute(&mut c)
                .await
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            Ok::<_, diesel::ConnectionError>(c)
        };
        let mut conn = match conn.await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?backoff, "listener cannot connect");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(5));
                continue;
            }
        };
        backoff = Duration::from_millis(100);
        // Items published before LISTEN was up never reach this instance: its
        // subscribers resync after the first connect too (cheap then: few sockets yet).
        match inner.upgrade() {
            Some(i) => {
                if first {
                    tracing::debug!("listener connected; resyncing");
                } else {
                    tracing::info!("listener reconnected; resyncing");
                }
                i.resync();
            }
            None => return,
        }
        first = false;
        let mut stream = std::pin::pin!(conn.notifications_stream());
        while let Some(n) = stream.next().await {
            let n = match n {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "listener lost its connection");
                    break;
                }
            };
            let Some(i) = inner.upgrade() else { return };
            i.dispatch(&n.payload);
        }
        tokio::time::sleep(backoff).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_stay_under_the_limit_and_keep_every_item() {
        let items: Vec<String> = (0..2000)
            .map(|i| Topic::RoomLog.item(&format!("{i:040}")))
            .collect();
        let payloads = pack(items.clone().into_iter());
        assert!(payloads.len() > 1);
        assert!(payloads.iter().all(|p| p.len() <= MAX_PAYLOAD));
        let back: Vec<&str> = payloads.iter().flat_map(|p| p.split(' ')).collect();
        assert_eq!(back, items.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn rights_travel_and_come_back() {
        let id = Uuid::now_v7();
        for r in [Rights::User(id), Rights::Room(id)] {
            assert_eq!(Rights::parse(&r.body()), Some(r));
        }
        assert_eq!(Rights::parse("u:nope"), None);
        assert_eq!(Rights::parse("z:{id}"), None);
    }

    #[test]
    fn every_topic_has_its_own_prefix() {
        for t in Topic::ALL {
            assert_eq!(Topic::of(t.prefix()), Some(t));
            assert_eq!(
                Topic::ALL
                    .iter()
                    .filter(|u| u.prefix() == t.prefix())
                    .count(),
                1
            );
        }
    }
}
