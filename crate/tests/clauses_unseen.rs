//! A custom model license written for this test (not in the corpus, not in the
//! labels): the breakdown must come from the text alone, with values.

use fineprint::report::{ClauseValue, Document, MatchKind, VerdictClass};
use fineprint::{analyze, Options};

#[test]
fn an_unseen_custom_license_gets_its_clauses_and_values() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/unseen/acme-open-model-1.0.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let r = analyze(&[Document::new("LICENSE", text.as_str())], &Options::default()).unwrap();
    assert_eq!(r.license.match_kind, MatchKind::Unknown);
    assert_eq!(r.verdict.class, VerdictClass::Restricted);
    let value = |kind: &str| r.clauses.iter().find(|c| c.kind == kind).map(|c| c.value.clone());
    assert_eq!(value("mau_threshold"), Some(Some(ClauseValue::Integer(50_000_000))));
    assert_eq!(value("geo_exclusion"), Some(Some(ClauseValue::Regions(vec!["EU".into()]))));
    assert_eq!(value("naming_requirement"), Some(Some(ClauseValue::Text("Acme".into()))));
    assert_eq!(value("attribution_display"), Some(Some(ClauseValue::Text("Powered by Acme".into()))));
    assert!(value("output_training_ban").is_some());
    assert!(value("separate_license_needed").is_some());
    for c in &r.clauses {
        for e in &c.evidence {
            assert_eq!(&text[e.start..e.end], e.quote, "{}", c.kind);
        }
    }
}

/// A markdown page whose restrictions are a bullet list under a heading, with no lead-in sentence:
/// the heading is the list's lead-in, so "Prohibited uses" makes the items restrictions and
/// "Permitted uses" does not (before, both read as an open grant with nothing restricted).
#[test]
fn a_heading_over_a_list_is_its_lead_in() {
    let grant = "Acme Weights License\n\nYou may use, copy, modify and distribute the Model for any purpose.\n\n";
    let banned = format!("{grant}## Prohibited uses\n\n- Surveillance of individuals or groups\n- Military applications\n- Providing medical advice without a licensed professional\n");
    let r = analyze(&[Document::new("LICENSE.md", banned.as_str())], &Options::default()).unwrap();
    assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
    let fields = r.clauses.iter().find(|c| c.kind == "field_exclusions").expect("the excluded fields");
    assert!(fields.evidence.iter().any(|e| e.quote.contains("Military applications")), "{:?}", fields.evidence);
    // The same list under a plain title line with no markdown.
    let plain = banned.replace("## Prohibited uses", "Prohibited uses");
    let r = analyze(&[Document::new("LICENSE", plain.as_str())], &Options::default()).unwrap();
    assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
    // Allowed uses listed under a heading restrict nothing.
    let allowed = format!("{grant}## Permitted uses\n\n- Research on surveillance harms\n- Military history education\n- Commercial products\n");
    let r = analyze(&[Document::new("LICENSE.md", allowed.as_str())], &Options::default()).unwrap();
    assert!(r.clauses.iter().all(|c| c.kind != "field_exclusions" && c.kind != "use_restrictions"), "{:?}", r.clauses);
}

/// A custom permissive grant with a prohibition no detector reads: not called open (it would claim
/// more than the text supports), but unknown, quoting the prohibition. The same grant without it,
/// or with only the prohibitions every permissive license has (names, notices), stays open.
#[test]
fn a_grant_beside_an_unread_prohibition_is_not_open() {
    let grant = "Acme Weights License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of these weights, to use, copy, modify, merge, publish and distribute them.\n\n";
    let with = format!("{grant}You may not use the weights to build a product that competes with Acme's own assistant.\n");
    let r = analyze(&[Document::new("LICENSE", with.as_str())], &Options::default()).unwrap();
    assert_eq!(r.verdict.class, VerdictClass::Unknown, "{:?}", r.verdict);
    assert!(r.verdict.reasons.iter().any(|x| x.contains("competes with Acme")), "{:?}", r.verdict.reasons);
    let benign = format!("{grant}You may not use the name of Acme to endorse or promote products derived from the weights. You may not remove this notice.\n");
    for text in [grant.to_string(), benign] {
        let r = analyze(&[Document::new("LICENSE", text.as_str())], &Options::default()).unwrap();
        assert_eq!(r.verdict.class, VerdictClass::Open, "{:?} for {text:?}", r.verdict);
    }
}
