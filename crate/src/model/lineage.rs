//! Lineage: which models a model is built on, and what their licenses do to it.
//!
//! A fine-tune, adapter, quantization or merge names its base models in
//! `cardData.base_model` and in the tags `base_model:{relation}:{id}`. The
//! effective badge is the most restrictive of the model's own and its
//! ancestors', because a restrictive license binds derivatives; an ancestor
//! whose license is open lets derivatives be relicensed, so its license class
//! does not flow down (its recipe still counts toward `open-source-ai`).
//!
//! Everything here is a pure function of data: the caller (the CLI from files,
//! the extension from `/api/models/{id}`) fetches the ancestors and passes them
//! in as [`Ancestor`]s; [`pending`] says which ones are still wanted.

use super::bases::parse_bases;
pub use super::bases::{base_models, normalize_id};
use super::hub::{is_placeholder_license, lenient, HubModel};
use super::recipe::{self, dim, Dimension, Dot};
use crate::judge::badge::{badge, badge_for, badge_message, badge_text};
use crate::judge::said;
pub use crate::report::{BaseRef, Effective, Lineage, Node, NodeStatus, Relation, RelationSource};
use crate::report::{Answer, Badge, BadgeClass, Clause, Inherited, LicenseMatch, Message, MessageArg, Recipe, Report, Verdict, VerdictClass};
use serde::Deserialize;
use std::collections::HashSet;

/// Ancestors are followed this many levels up.
pub const MAX_DEPTH: usize = 5;
/// At most this many ancestors are considered (merges can name dozens).
pub const MAX_ANCESTORS: usize = 32;


/// What the caller knows about one ancestor: its metadata (the answer of
/// `/api/models/{id}`), or a report already made for it, or why neither is
/// available.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Ancestor {
    /// The id that was requested (the `base_model` value).
    #[serde(default, deserialize_with = "super::hub::null_as_default")]
    pub id: String,
    /// The Hub's answer for it.
    #[serde(default, deserialize_with = "lenient")]
    pub metadata: Option<HubModel>,
    /// A report for its license text, when one was made.
    #[serde(default)]
    pub report: Option<Report>,
    /// Its README.md, when it was read (for its recipe).
    #[serde(default, deserialize_with = "lenient")]
    pub model_card: Option<String>,
    /// Why it could not be read (`not found`, `HTTP 401`, ...).
    #[serde(default, deserialize_with = "lenient")]
    pub error: Option<String>,
}

impl Ancestor {
    fn key(&self) -> Option<String> {
        let id = self.id.trim();
        let id = if id.is_empty() { self.metadata.as_ref()?.model_id()? } else { id };
        normalize_id(id).map(|s| s.to_ascii_lowercase())
    }
}

/// What lineage does to one analysis.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// For `report.lineage`.
    pub lineage: Lineage,
    /// The badge, ancestors counted.
    pub badge: Badge,
    /// For `report.warnings`.
    pub warnings: Vec<String>,
    /// The five answers of each base model whose terms bind this one (its id, nearest first), for
    /// the orchestrator to count in the model's own ([`crate::judge::answers::with_base`]).
    pub binding_answers: Vec<(String, Vec<Answer>)>,
}

// ---- walking the ancestors -------------------------------------------------

struct Walk {
    nodes: Vec<Node>,
    /// Index into the ancestors for found nodes.
    entry: Vec<Option<usize>>,
    notes: Vec<String>,
    truncated: bool,
}

