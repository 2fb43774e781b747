//! Paging the claims view anywhere in a list of hundreds of thousands of claims.
//!
//! `LIMIT … OFFSET n` walks n index entries, so a page deep in the list costs as much as
//! reading the list up to it. Instead, the first page asked for deep in a list walks the
//! list index once and keeps the sort key of every [`ANCHOR_EVERY`]th claim; a page at any
//! offset then seeks to the nearest key before it and skips fewer than that many rows.
//! The keys belong to one filter and one state of the database: a write by this connection
//! (`total_changes`) or another (`PRAGMA data_version`) makes them be read again. The last
//! few filters' keys are kept, so switching between views does not read them again.

use crate::analysis::{CLAIM_ROW_FILTER, ClaimFilter};
use crate::{Store, StoreError};
use rusqlite::params;

/// How many claims lie between two remembered keys.
pub(crate) const ANCHOR_EVERY: usize = 256;

/// How many filtered lists' keys are kept.
pub(crate) const LISTS_KEPT: usize = 4;

/// A claim's place in list order: newest article first, then text order.
type ListKey = (i64, i64, i64);

/// The remembered keys of one filtered list.
#[derive(Debug, Default)]
pub(crate) struct ListAnchors {
    filter: ClaimFilter,
    /// `(data_version, total_changes)` when the keys were read.
    state: (i64, u64),
    /// The key of claim `k * ANCHOR_EVERY`, for every k.
    keys: Vec<ListKey>,
    /// How many claims the list holds.
    total: u64,
}

impl Store {
    fn database_state(&self) -> Result<(i64, u64), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?;
        Ok((version, self.conn.total_changes()))
    }

    /// How many claims `filter`'s list holds, and the remembered key at or before `offset`
    /// with the offset it stands at. The keys are read again when the list may have changed.
    pub(crate) fn list_anchor(
        &self,
        filter: &ClaimFilter,
        offset: usize,
    ) -> Result<(u64, Option<(ListKey, usize)>), StoreError> {
        let state = self.database_state()?;
        let mut lists = self.list_keys.borrow_mut();
        lists.retain(|list| list.state == state);
        let position = match lists.iter().position(|list| list.filter == *filter) {
            Some(position) => position,
            None => {
                if lists.len() == LISTS_KEPT {
                    lists.remove(0);
                }
                lists.push(self.read_anchors(filter, state)?);
                lists.len() - 1
            }
        };
        let anchors = &lists[position];
        let index = offset / ANCHOR_EVERY;
        Ok((
            anchors.total,
            anchors
                .keys
                .get(index)
                .map(|key| (*key, index * ANCHOR_EVERY)),
        ))
    }

    fn read_anchors(
        &self,
        filter: &ClaimFilter,
        state: (i64, u64),
    ) -> Result<ListAnchors, StoreError> {
        let sql = format!(
            "SELECT c.article_id, c.start_char, c.id FROM claim c INDEXED BY claim_list WHERE {CLAIM_ROW_FILTER}
             ORDER BY c.article_id DESC, c.start_char, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(params![
            filter.article_id,
            filter.status,
            filter.verdict,
            filter.kind
        ])?;
        let mut keys = Vec::new();
        let mut total = 0u64;
        while let Some(row) = rows.next()? {
            if total.is_multiple_of(ANCHOR_EVERY as u64) {
                keys.push((row.get(0)?, row.get(1)?, row.get(2)?));
            }
            total += 1;
        }
        Ok(ListAnchors {
            filter: filter.clone(),
            state,
            keys,
            total,
        })
    }
}
