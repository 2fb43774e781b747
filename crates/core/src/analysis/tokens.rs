//! Words, numbers, punctuation and line breaks with their byte spans: the one pass over the
//! text that the other analysis steps share.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits after a letter), with inner hyphens and apostrophes: "kupu-kupu", "don't".
    Word,
    /// Digits with inner decimal or thousands marks: "5,12", "1.200", "2023".
    Number,
    /// Any other visible character, one per token.
    Punct,
    /// A line break: paragraphs end here.
    Break,
}

/// One token; `start..end` are byte offsets into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the text's start) precedes it. Words glued by a scraper
    /// ("KhameneiPutin") are split into tokens without space between them.
    pub space_before: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// A word whose first letter is upper case.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.kind == Kind::Word
            && text[self.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_' || c == '@' || c == '#'
    } else {
        c.is_alphanumeric()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2011}')
}

/// The char at byte `at` (a char boundary); ASCII without decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some(char::from(byte));
    }
    text[at..].chars().next()
}

/// Splits text into tokens in one linear pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut space_before = true;
    while let Some(c) = char_at(text, at) {
        let start = at;
        at += c.len_utf8();
        if c == '\n' {
            tokens.push(Token {
                start,
                end: start + 1,
                kind: Kind::Break,
                space_before,
            });
            space_before = true;
            continue;
        }
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if c.is_ascii_digit() {
            while let Some(d) = char_at(text, at) {
                let next_is_digit = bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
                if d.is_ascii_digit() || ((d == '.' || d == ',') && next_is_digit) {
                    at += d.len_utf8();
                } else {
                    break;
                }
            }
            // "2023an", "5G", "19-an": a number glued to letters is a word.
            let kind = if char_at(text, at).is_some_and(char::is_alphabetic) {
                Kind::Word
            } else {
                Kind::Number
            };
            if kind == Kind::Word {
                at = scan_word(text, at);
            }
            tokens.push(Token {
                start,
                end: at,
                kind,
                space_before,
            });
            space_before = false;
            continue;
        }
        if c.is_ascii_alphabetic() {
            // Most words are ASCII and end at a space or plain punctuation: one pass finds
            // the end and whether a case change could split the word ("KhameneiPutin").
            let (end, classes) = crate::text::ascii_word_end_with_classes(bytes, at);
            let ends_plainly = ends_plainly(bytes, end);
            let inner_capital = classes & crate::text::ASCII_UPPER != 0;
            let lower = c.is_ascii_lowercase() || classes & crate::text::ASCII_LOWER != 0;
            if ends_plainly && !(inner_capital && lower) {
                // "Putinmengatakan": a capitalised word with a verb a scraper glued on.
                let tail = if c.is_ascii_uppercase() && !inner_capital {
                    glued_tail(text, start, end)
                } else {
                    None
                };
                let word_end = tail.unwrap_or(end);
                tokens.push(Token {
                    start,
                    end: word_end,
                    kind: Kind::Word,
                    space_before,
                });
                if word_end < end {
                    // The lost space: the tail is no part of the name before it.
                    tokens.push(Token {
                        start: word_end,
                        end,
                        kind: Kind::Word,
                        space_before: true,
                    });
                }
                at = end;
                space_before = false;
                continue;
            }
        }
        if is_word_char(c) {
            at = scan_word(text, at);
            split_glued(text, start, at, space_before, &mut tokens);
            space_before = false;
            continue;
        }
        tokens.push(Token {
            start,
            end: at,
            kind: Kind::Punct,
            space_before,
        });
        space_before = false;
    }
    tokens
}

