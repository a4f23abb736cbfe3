//! Hugging Face model metadata: the answer of `GET /api/models/{id}`.
//!
//! Only the fields Fine Print reads are kept. Every field is lenient: a field
//! that is missing, `null`, or of an unexpected type becomes its empty value,
//! so one odd field never makes the whole answer unreadable. The same types
//! deserialize from JSON (CLI, tests) and from a JavaScript object
//! (`serde-wasm-bindgen`, the extension).

use serde::de::{Deserializer, IgnoredAny};
use serde::Deserialize;

/// One model's metadata (the Hub API's `ApiModelInfo`, reduced).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct HubModel {
    /// `owner/name` (or a legacy bare name).
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    /// Older answers repeat the id here.
    #[serde(default, rename = "modelId", deserialize_with = "opt_string")]
    pub model_id: Option<String>,
    /// Access control on the files.
    #[serde(default)]
    pub gated: Gated,
    /// Private repositories are not visible to others.
    #[serde(default, deserialize_with = "opt_bool")]
    pub private: Option<bool>,
    /// Disabled repositories have no downloadable files.
    #[serde(default, deserialize_with = "opt_bool")]
    pub disabled: Option<bool>,
    /// Hub tags (`license:…`, `base_model:finetune:…`, `dataset:…`, `arxiv:…`, ...).
    #[serde(default, deserialize_with = "string_list")]
    pub tags: Vec<String>,
    /// Files of the repository; `None` when the answer has no `siblings` field.
    #[serde(default, deserialize_with = "siblings")]
    pub siblings: Option<Vec<String>>,
    /// The model card's YAML metadata.
    #[serde(default, rename = "cardData", deserialize_with = "lenient")]
    pub card_data: CardData,
}

/// `gated` of the Hub API: `false`, `"auto"` or `"manual"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Gated {
    /// The field was absent or unreadable.
    #[default]
    Unknown,
    /// `false`: files download freely.
    No,
    /// `"auto"`: access is granted automatically after the form.
    Auto,
    /// `"manual"`: the owner approves each request.
    Manual,
    /// Any other value (kept verbatim): treated as gated.
    Other(String),
}

impl Gated {
    /// Whether access to the files needs a request.
    pub fn is_gated(&self) -> bool {
        matches!(self, Gated::Auto | Gated::Manual | Gated::Other(_))
    }

    /// The spelling shown in reports.
    pub fn as_str(&self) -> &str {
        match self {
            Gated::Unknown => "unknown",
            Gated::No => "no",
            Gated::Auto => "auto",
            Gated::Manual => "manual",
            Gated::Other(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Gated {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Str(String),
            Other(IgnoredAny),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Bool(false) => Gated::No,
            Raw::Bool(true) => Gated::Other("true".into()),
            Raw::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "auto" => Gated::Auto,
                "manual" => Gated::Manual,
                "" | "false" | "no" => Gated::No,
                other => Gated::Other(other.chars().take(40).collect()),
            },
            Raw::Other(_) => Gated::Unknown,
        })
    }
}

/// The model card's metadata (`ApiModelMetadata`, reduced).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct CardData {
    /// `license`: one id or a list of ids.
    #[serde(default, deserialize_with = "string_list")]
    pub license: Vec<String>,
    /// `license_name`: the custom license's id when `license` is `other`.
    #[serde(default, deserialize_with = "opt_string")]
    pub license_name: Option<String>,
    /// `license_link`: `LICENSE`, `LICENSE.md` or a URL.
    #[serde(default, deserialize_with = "opt_string")]
    pub license_link: Option<String>,
    /// `base_model`: one id or a list of ids.
    #[serde(default, deserialize_with = "string_list")]
    pub base_model: Vec<String>,
    /// `base_model_relation`: `finetune`, `adapter`, `quantized` or `merge`.
    #[serde(default, deserialize_with = "opt_string")]
    pub base_model_relation: Option<String>,
    /// `datasets`: one id or a list of ids.
    #[serde(default, deserialize_with = "string_list")]
    pub datasets: Vec<String>,
    /// The text shown in the access form of a gated model.
    #[serde(default, deserialize_with = "opt_string")]
    pub extra_gated_prompt: Option<String>,
    /// Card tags (the Hub merges them into the model's `tags`).
    #[serde(default, deserialize_with = "string_list")]
    pub tags: Vec<String>,
}

impl HubModel {
    /// The model id (`id`, else `modelId`).
    pub fn model_id(&self) -> Option<&str> {
        self.id.as_deref().or(self.model_id.as_deref()).map(str::trim).filter(|s| !s.is_empty())
    }

