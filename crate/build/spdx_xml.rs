//! Reads one source file of the SPDX License List's XML (`data/corpus/spdx-xml/`, format in its
//! `xml-fields.md`) into what the knowledge base needs: the license's id, whether it is
//! deprecated and by what it is replaced, and its matching template expanded to plain text with
//! the byte ranges a copy may change without changing the license:
//!
//! - `<titleText>`: the title (omittable);
//! - `<copyrightText>`: the copyright notice (omittable, any words);
//! - `<optional>`: may be absent;
//! - `<alt match=REGEX>`: replaceable: the original words stand in the text, and the range carries
//!   how many words may take their place (from the regular expression, as for the text templates);
//! - `<bullet>`: numbering, free.
//! - a placeholder in angle brackets of the text itself (`<year>`, `<name of author>`, `<one line to
//!   give the program's name and a brief idea of what it does.>`): replaceable, as an `<alt>` (the
//!   license asks for it to be filled in); never a bracketed address (`<https://...>`).
//!
//! A small reader of the subset of XML these files use (elements, attributes, character
//! references, comments): the build carries no XML parser. Only `std` is used.

/// What a range of the expanded text is (the codes of `build.rs`).
pub struct Codes {
    pub title: u8,
    pub optional: u8,
    pub bullet: u8,
    pub copyright: u8,
    /// The code of an `<alt>` with this `match` pattern.
    pub var: fn(&str) -> u8,
}

/// One license or exception of the list.
pub struct Source {
    pub id: String,
    pub exception: bool,
    /// Deprecated on the list (`deprecatedVersion` or `isDeprecated="true"`).
    pub deprecated: bool,
    /// The ids that replace it (`<obsoletedBy>`), first the plain one.
    pub obsoleted_by: Vec<String>,
    /// The template with every part at its original words.
    pub text: String,
    /// Byte ranges of `text` and their codes (innermost last).
    pub ranges: Vec<(usize, usize, u8)>,
}

enum Tok<'a> {
    Open(&'a str, Vec<(&'a str, String)>, bool),
    Close(&'a str),
    Text(String),
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn tokens(src: &str) -> Result<Vec<Tok<'_>>, String> {
    let mut out = vec![];
    let mut i = 0;
    let b = src.as_bytes();
    while i < b.len() {
        if b[i] != b'<' {
            let j = src[i..].find('<').map(|k| i + k).unwrap_or(b.len());
            out.push(Tok::Text(unescape(&src[i..j])));
            i = j;
            continue;
        }
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").ok_or("unterminated comment")? + 3;
        } else if rest.starts_with("<?") {
            i += rest.find("?>").ok_or("unterminated declaration")? + 2;
        } else if rest.starts_with("<![CDATA[") {
            let e = rest.find("]]>").ok_or("unterminated CDATA")?;
            out.push(Tok::Text(rest[9..e].to_string()));
            i += e + 3;
        } else if rest.starts_with("<!") {
            i += rest.find('>').ok_or("unterminated declaration")? + 1;
        } else if let Some(r) = rest.strip_prefix("</") {
            let e = r.find('>').ok_or("unterminated end tag")?;
            out.push(Tok::Close(r[..e].trim()));
            i += e + 3;
        } else {
            // Attribute values may hold '>' (a regular expression); scan quotes.
            let mut k = 1;
            let mut quote: Option<u8> = None;
            while k < rest.len() {
                let c = rest.as_bytes()[k];
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == b'"' || c == b'\'' => quote = Some(c),
                    None if c == b'>' => break,
                    None => {}
                }
                k += 1;
            }
            if k >= rest.len() {
                return Err("unterminated tag".into());
            }
            let inner = &rest[1..k];
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(x) => (x, true),
                None => (inner, false),
            };
            let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
            let name = &inner[..name_end];
            let mut attrs = vec![];
            let mut a = inner[name_end..].trim_start();
            while !a.is_empty() {
                let eq = a.find('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
                let key = a[..eq].trim();
                let v = a[eq + 1..].trim_start();
                let q = v.chars().next().ok_or("attribute without value")?;
                if q != '"' && q != '\'' {
                    return Err(format!("unquoted attribute in <{name}>"));
                }
                let close = v[1..].find(q).ok_or("unterminated attribute")? + 1;
                attrs.push((key, unescape(&v[1..close])));
                a = v[close + 1..].trim_start();
            }
            out.push(Tok::Open(name, attrs, empty));
            i += k + 1;
        }
    }
    Ok(out)
}

