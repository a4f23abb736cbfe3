//! The clause detectors, kept as data in `data/clauses.txt` and compiled once.
//!
//! The file is a list of blocks, one per clause kind, in a line format small
//! enough to parse by hand (no parser library in the WASM build):
//!
//! ```text
//! kind ID            starts a block (ID from data/clause-kinds.json; `*` = rules for every kind)
//! section S          where the readable output lists it: cant, only-if, must, vendor, legal, grant
//! value V            the value to read: users, usd, regions, text, law (omit for none)
//! summary TEXT       one plain line; `{value}` is replaced by the value
//! quotes N           keep up to N quotes (default 3), e.g. every excluded field
//! re REGEX           a detector, run on the normalized view (see text.rs)
//! veto REGEX         the sentence around the previous `re` match must not match it
//! when REGEX        the sentence around the previous `re` match (with its list
//!                    lead-in) must match it
//! else-needs K1|K2   when `when` fails, the match still counts if one of these kinds is found
//! needs K1|K2        the previous `re` counts only if one of these kinds is found too
//! then REGEX         the text right after the previous `re` match (a list, up to
//!                    [`THEN_REACH`] bytes) must match it
//! define NAME REGEX   (in `kind *`) `{NAME}` in later patterns stands for REGEX
//! qualify RE => TEXT if a quote of the kind matches RE, TEXT is added to the summary
//! yes TEXT           an example the kind must detect (checked by tests)
//! no TEXT            an example it must not detect (checked by tests)
//! ```
//! Inside `*`, `veto` lines apply to every detector (a disclaimer, a quoted
//! example). Named groups feed the value: `num`, `mult`, `cur`, `per`,
//! `regions`, `text`.

use regex::bytes::Regex;
use std::sync::OnceLock;

/// The detector file.
pub const SOURCE: &str = include_str!("../../data/clauses.txt");

/// How far past a match a `then` pattern looks (bytes).
pub const THEN_REACH: usize = 2000;

/// How to read a kind's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// No value.
    None,
    /// A user count (integer).
    Users,
    /// An amount of money (integer, with its currency and period).
    Money,
    /// Region codes.
    Regions,
    /// Free text (a quoted credit, a brand).
    Text,
    /// A jurisdiction.
    Law,
}

/// One detector pattern.
#[derive(Debug)]
pub struct Pattern {
    /// Index into [`Rules::kinds`].
    pub kind: usize,
    /// The compiled regex.
    pub re: Regex,
    /// Vetoes on the sentence around a match.
    pub vetoes: Vec<Regex>,
    /// Kinds (indices) of which one must be found for this pattern to count.
    pub needs: Vec<usize>,
    /// What must follow the match.
    pub then: Option<Regex>,
    /// What the sentence (with its list lead-in) must contain.
    pub when: Option<Regex>,
    /// When `when` fails: kinds (indices) of which one found still lets the match count.
    pub else_needs: Vec<usize>,
}

/// One clause kind with its examples.
#[derive(Debug)]
pub struct KindRule {
    /// The clause id.
    pub id: String,
    /// Section of the readable output.
    pub section: String,
    /// How to read the value.
    pub value: ValueKind,
    /// Summary template.
    pub summary: String,
    /// How many quotes to keep at most.
    pub max_quotes: usize,
    /// Scope notes: (pattern on a quote's view, words added to the summary).
    pub qualify: Vec<(Regex, String)>,
    /// Examples that must match.
    pub yes: Vec<String>,
    /// Examples that must not match.
    pub no: Vec<String>,
}

/// All detectors, compiled.
#[derive(Debug)]
pub struct Rules {
    /// The kinds, in file order.
    pub kinds: Vec<KindRule>,
    /// Every pattern.
    pub patterns: Vec<Pattern>,
    /// Vetoes for every kind.
    pub global_vetoes: Vec<Regex>,
}

/// A problem in the detector file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Patterns run in ASCII mode on the ASCII view: `\b`, `\d`, classes are bytes.
fn prepare(pat: &str) -> String {
    format!("(?-u){pat}")
}

