//! Mixed inputs: a license inside a model card or an HTML page, followed by
//! unrelated text, beside its use policy; unknown texts and bad input.

use fineprint::identify::identify;
use fineprint::kb;
use fineprint::report::{Document, MatchKind};
use std::path::Path;

fn text_of(id: &str) -> String {
    let f = kb::facts(id).unwrap().file;
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap()
}

const CARD_INTRO: &str = "---\nlicense: apache-2.0\ntags:\n- text-generation\nbase_model: some-org/some-base\n---\n\n# Tiny Chat 7B\n\nTiny Chat is a fine-tuned conversational model trained on a mixture of public instruction datasets. It was trained for three epochs on eight accelerators with a cosine learning-rate schedule, and evaluated on common reasoning and coding benchmarks where it performs competitively for its size.\n\n## Usage\n\nLoad the model with the usual text-generation pipeline, pick a temperature between 0.2 and 0.8, and keep prompts short. The tokenizer adds special tokens automatically; see the examples folder for chat templates and batch inference scripts.\n\n## License\n\n";
const CARD_OUTRO: &str = "\n\n## Citation\n\nIf you use this model in your research, please cite the technical report that describes the data mixture, the training recipe and the evaluation protocol, and mention the version of the weights you used so that others can reproduce your numbers.\n\n## Contact\n\nOpen an issue in the repository for questions about the weights, the tokenizer, the evaluation harness or the training code; we read them every week.\n";

#[test]
fn license_inside_a_model_card_is_partial() {
    let card = format!("{CARD_INTRO}{}{CARD_OUTRO}", text_of("Apache-2.0"));
    let r = identify(&[Document::new("README.md", card)]);
    assert_eq!(r.primary.id.as_deref(), Some("Apache-2.0"));
    assert_eq!(r.primary.match_kind, MatchKind::Partial);
    assert!(r.primary.changes.is_empty(), "{:?}", r.primary.changes);
}

#[test]
fn license_followed_by_unrelated_text_is_partial() {
    let t = format!("{}{CARD_OUTRO}{CARD_OUTRO}", text_of("MIT"));
    let r = identify(&[Document::new("LICENSE", t)]);
    assert_eq!(r.primary.id.as_deref(), Some("MIT"));
    assert_eq!(r.primary.match_kind, MatchKind::Partial);
}

#[test]
fn license_and_use_policy_together() {
    let docs = [
        Document::new("LICENSE", text_of("llama-3.2-community")),
        Document::new("USE_POLICY.md", text_of("llama-3.2-aup")),
    ];
    let r = identify(&docs);
    assert_eq!(r.primary.id.as_deref(), Some("llama-3.2-community"));
    assert_eq!(r.primary.match_kind, MatchKind::Exact);
    assert_eq!(r.primary.doc, 0);
    assert_eq!(r.others.len(), 1);
    assert_eq!(r.others[0].id.as_deref(), Some("llama-3.2-aup"));
    assert_eq!(r.others[0].doc, 1);
    // Policy first: the license is still the primary.
    let r = identify(&[docs[1].clone(), docs[0].clone()]);
    assert_eq!(r.primary.id.as_deref(), Some("llama-3.2-community"));
    assert_eq!(r.primary.doc, 1);
    // A policy alone is what was found.
    let r = identify(&docs[1..]);
    assert_eq!(r.primary.id.as_deref(), Some("llama-3.2-aup"));
}

#[test]
fn license_and_policy_in_one_file_are_both_found() {
    let t = format!("{}\n\n{}", text_of("llama-3.3-community"), text_of("llama-3.3-aup"));
    let r = identify(&[Document::new("LICENSE", t)]);
    assert_eq!(r.primary.id.as_deref(), Some("llama-3.3-community"));
    assert_eq!(r.primary.match_kind, MatchKind::Partial);
    let others: Vec<_> = r.others.iter().filter_map(|m| m.id.as_deref()).collect();
    assert_eq!(others, ["llama-3.3-aup"]);
}

