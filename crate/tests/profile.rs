//! The personal answer on real licenses (profile questions of shared/spec/profile.md).

use fineprint::profile::*;
use fineprint::report::Document;
use fineprint::{analyze, Options};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn answer_for(files: &[&str], p: &Profile) -> PersonalAnswer {
    let docs: Vec<Document> = files.iter().map(|f| Document::new(*f, corpus(f))).collect();
    let r = analyze(&docs, &Options::default()).unwrap();
    answer(&r.clauses, p)
}

fn outcome(a: &PersonalAnswer, kind: &str) -> Outcome {
    a.clauses.iter().find(|c| c.kind == kind).unwrap_or_else(|| panic!("no {kind} in {a:#?}")).outcome
}

/// A company that accepts the usual terms, credits the vendor, stays under every threshold.
fn careful_company() -> Profile {
    Profile {
        purpose: Purpose::Product,
        distribution: vec![Distribution::Hosted],
        monthly_users: Users::Under1m,
        revenue: Revenue::Under1m,
        regions: vec![Region::Us],
        output_training: OutputTraining::No,
        redistribute_changed: Redistribute::No,
        fields: vec![Field::None],
        can_credit: Answer::Yes,
        accept_terms: Answer::Yes,
        ..Profile::default()
    }
}

#[test]
fn llama_3_2_multimodal_for_a_company_in_the_eu() {
    let files = ["ai/llama-3.2-community.txt", "ai/llama-3.2-aup.txt"];
    let eu = Profile { regions: vec![Region::EuEea], ..careful_company() };
    let a = answer_for(&files, &eu);
    assert_eq!(outcome(&a, "geo_exclusion"), Outcome::NotAllowed);
    assert_eq!(a.overall, Outcome::NotAllowed);
    let geo = a.clauses.iter().find(|c| c.kind == "geo_exclusion").unwrap();
    assert!(geo.reason.contains("EU") && geo.reason.contains("multimodal"), "{}", geo.reason);
    // The same company in the US: allowed, with Llama's obligations.
    let a = answer_for(&files, &careful_company());
    assert_eq!(a.overall, Outcome::AllowedWithObligations, "{a:#?}");
    assert!(a.obligations.iter().any(|o| o.contains("Built with Llama")), "{:?}", a.obligations);
}

#[test]
fn stability_community_above_one_million_revenue() {
    let files = ["ai/stability-ai-community.txt"];
    let big = Profile { revenue: Revenue::From1mTo10m, ..careful_company() };
    let a = answer_for(&files, &big);
    assert_eq!(outcome(&a, "revenue_threshold"), Outcome::NeedsPermission);
    assert_eq!(a.overall, Outcome::NeedsPermission, "{a:#?}");
    let small = answer_for(&files, &careful_company());
    assert_eq!(outcome(&small, "revenue_threshold"), Outcome::Allowed);
    assert_eq!(small.overall, Outcome::AllowedWithObligations);
    assert!(small.obligations.iter().any(|o| o.contains("Register")), "{:?}", small.obligations);
}

#[test]
fn llama_2_outputs_used_to_train_another_model() {
    let trainer = Profile { output_training: OutputTraining::OtherModel, ..careful_company() };
    let a = answer_for(&["ai/llama-2-community.txt"], &trainer);
    assert_eq!(outcome(&a, "output_training_ban"), Outcome::NotAllowed);
    assert_eq!(a.overall, Outcome::NotAllowed);
    // Llama 3.1 lifted the ban; a model trained on its outputs must carry the name.
    let a = answer_for(&["ai/llama-3.1-community.txt"], &Profile { distribution: vec![Distribution::PublishDerivative], redistribute_changed: Redistribute::SameLicense, ..trainer });
    assert!(a.clauses.iter().all(|c| c.kind != "output_training_ban"));
    assert_eq!(outcome(&a, "naming_requirement"), Outcome::AllowedWithObligations);
    assert_ne!(a.overall, Outcome::NotAllowed, "{a:#?}");
}