    /// All tags: the model's and the card's, without duplicates, in order.
    pub fn all_tags(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![];
        for t in self.tags.iter().chain(self.card_data.tags.iter()) {
            let t = t.trim();
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// Values of tags `prefix:value` (e.g. `dataset`, `arxiv`, `license`).
    pub fn tag_values(&self, prefix: &str) -> Vec<&str> {
        self.all_tags()
            .into_iter()
            .filter_map(|t| {
                let (p, v) = t.split_once(':')?;
                (p.eq_ignore_ascii_case(prefix) && !v.trim().is_empty()).then(|| v.trim())
            })
            .collect()
    }

    /// The declared license as the Hub labels it: `cardData.license`, else a
    /// `license:` tag. The first one when there are several.
    pub fn declared_label(&self) -> Option<&str> {
        self.card_data
            .license
            .iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .or_else(|| self.tag_values("license").into_iter().next())
    }

    /// The id to look the declared license up by: the label, or `license_name`
    /// when the label is `other` (or `unknown`) and a name is given.
    pub fn declared_license_id(&self) -> Option<&str> {
        let label = self.declared_label();
        let name = self.card_data.license_name.as_deref().map(str::trim).filter(|s| !s.is_empty());
        match label {
            Some(l) if is_placeholder_license(l) => name.or(Some(l)),
            Some(l) => Some(l),
            None => name,
        }
    }

    /// All declared license labels (card data and tags), deduplicated.
    pub fn declared_labels(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![];
        for l in self.card_data.license.iter().map(|s| s.trim()).chain(self.tag_values("license")) {
            if !l.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(l)) {
                out.push(l);
            }
        }
        out
    }

    /// File names of the repository (empty when unknown).
    pub fn files(&self) -> &[String] {
        self.siblings.as_deref().unwrap_or(&[])
    }
}

/// `other` and `unknown` name no license by themselves.
pub fn is_placeholder_license(label: &str) -> bool {
    matches!(label.trim().to_ascii_lowercase().as_str(), "other" | "unknown" | "")
}

/// Parse a JSON text as one model's metadata. Accepts the bare API answer, a
/// saved wrapper `{"response": …}` / `{"data": …}`, and the page's
/// `ModelHeader` props `{"model": …}`.
#[cfg(feature = "cli")]
pub fn from_json(text: &str) -> Result<HubModel, String> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
    let mut v = &v;
    for _ in 0..3 {
        let Some(obj) = v.as_object() else { break };
        if obj.contains_key("id") || obj.contains_key("cardData") || obj.contains_key("siblings") {
            break;
        }
        match ["response", "data", "model"].iter().find_map(|k| obj.get(*k).filter(|x| x.is_object())) {
            Some(inner) => v = inner,
            None => break,
        }
    }
    if !v.is_object() {
        return Err("not a JSON object (expected the answer of /api/models/{id})".into());
    }
    if let Some(err) = v.get("error").and_then(|e| e.as_str()) {
        if v.get("id").is_none() {
            return Err(format!("the hub answered with an error: {err}"));
        }
    }
    HubModel::deserialize(v).map_err(|e| format!("unreadable model metadata ({e})"))
}

// ---- lenient field readers -------------------------------------------------

/// Any value of type `T`, or `T::default()` when the value has another shape.
pub(crate) fn lenient<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw<T> {
        Ok(T),
        Other(IgnoredAny),
    }
    Ok(match Raw::<T>::deserialize(d)? {
        Raw::Ok(t) => t,
        Raw::Other(_) => T::default(),
    })
}

/// A value of type `T`, with `null` (and JavaScript's `undefined`) read as `T::default()`.
pub(crate) fn null_as_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A string (numbers and booleans become their text); anything else is `None`.
fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Scalar::deserialize(d)?.into_string())
}

fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Scalar::deserialize(d)? {
        Scalar::Bool(b) => Some(b),
        _ => None,
    })
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Str(String),
    Bool(bool),
    Int(i64),
    Float(f64),
    Other(IgnoredAny),
}

impl Scalar {
    fn into_string(self) -> Option<String> {
        match self {
            Scalar::Str(s) => Some(s),
            Scalar::Int(i) => Some(i.to_string()),
            Scalar::Float(f) => Some(f.to_string()),
            Scalar::Bool(_) | Scalar::Other(_) => None,
        }
    }
}

/// A string or a list of strings; other items are skipped.
fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        List(Vec<Scalar>),
        One(Scalar),
    }
    let items = match Raw::deserialize(d)? {
        Raw::List(v) => v,
        Raw::One(s) => vec![s],
    };
    Ok(items
        .into_iter()
        .filter_map(Scalar::into_string)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect())
}

/// `siblings: [{rfilename}]` (plain strings accepted too).
fn siblings<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default, deserialize_with = "opt_string")]
        rfilename: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item {
        File(File),
        Name(String),
        Other(IgnoredAny),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        List(Vec<Item>),
        Other(IgnoredAny),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::List(items) => Some(
            items
                .into_iter()
                .filter_map(|i| match i {
                    Item::File(f) => f.rfilename,
                    Item::Name(s) => Some(s),
                    Item::Other(_) => None,
                })
                .collect(),
        ),
        Raw::Other(_) => None,
    })
}
