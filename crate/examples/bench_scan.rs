//! `fineprint scan` over a fake Hugging Face cache of N models (default 200): prints the wall time
//! of each run (not a test; see BENCHMARKS.md). The cache is built as the tests build it
//! (crate/tests/scan_support): real corpus licenses behind symbolic links into blobs/, README
//! front matter, fine-tunes of models in the cache, and a few broken downloads.
//!
//! ```sh
//! cargo build --release --bin fineprint && cargo run --release --example bench_scan -- [N] [RUNS] [--keep]
//! ```

#[path = "../tests/scan_support/mod.rs"]
mod scan_support;

use scan_support::*;
use std::process::Command;
use std::time::Instant;

const LICENSES: [(&str, &str); 10] = [
    ("apache-2.0", "spdx/Apache-2.0.txt"),
    ("mit", "spdx/MIT.txt"),
    ("cc-by-4.0", "spdx/CC-BY-4.0.txt"),
    ("cc-by-nc-4.0", "spdx/CC-BY-NC-4.0.txt"),
    ("llama3.1", "ai/llama-3.1-community.txt"),
    ("llama3.2", "ai/llama-3.2-community.txt"),
    ("gemma", "ai/gemma-terms.txt"),
    ("openrail", "ai/creativeml-openrail-m.txt"),
    ("bsd-3-clause", "spdx/BSD-3-Clause.txt"),
    ("gpl-3.0", "spdx/GPL-3.0-only.txt"),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(200);
    let runs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let keep = args.iter().any(|a| a == "--keep");
    let bin = std::env::var("FINEPRINT_BIN").unwrap_or_else(|_| format!("{}/../target/release/fineprint", env!("CARGO_MANIFEST_DIR")));
    let cache = Cache::new("bench-scan");
    let texts: Vec<String> = LICENSES.iter().map(|(_, f)| corpus(f)).collect();
    for i in 0..n {
        let k = i % LICENSES.len();
        let id = format!("org{}/model-{i}", i % 17);
        // Every fifth model is a fine-tune of an earlier one in the cache.
        let card = if i % 5 == 4 {
            serde_json::json!({"license": LICENSES[k].0, "base_model": format!("org{}/model-{}", (i - 1) % 17, i - 1)})
        } else {
            serde_json::json!({"license": LICENSES[k].0, "tags": ["text-generation"], "datasets": ["c4"]})
        };
        let mut files = vec![
            File::Text("README.md", readme(&card, &format!("# Model {i}"))),
            File::Text("config.json", "{}".into()),
            File::Text("model.safetensors", format!("weights {i}")),
        ];
        if i % 50 == 49 {
            files.push(File::Dangling("LICENSE"));
        } else {
            files.push(File::Text("LICENSE", texts[k].clone()));
        }
        cache.add(&id, &rev(i as u32), &files);
    }
    println!("cache: {} models at {}", n, cache.hub().display());
    for r in 0..runs {
        let t = Instant::now();
        let out = Command::new(&bin).args(["scan", "--json"]).arg(cache.hub()).output().expect("run fineprint (build it first)");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        println!("run {r}: {ms:.0} ms for {} models", v["models"].as_array().map_or(0, |m| m.len()));
    }
    if keep {
        let kept = std::env::temp_dir().join("fineprint-bench-cache");
        let _ = std::fs::remove_dir_all(&kept);
        std::fs::rename(&cache.home, &kept).unwrap();
        println!("kept at {}", kept.join("hub").display());
    }
}
