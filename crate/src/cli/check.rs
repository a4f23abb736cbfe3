//! `fineprint check --policy POLICY.toml [DIR | FILE...]`: a team's license policy against every
//! model of a folder (a Hugging Face cache, a folder of repositories, one repository) or against
//! license files given directly (analysed together as one model, as `fineprint analyze` does).
//!
//! Exit status: 0 when every model passes, 1 when any fails (each failure with the clause and the
//! license's words), 2 on bad input (an unreadable or invalid policy, a missing folder or file).

use super::policy::{self, Policy, RuleResult};
use super::repo::{self, Model, ModelDir};
use super::scan::{self, Entry};
use fineprint::hub::{CardData, HubModel};
use fineprint::report::Document;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One model's verdict under the policy.
#[derive(Debug, serde::Serialize)]
struct Checked<'a> {
    model: &'a str,
    pass: bool,
    license: String,
    badge: String,
    rules: Vec<RuleResult>,
    #[serde(skip)]
    entry: &'a Entry,
    #[serde(skip)]
    entries: &'a std::collections::HashMap<String, &'a Entry>,
}

impl Checked<'_> {
    /// The entry a finding's quote is in (a base model's, for an inherited term).
    fn source(&self, f: &policy::Finding) -> &Entry {
        f.from.as_ref().and_then(|b| self.entries.get(&b.to_ascii_lowercase()).copied()).unwrap_or(self.entry)
    }
}

struct Args {
    policy: PathBuf,
    format: String,
    targets: Vec<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut policy = None;
    let mut format = "text".to_string();
    let mut targets = vec![];
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--policy" => policy = Some(PathBuf::from(it.next().ok_or("--policy needs a file")?)),
            "--format" => {
                let f = it.next().ok_or("--format needs one of text, json, markdown, sarif")?;
                if !["text", "json", "markdown", "sarif"].contains(&f.as_str()) {
                    return Err(format!("--format {f}: expected text, json, markdown or sarif"));
                }
                format = f.clone();
            }
            "--json" => format = "json".into(),
            "--markdown" => format = "markdown".into(),
            "--help" | "-h" => return Ok(None),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'; {}", super::CHECK_USAGE)),
            _ => targets.push(PathBuf::from(a)),
        }
    }
    let policy = policy.ok_or_else(|| format!("--policy POLICY.toml is required; {}", super::CHECK_USAGE))?;
    Ok(Some(Args { policy, format, targets }))
}

