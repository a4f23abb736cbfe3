//! `fineprint scan [DIR]`: every model of a Hugging Face cache (or a folder of model
//! repositories) through the same analysis as the extension, with lineage inside the folder.
//!
//! In: folders. Out: one [`Entry`] per model (its report, or why there is none), printed as a
//! table, JSON or Markdown. Base models that are in the same folder are read from there; any other
//! base is named by its id only ("not in this folder"), since nothing is fetched.

use super::repo::{self, Model, ModelDir};
use fineprint::lineage::{self, Ancestor};
use fineprint::report::{BadgeClass, MatchKind, Report};
use fineprint::{analyze, Options};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One model's result.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// `owner/name`.
    pub id: String,
    /// Its folder (the snapshot in a cache).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// The cache's revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// The model's own folder (`models--{owner}--{name}` in a cache).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    /// The documents that were read (file names).
    pub read: Vec<String>,
    /// Whether the README had front matter, and what it declared.
    pub declared: Declared,
    /// Problems with its files (broken links, unreadable files).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Base models named by the card that are not in the scanned folder.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bases_not_here: Vec<String>,
    /// The report (the contract of shared/spec), or null when nothing could be read.
    pub report: Option<Report>,
    /// Why there is no report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The documents, kept for quoting (not printed).
    #[serde(skip)]
    pub docs: Vec<fineprint::Document>,
}

/// What the card's front matter declares.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Declared {
    /// Whether the README has YAML front matter.
    pub front_matter: bool,
    /// `license`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub license: Vec<String>,
    /// `license_name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license_name: Option<String>,
    /// `license_link`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license_link: Option<String>,
    /// `base_model`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub base_model: Vec<String>,
}

/// The models of `dirs` (each a cache, a folder of repositories or one repository), analysed.
/// `progress`: print a progress line on standard error when it is a terminal and the scan takes
/// over a second.
pub fn scan_dirs(dirs: &[PathBuf], progress: bool) -> Result<Vec<Entry>, String> {
    let mut found: Vec<ModelDir> = vec![];
    for d in dirs {
        found.extend(repo::discover(d)?);
    }
    Ok(scan_models(found, progress))
}

/// Analyse the given models (lineage inside the set).
pub fn scan_models(found: Vec<ModelDir>, progress: bool) -> Vec<Entry> {
    analyse(read_all(found), progress)
}

/// Read the models' files (in parallel).
pub fn read_all(found: Vec<ModelDir>) -> Vec<Model> {
    parallel(found, repo::read)
}

