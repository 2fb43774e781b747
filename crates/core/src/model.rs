//! The records that cross layers and the process boundary (CLI JSON, IPC, exports).
//!
//! These are read models: the store fills them, the fronts print or show them. They derive
//! `ts_rs::TS` so the window's TypeScript types are generated from here (ui/src/lib/bindings.ts).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Row id of an article.
pub type ArticleId = i64;
/// Row id of a version (one immutable capture of an article).
pub type VersionId = i64;

/// How a version's bytes reached the workbench.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A file on disk (text now; saved pages with the ingest crate).
    File,
    /// A page fetched from its URL.
    Url,
    /// Text pasted into the window.
    Pasted,
}

impl SourceKind {
    /// The stable key stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::File => "file",
            SourceKind::Url => "url",
            SourceKind::Pasted => "pasted",
        }
    }

    /// Parses a stored key; `None` for anything this build does not know.
    pub fn parse(key: &str) -> Option<Self> {
        match key {
            "file" => Some(SourceKind::File),
            "url" => Some(SourceKind::Url),
            "pasted" => Some(SourceKind::Pasted),
            _ => None,
        }
    }
}

/// One line of the article list (`factdesk list --json` prints exactly this).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    /// Canonical URL, when the article came from the web.
    pub url: Option<String>,
    /// Outlet or site name.
    pub site: Option<String>,
    /// Publication time, RFC 3339.
    pub published: Option<String>,
    /// BCP 47 language tag ("id", "en"), when detected.
    pub language: Option<String>,
    /// How many versions (captures) the article has.
    #[ts(type = "number")]
    pub versions: i64,
    /// The newest version's id.
    pub latest_version_id: VersionId,
    /// When the newest version was captured, RFC 3339 UTC.
    pub captured_at: String,
    /// Fetched again on a schedule to catch silent edits.
    pub watched: bool,
    /// When a later version last changed the article substantively (not only boilerplate).
    pub edited_at: Option<String>,
    /// Edited substantively after the newest review of one of its claims: the checked
    /// claims may no longer match the article.
    pub changed_since_review: bool,
}

/// Where watching an article for silent edits stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct WatchState {
    pub article_id: ArticleId,
    pub title: String,
    /// The address fetched again.
    pub url: Option<String>,
    pub watched: bool,
    /// When it was last fetched again, RFC 3339 UTC.
    pub checked_at: Option<String>,
    /// When it is due again.
    pub next_check_at: Option<String>,
    /// Why the last fetch failed, when it did.
    pub error: Option<String>,
    /// Failed fetches in a row.
    #[ts(type = "number")]
    pub failures: u32,
    /// When a later version last changed it substantively.
    pub edited_at: Option<String>,
    /// When it was first captured; with `published`, its age for the schedule.
    pub created_at: String,
    pub published: Option<String>,
}

/// Metadata of one immutable capture of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionInfo {
    pub id: VersionId,
    pub article_id: ArticleId,
    /// SHA-256 (hex) of the raw bytes the version was made from.
    pub sha256: String,
    /// Capture time, RFC 3339 UTC.
    pub captured_at: String,
    pub source_kind: SourceKind,
    /// The file path or URL the bytes came from.
    pub source_ref: Option<String>,
    /// Media type of the raw bytes ("text/plain", "text/html").
    pub media_type: String,
    /// Character encoding the raw bytes were decoded from ("UTF-8", "windows-1252").
    pub charset: Option<String>,
    pub title: String,
    pub language: Option<String>,
    /// Size of the raw bytes.
    #[ts(type = "number")]
    pub raw_bytes: i64,
    /// Length of the extracted text in Unicode code points.
    #[ts(type = "number")]
    pub text_chars: i64,
    /// Publication time this capture states, RFC 3339.
    pub published: Option<String>,
    pub metadata: CaptureMetadata,
}

/// The claims and quotations analysis found in a version's text, and which analyser found
/// them (so a better analyser can refresh its own suggestions later).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DetectedAnalysis {
    pub analyzer: u32,
    pub items: Vec<DetectedItem>,
}

/// A claim or quotation found by analysis. Offsets are code points into the version text;
/// `prefix` and `suffix` are the text around it, to find it again in later versions.
#[derive(Clone, Debug, PartialEq)]
pub struct DetectedItem {
    /// "claim", "direct" or "indirect".
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub prefix: String,
    pub suffix: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    pub score: Option<f32>,
    pub reasons: Vec<String>,
}

/// An article with one of its versions opened: what the reader shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleDetail {
    pub article: ArticleSummary,
    /// Every version, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The version whose text is in `text`.
    pub version_id: VersionId,
    /// The version's extracted text: data, never markup.
    pub text: String,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub article_id: ArticleId,
    pub version_id: VersionId,
    pub title: String,
    pub site: Option<String>,
    pub published: Option<String>,
    /// A short excerpt around the match. Matched terms are wrapped in
    /// [`SNIPPET_OPEN`] and [`SNIPPET_CLOSE`]; everything else is plain text.
    pub snippet: String,
}

/// Marks the start of a matched term in [`SearchHit::snippet`] (U+E000, private use).
pub const SNIPPET_OPEN: char = '\u{E000}';
/// Marks the end of a matched term in [`SearchHit::snippet`] (U+E001, private use).
pub const SNIPPET_CLOSE: char = '\u{E001}';

