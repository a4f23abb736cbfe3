//! Word gates for the clause detectors, derived at build time (included by `build.rs`).
//!
//! A gate is a condition on a text that every match of a detector implies: a list of clauses that
//! must all hold, each a list of phrases of which one must be in the text. A detector whose gate
//! fails on a text cannot match it, so the engine neither compiles nor runs it there. Compiling the
//! ~150 detectors was most of the first analysis's time in the browser; with the gates a text pays
//! only for the detectors it may trigger.
//!
//! A phrase is a string every match contains (read off the pattern's syntax tree: a literal, or a
//! run of items with a small finite language, cross-multiplied), found in the text through one of
//! its words, the anchor: a maximal run of `[a-z0-9]` bytes (the detectors run on the lower-cased
//! ASCII view, see `src/clauses/text.rs`, and the runtime splits that view into words the same way).
//! The anchor must be a whole word of the text at every match: bounded on both sides, by a byte of
//! the phrase that is not `[a-z0-9]` or by what the pattern puts beside the phrase (`\b`, a class
//! without `[a-z0-9]` bytes, a literal starting or ending with such a byte). The runtime looks the
//! anchor up among the text's words and compares the phrase's bytes around each occurrence. When a
//! phrase has no such word but ends with a word bounded on its left, that word is only required to
//! start a word of the text (a prefix condition).
//!
//! Dropping a condition is always safe, so the derivation gives up (no clause) wherever it is
//! unsure. `tests/clauses_gates.rs` checks that the gated engine finds exactly what the ungated one
//! finds on every corpus text, fixture and example.

use super::spec::{is_word, word_runs};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One phrase condition: the phrase, its anchor (byte offset and length in the phrase), and
/// whether only the anchor is checked, as the start of a word (a prefix condition).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub phrase: String,
    pub anchor: (usize, usize),
    pub prefix: bool,
}

/// All clauses must hold; a clause holds when one of its atoms does.
pub type Cnf = Vec<Vec<Atom>>;

/// Keep at most this many clauses per gate (the most selective).
const MAX_CLAUSES: usize = 3;
/// At most this many strings in a finite language (and phrases in a clause).
const LANG_MAX: usize = 32;

/// Words so common that a gate on them alone selects almost nothing.
const COMMON: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "by", "with", "as", "at", "be", "is", "are",
    "it", "its", "this", "that", "any", "all", "not", "no", "may", "shall", "will", "you", "your", "use",
    "used", "such", "other", "from", "which", "we", "us", "our", "if", "than", "must", "can", "s", "license",
    "licence", "agreement", "work", "works", "software", "rights", "terms", "under",
];


/// The gate of one pattern (as written in the detector file, before `(?-u)` is added), or an
/// empty list when no condition can be derived (the detector then runs on every text).
pub fn gate(pattern: &str) -> Result<Cnf, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(&format!("(?-u){pattern}"))
        .map_err(|e| e.to_string())?;
    let mut cnf = req(&hir, false, false);
    cnf.sort_by_key(|c| std::cmp::Reverse(clause_score(c)));
    cnf.retain(|c| clause_score(c) > 0);
    cnf.dedup();
    cnf.truncate(MAX_CLAUSES);
    Ok(cnf)
}

fn atom_score(a: &Atom) -> i32 {
    let word_bytes = a.phrase.bytes().filter(|b| is_word(*b)).count() as i32;
    let anchor = &a.phrase[a.anchor.0..a.anchor.0 + a.anchor.1];
    let words = word_runs(a.phrase.as_bytes()).count() as i32;
    let mut s = if a.prefix { anchor.len() as i32 - 2 } else { word_bytes + 3 * (words - 1) };
    if a.prefix && anchor.len() < 4 || !a.prefix && word_bytes == anchor.len() as i32 && (COMMON.contains(&anchor) || anchor.len() < 3) {
        s -= 100;
    }
    s
}

fn clause_score(c: &[Atom]) -> i32 {
    let worst = c.iter().map(atom_score).min().unwrap_or(-1000);
    worst - (c.len() as i32 / 4) // more alternatives let more texts through
}

/// What a node puts at one of its edges: a word boundary for sure (`Yes`), maybe nothing at all
/// (`Maybe`: it may match empty, and otherwise has a boundary there), or no known boundary (`No`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Yes,
    Maybe,
    No,
}

