//! `fineprint`: the command-line tool over the core.
//!
//! ```text
//! fineprint analyze [--json | --markdown] [--hf-license ID] [--hf-metadata FILE.json]
//!                   [--model-card README.md] [--ancestor-metadata FILE.json]... FILE...
//! ```
//! `--hf-metadata` takes the Hub's `/api/models/{id}` answer; each
//! `--ancestor-metadata` one base model's answer, so lineage works offline.

mod cli;

use fineprint::decode::{decode, Encoding};
use fineprint::lineage::Ancestor;
use fineprint::report::{Document, Report};
use fineprint::{analyze, hub, Options};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: fineprint analyze [--json | --markdown] [--hf-license ID] [--hf-metadata FILE.json] [--model-card README.md] [--ancestor-metadata FILE.json]... FILE... (- reads standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = cli::dispatch(&args) {
        return code;
    }
    match run(args) {
        Ok(out) => write_out(&out),
        Err(msg) => {
            say(&format!("fineprint: {msg}"));
            ExitCode::from(2)
        }
    }
}

/// Write the output: never a panic on a failing standard output. A reader that closed the pipe
/// early (`fineprint analyze … | head`) has what it wanted: a quiet exit, as ripgrep does. Any
/// other failure (`> /dev/full`, a vanished disk) is one line on standard error and status 1.
pub(crate) fn write_out(out: &str) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("fineprint: cannot write the output: {e}"));
            ExitCode::from(1)
        }
    }
}

/// One line on standard error, ignoring a failure to write it (there is nowhere else to say it).
pub(crate) fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut it = args.into_iter();
    match it.next().as_deref() {
        Some("analyze") => {}
        Some("--help") | Some("-h") | None => return Ok(format!("{USAGE}\n{}\n", cli::USAGE)),
        Some("--version") | Some("-V") => return Ok(format!("fineprint {}\n", env!("CARGO_PKG_VERSION"))),
        Some(other) => return Err(format!("unknown command '{other}'; {USAGE}")),
    }
    let mut json = false;
    let mut markdown = false;
    let mut opts = Options::default();
    let mut files = vec![];
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--markdown" => markdown = true,
            "--hf-license" => opts.hf_license = Some(it.next().ok_or("--hf-license needs an id")?),
            "--hf-metadata" => {
                let f = it.next().ok_or("--hf-metadata needs a file")?;
                opts.hf_metadata = Some(read_metadata(&f)?);
            }
            "--ancestor-metadata" => {
                let f = it.next().ok_or("--ancestor-metadata needs a file")?;
                let metadata = read_metadata(&f)?;
                let id = metadata
                    .model_id()
                    .ok_or_else(|| format!("{f}: the metadata has no model id"))?
                    .to_string();
                opts.ancestors.push(Ancestor { id, metadata: Some(metadata), ..Ancestor::default() });
            }
            "--model-card" => {
                let f = it.next().ok_or("--model-card needs a file")?;
                opts.model_card = Some(read_doc(&f)?.text);
            }
            "-" => files.push(a),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'; {USAGE}")),
            _ => files.push(a),
        }
    }
    if files.is_empty() && opts.hf_license.is_none() && opts.hf_metadata.is_none() {
        return Err(format!("no input file; {USAGE}"));
    }
    let mut docs = vec![];
    let mut decoded = vec![];
    for f in &files {
        let (d, enc) = read_doc_as(f)?;
        if enc != Encoding::Utf8 {
            decoded.push(format!("{}: not UTF-8, read as {} (offsets are into the text as decoded)", d.name, enc.name()));
        }
        docs.push(d);
    }
    let mut report = analyze(&docs, &opts).map_err(|e| e.to_string())?;
    report.warning_messages.extend(decoded.iter().map(|w| fineprint::judge::said::message(w)));
    report.warnings.extend(decoded);
    if markdown {
        // Each quote points at its line in the file it came from (FILE#L12), ready for a review.
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let link = |doc: usize, line: usize| (names.get(doc).is_some_and(|n| *n != "<stdin>")).then(|| format!("{}#L{line}", names[doc]));
        Ok(fineprint::answers::markdown(&report, &names, &texts, &link))
    } else if json {
        let mut s = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        s.push('\n');
        Ok(s)
    } else {
        Ok(human(&report, &docs))
    }
}

