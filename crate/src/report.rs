//! The report contract of `shared/spec/README.md`: the one JSON shape that the
//! CLI, the WASM `analyze`, the extension and the checker all produce.
//!
//! Field names and enum spellings here are fixed by the contract; fields may be
//! added beside them.

use serde::{Deserialize, Serialize};

/// One document given to an analysis (a LICENSE, a USE_POLICY.md, a gated prompt, ...).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Where it came from (a file name or URL), for display only.
    #[serde(default)]
    pub name: String,
    /// The text exactly as given. Evidence offsets are UTF-8 byte offsets into it.
    pub text: String,
}

impl Document {
    /// A document with a display name.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into() }
    }
}

/// The full report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// Which license the text is, and how closely.
    pub license: LicenseMatch,
    /// The verdict from the license alone.
    pub verdict: Verdict,
    /// Whether the identified license is OSI-approved (null when unknown).
    pub osi_approved: Option<bool>,
    /// Clauses found in the text, each with verbatim evidence.
    pub clauses: Vec<Clause>,
    /// The class shown on a model page (license + recipe + lineage).
    pub badge: Badge,
    /// Other licenses recognised in the input (a use policy beside the license, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_found: Vec<LicenseMatch>,
    /// Problems with the input that did not stop the analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// What the release discloses beside its weights (when hub metadata was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipe: Option<crate::recipe::Recipe>,
    /// The base models and what their licenses do to this one (when the metadata names any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<crate::lineage::Lineage>,
    /// Version of the engine and of the embedded knowledge base.
    pub engine: EngineInfo,
    /// Always present: this is not legal advice.
    pub disclaimer: String,
}

/// Version information.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EngineInfo {
    /// Crate version.
    pub version: String,
    /// Version of the embedded knowledge base.
    pub kb_version: String,
    /// Number of licenses in the knowledge base.
    pub kb_licenses: usize,
}

/// `license.match` of the contract.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// Identical to the known text after normalization.
    Exact,
    /// Differs only in formatting, markup, titles, copyright lines or variable parts.
    Equivalent,
    /// A known license whose wording was changed in substance.
    Modified,
    /// The known license is only part of the input, or only part of it is present.
    Partial,
    /// No text, only a declared id.
    Declared,
    /// No known license fits.
    Unknown,
}

/// `license` of the contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LicenseMatch {
    /// SPDX id or corpus id; null when nothing known matches.
    pub id: Option<String>,
    /// Full name of the license.
    pub name: Option<String>,
    /// How the text relates to the known license.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// 0.0 ..= 1.0.
    pub confidence: f64,
    /// Substantive changes against the known text.
    pub changes: Vec<Change>,
    /// Which document of the input this match is about (extra field).
    #[serde(default)]
    pub doc: usize,
    /// UTF-8 byte range `[start, end)` of document `doc` that the known text covers, or that
    /// names the license (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    /// When the input only names the license ("This model is licensed under the Apache License,
    /// Version 2.0") without its text: where it says so. The match is then `declared`: the terms
    /// were not read (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<Evidence>,
}

impl LicenseMatch {
    /// Nothing known matched.
    pub fn unknown() -> Self {
        LicenseMatch {
            id: None,
            name: None,
            match_kind: MatchKind::Unknown,
            confidence: 0.0,
            changes: vec![],
            doc: 0,
            span: None,
            named: None,
        }
    }
}

/// A substantive change of the input against the known text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    /// `added`, `removed` or `replaced`.
    pub kind: ChangeKind,
    /// The words of the input (for `removed`, the words of the known text that are missing).
    pub text: String,
    /// Document index in the input.
    pub doc: usize,
    /// UTF-8 byte offsets into that document (for `removed`, where the words would have been).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// For `replaced` and `removed`: the known license's words (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

/// Kind of change.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Words in the input that the known text lacks.
    Added,
    /// Words of the known text missing from the input.
    Removed,
    /// Words of the known text replaced by others.
    Replaced,
}

/// `verdict.class` of the contract.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictClass {
    /// OSI-approved or open-content license with no added restriction.
    Open,
    /// Commercial use allowed, with strings.
    Restricted,
    /// No commercial use.
    NonCommercial,
    /// Research or evaluation only.
    ResearchOnly,
    /// Cannot tell.
    Unknown,
}

/// `verdict` of the contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Verdict {
    /// The class.
    pub class: VerdictClass,
    /// A short human label.
    pub label: String,
    /// Why, in plain words.
    pub reasons: Vec<String>,
}

/// One clause found in the input.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Clause {
    /// One of the ids of `shared/spec/clauses.json`.
    pub kind: String,
    /// A one-line plain summary.
    pub summary: String,
    /// The value, where the kind has one (integer, string, or array of region codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ClauseValue>,
    /// The value's unit as the text states it ("users per month", "USD per year",
    /// "EUR per year"): amounts are never converted (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Verbatim quotes; never empty.
    pub evidence: Vec<Evidence>,
}

/// A clause's value.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum ClauseValue {
    /// A count or an amount.
    Integer(u64),
    /// Region codes.
    Regions(Vec<String>),
    /// Free text (attribution text, brand, jurisdiction).
    Text(String),
}

/// A verbatim quote: `docs[doc].text[start..end] == quote`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    /// Document index.
    pub doc: usize,
    /// The exact text.
    pub quote: String,
    /// UTF-8 byte offset.
    pub start: usize,
    /// UTF-8 byte offset (exclusive).
    pub end: usize,
}

/// `badge.class` of the contract.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeClass {
    /// Open license and data, code and paper disclosed.
    OpenSourceAi,
    /// Open license, recipe not (fully) disclosed.
    OpenWeightsPermissive,
    /// Commercial use with strings.
    OpenWeightsRestricted,
    /// No commercial use.
    NonCommercial,
    /// Research only.
    ResearchOnly,
    /// Cannot tell.
    Unknown,
}

/// `badge` of the contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Badge {
    /// The class.
    pub class: BadgeClass,
    /// The text shown on the badge.
    pub text: String,
}

/// The disclaimer every report carries.
pub const DISCLAIMER: &str = "Fine Print reads license text automatically. It is not legal advice: read the license itself, and ask a lawyer before you rely on it.";
