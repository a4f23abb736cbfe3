//! Held-out license texts (`tests/fixtures/heldout/`, see its README): written
//! for this test (batches 1-11) or real texts kept as found (batches 12-14), in no
//! corpus and no label file, each with an expectation file written by hand before
//! the engine ran on it. Every text is analyzed as a
//! user would give it (one document, no hub metadata); the test reports
//! per-kind precision and recall over the kinds each expectation scores, and
//! fails on any expectation not met.
//!
//! `cargo test --release --test heldout -- --nocapture` prints the table.

use fineprint::report::{ClauseValue, Document, Report};
use fineprint::{analyze, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout")
}

/// One expectation file.
#[derive(Default, Debug)]
struct Expect {
    verdict: Option<String>,
    found: Vec<String>,
    absent: Vec<String>,
    values: Vec<(String, String)>,
    osi: Option<Option<bool>>,
    license: Option<Option<String>>,
    reasons: Vec<String>,
    /// Sentence-level labels (`at KIND ~words`, `span KIND ~from ~~ to`): a clause unit that carries KIND.
    units: Vec<Unit>,
}

/// A labelled clause unit: the words (whitespace-insensitive, verbatim otherwise) from `from` to
/// the end of `to` (or of `from`), widened to the sentence or list item around them.
#[derive(Debug, Clone)]
struct Unit {
    kind: String,
    from: String,
    to: Option<String>,
}

fn parse(src: &str, name: &str) -> Expect {
    let kinds: Vec<String> = fineprint::clauses::rules::rules().kinds.iter().map(|k| k.id.clone()).collect();
    let mut e = Expect::default();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        let words = || rest.split_whitespace().map(String::from).collect::<Vec<_>>();
        match key {
            "verdict" => e.verdict = Some(rest.to_string()),
            "found" => e.found.extend(words()),
            "absent" => e.absent.extend(words()),
            "value" => {
                let (k, v) = rest.split_once(' ').unwrap_or_else(|| panic!("{name}:{}: value KIND V", n + 1));
                e.values.push((k.to_string(), v.trim().to_string()));
            }
            "osi" => e.osi = Some(match rest { "true" => Some(true), "false" => Some(false), "null" => None, x => panic!("{name}: osi {x}") }),
            "license" => e.license = Some((rest != "null").then(|| rest.to_string())),
            "reason" => e.reasons.push(rest.trim_start_matches('~').to_string()),
            "at" | "span" => {
                let (k, v) = rest.split_once(' ').unwrap_or_else(|| panic!("{name}:{}: {key} KIND ~words", n + 1));
                let v = v.trim().strip_prefix('~').unwrap_or_else(|| panic!("{name}:{}: {key} KIND ~words", n + 1));
                let (from, to) = match v.split_once(" ~~ ") {
                    Some((a, b)) if key == "span" => (a.to_string(), Some(b.to_string())),
                    None if key == "at" => (v.to_string(), None),
                    _ => panic!("{name}:{}: `span KIND ~from ~~ to`, `at KIND ~words`", n + 1),
                };
                e.units.push(Unit { kind: k.to_string(), from, to });
            }
            k => panic!("{name}:{}: unknown key {k}", n + 1),
        }
    }
    for k in e.found.iter().chain(&e.absent).chain(e.values.iter().map(|v| &v.0)).chain(e.units.iter().map(|u| &u.kind)) {
        assert!(kinds.contains(k), "{name}: unknown kind {k}");
    }
    for k in &e.found {
        assert!(!e.absent.contains(k), "{name}: {k} both found and absent");
    }
    for u in &e.units {
        assert!(e.found.contains(&u.kind), "{name}: a sentence of {} is labelled, but the kind is not `found`", u.kind);
    }
    e
}

fn value_ok(want: &str, got: Option<&ClauseValue>) -> bool {
    match got {
        Some(ClauseValue::Integer(n)) => want.parse::<u64>().ok() == Some(*n),
        Some(ClauseValue::Regions(r)) => {
            let mut w: Vec<&str> = want.split(',').map(str::trim).collect();
            let mut g: Vec<&str> = r.iter().map(String::as_str).collect();
            w.sort();
            g.sort();
            w == g
        }
        Some(ClauseValue::Text(t)) => want.strip_prefix('~').is_some_and(|w| t.to_lowercase().contains(&w.to_lowercase())),
        None => false,
    }
}

