//! Which old and new sentences of a replaced block are the same sentence edited: the
//! order-keeping pairing with the most similarity, sentences below a threshold unpaired
//! (a deleted sentence and an unrelated added one are not an edit of each other).

use super::units::Unit;

/// Sentences less alike than this (Sørensen–Dice over character pairs) are not paired.
const PAIR_THRESHOLD: f64 = 0.55;

/// Blocks with more old × new sentences than this are not paired (their sentences are
/// shown replaced whole): such blocks are rewrites, not edits.
const MAX_PAIRING_CELLS: usize = 40_000;

/// In a large block, a sentence is compared only with those about as far into the new
/// block as it is into the old (edits keep sentences in place; this keeps pairing linear).
const LARGE_BLOCK_CELLS: usize = 2_500;
const BAND: usize = 12;

/// Pairs `(old index, new index)` within the blocks, increasing in both.
pub fn pair_sentences(old: &str, new: &str, old_block: &[Unit], new_block: &[Unit]) -> Vec<(usize, usize)> {
    let (m, n) = (old_block.len(), new_block.len());
    if m * n > MAX_PAIRING_CELLS {
        return Vec::new();
    }
    // Letter case aside: a headline put in capitals is the same headline.
    let old_texts: Vec<String> = old_block.iter().map(|u| old[u.range.clone()].trim().to_lowercase()).collect();
    let new_texts: Vec<String> = new_block.iter().map(|u| new[u.range.clone()].trim().to_lowercase()).collect();
    let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let old_letters: Vec<usize> = old_texts.iter().map(|t| letters(t)).collect();
    let new_letters: Vec<usize> = new_texts.iter().map(|t| letters(t)).collect();
    let banded = m * n > LARGE_BLOCK_CELLS;
    let score = |i: usize, j: usize| {
        if banded && (i * n / m).abs_diff(j) > BAND {
            return 0.0;
        }
        // Dice can reach at most 2·min/(a+b) of the character-pair counts: skip pairs whose
        // lengths alone rule them out.
        let (a, b) = (old_letters[i].saturating_sub(1), new_letters[j].saturating_sub(1));
        if a + b > 0 && (2 * a.min(b)) as f64 / ((a + b) as f64) < PAIR_THRESHOLD {
            return 0.0;
        }
        let s = strsim::sorensen_dice(&old_texts[i], &new_texts[j]);
        if s >= PAIR_THRESHOLD { s } else { 0.0 }
    };
    // best[i][j]: the best total pairing old[..i] with new[..j].
    let mut best = vec![vec![0.0f64; n + 1]; m + 1];
    let mut scores = vec![vec![0.0f64; n]; m];
    for i in 1..=m {
        for j in 1..=n {
            scores[i - 1][j - 1] = score(i - 1, j - 1);
            let paired = if scores[i - 1][j - 1] > 0.0 { best[i - 1][j - 1] + scores[i - 1][j - 1] } else { 0.0 };
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

#[cfg(test)]
mod tests {
    use super::super::units::units;
    use super::*;

    #[test]
    fn an_edited_sentence_pairs_and_an_unrelated_one_does_not() {
        let old = "Harga beras naik 10 persen pekan ini. Menteri bertemu petani di Karawang.";
        let new = "Harga beras naik 12 persen pekan ini. Banjir melanda kota pada malam hari.";
        assert_eq!(pair_sentences(old, new, &units(old), &units(new)), [(0, 0)]);
    }
}
