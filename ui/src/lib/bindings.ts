// Generated from the Rust types by crates/workbench/tests/bindings.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p factdesk-workbench --test bindings

export type SourceKind = "file" | "url" | "pasted";

export type ArticleSummary = { id: number, title: string, 
/**
 * Canonical URL, when the article came from the web.
 */
url: string | null, 
/**
 * Outlet or site name.
 */
site: string | null, 
/**
 * Publication time, RFC 3339.
 */
published: string | null, 
/**
 * BCP 47 language tag ("id", "en"), when detected.
 */
language: string | null, 
/**
 * How many versions (captures) the article has.
 */
versions: number, 
/**
 * The newest version's id.
 */
latest_version_id: number, 
/**
 * When the newest version was captured, RFC 3339 UTC.
 */
captured_at: string, 
/**
 * Fetched again on a schedule to catch silent edits.
 */
watched: boolean, 
/**
 * When a later version last changed the article substantively (not only boilerplate).
 */
edited_at: string | null, 
/**
 * Edited substantively after the newest review of one of its claims: the checked
 * claims may no longer match the article.
 */
changed_since_review: boolean, };

export type CaptureMetadata = { 
/**
 * Author(s) as the page or text names them.
 */
byline?: string, editor?: string, 
/**
 * The dateline as written ("Jakarta, Kabarkita.co -").
 */
dateline?: string, dateline_city?: string, 
/**
 * The outlet or agency the dateline names ("Kabarkita.co", "ANTARA").
 */
dateline_outlet?: string, 
/**
 * Where a syndicated article first appeared ("www.beritaasli.com").
 */
original_site?: string, original_author?: string, 
/**
 * The credit line as written.
 */
credit_line?: string, 
/**
 * When the publisher says it last updated the article (RFC 3339), from page metadata or
 * a line such as "Diperbarui 18 Jun 2025, 14:05 WIB".
 */
updated?: string, };

export type VersionInfo = { id: number, article_id: number, 
/**
 * SHA-256 (hex) of the raw bytes the version was made from.
 */
sha256: string, 
/**
 * Capture time, RFC 3339 UTC.
 */
captured_at: string, source_kind: SourceKind, 
/**
 * The file path or URL the bytes came from.
 */
source_ref: string | null, 
/**
 * Media type of the raw bytes ("text/plain", "text/html").
 */
media_type: string, 
/**
 * Character encoding the raw bytes were decoded from ("UTF-8", "windows-1252").
 */
charset: string | null, title: string, language: string | null, 
/**
 * Size of the raw bytes.
 */
raw_bytes: number, 
/**
 * Length of the extracted text in Unicode code points.
 */
text_chars: number, 
/**
 * Publication time this capture states, RFC 3339.
 */
published: string | null, metadata: CaptureMetadata, };

export type ArticleDetail = { article: ArticleSummary, 
/**
 * Every version, oldest first.
 */
versions: Array<VersionInfo>, 
/**
 * The version whose text is in `text`.
 */
version_id: number, 
/**
 * The version's extracted text: data, never markup.
 */
text: string, };

export type SearchHit = { article_id: number, version_id: number, title: string, site: string | null, published: string | null, 
/**
 * A short excerpt around the match. Matched terms are wrapped in
 * [`SNIPPET_OPEN`] and [`SNIPPET_CLOSE`]; everything else is plain text.
 */
snippet: string, };

export type StoredClaim = { id: number, article_id: number, version_id: number, 
/**
 * "claim", "direct" or "indirect".
 */
kind: string, start: number, end: number, text: string, speaker_id: number | null, speaker: string | null, role: string | null, speaker_start: number | null, speaker_end: number | null, cue: string | null, 
/**
 * "detected" or "manual".
 */
origin: string, 
/**
 * "suggested", "accepted" or "rejected".
 */
state: string, score: number | null, reasons: Array<string>, 
/**
 * Review status: "new", "in-review", "checked" or "published".
 */
status: string, verdict: string | null, 
/**
 * The reviewer's notes ("" when none).
 */
notes: string, };

export type ConsistencyCheck = { kind: string, start: number, end: number, ok: boolean, detail: string, };

export type SpeakerSummary = { speaker_id: number | null, name: string, role: string | null, 
/**
 * Ids of the quotations (stored claims) attributed to them, in text order.
 */
quotes: Array<number>, };

export type ArticleAnalysis = { version_id: number, claims: Array<StoredClaim>, checks: Array<ConsistencyCheck>, speakers: Array<SpeakerSummary>, };

export type ReviewRequest = { 
/**
 * A verdict key of the rating scale ("false", "mostly-true", …).
 */
verdict: string | null, 
/**
 * Removes the verdict.
 */
clear_verdict: boolean, status: string | null, notes: string | null, 
/**
 * "accepted", "rejected" or "suggested".
 */
state: string | null, 
/**
 * Who said it, by name: an existing speaker (name or alias, any case) or a new one.
 */
speaker: string | null, 
/**
 * Removes the attribution.
 */
clear_speaker: boolean, };

