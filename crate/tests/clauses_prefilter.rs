//! The WASM build compiles the clause detectors without the prefilter analysis (clauses/rules.rs),
//! native builds with it. A prefilter only skips ahead to where a match may start, so the two must
//! find the same matches, groups included: every detector regex (patterns, vetoes, `when`, `then`,
//! qualifiers) both ways, over every model license of the corpus, SPDX texts and the held-out texts,
//! in the normalized view the engine searches.

use fineprint::clauses::rules::{fresh, Lazy, Regex};
use fineprint::clauses::spec::prepare;
use fineprint::clauses::text::View;

fn texts() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![];
    for (dir, every) in [("data/corpus/ai", 1), ("data/corpus/spdx", 9), ("tests/fixtures/heldout", 1)] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).step_by(every) {
            out.push(std::fs::read_to_string(p).unwrap());
        }
    }
    out
}

fn all_groups(re: &Regex, hay: &[u8]) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(hay)
        .take(64)
        .map(|c| (0..16).map(|i| c.get(i).map(|g| (g.start(), g.end()))).collect())
        .collect()
}

#[test]
fn detectors_match_the_same_with_and_without_the_prefilter() {
    let rules = fresh();
    let mut lazies: Vec<&Lazy> = vec![];
    for p in &rules.patterns {
        lazies.push(&p.re);
        lazies.extend(p.then.iter().chain(p.when.iter()).chain(p.vetoes.iter()));
    }
    lazies.extend(rules.kinds.iter().flat_map(|k| k.qualify.iter().map(|(l, _)| l)));
    lazies.extend(rules.global_vetoes.iter());
    let texts = texts();
    assert!(texts.len() > 100, "{} texts", texts.len());
    let views: Vec<View> = texts.iter().map(|t| View::new(t)).collect();
    let (mut compared, mut matches) = (0usize, 0usize);
    for l in lazies {
        let src = prepare(l.source());
        let with = Regex::with_prefilter(&src, true).unwrap();
        let without = Regex::with_prefilter(&src, false).unwrap();
        for v in &views {
            let hay = v.norm.as_bytes();
            let a = all_groups(&with, hay);
            assert_eq!(a, all_groups(&without, hay), "pattern {:?}", l.source());
            assert_eq!(with.is_match(hay), without.is_match(hay));
            compared += 1;
            matches += a.len();
        }
    }
    assert!(matches > 500, "the comparison saw {matches} matches in {compared} searches");
}
