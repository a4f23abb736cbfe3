//! The held-out texts stay held out: no detector example (`yes` / `no` in `data/clauses.txt`, the
//! phrasings of `data/clause-kinds.json`) and no literal run of words inside a detector pattern
//! (`re`, `veto`, `when`, `then`, `define`) may share a sequence of [`RUN`] words with any held-out
//! text (`tests/fixtures/heldout/`, its `wild/` halves included), unless the corpus the detectors
//! are built on (`data/corpus/`: the SPDX and AI licence texts and their variants) holds the same
//! run: standard wording (MIT's permission notice, Apache's notice clause, Llama's threshold) is
//! public boilerplate that held-out texts quote too, not a copy of them. A copied held-out sentence
//! makes a held-out score a regression score; examples are written in other words.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Words in a row that count as copied.
const RUN: usize = 8;
/// Chinese characters in a row that count as copied (a character is about half a word: eight
/// characters are a set phrase such as 承担全部赔偿责任, "bear full liability").
const RUN_CJK: usize = 16;

/// Words of a text: ASCII letters and digits lower-cased (an apostrophe or hyphen inside a word
/// kept), and each CJK character a word of its own (Chinese has no spaces).
fn words(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    let cs: Vec<char> = text.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        let inner = (c == '\'' || c == '-' || c == '\u{2019}')
            && !cur.is_empty()
            && cs.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || inner {
            cur.push(if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() });
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            out.push(c.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_cjk_word(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next()), (Some(x), None) if ('\u{4e00}'..='\u{9fff}').contains(&x))
}

/// Every run of [`RUN`] words (of [`RUN_CJK`] when all are Chinese characters), joined by spaces.
fn runs(ws: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ws.windows(RUN).filter(|w| !w.iter().all(|x| is_cjk_word(x))).map(|w| w.join(" ")).collect();
    out.extend(ws.windows(RUN_CJK).filter(|w| w.iter().all(|x| is_cjk_word(x))).map(|w| w.join(" ")));
    out
}

/// The literal word runs of a regex: its text cut at every construct that is not a plain word or a
/// single space (groups, classes, alternations, escapes, repetitions). Only runs a match must
/// contain word for word are kept, so a long literal phrase in a pattern counts like an example.
fn literal_runs(re: &str) -> Vec<String> {
    let mut segs = vec![];
    let mut cur = String::new();
    let b: Vec<char> = re.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            '\\' => {
                // `\b` is a word boundary between words of a literal; any other escape cuts.
                if b.get(i + 1) == Some(&'b') {
                    i += 2;
                    continue;
                }
                segs.push(std::mem::take(&mut cur));
                i += 2;
                continue;
            }
            '(' | ')' | '[' | ']' | '{' | '}' | '|' | '?' | '*' | '+' | '.' | '^' | '$' => {
                // A quantifier makes the previous word optional or repeated: it is no literal.
                if matches!(c, '?' | '*' | '+' | '{') {
                    if let Some(p) = cur.rfind(' ') {
                        cur.truncate(p);
                    } else {
                        cur.clear();
                    }
                }
                segs.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
        i += 1;
    }
    segs.push(cur);
    segs.iter().flat_map(|s| runs(&words(s))).collect()
}

fn walk(d: &Path, out: &mut Vec<(PathBuf, String)>) {
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md")
            && p.file_name().is_some_and(|n| n != "README.md" && n != "PROVENANCE.md")
        {
            out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
        }
    }
}

fn texts_under(dir: &str) -> Vec<(PathBuf, String)> {
    let mut out = vec![];
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out.sort();
    out
}

fn heldout_texts() -> Vec<(PathBuf, String)> {
    texts_under("tests/fixtures/heldout")
}

/// (where, runs) for every example and pattern literal of the detector data.
fn detector_runs() -> Vec<(String, Vec<String>)> {
    let mut out = vec![];
    let src = fineprint::clauses::rules::SOURCE;
    for (n, line) in src.lines().enumerate() {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        let r = match key {
            "yes" | "no" => runs(&words(rest)),
            "re" | "veto" | "when" | "then" => literal_runs(rest),
            "define" => literal_runs(rest.split_once(' ').map_or("", |x| x.1)),
            _ => continue,
        };
        if !r.is_empty() {
            out.push((format!("data/clauses.txt:{}", n + 1), r));
        }
    }
    let kinds: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/clause-kinds.json")).unwrap()).unwrap();
    for k in kinds["clause_kinds"].as_array().unwrap() {
        for p in k["phrasings"].as_array().into_iter().flatten() {
            let r = runs(&words(p.as_str().unwrap_or("")));
            if !r.is_empty() {
                out.push((format!("data/clause-kinds.json {} phrasing", k["id"]), r));
            }
        }
    }
    out
}

#[test]
fn no_detector_shares_eight_words_with_a_heldout_text() {
    let texts = heldout_texts();
    assert!(texts.len() >= 100, "the held-out set has {} texts", texts.len());
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, t)) in texts.iter().enumerate() {
        for r in runs(&words(t)).into_iter().collect::<HashSet<_>>() {
            index.entry(r).or_default().push(i);
        }
    }
    let corpus: HashSet<String> = texts_under("data/corpus").iter().flat_map(|(_, t)| runs(&words(t))).collect();
    assert!(corpus.len() > 100_000, "the corpus was not read");
    let mut bad = vec![];
    let mut checked = 0;
    for (at, rs) in detector_runs() {
        checked += rs.len();
        if let Some((r, i)) = rs.iter().filter(|r| !corpus.contains(*r)).find_map(|r| index.get(r).map(|i| (r, i))) {
            let files: Vec<String> = i.iter().map(|&i| texts[i].0.file_name().unwrap().to_string_lossy().into_owned()).collect();
            bad.push(format!("{at}: \"{r}\" is in {}", files.join(", ")));
        }
    }
    assert!(checked > 2000, "only {checked} word runs checked: the detector file was not read");
    assert!(bad.is_empty(), "detector text copied from held-out texts ({} places):\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_overlap_check_sees_a_copy() {
    // The checker itself: a copied sentence is found, in an example and inside a pattern; other
    // words for the same meaning are not.
    let held = "You may use the weights only for non-commercial research purposes and for nothing else.";
    let idx: HashSet<String> = runs(&words(held)).into_iter().collect();
    let hit = |rs: Vec<String>| rs.iter().any(|r| idx.contains(r));
    assert!(hit(runs(&words("Note: you may use the weights only for non-commercial research purposes here."))));
    assert!(hit(literal_runs(r"\byou may use the weights only for non-commercial research purposes\b")));
    assert!(!hit(literal_runs(r"\byou may use the (?:weights|model) only for non-commercial research purposes\b")));
    assert!(!hit(runs(&words("The checkpoints serve non-commercial study and nothing more."))));
    // Chinese: sixteen characters in a row count; a set phrase of eight does not.
    let zh: HashSet<String> = runs(&words("如果您对我们提起诉讼，则根据本协议授予您的所有许可将在诉讼提起之日终止")).into_iter().collect();
    assert!(runs(&words("则根据本协议授予您的所有许可将在诉讼提起之日终止")).iter().any(|r| zh.contains(r)));
    assert!(!runs(&words("您应承担全部赔偿责任")).iter().any(|r| zh.contains(r)));
}
