//! A survey of the SPDX corpus: every text analysed, one line each (id, OSI fact, verdict, identified id, clause kinds), to review
//! what the detectors say about licenses that are not model licenses (a rise in restrictions found on permissive texts is a
//! false-positive regression). `cargo run --release --example corpus_survey > survey.tsv`, then diff two runs.
use fineprint::report::Document;
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/spdx");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in names {
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&p).unwrap();
        let r = fineprint::analyze(&[Document::new(id.clone(), text)], &Default::default()).unwrap();
        let kinds: Vec<_> = r.clauses.iter().map(|c| c.kind.as_str()).collect();
        println!("{id}\t{:?}\t{:?}\t{:?}\t{}", r.osi_approved, r.verdict.class, r.license.id, kinds.join(","));
    }
}
