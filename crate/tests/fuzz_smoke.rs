//! Fuzz smoke runs (issue 17): the analysis entry point, the hub-metadata parser and the template
//! matcher get inputs mutated from the license corpus (the seeds), and must neither panic nor
//! break the report's own promises (every quote is the slice of its document it says it is, every
//! offset is on a character boundary, an input over the cap is refused, not read).
//!
//! Driven by proptest (a dev-dependency only: nothing of it reaches the CLI or the WASM) rather
//! than `cargo fuzz`, because cargo-fuzz needs a nightly toolchain and libFuzzer, which a fresh CI
//! machine (stable Rust, `scripts/test.sh`) does not have. Each target runs for a time budget:
//! `FINEPRINT_FUZZ_SECS` seconds (default 20; `scripts/test.sh` runs each for at most 60). Longer
//! runs: `FINEPRINT_FUZZ_SECS=3600 cargo test --release --test fuzz_smoke -- --nocapture`. A failure
//! prints proptest's shrunk input; add it to the seeds below as a regression case.

use fineprint::hub::HubModel;
use fineprint::report::{Document, Report};
use fineprint::{analyze, identify, kb, Options};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::path::Path;
use std::time::{Duration, Instant};

/// Seconds each target runs.
fn budget() -> Duration {
    let secs = std::env::var("FINEPRINT_FUZZ_SECS").ok().and_then(|s| s.parse::<u64>().ok()).unwrap_or(20);
    Duration::from_secs(secs.min(24 * 3600))
}

/// The seed corpus: every known text (the knowledge base's files), read once.
fn seeds() -> &'static [String] {
    static S: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus"));
        let mut out: Vec<String> = kb::FACTS.iter().filter_map(|f| std::fs::read_to_string(root.join(f.file)).ok()).collect();
        out.sort();
        out.dedup();
        assert!(out.len() > 100, "the seed corpus is the license corpus: {} texts found", out.len());
        out
    })
}

/// Pieces an edit inserts: what a hostile or a careless author puts in a license.
const PIECES: &[&str] = &[
    "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{0301}", "本模型仅限非商业用途", "研究目的のみ", "비상업적",
    "Ничего", "ß", "\r\n", "\n\n", "\t", " ", "<a href=\"x\">", "</div>", "&amp;", "&#x202E;", "[x](y)", "# ",
    "1.", "(a)", "Copyright (c) 2024", "©", "must not", "non-commercial", "700,000,000", "$", "%", "\\", "\"", "'",
    "\u{10FFFF}", "\u{1F600}", "ﬁ", "Ⅳ", "０", "𝐀",
];

/// One edit of a text, at a fraction of its length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, usize),
    InsertText(f64, String),
    Delete(f64, f64),
    Duplicate(f64, f64),
    Upper(f64, f64),
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0f64..1.0;
    prop_oneof![
        (at.clone(), 0..PIECES.len()).prop_map(|(a, k)| Edit::Insert(a, k)),
        (at.clone(), ".{0,40}").prop_map(|(a, s)| Edit::InsertText(a, s)),
        (at.clone(), 0.0f64..0.2).prop_map(|(a, l)| Edit::Delete(a, l)),
        (at.clone(), 0.0f64..0.3).prop_map(|(a, l)| Edit::Duplicate(a, l)),
        (at.clone(), 0.0f64..0.2).prop_map(|(a, l)| Edit::Upper(a, l)),
        at.prop_map(Edit::Truncate),
    ]
}

/// The char boundary nearest below a fraction of the text.
fn at(text: &str, f: f64) -> usize {
    let mut k = ((text.len() as f64) * f.clamp(0.0, 1.0)) as usize;
    while k > 0 && !text.is_char_boundary(k) {
        k -= 1;
    }
    k.min(text.len())
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut t = text.to_string();
    for e in edits {
        match e {
            Edit::Insert(a, k) => {
                let p = at(&t, *a);
                t.insert_str(p, PIECES[*k]);
            }
            Edit::InsertText(a, s) => {
                let p = at(&t, *a);
                t.insert_str(p, s);
            }
            Edit::Delete(a, l) => {
                let (p, q) = (at(&t, *a), at(&t, (*a + *l).min(1.0)));
                t.replace_range(p..q.max(p), "");
            }
            Edit::Duplicate(a, l) => {
                let (p, q) = (at(&t, *a), at(&t, (*a + *l).min(1.0)));
                let piece = t[p..q.max(p)].to_string();
                t.insert_str(q.max(p), &piece);
            }
            Edit::Upper(a, l) => {
                let (p, q) = (at(&t, *a), at(&t, (*a + *l).min(1.0)));
                let up = t[p..q.max(p)].to_uppercase();
                t.replace_range(p..q.max(p), &up);
            }
            Edit::Truncate(a) => {
                let p = at(&t, *a);
                t.truncate(p);
            }
        }
    }
    t
}