/// Read one XML source file.
pub fn parse(src: &str, codes: &Codes) -> Result<Source, String> {
    let toks = tokens(src)?;
    let mut s = Source {
        id: String::new(),
        exception: false,
        deprecated: false,
        obsoleted_by: vec![],
        text: String::new(),
        ranges: vec![],
    };
    // Open elements, with where their text started and the code of their range (if any).
    let mut stack: Vec<(&str, usize, Option<u8>)> = vec![];
    let mut in_text = 0usize;
    let mut in_obsoleted = false;
    let mut obsoleted_buf = String::new();
    let break_para = |t: &mut String| {
        let trimmed = t.trim_end_matches([' ', '\t']).len();
        t.truncate(trimmed);
        if !t.is_empty() && !t.ends_with("\n\n") {
            t.push_str(if t.ends_with('\n') { "\n" } else { "\n\n" });
        }
    };
    let break_line = |t: &mut String| {
        let trimmed = t.trim_end_matches([' ', '\t']).len();
        t.truncate(trimmed);
        if !t.is_empty() && !t.ends_with('\n') {
            t.push('\n');
        }
    };
    for tok in toks {
        match tok {
            Tok::Open(name, attrs, empty) => {
                let attr = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.as_str());
                match name {
                    "license" | "exception" => {
                        s.id = attr("licenseId").ok_or("no licenseId")?.to_string();
                        s.exception = name == "exception";
                        s.deprecated = attr("deprecatedVersion").is_some() || attr("isDeprecated") == Some("true");
                    }
                    "obsoletedBy" => {
                        in_obsoleted = !empty;
                        obsoleted_buf.clear();
                    }
                    "text" => in_text += 1,
                    _ => {}
                }
                if in_text == 0 || name == "text" {
                    if !empty {
                        stack.push((name, s.text.len(), None));
                    }
                    continue;
                }
                let code = match name {
                    "titleText" => Some(codes.title),
                    "copyrightText" => Some(codes.copyright),
                    "optional" => Some(codes.optional),
                    "bullet" => Some(codes.bullet),
                    "alt" => Some((codes.var)(attr("match").unwrap_or(".+"))),
                    _ => None,
                };
                match name {
                    "p" | "titleText" | "copyrightText" | "list" | "standardLicenseHeader" => break_para(&mut s.text),
                    "item" | "br" => break_line(&mut s.text),
                    "bullet" | "alt" | "optional" => {
                        if !s.text.is_empty() && !s.text.ends_with(char::is_whitespace) {
                            s.text.push(' ');
                        }
                    }
                    _ => {}
                }
                // A break trims the space an enclosing part's start may lie after (`<optional><p>`):
                // that part starts where the text now ends, or its first word would fall outside it.
                let len = s.text.len();
                for e in stack.iter_mut() {
                    e.1 = e.1.min(len);
                }
                if !empty {
                    stack.push((name, s.text.len(), code));
                }
            }
            Tok::Close(name) => {
                let (open, start, code) = stack.pop().ok_or_else(|| format!("</{name}> without its start"))?;
                if open != name {
                    return Err(format!("<{open}> closed by </{name}>"));
                }
                if name == "text" {
                    in_text -= 1;
                    continue;
                }
                if name == "obsoletedBy" && in_obsoleted {
                    in_obsoleted = false;
                    s.obsoleted_by.push(obsoleted_buf.trim().to_string());
                    continue;
                }
                if in_text == 0 {
                    continue;
                }
                if let Some(code) = code {
                    let end = s.text.trim_end().len();
                    if end > start {
                        s.ranges.push((start, end, code));
                    }
                }
                match name {
                    "p" | "titleText" | "copyrightText" | "list" | "standardLicenseHeader" => break_para(&mut s.text),
                    "item" => break_line(&mut s.text),
                    "bullet" | "alt" | "optional" => s.text.push(' '),
                    _ => {}
                }
            }
            Tok::Text(t) => {
                if in_obsoleted {
                    obsoleted_buf.push_str(&t);
                } else if in_text > 0 {
                    // Whitespace of the XML's layout is one space.
                    let mut words = t.split_whitespace().peekable();
                    if t.starts_with(char::is_whitespace) && !s.text.is_empty() && !s.text.ends_with(char::is_whitespace) && words.peek().is_some() {
                        s.text.push(' ');
                    }
                    let mut first = true;
                    for w in words {
                        if !first {
                            s.text.push(' ');
                        }
                        s.text.push_str(w);
                        first = false;
                    }
                    if t.ends_with(char::is_whitespace) && !first {
                        s.text.push(' ');
                    }
                }
            }
        }
    }
    if !stack.is_empty() {
        return Err(format!("<{}> not closed", stack.last().unwrap().0));
    }
    if s.id.is_empty() {
        return Err("no <license> or <exception>".into());
    }
    placeholders(&mut s, codes);
    // Innermost ranges last (they were closed first: sort by start, then longest first).
    s.ranges.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    Ok(s)
}

/// Most words of a placeholder in angle brackets.
const PLACEHOLDER_WORDS: usize = 20;

/// Mark each placeholder in angle brackets of the text (`<year>`, `<name of author>`) as
/// replaceable: up to twice its words (at least 6) may take its place. A bracketed web or mail
/// address is no placeholder.
fn placeholders(s: &mut Source, codes: &Codes) {
    let t = &s.text;
    let mut at = 0;
    while let Some(o) = t[at..].find('<').map(|o| at + o) {
        let Some(c) = t[o + 1..].find(['<', '>']).map(|c| o + 1 + c) else { break };
        at = c;
        if t.as_bytes()[c] != b'>' {
            continue;
        }
        let inner = &t[o + 1..c];
        let words = inner.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        if words == 0 || words > PLACEHOLDER_WORDS || inner.contains("\n\n") || inner.contains("://") || inner.contains('@') || inner.contains("www.") {
            continue;
        }
        let pattern = format!(".{{0,{}}}", 8 * (2 * words).max(6));
        s.ranges.push((o, c + 1, (codes.var)(&pattern)));
        at = c + 1;
    }
}
