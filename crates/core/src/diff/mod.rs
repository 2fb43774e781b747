//! What changed between two versions of an article: sentences aligned first, then words
//! within the sentences that were edited (characters for a short edit of one word), as
//! NewsEdits does; every change classified as cosmetic (whitespace, headline letter case,
//! boilerplate lines) or substantive.
//!
//! Built on `similar` with a deadline, so an adversarial pair cannot hang the caller: when
//! the deadline passes, the remaining comparison is coarser (whole blocks replaced) but the
//! changes still rebuild the new text from the old. The deadline is passed in: core reads no
//! clock of its own. Offsets in [`Change`] are code points; internally everything is bytes.

mod classify;
mod pairing;
mod units;
mod words;

pub(crate) use words::tokens;

use crate::analysis::offsets::CharOffsets;
use serde::{Deserialize, Serialize};
use similar::algorithms::{Capture, Replace, diff_slices_deadline};
use similar::{Algorithm, DiffOp};
use std::hash::Hash;
use std::ops::Range;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// What a change does to the old text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Insert,
    Delete,
    Replace,
}

/// The unit a change was found at: whole sentences, words within an aligned sentence, or
/// characters within one word (a short edit such as a corrected spelling).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Sentence,
    Word,
    Char,
}

/// One change: `old[old_start..old_end]` became `new[new_start..new_end]` (code points).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Change {
    pub op: ChangeOp,
    #[ts(type = "number")]
    pub old_start: usize,
    #[ts(type = "number")]
    pub old_end: usize,
    #[ts(type = "number")]
    pub new_start: usize,
    #[ts(type = "number")]
    pub new_end: usize,
    pub old: String,
    pub new: String,
    pub kind: ChangeKind,
    /// Whitespace, headline letter case, quotation-mark style or boilerplate lines only.
    pub cosmetic: bool,
}

/// The comparison of two texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct TextDiff {
    /// True when a word, name, number or sentence a reader would care about changed.
    pub substantive: bool,
    /// In text order; applied to the old text they give the new one.
    pub changes: Vec<Change>,
    /// The same changes in bytes, for mapping positions from the old text to the new.
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) spans: Vec<ByteChange>,
}

/// A change in byte offsets, as the comparison finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ByteChange {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub kind: ChangeKind,
}

impl ByteChange {
    fn op(&self) -> ChangeOp {
        match (self.old.is_empty(), self.new.is_empty()) {
            (true, _) => ChangeOp::Insert,
            (_, true) => ChangeOp::Delete,
            _ => ChangeOp::Replace,
        }
    }
}

/// Time reserved per byte of the two texts for the work after refining: about 8 ns was
/// measured (release build, 10 MB pathological pair); this leaves a margin.
const FINISHING_NANOS_PER_BYTE: u64 = 20;

/// How to compare: when to stop refining, and which lines are boilerplate. The boilerplate
/// rules are data in `ingest`; the caller passes them in.
pub struct DiffOptions<'a> {
    /// When the comparison must be done: refining stops in time and the rest is compared
    /// coarsely (whole blocks replaced).
    pub deadline: Option<Instant>,
    /// True for a whole line that is boilerplate ("Baca juga: …", "Read more", embeds).
    pub is_boilerplate: &'a dyn Fn(&str) -> bool,
}

impl DiffOptions<'_> {
    /// No deadline; no line counts as boilerplate.
    pub fn plain() -> DiffOptions<'static> {
        DiffOptions {
            deadline: None,
            is_boilerplate: &|_| false,
        }
    }
}

/// Compares two versions of a text.
pub fn diff(old: &str, new: &str, options: &DiffOptions) -> TextDiff {
    // The deadline covers the whole comparison: refining stops early enough to leave time
    // for the linear work after it (classification, offsets, copying the changed text).
    let finishing = Duration::from_nanos(FINISHING_NANOS_PER_BYTE * (old.len() + new.len()) as u64);
    let refine_until = options
        .deadline
        .map(|d| d.checked_sub(finishing).unwrap_or(d));
    let spans = byte_changes(old, new, refine_until);
    let classified = classify::classify(old, new, &spans, options.is_boilerplate);
    let (old_chars, new_chars) = (CharOffsets::new(old), CharOffsets::new(new));
    let changes = spans
        .iter()
        .zip(&classified.cosmetic)
        .map(|(span, &cosmetic)| Change {
            op: span.op(),
            old_start: old_chars.char_at(span.old.start),
            old_end: old_chars.char_at(span.old.end),
            new_start: new_chars.char_at(span.new.start),
            new_end: new_chars.char_at(span.new.end),
            old: old[span.old.clone()].to_string(),
            new: new[span.new.clone()].to_string(),
            kind: span.kind,
            cosmetic,
        })
        .collect();
    TextDiff {
        substantive: classified.substantive,
        changes,
        spans,
    }
}

