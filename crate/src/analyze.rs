//! One analysis: identify, extract clauses, decide the verdict and the badge.

use crate::report::*;
use crate::{clauses, declared, hub, identify, kb, lineage, names, recipe, verdict};

/// Inputs beside the documents.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Options {
    /// The hub's declared license: an id (`apache-2.0`, `llama3.1`, `other`) or a name as a hub prints
    /// it (`Apache License 2.0`, `CreativeML Open RAIL-M`), resolved by [`names::by_name`].
    /// When absent, it is read from `hf_metadata`.
    #[serde(default)]
    pub hf_license: Option<String>,
    /// The model's hub metadata (the answer of `/api/models/{id}`): the
    /// declared license, the recipe and the base models.
    #[serde(default, deserialize_with = "hub::lenient")]
    pub hf_metadata: Option<hub::HubModel>,
    /// The model card (README.md) text, for the recipe.
    #[serde(default, deserialize_with = "hub::lenient")]
    pub model_card: Option<String>,
    /// What is known of the base models (see [`lineage::Ancestor`]).
    #[serde(default, deserialize_with = "hub::null_as_default")]
    pub ancestors: Vec<lineage::Ancestor>,
}

impl Options {
    /// The declared license id: `hf_license`, else the metadata's.
    pub fn declared(&self) -> Option<&str> {
        self.hf_license
            .as_deref()
            .or_else(|| self.hf_metadata.as_ref().and_then(|m| m.declared_license_id()))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Size cap for one analysis (all documents together), in bytes.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// Why an input cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No document and no declared id.
    Empty,
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge(usize),
    /// Looks like binary data (NUL bytes or mostly control characters).
    Binary,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "no license text given (the input is empty)"),
            InputError::TooLarge(n) => write!(
                f,
                "input is {n} bytes, over the {} MiB limit for one analysis",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            InputError::Binary => write!(f, "input looks like binary data, not license text"),
        }
    }
}

impl std::error::Error for InputError {}

/// Check one input before analysis.
pub fn check_input(docs: &[Document], opts: &Options) -> Result<(), InputError> {
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    if total > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge(total));
    }
    for d in docs {
        if looks_binary(&d.text) {
            return Err(InputError::Binary);
        }
    }
    let has_text = docs.iter().any(|d| !d.text.trim().is_empty());
    let has_declared = opts.declared().is_some() || opts.hf_metadata.is_some();
    if !has_text && !has_declared {
        return Err(InputError::Empty);
    }
    Ok(())
}

fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let sample: Vec<char> = text.chars().take(4096).collect();
    if sample.is_empty() {
        return false;
    }
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    control * 10 > sample.len()
}

/// Analyse documents (and an optional declared id) into a report.
pub fn analyze(docs: &[Document], opts: &Options) -> Result<Report, InputError> {
    check_input(docs, opts)?;
    let ident = identify::identify(docs);
    let mut license = ident.primary;
    let mut warnings = vec![];
    let declared = opts.declared();
    if license.id.is_none() {
        // A short text that names its license without holding it ("This model is licensed
        // under the Apache License, Version 2.0"): the license it names, not read.
        let (named, named_warning) = named_match(docs);
        warnings.extend(named_warning);
        if let Some(m) = named {
            license = m;
        } else if let Some(hf) = declared {
            if docs.iter().all(|d| d.text.trim().is_empty()) {
                license = declared_match(hf);
            }
        }
    }
    if let (Some(hf), Some(id)) = (declared, license.id.as_deref()) {
        if let Some(w) = declared_mismatch(hf, id, license.match_kind) {
            warnings.push(w);
        } else if license.named.is_some() && !kb::is_hf_family(hf) {
            if let Some(d) = names::by_name(hf).filter(|d| !kb::same_text(d.id, id)) {
                warnings.push(format!("the hub declares {} ({}), but the text names {id}: the text is what binds", d.name, d.id));
            }
        }
    }
    let facts = license.id.as_deref().and_then(kb::facts);
    let found = clauses::find_all(docs);
    let additions = verdict::unread_additions(docs, &license, &ident.others, &found);
    let mut verdict = verdict::decide(&license, facts, &found);
    let clauses = found.clauses;
    if license.match_kind == MatchKind::Declared {
        warnings.push(match (&license.named, license.name.as_deref()) {
            (Some(_), Some(name)) => format!("the license text was not given: the text names {name}, and the result rests on that name alone"),
            _ => "no license text was read: the result rests on the declared license id alone".into(),
        });
        if let Some(id) = license.id.as_deref() {
            verdict = declared_verdict(id, verdict, license.named.is_some());
        }
    }
    let verdict = verdict::with_additions(verdict, &license, &additions);
    let mut recipe = opts
        .hf_metadata
        .as_ref()
        .map(|m| recipe::assess(m, opts.model_card.as_deref(), &verdict));
    let mut badge = recipe::badge(&license, &verdict, recipe.as_ref());
    let mut lineage = None;
    if let (Some(meta), Some(rec)) = (opts.hf_metadata.as_ref(), recipe.as_mut()) {
        if let Some(out) = lineage::resolve(meta, &license, &verdict, rec, &opts.ancestors) {
            badge = out.badge;
            warnings.extend(out.warnings);
            lineage = Some(out.lineage);
        }
    }
    Ok(Report {
        osi_approved: osi_approved(&license, facts, docs.iter().any(|d| !d.text.trim().is_empty()), &verdict),
        license,
        verdict,
        clauses,
        badge,
        also_found: ident.others,
        warnings,
        recipe,
        lineage,
        engine: engine_info(),
        disclaimer: DISCLAIMER.into(),
    })
}

