//! The report's input: everything a verification report shows, gathered by the workbench
//! from the store and handed in whole. The JSON export is this model as it is, so its
//! fields are the documented schema (`schema/report-v1.schema.json`).

use serde::{Deserialize, Serialize};

/// Bumped whenever a field of the JSON report changes meaning or disappears.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

/// A verification report: the reviewed claims of one article, a selection or a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    /// The factdesk version that wrote the report.
    pub factdesk_version: String,
    /// When the report was exported, RFC 3339 UTC.
    pub exported_at: String,
    /// The language of the report's labels: "id" or "en".
    pub language: String,
    /// What was selected for the report.
    pub scope: Scope,
    /// The fact-checking organisation that publishes the report, when set in preferences.
    pub organisation: Option<Organisation>,
    /// The rating scale the verdicts come from, best first.
    pub scale: Vec<Verdict>,
    pub articles: Vec<ReportArticle>,
}

/// The selection a report was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    Article {
        article_id: i64,
    },
    Claims {
        claim_ids: Vec<i64>,
    },
    /// Claims whose review changed between these days (YYYY-MM-DD, inclusive).
    Period {
        since: Option<String>,
        until: Option<String>,
    },
    All,
}

/// Who publishes the reports: the author of ClaimReviews (set once in preferences).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Organisation {
    pub name: String,
    pub url: Option<String>,
}

/// A verdict of the rating scale with its labels in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub key: String,
    pub label_en: String,
    pub label_id: String,
    /// False for a verdict that does not rate truth ("Unproven"): it is left out of the
    /// numeric order of ClaimReview ratings.
    #[serde(default = "rated_by_default")]
    pub rated: bool,
}

fn rated_by_default() -> bool {
    true
}

/// An article with the versions that were checked and its reviewed claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportArticle {
    pub id: i64,
    pub title: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// RFC 3339, as the article states it.
    pub published: Option<String>,
    pub updated: Option<String>,
    /// Every version, oldest first; `checked` marks those the claims were reviewed in.
    pub versions: Vec<ReportVersion>,
    /// Reviewed claims and quotations in text order.
    pub claims: Vec<ReportClaim>,
}

/// One immutable capture of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportVersion {
    pub id: i64,
    /// RFC 3339 UTC.
    pub captured_at: String,
    /// SHA-256 (hex) of the raw bytes as captured.
    pub sha256: String,
    /// "file", "url" or "pasted".
    pub source_kind: String,
    /// The file path or URL the bytes came from.
    pub source_ref: Option<String>,
    pub media_type: String,
    pub raw_bytes: i64,
    /// True when a claim in this report was reviewed in this version.
    pub checked: bool,
}

/// A reviewed claim or quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportClaim {
    pub id: i64,
    /// The version the claim was marked in.
    pub version_id: i64,
    /// "claim", "direct" or "indirect".
    pub kind: String,
    pub text: String,
    /// Code point offsets into the version's text; `end` is exclusive.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
    /// The attributing word ("kata", "said").
    pub cue: Option<String>,
    /// A key of the rating scale.
    pub verdict: Option<String>,
    /// "new", "in-review", "checked" or "published".
    pub status: String,
    pub notes: String,
    /// Who last changed the review.
    pub reviewer: Option<String>,
    /// When the review was first and last changed, RFC 3339 UTC.
    pub reviewed_at: Option<String>,
    pub updated_at: Option<String>,
    /// Sources tied to the claim, with their archived hashes.
    pub evidence: Vec<Evidence>,
    /// Where the quotation came from in its original source, when it was matched.
    pub source_match: Option<SourceMatch>,
    /// How the claim fared in later versions of its article, when they were compared.
    pub later_versions: Option<Vec<LaterVersion>>,
    /// The earliest known appearance elsewhere, when known.
    pub first_appearance: Option<Appearance>,
    /// The audit trail, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// A person or organisation quoted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// "person" or "organization".
    pub kind: String,
    pub role: Option<String>,
}

/// A source tied to a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub source_id: i64,
    /// "original", "supports", "contradicts" or "context".
    pub relation: String,
    pub title: String,
    /// "url", "file", "pasted", "transcript" or "article".
    pub source_kind: String,
    pub url: Option<String>,
    /// SHA-256 (hex) of the archived source, when it was archived.
    pub sha256: Option<String>,
    /// Media type of the archived bytes ("text/html", "application/pdf").
    pub media_type: Option<String>,
    pub captured_at: String,
    pub note: String,
}

/// A quotation's match against the passage it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceMatch {
    pub source_id: i64,
    /// "verbatim", "altered", "not_found", "translated" or "paraphrased".
    pub class: String,
    pub score: Option<f64>,
    /// Code point offsets into the source's text.
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
}

/// Where a claim stands in a later version of its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaterVersion {
    pub version_id: i64,
    pub captured_at: String,
    /// "unchanged", "moved", "edited" or "removed".
    pub status: String,
    /// The claim's words in that version, when it is still there.
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appearance {
    pub url: String,
    pub published: Option<String>,
}

/// One change in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub reviewer: String,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl ReportData {
    /// The verdict's label in the report's language, or the key when the scale lacks it.
    pub fn verdict_label<'a>(&'a self, key: &'a str) -> &'a str {
        match self.scale.iter().find(|v| v.key == key) {
            Some(v) if self.language == "id" => &v.label_id,
            Some(v) => &v.label_en,
            None => key,
        }
    }

    /// Every claim of the report with its article, in report order.
    pub fn claims(&self) -> impl Iterator<Item = (&ReportArticle, &ReportClaim)> {
        self.articles
            .iter()
            .flat_map(|a| a.claims.iter().map(move |c| (a, c)))
    }
}
