//! A searchable view of one document: pure ASCII, lower-cased, one space for
//! any run of whitespace, straight quotes and dashes, markdown emphasis and
//! escapes removed, currency signs spelled out (`€` -> `eur`), any other
//! non-ASCII letter `x` and symbol `~`. Every byte of the view maps back to the
//! character of the original it came from, so a match in the view becomes
//! verbatim evidence in the input. Being ASCII, the view is searched with
//! byte regexes in ASCII mode: small automata, no Unicode tables.

/// The normalized view of a document.
pub struct View<'a> {
    /// The original text.
    pub orig: &'a str,
    /// The normalized text the detectors search.
    pub norm: String,
    /// For each byte of `norm`: start offset in `orig` of the character that produced it.
    start: Vec<u32>,
    /// For each byte of `norm`: end offset in `orig` of the character that produced it.
    end: Vec<u32>,
}

impl<'a> View<'a> {
    /// Build the view.
    pub fn new(orig: &'a str) -> View<'a> {
        let mut v = View { orig, norm: String::with_capacity(orig.len()), start: Vec::with_capacity(orig.len()), end: Vec::with_capacity(orig.len()) };
        let mut chars = orig.char_indices().peekable();
        // Pending whitespace: (start, end, newlines, next is a list item).
        let mut ws: Option<(usize, usize, usize)> = None;
        while let Some((i, c)) = chars.next() {
            let clen = c.len_utf8();
            if c.is_whitespace() {
                let nl = usize::from(c == '\n');
                ws = Some(match ws {
                    Some((s, _, n)) => (s, i + clen, n + nl),
                    None => (i, i + clen, nl),
                });
                continue;
            }
            // A bullet ("* ", "• ") starting a line is a list marker: "-".
            let bullet = matches!(c, '*' | '\u{2022}')
                && (v.norm.is_empty() || ws.is_some_and(|w| w.2 > 0))
                && chars.peek().is_some_and(|&(_, n)| n == ' ' || n == '\t');
            // Markdown: drop emphasis markers and backslash escapes.
            if c == '*' && !bullet {
                continue;
            }
            if c == '\\' {
                if let Some(&(_, n)) = chars.peek() {
                    if n.is_ascii_punctuation() {
                        continue;
                    }
                }
            }
            if let Some((s, e, nl)) = ws.take() {
                if !v.norm.is_empty() {
                    // A blank line, or a line starting a list item, ends a paragraph.
                    let para = nl >= 2 || (nl == 1 && starts_list_item(&orig[i..]));
                    v.push(if para { '\n' } else { ' ' }, s, e);
                }
            }
            if bullet {
                v.push('-', i, i + clen);
                continue;
            }
            for m in ascii(c).chars() {
                v.push(m, i, i + clen);
            }
        }
        v
    }

    fn push(&mut self, c: char, s: usize, e: usize) {
        debug_assert!(c.is_ascii());
        self.norm.push(c);
        self.start.push(s as u32);
        self.end.push(e as u32);
    }

    /// The normalized range that covers the original range `a..z` (the characters that start at
    /// or after `a` and end at or before `z`); `None` when no character lies wholly inside.
    pub fn norm_range(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        let s = self.start.partition_point(|&x| (x as usize) < a);
        let e = self.end.partition_point(|&x| (x as usize) <= z);
        (s < e).then_some((s, e))
    }

    /// Original byte range of the normalized range `s..e` (`s < e`).
    pub fn orig_range(&self, s: usize, e: usize) -> (usize, usize) {
        debug_assert!(s < e && e <= self.norm.len());
        (self.start[s] as usize, self.end[e - 1] as usize)
    }

    /// The sentence (or list item, or clause ending in a colon) around `s..e` of `norm`.
    pub fn sentence(&self, s: usize, e: usize) -> (usize, usize) {
        let b = self.norm.as_bytes();
        // Bounded walks: a "sentence" of megabytes (hostile or broken input)
        // costs at most SENTENCE_REACH per match.
        let mut a = s;
        while a > 0 && s - a < SENTENCE_REACH && !is_boundary_before(b, a) {
            a -= 1;
        }
        let mut z = e.max(s);
        while z < b.len() && z - e.max(s) < SENTENCE_REACH && !is_boundary_after(b, z) {
            z += 1;
        }
        while a < z && b[a] == b' ' {
            a += 1;
        }
        (a, z)
    }
}

impl View<'_> {
    /// The start of the list a sentence belongs to: walks back over list items
    /// (sentences ending in `;` or `:`, or starting with a list marker) to the
    /// lead-in ending in `:` ("You are encouraged to: (i) ...; (ii) ..."), at
    /// most [`LIST_REACH`] bytes back. Returns `ss` when the sentence is in no list.
    pub fn list_start(&self, ss: usize) -> usize {
        let b = self.norm.as_bytes();
        let mut cur = ss;
        let mut lead = None;
        while cur > 0 && ss - cur < LIST_REACH {
            // The previous sentence ends just before `cur` (skip the separator).
            let mut pe = cur;
            while pe > 0 && matches!(b[pe - 1], b' ' | b'\n') {
                pe -= 1;
            }
            if pe == 0 {
                break;
            }
            let last = b[pe - 1];
            let (ps, _) = self.sentence(pe - 1, pe);
            if last == b':' {
                // A lead-in that is itself an item of an outer list (it has a list
                // marker, or the sentence before it ends in `;`), or the label of a
                // "Label: text" item, or a sentence inside one: keep climbing.
                let nested = starts_list_item(&self.norm[ps..])
                    || self.prev_end(ps) == Some(b';')
                    || self.label(ps, pe)
                    || self.in_label_item(ps);
                if !nested || ps >= cur {
                    return ps;
                }
                lead = Some(ps);
                cur = ps;
                continue;
            }
            // A heading right over the list ("## Prohibited uses", or a short line with no closing
            // punctuation, then the items) is its lead-in, as a sentence ending in `:` is.
            if ps < cur && starts_list_item(&self.norm[cur..]) && self.heading(ps, pe, cur) {
                return ps;
            }
            // A sentence announcing the list and closed by a period ("The User shall not do the
            // following acts.", "... are prohibited as follows.") is its lead-in too.
            if ps < cur && last == b'.' && starts_list_item(&self.norm[cur..]) && announces(&self.norm[ps..pe]) {
                return ps;
            }
            // An item, or the "or"/"and" after the `;` of one ("(a) a copy; and" then "(b) ...").
            let item = last == b';'
                || starts_list_item(&self.norm[ps..])
                || self.in_label_item(ps)
                || matches!(self.norm[ps..pe].trim(), "or" | "and" | "and/or");
            if !item || ps >= cur {
                break;
            }
            cur = ps;
        }
        lead.unwrap_or(ss)
    }
}

