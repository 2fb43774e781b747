//! Sentence segmentation that survives news text: titles and abbreviations ("Dr.", "Jend.",
//! "Rp."), initials ("S.W."), decimal marks ("5,12%"), quotations spanning several sentences
//! (never split), and paragraph breaks a scraper lost ("karbon.Selain itu").

use super::lexicon::Lexicon;
use super::marks::Marked;
use super::tokens::{Kind, Token};

/// A sentence's byte span and its first and last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_token: usize,
    /// Exclusive.
    pub end_token: usize,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn first_char(text: &str, token: &Token) -> char {
    text[token.start..].chars().next().unwrap_or(' ')
}

/// Splits the text into sentences; `marked` (sorted by start) are the quotations not to split.
pub fn sentences(
    text: &str,
    tokens: &[Token],
    marked: &[Marked],
    lexicon: &Lexicon,
) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 15 + 1);
    let mut first: Option<usize> = None;
    let mut marked_at = 0usize;
    let mut lower = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if token.kind == Kind::Break {
            if let Some(f) = first.take() {
                push(&mut out, tokens, f, i);
            }
            i += 1;
            continue;
        }
        first.get_or_insert(i);
        let c = first_char(text, &token);
        if token.kind != Kind::Punct || !is_terminal(c) {
            i += 1;
            continue;
        }
        // Absorb closing marks and further terminal punctuation: `?!`, `."`, `.)`.
        let mut last = i;
        while let Some(next) = tokens.get(last + 1) {
            let n = first_char(text, next);
            if next.kind == Kind::Punct && !next.space_before && (is_terminal(n) || is_closer(n)) {
                last += 1;
            } else {
                break;
            }
        }
        while marked
            .get(marked_at)
            .is_some_and(|m| m.outer_end(text) <= token.start)
        {
            marked_at += 1;
        }
        let inside_quotation = marked
            .get(marked_at)
            .is_some_and(|m| m.open.unwrap_or(m.start) < token.start && tokens[last].end <= m.end);
        if !inside_quotation && ends_sentence(text, tokens, i, last, lexicon, &mut lower) {
            push(&mut out, tokens, first.take().unwrap_or(i), last + 1);
        }
        i = last + 1;
    }
    if let Some(f) = first {
        push(&mut out, tokens, f, tokens.len());
    }
    out
}

fn ends_sentence(
    text: &str,
    tokens: &[Token],
    punct: usize,
    last: usize,
    lexicon: &Lexicon,
    lower: &mut String,
) -> bool {
    let Some(next) = tokens.get(last + 1) else {
        return true;
    };
    if next.kind == Kind::Break {
        return true;
    }
    let next_char = first_char(text, next);
    let starts_sentence = next.kind == Kind::Number
        || next_char.is_uppercase()
        || matches!(
            next_char,
            '"' | '“' | '„' | '«' | '(' | '[' | '‘' | '\'' | '-' | '—'
        );
    if !starts_sentence {
        return false;
    }
    let is_period = first_char(text, &tokens[punct]) == '.';
    let prev = punct
        .checked_sub(1)
        .map(|p| tokens[p])
        .filter(|p| p.end == tokens[punct].start);
    if is_period && let Some(prev) = prev.filter(|p| p.kind == Kind::Word) {
        let word = prev.text(text);
        crate::text::lowercase_into(lower, word);
        // "Dr.", "Jend.", "No." and initials ("S.W.", "H. Ahmad") do not end a sentence,
        // nor does an abbreviated title after a hyphen ("then-Sen. Barack Obama"; a party
        // and state, "D-Calif.", may end one).
        let after_hyphen = lower.rsplit('-').next().unwrap_or("");
        if lexicon.abbreviations.contains(lower.as_str())
            || word.chars().count() == 1
            || (lower.contains('-')
                && lexicon.abbreviations.contains(after_hyphen)
                && lexicon.titles.contains(after_hyphen))
        {
            return false;
        }
    }
    if next.space_before || last > punct {
        return true;
    }
    // A lost space ("karbon.Selain itu"): a lower-case word, then a capitalised word with
    // lower case after its first letter. Domains ("detik.com") stay whole.
    let prev_is_lower_word = prev.is_some_and(|p| {
        p.kind == Kind::Word
            && p.text(text).chars().count() >= 3
            && p.text(text).chars().all(char::is_lowercase)
    });
    let next_is_word =
        next.kind == Kind::Word && next.text(text).chars().skip(1).any(char::is_lowercase);
    prev_is_lower_word && next_is_word
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end_token: usize) {
    if end_token > first {
        out.push(Sentence {
            start: tokens[first].start,
            end: tokens[end_token - 1].end,
            first_token: first,
            end_token,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::{marks, tokens};
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokens::tokenize(text);
        let mut marked = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            marks::marked_spans(text, start, start + line.len(), Lexicon::get(), &mut marked);
            start += line.len() + 1;
        }
        sentences(text, &tokens, &marked, Lexicon::get())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split(
                "Jend. Andika bertemu Dr. Maria S.W. Sumardjono di Jl. Merdeka No. 5. Mereka berbincang."
            ),
            [
                "Jend. Andika bertemu Dr. Maria S.W. Sumardjono di Jl. Merdeka No. 5.",
                "Mereka berbincang."
            ]
        );
        assert_eq!(
            split("Harganya Rp. 5.000 per kilo. Naik 5,12% dari 42,7 meter."),
            [
                "Harganya Rp. 5.000 per kilo.",
                "Naik 5,12% dari 42,7 meter."
            ]
        );
        assert_eq!(
            split("It was then-Sen. Barack Obama who voted against it. It rained."),
            [
                "It was then-Sen. Barack Obama who voted against it.",
                "It rained."
            ]
        );
        assert_eq!(
            split("So said Rep. Adam Schiff, D-Calif. He left."),
            ["So said Rep. Adam Schiff, D-Calif.", "He left."]
        );
        assert_eq!(
            split("He met Mr. Smith in the U.S. on Friday. It rained."),
            ["He met Mr. Smith in the U.S. on Friday.", "It rained."]
        );
    }

    #[test]
    fn quotations_stay_whole_and_lost_breaks_are_found() {
        assert_eq!(
            split("\"Kami siap. Kami menang,\" kata Budi. Lalu pulang."),
            ["\"Kami siap. Kami menang,\" kata Budi.", "Lalu pulang."]
        );
        assert_eq!(
            split("ekonomi rendah karbon.Selain itu, bank aktif. Buka detik.com sekarang."),
            [
                "ekonomi rendah karbon.",
                "Selain itu, bank aktif.",
                "Buka detik.com sekarang."
            ]
        );
        assert_eq!(
            split("Judul\nParagraf satu. Dua?! \"Tiga.\" Empat"),
            ["Judul", "Paragraf satu.", "Dua?!", "\"Tiga.\"", "Empat"]
        );
    }
}
