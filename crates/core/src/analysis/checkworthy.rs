//! Check-worthiness: an explainable score for one sentence or clause.
//!
//! The score is a logistic regression over two kinds of features:
//!
//! - **Feature groups** that a fact-checker can read: a number, a percentage, money, a date, a
//!   comparison, a statistic, a change in quantity, a superlative, an attribution, an
//!   accusation, a cause, something legal, a named entity (the "reasons"), and modifiers that
//!   only shape the score (opinion, hedging, obligation, the future, first or second person,
//!   greetings, negation, a question, the sentence's length). Words and phrases for the groups
//!   are data, one list per language (`lexicons/checkworthy.en.txt`, `checkworthy.id.txt`),
//!   so a group means the same thing in English and Indonesian.
//! - **Words**: lowercased unigrams and bigrams (every number is `#`, `^` marks the start), and
//!   for plain words of five letters or more their first four letters (`p:`, a crude stem) and
//!   last three (`s:`, a crude word class: "-ed", "-ion"), for English only, because the
//!   training data is English.
//! - **Meanings** (English only): a number per word (`m:`) that the score adds up over the
//!   sentence and divides by its number of words. It is what a weight vector on the sentence's
//!   mean word vector comes to, folded into each word by the trainer: the vectors are static
//!   ones taken from a small sentence-embedding model (`cargo xtask word-vectors`), so words
//!   the labelled sentences rarely or never use still get a weight from words like them, and
//!   nothing but one more lookup a word is needed to score.
//!
//! Two models are therefore shipped in `models/checkworthy.txt`, both trained by
//! `cargo xtask train-claims` on English sentences: `[english]` uses groups and words and
//! scores English (and any language that is not Indonesian or Malay: its words simply do not
//! fire); `[reasons-only]` uses the groups alone and scores Indonesian, whose lexicon maps its
//! words onto the same groups. A reasons-only model trained on its own is better calibrated
//! for a language without word weights than the English model with its word weights left out,
//! which would lose the part of the score the words carried. Both biases are shifted so that
//! 0.5 is the F1-best cut under cross-validation.
//!
//! The weights file is plain text, `name weight` a line, so every weight can be read and
//! questioned; its header says how well each model did under cross-validation. The reasons
//! given for a sentence are its groups whose weight in the reasons-only model is clearly
//! positive, largest first, in every language: there a group's weight is what the group alone
//! says about check-worthiness, while in the English model part of it has moved to words (the
//! weights of "year" and "since" leave the date group nothing), so the same group would be
//! explained differently in the two languages.
//!
//! Scoring is one pass over the sentence without allocation (apart from the reasons): words
//! are hashed as they are lowercased (eight bytes at a time) and looked up in hash maps keyed
//! by that hash, behind bitmaps of the keys that are there (most words are not). The trainer gets the very same
//! features by name through [`training::feature_names`], so what is trained is what is scored.

use crate::text::{ASCII_DIGIT, ASCII_LETTER, byte_class};
use crate::wordset::{fx_mix as mix, tail_word};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A sentence's check-worthiness: a score in 0..=1 (0.5 and above = check-worthy) and the
/// reasons that raised it, most important first.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckWorthiness {
    pub score: f32,
    pub reasons: Vec<&'static str>,
}

/// Scores one sentence. `language` is "id", "en" or another ISO code; anything but Indonesian
/// (or Malay) is scored like English, where features that do not fire simply add nothing.
pub fn check_worthiness(sentence: &str, language: &str) -> CheckWorthiness {
    shipped_weights().check_worthiness(sentence, language)
}

const SHIPPED_WEIGHTS: &str = include_str!("../../models/checkworthy.txt");
const ENGLISH_LEXICON: &str = include_str!("../../lexicons/checkworthy.en.txt");
const INDONESIAN_LEXICON: &str = include_str!("../../lexicons/checkworthy.id.txt");

/// The groups, in the order reasons are listed when their weights tie. The first
/// `REASON_GROUPS` are reasons shown to the reader; the rest only shape the score.
const GROUPS: [&str; 23] = [
    "number",
    "percent",
    "money",
    "date",
    "comparison",
    "statistic",
    "quantity-change",
    "superlative",
    "attribution",
    "accusation",
    "causal",
    "legal",
    "named-entity",
    "opinion",
    "hedge",
    "obligation",
    "future",
    "first-person",
    "we",
    "you",
    "greeting",
    "negation",
    "question",
];
const REASON_GROUPS: usize = 13;

const NUMBER: usize = 0;
const PERCENT: usize = 1;
const MONEY: usize = 2;
const DATE: usize = 3;
const NAMED_ENTITY: usize = 12;
const FIRST_PERSON: usize = 17;
const WE: usize = 18;
const YOU: usize = 19;
const QUESTION: usize = 22;

/// Capitalised pronouns ("I", Indonesian "Anda") are not names.
const PRONOUNS: u64 = 1 << FIRST_PERSON | 1 << WE | 1 << YOU;

/// Length buckets by word count: very short sentences are rarely claims, long ones often are.
const LENGTHS: [(usize, &str); 5] = [
    (4, "len:1-4"),
    (9, "len:5-9"),
    (19, "len:10-19"),
    (34, "len:20-34"),
    (usize::MAX, "len:35+"),
];

/// Groups, then length buckets: the features every sentence has a yes or no for.
const DENSE: usize = GROUPS.len() + LENGTHS.len();

