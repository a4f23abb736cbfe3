//! Shared helpers for the lineage and recipe tests: fixtures, and reports
//! built by hand so that the lineage rules are tested whatever the license
//! verdict of a declared id turns out to be.
#![allow(dead_code)]

use fineprint::analyze::{analyze, badge_for, Options};
use fineprint::hub::{self, HubModel};
use fineprint::lineage::Ancestor;
use fineprint::report::{Clause, Evidence, Report, Verdict, VerdictClass};

/// Path of a fixture under tests/fixtures/hub-metadata/.
pub fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/hub-metadata/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's text.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A fixture's metadata.
pub fn meta(name: &str) -> HubModel {
    hub::from_json(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// An ancestor from a metadata fixture.
pub fn ancestor(name: &str) -> Ancestor {
    let m = meta(name);
    Ancestor { id: m.model_id().unwrap().to_string(), metadata: Some(m), ..Ancestor::default() }
}

/// An ancestor that could not be read.
pub fn unavailable(id: &str, error: &str) -> Ancestor {
    Ancestor { id: id.into(), error: Some(error.into()), ..Ancestor::default() }
}

/// Analyse a model from its metadata and ancestors.
pub fn analyze_model(m: HubModel, ancestors: Vec<Ancestor>, card: Option<String>) -> Report {
    let opts = Options { hf_metadata: Some(m), ancestors, model_card: card, ..Options::default() };
    analyze(&[], &opts).expect("analysis")
}

/// The report of a declared id alone.
pub fn declared(hf: &str) -> Report {
    analyze(&[], &Options { hf_license: Some(hf.into()), ..Options::default() }).unwrap()
}

/// A report for a declared id whose verdict is forced to `class`, with an
/// optional `restrictions_propagate` clause quoting `quote`.
pub fn report_as(hf: &str, class: VerdictClass, propagate_quote: Option<&str>) -> Report {
    let mut r = declared(hf);
    r.verdict = Verdict { class, label: format!("{class:?}"), reasons: vec![], message: None, reason_messages: vec![] };
    r.badge = badge_for(&r.verdict);
    if let Some(q) = propagate_quote {
        r.clauses.push(Clause {
            kind: "restrictions_propagate".into(),
            summary: "restrictions pass to derivatives".into(),
            value: None,
            unit: None,
            evidence: vec![Evidence { doc: 0, quote: q.into(), start: 0, end: q.len() }],
            message: None,
        });
    }
    r
}

/// An ancestor known by a (hand-made) report, with its metadata for the walk.
pub fn ancestor_with_report(name: &str, report: Report) -> Ancestor {
    Ancestor { report: Some(report), ..ancestor(name) }
}

/// Minimal metadata built in code.
pub fn model(id: &str, license: Option<&str>, bases: &[&str]) -> HubModel {
    let mut v = serde_json::json!({
        "id": id,
        "gated": false,
        "tags": [],
        "siblings": [{"rfilename": "model.safetensors"}, {"rfilename": "README.md"}],
        "cardData": {}
    });
    if let Some(l) = license {
        v["cardData"]["license"] = l.into();
    }
    if !bases.is_empty() {
        v["cardData"]["base_model"] = bases.iter().map(|b| serde_json::Value::from(*b)).collect();
    }
    hub::from_json(&v.to_string()).unwrap()
}

/// An ancestor built in code.
pub fn ancestor_of(m: HubModel) -> Ancestor {
    Ancestor { id: m.model_id().unwrap().to_string(), metadata: Some(m), ..Ancestor::default() }
}
