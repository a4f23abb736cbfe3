//! Script and language of a text's passages: what the engine cannot read.
//!
//! In: one document's text. Out: the passages the engine has no reading for ([`Unread`]), each
//! with its byte span in the text as given and what it is: another script (Chinese, Japanese,
//! Korean, Cyrillic, …), another Latin-script language (German, French, Spanish, … named by their
//! function words, `data/languages.txt`), text that bidirectional controls reorder on screen (what
//! the reader sees is not what the engine reads), letters of two scripts mixed in one word, or a
//! passage of words that are no language the engine knows (reversed or scrambled text).
//!
//! The engine's detectors and its knowledge base read English. Whether a passage found here is
//! actually unread (a bilingual license the knowledge base holds is read in both languages) is
//! decided by the verdict (`judge::verdict::unread`), which keeps such a text from `open`. Imports
//! nothing of the crate: the vocabulary of the known texts comes in as a function.
//!
//! Why no language-detection crate: the passages that matter are short (a one-sentence rider),
//! where trigram models (whatlang) guess poorly, and the engine only needs two answers: "English or
//! not" and a name to say. Scripts come from Unicode ranges, Latin-script languages from a list of
//! function words kept as data: a few kilobytes in the WASM, every rule visible and tested.

use std::sync::OnceLock;

/// What a passage is, and so why it was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters of a script other than Latin. `language` names it when the script says
    /// (kana: Japanese, Hangul: Korean, Han alone: Chinese).
    Script {
        /// The script, as a reader would name it ("Han", "Cyrillic").
        script: &'static str,
        /// The language, when the script alone tells it.
        language: Option<&'static str>,
    },
    /// A Latin-script language other than English, by its function words.
    Language(&'static str),
    /// Bidirectional control characters (U+202A–U+202E, U+2066–U+2069): the text is shown in an
    /// order other than the one it is stored in.
    Reordered(char),
    /// Letters of two scripts inside one word (a Cyrillic "о" in "nоn-commercial"), or invisible
    /// characters inside a word: a word disguised from a reader or a detector.
    Disguised,
    /// Latin-script words that are neither English nor a language above (reversed or scrambled text).
    NoLanguage,
}

impl Kind {
    /// How a reader would name it: "Chinese", "German", "Cyrillic script".
    pub fn name(&self) -> String {
        match self {
            Kind::Script { language: Some(l), .. } => (*l).to_string(),
            Kind::Script { script, language: None } => format!("{script} script"),
            Kind::Language(l) => (*l).to_string(),
            Kind::Reordered(_) => "reordered text".into(),
            Kind::Disguised => "disguised words".into(),
            Kind::NoLanguage => "words of no known language".into(),
        }
    }

    /// The sentence a report shows: "Part of this text is in Chinese and was not read".
    pub fn sentence(&self) -> String {
        match self {
            Kind::Script { .. } | Kind::Language(_) => format!("Part of this text is in {} and was not read", self.name()),
            Kind::Reordered(c) => format!(
                "Part of this text is reversed or reordered on screen by a control character (U+{:04X}): what it shows is not what was read",
                *c as u32
            ),
            Kind::Disguised => "Part of this text disguises its words (letters of another script or invisible characters inside a word) and was not read".into(),
            Kind::NoLanguage => "Part of this text is in words of no language the engine reads (reversed or scrambled text) and was not read".into(),
        }
    }
}

/// A passage the engine has no reading for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Byte offset of its start in the text as given.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: Kind,
}

