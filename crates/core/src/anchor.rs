//! Finding a claim or quotation of one version again in the next, the way Hypothesis
//! re-anchors annotations: where the diff says its words went, then its exact text (the
//! occurrence nearest to where it should be), then a fuzzy match of its words among the new
//! sentences, with its context breaking ties. Nothing is lost silently: what cannot be found
//! is `Removed`, and an edited claim comes with its word changes (a number, a name, words).

use crate::analysis::offsets::{ByteOffsets, CharOffsets};
use crate::analysis::sentence_spans;
use crate::diff::{ChangeOp, TextDiff};
use serde::{Deserialize, Serialize};
use similar::{DiffOp, get_diff_ratio};
use std::ops::Range;
use std::time::Instant;
use ts_rs::TS;

/// A claim's place in the old text: code points, with the text and some context around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Anchor {
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    pub prefix: String,
    pub suffix: String,
}

/// What became of a claim in the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// The same words (spacing and letter case aside) where the diff says they went.
    Unchanged,
    /// The same words somewhere else (a reordered paragraph).
    Moved,
    /// Found, with some words changed.
    Edited,
    /// Not in the new version.
    Removed,
    /// Not searched for beyond where the diff says it went: the comparison ran out of time
    /// (pathological input). The claim is kept; nothing is concluded about it.
    Unresolved,
}

/// One word-level change inside an edited claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WordEdit {
    pub op: ChangeOp,
    pub old: String,
    pub new: String,
}

/// Where a claim is in the new version (code points) and how it changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Reanchored {
    pub status: AnchorStatus,
    #[ts(type = "number | null")]
    pub start: Option<usize>,
    #[ts(type = "number | null")]
    pub end: Option<usize>,
    pub text: Option<String>,
    /// Word similarity of the old and new text, 0..1.
    pub score: f32,
    pub edits: Vec<WordEdit>,
    /// What kind of words changed: "number", "name", "words" (a speaker change is added by
    /// whoever knows the speakers).
    pub reasons: Vec<String>,
}

/// Word similarity at which the text where the diff says a claim went is the claim edited.
const POSITION_THRESHOLD: f32 = 0.5;
/// Word similarity a claim found anywhere else must reach: stricter, as nothing but the
/// words says it is the same claim.
const FUZZY_THRESHOLD: f32 = 0.6;
/// Sentences compared closely in the fuzzy search (the most alike by character pairs).
const FUZZY_CANDIDATES: usize = 3;
/// Exact occurrences considered for a very common text.
const MAX_OCCURRENCES: usize = 1000;
/// How far (bytes) from where the diff says a claim went it is searched for, exactly or
/// fuzzily: a moved paragraph stays within its article, and the search of each claim stays
/// bounded however long the text.
const SEARCH_WINDOW_BYTES: usize = 100_000;

/// Re-anchors claims of `old` in `new`, given their diff.
pub struct Reanchorer<'a> {
    old: &'a str,
    new: &'a str,
    diff: &'a TextDiff,
    old_bytes: ByteOffsets<'a>,
    new_chars: CharOffsets<'a>,
    new_sentences: std::cell::OnceCell<Vec<Range<usize>>>,
    deadline: Option<Instant>,
}

impl<'a> Reanchorer<'a> {
    pub fn new(old: &'a str, new: &'a str, diff: &'a TextDiff, deadline: Option<Instant>) -> Self {
        Reanchorer {
            old,
            new,
            diff,
            old_bytes: ByteOffsets::new(old),
            new_chars: CharOffsets::new(new),
            new_sentences: std::cell::OnceCell::new(),
            deadline,
        }
    }

    /// The anchor of the old text's code points `start..end`, with `context` characters
    /// on each side (without rescanning the text, unlike [`anchor_at`]).
    pub fn anchor(&self, start: usize, end: usize, context: usize) -> Anchor {
        anchor_with(self.old, &self.old_bytes, start, end, context)
    }

    /// Looks for `anchor` only where the diff says it went: cheap whatever the text's size,
    /// for when time has run out. `Unresolved` when it is not there word for word.
    pub fn reanchor_where_expected(&self, anchor: &Anchor) -> Reanchored {
        let expected = self.expected(anchor);
        match self.new.get(expected.clone()) {
            Some(found) if found == anchor.text => self.found(anchor, expected.clone(), &expected),
            _ => Reanchored {
                status: AnchorStatus::Unresolved,
                ..removed()
            },
        }
    }

