//! Where a quotation came from: the passage of a source it most likely quotes, and how the
//! quoted words differ from it.
//!
//! Texts are compared as words (letters and digits, lowercased), so `verbatim` ignores case,
//! punctuation, quotation marks and whitespace and nothing else. An ellipsis in the
//! quotation stands for source text left out: the parts around it are matched in order.
//! The steps: [`words`] (the words with their offsets), [`index`] (word n-gram postings
//! that find the candidate window in a long source), [`align`] (a word diff of the window
//! with `similar`), and the classification here.

mod align;
mod context;
mod index;
mod words;

pub use context::sentence_around;
pub use words::split_at_ellipses;

use crate::language::is_function_word;
use align::{Alignment, align};
use index::NgramIndex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use words::{Vocabulary, WordSeq};

/// Below this share of its words found in the source, a quotation is `not_found`: what is
/// left in common is the language's common words, not a passage.
pub const MIN_FOUND_SHARE: f64 = 0.5;

/// The shortest run of words looked for elsewhere as a moved clause.
const MIN_MOVED_WORDS: usize = 3;

/// How far (in source words) the text an ellipsis leaves out may reach.
pub const MAX_ELIDED_WORDS: usize = 400;

/// The contract's classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchClass {
    /// The same words as the source passage; only case, punctuation, quotation marks or
    /// whitespace differ (and text left out at an ellipsis).
    Verbatim,
    /// Mostly the source's words, but some were added, dropped or changed.
    Altered,
    /// The quotation's words are mostly not in the source.
    NotFound,
}

impl MatchClass {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchClass::Verbatim => "verbatim",
            MatchClass::Altered => "altered",
            MatchClass::NotFound => "not_found",
        }
    }
}

/// What an edit did to the source's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditOp {
    /// Words in the quotation that the source passage does not have.
    Insert,
    /// Source words the quotation leaves out (not at an ellipsis).
    Delete,
    /// Source words the quotation has changed.
    Replace,
}

/// One difference between the quotation and its source passage, as the texts have it
/// (the quotation's words in `quote`, the source's in `source`; one may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteEdit {
    pub op: EditOp,
    pub quote: String,
    pub source: String,
}

/// The result for one quotation and source (`factdesk match --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteMatch {
    pub class: MatchClass,
    /// Word similarity of quotation and passage in 0..1: twice the words in common over the
    /// words of both (text left out at an ellipsis does not count).
    pub score: f64,
    /// Code point offsets into the source text of the passage, from its first matched word
    /// to its last; `None` when not found.
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    pub edits: Vec<QuoteEdit>,
}

/// Why a quotation cannot be matched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteMatchError {
    #[error("has no words to look for (only punctuation or whitespace)")]
    NoWords,
}

/// A source prepared for looking up many quotations.
pub struct SourceIndex<'s> {
    text: &'s str,
    vocabulary: Vocabulary,
    words: WordSeq,
    ngrams: NgramIndex,
}

/// One part of a quotation (between ellipses) and where it was found.
#[derive(Clone)]
struct PartMatch {
    words: WordSeq,
    /// Its letters and digits, lowercased, without spaces: what "verbatim" compares.
    letters: String,
    found: Option<Alignment>,
    /// Runs of the part's words that the alignment left unmatched but that stand nearby in
    /// the source: clauses the journalist moved (quotation word range, where they are).
    moved: Vec<(Range<usize>, Alignment)>,
}

