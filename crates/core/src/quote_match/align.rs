//! Word-level alignment of one part of a quotation with its candidate source window
//! (`similar`'s Myers diff over word ids), and the span of source it covers.

use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::ops::Range;

/// The most unmatched words at either end of a quotation taken as changed source words.
const MAX_CHANGED_AT_EDGE: usize = 2;

/// How one part of a quotation lines up with the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Source word positions the part covers.
    pub span: Range<usize>,
    /// Whether the part's words are exactly the span's words.
    pub exact: bool,
    /// The differences, in quotation and source word positions (the source's relative to
    /// the whole source, the quotation's relative to the part).
    pub changes: Vec<Change>,
}

/// One difference: quotation words `quote` stand where the source has `source`; either may
/// be empty (words added or dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub quote: Range<usize>,
    pub source: Range<usize>,
}

/// Aligns `quote` with the source words `source[window]`; `None` when no word matches.
pub fn align(quote: &[u32], source: &[u32], window: Range<usize>) -> Option<Alignment> {
    if let Some(at) = exact_occurrence(quote, &source[window.clone()]) {
        let start = window.start + at;
        return Some(Alignment {
            span: start..start + quote.len(),
            exact: true,
            changes: Vec::new(),
        });
    }
    let ops = capture_diff_slices(Algorithm::Myers, quote, &source[window.clone()]);
    let equals: Vec<(usize, usize, usize)> = ops
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Some((old_index, new_index, len)),
            _ => None,
        })
        .collect();
    let (&(first_quote, first_source, _), &(last_quote, last_source, last_len)) =
        (equals.first()?, equals.last()?);
    // The matched core, widened over the source words facing quotation words that matched
    // nothing at either end (changed rather than added words).
    // Longer unmatched runs are added words (or a moved clause), not changed ones.
    let lead = first_quote.min(first_source).min(MAX_CHANGED_AT_EDGE);
    let trail = (quote.len() - (last_quote + last_len))
        .min(window.len() - (last_source + last_len))
        .min(MAX_CHANGED_AT_EDGE);
    let span = window.start + first_source - lead..window.start + last_source + last_len + trail;
    let ops = capture_diff_slices(Algorithm::Myers, quote, &source[span.clone()]);
    let changes: Vec<Change> = ops
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let (_, old, new) = op.as_tag_tuple();
            Change {
                quote: old,
                source: span.start + new.start..span.start + new.end,
            }
        })
        .collect();
    Some(Alignment {
        span,
        exact: changes.is_empty(),
        changes,
    })
}

/// Where `needle` occurs contiguously in `haystack`, first occurrence.
fn exact_occurrence(needle: &[u32], haystack: &[u32]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_part_is_exact() {
        let source = [9, 9, 1, 2, 3, 9];
        let found = align(&[1, 2, 3], &source, 0..6).unwrap();
        assert_eq!((found.span, found.exact), (2..5, true));
    }

    #[test]
    fn a_changed_last_word_is_a_replacement_inside_the_span() {
        // Source "… 1 2 3 4 …", quotation "1 2 3 7".
        let source = [9, 8, 1, 2, 3, 4, 8, 9];
        let found = align(&[1, 2, 3, 70], &source, 0..8).unwrap();
        assert_eq!(found.span, 2..6);
        assert_eq!(
            found.changes,
            [Change {
                quote: 3..4,
                source: 5..6
            }]
        );
        assert!(!found.exact);
    }

    #[test]
    fn a_dropped_word_is_a_deletion() {
        let source = [1, 2, 3, 4, 5];
        let found = align(&[1, 2, 4, 5], &source, 0..5).unwrap();
        assert_eq!(found.span, 0..5);
        assert_eq!(
            found.changes,
            [Change {
                quote: 2..2,
                source: 2..3
            }]
        );
    }

    #[test]
    fn nothing_in_common_is_no_alignment() {
        assert!(align(&[70, 71], &[1, 2, 3], 0..3).is_none());
    }
}
