//! A team's license policy (POLICY.toml) and its check against one model's report.
//!
//! In: the policy's text and a report. Out: each rule's result, with the clause, the reason and the
//! license's own words when it fails. The vocabulary is the profile questions of
//! `shared/spec/profile.md`, spelt as the extension's options page spells them
//! (`extension/shared/profile-questions.json`, read here as data): `[profile]` holds the team's
//! answers, and a rule's `questions` names the questions it is about; the clauses those questions
//! decide are judged for that profile by the core ([`fineprint::profile::answer`]).
//!
//! ```toml
//! unknown_license = "fail"            # a model whose license cannot be read fails (default)
//!
//! [profile]                           # the profile questions: ids and answers of the options page
//! use = "product"
//! region = ["eu"]
//! mau = "1m_100m"
//! output_training = "other_model"
//!
//! [[rule]]
//! id = "no-non-commercial"
//! title = "No non-commercial or research-only models"
//! badge_not = ["non-commercial", "research-only"]
//!
//! [[rule]]
//! id = "commercial-use-for-us"
//! title = "Commercial use must be allowed for us: EU company, 5M monthly users"
//! questions = ["use", "mau", "revenue", "region"]
//! fail_at = "needs_permission"        # the outcome that fails (default); or "not_allowed", "allowed_with_obligations"
//! ```

use fineprint::profile::{self, Outcome, Profile};
use fineprint::report::{Clause, MatchKind, Report, VerdictClass};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The profile questions, as data (the extension's file).
static QUESTIONS_JSON: &str = include_str!("../../../extension/shared/profile-questions.json");

#[derive(Deserialize)]
struct QuestionsFile {
    questions: Vec<Question>,
}

/// One profile question.
#[derive(Deserialize, Clone)]
pub struct Question {
    /// Its id (`use`, `mau`, ...).
    pub id: String,
    /// The core's field name.
    pub engine: String,
    /// Several answers at once.
    #[serde(default)]
    pub multiple: bool,
    /// The core keeps a list.
    #[serde(default)]
    pub list: bool,
    /// The clause kinds it decides.
    pub decides: Vec<String>,
    /// The answers.
    pub answers: Vec<AnswerDef>,
}

/// One answer of a question.
#[derive(Deserialize, Clone)]
pub struct AnswerDef {
    /// Its id.
    pub id: String,
    /// The core's spelling, when it differs.
    #[serde(default)]
    pub engine: Option<String>,
}

/// The questions, in order.
pub fn questions() -> &'static [Question] {
    static Q: LazyLock<Vec<Question>> = LazyLock::new(|| {
        serde_json::from_str::<QuestionsFile>(QUESTIONS_JSON).expect("extension/shared/profile-questions.json is valid").questions
    });
    &Q
}

fn question(name: &str) -> Option<&'static Question> {
    questions().iter().find(|q| q.id == name || q.engine == name)
}

/// A parsed policy.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The team's answers.
    pub profile: Profile,
    /// The rules, in order.
    pub rules: Vec<Rule>,
    /// Whether a model whose license cannot be read fails.
    pub unknown_fails: bool,
}

/// One rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A short id (shown in SARIF and JSON).
    pub id: String,
    /// What it says, in the team's words.
    #[serde(default)]
    pub title: Option<String>,
    /// Profile questions whose clauses are judged.
    #[serde(default)]
    pub questions: Vec<String>,
    /// The outcome at which a clause fails the rule.
    #[serde(default)]
    pub fail_at: Option<Outcome>,
    /// Badge classes (lineage counted) that fail.
    #[serde(default)]
    pub badge_not: Vec<String>,
    /// Verdict classes (the license alone) that fail.
    #[serde(default)]
    pub verdict_not: Vec<String>,
    /// License ids that fail.
    #[serde(default)]
    pub license_not: Vec<String>,
    /// When set, only these license ids pass.
    #[serde(default)]
    pub license_in: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    #[serde(default)]
    profile: toml::Table,
    #[serde(default)]
    rule: Vec<Rule>,
    #[serde(default)]
    unknown_license: Option<String>,
}

const BADGES: [&str; 6] =
    ["open-source-ai", "open-weights-permissive", "open-weights-restricted", "non-commercial", "research-only", "unknown"];