/// Analyse models already read, bases before the models built on them.
pub fn analyse(models: Vec<Model>, progress: bool) -> Vec<Entry> {
    let started = Instant::now();
    let bar = Progress::new(progress && std::io::stderr().is_terminal(), models.len(), started);
    let index: HashMap<String, usize> = models.iter().enumerate().map(|(i, m)| (key(&m.dir.id), i)).collect();
    let bases: Vec<Vec<String>> = models.iter().map(|m| lineage::base_models(&m.meta).into_iter().map(|b| b.id).collect()).collect();
    // Analyse bases before the models built on them: level 0 has no base here, level n+1 bases of level ≤ n.
    let mut level = vec![0usize; models.len()];
    for _ in 0..models.len().min(lineage::MAX_DEPTH + 2) {
        let mut changed = false;
        for i in 0..models.len() {
            let l = bases[i].iter().filter_map(|b| index.get(&key(b))).filter(|&&j| j != i).map(|&j| level[j] + 1).max().unwrap_or(0);
            let l = l.min(lineage::MAX_DEPTH + 1);
            if l != level[i] {
                level[i] = l;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut reports: Vec<Option<Result<Report, String>>> = vec![None; models.len()];
    for lv in 0..=lineage::MAX_DEPTH + 1 {
        let todo: Vec<usize> = (0..models.len()).filter(|&i| level[i] == lv).collect();
        if todo.is_empty() {
            continue;
        }
        let done = &reports;
        let out = parallel(todo.clone(), |i| {
            let ancestors = ancestors_of(i, &models, &index, &bases, done);
            let m = &models[i];
            if m.dir.root.is_none() && m.docs.is_empty() && m.card.is_none() {
                bar.tick();
                return Err("nothing to read: the model has no snapshot in the cache".to_string());
            }
            if m.docs.is_empty() && m.meta.declared_license_id().is_none() && bases[i].is_empty() {
                bar.tick();
                return Err(NO_LICENSE.to_string());
            }
            let opts = Options { hf_metadata: Some(m.meta.clone()), model_card: m.card.clone(), ancestors, ..Options::default() };
            let r = analyze(&m.docs, &opts).map_err(|e| match e {
                fineprint::InputError::Empty => NO_LICENSE.to_string(),
                other => other.to_string(),
            });
            bar.tick();
            r
        });
        for (i, r) in todo.into_iter().zip(out) {
            reports[i] = Some(r);
        }
    }
    bar.finish();
    models
        .into_iter()
        .zip(reports)
        .zip(bases)
        .map(|((m, r), b)| {
            let (report, error) = match r {
                Some(Ok(r)) => (Some(r), None),
                Some(Err(e)) => (None, Some(e)),
                None => (None, Some("not analysed".into())),
            };
            let not_here: Vec<String> = b.into_iter().filter(|x| !index.contains_key(&key(x))).collect();
            let cd = &m.meta.card_data;
            Entry {
                id: m.dir.id.clone(),
                path: m.dir.root.clone(),
                revision: m.dir.revision.clone(),
                folder: m.dir.folder.clone(),
                read: m.docs.iter().map(|d| d.name.clone()).collect(),
                declared: Declared {
                    front_matter: m.has_front_matter,
                    license: cd.license.clone(),
                    license_name: cd.license_name.clone(),
                    license_link: cd.license_link.clone(),
                    base_model: cd.base_model.clone(),
                },
                problems: m.problems.clone(),
                bases_not_here: not_here,
                report,
                error,
                docs: m.docs,
            }
        })
        .collect()
}

const NO_LICENSE: &str = "no license: no license file, and no license in the README's metadata";

fn key(id: &str) -> String {
    lineage::normalize_id(id).unwrap_or_else(|| id.trim().to_string()).to_ascii_lowercase()
}

/// The ancestors of model `i` that this folder holds (with their reports when made), and the
/// ones it does not (named, marked as not read), up to the lineage's depth.
fn ancestors_of(
    i: usize,
    models: &[Model],
    index: &HashMap<String, usize>,
    bases: &[Vec<String>],
    reports: &[Option<Result<Report, String>>],
) -> Vec<Ancestor> {
    let mut out: Vec<Ancestor> = vec![];
    let mut seen: Vec<String> = vec![key(&models[i].dir.id)];
    let mut queue: Vec<(String, usize)> = bases[i].iter().map(|b| (b.clone(), 1)).collect();
    while let Some((b, depth)) = queue.pop() {
        let k = key(&b);
        if seen.contains(&k) || depth > lineage::MAX_DEPTH || out.len() >= lineage::MAX_ANCESTORS {
            continue;
        }
        seen.push(k.clone());
        match index.get(&k) {
            Some(&j) => {
                let m = &models[j];
                let report = reports[j].as_ref().and_then(|r| r.as_ref().ok()).cloned();
                out.push(Ancestor { id: b.clone(), metadata: Some(m.meta.clone()), report, model_card: None, error: None });
                queue.extend(bases[j].iter().map(|x| (x.clone(), depth + 1)));
            }
            None => out.push(Ancestor {
                id: b.clone(),
                error: Some("not in the scanned folder: its license was not read (fineprint scan fetches nothing)".into()),
                ..Ancestor::default()
            }),
        }
    }
    out
}

/// Run `f` over `items` on the machine's cores, keeping the order.
fn parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    if threads <= 1 || items.len() < 4 {
        return items.into_iter().map(f).collect();
    }
    let n = items.len();
    let queue = Mutex::new(items.into_iter().enumerate().collect::<Vec<_>>().into_iter());
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let next = queue.lock().unwrap().next();
                let Some((i, item)) = next else { break };
                let r = f(item);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(|r| r.expect("every item ran")).collect()
}

/// The progress line: on a terminal, once the scan has taken a second.
struct Progress {
    on: bool,
    total: usize,
    started: Instant,
    done: AtomicUsize,
    last: Mutex<Option<Instant>>,
}

impl Progress {
    fn new(on: bool, total: usize, started: Instant) -> Self {
        Progress { on, total, started, done: AtomicUsize::new(0), last: Mutex::new(None) }
    }
    fn tick(&self) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.on || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        let mut last = self.last.lock().unwrap();
        if last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) && n < self.total {
            return;
        }
        *last = Some(Instant::now());
        let _ = write!(std::io::stderr(), "\r\x1b[2Kfineprint: scanned {n} of {} models ({:.1} s)", self.total, self.started.elapsed().as_secs_f64());
        let _ = std::io::stderr().flush();
    }
    fn finish(&self) {
        if self.on && self.last.lock().unwrap().is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            let _ = std::io::stderr().flush();
        }
    }
}