/// The script of a letter, when not Latin (None: Latin, or not a letter).
pub fn script_of(c: char) -> Option<&'static str> {
    let u = c as u32;
    Some(match u {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => "Greek",
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => "Cyrillic",
        0x0530..=0x058F => "Armenian",
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => "Hebrew",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => "Arabic",
        0x0900..=0x097F => "Devanagari",
        0x0980..=0x0DFF => "Indic",
        0x0E00..=0x0E7F => "Thai",
        0x10A0..=0x10FF => "Georgian",
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "Hangul",
        0x3040..=0x309F => "Hiragana",
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => "Katakana",
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => "Han",
        _ if c.is_alphabetic() && u >= 0x0250 && !(0x1E00..=0x1EFF).contains(&u) && !(0xFF21..=0xFF5A).contains(&u) => "non-Latin",
        _ => return None,
    })
}

/// A letter of the Latin script (ASCII, accented, full-width).
fn is_latin(c: char) -> bool {
    c.is_alphabetic() && script_of(c).is_none()
}

/// Bidirectional embedding, override and isolate controls (not the plain marks U+200E/U+200F).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Characters that show nothing and split a word for a detector while a reader sees one word.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD)
}

/// The Latin-script languages of `data/languages.txt`: (name, function words); English first.
struct Languages {
    langs: Vec<(&'static str, Vec<&'static str>)>,
}

fn languages() -> &'static Languages {
    static L: OnceLock<Languages> = OnceLock::new();
    L.get_or_init(|| Languages { langs: parse_languages(include_str!("../../data/languages.txt")) })
}

/// `code name: words` lines (comments `#`) into (name, sorted words).
pub fn parse_languages(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (head, words) = l.split_once(':')?;
            let name = head.split_whitespace().nth(1)?;
            let mut w: Vec<&str> = words.split_whitespace().collect();
            w.sort_unstable();
            Some((name, w))
        })
        .collect()
}

/// The lower-cased Latin words of a piece of text (letters only; words with digits, and the words of
/// URLs and e-mail addresses, are skipped).
fn latin_words(s: &str) -> Vec<String> {
    let mut out = vec![];
    let plain: String = s
        .split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@') || w.contains(".de/") || w.contains(".org/")))
        .collect::<Vec<_>>()
        .join(" ");
    for w in plain.split(|c: char| !(c.is_alphanumeric())) {
        if w.chars().count() < 2 || !w.chars().all(is_latin) {
            continue;
        }
        out.push(w.to_lowercase());
    }
    out
}

/// The Latin-script language a passage's words are in: `Some(name)` for a language other than
/// English, `None` when English (or too few words to tell).
pub fn latin_language(words: &[String]) -> Option<&'static str> {
    let langs = &languages().langs;
    // Hits, and distinct words hit: one word said twice ("de … de") is no language.
    let score = |ws: &Vec<&str>| {
        let hits: Vec<&str> = words.iter().map(|w| w.as_str()).filter(|w| ws.binary_search(w).is_ok()).collect();
        let mut distinct = hits.clone();
        distinct.sort_unstable();
        distinct.dedup();
        (hits.len(), distinct.len())
    };
    let en = langs.first().map(|(_, ws)| score(ws).0).unwrap_or(0);
    let (name, (best, distinct)) = langs.iter().skip(1).map(|(n, ws)| (*n, score(ws))).max_by_key(|x| x.1)?;
    (words.len() >= 3 && distinct >= 2 && best > en).then_some(name)
}

/// How many of `words` are English: its function words, or words `is_known` knows (the caller's
/// vocabulary: the known licenses' words). Counting stops once the share is above
/// [`MAX_KNOWN_SHARE`] (all the caller asks), and function words are counted first: `is_known` (a
/// look-up in the knowledge base's vocabulary, which the caller may load lazily) is asked only
/// when function words alone do not settle it.
fn english_share(words: &[String], is_known: &dyn Fn(&str) -> bool) -> f64 {
    if words.is_empty() {
        return 1.0;
    }
    let en = &languages().langs[0].1;
    let n = words.len() as f64;
    let (function, rest): (Vec<&String>, Vec<&String>) = words.iter().partition(|w| en.binary_search(&w.as_str()).is_ok());
    let mut known = function.len();
    for w in rest {
        if known as f64 / n > MAX_KNOWN_SHARE {
            break;
        }
        known += is_known(w.as_str()) as usize;
    }
    known as f64 / n
}