#[test]
fn an_apache_model_for_anything() {
    // Every answer "not sure" (the riskiest reading): still allowed, with Apache's notices.
    let a = answer_for(&["spdx/Apache-2.0.txt"], &Profile::default());
    assert_eq!(a.overall, Outcome::AllowedWithObligations, "{a:#?}");
    assert!(a.clauses.iter().all(|c| c.outcome <= Outcome::AllowedWithObligations));
    // Only running it yourself: plainly allowed.
    let me = Profile { distribution: vec![Distribution::OnlyMe], ..Profile::default() };
    assert_eq!(answer_for(&["spdx/Apache-2.0.txt"], &me).overall, Outcome::Allowed);
}

#[test]
fn not_sure_counts_as_the_riskier_answer() {
    let a = answer_for(&["ai/llama-3.1-community.txt"], &Profile::default());
    assert_eq!(outcome(&a, "mau_threshold"), Outcome::NeedsPermission);
    let a = answer_for(&["ai/tencent-hunyuan-community.txt"], &Profile::default());
    assert_eq!(outcome(&a, "geo_exclusion"), Outcome::NotAllowed);
    // A non-commercial license: research is fine, a product needs the vendor.
    let research = Profile { purpose: Purpose::Research, ..careful_company() };
    let a = answer_for(&["ai/stability-ai-nc-research-community.txt"], &research);
    assert_eq!(outcome(&a, "noncommercial"), Outcome::Allowed);
    let a = answer_for(&["ai/stability-ai-nc-research-community.txt"], &careful_company());
    assert_eq!(outcome(&a, "noncommercial"), Outcome::NeedsPermission);
    let a = answer_for(&["spdx/CC-BY-NC-4.0.txt"], &careful_company());
    assert_eq!(outcome(&a, "noncommercial"), Outcome::NotAllowed);
}

#[test]
fn fields_are_matched_against_the_quotes() {
    let medical = Profile { fields: vec![Field::Medical], ..careful_company() };
    let a = answer_for(&["ai/creativeml-openrail-m.txt"], &medical);
    assert_eq!(outcome(&a, "field_exclusions"), Outcome::NotAllowed);
    let a = answer_for(&["ai/creativeml-openrail-m.txt"], &careful_company());
    assert_eq!(outcome(&a, "field_exclusions"), Outcome::Allowed);
}

