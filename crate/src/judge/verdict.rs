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
use crate::identify::kb::{self, Facts};
use crate::text::lang::{self, Kind};
use crate::text::normalize;
use crate::text::terms::reads_as_terms;
use crate::report::{Change, ChangeKind, Clause, Document, Evidence, LicenseMatch, MatchKind, Message, MessageArg, UnreadPassage, Verdict, VerdictClass};
use std::collections::HashSet;

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
    // A license only named in the text is not its text: whatever else the text says is a rider.
    let as_is = matches!(license.match_kind, MatchKind::Exact | MatchKind::Equivalent)
        || license.match_kind == MatchKind::Declared && license.named.is_none();
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
    // Words added before or after the license that read as no term (a heading, a project
    // description, an attribution notice) are beside it: not a change of its terms.
    // Immaterial differences (a title, a name, a spelling) are no change of terms at all.
    let (beside, changed): (Vec<&Change>, Vec<&Change>) = license.changes.iter().filter(|c| c.material).partition(|c| harmless_edge(license, c));
    if known_open && matches!(license.match_kind, MatchKind::Modified | MatchKind::Partial) && !changed.is_empty() {
        // Every change inside a clause a detector read (none of them restricting: those
        // decided above), as OpenMDW-1.1's "or copyright" added to 1.0's patent-suit
        // termination: the change was understood, and it restricts nothing.
        if let Some(kinds) = changes_read(&changed, clauses) {
            let id = license.id.as_deref().unwrap_or("an open license");
            return verdict(
                VerdictClass::Open,
                &format!("Open (a changed {id})"),
                vec![format!(
                    "the text is {id} with {} change(s), each inside a clause that was read ({}); none restricts use",
                    changed.len(),
                    kinds.iter().map(|k| crate::judge::said::kind_label(k)).collect::<Vec<_>>().join("; ")
                )],
            );
        }
        // The words that make the license open were changed, and no detector
        // understood the change: saying `open` would claim more than the text
        // supports (an added "except for commercial use", a removed "sell").
        return modified_open(license, &changed);
    }
    if known_open {
        let why = if facts.and_then(|f| f.osi_approved) == Some(true) { "OSI-approved" } else { "open-content license" };
        let mut reasons = vec![format!("{} is {why}, with no added restriction", license.id.as_deref().unwrap_or("the license"))];
        if let Some(c) = beside.first() {
            reasons.push(format!("the words around it read as no term (a heading, a description or a notice): “{}”", short(&c.text)));
        }
        return verdict(VerdictClass::Open, "Open", reasons);
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
fn changes_read(changes: &[&Change], clauses: &[Clause]) -> Option<Vec<String>> {
    let mut kinds: Vec<String> = vec![];
    for ch in changes {
        let c = clauses
            .iter()
            .find(|c| c.evidence.iter().any(|e| e.doc == ch.doc && e.start <= ch.start && ch.end <= e.end && e.start < e.end))?;
        if !kinds.contains(&c.kind) {
            kinds.push(c.kind.clone());
        }
    }
    Some(kinds)
}

/// Sentences of a document outside every known text found in it that read as terms and that no
/// reported clause explains: what a partial match (a known license plus other text) or a license
/// only named in the text adds in words nothing read. A copyright line, a sentence of the license
/// itself repeated (the Apache header above the full text), a note that says it is not part of
/// the license, a heading or a description are no additions.
pub fn unread_additions(docs: &[Document], license: &LicenseMatch, others: &[LicenseMatch], found: &Found) -> Vec<Evidence> {
    let (Some(id), Some(span)) = (license.id.as_deref(), license.span) else { return vec![] };
    if license.match_kind != MatchKind::Partial && license.named.is_none() {
        return vec![];
    }
    let d = license.doc;
    let Some(text) = docs.get(d).map(|x| x.text.as_str()) else { return vec![] };
    let mut covered: Vec<(usize, usize)> = std::iter::once(span).chain(others.iter().filter(|m| m.doc == d).filter_map(|m| m.span)).collect();
    covered.sort_unstable();
    // The parts of the document outside every known text.
    let mut pieces = vec![];
    let mut at = 0;
    for (s, e) in covered {
        if s > at {
            pieces.push((at, s));
        }
        at = at.max(e);
    }
    if at < text.len() {
        pieces.push((at, text.len()));
    }
    let toks = normalize::tokenize(text);
    let own = license_trigrams(id);
    let lower = text.to_ascii_lowercase();
    let mut out = vec![];
    for (p0, p1) in pieces {
        let Some(piece) = lower.get(p0..p1) else { continue };
        for (a, b) in crate::identify::names::sentences(piece) {
            let (a, b) = (p0 + a, p0 + b);
            let raw = &text[a..b];
            let (ta, tb) = (a + (raw.len() - raw.trim_start().len()), b - (raw.len() - raw.trim_end().len()));
            if ta >= tb {
                continue;
            }
            // Its words: none of a copyright line or numbering.
            let first = toks.spans.partition_point(|sp| (sp.0 as usize) < ta);
            let words: Vec<usize> = (first..toks.len())
                .take_while(|&i| (toks.spans[i].0 as usize) < tb)
                .filter(|&i| toks.spans[i].1 as usize <= tb)
                .filter(|&i| toks.flags[i] & (normalize::FLAG_COPYRIGHT | normalize::FLAG_BULLET) == 0)
                .collect();
            if words.len() < 3 || !reads_as_terms(&lower[ta..tb]) || crate::identify::says_not_part_of_license(&text[ta..tb]) {
                continue;
            }
            let explained = found.clauses.iter().flat_map(|c| &c.evidence).any(|e| e.doc == d && e.start < tb && ta < e.end);
            if explained || repeats(&toks, &words, &own) {
                continue;
            }
            out.push(Evidence { doc: d, quote: text[ta..tb].to_string(), start: ta, end: tb });
        }
    }
    out
}

/// Word trigrams of a known license's text.
fn license_trigrams(id: &str) -> HashSet<(u32, u32, u32)> {
    let ix = kb::index();
    let Some(f) = kb::FACTS.iter().position(|f| f.id == id) else { return HashSet::new() };
    ix.text_tokens(ix.text_of_fact[f] as usize).windows(3).map(|w| (w[0], w[1], w[2])).collect()
}

/// Whether most of a sentence's word trigrams are the license's own (the sentence repeats it).
fn repeats(toks: &normalize::Tokens, words: &[usize], own: &HashSet<(u32, u32, u32)>) -> bool {
    let ix = kb::index();
    let ids: Vec<Option<u32>> = words.iter().map(|&i| ix.word_ids.get(toks.word(i)).copied()).collect();
    let grams: Vec<bool> = ids
        .windows(3)
        .map(|w| matches!((w[0], w[1], w[2]), (Some(a), Some(b), Some(c)) if own.contains(&(a, b, c))))
        .collect();
    !grams.is_empty() && grams.iter().filter(|&&g| g).count() * 5 >= grams.len() * 4
}

/// An open verdict, when the text adds words nothing read to an open license: `unknown`, with
/// the additions quoted. Any other verdict stands.
pub fn with_additions(v: Verdict, license: &LicenseMatch, additions: &[Evidence]) -> Verdict {
    if v.class != VerdictClass::Open || additions.is_empty() {
        return v;
    }
    let id = license.id.as_deref().unwrap_or("an open license");
    let mut reasons = vec![format!(
        "the text is {id} plus {} passage(s) of terms that are not part of it and that were not recognised: an open license with added terms may not be open",
        additions.len()
    )];
    reasons.extend(additions.iter().take(3).map(|e| format!("added: “{}”", short(&e.quote))));
    if license.named.is_some() {
        // What the named license's terms would say, and that they were not read.
        reasons.extend(v.reasons.into_iter().take(1));
    }
    verdict(VerdictClass::Unknown, &format!("{id} plus added terms: read them"), reasons)
}

/// Foreign letters a copyright line may carry and still be a copyright line (a holder's name in
/// its own script): past this, the line carries more than a name.
const COPYRIGHT_NAME_MAX_CHARS: usize = 24;

/// The passages of the documents the engine could not read (`lang::unread_passages`), except
/// those a known text it matched reads: a passage inside a matched license's span, in a script or
/// language that license's own text is written in (a bilingual license the knowledge base holds),
/// and not inside a change of it. A copyright line with a name in another script is a name.
/// Reordered and disguised text is never read.
///
/// Chinese is read for the key kinds (clauses/zh.rs): a Chinese passage in which a clause was found
/// was read, and is not listed; one in which none was found is listed with a sentence that says so
/// (its other terms were not read, so it still keeps the verdict from `open`).
pub fn unread(docs: &[Document], license: &LicenseMatch, others: &[LicenseMatch], clauses: &[Clause]) -> Vec<UnreadPassage> {
    let mut out = vec![];
    let matched = |m: &LicenseMatch| {
        matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent | MatchKind::Modified | MatchKind::Partial) && m.named.is_none()
    };
    // The knowledge base's vocabulary is decoded only if a passage needs it (most texts never do).
    let vocab = std::cell::OnceCell::new();
    let is_known = |w: &str| vocab.get_or_init(|| &kb::index().word_ids).contains_key(w);
    for (d, doc) in docs.iter().enumerate() {
        let text = doc.text.as_str();
        for u in lang::unread_passages(text, &is_known) {
            let quote = &text[u.start..u.end];
            let readable = matches!(u.kind, Kind::Script { .. } | Kind::Language(_) | Kind::NoLanguage);
            if readable && is_copyright_name(quote) {
                continue;
            }
            let in_change = license.changes.iter().any(|c| c.doc == d && c.kind != ChangeKind::Removed && c.start < u.end && u.start < c.end);
            // Read as part of a known text: mostly inside its span, and its words that text's own.
            let read_by = std::iter::once(license).chain(others).filter(|m| m.doc == d && matched(m)).find(|m| {
                m.span.is_some_and(|(s, e)| 2 * (u.end.min(e).saturating_sub(u.start.max(s))) >= u.end - u.start)
                    && m.id.as_deref().is_some_and(|id| known_words_share(id, quote) >= KNOWN_WORDS_SHARE)
            });
            if readable && !in_change && read_by.is_some() {
                continue;
            }
            let chinese = matches!(u.kind, Kind::Script { language: Some("Chinese"), .. });
            let read_here = |c: &Clause| c.evidence.iter().any(|ev| ev.doc == d && ev.start < u.end && u.start < ev.end);
            if chinese && clauses.iter().any(read_here) {
                continue;
            }
            let reason = if chinese {
                "Part of this text is in Chinese: it was read for the key terms only, none was found in it, and the rest of it was not read".to_string()
            } else {
                u.kind.sentence()
            };
            out.push(UnreadPassage {
                doc: d,
                start: u.start,
                end: u.end,
                quote: quote.to_string(),
                language: u.kind.name(),
                reason,
            });
        }
    }
    out
}

