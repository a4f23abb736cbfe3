//! End-to-end lineage on the hub-metadata fixtures: an apache-labelled Llama
//! fine-tune, a GGUF quantization of Gemma, an adapter on a gated base, a
//! fully open release and a cycle. The assertions hold whatever verdict a
//! declared Llama or Gemma id gets: where a class depends on it, the test
//! compares with the class the same declared id gets on its own.

mod lineage_support;
use fineprint::lineage::{self, NodeStatus, Relation, RelationSource};
use fineprint::recipe::Dot;
use fineprint::report::{BadgeClass, VerdictClass};
use lineage_support::*;

const LLAMA_FT: &str = "built_llama3-finetune-labelled-apache.json";
const LLAMA3: &str = "built_meta-llama__Meta-Llama-3-8B.json";
const GGUF: &str = "built_gemma-2-9b-it-GGUF.json";
const GEMMA_IT: &str = "built_google__gemma-2-9b-it.json";
const GEMMA: &str = "built_google__gemma-2-9b.json";
const ADAPTER: &str = "built_llama-3.1-8b-sql-lora-adapter.json";
const LLAMA31_IT: &str = "built_meta-llama__Llama-3.1-8B-Instruct.json";
const LLAMA31: &str = "built_meta-llama__Llama-3.1-8B.json";
const OPEN: &str = "built_open-release-apache.json";

#[test]
fn apache_labelled_llama_finetune_is_flagged_as_relabelled() {
    let r = analyze_model(meta(LLAMA_FT), vec![ancestor(LLAMA3)], None);
    // The model's own license is what it says.
    assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
    assert_eq!(r.verdict.class, VerdictClass::Open);
    let l = r.lineage.as_ref().expect("lineage");
    assert_eq!(l.bases.len(), 1);
    assert_eq!(l.bases[0].id, "meta-llama/Meta-Llama-3-8B");
    assert_eq!(l.bases[0].relation, Relation::Finetune);
    assert_eq!(l.bases[0].source, RelationSource::Tag);
    let n = &l.chain[0];
    assert_eq!(n.status, NodeStatus::Gated);
    assert_eq!(n.license_label.as_deref(), Some("llama3"));
    assert!(n.license_id.as_deref().unwrap_or("").starts_with("llama-3"), "{:?}", n.license_id);
    assert!(n.passes_on);
    let relabel = l.relabel.as_deref().expect("relabel warning");
    assert!(relabel.starts_with("labelled apache-2.0, based on meta-llama/Meta-Llama-3-8B — the "), "{relabel}");
    assert!(relabel.contains("Llama 3") && relabel.ends_with(" applies"), "{relabel}");
    assert!(r.warnings.iter().any(|w| w == relabel));
    assert!(r.badge.text.contains(relabel), "{}", r.badge.text);
    // Never the permissive badge its label would give.
    assert!(!matches!(r.badge.class, BadgeClass::OpenWeightsPermissive | BadgeClass::OpenSourceAi));
    assert!(l.complete);
}

#[test]
fn apache_labelled_llama_finetune_takes_the_llama_class() {
    // The base's report says restricted (as the Llama 3 license is): the
    // derivative's badge is restricted, set by the base.
    let base = report_as("llama3", VerdictClass::Restricted, Some("include a copy of this Agreement"));
    let r = analyze_model(meta(LLAMA_FT), vec![ancestor_with_report(LLAMA3, base)], None);
    let l = r.lineage.unwrap();
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsRestricted);
    assert_eq!(l.effective.class, BadgeClass::OpenWeightsRestricted);
    assert_eq!(l.effective.from.as_deref(), Some("meta-llama/Meta-Llama-3-8B"));
    assert_eq!(l.effective.license_id.as_deref(), Some("llama-3-community"));
    assert_eq!(
        r.badge.text,
        "Commercial OK · conditions: labelled apache-2.0, based on meta-llama/Meta-Llama-3-8B — the Meta Llama 3 Community License Agreement applies"
    );
    assert!(l.chain[0].note.as_deref().unwrap().contains("\"include a copy of this Agreement\""));
}

