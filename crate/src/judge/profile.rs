//! The personal answer: what the clauses mean for one person's use.
//!
//! A pure function from the clauses of a report and a [`Profile`] (the
//! questions of `shared/spec/profile.md`) to an [`Outcome`] per clause and
//! overall (the worst). Every question has "not sure", which counts as the
//! riskier answer. The answer always sits beside the generic badge; it never
//! replaces it. The profile stays in the browser: this function only reads it.

use crate::report::{Clause, ClauseValue, Message, MessageArg};
use serde::{Deserialize, Serialize};

/// What the user will use the model for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Personal or hobby.
    Personal,
    /// Research or teaching.
    Research,
    /// An internal business tool.
    Internal,
    /// A product or service for customers.
    Product,
    /// Client work.
    Client,
    /// Not sure (counts as commercial).
    #[default]
    NotSure,
}

/// How others will get it (several may apply).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Only I run it.
    OnlyMe,
    /// I host it as an app or API.
    Hosted,
    /// I ship the weights in an app or device.
    ShipWeights,
    /// I publish a fine-tune, merge or quantization.
    PublishDerivative,
    /// Not sure (counts as all of them).
    NotSure,
}

/// Monthly active users of the user's products, with affiliates.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Users {
    /// Under 1 million.
    #[serde(rename = "under_1m")]
    Under1m,
    /// 1 million to 100 million.
    #[serde(rename = "1m_to_100m")]
    From1mTo100m,
    /// 100 million to 700 million.
    #[serde(rename = "100m_to_700m")]
    From100mTo700m,
    /// Over 700 million.
    #[serde(rename = "over_700m")]
    Over700m,
    /// Not sure (counts as over any threshold).
    #[default]
    NotSure,
}

/// Yearly revenue with affiliates, in US dollars.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Revenue {
    /// Under US$1M.
    #[serde(rename = "under_1m")]
    Under1m,
    /// US$1M to 10M.
    #[serde(rename = "1m_to_10m")]
    From1mTo10m,
    /// Over US$10M.
    #[serde(rename = "over_10m")]
    Over10m,
    /// Not sure (counts as over any threshold).
    #[default]
    NotSure,
}

/// Where the user and their users are (several may apply).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The EU or the EEA.
    EuEea,
    /// The United Kingdom.
    Uk,
    /// South Korea.
    SouthKorea,
    /// The United States.
    Us,
    /// China.
    China,
    /// Elsewhere.
    Elsewhere,
    /// Not sure (counts as every region).
    NotSure,
}

/// Whether outputs will train or improve another model.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OutputTraining {
    /// No.
    No,
    /// Yes, a model of the same family.
    SameFamily,
    /// Yes, another model.
    OtherModel,
    /// Not sure (counts as another model).
    #[default]
    NotSure,
}

/// Whether a changed version will be redistributed, and under which license.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Redistribute {
    /// No.
    No,
    /// Yes, under its license.
    SameLicense,
    /// Yes, under a permissive license.
    Permissive,
    /// Not sure (counts as a permissive license).
    #[default]
    NotSure,
}

/// Sensitive fields of use (several may apply).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Medical.
    Medical,
    /// Legal or justice.
    Legal,
    /// Law enforcement or immigration.
    LawEnforcement,
    /// Military.
    Military,
    /// Surveillance or biometrics.
    Surveillance,
    /// Automated decisions on credit, hiring, insurance.
    AutomatedDecisions,
    /// Minors.
    Minors,
    /// Elections.
    Elections,
    /// None of these.
    None,
    /// Not sure (counts as every field).
    NotSure,
}

/// A yes / no / not sure answer.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not sure (counts as no).
    #[default]
    NotSure,
}

