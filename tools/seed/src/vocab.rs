//! The seeder's vocabularies. The words are data, not logic: one JSON file per language in
//! `vocab/` (`en.json` ... `pl.json`) and the language-neutral lists in `vocab/common.json`,
//! embedded at build time and parsed once, on first use. What is structure rather than words
//! stays here: the theme groups (they name the themes of the migrations), the countries and
//! the kinds of organizations.
//!
//! Templates use {place}, {topic}, {Topic} (capitalised), {topic2}, {org}, {year} (the
//! start), {later} (start..writing), {goal} (2030..2050), {n} (3..40), {big} (200..20000)
//! and {pct} (5..60).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// (language code, file), in the order languages are numbered: English first, the default.
const SOURCES: [(&str, &str); 8] = [
    ("en", include_str!("../vocab/en.json")),
    ("es", include_str!("../vocab/es.json")),
    ("fr", include_str!("../vocab/fr.json")),
    ("de", include_str!("../vocab/de.json")),
    ("it", include_str!("../vocab/it.json")),
    ("pt", include_str!("../vocab/pt.json")),
    ("nl", include_str!("../vocab/nl.json")),
    ("pl", include_str!("../vocab/pl.json")),
];
const COMMON_SOURCE: &str = include_str!("../vocab/common.json");

/// Every language, parsed from its file the first time it is needed.
pub static LANGS: LazyLock<Vec<Lang>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(code, text)| {
            parse_lang(code, text).unwrap_or_else(|e| panic!("vocab/{code}.json: {e}"))
        })
        .collect()
});

/// The lists that do not depend on the language of a write-up.
pub static COMMON: LazyLock<Common> = LazyLock::new(|| {
    let file: CommonFile =
        serde_json::from_str(COMMON_SOURCE).unwrap_or_else(|e| panic!("vocab/common.json: {e}"));
    Common {
        common_tags: leak(file.common_tags),
        funding: leak(file.funding),
        first_names: leak(file.first_names),
        last_names: leak(file.last_names),
        name_starts: leak(file.name_starts),
        comments: leak(file.comments),
        replies: leak(file.replies),
        adoption_notes: leak(file.adoption_notes),
        hidden_reasons: leak(file.hidden_reasons),
    }
});

/// A family of themes: the practice's first theme is `slugs[0]`, extra ones come from
/// the rest of `slugs`. Each language file has the words of each group under `slugs[0]`.
pub struct Group {
    pub slugs: &'static [&'static str],
    pub weight: u32,
}

#[rustfmt::skip]
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

/// The words of one theme group in one language.
pub struct Vocab {
    pub topics: &'static [&'static str],
    pub tags: &'static [&'static str],
    pub sentences: &'static [&'static str],
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
    /// In the order of `GROUPS`.
    pub themes: Vec<Vocab>,
}

pub struct Common {
    /// Cross-cutting tags any practice may carry.
    pub common_tags: &'static [&'static str],
    pub funding: &'static [&'static str],
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    /// Beginnings of made-up place names (the country gives the ending).
    pub name_starts: &'static [&'static str],
    pub comments: &'static [&'static str],
    pub replies: &'static [&'static str],
    pub adoption_notes: &'static [&'static str],
    pub hidden_reasons: &'static [&'static str],
}

// ---- the files ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LangFile {
    titles: Vec<String>,
    summaries: Vec<String>,
    headings: Headings,
    context: Vec<String>,
    actions: Vec<String>,
    results: Vec<String>,
    lessons: Vec<String>,
    transfer: Vec<String>,
    stakeholders: Vec<String>,
    roles: Vec<String>,
    link_titles: Vec<String>,
    indicators: Vec<Indicator>,
    /// Keyed by the first slug of each group.
    themes: BTreeMap<String, ThemeWords>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Headings {
    context: String,
    what_we_did: String,
    results: String,
    lessons_learned: String,
    transferability: String,
    more_information: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    name: String,
    unit: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeWords {
    topics: Vec<String>,
    tags: Vec<String>,
    sentences: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonFile {
    common_tags: Vec<String>,
    funding: Vec<String>,
    first_names: Vec<String>,
    last_names: Vec<String>,
    name_starts: Vec<String>,
    comments: Vec<String>,
    replies: Vec<String>,
    adoption_notes: Vec<String>,
    hidden_reasons: Vec<String>,
}

/// The words live as long as the process, like the constants they used to be: the
/// generator hands out `&'static str` and keeps no copies.
fn leak(list: Vec<String>) -> &'static [&'static str] {
    list.into_iter()
        .map(|s| &*s.leak())
        .collect::<Vec<&'static str>>()
        .leak()
}

fn s(text: String) -> &'static str {
    text.leak()
}

