//! The public catalogue's search: PostgreSQL full-text search over the generated `search`
//! column (title A, summary and tags B, the other texts C), a prefix match for the word
//! being typed, typo tolerance from `practice_terms` (pg_trgm), filters that combine, and
//! facets counted over the filtered set. One round trip answers the page, the total and
//! the facets (as JSON built by PostgreSQL).
//!
//! Write-ups are stemmed in their own language, and a query's language is unknown, so the
//! query is the OR of itself parsed by every configuration a write-up can have: "bikes"
//! finds English "bike" and "mobilidad" finds Spanish "movilidad"... only if stemmed alike.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::query_builder::BoxedSqlQuery;
use diesel::sql_types::{Array, BigInt, Integer, Nullable, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::dto::{Facets, SearchItem, SearchParams, SearchResponse, SortOrder};
use crate::domain::{CountryCode, LanguageCode, Slug, search_text};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::pagination::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::shared::vocab::OrgKind;

use crate::shared::vocab::ImplementationStatus;

/// Every configuration `practice_ts_config` can return (see the migration).
const CONFIGS: &[&str] = &[
    "simple",
    "english",
    "spanish",
    "french",
    "german",
    "italian",
    "portuguese",
    "dutch",
    "danish",
    "swedish",
    "finnish",
    "hungarian",
    "romanian",
    "greek",
    "lithuanian",
    "norwegian",
    "catalan",
    "turkish",
    "irish",
    "russian",
];

fn config_of(language: &str) -> &'static str {
    match language {
        "en" => "english",
        "es" => "spanish",
        "fr" => "french",
        "de" => "german",
        "it" => "italian",
        "pt" => "portuguese",
        "nl" => "dutch",
        "da" => "danish",
        "sv" => "swedish",
        "fi" => "finnish",
        "hu" => "hungarian",
        "ro" => "romanian",
        "el" => "greek",
        "lt" => "lithuanian",
        "no" | "nb" => "norwegian",
        "ca" => "catalan",
        "tr" => "turkish",
        "ga" => "irish",
        "ru" => "russian",
        _ => "simple",
    }
}

const MAX_WORDS: usize = 8;
const MAX_LIST: usize = 20;

/// Validated filters. `words` are the query's words (letters and digits only, so they
/// cannot carry tsquery syntax).
#[derive(Debug, Default)]
pub struct Filter {
    pub words: Vec<String>,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub organization: Option<Uuid>,
    pub organization_kinds: Vec<String>,
    pub languages: Vec<String>,
    pub statuses: Vec<String>,
    pub min_population: Option<i64>,
    pub max_population: Option<i64>,
    pub year: Option<i32>,
    pub sort: Option<SortOrder>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cursor {
    Rank(f32, Uuid),
    Newest(Option<DateTime<Utc>>, Uuid),
    Endorsements(i32, Uuid),
}

impl Cursor {
    fn encode(&self) -> String {
        let raw = match self {
            Self::Rank(r, id) => format!("r|{r}|{id}"),
            Self::Newest(t, id) => format!(
                "n|{}|{id}",
                t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
                    .unwrap_or_default()
            ),
            Self::Endorsements(n, id) => format!("e|{n}|{id}"),
        };
        URL_SAFE_NO_PAD.encode(raw)
    }

    fn decode(raw: &str, sort: SortOrder) -> Option<Self> {
        let text = String::from_utf8(URL_SAFE_NO_PAD.decode(raw).ok()?).ok()?;
        let mut parts = text.splitn(3, '|');
        let (kind, key, id) = (parts.next()?, parts.next()?, parts.next()?);
        let id: Uuid = id.parse().ok()?;
        match (kind, sort) {
            ("r", SortOrder::Relevance) => {
                let r: f32 = key.parse().ok()?;
                r.is_finite().then_some(Self::Rank(r, id))
            }
            ("n", SortOrder::Newest) if key.is_empty() => Some(Self::Newest(None, id)),
            ("n", SortOrder::Newest) => Some(Self::Newest(
                Some(DateTime::parse_from_rfc3339(key).ok()?.with_timezone(&Utc)),
                id,
            )),
            ("e", SortOrder::Endorsements) => Some(Self::Endorsements(key.parse().ok()?, id)),
            _ => None,
        }
    }
}

fn list<T>(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Vec<T> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let parts: Vec<&str> = raw
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() > MAX_LIST {
        errors.add(field, format!("at most {MAX_LIST} values"));
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in parts {
        match parse(p) {
            Ok(v) => out.push(v),
            Err(e) => {
                errors.add(field, format!("{p:?}: {e}"));
                return Vec::new();
            }
        }
    }
    out
}

/// Splits a query into lower-case words of letters and digits.
pub fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(60).collect())
        .take(MAX_WORDS)
        .collect()
}

