//! Whether a sentence reads as a term (an obligation, a prohibition, a condition, a limit) or as
//! words beside one (a heading, a project's description, a link, a request). The vocabulary is data:
//! `crate/data/term-cues.txt`.

use std::sync::OnceLock;

/// The term vocabulary, as written in the data file.
pub const DATA: &str = include_str!("../../data/term-cues.txt");

/// The three lists of the data file.
#[derive(Debug, Default)]
pub struct Cues {
    /// A sentence with one of these binds, whatever else it says.
    pub binding: Vec<&'static str>,
    /// These bind unless a `not_binding` phrase softens the sentence.
    pub cue: Vec<&'static str>,
    /// A request, a wish or advice ("we ask", "should not").
    pub not_binding: Vec<&'static str>,
}

/// Parse the data: `[binding]`, `[cue]` and `[not-binding]` sections of one phrase per line;
/// `#` starts a comment line. Errors name the line.
pub fn parse(data: &'static str) -> Result<Cues, String> {
    let mut c = Cues::default();
    let mut section: Option<&mut Vec<&'static str>> = None;
    for (n, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = Some(match line {
                "[binding]" => &mut c.binding,
                "[cue]" => &mut c.cue,
                "[not-binding]" => &mut c.not_binding,
                _ => return Err(format!("line {}: unknown section {line}", n + 1)),
            });
            continue;
        }
        if line.chars().any(|ch| ch.is_uppercase()) || line.contains("  ") {
            return Err(format!("line {}: \"{line}\" must be lower-case words with single spaces", n + 1));
        }
        match section.as_deref_mut() {
            Some(s) if s.contains(&line) => return Err(format!("line {}: \"{line}\" is listed twice", n + 1)),
            Some(s) => s.push(line),
            None => return Err(format!("line {}: \"{line}\" before any section", n + 1)),
        }
    }
    Ok(c)
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| parse(DATA).unwrap_or_default())
}

/// Whether lower-case text reads as a term. "Please note that you must not ..." binds; "We ask, but
/// do not require, ..." does not.
pub fn reads_as_terms(lower: &str) -> bool {
    let flat = lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\'')).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let padded = format!(" {flat} ");
    let has = |c: &&str| padded.contains(&format!(" {c} "));
    let c = cues();
    c.binding.iter().any(has) || c.cue.iter().any(has) && !c.not_binding.iter().any(has)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_parses_and_reads_both_ways() {
        let c = parse(DATA).expect("term-cues.txt");
        assert!(c.binding.len() >= 5 && c.cue.len() >= 30 && c.not_binding.len() >= 5);
        assert!(reads_as_terms("the model may not be used for military purposes."));
        assert!(reads_as_terms("for research purposes only"));
        assert!(!reads_as_terms("we ask, but do not require, that you cite the paper"));
        assert!(!reads_as_terms("lz4 library - extremely fast compression"));
        assert!(parse("[cue]\nMust\n").is_err());
        assert!(parse("[cue]\nmust\nmust\n").is_err());
        assert!(parse("must\n").is_err());
    }
}