#[test]
fn missing_base_of_a_permissive_model_makes_the_badge_unclear() {
    let r = analyze_model(meta(LLAMA_FT), vec![], None);
    let l = r.lineage.unwrap();
    assert_eq!(l.chain[0].status, NodeStatus::NotFetched);
    assert!(!l.complete);
    assert_eq!(r.badge.class, BadgeClass::Unknown);
    assert!(r.badge.text.contains("meta-llama/Meta-Llama-3-8B"), "{}", r.badge.text);
    let dot = r.recipe.unwrap();
    assert_eq!(dot.status("lineage"), Some(Dot::Partial));
}

#[test]
fn gguf_quantization_of_gemma_inherits_gemma() {
    let r = analyze_model(meta(GGUF), vec![ancestor(GEMMA_IT), ancestor(GEMMA)], None);
    let l = r.lineage.as_ref().unwrap();
    assert_eq!(l.bases[0].relation, Relation::Quantized);
    let chain: Vec<_> = l.chain.iter().map(|n| (n.id.as_str(), n.depth, n.relation, n.status)).collect();
    assert_eq!(
        chain,
        [
            ("google/gemma-2-9b-it", 1, Relation::Quantized, NodeStatus::Gated),
            ("google/gemma-2-9b", 2, Relation::Finetune, NodeStatus::Gated),
        ]
    );
    assert!(l.complete);
    // Same license all the way: no relabel, and the class a declared Gemma id gets.
    assert_eq!(l.relabel, None);
    assert_eq!(r.badge.class, declared("gemma").badge.class);
    // The quantization discloses no paper itself; its base's arXiv tags count, marked as such.
    let rec = r.recipe.as_ref().unwrap();
    let paper = rec.get("paper").unwrap();
    assert_eq!(paper.status, Dot::Disclosed);
    assert!(paper.note.as_deref().unwrap().contains("google/gemma-2-9b-it"));
    assert!(paper.evidence.contains(&"arxiv:2403.08295".to_string()));
    // Its weights are GGUF files, downloadable.
    assert_eq!(rec.status("weights"), Some(Dot::Disclosed));
}

#[test]
fn unlabelled_quantization_takes_its_base_license() {
    let mut m = meta(GGUF);
    m.card_data.license.clear();
    m.tags.retain(|t| !t.starts_with("license:"));
    let r = analyze_model(m, vec![ancestor(GEMMA_IT), ancestor(GEMMA)], None);
    assert_eq!(r.license.id, None);
    assert_eq!(r.badge.class, declared("gemma").badge.class);
    // With the base classified, the class comes from it.
    let mut m = meta(GGUF);
    m.card_data.license.clear();
    m.tags.retain(|t| !t.starts_with("license:"));
    let gemma = report_as("gemma", VerdictClass::Restricted, None);
    let r = analyze_model(m, vec![ancestor_with_report(GEMMA_IT, gemma.clone()), ancestor_with_report(GEMMA, gemma)], None);
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsRestricted);
    assert_eq!(r.lineage.unwrap().effective.from.as_deref(), Some("google/gemma-2-9b-it"));
    assert!(r.badge.text.contains("inherited from google/gemma-2-9b-it (Gemma Terms of Use)"), "{}", r.badge.text);
}

