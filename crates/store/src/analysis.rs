//! Analysis results stored with their version: detected claims and quotations, the
//! speakers they name (shared across articles by name), and which analyser found them.

use crate::claim_list;
use crate::{Store, StoreError};
use factdesk_core::{ArticleId, DetectedAnalysis, StoredClaim, VersionId};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

/// Writes what analysis found in a version, replacing the earlier analyser's suggestions.
/// Items a checker accepted, rejected, reviewed or marked by hand are never touched. Runs inside the
/// caller's transaction.
pub(crate) fn write_detected(
    conn: &Connection,
    article_id: ArticleId,
    version_id: VersionId,
    detected: &DetectedAnalysis,
    now: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM claim WHERE version_id = ?1 AND origin = 'detected' AND state = 'suggested'
           AND NOT EXISTS (SELECT 1 FROM review r WHERE r.claim_id = claim.id)",
    )?
    .execute([version_id])?;
    for item in &detected.items {
        let speaker_id = match &item.speaker {
            Some(name) if !name.trim().is_empty() => Some(speaker_for(conn, name.trim(), now)?),
            _ => None,
        };
        if let (Some(speaker_id), Some(role)) = (speaker_id, &item.role) {
            conn.prepare_cached("INSERT OR IGNORE INTO speaker_role (speaker_id, role, article_id) VALUES (?1, ?2, ?3)")?
                .execute(params![speaker_id, role, article_id])?;
        }
        let reasons = serde_json::to_string(&item.reasons).map_err(|e| StoreError::Encode {
            what: "claim reasons",
            detail: e.to_string(),
        })?;
        // A speaker span is stored only whole (the schema requires both ends or neither).
        let (speaker_start, speaker_end) = match (item.speaker_start, item.speaker_end) {
            (Some(a), Some(b)) => (Some(a as i64), Some(b as i64)),
            _ => (None, None),
        };
        conn.prepare_cached(
            "INSERT INTO claim (article_id, version_id, kind, start_char, end_char, text, prefix, suffix, speaker_id,
                                speaker_start, speaker_end, cue, origin, score, reasons, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'detected', ?13, ?14, ?15)",
        )?
        .execute(params![
            article_id,
            version_id,
            item.kind,
            item.start as i64,
            item.end as i64,
            item.text,
            item.prefix,
            item.suffix,
            speaker_id,
            speaker_start,
            speaker_end,
            item.cue,
            item.score.map(f64::from),
            reasons,
            now
        ])?;
    }
    conn.prepare_cached(
        "INSERT INTO version_analysis (version_id, analyzer, analyzed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (version_id) DO UPDATE SET analyzer = excluded.analyzer, analyzed_at = excluded.analyzed_at",
    )?
    .execute(params![version_id, detected.analyzer, now])?;
    Ok(())
}

/// The speaker with this name or alias (case-insensitive), created when there is none.
pub(crate) fn speaker_for(conn: &Connection, name: &str, now: &str) -> Result<i64, StoreError> {
    let existing: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM speaker WHERE name = ?1 COLLATE NOCASE
             UNION ALL SELECT speaker_id FROM speaker_alias WHERE alias = ?1 COLLATE NOCASE LIMIT 1",
        )?
        .query_row([name], |row| row.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO speaker (name, created_at) VALUES (?1, ?2)")?
        .execute(params![name, now])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) VALUES (?1, ?2)")?
        .execute(params![id, name])?;
    Ok(id)
}

/// Which claims a list shows; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimFilter {
    pub article_id: Option<ArticleId>,
    /// Review status: new, in-review, checked, published.
    pub status: Option<String>,
    /// A verdict key.
    pub verdict: Option<String>,
    /// claim, direct or indirect.
    pub kind: Option<String>,
}

/// [`ClaimFilter`] over `claim c` alone: reviews are looked up only for a status or verdict
/// filter, and `state != 'rejected'` matches the `claim_list` index.
pub(crate) const CLAIM_ROW_FILTER: &str = "c.state != 'rejected' AND (?1 IS NULL OR c.article_id = ?1) AND (?4 IS NULL OR c.kind = ?4)
     AND (?2 IS NULL OR coalesce((SELECT r.status FROM review r WHERE r.claim_id = c.id), 'new') = ?2)
     AND (?3 IS NULL OR (SELECT r.verdict FROM review r WHERE r.claim_id = c.id) = ?3)";

pub(crate) const CLAIM_COLUMNS: &str = "c.id, c.article_id, c.version_id, c.kind, c.start_char, c.end_char, c.text, c.speaker_id, s.name,
     (SELECT r.role FROM speaker_role r WHERE r.speaker_id = c.speaker_id AND (r.article_id = c.article_id OR r.article_id IS NULL)
      ORDER BY r.article_id IS NULL LIMIT 1),
     c.speaker_start, c.speaker_end, c.cue, c.origin, c.state, c.score, c.reasons,
     coalesce(rv.status, 'new'), rv.verdict, coalesce(rv.notes, '')";

