//! The words a quotation is compared by: runs of letters and digits, lowercased, each with
//! where it stands in the original text. Everything else (case, punctuation, quotation
//! marks, whitespace) is what `verbatim` ignores, so it never becomes a word.

use std::collections::HashMap;
use std::ops::Range;

/// One word of a text: its place in bytes (to slice the original) and in code points (the
/// offsets that leave the process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub bytes: (u32, u32),
    pub chars: (u32, u32),
}

impl Word {
    pub fn byte_range(&self) -> Range<usize> {
        self.bytes.0 as usize..self.bytes.1 as usize
    }
}

/// The words of `text` with their lowercased forms, passed to `each` as they are found.
/// A "." or "," between digits ("10,000", "3,5") belongs to the number: the number stays one
/// word, compared without it, so "10,000" and "10000" are the same word.
fn for_each_word(text: &str, mut each: impl FnMut(Word, &str)) {
    let mut lowered = String::new();
    let mut start: Option<(usize, u32)> = None;
    let mut chars = 0u32;
    let mut previous = ' ';
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let inside_number = matches!(c, '.' | ',')
            && start.is_some()
            && previous.is_ascii_digit()
            && iter.peek().is_some_and(|&(_, next)| next.is_ascii_digit());
        previous = c;
        if inside_number {
            chars += 1;
            continue;
        }
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some((at, chars));
                lowered.clear();
            }
            lowered.extend(c.to_lowercase());
        } else if let Some((byte_start, char_start)) = start.take() {
            each(
                Word {
                    bytes: (byte_start as u32, at as u32),
                    chars: (char_start, chars),
                },
                &lowered,
            );
        }
        chars += 1;
    }
    if let Some((byte_start, char_start)) = start {
        each(
            Word {
                bytes: (byte_start as u32, text.len() as u32),
                chars: (char_start, chars),
            },
            &lowered,
        );
    }
}

/// A text as a sequence of word ids from one vocabulary.
#[derive(Debug, Clone, Default)]
pub struct WordSeq {
    pub words: Vec<Word>,
    pub ids: Vec<u32>,
}

/// The distinct lowercased words of a source, numbered in order of first appearance.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// The source's words, adding each new word to the vocabulary.
    pub fn read_source(&mut self, text: &str) -> WordSeq {
        let mut seq = WordSeq {
            words: Vec::with_capacity(text.len() / 6),
            ids: Vec::with_capacity(text.len() / 6),
        };
        for_each_word(text, |word, lowered| {
            let next = self.ids.len() as u32;
            let id = match self.ids.get(lowered) {
                Some(&id) => id,
                None => {
                    self.ids.insert(lowered.to_string(), next);
                    next
                }
            };
            seq.words.push(word);
            seq.ids.push(id);
        });
        seq
    }

    /// A quotation's words. A word the source never uses gets an id of its own that equals
    /// no source word (counting down from `u32::MAX`), so it can only be an edit.
    pub fn read_quote(&self, text: &str) -> WordSeq {
        let mut seq = WordSeq::default();
        let mut unknown: HashMap<String, u32> = HashMap::new();
        for_each_word(text, |word, lowered| {
            let id = match self.ids.get(lowered) {
                Some(&id) => id,
                None => {
                    let next = u32::MAX - unknown.len() as u32;
                    *unknown.entry(lowered.to_string()).or_insert(next)
                }
            };
            seq.words.push(word);
            seq.ids.push(id);
        });
        seq
    }

    /// Whether `id` is a word of the source (not a quotation's unknown word).
    pub fn knows(&self, id: u32) -> bool {
        (id as usize) < self.ids.len()
    }
}

/// The parts of a quotation between ellipses ("…", "...", ". . .", "[…]"), as byte ranges.
/// An ellipsis means the journalist left source text out, so each part is matched on its
/// own, in order.
pub fn split_at_ellipses(quote: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut part_start = 0;
    let bytes = quote.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let ellipsis_len = ellipsis_at(&quote[at..]);
        if ellipsis_len > 0 {
            parts.push(part_start..at);
            at += ellipsis_len;
            part_start = at;
        } else {
            at += quote[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    parts.push(part_start..quote.len());
    parts
}

/// The length in bytes of an ellipsis starting `text`, or 0.
fn ellipsis_at(text: &str) -> usize {
    if text.starts_with('…') {
        return '…'.len_utf8();
    }
    // Three or more dots, optionally spaced (". . .").
    let mut dots = 0;
    let mut len = 0;
    for (at, c) in text.char_indices() {
        match c {
            '.' => {
                dots += 1;
                len = at + 1;
            }
            ' ' if dots > 0 && dots < 3 && text[at + 1..].starts_with('.') => {}
            _ => break,
        }
    }
    if dots >= 3 { len } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_and_quote_marks() {
        let mut vocabulary = Vocabulary::default();
        let source = vocabulary.read_source("“Harga BERAS naik,” kata—Menteri.");
        let quote = vocabulary.read_quote("harga beras naik kata menteri");
        assert_eq!(source.ids, quote.ids);
        assert_eq!(source.words[0].chars, (1, 6));
        assert_eq!(source.words[4].chars, (25, 32));
    }

    #[test]
    fn separators_inside_numbers_do_not_split_them() {
        let mut vocabulary = Vocabulary::default();
        let source = vocabulary.read_source("Rp3,3 triliun, 10.000 orang, 2024.");
        assert_eq!(
            source.ids,
            vocabulary.read_quote("rp33 triliun 10000 orang 2024").ids
        );
        assert_eq!(source.words[2].chars, (15, 21));
        assert_eq!(source.words[4].chars, (29, 33));
    }

    #[test]
    fn unknown_quote_words_match_nothing() {
        let mut vocabulary = Vocabulary::default();
        vocabulary.read_source("naik dua persen");
        let quote = vocabulary.read_quote("naik tiga persen tiga");
        assert!(!vocabulary.knows(quote.ids[1]));
        assert_eq!(quote.ids[1], quote.ids[3]);
        assert!(vocabulary.knows(quote.ids[2]));
    }

    #[test]
    fn ellipses_split_a_quote() {
        let quote = "Kami akan… menaikkan ... harga . . . besok. Titik.";
        let parts: Vec<&str> = split_at_ellipses(quote)
            .into_iter()
            .map(|r| &quote[r])
            .collect();
        assert_eq!(
            parts,
            ["Kami akan", " menaikkan ", " harga ", " besok. Titik."]
        );
    }
}