/// The user's answers. Every field defaults to "not sure".
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(default)]
pub struct Profile {
    /// What will you use it for?
    pub purpose: Purpose,
    /// How will others get it? (empty = not sure)
    pub distribution: Vec<Distribution>,
    /// Monthly active users of your products, with affiliates?
    pub monthly_users: Users,
    /// Yearly revenue, with affiliates?
    pub revenue: Revenue,
    /// Where are you and your users? (empty = not sure)
    pub regions: Vec<Region>,
    /// Will you use its outputs to train or improve another model?
    pub output_training: OutputTraining,
    /// Will you redistribute a changed version, and under which license?
    pub redistribute_changed: Redistribute,
    /// In which fields? (empty = not sure)
    pub fields: Vec<Field>,
    /// Can you show the licensor's credit and carry its name?
    pub can_credit: Answer,
    /// Can you accept a click-through contract, foreign law, indemnity, remote
    /// restriction or forced updates, termination at will? (All five at once: the
    /// options page asks them one by one below; this stays for stored profiles and
    /// policies, and answers any of the five left "not sure".)
    pub accept_terms: Answer,
    /// Can you accept terms that bind you by using or downloading the model?
    pub accept_clickwrap: Answer,
    /// Can you accept disputes under another country's or state's law?
    pub accept_foreign_law: Answer,
    /// Can you agree to cover the licensor's costs if your use gets them sued?
    pub accept_indemnity: Answer,
    /// Can you accept that the licensor may restrict your use remotely or require updates?
    pub accept_remote_updates: Answer,
    /// Can you accept that the licensor may end your license at will?
    pub accept_termination: Answer,
}

/// The outcome for one clause, or overall. Ordered from best to worst.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Allowed.
    Allowed,
    /// Allowed, with obligations (listed).
    AllowedWithObligations,
    /// Needs the licensor's permission (a threshold, "request a license").
    NeedsPermission,
    /// Not allowed.
    NotAllowed,
}

/// What one clause means for this profile.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClauseOutcome {
    /// The clause kind.
    pub kind: String,
    /// The outcome.
    pub outcome: Outcome,
    /// Why, in one plain line.
    pub reason: String,
    /// What you must do (for `allowed_with_obligations`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<String>,
    /// `reason` as a message of the UI's message files (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// `obligations` as messages, in the same order (extra field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligation_messages: Vec<Message>,
    /// The base model whose binding terms hold this clause, when it is not the model's own text's
    /// (extra field; see [`answer_with_bases`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_base: Option<String>,
}

/// The personal answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PersonalAnswer {
    /// The worst outcome over the clauses (`allowed` when no clause was found).
    pub overall: Outcome,
    /// One outcome per clause, in the report's order.
    pub clauses: Vec<ClauseOutcome>,
    /// Every obligation, in order, without repeats.
    pub obligations: Vec<String>,
    /// `obligations` as messages, in the same order (extra field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligation_messages: Vec<Message>,
    /// Always present: this is about the text read, and not legal advice.
    pub note: String,
    /// `note` as a message (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_message: Option<Message>,
}

