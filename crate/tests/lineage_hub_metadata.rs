//! Reading Hub metadata: every saved answer parses, odd shapes become empty
//! values instead of errors, and answers that are not model metadata get a
//! clear message.

mod lineage_support;
use fineprint::hub::{self, Gated};
use lineage_support::*;

#[test]
fn every_fixture_parses() {
    let dir = format!("{}/tests/fixtures/hub-metadata", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let src: serde_json::Value = serde_json::from_str(&text).unwrap();
        let source = src["_source"].as_str().unwrap_or("");
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            (name.starts_with("built_") && source.starts_with("built")) || (name.starts_with("real_") && !source.starts_with("built")),
            "{name}: built fixtures say so in _source, real ones name their source"
        );
        hub::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        n += 1;
    }
    assert!(n >= 19, "{n} fixtures");
}

#[test]
fn saved_answers_read_as_the_hub_wrote_them() {
    let m = meta("real_api_models_meta-llama__Llama-3.2-3B_gated.json");
    assert_eq!(m.model_id(), Some("meta-llama/Llama-3.2-3B"));
    assert_eq!(m.gated, Gated::Manual);
    assert_eq!(m.declared_label(), Some("llama3.2"));
    assert!(m.card_data.extra_gated_prompt.as_deref().unwrap().starts_with("### LLAMA 3.2 COMMUNITY LICENSE AGREEMENT"));
    assert_eq!(m.tag_values("arxiv"), ["2204.05149", "2405.16406"]);
    assert!(m.files().iter().any(|f| f == "USE_POLICY.md"));

    let m = meta("real_api_models_deepset__roberta-base-squad2.json");
    assert_eq!(m.gated, Gated::No);
    assert_eq!(m.card_data.base_model, ["FacebookAI/roberta-base"]);
    assert_eq!(m.card_data.datasets, ["squad_v2"]);
    assert_eq!(m.declared_license_id(), Some("cc-by-4.0"));

    // The page's ModelHeader props ({"model": ...}) and a partial answer without an id.
    let m = meta("real_page_ModelHeader_dataprops_Qwen3-Coder.json");
    assert_eq!(m.model_id(), Some("Qwen/Qwen3-Coder-30B-A3B-Instruct"));
    assert_eq!(m.siblings, None);
    assert!(m.card_data.license_link.as_deref().unwrap().ends_with("/LICENSE"));
    let m = meta("real_api_models_microsoft__Phi-3-mini-4k-instruct_partial.json");
    assert_eq!(m.model_id(), None);
    assert_eq!(m.gated, Gated::Unknown);
    assert_eq!(m.declared_label(), Some("mit"));
}

#[test]
fn odd_shapes_become_empty_values() {
    let m = meta("built_odd-shapes.json");
    assert_eq!(m.gated, Gated::Unknown);
    assert_eq!(m.private, None);
    assert_eq!(m.tags, ["license:mit"]);
    // Numbers read as their text; nulls and objects without a name are skipped.
    assert_eq!(m.siblings.as_deref(), Some(&["5".to_string(), "weights.safetensors".to_string(), "README.md".to_string()][..]));
    assert_eq!(m.card_data.license, ["mit"]);
    assert_eq!(m.card_data.license_name.as_deref(), Some("42"));
    assert_eq!(m.card_data.license_link, None);
    assert_eq!(m.card_data.base_model, ["./local/ckpt", "example-org/base", "7"]);
    assert_eq!(m.card_data.base_model_relation, None);
    assert_eq!(m.card_data.datasets, ["example-org/data"]);
    assert_eq!(m.card_data.extra_gated_prompt, None);
    assert_eq!(m.tag_values("arxiv"), ["2401.00001"]);
    // And the whole analysis goes through.
    let r = analyze_model(m, vec![], None);
    assert_eq!(r.license.id.as_deref(), Some("MIT"));
    let l = r.lineage.unwrap();
    assert!(l.notes.iter().any(|n| n.contains("'./local/ckpt'")));
}

#[test]
fn gated_spellings() {
    let g = |v: &str| hub::from_json(&format!(r#"{{"id":"a/b","gated":{v}}}"#)).unwrap().gated;
    assert_eq!(g("false"), Gated::No);
    assert_eq!(g(r#""auto""#), Gated::Auto);
    assert_eq!(g(r#""MANUAL""#), Gated::Manual);
    assert_eq!(g("true"), Gated::Other("true".into()));
    assert!(g(r#""approval""#).is_gated());
    assert_eq!(g("null"), Gated::Unknown);
    assert_eq!(g("[1]"), Gated::Unknown);
}

#[test]
fn non_metadata_is_refused_with_a_reason() {
    assert!(hub::from_json("").unwrap_err().contains("not valid JSON"));
    assert!(hub::from_json("<!DOCTYPE html><html>").unwrap_err().contains("not valid JSON"));
    assert!(hub::from_json("[1,2]").unwrap_err().contains("not a JSON object"));
    assert!(hub::from_json("\"x\"").unwrap_err().contains("not a JSON object"));
    assert_eq!(hub::from_json(r#"{"error":"Repository not found"}"#).unwrap_err(), "the hub answered with an error: Repository not found");
    // An empty object is metadata with nothing in it.
    let m = hub::from_json("{}").unwrap();
    assert_eq!(m.model_id(), None);
    assert!(m.tags.is_empty());
}

#[test]
fn license_other_uses_license_name() {
    let m = hub::from_json(r#"{"cardData":{"license":"other","license_name":"llama3"}}"#).unwrap();
    assert_eq!(m.declared_label(), Some("other"));
    assert_eq!(m.declared_license_id(), Some("llama3"));
    let m = hub::from_json(r#"{"cardData":{"license":["apache-2.0","mit"]},"tags":["license:mit"]}"#).unwrap();
    assert_eq!(m.declared_labels(), ["apache-2.0", "mit"]);
    assert_eq!(m.declared_license_id(), Some("apache-2.0"));
}
