//! The detector file's text format, parsed into plain strings (no regex compiled here).
//!
//! Shared by the library (`rules.rs` compiles what this returns) and by `build.rs`, which reads
//! the same patterns to derive each detector's word gate (see `rules::Gate`). So this module
//! uses `std` only. The format is documented in `rules.rs`.

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

/// A problem in the detector file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line (0 when the problem is not on one line).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One clause kind as written.
#[derive(Debug, Clone)]
pub struct KindSpec {
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
    /// Scope notes: (pattern, words added to the summary, line).
    pub qualify: Vec<(String, String, usize)>,
    /// Examples that must match.
    pub yes: Vec<String>,
    /// Examples that must not match.
    pub no: Vec<String>,
}

/// One detector as written (definitions expanded), with its conditions.
#[derive(Debug, Clone)]
pub struct PatternSpec {
    /// Index into [`Spec::kinds`].
    pub kind: usize,
    /// The pattern.
    pub re: String,
    /// Line of the `re`.
    pub line: usize,
    /// Vetoes on the sentence around a match.
    pub vetoes: Vec<String>,
    /// Kinds (ids) of which one must be found.
    pub needs: Vec<String>,
    /// What must follow the match.
    pub then: Option<String>,
    /// What the sentence must contain.
    pub when: Option<String>,
    /// When `when` fails: kinds (ids) of which one found still lets the match count.
    pub else_needs: Vec<String>,
}

/// The whole file.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    /// The kinds, in file order.
    pub kinds: Vec<KindSpec>,
    /// Every detector, in file order.
    pub patterns: Vec<PatternSpec>,
    /// Vetoes for every kind.
    pub global_vetoes: Vec<String>,
}

/// The slot vocabularies (`data/slots.txt`): each `slot NAME alt | alt ...` line (repeatable)
/// becomes `{NAME}` = `(?:alt|alt|...)` in the detector file, so one new word (a verb, a unit, a
/// Chinese modal) widens every detector built from that slot.
pub const SLOTS: &str = include_str!("../../data/slots.txt");

/// Parse a slot file into defines, in file order.
pub fn parse_slots(src: &str) -> Result<Vec<(String, String)>, RuleError> {
    let mut slots: Vec<(String, Vec<String>)> = vec![];
    for (n, raw) in src.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let err = |m: &str| RuleError { line: n + 1, message: format!("data/slots.txt: {m}") };
        let rest = l.strip_prefix("slot ").ok_or_else(|| err("a line is `slot NAME alt | alt ...`"))?;
        let (name, alts) = rest.split_once(' ').ok_or_else(|| err("`slot NAME alt | alt ...`"))?;
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err("a slot name is letters, digits and `_`"));
        }
        let alts: Vec<String> = alts.split(" | ").map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
        if alts.is_empty() {
            return Err(err("a slot needs words"));
        }
        match slots.iter_mut().find(|s| s.0 == name) {
            Some(s) => s.1.extend(alts),
            None => slots.push((name.to_string(), alts)),
        }
    }
    Ok(slots.into_iter().map(|(n, a)| (n, format!("(?:{})", a.join("|")))).collect())
}

/// Parse a detector file with the embedded slot vocabularies (the regexes are not checked here).
pub fn parse(src: &str) -> Result<Spec, RuleError> {
    parse_with(src, SLOTS)
}

