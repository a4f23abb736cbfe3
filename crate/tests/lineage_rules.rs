//! The lineage rules on models and reports built by hand: which ancestor
//! sets the badge, when unknowns make it unclear, bounds on depth and count,
//! and how base models are read from tags and card data.

mod lineage_support;
use fineprint::lineage::{self, Ancestor, NodeStatus, Relation, RelationSource, MAX_ANCESTORS, MAX_DEPTH};
use fineprint::report::{BadgeClass, VerdictClass};
use lineage_support::*;

fn with_report(id: &str, hf: &str, class: VerdictClass) -> Ancestor {
    Ancestor { report: Some(report_as(hf, class, None)), ..ancestor_of(model(id, Some(hf), &[])) }
}

#[test]
fn non_commercial_base_wins_even_with_an_unread_one() {
    // A merge of a CC-BY-NC model and one that could not be read: at least non-commercial.
    let m = model("org/merged", Some("apache-2.0"), &["org/nc-model", "org/gone"]);
    let anc = vec![with_report("org/nc-model", "cc-by-nc-4.0", VerdictClass::NonCommercial), unavailable("org/gone", "HTTP 404")];
    let r = analyze_model(m, anc, None);
    let l = r.lineage.unwrap();
    assert!(l.bases.iter().all(|b| b.relation == Relation::Merge && b.source == RelationSource::Inferred));
    assert_eq!(r.badge.class, BadgeClass::NonCommercial);
    assert_eq!(l.effective.from.as_deref(), Some("org/nc-model"));
    assert!(!l.complete);
    assert!(l.relabel.as_deref().unwrap().starts_with("labelled apache-2.0, based on org/nc-model — the "));
    assert!(r.warnings.iter().any(|w| w.contains("org/gone")));
}

