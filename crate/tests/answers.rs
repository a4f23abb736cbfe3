//! The five answers (issue 16) per license family, on the corpus texts and on texts the engine
//! has never seen: each answer must follow from what the text says.

use fineprint::report::{AnswerKind, AnswerKind::*, Report};
use fineprint::{analyze, Document, Options};

fn corpus(path: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn run(docs: &[(&str, &str)], opts: Options) -> Report {
    let docs: Vec<Document> = docs.iter().map(|(n, t)| Document::new(*n, *t)).collect();
    analyze(&docs, &opts).unwrap()
}

fn grid(r: &Report) -> Vec<(&str, AnswerKind)> {
    r.answers.iter().map(|a| (a.question.as_str(), a.answer)).collect()
}

fn summary<'a>(r: &'a Report, q: &str) -> &'a str {
    &r.answers.iter().find(|a| a.question == q).unwrap().summary
}

fn rests_on(r: &Report, q: &str, kind: &str) -> bool {
    r.answers.iter().find(|a| a.question == q).unwrap().clauses.iter().any(|k| k == kind)
}

const Q: [&str; 5] = ["commercial_use", "modify", "redistribute", "train_on_outputs", "host_as_service"];

fn expect(r: &Report, want: [AnswerKind; 5]) {
    let got = grid(r);
    assert_eq!(got.iter().map(|x| x.0).collect::<Vec<_>>(), Q, "always the five questions, in order");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), want, "{:#?}", r.answers);
    // Every clause kind an answer rests on is a clause the report shows (or, with no text, a known term).
    for a in &r.answers {
        assert!(!a.summary.is_empty());
        if r.license.match_kind != fineprint::report::MatchKind::Declared {
            for k in &a.clauses {
                assert!(r.clauses.iter().any(|c| &c.kind == k), "{} rests on {k}, which the report lacks", a.question);
            }
        }
    }
    assert!(!r.in_short.is_empty());
}

#[test]
fn permissive_software_licenses() {
    for id in ["Apache-2.0", "MIT", "BSD-3-Clause"] {
        let r = run(&[("LICENSE", &corpus(&format!("spdx/{id}.txt")))], Options::default());
        expect(&r, [Allowed, Allowed, Allowed, NotAddressed, Allowed]);
        assert!(r.in_short.starts_with("Commercial use allowed"), "{id}: {}", r.in_short);
    }
}

#[test]
fn copyleft_is_a_condition_on_sharing_not_on_use() {
    let r = run(&[("COPYING", &corpus("spdx/GPL-3.0-only.txt"))], Options::default());
    expect(&r, [Allowed, Allowed, AllowedWithConditions, NotAddressed, Allowed]);
    assert!(rests_on(&r, "redistribute", "same_license_copyleft"));
    assert!(summary(&r, "redistribute").contains("same license"), "{}", summary(&r, "redistribute"));
}

#[test]
fn llama_3_1_with_its_use_policy() {
    let r = run(
        &[("LICENSE", &corpus("ai/llama-3.1-community.txt")), ("USE_POLICY.md", &corpus("ai/llama-3.1-aup.txt"))],
        Options::default(),
    );
    expect(&r, [AllowedWithConditions, AllowedWithConditions, AllowedWithConditions, AllowedWithConditions, AllowedWithConditions]);
    assert!(summary(&r, "commercial_use").contains("below 700 million monthly active users"), "{}", summary(&r, "commercial_use"));
    assert!(rests_on(&r, "commercial_use", "mau_threshold") && rests_on(&r, "commercial_use", "aup_by_reference"));
    // Llama 3.1 lets outputs improve other models, if the model shared carries the name.
    assert!(rests_on(&r, "train_on_outputs", "naming_requirement"));
    assert!(summary(&r, "redistribute").contains("\u{201C}Llama\u{201D}"), "{}", summary(&r, "redistribute"));
    assert!(r.in_short.contains("700 million") && r.in_short.contains("Llama"), "{}", r.in_short);
}

#[test]
fn llama_3_bans_training_other_models_on_outputs() {
    let r = run(&[("LICENSE", &corpus("ai/llama-3-community.txt"))], Options::default());
    assert_eq!(grid(&r)[3], ("train_on_outputs", NotAllowed), "{:#?}", r.answers);
    assert!(rests_on(&r, "train_on_outputs", "output_training_ban"));
}

#[test]
fn creative_commons_non_commercial() {
    let r = run(&[("LICENSE.md", &corpus("spdx/CC-BY-NC-4.0.txt"))], Options::default());
    expect(&r, [NotAllowed, AllowedWithConditions, AllowedWithConditions, NotAddressed, AllowedWithConditions]);
    assert!(rests_on(&r, "commercial_use", "noncommercial"));
    // BY means attribution: sharing carries credit.
    assert!(summary(&r, "redistribute").contains("credit"), "{}", summary(&r, "redistribute"));
}

