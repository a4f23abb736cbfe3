//! Stage 2, identify: which known license a text is, and how it departs from it.
//!
//! In: documents (and a hub's declared id). Out: a [`LicenseMatch`] with its `changes`, the other
//! known texts found beside it, and the knowledge base's facts ([`kb`]) and names ([`names`], [`named`]).
//! Imports the text stage and the report types only.
//!
//! 1. Normalize the input into word tokens that keep their byte spans
//!    ([`crate::text::normalize`]).
//! 2. Exact fast path: the hash of the token stream against every known text.
//! 3. Candidate ranking: shared distinct words with every known text (an
//!    inverted index over the embedded texts), best by cosine and by containment.
//! 4. Word-level alignment ([`crate::text::align`]) of the input against each
//!    candidate; the candidate that explains the most words with the fewest
//!    differences wins, so editions that differ in a few words are told apart.
//! 5. The differences outside the known text's soft parts (title, SPDX
//!    template variables and optional parts, numbering) are the `changes`,
//!    with byte offsets into the input.
//!
//! Text around the license (a model card, a second document) makes the match
//! `partial`; other known texts found there are reported too.

pub mod kb;
pub mod named;
pub mod names;

use crate::text::align::align;
use kb::{BuildFx, Kind, Soft};
use crate::text::normalize::{self, Tokens};
use crate::report::{Change, ChangeKind, Document, LicenseMatch, MatchKind};
use std::collections::HashMap;

/// What identification found in the input.
#[derive(Debug, Clone)]
pub struct Identification {
    /// The main license (the first non-policy match, else the first match).
    pub primary: LicenseMatch,
    /// Other known texts found (a use policy beside the license, ...).
    pub others: Vec<LicenseMatch>,
}

/// Identify every document of the input.
pub fn identify(docs: &[Document]) -> Identification {
    let mut found: Vec<LicenseMatch> = vec![];
    for (d, doc) in docs.iter().enumerate() {
        found.extend(identify_text(d, &doc.text));
    }
    let is_policy = |m: &LicenseMatch| {
        m.id.as_deref().and_then(kb::facts).map(|f| f.kind == Kind::Policy).unwrap_or(false)
    };
    let pick = found
        .iter()
        .position(|m| m.id.is_some() && !is_policy(m))
        .or_else(|| found.iter().position(|m| m.id.is_some()));
    match pick {
        Some(k) => {
            let mut primary = found.remove(k);
            found.retain(|m| m.id.is_some());
            version_choice(docs, &mut primary);
            Identification { primary, others: found }
        }
        None => Identification { primary: LicenseMatch::unknown(), others: vec![] },
    }
}

/// A GNU license's text is the same for "only" and "or later": the choice is made by the notice the
/// project puts beside it ("either version 3 of the License, or (at your option) any later version").
/// A notice outside the matched text, or added inside it, that names the same license decides the id
/// (the license's own "How to Apply" appendix is a template and decides nothing).
fn version_choice(docs: &[Document], primary: &mut LicenseMatch) {
    let (Some(id), Some((s, e))) = (primary.id.as_deref(), primary.span) else { return };
    // Only a GNU id can be replaced by what a GNU notice names: no other text pays for the scan.
    if primary.named.is_some() || !["GPL-", "LGPL-", "AGPL-"].iter().any(|p| id.starts_with(p)) {
        return;
    }
    let Some(text) = docs.get(primary.doc).map(|d| d.text.as_str()) else { return };
    let lower = text.to_ascii_lowercase();
    let mut chosen: Vec<&'static str> = names::gnu_notice(text, &lower)
        .into_iter()
        .filter(|n| n.end <= s || n.start >= e || primary.changes.iter().any(|c| c.kind == ChangeKind::Added && c.start <= n.start && n.end <= c.end))
        .map(|n| n.facts.id)
        .filter(|&n| n != id && kb::same_text(n, id))
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    if let [only] = chosen[..] {
        if let Some(f) = kb::facts(only) {
            primary.id = Some(f.id.to_string());
            primary.name = Some(f.name.to_string());
        }
    }
}

/// How the input departs from one named known text (`Apache-2.0`,
/// `llama-3.1-community`), whatever it is closest to. `None` for an id not in
/// the knowledge base. Every document is compared; the one closest wins.
pub fn compare(docs: &[Document], id: &str) -> Option<LicenseMatch> {
    let ix = kb::index();
    let fact = kb::FACTS.iter().position(|f| f.id == id)?;
    let t = ix.text_of_fact[fact] as usize;
    let mut best: Option<(f64, LicenseMatch)> = None;
    for (d, doc) in docs.iter().enumerate() {
        let Some(input) = tokenize_input(&doc.text) else { continue };
        let e = input.ids.len().min(MAX_ALIGN);
        let Some(a) = align_with(&input, t, 0, e) else { continue };
        let mut m = judge(&input, d, &a, 0, input.ids.len());
        if m.match_kind == MatchKind::Unknown {
            m.id = Some(kb::FACTS[fact].id.to_string());
            m.name = Some(kb::FACTS[fact].name.to_string());
        }
        if best.as_ref().map(|b| a.score > b.0).unwrap_or(true) {
            best = Some((a.score, m));
        }
    }
    best.map(|b| b.1)
}

/// Candidates aligned per search.
const BY_COSINE: usize = 6;
const BY_CONTAINMENT: usize = 3;
/// Input tokens beyond which a text is cut before alignment (a license is
/// never this long; the rest is still searched as outside text).
const MAX_ALIGN: usize = 60_000;
/// Unrelated text (in tokens) beyond which a match is `partial`.
const EDGE_ADDED_MAX: usize = 80;
/// A leading heading of at most this many words is not a change.
const HEADING_MAX: usize = 12;
/// Smallest leftover (in tokens) searched for another license.
const MIN_OTHER: usize = 40;

/// The tokenized input.
struct Input<'a> {
    text: &'a str,
    toks: Tokens,
    ids: Vec<u32>,
}

impl Input<'_> {
    /// Numbering or a copyright notice: never a change of terms.
    fn ignorable(&self, i: usize) -> bool {
        self.toks.flags[i] & (normalize::FLAG_BULLET | normalize::FLAG_COPYRIGHT) != 0
    }
    /// Token `i` starts a line or follows the end of a sentence or clause.
    fn boundary(&self, i: usize) -> bool {
        if i == 0 || self.toks.flags[i] & normalize::FLAG_LINE_START != 0 {
            return true;
        }
        let between = self.text.get(self.toks.spans[i - 1].1 as usize..self.toks.spans[i].0 as usize).unwrap_or("");
        between.contains(['.', ';', ':', '!', '?', '\n'])
    }
}

