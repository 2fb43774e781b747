//! Speakers across the workbench: the list with how often each is quoted, and one
//! speaker's names, roles and quotations (the speaker page). Merging is in `review.rs`
//! because it is audited.

use crate::analysis::{CLAIM_COLUMNS, claim_from_row};
use crate::{Store, StoreError};
use factdesk_core::{SpeakerInfo, StoredClaim};
use rusqlite::OptionalExtension;

/// A speaker's columns with how often they are quoted; `WHERE` and `ORDER BY` follow.
const SPEAKER_COLUMNS: &str = "SELECT s.id, s.name, s.kind,
        (SELECT count(*) FROM claim c WHERE c.speaker_id = s.id AND c.state != 'rejected') AS quoted,
        (SELECT count(DISTINCT c.article_id) FROM claim c WHERE c.speaker_id = s.id AND c.state != 'rejected')
     FROM speaker s";

/// A row of [`SPEAKER_COLUMNS`]; names and roles are added for the speaker page.
fn speaker_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SpeakerInfo> {
    Ok(SpeakerInfo {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        quotations: row.get::<_, i64>(3)? as u64,
        articles: row.get::<_, i64>(4)? as u64,
        aliases: Vec::new(),
        roles: Vec::new(),
    })
}

impl Store {
    /// Speakers whose name or alias contains `name` (any case; all when empty), most quoted
    /// first.
    pub fn speakers(&self, name: &str, limit: usize) -> Result<Vec<SpeakerInfo>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{SPEAKER_COLUMNS}
             WHERE ?1 = '' OR instr(lower(s.name), lower(?1)) > 0
                OR EXISTS (SELECT 1 FROM speaker_alias a WHERE a.speaker_id = s.id AND instr(lower(a.alias), lower(?1)) > 0)
             ORDER BY quoted DESC, s.name LIMIT ?2"
        ))?;
        let rows = statement.query_map(
            rusqlite::params![name.trim(), limit as i64],
            speaker_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One speaker with every name and role the workbench knows for them.
    pub fn speaker(&self, id: i64) -> Result<Option<SpeakerInfo>, StoreError> {
        let Some(mut info) = self
            .conn
            .prepare_cached(&format!("{SPEAKER_COLUMNS} WHERE s.id = ?1"))?
            .query_row([id], speaker_from_row)
            .optional()?
        else {
            return Ok(None);
        };
        let strings = |sql: &str| -> Result<Vec<String>, StoreError> {
            let mut statement = self.conn.prepare_cached(sql)?;
            let rows = statement.query_map([id], |row| row.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        info.aliases = strings(
            "SELECT alias FROM speaker_alias WHERE speaker_id = ?1 AND alias != (SELECT name FROM speaker WHERE id = ?1) ORDER BY alias",
        )?;
        info.roles =
            strings("SELECT DISTINCT role FROM speaker_role WHERE speaker_id = ?1 ORDER BY role")?;
        Ok(Some(info))
    }

    /// Every claim and quotation attributed to a speaker, newest article first.
    pub fn speaker_claims(&self, id: i64) -> Result<Vec<StoredClaim>, StoreError> {
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claim c LEFT JOIN speaker s ON s.id = c.speaker_id LEFT JOIN review rv ON rv.claim_id = c.id
             WHERE c.speaker_id = ?1 AND c.state != 'rejected' ORDER BY c.article_id DESC, c.start_char"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([id], claim_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
