//! The recipe: what a release discloses beside its weights, from hub metadata
//! and the model card (`shared/spec/openness.md`).
//!
//! Each dimension is a dot (`disclosed`, `partial`, `not-found`,
//! `not-assessed`) with the value the spec names, the signals it rests on, and
//! a note when the signal is weak. Nothing here reads more than the metadata
//! and the card show: a paper *cited* by a card is a paper cited, not proof
//! that it describes this model.

use super::bases;
use super::hub::{is_placeholder_license, HubModel};
pub use crate::judge::badge::badge;
pub use crate::report::{dim, Dimension, Dot, MofClass, Recipe};
use crate::report::{Verdict, VerdictClass};
use regex::Regex;

use std::sync::LazyLock;


/// At most this many evidence items per dimension.
const MAX_EVIDENCE: usize = 5;

/// Assess the recipe from metadata, the model card text (README.md, if read)
/// and the license verdict.
pub fn assess(meta: &HubModel, card: Option<&str>, verdict: &Verdict) -> Recipe {
    let card = card.map(Card::parse);
    let dimensions = vec![
        weights(meta),
        license_declared(meta),
        license_open(verdict),
        lineage_dim(meta, card.as_ref()),
        training_data(meta, card.as_ref()),
        training_code(meta, card.as_ref()),
        paper(meta, card.as_ref()),
        model_card(meta, card.as_ref()),
    ];
    finish(dimensions)
}

/// Recompute the summary fields after dimensions changed.
pub fn finish(dimensions: Vec<Dimension>) -> Recipe {
    let mut r = Recipe { dimensions, mof: MofClass { class: None, label: String::new(), missing: vec![] }, disclosed: false };
    r.disclosed = [dim::TRAINING_DATA, dim::TRAINING_CODE, dim::PAPER]
        .iter()
        .all(|d| r.status(d) == Some(Dot::Disclosed));
    r.mof = mof(&r);
    r
}

impl Recipe {
    /// A dimension by id.
    pub fn get(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// A dimension's dot.
    pub fn status(&self, id: &str) -> Option<Dot> {
        self.get(id).map(|d| d.status)
    }

    /// Replace a dimension (by id) and recompute the summary.
    pub fn replace(&mut self, d: Dimension) {
        let mut dims = std::mem::take(&mut self.dimensions);
        match dims.iter_mut().find(|x| x.id == d.id) {
            Some(slot) => *slot = d,
            None => dims.push(d),
        }
        *self = finish(dims);
    }

    /// A quantization is the same model: where it discloses no training data,
    /// code or paper of its own, its base's count, marked as such.
    pub fn inherit_from_base(&mut self, base: &Recipe, base_id: &str) {
        let mut dims = std::mem::take(&mut self.dimensions);
        for d in dims.iter_mut() {
            if ![dim::TRAINING_DATA, dim::TRAINING_CODE, dim::PAPER].contains(&d.id.as_str()) {
                continue;
            }
            if let Some(b) = base.get(&d.id) {
                if rank_dot(b.status) > rank_dot(d.status) {
                    *d = Dimension {
                        note: Some(format!("from the base model {base_id} (this repository is a quantization of it)")),
                        ..b.clone()
                    };
                }
            }
        }
        *self = finish(dims);
    }
}

/// Higher is more disclosed.
fn rank_dot(d: Dot) -> u8 {
    match d {
        Dot::Disclosed => 3,
        Dot::Partial => 2,
        Dot::NotFound => 1,
        Dot::NotAssessed => 0,
    }
}

fn d(id: &str, label: &str, status: Dot, value: &str, evidence: Vec<String>, note: Option<String>) -> Dimension {
    let mut evidence = evidence;
    evidence.truncate(MAX_EVIDENCE);
    Dimension { id: id.into(), label: label.into(), status, value: value.into(), evidence, note }
}

// ---- weights ---------------------------------------------------------------

const WEIGHT_EXTENSIONS: &[&str] = &[
    ".safetensors", ".bin", ".gguf", ".ggml", ".ckpt", ".pt", ".pth", ".onnx", ".h5", ".keras", ".msgpack",
    ".ot", ".mlmodel", ".tflite", ".nemo", ".npz", ".pdparams", ".llamafile",
];

/// Training state and other binaries that are not the model's weights.
const NOT_WEIGHTS: &[&str] = &["training_args.bin", "optimizer.pt", "scheduler.pt", "scaler.pt", "trainer_state"];

/// Whether a repository file holds model weights.
pub fn is_weight_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower);
    if NOT_WEIGHTS.iter().any(|n| base.starts_with(n)) || base.starts_with("rng_state") {
        return false;
    }
    WEIGHT_EXTENSIONS.iter().any(|e| base.ends_with(e))
}

