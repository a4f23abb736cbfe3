//! Builds the embedded knowledge base from `data/` at compile time, so the
//! WASM carries no JSON or TOML parser: the output is plain Rust statics and
//! one compact binary index.
//!
//! - `facts.rs`: license facts from `data/corpus/index.json`.
//! - `kb.bin`: every known text, normalized (`src/text/normalize.rs`, the same code
//!   the runtime uses) into word tokens over one shared vocabulary; texts that
//!   normalize alike are stored once; each text is coded as literal tokens and
//!   copies of earlier token runs (near-duplicate licenses cost little); the
//!   parts a copy may change without changing the license (titles, SPDX
//!   template variables and optional parts, list numbering) are marked.
//!   Format: see `decode` in `src/identify/kb.rs` (the two must change together, with
//!   `KB_FORMAT`).

#[path = "src/text/align.rs"]
#[allow(dead_code)]
mod align;
#[path = "src/text/fx.rs"]
#[allow(dead_code)]
mod fx;
#[path = "src/text/normalize.rs"]
#[allow(dead_code)]
mod normalize;
#[path = "src/clauses/spec.rs"]
#[allow(dead_code)]
mod spec;
#[path = "build/clause_gates.rs"]
mod clause_gates;
#[path = "build/spdx_xml.rs"]
mod spdx_xml;

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// Version of the `kb.bin` layout (also checked by `src/identify/kb.rs`).
const KB_FORMAT: u8 = 3;

/// Kinds of soft (non-substantive) token runs.
const SOFT_TITLE: u8 = 1;
// (2 was a variable without a limit in format 1.)
/// A variable's code is `SOFT_VAR_BASE | limit`, where `limit` is how many
/// words may stand in its place (from the template's `match` pattern).
const SOFT_VAR_BASE: u8 = 0x80;
/// Most words a variable part may take (a copyright notice, a name).
const VAR_WORDS_MAX: u8 = 60;
const SOFT_OPTIONAL: u8 = 3;
const SOFT_BULLET: u8 = 4;

#[derive(Deserialize)]
struct Entry {
    id: String,
    #[serde(default)]
    name: Option<String>,
    kind: String,
    file: String,
    #[serde(default)]
    osi_approved: Option<bool>,
    #[serde(default)]
    deprecated: Option<bool>,
    #[serde(default)]
    hf_ids: Vec<String>,
}

#[derive(Deserialize)]
struct TemplateEntry {
    id: String,
    file: String,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    let corpus = data.join("corpus");
    for p in ["corpus", "equivalent-words.txt", "hf-aliases.txt", "editions.txt"] {
        println!("cargo:rerun-if-changed={}", data.join(p).display());
    }
    for p in ["corpus/index.json", "corpus/spdx-templates/index.json", "corpus/spdx", "corpus/ai", "corpus/spdx-templates", "corpus/spdx-xml/src"] {
        println!("cargo:rerun-if-changed={}", data.join(p).display());
    }
    for f in ["src/text/normalize.rs", "src/text/align.rs", "src/text/fx.rs", "src/clauses/spec.rs", "build/clause_gates.rs", "build/spdx_xml.rs", "data/clauses.txt", "data/slots.txt"] {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    let index_path = corpus.join("index.json");
    let entries: Vec<Entry> =
        serde_json::from_str(&std::fs::read_to_string(&index_path).expect("read index.json"))
            .expect("parse index.json");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let out_dir = Path::new(&out_dir);

    let xml = read_spdx_xml(&corpus.join("spdx-xml/src"));
    write_facts(&entries, &xml, &data, out_dir);
    write_gates(&data, out_dir);
    write_known_stamp(root, out_dir);
    write_said(root, out_dir);

    let templates: Vec<TemplateEntry> = serde_json::from_str(
        &std::fs::read_to_string(corpus.join("spdx-templates/index.json")).expect("read templates index"),
    )
    .expect("parse templates index");
    let template_of: HashMap<&str, &str> = templates.iter().map(|t| (t.id.as_str(), t.file.as_str())).collect();
    let kb = build_kb(&entries, &template_of, &xml, &corpus);
    std::fs::write(out_dir.join("kb.bin"), kb).unwrap();
}

/// `said.rs`: `SAID`, the English texts of the UI's `core_` messages and clause kinds' labels (`_locales/en/messages.json`),
/// the sentences the core writes beyond its clause summaries (`src/judge/said.rs`), the most specific
/// first (most literal words), so a sentence is tagged with the template that says most of it.
fn write_said(root: &Path, out_dir: &Path) {
    let path = root.join("../_locales/en/messages.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let all: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read _locales/en/messages.json")).expect("parse messages.json");
    let mut said: Vec<(String, String)> = all
        .iter()
        // The core's sentences, and the clause kinds' labels (a declared license's reasons name them).
        .filter(|(k, _)| k.starts_with("core_") || (k.starts_with("kind_") && k.ends_with("_label")))
        .map(|(k, v)| (k.clone(), v["message"].as_str().expect("a message's text").to_string()))
        .collect();
    let literal = |t: &str| t.replace("$$", "$").split('$').enumerate().map(|(i, p)| if i == 0 { p.len() } else { p.len().saturating_sub(1) }).sum::<usize>();
    said.sort_by(|a, b| literal(&b.1).cmp(&literal(&a.1)).then(a.0.cmp(&b.0)));
    let mut out = String::from("/// Generated by build.rs (write_said) from _locales/en/messages.json.\npub static SAID: &[(&str, &str)] = &[\n");
    for (k, v) in said {
        out.push_str(&format!("    ({k:?}, {v:?}),\n"));
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("said.rs"), out).unwrap();
}

