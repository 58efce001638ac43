//! Languages: the Fluent catalogues under `web/i18n/<lang>/`, compiled into the binary.
//! English is the reference; adding a language is adding a folder and a line to `LANGS`.
//! Which one a viewer gets: the switcher's cookie, then the account's saved locale, then
//! `Accept-Language`, then English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./web/i18n",
        fallback_language: "en",
        // Unicode isolation marks around arguments confuse screen readers and tests alike,
        // and our arguments are names and numbers inside one-direction text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages served, by code, with their own names (the switcher shows each in itself).
pub const LANGS: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("fr", "Français"),
    ("de", "Deutsch"),
];

/// The name of the cookie the language switcher sets.
pub const LANG_COOKIE: &str = "lang";

/// One of `LANGS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(usize);

impl Lang {
    /// A served language from a code such as `fr`, `fr-BE` or `FR`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        LANGS.iter().position(|(c, _)| *c == primary).map(Lang)
    }

    pub fn code(self) -> &'static str {
        LANGS[self.0].0
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGS.len()).map(Lang)
    }

    pub fn native_name(self) -> &'static str {
        LANGS[self.0].1
    }

    /// The best served language for an `Accept-Language` header (quality values honoured).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut offers: Vec<(f32, Lang)> = header
            .split(',')
            .take(32)
            .filter_map(|part| {
                let mut it = part.split(';');
                let lang = Lang::parse(it.next()?)?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, lang))
            })
            .collect();
        // Stable: among equal qualities the first listed wins.
        offers.sort_by(|a, b| b.0.total_cmp(&a.0));
        offers.first().map(|(_, l)| *l)
    }

    fn id(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("LANGS holds valid language codes")
    }

    /// The message `key`. A missing key shows as the key itself (and a test fails on it).
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` with arguments (numbers are passed as numbers, for plurals).
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Arg::Str(s) => FluentValue::from(s.as_str()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), v)
            })
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &args)
    }

    /// Whether `key` exists in this language's own catalogue (no fallback).
    pub fn has(self, key: &str) -> bool {
        LOCALES
            .lookup_no_default_fallback::<&str>(&self.id(), key, None)
            .is_some()
    }

    /// A whole number with this language's grouping (1,234 · 1.234 · 1 234).
    pub fn number(self, n: i64) -> String {
        let sep = match self.code() {
            "en" => ",",
            "fr" => "\u{202f}",
            _ => ".",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A date such as `3 Dec 2026` (month names from the catalogue).
    pub fn date(self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-short-{}", d.month()));
        match self.code() {
            "en" => format!("{} {month} {}", d.day(), d.year()),
            "de" => format!("{}. {month} {}", d.day(), d.year()),
            _ => format!("{} {month} {}", d.day(), d.year()),
        }
    }

    /// A date and time (24-hour clock) in `tz`, with the zone's abbreviation.
    pub fn date_time(self, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
        let local = at.with_timezone(&tz);
        format!(
            "{}, {} {}",
            self.date(local.date_naive()),
            local.format("%H:%M"),
            local.format("%Z")
        )
    }
}

/// An argument of a message.
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

/// Every message key of a language's catalogue files (for the completeness test).
pub fn keys_of(lang: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("web/i18n")
        .join(lang);
    let mut keys = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return keys;
    };
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim_end();
            if !line.starts_with([' ', '#', '\t', '.'])
                && !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                keys.push(key.to_owned());
            }
        }
    }
    keys.sort();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_served_language() {
        let l = |h| Lang::from_accept_language(h).map(Lang::code);
        assert_eq!(
            l("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"),
            Some("fr")
        );
        assert_eq!(l("pl, de;q=0.5, it;q=0.9"), Some("it"));
        assert_eq!(l("pl, ja"), None);
        assert_eq!(l("es;q=0, de"), Some("de"));
        assert_eq!(l(""), None);
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(Lang::parse("en").unwrap().number(1234567), "1,234,567");
        assert_eq!(Lang::parse("de").unwrap().number(-1234), "-1.234");
        assert_eq!(Lang::parse("fr").unwrap().number(999), "999");
    }

    /// The `$variables` each message of a language's catalogue uses, by key.
    fn variables_of(lang: &str) -> HashMap<String, Vec<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("web/i18n")
            .join(lang);
        let mut vars: HashMap<String, Vec<String>> = HashMap::new();
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let mut key = None;
            for line in text.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                // A message starts with `key =`; any other line (indented, or the `}` that
                // closes a selector and may go on with text) continues the one before.
                let starts = line.split_once('=').filter(|(k, _)| {
                    let k = k.trim_end();
                    k.starts_with(|c: char| c.is_ascii_alphabetic())
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                });
                let body = match starts {
                    Some((k, v)) => {
                        key = Some(k.trim().to_owned());
                        v
                    }
                    None => line,
                };
                let Some(key) = &key else { continue };
                for part in body.split('$').skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    vars.entry(key.clone()).or_default().push(name);
                }
            }
        }
        vars
    }

    /// Every language has every key English has (and no key English lacks).
    #[test]
    fn every_catalogue_has_every_english_key() {
        let en = keys_of("en");
        assert!(en.len() > 50, "the English catalogue is missing");
        let en_vars = variables_of("en");
        for lang in Lang::all().skip(1) {
            let theirs = keys_of(lang.code());
            let missing: Vec<_> = en.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<_> = theirs.iter().filter(|k| !en.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
            for key in &en {
                // Formatting without the English message's arguments is itself an error in
                // Fluent, so `has` would refuse every message with a placeable.
                let args: HashMap<&str, FluentValue> = en_vars
                    .get(key)
                    .into_iter()
                    .flatten()
                    .map(|v| (v.as_str(), FluentValue::from(2)))
                    .collect();
                assert!(
                    LOCALES
                        .lookup_no_default_fallback(&lang.id(), key, Some(&args))
                        .is_some(),
                    "{}: {key} does not parse or uses a variable English does not pass",
                    lang.code()
                );
            }
        }
    }
}