// ---- output ----------------------------------------------------------------

/// The five answers of the report (`answers` in shared/spec), when the engine gives them:
/// (question, answer) in the contract's order.
pub fn answers(r: &Report) -> Option<Vec<(String, String)>> {
    // Read from the report's JSON so the CLI needs no change when the core adds the field.
    let v = serde_json::to_value(r).ok()?;
    let list = v.get("answers")?.as_array()?;
    let out: Vec<(String, String)> =
        list.iter().filter_map(|a| Some((a.get("question")?.as_str()?.to_string(), a.get("answer")?.as_str()?.to_string()))).collect();
    (!out.is_empty()).then_some(out)
}

const QUESTIONS: [(&str, &str); 5] = [
    ("commercial_use", "COMMERCIAL"),
    ("modify", "MODIFY"),
    ("redistribute", "SHARE"),
    ("train_on_outputs", "TRAIN-ON-OUTPUTS"),
    ("host_as_service", "HOST"),
];

fn answer_word(a: &str) -> &str {
    match a {
        "allowed" => "yes",
        "allowed-with-conditions" => "if",
        "not-allowed" => "no",
        "not-addressed" => "-",
        other => other,
    }
}

/// The license cell: the id (or name), and how it was known when not from a full text.
pub fn license_cell(e: &Entry) -> String {
    let Some(r) = &e.report else { return "none found".into() };
    let id = r.license.id.clone().or_else(|| r.license.name.clone());
    let base = match &id {
        Some(id) => id.clone(),
        None if r.license.match_kind == MatchKind::Declared => e
            .declared
            .license_name
            .clone()
            .or_else(|| e.declared.license.first().cloned())
            .map(|l| format!("'{l}'"))
            .unwrap_or_else(|| "unknown".into()),
        None => "not identified".into(),
    };
    let how = match r.license.match_kind {
        MatchKind::Exact | MatchKind::Equivalent => "",
        MatchKind::Modified => " (modified)",
        MatchKind::Partial => " (partial)",
        MatchKind::Declared if r.license.named.is_some() => " (named, not read)",
        MatchKind::Declared => " (declared only)",
        MatchKind::Unknown => "",
    };
    format!("{base}{how}")
}

/// Short words for a badge class.
pub fn badge_words(c: BadgeClass) -> &'static str {
    match c {
        BadgeClass::OpenSourceAi => "open-source AI",
        BadgeClass::OpenWeightsPermissive => "open weights, permissive",
        BadgeClass::OpenWeightsRestricted => "open weights, restricted",
        BadgeClass::NonCommercial => "non-commercial",
        BadgeClass::ResearchOnly => "research only",
        BadgeClass::Unknown => "unclear",
    }
}

fn badge_cell(e: &Entry) -> String {
    match &e.report {
        Some(r) => {
            let inherited = r.lineage.as_ref().and_then(|l| l.effective.from.clone());
            match inherited {
                Some(from) => format!("{} (from {from})", badge_words(r.badge.class)),
                None => badge_words(r.badge.class).into(),
            }
        }
        None => badge_words(BadgeClass::Unknown).into(),
    }
}

/// Notes under the table: lineage, warnings, problems.
fn notes(e: &Entry) -> Vec<String> {
    let mut out = vec![];
    if let Some(err) = &e.error {
        out.push(err.clone());
    }
    out.extend(e.problems.iter().cloned());
    if let Some(r) = &e.report {
        if let Some(l) = &r.lineage {
            for n in &l.chain {
                let lic = n.license_id.as_deref().or(n.license_label.as_deref()).unwrap_or("license not read");
                out.push(format!(
                    "{} of {} ({lic}){}",
                    n.relation.as_str(),
                    n.id,
                    if e.bases_not_here.iter().any(|b| key(b) == key(&n.id)) { ": not in this folder, declared id only" } else { "" }
                ));
            }
            out.extend(l.notes.iter().cloned());
        }
        out.extend(r.warnings.iter().cloned());
    }
    out
}

fn header(with_answers: bool) -> Vec<String> {
    let mut h: Vec<String> = ["MODEL", "LICENSE", "BADGE"].iter().map(|s| s.to_string()).collect();
    if with_answers {
        h.extend(QUESTIONS.iter().map(|(_, t)| t.to_string()));
    }
    h
}

