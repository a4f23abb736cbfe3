//! The verdict: a pure function of the identified license and the clauses.
//!
//! - `research-only` / `non-commercial` when the text limits use that way;
//! - `open` for an OSI-approved or open-content license read as it is
//!   (exact or equivalent), with no restriction added beside it (a rider in the
//!   text or another document); or, for a text not identified, a broad free
//!   grant with no restriction found;
//! - `restricted` when commercial use is allowed with strings: a use policy,
//!   user or revenue thresholds, output bans, regions, naming, pass-through;
//! - `unknown` otherwise.

use crate::clauses::Found;
use crate::kb::Facts;
use crate::report::{ChangeKind, Clause, LicenseMatch, MatchKind, Verdict, VerdictClass};

/// Clause kinds that restrict what a permissive license would allow.
pub const RESTRICTING: &[&str] = &[
    "mau_threshold",
    "revenue_threshold",
    "separate_license_needed",
    "aup_by_reference",
    "use_restrictions",
    "field_exclusions",
    "geo_exclusion",
    "output_training_ban",
    "restrictions_propagate",
    "no_derivatives",
    "attribution_display",
    "naming_requirement",
    "remote_control_updates",
    "revocable_or_at_will_termination",
    "registration_required",
];

/// Open-content licenses (not software licenses, so not OSI-approved) that
/// count as open: ids, or id prefixes ending in `-`.
pub const OPEN_CONTENT: &[&str] = &["CC0-1.0", "CC-BY-", "CC-BY-SA-", "CDLA-Permissive-", "CDLA-Sharing-", "ODC-By-", "PDDL-1.0", "OpenMDW"];