/// Where the tail of a capitalised ASCII word `start..end` starts when the tail is an
/// Indonesian word scrapers glue to a name ("Putin|mengatakan", "Manado|melakukan"): the
/// lexicon's `[glued-tails]`, four letters or more, after at least three letters.
fn glued_tail(text: &str, start: usize, end: usize) -> Option<usize> {
    const SHORTEST_TAIL: usize = 4;
    const SHORTEST_HEAD: usize = 3;
    const LONGEST_TAIL: usize = 14;
    if end - start < SHORTEST_HEAD + SHORTEST_TAIL {
        return None;
    }
    static SHAPES: std::sync::OnceLock<TailShapes> = std::sync::OnceLock::new();
    let shapes = SHAPES
        .get_or_init(|| TailShapes::new(&super::lexicon::Lexicon::get().glued_tails, LONGEST_TAIL));
    let longest = LONGEST_TAIL.min(end - start - SHORTEST_HEAD);
    // The longest tail first: "Budimenyebutkan" loses "menyebutkan", not "sebutkan".
    (SHORTEST_TAIL..=longest)
        .rev()
        .map(|length| end - length)
        .find(|&at| shapes.is_tail(text, at, end))
}

/// The words a scraper glues to the word before them, with a bit per length of the tails
/// that start with each byte and the bytes they end with: most positions of most words are
/// ruled out without hashing.
struct TailShapes {
    tails: &'static super::lexicon::WordSet,
    starts: [u16; 256],
    ends: [bool; 256],
}

impl TailShapes {
    /// `longest` is at most 15, the bits of a `u16`.
    fn new(tails: &'static super::lexicon::WordSet, longest: usize) -> Self {
        let mut starts = [0u16; 256];
        let mut ends = [false; 256];
        for tail in tails.iter().filter(|t| t.len() <= longest) {
            let bytes = tail.as_bytes();
            starts[usize::from(bytes[0])] |= 1 << tail.len();
            ends[usize::from(bytes[bytes.len() - 1])] = true;
        }
        TailShapes {
            tails,
            starts,
            ends,
        }
    }

    /// Whether some tail could end with this byte.
    fn may_end_with(&self, byte: u8) -> bool {
        self.ends[usize::from(byte)]
    }

    /// Whether `text[at..end]` is one of the tails.
    fn is_tail(&self, text: &str, at: usize, end: usize) -> bool {
        self.starts[usize::from(text.as_bytes()[at])] & 1 << (end - at) != 0
            && self.tails.contains(&text[at..end])
    }
}

/// Whether a word whose ASCII letters and digits stop at byte `end` ends there: at the
/// text's end, a space or a mark that neither continues a word ("@", "#") nor joins one
/// ("-", "'"). Most words do, and are found without decoding characters.
fn ends_plainly(bytes: &[u8], end: usize) -> bool {
    bytes
        .get(end)
        .is_none_or(|&b| b.is_ascii() && !matches!(b, b'@' | b'#' | b'-' | b'\''))
}

/// The end of the word whose characters continue at byte `end`.
fn scan_word(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, most of a word, without decoding characters.
        end = crate::text::ascii_word_end(bytes, end);
        if ends_plainly(bytes, end) {
            return end;
        }
        match char_at(text, end) {
            Some(d) if is_word_char(d) => end += d.len_utf8(),
            Some(d)
                if is_joiner(d)
                    && char_at(text, end + d.len_utf8()).is_some_and(char::is_alphanumeric) =>
            {
                end += d.len_utf8();
            }
            _ => return end,
        }
    }
}

