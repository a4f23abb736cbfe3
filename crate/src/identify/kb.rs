//! The embedded knowledge base: facts about every known license, and every
//! known text as normalized tokens (built by `build.rs` into `kb.bin`).

pub use crate::text::fx::BuildFx;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What kind of document a known text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// On the SPDX License List.
    Spdx,
    /// A model license.
    Model,
    /// An acceptable-use or prohibited-use policy.
    Policy,
}

/// Facts about one known license.
#[derive(Debug)]
pub struct Facts {
    /// The report's `license.id`.
    pub id: &'static str,
    /// Full name.
    pub name: &'static str,
    /// SPDX, model license or policy.
    pub kind: Kind,
    /// Path of the text under `data/corpus/`.
    pub file: &'static str,
    /// OSI approval (SPDX entries only).
    pub osi_approved: Option<bool>,
    /// Deprecated SPDX id.
    pub deprecated: bool,
    /// For a deprecated id, the current id that replaces it (the SPDX list's `<obsoletedBy>`).
    pub replaced_by: Option<&'static str>,
    /// Hugging Face license ids that name it.
    pub hf_ids: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// Version of the knowledge base format and content.
pub const KB_VERSION: &str = "fineprint-kb-2";

/// Layout version of the embedded index (must equal `KB_FORMAT` in build.rs).
const KB_FORMAT: u8 = 3;

static KB_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));

/// Facts for a license id (exact spelling first, then case-insensitive).
pub fn facts(id: &str) -> Option<&'static Facts> {
    FACTS
        .iter()
        .find(|f| f.id == id)
        .or_else(|| FACTS.iter().find(|f| f.id.eq_ignore_ascii_case(id)))
}

/// The license a Hugging Face license id names (`apache-2.0`, `llama3.1`,
/// `gpl-3.0`, ...): the corpus's `hf_ids`, then `data/hf-aliases.txt`, then the
/// corpus id itself.
pub fn by_hf_id(hf_id: &str) -> Option<&'static Facts> {
    let hf = hf_id.trim();
    FACTS
        .iter()
        .find(|f| f.hf_ids.iter().any(|h| h.eq_ignore_ascii_case(hf)))
        .or_else(|| HF_ALIASES.iter().find(|(h, _, _)| h.eq_ignore_ascii_case(hf)).and_then(|(_, id, _)| facts(id)))
        .or_else(|| facts(hf))
}

/// The family of a license and its edition number there (0 = oldest), from
/// `data/editions.txt`: `llama-3.1-community` is edition 3 of `llama`.
pub fn family(id: &str) -> Option<(&'static str, usize)> {
    FAMILIES.iter().find_map(|(fam, ids)| ids.iter().position(|i| *i == id).map(|k| (*fam, k)))
}

/// Whether a Hugging Face license id names a family (`bsd`, `gpl`,
/// `openrail`) rather than one text.
pub fn is_hf_family(hf_id: &str) -> bool {
    let hf = hf_id.trim();
    HF_ALIASES.iter().any(|(h, _, family)| *family && h.eq_ignore_ascii_case(hf))
}

/// Number of known licenses.
pub fn len() -> usize {
    FACTS.len()
}

/// Size of the embedded text index in bytes.
pub fn index_bytes() -> usize {
    KB_BIN.len()
}

/// A soft token of a known text: a difference there is not a change of terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Soft {
    /// Substantive text.
    No = 0,
    /// The title (first short paragraph).
    Title = 1,
    /// An SPDX template variable (copyright holder, "are|is", ...).
    Var = 2,
    /// An SPDX template optional part.
    Optional = 3,
    /// List numbering.
    Bullet = 4,
}

/// One distinct known text (several license ids may share it).
#[derive(Debug)]
pub struct KnownText {
    /// Start of its tokens in [`Index::tokens`].
    pub start: usize,
    /// Number of tokens.
    pub len: usize,
    /// Hashes of the token streams that are this text exactly.
    pub exact: Vec<u64>,
    /// Soft runs: (start, len, kind, words a variable may take), relative to the text.
    pub soft: Vec<(u32, u32, Soft, u8)>,
    /// Indices into [`FACTS`] of the ids with this text (index.json order).
    pub facts: Vec<u16>,
    /// Number of non-soft tokens.
    pub substantive: usize,
    /// Number of distinct tokens.
    pub distinct: u32,
    /// Sum of the weights of its distinct tokens.
    pub weight: f32,
    /// Sum of the squared weights of its distinct tokens.
    pub weight2: f32,
}