/// Parse and compile a detector file.
pub fn parse(src: &str) -> Result<Rules, RuleError> {
    let mut kinds: Vec<KindRule> = vec![];
    let mut pats: Vec<(usize, String, Vec<String>, Vec<String>, Option<String>, Option<String>, Vec<String>)> = vec![];
    let mut global: Vec<String> = vec![];
    let mut defines: Vec<(String, String)> = vec![];
    let expand = |s: &str, defines: &[(String, String)]| {
        let mut s = s.to_string();
        for (n, v) in defines {
            s = s.replace(&format!("{{{n}}}"), v);
        }
        s
    };
    let mut cur: Option<usize> = None; // None = before any block; Some(usize::MAX) = `*`
    for (n, raw) in src.lines().enumerate() {
        let line = n + 1;
        let err = |m: &str| RuleError { line, message: m.to_string() };
        let l = raw.trim_end();
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let (key, rest) = match l.split_once(' ') {
            Some((k, r)) => (k, r.trim()),
            None => (l, ""),
        };
        match key {
            "kind" => {
                if rest == "*" {
                    cur = Some(usize::MAX);
                } else {
                    if rest.is_empty() || kinds.iter().any(|k| k.id == rest) {
                        return Err(err("kind needs a new id"));
                    }
                    kinds.push(KindRule {
                        id: rest.into(),
                        section: String::new(),
                        value: ValueKind::None,
                        summary: String::new(),
                        max_quotes: 3,
                        qualify: vec![],
                        yes: vec![],
                        no: vec![],
                    });
                    cur = Some(kinds.len() - 1);
                }
            }
            _ => {
                let Some(ci) = cur else { return Err(err("line before any `kind`")) };
                if rest.is_empty() {
                    return Err(err("empty value"));
                }
                if ci == usize::MAX {
                    match key {
                        "veto" => global.push(expand(rest, &defines)),
                        "define" => match rest.split_once(' ') {
                            Some((n, v)) if n.chars().all(|c| c.is_ascii_alphabetic()) => {
                                let v = expand(v.trim(), &defines);
                                defines.push((n.to_string(), v))
                            }
                            _ => return Err(err("`define NAME REGEX` (NAME in letters)")),
                        },
                        _ => return Err(err("only `veto` and `define` lines belong to `kind *`")),
                    }
                    continue;
                }
                let k = &mut kinds[ci];
                match key {
                    "section" => {
                        if !matches!(rest, "cant" | "only-if" | "must" | "vendor" | "legal" | "grant") {
                            return Err(err("unknown section"));
                        }
                        k.section = rest.into()
                    }
                    "value" => {
                        k.value = match rest {
                            "users" => ValueKind::Users,
                            "usd" => ValueKind::Money,
                            "regions" => ValueKind::Regions,
                            "text" => ValueKind::Text,
                            "law" => ValueKind::Law,
                            _ => return Err(err("unknown value kind")),
                        }
                    }
                    "summary" => k.summary = rest.into(),
                    "quotes" => k.max_quotes = rest.parse().ok().filter(|n| (1..=64).contains(n)).ok_or_else(|| err("`quotes N`, 1 to 64"))?,
                    "define" => return Err(err("`define` belongs to `kind *`")),
                    "yes" => k.yes.push(rest.into()),
                    "qualify" => match rest.split_once(" => ") {
                        Some((re, text)) => {
                            let re = Regex::new(&prepare(&expand(re, &defines))).map_err(|e| err(&e.to_string()))?;
                            k.qualify.push((re, text.trim().to_string()))
                        }
                        None => return Err(err("`qualify REGEX => TEXT`")),
                    },
                    "no" => k.no.push(rest.into()),
                    "re" => pats.push((ci, expand(rest, &defines), vec![], vec![], None, None, vec![])),
                    "else-needs" => match pats.last_mut() {
                        Some(p) if p.0 == ci && p.5.is_some() => p.6.extend(rest.split('|').map(|x| x.trim().to_string())),
                        _ => return Err(err("`else-needs` must follow a `when`")),
                    },
                    "when" => match pats.last_mut() {
                        Some(p) if p.0 == ci && p.5.is_none() => p.5 = Some(expand(rest, &defines)),
                        _ => return Err(err("`when` must follow an `re` of the same kind, once")),
                    },
                    "then" => match pats.last_mut() {
                        Some(p) if p.0 == ci && p.4.is_none() => p.4 = Some(expand(rest, &defines)),
                        _ => return Err(err("`then` must follow an `re` of the same kind, once")),
                    },
                    "needs" => match pats.last_mut() {
                        Some(p) if p.0 == ci => p.3.extend(rest.split('|').map(|x| x.trim().to_string())),
                        _ => return Err(err("`needs` must follow an `re` of the same kind")),
                    },
                    "veto" => match pats.last_mut() {
                        Some(p) if p.0 == ci => p.2.push(expand(rest, &defines)),
                        _ => return Err(err("`veto` must follow an `re` of the same kind")),
                    },
                    _ => return Err(err(&format!("unknown key `{key}`"))),
                }
            }
        }
    }
    for k in &kinds {
        if k.summary.is_empty() || k.section.is_empty() {
            return Err(RuleError { line: 0, message: format!("kind {} needs a summary and a section", k.id) });
        }
    }
    let compile = |p: &str| {
        Regex::new(&prepare(p)).map_err(|e| RuleError { line: 0, message: format!("bad regex {p:?}: {e}") })
    };
    let mut patterns = vec![];
    let resolve = |names: &[String]| -> Result<Vec<usize>, RuleError> {
        names
            .iter()
            .map(|n| {
                kinds.iter().position(|k| &k.id == n).ok_or_else(|| RuleError {
                    line: 0,
                    message: format!("`needs {n}`: no such kind"),
                })
            })
            .collect()
    };
    for (kind, re, vetoes, needs, then, when, else_needs) in &pats {
        let needs = resolve(needs)?;
        let else_needs = resolve(else_needs)?;
        patterns.push(Pattern {
            kind: *kind,
            re: compile(re)?,
            vetoes: vetoes.iter().map(|v| compile(v)).collect::<Result<_, _>>()?,
            needs,
            then: then.as_deref().map(compile).transpose()?,
            when: when.as_deref().map(compile).transpose()?,
            else_needs,
        });
    }
    let global_vetoes = global.iter().map(|v| compile(v)).collect::<Result<_, _>>()?;
    Ok(Rules { kinds, patterns, global_vetoes })
}

/// The embedded detectors, compiled on first use.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| parse(SOURCE).expect("data/clauses.txt is checked by tests"))
}