fn walk(meta: &HubModel, ancestors: &[Ancestor]) -> (Vec<BaseRef>, Walk) {
    let me = meta.model_id().map(str::to_string).unwrap_or_else(|| "this model".into());
    let (bases, rejected) = parse_bases(meta);
    let mut w = Walk { nodes: vec![], entry: vec![], notes: vec![], truncated: false };
    for r in rejected {
        w.notes.push(format!("{me} names base_model '{r}', which is not a Hub model id"));
        w.truncated = true;
    }
    let keys: Vec<Option<String>> = ancestors.iter().map(Ancestor::key).collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut queue: std::collections::VecDeque<(BaseRef, usize, String, Vec<String>)> = bases
        .iter()
        .map(|b| (b.clone(), 1, me.clone(), vec![me.to_ascii_lowercase()]))
        .collect();
    while let Some((base, depth, child, path)) = queue.pop_front() {
        let key = base.id.to_ascii_lowercase();
        let mut node = Node {
            id: base.id.clone(),
            depth,
            child: child.clone(),
            relation: base.relation,
            status: NodeStatus::NotFetched,
            license_label: None,
            license_id: None,
            license_name: None,
            verdict: None,
            badge: None,
            passes_on: true,
            note: None,
            note_message: None,
        };
        if path.contains(&key) {
            let mut names = path.clone();
            names.push(key.clone());
            let cycle = format!("lineage cycle: {} (not followed again)", names.join(" → "));
            node.status = NodeStatus::Cycle;
            node.passes_on = false;
            node.note = Some(cycle.clone());
            w.notes.push(cycle);
            w.nodes.push(node);
            w.entry.push(None);
            continue;
        }
        if !seen.insert(key.clone()) {
            continue;
        }
        if w.nodes.len() >= MAX_ANCESTORS {
            w.notes.push(format!("more than {MAX_ANCESTORS} ancestors: the rest were not read"));
            w.truncated = true;
            break;
        }
        if depth > MAX_DEPTH {
            node.status = NodeStatus::BeyondDepth;
            node.passes_on = false;
            node.note = Some(format!("deeper than {MAX_DEPTH} levels: not followed"));
            w.nodes.push(node);
            w.entry.push(None);
            continue;
        }
        let idx = keys.iter().position(|k| k.as_deref() == Some(key.as_str()));
        let entry = idx.map(|i| &ancestors[i]);
        match entry {
            None => {
                node.note = Some("not fetched".into());
                w.entry.push(None);
            }
            Some(a) if a.metadata.is_none() && a.report.is_none() => {
                node.status = NodeStatus::Unavailable;
                node.note = Some(a.error.clone().unwrap_or_else(|| "no metadata given".into()));
                w.entry.push(None);
            }
            Some(a) => {
                node.status = match &a.metadata {
                    Some(m) if m.gated.is_gated() => NodeStatus::Gated,
                    _ => NodeStatus::Found,
                };
                if let Some(m) = &a.metadata {
                    let (next, rejected) = parse_bases(m);
                    for r in rejected {
                        w.notes.push(format!("{} names base_model '{r}', which is not a Hub model id", base.id));
                        w.truncated = true;
                    }
                    let mut p = path.clone();
                    p.push(key.clone());
                    for b in next {
                        queue.push_back((b, depth + 1, base.id.clone(), p.clone()));
                    }
                }
                w.entry.push(idx);
            }
        }
        w.nodes.push(node);
    }
    (bases, w)
}

/// The ancestor ids still wanted (direct and indirect bases, up to
/// [`MAX_DEPTH`] levels) that `ancestors` does not cover yet, nearest first.
/// Fetch them, add them to `ancestors`, and ask again until it is empty (or
/// the request budget is spent).
pub fn pending(meta: &HubModel, ancestors: &[Ancestor]) -> Vec<String> {
    walk(meta, ancestors)
        .1
        .nodes
        .into_iter()
        .filter(|n| n.status == NodeStatus::NotFetched)
        .map(|n| n.id)
        .collect()
}

// ---- licenses of ancestors -------------------------------------------------

struct Info {
    license: LicenseMatch,
    verdict: Verdict,
    clauses: Vec<Clause>,
    answers: Vec<Answer>,
    label: Option<String>,
    recipe: Option<Recipe>,
}

