//! Metamorphic tests over the whole corpus: a formatting change keeps the
//! identification (same id, never `modified`); a change of substance is
//! `modified` with that change listed at its offsets; a truncated text is
//! `partial`.

use fineprint::identify::{compare, identify};
use fineprint::kb::{self, Soft};
use fineprint::report::{ChangeKind, Document, LicenseMatch, MatchKind};
use serde_json::Value;
use std::path::Path;

struct Known {
    id: String,
    text: String,
}

/// One text per distinct normalized text (ids sharing a text are one case).
fn corpus() -> Vec<Known> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus"));
    let entries: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let mut out: Vec<Known> = vec![];
    for e in entries {
        let id = e["id"].as_str().unwrap().to_string();
        if out.iter().any(|k| kb::same_text(&k.id, &id)) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(e["file"].as_str().unwrap())).unwrap();
        out.push(Known { id, text });
    }
    out
}

fn ident(text: &str) -> LicenseMatch {
    identify(&[Document::new("t", text)]).primary
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push('\n');
            }
            cur.push_str(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

fn wrap(p: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in p.split_whitespace() {
        if col > 0 && col + 1 + w.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

// --- formatting changes -----------------------------------------------------

fn rewrapped(t: &str) -> Option<String> {
    Some(paragraphs(t).iter().map(|p| wrap(p, 60)).collect::<Vec<_>>().join("\n\n") + "\n")
}

fn unwrapped(t: &str) -> Option<String> {
    Some(paragraphs(t).iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n\n"))
}

fn markdown(t: &str) -> Option<String> {
    let ps = paragraphs(t);
    let mut out = format!("# {}\n\n", ps[0].replace('\n', " "));
    for p in &ps[1..] {
        // Bold first word, as markdown copies of licenses often do for headings.
        let mut it = p.splitn(2, ' ');
        let first = it.next().unwrap();
        match it.next() {
            Some(rest) if first.chars().all(|c| c.is_alphabetic()) => out += &format!("**{first}** {rest}\n\n"),
            _ => out += &format!("{p}\n\n"),
        }
    }
    Some(out)
}

fn html(t: &str) -> Option<String> {
    // A text that itself holds HTML markup would show it as text once escaped.
    if t.contains("</") || t.contains("<br") {
        return None;
    }
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let ps = paragraphs(t);
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>License page</title>\n<style>p { margin: 0 }</style><script>var x = '<p>not text</p>';</script></head>\n<body>\n",
    );
    out += &format!("<h1>{}</h1>\n", esc(&ps[0]));
    for p in &ps[1..] {
        out += &format!("<p class=\"para\">{}</p>\n", esc(p).replace('\n', "<br>\n"));
    }
    out += "</body></html>\n";
    Some(out)
}

fn typographic_quotes(t: &str) -> Option<String> {
    let mut open = true;
    let s: String = t
        .chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '”' } else { '“' }
            }
            '\'' => '’',
            c => c,
        })
        .collect();
    Some(s)
}

fn title_removed(t: &str) -> Option<String> {
    let first = t.lines().next()?;
    // A title stands alone: a short first line followed by a blank line.
    let standalone = t[first.len()..].trim_start_matches([' ', '\t', '\r']).starts_with("\n\n")
        || t[first.len()..].trim_start_matches([' ', '\t', '\r']).starts_with("\n\r\n")
        || t[first.len()..].starts_with("\n\n");
    if words(first) == 0 || words(first) > 10 || words(t) < 40 || !standalone {
        return None;
    }
    // A first line that says something ("The author of this software is ...") is a term, not a
    // title: taking it away is a change (tests/identify_lookalikes.rs, words added to it).
    let says = ["is", "are", "may", "can", "must", "shall", "will", "be", "granted", "permitted", "allowed", "you", "hereby"];
    if first.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| says.contains(&w)) {
        return None;
    }
    Some(t[first.len()..].trim_start().to_string())
}

// --- changes of substance ---------------------------------------------------

