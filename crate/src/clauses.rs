//! Stage 3, clauses (reading): clause detectors, regexes kept as data (`data/clauses.txt`), run on a
//! normalized view of each document, reported with verbatim evidence.
//!
//! In: documents. Out: [`Found`], the clauses with their kinds, values ([`values`]) and evidence.
//! Imports the text stage and the report types only.
//!
//! A clause is reported only when its words are in the input: every
//! [`Evidence`] is a slice of a document exactly as given.

pub mod known;
pub mod rules;
pub mod spec;
pub mod text;
pub mod values;
pub mod zh;

use crate::report::{Clause, ClauseValue, Document, Evidence, Message, MessageArg};
use rules::{rules, Rules};
use text::View;

/// Matches of one pattern in one document looked at, at most (only
/// a few quotes are kept; this bounds the work on hostile input).
const MAX_HITS_PER_PATTERN: usize = 64;
/// A sentence longer than this (bytes) is cut around the match.
const MAX_QUOTE: usize = 420;
/// Context kept on each side of a match in a long sentence.
const CONTEXT: usize = 160;

/// One detector hit before grouping.
pub(crate) struct Hit {
    kind: usize,
    pattern: usize,
    /// Counts only if a kind of the pattern's `else-needs` is found.
    conditional: bool,
    doc: usize,
    /// Normalized range of the match.
    ms: usize,
    me: usize,
    /// Normalized range of the quote.
    s: usize,
    e: usize,
    value: Option<values::Read>,
}

/// What the detectors found: the clauses to report, and internal signals
/// (kinds whose id starts with `_`, e.g. `_free_grant`) that the verdict reads.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Clauses of the report's vocabulary.
    pub clauses: Vec<Clause>,
    /// Internal signals, never reported.
    pub signals: Vec<Clause>,
}

impl Found {
    /// Whether a signal was found.
    pub fn signal(&self, id: &str) -> bool {
        self.signals.iter().any(|c| c.kind == id)
    }
}

/// The groups of the readable output, in order: (section ids, title).
pub const GROUPS: &[(&[&str], &str)] = &[
    (&["cant"], "Can't"),
    (&["only-if"], "Only if"),
    (&["must"], "Must"),
    (&["vendor"], "Licensor's powers"),
    (&["legal", "grant"], "Legal"),
];

/// The section of the readable output a clause kind belongs to (`cant`, `only-if`,
/// `must`, `vendor`, `legal`, `grant`), from the detector file.
pub fn section_of(kind: &str) -> Option<&'static str> {
    rules().kinds.iter().find(|k| k.id == kind).map(|k| k.section.as_str())
}

/// Extract every clause from the documents.
pub fn extract(docs: &[Document]) -> Vec<Clause> {
    find_all(docs).clauses
}

/// Extract clauses and signals.
pub fn find_all(docs: &[Document]) -> Found {
    let all = extract_with(rules(), docs);
    let (signals, clauses) = all.into_iter().partition(|c| c.kind.starts_with('_'));
    Found { clauses, signals }
}

/// Extract with a given rule set (clauses and signals together). A document whose view is a corpus
/// text takes its hits from the precomputed table ([`known`]) instead of the regexes.
pub fn extract_with(rules: &Rules, docs: &[Document]) -> Vec<Clause> {
    extract_impl(rules, docs, true, true)
}

/// [`extract_with`] the embedded detectors (clauses and signals), every document searched with the
/// regexes (no table): for the tests that check the table gives the same clauses.
pub fn extract_uncached(docs: &[Document]) -> Vec<Clause> {
    extract_impl(rules(), docs, false, true)
}

/// Every quote of every kind (clauses and signals), not only the first few a report keeps:
/// for scoring sentence-level labels (`tests/heldout.rs`). Same detectors, same evidence.
pub fn extract_every_quote(docs: &[Document]) -> Vec<Clause> {
    extract_impl(rules(), docs, false, false)
}