impl<'s> SourceIndex<'s> {
    pub fn new(text: &'s str) -> SourceIndex<'s> {
        let mut vocabulary = Vocabulary::default();
        let words = vocabulary.read_source(text);
        let ngrams = NgramIndex::build(&words.ids);
        SourceIndex {
            text,
            vocabulary,
            words,
            ngrams,
        }
    }

    /// The source passage `quote` most likely came from, classified.
    pub fn find(&self, quote: &str) -> Result<QuoteMatch, QuoteMatchError> {
        let mut parts: Vec<PartMatch> = split_at_ellipses(quote)
            .into_iter()
            .map(|range| self.read_part(quote, range))
            .filter(|words| !words.ids.is_empty())
            .map(|words| PartMatch {
                letters: letters_of(quote, &words.words),
                words,
                found: None,
                moved: Vec::new(),
            })
            .collect();
        if parts.is_empty() {
            return Err(QuoteMatchError::NoWords);
        }
        self.locate_parts(&mut parts);
        for part in &mut parts {
            self.find_moved_clauses(part);
        }
        Ok(self.summarise(quote, &parts))
    }

    /// A part's words, with byte offsets into the whole quotation.
    fn read_part(&self, quote: &str, range: Range<usize>) -> WordSeq {
        let mut words = self.vocabulary.read_quote(&quote[range.clone()]);
        for word in &mut words.words {
            word.bytes.0 += range.start as u32;
            word.bytes.1 += range.start as u32;
        }
        words
    }

    /// Places the parts in order. The longest part is placed first, anywhere, and the others
    /// around it; when that leaves a part unmatched (the longest part's words may also stand
    /// elsewhere), the parts are also placed from the first on, and the better result kept.
    fn locate_parts(&self, parts: &mut [PartMatch]) {
        self.locate_around_longest(parts);
        if parts.len() < 2
            || parts
                .iter()
                .all(|p| p.found.as_ref().is_some_and(|a| a.exact))
        {
            return;
        }
        let mut from_first: Vec<PartMatch> = parts.to_vec();
        self.locate_from_first(&mut from_first);
        if quality(&from_first) > quality(parts) {
            parts.clone_from_slice(&from_first);
        }
    }

    /// The first part anywhere, each next one after the one before, within reach.
    fn locate_from_first(&self, parts: &mut [PartMatch]) {
        let total = self.words.ids.len();
        let mut after = 0;
        for (i, part) in parts.iter_mut().enumerate() {
            let reach = if i == 0 {
                total
            } else {
                (after + MAX_ELIDED_WORDS + 2 * part.words.ids.len()).min(total)
            };
            part.found = self.locate_part(part, after..reach);
            if let Some(found) = &part.found {
                after = found.span.end;
            }
        }
    }

    /// Finds the longest part anywhere, then the others in order around it, each within
    /// reach of its neighbour.
    fn locate_around_longest(&self, parts: &mut [PartMatch]) {
        let total = self.words.ids.len();
        let anchor = (0..parts.len())
            .max_by_key(|&i| (parts[i].words.ids.len(), usize::MAX - i))
            .unwrap_or(0);
        parts[anchor].found = self.locate_part(&parts[anchor], 0..total);
        let Some(anchor_span) = parts[anchor].found.as_ref().map(|a| a.span.clone()) else {
            return;
        };
        let mut after = anchor_span.end;
        for part in &mut parts[anchor + 1..] {
            let reach = after + MAX_ELIDED_WORDS + 2 * part.words.ids.len();
            part.found = self.locate_part(part, after..reach.min(total));
            if let Some(found) = &part.found {
                after = found.span.end;
            }
        }
        let mut before = anchor_span.start;
        for part in parts[..anchor].iter_mut().rev() {
            let reach = before.saturating_sub(MAX_ELIDED_WORDS + 2 * part.words.ids.len());
            part.found = self.locate_part(part, reach..before);
            if let Some(found) = &part.found {
                before = found.span.start;
            }
        }
    }

    /// Looks for the part's added runs of words (three or more) near its passage: a
    /// reordered quotation aligns one clause and leaves the other as "added".
    fn find_moved_clauses(&self, part: &mut PartMatch) {
        let Some(found) = &part.found else { return };
        let reach = part.words.ids.len() + MIN_MOVED_WORDS;
        let nearby = found.span.start.saturating_sub(reach)
            ..(found.span.end + reach).min(self.words.ids.len());
        for change in found
            .changes
            .iter()
            .filter(|c| c.quote.len() >= MIN_MOVED_WORDS)
        {
            let run = &part.words.ids[change.quote.clone()];
            let Some(moved) = self.locate(run, nearby.clone()) else {
                continue;
            };
            let unmatched: usize = moved.changes.iter().map(|c| c.quote.len()).sum();
            let apart = moved.span.end <= found.span.start || moved.span.start >= found.span.end;
            if apart && unmatched * 2 < run.len() {
                part.moved.push((change.quote.clone(), moved));
            }
        }
    }

    /// A part's alignment; when its words differ from the window's only where words were
    /// glued or split ("Kini,desain" copied as "Kinidesain"), it is still exact.
    fn locate_part(&self, part: &PartMatch, allowed: Range<usize>) -> Option<Alignment> {
        let window = self
            .ngrams
            .best_window(&part.words.ids, allowed, |id| self.vocabulary.knows(id))?;
        let aligned = align(&part.words.ids, &self.words.ids, window.clone());
        if aligned.as_ref().is_some_and(|a| a.exact) {
            return aligned;
        }
        self.same_letters_in(&part.letters, window).or(aligned)
    }

    /// Source words of `window` whose letters, run together, are exactly `letters`.
    fn same_letters_in(&self, letters: &str, window: Range<usize>) -> Option<Alignment> {
        let mut joined = String::new();
        let mut word_starts = Vec::with_capacity(window.len() + 1);
        for word in &self.words.words[window.clone()] {
            word_starts.push(joined.len());
            joined.push_str(&letters_of(self.text, std::slice::from_ref(word)));
        }
        word_starts.push(joined.len());
        joined.match_indices(letters).find_map(|(at, _)| {
            let first = word_starts.binary_search(&at).ok()?;
            let end = word_starts.binary_search(&(at + letters.len())).ok()?;
            (end > first).then(|| Alignment {
                span: window.start + first..window.start + end,
                exact: true,
                changes: Vec::new(),
            })
        })
    }

    fn locate(&self, quote: &[u32], allowed: Range<usize>) -> Option<Alignment> {
        let window = self
            .ngrams
            .best_window(quote, allowed, |id| self.vocabulary.knows(id))?;
        align(quote, &self.words.ids, window)
    }

    /// The class, score, passage and edits of a located quotation.
    fn summarise(&self, quote: &str, parts: &[PartMatch]) -> QuoteMatch {
        let mut matched_words = 0;
        let (mut content_words, mut matched_content) = (0, 0);
        let mut quote_words = 0;
        let mut source_words = 0;
        let mut edits = Vec::new();
        let mut exact = true;
        for part in parts {
            let words = &part.words.words;
            let mut matched = vec![part.found.is_some(); words.len()];
            match &part.found {
                Some(found) => {
                    source_words += found.span.len();
                    for (run, moved) in &part.moved {
                        source_words += moved.span.len();
                        let moved_words = &self.words.words[moved.span.clone()];
                        edits.push(edit(
                            String::new(),
                            text_of(self.text, moved_words),
                            &(0..0),
                            &moved.span,
                        ));
                        for change in &moved.changes {
                            let in_run =
                                run.start + change.quote.start..run.start + change.quote.end;
                            matched[in_run].iter_mut().for_each(|m| *m = false);
                        }
                    }
                    for change in &found.changes {
                        let moved_here = part.moved.iter().find(|(run, _)| *run == change.quote);
                        if let Some((run, _)) = moved_here {
                            // Shown as added here and dropped where the source has it.
                            exact = false;
                            edits.push(edit(
                                text_of(quote, &words[run.clone()]),
                                String::new(),
                                run,
                                &(0..0),
                            ));
                            continue;
                        }
                        let quote_text = text_of(quote, &words[change.quote.clone()]);
                        let source_text =
                            text_of(self.text, &self.words.words[change.source.clone()]);
                        // "3,3" against "33", "data base" against "database": only
                        // punctuation or whitespace differs, which verbatim ignores.
                        if same_letters(&quote_text, &source_text) {
                            continue;
                        }
                        exact = false;
                        matched[change.quote.clone()]
                            .iter_mut()
                            .for_each(|m| *m = false);
                        edits.push(edit(quote_text, source_text, &change.quote, &change.source));
                    }
                }
                None => {
                    exact = false;
                    edits.push(edit(
                        text_of(quote, words),
                        String::new(),
                        &(0..words.len()),
                        &(0..0),
                    ));
                }
            }
            quote_words += words.len();
            matched_words += matched.iter().filter(|&&m| m).count();
            for (word, matched) in words.iter().zip(&matched) {
                if !is_function_word(&quote[word.byte_range()].to_lowercase()) {
                    content_words += 1;
                    matched_content += usize::from(*matched);
                }
            }
        }
        let score = round3(2.0 * matched_words as f64 / (quote_words + source_words) as f64);
        // Shared function words ("the", "yang", "he said") do not make a passage the source.
        let found_share = if content_words >= 2 {
            matched_content as f64 / content_words as f64
        } else {
            matched_words as f64 / quote_words as f64
        };
        if found_share < MIN_FOUND_SHARE {
            return QuoteMatch {
                class: MatchClass::NotFound,
                score,
                source_start: None,
                source_end: None,
                edits: Vec::new(),
            };
        }
        let spans: Vec<&Range<usize>> = parts
            .iter()
            .flat_map(|p| p.found.iter().chain(p.moved.iter().map(|(_, moved)| moved)))
            .map(|a| &a.span)
            .collect();
        let first = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let last = spans.iter().map(|s| s.end).max().unwrap_or(0);
        let source_start = self.words.words[first].chars.0 as usize;
        let source_end = self.words.words[last - 1].chars.1 as usize;
        let class = if exact {
            MatchClass::Verbatim
        } else {
            MatchClass::Altered
        };
        QuoteMatch {
            class,
            score,
            source_start: Some(source_start),
            source_end: Some(source_end),
            edits,
        }
    }

    /// The source text between two code point offsets (for showing a passage).
    pub fn passage(&self, start: usize, end: usize) -> String {
        self.text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect()
    }
}

fn edit(
    quote: String,
    source: String,
    in_quote: &Range<usize>,
    in_source: &Range<usize>,
) -> QuoteEdit {
    let op = match (in_quote.is_empty(), in_source.is_empty()) {
        (false, true) => EditOp::Insert,
        (true, false) => EditOp::Delete,
        _ => EditOp::Replace,
    };
    QuoteEdit { op, quote, source }
}

/// How well parts were placed: exact parts first, then quotation words outside any change.
fn quality(parts: &[PartMatch]) -> (usize, usize) {
    let exact = parts
        .iter()
        .filter(|p| p.found.as_ref().is_some_and(|a| a.exact))
        .count();
    let unchanged = parts
        .iter()
        .filter_map(|p| {
            p.found
                .as_ref()
                .map(|a| p.words.ids.len() - a.changes.iter().map(|c| c.quote.len()).sum::<usize>())
        })
        .sum();
    (exact, unchanged)
}

/// The letters and digits of `words` in `text`, lowercased and run together.
fn letters_of(text: &str, words: &[words::Word]) -> String {
    words
        .iter()
        .flat_map(|w| text[w.byte_range()].chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two texts have the same letters and digits, ignoring case.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &'_ str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    letters(a) == letters(b)
}

/// The text from the first to the last of `words` (empty for none).
fn text_of(text: &str, words: &[words::Word]) -> String {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => {
            text[first.byte_range().start..last.byte_range().end].to_string()
        }
        _ => String::new(),
    }
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Matches one quotation against one source (builds the index for a single lookup).
pub fn match_quote(quote: &str, source: &str) -> Result<QuoteMatch, QuoteMatchError> {
    SourceIndex::new(source).find(quote)
}