fn weights(meta: &HubModel) -> Dimension {
    const L: &str = "Weights downloadable";
    let Some(files) = meta.siblings.as_ref() else {
        return d(dim::WEIGHTS, L, Dot::NotAssessed, "unknown", vec![], Some("the metadata lists no files".into()));
    };
    let found: Vec<String> = files.iter().filter(|f| is_weight_file(f)).cloned().collect();
    if found.is_empty() {
        return d(dim::WEIGHTS, L, Dot::NotFound, "none", vec![], Some("no weight file among the repository's files".into()));
    }
    if meta.gated.is_gated() {
        let note = format!("access is gated ({}): the files download after a request", meta.gated.as_str());
        return d(dim::WEIGHTS, L, Dot::Partial, "gated", found, Some(note));
    }
    if meta.disabled == Some(true) {
        return d(dim::WEIGHTS, L, Dot::Partial, "disabled", found, Some("the repository is disabled".into()));
    }
    d(dim::WEIGHTS, L, Dot::Disclosed, "open", found, None)
}

// ---- license ---------------------------------------------------------------

/// LICENSE, LICENCE, COPYING (any case, optional extension or suffix).
pub fn is_license_file(path: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^(licen[cs]e|copying)([-_.][a-z0-9._-]*)?$").unwrap());
    let base = path.rsplit('/').next().unwrap_or(path);
    RE.is_match(base)
}

fn license_declared(meta: &HubModel) -> Dimension {
    const L: &str = "License declared";
    let labels = meta.declared_labels();
    let name = meta.card_data.license_name.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let link = meta.card_data.license_link.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let files: Vec<String> = meta.files().iter().filter(|f| is_license_file(f)).cloned().collect();
    let mut ev: Vec<String> = labels.iter().map(|l| format!("license: {l}")).collect();
    ev.extend(name.map(|n| format!("license_name: {n}")));
    ev.extend(link.map(|l| format!("license_link: {l}")));
    ev.extend(files.iter().cloned());
    let named = labels.iter().any(|l| !is_placeholder_license(l));
    let note = (labels.len() > 1).then(|| format!("several licenses declared ({}); the first is read", labels.join(", ")));
    if named || name.is_some() || (link.is_some() && !labels.is_empty()) {
        return d(dim::LICENSE_DECLARED, L, Dot::Disclosed, "declared", ev, note);
    }
    if !files.is_empty() || link.is_some() {
        let note = if labels.is_empty() {
            "no license id in the metadata; a license file is present".to_string()
        } else {
            format!("labelled '{}' with no name; a license file is present", labels[0])
        };
        return d(dim::LICENSE_DECLARED, L, Dot::Partial, "text only", ev, Some(note));
    }
    let note = match labels.first() {
        Some(l) => format!("labelled '{l}' with no name, link or license file"),
        None => "no license in the metadata and no license file".into(),
    };
    d(dim::LICENSE_DECLARED, L, Dot::NotFound, "missing", ev, Some(note))
}