/// [`extract_every_quote`] with given rules (a detector file read at run time).
pub fn extract_every_quote_with(rules: &Rules, docs: &[Document]) -> Vec<Clause> {
    extract_impl(rules, docs, false, false)
}

fn extract_impl(rules: &Rules, docs: &[Document], use_table: bool, cap: bool) -> Vec<Clause> {
    let mut per_kind: Vec<Vec<(Evidence, Option<values::Read>)>> = (0..rules.kinds.len()).map(|_| vec![]).collect();
    let views: Vec<View> = docs.iter().map(|d| View::new(&d.text)).collect();
    let mut all: Vec<Hit> = views
        .iter()
        .enumerate()
        .flat_map(|(di, v)| use_table.then(|| known::hits(rules, v, di)).flatten().unwrap_or_else(|| find(rules, v, di)))
        .collect();
    // A pattern that `needs` another kind counts only when that kind is found
    // (by a pattern without needs, so two conditional hits cannot prop each other up).
    let mut found = vec![false; rules.kinds.len()];
    for h in &all {
        if rules.patterns[h.pattern].needs.is_empty() && !h.conditional {
            found[h.kind] = true;
        }
    }
    all.retain(|h| {
        let p = &rules.patterns[h.pattern];
        let needs_ok = p.needs.is_empty() || p.needs.iter().any(|k| found[*k]);
        let else_ok = !h.conditional || p.else_needs.iter().any(|k| found[*k]);
        needs_ok && else_ok
    });
    all.sort_by_key(|h| (h.kind, h.doc, h.s));
    for h in all {
        let di = h.doc;
        let view = &views[di];
        let doc = &docs[di];
        {
            let list = &mut per_kind[h.kind];
            let (a, z) = view.orig_range(h.s, h.e);
            // The same quote found by two patterns, or overlapping quotes: keep the first.
            if list.iter().any(|(ev, _)| ev.doc == di && ev.start < z && a < ev.end) {
                if let Some(v) = h.value {
                    if let Some(slot) = list.iter_mut().find(|(ev, r)| ev.doc == di && r.is_none() && ev.start < z && a < ev.end) {
                        slot.1 = Some(v);
                    }
                }
                continue;
            }
            list.push((Evidence { doc: di, quote: doc.text[a..z].to_string(), start: a, end: z }, h.value));
        }
    }
    let mut out = vec![];
    for (ki, hits) in per_kind.into_iter().enumerate() {
        if hits.is_empty() {
            continue;
        }
        let k = &rules.kinds[ki];
        let mut read = hits.iter().find_map(|(_, r)| r.clone());
        // Regions: every region any quote names.
        if let Some(values::Read { value: ClauseValue::Regions(all), .. }) = read.as_mut() {
            for (_, r) in &hits {
                if let Some(values::Read { value: ClauseValue::Regions(more), .. }) = r {
                    for c in more {
                        if !all.contains(c) {
                            all.push(c.clone());
                        }
                    }
                }
            }
        }
        let evidence: Vec<Evidence> = hits.into_iter().take(if cap { k.max_quotes } else { usize::MAX }).map(|(e, _)| e).collect();
        let (value, unit) = match read {
            Some(r) => (Some(r.value), r.unit),
            None => (None, None),
        };
        let quoted = k.value == rules::ValueKind::Text;
        let money = k.value == rules::ValueKind::Money;
        let mut summary = summary(&k.summary, value.as_ref(), unit.as_deref(), quoted, money);
        // The same words as a message: clause_KIND (the summary without its full stop; $1 the value),
        // each scope note wrapped round it (clause_qualified: "$1 ($2)", qualify_KIND_N), then a sentence.
        let args = if k.summary.contains("{value}") { vec![value_arg(value.as_ref(), unit.as_deref(), quoted, money)] } else { vec![] };
        let mut message = Message::with(format!("clause_{}", k.id), args);
        for (i, (re, text)) in k.qualify.iter().enumerate() {
            if evidence.iter().any(|e| re.is_match(View::new(&e.quote).norm.as_bytes())) {
                summary = format!("{} ({text}).", summary.trim_end_matches('.'));
                let q = Message::new(format!("qualify_{}_{}", k.id, i + 1));
                message = Message::with("clause_qualified", vec![MessageArg::Message(message), MessageArg::Message(q)]);
            }
        }
        let message = Some(Message::with("sentence", vec![MessageArg::Message(message)]));
        out.push(Clause { kind: k.id.clone(), summary, value, unit, evidence, message });
    }
    out
}

