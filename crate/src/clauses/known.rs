//! Detector hits precomputed for the corpus texts (`data/known-hits.txt`), so that a document whose
//! normalized view is one of them is answered without compiling or running a single detector.
//!
//! Most licenses on a model hub are known texts, word for word; on a cold engine (a service worker
//! that just started) compiling the detectors their words let through was most of an analysis. The
//! table holds, for each distinct view of a corpus text, the hits [`super::find`] returns: pattern,
//! match range and quote range, all in view offsets, so they map back into any input with the same
//! view. Values (numbers, regions, a governing law's words) are read again from the input itself,
//! since they quote its original text.
//!
//! The table is a cache, never a source of truth:
//! - it is stamped with a hash of the detector file and of the code that runs it, and ignored when
//!   they differ from the embedded ones;
//! - `tests/known_hits.rs` recomputes it from the corpus and fails when it is out of date (then
//!   regenerate it with `FINEPRINT_BLESS=1 cargo test --test known_hits`), and checks that every corpus
//!   text gives the same clauses with and without it.

use super::rules::{rules, Rules, ValueKind};
use super::text::View;
use super::{find, values, Hit};
use crate::text::fx::{fnv1a, FNV_OFFSET};
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The embedded table.
pub const SOURCE: &str = include_str!("../../data/known-hits.txt");

/// One precomputed hit, in view offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KnownHit {
    pattern: u32,
    conditional: bool,
    ms: u32,
    me: u32,
    s: u32,
    e: u32,
}

/// The table's key for a view: its bytes' FNV-1a and its length.
fn key(view: &View) -> (u64, u32) {
    (fnv1a(FNV_OFFSET, view.norm.as_bytes()), view.norm.len() as u32)
}

mod generated {
    // KNOWN_STAMP: a hash of the detector file and of the code that runs it (the view, the search,
    // the gates), computed by build.rs (write_known_stamp). Any change to them makes the embedded
    // table stale, so it is not used (the regexes answer) until it is regenerated; the tests fail
    // meanwhile.
    include!(concat!(env!("OUT_DIR"), "/known_stamp.rs"));
}

/// The stamp line: the table is valid for these sources only.
pub fn stamp() -> String {
    format!("rules {:016x}", generated::KNOWN_STAMP)
}

/// The table's entries after its stamp line, or `None` when the table is stale or unreadable (every
/// text then takes the regexes). Checked once.
fn body() -> Option<&'static str> {
    static BODY: OnceLock<Option<&'static str>> = OnceLock::new();
    *BODY.get_or_init(|| {
        let mut rest = SOURCE;
        loop {
            let (line, next) = rest.split_once('\n').unwrap_or((rest, ""));
            if line.starts_with('#') || line.trim().is_empty() {
                if next.is_empty() {
                    return None;
                }
                rest = next;
                continue;
            }
            return (line == stamp()).then_some(next);
        }
    })
}

/// The hits the table holds for a view's key, or `None` when it holds no such text (or is stale,
/// or an entry is malformed). Only the one entry is read: parsing the whole table (about 130 KB)
/// was a tenth of a cold engine's first analysis, for one entry used.
fn lookup(key: (u64, u32)) -> Option<Vec<KnownHit>> {
    let body = body()?;
    let head = format!("text {:016x} {} ", key.0, key.1);
    let at = if body.starts_with(&head) { 0 } else { body.find(&format!("\n{head}"))? + 1 };
    let mut lines = body[at..].lines();
    lines.next()?; // the `text` line (its name follows the key)
    let mut out = vec![];
    for line in lines {
        if line.starts_with("text ") {
            break;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.strip_prefix("hit ")?.split(' ');
        let mut n = || f.next().and_then(|x| x.parse::<u32>().ok());
        out.push(KnownHit { pattern: n()?, conditional: n()? == 1, ms: n()?, me: n()?, s: n()?, e: n()? });
    }
    Some(out)
}

/// Whether the table answers for this text (its view is a corpus text's, and the table is current).
pub fn covers(text: &str) -> bool {
    lookup(key(&View::new(text))).is_some()
}

/// The hits of a view from the table, or `None` when the view is not a known text (or the rules
/// are not the embedded ones, or a value cannot be read back as it was): then the regexes run.
pub(super) fn hits(rules: &Rules, view: &View, doc: usize) -> Option<Vec<Hit>> {
    if !std::ptr::eq(rules, super::rules::rules()) || view.norm.len() > u32::MAX as usize {
        return None;
    }
    let known = lookup(key(view))?;
    let hay = view.norm.as_bytes();
    let mut out = Vec::with_capacity(known.len());
    for k in &known {
        let p = rules.patterns.get(k.pattern as usize)?;
        let kind = &rules.kinds[p.kind];
        let (ms, me) = (k.ms as usize, k.me as usize);
        let value = if kind.value == ValueKind::None {
            None
        } else {
            // The value quotes the input's own words: read it from this input's match.
            let caps = p.re.get()?.captures_at(hay, ms)?;
            if caps.get(0).map(|m| (m.start(), m.end())) != Some((ms, me)) {
                return None;
            }
            values::read(kind.value, &caps, view)
        };
        if kind.value == ValueKind::Regions && value.is_none() {
            return None; // not how the table was made: let the regexes decide
        }
        out.push(Hit { kind: p.kind, pattern: k.pattern as usize, doc, ms, me, s: k.s as usize, e: k.e as usize, value, conditional: k.conditional });
    }
    Some(out)
}

/// The table for these texts (name, text), computed with the detectors: what `data/known-hits.txt`
/// must hold. Texts with the same view are listed once (the first name).
pub fn generate<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::from("# Detector hits of the corpus texts (src/clauses/known.rs); generated by\n# FINEPRINT_BLESS=1 cargo test --test known_hits. Do not edit.\n");
    let _ = writeln!(out, "{}", stamp());
    let mut seen = std::collections::HashSet::new();
    for (name, text) in texts {
        let view = View::new(text);
        let (h, len) = key(&view);
        if !seen.insert((h, len)) {
            continue;
        }
        let _ = writeln!(out, "text {h:016x} {len} {}", name.replace(' ', "_"));
        for h in find(rules(), &view, 0) {
            let _ = writeln!(out, "hit {} {} {} {} {} {}", h.pattern, u8::from(h.conditional), h.ms, h.me, h.s, h.e);
        }
    }
    out
}
