//! License names as model hubs print them ("Apache License 2.0", "CreativeML Open RAIL-M",
//! "Apache-2.0 license", "Attribution 4.0 International (CC BY 4.0)") mapped to knowledge-base entries.
//!
//! Data, not code: the aliases live in `data/license-names.tsv`; the knowledge base's own ids, Hugging
//! Face ids and full names resolve through generic rules. A name that two entries share resolves to
//! neither: an unknown license is better than a wrong one.

use super::kb::{self, Facts};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The alias table, `NAME<TAB>ID` a line.
pub const ALIASES_TSV: &str = include_str!("../../data/license-names.tsv");

/// Words that carry no identity in a license name.
const NOISE: &[&str] = &[
    "the",
    "license",
    "licence",
    "licensed",
    "agreement",
    "version",
    "v",
    "terms",
    "of",
    "use",
];

/// Lower case, `licence` spelled `license`, every run of other characters than letters, digits, `+`
/// and a `.` between digits turned into one space.
pub fn normalize(name: &str) -> String {
    let lower = name.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    for (i, &c) in chars.iter().enumerate() {
        let digit_dot = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || c == '+' || digit_dot {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    // Creative Commons deeds join the elements ("Attribution-NonCommercial-ShareAlike"); the
    // knowledge base's names spell them apart ("Attribution Non Commercial Share Alike").
    out.trim_end()
        .replace("licence", "license")
        .split(' ')
        .map(|w| match w {
            "noncommercial" => "non commercial",
            "sharealike" => "share alike",
            "noderivatives" | "noderivs" => "no derivatives",
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`normalize`], then without the words of [`NOISE`] and with `v3` read as `3`.
pub fn reduce(name: &str) -> String {
    normalize(name)
        .split(' ')
        .map(|w| match w.strip_prefix('v') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
            _ => w,
        })
        .filter(|w| !w.is_empty() && !NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One parsed alias line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as written in the table.
    pub name: &'static str,
    /// The knowledge-base id it names.
    pub id: &'static str,
    /// Line number in the table (1-based).
    pub line: usize,
}

/// Every alias of the table, in order. Malformed lines are skipped here and reported by the tests.
pub fn aliases() -> &'static [Alias] {
    static CELL: OnceLock<Vec<Alias>> = OnceLock::new();
    CELL.get_or_init(|| {
        ALIASES_TSV
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|(i, l)| {
                let (name, id) = l.split_once('\t')?;
                Some(Alias {
                    name: name.trim(),
                    id: id.trim(),
                    line: i + 1,
                })
            })
            .collect()
    })
}

/// Lookup tables keyed by normalized and reduced names; `None` marks a name two entries share.
struct Tables {
    alias: HashMap<String, &'static str>,
    alias_reduced: HashMap<String, Option<&'static str>>,
    kb_names: HashMap<String, Option<&'static str>>,
    kb_reduced: HashMap<String, Option<&'static str>>,
    kb_bare: HashMap<String, Option<&'static str>>,
    kb_bare_reduced: HashMap<String, Option<&'static str>>,
}

fn insert_unique(
    map: &mut HashMap<String, Option<&'static str>>,
    key: String,
    id: &'static str,
    deprecated: bool,
) {
    if key.is_empty() {
        return;
    }
    match map.get(&key) {
        None => {
            map.insert(key, Some(id));
        }
        Some(Some(old)) if *old == id => {}
        Some(Some(old)) => {
            // A deprecated SPDX id gives way to its current twin ("GPL-3.0" vs "GPL-3.0-only").
            let old_deprecated = kb::facts(old).map(|f| f.deprecated).unwrap_or(false);
            if old_deprecated && !deprecated {
                map.insert(key, Some(id));
            } else if !(deprecated && !old_deprecated) {
                map.insert(key, None);
            }
        }
        Some(None) => {}
    }
}

/// A knowledge-base name without its parenthetical notes ("Qwen License Agreement (2024)").
fn strip_parentheticals(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn tables() -> &'static Tables {
    static CELL: OnceLock<Tables> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut alias = HashMap::new();
        let mut alias_reduced = HashMap::new();
        for a in aliases() {
            alias.insert(normalize(a.name), a.id);
            insert_unique(&mut alias_reduced, reduce(a.name), a.id, false);
        }
        let (mut kb_names, mut kb_reduced) = (HashMap::new(), HashMap::new());
        let (mut kb_bare, mut kb_bare_reduced) = (HashMap::new(), HashMap::new());
        for f in kb::FACTS.iter() {
            insert_unique(&mut kb_names, normalize(f.name), f.id, f.deprecated);
            insert_unique(&mut kb_reduced, reduce(f.name), f.id, f.deprecated);
            let bare = strip_parentheticals(f.name);
            insert_unique(&mut kb_bare, normalize(&bare), f.id, f.deprecated);
            insert_unique(&mut kb_bare_reduced, reduce(&bare), f.id, f.deprecated);
        }
        Tables {
            alias,
            alias_reduced,
            kb_names,
            kb_reduced,
            kb_bare,
            kb_bare_reduced,
        }
    })
}

