//! The words of a report in each language, kept as data (`labels/*.txt`, `key = text`).

use std::collections::BTreeMap;

const ENGLISH: &str = include_str!("../labels/en.txt");
const INDONESIAN: &str = include_str!("../labels/id.txt");

/// The languages reports are written in.
pub const LANGUAGES: &[&str] = &["en", "id"];

/// The labels of `language` ("id" or "en"; anything else gets English).
pub fn labels(language: &str) -> BTreeMap<&'static str, &'static str> {
    let source = if language == "id" {
        INDONESIAN
    } else {
        ENGLISH
    };
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::labels;

    #[test]
    fn both_languages_have_the_same_keys() {
        let (en, id) = (labels("en"), labels("id"));
        assert!(en.len() > 50, "{} English labels", en.len());
        assert_eq!(en.keys().collect::<Vec<_>>(), id.keys().collect::<Vec<_>>());
        assert_eq!(id["verdict"], "Penilaian");
    }
}
