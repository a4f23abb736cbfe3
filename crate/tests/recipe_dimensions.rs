//! The recipe dots from real Hub answers and from model cards, including
//! cards that only look like they disclose something.

mod lineage_support;
use fineprint::hub;
use fineprint::recipe::{self, Dot};
use fineprint::report::{Verdict, VerdictClass};
use lineage_support::*;

fn open() -> Verdict {
    Verdict { class: VerdictClass::Open, label: "Open".into(), reasons: vec![], message: None, reason_messages: vec![] }
}

fn dims(r: &recipe::Recipe) -> Vec<(String, Dot, String)> {
    r.dimensions.iter().map(|d| (d.id.clone(), d.status, d.value.clone())).collect()
}

fn row(id: &str, dot: Dot, value: &str) -> (String, Dot, String) {
    (id.into(), dot, value.into())
}

#[test]
fn bert_from_its_saved_response() {
    let r = recipe::assess(&meta("real_api_models_google-bert__bert-base-uncased.json"), None, &open());
    assert_eq!(
        dims(&r),
        [
            row("weights", Dot::Disclosed, "open"),
            row("license_declared", Dot::Disclosed, "declared"),
            row("license_open", Dot::Disclosed, "open"),
            row("lineage", Dot::Disclosed, "original"),
            row("training_data", Dot::Disclosed, "listed"),
            row("training_code", Dot::NotAssessed, "unknown"),
            row("paper", Dot::Disclosed, "yes"),
            row("model_card", Dot::NotAssessed, "unknown"),
        ]
    );
    assert_eq!(r.get("training_data").unwrap().evidence, ["bookcorpus", "wikipedia"]);
    assert_eq!(r.get("paper").unwrap().evidence, ["arxiv:1810.04805"]);
    assert!(r.get("license_declared").unwrap().evidence.contains(&"LICENSE".to_string()));
    assert_eq!(r.mof.class, None, "the card was not read");
}

#[test]
fn gated_llama_weights_are_partial() {
    let m = meta("real_api_models_meta-llama__Llama-3.2-3B_gated.json");
    let r = recipe::assess(&m, None, &Verdict { class: VerdictClass::Restricted, label: "R".into(), reasons: vec![], message: None, reason_messages: vec![] });
    let w = r.get("weights").unwrap();
    assert_eq!((w.status, w.value.as_str()), (Dot::Partial, "gated"));
    assert!(w.note.as_deref().unwrap().contains("manual"));
    assert_eq!(r.status("license_open"), Some(Dot::NotFound));
    assert_eq!(r.mof.class, None);
    assert!(r.mof.missing.iter().any(|m| m == "an open license"));
}

#[test]
fn partial_and_page_answers() {
    // Phi-3's partial answer: no tags, a sample fine-tuning script among the files.
    let r = recipe::assess(&meta("real_api_models_microsoft__Phi-3-mini-4k-instruct_partial.json"), None, &open());
    let c = r.get("training_code").unwrap();
    assert_eq!((c.status, c.value.as_str()), (Dot::Partial, "script in repository"));
    assert_eq!(c.evidence, ["sample_finetune.py"]);
    assert_eq!(r.status("license_declared"), Some(Dot::Disclosed));
    // The page's ModelHeader props carry no file list: weights are not assessed.
    let r = recipe::assess(&meta("real_page_ModelHeader_dataprops_Qwen3-Coder.json"), None, &open());
    assert_eq!(r.status("weights"), Some(Dot::NotAssessed));
    assert_eq!(r.status("paper"), Some(Dot::Disclosed));
}

const TEMPLATE_CARD: &str = "---\nlicense: mit\n---\n# Model Card for Model ID\n\n<!-- Provide a quick summary of what the model is/does. -->\n\n## Model Details\n\n### Model Description\n\n- **Developed by:** [More Information Needed]\n\n## Uses\n\n### Direct Use\n\n[More Information Needed]\n\n## Bias, Risks, and Limitations\n\n[More Information Needed]\n\n## Training Details\n\n### Training Data\n\n[More Information Needed]\n\n## Evaluation\n\n<!-- This section describes the evaluation protocols -->\n\n[More Information Needed]\n";

#[test]
fn the_empty_hub_template_is_a_stub() {
    let m = model("org/x", Some("mit"), &[]);
    let r = recipe::assess(&m, Some(TEMPLATE_CARD), &open());
    let card = r.get("model_card").unwrap();
    assert_eq!((card.status, card.value.as_str()), (Dot::NotFound, "stub"));
    assert_eq!(r.status("training_data"), Some(Dot::NotFound));
    assert_eq!(r.status("training_code"), Some(Dot::NotFound), "the card was read: not found, not 'not assessed'");
    assert_eq!(r.status("paper"), Some(Dot::NotFound));
}

#[test]
fn tool_links_are_not_training_code() {
    let m = model("org/x", Some("mit"), &[]);
    let card = "# X\n\n## Training procedure\n\nFine-tuned with [TRL](https://github.com/huggingface/trl) and https://github.com/unslothai/unsloth.\n";
    let c = recipe::assess(&m, Some(card), &open()).get("training_code").unwrap().clone();
    assert_eq!((c.status, c.value.as_str()), (Dot::Partial, "tool only"));
    // A project repository outside a training context: linked, but not as training code.
    let card = "# X\n\nProject page: https://github.com/some-lab/some-project\n";
    let c = recipe::assess(&m, Some(card), &open()).get("training_code").unwrap().clone();
    assert_eq!((c.status, c.value.as_str()), (Dot::Partial, "repository linked"));
    // The same repository named as the training code.
    let card = "# X\n\nThe training code is at https://gitlab.com/some-lab/some-project.\n";
    let c = recipe::assess(&m, Some(card), &open()).get("training_code").unwrap().clone();
    assert_eq!((c.status, c.value.as_str()), (Dot::Disclosed, "linked"));
    assert_eq!(c.evidence, ["https://gitlab.com/some-lab/some-project"]);
}

