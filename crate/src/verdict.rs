//! The verdict: a pure function of the identified license and the clauses.
//!
//! STUB (foundation): OSI-approved with no clause is `open`, else `unknown`.

use crate::kb::Facts;
use crate::report::{Clause, LicenseMatch, Verdict, VerdictClass};

/// Decide the verdict class from the license alone.
pub fn decide(license: &LicenseMatch, facts: Option<&Facts>, clauses: &[Clause]) -> Verdict {
    let _ = (license, clauses);
    match facts.and_then(|f| f.osi_approved) {
        Some(true) => Verdict { class: VerdictClass::Open, label: "Open source (OSI-approved)".into(), reasons: vec![] },
        _ => Verdict { class: VerdictClass::Unknown, label: "Unknown".into(), reasons: vec![] },
    }
}