/// Whether a passage is one copyright line whose letters in another script are few (a name).
fn is_copyright_name(quote: &str) -> bool {
    let q = quote.trim_start().to_lowercase();
    let notice = q.starts_with("copyright") || q.starts_with('©') || q.starts_with("(c)");
    notice && !quote.contains('\n') && quote.chars().filter(|c| lang::script_of(*c).is_some()).count() <= COPYRIGHT_NAME_MAX_CHARS
}

/// Share of a passage's words a known text must have for the passage to be that text's own.
const KNOWN_WORDS_SHARE: f64 = 0.8;

/// The share of the words of `passage` (normalized as the knowledge base's texts are) that are
/// words of the known text of license `id`: a bilingual license's other half is its own words; a
/// rider put in a place the license leaves open (its copyright holder's name) is not.
fn known_words_share(id: &str, passage: &str) -> f64 {
    let ix = kb::index();
    let Some(f) = kb::FACTS.iter().position(|f| f.id == id) else { return 0.0 };
    let own: HashSet<u32> = ix.text_tokens(ix.text_of_fact[f] as usize).iter().copied().collect();
    let toks = normalize::tokenize(passage);
    if toks.is_empty() {
        return 1.0;
    }
    let known = (0..toks.len()).filter(|&i| ix.word_ids.get(toks.word(i)).is_some_and(|w| own.contains(w))).count();
    known as f64 / toks.len() as f64
}

