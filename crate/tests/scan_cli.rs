//! `fineprint scan` on a fake Hugging Face cache built here (tests/scan_support): real corpus
//! licenses, real front-matter shapes, the cache's symbolic-link layout, a broken download, an entry
//! without a snapshot, a model with no license, and lineage inside the cache.

mod scan_support;

use scan_support::*;
use serde_json::Value;
use std::process::{Command, Output};

fn fineprint(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fineprint"));
    c.args(args).env_remove("HF_HUB_CACHE").env_remove("HF_HOME").env_remove("XDG_CACHE_HOME");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run fineprint")
}

fn scan_json(dir: &str) -> Value {
    let out = fineprint(&["scan", "--json", dir], &[]);
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn model<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["models"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("{id} not in {}", v["models"]))
}

#[test]
fn the_cache_layout_is_the_real_one() {
    let c = standard_cache("scan-layout");
    let snap = c.model_dir("google-bert/bert-base-uncased").join("snapshots").join(rev(1));
    assert!(is_link(&snap.join("LICENSE")), "snapshot files are links into blobs/");
    assert!(std::fs::read_link(snap.join("LICENSE")).unwrap().starts_with("../../blobs/"));
    assert!(std::fs::read_to_string(snap.join("README.md")).unwrap().starts_with("---\n"));
}

#[test]
fn every_model_of_the_cache_with_its_license() {
    let c = standard_cache("scan-json");
    let v = scan_json(c.hub().to_str().unwrap());
    let ids: Vec<&str> = v["models"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "acme-ai/broken-download",
            "acme-ai/llama-3.2-3b-sql",
            "acme-ai/nc-model",
            "acme-ai/no-license",
            "acme-ai/no-snapshot",
            "deepset/roberta-base-squad2",
            "google-bert/bert-base-uncased",
            "meta-llama/Llama-3.2-3B",
            "microsoft/Phi-3-mini-4k-instruct",
        ]
    );
    let bert = model(&v, "google-bert/bert-base-uncased");
    assert_eq!(bert["read"], serde_json::json!(["LICENSE"]));
    assert_eq!(bert["revision"], rev(1));
    assert_eq!(bert["declared"]["license"], serde_json::json!(["apache-2.0"]));
    assert_eq!(bert["report"]["license"]["id"], "Apache-2.0");
    assert_eq!(bert["report"]["badge"]["class"], "open-weights-permissive");

    let llama = model(&v, "meta-llama/Llama-3.2-3B");
    assert_eq!(llama["read"], serde_json::json!(["LICENSE.txt", "USE_POLICY.md"]));
    assert_eq!(llama["report"]["license"]["id"], "llama-3.2-community");
    assert_eq!(llama["report"]["badge"]["class"], "open-weights-restricted");
    assert!(llama["report"]["clauses"].as_array().unwrap().iter().any(|c| c["kind"] == "mau_threshold"));

    // license_link as a Hub URL of the model's own LICENSE.
    let phi = model(&v, "microsoft/Phi-3-mini-4k-instruct");
    assert_eq!(phi["read"], serde_json::json!(["LICENSE"]));
    assert_eq!(phi["report"]["license"]["id"], "MIT");

    let nc = model(&v, "acme-ai/nc-model");
    assert_eq!(nc["read"], serde_json::json!(["LICENSE.md"]));
    assert_eq!(nc["report"]["license"]["id"], "CC-BY-NC-4.0");
    assert_eq!(nc["report"]["badge"]["class"], "non-commercial");

    // No LICENSE file: the declared id alone, said so; its base is not in the cache.
    let roberta = model(&v, "deepset/roberta-base-squad2");
    assert_eq!(roberta["read"], serde_json::json!([]));
    assert_eq!(roberta["report"]["license"]["match"], "declared");
    assert_eq!(roberta["report"]["license"]["id"], "CC-BY-4.0");
    assert_eq!(roberta["bases_not_here"], serde_json::json!(["FacebookAI/roberta-base"]));
    let chain = roberta["report"]["lineage"]["chain"].as_array().unwrap();
    assert_eq!(chain[0]["id"], "FacebookAI/roberta-base");
    assert_eq!(chain[0]["status"], "unavailable");
    assert!(chain[0]["note"].as_str().unwrap().contains("not in the scanned folder"), "{}", chain[0]);
}

