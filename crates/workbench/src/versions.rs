//! Watching articles for silent edits: an article's versions as a timeline, and what changed
//! between two captures (two files, or two stored versions): the diff, whether it is
//! substantive, changes to headline, byline and dates, and what became of every claim and
//! quotation of the older one. Nothing is lost silently: a claim that is gone is listed as
//! `removed`, with the last version that had it.

use crate::import::{is_html, read_article_file};
use crate::{Workbench, WorkbenchError};
use factdesk_core::analysis::{Analysis, analyze, detected};
use factdesk_core::anchor::{AnchorStatus, Reanchorer, WordEdit};
use factdesk_core::diff::{Change, DiffOptions, diff};
use factdesk_core::text::{decode_text, normalise_line_endings};
use factdesk_core::{ArticleId, VersionId, VersionInfo};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// How long one comparison may refine its diff; after it, the rest is compared coarsely.
/// A real article takes milliseconds; this bounds adversarial input (a 5 MB pair).
pub const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// Characters of context around a claim, to tell apart its occurrences in the new text.
const ANCHOR_CONTEXT_CHARS: usize = 32;

/// What changed between two captures (`factdesk diff --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionDiff {
    /// True when a word, name, number, sentence, headline, byline or publication date a
    /// reader would care about changed.
    pub substantive: bool,
    /// The text's changes in order; offsets are code points into the two texts.
    pub changes: Vec<Change>,
    /// The claims and quotations of the older capture that did not stay as they were.
    pub claims_affected: Vec<AffectedClaim>,
    /// Headline, byline, publication date and outlet, where they changed.
    pub metadata_changes: Vec<MetadataChange>,
    /// True when the deadline cut the comparison short (its changes are then coarser).
    pub timed_out: bool,
}

/// A claim or quotation of the older capture and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AffectedClaim {
    /// The stored claim, when comparing stored versions.
    #[ts(type = "number | null")]
    pub claim_id: Option<i64>,
    /// "claim", "direct" or "indirect".
    pub kind: String,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub status: AnchorStatus,
    #[ts(type = "number | null")]
    pub new_start: Option<usize>,
    #[ts(type = "number | null")]
    pub new_end: Option<usize>,
    pub new_text: Option<String>,
    /// The speaker the newer capture gives the quotation, when it differs.
    pub new_speaker: Option<String>,
    /// What changed: "number", "name", "words", "speaker".
    pub reasons: Vec<String>,
    pub edits: Vec<WordEdit>,
    /// For a removed stored claim: the last version that had it (its review stays there).
    #[ts(type = "number | null")]
    pub last_version_id: Option<VersionId>,
    /// The review of a stored claim, which stays with it whatever happened to its words.
    pub review_status: Option<String>,
    pub verdict: Option<String>,
}

/// A changed piece of metadata: "title", "byline", "published" or "site".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetadataChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One version in an article's timeline, with how it differs from the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionEntry {
    #[serde(flatten)]
    pub version: VersionInfo,
    /// Compared with the previous version; `None` for the first.
    pub substantive: Option<bool>,
    #[ts(type = "number")]
    pub changes: usize,
}

/// What `refresh` did: the import's outcome, and when a new version was stored, what
/// changed from the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RefreshOutcome {
    #[serde(flatten)]
    pub import: crate::ImportOutcome,
    pub diff: Option<VersionDiff>,
}

/// A capture's text and the metadata compared beside it.
struct Capture {
    text: String,
    language: Option<String>,
    published: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
}

/// A claim of the older capture to look for in the newer.
struct OldClaim {
    claim_id: Option<i64>,
    kind: String,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<String>,
    review_status: Option<String>,
    verdict: Option<String>,
}

impl Workbench {
    /// Compares two captures of one article, plain text or saved pages, with `rules`
    /// deciding which lines are boilerplate. Stores nothing.
    pub fn diff_files(
        old: &Path,
        new: &Path,
        rules: &factdesk_ingest::Rules,
    ) -> Result<VersionDiff, WorkbenchError> {
        let (old, new) = (read_capture(old, rules)?, read_capture(new, rules)?);
        let old_analysis = analyze(&old.text, old.language.as_deref(), old.published.as_deref());
        let lines = LineRules::new(&old.text, rules);
        let claims = detected(&old.text, &old_analysis)
            .items
            .into_iter()
            .map(|item| OldClaim {
                claim_id: None,
                kind: item.kind.to_string(),
                start: item.start,
                end: item.end,
                text: item.text,
                speaker: item.speaker,
                review_status: None,
                verdict: None,
            })
            .filter(|claim| !lines.on_boilerplate_lines(claim))
            .collect();
        Ok(compare(&old, &new, claims, None, rules))
    }

