//! The `scan` and `check` commands: the same core over a folder of models, a model cache and a
//! team's policy. `main.rs` dispatches to [`dispatch`]; everything else of the CLI stays there.

pub mod check;
pub mod frontmatter;
pub mod policy;
pub mod repo;
pub mod scan;

use std::process::ExitCode;

/// `fineprint scan`'s usage.
pub const SCAN_USAGE: &str =
    "usage: fineprint scan [--json | --markdown] [DIR...]   (default: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub)";
/// `fineprint check`'s usage.
pub const CHECK_USAGE: &str =
    "usage: fineprint check --policy POLICY.toml [--format text|json|markdown|sarif] [DIR... | FILE...]   (exit 0: all pass, 1: a model fails, 2: bad input)";
/// Both, for the top-level help.
pub const USAGE: &str = concat!(
    "       fineprint scan [--json | --markdown] [DIR...]\n",
    "       fineprint check --policy POLICY.toml [--format text|json|markdown|sarif] [DIR... | FILE...]"
);

/// Runs `scan` or `check` when `args` names one; `None` for any other command.
pub fn dispatch(args: &[String]) -> Option<ExitCode> {
    match args.first().map(String::as_str) {
        Some("scan") => Some(match scan::run(&args[1..]) {
            Ok(out) => crate::write_out(&out),
            Err(msg) => {
                crate::say(&format!("fineprint scan: {msg}"));
                ExitCode::from(2)
            }
        }),
        Some("check") => Some(check::main(&args[1..])),
        _ => None,
    }
}