impl View<'_> {
    /// Whether the sentence `ps..pe` is a heading: a markdown heading, or a short line (at most
    /// [`HEADING_MAX`] bytes) of words with no closing punctuation, on a line of its own.
    /// `next` is where the following sentence starts.
    fn heading(&self, ps: usize, pe: usize, next: usize) -> bool {
        let b = self.norm.as_bytes();
        let line_start = ps == 0 || b[..ps].iter().rev().find(|c| **c != b' ').is_none_or(|c| *c == b'\n');
        let line_end = b[pe..next].contains(&b'\n');
        if !line_start || !line_end {
            return false;
        }
        let text = &self.norm[ps..pe];
        if let Some(rest) = text.strip_prefix('#') {
            return !rest.trim_start_matches('#').trim().is_empty();
        }
        text.len() <= HEADING_MAX
            && text.bytes().any(|c| c.is_ascii_alphabetic())
            && !starts_list_item(text)
            && !matches!(b[pe - 1], b'.' | b';' | b',' | b')' | b'"')
    }

    /// Whether the sentence `ps..pe` is the label of a "Label: text" item (a definition list
    /// under a lead-in, as in "**Fraud and deception:** misrepresenting ..."): a short phrase
    /// ending in `:` that starts a line, with the item's text after it on the same line.
    fn label(&self, ps: usize, pe: usize) -> bool {
        let b = self.norm.as_bytes();
        let line_start = ps == 0 || b[..ps].iter().rev().find(|c| **c != b' ').is_none_or(|c| *c == b'\n');
        line_start
            && pe > ps
            && pe - ps <= LABEL_MAX
            && b[pe - 1] == b':'
            && b[ps..pe].iter().any(|c| c.is_ascii_alphabetic())
            && b.get(pe) == Some(&b' ')
            && b.get(pe + 1).is_some_and(|c| *c != b'\n')
    }

    /// Whether the sentence starting at `ss` is in a "Label: text" item: its line starts with a label.
    fn in_label_item(&self, ss: usize) -> bool {
        let b = self.norm.as_bytes();
        let ls = b[..ss].iter().rposition(|c| *c == b'\n').map_or(0, |i| i + 1);
        if ls >= b.len() || ss - ls > SENTENCE_REACH {
            return false;
        }
        let (a, z) = self.sentence(ls, ls + 1);
        a < ss && self.label(a, z)
    }

    /// The last byte of the sentence before the one starting at `ss`.
    fn prev_end(&self, ss: usize) -> Option<u8> {
        let b = self.norm.as_bytes();
        let mut pe = ss;
        while pe > 0 && matches!(b[pe - 1], b' ' | b'\n') {
            pe -= 1;
        }
        (pe > 0).then(|| b[pe - 1])
    }
}

