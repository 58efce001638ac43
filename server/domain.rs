//! Newtypes that parse input once at the edge: inner code cannot receive an invalid value.
//! Each `parse` returns a message fit for a 422 `details` entry.

use std::fmt;

macro_rules! string_newtype {
    ($name:ident) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

string_newtype!(Email);
impl Email {
    /// Trimmed and lowercased, so one address cannot register twice in different cases.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_lowercase();
        let bad = || Err("must be a valid email address".to_owned());
        if s.len() > 254 || has_control(&s) || s.contains(char::is_whitespace) {
            return bad();
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return bad();
        };
        if local.is_empty() || local.len() > 64 || local.contains('@') {
            return bad();
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        if labels.len() < 2 || !labels.iter().all(label_ok) {
            return bad();
        }
        Ok(Self(s))
    }
}

/// A password in transit: never printed.
#[derive(Clone)]
pub struct Password(String);
impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let n = raw.chars().count();
        if n < Self::MIN_CHARS {
            return Err(format!("must be at least {} characters", Self::MIN_CHARS));
        }
        if n > Self::MAX_CHARS {
            return Err(format!("must be at most {} characters", Self::MAX_CHARS));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}
impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Trimmed single-line text with a length range in characters.
fn line(raw: &str, min: usize, max: usize) -> Result<String, String> {
    let s = raw.trim();
    let n = s.chars().count();
    if n < min {
        return Err(if min == 1 {
            "must not be empty".to_owned()
        } else {
            format!("must be at least {min} characters")
        });
    }
    if n > max {
        return Err(format!("must be at most {max} characters"));
    }
    if has_control(s) {
        return Err("must not contain control characters".to_owned());
    }
    Ok(s.to_owned())
}

/// Multi-line free text: newlines and tabs allowed, other control characters not. CRLF and
/// a bare CR are stored as LF: a CR is a line break to some readers and not to others
/// (calendar files, CSV, mail), so text that means one thing must not carry one.
pub fn text(raw: &str, max: usize) -> Result<String, String> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    if s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err("must not contain control characters".to_owned());
    }
    Ok(normalize_newlines(s))
}

/// CRLF and bare CR become LF.
pub fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_owned()
    }
}

/// A list of ids from a request body, in the order given, without repeats. The limit is
/// checked on the list as sent, repeats included, before any work that grows with it: a
/// body of 100,000 ids is refused at once, not after 100,000 lookups.
pub fn id_list(ids: Vec<uuid::Uuid>, max: usize) -> Result<Vec<uuid::Uuid>, String> {
    if ids.len() > max {
        return Err(format!("at most {max} ids"));
    }
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    Ok(ids.into_iter().filter(|id| seen.insert(*id)).collect())
}

/// A search string from a query parameter: trimmed, `None` when blank, at most 200
/// characters and no control characters (PostgreSQL cannot even store a NUL).
pub fn search_text(raw: Option<&str>) -> Result<Option<String>, String> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => line(s, 1, 200).map(Some),
    }
}

string_newtype!(DisplayName);
impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        line(raw, 1, 100).map(Self)
    }
}

string_newtype!(OrgName);
impl OrgName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        line(raw, 2, 200).map(Self)
    }
}

string_newtype!(RoomName);
impl RoomName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        line(raw, 2, 200).map(Self)
    }
}

string_newtype!(EventTitle);
impl EventTitle {
    pub fn parse(raw: &str) -> Result<Self, String> {
        line(raw, 3, 200).map(Self)
    }
}

/// A short single line such as a place or a speaker's name.
pub fn short_line(raw: &str, max: usize) -> Result<String, String> {
    line(raw, 1, max)
}

/// An IANA time zone name (`Europe/Madrid`), as the tz database spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timezone(chrono_tz::Tz);
impl Timezone {
    pub fn parse(raw: &str) -> Result<Self, String> {
        raw.trim()
            .parse::<chrono_tz::Tz>()
            .map(Self)
            .map_err(|_| "must be an IANA time zone name, e.g. Europe/Madrid".to_owned())
    }
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

string_newtype!(ThemeName);
impl ThemeName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        line(raw, 2, 120).map(Self)
    }
}

string_newtype!(Slug);
impl Slug {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        let ok = (2..=64).contains(&s.len())
            && s.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err("must be 2-64 characters of a-z and 0-9 in words joined by single hyphens".into())
        }
    }
}

string_newtype!(WebUrl);
impl WebUrl {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
        let ok = s.len() <= 2048
            && !s.contains(char::is_whitespace)
            && !has_control(s)
            && host.is_some_and(|h| !h.is_empty() && !h.contains('@'));
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err("must be an http:// or https:// address".into())
        }
    }
}

