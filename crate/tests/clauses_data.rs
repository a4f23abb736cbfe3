//! The detector file `data/clauses.txt` is data, checked here: it parses, it
//! covers exactly the clause vocabulary, and every example behaves.

use fineprint::clauses::{self, rules};
use fineprint::report::Document;
use std::collections::BTreeSet;

fn vocabulary() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/clause-kinds.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["clause_kinds"].as_array().unwrap().iter().map(|k| k["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn detectors_cover_exactly_the_vocabulary() {
    let r = rules::rules();
    let ours: BTreeSet<_> = r.kinds.iter().filter(|k| !k.id.starts_with('_')).map(|k| k.id.clone()).collect();
    let theirs: BTreeSet<_> = vocabulary().into_iter().collect();
    assert_eq!(ours, theirs);
    for k in &r.kinds {
        assert!(r.patterns.iter().any(|p| p.kind == r.kinds.iter().position(|x| x.id == k.id).unwrap()), "{} has no pattern", k.id);
        assert!(!k.yes.is_empty() && !k.no.is_empty(), "{} needs `yes` and `no` examples", k.id);
    }
}

#[test]
fn every_example_behaves() {
    let r = rules::rules();
    let mut bad = vec![];
    for k in &r.kinds {
        for (examples, want) in [(&k.yes, true), (&k.no, false)] {
            for ex in examples.iter() {
                let found = clauses::find_all(&[Document::new("ex", ex.as_str())]);
                let got = found.clauses.iter().chain(&found.signals).any(|c| c.kind == k.id);
                if got != want {
                    bad.push(format!("{} {}: {ex}", k.id, if want { "missed" } else { "wrongly found" }));
                }
            }
        }
    }
    assert!(bad.is_empty(), "examples that misbehave:\n{}", bad.join("\n"));
}

#[test]
fn bad_rule_files_are_refused_with_a_line() {
    assert_eq!(rules::parse("re abc").unwrap_err().line, 1);
    assert!(rules::parse("kind x\nsection cant\nsummary s\nre (unclosed").is_err());
    assert!(rules::parse("kind x\nsection nowhere\n").is_err());
    assert!(rules::parse("kind x\nsection cant\nsummary s\nre a\nneeds nosuch").is_err());
    assert!(rules::parse("kind x\nsection cant\nsummary s\nre a\nfrobnicate b").is_err());
    assert!(rules::parse("kind x\nsection cant\nsummary s\nre a\nkind x").is_err());
}

#[test]
fn evidence_is_verbatim_with_byte_offsets() {
    let text = "Préambule — “Llama”.\n\nYou will not use the Llama Materials or any output or results of the\nLlama Materials to improve any other large language model.";
    let docs = [Document::new("a", "nothing here"), Document::new("b", text)];
    let found = clauses::extract(&docs);
    let c = found.iter().find(|c| c.kind == "output_training_ban").expect("found");
    for e in &c.evidence {
        assert_eq!(e.doc, 1);
        assert_eq!(&docs[1].text[e.start..e.end], e.quote);
    }
    assert!(c.evidence[0].quote.starts_with("You will not use"));
    assert!(c.evidence[0].quote.ends_with("language model."));
}

#[test]
fn summaries_carry_the_scope_their_quotes_state() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/ai/llama-3.2-aup.txt")).unwrap();
    let cs = clauses::extract(&[Document::new("aup", text)]);
    let geo = cs.iter().find(|c| c.kind == "geo_exclusion").unwrap();
    assert_eq!(geo.summary, "The license is not granted to people or companies in: EU (for the multimodal models).");
    let cs = clauses::extract(&[Document::new("x", "You may not use the Output to train, fine-tune or distill a model that is competitive with the Model.")]);
    assert!(cs[0].summary.ends_with("(competing models)."), "{}", cs[0].summary);
}
