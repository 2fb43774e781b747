//! Turning the bytes of a text file into article text: encoding detection, binary
//! rejection, line-ending normalisation and a title.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use thiserror::Error;

/// Why bytes could not be read as article text. Messages complete the sentence
/// "`<file>` …", so callers prefix the path or URL.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error("is empty")]
    Empty,
    #[error("contains only white space, no text")]
    Blank,
    #[error("looks like {0}, not text")]
    Binary(String),
}

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, line endings normalised to `\n`, surrounding white space trimmed.
    pub text: String,
    /// WHATWG name of the encoding the bytes were read as ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: &'static str,
}

/// Well-known file signatures, so a PDF or image named `.txt` is refused by name.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
];

/// What a file is when its first bytes are a well-known binary signature ("a PDF document").
pub fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Decodes the bytes of a plain-text article.
///
/// A byte-order mark decides the encoding; otherwise valid UTF-8 is taken as UTF-8, and
/// anything else goes to `chardetng`, which is tuned for legacy web encodings (Windows-1252
/// and friends). Bytes that look binary are refused rather than stored as mojibake.
pub fn decode_text(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(DecodeError::Binary(what.to_string()));
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, &bytes[bom_len..]),
        None => (sniff_encoding(bytes)?, bytes),
    };
    let (decoded, _) = encoding.decode_without_bom_handling(body);
    if looks_binary(&decoded) {
        return Err(DecodeError::Binary("a binary file".to_string()));
    }
    let text = normalise_line_endings(&decoded);
    let text = text.trim();
    if text.is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(DecodedText {
        text: text.to_string(),
        encoding: encoding.name(),
    })
}

/// Picks an encoding for bytes without a byte-order mark.
fn sniff_encoding(bytes: &[u8]) -> Result<&'static Encoding, DecodeError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let nul_count = sample.iter().filter(|&&b| b == 0).count();
    if nul_count > 0 {
        // UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.
        let odd_nuls = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count();
        let even_nuls = nul_count - odd_nuls;
        let half = sample.len() / 2;
        if odd_nuls * 10 >= half * 9 && even_nuls == 0 {
            return Ok(UTF_16LE);
        }
        if even_nuls * 10 >= half * 9 && odd_nuls == 0 {
            return Ok(UTF_16BE);
        }
        return Err(DecodeError::Binary(
            "a binary file (it contains NUL bytes)".to_string(),
        ));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Valid UTF-8 was ruled out above, so UTF-8 is no answer here.
    Ok(detector.guess(None, chardetng::Utf8Detection::Deny))
}

/// Text with more than 1% control characters (other than tab, line feed, carriage return,
/// form feed) is not something a person wrote.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
        if c == '\u{FFFD}' {
            // Replacement characters mean the bytes were not in the chosen encoding.
            control += 1;
        }
    }
    total > 0 && control * 100 > total
}

/// `\r\n` and lone `\r` become `\n`; a leading zero-width no-break space is dropped.
pub fn normalise_line_endings(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The longest title kept, in characters; longer headlines are cut with an ellipsis.
pub const MAX_TITLE_CHARS: usize = 200;

/// Cuts `text` to at most `max` characters, ending with "…" when it was cut.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// Number of Unicode code points in `text`: the unit of every offset that leaves the process.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Writes `word` in lower case into `buf` (cleared first). ASCII words, most of news text,
/// skip Unicode case tables.
pub fn lowercase_into(buf: &mut String, word: &str) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// `word` in lower case, without Unicode work for ASCII.
pub fn lowercase(word: &str) -> String {
    let mut buf = String::with_capacity(word.len());
    lowercase_into(&mut buf, word);
    buf
}

/// Byte classes for the word scanners: one table load a byte instead of range tests.
pub(crate) const ASCII_LETTER: u8 = 1;
/// Letters, digits and '_'.
const ASCII_WORD: u8 = 2;
pub(crate) const ASCII_DIGIT: u8 = 4;
pub(crate) const ASCII_UPPER: u8 = 8;
pub(crate) const ASCII_LOWER: u8 = 16;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphabetic() {
            table[b] |= ASCII_LETTER | ASCII_WORD;
        }
        if byte.is_ascii_uppercase() {
            table[b] |= ASCII_UPPER;
        }
        if byte.is_ascii_lowercase() {
            table[b] |= ASCII_LOWER;
        }
        if byte.is_ascii_digit() {
            table[b] |= ASCII_DIGIT;
        }
        if byte.is_ascii_digit() || byte == b'_' {
            table[b] |= ASCII_WORD;
        }
        b += 1;
    }
    table
};

/// The classes of `byte` ([`ASCII_LETTER`], [`ASCII_DIGIT`], …); 0 for any other byte.
pub(crate) fn byte_class(byte: u8) -> u8 {
    BYTE_CLASS[usize::from(byte)]
}

fn run_of(bytes: &[u8], from: usize, class: u8) -> usize {
    let mut end = from;
    while end < bytes.len() && BYTE_CLASS[usize::from(bytes[end])] & class != 0 {
        end += 1;
    }
    end
}

