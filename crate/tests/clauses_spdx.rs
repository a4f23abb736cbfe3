//! Clauses and verdicts on whole texts: SPDX licenses get sensible clauses and
//! permissive ones stay `open`; a rider or a policy beside the license counts;
//! values come from the input's own words; evidence is always verbatim.

use fineprint::report::{Clause, ClauseValue, Document, Report, VerdictClass};
use fineprint::verdict::RESTRICTING;
use fineprint::{analyze, Options};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn run(docs: &[Document]) -> Report {
    analyze(docs, &Options::default()).unwrap()
}

fn spdx(id: &str) -> Report {
    run(&[Document::new(id, corpus(&format!("spdx/{id}.txt")))])
}

fn find<'a>(r: &'a Report, kind: &str) -> Option<&'a Clause> {
    r.clauses.iter().find(|c| c.kind == kind)
}

#[test]
fn permissive_licenses_stay_open_with_no_restricting_clause() {
    for id in ["MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC", "0BSD", "Zlib", "BSL-1.0", "Unlicense", "MPL-2.0", "PostgreSQL", "X11"] {
        let r = spdx(id);
        assert_eq!(r.verdict.class, VerdictClass::Open, "{id}: {:?}", r.verdict);
        let bad: Vec<_> = r.clauses.iter().filter(|c| RESTRICTING.contains(&c.kind.as_str()) || c.kind == "noncommercial" || c.kind == "research_only").map(|c| &c.kind).collect();
        assert!(bad.is_empty(), "{id}: {bad:?}");
    }
}

#[test]
fn spdx_licenses_get_their_characteristic_clauses() {
    let has = |id: &str, kind: &str| assert!(find(&spdx(id), kind).is_some(), "{id} should have {kind}");
    has("Apache-2.0", "patent_grant");
    has("Apache-2.0", "notice_file");
    has("Apache-2.0", "trademark_withheld");
    has("GPL-3.0-only", "same_license_copyleft");
    has("GPL-2.0-only", "same_license_copyleft");
    has("AGPL-3.0-only", "same_license_copyleft");
    has("CC-BY-SA-4.0", "same_license_copyleft");
    has("CC-BY-NC-4.0", "noncommercial");
    has("CC-BY-ND-4.0", "no_derivatives");
    has("MIT", "notice_file");
    assert_eq!(spdx("CC-BY-NC-4.0").verdict.class, VerdictClass::NonCommercial);
    assert_eq!(spdx("CC-BY-ND-4.0").verdict.class, VerdictClass::Restricted);
    assert_eq!(spdx("CC-BY-4.0").verdict.class, VerdictClass::Open);
    assert_eq!(spdx("CC-BY-SA-4.0").verdict.class, VerdictClass::Open);
    assert_eq!(spdx("CC0-1.0").verdict.class, VerdictClass::Open);
    assert_eq!(spdx("GPL-3.0-only").verdict.class, VerdictClass::Open);
    assert!(find(&spdx("MIT"), "patent_grant").is_none());
    assert!(find(&spdx("BSD-3-Clause"), "same_license_copyleft").is_none());
}

#[test]
fn a_permissive_text_with_a_rider_is_not_open() {
    let mit = corpus("spdx/MIT.txt");
    let rider = format!("{mit}\nYou may not use the Software for any military purposes.\n");
    let r = run(&[Document::new("LICENSE", rider.as_str())]);
    assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
    let c = find(&r, "field_exclusions").expect("the rider is a clause");
    assert_eq!(&rider[c.evidence[0].start..c.evidence[0].end], c.evidence[0].quote);
    // A use policy given beside an untouched Apache text is a rider too.
    let docs = [Document::new("LICENSE", corpus("spdx/Apache-2.0.txt")), Document::new("USE_POLICY.md", corpus("ai/llama-3.1-aup.txt"))];
    let r = run(&docs);
    assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
}

#[test]
fn a_policy_beside_the_license_adds_its_restrictions() {
    let docs = [Document::new("LICENSE", corpus("ai/llama-3.2-community.txt")), Document::new("USE_POLICY.md", corpus("ai/llama-3.2-aup.txt"))];
    let r = run(&docs);
    let geo = find(&r, "geo_exclusion").expect("the EU exclusion lives in the policy");
    assert_eq!(geo.value, Some(ClauseValue::Regions(vec!["EU".into()])));
    assert!(geo.evidence.iter().all(|e| e.doc == 1));
    assert!(find(&r, "mau_threshold").unwrap().evidence.iter().all(|e| e.doc == 0));
    // The license alone does not exclude anyone.
    assert!(find(&run(&docs[..1]), "geo_exclusion").is_none());
    assert_eq!(r.verdict.class, VerdictClass::Restricted);
}

#[test]
fn values_come_from_the_text_given() {
    let text = corpus("ai/llama-3.1-community.txt");
    assert!(text.contains("700 million monthly active users"));
    let edited = text.replace("700 million monthly active users", "7 million monthly active users");
    let r = run(&[Document::new("LICENSE", edited)]);
    let mau = find(&r, "mau_threshold").unwrap();
    assert_eq!(mau.value, Some(ClauseValue::Integer(7_000_000)));
    assert!(mau.evidence[0].quote.contains("7 million"));
    // A monthly amount in another currency is stated as such, not converted.
    let r = run(&[Document::new("x", "If Your annual revenue exceeds €2 million, this license terminates.")]);
    let rev = find(&r, "revenue_threshold").unwrap();
    assert_eq!(rev.value, Some(ClauseValue::Integer(2_000_000)));
    assert_eq!(rev.unit.as_deref(), Some("EUR per year"));
    let r = run(&[Document::new("x", "Licensees with more than USD 50,000 in monthly revenue must obtain a commercial license from us.")]);
    let rev = find(&r, "revenue_threshold").unwrap();
    assert_eq!(rev.value, Some(ClauseValue::Integer(50_000)));
    assert_eq!(rev.unit.as_deref(), Some("USD per month"));
    assert!(rev.summary.contains("USD 50,000 a month"), "{}", rev.summary);
}

#[test]
fn every_quote_is_a_verbatim_slice_of_its_document() {
    let dir = format!("{}/data/corpus/ai", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let docs = [Document::new("x", text)];
        for c in fineprint::clauses::extract(&docs) {
            assert!(!c.evidence.is_empty());
            for ev in &c.evidence {
                assert_eq!(&docs[ev.doc].text[ev.start..ev.end], ev.quote);
                assert!(!ev.quote.trim().is_empty());
                n += 1;
            }
        }
    }
    assert!(n > 300, "{n} quotes");
}

#[test]
fn hostile_input_is_safe() {
    // Markup, control characters, a long line without spaces, lone surrogate-free odd Unicode.
    let nasty = format!(
        "<script>alert(1)</script>{}\u{202E}\u{FEFF}** \\*\\* ``` {} you agree not to use:{}",
        "a".repeat(200_000),
        "📜".repeat(10_000),
        " harm;".repeat(10_000)
    );
    let cs = fineprint::clauses::extract(&[Document::new("x", nasty.as_str())]);
    for c in &cs {
        for e in &c.evidence {
            assert_eq!(&nasty[e.start..e.end], e.quote);
        }
    }
    assert!(fineprint::clauses::extract(&[Document::new("x", "")]).is_empty());
    // One 2 MB "sentence" full of near-matches: bounded work, no hang.
    let long = "you will not use it for military purposes or for surveillance and ".repeat(30_000);
    let cs = fineprint::clauses::extract(&[Document::new("x", long.as_str())]);
    assert!(cs.iter().any(|c| c.kind == "field_exclusions"));
}