    /// Where the diff says the anchored text went (bytes of the new text).
    fn expected(&self, anchor: &Anchor) -> Range<usize> {
        let (old_start, old_end) = (
            self.old_bytes.byte_at(anchor.start),
            self.old_bytes.byte_at(anchor.end),
        );
        let (old_start, old_end) = (
            old_start.min(self.old.len()),
            old_end.min(self.old.len()).max(old_start),
        );
        self.diff.map_start(old_start)
            ..self
                .diff
                .map_end(old_end)
                .max(self.diff.map_start(old_start))
    }

    /// Finds `anchor` in the new text.
    pub fn reanchor(&self, anchor: &Anchor) -> Reanchored {
        let text = anchor.text.as_str();
        if text.trim().is_empty() {
            return removed();
        }
        let expected = self.expected(anchor);
        if self.new.get(expected.clone()) == Some(text) {
            return self.found(anchor, expected.clone(), &expected);
        }
        let window = self.window(&expected);
        if let Some(at) = self.nearest_occurrence(text, expected.start, &window) {
            return self.found(anchor, at..at + text.len(), &expected);
        }
        let near = !expected.is_empty() && expected.len() <= 8 * text.len() + 256;
        if let Some(span) = near
            .then(|| self.locate(text, expected.clone()))
            .flatten()
            .filter(|s| self.ratio(text, &self.new[s.clone()]) >= POSITION_THRESHOLD)
        {
            return self.found(anchor, span, &expected);
        }
        match self.fuzzy(anchor, &window) {
            Some(span) => self.found(anchor, span, &expected),
            None => removed(),
        }
    }

