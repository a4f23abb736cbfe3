//! The badge: its class and its words, in one place.
//!
//! In: the verdict, the identified license and (when hub metadata was read) the recipe.
//! Out: a [`Badge`]. The model stage's lineage refines it with the base models' badges, through
//! the same functions.
//!
//! The words lead with what a person may do, and keep the product's point: an open license on the
//! weights is not open-source AI when the recipe (data, code, paper) is withheld. Share-alike is a
//! condition on sharing, not a restriction on use, so a copyleft license is open, and named as
//! copyleft.

use super::declared;
use crate::identify::{kb, names};
use crate::report::{Badge, BadgeClass, LicenseMatch, MatchKind, Message, Recipe, Verdict, VerdictClass};

/// The clause kind that makes a license copyleft (share-alike).
const COPYLEFT: &str = "same_license_copyleft";

/// Badge from the license verdict alone (recipe and lineage refine it elsewhere).
pub fn badge_for(v: &Verdict) -> Badge {
    let class = match v.class {
        VerdictClass::Open => BadgeClass::OpenWeightsPermissive,
        VerdictClass::Restricted => BadgeClass::OpenWeightsRestricted,
        VerdictClass::NonCommercial => BadgeClass::NonCommercial,
        VerdictClass::ResearchOnly => BadgeClass::ResearchOnly,
        VerdictClass::Unknown => BadgeClass::Unknown,
    };
    Badge { class, text: badge_text(class).into(), same_as_declared: false, message: Some(Message::new(format!("badge_{}", class_id(class)))) }
}

/// [`badge_text`] as a message of the UI's message files.
pub fn badge_message(class: BadgeClass) -> Message {
    Message::new(format!("badge_{}", class_id(class)))
}

/// The class's id in message ids (`badge_open_weights_restricted`, ...).
fn class_id(class: BadgeClass) -> &'static str {
    match class {
        BadgeClass::OpenSourceAi => "open_source_ai",
        BadgeClass::OpenWeightsPermissive => "open_weights_permissive",
        BadgeClass::OpenWeightsRestricted => "open_weights_restricted",
        BadgeClass::NonCommercial => "non_commercial",
        BadgeClass::ResearchOnly => "research_only",
        BadgeClass::Unknown => "unknown",
    }
}

/// The message of [`words`]: the same choice, as a message id of the UI's message files.
pub fn words_message(class: BadgeClass, license: &LicenseMatch, recipe: Option<&Recipe>) -> Message {
    let modified = if matches!(license.match_kind, MatchKind::Modified) { "_modified" } else { "" };
    Message::new(match class {
        BadgeClass::OpenWeightsPermissive => {
            let kind = if is_copyleft(license) { "copyleft" } else { "open" };
            let weights = if recipe.is_some() { "_weights_only" } else { "" };
            format!("badge_{kind}_license{modified}{weights}")
        }
        BadgeClass::OpenSourceAi if is_copyleft(license) => format!("badge_open_source_ai_copyleft{modified}"),
        BadgeClass::Unknown if !modified.is_empty() => "badge_modified_read_changes".to_string(),
        _ => format!("badge_{}{modified}", class_id(class)),
    })
}

/// The short words for a badge class on a model page (the recipe was looked at), for a license
/// not known to be copyleft and read as it is.
pub fn badge_text(class: BadgeClass) -> &'static str {
    match class {
        BadgeClass::OpenSourceAi => "Open-source AI",
        BadgeClass::OpenWeightsPermissive => "Open license · weights only",
        BadgeClass::OpenWeightsRestricted => "Commercial OK · conditions",
        BadgeClass::NonCommercial => "Non-commercial",
        BadgeClass::ResearchOnly => "Research only",
        BadgeClass::Unknown => "License not read",
    }
}