/// [`ascii_word_end`], and the classes of the bytes it passed, OR-ed together (whether an
/// upper- or lower-case letter is among them).
pub fn ascii_word_end_with_classes(bytes: &[u8], from: usize) -> (usize, u8) {
    let (mut end, mut classes) = (from, 0);
    while let Some(&byte) = bytes.get(end) {
        let class = BYTE_CLASS[usize::from(byte)];
        if class & ASCII_WORD == 0 {
            break;
        }
        classes |= class;
        end += 1;
    }
    (end, classes)
}

/// The end of the run of ASCII letters in `bytes` starting at `from`.
pub fn ascii_letters_end(bytes: &[u8], from: usize) -> usize {
    run_of(bytes, from, ASCII_LETTER)
}

/// The end of the run of ASCII letters, digits and underscores starting at `from`.
pub fn ascii_word_end(bytes: &[u8], from: usize) -> usize {
    run_of(bytes, from, ASCII_WORD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_runs_stop_at_the_first_byte_outside_their_class() {
        assert_eq!(ascii_letters_end(b"Kata2 ya", 0), 4);
        assert_eq!(ascii_word_end(b"Kata2_x ya", 0), 7);
        assert_eq!(ascii_letters_end("dé".as_bytes(), 0), 1);
        assert_eq!(ascii_word_end(b"ab", 2), 2);
    }

    #[test]
    fn utf8_is_read_as_is() {
        let decoded =
            decode_text("Harga beras naik 5,12% di Palembang.\r\nKata dia.".as_bytes()).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(
            decoded.text,
            "Harga beras naik 5,12% di Palembang.\nKata dia."
        );
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let decoded = decode_text("\u{FEFF}Jakarta".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Jakarta");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_in_both_orders() {
        let text = "Menteri berkata “naik” — 42,7 meter";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            decode_text(&le).unwrap(),
            DecodedText {
                text: text.into(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(
            decode_text(&be).unwrap(),
            DecodedText {
                text: text.into(),
                encoding: "UTF-16BE"
            }
        );
    }

    #[test]
    fn utf16le_without_bom_is_recognised() {
        let bytes: Vec<u8> = "Plain ASCII article text."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode_text(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert_eq!(decoded.text, "Plain ASCII article text.");
    }

    #[test]
    fn windows_1252_is_detected() {
        // "The minister’s “promise” cost €5" in Windows-1252: curly quotes and the euro sign
        // are single bytes that are not valid UTF-8.
        let bytes =
            b"The minister\x92s \x93promise\x94 cost \x805 million, said the caf\xe9 owner.";
        let decoded = decode_text(bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(
            decoded.text,
            "The minister’s “promise” cost €5 million, said the café owner."
        );
    }

    #[test]
    fn refusals_say_what_was_wrong() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        assert_eq!(decode_text(b" \n\t \r\n"), Err(DecodeError::Blank));
        assert_eq!(
            decode_text(b"%PDF-1.7 ..."),
            Err(DecodeError::Binary("a PDF document".into()))
        );
        let noise: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(decode_text(&noise), Err(DecodeError::Binary(_))));
        let controls = "text\u{1}\u{2}\u{3}\u{4}\u{5}".repeat(50);
        assert!(matches!(
            decode_text(controls.as_bytes()),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn error_messages_read_after_a_path() {
        assert_eq!(
            format!("notes.txt {}", DecodeError::Empty),
            "notes.txt is empty"
        );
        assert_eq!(
            format!("scan.txt {}", DecodeError::Binary("a PDF document".into())),
            "scan.txt looks like a PDF document, not text"
        );
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        let title = truncate_chars(&"a".repeat(300), MAX_TITLE_CHARS);
        assert_eq!(title.chars().count(), MAX_TITLE_CHARS);
        assert!(title.ends_with('…'));
        assert_eq!(truncate_chars("pendek", MAX_TITLE_CHARS), "pendek");
    }

    proptest! {
        #[test]
        fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            if let Ok(decoded) = decode_text(&bytes) {
                prop_assert!(!decoded.text.is_empty());
                prop_assert!(!decoded.text.contains('\r'));
            }
        }

        #[test]
        fn any_utf8_text_round_trips(text in "[\\PC\n]{1,200}") {
            let trimmed = text.trim();
            prop_assume!(!trimmed.is_empty());
            prop_assume!(!trimmed.starts_with('\u{FEFF}'));
            prop_assume!(!SIGNATURES.iter().any(|(magic, _)| trimmed.as_bytes().starts_with(magic)));
            prop_assume!(!looks_binary(trimmed));
            let decoded = decode_text(trimmed.as_bytes()).unwrap();
            prop_assert_eq!(decoded.text, trimmed);
        }

        #[test]
        fn truncation_respects_char_boundaries(text in "\\PC{0,300}", max in 1usize..250) {
            let cut = truncate_chars(&text, max);
            prop_assert!(cut.chars().count() <= max);
        }
    }
}
