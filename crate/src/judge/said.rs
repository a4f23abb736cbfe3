//! The sentences the core writes for the reader beyond its clause summaries and answers (warnings,
//! the ancestry's notes, a verdict's rarer reasons, what was not read), as messages of the UI's
//! message files, so that the panel and the checker say them in the reader's language.
//!
//! The messages are those of `_locales/en/messages.json` whose ids start with `core_`: build.rs
//! copies their English texts here (`SAID`). A sentence is tagged after it is written, by finding
//! the message whose English text, its `$1`, `$2`, ... filled, gives exactly that sentence; each
//! filled part is itself tagged when it is such a sentence or word (a language's name, a verdict's
//! label), and kept as text otherwise (a quote, a license id, a model id). So the English the report
//! carries and the message beside it cannot say different things: the test that renders every
//! message of a wide sweep of reports back to English checks it.

use crate::report::{Message, MessageArg};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/said.rs"));

/// The message that says `english`, when one of the `core_` messages does.
pub fn message(english: &str) -> Option<Message> {
    tag(english, 0)
}

/// A clause kind's label, as the UI's message files say it in English (`kind_<id>_label`); the id
/// itself for a kind they do not name.
pub fn kind_label(kind: &str) -> &str {
    let id = format!("kind_{kind}_label");
    SAID.iter().find(|(k, _)| *k == id).map(|(_, t)| *t).unwrap_or(kind)
}

/// How deep a filled part is tagged in turn (a reason that holds a verdict's label that holds an id).
const MAX_DEPTH: usize = 3;

fn tag(english: &str, depth: usize) -> Option<Message> {
    if depth > MAX_DEPTH || english.is_empty() {
        return None;
    }
    if let Some(m) = crate::judge::verdict::label_message(english) {
        return Some(m);
    }
    for (id, pieces) in templates() {
        let mut args = Vec::with_capacity(pieces.len().saturating_sub(1));
        if fill(&pieces, english, &mut args) {
            let args = args
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    // A part between quotation marks is a quote: always as given.
                    let quoted = pieces[i].ends_with('“') || pieces[i].ends_with('\'') || pieces[i].ends_with('"');
                    match (quoted, tag(a, depth + 1)) {
                        (false, Some(m)) => MessageArg::Message(m),
                        _ => MessageArg::Text((*a).to_string()),
                    }
                })
                .collect();
            return Some(Message::with(*id, args));
        }
    }
    None
}

/// Every `core_` message's id and its template's pieces ([`split`]), split once.
fn templates() -> &'static [(&'static str, Vec<String>)] {
    static PIECES: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    PIECES.get_or_init(|| SAID.iter().map(|(id, t)| (*id, split(t))).collect())
}

/// A template's literal pieces around its holes (`$1`..`$9` in order; `$$` is a dollar sign).
fn split(template: &str) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('$', Some('$')) => {
                chars.next();
                pieces.last_mut().unwrap().push('$');
            }
            ('$', Some(d)) if d.is_ascii_digit() => {
                chars.next();
                pieces.push(String::new());
            }
            _ => pieces.last_mut().unwrap().push(c),
        }
    }
    pieces
}

/// Whether `s` is the pieces with something non-empty in each hole; the holes' texts in `args`.
/// Each hole takes the shortest text after which the rest still matches.
fn fill<'a>(pieces: &[String], s: &'a str, args: &mut Vec<&'a str>) -> bool {
    let Some(rest) = s.strip_prefix(pieces[0].as_str()) else { return false };
    if pieces.len() == 1 {
        return rest.is_empty();
    }
    let next = &pieces[1];
    let mut from = 1; // a hole is never empty
    while from <= rest.len() {
        if !rest.is_char_boundary(from) {
            from += 1;
            continue;
        }
        let found = if pieces.len() == 2 && next.is_empty() {
            Some(rest.len())
        } else if pieces.len() == 2 {
            // The last piece ends the sentence.
            rest.ends_with(next.as_str()).then(|| rest.len() - next.len()).filter(|&at| at >= from)
        } else if next.is_empty() {
            None // two holes side by side: no way to tell them apart
        } else {
            rest[from..].find(next.as_str()).map(|i| from + i)
        };
        let Some(at) = found else { return false };
        args.push(&rest[..at]);
        if pieces.len() == 2 || fill(&pieces[1..], &rest[at..], args) {
            return true;
        }
        args.pop();
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_take_the_shortest_text_that_lets_the_rest_match() {
        let p = split("$1: “$2”");
        let mut args = vec![];
        assert!(fill(&p, "Part of it is in Chinese: it was read: “甲乙”", &mut args));
        assert_eq!(args, ["Part of it is in Chinese: it was read", "甲乙"]);
        let mut args = vec![];
        assert!(!fill(&p, "no quote here", &mut args));
        assert!(args.is_empty());
        assert_eq!(split("costs $$5 for $1"), vec!["costs $5 for ".to_string(), String::new()]);
    }

    #[test]
    fn every_core_message_is_tagged_back_from_its_own_english() {
        assert!(SAID.len() >= 10, "{} core messages", SAID.len());
        for (id, template) in SAID {
            // Fill each hole with a word no template holds, so that it stays text.
            let pieces = split(template);
            let mut english = pieces[0].clone();
            for (i, p) in pieces[1..].iter().enumerate() {
                english.push_str(&format!("Zq{i}"));
                english.push_str(p);
            }
            if crate::judge::verdict::label_message(&english).is_some() {
                continue; // a verdict's label, tagged as one
            }
            let m = message(&english).unwrap_or_else(|| panic!("{id}: {english}"));
            // Another template may say the same words (a shorter one is tried first): then it must
            // render the same English, which the i18n test checks; here the id must at least be one
            // whose template gives these words.
            let same = SAID.iter().find(|(i, _)| *i == m.id).map(|(_, t)| t).unwrap();
            let mut args = vec![];
            assert!(fill(&split(same), &english, &mut args), "{id} tagged as {}", m.id);
        }
    }
}
