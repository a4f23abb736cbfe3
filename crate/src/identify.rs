//! Identification: which known license a text is, and how it departs from it.
//!
//! 1. Normalize the input into word tokens that keep their byte spans
//!    ([`crate::normalize`]).
//! 2. Exact fast path: the hash of the token stream against every known text.
//! 3. Candidate ranking: shared distinct words with every known text (an
//!    inverted index over the embedded texts), best by cosine and by containment.
//! 4. Word-level alignment ([`crate::align`]) of the input against each
//!    candidate; the candidate that explains the most words with the fewest
//!    differences wins, so editions that differ in a few words are told apart.
//! 5. The differences outside the known text's soft parts (title, SPDX
//!    template variables and optional parts, numbering) are the `changes`,
//!    with byte offsets into the input.
//!
//! Text around the license (a model card, a second document) makes the match
//! `partial`; other known texts found there are reported too.

use crate::align::align;
use crate::kb::{self, BuildFx, Kind, Soft};
use crate::normalize::{self, Tokens};
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
            let primary = found.remove(k);
            found.retain(|m| m.id.is_some());
            Identification { primary, others: found }
        }
        None => Identification { primary: LicenseMatch::unknown(), others: vec![] },
    }
}

/// Candidates aligned per search.
const BY_COSINE: usize = 6;
const BY_CONTAINMENT: usize = 4;
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
    fn bullet(&self, i: usize) -> bool {
        self.toks.flags[i] & normalize::FLAG_BULLET != 0
    }
}

/// Every known text found in one document, in order of position.
pub fn identify_text(doc: usize, text: &str) -> Vec<LicenseMatch> {
    let ix = kb::index();
    let toks = normalize::tokenize(text);
    if toks.is_empty() {
        return vec![];
    }
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
    // Exact fast path.
    if let Some(&t) = ix.exact.get(&kb::hash_words((0..toks.len()).map(|i| toks.word(i)))) {
        let f = ix.canonical(t as usize);
        return vec![LicenseMatch {
            id: Some(f.id.to_string()),
            name: Some(f.name.to_string()),
            match_kind: MatchKind::Exact,
            confidence: 1.0,
            changes: vec![],
            doc,
        }];
    }
    let input = Input { text, toks, ids };
    let mut out: Vec<(usize, LicenseMatch)> = vec![];
    search(&input, doc, 0, input.ids.len(), 0, &mut out);
    out.sort_by_key(|(pos, _)| *pos);
    out.into_iter().map(|(_, m)| m).collect()
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
    let subst = |a: usize, b: usize| (a..b).filter(|&i| !input.bullet(i)).count();
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
    score: f64,
}

impl Aligned {
    /// Input tokens `[start, end)` from the first to the last match.
    fn region(&self) -> (usize, usize) {
        (self.pairs[0].0 as usize, self.pairs.last().unwrap().0 as usize + 1)
    }
}

fn aligned_candidates(input: &Input, s: usize, e: usize) -> Vec<Aligned> {
    let ix = kb::index();
    let mut out = vec![];
    for t in candidates(&input.ids[s..e]) {
        let kbt = ix.text_tokens(t);
        let mut pairs = align(&input.ids[s..e], kbt);
        if pairs.is_empty() {
            continue;
        }
        for p in pairs.iter_mut() {
            p.0 += s as u32;
        }
        let soft = ix.soft_marks(t);
        let pairs = main_cluster(pairs, &soft, kbt.len());
        let score = score(input, &pairs, &soft);
        out.push(Aligned { text: t, pairs, soft, score });
    }
    out
}