    /// The part of the new text searched for a claim expected at `expected`.
    fn window(&self, expected: &Range<usize>) -> Range<usize> {
        let boundary = |mut at: usize| {
            at = at.min(self.new.len());
            while !self.new.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        boundary(expected.start.saturating_sub(SEARCH_WINDOW_BYTES))
            ..boundary(expected.end + SEARCH_WINDOW_BYTES)
    }

    /// The exact occurrence in `window` nearest to where the claim should be.
    fn nearest_occurrence(
        &self,
        text: &str,
        expected: usize,
        window: &Range<usize>,
    ) -> Option<usize> {
        self.new[window.clone()]
            .match_indices(text)
            .take(MAX_OCCURRENCES)
            .map(|(at, _)| window.start + at)
            .min_by_key(|&at| at.abs_diff(expected))
    }

    /// The span of `region` that best matches `text` word for word: from the first to the
    /// last word the two share, widened over words replaced at either end.
    fn locate(&self, text: &str, region: Range<usize>) -> Option<Range<usize>> {
        let claim_words = words(text, 0);
        let region_words = words(&self.new[region.clone()], region.start);
        let claim: Vec<String> = claim_words
            .iter()
            .map(|r| text[r.clone()].to_lowercase())
            .collect();
        let found: Vec<String> = region_words
            .iter()
            .map(|r| self.new[r.clone()].to_lowercase())
            .collect();
        let ops = crate::diff::sequence_ops(&claim, &found, self.deadline);
        let touching = |op: &DiffOp| !matches!(op, DiffOp::Insert { .. });
        let first = ops.iter().find(|op| touching(op))?;
        let last = ops.iter().rev().find(|op| touching(op))?;
        if !ops.iter().any(|op| matches!(op, DiffOp::Equal { .. })) {
            return None;
        }
        // A replacement at the start keeps as many of its words as the claim had there,
        // counted from its end (and at the end, from its start).
        let from = match *first {
            DiffOp::Replace {
                old_len,
                new_index,
                new_len,
                ..
            } => new_index + new_len.saturating_sub(old_len),
            ref op => op.new_range().start,
        };
        let to = match *last {
            DiffOp::Replace {
                old_len,
                new_index,
                new_len,
                ..
            } => new_index + new_len.min(old_len),
            ref op => op.new_range().end,
        };
        (from < to).then(|| region_words[from].start..region_words[to - 1].end)
    }

    /// The best match among the new sentences in `window`, when it is close enough.
    fn fuzzy(&self, anchor: &Anchor, window: &Range<usize>) -> Option<Range<usize>> {
        let sentences = self.new_sentences.get_or_init(|| sentence_spans(self.new));
        let first = sentences.partition_point(|s| s.end <= window.start);
        let last = sentences.partition_point(|s| s.start < window.end);
        let mut candidates: Vec<(f64, &Range<usize>)> = sentences[first..last.max(first)]
            .iter()
            .map(|s| (strsim::sorensen_dice(&anchor.text, &self.new[s.clone()]), s))
            .filter(|(score, _)| *score > 0.3)
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        candidates
            .into_iter()
            .take(FUZZY_CANDIDATES)
            .filter_map(|(_, sentence)| {
                let span = self.locate(&anchor.text, sentence.clone())?;
                let score = self.ratio(&anchor.text, &self.new[span.clone()]);
                (score >= FUZZY_THRESHOLD)
                    .then(|| (score + 0.1 * self.context_score(anchor, &span), span))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, span)| span)
    }

    /// How alike the claim's context is to the text around `span`, 0..1.
    fn context_score(&self, anchor: &Anchor, span: &Range<usize>) -> f32 {
        let before: String = self.new[..span.start]
            .chars()
            .rev()
            .take(anchor.prefix.chars().count())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = self.new[span.end..]
            .chars()
            .take(anchor.suffix.chars().count())
            .collect();
        ((strsim::sorensen_dice(&anchor.prefix, &before)
            + strsim::sorensen_dice(&anchor.suffix, &after))
            / 2.0) as f32
    }

    fn ratio(&self, a: &str, b: &str) -> f32 {
        let a_words: Vec<String> = words(a, 0)
            .into_iter()
            .map(|r| a[r].to_lowercase())
            .collect();
        let b_words: Vec<String> = words(b, 0)
            .into_iter()
            .map(|r| b[r].to_lowercase())
            .collect();
        let ops = crate::diff::sequence_ops(&a_words, &b_words, self.deadline);
        get_diff_ratio(&ops, a_words.len(), b_words.len())
    }

    /// The result for a claim found at `span` (bytes of the new text); `expected` is where
    /// the diff says it went.
    fn found(&self, anchor: &Anchor, span: Range<usize>, expected: &Range<usize>) -> Reanchored {
        let new_text = &self.new[span.clone()];
        // Spacing and letter case aside ("Harga Beras" in a headline put in capitals).
        let same_words = anchor
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .eq(new_text.split_whitespace().map(str::to_lowercase));
        let in_place = expected.start <= span.start && span.end <= expected.end;
        let (edits, reasons) = if same_words {
            (Vec::new(), Vec::new())
        } else {
            word_edits(&anchor.text, new_text, self.deadline)
        };
        Reanchored {
            status: match (same_words, in_place) {
                (true, true) => AnchorStatus::Unchanged,
                (true, false) => AnchorStatus::Moved,
                (false, _) => AnchorStatus::Edited,
            },
            start: Some(self.new_chars.char_at(span.start)),
            end: Some(self.new_chars.char_at(span.end)),
            text: Some(new_text.to_string()),
            score: if same_words {
                1.0
            } else {
                self.ratio(&anchor.text, new_text)
            },
            edits,
            reasons,
        }
    }
}

fn removed() -> Reanchored {
    Reanchored {
        status: AnchorStatus::Removed,
        start: None,
        end: None,
        text: None,
        score: 0.0,
        edits: Vec::new(),
        reasons: Vec::new(),
    }
}

/// The byte ranges (shifted by `base`) of the text's tokens other than whitespace.
fn words(text: &str, base: usize) -> Vec<Range<usize>> {
    crate::diff::tokens(text)
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .map(|r| r.start + base..r.end + base)
        .collect()
}

/// The word changes from `old` to `new`, and what kind of words they touch.
fn word_edits(old: &str, new: &str, deadline: Option<Instant>) -> (Vec<WordEdit>, Vec<String>) {
    let old_tokens = crate::diff::tokens(old);
    let new_tokens = crate::diff::tokens(new);
    let old_words: Vec<&str> = old_tokens.iter().map(|r| &old[r.clone()]).collect();
    let new_words: Vec<&str> = new_tokens.iter().map(|r| &new[r.clone()]).collect();
    let mut edits = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    for op in crate::diff::sequence_ops(&old_words, &new_words, deadline) {
        let (tag, o, n) = op.as_tag_tuple();
        let (old_part, new_part) = (old_words[o].concat(), new_words[n].concat());
        if tag == similar::DiffTag::Equal
            || (old_part.trim().is_empty() && new_part.trim().is_empty())
        {
            continue;
        }
        let changed = old_part
            .split_whitespace()
            .chain(new_part.split_whitespace());
        let mut reason = "words";
        for word in changed {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().any(|c| c.is_ascii_digit())
                || crate::analysis::checkworthy::is_number_word(word)
            {
                reason = "number";
                break;
            }
            if word.chars().next().is_some_and(char::is_uppercase) {
                reason = "name";
            }
        }
        if !reasons.iter().any(|r| r == reason) {
            reasons.push(reason.to_string());
        }
        let op = match tag {
            similar::DiffTag::Insert => ChangeOp::Insert,
            similar::DiffTag::Delete => ChangeOp::Delete,
            _ => ChangeOp::Replace,
        };
        edits.push(WordEdit {
            op,
            old: old_part,
            new: new_part,
        });
    }
    (edits, reasons)
}

/// An anchor for the code points `start..end` of `text`, with `context` characters of
/// context on each side.
/// Reads the whole text; for many anchors of one text use [`Reanchorer::anchor`].
pub fn anchor_at(text: &str, start: usize, end: usize, context: usize) -> Anchor {
    anchor_with(text, &ByteOffsets::new(text), start, end, context)
}

fn anchor_with(
    text: &str,
    bytes: &ByteOffsets,
    start: usize,
    end: usize,
    context: usize,
) -> Anchor {
    let (from, to) = (bytes.byte_at(start), bytes.byte_at(end.max(start)));
    let before = bytes.byte_at(start.saturating_sub(context));
    let after = bytes.byte_at(end + context);
    Anchor {
        start,
        end,
        text: text[from..to].to_string(),
        prefix: text[before..from].to_string(),
        suffix: text[to..after].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, diff};

    fn reanchor(old: &str, new: &str, claim: &str) -> Reanchored {
        let d = diff(old, new, &DiffOptions::plain());
        let start = old[..old.find(claim).unwrap()].chars().count();
        let anchor = anchor_at(old, start, start + claim.chars().count(), 32);
        Reanchorer::new(old, new, &d, None).reanchor(&anchor)
    }

    #[test]
    fn statuses() {
        let old = "Judul berita.\nHarga beras naik 10 persen. Menteri Budi datang.\nHujan turun di Jakarta.";
        let moved = "Judul berita.\nHujan turun di Jakarta.\nHarga beras naik 10 persen. Menteri Budi datang.";
        let r = reanchor(
            old,
            &format!("Judul baru.\n{old}"),
            "Harga beras naik 10 persen.",
        );
        assert_eq!(r.status, AnchorStatus::Unchanged);
        assert_eq!(
            reanchor(old, moved, "Hujan turun di Jakarta.").status,
            AnchorStatus::Moved
        );
        let edited = reanchor(
            old,
            &old.replace("10 persen", "12 persen"),
            "Harga beras naik 10 persen.",
        );
        assert_eq!(edited.status, AnchorStatus::Edited);
        assert_eq!(edited.text.as_deref(), Some("Harga beras naik 12 persen."));
        assert_eq!(edited.reasons, ["number"]);
        let in_words = reanchor(
            "Jembatan ditutup selama tiga hari.",
            "Jembatan ditutup selama empat hari.",
            "Jembatan ditutup selama tiga hari.",
        );
        assert_eq!(in_words.reasons, ["number"], "a number written as a word");
        let english = reanchor(
            "The bridge closes for three days.",
            "The bridge closes for several days.",
            "The bridge closes for three days.",
        );
        assert_eq!(english.reasons, ["number"]);
        let plain = reanchor(
            "Jembatan ditutup selama beberapa hari.",
            "Jembatan ditutup selama banyak hari.",
            "Jembatan ditutup selama beberapa hari.",
        );
        assert_eq!(plain.reasons, ["words"]);
        assert_eq!(
            reanchor(
                old,
                "Judul berita.\nHujan turun di Jakarta.",
                "Menteri Budi datang."
            )
            .status,
            AnchorStatus::Removed
        );
    }
}
