//! The CLI computes lineage and recipe offline from metadata files.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let dir = format!("{}/tests/fixtures/hub-metadata", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_fineprint")).current_dir(dir).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn relabelled_finetune_from_files() {
    let (code, out, err) = run(&[
        "analyze",
        "--json",
        "--hf-metadata",
        "built_llama3-finetune-labelled-apache.json",
        "--ancestor-metadata",
        "built_meta-llama__Meta-Llama-3-8B.json",
    ]);
    assert_eq!(code, 0, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["license"]["id"], "Apache-2.0");
    assert_eq!(r["lineage"]["chain"][0]["id"], "meta-llama/Meta-Llama-3-8B");
    assert_eq!(r["lineage"]["chain"][0]["status"], "gated");
    assert!(r["lineage"]["relabel"].as_str().unwrap().starts_with("labelled apache-2.0, based on meta-llama/Meta-Llama-3-8B"));
    assert_ne!(r["badge"]["class"], "open-weights-permissive");
    assert_eq!(r["recipe"]["dimensions"].as_array().unwrap().len(), 8);
}

#[test]
fn open_release_with_its_card() {
    let (code, out, err) = run(&[
        "analyze",
        "--json",
        "--hf-metadata",
        "built_open-release-apache.json",
        "--model-card",
        "built_open-release-apache.README.md",
    ]);
    assert_eq!(code, 0, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["badge"]["class"], "open-source-ai");
    assert_eq!(r["recipe"]["mof"]["class"], "I");
    assert!(r.get("lineage").is_none());
    // The readable output shows the dots.
    let (_, text, _) = run(&["analyze", "--hf-metadata", "built_open-release-apache.json"]);
    assert!(text.contains("Recipe:") && text.contains("Training data"), "{text}");
}

#[test]
fn bad_metadata_files_fail_with_one_line() {
    for (args, needle) in [
        (vec!["analyze", "--hf-metadata", "no-such-file.json"], "no-such-file.json"),
        (vec!["analyze", "--hf-metadata", "built_open-release-apache.README.md"], "not valid JSON"),
        (vec!["analyze", "--hf-metadata"], "needs a file"),
        (vec!["analyze", "--ancestor-metadata", "real_api_models_microsoft__Phi-3-mini-4k-instruct_partial.json", "--hf-license", "mit"], "no model id"),
    ] {
        let (code, out, err) = run(&args);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
