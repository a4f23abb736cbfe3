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
