//! What a verification report needs from the database: the reviewed claims of a
//! selection, the article's full metadata, each claim's evidence (links to archived
//! sources), where it stands in later versions, and the archived source bytes.

use crate::analysis::{CLAIM_COLUMNS, claim_from_row};
use crate::{Store, StoreError};
use factdesk_core::{ArticleId, ArticleSummary, AuditEvent, StoredClaim};
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

/// Which claims a report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportSelection {
    /// The reviewed claims of one article.
    Article(ArticleId),
    /// Exactly these claims, reviewed or not (rejected ones too, when named).
    Claims(Vec<i64>),
    /// Reviewed claims whose review changed between these days (YYYY-MM-DD, inclusive).
    Period {
        since: Option<String>,
        until: Option<String>,
    },
    /// Every reviewed claim.
    All,
}

/// A claim with its review's who and when and the speaker's kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewedClaim {
    pub claim: StoredClaim,
    /// "person" or "organization", when the claim has a speaker.
    pub speaker_kind: Option<String>,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<String>,
    pub updated_at: Option<String>,
}

/// An article's metadata beyond the list's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    pub summary: ArticleSummary,
    pub byline: Option<String>,
    pub updated: Option<String>,
}

/// A source tied to a claim, with its archive hash and match result.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceLink {
    pub source_id: i64,
    pub relation: String,
    pub match_class: Option<String>,
    pub score: Option<f64>,
    pub source_start: Option<i64>,
    pub source_end: Option<i64>,
    pub note: String,
    pub source_kind: String,
    pub title: String,
    pub url: Option<String>,
    pub sha256: Option<String>,
    pub media_type: Option<String>,
    pub captured_at: String,
    /// When the source was published, for an article of the workbench used as a source.
    pub published: Option<String>,
}

/// Where a claim stands in a later version of its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimAnchor {
    pub version_id: i64,
    pub captured_at: String,
    pub status: String,
    pub text: Option<String>,
}

const REVIEW_COLUMNS: &str = "s.kind, rv.reviewer, rv.created_at, rv.updated_at";