impl Profile {
    fn commercial(&self) -> bool {
        !matches!(self.purpose, Purpose::Personal | Purpose::Research)
    }
    fn distributes(&self, d: Distribution) -> bool {
        self.distribution.is_empty() || self.distribution.contains(&Distribution::NotSure) || self.distribution.contains(&d)
    }
    fn only_me(&self) -> bool {
        !self.distribution.is_empty() && self.distribution.iter().all(|d| *d == Distribution::OnlyMe)
    }
    fn in_region(&self, r: Region) -> bool {
        self.regions.is_empty() || self.regions.contains(&Region::NotSure) || self.regions.contains(&r)
    }
    fn in_field(&self, f: Field) -> bool {
        self.fields.is_empty() || self.fields.contains(&Field::NotSure) || self.fields.contains(&f)
    }
    /// The answer on accepting the term a clause kind states: the question asked for that
    /// term, else the all-at-once question, else "not sure".
    fn accepts(&self, kind: &str) -> Answer {
        let own = match kind {
            "clickwrap_acceptance" => self.accept_clickwrap,
            "governing_law" => self.accept_foreign_law,
            "indemnity" => self.accept_indemnity,
            "remote_control_updates" => self.accept_remote_updates,
            "revocable_or_at_will_termination" => self.accept_termination,
            _ => Answer::NotSure,
        };
        if own == Answer::NotSure {
            self.accept_terms
        } else {
            own
        }
    }
    /// Whether the user named their fields (not "not sure", not unanswered).
    fn fields_named(&self) -> bool {
        !self.fields.is_empty() && !self.fields.contains(&Field::NotSure)
    }
    /// Inclusive-exclusive range of monthly users.
    fn users(&self) -> (u64, u64) {
        match self.monthly_users {
            Users::Under1m => (0, 1_000_000),
            Users::From1mTo100m => (1_000_000, 100_000_000),
            Users::From100mTo700m => (100_000_000, 700_000_000),
            Users::Over700m => (700_000_000, u64::MAX),
            Users::NotSure => (0, u64::MAX),
        }
    }
    /// Inclusive-exclusive range of yearly revenue in US dollars.
    fn revenue(&self) -> (u64, u64) {
        match self.revenue {
            Revenue::Under1m => (0, 1_000_000),
            Revenue::From1mTo10m => (1_000_000, 10_000_000),
            Revenue::Over10m => (10_000_000, u64::MAX),
            Revenue::NotSure => (0, u64::MAX),
        }
    }
}

/// Words that name each field in a clause's quotes.
const FIELD_WORDS: &[(Field, &[&str])] = &[
    (Field::Medical, &["medical", "health", "clinical", "diagnos"]),
    (Field::Legal, &["legal advice", "justice", "legal rights", "judicial"]),
    (Field::LawEnforcement, &["law enforcement", "immigration", "asylum", "crime", "predictive policing"]),
    (Field::Military, &["military", "warfare", "weapon", "nuclear"]),
    (Field::Surveillance, &["surveillance", "biometric", "tracking", "facial recognition"]),
    (Field::AutomatedDecisions, &["automated decision", "credit", "employment", "hiring", "insurance"]),
    (Field::Minors, &["minor", "child"]),
    (Field::Elections, &["election", "political", "campaign"]),
];

fn quotes(c: &Clause) -> String {
    c.evidence.iter().map(|e| e.quote.to_lowercase()).collect::<Vec<_>>().join(" ")
}

fn value_text(c: &Clause) -> String {
    match &c.value {
        Some(ClauseValue::Text(t)) => format!("\u{201C}{t}\u{201D}"),
        _ => "the required text (see the quote)".into(),
    }
}

/// [`value_text`] as a message argument.
fn value_arg(c: &Clause) -> MessageArg {
    match &c.value {
        Some(ClauseValue::Text(t)) => MessageArg::Message(Message::with("quoted", vec![MessageArg::Text(t.clone())])),
        _ => MessageArg::Message(m("you_required_text")),
    }
}

/// A message with no arguments; with arguments.
fn m(id: &str) -> Message {
    Message::new(id)
}
fn ma(id: &str, args: Vec<MessageArg>) -> Message {
    Message::with(id, args)
}

/// The personal answer for a set of clauses.
pub fn answer(clauses: &[Clause], p: &Profile) -> PersonalAnswer {
    answer_with_bases(clauses, &[], p)
}

