//! Word-level changes within two aligned sentences, and character-level ones for a short
//! edit of a single word (a corrected spelling).

use super::{ByteChange, ChangeKind};
use similar::{DiffOp, get_diff_ratio};
use std::ops::Range;
use std::time::Instant;

/// A single word edited at least this much alike is shown by characters ("pemerintha" →
/// "pemerintah"); less alike words are shown whole ("Intan" → "Indah").
const CHAR_LEVEL_RATIO: f32 = 0.75;

/// The text's tokens: runs of letters and digits (a number keeps its separators:
/// "12.500", "4,2", "14/9/2023"), runs of whitespace, and every other character on its own.
/// Together they cover the text.
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_separator = |c: char| matches!(c, '.' | ',' | '/' | ':');
    let kinds: Vec<Class> = (0..chars.len())
        .map(|i| {
            let c = chars[i].1;
            let inside_number = is_separator(c)
                && i > 0
                && chars[i - 1].1.is_ascii_digit()
                && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
            if inside_number { Class::Word } else { class(c) }
        })
        .collect();
    let mut out: Vec<Range<usize>> = Vec::with_capacity(text.len() / 3);
    let mut start = 0;
    for i in 1..chars.len() {
        if kinds[i] != kinds[i - 1] || kinds[i] == Class::Other {
            out.push(start..chars[i].0);
            start = chars[i].0;
        }
    }
    if !text.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Appends the changes between `old[a]` and `new[b]` to `out`, in text order.
pub fn diff_words(
    old: &str,
    new: &str,
    a: Range<usize>,
    b: Range<usize>,
    deadline: Option<Instant>,
    out: &mut Vec<ByteChange>,
) {
    let old_tokens: Vec<Range<usize>> = tokens(&old[a.clone()])
        .into_iter()
        .map(|r| r.start + a.start..r.end + a.start)
        .collect();
    let new_tokens: Vec<Range<usize>> = tokens(&new[b.clone()])
        .into_iter()
        .map(|r| r.start + b.start..r.end + b.start)
        .collect();
    let old_words: Vec<&str> = old_tokens.iter().map(|r| &old[r.clone()]).collect();
    let new_words: Vec<&str> = new_tokens.iter().map(|r| &new[r.clone()]).collect();
    let span = |tokens: &[Range<usize>], range: Range<usize>, end_of_text: usize| {
        if range.is_empty() {
            let at = tokens.get(range.start).map_or(end_of_text, |t| t.start);
            at..at
        } else {
            tokens[range.start].start..tokens[range.end - 1].end
        }
    };
    for op in crate::diff::sequence_ops(&old_words, &new_words, deadline) {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (_, old_range, new_range) = op.as_tag_tuple();
        let single_word = old_range.len() == 1 && new_range.len() == 1;
        let old_span = span(&old_tokens, old_range, a.end);
        let new_span = span(&new_tokens, new_range, b.end);
        if single_word && diff_chars(old, new, old_span.clone(), new_span.clone(), deadline, out) {
            continue;
        }
        out.push(ByteChange {
            old: old_span,
            new: new_span,
            kind: ChangeKind::Word,
        });
    }
}

/// Appends character changes when the two words are close spellings of each other (never
/// for numbers, whose change is clearest whole); false when it appended nothing.
fn diff_chars(
    old: &str,
    new: &str,
    a: Range<usize>,
    b: Range<usize>,
    deadline: Option<Instant>,
    out: &mut Vec<ByteChange>,
) -> bool {
    let (old_word, new_word) = (&old[a.clone()], &new[b.clone()]);
    let is_word = |w: &str| w.chars().all(char::is_alphabetic);
    if !is_word(old_word) || !is_word(new_word) {
        return false;
    }
    let old_chars: Vec<(usize, char)> = old_word.char_indices().collect();
    let new_chars: Vec<(usize, char)> = new_word.char_indices().collect();
    let old_only: Vec<char> = old_chars.iter().map(|c| c.1).collect();
    let new_only: Vec<char> = new_chars.iter().map(|c| c.1).collect();
    let ops = crate::diff::sequence_ops(&old_only, &new_only, deadline);
    if get_diff_ratio(&ops, old_only.len(), new_only.len()) < CHAR_LEVEL_RATIO {
        return false;
    }
    let at = |chars: &[(usize, char)], index: usize, base: usize, len: usize| {
        chars.get(index).map_or(base + len, |c| base + c.0)
    };
    for op in ops {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (_, o, n) = op.as_tag_tuple();
        out.push(ByteChange {
            old: at(&old_chars, o.start, a.start, old_word.len())
                ..at(&old_chars, o.end, a.start, old_word.len()),
            new: at(&new_chars, n.start, b.start, new_word.len())
                ..at(&new_chars, n.end, b.start, new_word.len()),
            kind: ChangeKind::Char,
        });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text() {
        let text = "Harga naik 5,12%  —  kata “Budi”.";
        let found = tokens(text);
        assert_eq!(
            found.iter().map(|r| &text[r.clone()]).collect::<String>(),
            text
        );
        assert!(found.iter().any(|r| &text[r.clone()] == "Harga"));
        assert!(found.iter().any(|r| &text[r.clone()] == "  "));
        assert!(found.iter().any(|r| &text[r.clone()] == "5,12"));
        let date = "Kamis (14/9/2023), Rp 12.500. Lalu, 3 orang.";
        let words: Vec<&str> = tokens(date).into_iter().map(|r| &date[r]).collect();
        assert_eq!(
            words,
            [
                "Kamis",
                " ",
                "(",
                "14/9/2023",
                ")",
                ",",
                " ",
                "Rp",
                " ",
                "12.500",
                ".",
                " ",
                "Lalu",
                ",",
                " ",
                "3",
                " ",
                "orang",
                "."
            ]
        );
    }
}