/// Parses the query string; also returns the page size and the decoded cursor.
pub fn parse(p: &SearchParams) -> AppResult<(Filter, i64, Option<Cursor>)> {
    let mut errors = FieldErrors::new();
    let q = errors.check("q", search_text(p.q.as_deref())).flatten();
    let mut f = Filter {
        words: q.as_deref().map(words).unwrap_or_default(),
        themes: list(&mut errors, "theme", p.theme.as_deref(), |s| {
            Slug::parse(s).map(|s| s.into_inner())
        }),
        countries: list(&mut errors, "country", p.country.as_deref(), |s| {
            CountryCode::parse(s).map(|s| s.into_inner())
        }),
        organization: p.organization,
        organization_kinds: list(
            &mut errors,
            "organization_kind",
            p.organization_kind.as_deref(),
            |s| {
                s.parse::<OrgKind>()
                    .map(|k| k.as_str().to_owned())
                    .map_err(|_| "is not an organization kind".to_owned())
            },
        ),
        languages: list(&mut errors, "language", p.language.as_deref(), |s| {
            LanguageCode::parse(s).map(|s| s.into_inner())
        }),
        statuses: list(
            &mut errors,
            "implementation_status",
            p.implementation_status.as_deref(),
            |s| {
                s.parse::<ImplementationStatus>()
                    .map(|k| k.as_str().to_owned())
                    .map_err(|_| "must be planned, ongoing or completed".to_owned())
            },
        ),
        min_population: p.min_population,
        max_population: p.max_population,
        year: p.year,
        sort: p.sort,
    };
    for (field, v) in [
        ("min_population", f.min_population),
        ("max_population", f.max_population),
    ] {
        if v.is_some_and(|v| v < 0) {
            errors.add(field, "must be at least 0");
        }
    }
    if let (Some(a), Some(b)) = (f.min_population, f.max_population)
        && a > b
    {
        errors.add("max_population", "must not be below min_population");
    }
    if f.year.is_some_and(|y| !(1900..=2100).contains(&y)) {
        errors.add("year", "must be between 1900 and 2100");
    }
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errors.add("limit", format!("must be between 1 and {MAX_LIMIT}"));
    }
    let sort = f.sort_order();
    if sort == SortOrder::Relevance && f.words.is_empty() {
        errors.add("sort", "relevance needs a query (q)");
    }
    f.sort = Some(sort);
    let cursor = match p.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => {
            let decoded = Cursor::decode(c, sort);
            if decoded.is_none() {
                errors.add("cursor", "is not a cursor for this search");
            }
            decoded
        }
    };
    errors.finish()?;
    Ok((f, limit, cursor))
}

impl Filter {
    pub fn sort_order(&self) -> SortOrder {
        self.sort.unwrap_or(if self.words.is_empty() {
            SortOrder::Newest
        } else {
            SortOrder::Relevance
        })
    }

    /// A canonical form of the search, the cache's key.
    pub fn cache_key(&self, limit: i64, cursor: Option<&Cursor>) -> String {
        format!("{self:?}|{limit}|{cursor:?}")
    }
}

/// One word of the query after typo correction: `terms` is a tsquery OR of the word and
/// its known look-alikes; `prefix`, for the last word, is that word as a prefix.
struct WordQuery {
    word: String,
    terms: String,
    prefix: Option<String>,
}

