//! A fast language guess for Indonesian and English, the workbench's first-class languages.
//!
//! Counting function words is enough to tell these two apart reliably on a paragraph or more,
//! and it needs no model. Other languages come back as `None` (undetermined) rather than a
//! wrong guess.

use std::collections::HashSet;
use std::sync::OnceLock;

const INDONESIAN: &str = include_str!("../lexicons/function-words.id.txt");
const ENGLISH: &str = include_str!("../lexicons/function-words.en.txt");

/// How many words are inspected at most; the start of an article decides.
const SAMPLE_WORDS: usize = 2_000;
/// Fewer function-word hits than this is too little evidence.
const MIN_HITS: usize = 3;

fn lexicon(cell: &'static OnceLock<HashSet<&'static str>>, source: &'static str) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| {
        source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect()
    })
}

/// Guesses "id" or "en" from the text's function words; `None` when neither clearly wins.
pub fn guess_language(text: &str) -> Option<&'static str> {
    static ID: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let (id_words, en_words) = (lexicon(&ID, INDONESIAN), lexicon(&EN, ENGLISH));
    let (mut id_hits, mut en_hits) = (0usize, 0usize);
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS) {
        // Function words are short; longer words cannot match, so skip them without work.
        if word.len() > 12 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if id_words.contains(lower.as_str()) {
            id_hits += 1;
        }
        if en_words.contains(lower.as_str()) {
            en_hits += 1;
        }
    }
    let total = id_hits + en_hits;
    if total < MIN_HITS {
        None
    } else if id_hits * 10 >= total * 7 {
        Some("id")
    } else if en_hits * 10 >= total * 7 {
        Some("en")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::guess_language;

    #[test]
    fn tells_indonesian_from_english() {
        assert_eq!(
            guess_language("Harga beras di pasar tradisional naik karena pasokan dari petani berkurang, kata dia."),
            Some("id")
        );
        assert_eq!(
            guess_language("The price of rice in traditional markets rose because supply from farmers fell, he said."),
            Some("en")
        );
    }

    #[test]
    fn too_little_or_other_language_is_undetermined() {
        assert_eq!(guess_language("Jakarta"), None);
        assert_eq!(guess_language(""), None);
        assert_eq!(guess_language("Der Preis für Reis ist gestiegen, sagte der Minister heute."), None);
    }
}