#[test]
fn adapter_on_a_gated_base() {
    let m = meta(ADAPTER);
    let bases = lineage::base_models(&m);
    assert_eq!(bases.len(), 1);
    assert_eq!(bases[0].relation, Relation::Adapter);
    assert_eq!(bases[0].source, RelationSource::Card);
    // What to fetch, step by step.
    assert_eq!(lineage::pending(&m, &[]), ["meta-llama/Llama-3.1-8B-Instruct"]);
    assert_eq!(lineage::pending(&m, &[ancestor(LLAMA31_IT)]), ["meta-llama/Llama-3.1-8B"]);
    assert!(lineage::pending(&m, &[ancestor(LLAMA31_IT), ancestor(LLAMA31)]).is_empty());

    // The gated base's metadata is public: its license is read from it.
    let r = analyze_model(meta(ADAPTER), vec![ancestor(LLAMA31_IT), ancestor(LLAMA31)], None);
    let l = r.lineage.as_ref().unwrap();
    assert!(l.chain.iter().all(|n| n.status == NodeStatus::Gated));
    assert!(l.chain.iter().all(|n| n.license_id.as_deref() == Some("llama-3.1-community")));
    assert!(l.complete);
    assert_eq!(l.relabel, None);
    assert_eq!(r.badge.class, declared("llama3.1").badge.class);
    assert_eq!(r.recipe.as_ref().unwrap().status("training_data"), Some(Dot::Disclosed));

    // When the gated base could not be read at all, the badge does not guess.
    let r = analyze_model(meta(ADAPTER), vec![unavailable("meta-llama/Llama-3.1-8B-Instruct", "HTTP 401")], None);
    let l = r.lineage.as_ref().unwrap();
    assert_eq!(l.chain[0].status, NodeStatus::Unavailable);
    assert_eq!(l.chain[0].note.as_deref(), Some("HTTP 401"));
    assert!(!l.complete);
    assert_eq!(r.badge.class, BadgeClass::Unknown);
    assert!(r.warnings.iter().any(|w| w.contains("meta-llama/Llama-3.1-8B-Instruct")));
}

#[test]
fn fully_open_release_earns_open_source_ai() {
    let card = fixture_text("built_open-release-apache.README.md");
    let r = analyze_model(meta(OPEN), vec![], Some(card));
    assert_eq!(r.badge.class, BadgeClass::OpenSourceAi);
    assert_eq!(r.lineage, None, "no base model");
    let rec = r.recipe.unwrap();
    for d in ["weights", "license_declared", "license_open", "lineage", "training_data", "training_code", "paper", "model_card"] {
        assert_eq!(rec.status(d), Some(Dot::Disclosed), "{d}: {:?}", rec.get(d));
    }
    assert_eq!(rec.get("training_code").unwrap().evidence, ["https://github.com/example-lab/openlm-train"]);
    assert_eq!(rec.mof.class.as_deref(), Some("I"));
    assert!(rec.mof.label.starts_with("likely "));
}

#[test]
fn open_release_without_its_card_is_only_open_weights() {
    // Without the card the training code is not assessed: no open-source-ai claim.
    let r = analyze_model(meta(OPEN), vec![], None);
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive);
    let rec = r.recipe.unwrap();
    assert_eq!(rec.status("training_code"), Some(Dot::NotAssessed));
    assert!(!rec.disclosed);
}

#[test]
fn derivative_of_the_open_release_needs_its_own_recipe_too() {
    let card = fixture_text("built_open-release-apache.README.md");
    let base = fineprint::lineage::Ancestor { model_card: Some(card.clone()), ..ancestor(OPEN) };
    // A fine-tune that discloses everything itself, on a fully open base: open-source-ai.
    let mut ft = meta(OPEN);
    ft.id = Some("example-lab/OpenLM-7B-Instruct".into());
    ft.card_data.base_model = vec!["example-lab/OpenLM-7B".into()];
    let r = analyze_model(ft.clone(), vec![base], Some(card.clone()));
    assert_eq!(r.badge.class, BadgeClass::OpenSourceAi, "{}", r.badge.text);
    // The same fine-tune on a base whose card was not read: the base's recipe is unknown.
    let r = analyze_model(ft, vec![ancestor(OPEN)], Some(card));
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive);
    assert!(r.badge.text.contains("example-lab/OpenLM-7B does not disclose"), "{}", r.badge.text);
}