/// A verdict with passages the engine could not read: an `open` verdict becomes `unknown`, its
/// label the first passage's sentence ("Part of this text is in Chinese and was not read"), the
/// passages quoted; any other verdict stands, and says what was not read.
pub fn with_unread(v: Verdict, unread: &[UnreadPassage]) -> Verdict {
    let Some(first) = unread.first() else { return v };
    let mut said: Vec<String> = vec![];
    for u in unread {
        if said.len() < 3 && !said.iter().any(|s| s.starts_with(&u.reason)) {
            said.push(format!("{}: “{}”", u.reason, short(&u.quote)));
        }
    }
    if v.class != VerdictClass::Open {
        let mut v = v;
        v.reasons.extend(said);
        return v;
    }
    let mut reasons = said;
    reasons.push(format!("the rest of the text reads as: {}; a passage that was not read may restrict it", v.label));
    verdict(VerdictClass::Unknown, &first.reason, reasons)
}

/// Whether a change is words added before or after the license's text that read as no term.
fn harmless_edge(license: &LicenseMatch, c: &Change) -> bool {
    let (Some(id), Some((s, e))) = (license.id.as_deref(), license.span) else { return false };
    if c.kind != ChangeKind::Added || !(c.end <= s || c.start >= e) {
        return false;
    }
    let toks = normalize::tokenize(&c.text);
    let words: Vec<usize> = (0..toks.len()).filter(|&i| toks.flags[i] & (normalize::FLAG_COPYRIGHT | normalize::FLAG_BULLET) == 0).collect();
    words.len() < 3
        || !reads_as_terms(&c.text.to_ascii_lowercase())
        || crate::identify::says_not_part_of_license(&c.text)
        || repeats(&toks, &words, &license_trigrams(id))
}

