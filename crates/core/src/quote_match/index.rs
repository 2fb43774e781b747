//! Where in a long source a quotation's words could be: postings of word n-grams over the
//! source, and the window of source words that holds most of the quotation's n-grams.
//! Looking a quotation up costs its length times the postings it meets, not the source's
//! length, which is what lets a thousand quotations be placed in a 1 MB transcript quickly.

use std::ops::Range;

/// An n-gram seen more often than this says little about where a quotation is; it is
/// skipped while rarer n-grams of the quotation exist.
const MAX_POSTINGS: usize = 64;

/// The most hits gathered for a quotation made only of common n-grams.
const COMMON_HIT_BUDGET: usize = 4096;

/// Sorted `(n-gram key, source position)` pairs for one n.
struct Postings {
    n: usize,
    entries: Vec<(u64, u32)>,
}

impl Postings {
    fn build(ids: &[u32], n: usize) -> Postings {
        let mut entries: Vec<(u64, u32)> = if ids.len() < n {
            Vec::new()
        } else {
            ids.windows(n)
                .enumerate()
                .map(|(at, gram)| (key(gram), at as u32))
                .collect()
        };
        entries.sort_unstable();
        Postings { n, entries }
    }

    /// The positions of `gram`, ascending.
    fn positions(&self, gram: &[u32]) -> &[(u64, u32)] {
        let key = key(gram);
        let from = self.entries.partition_point(|&(k, _)| k < key);
        let to = from + self.entries[from..].partition_point(|&(k, _)| k == key);
        &self.entries[from..to]
    }
}

/// Packs up to three word ids into one key (exact while the vocabulary has fewer than 2^21
/// words; beyond that two n-grams may share a key, which only adds a false vote).
fn key(gram: &[u32]) -> u64 {
    gram.iter().fold(gram.len() as u64, |key, &id| {
        (key << 21) ^ u64::from(id & 0x1F_FFFF)
    })
}

/// A quotation word found at a source position: evidence for a window.
#[derive(Debug, Clone, Copy)]
struct Hit {
    source: u32,
    quote: u32,
}

/// The n-gram postings of one source.
pub struct NgramIndex {
    by_n: Vec<Postings>,
}

impl NgramIndex {
    pub fn build(ids: &[u32]) -> NgramIndex {
        NgramIndex {
            by_n: (1..=3).map(|n| Postings::build(ids, n)).collect(),
        }
    }

    /// The source window (word positions, within `allowed`) that most likely holds the
    /// quotation `quote`, or `None` when none of its words are there. `known` tells which
    /// ids are source words.
    pub fn best_window(
        &self,
        quote: &[u32],
        allowed: Range<usize>,
        known: impl Fn(u32) -> bool,
    ) -> Option<Range<usize>> {
        if quote.is_empty() || allowed.is_empty() {
            return None;
        }
        let n = quote.len().min(3);
        let mut hits = self.hits(quote, n, &allowed, &known);
        if hits.is_empty() && n > 1 {
            // Heavily edited: single words are the only evidence left.
            hits = self.hits(quote, 1, &allowed, &known);
        }
        if hits.is_empty() {
            return None;
        }
        hits.sort_unstable_by_key(|h| h.source);
        let (first, last) = densest_run(&hits, quote.len(), n);
        // The stretch of source the quotation would cover if the evidence is right, with a
        // little room for words the journalist dropped or changed at either end.
        let slack = 2 + quote.len() / 4;
        let window = &hits[first..=last];
        let start = window
            .iter()
            .map(|h| (h.source as usize).saturating_sub(h.quote as usize))
            .min()
            .unwrap_or(0);
        let end = window
            .iter()
            .map(|h| h.source as usize + (quote.len() - h.quote as usize))
            .max()
            .unwrap_or(0);
        Some(start.saturating_sub(slack).max(allowed.start)..(end + slack).min(allowed.end))
    }