#[test]
fn lineage_cycle_terminates_and_is_reported() {
    let r = analyze_model(meta("built_cycle-a.json"), vec![ancestor("built_cycle-b.json")], None);
    let l = r.lineage.as_ref().unwrap();
    let chain: Vec<_> = l.chain.iter().map(|n| (n.id.as_str(), n.status)).collect();
    assert_eq!(chain, [("example-org/cycle-b", NodeStatus::Found), ("example-org/cycle-a", NodeStatus::Cycle)]);
    assert!(r.warnings.iter().any(|w| w.contains("cycle") && w.contains("example-org/cycle-a")), "{:?}", r.warnings);
    // Both are Apache-2.0: the cycle itself does not change the class.
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive);
    assert!(lineage::pending(&meta("built_cycle-a.json"), &[ancestor("built_cycle-b.json")]).is_empty());
}

#[test]
fn a_model_naming_itself_as_base_is_a_cycle() {
    let m = model("org/self", Some("mit"), &["org/self"]);
    let r = analyze_model(m.clone(), vec![ancestor_of(m)], None);
    let l = r.lineage.unwrap();
    assert_eq!(l.chain.len(), 1);
    assert_eq!(l.chain[0].status, NodeStatus::Cycle);
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive);
}

#[test]
fn real_finetune_relation_from_the_saved_response() {
    let m = meta("real_api_models_deepset__roberta-base-squad2.json");
    let bases = lineage::base_models(&m);
    assert_eq!(bases.len(), 1, "card data and two tags name the same base");
    assert_eq!(bases[0].id, "FacebookAI/roberta-base");
    assert_eq!(bases[0].relation, Relation::Finetune);
    assert_eq!(bases[0].source, RelationSource::Tag);
    assert_eq!(lineage::pending(&m, &[]), ["FacebookAI/roberta-base"]);
    // Real responses without a base model have no lineage.
    for f in [
        "real_api_models_google-bert__bert-base-uncased.json",
        "real_api_models_meta-llama__Llama-3.2-3B_gated.json",
        "real_api_models_stabilityai__stable-diffusion-2-1.json",
        "real_page_ModelHeader_dataprops_Qwen3-Coder.json",
    ] {
        assert!(lineage::base_models(&meta(f)).is_empty(), "{f}");
        assert_eq!(analyze_model(meta(f), vec![], None).lineage, None, "{f}");
    }
}

#[test]
fn full_license_in_the_gated_prompt_classifies_the_base() {
    // Meta puts the whole license in the access form: with it, the base is read as
    // restricted and the apache-labelled fine-tune gets the Llama class.
    let text = std::fs::read_to_string(format!("{}/data/corpus/ai/llama-3-community.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut base = ancestor(LLAMA3);
    base.metadata.as_mut().unwrap().card_data.extra_gated_prompt = Some(format!("### META LLAMA 3 COMMUNITY LICENSE AGREEMENT\n\n{text}"));
    let r = analyze_model(meta(LLAMA_FT), vec![base], None);
    let l = r.lineage.unwrap();
    assert_eq!(l.chain[0].verdict, Some(VerdictClass::Restricted));
    assert_eq!(l.chain[0].license_id.as_deref(), Some("llama-3-community"));
    assert!(l.chain[0].note.as_deref().unwrap().starts_with("its terms bind derivatives: \""), "{:?}", l.chain[0].note);
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsRestricted);
    assert_eq!(l.effective.from.as_deref(), Some("meta-llama/Meta-Llama-3-8B"));
}

#[test]
fn an_open_verdict_on_a_license_that_is_not_osi_approved_never_earns_open_source_ai() {
    // The open release's recipe (data, code, paper all disclosed), but its LICENSE is a custom
    // permissive grant: open by its words, not OSI-approved, so open weights at most.
    let card = fixture_text("built_open-release-apache.README.md");
    let custom = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/heldout/custom-permissive-model.txt")).unwrap();
    let opts = fineprint::Options { hf_metadata: Some(meta(OPEN)), model_card: Some(card), ..Default::default() };
    let r = fineprint::analyze(&[fineprint::report::Document::new("LICENSE", custom.as_str())], &opts).unwrap();
    assert_eq!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    assert!(r.recipe.as_ref().unwrap().disclosed);
    assert_eq!(r.badge.class, BadgeClass::OpenWeightsPermissive, "{}", r.badge.text);
}
