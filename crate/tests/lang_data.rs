//! `data/languages.txt`, the function words the language detector names languages by: every line
//! well formed, its words lower case, sorted and unique, and no word of another language that is
//! also an English function word (an English sentence must score none of them).

use fineprint::text::lang::parse_languages;

const DATA: &str = include_str!("../data/languages.txt");

#[test]
fn the_language_data_is_well_formed() {
    let langs = parse_languages(DATA);
    assert_eq!(langs.first().map(|l| l.0), Some("English"), "English comes first");
    assert!(langs.len() >= 6, "{} languages", langs.len());
    for line in DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (head, words) = line.split_once(':').unwrap_or_else(|| panic!("no `:` in {line:?}"));
        let mut it = head.split_whitespace();
        let (code, name) = (it.next().unwrap(), it.next().unwrap());
        assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()), "{code}");
        assert!(name.chars().next().unwrap().is_uppercase(), "{name}");
        let w: Vec<&str> = words.split_whitespace().collect();
        let mut sorted = w.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(w, sorted, "{name}: words sorted and unique");
        assert!(w.iter().all(|x| x.chars().all(|c| c.is_lowercase())), "{name}: lower case letters only");
    }
    let english = &langs[0].1;
    for (name, words) in &langs[1..] {
        let shared: Vec<&&str> = words.iter().filter(|w| english.binary_search(w).is_ok()).collect();
        assert!(shared.is_empty(), "{name} shares words with English: {shared:?}");
    }
}
