//! Precision traps found in the corpus: phrases that look like a clause but are
//! not one. Each test runs the real corpus text (not a copy of the phrase), and
//! checks the trap is not reported while the real clause next to it still is.

use fineprint::clauses;
use fineprint::report::{Clause, ClauseValue, Document};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn kinds_of(docs: &[Document]) -> Vec<Clause> {
    clauses::extract(docs)
}

fn find<'a>(cs: &'a [Clause], kind: &str) -> Option<&'a Clause> {
    cs.iter().find(|c| c.kind == kind)
}

/// "for any Research & Non-Commercial or Commercial purpose": a permission, not a limit.
#[test]
fn commercial_or_noncommercial_permission_is_not_noncommercial() {
    let text = corpus("ai/stability-ai-community.txt");
    assert!(text.contains("Non-Commercial or Commercial purpose"));
    let cs = kinds_of(&[Document::new("l", text)]);
    assert!(find(&cs, "noncommercial").is_none());
    // Its real limit is a revenue cap: restricted, with the amount read from the text.
    let r = find(&cs, "revenue_threshold").expect("revenue threshold");
    assert_eq!(r.value, Some(ClauseValue::Integer(1_000_000)));
    assert_eq!(r.unit.as_deref(), Some("USD per year"));
    // And the same in the SPDX texts that permit "commercial or non-commercial" use.
    for id in ["Unlicense", "CC-PDDC", "Leptonica", "APSL-2.0", "Graphics-Gems"] {
        let cs = kinds_of(&[Document::new(id, corpus(&format!("spdx/{id}.txt")))]);
        assert!(find(&cs, "noncommercial").is_none(), "{id}");
    }
}

/// GPL-2.0's "allowed only for noncommercial distribution" limits one way of
/// offering source, not the use of the program.
#[test]
fn gpl_noncommercial_distribution_option_is_not_noncommercial() {
    let text = corpus("spdx/GPL-2.0-only.txt");
    assert!(text.contains("allowed only for noncommercial distribution"));
    let cs = kinds_of(&[Document::new("l", text)]);
    assert!(find(&cs, "noncommercial").is_none());
    assert!(find(&cs, "same_license_copyleft").is_some());
}

/// Llama's definition of "Meta" names the EEA (which Meta entity contracts with
/// you): not a region exclusion.
#[test]
fn eea_entity_definition_is_not_a_geo_exclusion() {
    for f in ["ai/llama-3.1-community.txt", "ai/llama-3.2-community.txt", "ai/llama-2-community.txt", "ai/chameleon-research.txt"] {
        let text = corpus(f);
        assert!(text.contains("EEA or Switzerland"), "{f}");
        let cs = kinds_of(&[Document::new("l", text)]);
        assert!(find(&cs, "geo_exclusion").is_none(), "{f}");
    }
}

/// Tencent Hunyuan only *encourages* a "Powered by Tencent Hunyuan" mark.
#[test]
fn encouraged_credit_is_not_attribution_display() {
    for f in ["ai/tencent-hunyuan-community.txt", "ai/tencent-hunyuan-community-large.txt", "ai/tencent-hunyuan-3d-2.0-community.txt"] {
        let text = corpus(f);
        assert!(text.contains("encouraged to"), "{f}");
        let cs = kinds_of(&[Document::new("l", text)]);
        assert!(find(&cs, "attribution_display").is_none(), "{f}");
        // Its region exclusion is real.
        assert!(find(&cs, "geo_exclusion").is_some(), "{f}");
    }
}

/// A warranty disclaimer that names a use ("not designed ... for use in ... any
/// nuclear facility") restricts nothing.
#[test]
fn use_quoted_in_a_disclaimer_is_not_a_field_exclusion() {
    for id in ["BSD-3-Clause-No-Nuclear-Warranty", "APSL-2.0", "JasPer-2.0", "gSOAP-1.3b"] {
        let cs = kinds_of(&[Document::new(id, corpus(&format!("spdx/{id}.txt")))]);
        assert!(find(&cs, "field_exclusions").is_none(), "{id}");
        assert!(find(&cs, "use_restrictions").is_none(), "{id}");
    }
    // While a license that does forbid military use says so.
    let cs = kinds_of(&[Document::new("m", corpus("spdx/BSD-3-Clause-No-Military-License.txt"))]);
    assert!(find(&cs, "field_exclusions").is_some());
}

/// A permission that lists "military" among allowed fields is not an exclusion,
/// nor is "military insignia" in the list of what a licence does not cover.
#[test]
fn fields_named_in_a_permission_are_not_exclusions() {
    for id in ["iMatix", "OGL-UK-3.0"] {
        let cs = kinds_of(&[Document::new(id, corpus(&format!("spdx/{id}.txt")))]);
        assert!(find(&cs, "field_exclusions").is_none(), "{id}");
    }
}

/// Llama 3.1+ lets outputs train other models (with a naming rule): no ban.
/// Llama 2 forbids it. Editions are told apart by their words.
#[test]
fn llama_output_rule_by_edition() {
    let l2 = kinds_of(&[Document::new("l", corpus("ai/llama-2-community.txt"))]);
    assert!(find(&l2, "output_training_ban").is_some());
    let l31 = kinds_of(&[Document::new("l", corpus("ai/llama-3.1-community.txt"))]);
    assert!(find(&l31, "output_training_ban").is_none());
    let n = find(&l31, "naming_requirement").expect("naming");
    assert_eq!(n.value, Some(ClauseValue::Text("Llama".into())));
}

/// Apache-2.0 offers indemnity only as an option of whoever sells support:
/// "only if You agree to indemnify" does not make you indemnify anyone.
#[test]
fn apache_optional_indemnity_is_not_indemnity() {
    let cs = kinds_of(&[Document::new("a", corpus("spdx/Apache-2.0.txt"))]);
    assert!(find(&cs, "indemnity").is_none());
    assert!(find(&cs, "patent_grant").is_some());
}

/// A restriction list that only points to an external policy and to the law is
/// not itself a list of forbidden uses (DBRX, Gemma terms): that is aup_by_reference.
#[test]
fn list_of_policy_and_law_is_not_use_restrictions() {
    for f in ["ai/dbrx-open-model.txt", "ai/gemma-terms.txt"] {
        let cs = kinds_of(&[Document::new("l", corpus(f))]);
        assert!(find(&cs, "use_restrictions").is_none(), "{f}");
        assert!(find(&cs, "aup_by_reference").is_some(), "{f}");
    }
}

/// Creative Commons texts that list the license elements ("Attribution,
/// NonCommercial, NoDerivatives, ShareAlike") do not impose all of them.
#[test]
fn license_element_lists_are_not_clauses() {
    let cs = kinds_of(&[Document::new("cc", corpus("spdx/CC-BY-2.5-AU.txt"))]);
    for k in ["noncommercial", "no_derivatives", "same_license_copyleft"] {
        assert!(find(&cs, k).is_none(), "{k}");
    }
}

/// Acceptance by mere use is not a click-through (DBRX, Stability non-commercial).
#[test]
fn acceptance_by_use_is_not_clickwrap() {
    let cs = kinds_of(&[Document::new("l", corpus("ai/dbrx-open-model.txt"))]);
    assert!(find(&cs, "clickwrap_acceptance").is_none());
    let cs = kinds_of(&[Document::new("l", corpus("ai/llama-2-community.txt"))]);
    assert!(find(&cs, "clickwrap_acceptance").is_some());
}
