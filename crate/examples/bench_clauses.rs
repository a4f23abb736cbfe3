//! Clause-extraction benchmark: time per license over the whole corpus.
//!
//! `cargo run --release --example bench_clauses [ROUNDS]`
//!
//! Prints the detectors' one-time costs (reading the file; compiling every regex, which the engine
//! no longer does: each compiles on first use behind its word gate) and how many detectors a text
//! makes a fresh engine compile, then the median, 90th
//! percentile and worst time of the detectors per text (`clauses::extract_uncached`: the regexes,
//! without the precomputed hits of the corpus texts, which would answer every text here; each text's
//! time is its fastest of ROUNDS runs, default 5), over every text of data/corpus/spdx and
//! data/corpus/ai; the same with the table (`clauses::find_all`), and the whole `analyze`
//! (identification + clauses + verdict, with the table) for comparison.

use fineprint::report::Document;
use std::time::{Duration, Instant};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");
    let mut texts = vec![];
    for dir in ["spdx", "ai"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            texts.push((p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    let t = Instant::now();
    let rules = fineprint::clauses::rules::rules();
    let parse = t.elapsed();
    let t = Instant::now();
    let all = fineprint::clauses::rules::parse(fineprint::clauses::rules::SOURCE).expect("detectors");
    let compile_all = t.elapsed();
    println!(
        "detectors: {} kinds, {} patterns ({} with a word gate); the file read in {:.2} ms (regexes compile on first use); \
         compiling all {} regexes up front: {:.1} ms",
        rules.kinds.len(),
        rules.patterns.len(),
        fineprint::clauses::rules::gated_count(),
        ms(parse),
        all.compiled(),
        ms(compile_all)
    );
    let total_bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    println!("corpus: {} texts, {} KB, {rounds} rounds each (fastest kept)", texts.len(), total_bytes / 1024);
    // What one text makes a fresh engine compile: the detectors its words let through.
    let mut per_text: Vec<(usize, String)> = texts
        .iter()
        .map(|(name, text)| {
            let r = fineprint::clauses::rules::fresh();
            fineprint::clauses::extract_with(&r, &[Document::new(name.as_str(), text.as_str())]);
            (r.patterns.iter().filter(|p| p.re.is_compiled()).count(), name.clone())
        })
        .collect();
    per_text.sort();
    let at = |q: f64| &per_text[((per_text.len() - 1) as f64 * q) as usize];
    println!(
        "detectors a text compiles (of {}): median {}, p90 {}, most {} ({})",
        rules.patterns.len(),
        at(0.5).0,
        at(0.9).0,
        per_text.last().unwrap().0,
        per_text.last().unwrap().1
    );

    // One pass in corpus order before any other: what a fresh process (or a
    // fresh extension worker) sees while the lazy DFA caches fill.
    let mut cold = vec![];
    for (name, text) in &texts {
        let docs = [Document::new(name.as_str(), text.as_str())];
        let t = Instant::now();
        std::hint::black_box(fineprint::clauses::extract_uncached(&docs));
        cold.push((t.elapsed(), name.clone()));
    }
    cold.sort();
    report("detectors, first pass (cold)", &cold);
    let time = |f: &dyn Fn(&[Document])| -> Vec<(Duration, String)> {
        let mut out = vec![];
        for (name, text) in &texts {
            let docs = [Document::new(name.as_str(), text.as_str())];
            let mut best = Duration::MAX;
            for _ in 0..rounds {
                let t = Instant::now();
                f(&docs);
                best = best.min(t.elapsed());
            }
            out.push((best, name.clone()));
        }
        out.sort();
        out
    };
    let clauses = time(&|d| {
        std::hint::black_box(fineprint::clauses::extract_uncached(d));
    });
    report("detectors (warm)", &clauses);
    let table = time(&|d| {
        std::hint::black_box(fineprint::clauses::find_all(d));
    });
    report("clauses::find_all (the corpus texts' precomputed hits)", &table);
    let whole = time(&|d| {
        std::hint::black_box(fineprint::analyze(d, &Default::default()).ok());
    });
    report("analyze (identify + clauses + verdict)", &whole);

    // Texts the engine has never been built from (issue 14's budget: clause reading of a 10 KB unknown
    // text <= 2 ms native): the held-out real and written texts, none in the corpus or the table.
    let held = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/heldout");
    let mut unknown = vec![];
    for dir in ["", "wild/dev", "wild/sealed", "wild2"] {
        let Ok(rd) = std::fs::read_dir(format!("{held}/{dir}")) else { continue };
        let mut paths: Vec<_> = rd.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md")).collect();
        paths.sort();
        for p in paths {
            if p.file_name().is_some_and(|n| n == "README.md" || n == "first-run.txt" || n == "floor.txt") {
                continue;
            }
            unknown.push((p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    let mut per_10k = vec![];
    let mut near_10k = vec![];
    for (name, text) in &unknown {
        let docs = [Document::new(name.as_str(), text.as_str())];
        let mut best = Duration::MAX;
        for _ in 0..rounds {
            let t = Instant::now();
            std::hint::black_box(fineprint::clauses::find_all(&docs));
            best = best.min(t.elapsed());
        }
        per_10k.push((best.mul_f64(10_240.0 / text.len().max(1) as f64), name.clone()));
        if (8 * 1024..=12 * 1024).contains(&text.len()) {
            near_10k.push((best, name.clone()));
        }
    }
    per_10k.sort();
    near_10k.sort();
    println!("unknown texts: {} held-out texts ({} of 8-12 KB), warm, fastest of {rounds}", unknown.len(), near_10k.len());
    if !near_10k.is_empty() {
        report("clauses of an 8-12 KB unknown text", &near_10k);
    }
    report("clauses per 10 KB of unknown text", &per_10k);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, v: &[(Duration, String)]) {
    let n = v.len();
    let total: Duration = v.iter().map(|x| x.0).sum();
    println!(
        "{what:40} median {:.3} ms  p90 {:.3} ms  worst {:.3} ms ({})  total {:.0} ms",
        ms(v[n / 2].0),
        ms(v[n * 9 / 10].0),
        ms(v[n - 1].0),
        v[n - 1].1,
        ms(total)
    );
}
