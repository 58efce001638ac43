//! `livinglab seed`: a large, realistic and reproducible catalogue of good practices for
//! development and load runs.
//!
//! Organizations (mostly cities, in 29 European countries) with an owner each, a crowd of
//! plain users, and practices written from per-language, per-theme vocabularies in eight
//! languages, with endorsements, comments and adoptions whose counters match their rows.
//! Every value comes from one `StdRng` consumed in a fixed order and timestamps are laid
//! out backwards from a fixed day, so one `--seed` always gives the same rows, ids included.
//!
//! Each batch of practices travels as one JSON parameter (`jsonb_array_elements`), a few
//! batches at once; the generated columns (title, search vector...) are PostgreSQL's work.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, SecondsFormat, TimeDelta, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Jsonb, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::{StreamExt, stream};
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::db::DbPool;
use vocab::{COUNTRIES, Country, GROUPS, LANGS, Lang, Vocab};

/// Practices per statement (one JSON parameter of about 1.5 MB).
const BATCH: usize = 500;
/// Batches in flight at once, each in its own transaction on its own connection.
const PARALLEL: usize = 2;
/// The password of every seeded account.
pub const PASSWORD: &str = "seed-password-123";
pub const EMAIL_DOMAIN: &str = "seed.livinglab.test";
/// Timestamps spread over the `YEARS` before this instant (or before now, if that is
/// earlier), so that a seed gives the same rows whenever it runs.
const ANCHOR: &str = "2026-11-01T00:00:00Z";
const YEARS: u64 = 6;

/// Every key of a practice's `content`, which is also what its first revision changed.
const CONTENT_KEYS: [&str; 19] = [
    "title",
    "summary",
    "body",
    "theme_ids",
    "tags",
    "language",
    "implementation_status",
    "start_date",
    "end_date",
    "budget",
    "funding_sources",
    "results",
    "lessons_learned",
    "transferability",
    "stakeholders_involved",
    "location",
    "indicators",
    "links",
    "contact",
];

const INSERT_USERS: &str = "\
INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at)
SELECT (r->>'id')::uuid, r->>'email', $2, r->>'name', r->>'role',
       (r->>'at')::timestamptz, (r->>'at')::timestamptz
FROM jsonb_array_elements($1) AS r";

const INSERT_ORGANIZATIONS: &str = "\
INSERT INTO organizations (id, name, kind, country, population, website, description,
                           verified_at, created_by, created_at, updated_at)
SELECT (r->>'id')::uuid, r->>'name', r->>'kind', r->>'country', (r->>'population')::bigint,
       r->>'website', r->>'description', (r->>'verified_at')::timestamptz,
       (r->>'owner')::uuid, (r->>'at')::timestamptz, (r->>'at')::timestamptz
FROM jsonb_array_elements($1) AS r";

const INSERT_MEMBERS: &str = "\
INSERT INTO organization_members (organization_id, user_id, role, created_at)
SELECT (r->>'id')::uuid, (r->>'owner')::uuid, 'owner', (r->>'at')::timestamptz
FROM jsonb_array_elements($1) AS r";

/// The practices and, from what they return, their first revisions.
const INSERT_PRACTICES: &str = "\
WITH ins AS (
  INSERT INTO practices (id, organization_id, status, content, revision, hidden_at,
                         hidden_reason, hidden_by, comment_count, endorsement_count,
                         adoption_count, created_by, created_at, updated_at, published_at)
  SELECT (r->>'id')::uuid, (r->>'organization_id')::uuid, r->>'status', r->'content', 1,
         (r->>'hidden_at')::timestamptz, r->>'hidden_reason', (r->>'hidden_by')::uuid,
         (r->>'comment_count')::int, (r->>'endorsement_count')::int,
         (r->>'adoption_count')::int, (r->>'created_by')::uuid,
         (r->>'created_at')::timestamptz, (r->>'updated_at')::timestamptz,
         (r->>'published_at')::timestamptz
  FROM jsonb_array_elements($1) AS r
  RETURNING id, created_by, created_at, content
)
INSERT INTO practice_revisions (practice_id, number, author_id, created_at, changed_fields, content)
SELECT id, 1, created_by, created_at, $2, content FROM ins";

const INSERT_ENDORSEMENTS: &str = "\
INSERT INTO practice_endorsements (practice_id, user_id, created_at)
SELECT (r->>'p')::uuid, (r->>'u')::uuid, (r->>'at')::timestamptz
FROM jsonb_array_elements($1) AS r";

const INSERT_COMMENTS: &str = "\
INSERT INTO practice_comments (id, practice_id, parent_id, author_id, body, created_at,
                               edited_at, deleted_at)
SELECT (r->>'id')::uuid, (r->>'p')::uuid, (r->>'parent')::uuid, (r->>'author')::uuid,
       r->>'body', (r->>'at')::timestamptz, (r->>'edited_at')::timestamptz,
       (r->>'deleted_at')::timestamptz
FROM jsonb_array_elements($1) AS r";

const INSERT_ADOPTIONS: &str = "\
INSERT INTO practice_adoptions (id, practice_id, organization_id, status, note, created_by,
                                created_at, updated_at)
SELECT (r->>'id')::uuid, (r->>'p')::uuid, (r->>'o')::uuid, r->>'status', r->>'note',
       (r->>'by')::uuid, (r->>'at')::timestamptz, (r->>'updated_at')::timestamptz
FROM jsonb_array_elements($1) AS r";

/// Practices whose counters disagree with their rows (must be none).
const COUNT_MISMATCHES: &str = "\
SELECT count(*) AS n FROM practices p
LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_endorsements GROUP BY 1) e
       ON e.practice_id = p.id
LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_comments
           WHERE deleted_at IS NULL GROUP BY 1) c ON c.practice_id = p.id
LEFT JOIN (SELECT practice_id, count(*) AS n FROM practice_adoptions GROUP BY 1) a
       ON a.practice_id = p.id
WHERE p.endorsement_count <> coalesce(e.n, 0) OR p.comment_count <> coalesce(c.n, 0)
   OR p.adoption_count <> coalesce(a.n, 0)";

pub struct SeedOptions {
    pub practices: usize,
    pub organizations: usize,
    /// The same seed gives the same rows.
    pub seed: u64,
    /// Add to a database that already has practices (with new organizations and users).
    pub append: bool,
}

/// What one run made.
#[derive(Debug, Default)]
pub struct SeedSummary {
    pub seed: u64,
    /// `Some(n)` for an `--append` run: its accounts are `seed-owner-r<n>-...`.
    pub run: Option<i64>,
    pub organizations: usize,
    pub users: usize,
    pub tally: Tally,
    pub terms: i64,
    pub timings: Vec<(&'static str, Duration)>,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub practices: usize,
    pub statuses: BTreeMap<&'static str, usize>,
    pub languages: BTreeMap<&'static str, usize>,
    pub hidden: usize,
    pub endorsements: usize,
    pub comments: usize,
    pub deleted_comments: usize,
    pub adoptions: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.practices += o.practices;
        for (k, v) in o.statuses {
            *self.statuses.entry(k).or_default() += v;
        }
        for (k, v) in o.languages {
            *self.languages.entry(k).or_default() += v;
        }
        self.hidden += o.hidden;
        self.endorsements += o.endorsements;
        self.comments += o.comments;
        self.deleted_comments += o.deleted_comments;
        self.adoptions += o.adoptions;
    }
}

impl fmt::Display for SeedSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: Duration = self.timings.iter().map(|t| t.1).sum();
        let steps: Vec<String> = self
            .timings
            .iter()
            .map(|(k, d)| format!("{k} {:.1} s", d.as_secs_f64()))
            .collect();
        let counts = |m: &BTreeMap<&str, usize>| {
            let mut v: Vec<_> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let who = match self.run {
            Some(r) => format!("seed-<kind>-r{r}-<n>@{EMAIL_DOMAIN}"),
            None => format!("seed-<kind>-<n>@{EMAIL_DOMAIN}"),
        };
        let t = &self.tally;
        writeln!(
            f,
            "seeded (--seed {}) in {:.1} s: {}",
            self.seed,
            total.as_secs_f64(),
            steps.join(", ")
        )?;
        writeln!(
            f,
            "  organizations  {} (each with an owner)",
            self.organizations
        )?;
        writeln!(
            f,
            "  accounts       {} owners, {} users, 1 moderator: {who}, password {PASSWORD}",
            self.organizations, self.users
        )?;
        writeln!(
            f,
            "  practices      {}: {}; {} hidden",
            t.practices,
            counts(&t.statuses),
            t.hidden
        )?;
        writeln!(f, "  languages      {}", counts(&t.languages))?;
        writeln!(f, "  revisions      {}", t.practices)?;
        writeln!(f, "  endorsements   {}", t.endorsements)?;
        writeln!(
            f,
            "  comments       {} ({} deleted)",
            t.comments, t.deleted_comments
        )?;
        writeln!(f, "  adoptions      {}", t.adoptions)?;
        write!(f, "  search terms   {} in practice_terms", self.terms)
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn count(conn: &mut AsyncPgConnection, sql: &str) -> anyhow::Result<i64> {
    let c: Count = diesel::sql_query(sql)
        .get_result(conn)
        .await
        .with_context(|| format!("running {sql}"))?;
    Ok(c.n)
}

#[derive(QueryableByName)]
struct ThemeRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    slug: String,
}

/// About one plain user per 50 practices, 100 to 2,000: enough for a few practices with
/// hundreds of endorsements.
fn plain_users(practices: usize) -> usize {
    (practices / 50).clamp(100, 2000)
}

fn anchor() -> DateTime<Utc> {
    let fixed = DateTime::parse_from_rfc3339(ANCHOR)
        .expect("ANCHOR is RFC 3339")
        .with_timezone(&Utc);
    fixed.min(Utc::now())
}

pub async fn run(pool: &DbPool, opts: &SeedOptions) -> anyhow::Result<SeedSummary> {
    let mut conn = pool.get().await.context("connecting to the database")?;
    let existing = count(&mut conn, "SELECT count(*) AS n FROM practices").await?;
    if existing > 0 && !opts.append {
        bail!(
            "the database already has {existing} practices: seed an empty database, or pass \
             --append to add more (with new organizations and accounts)"
        );
    }
    if opts.practices > 0 && opts.organizations == 0 {
        bail!("practices need organizations: --organizations must be at least 1");
    }
    let run = if opts.append {
        // Any number that changes from one run to the next keeps the emails unique.
        Some(count(&mut conn, "SELECT count(*) AS n FROM users").await?)
    } else {
        let sql = format!("SELECT count(*) AS n FROM users WHERE email LIKE '%@{EMAIL_DOMAIN}'");
        let n = count(&mut conn, &sql).await?;
        if n > 0 {
            bail!("the database already has {n} seeded accounts: pass --append to add more");
        }
        None
    };
    let themes: Vec<ThemeRow> = diesel::sql_query("SELECT id, slug FROM themes ORDER BY slug")
        .load(&mut conn)
        .await
        .context("loading the themes")?;
    if themes.is_empty() {
        bail!("the themes table is empty: are the migrations applied?");
    }
    let themes: Vec<(Uuid, String)> = themes.into_iter().map(|t| (t.id, t.slug)).collect();

    let mut summary = SeedSummary {
        seed: opts.seed,
        run,
        organizations: opts.organizations,
        users: plain_users(opts.practices),
        ..SeedSummary::default()
    };
    let seed = match run {
        Some(r) => opts.seed ^ (r as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        None => opts.seed,
    };
    let mut rng = StdRng::seed_from_u64(seed);
    let t = Instant::now();
    let world = World::generate(
        &mut rng,
        opts.organizations,
        summary.users,
        &themes,
        run,
        anchor(),
    )?;
    // One hash for every account: Argon2 is slow on purpose.
    let hash = tokio::task::spawn_blocking(|| crate::auth::password::hash_blocking(PASSWORD))
        .await
        .context("hashing task")?
        .map_err(|e| anyhow!("hashing the seed password: {e}"))?;
    world.insert(&mut conn, &hash).await?;
    summary
        .timings
        .push(("accounts and organizations", t.elapsed()));
    drop(conn);

    let t = Instant::now();
    let total = opts.practices;
    let mut next_report = total.div_ceil(10).max(BATCH);
    let mut inserts = stream::iter((0..total).step_by(BATCH))
        .map(|start| {
            let batch = generate_batch(&mut rng, &world, BATCH.min(total - start));
            insert_batch(pool, batch)
        })
        .buffered(PARALLEL);
    while let Some(tally) = inserts.next().await {
        summary.tally.add(tally?);
        if summary.tally.practices >= next_report || summary.tally.practices == total {
            tracing::info!(
                "{} of {total} practices in {:.1} s",
                summary.tally.practices,
                t.elapsed().as_secs_f64()
            );
            next_report += total.div_ceil(10).max(BATCH);
        }
    }
    drop(inserts);
    summary.timings.push(("practices", t.elapsed()));

    let mut conn = pool.get().await.context("connecting to the database")?;
    let t = Instant::now();
    // The typo-tolerance lexicon, as the server fills it on every write.
    diesel::sql_query(super::repo::add_terms_sql("TRUE"))
        .execute(&mut conn)
        .await
        .context("filling practice_terms")?;
    summary.terms = count(&mut conn, "SELECT count(*) AS n FROM practice_terms").await?;
    summary.timings.push(("search terms", t.elapsed()));
    let t = Instant::now();
    // Every table written, organizations included: without their statistics the planner
    // takes `kind = 'city'` for 2 rows and searches by organization instead of through
    // the full-text index (measured: 600 ms instead of 13 ms).
    diesel::sql_query(
        "ANALYZE practices, practice_terms, practice_endorsements, practice_comments, \
         practice_adoptions, practice_revisions, organizations, organization_members, users",
    )
    .execute(&mut conn)
    .await
    .context("analyzing")?;
    let bad = count(&mut conn, COUNT_MISMATCHES).await?;
    if bad > 0 {
        bail!("{bad} practices have counters that disagree with their rows");
    }
    summary.timings.push(("analyze and check", t.elapsed()));
    Ok(summary)
}

async fn insert_json(
    conn: &mut AsyncPgConnection,
    sql: &'static str,
    rows: Vec<Value>,
) -> diesel::QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    diesel::sql_query(sql)
        .bind::<Jsonb, _>(Value::Array(rows))
        .execute(conn)
        .await
}

async fn insert_batch(pool: &DbPool, batch: Batch) -> anyhow::Result<Tally> {
    let mut conn = pool.get().await.context("connecting to the database")?;
    let Batch {
        practices,
        endorsements,
        comments,
        adoptions,
        tally,
    } = batch;
    let keys: Vec<String> = CONTENT_KEYS.iter().map(|k| (*k).to_owned()).collect();
    conn.transaction::<_, diesel::result::Error, _>(async move |c| {
        diesel::sql_query(INSERT_PRACTICES)
            .bind::<Jsonb, _>(Value::Array(practices))
            .bind::<Array<Text>, _>(keys)
            .execute(c)
            .await?;
        insert_json(c, INSERT_ENDORSEMENTS, endorsements).await?;
        insert_json(c, INSERT_COMMENTS, comments).await?;
        insert_json(c, INSERT_ADOPTIONS, adoptions).await?;
        Ok(())
    })
    .await
    .context("inserting a batch of practices")?;
    Ok(tally)
}

// ---------------------------------------------------------------------------------------
// Organizations and people

struct Person {
    id: Uuid,
    email: String,
    name: String,
    role: &'static str,
    at: DateTime<Utc>,
}

impl Person {
    fn json(&self) -> Value {
        json!({"id": self.id, "email": self.email, "name": self.name, "role": self.role,
               "at": ts(self.at)})
    }
}

struct Org {
    id: Uuid,
    name: String,
    kind: &'static str,
    country: &'static Country,
    /// The town it is in (its own name for a city).
    place: String,
    /// For made-up web and email addresses.
    slug: String,
    population: Option<i64>,
    lat: f64,
    lon: f64,
    owner: Uuid,
    at: DateTime<Utc>,
    verified: bool,
}