/// The decoded index.
pub struct Index {
    /// The vocabulary; a token is an index into it.
    pub vocab: Vec<&'static str>,
    /// Word to token.
    pub word_ids: HashMap<&'static str, u32, BuildFx>,
    /// All texts' tokens, concatenated.
    pub tokens: Vec<u32>,
    /// The distinct texts.
    pub texts: Vec<KnownText>,
    /// The text of each entry of [`FACTS`].
    pub text_of_fact: Vec<u32>,
    /// Exact hash to text.
    pub exact: HashMap<u64, u32, BuildFx>,
    /// For each token: the texts containing it (CSR offsets into `postings`).
    pub post_start: Vec<u32>,
    /// Texts, grouped by token.
    pub postings: Vec<u16>,
    /// Weight of each token: the rarer among the texts, the heavier (idf).
    pub token_weight: Vec<f32>,
}

impl Index {
    /// Tokens of a text.
    pub fn text_tokens(&self, t: usize) -> &[u32] {
        let k = &self.texts[t];
        &self.tokens[k.start..k.start + k.len]
    }
    /// Soft kind of every token of a text, and for variables how many
    /// words may stand in their place.
    pub fn soft_marks(&self, t: usize) -> (Vec<Soft>, Vec<u8>) {
        let k = &self.texts[t];
        let mut v = vec![Soft::No; k.len];
        let mut lim = vec![0u8; k.len];
        for &(s, l, kind, limit) in &k.soft {
            let r = s as usize..(s + l) as usize;
            v[r.clone()].iter_mut().for_each(|x| *x = kind);
            lim[r].iter_mut().for_each(|x| *x = limit);
        }
        (v, lim)
    }
    /// The id reported for a text: its first non-deprecated id.
    pub fn canonical(&self, t: usize) -> &'static Facts {
        canonical_of(&self.texts[t].facts)
    }
    /// Every license id whose text is text `t`.
    pub fn ids_of_text(&self, t: usize) -> Vec<&'static str> {
        self.texts[t].facts.iter().map(|&f| FACTS[f as usize].id).collect()
    }
}

/// Hash of a normalized word stream, as stored for exact matches (build.rs hashes alike).
pub use crate::text::fx::hash_words;

/// The decoded index (decoded once, on first use).
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| decode(KB_BIN).expect("embedded knowledge base is corrupt"))
}

/// Whether two ids name the same known text (GPL-3.0-only and GPL-3.0-or-later).
pub fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let c = catalog();
    let t = |id: &str| FACTS.iter().position(|f| f.id == id).map(|k| c.text_of_fact[k]);
    matches!((t(a), t(b)), (Some(x), Some(y)) if x == y)
}

/// Whether `got` is the right report for a text of `id`: the same text, or the current id that
/// replaces a deprecated `id`.
pub fn same_license(got: &str, id: &str) -> bool {
    same_text(got, id) || facts(id).is_some_and(|f| current(f).id == got)
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let c = *self.b.get(self.p)?;
            self.p += 1;
            v |= ((c & 0x7f) as u64) << shift;
            if c & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.p..self.p + n)?;
        self.p += n;
        Some(s)
    }
}

/// What an exact match needs: the exact hashes and the ids of each text
/// (the catalog part of `kb.bin`, read without decoding any text).
pub struct Catalog {
    /// Exact hash to text.
    pub exact: HashMap<u64, u32, BuildFx>,
    /// Indices into [`FACTS`] of the ids of each text.
    pub facts_of_text: Vec<Vec<u16>>,
    /// The text of each entry of [`FACTS`].
    pub text_of_fact: Vec<u32>,
}

impl Catalog {
    /// The id reported for a text: its first non-deprecated id.
    pub fn canonical(&self, t: usize) -> &'static Facts {
        canonical_of(&self.facts_of_text[t])
    }
}

fn canonical_of(fs: &[u16]) -> &'static Facts {
    let f = fs.iter().map(|&f| &FACTS[f as usize]).find(|f| !f.deprecated).unwrap_or(&FACTS[fs[0] as usize]);
    current(f)
}

