//! Print the clauses found in files (a debugging aid): `cargo run --example clauses_probe FILE...`
fn main() {
    let docs: Vec<_> = std::env::args()
        .skip(1)
        .map(|f| {
            let text = if std::path::Path::new(&f).exists() { std::fs::read_to_string(&f).unwrap() } else { f.clone() };
            fineprint::report::Document::new(f, text)
        })
        .collect();
    for c in fineprint::clauses::extract(&docs) {
        println!("{} {:?} {:?} | {}", c.kind, c.value, c.unit, c.summary);
        for e in &c.evidence {
            println!("    [{}:{}..{}] {:?}", e.doc, e.start, e.end, e.quote);
        }
    }
}