    /// An article's versions, oldest first, each with whether it changed substantively
    /// from the one before.
    pub fn versions(&self, article_id: ArticleId) -> Result<Vec<VersionEntry>, WorkbenchError> {
        self.store
            .article(article_id)?
            .ok_or(WorkbenchError::ArticleNotFound(article_id))?;
        let mut versions = self.store.versions(article_id)?;
        versions.sort_by(|a, b| a.captured_at.cmp(&b.captured_at).then(a.id.cmp(&b.id)));
        let mut entries = Vec::with_capacity(versions.len());
        let mut previous: Option<Capture> = None;
        for version in versions {
            let capture = self.stored_capture(&version)?;
            let (substantive, changes) = match &previous {
                Some(before) => {
                    let compared = compare(before, &capture, Vec::new(), None, self.rules());
                    (Some(compared.substantive), compared.changes.len())
                }
                None => (None, 0),
            };
            entries.push(VersionEntry {
                version,
                substantive,
                changes,
            });
            previous = Some(capture);
        }
        Ok(entries)
    }

    /// Compares two stored versions of an article (by default the newest with the one
    /// before it) and re-anchors the older one's claims and quotations, with their reviews,
    /// in the newer. Stores nothing.
    pub fn compare_versions(
        &self,
        article_id: ArticleId,
        from: Option<VersionId>,
        to: Option<VersionId>,
    ) -> Result<VersionDiff, WorkbenchError> {
        let timeline = self.versions(article_id)?;
        let find = |id: VersionId| {
            timeline.iter().position(|e| e.version.id == id).ok_or(
                WorkbenchError::VersionNotFound {
                    article: article_id,
                    version: id,
                },
            )
        };
        let to_index = match to {
            Some(id) => find(id)?,
            None => timeline.len() - 1,
        };
        let from_index = match from {
            Some(id) => find(id)?,
            None if to_index > 0 => to_index - 1,
            None => {
                return Err(WorkbenchError::InvalidInput(format!(
                    "article {article_id} has only one version before or at {}; nothing to compare it with",
                    timeline[to_index].version.id
                )));
            }
        };
        let (older, newer) = (&timeline[from_index].version, &timeline[to_index].version);
        let (old, new) = (self.stored_capture(older)?, self.stored_capture(newer)?);
        let claims = self
            .store
            .version_claims(older.id)?
            .into_iter()
            .filter(|c| c.state != "rejected")
            .map(|c| OldClaim {
                claim_id: Some(c.id),
                kind: c.kind,
                start: c.start,
                end: c.end,
                text: c.text,
                speaker: c.speaker,
                review_status: Some(c.status),
                verdict: c.verdict,
            })
            .collect();
        Ok(compare(&old, &new, claims, Some(older.id), self.rules()))
    }

    /// Fetches an article's web address again and stores the page as a new version when
    /// its bytes changed (the same bytes say `unchanged`), with the diff from the version
    /// before. Articles imported from files have no address to fetch.
    ///
    /// The check is recorded for the watch schedule, like a scheduled one.
    pub fn refresh(&mut self, article_id: ArticleId) -> Result<RefreshOutcome, WorkbenchError> {
        let state = self.watch_state(article_id)?;
        let refreshed = self.fetch_again(article_id);
        let error = match &refreshed {
            Err(WorkbenchError::File { message, .. }) => Some(message.clone()),
            Err(_) => return refreshed,
            Ok(_) => None,
        };
        self.record_check(&state, error.as_deref())?;
        refreshed
    }

    /// [`Workbench::refresh`] without recording the check.
    fn fetch_again(&mut self, article_id: ArticleId) -> Result<RefreshOutcome, WorkbenchError> {
        let article = self
            .store
            .article(article_id)?
            .ok_or(WorkbenchError::ArticleNotFound(article_id))?;
        let url = article.url.filter(|u| u.starts_with("http://") || u.starts_with("https://")).ok_or_else(|| {
            WorkbenchError::InvalidInput(format!("article {article_id} was not captured from a web address, so it cannot be fetched again"))
        })?;
        let import = self
            .import_paths(&[std::path::PathBuf::from(&url)])
            .outcomes
            .remove(0);
        if let Some(error) = &import.error {
            let message = error.trim_start_matches(url.as_str()).trim().to_string();
            return Err(WorkbenchError::File { path: url, message });
        }
        let diff = match (import.status, import.article_id) {
            (crate::ImportStatus::Imported, Some(id)) if id == article_id => {
                Some(self.compare_versions(article_id, None, import.version_id)?)
            }
            _ => None,
        };
        Ok(RefreshOutcome { import, diff })
    }

