//! A fast language guess. Indonesian and English, the workbench's first-class languages, are
//! told apart by counting function words (reliable on a paragraph or more, and Malay-aware
//! models are not needed); other languages come from `whatlang`'s trigram model when it is
//! confident. Too little text, or no confident answer, gives `None` rather than a wrong guess.

use crate::wordset::WordSet;
use std::sync::OnceLock;

const INDONESIAN: &str = include_str!("../lexicons/function-words.id.txt");
const ENGLISH: &str = include_str!("../lexicons/function-words.en.txt");

/// How many words are inspected at most; the start of an article decides.
const SAMPLE_WORDS: usize = 2_000;
/// Fewer function-word hits than this is too little evidence.
const MIN_HITS: usize = 3;
/// With this many Indonesian and English function words together, the text is one of the two.
const MIXED_HITS: usize = 12;
/// The opening words that decide alone when eight in ten of at least [`CLEAR_HITS`] function
/// words among them are one language's.
const OPENING_WORDS: usize = 80;
const CLEAR_HITS: usize = 12;

static ID_WORDS: OnceLock<WordSet> = OnceLock::new();
static EN_WORDS: OnceLock<WordSet> = OnceLock::new();

fn lexicon(cell: &'static OnceLock<WordSet>, source: &'static str) -> &'static WordSet {
    cell.get_or_init(|| {
        source
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

/// Guesses "id" or "en" from the text's function words; `None` when neither clearly wins.
pub fn guess_language(text: &str) -> Option<&'static str> {
    guess_language_from(text, SAMPLE_WORDS)
}

/// [`guess_language`] on at most the first `sample_words` words: analysis uses a short
/// sample, because the opening paragraphs decide and analysis must stay fast.
pub fn guess_language_from(text: &str, sample_words: usize) -> Option<&'static str> {
    // Most articles are plainly one language within their first sentences: a clear majority
    // there decides without reading the rest of the sample.
    if sample_words > OPENING_WORDS
        && let Some(language) = majority(function_word_hits(text, OPENING_WORDS), CLEAR_HITS, 8)
    {
        return Some(language);
    }
    let (id_hits, en_hits) = function_word_hits(text, sample_words);
    let total = id_hits + en_hits;
    if let Some(language) = majority((id_hits, en_hits), MIN_HITS, 7) {
        Some(language)
    } else if total >= MIXED_HITS {
        // Plenty of both: Indonesian quoting English, or the reverse. The majority decides;
        // another language would not be full of Indonesian and English function words.
        Some(if id_hits >= en_hits { "id" } else { "en" })
    } else {
        other_language(text)
    }
}

/// "id" or "en" when at least `min_hits` function words were counted and `tenths` in ten
/// of them are that language's.
fn majority(
    (id_hits, en_hits): (usize, usize),
    min_hits: usize,
    tenths: usize,
) -> Option<&'static str> {
    let total = id_hits + en_hits;
    if total < min_hits {
        None
    } else if id_hits * 10 >= total * tenths {
        Some("id")
    } else if en_hits * 10 >= total * tenths {
        Some("en")
    } else {
        None
    }
}

/// Indonesian or English by a bare majority of function words, for text too short for
/// [`guess_language`] ("Harga gas naik 12 persen, kata pedagang."): good enough to pick
/// word lists, not to label the text.
pub fn lean_language(text: &str, sample_words: usize) -> Option<&'static str> {
    let (id_hits, en_hits) = function_word_hits(text, sample_words);
    match id_hits.cmp(&en_hits) {
        std::cmp::Ordering::Greater => Some("id"),
        std::cmp::Ordering::Less => Some("en"),
        std::cmp::Ordering::Equal => None,
    }
}

/// Indonesian and English function words in one map, to a bit per language: one lookup a
/// word instead of two.
fn function_words() -> &'static FunctionWords {
    static BOTH: OnceLock<FunctionWords> = OnceLock::new();
    BOTH.get_or_init(|| {
        let mut both = FunctionWords::default();
        for (bit, words) in [
            (ID_BIT, lexicon(&ID_WORDS, INDONESIAN)),
            (EN_BIT, lexicon(&EN_WORDS, ENGLISH)),
        ] {
            for word in words {
                if let Some(key) = pack(word.as_bytes()) {
                    *both.entry(key).or_default() |= bit;
                }
            }
        }
        both
    })
}

/// Keyed by [`pack`]: a word lower-cased in a register is looked up without a UTF-8 check
/// or a byte-by-byte comparison.
type FunctionWords =
    std::collections::HashMap<u128, u8, std::hash::BuildHasherDefault<crate::wordset::FxHasher>>;

/// A word of at most 16 bytes as one number, zero-padded (words hold no NUL); `None` for a
/// longer word, which is no function word.
fn pack(word: &[u8]) -> Option<u128> {
    let mut buffer = [0u8; 16];
    buffer.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(buffer))
}

