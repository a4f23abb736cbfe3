//! A known license plus an addition is that license, modified, with the addition as the change:
//! never a sibling whose own distinguishing sentence was replaced by the addition (MIT plus "The
//! Software shall not be used for military purposes." is not JSON with "Good, not Evil" replaced).
//!
//! For every pair of look-alikes in data/editions.txt (B is A plus a passage of its own), A gets a
//! sentence at the place of B's passage that starts like that passage and ends in words of its own.

use fineprint::align::align;
use fineprint::identify::identify;
use fineprint::kb::{self, Soft};
use fineprint::normalize::{tokenize, Tokens, FLAG_COPYRIGHT};
use fineprint::report::{ChangeKind, Document, MatchKind};
use std::collections::HashMap;
use std::path::Path;

fn text_of(id: &str) -> String {
    let f = kb::facts(id).unwrap_or_else(|| panic!("{id} not in the knowledge base")).file;
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap()
}

fn ids(t: &Tokens, vocab: &mut HashMap<String, u32>) -> Vec<u32> {
    (0..t.len())
        .map(|i| {
            let n = vocab.len() as u32;
            *vocab.entry(t.word(i).to_string()).or_insert(n)
        })
        .collect()
}

const TAIL: &str = "solely for peaceful civilian purposes by registered members.";

/// A's text with the first half of each passage that B has and A lacks (six words or more), ended
/// in words of neither: one input per passage.
fn sibling_frames(a_id: &str, a: &str, b: &str) -> Vec<String> {
    let (ta, tb) = (tokenize(a), tokenize(b));
    // Where the known text of A is soft (its title, a variable part such as a name), words may
    // be added without changing the license: no place for this test.
    let ix = kb::index();
    let t = ix.text_of_fact[kb::FACTS.iter().position(|f| f.id == a_id).unwrap()] as usize;
    let (soft, _) = ix.soft_marks(t);
    let soft_at = |i: usize| soft.len() != ta.len() || soft.get(i).is_some_and(|s| *s != Soft::No);
    let mut vocab = HashMap::new();
    let (ia, ib) = (ids(&ta, &mut vocab), ids(&tb, &mut vocab));
    let pairs = align(&ia, &ib);
    let mut out = vec![];
    for w in pairs.windows(2) {
        let ((pi, pj), (i, j)) = (w[0], w[1]);
        let (pi, pj, i, j) = (pi as usize, pj as usize, i as usize, j as usize);
        // A pure insertion in B of a sentence or a short paragraph, away from the title.
        if i != pi + 1 || !(6..=60).contains(&(j - pj - 1)) || pj < 12 || soft_at(pi) || soft_at(i) {
            continue;
        }
        // Nor a copyright line of B's (never terms).
        if (pj + 1..j).any(|k| tb.flags[k] & FLAG_COPYRIGHT != 0) {
            continue;
        }
        // Half of the passage's first sentence.
        let sentence = (pj + 1..j)
            .find(|&k| k + 1 < j && b.get(tb.spans[k].1 as usize..tb.spans[k + 1].0 as usize).unwrap_or("").contains(['.', ';', ':']))
            .map(|k| k + 1 - pj)
            .unwrap_or(j - pj);
        let h = (sentence / 2).max(3);
        let (s, e) = (tb.spans[pj + 1].0 as usize, tb.spans[pj + h].1 as usize);
        let at = ta.spans[pi].1 as usize;
        let frame = b[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
        // A paragraph of its own (never on a copyright line, where words are no terms).
        out.push(format!("{}\n\n{frame} {TAIL}\n\n{}", &a[..at], &a[at..]));
    }
    out
}

/// Look-alikes across the families of editions.txt: Apache-2.0 and its forks, MIT's variants,
/// the Creative Commons licenses of one version (BY beside BY-SA, BY-NC, ...).
const MORE: &[(&str, &[&str])] = &[
    ("apache-forks", &["Apache-2.0", "ECL-2.0", "SHL-0.5", "SHL-0.51"]),
    (
        "mit-variants",
        &["MIT", "MIT-advertising", "MIT-feh", "MIT-enna", "MIT-Wu", "MIT-Festival", "MIT-open-group", "MIT-Modern-Variant", "X11-no-permit-persons"],
    ),
    ("cc-4.0", &["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-ND-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0"]),
    ("cc-3.0", &["CC-BY-3.0", "CC-BY-SA-3.0", "CC-BY-NC-3.0", "CC-BY-ND-3.0"]),
];

#[test]
fn a_license_plus_an_addition_is_that_license_modified() {
    let mut wrong = vec![];
    let mut n = 0;
    for (family, members) in kb::FAMILIES.iter().map(|(f, m)| (*f, *m)).chain(MORE.iter().copied()) {
        for a in members.iter() {
            for b in members.iter() {
                if a == b || kb::same_text(a, b) || kb::facts(a).unwrap().deprecated || kb::facts(b).unwrap().deprecated {
                    continue;
                }
                for input in sibling_frames(a, &text_of(a), &text_of(b)) {
                    n += 1;
                    let m = identify(&[Document::new("t", input.clone())]).primary;
                    let same = m.id.as_deref().is_some_and(|g| kb::same_text(g, a));
                    let added = m.changes.iter().any(|c| c.kind != ChangeKind::Removed && c.text.contains("peaceful civilian"));
                    for c in &m.changes {
                        if c.start < c.end {
                            assert_eq!(&input[c.start..c.end], c.text);
                        }
                    }
                    if !(same && m.match_kind == MatchKind::Modified && added) {
                        wrong.push(format!(
                            "{family}: {a} plus a sentence framed like {b}'s -> {:?} {:?} {:?}",
                            m.id,
                            m.match_kind,
                            m.changes.iter().map(|c| (c.kind, c.text.as_str())).collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(n >= 20, "only {n} cases");
    assert!(wrong.is_empty(), "{} of {n}:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn mit_plus_a_sentence_where_json_has_its_own_is_mit_modified() {
    let mit = text_of("MIT");
    let at = mit.find("THE SOFTWARE IS PROVIDED").unwrap();
    for extra in [
        "The Software shall not be used for military purposes.",
        "The Software shall be used for research only.",
        "The Software shall be used in accordance with local law.",
    ] {
        let t = format!("{}{extra}\n\n{}", &mit[..at], &mit[at..]);
        let m = identify(&[Document::new("LICENSE", t.clone())]).primary;
        assert_eq!(m.id.as_deref(), Some("MIT"), "{extra}: {m:?}");
        assert_eq!(m.match_kind, MatchKind::Modified, "{extra}");
        assert_eq!(m.changes.len(), 1, "{extra}: {:?}", m.changes);
        assert_eq!(m.changes[0].kind, ChangeKind::Added);
        assert!(m.changes[0].text.contains(extra.trim_end_matches('.')), "{extra}: {:?}", m.changes);
    }
    // JSON itself, and JSON with one word of its sentence changed, stay JSON.
    let json = text_of("JSON");
    assert_eq!(identify(&[Document::new("LICENSE", json.clone())]).primary.id.as_deref(), Some("JSON"));
    let m = identify(&[Document::new("LICENSE", json.replace("not Evil", "never Evil"))]).primary;
    assert_eq!((m.id.as_deref(), m.match_kind), (Some("JSON"), MatchKind::Modified), "{:?}", m.changes);
}