/// The current id of a deprecated one (`BSD-2-Clause-NetBSD` is `BSD-2-Clause` now), else itself.
pub fn current(f: &'static Facts) -> &'static Facts {
    match f.replaced_by.and_then(facts) {
        Some(r) if f.deprecated => r,
        _ => f,
    }
}

/// The catalog (read once, on first use; far cheaper than [`index`]).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let (meta, _) = split(KB_BIN).expect("embedded knowledge base is corrupt");
        let (texts, text_of_fact) = read_meta(meta).expect("embedded knowledge base is corrupt");
        let mut exact = HashMap::with_hasher(BuildFx);
        for (t, k) in texts.iter().enumerate() {
            for &h in &k.exact {
                exact.insert(h, t as u32);
            }
        }
        Catalog { exact, facts_of_text: texts.into_iter().map(|k| k.facts).collect(), text_of_fact }
    })
}

/// The catalog and the body of `kb.bin`.
fn split(bin: &'static [u8]) -> Option<(&'static [u8], &'static [u8])> {
    let mut r = Reader { b: bin, p: 0 };
    if r.bytes(4)? != b"FPKB" || r.bytes(1)?[0] != KB_FORMAT {
        return None;
    }
    let n = r.varint()? as usize;
    let meta = r.bytes(n)?;
    Some((meta, &bin[r.p..]))
}

/// Texts (without tokens) and the text of each entry.
fn read_meta(meta: &'static [u8]) -> Option<(Vec<KnownText>, Vec<u32>)> {
    let mut r = Reader { b: meta, p: 0 };
    let nt = r.varint()? as usize;
    let mut texts = Vec::with_capacity(nt);
    for _ in 0..nt {
        let len = r.varint()? as usize;
        let nh = r.varint()? as usize;
        let mut hashes = vec![];
        for _ in 0..nh {
            hashes.push(u64::from_le_bytes(r.bytes(8)?.try_into().ok()?));
        }
        let nr = r.varint()? as usize;
        let mut soft = Vec::with_capacity(nr);
        let mut prev = 0u32;
        let mut soft_count = 0usize;
        for _ in 0..nr {
            let s = prev + r.varint()? as u32;
            let l = r.varint()? as u32;
            let code = r.bytes(1)?[0];
            let (kind, limit) = match code {
                1 => (Soft::Title, 0),
                3 => (Soft::Optional, 0),
                4 => (Soft::Bullet, 0),
                c if c & 0x80 != 0 => (Soft::Var, c & 0x7f),
                _ => return None,
            };
            if (s + l) as usize > len {
                return None;
            }
            soft.push((s, l, kind, limit));
            soft_count += l as usize;
            prev = s + l;
        }
        texts.push(KnownText {
            start: 0,
            len,
            exact: hashes,
            soft,
            facts: vec![],
            substantive: len.saturating_sub(soft_count),
            distinct: 0,
            weight: 0.0,
            weight2: 0.0,
        });
    }
    let ne = r.varint()? as usize;
    if ne != FACTS.len() {
        return None;
    }
    let mut text_of_fact = Vec::with_capacity(ne);
    for f in 0..ne {
        let g = r.varint()? as usize;
        texts.get_mut(g)?.facts.push(f as u16);
        text_of_fact.push(g as u32);
    }
    Some((texts, text_of_fact))
}

