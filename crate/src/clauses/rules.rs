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

//!
//! Compiling every detector up front was most of the first analysis's time in the browser, so
//! detectors compile on first use, and each carries a word gate derived at build time
//! (`build/clause_gates.rs`): a text without the words a detector's every match contains never
//! compiles or runs it.

use super::spec::{self, prepare, PatternSpec, Spec};
pub use super::spec::{RuleError, ValueKind};
use crate::text::fx::BuildFx;
use regex_automata::meta;
use regex_automata::util::syntax;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The detector file.
pub const SOURCE: &str = include_str!("../../data/clauses.txt");

/// How far past a match a `then` pattern looks (bytes).
pub const THEN_REACH: usize = 2000;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/clause_gates.rs"));
}

/// A compiled detector: the `regex` crate's own engine (regex-automata's meta regex), configured as
/// `regex::bytes::Regex` is, except that in WebAssembly it skips the literal analysis that chooses a
/// prefilter. The WASM build has no literal prefilters to choose (crate/Cargo.toml), yet the analysis
/// still ran for every pattern and was a quarter of each compile on a cold engine; native builds keep
/// their prefilters.
#[derive(Debug)]
pub struct Regex(meta::Regex);

impl Regex {
    /// Compile a pattern (already [`prepare`]d), as this build does.
    pub fn new(pattern: &str) -> Result<Regex, meta::BuildError> {
        Regex::with_prefilter(pattern, !cfg!(target_arch = "wasm32"))
    }

    /// Compile with or without the prefilter analysis: an optimization only, which must never change
    /// a match (tests/clauses_prefilter.rs checks both ways give the same matches).
    pub fn with_prefilter(pattern: &str, prefilter: bool) -> Result<Regex, meta::BuildError> {
        meta::Regex::builder()
            .syntax(syntax::Config::new().utf8(false))
            .configure(meta::Config::new().utf8_empty(false).auto_prefilter(prefilter))
            .build(pattern)
            .map(Regex)
    }

    /// Whether it matches anywhere in `hay`.
    pub fn is_match(&self, hay: &[u8]) -> bool {
        self.0.is_match(hay)
    }

    /// The match that starts at `start` (an anchored search, `hay` before it still seen by
    /// look-arounds such as `\b`), with its groups: the one an unanchored search finds there.
    pub fn captures_at<'h>(&self, hay: &'h [u8], start: usize) -> Option<Captures<'h>> {
        let input = regex_automata::Input::new(hay).range(start..).anchored(regex_automata::Anchored::Yes);
        let mut caps = self.0.create_captures();
        self.0.search_captures(&input, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    /// The successive non-overlapping matches, with their groups.
    pub fn captures_iter<'h>(&'h self, hay: &'h [u8]) -> impl Iterator<Item = Captures<'h>> + 'h {
        self.0.captures_iter(hay).map(move |caps| Captures { hay, caps })
    }
}

/// One match of a [`Regex`] and its groups.
pub struct Captures<'h> {
    hay: &'h [u8],
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'h>> {
        self.caps.get_group(i).map(|sp| Group { hay: self.hay, start: sp.start, end: sp.end })
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        self.caps.get_group_by_name(name).map(|sp| Group { hay: self.hay, start: sp.start, end: sp.end })
    }
}

/// A matched group: its byte range in the haystack.
#[derive(Clone, Copy, Debug)]
pub struct Group<'h> {
    hay: &'h [u8],
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    /// Where it starts (byte offset).
    pub fn start(&self) -> usize {
        self.start
    }
    /// Where it ends (byte offset, exclusive).
    pub fn end(&self) -> usize {
        self.end
    }
    /// Its bytes.
    pub fn as_bytes(&self) -> &'h [u8] {
        &self.hay[self.start..self.end]
    }
}

/// A regex of the detector file, compiled on first use.
#[derive(Debug)]
pub struct Lazy {
    src: String,
    cell: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn new(src: String) -> Lazy {
        Lazy { src, cell: OnceLock::new() }
    }

    /// The pattern as written (definitions expanded).
    pub fn source(&self) -> &str {
        &self.src
    }

    /// The compiled regex; `None` for a pattern that does not compile (the tests refuse such a file).
    pub fn get(&self) -> Option<&Regex> {
        self.cell.get_or_init(|| self.compile().ok()).as_ref()
    }

    fn compile(&self) -> Result<Regex, meta::BuildError> {
        Regex::new(&prepare(&self.src))
    }