fn find(rules: &Rules, view: &View, doc: usize) -> Vec<Hit> {
    let mut hits = vec![];
    let hay = view.norm.as_bytes();
    let mut words: Option<rules::Words> = None;
    // Each pattern runs on its own, so its lazy DFA stays small (one set of all
    // patterns was slower, cold). A pattern whose gate fails (a phrase every match
    // contains is not in the text) is neither compiled nor run.
    // Chinese detectors run only on a text with Chinese characters in it.
    let chinese = zh::has_cjk(view.orig);
    for (pi, p) in rules.patterns.iter().enumerate() {
        if p.original {
            if chinese {
                zh::find(rules, p, pi, view, doc, &mut hits);
            }
            continue;
        }
        if let Some(gate) = p.gate {
            if !words.get_or_insert_with(|| rules::Words::new(hay)).pass(gate) {
                continue;
            }
        }
        let Some(re) = p.re.get() else { continue };
        let kind = &rules.kinds[p.kind];
        for caps in re.captures_iter(hay).take(MAX_HITS_PER_PATTERN) {
            let m = caps.get(0).expect("group 0");
            if m.start() == m.end() {
                continue;
            }
            if let Some(then) = &p.then {
                let mut z = (m.end() + rules::THEN_REACH).min(view.norm.len());
                while !view.norm.is_char_boundary(z) {
                    z -= 1;
                }
                if !then.is_match(&hay[m.end()..z]) {
                    continue;
                }
            }
            let (ss, se) = view.sentence(m.start(), m.end());
            // Global vetoes (a warranty disclaimer) see the sentence; a pattern's own
            // vetoes and `when` also see, for a list item, the list's lead-in.
            if rules.global_vetoes.iter().any(|v| v.is_match(&hay[ss..se])) {
                continue;
            }
            let context = &hay[view.list_start(ss)..se];
            if p.vetoes.iter().any(|v| v.is_match(context)) {
                continue;
            }
            let mut needs_other = false;
            if p.when.as_ref().is_some_and(|w| !w.is_match(context)) {
                if p.else_needs.is_empty() {
                    continue;
                }
                needs_other = true;
            }
            let (s, e) = quote_range(view, ss, se, m.start(), m.end());
            let value = values::read(kind.value, &caps, view);
            if kind.value == rules::ValueKind::Regions && value.is_none() {
                continue; // a region exclusion that names no region we know
            }
            hits.push(Hit { kind: p.kind, pattern: pi, doc, ms: m.start(), me: m.end(), s, e, value, conditional: needs_other });
        }
    }
    hits
}

/// The quote for a match in the original text (a Chinese clause `cs..ce`): the clause, or a window
/// around the match `ms..me` in a long one, cut at character boundaries.
fn quote_cut(t: &str, cs: usize, ce: usize, ms: usize, me: usize) -> (usize, usize) {
    if ce - cs <= MAX_QUOTE {
        return (cs, ce);
    }
    let mut s = ms.saturating_sub(CONTEXT).max(cs);
    let mut e = (me + CONTEXT).min(ce);
    while !t.is_char_boundary(s) {
        s += 1;
    }
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    (s.min(ms), e.max(me))
}