/// How far (bytes) a sentence extends on each side of a match at most.
pub const SENTENCE_REACH: usize = 3000;

/// How far back (bytes) a list item looks for its lead-in.
pub const LIST_REACH: usize = 4000;
/// A line this short, with no closing punctuation, over a list is read as its heading.
const HEADING_MAX: usize = 80;
/// A "Label:" starting a line's item is at most this long.
const LABEL_MAX: usize = 60;

/// The ASCII spelling of one character in the view.
fn ascii(c: char) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    if c.is_ascii() {
        return match c {
            '`' => Cow::Borrowed("'"),
            c => Cow::Owned(c.to_ascii_lowercase().to_string()),
        };
    }
    Cow::Borrowed(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' | '\u{300C}' | '\u{300D}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{00B4}' | '\u{2032}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{20AC}' => "eur",
        '\u{00A3}' => "gbp",
        '\u{00A5}' | '\u{FFE5}' => "cny",
        '\u{20A9}' => "krw",
        '\u{00A7}' => "section",
        '\u{00A9}' => "(c)",
        '\u{3002}' | '\u{FF0E}' => ".",
        '\u{FF0C}' | '\u{3001}' => ",",
        '\u{FF1A}' => ":",
        '\u{FF1B}' => ";",
        '\u{FF08}' => "(",
        '\u{FF09}' => ")",
        '\u{2122}' | '\u{00AE}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => "",
        c if c.is_alphanumeric() => "x",
        _ => "~",
    })
}

/// Whether a sentence announces a list that follows it ("... the following acts.", "... as follows.").
fn announces(sentence: &str) -> bool {
    let s = sentence.trim_end_matches('.');
    s.ends_with("as follows") || s.rsplit(' ').take(2).any(|w| w == "following")
}