const VERDICTS: [&str; 5] = ["open", "restricted", "non-commercial", "research-only", "unknown"];

/// Parse and check a policy; the error says what is wrong and where.
pub fn parse(text: &str) -> Result<Policy, String> {
    let raw: RawPolicy = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
    let profile = profile_from(&raw.profile)?;
    let unknown_fails = match raw.unknown_license.as_deref() {
        None | Some("fail") => true,
        Some("pass") => false,
        Some(o) => return Err(format!("unknown_license = \"{o}\": expected \"fail\" or \"pass\"")),
    };
    if raw.rule.is_empty() {
        return Err("the policy has no [[rule]]".into());
    }
    let mut ids: Vec<&str> = vec![];
    for r in &raw.rule {
        if r.id.trim().is_empty() {
            return Err("a [[rule]] has an empty id".into());
        }
        if ids.contains(&r.id.as_str()) {
            return Err(format!("rule '{}' is defined twice", r.id));
        }
        ids.push(&r.id);
        for q in &r.questions {
            if question(q).is_none() {
                return Err(format!("rule '{}': unknown question '{q}' (known: {})", r.id, question_ids()));
            }
        }
        for b in &r.badge_not {
            if !BADGES.contains(&b.as_str()) {
                return Err(format!("rule '{}': unknown badge class '{b}' (known: {})", r.id, BADGES.join(", ")));
            }
        }
        for v in &r.verdict_not {
            if !VERDICTS.contains(&v.as_str()) {
                return Err(format!("rule '{}': unknown verdict class '{v}' (known: {})", r.id, VERDICTS.join(", ")));
            }
        }
        let judges = !r.questions.is_empty()
            || !r.badge_not.is_empty()
            || !r.verdict_not.is_empty()
            || !r.license_not.is_empty()
            || !r.license_in.is_empty();
        if !judges {
            return Err(format!("rule '{}' checks nothing: give questions, badge_not, verdict_not, license_not or license_in", r.id));
        }
    }
    Ok(Policy { profile, rules: raw.rule, unknown_fails })
}

