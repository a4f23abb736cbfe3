//! `data/declared-terms.tsv` says, for a declared id whose text cannot be read,
//! what the license's published text says. It must agree with what the engine
//! finds in that text, row by row, and leave out no license the engine can
//! classify (regenerate with the example `declared_terms` and review the diff).

use fineprint::declared::{key_kinds, known_terms, table};
use fineprint::kb::{self, Kind};
use fineprint::report::{Document, MatchKind, VerdictClass};
use fineprint::{analyze, Options};

fn corpus_text(file: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn table_agrees_with_the_engine_on_every_published_text() {
    let mut wrong = vec![];
    for f in kb::FACTS.iter().filter(|f| f.kind != Kind::Policy) {
        let r = analyze(&[Document::new(f.file, corpus_text(f.file))], &Options::default()).unwrap();
        let kinds: Vec<&str> =
            key_kinds().filter(|k| r.clauses.iter().any(|c| c.kind == *k)).collect();
        match known_terms(f.id) {
            None if r.verdict.class != VerdictClass::Unknown => {
                wrong.push(format!("{}: missing from the table ({:?})", f.id, r.verdict.class))
            }
            Some(t) if t.class != r.verdict.class || t.kinds != kinds => wrong.push(format!(
                "{}: table says {:?} {:?}, the engine {:?} {:?}",
                f.id, t.class, t.kinds, r.verdict.class, kinds
            )),
            _ => {}
        }
    }
    assert!(table().len() > 300);
    assert!(wrong.is_empty(), "{} rows disagree: regenerate with `cargo run -p fineprint --release --example declared_terms > crate/data/declared-terms.tsv` and review the diff:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn a_declared_model_license_without_text_gets_its_known_verdict_and_no_clause() {
    for (hf, id, class) in [
        ("llama3.1", "llama-3.1-community", VerdictClass::Restricted),
        ("cc-by-nc-4.0", "CC-BY-NC-4.0", VerdictClass::NonCommercial),
        ("apache-2.0", "Apache-2.0", VerdictClass::Open),
    ] {
        let opts = Options { hf_license: Some(hf.into()), ..Options::default() };
        let r = analyze(&[], &opts).unwrap();
        assert_eq!(r.license.id.as_deref(), Some(id));
        assert_eq!(r.license.match_kind, MatchKind::Declared);
        assert_eq!(r.verdict.class, class, "{hf}");
        // A clause needs evidence in the input: none without text.
        assert!(r.clauses.is_empty());
        assert!(r.verdict.reasons.iter().any(|s| s.contains("declares")), "{hf}: {:?}", r.verdict.reasons);
    }
}

#[test]
fn an_unknown_declared_id_stays_unknown() {
    let opts = Options { hf_license: Some("other".into()), ..Options::default() };
    let r = analyze(&[], &opts).unwrap();
    assert_eq!(r.license.id, None);
    assert_eq!(r.verdict.class, VerdictClass::Unknown);
}

#[test]
fn a_text_that_contradicts_the_declared_id_is_reported() {
    let opts = Options { hf_license: Some("apache-2.0".into()), ..Options::default() };
    let text = corpus_text("ai/llama-3-community.txt");
    let r = analyze(&[Document::new("LICENSE", text)], &opts).unwrap();
    assert_eq!(r.license.id.as_deref(), Some("llama-3-community"));
    assert_eq!(r.verdict.class, VerdictClass::Restricted);
    assert!(
        r.warnings.iter().any(|w| w.to_lowercase().contains("apache") && w.to_lowercase().contains("llama")),
        "{:?}",
        r.warnings
    );
}

/// An open license whose words were changed and whose change no detector
/// understands is not `open`: the verdict says to read the changes.
#[test]
fn a_modified_open_license_with_an_unrecognised_change_is_not_open() {
    let mit = corpus_text("spdx/MIT.txt");
    let cases = [
        format!("{mit}\nCommercial use of the Software is prohibited without a separate license from the authors.\n"),
        format!("{mit}\nYou may not use the Software to train other AI models.\n"),
        mit.replace("sublicense, and/or sell", "and/or sublicense"),
    ];
    for text in &cases {
        let r = analyze(&[Document::new("LICENSE", text.as_str())], &Options::default()).unwrap();
        assert_eq!(r.license.id.as_deref(), Some("MIT"));
        assert_eq!(r.license.match_kind, MatchKind::Modified, "{text}");
        assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
        if r.verdict.class == VerdictClass::Unknown {
            assert!(r.verdict.reasons.len() >= 2, "the change is named: {:?}", r.verdict.reasons);
        }
    }
    // The same text unchanged, or only reformatted, stays open.
    let rewrapped = mit.split_whitespace().collect::<Vec<_>>().join(" ");
    for text in [mit.clone(), rewrapped] {
        let r = analyze(&[Document::new("LICENSE", text)], &Options::default()).unwrap();
        assert_eq!(r.verdict.class, VerdictClass::Open, "{:?}", r.license);
    }
}
