//! Clause detectors: regexes kept as data, with verbatim evidence.
//!
//! STUB (foundation): finds nothing. The clauses issue replaces this.

use crate::report::{Clause, Document};

/// Extract every clause from the documents.
pub fn extract(docs: &[Document]) -> Vec<Clause> {
    let _ = docs;
    vec![]
}
