//! Score detector files read at run time on labelled texts (a development aid, no rebuild per edit):
//! `cargo run --release --example wild_probe -- DIR [CLAUSES [SLOTS]]`, DIR holding `NAME.txt` and
//! `NAME.expect` (format: tests/fixtures/heldout/README.md). Prints each text's misses and false
//! quotes, kind by kind and unit by unit. Only the clause stage runs (no verdict).
use fineprint::clauses::{extract_every_quote_with, rules};
use fineprint::report::Document;
use std::collections::BTreeMap;

fn squeeze(text: &str) -> (String, Vec<usize>) {
    let (mut out, mut map) = (String::new(), vec![]);
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            map.push(i);
            space = false;
        }
        out.push(c);
        map.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    map.push(text.len());
    (out, map)
}

fn locate(text: &str, words: &str) -> Option<(usize, usize)> {
    let (t, map) = squeeze(text);
    let (w, _) = squeeze(words);
    let p = t.find(w.as_str())?;
    let end = p + w.len();
    Some((map[p], map[end - 1] + t[..end].chars().next_back().map_or(1, char::len_utf8)))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(&args[0]);
    let clauses = std::fs::read_to_string(args.get(1).map(String::as_str).unwrap_or("data/clauses.txt")).unwrap();
    let slots = std::fs::read_to_string(args.get(2).map(String::as_str).unwrap_or("data/slots.txt")).unwrap();
    let rules = match rules::parse_with(&clauses, &slots) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules: line {}: {}", e.line, e.message);
            std::process::exit(1);
        }
    };
    let mut bad_examples = 0;
    for k in &rules.kinds {
        for (ex, want) in k.yes.iter().map(|y| (y, true)).chain(k.no.iter().map(|n| (n, false))) {
            let got = extract_every_quote_with(&rules, &[Document::new("x", ex.as_str())]).iter().any(|c| c.kind == k.id);
            if got != want {
                bad_examples += 1;
                println!("EXAMPLE {} {} {ex:?}", k.id, if want { "yes missed" } else { "no detected" });
            }
        }
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "expect")).collect();
    files.sort();
    let mut tally: BTreeMap<String, [u32; 6]> = BTreeMap::new(); // doc tp fp fn, unit tp fp fn
    for e in files {
        // The text beside the expectation: NAME.txt or NAME.md.
        let Some(text) = ["txt", "md"].iter().find_map(|x| std::fs::read_to_string(e.with_extension(x)).ok()) else {
            println!("{}: no NAME.txt or NAME.md beside it", e.display());
            continue;
        };
        let stem = e.file_stem().unwrap().to_string_lossy().to_string();
        let exp = std::fs::read_to_string(&e).unwrap();
        let (mut found, mut absent, mut units) = (vec![], vec![], vec![]);
        for l in exp.lines() {
            let (k, rest) = l.split_once(' ').unwrap_or((l, ""));
            match k {
                "found" => found.extend(rest.split_whitespace().map(String::from)),
                "absent" => absent.extend(rest.split_whitespace().map(String::from)),
                "at" | "span" => {
                    let (kind, v) = rest.split_once(' ').unwrap();
                    let v = v.trim().trim_start_matches('~');
                    let (a, b) = v.split_once(" ~~ ").map(|(a, b)| (a, Some(b))).unwrap_or((v, None));
                    let (s, z) = locate(&text, a).unwrap_or_else(|| panic!("{stem}: {a:?}"));
                    let z = b.map_or(z, |b| locate(&text, b).unwrap().1);
                    // Widen a little: the unit's sentence is found by any overlapping quote.
                    units.push((kind.to_string(), s, z));
                }
                _ => {}
            }
        }
        let every = extract_every_quote_with(&rules, &[Document::new(format!("{stem}.txt"), text.as_str())]);
        let quotes = |k: &str| -> Vec<(usize, usize, String)> {
            every.iter().filter(|c| c.kind == k).flat_map(|c| c.evidence.iter().map(|e| (e.start, e.end, e.quote.clone()))).collect()
        };
        for k in &found {
            let t = tally.entry(k.clone()).or_default();
            if quotes(k).is_empty() {
                t[2] += 1;
                println!("{stem}: MISS {k}");
            } else {
                t[0] += 1;
            }
        }
        for k in &absent {
            for q in quotes(k) {
                tally.entry(k.clone()).or_default()[1] += 1;
                println!("{stem}: FALSE {k}: {:?}", q.2);
            }
        }
        for (k, s, z) in &units {
            let hit = quotes(k).iter().any(|q| q.0 < *z + 40 && *s < q.1 + 40);
            let t = tally.entry(k.clone()).or_default();
            if hit {
                t[3] += 1;
            } else {
                t[5] += 1;
                println!("{stem}: UNIT MISS {k}: {:?}", &text[*s..*z]);
            }
        }
        for k in found.iter().filter(|k| units.iter().any(|u| &u.0 == *k)) {
            for q in quotes(k) {
                if !units.iter().any(|u| &u.0 == k && q.0 < u.2 + 40 && u.1 < q.1 + 40) {
                    tally.entry(k.clone()).or_default()[4] += 1;
                    println!("{stem}: UNIT FALSE {k}: {:?}", q.2);
                }
            }
        }
    }
    println!("\nkind                               doc tp fp fn | unit tp fp fn");
    for (k, t) in &tally {
        println!("{k:34} {:3} {:2} {:2} | {:3} {:2} {:2}", t[0], t[1], t[2], t[3], t[4], t[5]);
    }
    println!("examples wrong: {bad_examples}");
}
