//! Analysis use cases: a text or a plain-text file in, its sentences, quotations, claims and
//! checks out (the `factdesk analyze` contract), without touching the database.

use crate::import::read_article_file;
use crate::{Workbench, WorkbenchError};
use factdesk_core::analysis::{ANALYZER_VERSION, Analysis, ConsistencyCheck, analyze, detected};
use factdesk_core::text::{decode_text, normalise_line_endings};
use factdesk_core::{ArticleId, NewCapture, StoredClaim, VersionId};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// One analysed input, labelled with the caller's id (the contract's output line).
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisRecord {
    pub id: String,
    #[serde(flatten)]
    pub analysis: Analysis,
}

/// What the reader shows beside an article's text: its claims and quotations (stored, with
/// their review state), the consistency checks, and who is quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleAnalysis {
    #[ts(type = "number")]
    pub version_id: VersionId,
    pub claims: Vec<StoredClaim>,
    pub checks: Vec<ConsistencyCheck>,
    pub speakers: Vec<SpeakerSummary>,
}

/// A speaker of one article version, with their quotations there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SpeakerSummary {
    #[ts(type = "number | null")]
    pub speaker_id: Option<i64>,
    pub name: String,
    pub role: Option<String>,
    /// Ids of the quotations (stored claims) attributed to them, in text order.
    #[ts(type = "Array<number>")]
    pub quotes: Vec<i64>,
}

/// Which claims to list; absent fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ClaimQuery {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub article_id: Option<ArticleId>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub verdict: Option<String>,
    /// "claim", "direct" or "indirect".
    #[serde(default)]
    pub kind: Option<String>,
}

impl ClaimQuery {
    fn filter(&self) -> factdesk_store::ClaimFilter {
        factdesk_store::ClaimFilter {
            article_id: self.article_id,
            status: self.status.clone(),
            verdict: self.verdict.clone(),
            kind: self.kind.clone(),
        }
    }
}

/// A window of the claims view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClaimPage {
    pub claims: Vec<StoredClaim>,
    /// How many match in all, counted for the first page only (offset 0): later pages are
    /// read by a list that already knows its length, and counting 100,000 claims costs more
    /// than reading a page.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    #[ts(type = "number")]
    pub offset: usize,
}

impl Workbench {
    /// The analysis of an article version for the reader. A version stored before the
    /// current analyser (or before analysis existed) is analysed now and its suggestions
    /// refreshed; the checker's accepted, rejected and manual items are kept.
    pub fn article_analysis(
        &mut self,
        article_id: ArticleId,
        version_id: VersionId,
    ) -> Result<ArticleAnalysis, WorkbenchError> {
        let detail = self.show(article_id, Some(version_id))?;
        let info = detail
            .versions
            .iter()
            .find(|v| v.id == version_id)
            .expect("show checked the version");
        let analysis = analyze(
            &detail.text,
            info.language.as_deref(),
            info.published
                .as_deref()
                .or(detail.article.published.as_deref()),
        );
        if self
            .store
            .analyzer_of(version_id)?
            .is_none_or(|a| a < ANALYZER_VERSION)
        {
            let now = self.clock.now();
            self.store
                .replace_detected(version_id, &detected(&detail.text, &analysis), &now)?;
        }
        let claims = self.store.version_claims(version_id)?;
        let mut speakers: Vec<SpeakerSummary> = Vec::new();
        for claim in claims
            .iter()
            .filter(|c| c.kind != "claim" && c.state != "rejected")
        {
            let Some(name) = &claim.speaker else { continue };
            match speakers
                .iter_mut()
                .find(|s| s.speaker_id == claim.speaker_id && &s.name == name)
            {
                Some(speaker) => speaker.quotes.push(claim.id),
                None => speakers.push(SpeakerSummary {
                    speaker_id: claim.speaker_id,
                    name: name.clone(),
                    role: claim.role.clone(),
                    quotes: vec![claim.id],
                }),
            }
        }
        Ok(ArticleAnalysis {
            version_id,
            claims,
            checks: analysis.checks,
            speakers,
        })
    }

    /// Claims and quotations across the workbench (the claims view and `factdesk claims`).
    pub fn claims(
        &self,
        query: &ClaimQuery,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredClaim>, WorkbenchError> {
        Ok(self.store.claims(&query.filter(), limit, offset)?)
    }

    /// A page of the claims view, with the number of claims matching in all.
    pub fn claim_page(
        &self,
        query: &ClaimQuery,
        limit: usize,
        offset: usize,
    ) -> Result<ClaimPage, WorkbenchError> {
        let filter = query.filter();
        Ok(ClaimPage {
            claims: self.store.claims(&filter, limit, offset)?,
            total: if offset == 0 {
                Some(self.store.count_claims(&filter)?)
            } else {
                None
            },
            offset,
        })
    }

    /// Analyses text as given; offsets are code points into `text`.
    pub fn analyze_text(id: &str, text: &str) -> AnalysisRecord {
        AnalysisRecord {
            id: id.to_string(),
            analysis: analyze(text, None, None),
        }
    }

    /// Analyses a plain-text file. Offsets are code points into the file's text with line
    /// endings normalised to `\n` (what Python's `read_text()` gives); a file that is not
    /// UTF-8 is decoded first (and then trimmed, as imports are).
    pub fn analyze_file(path: &Path) -> Result<AnalysisRecord, WorkbenchError> {
        let text = read_plain_text(path)?;
        Ok(Self::analyze_text(&path.display().to_string(), &text))
    }
}

/// A plain-text file's text as the contract's offsets index it: UTF-8 with line endings
/// normalised to `\n` (what Python's `read_text()` gives); a file that is not UTF-8 is
/// decoded first (and then trimmed, as imports are).
pub(crate) fn read_plain_text(path: &Path) -> Result<String, WorkbenchError> {
    let raw = read_article_file(path)?;
    Ok(match std::str::from_utf8(&raw) {
        Ok(text) => normalise_line_endings(text),
        Err(_) => {
            decode_text(&raw)
                .map_err(|e| WorkbenchError::File {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?
                .text
        }
    })
}

/// The capture with what analysis finds in its text, to be stored with it atomically.
pub(crate) fn with_analysis(mut capture: NewCapture) -> NewCapture {
    let analysis = analyze(
        &capture.text,
        capture.language.as_deref(),
        capture.published.as_deref(),
    );
    capture.analysis = Some(detected(&capture.text, &analysis));
    capture
}