fn decode(bin: &'static [u8]) -> Option<Index> {
    let (meta, body) = split(bin)?;
    let (mut texts, text_of_fact) = read_meta(meta)?;
    let mut r = Reader { b: body, p: 0 };
    let nv = r.varint()? as usize;
    let mut vocab = Vec::with_capacity(nv);
    let mut word_ids = HashMap::with_capacity_and_hasher(nv, BuildFx);
    for i in 0..nv {
        let l = r.varint()? as usize;
        let w = std::str::from_utf8(r.bytes(l)?).ok()?;
        vocab.push(w);
        word_ids.insert(w, i as u32);
    }
    let total: usize = texts.iter().map(|k| k.len).sum();
    let mut tokens: Vec<u32> = Vec::with_capacity(total);
    let mut exact = HashMap::with_hasher(BuildFx);
    for (ti, k) in texts.iter_mut().enumerate() {
        for &h in &k.exact {
            exact.insert(h, ti as u32);
        }
        let (start, len) = (tokens.len(), k.len);
        k.start = start;
        while tokens.len() - start < len {
            let nl = r.varint()? as usize;
            for _ in 0..nl {
                let t = r.varint()? as u32;
                if t as usize >= nv {
                    return None;
                }
                tokens.push(t);
            }
            let cl = r.varint()? as usize;
            if cl > 0 {
                let src = r.varint()? as usize;
                if src >= tokens.len() {
                    return None;
                }
                if src + cl <= tokens.len() {
                    tokens.extend_from_within(src..src + cl);
                } else {
                    // A copy overlapping its own output (a repeated run).
                    for q in 0..cl {
                        let v = tokens[src + q];
                        tokens.push(v);
                    }
                }
            }
        }
        if tokens.len() - start != len {
            return None;
        }
    }
    // Postings: which texts hold each token (counting sort, no hashing).
    let mut last = vec![u32::MAX; nv];
    let mut counts = vec![0u32; nv + 1];
    for (ti, t) in texts.iter_mut().enumerate() {
        let mut d = 0;
        for &tok in &tokens[t.start..t.start + t.len] {
            if last[tok as usize] != ti as u32 {
                last[tok as usize] = ti as u32;
                counts[tok as usize] += 1;
                d += 1;
            }
        }
        t.distinct = d;
    }
    let mut post_start = vec![0u32; nv + 1];
    for i in 0..nv {
        post_start[i + 1] = post_start[i] + counts[i];
    }
    let mut fill = post_start.clone();
    let mut postings = vec![0u16; post_start[nv] as usize];
    last.iter_mut().for_each(|x| *x = u32::MAX);
    for (ti, t) in texts.iter().enumerate() {
        for &tok in &tokens[t.start..t.start + t.len] {
            if last[tok as usize] != ti as u32 {
                last[tok as usize] = ti as u32;
                postings[fill[tok as usize] as usize] = ti as u16;
                fill[tok as usize] += 1;
            }
        }
    }
    let n = texts.len() as f32;
    let token_weight: Vec<f32> = (0..nv).map(|t| (1.0 + n / counts[t].max(1) as f32).ln()).collect();
    for t in 0..nv {
        let w = token_weight[t];
        for &x in &postings[post_start[t] as usize..post_start[t + 1] as usize] {
            texts[x as usize].weight += w;
            texts[x as usize].weight2 += w * w;
        }
    }
    Some(Index { vocab, word_ids, tokens, texts, text_of_fact, exact, post_start, postings, token_weight })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_unique_id() {
        let mut ids: Vec<_> = FACTS.iter().map(|f| f.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(n >= 781, "knowledge base too small: {n}");
    }

    #[test]
    fn hf_ids_resolve() {
        assert_eq!(by_hf_id("apache-2.0").map(|f| f.id), Some("Apache-2.0"));
        assert_eq!(by_hf_id("llama3.1").map(|f| f.id), Some("llama-3.1-community"));
        assert_eq!(by_hf_id("gpl-3.0").map(|f| f.id), Some("GPL-3.0-only"));
        assert_eq!(by_hf_id("lgpl-lr").map(|f| f.id), Some("LGPLLR"));
        assert_eq!(by_hf_id("openrail++").map(|f| f.id), Some("creativeml-openrail++-m"));
        assert!(by_hf_id("no-such-license").is_none());
        // `cc` names licenses from open to non-commercial: no single answer.
        assert!(by_hf_id("cc").is_none());
        assert!(is_hf_family("bsd") && is_hf_family("GPL") && !is_hf_family("gpl-3.0"));
    }

    #[test]
    fn index_decodes_every_text() {
        let ix = index();
        assert_eq!(ix.text_of_fact.len(), FACTS.len());
        assert!(ix.texts.len() > 600, "too few distinct texts: {}", ix.texts.len());
        for (t, k) in ix.texts.iter().enumerate() {
            assert!(k.len > 0 && !k.facts.is_empty(), "text {t}");
            assert!(ix.text_tokens(t).iter().all(|&x| (x as usize) < ix.vocab.len()));
        }
        // Texts shared by several ids.
        assert!(same_text("GPL-3.0-only", "GPL-3.0-or-later"));
        assert!(!same_text("GPL-3.0-only", "GPL-2.0-only"));
        assert!(!same_text("llama-3-community", "llama-3.1-community"));
    }
}
