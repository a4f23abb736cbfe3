//! A license named rather than given: a short text that says which license applies ("licensed
//! under the Apache License 2.0"), a hub's declared id with no text, and a declared id that
//! differs from the text that was read.
//!
//! In: documents and the hub's declared id. Out: `declared` [`LicenseMatch`]es and warnings.

use super::kb;
use super::names;
use crate::report::{Document, Evidence, LicenseMatch, MatchKind};

/// A warning when the hub declares one license and the text is another (a
/// Llama 3 text declared `llama3.1`): the text wins, the difference is said.
/// A declared family (`bsd`, `gpl`) fits any of its members.
pub fn declared_mismatch(hf: &str, identified: &str, kind: MatchKind) -> Option<String> {
    if !matches!(kind, MatchKind::Exact | MatchKind::Equivalent | MatchKind::Modified) || kb::is_hf_family(hf) {
        return None;
    }
    let declared = names::by_name(hf)?;
    if kb::same_text(declared.id, identified) {
        return None;
    }
    Some(format!(
        "the hub declares {} ({}), but the license text is {identified}: the text is what binds",
        declared.name, declared.id
    ))
}

/// The match for a declared id with no text.
pub fn declared_match(hf: &str) -> LicenseMatch {
    match names::by_name(hf) {
        Some(f) => LicenseMatch {
            id: Some(f.id.to_string()),
            name: Some(f.name.to_string()),
            match_kind: MatchKind::Declared,
            confidence: 0.5,
            changes: vec![],
            ..LicenseMatch::unknown()
        },
        None => LicenseMatch { match_kind: MatchKind::Declared, ..LicenseMatch::unknown() },
    }
}

/// The license a short document names as its own, when every document that names one names the
/// same: a `declared` match that says where (`named`). Several licenses named: none, and a warning.
pub fn named_match(docs: &[Document]) -> (Option<LicenseMatch>, Option<String>) {
    let hits: Vec<(usize, names::Named)> =
        docs.iter().enumerate().flat_map(|(d, doc)| names::named_in_text(&doc.text).into_iter().map(move |n| (d, n))).collect();
    if hits.is_empty() {
        return (None, None);
    }
    let same = |ks: &[usize]| ks.iter().all(|&k| kb::same_text(hits[k].1.facts.id, hits[ks[0]].1.facts.id));
    let all: Vec<usize> = (0..hits.len()).collect();
    let weights: Vec<usize> = all.iter().copied().filter(|&k| hits[k].1.of_weights).collect();
    let mut ids: Vec<&str> = hits.iter().map(|(_, n)| n.facts.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let (k, warning) = if same(&all) {
        (0, None)
    } else if !weights.is_empty() && same(&weights) {
        // "The code is licensed under MIT; the weights under CC BY-NC 4.0": a model page is about the weights.
        let id = hits[weights[0]].1.facts.id;
        (weights[0], Some(format!("the text names several licenses ({}): {id} is the one it names for the model weights", ids.join(", "))))
    } else {
        return (None, Some(format!("the text names several licenses ({}): none is taken as the license", ids.join(", "))));
    };
    let (d, n) = &hits[k];
    let quote = docs[*d].text[n.start..n.end].to_string();
    let m = LicenseMatch {
        id: Some(n.facts.id.to_string()),
        name: Some(n.facts.name.to_string()),
        match_kind: MatchKind::Declared,
        confidence: 0.5,
        changes: vec![],
        doc: *d,
        span: Some((n.start, n.end)),
        named: Some(Evidence { doc: *d, quote, start: n.start, end: n.end }),
    };
    (Some(m), warning)
}
