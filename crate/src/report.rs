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
    /// Each of `warnings` as a message of the UI's message files, where one says it (extra field;
    /// `null` where only English does).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warning_messages: Vec<Option<Message>>,
    /// Passages the engine could not read (another language or script, reordered or disguised
    /// text), each marked in its document: while any is there the verdict is not `open`
    /// (extra field; absent when every passage was read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<UnreadPassage>,
    /// What the release discloses beside its weights (when hub metadata was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipe: Option<Recipe>,
    /// The base models and what their licenses do to this one (when the metadata names any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
    /// The five questions people bring to a license, answered from its clauses (always five, in
    /// the order of `answers::QUESTIONS`).
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// One sentence that says it all, from the answers (extra field).
    #[serde(default)]
    pub in_short: String,
    /// `in_short` as a message (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_short_message: Option<Message>,
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

/// A passage the engine could not read, marked in its document (extra field of the report).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UnreadPassage {
    /// Document index in the input.
    pub doc: usize,
    /// UTF-8 byte offsets into that document; `quote` is that slice.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The passage, verbatim.
    pub quote: String,
    /// What it is in, as a reader would name it: "Chinese", "German", "Cyrillic script",
    /// "reordered text", "disguised words", "words of no known language".
    pub language: String,
    /// The sentence to show: "Part of this text is in Chinese and was not read".
    pub reason: String,
}

/// A difference of the input from the known text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    /// `added`, `removed` or `replaced`.
    pub kind: ChangeKind,
    /// Whether it changes what the text grants or demands (a number, a negation, a party, words of
    /// a term added, removed or replaced). An immaterial difference (a title or heading, a name or
    /// year in a replaceable part, optional text, a spelling, hyphenation, wrapping or encoding
    /// artefact) leaves the license what it is.
    #[serde(default = "yes")]
    pub material: bool,
    /// What the difference is, in one word (extra field): for an immaterial one `title`, `name`,
    /// `optional`, `spelling` (hyphenation, wrapping, encoding); for a material one `number`,
    /// `negation`, `wording`, `addition`, `removal`.
    #[serde(default)]
    pub aspect: String,
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

fn yes() -> bool {
    true
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
    /// The label as a message (extra field; absent for a label only English words exist for yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// Each of `reasons` as a message, where one says it (extra field; `null` where only English does).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reason_messages: Vec<Option<Message>>,
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
    /// The summary as a message of the UI's message files, for any language (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
}

/// Words for the reader, in any language: the id of a message in the UI's message files
/// (`_locales/<locale>/messages.json`) and what fills its `$1`, `$2`, ... in order. The English
/// text beside it (a `summary`, `in_short`, the badge's `text`) says the same in English; the
/// renderer picks the language (extension/shared/i18n.js).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Message {
    /// The message id.
    pub id: String,
    /// Its arguments, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<MessageArg>,
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum MessageArg {
    /// A number, written with the locale's digit grouping.
    Number(u64),
    /// Text given as is (a quote, a name, a currency code).
    Text(String),
    /// A count in words ("700 million"; in Chinese "7亿").
    Words {
        /// The count.
        words: u64,
    },
    /// Region codes, each by the locale's name for it when it has one.
    Regions {
        /// The codes.
        regions: Vec<String>,
    },
    /// Messages joined with the locale's list separator.
    List {
        /// The messages.
        list: Vec<Message>,
    },
    /// Another message.
    Message(Message),
}

impl Message {
    /// A message with no arguments.
    pub fn new(id: impl Into<String>) -> Message {
        Message { id: id.into(), args: vec![] }
    }
    /// A message with arguments.
    pub fn with(id: impl Into<String>, args: Vec<MessageArg>) -> Message {
        Message { id: id.into(), args }
    }
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
    /// The hub's own license chip (its declared id) names the same license, so the badge need not
    /// repeat the id beside its words (extra field; absent when false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub same_as_declared: bool,
    /// The text as a message (extra field; absent where only English words exist yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
}

/// `answers[].answer` of the contract.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    /// Yes, at most with the usual notice and attribution duties.
    Allowed,
    /// Yes, within limits the text sets.
    AllowedWithConditions,
    /// The text forbids it.
    NotAllowed,
    /// The text says nothing either way.
    NotAddressed,
}

/// One of the five answers.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Answer {
    /// `commercial_use`, `modify`, `redistribute`, `train_on_outputs` or `host_as_service`.
    pub question: String,
    /// The answer.
    pub answer: AnswerKind,
    /// A few plain words.
    pub summary: String,
    /// The clause kinds it rests on.
    pub clauses: Vec<String>,
    /// The summary as a message (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// The base model whose binding terms give this answer, when they are stricter than the model's
    /// own license (extra field; absent when the answer is the model's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_base: Option<String>,
}

/// The disclaimer every report carries.
pub const DISCLAIMER: &str = "Fine Print reads license text automatically. It is not legal advice: read the license itself, and ask a lawyer before you rely on it.";

// ---- the recipe (what a release discloses; computed by `model::recipe`) ----

/// The recipe part of a report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Recipe {
    /// The dimensions, in the order of the spec.
    pub dimensions: Vec<Dimension>,
    /// The Model Openness Framework class these signals point to.
    pub mof: MofClass,
    /// Training data, training code and paper are all disclosed.
    pub disclosed: bool,
}

