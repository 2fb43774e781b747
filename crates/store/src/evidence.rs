//! Sources of evidence (archived with their hash) and claims' links to them. Changing a
//! link goes through the audit trail ([`Store::set_link`]); this module adds and reads.

use crate::{Store, StoreError};
use factdesk_core::{EvidenceLink, EvidenceSourceKind, NewSource, Relation, SourceInfo};
use rusqlite::{OptionalExtension, Row, params};

const SOURCE_COLUMNS: &str =
    "s.id, s.kind, s.title, s.url, s.path, s.article_id, s.sha256, s.captured_at, length(s.text)";

fn source_info(row: &Row<'_>, at: usize) -> rusqlite::Result<SourceInfo> {
    let kind: String = row.get(at + 1)?;
    Ok(SourceInfo {
        id: row.get(at)?,
        kind: EvidenceSourceKind::parse(&kind).unwrap_or(EvidenceSourceKind::File),
        title: row.get(at + 2)?,
        url: row.get(at + 3)?,
        path: row.get(at + 4)?,
        article_id: row.get(at + 5)?,
        sha256: row.get(at + 6)?,
        captured_at: row.get(at + 7)?,
        text_chars: row.get::<_, i64>(at + 8)? as u64,
    })
}

impl Store {
    /// Stores a source, or finds the one already stored with the same archived bytes (or,
    /// for an article, the same article). Returns its id and whether it is new.
    pub fn add_source(&mut self, source: &NewSource) -> Result<(i64, bool), StoreError> {
        let existing: Option<i64> = match (&source.sha256, source.article_id) {
            (Some(sha), _) => self
                .conn
                .query_row(
                    "SELECT id FROM source WHERE sha256 = ?1 LIMIT 1",
                    [sha],
                    |r| r.get(0),
                )
                .optional()?,
            (None, Some(article)) => self
                .conn
                .query_row(
                    "SELECT id FROM source WHERE kind = 'article' AND article_id = ?1 LIMIT 1",
                    [article],
                    |r| r.get(0),
                )
                .optional()?,
            (None, None) => None,
        };
        if let Some(id) = existing {
            return Ok((id, false));
        }
        let raw = source
            .raw
            .as_deref()
            .map(|raw| zstd::bulk::compress(raw, 3))
            .transpose()
            .map_err(|e| StoreError::Encode {
                what: "the source's archive",
                detail: e.to_string(),
            })?;
        self.conn.execute(
            "INSERT INTO source (kind, title, url, path, article_id, sha256, media_type, raw_zstd, text, captured_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                source.kind.as_str(),
                source.title,
                source.url,
                source.path,
                source.article_id,
                source.sha256,
                source.media_type,
                raw,
                source.text,
                source.captured_at
            ],
        )?;
        Ok((self.conn.last_insert_rowid(), true))
    }

    /// Every source, newest first.
    pub fn sources(&self) -> Result<Vec<SourceInfo>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {SOURCE_COLUMNS} FROM source s ORDER BY s.id DESC"
        ))?;
        let rows = statement.query_map([], |row| source_info(row, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn source(&self, id: i64) -> Result<Option<SourceInfo>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SOURCE_COLUMNS} FROM source s WHERE s.id = ?1"
            ))?
            .query_row([id], |row| source_info(row, 0))
            .optional()?)
    }

    /// The text of a source, which quotations are matched against.
    pub fn source_text(&self, id: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT text FROM source WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?)
    }

    /// A source's archived bytes, decompressed, when it has any.
    pub fn source_archive(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        let stored: Option<Option<Vec<u8>>> = self
            .conn
            .query_row("SELECT raw_zstd FROM source WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        stored
            .flatten()
            .map(|compressed| zstd::stream::decode_all(&compressed[..]))
            .transpose()
            .map_err(|e| StoreError::Encode {
                what: "the source's archive",
                detail: e.to_string(),
            })
    }

    /// Records where a linked claim's words were found in the source (derived data: the
    /// link itself is audited, this is what matching found when it was made).
    pub fn set_link_match(
        &mut self,
        claim_id: i64,
        source_id: i64,
        class: &str,
        score: Option<f64>,
        span: Option<(usize, usize)>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE link SET match_class = ?3, score = ?4, source_start = ?5, source_end = ?6 WHERE claim_id = ?1 AND source_id = ?2",
            params![claim_id, source_id, class, score, span.map(|s| s.0 as i64), span.map(|s| s.1 as i64)],
        )?;
        Ok(())
    }

    /// A claim's links to sources, oldest first.
    pub fn claim_links(&self, claim_id: i64) -> Result<Vec<EvidenceLink>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT l.claim_id, l.relation, l.note, l.created_at, {SOURCE_COLUMNS}, l.match_class, l.score, l.source_start, l.source_end
             FROM link l JOIN source s ON s.id = l.source_id WHERE l.claim_id = ?1 ORDER BY l.id"
        ))?;
        let rows = statement.query_map([claim_id], |row| {
            let relation: String = row.get(1)?;
            Ok(EvidenceLink {
                claim_id: row.get(0)?,
                relation: Relation::parse(&relation).unwrap_or(Relation::Context),
                note: row.get(2)?,
                created_at: row.get(3)?,
                source: source_info(row, 4)?,
                match_class: row.get(13)?,
                score: row.get(14)?,
                source_start: row.get::<_, Option<i64>>(15)?.map(|v| v as usize),
                source_end: row.get::<_, Option<i64>>(16)?.map(|v| v as usize),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