/// Whether the license is OSI-approved: the knowledge base's fact for a known
/// license; `false` for a text that matches no known license (every OSI-approved
/// license is on the SPDX list the knowledge base holds, so a text that is none
/// of them is not one); `null` when nothing was identified from no text.
/// A known model license is not OSI-approved (`false`); a policy is no license (`null`).
/// A known license's text changed in substance is not the approved text: `false`
/// when the change restricts it (the verdict says so), `null` when the change was
/// not understood (the verdict is unknown), the license's fact when it is still open.
fn osi_approved(license: &LicenseMatch, facts: Option<&kb::Facts>, has_text: bool, verdict: &Verdict) -> Option<bool> {
    match facts {
        Some(f) if license.match_kind == MatchKind::Modified && f.osi_approved == Some(true) => match verdict.class {
            VerdictClass::Open => Some(true),
            VerdictClass::Unknown => None,
            _ => Some(false),
        },
        // A model license is on no OSI list (OSI approval is an SPDX fact): not approved.
        Some(f) if f.kind == kb::Kind::Model && f.osi_approved.is_none() => Some(false),
        Some(f) => f.osi_approved,
        None if has_text && license.id.is_none() && license.match_kind == MatchKind::Unknown => Some(false),
        None => None,
    }
}

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

/// The verdict for a declared id with no text (or a license only named in the text): what the
/// license's published text says (`declared::known_terms`), worded as resting on the id alone.
fn declared_verdict(id: &str, decided: Verdict, named: bool) -> Verdict {
    let name = kb::facts(id).map(|f| f.name).unwrap_or(id);
    let first = if named {
        format!("the text names {name} as its license but does not include it; its terms were not read, so this is what the published license says, not what this copy says")
    } else {
        format!("the page declares {name}; its text was not read, so this is what the published license says, not what this model's copy says")
    };
    let known = declared::known_terms(id);
    let (class, mut reasons) = match known {
        Some(k) if decided.class == VerdictClass::Unknown => (
            k.class,
            k.kinds.iter().map(|k| format!("the published license has: {}", declared::label(k))).collect(),
        ),
        _ => (decided.class, decided.reasons),
    };
    reasons.insert(0, first);
    let label = match class {
        VerdictClass::Open => "Open",
        VerdictClass::Restricted => "Restricted",
        VerdictClass::NonCommercial => "Non-commercial only",
        VerdictClass::ResearchOnly => "Research only",
        VerdictClass::Unknown => "Unknown",
    };
    let how = if named { "named license, terms not read" } else { "declared license, text not read" };
    Verdict { class, label: format!("{label} ({how})"), reasons }
}

/// Badge from the license verdict alone (recipe and lineage refine it elsewhere).
pub fn badge_for(v: &Verdict) -> Badge {
    let class = match v.class {
        VerdictClass::Open => BadgeClass::OpenWeightsPermissive,
        VerdictClass::Restricted => BadgeClass::OpenWeightsRestricted,
        VerdictClass::NonCommercial => BadgeClass::NonCommercial,
        VerdictClass::ResearchOnly => BadgeClass::ResearchOnly,
        VerdictClass::Unknown => BadgeClass::Unknown,
    };
    Badge { class, text: badge_text(class).into() }
}

/// The short text for a badge class.
pub fn badge_text(class: BadgeClass) -> &'static str {
    match class {
        BadgeClass::OpenSourceAi => "Open source AI: open license; training data, code and paper disclosed",
        BadgeClass::OpenWeightsPermissive => "Open weights, permissive license",
        BadgeClass::OpenWeightsRestricted => "Open weights, restricted license",
        BadgeClass::NonCommercial => "Non-commercial only",
        BadgeClass::ResearchOnly => "Research only",
        BadgeClass::Unknown => "License unclear",
    }
}

