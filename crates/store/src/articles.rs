//! Articles and their immutable versions.

use crate::{Store, StoreError};
use factdesk_core::{ArticleId, ArticleSummary, NewCapture, SourceKind, VersionId, VersionInfo};
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

/// zstd level for raw captures: fast to write, about 3× smaller for news HTML and text.
const RAW_COMPRESSION_LEVEL: i32 = 3;

/// Outcome of [`Store::add_capture`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new version was written (and a new article, when no article matched).
    Inserted {
        article_id: ArticleId,
        version_id: VersionId,
    },
    /// A version with the same SHA-256 already exists; nothing was written.
    Unchanged {
        article_id: ArticleId,
        version_id: VersionId,
    },
}

impl Stored {
    pub fn ids(self) -> (ArticleId, VersionId) {
        match self {
            Stored::Inserted {
                article_id,
                version_id,
            }
            | Stored::Unchanged {
                article_id,
                version_id,
            } => (article_id, version_id),
        }
    }
}

/// rusqlite errors are not `Clone`; a batch that fails as a whole reports the same error for
/// each of its captures.
fn clone_sql_error(error: &rusqlite::Error) -> rusqlite::Error {
    match error {
        rusqlite::Error::SqliteFailure(code, message) => {
            rusqlite::Error::SqliteFailure(*code, message.clone())
        }
        other => rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
            Some(other.to_string()),
        ),
    }
}

fn insert_capture(
    conn: &rusqlite::Connection,
    capture: &NewCapture,
    into: Option<ArticleId>,
    now: &str,
) -> Result<Stored, StoreError> {
    let existing = conn
        .prepare_cached("SELECT article_id, id FROM version WHERE sha256 = ?1")?
        .query_row([&capture.sha256], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some((article_id, version_id)) = existing {
        return Ok(Stored::Unchanged {
            article_id,
            version_id,
        });
    }
    let raw = zstd::bulk::compress(&capture.raw, RAW_COMPRESSION_LEVEL).map_err(|e| {
        StoreError::Encode {
            what: "the raw capture",
            detail: e.to_string(),
        }
    })?;
    let known_article: Option<ArticleId> = match (into, &capture.canonical_url) {
        (Some(id), _) => Some(id),
        (None, Some(url)) => conn
            .prepare_cached("SELECT id FROM article WHERE canonical_url = ?1")?
            .query_row([url], |row| row.get(0))
            .optional()?,
        (None, None) => None,
    };
    let byline = capture.metadata.byline.as_deref();
    let article_id = match known_article {
        Some(id) => {
            // The newest capture's metadata describes the article.
            conn.prepare_cached(
                "UPDATE article SET title = ?2, site = coalesce(?3, site), language = coalesce(?4, language),
                        published = coalesce(published, ?5), byline = coalesce(?6, byline)
                 WHERE id = ?1",
            )?
            .execute(params![id, capture.title, capture.site, capture.language, capture.published, byline])?;
            id
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO article (canonical_url, title, site, language, published, byline, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![capture.canonical_url, capture.title, capture.site, capture.language, capture.published, byline, now])?;
            conn.last_insert_rowid()
        }
    };
    let metadata = serde_json::to_string(&capture.metadata).map_err(|e| StoreError::Encode {
        what: "the capture metadata",
        detail: e.to_string(),
    })?;
    conn.prepare_cached(
        "INSERT INTO version (article_id, sha256, captured_at, source_kind, source_ref, media_type, charset,
                              raw_zstd, raw_bytes, title, language, published, text, metadata)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        article_id,
        capture.sha256,
        capture.captured_at,
        capture.source_kind.as_str(),
        capture.source_ref,
        capture.media_type,
        capture.charset,
        raw,
        capture.raw.len() as i64,
        capture.title,
        capture.language,
        capture.published,
        capture.text,
        metadata,
    ])?;
    let version_id = conn.last_insert_rowid();
    if let Some(detected) = &capture.analysis {
        crate::analysis::write_detected(conn, article_id, version_id, detected, now)?;
    }
    Ok(Stored::Inserted {
        article_id,
        version_id,
    })
}

/// Which articles a list shows; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFilter {
    pub language: Option<String>,
    /// The outlet, as stored ("Kabar Kota", "detik.com").
    pub site: Option<String>,
    /// Published on or after this day (YYYY-MM-DD), and before the day after `published_until`.
    pub published_from: Option<String>,
    pub published_until: Option<String>,
    /// Has a claim or quotation with this review status / verdict.
    pub status: Option<String>,
    pub verdict: Option<String>,
    /// Quotes a speaker whose name contains this text (any case).
    pub speaker: Option<String>,
    /// Only articles edited substantively after their newest review ("changed since checked").
    pub changed_since_review: bool,
}