async fn expand(
    conn: &mut AsyncPgConnection,
    words: &[String],
    configs: &[&str],
) -> AppResult<Vec<WordQuery>> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = Integer)]
        i: i32,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        known: bool,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        stop: bool,
        #[diesel(sql_type = Nullable<Array<Text>>)]
        alts: Option<Vec<String>>,
    }
    // A word is known if some write-up uses it (the last one: if some word starts with
    // it). Unknown words of 4+ letters are widened to the 3 most similar known words.
    // A stop word in any searched language ("the", "de", "und") is dropped: documents in
    // that language do not contain it, so requiring it would exclude them.
    let configs: Vec<String> = configs.iter().map(|c| (*c).to_owned()).collect();
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT x.i, x.known, x.stop,
                CASE WHEN NOT x.known AND NOT x.stop AND length(x.word) >= 4 THEN
                  (SELECT array_agg(s.term) FROM (
                     SELECT t.term FROM practice_terms t WHERE t.term % x.word
                     ORDER BY similarity(t.term, x.word) DESC, t.term LIMIT 3) s)
                END AS alts
         FROM (
           SELECT w.word, (w.i)::int AS i,
                  CASE WHEN w.i = $2
                       THEN length(w.word) < 3 OR EXISTS
                            (SELECT 1 FROM practice_terms t WHERE t.term LIKE w.word || '%')
                       ELSE EXISTS (SELECT 1 FROM practice_terms t WHERE t.term = w.word)
                  END AS known,
                  coalesce((SELECT bool_or(numnode(to_tsquery(c::regconfig, w.word)) = 0)
                            FROM unnest($3::text[]) AS c), false) AS stop
           FROM unnest($1::text[]) WITH ORDINALITY AS w(word, i)
         ) x",
    )
    .bind::<Array<Text>, _>(words)
    .bind::<BigInt, _>(words.len() as i64)
    .bind::<Array<Text>, _>(&configs)
    .load(conn)
    .await?;
    let all_stop = rows.iter().all(|r| r.stop);
    let mut out = Vec::with_capacity(words.len());
    for (idx, w) in words.iter().enumerate() {
        let last = idx + 1 == words.len();
        let row = rows.iter().find(|r| r.i as usize == idx + 1);
        if row.is_some_and(|r| r.stop) && !all_stop {
            continue;
        }
        let alts: Vec<String> = match row {
            Some(r) if !r.known => r
                .alts
                .clone()
                .unwrap_or_default()
                .into_iter()
                // Lexicon terms are single words of letters; keep the guarantee anyway.
                .filter(|t| t.chars().all(char::is_alphanumeric))
                .collect(),
            _ => Vec::new(),
        };
        let mut terms = vec![w.clone()];
        terms.extend(alts);
        out.push(WordQuery {
            word: w.clone(),
            terms: terms.join(" | "),
            // Short prefixes would match nearly everything.
            prefix: (last && w.chars().count() >= 3).then(|| format!("{w}:*")),
        });
    }
    Ok(out)
}

/// The whole query as tsquery text: each word is its stem in every configuration (a
/// write-up matches in its own) OR'ed, distinct forms only, and for the last word also the
/// typed prefix of an unstemmed form ("mobil" -> "mobility"; prefixes are not stemmed, as
/// stemmers cut them to the stem of some other word). Words are AND'ed. Built in its own
/// small query so the search itself is planned with a plain `$1::tsquery`.
async fn tsquery(
    conn: &mut AsyncPgConnection,
    words: &[String],
    configs: &[&str],
) -> AppResult<String> {
    let wq = expand(conn, words, configs).await?;
    let (mut idx, mut texts, mut cfgs) = (Vec::new(), Vec::new(), Vec::new());
    for (i, w) in wq.iter().enumerate() {
        for c in configs {
            idx.push(i as i32);
            texts.push(w.terms.clone());
            cfgs.push((*c).to_owned());
        }
        if let Some(p) = &w.prefix {
            idx.push(i as i32);
            texts.push(p.clone());
            cfgs.push("simple".to_owned());
        }
    }
    #[derive(diesel::QueryableByName)]
    struct Form {
        #[diesel(sql_type = Integer)]
        i: i32,
        #[diesel(sql_type = Text)]
        q: String,
    }
    let forms: Vec<Form> = diesel::sql_query(
        "SELECT DISTINCT x.i, to_tsquery(x.c::regconfig, x.t)::text AS q
         FROM unnest($1::int[], $2::text[], $3::text[]) AS x(i, t, c) ORDER BY 1, 2",
    )
    .bind::<Array<Integer>, _>(&idx)
    .bind::<Array<Text>, _>(&texts)
    .bind::<Array<Text>, _>(&cfgs)
    .load(conn)
    .await?;
    let groups: Vec<String> = (0..wq.len() as i32)
        .filter_map(|i| {
            let word_len = wq[i as usize].word.chars().count();
            let alts: Vec<String> = forms
                .iter()
                .filter(|f| f.i == i && !f.q.is_empty())
                // A stemmer of another language can cut a word to a stub that is a common
                // word somewhere ("part" -> 'par', "data" -> 'da'): short stems only when the
                // word itself is that short.
                .filter(|f| stem_len(&f.q) >= word_len.min(4))
                .map(|f| format!("( {} )", f.q))
                .collect();
            (!alts.is_empty()).then(|| format!("( {} )", alts.join(" | ")))
        })
        .collect();
    Ok(groups.join(" & "))
}