fn question_ids() -> String {
    questions().iter().map(|q| q.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// `[profile]` (question ids and answer ids of the options page) → the core's profile.
fn profile_from(t: &toml::Table) -> Result<Profile, String> {
    let mut engine = Map::new();
    for (k, v) in t {
        let q = question(k).ok_or_else(|| format!("[profile]: unknown question '{k}' (known: {})", question_ids()))?;
        let values: Vec<&str> = match v {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(a) => {
                a.iter().map(|x| x.as_str().ok_or_else(|| format!("[profile] {k}: answers are strings"))).collect::<Result<_, _>>()?
            }
            _ => return Err(format!("[profile] {k}: give an answer as a string (or a list of strings)")),
        };
        if values.len() > 1 && !(q.multiple || q.list) {
            return Err(format!("[profile] {k}: one answer only"));
        }
        let mut mapped = vec![];
        for a in values {
            let spelt = if a == "not_sure" {
                "not_sure".to_string()
            } else {
                let def = q.answers.iter().find(|d| d.id == a || d.engine.as_deref() == Some(a)).ok_or_else(|| {
                    format!(
                        "[profile] {k}: unknown answer '{a}' (known: {}, not_sure)",
                        q.answers.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")
                    )
                })?;
                def.engine.clone().unwrap_or_else(|| def.id.clone())
            };
            mapped.push(Value::String(spelt));
        }
        let value = if q.multiple || q.list { Value::Array(mapped) } else { mapped.into_iter().next().unwrap_or(Value::Null) };
        engine.insert(q.engine.clone(), value);
    }
    serde_json::from_value(Value::Object(engine)).map_err(|e| format!("[profile]: {e}"))
}

/// Why a rule failed: one clause (or the license as a whole).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Finding {
    /// The base model whose license the clause is in (null: the model's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The clause kind (null when the finding is about the license as a whole).
    pub clause: Option<String>,
    /// The outcome for the profile (for clause findings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Why, in one line.
    pub reason: String,
    /// The license's words, verbatim (none when the text was not read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Which document of the analysis the quote is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<usize>,
    /// The quote's byte range in that document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
}

/// One rule's result for one model.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleResult {
    /// The rule's id.
    pub rule: String,
    /// Whether it passed.
    pub pass: bool,
    /// Why not (empty when it passed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// The id `unknown_license` fails under.
pub const UNKNOWN_RULE: &str = "license-readable";

fn badge_name(r: &Report) -> String {
    serde_json::to_value(r.badge.class).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn verdict_name(c: VerdictClass) -> String {
    serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Whether the license could be read at all (known by text, name or declared id).
fn readable(r: &Report) -> bool {
    r.license.id.is_some() || r.verdict.class != VerdictClass::Unknown
}

/// The clauses to judge: the text's; for a license known only by its declared id, the kinds its
/// published text has (no quote: this copy was not read).
fn clauses_of(r: &Report) -> (Vec<Clause>, bool) {
    if !r.clauses.is_empty() || r.license.match_kind != MatchKind::Declared {
        return (r.clauses.clone(), false);
    }
    let Some(k) = r.license.id.as_deref().and_then(fineprint::declared::known_terms) else { return (vec![], false) };
    let clauses = k
        .kinds
        .iter()
        .map(|kind| Clause {
            kind: kind.to_string(),
            summary: fineprint::declared::label(kind).to_string(),
            value: None,
            unit: None,
            evidence: vec![],
            message: None,
        })
        .collect();
    (clauses, true)
}

/// Check one model. `report` is `None` when nothing could be read (`why` says why). `inherited`:
/// the reports of its base models whose terms bind it (the lineage's `passes_on`), by id: their
/// clauses are judged too, as the model is bound by them.
pub fn check(policy: &Policy, report: Option<&Report>, why: Option<&str>, inherited: &[(String, &Report)]) -> Vec<RuleResult> {
    let mut out = vec![];
    let Some(r) = report.filter(|r| readable(r)) else {
        let reason = why.map(str::to_string).unwrap_or_else(|| "the license could not be identified".into());
        if policy.unknown_fails {
            out.push(RuleResult {
                rule: UNKNOWN_RULE.into(),
                pass: false,
                findings: vec![whole(&format!("{reason} (unknown_license = \"fail\")"))],
            });
        }
        // The other rules cannot be judged on nothing; with unknown_license = "pass" they are not.
        return out;
    };
    let (clauses, published) = clauses_of(r);
    let personal = profile::answer(&clauses, &policy.profile);
    for rule in &policy.rules {
        let mut findings = vec![];
        let badge = badge_name(r);
        if rule.badge_not.contains(&badge) {
            let because = r
                .lineage
                .as_ref()
                .and_then(|l| l.effective.from.as_deref())
                .map(|f| format!(", inherited from base model {f}"))
                .unwrap_or_default();
            findings.push(whole(&format!("the badge is {badge}{because}: \"{}\"", r.badge.text)));
        }
        let verdict = verdict_name(r.verdict.class);
        if rule.verdict_not.contains(&verdict) {
            let mut f = whole(&format!(
                "the license's verdict is {verdict}: {}",
                r.verdict.reasons.first().cloned().unwrap_or_else(|| r.verdict.label.clone())
            ));
            // The clause that makes it so, quoted.
            let kind = match r.verdict.class {
                VerdictClass::NonCommercial => Some("noncommercial"),
                VerdictClass::ResearchOnly => Some("research_only"),
                _ => None,
            };
            if let Some(c) = kind.and_then(|k| r.clauses.iter().find(|c| c.kind == k)) {
                f.clause = Some(c.kind.clone());
                quote_into(&mut f, c);
            }
            findings.push(f);
        }
        let id = r.license.id.clone().unwrap_or_default();
        let same = |x: &String| x.eq_ignore_ascii_case(&id);
        if !id.is_empty() && rule.license_not.iter().any(same) {
            findings.push(whole(&format!("the license is {id}, which the policy excludes")));
        }
        if !rule.license_in.is_empty() && !rule.license_in.iter().any(same) {
            let shown = if id.is_empty() { "not identified".to_string() } else { id.clone() };
            findings.push(whole(&format!("the license is {shown}, not one the policy allows ({})", rule.license_in.join(", "))));
        }
        if !rule.questions.is_empty() {
            let kinds: Vec<&str> =
                rule.questions.iter().filter_map(|q| question(q)).flat_map(|q| q.decides.iter().map(String::as_str)).collect();
            let fail_at = rule.fail_at.unwrap_or(Outcome::NeedsPermission);
            let mut judged: Vec<(Option<&str>, Vec<Clause>, bool, profile::PersonalAnswer)> =
                vec![(None, clauses.clone(), published, personal.clone())];
            for (from, base) in inherited {
                let (bc, bp) = clauses_of(base);
                let ba = profile::answer(&bc, &policy.profile);
                judged.push((Some(from.as_str()), bc, bp, ba));
            }
            for (from, clauses, published, personal) in &judged {
                let published = *published;
                let id = match from {
                    Some(_) => String::new(),
                    None => id.clone(),
                };
                for (c, o) in clauses.iter().zip(&personal.clauses) {
                    if kinds.contains(&c.kind.as_str()) && o.outcome >= fail_at {
                        let mut f = Finding {
                            from: from.map(str::to_string),
                            clause: Some(c.kind.clone()),
                            outcome: Some(o.outcome),
                            reason: match (published, from) {
                                (true, _) => format!(
                                    "{} (from the published terms: this copy's text was not read{id})",
                                    o.reason,
                                    id = if id.is_empty() { String::new() } else { format!(", {id}") }
                                ),
                                (false, Some(b)) => format!("{} (a term of base model {b}, which binds this model)", o.reason),
                                (false, None) => o.reason.clone(),
                            },
                            quote: None,
                            doc: None,
                            span: None,
                        };
                        quote_into(&mut f, c);
                        findings.push(f);
                    }
                }
            }
        }
        out.push(RuleResult { rule: rule.id.clone(), pass: findings.is_empty(), findings });
    }
    out
}

fn whole(reason: &str) -> Finding {
    Finding { from: None, clause: None, outcome: None, reason: reason.into(), quote: None, doc: None, span: None }
}

fn quote_into(f: &mut Finding, c: &Clause) {
    if let Some(e) = c.evidence.first() {
        f.quote = Some(e.quote.clone());
        f.doc = Some(e.doc);
        f.span = Some((e.start, e.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_answers_use_the_options_page_spelling() {
        let p = parse(
            "[profile]\nuse = \"product\"\nregion = [\"eu\", \"us\"]\nmau = \"1m_100m\"\n[[rule]]\nid = \"x\"\nquestions = [\"use\"]\n",
        )
        .unwrap();
        assert_eq!(p.profile.purpose, profile::Purpose::Product);
        assert_eq!(p.profile.regions, vec![profile::Region::EuEea, profile::Region::Us]);
        assert_eq!(p.profile.monthly_users, profile::Users::From1mTo100m);
        assert!(p.unknown_fails);
    }

    #[test]
    fn bad_policies_say_what_is_wrong() {
        let cases = [
            ("[profile]\nuse = \"commerce\"\n[[rule]]\nid = \"x\"\nquestions = [\"use\"]\n", "unknown answer 'commerce'"),
            ("[profile]\nusage = \"product\"\n[[rule]]\nid = \"x\"\nquestions = [\"use\"]\n", "unknown question 'usage'"),
            ("[[rule]]\nid = \"x\"\nquestions = [\"colour\"]\n", "unknown question 'colour'"),
            ("[[rule]]\nid = \"x\"\n", "checks nothing"),
            ("[[rule]]\nid = \"x\"\nbadge_not = [\"nc\"]\n", "unknown badge class 'nc'"),
            ("[[rule]]\nid = \"x\"\nquestions = [\"use\"]\nfail_on = \"no\"\n", "fail_on"),
            ("unknown_license = \"maybe\"\n[[rule]]\nid = \"x\"\nquestions = [\"use\"]\n", "unknown_license"),
            ("", "no [[rule]]"),
            ("[[rule]\n", "TOML"),
        ];
        for (text, want) in cases {
            let err = parse(text).expect_err(text);
            assert!(err.contains(want) || (want == "TOML" && !err.is_empty()), "{text:?}: {err}");
        }
    }
}