/// A seed (or two, one beside the other) with edits applied.
fn mutated() -> impl Strategy<Value = Vec<String>> {
    let n = seeds().len();
    (0..n, proptest::option::of(0..n), proptest::collection::vec(edit(), 0..6)).prop_map(|(a, b, edits)| {
        let mut docs = vec![apply(&seeds()[a], &edits)];
        if let Some(b) = b {
            docs.push(seeds()[b].clone());
        }
        docs
    })
}

/// The report's own promises about its input.
fn check_report(docs: &[Document], r: &Report) -> Result<(), TestCaseError> {
    let slice = |d: usize, s: usize, e: usize| docs.get(d).and_then(|x| x.text.get(s..e));
    for c in &r.clauses {
        prop_assert!(!c.evidence.is_empty(), "a clause without evidence: {}", c.kind);
        for e in &c.evidence {
            prop_assert_eq!(slice(e.doc, e.start, e.end), Some(e.quote.as_str()), "evidence of {}", c.kind);
        }
    }
    for u in &r.unread {
        prop_assert_eq!(slice(u.doc, u.start, u.end), Some(u.quote.as_str()), "unread passage");
    }
    for ch in &r.license.changes {
        prop_assert!(slice(ch.doc, ch.start, ch.end).is_some(), "change offsets off a boundary: {:?}", ch);
    }
    if !r.unread.is_empty() {
        prop_assert_ne!(r.verdict.class, fineprint::report::VerdictClass::Open, "open with unread passages");
    }
    Ok(())
}

/// Run `test` on values of `strategy` until the time budget is spent (in batches, each shrinking a failure).
fn run_for<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let deadline = Instant::now() + budget();
    let mut cases = 0u64;
    let mut runner = TestRunner::new(Config { cases: 8, failure_persistence: None, ..Config::default() });
    while Instant::now() < deadline {
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        cases += 8;
    }
    eprintln!("fuzz {name}: {cases} cases in {:?}", budget());
    assert!(cases > 0);
}

#[test]
fn fuzz_analyze() {
    run_for("analyze", mutated(), |texts| {
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(format!("doc{i}"), t.as_str())).collect();
        match analyze(&docs, &Options::default()) {
            Ok(r) => check_report(&docs, &r),
            Err(_) => Ok(()), // empty, binary or over the cap: refused, which is an answer
        }
    });
}

/// Hub metadata: JSON values of any shape where the parser expects ids, lists and flags.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::from(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        ".{0,24}".prop_map(Value::String),
        prop_oneof![Just("apache-2.0"), Just("other"), Just("llama3.1"), Just("meta-llama/Llama-3.1-8B"), Just("base_model:finetune:a/b")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    prop_oneof![
                        Just("id"), Just("gated"), Just("private"), Just("tags"), Just("siblings"), Just("cardData"),
                        Just("license"), Just("license_name"), Just("license_link"), Just("base_model"),
                        Just("base_model_relation"), Just("datasets"), Just("extra_gated_prompt"), Just("rfilename"),
                    ]
                    .prop_map(String::from),
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

#[test]
fn fuzz_metadata_parser() {
    run_for("metadata", (json_value(), proptest::option::of(0..seeds().len())), |(v, seed)| {
        let text = v.to_string();
        // The parser is lenient: a metadata object of any shape parses (a field of the wrong type is absent).
        if let Ok(m) = serde_json::from_str::<HubModel>(&text) {
            let _ = (m.model_id(), m.declared_license_id(), m.declared_labels(), m.files(), fineprint::lineage::base_models(&m));
        }
        let opts_json = format!("{{\"hf_metadata\": {text}, \"model_card\": {}}}", serde_json::Value::String(text.clone()));
        let Ok(opts) = serde_json::from_str::<Options>(&opts_json) else { return Ok(()) };
        let docs: Vec<Document> = seed.map(|s| Document::new("LICENSE", seeds()[s].as_str())).into_iter().collect();
        if let Ok(r) = analyze(&docs, &opts) {
            check_report(&docs, &r)?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_template_matcher() {
    let ids: Vec<&'static str> = kb::FACTS.iter().map(|f| f.id).collect();
    run_for("template matcher", (mutated(), 0..ids.len()), |(texts, k)| {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new("LICENSE", t.as_str())).collect();
        for (d, doc) in docs.iter().enumerate() {
            for m in identify::identify_text(d, &doc.text) {
                if let Some((s, e)) = m.span {
                    prop_assert!(doc.text.get(s..e).is_some(), "span off a boundary: {:?}", m.span);
                }
            }
        }
        if let Some(m) = identify::compare(&docs, ids[k]) {
            for ch in &m.changes {
                prop_assert!(docs[ch.doc].text.get(ch.start..ch.end).is_some(), "change off a boundary: {:?}", ch);
            }
        }
        Ok(())
    });
}