/// Reasons whose weight is below this add too little to be worth showing.
const MIN_REASON_WEIGHT: f32 = 0.05;

// ---------------------------------------------------------------------------------------------
// Hashing

/// Keys of word and lexicon maps are already hashes; hashing them again would waste time.
#[derive(Default)]
struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PrehashedKey>>;

/// Words are hashed eight bytes at a time (FxHash's step), then finished with their length.
const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Spreads the mixed bits over the whole word (MurmurHash3's finaliser).
const fn finish_hash(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a word that is already normalised (as written in the weights file): its
/// bytes in little-endian 8-byte chunks, the last one padded with zeros, then its length.
const fn hash_normalized(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut h = HASH_START;
    let mut i = 0;
    while i < bytes.len() {
        let mut chunk = 0u64;
        let mut j = 0;
        while j < 8 && i + j < bytes.len() {
            chunk |= (bytes[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = mix(h, chunk);
        i += 8;
    }
    finish_hash(mix(h, bytes.len() as u64))
}

/// Every number is one word: "5,12" and "2025" say the same to a word feature.
const NUMBER_WORD: &str = "#";
const NUMBER_HASH: u64 = hash_normalized(NUMBER_WORD);
/// The pseudo-word before a sentence's first word, so "^ thank" differs from "thank".
const START_WORD: &str = "^";
const START_HASH: u64 = hash_normalized(START_WORD);

/// The key of a word pair (or of a phrase, folded left); order matters.
fn pair(first: u64, second: u64) -> u64 {
    finish_hash(first.rotate_left(23) ^ second.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Calls `emit` with the word as features see it: lowercased, typographic apostrophes plain,
/// and any word with a digit in it a number.
fn for_each_normalized_char(word: &str, has_digit: bool, mut emit: impl FnMut(char)) {
    if has_digit {
        emit('#');
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            emit(c.to_ascii_lowercase());
        } else if c == '\u{2019}' {
            emit('\'');
        } else {
            c.to_lowercase().for_each(&mut emit);
        }
    }
}

/// Eight ASCII bytes in lower case at once (bytes from 'A' to 'Z' gain 0x20).
fn ascii_lowercase_chunk(chunk: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let at_least_a = chunk.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = chunk.wrapping_add(0x2525_2525_2525_2525);
    chunk | ((at_least_a & !past_z & HIGH) >> 2)
}

/// [`hash_normalized`] of the word's normalised form, without building it.
fn word_hash(word: &str, has_digit: bool) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if has_digit {
        return NUMBER_HASH;
    }
    // Most words are ASCII: lower-case and hash them eight bytes at a time, and start over
    // only for the others.
    let bytes = word.as_bytes();
    let mut h = HASH_START;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        if chunk & HIGH != 0 {
            return word_hash_unicode(word);
        }
        h = mix(h, ascii_lowercase_chunk(chunk));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let chunk = tail_word(tail);
        if chunk & HIGH != 0 {
            return word_hash_unicode(word);
        }
        h = mix(h, ascii_lowercase_chunk(chunk));
    }
    finish_hash(mix(h, bytes.len() as u64))
}

fn word_hash_unicode(word: &str) -> u64 {
    let (mut h, mut chunk, mut len) = (HASH_START, 0u64, 0usize);
    let mut buffer = [0u8; 4];
    for_each_normalized_char(word, false, |c| {
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            chunk |= u64::from(byte) << (8 * (len % 8));
            len += 1;
            if len % 8 == 0 {
                h = mix(h, chunk);
                chunk = 0;
            }
        }
    });
    if len % 8 != 0 {
        h = mix(h, chunk);
    }
    finish_hash(mix(h, len as u64))
}

fn normalized_word(word: &str, has_digit: bool) -> String {
    let mut out = String::with_capacity(word.len());
    for_each_normalized_char(word, has_digit, |c| out.push(c));
    out
}

// ---------------------------------------------------------------------------------------------
// Words

/// One word of a sentence: letters and digits, with apostrophes and hyphens inside words
/// ("don't", "undang-undang") and separators inside numbers ("5,12", "9/11") kept.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    has_digit: bool,
    capitalized: bool,
}

/// Symbols outside words that are features in themselves.
fn symbol_groups(c: char) -> u64 {
    match c {
        '%' | '\u{ff05}' => 1 << PERCENT,
        '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '\u{20b9}' => 1 << MONEY,
        '?' | '\u{ff1f}' => 1 << QUESTION,
        _ => 0,
    }
}

/// The char at byte `at` and its length; ASCII without decoding.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether `joiner` between `before` and `after` keeps them in one word.
fn joins(before: char, joiner: char, after: char) -> bool {
    match joiner {
        '\'' | '\u{2019}' | '-' => before.is_alphanumeric() && after.is_alphanumeric(),
        '.' | ',' | '/' | ':' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// Calls `visit` for each word of `text`; returns the groups its symbols switch on.
fn for_each_word<'a>(text: &'a str, mut visit: impl FnMut(Word<'a>)) -> u64 {
    let bytes = text.as_bytes();
    let mut symbols = 0;
    let mut at = 0;
    while let Some((c, len)) = char_at(text, at) {
        if len == 1 && byte_class(bytes[at]) & (ASCII_LETTER | ASCII_DIGIT) == 0
            || len > 1 && !c.is_alphanumeric()
        {
            symbols |= symbol_groups(c);
            at += len;
            continue;
        }
        let start = at;
        let mut has_digit = c.is_numeric();
        let mut last = c;
        at += len;
        loop {
            // ASCII letters and digits, most of a word, a byte at a time.
            let from = at;
            while let Some(&byte) = bytes.get(at) {
                let class = byte_class(byte) & (ASCII_LETTER | ASCII_DIGIT);
                if class == 0 {
                    break;
                }
                has_digit |= class == ASCII_DIGIT;
                at += 1;
            }
            if at > from {
                last = char::from(bytes[at - 1]);
            }
            // Most words end at a space or a mark that joins nothing: no need to decode on.
            if bytes.get(at).is_some_and(|b| {
                b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',' | b'/' | b':')
            }) {
                break;
            }
            let Some((next, next_len)) = char_at(text, at) else {
                break;
            };
            if next.is_alphanumeric() {
                has_digit |= next.is_numeric();
                last = next;
                at += next_len;
                continue;
            }
            match char_at(text, at + next_len) {
                Some((after, after_len)) if joins(last, next, after) => {
                    has_digit |= after.is_numeric();
                    last = after;
                    at += next_len + after_len;
                }
                _ => break,
            }
        }
        visit(Word {
            text: &text[start..at],
            has_digit,
            capitalized: c.is_uppercase(),
        });
    }
    symbols
}

/// A year from 1800 to 2099, or a decade like "1990s".
fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word).as_bytes();
    digits.len() == 4
        && digits.iter().all(u8::is_ascii_digit)
        && matches!((digits[0], digits[1]), (b'1', b'8' | b'9') | (b'2', b'0'))
}

// ---------------------------------------------------------------------------------------------
// Lexicons

/// Set on the entry of a word that begins a phrase, and of a word pair that begins a
/// three-word phrase: only after those is the longer phrase looked up.
const BEGINS_PHRASE: u64 = 1 << 63;
const GROUP_BITS: u64 = (1 << GROUPS.len()) - 1;

/// One language's words and phrases (up to three words), keyed by hash, to the groups they
/// switch on (and `BEGINS_PHRASE`).
struct Lexicon {
    groups: HashedMap<u64>,
    /// One bit per key's top bits: most words of a sentence are in no group, and this
    /// says so without a hash-map probe.
    present: Box<[u64; Lexicon::FILTER_WORDS]>,
}

impl Lexicon {
    fn parse(source: &str) -> Result<Lexicon, String> {
        let mut groups: HashedMap<u64> = HashedMap::default();
        let mut current: Option<usize> = None;
        for (number, line) in source
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
        {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
            {
                let index = GROUPS.iter().position(|group| *group == name);
                current =
                    Some(index.ok_or_else(|| format!("line {number}: unknown group [{name}]"))?);
                continue;
            }
            let group =
                current.ok_or_else(|| format!("line {number}: a word before any [group]"))?;
            let mut keys = Vec::new();
            for_each_word(line, |word| {
                let hash = word_hash(word.text, word.has_digit);
                keys.push(keys.last().map_or(hash, |&key| pair(key, hash)));
            });
            match keys.split_last() {
                Some((&key, prefixes)) if prefixes.len() < 3 => {
                    *groups.entry(key).or_default() |= 1 << group;
                    for &prefix in prefixes {
                        *groups.entry(prefix).or_default() |= BEGINS_PHRASE;
                    }
                }
                _ => {
                    return Err(format!(
                        "line {number}: expected one to three words, got {line:?}"
                    ));
                }
            }
        }
        let mut present = Box::new([0; Lexicon::FILTER_WORDS]);
        for &key in groups.keys() {
            let (word, mask) = Lexicon::filter_bit(key);
            present[word] |= mask;
        }
        Ok(Lexicon { groups, present })
    }

    const FILTER_BITS: u32 = 14;
    const FILTER_WORDS: usize = (1 << Self::FILTER_BITS) / 64;

    fn filter_bit(key: u64) -> (usize, u64) {
        let bit = key >> (64 - Self::FILTER_BITS);
        ((bit / 64) as usize, 1 << (bit % 64))
    }

    fn entry(&self, key: u64) -> u64 {
        let (word, mask) = Self::filter_bit(key);
        if self.present[word] & mask == 0 {
            return 0;
        }
        self.groups.get(&key).copied().unwrap_or(0)
    }
}

/// True for a number written as a word in English or Indonesian ("three", "tiga", "juta"):
/// the `[number]` groups of the check-worthiness lexicons, so diffs can say a number
/// changed when "tiga" became "empat".
pub fn is_number_word(word: &str) -> bool {
    let number = 1 << GROUPS.iter().position(|g| *g == "number").unwrap_or(0);
    let key = word_hash(&word.to_lowercase(), false);
    ["en", "id"]
        .iter()
        .any(|language| lexicon_for(language).entry(key) & number != 0)
}

fn uses_indonesian(language: &str) -> bool {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    ["id", "in", "ind", "ms", "msa", "zsm"]
        .iter()
        .any(|code| primary.eq_ignore_ascii_case(code))
}

fn lexicon_for(language: &str) -> &'static Lexicon {
    static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
    static INDONESIAN: OnceLock<Lexicon> = OnceLock::new();
    let (cell, source) = if uses_indonesian(language) {
        (&INDONESIAN, INDONESIAN_LEXICON)
    } else {
        (&ENGLISH, ENGLISH_LEXICON)
    };
    // The shipped lexicons parse: a test says so.
    cell.get_or_init(|| Lexicon::parse(source).expect("shipped check-worthiness lexicon"))
}