    fn stored_capture(&self, version: &VersionInfo) -> Result<Capture, WorkbenchError> {
        let text = self
            .store
            .version_text(version.id)?
            .ok_or(WorkbenchError::VersionNotFound {
                article: version.article_id,
                version: version.id,
            })?;
        Ok(Capture {
            text,
            language: version.language.clone(),
            published: version.published.clone(),
            title: Some(version.title.clone()),
            byline: version.metadata.byline.clone(),
            site: None,
        })
    }
}

/// A file's text as import reads it: a saved page's article text (its headline, byline,
/// date and outlet beside it), or a plain-text file's text with line endings normalised.
fn read_capture(path: &Path, rules: &factdesk_ingest::Rules) -> Result<Capture, WorkbenchError> {
    let raw = read_article_file(path)?;
    let failed = |message: String| WorkbenchError::File {
        path: path.display().to_string(),
        message,
    };
    if is_html(path, &raw) {
        let page = factdesk_ingest::extract_html_with(&raw, None, None, rules)
            .map_err(|e| failed(e.to_string()))?;
        return Ok(Capture {
            text: page.body,
            language: page.language,
            published: page.published,
            title: Some(page.title),
            byline: page.byline,
            site: page.site,
        });
    }
    let text = match std::str::from_utf8(&raw) {
        Ok(text) => normalise_line_endings(text),
        Err(_) => decode_text(&raw).map_err(|e| failed(e.to_string()))?.text,
    };
    Ok(Capture {
        text,
        language: None,
        published: None,
        title: None,
        byline: None,
        site: None,
    })
}

/// A text's lines as code point ranges, each with whether it is boilerplate.
struct LineRules {
    lines: Vec<(usize, usize, bool)>,
}

impl LineRules {
    fn new(text: &str, rules: &factdesk_ingest::Rules) -> LineRules {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.chars().count();
            lines.push((start, end, rules.is_boilerplate(line)));
            start = end + 1;
        }
        LineRules { lines }
    }

    /// True when every line the claim touches is boilerplate ("Baca juga: …" scored as a
    /// sentence is not a claim anyone checks).
    fn on_boilerplate_lines(&self, claim: &OldClaim) -> bool {
        let first = self.lines.partition_point(|l| l.1 < claim.start);
        let touched: Vec<_> = self.lines[first..]
            .iter()
            .take_while(|l| l.0 < claim.end.max(claim.start + 1))
            .collect();
        !touched.is_empty() && touched.iter().all(|l| l.2)
    }
}

fn compare(
    old: &Capture,
    new: &Capture,
    claims: Vec<OldClaim>,
    old_version: Option<VersionId>,
    rules: &factdesk_ingest::Rules,
) -> VersionDiff {
    let deadline = Instant::now() + DIFF_DEADLINE;
    let is_boilerplate = |line: &str| rules.is_boilerplate(line);
    let text_diff = diff(
        &old.text,
        &new.text,
        &DiffOptions {
            deadline: Some(deadline),
            is_boilerplate: &is_boilerplate,
        },
    );
    let metadata_changes = metadata_changes(old, new);
    let new_quotes = if claims.is_empty() {
        Vec::new()
    } else {
        quotes_by_start(&analyze(
            &new.text,
            new.language.as_deref(),
            new.published.as_deref(),
        ))
    };
    let reanchorer = Reanchorer::new(&old.text, &new.text, &text_diff, Some(deadline));
    let claims_affected = claims
        .into_iter()
        .filter_map(|claim| {
            let anchor = reanchorer.anchor(claim.start, claim.end, ANCHOR_CONTEXT_CHARS);
            // Past the deadline (a pathological pair) only the diff's mapping is consulted:
            // what is not there verbatim is reported unresolved, never removed.
            let found = if Instant::now() < deadline {
                reanchorer.reanchor(&anchor)
            } else {
                reanchorer.reanchor_where_expected(&anchor)
            };
            let mut affected = AffectedClaim {
                claim_id: claim.claim_id,
                kind: claim.kind,
                start: claim.start,
                end: claim.end,
                text: claim.text,
                speaker: claim.speaker,
                status: found.status,
                new_start: found.start,
                new_end: found.end,
                new_text: found.text,
                new_speaker: None,
                reasons: found.reasons,
                edits: found.edits,
                last_version_id: if found.status == AnchorStatus::Removed {
                    old_version
                } else {
                    None
                },
                review_status: claim.review_status,
                verdict: claim.verdict,
            };
            check_speaker(&mut affected, &new_quotes);
            (affected.status != AnchorStatus::Unchanged).then_some(affected)
        })
        .collect();
    let substantive_metadata = metadata_changes.iter().any(|m| m.field != "site");
    VersionDiff {
        substantive: text_diff.substantive || substantive_metadata,
        changes: text_diff.changes,
        claims_affected,
        metadata_changes,
        timed_out: Instant::now() > deadline,
    }
}

