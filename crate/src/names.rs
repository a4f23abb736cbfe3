//! License names as model hubs print them ("Apache License 2.0", "CreativeML Open RAIL-M",
//! "Apache-2.0 license", "Attribution 4.0 International (CC BY 4.0)") mapped to knowledge-base entries.
//!
//! Data, not code: the aliases live in `data/license-names.tsv`; the knowledge base's own ids, Hugging
//! Face ids and full names resolve through generic rules. A name that two entries share resolves to
//! neither: an unknown license is better than a wrong one.

use crate::kb::{self, Facts};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The alias table, `NAME<TAB>ID` a line.
pub const ALIASES_TSV: &str = include_str!("../data/license-names.tsv");

/// Words that carry no identity in a license name.
const NOISE: &[&str] = &[
    "the",
    "license",
    "licence",
    "licensed",
    "agreement",
    "version",
    "v",
    "terms",
    "of",
    "use",
];

/// Lower case, `licence` spelled `license`, every run of other characters than letters, digits, `+`
/// and a `.` between digits turned into one space.
pub fn normalize(name: &str) -> String {
    let lower = name.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    for (i, &c) in chars.iter().enumerate() {
        let digit_dot = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || c == '+' || digit_dot {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().replace("licence", "license")
}

/// [`normalize`], then without the words of [`NOISE`] and with `v3` read as `3`.
pub fn reduce(name: &str) -> String {
    normalize(name)
        .split(' ')
        .map(|w| match w.strip_prefix('v') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
            _ => w,
        })
        .filter(|w| !w.is_empty() && !NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One parsed alias line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as written in the table.
    pub name: &'static str,
    /// The knowledge-base id it names.
    pub id: &'static str,
    /// Line number in the table (1-based).
    pub line: usize,
}

/// Every alias of the table, in order. Malformed lines are skipped here and reported by the tests.
pub fn aliases() -> &'static [Alias] {
    static CELL: OnceLock<Vec<Alias>> = OnceLock::new();
    CELL.get_or_init(|| {
        ALIASES_TSV
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|(i, l)| {
                let (name, id) = l.split_once('\t')?;
                Some(Alias {
                    name: name.trim(),
                    id: id.trim(),
                    line: i + 1,
                })
            })
            .collect()
    })
}

/// Lookup tables keyed by normalized and reduced names; `None` marks a name two entries share.
struct Tables {
    alias: HashMap<String, &'static str>,
    alias_reduced: HashMap<String, Option<&'static str>>,
    kb_names: HashMap<String, Option<&'static str>>,
    kb_reduced: HashMap<String, Option<&'static str>>,
    kb_bare: HashMap<String, Option<&'static str>>,
    kb_bare_reduced: HashMap<String, Option<&'static str>>,
}

fn insert_unique(
    map: &mut HashMap<String, Option<&'static str>>,
    key: String,
    id: &'static str,
    deprecated: bool,
) {
    if key.is_empty() {
        return;
    }
    match map.get(&key) {
        None => {
            map.insert(key, Some(id));
        }
        Some(Some(old)) if *old == id => {}
        Some(Some(old)) => {
            // A deprecated SPDX id gives way to its current twin ("GPL-3.0" vs "GPL-3.0-only").
            let old_deprecated = kb::facts(old).map(|f| f.deprecated).unwrap_or(false);
            if old_deprecated && !deprecated {
                map.insert(key, Some(id));
            } else if !(deprecated && !old_deprecated) {
                map.insert(key, None);
            }
        }
        Some(None) => {}
    }
}

