//! The detectors' word gates (derived by build.rs, `build/clause_gates.rs`) must never change what
//! the engine finds: on every corpus text, every shared variant, every test fixture, every example
//! of the detector file and spliced texts, the gated detectors report exactly what the ungated ones
//! report. And they must do their job: a text compiles only the detectors it may trigger.

use fineprint::clauses::{extract_with, rules};
use fineprint::report::Document;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "md")) {
            out.push(p);
        }
    }
}

fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![];
    files_under(&root.join("data/corpus"), &mut paths);
    files_under(&root.join("tests/fixtures"), &mut paths);
    paths.sort();
    let mut out: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let r = rules::rules();
    for k in &r.kinds {
        for ex in k.yes.iter().chain(&k.no) {
            out.push((format!("example of {}", k.id), ex.clone()));
        }
    }
    out
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn gates_never_change_what_is_found() {
    let ungated = rules::parse(rules::SOURCE).expect("the detector file compiles");
    let gated = rules::rules();
    let all = texts();
    assert!(all.len() > 900, "corpus, fixtures and examples: {}", all.len());
    let mut bad = vec![];
    for (name, text) in &all {
        let docs = [Document::new("x", text.as_str())];
        let (a, b) = (extract_with(&ungated, &docs), extract_with(gated, &docs));
        if json(&a) != json(&b) {
            bad.push(format!("{name}: ungated {:?} gated {:?}", a.iter().map(|c| &c.kind).collect::<Vec<_>>(), b.iter().map(|c| &c.kind).collect::<Vec<_>>()));
        }
    }
    // Spliced texts: sentences of different licenses joined, so gates see words from several.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let sentences: Vec<&str> = all.iter().flat_map(|(_, t)| t.split_inclusive(". ")).filter(|s| s.len() > 20).collect();
    for i in 0..300 {
        let text: String = (0..12).map(|_| sentences[next(sentences.len())]).collect();
        let docs = [Document::new("x", text.as_str())];
        let (a, b) = (extract_with(&ungated, &docs), extract_with(gated, &docs));
        if json(&a) != json(&b) {
            bad.push(format!("spliced text {i}: {:?}", text.chars().take(300).collect::<String>()));
        }
    }
    assert!(bad.is_empty(), "{} texts where the gates changed the result, the first:\n{}", bad.len(), bad[..bad.len().min(8)].join("\n"));
}

#[test]
fn most_detectors_carry_a_gate() {
    let r = rules::rules();
    let gated = rules::gated_count();
    // A drop here means build.rs no longer derives gates (every detector would compile on every text).
    assert!(gated * 4 >= r.patterns.len() * 3, "{gated} of {} detectors gated", r.patterns.len());
}

#[test]
fn a_text_compiles_only_the_detectors_it_may_trigger() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mit = std::fs::read_to_string(root.join("data/corpus/spdx/MIT.txt")).unwrap();
    let r = rules::fresh();
    assert_eq!(r.compiled(), 0);
    extract_with(&r, &[Document::new("LICENSE", mit.as_str())]);
    let compiled = r.compiled();
    assert!(compiled > 0 && compiled * 3 < r.patterns.len(), "MIT compiled {compiled} of {} detectors", r.patterns.len());
    // The same text again compiles nothing more.
    extract_with(&r, &[Document::new("LICENSE", mit.as_str())]);
    assert_eq!(r.compiled(), compiled);
}