/// The verdict for an open license whose text was changed in substance.
fn modified_open(license: &LicenseMatch, changed: &[&Change]) -> Verdict {
    let id = license.id.as_deref().unwrap_or("an open license");
    let mut reasons = vec![format!(
        "the text is {id} with {} change(s) in substance; an open license stops being open when its words change, and these were not recognised as harmless",
        changed.len()
    )];
    for c in changed.iter().take(3) {
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
    Verdict { class, label: label.into(), reasons, message: None, reason_messages: vec![] }
}

/// Each of a verdict's reasons as a message of the UI's message files, where one says it: a clause's
/// summary (its message), and the reasons this module writes most (`None` for the others).
pub fn reason_messages(reasons: &[String], clauses: &[Clause]) -> Vec<Option<Message>> {
    let text = |s: &str| MessageArg::Text(s.to_string());
    reasons
        .iter()
        .map(|r| {
            if let Some(c) = clauses.iter().find(|c| c.summary == *r) {
                return c.message.clone();
            }
            if r == "no known open license and no clause that decides the class" {
                return Some(Message::new("reason_no_open_license"));
            }
            if let Some(id) = r.strip_suffix(" is OSI-approved, with no added restriction") {
                return Some(Message::with("reason_osi_approved", vec![text(id)]));
            }
            if let Some(id) = r.strip_suffix(" is open-content license, with no added restriction") {
                return Some(Message::with("reason_open_content", vec![text(id)]));
            }
            if let Some(id) = r.strip_suffix(" with added restrictions") {
                return Some(Message::with("reason_added_restrictions", vec![text(id)]));
            }
            if let Some(id) = r.strip_suffix(" is not OSI-approved") {
                return Some(Message::with("reason_not_osi", vec![text(id)]));
            }
            let declared = r
                .strip_prefix("the page declares ")
                .and_then(|s| s.strip_suffix("; its text was not read, so this is what the published license says, not what this model's copy says"));
            if let Some(name) = declared {
                return Some(Message::with("reason_declared", vec![text(name)]));
            }
            None
        })
        .collect()
}

/// A verdict's label as a message of the UI's message files (`verdict_...`), for the labels this
/// module and `declared` write; `None` for a label read from elsewhere (an unread passage's reason).
pub fn label_message(label: &str) -> Option<Message> {
    let fixed = [
        ("Research only", "verdict_research_only"),
        ("Non-commercial only", "verdict_noncommercial_only"),
        ("Restricted: commercial use with strings", "verdict_restricted_strings"),
        ("Open", "verdict_open"),
        ("Restricted", "verdict_restricted"),
        ("Unknown", "verdict_unknown"),
        ("Unknown: read the commercial-use terms", "verdict_unknown_commercial_terms"),
        ("Unknown: read the prohibitions", "verdict_unknown_prohibitions"),
        ("Open (permissive terms, not OSI-approved)", "verdict_open_not_osi"),
        ("No license declared", "verdict_no_license_declared"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(l, _)| *l == label) {
        return Some(Message::new(*id));
    }
    let text = |s: &str| MessageArg::Text(s.to_string());
    for (how, id) in [(" (named license, terms not read)", "verdict_named"), (" (declared license, text not read)", "verdict_declared")] {
        if let Some(inner) = label.strip_suffix(how) {
            return label_message(inner).map(|m| Message::with(id, vec![MessageArg::Message(m)]));
        }
    }
    if let Some(id) = label.strip_prefix("Open (a changed ").and_then(|s| s.strip_suffix(')')) {
        return Some(Message::with("verdict_open_changed", vec![text(id)]));
    }
    if let Some(id) = label.strip_suffix(" plus added terms: read them") {
        return Some(Message::with("verdict_plus_added", vec![text(id)]));
    }
    if let Some(id) = label.strip_prefix("Modified ").and_then(|s| s.strip_suffix(": read the changes")) {
        return Some(Message::with("verdict_modified", vec![text(id)]));
    }
    None
}

/// Whether the license is OSI-approved: the knowledge base's fact for a known
/// license; `false` for a text that matches no known license (every OSI-approved
/// license is on the SPDX list the knowledge base holds, so a text that is none
/// of them is not one); `null` when nothing was identified from no text.
/// A known model license is not OSI-approved (`false`); a policy is no license (`null`).
/// A known license's text changed in substance is not the approved text: `false`
/// when the change restricts it (the verdict says so), `null` when the change was
/// not understood (the verdict is unknown), the license's fact when it is still open.
pub fn osi_approved(license: &LicenseMatch, facts: Option<&kb::Facts>, has_text: bool, verdict: &Verdict) -> Option<bool> {
    match facts {
        Some(f) if license.match_kind == MatchKind::Modified && f.osi_approved == Some(true) => match verdict.class {
            VerdictClass::Open => Some(true),
            VerdictClass::Unknown => None,
            _ => Some(false),
        },
        // A model license is on no OSI list (OSI approval is an SPDX fact): not approved.
        Some(f) if f.kind == kb::Kind::Model && f.osi_approved.is_none() => Some(false),
        Some(f) => f.osi_approved,
        None if has_text && license.id.is_none() && license.match_kind == MatchKind::Unknown => Some(false),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::Document;
    use crate::{analyze, Options};

    #[test]
    fn a_change_inside_a_clause_that_was_read_keeps_an_open_license_open() {
        let mdw = include_str!("../../data/corpus/spdx/OpenMDW-1.0.txt");
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