/// Engine and knowledge-base versions.
pub fn engine_info() -> EngineInfo {
    EngineInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        kb_version: kb::KB_VERSION.into(),
        kb_licenses: kb::len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_an_error() {
        assert_eq!(analyze(&[], &Options::default()), Err(InputError::Empty));
        assert_eq!(
            analyze(&[Document::new("x", "  \n")], &Options::default()),
            Err(InputError::Empty)
        );
    }

    #[test]
    fn binary_and_huge_inputs_are_errors() {
        let bin = Document::new("b", "abc\0def");
        assert_eq!(analyze(&[bin], &Options::default()), Err(InputError::Binary));
        let huge = Document::new("h", "a ".repeat(MAX_INPUT_BYTES));
        assert!(matches!(analyze(&[huge], &Options::default()), Err(InputError::TooLarge(_))));
    }

    #[test]
    fn declared_id_and_a_different_text() {
        let text = include_str!("../data/corpus/ai/llama-3-community.txt");
        let opts = Options { hf_license: Some("llama3.1".into()), ..Default::default() };
        let r = analyze(&[Document::new("LICENSE", text)], &opts).unwrap();
        assert_eq!(r.license.id.as_deref(), Some("llama-3-community"));
        assert!(r.warnings.iter().any(|w| w.contains("llama-3.1-community")), "{:?}", r.warnings);
        // The declared edition itself, or a family the text belongs to: no warning.
        let same = Options { hf_license: Some("llama3".into()), ..Default::default() };
        assert!(analyze(&[Document::new("LICENSE", text)], &same).unwrap().warnings.is_empty());
        let bsd2 = include_str!("../data/corpus/spdx/BSD-2-Clause.txt");
        let fam = Options { hf_license: Some("bsd".into()), ..Default::default() };
        assert!(analyze(&[Document::new("LICENSE", bsd2)], &fam).unwrap().warnings.is_empty());
    }

    #[test]
    fn an_open_license_changed_to_restrict_is_not_osi_approved() {
        let apache = include_str!("../data/corpus/spdx/Apache-2.0.txt");
        let r = analyze(&[Document::new("LICENSE", apache)], &Options::default()).unwrap();
        assert_eq!(r.osi_approved, Some(true));
        let end = apache.find("END OF TERMS AND CONDITIONS").unwrap();
        let changed = format!(
            "{}10. Commercial Use Limitation. Commercial use by any Legal Entity with annual revenue of more than USD 5,000,000 is not licensed under this License.\n\n{}",
            &apache[..end],
            &apache[end..]
        );
        let r = analyze(&[Document::new("LICENSE", &changed)], &Options::default()).unwrap();
        assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
        assert_eq!(r.license.match_kind, MatchKind::Modified);
        assert_eq!(r.verdict.class, VerdictClass::Restricted, "{:?}", r.verdict);
        assert_eq!(r.osi_approved, Some(false), "a restricting change makes it another license");
    }

    #[test]
    fn a_known_model_license_is_not_osi_approved() {
        let llama = include_str!("../data/corpus/ai/llama-2-community.txt");
        let r = analyze(&[Document::new("LICENSE", llama)], &Options::default()).unwrap();
        assert_eq!(r.license.id.as_deref(), Some("llama-2-community"));
        assert_eq!(r.osi_approved, Some(false));
        let aup = include_str!("../data/corpus/ai/llama-2-aup.txt");
        let r = analyze(&[Document::new("USE_POLICY.md", aup)], &Options::default()).unwrap();
        assert_eq!(r.osi_approved, None, "a use policy is no license: {:?}", r.license.id);
    }

    #[test]
    fn declared_id_without_text() {
        let opts = Options { hf_license: Some("apache-2.0".into()), ..Options::default() };
        let r = analyze(&[], &opts).unwrap();
        assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
        assert_eq!(r.license.match_kind, MatchKind::Declared);
        assert_eq!(r.osi_approved, Some(true));
    }

    #[test]
    fn declared_name_without_text() {
        // Hubs other than Hugging Face declare names, not ids (ModelScope, Kaggle, Civitai).
        let cases = [
            ("Apache License 2.0", Some("Apache-2.0")),
            ("CreativeML Open RAIL-M", Some("creativeml-openrail-m")),
            ("Kolors License", None),
        ];
        for (name, want) in cases {
            let r = analyze(&[], &Options { hf_license: Some(name.into()), ..Options::default() }).unwrap();
            assert_eq!(r.license.id.as_deref(), want, "{name}");
            assert_eq!(r.license.match_kind, MatchKind::Declared);
        }
    }
}