    /// Whether it matches (a pattern that does not compile matches nothing).
    pub fn is_match(&self, hay: &[u8]) -> bool {
        self.get().is_some_and(|r| r.is_match(hay))
    }

    /// Whether it has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.cell.get().is_some()
    }

    fn check(&self) -> Result<(), String> {
        match self.compile() {
            Ok(re) => {
                let _ = self.cell.set(Some(re));
                Ok(())
            }
            Err(e) => Err(format!("bad regex {:?}: {e}", self.src)),
        }
    }
}

/// Gate clauses, all of which must hold: each a list of phrases of which one must be in the text,
/// as (phrase, anchor start, anchor length, prefix only). The anchor is a word of the phrase that
/// is a whole word of the text wherever the phrase occurs in a match; with "prefix only", the
/// anchor (the whole phrase) need only start a word of the text. See `build/clause_gates.rs`.
pub type Gate = &'static [&'static [(&'static str, u16, u16, bool)]];

/// The words of a text ([`spec::word_runs`] of the lower-cased view) with their places, for the gates:
/// each word's occurrences are chained (`next`) from the map's entry, so indexing a text costs one
/// hash per word, and the sorted list of distinct words a prefix condition needs is made on demand.
pub struct Words<'a> {
    hay: &'a [u8],
    /// word -> (first occurrence, last occurrence), indices into `pos`.
    first: HashMap<&'a [u8], (u32, u32), BuildFx>,
    /// Byte offset of each occurrence, in text order.
    pos: Vec<u32>,
    /// The next occurrence of the same word (`u32::MAX`: none).
    next: Vec<u32>,
    sorted: OnceLock<Vec<&'a [u8]>>,
}

impl<'a> Words<'a> {
    /// Index a view's bytes.
    pub fn new(hay: &'a [u8]) -> Words<'a> {
        let mut first: HashMap<&[u8], (u32, u32), BuildFx> = HashMap::with_capacity_and_hasher(hay.len() / 24, BuildFx);
        let (mut pos, mut next) = (Vec::with_capacity(hay.len() / 6), Vec::with_capacity(hay.len() / 6));
        for (s, i) in spec::word_runs(hay) {
            let k = pos.len() as u32;
            pos.push(s as u32);
            next.push(u32::MAX);
            match first.get_mut(&hay[s..i]) {
                Some(e) => {
                    next[e.1 as usize] = k;
                    e.1 = k;
                }
                None => {
                    first.insert(&hay[s..i], (k, k));
                }
            }
        }
        Words { hay, first, pos, next, sorted: OnceLock::new() }
    }

    /// Whether a phrase of a gate is in the text.
    pub fn has(&self, (phrase, at, len, prefix): (&str, u16, u16, bool)) -> bool {
        let (p, at, len) = (phrase.as_bytes(), at as usize, len as usize);
        let Some(anchor) = p.get(at..at + len) else { return true };
        if prefix {
            let sorted = self.sorted.get_or_init(|| {
                let mut v: Vec<&[u8]> = self.first.keys().copied().collect();
                v.sort_unstable();
                v
            });
            let lo = sorted.partition_point(|w| *w < anchor);
            return sorted.get(lo).is_some_and(|w| w.starts_with(anchor));
        }
        let Some(&(mut k, _)) = self.first.get(anchor) else { return false };
        if p.len() == len {
            return true; // the phrase is the word itself
        }
        while k != u32::MAX {
            let start = self.pos[k as usize] as usize;
            if start >= at && self.hay.get(start - at..start - at + p.len()) == Some(p) {
                return true;
            }
            k = self.next[k as usize];
        }
        false
    }

    /// Whether a gate lets the text through.
    pub fn pass(&self, gate: Gate) -> bool {
        gate.iter().all(|clause| clause.iter().any(|a| self.has(*a)))
    }
}

/// One detector pattern.
#[derive(Debug)]
pub struct Pattern {
    /// Index into [`Rules::kinds`].
    pub kind: usize,
    /// The regex.
    pub re: Lazy,
    /// Its word gate (none: it runs on every text).
    pub gate: Option<Gate>,
    /// Vetoes on the sentence around a match.
    pub vetoes: Vec<Lazy>,
    /// Kinds (indices) of which one must be found for this pattern to count.
    pub needs: Vec<usize>,
    /// What must follow the match.
    pub then: Option<Lazy>,
    /// What the sentence (with its list lead-in) must contain.
    pub when: Option<Lazy>,
    /// When `when` fails: kinds (indices) of which one found still lets the match count.
    pub else_needs: Vec<usize>,
    /// The pattern holds Chinese (CJK) characters: it runs on the original text, in Chinese
    /// clauses, since the normalized view is ASCII (see [`super::zh`]). Never gated.
    pub original: bool,
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
    pub qualify: Vec<(Lazy, String)>,
    /// Examples that must match.
    pub yes: Vec<String>,
    /// Examples that must not match.
    pub no: Vec<String>,
}

/// All detectors.
#[derive(Debug)]
pub struct Rules {
    /// The kinds, in file order.
    pub kinds: Vec<KindRule>,
    /// Every pattern.
    pub patterns: Vec<Pattern>,
    /// Vetoes for every kind.
    pub global_vetoes: Vec<Lazy>,
}

impl Rules {
    /// How many of the regexes have been compiled so far (for benchmarks).
    pub fn compiled(&self) -> usize {
        self.all().filter(|l| l.is_compiled()).count()
    }

    /// Every regex of the rules.
    fn all(&self) -> impl Iterator<Item = &Lazy> {
        self.patterns
            .iter()
            .flat_map(|p| [Some(&p.re), p.then.as_ref(), p.when.as_ref()].into_iter().flatten().chain(&p.vetoes))
            .chain(self.kinds.iter().flat_map(|k| k.qualify.iter().map(|(l, _)| l)))
            .chain(&self.global_vetoes)
    }
}

/// The gate build.rs derived for a pattern, if any.
fn gate_of(re: &str) -> Option<Gate> {
    let g = generated::GATES;
    let i = g.binary_search_by_key(&spec::key(re), |r| r.0).ok()?;
    let gate = g[i].1;
    (!gate.is_empty()).then_some(gate)
}

fn build(spec: Spec, gated: bool) -> Result<Rules, RuleError> {
    let resolve = |names: &[String]| -> Result<Vec<usize>, RuleError> {
        names
            .iter()
            .map(|n| {
                spec.kinds.iter().position(|k| &k.id == n).ok_or_else(|| RuleError {
                    line: 0,
                    message: format!("`needs {n}`: no such kind"),
                })
            })
            .collect()
    };
    let mut patterns = vec![];
    for p in &spec.patterns {
        let PatternSpec { kind, re, vetoes, needs, then, when, else_needs, .. } = p;
        let original = super::zh::has_cjk(re);
        patterns.push(Pattern {
            kind: *kind,
            original,
            gate: if gated && !original { gate_of(re) } else { None },
            re: Lazy::new(re.clone()),
            vetoes: vetoes.iter().cloned().map(Lazy::new).collect(),
            needs: resolve(needs)?,
            then: then.clone().map(Lazy::new),
            when: when.clone().map(Lazy::new),
            else_needs: resolve(else_needs)?,
        });
    }
    let kinds = spec
        .kinds
        .into_iter()
        .map(|k| KindRule {
            id: k.id,
            section: k.section,
            value: k.value,
            summary: k.summary,
            max_quotes: k.max_quotes,
            qualify: k.qualify.into_iter().map(|(re, text, _)| (Lazy::new(re), text)).collect(),
            yes: k.yes,
            no: k.no,
        })
        .collect();
    Ok(Rules { kinds, patterns, global_vetoes: spec.global_vetoes.into_iter().map(Lazy::new).collect() })
}

/// Parse a detector file and compile every regex now (an error names what does not compile).
/// These rules carry no gates: every detector runs on every text.
pub fn parse(src: &str) -> Result<Rules, RuleError> {
    parse_with(src, spec::SLOTS)
}

/// [`parse`] with the given slot vocabularies (a `data/slots.txt` read at run time).
pub fn parse_with(src: &str, slots: &str) -> Result<Rules, RuleError> {
    let rules = build(spec::parse_with(src, slots)?, false)?;
    for l in rules.all() {
        l.check().map_err(|message| RuleError { line: 0, message })?;
    }
    Ok(rules)
}

/// The embedded detectors with their gates, each regex compiled on first use.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(fresh)
}

/// How many of the embedded detectors carry a gate (for benchmarks and tests).
pub fn gated_count() -> usize {
    rules().patterns.iter().filter(|p| p.gate.is_some()).count()
}

/// The embedded detectors with their gates, lazily compiled, as a new value (not shared): for
/// tests and benchmarks that count what a text makes the engine compile.
pub fn fresh() -> Rules {
    build(spec::parse(SOURCE).expect("data/clauses.txt is checked by tests"), true).expect("data/clauses.txt is checked by tests")
}