/// What the precomputed hits of the corpus texts (`data/known-hits.txt`, `src/clauses/known.rs`)
/// depend on: the detector file and the code that runs it. A change to any of them makes the table
/// stale, and the engine then ignores it (the tests fail until it is regenerated).
const KNOWN_STAMPED: [&str; 6] = ["data/clauses.txt", "data/slots.txt", "src/clauses.rs", "src/clauses/text.rs", "src/clauses/rules.rs", "src/clauses/spec.rs"];

/// `known_stamp.rs`: `KNOWN_STAMP`, an FNV-1a hash over the FNV-1a hashes of [`KNOWN_STAMPED`].
fn write_known_stamp(root: &Path, out_dir: &Path) {
    let fnv = |bytes: &[u8]| fx::fnv1a(fx::FNV_OFFSET, bytes);
    let mut all = Vec::new();
    for f in KNOWN_STAMPED {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
        all.extend_from_slice(&fnv(&std::fs::read(root.join(f)).expect("read a stamped source")).to_le_bytes());
    }
    let out = format!("/// Generated by build.rs (write_known_stamp).\npub const KNOWN_STAMP: u64 = 0x{:016x};\n", fnv(&all));
    std::fs::write(out_dir.join("known_stamp.rs"), out).unwrap();
}

/// `clause_gates.rs`: each detector's word gate (see `build/clause_gates.rs`), keyed by its pattern,
/// sorted by the pattern's key for a binary search. A pattern the table lacks runs ungated.
fn write_gates(data: &Path, out_dir: &Path) {
    let src = std::fs::read_to_string(data.join("clauses.txt")).expect("read clauses.txt");
    // A malformed file is reported by the library's own parser and tests, with its line.
    let patterns = spec::parse(&src).map(|s| s.patterns).unwrap_or_default();
    let mut rows: Vec<(u64, clause_gates::Cnf)> = vec![];
    for p in patterns {
        let key = spec::key(&p.re);
        if rows.iter().any(|(k, _)| *k == key) {
            continue;
        }
        if let Ok(cnf) = clause_gates::gate(&p.re) {
            rows.push((key, cnf));
        }
    }
    rows.sort_by_key(|r| r.0);
    let mut out = String::from(
        "/// Generated by build.rs from data/clauses.txt: (pattern key, see spec::key; gate clauses of (phrase, anchor start, anchor length, prefix only)).\n",
    );
    out.push_str("pub static GATES: &[(u64, &[&[(&str, u16, u16, bool)]])] = &[\n");
    for (re, cnf) in rows {
        let atom = |a: &clause_gates::Atom| format!("({:?}, {}, {}, {})", a.phrase, a.anchor.0, a.anchor.1, a.prefix);
        let clauses: Vec<String> =
            cnf.iter().map(|c| format!("&[{}]", c.iter().map(atom).collect::<Vec<_>>().join(", "))).collect();
        writeln!(out, "    ({re}, &[{}]),", clauses.join(", ")).unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("clause_gates.rs"), out).unwrap();
}