/// Every known text found in one document, in order of position.
pub fn identify_text(doc: usize, text: &str) -> Vec<LicenseMatch> {
    let toks = normalize::tokenize(text);
    if toks.is_empty() {
        return vec![];
    }
    // Exact fast path: needs only the catalog, not the decoded texts.
    let cat = kb::catalog();
    if let Some(&t) = cat.exact.get(&kb::hash_words((0..toks.len()).map(|i| toks.word(i)))) {
        let f = cat.canonical(t as usize);
        return vec![LicenseMatch {
            id: Some(f.id.to_string()),
            name: Some(f.name.to_string()),
            match_kind: MatchKind::Exact,
            confidence: 1.0,
            changes: vec![],
            doc,
            span: Some((0, text.len())),
            named: None,
        }];
    }
    let input = to_ids(text, toks);
    let mut out: Vec<(usize, LicenseMatch)> = vec![];
    search(&input, doc, 0, input.ids.len(), 0, &mut out);
    out.sort_by_key(|(pos, _)| *pos);
    out.into_iter().map(|(_, m)| m).collect()
}

/// Normalize the input and map its words to the knowledge base's tokens
/// (words it does not know get ids of their own).
fn tokenize_input(text: &str) -> Option<Input<'_>> {
    let toks = normalize::tokenize(text);
    if toks.is_empty() {
        return None;
    }
    Some(to_ids(text, toks))
}

fn to_ids(text: &str, toks: Tokens) -> Input<'_> {
    let ix = kb::index();
    let mut unknown: HashMap<&str, u32, BuildFx> = HashMap::with_hasher(BuildFx);
    let nv = ix.vocab.len() as u32;
    let mut ids = Vec::with_capacity(toks.len());
    for i in 0..toks.len() {
        let w = toks.word(i);
        let id = match ix.word_ids.get(w) {
            Some(&id) => id,
            None => {
                let k = unknown.len() as u32;
                *unknown.entry(w).or_insert(nv + k)
            }
        };
        ids.push(id);
    }
    drop(unknown);
    Input { text, toks, ids }
}

/// Find the known texts in `ids[s..e]`: every candidate is aligned and
/// judged; the set of non-overlapping matches that explains the most words
/// wins (so a license followed by its use policy is two texts, not one
/// edition that happens to include a policy), then the gaps are searched again.
fn search(input: &Input, doc: usize, s: usize, e: usize, depth: usize, out: &mut Vec<(usize, LicenseMatch)>) {
    let e_align = e.min(s + MAX_ALIGN);
    let mut found: Vec<(Aligned, LicenseMatch)> = aligned_candidates(input, s, e_align)
        .into_iter()
        .map(|a| {
            let m = judge(input, doc, &a, s, e);
            (a, m)
        })
        .filter(|(_, m)| m.match_kind != MatchKind::Unknown)
        .collect();
    if found.is_empty() {
        return;
    }
    sibling_penalties(input, &mut found);
    shorter_siblings(input, &mut found);
    // Weighted interval scheduling over the candidates' regions.
    found.sort_by_key(|(a, _)| a.region().1);
    let n = found.len();
    let mut best = vec![0.0f64; n + 1];
    let mut take = vec![false; n];
    for k in 0..n {
        let (rs, _) = found[k].0.region();
        // Last region ending before this one starts (a few words of overlap allowed).
        let p = found[..k].iter().rposition(|(a, _)| a.region().1 <= rs + 8).map(|x| x + 1).unwrap_or(0);
        let with = found[k].0.score + best[p];
        if with > best[k] {
            best[k + 1] = with;
            take[k] = true;
        } else {
            best[k + 1] = best[k];
        }
    }
    let mut chosen = vec![];
    let mut k = n;
    while k > 0 {
        if take[k - 1] {
            chosen.push(k - 1);
            let (rs, _) = found[k - 1].0.region();
            k = found[..k - 1].iter().rposition(|(a, _)| a.region().1 <= rs + 8).map(|x| x + 1).unwrap_or(0);
        } else {
            k -= 1;
        }
    }
    chosen.reverse();
    let several = chosen.len() > 1;
    let mut regions = vec![];
    let mut taken: Vec<Option<(Aligned, LicenseMatch)>> = found.into_iter().map(Some).collect();
    for &c in &chosen {
        let (a, mut m) = taken[c].take().unwrap();
        let (rs, re) = a.region();
        if several {
            // Another text sits beside this one: this license is only part of the input.
            let (bs, be) = (span_start(input, rs), span_end(input, re - 1));
            m.changes.retain(|c| c.start >= bs && c.end <= be);
            if matches!(m.match_kind, MatchKind::Equivalent | MatchKind::Modified) {
                m.match_kind = MatchKind::Partial;
            }
        }
        regions.push((rs, re));
        out.push((rs, m));
    }
    if depth >= 2 {
        return;
    }
    // Gaps between and around the matches may hold more known texts.
    let subst = |a: usize, b: usize| (a..b).filter(|&i| !input.ignorable(i)).count();
    let mut prev = s;
    let before = out.len();
    let first = before - regions.len();
    for (rs, re) in regions.iter().copied().chain(std::iter::once((e, e))) {
        if rs > prev && subst(prev, rs) >= MIN_OTHER {
            search(input, doc, prev, rs, depth + 1, out);
        }
        prev = prev.max(re);
    }
    if out.len() > before {
        for (_, m) in &mut out[first..before] {
            if matches!(m.match_kind, MatchKind::Equivalent | MatchKind::Modified) {
                m.match_kind = MatchKind::Partial;
            }
        }
    }
}

fn span_start(input: &Input, i: usize) -> usize {
    input.toks.spans[i].0 as usize
}
fn span_end(input: &Input, i: usize) -> usize {
    input.toks.spans[i].1 as usize
}

/// One candidate aligned against the input.
struct Aligned {
    text: usize,
    /// Matched pairs (input token, known-text token) of the main cluster.
    pairs: Vec<(u32, u32)>,
    soft: Vec<Soft>,
    /// For variable parts: how many words may stand in their place.
    var_limit: Vec<u8>,
    score: f64,
}

impl Aligned {
    /// Input tokens `[start, end)` from the first to the last match.
    fn region(&self) -> (usize, usize) {
        (self.pairs[0].0 as usize, self.pairs.last().unwrap().0 as usize + 1)
    }
}

fn aligned_candidates(input: &Input, s: usize, e: usize) -> Vec<Aligned> {
    candidates(&input.ids[s..e]).into_iter().filter_map(|t| align_with(input, t, s, e)).collect()
}

/// Align `ids[s..e]` with known text `t`.
fn align_with(input: &Input, t: usize, s: usize, e: usize) -> Option<Aligned> {
    let ix = kb::index();
    {
        let kbt = ix.text_tokens(t);
        let mut pairs = align(&input.ids[s..e], kbt);
        if pairs.is_empty() {
            return None;
        }
        for p in pairs.iter_mut() {
            p.0 += s as u32;
        }
        let (soft, var_limit) = ix.soft_marks(t);
        let mut pairs = main_cluster(pairs, &soft, kbt.len());
        // Where a gap could sit at several places (a word repeated around
        // it), put it on the soft words: a missing title, not a missing term.
        // Among equal places, an added passage is put where it starts and ends at a sentence
        // boundary ("The Software shall not ...", not "shall not ... THE SOFTWARE").
        slide(&mut pairs, 1, kbt, |j| soft[j] != Soft::No, |_| false);
        slide(&mut pairs, 0, &input.ids, |i| input.ignorable(i), |i| input.boundary(i));
        let score = score(input, &pairs, &soft);
        Some(Aligned { text: t, pairs, soft, var_limit, score })
    }
}