/// The candidates a name offers: itself, then each parenthetical part ("... (CC BY 4.0)").
fn candidates(name: &str) -> Vec<String> {
    let mut out = vec![name.trim().to_string()];
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        if !inner.is_empty() {
            out.push(inner.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    let bare = strip_parentheticals(name).trim().to_string();
    if !bare.is_empty() && bare != out[0] {
        out.push(bare);
    }
    out
}

/// The knowledge-base entry a hub's license name or id names, if exactly one does.
pub fn by_name(name: &str) -> Option<&'static Facts> {
    let name = name.trim();
    if name.is_empty() || name.len() > 300 {
        return None;
    }
    for c in candidates(name) {
        if let Some(f) = kb::by_hf_id(&c) {
            return Some(f);
        }
        let t = tables(); // built on the first name that is no Hugging Face id
        let (norm, red) = (normalize(&c), reduce(&c));
        let found = t
            .alias
            .get(&norm)
            .copied()
            .or_else(|| t.alias_reduced.get(&red).copied().flatten())
            .or_else(|| t.kb_names.get(&norm).copied().flatten())
            .or_else(|| t.kb_bare.get(&norm).copied().flatten())
            .or_else(|| t.kb_reduced.get(&red).copied().flatten())
            .or_else(|| t.kb_bare_reduced.get(&red).copied().flatten());
        if let Some(id) = found {
            return kb::facts(id);
        }
        // "Apache 2.0", "CC BY-NC 4.0", "GPL-3.0 license": the words joined by dashes may be an SPDX
        // id (SPDX only: a model license's corpus id is no name a hub prints).
        let dashed = red.replace(' ', "-");
        if let Some(f) = kb::facts(&dashed).filter(|f| f.kind == kb::Kind::Spdx) {
            return Some(f);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// A license named in a text as the one that applies ("This model is licensed under the Apache
// License, Version 2.0"), not merely mentioned ("unlike the Apache License", "compatible with the
// GPL", "the base model is licensed under ...").

/// A document longer than this (in words) is no pointer to a license: a name in it is not read as
/// the license of the whole.
pub const NAMED_MAX_WORDS: usize = 400;

/// Words between a subject and its verb that carry no meaning here ("is hereby licensed").
const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "will", "shall", "hereby", "also", "now", "all", "both", "openly",
    "publicly", "freely", "fully", "officially", "currently", "entirely", "made", "itself", "themselves",
];
/// Verbs whose "under" introduces the license of their subject ("licensed under", "released under").
const VERBS: &[&str] = &[
    "licensed", "licenced", "released", "distributed", "available", "provided", "published", "shared", "offered",
    "covered", "relicensed", "dual-licensed", "open-sourced", "opensourced", "release", "releases", "license",
    "licenses", "distribute", "distributes", "publish", "publishes", "share", "shares", "provide", "provides",
    "offer", "offers", "make", "makes",
];
/// What a license is adopted for: this work ("this model", "the weights", "the code", "it").
const HEADS: &[&str] = &[
    "model", "models", "weights", "checkpoint", "checkpoints", "repository", "repo", "project", "software", "code",
    "codebase", "work", "dataset", "datasets", "data", "files", "library", "package", "program", "content",
    "materials", "adapter", "adapters", "release", "it", "everything", "this", "all",
];
/// Words that may stand between the determiner and the head ("the model weights", "this source code").
const MODIFIERS: &[&str] = &[
    "model", "source", "released", "trained", "pretrained", "pre-trained", "fine-tuned", "finetuned",
    "accompanying", "entire", "whole", "provided", "weights", "lora", "gguf", "quantized",
];
const DETERMINERS: &[&str] = &["this", "the", "these", "our", "all", "my"];
/// A mention, not an adoption: a negation, a comparison, a dependency, another model.
const NOT_ADOPTING: &[&str] = &[
    "not", "never", "no", "unlike", "except", "instead", "rather", "compatible", "incompatible", "previously",
    "formerly", "originally", "longer", "which", "whose", "base", "upstream", "dependency", "dependencies",
    "third-party", "if", "whether", "like", "similar", "than", "original", "parent",
    // A part of the work, not the work: "Portions of the model are licensed under ...".
    "portion", "portions", "part", "parts", "some", "component", "components", "includes", "including", "included",
    "contains", "bundled", "vendored",
];

/// A license a text names as its own: the entry, and the byte range of the sentence that says so.
#[derive(Debug, Clone)]
pub struct Named {
    /// The knowledge-base entry.
    pub facts: &'static Facts,
    /// Start of the naming words in the text (UTF-8 bytes).
    pub start: usize,
    /// End (exclusive) of the license's name in the text.
    pub end: usize,
    /// Whether the text names it for the model or its weights ("the weights are released under"),
    /// not for the code or the whole work.
    pub of_weights: bool,
}

/// The licenses a short text adopts by name, in order ("This model is licensed under the Apache
/// License, Version 2.0", "released under CC BY-NC 4.0", "you agree to the Llama 3.1 Community
/// License", "License: MIT", "SPDX-License-Identifier: MIT"). Empty for a long text and for names
/// only mentioned ("unlike the Apache License", "the base model is licensed under ...").
pub fn named_in_text(text: &str) -> Vec<Named> {
    if text.split_whitespace().nth(NAMED_MAX_WORDS).is_some() {
        return vec![];
    }
    let lower = text.to_ascii_lowercase();
    let mut out = vec![];
    for (s0, s1) in sentences(&lower) {
        // Line breaks inside a sentence are spaces ("licensed under\nthe GNU General Public License").
        let flat = lower[s0..s1].replace(['\n', '\t', '\r'], " ");
        let sent = flat.as_str();
        let lead = sent.len() - sent.trim_start_matches(|c: char| c.is_whitespace() || "#*-_>|`".contains(c)).len();
        // (offset of the name in the sentence, start of the naming words, for the weights)
        let mut hits: Vec<(usize, usize, bool)> = vec![];
        // "License: MIT", "SPDX-License-Identifier: Apache-2.0" at the start of a line.
        let body = &sent[lead..];
        for label in ["spdx-license-identifier:", "license:", "licence:", "model license:", "license**:", "license:**"] {
            if let Some(rest) = body.strip_prefix(label) {
                let skip = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*').len();
                hits.push((lead + label.len() + skip, lead, false));
                break;
            }
        }
        for (at, _) in sent.match_indices(" under ") {
            if let Some(head) = adopts(&sent[..at], true) {
                hits.push((at + " under ".len(), lead, WEIGHTS.contains(&head)));
            }
        }
        for trigger in [" governed by ", " subject to "] {
            for (at, _) in sent.match_indices(trigger) {
                if let Some(head) = adopts(&sent[..at], false) {
                    hits.push((at + trigger.len(), lead, WEIGHTS.contains(&head)));
                }
            }
        }
        for trigger in ["agree to ", "accept "] {
            for (at, _) in sent.match_indices(trigger) {
                let before = words(&sent[..at]);
                if before.iter().any(|w| *w == "you" || *w == "i" || *w == "licensee") && !before.iter().any(|w| NOT_ADOPTING.contains(w)) {
                    hits.push((at + trigger.len(), lead, false));
                }
            }
        }
        for (name_at, lead, of_weights) in hits {
            if let Some((facts, len)) = name_at_start(&text[s0 + name_at..s1]) {
                out.push(Named { facts, start: s0 + lead, end: s0 + name_at + len, of_weights });
            }
        }
    }
    out.extend(gnu_notice(text, &lower));
    out.sort_by_key(|n| n.end);
    out.dedup_by(|a, b| a.end == b.end);
    out
}

/// The GNU licenses' own notice ("... under the terms of the GNU General Public License as published
/// by the Free Software Foundation; either version 2 of the License, or (at your option) any later
/// version."): the license it names, `-or-later` when the notice offers any later version and
/// `-only` when it does not. The notice names the license; it does not give its terms.
pub(crate) fn gnu_notice(text: &str, lower: &str) -> Vec<Named> {
    // Two word orders, with the same named parts: "under the terms of the GNU ... License ... version 2
    // of the License, or (at your option) any later version", and "licensed under version 3 of the GNU
    // Affero General Public License or, at your option, any later version".
    static RE: OnceLock<[regex::Regex; 2]> = OnceLock::new();
    let res = RE.get_or_init(|| {
        [
            r"under\s+the\s+terms\s+of\s+(?:the\s+)?gnu\s+(?P<family>lesser\s+|library\s+|affero\s+)?general\s+public\s+licen[cs]e(?:\s*,)?(?:\s+as\s+published\s+by\s+the\s+free\s+software\s+foundation)?\s*[;,]?\s*(?:either\s+)?version\s+(?P<version>\d(?:\.\d)?)(?:\s*,)?(?:\s+of\s+the\s+licen[cs]e)?(?P<later>\s*,?\s*or\s*\(?\s*at\s+your\s+option\s*\)?\s*any\s+later\s+version)?",
            r"(?:licen[cs]ed|released|distributed|available)\s+under\s+version\s+(?P<version>\d(?:\.\d)?)\s+of\s+the\s+gnu\s+(?P<family>lesser\s+|library\s+|affero\s+)?general\s+public\s+licen[cs]e(?P<later>\s*,?\s*or\s*,?\s*\(?\s*at\s+your\s+option\s*\)?\s*,?\s*(?:any\s+)?later\s+version)?",
        ]
        .map(|p| regex::Regex::new(p).expect("a GNU notice pattern"))
    });
    let mut out = vec![];
    for c in res.iter().flat_map(|re| re.captures_iter(lower)) {
        let family = match c.name("family").map(|m| m.as_str().trim()) {
            Some("lesser") | Some("library") => "LGPL",
            Some("affero") => "AGPL",
            _ => "GPL",
        };
        let version = match &c["version"] {
            "2" => "2.0",
            "3" => "3.0",
            v => v,
        };
        let tail = if c.name("later").is_some() { "or-later" } else { "only" };
        let Some(facts) = kb::facts(&format!("{family}-{version}-{tail}")) else { continue };
        let (start, end) = (c.get(0).unwrap().start(), c.get(0).unwrap().end());
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            out.push(Named { facts, start, end, of_weights: false });
        }
    }
    out
}

/// Sentences of a lower-cased text as byte ranges: they end at `.`, `!`, `?` or `;` before white
/// space (not the dot of "2.0"), at a blank line, and before a line that starts a heading or an item.
pub(crate) fn sentences(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = vec![];
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end_here = match c {
            b'.' | b'!' | b'?' | b';' => b.get(i + 1).map(|n| n.is_ascii_whitespace()).unwrap_or(true) && !abbreviation(&t[start..i]),
            b'\n' => {
                let rest = t[i + 1..].trim_start_matches([' ', '\t', '\r']);
                let line = rest.split('\n').next().unwrap_or("");
                rest.starts_with('\n') || rest.starts_with(['#', '-', '*', '|', '>']) || rest.starts_with(|c: char| c.is_ascii_digit()) && line.contains(". ")
            }
            _ => false,
        };
        if end_here {
            let e = if c == b'\n' { i } else { i + 1 };
            if e > start {
                out.push((start, e));
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

/// Whether a sentence so far ends in an abbreviation whose dot does not end it ("e.g.", "v.").
fn abbreviation(so_far: &str) -> bool {
    let last = so_far.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    matches!(last, "e.g" | "i.e" | "etc" | "v" | "vs" | "no" | "inc" | "ltd" | "co" | "corp")
}

/// The words of a lower-cased text (letters, digits and inner dashes).
fn words(t: &str) -> Vec<&str> {
    t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the words before a trigger ("under", "governed by") make this work its subject:
/// "This model is licensed", "The weights are released", "Licensed" (a sentence that starts so),
/// "We release the model weights", "Use of this model is". With `verb`, a verb of [`VERBS`] must
/// come before the trigger.
/// The head of the subject ("model", "code", "it"; "" for none), when the words adopt.
fn adopts<'a>(before: &'a str, verb: bool) -> Option<&'a str> {
    let mut w = words(before);
    if w.iter().any(|x| NOT_ADOPTING.contains(x)) {
        return None;
    }
    while w.last().is_some_and(|x| AUX.contains(x)) {
        w.pop();
    }
    if verb {
        match w.last() {
            // "... licensed under": the subject comes before the verb.
            Some(x) if VERBS.contains(x) => {
                w.pop();
                while w.last().is_some_and(|x| AUX.contains(x)) {
                    w.pop();
                }
                // "This model is a fine-tune of X and is licensed": the sentence's subject.
                if w.last() == Some(&"and") {
                    return subject_at(&w, 0).map(|n| w[n - 1]);
                }
                return if w.is_empty() { Some("") } else { subject_ends(&w) };
            }
            // "We release the weights under", "the code is licensed under MIT and the weights under".
            Some(_) => return subject_ends(&w).filter(|_| w.iter().any(|x| VERBS.contains(x))),
            None => return None,
        }
    }
    subject_ends(&w)
}

/// Heads of a subject that is the model itself.
const WEIGHTS: &[&str] = &["model", "models", "weights", "checkpoint", "checkpoints", "adapter", "adapters"];

/// The head of the subject of [`HEADS`] the words end with ("this model", "the model weights", "it").
fn subject_ends<'a>(w: &[&'a str]) -> Option<&'a str> {
    (1..=3.min(w.len())).find(|&n| subject_at(&w[w.len() - n..], 0) == Some(n)).map(|_| w[w.len() - 1])
}

/// The length of a subject phrase at `w[k..]`, if one starts there.
fn subject_at(w: &[&str], k: usize) -> Option<usize> {
    let first = *w.get(k)?;
    if matches!(first, "it" | "everything") {
        return Some(1);
    }
    if !DETERMINERS.contains(&first) {
        return None;
    }
    let head = |x: &&str| HEADS.contains(x);
    match (w.get(k + 1), w.get(k + 2)) {
        (Some(h), Some(h2)) if MODIFIERS.contains(h) && head(h2) => Some(3),
        (Some(h), _) if head(h) => Some(2),
        (None, _) if matches!(first, "this" | "all") => Some(1),
        _ => None,
    }
}

/// The license whose name starts `t` (after "the terms of", "the"), and the length of the name
/// in bytes: the longest run of up to twelve words that names exactly one known license.
fn name_at_start(t: &str) -> Option<(&'static Facts, usize)> {
    let lower = t.to_ascii_lowercase();
    let mut off = lower.len() - lower.trim_start().len();
    loop {
        let rest = &lower[off..];
        let Some(p) = ["the terms and conditions of ", "the terms of ", "terms of ", "be bound by ", "comply with ", "abide by ", "the ", "a ", "an "]
            .iter()
            .find(|p| rest.starts_with(**p))
        else {
            break;
        };
        off += p.len();
        off += lower[off..].len() - lower[off..].trim_start().len();
    }
    // The name stops at a bracket, a quote, a semicolon or the end of the sentence.
    let stop = lower[off..].find(['(', ')', '[', ']', ';', '"', '\u{201c}', '<']).map(|p| off + p).unwrap_or(lower.len());
    let window = &t[off..stop];
    let mut ends: Vec<usize> = window.char_indices().filter(|(_, c)| c.is_whitespace()).map(|(i, _)| i).collect();
    ends.push(window.len());
    ends.dedup();
    for &e in ends.iter().take(12).rev() {
        let cand = window[..e].trim_end_matches(|c: char| c.is_whitespace() || ",.:*_`'".contains(c));
        if cand.is_empty() || kb::is_hf_family(cand) {
            continue;
        }
        if let Some(f) = by_name(cand) {
            return Some((f, off + cand.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> Option<&'static str> {
        by_name(name).map(|f| f.id)
    }

    #[test]
    fn every_alias_line_is_well_formed_and_names_a_known_license() {
        for (i, line) in ALIASES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let parts: Vec<_> = line.split('\t').collect();
            assert_eq!(parts.len(), 2, "line {}: want NAME<TAB>ID: {line:?}", i + 1);
            assert!(
                kb::facts(parts[1].trim()).is_some(),
                "line {}: unknown id {:?}",
                i + 1,
                parts[1]
            );
            assert_eq!(
                kb::facts(parts[1].trim()).unwrap().id,
                parts[1].trim(),
                "line {}: id spelling",
                i + 1
            );
        }
        assert!(aliases().len() >= 30);
    }

    #[test]
    fn no_alias_is_given_twice_with_different_ids() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for a in aliases() {
            if let Some(old) = seen.insert(normalize(a.name), a.id) {
                assert_eq!(old, a.id, "line {}: {:?} named twice", a.line, a.name);
            }
        }
    }

    #[test]
    fn every_alias_resolves_to_its_own_id() {
        for a in aliases() {
            assert_eq!(id(a.name), Some(a.id), "line {}: {:?}", a.line, a.name);
        }
    }

    #[test]
    fn modelscope_license_names_resolve() {
        // The `Licenses` enum of modelscope/hub/constants.py.
        assert_eq!(id("Apache License 2.0"), Some("Apache-2.0"));
        for (name, prefix) in [
            ("GPL-2.0", "GPL-2.0"),
            ("GPL-3.0", "GPL-3.0"),
            ("LGPL-2.1", "LGPL-2.1"),
            ("LGPL-3.0", "LGPL-3.0"),
        ] {
            let got = id(name).unwrap_or_else(|| panic!("{name} unresolved"));
            assert!(got.starts_with(prefix), "{name} -> {got}");
        }
        assert_eq!(id("AFL-3.0"), Some("AFL-3.0"));
        assert_eq!(id("ECL-2.0"), Some("ECL-2.0"));
        assert_eq!(id("MIT"), Some("MIT"));
    }

    #[test]
    fn names_in_other_spellings_resolve_by_rule() {
        assert_eq!(id("Apache 2.0"), Some("Apache-2.0"));
        assert_eq!(id("apache license, version 2.0"), Some("Apache-2.0"));
        assert_eq!(id("Apache-2.0 license"), Some("Apache-2.0"));
        assert_eq!(id("MIT License"), Some("MIT"));
        assert_eq!(id("MIT license"), Some("MIT"));
        assert_eq!(id("CC BY 4.0"), Some("CC-BY-4.0"));
        assert_eq!(id("CC BY-NC-SA 4.0"), Some("CC-BY-NC-SA-4.0"));
        // The deeds' own spelling.
        assert_eq!(id("Creative Commons Attribution-NonCommercial 4.0 International License"), Some("CC-BY-NC-4.0"));
        assert_eq!(id("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"), Some("CC-BY-NC-SA-4.0"));
        assert_eq!(id("Creative Commons Attribution-NoDerivatives 4.0 International"), Some("CC-BY-ND-4.0"));
        assert_eq!(
            id("Attribution 4.0 International (CC BY 4.0)"),
            Some("CC-BY-4.0")
        );
        assert_eq!(
            id("Creative Commons Attribution 4.0 International"),
            Some("CC-BY-4.0")
        );
        assert_eq!(id("Mozilla Public License 2.0"), Some("MPL-2.0"));
        // Corpus names with a date note resolve without it.
        assert_eq!(id("Qwen License Agreement"), Some("qwen-license"));
        assert_eq!(id("CreativeML Open RAIL-M"), Some("creativeml-openrail-m"));
        assert_eq!(
            id("Tencent Hunyuan 3D 2.0 Community License Agreement"),
            Some("tencent-hunyuan-3d-2.0-community")
        );
        // Hugging Face ids still work.
        assert_eq!(id("llama3.1"), Some("llama-3.1-community"));
        assert_eq!(id("openrail++"), Some("creativeml-openrail++-m"));
    }

    #[test]
    fn a_current_spdx_id_wins_over_its_deprecated_twin() {
        assert_eq!(
            id("GNU General Public License v3.0 only"),
            Some("GPL-3.0-only")
        );
        assert_eq!(
            id("GNU Affero General Public License v3.0 only"),
            Some("AGPL-3.0-only")
        );
    }

    #[test]
    fn unknown_ambiguous_and_hostile_names_resolve_to_nothing() {
        assert_eq!(id(""), None);
        assert_eq!(id("   "), None);
        assert_eq!(id("Other"), None);
        assert_eq!(id("Kolors License"), None);
        assert_eq!(id("Playground v2 Community License"), None);
        assert_eq!(id("<script>alert(1)</script>"), None);
        assert_eq!(id("license"), None);
        assert_eq!(id(&"Apache ".repeat(200)), None);
        assert_eq!(id("((((("), None);
        assert_eq!(id("\u{0}\u{1}"), None);
        // "Tencent Hunyuan Community License Agreement" names two corpus texts (DiT/Video and Large).
        assert_eq!(id("Tencent Hunyuan Community License Agreement"), None);
    }

    fn named(text: &str) -> Vec<&'static str> {
        named_in_text(text).iter().map(|n| n.facts.id).collect()
    }

    #[test]
    fn a_license_named_as_the_one_that_applies_is_found() {
        let cases = [
            ("This model is licensed under the Apache License, Version 2.0.", "Apache-2.0"),
            ("The weights are released under CC BY-NC 4.0.", "CC-BY-NC-4.0"),
            ("Use of this model is governed by the Llama 3.1 Community License.", "llama-3.1-community"),
            ("Released under the terms of the Llama 3.1 Community License Agreement.", "llama-3.1-community"),
            ("# Demo\n\nLicense: MIT\n", "MIT"),
            ("SPDX-License-Identifier: Apache-2.0", "Apache-2.0"),
            ("We release the model weights under the MIT license.", "MIT"),
            ("By downloading the model you agree to the terms of the Gemma Terms of Use.", "gemma-terms"),
            ("Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in compliance with the License.", "Apache-2.0"),
            ("This model is a fine-tune of our earlier model and is licensed under\nthe GNU General Public License v3.0 only.", "GPL-3.0-only"),
        ];
        for (text, id) in cases {
            assert_eq!(named(text), vec![id], "{text}");
            let n = &named_in_text(text)[0];
            assert!(text[n.start..n.end].to_lowercase().contains(&text[n.start..n.end].to_lowercase()));
            assert!(n.end <= text.len() && text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
        // The quote runs from the naming words to the end of the name.
        let t = "Hello.\n\nThis model is licensed under the Apache License, Version 2.0 (the \"License\").";
        let n = &named_in_text(t)[0];
        assert_eq!(&t[n.start..n.end], "This model is licensed under the Apache License, Version 2.0");
    }

    #[test]
    fn a_license_only_mentioned_is_not_adopted() {
        for text in [
            "Unlike the Apache License, this license forbids commercial use.",
            "This license is compatible with the GNU General Public License v3.0 only.",
            "The base model is licensed under the Llama 3.1 Community License.",
            "This model is fine-tuned from Llama 3.1, which is licensed under the Llama 3.1 Community License.",
            "Dependencies: PyTorch is licensed under the BSD-3-Clause license; NumPy is released under BSD-3-Clause.",
            "This model is not licensed under the MIT License.",
            "If the code were released under the MIT License, you could sell it.",
            "The original model is released under CC BY-NC 4.0.",
            "We considered releasing under the Apache License 2.0.",
            "Portions of the model are licensed under the Apache License 2.0.",
            "This model includes code licensed under the MIT License.",
        ] {
            assert!(named(text).is_empty(), "{text}: {:?}", named(text));
        }
        // A long text is no pointer to a license.
        let long = format!("{} This model is licensed under the MIT License.", "Some words of a model card. ".repeat(100));
        assert!(named(&long).is_empty());
        // Hostile input: no panic.
        for t in ["licensed under", "licensed under \u{1F600}\u{301} ((((", "License:", "\u{0}under \u{0}"] {
            named_in_text(t);
        }
    }

    #[test]
    fn normalization() {
        assert_eq!(
            normalize("  Apache   License,  Version 2.0 "),
            "apache license version 2.0"
        );
        assert_eq!(normalize("Open RAIL++-M"), "open rail++ m");
        assert_eq!(normalize("Licence 1.0."), "license 1.0");
        assert_eq!(reduce("The GNU GPL v3"), "gnu gpl 3");
    }
}
