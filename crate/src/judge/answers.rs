//! The five answers (issue 16): the questions people bring to a license, answered from what
//! the analysis read.
//!
//! In: the identified license, the verdict and the clauses (with their values). Out: one
//! [`Answer`] per question, always the five of [`QUESTIONS`] in that order, each with the clause
//! kinds it rests on, and one sentence that says it all ([`in_short`]). Computed here, once, so
//! the CLI, the WASM build, the panel, the checker and the popup say the same.
//!
//! The rules are general: an answer is `allowed` only when a grant was read (a known open
//! license, or a text whose verdict found a grant); a clause that limits the use makes it
//! `allowed-with-conditions`; a clause that forbids it makes it `not-allowed`; and what no clause
//! speaks to is `not-addressed`. With no text read (a declared id), the kinds the published
//! license is known to hold stand in for the clauses, and every summary says so.

use crate::judge::declared;
use crate::report::{Answer, AnswerKind, Clause, ClauseValue, LicenseMatch, MatchKind, Message, MessageArg, Verdict, VerdictClass};

/// The five questions, in the contract's order.
pub const QUESTIONS: [&str; 5] = ["commercial_use", "modify", "redistribute", "train_on_outputs", "host_as_service"];

/// What one clause kind contributes: its value and whether one of its quotes mentions `word`.
struct Read<'a> {
    clauses: &'a [Clause],
    /// Kinds known from the published license when no text was read.
    known: Vec<&'a str>,
}

impl<'a> Read<'a> {
    fn has(&self, kind: &str) -> bool {
        self.clauses.iter().any(|c| c.kind == kind) || self.known.contains(&kind)
    }
    fn clause(&self, kind: &str) -> Option<&'a Clause> {
        self.clauses.iter().find(|c| c.kind == kind)
    }
    fn text_value(&self, kind: &str) -> Option<&'a str> {
        match self.clause(kind)?.value.as_ref()? {
            ClauseValue::Text(t) => Some(t.as_str()),
            _ => None,
        }
    }
    /// Whether a quote of `kind` mentions `word` (lower-case, ASCII).
    fn quote_mentions(&self, kind: &str, word: &str) -> bool {
        self.clause(kind).is_some_and(|c| c.evidence.iter().any(|e| e.quote.to_ascii_lowercase().contains(word)))
    }
}

/// One answer being built: conditions and the kinds they rest on.
/// Each condition and reason is kept twice: in English, and as a message of the UI's message files
/// (`_locales/`, id `ans_...`), so the UI can say it in the reader's language.
#[derive(Default)]
struct Build {
    forbidden: Option<(String, Message)>,
    conditions: Vec<(String, Message)>,
    kinds: Vec<String>,
}

/// A message with no arguments, or with one text argument.
fn m(id: &str) -> Message {
    Message::new(id)
}
fn m1(id: &str, arg: MessageArg) -> Message {
    Message::with(id, vec![arg])
}

impl Build {
    fn forbid(&mut self, why: &str, msg: Message, kind: &str) {
        if self.forbidden.is_none() {
            self.forbidden = Some((why.to_string(), msg));
        }
        self.rest_on(kind);
    }
    fn only(&mut self, condition: impl Into<String>, msg: Message, kind: &str) {
        let c = condition.into();
        if !self.conditions.iter().any(|(x, _)| *x == c) {
            self.conditions.push((c, msg));
        }
        self.rest_on(kind);
    }
    fn rest_on(&mut self, kind: &str) {
        if !self.kinds.iter().any(|k| k == kind) {
            self.kinds.push(kind.to_string());
        }
    }
}

/// "700 million", "1.5 million", "100,000".
pub fn count_words(n: u64) -> String {
    for (unit, word) in [(1_000_000_000u64, "billion"), (1_000_000, "million")] {
        if n >= unit && (n * 10) % unit == 0 {
            let whole = n / unit;
            let tenth = (n % unit) * 10 / unit;
            return if tenth == 0 { format!("{whole} {word}") } else { format!("{whole}.{tenth} {word}") };
        }
    }
    crate::clauses::group_thousands(n)
}

fn integer(c: Option<&Clause>) -> Option<u64> {
    match c?.value.as_ref()? {
        ClauseValue::Integer(n) => Some(*n),
        _ => None,
    }
}