struct World {
    anchor: DateTime<Utc>,
    orgs: Vec<Org>,
    owners: Vec<Person>,
    users: Vec<Person>,
    moderator: Person,
    /// Per theme group, the ids of its themes that exist (the first is its main one).
    themes: Vec<Vec<Uuid>>,
    org_pick: Option<WeightedIndex<f64>>,
    group_pick: WeightedIndex<u32>,
    /// Organizations that adopt others' practices: cities and regions.
    adopters: Vec<usize>,
}

impl World {
    fn generate(
        rng: &mut StdRng,
        n_orgs: usize,
        n_users: usize,
        themes: &[(Uuid, String)],
        run: Option<i64>,
        anchor: DateTime<Utc>,
    ) -> anyhow::Result<World> {
        let email = |kind: &str, n: Option<usize>| {
            let mut e = format!("seed-{kind}");
            if let Some(r) = run {
                let _ = write!(e, "-r{r}");
            }
            if let Some(n) = n {
                let _ = write!(e, "-{n}");
            }
            format!("{e}@{EMAIL_DOMAIN}")
        };
        let start = anchor - days(YEARS * 365);
        let country_pick = WeightedIndex::new(COUNTRIES.iter().map(|c| c.weight))?;
        let kind_pick = WeightedIndex::new(vocab::ORG_KINDS.iter().map(|k| k.1))?;
        let mut next_city = vec![0usize; COUNTRIES.len()];
        let mut names: HashSet<String> = HashSet::new();
        let mut orgs = Vec::with_capacity(n_orgs);
        let mut owners = Vec::with_capacity(n_orgs);
        for i in 0..n_orgs {
            let ci = country_pick.sample(rng);
            let country = &COUNTRIES[ci];
            let (kind, _, patterns) = vocab::ORG_KINDS[kind_pick.sample(rng)];
            let mut tries = 0;
            let (name, place) = loop {
                tries += 1;
                let place = if kind == "city" && next_city[ci] < country.cities.len() {
                    next_city[ci] += 1;
                    country.cities[next_city[ci] - 1].to_owned()
                } else if kind == "city" || rng.random_bool(0.3) {
                    made_up_place(rng, country)
                } else {
                    pick(rng, country.cities).to_string()
                };
                let mut name = pick(rng, patterns).replace("{place}", &place);
                if tries > 20 {
                    let _ = write!(name, " {i}");
                }
                if names.insert(name.clone()) {
                    break (name, place);
                }
            };
            let population = match kind {
                "city" => Some(log_uniform(rng, 5e3, 3e6).round() as i64),
                "region" => Some(log_uniform(rng, 3e5, 3e6).round() as i64),
                _ => None,
            };
            let at = start - days(rng.random_range(1..365));
            let owner = Person {
                id: id_at(rng, at - TimeDelta::minutes(5)),
                email: email("owner", Some(i)),
                name: person_name(rng),
                role: "member",
                at: at - TimeDelta::minutes(5),
            };
            let spread = country.spread;
            orgs.push(Org {
                id: id_at(rng, at),
                slug: ascii_slug(&name),
                name,
                kind,
                country,
                place,
                population,
                lat: round4(country.lat + spread * rng.random_range(-1.0..1.0)),
                lon: round4(country.lon + 1.4 * spread * rng.random_range(-1.0..1.0)),
                owner: owner.id,
                at,
                verified: rng.random_bool(0.85),
            });
            owners.push(owner);
        }
        let users = (0..n_users)
            .map(|i| {
                let at = between(rng, start, anchor - days(30));
                Person {
                    id: id_at(rng, at),
                    email: email("user", Some(i)),
                    name: person_name(rng),
                    role: "member",
                    at,
                }
            })
            .collect();
        let moderator = Person {
            id: id_at(rng, start),
            email: email("moderator", None),
            name: person_name(rng),
            role: "moderator",
            at: start,
        };
        let theme_ids = GROUPS
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let ids: Vec<Uuid> = group
                    .slugs
                    .iter()
                    .filter_map(|s| themes.iter().find(|t| t.1 == *s).map(|t| t.0))
                    .collect();
                if ids.is_empty() {
                    vec![themes[g % themes.len()].0]
                } else {
                    ids
                }
            })
            .collect();
        // A few organizations write most of the practices: Zipf-like over a shuffled rank,
        // cities more than the others.
        let mut ranks: Vec<usize> = (0..orgs.len()).collect();
        ranks.shuffle(rng);
        let weights: Vec<f64> = orgs
            .iter()
            .zip(&ranks)
            .map(|(o, r)| {
                let kind = match o.kind {
                    "city" => 1.0,
                    "region" => 0.7,
                    _ => 0.3,
                };
                kind / ((r + 1) as f64).powf(0.6)
            })
            .collect();
        let org_pick = if orgs.is_empty() {
            None
        } else {
            Some(WeightedIndex::new(weights)?)
        };
        let adopters = orgs
            .iter()
            .enumerate()
            .filter(|(_, o)| matches!(o.kind, "city" | "region"))
            .map(|(i, _)| i)
            .collect();
        Ok(World {
            anchor,
            orgs,
            owners,
            users,
            moderator,
            themes: theme_ids,
            org_pick,
            group_pick: WeightedIndex::new(GROUPS.iter().map(|g| g.weight))?,
            adopters,
        })
    }

    /// Accounts, organizations and owner memberships, in one transaction.
    async fn insert(&self, conn: &mut AsyncPgConnection, hash: &str) -> anyhow::Result<()> {
        let people: Vec<Value> = self
            .owners
            .iter()
            .chain(&self.users)
            .chain([&self.moderator])
            .map(Person::json)
            .collect();
        let orgs: Vec<Value> = self
            .orgs
            .iter()
            .map(|o| {
                json!({
                    "id": o.id, "name": o.name, "kind": o.kind, "country": o.country.code,
                    "population": o.population, "owner": o.owner, "at": ts(o.at),
                    "website": format!("https://www.{}.example", o.slug),
                    "description": org_description(o),
                    "verified_at": o.verified.then(|| ts(o.at + days(7))),
                })
            })
            .collect();
        let hash = hash.to_owned();
        conn.transaction::<_, diesel::result::Error, _>(async move |c| {
            for chunk in people.chunks(2000) {
                diesel::sql_query(INSERT_USERS)
                    .bind::<Jsonb, _>(Value::Array(chunk.to_vec()))
                    .bind::<Text, _>(&hash)
                    .execute(c)
                    .await?;
            }
            for chunk in orgs.chunks(2000) {
                insert_json(c, INSERT_ORGANIZATIONS, chunk.to_vec()).await?;
                insert_json(c, INSERT_MEMBERS, chunk.to_vec()).await?;
            }
            Ok(())
        })
        .await
        .context("inserting accounts and organizations")?;
        Ok(())
    }
}

fn org_description(o: &Org) -> String {
    match o.kind {
        "city" => format!("The municipality of {} ({}).", o.name, o.country.code),
        "region" => format!(
            "Regional authority around {} ({}).",
            o.place, o.country.code
        ),
        _ => format!("Based in {} ({}).", o.place, o.country.code),
    }
}

fn made_up_place(rng: &mut StdRng, country: &Country) -> String {
    format!(
        "{}{}",
        pick(rng, vocab::NAME_STARTS),
        pick(rng, country.suffixes)
    )
}

fn person_name(rng: &mut StdRng) -> String {
    format!(
        "{} {}",
        pick(rng, vocab::FIRST_NAMES),
        pick(rng, vocab::LAST_NAMES)
    )
}

// ---------------------------------------------------------------------------------------
// Practices

struct Batch {
    practices: Vec<Value>,
    endorsements: Vec<Value>,
    comments: Vec<Value>,
    adoptions: Vec<Value>,
    tally: Tally,
}

fn generate_batch(rng: &mut StdRng, world: &World, n: usize) -> Batch {
    let mut b = Batch {
        practices: Vec::with_capacity(n),
        endorsements: Vec::new(),
        comments: Vec::new(),
        adoptions: Vec::new(),
        tally: Tally::default(),
    };
    for _ in 0..n {
        practice(rng, world, &mut b);
    }
    b
}

/// The words and numbers a template is filled with.
struct Cx<'a> {
    place: &'a str,
    topic: &'a str,
    topic2: &'a str,
    org: &'a str,
    /// When the project started (or, without a start date, the year before the write-up).
    year: i32,
    /// The year the write-up was made.
    now: i32,
}

fn practice(rng: &mut StdRng, world: &World, b: &mut Batch) {
    let org_index = world
        .org_pick
        .as_ref()
        .expect("practices need organizations")
        .sample(rng);
    let org = &world.orgs[org_index];
    let lang: &Lang = if org.country.lang != "en" && rng.random_bool(0.6) {
        LANGS
            .iter()
            .find(|l| l.code == org.country.lang)
            .unwrap_or(&LANGS[0])
    } else {
        &LANGS[0]
    };
    let group = world.group_pick.sample(rng);
    let second = rng.random_bool(0.25).then(|| {
        let g = rng.random_range(0..GROUPS.len() - 1);
        if g >= group { g + 1 } else { g }
    });
    let mut theme_ids = vec![world.themes[group][0]];
    if world.themes[group].len() > 1 && rng.random_bool(0.5) {
        theme_ids.push(*pick(rng, &world.themes[group][1..]));
    }
    if let Some(g) = second {
        theme_ids.push(world.themes[g][0]);
    }
    let mut seen = HashSet::new();
    theme_ids.retain(|t| seen.insert(*t));
    theme_ids.truncate(3);

    // Status and life cycle.
    let anchor = world.anchor;
    let start = anchor - days(YEARS * 365);
    let roll: f64 = rng.random();
    let status = if roll < 0.90 {
        "published"
    } else if roll < 0.98 {
        "draft"
    } else {
        "archived"
    };
    let latest = anchor - TimeDelta::hours(2);
    // More practices lately than years ago: a platform that grows.
    let created_at = match status {
        "draft" => between(rng, anchor - days(400), latest),
        "archived" => at_fraction(start, anchor - days(365), rng.random::<f64>().sqrt()),
        _ => at_fraction(start, latest, rng.random::<f64>().sqrt()),
    };
    let published_at = (status != "draft").then(|| {
        (created_at + TimeDelta::seconds(rng.random_range(3_600..30 * 86_400))).min(latest)
    });
    let updated_at = match (status, published_at) {
        ("archived", Some(p)) => between(rng, p + days(30), anchor),
        (_, Some(p)) => p,
        _ => between(rng, created_at, anchor),
    };
    let hidden_at = published_at
        .filter(|_| rng.random_bool(0.0055))
        .map(|p| between(rng, p, anchor));
    let hidden_reason = hidden_at.map(|_| *pick(rng, vocab::HIDDEN_REASONS));

    // What the project did and when.
    let created = created_at.date_naive();
    let roll: f64 = rng.random();
    let (implementation_status, start_date, end_date) = if roll < 0.15 {
        let s = rng
            .random_bool(0.5)
            .then(|| date_between(rng, created + days(30), created + days(540)));
        let e = s
            .filter(|_| rng.random_bool(0.5))
            .map(|s| s + Months::new(rng.random_range(12..36)));
        ("planned", s, e)
    } else if roll < 0.60 {
        let s = date_between(rng, ymd(2015, 1, 1), created - days(30));
        let e = rng
            .random_bool(0.3)
            .then(|| date_between(rng, created + days(90), created + days(4 * 365)));
        ("ongoing", Some(s), e)
    } else {
        let s = date_between(rng, ymd(2012, 1, 1), created - days(220));
        let e = date_between(rng, s + days(90), (s + days(5 * 365)).min(created));
        ("completed", Some(s), Some(e))
    };
    let year = start_date
        .map_or(created.year() - 1, |d| d.year())
        .min(created.year());

    let words = &lang.themes[group];
    let words2 = second.map(|g| &lang.themes[g]);
    let topic = *pick(rng, words.topics);
    let topic2 = match words2 {
        Some(v) => *pick(rng, v.topics),
        None => other(rng, words.topics, topic),
    };
    let cx = Cx {
        place: &org.place,
        topic,
        topic2,
        org: &org.name,
        year,
        now: created.year(),
    };

    let title = render_any(rng, lang.titles, &cx);
    let mut summary = render_any(rng, lang.summaries, &cx);
    summary.push(' ');
    summary += &render_any(rng, words.sentences, &cx);
    if rng.random_bool(0.4) {
        summary.push(' ');
        summary += &render_any(rng, lang.results, &cx);
    }
    let topic_slug: String = ascii_slug(topic).chars().take(60).collect();
    let link_title = *pick(rng, lang.link_titles);
    let project_url = format!("https://www.{}.example/projects/{topic_slug}", org.slug);
    let body = body(rng, lang, words, words2, &cx, link_title, &project_url);

    let tags = tags(rng, words, words2);
    let funding_sources = some_of(rng, vocab::FUNDING, &[25, 35, 25, 15]);
    let stakeholders = some_of(rng, lang.stakeholders, &[15, 15, 25, 20, 15, 10]);
    let budget = rng.random_bool(0.75).then(|| {
        let (currency, rate) = if org.country.currency != "EUR" && rng.random_bool(0.6) {
            (org.country.currency, per_euro(org.country.currency))
        } else {
            ("EUR", 1.0)
        };
        json!({"amount": round_sig(log_uniform(rng, 2e4, 2.5e7) * rate), "currency": currency})
    });
    let location = rng.random_bool(0.85).then(|| {
        json!({"lat": round4(org.lat + rng.random_range(-0.03..0.03)),
               "lon": round4(org.lon + rng.random_range(-0.03..0.03)),
               "place": org.place})
    });
    let indicators = indicators(rng, lang, year, created.year());
    let links = links(rng, lang, org, &project_url, link_title, &topic_slug, year);
    let contact = rng.random_bool(0.75).then(|| {
        let first = *pick(rng, vocab::FIRST_NAMES);
        let last = *pick(rng, vocab::LAST_NAMES);
        json!({"name": format!("{first} {last}"),
               "email": format!("{}.{}@{}.example", ascii_slug(first), ascii_slug(last), org.slug),
               "role": pick(rng, lang.roles)})
    });
    let results = rng.random_bool(0.7).then(|| {
        let n = rng.random_range(1..=3);
        sentences(rng, lang.results, n, &cx, " ")
    });
    let lessons_learned = rng.random_bool(0.65).then(|| {
        let n = rng.random_range(2..=4);
        let list = sentences(rng, lang.lessons, n, &cx, "\n- ");
        format!("- {list}")
    });
    let transferability = rng.random_bool(0.5).then(|| {
        let n = rng.random_range(1..=2);
        sentences(rng, lang.transfer, n, &cx, " ")
    });
    let content = json!({
        "title": title,
        "summary": summary,
        "body": body,
        "theme_ids": theme_ids,
        "tags": tags,
        "language": lang.code,
        "implementation_status": implementation_status,
        "start_date": start_date,
        "end_date": end_date,
        "budget": budget,
        "funding_sources": funding_sources,
        "results": results,
        "lessons_learned": lessons_learned,
        "transferability": transferability,
        "stakeholders_involved": stakeholders,
        "location": location,
        "indicators": indicators,
        "links": links,
        "contact": contact,
    });
    let id = id_at(rng, created_at);

    // Reactions, only to what was public at some point.
    let mut endorsements = 0;
    let mut comments = 0;
    let mut adoptions = 0;
    if let Some(published) = published_at {
        endorsements = endorsement_count(rng).min(world.users.len());
        for u in rand::seq::index::sample(rng, world.users.len(), endorsements) {
            let user = &world.users[u];
            b.endorsements.push(json!({"p": id, "u": user.id,
                "at": ts(between(rng, published.max(user.at), anchor))}));
        }
        let popular = endorsements as f64;
        if rng.random_bool((0.06 + popular / 60.0).min(0.45)) {
            let (all, live) = comment_thread(rng, world, org, id, published, &cx, &mut b.comments);
            comments = live;
            b.tally.comments += all;
            b.tally.deleted_comments += all - live;
        }
        if status == "published"
            && hidden_at.is_none()
            && world.adopters.len() > 1
            && rng.random_bool((0.03 + popular / 100.0).min(0.5))
        {
            let mut n = 1;
            while n < 12 && rng.random_bool(0.45) {
                n += 1;
            }
            let candidates: Vec<usize> = world
                .adopters
                .iter()
                .copied()
                .filter(|&i| i != org_index)
                .collect();
            let n = n.min(candidates.len());
            for k in rand::seq::index::sample(rng, candidates.len(), n) {
                let adopter = &world.orgs[candidates[k]];
                let at = between(rng, published, anchor);
                b.adoptions.push(json!({
                    "id": id_at(rng, at), "p": id, "o": adopter.id,
                    "status": pick(rng, &["planned", "in_progress", "completed"]),
                    "note": rng.random_bool(0.5).then(|| *pick(rng, vocab::ADOPTION_NOTES)),
                    "by": adopter.owner, "at": ts(at), "updated_at": ts(between(rng, at, anchor)),
                }));
            }
            adoptions = n;
        }
    }

    b.practices.push(json!({
        "id": id,
        "organization_id": org.id,
        "status": status,
        "content": content,
        "created_by": org.owner,
        "created_at": ts(created_at),
        "updated_at": ts(updated_at),
        "published_at": published_at.map(ts),
        "hidden_at": hidden_at.map(ts),
        "hidden_reason": hidden_reason,
        "hidden_by": hidden_at.map(|_| world.moderator.id),
        "endorsement_count": endorsements,
        "comment_count": comments,
        "adoption_count": adoptions,
    }));
    let t = &mut b.tally;
    t.practices += 1;
    *t.statuses.entry(status).or_default() += 1;
    *t.languages.entry(lang.code).or_default() += 1;
    t.hidden += usize::from(hidden_at.is_some());
    t.endorsements += endorsements;
    t.adoptions += adoptions;
}

