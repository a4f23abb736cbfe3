//! Identification benchmark: prints numbers, asserts nothing.
//!
//! ```text
//! cargo run --release --bin bench_identify [-- --cli target/release/fineprint --askalono askalono --per-process N]
//! ```
//!
//! In process: the time to decode the embedded knowledge base; per text (best
//! of three runs) over
//! the whole corpus (781 texts, each as published: the exact path), over the
//! shared variants, and over every text edited (rewrapped, three words
//! inserted and a number changed: the full ranking and alignment path);
//! peak memory (VmHWM). With `--cli`, the whole-process time of
//! `fineprint analyze --json FILE` per text, beside `askalono identify FILE`
//! on the same files in the same run when `--askalono` is given.

use fineprint::identify::identify;
use fineprint::kb;
use fineprint::report::Document;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

fn stats(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.total_cmp(b));
    let n = ms.len();
    if n == 0 {
        return;
    }
    let q = |p: f64| ms[((n as f64 - 1.0) * p).round() as usize];
    let mean = ms.iter().sum::<f64>() / n as f64;
    println!(
        "{name:<44} n={n:<5} median {:>8.3} ms  p90 {:>8.3} ms  worst {:>8.3} ms  mean {:>8.3} ms",
        q(0.5),
        q(0.9),
        ms[n - 1],
        mean
    );
}

/// Best of three runs (the machine is shared: the best run is the cost).
fn time_one(text: &str) -> f64 {
    let docs = [Document::new("bench", text)];
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let r = identify(&docs);
            let e = t.elapsed();
            std::hint::black_box(r);
            e.as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// Rewrapped at 60 columns, three words inserted mid-text, one number changed.
fn edited(t: &str) -> String {
    let mut out = String::new();
    for p in t.split("\n\n") {
        let mut col = 0;
        for w in p.split_whitespace() {
            if col > 0 && col + w.len() > 60 {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
            }
            out += w;
            col += w.len() + 1;
        }
        out += "\n\n";
    }
    let mut at = out.len() / 2;
    while !out.is_char_boundary(at) || (at < out.len() && out.as_bytes()[at] != b' ') {
        at += 1;
    }
    out.insert_str(at.min(out.len()), " purple elephant umbrella");
    if let Some(p) = out.bytes().position(|b| b.is_ascii_digit()) {
        let d = out.as_bytes()[p];
        out.replace_range(p..p + 1, if d == b'7' { "8" } else { "7" });
    }
    out
}

fn peak_memory_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn run_timed(cmd: &mut Command) -> Option<Duration> {
    let t = Instant::now();
    let out = cmd.output().ok()?;
    let e = t.elapsed();
    out.status.success().then_some(e)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |k: &str| args.iter().position(|a| a == k).and_then(|i| args.get(i + 1)).cloned();
    let dir = corpus_dir();

    let t = Instant::now();
    let cat = kb::catalog();
    println!("catalog (all an exact match needs): {} texts, read in {:.2} ms", cat.facts_of_text.len(), t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    let ix = kb::index();
    println!(
        "knowledge base: {} ids, {} distinct texts, {} words ({} in the vocabulary), index {} bytes embedded, decoded in {:.1} ms",
        kb::len(),
        ix.texts.len(),
        ix.tokens.len(),
        ix.vocab.len(),
        kb::index_bytes(),
        t.elapsed().as_secs_f64() * 1000.0
    );

    let index: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let files: Vec<PathBuf> = index.iter().map(|e| dir.join(e["file"].as_str().unwrap())).collect();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    // Warm up once (page in, caches).
    for t in texts.iter().take(20) {
        time_one(t);
    }
    stats("corpus texts as published (exact path)", texts.iter().map(|t| time_one(t)).collect());
    let variants: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("variants/index.json")).unwrap()).unwrap();
    let vtexts: Vec<String> =
        variants.iter().map(|v| std::fs::read_to_string(dir.join(v["file"].as_str().unwrap())).unwrap()).collect();
    stats("shared variants (real third-party copies)", vtexts.iter().map(|t| time_one(t)).collect());
    let edits: Vec<String> = texts.iter().map(|t| edited(t)).collect();
    let mut worst = (0.0, 0);
    let times: Vec<f64> = edits
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let ms = time_one(t);
            if ms > worst.0 {
                worst = (ms, k);
            }
            ms
        })
        .collect();
    stats("corpus texts edited (ranking + alignment)", times);
    println!("  slowest edited text: {} ({} bytes)", index[worst.1]["id"].as_str().unwrap(), edits[worst.1].len());
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory of this process (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }

    // Whole-process time per text, beside askalono on the same files.
    if let Some(cli) = arg("--cli") {
        let n: usize = arg("--per-process").and_then(|s| s.parse().ok()).unwrap_or(100);
        // Every k-th corpus text, so all kinds are in the sample.
        let step = (files.len() / n).max(1);
        let sample: Vec<&PathBuf> = files.iter().step_by(step).take(n).collect();
        let ours: Vec<f64> = sample
            .iter()
            .filter_map(|f| run_timed(Command::new(&cli).args(["analyze", "--json"]).arg(f)))
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect();
        stats(&format!("CLI process: fineprint analyze --json ({})", sample.len()), ours.clone());
        if let Some(ask) = arg("--askalono") {
            let theirs: Vec<f64> = sample
                .iter()
                .filter_map(|f| run_timed(Command::new(&ask).arg("identify").arg(f)))
                .map(|d| d.as_secs_f64() * 1000.0)
                .collect();
            stats(&format!("CLI process: askalono identify ({})", sample.len()), theirs.clone());
            let med = |mut v: Vec<f64>| {
                v.sort_by(|a, b| a.total_cmp(b));
                v[v.len() / 2]
            };
            if !ours.is_empty() && !theirs.is_empty() {
                println!("median ratio fineprint/askalono: {:.3}", med(ours) / med(theirs));
            }
        }
    }
}
