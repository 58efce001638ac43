//! Rendered JSON of public records and of search pages, so reads of the catalogue do not
//! touch the database while nothing changes.
//!
//! Correctness rests on one rule: every write to practices (or their comments,
//! endorsements, adoptions) calls `changed` after its commit, and other instances hear of it
//! through NOTIFY (`c:<id>` on the rooms channel; after the listener reconnects, everything
//! is dropped). A generation counter closes the race with a read that started before the
//! write and finishes after it: such a read may answer, but does not store its result.
//! Changes to what records show from elsewhere (an organization's name) clear everything.
//! Entries also expire after `ttl`, a safety net for a change this cache is not told of.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use tokio::sync::OnceCell;
use uuid::Uuid;

use crate::pubsub::{Delivery, PubSub, Topic};

/// A public record, as anonymous callers see it (no contact) and as signed-in users do.
#[derive(Clone)]
pub struct RecordBytes {
    pub anonymous: Bytes,
    pub signed_in: Bytes,
}

/// What an entry costs in memory (its JSON bytes; keys and bookkeeping are small).
trait Weight {
    fn weight(&self) -> usize;
}

impl Weight for Bytes {
    fn weight(&self) -> usize {
        self.len()
    }
}

impl Weight for RecordBytes {
    fn weight(&self) -> usize {
        self.anonymous.len() + self.signed_in.len()
    }
}

struct Entry<V> {
    value: V,
    at: Instant,
}

struct Entries<K, V> {
    map: HashMap<K, Entry<V>>,
    bytes: usize,
}

/// A map bounded by the bytes of its values.
struct Map<K, V> {
    entries: RwLock<Entries<K, V>>,
    budget: usize,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone + Weight> Map<K, V> {
    fn new(budget: usize) -> Self {
        Self {
            entries: RwLock::new(Entries {
                map: HashMap::new(),
                bytes: 0,
            }),
            budget,
        }
    }

    fn get(&self, key: &K, ttl: Duration) -> Option<V> {
        let e = self.entries.read().unwrap_or_else(|e| e.into_inner());
        e.map
            .get(key)
            .filter(|e| e.at.elapsed() < ttl)
            .map(|e| e.value.clone())
    }

    fn put(&self, key: K, value: V) {
        let w = value.weight();
        if w > self.budget / 10 {
            return; // one huge page must not push out everything else
        }
        let mut e = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = e.map.remove(&key) {
            e.bytes -= old.value.weight();
        }
        if e.bytes + w > self.budget {
            // Drop entries in the map's (arbitrary) order down to 90 % of the budget:
            // bounded memory, and no bookkeeping on the read path.
            let target = self.budget / 10 * 9 - w;
            let mut victims = Vec::new();
            let mut bytes = e.bytes;
            for (k, v) in &e.map {
                if bytes <= target {
                    break;
                }
                bytes -= v.value.weight();
                victims.push(k.clone());
            }
            for k in victims {
                if let Some(v) = e.map.remove(&k) {
                    e.bytes -= v.value.weight();
                }
            }
        }
        e.bytes += w;
        e.map.insert(
            key,
            Entry {
                value,
                at: Instant::now(),
            },
        );
    }

    fn remove(&self, key: &K) {
        let mut e = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = e.map.remove(key) {
            e.bytes -= old.value.weight();
        }
    }

    fn clear(&self) {
        let mut e = self.entries.write().unwrap_or_else(|e| e.into_inner());
        e.map.clear();
        e.bytes = 0;
    }
}

/// Memory for rendered records and for search pages.
const RECORD_BUDGET: usize = 128 << 20;
const SEARCH_BUDGET: usize = 64 << 20;

pub struct PracticeCache {
    ttl: Duration,
    generation: AtomicU64,
    records: Map<Uuid, RecordBytes>,
    searches: Map<String, Bytes>,
    /// Searches being run, by key and generation: requests for the same page wait for the
    /// one query instead of each running it (a popular page expiring, or a cold start).
    inflight: Mutex<HashMap<FlightKey, Arc<OnceCell<Bytes>>>>,
}

/// A search's cache key and the cache generation it was started in.
type FlightKey = (String, u64);

/// The search being run for a key; `finish` it when done, whatever the outcome.
pub struct Flight {
    key: FlightKey,
    pub cell: Arc<OnceCell<Bytes>>,
}

impl PracticeCache {
    /// `ttl` zero turns caching off.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            generation: AtomicU64::new(0),
            records: Map::new(RECORD_BUDGET),
            searches: Map::new(SEARCH_BUDGET),
            inflight: Mutex::new(HashMap::new()),
        }
    }

    /// Joins the run of this search at this generation, or starts it.
    pub fn flight(&self, key: &str, generation: u64) -> Flight {
        let key = (key.to_owned(), generation);
        let mut map = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
        let cell = map.entry(key.clone()).or_default().clone();
        Flight { key, cell }
    }

    pub fn finish(&self, flight: Flight) {
        let mut map = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
        if map
            .get(&flight.key)
            .is_some_and(|c| Arc::ptr_eq(c, &flight.cell))
        {
            map.remove(&flight.key);
        }
    }

    pub fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    /// Read before loading what will be stored with `put_*`.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn record(&self, id: Uuid) -> Option<RecordBytes> {
        if !self.enabled() {
            return None;
        }
        self.records.get(&id, self.ttl)
    }

    pub fn put_record(&self, id: Uuid, value: RecordBytes, generation: u64) {
        if self.enabled() && self.generation() == generation {
            self.records.put(id, value);
        }
    }

    pub fn search(&self, key: &str) -> Option<Bytes> {
        if !self.enabled() {
            return None;
        }
        self.searches.get(&key.to_owned(), self.ttl)
    }

    pub fn put_search(&self, key: String, value: Bytes, generation: u64) {
        if self.enabled() && self.generation() == generation {
            self.searches.put(key, value);
        }
    }

    /// A practice changed: its record goes, and so does every search page (any of them
    /// may list it, count it in a facet, or sort by what changed).
    pub fn changed(&self, id: Uuid) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.records.remove(&id);
        self.searches.clear();
    }

    /// Changes may have been missed (the listener was away): forget everything.
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.records.clear();
        self.searches.clear();
    }

    /// Listens for changes to practices (`<id>` or `all`) and to organizations, whose
    /// names records show, on this instance and the others. A resync forgets everything.
    pub fn subscribe(self: &Arc<Self>, pubsub: &PubSub) {
        let c = Arc::downgrade(self);
        pubsub.subscribe(Topic::Practice, move |d| {
            let Some(c) = c.upgrade() else { return };
            match d {
                Delivery::Item(ALL) | Delivery::Resync => c.clear(),
                Delivery::Item(id) => {
                    if let Ok(id) = id.parse() {
                        c.changed(id);
                    }
                }
            }
        });
        let c = Arc::downgrade(self);
        pubsub.subscribe(Topic::Organization, move |_| {
            if let Some(c) = c.upgrade() {
                c.clear();
            }
        });
    }
}