fn license_open(v: &Verdict) -> Dimension {
    const L: &str = "License open";
    match v.class {
        VerdictClass::Open => d(dim::LICENSE_OPEN, L, Dot::Disclosed, "open", vec![v.label.clone()], None),
        VerdictClass::Unknown => d(
            dim::LICENSE_OPEN,
            L,
            Dot::NotAssessed,
            "unknown",
            vec![],
            Some("the license could not be identified".into()),
        ),
        _ => d(dim::LICENSE_OPEN, L, Dot::NotFound, "not open", vec![v.label.clone()], None),
    }
}

// ---- lineage ---------------------------------------------------------------

fn lineage_dim(meta: &HubModel, card: Option<&Card>) -> Dimension {
    const L: &str = "Lineage";
    let bases = bases::base_models(meta);
    if bases.is_empty() {
        if let Some(c) = card {
            static RE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(
                    r"(?i)(?-u:\b)(fine-?tuned|quantized|merged|adapted|distilled)(?-u:\s)+(version(?-u:\s)+)?(of|from)(?-u:\s)+[\[`]?[a-z0-9]|(?-u:\b)an?(?-u:\s)+(fine-?tune|quantization|quantized version|merge|lora adapter)(?-u:\s)+of(?-u:\b)",
                )
                .unwrap()
            });
            if let Some(m) = RE.find(&c.body) {
                return d(
                    dim::LINEAGE,
                    L,
                    Dot::Partial,
                    "unknown",
                    vec![snippet(&c.body, m.start(), m.end())],
                    Some("the card describes a derived model but the metadata declares no base_model".into()),
                );
            }
        }
        return d(dim::LINEAGE, L, Dot::Disclosed, "original", vec![], Some("no base model declared".into()));
    }
    let ev = bases.iter().map(|b| format!("{} of {}", b.relation.as_str(), b.id)).collect();
    d(dim::LINEAGE, L, Dot::Disclosed, "base known", ev, None)
}

// ---- training data ---------------------------------------------------------

fn training_data(meta: &HubModel, card: Option<&Card>) -> Dimension {
    const L: &str = "Training data";
    let mut listed: Vec<String> = vec![];
    for ds in meta.card_data.datasets.iter().map(String::as_str).chain(meta.tag_values("dataset")) {
        if !listed.iter().any(|l| l.eq_ignore_ascii_case(ds)) {
            listed.push(ds.to_string());
        }
    }
    if let Some(c) = card {
        for l in &c.links {
            if let Some(ds) = hf_dataset_link(l) {
                if !listed.iter().any(|x| x.eq_ignore_ascii_case(&ds)) {
                    listed.push(ds);
                }
            }
        }
    }
    if !listed.is_empty() {
        return d(dim::TRAINING_DATA, L, Dot::Disclosed, "listed", listed, None);
    }
    match card {
        Some(c) => match c.section(Topic::TrainingData) {
            Some(h) => d(
                dim::TRAINING_DATA,
                L,
                Dot::Partial,
                "described",
                vec![format!("section: {h}")],
                Some("the card describes the data but names no dataset".into()),
            ),
            None => d(dim::TRAINING_DATA, L, Dot::NotFound, "none", vec![], None),
        },
        None => d(
            dim::TRAINING_DATA,
            L,
            Dot::NotFound,
            "none",
            vec![],
            Some("no dataset in the metadata; the model card was not read".into()),
        ),
    }
}

fn hf_dataset_link(url: &str) -> Option<String> {
    let rest = url.split("huggingface.co/datasets/").nth(1)?;
    let parts: Vec<&str> = rest.split(['/', '?', '#']).filter(|s| !s.is_empty()).take(2).collect();
    match parts.as_slice() {
        [owner, name] => Some(format!("{owner}/{name}")),
        [name] => Some(name.to_string()),
        _ => None,
    }
}

// ---- training code ---------------------------------------------------------

