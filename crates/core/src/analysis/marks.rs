//! Pairs quotation marks within a paragraph, the way a reader would, including the damage
//! scraping does: straight marks whose direction must be guessed, reversed marks ("”" used
//! to open), a missing opening mark, and a missing closing mark.

use super::lexicon::Lexicon;

/// Text between quotation marks; byte offsets into the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark's offset, if the text has one.
    pub open: Option<usize>,
    /// The closing mark's offset, if the text has one.
    pub close: Option<usize>,
    /// The content, marks excluded, whitespace trimmed.
    pub start: usize,
    pub end: usize,
}

impl Marked {
    /// Where the quotation ends in the text, marks included.
    pub fn outer_end(&self, text: &str) -> usize {
        self.close.map_or(self.end, |c| {
            c + text[c..].chars().next().map_or(0, char::len_utf8)
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark, or a curly one used either way: the context decides.
    Either,
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | ':' | ';' | ',' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„'
        )
}

fn is_sentence_punct(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | '…' | ';' | ':')
}

/// A double quotation mark in any of the styles news text uses.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\u{201F}' | '\u{FF02}'
    )
}

/// The quotation marks of a paragraph and their offsets in it. Every mark's first byte is one
/// of four, so the text between marks is skipped a vector at a time instead of decoded: most
/// paragraphs have no mark at all.
fn quote_marks(paragraph: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // '"'; «, » (C2 ..); “, ”, „, ‟ (E2 80 ..); ＂ (EF BC 82).
    const FULLWIDTH_LEAD: u8 = 0xEF;
    let bytes = paragraph.as_bytes();
    let rare = bytes.contains(&FULLWIDTH_LEAD);
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let found = if rare {
                bytes[from..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | 0xC2 | 0xE2 | FULLWIDTH_LEAD))
            } else {
                memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[from..])
            };
            let at = from + found?;
            // A lead byte or ASCII: a char boundary.
            let c = paragraph[at..].chars().next()?;
            from = at + 1;
            if is_quote_mark(c) {
                return Some((at, c));
            }
        }
    })
}

/// Finds the marked spans of one paragraph `text[start..end]` (no line breaks inside).
pub fn marked_spans(
    text: &str,
    start: usize,
    end: usize,
    lexicon: &Lexicon,
    out: &mut Vec<Marked>,
) {
    let paragraph = &text[start..end];
    let mut marks = quote_marks(paragraph).peekable();
    if marks.peek().is_none() {
        return;
    }
    let mut pending: Option<usize> = None;
    let mut marks_seen = 0usize;
    for (i, c) in marks {
        let prev = paragraph[..i].chars().next_back();
        let next = paragraph[i + c.len_utf8()..].chars().next();
        let at = start + i;
        marks_seen += 1;
        let can_open =
            next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(is_opening_context);
        let can_close = prev.is_some_and(|p| !p.is_whitespace())
            && (next.is_none_or(|n| {
                n.is_whitespace() || is_sentence_punct(n) || matches!(n, ')' | ']' | '-' | '—')
            }) || prev.is_some_and(is_sentence_punct));
        let role = match c {
            '“' | '„' | '«' | '\u{201F}' => Role::Open,
            '»' => Role::Close,
            '”' => Role::Either,
            _ => Role::Either,
        };
        let closes = match (role, pending) {
            (_, None) => false,
            (Role::Close, Some(_)) => true,
            // "…, “ kata X": an opening mark between spaces ends the pending quotation.
            (Role::Open, Some(_)) => !can_open,
            (Role::Either, Some(_)) => can_close || !can_open,
        };
        if let Some(open) = pending.filter(|_| closes) {
            push(
                text,
                Some(open),
                Some(at),
                open + text[open..].chars().next().map_or(1, char::len_utf8),
                at,
                out,
            );
            pending = None;
        } else if let Some(open) = pending {
            // A second opening while one is pending: the first lost its closing mark. It ends
            // before an attribution on the same line ("…WFA,ungkap Nur"), else here.
            let content_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
            let content_end = cue_split(text, content_start, at, lexicon).unwrap_or(at);
            push(text, Some(open), None, content_start, content_end, out);
            pending = Some(at);
        } else if role == Role::Close || (role == Role::Either && can_close && !can_open) {
            // A closing mark with nothing open: the opening mark was lost. Only the first
            // mark of a paragraph can be that; the quotation starts with the paragraph.
            if marks_seen == 1 {
                push(text, None, Some(at), start, at, out);
            }
        } else {
            pending = Some(at);
        }
    }
    if let Some(open) = pending {
        let content_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let content_end = cue_split(text, content_start, end, lexicon).unwrap_or(end);
        push(text, Some(open), None, content_start, content_end, out);
    }
}

