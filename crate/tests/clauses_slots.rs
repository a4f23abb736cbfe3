//! The slot vocabularies (`data/slots.txt`) are data the detectors are built from: every slot is
//! used by a detector, and a word added to a slot widens the detectors that use it, with no change
//! to the detector file.

use fineprint::clauses::{extract_every_quote_with, rules, spec};
use fineprint::report::Document;

fn found(r: &rules::Rules, kind: &str, text: &str) -> bool {
    extract_every_quote_with(r, &[Document::new("t", text)]).iter().any(|c| c.kind == kind)
}

#[test]
fn every_slot_is_used_by_a_detector() {
    let slots = spec::parse_slots(spec::SLOTS).expect("data/slots.txt parses");
    assert!(slots.len() >= 15, "{} slots", slots.len());
    for (name, _) in &slots {
        assert!(rules::SOURCE.contains(&format!("{{{name}}}")), "slot {name} is used by no detector in data/clauses.txt");
    }
}

#[test]
fn a_new_word_in_a_slot_widens_the_detectors() {
    // "retrofit" is no training verb of the vocabulary: a ban worded with it is not read ...
    let text = "You must not use the outputs to retrofit any other language model.";
    let base = rules::parse(rules::SOURCE).unwrap();
    assert!(!found(&base, "output_training_ban", text));
    // ... until the word joins the slot; then the detectors built on the slot read it.
    let wider = format!("{}\nslot act_train retrofit\n", spec::SLOTS);
    let r = rules::parse_with(rules::SOURCE, &wider).unwrap();
    assert!(found(&r, "output_training_ban", text));
    // A unit works the same way for thresholds.
    let text = "Apps with more than 2 million page impressions per month need a licence.";
    assert!(!found(&base, "mau_threshold", text));
    let wider = format!("{}\nslot counted page impressions\n", spec::SLOTS);
    assert!(found(&rules::parse_with(rules::SOURCE, &wider).unwrap(), "mau_threshold", text));
}

#[test]
fn a_bad_slot_file_is_refused_with_its_line() {
    assert_eq!(spec::parse_slots("# c\nslot ok a | b\nnonsense").unwrap_err().line, 3);
    assert!(spec::parse_slots("slot bad-name a").is_err());
    assert!(spec::parse_slots("slot empty ").is_err());
}
