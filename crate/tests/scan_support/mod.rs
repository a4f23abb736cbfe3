//! A fake Hugging Face cache built on disk, laid out as `huggingface_hub` lays it out:
//! `hub/models--{owner}--{name}/{blobs,refs,snapshots}`, each snapshot file a relative symbolic
//! link into `../../blobs/`. Model cards get YAML front matter written from the Hub's `cardData`
//! (the real answers in tests/fixtures/hub-metadata/), the way `huggingface_hub` writes it
//! (block lists at the key's indent, nested mappings indented by two). Used by the scan and check
//! tests and by the scan benchmark (examples/bench_scan.rs).
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// A license text of the corpus (crate/data/corpus/).
pub fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `cardData` of a real Hub answer in tests/fixtures/hub-metadata/.
pub fn real_card(fixture: &str) -> Value {
    let path = format!("{}/tests/fixtures/hub-metadata/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap();
    let inner = v.get("response").or_else(|| v.get("data")).cloned().unwrap_or(v);
    inner.get("cardData").cloned().unwrap_or_else(|| panic!("{fixture}: no cardData"))
}

/// A scalar as YAML writes it: plain when that reads back the same, else single-quoted.
fn scalar(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !s.ends_with(char::is_whitespace)
        && !matches!(s, "true" | "false" | "null" | "yes" | "no" | "~")
        && s.parse::<f64>().is_err();
    if plain_ok {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

fn emit(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::Object(o) if !o.is_empty() => {
                        out.push_str(&format!("{pad}{}:\n", scalar(k)));
                        emit(x, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{}:\n", scalar(k)));
                        emit(x, indent, out);
                    }
                    Value::String(s) if s.contains('\n') => {
                        out.push_str(&format!("{pad}{}: |-\n", scalar(k)));
                        for l in s.lines() {
                            out.push_str(&if l.is_empty() { "\n".to_string() } else { format!("{pad}  {l}\n") });
                        }
                    }
                    _ => out.push_str(&format!("{pad}{}: {}\n", scalar(k), inline(x))),
                }
            }
        }
        Value::Array(a) => {
            for x in a {
                match x {
                    Value::Object(o) if !o.is_empty() => {
                        // "- key: value" then the rest of the mapping under it.
                        let mut inner = String::new();
                        emit(x, indent + 2, &mut inner);
                        let inner = inner.trim_start().to_string();
                        out.push_str(&format!("{pad}- {inner}"));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", inline(x))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", inline(other))),
    }
}

fn inline(v: &Value) -> String {
    match v {
        Value::String(s) => scalar(s),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(o) if o.is_empty() => "{}".into(),
        other => other.to_string(),
    }
}

/// A README.md with `card` as its YAML front matter.
pub fn readme(card: &Value, body: &str) -> String {
    let mut y = String::new();
    emit(card, 0, &mut y);
    format!("---\n{y}---\n\n{body}\n")
}

/// A stable content address for a blob (the real cache uses the file's git or sha256 hash).
fn address(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}{:08x}", bytes.len())
}

/// One file of a snapshot.
pub enum File<'a> {
    /// A file stored as a blob, linked from the snapshot.
    Text(&'a str, String),
    /// A link whose blob is missing (an interrupted download).
    Dangling(&'a str),
}

/// A fake cache at `root` (its `hub/` folder is the cache).
pub struct Cache {
    /// The HF_HOME.
    pub home: PathBuf,
}

impl Cache {
    /// An empty cache under a fresh temporary folder named after `tag`.
    pub fn new(tag: &str) -> Cache {
        let home = std::env::temp_dir().join(format!("fineprint-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(home.join("hub")).unwrap();
        Cache { home }
    }

    /// The cache folder (`HF_HOME/hub`).
    pub fn hub(&self) -> PathBuf {
        self.home.join("hub")
    }

    /// The folder of one model.
    pub fn model_dir(&self, id: &str) -> PathBuf {
        self.hub().join(format!("models--{}", id.replace('/', "--")))
    }

    /// Add a model at revision `rev` with `files`; `refs/main` names the revision.
    pub fn add(&self, id: &str, rev: &str, files: &[File]) -> PathBuf {
        let dir = self.model_dir(id);
        let snap = dir.join("snapshots").join(rev);
        std::fs::create_dir_all(&snap).unwrap();
        std::fs::create_dir_all(dir.join("blobs")).unwrap();
        std::fs::create_dir_all(dir.join("refs")).unwrap();
        std::fs::write(dir.join("refs/main"), rev).unwrap();
        for f in files {
            let (name, blob) = match f {
                File::Text(name, text) => {
                    let a = address(text.as_bytes());
                    std::fs::write(dir.join("blobs").join(&a), text).unwrap();
                    (*name, a)
                }
                File::Dangling(name) => (*name, "0".repeat(40)),
            };
            let link = snap.join(name);
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            let ups = "../".repeat(name.matches('/').count() + 2);
            std::os::unix::fs::symlink(format!("{ups}blobs/{blob}"), &link).unwrap();
        }
        snap
    }

    /// A model entry whose `refs/main` names a snapshot that is not there, and no snapshot at all.
    pub fn add_without_snapshot(&self, id: &str) {
        let dir = self.model_dir(id);
        std::fs::create_dir_all(dir.join("refs")).unwrap();
        std::fs::create_dir_all(dir.join("blobs")).unwrap();
        std::fs::write(dir.join("refs/main"), "f".repeat(40)).unwrap();
    }
}

impl Drop for Cache {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// A revision id that looks like a commit.
pub fn rev(n: u32) -> String {
    format!("{:040x}", 0x5eed_0000_0000u64 + n as u64)
}

/// Whether a path is a symbolic link.
pub fn is_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).map(|m| m.file_type().is_symlink()).unwrap_or(false)
}

/// The test cache used by the scan and check tests: real corpus licenses and real front-matter
/// shapes, a fine-tune of a model in the cache, a base that is not in it, a broken download, a
/// model entry without a snapshot, and a model with no license.
pub fn standard_cache(tag: &str) -> Cache {
    let c = Cache::new(tag);
    let weights = || File::Text("model.safetensors", "not really weights".into());
    // google-bert/bert-base-uncased: the real card (apache-2.0), its LICENSE.
    let bert = real_card("real_api_models_google-bert__bert-base-uncased.json");
    c.add(
        "google-bert/bert-base-uncased",
        &rev(1),
        &[
            File::Text("README.md", readme(&bert, "# BERT base model (uncased)")),
            File::Text("LICENSE", corpus("spdx/Apache-2.0.txt")),
            File::Text("config.json", "{}".into()),
            weights(),
        ],
    );
    // deepset/roberta-base-squad2: cc-by-4.0 declared, a base model that is not in the cache, no LICENSE file.
    let roberta = real_card("real_api_models_deepset__roberta-base-squad2.json");
    c.add(
        "deepset/roberta-base-squad2",
        &rev(2),
        &[File::Text("README.md", readme(&roberta, "# roberta-base for Extractive QA")), weights()],
    );
    // meta-llama/Llama-3.2-3B: the real gated card (nested extra_gated_fields), its license and use policy.
    let llama = real_card("real_api_models_meta-llama__Llama-3.2-3B_gated.json");
    c.add(
        "meta-llama/Llama-3.2-3B",
        &rev(3),
        &[
            File::Text("README.md", readme(&llama, "## Model Information")),
            File::Text("LICENSE.txt", corpus("ai/llama-3.2-community.txt")),
            File::Text("USE_POLICY.md", corpus("ai/llama-3.2-aup.txt")),
            weights(),
        ],
    );
    // A fine-tune of it, labelled apache-2.0: the base's license applies.
    let tune = serde_json::json!({"license": "apache-2.0", "base_model": ["meta-llama/Llama-3.2-3B"], "tags": ["text-generation"]});
    c.add(
        "acme-ai/llama-3.2-3b-sql",
        &rev(4),
        &[File::Text("README.md", readme(&tune, "# A SQL fine-tune")), File::Text("LICENSE", corpus("spdx/Apache-2.0.txt")), weights()],
    );
    // microsoft/Phi-3-mini-4k-instruct: license_link is a Hub URL of its own LICENSE file.
    let phi = real_card("real_api_models_microsoft__Phi-3-mini-4k-instruct_partial.json");
    c.add(
        "microsoft/Phi-3-mini-4k-instruct",
        &rev(5),
        &[File::Text("README.md", readme(&phi, "## Model Summary")), File::Text("LICENSE", corpus("spdx/MIT.txt")), weights()],
    );
    // A non-commercial model (license file LICENSE.md).
    let nc = serde_json::json!({"license": "cc-by-nc-4.0", "library_name": "transformers"});
    c.add(
        "acme-ai/nc-model",
        &rev(6),
        &[File::Text("README.md", readme(&nc, "# NC")), File::Text("LICENSE.md", corpus("spdx/CC-BY-NC-4.0.txt")), weights()],
    );
    // A broken download: the license's blob is missing.
    c.add(
        "acme-ai/broken-download",
        &rev(7),
        &[File::Text("README.md", readme(&serde_json::json!({"license": "mit"}), "# Broken")), File::Dangling("LICENSE"), weights()],
    );
    // An entry whose snapshot is gone.
    c.add_without_snapshot("acme-ai/no-snapshot");
    // A model with no license anywhere.
    c.add(
        "acme-ai/no-license",
        &rev(8),
        &[
            File::Text("README.md", readme(&serde_json::json!({"tags": ["demo"], "language": ["en"]}), "# No license")),
            File::Text("config.json", "{}".into()),
            weights(),
        ],
    );
    c
}