#[test]
fn profiles_and_answers_are_json() {
    let p: Profile = serde_json::from_str(r#"{"purpose":"research","regions":["eu_eea"],"monthly_users":"under_1m","revenue":"1m_to_10m"}"#).unwrap();
    assert_eq!(p.purpose, Purpose::Research);
    assert_eq!(p.regions, vec![Region::EuEea]);
    assert_eq!(p.monthly_users, Users::Under1m);
    assert_eq!(p.revenue, Revenue::From1mTo10m);
    assert_eq!(p.accept_terms, Answer::NotSure);
    let a = answer(&[], &p);
    assert_eq!(a.overall, Outcome::Allowed);
    let j = serde_json::to_value(&a).unwrap();
    assert_eq!(j["overall"], "allowed");
    assert!(serde_json::from_str::<Profile>(r#"{"purpose":"world domination"}"#).is_err());
}

#[test]
fn every_excluded_field_counts_not_only_the_first_quotes() {
    // Llama's policy names military use deep in its list (item 8 of section 2).
    let soldier = Profile { fields: vec![Field::Military], ..careful_company() };
    let a = answer_for(&["ai/llama-3.2-community.txt", "ai/llama-3.2-aup.txt"], &soldier);
    assert_eq!(outcome(&a, "field_exclusions"), Outcome::NotAllowed, "{a:#?}");
    let surveillance = Profile { fields: vec![Field::Surveillance], ..careful_company() };
    let a = answer_for(&["ai/bigscience-openrail-m.txt"], &surveillance);
    assert_eq!(outcome(&a, "field_exclusions"), Outcome::Allowed, "the RAIL list names no surveillance: {a:#?}");
}

/// Every AI license and policy of the corpus, analysed once.
fn ai_corpus_clauses() -> Vec<(String, Vec<fineprint::report::Clause>)> {
    let dir = format!("{}/data/corpus/ai", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let rel = format!("ai/{n}");
            let r = analyze(&[Document::new(&rel, corpus(&rel))], &Options::default()).unwrap();
            (rel, r.clauses)
        })
        .collect()
}

const CONTRACT_KINDS: [&str; 5] =
    ["clickwrap_acceptance", "governing_law", "indemnity", "remote_control_updates", "revocable_or_at_will_termination"];

#[test]
fn an_unanswered_question_is_never_put_in_the_users_mouth() {
    // Only "what you build" answered: every other answer is the default "not sure".
    let p = Profile { purpose: Purpose::Product, ..Profile::default() };
    let mut not_allowed = 0;
    for (name, clauses) in ai_corpus_clauses() {
        let a = answer(&clauses, &p);
        for c in &a.clauses {
            let r = c.reason.to_lowercase();
            assert!(!r.contains("you said") && !r.contains("you named"), "{name} {}: {}", c.kind, c.reason);
            if c.outcome == Outcome::NotAllowed && CONTRACT_KINDS.contains(&c.kind.as_str()) {
                not_allowed += 1;
                // Still the riskier reading ("not sure" counts as no), told as not answered.
                assert!(r.contains("not answered"), "{name} {}: {}", c.kind, c.reason);
            }
        }
    }
    assert!(not_allowed > 0, "some corpus text has a contract term");
    // The same words once the user did answer "no".
    let said_no = Profile { accept_terms: Answer::No, fields: vec![Field::Military], ..p };
    let all: Vec<String> = ai_corpus_clauses().iter().flat_map(|(_, c)| answer(c, &said_no).clauses).map(|c| c.reason).collect();
    assert!(all.iter().any(|r| r.contains("You said you cannot accept")), "an answered no is said as said");
    assert!(all.iter().any(|r| r.contains("fields you named: military")), "a named field is said as named");
}

#[test]
fn each_contract_term_is_its_own_question_and_the_all_at_once_answer_fills_the_rest() {
    let corpus = ai_corpus_clauses();
    let mut seen = std::collections::BTreeSet::new();
    for kind in CONTRACT_KINDS {
        // Everything accepted at once, but this one term refused on its own question.
        let mut p = careful_company();
        let no = Answer::No;
        match kind {
            "clickwrap_acceptance" => p.accept_clickwrap = no,
            "governing_law" => {
                p.accept_foreign_law = no;
                p.regions = vec![Region::Elsewhere]; // not at home under any named law
            }
            "indemnity" => p.accept_indemnity = no,
            "remote_control_updates" => p.accept_remote_updates = no,
            _ => p.accept_termination = no,
        }
        for (name, clauses) in &corpus {
            let a = answer(clauses, &p);
            for c in &a.clauses {
                if !CONTRACT_KINDS.contains(&c.kind.as_str()) {
                    continue;
                }
                if c.kind == kind {
                    seen.insert(kind);
                    assert_eq!(c.outcome, Outcome::NotAllowed, "{name} {kind} refused on its own: {}", c.reason);
                } else {
                    assert_ne!(c.outcome, Outcome::NotAllowed, "{name} {}: accepted all at once, refused only {kind}: {}", c.kind, c.reason);
                }
            }
        }
    }
    assert!(seen.len() >= 3, "the corpus exercises most contract terms: {seen:?}");
}

#[test]
fn a_user_count_over_the_threshold_is_said_as_above_it_not_maybe() {
    let files = ["ai/llama-3.1-community.txt"];
    let reason = |users: Users| {
        let a = answer_for(&files, &Profile { monthly_users: users, ..careful_company() });
        let c = a.clauses.iter().find(|c| c.kind == "mau_threshold").expect("Llama 3.1 has a user threshold").clone();
        (c.outcome, c.reason)
    };
    let (o, r) = reason(Users::Over700m);
    assert_eq!(o, Outcome::NeedsPermission);
    assert!(r.starts_with("Above 700,000,000 monthly active users"), "{r}");
    let (o, r) = reason(Users::NotSure);
    assert_eq!(o, Outcome::NeedsPermission);
    assert!(r.starts_with("You may be above"), "{r}");
    assert_eq!(reason(Users::From100mTo700m).0, Outcome::Allowed);
}