/// The length of the shortest lexeme in a tsquery text such as `'bike' | 'bicycl':*`.
fn stem_len(q: &str) -> usize {
    q.split('\'')
        .skip(1)
        .step_by(2)
        .map(|l| l.chars().count())
        .min()
        .unwrap_or(0)
}

/// The SQL being built and the next `$n`.
struct Sql {
    text: String,
    n: usize,
}

impl Sql {
    fn param(&mut self) -> String {
        self.n += 1;
        format!("${}", self.n)
    }
}

pub async fn run(
    conn: &mut AsyncPgConnection,
    f: &Filter,
    limit: i64,
    cursor: Option<&Cursor>,
    snippets: bool,
) -> AppResult<SearchResponse> {
    let sort = f.sort_order();
    // The query, parsed by the configuration of each language searched.
    let configs: Vec<&str> = if f.languages.is_empty() {
        CONFIGS.to_vec()
    } else {
        let mut c: Vec<&str> = f.languages.iter().map(|l| config_of(l)).collect();
        c.push("simple");
        c.sort_unstable();
        c.dedup();
        c
    };
    let tsquery = if f.words.is_empty() {
        None
    } else {
        Some(tsquery(conn, &f.words, &configs).await?)
    };
    let mut sql = Sql {
        text: String::new(),
        n: 0,
    };
    let mut binds: Vec<Bind> = Vec::new();
    let tsq_expr = match &tsquery {
        Some(q) => {
            let p = sql.param();
            binds.push(Bind::Text(q.clone()));
            format!("{p}::tsquery")
        }
        None => "NULL::tsquery".to_owned(),
    };

    let mut conds = vec![
        "p.status = 'published'".to_owned(),
        "p.hidden_at IS NULL".to_owned(),
    ];
    if tsquery.is_some() {
        conds.push("p.search @@ q.tsq".into());
    }
    if !f.themes.is_empty() {
        let p = sql.param();
        binds.push(Bind::Texts(f.themes.clone()));
        conds.push(format!(
            "p.theme_ids && ARRAY(SELECT id FROM themes WHERE slug = ANY({p}))"
        ));
    }
    for (values, column) in [
        (&f.countries, "o.country"),
        (&f.organization_kinds, "o.kind"),
        (&f.languages, "p.language"),
        (&f.statuses, "p.implementation_status"),
    ] {
        if !values.is_empty() {
            let p = sql.param();
            binds.push(Bind::Texts(values.clone()));
            conds.push(format!("{column} = ANY({p})"));
        }
    }
    if let Some(o) = f.organization {
        let p = sql.param();
        binds.push(Bind::Uuid(o));
        conds.push(format!("p.organization_id = {p}"));
    }
    if let Some(v) = f.min_population {
        let p = sql.param();
        binds.push(Bind::BigInt(v));
        conds.push(format!("o.population >= {p}"));
    }
    if let Some(v) = f.max_population {
        let p = sql.param();
        binds.push(Bind::BigInt(v));
        conds.push(format!("o.population <= {p}"));
    }
    if let Some(y) = f.year {
        let p = sql.param();
        binds.push(Bind::BigInt(y.into()));
        conds.push(format!("p.start_year = {p}"));
    }

    // The sort key, and the cursor's condition on it (descending key, ascending id).
    let (key_expr, order) = match sort {
        // Ranked on title, summary and tags (weights A and B): a match there comes first,
        // matches in the other texts only follow, in id order.
        SortOrder::Relevance => ("ts_rank(p.search_head, q.tsq)", "m.k DESC, m.id"),
        SortOrder::Newest => ("p.published_at", "m.k DESC NULLS LAST, m.id"),
        SortOrder::Endorsements => ("p.endorsement_count::real", "m.k DESC, m.id"),
    };
    let after = match cursor {
        None => "TRUE".to_owned(),
        Some(Cursor::Rank(r, id)) => {
            let (pr, pi) = (sql.param(), sql.param());
            binds.push(Bind::Text(r.to_string()));
            binds.push(Bind::Uuid(*id));
            format!("(m.k < {pr}::real OR (m.k = {pr}::real AND m.id > {pi}))")
        }
        Some(Cursor::Endorsements(n, id)) => {
            let (pr, pi) = (sql.param(), sql.param());
            binds.push(Bind::BigInt((*n).into()));
            binds.push(Bind::Uuid(*id));
            format!("(m.k < {pr}::real OR (m.k = {pr}::real AND m.id > {pi}))")
        }
        Some(Cursor::Newest(Some(t), id)) => {
            let (pt, pi) = (sql.param(), sql.param());
            binds.push(Bind::Text(
                t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            ));
            binds.push(Bind::Uuid(*id));
            format!(
                "(m.k IS NULL OR m.k < {pt}::timestamptz OR (m.k = {pt}::timestamptz AND m.id > {pi}))"
            )
        }
        Some(Cursor::Newest(None, id)) => {
            let pi = sql.param();
            binds.push(Bind::Uuid(*id));
            format!("(m.k IS NULL AND m.id > {pi})")
        }
    };
    let pl = sql.param();
    binds.push(Bind::BigInt(limit + 1));
    let headline_query = if tsquery.is_some() && snippets {
        "q.tsq"
    } else {
        "NULL::tsquery"
    };

    sql.text = format!(
        "WITH q AS (SELECT {tsq_expr} AS tsq),
         m AS MATERIALIZED (
           SELECT p.id, p.theme_ids, o.country, p.implementation_status, p.language,
                  {key_expr} AS k
           FROM practices p JOIN organizations o ON o.id = p.organization_id, q
           WHERE {conds}
         ),
         page AS (
           SELECT m.id, m.k FROM m WHERE {after} ORDER BY {order} LIMIT {pl}
         )
         SELECT json_build_object(
           'total', (SELECT count(*) FROM m),
           'themes', (SELECT coalesce(json_object_agg(t.slug, x.c), '{{}}') FROM
                       (SELECT u.theme, count(*) AS c
                        FROM (SELECT unnest(m.theme_ids) AS theme FROM m) u
                        GROUP BY u.theme) x JOIN themes t ON t.id = x.theme),
           'groups', (SELECT coalesce(json_agg(json_build_array(g.f, g.v, g.c)), '[]') FROM
                       (SELECT CASE WHEN GROUPING(country) = 0 THEN 'c'
                                    WHEN GROUPING(implementation_status) = 0 THEN 's'
                                    ELSE 'l' END AS f,
                               coalesce(country, implementation_status, language) AS v,
                               count(*) AS c
                        FROM m GROUP BY GROUPING SETS ((country), (implementation_status), (language))) g),
           'items', (SELECT coalesce(json_agg(json_build_object(
                'id', p.id, 'k', m.k, 'title', p.title, 'summary', p.summary,
                'language', p.language, 'implementation_status', p.implementation_status,
                'endorsement_count', p.endorsement_count, 'published_at', p.published_at,
                'organization', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind,
                                                  'country', o.country, 'population', o.population),
                'themes', (SELECT coalesce(json_agg(t.slug ORDER BY t.slug), '[]')
                           FROM themes t WHERE t.id = ANY(p.theme_ids)),
                'snippet', CASE WHEN {headline_query} IS NULL THEN NULL ELSE
                   ts_headline(practice_ts_config(p.language),
                     regexp_replace(p.summary || ' ' || left(p.content->>'body', 3000),
                                    '[{m0}{m1}#*_`>|\\[\\]]+', ' ', 'g'),
                     {headline_query},
                     'StartSel={m0}, StopSel={m1}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"')
                   END
              ) ORDER BY {order}), '[]')
              FROM page m JOIN practices p ON p.id = m.id
              JOIN organizations o ON o.id = p.organization_id, q)
         )::text AS result",
        conds = conds.join(" AND "),
        m0 = '\u{E000}',
        m1 = '\u{E001}',
    );

    let mut query: BoxedSqlQuery<'_, Pg, diesel::query_builder::SqlQuery> =
        diesel::sql_query(sql.text.clone()).into_boxed();
    for b in binds {
        query = match b {
            Bind::Text(s) => query.bind::<Text, _>(s),
            Bind::Texts(v) => query.bind::<Array<Text>, _>(v),
            Bind::Uuid(u) => query.bind::<diesel::sql_types::Uuid, _>(u),
            Bind::BigInt(v) => query.bind::<BigInt, _>(v),
        };
    }
    #[derive(diesel::QueryableByName)]
    struct Out {
        #[diesel(sql_type = Text)]
        result: String,
    }
    let out: Out = query.get_result(conn).await?;
    decode(&out.result, sort, limit)
}