/// Most practices get 0 to 3 endorsements, a few hundred (in 100,000) get 50 or more:
/// Pareto with shape 1.35, minus one.
fn endorsement_count(rng: &mut StdRng) -> usize {
    let u: f64 = rng.random();
    let x = (1.0 - u).powf(-1.0 / 1.35);
    (x.min(1e6) as usize).saturating_sub(1)
}

/// Top-level comments with a few replies; returns (all, not deleted).
fn comment_thread(
    rng: &mut StdRng,
    world: &World,
    org: &Org,
    practice: Uuid,
    published: DateTime<Utc>,
    cx: &Cx,
    out: &mut Vec<Value>,
) -> (usize, usize) {
    let anchor = world.anchor;
    let (mut all, mut live) = (0, 0);
    let mut one = |rng: &mut StdRng, parent: Option<Uuid>, after: DateTime<Utc>, author: Uuid| {
        let at = between(rng, after, anchor);
        let id = id_at(rng, at);
        let deleted = rng.random_bool(0.05);
        let text = if parent.is_some() {
            pick(rng, vocab::REPLIES)
        } else {
            pick(rng, vocab::COMMENTS)
        };
        let body = if deleted {
            String::new()
        } else {
            render(rng, text, cx)
        };
        let edited = !deleted && rng.random_bool(0.08);
        out.push(json!({
            "id": id, "p": practice, "parent": parent, "author": author, "body": body,
            "at": ts(at),
            "edited_at": edited.then(|| ts(between(rng, at, anchor))),
            "deleted_at": deleted.then(|| ts(between(rng, at, anchor))),
        }));
        all += 1;
        live += usize::from(!deleted);
        (id, at)
    };
    for _ in 0..rng.random_range(1..=4) {
        let author = pick(rng, &world.users).id;
        let (id, at) = one(rng, None, published, author);
        for _ in 0..rng.random_range(0..=2) {
            let author = if rng.random_bool(0.6) {
                org.owner
            } else {
                pick(rng, &world.users).id
            };
            one(rng, Some(id), at, author);
        }
    }
    (all, live)
}

