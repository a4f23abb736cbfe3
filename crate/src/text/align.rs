//! Word-level alignment of two token streams (a patience diff: tokens unique
//! in both sides anchor the alignment, the gaps between anchors are aligned
//! recursively, small leftover gaps by dynamic programming).

use super::fx::BuildFx;
use std::collections::HashMap;

/// Largest gap (cells of `a.len() * b.len()`) aligned by dynamic programming.
const DP_CELLS: usize = 40_000;

/// Matched token pairs `(i in a, j in b)`, increasing in both.
pub fn align(a: &[u32], b: &[u32]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    // A stack of steps, popped left to right (right parts are pushed first).
    let mut pending: Vec<Step> = vec![Step::Range(0, a.len(), 0, b.len())];
    let mut counts: HashMap<u32, (u32, u32, u32, u32), BuildFx> = HashMap::with_hasher(BuildFx);
    while let Some(step) = pending.pop() {
        match step {
            Step::Match(i, j) => out.push((i as u32, j as u32)),
            Step::Range(mut a0, mut a1, mut b0, mut b1) => {
                while a0 < a1 && b0 < b1 && a[a0] == b[b0] {
                    out.push((a0 as u32, b0 as u32));
                    a0 += 1;
                    b0 += 1;
                }
                let mut suffix = 0;
                while a0 < a1 && b0 < b1 && a[a1 - 1] == b[b1 - 1] {
                    a1 -= 1;
                    b1 -= 1;
                    suffix += 1;
                }
                // Suffix matches come after everything in the middle.
                for k in (0..suffix).rev() {
                    pending.push(Step::Match(a1 + k, b1 + k));
                }
                if a0 == a1 || b0 == b1 {
                    continue;
                }
                let anchors = unique_anchors(a, b, a0, a1, b0, b1, &mut counts);
                if anchors.is_empty() {
                    if (a1 - a0) * (b1 - b0) <= DP_CELLS {
                        let m = lcs_dp(&a[a0..a1], &b[b0..b1]);
                        for &(i, j) in m.iter().rev() {
                            pending.push(Step::Match(a0 + i, b0 + j));
                        }
                    }
                    continue;
                }
                // Push in reverse so the leftmost range is handled first.
                let mut next = (a1, b1);
                for &(i, j) in anchors.iter().rev() {
                    pending.push(Step::Range(i + 1, next.0, j + 1, next.1));
                    pending.push(Step::Match(i, j));
                    next = (i, j);
                }
                pending.push(Step::Range(a0, next.0, b0, next.1));
            }
        }
    }
    out
}

enum Step {
    Range(usize, usize, usize, usize),
    Match(usize, usize),
}

/// Tokens occurring once in `a[a0..a1]` and once in `b[b0..b1]`, as the
/// longest increasing chain of pairs.
fn unique_anchors(
    a: &[u32],
    b: &[u32],
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    counts: &mut HashMap<u32, (u32, u32, u32, u32), BuildFx>,
) -> Vec<(usize, usize)> {
    counts.clear();
    for (i, &t) in a[a0..a1].iter().enumerate() {
        let e = counts.entry(t).or_insert((0, 0, 0, 0));
        e.0 += 1;
        e.2 = (a0 + i) as u32;
    }
    for (j, &t) in b[b0..b1].iter().enumerate() {
        if let Some(e) = counts.get_mut(&t) {
            e.1 += 1;
            e.3 = (b0 + j) as u32;
        }
    }
    let mut pairs: Vec<(usize, usize)> = counts
        .values()
        .filter(|e| e.0 == 1 && e.1 == 1)
        .map(|e| (e.2 as usize, e.3 as usize))
        .collect();
    if pairs.is_empty() {
        return pairs;
    }
    pairs.sort_unstable();
    lis(&pairs)
}

/// Longest chain of pairs increasing in the second coordinate (patience sort).
fn lis(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = vec![]; // index into pairs
    let mut prev: Vec<usize> = vec![usize::MAX; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = *tails.last().unwrap();
    loop {
        out.push(pairs[k]);
        if prev[k] == usize::MAX {
            break;
        }
        k = prev[k];
    }
    out.reverse();
    out
}

/// Longest common subsequence by dynamic programming (small inputs only).
fn lcs_dp(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * (m + 1) + j] = if a[i] == b[j] {
                dp[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                dp[(i + 1) * (m + 1) + j].max(dp[i * (m + 1) + j + 1])
            };
        }
    }
    let mut out = vec![];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &[u32], b: &[u32]) -> Vec<(u32, u32)> {
        let m = align(a, b);
        for w in m.windows(2) {
            assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "not increasing: {m:?}");
        }
        for &(i, j) in &m {
            assert_eq!(a[i as usize], b[j as usize]);
        }
        m
    }

    #[test]
    fn aligns_insertions_deletions_and_replacements() {
        let b: Vec<u32> = (0..100).collect();
        let mut a = b.clone();
        a.insert(50, 1000);
        a.remove(10);
        a[80] = 2000;
        let m = check(&a, &b);
        assert_eq!(m.len(), 98);
    }

    #[test]
    fn repeated_tokens_still_align() {
        let b = vec![1, 2, 1, 2, 1, 2, 3, 1, 2];
        let a = vec![1, 2, 1, 2, 9, 2, 3, 1, 2];
        assert_eq!(check(&a, &b).len(), 8);
        assert!(check(&[], &b).is_empty());
    }
}
