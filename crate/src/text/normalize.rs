//! Normalization of license text for matching, after the SPDX matching
//! guidelines: case, whitespace, punctuation, quotes and dashes, bullets and
//! numbering, copyright lines, URL schemes and equivalent spellings
//! (licence/license), plus stripping of HTML and Markdown markup.
//!
//! The output is a stream of word tokens, each with its byte span in the text
//! exactly as given, so a difference found between tokens can be reported at
//! its place in the input. The same code normalizes the known texts at build
//! time (`build.rs` includes this file), so both sides always agree.
//!
//! Only `std` is used here: `build.rs` compiles this file on its own.

use std::borrow::Cow;

/// The token is the first of its line.
pub const FLAG_LINE_START: u8 = 1;
/// The token is list numbering (`1.`, `(a)`, `iv.`): a formatting difference.
pub const FLAG_BULLET: u8 = 2;
/// The token starts a paragraph (first token, or after a blank line).
pub const FLAG_PARA_START: u8 = 4;
/// The token is part of a copyright notice (`Copyright (c) 2024 Acme. All
/// rights reserved.`): kept for alignment, but never a change of terms.
pub const FLAG_COPYRIGHT: u8 = 8;

/// Normalized tokens of one text.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    /// All normalized words, concatenated.
    pub words: String,
    /// End of each token's word in `words` (its start is the previous end).
    pub word_ends: Vec<u32>,
    /// Byte span of each token in the original text.
    pub spans: Vec<(u32, u32)>,
    /// `FLAG_*` bits of each token.
    pub flags: Vec<u8>,
}

impl Tokens {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.word_ends.len()
    }
    /// No token.
    pub fn is_empty(&self) -> bool {
        self.word_ends.is_empty()
    }
    /// The normalized word of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let s = if i == 0 { 0 } else { self.word_ends[i - 1] as usize };
        &self.words[s..self.word_ends[i] as usize]
    }
    fn push(&mut self, word: &str, span: (u32, u32), flags: u8) {
        self.words.push_str(word);
        self.word_ends.push(self.words.len() as u32);
        self.spans.push(span);
        self.flags.push(flags);
    }
}

// ---------------------------------------------------------------------------
// Markup stripping (HTML tags, comments, entities; Markdown link targets)

/// Tags whose markup is dropped; all others (`<year>`, `<owner>`) are text.
const KNOWN_TAGS: &[&str] = &[
    "a", "abbr", "article", "aside", "b", "blockquote", "body", "br", "button", "caption", "center",
    "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link",
    "main", "mark", "meta", "nav", "noscript", "ol", "option", "p", "path", "picture", "pre", "q",
    "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong",
    "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot",
    "th", "thead", "time", "title", "tr", "tt", "u", "ul",
];
/// Tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];
/// Tags whose whole content is dropped.
const SKIP_CONTENT_TAGS: &[&str] = &["head", "script", "style", "noscript", "svg", "template", "textarea", "button"];

/// Text with markup removed, and a map back to the original's byte offsets.
pub struct Clean<'a> {
    /// The text without markup.
    pub text: Cow<'a, str>,
    /// `(clean offset, original offset)` at the start of each copied segment, ascending.
    segs: Vec<(u32, u32)>,
}

impl Clean<'_> {
    /// Original byte offset of a clean byte offset.
    pub fn orig(&self, clean: usize) -> usize {
        let k = self.segs.partition_point(|s| s.0 as usize <= clean);
        let (c, o) = self.segs[k.saturating_sub(1)];
        o as usize + (clean - c as usize)
    }
}

fn tag_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    // Returns (end of the markup, ends a line).
    let rest = &b[i..];
    if rest.starts_with(b"<!--") {
        let end = find(b, i + 4, b"-->").map(|p| p + 3).unwrap_or(b.len());
        return Some((end, true));
    }
    if rest.len() > 2 && (rest[1] == b'!' || rest[1] == b'?') && rest[2].is_ascii_alphabetic() {
        let end = b[i..].iter().position(|&c| c == b'>')? + i + 1;
        return Some((end, true));
    }
    let mut j = i + 1;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let name_start = j;
    while j < b.len() && j - name_start < 12 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = std::str::from_utf8(&b[name_start..j]).ok()?.to_ascii_lowercase();
    if !KNOWN_TAGS.contains(&name.as_str()) {
        return None;
    }
    // Attributes: nothing, or something with `=` (so `<a copy>` stays text).
    let mut k = j;
    let mut has_eq = false;
    loop {
        match b.get(k) {
            None => return None,
            Some(b'>') => break,
            Some(b'<') => return None,
            Some(b'=') => has_eq = true,
            _ => {}
        }
        k += 1;
        if k - j > 4096 {
            return None;
        }
    }
    let attrs = &b[j..k];
    let only_space = attrs.iter().all(|c| c.is_ascii_whitespace() || *c == b'/');
    if !(only_space || (has_eq && attrs[0].is_ascii_whitespace())) {
        return None;
    }
    let mut end = k + 1;
    if !closing && SKIP_CONTENT_TAGS.contains(&name.as_str()) && !attrs.ends_with(b"/") {
        // Drop everything up to the closing tag.
        let mut p = end;
        loop {
            match find(b, p, b"</") {
                Some(q) => {
                    let tail = &b[q + 2..];
                    if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
                        end = b[q..].iter().position(|&c| c == b'>').map(|x| q + x + 1).unwrap_or(b.len());
                        break;
                    }
                    p = q + 2;
                }
                None => {
                    end = b.len();
                    break;
                }
            }
        }
    }
    Some((end, BLOCK_TAGS.contains(&name.as_str())))
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..].windows(pat.len()).position(|w| w == pat).map(|p| p + from)
}