/// The personal answer for a model's own clauses and those of the base models whose terms bind it
/// (the lineage's `inherited`: each base's id and clauses). A base's clause of a kind the model's
/// own text already has is not judged twice; the others are judged as the model's own, and marked
/// with the base's id.
pub fn answer_with_bases(clauses: &[Clause], bases: &[(String, Vec<Clause>)], p: &Profile) -> PersonalAnswer {
    let mut all: Vec<(&Clause, Option<&str>)> = clauses.iter().map(|c| (c, None)).collect();
    for (id, cs) in bases {
        for c in cs {
            if !all.iter().any(|(x, _)| x.kind == c.kind) {
                all.push((c, Some(id.as_str())));
            }
        }
    }
    let has = |k: &str| all.iter().any(|(c, _)| c.kind == k);
    let mut out = vec![];
    for (c, from) in &all {
        let (outcome, reason, message, obs) = judge(c, p, &has);
        let (obligations, obligation_messages) = obs.into_iter().unzip();
        out.push(ClauseOutcome {
            kind: c.kind.clone(),
            outcome,
            reason,
            obligations,
            message: Some(message),
            obligation_messages,
            from_base: from.map(str::to_string),
        });
    }
    let overall = out.iter().map(|o| o.outcome).max().unwrap_or(Outcome::Allowed);
    let mut obligations: Vec<String> = vec![];
    let mut obligation_messages: Vec<Message> = vec![];
    for o in &out {
        for (ob, msg) in o.obligations.iter().zip(&o.obligation_messages) {
            if !obligations.contains(ob) {
                obligations.push(ob.clone());
                obligation_messages.push(msg.clone());
            }
        }
    }
    PersonalAnswer {
        overall,
        clauses: out,
        obligations,
        obligation_messages,
        note: "Your answer for the clauses found in this text, beside the license's own verdict; not legal advice.".into(),
        note_message: Some(m("you_note")),
    }
}

/// The outcome, why (in English and as a message), and the obligations (each in English and as a message).
type Judged = (Outcome, String, Message, Vec<(String, Message)>);

fn ok(reason: &str, msg: Message) -> Judged {
    (Outcome::Allowed, reason.into(), msg, vec![])
}
fn must(reason: &str, msg: Message, obligations: &[(String, Message)]) -> Judged {
    (Outcome::AllowedWithObligations, reason.into(), msg, obligations.to_vec())
}
fn ask(reason: &str, msg: Message) -> Judged {
    (Outcome::NeedsPermission, reason.into(), msg, vec![])
}
fn no(reason: &str, msg: Message) -> Judged {
    (Outcome::NotAllowed, reason.into(), msg, vec![])
}