/// The conditions any use carries (thresholds, use policy, regions, registration).
fn use_limits(r: &Read, b: &mut Build) {
    if r.has("mau_threshold") {
        match integer(r.clause("mau_threshold")) {
            Some(n) => b.only(format!("below {} monthly active users", count_words(n)), m1("ans_below_mau", MessageArg::Words { words: n }), "mau_threshold"),
            None => b.only("below a monthly-user limit", m("ans_below_mau_limit"), "mau_threshold"),
        }
    }
    if r.has("revenue_threshold") {
        let c = r.clause("revenue_threshold");
        match (integer(c), c.and_then(|c| c.unit.as_deref())) {
            (Some(n), Some(unit)) => {
                let cur = unit.split_once(" per ").map(|x| x.0).unwrap_or(unit);
                let msg = Message::with("ans_below_revenue", vec![MessageArg::Text(cur.into()), MessageArg::Words { words: n }]);
                b.only(format!("below {cur} {} yearly revenue", count_words(n)), msg, "revenue_threshold")
            }
            _ => b.only("below a revenue limit", m("ans_below_revenue_limit"), "revenue_threshold"),
        }
    }
    if r.has("separate_license_needed") {
        if r.has("mau_threshold") || r.has("revenue_threshold") {
            b.rest_on("separate_license_needed"); // above the limit: a license the licensor may refuse
        } else {
            b.only("only with a separate license from the licensor", m("ans_separate_license"), "separate_license_needed");
        }
    }
    if r.has("registration_required") {
        b.only("after registering with the licensor", m("ans_after_registering"), "registration_required");
    }
    if r.has("aup_by_reference") {
        b.only("within its acceptable use policy", m("ans_within_aup"), "aup_by_reference");
        for k in ["use_restrictions", "field_exclusions"] {
            if r.has(k) {
                b.rest_on(k);
            }
        }
    } else if r.has("use_restrictions") || r.has("field_exclusions") {
        b.only("outside the uses it bans", m("ans_outside_bans"), if r.has("use_restrictions") { "use_restrictions" } else { "field_exclusions" });
        if r.has("field_exclusions") {
            b.rest_on("field_exclusions");
        }
    }
    if r.has("geo_exclusion") {
        match r.clause("geo_exclusion").and_then(|c| c.value.as_ref()) {
            Some(ClauseValue::Regions(rs)) if !rs.is_empty() => {
                b.only(format!("not in {}", rs.join(", ")), m1("ans_not_in", MessageArg::Regions { regions: rs.clone() }), "geo_exclusion")
            }
            _ => b.only("not in the regions it excludes", m("ans_not_in_excluded_regions"), "geo_exclusion"),
        }
    }
    if r.has("remote_control_updates") {
        b.only("subject to the licensor's remote restrictions", m("ans_remote_restrictions"), "remote_control_updates");
    }
}

/// The limits a non-commercial or research-only license puts on every use.
fn purpose_limits(r: &Read, b: &mut Build) {
    if r.has("research_only") {
        b.only("for research only", m("ans_for_research_only"), "research_only");
    } else if r.has("noncommercial") {
        b.only("for non-commercial purposes only", m("ans_for_noncommercial_only"), "noncommercial");
    }
}

/// What sharing changed versions carries.
fn sharing_terms(r: &Read, b: &mut Build) {
    if r.has("same_license_copyleft") {
        b.only("under the same license (copyleft)", m("ans_same_license"), "same_license_copyleft");
    }
    if r.has("restrictions_propagate") {
        b.only("with its use restrictions passed on", m("ans_restrictions_passed_on"), "restrictions_propagate");
    }
    if r.has("naming_requirement") {
        match r.text_value("naming_requirement") {
            Some(v) => b.only(format!("with \u{201C}{v}\u{201D} in a shared model's name"), m1("ans_name_in_shared", MessageArg::Text(v.into())), "naming_requirement"),
            None => b.only("with its name in a shared model's name", m("ans_name_in_shared_generic"), "naming_requirement"),
        }
    }
    if r.has("attribution_display") {
        match r.text_value("attribution_display") {
            Some(v) => b.only(format!("showing \u{201C}{v}\u{201D}"), m1("ans_showing", MessageArg::Text(v.into())), "attribution_display"),
            None => b.only("with visible credit to the licensor", m("ans_visible_credit"), "attribution_display"),
        }
    }
}