fn starts_list_item(rest: &str) -> bool {
    let b = rest.as_bytes();
    if let Some(r) = rest.strip_prefix('*').or_else(|| rest.strip_prefix('\u{2022}')) {
        return r.starts_with([' ', '\t']);
    }
    match b.first() {
        Some(b'-') | Some(b'+') | Some(b'#') | Some(b'|') => true,
        Some(c) if c.is_ascii_digit() || c.is_ascii_alphabetic() || *c == b'(' => {
            // "1. ", "a) ", "(iv) ", "12. "
            let mut i = 0;
            if b[0] == b'(' {
                i = 1;
            }
            let st = i;
            while i < b.len() && i - st < 4 && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            i > st && i + 1 < b.len() && matches!(b[i], b'.' | b')') && b[i + 1] == b' ' || b.get(i + 1) == Some(&b'\t')
        }
        _ => false,
    }
}

/// Is `norm[i]` the first byte of a sentence (the previous bytes end one)?
fn is_boundary_before(b: &[u8], i: usize) -> bool {
    let p = b[i - 1];
    if p == b'\n' {
        return true;
    }
    if p == b' ' && i >= 2 && matches!(b[i - 2], b'.' | b';' | b'!' | b'?' | b':') {
        return b[i - 2] != b'.' || !is_abbreviation(b, i - 2);
    }
    // `.)` and `."` end a sentence too.
    if p == b' ' && i >= 3 && matches!(b[i - 2], b')' | b'"') && b[i - 3] == b'.' {
        return true;
    }
    false
}

/// Does a sentence end at `norm[..i]` (so `norm[i]` is not part of it)?
fn is_boundary_after(b: &[u8], i: usize) -> bool {
    if b[i] == b'\n' {
        return true;
    }
    if i > 0 && b[i] == b' ' && matches!(b[i - 1], b'.' | b';' | b'!' | b'?' | b':') {
        return b[i - 1] != b'.' || !is_abbreviation(b, i - 1);
    }
    if i > 1 && b[i] == b' ' && matches!(b[i - 1], b')' | b'"') && b[i - 2] == b'.' {
        return true;
    }
    false
}