/// Every source of the SPDX License List's XML (`data/corpus/spdx-xml/src/`), by id.
fn read_spdx_xml(dir: &Path) -> HashMap<String, spdx_xml::Source> {
    let codes = spdx_xml::Codes {
        title: SOFT_TITLE,
        optional: SOFT_OPTIONAL,
        bullet: SOFT_BULLET,
        copyright: SOFT_VAR_BASE | VAR_WORDS_MAX,
        var: |m| SOFT_VAR_BASE | var_limit(m),
    };
    let mut out = HashMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("read spdx-xml/src").map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files.into_iter().filter(|f| f.extension().is_some_and(|x| x == "xml")) {
        let src = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        let s = spdx_xml::parse(&src, &codes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.insert(s.id.clone(), s);
    }
    assert!(out.len() >= 800, "spdx-xml: only {} sources", out.len());
    out
}

fn write_facts(entries: &[Entry], xml: &HashMap<String, spdx_xml::Source>, data: &Path, out_dir: &Path) {
    let mut out = String::new();
    out.push_str("/// Generated by build.rs from data/corpus/index.json and data/corpus/spdx-xml/.\n");
    out.push_str("pub static FACTS: &[Facts] = &[\n");
    let known: std::collections::HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for e in entries {
        // Deprecated on the list, and the current id that replaces it (when the corpus has it).
        let src = xml.get(&e.id);
        let deprecated = e.deprecated.unwrap_or(false) || src.is_some_and(|s| s.deprecated);
        let replaced_by = src.and_then(|s| s.obsoleted_by.iter().find(|r| known.contains(r.as_str())));
        let replaced_by = match (deprecated, replaced_by) {
            (true, Some(r)) => format!("Some({r:?})"),
            _ => "None".to_string(),
        };
        let kind = match e.kind.as_str() {
            "spdx" => "Kind::Spdx",
            "ai" => "Kind::Model",
            "policy" => "Kind::Policy",
            other => panic!("unknown kind {other} for {}", e.id),
        };
        let osi = match e.osi_approved {
            Some(true) => "Some(true)",
            Some(false) => "Some(false)",
            None => "None",
        };
        writeln!(
            out,
            "  Facts {{ id: {:?}, name: {:?}, kind: {kind}, file: {:?}, osi_approved: {osi}, deprecated: {deprecated}, replaced_by: {replaced_by}, hf_ids: &{:?} }},",
            e.id, e.name.as_deref().unwrap_or(&e.id), e.file, e.hf_ids
        )
        .unwrap();
    }
    out.push_str("];\n");

    // Hub license ids that name a family or an edition not spelled like the
    // corpus id (data/hf-aliases.txt: `hub-id = corpus-id`).
    let aliases = std::fs::read_to_string(data.join("hf-aliases.txt")).unwrap_or_default();
    out.push_str("/// Generated by build.rs from data/hf-aliases.txt.\n");
    out.push_str("pub static HF_ALIASES: &[(&str, &str, bool)] = &[\n");
    let ids: std::collections::HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for line in aliases.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (hf, id) = line.split_once('=').unwrap_or_else(|| panic!("hf-aliases.txt: bad line {line:?}"));
        let (hf, id) = (hf.trim(), id.trim());
        let (hf, family) = match hf.strip_prefix("family ") {
            Some(h) => (h.trim(), true),
            None => (hf, false),
        };
        assert!(ids.contains(id), "hf-aliases.txt: {hf} names {id}, which is not in the corpus");
        writeln!(out, "  ({hf:?}, {id:?}, {family}),").unwrap();
    }
    out.push_str("];\n");

    // Families and their editions (data/editions.txt: `family = id, id, ...`).
    let editions = std::fs::read_to_string(data.join("editions.txt")).expect("read editions.txt");
    out.push_str("/// Generated by build.rs from data/editions.txt.\n");
    out.push_str("pub static FAMILIES: &[(&str, &[&str])] = &[\n");
    for line in editions.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (fam, list) = line.split_once('=').unwrap_or_else(|| panic!("editions.txt: bad line {line:?}"));
        let members: Vec<&str> = list.split(',').map(str::trim).collect();
        for m in &members {
            assert!(ids.contains(m), "editions.txt: {m} is not in the corpus");
        }
        writeln!(out, "  ({:?}, &{:?}),", fam.trim(), members).unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("facts.rs"), out).unwrap();
}