string_newtype!(CountryCode);
impl CountryCode {
    /// ISO 3166-1 alpha-2, upper case; lower case input is accepted.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() == 2 && ISO_3166_ALPHA2.split_whitespace().any(|c| c == s) {
            Ok(Self(s))
        } else {
            Err("must be an ISO 3166-1 alpha-2 country code, e.g. ES or DE".into())
        }
    }
}

/// The officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which European
/// programmes use although it is only user-assigned.
const ISO_3166_ALPHA2: &str = "\
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS \
GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
VN VU WF WS YE YT ZA ZM ZW XK";

string_newtype!(LanguageCode);
impl LanguageCode {
    /// ISO 639-1, lower case; upper case input is accepted.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_ascii_lowercase();
        if s.len() == 2 && ISO_639_1.split_whitespace().any(|c| c == s) {
            Ok(Self(s))
        } else {
            Err("must be an ISO 639-1 language code, e.g. en or es".into())
        }
    }
}

const ISO_639_1: &str = "\
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht \
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky \
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny \
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss \
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo \
za zh zu";

string_newtype!(CurrencyCode);
impl CurrencyCode {
    /// An active ISO 4217 code, upper case; lower case input is accepted.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() == 3 && ISO_4217.split_whitespace().any(|c| c == s) {
            Ok(Self(s))
        } else {
            Err("must be an ISO 4217 currency code, e.g. EUR".into())
        }
    }
}

const ISO_4217: &str = "\
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN \
BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD \
FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY \
KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP \
MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR \
RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT \
TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR \
ZMW ZWG";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_list_has_every_assigned_code_once() {
        let codes: Vec<&str> = ISO_3166_ALPHA2.split_whitespace().collect();
        let unique: std::collections::BTreeSet<&str> = codes.iter().copied().collect();
        assert_eq!(codes.len(), unique.len());
        assert_eq!(codes.len(), 249 + 1);
        assert!(CountryCode::parse("es").is_ok());
        assert_eq!(LanguageCode::parse("EN").unwrap().as_str(), "en");
        assert!(LanguageCode::parse("xx").is_err());
        assert!(LanguageCode::parse("eng").is_err());
        assert_eq!(CurrencyCode::parse("eur").unwrap().as_str(), "EUR");
        assert!(CurrencyCode::parse("EURO").is_err());
        assert!(CurrencyCode::parse("XYZ").is_err());
        assert!(CountryCode::parse("UK").is_err());
        assert!(CountryCode::parse("E").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Ana@Valencia.ES ").unwrap().as_str(),
            "ana@valencia.es"
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.es",
            "ana@x",
            "a b@x.es",
            "ana@-x.es",
            "ana@x..es",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn passwords_count_characters_not_bytes() {
        assert!(Password::parse("ñññññññññ").is_err()); // 9 chars, 18 bytes
        assert!(Password::parse("ññññññññññ").is_ok());
        assert!(Password::parse(&"x".repeat(257)).is_err());
        assert_eq!(
            format!("{:?}", Password::parse("secret-password").unwrap()),
            "Password(***)"
        );
    }

    #[test]
    fn free_text_stores_lf_only() {
        assert_eq!(text("a\r\nb\rc\nd", 100).unwrap(), "a\nb\nc\nd");
        assert_eq!(
            text("a\rEND:VEVENT\rBEGIN:VEVENT", 100).unwrap(),
            "a\nEND:VEVENT\nBEGIN:VEVENT"
        );
        assert!(text("a\u{7}b", 100).is_err());
    }

    #[test]
    fn id_lists_keep_first_seen_order_and_count_repeats_against_the_limit() {
        let a = uuid::Uuid::from_u128(1);
        let b = uuid::Uuid::from_u128(2);
        assert_eq!(id_list(vec![b, a, b], 3).unwrap(), [b, a]);
        assert!(id_list(vec![a; 4], 3).is_err());
    }

    #[test]
    fn time_zones() {
        assert_eq!(
            Timezone::parse("Europe/Madrid").unwrap().name(),
            "Europe/Madrid"
        );
        for bad in ["", "Madrid", "Europe/Atlantis", "UTC+2"] {
            assert!(Timezone::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn slugs_and_urls() {
        assert!(Slug::parse("green-mobility").is_ok());
        for bad in ["Green", "-a", "a--b", "a_b", "a"] {
            assert!(Slug::parse(bad).is_err(), "{bad} accepted");
        }
        assert!(WebUrl::parse("https://valencia.es/clima").is_ok());
        for bad in ["javascript:alert(1)", "https://", "ftp://x", "https://a b"] {
            assert!(WebUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