fn row(e: &Entry, with_answers: bool) -> Vec<String> {
    let mut r = vec![e.id.clone(), license_cell(e), badge_cell(e)];
    if with_answers {
        let a = e.report.as_ref().and_then(answers).unwrap_or_default();
        for (q, _) in QUESTIONS {
            r.push(a.iter().find(|(x, _)| x == q).map(|(_, v)| answer_word(v).to_string()).unwrap_or_else(|| "?".into()));
        }
    }
    r
}

/// The plain-text table, with numbered notes below it.
pub fn table(entries: &[Entry], root: &str) -> String {
    let with_answers = entries.iter().any(|e| e.report.as_ref().and_then(answers).is_some());
    let mut rows = vec![header(with_answers)];
    rows.extend(entries.iter().map(|e| row(e, with_answers)));
    let widths: Vec<usize> = (0..rows[0].len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut s = String::new();
    for r in &rows {
        let line: Vec<String> = r.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        s += line.join("  ").trim_end();
        s.push('\n');
    }
    if entries.is_empty() {
        s += &format!("(no model found in {root})\n");
    }
    let mut any = false;
    for e in entries {
        let n = notes(e);
        if n.is_empty() {
            continue;
        }
        if !any {
            s.push('\n');
            any = true;
        }
        s += &format!("{}:\n", e.id);
        for x in n {
            s += &format!("  - {x}\n");
        }
    }
    if !with_answers && !entries.is_empty() {
        s += "\n(The five answers — commercial use, modify, share, train on outputs, host — appear here once the engine's report carries them.)\n";
    }
    s += &format!("\n{} models. {}\n", entries.len(), fineprint::report::DISCLAIMER);
    s
}

/// Markdown: the table, then the notes.
pub fn markdown(entries: &[Entry], root: &str) -> String {
    let with_answers = entries.iter().any(|e| e.report.as_ref().and_then(answers).is_some());
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let h = header(with_answers);
    let mut s = format!("## Fine Print scan of `{}`\n\n", cell(root));
    s += &format!("| {} |\n|{}\n", h.iter().map(|x| x.to_lowercase()).collect::<Vec<_>>().join(" | "), "---|".repeat(h.len()));
    for e in entries {
        let r = row(e, with_answers);
        s += &format!(
            "| {} |\n",
            r.iter().enumerate().map(|(i, c)| if i == 0 { format!("`{}`", cell(c)) } else { cell(c) }).collect::<Vec<_>>().join(" | ")
        );
    }
    let noted: Vec<&Entry> = entries.iter().filter(|e| !notes(e).is_empty()).collect();
    if !noted.is_empty() {
        s += "\n### Notes\n\n";
        for e in noted {
            s += &format!("- `{}`\n", cell(&e.id));
            for n in notes(e) {
                s += &format!("  - {}\n", cell(&n));
            }
        }
    }
    s += &format!("\n_{}_\n", fineprint::report::DISCLAIMER);
    s
}

/// JSON: `{scanned, models: [...]}`.
pub fn json(entries: &[Entry], dirs: &[PathBuf]) -> String {
    let v = serde_json::json!({
        "scanned": dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>(),
        "models": entries,
        "engine": fineprint::analyze::engine_info(),
        "disclaimer": fineprint::report::DISCLAIMER,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// `fineprint scan [--json|--markdown] [DIR...]`.
pub fn run(args: &[String]) -> Result<String, String> {
    let mut format = "table";
    let mut dirs: Vec<PathBuf> = vec![];
    for a in args {
        match a.as_str() {
            "--json" => format = "json",
            "--markdown" => format = "markdown",
            "--help" | "-h" => return Ok(format!("{}\n", super::SCAN_USAGE)),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'; {}", super::SCAN_USAGE)),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        let d = repo::default_cache();
        if !d.is_dir() {
            return Err(format!(
                "no folder given and no Hugging Face cache at {} (set HF_HOME or HF_HUB_CACHE, or give a folder); {}",
                d.display(),
                super::SCAN_USAGE
            ));
        }
        dirs.push(d);
    }
    let entries = scan_dirs(&dirs, true)?;
    let root = dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ");
    Ok(match format {
        "json" => json(&entries, &dirs),
        "markdown" => markdown(&entries, &root),
        _ => table(&entries, &root),
    })
}