enum Bind {
    Text(String),
    Texts(Vec<String>),
    Uuid(Uuid),
    BigInt(i64),
}

#[derive(serde::Deserialize)]
struct Raw {
    total: i64,
    themes: std::collections::BTreeMap<String, i64>,
    /// (facet: `c`ountries, implementation `s`tatus, `l`anguages; value; count)
    groups: Vec<(String, Option<String>, i64)>,
    items: Vec<RawItem>,
}

#[derive(serde::Deserialize)]
struct RawItem {
    k: Option<serde_json::Value>,
    #[serde(flatten)]
    item: SearchItem,
}

fn decode(json: &str, sort: SortOrder, limit: i64) -> AppResult<SearchResponse> {
    let raw: Raw = serde_json::from_str(json).map_err(AppError::internal)?;
    let mut facets = Facets {
        themes: raw.themes,
        ..Facets::default()
    };
    for (f, v, c) in raw.groups {
        let target = match f.as_str() {
            "c" => &mut facets.countries,
            "s" => &mut facets.implementation_status,
            _ => &mut facets.languages,
        };
        target.insert(v.unwrap_or_default(), c);
    }
    let more = raw.items.len() as i64 > limit;
    let mut items = raw.items;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|last| {
            let id = last.item.id;
            match sort {
                SortOrder::Relevance => Cursor::Rank(
                    last.k.as_ref().and_then(|v| v.as_f64()).unwrap_or(0.0) as f32,
                    id,
                ),
                SortOrder::Newest => Cursor::Newest(last.item.published_at, id),
                SortOrder::Endorsements => Cursor::Endorsements(last.item.endorsement_count, id),
            }
            .encode()
        })
    } else {
        None
    };
    Ok(SearchResponse {
        items: items
            .into_iter()
            .map(|mut r| {
                r.item.snippet = r.item.snippet.map(|s| highlight(&s));
                r.item
            })
            .collect(),
        next_cursor,
        total: raw.total,
        facets,
    })
}