fn parse_lang(code: &'static str, text: &str) -> Result<Lang, String> {
    let mut file: LangFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut themes = Vec::with_capacity(GROUPS.len());
    for group in &GROUPS {
        let words = file
            .themes
            .remove(group.slugs[0])
            .ok_or_else(|| format!("no words for the theme group {}", group.slugs[0]))?;
        themes.push(Vocab {
            topics: leak(words.topics),
            tags: leak(words.tags),
            sentences: leak(words.sentences),
        });
    }
    if let Some(extra) = file.themes.keys().next() {
        return Err(format!("{extra} is not the first slug of a theme group"));
    }
    let h = file.headings;
    let indicators: Vec<(&'static str, &'static str)> = file
        .indicators
        .into_iter()
        .map(|i| (s(i.name), s(i.unit)))
        .collect();
    Ok(Lang {
        code,
        titles: leak(file.titles),
        summaries: leak(file.summaries),
        headings: [
            s(h.context),
            s(h.what_we_did),
            s(h.results),
            s(h.lessons_learned),
            s(h.transferability),
            s(h.more_information),
        ],
        context: leak(file.context),
        actions: leak(file.actions),
        results: leak(file.results),
        lessons: leak(file.lessons),
        transfer: leak(file.transfer),
        stakeholders: leak(file.stakeholders),
        roles: leak(file.roles),
        link_titles: leak(file.link_titles),
        indicators: indicators.leak(),
        themes,
    })
}

// ---- places and organizations ----

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
    code: &'static str,
    lang: &'static str,
    currency: &'static str,
    weight: u32,
    lat: f64,
    lon: f64,
    spread: f64,
    cities: &'static [&'static str],
    suffixes: &'static [&'static str],
) -> Country {
    Country {
        code,
        lang,
        currency,
        weight,
        lat,
        lon,
        spread,
        cities,
        suffixes,
    }
}

#[rustfmt::skip]
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

/// (kind, share in %, name patterns)
#[rustfmt::skip]
pub const ORG_KINDS: &[(&str, u32, &[&str])] = &[
    ("city", 72, &["{place}"]),
    ("region", 10, &["{place} Metropolitan Area", "Greater {place} Region", "{place} Regional Council"]),
    ("ngo", 6, &["{place} Climate Alliance", "{place} Cycling Union", "{place} Neighbourhood Network", "Friends of the Earth {place}"]),
    ("company", 5, &["{place} Energy Cooperative", "{place} Mobility Services", "{place} Urban Solutions", "{place} Water Company"]),
    ("research", 4, &["University of {place}", "{place} Urban Lab", "{place} Institute of Technology"]),
    ("public_agency", 3, &["{place} Energy Agency", "{place} Development Agency", "{place} Environment Agency"]),
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    /// Every path to a list or a text in `v` ("themes.green-mobility.topics"), after
    /// checking that no list and no text is empty.
    fn paths(v: &Value, at: String, out: &mut BTreeSet<String>, file: &str) {
        match v {
            Value::Object(map) => {
                assert!(!map.is_empty(), "{file}: {at} is empty");
                for (k, v) in map {
                    let next = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    paths(v, next, out, file);
                }
            }
            Value::Array(items) => {
                assert!(!items.is_empty(), "{file}: the list {at} is empty");
                for item in items {
                    match item {
                        Value::String(s) => assert!(!s.trim().is_empty(), "{file}: {at}"),
                        Value::Object(_) => {
                            let mut inner = BTreeSet::new();
                            paths(item, String::new(), &mut inner, file);
                            out.extend(inner.into_iter().map(|k| format!("{at}[].{k}")));
                        }
                        other => panic!("{file}: {at} holds {other}"),
                    }
                }
                out.insert(at);
            }
            Value::String(s) => {
                assert!(!s.trim().is_empty(), "{file}: {at} is empty");
                out.insert(at);
            }
            other => panic!("{file}: {at} is {other}, not a list or a text"),
        }
    }

    fn keys(file: &str, text: &str) -> BTreeSet<String> {
        let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut out = BTreeSet::new();
        paths(&v, String::new(), &mut out, file);
        out
    }

    #[test]
    fn every_language_has_every_key_and_no_empty_list() {
        let english = keys("en.json", SOURCES[0].1);
        for group in &GROUPS {
            for list in ["topics", "tags", "sentences"] {
                let key = format!("themes.{}.{list}", group.slugs[0]);
                assert!(english.contains(&key), "en.json has no {key}");
            }
        }
        for (code, text) in SOURCES {
            let file = format!("{code}.json");
            let these = keys(&file, text);
            let missing: Vec<_> = english.difference(&these).collect();
            let extra: Vec<_> = these.difference(&english).collect();
            assert!(missing.is_empty(), "{file} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{file} has keys English does not: {extra:?}"
            );
        }
        keys("common.json", COMMON_SOURCE);
    }

    #[test]
    fn the_files_parse_into_every_group() {
        assert_eq!(LANGS.len(), SOURCES.len());
        for (lang, (code, _)) in LANGS.iter().zip(SOURCES) {
            assert_eq!(lang.code, code);
            assert_eq!(lang.themes.len(), GROUPS.len());
            assert!(lang.headings.iter().all(|h| !h.is_empty()));
        }
        assert!(!COMMON.comments.is_empty() && !COMMON.name_starts.is_empty());
        // Every country writes in English or in a language that has a file.
        for c in COUNTRIES {
            assert!(LANGS.iter().any(|l| l.code == c.lang), "{}", c.code);
        }
    }
}