/// Run the command; prints its output and returns the exit status.
pub fn main(args: &[String]) -> ExitCode {
    match run(args) {
        // A write error (a full disk) is exit 1 as for analyze; a closed pipe is quiet and keeps the verdict's code.
        Ok((out, code)) => match crate::write_out(&out) {
            c if c == ExitCode::SUCCESS => ExitCode::from(code),
            c => c,
        },
        Err(msg) => {
            crate::say(&format!("fineprint check: {msg}"));
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(String, u8), String> {
    let Some(a) = parse_args(args)? else { return Ok((format!("{}\n", super::CHECK_USAGE), 0)) };
    let text = std::fs::read_to_string(&a.policy).map_err(|e| format!("{}: {e}", a.policy.display()))?;
    let pol = policy::parse(&text).map_err(|e| format!("{}: {e}", a.policy.display()))?;
    let entries = entries_for(&a.targets)?;
    let by_id: std::collections::HashMap<String, &Entry> = entries.iter().map(|e| (e.id.to_ascii_lowercase(), e)).collect();
    let checked: Vec<Checked> = entries
        .iter()
        .map(|e| {
            // Base models in the folder whose terms bind this one.
            let inherited: Vec<(String, &fineprint::Report)> = e
                .report
                .iter()
                .filter_map(|r| r.lineage.as_ref())
                .flat_map(|l| l.chain.iter())
                .filter(|n| {
                    n.passes_on && matches!(n.status, fineprint::lineage::NodeStatus::Found | fineprint::lineage::NodeStatus::Gated)
                })
                .filter_map(|n| by_id.get(&n.id.to_ascii_lowercase()).and_then(|b| b.report.as_ref()).map(|r| (n.id.clone(), r)))
                .collect();
            let rules = policy::check(&pol, e.report.as_ref(), e.error.as_deref(), &inherited);
            Checked {
                model: &e.id,
                pass: rules.iter().all(|r| r.pass),
                license: scan::license_cell(e),
                badge: e.report.as_ref().map(|r| scan::badge_words(r.badge.class)).unwrap_or("unclear").to_string(),
                rules,
                entry: e,
                entries: &by_id,
            }
        })
        .collect();
    let failed = checked.iter().filter(|c| !c.pass).count();
    let policy_name = a.policy.display().to_string();
    let out = match a.format.as_str() {
        "json" => json(&checked, &pol, &policy_name),
        "markdown" => markdown(&checked, &pol, &policy_name),
        "sarif" => sarif(&checked, &pol),
        _ => text_out(&checked, &pol, &policy_name),
    };
    Ok((out, if failed > 0 { 1 } else { 0 }))
}

/// The models to check: folders are scanned; files (all together) are one model.
fn entries_for(targets: &[PathBuf]) -> Result<Vec<Entry>, String> {
    if targets.is_empty() {
        let d = repo::default_cache();
        if !d.is_dir() {
            return Err(format!("no folder or file given and no Hugging Face cache at {}", d.display()));
        }
        return scan::scan_dirs(&[d], true);
    }
    let (dirs, files): (Vec<&PathBuf>, Vec<&PathBuf>) = targets.iter().partition(|p| p.is_dir());
    let mut found: Vec<ModelDir> = vec![];
    for d in &dirs {
        found.extend(repo::discover(d)?);
    }
    let mut models: Vec<Model> = crate::cli::scan::read_all(found);
    if !files.is_empty() {
        models.push(files_model(&files)?);
    }
    Ok(scan::analyse(models, true))
}

/// License files given on the command line, as one model; a README.md among them gives its front matter.
fn files_model(files: &[&PathBuf]) -> Result<Model, String> {
    let mut docs = vec![];
    let mut card = None;
    let mut card_data = CardData::default();
    let mut has_front_matter = false;
    for f in files {
        let text = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let text = String::from_utf8(text).map_err(|_| format!("{}: not UTF-8 text", f.display()))?;
        let name = f.display().to_string();
        if f.file_name().is_some_and(|n| n.eq_ignore_ascii_case("README.md")) {
            if let Some((body, _)) = super::frontmatter::split(&text) {
                has_front_matter = true;
                card_data = CardData::deserialize(serde_json::Value::Object(super::frontmatter::parse(body))).unwrap_or_default();
            }
            card = Some(text);
        } else {
            docs.push(Document::new(name, text));
        }
    }
    let id = files
        .first()
        .and_then(|f| f.canonicalize().ok())
        .and_then(|p| p.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| files[0].display().to_string());
    let dir = ModelDir { id: id.clone(), root: None, revision: None, folder: None, problems: vec![] };
    let meta = HubModel { id: Some(id), card_data, ..HubModel::default() };
    Ok(Model { dir, docs, meta, card, has_front_matter, problems: vec![] })
}

fn rule_title<'a>(pol: &'a Policy, id: &'a str) -> &'a str {
    pol.rules.iter().find(|r| r.id == id).and_then(|r| r.title.as_deref()).unwrap_or(if id == policy::UNKNOWN_RULE {
        "The license must be readable"
    } else {
        id
    })
}

/// Where a quote is: the file and its 1-based line and column.
fn place(e: &Entry, doc: usize, start: usize) -> Option<(String, usize, usize)> {
    let d = e.docs.get(doc)?;
    let file = match &e.path {
        Some(root) => root.join(&d.name).display().to_string(),
        None => d.name.clone(),
    };
    let before = d.text.get(..start)?;
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    Some((file, line, col))
}

fn one_line(q: &str, max: usize) -> String {
    let flat = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{} \u{2026}", cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut))
}

fn text_out(checked: &[Checked], pol: &Policy, policy_name: &str) -> String {
    let mut s = String::new();
    for c in checked {
        s += &format!("{}  {}  ({}; {})\n", if c.pass { "PASS" } else { "FAIL" }, c.model, c.license, c.badge);
        for r in c.rules.iter().filter(|r| !r.pass) {
            s += &format!("      rule {}: {}\n", r.rule, rule_title(pol, &r.rule));
            for f in &r.findings {
                let what = f.clause.as_deref().map(|k| format!("{k}: ")).unwrap_or_default();
                s += &format!("        - {what}{}\n", f.reason);
                if let (Some(q), Some(doc), Some((start, _))) = (&f.quote, f.doc, f.span) {
                    let at = place(c.source(f), doc, start).map(|(file, line, _)| format!(" ({file}, line {line})")).unwrap_or_default();
                    s += &format!("          \u{201C}{}\u{201D}{at}\n", one_line(q, 240));
                }
            }
        }
    }
    let failed = checked.iter().filter(|c| !c.pass).count();
    s += &format!("\n{failed} of {} models fail {policy_name}. {}\n", checked.len(), fineprint::report::DISCLAIMER);
    s
}

fn json(checked: &[Checked], _pol: &Policy, policy_name: &str) -> String {
    let v = serde_json::json!({
        "policy": policy_name,
        "pass": checked.iter().all(|c| c.pass),
        "models": checked,
        "disclaimer": fineprint::report::DISCLAIMER,
    });
    format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
}

fn markdown(checked: &[Checked], pol: &Policy, policy_name: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let failed = checked.iter().filter(|c| !c.pass).count();
    let mut s = format!("## Fine Print license check: {failed} of {} models fail `{}`\n\n", checked.len(), cell(policy_name));
    s += "| | model | license | badge | failed rules |\n|---|---|---|---|---|\n";
    for c in checked {
        let rules: Vec<&str> = c.rules.iter().filter(|r| !r.pass).map(|r| r.rule.as_str()).collect();
        s += &format!(
            "| {} | `{}` | {} | {} | {} |\n",
            if c.pass { "✅" } else { "❌" },
            cell(c.model),
            cell(&c.license),
            cell(&c.badge),
            cell(&rules.join(", "))
        );
    }
    for c in checked.iter().filter(|c| !c.pass) {
        s += &format!("\n### `{}`\n\n", cell(c.model));
        for r in c.rules.iter().filter(|r| !r.pass) {
            s += &format!("- **{}** ({})\n", cell(rule_title(pol, &r.rule)), r.rule);
            for f in &r.findings {
                let what = f.clause.as_deref().map(|k| format!("`{k}`: ")).unwrap_or_default();
                s += &format!("  - {what}{}\n", cell(&f.reason));
                if let (Some(q), Some(doc), Some((start, _))) = (&f.quote, f.doc, f.span) {
                    let at = place(c.source(f), doc, start).map(|(file, line, _)| format!(" — {file}, line {line}")).unwrap_or_default();
                    s += &format!("    > {}{}\n", cell(&one_line(q, 400)), cell(&at));
                }
            }
        }
    }
    s += &format!("\n_{}_\n", fineprint::report::DISCLAIMER);
    s
}

/// A path as a SARIF artifact URI: relative to the working folder when under it, else `file://`.
fn uri(path: &str) -> String {
    let p = Path::new(path);
    let abs =
        if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf()) };
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(rel) = abs.strip_prefix(&cwd) {
            return rel.to_string_lossy().replace('\\', "/");
        }
    }
    let s = abs.to_string_lossy().replace('\\', "/");
    let enc: String = s.chars().map(|c| if c == ' ' { "%20".to_string() } else { c.to_string() }).collect();
    format!("file://{enc}")
}

