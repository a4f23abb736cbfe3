//! `fineprint check --policy POLICY.toml`: a team's rules, in the profile questions' words, against
//! the fake cache of tests/scan_support (real corpus licenses), in every output format; exit 0 when
//! all pass, 1 when any fails, 2 on bad input.

mod scan_support;

use scan_support::*;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The issue's four rules: no non-commercial, no research-only, commercial use allowed for an EU
/// company with 5M monthly users, and outputs we may train on.
const POLICY: &str = r#"
# Our team: a hosted product, an EU company, about 5 million monthly users; we train our own models on outputs.
[profile]
use = "product"
distribution = ["hosted"]
mau = "1m_100m"
revenue = "over_10m"
region = ["eu"]
output_training = "other_model"
attribution = "yes"
contract = "yes"

[[rule]]
id = "no-non-commercial"
title = "No non-commercial or research-only models"
badge_not = ["non-commercial", "research-only"]

[[rule]]
id = "commercial-use-for-us"
title = "Commercial use must be allowed for us: EU company, 5M monthly users"
questions = ["use", "mau", "revenue", "region"]

[[rule]]
id = "train-on-outputs"
title = "No model whose outputs we cannot train on"
questions = ["output_training"]
"#;

fn fineprint(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fineprint"))
        .args(args)
        .current_dir(cwd)
        .env_remove("HF_HUB_CACHE")
        .env_remove("HF_HOME")
        .output()
        .expect("run fineprint")
}

/// The standard cache plus a Llama 2 model (its license bans training other models on outputs).
fn cache(tag: &str) -> Cache {
    let c = standard_cache(tag);
    c.add(
        "meta-llama/Llama-2-7b-hf",
        &rev(20),
        &[
            File::Text("README.md", readme(&serde_json::json!({"license": "llama2", "language": ["en"]}), "# Llama 2")),
            File::Text("LICENSE.txt", corpus("ai/llama-2-community.txt")),
            File::Text("USE_POLICY.md", corpus("ai/llama-2-aup.txt")),
        ],
    );
    std::fs::write(c.home.join("POLICY.toml"), POLICY).unwrap();
    c
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json_models(c: &Cache) -> Value {
    let out = fineprint(&["check", "--policy", "POLICY.toml", "--format", "json", "hub"], &c.home);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn failed_rules(v: &Value, id: &str) -> Vec<String> {
    let m = v["models"].as_array().unwrap().iter().find(|m| m["model"] == id).unwrap_or_else(|| panic!("{id}"));
    m["rules"].as_array().unwrap().iter().filter(|r| r["pass"] == false).map(|r| r["rule"].as_str().unwrap().to_string()).collect()
}

fn finding<'a>(v: &'a Value, id: &str, rule: &str, clause: &str) -> &'a Value {
    let m = v["models"].as_array().unwrap().iter().find(|m| m["model"] == id).unwrap();
    let r = m["rules"].as_array().unwrap().iter().find(|r| r["rule"] == rule).unwrap();
    r["findings"].as_array().unwrap().iter().find(|f| f["clause"] == clause).unwrap_or_else(|| panic!("{id} {rule} {clause}: {r}"))
}

