//! The WebAssembly boundary: the only file that knows about JavaScript.

use crate::report::Document;
use crate::{analyze, Options};
use wasm_bindgen::prelude::*;

/// Analyse documents. `docs` is `[{name, text}]`, `opts` is
/// `{hf_license?, hf_metadata?, model_card?, ancestors?}`: `hf_metadata` is the
/// answer of `/api/models/{id}` as parsed JSON, `model_card` the README.md
/// text, `ancestors` `[{id, metadata?, report?, model_card?, error?}]`.
/// Returns the report object of the contract (with `recipe` and `lineage`
/// when metadata was given), or throws an `Error` with a one-line reason.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(docs: JsValue, opts: JsValue) -> Result<JsValue, JsError> {
    let docs: Vec<Document> = serde_wasm_bindgen::from_value(docs)
        .map_err(|e| JsError::new(&format!("bad documents: {e}")))?;
    let opts: Options = if opts.is_undefined() || opts.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(opts).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let report = analyze(&docs, &opts).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report)
}

/// Decode the bytes of a dropped file (`Uint8Array`): `{text, encoding}`, the encoding being
/// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `Windows-1252`, `ISO-8859-1` or `Mac-Roman`; throws for
/// binary data.
#[wasm_bindgen(js_name = decodeFile)]
pub fn decode_js(bytes: &[u8]) -> Result<JsValue, JsError> {
    let (text, enc) = crate::text::decode::decode(bytes).map_err(|_| JsError::new("the file looks like binary data, not license text"))?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"text".into(), &text.into()).map_err(|_| JsError::new("decode"))?;
    js_sys::Reflect::set(&out, &"encoding".into(), &enc.name().into()).map_err(|_| JsError::new("decode"))?;
    Ok(out.into())
}

/// The personal answer: `clauses` is a report's `clauses` array (or the whole
/// report object, whose `lineage.inherited` clauses of binding base models are
/// judged too, each outcome marked `from_base`), `profile` the user's answers (`shared/spec/profile.md`;
/// missing answers count as "not sure"). Returns `{overall, clauses:
/// [{kind, outcome, reason, obligations}], obligations, note}` with outcomes
/// `allowed` | `allowed_with_obligations` | `needs_permission` | `not_allowed`.
#[wasm_bindgen(js_name = personalAnswer)]
pub fn personal_answer_js(clauses: JsValue, profile: JsValue) -> Result<JsValue, JsError> {
    #[derive(serde::Deserialize)]
    struct Inherited {
        #[serde(default)]
        inherited: Vec<crate::report::Inherited>,
    }
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Input {
        Clauses(Vec<crate::report::Clause>),
        Report { clauses: Vec<crate::report::Clause>, lineage: Option<Inherited> },
    }
    // A whole report: its binding base models' clauses are judged too (lineage.inherited).
    let (clauses, bases) = match serde_wasm_bindgen::from_value(clauses).map_err(|e| JsError::new(&format!("bad clauses: {e}")))? {
        Input::Clauses(c) => (c, vec![]),
        Input::Report { clauses, lineage } => {
            (clauses, lineage.map(|l| l.inherited.into_iter().map(|i| (i.from, i.clauses)).collect()).unwrap_or_default())
        }
    };
    let profile: crate::judge::profile::Profile = if profile.is_undefined() || profile.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(profile).map_err(|e| JsError::new(&format!("bad profile: {e}")))?
    };
    to_js(&crate::judge::profile::answer_with_bases(&clauses, &bases, &profile))
}

/// The declared base models of a model: `metadata` is the answer of
/// `/api/models/{id}`. Returns `[{id, relation, source}]` (`relation`:
/// `finetune` | `adapter` | `quantized` | `merge` | `unspecified`; `source`:
/// `tag` | `card` | `inferred`). Ids that are not Hub model ids are left out.
#[wasm_bindgen(js_name = baseModels)]
pub fn base_models_js(metadata: JsValue) -> Result<JsValue, JsError> {
    let meta = hub_model(metadata)?;
    to_js(&crate::model::lineage::base_models(&meta))
}

/// The ancestor ids still to fetch, nearest first: `metadata` is the model's
/// `/api/models/{id}` answer, `ancestors` what was fetched so far
/// (`[{id, metadata?, report?, model_card?, error?}]`, as for `analyze`).
/// Returns `[id]`; empty when every ancestor up to `maxDepth` levels is known.
#[wasm_bindgen(js_name = pendingAncestors)]
pub fn pending_ancestors_js(metadata: JsValue, ancestors: JsValue) -> Result<JsValue, JsError> {
    let meta = hub_model(metadata)?;
    let ancestors: Vec<crate::model::lineage::Ancestor> = if ancestors.is_undefined() || ancestors.is_null() {
        vec![]
    } else {
        serde_wasm_bindgen::from_value(ancestors).map_err(|e| JsError::new(&format!("bad ancestors: {e}")))?
    };
    to_js(&crate::model::lineage::pending(&meta, &ancestors))
}