/// Splits a short Indonesian word off a capitalised word a scraper glued it to, where the
/// article has the rest as a word of its own ("Benzaquendi" when "Benzaquen" occurs) or the
/// rest is an acronym ("ASdi"). Names end with these words too ("Mahdi", "Ramadan"), so the
/// article's own spelling decides. The tails are the lexicon's `[glued-short-tails]`.
pub fn split_short_tails(text: &str, tokens: &mut Vec<Token>) {
    const SHORTEST_HEAD: usize = 3;
    const LONGEST_TAIL: usize = 8;
    static SHAPES: std::sync::OnceLock<TailShapes> = std::sync::OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        TailShapes::new(
            &super::lexicon::Lexicon::get().glued_short_tails,
            LONGEST_TAIL,
        )
    });
    let bytes = text.as_bytes();
    // Where the tail starts: after a lower-case letter (the rest written on its own
    // elsewhere) or an acronym. The longest tail first.
    let tail_at = |token: &Token| -> Option<usize> {
        let word = &bytes[token.start..token.end];
        // Two capitals and a two-letter tail at the least ("ASdi"). A tail is ASCII, so a
        // match starts on a character boundary whatever the head holds.
        if word.len() < 4
            || !word[0].is_ascii_uppercase()
            || !shapes.may_end_with(word[word.len() - 1])
        {
            return None;
        }
        (2..=LONGEST_TAIL.min(word.len() - 2))
            .rev()
            .map(|length| word.len() - length)
            .find(|&at| {
                (at >= SHORTEST_HEAD || word[at - 1].is_ascii_uppercase())
                    && shapes.is_tail(text, token.start + at, token.end)
            })
    };
    // The rest is an acronym ("AS"), or a word the article writes on its own.
    let splits = |token: &Token, at: usize| {
        let head = &bytes[token.start..token.start + at];
        head.iter().all(u8::is_ascii_uppercase)
            || memchr::memmem::find_iter(bytes, head).any(|found| {
                let before = found.checked_sub(1).map(|b| bytes[b]);
                let after = bytes.get(found + head.len());
                before.is_none_or(|b| !b.is_ascii_alphanumeric())
                    && after.is_none_or(|a| !a.is_ascii_alphanumeric())
            })
    };
    let mut out = Vec::new();
    let mut copied = 0;
    for (i, token) in tokens.iter().enumerate() {
        let Some(at) = (token.kind == Kind::Word)
            .then(|| tail_at(token))
            .flatten()
            .filter(|&at| splits(token, at))
        else {
            continue;
        };
        out.extend_from_slice(&tokens[copied..i]);
        out.push(Token {
            end: token.start + at,
            ..*token
        });
        // The lost space: the tail is no part of the name before it.
        out.push(Token {
            start: token.start + at,
            space_before: true,
            ..*token
        });
        copied = i + 1;
    }
    if copied > 0 {
        out.extend_from_slice(&tokens[copied..]);
        *tokens = out;
    }
}