/// The answers for a report's license, verdict and clauses.
pub fn answers(license: &LicenseMatch, verdict: &Verdict, clauses: &[Clause]) -> Vec<Answer> {
    let declared_only = license.match_kind == MatchKind::Declared;
    let known: Vec<&str> = if declared_only {
        license.id.as_deref().and_then(declared::known_terms).map(|k| k.kinds.clone()).unwrap_or_default()
    } else {
        vec![]
    };
    let r = Read { clauses, known };
    // A grant was read: the verdict found one (open, or allowed with strings), or limited it to a purpose.
    let granted = matches!(verdict.class, VerdictClass::Open | VerdictClass::Restricted);
    let limited = matches!(verdict.class, VerdictClass::NonCommercial | VerdictClass::ResearchOnly);

    let mut out = vec![];
    for q in QUESTIONS {
        let mut b = Build::default();
        let mut silent = ("Not stated in the text", "ans_not_stated");
        match q {
            "commercial_use" => {
                if r.has("research_only") {
                    b.forbid("Research use only", m("ans_research_use_only"), "research_only");
                } else if r.has("noncommercial") {
                    b.forbid("Non-commercial use only", m("ans_noncommercial_use_only"), "noncommercial");
                }
                use_limits(&r, &mut b);
            }
            "modify" => {
                purpose_limits(&r, &mut b);
                use_limits(&r, &mut b);
                if r.has("no_derivatives") {
                    b.only("for your own use only (changed versions may not be shared)", m("ans_own_use_only"), "no_derivatives");
                }
                if r.has("restrictions_propagate") {
                    b.only("with its use restrictions kept in derivatives", m("ans_restrictions_kept"), "restrictions_propagate");
                }
            }
            "redistribute" => {
                purpose_limits(&r, &mut b);
                if r.has("no_derivatives") {
                    b.only("unchanged copies only", m("ans_unchanged_only"), "no_derivatives");
                }
                sharing_terms(&r, &mut b);
                if r.has("aup_by_reference") {
                    b.rest_on("aup_by_reference");
                }
                if r.has("geo_exclusion") {
                    b.rest_on("geo_exclusion");
                }
            }
            "train_on_outputs" => {
                silent = ("The license does not address outputs", "ans_outputs_not_addressed");
                if r.has("output_training_ban") {
                    let (what, id) = if r.quote_mentions("output_training_ban", "large language model") {
                        ("Not allowed for other large language models", "ans_not_for_other_llms")
                    } else if r.quote_mentions("output_training_ban", "compet") {
                        ("Not allowed for competing models", "ans_not_for_competing")
                    } else {
                        ("Not allowed to train or improve other models", "ans_not_train_other")
                    };
                    b.forbid(what, m(id), "output_training_ban");
                }
                if r.has("derivatives_defined_broadly") {
                    b.only("as a derivative: a model trained on its outputs keeps its terms", m("ans_derivative_outputs"), "derivatives_defined_broadly");
                }
                if r.has("naming_requirement") && r.quote_mentions("naming_requirement", "output") {
                    match r.text_value("naming_requirement") {
                        Some(v) => b.only(format!("with \u{201C}{v}\u{201D} in the name of a model you share"), m1("ans_name_in_model", MessageArg::Text(v.into())), "naming_requirement"),
                        None => b.only("with its name in the name of a model you share", m("ans_name_in_model_generic"), "naming_requirement"),
                    }
                }
                if b.forbidden.is_none() && b.conditions.is_empty() && r.has("output_ownership") {
                    b.rest_on("output_ownership");
                }
            }
            "host_as_service" => {
                if r.has("research_only") {
                    b.forbid("Research use only", m("ans_research_use_only"), "research_only");
                } else if r.has("noncommercial") {
                    b.only("as a non-commercial service only", m("ans_noncommercial_service"), "noncommercial");
                }
                use_limits(&r, &mut b);
                if r.has("hosted_counts_as_distribution") {
                    b.only("under its sharing terms (serving it counts as sharing)", m("ans_sharing_terms"), "hosted_counts_as_distribution");
                }
                if r.has("same_license_copyleft") && r.quote_mentions("same_license_copyleft", "network") {
                    b.only("users over a network get the source (copyleft)", m("ans_network_source"), "same_license_copyleft");
                }
                if r.has("attribution_display") {
                    match r.text_value("attribution_display") {
                        Some(v) => b.only(format!("showing \u{201C}{v}\u{201D}"), m1("ans_showing", MessageArg::Text(v.into())), "attribution_display"),
                        None => b.only("with visible credit to the licensor", m("ans_visible_credit"), "attribution_display"),
                    }
                }
            }
            _ => unreachable!("QUESTIONS holds five ids"),
        }
        // The usual duties (notices, credit) do not make an answer conditional; beside conditions, credit is said.
        if matches!(q, "modify" | "redistribute") && r.has("notice_file") {
            b.rest_on("notice_file");
        }
        // The notice duty's reading says when it includes credit to the author (Creative Commons' BY).
        let credit = r.clause("notice_file").is_some_and(|c| c.summary.contains("credit"));
        if q == "redistribute" && credit && !b.conditions.is_empty() {
            b.conditions.push(("with credit to the author".into(), m("ans_with_credit")));
        }
        let words: Vec<&str> = b.conditions.iter().map(|(c, _)| c.as_str()).collect();
        let list = MessageArg::List { list: b.conditions.iter().map(|(_, msg)| msg.clone()).collect() };
        let (answer, mut summary, mut message) = if let Some((why, msg)) = b.forbidden {
            (AnswerKind::NotAllowed, why, msg)
        } else if !b.conditions.is_empty() && !(granted || limited) {
            // Limits read, but no grant: what the text allows is not clear.
            (AnswerKind::NotAddressed, format!("Not clear: no grant was read, and the text sets limits ({})", words.join(", ")), m1("ans_not_clear", list))
        } else if !b.conditions.is_empty() {
            (AnswerKind::AllowedWithConditions, sentence_case(&format!("Allowed {}", words.join(", "))), m1("ans_allowed_if", list))
        } else if granted || (limited && q != "commercial_use") {
            let (a, id) = match q {
                "train_on_outputs" if b.kinds.iter().any(|k| k == "output_ownership") => {
                    (AnswerKind::Allowed, "ans_allowed_outputs_free")
                }
                "train_on_outputs" => (AnswerKind::NotAddressed, silent.1),
                "redistribute" if credit => (AnswerKind::Allowed, "ans_allowed_credit"),
                "redistribute" if b.kinds.iter().any(|k| k == "notice_file") => (AnswerKind::Allowed, "ans_allowed_notices"),
                _ => (AnswerKind::Allowed, "ans_allowed"),
            };
            let english = match id {
                "ans_allowed_outputs_free" => "Allowed: the licensor claims no rights in outputs",
                "ans_allowed_credit" => "Allowed, with credit to the author and the license",
                "ans_allowed_notices" => "Allowed, with the license and its notices",
                "ans_allowed" => "Allowed",
                _ => silent.0,
            };
            (a, english.to_string(), m(id))
        } else {
            (AnswerKind::NotAddressed, silent.0.to_string(), m(silent.1))
        };
        if declared_only && license.id.is_some() {
            summary.push_str(" (from the published license: this copy was not read)");
            message = m1("ans_declared", MessageArg::Message(message));
        }
        out.push(Answer { question: q.to_string(), answer, summary, clauses: b.kinds, message: Some(message), from_base: None });
    }
    out
}

fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// How much an answer holds a user back, for choosing between a model's own answer and a binding
/// base model's: silence restricts nothing, conditions restrict, a ban most.
fn strictness(a: AnswerKind) -> u8 {
    match a {
        AnswerKind::Allowed => 0,
        AnswerKind::NotAddressed => 1,
        AnswerKind::AllowedWithConditions => 2,
        AnswerKind::NotAllowed => 3,
    }
}

/// A model's answers once a base model whose terms bind it is counted: for each question, the base's
/// answer where it is stricter (a fine-tune labelled Apache-2.0 of a Llama model may not be used
/// commercially above Llama's threshold, whatever its own file says), marked with the base's id.
/// The base saying nothing (`not-addressed`) never replaces an answer.
pub fn with_base(own: Vec<Answer>, base: &[Answer], base_id: &str) -> Vec<Answer> {
    own.into_iter()
        .map(|a| match base.iter().find(|b| b.question == a.question) {
            Some(b) if b.answer != AnswerKind::NotAddressed && strictness(b.answer) > strictness(a.answer) => {
                Answer { from_base: Some(b.from_base.clone().unwrap_or_else(|| base_id.to_string())), ..b.clone() }
            }
            _ => a,
        })
        .collect()
}

/// One sentence that says it all: what commercial use may do, then what sharing carries
/// ("Commercial use allowed below 700 million monthly active users; sharing: passing its use
/// restrictions on, with “Llama” in a shared model's name").
pub fn in_short(answers: &[Answer]) -> String {
    let get = |q: &str| answers.iter().find(|a| a.question == q);
    let (Some(com), Some(share)) = (get("commercial_use"), get("redistribute")) else {
        return String::new();
    };
    let declared = com.summary.ends_with("(from the published license: this copy was not read)");
    let strip = |s: &str| s.trim_end_matches(" (from the published license: this copy was not read)").to_string();
    let first = match com.answer {
        AnswerKind::Allowed => "Commercial use allowed".to_string(),
        AnswerKind::AllowedWithConditions => format!("Commercial use allowed {}", lower_first(strip(&com.summary).trim_start_matches("Allowed "))),
        AnswerKind::NotAllowed => strip(&com.summary),
        AnswerKind::NotAddressed => "The text does not say whether commercial use is allowed".to_string(),
    };
    let second = match share.answer {
        AnswerKind::AllowedWithConditions => {
            let s = strip(&share.summary);
            let rest = s.trim_start_matches("Allowed ");
            // Conditions commercial use already stated are not said twice, nor the purpose it is limited to.
            let rest: Vec<&str> = rest
                .split(", ")
                .filter(|c| !first.contains(c))
                .filter(|c| com.answer != AnswerKind::NotAllowed || !matches!(*c, "for research only" | "for non-commercial purposes only"))
                .collect();
            (!rest.is_empty()).then(|| format!("sharing {}", rest.join(", ")))
        }
        AnswerKind::NotAllowed => Some("no sharing".to_string()),
        AnswerKind::Allowed if share.summary.contains("credit") => Some("credit the author when you share".to_string()),
        AnswerKind::Allowed if com.answer == AnswerKind::Allowed => Some("free to change and share with the license's notices".to_string()),
        _ => None,
    };
    let mut s = match second {
        Some(t) => format!("{first}; {t}."),
        None => format!("{first}."),
    };
    if declared {
        s.push_str(" From the published license: this copy was not read.");
    }
    s
}