pub(crate) fn claim_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredClaim> {
    let reasons: String = row.get(16)?;
    Ok(StoredClaim {
        id: row.get(0)?,
        article_id: row.get(1)?,
        version_id: row.get(2)?,
        kind: row.get(3)?,
        start: row.get::<_, i64>(4)? as usize,
        end: row.get::<_, i64>(5)? as usize,
        text: row.get(6)?,
        speaker_id: row.get(7)?,
        speaker: row.get(8)?,
        role: row.get(9)?,
        speaker_start: row.get::<_, Option<i64>>(10)?.map(|v| v as usize),
        speaker_end: row.get::<_, Option<i64>>(11)?.map(|v| v as usize),
        cue: row.get(12)?,
        origin: row.get(13)?,
        state: row.get(14)?,
        score: row.get::<_, Option<f64>>(15)?.map(|v| v as f32),
        reasons: serde_json::from_str(&reasons).unwrap_or_default(),
        status: row.get(17)?,
        verdict: row.get(18)?,
        notes: row.get(19)?,
    })
}

/// One claim by id.
pub(crate) fn claim_by_id(
    conn: &Connection,
    claim_id: i64,
) -> Result<Option<StoredClaim>, StoreError> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claim c LEFT JOIN speaker s ON s.id = c.speaker_id LEFT JOIN review rv ON rv.claim_id = c.id WHERE c.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([claim_id], claim_from_row)
        .optional()?)
}

impl Store {
    /// Replaces a version's analysis suggestions atomically (see [`write_detected`]).
    pub fn replace_detected(
        &mut self,
        version_id: VersionId,
        detected: &DetectedAnalysis,
        now: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id: ArticleId = tx
            .query_row(
                "SELECT article_id FROM version WHERE id = ?1",
                [version_id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "version",
                id: version_id,
            })?;
        write_detected(&tx, article_id, version_id, detected, now)?;
        tx.commit()?;
        Ok(())
    }

    /// The analyser that last looked at a version, if any did.
    pub fn analyzer_of(&self, version_id: VersionId) -> Result<Option<u32>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT analyzer FROM version_analysis WHERE version_id = ?1")?
            .query_row([version_id], |row| row.get(0))
            .optional()?)
    }

    /// A version's claims and quotations in text order, rejected ones included (the reader
    /// shows them struck through).
    pub fn version_claims(&self, version_id: VersionId) -> Result<Vec<StoredClaim>, StoreError> {
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claim c LEFT JOIN speaker s ON s.id = c.speaker_id LEFT JOIN review rv ON rv.claim_id = c.id
             WHERE c.version_id = ?1 ORDER BY c.start_char, c.end_char, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([version_id], claim_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Claims and quotations across the workbench, newest article first, filtered.
    /// Rejected suggestions are left out.
    pub fn claims(
        &self,
        filter: &ClaimFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredClaim>, StoreError> {
        // Near the top an offset is cheap; deeper, the page starts from the remembered key
        // before it (see `claim_list`) instead of walking every claim above it.
        let anchor = if offset < 2 * claim_list::ANCHOR_EVERY {
            None
        } else {
            let (total, anchor) = self.list_anchor(filter, offset)?;
            if offset as u64 >= total {
                return Ok(Vec::new());
            }
            anchor
        };
        let ((article, start, id), from) = anchor.unwrap_or(((i64::MAX, i64::MIN, i64::MIN), 0));
        // The page's ids come from the list-order index alone (reviews are looked up only
        // when a filter asks for them); the joins run for the rows shown. `article_id <= ?7`
        // lets the index seek to the anchor; the rest places it exactly.
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM (
                 SELECT c.id FROM claim c INDEXED BY claim_list WHERE {CLAIM_ROW_FILTER}
                     AND c.article_id <= ?7
                     AND (c.article_id < ?7 OR c.start_char > ?8 OR (c.start_char = ?8 AND c.id >= ?9))
                 ORDER BY c.article_id DESC, c.start_char, c.id LIMIT ?5 OFFSET ?6
             ) page JOIN claim c ON c.id = page.id LEFT JOIN speaker s ON s.id = c.speaker_id LEFT JOIN review rv ON rv.claim_id = c.id
             ORDER BY c.article_id DESC, c.start_char, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(
            params![
                filter.article_id,
                filter.status,
                filter.verdict,
                filter.kind,
                limit as i64,
                (offset - from) as i64,
                article,
                start,
                id
            ],
            claim_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many claims and quotations match a filter. Counting is cheaper than the walk
    /// that remembers where pages start, which waits until a page deep in the list is asked
    /// for.
    pub fn count_claims(&self, filter: &ClaimFilter) -> Result<u64, StoreError> {
        // The planner would scan the table; the list index holds every row counted.
        let sql =
            format!("SELECT count(*) FROM claim c INDEXED BY claim_list WHERE {CLAIM_ROW_FILTER}");
        Ok(self.conn.prepare_cached(&sql)?.query_row(
            params![
                filter.article_id,
                filter.status,
                filter.verdict,
                filter.kind
            ],
            |row| row.get::<_, i64>(0),
        )? as u64)
    }
}