fn entity_at(b: &[u8], i: usize) -> Option<(usize, char)> {
    let mut j = i + 1;
    while j < b.len() && j - i <= 10 && (b[j].is_ascii_alphanumeric() || b[j] == b'#') {
        j += 1;
    }
    if b.get(j) != Some(&b';') || j == i + 1 {
        return None;
    }
    let name = std::str::from_utf8(&b[i + 1..j]).ok()?;
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(v).unwrap_or(' ')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" | "ldquo" | "rdquo" | "bdquo" => '"',
            "apos" | "lsquo" | "rsquo" | "sbquo" => '\'',
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "copy" => '©',
            "ndash" | "mdash" | "minus" | "hyphen" => '-',
            "hellip" => '.',
            "sect" => '§',
            "reg" | "trade" | "middot" | "bull" | "laquo" | "raquo" => ' ',
            _ => return None,
        }
    };
    Some((j + 1, c))
}

/// Remove HTML markup (tags, comments, script/style content, entities) and
/// Markdown link targets, keeping a map to the original offsets.
pub fn strip_markup(text: &str) -> Clean<'_> {
    let b = text.as_bytes();
    if !b.iter().any(|&c| c == b'<' || c == b'&' || c == b']') {
        return Clean { text: Cow::Borrowed(text), segs: vec![(0, 0)] };
    }
    let mut out = String::with_capacity(text.len());
    let mut segs = vec![(0u32, 0u32)];
    let mut copy_from = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let repl: Option<(usize, char)> = match c {
            b'<' => tag_at(b, i).map(|(end, block)| (end, if block { '\n' } else { ' ' })),
            b'&' => entity_at(b, i),
            b']' if b.get(i + 1) == Some(&b'(') => {
                // Markdown link target `](url)`: keep the link text, drop the target.
                let start = i + 2;
                let mut k = start;
                // A target has no space or bracket: a scan stops at the first
                // (so a run of `](` stays linear).
                while k < b.len()
                    && k - start < 2048
                    && !matches!(b[k], b')' | b'(' | b'[' | b']' | b'<' | b'>')
                    && !b[k].is_ascii_whitespace()
                {
                    k += 1;
                }
                if b.get(k) == Some(&b')') && k > start {
                    Some((k + 1, ' '))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((end, ch)) = repl {
            out.push_str(&text[copy_from..i]);
            out.push(ch);
            segs.push((out.len() as u32, end as u32));
            i = end;
            copy_from = end;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copy_from..]);
    Clean { text: Cow::Owned(out), segs }
}

// ---------------------------------------------------------------------------
// Equivalent spellings (data: crate/data/equivalent-words.txt)

static EQUIVALENT_WORDS: &str = include_str!("../../data/equivalent-words.txt");

struct Equivalents {
    /// `(word, canonical)`, sorted by word.
    pairs: Vec<(&'static str, &'static str)>,
    /// Bit `len` of entry `first byte % 64` is set when some word has that
    /// first byte and length: most words are ruled out without a search.
    filter: [u64; 64],
}

fn equivalents() -> &'static Equivalents {
    static IDX: std::sync::OnceLock<Equivalents> = std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        let mut pairs: Vec<(&'static str, &'static str)> = EQUIVALENT_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('=').map(|(a, b)| (a.trim(), b.trim())))
            .collect();
        pairs.sort();
        let mut filter = [0u64; 64];
        for (w, _) in &pairs {
            filter[(w.as_bytes()[0] % 64) as usize] |= 1 << w.len().min(63);
        }
        Equivalents { pairs, filter }
    })
}