/// [`in_short`] as a message of the UI's message files: the same choices, read from the answers' messages.
pub fn in_short_message(answers: &[Answer]) -> Option<Message> {
    let get = |q: &str| answers.iter().find(|a| a.question == q);
    let (com, share) = (get("commercial_use")?, get("redistribute")?);
    // An answer's own message, without the "from the published license" wrapper; and its conditions.
    let inner = |a: &Answer| -> Option<Message> {
        let msg = a.message.clone()?;
        if msg.id == "ans_declared" {
            match msg.args.first() {
                Some(MessageArg::Message(inner)) => Some(inner.clone()),
                _ => None,
            }
        } else {
            Some(msg)
        }
    };
    let conditions = |msg: &Message| -> Vec<Message> {
        match (msg.id.as_str(), msg.args.first()) {
            ("ans_allowed_if", Some(MessageArg::List { list })) => list.clone(),
            _ => vec![],
        }
    };
    let (com_msg, share_msg) = (inner(com)?, inner(share)?);
    let com_conditions = conditions(&com_msg);
    let declared = com.message.as_ref().is_some_and(|m| m.id == "ans_declared");
    let first = match com.answer {
        AnswerKind::Allowed => m("is_commercial_allowed"),
        AnswerKind::AllowedWithConditions => m1("is_commercial_allowed_if", MessageArg::List { list: com_conditions.clone() }),
        AnswerKind::NotAllowed => com_msg.clone(),
        AnswerKind::NotAddressed => m("is_commercial_unclear"),
    };
    let second = match share.answer {
        AnswerKind::AllowedWithConditions => {
            let purpose = ["ans_for_research_only", "ans_for_noncommercial_only"];
            let rest: Vec<Message> = conditions(&share_msg)
                .into_iter()
                .filter(|c| !com_conditions.contains(c))
                .filter(|c| com.answer != AnswerKind::NotAllowed || !purpose.contains(&c.id.as_str()))
                .collect();
            (!rest.is_empty()).then(|| m1("is_sharing", MessageArg::List { list: rest }))
        }
        AnswerKind::NotAllowed => Some(m("is_no_sharing")),
        AnswerKind::Allowed if share_msg.id == "ans_allowed_credit" => Some(m("is_credit_when_share")),
        AnswerKind::Allowed if com.answer == AnswerKind::Allowed => Some(m("is_free_to_share")),
        _ => None,
    };
    let msg = match second {
        Some(t) => Message::with("is_two", vec![MessageArg::Message(first), MessageArg::Message(t)]),
        None => m1("is_one", MessageArg::Message(first)),
    };
    Some(if declared { m1("is_declared", MessageArg::Message(msg)) } else { msg })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_words() {
        assert_eq!(count_words(700_000_000), "700 million");
        assert_eq!(count_words(1_500_000), "1.5 million");
        assert_eq!(count_words(2_000_000_000), "2 billion");
        assert_eq!(count_words(123_456), "123,456");
        assert_eq!(count_words(1_234_567), "1,234,567");
    }
}