/// An ancestor's license: the report the caller gave for it, else the one the orchestrator made
/// from its gated prompt or declared id ([`crate::analyze`] reads them before lineage is resolved),
/// else unknown.
fn info(a: &Ancestor, derived: Option<&Report>) -> Info {
    let meta = a.metadata.as_ref();
    let label = meta.and_then(|m| m.declared_label()).map(str::to_string);
    if let Some(r) = a.report.as_ref().or(derived) {
        let recipe = r.recipe.clone().or_else(|| meta.map(|m| recipe::assess(m, a.model_card.as_deref(), &r.verdict)));
        return Info { license: r.license.clone(), verdict: r.verdict.clone(), clauses: r.clauses.clone(), answers: r.answers.clone(), label, recipe };
    }
    let meta = meta.expect("walk only keeps ancestors with metadata or a report");
    let verdict = Verdict { class: VerdictClass::Unknown, label: "No license declared".into(), reasons: vec![], message: None, reason_messages: vec![] };
    let recipe = Some(recipe::assess(meta, a.model_card.as_deref(), &verdict));
    Info { license: LicenseMatch::unknown(), verdict, clauses: vec![], answers: vec![], label, recipe }
}

/// Restrictiveness of a badge class (higher binds more); `None` for unknown.
fn rank(c: BadgeClass) -> Option<u8> {
    match c {
        BadgeClass::OpenSourceAi => Some(0),
        BadgeClass::OpenWeightsPermissive => Some(1),
        BadgeClass::OpenWeightsRestricted => Some(2),
        BadgeClass::NonCommercial => Some(3),
        BadgeClass::ResearchOnly => Some(4),
        BadgeClass::Unknown => None,
    }
}

fn class_of_rank(r: u8) -> BadgeClass {
    [
        BadgeClass::OpenSourceAi,
        BadgeClass::OpenWeightsPermissive,
        BadgeClass::OpenWeightsRestricted,
        BadgeClass::NonCommercial,
        BadgeClass::ResearchOnly,
    ][r.min(4) as usize]
}

/// A license name for a sentence: without a trailing "(…)" qualifier.
fn short_name(name: &str) -> &str {
    match name.rfind(" (") {
        Some(i) if name.ends_with(')') && i > 0 => &name[..i],
        _ => name,
    }
}

/// [`license_phrase`] as a message argument.
fn license_phrase_arg(id: Option<&str>, name: Option<&str>, label: Option<&str>) -> MessageArg {
    let text = |s: &str| MessageArg::Text(s.to_string());
    match (name, id, label) {
        (Some(n), _, _) => text(short_name(n)),
        (None, Some(i), _) => MessageArg::Message(Message::with("lin_id_license", vec![text(i)])),
        (None, None, Some(l)) => MessageArg::Message(Message::with("lin_label_license", vec![text(l)])),
        _ => MessageArg::Message(Message::new("lin_its_license")),
    }
}

fn license_phrase(id: Option<&str>, name: Option<&str>, label: Option<&str>) -> String {
    match (name, id, label) {
        (Some(n), _, _) => short_name(n).to_string(),
        (None, Some(i), _) => format!("{i} license"),
        (None, None, Some(l)) => format!("'{l}' license"),
        _ => "its license".into(),
    }
}

// ---- the effective badge ---------------------------------------------------

