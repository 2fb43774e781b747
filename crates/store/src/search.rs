//! Full-text search over version text, claims and speakers (SQLite FTS5).

use crate::{Store, StoreError};
use factdesk_core::{SNIPPET_CLOSE, SNIPPET_OPEN, SearchHit};
use std::collections::HashSet;

/// Turns what a person typed into a safe FTS5 query: every word or "quoted phrase" becomes a
/// quoted string (so `AND`, `*`, `:` or a stray quote are never FTS syntax), all must match,
/// and the last word also matches as a prefix, so results come while typing.
/// `None` when nothing searchable was typed.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut last_is_word = false;
    for (i, part) in input.split('"').enumerate() {
        let inside_quotes = i % 2 == 1;
        if inside_quotes {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                terms.push(format!("\"{phrase}\""));
                last_is_word = false;
            }
        } else {
            for word in part.split_whitespace() {
                terms.push(format!("\"{word}\""));
                last_is_word = true;
            }
        }
    }
    let last = terms.pop()?;
    let still_typing = last_is_word && !input.ends_with(char::is_whitespace);
    terms.push(if still_typing { format!("{last}*") } else { last });
    Some(terms.join(" "))
}

impl Store {
    /// Articles whose text or title match `input`, best first; one hit per article (its
    /// best-matching version).
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(input) else { return Ok(Vec::new()) };
        let mut statement = self.conn.prepare_cached(
            "SELECT v.article_id, v.id, a.title, a.site, a.published,
                    snippet(version_fts, -1, ?2, ?3, '…', 16)
             FROM version_fts
             JOIN version v ON v.id = version_fts.rowid
             JOIN article a ON a.id = v.article_id
             WHERE version_fts MATCH ?1
             ORDER BY rank
             LIMIT ?4",
        )?;
        let (open, close) = (SNIPPET_OPEN.to_string(), SNIPPET_CLOSE.to_string());
        // Several versions of one article can match; fetch a little more and keep the best.
        let fetch = (limit.saturating_mul(2)).max(limit + 8) as i64;
        let rows = statement.query_map(rusqlite::params![query, open, close, fetch], |row| {
            Ok(SearchHit {
                article_id: row.get(0)?,
                version_id: row.get(1)?,
                title: row.get(2)?,
                site: row.get(3)?,
                published: row.get(4)?,
                snippet: row.get(5)?,
            })
        })?;
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
        self.search_ids("SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY rank LIMIT ?2", input, limit)
    }

    /// Ids of speakers whose name or an alias matches `input`, best first.
    pub fn search_speakers(&self, input: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        self.search_ids("SELECT rowid FROM speaker_fts WHERE speaker_fts MATCH ?1 ORDER BY rank LIMIT ?2", input, limit)
    }

    fn search_ids(&self, sql: &str, input: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        let Some(query) = fts_query(input) else { return Ok(Vec::new()) };
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
        assert_eq!(fts_query("harga beras").as_deref(), Some("\"harga\" \"beras\"*"));
        assert_eq!(fts_query("harga beras ").as_deref(), Some("\"harga\" \"beras\""));
        assert_eq!(fts_query("\"harga beras\" naik").as_deref(), Some("\"harga beras\" \"naik\"*"));
        assert_eq!(fts_query("AND OR * :").as_deref(), Some("\"AND\" \"OR\" \"*\" \":\"*"));
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("\"unbalanced").as_deref(), Some("\"unbalanced\""));
    }
}
