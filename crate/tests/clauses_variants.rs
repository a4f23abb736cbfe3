//! Third-party copies of labelled licenses (data/corpus/variants: other wrapping,
//! markdown, changed headers) read the same: the key clause kinds found in a
//! copy are those labelled for its license.

use fineprint::report::Document;
use serde_json::Value;
use std::collections::BTreeSet;

const KEY_KINDS: [&str; 15] = [
    "noncommercial", "research_only", "mau_threshold", "revenue_threshold", "aup_by_reference",
    "use_restrictions", "geo_exclusion", "output_training_ban", "restrictions_propagate",
    "attribution_display", "naming_requirement", "remote_control_updates", "same_license_copyleft",
    "no_derivatives", "separate_license_needed",
];

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn variants_read_like_their_license() {
    let labels: Vec<Value> = serde_json::from_str(&corpus("labels.json")).unwrap();
    let variants: Vec<Value> = serde_json::from_str(&corpus("variants/index.json")).unwrap();
    let mut checked = 0;
    let mut bad = vec![];
    for v in &variants {
        let id = v["license_id"].as_str().or(v["id"].as_str()).unwrap();
        // Only variants whose notes do not say the terms differ.
        let notes = v["notes"].as_str().unwrap_or("").to_lowercase();
        if notes.contains("not identical terms") || notes.contains("different terms") {
            continue;
        }
        let Some(l) = labels.iter().find(|l| l["id"] == id) else { continue };
        let mut want: BTreeSet<&str> = KEY_KINDS.iter().copied().filter(|k| l["clauses"].get(*k).is_some()).collect();
        // A copy with the acceptable-use policy appended also lists forbidden uses.
        if notes.contains("aup appended") {
            want.insert("use_restrictions");
        }
        let text = corpus(v["file"].as_str().unwrap());
        let got: BTreeSet<&str> = fineprint::clauses::extract(&[Document::new("v", text)])
            .iter()
            .filter_map(|c| KEY_KINDS.iter().copied().find(|k| *k == c.kind))
            .collect();
        if want != got {
            bad.push(format!("{}: want {want:?}, got {got:?}", v["file"]));
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} variants checked");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