#[test]
fn each_model_against_each_rule() {
    let c = cache("check-rules");
    let v = json_models(&c);
    assert_eq!(v["pass"], false);
    assert!(failed_rules(&v, "google-bert/bert-base-uncased").is_empty());
    assert!(failed_rules(&v, "microsoft/Phi-3-mini-4k-instruct").is_empty());
    // Non-commercial: the badge rule and the commercial-use question both fail, with the text's words.
    assert_eq!(failed_rules(&v, "acme-ai/nc-model"), ["no-non-commercial", "commercial-use-for-us"]);
    let nc = finding(&v, "acme-ai/nc-model", "commercial-use-for-us", "noncommercial");
    assert_eq!(nc["outcome"], "not_allowed");
    assert!(corpus("spdx/CC-BY-NC-4.0.txt").contains(nc["quote"].as_str().unwrap()), "verbatim quote");
    // Llama 3.2: the EU is excluded (the use policy's words); 5M users are under the 700M threshold.
    assert_eq!(failed_rules(&v, "meta-llama/Llama-3.2-3B"), ["commercial-use-for-us"]);
    let geo = finding(&v, "meta-llama/Llama-3.2-3B", "commercial-use-for-us", "geo_exclusion");
    assert!(corpus("ai/llama-3.2-aup.txt").contains(geo["quote"].as_str().unwrap()));
    // Its apache-labelled fine-tune is bound by the same term, quoted from the base's file.
    assert_eq!(failed_rules(&v, "acme-ai/llama-3.2-3b-sql"), ["commercial-use-for-us"]);
    assert_eq!(finding(&v, "acme-ai/llama-3.2-3b-sql", "commercial-use-for-us", "geo_exclusion")["from"], "meta-llama/Llama-3.2-3B");
    // Llama 2: its outputs may not train other models.
    assert!(failed_rules(&v, "meta-llama/Llama-2-7b-hf").contains(&"train-on-outputs".to_string()));
    let ban = finding(&v, "meta-llama/Llama-2-7b-hf", "train-on-outputs", "output_training_ban");
    assert_eq!(ban["outcome"], "not_allowed");
    // Nothing readable: fails the built-in rule (unknown_license = "fail" by default).
    assert_eq!(failed_rules(&v, "acme-ai/no-license"), ["license-readable"]);
    assert_eq!(failed_rules(&v, "acme-ai/no-snapshot"), ["license-readable"]);
}

#[test]
fn the_text_report_quotes_the_clause_with_its_file_and_line() {
    let c = cache("check-text");
    let out = fineprint(&["check", "--policy", "POLICY.toml", "hub"], &c.home);
    assert_eq!(out.status.code(), Some(1));
    let t = stdout(&out);
    assert!(t.contains("PASS  google-bert/bert-base-uncased"), "{t}");
    assert!(t.contains("FAIL  meta-llama/Llama-3.2-3B"), "{t}");
    assert!(t.contains("rule commercial-use-for-us: Commercial use must be allowed for us: EU company, 5M monthly users"));
    // The place given is where the quote starts.
    let line = t.lines().find(|l| l.contains("USE_POLICY.md, line ")).expect("a quote with its place");
    let (path, n) = line.rsplit_once(" (").unwrap().1.trim_end_matches(')').split_once(", line ").unwrap();
    let text = std::fs::read_to_string(c.home.join(path)).unwrap();
    let at = text.lines().nth(n.parse::<usize>().unwrap() - 1).unwrap();
    let quote_start: String = line.split('\u{201C}').nth(1).unwrap().split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(at.contains(&quote_start), "line {n} of {path} is {at:?}, the quote starts {quote_start:?}");
    assert!(t.contains("of 10 models fail POLICY.toml"), "{t}");
}

#[test]
fn sarif_for_ci() {
    let c = cache("check-sarif");
    let out = fineprint(&["check", "--policy", "POLICY.toml", "--format", "sarif", "hub"], &c.home);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "fineprint");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(rules, ["no-non-commercial", "commercial-use-for-us", "train-on-outputs", "license-readable"]);
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()), "{r}");
        assert_eq!(r["level"], "error");
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap_or_else(|| panic!("no location: {r}"));
        assert!(uri.starts_with("hub/models--"), "relative to the working folder: {uri}");
        assert!(c.home.join(uri).exists(), "{uri}");
        if let Some(snippet) = loc["region"]["snippet"]["text"].as_str() {
            let text = std::fs::read_to_string(c.home.join(uri)).unwrap();
            let line = loc["region"]["startLine"].as_u64().unwrap() as usize;
            let col = loc["region"]["startColumn"].as_u64().unwrap() as usize;
            let from_line: String = text.lines().skip(line - 1).collect::<Vec<_>>().join("\n").chars().skip(col - 1).collect();
            assert!(from_line.starts_with(snippet), "{uri}:{line}:{col} does not start with the snippet {snippet:?}");
        }
    }
    assert!(results.iter().any(|r| r["ruleId"] == "train-on-outputs" && r["properties"]["clause"] == "output_training_ban"));
}