/// Splits words a scraper glued together at case changes: "KhameneiPutin" -> "Khamenei" +
/// "Putin", "DPRMy" -> "DPR" + "My". Words with an inner capital that are one name
/// ("WhatsApp") split too, but stay adjacent, so name runs put them back together.
fn split_glued(text: &str, start: usize, end: usize, space_before: bool, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    // Every split is before an upper-case letter that is not the first, next to a lower-case
    // one: an ASCII word without the one ("menolak", "Putin") or the other ("DPR") is one
    // token, without looking at its letters' cases one by one.
    let bytes = word.as_bytes();
    if word.is_ascii()
        && (!bytes[1..].iter().any(u8::is_ascii_uppercase)
            || !bytes.iter().any(u8::is_ascii_lowercase))
    {
        tokens.push(Token {
            start,
            end,
            kind: Kind::Word,
            space_before,
        });
        return;
    }
    let mut piece_start = start;
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    // Lower-case letters right before this one: "McCain", "DeSantis" and "NasDem" have one
    // or two before their inner capital and are one word; a scraper glues whole words.
    let mut lower_run = 0;
    let mut iter = word.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = start + i;
        let next = iter.peek().map(|&(_, n)| n);
        let split = match prev {
            // lower -> Upper: "KhameneiPutin".
            // A piece that opened in lower case is a word glued on ("ofGAC", "diJakarta");
            // one that opened with a capital needs three lower-case letters first.
            Some(p) if p.is_lowercase() && c.is_uppercase() => {
                let opened_lower = text[piece_start..].starts_with(|f: char| f.is_lowercase());
                if opened_lower {
                    at - piece_start >= 2
                } else {
                    lower_run >= 3
                }
            }
            // UPPER UPPER -> Upper lower: "DPRMy" splits before "My".
            Some(p) if p.is_uppercase() && c.is_uppercase() => {
                prev2.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase)
            }
            _ => false,
        };
        if split {
            tokens.push(Token {
                start: piece_start,
                end: at,
                kind: Kind::Word,
                space_before: piece_start == start && space_before,
            });
            piece_start = at;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        prev2 = prev;
        prev = Some(c);
    }
    tokens.push(Token {
        start: piece_start,
        end,
        kind: Kind::Word,
        space_before: piece_start == start && space_before,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn numbers_keep_decimal_and_thousand_marks() {
        assert_eq!(
            texts("naik 5,12% jadi Rp 1.200."),
            ["naik", "5,12", "%", "jadi", "Rp", "1.200", "."]
        );
        assert_eq!(
            texts("42,7 meter, 2023."),
            ["42,7", "meter", ",", "2023", "."]
        );
    }

    #[test]
    fn verbs_glued_to_a_name_split_off() {
        assert_eq!(
            texts("Presiden Vladimir Putinmengatakan bahwa"),
            ["Presiden", "Vladimir", "Putin", "mengatakan", "bahwa"]
        );
        // The longest listed tail: "menyebutkan", not "sebutkan".
        assert_eq!(texts("Budimenyebutkan"), ["Budi", "menyebutkan"]);
        // The lost space is restored, so the verb is no part of the name run.
        let tokens = tokenize("Uskup Manadomelakukan");
        assert!(tokens[2].space_before);
        assert_eq!(texts("Khameneipada Senin"), ["Khamenei", "pada", "Senin"]);
        // Names and words that merely end like a listed word stay whole.
        assert_eq!(
            texts("Ramadan Jordan Pemerintah Sebagai Kedalaman Pyongyang"),
            [
                "Ramadan",
                "Jordan",
                "Pemerintah",
                "Sebagai",
                "Kedalaman",
                "Pyongyang"
            ]
        );
    }

    #[test]
    fn short_words_glued_to_names_split_off_where_the_article_has_the_name() {
        let split = |text: &str| {
            let mut tokens = tokenize(text);
            split_short_tails(text, &mut tokens);
            tokens
                .iter()
                .map(|t| (t.text(text).to_string(), t.space_before))
                .collect::<Vec<_>>()
        };
        let words = |text: &str| split(text).into_iter().map(|(w, _)| w).collect::<Vec<_>>();
        assert_eq!(
            words("Kata Benzaquen. Cyril Benzaquendi akun"),
            ["Kata", "Benzaquen", ".", "Cyril", "Benzaquen", "di", "akun"]
        );
        // The tail is a word of its own, with the space the scraper lost.
        assert!(split("Benzaquen Benzaquendi")[2].1);
        // An acronym needs no other spelling; a name the article never shortens stays.
        assert_eq!(
            words("Kedutaan ASdi Hanoi"),
            ["Kedutaan", "AS", "di", "Hanoi"]
        );
        assert_eq!(words("kata Ahmad Mahdi"), ["kata", "Ahmad", "Mahdi"]);
        assert_eq!(words("bulan Ramadan"), ["bulan", "Ramadan"]);
    }

    #[test]
    fn glued_words_split_at_case_changes() {
        assert_eq!(
            texts("Ali KhameneiPutin menolak"),
            ["Ali", "Khamenei", "Putin", "menolak"]
        );
        assert_eq!(
            texts("Komisi X DPRMy Esti"),
            ["Komisi", "X", "DPR", "My", "Esti"]
        );
        let tokens = tokenize("KhameneiPutin");
        assert!(tokens[0].space_before && !tokens[1].space_before);
        // One or two lower-case letters before an inner capital make one word of a name; a
        // lower-case word glued on splits off whatever its length.
        assert_eq!(
            texts("Mitch McConnell DeSantis NasDem YouTube"),
            ["Mitch", "McConnell", "DeSantis", "NasDem", "YouTube"]
        );
        assert_eq!(texts("ofGAC diJakarta"), ["of", "GAC", "di", "Jakarta"]);
        // Words that are all capitals, capitalised or lower case stay whole.
        assert_eq!(
            texts("DPR BPS2024 Putin menolak"),
            ["DPR", "BPS2024", "Putin", "menolak"]
        );
    }

    #[test]
    fn hyphens_apostrophes_and_breaks() {
        assert_eq!(
            texts("kupu-kupu don't\n\"Ya\""),
            ["kupu-kupu", "don't", "\n", "\"", "Ya", "\""]
        );
        assert_eq!(tokenize("a\nb")[1].kind, Kind::Break);
    }
}