fn judge(c: &Clause, p: &Profile, has: &dyn Fn(&str) -> bool) -> Judged {
    let int = match c.value {
        Some(ClauseValue::Integer(n)) => Some(n),
        _ => None,
    };
    // Whether the text offers a way to ask the licensor (so a "no" becomes "ask").
    let can_ask = has("separate_license_needed");
    match c.kind.as_str() {
        "noncommercial" => {
            if !p.commercial() {
                ok("Your use is personal or research, which the license allows.", m("you_r01"))
            } else if can_ask {
                ask("Commercial use needs a separate license from the licensor.", m("you_r43"))
            } else {
                no("The license allows only non-commercial use.", m("you_r03"))
            }
        }
        "research_only" => {
            if p.purpose == Purpose::Research {
                ok("Your use is research, which the license allows.", m("you_r04"))
            } else if can_ask {
                ask("Anything beyond research needs a separate license from the licensor.", m("you_r44"))
            } else {
                no("The license allows research or evaluation only.", m("you_r06"))
            }
        }
        "mau_threshold" => match int {
            Some(v) => {
                let (lo, hi) = p.users();
                if hi <= v.saturating_add(1) {
                    ok(&format!("Your monthly active users are at most {}, within the threshold.", crate::clauses::group_thousands(v)), ma("you_mau_within", vec![MessageArg::Number(v)]))
                } else if lo >= v && lo > 0 {
                    // "Over 700M" against a threshold of 700 million: above it, not "maybe".
                    ask(&format!("Above {} monthly active users you need a license the licensor may refuse.", crate::clauses::group_thousands(v)), ma("you_mau_above", vec![MessageArg::Number(v)]))
                } else {
                    ask(&format!("You may be above {} monthly active users: then you need a license the licensor may refuse.", crate::clauses::group_thousands(v)), ma("you_mau_maybe_above", vec![MessageArg::Number(v)]))
                }
            }
            None => ask("Above a user threshold you need a license from the licensor.", m("you_r45")),
        },
        "revenue_threshold" => {
            let unit = c.unit.as_deref().unwrap_or("USD per year");
            let yearly_usd = match (int, unit) {
                (Some(v), "USD per year") => Some(v),
                (Some(v), "USD per month") => Some(v.saturating_mul(12)),
                _ => None,
            };
            match yearly_usd {
                Some(v) => {
                    let (_, hi) = p.revenue();
                    if hi <= v.saturating_add(1) {
                        ok("Your revenue is within the threshold.", m("you_r08"))
                    } else {
                        ask(&format!("Above US${} a year in revenue you need a license the licensor may refuse.", crate::clauses::group_thousands(v)), ma("you_revenue_above", vec![MessageArg::Number(v)]))
                    }
                }
                None => ask(&format!("The revenue threshold is stated in {unit}; above it you need a license from the licensor."), ma("you_revenue_unit", vec![MessageArg::Text(unit.into())])),
            }
        }
        "separate_license_needed" => ok("A separate license is needed only in the cases the quote names (see the other clauses).", m("you_r09")),
        "aup_by_reference" => must(
            "A separate acceptable-use policy applies and can change.",
            m("you_r41"),
            &[("Follow the licensor's acceptable-use policy, and check it for updates.".into(), m("you_o10"))],
        ),
        "use_restrictions" => must("The license lists uses that are forbidden.", m("you_r10"), &[("Do not use it for the uses the license lists.".into(), m("you_o02"))]),
        "field_exclusions" => {
            let q = quotes(c);
            let fields: Vec<Field> = FIELD_WORDS.iter().filter(|(f, words)| p.in_field(*f) && words.iter().any(|w| q.contains(w))).map(|(f, _)| *f).collect();
            let hit: Vec<&str> = fields.iter().map(|f| field_name(*f)).collect();
            let names = || MessageArg::List { list: fields.iter().map(|f| m(&format!("you_field_{}", field_name(*f).replace(' ', "_")))).collect() };
            if hit.is_empty() {
                ok("Your fields are not among those the license excludes.", m("you_r11"))
            } else if p.fields_named() {
                no(&format!("The license excludes use in fields you named: {}.", hit.join(", ")), ma("you_fields_excluded", vec![names()]))
            } else {
                no(&format!("The license excludes some fields ({}); you have not said which fields you work in.", hit.join(", ")), ma("you_fields_unsaid", vec![names()]))
            }
        }
        "geo_exclusion" => {
            let codes: Vec<String> = match &c.value {
                Some(ClauseValue::Regions(r)) => r.clone(),
                _ => vec![],
            };
            let mine = |code: &str| match code {
                "EU" | "IS" | "LI" | "NO" => p.in_region(Region::EuEea),
                "GB" => p.in_region(Region::Uk),
                "KR" => p.in_region(Region::SouthKorea),
                "US" => p.in_region(Region::Us),
                "CN" => p.in_region(Region::China),
                _ => p.in_region(Region::Elsewhere),
            };
            let hit: Vec<&str> = codes.iter().map(String::as_str).filter(|c| mine(c)).collect();
            let multimodal = quotes(c).contains("multimodal");
            let scope = if multimodal { " (for the multimodal models, as the quote says)" } else { "" };
            if hit.is_empty() && !codes.is_empty() {
                ok("Your regions are not excluded.", m("you_r12"))
            } else {
                let list = if hit.is_empty() { "a region it names".to_string() } else { hit.join(", ") };
                let where_ = if hit.is_empty() {
                    MessageArg::Message(m("you_a_region"))
                } else {
                    MessageArg::Regions { regions: hit.iter().map(|s| s.to_string()).collect() }
                };
                let id = if multimodal { "you_not_granted_in_multimodal" } else { "you_not_granted_in" };
                no(&format!("The license is not granted in {list}{scope}."), ma(id, vec![where_]))
            }
        }
        "export_sanctions" => must("Export-control and sanctions laws apply.", m("you_r13"), &[("Comply with export-control and sanctions laws.".into(), m("you_o03"))]),
        "output_training_ban" => match p.output_training {
            OutputTraining::No => ok("You will not train other models on its outputs.", m("you_r14")),
            OutputTraining::SameFamily => ok("Training the same model family is outside the ban (check the quote's exceptions).", m("you_r15")),
            OutputTraining::OtherModel | OutputTraining::NotSure => no("Its outputs may not be used to train or improve other models.", m("you_r16")),
        },
        "derivatives_defined_broadly" => match p.output_training {
            OutputTraining::No => ok("You will not train models on its outputs.", m("you_r17")),
            _ => must(
                "A model trained on its outputs counts as a derivative.",
                m("you_r42"),
                &[("Treat a model trained on its outputs as a derivative: the license's terms follow it.".into(), m("you_o04"))],
            ),
        },
        "restrictions_propagate" => {
            if p.only_me() && p.redistribute_changed == Redistribute::No {
                ok("You do not pass the model on.", m("you_r18"))
            } else if matches!(p.redistribute_changed, Redistribute::Permissive | Redistribute::NotSure) && p.distributes(Distribution::PublishDerivative) {
                no("A derivative must carry the same use restrictions: it cannot go out under a permissive license.", m("you_r19"))
            } else {
                must("What you pass on must carry the same restrictions.", m("you_r20"), &[("Pass the license's use restrictions on to anyone you give the model or a derivative.".into(), m("you_o05"))])
            }
        }
        "same_license_copyleft" => match p.redistribute_changed {
            Redistribute::No => ok("You will not redistribute a changed version.", m("you_r21")),
            Redistribute::SameLicense => must("Changed versions must use the same license.", m("you_r22"), &[("Release changed versions under the same license, with their source.".into(), m("you_o06"))]),
            Redistribute::Permissive | Redistribute::NotSure => no("Changed versions must use the same license, not a permissive one.", m("you_r23")),
        },
        "no_derivatives" => {
            if p.redistribute_changed == Redistribute::No && !p.distributes(Distribution::PublishDerivative) {
                ok("You will not share a changed version.", m("you_r24"))
            } else {
                no("Changed versions (such as fine-tunes) may not be shared.", m("you_r25"))
            }
        }
        "attribution_display" => {
            if p.only_me() {
                ok("You do not offer it to others.", m("you_r26"))
            } else if p.can_credit == Answer::Yes {
                must("A visible credit is required.", m("you_r27"), &[(format!("Show {} in your product or its documentation.", value_text(c)), ma("you_show_credit", vec![value_arg(c)]))])
            } else {
                no(&format!("The license requires showing {}.", value_text(c)), ma("you_requires_showing", vec![value_arg(c)]))
            }
        }
        "naming_requirement" => {
            let makes_models = p.distributes(Distribution::PublishDerivative) || p.output_training != OutputTraining::No;
            if !makes_models {
                ok("You will not publish a model derived from it.", m("you_r28"))
            } else if p.can_credit == Answer::Yes {
                must("Derived models must carry the brand.", m("you_r29"), &[(format!("Name any model you derive and share with {} (at the start of its name).", value_text(c)), ma("you_name_models", vec![value_arg(c)]))])
            } else {
                no(&format!("Models you derive must be named with {}.", value_text(c)), ma("you_must_be_named", vec![value_arg(c)]))
            }
        }
        "notice_file" => {
            if p.only_me() {
                ok("You do not pass copies on.", m("you_r30"))
            } else {
                must("Copies you pass on need the license and notices.", m("you_r31"), &[("Include the license text and its notice file with every copy you distribute.".into(), m("you_o07"))])
            }
        }
        "hosted_counts_as_distribution" => {
            if p.distributes(Distribution::Hosted) {
                must("Hosting it for others counts as distributing it.", m("you_r32"), &[("Apply the distribution terms (notices, restrictions) to your hosted service too.".into(), m("you_o08"))])
            } else {
                ok("You do not host it for others.", m("you_r33"))
            }
        }
        "remote_control_updates" | "revocable_or_at_will_termination" | "indemnity" | "clickwrap_acceptance" => {
            let what = match c.kind.as_str() {
                "remote_control_updates" => "the licensor may restrict your use remotely or require updates",
                "revocable_or_at_will_termination" => "the licensor may revoke or end the license",
                "indemnity" => "you must indemnify the licensor against claims from your use",
                _ => "using it counts as accepting a contract",
            };
            let w = || MessageArg::Message(m(&format!("you_what_{}", c.kind)));
            match p.accepts(&c.kind) {
                Answer::Yes => must(&format!("You accept that {what}."), ma("you_accept_that", vec![w()]), &[(format!("Accept that {what}."), ma("you_accept", vec![w()]))]),
                Answer::No => no(&format!("You said you cannot accept that {what}."), ma("you_cannot_accept", vec![w()])),
                // Not answered: the riskier reading, in words that do not put it in the user's mouth.
                Answer::NotSure => no(&format!("Only if you can accept that {what} (not answered yet)."), ma("you_only_if_accept", vec![w()])),
            }
        }
        "governing_law" => {
            let (law, law_arg) = match &c.value {
                Some(ClauseValue::Text(t)) => (t.clone(), MessageArg::Text(t.clone())),
                _ => ("a named jurisdiction".to_string(), MessageArg::Message(m("you_named_jurisdiction"))),
            };
            let l = law.to_lowercase();
            let home = (l.contains("california") || l.contains("delaware") || l.contains("new york") || l.contains("united states"))
                && p.regions.iter().all(|r| *r == Region::Us)
                && !p.regions.is_empty()
                || (l.contains("china") || l.contains("prc") || l.contains("hong kong")) && p.regions.iter().all(|r| *r == Region::China) && !p.regions.is_empty();
            match p.accepts(&c.kind) {
                _ if home => ok(&format!("Disputes go under the law of {law}."), ma("you_law", vec![law_arg])),
                Answer::Yes => ok(&format!("Disputes go under the law of {law}."), ma("you_law", vec![law_arg])),
                Answer::No => no(&format!("Disputes go under the law of {law}, which you said you cannot accept."), ma("you_law_not_accepted", vec![law_arg])),
                Answer::NotSure => no(&format!("Disputes go under the law of {law}: only if you can accept that (not answered yet)."), ma("you_law_not_answered", vec![law_arg])),
            }
        }
        "registration_required" => {
            if p.commercial() {
                must("Commercial users must register.", m("you_r34"), &[("Register with the licensor before commercial use.".into(), m("you_o11"))])
            } else {
                ok("Registration is for commercial use.", m("you_r35"))
            }
        }
        "ip_litigation_termination" => ok("Your license ends if you sue the licensor over IP.", m("you_r46")),
        "patent_grant" => ok("Contributors grant you a patent license.", m("you_r37")),
        "output_ownership" => ok("The licensor claims no rights in your outputs.", m("you_r47")),
        "trademark_withheld" => ok("No trademark license: do not use the licensor's names or logos beyond the required credit.", m("you_r48")),
        _ => ok("No effect on your use was recognised.", m("you_r40")),
    }
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Medical => "medical",
        Field::Legal => "legal or justice",
        Field::LawEnforcement => "law enforcement or immigration",
        Field::Military => "military",
        Field::Surveillance => "surveillance or biometrics",
        Field::AutomatedDecisions => "automated decisions",
        Field::Minors => "minors",
        Field::Elections => "elections",
        Field::None | Field::NotSure => "unspecified",
    }
}