#[test]
fn creative_commons_attribution_is_read_in_every_english_edition() {
    for id in ["CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-2.5-AU", "CC-BY-3.0", "CC-BY-3.0-US", "CC-BY-3.0-AU", "CC-BY-3.0-IGO", "CC-BY-4.0",
        "CC-BY-SA-2.0-UK", "CC-BY-NC-3.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-2.5"] {
        let r = run(&[("LICENSE", &corpus(&format!("spdx/{id}.txt")))], Options::default());
        let notice = r.clauses.iter().find(|c| c.kind == "notice_file");
        assert!(notice.is_some_and(|c| c.summary.contains("credit")), "{id}: attribution not read: {:?}", notice);
    }
    // CC BY allows everything, with credit.
    let r = run(&[("LICENSE", &corpus("spdx/CC-BY-4.0.txt"))], Options::default());
    expect(&r, [Allowed, Allowed, Allowed, NotAddressed, Allowed]);
    assert!(summary(&r, "redistribute").contains("credit"));
}

#[test]
fn creative_commons_trademark_notice_is_no_term_on_you() {
    let r = run(&[("LICENSE", &corpus("spdx/CC-BY-4.0.txt"))], Options::default());
    for c in r.clauses.iter().filter(|c| c.kind == "trademark_withheld") {
        for e in &c.evidence {
            assert!(!e.quote.contains("Creative Commons does not authorize"), "CC's own notice read as a term: {}", e.quote);
        }
    }
}

#[test]
fn apache_patent_retaliation_is_worded_as_what_it_is() {
    let r = run(&[("LICENSE", &corpus("spdx/Apache-2.0.txt"))], Options::default());
    let c = r.clauses.iter().find(|c| c.kind == "ip_litigation_termination").unwrap();
    assert!(c.summary.contains("only the patent license"), "{}", c.summary);
    // Llama's ends every license on any suit: no such qualification.
    let r = run(&[("LICENSE", &corpus("ai/llama-3.1-community.txt"))], Options::default());
    let c = r.clauses.iter().find(|c| c.kind == "ip_litigation_termination").unwrap();
    assert!(!c.summary.contains("only the patent license"), "{}", c.summary);
}

#[test]
fn notice_file_only_where_the_text_has_one() {
    let r = run(&[("LICENSE", &corpus("spdx/MIT.txt"))], Options::default());
    let c = r.clauses.iter().find(|c| c.kind == "notice_file").unwrap();
    assert!(!c.summary.contains("NOTICE"), "MIT has no NOTICE file: {}", c.summary);
    let r = run(&[("LICENSE", &corpus("spdx/Apache-2.0.txt"))], Options::default());
    let c = r.clauses.iter().find(|c| c.kind == "notice_file").unwrap();
    assert!(c.summary.contains("NOTICE file"), "{}", c.summary);
}

#[test]
fn research_only_license() {
    let r = run(&[("LICENSE", &corpus("ai/llama-1-research.txt"))], Options::default());
    expect(&r, [NotAllowed, AllowedWithConditions, AllowedWithConditions, NotAddressed, NotAllowed]);
    assert!(summary(&r, "commercial_use").contains("Research"));
    assert!(r.in_short.starts_with("Research use only"), "{}", r.in_short);
}

/// A custom license the engine has never seen (written for this test).
const CUSTOM: &str = "Orchid Weights License\n\n\
1. Grant. Orchid Labs grants you a worldwide, royalty-free license to use, copy, modify and distribute the Orchid weights.\n\n\
2. Scale. If your products have more than 50 million monthly active users, you must request a license from Orchid Labs, which it may grant in its sole discretion.\n\n\
3. Outputs. You may not use the outputs of the model to train or improve any other large language model.\n\n\
4. Sharing. Any derivative you distribute must include the use restrictions of this license as an enforceable provision.\n";

#[test]
fn a_custom_license_never_seen() {
    let r = run(&[("LICENSE", CUSTOM)], Options { hf_license: Some("other".into()), ..Options::default() });
    assert_eq!(r.license.id, None);
    let g = grid(&r);
    assert_eq!(g[0], ("commercial_use", AllowedWithConditions), "{:#?}", r.answers);
    assert!(summary(&r, "commercial_use").contains("below 50 million monthly active users"), "{}", summary(&r, "commercial_use"));
    assert_eq!(g[3], ("train_on_outputs", NotAllowed));
    assert!(rests_on(&r, "redistribute", "restrictions_propagate"));
}

#[test]
fn a_text_with_no_grant_answers_nothing_as_allowed() {
    let r = run(&[("NOTES", "These are the release notes of the model. It was trained for three weeks on eight machines.")], Options::default());
    assert!(r.answers.iter().all(|a| a.answer != Allowed), "{:#?}", r.answers);
}

#[test]
fn declared_id_without_text_says_it_rests_on_the_published_license() {
    let r = run(&[], Options { hf_license: Some("llama3.1".into()), ..Options::default() });
    assert_eq!(grid(&r)[0], ("commercial_use", AllowedWithConditions), "{:#?}", r.answers);
    assert!(r.answers.iter().all(|a| a.summary.contains("not read")), "{:#?}", r.answers);
    let r = run(&[], Options { hf_license: Some("cc-by-nc-4.0".into()), ..Options::default() });
    assert_eq!(grid(&r)[0], ("commercial_use", NotAllowed), "{:#?}", r.answers);
}
