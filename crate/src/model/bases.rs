//! The base models a model names: read from the hub's metadata (`cardData.base_model`, the
//! `base_model:{relation}:{id}` tags), with the relation each one has to the model.
//!
//! In: [`HubModel`]. Out: [`BaseRef`]s (and the values that are not model ids). Used by the recipe
//! (which lists them) and by lineage (which walks them).

use super::hub::HubModel;
use crate::report::{BaseRef, Relation, RelationSource};

impl Relation {
    /// The Hub's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Finetune => "finetune",
            Relation::Adapter => "adapter",
            Relation::Quantized => "quantized",
            Relation::Merge => "merge",
            Relation::Unspecified => "derivative",
        }
    }

    pub(crate) fn parse(word: &str) -> Option<Relation> {
        match word.trim().to_ascii_lowercase().as_str() {
            "finetune" | "fine-tune" | "finetuned" => Some(Relation::Finetune),
            "adapter" | "adapters" | "lora" => Some(Relation::Adapter),
            "quantized" | "quantization" | "quant" => Some(Relation::Quantized),
            "merge" | "merged" | "merges" => Some(Relation::Merge),
            _ => None,
        }
    }
}
/// A Hub model id from a `base_model` value: trimmed, without a
/// `https://huggingface.co/` prefix; `None` when it is not a model id (a
/// local path, a URL elsewhere, free text).
pub fn normalize_id(raw: &str) -> Option<String> {
    let mut s = raw.trim();
    for p in ["https://huggingface.co/", "http://huggingface.co/", "huggingface.co/", "hf.co/"] {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
        }
    }
    let s = s.trim_end_matches('/');
    let parts: Vec<&str> = s.split('/').collect();
    let ok_part = |p: &str| {
        !p.is_empty()
            && p.len() <= 96
            && !p.starts_with(['.', '-'])
            && !p.contains("..")
            && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (matches!(parts.len(), 1 | 2) && parts.iter().all(|p| ok_part(p))).then(|| s.to_string())
}

/// The model's declared bases with their relation.
pub fn base_models(meta: &HubModel) -> Vec<BaseRef> {
    parse_bases(meta).0
}

/// Most base models read from one model's metadata; the rest are left out. An author decides how
/// many a card lists (a merge names a few, not thousands).
pub const MAX_BASE_MODELS: usize = 64;
/// Most `base_model` values that are not model ids kept for the notes.
const MAX_REJECTED: usize = 8;

/// Bases, plus the `base_model` values that are not model ids. Each base once (a set of the ids,
/// case-insensitive), at most [`MAX_BASE_MODELS`] of them.
pub fn parse_bases(meta: &HubModel) -> (Vec<BaseRef>, Vec<String>) {
    let mut bases: Vec<(String, Option<(Relation, RelationSource)>)> = vec![];
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rejected = vec![];
    let mut add = |raw: &str, rel: Option<(Relation, RelationSource)>, rejected: &mut Vec<String>| {
        let Some(id) = normalize_id(raw) else {
            if rejected.len() < MAX_REJECTED && !rejected.iter().any(|r: &String| r == raw.trim()) {
                rejected.push(raw.trim().chars().take(120).collect());
            }
            return;
        };
        match seen.get(&id.to_ascii_lowercase()) {
            Some(&k) => {
                if bases[k].1.is_none() {
                    bases[k].1 = rel;
                }
            }
            None if bases.len() < MAX_BASE_MODELS => {
                seen.insert(id.to_ascii_lowercase(), bases.len());
                bases.push((id, rel));
            }
            None => {}
        }
    };
    for v in meta.tag_values("base_model") {
        match v.split_once(':') {
            Some((word, id)) => {
                let rel = Relation::parse(word).map(|r| (r, RelationSource::Tag));
                add(id, rel.or(Some((Relation::Unspecified, RelationSource::Tag))), &mut rejected);
            }
            None => add(v, None, &mut rejected),
        }
    }
    let card_rel = meta
        .card_data
        .base_model_relation
        .as_deref()
        .and_then(Relation::parse)
        .map(|r| (r, RelationSource::Card));
    for b in &meta.card_data.base_model {
        add(b, card_rel, &mut rejected);
    }
    let n = bases.len();
    let inferred = infer_relation(meta, n);
    let out = bases
        .into_iter()
        .map(|(id, rel)| {
            let (relation, source) = match rel {
                Some((Relation::Unspecified, RelationSource::Tag)) | None => card_rel.unwrap_or(inferred),
                Some(r) => r,
            };
            BaseRef { id, relation, source }
        })
        .collect();
    (out, rejected)
}

/// The Hub's own guess when nothing says: several bases make a merge, an
/// `adapter_config.json` an adapter, quantized weight files a quantization.
fn infer_relation(meta: &HubModel, bases: usize) -> (Relation, RelationSource) {
    let files = meta.files();
    let has = |f: &dyn Fn(&str) -> bool| files.iter().any(|x| f(&x.to_ascii_lowercase()));
    let rel = if bases > 1 {
        Relation::Merge
    } else if has(&|x| x.ends_with("adapter_config.json")) {
        Relation::Adapter
    } else if has(&|x| x.ends_with(".gguf") || x.ends_with(".ggml")) {
        Relation::Quantized
    } else {
        Relation::Finetune
    };
    (rel, RelationSource::Inferred)
}