export type ClaimQuery = { article_id: number | null, status: string | null, verdict: string | null, 
/**
 * "claim", "direct" or "indirect".
 */
kind: string | null, };

export type ArticleQuery = { language: string | null, site: string | null, 
/**
 * YYYY-MM-DD, inclusive.
 */
published_from: string | null, published_until: string | null, status: string | null, verdict: string | null, speaker: string | null, 
/**
 * Only articles edited substantively after their newest review.
 */
changed_since_review: boolean, };

export type ClaimPage = { claims: Array<StoredClaim>, 
/**
 * How many match in all, counted for the first page only (offset 0): later pages are
 * read by a list that already knows its length, and counting 100,000 claims costs more
 * than reading a page.
 */
total: number | null, offset: number, };

export type Rating = { key: string, label_en: string, label_id: string, 
/**
 * False for a verdict that does not rate truth ("Unproven"); ClaimReview gives it no
 * number.
 */
rated: boolean, };

export type AuditEvent = { at: string, reviewer: string, field: string, before: string | null, after: string | null, };

export type ArticlePage = { articles: Array<ArticleSummary>, offset: number, total: number, };

export type AppInfo = { version: string, 
/**
 * The database file, or ":memory:".
 */
database: string, schema_version: number, };

export type ImportStatus = "imported" | "unchanged" | "error";

export type ImportOutcome = { 
/**
 * The path (or URL) as given, or the file found in a given folder.
 */
input: string, article_id: number | null, version_id: number | null, status: ImportStatus, 
/**
 * The article's title, when one was stored or found.
 */
title?: string, 
/**
 * Why the input was not imported.
 */
error?: string, };

export type ImportReport = { outcomes: Array<ImportOutcome>, 
/**
 * True when the batch was cancelled before every file was read.
 */
cancelled: boolean, };

export type ImportProgress = { done: number, total: number, current: string, };

export type ErrorKind = "not_found" | "invalid_input" | "io" | "database" | "busy" | "internal";

export type ErrorPayload = { kind: ErrorKind, message: string, };

export type EvidenceSourceKind = "url" | "file" | "pasted" | "transcript" | "article";

export type SourceInfo = { id: number, kind: EvidenceSourceKind, title: string, url: string | null, path: string | null, article_id: number | null, sha256: string | null, captured_at: string, text_chars: number, };

export type Relation = "original" | "supports" | "contradicts" | "context";

export type EvidenceLink = { claim_id: number, source: SourceInfo, relation: Relation, note: string, created_at: string, 
/**
 * How the claim's words match the source: "verbatim", "altered" or "not_found" as
 * found when linked, or "translated" / "paraphrased" as the checker marked it.
 */
match_class: string | null, score: number | null, 
/**
 * The matched passage in the source's text (code points).
 */
source_start: number | null, source_end: number | null, };

export type SourceInput = { "url": string } | { "file": string } | { "pasted": { title: string, text: string, } } | { "article": number };

export type AddedSource = { source: SourceInfo, new: boolean, };

export type SpeakerInfo = { id: number, name: string, 
/**
 * "person" or "organization".
 */
kind: string, 
/**
 * Claims and quotations attributed to them (not rejected).
 */
quotations: number, articles: number, 
/**
 * Other names they are quoted under.
 */
aliases: Array<string>, 
/**
 * Roles articles give them.
 */
roles: Array<string>, };

export type SpeakerQuote = { claim: StoredClaim, article_title: string, published: string | null, sources: Array<EvidenceLink>, };

export type SpeakerPage = { speaker: SpeakerInfo, quotes: Array<SpeakerQuote>, };

export type Scale = { name: string, verdicts: number, active: boolean, };

export type LinkEdit = { 
/**
 * "insert" (words the claim adds), "delete" (source words it drops) or "replace".
 */
op: string, quote: string, source: string, };

export type LinkMatch = { 
/**
 * "verbatim", "altered" or "not_found".
 */
class: string, score: number, source_start: number | null, source_end: number | null, quote: string, passage: string | null, 
/**
 * The source sentence before and after the passage when the claim starts or stops
 * inside it: a cut can change the meaning.
 */
sentence_before: string | null, sentence_after: string | null, edits: Array<LinkEdit>, };

export type QuoteSighting = { claim_id: number, article_id: number, version_id: number, 
/**
 * "direct", "indirect" or "claim".
 */
kind: string, text: string, speaker: string | null, title: string, site: string | null, published: string | null, captured_at: string, 
/**
 * When it appeared: the article's publication time, or its capture when that is unknown.
 */
appeared: string, 
/**
 * How the searched words compare with this claim's: verbatim (within it) or altered.
 */
class: 'verbatim' | 'altered' | 'not_found', score: number, 
/**
 * The earliest appearance found.
 */
first: boolean, };

export type ExportFormat = "md" | "html" | "json" | "csv" | "claimreview" | "bundle";

export type ExportSelection = { "kind": "article", article_id: number, } | { "kind": "claims", claim_ids: Array<number>, } | { "kind": "period", since: string | null, until: string | null, } | { "kind": "all" };

