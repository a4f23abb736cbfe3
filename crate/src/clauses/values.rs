//! Reading a clause's value from a match: counts, amounts, regions, names.

use super::rules::ValueKind;
use super::text::View;
use crate::report::ClauseValue;
use super::rules::Captures;

/// A value read from a match, with its unit when it has one ("users per month", "USD per year").
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The value.
    pub value: ClauseValue,
    /// Its unit, stated as the text states it.
    pub unit: Option<String>,
}

/// Region names (lower case, as the normalized view spells them) and their codes.
/// "EEA" is the EU plus Iceland, Liechtenstein and Norway.
const REGIONS: &[(&str, &[&str])] = &[
    ("european economic area", &["EU", "IS", "LI", "NO"]),
    ("eea", &["EU", "IS", "LI", "NO"]),
    ("european union", &["EU"]),
    ("the eu", &["EU"]),
    ("united kingdom", &["GB"]),
    ("great britain", &["GB"]),
    ("the uk", &["GB"]),
    ("democratic people's republic of korea", &["KP"]),
    ("dprk", &["KP"]),
    ("south korea", &["KR"]),
    ("republic of korea", &["KR"]),
    ("mainland china", &["CN"]),
    ("people's republic of china", &["CN"]),
    ("china", &["CN"]),
    ("russian federation", &["RU"]),
    ("russia", &["RU"]),
    ("iran", &["IR"]),
    ("north korea", &["KP"]),
    ("cuba", &["CU"]),
    ("syria", &["SY"]),
    ("united states", &["US"]),
    ("switzerland", &["CH"]),
    ("japan", &["JP"]),
    ("india", &["IN"]),
    ("canada", &["CA"]),
    ("brazil", &["BR"]),
    ("australia", &["AU"]),
];

/// Region codes named in a piece of normalized text, in order, without repeats.
pub fn regions(text: &str) -> Vec<String> {
    let mut found: Vec<(usize, &str)> = vec![];
    let mut taken = vec![false; text.len()];
    for (name, codes) in REGIONS {
        let mut from = 0;
        while let Some(p) = text[from..].find(name) {
            let s = from + p;
            let e = s + name.len();
            from = e;
            let word_ok = (s == 0 || !text.as_bytes()[s - 1].is_ascii_alphanumeric())
                && (e == text.len() || !text.as_bytes()[e].is_ascii_alphanumeric());
            if !word_ok || taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            for c in *codes {
                found.push((s, c));
            }
        }
    }
    found.sort_by_key(|f| f.0);
    let mut out: Vec<String> = vec![];
    for (_, c) in found {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

/// A number as written ("700", "1,000,000", "1.5") times a multiplier word.
pub fn number(num: &str, mult: Option<&str>) -> Option<u64> {
    let mut digits: String = num.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if digits.matches('.').count() > 1 {
        digits.retain(|c| c != '.');
    }
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) if f.len() == 3 && !f.contains('.') && mult.is_none() => (format!("{i}{f}"), String::new()),
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (digits, String::new()),
    };
    let words = word_number(&int);
    let int: u64 = match words {
        Some(w) => w,
        None => int.parse().ok()?,
    };
    let m: u64 = match mult.map(str::trim) {
        None | Some("") => 1,
        Some("thousand") | Some("k") => 1_000,
        Some("million") | Some("m") | Some("mm") | Some("mio") => 1_000_000,
        Some("billion") | Some("b") | Some("bn") => 1_000_000_000,
        Some(_) => return None,
    };
    let mut v = int.checked_mul(m)?;
    if !frac.is_empty() && m > 1 {
        let scale = 10u64.checked_pow(frac.len() as u32)?;
        let f: u64 = frac.parse().ok()?;
        v = v.checked_add(f.checked_mul(m)? / scale)?;
    }
    Some(v)
}

fn word_number(w: &str) -> Option<u64> {
    const W: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    W.iter().position(|x| *x == w).map(|p| p as u64)
}

