//! The YAML front matter of a model card (README.md), read far enough for what Fine Print needs.
//!
//! In: a README text. Out: its top-level keys as JSON values (strings, lists of strings, and
//! `null` for anything nested), so [`fineprint::hub::CardData`] can read them with the same lenient
//! rules as the Hub API's `cardData`. Supported: plain, single- and double-quoted scalars, block
//! scalars (`|`, `>`, with `-`/`+`), flow lists (`[a, "b"]`) and block lists (`- a`, indented or
//! not), comments, CRLF line ends and a byte-order mark. Nested mappings (`model-index`,
//! `extra_gated_fields`, `widget`) are skipped, not parsed: no key Fine Print reads is nested.

use serde_json::{Map, Value};

/// The front matter's body and the card's text after it; `None` when the README has none.
pub fn split(readme: &str) -> Option<(&str, &str)> {
    let text = readme.strip_prefix('\u{feff}').unwrap_or(readme);
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let body_start = first_end + 1;
    let mut pos = body_start;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            return Some((&text[body_start..pos], &text[(end + 1).min(text.len())..]));
        }
        if end == text.len() {
            break;
        }
        pos = end + 1;
    }
    None
}

/// The top-level keys of a front matter body.
pub fn parse(body: &str) -> Map<String, Value> {
    let lines: Vec<&str> = body.lines().map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut out = Map::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.is_empty() || line.starts_with(' ') || line.starts_with('\t') || line.starts_with('#') || line.starts_with('-') {
            continue;
        }
        let Some((key, rest)) = split_key(line) else { continue };
        let rest = strip_comment(rest).trim();
        // The lines that belong to this key: indented, or list items at column 0.
        let start = i;
        while i < lines.len() {
            let l = lines[i];
            if l.trim().is_empty()
                || l.starts_with(' ')
                || l.starts_with('\t')
                || l.trim_start().starts_with('#')
                || l == "-"
                || l.starts_with("- ")
            {
                i += 1;
            } else {
                break;
            }
        }
        let block = &lines[start..i];
        let value = if rest.is_empty() {
            block_value(block)
        } else if let Some(style) = rest.strip_prefix(['|', '>']) {
            Value::String(block_scalar(rest.starts_with('>'), style, block))
        } else if rest.starts_with('[') {
            flow_list(&join_flow(rest, block))
        } else if rest.starts_with('{') {
            Value::Null
        } else {
            Value::String(scalar(rest, block))
        };
        out.insert(key, value);
    }
    out
}

/// `key: rest` at column 0 (the key may be quoted).
fn split_key(line: &str) -> Option<(String, &str)> {
    if let Some(q) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = line[1..].find(q)? + 1;
        let rest = line[end + 1..].trim_start().strip_prefix(':')?;
        return Some((line[1..end].to_string(), rest));
    }
    let colon = line.find(": ").or_else(|| line.strip_suffix(':').map(|s| s.len()))?;
    Some((line[..colon].trim().to_string(), &line[(colon + 1).min(line.len())..]))
}

/// A plain scalar's text without a trailing ` # comment` (quotes are respected).
fn strip_comment(s: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && (prev == ' ' || prev == '[' || prev == ',') => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t') => return &s[..i],
            None => {}
        }
        prev = c;
    }
    s
}

/// The value of a key whose text starts on the next lines: a list, or a nested mapping (null).
fn block_value(block: &[&str]) -> Value {
    let content: Vec<&str> = block.iter().copied().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).collect();
    let Some(first) = content.first() else { return Value::Null };
    let indent = first.len() - first.trim_start().len();
    if !first.trim_start().starts_with('-') {
        // A plain scalar continued on the next line, or a nested mapping.
        return if content.iter().all(|l| split_key(l.trim_start()).is_none()) {
            Value::String(content.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        } else {
            Value::Null
        };
    }
    let mut items = vec![];
    let mut nested = false;
    for l in &content {
        let here = l.len() - l.trim_start().len();
        if here != indent {
            continue; // a continuation of a nested item
        }
        let Some(item) = l.trim_start().strip_prefix('-') else { continue };
        let item = strip_comment(item).trim();
        if item.is_empty() || (!item.starts_with(['"', '\'']) && split_key(item).is_some()) {
            nested = true; // a list of mappings
            continue;
        }
        items.push(Value::String(unquote(item)));
    }
    if nested && items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    }
}

