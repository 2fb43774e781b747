//! Full-text search over version text, claims and speakers (SQLite FTS5).

use crate::articles::ARTICLE_FILTER;
use crate::{ArticleFilter, Store, StoreError};
use factdesk_core::SearchHit;
use factdesk_core::snippet::{SnippetTerm, snippet};
use rusqlite::OptionalExtension;
use std::collections::HashSet;

/// How many of the most recent matching versions are ranked by relevance (see [`Store::search`]).
pub const RANK_WINDOW: i64 = 1_000;

/// One thing to find: a word, or a "quoted phrase" (several words in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub words: Vec<String>,
    /// The last word typed so far also matches longer words (search as you type).
    pub prefix: bool,
}

/// Splits what a person typed into terms: words, and "quoted phrases". The last word
/// matches as a prefix unless a space or a closing quote follows it.
pub fn parse_query(input: &str) -> Vec<QueryTerm> {
    let mut terms: Vec<QueryTerm> = Vec::new();
    let mut last_is_word = false;
    for (i, part) in input.split('"').enumerate() {
        if i % 2 == 1 {
            let words: Vec<String> = part.split_whitespace().map(str::to_string).collect();
            if !words.is_empty() {
                terms.push(QueryTerm {
                    words,
                    prefix: false,
                });
                last_is_word = false;
            }
        } else {
            for word in part.split_whitespace() {
                terms.push(QueryTerm {
                    words: vec![word.to_string()],
                    prefix: false,
                });
                last_is_word = true;
            }
        }
    }
    if last_is_word
        && !input.ends_with(char::is_whitespace)
        && let Some(last) = terms.last_mut()
    {
        last.prefix = true;
    }
    terms
}

/// Turns what a person typed into a safe FTS5 query: every word or phrase becomes a quoted
/// string (so `AND`, `*`, `:` or a stray quote are never FTS syntax) and all must match.
/// `None` when nothing searchable was typed.
pub fn fts_query(input: &str) -> Option<String> {
    let terms = parse_query(input);
    if terms.is_empty() {
        return None;
    }
    let quoted: Vec<String> = terms
        .iter()
        .map(|term| {
            format!(
                "\"{}\"{}",
                term.words.join(" "),
                if term.prefix { "*" } else { "" }
            )
        })
        .collect();
    Some(quoted.join(" "))
}

/// The words to highlight in excerpts for `input`.
fn snippet_terms(input: &str) -> Vec<SnippetTerm> {
    parse_query(input)
        .into_iter()
        .flat_map(|term| {
            let last = term.words.len().saturating_sub(1);
            term.words
                .into_iter()
                .enumerate()
                .map(move |(i, word)| SnippetTerm {
                    word: word.to_lowercase(),
                    prefix: term.prefix && i == last,
                })
        })
        .collect()
}

/// Words in a search-result excerpt.
const SNIPPET_WORDS: usize = 24;

impl Store {
    /// Articles whose text or title match `input`, best first; one hit per article (its
    /// best-matching version).
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.search_filtered(input, limit, &ArticleFilter::default())
    }

    /// [`Store::search`] among the articles a filter keeps (the article list's filters).
    pub fn search_filtered(
        &self,
        input: &str,
        limit: usize,
        filter: &ArticleFilter,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        // Relevance ranking (bm25) costs a few microseconds per matching row, which adds up
        // to tens of milliseconds when a common word matches most of the workbench. So the
        // most recent RANK_WINDOW matches are ranked; a narrower query (most are) is ranked
        // over all of its matches. Excerpts are built only for the rows kept.
        let fetch = (limit.saturating_mul(2)).max(limit + 8) as i64;
        let ranked: Vec<i64> = if filter.is_empty() {
            let mut statement = self.conn.prepare_cached(
                "SELECT rowid FROM (
                     SELECT rowid, rank FROM version_fts WHERE version_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2
                 ) ORDER BY rank LIMIT ?3",
            )?;
            let rows = statement
                .query_map(rusqlite::params![query, RANK_WINDOW, fetch], |row| {
                    row.get(0)
                })?;
            rows.collect::<Result<_, _>>()?
        } else {
            // The same window of recent matches, narrowed by the filter before ranking.
            let sql = format!(
                "SELECT m.rowid FROM (
                     SELECT rowid, rank FROM version_fts WHERE version_fts MATCH ?9 ORDER BY rowid DESC LIMIT ?10
                 ) m JOIN version v ON v.id = m.rowid JOIN article a ON a.id = v.article_id
                 WHERE {ARTICLE_FILTER} ORDER BY m.rank LIMIT ?11"
            );
            let mut statement = self.conn.prepare_cached(&sql)?;
            let mut values = filter.params().to_vec();
            values.extend([&query as &dyn rusqlite::ToSql, &RANK_WINDOW, &fetch]);
            let rows = statement.query_map(values.as_slice(), |row| row.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let terms = snippet_terms(input);
        let mut statement = self.conn.prepare_cached(
            "SELECT v.article_id, v.id, a.title, a.site, a.published, v.text
             FROM version v JOIN article a ON a.id = v.article_id
             WHERE v.id = ?1",
        )?;
        let rows = ranked.into_iter().filter_map(|rowid| {
            statement
                .query_row([rowid], |row| {
                    let text: String = row.get(5)?;
                    Ok(SearchHit {
                        article_id: row.get(0)?,
                        version_id: row.get(1)?,
                        title: row.get(2)?,
                        site: row.get(3)?,
                        published: row.get(4)?,
                        snippet: snippet(&text, &terms, SNIPPET_WORDS),
                    })
                })
                .optional()
                .transpose()
        });
        let mut seen = HashSet::new();
        let mut hits = Vec::with_capacity(limit);
        for hit in rows {
            let hit = hit?;
            if seen.insert(hit.article_id) {
                hits.push(hit);
                if hits.len() == limit {
                    break;
                }
            }
        }
        Ok(hits)
    }

    /// Ids of claims whose text matches `input`, best first.
    pub fn search_claims(&self, input: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        self.search_ids(
            "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            input,
            limit,
        )
    }

    /// Ids of speakers whose name or an alias matches `input`, best first.
    pub fn search_speakers(&self, input: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        self.search_ids(
            "SELECT rowid FROM speaker_fts WHERE speaker_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            input,
            limit,
        )
    }

    fn search_ids(&self, sql: &str, input: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(rusqlite::params![query, limit as i64], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_quoted_terms() {
        assert_eq!(
            fts_query("harga beras").as_deref(),
            Some("\"harga\" \"beras\"*")
        );
        assert_eq!(
            fts_query("harga beras ").as_deref(),
            Some("\"harga\" \"beras\"")
        );
        assert_eq!(
            fts_query("\"harga beras\" naik").as_deref(),
            Some("\"harga beras\" \"naik\"*")
        );
        assert_eq!(
            fts_query("AND OR * :").as_deref(),
            Some("\"AND\" \"OR\" \"*\" \":\"*")
        );
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("\"unbalanced").as_deref(), Some("\"unbalanced\""));
    }
}