fn read_metadata(path: &str) -> Result<hub::HubModel, String> {
    let doc = read_doc(path)?;
    hub::from_json(&doc.text).map_err(|e| format!("{path}: {e}"))
}

fn read_doc(path: &str) -> Result<Document, String> {
    read_doc_as(path).map(|(d, _)| d)
}

/// A file (or standard input) as text, and the encoding it was read in.
fn read_doc_as(path: &str) -> Result<(Document, Encoding), String> {
    let mut bytes = vec![];
    let limit = fineprint::analyze::MAX_INPUT_BYTES as u64 + 1;
    let name = if path == "-" { "<stdin>" } else { path };
    if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        f.take(limit).read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    if bytes.len() as u64 >= limit {
        return Err(format!(
            "{name}: over the {} MiB limit for one analysis",
            fineprint::analyze::MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    let (text, enc) = decode(&bytes).map_err(|_| format!("{name}: looks like binary data, not license text"))?;
    Ok((Document::new(name, text), enc))
}

/// The readable, non-JSON output.
fn human(r: &Report, docs: &[Document]) -> String {
    let mut s = String::new();
    let lic = match (&r.license.id, &r.license.name) {
        (Some(id), Some(name)) => format!("{name} ({id})"),
        (Some(id), None) => id.clone(),
        _ => "not identified".into(),
    };
    s += &format!("License:  {lic}\n");
    s += &format!("Match:    {:?}, confidence {:.2}\n", r.license.match_kind, r.license.confidence);
    if let Some(n) = &r.license.named {
        s += &format!("Named:    only named in the text, not included: \"{}\"\n", n.quote.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    s += &format!("Verdict:  {} ({:?})\n", r.verdict.label, r.verdict.class);
    s += &format!("Badge:    {}\n", r.badge.text);
    for why in &r.verdict.reasons {
        s += &format!("  because: {why}\n");
    }
    s += &format!("\nIn short: {}\n", r.in_short);
    for a in &r.answers {
        s += &format!("  {:<36} {:<11} {}\n", fineprint::answers::question_text(&a.question), fineprint::answers::answer_word(a.answer), a.summary);
    }
    s += &clause_groups(r, docs);
    if let Some(l) = &r.lineage {
        s += "Lineage:\n";
        for n in &l.chain {
            let lic = n.license_label.as_deref().or(n.license_id.as_deref()).unwrap_or("license unknown");
            s += &format!(
                "  {}{} of {} ({lic}; {:?})\n",
                "  ".repeat(n.depth.saturating_sub(1)),
                n.relation.as_str(),
                n.id,
                n.status
            );
        }
        for note in &l.notes {
            s += &format!("  note: {note}\n");
        }
    }
    if let Some(rec) = &r.recipe {
        s += &format!("Recipe:   {}\n", rec.mof.label);
        for d in &rec.dimensions {
            s += &format!("  - {:<22} {:<12} {}\n", d.label, format!("{:?}", d.status), d.value);
        }
    }
    for w in &r.warnings {
        s += &format!("Note:     {w}\n");
    }
    s += &format!("\n{}\n", r.disclaimer);
    s
}

/// The clauses grouped as Can't / Only if / Must / Vendor powers / Legal, each
/// with its one-line summary and its first quote (with where it is).
fn clause_groups(r: &Report, docs: &[Document]) -> String {
    use fineprint::clauses::{section_of, GROUPS};
    let mut s = String::new();
    if r.clauses.is_empty() {
        return "\nNo clause found.\n".into();
    }
    for (sections, title) in GROUPS {
        let group: Vec<_> = r.clauses.iter().filter(|c| section_of(&c.kind).is_some_and(|x| sections.contains(&x))).collect();
        if group.is_empty() {
            continue;
        }
        s += &format!("\n{title}\n");
        for c in group {
            s += &format!("  - {}\n", c.summary);
            if let Some(e) = c.evidence.first() {
                let name = docs.get(e.doc).map(|d| d.name.as_str()).unwrap_or("?");
                let more = if c.evidence.len() > 1 { format!(", +{} more", c.evidence.len() - 1) } else { String::new() };
                s += &format!("      \u{201C}{}\u{201D} ({name}, bytes {}..{}{more})\n", one_line(&e.quote, 220), e.start, e.end);
            }
        }
    }
    s
}

/// A quote on one line, cut at a word near `max` characters.
fn one_line(q: &str, max: usize) -> String {
    let flat = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut} \u{2026}")
}
