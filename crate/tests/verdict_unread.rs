//! Fail closed on unread text (issue 17): an open license with a passage the engine cannot read
//! (another language or script, text reordered by bidirectional controls, disguised words) is not
//! called open, and the report says which passage and in what ("Part of this text is in Chinese
//! and was not read"), marking it in its document. A bilingual license the knowledge base holds is
//! read in both its languages, and plain English extras change nothing.

use fineprint::kb;
use fineprint::report::{BadgeClass, Document, VerdictClass};
use fineprint::{analyze, Options, Report};
use std::path::Path;

fn text_of(id: &str) -> String {
    let f = kb::facts(id).unwrap().file;
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f)).unwrap()
}

fn run(docs: &[Document]) -> Report {
    analyze(docs, &Options::default()).unwrap()
}

/// Riders in the languages of the probes: each limits use, in words the engine does not read.
const RIDERS: &[(&str, &str)] = &[
    ("Chinese", "本模型的权重仅可用于学术研究，禁止任何商业用途。"),
    ("Chinese", "本模型仅限非商业用途"),
    ("German", "Die Gewichte dürfen nicht für kommerzielle Zwecke genutzt werden, sondern nur zur Forschung."),
    ("German", "Jede kommerzielle Nutzung ist untersagt."),
    ("French", "Toute utilisation commerciale de ce modèle est interdite sans notre accord écrit."),
    ("Spanish", "El uso comercial de este modelo no está permitido sin una licencia de la empresa."),
    ("Japanese", "本モデルは研究目的に限り使用でき、商用利用は禁止されています。"),
    ("Korean", "이 모델은 연구 목적으로만 사용할 수 있으며 상업적 이용은 금지됩니다."),
];

#[test]
fn an_open_license_with_a_rider_in_another_language_is_not_open() {
    for id in ["MIT", "Apache-2.0", "BSD-3-Clause"] {
        let lic = text_of(id);
        for (lang, rider) in RIDERS {
            for (place, text) in [("after", format!("{lic}\n\n{rider}\n")), ("before", format!("{rider}\n\n{lic}"))] {
                let r = run(&[Document::new("LICENSE", text.as_str())]);
                let case = format!("{id} + {lang} rider {place}");
                assert_eq!(r.license.id.as_deref(), Some(id), "{case}");
                assert_ne!(r.verdict.class, VerdictClass::Open, "{case}: {:?}", r.verdict);
                assert_ne!(r.badge.class, BadgeClass::OpenWeightsPermissive, "{case}");
                assert_ne!(r.osi_approved, Some(true), "{case}: a changed text is not the approved one");
                let want = format!("Part of this text is in {lang} and was not read");
                // A rider whose words a reader of that language understood (the Chinese detectors) decides the
                // verdict itself, which must then be a restriction quoting the rider, and the rider is not
                // called unread; otherwise the verdict says what was not read.
                if r.verdict.class != VerdictClass::Unknown {
                    assert_eq!(*lang, "Chinese", "{case}: only Chinese is read: {:?}", r.verdict);
                    assert!(matches!(r.verdict.class, VerdictClass::NonCommercial | VerdictClass::ResearchOnly), "{case}: {:?}", r.verdict);
                    let quoted = r.clauses.iter().flat_map(|c| &c.evidence).any(|ev| rider.contains(ev.quote.trim()) || ev.quote.contains(rider.trim()));
                    assert!(quoted, "{case}: the rider is quoted as evidence: {:?}", r.clauses);
                    assert!(r.unread.is_empty(), "{case}: a rider that was read is not unread: {:?}", r.unread);
                    assert!(!r.warnings.iter().any(|w| w.contains("was not read")), "{case}: {:?}", r.warnings);
                    continue;
                }
                assert_eq!(r.verdict.label, want, "{case}: {:?}", r.verdict);
                assert!(r.warnings.contains(&want), "{case}: {:?}", r.warnings);
                // The passage is marked: its offsets are the rider's place in the document.
                let u = r.unread.iter().find(|u| u.language == *lang).unwrap_or_else(|| panic!("{case}: {:?}", r.unread));
                assert_eq!(&text[u.start..u.end], u.quote);
                assert!(rider.contains(u.quote.trim()) || u.quote.contains(rider.trim()), "{case}: marked {:?}", u.quote);
                assert!(r.verdict.reasons.iter().any(|x| x.contains(u.quote.trim())), "{case}: {:?}", r.verdict.reasons);
            }
        }
    }
}

#[test]
fn a_rider_in_another_document_is_not_read_either() {
    let mit = text_of("MIT");
    for (lang, rider) in RIDERS {
        let r = run(&[Document::new("LICENSE", mit.as_str()), Document::new("USE_POLICY.md", *rider)]);
        assert_eq!(r.license.id.as_deref(), Some("MIT"), "{lang}");
        assert_ne!(r.verdict.class, VerdictClass::Open, "{lang}: {:?}", r.verdict);
        if r.verdict.class == VerdictClass::Unknown {
            assert_eq!(r.unread.first().map(|u| u.doc), Some(1), "{lang}: {:?}", r.unread);
        } else {
            // Read (Chinese): the restriction found in the second document decides.
            assert_eq!(*lang, "Chinese", "{lang}: {:?}", r.verdict);
            assert!(r.clauses.iter().flat_map(|c| &c.evidence).any(|ev| ev.doc == 1), "{lang}: {:?}", r.clauses);
        }
    }
}