// ---------------------------------------------------------------------------------------------
// Features

/// A word feature, for training, which needs its name; scoring needs only its key.
enum WordFeature<'a> {
    Unigram(Word<'a>),
    /// The previous word (`None` at the start) and this one.
    Bigram(Option<Word<'a>>, Word<'a>),
    /// The word's last letters ("-ed", "-ing", "-ion"): a word class that a tagger would give.
    Suffix(&'a str),
    /// The word's first letters, a crude stem ("unemp" of "unemployed", "unemployment").
    Stem(&'a str),
}

/// How many letters a suffix feature keeps, and how long a word must be to have one.
const SUFFIX_LETTERS: usize = 3;
/// How many letters a stem feature keeps, and how long a word must be to have affixes
/// (shorter words are their own unigram already).
const STEM_LETTERS: usize = 4;
const MIN_AFFIX_WORD: usize = 5;
const SUFFIX_SALT: u64 = hash_normalized("~suffix");
const STEM_SALT: u64 = hash_normalized("~stem");

/// The suffix and stem of a lower-case ASCII word long enough to have them.
fn affixes<'a>(word: &Word<'a>) -> Option<(&'a str, &'a str)> {
    let text = word.text;
    (!word.has_digit
        && text.len() >= MIN_AFFIX_WORD
        && text.bytes().all(|b| b.is_ascii_alphabetic()))
    .then(|| (&text[text.len() - SUFFIX_LETTERS..], &text[..STEM_LETTERS]))
}

/// The key of an affix feature: its salt paired with the affix, lowercased.
fn affix_key(salt: u64, affix: &str) -> u64 {
    pair(salt, word_hash(affix, false))
}

impl WordFeature<'_> {
    fn name(&self) -> String {
        match self {
            WordFeature::Unigram(word) => {
                format!("w:{}", normalized_word(word.text, word.has_digit))
            }
            WordFeature::Suffix(suffix) => format!("s:{}", suffix.to_ascii_lowercase()),
            WordFeature::Stem(stem) => format!("p:{}", stem.to_ascii_lowercase()),
            WordFeature::Bigram(previous, word) => format!(
                "b:{} {}",
                previous.map_or(START_WORD.to_owned(), |p| normalized_word(
                    p.text,
                    p.has_digit
                )),
                normalized_word(word.text, word.has_digit)
            ),
        }
    }
}

