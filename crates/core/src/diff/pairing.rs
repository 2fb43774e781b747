//! Which old and new sentences of a replaced block are the same sentence edited: the
//! order-keeping pairing with the most similarity, sentences below a threshold unpaired
//! (a deleted sentence and an unrelated added one are not an edit of each other).
//!
//! Similarity is the Sørensen–Dice coefficient of the two sentences' words (letter case
//! aside), counted as multisets: each sentence's words are hashed and sorted once, so a
//! pair costs one merge of two short integer lists.

use super::units::Unit;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Sentences sharing less than this share of their words are not paired.
const PAIR_THRESHOLD: f64 = 0.5;

/// Blocks with more old × new sentences than this are not paired (their sentences are
/// shown replaced whole): such blocks are rewrites, not edits.
const MAX_PAIRING_CELLS: usize = 40_000;

/// In a large block, a sentence is compared only with those about as far into the new
/// block as it is into the old (edits keep sentences in place; this keeps pairing linear).
const LARGE_BLOCK_CELLS: usize = 2_500;
const BAND: usize = 12;

/// Pairs `(old index, new index)` within the blocks, increasing in both.
pub fn pair_sentences(
    old: &str,
    new: &str,
    old_block: &[Unit],
    new_block: &[Unit],
) -> Vec<(usize, usize)> {
    let (m, n) = (old_block.len(), new_block.len());
    if m * n > MAX_PAIRING_CELLS {
        return Vec::new();
    }
    let old_bags: Vec<Vec<u64>> = old_block
        .iter()
        .map(|u| word_bag(&old[u.range.clone()]))
        .collect();
    let new_bags: Vec<Vec<u64>> = new_block
        .iter()
        .map(|u| word_bag(&new[u.range.clone()]))
        .collect();
    let banded = m * n > LARGE_BLOCK_CELLS;
    let score = |i: usize, j: usize| {
        if banded && (i * n / m).abs_diff(j) > BAND {
            return 0.0;
        }
        let s = dice(&old_bags[i], &new_bags[j]);
        if s >= PAIR_THRESHOLD { s } else { 0.0 }
    };
    // best[i][j]: the best total pairing old[..i] with new[..j].
    let mut best = vec![vec![0.0f64; n + 1]; m + 1];
    let mut scores = vec![vec![0.0f64; n]; m];
    for i in 1..=m {
        for j in 1..=n {
            scores[i - 1][j - 1] = score(i - 1, j - 1);
            let paired = if scores[i - 1][j - 1] > 0.0 {
                best[i - 1][j - 1] + scores[i - 1][j - 1]
            } else {
                0.0
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(paired);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        let s = scores[i - 1][j - 1];
        if s > 0.0 && best[i][j] == best[i - 1][j - 1] + s {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// The sentence's words in lower case, hashed and sorted.
fn word_bag(sentence: &str) -> Vec<u64> {
    let mut bag: Vec<u64> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut hasher = DefaultHasher::new();
            for c in w.chars().flat_map(char::to_lowercase) {
                c.hash(&mut hasher);
            }
            hasher.finish()
        })
        .collect();
    bag.sort_unstable();
    bag
}

/// 2·|A ∩ B| / (|A| + |B|) for sorted multisets; 1 for two empty ones.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // Even a full overlap of the shorter could not reach the threshold.
    if (2 * a.len().min(b.len())) as f64 / ((a.len() + b.len()) as f64) < PAIR_THRESHOLD {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / ((a.len() + b.len()) as f64)
}

#[cfg(test)]
mod tests {
    use super::super::units::units;
    use super::*;

    #[test]
    fn an_edited_sentence_pairs_and_an_unrelated_one_does_not() {
        let old = "Harga beras naik 10 persen pekan ini. Menteri bertemu petani di Karawang.";
        let new = "Harga beras naik 12 persen pekan ini. Banjir melanda kota pada malam hari.";
        assert_eq!(pair_sentences(old, new, &units(old), &units(new)), [(0, 0)]);
        assert_eq!(
            dice(&word_bag("Harga Beras naik"), &word_bag("HARGA BERAS NAIK")),
            1.0
        );
        assert_eq!(
            dice(&word_bag("a a b"), &word_bag("a b b")),
            2.0 * 2.0 / 6.0
        );
    }
}