/// For each word of the corpus text of `id`, whether its known text marks it soft: a part a
/// copy may change or leave out (the SPDX template's title, copyright notice, `<optional>` and
/// `<alt>` parts). `None` when the words do not line up one to one.
fn soft_words(id: &str, t: &str) -> Option<(fineprint::normalize::Tokens, Vec<bool>)> {
    let ix = kb::index();
    let f = kb::FACTS.iter().position(|f| f.id == id)?;
    let (soft, _) = ix.soft_marks(ix.text_of_fact[f] as usize);
    let toks = fineprint::normalize::tokenize(t);
    if toks.len() != soft.len() {
        return None;
    }
    Some((toks, soft.iter().map(|s| !matches!(s, Soft::No | Soft::Bullet)).collect()))
}

/// Whether an edit of bytes `a..b` of the corpus text of `id` touches a soft word or lies next to
/// one: by the template, that part may take other words, so the edit is no change of terms.
fn edit_is_soft(id: &str, t: &str, a: usize, b: usize) -> bool {
    let Some((toks, soft)) = soft_words(id, t) else { return false };
    let first = toks.spans.partition_point(|s| (s.1 as usize) <= a);
    let last = toks.spans.partition_point(|s| (s.0 as usize) < b.max(a + 1));
    (first.saturating_sub(1)..(last + 1).min(soft.len())).any(|k| soft[k])
}

/// Share of the words of bytes `a..b` of the corpus text of `id` that are soft.
fn soft_share(id: &str, t: &str, a: usize, b: usize) -> f64 {
    let Some((toks, soft)) = soft_words(id, t) else { return 0.0 };
    let inside: Vec<usize> = (0..toks.len()).filter(|&k| toks.spans[k].0 as usize >= a && toks.spans[k].1 as usize <= b).collect();
    inside.iter().filter(|&&k| soft[k]).count() as f64 / inside.len().max(1) as f64
}