/// A knowledge-base name without its parenthetical notes ("Qwen License Agreement (2024)").
fn strip_parentheticals(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn tables() -> &'static Tables {
    static CELL: OnceLock<Tables> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut alias = HashMap::new();
        let mut alias_reduced = HashMap::new();
        for a in aliases() {
            alias.insert(normalize(a.name), a.id);
            insert_unique(&mut alias_reduced, reduce(a.name), a.id, false);
        }
        let (mut kb_names, mut kb_reduced) = (HashMap::new(), HashMap::new());
        let (mut kb_bare, mut kb_bare_reduced) = (HashMap::new(), HashMap::new());
        for f in kb::FACTS.iter() {
            insert_unique(&mut kb_names, normalize(f.name), f.id, f.deprecated);
            insert_unique(&mut kb_reduced, reduce(f.name), f.id, f.deprecated);
            let bare = strip_parentheticals(f.name);
            insert_unique(&mut kb_bare, normalize(&bare), f.id, f.deprecated);
            insert_unique(&mut kb_bare_reduced, reduce(&bare), f.id, f.deprecated);
        }
        Tables {
            alias,
            alias_reduced,
            kb_names,
            kb_reduced,
            kb_bare,
            kb_bare_reduced,
        }
    })
}

/// The candidates a name offers: itself, then each parenthetical part ("... (CC BY 4.0)").
fn candidates(name: &str) -> Vec<String> {
    let mut out = vec![name.trim().to_string()];
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        if !inner.is_empty() {
            out.push(inner.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    let bare = strip_parentheticals(name).trim().to_string();
    if !bare.is_empty() && bare != out[0] {
        out.push(bare);
    }
    out
}

/// The knowledge-base entry a hub's license name or id names, if exactly one does.
pub fn by_name(name: &str) -> Option<&'static Facts> {
    let name = name.trim();
    if name.is_empty() || name.len() > 300 {
        return None;
    }
    for c in candidates(name) {
        if let Some(f) = kb::by_hf_id(&c) {
            return Some(f);
        }
        let t = tables(); // built on the first name that is no Hugging Face id
        let (norm, red) = (normalize(&c), reduce(&c));
        let found = t
            .alias
            .get(&norm)
            .copied()
            .or_else(|| t.alias_reduced.get(&red).copied().flatten())
            .or_else(|| t.kb_names.get(&norm).copied().flatten())
            .or_else(|| t.kb_bare.get(&norm).copied().flatten())
            .or_else(|| t.kb_reduced.get(&red).copied().flatten())
            .or_else(|| t.kb_bare_reduced.get(&red).copied().flatten());
        if let Some(id) = found {
            return kb::facts(id);
        }
        // "Apache 2.0", "CC BY-NC 4.0", "GPL-3.0 license": the words joined by dashes may be an SPDX
        // id (SPDX only: a model license's corpus id is no name a hub prints).
        let dashed = red.replace(' ', "-");
        if let Some(f) = kb::facts(&dashed).filter(|f| f.kind == kb::Kind::Spdx) {
            return Some(f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> Option<&'static str> {
        by_name(name).map(|f| f.id)
    }

    #[test]
    fn every_alias_line_is_well_formed_and_names_a_known_license() {
        for (i, line) in ALIASES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let parts: Vec<_> = line.split('\t').collect();
            assert_eq!(parts.len(), 2, "line {}: want NAME<TAB>ID: {line:?}", i + 1);
            assert!(
                kb::facts(parts[1].trim()).is_some(),
                "line {}: unknown id {:?}",
                i + 1,
                parts[1]
            );
            assert_eq!(
                kb::facts(parts[1].trim()).unwrap().id,
                parts[1].trim(),
                "line {}: id spelling",
                i + 1
            );
        }
        assert!(aliases().len() >= 30);
    }

    #[test]
    fn no_alias_is_given_twice_with_different_ids() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for a in aliases() {
            if let Some(old) = seen.insert(normalize(a.name), a.id) {
                assert_eq!(old, a.id, "line {}: {:?} named twice", a.line, a.name);
            }
        }
    }

    #[test]
    fn every_alias_resolves_to_its_own_id() {
        for a in aliases() {
            assert_eq!(id(a.name), Some(a.id), "line {}: {:?}", a.line, a.name);
        }
    }

    #[test]
    fn modelscope_license_names_resolve() {
        // The `Licenses` enum of modelscope/hub/constants.py.
        assert_eq!(id("Apache License 2.0"), Some("Apache-2.0"));
        for (name, prefix) in [
            ("GPL-2.0", "GPL-2.0"),
            ("GPL-3.0", "GPL-3.0"),
            ("LGPL-2.1", "LGPL-2.1"),
            ("LGPL-3.0", "LGPL-3.0"),
        ] {
            let got = id(name).unwrap_or_else(|| panic!("{name} unresolved"));
            assert!(got.starts_with(prefix), "{name} -> {got}");
        }
        assert_eq!(id("AFL-3.0"), Some("AFL-3.0"));
        assert_eq!(id("ECL-2.0"), Some("ECL-2.0"));
        assert_eq!(id("MIT"), Some("MIT"));
    }

    #[test]
    fn names_in_other_spellings_resolve_by_rule() {
        assert_eq!(id("Apache 2.0"), Some("Apache-2.0"));
        assert_eq!(id("apache license, version 2.0"), Some("Apache-2.0"));
        assert_eq!(id("Apache-2.0 license"), Some("Apache-2.0"));
        assert_eq!(id("MIT License"), Some("MIT"));
        assert_eq!(id("MIT license"), Some("MIT"));
        assert_eq!(id("CC BY 4.0"), Some("CC-BY-4.0"));
        assert_eq!(id("CC BY-NC-SA 4.0"), Some("CC-BY-NC-SA-4.0"));
        assert_eq!(
            id("Attribution 4.0 International (CC BY 4.0)"),
            Some("CC-BY-4.0")
        );
        assert_eq!(
            id("Creative Commons Attribution 4.0 International"),
            Some("CC-BY-4.0")
        );
        assert_eq!(id("Mozilla Public License 2.0"), Some("MPL-2.0"));
        // Corpus names with a date note resolve without it.
        assert_eq!(id("Qwen License Agreement"), Some("qwen-license"));
        assert_eq!(id("CreativeML Open RAIL-M"), Some("creativeml-openrail-m"));
        assert_eq!(
            id("Tencent Hunyuan 3D 2.0 Community License Agreement"),
            Some("tencent-hunyuan-3d-2.0-community")
        );
        // Hugging Face ids still work.
        assert_eq!(id("llama3.1"), Some("llama-3.1-community"));
        assert_eq!(id("openrail++"), Some("creativeml-openrail++-m"));
    }

    #[test]
    fn a_current_spdx_id_wins_over_its_deprecated_twin() {
        assert_eq!(
            id("GNU General Public License v3.0 only"),
            Some("GPL-3.0-only")
        );
        assert_eq!(
            id("GNU Affero General Public License v3.0 only"),
            Some("AGPL-3.0-only")
        );
    }

    #[test]
    fn unknown_ambiguous_and_hostile_names_resolve_to_nothing() {
        assert_eq!(id(""), None);
        assert_eq!(id("   "), None);
        assert_eq!(id("Other"), None);
        assert_eq!(id("Kolors License"), None);
        assert_eq!(id("Playground v2 Community License"), None);
        assert_eq!(id("<script>alert(1)</script>"), None);
        assert_eq!(id("license"), None);
        assert_eq!(id(&"Apache ".repeat(200)), None);
        assert_eq!(id("((((("), None);
        assert_eq!(id("\u{0}\u{1}"), None);
        // "Tencent Hunyuan Community License Agreement" names two corpus texts (DiT/Video and Large).
        assert_eq!(id("Tencent Hunyuan Community License Agreement"), None);
    }

    #[test]
    fn normalization() {
        assert_eq!(
            normalize("  Apache   License,  Version 2.0 "),
            "apache license version 2.0"
        );
        assert_eq!(normalize("Open RAIL++-M"), "open rail++ m");
        assert_eq!(normalize("Licence 1.0."), "license 1.0");
        assert_eq!(reduce("The GNU GPL v3"), "gnu gpl 3");
    }
}