/// Escapes the headline as HTML and turns the private-use markers PostgreSQL put around
/// matches into `<mark>` (the source text had those characters removed beforehand).
fn highlight(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 32);
    for c in s.chars() {
        match c {
            '\u{E000}' => out.push_str("<mark>"),
            '\u{E001}' => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_letters_and_digits_only() {
        assert_eq!(
            words("Bike-lanes & (mobil:*) | !x'; DROP"),
            vec!["bike", "lanes", "mobil", "x", "drop"]
        );
        assert_eq!(words("Économie circulaire").len(), 2);
    }

    #[test]
    fn cursors_round_trip_and_belong_to_their_sort() {
        let id = Uuid::now_v7();
        for (c, s) in [
            (Cursor::Rank(0.060_792_7, id), SortOrder::Relevance),
            (Cursor::Newest(Some(Utc::now()), id), SortOrder::Newest),
            (Cursor::Newest(None, id), SortOrder::Newest),
            (Cursor::Endorsements(12, id), SortOrder::Endorsements),
        ] {
            let enc = c.encode();
            let back = Cursor::decode(&enc, s).unwrap();
            match (&c, &back) {
                (Cursor::Newest(Some(a), _), Cursor::Newest(Some(b), _)) => {
                    assert_eq!(a.timestamp_micros(), b.timestamp_micros())
                }
                _ => assert_eq!(c, back),
            }
            assert!(
                Cursor::decode(&enc, SortOrder::Endorsements).is_none()
                    || s == SortOrder::Endorsements
            );
        }
        assert!(Cursor::decode("not-a-cursor", SortOrder::Newest).is_none());
    }

    #[test]
    fn stem_lengths() {
        assert_eq!(stem_len("'bike' | 'bicycl':*"), 4);
        assert_eq!(stem_len("'da'"), 2);
        assert_eq!(stem_len(""), 0);
    }

    #[test]
    fn highlights_are_the_only_markup() {
        assert_eq!(
            highlight("a <script> \u{E000}bike\u{E001} & \"x\""),
            "a &lt;script&gt; <mark>bike</mark> &amp; &quot;x&quot;"
        );
    }
}
