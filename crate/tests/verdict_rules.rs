//! Verdict rules that the corpus alone does not isolate, each found by a
//! mutation that survived (scripts/mutants.mjs): a rule is tested on a text
//! where it alone decides the class.

use fineprint::report::{ClauseValue, Document, VerdictClass};
use fineprint::{analyze, Options};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_region_excluded_beside_an_open_license_is_a_restriction() {
    // An untouched MIT text, and a second document whose only term shuts out a region:
    // the exclusion is the one restriction, so it alone makes the verdict restricted
    // (mutation verdict-geo-not-restricting: geo_exclusion dropped from RESTRICTING).
    let policy = "Regional terms\n\nUse of the software is not granted to anyone resident in the European Union.\n";
    let docs = [Document::new("LICENSE", corpus("spdx/MIT.txt")), Document::new("REGIONS.md", policy)];
    let r = analyze(&docs, &Options::default()).unwrap();
    let geo = r.clauses.iter().find(|c| c.kind == "geo_exclusion").expect("the exclusion is read");
    assert_eq!(geo.value, Some(ClauseValue::Regions(vec!["EU".into()])));
    assert!(geo.evidence.iter().all(|e| e.doc == 1));
    let others: Vec<&str> = r.clauses.iter().map(|c| c.kind.as_str()).filter(|k| fineprint::verdict::RESTRICTING.contains(k) && *k != "geo_exclusion").collect();
    assert!(others.is_empty(), "the region is the only restriction: {others:?}");
    assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
    // Without the second document the same text is open.
    let alone = analyze(&docs[..1], &Options::default()).unwrap();
    assert_eq!(alone.verdict.class, VerdictClass::Open);
}

#[test]
fn an_equivalent_copy_of_an_open_license_is_read_as_the_license_itself() {
    // The IPA Font License's own text has a clause a restriction detector reads
    // (no_derivatives, on its own terms for derived fonts); as the license itself it is
    // open. A copy that differs only in form (a markdown title, a copyright line) is
    // equivalent, and stays open (mutation verdict-equivalent-not-as-is: only an exact
    // copy read as the license, so its own clauses became riders).
    let text = corpus("spdx/IPA.txt");
    let exact = analyze(&[Document::new("LICENSE", text.as_str())], &Options::default()).unwrap();
    assert_eq!(exact.license.id.as_deref(), Some("IPA"));
    assert_eq!(exact.verdict.class, VerdictClass::Open, "{:?}", exact.verdict);
    assert!(exact.clauses.iter().any(|c| fineprint::verdict::RESTRICTING.contains(&c.kind.as_str())), "the text has a restricting clause of its own");
    let copy = format!("# IPA Font License Agreement v1.0\n\nCopyright (c) 2031 Example Type Foundry\n\n{text}");
    let r = analyze(&[Document::new("LICENSE", copy.as_str())], &Options::default()).unwrap();
    assert_eq!(r.license.id.as_deref(), Some("IPA"));
    assert_eq!(r.license.match_kind, fineprint::report::MatchKind::Equivalent, "{:?}", r.license.changes);
    assert_eq!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
}