/// The canonical spelling of a normalized word (`licence` -> `license`), which
/// may be several words (`noncommercial` -> `non commercial`).
pub fn canonical(word: &str) -> Option<&'static str> {
    let eq = equivalents();
    let b = word.as_bytes();
    if b.is_empty() || eq.filter[(b[0] % 64) as usize] & (1 << b.len().min(63)) == 0 {
        return None;
    }
    eq.pairs.binary_search_by(|(a, _)| (*a).cmp(word)).ok().map(|k| eq.pairs[k].1)
}

// ---------------------------------------------------------------------------
// Tokenization

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn is_numbering(raw: &str) -> bool {
    let n = raw.len();
    if n == 0 || n > 4 {
        return false;
    }
    if raw.bytes().all(|c| c.is_ascii_digit()) {
        return n <= 3;
    }
    if n == 1 && raw.as_bytes()[0].is_ascii_alphabetic() {
        return true;
    }
    raw.bytes().all(|c| matches!(c.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l'))
}

struct RawTok {
    start: usize,
    end: usize,
}

/// Normalize a text into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let clean = strip_markup(text);
    let t: &str = &clean.text;
    let b = t.as_bytes();
    let mut out = Tokens::default();
    let mut line_toks: Vec<RawTok> = Vec::new();
    let mut word = String::new();
    let mut para_next = true;
    let mut line_start = 0;
    while line_start <= t.len() {
        let line_end = t[line_start..].find('\n').map(|p| p + line_start).unwrap_or(t.len());
        let line = &t[line_start..line_end];
        // Raw word tokens of the line.
        line_toks.clear();
        let mut ws: Option<usize> = None;
        for (k, c) in line.char_indices() {
            if c.is_alphanumeric() || c == '©' {
                if is_cjk(c) || c == '©' {
                    if let Some(s) = ws.take() {
                        line_toks.push(RawTok { start: line_start + s, end: line_start + k });
                    }
                    line_toks.push(RawTok { start: line_start + k, end: line_start + k + c.len_utf8() });
                } else if ws.is_none() {
                    ws = Some(k);
                }
            } else if let Some(s) = ws.take() {
                line_toks.push(RawTok { start: line_start + s, end: line_start + k });
            }
        }
        if let Some(s) = ws.take() {
            line_toks.push(RawTok { start: line_start + s, end: line_end });
        }
        if line_toks.is_empty() {
            para_next = true;
        } else {
            let notice = copyright_line_tokens(t, &line_toks, line_end);
            // Numbering at the start of the line: `1.`, `1.2`, `a)`, `(iv)`.
            let mut bullets = 0;
            while bullets < line_toks.len() && bullets < 4 {
                let rt = &line_toks[bullets];
                let raw = &t[rt.start..rt.end];
                let after = b.get(rt.end).copied();
                let before_ok = bullets > 0 || t[line_start..rt.start].chars().all(|c| !c.is_alphanumeric());
                if !before_ok || !is_numbering(raw) {
                    break;
                }
                let next_follows = line_toks.get(bullets + 1).map(|n| n.start == rt.end + 1).unwrap_or(false);
                match after {
                    Some(b'.') if next_follows && raw.bytes().all(|c| c.is_ascii_digit()) => bullets += 1,
                    Some(b'.') | Some(b')') | Some(b':') => {
                        bullets += 1;
                        break;
                    }
                    None => {
                        bullets += 1;
                        break;
                    }
                    Some(c) if c.is_ascii_whitespace() && bullets > 0 => {
                        bullets += 1;
                        break;
                    }
                    _ => break,
                }
            }
            for (k, rt) in line_toks.iter().enumerate() {
                let raw = &t[rt.start..rt.end];
                let mut flags = if k < notice { FLAG_COPYRIGHT } else { 0 };
                if k == 0 {
                    flags |= FLAG_LINE_START;
                    if para_next {
                        flags |= FLAG_PARA_START;
                    }
                }
                let inline_bullet = is_numbering(raw)
                    && rt.start > 0
                    && b[rt.start - 1] == b'('
                    && b.get(rt.end) == Some(&b')')
                    && (rt.start < 2 || !(b[rt.start - 2] as char).is_alphanumeric());
                if k < bullets || inline_bullet {
                    flags |= FLAG_BULLET;
                }
                word.clear();
                if raw == "©" {
                    word.push_str("copyright");
                } else if raw.is_ascii() {
                    word.push_str(raw);
                    word.make_ascii_lowercase();
                } else {
                    for c in raw.chars() {
                        word.extend(c.to_lowercase());
                    }
                }
                let span = (clean.orig(rt.start) as u32, clean.orig(rt.end) as u32);
                match canonical(&word) {
                    Some(canon) => {
                        for (n, w) in canon.split(' ').enumerate() {
                            out.push(w, span, if n == 0 { flags } else { flags & (FLAG_BULLET | FLAG_COPYRIGHT) });
                        }
                    }
                    None => out.push(&word, span, flags),
                }
            }
            para_next = false;
        }
        if line_end == t.len() {
            break;
        }
        line_start = line_end + 1;
    }
    drop_url_schemes(&mut out, text);
    out
}

/// How many leading tokens of a line form a copyright notice (0 if none).
fn copyright_line_tokens(t: &str, toks: &[RawTok], line_end: usize) -> usize {
    let first = &t[toks[0].start..toks[0].end];
    let is_c = first == "©" || first.eq_ignore_ascii_case("copyright");
    if !is_c {
        // A line that is only "All rights reserved".
        if toks.len() == 3 {
            let w: Vec<String> = toks.iter().map(|r| t[r.start..r.end].to_ascii_lowercase()).collect();
            if w == ["all", "rights", "reserved"] {
                return 3;
            }
        }
        return 0;
    }
    if first != "©" {
        let after = t[toks[0].end..line_end].trim_start_matches([' ', '\t', ':', '*', '_']);
        let ok = after.starts_with('©')
            || after.starts_with("(c)")
            || after.starts_with("(C)")
            || after.starts_with(['<', '[', '{'])
            || after.chars().next().map(|c| c.is_ascii_digit()).unwrap_or(false);
        if !ok {
            return 0;
        }
    }
    if toks.len() <= 25 {
        return toks.len();
    }
    // A long line: the notice ends at the first sentence end.
    for k in 2..toks.len() {
        let gap = &t[toks[k - 1].end..toks[k].start];
        let starts_upper = t[toks[k].start..].chars().next().map(|c| c.is_uppercase()).unwrap_or(false);
        if gap.contains(". ") && starts_upper && k >= 4 {
            return k;
        }
    }
    12.min(toks.len())
}

/// `http://www.x.org` and `https://x.org` are the same address: drop the scheme and `www`.
fn drop_url_schemes(toks: &mut Tokens, text: &str) {
    let n = toks.len();
    let mut keep = vec![true; n];
    let mut any = false;
    for i in 0..n {
        let w = toks.word(i);
        let (_, e) = toks.spans[i];
        let rest = &text.as_bytes()[e as usize..];
        if (w == "http" || w == "https" || w == "ftp") && rest.starts_with(b"://") {
            keep[i] = false;
            any = true;
        } else if w == "www" && rest.starts_with(b".") && i > 0 && !keep[i - 1] {
            keep[i] = false;
        }
    }
    if !any {
        return;
    }
    let mut out = Tokens::default();
    for i in 0..n {
        if keep[i] {
            let mut f = toks.flags[i];
            if i > 0 && !keep[i - 1] && toks.flags[i - 1] & FLAG_LINE_START != 0 {
                f |= toks.flags[i - 1] & (FLAG_LINE_START | FLAG_PARA_START);
            }
            out.push(toks.word(i), toks.spans[i], f);
        }
    }
    *toks = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let k = tokenize(t);
        (0..k.len()).map(|i| k.word(i).to_string()).collect()
    }

    #[test]
    fn case_punctuation_quotes_and_spelling() {
        assert_eq!(words("The “Licence”—is it?"), ["the", "license", "is", "it"]);
        assert_eq!(words("Non-commercial"), words("noncommercial"));
    }

    #[test]
    fn html_is_stripped_with_offsets_kept() {
        let html = "<html><head><title>X Y</title></head><body><p>Permission&nbsp;is <b>granted</b></p></body></html>";
        let k = tokenize(html);
        assert_eq!(words(html), ["permission", "is", "granted"]);
        let (s, e) = k.spans[2];
        assert_eq!(&html[s as usize..e as usize], "granted");
        // Placeholders are not markup.
        assert_eq!(words("Copyright line\n<year> <owner>"), ["copyright", "line", "year", "owner"]);
    }

    #[test]
    fn copyright_lines_are_flagged_and_url_schemes_dropped() {
        let k = tokenize("Copyright (c) 2024 Foo Inc.\nAll rights reserved.\nPermission");
        let notice: Vec<bool> = k.flags.iter().map(|f| f & FLAG_COPYRIGHT != 0).collect();
        assert_eq!(notice, [true, true, true, true, true, true, true, true, false]);
        assert_eq!(tokenize("Copyright notice").flags, [FLAG_LINE_START | FLAG_PARA_START, 0]);
        assert_eq!(words("see https://www.apache.org/x"), words("see http://apache.org/x"));
        assert_eq!(words("[text](https://example.com/a)"), ["text"]);
    }

    #[test]
    fn numbering_is_flagged() {
        let k = tokenize("1. Definitions\n  (a) You\n2.1 Grant and (iv) more");
        let bullets: Vec<&str> = (0..k.len()).filter(|&i| k.flags[i] & FLAG_BULLET != 0).map(|i| k.word(i)).collect();
        assert_eq!(bullets, ["1", "a", "2", "1", "iv"]);
    }
}