#[test]
fn papers_from_links_and_identifiers() {
    let m = model("org/x", Some("mit"), &[]);
    for card in [
        "See https://openreview.net/forum?id=abc123 for details.",
        "Paper: https://doi.org/10.1234/example.5678",
        "Cite as doi:10.5555/12345678",
        "Described in arXiv:2401.01234.",
        "https://aclanthology.org/2024.acl-long.1/",
    ] {
        let p = recipe::assess(&m, Some(card), &open()).get("paper").unwrap().clone();
        assert_eq!(p.status, Dot::Disclosed, "{card}");
    }
    let p = recipe::assess(&m, Some("Blog post: https://example.com/blog/our-model"), &open()).get("paper").unwrap().clone();
    assert_eq!(p.status, Dot::NotFound);
}

#[test]
fn described_data_and_dataset_links() {
    let m = model("org/x", Some("mit"), &[]);
    let card = "# X\n\n## Training Data\n\nWe trained on a private collection of customer support transcripts gathered in 2023.\n";
    let d = recipe::assess(&m, Some(card), &open()).get("training_data").unwrap().clone();
    assert_eq!((d.status, d.value.as_str()), (Dot::Partial, "described"));
    let card = "# X\n\nData: https://huggingface.co/datasets/org/support-chats\n";
    let d = recipe::assess(&m, Some(card), &open()).get("training_data").unwrap().clone();
    assert_eq!((d.status, d.value.as_str(), d.evidence.clone()), (Dot::Disclosed, "listed", vec!["org/support-chats".to_string()]));
}

#[test]
fn undeclared_derivative_is_not_called_original() {
    let m = model("org/x", Some("mit"), &[]);
    let card = "# X\n\nThis model is a fine-tuned version of [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1).\n";
    let l = recipe::assess(&m, Some(card), &open()).get("lineage").unwrap().clone();
    assert_eq!((l.status, l.value.as_str()), (Dot::Partial, "unknown"));
    let card = "# X\n\nTrained from scratch on our own data, based on the transformer architecture.\n";
    let l = recipe::assess(&m, Some(card), &open()).get("lineage").unwrap().clone();
    assert_eq!((l.status, l.value.as_str()), (Dot::Disclosed, "original"));
}

#[test]
fn license_declared_variants() {
    let v = |json: &str| {
        let m = hub::from_json(json).unwrap();
        let d = recipe::assess(&m, None, &open()).get("license_declared").unwrap().clone();
        (d.status, d.value)
    };
    assert_eq!(v(r#"{"cardData":{"license":"other","license_name":"my-license-1.0"}}"#), (Dot::Disclosed, "declared".into()));
    assert_eq!(v(r#"{"cardData":{"license":"other"},"siblings":[{"rfilename":"LICENSE.md"}]}"#), (Dot::Partial, "text only".into()));
    assert_eq!(v(r#"{"siblings":[{"rfilename":"LICENSE"}]}"#), (Dot::Partial, "text only".into()));
    assert_eq!(v(r#"{"cardData":{"license":"other"},"siblings":[]}"#), (Dot::NotFound, "missing".into()));
    assert_eq!(v(r#"{"tags":["license:mit"]}"#), (Dot::Disclosed, "declared".into()));
}

#[test]
fn mof_class_two_without_data() {
    let m = model("org/x", Some("apache-2.0"), &[]);
    let card = "# X\n\n## Training\n\nTraining code: https://github.com/org/x-train (all scripts and configs).\n\n## Evaluation\n\nScores on five public benchmarks are listed below in the table.\n\n## Limitations\n\nThe model makes mistakes and reflects biases of its training text.\n\n## Intended Use\n\nResearch and commercial assistants in English, with human review.\n";
    let r = recipe::assess(&m, Some(card), &open());
    assert_eq!(r.status("model_card"), Some(Dot::Disclosed));
    assert_eq!(r.mof.class.as_deref(), Some("II"));
    assert_eq!(r.mof.missing, ["training data", "a paper"]);
    assert!(!r.disclosed);
}

#[test]
fn hostile_cards_do_not_break_the_reader() {
    let m = model("org/x", Some("mit"), &[]);
    let huge = "## Training\n".to_string() + &"word https://github.com/a/b ".repeat(400_000);
    let r = recipe::assess(&m, Some(&huge), &open());
    assert_eq!(r.status("training_code"), Some(Dot::Disclosed));
    let html = "<html><script>alert(1)</script><h2>Training data</h2><p>Collected from public forums over two years, filtered.</p>";
    let r = recipe::assess(&m, Some(html), &open());
    assert_eq!(r.status("training_data"), Some(Dot::Partial));
    let binary: String = (0u8..=255).map(|b| b as char).cycle().take(100_000).collect();
    let _ = recipe::assess(&m, Some(&binary), &open());
    let _ = recipe::assess(&m, Some("---\nunterminated front matter\n# Title"), &open());
    let _ = recipe::assess(&m, Some("```\n# not a heading in a fence\n"), &open());
    let multibyte = "é".repeat(300_000);
    let _ = recipe::assess(&m, Some(&multibyte), &open());
}