/// Goes through the sentence once: returns its dense features as bits (groups, then the
/// length bucket) and, when `words` is given, calls it with each word feature's key. What
/// `words` returns for a unigram says whether the word's affixes are wanted too (scoring has
/// them already when the word's entry folds them in).
fn scan<'a>(
    sentence: &'a str,
    lexicon: &Lexicon,
    mut words: Option<impl FnMut(u64, WordFeature<'a>) -> bool>,
) -> u64 {
    let mut bits = 0u64;
    let mut count = 0usize;
    // The previous word with its hash and lexicon entry, and the key of the previous pair of
    // words when it begins a phrase.
    let mut previous: Option<(Word<'a>, u64, u64)> = None;
    let mut previous_pair: Option<u64> = None;
    let symbols = for_each_word(sentence, |word| {
        let hash = word_hash(word.text, word.has_digit);
        let word_entry = lexicon.entry(hash);
        let mut groups = word_entry;
        let mut pair_begins_phrase = None;
        if let Some((_, previous_hash, previous_entry)) = previous
            && previous_entry & BEGINS_PHRASE != 0
        {
            let key = pair(previous_hash, hash);
            let entry = lexicon.entry(key);
            groups |= entry;
            pair_begins_phrase = (entry & BEGINS_PHRASE != 0).then_some(key);
        }
        if let Some(key) = previous_pair {
            groups |= lexicon.entry(pair(key, hash));
        }
        groups &= GROUP_BITS;
        if word.has_digit {
            groups |= 1 << NUMBER;
            if is_year(word.text) {
                groups |= 1 << DATE;
            }
        }
        if word.capitalized && count > 0 && word_entry & PRONOUNS == 0 {
            groups |= 1 << NAMED_ENTITY;
        }
        bits |= groups;
        if let Some(visit) = words.as_mut() {
            let wants_affixes = visit(hash, WordFeature::Unigram(word));
            let bigram = pair(previous.map_or(START_HASH, |(_, h, _)| h), hash);
            visit(
                bigram,
                WordFeature::Bigram(previous.map(|(w, _, _)| w), word),
            );
            if wants_affixes && let Some((suffix, stem)) = affixes(&word) {
                visit(affix_key(SUFFIX_SALT, suffix), WordFeature::Suffix(suffix));
                visit(affix_key(STEM_SALT, stem), WordFeature::Stem(stem));
            }
        }
        previous_pair = pair_begins_phrase;
        previous = Some((word, hash, word_entry));
        count += 1;
    });
    bits |= symbols;
    let bucket = LENGTHS
        .iter()
        .position(|(most, _)| count <= *most)
        .unwrap_or(LENGTHS.len() - 1);
    bits | 1 << (GROUPS.len() + bucket)
}

fn dense_name(index: usize) -> String {
    match GROUPS.get(index) {
        Some(group) => format!("g:{group}"),
        None => LENGTHS[index - GROUPS.len()].1.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Models

/// Word weights by key, behind a bitmap of the keys present: most word pairs of a sentence
/// have no weight, and the 32 KB bitmap answers that from the L1 cache where a probe of the
/// map would miss it. A word's meaning shares its entry, so one probe finds both.
struct WordWeights {
    map: HashedMap<WordEntry>,
    present: Box<[u64; WordWeights::FILTER_WORDS]>,
}

/// What a key adds to the logit directly (`weight`), and, for a word, what it adds to the sum
/// that is divided by the sentence's number of words (`meaning`). A word named in the weights
/// file has its stem's and suffix's weights added to its own (`affixes_folded`), so one probe
/// scores all three; only words the file never names are looked up by their affixes.
#[derive(Clone, Copy, Default)]
struct WordEntry {
    weight: f32,
    meaning: f32,
    affixes_folded: bool,
}

impl WordWeights {
    const FILTER_BITS: u32 = 18;
    const FILTER_WORDS: usize = (1 << Self::FILTER_BITS) / 64;

    fn new() -> WordWeights {
        WordWeights {
            map: HashedMap::default(),
            present: Box::new([0; Self::FILTER_WORDS]),
        }
    }

    fn filter_bit(key: u64) -> (usize, u64) {
        let bit = key >> (64 - Self::FILTER_BITS);
        ((bit / 64) as usize, 1 << (bit % 64))
    }

    fn entry(&mut self, key: u64) -> &mut WordEntry {
        let (word, mask) = Self::filter_bit(key);
        self.present[word] |= mask;
        self.map.entry(key).or_default()
    }

    fn insert(&mut self, key: u64, weight: f32) {
        self.entry(key).weight = weight;
    }

    fn insert_meaning(&mut self, key: u64, meaning: f32) {
        self.entry(key).meaning = meaning;
    }

    fn get(&self, key: u64) -> Option<WordEntry> {
        let (word, mask) = Self::filter_bit(key);
        if self.present[word] & mask == 0 {
            return None;
        }
        self.map.get(&key).copied()
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Adds each named word's stem and suffix weights to its entry (see [`WordEntry`]); called
    /// once all weights are in.
    fn fold_affixes(&mut self, named_words: &[&str]) {
        for &text in named_words {
            let word = Word {
                text,
                has_digit: text.bytes().any(|b| b.is_ascii_digit()),
                capitalized: false,
            };
            let key = hash_normalized(text);
            let affix_weight = affixes(&word).map_or(0.0, |(suffix, stem)| {
                [affix_key(SUFFIX_SALT, suffix), affix_key(STEM_SALT, stem)]
                    .iter()
                    .filter_map(|&key| self.get(key))
                    .map(|entry| entry.weight)
                    .sum()
            });
            let entry = self.entry(key);
            if !entry.affixes_folded {
                entry.weight += affix_weight;
                entry.affixes_folded = true;
            }
        }
    }
}

/// One logistic regression: a bias, a weight per dense feature, and word weights and meanings
/// by key. A word's meaning is what it adds through the sentence's mean word vector: the
/// meanings of a sentence's words are summed and divided by its number of words (numbers and
/// words without a vector add nothing but are counted).
struct Model {
    bias: f32,
    dense: [f32; DENSE],
    words: WordWeights,
}

impl Model {
    fn empty() -> Model {
        Model {
            bias: 0.0,
            dense: [0.0; DENSE],
            words: WordWeights::new(),
        }
    }

    /// Scores with this model; the reasons are ranked by `explainer`'s group weights.
    fn score(&self, sentence: &str, lexicon: &Lexicon, explainer: &Model) -> CheckWorthiness {
        let mut logit = self.bias;
        let bits = if self.words.is_empty() {
            scan(sentence, lexicon, None::<fn(u64, WordFeature<'_>) -> bool>)
        } else {
            let (mut meaning, mut words) = (0.0f32, 0u32);
            let add_word = |key: u64, feature: WordFeature<'_>| {
                let is_word = matches!(feature, WordFeature::Unigram(_));
                words += u32::from(is_word);
                let Some(entry) = self.words.get(key) else {
                    return true;
                };
                logit += entry.weight;
                if is_word {
                    meaning += entry.meaning;
                }
                !entry.affixes_folded
            };
            let bits = scan(sentence, lexicon, Some(add_word));
            logit += meaning / words.max(1) as f32;
            bits
        };
        let fired = |index: &usize| bits & 1 << index != 0;
        logit += (0..DENSE)
            .filter(fired)
            .map(|index| self.dense[index])
            .sum::<f32>();
        let group_weight = |index: usize| explainer.dense[index];
        let mut reasons = [0usize; REASON_GROUPS];
        let mut found = 0;
        for index in (0..REASON_GROUPS).filter(fired) {
            if group_weight(index) >= MIN_REASON_WEIGHT {
                reasons[found] = index;
                found += 1;
            }
        }
        let reasons = &mut reasons[..found];
        reasons.sort_by(|a, b| group_weight(*b).total_cmp(&group_weight(*a)));
        CheckWorthiness {
            score: sigmoid(logit),
            reasons: reasons.iter().map(|&i| GROUPS[i]).collect(),
        }
    }
}

fn sigmoid(logit: f32) -> f32 {
    if logit.is_nan() {
        return 0.0;
    }
    1.0 / (1.0 + (-logit.clamp(-40.0, 40.0)).exp())
}

/// Both models of a weights file (see the module doc).
#[doc(hidden)]
pub struct Weights {
    english: Model,
    reasons_only: Model,
}

impl Weights {
    /// Reads a weights file: `[english]` and `[reasons-only]` sections of `name weight` lines,
    /// where a name is `bias`, `g:GROUP`, `len:BUCKET`, `w:WORD`, `b:WORD WORD`, `p:STEM`,
    /// `s:SUFFIX` or `m:WORD` (a meaning).
    pub fn parse(text: &str) -> Result<Weights, String> {
        let mut weights = Weights {
            english: Model::empty(),
            reasons_only: Model::empty(),
        };
        // The words each section names (`w:`, `m:`), to fold their affixes in at the end.
        let mut named_words: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
        let mut current: Option<usize> = None;
        for (number, line) in text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
        {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line {
                "[english]" => current = Some(0),
                "[reasons-only]" => current = Some(1),
                _ => {
                    let section = current
                        .ok_or_else(|| format!("line {number}: a weight before any section"))?;
                    let model = weights.model_mut(section);
                    let (name, weight) = line
                        .rsplit_once(char::is_whitespace)
                        .ok_or_else(|| format!("line {number}: expected `name weight`"))?;
                    let weight: f32 = weight
                        .parse()
                        .ok()
                        .filter(|w: &f32| w.is_finite())
                        .ok_or_else(|| format!("line {number}: bad weight {weight:?}"))?;
                    let name = name.trim_end();
                    set_weight(model, name, weight).map_err(|e| format!("line {number}: {e}"))?;
                    if let Some(word) = name.strip_prefix("w:").or(name.strip_prefix("m:")) {
                        named_words[section].push(word);
                    }
                }
            }
        }
        for (section, words) in named_words.iter().enumerate() {
            weights.model_mut(section).words.fold_affixes(words);
        }
        Ok(weights)
    }

    fn model_mut(&mut self, section: usize) -> &mut Model {
        if section == 0 {
            &mut self.english
        } else {
            &mut self.reasons_only
        }
    }

    /// [`check_worthiness`] with these weights.
    pub fn check_worthiness(&self, sentence: &str, language: &str) -> CheckWorthiness {
        let model = if uses_indonesian(language) {
            &self.reasons_only
        } else {
            &self.english
        };
        model.score(sentence, lexicon_for(language), &self.reasons_only)
    }
}

fn set_weight(model: &mut Model, name: &str, weight: f32) -> Result<(), String> {
    let bad = || Err(format!("unknown feature {name:?}"));
    // `PREFIX:WORD` with one word after the prefix; anything else ends up refused below.
    let one_word = |prefix: &str| {
        name.strip_prefix(prefix)
            .filter(|word| !word.is_empty() && !word.contains(' '))
    };
    if name == "bias" {
        model.bias = weight;
    } else if let Some(word) = one_word("w:") {
        model.words.insert(hash_normalized(word), weight);
    } else if let Some(word) = one_word("m:") {
        model.words.insert_meaning(hash_normalized(word), weight);
    } else if let Some(suffix) = one_word("s:") {
        model.words.insert(affix_key(SUFFIX_SALT, suffix), weight);
    } else if let Some(stem) = one_word("p:") {
        model.words.insert(affix_key(STEM_SALT, stem), weight);
    } else if let Some(words) = name.strip_prefix("b:") {
        match words.split_once(' ') {
            Some((first, second))
                if !first.is_empty() && !second.is_empty() && !second.contains(' ') =>
            {
                model.words.insert(
                    pair(hash_normalized(first), hash_normalized(second)),
                    weight,
                );
            }
            _ => return bad(),
        }
    } else if let Some(index) = (0..DENSE).find(|&i| dense_name(i) == name) {
        model.dense[index] = weight;
    } else {
        return bad();
    }
    Ok(())
}

fn shipped_weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    // The shipped file parses: a test says so.
    WEIGHTS
        .get_or_init(|| Weights::parse(SHIPPED_WEIGHTS).expect("shipped check-worthiness weights"))
}

/// What `cargo xtask train-claims` needs to train exactly the features that are scored.
#[doc(hidden)]
pub mod training {
    pub use super::Weights;
    use super::{DENSE, WordFeature, dense_name, lexicon_for, scan, uses_indonesian};

    /// The sentence's features by name: dense ones first, then (unless the language is
    /// Indonesian) its word features, once per occurrence.
    pub fn feature_names(sentence: &str, language: &str) -> Vec<String> {
        let lexicon = lexicon_for(language);
        let mut names = Vec::new();
        let bits = if uses_indonesian(language) {
            scan(sentence, lexicon, None::<fn(u64, WordFeature<'_>) -> bool>)
        } else {
            let collect = |_: u64, feature: WordFeature<'_>| {
                names.push(feature.name());
                true
            };
            scan(sentence, lexicon, Some(collect))
        };
        let mut dense: Vec<String> = (0..DENSE)
            .filter(|i| bits & 1 << i != 0)
            .map(dense_name)
            .collect();
        dense.append(&mut names);
        dense
    }
}

#[cfg(test)]
mod tests {
    use super::training::{Weights, feature_names};
    use super::*;

    fn worthy(sentence: &str, language: &str) -> CheckWorthiness {
        let result = check_worthiness(sentence, language);
        assert!(
            (0.0..=1.0).contains(&result.score),
            "{sentence}: score {}",
            result.score
        );
        result
    }

    #[test]
    fn shipped_data_parses() {
        Lexicon::parse(ENGLISH_LEXICON).unwrap();
        Lexicon::parse(INDONESIAN_LEXICON).unwrap();
        let weights = Weights::parse(SHIPPED_WEIGHTS).unwrap();
        assert!(
            weights.english.words.map.len() > 100,
            "the English model has word weights"
        );
        assert!(weights.reasons_only.words.is_empty());
    }

    #[test]
    fn indonesian_statistics_are_check_worthy_for_their_reasons() {
        let result = worthy(
            "Pertumbuhan ekonomi Indonesia mencapai 5,12 persen pada kuartal II 2025, lebih tinggi dari tahun lalu.",
            "id",
        );
        assert!(result.score >= 0.5, "{result:?}");
        for reason in ["number", "percent", "comparison"] {
            assert!(
                result.reasons.contains(&reason),
                "{reason} missing from {result:?}"
            );
        }
        let result = worthy(
            "Menurut BPS, angka kemiskinan turun menjadi 8,57 persen pada Maret 2024.",
            "id",
        );
        assert!(result.score >= 0.5, "{result:?}");
        let result = worthy(
            "Gubernur itu divonis enam tahun penjara karena korupsi dana bantuan sosial.",
            "id",
        );
        assert!(result.score >= 0.5, "{result:?}");
        assert!(
            result.reasons.contains(&"accusation") || result.reasons.contains(&"legal"),
            "{result:?}"
        );
    }

    #[test]
    fn indonesian_courtesy_and_opinion_are_not() {
        for sentence in [
            "Terima kasih atas perhatian Anda.",
            "Selamat pagi, semoga hari Anda menyenangkan.",
            "Saya pikir kita harus lebih sabar.",
            "Apa kabar?",
        ] {
            let result = worthy(sentence, "id");
            assert!(result.score < 0.5, "{sentence}: {result:?}");
        }
    }

    #[test]
    fn english_claims_are_check_worthy() {
        for sentence in [
            "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.",
            "The senator voted against the bill that would have cut taxes for 40 million families.",
            "Crime in our cities has doubled since 2010, according to the police department.",
            "The new plant cost taxpayers $2 billion, more than twice the original estimate.",
        ] {
            let result = worthy(sentence, "en");
            assert!(result.score >= 0.5, "{sentence}: {result:?}");
            assert!(!result.reasons.is_empty(), "{sentence}: {result:?}");
        }
        let result = worthy("Unemployment fell to 3.5 percent last year.", "en");
        assert!(
            result.reasons.contains(&"number") && result.reasons.contains(&"percent"),
            "{result:?}"
        );
    }

    #[test]
    fn english_courtesy_opinion_and_questions_are_not() {
        for sentence in [
            "Thank you very much, and good evening.",
            "I think we can do better than this.",
            "What would you do about it?",
            "We need to work together.",
            "Let me finish.",
        ] {
            let result = worthy(sentence, "en");
            assert!(result.score < 0.5, "{sentence}: {result:?}");
        }
    }

    #[test]
    fn other_languages_score_like_english_without_panicking() {
        let result = worthy(
            "Die Arbeitslosigkeit stieg 2024 um 12 % auf 3 Millionen.",
            "de",
        );
        assert!(
            result.reasons.contains(&"number") && result.reasons.contains(&"percent"),
            "{result:?}"
        );
        worthy("", "xx");
        worthy("Hello", "");
    }

    #[test]
    fn numbers_and_statements_outrank_greetings() {
        let claim = worthy("Pemerintah menaikkan harga BBM sebesar 30 persen.", "id").score;
        let greeting = worthy("Selamat malam semuanya.", "id").score;
        assert!(claim > greeting + 0.3, "{claim} vs {greeting}");
    }

    #[test]
    fn reasons_are_ordered_by_weight_and_unique() {
        let result = worthy(
            "In 2019 the deficit rose 40% to $984 billion, the highest since 2012, the report said.",
            "en",
        );
        let model = &shipped_weights().reasons_only;
        let weight = |reason: &&str| model.dense[GROUPS.iter().position(|g| g == reason).unwrap()];
        assert!(
            result
                .reasons
                .windows(2)
                .all(|pair| weight(&pair[0]) >= weight(&pair[1])),
            "{result:?}"
        );
        let mut unique = result.reasons.clone();
        unique.dedup();
        assert_eq!(unique, result.reasons);
        assert!(
            result
                .reasons
                .iter()
                .all(|r| GROUPS[..REASON_GROUPS].contains(r))
        );
    }

    #[test]
    fn meanings_add_up_to_the_mean_over_all_words() {
        let weights =
            Weights::parse("[english]\nbias 0\nm:growth 2\nm:fell -1\n[reasons-only]\nbias 0\n")
                .unwrap();
        let logit = |sentence: &str| {
            let p = f64::from(weights.check_worthiness(sentence, "en").score);
            (p / (1.0 - p)).ln()
        };
        let close = |a: f64, b: f64| (a - b).abs() < 1e-4;
        // Words without a meaning, numbers among them, still count in the mean.
        assert!(close(logit("growth"), 2.0), "{}", logit("growth"));
        assert!(
            close(logit("Growth slowed"), 1.0),
            "{}",
            logit("Growth slowed")
        );
        assert!(
            close(logit("growth fell 3 percent"), 0.25),
            "{}",
            logit("growth fell 3 percent")
        );
        assert!(close(logit(""), 0.0));
        // Indonesian is scored by the reasons-only model, which has no meanings.
        assert!((weights.check_worthiness("growth", "id").score - 0.5).abs() < 1e-6);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let huge = "Angka 12,5 persen naik! ".repeat(10 * 1024 * 1024 / 24);
        worthy(&huge, "id");
        worthy(&huge, "en");
        worthy(&"x".repeat(10 * 1024 * 1024), "en");
        for text in [
            "?!?!...,,,;;;---''''’’’",
            "%%%%$$$$",
            "9/11/2001-12.5,3:4",
            "'-'-'-",
            "Ümit İstanbul'da 2.500 kişiyle görüştü",
            "中国经济增长5%，日本は2位。Россия выросла на 3%",
            "\u{0}\u{200b}\u{feff}\u{fffd}",
            "ǅemal İİİ ẞ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂🙂",
            "a-",
            "-a",
            "1,",
            ",1",
        ] {
            for language in ["en", "id", "zh", ""] {
                worthy(text, language);
            }
        }
    }

    #[test]
    fn words_keep_their_joiners_and_numbers_are_one_word() {
        let mut words = Vec::new();
        let symbols = for_each_word("Don't cut undang-undang 5,12% on 9/11 - ok? -x", |w| {
            words.push(w.text)
        });
        assert_eq!(
            words,
            [
                "Don't",
                "cut",
                "undang-undang",
                "5,12",
                "on",
                "9/11",
                "ok",
                "x"
            ]
        );
        assert_eq!(symbols, 1 << PERCENT | 1 << QUESTION);
        assert!(is_year("2025") && is_year("1990s") && !is_year("3000") && !is_year("12345"));
    }

    #[test]
    fn training_names_and_scoring_keys_agree() {
        // Give every word feature of the sentence its own weight: scoring must add up exactly
        // the weights of the features the trainer saw, occurrences included, whether a word's
        // affixes are folded into its own weight ("March") or looked up because the file does
        // not name the word ("budget").
        let sentence = "The Senate’s vote on 12 March 2024 CUT Ümit's budget by 5.5%.";
        let names = feature_names(sentence, "en");
        for expected in [
            "g:legal",
            "w:#",
            "b:^ the",
            "b:senate's vote",
            "w:ümit's",
            "b:# cut",
            "p:marc",
            "s:get",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} not in {names:?}"
            );
        }
        let word_features: Vec<&String> = names
            .iter()
            .filter(|n| !n.starts_with("g:") && !n.starts_with("len:") && *n != "w:budget")
            .collect();
        let mut distinct = word_features.clone();
        distinct.sort();
        distinct.dedup();
        let weight_of = |name: &String| 0.001 * (1 + distinct.binary_search(&name).unwrap()) as f32;
        let mut file = String::from("[english]\nbias -0.5\n");
        for name in &distinct {
            file.push_str(&format!("{name} {}\n", weight_of(name)));
        }
        let expected = -0.5 + word_features.iter().map(|n| weight_of(n)).sum::<f32>();
        let score = Weights::parse(&file)
            .unwrap()
            .check_worthiness(sentence, "en")
            .score;
        assert!(
            (score - sigmoid(expected)).abs() < 1e-6,
            "{score} vs {}",
            sigmoid(expected)
        );
        assert!(
            feature_names(sentence, "id")
                .iter()
                .all(|n| n.starts_with("g:") || n.starts_with("len:"))
        );
    }

    #[test]
    fn phrases_match_only_whole() {
        let has = |sentence: &str, language: &str, group: &str| {
            feature_names(sentence, language).contains(&format!("g:{group}"))
        };
        assert!(has(
            "Ini yang terparah sepanjang sejarah.",
            "id",
            "superlative"
        ));
        assert!(has(
            "Itu terjadi sepanjang sejarah kota.",
            "id",
            "superlative"
        ));
        assert!(!has("Kami berjalan sepanjang jalan.", "id", "superlative"));
        assert!(has("They hired as many as ninety.", "en", "comparison"));
        assert!(!has("They hired as many people.", "en", "comparison"));
        assert!(has("Ladies and gentlemen, the vote.", "en", "greeting"));
        assert!(!has("Ladies and gentlemen.", "id", "greeting"));
        assert!(!has("Gentlemen and ladies.", "en", "greeting"));
    }

    #[test]
    fn malformed_weights_are_refused() {
        assert!(Weights::parse("bias 1").is_err());
        assert!(Weights::parse("[english]\ng:nonsense 1").is_err());
        assert!(Weights::parse("[english]\nbias NaN").is_err());
        assert!(Weights::parse("[english]\nb:one 1").is_err());
        assert!(Weights::parse("[english]\nm: 1").is_err());
        assert!(Weights::parse("[english]\nw:two words 1").is_err());
        assert!(Weights::parse("[english]\np:two words 1").is_err());
        assert!(Lexicon::parse("[nonsense]\nword").is_err());
        assert!(Lexicon::parse("word").is_err());
        assert!(Lexicon::parse("[number]\none two three four").is_err());
    }
}