impl ArticleFilter {
    /// True when the filter keeps every article.
    pub fn is_empty(&self) -> bool {
        *self == ArticleFilter::default()
    }

    /// The filter's values for [`ARTICLE_FILTER`]'s `?1` … `?8`.
    pub(crate) fn params(&self) -> [&dyn rusqlite::ToSql; 8] {
        [
            &self.language,
            &self.site,
            &self.published_from,
            &self.published_until,
            &self.status,
            &self.verdict,
            &self.speaker,
            if self.changed_since_review {
                &true
            } else {
                &rusqlite::types::Null
            },
        ]
    }
}

/// SQL: the article `a` was edited substantively after the newest review of one of its claims.
macro_rules! changed_since_review {
    () => {
        "coalesce(a.edited_at > (SELECT max(r.updated_at) FROM claim c JOIN review r ON r.claim_id = c.id WHERE c.article_id = a.id), 0)"
    };
}

pub(crate) const ARTICLE_FILTER: &str = concat!("(?1 IS NULL OR a.language = ?1) AND (?2 IS NULL OR a.site = ?2 COLLATE NOCASE)
     AND (?3 IS NULL OR substr(a.published, 1, 10) >= ?3) AND (?4 IS NULL OR substr(a.published, 1, 10) <= ?4)
     AND (?5 IS NULL OR EXISTS (SELECT 1 FROM claim c LEFT JOIN review r ON r.claim_id = c.id
                                WHERE c.article_id = a.id AND c.state != 'rejected' AND coalesce(r.status, 'new') = ?5))
     AND (?6 IS NULL OR EXISTS (SELECT 1 FROM claim c JOIN review r ON r.claim_id = c.id
                                WHERE c.article_id = a.id AND c.state != 'rejected' AND r.verdict = ?6))
     AND (?7 IS NULL OR EXISTS (SELECT 1 FROM claim c JOIN speaker s ON s.id = c.speaker_id
                                WHERE c.article_id = a.id AND c.state != 'rejected' AND instr(lower(s.name), lower(?7)) > 0))
     AND (?8 IS NULL OR ", changed_since_review!(), ")");

const SUMMARY_COLUMNS: &str = concat!(
    "a.id, a.title, a.canonical_url, a.site, a.published, a.language,
     (SELECT count(*) FROM version v WHERE v.article_id = a.id),
     (SELECT max(v.id) FROM version v WHERE v.article_id = a.id),
     (SELECT v.captured_at FROM version v WHERE v.article_id = a.id ORDER BY v.id DESC LIMIT 1),
     a.watched, a.edited_at, ",
    changed_since_review!()
);

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        url: row.get(2)?,
        site: row.get(3)?,
        published: row.get(4)?,
        language: row.get(5)?,
        versions: row.get(6)?,
        latest_version_id: row.get(7)?,
        captured_at: row.get(8)?,
        watched: row.get(9)?,
        edited_at: row.get(10)?,
        changed_since_review: row.get(11)?,
    })
}

const VERSION_COLUMNS: &str =
    "id, article_id, sha256, captured_at, source_kind, source_ref, media_type, charset,
     title, language, raw_bytes, length(text), published, metadata";

fn version_from_row(row: &Row<'_>) -> rusqlite::Result<VersionInfo> {
    let kind: String = row.get(4)?;
    Ok(VersionInfo {
        id: row.get(0)?,
        article_id: row.get(1)?,
        sha256: row.get(2)?,
        captured_at: row.get(3)?,
        source_kind: SourceKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                4,
                rusqlite::types::Type::Text,
                format!("unknown source kind {kind:?}").into(),
            )
        })?,
        source_ref: row.get(5)?,
        media_type: row.get(6)?,
        charset: row.get(7)?,
        title: row.get(8)?,
        language: row.get(9)?,
        raw_bytes: row.get(10)?,
        text_chars: row.get(11)?,
        published: row.get(12)?,
        metadata: {
            let json: String = row.get(13)?;
            serde_json::from_str(&json).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(13, rusqlite::types::Type::Text, e.into())
            })?
        },
    })
}

impl Store {
    /// Stores a capture as a new version, atomically.
    ///
    /// Content already stored (same SHA-256) writes nothing and reports where it is. A capture
    /// with a canonical URL becomes a new version of the article with that URL; otherwise a
    /// new article is created. `now` is the article's creation time (RFC 3339 UTC).
    pub fn add_capture(&mut self, capture: &NewCapture, now: &str) -> Result<Stored, StoreError> {
        self.add_captures(std::slice::from_ref(capture), now)
            .pop()
            .expect("one result per capture")
    }