fn boundary_look(l: &Look, start: bool) -> bool {
    matches!(
        l,
        Look::WordAscii
            | Look::WordUnicode
            | Look::WordStartAscii
            | Look::WordEndAscii
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfAscii
            | Look::WordEndHalfAscii
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    ) || (!start && matches!(l, Look::Start | Look::StartLF | Look::StartCRLF))
        || (start && matches!(l, Look::End | Look::EndLF | Look::EndCRLF))
}

/// Whether the range of code points (or bytes) `a..=z` holds a byte of `[a-z0-9]`.
fn has_word(a: u32, z: u32) -> bool {
    let meets = |lo: u8, hi: u8| a <= hi as u32 && z >= lo as u32;
    meets(b'a', b'z') || meets(b'0', b'9')
}

/// The edge of `h` at its end (`start == false`) or at its start (`start == true`).
fn edge(h: &Hir, start: bool) -> Edge {
    let b = |ok: bool| if ok { Edge::Yes } else { Edge::No };
    match h.kind() {
        HirKind::Empty => Edge::Maybe,
        HirKind::Look(l) => b(boundary_look(l, start)),
        HirKind::Literal(lit) => match if start { lit.0.first() } else { lit.0.last() } {
            None => Edge::Maybe,
            Some(&c) => b(!is_word(c)),
        },
        HirKind::Class(Class::Bytes(c)) => b(c.ranges().iter().all(|r| !has_word(r.start() as u32, r.end() as u32))),
        HirKind::Class(Class::Unicode(c)) => b(c.ranges().iter().all(|r| !has_word(r.start() as u32, r.end() as u32))),
        HirKind::Capture(c) => edge(&c.sub, start),
        HirKind::Repetition(r) => match (edge(&r.sub, start), r.min) {
            (Edge::No, _) => Edge::No,
            (e, m) if m >= 1 => e,
            _ => Edge::Maybe,
        },
        HirKind::Concat(items) => {
            let mut order: Box<dyn Iterator<Item = &Hir>> =
                if start { Box::new(items.iter()) } else { Box::new(items.iter().rev()) };
            order
                .find_map(|it| match edge(it, start) {
                    Edge::Maybe => None,
                    e => Some(e),
                })
                .unwrap_or(Edge::Maybe)
        }
        HirKind::Alternation(bs) => {
            let es: Vec<Edge> = bs.iter().map(|x| edge(x, start)).collect();
            if es.contains(&Edge::No) {
                Edge::No
            } else if es.iter().all(|e| *e == Edge::Yes) {
                Edge::Yes
            } else {
                Edge::Maybe
            }
        }
    }
}

/// Whether a boundary is known right before item `i` of a concatenation (looking left through
/// items that may match empty), or right after item `i` (`after`, looking right).
fn bounded(items: &[Hir], i: usize, after: bool, outer: bool) -> bool {
    let others: Box<dyn Iterator<Item = &Hir>> =
        if after { Box::new(items[i + 1..].iter()) } else { Box::new(items[..i].iter().rev()) };
    for it in others {
        match edge(it, after) {
            Edge::Yes => return true,
            Edge::No => return false,
            Edge::Maybe => {}
        }
    }
    outer
}

/// Every string `h` can match, when there are few (look-arounds match the empty string here:
/// leaving a condition out is safe).
fn finite(h: &Hir) -> Option<Vec<Vec<u8>>> {
    let out = match h.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![vec![]],
        HirKind::Literal(lit) => vec![lit.0.to_vec()],
        HirKind::Class(Class::Bytes(c)) => {
            let n: usize = c.ranges().iter().map(|r| (r.end() - r.start()) as usize + 1).sum();
            if n > 4 {
                return None;
            }
            c.ranges().iter().flat_map(|r| (r.start()..=r.end()).map(|b| vec![b])).collect()
        }
        HirKind::Class(Class::Unicode(_)) => return None,
        HirKind::Capture(c) => finite(&c.sub)?,
        HirKind::Alternation(bs) => {
            let mut all: Vec<Vec<u8>> = vec![];
            for b in bs {
                for s in finite(b)? {
                    if !all.contains(&s) {
                        all.push(s);
                    }
                }
            }
            all
        }
        HirKind::Repetition(r) => {
            let max = r.max?;
            if max > 2 {
                return None;
            }
            let sub = finite(&r.sub)?;
            let mut all: Vec<Vec<u8>> = vec![];
            let mut power = vec![vec![]];
            for k in 0..=max {
                if k >= r.min {
                    for s in &power {
                        if !all.contains(s) {
                            all.push(s.clone());
                        }
                    }
                }
                power = cross(&power, &sub)?;
            }
            all
        }
        HirKind::Concat(items) => {
            let mut lang = vec![vec![]];
            for it in items {
                lang = cross(&lang, &finite(it)?)?;
            }
            lang
        }
    };
    (out.len() <= LANG_MAX).then_some(out)
}

