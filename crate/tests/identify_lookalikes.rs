//! Look-alike texts (BSD variants, MIT relatives, CC versions, Llama, Gemma,
//! Hunyuan and Stability editions, GPL family...: every family of
//! data/editions.txt) are never taken for one another, reformatted or edited.

use fineprint::identify::{compare, identify};
use fineprint::kb;
use fineprint::report::{Document, LicenseMatch, MatchKind};
use std::path::Path;

fn text_of(id: &str) -> String {
    let f = kb::facts(id).unwrap_or_else(|| panic!("{id} not in the knowledge base")).file;
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap()
}

fn ident(text: &str) -> LicenseMatch {
    identify(&[Document::new("t", text)]).primary
}

/// Rewrapped at 70 columns, a markdown heading, typographic quotes.
fn reformatted(t: &str) -> String {
    let mut out = String::from("# LICENSE\n\n");
    for p in t.split("\n\n") {
        let mut col = 0;
        for w in p.split_whitespace() {
            let w = w.replace('"', "\u{201c}");
            if col > 0 && col + w.len() > 70 {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
            }
            out += &w;
            col += w.len() + 1;
        }
        out += "\n\n";
    }
    out
}

#[test]
fn every_edition_is_itself_never_a_look_alike() {
    let mut wrong = vec![];
    let mut n = 0;
    for (family, ids) in kb::FAMILIES {
        for id in ids.iter() {
            let t = text_of(id);
            for (how, input) in [("as published", t.clone()), ("reformatted", reformatted(&t))] {
                n += 1;
                let m = ident(&input);
                let ok = m.id.as_deref().map(|g| kb::same_license(g, id)).unwrap_or(false)
                    && matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent);
                if !ok {
                    wrong.push(format!("{family}: {id} {how} -> {:?} {:?} {:?}", m.id, m.match_kind, m.changes.first()));
                }
            }
        }
    }
    assert!(n >= 150, "{n}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn editions_differ_in_listed_words() {
    // Against its look-alike, an edition is never `exact` or `equivalent`:
    // the words that differ are listed, at their place in the input.
    for (family, ids) in kb::FAMILIES {
        for a in ids.iter() {
            for b in ids.iter() {
                // Deprecated SPDX ids were retired because their texts match
                // another license's template (BSD-2-Clause-NetBSD is BSD-2-Clause).
                if a == b || kb::same_text(a, b) || kb::facts(a).unwrap().deprecated || kb::facts(b).unwrap().deprecated {
                    continue;
                }
                let t = text_of(a);
                let m = compare(&[Document::new("t", t.clone())], b).unwrap();
                assert!(
                    match m.match_kind {
                        MatchKind::Exact | MatchKind::Declared => false,
                        // Where the other's template accepts the edition (BSD-4-Clause-UC is
                        // BSD-4-Clause with the Regents in its holder slots and its own title),
                        // the differences are listed as names and titles, and identification
                        // still picks the edition itself.
                        MatchKind::Equivalent => {
                            !m.changes.is_empty()
                                && m.changes.iter().all(|c| ["name", "title", "note", "optional"].contains(&c.aspect.as_str()))
                                && ident(&t).id.as_deref() == Some(*a)
                        }
                        // Only part of the input (BSD-2-Clause inside BSD-2-Clause-Patent).
                        MatchKind::Partial | MatchKind::Unknown => true,
                        MatchKind::Modified => !m.changes.is_empty(),
                    },
                    "{family}: {a} compared with {b}: {:?}",
                    m.match_kind
                );
                for c in &m.changes {
                    if c.start < c.end {
                        assert_eq!(&t[c.start..c.end], c.text);
                    }
                }
            }
        }
    }
}

#[test]
fn llama_editions_and_their_telling_words() {
    // Llama 3 forbids using outputs to improve other models; 3.1 does not.
    let l31 = text_of("llama-3.1-community");
    let m = compare(&[Document::new("LICENSE", l31.clone())], "llama-3-community").unwrap();
    let said: String = m.changes.iter().map(|c| format!("{} {} ", c.text, c.original.as_deref().unwrap_or(""))).collect();
    assert!(said.to_lowercase().contains("improve"), "the output-training clause should differ: {said}");
    assert!(said.contains("3.1") || said.contains("July 23"), "{said}");
    // Gemma's two editions.
    let g = text_of("gemma-terms-2024-04-01");
    assert_eq!(ident(&g).id.as_deref(), Some("gemma-terms-2024-04-01"));
    assert_eq!(ident(&reformatted(&text_of("gemma-terms"))).id.as_deref(), Some("gemma-terms"));
}

#[test]
fn bsd_with_a_clause_removed_or_added() {
    // BSD-4-Clause without its advertising clause reads as BSD-3-Clause, and
    // BSD-3-Clause with a fourth clause is BSD-3-Clause modified, not BSD-4.
    let b3 = text_of("BSD-3-Clause");
    let extra = "\n\n4. The software may not be used for commercial purposes.\n";
    let m = ident(&format!("{}{extra}", b3.trim_end()));
    assert_eq!(m.id.as_deref(), Some("BSD-3-Clause"));
    assert_eq!(m.match_kind, MatchKind::Modified);
    assert!(m.changes.iter().any(|c| c.text.contains("commercial")), "{:?}", m.changes);
    // MIT and its relatives.
    for id in ["MIT", "X11", "JSON", "MIT-0", "ISC", "0BSD"] {
        assert_eq!(ident(&reformatted(&text_of(id))).id.as_deref(), Some(id));
    }
}

#[test]
fn words_added_to_a_first_sentence_that_states_a_term_are_a_change() {
    // A short first paragraph is often a title ("MIT License"), where added words are a heading;
    // but when it states a term, words added to it change the license.
    for id in ["Gutmann", "HIDAPI", "TermReadKey", "man2html", "check-cvs", "BSD-3-Clause-Attribution", "Linux-OpenIB", "Jam"] {
        let t = text_of(id);
        let t = t.trim_start();
        let end = t.find("\n\n").unwrap_or(t.len());
        let cut = t[..end].trim_end_matches(|c: char| c.is_whitespace() || ".:;".contains(c)).len();
        let edited = format!("{} only on weekdays{}", &t[..cut], &t[cut..]);
        let m = ident(&edited);
        assert_eq!(m.id.as_deref(), Some(id), "{id}");
        assert_eq!(m.match_kind, MatchKind::Modified, "{id}: {:?}", m.changes);
        assert!(m.changes.iter().any(|c| c.text.contains("weekdays")), "{id}: {:?}", m.changes);
    }
}
