//! Every known text identifies as itself, and every shared third-party variant
//! as the exact license id named for it in VARIANTS (adding a variant to the corpus
//! fails until its expected answer is written here).

use fineprint::identify::identify;
use fineprint::kb;
use fineprint::report::{Document, MatchKind};
use serde_json::Value;
use std::path::Path;

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus"))
}

fn read_json(rel: &str) -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(corpus().join(rel)).unwrap()).unwrap()
}

#[test]
fn every_corpus_text_is_itself_exact() {
    let mut wrong = vec![];
    let entries = read_json("index.json");
    assert!(entries.len() >= 781);
    for e in &entries {
        let id = e["id"].as_str().unwrap();
        let text = std::fs::read_to_string(corpus().join(e["file"].as_str().unwrap())).unwrap();
        let m = identify(&[Document::new(id, text)]).primary;
        let got = m.id.clone().unwrap_or_default();
        // A deprecated id is reported as the current id that replaces it (the SPDX list's
        // `<obsoletedBy>`: BSD-2-Clause-NetBSD is BSD-2-Clause now).
        let current = kb::facts(id).map(|f| kb::current(f).id).unwrap_or(id);
        if m.match_kind != MatchKind::Exact || !(kb::same_text(&got, id) || got == current) {
            wrong.push(format!("{id}: got {got} {:?}", m.match_kind));
        }
    }
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// The expected answer for every shared third-party copy in variants/index.json:
/// the exact id, and the match kinds that are right for it. Some copies are
/// another edition than their folder says (the index's notes): the answer is
/// that edition when the knowledge base has it, else the nearest edition,
/// modified, with its differences listed.
const VARIANTS: &[(&str, &str, &[MatchKind])] = {
    use MatchKind::*;
    &[
        // "ChatGLM2-6B edition": that edition's own text.
        ("variants/chatglm-6b/1.txt", "chatglm2-6b", &[Exact, Equivalent]),
        // "SDXL 1.0 edition ... re-wrapped; different copyright header".
        ("variants/creativeml-openrail++-m/1.txt", "creativeml-openrail++-m-sdxl", &[Exact, Equivalent]),
        // Only the copyright holder changed.
        ("variants/creativeml-openrail-m/1.txt", "creativeml-openrail-m", &[Exact, Equivalent]),
        ("variants/deepseek-license-1.0/1.txt", "deepseek-license-1.0", &[Exact, Equivalent]),
        // "OLDER VERSION Last modified Feb 21, 2024": not in the knowledge base; the nearest edition.
        ("variants/gemma-terms/1.txt", "gemma-terms-2024-04-01", &[Modified]),
        ("variants/llama-2-aup/1.txt", "llama-2-aup", &[Exact, Equivalent]),
        ("variants/llama-2-community/1.txt", "llama-2-community", &[Exact, Equivalent]),
        ("variants/llama-3-aup/1.txt", "llama-3-aup", &[Exact, Equivalent]),
        ("variants/llama-3-community/1.txt", "llama-3-community", &[Exact, Equivalent]),
        // French heading, code fence, the use policy appended.
        ("variants/llama-3.1-community/1.txt", "llama-3.1-community", &[Exact, Equivalent, Partial]),
        // Shipped with a derivative (Cogito 3B): names changed.
        ("variants/llama-3.2-community/1.txt", "llama-3.2-community", &[Modified]),
        ("variants/llama-3.3-community/1.txt", "llama-3.3-community", &[Exact, Equivalent]),
        // The Qwen RESEARCH LICENSE of Sep 2024 is not in the knowledge base: the older
        // Tongyi Qianwen research license, modified.
        ("variants/qwen-research-2024/1.txt", "tongyi-qianwen-research", &[Modified]),
        ("variants/stability-ai-nc-research-community/1.txt", "stability-ai-nc-research-community", &[Exact, Equivalent]),
        // "HunyuanDiT edition: excludes ONLY the EU": the edition with that territory
        // (Hunyuan-Large), not the folder's HunyuanVideo edition (EU, UK and South Korea).
        ("variants/tencent-hunyuan-community/1.txt", "tencent-hunyuan-community-large", &[Modified]),
        // "Qwen-VL edition": other date and model names.
        ("variants/tongyi-qianwen/1.txt", "tongyi-qianwen", &[Modified]),
    ]
};

#[test]
fn every_variant_is_its_license() {
    let mut wrong = vec![];
    let index = read_json("variants/index.json");
    let files: Vec<&str> = index.iter().map(|v| v["file"].as_str().unwrap()).collect();
    assert_eq!(files, VARIANTS.iter().map(|v| v.0).collect::<Vec<_>>(), "every variant has its expected answer here, in index order");
    for (v, &(file, want_id, kinds)) in index.iter().zip(VARIANTS) {
        let folder = v["license_id"].as_str().unwrap();
        let text = std::fs::read_to_string(corpus().join(file)).unwrap();
        let r = identify(&[Document::new(file, text.clone())]);
        let m = &r.primary;
        let got = m.id.as_deref().unwrap_or("-");
        // Every change points at the words it names.
        for c in &m.changes {
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end) && c.start <= c.end);
            if c.start < c.end {
                assert_eq!(&text[c.start..c.end], c.text, "{file}");
            }
        }
        if kb::facts(folder).is_none() && matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent) {
            // An edition we do not have must not pass for a known text.
            wrong.push(format!("{file}: unknown edition reported as {got} {:?}", m.match_kind));
        }
        if got != want_id || !kinds.contains(&m.match_kind) {
            wrong.push(format!("{file}: want {want_id} {kinds:?}, got {got} {:?} {:.2} ({} changes)", m.match_kind, m.confidence, m.changes.len()));
        }
        // A modified answer lists what differs.
        if m.match_kind == MatchKind::Modified && m.changes.is_empty() {
            wrong.push(format!("{file}: {got} modified with no change listed"));
        }
    }
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}