fn cross(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > LANG_MAX {
        return None;
    }
    let mut out: Vec<Vec<u8>> = vec![];
    for x in a {
        for y in b {
            let s = [x.as_slice(), y.as_slice()].concat();
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

/// The atom for one string every match contains in some form, given whether a word boundary is
/// known right before and right after it; `None` when it has no usable word.
fn atom(s: &[u8], left: bool, right: bool) -> Option<Atom> {
    let runs: Vec<_> = word_runs(s).map(|(a, z)| (a, z, a > 0 || left, z < s.len() || right)).collect();
    let phrase = String::from_utf8(s.to_vec()).ok()?;
    let whole = runs.iter().filter(|r| r.2 && r.3).max_by_key(|r| {
        let w = &phrase[r.0..r.1];
        (!COMMON.contains(&w), r.1 - r.0)
    });
    if let Some(&(a, z, ..)) = whole {
        return Some(Atom { phrase, anchor: (a, z - a), prefix: false });
    }
    // No whole word: a word bounded on its left only must start a word of the text.
    let &(a, z, ..) = runs.iter().filter(|r| r.2).max_by_key(|r| r.1 - r.0)?;
    Some(Atom { phrase: phrase[a..z].to_string(), anchor: (0, z - a), prefix: true })
}

/// The clause a finite language gives: one of its strings is in every match.
fn clause(lang: &[Vec<u8>], left: bool, right: bool) -> Option<Vec<Atom>> {
    let mut out: Vec<Atom> = vec![];
    for s in lang {
        let a = atom(s, left, right)?;
        if !out.contains(&a) {
            out.push(a);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The conditions every match of `h` implies, given whether a boundary is known on its left and right.
fn req(h: &Hir, left: bool, right: bool) -> Cnf {
    match h.kind() {
        HirKind::Capture(c) => return req(&c.sub, left, right),
        HirKind::Concat(items) => return concat(items, left, right),
        _ => {}
    }
    if let Some(lang) = finite(h) {
        return clause(&lang, left, right).into_iter().collect();
    }
    match h.kind() {
        HirKind::Repetition(r) if r.min >= 1 => {
            let one = r.max == Some(1);
            req(&r.sub, left && one, right && one)
        }
        HirKind::Alternation(branches) => {
            // One clause: each branch's most selective clause, any of them.
            let mut any: Vec<Atom> = vec![];
            for b in branches {
                let Some(best) = req(b, left, right).into_iter().max_by_key(|c| clause_score(c)) else {
                    return vec![];
                };
                for a in best {
                    if !any.contains(&a) {
                        any.push(a);
                    }
                }
            }
            if any.is_empty() || any.len() > LANG_MAX {
                return vec![];
            }
            vec![any]
        }
        _ => vec![],
    }
}

/// A concatenation: a clause for each run of items with a small finite language (from each item,
/// as far right as the language stays small), and the conditions of every other item.
fn concat(items: &[Hir], left: bool, right: bool) -> Cnf {
    let mut out = Cnf::new();
    for i in 0..items.len() {
        if finite(&items[i]).is_none() {
            out.extend(req(&items[i], bounded(items, i, false, left), bounded(items, i, true, right)));
            continue;
        }
        let mut lang: Vec<Vec<u8>> = vec![vec![]];
        let mut end = i;
        while end < items.len() {
            let Some(f) = finite(&items[end]) else { break };
            let Some(next) = cross(&lang, &f) else { break };
            lang = next;
            end += 1;
        }
        // A boundary look-around at the edge of the run bounds it too.
        let looks = |h: &&Hir| matches!(h.kind(), HirKind::Look(_));
        let bounding = |h: &Hir, start: bool| matches!(h.kind(), HirKind::Look(l) if boundary_look(l, start));
        let lb = bounded(items, i, false, left) || items[i..end].iter().take_while(looks).any(|h| bounding(h, false));
        let rb = bounded(items, end - 1, true, right) || items[i..end].iter().rev().take_while(looks).any(|h| bounding(h, true));
        if let Some(c) = clause(&lang, lb, rb) {
            out.push(c);
        }
    }
    out
}
