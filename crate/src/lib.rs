//! # Fine Print core
//!
//! Reads a license text and says what it lets you do: which known license it is
//! (and whether it was modified), which clauses it contains (with verbatim
//! evidence), and a verdict. The same code runs natively (the `fineprint` CLI)
//! and in WebAssembly (the browser extension and the checker page).
//!
//! The report shape is the contract of `shared/spec/README.md`: see [`report`].
#![warn(missing_docs)]

pub mod align;
pub mod analyze;
pub mod clauses;
pub mod fx;
pub mod declared;
pub mod hub;
pub mod identify;
pub mod kb;
pub mod lineage;
pub mod names;
pub mod normalize;
pub mod profile;
pub mod recipe;
pub mod report;
pub mod verdict;

#[cfg(feature = "wasm")]
pub mod bindings;

pub use analyze::{analyze, InputError, Options};
pub use report::{Document, Report};