struct Outcome {
    /// kind -> (tp, fp, fn) over the kinds the expectations score.
    counts: BTreeMap<String, (u32, u32, u32)>,
    failures: Vec<String>,
    verdicts: (usize, usize),
}

fn run_all() -> Outcome {
    let mut out = Outcome { counts: BTreeMap::new(), failures: vec![], verdicts: (0, 0) };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "the held-out set has {} texts", files.len());
    for exp_path in files {
        let stem = exp_path.file_stem().unwrap().to_str().unwrap().to_string();
        let text_path = ["txt", "md"].iter().map(|x| exp_path.with_extension(x)).find(|p| p.exists());
        let text_path = text_path.unwrap_or_else(|| panic!("{stem}: no .txt or .md beside the .expect"));
        let text = std::fs::read_to_string(&text_path).unwrap();
        let e = parse(&std::fs::read_to_string(&exp_path).unwrap(), &stem);
        let name = text_path.file_name().unwrap().to_str().unwrap().to_string();
        let r = analyze(&[Document::new(name, text.as_str())], &Options::default()).unwrap();
        check(&stem, &text, &e, &r, &mut out);
    }
    out
}

fn check(stem: &str, text: &str, e: &Expect, r: &Report, out: &mut Outcome) {
    let fail = |out: &mut Outcome, m: String| out.failures.push(format!("{stem}: {m}"));
    let got = |k: &str| r.clauses.iter().find(|c| c.kind == k);
    for k in &e.found {
        let c = out.counts.entry(k.clone()).or_default();
        if got(k).is_some() {
            c.0 += 1;
        } else {
            c.2 += 1;
            fail(out, format!("MISS {k}"));
        }
    }
    for k in &e.absent {
        if let Some(c) = got(k) {
            out.counts.entry(k.clone()).or_default().1 += 1;
            fail(out, format!("FALSE {k}: {:?}", c.evidence[0].quote));
        } else {
            out.counts.entry(k.clone()).or_default();
        }
    }
    for (k, v) in &e.values {
        let have = got(k).and_then(|c| c.value.as_ref());
        if !value_ok(v, have) {
            fail(out, format!("VALUE {k}: want {v}, got {have:?}"));
        }
    }
    if let Some(v) = &e.verdict {
        out.verdicts.1 += 1;
        let class = serde_json::to_value(&r.verdict.class).unwrap();
        if class.as_str() == Some(v.as_str()) {
            out.verdicts.0 += 1;
        } else {
            fail(out, format!("VERDICT want {v}, got {class} ({}; {:?})", r.verdict.label, r.verdict.reasons));
        }
    }
    if let Some(o) = e.osi {
        if r.osi_approved != o {
            fail(out, format!("OSI want {o:?}, got {:?}", r.osi_approved));
        }
    }
    if let Some(l) = &e.license {
        if r.license.id != *l {
            fail(out, format!("LICENSE want {l:?}, got {:?} ({:?})", r.license.id, r.license.match_kind));
        }
    }
    for w in &e.reasons {
        let all = std::iter::once(&r.verdict.label).chain(&r.verdict.reasons).map(|s| s.to_lowercase()).collect::<Vec<_>>();
        if !all.iter().any(|s| s.contains(&w.to_lowercase())) {
            fail(out, format!("REASON want {w:?}, got {:?} {:?}", r.verdict.label, r.verdict.reasons));
        }
    }
    // Evidence stays verbatim on texts never seen.
    for c in &r.clauses {
        for ev in &c.evidence {
            if text.get(ev.start..ev.end) != Some(ev.quote.as_str()) {
                fail(out, format!("EVIDENCE {} not a slice of the text", c.kind));
            }
        }
    }
}

#[test]
fn heldout_texts_meet_their_expectations() {
    let o = run_all();
    let mut table = String::from("kind                              tp  fp  fn  recall precision\n");
    let (mut t, mut f, mut m) = (0, 0, 0);
    for (k, (tp, fp, fn_)) in &o.counts {
        let rec = if tp + fn_ == 0 { 1.0 } else { *tp as f64 / (tp + fn_) as f64 };
        let pre = if tp + fp == 0 { 1.0 } else { *tp as f64 / (tp + fp) as f64 };
        table += &format!("{k:32} {tp:3} {fp:3} {fn_:3}  {rec:.3}  {pre:.3}\n");
        t += tp;
        f += fp;
        m += fn_;
    }
    table += &format!(
        "{:32} {t:3} {f:3} {m:3}  {:.3}  {:.3}\nverdicts right: {}/{}\n",
        "ALL (micro)",
        t as f64 / (t + m).max(1) as f64,
        t as f64 / (t + f).max(1) as f64,
        o.verdicts.0,
        o.verdicts.1
    );
    println!("{table}\n{}", o.failures.join("\n"));
    assert!(o.failures.is_empty(), "held-out expectations not met:\n{}\n{table}", o.failures.join("\n"));
}