#[test]
fn broken_snapshots_and_missing_licenses_are_said() {
    let c = standard_cache("scan-broken");
    let v = scan_json(c.hub().to_str().unwrap());
    // The license's blob is missing: said, and the README's declared id is what is left.
    let broken = model(&v, "acme-ai/broken-download");
    let problems = broken["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p.as_str().unwrap().starts_with("LICENSE: its blob is missing")), "{problems:?}");
    assert_eq!(broken["report"]["license"]["match"], "declared");
    assert_eq!(broken["report"]["license"]["id"], "MIT");
    // No snapshot at all.
    let gone = model(&v, "acme-ai/no-snapshot");
    assert!(gone["report"].is_null());
    assert!(gone["problems"].as_array().unwrap().iter().any(|p| p.as_str().unwrap().contains("not in the cache")));
    assert!(gone["problems"].as_array().unwrap().iter().any(|p| p.as_str().unwrap().contains("no snapshot")));
    // No license file and no license in the card.
    let none = model(&v, "acme-ai/no-license");
    assert!(none["report"].is_null());
    assert!(none["error"].as_str().unwrap().starts_with("no license"), "{}", none["error"]);
}

#[test]
fn lineage_follows_base_models_inside_the_cache() {
    let c = standard_cache("scan-lineage");
    let v = scan_json(c.hub().to_str().unwrap());
    let tune = model(&v, "acme-ai/llama-3.2-3b-sql");
    assert_eq!(tune["report"]["license"]["id"], "Apache-2.0", "its own text is Apache");
    let l = &tune["report"]["lineage"];
    assert_eq!(l["chain"][0]["id"], "meta-llama/Llama-3.2-3B");
    assert_eq!(l["chain"][0]["status"], "found");
    assert_eq!(l["chain"][0]["license_id"], "llama-3.2-community", "the base's own LICENSE.txt was read");
    assert_eq!(l["effective"]["from"], "meta-llama/Llama-3.2-3B");
    assert_eq!(tune["report"]["badge"]["class"], "open-weights-restricted");
    assert!(l["relabel"].as_str().unwrap().contains("labelled apache-2.0"), "{}", l["relabel"]);

    // The same fine-tune scanned without its base: the base is named, not read, and the badge says so.
    let alone = scan_json(c.model_dir("acme-ai/llama-3.2-3b-sql").to_str().unwrap());
    let t = model(&alone, "acme-ai/llama-3.2-3b-sql");
    assert_eq!(t["bases_not_here"], serde_json::json!(["meta-llama/Llama-3.2-3B"]));
    assert_eq!(t["report"]["lineage"]["chain"][0]["status"], "unavailable");
    assert_ne!(t["report"]["badge"]["class"], "open-weights-permissive", "an unread base never makes it look open");
}

#[test]
fn the_table_and_markdown() {
    let c = standard_cache("scan-table");
    let out = fineprint(&["scan", c.hub().to_str().unwrap()], &[]);
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout).unwrap();
    let header = t.lines().next().unwrap();
    for col in ["MODEL", "LICENSE", "BADGE"] {
        assert!(header.contains(col), "{header}");
    }
    let row = |id: &str| t.lines().find(|l| l.starts_with(id)).unwrap_or_else(|| panic!("no row for {id}:\n{t}")).to_string();
    assert!(row("google-bert/bert-base-uncased").contains("Apache-2.0"));
    assert!(row("acme-ai/nc-model").contains("non-commercial"));
    assert!(row("deepset/roberta-base-squad2").contains("CC-BY-4.0 (declared only)"));
    assert!(row("acme-ai/no-license ").contains("none found"));
    assert!(row("acme-ai/llama-3.2-3b-sql").contains("from meta-llama/Llama-3.2-3B"));
    assert!(t.contains("not legal advice"));
    assert!(out.stderr.is_empty(), "no progress line when standard error is not a terminal");

    let md = fineprint(&["scan", "--markdown", c.hub().to_str().unwrap()], &[]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("| model | license | badge"), "{md}");
    assert!(md.contains("| `acme-ai/nc-model` | CC-BY-NC-4.0 | non-commercial"), "{md}");
}

#[test]
fn the_default_cache_is_hf_home_hub() {
    let c = standard_cache("scan-default");
    let out = fineprint(&["scan", "--json"], &[("HF_HOME", c.home.to_str().unwrap())]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["models"].as_array().unwrap().len(), 9);
    // HF_HUB_CACHE wins over HF_HOME; HF_HOME itself (with hub/ inside) may be given as the folder.
    let empty = std::env::temp_dir().join(format!("fineprint-empty-hub-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = fineprint(&["scan", "--json"], &[("HF_HOME", c.home.to_str().unwrap()), ("HF_HUB_CACHE", empty.to_str().unwrap())]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["models"].as_array().unwrap().len(), 0);
    std::fs::remove_dir_all(&empty).unwrap();
    let v = scan_json(c.home.to_str().unwrap());
    assert_eq!(v["models"].as_array().unwrap().len(), 9);
}

#[test]
fn a_folder_of_model_repositories() {
    let root = std::env::temp_dir().join(format!("fineprint-repos-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let a = root.join("acme/mit-model");
    let b = root.join("solo-model");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("LICENSE.txt"), corpus("spdx/MIT.txt")).unwrap();
    std::fs::write(
        a.join("README.md"),
        readme(
            &serde_json::json!({"license": "other", "license_name": "acme", "license_link": "LICENSE.txt", "base_model": "solo-model"}),
            "x",
        ),
    )
    .unwrap();
    std::fs::write(b.join("README.md"), readme(&serde_json::json!({"license": "cc-by-nc-4.0"}), "x")).unwrap();
    std::fs::write(b.join("COPYING"), corpus("spdx/CC-BY-NC-4.0.txt")).unwrap();
    let v = scan_json(root.to_str().unwrap());
    let ids: Vec<&str> = v["models"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["acme/mit-model", "solo-model"]);
    let m = model(&v, "acme/mit-model");
    assert_eq!(m["read"], serde_json::json!(["LICENSE.txt"]));
    assert_eq!(m["report"]["license"]["id"], "MIT");
    // Its base is in the folder, and non-commercial: that is what applies.
    assert_eq!(m["report"]["lineage"]["chain"][0]["status"], "found");
    assert_eq!(m["report"]["badge"]["class"], "non-commercial");
    assert_eq!(model(&v, "solo-model")["read"], serde_json::json!(["COPYING"]));
    // One repository given directly.
    let one = scan_json(b.to_str().unwrap());
    assert_eq!(one["models"].as_array().unwrap().len(), 1);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn bad_input_exits_2() {
    let out = fineprint(&["scan", "/nonexistent/fineprint/folder"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = fineprint(&["scan", "--yaml"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let out = fineprint(&["scan"], &[("HOME", "/nonexistent-home")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Hugging Face cache"));
}
