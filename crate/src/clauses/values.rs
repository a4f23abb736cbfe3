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
    ("prc", &["CN"]),
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
        // Chinese: 千 10^3, 万 10^4, 百万 10^6, 千万 10^7, 亿 10^8, 十亿 10^9.
        Some("千") => 1_000,
        Some("万") => 10_000,
        Some("十万") => 100_000,
        Some("百万") => 1_000_000,
        Some("千万") => 10_000_000,
        Some("亿") => 100_000_000,
        Some("十亿") => 1_000_000_000,
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
            let what = g("what").map(counted).unwrap_or_else(|| "users".to_string());
            Some(Read { value: ClauseValue::Integer(n), unit: Some(format!("{what} per {per}")) })
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

/// What a count threshold counts, as the text names it ("users", "visits", "API calls",
/// "requests", or any word a slot adds), in the plural the text uses.
pub fn counted(w: &str) -> String {
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    match w.as_str() {
        "active users" | "users" | "" => "users".to_string(),
        w => w.replace("api ", "API "),
    }
}

/// The period a threshold is counted over, as the text states it: never converted (a quarterly
/// amount stays a quarterly amount).
pub fn period(p: &str) -> &'static str {
    if p.contains("month") || p.contains('月') {
        "month"
    } else if p.contains("quarter") || p.contains('季') {
        "quarter"
    } else if p.contains("week") || p.contains('周') {
        "week"
    } else if p.contains("day") || p.contains("daily") || p.contains('日') || p.contains('天') {
        "day"
    } else {
        "year"
    }
}

/// The currency code of a currency word or sign (USD when the text gives only `$` or none).
pub fn currency(c: &str) -> &'static str {
    let c = c.trim();
    match c {
        "eur" | "euro" | "euros" | "欧元" => "EUR",
        "gbp" | "pounds" | "英镑" => "GBP",
        "rmb" | "cny" | "yuan" | "元" | "人民币" | "人民币元" => "CNY",
        "jpy" | "yen" | "日元" => "JPY",
        "krw" | "won" | "韩元" => "KRW",
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
    fn every_multiplier_as_number_and_word() {
        // Every multiplier the detectors capture, after a number and after a number word.
        let cases: &[(&str, &str, u64)] = &[
            ("500", "k", 500_000),
            ("500", "thousand", 500_000),
            ("2.5", "thousand", 2_500),
            ("3", "m", 3_000_000),
            ("3", "mm", 3_000_000),
            ("3", "mio", 3_000_000),
            ("3", "million", 3_000_000),
            ("1.25", "million", 1_250_000),
            ("2", "b", 2_000_000_000),
            ("2", "bn", 2_000_000_000),
            ("2", "billion", 2_000_000_000),
            ("0.7", "billion", 700_000_000),
            ("five", "million", 5_000_000),
            ("ten", "thousand", 10_000),
            ("two", "billion", 2_000_000_000),
            ("5000", "万", 50_000_000),
            ("1", "亿", 100_000_000),
            ("3", "千万", 30_000_000),
            ("2", "百万", 2_000_000),
        ];
        for (n, m, want) in cases {
            assert_eq!(number(n, Some(m)), Some(*want), "{n} {m}");
        }
        // Plain numbers: grouped, dotted thousands, words; an unknown multiplier is no value.
        assert_eq!(number("700,000,000", None), Some(700_000_000));
        assert_eq!(number("10.000.000", None), Some(10_000_000));
        assert_eq!(number("three", None), Some(3));
        assert_eq!(number("3", Some("gazillion")), None);
    }

    #[test]
    fn periods_and_currencies_are_kept_as_stated() {
        for (p, want) in [
            ("monthly", "month"),
            ("per month", "month"),
            ("a month", "month"),
            ("quarterly", "quarter"),
            ("per quarter", "quarter"),
            ("weekly", "week"),
            ("daily", "day"),
            ("per day", "day"),
            ("annual", "year"),
            ("yearly", "year"),
            ("per year", "year"),
            ("月", "month"),
            ("季度", "quarter"),
            ("年度", "year"),
        ] {
            assert_eq!(period(p), want, "{p}");
        }
        for (c, want) in [("$", "USD"), ("usd", "USD"), ("eur", "EUR"), ("euros", "EUR"), ("gbp", "GBP"), ("cny", "CNY"), ("元", "CNY"), ("人民币", "CNY"), ("jpy", "JPY"), ("krw", "KRW"), ("美元", "USD")] {
            assert_eq!(currency(c), want, "{c}");
        }
        for (w, want) in [("active users", "users"), ("api calls", "API calls"), ("requests", "requests"), ("visits", "visits"), ("page impressions", "page impressions")] {
            assert_eq!(counted(w), want, "{w}");
        }
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