/// Repositories of general-purpose tools: a link to one shows which tool was
/// used, not the model's own training code.
const TOOL_REPOS: &[&str] = &[
    "huggingface/transformers", "huggingface/trl", "huggingface/peft", "huggingface/accelerate",
    "huggingface/diffusers", "huggingface/datasets", "huggingface/optimum", "huggingface/text-generation-inference",
    "huggingface/huggingface_hub", "microsoft/deepspeed", "pytorch/pytorch", "ggerganov/llama.cpp",
    "ggml-org/llama.cpp", "vllm-project/vllm", "unslothai/unsloth", "openaccess-ai-collective/axolotl",
    "axolotl-ai-cloud/axolotl", "hiyouga/llama-factory", "arcee-ai/mergekit", "cg123/mergekit",
    "ukplab/sentence-transformers", "eleutherai/lm-evaluation-harness", "autogptq/autogptq",
    "casper-hansen/autoawq", "turboderp/exllamav2", "lmstudio-ai/lms", "ollama/ollama",
];

const CODE_HOSTS: &[&str] = &["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"];

/// `owner/repo` of a link to a code host, lowercased.
fn code_repo(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let (host, path) = rest.split_once('/')?;
    if !CODE_HOSTS.contains(&host.to_ascii_lowercase().as_str()) {
        return None;
    }
    let parts: Vec<&str> = path.split(['/', '?', '#']).filter(|s| !s.is_empty()).take(2).collect();
    match parts.as_slice() {
        [owner, repo] => Some(format!("{}/{}", owner, repo.trim_end_matches(".git")).to_ascii_lowercase()),
        _ => None,
    }
}

/// Repository scripts that look like training code.
fn is_training_script(path: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(^|/)([a-z0-9_-]*(train|fine[-_]?tun|pretrain|sft|dpo|rlhf)[a-z0-9_-]*)\.(py|sh|ipynb|ya?ml)$").unwrap()
    });
    RE.is_match(path) && !path.to_ascii_lowercase().contains("training_args")
}

fn training_code(meta: &HubModel, card: Option<&Card>) -> Dimension {
    const L: &str = "Training code";
    let mut linked = vec![];
    let mut tools = vec![];
    let mut other = vec![];
    if let Some(c) = card {
        for (url, training) in c.link_contexts() {
            let Some(repo) = code_repo(&url) else { continue };
            let bucket = if TOOL_REPOS.contains(&repo.as_str()) {
                &mut tools
            } else if training {
                &mut linked
            } else {
                &mut other
            };
            if !bucket.contains(&url) {
                bucket.push(url);
            }
        }
    }
    if !linked.is_empty() {
        return d(dim::TRAINING_CODE, L, Dot::Disclosed, "linked", linked, None);
    }
    let scripts: Vec<String> = meta.files().iter().filter(|f| is_training_script(f)).cloned().collect();
    if !scripts.is_empty() {
        return d(
            dim::TRAINING_CODE,
            L,
            Dot::Partial,
            "script in repository",
            scripts,
            Some("training scripts in the repository; not confirmed to be the code that trained this model".into()),
        );
    }
    if !other.is_empty() {
        return d(
            dim::TRAINING_CODE,
            L,
            Dot::Partial,
            "repository linked",
            other,
            Some("a code repository is linked, but not as training code".into()),
        );
    }
    if !tools.is_empty() {
        return d(
            dim::TRAINING_CODE,
            L,
            Dot::Partial,
            "tool only",
            tools,
            Some("only general-purpose tools are linked, not this model's training code".into()),
        );
    }
    match card {
        Some(_) => d(dim::TRAINING_CODE, L, Dot::NotFound, "none", vec![], None),
        None => d(
            dim::TRAINING_CODE,
            L,
            Dot::NotAssessed,
            "unknown",
            vec![],
            Some("code links come from the model card, which was not read".into()),
        ),
    }
}

// ---- paper -----------------------------------------------------------------

