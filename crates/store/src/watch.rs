//! Watching articles for silent edits: which articles are watched, when each is due to be
//! fetched again, how the last fetch went, and when a later version last changed one
//! substantively.

use crate::{Store, StoreError};
use factdesk_core::{ArticleId, WatchState};
use rusqlite::{OptionalExtension, Row, params};

const WATCH_COLUMNS: &str =
    "a.id, a.title, a.canonical_url, a.watched, a.checked_at, a.next_check_at,
     a.check_error, a.check_failures, a.edited_at, a.created_at, a.published";

fn watch_from_row(row: &Row<'_>) -> rusqlite::Result<WatchState> {
    Ok(WatchState {
        article_id: row.get(0)?,
        title: row.get(1)?,
        url: row.get(2)?,
        watched: row.get(3)?,
        checked_at: row.get(4)?,
        next_check_at: row.get(5)?,
        error: row.get(6)?,
        failures: row.get(7)?,
        edited_at: row.get(8)?,
        created_at: row.get(9)?,
        published: row.get(10)?,
    })
}

impl Store {
    /// Where watching one article stands; `None` when there is no such article.
    pub fn watch_state(&self, article_id: ArticleId) -> Result<Option<WatchState>, StoreError> {
        let sql = format!("SELECT {WATCH_COLUMNS} FROM article a WHERE a.id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([article_id], watch_from_row)
            .optional()?)
    }

    /// Starts or stops watching an article. Starting makes it due at `due` (now, so the
    /// first check comes soon); stopping clears the schedule and the last failure.
    pub fn set_watched(
        &mut self,
        article_id: ArticleId,
        watched: bool,
        due: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE article SET watched = ?2,
                 next_check_at = CASE WHEN ?2 THEN coalesce(next_check_at, ?3) END,
                 check_failures = CASE WHEN ?2 THEN check_failures ELSE 0 END,
                 check_error = CASE WHEN ?2 THEN check_error END
             WHERE id = ?1 AND watched != ?2",
            params![article_id, watched, due],
        )?;
        Ok(())
    }

    /// Every watched article, the one due first at the top.
    pub fn watched_articles(&self) -> Result<Vec<WatchState>, StoreError> {
        let sql = format!(
            "SELECT {WATCH_COLUMNS} FROM article a WHERE a.watched = 1 ORDER BY a.next_check_at, a.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], watch_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Watched articles due at `now` (or never checked), the most overdue first.
    pub fn due_articles(&self, now: &str, limit: usize) -> Result<Vec<WatchState>, StoreError> {
        let sql = format!(
            "SELECT {WATCH_COLUMNS} FROM article a INDEXED BY article_watch_due
             WHERE a.watched = 1 AND (a.next_check_at IS NULL OR a.next_check_at <= ?1)
             ORDER BY a.next_check_at, a.id LIMIT ?2"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![now, limit as i64], watch_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records a fetch of a watched article: when it ran, when the next is due, and the
    /// failure if it failed (a success clears the failure count).
    pub fn record_check(
        &mut self,
        article_id: ArticleId,
        checked_at: &str,
        next_check_at: &str,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE article SET checked_at = ?2, next_check_at = CASE WHEN watched THEN ?3 END,
                 check_error = ?4,
                 check_failures = CASE WHEN ?4 IS NULL THEN 0 ELSE check_failures + 1 END
             WHERE id = ?1",
            params![article_id, checked_at, next_check_at, error],
        )?;
        Ok(())
    }

    /// Notes that a version captured at `at` changed the article substantively.
    pub fn mark_edited(&mut self, article_id: ArticleId, at: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE article SET edited_at = max(coalesce(edited_at, ''), ?2) WHERE id = ?1",
            params![article_id, at],
        )?;
        Ok(())
    }
}