impl TextDiff {
    /// The new text, rebuilt by applying the changes to `old`; `None` when the changes do
    /// not fit it (out of order, out of range, or an old span whose text differs). That the
    /// changes always rebuild the new text is the diff's contract, checked by property tests.
    pub fn apply(&self, old: &str) -> Option<String> {
        let old: Vec<char> = old.chars().collect();
        let mut out = String::with_capacity(old.len());
        let mut at = 0;
        for change in &self.changes {
            let span = old.get(change.old_start..change.old_end)?;
            if change.old_start < at || span.iter().collect::<String>() != change.old {
                return None;
            }
            out.extend(&old[at..change.old_start]);
            out.push_str(&change.new);
            at = change.old_end;
        }
        out.extend(&old[at..]);
        Some(out)
    }

    /// Where a span starting at byte `at` of the old text starts in the new text: after
    /// anything inserted at that point, at the start of the replacement when `at` is inside
    /// a change.
    pub(crate) fn map_start(&self, at: usize) -> usize {
        self.map(at, true)
    }

    /// Where a span ending at byte `at` of the old text ends in the new text: before anything
    /// inserted at that point, at the end of the replacement when `at` is inside a change.
    pub(crate) fn map_end(&self, at: usize) -> usize {
        self.map(at, false)
    }

    fn map(&self, at: usize, start: bool) -> usize {
        // Changes wholly before `at`; an insertion exactly at `at` counts as before a start
        // and after an end.
        let after = self.spans.partition_point(|c| {
            c.old.end < at || (c.old.end == at && (start || !c.old.is_empty()))
        });
        if let Some(change) = self.spans.get(after).filter(|c| c.old.start < at) {
            return if start {
                change.new.start
            } else {
                change.new.end
            };
        }
        let shift = after.checked_sub(1).map_or(0, |i| {
            self.spans[i].new.end as isize - self.spans[i].old.end as isize
        });
        (at as isize + shift) as usize
    }
}

/// The changes in bytes, in text order.
fn byte_changes(old: &str, new: &str, deadline: Option<Instant>) -> Vec<ByteChange> {
    let old_units = units::units(old);
    let new_units = units::units(new);
    let old_keys: Vec<u64> = old_units.iter().map(|u| u.key).collect();
    let new_keys: Vec<u64> = new_units.iter().map(|u| u.key).collect();
    let unit_start = |units: &[units::Unit], index: usize, text: &str| {
        units.get(index).map_or(text.len(), |u| u.range.start)
    };
    let block = |units: &[units::Unit], range: Range<usize>, text: &str| {
        if range.is_empty() {
            unit_start(units, range.start, text)..unit_start(units, range.start, text)
        } else {
            units[range.start].range.start..units[range.end - 1].range.end
        }
    };
    let mut out = Vec::new();
    for op in sequence_ops(&old_keys, &new_keys, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    let (a, b) = (
                        &old_units[old_index + i].range,
                        &new_units[new_index + i].range,
                    );
                    if old[a.clone()] != new[b.clone()] {
                        words::diff_words(old, new, a.clone(), b.clone(), deadline, &mut out);
                    }
                }
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => {
                push_sentences(
                    &mut out,
                    block(&old_units, old_index..old_index + old_len, old),
                    block(&new_units, new_index..new_index, new),
                );
            }
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                push_sentences(
                    &mut out,
                    block(&old_units, old_index..old_index, old),
                    block(&new_units, new_index..new_index + new_len, new),
                );
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old_block = &old_units[old_index..old_index + old_len];
                let new_block = &new_units[new_index..new_index + new_len];
                let pairs = pairing::pair_sentences(old, new, old_block, new_block);
                let (mut i, mut j) = (0, 0);
                for (pi, pj) in pairs.into_iter().chain([(old_len, new_len)]) {
                    if i < pi || j < pj {
                        push_sentences(
                            &mut out,
                            block(&old_units, old_index + i..old_index + pi, old),
                            block(&new_units, new_index + j..new_index + pj, new),
                        );
                    }
                    if pi < old_len {
                        words::diff_words(
                            old,
                            new,
                            old_block[pi].range.clone(),
                            new_block[pj].range.clone(),
                            deadline,
                            &mut out,
                        );
                    }
                    (i, j) = (pi + 1, pj + 1);
                }
            }
        }
    }
    out
}