/// A passage this short (substantive words) is too short for "partly present" to mean anything.
const PASSAGE_MIN: usize = 4;
/// A passage of which the input holds less than this share of the words is absent.
const PASSAGE_PRESENT: f64 = 0.75;

/// A known license plus an addition is that license, modified: never a look-alike whose own
/// distinguishing passage was replaced by the addition (MIT plus "The Software shall not be
/// used for military purposes." is not JSON with "Good, not Evil" replaced). For each candidate
/// B that explains more of the input than a rival A over the same region, B's passages that A
/// lacks must be recognisably present in the input; the words matched inside one that is not
/// (a sentence that only shares its first words with the input's) are no evidence for B: they
/// count as unexplained on both sides, which is what the rival pays for the same input words.
fn sibling_penalties(input: &Input, found: &mut [(Aligned, LicenseMatch)]) {
    let n = found.len();
    if n < 2 {
        return;
    }
    let mut penalty = vec![0.0f64; n];
    for b in 0..n {
        // Without a word of the input in place of one of b's, no passage of b was replaced.
        if !has_replacement(input, &found[b].0) {
            continue;
        }
        for a in 0..n {
            let (fb, fa) = (&found[b].0, &found[a].0);
            if a == b || fb.text == fa.text || fb.score <= fa.score || !overlapping(fb.region(), fa.region()) {
                continue;
            }
            penalty[b] = penalty[b].max(absent_passage_penalty(input, fb, fa.text));
        }
    }
    for (k, p) in penalty.into_iter().enumerate() {
        found[k].0.score -= p;
    }
}

/// The shorter sibling that the input matches wins over a longer sibling whose extra passage is
/// simply not there: plain BSD-2-Clause is not BSD-2-Clause-Views with its views sentence
/// "removed", plain BSD-3-Clause is not a No-Nuclear variant without its nuclear sentence. For
/// each pair of candidates over the same region, when the better-scoring one (`a`) has passages
/// the other (`b`) lacks, each wholly absent from the input (no word of it matched, and nothing of
/// the input's in its place), and `b` has no passage of its own that `a` lacks, `a` is read as `b`
/// minus nothing rather than as itself minus a passage: `b` wins unless `a` explains more of the
/// input than the absent passages weigh.
fn shorter_siblings(input: &Input, found: &mut [(Aligned, LicenseMatch)]) {
    let n = found.len();
    if n < 2 {
        return;
    }
    let mut cap: Vec<Option<f64>> = vec![None; n];
    for a in 0..n {
        // Cheap bounds first (the passages need an alignment of the two known texts): the absent
        // words are among `a`'s unmatched ones, and must outweigh its lead.
        let fa = &found[a].0;
        let unmatched = fa.soft.iter().filter(|&&k| k == Soft::No).count().saturating_sub(fa.pairs.iter().filter(|p| fa.soft[p.1 as usize] == Soft::No).count());
        for b in 0..n {
            let fb = &found[b].0;
            if a == b || fa.text == fb.text || fa.score < fb.score || !overlapping(fa.region(), fb.region()) {
                continue;
            }
            if fa.score - fb.score >= unmatched as f64 {
                continue;
            }
            // The shorter sibling must be there whole: a copy cut short may have lost the longer
            // one's passage with the rest of its end.
            if !whole(fb) || !passages(fb.text, fa.text, &fb.soft).is_empty() {
                continue;
            }
            let extra = passages(fa.text, fb.text, &fa.soft);
            if extra.is_empty() {
                continue;
            }
            let mut absent_words = 0usize;
            let mut all_absent = true;
            for &(j0, j1) in &extra {
                let (words, absent) = wholly_absent(input, fa, j0, j1);
                if !absent {
                    all_absent = false;
                    break;
                }
                absent_words += words;
            }
            if all_absent && fa.score - fb.score < absent_words as f64 {
                let c = fb.score - 0.5;
                cap[a] = Some(cap[a].map_or(c, |x: f64| x.min(c)));
            }
        }
    }
    for (k, c) in cap.into_iter().enumerate() {
        if let Some(c) = c {
            found[k].0.score = found[k].0.score.min(c);
        }
    }
}

/// Whether no substantive word of the candidate's known text is missing before its first match,
/// nor a substantive or optional one after its last: a copy cut short after the required text of a
/// license whose template lets its tail go is not "whole" (the rest may have been cut too).
fn whole(a: &Aligned) -> bool {
    let (j0, j1) = (a.pairs[0].1 as usize, a.pairs.last().unwrap().1 as usize);
    (0..j0).all(|j| a.soft[j] != Soft::No) && (j1 + 1..a.soft.len()).all(|j| !matches!(a.soft[j], Soft::No | Soft::Optional))
}

/// The substantive words of passage `[j0, j1)` of candidate `a`'s known text, and whether the
/// input holds none of them and has no words of its own where they would stand.
fn wholly_absent(input: &Input, a: &Aligned, j0: usize, j1: usize) -> (usize, bool) {
    let sub = |j: usize| a.soft[j] == Soft::No;
    let words = (j0..j1).filter(|&j| sub(j)).count();
    let pairs = &a.pairs;
    let first = pairs.partition_point(|p| (p.1 as usize) < j0);
    let last = pairs.partition_point(|p| (p.1 as usize) < j1);
    if pairs[first..last].iter().any(|p| sub(p.1 as usize)) {
        return (words, false);
    }
    // Inside the match, the input's words between the pairs around the passage must be none.
    if first > 0 && last < pairs.len() {
        let (i0, i1) = (pairs[first - 1].0 as usize, pairs[last].0 as usize);
        if (i0 + 1..i1).any(|x| !input.ignorable(x)) {
            return (words, false);
        }
    }
    (words, true)
}

/// Whether the input has words of its own where the candidate's known text has words.
fn has_replacement(input: &Input, b: &Aligned) -> bool {
    b.pairs.windows(2).any(|w| {
        let ((pi, pj), (i, j)) = (w[0], w[1]);
        (pj + 1..j).any(|y| b.soft[y as usize] == Soft::No) && (pi + 1..i).any(|x| !input.ignorable(x as usize))
    })
}

/// The runs of at least [`PASSAGE_MIN`] substantive words of known text `b` that known text
/// `a` has not (the two aligned word by word).
fn passages(b: usize, a: usize, soft: &[Soft]) -> Vec<(usize, usize)> {
    let ix = kb::index();
    let sub = |j: usize| soft[j] == Soft::No;
    let kb_pairs = align(ix.text_tokens(b), ix.text_tokens(a));
    let mut out = vec![];
    let mut prev = 0usize;
    for &(jb, _) in kb_pairs.iter().chain(std::iter::once(&(soft.len() as u32, 0))) {
        let jb = jb as usize;
        if (prev..jb).filter(|&j| sub(j)).count() >= PASSAGE_MIN {
            out.push((prev, jb));
        }
        prev = jb + 1;
    }
    out
}

