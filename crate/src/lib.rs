//! # Fine Print core
//!
//! Reads a license text and says what it lets you do: which known license it is
//! (and whether it was modified), which clauses it contains (with verbatim
//! evidence), and a verdict. The same code runs natively (the `fineprint` CLI)
//! and in WebAssembly (the browser extension and the checker page).
//!
//! The report shape is the contract of `shared/spec/README.md`: see [`report`].
#![warn(missing_docs)]

pub mod report;
pub mod text;
pub mod identify;
pub mod clauses;
pub mod judge;
pub mod model;
pub mod analyze;

// The flat layout's paths, kept so tools and tests written against them still build.
pub use identify::{kb, names};
pub use judge::{answers, declared, profile, verdict};
pub use model::{hub, lineage, recipe};
pub use text::{align, decode, fx, lang, normalize};

#[cfg(feature = "wasm")]
pub mod bindings;

pub use analyze::{analyze, InputError, Options};
pub use report::{Document, Report};