#[test]
fn markdown_for_a_pull_request() {
    let c = cache("check-md");
    let out = fineprint(&["check", "--policy", "POLICY.toml", "--format", "markdown", "hub"], &c.home);
    assert_eq!(out.status.code(), Some(1));
    let md = stdout(&out);
    assert!(md.starts_with("## Fine Print license check: 6 of 10 models fail"), "{md}");
    assert!(md.contains("| ✅ | `google-bert/bert-base-uncased` |"), "{md}");
    assert!(md.contains("| ❌ | `acme-ai/nc-model` |"), "{md}");
    assert!(md.contains("\n    > "), "quotes as block quotes: {md}");
}

#[test]
fn passing_models_and_license_files_exit_0_failing_files_exit_1() {
    let c = cache("check-pass");
    let bert = c.model_dir("google-bert/bert-base-uncased");
    let out = fineprint(&["check", "--policy", "POLICY.toml", bert.to_str().unwrap()], &c.home);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Files given directly are one model, analysed together (a license and its use policy).
    let files = c.home.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(files.join("LICENSE"), corpus("spdx/MIT.txt")).unwrap();
    let out = fineprint(&["check", "--policy", "POLICY.toml", "files/LICENSE"], &c.home);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    std::fs::write(files.join("LICENSE"), corpus("ai/llama-2-community.txt")).unwrap();
    std::fs::write(files.join("USE_POLICY.md"), corpus("ai/llama-2-aup.txt")).unwrap();
    let out = fineprint(&["check", "--policy", "POLICY.toml", "--format", "json", "files/LICENSE", "files/USE_POLICY.md"], &c.home);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["models"].as_array().unwrap().len(), 1);
    assert_eq!(failed_rules(&v, "files"), ["train-on-outputs"]);
}

#[test]
fn unknown_license_can_be_let_through() {
    let c = cache("check-unknown");
    let lenient = format!("unknown_license = \"pass\"\n{POLICY}");
    std::fs::write(c.home.join("LENIENT.toml"), lenient).unwrap();
    let none = c.model_dir("acme-ai/no-license");
    let out = fineprint(&["check", "--policy", "LENIENT.toml", none.to_str().unwrap()], &c.home);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = fineprint(&["check", "--policy", "POLICY.toml", none.to_str().unwrap()], &c.home);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_input_exits_2_with_a_reason() {
    let c = cache("check-bad");
    let write = |name: &str, text: &str| std::fs::write(c.home.join(name), text).unwrap();
    write("typo.toml", "[profile]\nuse = \"commerce\"\n[[rule]]\nid = \"x\"\nquestions = [\"use\"]\n");
    write("broken.toml", "[[rule]\nid = 1\n");
    write("unknown-question.toml", "[[rule]]\nid = \"x\"\nquestions = [\"purpose_of_life\"]\n");
    let cases: [(&[&str], &str); 6] = [
        (&["check", "--policy", "typo.toml", "hub"], "unknown answer 'commerce'"),
        (&["check", "--policy", "broken.toml", "hub"], "broken.toml"),
        (&["check", "--policy", "unknown-question.toml", "hub"], "unknown question 'purpose_of_life'"),
        (&["check", "--policy", "missing.toml", "hub"], "missing.toml"),
        (&["check", "hub"], "--policy POLICY.toml is required"),
        (&["check", "--policy", "POLICY.toml", "--format", "xml", "hub"], "--format xml"),
    ];
    for (args, want) in cases {
        let out = fineprint(args, &c.home);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = fineprint(&["check", "--policy", "POLICY.toml", "no-such-folder"], &c.home);
    assert_eq!(out.status.code(), Some(2));
}