#[test]
fn research_only_beats_restricted_in_a_chain() {
    let m = model("org/ft", Some("llama3"), &["org/mid"]);
    let mid = Ancestor {
        report: Some(report_as("llama3", VerdictClass::Restricted, None)),
        ..ancestor_of(model("org/mid", Some("llama3"), &["org/root"]))
    };
    let root = with_report("org/root", "apple-amlr", VerdictClass::ResearchOnly);
    let r = analyze_model(m, vec![mid, root], None);
    let l = r.lineage.unwrap();
    assert_eq!(r.badge.class, BadgeClass::ResearchOnly);
    assert_eq!(l.effective.from.as_deref(), Some("org/root"));
    assert_eq!(l.chain.iter().map(|n| n.depth).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn open_base_does_not_loosen_a_stricter_derivative() {
    // A non-commercial fine-tune of an Apache model stays non-commercial; no relabel.
    let anc = vec![with_report("org/apache-base", "apache-2.0", VerdictClass::Open)];
    let r = analyze_model(model("org/nc-ft", Some("cc-by-nc-4.0"), &["org/apache-base"]), anc, None);
    let l = r.lineage.unwrap();
    assert!(!l.chain[0].passes_on);
    assert_eq!(l.relabel, None);
    assert_eq!(l.effective.from, None);
    assert_eq!(r.badge.class, declared("cc-by-nc-4.0").badge.class);
}

#[test]
fn same_restrictive_license_is_not_a_relabel_but_another_one_is_noted() {
    let m = model("org/ft", Some("gemma"), &["org/gemma-base", "org/llama-base"]);
    let anc = vec![
        with_report("org/gemma-base", "gemma", VerdictClass::Restricted),
        with_report("org/llama-base", "llama3", VerdictClass::Restricted),
    ];
    let r = analyze_model(m, anc, None);
    let l = r.lineage.unwrap();
    assert_eq!(l.relabel, None, "gemma is not freer than the restricted bases");
    assert!(l.notes.iter().any(|n| n.starts_with("based on org/llama-base: the ") && n.ends_with(" also applies")), "{:?}", l.notes);
    assert!(!l.notes.iter().any(|n| n.contains("org/gemma-base")));
}

#[test]
fn depth_is_bounded() {
    // org/m0 <- m1 <- ... <- m8: only MAX_DEPTH levels are followed.
    let n = MAX_DEPTH + 3;
    let chain: Vec<_> = (1..=n).map(|i| model(&format!("org/m{i}"), Some("mit"), &[&format!("org/m{}", i + 1)])).collect();
    let me = model("org/m0", Some("mit"), &["org/m1"]);
    let ancestors: Vec<Ancestor> = chain.into_iter().map(ancestor_of).collect();
    assert!(lineage::pending(&me, &ancestors).is_empty(), "nothing beyond the depth limit is asked for");
    let asked = lineage::pending(&me, &ancestors[..2]);
    assert_eq!(asked, ["org/m3"]);
    let r = analyze_model(me, ancestors, None);
    let l = r.lineage.unwrap();
    assert_eq!(l.chain.iter().filter(|n| n.status == NodeStatus::Found).count(), MAX_DEPTH);
    let last = l.chain.last().unwrap();
    assert_eq!((last.depth, last.status), (MAX_DEPTH + 1, NodeStatus::BeyondDepth));
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive);
}

#[test]
fn ancestor_count_is_bounded() {
    let names: Vec<String> = (0..MAX_ANCESTORS + 10).map(|i| format!("org/part-{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let m = model("org/big-merge", Some("mit"), &refs);
    assert_eq!(lineage::pending(&m, &[]).len(), MAX_ANCESTORS);
    let anc: Vec<Ancestor> = names.iter().map(|n| ancestor_of(model(n, Some("mit"), &[]))).collect();
    let r = analyze_model(m, anc, None);
    let l = r.lineage.unwrap();
    assert_eq!(l.chain.len(), MAX_ANCESTORS);
    assert!(!l.complete);
    assert!(l.notes.iter().any(|n| n.contains("were not read")));
}

#[test]
fn shared_ancestors_are_read_once_and_are_not_cycles() {
    // A merge of two fine-tunes of the same base.
    let m = model("org/merge", Some("mit"), &["org/a", "org/b"]);
    let anc = vec![
        ancestor_of(model("org/a", Some("mit"), &["org/base"])),
        ancestor_of(model("org/b", Some("mit"), &["org/base"])),
        ancestor_of(model("org/base", Some("mit"), &[])),
    ];
    let r = analyze_model(m, anc, None);
    let l = r.lineage.unwrap();
    let ids: Vec<_> = l.chain.iter().map(|n| (n.id.as_str(), n.status)).collect();
    assert_eq!(ids, [("org/a", NodeStatus::Found), ("org/b", NodeStatus::Found), ("org/base", NodeStatus::Found)]);
    assert!(l.complete);
}

#[test]
fn relations_from_tags_card_and_files() {
    let text = r#"{"id": "org/x",
        "tags": ["base_model:Org/A", "base_model:adapter:org/a", "base_model:quantized:org/q", "base_model:distill:org/d"],
        "cardData": {"base_model": ["org/A", "org/c", "./local", "https://huggingface.co/org/e"], "base_model_relation": "merge"},
        "siblings": [{"rfilename": "adapter_config.json"}]}"#;
    let m = fineprint::hub::from_json(text).unwrap();
    let b = lineage::base_models(&m);
    let got: Vec<_> = b.iter().map(|b| (b.id.as_str(), b.relation, b.source)).collect();
    assert_eq!(
        got,
        [
            ("Org/A", Relation::Adapter, RelationSource::Tag),
            ("org/q", Relation::Quantized, RelationSource::Tag),
            ("org/d", Relation::Merge, RelationSource::Card),
            ("org/c", Relation::Merge, RelationSource::Card),
            ("org/e", Relation::Merge, RelationSource::Card),
        ]
    );
    // './local' is not a Hub id: the lineage says so and counts as incomplete.
    let r = analyze_model(m, vec![], None);
    let l = r.lineage.unwrap();
    assert!(l.notes.iter().any(|n| n.contains("'./local'")));
    assert!(!l.complete);
}

#[test]
fn relation_inferred_like_the_hub() {
    let adapter = fineprint::hub::from_json(r#"{"id":"o/a","cardData":{"base_model":"o/b"},"siblings":[{"rfilename":"adapter_config.json"}]}"#).unwrap();
    let gguf = fineprint::hub::from_json(r#"{"id":"o/g","cardData":{"base_model":"o/b"},"siblings":[{"rfilename":"m-Q4_K_M.gguf"}]}"#).unwrap();
    let plain = fineprint::hub::from_json(r#"{"id":"o/p","cardData":{"base_model":"o/b"}}"#).unwrap();
    assert_eq!(lineage::base_models(&adapter)[0].relation, Relation::Adapter);
    assert_eq!(lineage::base_models(&gguf)[0].relation, Relation::Quantized);
    assert_eq!(lineage::base_models(&plain)[0].relation, Relation::Finetune);
    assert!(lineage::base_models(&plain).iter().all(|b| b.source == RelationSource::Inferred));
}

#[test]
fn ancestor_matched_by_metadata_id_when_no_id_given() {
    let m = model("org/ft", Some("mit"), &["org/base"]);
    let base = Ancestor { id: String::new(), ..ancestor_of(model("org/base", Some("mit"), &[])) };
    assert!(lineage::pending(&m, std::slice::from_ref(&base)).is_empty());
    let r = analyze_model(m, vec![base], None);
    assert_eq!(r.lineage.unwrap().chain[0].status, NodeStatus::Found);
}

#[test]
fn model_without_license_or_metadata_fields_still_reports() {
    // Metadata alone, nothing declared: no error, a recipe that says so.
    let m = fineprint::hub::from_json(r#"{"id":"org/bare"}"#).unwrap();
    let r = analyze_model(m, vec![], None);
    assert_eq!(r.badge.class, BadgeClass::Unknown);
    let rec = r.recipe.unwrap();
    assert_eq!(rec.get("license_declared").unwrap().value, "missing");
}

#[test]
fn share_alike_base_is_noted() {
    let mut base = report_as("cc-by-sa-4.0", VerdictClass::Open, None);
    base.clauses.push(fineprint::report::Clause {
        kind: "same_license_copyleft".into(),
        summary: "share-alike".into(),
        value: None,
        unit: None,
        evidence: vec![fineprint::report::Evidence { doc: 0, quote: "ShareAlike".into(), start: 0, end: 10 }],
        message: None,
    });
    let anc = Ancestor { report: Some(base), ..ancestor_of(model("org/sa", Some("cc-by-sa-4.0"), &[])) };
    let r = analyze_model(model("org/ft", Some("mit"), &["org/sa"]), vec![anc], None);
    let l = r.lineage.unwrap();
    assert_eq!(l.relabel, None, "share-alike is open: no class change");
    assert!(l.notes.iter().any(|n| n.starts_with("based on org/sa: the ") && n.contains("share-alike")), "{:?}", l.notes);
}

#[test]
fn unknown_own_license_makes_no_relabel_claim() {
    let m = fineprint::hub::from_json(r#"{"id":"org/ft","cardData":{"license":"other","license_name":"my-open-1.0","base_model":"org/base"}}"#).unwrap();
    let mut opts = fineprint::analyze::Options { hf_metadata: Some(m), ..Default::default() };
    opts.ancestors = vec![with_report("org/base", "llama3", VerdictClass::Restricted)];
    // The custom license is unknown to the knowledge base: its class is unknown, so no relabel claim...
    let r = fineprint::analyze(&[], &opts).unwrap();
    assert_eq!(r.lineage.as_ref().unwrap().relabel, None);
    // ...but a non-commercial base still sets at least non-commercial.
    opts.ancestors = vec![with_report("org/base", "cc-by-nc-4.0", VerdictClass::NonCommercial)];
    let r = fineprint::analyze(&[], &opts).unwrap();
    assert_eq!(r.badge.class, BadgeClass::NonCommercial);
}

#[test]
fn relabel_names_the_custom_license() {
    // License "other" named "acme-open-1.0", with an MIT text: open; based on a restricted model.
    let m = fineprint::hub::from_json(r#"{"id":"org/ft","cardData":{"license":"other","license_name":"acme-open-1.0","base_model":"org/base"}}"#).unwrap();
    let mit = std::fs::read_to_string(format!("{}/data/corpus/spdx/MIT.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let opts = fineprint::analyze::Options {
        hf_metadata: Some(m),
        ancestors: vec![with_report("org/base", "llama3", VerdictClass::Restricted)],
        ..Default::default()
    };
    let r = fineprint::analyze(&[fineprint::Document::new("LICENSE", mit)], &opts).unwrap();
    assert_eq!(r.verdict.class, VerdictClass::Open);
    let relabel = r.lineage.unwrap().relabel.unwrap();
    assert!(relabel.starts_with("labelled acme-open-1.0, based on org/base — the "), "{relabel}");
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsRestricted);
}

#[test]
fn failed_and_report_only_ancestors_are_not_asked_again() {
    let m = model("org/ft", Some("mit"), &["org/a", "org/b"]);
    // org/a failed; org/b is known by a report alone (its own bases cannot be seen).
    let b = Ancestor { id: "org/b".into(), report: Some(report_as("mit", VerdictClass::Open, None)), ..Ancestor::default() };
    let anc = vec![unavailable("org/a", "HTTP 404"), b];
    assert!(lineage::pending(&m, &anc).is_empty());
    let r = analyze_model(m, anc, None);
    let l = r.lineage.unwrap();
    let st: Vec<_> = l.chain.iter().map(|n| (n.id.as_str(), n.status)).collect();
    assert_eq!(st, [("org/a", NodeStatus::Unavailable), ("org/b", NodeStatus::Found)]);
    assert_eq!(l.chain[1].license_id.as_deref(), Some("MIT"));
}

// ---- every pair of badge classes -------------------------------------------
//
// The model's own class (six badge classes, plus "no license declared") against
// one base model's class (six badge classes), each case built by hand, with the
// expected effective class, the ancestor that sets it, and whether the relabel
// warning is raised, written from the rules in lineage.rs's module doc:
// - a base whose license is open binds nothing (but a base that is not itself
//   open-source-ai keeps a derivative from claiming open-source-ai);
// - a binding base raises the class to its own when that is stricter;
// - terms that cannot be classified make the class unknown, unless what is
//   known is already non-commercial or stricter;
// - the relabel warning: the model declares a license, the base's license is
//   another one that binds, and the model's own license is freer.

/// The model's own license, as a case.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Own {
    Class(BadgeClass),
    /// No license declared at all.
    Undeclared,
}

const CLASSES: [BadgeClass; 6] = [
    BadgeClass::OpenSourceAi,
    BadgeClass::OpenWeightsPermissive,
    BadgeClass::OpenWeightsRestricted,
    BadgeClass::NonCommercial,
    BadgeClass::ResearchOnly,
    BadgeClass::Unknown,
];

/// Restrictiveness, as the rule reads it (independent of lineage.rs's table).
fn strictness(c: BadgeClass) -> Option<u8> {
    CLASSES[..5].iter().position(|x| *x == c).map(|i| i as u8)
}

/// A fully disclosed recipe: the open release's card (training data, code, paper).
fn disclosed_card() -> String {
    fixture_text("built_open-release-apache.README.md")
}

/// The model, its card, and what its own license is on its own.
fn own_model(own: Own) -> (fineprint::hub::HubModel, Option<String>) {
    let bases = ["org/base"];
    match own {
        Own::Class(BadgeClass::OpenSourceAi) => {
            let mut m = meta("built_open-release-apache.json");
            m.id = Some("org/ft".into());
            m.card_data.base_model = vec!["org/base".into()];
            (m, Some(disclosed_card()))
        }
        Own::Class(BadgeClass::OpenWeightsPermissive) => (model("org/ft", Some("mit"), &bases), None),
        Own::Class(BadgeClass::OpenWeightsRestricted) => (model("org/ft", Some("llama3.1"), &bases), None),
        Own::Class(BadgeClass::NonCommercial) => (model("org/ft", Some("cc-by-nc-4.0"), &bases), None),
        Own::Class(BadgeClass::ResearchOnly) => (model("org/ft", Some(OWN_RESEARCH_ONLY), &bases), None),
        Own::Class(BadgeClass::Unknown) => {
            let m = fineprint::hub::from_json(r#"{"id":"org/ft","cardData":{"license":"other","license_name":"my-open-1.0","base_model":"org/base"}}"#).unwrap();
            (m, None)
        }
        Own::Undeclared => (model("org/ft", None, &bases), None),
    }
}

/// A declared id that is research-only on its own (checked below).
const OWN_RESEARCH_ONLY: &str = "apple-amlr";

/// The base, with a hand-made report of the given class, under a license that
/// is none of the model's own.
fn base_of_class(c: BadgeClass) -> Ancestor {
    let (hf, verdict) = match c {
        BadgeClass::OpenSourceAi | BadgeClass::OpenWeightsPermissive => ("apache-2.0", VerdictClass::Open),
        BadgeClass::OpenWeightsRestricted => ("gemma", VerdictClass::Restricted),
        BadgeClass::NonCommercial => ("cc-by-nc-sa-4.0", VerdictClass::NonCommercial),
        BadgeClass::ResearchOnly => ("stability-ai-nc-research-community", VerdictClass::ResearchOnly),
        BadgeClass::Unknown => ("openrail", VerdictClass::Unknown),
    };
    let mut report = report_as(hf, verdict, None);
    if c == BadgeClass::OpenSourceAi {
        let open = analyze_model(meta("built_open-release-apache.json"), vec![], Some(disclosed_card()));
        assert_eq!(open.badge.class, BadgeClass::OpenSourceAi);
        report.recipe = open.recipe;
    }
    Ancestor { report: Some(report), ..ancestor_of(model("org/base", Some(hf), &[])) }
}

struct Expect {
    class: BadgeClass,
    from_base: bool,
    relabel: bool,
}

fn expect(own: Own, base: BadgeClass) -> Expect {
    let binds = !matches!(base, BadgeClass::OpenSourceAi | BadgeClass::OpenWeightsPermissive);
    let own_class = match own {
        Own::Class(c) => Some(c),
        Own::Undeclared => None,
    };
    let own_rank = own_class.and_then(strictness);
    let base_rank = strictness(base);
    // The class.
    let (class, from_base) = if !binds {
        match own {
            // A base that is not itself open-source-ai: the derivative's recipe is not all open.
            Own::Class(BadgeClass::OpenSourceAi) if base != BadgeClass::OpenSourceAi => (BadgeClass::OpenWeightsPermissive, false),
            // Nothing known: no license of its own, and an open base passes none on.
            Own::Undeclared => (BadgeClass::Unknown, false),
            Own::Class(c) => (c, false),
        }
    } else {
        // Unknown terms in the lineage: the own model's declared-but-unclassified license, or the base's.
        let unknown_terms = base_rank.is_none() || own == Own::Class(BadgeClass::Unknown);
        let known = match (own_rank, base_rank) {
            (Some(o), Some(b)) => Some((o.max(b), b > o)),
            (None, Some(b)) => Some((b, true)),
            (Some(o), None) => Some((o, false)),
            (None, None) => None,
        };
        match known {
            Some((r, from)) if !unknown_terms || r >= 3 => (CLASSES[r as usize], from),
            _ => (BadgeClass::Unknown, false),
        }
    };
    // The relabel warning: own license declared, the base's binds, and the own one is freer.
    let own_open = matches!(own, Own::Class(BadgeClass::OpenSourceAi | BadgeClass::OpenWeightsPermissive));
    let declared = own != Own::Undeclared;
    let freer = own_open || matches!((own_rank, base_rank), (Some(o), Some(b)) if o < b);
    Expect { class, from_base, relabel: binds && declared && freer }
}

#[test]
fn the_cases_are_what_they_say() {
    // The model's own licenses have the class they stand for on their own.
    for c in CLASSES {
        let (mut m0, card) = own_model(Own::Class(c));
        m0.card_data.base_model.clear();
        let r = analyze_model(m0, vec![], card);
        assert_eq!(r.badge.class, c, "own case {c:?}: {}", r.badge.text);
    }
    // The base reports have the class they stand for.
    for c in CLASSES {
        let r = analyze_model(model("org/ft", Some("mit"), &["org/base"]), vec![base_of_class(c)], None);
        assert_eq!(r.lineage.unwrap().chain[0].badge, Some(c), "base case {c:?}");
    }
}

#[test]
fn every_pair_of_own_and_base_class() {
    let mut wrong = vec![];
    let mut cases = 0;
    for own in CLASSES.map(Own::Class).into_iter().chain([Own::Undeclared]) {
        for base in CLASSES {
            cases += 1;
            let (m, card) = own_model(own);
            let r = analyze_model(m, vec![base_of_class(base)], card);
            let l = r.lineage.as_ref().unwrap();
            let want = expect(own, base);
            let got_from = l.effective.from.as_deref() == Some("org/base");
            if r.badge.class != want.class || l.effective.class != want.class {
                wrong.push(format!("own {own:?} × base {base:?}: class {:?} (effective {:?}), want {:?} — {}", r.badge.class, l.effective.class, want.class, r.badge.text));
            }
            if got_from != want.from_base {
                wrong.push(format!("own {own:?} × base {base:?}: set by the base {got_from}, want {}", want.from_base));
            }
            if l.relabel.is_some() != want.relabel {
                wrong.push(format!("own {own:?} × base {base:?}: relabel {:?}, want {}", l.relabel, want.relabel));
            }
            if let Some(t) = &l.relabel {
                if !(t.starts_with("labelled ") && t.contains(", based on org/base — the ") && t.ends_with(" applies")) {
                    wrong.push(format!("own {own:?} × base {base:?}: relabel text {t:?}"));
                }
                if !r.warnings.contains(t) {
                    wrong.push(format!("own {own:?} × base {base:?}: relabel not in the warnings"));
                }
            }
        }
    }
    assert_eq!(cases, 42);
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn the_five_answers_count_a_binding_base_as_the_badge_does() {
    use fineprint::report::AnswerKind;
    let answer = |r: &fineprint::Report, q: &str| r.answers.iter().find(|a| a.question == q).cloned().unwrap();
    // A fine-tune labelled Apache-2.0 of a non-commercial base: its own license says yes, the base says no.
    let anc = vec![with_report("org/nc-base", "cc-by-nc-4.0", VerdictClass::NonCommercial)];
    let r = analyze_model(model("org/apache-ft", Some("apache-2.0"), &["org/nc-base"]), anc, None);
    assert_eq!(r.badge.class, BadgeClass::NonCommercial);
    let own = declared("apache-2.0");
    assert_eq!(answer(&own, "commercial_use").answer, AnswerKind::Allowed);
    let com = answer(&r, "commercial_use");
    assert_eq!(com.answer, AnswerKind::NotAllowed, "{com:?}");
    assert_eq!(com.from_base.as_deref(), Some("org/nc-base"));
    assert_eq!(com.summary, answer(&declared("cc-by-nc-4.0"), "commercial_use").summary);
    assert!(!r.in_short.starts_with("Commercial use allowed"), "{}", r.in_short);
    // Where the base says nothing or is no stricter, the model's own answer stands, unmarked.
    for a in &r.answers {
        let base = answer(&declared("cc-by-nc-4.0"), &a.question);
        if base.answer == AnswerKind::NotAddressed || a.from_base.is_none() {
            assert_eq!(a, &answer(&own, &a.question), "{}", a.question);
        }
    }
    // An open base binds nothing: every answer is the derivative's own.
    let anc = vec![with_report("org/apache-base", "apache-2.0", VerdictClass::Open)];
    let r = analyze_model(model("org/nc-ft", Some("cc-by-nc-4.0"), &["org/apache-base"]), anc, None);
    assert!(r.answers.iter().all(|a| a.from_base.is_none()));
    assert_eq!(r.answers, declared("cc-by-nc-4.0").answers);
}

#[test]
fn the_personal_answer_judges_a_binding_base_models_clauses() {
    use fineprint::profile::{answer_with_bases, Outcome, Profile};
    use fineprint::report::Document;
    let llama = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/ai/llama-3-community.txt")).unwrap();
    let base_report = fineprint::analyze(&[Document::new("LICENSE", llama.as_str())], &fineprint::Options::default()).unwrap();
    assert!(base_report.clauses.iter().any(|c| c.kind == "mau_threshold"));
    let base = Ancestor { report: Some(base_report), ..ancestor_of(model("org/llama-base", Some("llama3"), &[])) };
    let r = analyze_model(model("org/apache-ft", Some("apache-2.0"), &["org/llama-base"]), vec![base], None);
    let l = r.lineage.as_ref().unwrap();
    assert_eq!(l.inherited.len(), 1);
    assert_eq!(l.inherited[0].from, "org/llama-base");
    let bases: Vec<(String, Vec<fineprint::report::Clause>)> = l.inherited.iter().map(|i| (i.from.clone(), i.clauses.clone())).collect();
    // Someone unsure of everything: the model's own (Apache, declared) clauses alone hold them back from
    // nothing Llama's do; with the base's, the threshold needs permission, and says whose term it is.
    let p = Profile::default();
    let own = answer_with_bases(&r.clauses, &[], &p);
    let all = answer_with_bases(&r.clauses, &bases, &p);
    assert!(all.overall > own.overall, "{:?} vs {:?}", all.overall, own.overall);
    let mau = all.clauses.iter().find(|c| c.kind == "mau_threshold").expect("the base's threshold is judged");
    assert_eq!(mau.from_base.as_deref(), Some("org/llama-base"));
    assert_ne!(mau.outcome, Outcome::Allowed);
    assert!(all.clauses.iter().filter(|c| c.from_base.is_none()).count() == r.clauses.len());
    // An open base binds nothing: nothing is inherited.
    let anc = vec![with_report("org/apache-base", "apache-2.0", VerdictClass::Open)];
    let r = analyze_model(model("org/nc-ft", Some("cc-by-nc-4.0"), &["org/apache-base"]), anc, None);
    assert!(r.lineage.unwrap().inherited.is_empty());
}