/// The newer capture's quotations as (start, end, speaker), by start.
fn quotes_by_start(analysis: &Analysis) -> Vec<(usize, usize, Option<String>)> {
    let mut quotes: Vec<_> = analysis
        .quotes
        .iter()
        .map(|q| (q.start, q.end, q.speaker.clone()))
        .collect();
    quotes.sort_by_key(|q| (q.0, q.1));
    quotes
}

/// A quotation found again whose speaker in the newer capture is someone else is edited.
fn check_speaker(claim: &mut AffectedClaim, new_quotes: &[(usize, usize, Option<String>)]) {
    let (Some(old_speaker), Some(start), Some(end)) =
        (&claim.speaker, claim.new_start, claim.new_end)
    else {
        return;
    };
    if claim.kind == "claim" {
        return;
    }
    // The first quotation overlapping start..end: quotations do not nest, so it is at or
    // just before the last one starting before `end`.
    let before_end = new_quotes.partition_point(|q| q.0 < end);
    let Some(quote) = new_quotes[..before_end]
        .iter()
        .rev()
        .take(2)
        .rev()
        .find(|q| q.0 < end && start < q.1)
    else {
        return;
    };
    if quote.2.as_ref() != Some(old_speaker) {
        claim.new_speaker = quote.2.clone();
        claim.status = AnchorStatus::Edited;
        claim.reasons.push("speaker".into());
    }
}

/// Headline (letter case and spacing aside), byline, publication date and outlet.
fn metadata_changes(old: &Capture, new: &Capture) -> Vec<MetadataChange> {
    let folded = |v: &Option<String>| {
        v.as_deref()
            .map(|s| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|s| !s.is_empty())
    };
    let mut out = Vec::new();
    for (field, a, b) in [
        ("title", &old.title, &new.title),
        ("byline", &old.byline, &new.byline),
        ("published", &old.published, &new.published),
        ("site", &old.site, &new.site),
    ] {
        if folded(a) != folded(b) {
            out.push(MetadataChange {
                field: field.to_string(),
                old: a.clone(),
                new: b.clone(),
            });
        }
    }
    out
}

impl Workbench {
    /// When `version_id` is a later version of an article, records where each claim of the
    /// version before it stands now (moved, edited or removed), so reports and the claims'
    /// reviews can say what later versions did to them. A first version records nothing.
    pub(crate) fn anchor_new_version(
        &mut self,
        article_id: ArticleId,
        version_id: VersionId,
    ) -> Result<(), WorkbenchError> {
        let versions = self.store.versions(article_id)?;
        if versions.len() < 2 || versions.last().map(|v| v.id) != Some(version_id) {
            return Ok(());
        }
        let diff = self.compare_versions(article_id, None, Some(version_id))?;
        if diff.substantive
            && let Some(captured_at) = versions.last().map(|v| v.captured_at.as_str())
        {
            self.store.mark_edited(article_id, captured_at)?;
        }
        for claim in diff.claims_affected {
            let Some(claim_id) = claim.claim_id else {
                continue;
            };
            let status = match claim.status {
                AnchorStatus::Moved => "moved",
                AnchorStatus::Edited => "edited",
                AnchorStatus::Removed => "removed",
                AnchorStatus::Unchanged => "unchanged",
                AnchorStatus::Unresolved => continue,
            };
            let span = claim.new_start.zip(claim.new_end);
            self.store.record_anchor(
                claim_id,
                version_id,
                status,
                span,
                claim.new_text.as_deref(),
            )?;
        }
        Ok(())
    }
}