/// A `|` or `>` block scalar.
fn block_scalar(folded: bool, style: &str, block: &[&str]) -> String {
    let chomp = if style.contains('-') {
        '-'
    } else if style.contains('+') {
        '+'
    } else {
        ' '
    };
    let indent = block.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let lines: Vec<&str> = block.iter().map(|l| if l.len() >= indent { &l[indent..] } else { "" }).collect();
    let mut s = String::new();
    if folded {
        let mut prev_blank = true;
        for l in &lines {
            if l.is_empty() {
                s.push('\n');
                prev_blank = true;
            } else {
                if !prev_blank && !s.ends_with('\n') {
                    s.push(' ');
                }
                s.push_str(l);
                prev_blank = false;
            }
        }
    } else {
        s = lines.join("\n");
    }
    let trimmed = s.trim_end_matches('\n').to_string();
    match chomp {
        '-' => trimmed,
        '+' => s + "\n",
        _ => trimmed + "\n",
    }
}

/// A flow list's text, continued over the following lines until its `]`.
fn join_flow(rest: &str, block: &[&str]) -> String {
    let mut s = rest.to_string();
    for l in block {
        if s.contains(']') {
            break;
        }
        s.push(' ');
        s.push_str(strip_comment(l.trim()));
    }
    s
}

fn flow_list(s: &str) -> Value {
    let inner = s.trim().trim_start_matches('[');
    let inner = inner.rsplit_once(']').map(|(a, _)| a).unwrap_or(inner);
    let mut items = vec![];
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                cur.push(c);
            }
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c == ',' => {
                items.push(std::mem::take(&mut cur));
            }
            None if c == '{' || c == '[' => return Value::Null,
            None => cur.push(c),
        }
    }
    items.push(cur);
    Value::Array(items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).map(|i| Value::String(unquote(i))).collect())
}

/// A scalar, with plain continuation lines folded in.
fn scalar(first: &str, block: &[&str]) -> String {
    if first.starts_with(['"', '\'']) {
        // A quoted scalar may run over several lines.
        let q = first.chars().next().unwrap();
        let mut s = first.to_string();
        let closed = |s: &str| quoted_end(s, q).is_some();
        for l in block {
            if closed(&s) {
                break;
            }
            s.push(' ');
            s.push_str(l.trim());
        }
        return unquote(&s);
    }
    let mut s = first.to_string();
    for l in block {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        s.push(' ');
        s.push_str(strip_comment(t).trim());
    }
    s
}

/// Where the quoted scalar opened by `q` at the start of `s` ends.
fn quoted_end(s: &str, q: char) -> Option<usize> {
    let b: Vec<char> = s.chars().collect();
    let mut i = 1;
    while i < b.len() {
        if q == '\'' && b[i] == '\'' {
            if b.get(i + 1) == Some(&'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        if q == '"' && b[i] == '\\' {
            i += 2;
            continue;
        }
        if q == '"' && b[i] == '"' {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A scalar's text without its quotes (with `''` and the common `\` escapes undone).
fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        return s[1..s.len() - 1].replace("''", "'");
    }
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        let mut out = String::new();
        let mut it = s[1..s.len() - 1].chars();
        while let Some(c) = it.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(' ') => out.push(' '),
                Some('/') => out.push('/'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        }
        return out;
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Map<String, Value> {
        parse(split(text).expect("front matter").0)
    }

    #[test]
    fn shapes_of_real_cards() {
        let m = fm("---\nlanguage:\n- en\nlicense: apache-2.0 # the weights\ndatasets:\n  - squad_v2\n  - 'a/b'\nmodel-index:\n- name: x\n  results:\n  - task:\n      type: qa\nbase_model: [\"meta-llama/Llama-3.1-8B\", 'x/y']\nextra_gated_prompt: >-\n  You agree to\n  the terms.\n\n  Second.\n---\n# Card\n");
        assert_eq!(m["license"], "apache-2.0");
        assert_eq!(m["language"], serde_json::json!(["en"]));
        assert_eq!(m["datasets"], serde_json::json!(["squad_v2", "a/b"]));
        assert_eq!(m["model-index"], Value::Null);
        assert_eq!(m["base_model"], serde_json::json!(["meta-llama/Llama-3.1-8B", "x/y"]));
        assert_eq!(m["extra_gated_prompt"], "You agree to the terms.\nSecond.");
    }

    #[test]
    fn crlf_bom_quotes_and_no_front_matter() {
        let m = fm("\u{feff}---\r\nlicense: \"other\"\r\nlicense_name: 'it''s'\r\nlicense_link: LICENSE.md\r\n---\r\nbody");
        assert_eq!(m["license"], "other");
        assert_eq!(m["license_name"], "it's");
        assert_eq!(m["license_link"], "LICENSE.md");
        assert!(split("# A card without metadata\n---\n").is_none());
        assert!(split("---\nlicense: mit\n").is_none(), "an unclosed front matter is none");
    }
}