fn paper(meta: &HubModel, card: Option<&Card>) -> Dimension {
    const L: &str = "Paper";
    let mut ev: Vec<String> = meta.tag_values("arxiv").iter().map(|a| format!("arxiv:{a}")).collect();
    if let Some(c) = card {
        ev.extend(c.links.iter().filter(|l| is_paper_link(l)).cloned());
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(arxiv:(?-u:\s)?[0-9]{4}\.[0-9]{4,5}|doi:(?-u:\s)?10\.[0-9]{4,9}/[^\s)\]]+)").unwrap()
        });
        ev.extend(RE.find_iter(&c.body).map(|m| m.as_str().to_string()));
    }
    let mut seen: Vec<String> = vec![];
    ev.retain(|e| {
        let k = e.to_ascii_lowercase();
        let fresh = !seen.contains(&k);
        seen.push(k);
        fresh
    });
    if !ev.is_empty() {
        return d(
            dim::PAPER,
            L,
            Dot::Disclosed,
            "yes",
            ev,
            Some("a paper is cited; it may describe a method rather than this model".into()),
        );
    }
    let note = card.is_none().then(|| "no arxiv tag; the model card was not read".to_string());
    d(dim::PAPER, L, Dot::NotFound, "no", vec![], note)
}

fn is_paper_link(url: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^https?://(www\.)?(arxiv\.org/(abs|pdf)/|(dx\.)?doi\.org/10\.|openreview\.net/(forum|pdf)|aclanthology\.org/|proceedings\.(neurips\.cc|mlr\.press)/|papers\.nips\.cc/|huggingface\.co/papers/\d)",
        )
        .unwrap()
    });
    RE.is_match(url)
}

// ---- model card ------------------------------------------------------------

fn model_card(meta: &HubModel, card: Option<&Card>) -> Dimension {
    const L: &str = "Model card";
    let Some(c) = card else {
        let has_readme = meta.files().iter().any(|f| f.eq_ignore_ascii_case("README.md"));
        return if meta.siblings.is_some() && !has_readme {
            d(dim::MODEL_CARD, L, Dot::NotFound, "none", vec![], Some("no README.md in the repository".into()))
        } else {
            d(dim::MODEL_CARD, L, Dot::NotAssessed, "unknown", vec![], Some("the model card was not read".into()))
        };
    };
    let topics = [Topic::Training, Topic::Evaluation, Topic::Limitations, Topic::IntendedUse];
    let found: Vec<String> =
        topics.iter().filter_map(|t| c.section(*t).map(|h| format!("{}: {h}", t.name()))).collect();
    let missing: Vec<&str> = topics.iter().filter(|t| c.section(**t).is_none()).map(|t| t.name()).collect();
    let note = (!missing.is_empty()).then(|| format!("no section on {}", missing.join(", ")));
    match found.len() {
        4 => d(dim::MODEL_CARD, L, Dot::Disclosed, "full", found, None),
        0 => d(dim::MODEL_CARD, L, Dot::NotFound, "stub", found, note),
        _ => d(dim::MODEL_CARD, L, Dot::Partial, "partial", found, note),
    }
}

// ---- Model Openness Framework ----------------------------------------------

fn mof(r: &Recipe) -> MofClass {
    let ok = |id: &str| r.status(id) == Some(Dot::Disclosed);
    let some = |id: &str| matches!(r.status(id), Some(Dot::Disclosed | Dot::Partial));
    let mut missing = vec![];
    if !ok(dim::LICENSE_OPEN) {
        missing.push("an open license".to_string());
    }
    if !some(dim::WEIGHTS) {
        missing.push("downloadable weights".into());
    }
    if !some(dim::MODEL_CARD) {
        missing.push("a model card".into());
    }
    if !missing.is_empty() {
        return MofClass { class: None, label: "no Model Openness Framework class".into(), missing };
    }
    if !ok(dim::TRAINING_CODE) {
        return MofClass {
            class: Some("III".into()),
            label: "likely Class III (Open Model)".into(),
            missing: vec!["training code".into()],
        };
    }
    let mut missing = vec![];
    if !ok(dim::TRAINING_DATA) {
        missing.push("training data".to_string());
    }
    if !ok(dim::PAPER) {
        missing.push("a paper".into());
    }
    if !missing.is_empty() {
        return MofClass { class: Some("II".into()), label: "likely Class II (Open Tooling)".into(), missing };
    }
    MofClass { class: Some("I".into()), label: "likely Class I (Open Science)".into(), missing: vec![] }
}