/// Parse a detector file with the given slot vocabularies.
pub fn parse_with(src: &str, slots: &str) -> Result<Spec, RuleError> {
    let mut spec = Spec::default();
    let mut defines: Vec<(String, String)> = parse_slots(slots)?;
    // Each define in file order replaces its `{NAME}`. The names a text holds (what follows each
    // `{` up to the next `}`) are listed first and again after each replacement, so a define is
    // looked for only by name: searching the text once per define was most of reading the file
    // on a cold engine.
    let expand = |s: &str, defines: &[(String, String)]| {
        let mut s = s.to_string();
        let mut names = braced(&s);
        for (n, v) in defines {
            if names.is_empty() {
                break;
            }
            if names.iter().any(|x| x == n) {
                s = s.replace(&format!("{{{n}}}"), v);
                names = braced(&s);
            }
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
        if key == "kind" {
            if rest == "*" {
                cur = Some(usize::MAX);
                continue;
            }
            if rest.is_empty() || spec.kinds.iter().any(|k| k.id == rest) {
                return Err(err("kind needs a new id"));
            }
            spec.kinds.push(KindSpec {
                id: rest.into(),
                section: String::new(),
                value: ValueKind::None,
                summary: String::new(),
                max_quotes: 3,
                qualify: vec![],
                yes: vec![],
                no: vec![],
            });
            cur = Some(spec.kinds.len() - 1);
            continue;
        }
        let Some(ci) = cur else { return Err(err("line before any `kind`")) };
        if rest.is_empty() {
            return Err(err("empty value"));
        }
        if ci == usize::MAX {
            match key {
                "veto" => spec.global_vetoes.push(expand(rest, &defines)),
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
        let last = spec.patterns.last_mut().filter(|p| p.kind == ci);
        let k = &mut spec.kinds[ci];
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
            "quotes" => {
                k.max_quotes = rest.parse().ok().filter(|n| (1..=64).contains(n)).ok_or_else(|| err("`quotes N`, 1 to 64"))?
            }
            "define" => return Err(err("`define` belongs to `kind *`")),
            "yes" => k.yes.push(rest.into()),
            "no" => k.no.push(rest.into()),
            "qualify" => match rest.split_once(" => ") {
                Some((re, text)) => k.qualify.push((expand(re, &defines), text.trim().to_string(), line)),
                None => return Err(err("`qualify REGEX => TEXT`")),
            },
            "re" => spec.patterns.push(PatternSpec {
                kind: ci,
                re: expand(rest, &defines),
                line,
                vetoes: vec![],
                needs: vec![],
                then: None,
                when: None,
                else_needs: vec![],
            }),
            "else-needs" => match last {
                Some(p) if p.when.is_some() => p.else_needs.extend(rest.split('|').map(|x| x.trim().to_string())),
                _ => return Err(err("`else-needs` must follow a `when`")),
            },
            "when" => match last {
                Some(p) if p.when.is_none() => p.when = Some(expand(rest, &defines)),
                _ => return Err(err("`when` must follow an `re` of the same kind, once")),
            },
            "then" => match last {
                Some(p) if p.then.is_none() => p.then = Some(expand(rest, &defines)),
                _ => return Err(err("`then` must follow an `re` of the same kind, once")),
            },
            "needs" => match last {
                Some(p) => p.needs.extend(rest.split('|').map(|x| x.trim().to_string())),
                None => return Err(err("`needs` must follow an `re` of the same kind")),
            },
            "veto" => match last {
                Some(p) => p.vetoes.push(expand(rest, &defines)),
                None => return Err(err("`veto` must follow an `re` of the same kind")),
            },
            _ => return Err(err(&format!("unknown key `{key}`"))),
        }
    }
    for k in &spec.kinds {
        if k.summary.is_empty() || k.section.is_empty() {
            return Err(RuleError { line: 0, message: format!("kind {} needs a summary and a section", k.id) });
        }
    }
    Ok(spec)
}

/// What follows each `{` of `s` up to the next `}`: every `{NAME}` of `s` has its NAME here (a
/// name holds no `}`), among other strings (a repetition's `2,3`).
fn braced(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        match rest.find('}') {
            Some(j) => out.push(&rest[..j]),
            None => break,
        }
    }
    out
}

/// Patterns run in ASCII mode on the ASCII view: `\b`, `\d`, classes are bytes.
pub fn prepare(pat: &str) -> String {
    format!("(?-u){pat}")
}

/// A byte of a word, as the detectors' word gates read words: `[a-z0-9]` (the detectors run on the
/// lower-cased ASCII view). `build/clause_gates.rs` derives the gates and `rules::Words` checks them
/// with this one definition: a gate is sound only if both split words alike.
pub fn is_word(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The words of `bytes`, as (start, end) byte ranges: maximal runs of [`is_word`] bytes.
pub fn word_runs(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let s = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        (i > s).then_some((s, i))
    })
}

/// A pattern's key in the build-time gate table (FNV-1a, 64 bits, of the pattern as written).
pub fn key(pattern: &str) -> u64 {
    pattern.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}