/// Byte offset of a word boundary about `frac` into the body (after the
/// first paragraph), not inside a copyright line.
fn body_cut(t: &str, frac: f64) -> Option<usize> {
    let body = t.find("\n\n").map(|p| p + 2).unwrap_or(0);
    let mut at = body + ((t.len() - body) as f64 * frac) as usize;
    while at < t.len() && !(t.is_char_boundary(at) && t.as_bytes()[at] == b' ') {
        at += 1;
    }
    if at >= t.len() {
        return None;
    }
    let line_start = t[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
    if t[line_start..at].trim_start().to_lowercase().starts_with("copyright") {
        return None;
    }
    Some(at)
}

struct Edit {
    text: String,
    /// The new words and where they are in the edited text, or the removed words.
    words: String,
    at: usize,
}

fn words_inserted(id: &str, t: &str) -> Option<Edit> {
    if words(t) < 40 {
        return None;
    }
    let at = body_cut(t, 0.45)?;
    if edit_is_soft(id, t, at, at) {
        return None;
    }
    let ins = " purple elephant umbrella";
    let mut s = t.to_string();
    s.insert_str(at, ins);
    Some(Edit { text: s, words: "purple elephant umbrella".into(), at: at + 1 })
}

/// A number in running text (not numbering, not a date, not in a title or
/// copyright line) replaced by another.
fn number_changed(id: &str, t: &str) -> Option<Edit> {
    if words(t) < 40 {
        return None;
    }
    let body = t.find("\n\n")? + 2;
    let b = t.as_bytes();
    let mut i = body;
    while i < b.len() {
        if b[i].is_ascii_digit() && !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'.' && b[i - 1] != b'(' {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let line_start = t[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let before = &t[line_start..i];
            let after = b.get(j).copied().unwrap_or(b' ');
            let in_running_text = before.trim().len() > 10
                && !before.to_lowercase().contains("copyright")
                && !before.contains('<')
                && (after == b' ' || after == b',')
                && j - i <= 4;
            let year_like = j - i == 4;
            if in_running_text && !year_like && !edit_is_soft(id, t, i, j) {
                let n: u64 = t[i..j].parse().ok()?;
                let new = (n + 7).to_string();
                let s = format!("{}{}{}", &t[..i], new, &t[j..]);
                return Some(Edit { text: s, words: new, at: i });
            }
            i = j;
        }
        i += 1;
    }
    None
}

/// The middle one of the places where `pat` occurs after the first paragraph.
fn middle_site(t: &str, pat: &str, ok: impl Fn(usize) -> bool) -> Option<usize> {
    let body = t.find("\n\n")? + 2;
    let sites: Vec<usize> = t[body..].match_indices(pat).map(|(p, _)| body + p).filter(|&p| ok(p)).collect();
    sites.get(sites.len() / 2).copied()
}

fn not_added(id: &str, t: &str) -> Option<Edit> {
    for modal in [" shall ", " must ", " may ", " will "] {
        // Not where a "not" already follows (the new one could be either).
        let next_is_not = |p: usize| t[p + modal.len()..].trim_start().to_lowercase().starts_with("not");
        if let Some(p) = middle_site(t, modal, |p| !next_is_not(p) && !edit_is_soft(id, t, p + modal.len(), p + modal.len())) {
            let at = p + modal.len();
            let s = format!("{}not {}", &t[..at], &t[at..]);
            return Some(Edit { text: s, words: "not".into(), at });
        }
    }
    None
}

fn not_removed(id: &str, t: &str) -> Option<Edit> {
    let p = middle_site(t, " not ", |p| !edit_is_soft(id, t, p + 1, p + 4))?;
    let s = format!("{}{}", &t[..p], &t[p + 4..]);
    Some(Edit { text: s, words: "not".into(), at: p })
}

/// The optional parts of a license's SPDX template (whitespace collapsed):
/// a copy may leave them out.
fn optional_parts(id: &str) -> Vec<String> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/spdx-templates"));
    let Ok(t) = std::fs::read_to_string(dir.join(format!("{id}.template.txt"))) else { return vec![] };
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.split("<<beginOptional").skip(1).filter_map(|p| p.split_once(">>").map(|x| x.1)).map(|p| p.split("<<endOptional>>").next().unwrap().to_string()).collect()
}

fn paragraph_deleted(id: &str, t: &str) -> Option<Edit> {
    let ps = paragraphs(t);
    if ps.len() < 4 {
        return None;
    }
    // Words of substance: a copyright notice and the template's optional parts do not count.
    let total = soft_words(id, t).map(|(_, soft)| soft.iter().filter(|s| !**s).count()).unwrap_or_else(|| words(t));
    // A middle paragraph of some substance, well under a fifth of the text.
    let optional = optional_parts(id);
    let fits: Vec<usize> = (1..ps.len() - 1)
        .filter(|&k| {
            let w = words(&ps[k]);
            let lead: String = ps[k].split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            // Nor a paragraph the template makes optional or replaceable.
            let soft = t.find(ps[k].as_str()).map(|a| soft_share(id, t, a, a + ps[k].len())).unwrap_or(0.0);
            w >= 8 && w * 5 <= total && !ps[k].to_lowercase().contains("copyright") && !optional.iter().any(|o| o.contains(&lead)) && soft < 0.5
        })
        .collect();
    let k = *fits.get(fits.len() / 2)?;
    let mut kept = ps.clone();
    let gone = kept.remove(k);
    Some(Edit { text: kept.join("\n\n"), words: gone, at: 0 })
}

fn truncated(t: &str) -> Option<String> {
    if words(t) < 120 {
        return None;
    }
    let mut at = t.len() / 2;
    while !(t.is_char_boundary(at) && t.as_bytes()[at] == b' ') {
        at += 1;
    }
    Some(t[..at].to_string())
}

/// Normalized words of a text.
fn norm_words(t: &str) -> Vec<String> {
    let k = fineprint::normalize::tokenize(t);
    (0..k.len()).map(|i| k.word(i).to_string()).collect()
}

// --- the runs -----------------------------------------------------------------

type Fmt = fn(&str) -> Option<String>;

#[test]
fn formatting_keeps_the_license() {
    let cases: [(&str, Fmt); 8] = [
        ("project name line", project_name_line),
        ("copyright line filled", copyright_filled),
        ("rewrapped", rewrapped),
        ("unwrapped", unwrapped),
        ("markdown", markdown),
        ("html", html),
        ("typographic quotes", typographic_quotes),
        ("title removed", title_removed),
    ];
    let mut wrong = vec![];
    let mut n = 0;
    for k in corpus() {
        for (name, f) in cases {
            let Some(t) = f(&k.text) else { continue };
            n += 1;
            let m = ident(&t);
            let ok = m.id.as_deref().map(|g| kb::same_license(g, &k.id)).unwrap_or(false)
                && matches!(m.match_kind, MatchKind::Exact | MatchKind::Equivalent);
            if !ok {
                let first = m.changes.first().map(|c| format!("{:?} {:?}", c.kind, c.text)).unwrap_or_default();
                wrong.push(format!("{name} {}: got {:?} {:?} ({} changes) {first}", k.id, m.id, m.match_kind, m.changes.len()));
            }
        }
    }
    assert!(n > 4000, "too few cases: {n}");
    assert!(wrong.is_empty(), "{} of {n} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// A project's name set above the license, as real LICENSE files do ("LZ4 Library").
fn project_name_line(t: &str) -> Option<String> {
    Some(format!("Acme Widgets\n\n{t}"))
}

/// The copyright line's placeholders filled in as a real copy fills them: `<year>` a year, any
/// other `<...>` slot a holder's name ("Copyright (c) <year> <owner>" -> "Copyright (c) 2019 Jane Doe").
fn copyright_filled(t: &str) -> Option<String> {
    let re = regex::Regex::new(r"<([^<>\n]{1,40})>").unwrap();
    let mut changed = false;
    let lines: Vec<String> = t
        .split('\n')
        .map(|l| {
            if !l.trim_start().to_lowercase().starts_with("copyright") || !re.is_match(l) {
                return l.to_string();
            }
            changed = true;
            re.replace_all(l, |c: &regex::Captures| if c[1].to_lowercase().contains("year") { "2019".to_string() } else { "Jane Doe".to_string() }).into_owned()
        })
        .collect();
    changed.then(|| lines.join("\n"))
}

type Sub = fn(&str, &str) -> Option<Edit>;

#[test]
fn changes_of_substance_are_listed() {
    let cases: [(&str, Sub); 5] = [
        ("words inserted", words_inserted),
        ("number changed", number_changed),
        ("not added", not_added),
        ("not removed", not_removed),
        ("paragraph deleted", paragraph_deleted),
    ];
    let mut wrong = vec![];
    let mut n = 0;
    for k in corpus() {
        for (name, f) in cases {
            let Some(e) = f(&k.id, &k.text) else { continue };
            n += 1;
            let m = ident(&e.text);
            let same = m.id.as_deref().map(|g| kb::same_license(g, &k.id)).unwrap_or(false);
            if !same && m.id.is_some() && name == "paragraph deleted" {
                // Deleting a clause can make another known license (BSD-4-Clause
                // without its advertising clause is BSD-3-Clause): right when the
                // edited text is at least as close to it.
                let differ = |id: &str| {
                    let c = compare(&[Document::new("t", e.text.clone())], id).unwrap();
                    c.changes.iter().filter(|c| c.material).map(|c| norm_words(&c.text).len().max(norm_words(c.original.as_deref().unwrap_or("")).len())).sum::<usize>()
                };
                if differ(m.id.as_deref().unwrap()) <= differ(&k.id) && m.match_kind != MatchKind::Unknown {
                    continue;
                }
            }
            let listed = m.changes.iter().any(|c| {
                // Offsets point at the words they name.
                assert!(c.start <= c.end && e.text.is_char_boundary(c.start) && e.text.is_char_boundary(c.end));
                if c.kind != ChangeKind::Removed {
                    assert_eq!(&e.text[c.start..c.end], c.text);
                }
                match name {
                    "paragraph deleted" => {
                        let gone = norm_words(&e.words);
                        let said = norm_words(&c.text);
                        c.kind == ChangeKind::Removed && said.iter().filter(|w| gone.contains(w)).count() * 2 >= said.len().min(gone.len())
                    }
                    "not removed" => c.original.as_deref().map(|o| o.split(' ').any(|w| w == "not")).unwrap_or(false),
                    _ => c.kind != ChangeKind::Removed && c.start <= e.at && e.at < c.end.max(c.start + 1) && c.text.contains(e.words.as_str()),
                }
            });
            // The edit is listed as a material change.
            let listed = listed && m.changes.iter().any(|c| c.material);
            if !(same && m.match_kind == MatchKind::Modified && listed) {
                let ch: Vec<String> = m.changes.iter().take(3).map(|c| format!("{:?} {:?}@{}", c.kind, c.text, c.start)).collect();
                wrong.push(format!("{name} {}: got {:?} {:?} changes {:?} (edit at {})", k.id, m.id, m.match_kind, ch, e.at));
            }
        }
    }
    assert!(n > 2000, "too few cases: {n}");
    assert!(wrong.is_empty(), "{} of {n} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn truncated_texts_are_partial() {
    let mut wrong = vec![];
    let mut n = 0;
    for k in corpus() {
        let Some(t) = truncated(&k.text) else { continue };
        n += 1;
        let m = ident(&t);
        let same = m.id.as_deref().map(|g| kb::same_license(g, &k.id)).unwrap_or(false);
        // The first half of a text can be the first half of another (GPL-3.0
        // and its "or later" wording, a license and its variant with an
        // added clause): then either is right.
        let also_prefix = |got: &str| {
            let f = kb::facts(got).unwrap().file;
            let other = std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap();
            let (a, b) = (norm_words(&t), norm_words(&other));
            let n = a.len().saturating_sub(2);
            // At the start of the other, or after its copyright notice (SWL is TCL without
            // TCL's "This software is copyrighted by ..." line).
            b.len() >= n && (a[..n] == b[..n] || (n > 0 && b.windows(n).any(|w| w == &a[..n])))
        };
        // (A short look-alike may even be all but complete: then `modified`.)
        let other = !same && m.id.is_some() && also_prefix(m.id.as_deref().unwrap());
        // By the template, the cut-off half may be only optional or replaceable parts (the rest of
        // a standalone LGPL-3.0 is the optional GPL-3.0): then the text is whole. Or the half kept
        // may hold no more than a copyright notice and optional parts: then no license is there.
        let (kept, lost) = soft_words(&k.id, &k.text)
            .map(|(toks, soft)| {
                let sub = |f: &dyn Fn(usize) -> bool| (0..toks.len()).filter(|&i| !soft[i] && f(toks.spans[i].1 as usize)).count();
                (sub(&|e| e <= t.len()), sub(&|e| e > t.len()))
            })
            .unwrap_or((usize::MAX, usize::MAX)); // no template soft marks: neither rule below applies
        // A loss of at most a quarter of the substance at the end is a removal: `modified`.
        let small_loss = lost != usize::MAX && lost * 4 <= kept + lost && same && m.match_kind == MatchKind::Modified;
        if (lost == 0 && same && m.match_kind == MatchKind::Equivalent) || (kept < 25 && m.match_kind == MatchKind::Unknown) || small_loss {
            continue;
        }
        let kind_ok = m.match_kind == MatchKind::Partial || (other && m.match_kind == MatchKind::Modified);
        if !((same || other) && kind_ok) {
            wrong.push(format!("{}: got {:?} {:?}", k.id, m.id, m.match_kind));
        }
    }
    assert!(n > 500, "too few cases: {n}");
    assert!(wrong.is_empty(), "{} of {n} wrong:\n{}", wrong.len(), wrong.join("\n"));
}