/// Whether two regions share at least half of the shorter one.
fn overlapping(x: (usize, usize), y: (usize, usize)) -> bool {
    let common = x.1.min(y.1).saturating_sub(x.0.max(y.0));
    common * 2 >= (x.1 - x.0).min(y.1 - y.0).max(1)
}

/// The score candidate `b` loses for the passages of its text that text `a` lacks and that the
/// input holds only in part: three per word matched inside them (the match, and the input and
/// known words it pretended to explain).
fn absent_passage_penalty(input: &Input, b: &Aligned, a: usize) -> f64 {
    let sub = |j: usize| b.soft[j] == Soft::No;
    let pairs = &b.pairs;
    let mut lost = 0usize;
    for (j0, j1) in passages(b.text, a, &b.soft) {
        let first = pairs.partition_point(|p| (p.1 as usize) < j0);
        let last = pairs.partition_point(|p| (p.1 as usize) < j1);
        // Only a passage inside the match: at its ends the input may simply stop (a truncated copy).
        if first == 0 || last == pairs.len() {
            continue;
        }
        let matched = pairs[first..last].iter().filter(|p| sub(p.1 as usize)).count();
        if matched == 0 {
            continue;
        }
        // The passage's unmatched words: deleted (nothing of the input's in their place: the
        // matches beside them are real, the passage is there, shortened), or replaced by the
        // input's own words (the matches may be a few words the input's sentence shares).
        let mut replaced = 0usize;
        for k in first..=last {
            let ((pi, pj), (i, j)) = (pairs[k - 1], pairs[k]);
            let gb = (pj as usize + 1..j as usize).filter(|&y| y >= j0 && y < j1 && sub(y)).count();
            let gi = (pi as usize + 1..i as usize).filter(|&x| !input.ignorable(x)).count();
            if gi > 0 {
                replaced += gb;
            }
        }
        if (matched as f64) < PASSAGE_PRESENT * (matched + replaced) as f64 {
            lost += matched;
        }
    }
    3.0 * lost as f64
}

