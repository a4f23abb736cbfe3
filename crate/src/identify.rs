//! Identification: which known license a text is, and how it departs from it.
//!
//! STUB (foundation): always `unknown`. The identification issue replaces this.

use crate::report::{Document, LicenseMatch};

/// What identification found in the input.
#[derive(Debug, Clone)]
pub struct Identification {
    /// The main license (the first non-policy match, else the first match).
    pub primary: LicenseMatch,
    /// Other known texts found (a use policy beside the license, ...).
    pub others: Vec<LicenseMatch>,
}

/// Identify every document of the input.
pub fn identify(docs: &[Document]) -> Identification {
    let _ = docs;
    Identification { primary: LicenseMatch::unknown(), others: vec![] }
}
