//! The CLI never panics on I/O (issue 17): a standard output that cannot be written (`> /dev/full`)
//! ends with one line on standard error and status 1; a reader that closed the pipe early
//! (`| head`) ends quietly, as ripgrep does.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_fineprint");
const MIT: &str = include_str!("../data/corpus/spdx/MIT.txt");

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_line_and_status_1() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let lic = std::env::temp_dir().join(format!("fineprint-cli-io-{}.txt", std::process::id()));
    std::fs::write(&lic, MIT).unwrap();
    let out = Command::new(BIN).args(["analyze", "--json"]).arg(&lic).stdout(full).stderr(Stdio::piped()).output().unwrap();
    std::fs::remove_file(&lic).ok();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("fineprint: cannot write the output"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(BIN)
        .args(["analyze", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the tool writes anything (it is still reading its input).
    drop(child.stdout.take());
    child.stdin.take().unwrap().write_all(MIT.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "quiet: {err}");
}
