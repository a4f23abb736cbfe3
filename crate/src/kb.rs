//! The embedded knowledge base: facts about every known license.

/// What kind of document a known text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// On the SPDX License List.
    Spdx,
    /// A model license.
    Model,
    /// An acceptable-use or prohibited-use policy.
    Policy,
}

/// Facts about one known license.
#[derive(Debug)]
pub struct Facts {
    /// The report's `license.id`.
    pub id: &'static str,
    /// Full name.
    pub name: &'static str,
    /// SPDX, model license or policy.
    pub kind: Kind,
    /// Path of the text under `data/corpus/`.
    pub file: &'static str,
    /// OSI approval (SPDX entries only).
    pub osi_approved: Option<bool>,
    /// Deprecated SPDX id.
    pub deprecated: bool,
    /// Hugging Face license ids that name it.
    pub hf_ids: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// Version of the knowledge base format and content.
pub const KB_VERSION: &str = "fineprint-kb-1";

/// Facts for a license id (exact spelling first, then case-insensitive).
pub fn facts(id: &str) -> Option<&'static Facts> {
    FACTS
        .iter()
        .find(|f| f.id == id)
        .or_else(|| FACTS.iter().find(|f| f.id.eq_ignore_ascii_case(id)))
}

/// The license a Hugging Face license id names (`apache-2.0`, `llama3.1`, ...).
pub fn by_hf_id(hf_id: &str) -> Option<&'static Facts> {
    let hf = hf_id.trim();
    FACTS
        .iter()
        .find(|f| f.hf_ids.iter().any(|h| h.eq_ignore_ascii_case(hf)))
        .or_else(|| facts(hf))
}

/// Number of known licenses.
pub fn len() -> usize {
    FACTS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_unique_id() {
        let mut ids: Vec<_> = FACTS.iter().map(|f| f.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(n >= 781, "knowledge base too small: {n}");
    }

    #[test]
    fn hf_ids_resolve() {
        assert_eq!(by_hf_id("apache-2.0").map(|f| f.id), Some("Apache-2.0"));
        assert_eq!(by_hf_id("llama3.1").map(|f| f.id), Some("llama-3.1-community"));
        assert!(by_hf_id("no-such-license").is_none());
    }
}