/// Words of a sentence that states a term; a title has none ("Apache License Version 2.0").
const TERM_VERBS: &[&str] = &["is", "are", "may", "can", "must", "shall", "will", "be", "granted", "permitted", "allowed", "you", "hereby"];

/// A normalized text: words and soft marks.
struct Text {
    words: Vec<String>,
    soft: Vec<u8>,
}

fn normalize_text(text: &str, soft_ranges: &[(usize, usize, u8)]) -> Text {
    let toks = normalize::tokenize(text);
    let mut words = Vec::with_capacity(toks.len());
    let mut soft = vec![0u8; toks.len()];
    #[allow(clippy::needless_range_loop)]
    for i in 0..toks.len() {
        words.push(toks.word(i).to_string());
        if toks.flags[i] & normalize::FLAG_BULLET != 0 {
            soft[i] = SOFT_BULLET;
        }
        // A copyright notice is a variable part of every license.
        if toks.flags[i] & normalize::FLAG_COPYRIGHT != 0 {
            soft[i] = SOFT_VAR_BASE | VAR_WORDS_MAX;
        }
        let (s, e) = toks.spans[i];
        for &(rs, re, kind) in soft_ranges {
            if s as usize >= rs && e as usize <= re {
                // Innermost (latest) range wins; variables beat optional parts.
                if soft[i] == 0 || soft[i] == SOFT_BULLET || kind & SOFT_VAR_BASE != 0 {
                    soft[i] = kind;
                }
            }
        }
    }
    // The title: the first paragraph when it is a short heading.
    let n = toks.len();
    let mut end = n;
    let mut lines = 0;
    for i in 0..n {
        if i > 0 && toks.flags[i] & normalize::FLAG_PARA_START != 0 {
            end = i;
            break;
        }
        if toks.flags[i] & normalize::FLAG_LINE_START != 0 {
            lines += 1;
        }
    }
    // A first paragraph that says something ("You can use this code in whatever way you want",
    // "Redistribution and use ... are permitted provided that ...:") is a term, not a heading:
    // words added there change the license.
    let says = (0..end)
        .filter(|&i| toks.flags[i] & normalize::FLAG_COPYRIGHT == 0)
        .any(|i| TERM_VERBS.contains(&toks.word(i)));
    if end <= 25 && lines <= 3 && end < n && !says {
        for s in soft.iter_mut().take(end) {
            if *s == 0 || *s == SOFT_BULLET {
                *s = SOFT_TITLE;
            }
        }
    }
    Text { words, soft }
}

/// Expand an SPDX template: variables take their original text, optional
/// parts are kept; both are marked soft.
fn expand_template(tpl: &str) -> (String, Vec<(usize, usize, u8)>) {
    let mut out = String::new();
    let mut ranges = vec![];
    let mut opt_stack = vec![];
    let b = tpl.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &tpl[i..];
        if rest.starts_with("<<beginOptional") {
            let end = rest.find(">>").expect("unterminated beginOptional") + 2;
            opt_stack.push(out.len());
            i += end;
        } else if rest.starts_with("<<endOptional>>") {
            let start = opt_stack.pop().expect("endOptional without begin");
            ranges.push((start, out.len(), SOFT_OPTIONAL));
            i += "<<endOptional>>".len();
        } else if rest.starts_with("<<var;") {
            // key="value" pairs up to `>>` outside quotes.
            let mut k = 6;
            let mut in_q = false;
            let mut original = String::new();
            let mut pattern = String::new();
            let mut cur_key = String::new();
            let mut cur_val = String::new();
            let rb = rest.as_bytes();
            loop {
                let c = rb[k];
                if in_q {
                    if c == b'"' {
                        in_q = false;
                        if cur_key == "original" {
                            original = cur_val.clone();
                        } else if cur_key == "match" {
                            pattern = cur_val.clone();
                        }
                        cur_val.clear();
                        cur_key.clear();
                    } else {
                        let ch = rest[k..].chars().next().unwrap();
                        cur_val.push(ch);
                        k += ch.len_utf8();
                        continue;
                    }
                } else if c == b'"' {
                    in_q = true;
                } else if c == b'>' && rb.get(k + 1) == Some(&b'>') {
                    k += 2;
                    break;
                } else if c == b'=' || c == b';' {
                } else {
                    cur_key.push(c as char);
                }
                k += 1;
            }
            let start = out.len();
            out.push_str(&original);
            ranges.push((start, out.len(), SOFT_VAR_BASE | var_limit(&pattern)));
            i += k;
        } else {
            let ch = rest.chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    (out, ranges)
}

/// How many words a template variable may take, from its `match` pattern:
/// `.{0,20}` a few, `are|is` as many as its longest choice, `.+` many.
fn var_limit(pattern: &str) -> u8 {
    if let Some(rest) = pattern.strip_prefix(".{") {
        if let Some(n) = rest.split(['}', ',']).filter_map(|x| x.parse::<usize>().ok()).max() {
            return ((n / 8).max(1)).min(VAR_WORDS_MAX as usize) as u8;
        }
    }
    if pattern.contains(".+") || pattern.contains(".*") {
        return VAR_WORDS_MAX;
    }
    let longest = pattern
        .split('|')
        .map(|alt| alt.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count())
        .max()
        .unwrap_or(1);
    (longest.max(1)).min(VAR_WORDS_MAX as usize) as u8
}

/// The words of `file` and of `tpl` as ids of one vocabulary, and their alignment.
fn align_words(file: &Text, tpl: &Text) -> (Vec<u32>, Vec<u32>, Vec<(u32, u32)>) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut id = |w: &str| -> u32 {
        let n = ids.len() as u32;
        *ids.entry(w.to_string()).or_insert(n)
    };
    let a: Vec<u32> = file.words.iter().map(|w| id(w)).collect();
    let b: Vec<u32> = tpl.words.iter().map(|w| id(w)).collect();
    let pairs = align::align(&a, &b);
    (a, b, pairs)
}