/// Whether a license id is an open-content license.
pub fn is_open_content(id: &str) -> bool {
    let id_l = id.to_ascii_lowercase();
    OPEN_CONTENT.iter().any(|p| {
        let p_l = p.to_ascii_lowercase();
        if p.ends_with('-') {
            // CC-BY-4.0 and CC-BY-SA-4.0, but not CC-BY-NC-4.0 or CC-BY-ND-4.0.
            id_l.strip_prefix(&p_l).map(|rest| rest.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(false)
        } else {
            id_l == p_l || id_l.starts_with(&format!("{p_l}-"))
        }
    })
}

/// Decide the verdict class from the license alone.
pub fn decide(license: &LicenseMatch, facts: Option<&Facts>, found: &Found) -> Verdict {
    let clauses = &found.clauses;
    let has = |k: &str| clauses.iter().find(|c| c.kind == k);
    if let Some(c) = has("research_only") {
        return verdict(VerdictClass::ResearchOnly, "Research only", vec![reason(c)]);
    }
    if let Some(c) = has("noncommercial") {
        return verdict(VerdictClass::NonCommercial, "Non-commercial only", vec![reason(c)]);
    }
    let known_open = license.id.as_deref().is_some_and(|id| {
        facts.and_then(|f| f.osi_approved) == Some(true) || is_open_content(id)
    });
    let as_is = matches!(license.match_kind, MatchKind::Exact | MatchKind::Equivalent | MatchKind::Declared);
    // A known open license read as it is: its own clauses are its terms. Only a
    // restriction elsewhere (another document) is a rider. A modified or partial
    // text: any restriction is a rider.
    let restricting: Vec<&Clause> = clauses
        .iter()
        .filter(|c| RESTRICTING.contains(&c.kind.as_str()))
        .filter(|c| !(known_open && as_is) || c.evidence.iter().any(|e| e.doc != license.doc))
        .collect();
    if !restricting.is_empty() {
        let mut reasons: Vec<String> = restricting.iter().map(|c| reason(c)).collect();
        if known_open {
            reasons.insert(0, format!("{} with added restrictions", license.id.as_deref().unwrap_or("an open license")));
        }
        return verdict(VerdictClass::Restricted, "Restricted: commercial use with strings", reasons);
    }
    if found.signal("_service_source") && !known_open {
        // A copyleft that reaches past the work (SSPL): commercial use is allowed,
        // but offering it as a service obliges you to publish the source of every
        // program that runs the service. Not open (no OSI approval), not free of strings.
        let mut reasons = vec!["offering it as a service obliges you to publish the source code of every program used to run the service, not only of the work".to_string()];
        if let Some(id) = license.id.as_deref() {
            reasons.push(format!("{id} is not OSI-approved"));
        }
        return verdict(VerdictClass::Restricted, "Restricted: commercial use with strings", reasons);
    }
    if known_open && license.match_kind == MatchKind::Modified && !license.changes.is_empty() {
        // Every change inside a clause a detector read (none of them restricting: those
        // decided above), as OpenMDW-1.1's "or copyright" added to 1.0's patent-suit
        // termination: the change was understood, and it restricts nothing.
        if let Some(kinds) = changes_read(license, clauses) {
            let id = license.id.as_deref().unwrap_or("an open license");
            return verdict(
                VerdictClass::Open,
                &format!("Open (a changed {id})"),
                vec![format!(
                    "the text is {id} with {} change(s), each inside a clause that was read ({}); none restricts use",
                    license.changes.len(),
                    kinds.join(", ")
                )],
            );
        }
        // The words that make the license open were changed, and no detector
        // understood the change: saying `open` would claim more than the text
        // supports (an added "except for commercial use", a removed "sell").
        return modified_open(license);
    }
    if known_open {
        let why = if facts.and_then(|f| f.osi_approved) == Some(true) { "OSI-approved" } else { "open-content license" };
        return verdict(VerdictClass::Open, "Open", vec![format!("{} is {why}, with no added restriction", license.id.as_deref().unwrap_or("the license"))]);
    }
    if found.signal("_free_grant") && found.signal("_commercial_limit") {
        // A broad grant beside words that limit commercial use that no detector read:
        // calling it open would claim more than the text supports.
        return verdict(
            VerdictClass::Unknown,
            "Unknown: read the commercial-use terms",
            vec!["the text grants use, change and redistribution, but also limits commercial use in words not recognised".into()],
        );
    }
    if found.signal("_free_grant") {
        // A prohibition no reported clause explains: a restriction in words no detector reads.
        // Calling the text open would claim more than it supports.
        let explained = |e: &crate::report::Evidence| {
            clauses.iter().any(|c| c.evidence.iter().any(|x| x.doc == e.doc && x.start < e.end && e.start < x.end))
        };
        let unread = found.signals.iter().filter(|c| c.kind == "_prohibition").flat_map(|c| &c.evidence).find(|e| !explained(e));
        if let Some(e) = unread {
            return verdict(
                VerdictClass::Unknown,
                "Unknown: read the prohibitions",
                vec![format!("the text grants use, change and redistribution, but also forbids something in words not recognised: \"{}\"", e.quote)],
            );
        }
        // Open in substance, by the corpus labels' reading (no class fits better), but
        // not OSI-approved: the label and the reason say so, never hide it.
        let which = match license.id.as_deref() {
            Some(id) => format!("{id} is not OSI-approved"),
            None => "it matches no known license, so it is not OSI-approved".into(),
        };
        return verdict(
            VerdictClass::Open,
            "Open (permissive terms, not OSI-approved)",
            vec![format!("the text grants use, change and redistribution, and no restriction was found; {which}")],
        );
    }
    verdict(VerdictClass::Unknown, "Unknown", vec!["no known open license and no clause that decides the class".into()])
}

/// When every change of a modified license lies inside the evidence of a reported clause,
/// the kinds of those clauses; `None` when any change lies outside every clause.
fn changes_read(license: &LicenseMatch, clauses: &[Clause]) -> Option<Vec<String>> {
    let mut kinds: Vec<String> = vec![];
    for ch in &license.changes {
        let c = clauses
            .iter()
            .find(|c| c.evidence.iter().any(|e| e.doc == ch.doc && e.start <= ch.start && ch.end <= e.end && e.start < e.end))?;
        if !kinds.contains(&c.kind) {
            kinds.push(c.kind.clone());
        }
    }
    Some(kinds)
}

/// The verdict for an open license whose text was changed in substance.
fn modified_open(license: &LicenseMatch) -> Verdict {
    let id = license.id.as_deref().unwrap_or("an open license");
    let mut reasons = vec![format!(
        "the text is {id} with {} change(s) in substance; an open license stops being open when its words change, and these were not recognised as harmless",
        license.changes.len()
    )];
    for c in license.changes.iter().take(3) {
        let what = match c.kind {
            ChangeKind::Added => format!("added: “{}”", short(&c.text)),
            ChangeKind::Removed => format!("removed: “{}”", short(c.original.as_deref().unwrap_or(&c.text))),
            ChangeKind::Replaced => format!(
                "“{}” replaced by “{}”",
                short(c.original.as_deref().unwrap_or("")),
                short(&c.text)
            ),
        };
        reasons.push(what);
    }
    verdict(VerdictClass::Unknown, &format!("Modified {id}: read the changes"), reasons)
}

fn short(s: &str) -> String {
    const MAX: usize = 120;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= MAX {
        s
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

fn reason(c: &Clause) -> String {
    c.summary.clone()
}

fn verdict(class: VerdictClass, label: &str, reasons: Vec<String>) -> Verdict {
    Verdict { class, label: label.into(), reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::Document;
    use crate::{analyze, Options};

    #[test]
    fn a_change_inside_a_clause_that_was_read_keeps_an_open_license_open() {
        let mdw = include_str!("../data/corpus/spdx/OpenMDW-1.0.txt");
        // OpenMDW-1.1's change: the suit that ends the grant may be over a copyright too.
        let changed = mdw.replacen("infringe any patent,", "infringe any patent or copyright,", 1);
        assert_ne!(changed, mdw);
        let r = analyze(&[Document::new("LICENSE", changed.as_str())], &Options::default()).unwrap();
        assert_eq!(r.license.match_kind, MatchKind::Modified, "{:?}", r.license);
        assert!(r.clauses.iter().any(|c| c.kind == "ip_litigation_termination"));
        assert_eq!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
        // A change no clause explains (the grant narrowed) is still not called open.
        let narrowed = mdw.replacen("without restriction", "without restriction on weekdays", 1);
        assert_ne!(narrowed, mdw);
        let r = analyze(&[Document::new("LICENSE", narrowed.as_str())], &Options::default()).unwrap();
        assert_eq!(r.license.match_kind, MatchKind::Modified, "{:?}", r.license);
        assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    }

    #[test]
    fn open_content_ids() {
        assert!(is_open_content("CC-BY-4.0"));
        assert!(is_open_content("CC-BY-SA-3.0"));
        assert!(is_open_content("CC0-1.0"));
        assert!(is_open_content("CDLA-Permissive-2.0"));
        assert!(is_open_content("ODC-By-1.0"));
        assert!(!is_open_content("CC-BY-NC-4.0"));
        assert!(!is_open_content("CC-BY-ND-4.0"));
        assert!(!is_open_content("CC-BY-NC-SA-4.0"));
        assert!(!is_open_content("MIT"));
    }
}