/// Markdown of 300 to 3,000 characters: context, what was done (a list), results,
/// lessons (a list), transferability and a link, each grown sentence by sentence from
/// shuffled decks until the drawn length is reached.
fn body(
    rng: &mut StdRng,
    lang: &Lang,
    words: &Vocab,
    words2: Option<&Vocab>,
    cx: &Cx,
    link_title: &str,
    url: &str,
) -> String {
    const MAX: usize = 3000;
    let h = &lang.headings;
    let link = format!("**{}:** [{link_title}]({url})", h[5]);
    let target = 340 + (2450.0 * rng.random::<f64>().powf(1.5)) as usize;
    // Two sentences of the main theme and one of the second at most, so that a theme's
    // words are not in every one of its practices (searches would all match thousands).
    let mut theme: Vec<&str> = Vec::with_capacity(3);
    for (v, n) in [(Some(words), 2), (words2, 1)] {
        if let Some(v) = v {
            let k = n.min(v.sentences.len());
            theme.extend(
                rand::seq::index::sample(rng, v.sentences.len(), k)
                    .iter()
                    .map(|i| v.sentences[i]),
            );
        }
    }
    let lists: [&[&str]; 6] = [
        lang.context,
        &theme,
        lang.actions,
        lang.results,
        lang.lessons,
        lang.transfer,
    ];
    let mut decks: Vec<Vec<usize>> = lists
        .iter()
        .map(|l| {
            let mut d: Vec<usize> = (0..l.len()).collect();
            d.shuffle(rng);
            d
        })
        .collect();
    // Sections: context, did (list), did (text), results, lessons (list), transfer.
    let mut parts: [Vec<String>; 6] = Default::default();
    let mut len = link.chars().count();
    let overhead = |section: usize, parts: &[Vec<String>; 6]| -> usize {
        let heading = match section {
            1 | 2 => parts[1].is_empty() && parts[2].is_empty(),
            s => parts[s].is_empty(),
        };
        let head = if heading {
            h[[0, 1, 1, 2, 3, 4][section]].chars().count() + 6
        } else {
            0
        };
        head + 3
    };
    let add = |rng: &mut StdRng,
               source: usize,
               parts: &mut [Vec<String>; 6],
               decks: &mut [Vec<usize>],
               len: &mut usize,
               force: bool|
     -> bool {
        let Some(i) = decks[source].pop() else {
            return false;
        };
        let section = match source {
            0 => 0,
            1 if parts[0].len() < 3 => 0,
            1 => 2,
            2 => 1,
            3 => 3,
            4 => 4,
            _ => 5,
        };
        let text = render(rng, lists[source][i], cx);
        let more = text.chars().count() + overhead(section, parts);
        if !force && *len + more > MAX {
            return false;
        }
        *len += more;
        parts[section].push(text);
        true
    };
    add(rng, 0, &mut parts, &mut decks, &mut len, true);
    add(rng, 1, &mut parts, &mut decks, &mut len, true);
    add(rng, 2, &mut parts, &mut decks, &mut len, true);
    add(rng, 2, &mut parts, &mut decks, &mut len, true);
    let mut open: Vec<usize> = (0..6).collect();
    while len < target && !open.is_empty() {
        let k = rng.random_range(0..open.len());
        if !add(rng, open[k], &mut parts, &mut decks, &mut len, false) {
            open.swap_remove(k);
        }
    }
    let mut out = String::with_capacity(len + 64);
    let _ = write!(out, "## {}\n\n{}\n\n", h[0], parts[0].join(" "));
    let _ = writeln!(out, "## {}\n", h[1]);
    for item in &parts[1] {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
    if !parts[2].is_empty() {
        let _ = write!(out, "{}\n\n", parts[2].join(" "));
    }
    if !parts[3].is_empty() {
        let _ = write!(out, "## {}\n\n{}\n\n", h[2], parts[3].join(" "));
    }
    if !parts[4].is_empty() {
        let _ = writeln!(out, "## {}\n", h[3]);
        for item in &parts[4] {
            let _ = writeln!(out, "- {item}");
        }
        out.push('\n');
    }
    if !parts[5].is_empty() {
        let _ = write!(out, "## {}\n\n{}\n\n", h[4], parts[5].join(" "));
    }
    out.push_str(&link);
    out
}

fn tags(rng: &mut StdRng, words: &Vocab, words2: Option<&Vocab>) -> Vec<&'static str> {
    let want = *pick(rng, &[0usize, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8]);
    let mut tags: Vec<&'static str> = Vec::new();
    for _ in 0..want * 4 {
        if tags.len() == want {
            break;
        }
        let t = match words2 {
            _ if rng.random_bool(0.15) => *pick(rng, vocab::COMMON_TAGS),
            Some(v) if rng.random_bool(0.3) => *pick(rng, v.tags),
            _ => *pick(rng, words.tags),
        };
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

fn indicators(rng: &mut StdRng, lang: &Lang, from: i32, to: i32) -> Vec<Value> {
    let names = some_of(rng, lang.indicators, &[30, 25, 20, 15, 10]);
    names
        .into_iter()
        .map(|(name, unit)| {
            let (baseline, value) = if unit == "%" {
                let b = rng.random_range(1.0..40.0_f64);
                (b, (b * rng.random_range(1.1..2.5)).min(100.0))
            } else {
                let b = log_uniform(rng, 10.0, 50_000.0);
                (b, b * rng.random_range(0.5..3.0))
            };
            json!({
                "name": name,
                "unit": unit,
                "baseline": rng.random_bool(0.6).then(|| round1(baseline)),
                "value": round1(value),
                "year": rng.random_range(from.min(to)..=to),
            })
        })
        .collect()
}

fn links(
    rng: &mut StdRng,
    lang: &Lang,
    org: &Org,
    project_url: &str,
    project_title: &str,
    topic_slug: &str,
    year: i32,
) -> Vec<Value> {
    let n = *pick(rng, &[0usize, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
    let candidates = [
        (project_url.to_owned(), project_title),
        (
            format!("https://data.{}.example/datasets/{topic_slug}", org.slug),
            lang.link_titles[lang.link_titles.len() - 1],
        ),
        (
            format!(
                "https://www.{}.example/reports/{year}-{topic_slug}.pdf",
                org.slug
            ),
            lang.link_titles[1],
        ),
    ];
    candidates
        .iter()
        .take(n)
        .map(|(url, title)| json!({"url": url, "title": rng.random_bool(0.8).then_some(*title)}))
        .collect()
}

/// `n` different sentences from `list` (fewer if it is shorter), joined by `sep`.
fn sentences(rng: &mut StdRng, list: &[&str], n: usize, cx: &Cx, sep: &str) -> String {
    let picked = rand::seq::index::sample(rng, list.len(), n.min(list.len()));
    let parts: Vec<String> = picked
        .into_iter()
        .map(|i| render(rng, list[i], cx))
        .collect();
    parts.join(sep)
}

/// A random number of distinct items: `weights[k]` is the weight of taking k of them.
fn some_of<T: Copy>(rng: &mut StdRng, items: &[T], weights: &[u32]) -> Vec<T> {
    let n = WeightedIndex::new(weights)
        .map(|w| w.sample(rng))
        .unwrap_or(0)
        .min(items.len());
    rand::seq::index::sample(rng, items.len(), n)
        .into_iter()
        .map(|i| items[i])
        .collect()
}

/// Approximate units of a currency per euro, so budgets keep their size.
fn per_euro(currency: &str) -> f64 {
    match currency {
        "PLN" => 4.3,
        "CZK" => 25.0,
        "HUF" => 390.0,
        "SEK" => 11.3,
        "DKK" => 7.46,
        "NOK" => 11.6,
        "RON" => 5.0,
        "BGN" => 1.96,
        "CHF" => 0.95,
        _ => 1.0,
    }
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Another item than `not`, when there is one.
fn other<'a>(rng: &mut StdRng, items: &[&'a str], not: &str) -> &'a str {
    for _ in 0..8 {
        let t = *pick(rng, items);
        if t != not {
            return t;
        }
    }
    items[0]
}

/// One of `templates`, filled.
fn render_any(rng: &mut StdRng, templates: &[&str], cx: &Cx) -> String {
    let template = *pick(rng, templates);
    render(rng, template, cx)
}

/// Fills `{place}`, `{topic}`, `{Topic}`, `{topic2}`, `{org}`, `{year}`, `{later}`, `{goal}`,
/// `{n}`, `{big}` and `{pct}`; anything else between braces is kept as it is.
fn render(rng: &mut StdRng, template: &str, cx: &Cx) -> String {
    let mut out = String::with_capacity(template.len() + 48);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            return out;
        };
        match &after[..j] {
            "place" => out.push_str(cx.place),
            "topic" => out.push_str(cx.topic),
            "Topic" => {
                let mut chars = cx.topic.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            "topic2" => out.push_str(cx.topic2),
            "org" => out.push_str(cx.org),
            "year" => {
                let _ = write!(out, "{}", cx.year);
            }
            "n" => {
                let _ = write!(out, "{}", rng.random_range(3..40));
            }
            "big" => {
                let _ = write!(out, "{}", rng.random_range(2..200) * 100);
            }
            "pct" => {
                let _ = write!(out, "{}", rng.random_range(5..61));
            }
            // Something that happened after the start, by the time of writing.
            "later" => {
                let _ = write!(out, "{}", rng.random_range(cx.year.min(cx.now)..=cx.now));
            }
            // A policy target.
            "goal" => {
                let _ = write!(out, "{}", pick(rng, &[2030, 2030, 2035, 2040, 2050]));
            }
            other => {
                let _ = write!(out, "{{{other}}}");
            }
        }
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

/// Lower-case ASCII letters and digits separated by single dashes ("Reggio Emilia" ->
/// "reggio-emilia", "Łódź" -> "lodz").
fn ascii_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars().flat_map(char::to_lowercase) {
        let mapped = match ch {
            'a'..='z' | '0'..='9' => {
                out.push(ch);
                continue;
            }
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ģ' | 'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ķ' => "k",
            'ł' | 'ļ' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' | 'ņ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
                continue;
            }
        };
        out.push_str(mapped);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A version 7 id for `at`: ids sort by creation time, as the server's own do.
fn id_at(rng: &mut StdRng, at: DateTime<Utc>) -> Uuid {
    let mut bytes = [0u8; 10];
    rng.fill(&mut bytes);
    let ms = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid()
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn days(n: u64) -> Days {
    Days::new(n)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// A uniformly drawn instant in [a, b] (a when b is not after it), to the microsecond.
fn between(rng: &mut StdRng, a: DateTime<Utc>, b: DateTime<Utc>) -> DateTime<Utc> {
    let span = (b - a).num_microseconds().unwrap_or(0);
    if span <= 0 {
        return a;
    }
    a + TimeDelta::microseconds(rng.random_range(0..=span))
}

fn at_fraction(a: DateTime<Utc>, b: DateTime<Utc>, f: f64) -> DateTime<Utc> {
    let span = (b - a).num_microseconds().unwrap_or(0) as f64;
    a + TimeDelta::microseconds((span * f.clamp(0.0, 1.0)) as i64)
}

fn date_between(rng: &mut StdRng, a: NaiveDate, b: NaiveDate) -> NaiveDate {
    let span = (b - a).num_days();
    if span <= 0 {
        return a;
    }
    a + days(rng.random_range(0..=span) as u64)
}

fn log_uniform(rng: &mut StdRng, lo: f64, hi: f64) -> f64 {
    (lo.ln() + rng.random::<f64>() * (hi.ln() - lo.ln())).exp()
}

/// Three significant digits: 1234567.0 -> 1230000.0.
fn round_sig(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(x.log10().floor() as i32 - 2);
    (x / scale).round() * scale
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> Vec<(Uuid, String)> {
        let mut slugs: Vec<&str> = GROUPS
            .iter()
            .flat_map(|g| g.slugs.iter().copied())
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
            .into_iter()
            .enumerate()
            .map(|(i, s)| (Uuid::from_u128(i as u128 + 1), s.to_owned()))
            .collect()
    }

    fn world(seed: u64, orgs: usize) -> (StdRng, World) {
        let mut rng = StdRng::seed_from_u64(seed);
        let anchor = DateTime::parse_from_rfc3339(ANCHOR)
            .unwrap()
            .with_timezone(&Utc);
        let w = World::generate(&mut rng, orgs, 150, &themes(), None, anchor).unwrap();
        (rng, w)
    }

    #[test]
    fn one_seed_gives_the_same_rows() {
        let rows = |seed| {
            let (mut rng, w) = world(seed, 30);
            let b = generate_batch(&mut rng, &w, 200);
            let orgs: Vec<Value> = w.orgs.iter().map(|o| json!([o.id, o.name])).collect();
            json!([orgs, b.practices, b.endorsements, b.comments, b.adoptions])
        };
        assert_eq!(rows(7), rows(7));
        assert_ne!(rows(7), rows(8));
    }

    #[test]
    fn content_has_the_normal_form() {
        let (mut rng, w) = world(3, 60);
        let b = generate_batch(&mut rng, &w, 2000);
        let codes: Vec<&str> = LANGS.iter().map(|l| l.code).collect();
        let mut languages = HashSet::new();
        let mut statuses = HashSet::new();
        let (mut endorsements, mut adoptions, mut comments) = (0, 0, 0);
        let text = |v: &Value, k: &str| {
            v[k].as_str()
                .unwrap_or_else(|| panic!("{k}: {v}"))
                .to_owned()
        };
        for row in &b.practices {
            let c = &row["content"];
            let keys: HashSet<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                CONTENT_KEYS.into_iter().collect::<HashSet<_>>(),
                "{c}"
            );
            let title = text(c, "title");
            assert!(
                (3..=200).contains(&title.chars().count()) && !title.contains('\n'),
                "{title}"
            );
            assert!((1..=1000).contains(&text(c, "summary").chars().count()));
            let body = text(c, "body");
            assert!(
                (300..=3000).contains(&body.chars().count()),
                "{} chars:\n{body}",
                body.chars().count()
            );
            assert!(
                body.starts_with("## ") && body.contains("\n- ") && body.contains("](https://")
            );
            for k in [
                "title",
                "summary",
                "body",
                "results",
                "lessons_learned",
                "transferability",
            ] {
                assert!(
                    !c[k].as_str().unwrap_or("").contains('{'),
                    "unfilled template in {k}: {c}"
                );
            }
            let themes = c["theme_ids"].as_array().unwrap();
            let distinct: HashSet<&str> = themes.iter().map(|t| t.as_str().unwrap()).collect();
            assert!((1..=3).contains(&themes.len()) && distinct.len() == themes.len());
            let tags = c["tags"].as_array().unwrap();
            assert!(tags.len() <= 8);
            assert!(
                tags.iter()
                    .all(|t| (1..=40).contains(&t.as_str().unwrap().chars().count()))
            );
            let lang = text(c, "language");
            assert!(codes.contains(&lang.as_str()));
            languages.insert(lang);
            assert!(
                ["planned", "ongoing", "completed"]
                    .contains(&text(c, "implementation_status").as_str())
            );
            let date = |k: &str| c[k].as_str().map(|d| d.parse::<NaiveDate>().unwrap());
            match (date("start_date"), date("end_date")) {
                (Some(s), Some(e)) => assert!(e >= s, "{s} > {e}"),
                (None, Some(_)) => panic!("an end without a start: {c}"),
                _ => {}
            }
            if !c["budget"].is_null() {
                assert!(c["budget"]["amount"].as_f64().unwrap() > 0.0);
                assert_eq!(c["budget"]["currency"].as_str().unwrap().len(), 3);
            }
            if !c["location"].is_null() {
                let lat = c["location"]["lat"].as_f64().unwrap();
                let lon = c["location"]["lon"].as_f64().unwrap();
                assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
                assert!(c["location"]["place"].is_string());
            }
            for i in c["indicators"].as_array().unwrap() {
                assert!(i["name"].is_string() && i["unit"].is_string() && i["value"].is_f64());
                assert!(i["year"].is_i64() && i.as_object().unwrap().contains_key("baseline"));
            }
            for l in c["links"].as_array().unwrap() {
                assert!(l["url"].as_str().unwrap().starts_with("https://"));
            }
            for k in ["funding_sources", "stakeholders_involved"] {
                assert!(c[k].as_array().unwrap().iter().all(Value::is_string));
            }
            if !c["contact"].is_null() {
                assert!(c["contact"]["email"].as_str().unwrap().contains('@'));
            }
            let status = text(row, "status");
            assert_eq!(row["published_at"].is_null(), status == "draft");
            assert_eq!(row["hidden_at"].is_null(), row["hidden_reason"].is_null());
            statuses.insert(status);
            endorsements += row["endorsement_count"].as_u64().unwrap();
            adoptions += row["adoption_count"].as_u64().unwrap();
            comments += row["comment_count"].as_u64().unwrap();
        }
        assert_eq!(languages.len(), 8, "{languages:?}");
        assert_eq!(statuses.len(), 3);
        assert_eq!(endorsements as usize, b.endorsements.len());
        assert_eq!(adoptions as usize, b.adoptions.len());
        let live = b
            .comments
            .iter()
            .filter(|c| c["deleted_at"].is_null())
            .count();
        assert_eq!(comments as usize, live);
        assert!(b.adoptions.iter().all(|a| a["o"] != Value::Null));
    }

    #[test]
    fn helpers() {
        assert_eq!(ascii_slug("Łódź"), "lodz");
        assert_eq!(ascii_slug("Reggio Emilia"), "reggio-emilia");
        assert_eq!(ascii_slug("St. Gallen "), "st-gallen");
        assert_eq!(round_sig(1_234_567.0), 1_230_000.0);
        let mut rng = StdRng::seed_from_u64(1);
        let cx = Cx {
            place: "Gent",
            topic: "deelfietsen",
            topic2: "x",
            org: "Gent",
            year: 2020,
            now: 2020,
        };
        assert_eq!(
            render(&mut rng, "{Topic} in {place} ({year}) {x}", &cx),
            "Deelfietsen in Gent (2020) {x}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Vocabularies: data, not logic. Templates use {place}, {topic}, {Topic} (capitalised),
// {topic2}, {org}, {year} (the start), {later} (start..writing), {goal} (2030..2050),
// {n} (3..40), {big} (200..20000) and {pct} (5..60).

#[rustfmt::skip]
mod vocab {
    /// A family of themes: the practice's first theme is `slugs[0]`, extra ones come from
    /// the rest of `slugs`.
    pub struct Group {
        pub slugs: &'static [&'static str],
        pub weight: u32,
    }

    pub const GROUPS: [Group; 12] = [
        Group { slugs: &["green-mobility", "integrated-energy-and-mobility-services"], weight: 13 },
        Group { slugs: &["renewable-energy-and-energy-efficiency", "integrated-energy-and-mobility-services", "construction-housing-urban-management"], weight: 13 },
        Group { slugs: &["waste-and-circular-economy", "waste-to-circular-economy", "green-production"], weight: 12 },
        Group { slugs: &["water-management", "climate-resilience-and-disaster-management", "natural-resources"], weight: 7 },
        Group { slugs: &["green-production", "start-ups-and-social-economy", "education-and-reskilling"], weight: 7 },
        Group { slugs: &["smart-tourism", "start-ups-and-social-economy"], weight: 6 },
        Group { slugs: &["e-government", "safety-and-security"], weight: 9 },
        Group { slugs: &["citizen-participation", "construction-housing-urban-management"], weight: 9 },
        Group { slugs: &["climate-resilience-and-disaster-management", "natural-resources", "water-management"], weight: 8 },
        Group { slugs: &["sustainable-food-systems", "health-and-well-being"], weight: 5 },
        Group { slugs: &["health-and-well-being", "safety-and-security"], weight: 5 },
        Group { slugs: &["education-and-reskilling", "start-ups-and-social-economy"], weight: 5 },
    ];

    pub struct Vocab {
        pub topics: &'static [&'static str],
        pub tags: &'static [&'static str],
        pub sentences: &'static [&'static str],
    }

    const fn v(
        topics: &'static [&'static str],
        tags: &'static [&'static str],
        sentences: &'static [&'static str],
    ) -> Vocab {
        Vocab { topics, tags, sentences }
    }

    pub struct Lang {
        pub code: &'static str,
        pub titles: &'static [&'static str],
        pub summaries: &'static [&'static str],
        /// Context, what we did, results, lessons, transferability, more information.
        pub headings: [&'static str; 6],
        pub context: &'static [&'static str],
        pub actions: &'static [&'static str],
        pub results: &'static [&'static str],
        pub lessons: &'static [&'static str],
        pub transfer: &'static [&'static str],
        pub stakeholders: &'static [&'static str],
        pub roles: &'static [&'static str],
        pub link_titles: &'static [&'static str],
        /// (name, unit)
        pub indicators: &'static [(&'static str, &'static str)],
        pub themes: [Vocab; 12],
    }

    pub const LANGS: [Lang; 8] = [EN, ES, FR, DE, IT, PT, NL, PL];

    const EN: Lang = Lang {
        code: "en",
        titles: &[
            "{Topic} in {place}",
            "{place}: {topic} for every neighbourhood",
            "Scaling up {topic} in {place}",
            "Piloting {topic} with local partners",
            "{Topic}: lessons from {place}",
            "From pilot to policy: {topic} in {place}",
            "Co-designing {topic} with residents",
            "{Topic} and {topic2} in {place}",
            "How {place} made {topic} work",
            "A citywide programme for {topic}",
        ],
        summaries: &[
            "How {place} introduced {topic} together with residents, businesses and the regional government.",
            "{place} tested {topic} in {n} neighbourhoods before scaling it up citywide.",
            "A practical account of {topic} in {place}: what it cost, who was involved and what changed.",
            "Since {year}, {place} has been working on {topic} as part of its climate strategy.",
            "{Topic} combined with {topic2}: an integrated approach from {place}.",
        ],
        headings: ["Context", "What we did", "Results", "Lessons learned", "Transferability", "More information"],
        context: &[
            "Like many European cities, {place} had to cut emissions quickly while keeping the city affordable.",
            "The project started in {year} as part of the city's climate action plan.",
            "Before the project, {topic} existed only at a few pilot sites.",
            "Local stakeholders had long asked for {topic}.",
            "The municipality worked with universities, businesses and residents from the start.",
            "EU funding made it possible to test {topic} at a meaningful scale.",
            "Traffic, summer heat and rising bills were the most frequent complaints in the last resident survey.",
            "The city council adopted a climate neutrality target and asked every department for a contribution.",
            "Several districts had little green space and many households on low incomes.",
            "An earlier attempt had stalled because responsibilities were split across departments.",
        ],
        actions: &[
            "Mapped needs with {n} workshops and an online survey",
            "Launched {topic} in {n} neighbourhoods",
            "Set up a steering group with {n} partners from business, research and civil society",
            "Trained {n} municipal staff",
            "Published progress as open data every quarter",
            "Combined {topic} with {topic2}",
            "Ran a public tender with sustainability criteria",
            "Agreed shared indicators with all partners before the launch",
            "Organised study visits to two peer cities",
            "Set up a small grant scheme for neighbourhood initiatives",
        ],
        results: &[
            "{big} residents now use the service every month.",
            "Emissions in the pilot area fell by {pct}% compared with {year}.",
            "In a survey, {pct}% of users asked for the scheme to be extended.",
            "The approach became official city policy in {later}.",
            "Operating costs were {pct}% lower than forecast.",
            "{n} other municipalities in the region have asked for the documentation.",
            "Private partners co-invested about {pct}% of the budget.",
            "Complaints to the city fell noticeably in the pilot districts.",
        ],
        lessons: &[
            "Involve residents early: the first design changed a lot after their feedback.",
            "Data-sharing agreements take longer than expected, so start them first.",
            "Small, visible quick wins built trust for the larger investments.",
            "Procurement rules must leave room for innovation partnerships.",
            "A project manager with a mandate across departments was essential.",
            "Communicate in plain language and show progress on a map.",
            "Budget for maintenance from day one, not only for the investment.",
            "Design the service with the people who will run it.",
        ],
        transfer: &[
            "The approach suits medium-sized cities with an active civil society.",
            "Most elements can be reused elsewhere; local rules on {topic} need checking first.",
            "Tender documents, templates and the evaluation framework are available on request.",
        ],
        stakeholders: &["Residents' associations", "Local businesses", "Universities", "Regional government", "Public transport operator", "Energy utility", "Schools", "NGOs", "Chamber of commerce", "Housing corporations"],
        roles: &["Project manager", "Head of sustainability", "Smart city coordinator", "Policy officer"],
        link_titles: &["Project page", "Final report", "Open data", "Evaluation study"],
        indicators: &[("Participants", "people"), ("CO2 emissions avoided", "t CO2/year"), ("Investment leveraged", "EUR"), ("Users per month", "users"), ("Cycling modal share", "%"), ("Renewable electricity produced", "MWh/year"), ("Residual waste per resident", "kg/year"), ("Trees planted", "trees")],
        themes: [
            v(&["protected bike lanes", "bike sharing", "cargo bike deliveries", "low-emission zones", "school streets", "electric buses", "neighbourhood mobility hubs", "demand-responsive transport", "safe cycling routes to school", "EV charging points", "car-free city centre streets", "shared e-scooters"],
              &["mobility", "cycling", "bike", "public transport", "e-mobility", "walkability", "SUMP", "car-free", "last-mile logistics"],
              &["The sustainable urban mobility plan of {place} aims to halve car trips by {goal}.",
                "Residents asked for safer streets for walking and cycling, especially around schools.",
                "The new network connects {n} neighbourhoods with protected cycle tracks and bus priority.",
                "Sharing operators agreed to publish anonymised trip data for planning.",
                "Parking spaces were turned into cycle parking, trees and benches.",
                "Bus ridership grew after fares were simplified and timetables integrated.",
                "Cargo bikes now handle a growing share of last-mile deliveries in the old town."]),
            v(&["energy renovation of social housing", "rooftop solar on public buildings", "a local energy community", "heat pumps for district heating", "smart street lighting", "deep energy renovation of schools", "solar panels on school roofs", "one-stop shops for home renovation", "waste heat recovery", "positive energy districts", "energy poverty advice", "community wind power"],
              &["energy", "renewables", "solar", "energy efficiency", "renovation", "heat pumps", "energy community", "energy poverty"],
              &["Buildings account for more than a third of the city's greenhouse gas emissions.",
                "Tenants were involved before the energy renovation started, which reduced complaints.",
                "The new installations produce about {big} MWh of renewable electricity a year.",
                "Households in energy poverty received free advice and small efficiency upgrades.",
                "A one-stop shop helps homeowners plan, finance and supervise renovation works.",
                "The energy community shares locally produced renewable power among {big} members."]),
            v(&["repair cafés", "a circular economy roadmap", "reuse centres for construction materials", "textile collection and reuse", "food waste composting", "pay-as-you-throw waste fees", "deposit-return schemes for cups", "circular public procurement", "industrial symbiosis", "a library of things", "plastic-free markets", "separate biowaste collection"],
              &["circular economy", "circular", "waste", "reuse", "recycling", "repair", "zero waste", "procurement"],
              &["The circular economy strategy of {place} targets a {pct}% cut in residual waste.",
                "Repair cafés run by volunteers keep electronics and furniture in use for longer.",
                "Construction materials from demolition sites are catalogued and resold locally.",
                "Separate biowaste collection now reaches {big} households.",
                "Circular criteria are included in every public tender above the EU threshold.",
                "Local businesses exchange by-products through an industrial symbiosis platform."]),
            v(&["rainwater harvesting", "sustainable urban drainage", "water reuse for irrigation", "smart water meters", "leak detection in the water network", "river restoration", "sponge city measures", "nature-based flood protection"],
              &["water", "drainage", "flood risk", "water reuse", "nature-based solutions", "rivers"],
              &["Heavy rainfall in {year} flooded several underpasses and basements.",
                "Green roofs and rain gardens now retain water from {n} hectares of streets.",
                "Treated wastewater irrigates parks during the summer drought.",
                "Smart meters revealed leaks that were losing {pct}% of the drinking water.",
                "The restored river banks are now a popular green corridor."]),
            v(&["green industrial parks", "low-carbon manufacturing", "decarbonisation of SMEs", "hydrogen valleys", "clean-tech start-up incubators", "energy audits for SMEs", "green skills for industry", "electrified industrial heat"],
              &["green industry", "SMEs", "decarbonisation", "hydrogen", "innovation", "manufacturing"],
              &["More than {n} small and medium-sized manufacturers took part in energy audits.",
                "The industrial park shares a heat network and a joint solar installation.",
                "Start-ups test clean technologies with the city as their first customer.",
                "The regional development agency co-finances the decarbonisation of SMEs."]),
            v(&["sustainable tourism", "visitor flow management", "a smart destination platform", "accessible tourism routes", "cultural heritage digitisation", "eco-labelled accommodation", "cycle tourism routes", "tourist tax reinvestment"],
              &["tourism", "smart tourism", "heritage", "accessibility", "visitors", "culture"],
              &["The historic centre receives more than {big} visitors on peak days.",
                "Sensor data helps spread visitors across the day and across neighbourhoods.",
                "Local guides and small businesses co-designed the new routes.",
                "Part of the tourist tax is reinvested in neighbourhood projects."]),
            v(&["open data portals", "digital public services", "a digital twin of the city", "once-only online forms", "smart city dashboards", "interoperable city platforms", "digital inclusion points", "AI-assisted citizen services", "cybersecurity for municipalities"],
              &["e-government", "open data", "digital", "digital twin", "interoperability", "GovTech", "data"],
              &["More than {n} municipal services can now be requested online.",
                "The open data portal publishes {big} datasets under an open licence.",
                "The digital twin combines traffic, energy and air quality data in one model.",
                "Digital inclusion points help older residents use online services.",
                "Services were redesigned with their users before they were digitised."]),
            v(&["participatory budgeting", "citizen assemblies", "neighbourhood councils", "co-design workshops", "youth participation", "an online participation platform", "urban living labs", "citizen science air quality monitoring"],
              &["participation", "citizens", "co-creation", "living lab", "participatory budgeting", "democracy", "youth"],
              &["Residents proposed {big} ideas and voted on how to spend {pct}% of the investment budget.",
                "A citizen assembly of {n} randomly selected residents drafted recommendations.",
                "Workshops were held in schools, markets and libraries to reach people who rarely take part.",
                "Every proposal receives a public answer explaining what happens next."]),
            v(&["heat action plans", "urban greening", "climate adaptation plans", "cool islands in schoolyards", "early warning systems", "urban forests", "wildfire prevention", "green corridors", "biodiversity monitoring"],
              &["climate adaptation", "resilience", "heatwaves", "urban greening", "biodiversity", "climate"],
              &["Heatwaves have become longer and more frequent since {year}.",
                "Schoolyards were unsealed and planted to create cool islands in every district.",
                "The city planted {big} trees, starting with the neighbourhoods that have the least shade.",
                "An early warning system alerts vulnerable residents before heatwaves and floods."]),
            v(&["urban farming", "school canteens with local food", "food waste reduction", "community gardens", "short food supply chains", "social supermarkets", "a local food council"],
              &["food", "urban agriculture", "local food", "food waste", "canteens"],
              &["School canteens now serve {pct}% organic and local food.",
                "Community gardens on vacant plots are run by {n} neighbourhood associations.",
                "Surplus food from markets is redistributed through a network of volunteers.",
                "Farmers from the region sell directly to residents at weekly markets."]),
            v(&["active ageing programmes", "social prescribing", "healthy streets", "mental health support for young people", "telecare for older people", "air quality monitoring", "walkable neighbourhoods", "sport facilities in public space"],
              &["health", "well-being", "ageing", "air quality", "active living"],
              &["One in four residents will be over 65 by {goal}.",
                "Low-cost sensors measure air quality near {n} schools.",
                "General practitioners can refer patients to walking groups and cultural activities.",
                "Telecare lets older people live independently at home for longer."]),
            v(&["green skills training", "digital skills for adults", "apprenticeships in renovation", "a talent attraction programme", "reskilling for the energy transition", "STEM clubs for girls", "coding schools"],
              &["skills", "education", "reskilling", "training", "jobs"],
              &["Local employers reported shortages of installers for heat pumps and insulation.",
                "{big} adults completed short courses in digital and green skills.",
                "Training was organised with vocational schools and trade unions.",
                "Participants received a recognised certificate after each module."]),
        ],
    };

    const ES: Lang = Lang {
        code: "es",
        titles: &[
            "{Topic} en {place}",
            "{place}: {topic} para todos los barrios",
            "Proyecto piloto de {topic} en {place}",
            "{Topic}: la experiencia de {place}",
            "{Topic} con la ciudadanía de {place}",
        ],
        summaries: &[
            "Cómo {place} puso en marcha {topic} junto con vecinos, empresas y el gobierno regional.",
            "{place} probó {topic} en {n} barrios antes de extenderlo a toda la ciudad.",
            "Desde {year}, {place} trabaja en {topic} dentro de su estrategia climática.",
        ],
        headings: ["Contexto", "Qué hicimos", "Resultados", "Lecciones aprendidas", "Transferibilidad", "Más información"],
        context: &[
            "Como muchas ciudades europeas, {place} necesitaba reducir emisiones sin encarecer la vida de sus vecinos.",
            "El proyecto empezó en {year} dentro del plan de acción climática municipal.",
            "Antes del proyecto solo había experiencias piloto aisladas.",
            "El ayuntamiento trabajó desde el principio con universidades, empresas y asociaciones vecinales.",
        ],
        actions: &[
            "Diagnóstico de necesidades con {n} talleres y una encuesta en línea",
            "Despliegue en {n} barrios",
            "Creación de un grupo de trabajo con {n} entidades",
            "Formación de {n} técnicos municipales",
            "Publicación trimestral de los resultados como datos abiertos",
        ],
        results: &[
            "{big} personas usan el servicio cada mes.",
            "Las emisiones de la zona piloto bajaron un {pct}% respecto a {year}.",
            "El {pct}% de las personas encuestadas pide ampliar el proyecto.",
            "El proyecto se convirtió en política municipal en {later}.",
        ],
        lessons: &[
            "Hay que implicar a los vecinos desde el principio.",
            "Los acuerdos para compartir datos tardan más de lo previsto.",
            "Las pequeñas mejoras visibles generan confianza para las grandes inversiones.",
            "La contratación pública debe dejar espacio a la innovación.",
        ],
        transfer: &[
            "El enfoque es adecuado para ciudades medianas con un tejido asociativo activo.",
            "Los pliegos y la metodología de evaluación están disponibles previa solicitud.",
        ],
        stakeholders: &["Asociaciones vecinales", "Comercio local", "Universidades", "Gobierno regional", "Empresa municipal de transportes", "Centros educativos"],
        roles: &["Jefa de proyecto", "Técnico de medio ambiente", "Coordinadora de ciudad inteligente"],
        link_titles: &["Página del proyecto", "Informe final", "Datos abiertos"],
        indicators: &[("Participantes", "personas"), ("Emisiones de CO2 evitadas", "t CO2/año"), ("Inversión movilizada", "EUR"), ("Usuarios al mes", "usuarios")],
        themes: [
            v(&["carriles bici protegidos", "bicicleta compartida", "zonas de bajas emisiones", "autobuses eléctricos", "entornos escolares seguros", "supermanzanas"],
              &["movilidad", "bicicleta", "transporte público", "movilidad sostenible"],
              &["El plan de movilidad urbana sostenible de {place} quiere reducir a la mitad los viajes en coche antes de {goal}.",
                "La nueva red conecta {n} barrios con carriles bici y prioridad para el autobús."]),
            v(&["rehabilitación energética de viviendas", "paneles solares en edificios públicos", "comunidades energéticas locales", "alumbrado público eficiente", "oficinas de la energía"],
              &["energía", "energía solar", "eficiencia energética", "rehabilitación"],
              &["Los edificios generan más de un tercio de las emisiones de la ciudad.",
                "La comunidad energética comparte la electricidad solar entre {big} socios."]),
            v(&["economía circular", "talleres de reparación", "compostaje comunitario", "recogida separada de biorresiduos", "compra pública circular"],
              &["economía circular", "residuos", "reutilización", "reciclaje"],
              &["La estrategia de economía circular de {place} busca reducir un {pct}% los residuos.",
                "Los talleres de reparación alargan la vida útil de muebles y aparatos."]),
            v(&["sistemas urbanos de drenaje sostenible", "reutilización de agua regenerada", "contadores inteligentes de agua", "restauración fluvial"],
              &["agua", "inundaciones", "drenaje sostenible"],
              &["Las lluvias torrenciales de {year} inundaron varios barrios.",
                "El agua regenerada riega los parques durante el verano."]),
            v(&["polígonos industriales sostenibles", "descarbonización de pymes", "hidrógeno verde", "incubadoras de empresas verdes"],
              &["industria verde", "pymes", "innovación"],
              &["Más de {n} pymes industriales participaron en auditorías energéticas.",
                "Las empresas emergentes prueban sus tecnologías limpias con el ayuntamiento."]),
            v(&["turismo sostenible", "gestión de flujos de visitantes", "destino turístico inteligente", "rutas accesibles"],
              &["turismo", "patrimonio", "accesibilidad"],
              &["El casco histórico recibe más de {big} visitantes en los días punta.",
                "Parte de la tasa turística se reinvierte en los barrios."]),
            v(&["datos abiertos", "administración electrónica", "gemelo digital urbano", "puntos de inclusión digital"],
              &["administración electrónica", "datos abiertos", "digitalización"],
              &["Más de {n} trámites municipales se pueden hacer en línea.",
                "El portal publica {big} conjuntos de datos abiertos."]),
            v(&["presupuestos participativos", "asambleas ciudadanas", "consejos de barrio", "talleres de codiseño"],
              &["participación ciudadana", "cocreación", "laboratorio ciudadano"],
              &["La ciudadanía presentó {big} propuestas y decidió el destino del {pct}% del presupuesto de inversiones.",
                "Una asamblea de {n} vecinos elegidos por sorteo redactó recomendaciones."]),
            v(&["refugios climáticos", "planes de adaptación al cambio climático", "patios escolares verdes", "bosques urbanos"],
              &["adaptación climática", "resiliencia", "olas de calor", "biodiversidad"],
              &["Las olas de calor son más largas y frecuentes desde {year}.",
                "Se plantaron {big} árboles en los barrios con menos sombra."]),
            v(&["huertos urbanos", "comedores escolares con producto local", "reducción del desperdicio alimentario", "mercados de productores"],
              &["alimentación", "agricultura urbana", "producto local"],
              &["Los comedores escolares sirven ya un {pct}% de alimentos ecológicos y locales."]),
            v(&["envejecimiento activo", "calles saludables", "teleasistencia", "medición de la calidad del aire"],
              &["salud", "bienestar", "calidad del aire"],
              &["Uno de cada cuatro vecinos tendrá más de 65 años en {goal}."]),
            v(&["formación en empleos verdes", "competencias digitales para adultos", "formación profesional en rehabilitación"],
              &["formación", "empleo", "competencias digitales"],
              &["{big} personas completaron cursos cortos de competencias digitales y verdes."]),
        ],
    };

    const FR: Lang = Lang {
        code: "fr",
        titles: &[
            "{Topic} à {place}",
            "{place} : {topic} dans tous les quartiers",
            "Projet pilote : {topic}",
            "{Topic} : l'expérience de {place}",
            "{Topic} avec les habitants de {place}",
        ],
        summaries: &[
            "{place} a testé le projet « {topic} » dans {n} quartiers avant de l'étendre à toute la ville.",
            "Depuis {year}, {place} travaille sur le thème « {topic} » dans le cadre de son plan climat.",
            "Retour d'expérience de {place} : {topic}, coûts, partenaires et résultats.",
        ],
        headings: ["Contexte", "Ce que nous avons fait", "Résultats", "Enseignements", "Transférabilité", "En savoir plus"],
        context: &[
            "Comme beaucoup de villes européennes, {place} devait réduire ses émissions sans pénaliser les ménages modestes.",
            "Le projet a démarré en {year} dans le cadre du plan climat de la ville.",
            "Avant le projet, seules quelques expérimentations existaient.",
            "La ville a associé dès le départ universités, entreprises et associations d'habitants.",
        ],
        actions: &[
            "Diagnostic des besoins avec {n} ateliers et une enquête en ligne",
            "Déploiement dans {n} quartiers",
            "Création d'un comité de pilotage de {n} partenaires",
            "Formation de {n} agents municipaux",
            "Publication trimestrielle des résultats en données ouvertes",
        ],
        results: &[
            "{big} habitants utilisent le service chaque mois.",
            "Les émissions de la zone pilote ont baissé de {pct} % par rapport à {year}.",
            "{pct} % des personnes interrogées souhaitent l'extension du dispositif.",
            "La démarche est devenue une politique municipale en {later}.",
        ],
        lessons: &[
            "Associer les habitants très tôt : le premier projet a beaucoup évolué.",
            "Les accords de partage de données prennent plus de temps que prévu.",
            "Des réussites rapides et visibles créent la confiance pour les gros investissements.",
            "Les règles de la commande publique doivent laisser de la place à l'innovation.",
        ],
        transfer: &[
            "La démarche convient aux villes moyennes dotées d'un tissu associatif actif.",
            "Les cahiers des charges et la méthode d'évaluation sont disponibles sur demande.",
        ],
        stakeholders: &["Associations d'habitants", "Commerçants", "Universités", "Région", "Opérateur de transport", "Écoles"],
        roles: &["Cheffe de projet", "Chargé de mission climat", "Responsable innovation"],
        link_titles: &["Page du projet", "Rapport final", "Données ouvertes"],
        indicators: &[("Participants", "personnes"), ("Émissions de CO2 évitées", "t CO2/an"), ("Investissements mobilisés", "EUR"), ("Usagers par mois", "usagers")],
        themes: [
            v(&["pistes cyclables sécurisées", "vélos en libre-service", "zones à faibles émissions", "bus électriques", "rues scolaires", "logistique urbaine à vélo cargo"],
              &["mobilité", "vélo", "transports en commun", "mobilité durable"],
              &["Le plan de mobilité de {place} vise à réduire de moitié les trajets en voiture d'ici {goal}.",
                "Le nouveau réseau relie {n} quartiers par des pistes cyclables et des couloirs de bus."]),
            v(&["rénovation énergétique des logements sociaux", "panneaux solaires sur les toits des écoles", "communautés énergétiques", "éclairage public intelligent", "guichet unique de la rénovation"],
              &["énergie", "solaire", "rénovation énergétique", "efficacité énergétique"],
              &["Les bâtiments représentent plus d'un tiers des émissions de la ville.",
                "Les installations solaires produisent environ {big} MWh par an."]),
            v(&["économie circulaire", "ateliers de réparation", "compostage collectif", "réemploi des matériaux de construction", "achats publics circulaires"],
              &["économie circulaire", "déchets", "réemploi", "recyclage"],
              &["La stratégie d'économie circulaire de {place} vise {pct} % de déchets résiduels en moins.",
                "Les matériaux issus des chantiers de démolition sont réemployés localement."]),
            v(&["gestion intégrée des eaux pluviales", "réutilisation des eaux usées traitées", "compteurs d'eau intelligents", "renaturation des rivières"],
              &["eau", "inondations", "eaux pluviales"],
              &["Les pluies intenses de {year} ont inondé plusieurs quartiers.",
                "Des jardins de pluie retiennent l'eau de {n} hectares de voirie."]),
            v(&["zones d'activités bas carbone", "décarbonation des PME", "hydrogène vert", "incubateurs de start-up vertes"],
              &["industrie verte", "PME", "innovation"],
              &["Plus de {n} PME industrielles ont réalisé un audit énergétique."]),
            v(&["tourisme durable", "gestion des flux touristiques", "destination intelligente", "itinéraires accessibles"],
              &["tourisme", "patrimoine", "accessibilité"],
              &["Le centre historique accueille plus de {big} visiteurs les jours d'affluence."]),
            v(&["données ouvertes", "démarches en ligne", "jumeau numérique", "médiation numérique"],
              &["administration numérique", "open data", "numérique"],
              &["Plus de {n} démarches municipales sont disponibles en ligne."]),
            v(&["budget participatif", "convention citoyenne", "conseils de quartier", "ateliers de co-conception"],
              &["participation citoyenne", "co-construction", "démocratie locale"],
              &["Les habitants ont déposé {big} projets et choisi l'affectation de {pct} % du budget d'investissement."]),
            v(&["îlots de fraîcheur", "plan d'adaptation au changement climatique", "cours d'école végétalisées", "forêts urbaines"],
              &["adaptation", "résilience", "canicule", "biodiversité"],
              &["Les canicules sont plus longues et plus fréquentes depuis {year}.",
                "La ville a planté {big} arbres dans les quartiers les moins ombragés."]),
            v(&["agriculture urbaine", "cantines scolaires bio et locales", "lutte contre le gaspillage alimentaire", "jardins partagés"],
              &["alimentation", "agriculture urbaine", "circuits courts"],
              &["Les cantines scolaires servent désormais {pct} % de produits bio et locaux."]),
            v(&["vieillissement actif", "prescription sociale", "surveillance de la qualité de l'air", "téléassistance"],
              &["santé", "bien-être", "qualité de l'air"],
              &["Des capteurs mesurent la qualité de l'air près de {n} écoles."]),
            v(&["formation aux métiers verts", "compétences numériques pour adultes", "apprentissage dans la rénovation"],
              &["formation", "emploi", "compétences"],
              &["{big} adultes ont suivi une formation courte aux compétences numériques et vertes."]),
        ],
    };

    const DE: Lang = Lang {
        code: "de",
        titles: &[
            "{Topic} in {place}",
            "{place}: {topic} für alle Quartiere",
            "Pilotprojekt: {topic}",
            "{Topic} – Erfahrungen aus {place}",
            "{Topic} gemeinsam mit der Bürgerschaft",
        ],
        summaries: &[
            "Wie {place} das Projekt „{topic}“ gemeinsam mit Bürgerinnen und Bürgern, Unternehmen und dem Land umgesetzt hat.",
            "{place} hat {topic} in {n} Quartieren getestet und dann auf die ganze Stadt ausgeweitet.",
            "Seit {year} ist „{topic}“ ein Schwerpunkt des Klimaschutzkonzepts von {place}.",
        ],
        headings: ["Ausgangslage", "Was wir gemacht haben", "Ergebnisse", "Lehren", "Übertragbarkeit", "Mehr erfahren"],
        context: &[
            "Wie viele europäische Städte musste {place} die Emissionen senken, ohne das Wohnen teurer zu machen.",
            "Das Projekt begann {year} als Teil des städtischen Klimaschutzprogramms.",
            "Vorher gab es nur einzelne Pilotversuche.",
            "Die Stadt hat von Anfang an mit Hochschulen, Unternehmen und Initiativen zusammengearbeitet.",
        ],
        actions: &[
            "Bedarfsanalyse mit {n} Workshops und einer Online-Umfrage",
            "Umsetzung in {n} Quartieren",
            "Lenkungskreis mit {n} Partnern",
            "Schulung von {n} Mitarbeitenden der Verwaltung",
            "Vierteljährliche Veröffentlichung der Ergebnisse als Open Data",
        ],
        results: &[
            "{big} Menschen nutzen das Angebot jeden Monat.",
            "Die Emissionen im Pilotgebiet sanken gegenüber {year} um {pct} %.",
            "{pct} % der Befragten wünschen sich eine Ausweitung.",
            "Der Ansatz wurde {later} vom Stadtrat als Strategie beschlossen.",
        ],
        lessons: &[
            "Bürgerinnen und Bürger früh einbinden: Der erste Entwurf hat sich stark verändert.",
            "Vereinbarungen zum Datenaustausch brauchen mehr Zeit als gedacht.",
            "Schnelle, sichtbare Erfolge schaffen Vertrauen für größere Investitionen.",
            "Das Vergaberecht muss Raum für Innovationspartnerschaften lassen.",
        ],
        transfer: &[
            "Der Ansatz eignet sich für mittelgroße Städte mit aktiver Zivilgesellschaft.",
            "Ausschreibungsunterlagen und Evaluationskonzept stellen wir gerne zur Verfügung.",
        ],
        stakeholders: &["Bürgervereine", "Einzelhandel", "Hochschulen", "Landesregierung", "Verkehrsbetriebe", "Stadtwerke", "Schulen"],
        roles: &["Projektleiterin", "Klimaschutzmanager", "Smart-City-Koordinatorin"],
        link_titles: &["Projektseite", "Abschlussbericht", "Offene Daten"],
        indicators: &[("Teilnehmende", "Personen"), ("Vermiedene CO2-Emissionen", "t CO2/Jahr"), ("Mobilisierte Investitionen", "EUR"), ("Nutzer pro Monat", "Nutzer")],
        themes: [
            v(&["geschützte Radwege", "Bikesharing", "Umweltzonen", "Elektrobusse", "Schulstraßen", "Mobilitätsstationen", "Lastenräder für die Stadtlogistik"],
              &["Mobilität", "Radverkehr", "ÖPNV", "Verkehrswende"],
              &["Der Mobilitätsplan von {place} will die Autofahrten bis {goal} halbieren.",
                "Das neue Netz verbindet {n} Quartiere mit Radwegen und Busspuren."]),
            v(&["energetische Sanierung von Sozialwohnungen", "Photovoltaik auf öffentlichen Gebäuden", "Energiegemeinschaften", "Wärmepumpen für die Fernwärme", "kommunale Wärmeplanung"],
              &["Energie", "Solarenergie", "Energieeffizienz", "Sanierung", "Wärmewende"],
              &["Gebäude verursachen mehr als ein Drittel der Emissionen der Stadt.",
                "Die Solaranlagen erzeugen rund {big} MWh Strom im Jahr."]),
            v(&["Kreislaufwirtschaft", "Reparaturcafés", "Bauteilbörsen", "Biotonne für alle Haushalte", "zirkuläre Beschaffung"],
              &["Kreislaufwirtschaft", "Abfall", "Wiederverwendung", "Recycling"],
              &["Die Kreislaufwirtschaftsstrategie von {place} soll den Restmüll um {pct} % senken.",
                "Ehrenamtliche Reparaturcafés verlängern die Lebensdauer von Geräten und Möbeln."]),
            v(&["Schwammstadt-Maßnahmen", "Regenwassernutzung", "Renaturierung von Flüssen", "intelligente Wasserzähler"],
              &["Wasser", "Starkregen", "Hochwasserschutz"],
              &["Starkregen im Jahr {year} hat mehrere Unterführungen überflutet."]),
            v(&["klimaneutrale Gewerbegebiete", "Dekarbonisierung von KMU", "Wasserstoff-Regionen", "Gründerzentren für Klimatechnik"],
              &["grüne Industrie", "KMU", "Innovation", "Wasserstoff"],
              &["Mehr als {n} mittelständische Betriebe haben an Energieberatungen teilgenommen."]),
            v(&["nachhaltiger Tourismus", "Besucherlenkung", "barrierefreie Stadtrundgänge", "Radtourismus"],
              &["Tourismus", "Kulturerbe", "Barrierefreiheit"],
              &["An Spitzentagen kommen mehr als {big} Besucher in die Altstadt."]),
            v(&["Open-Data-Portale", "digitale Verwaltungsleistungen", "digitaler Zwilling", "digitale Teilhabe"],
              &["E-Government", "Open Data", "Digitalisierung"],
              &["Mehr als {n} Verwaltungsleistungen können online beantragt werden."]),
            v(&["Bürgerhaushalt", "Bürgerräte", "Quartiersbeiräte", "Beteiligungsplattformen"],
              &["Bürgerbeteiligung", "Partizipation", "Reallabor"],
              &["Ein Bürgerrat aus {n} zufällig ausgewählten Einwohnern hat Empfehlungen erarbeitet."]),
            v(&["Hitzeaktionspläne", "Stadtgrün", "entsiegelte Schulhöfe", "Klimaanpassungskonzepte", "Stadtwälder"],
              &["Klimaanpassung", "Resilienz", "Hitze", "Biodiversität"],
              &["Hitzewellen sind seit {year} länger und häufiger geworden.",
                "Die Stadt hat {big} Bäume gepflanzt, zuerst in den Quartieren mit wenig Schatten."]),
            v(&["Urban Gardening", "regionale Schulverpflegung", "Lebensmittelrettung", "Ernährungsräte"],
              &["Ernährung", "urbane Landwirtschaft", "regional"],
              &["Die Schulkantinen bieten inzwischen {pct} % regionale Bio-Lebensmittel an."]),
            v(&["aktives Altern", "gesunde Quartiere", "Luftqualitätsmessung", "Telepflege"],
              &["Gesundheit", "Wohlbefinden", "Luftqualität"],
              &["Bis {goal} wird jeder vierte Einwohner älter als 65 Jahre sein."]),
            v(&["Weiterbildung für grüne Berufe", "digitale Kompetenzen für Erwachsene", "Ausbildung im Handwerk"],
              &["Weiterbildung", "Fachkräfte", "Ausbildung"],
              &["{big} Erwachsene haben Kurse zu digitalen und grünen Kompetenzen abgeschlossen."]),
        ],
    };

    const IT: Lang = Lang {
        code: "it",
        titles: &[
            "{Topic} a {place}",
            "{place}: {topic} in tutti i quartieri",
            "Progetto pilota: {topic}",
            "{Topic}: l'esperienza di {place}",
            "{Topic} insieme ai cittadini",
        ],
        summaries: &[
            "Come {place} ha avviato il progetto «{topic}» con cittadini, imprese e regione.",
            "{place} ha sperimentato il progetto «{topic}» in {n} quartieri prima di estenderlo a tutta la città.",
            "Dal {year}, il tema «{topic}» è una priorità del piano clima di {place}.",
        ],
        headings: ["Contesto", "Cosa abbiamo fatto", "Risultati", "Lezioni apprese", "Trasferibilità", "Per saperne di più"],
        context: &[
            "Come molte città europee, {place} doveva ridurre le emissioni senza aumentare il costo della vita.",
            "Il progetto è partito nel {year} nell'ambito del piano d'azione per il clima.",
            "Prima del progetto esistevano solo alcune sperimentazioni isolate.",
            "Il Comune ha lavorato fin dall'inizio con università, imprese e associazioni.",
        ],
        actions: &[
            "Analisi dei bisogni con {n} laboratori e un questionario online",
            "Avvio in {n} quartieri",
            "Cabina di regia con {n} partner",
            "Formazione di {n} dipendenti comunali",
            "Pubblicazione trimestrale dei risultati come open data",
        ],
        results: &[
            "{big} persone usano il servizio ogni mese.",
            "Le emissioni nell'area pilota sono calate del {pct}% rispetto al {year}.",
            "Il {pct}% degli intervistati chiede di estendere il progetto.",
            "L'approccio è diventato politica comunale nel {later}.",
        ],
        lessons: &[
            "Coinvolgere i cittadini fin dall'inizio: il primo progetto è cambiato molto.",
            "Gli accordi per la condivisione dei dati richiedono più tempo del previsto.",
            "Piccoli risultati visibili creano fiducia per gli investimenti più grandi.",
            "Le regole sugli appalti devono lasciare spazio all'innovazione.",
        ],
        transfer: &[
            "L'approccio è adatto a città medie con una società civile attiva.",
            "Capitolati e metodo di valutazione sono disponibili su richiesta.",
        ],
        stakeholders: &["Associazioni di quartiere", "Commercianti", "Università", "Regione", "Azienda di trasporto pubblico", "Scuole"],
        roles: &["Responsabile di progetto", "Energy manager", "Coordinatrice smart city"],
        link_titles: &["Pagina del progetto", "Rapporto finale", "Dati aperti"],
        indicators: &[("Partecipanti", "persone"), ("Emissioni di CO2 evitate", "t CO2/anno"), ("Investimenti attivati", "EUR"), ("Utenti al mese", "utenti")],
        themes: [
            v(&["piste ciclabili protette", "bike sharing", "zone a basse emissioni", "autobus elettrici", "strade scolastiche", "hub della mobilità"],
              &["mobilità", "bicicletta", "trasporto pubblico", "mobilità sostenibile"],
              &["Il piano urbano della mobilità sostenibile di {place} punta a dimezzare gli spostamenti in auto entro il {goal}.",
                "La nuova rete collega {n} quartieri con piste ciclabili e corsie preferenziali."]),
            v(&["riqualificazione energetica dell'edilizia popolare", "fotovoltaico sugli edifici pubblici", "comunità energetiche rinnovabili", "illuminazione pubblica intelligente"],
              &["energia", "fotovoltaico", "efficienza energetica", "comunità energetiche"],
              &["Gli edifici producono più di un terzo delle emissioni della città.",
                "La comunità energetica condivide l'energia solare tra {big} soci."]),
            v(&["economia circolare", "repair café", "compostaggio di comunità", "raccolta differenziata dell'organico", "acquisti pubblici verdi"],
              &["economia circolare", "rifiuti", "riuso", "riciclo"],
              &["La strategia di economia circolare di {place} punta a ridurre del {pct}% i rifiuti indifferenziati."]),
            v(&["drenaggio urbano sostenibile", "riuso delle acque depurate", "contatori intelligenti", "riqualificazione fluviale"],
              &["acqua", "alluvioni", "drenaggio"],
              &["Le piogge intense del {year} hanno allagato diversi sottopassi."]),
            v(&["aree produttive ecologicamente attrezzate", "decarbonizzazione delle PMI", "idrogeno verde", "incubatori di start-up green"],
              &["industria verde", "PMI", "innovazione"],
              &["Più di {n} PMI manifatturiere hanno svolto una diagnosi energetica."]),
            v(&["turismo sostenibile", "gestione dei flussi turistici", "destinazione intelligente", "percorsi accessibili"],
              &["turismo", "patrimonio culturale", "accessibilità"],
              &["Il centro storico accoglie oltre {big} visitatori nei giorni di punta."]),
            v(&["open data", "servizi pubblici digitali", "gemello digitale", "punti di facilitazione digitale"],
              &["e-government", "open data", "digitale"],
              &["Più di {n} servizi comunali si possono richiedere online."]),
            v(&["bilancio partecipativo", "assemblee cittadine", "patti di collaborazione", "laboratori di co-progettazione"],
              &["partecipazione", "beni comuni", "co-progettazione"],
              &["I cittadini hanno presentato {big} proposte e deciso come spendere il {pct}% del bilancio investimenti."]),
            v(&["piani di adattamento climatico", "forestazione urbana", "cortili scolastici verdi", "sistemi di allerta precoce"],
              &["adattamento climatico", "resilienza", "ondate di calore"],
              &["Le ondate di calore sono più lunghe e frequenti dal {year}."]),
            v(&["orti urbani", "mense scolastiche a km zero", "lotta allo spreco alimentare", "politiche locali del cibo"],
              &["cibo", "agricoltura urbana", "km zero"],
              &["Le mense scolastiche servono ormai il {pct}% di prodotti biologici e locali."]),
            v(&["invecchiamento attivo", "strade sane", "monitoraggio della qualità dell'aria", "telemedicina"],
              &["salute", "benessere", "qualità dell'aria"],
              &["Sensori a basso costo misurano la qualità dell'aria vicino a {n} scuole."]),
            v(&["formazione per i lavori verdi", "competenze digitali per adulti", "apprendistato nell'edilizia sostenibile"],
              &["formazione", "lavoro", "competenze"],
              &["{big} adulti hanno completato corsi brevi sulle competenze digitali e verdi."]),
        ],
    };

    const PT: Lang = Lang {
        code: "pt",
        titles: &[
            "{Topic} em {place}",
            "{place}: {topic} em todos os bairros",
            "Projeto-piloto: {topic}",
            "{Topic}: a experiência de {place}",
            "{Topic} com os cidadãos",
        ],
        summaries: &[
            "Como {place} lançou o projeto «{topic}» com moradores, empresas e o governo regional.",
            "{place} testou o projeto «{topic}» em {n} bairros antes de o alargar a toda a cidade.",
            "Desde {year}, o tema «{topic}» é uma prioridade do plano climático de {place}.",
        ],
        headings: ["Contexto", "O que fizemos", "Resultados", "Lições aprendidas", "Transferibilidade", "Mais informações"],
        context: &[
            "Como muitas cidades europeias, {place} precisava de reduzir emissões sem aumentar o custo de vida.",
            "O projeto começou em {year} no âmbito do plano de ação climática municipal.",
            "Antes do projeto existiam apenas algumas experiências-piloto.",
            "A câmara municipal trabalhou desde o início com universidades, empresas e associações.",
        ],
        actions: &[
            "Diagnóstico de necessidades com {n} oficinas e um inquérito online",
            "Implementação em {n} bairros",
            "Criação de um grupo de trabalho com {n} parceiros",
            "Formação de {n} técnicos municipais",
            "Publicação trimestral dos resultados como dados abertos",
        ],
        results: &[
            "{big} pessoas usam o serviço todos os meses.",
            "As emissões na área-piloto desceram {pct}% face a {year}.",
            "{pct}% dos inquiridos pedem o alargamento do projeto.",
            "A abordagem tornou-se política municipal em {later}.",
        ],
        lessons: &[
            "Envolver os moradores desde o início: o primeiro desenho mudou muito.",
            "Os acordos de partilha de dados demoram mais do que o previsto.",
            "Pequenas vitórias visíveis criam confiança para os grandes investimentos.",
            "A contratação pública deve deixar espaço para a inovação.",
        ],
        transfer: &[
            "A abordagem adequa-se a cidades médias com uma sociedade civil ativa.",
            "Os cadernos de encargos e o modelo de avaliação estão disponíveis a pedido.",
        ],
        stakeholders: &["Associações de moradores", "Comércio local", "Universidades", "Governo regional", "Operador de transportes", "Escolas"],
        roles: &["Gestora de projeto", "Técnico de ambiente", "Coordenadora de cidade inteligente"],
        link_titles: &["Página do projeto", "Relatório final", "Dados abertos"],
        indicators: &[("Participantes", "pessoas"), ("Emissões de CO2 evitadas", "t CO2/ano"), ("Investimento mobilizado", "EUR"), ("Utilizadores por mês", "utilizadores")],
        themes: [
            v(&["ciclovias protegidas", "bicicletas partilhadas", "zonas de emissões reduzidas", "autocarros elétricos", "ruas escolares"],
              &["mobilidade", "bicicleta", "transportes públicos", "mobilidade sustentável"],
              &["O plano de mobilidade urbana sustentável de {place} quer reduzir para metade as viagens de carro até {goal}.",
                "A nova rede liga {n} bairros com ciclovias e faixas BUS."]),
            v(&["reabilitação energética da habitação social", "painéis solares em edifícios públicos", "comunidades de energia renovável", "iluminação pública eficiente"],
              &["energia", "energia solar", "eficiência energética"],
              &["Os edifícios geram mais de um terço das emissões da cidade.",
                "As centrais solares produzem cerca de {big} MWh por ano."]),
            v(&["economia circular", "oficinas de reparação", "compostagem comunitária", "recolha seletiva de biorresíduos"],
              &["economia circular", "resíduos", "reutilização", "reciclagem"],
              &["A estratégia de economia circular de {place} pretende reduzir os resíduos indiferenciados em {pct}%."]),
            v(&["drenagem urbana sustentável", "reutilização de águas residuais tratadas", "contadores inteligentes", "requalificação de ribeiras"],
              &["água", "cheias", "drenagem"],
              &["As chuvas intensas de {year} inundaram vários bairros."]),
            v(&["parques industriais sustentáveis", "descarbonização das PME", "hidrogénio verde", "incubadoras de empresas verdes"],
              &["indústria verde", "PME", "inovação"],
              &["Mais de {n} PME industriais fizeram auditorias energéticas."]),
            v(&["turismo sustentável", "gestão de fluxos turísticos", "destino inteligente", "percursos acessíveis"],
              &["turismo", "património", "acessibilidade"],
              &["O centro histórico recebe mais de {big} visitantes nos dias de maior afluência."]),
            v(&["dados abertos", "serviços públicos digitais", "gémeo digital", "inclusão digital"],
              &["governo eletrónico", "dados abertos", "digital"],
              &["Mais de {n} serviços municipais podem ser pedidos online."]),
            v(&["orçamento participativo", "assembleias de cidadãos", "conselhos de bairro", "oficinas de cocriação"],
              &["participação cidadã", "cocriação", "democracia local"],
              &["Os cidadãos apresentaram {big} propostas e decidiram o destino de {pct}% do orçamento de investimento."]),
            v(&["planos de adaptação às alterações climáticas", "florestas urbanas", "recreios escolares verdes", "sistemas de alerta precoce"],
              &["adaptação climática", "resiliência", "ondas de calor"],
              &["As ondas de calor são mais longas e frequentes desde {year}."]),
            v(&["hortas urbanas", "cantinas escolares com produtos locais", "combate ao desperdício alimentar"],
              &["alimentação", "agricultura urbana", "produtos locais"],
              &["As cantinas escolares já servem {pct}% de alimentos biológicos e locais."]),
            v(&["envelhecimento ativo", "teleassistência", "monitorização da qualidade do ar"],
              &["saúde", "bem-estar", "qualidade do ar"],
              &["Sensores medem a qualidade do ar junto de {n} escolas."]),
            v(&["formação em empregos verdes", "competências digitais para adultos", "formação profissional em reabilitação"],
              &["formação", "emprego", "competências"],
              &["{big} adultos concluíram cursos curtos de competências digitais e verdes."]),
        ],
    };

    const NL: Lang = Lang {
        code: "nl",
        titles: &[
            "{Topic} in {place}",
            "{place}: {topic} in alle wijken",
            "Pilotproject: {topic}",
            "{Topic}: de ervaring van {place}",
            "{Topic} samen met bewoners",
        ],
        summaries: &[
            "Hoe {place} {topic} invoerde samen met bewoners, ondernemers en de provincie.",
            "{place} testte {topic} in {n} wijken voordat de aanpak in de hele stad werd uitgerold.",
            "Sinds {year} is {topic} een speerpunt van het klimaatplan van {place}.",
        ],
        headings: ["Context", "Wat we deden", "Resultaten", "Geleerde lessen", "Overdraagbaarheid", "Meer informatie"],
        context: &[
            "Zoals veel Europese steden moest {place} de uitstoot snel verlagen zonder de stad onbetaalbaar te maken.",
            "Het project begon in {year} als onderdeel van het klimaatplan van de gemeente.",
            "Voor het project waren er alleen losse proeven.",
            "De gemeente werkte vanaf het begin samen met kennisinstellingen, ondernemers en bewoners.",
        ],
        actions: &[
            "Behoeften in kaart gebracht met {n} werksessies en een online enquête",
            "Uitrol in {n} wijken",
            "Stuurgroep met {n} partners opgericht",
            "{n} medewerkers van de gemeente opgeleid",
            "Resultaten elk kwartaal als open data gepubliceerd",
        ],
        results: &[
            "{big} inwoners gebruiken de dienst elke maand.",
            "De uitstoot in het proefgebied daalde met {pct}% ten opzichte van {year}.",
            "{pct}% van de ondervraagden wil dat de aanpak wordt uitgebreid.",
            "De aanpak werd in {later} gemeentelijk beleid.",
        ],
        lessons: &[
            "Betrek bewoners vroeg: het eerste ontwerp veranderde sterk na hun inbreng.",
            "Afspraken over het delen van data kosten meer tijd dan verwacht.",
            "Kleine, zichtbare successen bouwen vertrouwen op voor grotere investeringen.",
            "Aanbestedingsregels moeten ruimte laten voor innovatie.",
        ],
        transfer: &[
            "De aanpak past bij middelgrote steden met een actief maatschappelijk middenveld.",
            "Aanbestedingsstukken en het evaluatiekader zijn op aanvraag beschikbaar.",
        ],
        stakeholders: &["Bewonersorganisaties", "Lokale ondernemers", "Hogescholen", "Provincie", "Vervoerder", "Woningcorporaties", "Scholen"],
        roles: &["Projectleider", "Adviseur duurzaamheid", "Programmamanager smart city"],
        link_titles: &["Projectpagina", "Eindrapport", "Open data"],
        indicators: &[("Deelnemers", "personen"), ("Vermeden CO2-uitstoot", "t CO2/jaar"), ("Aangetrokken investeringen", "EUR"), ("Gebruikers per maand", "gebruikers")],
        themes: [
            v(&["vrijliggende fietspaden", "deelfietsen", "milieuzones", "elektrische bussen", "schoolstraten", "mobiliteitshubs"],
              &["mobiliteit", "fiets", "openbaar vervoer", "duurzame mobiliteit"],
              &["Het mobiliteitsplan van {place} wil het aantal autoritten voor {goal} halveren.",
                "Het nieuwe netwerk verbindt {n} wijken met fietspaden en busbanen."]),
            v(&["energierenovatie van sociale huurwoningen", "zonnepanelen op publieke gebouwen", "energiecoöperaties", "warmtepompen en warmtenetten", "energieloketten"],
              &["energie", "zonne-energie", "energiebesparing", "renovatie"],
              &["Gebouwen veroorzaken meer dan een derde van de uitstoot van de stad.",
                "De zonnepanelen leveren jaarlijks ongeveer {big} MWh stroom."]),
            v(&["circulaire economie", "repaircafés", "hergebruik van bouwmaterialen", "gft-inzameling", "circulair inkopen"],
              &["circulaire economie", "afval", "hergebruik", "recycling"],
              &["De circulaire strategie van {place} wil het restafval met {pct}% verminderen."]),
            v(&["klimaatadaptieve riolering", "hergebruik van regenwater", "slimme watermeters", "beekherstel"],
              &["water", "wateroverlast", "regenwater"],
              &["Hevige regenval in {year} zette verschillende tunnels onder water."]),
            v(&["duurzame bedrijventerreinen", "verduurzaming van het mkb", "waterstofclusters", "broedplaatsen voor cleantech"],
              &["groene industrie", "mkb", "innovatie"],
              &["Meer dan {n} mkb-bedrijven lieten een energiescan uitvoeren."]),
            v(&["duurzaam toerisme", "bezoekersmanagement", "toegankelijke stadswandelingen", "fietstoerisme"],
              &["toerisme", "erfgoed", "toegankelijkheid"],
              &["Op drukke dagen komen meer dan {big} bezoekers naar de binnenstad."]),
            v(&["open data", "digitale dienstverlening", "digitale tweeling", "digitale inclusie"],
              &["e-overheid", "open data", "digitalisering"],
              &["Meer dan {n} gemeentelijke diensten kunnen online worden aangevraagd."]),
            v(&["burgerbegroting", "burgerberaden", "wijkraden", "co-creatiesessies"],
              &["participatie", "burgerparticipatie", "co-creatie"],
              &["Een burgerberaad van {n} gelote inwoners stelde aanbevelingen op."]),
            v(&["hitteplannen", "vergroening van de stad", "groene schoolpleinen", "klimaatadaptatie"],
              &["klimaatadaptatie", "hittestress", "biodiversiteit"],
              &["Hittegolven duren sinds {year} langer en komen vaker voor."]),
            v(&["stadslandbouw", "gezonde schoolmaaltijden", "voedselverspilling tegengaan", "buurtmoestuinen"],
              &["voedsel", "stadslandbouw", "lokaal voedsel"],
              &["Buurtmoestuinen worden beheerd door {n} bewonersgroepen."]),
            v(&["gezond ouder worden", "welzijn op recept", "luchtkwaliteitsmetingen", "zorg op afstand"],
              &["gezondheid", "welzijn", "luchtkwaliteit"],
              &["Sensoren meten de luchtkwaliteit bij {n} scholen."]),
            v(&["omscholing naar groene banen", "digitale vaardigheden voor volwassenen", "leerwerkplekken in de bouw"],
              &["onderwijs", "omscholing", "werk"],
              &["{big} volwassenen volgden een korte cursus digitale en groene vaardigheden."]),
        ],
    };

    const PL: Lang = Lang {
        code: "pl",
        titles: &[
            "{place}: {topic}",
            "{Topic} – doświadczenia miasta {place}",
            "Projekt pilotażowy: {topic}",
            "{Topic} razem z mieszkańcami",
            "{place}: {topic} we wszystkich dzielnicach",
        ],
        summaries: &[
            "Jak miasto {place} wprowadziło projekt „{topic}” razem z mieszkańcami, firmami i samorządem województwa.",
            "Miasto {place} przetestowało projekt „{topic}” w {n} dzielnicach, zanim objęło nim całe miasto.",
            "Od {year} roku temat „{topic}” jest priorytetem planu klimatycznego miasta {place}.",
        ],
        headings: ["Kontekst", "Co zrobiliśmy", "Rezultaty", "Wnioski", "Możliwość przeniesienia", "Więcej informacji"],
        context: &[
            "Jak wiele europejskich miast, miasto {place} musiało szybko ograniczyć emisje, nie podnosząc kosztów życia mieszkańców.",
            "Projekt rozpoczął się w {year} roku w ramach miejskiego planu działań na rzecz klimatu.",
            "Wcześniej istniały tylko pojedyncze projekty pilotażowe.",
            "Miasto od początku współpracowało z uczelniami, firmami i organizacjami pozarządowymi.",
        ],
        actions: &[
            "Diagnoza potrzeb: {n} warsztatów i ankieta internetowa",
            "Wdrożenie w {n} dzielnicach",
            "Powołanie zespołu sterującego z udziałem {n} partnerów",
            "Szkolenie {n} pracowników urzędu",
            "Kwartalna publikacja wyników jako otwarte dane",
        ],
        results: &[
            "Z usługi korzysta co miesiąc {big} osób.",
            "Emisje na obszarze pilotażowym spadły o {pct}% w porównaniu z {year} rokiem.",
            "{pct}% ankietowanych chce rozszerzenia projektu.",
            "W {later} roku podejście stało się oficjalną polityką miasta.",
        ],
        lessons: &[
            "Warto angażować mieszkańców od samego początku.",
            "Porozumienia o udostępnianiu danych wymagają więcej czasu, niż zakładano.",
            "Małe, widoczne sukcesy budują zaufanie do większych inwestycji.",
            "Przepisy o zamówieniach publicznych muszą zostawiać miejsce na innowacje.",
        ],
        transfer: &[
            "Podejście sprawdzi się w średnich miastach z aktywnym społeczeństwem obywatelskim.",
            "Dokumentacja przetargowa i metodyka ewaluacji są dostępne na życzenie.",
        ],
        stakeholders: &["Rady osiedli", "Lokalni przedsiębiorcy", "Uczelnie", "Urząd marszałkowski", "Przewoźnik miejski", "Szkoły"],
        roles: &["Kierowniczka projektu", "Specjalista ds. klimatu", "Koordynator smart city"],
        link_titles: &["Strona projektu", "Raport końcowy", "Otwarte dane"],
        indicators: &[("Uczestnicy", "osoby"), ("Uniknięte emisje CO2", "t CO2/rok"), ("Pozyskane inwestycje", "EUR"), ("Użytkownicy miesięcznie", "użytkownicy")],
        themes: [
            v(&["chronione drogi rowerowe", "rower miejski", "strefy czystego transportu", "autobusy elektryczne", "ulice szkolne"],
              &["mobilność", "rower", "transport publiczny", "zrównoważona mobilność"],
              &["Plan zrównoważonej mobilności miasta {place} zakłada zmniejszenie liczby podróży samochodem o połowę do {goal} roku.",
                "Nowa sieć łączy {n} dzielnic drogami rowerowymi i buspasami."]),
            v(&["termomodernizacja budynków komunalnych", "panele fotowoltaiczne na budynkach publicznych", "społeczności energetyczne", "pompy ciepła w sieci ciepłowniczej"],
              &["energia", "fotowoltaika", "efektywność energetyczna", "termomodernizacja"],
              &["Budynki odpowiadają za ponad jedną trzecią emisji w mieście.",
                "Instalacje fotowoltaiczne wytwarzają około {big} MWh energii rocznie."]),
            v(&["gospodarka o obiegu zamkniętym", "kawiarenki naprawcze", "kompostowanie przydomowe", "selektywna zbiórka bioodpadów"],
              &["gospodarka obiegu zamkniętego", "odpady", "recykling"],
              &["Strategia gospodarki o obiegu zamkniętym miasta {place} zakłada ograniczenie odpadów zmieszanych o {pct}%."]),
            v(&["retencja wód opadowych", "błękitno-zielona infrastruktura", "inteligentne wodomierze", "renaturyzacja rzek"],
              &["woda", "retencja", "powodzie"],
              &["Ulewy w {year} roku zalały kilka przejść podziemnych."]),
            v(&["zielone strefy przemysłowe", "dekarbonizacja MŚP", "doliny wodorowe"],
              &["zielony przemysł", "MŚP", "innowacje"],
              &["Ponad {n} firm produkcyjnych przeprowadziło audyty energetyczne."]),
            v(&["zrównoważona turystyka", "zarządzanie ruchem turystycznym", "trasy dostępne dla wszystkich"],
              &["turystyka", "dziedzictwo", "dostępność"],
              &["W szczytowe dni Stare Miasto odwiedza ponad {big} turystów."]),
            v(&["otwarte dane", "e-usługi publiczne", "cyfrowy bliźniak miasta", "punkty wsparcia cyfrowego"],
              &["e-administracja", "otwarte dane", "cyfryzacja"],
              &["Ponad {n} spraw urzędowych można załatwić przez internet."]),
            v(&["budżet obywatelski", "panele obywatelskie", "rady osiedli", "warsztaty partycypacyjne"],
              &["partycypacja", "budżet obywatelski", "współtworzenie"],
              &["Mieszkańcy zgłosili {big} projektów i zdecydowali o {pct}% budżetu inwestycyjnego."]),
            v(&["plany adaptacji do zmian klimatu", "zielone podwórka szkolne", "lasy miejskie", "systemy wczesnego ostrzegania"],
              &["adaptacja do zmian klimatu", "odporność", "upały"],
              &["Od {year} roku fale upałów są dłuższe i częstsze."]),
            v(&["ogrody społeczne", "lokalna żywność w stołówkach szkolnych", "przeciwdziałanie marnowaniu żywności"],
              &["żywność", "rolnictwo miejskie"],
              &["Ogrody społeczne prowadzi {n} stowarzyszeń mieszkańców."]),
            v(&["aktywne starzenie się", "teleopieka", "monitoring jakości powietrza"],
              &["zdrowie", "jakość powietrza"],
              &["Czujniki mierzą jakość powietrza przy {n} szkołach."]),
            v(&["szkolenia w zakresie zielonych zawodów", "kompetencje cyfrowe dorosłych", "kształcenie zawodowe w budownictwie"],
              &["edukacja", "przekwalifikowanie", "praca"],
              &["{big} dorosłych ukończyło kursy kompetencji cyfrowych i zielonych."]),
        ],
    };

    // Cross-cutting tags any practice may carry.
    pub const COMMON_TAGS: &[&str] = &["EU Green Deal", "SDG 11", "pilot", "Horizon Europe", "climate neutrality", "Intelligent Cities Challenge", "NetZeroCities", "open source"];

    pub const FUNDING: &[&str] = &["ERDF", "Horizon Europe", "LIFE programme", "Interreg Europe", "Municipal budget", "National recovery and resilience plan", "Cohesion Fund", "European Urban Initiative", "EIB loan", "Private sponsorship", "Regional government grant", "Crowdfunding"];

    pub const FIRST_NAMES: &[&str] = &["Anna", "Marco", "Sofia", "Lukas", "Elena", "Jan", "Marie", "Pablo", "Laura", "Tomasz", "Ines", "Pieter", "Giulia", "Jonas", "Clara", "Mateo", "Eva", "Mikkel", "Zofia", "Hugo", "Lea", "Andrea", "Katarzyna", "Nikos", "Sara", "Johan", "Ioana", "Martina", "David", "Emma", "Ana", "Luca", "Camille", "Sean", "Aino", "Petra"];
    pub const LAST_NAMES: &[&str] = &["García", "Rossi", "Müller", "Dubois", "Silva", "de Vries", "Nowak", "Janssens", "Andersen", "Virtanen", "Novák", "Horváth", "Popescu", "Papadopoulos", "Kovač", "Murphy", "Schmidt", "Moreau", "Ferrari", "Costa", "Bakker", "Kowalski", "Lindqvist", "Fernández", "Martin", "Weber", "Romano", "Santos", "Peeters", "Nielsen", "Ozols", "Kask"];

    pub const COMMENTS: &[&str] = &[
        "Great initiative! How did you finance the maintenance after the pilot?",
        "We are planning something similar in our city. Could you share the tender documents?",
        "Interesting results. Did you measure the effect on low-income households?",
        "How long did it take to get the permits?",
        "Thanks for sharing, very useful for our climate plan.",
        "Which software did you use for the platform?",
        "Did the scheme survive the change of city council in {later}?",
        "We tried this in {place} too; happy to compare notes.",
        "¡Muy interesante! ¿Cómo implicasteis a los comercios?",
        "Merci pour ce retour d'expérience très complet.",
        "Sehr spannend! Gibt es schon Daten zur Nutzung im Winter?",
        "Complimenti, lo proporremo anche nel nostro comune.",
    ];
    pub const REPLIES: &[&str] = &[
        "Thanks! Maintenance has been covered by the municipal budget since {year}.",
        "Happy to share: send us a message and we will forward the documents.",
        "Good question, the evaluation report has a chapter on that.",
        "About {n} months, most of it waiting for the regional approval.",
    ];
    pub const ADOPTION_NOTES: &[&str] = &[
        "Adapted to a smaller scale in two districts.",
        "We reused the tender documents and the evaluation framework.",
        "Combined with our own sustainable mobility plan.",
        "Started with a pilot in the city centre.",
        "Financed through the regional recovery programme.",
    ];
    pub const HIDDEN_REASONS: &[&str] = &[
        "Advertising for a commercial product",
        "Duplicate of another write-up",
        "Contains personal data",
        "Copied from another organisation without permission",
    ];

    pub struct Country {
        pub code: &'static str,
        /// The language most of its write-ups are in when not in English.
        pub lang: &'static str,
        pub currency: &'static str,
        pub weight: u32,
        pub lat: f64,
        pub lon: f64,
        /// Degrees around the centre where its places are scattered.
        pub spread: f64,
        pub cities: &'static [&'static str],
        /// Endings for made-up place names once the real ones run out.
        pub suffixes: &'static [&'static str],
    }

    // A table row: positional on purpose.
    #[allow(clippy::too_many_arguments)]
    const fn c(
        code: &'static str, lang: &'static str, currency: &'static str, weight: u32,
        lat: f64, lon: f64, spread: f64,
        cities: &'static [&'static str], suffixes: &'static [&'static str],
    ) -> Country {
        Country { code, lang, currency, weight, lat, lon, spread, cities, suffixes }
    }

    pub const COUNTRIES: &[Country] = &[
        c("ES", "es", "EUR", 10, 40.2, -3.6, 3.0, &["Valencia", "Sevilla", "Bilbao", "Zaragoza", "Málaga", "Vitoria-Gasteiz", "Pamplona", "Santander", "Córdoba", "Valladolid", "Murcia", "Gijón", "Alicante", "Granada", "Burgos"], &["illa", "ejo", "ona", "ares", "osa"]),
        c("FR", "fr", "EUR", 9, 46.6, 2.4, 3.0, &["Lyon", "Nantes", "Strasbourg", "Bordeaux", "Lille", "Grenoble", "Rennes", "Montpellier", "Toulouse", "Dijon", "Brest", "Angers", "Metz", "Tours", "Nancy"], &["ville", "mont", "court", "ac", "ières"]),
        c("DE", "de", "EUR", 10, 51.0, 10.3, 2.5, &["Freiburg", "Leipzig", "Münster", "Heidelberg", "Dresden", "Hannover", "Karlsruhe", "Bonn", "Mannheim", "Kassel", "Regensburg", "Aachen", "Bremen", "Essen", "Oldenburg"], &["burg", "heim", "feld", "dorf", "hausen"]),
        c("IT", "it", "EUR", 10, 42.8, 12.5, 3.0, &["Bologna", "Torino", "Milano", "Firenze", "Bergamo", "Parma", "Padova", "Genova", "Bari", "Trento", "Modena", "Verona", "Lecce", "Pisa", "Reggio Emilia"], &["ino", "ello", "ano", "ona", "ara"]),
        c("PT", "pt", "EUR", 5, 39.6, -8.2, 1.5, &["Lisboa", "Porto", "Braga", "Coimbra", "Aveiro", "Évora", "Faro", "Guimarães", "Funchal", "Viseu"], &["ães", "elo", "ira", "osa"]),
        c("NL", "nl", "EUR", 6, 52.2, 5.3, 0.8, &["Utrecht", "Eindhoven", "Groningen", "Rotterdam", "Amsterdam", "Den Haag", "Tilburg", "Nijmegen", "Zwolle", "Leiden", "Arnhem", "Breda"], &["dam", "hoven", "wijk", "drecht", "zijl"]),
        c("BE", "nl", "EUR", 4, 50.9, 4.3, 0.5, &["Gent", "Leuven", "Antwerpen", "Brugge", "Mechelen", "Hasselt", "Kortrijk", "Aalst"], &["gem", "hout", "kerke", "zele"]),
        c("LU", "fr", "EUR", 1, 49.7, 6.1, 0.2, &["Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange"], &["ange", "ach"]),
        c("AT", "de", "EUR", 4, 47.6, 14.1, 1.2, &["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach"], &["dorf", "brunn", "kirchen", "au"]),
        c("CH", "de", "CHF", 2, 46.9, 8.2, 0.7, &["Zürich", "Basel", "Bern", "Winterthur", "Luzern", "St. Gallen"], &["wil", "ikon", "berg"]),
        c("PL", "pl", "PLN", 7, 52.1, 19.4, 2.5, &["Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź", "Lublin", "Katowice", "Rzeszów", "Szczecin", "Bydgoszcz", "Gdynia", "Toruń", "Białystok"], &["ów", "ice", "owo", "ino", "sk"]),
        c("IE", "en", "EUR", 3, 53.2, -8.0, 1.2, &["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny"], &["more", "bridge", "town", "ford"]),
        c("SE", "en", "SEK", 4, 59.3, 15.0, 3.0, &["Malmö", "Göteborg", "Uppsala", "Umeå", "Lund", "Linköping", "Örebro", "Västerås"], &["stad", "by", "holm", "vik", "köping"]),
        c("DK", "en", "DKK", 3, 56.0, 10.0, 1.0, &["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Roskilde", "Horsens"], &["borg", "rup", "sted", "by"]),
        c("FI", "en", "EUR", 3, 62.0, 25.0, 2.5, &["Tampere", "Espoo", "Oulu", "Turku", "Lahti", "Jyväskylä", "Vantaa"], &["la", "järvi", "koski", "salo"]),
        c("NO", "en", "NOK", 2, 61.0, 9.0, 3.0, &["Bergen", "Trondheim", "Stavanger", "Tromsø", "Drammen"], &["vik", "sund", "dal", "nes"]),
        c("EE", "en", "EUR", 2, 58.7, 25.5, 0.8, &["Tallinn", "Tartu", "Pärnu", "Narva"], &["küla", "maa", "vere"]),
        c("LV", "en", "EUR", 1, 56.9, 24.6, 0.8, &["Rīga", "Liepāja", "Jelgava", "Valmiera"], &["pils", "ciems", "ava"]),
        c("LT", "en", "EUR", 2, 55.3, 23.9, 0.9, &["Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys"], &["iai", "ava", "ėnai"]),
        c("CZ", "en", "CZK", 3, 49.8, 15.5, 1.0, &["Brno", "Plzeň", "Ostrava", "Olomouc", "Liberec", "České Budějovice"], &["ov", "ice", "ec", "any"]),
        c("SK", "en", "EUR", 2, 48.7, 19.7, 0.8, &["Bratislava", "Košice", "Žilina", "Trnava", "Nitra"], &["ovce", "any", "ec"]),
        c("HU", "en", "HUF", 2, 47.2, 19.4, 1.2, &["Debrecen", "Szeged", "Pécs", "Győr", "Miskolc"], &["háza", "vár", "falu"]),
        c("SI", "en", "EUR", 2, 46.1, 14.8, 0.5, &["Ljubljana", "Maribor", "Kranj", "Celje"], &["ica", "je", "ec"]),
        c("HR", "en", "EUR", 2, 45.1, 15.6, 1.2, &["Zagreb", "Split", "Rijeka", "Osijek", "Zadar"], &["ograd", "ina", "ac"]),
        c("RO", "en", "RON", 3, 45.9, 24.9, 2.0, &["Cluj-Napoca", "Timișoara", "Iași", "Brașov", "Oradea", "Sibiu"], &["ești", "eni", "ița"]),
        c("BG", "en", "BGN", 2, 42.7, 25.3, 1.2, &["Sofia", "Plovdiv", "Varna", "Burgas", "Ruse"], &["ovo", "ets", "grad"]),
        c("GR", "en", "EUR", 4, 39.1, 22.0, 2.0, &["Thessaloniki", "Athens", "Patras", "Heraklion", "Larissa", "Volos", "Trikala"], &["polis", "ada", "ia"]),
        c("CY", "en", "EUR", 1, 35.0, 33.2, 0.3, &["Nicosia", "Limassol", "Larnaca"], &["ia", "ou"]),
        c("MT", "en", "EUR", 1, 35.9, 14.4, 0.05, &["Valletta", "Sliema", "Birkirkara"], &["ija", "ra"]),
    ];

    pub const NAME_STARTS: &[&str] = &["Nor", "Val", "Ber", "Kas", "Lin", "Mar", "Ros", "Tor", "Sal", "Alt", "Bel", "Dor", "Fel", "Gar", "Hel", "Kar", "Lau", "Mon", "Ost", "Pra", "Ri", "Sten", "Vel", "Ald", "Bran"];

    /// (kind, share in %, name patterns)
    pub const ORG_KINDS: &[(&str, u32, &[&str])] = &[
        ("city", 72, &["{place}"]),
        ("region", 10, &["{place} Metropolitan Area", "Greater {place} Region", "{place} Regional Council"]),
        ("ngo", 6, &["{place} Climate Alliance", "{place} Cycling Union", "{place} Neighbourhood Network", "Friends of the Earth {place}"]),
        ("company", 5, &["{place} Energy Cooperative", "{place} Mobility Services", "{place} Urban Solutions", "{place} Water Company"]),
        ("research", 4, &["University of {place}", "{place} Urban Lab", "{place} Institute of Technology"]),
        ("public_agency", 3, &["{place} Energy Agency", "{place} Development Agency", "{place} Environment Agency"]),
    ];
}