/// A dot's state.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Dot {
    /// The signal shows it.
    Disclosed,
    /// Some of it, or a weaker form.
    Partial,
    /// Looked for and not found.
    NotFound,
    /// The input did not allow a look (no model card, no file list, unknown license).
    NotAssessed,
}

/// One dimension of the recipe.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Dimension {
    /// `weights`, `license_declared`, `license_open`, `lineage`, `training_data`,
    /// `training_code`, `paper`, `model_card`.
    pub id: String,
    /// Short human label.
    pub label: String,
    /// The dot.
    pub status: Dot,
    /// The spec's value (`open`, `gated`, `none`, `declared`, `listed`, ...).
    pub value: String,
    /// The signals seen (tags, file names, links), at most a few.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Why the dot is what it is, when that is not obvious.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The "likely" Model Openness Framework class.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MofClass {
    /// `I` (Open Science), `II` (Open Tooling), `III` (Open Model), or null.
    pub class: Option<String>,
    /// e.g. "likely Class II (Open Tooling)".
    pub label: String,
    /// What the next class up would need, as seen here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// Dimension ids.
pub mod dim {
    /// Weights downloadable.
    pub const WEIGHTS: &str = "weights";
    /// License declared.
    pub const LICENSE_DECLARED: &str = "license_declared";
    /// License open.
    pub const LICENSE_OPEN: &str = "license_open";
    /// Lineage.
    pub const LINEAGE: &str = "lineage";
    /// Training data.
    pub const TRAINING_DATA: &str = "training_data";
    /// Training code.
    pub const TRAINING_CODE: &str = "training_code";
    /// Paper.
    pub const PAPER: &str = "paper";
    /// Model card.
    pub const MODEL_CARD: &str = "model_card";
}

// ---- lineage (the base models; computed by `model::lineage`) ----

/// How a model derives from a base model.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Further training of the base's weights.
    Finetune,
    /// A small set of weights (LoRA, ...) applied on top of the base.
    Adapter,
    /// The base's weights in a smaller number format (GGUF, GPTQ, AWQ, ...).
    Quantized,
    /// Weights combined from several bases.
    Merge,
    /// Not said.
    Unspecified,
}

/// Where a relation was read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RelationSource {
    /// A `base_model:{relation}:{id}` tag (set by the Hub).
    Tag,
    /// `cardData.base_model_relation`.
    Card,
    /// Guessed from the files or the number of bases, as the Hub does.
    Inferred,
}

/// One declared base model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BaseRef {
    /// Hub model id.
    pub id: String,
    /// How the model derives from it.
    pub relation: Relation,
    /// Where the relation was read.
    pub source: RelationSource,
}

/// One ancestor in the report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Node {
    /// Hub model id.
    pub id: String,
    /// 1 for a direct base, 2 for its base, ...
    pub depth: usize,
    /// The model that names it as base.
    pub child: String,
    /// How `child` derives from it.
    pub relation: Relation,
    /// Whether it could be read.
    pub status: NodeStatus,
    /// The license as the Hub labels it (`llama3`, `apache-2.0`, `other`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_label: Option<String>,
    /// The license's id (as in `license.id`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_id: Option<String>,
    /// The license's name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_name: Option<String>,
    /// Its license verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictClass>,
    /// Its own badge (license and recipe, before lineage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<BadgeClass>,
    /// Whether its license terms bind derivatives (false when its license is open).
    pub passes_on: bool,
    /// Anything worth saying about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `note` as a message of the UI's message files (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_message: Option<Message>,
}

/// Whether an ancestor could be read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NodeStatus {
    /// Metadata or a report was given.
    Found,
    /// Found; its files are gated (the metadata is public).
    Gated,
    /// The caller could not read it (not found, private, error).
    Unavailable,
    /// Not given (not fetched yet, or over the request budget).
    NotFetched,
    /// Already in its own chain: not followed again.
    Cycle,
    /// Deeper than the lineage stage's `MAX_DEPTH`: not followed.
    BeyondDepth,
}

/// The license that applies once ancestors are counted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Effective {
    /// The badge class.
    pub class: BadgeClass,
    /// The license that sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_name: Option<String>,
    /// The ancestor it comes from; null when it is the model's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The lineage part of a report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Lineage {
    /// The direct bases.
    pub bases: Vec<BaseRef>,
    /// Every ancestor, nearest first.
    pub chain: Vec<Node>,
    /// What applies once ancestors are counted.
    pub effective: Effective,
    /// The relabel warning, when the declared license is freer than the effective one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relabel: Option<String>,
    /// `relabel` as a message of the UI's message files (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relabel_message: Option<Message>,
    /// Every ancestor up to the lineage stage's `MAX_DEPTH` was read.
    pub complete: bool,
    /// Cycles, unreadable ids, licenses that also apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Each of `notes` as a message, where one says it (extra field; `null` where only English does).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note_messages: Vec<Option<Message>>,
    /// The clauses of each base model whose terms bind this one, nearest first (extra field): what
    /// the personal answer judges beside the model's own clauses. Their evidence is in the base's
    /// own documents (its license or gated prompt), not in this report's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inherited: Vec<Inherited>,
}

/// A binding base model's clauses (see [`Lineage::inherited`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Inherited {
    /// The base model's id.
    pub from: String,
    /// Its clauses.
    pub clauses: Vec<Clause>,
}
