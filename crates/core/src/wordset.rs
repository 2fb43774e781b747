//! Fast sets of words for the lexicons that text analysis looks every word up in.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): word lookups are the hot path of analysis, and the keys are
/// our own lexicon words, so DoS-resistant hashing buys nothing here.
#[derive(Default)]
pub struct FxHasher(u64);

/// One step of FxHash: mixes an 8-byte word into the hash. Check-worthiness hashes its
/// words with the same step, in `const` code.
pub(crate) const fn fx_mix(hash: u64, word: u64) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    (hash.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// The last (fewer than eight) bytes of a string as one little-endian word, zero-padded.
pub(crate) fn tail_word(tail: &[u8]) -> u64 {
    tail.iter()
        .rev()
        .fold(0u64, |word, &byte| word << 8 | u64::from(byte))
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = fx_mix(self.0, word);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words without a copy, then the tail packed into one word: words are
        // short, and a `memcpy` call per word cost more than the hashing.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.add(word);
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(tail_word(tail));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of lexicon words.
pub type WordSet = HashSet<&'static str, BuildHasherDefault<FxHasher>>;

/// Whether `set` holds `word` lower-cased; a short ASCII word is lower-cased on the stack.
pub fn contains_lowercased(set: &WordSet, word: &str) -> bool {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII stays valid UTF-8 when lower-cased.
        return std::str::from_utf8(lower).is_ok_and(|lower| set.contains(lower));
    }
    set.contains(crate::text::lowercase(word).as_str())
}

/// A quick "certainly not" for a set of words taken from the text being analysed (kept in
/// a std `HashSet`, whose seeded hashing such words cannot be crafted to collide in): 256
/// bits keyed by a word's length and outer bytes, so most words are ruled out without
/// hashing them.
#[derive(Debug, Default, Clone)]
pub struct WordFilter([u64; 4]);

impl WordFilter {
    fn bit(bytes: &[u8]) -> (usize, u64) {
        let (first, last) = (
            bytes.first().copied().unwrap_or(0),
            bytes.last().copied().unwrap_or(0),
        );
        let key = (bytes.len() as u32)
            .wrapping_mul(31)
            .wrapping_add(u32::from(first).wrapping_mul(7))
            .wrapping_add(u32::from(last))
            & 255;
        ((key / 64) as usize, 1 << (key % 64))
    }

    pub fn insert(&mut self, word: &str) {
        let (at, mask) = Self::bit(word.as_bytes());
        self.0[at] |= mask;
    }

    /// False when `word` (its bytes: callers need not slice a `str`) was certainly not
    /// inserted.
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let (at, mask) = Self::bit(word);
        self.0[at] & mask != 0
    }
}