/// Mark the words of `file` soft where they align with soft words of the
/// template `tpl`, or fill a gap the template has at a variable.
fn transfer_soft(file: &mut Text, tpl: &Text) {
    let (a, b, pairs) = align_words(file, tpl);
    let is_var = |k: u8| k & SOFT_VAR_BASE != 0;
    let is_var_or_opt = |k: u8| is_var(k) || k == SOFT_OPTIONAL || k == SOFT_TITLE;
    let mut prev: Option<(usize, usize)> = None;
    for &(i, j) in pairs.iter().chain(std::iter::once(&(a.len() as u32, b.len() as u32))) {
        let (i, j) = (i as usize, j as usize);
        let (pi, pj) = prev.map(|(x, y)| (x + 1, y + 1)).unwrap_or((0, 0));
        // Words of the file in a gap where the template has a variable.
        let mut near: Vec<u8> = (pj..j).map(|y| tpl.soft[y]).filter(|&k| is_var(k)).collect();
        if pj == j {
            near.extend([pj.checked_sub(1).map(|y| tpl.soft[y]), tpl.soft.get(j).copied()].into_iter().flatten().filter(|&k| is_var(k)));
        }
        if let Some(&code) = near.iter().max() {
            if i - pi <= (code & !SOFT_VAR_BASE) as usize + (j - pj) {
                for x in pi..i {
                    file.soft[x] = code;
                }
            }
        }
        // A variable inside an optional part beats the optional mark an earlier template gave the
        // same word (LGPL-2.1's "an idea" that the XML lets be "a brief idea").
        if i < a.len() && is_var_or_opt(tpl.soft[j]) && (file.soft[i] == 0 || file.soft[i] == SOFT_BULLET || (file.soft[i] == SOFT_OPTIONAL && is_var(tpl.soft[j]))) {
            file.soft[i] = tpl.soft[j];
        }
        prev = Some((i, j));
    }
}

/// Fewest words of an optional passage of the template that the file lacks for it to be added.
const SPLICE_MIN: usize = 5;

