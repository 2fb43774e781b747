//! Claims, quotations and speakers: the minimum the schema's search needs today; the
//! analysis and review issues build on these.

use crate::{Store, StoreError};
use factdesk_core::{ArticleId, VersionId};
use rusqlite::{TransactionBehavior, params};

/// A claim or quotation to store, anchored in a version by code point offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct NewClaim {
    pub article_id: ArticleId,
    pub version_id: VersionId,
    /// "claim", "direct" or "indirect".
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker_id: Option<i64>,
    pub manual: bool,
}

impl Store {
    /// Stores a claim; `now` is its creation time.
    pub fn add_claim(&mut self, claim: &NewClaim, now: &str) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO claim (article_id, version_id, kind, start_char, end_char, text, speaker_id, origin, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                claim.article_id,
                claim.version_id,
                claim.kind,
                claim.start as i64,
                claim.end as i64,
                claim.text,
                claim.speaker_id,
                if claim.manual { "manual" } else { "detected" },
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a claim's text (an edit by the checker).
    pub fn set_claim_text(&mut self, claim_id: i64, text: &str) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "UPDATE claim SET text = ?2 WHERE id = ?1",
            params![claim_id, text],
        )? > 0)
    }

    /// Deletes a claim.
    pub fn delete_claim(&mut self, claim_id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM claim WHERE id = ?1", [claim_id])?
            > 0)
    }

    /// Creates a speaker with aliases, atomically.
    pub fn add_speaker(
        &mut self,
        name: &str,
        aliases: &[&str],
        now: &str,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO speaker (name, created_at) VALUES (?1, ?2)",
            params![name, now],
        )?;
        let id = tx.last_insert_rowid();
        for alias in aliases {
            tx.execute(
                "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) VALUES (?1, ?2)",
                params![id, alias],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Renames a speaker.
    pub fn rename_speaker(&mut self, speaker_id: i64, name: &str) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "UPDATE speaker SET name = ?2 WHERE id = ?1",
            params![speaker_id, name],
        )? > 0)
    }

    /// Removes one alias of a speaker.
    pub fn remove_speaker_alias(
        &mut self,
        speaker_id: i64,
        alias: &str,
    ) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM speaker_alias WHERE speaker_id = ?1 AND alias = ?2",
            params![speaker_id, alias],
        )? > 0)
    }

    /// Deletes a speaker; their claims keep their text and lose the attribution.
    pub fn delete_speaker(&mut self, speaker_id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM speaker WHERE id = ?1", [speaker_id])?
            > 0)
    }
}