/// Source-available and non-OSI licenses met on model repositories get a class
/// the text supports, not `unknown`, and never hide that they are not OSI-approved.
#[test]
fn source_available_licenses_get_an_honest_class() {
    let spdx = |id: &str| std::fs::read_to_string(format!("{}/data/corpus/spdx/{id}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let cases: &[(&str, &str, &[&str])] = &[
        // Production use needs the vendor's commercial license unless an instance grants it.
        ("BUSL-1.1", "restricted", &["separate_license_needed"]),
        // No hosted or managed service: a use the license forbids.
        ("Elastic-2.0", "restricted", &["use_restrictions"]),
        // Offering it as a service reaches the source of the whole service.
        ("SSPL-1.0", "restricted", &["hosted_counts_as_distribution", "same_license_copyleft"]),
        ("PolyForm-Noncommercial-1.0.0", "non-commercial", &["noncommercial"]),
        ("PolyForm-Small-Business-1.0.0", "restricted", &["revenue_threshold"]),
        // Permissive but not OSI-approved: open by the labels' reading, and said so.
        ("AML", "open", &[]),
    ];
    let mut bad = vec![];
    for (id, class, kinds) in cases {
        let r = analyze(&[Document::new("LICENSE", spdx(id))], &Options::default()).unwrap();
        let got = serde_json::to_value(&r.verdict.class).unwrap();
        if got.as_str() != Some(*class) {
            bad.push(format!("{id}: want {class}, got {got} {:?}", r.verdict.reasons));
        }
        for k in *kinds {
            if !r.clauses.iter().any(|c| c.kind == *k) {
                bad.push(format!("{id}: no {k}"));
            }
        }
        if r.osi_approved != Some(false) {
            bad.push(format!("{id}: osi_approved {:?}", r.osi_approved));
        }
        let said = std::iter::once(&r.verdict.label).chain(&r.verdict.reasons).any(|s| s.contains("not OSI-approved"));
        if r.verdict.class == fineprint::report::VerdictClass::Open && !said {
            bad.push(format!("{id}: an open verdict that does not say it is not OSI-approved"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ------------------------------------------------------------ wild texts, scored by sentence
//
// `fixtures/heldout/wild/{dev,sealed}/`: the real texts of `shared/corpus/wild/`, labelled by
// clause unit (`at` / `span` lines) as well as by kind. The sealed half is never tuned on, so its
// expectations are not all met: the test prints the scores and fails when any kind does worse
// than the checked-in floor (`wild/floor.txt`, rewritten on purpose with FINEPRINT_BLESS_WILD=1).

/// Whitespace-collapsed copy of `text`, with the byte offset in `text` of each of its bytes.
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let (mut out, mut map) = (String::new(), vec![]);
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            map.push(i);
            space = false;
        }
        out.push(c);
        map.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    map.push(text.len());
    (out, map)
}

/// The byte range in `text` of `words` (whitespace-insensitive); it must occur exactly once.
fn locate(text: &str, words: &str, stem: &str) -> (usize, usize) {
    let (t, map) = squeeze(text);
    let (w, _) = squeeze(words);
    let at: Vec<usize> = t.match_indices(w.as_str()).map(|m| m.0).collect();
    assert!(at.len() == 1, "{stem}: label words {words:?} occur {} times in the text", at.len());
    let end = at[0] + w.len();
    (map[at[0]], map[end - 1] + t[..end].chars().next_back().map_or(1, char::len_utf8))
}

/// Widen a range to its sentence, list item or Chinese clause.
fn widen(text: &str, s: usize, e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let ends_at = |i: usize| -> Option<usize> {
        // A terminator starting at byte i: its length.
        let rest = &text[i..];
        if rest.starts_with('.') && (i + 1 == b.len() || b[i + 1].is_ascii_whitespace()) {
            return Some(1);
        }
        if rest.starts_with(';') || rest.starts_with("\n\n") {
            return Some(1);
        }
        ['。', '；', '！', '？'].iter().find(|c| rest.starts_with(**c)).map(|c| c.len_utf8())
    };
    let mut a = s;
    while a > 0 {
        let mut p = a - 1;
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        if let Some(n) = ends_at(p) {
            if p + n <= a {
                break;
            }
        }
        a = p;
    }
    let mut z = e;
    while z < b.len() {
        if !text.is_char_boundary(z) {
            z += 1;
            continue;
        }
        if let Some(n) = ends_at(z) {
            z += n;
            break;
        }
        z += 1;
    }
    (a, z.min(b.len()))
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

#[derive(Default)]
struct WildScore {
    doc: Outcome,
    /// kind -> (tp, fp, fn) over labelled clause units.
    sent: BTreeMap<String, (u32, u32, u32)>,
    /// Chinese units: (found, labelled).
    zh: (u32, u32),
    /// Misses and false units, for the printout.
    notes: Vec<String>,
}

impl Default for Outcome {
    fn default() -> Self {
        Outcome { counts: BTreeMap::new(), failures: vec![], verdicts: (0, 0) }
    }
}

fn score_wild(half: &str) -> WildScore {
    // `wild2/` is a later batch of real texts, labelled blind and scored whole (no dev half);
    // `wild3/{dev,sealed}` (halves `wild3-dev`, `wild3-sealed`) a third batch, split by family;
    // `wild4/{dev,sealed}` (halves `wild4-dev`, `wild4-sealed`) a fourth, gathered and sealed the same way.
    let d = match half {
        "wild2" => dir().join("wild2"),
        h if h.starts_with("wild3-") => dir().join("wild3").join(&h["wild3-".len()..]),
        h if h.starts_with("wild4-") => dir().join("wild4").join(&h["wild4-".len()..]),
        h => dir().join("wild").join(h),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .collect();
    files.sort();
    let mut w = WildScore::default();
    for exp_path in files {
        let stem = exp_path.file_stem().unwrap().to_str().unwrap().to_string();
        let text_path = exp_path.with_extension("txt");
        let text = std::fs::read_to_string(&text_path).unwrap_or_else(|_| panic!("{stem}: no .txt"));
        let e = parse(&std::fs::read_to_string(&exp_path).unwrap(), &stem);
        let docs = [Document::new(format!("{stem}.txt"), text.as_str())];
        let r = analyze(&docs, &Options::default()).unwrap();
        check(&stem, &text, &e, &r, &mut w.doc);
        let every = fineprint::clauses::extract_every_quote(&docs);
        let quotes = |k: &str| -> Vec<(usize, usize)> {
            every.iter().filter(|c| c.kind == k).flat_map(|c| c.evidence.iter().map(|ev| (ev.start, ev.end))).collect()
        };
        let units: Vec<(String, (usize, usize), bool)> = e
            .units
            .iter()
            .map(|u| {
                let (s, z) = locate(&text, &u.from, &stem);
                let z2 = u.to.as_ref().map_or(z, |t| locate(&text, t, &stem).1);
                (u.kind.clone(), widen(&text, s, z2), is_cjk(&u.from))
            })
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for (k, range, zh) in &units {
            let c = w.sent.entry(k.clone()).or_default();
            let hit = quotes(k).iter().any(|q| overlaps(*q, *range));
            if hit {
                c.0 += 1;
            } else {
                c.2 += 1;
                w.notes.push(format!("{half}/{stem}: MISS {k}: {:?}", &text[range.0..range.1].split_whitespace().collect::<Vec<_>>().join(" ")));
            }
            if *zh {
                w.zh.1 += 1;
                w.zh.0 += hit as u32;
            }
        }
        let scored: Vec<&String> = e.found.iter().filter(|k| units.iter().any(|u| &u.0 == *k)).chain(&e.absent).collect();
        for k in scored {
            for q in quotes(k) {
                if !units.iter().any(|u| &u.0 == k && overlaps(q, u.1)) {
                    w.sent.entry(k.clone()).or_default().1 += 1;
                    w.notes.push(format!("{half}/{stem}: FALSE {k}: {:?}", &text[q.0..q.1]));
                }
            }
        }
    }
    w
}

fn table(title: &str, counts: &BTreeMap<String, (u32, u32, u32)>) -> String {
    let mut t = format!("{title}\nkind                              tp  fp  fn  recall precision\n");
    let (mut a, mut b, mut c) = (0, 0, 0);
    for (k, (tp, fp, fn_)) in counts {
        let rec = if tp + fn_ == 0 { 1.0 } else { *tp as f64 / (tp + fn_) as f64 };
        let pre = if tp + fp == 0 { 1.0 } else { *tp as f64 / (tp + fp) as f64 };
        t += &format!("{k:32} {tp:3} {fp:3} {fn_:3}  {rec:.3}  {pre:.3}\n");
        a += tp;
        b += fp;
        c += fn_;
    }
    t += &format!("{:32} {a:3} {b:3} {c:3}  {:.3}  {:.3}\n", "ALL (micro)", a as f64 / (a + c).max(1) as f64, a as f64 / (a + b).max(1) as f64);
    t
}

#[test]
fn wild_texts_scores() {
    let floor_path = dir().join("wild/floor.txt");
    let mut now = String::from("# half level kind tp fp (level: doc = kinds per text, sent = clause units); verdicts right\n");
    let mut out = String::new();
    // FINEPRINT_WILD_ONLY=wild3-dev scores one half alone (so a sealed half is not looked at while
    // the dev half is worked on); the floor is then checked for that half only.
    let only = std::env::var("FINEPRINT_WILD_ONLY").ok();
    // A sealed half not yet run once (`NOT_YET_RUN`) is scored only when named alone, so that no
    // ordinary run (whose failure message prints every table) shows it before its first run.
    const NOT_YET_RUN: &[&str] = &[]; // wild4-sealed had its first run on 2026-12-07 (wild4/first-run.log)
    let halves: Vec<&str> = ["dev", "sealed", "wild2", "wild3-dev", "wild3-sealed", "wild4-dev", "wild4-sealed"]
        .into_iter()
        .filter(|h| match only.as_deref() {
            Some(o) => o == *h,
            None => !NOT_YET_RUN.contains(h),
        })
        .collect();
    for &half in &halves {
        let w = score_wild(half);
        out += &table(&format!("== {half}: kinds per text"), &w.doc.counts);
        out += &format!("verdicts right: {}/{}\n", w.doc.verdicts.0, w.doc.verdicts.1);
        out += &table(&format!("== {half}: clause units"), &w.sent);
        out += &format!("Chinese clause units found: {}/{}\n", w.zh.0, w.zh.1);
        out += &format!("{}\n{}\n\n", w.doc.failures.join("\n"), w.notes.join("\n"));
        for (k, (tp, fp, _)) in &w.doc.counts {
            now += &format!("{half} doc {k} {tp} {fp}\n");
        }
        for (k, (tp, fp, _)) in &w.sent {
            now += &format!("{half} sent {k} {tp} {fp}\n");
        }
        now += &format!("{half} verdicts {}\n{half} zh {}\n", w.doc.verdicts.0, w.zh.0);
    }
    println!("{out}");
    if std::env::var_os("FINEPRINT_BLESS_WILD").is_some() {
        assert!(only.is_none(), "bless the floor with every half scored (no FINEPRINT_WILD_ONLY)");
        std::fs::write(&floor_path, &now).unwrap();
        return;
    }
    let floor = std::fs::read_to_string(&floor_path).expect("wild/floor.txt (FINEPRINT_BLESS_WILD=1 writes it)");
    let get = |src: &str, key: &str| -> Option<Vec<u32>> {
        src.lines().find_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n = if f.get(1).is_some_and(|x| *x == "verdicts" || *x == "zh") { 2 } else { 3 };
            (f.len() > n && f[..n].join(" ") == key).then(|| f[n..].iter().map(|x| x.parse().unwrap()).collect())
        })
    };
    let mut worse = vec![];
    for l in floor.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = l.split_whitespace().collect();
        let n = if f[1] == "verdicts" || f[1] == "zh" { 2 } else { 3 };
        let key = f[..n].join(" ");
        if !halves.contains(&f[0]) {
            continue;
        }
        let want: Vec<u32> = f[n..].iter().map(|x| x.parse().unwrap()).collect();
        let have = get(&now, &key).unwrap_or_else(|| vec![0, 0]);
        if have[0] < want[0] || (want.len() > 1 && have[1] > want[1]) {
            worse.push(format!("{key}: floor {want:?}, now {have:?}"));
        }
    }
    assert!(worse.is_empty(), "wild texts score worse than wild/floor.txt:\n{}\n\n{out}", worse.join("\n"));
}