/// Whether the identified license is copyleft: its text, as the engine reads it, asks that
/// shared changes keep the same license (`data/declared-terms.tsv`, generated from the published
/// texts; so a license known only by its declared id is told apart too).
pub fn is_copyleft(license: &LicenseMatch) -> bool {
    license
        .id
        .as_deref()
        .and_then(declared::known_terms)
        .is_some_and(|t| t.kinds.contains(&COPYLEFT))
}

/// The words for a class, told apart by what the license is: copyleft or not, changed or not, and
/// whether the recipe was looked at (on a model page it was; pasted text has no recipe, so nothing
/// is said of the weights).
pub fn words(class: BadgeClass, license: &LicenseMatch, recipe: Option<&Recipe>) -> String {
    let modified = matches!(license.match_kind, MatchKind::Modified);
    let mark = if modified { " (modified)" } else { "" };
    match class {
        BadgeClass::OpenWeightsPermissive => {
            let kind = if is_copyleft(license) { "Copyleft license" } else { "Open license" };
            match recipe {
                Some(_) => format!("{kind}{mark} · weights only"),
                None => format!("{kind}{mark}"),
            }
        }
        BadgeClass::OpenSourceAi if is_copyleft(license) => format!("Open-source AI · copyleft{mark}"),
        BadgeClass::Unknown if modified => "Modified license · read the changes".into(),
        _ => format!("{}{mark}", badge_text(class)),
    }
}

/// The badge of one model from its license verdict and its recipe (lineage aside):
/// `open-source-ai` only when the license is open and data, code and paper are disclosed.
///
/// `open-source-ai` also needs a license known to be open source: OSI-approved, or an open-content
/// license. An open verdict that rests on permissive words alone (a custom grant, a license that is
/// not OSI-approved) is `open-weights-permissive` at most: the badge never claims more than that.
pub fn badge(license: &LicenseMatch, verdict: &Verdict, recipe: Option<&Recipe>) -> Badge {
    let known_open = license.id.as_deref().is_some_and(|id| {
        kb::facts(id).and_then(|f| f.osi_approved) == Some(true) || super::verdict::is_open_content(id)
    });
    let class = if verdict.class == VerdictClass::Open && known_open && recipe.map(|r| r.disclosed).unwrap_or(false) {
        BadgeClass::OpenSourceAi
    } else {
        badge_for(verdict).class
    };
    Badge { class, text: words(class, license, recipe), same_as_declared: false, message: Some(words_message(class, license, recipe)) }
}

