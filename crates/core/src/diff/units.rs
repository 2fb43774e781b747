//! A text cut into sentence units that cover it completely: each sentence with the space
//! after it, so that aligning units and replacing whole units rebuilds the text exactly.

use crate::analysis::sentence_spans;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// One sentence and the whitespace after it (the first also takes any before it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub range: Range<usize>,
    /// The sentence's words, whitespace ignored: units with the same key are aligned.
    pub key: u64,
}

pub fn units(text: &str) -> Vec<Unit> {
    let sentences = sentence_spans(text);
    if sentences.is_empty() {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Unit {
                range: 0..text.len(),
                key: key(text),
            }]
        };
    }
    let mut out = Vec::with_capacity(sentences.len());
    for (index, sentence) in sentences.iter().enumerate() {
        let start = if index == 0 { 0 } else { sentence.start };
        let end = sentences
            .get(index + 1)
            .map_or(text.len(), |next| next.start);
        out.push(Unit {
            range: start..end,
            key: key(&text[sentence.clone()]),
        });
    }
    out
}

fn key(sentence: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    for word in sentence.split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_cover_the_text_and_ignore_spacing() {
        let text = "  Satu dua.  Tiga empat!\n\nLima";
        let found = units(text);
        assert_eq!(
            found
                .iter()
                .map(|u| &text[u.range.clone()])
                .collect::<String>(),
            text
        );
        assert_eq!(found.len(), 3);
        assert_eq!(units("Satu   dua.")[0].key, found[0].key);
    }
}
