//! Reading Chinese text. The normalized view ([`super::text::View`]) is ASCII (a Chinese character
//! becomes `x`), so a detector whose pattern holds Chinese characters runs on the original text
//! instead, clause by clause: a Chinese clause ends at 。；！？ or a line break, and a list item's
//! lead-in is the clause before the items that ends in a colon (：). The hit then joins the same
//! path as every other (its quote is mapped to the view, and back to an exact slice of the text).
//! Patterns of `data/clauses.txt` spell Chinese gaps with the `{gz}` slot of `data/slots.txt`.

use super::rules::{Captures, Pattern, Rules, ValueKind};
use super::text::View;
use super::values::{self, Read};
use super::{quote_cut, Hit, MAX_HITS_PER_PATTERN};
use crate::report::ClauseValue;

/// How far back (bytes) a list item looks for its lead-in.
const LEAD_REACH: usize = 4000;
/// How far (bytes) a clause extends on each side of a match at most.
const CLAUSE_REACH: usize = 3000;

/// Whether `c` is a CJK ideograph (the unified blocks and extension A).
pub fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{4DBF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether the text holds a CJK ideograph (cheap: most texts have no byte above 0xE2).
pub fn has_cjk(s: &str) -> bool {
    s.bytes().any(|b| b >= 0xE3) && s.chars().any(is_cjk)
}

/// Does a clause end just before byte `i` of `t` (a full-width end mark, a line break, or an
/// ASCII `;` / `.` followed by a space or a line break)?
fn ends_before(t: &str, i: usize) -> bool {
    let head = &t[..i];
    ["\u{3002}", "\u{FF1B}", "\u{FF01}", "\u{FF1F}", "\n"].iter().any(|m| head.ends_with(m))
        || ((head.ends_with(';') || head.ends_with(". ")) && i > 1)
}

/// The clause around `t[s..e]`: from the end of the previous clause to the end mark after `e`.
pub fn clause(t: &str, s: usize, e: usize) -> (usize, usize) {
    let mut a = s;
    while a > 0 && s - a < CLAUSE_REACH && !ends_before(t, a) {
        a -= 1;
        while !t.is_char_boundary(a) {
            a -= 1;
        }
    }
    let mut z = e.max(s);
    while z < t.len() && z - e.max(s) < CLAUSE_REACH && !ends_before(t, z) {
        z += 1;
        while !t.is_char_boundary(z) {
            z += 1;
        }
    }
    // Leading blanks are no part of it; the line break that ends it neither.
    while a < z && t[a..].starts_with(char::is_whitespace) {
        a += t[a..].chars().next().map_or(1, char::len_utf8);
    }
    while z > a && t[..z].ends_with(char::is_whitespace) {
        z -= t[..z].chars().next_back().map_or(1, char::len_utf8);
    }
    (a, z)
}

/// Where the list a clause belongs to starts: walking back over items (clauses ending in ；or a
/// line break) to the clause ending in a colon that leads them in. `cs` when there is none.
pub fn lead_in(t: &str, cs: usize) -> usize {
    let mut cur = cs;
    while cur > 0 && cs - cur < LEAD_REACH {
        let mut pe = cur;
        while pe > 0 && t[..pe].ends_with(char::is_whitespace) {
            pe -= t[..pe].chars().next_back().map_or(1, char::len_utf8);
        }
        if pe == 0 {
            break;
        }
        let (ps, _) = clause(t, pe - t[..pe].chars().next_back().map_or(1, char::len_utf8), pe);
        let prev = &t[ps..pe];
        if prev.ends_with('\u{FF1A}') || prev.ends_with(':') {
            return ps;
        }
        // An item ends in ；, or in nothing at all on its own line; a full stop ends the list.
        let item = prev.ends_with('\u{FF1B}') || prev.ends_with(';') || !prev.ends_with(['\u{3002}', '.', '\u{FF01}', '\u{FF1F}']);
        if !item || ps >= cur {
            break;
        }
        cur = ps;
    }
    cs
}

/// Run one Chinese pattern on a document's original text.
pub(super) fn find(rules: &Rules, p: &Pattern, pi: usize, view: &View, doc: usize, hits: &mut Vec<Hit>) {
    let Some(re) = p.re.get() else { return };
    let t = view.orig;
    let hay = t.as_bytes();
    let kind = &rules.kinds[p.kind];
    for caps in re.captures_iter(hay).take(MAX_HITS_PER_PATTERN) {
        let m = caps.get(0).expect("group 0");
        // A byte class may start a match inside a character ("not after 不"): start at the next one.
        let mut start = m.start();
        while start < m.end() && !t.is_char_boundary(start) {
            start += 1;
        }
        if start == m.end() || !t.is_char_boundary(m.end()) {
            continue;
        }
        let (cs, ce) = clause(t, start, m.end());
        let context = &hay[lead_in(t, cs)..ce];
        if rules.global_vetoes.iter().any(|v| v.is_match(&hay[cs..ce])) || p.vetoes.iter().any(|v| v.is_match(context)) {
            continue;
        }
        let mut conditional = false;
        if p.when.as_ref().is_some_and(|w| !w.is_match(context)) {
            if p.else_needs.is_empty() {
                continue;
            }
            conditional = true;
        }
        let (qs, qe) = quote_cut(t, cs, ce, start, m.end());
        let (Some((s, e)), Some((ms, me))) = (view.norm_range(qs, qe), view.norm_range(start, m.end())) else { continue };
        let value = read(kind.value, &caps, t);
        if kind.value == ValueKind::Regions && value.is_none() {
            continue;
        }
        hits.push(Hit { kind: p.kind, pattern: pi, doc, ms, me, s, e, value, conditional });
    }
}

/// The value of a Chinese match, read from the original text: a count or an amount with its unit
/// (万 and 亿 multiply; 元/人民币 are CNY), or the text of a `text` group.
fn read(kind: ValueKind, caps: &Captures, t: &str) -> Option<Read> {
    let g = |n: &str| caps.name(n).and_then(|m| t.get(m.start()..m.end()));
    match kind {
        ValueKind::None | ValueKind::Regions => None,
        ValueKind::Users => {
            let n = values::number(g("num")?, g("mult"))?;
            let per = g("per").map(values::period).unwrap_or("month");
            Some(Read { value: ClauseValue::Integer(n), unit: Some(format!("users per {per}")) })
        }
        ValueKind::Money => {
            let n = values::number(g("num")?, g("mult"))?;
            let cur = values::currency(g("cur").or(g("cur2")).unwrap_or("元"));
            let per = g("per").map(values::period).unwrap_or("year");
            Some(Read { value: ClauseValue::Integer(n), unit: Some(format!("{cur} per {per}")) })
        }
        ValueKind::Text | ValueKind::Law => {
            let v = g("text")?.trim().trim_matches(['“', '”', '"', '（', '）']).to_string();
            (!v.is_empty()).then(|| Read { value: ClauseValue::Text(v), unit: None })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_end_at_chinese_marks_and_lines() {
        let t = "第一条。您不得出于军事目的使用本模型；其他条款！\n下一行";
        let s = t.find("军事").unwrap();
        let (a, z) = clause(t, s, s + "军事".len());
        assert_eq!(&t[a..z], "您不得出于军事目的使用本模型；");
        let s = t.find("下一行").unwrap();
        assert_eq!(clause(t, s, s + 3), (s, t.len()));
    }

    #[test]
    fn list_items_find_their_colon_lead_in() {
        let t = "附件A\n您同意不以下述目的使用模型：\n用于任何军事目的；\n诽谤他人。\n其他条款。";
        let s = t.find("诽谤").unwrap();
        let (cs, _) = clause(t, s, s + 3);
        assert!(t[lead_in(t, cs)..].starts_with("您同意不以下述目的使用模型："));
        // A clause after a full stop is in no list.
        let s = t.find("其他条款").unwrap();
        let (cs, _) = clause(t, s, s + 3);
        assert_eq!(lead_in(t, cs), cs);
    }

    #[test]
    fn cjk_is_seen() {
        assert!(has_cjk("license 许可"));
        assert!(!has_cjk("license — “quoted” € 100"));
    }
}
