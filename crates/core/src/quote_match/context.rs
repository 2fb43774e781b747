//! What a verbatim cut leaves out: a quotation can be the source's exact words and still
//! stop before "unless …". The rest of the source sentence on either side of a passage, so
//! a checker sees it (shown by `factdesk match`; the contract's JSON is unchanged).

/// The source sentence's text before and after the passage `start..end` (code points), each
/// `None` when the passage starts or ends the sentence (or only punctuation is left).
pub fn sentence_around(text: &str, start: usize, end: usize) -> (Option<String>, Option<String>) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let ends_sentence = |c: char| matches!(c, '.' | '!' | '?' | '\n' | '…');
    let before_from = chars[..start]
        .iter()
        .rposition(|&c| ends_sentence(c))
        .map_or(0, |at| at + 1);
    let after_to = chars[end..]
        .iter()
        .position(|&c| ends_sentence(c))
        .map_or(chars.len(), |at| end + at + 1);
    let piece = |from: usize, to: usize| {
        let piece: String = chars[from..to].iter().collect();
        let has_words = piece.chars().any(char::is_alphanumeric);
        has_words.then(|| piece.trim().to_string())
    };
    (piece(before_from, start), piece(end, after_to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rest_of_a_cut_sentence() {
        let text = "Thanks. We will not raise duties, unless the deficit grows. Next.";
        let start = text.find("We").unwrap();
        let end = text.find(", unless").unwrap();
        assert_eq!(
            sentence_around(text, start, end),
            (None, Some(", unless the deficit grows.".to_string()))
        );
        let middle = text.find("not").unwrap();
        assert_eq!(
            sentence_around(text, middle, end).0.as_deref(),
            Some("We will")
        );
        let whole_end = text.find(" Next").unwrap() - 1;
        assert_eq!(sentence_around(text, start, whole_end), (None, None));
    }
}
