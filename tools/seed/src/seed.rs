//! A large, realistic and reproducible catalogue of good practices for development and
//! load runs.
//!
//! Organizations (mostly cities, in 29 European countries) with an owner each, a crowd of
//! plain users, and practices written from per-language, per-theme vocabularies in eight
//! languages, with endorsements, comments and adoptions whose counters match their rows.
//! Every value comes from one `StdRng` consumed in a fixed order and timestamps are laid
//! out backwards from a fixed day, so one `--seed` always gives the same rows, ids included.
//!
//! Everything is written through the server's repo layer (`livinglab::*::repo`), with its
//! bulk inserts: each batch of practices is a few multi-row INSERTs in one transaction, a
//! few batches at once; the generated columns (title, search vector...) are PostgreSQL's
//! work.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use futures_util::{StreamExt, stream};
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use uuid::Uuid;

use livinglab::db::DbPool;
use livinglab::orgs::repo::{NewMember, NewOrganizationRow};
use livinglab::practices::repo::{NewAdoption, NewComment, NewEndorsement, NewPractice};
use livinglab::shared::vocab::Role;
use livinglab::shared::vocab::{AdoptionStatus, PracticeStatus};
use livinglab::shared::vocab::{MemberRole, OrgKind};
use livinglab::users::repo::NewUserRow;
use livinglab::{orgs, practices, themes, users};

use crate::vocab::{self, COMMON, COUNTRIES, Country, GROUPS, LANGS, Lang, Vocab};

/// Practices per transaction (about 1.5 MB of JSON content).
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
    let existing = practices::repo::count(&mut conn)
        .await
        .context("counting practices")?;
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
        Some(
            users::repo::count(&mut conn)
                .await
                .context("counting accounts")?,
        )
    } else {
        let n = users::repo::count_with_email_domain(&mut conn, EMAIL_DOMAIN)
            .await
            .context("counting seeded accounts")?;
        if n > 0 {
            bail!("the database already has {n} seeded accounts: pass --append to add more");
        }
        None
    };
    let themes = themes::repo::list(&mut conn, None, i64::MAX)
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
    let hash = tokio::task::spawn_blocking(|| livinglab::auth::password::hash_blocking(PASSWORD))
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
    practices::repo::add_all_terms(&mut conn)
        .await
        .context("filling practice_terms")?;
    summary.terms = practices::repo::count_terms(&mut conn)
        .await
        .context("counting practice_terms")?;
    summary.timings.push(("search terms", t.elapsed()));
    let t = Instant::now();
    // Every table written, organizations included: without their statistics the planner
    // takes `kind = 'city'` for 2 rows and searches by organization instead of through
    // the full-text index (measured: 600 ms instead of 13 ms).
    practices::repo::analyze(&mut conn)
        .await
        .context("analyzing")?;
    let bad = practices::repo::count_counter_mismatches(&mut conn)
        .await
        .context("checking the counters")?;
    if bad > 0 {
        bail!("{bad} practices have counters that disagree with their rows");
    }
    summary.timings.push(("analyze and check", t.elapsed()));
    Ok(summary)
}

async fn insert_batch(pool: &DbPool, batch: Batch) -> anyhow::Result<Tally> {
    let mut conn = pool.get().await.context("connecting to the database")?;
    let keys: Vec<String> = CONTENT_KEYS.iter().map(|k| (*k).to_owned()).collect();
    conn.transaction::<_, diesel::result::Error, _>(async |c| {
        practices::repo::insert_many(c, &batch.practices, &keys).await?;
        practices::repo::insert_endorsements(c, &batch.endorsements).await?;
        practices::repo::insert_comments(c, &batch.comments).await?;
        practices::repo::insert_adoptions(c, &batch.adoptions).await?;
        Ok(())
    })
    .await
    .context("inserting a batch of practices")?;
    Ok(batch.tally)
}

// ---------------------------------------------------------------------------------------
// Organizations and people

struct Person {
    id: Uuid,
    email: String,
    name: String,
    role: Role,
    at: DateTime<Utc>,
}