/// Known texts most like the input, over their distinct words weighted by
/// rarity: best by cosine (a whole copy), by how much of the text the input
/// holds (a license inside a model card) and by how much of the input the
/// text holds (a truncated copy).
fn candidates(ids: &[u32]) -> Vec<usize> {
    let ix = kb::index();
    let nv = ix.vocab.len() as u32;
    let mut distinct: Vec<u32> = ids.iter().copied().filter(|&t| t < nv).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut shared = vec![0f32; ix.texts.len()];
    let mut shared2 = vec![0f32; ix.texts.len()];
    let (mut in_w, mut in_w2) = (0f32, 0f32);
    for &tok in &distinct {
        let w = ix.token_weight[tok as usize];
        in_w += w;
        in_w2 += w * w;
        let (a, b) = (ix.post_start[tok as usize] as usize, ix.post_start[tok as usize + 1] as usize);
        for &t in &ix.postings[a..b] {
            shared[t as usize] += w;
            shared2[t as usize] += w * w;
        }
    }
    // Unknown words weigh like the rarest known ones.
    let unknown = ids.iter().filter(|&&t| t >= nv).count().min(ids.len()) as f32;
    let rare = (1.0 + ix.texts.len() as f32).ln();
    in_w += unknown.sqrt() * rare;
    in_w2 += unknown.sqrt() * rare * rare;
    let mut by_cos: Vec<(f32, usize)> = vec![];
    let mut by_text: Vec<(f32, usize)> = vec![];
    let mut by_input: Vec<(f32, usize)> = vec![];
    for (t, k) in ix.texts.iter().enumerate() {
        if shared[t] == 0.0 {
            continue;
        }
        by_cos.push((shared2[t] / (in_w2 * k.weight2).sqrt().max(1e-9), t));
        if k.distinct >= 20 {
            by_text.push((shared[t] / k.weight.max(1e-9), t));
        }
        by_input.push((shared[t] / in_w.max(1e-9) - 0.05 * (k.distinct as f32 / distinct.len().max(1) as f32).ln().max(0.0), t));
    }
    let top = |v: &mut Vec<(f32, usize)>, k: usize| {
        let k = k.min(v.len());
        if k == 0 {
            return vec![];
        }
        v.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0));
        v[..k].iter().map(|x| x.1).collect::<Vec<_>>()
    };
    let mut out = top(&mut by_cos, BY_COSINE);
    for t in top(&mut by_text, BY_CONTAINMENT).into_iter().chain(top(&mut by_input, BY_CONTAINMENT)) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Slide each one-sided gap (words only in the known text when `side` is 1,
/// only in the input when 0) along runs of equal words to the place where
/// most of its words are `soft`, then where it starts and ends at a `boundary`
/// (a token that starts a sentence or a line; the end of the text is one).
fn slide(pairs: &mut [(u32, u32)], side: usize, seq: &[u32], soft: impl Fn(usize) -> bool, boundary: impl Fn(usize) -> bool) {
    let get = |p: &(u32, u32), s: usize| if s == 0 { p.0 as usize } else { p.1 as usize };
    let other = 1 - side;
    for k in 1..pairs.len() {
        let (prev, next) = (pairs[k - 1], pairs[k]);
        if get(&next, other) != get(&prev, other) + 1 || get(&next, side) == get(&prev, side) + 1 {
            continue;
        }
        let (a, b) = (get(&prev, side) + 1, get(&next, side));
        let softness = |a: usize, b: usize| {
            let clean = |x: usize| x >= seq.len() || boundary(x);
            ((a..b).filter(|&x| soft(x)).count(), clean(a) as usize + clean(b) as usize)
        };
        // Leftward: the matched word before the gap equals the gap's last word.
        let mut best = (softness(a, b), 0isize);
        let (mut la, mut lb, mut m) = (a, b, k);
        while m > 0 && la > 0 && seq[la - 1] == seq[lb - 1] && get(&pairs[m - 1], side) == la - 1 {
            if m < k && get(&pairs[m - 1], other) + 1 != get(&pairs[m], other) {
                break;
            }
            la -= 1;
            lb -= 1;
            m -= 1;
            let sc = softness(la, lb);
            if sc > best.0 {
                best = (sc, -((k - m) as isize));
            }
        }
        // Rightward: the matched word after the gap equals the gap's first word.
        let (mut ra, mut rb, mut m) = (a, b, k);
        while m < pairs.len() && rb < seq.len() && seq[ra] == seq[rb] && get(&pairs[m], side) == rb {
            if m > k && get(&pairs[m - 1], other) + 1 != get(&pairs[m], other) {
                break;
            }
            ra += 1;
            rb += 1;
            m += 1;
            let sc = softness(ra, rb);
            if sc > best.0 {
                best = (sc, (m - k) as isize);
            }
        }
        let set = |p: &mut (u32, u32), v: usize| if side == 0 { p.0 = v as u32 } else { p.1 = v as u32 };
        if best.1 < 0 {
            // Pairs k-n..k-1 move to the end of the gap.
            let n = (-best.1) as usize;
            for (q, idx) in (k - n..k).enumerate() {
                set(&mut pairs[idx], b - n + q);
            }
        } else if best.1 > 0 {
            let n = best.1 as usize;
            for (q, idx) in (k..k + n).enumerate() {
                set(&mut pairs[idx], a + q);
            }
        }
    }
}

/// Keep the densest run of matches: stray matches far from the license (a
/// word of a model card) do not stretch it.
fn main_cluster(pairs: Vec<(u32, u32)>, soft: &[Soft], kb_len: usize) -> Vec<(u32, u32)> {
    let gap_max = 64 + kb_len / 10;
    let mut best = (0usize, 0usize, 0usize); // (weight, start, end)
    let mut start = 0;
    let mut weight = 0;
    for k in 0..pairs.len() {
        if k > 0 {
            let di = (pairs[k].0 - pairs[k - 1].0 - 1) as usize;
            let dj = (pairs[k].1 - pairs[k - 1].1 - 1) as usize;
            if di > dj + gap_max {
                if weight > best.0 {
                    best = (weight, start, k);
                }
                start = k;
                weight = 0;
            }
        }
        if soft[pairs[k].1 as usize] == Soft::No {
            weight += 1;
        }
    }
    if weight > best.0 || best.2 == 0 {
        best = (weight, start, pairs.len());
    }
    pairs[best.1..best.2].to_vec()
}

/// Words explained minus words unexplained (inside the region, and the known
/// text's words missing at its ends).
fn score(input: &Input, pairs: &[(u32, u32)], soft: &[Soft]) -> f64 {
    let mut unmatched = 0usize;
    let sub = |j: usize| soft[j] == Soft::No;
    for k in 1..pairs.len() {
        let ((pi, pj), (i, j)) = (pairs[k - 1], pairs[k]);
        unmatched += ((pi + 1)..i).filter(|&x| !input.ignorable(x as usize)).count();
        unmatched += ((pj + 1)..j).filter(|&y| sub(y as usize)).count();
    }
    // Known words missing at the ends only break ties (MIT against X11): a
    // truncated copy must not favour a shorter look-alike. Input words just
    // outside the match (an unexplained title word) count a little.
    let (j0, j1) = (pairs[0].1 as usize, pairs.last().unwrap().1 as usize);
    let missing = (0..j0).filter(|&y| sub(y)).count() + (j1 + 1..soft.len()).filter(|&y| sub(y)).count();
    let (i0, i1) = (pairs[0].0 as usize, pairs.last().unwrap().0 as usize);
    let edge = |r: std::ops::Range<usize>| r.filter(|&x| !input.ignorable(x)).count().min(EDGE_ADDED_MAX);
    let outside = edge(i0.saturating_sub(EDGE_ADDED_MAX)..i0) + edge(i1 + 1..(i1 + 1 + EDGE_ADDED_MAX).min(input.ids.len()));
    let incomplete = if missing > 0 { 2.0 } else { 0.0 };
    pairs.len() as f64 - unmatched as f64 - 0.25 * outside as f64 - incomplete - 1e-4 * missing as f64
}

/// Words that turn a term around: never absorbed by a variable part.
const NEGATIONS: &[&str] = &["not", "no", "non", "never", "without", "nor", "neither", "cannot"];

/// Words that make a leading line a heading rather than a term.
const HEADING_WORDS: &[&str] = &["license", "agreement", "terms", "conditions", "copying", "eula", "policy", "notice", "version"];

/// Decide the match kind and list the changes.
fn judge(input: &Input, doc: usize, a: &Aligned, s: usize, e: usize) -> LicenseMatch {
    let ix = kb::index();
    let kbt = ix.text_tokens(a.text);
    let soft = &a.soft;
    let sub = |j: usize| soft[j] == Soft::No;
    let pairs = &a.pairs;
    let mut changes: Vec<Change> = vec![];
    let mut matched = 0usize;
    // Differences weighed by hunk: one deleted paragraph is one change, not
    // a text that no longer looks like the license.
    let mut inner_cost = 0usize;
    let f_name = ix.canonical(a.text).name;
    let words_of = |j0: usize, j1: usize| -> String {
        let subst: Vec<usize> = (j0..j1).filter(|&y| sub(y)).collect();
        let shown: Vec<usize> = if subst.is_empty() { (j0..j1).filter(|&y| soft[y] != Soft::Bullet).collect() } else { subst };
        shown.iter().map(|&y| ix.vocab[kbt[y] as usize]).collect::<Vec<_>>().join(" ")
    };
    for (k, &(i, j)) in pairs.iter().enumerate() {
        let (i, j) = (i as usize, j as usize);
        if sub(j) {
            matched += 1;
        }
        if k == 0 {
            continue;
        }
        let (pi, pj) = (pairs[k - 1].0 as usize, pairs[k - 1].1 as usize);
        let (gi0, gi1, gj0, gj1) = (pi + 1, i, pj + 1, j);
        if gi0 == gi1 && gj0 == gj1 {
            continue;
        }
        let in_words: Vec<usize> = (gi0..gi1).filter(|&x| !input.ignorable(x)).collect();
        let kb_words = (gj0..gj1).filter(|&y| sub(y)).count();
        // A template variable may take other words (up to its limit, and not
        // a negation); optional parts may go.
        let var_room = (gj0..gj1)
            .chain(if gj0 == gj1 { vec![pj, j] } else { vec![] })
            .filter(|&y| soft[y] == Soft::Var)
            .map(|y| a.var_limit[y] as usize)
            .max();
        let negations = |it: &mut dyn Iterator<Item = &str>| it.filter(|w| NEGATIONS.contains(w)).count();
        let flips = negations(&mut in_words.iter().map(|&x| input.toks.word(x)))
            != negations(&mut (gj0..gj1).map(|y| ix.vocab[kbt[y] as usize]));
        let in_var = (gj0..gj1).any(|y| soft[y] == Soft::Var);
        let absorbed = if in_words.is_empty() {
            !(flips && in_var)
        } else {
            var_room.map(|r| in_words.len() <= r + (gj1 - gj0) && !flips).unwrap_or(false)
        };
        // Words added in or next to the title: a heading, not a term.
        let in_title = soft[pj] == Soft::Title || soft[j] == Soft::Title;
        let absorbed = absorbed || (in_title && !flips && in_words.len() <= HEADING_MAX);
        if kb_words == 0 && absorbed {
            // A difference in the known text's soft parts: listed, immaterial. Numbering alone
            // is no difference at all.
            let kb_soft: Vec<Soft> = (gj0..gj1).map(|y| soft[y]).filter(|&k| k != Soft::Bullet).collect();
            if in_words.is_empty() && kb_soft.is_empty() {
                continue;
            }
            let aspect = if in_title || kb_soft.contains(&Soft::Title) {
                "title"
            } else if kb_soft.contains(&Soft::Var) || var_room.is_some() {
                "name"
            } else {
                "optional"
            };
            let mut c = make_change(input, doc, &in_words, gj1 - gj0, words_of(gj0, gj1), span_end(input, pi));
            c.material = false;
            c.aspect = aspect.into();
            changes.push(c);
            continue;
        }
        let size = in_words.len().max(kb_words);
        // Words added inside the text that read as no term, where the known text loses no
        // substantive word: a whole sentence beside the terms, to its full stop ("The GNU General
        // Public License referred to below is reproduced in full in the LICENSE file."), other words
        // in place of an optional passage's words (an Unlicense footer's "contact NAME or visit" for
        // "please refer to"), or a bare web address. Not a numbered item, not a negation.
        if kb_words == 0 && !flips && !in_words.is_empty() {
            let (x0, x1) = (in_words[0], *in_words.last().unwrap());
            let text = &input.text[span_start(input, x0)..span_end(input, x1)];
            // A sentence: from a boundary to its own full stop.
            let stop = input.text[span_end(input, x1)..].trim_start_matches([')', '"', '\'']).starts_with(['.', '!', '?']);
            let whole = input.boundary(x0) && stop && in_words.len() >= 3;
            // Words in place of optional words (not put between them).
            let within_optional = gj1 > gj0 && soft[pj] == Soft::Optional && soft[j] == Soft::Optional;
            let address = !text.contains(char::is_whitespace) && text.contains('/') && text.contains('.');
            if (whole || within_optional || address) && !list_item(input.text, span_start(input, x0)) && beside_the_license(text) {
                let mut c = make_change(input, doc, &in_words, 0, words_of(gj0, gj1), span_end(input, pi));
                c.material = false;
                c.aspect = "note".into();
                changes.push(c);
                continue;
            }
        }
        let mut c = make_change(input, doc, &in_words, kb_words, words_of(gj0, gj1), span_end(input, pi));
        let kb_sub: Vec<usize> = (gj0..gj1).filter(|&y| sub(y)).collect();
        classify(&mut c, input, &in_words, &kb_sub.iter().map(|&y| ix.vocab[kbt[y] as usize]).collect::<Vec<_>>(), flips, f_name);
        if c.material {
            inner_cost += size.min(8 + size / 4);
        }
        changes.push(c);
    }
    let (i0, i1) = (pairs[0].0 as usize, pairs.last().unwrap().0 as usize);
    let (j0, j1) = (pairs[0].1 as usize, pairs.last().unwrap().1 as usize);
    let head_missing = (0..j0).filter(|&y| sub(y)).count();
    let tail_missing = (j1 + 1..kbt.len()).filter(|&y| sub(y)).count();
    let lead: Vec<usize> = (s..i0).filter(|&x| !input.ignorable(x)).collect();
    let trail: Vec<usize> = (i1 + 1..e).filter(|&x| !input.ignorable(x)).collect();
    let kb_sub = ix.texts[a.text].substantive.max(1);
    let small = |n: usize| n <= EDGE_ADDED_MAX && n as f64 <= 0.25 * kb_sub as f64 + 10.0;
    let lead_is_heading = lead.len() <= HEADING_MAX
        && (lead.is_empty()
            || lead.iter().any(|&x| HEADING_WORDS.contains(&input.toks.word(x)))
            || head_missing == 0 && (0..j0).any(|y| soft[y] == Soft::Title)
            // Words run on before the license's own title ("The MIT License", "# Released under MIT
            // License") are part of the heading.
            || soft[j0] == Soft::Title
                && lead.len() <= 3
                && lead.iter().all(|&x| {
                    let w = input.toks.word(x);
                    ARTICLES.contains(&w) || TITLE_WORDS.contains(&w) || HEADING_WORDS.contains(&w) || LEAD_IN_WORDS.contains(&w)
                })
            || name_line(input, &lead, i0));
    // Small unrelated text at an end is an added clause; large text makes
    // the license part of a larger document, and then neither end is a change.
    let mut outside = false;
    let mut edge_added = vec![];
    // A note at an end that says it is not part of the license is beside it, not a change to it
    // (the clause detectors still read it like any other text).
    let edge_change = |words: &[usize]| {
        let mut c = make_change(input, doc, words, 0, String::new(), 0);
        classify(&mut c, input, words, &[], false, f_name);
        // Words before or after the license that read as no term, all in words the engine reads (a
        // project's description, a link to the license, a markup directive): beside the license,
        // not a change of its terms. A rider, another license or a policy reads as terms; a passage
        // in a language or script it cannot read stays material.
        // Whole sentences or lines only: words run on into the license's own sentence are part of it.
        // (An article run on before the license's own title, "`The MIT License`", starts the title.)
        let body = words.len() - words.iter().rev().take_while(|&&x| ARTICLES.contains(&input.toks.word(x))).count();
        let whole_sentences = body > 0
            && input.boundary(words[0])
            && if body < words.len() {
                input.boundary(words[body])
            } else {
                words[body - 1] + 1 >= input.ids.len() || input.boundary(words[body - 1] + 1)
            };
        // An item numbered or bulleted like a clause ("1. on televion" after WTFPL's "0.") is a
        // clause added to the license, whatever its words.
        let item = words.first().is_some_and(|&x| list_item(input.text, span_start(input, x)));
        if c.material && whole_sentences && !item && !words.iter().any(|&x| NEGATIONS.contains(&input.toks.word(x))) && beside_the_license(&c.text) {
            c.material = false;
            c.aspect = "note".into();
        }
        c
    };
    if !lead_is_heading && !declared_outside(input, &lead) {
        if small(lead.len()) {
            edge_added.push((0, edge_change(&lead)));
        } else {
            outside = true;
        }
    } else if !lead.is_empty() && lead_is_heading {
        // A heading before the license: listed, immaterial.
        let mut c = make_change(input, doc, &lead, 0, String::new(), 0);
        c.material = false;
        c.aspect = "title".into();
        edge_added.push((0, c));
    }
    if !trail.is_empty() && !declared_outside(input, &trail) {
        if small(trail.len()) {
            edge_added.push((1, edge_change(&trail)));
        } else {
            outside = true;
        }
    }
    if !outside {
        for (end, c) in edge_added {
            if end == 0 {
                changes.insert(0, c);
            } else {
                changes.push(c);
            }
        }
    }
    let edge_missing = head_missing + tail_missing;
    let truncated = edge_missing > 0 && !(edge_missing <= 150 && edge_missing as f64 <= 0.25 * kb_sub as f64);
    if !truncated {
        if head_missing > 0 {
            let at = span_start(input, i0);
            changes.insert(0, removed(doc, words_of(0, j0), at));
        }
        if tail_missing > 0 {
            let at = span_end(input, i1);
            changes.push(removed(doc, words_of(j1 + 1, kbt.len()), at));
        }
    }
    let region_sim = matched as f64 / (matched + inner_cost).max(1) as f64;
    let present = matched as f64 / kb_sub as f64;
    let f = ix.canonical(a.text);
    let span = Some((span_start(input, i0), span_end(input, i1)));
    let mk = |kind: MatchKind, confidence: f64, changes: Vec<Change>| LicenseMatch {
        id: Some(f.id.to_string()),
        name: Some(f.name.to_string()),
        match_kind: kind,
        confidence: (confidence * 100.0).round() / 100.0,
        changes,
        doc,
        span,
        named: None,
    };
    if region_sim < 0.8 || matched < 20.min(kb_sub) {
        return LicenseMatch { doc, ..LicenseMatch::unknown() };
    }
    // How much of the known text is there, its soft parts included (a template's optional part
    // may be most of a text: the GPL-3.0 after the LGPL-3.0).
    let present_all = pairs.len() as f64 / kbt.len().max(1) as f64;
    if truncated {
        if (present >= 0.3 || present_all >= 0.3) && matched >= 25 {
            return mk(MatchKind::Partial, present.min(1.0) * region_sim * 0.9, changes);
        }
        return LicenseMatch { doc, ..LicenseMatch::unknown() };
    }
    if outside {
        return mk(MatchKind::Partial, region_sim * present.min(1.0) * 0.95, changes);
    }
    if changes.iter().all(|c| !c.material) {
        // Material changes first, the immaterial ones after (none here).
        return mk(MatchKind::Equivalent, if changes.is_empty() { 0.99 } else { 0.98 }, changes);
    }
    mk(MatchKind::Modified, region_sim * present.min(1.0) * 0.97, changes)
}

/// Words of a heading: a title repeated before or inside the license is no term.
const ARTICLES: &[&str] = &["the", "a", "an", "this", "that"];

/// Whether the text at byte `at` opens a list item: on its line before it, only a number, a letter
/// or a roman numeral with "." or ")", or a bullet ("1.", "(b)", "iv)", "-", "*", "•").
fn list_item(text: &str, at: usize) -> bool {
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    let m = line.trim().trim_start_matches(['>', '|', ' ']).trim();
    if m.is_empty() {
        return false;
    }
    if ["-", "*", "+", "•", "–", "—", "·"].contains(&m) {
        return true;
    }
    let core = m.strip_prefix('(').unwrap_or(m);
    let Some(core) = core.strip_suffix(['.', ')']) else { return false };
    !core.is_empty()
        && core.len() <= 4
        && (core.chars().all(|c| c.is_ascii_digit() || c == '.') || core.chars().all(|c| c.is_ascii_lowercase()) || core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase()))
}