impl Store {
    /// The claims a report covers, by article then position in the text.
    pub fn report_claims(
        &self,
        selection: &ReportSelection,
    ) -> Result<Vec<ReviewedClaim>, StoreError> {
        let (mut ids, mut since, mut until, mut article) = (None, None, None, None);
        match selection {
            ReportSelection::Article(id) => article = Some(*id),
            ReportSelection::Claims(claim_ids) => {
                ids = Some(
                    serde_json::to_string(claim_ids).map_err(|e| StoreError::Encode {
                        what: "claim ids",
                        detail: e.to_string(),
                    })?,
                )
            }
            ReportSelection::Period {
                since: from,
                until: to,
            } => (since, until) = (from.clone(), to.clone()),
            ReportSelection::All => {}
        }
        // Named claims are taken as they are; otherwise only reviewed, not rejected ones.
        let condition = "(?1 IS NULL OR c.id IN (SELECT value FROM json_each(?1)))
             AND (?1 IS NOT NULL OR (rv.claim_id IS NOT NULL AND c.state != 'rejected'))
             AND (?2 IS NULL OR substr(rv.updated_at, 1, 10) >= ?2) AND (?3 IS NULL OR substr(rv.updated_at, 1, 10) <= ?3)
             AND (?4 IS NULL OR c.article_id = ?4)";
        let sql = format!(
            "SELECT {CLAIM_COLUMNS}, {REVIEW_COLUMNS} FROM claim c LEFT JOIN speaker s ON s.id = c.speaker_id LEFT JOIN review rv ON rv.claim_id = c.id
             WHERE {condition} ORDER BY c.article_id, c.start_char, c.end_char, c.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let first_extra = statement.column_count() - 4;
        let rows = statement.query_map(params![ids, since, until, article], |row| {
            Ok(ReviewedClaim {
                claim: claim_from_row(row)?,
                speaker_kind: row.get(first_extra)?,
                reviewer: row.get(first_extra + 1)?,
                reviewed_at: row.get(first_extra + 2)?,
                updated_at: row.get(first_extra + 3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An article with its byline and update time.
    pub fn article_record(&self, id: ArticleId) -> Result<Option<ArticleRecord>, StoreError> {
        let Some(summary) = self.article(id)? else {
            return Ok(None);
        };
        let (byline, updated) = self.conn.query_row(
            "SELECT byline, updated FROM article WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(Some(ArticleRecord {
            summary,
            byline,
            updated,
        }))
    }

    /// The sources tied to a claim, oldest link first.
    pub fn claim_evidence(&self, claim_id: i64) -> Result<Vec<EvidenceLink>, StoreError> {
        Ok(self
            .claims_evidence(&[claim_id])?
            .remove(&claim_id)
            .unwrap_or_default())
    }

    /// The sources tied to each of these claims, oldest link first: one query for a whole
    /// report instead of one per claim.
    pub fn claims_evidence(
        &self,
        claim_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<EvidenceLink>>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT l.claim_id, l.source_id, l.relation, l.match_class, l.score, l.source_start, l.source_end, l.note,
                    s.kind, s.title, coalesce(s.url, a.canonical_url), s.sha256, s.media_type, s.captured_at, a.published
             FROM link l JOIN source s ON s.id = l.source_id LEFT JOIN article a ON a.id = s.article_id WHERE l.claim_id IN (SELECT value FROM json_each(?1)) ORDER BY l.id",
        )?;
        let rows = statement.query_map([id_list(claim_ids)?], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                EvidenceLink {
                    source_id: row.get(1)?,
                    relation: row.get(2)?,
                    match_class: row.get(3)?,
                    score: row.get(4)?,
                    source_start: row.get(5)?,
                    source_end: row.get(6)?,
                    note: row.get(7)?,
                    source_kind: row.get(8)?,
                    title: row.get(9)?,
                    url: row.get(10)?,
                    sha256: row.get(11)?,
                    media_type: row.get(12)?,
                    captured_at: row.get(13)?,
                    published: row.get(14)?,
                },
            ))
        })?;
        group(rows)
    }

    /// Where a claim was found again in later versions, oldest version first.
    pub fn claim_anchors(&self, claim_id: i64) -> Result<Vec<ClaimAnchor>, StoreError> {
        Ok(self
            .claims_anchors(&[claim_id])?
            .remove(&claim_id)
            .unwrap_or_default())
    }

    /// [`Store::claim_anchors`] for many claims in one query.
    pub fn claims_anchors(
        &self,
        claim_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<ClaimAnchor>>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT a.claim_id, a.version_id, v.captured_at, a.status, a.text FROM claim_anchor a JOIN version v ON v.id = a.version_id
             WHERE a.claim_id IN (SELECT value FROM json_each(?1)) ORDER BY a.claim_id, a.version_id",
        )?;
        let rows = statement.query_map([id_list(claim_ids)?], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                ClaimAnchor {
                    version_id: row.get(1)?,
                    captured_at: row.get(2)?,
                    status: row.get(3)?,
                    text: row.get(4)?,
                },
            ))
        })?;
        group(rows)
    }

    /// The audit trail of each of these claims, oldest first, in one query.
    pub fn claims_history(
        &self,
        claim_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<AuditEvent>>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT entity_id, at, reviewer, field, before, after FROM audit_event
             WHERE entity = 'claim' AND entity_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
        )?;
        let rows = statement.query_map([id_list(claim_ids)?], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                AuditEvent {
                    at: row.get(1)?,
                    reviewer: row.get(2)?,
                    field: row.get(3)?,
                    before: row.get(4)?,
                    after: row.get(5)?,
                },
            ))
        })?;
        group(rows)
    }

    /// An archived source's raw bytes, decompressed; `None` when it has none archived.
    pub fn source_raw(&self, source_id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        let stored: Option<Option<Vec<u8>>> = self
            .conn
            .query_row(
                "SELECT raw_zstd FROM source WHERE id = ?1",
                [source_id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(compressed) = stored.flatten() else {
            return Ok(None);
        };
        let raw = zstd::stream::decode_all(compressed.as_slice()).map_err(|e| {
            StoreError::DamagedSource {
                source_id,
                detail: e.to_string(),
            }
        })?;
        Ok(Some(raw))
    }
}

/// Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
fn id_list(ids: &[i64]) -> Result<String, StoreError> {
    serde_json::to_string(ids).map_err(|e| StoreError::Encode {
        what: "claim ids",
        detail: e.to_string(),
    })
}

/// Rows of (claim id, item) grouped by claim, keeping their order.
fn group<T>(
    rows: impl Iterator<Item = rusqlite::Result<(i64, T)>>,
) -> Result<HashMap<i64, Vec<T>>, StoreError> {
    let mut grouped: HashMap<i64, Vec<T>> = HashMap::new();
    for row in rows {
        let (claim_id, item) = row?;
        grouped.entry(claim_id).or_default().push(item);
    }
    Ok(grouped)
}

impl Store {
    /// Records where a claim stands in a later version of its article (found again moved or
    /// edited, or removed), replacing what an earlier comparison said for that version.
    pub fn record_anchor(
        &mut self,
        claim_id: i64,
        version_id: i64,
        status: &str,
        span: Option<(usize, usize)>,
        text: Option<&str>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO claim_anchor (claim_id, version_id, status, start_char, end_char, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (claim_id, version_id) DO UPDATE SET status = excluded.status, start_char = excluded.start_char,
                 end_char = excluded.end_char, text = excluded.text",
            rusqlite::params![claim_id, version_id, status, span.map(|s| s.0 as i64), span.map(|s| s.1 as i64), text],
        )?;
        Ok(())
    }
}