fn sarif(checked: &[Checked], pol: &Policy) -> String {
    let mut rule_ids: Vec<String> = pol.rules.iter().map(|r| r.id.clone()).collect();
    if pol.unknown_fails {
        rule_ids.push(policy::UNKNOWN_RULE.into());
    }
    let rules: Vec<serde_json::Value> =
        rule_ids.iter().map(|id| serde_json::json!({"id": id, "shortDescription": {"text": rule_title(pol, id)}})).collect();
    let mut results = vec![];
    for c in checked {
        for r in c.rules.iter().filter(|r| !r.pass) {
            for f in &r.findings {
                let mut msg = format!("{}: {} ({})", c.model, f.reason, rule_title(pol, &r.rule));
                if let Some(k) = &f.clause {
                    msg = format!("{}: {k}: {} ({})", c.model, f.reason, rule_title(pol, &r.rule));
                }
                let location = match (f.doc, f.span) {
                    (Some(doc), Some((start, _))) => place(c.source(f), doc, start).map(|(file, line, col)| {
                        serde_json::json!({"physicalLocation": {
                            "artifactLocation": {"uri": uri(&file)},
                            "region": {"startLine": line, "startColumn": col, "snippet": {"text": f.quote.clone().unwrap_or_default()}}
                        }})
                    }),
                    _ => None,
                }
                .or_else(|| {
                    // The model's license file, else its README, else its folder.
                    let e = c.entry;
                    let path = match (&e.path, e.docs.first()) {
                        (Some(root), Some(d)) => root.join(&d.name),
                        (None, Some(d)) => PathBuf::from(&d.name),
                        (Some(root), None) if root.join("README.md").exists() => root.join("README.md"),
                        _ => e.folder.clone()?,
                    };
                    Some(serde_json::json!({"physicalLocation": {"artifactLocation": {"uri": uri(&path.display().to_string())}}}))
                });
                let mut res = serde_json::json!({
                    "ruleId": r.rule,
                    "level": "error",
                    "message": {"text": msg},
                    "properties": {"model": c.model, "clause": f.clause, "outcome": f.outcome},
                });
                if let Some(l) = location {
                    res["locations"] = serde_json::json!([l]);
                }
                results.push(res);
            }
        }
    }
    let v = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "fineprint", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "results": results,
        }]
    });
    format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
}
