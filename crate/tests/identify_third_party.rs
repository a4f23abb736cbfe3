//! Real third-party license files the project had never seen (tests/fixtures/third-party/, with
//! provenance and a hand label for each in index.tsv): the id is right on at least 97 in 100, and a
//! right id on a file whose terms are the license's own is `modified` on at most 2 in 100 (issue 15).
//!
//! `FINEPRINT_THIRD_PARTY=dev` (or `sealed`, `sealed2`, `sealed3`) runs one half only and prints every file's answer.

use fineprint::kb;
use fineprint::report::{Document, MatchKind};
use std::path::Path;

struct Row {
    file: String,
    labels: Vec<String>,
    modified: String,
}

fn rows() -> Vec<Row> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/third-party"));
    // The first batch (dev/ and sealed/, index.tsv), the second and third (sealed2/ and sealed3/, each
    // its own index.tsv with names relative to it; a header line).
    let mut out = vec![];
    for (index, prefix) in [(dir.join("index.tsv"), ""), (dir.join("sealed2/index.tsv"), "sealed2/"), (dir.join("sealed3/index.tsv"), "sealed3/")] {
        let index = std::fs::read_to_string(index).unwrap();
        for l in index.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("file\t")) {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "index.tsv row has 6 fields: {l}");
            out.push(Row { file: format!("{prefix}{}", f[0]), labels: f[1].split('|').map(str::to_string).collect(), modified: f[5].to_string() });
        }
    }
    out
}

/// `none` labels a license that is not on the SPDX list: the right answer is no id at all.
fn right_id(got: &str, labels: &[String]) -> bool {
    labels.iter().any(|l| (l == "none" && got.is_empty()) || got == l || kb::same_text(got, l) || kb::facts(l).is_some_and(|f| kb::current(f).id == got))
}

/// (files run, id right, right ids on the license's own terms, of which `modified`, the misses, and
/// the files whose terms really differ (`y`) that came back `exact` or `equivalent`).
fn measure() -> (usize, usize, usize, usize, Vec<String>, Vec<String>) {
    let only = std::env::var("FINEPRINT_THIRD_PARTY").ok();
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/third-party"));
    let all = rows();
    assert!(all.len() >= 100, "at least 100 files: {}", all.len());
    let mut n = 0usize;
    let mut right = 0usize;
    let mut plain = 0usize;
    let mut plain_modified = 0usize;
    let mut report = vec![];
    for r in &all {
        if only.as_deref().is_some_and(|h| !r.file.starts_with(&format!("{h}/"))) {
            continue;
        }
        n += 1;
        let bytes = std::fs::read(dir.join(&r.file)).unwrap();
        let (text, _) = fineprint::decode::decode(&bytes).expect("fixtures are text"); // as the CLI reads a file
        // What a user sees: the report's license (a GNU notice names its license without its text).
        let m = fineprint::analyze(&[Document::new(&r.file, text)], &fineprint::Options::default()).unwrap().license;
        let got = m.id.clone().unwrap_or_default();
        let ok = right_id(&got, &r.labels);
        right += ok as usize;
        if ok && r.modified == "n" {
            plain += 1;
            if m.match_kind == MatchKind::Modified {
                plain_modified += 1;
            }
        }
        // A file whose terms differ must never read as the license itself.
        let missed = r.modified == "y" && matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent);
        let flag = if !ok {
            "WRONG"
        } else if missed {
            "MISSED"
        } else if m.match_kind == MatchKind::Modified && r.modified == "n" {
            "MODIFIED"
        } else {
            "ok"
        };
        let material: Vec<String> = m.changes.iter().filter(|c| c.material).map(|c| format!("{:?}", c.text.chars().take(60).collect::<String>())).collect();
        report.push(format!("{flag:8} {} want {} got {got} {:?} material: {}", r.file, r.labels.join("|"), m.match_kind, material.join(", ")));
    }
    if only.is_some() {
        println!("{}", report.join("\n"));
    }
    println!("{n} files: id right {right}; right id on unmodified terms {plain}, of which modified {plain_modified}");
    let missed: Vec<String> = report.iter().filter(|l| l.starts_with("MISSED")).cloned().collect();
    let misses: Vec<String> = report.into_iter().filter(|l| !l.starts_with("ok")).collect();
    (n, right, plain, plain_modified, misses, missed)
}

/// The issue's bar. Not met yet: the sealed halves' first runs (README) were 50 of 51 ids right and 6 of
/// 46 right ids `modified` (sealed), 60 of 60 and 7 of 55 (sealed2), 100 of 101 and 6 of 89 (sealed3); run with
/// `cargo test --release --test identify_third_party -- --ignored`.
#[test]
#[ignore = "issue 15's bar is not met yet on the sealed half (see tests/fixtures/third-party/README.md)"]
fn third_party_files_meet_the_issue_bar() {
    let (n, right, plain, plain_modified, misses, missed) = measure();
    assert!(missed.is_empty(), "files whose terms differ read as the license itself:\n{missed:#?}");
    assert!((n - right) as f64 / n as f64 <= 0.03, "id right on {right} of {n} (< 97 in 100):\n{misses:#?}");
    assert!(plain_modified as f64 / plain.max(1) as f64 <= 0.02, "modified on {plain_modified} of {plain} right ids (> 2 in 100):\n{misses:#?}");
}

/// No regression below what the rules reach today on all 263 files (262 ids right; 9 of 237 right ids
/// on the license's own terms called `modified`), and no file whose terms differ read as the license.
#[test]
fn third_party_files_do_not_regress() {
    let (n, right, plain, plain_modified, misses, missed) = measure();
    assert!(missed.is_empty(), "files whose terms differ read as the license itself:\n{missed:#?}");
    if std::env::var("FINEPRINT_THIRD_PARTY").is_ok() {
        return;
    }
    assert!(right + 1 >= n, "id right on {right} of {n}, was 262 of 263:\n{misses:#?}");
    assert!(plain_modified <= 9, "modified on {plain_modified} of {plain} right ids, was 9 of 237:\n{misses:#?}");
}