/// The original text of a normalized range, tidied for display: no quotes
/// or markdown around it, one space between words.
pub fn display_text(view: &View, s: usize, e: usize) -> String {
    if s >= e {
        return String::new();
    }
    let (a, z) = view.orig_range(s, e);
    let t: String = view.orig[a..z].chars().filter(|c| *c != '*' && *c != '\\').collect();
    // Several quoted alternatives ("A" or "B"): keep the quoted parts.
    let quoted: Vec<&str> = t.split(['"', '“', '”']).skip(1).step_by(2).map(str::trim).filter(|q| !q.is_empty()).collect();
    if quoted.len() > 1 {
        return quoted.join(" / ");
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c == '"' || c == '“' || c == '”' || c == '\'' || c == ' ' || c == ',' || c == '.').to_string()
}

/// Read the value of a match.
pub fn read(kind: ValueKind, caps: &Captures, view: &View) -> Option<Read> {
    let g = |n: &str| caps.name(n).and_then(|m| std::str::from_utf8(m.as_bytes()).ok());
    match kind {
        ValueKind::None => None,
        ValueKind::Users => {
            let n = number(g("num")?, g("mult"))?;
            let per = g("per").map(period).unwrap_or("month");
            Some(Read { value: ClauseValue::Integer(n), unit: Some(format!("users per {per}")) })
        }
        ValueKind::Money => {
            let n = number(g("num")?, g("mult"))?;
            let cur = currency(g("cur").or(g("cur2")).unwrap_or("$"));
            let per = g("per").map(period).unwrap_or("year");
            Some(Read { value: ClauseValue::Integer(n), unit: Some(format!("{cur} per {per}")) })
        }
        ValueKind::Regions => {
            let m = caps.name("regions")?;
            let r = regions(std::str::from_utf8(m.as_bytes()).ok()?);
            (!r.is_empty()).then(|| Read { value: ClauseValue::Regions(r), unit: None })
        }
        ValueKind::Text | ValueKind::Law => {
            let m = caps.name("text")?;
            let mut t = display_text(view, m.start(), m.end());
            if kind == ValueKind::Law {
                for p in ["the laws of ", "the law of ", "the "] {
                    if t.to_ascii_lowercase().starts_with(p) {
                        t = t[p.len()..].to_string();
                    }
                }
            }
            (!t.is_empty()).then(|| Read { value: ClauseValue::Text(t), unit: None })
        }
    }
}

fn period(p: &str) -> &'static str {
    if p.contains("month") {
        "month"
    } else if p.contains("day") || p.contains("daily") {
        "day"
    } else {
        "year"
    }
}

fn currency(c: &str) -> &'static str {
    let c = c.trim();
    match c {
        "eur" | "euro" | "euros" => "EUR",
        "gbp" | "pounds" => "GBP",
        "rmb" | "cny" | "yuan" => "CNY",
        "jpy" | "yen" => "JPY",
        "krw" | "won" => "KRW",
        _ => "USD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("700", Some("million")), Some(700_000_000));
        assert_eq!(number("7", Some("million")), Some(7_000_000));
        assert_eq!(number("1,000,000", None), Some(1_000_000));
        assert_eq!(number("1.5", Some("million")), Some(1_500_000));
        assert_eq!(number("1", Some("m")), Some(1_000_000));
        assert_eq!(number("one", Some("million")), Some(1_000_000));
        assert_eq!(number("1.000.000", None), Some(1_000_000));
        assert_eq!(number("99999999999999999999", None), None);
    }

    #[test]
    fn region_codes() {
        assert_eq!(regions("excluding the european union, united kingdom and south korea"), ["EU", "GB", "KR"]);
        assert_eq!(regions("the eea or switzerland"), ["EU", "IS", "LI", "NO", "CH"]);
        assert_eq!(regions("north korea"), ["KP"]);
        assert_eq!(regions("the russian federation or the democratic people's republic of korea"), ["RU", "KP"]);
        assert!(regions("the europeans").is_empty());
    }
}