/// Fewest letters of a script other than Latin that make a line a passage in that script: two
/// ideographs, kana or Hangul syllables carry a word; other scripts, three letters.
const MIN_IDEOGRAPHS: usize = 2;
const MIN_LETTERS: usize = 3;
/// Fewest words for a passage of "no known language"; below it, a name or a heading.
const MIN_NO_LANGUAGE_WORDS: usize = 6;
/// At most this share of its words known for a passage to be "no known language".
const MAX_KNOWN_SHARE: f64 = 0.34;

/// Every passage of `text` the engine has no reading for, in text order. `is_known` says whether a
/// lower-case Latin word is one the engine knows (beside English function words): a passage of
/// words it mostly does not know, in no language of the data, is "no known language".
pub fn unread_passages(text: &str, is_known: &dyn Fn(&str) -> bool) -> Vec<Unread> {
    let mut out: Vec<Unread> = vec![];
    let push = |out: &mut Vec<Unread>, u: Unread| {
        // Lines of one kind in a row make one passage.
        if let Some(last) = out.last_mut() {
            if last.kind == u.kind && text[last.end..u.start].trim().is_empty() && !text[last.end..u.start].contains("\n\n") {
                last.end = u.end;
                return;
            }
        }
        out.push(u);
    };
    // Lines: scripts, controls and disguised words.
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let (s, e) = (at, at + line.trim_end().len());
        at += line.len();
        let body = &text[s..e];
        let lead = body.len() - body.trim_start().len();
        let (ts, te) = (s + lead, e);
        if ts >= te {
            continue;
        }
        if let Some((k, c)) = body.char_indices().find(|(_, c)| is_bidi_control(*c)) {
            // A control reorders from where it stands to the end of its paragraph (the line here).
            push(&mut out, Unread { start: s + k, end: te, kind: Kind::Reordered(c) });
            continue;
        }
        if let Some(kind) = line_script(body) {
            push(&mut out, Unread { start: ts, end: te, kind });
            continue;
        }
        if disguised(body) {
            push(&mut out, Unread { start: ts, end: te, kind: Kind::Disguised });
        }
    }
    // Paragraphs of Latin words: their language.
    let mut para = vec![];
    for (ps, pe) in paragraphs(text) {
        let p = &text[ps..pe];
        if out.iter().any(|u| u.start < pe && ps < u.end) {
            continue; // already said
        }
        let words = latin_words(p);
        let kind = match latin_language(&words) {
            Some(l) => Kind::Language(l),
            None if words.len() >= MIN_NO_LANGUAGE_WORDS && english_share(&words, is_known) <= MAX_KNOWN_SHARE => Kind::NoLanguage,
            None => continue,
        };
        para.push(Unread { start: ps, end: pe, kind });
    }
    out.extend(para);
    out.sort_by_key(|u| u.start);
    out
}

/// The kind of a line with enough letters of a script other than Latin, else None.
fn line_script(line: &str) -> Option<Kind> {
    let mut counts: [(&str, usize); 16] = [("", 0); 16];
    let mut n = 0;
    for c in line.chars() {
        let Some(s) = script_of(c) else { continue };
        if let Some(slot) = counts[..n].iter_mut().find(|x| x.0 == s) {
            slot.1 += 1;
        } else if n < counts.len() {
            counts[n] = (s, 1);
            n += 1;
        }
    }
    let count = |s: &str| counts[..n].iter().find(|x| x.0 == s).map(|x| x.1).unwrap_or(0);
    let (kana, hangul, han) = (count("Hiragana") + count("Katakana"), count("Hangul"), count("Han"));
    if kana > 0 && kana + han >= MIN_IDEOGRAPHS {
        return Some(Kind::Script { script: if han > 0 { "Han and kana" } else { "kana" }, language: Some("Japanese") });
    }
    if hangul >= MIN_IDEOGRAPHS {
        return Some(Kind::Script { script: "Hangul", language: Some("Korean") });
    }
    if han >= MIN_IDEOGRAPHS {
        return Some(Kind::Script { script: "Han", language: Some("Chinese") });
    }
    let (script, most) = counts[..n].iter().copied().filter(|x| !matches!(x.0, "Han" | "Hangul" | "Hiragana" | "Katakana")).max_by_key(|x| x.1)?;
    let language = match script {
        "Greek" => Some("Greek"),
        "Hebrew" => Some("Hebrew"),
        "Thai" => Some("Thai"),
        "Armenian" => Some("Armenian"),
        "Georgian" => Some("Georgian"),
        _ => None,
    };
    (most >= MIN_LETTERS).then_some(Kind::Script { script, language })
}

