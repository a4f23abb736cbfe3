//! Scan every SPDX text of the corpus and print verdict and clauses per license: `cargo run --release --example clauses_spdx_scan`.
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