// ---- the model card text ---------------------------------------------------

/// What a card section is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Training,
    TrainingData,
    Evaluation,
    Limitations,
    IntendedUse,
}

impl Topic {
    fn name(self) -> &'static str {
        match self {
            Topic::Training => "training",
            Topic::TrainingData => "training data",
            Topic::Evaluation => "evaluation",
            Topic::Limitations => "limitations",
            Topic::IntendedUse => "intended use",
        }
    }

    fn pattern(self) -> &'static Regex {
        static RES: LazyLock<[Regex; 5]> = LazyLock::new(|| {
            [
                r"(?i)(?-u:\b)(train(ing|ed)?|fine-?tun(e|ed|ing)|pre-?train(ing|ed)?|methodology|how (it|the model) was (made|built))(?-u:\b)",
                r"(?i)(?-u:\b)(training|pre-?training|fine-?tuning)(?-u:\s)+(data(sets?)?|corpus|corpora|mixture)(?-u:\b)|^(?-u:\s)*(data(sets?)?|data card)(?-u:\s)*$",
                r"(?i)(?-u:\b)(eval(uation|uations|s)?|benchmarks?|results|performance|metrics)(?-u:\b)",
                r"(?i)(?-u:\b)(limitations?|bias(es)?|risks?|safety|ethic(s|al)|caveats?)(?-u:\b)",
                r"(?i)(?-u:\b)(intended(?-u:\s)+uses?|uses|use(?-u:\s)+cases?|direct(?-u:\s)+use|downstream(?-u:\s)+use|out-of-scope(?-u:\s)+use|applications)(?-u:\b)",
            ]
            .map(|p| Regex::new(p).unwrap())
        });
        &RES[self as usize]
    }
}

/// One heading of the card.
struct Heading {
    title: String,
    /// Byte range of the body up to the next heading of the same or higher level.
    body: std::ops::Range<usize>,
}

/// A parsed model card.
struct Card {
    /// The text without its YAML front matter.
    body: String,
    headings: Vec<Heading>,
    links: Vec<String>,
}

/// Cards over this size are read only up to it.
const MAX_CARD_BYTES: usize = 512 * 1024;

impl Card {
    fn parse(text: &str) -> Card {
        let mut cut = text.len().min(MAX_CARD_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let body = strip_front_matter(&text[..cut]);
        // HTML headings on one line with other markup get lines of their own.
        static HTML_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<h[1-6][^>]*>.*?</h[1-6]>").unwrap());
        let body = HTML_HEADING.replace_all(body, "\n$0\n").into_owned();
        let headings = headings(&body);
        static LINK: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r#"https?://[^\s()\[\]<>"'`{}|\\^]+"#).unwrap());
        let mut links: Vec<String> = vec![];
        for m in LINK.find_iter(&body) {
            let l = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_']).to_string();
            if !links.contains(&l) {
                links.push(l);
            }
        }
        Card { body, headings, links }
    }

    /// The first heading on a topic whose section has real content.
    fn section(&self, topic: Topic) -> Option<String> {
        self.headings
            .iter()
            .find(|h| topic.pattern().is_match(&h.title) && has_content(&self.body[h.body.clone()]))
            .map(|h| h.title.clone())
    }

    /// Each link with whether it appears in a training context (its line, or
    /// the headings above it, speak of training).
    fn link_contexts(&self) -> Vec<(String, bool)> {
        static TRAIN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(train(ing|ed|s)?|fine-?tun(?-u:\w)*|pre-?train(?-u:\w)*|reproduc(?-u:\w)*|recipes?)(?-u:\b)").unwrap()
        });
        let mut out = vec![];
        let mut pos = 0;
        for line in self.body.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            if !line.contains("http") {
                continue;
            }
            let in_training_section = self
                .headings
                .iter()
                .any(|h| h.body.contains(&start) && Topic::Training.pattern().is_match(&h.title));
            let training = in_training_section || TRAIN.is_match(line);
            for l in &self.links {
                if line.contains(l.as_str()) {
                    out.push((l.clone(), training));
                }
            }
        }
        out
    }
}

