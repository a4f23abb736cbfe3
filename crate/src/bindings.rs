//! The WebAssembly boundary: the only file that knows about JavaScript.

use crate::report::Document;
use crate::{analyze, Options};
use wasm_bindgen::prelude::*;

/// Analyse documents. `docs` is `[{name, text}]`, `opts` is `{hf_license?}`.
/// Returns the report object of the contract, or throws an `Error` with a one-line reason.
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
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Engine and knowledge-base version.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} ({})", env!("CARGO_PKG_VERSION"), crate::kb::KB_VERSION)
}

use serde::Serialize as _;