/// Bounds of the lineage walk: `{maxDepth, maxAncestors}`.
#[wasm_bindgen(js_name = lineageLimits)]
pub fn lineage_limits_js() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Limits {
        max_depth: usize,
        max_ancestors: usize,
    }
    to_js(&Limits { max_depth: crate::model::lineage::MAX_DEPTH, max_ancestors: crate::model::lineage::MAX_ANCESTORS })
}

fn hub_model(v: JsValue) -> Result<crate::model::hub::HubModel, JsError> {
    if !v.is_object() {
        return Err(JsError::new("bad metadata: expected the object answered by /api/models/{id}"));
    }
    serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&format!("bad metadata: {e}")))
}

fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// A short made-up text with phrases most model licenses share (a grant, a use policy, a scale
/// threshold, credits, an output ban). Analysing it once warms the engine: V8 compiles each
/// WebAssembly function on its first call and optimizes the hot ones later, and the first analysis
/// of a page would otherwise pay for that. The detectors it compiles stay compiled.
const WARM_UP: &str = "Sample Model License\n\n\
1. Grant. Subject to this Agreement, you are granted a non-exclusive, worldwide, royalty-free license \
to use, reproduce, distribute, copy, create derivative works of, and make modifications to the Materials.\n\
2. You must include a copy of this Agreement and display \"Built with Sample\" on a related website.\n\
3. If the products of the Licensee exceed 700 million monthly active users, you must request a license.\n\
4. Your use must comply with the Acceptable Use Policy. You will not use the outputs to improve any other \
large language model.\n";

/// A made-up model card with the sections and links the recipe reads.
const WARM_UP_CARD: &str = "# Sample model\n\nA fine-tuned version of [base/model](https://huggingface.co/base/model).\n\n\
## Training data\n\nTrained on the [Sample corpus](https://huggingface.co/datasets/sample/corpus). \
Training code: https://github.com/sample/train. Paper: arXiv:2401.00001.\n\n\
## Evaluation\n\nResults on standard benchmarks.\n\n## Limitations\n\nBiases and risks remain.\n";

/// MIT's published text: an exact match, for the warm-up's first step.
const WARM_UP_EXACT: &str = include_str!("../data/corpus/spdx/MIT.txt");

/// Warm the engine in small steps (see [`WARM_UP`]), so the worker can run them while idle and
/// answer a page's message between them (a step takes tens of milliseconds cold):
/// 0. analyse a published text (the exact path: identification by hash, the detector file, a
///    first detector compiled, the verdict, the report's conversion);
/// 1. identify the made-up sample (decodes the knowledge base's index: ranking, alignment);
/// 2. find the sample's clauses (more detectors compiled);
/// 3. analyse the sample whole, with a model card and metadata (the recipe's readers).
///
/// Returns whether there is a next step.
#[wasm_bindgen]
pub fn warm(step: u32) -> bool {
    let docs = [Document::new("warm-up", WARM_UP)];
    match step {
        0 => {
            let _ = analyze(&[Document::new("LICENSE", WARM_UP_EXACT)], &Options::default()).map(|r| to_js(&r));
        }
        1 => {
            crate::identify::identify(&docs);
        }
        2 => {
            crate::clauses::find_all(&docs);
        }
        3 => {
            // As a Hugging Face page sends it: with the repository's metadata and its model card.
            let opts = Options {
                hf_license: Some("other".into()),
                hf_metadata: Some(crate::model::hub::HubModel { id: Some("sample/model".into()), ..Default::default() }),
                model_card: Some(WARM_UP_CARD.into()),
                ..Default::default()
            };
            let _ = analyze(&docs, &opts).map(|r| to_js(&r));
        }
        _ => {}
    }
    step < 3
}

/// Engine and knowledge-base version.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} ({})", env!("CARGO_PKG_VERSION"), crate::identify::kb::KB_VERSION)
}


/// Identification alone (no clauses, no verdict): `docs` is `[{name, text}]`.
/// Returns `{primary, others}`, each a `license` object of the contract.
#[wasm_bindgen(js_name = identify)]
pub fn identify_js(docs: JsValue) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Found {
        primary: crate::report::LicenseMatch,
        others: Vec<crate::report::LicenseMatch>,
    }
    let docs: Vec<Document> = serde_wasm_bindgen::from_value(docs)
        .map_err(|e| JsError::new(&format!("bad documents: {e}")))?;
    let r = crate::identify::identify(&docs);
    to_js(&Found { primary: r.primary, others: r.others })
}