    /// Every place a quotation n-gram occurs within `allowed`, skipping n-grams too common
    /// to place anything while rarer ones exist.
    fn hits(
        &self,
        quote: &[u32],
        n: usize,
        allowed: &Range<usize>,
        known: &impl Fn(u32) -> bool,
    ) -> Vec<Hit> {
        let postings = &self.by_n[n - 1];
        debug_assert_eq!(postings.n, n);
        let mut lists: Vec<(usize, &[(u64, u32)])> = Vec::new();
        for (at, gram) in quote.windows(n).enumerate() {
            if !gram.iter().all(|&id| known(id)) {
                continue;
            }
            let all = postings.positions(gram);
            // Only positions whose whole n-gram lies within the allowed range.
            let from = all.partition_point(|&(_, p)| (p as usize) < allowed.start);
            let to = all.partition_point(|&(_, p)| (p as usize) + n <= allowed.end);
            if from < to {
                lists.push((at, &all[from..to]));
            }
        }
        // Rare n-grams place the quotation. When it has none, the commonest are used whole,
        // rarest first, up to a budget: wherever the quotation really is, they are all there.
        lists.sort_by_key(|(_, list)| list.len());
        let any_rare = lists
            .first()
            .is_some_and(|(_, list)| list.len() <= MAX_POSTINGS);
        let mut hits = Vec::new();
        for (at, list) in lists {
            let over = if any_rare {
                list.len() > MAX_POSTINGS
            } else {
                !hits.is_empty() && hits.len() + list.len() > COMMON_HIT_BUDGET
            };
            if over {
                break;
            }
            hits.extend(list.iter().map(|&(_, source)| Hit {
                source,
                quote: at as u32,
            }));
        }
        hits
    }
}

/// The run of hits (sorted by source position) within a span a little longer than the
/// quotation that covers the most distinct quotation positions; ties go to the earliest.
fn densest_run(hits: &[Hit], quote_len: usize, n: usize) -> (usize, usize) {
    let span = (quote_len + quote_len / 2 + 8) as u32;
    let mut seen = vec![0u32; quote_len];
    let mut distinct = 0usize;
    let (mut best, mut best_count) = ((0, 0), 0usize);
    let mut first = 0;
    for last in 0..hits.len() {
        let q = hits[last].quote as usize;
        seen[q] += 1;
        if seen[q] == 1 {
            distinct += 1;
        }
        while hits[last].source + n as u32 > hits[first].source + span {
            let q = hits[first].quote as usize;
            seen[q] -= 1;
            if seen[q] == 0 {
                distinct -= 1;
            }
            first += 1;
        }
        if distinct > best_count {
            best_count = distinct;
            best = (first, last);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_window_of_a_quotation() {
        // Source ids: 0..100, then the quotation [500, 501, 502, 503] at position 100.
        let mut source: Vec<u32> = (0..100).collect();
        source.extend([500, 501, 502, 503]);
        source.extend(200..300);
        let index = NgramIndex::build(&source);
        let window = index
            .best_window(&[500, 501, 502, 503], 0..source.len(), |_| true)
            .unwrap();
        assert!(window.start <= 100 && window.end >= 104, "{window:?}");
        assert!(window.end - window.start < 20, "{window:?}");
    }

    #[test]
    fn a_quotation_of_common_words_is_found_where_it_is() {
        // Each 3-gram of [1, 2, 3, 4, 5] occurs 101 times; the whole once, at the very end.
        let mut source: Vec<u32> = [[1, 2, 3, 9], [2, 3, 4, 9], [3, 4, 5, 9]]
            .iter()
            .flat_map(|gram| (0..100).flat_map(move |_| *gram))
            .collect();
        source.extend([1, 2, 3, 4, 5]);
        let index = NgramIndex::build(&source);
        let window = index
            .best_window(&[1, 2, 3, 4, 5], 0..source.len(), |_| true)
            .unwrap();
        assert!(
            window.contains(&1200) && window.contains(&1204),
            "{window:?}"
        );
    }

    #[test]
    fn respects_the_allowed_range() {
        let source: Vec<u32> = [1, 2, 3, 9, 9, 9, 1, 2, 3].to_vec();
        let index = NgramIndex::build(&source);
        let window = index.best_window(&[1, 2, 3], 3..9, |_| true).unwrap();
        assert!(window.start >= 3 && window.contains(&6), "{window:?}");
        assert!(index.best_window(&[7, 7, 7], 0..9, |id| id != 7).is_none());
    }
}