/// The body of a `Topic::Practice` item that clears every record.
pub const ALL: &str = "all";

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &'static str) -> RecordBytes {
        RecordBytes {
            anonymous: Bytes::from_static(s.as_bytes()),
            signed_in: Bytes::from_static(s.as_bytes()),
        }
    }

    #[test]
    fn a_change_during_a_read_keeps_the_stale_result_out() {
        let c = PracticeCache::new(Duration::from_secs(30));
        let id = Uuid::now_v7();
        let g = c.generation();
        c.changed(Uuid::now_v7());
        c.put_record(id, bytes("old"), g);
        assert!(c.record(id).is_none());
        let g = c.generation();
        c.put_record(id, bytes("new"), g);
        assert_eq!(&c.record(id).unwrap().anonymous[..], b"new");
        c.changed(id);
        assert!(c.record(id).is_none());
        c.put_record(id, bytes("again"), c.generation());
        c.clear();
        assert!(c.record(id).is_none());
    }

    #[test]
    fn off_when_ttl_is_zero_and_bounded_when_full() {
        let off = PracticeCache::new(Duration::ZERO);
        off.put_search("k".into(), Bytes::from_static(b"v"), off.generation());
        assert!(off.search("k").is_none());
        let m: Map<u32, Bytes> = Map::new(10_000);
        let page = Bytes::from(vec![b'x'; 900]);
        for i in 0..100 {
            m.put(i, page.clone());
            let e = m.entries.read().unwrap();
            assert!(e.bytes <= 10_000, "{} bytes after {i}", e.bytes);
            assert_eq!(e.bytes, e.map.len() * 900);
        }
        assert!(
            m.get(&99, Duration::from_secs(1)).is_some(),
            "the newest stays"
        );
        m.put(99, Bytes::from(vec![b'y'; 100]));
        m.remove(&98);
        let e = m.entries.read().unwrap();
        assert_eq!(
            e.bytes,
            e.map.values().map(|v| v.value.len()).sum::<usize>()
        );
        drop(e);
        m.put(1000, Bytes::from(vec![b'z'; 5_000]));
        assert!(
            m.get(&1000, Duration::from_secs(1)).is_none(),
            "over a tenth: not kept"
        );
    }
}
