//! Fast sets of words for the lexicons that text analysis looks every word up in.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): word lookups are the hot path of analysis, and the keys are
/// our own lexicon words, so DoS-resistant hashing buys nothing here.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.write(&[byte]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of lexicon words.
pub type WordSet = HashSet<&'static str, BuildHasherDefault<FxHasher>>;
