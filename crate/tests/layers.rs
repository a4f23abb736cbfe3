//! The core's plan: stage folders, and dependencies in one direction (issue 21).
//!
//! `crate/src/` is read as text. Each file belongs to a stage; a file may use its own stage and the
//! stages below it, never one above. Inside a stage folder only the stage paths are used
//! (`crate::identify::kb`, not the flat alias `crate::kb` that `lib.rs` keeps for old callers).
//! Test modules (`#[cfg(test)]` to the end of a file) may call the orchestrator and are not scanned.

use std::path::{Path, PathBuf};

/// The stages, bottom first. `analyze` is the orchestrator; `bindings` and `main` sit above it.
const STAGES: [&str; 9] = ["report", "text", "identify", "clauses", "judge", "model", "analyze", "bindings", "main"];

/// The flat layout's aliases (re-exported by lib.rs) and the stage each one lives in.
const ALIASES: [(&str, &str); 11] = [
    ("normalize", "text"), ("align", "text"), ("fx", "text"),
    ("kb", "identify"), ("names", "identify"),
    ("verdict", "judge"), ("declared", "judge"), ("profile", "judge"),
    ("hub", "model"), ("lineage", "model"), ("recipe", "model"),
];

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The stage of a source file: its folder, or its own name for a top-level file.
fn stage_of(src: &Path, file: &Path) -> Option<&'static str> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.trim_end_matches(".rs");
    STAGES.iter().copied().find(|s| *s == first)
}

/// Every `crate::NAME` a text refers to, with the line: paths (`crate::a::b`) and groups (`use crate::{a, b::c}`).
fn crate_refs(code: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    for (n, line) in code.lines().enumerate() {
        let l = line.trim_start();
        if l.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        out.push((n + 1, name));
                    }
                }
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.push((n + 1, name));
            }
        }
    }
    out
}

fn violations(src: &Path) -> Vec<String> {
    let mut all = vec![];
    files(src, &mut all);
    all.sort();
    let mut bad = vec![];
    for f in &all {
        let Some(stage) = stage_of(src, f) else { continue }; // lib.rs, bin/
        let text = std::fs::read_to_string(f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (line, name) in crate_refs(code) {
            let rel = f.strip_prefix(src).unwrap().display();
            if let Some((_, home)) = ALIASES.iter().find(|(a, _)| *a == name) {
                bad.push(format!("{rel}:{line}: crate::{name} is a flat alias: use crate::{home}::{name}"));
                continue;
            }
            match rank(&name) {
                Some(r) if r > rank(stage).unwrap() => {
                    bad.push(format!("{rel}:{line}: stage `{stage}` uses `{name}`, a later stage"))
                }
                Some(_) => {}
                None if rank(stage) < rank("analyze") && (name == "Options" || name == "InputError") => {
                    bad.push(format!("{rel}:{line}: crate::{name} is the orchestrator's"))
                }
                None => {}
            }
        }
    }
    bad
}

#[test]
fn no_stage_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = violations(&src);
    assert!(bad.is_empty(), "dependencies against the plan:\n{}", bad.join("\n"));
}

#[test]
fn every_stage_folder_says_what_comes_in_and_out() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for stage in ["text", "identify", "clauses", "judge", "model"] {
        let doc = [src.join(stage).join("mod.rs"), src.join(format!("{stage}.rs"))]
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_else(|| panic!("stage {stage} has no mod.rs"));
        let head: String = doc.lines().take_while(|l| l.starts_with("//!")).collect::<Vec<_>>().join("\n");
        assert!(head.contains("In:") && head.contains("Out:"), "{stage}: its module doc must say what comes in and goes out");
    }
}

/// The scan itself: a later stage used from an earlier one, a flat alias, and the orchestrator are each caught.
#[test]
fn the_scan_catches_what_it_must() {
    let dir = std::env::temp_dir().join(format!("fineprint-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("judge")).unwrap();
    std::fs::write(dir.join("text/normalize.rs"), "use crate::judge::verdict;\nuse crate::report::Change;\n").unwrap();
    std::fs::write(dir.join("judge/verdict.rs"), "use crate::{kb, clauses::Found};\nfn f() { crate::analyze(); }\n#[cfg(test)]\nmod tests { use crate::analyze; }\n").unwrap();
    std::fs::write(dir.join("report.rs"), "pub struct R(crate::model::recipe::Recipe);\n").unwrap();
    let bad = violations(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(bad.len(), 4, "{bad:#?}");
    assert!(bad.iter().any(|b| b.starts_with("text/normalize.rs:1:") && b.contains("`judge`")), "{bad:#?}");
    assert!(bad.iter().any(|b| b.starts_with("judge/verdict.rs:1:") && b.contains("flat alias")), "{bad:#?}");
    assert!(bad.iter().any(|b| b.starts_with("judge/verdict.rs:2:") && b.contains("`analyze`")), "{bad:#?}");
    assert!(bad.iter().any(|b| b.starts_with("report.rs:1:") && b.contains("`model`")), "{bad:#?}");
}