/// The words a grid cell shows for an answer.
pub fn answer_word(a: AnswerKind) -> &'static str {
    match a {
        AnswerKind::Allowed => "Yes",
        AnswerKind::AllowedWithConditions => "Only if",
        AnswerKind::NotAllowed => "No",
        AnswerKind::NotAddressed => "Not stated",
    }
}

/// The question as a reader asks it.
pub fn question_text(q: &str) -> &'static str {
    match q {
        "commercial_use" => "Commercial use",
        "modify" => "Modify (fine-tune, quantize, merge)",
        "redistribute" => "Share the weights or a derivative",
        "train_on_outputs" => "Train other models on its outputs",
        "host_as_service" => "Host it as a service or API",
        _ => "Question",
    }
}

/// The report as Markdown for an issue tracker or a review: the sentence, the grid, then each
/// clause with its first quote. `link(doc, line)` gives a quote's link (its line in the file), if any.
pub fn markdown(r: &crate::report::Report, doc_names: &[&str], texts: &[&str], link: &dyn Fn(usize, usize) -> Option<String>) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut s = String::new();
    let lic = r.license.name.as_deref().or(r.license.id.as_deref()).unwrap_or("License not identified");
    s += &format!("### {}: {}\n\n", cell(lic), cell(&r.badge.text));
    if !r.in_short.is_empty() {
        s += &format!("**{}**\n\n", cell(&r.in_short));
    }
    s += "| Question | Answer | In short |\n|---|---|---|\n";
    for a in &r.answers {
        let from = a.from_base.as_deref().map(|b| format!(" (a term of base model {b}, which binds this model)")).unwrap_or_default();
        s += &format!("| {} | {} | {}{} |\n", question_text(&a.question), answer_word(a.answer), cell(&a.summary), cell(&from));
    }
    if !r.clauses.is_empty() {
        s += "\n";
    }
    for c in &r.clauses {
        s += &format!("- **{}**", cell(c.summary.trim_end_matches('.')));
        if let Some(e) = c.evidence.first() {
            let flat = e.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let quote: String = if flat.chars().count() > 300 { flat.chars().take(300).collect::<String>() + "\u{2026}" } else { flat };
            let line = texts.get(e.doc).map(|t| t[..e.start.min(t.len())].matches('\n').count() + 1).unwrap_or(1);
            let name = doc_names.get(e.doc).copied().unwrap_or("?");
            let place = match link(e.doc, line) {
                Some(url) => format!("[{name}, line {line}]({url})"),
                None => format!("{name}, line {line}"),
            };
            s += &format!(": \u{201C}{}\u{201D} ({place})", quote.replace('\u{201D}', "\""));
        }
        s += "\n";
    }
    s += &format!("\n_{}_\n", r.disclaimer);
    s
}