/// What a capture says about itself beyond headline, outlet and date: read from news
/// conventions in the text (datelines, credit and editor lines) and from page metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaptureMetadata {
    /// Author(s) as the page or text names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub editor: Option<String>,
    /// The dateline as written ("Jakarta, Kabarkita.co -").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub dateline_city: Option<String>,
    /// The outlet or agency the dateline names ("Kabarkita.co", "ANTARA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub dateline_outlet: Option<String>,
    /// Where a syndicated article first appeared ("www.beritaasli.com").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub original_site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub original_author: Option<String>,
    /// The credit line as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub credit_line: Option<String>,
    /// When the publisher says it last updated the article (RFC 3339), from page metadata or
    /// a line such as "Diperbarui 18 Jun 2025, 14:05 WIB".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub updated: Option<String>,
}

/// Everything needed to store a new capture; built by the import use cases.
#[derive(Clone, Debug, PartialEq)]
pub struct NewCapture {
    pub source_kind: SourceKind,
    pub source_ref: Option<String>,
    pub raw: Vec<u8>,
    pub sha256: String,
    pub media_type: String,
    pub charset: Option<String>,
    pub captured_at: String,
    pub title: String,
    pub text: String,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    pub metadata: CaptureMetadata,
    /// What analysis found in `text`, stored with the version in the same transaction.
    pub analysis: Option<DetectedAnalysis>,
}

/// A stored claim or quotation with its speaker and review state, as the reader and the
/// claims list show it. Offsets are code points into its version's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredClaim {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    #[ts(type = "number")]
    pub version_id: VersionId,
    /// "claim", "direct" or "indirect".
    pub kind: String,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    #[ts(type = "number | null")]
    pub speaker_id: Option<i64>,
    pub speaker: Option<String>,
    pub role: Option<String>,
    #[ts(type = "number | null")]
    pub speaker_start: Option<usize>,
    #[ts(type = "number | null")]
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    /// "detected" or "manual".
    pub origin: String,
    /// "suggested", "accepted" or "rejected".
    pub state: String,
    pub score: Option<f32>,
    pub reasons: Vec<String>,
    /// Review status: "new", "in-review", "checked" or "published".
    pub status: String,
    pub verdict: Option<String>,
    /// The reviewer's notes ("" when none).
    pub notes: String,
}

/// One change in the audit trail: who changed which field of a claim, when, from what to what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEvent {
    pub at: String,
    pub reviewer: String,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What a source of evidence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSourceKind {
    /// A web page, fetched and archived.
    Url,
    /// A file: a saved page, a text, a subtitle transcript.
    File,
    /// Text pasted by the checker.
    Pasted,
    /// Subtitles of a video or audio recording (.srt, .vtt), read as text.
    Transcript,
    /// Another article in the workbench (its newest version).
    Article,
}

impl EvidenceSourceKind {
    /// The stable key stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceSourceKind::Url => "url",
            EvidenceSourceKind::File => "file",
            EvidenceSourceKind::Pasted => "pasted",
            EvidenceSourceKind::Transcript => "transcript",
            EvidenceSourceKind::Article => "article",
        }
    }

    pub fn parse(key: &str) -> Option<EvidenceSourceKind> {
        [
            Self::Url,
            Self::File,
            Self::Pasted,
            Self::Transcript,
            Self::Article,
        ]
        .into_iter()
        .find(|k| k.as_str() == key)
    }
}

/// A source to store: the document evidence comes from, archived as found.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSource {
    pub kind: EvidenceSourceKind,
    pub title: String,
    pub url: Option<String>,
    pub path: Option<String>,
    pub article_id: Option<ArticleId>,
    /// Of `raw`, when there are bytes to archive.
    pub sha256: Option<String>,
    pub media_type: Option<String>,
    pub raw: Option<Vec<u8>>,
    /// The text quotations are matched against.
    pub text: String,
    pub captured_at: String,
}

/// A stored source, without its text and archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SourceInfo {
    pub id: i64,
    pub kind: EvidenceSourceKind,
    pub title: String,
    pub url: Option<String>,
    pub path: Option<String>,
    pub article_id: Option<ArticleId>,
    pub sha256: Option<String>,
    pub captured_at: String,
    #[ts(type = "number")]
    pub text_chars: u64,
}

/// How a source bears on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Where the words were first said or written.
    Original,
    Supports,
    Contradicts,
    Context,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Original,
        Relation::Supports,
        Relation::Contradicts,
        Relation::Context,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Original => "original",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::Context => "context",
        }
    }

    pub fn parse(key: &str) -> Option<Relation> {
        Self::ALL.into_iter().find(|r| r.as_str() == key)
    }
}

/// A claim's link to a source, as the review panel and reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceLink {
    pub claim_id: i64,
    pub source: SourceInfo,
    pub relation: Relation,
    pub note: String,
    pub created_at: String,
    /// How the claim's words match the source: "verbatim", "altered" or "not_found" as
    /// found when linked, or "translated" / "paraphrased" as the checker marked it.
    pub match_class: Option<String>,
    pub score: Option<f64>,
    /// The matched passage in the source's text (code points).
    #[ts(type = "number | null")]
    pub source_start: Option<usize>,
    #[ts(type = "number | null")]
    pub source_end: Option<usize>,
}

/// A speaker of the workbench, with how often they are quoted; the speaker page adds their
/// other names and roles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SpeakerInfo {
    pub id: i64,
    pub name: String,
    /// "person" or "organization".
    pub kind: String,
    /// Claims and quotations attributed to them (not rejected).
    #[ts(type = "number")]
    pub quotations: u64,
    #[ts(type = "number")]
    pub articles: u64,
    /// Other names they are quoted under.
    pub aliases: Vec<String>,
    /// Roles articles give them.
    pub roles: Vec<String>,
}