/// The Myers diff of two sequences as equal, delete, insert and replace runs in order.
/// (Not `similar::capture_diff_slices`: its compaction step can give a run an index on the
/// other side that is out of order, and the changes must rebuild the text exactly.)
pub(crate) fn sequence_ops<T: Eq + Hash + Ord>(
    old: &[T],
    new: &[T],
    deadline: Option<Instant>,
) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    match diff_slices_deadline(Algorithm::Myers, &mut hook, old, new, deadline) {
        Ok(()) => hook.into_inner().into_ops(),
        Err(never) => match never {},
    }
}

fn push_sentences(out: &mut Vec<ByteChange>, old: Range<usize>, new: Range<usize>) {
    if !old.is_empty() || !new.is_empty() {
        out.push(ByteChange {
            old,
            new,
            kind: ChangeKind::Sentence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_only_to_the_text_they_came_from() {
        let d = diff(
            "Harga naik 10 persen.",
            "Harga naik 12 persen.",
            &DiffOptions::plain(),
        );
        assert_eq!(
            d.apply("Harga naik 10 persen.").as_deref(),
            Some("Harga naik 12 persen.")
        );
        assert_eq!(d.apply("Harga turun 9 persen."), None);
        assert_eq!(d.apply("Harga"), None, "a change past the end");
    }

    fn changes(old: &str, new: &str) -> Vec<(ChangeOp, String, String, ChangeKind)> {
        let d = diff(old, new, &DiffOptions::plain());
        assert_eq!(d.apply(old).as_deref(), Some(new));
        d.changes
            .into_iter()
            .map(|c| (c.op, c.old, c.new, c.kind))
            .collect()
    }

    #[test]
    fn a_changed_name_is_one_word() {
        assert_eq!(
            changes(
                "Kata Intan di Palembang. Hujan turun.",
                "Kata Indah di Palembang. Hujan turun."
            ),
            [(
                ChangeOp::Replace,
                "Intan".into(),
                "Indah".into(),
                ChangeKind::Word
            )]
        );
    }

    #[test]
    fn a_misspelt_word_is_corrected_by_characters() {
        let found = changes(
            "Kebijakan pemerintha itu berlaku.",
            "Kebijakan pemerintah itu berlaku.",
        );
        assert!(found.iter().all(|c| c.3 == ChangeKind::Char), "{found:?}");
    }

    #[test]
    fn added_and_removed_sentences_are_sentences() {
        let found = changes(
            "Satu dua tiga. Empat lima enam.\nTujuh.",
            "Satu dua tiga.\nTujuh. Delapan sembilan.",
        );
        // Spacing between the sentences is a word-level change; the sentences are whole.
        assert!(
            found
                .iter()
                .all(|c| c.3 == ChangeKind::Sentence
                    || (c.1.trim().is_empty() && c.2.trim().is_empty())),
            "{found:?}"
        );
        assert!(found.iter().any(|c| c.0 == ChangeOp::Insert
            && c.2 == "Delapan sembilan."
            && c.3 == ChangeKind::Sentence));
        assert!(
            found
                .iter()
                .any(|c| c.0 == ChangeOp::Delete && c.1.contains("Empat"))
        );
    }

    #[test]
    fn positions_map_through_changes() {
        let old = "Alpha beta. Gamma delta.";
        let new = "Zero one. Alpha beta. Gamma epsilon.";
        let d = diff(old, new, &DiffOptions::plain());
        assert_eq!(&new[d.map_start(0)..d.map_end(11)], "Alpha beta.");
        let gamma = old.find("Gamma").unwrap();
        assert_eq!(
            &new[d.map_start(gamma)..d.map_end(old.len())],
            "Gamma epsilon."
        );
    }
}
