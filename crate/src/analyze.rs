//! One analysis: identify, extract clauses, decide the verdict and the badge.

use crate::clauses;
use crate::identify::{self, kb, named};
use crate::judge::{answers, declared, said, verdict};
use crate::model::{hub, lineage, recipe};
use crate::report::*;

/// The badge's class and words live in [`crate::judge::badge`]; these paths stay for callers of the flat layout.
pub use crate::judge::badge::{badge_for, badge_text};

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
                "input is {n} bytes (documents, model card and metadata), over the {} MiB limit for one analysis",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            InputError::Binary => write!(f, "input looks like binary data, not license text"),
        }
    }
}

impl std::error::Error for InputError {}

/// The bytes an author decides beside the documents: the model card and the metadata's lists
/// (tags, files, base models, datasets, the access form's prompt).
fn metadata_bytes(opts: &Options) -> usize {
    let list = |v: &[String]| v.iter().map(|s| s.len() + 1).sum::<usize>();
    let meta = opts.hf_metadata.as_ref().map_or(0, |m| {
        let c = &m.card_data;
        list(&m.tags)
            + m.siblings.as_deref().map_or(0, list)
            + list(&c.license)
            + list(&c.base_model)
            + list(&c.datasets)
            + list(&c.tags)
            + c.extra_gated_prompt.as_deref().map_or(0, str::len)
    });
    opts.model_card.as_deref().map_or(0, str::len) + meta
}

/// Check one input before analysis: all documents, the model card and the metadata count
/// against one cap ([`MAX_INPUT_BYTES`]).
pub fn check_input(docs: &[Document], opts: &Options) -> Result<(), InputError> {
    let total: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() + metadata_bytes(opts);
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
    crate::text::decode::looks_binary(text)
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
        let (named, named_warning) = named::named_match(docs);
        warnings.extend(named_warning);
        if let Some(m) = named {
            license = m;
        } else if let Some(hf) = declared {
            if docs.iter().all(|d| d.text.trim().is_empty()) {
                license = named::declared_match(hf);
            }
        }
    }
    if let (Some(hf), Some(id)) = (declared, license.id.as_deref()) {
        if let Some(w) = named::declared_mismatch(hf, id, license.match_kind) {
            warnings.push(w);
        } else if license.named.is_some() && !kb::is_hf_family(hf) {
            if let Some(d) = identify::names::by_name(hf).filter(|d| !kb::same_text(d.id, id)) {
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
            verdict = declared::declared_verdict(id, verdict, license.named.is_some());
        }
    }
    let verdict = verdict::with_additions(verdict, &license, &additions);
    // Fail closed: a passage the engine cannot read (another language or script, reordered or
    // disguised text) keeps the verdict from `open`, and the report marks it.
    let unread = verdict::unread(docs, &license, &ident.others, &clauses);
    let verdict = verdict::with_unread(verdict, &unread);
    warnings.extend(unread.iter().map(|u| u.reason.clone()).fold(vec![], |mut acc: Vec<String>, r| {
        if !acc.contains(&r) {
            acc.push(r);
        }
        acc
    }));
    let mut recipe = opts
        .hf_metadata
        .as_ref()
        .map(|m| recipe::assess(m, opts.model_card.as_deref(), &verdict));
    let mut badge = recipe::badge(&license, &verdict, recipe.as_ref());
    let mut lineage = None;
    let mut answers = answers::answers(&license, &verdict, &clauses);
    if let (Some(meta), Some(rec)) = (opts.hf_metadata.as_ref(), recipe.as_mut()) {
        let derived = ancestor_licenses(&opts.ancestors);
        if let Some(out) = lineage::resolve(meta, &license, &verdict, rec, &opts.ancestors, &derived) {
            badge = out.badge;
            warnings.extend(out.warnings);
            // The five answers count the base models whose terms bind this one, as the badge does.
            for (id, base) in &out.binding_answers {
                answers = answers::with_base(answers, base, id);
            }
            lineage = Some(out.lineage);
        }
    }
    badge.same_as_declared = crate::judge::badge::same_as_declared(&license, declared);
    let mut verdict = verdict;
    verdict.message = verdict::label_message(&verdict.label).or_else(|| said::message(&verdict.label));
    verdict.reason_messages = verdict::reason_messages(&verdict.reasons, &clauses)
        .into_iter()
        .zip(&verdict.reasons)
        .map(|(m, r)| m.or_else(|| said::message(r)))
        .collect();
    // The relabel warning is the lineage's own sentence, with its own message.
    let relabel = lineage.as_ref().and_then(|l| Some((l.relabel.as_deref()?, l.relabel_message.as_ref()?)));
    let warning_messages = warnings
        .iter()
        .map(|w| match relabel {
            Some((r, m)) if r == w => Some(m.clone()),
            _ => said::message(w),
        })
        .collect();
    let in_short = answers::in_short(&answers);
    let in_short_message = answers::in_short_message(&answers);
    Ok(Report {
        answers,
        in_short,
        in_short_message,
        osi_approved: if !unread.is_empty()
            && (matches!(license.match_kind, MatchKind::Modified | MatchKind::Partial) || verdict.class == VerdictClass::Unknown)
            && facts.and_then(|f| f.osi_approved) == Some(true)
        {
            // A known open text with passages beside or inside it that were not read (whether
            // counted as changes or, like a reversed or disguised line, passed as formatting): whether
            // the whole is still that license is not known.
            None
        } else {
            verdict::osi_approved(&license, facts, docs.iter().any(|d| !d.text.trim().is_empty()), &verdict)
        },
        license,
        verdict,
        clauses,
        badge,
        also_found: ident.others,
        warnings,
        warning_messages,
        unread,
        recipe,
        lineage,
        engine: engine_info(),
        disclaimer: DISCLAIMER.into(),
    })
}

/// The license of each ancestor the caller gave no report for, read here so that lineage (a later
/// stage than this one's callees, and below the orchestrator) never calls back into `analyze`: its
/// gated prompt (Meta and Google put the license text there) when identification recognises it,
/// else its declared id. Models of one family usually share both, so each (declared id, prompt)
/// pair is analysed once.
fn ancestor_licenses(ancestors: &[lineage::Ancestor]) -> Vec<Option<Report>> {
    let mut cache: Vec<((Option<&str>, Option<&str>), Option<Report>)> = vec![];
    ancestors
        .iter()
        .map(|a| {
            let meta = a.metadata.as_ref().filter(|_| a.report.is_none())?;
            let declared = meta.declared_license_id();
            let prompt = meta.card_data.extra_gated_prompt.as_deref().filter(|p| !p.trim().is_empty());
            if let Some((_, r)) = cache.iter().find(|(k, _)| *k == (declared, prompt)) {
                return r.clone();
            }
            let opts = Options { hf_license: declared.map(str::to_string), ..Options::default() };
            let from_prompt = prompt
                .and_then(|p| analyze(&[Document::new("extra_gated_prompt", p)], &opts).ok())
                .filter(|r| r.license.id.is_some());
            let report = from_prompt.or_else(|| declared.and_then(|_| analyze(&[], &opts).ok()));
            cache.push(((declared, prompt), report.clone()));
            report
        })
        .collect()
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