fn strip_front_matter(text: &str) -> &str {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t.strip_prefix("---") else { return t };
    if !rest.starts_with(['\n', '\r']) {
        return t;
    }
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        pos += line.len();
        if pos > line.len() && line.trim_end() == "---" {
            return &rest[pos..];
        }
    }
    t
}

fn headings(body: &str) -> Vec<Heading> {
    static ATX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$").unwrap());
    static HTML: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*<h([1-6])[^>]*>(.*?)</h[1-6]>").unwrap());
    let mut raw: Vec<(usize, String, usize, usize)> = vec![];
    let mut pos = 0;
    let mut fence = false;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let l = line.trim_end_matches(['\n', '\r']);
        if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        let hit = ATX
            .captures(l)
            .map(|c| (c[1].len(), c[2].to_string()))
            .or_else(|| HTML.captures(l).and_then(|c| Some((c[1].parse().ok()?, c[2].to_string()))));
        if let Some((level, title)) = hit {
            let title = title.replace(['*', '_', '`'], "").trim().to_string();
            raw.push((level, title, start, pos));
        }
    }
    let mut out = vec![];
    for (i, (level, title, _, body_start)) in raw.iter().enumerate() {
        let end = raw[i + 1..].iter().find(|h| h.0 <= *level).map(|h| h.2).unwrap_or(body.len());
        out.push(Heading { title: title.clone(), body: *body_start..end.max(*body_start) });
    }
    out
}

/// A section has content when, without comments, placeholders and headings,
/// a sentence's worth of text remains.
fn has_content(section: &str) -> bool {
    static NOISE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<!--.*?-->|\[more information needed\]|\[optional\]|(?m)^[ \t]{0,3}#{1,6}[ \t][^\n]*$|[-*_|#>:\s]+").unwrap()
    });
    NOISE.replace_all(section, " ").split_whitespace().map(str::len).sum::<usize>() >= 20
}

fn snippet(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_files() {
        assert!(is_weight_file("model-00001-of-00002.safetensors"));
        assert!(is_weight_file("gemma-2-9b-it-Q4_K_M.gguf"));
        assert!(is_weight_file("original/consolidated.00.pth"));
        assert!(!is_weight_file("training_args.bin"));
        assert!(!is_weight_file("model.safetensors.index.json"));
        assert!(!is_weight_file("config.json"));
    }

    #[test]
    fn license_files() {
        assert!(is_license_file("LICENSE"));
        assert!(is_license_file("LICENSE.txt"));
        assert!(is_license_file("sub/Licence.md"));
        assert!(is_license_file("LICENSE-MODEL"));
        assert!(!is_license_file("USE_POLICY.md"));
        assert!(!is_license_file("README.md"));
    }

    #[test]
    fn front_matter_and_headings() {
        let c = Card::parse("---\nlicense: mit\n# not a heading\n---\n# Title\n\n## Training\n\nTrained on many tokens of text for a long time.\n\n### Training Data\n\n[More Information Needed]\n\n## Evaluation\n<!-- todo -->\n");
        assert!(!c.body.contains("license: mit"));
        let titles: Vec<_> = c.headings.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Title", "Training", "Training Data", "Evaluation"]);
        assert_eq!(c.section(Topic::Training).as_deref(), Some("Training"));
        assert_eq!(c.section(Topic::TrainingData), None, "placeholder only");
        assert_eq!(c.section(Topic::Evaluation), None, "comment only");
    }

    #[test]
    fn code_repos() {
        assert_eq!(code_repo("https://github.com/allenai/OLMo.git").as_deref(), Some("allenai/olmo"));
        assert_eq!(code_repo("https://github.com/allenai"), None);
        assert_eq!(code_repo("https://example.com/a/b"), None);
    }
}