const ID_BIT: u8 = 1;
const EN_BIT: u8 = 2;

fn function_word_hits(text: &str, sample_words: usize) -> (usize, usize) {
    let both = function_words();
    let (mut id_hits, mut en_hits) = (0usize, 0usize);
    let mut lower = String::new();
    let bytes = text.as_bytes();
    // The letter (ASCII or not) at byte `at`, and its length; None past the end.
    let letter_at = |at: usize| -> Option<(bool, usize)> {
        let byte = *bytes.get(at)?;
        if byte.is_ascii() {
            return Some((byte.is_ascii_alphabetic(), 1));
        }
        let c = text[at..].chars().next()?;
        Some((c.is_alphabetic(), c.len_utf8()))
    };
    let (mut at, mut words) = (0, 0);
    while words < sample_words {
        let Some((is_letter, len)) = letter_at(at) else {
            break;
        };
        if !is_letter {
            at += len;
            continue;
        }
        let start = at;
        at += len;
        loop {
            at = crate::text::ascii_letters_end(bytes, at);
            match letter_at(at) {
                Some((true, len)) => at += len,
                _ => break,
            }
        }
        words += 1;
        let word = &text[start..at];
        // Function words are short; longer words cannot match, so skip them without work.
        if word.len() > MAX_FUNCTION_WORD {
            continue;
        }
        let key = if word.is_ascii() {
            let mut buffer = [0u8; 16];
            buffer[..word.len()].copy_from_slice(word.as_bytes());
            buffer.make_ascii_lowercase();
            u128::from_le_bytes(buffer)
        } else {
            crate::text::lowercase_into(&mut lower, word);
            let Some(key) = pack(lower.as_bytes()) else {
                continue;
            };
            key
        };
        let bits = both.get(&key).copied().unwrap_or(0);
        id_hits += usize::from(bits & ID_BIT != 0);
        en_hits += usize::from(bits & EN_BIT != 0);
    }
    (id_hits, en_hits)
}

/// Longer words are not function words (and fit [`pack`]).
const MAX_FUNCTION_WORD: usize = 12;

/// Text sampled for the trigram model: enough to be confident, little enough to be quick.
const SAMPLE_CHARS: usize = 1_500;

/// A confident guess of another language, as an ISO 639-1 tag where there is one.
fn other_language(text: &str) -> Option<&'static str> {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let info = whatlang::detect(&text[..end]).filter(|info| info.is_reliable())?;
    use whatlang::Lang::*;
    // The two first-class languages are only ever named by the function-word count above.
    Some(match info.lang() {
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Tha => "th",
        Vie => "vi",
        Hin => "hi",
        Ben => "bn",
        Tgl => "tl",
        Jav => "jv",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Ell => "el",
        Heb => "he",
        Pes => "fa",
        Urd => "ur",
        Tam => "ta",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        _ => return None,
    })
}

/// Whether a lower-case word is an Indonesian or English function word ("namun", "the"):
/// analysis uses it to keep sentence-initial words out of names.
pub fn is_function_word(lower: &str) -> bool {
    lexicon(&ID_WORDS, INDONESIAN).contains(lower) || lexicon(&EN_WORDS, ENGLISH).contains(lower)
}

#[cfg(test)]
mod tests {
    use super::guess_language;

    #[test]
    fn tells_indonesian_from_english() {
        assert_eq!(
            guess_language(
                "Harga beras di pasar tradisional naik karena pasokan dari petani berkurang, kata dia."
            ),
            Some("id")
        );
        assert_eq!(
            guess_language(
                "The price of rice in traditional markets rose because supply from farmers fell, he said."
            ),
            Some("en")
        );
    }

    #[test]
    fn mixed_indonesian_and_english_goes_to_the_majority() {
        let text = "Menteri itu mengatakan bahwa the government said it will act, dan dia juga mengatakan bahwa mereka akan datang ke rapat itu untuk membahas the budget with the minister.";
        assert_eq!(guess_language(text), Some("id"));
    }

    #[test]
    fn too_little_text_is_undetermined() {
        assert_eq!(guess_language("Jakarta"), None);
        assert_eq!(guess_language(""), None);
    }

    #[test]
    fn other_languages_are_named_when_the_model_is_confident() {
        assert_eq!(
            guess_language(
                "Der Preis für Reis ist in diesem Monat deutlich gestiegen, sagte der Minister am Dienstag in Berlin vor Journalisten."
            ),
            Some("de")
        );
        assert_eq!(
            guess_language(
                "Le prix du riz a fortement augmenté ce mois-ci, a déclaré le ministre mardi devant les journalistes à Paris."
            ),
            Some("fr")
        );
    }
}