export type ExportRequest = { format: ExportFormat, selection: ExportSelection, 
/**
 * The file to write, or an existing folder to write a file with a generated name into.
 */
output: string, 
/**
 * "id" or "en"; by default the articles' language when they share one, else English.
 */
language: string | null, 
/**
 * A folder of templates replacing the shipped ones; by default the `report_templates`
 * preference, if set.
 */
templates: string | null, };

export type ExportOutcome = { path: string, format: ExportFormat, articles: number, claims: number, 
/**
 * Things worth fixing that did not stop the export (a ClaimReview's long claim text).
 */
warnings: Array<string>, };

export type ChangeOp = "insert" | "delete" | "replace";

export type ChangeKind = "sentence" | "word" | "char";

export type Change = { op: ChangeOp, old_start: number, old_end: number, new_start: number, new_end: number, old: string, new: string, kind: ChangeKind, 
/**
 * Whitespace, headline letter case, quotation-mark style or boilerplate lines only.
 */
cosmetic: boolean, };

export type AnchorStatus = "unchanged" | "moved" | "edited" | "removed" | "unresolved";

export type WordEdit = { op: ChangeOp, old: string, new: string, };

export type AffectedClaim = { 
/**
 * The stored claim, when comparing stored versions.
 */
claim_id: number | null, 
/**
 * "claim", "direct" or "indirect".
 */
kind: string, start: number, end: number, text: string, speaker: string | null, status: AnchorStatus, new_start: number | null, new_end: number | null, new_text: string | null, 
/**
 * The speaker the newer capture gives the quotation, when it differs.
 */
new_speaker: string | null, 
/**
 * What changed: "number", "name", "words", "speaker".
 */
reasons: Array<string>, edits: Array<WordEdit>, 
/**
 * For a removed stored claim: the last version that had it (its review stays there).
 */
last_version_id: number | null, 
/**
 * The review of a stored claim, which stays with it whatever happened to its words.
 */
review_status: string | null, verdict: string | null, };

export type MetadataChange = { field: string, old: string | null, new: string | null, };

export type VersionDiff = { 
/**
 * True when a word, name, number, sentence, headline, byline or publication date a
 * reader would care about changed.
 */
substantive: boolean, 
/**
 * The text's changes in order; offsets are code points into the two texts.
 */
changes: Array<Change>, 
/**
 * The claims and quotations of the older capture that did not stay as they were.
 */
claims_affected: Array<AffectedClaim>, 
/**
 * Headline, byline, publication date and outlet, where they changed.
 */
metadata_changes: Array<MetadataChange>, 
/**
 * True when the deadline cut the comparison short (its changes are then coarser).
 */
timed_out: boolean, };

export type VersionEntry = { 
/**
 * Compared with the previous version; `None` for the first.
 */
substantive: boolean | null, changes: number, id: number, article_id: number, 
/**
 * SHA-256 (hex) of the raw bytes the version was made from.
 */
sha256: string, 
/**
 * Capture time, RFC 3339 UTC.
 */
captured_at: string, source_kind: SourceKind, 
/**
 * The file path or URL the bytes came from.
 */
source_ref: string | null, 
/**
 * Media type of the raw bytes ("text/plain", "text/html").
 */
media_type: string, 
/**
 * Character encoding the raw bytes were decoded from ("UTF-8", "windows-1252").
 */
charset: string | null, title: string, language: string | null, 
/**
 * Size of the raw bytes.
 */
raw_bytes: number, 
/**
 * Length of the extracted text in Unicode code points.
 */
text_chars: number, 
/**
 * Publication time this capture states, RFC 3339.
 */
published: string | null, metadata: CaptureMetadata, };

export type RefreshOutcome = { diff: VersionDiff | null, 
/**
 * The path (or URL) as given, or the file found in a given folder.
 */
input: string, article_id: number | null, version_id: number | null, status: ImportStatus, 
/**
 * The article's title, when one was stored or found.
 */
title?: string, 
/**
 * Why the input was not imported.
 */
error?: string, };

export type Organisation = { name: string, url: string | null, };

export type WatchState = { article_id: number, title: string, 
/**
 * The address fetched again.
 */
url: string | null, watched: boolean, 
/**
 * When it was last fetched again, RFC 3339 UTC.
 */
checked_at: string | null, 
/**
 * When it is due again.
 */
next_check_at: string | null, 
/**
 * Why the last fetch failed, when it did.
 */
error: string | null, 
/**
 * Failed fetches in a row.
 */
failures: number, 
/**
 * When a later version last changed it substantively.
 */
edited_at: string | null, 
/**
 * When it was first captured; with `published`, its age for the schedule.
 */
created_at: string, published: string | null, };

export type WatchCheck = { article_id: number, title: string, 
/**
 * "unchanged", "changed" (a new version was stored) or "failed".
 */
outcome: string, 
/**
 * For a new version: whether it changed the article substantively.
 */
substantive: boolean | null, 
/**
 * For a new version: how many changes the diff found.
 */
changes: number, 
/**
 * The new version, when one was stored.
 */
version_id: number | null, 
/**
 * Why the fetch failed.
 */
error: string | null, 
/**
 * When the article is due again.
 */
next_check_at: string | null, };
