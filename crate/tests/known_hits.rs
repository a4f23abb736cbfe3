//! The precomputed detector hits of the corpus texts (src/clauses/known.rs, data/known-hits.txt):
//! the table is what the detectors give today, and using it changes no clause, quote or value.
//! Out of date (a detector, the view or the corpus changed): regenerate with
//! `FINEPRINT_BLESS=1 cargo test --test known_hits`, and review the diff like any other change.

use fineprint::clauses::rules::rules;
use fineprint::clauses::{extract_uncached, extract_with, known};
use fineprint::report::Clause;
use fineprint::report::Document;
use std::path::PathBuf;

/// Clauses and signals, with the table (what an analysis uses).
fn extract(docs: &[Document]) -> Vec<Clause> {
    extract_with(rules(), docs)
}

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The corpus texts the table covers: every license and model-license text, by path.
fn corpus_texts() -> Vec<(String, String)> {
    let mut out = vec![];
    for dir in ["spdx", "ai"] {
        let mut files: Vec<_> = std::fs::read_dir(data().join("corpus").join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.extension().is_some_and(|x| x == "txt")) {
            out.push((format!("{dir}/{}", f.file_name().unwrap().to_string_lossy()), std::fs::read_to_string(&f).unwrap()));
        }
    }
    out
}

#[test]
fn the_table_is_what_the_detectors_give_now() {
    let texts = corpus_texts();
    assert!(texts.len() > 700, "corpus texts: {}", texts.len());
    let fresh = known::generate(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    let path = data().join("known-hits.txt");
    if std::env::var_os("FINEPRINT_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap();
    assert!(stored == fresh, "data/known-hits.txt is out of date: regenerate it with FINEPRINT_BLESS=1 cargo test --test known_hits, then run the tests again");
    assert!(known::SOURCE == stored, "the embedded table is not the file: rebuild");
}

#[test]
fn with_or_without_the_table_every_corpus_text_gives_the_same_clauses() {
    for (name, text) in corpus_texts() {
        assert!(known::covers(&text), "{name}: not in the table");
        let docs = [Document::new("LICENSE", text.as_str())];
        assert_eq!(extract(&docs), extract_uncached(&docs), "{name}");
    }
}

#[test]
fn a_known_text_reformatted_still_gives_the_same_clauses_and_its_own_quotes() {
    // Another layout of the same words (CRLF, indentation, wrapped lines) has the same view: the
    // table answers, and the quotes and values come from this input's own text.
    let text = std::fs::read_to_string(data().join("corpus/ai/llama-3.1-community.txt")).unwrap();
    let reflowed: String = text.replace('\n', "\r\n").replace(". ", ".  ");
    for t in [&text, &reflowed] {
        assert!(known::covers(t), "the same words in another layout are a known text");
        let docs = [Document::new("LICENSE", t.as_str()), Document::new("USE_POLICY.md", "Acceptable use: you may not use Llama 3.1 for military purposes.")];
        let cached = extract(&docs);
        assert_eq!(cached, extract_uncached(&docs));
        for c in &cached {
            for e in &c.evidence {
                assert_eq!(&docs[e.doc].text[e.start..e.end], e.quote, "{}: the quote is this input's text", c.kind);
            }
        }
        let mau = cached.iter().find(|c| c.kind == "mau_threshold").expect("mau_threshold");
        assert!(format!("{:?}", mau.value).contains("700000000"), "{:?}", mau.value);
    }
}

#[test]
fn a_changed_text_is_not_taken_from_the_table() {
    // One word changed: another view, so the regexes run, and the change shows.
    let text = std::fs::read_to_string(data().join("corpus/spdx/MIT.txt")).unwrap();
    let changed = text.replace("without restriction", "for non-commercial purposes only");
    assert!(!known::covers(&changed));
    let docs = [Document::new("LICENSE", changed.as_str())];
    let clauses = extract(&docs);
    assert_eq!(clauses, extract_uncached(&docs));
    assert!(clauses.iter().any(|c| c.kind == "noncommercial"), "{clauses:?}");
}

