//! Watching articles for silent edits: which articles are fetched again, on what schedule
//! (backing off as an article ages, `core::watch`), and checking the ones that are due.
//! The window runs [`Workbench::check_watched`] on a timer while it is open; `factdesk
//! watch` runs it from a terminal or cron.

use crate::{ImportStatus, Workbench, WorkbenchError};
use factdesk_core::watch::{DEFAULT_SCHEDULE, WatchSchedule};
use factdesk_core::{ArticleId, WatchState};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

/// The preference that holds the user's schedule.
const SCHEDULE: &str = "watch_schedule";

/// What one check of a watched article found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WatchCheck {
    pub article_id: ArticleId,
    pub title: String,
    /// "unchanged", "changed" (a new version was stored) or "failed".
    pub outcome: String,
    /// For a new version: whether it changed the article substantively.
    pub substantive: Option<bool>,
    /// For a new version: how many changes the diff found.
    #[ts(type = "number")]
    pub changes: usize,
    /// The new version, when one was stored.
    pub version_id: Option<i64>,
    /// Why the fetch failed.
    pub error: Option<String>,
    /// When the article is due again.
    pub next_check_at: Option<String>,
}

/// Which watched articles a check fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchSelection {
    /// Those due now by their schedule.
    Due,
    /// Every watched article, due or not.
    All,
}

impl Workbench {
    /// The schedule watched articles are checked on (the user's, else the built-in one).
    pub fn watch_schedule(&self) -> Result<WatchSchedule, WorkbenchError> {
        match self.store.preference(SCHEDULE)? {
            Some(text) => WatchSchedule::parse(&text).map_err(|message| {
                WorkbenchError::InvalidInput(format!(
                    "the saved watch schedule {text:?} cannot be read: {message}"
                ))
            }),
            None => Ok(WatchSchedule::default()),
        }
    }

    /// Sets the schedule from text such as `15m until 1d, 1h until 3d, 1w`; an empty text
    /// restores the built-in one. Returns the schedule as saved.
    pub fn set_watch_schedule(&mut self, text: &str) -> Result<String, WorkbenchError> {
        let text = if text.trim().is_empty() {
            DEFAULT_SCHEDULE
        } else {
            text
        };
        let schedule = WatchSchedule::parse(text).map_err(|message| {
            WorkbenchError::InvalidInput(format!("watch schedule {text:?}: {message}"))
        })?;
        let saved = schedule.to_string();
        self.store.set_preference(SCHEDULE, &saved)?;
        Ok(saved)
    }

    /// Starts or stops watching an article. Only articles captured from a web address can
    /// be fetched again. A newly watched article is due at once.
    pub fn watch(&mut self, article_id: ArticleId, on: bool) -> Result<WatchState, WorkbenchError> {
        let state = self.watch_state(article_id)?;
        if on && !state.url.as_deref().is_some_and(is_web_address) {
            return Err(WorkbenchError::InvalidInput(format!(
                "article {article_id} has no web address to fetch again, so it cannot be watched; import a newer saved page or text of it as a new version instead"
            )));
        }
        self.store.set_watched(article_id, on, &self.clock.now())?;
        self.watch_state(article_id)
    }

    /// Where watching one article stands.
    pub fn watch_state(&self, article_id: ArticleId) -> Result<WatchState, WorkbenchError> {
        self.store
            .watch_state(article_id)?
            .ok_or(WorkbenchError::ArticleNotFound(article_id))
    }

    /// Every watched article, the one due first at the top.
    pub fn watched(&self) -> Result<Vec<WatchState>, WorkbenchError> {
        Ok(self.store.watched_articles()?)
    }

    /// Fetches watched articles again (those due, or all), one at a time, storing each
    /// changed page as a new version with its diff and rescheduling each by its age.
    /// `progress` hears of each check as it finishes; `cancel` stops between articles.
    pub fn check_watched(
        &mut self,
        which: WatchSelection,
        progress: &mut dyn FnMut(&WatchCheck),
        cancel: &AtomicBool,
    ) -> Result<Vec<WatchCheck>, WorkbenchError> {
        let articles = match which {
            WatchSelection::Due => self.store.due_articles(&self.clock.now(), usize::MAX)?,
            WatchSelection::All => self.store.watched_articles()?,
        };
        let mut checks = Vec::with_capacity(articles.len());
        for article in articles {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let check = self.check_article(article.article_id)?;
            progress(&check);
            checks.push(check);
        }
        Ok(checks)
    }

    /// Fetches one article again now (see [`Workbench::refresh`], which records the check):
    /// a failed fetch is kept on the article, not raised, so one dead site does not stop a
    /// run.
    pub fn check_article(&mut self, article_id: ArticleId) -> Result<WatchCheck, WorkbenchError> {
        let state = self.watch_state(article_id)?;
        let mut check = WatchCheck {
            article_id,
            title: state.title.clone(),
            outcome: "unchanged".into(),
            substantive: None,
            changes: 0,
            version_id: None,
            error: None,
            next_check_at: None,
        };
        // `refresh` records the check, a failed fetch included.
        match self.refresh(article_id) {
            Ok(outcome) => {
                if outcome.import.status == ImportStatus::Imported {
                    check.outcome = "changed".into();
                    check.version_id = outcome.import.version_id;
                }
                if let Some(diff) = outcome.diff {
                    check.substantive = Some(diff.substantive);
                    check.changes = diff.changes.len();
                }
            }
            Err(WorkbenchError::File { message, .. }) => {
                check.outcome = "failed".into();
                check.error = Some(message);
            }
            Err(other) => return Err(other),
        }
        check.next_check_at = self
            .watch_state(article_id)?
            .next_check_at
            .filter(|_| state.watched);
        Ok(check)
    }

    /// Notes that `state`'s article was just fetched (or failed to be) and when it is due
    /// next by the schedule; returns that time when the article is watched.
    pub(crate) fn record_check(
        &mut self,
        state: &WatchState,
        error: Option<&str>,
    ) -> Result<Option<String>, WorkbenchError> {
        let now_text = self.clock.now();
        let now = parse_time(&now_text).unwrap_or_else(OffsetDateTime::now_utc);
        let schedule = self.watch_schedule()?;
        let born = [Some(state.created_at.as_str()), state.published.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(parse_time)
            .min()
            .unwrap_or(now);
        let age = (now - born).whole_seconds().max(0);
        let wait = match error {
            None => schedule.interval(age),
            Some(_) => schedule.retry_interval(age, state.failures.saturating_add(1)),
        };
        let next = format_time(now + time::Duration::seconds(wait));
        self.store
            .record_check(state.article_id, &now_text, &next, error)?;
        Ok(state.watched.then_some(next))
    }
}

fn is_web_address(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// RFC 3339 UTC with second precision, as every stored time.
fn format_time(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    at.replace_nanosecond(0)
        .unwrap_or(at)
        .format(&Rfc3339)
        .unwrap_or_else(|_| at.to_string())
}