/// Is the period at `b[dot]` part of an abbreviation ("e.g.", "u.s.", "inc.", "sec.")?
fn is_abbreviation(b: &[u8], dot: usize) -> bool {
    let mut w = dot;
    while w > 0 && (b[w - 1].is_ascii_alphanumeric() || b[w - 1] == b'.') {
        w -= 1;
    }
    let word = &b[w..dot];
    // A period after a closing bracket or quote ("... the other party).") ends a sentence.
    if word.is_empty() && dot > 0 && matches!(b[dot - 1], b')' | b'"' | b'\'' | b']') {
        return false;
    }
    word.len() <= 1
        || word.contains(&b'.')
        || matches!(word, b"inc" | b"ltd" | b"co" | b"corp" | b"no" | b"sec" | b"etc" | b"vs" | b"al" | b"st" | b"mr" | b"dr" | b"jr" | b"art" | b"para")
        || word.iter().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_the_original() {
        let t = "You  **MUST**\n  not use “Llama”\\_3 — ok, 5€ née.";
        let v = View::new(t);
        assert_eq!(v.norm, "you must not use \"llama\"_3 - ok, 5eur nxe.");
        let s = v.norm.find("eur").unwrap();
        assert_eq!(v.orig_range(s, s + 3), (t.find('€').unwrap(), t.find('€').unwrap() + 3));
        let s = v.norm.find("\"llama\"").unwrap();
        let (a, z) = v.orig_range(s, s + 7);
        assert_eq!(&t[a..z], "“Llama”");
        let s = v.norm.find("must not").unwrap();
        let (a, z) = v.orig_range(s, s + 8);
        assert_eq!(&t[a..z], "MUST**\n  not");
    }

    #[test]
    fn a_period_after_a_bracket_ends_a_sentence() {
        let v = View::new("It ends on notice (to the other party). It also ends on breach.");
        let s = v.norm.find("notice").unwrap();
        let (a, z) = v.sentence(s, s + 6);
        assert_eq!(&v.norm[a..z], "it ends on notice (to the other party).");
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let v = View::new("First one. Then e.g. a license, U.S. law applies; next");
        let s = v.norm.find("license").unwrap();
        let (a, z) = v.sentence(s, s + 7);
        assert_eq!(&v.norm[a..z], "then e.g. a license, u.s. law applies;");
    }

    #[test]
    fn list_items_find_their_lead_in() {
        let v = View::new("Intro. You are encouraged to: (i) publish a post; (ii) give feedback; and (iii) mark it \"Powered by X\". Next.");
        let s = v.norm.find("mark").unwrap();
        let (ss, _) = v.sentence(s, s + 4);
        let ls = v.list_start(ss);
        assert!(v.norm[ls..].starts_with("you are encouraged to:"), "{}", &v.norm[ls..]);
        let s = v.norm.find("intro").unwrap();
        assert_eq!(v.list_start(s), s);
        // Nested: the inner lead-in is an item of an outer list.
        let v = View::new("Intro. You will not use it to:\n1. Engage in risky activities, related to the following:\na. Military, warfare;\nb. Guns;\n");
        let s = v.norm.find("guns").unwrap();
        let (ss, _) = v.sentence(s, s + 4);
        assert!(v.norm[v.list_start(ss)..].starts_with("you will not use it to:"));
        // A sentence announcing the list, closed by a period.
        let v = View::new("Rules apply. The User shall not do the following acts.\n 1. Spamming.\n 2. The act of using it for weapons.\n");
        let s = v.norm.find("weapons").unwrap();
        let (ss, _) = v.sentence(s, s + 7);
        assert!(v.norm[v.list_start(ss)..].starts_with("the user shall not do the following acts."), "{}", &v.norm[v.list_start(ss)..]);
        // A sentence that does not announce the list is not its lead-in.
        let v = View::new("The User shall not spam.\n 1. The act of using it for weapons.\n");
        let s = v.norm.find("weapons").unwrap();
        let (ss, _) = v.sentence(s, s + 7);
        assert!(v.norm[v.list_start(ss)..].starts_with("1. the act"), "{}", &v.norm[v.list_start(ss)..]);
    }

    #[test]
    fn label_items_find_the_lead_in_above_them() {
        // A policy of "**Label:** text" paragraphs under one lead-in, with bullets in one item.
        let t = "Intro. You may not use the models for any of the following prohibited uses:\n\n**Harm:** hurting people.\n\n**Fraud:** deceiving people, through methods including:\n\n* spam; or\n* phishing.\n\n**Data:** generating synthetic data to train models.\n";
        let v = View::new(t);
        for w in ["synthetic", "phishing", "deceiving", "hurting"] {
            let s = v.norm.find(w).unwrap();
            let (ss, _) = v.sentence(s, s + w.len());
            assert!(v.norm[v.list_start(ss)..].starts_with("you may not use the models"), "{w}: {}", &v.norm[v.list_start(ss)..]);
        }
        // A label with nothing above it but prose: the label is the lead-in, as before.
        let v = View::new("Scope.\nGoverning law: this agreement is governed by the laws of Texas.");
        let s = v.norm.find("this agreement").unwrap();
        assert_eq!(v.list_start(s), v.norm.find("governing").unwrap());
        // A long sentence ending in a colon is no label.
        let v = View::new("Rules.\nYou agree that you will never use the weights or any output of them for any of these: harm.");
        let s = v.norm.find("harm").unwrap();
        assert!(v.norm[v.list_start(s)..].starts_with("you agree"));
    }

    #[test]
    fn bullets_are_list_markers() {
        let v = View::new("Do not:\n* harm people;\n\t\u{2022}\tspam.\n*Emphasis* stays text.");
        assert_eq!(v.norm, "do not:\n- harm people;\n- spam. emphasis stays text.");
    }

    #[test]
    fn paragraphs_and_list_items_break_sentences() {
        let v = View::new("Do not use it to:\n1. harm people\n2. spam\n\nNew para");
        assert_eq!(v.norm, "do not use it to:\n1. harm people\n2. spam\nnew para");
    }
}