/// Known texts most like the input: top by cosine and by containment of
/// their distinct words.
fn candidates(ids: &[u32]) -> Vec<usize> {
    let ix = kb::index();
    let nv = ix.vocab.len() as u32;
    let mut distinct: Vec<u32> = ids.iter().copied().filter(|&t| t < nv).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut shared = vec![0u32; ix.texts.len()];
    for &tok in &distinct {
        let (a, b) = (ix.post_start[tok as usize] as usize, ix.post_start[tok as usize + 1] as usize);
        for &t in &ix.postings[a..b] {
            shared[t as usize] += 1;
        }
    }
    let n_in = distinct.len().max(1) as f64;
    let mut by_cos: Vec<(f64, usize)> = vec![];
    let mut by_cont: Vec<(f64, usize)> = vec![];
    for (t, &c) in shared.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let d = ix.texts[t].distinct.max(1) as f64;
        let c = c as f64;
        by_cos.push((c * c / (n_in * d), t));
        if d >= 20.0 {
            by_cont.push((c / d, t));
        }
    }
    let top = |v: &mut Vec<(f64, usize)>, k: usize| {
        let k = k.min(v.len());
        if k == 0 {
            return vec![];
        }
        v.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0));
        v[..k].iter().map(|x| x.1).collect::<Vec<_>>()
    };
    let mut out = top(&mut by_cos, BY_COSINE);
    for t in top(&mut by_cont, BY_CONTAINMENT) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
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
        unmatched += ((pi + 1)..i).filter(|&x| !input.bullet(x as usize)).count();
        unmatched += ((pj + 1)..j).filter(|&y| sub(y as usize)).count();
    }
    let (j0, j1) = (pairs[0].1 as usize, pairs.last().unwrap().1 as usize);
    unmatched += (0..j0).filter(|&y| sub(y)).count();
    unmatched += (j1 + 1..soft.len()).filter(|&y| sub(y)).count();
    pairs.len() as f64 - unmatched as f64
}

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
    let mut inner_in = 0usize;
    let mut inner_kb = 0usize;
    let words_of = |j0: usize, j1: usize| -> String {
        (j0..j1).filter(|&y| sub(y)).map(|y| ix.vocab[kbt[y] as usize]).collect::<Vec<_>>().join(" ")
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
        let in_words: Vec<usize> = (gi0..gi1).filter(|&x| !input.bullet(x)).collect();
        let kb_words = (gj0..gj1).filter(|&y| sub(y)).count();
        // A template variable may take other words; optional parts may go.
        let near_var = (gj0..gj1).any(|y| soft[y] == Soft::Var)
            || (gj0 == gj1 && (soft[pj] == Soft::Var || soft[j] == Soft::Var));
        if kb_words == 0 && (in_words.is_empty() || (near_var && in_words.len() <= 60)) {
            continue;
        }
        inner_in += in_words.len();
        inner_kb += kb_words;
        changes.push(make_change(input, doc, &in_words, kb_words, words_of(gj0, gj1), span_end(input, pi)));
    }
    let (i0, i1) = (pairs[0].0 as usize, pairs.last().unwrap().0 as usize);
    let (j0, j1) = (pairs[0].1 as usize, pairs.last().unwrap().1 as usize);
    let head_missing = (0..j0).filter(|&y| sub(y)).count();
    let tail_missing = (j1 + 1..kbt.len()).filter(|&y| sub(y)).count();
    let lead: Vec<usize> = (s..i0).filter(|&x| !input.bullet(x)).collect();
    let trail: Vec<usize> = (i1 + 1..e).filter(|&x| !input.bullet(x)).collect();
    let kb_sub = ix.texts[a.text].substantive.max(1);
    let small = |n: usize| n <= EDGE_ADDED_MAX && n as f64 <= 0.25 * kb_sub as f64 + 10.0;
    let lead_is_heading = lead.len() <= HEADING_MAX
        && (lead.is_empty()
            || lead.iter().any(|&x| HEADING_WORDS.contains(&input.toks.word(x)))
            || head_missing == 0 && (0..j0).any(|y| soft[y] == Soft::Title));
    let mut outside = false;
    if !lead_is_heading {
        if small(lead.len()) {
            changes.insert(0, make_change(input, doc, &lead, 0, String::new(), 0));
        } else {
            outside = true;
        }
    }
    if !trail.is_empty() {
        if small(trail.len()) {
            changes.push(make_change(input, doc, &trail, 0, String::new(), 0));
        } else {
            outside = true;
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
    let region_sim = matched as f64 / (matched + inner_in + inner_kb).max(1) as f64;
    let present = matched as f64 / kb_sub as f64;
    let f = ix.canonical(a.text);
    let mk = |kind: MatchKind, confidence: f64, changes: Vec<Change>| LicenseMatch {
        id: Some(f.id.to_string()),
        name: Some(f.name.to_string()),
        match_kind: kind,
        confidence: (confidence * 100.0).round() / 100.0,
        changes,
        doc,
    };
    if region_sim < 0.8 || matched < 20.min(kb_sub) {
        return LicenseMatch { doc, ..LicenseMatch::unknown() };
    }
    if truncated {
        if present >= 0.3 && matched >= 25 {
            return mk(MatchKind::Partial, present.min(1.0) * region_sim * 0.9, changes);
        }
        return LicenseMatch { doc, ..LicenseMatch::unknown() };
    }
    if outside {
        return mk(MatchKind::Partial, region_sim * present.min(1.0) * 0.95, changes);
    }
    if changes.is_empty() {
        return mk(MatchKind::Equivalent, 0.99, changes);
    }
    mk(MatchKind::Modified, region_sim * present.min(1.0) * 0.97, changes)
}

fn make_change(input: &Input, doc: usize, in_words: &[usize], kb_words: usize, original: String, at: usize) -> Change {
    if in_words.is_empty() {
        return removed(doc, original, at);
    }
    let start = span_start(input, in_words[0]);
    let end = span_end(input, *in_words.last().unwrap());
    Change {
        kind: if kb_words == 0 { ChangeKind::Added } else { ChangeKind::Replaced },
        text: input.text[start..end].to_string(),
        doc,
        start,
        end,
        original: if kb_words == 0 { None } else { Some(original) },
    }
}

fn removed(doc: usize, words: String, at: usize) -> Change {
    Change { kind: ChangeKind::Removed, text: words.clone(), doc, start: at, end: at, original: Some(words) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> LicenseMatch {
        identify(&[Document::new("t", text)]).primary
    }

    #[test]
    fn mit_with_a_rider_is_modified() {
        let mit = include_str!("../data/corpus/spdx/MIT.txt");
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
    fn nonsense_is_unknown() {
        let m = one("The quick brown fox jumps over the lazy dog, again and again, all day long.");
        assert_eq!(m.match_kind, MatchKind::Unknown);
        assert!(m.id.is_none());
    }
}