/// Add to the file the template's optional closing passage it lacks (a paragraph the list keeps as
/// optional, such as GPL-2.0's closing "This General Public License does not permit incorporating
/// your program..." that the corpus text leaves out), marked optional: a copy with them is the
/// license, and a copy without them still is. Only after the file's last word, and only a passage
/// of at least [`SPLICE_MIN`] words with no number in it, optional throughout (its replaceable words
/// included).
fn splice_optional(file: &mut Text, tpl: &Text) {
    let (a, b, pairs) = align_words(file, tpl);
    let is_var = |k: u8| k & SOFT_VAR_BASE != 0;
    let mut inserts: Vec<(usize, usize, usize)> = vec![];
    let mut prev: Option<(usize, usize)> = None;
    for &(i, j) in pairs.iter().chain(std::iter::once(&(a.len() as u32, b.len() as u32))) {
        let (i, j) = (i as usize, j as usize);
        let (pi, pj) = prev.map(|(x, y)| (x + 1, y + 1)).unwrap_or((0, 0));
        prev = Some((i, j));
        // Only after the file's last word: a closing passage it leaves out (inside the text, an
        // optional part the file lacks may stand for words the file has elsewhere).
        // The file must end where the passage begins: its last word matched, none left over.
        if i != a.len() || pi != i || pi == 0 || j < pj + SPLICE_MIN {
            continue;
        }
        // No number in it: a dated or versioned closing line is another form of the file's own
        // ending (where a changed number must still show), not a passage it lacks.
        if tpl.words[pj..j].iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            continue;
        }
        let kinds: Vec<u8> = (pj..j).map(|y| tpl.soft[y]).collect();
        let optional = kinds.iter().filter(|&&k| k == SOFT_OPTIONAL).count();
        if kinds.iter().all(|&k| k == SOFT_OPTIONAL || is_var(k)) && optional * 2 > kinds.len() {
            inserts.push((i, pj, j));
        }
    }
    for &(i, j0, j1) in inserts.iter().rev() {
        file.words.splice(i..i, tpl.words[j0..j1].iter().cloned());
        file.soft.splice(i..i, tpl.soft[j0..j1].iter().copied());
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn build_kb(entries: &[Entry], template_of: &HashMap<&str, &str>, xml: &HashMap<String, spdx_xml::Source>, corpus: &Path) -> Vec<u8> {
    // 1. Normalize every file; group files that normalize alike.
    struct Group {
        text: Text,
        exact_hashes: Vec<u64>,
    }
    let mut groups: Vec<Group> = vec![];
    let mut group_of_hash: HashMap<u64, usize> = HashMap::new();
    let mut entry_group = vec![];
    for e in entries {
        let raw = std::fs::read_to_string(corpus.join(&e.file)).unwrap_or_else(|_| panic!("read {}", e.file));
        let t = normalize_text(&raw, &[]);
        assert!(!t.words.is_empty(), "{}: no words", e.id);
        let h = fx::hash_words(t.words.iter().map(String::as_str));
        let g = *group_of_hash.entry(h).or_insert_with(|| {
            groups.push(Group { text: t, exact_hashes: vec![h] });
            groups.len() - 1
        });
        entry_group.push(g);
    }
    // 2. Where an SPDX template exists, its variable and optional parts make
    //    the matching words of the file soft (the file stays the text: a
    //    template may come from another release of the list than the file).
    for (e, &g) in entries.iter().zip(&entry_group) {
        if let Some(file) = template_of.get(e.id.as_str()) {
            let tpl = std::fs::read_to_string(corpus.join(file)).unwrap_or_else(|_| panic!("read {file}"));
            let (expanded, ranges) = expand_template(&tpl);
            let t = normalize_text(&expanded, &ranges);
            transfer_soft(&mut groups[g].text, &t);
        }
    }
    // 2b. The same from the list's XML source of every SPDX license (title, copyright notice,
    //     optional and replaceable parts, bullets). Where the XML's own text (every part at its
    //     original words) normalizes to other words than the corpus text (a newer edition), that
    //     text is an exact match too.
    let mut done: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (e, &g) in entries.iter().zip(&entry_group) {
        let Some(src) = xml.get(&e.id) else { continue };
        if e.kind != "spdx" || !done.insert(g) {
            continue;
        }
        let t = normalize_text(&src.text, &src.ranges);
        if t.words.is_empty() {
            continue;
        }
        splice_optional(&mut groups[g].text, &t);
        transfer_soft(&mut groups[g].text, &t);
        let h = fx::hash_words(t.words.iter().map(String::as_str));
        if let std::collections::hash_map::Entry::Vacant(v) = group_of_hash.entry(h) {
            v.insert(g);
            groups[g].exact_hashes.push(h);
        }
    }
    // 3. Vocabulary by frequency.
    let mut freq: HashMap<&str, u64> = HashMap::new();
    for g in &groups {
        for w in &g.text.words {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u64)> = freq.into_iter().collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id_of: HashMap<&str, u64> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u64)).collect();

    // Layout: magic, format, length of the catalog, the catalog (per text:
    // length, exact hashes, soft runs; then the text of each entry: all an
    // exact match needs), then the body (vocabulary, then each text's tokens).
    let mut meta: Vec<u8> = vec![];
    let mut body: Vec<u8> = vec![];
    varint(&mut body, vocab.len() as u64);
    for (w, _) in &vocab {
        varint(&mut body, w.len() as u64);
        body.extend_from_slice(w.as_bytes());
    }
    // 4. Texts: literal tokens and copies of earlier runs (LZ77 over tokens).
    const MIN_COPY: usize = 6;
    let mut global: Vec<u64> = vec![];
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let key = |s: &[u64]| s.iter().fold(0u64, |h, &x| (h ^ x).wrapping_mul(0x100000001b3));
    varint(&mut meta, groups.len() as u64);
    for g in &groups {
        let ids: Vec<u64> = g.text.words.iter().map(|w| id_of[w.as_str()]).collect();
        varint(&mut meta, ids.len() as u64);
        varint(&mut meta, g.exact_hashes.len() as u64);
        for h in &g.exact_hashes {
            meta.extend_from_slice(&h.to_le_bytes());
        }
        // Soft runs: (gap since previous run end, length, kind).
        let mut runs = vec![];
        let mut i = 0;
        while i < ids.len() {
            let k = g.text.soft[i];
            if k == 0 {
                i += 1;
                continue;
            }
            let s = i;
            while i < ids.len() && g.text.soft[i] == k {
                i += 1;
            }
            runs.push((s, i - s, k));
        }
        varint(&mut meta, runs.len() as u64);
        let mut prev = 0;
        for (s, l, k) in runs {
            varint(&mut meta, (s - prev) as u64);
            varint(&mut meta, l as u64);
            meta.push(k); // 1 title, 3 optional, 4 numbering, 0x80|limit variable
            prev = s + l;
        }
        let base = global.len();
        let mut p = 0;
        let mut lits: Vec<u64> = vec![];
        let flush = |out: &mut Vec<u8>, lits: &mut Vec<u64>, copy: Option<(usize, usize)>| {
            varint(out, lits.len() as u64);
            for &t in lits.iter() {
                varint(out, t);
            }
            lits.clear();
            match copy {
                Some((len, src)) => {
                    varint(out, len as u64);
                    varint(out, src as u64);
                }
                None => varint(out, 0),
            }
        };
        while p < ids.len() {
            let mut best: Option<(usize, usize)> = None;
            if p + MIN_COPY <= ids.len() {
                if let Some(cands) = seen.get(&key(&ids[p..p + MIN_COPY])) {
                    for &src in cands.iter().rev().take(16) {
                        let mut l = 0;
                        // The source may overlap the text being written.
                        while p + l < ids.len() && src + l < base + p + l {
                            let v = if src + l < global.len() { global[src + l] } else { ids[src + l - base] };
                            if v != ids[p + l] {
                                break;
                            }
                            l += 1;
                        }
                        if l >= MIN_COPY && best.map(|b| l > b.0).unwrap_or(true) {
                            best = Some((l, src));
                        }
                    }
                }
            }
            // Index the position before moving on.
            let index_upto = |seen: &mut HashMap<u64, Vec<usize>>, from: usize, to: usize| {
                for q in from..to {
                    if q + MIN_COPY <= ids.len() {
                        seen.entry(key(&ids[q..q + MIN_COPY])).or_default().push(base + q);
                    }
                }
            };
            match best {
                Some((l, src)) => {
                    flush(&mut body, &mut lits, Some((l, src)));
                    index_upto(&mut seen, p, p + l);
                    p += l;
                }
                None => {
                    lits.push(ids[p]);
                    index_upto(&mut seen, p, p + 1);
                    p += 1;
                }
            }
        }
        if !lits.is_empty() {
            flush(&mut body, &mut lits, None);
        }
        global.extend_from_slice(&ids);
    }
    // 5. Entries: the group of each fact, in index.json order.
    varint(&mut meta, entry_group.len() as u64);
    for g in entry_group {
        varint(&mut meta, g as u64);
    }
    let mut out = b"FPKB".to_vec();
    out.push(KB_FORMAT);
    varint(&mut out, meta.len() as u64);
    out.extend_from_slice(&meta);
    out.extend_from_slice(&body);
    out
}
