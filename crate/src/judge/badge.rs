//! The badge: its class and its words, in one place.
//!
//! In: the verdict, the identified license and (when hub metadata was read) the recipe.
//! Out: a [`Badge`]. The model stage's lineage refines it with the base models' badges, through
//! the same functions.

use crate::identify::kb;
use crate::report::{Badge, BadgeClass, LicenseMatch, Recipe, Verdict, VerdictClass};

/// Badge from the license verdict alone (recipe and lineage refine it elsewhere).
pub fn badge_for(v: &Verdict) -> Badge {
    let class = match v.class {
        VerdictClass::Open => BadgeClass::OpenWeightsPermissive,
        VerdictClass::Restricted => BadgeClass::OpenWeightsRestricted,
        VerdictClass::NonCommercial => BadgeClass::NonCommercial,
        VerdictClass::ResearchOnly => BadgeClass::ResearchOnly,
        VerdictClass::Unknown => BadgeClass::Unknown,
    };
    Badge { class, text: badge_text(class).into() }
}

/// The short text for a badge class.
pub fn badge_text(class: BadgeClass) -> &'static str {
    match class {
        BadgeClass::OpenSourceAi => "Open source AI: open license; training data, code and paper disclosed",
        BadgeClass::OpenWeightsPermissive => "Open weights, permissive license",
        BadgeClass::OpenWeightsRestricted => "Open weights, restricted license",
        BadgeClass::NonCommercial => "Non-commercial only",
        BadgeClass::ResearchOnly => "Research only",
        BadgeClass::Unknown => "License unclear",
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
    if verdict.class == VerdictClass::Open && known_open && recipe.map(|r| r.disclosed).unwrap_or(false) {
        return Badge { class: BadgeClass::OpenSourceAi, text: badge_text(BadgeClass::OpenSourceAi).into() };
    }
    badge_for(verdict)
}