/// Chinese is read for the key terms only: a Chinese passage in which none is found is not taken as
/// harmless. It is listed as unread, with a sentence that says it was read for key terms, and it keeps
/// an open license from `open`.
#[test]
fn a_chinese_passage_with_no_key_term_still_keeps_the_verdict_from_open() {
    let mit = text_of("MIT");
    // "The licensor reserves the right to interpret this notice; please contact us with questions."
    let note = "许可方保留对本声明的最终解释权，如有疑问请与我们联系。";
    for text in [format!("{mit}\n\n{note}\n"), format!("{note}\n\n{mit}")] {
        let r = run(&[Document::new("LICENSE", text.as_str())]);
        assert_eq!(r.license.id.as_deref(), Some("MIT"));
        assert_eq!(r.verdict.class, VerdictClass::Unknown, "{:?}", r.verdict);
        let u = r.unread.iter().find(|u| u.language == "Chinese").unwrap_or_else(|| panic!("{:?}", r.unread));
        assert!(u.reason.contains("read for the key terms only"), "{:?}", u.reason);
        assert_eq!(&text[u.start..u.end], u.quote);
        assert!(r.warnings.iter().any(|w| w.contains("in Chinese")), "{:?}", r.warnings);
    }
}

#[test]
fn reversed_and_disguised_text_is_not_read() {
    let mit = text_of("MIT");
    // U+202E shows the stored words backwards: the reader sees "No commercial use is allowed.",
    // the engine reads nonsense.
    let reversed = format!("{mit}\n\n\u{202E}.dewolla si esu laicremmoc oN\n");
    let r = run(&[Document::new("LICENSE", reversed.as_str())]);
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    let u = &r.unread[0];
    assert!(u.quote.starts_with('\u{202E}'), "{u:?}");
    assert!(r.verdict.label.contains("U+202E"), "{}", r.verdict.label);
    assert_ne!(r.osi_approved, Some(true), "an unread rider beside MIT: whether the whole is MIT is not known");
    // A control inside the license's own text, too.
    let inside = mit.replacen("Permission is hereby granted", "Permission is hereby \u{202E}detnarg", 1);
    assert_ne!(run(&[Document::new("LICENSE", inside.as_str())]).verdict.class, VerdictClass::Open);
    // Homoglyphs: a Cyrillic "о" makes "nоn-commercial" a word no detector matches.
    let disguised = format!("{mit}\n\nUse is limited to n\u{43E}n-commercial purposes.\n");
    let r = run(&[Document::new("LICENSE", disguised.as_str())]);
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    // Reversed words without any control character: words of no language.
    let backwards = format!("{mit}\n\nesu laicremmoc yna morf desnecil eht stibihorp rodnev ehT .ylno hcraeser rof desu eb yam ledom sihT\n");
    let r = run(&[Document::new("LICENSE", backwards.as_str())]);
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    assert_ne!(r.osi_approved, Some(true));
    assert_eq!(r.unread[0].language, "words of no known language");
}

#[test]
fn what_is_read_stays_open() {
    // The licenses as they are, and with English extras that read as no term.
    for id in ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "CC-BY-4.0", "MPL-2.0"] {
        let lic = text_of(id);
        let r = run(&[Document::new("LICENSE", lic.as_str())]);
        assert_eq!(r.verdict.class, VerdictClass::Open, "{id}: {:?}", r.verdict);
        assert!(r.unread.is_empty(), "{id}: {:?}", r.unread);
        let with_name = format!("Copyright (c) 2024 北京智源人工智能研究院\n\n{lic}");
        let r = run(&[Document::new("LICENSE", with_name.as_str())]);
        assert!(r.unread.is_empty(), "{id}: a holder's name in its own script is a name: {:?}", r.unread);
    }
    // A bilingual license the knowledge base holds (Chinese and English): both halves are its own text.
    let mulan = text_of("MulanPSL-2.0");
    let r = run(&[Document::new("LICENSE", mulan.as_str())]);
    assert_eq!(r.license.id.as_deref(), Some("MulanPSL-2.0"));
    assert!(r.unread.is_empty(), "{:?}", r.unread.iter().map(|u| &u.quote).collect::<Vec<_>>());
    assert_eq!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
    // A Chinese rider added to it is still a rider.
    let ridden = format!("{mulan}\n\n{}\n", RIDERS[0].1);
    let r = run(&[Document::new("LICENSE", ridden.as_str())]);
    assert_ne!(r.verdict.class, VerdictClass::Open, "{:?}", r.verdict);
}

#[test]
fn every_known_text_reads_its_own_passages() {
    // The detector against the corpus: every passage of a known license's own text is read as part
    // of that text, also in the licenses written (in part) in another language: CC-BY-SA-2.1-JP,
    // CECILL, DL-DE, etalab, LiLiQ, MulanPSL, names and addresses in FDK-AAC and Info-ZIP.
    let mut wrong = vec![];
    for f in kb::FACTS {
        let Ok(t) = std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus")).join(f.file)) else { continue };
        let r = run(&[Document::new("LICENSE", t.as_str())]);
        if !r.unread.is_empty() {
            let u = &r.unread[0];
            wrong.push(format!(
                "{}: {:?} {:?} span {:?}, {} at {}..{} ({})",
                f.id, r.license.id, r.license.match_kind, r.license.span, u.language, u.start, u.end,
                u.quote.chars().take(60).collect::<String>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{} known texts with passages not read:\n{}", wrong.len(), wrong.join("\n"));
}