/// In an unclosed quotation, the place where the reporter's attribution starts: sentence
/// punctuation directly followed by a speech cue (",ungkap Nur", ", kata dia").
fn cue_split(text: &str, start: usize, end: usize, lexicon: &Lexicon) -> Option<usize> {
    let content = &text[start..end];
    let mut lower = String::new();
    for (i, c) in content.char_indices() {
        if !matches!(c, ',' | '?' | '!') {
            continue;
        }
        let after = content[i + 1..].trim_start();
        let word: &str = after
            .split(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or("");
        if word.is_empty() || word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        lower.clear();
        lower.push_str(word);
        if lexicon.speech_cue(&lower).is_some() && !lexicon.source_cues.contains(lower.as_str()) {
            return Some(start + i + c.len_utf8());
        }
    }
    None
}

fn push(
    text: &str,
    open: Option<usize>,
    close: Option<usize>,
    start: usize,
    end: usize,
    out: &mut Vec<Marked>,
) {
    let content = &text[start..end];
    let trimmed_start = start + (content.len() - content.trim_start().len());
    let trimmed_end = start + content.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(Marked {
            open,
            close,
            start: trimmed_start,
            end: trimmed_end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            marked_spans(text, start, start + line.len(), Lexicon::get(), &mut out);
            start += line.len() + 1;
        }
        out.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            spans(r#""Kami siap," kata Budi, "dan kami menang.""#),
            ["Kami siap,", "dan kami menang."]
        );
        assert_eq!(spans("“Terima kasih,” kata Rina."), ["Terima kasih,"]);
        assert_eq!(spans("„Guten Tag“ und «bonjour»"), ["Guten Tag", "bonjour"]);
    }

    #[test]
    fn guesses_direction_of_glued_marks() {
        assert_eq!(
            spans(r#"Ia melanjutkan,"Program ini baik,"tulis dia."#),
            ["Program ini baik,"]
        );
    }

    #[test]
    fn reversed_opening_mark_opens() {
        assert_eq!(
            spans("aturan. ”Upaya hukum sudah sesuai,” kata Zul."),
            ["Upaya hukum sudah sesuai,"]
        );
    }

    #[test]
    fn missing_marks_follow_the_guidelines() {
        // Missing opening mark: the quotation starts with the paragraph.
        assert_eq!(
            spans("Saya tidak tahu apa-apa,\" kata warga itu."),
            ["Saya tidak tahu apa-apa,"]
        );
        // Missing closing mark before the attribution on the same line.
        assert_eq!(
            spans("\"Aku kesulitan bekerja,ungkap Nur. \"Itu benar.\""),
            ["Aku kesulitan bekerja,", "Itu benar."]
        );
        // Missing closing mark at the paragraph end: the quotation runs to the end.
        assert_eq!(
            spans("\"Malam ini penting bagi saya\n\"Lanjutannya di sini,\" tambah dia."),
            ["Malam ini penting bagi saya", "Lanjutannya di sini,"]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        let text = "\"".repeat(1001) + "“”„«»";
        let found = spans(&text);
        assert!(found.len() <= 1004);
    }
}