/// Whether a line has a word that mixes Latin letters with letters of another script, or hides
/// an invisible character between two letters.
fn disguised(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_invisible(c) {
            let prev = chars[..i].iter().rev().find(|x| !is_invisible(**x));
            let next = chars[i + 1..].iter().find(|x| !is_invisible(**x));
            if prev.is_some_and(|p| p.is_alphabetic()) && next.is_some_and(|n| n.is_alphabetic()) && c != '\u{AD}' {
                return true;
            }
        }
    }
    line.split(|c: char| !(c.is_alphabetic())).any(|w| {
        let latin = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let other = w.chars().filter(|c| matches!(script_of(*c), Some("Cyrillic" | "Greek"))).count();
        latin >= 1 && other >= 1
    })
}

/// Paragraphs of a text (runs of lines without a blank line), as trimmed byte spans.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            start.get_or_insert(at + lead);
            end = at + line.trim_end().len();
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        unread_passages(text, &|_| false).iter().map(|u| u.kind.name()).collect()
    }

    #[test]
    fn english_is_read() {
        let t = "Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n\n\
                 THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n";
        assert!(kinds(t).is_empty(), "{:?}", kinds(t));
    }

    #[test]
    fn scripts_are_named() {
        assert_eq!(kinds("仅供学术研究使用。"), ["Chinese"]);
        assert_eq!(kinds("このモデルは研究目的でのみ使用できます。"), ["Japanese"]);
        assert_eq!(kinds("이 모델은 연구 목적으로만 사용할 수 있습니다."), ["Korean"]);
        assert_eq!(kinds("Использование только для исследований."), ["Cyrillic script"]);
    }

    #[test]
    fn latin_languages_are_named() {
        assert_eq!(kinds("Die Gewichte dürfen nur für Forschungszwecke verwendet werden."), ["German"]);
        assert_eq!(kinds("Les poids ne peuvent être utilisés que pour la recherche."), ["French"]);
        assert_eq!(kinds("Los pesos solo pueden usarse para la investigación y nada más."), ["Spanish"]);
    }

    #[test]
    fn controls_and_disguises() {
        let t = "Use is free.\n\u{202E}.esu laicremmoc oN\n";
        let u = unread_passages(t, &|_| false);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].kind, Kind::Reordered('\u{202E}'));
        assert_eq!(&t[u[0].start..u[0].end], "\u{202E}.esu laicremmoc oN");
        assert_eq!(kinds("Only n\u{43E}n-commercial use."), ["disguised words"]);
        assert_eq!(kinds("Only com\u{200B}mercial use."), ["disguised words"]);
    }

    #[test]
    fn spans_are_the_passages() {
        let t = "MIT License\n\n本模型仅限非商业用途。\n第二行。\n\nEnd.";
        let u = unread_passages(t, &|_| false);
        assert_eq!(u.len(), 1, "{u:?}");
        assert_eq!(&t[u[0].start..u[0].end], "本模型仅限非商业用途。\n第二行。");
    }
}
