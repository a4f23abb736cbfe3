//! A known open license plus text that reads as terms and that nothing recognised is not called
//! open: the verdict says so and quotes the addition. Harmless extras (a copyright line, an
//! attribution notice, a project README header, the license's own appendix filled in, a second
//! recognised license) leave the license open.

use fineprint::kb;
use fineprint::report::{Document, MatchKind, VerdictClass};
use fineprint::{analyze, Options, Report};
use std::path::Path;

fn text_of(id: &str) -> String {
    let f = kb::facts(id).unwrap().file;
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap()
}

fn run(text: &str) -> Report {
    analyze(&[Document::new("LICENSE", text)], &Options::default()).unwrap()
}

const OPEN: &[&str] = &["Apache-2.0", "MIT", "BSD-3-Clause", "MPL-2.0", "ISC", "CC-BY-4.0"];

/// A paragraph of additional terms in words no clause detector reads (long enough that the
/// license is only part of the text), before or after the license.
const TERMS: &str = "ADDITIONAL TERMS\n\n\
1. The Licensee shall report every deployment of the Work or of any work based on it to the authors within thirty days of the deployment, by electronic mail to the address published on the project web site, stating the name of the deploying organisation.\n\n\
2. These additional terms prevail over the license above where the two conflict. The authors may update these additional terms from time to time, and continued use of the Work after an update means acceptance of the updated terms by the Licensee and by every later recipient of the Work.\n";

#[test]
fn an_open_license_plus_unread_terms_is_not_open() {
    for id in OPEN {
        let lic = text_of(id);
        for (place, text) in [("after", format!("{lic}\n\n{TERMS}")), ("before", format!("{TERMS}\n\n{lic}"))] {
            let r = run(&text);
            assert_eq!(r.license.id.as_deref(), Some(*id), "{id} {place}");
            assert!(
                matches!(r.license.match_kind, MatchKind::Partial | MatchKind::Modified),
                "{id} {place}: {:?}",
                r.license.match_kind
            );
            assert_eq!(r.verdict.class, VerdictClass::Unknown, "{id} {place}: {:?}", r.verdict);
            assert!(r.verdict.label.contains(id), "{id} {place}: {}", r.verdict.label);
            let said = r.verdict.reasons.join(" ");
            assert!(said.contains("report every deployment"), "{id} {place}: {said}");
            assert_ne!(r.badge.class, fineprint::report::BadgeClass::OpenWeightsPermissive);
        }
    }
}

#[test]
fn harmless_extras_leave_an_open_license_open() {
    let readme = "# FastLogs\n\nFastLogs is a small library that parses server logs quickly. It started in 2019 as a weekend \
experiment and grew into a tool that many teams use every day to read the logs of their servers, build machines and phones. \
It has no dependencies beyond the standard library. Python 3.10 is required, it cannot run on Windows, it works \
only on Linux and macOS under various conditions of load, and you can run it on a CPU. Pull requests are welcome: see \
CONTRIBUTING.md for the development workflow, and thanks to everyone who sent a patch over the years.\n\n## License\n\n";
    let notice = "\n\nThis product includes software developed at Acme Corp (https://acme.example/).\nCopyright 2024 Acme Corp. All rights reserved.\n";
    for id in OPEN {
        let lic = text_of(id);
        let cases = [
            ("a README header", format!("{readme}{lic}")),
            ("a short project header", format!("# FastLogs\n\nFastLogs parses logs. Its license:\n\n{lic}")),
            ("a notice after it", format!("{lic}{notice}")),
            ("a copyright line before it", format!("Copyright (c) 2024 Jane Doe <jane@example.org>\n\n{lic}")),
            ("a second recognised license", format!("{lic}\n\nThe documentation is under this license:\n\n{}", text_of("CC0-1.0"))),
            ("a request, not a term", format!("{lic}\n\nWe ask, but do not require, that you mention FastLogs when you publish work that uses it.\n")),
            ("advice, not a term", format!("{lic}\n\nThe parser should not be used on untrusted input without a size limit.\n")),
        ];
        for (what, text) in cases {
            let r = run(&text);
            assert_eq!(r.license.id.as_deref(), Some(*id), "{id} with {what}");
            assert_eq!(r.verdict.class, VerdictClass::Open, "{id} with {what}: {:?} {:?}", r.license.match_kind, r.verdict);
        }
    }
    // Apache's appendix filled in, with the header it asks for above the text.
    let apache = text_of("Apache-2.0").replace("Copyright [yyyy] [name of copyright owner]", "Copyright 2024 Acme Corp");
    let header = "Copyright 2024 Acme Corp\n\nLicensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in compliance with the License.\n\n";
    for text in [apache.clone(), format!("{header}{apache}")] {
        let r = run(&text);
        assert_eq!(r.license.id.as_deref(), Some("Apache-2.0"));
        assert_eq!(r.verdict.class, VerdictClass::Open, "{:?} {:?}", r.license, r.verdict);
    }
}

#[test]
fn a_polite_term_is_still_a_term() {
    let r = run(&format!("{}\n\nPlease note that you must not deploy the Software in hospitals.\n", text_of("MIT")));
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
}

#[test]
fn a_short_added_term_still_reads_as_a_change() {
    // The earlier rule for a modified text stands: a term added at an end is a change to read.
    let r = run(&format!("{}\n\nThe Licensee shall tell the authors of every deployment.\n", text_of("MIT")));
    assert_eq!(r.license.match_kind, MatchKind::Modified);
    assert_eq!(r.verdict.class, VerdictClass::Unknown, "{:?}", r.verdict);
    assert!(r.verdict.label.contains("read the changes"), "{}", r.verdict.label);
}