#[test]
fn an_html_page_holding_a_license_is_identified() {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LICENSE · acme/model at main</title>\
         <script>window.__state = {{\"x\": \"<div>\"}};</script><style>.a{{color:red}}</style></head>\
         <body><nav class=\"top\"><a href=\"/\">Hub</a> <a href=\"/models\">Models</a></nav>\
         <main><h1>LICENSE</h1><pre class=\"code\">{}</pre></main>\
         <footer>&copy; 2025 Hub Inc.</footer></body></html>",
        esc(&text_of("BSD-3-Clause"))
    );
    let r = identify(&[Document::new("page.html", page.clone())]);
    assert_eq!(r.primary.id.as_deref(), Some("BSD-3-Clause"));
    assert!(matches!(r.primary.match_kind, MatchKind::Equivalent | MatchKind::Partial), "{:?}", r.primary);
    // The page's heading is listed, as an immaterial difference; nothing else.
    assert!(r.primary.changes.iter().all(|c| !c.material), "{:?}", r.primary.changes);
}

#[test]
fn an_unknown_license_is_unknown() {
    let t = "ACME MODEL LICENSE\n\n1. You may run the model on your own computers for any purpose you like, \
        including teaching, art and experiments, as long as you tell the people who see its output that a machine \
        wrote it.\n\n2. You may not sell access to the model or its outputs, and you may not rent the weights to anyone \
        who operates a hosted service with more than ten thousand daily visitors.\n\n3. Acme may end this permission \
        by writing to you; after that you must delete every copy within thirty days.\n\n4. Acme gives no promise that \
        the model works and pays nothing if it breaks things.\n";
    let r = identify(&[Document::new("LICENSE", t)]);
    assert_eq!(r.primary.match_kind, MatchKind::Unknown);
    assert!(r.primary.id.is_none());
}

#[test]
fn odd_inputs_are_safe() {
    for t in ["", "   \n\n", "<<<>>> &&& ]](( <a <b", "\u{0}\u{1}", "Copyright (c) 2024 Foo"] {
        let r = identify(&[Document::new("x", t)]);
        assert_eq!(r.primary.match_kind, MatchKind::Unknown, "{t:?}");
    }
    // Hostile markup: runs of link and tag openers, entities, one huge word.
    for t in ["](".repeat(200_000), "<p class=x ".repeat(50_000), "&#x41;".repeat(100_000), "a".repeat(500_000), "<script>".repeat(50_000)] {
        let r = identify(&[Document::new("x", t)]);
        assert_eq!(r.primary.match_kind, MatchKind::Unknown);
    }
    // Large and repetitive input ends and finds nothing.
    let big = "lorem ipsum dolor sit amet the license shall ".repeat(40_000);
    let r = identify(&[Document::new("big", big)]);
    assert_eq!(r.primary.match_kind, MatchKind::Unknown);
    // A license repeated many times: found, partial.
    let mit = text_of("MIT").repeat(30);
    let r = identify(&[Document::new("many", mit)]);
    assert_eq!(r.primary.id.as_deref(), Some("MIT"));
}

/// A small deterministic generator (no dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_inputs_never_panic_and_offsets_hold() {
    let pieces = [
        "<", ">", "&", "&amp;", "&#", ";", "](", ")", "[", "<p>", "</p>", "<!--", "-->", "<script>", "\n", "\n\n", " ",
        "\r\n", "1.", "(a)", "©", "Copyright (c) 2024", "’", "“", "é", "中文", "İ", "ß", "license", "not", "shall",
        "Licensor", "http://", "www.", "0", "\u{200b}", "\t", "**", "#", "-",
    ];
    let mit = text_of("MIT");
    let llama = text_of("llama-3.2-community");
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for round in 0..1500 {
        let mut t = String::new();
        match round % 3 {
            0 => {
                for _ in 0..rng.below(200) {
                    t += pieces[rng.below(pieces.len())];
                }
            }
            1 => {
                // A license with random markup spliced in at random places.
                t = if round % 2 == 0 { mit.clone() } else { llama.clone() };
                for _ in 0..rng.below(20) {
                    let mut at = rng.below(t.len());
                    while !t.is_char_boundary(at) {
                        at -= 1;
                    }
                    t.insert_str(at, pieces[rng.below(pieces.len())]);
                }
            }
            _ => {
                // A random slice of a license.
                let src = if round % 2 == 0 { &mit } else { &llama };
                let (mut a, mut b) = (rng.below(src.len()), rng.below(src.len()));
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                while !src.is_char_boundary(a) {
                    a -= 1;
                }
                while !src.is_char_boundary(b) {
                    b -= 1;
                }
                t = src[a..b].to_string();
            }
        }
        let r = identify(&[Document::new("r", t.clone())]);
        for m in std::iter::once(&r.primary).chain(&r.others) {
            for c in &m.changes {
                assert!(c.start <= c.end && c.end <= t.len(), "{t:?}");
                assert!(t.is_char_boundary(c.start) && t.is_char_boundary(c.end));
                if c.start < c.end {
                    assert_eq!(&t[c.start..c.end], c.text);
                }
            }
            assert!((0.0..=1.0).contains(&m.confidence));
        }
    }
}