/// Whether the hub's own license chip (the declared id) names the license the badge is about, so
/// the badge need not repeat it. An id the hub declares that resolves to another license, or to
/// none, is not the same.
pub fn same_as_declared(license: &LicenseMatch, declared: Option<&str>) -> bool {
    let (Some(id), Some(hf)) = (license.id.as_deref(), declared) else { return false };
    names::by_name(hf).is_some_and(|f| kb::same_text(f.id, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::MofClass;

    fn license(id: Option<&str>, match_kind: MatchKind) -> LicenseMatch {
        LicenseMatch { id: id.map(str::to_string), match_kind, ..LicenseMatch::unknown() }
    }

    fn verdict(class: VerdictClass) -> Verdict {
        Verdict { class, label: String::new(), reasons: vec![], message: None, reason_messages: vec![] }
    }

    fn recipe(disclosed: bool) -> Recipe {
        Recipe { dimensions: vec![], mof: MofClass { class: None, label: String::new(), missing: vec![] }, disclosed }
    }

    #[test]
    fn permissive_and_copyleft_open_licenses_are_told_apart() {
        let open = verdict(VerdictClass::Open);
        let hidden = recipe(false);
        for id in ["MIT", "Apache-2.0", "BSD-3-Clause", "CC-BY-4.0"] {
            let b = badge(&license(Some(id), MatchKind::Exact), &open, Some(&hidden));
            assert_eq!(b.class, BadgeClass::OpenWeightsPermissive, "{id}");
            assert_eq!(b.text, "Open license · weights only", "{id}");
        }
        for id in ["GPL-3.0-only", "AGPL-3.0-only", "LGPL-3.0-only", "MPL-2.0", "CC-BY-SA-4.0"] {
            let b = badge(&license(Some(id), MatchKind::Exact), &open, Some(&hidden));
            assert_eq!(b.class, BadgeClass::OpenWeightsPermissive, "{id}: copyleft is open");
            assert_eq!(b.text, "Copyleft license · weights only", "{id}");
        }
        // Known only by its declared id: still copyleft.
        let b = badge(&license(Some("GPL-3.0-only"), MatchKind::Declared), &open, Some(&hidden));
        assert_eq!(b.text, "Copyleft license · weights only");
    }

    #[test]
    fn open_source_ai_only_when_the_recipe_is_disclosed() {
        let open = verdict(VerdictClass::Open);
        let apache = license(Some("Apache-2.0"), MatchKind::Exact);
        assert_eq!(badge(&apache, &open, Some(&recipe(true))).text, "Open-source AI");
        assert_eq!(badge(&apache, &open, Some(&recipe(true))).class, BadgeClass::OpenSourceAi);
        assert_eq!(badge(&apache, &open, Some(&recipe(false))).class, BadgeClass::OpenWeightsPermissive);
        // No recipe looked at (a pasted text): nothing said of the weights.
        assert_eq!(badge(&apache, &open, None).text, "Open license");
        let gpl = license(Some("GPL-3.0-only"), MatchKind::Exact);
        assert_eq!(badge(&gpl, &open, Some(&recipe(true))).text, "Open-source AI · copyleft");
        assert_eq!(badge(&gpl, &open, None).text, "Copyleft license");
    }

    #[test]
    fn each_class_leads_with_use() {
        let any = license(Some("llama-3.1-community"), MatchKind::Exact);
        let r = recipe(false);
        assert_eq!(badge(&any, &verdict(VerdictClass::Restricted), Some(&r)).text, "Commercial OK · conditions");
        assert_eq!(badge(&any, &verdict(VerdictClass::NonCommercial), Some(&r)).text, "Non-commercial");
        assert_eq!(badge(&any, &verdict(VerdictClass::ResearchOnly), Some(&r)).text, "Research only");
        assert_eq!(badge(&license(None, MatchKind::Unknown), &verdict(VerdictClass::Unknown), Some(&r)).text, "License not read");
    }

    #[test]
    fn a_modified_text_says_so() {
        let r = recipe(false);
        let mit = license(Some("MIT"), MatchKind::Modified);
        assert_eq!(badge(&mit, &verdict(VerdictClass::Open), Some(&r)).text, "Open license (modified) · weights only");
        assert_eq!(badge(&mit, &verdict(VerdictClass::Restricted), Some(&r)).text, "Commercial OK · conditions (modified)");
        assert_eq!(badge(&mit, &verdict(VerdictClass::Unknown), Some(&r)).text, "Modified license · read the changes");
        // Formatting differences are not a change of meaning.
        let eq = license(Some("MIT"), MatchKind::Equivalent);
        assert_eq!(badge(&eq, &verdict(VerdictClass::Open), Some(&r)).text, "Open license · weights only");
    }

    #[test]
    fn the_id_is_the_hubs_own_chip_only_when_it_resolves_to_the_same_license() {
        let apache = license(Some("Apache-2.0"), MatchKind::Exact);
        assert!(same_as_declared(&apache, Some("apache-2.0")));
        assert!(!same_as_declared(&apache, Some("mit")));
        assert!(!same_as_declared(&apache, Some("other")));
        assert!(!same_as_declared(&apache, None));
        assert!(!same_as_declared(&license(None, MatchKind::Unknown), Some("apache-2.0")));
        let llama = license(Some("llama-3.1-community"), MatchKind::Exact);
        assert!(same_as_declared(&llama, Some("llama3.1")));
        assert!(!same_as_declared(&llama, Some("llama3")));
    }
}