/// Count the ancestors: fill in the chain, adjust the recipe (a quantization
/// takes its base's recipe; the lineage dot), and decide the badge. `None`
/// when the model declares no base.
pub fn resolve(
    meta: &HubModel,
    own_license: &LicenseMatch,
    own_verdict: &Verdict,
    recipe: &mut Recipe,
    ancestors: &[Ancestor],
    derived: &[Option<Report>],
) -> Option<Outcome> {
    let (bases, mut w) = walk(meta, ancestors);
    if bases.is_empty() && w.notes.is_empty() {
        return None;
    }
    let infos: Vec<Option<Info>> =
        w.entry.iter().map(|e| e.map(|i| info(&ancestors[i], derived.get(i).and_then(Option::as_ref)))).collect();
    for (node, inf) in w.nodes.iter_mut().zip(&infos) {
        let Some(inf) = inf else { continue };
        node.license_label = inf.label.clone();
        node.license_id = inf.license.id.clone();
        node.license_name = inf.license.name.clone();
        node.verdict = Some(inf.verdict.class);
        node.badge = Some(badge(&inf.license, &inf.verdict, inf.recipe.as_ref()).class);
        node.passes_on = inf.verdict.class != VerdictClass::Open;
        if node.passes_on {
            node.note = Some(match inf.clauses.iter().find(|c| c.kind == "restrictions_propagate") {
                Some(c) => format!("its terms bind derivatives: \"{}\"", c.evidence.first().map(|e| e.quote.as_str()).unwrap_or("")),
                None if inf.verdict.class == VerdictClass::Unknown && inf.license.id.is_none() => {
                    "its license could not be determined".into()
                }
                None if inf.verdict.class == VerdictClass::Unknown => {
                    "its license could not be classified: its terms are taken to bind derivatives".into()
                }
                None => "its license is not open: its terms are taken to bind derivatives".into(),
            });
        }
    }

    // A quantization is the same model: its base's recipe is its recipe.
    for (node, inf) in w.nodes.iter().zip(&infos) {
        if node.depth == 1 && node.relation == Relation::Quantized {
            if let Some(r) = inf.as_ref().and_then(|i| i.recipe.as_ref()) {
                recipe.inherit_from_base(r, &node.id);
            }
        }
    }

    let own = badge(own_license, own_verdict, Some(recipe));
    let me = meta.model_id().unwrap_or("this model").to_string();
    let mut known: Option<(u8, Option<usize>)> = rank(own.class).map(|r| (r, None));
    // Ancestors (or the model itself) whose terms could not be classified.
    let mut unknown: Vec<String> = vec![];
    // Ancestors that could not be read at all.
    let mut unread = 0usize;
    // A model that declares no license of its own takes its bases'; one that
    // declares a license we cannot classify adds unknown terms.
    // (`other` with a `license_name` declares that named license: its terms are unknown too.)
    let own_unknown = known.is_none()
        && (own_license.id.is_some() || meta.declared_license_id().is_some_and(|l| !is_placeholder_license(l)));
    let mut capped_by: Option<String> = None;
    for (i, (node, inf)) in w.nodes.iter().zip(&infos).enumerate() {
        match node.status {
            NodeStatus::NotFetched | NodeStatus::Unavailable => {
                unread += 1;
                unknown.push(node.id.clone());
            }
            NodeStatus::Cycle | NodeStatus::BeyondDepth => {}
            NodeStatus::Found | NodeStatus::Gated => {
                let inf = inf.as_ref().expect("found nodes have info");
                if !node.passes_on {
                    if known.map(|k| k.0) == Some(0) && node.badge != Some(BadgeClass::OpenSourceAi) {
                        known = Some((1, known.and_then(|k| k.1)));
                        capped_by = Some(node.id.clone());
                    }
                    continue;
                }
                match rank(badge_for(&inf.verdict).class) {
                    None => unknown.push(node.id.clone()),
                    Some(r) => {
                        if known.is_none_or(|(m, _)| r > m) {
                            known = Some((r, Some(i)));
                        }
                    }
                }
            }
        }
    }

    let (class, setter) = match known {
        Some((r, s)) if (unknown.is_empty() && !own_unknown) || r >= 3 => (class_of_rank(r), s),
        _ => (BadgeClass::Unknown, None),
    };

    // Relabel: the model's own license is freer than a binding ancestor's.
    let own_rank = rank(badge_for(own_verdict).class);
    let own_id = own_license.id.as_deref().map(str::to_ascii_lowercase);
    let own_label = meta.declared_license_id().map(str::to_string).or_else(|| own_license.id.clone());
    let binding: Vec<usize> = (0..w.nodes.len())
        .filter(|&i| {
            let n = &w.nodes[i];
            matches!(n.status, NodeStatus::Found | NodeStatus::Gated)
                && n.passes_on
                && n.license_id.is_some()
                && n.license_id.as_deref().map(str::to_ascii_lowercase) != own_id
        })
        .collect();
    let freer = |i: usize| {
        let v = infos[i].as_ref().map(|x| &x.verdict);
        own_verdict.class == VerdictClass::Open
            || matches!((own_rank, v.and_then(|v| rank(badge_for(v).class))), (Some(o), Some(a)) if o < a)
    };
    let relabel_at = setter
        .filter(|s| binding.contains(s) && freer(*s))
        .or_else(|| binding.iter().copied().find(|&i| freer(i)));
    let (relabel, relabel_message) = match (relabel_at, own_label.as_deref()) {
        (Some(i), Some(label)) => {
            let n = &w.nodes[i];
            let phrase = license_phrase_arg(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref());
            let msg = Message::with("lin_relabel", vec![MessageArg::Text(label.into()), MessageArg::Text(n.id.clone()), phrase]);
            let text = format!(
                "labelled {label}, based on {} — the {} applies",
                n.id,
                license_phrase(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref())
            );
            (Some(text), Some(msg))
        }
        _ => (None, None),
    };
    // An open but share-alike base keeps its own license on derivatives.
    for (n, inf) in w.nodes.iter().zip(&infos) {
        let Some(inf) = inf else { continue };
        let differs = n.license_id.as_deref().map(str::to_ascii_lowercase) != own_id;
        if !n.passes_on && differs && n.license_id.is_some() && inf.clauses.iter().any(|c| c.kind == "same_license_copyleft") {
            let t = format!(
                "based on {}: the {} is share-alike, so derivatives must keep it",
                n.id,
                license_phrase(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref())
            );
            w.notes.push(t.clone());
        }
    }
    for &i in &binding {
        if Some(i) == relabel_at {
            continue;
        }
        let n = &w.nodes[i];
        w.notes.push(format!(
            "based on {}: the {} also applies",
            n.id,
            license_phrase(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref())
        ));
    }

    // The badge text.
    let mut warnings = vec![];
    // The words, and the same as a message of the UI's message files (lin_badge_*: $1 the class's words).
    let words = MessageArg::Message(badge_message(class));
    let (text, message) = if let Some(r) = &relabel {
        warnings.push(r.clone());
        let msg = Message::with("lin_badge_relabel", vec![words, MessageArg::Message(relabel_message.clone().unwrap_or_default())]);
        (format!("{}: {r}", badge_text(class)), Some(msg))
    } else if class == BadgeClass::Unknown && !unknown.is_empty() {
        let ids = unknown.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        let t = format!("the license of base model {ids} could not be assessed");
        warnings.push(format!("{t}: it may restrict {me}"));
        (format!("{} — {t}", badge_text(class)), Some(Message::with("lin_badge_unknown_base", vec![words, MessageArg::Text(ids)])))
    } else if let Some(s) = setter {
        let n = &w.nodes[s];
        let phrase = license_phrase_arg(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref());
        let text = format!(
            "{} — inherited from {} ({})",
            badge_text(class),
            n.id,
            license_phrase(n.license_id.as_deref(), n.license_name.as_deref(), n.license_label.as_deref())
        );
        (text, Some(Message::with("lin_badge_inherited", vec![words, MessageArg::Text(n.id.clone()), phrase])))
    } else if let Some(c) = &capped_by {
        let msg = Message::with("lin_badge_capped", vec![words, MessageArg::Text(c.clone())]);
        (format!("{} — base model {c} does not disclose its full recipe", badge_text(class)), Some(msg))
    } else if class == own.class {
        (own.text.clone(), own.message.clone())
    } else {
        (badge_text(class).to_string(), Some(badge_message(class)))
    };
    if class != BadgeClass::Unknown && !unknown.is_empty() {
        warnings.push(format!(
            "the license of base model {} could not be assessed",
            unknown.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    for n in &w.nodes {
        if n.status == NodeStatus::Cycle {
            warnings.extend(n.note.clone());
        }
    }

    // The lineage dot.
    let complete = unread == 0 && !w.truncated;
    if !bases.is_empty() {
        let ev: Vec<String> = w
            .nodes
            .iter()
            .filter(|n| n.status != NodeStatus::Cycle)
            .map(|n| {
                let lic = n.license_label.clone().or_else(|| n.license_id.clone()).unwrap_or_else(|| "license unknown".into());
                format!("{} of {} ({lic})", n.relation.as_str(), n.id)
            })
            .collect();
        let (status, note) = if complete {
            (Dot::Disclosed, None)
        } else {
            (Dot::Partial, Some("some ancestors could not be read".to_string()))
        };
        let mut ev = ev;
        ev.truncate(5);
        recipe.replace(Dimension {
            id: dim::LINEAGE.into(),
            label: "Lineage".into(),
            status,
            value: "base known".into(),
            evidence: ev,
            note,
        });
    }

    let (license_id, license_name, from) = match setter {
        Some(s) => {
            let n = &w.nodes[s];
            (n.license_id.clone(), n.license_name.clone(), Some(n.id.clone()))
        }
        None if class == BadgeClass::Unknown => (None, None, None),
        None => (own_license.id.clone(), own_license.name.clone(), None),
    };
    // What the bases whose terms bind this model say: their clauses (for the personal answer) and
    // their five answers (for the model's own).
    let mut inherited = vec![];
    let mut binding_answers = vec![];
    for (n, inf) in w.nodes.iter().zip(&infos) {
        let Some(inf) = inf.as_ref().filter(|_| n.passes_on) else { continue };
        if !inf.clauses.is_empty() {
            inherited.push(Inherited { from: n.id.clone(), clauses: inf.clauses.clone() });
        }
        binding_answers.push((n.id.clone(), inf.answers.clone()));
    }
    for n in w.nodes.iter_mut() {
        n.note_message = n.note.as_deref().and_then(said::message);
    }
    let lineage = Lineage {
        bases,
        chain: w.nodes,
        effective: Effective { class, license_id, license_name, from },
        relabel,
        relabel_message,
        complete,
        note_messages: w.notes.iter().map(|n| said::message(n)).collect(),
        notes: w.notes,
        inherited,
    };
    Some(Outcome { lineage, badge: Badge { class, text, same_as_declared: false, message }, warnings, binding_answers })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(normalize_id(" meta-llama/Meta-Llama-3-8B ").as_deref(), Some("meta-llama/Meta-Llama-3-8B"));
        assert_eq!(normalize_id("https://huggingface.co/google/gemma-2-9b/").as_deref(), Some("google/gemma-2-9b"));
        assert_eq!(normalize_id("gpt2").as_deref(), Some("gpt2"));
        assert_eq!(normalize_id("./checkpoints/llama"), None);
        assert_eq!(normalize_id("/home/me/model"), None);
        assert_eq!(normalize_id("a/b/c"), None);
        assert_eq!(normalize_id("some model"), None);
        assert_eq!(normalize_id(""), None);
    }

    #[test]
    fn ranks_are_ordered() {
        for r in 0..5u8 {
            assert_eq!(rank(class_of_rank(r)), Some(r));
        }
        assert_eq!(rank(BadgeClass::Unknown), None);
    }

    #[test]
    fn short_names() {
        assert_eq!(short_name("Gemma Terms of Use (Last modified: March 24, 2025)"), "Gemma Terms of Use");
        assert_eq!(short_name("Apache License 2.0"), "Apache License 2.0");
    }
}
