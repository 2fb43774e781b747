//! Review use cases: verdicts, statuses, notes and accepting or rejecting suggestions, each
//! recorded in the audit trail under the reviewer's name; undo; the rating scale.

use crate::{Workbench, WorkbenchError};
use factdesk_core::{AuditEvent, StoredClaim};
use factdesk_store::ReviewChange;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Review statuses, in the order a claim moves through them.
pub const STATUSES: &[&str] = &["new", "in-review", "checked", "published"];
/// What a checker decides about a suggestion.
pub const STATES: &[&str] = &["suggested", "accepted", "rejected"];

/// A change a checker makes to a claim; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewRequest {
    /// A verdict key of the rating scale ("false", "mostly-true", …).
    #[serde(default)]
    pub verdict: Option<String>,
    /// Removes the verdict.
    #[serde(default)]
    pub clear_verdict: bool,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// "accepted", "rejected" or "suggested".
    #[serde(default)]
    pub state: Option<String>,
    /// Who said it, by name: an existing speaker (name or alias, any case) or a new one.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Removes the attribution.
    #[serde(default)]
    pub clear_speaker: bool,
}

/// A verdict of the rating scale with its labels in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rating {
    pub key: String,
    pub label_en: String,
    pub label_id: String,
    /// False for a verdict that does not rate truth ("Unproven"); ClaimReview gives it no
    /// number.
    pub rated: bool,
}

/// The preference that holds the reviewer's name.
const REVIEWER: &str = "reviewer";

impl Workbench {
    /// Applies a review change and returns the claim as it is now.
    pub fn review(
        &mut self,
        claim_id: i64,
        request: &ReviewRequest,
    ) -> Result<StoredClaim, WorkbenchError> {
        let ratings = self.ratings()?;
        if let Some(verdict) = &request.verdict
            && !ratings.iter().any(|r| &r.key == verdict)
        {
            let keys: Vec<&str> = ratings.iter().map(|r| r.key.as_str()).collect();
            return Err(WorkbenchError::InvalidInput(format!(
                "unknown verdict {verdict:?}; the scale has {}",
                keys.join(", ")
            )));
        }
        check_one_of("status", request.status.as_deref(), STATUSES)?;
        check_one_of("state", request.state.as_deref(), STATES)?;
        let change = ReviewChange {
            verdict: if request.clear_verdict {
                Some(None)
            } else {
                request.verdict.clone().map(Some)
            },
            status: request.status.clone(),
            notes: request.notes.clone(),
            state: request.state.clone(),
            speaker: if request.clear_speaker {
                Some(None)
            } else {
                request
                    .speaker
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Some(s.to_string()))
            },
        };
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store
            .review_claim(claim_id, &change, &reviewer, &now)?;
        self.store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))
    }

    /// Splits a claim or quotation after `at` characters of its text (code points): it keeps
    /// the first part and a new item of the same kind and speaker takes the rest. Audited;
    /// undo joins them. Returns both, in text order.
    pub fn split(&mut self, claim_id: i64, at: usize) -> Result<Vec<StoredClaim>, WorkbenchError> {
        let claim = self
            .store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))?;
        let length = claim.end - claim.start;
        if at == 0 || at >= length {
            return Err(WorkbenchError::InvalidInput(format!(
                "a split must fall inside the item: after 1 to {} of its {length} characters, not {at}",
                length.saturating_sub(1)
            )));
        }
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        let new_id = self
            .store
            .split_claim(claim_id, claim.start + at, &reviewer, &now)?;
        let found = |id| {
            self.store
                .claim(id)?
                .ok_or(WorkbenchError::ClaimNotFound(id))
        };
        Ok(vec![found(claim_id)?, found(new_id)?])
    }

    /// Merges `other` into `claim_id` (two items of one kind in one version): the first
    /// spans both, the other leaves the lists. Audited; undo separates them.
    pub fn merge(&mut self, claim_id: i64, other: i64) -> Result<StoredClaim, WorkbenchError> {
        for id in [claim_id, other] {
            self.store
                .claim(id)?
                .ok_or(WorkbenchError::ClaimNotFound(id))?;
        }
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store.merge_claims(claim_id, other, &reviewer, &now)?;
        self.store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))
    }

    /// Marks a stretch of a version's text (code point offsets) as a claim or quotation by
    /// hand; it is accepted at once and its marking is in the audit trail.
    pub fn mark(
        &mut self,
        article_id: i64,
        version_id: i64,
        kind: &str,
        start: usize,
        end: usize,
    ) -> Result<StoredClaim, WorkbenchError> {
        check_one_of("kind", Some(kind), &["claim", "direct", "indirect"])?;
        let text = self.show(article_id, Some(version_id))?.text;
        let chars: Vec<char> = text.chars().collect();
        if start >= end || end > chars.len() {
            return Err(WorkbenchError::InvalidInput(format!(
                "characters {start}..{end} are not a stretch of version {version_id}, which has {} characters",
                chars.len()
            )));
        }
        let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        let marked = slice(start, end);
        if marked.trim().is_empty() {
            return Err(WorkbenchError::InvalidInput(
                "the marked text is empty".into(),
            ));
        }
        let prefix = slice(start.saturating_sub(32), start);
        let suffix = slice(end, (end + 32).min(chars.len()));
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        let id = self.store.mark_claim(
            version_id,
            kind,
            (start, end),
            &marked,
            (&prefix, &suffix),
            &reviewer,
            &now,
        )?;
        self.store
            .claim(id)?
            .ok_or(WorkbenchError::ClaimNotFound(id))
    }

    /// One claim or quotation with its review state.
    pub fn claim(&self, claim_id: i64) -> Result<StoredClaim, WorkbenchError> {
        self.store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))
    }

    /// Who changed what on a claim, oldest first.
    pub fn history(&self, claim_id: i64) -> Result<Vec<AuditEvent>, WorkbenchError> {
        self.store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))?;
        Ok(self.store.claim_history(claim_id)?)
    }

    /// Undoes the last review action (of anyone: the workbench has one desk); returns what
    /// was undone, or `None` when there is nothing left to undo.
    pub fn undo(&mut self) -> Result<Option<String>, WorkbenchError> {
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        Ok(self.store.undo_last(&reviewer, &now)?)
    }

    /// The rating scale's verdicts, in order.
    pub fn ratings(&self) -> Result<Vec<Rating>, WorkbenchError> {
        Ok(self
            .store
            .ratings()?
            .into_iter()
            .map(|v| Rating {
                key: v.key,
                label_en: v.label_en,
                label_id: v.label_id,
                rated: v.rated,
            })
            .collect())
    }

    /// The name recorded in the audit trail: set once in preferences, else the login name.
    pub fn reviewer(&self) -> Result<String, WorkbenchError> {
        if let Some(name) = self.store.preference(REVIEWER)? {
            return Ok(name);
        }
        Ok(std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "unknown reviewer".into()))
    }

    pub fn set_reviewer(&mut self, name: &str) -> Result<(), WorkbenchError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkbenchError::InvalidInput(
                "the reviewer's name cannot be empty".into(),
            ));
        }
        Ok(self.store.set_preference(REVIEWER, name)?)
    }
}

fn check_one_of(what: &str, value: Option<&str>, allowed: &[&str]) -> Result<(), WorkbenchError> {
    match value {
        Some(v) if !allowed.contains(&v) => Err(WorkbenchError::InvalidInput(format!(
            "unknown {what} {v:?}; use one of {}",
            allowed.join(", ")
        ))),
        _ => Ok(()),
    }
}
