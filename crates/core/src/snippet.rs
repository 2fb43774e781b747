//! Search-result excerpts: a window of words around the first match, matched words wrapped in
//! [`SNIPPET_OPEN`]/[`SNIPPET_CLOSE`]. Built here rather than by FTS5's `snippet()`, which
//! re-runs the whole query per row and is slow for prefix queries.

use crate::{SNIPPET_CLOSE, SNIPPET_OPEN};

/// A word to highlight: lower-case, and whether any word starting with it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetTerm {
    pub word: String,
    pub prefix: bool,
}

impl SnippetTerm {
    fn matches(&self, lower_word: &str) -> bool {
        if self.prefix {
            lower_word.starts_with(&self.word)
        } else {
            lower_word == self.word
        }
    }
}

/// An excerpt of about `window` words of `text` around the first word that matches a term
/// (the start of the text when none does), with "…" where it was cut.
pub fn snippet(text: &str, terms: &[SnippetTerm], window: usize) -> String {
    let words: Vec<(usize, usize)> = word_spans(text);
    if words.is_empty() {
        return String::new();
    }
    let lower: Vec<String> = words
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    let is_match = |i: usize| terms.iter().any(|t| t.matches(&lower[i]));
    let first = (0..words.len()).find(|&i| is_match(i)).unwrap_or(0);
    let window = window.max(1);
    let start = first
        .saturating_sub(window / 4)
        .min(words.len().saturating_sub(window));
    let end = (start + window).min(words.len());

    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut cursor = words[start].0;
    for (i, &(s, e)) in words.iter().enumerate().take(end).skip(start) {
        push_flat(&mut out, &text[cursor..s]);
        if is_match(i) {
            out.push(SNIPPET_OPEN);
            out.push_str(&text[s..e]);
            out.push(SNIPPET_CLOSE);
        } else {
            out.push_str(&text[s..e]);
        }
        cursor = e;
    }
    // Keep punctuation that closes the last word ("naik." rather than "naik").
    let tail: String = text[cursor..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_alphanumeric())
        .collect();
    out.push_str(&tail);
    if end < words.len() {
        out.push('…');
    }
    out
}

/// Line breaks become spaces so the excerpt reads as one line.
fn push_flat(out: &mut String, between: &str) {
    for c in between.chars() {
        out.push(if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        });
    }
}

/// Byte ranges of the words (runs of letters and digits) in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn term(word: &str, prefix: bool) -> SnippetTerm {
        SnippetTerm {
            word: word.into(),
            prefix,
        }
    }

    fn shown(s: &str) -> String {
        s.replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]")
    }

    #[test]
    fn marks_matches_in_a_window_around_the_first_one() {
        let text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh. Harga beras naik lagi hari ini.";
        let got = snippet(text, &[term("beras", false)], 6);
        assert_eq!(shown(&got), "…Harga [beras] naik lagi hari ini.");
        let early = snippet(text, &[term("dua", false)], 4);
        assert_eq!(shown(&early), "Satu [dua] tiga empat…");
    }

    #[test]
    fn prefix_terms_match_word_starts_and_case_is_ignored() {
        let got = snippet(
            "PETANI dan Petaninya mengeluh.\nHarga turun.",
            &[term("petan", true)],
            20,
        );
        assert_eq!(
            shown(&got),
            "[PETANI] dan [Petaninya] mengeluh. Harga turun."
        );
    }

    #[test]
    fn no_match_shows_the_start() {
        assert_eq!(
            shown(&snippet(
                "Alpha beta gamma delta.",
                &[term("zeta", false)],
                2
            )),
            "Alpha beta…"
        );
        assert_eq!(snippet("", &[term("a", true)], 5), "");
        assert_eq!(snippet("— … —", &[], 5), "");
    }

    proptest! {
        #[test]
        fn never_panics_and_only_adds_markers(text in "\\PC{0,300}", word in "[a-z]{1,4}", window in 1usize..30) {
            let got = snippet(&text, &[term(&word, true)], window);
            let opens = got.matches(SNIPPET_OPEN).count();
            prop_assert_eq!(opens, got.matches(SNIPPET_CLOSE).count());
        }
    }
}