/// Words that put something under terms of its own.
const OTHER_TERMS: &[&str] = &["licensed", "licenced", "subject to", "under the terms"];

/// Whether text found at an end of a license reads as no term and in words the engine reads.
fn beside_the_license(text: &str) -> bool {
    let lower = text.to_lowercase();
    if crate::text::terms::reads_as_terms(&lower) {
        return false;
    }
    // A note that puts something under other terms ("Glob's logo ... licensed under a Creative
    // Commons ... License") adds another license to the file: a difference in terms, even where the
    // verdict reads it as a note about a part.
    let flat = format!(" {} ", lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "));
    if OTHER_TERMS.iter().any(|p| flat.contains(&format!(" {p} "))) {
        return false;
    }
    let vocab = &kb::index().word_ids;
    crate::text::lang::unread_passages(text, &|w| vocab.contains_key(w)).is_empty()
}

/// Shortest word in which one wrong letter is read as a typo, not as another word.
const TYPO_MIN_LEN: usize = 6;

/// Whether `a` is `b` with one letter added, dropped or changed (both long, letters only).
fn typo(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len().min(y.len()) < TYPO_MIN_LEN || x == y || !x.iter().chain(&y).all(|c| c.is_alphabetic()) {
        return false;
    }
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let p = short.iter().zip(long.iter()).take_while(|(u, v)| u == v).count();
    if short.len() == long.len() {
        short[p + 1..] == long[p + 1..]
    } else {
        short[p..] == long[p + 1..]
    }
}

/// Most words a line above a license may have to be read as the project's name ("LZ4 Library").
const NAME_LINE_MAX: usize = 4;

/// Words that make a short line above a license a term rather than a name: a rider can be four
/// words long ("Non-commercial use only", "For research purposes").
const TERM_WORDS: &[&str] = &[
    "use", "uses", "used", "using", "only", "commercial", "commercially", "noncommercial", "research", "academic", "personal",
    "educational", "evaluation", "purposes", "purpose", "must", "may", "shall", "prohibited", "forbidden", "restricted",
    "permitted", "allowed", "except", "exclusively", "military", "addendum", "amendment", "additional", "restriction",
    "restrictions", "rider", "requires", "required", "free", "paid", "fee", "royalty", "private", "internal", "all", "rights",
];

/// Whether the words before a license are one short line of their own, the first of the text, with
/// no word of a term in it and every word in the Latin alphabet: a project's name set above its
/// license ("LZ4 Library"), a heading, not a change of terms.
fn name_line(input: &Input, lead: &[usize], next: usize) -> bool {
    let (Some(&first), Some(&last)) = (lead.first(), lead.last()) else { return false };
    if lead.len() > NAME_LINE_MAX {
        return false;
    }
    let text = input.text;
    let before = &text[..span_start(input, first)];
    let after = text.get(span_end(input, last)..span_start(input, next)).unwrap_or("");
    !before.chars().any(char::is_alphanumeric)
        && after.contains('\n')
        && !text[span_start(input, first)..span_end(input, last)].contains('\n')
        && lead.iter().all(|&x| {
            let w = input.toks.word(x);
            !TERM_WORDS.contains(&w) && !NEGATIONS.contains(&w) && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        })
}

/// Words that run a heading on into a license's title ("Released under MIT License").
const LEAD_IN_WORDS: &[&str] = &["released", "under", "licensed", "distributed", "this", "is", "project", "software"];

const TITLE_WORDS: &[&str] = &["the", "of", "and", "for", "a", "an", "v", "full", "text", "legal", "code", "deed", "summary"];

/// Whether a difference changes the meaning: set `material` and `aspect` of a change (not
/// absorbed by a soft part of the known text). Immaterial: the same letters and digits
/// differently split, joined or garbled (hyphenation, a wrapped URL, encoding mojibake), or added
/// words that only repeat the license's own name (a heading). Material: anything else, named by
/// what it touches (a number, a negation, other words).
fn classify(c: &mut Change, input: &Input, in_words: &[usize], kb_words: &[&str], flips: bool, name: &str) {
    let ins: Vec<&str> = in_words.iter().map(|&x| input.toks.word(x)).collect();
    // The ASCII letters and digits of the words, in order: what hyphenation, wrapping and
    // mis-decoded punctuation or accents leave alike.
    let skeleton = |ws: &[&str]| -> String { ws.iter().flat_map(|w| w.chars()).filter(char::is_ascii_alphanumeric).collect() };
    let digits = |ws: &[&str]| -> Vec<String> {
        ws.iter().map(|w| w.chars().filter(char::is_ascii_digit).collect::<String>()).filter(|d| !d.is_empty()).collect()
    };
    c.material = true;
    // (Words without an ASCII letter or digit, such as CJK text, have no skeleton: never alike.)
    let sk = skeleton(&ins);
    if !flips && !sk.is_empty() && sk == skeleton(kb_words) {
        c.material = false;
        c.aspect = "spelling".into();
        return;
    }
    // One long word mistyped ("IMPLIEDi" for "IMPLIED"): one letter added, dropped or changed in a
    // word of at least [`TYPO_MIN_LEN`] letters, that is neither a negation nor a number.
    if !flips && ins.len() == 1 && kb_words.len() == 1 && typo(ins[0], kb_words[0]) {
        c.material = false;
        c.aspect = "spelling".into();
        return;
    }
    // Articles alone ("The" before a title whose template has none, "a" for "an") change no term.
    if !flips && !(ins.is_empty() && kb_words.is_empty()) && ins.iter().chain(kb_words).all(|w| ARTICLES.contains(w)) {
        c.material = false;
        c.aspect = "spelling".into();
        return;
    }
    if kb_words.is_empty() && !ins.is_empty() && ins.len() <= HEADING_MAX && !flips {
        let named = normalize::tokenize(name);
        let name_words: Vec<&str> = (0..named.len()).map(|i| named.word(i)).collect();
        if ins.iter().all(|w| name_words.contains(w) || HEADING_WORDS.contains(w) || TITLE_WORDS.contains(w))
            && ins.iter().any(|w| name_words.contains(w))
        {
            c.material = false;
            c.aspect = "title".into();
            return;
        }
    }
    c.aspect = if flips {
        "negation"
    } else if digits(&ins) != digits(kb_words) {
        "number"
    } else if kb_words.is_empty() {
        "addition"
    } else if ins.is_empty() {
        "removal"
    } else {
        "wording"
    }
    .into();
}

/// Whether text at an end of a license says of itself that it is not part of the license
/// ("A personal request (not part of the license)", "not a condition of this licence").
fn declared_outside(input: &Input, words: &[usize]) -> bool {
    let (Some(&a), Some(&z)) = (words.first(), words.last()) else { return false };
    says_not_part_of_license(&input.text[span_start(input, a)..span_end(input, z)])
}

/// Whether a text says of itself that it is not part of the license ("not a condition of this licence").
pub fn says_not_part_of_license(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    // (A Creative Commons deed says it of itself: "a human-readable summary of (and not a substitute for) the license".)
    [
        "not part of the licen",
        "not part of this licen",
        "not a condition of the licen",
        "not a condition of this licen",
        "not a substitute for) the licen",
        "not a substitute for the licen",
        "not a substitute for this licen",
    ]
    .iter()
    .any(|p| t.contains(p))
}

fn make_change(input: &Input, doc: usize, in_words: &[usize], kb_words: usize, original: String, at: usize) -> Change {
    if in_words.is_empty() {
        return removed(doc, original, at);
    }
    let start = span_start(input, in_words[0]);
    let end = span_end(input, *in_words.last().unwrap());
    Change {
        kind: if kb_words == 0 { ChangeKind::Added } else { ChangeKind::Replaced },
        material: true,
        aspect: String::new(),
        text: input.text[start..end].to_string(),
        doc,
        start,
        end,
        original: if kb_words == 0 { None } else { Some(original) },
    }
}

fn removed(doc: usize, words: String, at: usize) -> Change {
    Change { kind: ChangeKind::Removed, material: true, aspect: "removal".into(), text: words.clone(), doc, start: at, end: at, original: Some(words) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> LicenseMatch {
        identify(&[Document::new("t", text)]).primary
    }

    #[test]
    fn mit_with_a_rider_is_modified() {
        let mit = include_str!("../../data/corpus/spdx/MIT.txt");
        let t = format!("{mit}\n\nThe Software may not be used for commercial purposes.\n");
        let m = one(&t);
        assert_eq!(m.id.as_deref(), Some("MIT"));
        assert_eq!(m.match_kind, MatchKind::Modified);
        let c = &m.changes[0];
        assert_eq!(c.kind, ChangeKind::Added);
        assert_eq!(&t[c.start..c.end], c.text);
        assert!(c.text.contains("commercial"), "{c:?}");
    }

    #[test]
    fn a_note_declared_outside_the_license_is_no_change() {
        let mit = include_str!("../../data/corpus/spdx/MIT.txt");
        let t = format!("{mit}\n\nA request (not part of the license): please tell us what you build.\n");
        let m = one(&t);
        assert_eq!(m.id.as_deref(), Some("MIT"));
        assert!(m.changes.is_empty(), "{:?}", m.changes);
        // A request is no term either: listed, immaterial; the same words as a duty are a change.
        let t = format!("{mit}\n\nA request: please tell us what you build.\n");
        let m = one(&t);
        assert_eq!(m.match_kind, MatchKind::Equivalent);
        assert!(m.changes.iter().any(|c| !c.material && c.aspect == "note" && c.text.contains("please tell us")), "{:?}", m.changes);
        let t = format!("{mit}\n\nA condition: you must tell us what you build.\n");
        assert_eq!(one(&t).match_kind, MatchKind::Modified);
    }

    #[test]
    fn a_numbered_item_added_after_the_license_is_a_clause_not_a_note() {
        let wtfpl = include_str!("../../data/corpus/spdx/WTFPL.txt");
        let t = format!("{}\n  1. on television\n", wtfpl.trim_end());
        let m = one(&t);
        assert_eq!(m.id.as_deref(), Some("WTFPL"));
        assert_eq!(m.match_kind, MatchKind::Modified, "{:?}", m.changes);
        // The same words as a plain line after it: a note, listed and immaterial.
        let t = format!("{}\n\nSeen on television.\n", wtfpl.trim_end());
        assert_eq!(one(&t).match_kind, MatchKind::Equivalent);
        assert!(list_item("x\n  (b) y", 7) && list_item("- y", 2) && list_item("iv) y", 4) && !list_item("Note: y", 6));
    }

    #[test]
    fn a_creative_commons_deed_in_front_of_its_legal_code_is_no_change() {
        let nd = include_str!("../../data/corpus/spdx/CC-BY-ND-4.0.txt");
        let deed = "Attribution-NoDerivatives 4.0 International\n\nThis is a human-readable summary of (and not a substitute for) the license.\n\nYou are free to:\nShare - copy and redistribute the material in any medium or format for any purpose, even commercially.\n\nUnder the following terms:\nAttribution - You must give appropriate credit, provide a link to the license, and indicate if changes were made.\nNoDerivatives - If you remix, transform, or build upon the material, you may not distribute the modified material.\n\n";
        let m = one(&format!("{deed}{nd}"));
        assert_eq!(m.id.as_deref(), Some("CC-BY-ND-4.0"));
        assert!(matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent), "{:?} {:?}", m.match_kind, m.changes);
    }

    #[test]
    fn nonsense_is_unknown() {
        let m = one("The quick brown fox jumps over the lazy dog, again and again, all day long.");
        assert_eq!(m.match_kind, MatchKind::Unknown);
        assert!(m.id.is_none());
    }
}