impl Person {
    fn row<'a>(&'a self, hash: &'a str) -> NewUserRow<'a> {
        NewUserRow {
            id: self.id,
            email: &self.email,
            password_hash: hash,
            display_name: &self.name,
            role: self.role,
            created_at: self.at,
            updated_at: self.at,
        }
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
                role: Role::Member,
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
                    role: Role::Member,
                    at,
                }
            })
            .collect();
        let moderator = Person {
            id: id_at(rng, start),
            email: email("moderator", None),
            name: person_name(rng),
            role: Role::Moderator,
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
        let people: Vec<NewUserRow> = self
            .owners
            .iter()
            .chain(&self.users)
            .chain([&self.moderator])
            .map(|p| p.row(hash))
            .collect();
        let orgs = self
            .orgs
            .iter()
            .map(|o| {
                Ok(NewOrganizationRow {
                    id: o.id,
                    name: o.name.clone(),
                    kind: o
                        .kind
                        .parse::<OrgKind>()
                        .map_err(|e| anyhow!("{}: {e}", o.kind))?,
                    country: o.country.code.to_owned(),
                    population: o.population,
                    website: Some(format!("https://www.{}.example", o.slug)),
                    description: Some(org_description(o)),
                    verified_at: o.verified.then(|| o.at + days(7)),
                    created_by: Some(o.owner),
                    created_at: o.at,
                    updated_at: o.at,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let owners: Vec<NewMember> = self
            .orgs
            .iter()
            .map(|o| NewMember {
                organization_id: o.id,
                user_id: o.owner,
                role: MemberRole::Owner,
                created_at: o.at,
            })
            .collect();
        conn.transaction::<_, diesel::result::Error, _>(async |c| {
            users::repo::insert_many(c, &people).await?;
            orgs::repo::insert_many(c, &orgs).await?;
            orgs::repo::insert_members(c, &owners).await?;
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
        pick(rng, COMMON.name_starts),
        pick(rng, country.suffixes)
    )
}

fn person_name(rng: &mut StdRng) -> String {
    format!(
        "{} {}",
        pick(rng, COMMON.first_names),
        pick(rng, COMMON.last_names)
    )
}

// ---------------------------------------------------------------------------------------
// Practices

struct Batch {
    practices: Vec<NewPractice>,
    endorsements: Vec<NewEndorsement>,
    comments: Vec<NewComment>,
    adoptions: Vec<NewAdoption>,
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
    let hidden_reason = hidden_at.map(|_| *pick(rng, COMMON.hidden_reasons));

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
    let funding_sources = some_of(rng, COMMON.funding, &[25, 35, 25, 15]);
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
        let first = *pick(rng, COMMON.first_names);
        let last = *pick(rng, COMMON.last_names);
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
            b.endorsements.push(NewEndorsement {
                practice_id: id,
                user_id: user.id,
                created_at: between(rng, published.max(user.at), anchor),
            });
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
                // Fields in the order they draw from `rng`.
                b.adoptions.push(NewAdoption {
                    id: id_at(rng, at),
                    practice_id: id,
                    organization_id: adopter.id,
                    status: *pick(
                        rng,
                        &[
                            AdoptionStatus::Planned,
                            AdoptionStatus::InProgress,
                            AdoptionStatus::Completed,
                        ],
                    ),
                    note: rng
                        .random_bool(0.5)
                        .then(|| (*pick(rng, COMMON.adoption_notes)).to_owned()),
                    created_by: Some(adopter.owner),
                    created_at: at,
                    updated_at: between(rng, at, anchor),
                });
            }
            adoptions = n;
        }
    }

    b.practices.push(NewPractice {
        id,
        organization_id: org.id,
        status: status.parse::<PracticeStatus>().expect("a practice status"),
        content,
        hidden_at,
        hidden_reason: hidden_reason.map(str::to_owned),
        hidden_by: hidden_at.map(|_| world.moderator.id),
        comment_count: count(comments),
        endorsement_count: count(endorsements),
        adoption_count: count(adoptions),
        created_by: Some(org.owner),
        created_at,
        updated_at,
        published_at,
    });
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
    out: &mut Vec<NewComment>,
) -> (usize, usize) {
    let anchor = world.anchor;
    let (mut all, mut live) = (0, 0);
    let mut one = |rng: &mut StdRng, parent: Option<Uuid>, after: DateTime<Utc>, author: Uuid| {
        let at = between(rng, after, anchor);
        let id = id_at(rng, at);
        let deleted = rng.random_bool(0.05);
        let text = if parent.is_some() {
            pick(rng, COMMON.replies)
        } else {
            pick(rng, COMMON.comments)
        };
        let body = if deleted {
            String::new()
        } else {
            render(rng, text, cx)
        };
        let edited = !deleted && rng.random_bool(0.08);
        out.push(NewComment {
            id,
            practice_id: practice,
            parent_id: parent,
            author_id: Some(author),
            body,
            created_at: at,
            edited_at: edited.then(|| between(rng, at, anchor)),
            deleted_at: deleted.then(|| between(rng, at, anchor)),
        });
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
            _ if rng.random_bool(0.15) => *pick(rng, COMMON.common_tags),
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

/// A counter column's value.
fn count(n: usize) -> i32 {
    i32::try_from(n).expect("a counter fits in an i32")
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
            let orgs: Vec<(Uuid, &str)> = w.orgs.iter().map(|o| (o.id, o.name.as_str())).collect();
            format!(
                "{orgs:?} {:?} {:?} {:?} {:?}",
                b.practices, b.endorsements, b.comments, b.adoptions
            )
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
            let c = &row.content;
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
            let status = row.status;
            assert_eq!(row.published_at.is_none(), status == PracticeStatus::Draft);
            assert_eq!(row.hidden_at.is_none(), row.hidden_reason.is_none());
            assert_eq!(row.hidden_at.is_none(), row.hidden_by.is_none());
            statuses.insert(status.as_str());
            endorsements += row.endorsement_count;
            adoptions += row.adoption_count;
            comments += row.comment_count;
        }
        assert_eq!(languages.len(), 8, "{languages:?}");
        assert_eq!(statuses.len(), 3);
        assert_eq!(endorsements as usize, b.endorsements.len());
        assert_eq!(adoptions as usize, b.adoptions.len());
        let live = b.comments.iter().filter(|c| c.deleted_at.is_none()).count();
        assert_eq!(comments as usize, live);
        let practice_ids: HashSet<Uuid> = b.practices.iter().map(|p| p.id).collect();
        assert!(
            b.adoptions
                .iter()
                .all(|a| practice_ids.contains(&a.practice_id) && a.created_by.is_some())
        );
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