/// The quote for a match: its sentence, or a window around it in a long sentence.
fn quote_range(view: &View, ss: usize, se: usize, ms: usize, me: usize) -> (usize, usize) {
    let b = view.norm.as_bytes();
    let (mut s, mut e) = (ss, se);
    if se - ss > MAX_QUOTE {
        s = ms.saturating_sub(CONTEXT).max(ss);
        e = (me + CONTEXT).min(se);
        while s > ss && s < ms && b[s - 1] != b' ' {
            s += 1;
        }
        while e < se && e > me && b[e] != b' ' {
            e -= 1;
        }
        while !view.norm.is_char_boundary(s) {
            s += 1;
        }
        while !view.norm.is_char_boundary(e) {
            e += 1;
        }
    }
    while e > s && matches!(b[e - 1], b' ' | b'\n') {
        e -= 1;
    }
    (s, e.max(s + 1))
}

/// A summary's value as a message argument: the choices of [`summary`], for any language.
fn value_arg(value: Option<&ClauseValue>, unit: Option<&str>, quoted: bool, money: bool) -> MessageArg {
    const PERIODS: [&str; 5] = ["day", "week", "month", "quarter", "year"];
    let msg = |id: String, args: Vec<MessageArg>| MessageArg::Message(Message::with(id, args));
    match value {
        Some(ClauseValue::Integer(n)) => match unit {
            Some(u) if money => {
                let (cur, per) = u.split_once(" per ").unwrap_or((u, "year"));
                if PERIODS.contains(&per) {
                    msg(format!("value_money_per_{per}"), vec![MessageArg::Text(cur.into()), MessageArg::Number(*n)])
                } else {
                    msg("value_money_per".into(), vec![MessageArg::Text(cur.into()), MessageArg::Number(*n), MessageArg::Text(per.into())])
                }
            }
            Some(u) => {
                let (what, per) = u.split_once(" per ").unwrap_or((u, "month"));
                if what == "users" {
                    let per = if PERIODS.contains(&per) { per } else { "month" };
                    msg(format!("value_active_users_{per}"), vec![MessageArg::Number(*n)])
                } else {
                    msg("value_count_per".into(), vec![MessageArg::Number(*n), MessageArg::Text(what.into()), MessageArg::Text(per.into())])
                }
            }
            None => MessageArg::Number(*n),
        },
        Some(ClauseValue::Regions(r)) => MessageArg::Regions { regions: r.clone() },
        Some(ClauseValue::Text(t)) if quoted => msg("quoted".into(), vec![MessageArg::Text(t.clone())]),
        Some(ClauseValue::Text(t)) => MessageArg::Text(t.clone()),
        None => msg("value_see_quote".into(), vec![]),
    }
}

/// Fill a summary template.
fn summary(template: &str, value: Option<&ClauseValue>, unit: Option<&str>, quoted: bool, money: bool) -> String {
    if !template.contains("{value}") {
        return template.to_string();
    }
    let v = match value {
        Some(ClauseValue::Integer(n)) => {
            let num = group_thousands(*n);
            match unit {
                Some(u) if money => {
                    let (cur, per) = u.split_once(" per ").unwrap_or((u, "year"));
                    format!("{cur} {num} a {per}")
                }
                Some(u) => {
                    // A count with its period, as stated: "users per month", "API calls per day".
                    let (what, per) = u.split_once(" per ").unwrap_or((u, "month"));
                    if what == "users" {
                        let adj = match per {
                            "day" => "daily",
                            "week" => "weekly",
                            "quarter" => "quarterly",
                            "year" => "yearly",
                            _ => "monthly",
                        };
                        format!("{num} {adj} active users")
                    } else {
                        format!("{num} {what} a {per}")
                    }
                }
                None => num,
            }
        }
        Some(ClauseValue::Regions(r)) => r.join(", "),
        Some(ClauseValue::Text(t)) if quoted => format!("\u{201C}{t}\u{201D}"),
        Some(ClauseValue::Text(t)) => t.clone(),
        None => "(see the quote)".to_string(),
    };
    template.replace("{value}", &v)
}

/// 700000000 -> "700,000,000".
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