    /// Stores a capture as a new version of the article the user chose, whatever its
    /// canonical URL says. The same bytes stored already write nothing and say where they are.
    pub fn add_capture_to(
        &mut self,
        article_id: ArticleId,
        capture: &NewCapture,
        now: &str,
    ) -> Result<Stored, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists = tx
            .query_row("SELECT 1 FROM article WHERE id = ?1", [article_id], |_| {
                Ok(())
            })
            .optional()?
            .is_some();
        if !exists {
            return Err(StoreError::Invalid(format!(
                "there is no article {article_id} to add a version to"
            )));
        }
        let stored = insert_capture(&tx, capture, Some(article_id), now)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Stores many captures in one transaction (one commit is far cheaper than many), each
    /// inside its own savepoint: a capture that fails leaves nothing behind and does not
    /// stop the others. Returns one result per capture, in order.
    pub fn add_captures(
        &mut self,
        captures: &[NewCapture],
        now: &str,
    ) -> Vec<Result<Stored, StoreError>> {
        let mut tx = match self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
        {
            Ok(tx) => tx,
            Err(error) => {
                return captures
                    .iter()
                    .map(|_| Err(StoreError::Sql(clone_sql_error(&error))))
                    .collect();
            }
        };
        let mut results = Vec::with_capacity(captures.len());
        for capture in captures {
            let result = tx
                .savepoint()
                .map_err(StoreError::from)
                .and_then(|savepoint| {
                    let stored = insert_capture(&savepoint, capture, None, now)?;
                    savepoint.commit()?;
                    Ok(stored)
                });
            results.push(result);
        }
        if let Err(error) = tx.commit() {
            // Nothing of this batch was kept: every result becomes that error.
            return captures
                .iter()
                .map(|_| Err(StoreError::Sql(clone_sql_error(&error))))
                .collect();
        }
        results
    }

    /// Articles, newest first. Ordered by the primary key, so a page costs the same at
    /// 100 articles or 100,000.
    pub fn list_articles(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM article a ORDER BY a.id DESC LIMIT ?1 OFFSET ?2"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![limit as i64, offset as i64], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A page of the articles matching a filter, newest first.
    pub fn list_articles_filtered(
        &self,
        filter: &ArticleFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM article a WHERE {ARTICLE_FILTER} ORDER BY a.id DESC LIMIT ?9 OFFSET ?10"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let (limit, offset) = (limit as i64, offset as i64);
        let mut values = filter.params().to_vec();
        values.extend([&limit as &dyn rusqlite::ToSql, &offset]);
        let rows = statement.query_map(values.as_slice(), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many articles match a filter.
    pub fn count_articles_filtered(&self, filter: &ArticleFilter) -> Result<u64, StoreError> {
        let sql = format!("SELECT count(*) FROM article a WHERE {ARTICLE_FILTER}");
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(filter.params().as_slice(), |row| row.get(0))?;
        Ok(count as u64)
    }

    /// How many articles the workbench holds.
    pub fn count_articles(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM article", [], |row| {
                row.get::<_, i64>(0)
            })? as u64)
    }

    /// One article's summary.
    pub fn article(&self, id: ArticleId) -> Result<Option<ArticleSummary>, StoreError> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM article a WHERE a.id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], summary_from_row)
            .optional()?)
    }

    /// An article's versions, oldest first.
    pub fn versions(&self, article_id: ArticleId) -> Result<Vec<VersionInfo>, StoreError> {
        let sql =
            format!("SELECT {VERSION_COLUMNS} FROM version WHERE article_id = ?1 ORDER BY id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([article_id], version_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A version's extracted text.
    pub fn version_text(&self, version_id: VersionId) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT text FROM version WHERE id = ?1",
                [version_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// A version's raw bytes, decompressed, exactly as they were captured.
    pub fn raw_capture(&self, version_id: VersionId) -> Result<Option<Vec<u8>>, StoreError> {
        let stored: Option<(Vec<u8>, i64)> = self
            .conn
            .query_row(
                "SELECT raw_zstd, raw_bytes FROM version WHERE id = ?1",
                [version_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((compressed, size)) = stored else {
            return Ok(None);
        };
        let raw = zstd::bulk::decompress(&compressed, size as usize).map_err(|e| {
            StoreError::DamagedCapture {
                version_id,
                detail: e.to_string(),
            }
        })?;
        Ok(Some(raw))
    }

    /// Deletes an article with its versions and claims. The audit trail is kept.
    pub fn delete_article(&mut self, id: ArticleId) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted = tx.execute("DELETE FROM article WHERE id = ?1", [id])? > 0;
        tx.commit()?;
        Ok(deleted)
    }
}
