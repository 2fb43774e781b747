//! Importing article files and folders.
//!
//! Each file is its own transaction: a batch that fails half-way or is cancelled keeps the
//! articles that were complete and nothing of the one in progress.

use crate::analysis::with_analysis;
use crate::{Workbench, WorkbenchError};
use factdesk_core::hash::sha256_hex;
use factdesk_core::language::guess_language;
use factdesk_core::text::{MAX_TITLE_CHARS, decode_text, truncate_chars};
use factdesk_core::{ArticleId, NewCapture, SourceKind, VersionId};
use factdesk_store::Stored;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// The largest article file accepted. Real articles are a few kilobytes; anything past this
/// is a dump or the wrong file, and reading it would stall the window.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// File name endings taken from a folder (a file named directly is tried whatever its name).
const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson",
];

/// A scraper's export: one article record (a JSON object with its `text`) a line.
fn is_records(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// The largest JSON Lines file accepted: it holds many articles, so the per-article limit
/// does not apply, but it is read whole.
const MAX_RECORDS_BYTES: u64 = 1024 * 1024 * 1024;

/// Saved web pages: extracted rather than read as plain text.
pub(crate) fn is_html(path: &Path, raw: &[u8]) -> bool {
    let by_name = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|known| known.eq_ignore_ascii_case(e))
    });
    let start: Vec<u8> = raw
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take(15)
        .collect();
    let lower = start.to_ascii_lowercase();
    by_name || lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

/// What happened to one input; `factdesk import --json` prints exactly this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    /// The path (or URL) as given, or the file found in a given folder.
    pub input: String,
    pub article_id: Option<ArticleId>,
    pub version_id: Option<VersionId>,
    pub status: ImportStatus,
    /// The article's title, when one was stored or found.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    /// Why the input was not imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// A new version was stored.
    Imported,
    /// The same content was already in the workbench; nothing was stored.
    Unchanged,
    /// Nothing was stored; `error` says why.
    Error,
}

/// The result of one import batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub outcomes: Vec<ImportOutcome>,
    /// True when the batch was cancelled before every file was read.
    pub cancelled: bool,
}

impl ImportReport {
    pub fn count(&self, status: ImportStatus) -> usize {
        self.outcomes.iter().filter(|o| o.status == status).count()
    }
}

/// Progress of a batch, reported before each file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    pub current: String,
}

impl ImportOutcome {
    fn failed(input: impl Into<String>, error: impl Into<String>) -> Self {
        ImportOutcome {
            input: input.into(),
            article_id: None,
            version_id: None,
            status: ImportStatus::Error,
            title: None,
            error: Some(error.into()),
        }
    }
}

/// One unit of work found in the inputs: a file to read, a page to fetch, or an input that
/// already failed.
enum Item {
    File(PathBuf),
    /// Line `line` (from 1) of a JSON Lines file.
    Record {
        path: PathBuf,
        line: usize,
        json: String,
    },
    Url(String),
    Failed(ImportOutcome),
}

impl Workbench {
    /// Imports files and folders (folders recursively, their text files only).
    pub fn import_paths(&mut self, inputs: &[PathBuf]) -> ImportReport {
        self.import_paths_with(inputs, &mut |_| {}, &AtomicBool::new(false))
    }

    /// [`Workbench::import_paths`] with progress reports and a cancel flag that is checked
    /// between files.
    ///
    /// Files are read and decoded one by one and written in batches (one transaction each,
    /// every article in its own savepoint), so a commit is paid per batch rather than per
    /// article. A batch is written when it is full or has waited [`BATCH_WAIT`], so other
    /// writers (the CLI beside the app) never wait long for the database.
    pub fn import_paths_with(
        &mut self,
        inputs: &[PathBuf],
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> ImportReport {
        let items: Vec<Item> = inputs.iter().flat_map(|input| expand(input)).collect();
        let total = items.len() as u64;
        let mut outcomes: Vec<ImportOutcome> = Vec::with_capacity(items.len());
        let mut batch = Batch::default();
        let mut cancelled = false;
        for (done, item) in items.into_iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                cancelled = true;
                break;
            }
            let mut report = |current: &str| {
                progress(ImportProgress {
                    done: done as u64,
                    total,
                    current: current.to_string(),
                })
            };
            let (input, capture) = match item {
                Item::Failed(outcome) => {
                    outcomes.push(outcome);
                    continue;
                }
                Item::File(path) => {
                    let input = path.display().to_string();
                    report(&input);
                    (input, self.read_capture(&path))
                }
                Item::Record { path, line, json } => {
                    let input = format!("{}, line {line}", path.display());
                    report(&input);
                    let capture = self.record_capture(&path, line, json);
                    (input, capture)
                }
                Item::Url(url) => {
                    report(&url);
                    let capture = self.fetch_capture(&url);
                    (url, capture)
                }
            };
            match capture {
                Ok(capture) => {
                    batch.push(outcomes.len(), capture);
                    outcomes.push(ImportOutcome::failed(input, "not written yet"));
                }
                Err(error) => outcomes.push(ImportOutcome::failed(input, error.to_string())),
            }
            if batch.is_due() {
                self.write_batch(&mut batch, &mut outcomes);
            }
        }
        self.write_batch(&mut batch, &mut outcomes);
        if !cancelled {
            progress(ImportProgress {
                done: total,
                total,
                current: String::new(),
            });
        }
        ImportReport {
            outcomes,
            cancelled,
        }
    }

    /// Imports a saved page, text file or web address as a new version of the article the
    /// user chose (for a capture whose canonical URL does not say which article it is),
    /// with its diff and re-anchored claims like any new version.
    pub fn import_as_version(
        &mut self,
        article_id: ArticleId,
        input: &Path,
    ) -> Result<ImportOutcome, WorkbenchError> {
        self.store
            .article(article_id)?
            .ok_or(WorkbenchError::ArticleNotFound(article_id))?;
        let text = input.to_string_lossy();
        let capture = if text.starts_with("http://") || text.starts_with("https://") {
            self.fetch_capture(&text)?
        } else if input.is_dir() {
            return Err(file_error(
                input,
                "is a folder; choose one file to add as a version",
            ));
        } else if is_records(input) {
            return Err(file_error(
                input,
                "holds many articles (JSON Lines); choose one saved page or text file to add as a version",
            ));
        } else {
            self.read_capture(input)?
        };
        let stored = self
            .store
            .add_capture_to(article_id, &capture, &self.clock.now())?;
        let (stored_article, version_id) = stored.ids();
        let status = match stored {
            Stored::Inserted { .. } => {
                let _ = self.anchor_new_version(article_id, version_id);
                ImportStatus::Imported
            }
            Stored::Unchanged { .. } if stored_article != article_id => {
                return Err(file_error(
                    input,
                    format!(
                        "is already stored as version {version_id} of article {stored_article}"
                    ),
                ));
            }
            Stored::Unchanged { .. } => ImportStatus::Unchanged,
        };
        Ok(ImportOutcome {
            input: text.into_owned(),
            article_id: Some(article_id),
            version_id: Some(version_id),
            status,
            title: Some(capture.title),
            error: None,
        })
    }

    /// A newly fetched article is watched for silent edits, first due by the schedule.
    fn watch_new_article(&mut self, article_id: ArticleId) -> Result<(), WorkbenchError> {
        if self.store.versions(article_id)?.len() == 1 {
            self.store
                .set_watched(article_id, true, &self.clock.now())?;
            let state = self.watch_state(article_id)?;
            self.record_check(&state, None)?;
        }
        Ok(())
    }

    /// Imports one text file.
    pub fn import_file(&mut self, path: &Path) -> ImportOutcome {
        self.import_paths(&[path.to_path_buf()])
            .outcomes
            .pop()
            .expect("one outcome per file")
    }

    /// Fetches a page and extracts its article into a capture; nothing is stored yet.
    fn fetch_capture(&mut self, url: &str) -> Result<NewCapture, WorkbenchError> {
        let fail = |message: String| WorkbenchError::File {
            path: url.to_string(),
            message,
        };
        let fetched = self.fetcher().fetch(url).map_err(|e| fail(e.to_string()))?;
        let captured_at = self.clock.now();
        let page = factdesk_ingest::extract_html_with(
            &fetched.bytes,
            fetched.content_type.as_deref(),
            Some(&fetched.final_url),
            self.rules(),
        )
        .map_err(|e| fail(e.to_string()))?;
        let media_type = fetched
            .content_type
            .as_deref()
            .and_then(|c| c.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "text/html".into());
        let mut capture = page_capture(
            page,
            fetched.bytes,
            SourceKind::Url,
            url.to_string(),
            media_type,
            captured_at,
            &fetched.final_url,
        );
        // A page without a canonical link is identified by where it was found.
        capture.canonical_url = capture
            .canonical_url
            .filter(|u| u.starts_with("http"))
            .or(Some(fetched.final_url));
        Ok(capture)
    }

    /// Reads a text file or saved page into a capture; nothing is stored yet.
    fn read_capture(&self, path: &Path) -> Result<NewCapture, WorkbenchError> {
        let raw = read_article_file(path)?;
        if is_html(path, &raw) {
            let page = factdesk_ingest::extract_html_with(&raw, None, None, self.rules())
                .map_err(|e| file_error(path, e.to_string()))?;
            let source = absolute(path).display().to_string();
            return Ok(page_capture(
                page,
                raw,
                SourceKind::File,
                source,
                "text/html".into(),
                self.clock.now(),
                &file_stem(path),
            ));
        }
        let decoded = decode_text(&raw).map_err(|e| file_error(path, e.to_string()))?;
        // The headline is the first line; the rest goes through the same news rules as a
        // page's text. The raw bytes keep everything as it was.
        let language = guess_language(&decoded.text);
        let (headline, news) =
            factdesk_ingest::read_text_article(&decoded.text, language, self.rules());
        if news.body.is_empty() && headline.is_none() {
            return Err(file_error(path, "has no article text"));
        }
        let title = headline.unwrap_or_else(|| file_stem(path));
        let text = if news.body.is_empty() {
            title.clone()
        } else {
            format!("{title}\n{}", news.body)
        };
        Ok(with_analysis(NewCapture {
            source_kind: SourceKind::File,
            source_ref: Some(absolute(path).display().to_string()),
            sha256: sha256_hex(&raw),
            media_type: "text/plain".into(),
            charset: Some(decoded.encoding.to_string()),
            captured_at: self.clock.now(),
            title: truncate_chars(&title, MAX_TITLE_CHARS),
            language: language.map(str::to_string),
            text,
            raw,
            canonical_url: None,
            site: news.metadata.dateline_outlet.clone(),
            published: news.published,
            metadata: news.metadata,
            analysis: None,
        }))
    }

    /// Reads one article record of a JSON Lines file into a capture; nothing is stored
    /// yet. The record itself is the raw capture.
    fn record_capture(
        &self,
        path: &Path,
        line: usize,
        json: String,
    ) -> Result<NewCapture, WorkbenchError> {
        let fail = |message: String| WorkbenchError::File {
            path: format!("{}, line {line}", path.display()),
            message,
        };
        let record = factdesk_ingest::read_record(&json, self.rules()).map_err(fail)?;
        let title = record
            .title
            .or_else(|| record.body.lines().next().map(str::to_string))
            .ok_or_else(|| fail("has no article text".into()))?;
        let text = if record.body.is_empty() {
            title.clone()
        } else {
            format!("{title}\n{}", record.body)
        };
        Ok(with_analysis(NewCapture {
            source_kind: SourceKind::File,
            source_ref: Some(format!("{}#L{line}", absolute(path).display())),
            sha256: sha256_hex(json.as_bytes()),
            media_type: "application/jsonl".into(),
            charset: Some("UTF-8".into()),
            captured_at: self.clock.now(),
            title: truncate_chars(&title, MAX_TITLE_CHARS),
            language: record.language,
            text,
            raw: json.into_bytes(),
            canonical_url: record.url,
            site: record.site,
            published: record.published,
            metadata: record.metadata,
            analysis: None,
        }))
    }

    /// Writes the batch and fills in the outcomes it stands for.
    fn write_batch(&mut self, batch: &mut Batch, outcomes: &mut [ImportOutcome]) {
        if batch.captures.is_empty() {
            return;
        }
        let now = self.clock.now();
        let results = self.store.add_captures(&batch.captures, &now);
        let mut new_versions = Vec::new();
        for ((slot, capture), result) in batch.slots.iter().zip(&batch.captures).zip(results) {
            let outcome = &mut outcomes[*slot];
            match result {
                Ok(stored) => {
                    let (article_id, version_id) = stored.ids();
                    outcome.article_id = Some(article_id);
                    outcome.version_id = Some(version_id);
                    outcome.error = None;
                    if let Stored::Inserted { .. } = stored {
                        new_versions.push((
                            article_id,
                            version_id,
                            capture.source_kind == SourceKind::Url,
                        ));
                    }
                    outcome.status = match stored {
                        Stored::Inserted { .. } => ImportStatus::Imported,
                        Stored::Unchanged { .. } => ImportStatus::Unchanged,
                    };
                    outcome.title = match stored {
                        Stored::Inserted { .. } => Some(capture.title.clone()),
                        Stored::Unchanged { article_id, .. } => self
                            .store
                            .article(article_id)
                            .ok()
                            .flatten()
                            .map(|a| a.title)
                            .or_else(|| Some(capture.title.clone())),
                    };
                }
                Err(error) => {
                    outcome.error = Some(format!("{} could not be stored: {error}", outcome.input))
                }
            }
        }
        batch.clear();
        for (article_id, version_id, fetched) in new_versions {
            // Derived data: a failure here loses nothing stored, and the next comparison
            // finds the same.
            let _ = self.anchor_new_version(article_id, version_id);
            if fetched {
                let _ = self.watch_new_article(article_id);
            }
        }
    }
}

/// How many articles are written in one transaction at most.
const BATCH_SIZE: usize = 256;
/// How long prepared articles wait for their batch to fill before they are written anyway.
const BATCH_WAIT: Duration = Duration::from_millis(200);

/// Captures waiting to be written, with the index of the outcome each one stands for.
#[derive(Default)]
struct Batch {
    captures: Vec<NewCapture>,
    slots: Vec<usize>,
    started: Option<Instant>,
}

impl Batch {
    fn push(&mut self, slot: usize, capture: NewCapture) {
        self.started.get_or_insert_with(Instant::now);
        self.captures.push(capture);
        self.slots.push(slot);
    }

    fn is_due(&self) -> bool {
        self.captures.len() >= BATCH_SIZE
            || self.started.is_some_and(|at| at.elapsed() >= BATCH_WAIT)
    }

    fn clear(&mut self) {
        self.captures.clear();
        self.slots.clear();
        self.started = None;
    }
}

/// A capture of an extracted page; `fallback_title` names it when the page has no title.
fn page_capture(
    page: factdesk_ingest::Extracted,
    raw: Vec<u8>,
    source_kind: SourceKind,
    source_ref: String,
    media_type: String,
    captured_at: String,
    fallback_title: &str,
) -> NewCapture {
    with_analysis(NewCapture {
        source_kind,
        source_ref: Some(source_ref),
        sha256: sha256_hex(&raw),
        media_type,
        charset: Some(page.encoding.to_string()),
        captured_at,
        title: if page.title.is_empty() {
            fallback_title.to_string()
        } else {
            page.title
        },
        language: page.language,
        text: page.body,
        raw,
        canonical_url: page.canonical_url,
        site: page.site,
        published: page.published,
        metadata: page.metadata,
        analysis: None,
    })
}

fn file_error(path: &Path, message: impl Into<String>) -> WorkbenchError {
    WorkbenchError::File {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Messages complete "`<path>` …" (the path is added by [`WorkbenchError::File`]).
fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        _ => format!("cannot be read: {error}"),
    }
}

/// Reads a file, refusing folders and files past [`MAX_ARTICLE_BYTES`] before reading them.
pub(crate) fn read_article_file(path: &Path) -> Result<Vec<u8>, WorkbenchError> {
    let metadata = std::fs::metadata(path).map_err(|e| file_error(path, describe_io(&e)))?;
    if !metadata.is_file() {
        return Err(file_error(path, "is not a regular file"));
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(file_error(path, too_large(metadata.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| file_error(path, describe_io(&e)))?;
    let mut raw = Vec::with_capacity(metadata.len() as usize);
    // The file may grow between stat and read; never read past the limit.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|e| file_error(path, describe_io(&e)))?;
    if raw.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(file_error(path, too_large(raw.len() as u64)));
    }
    Ok(raw)
}

fn too_large(bytes: u64) -> String {
    format!(
        "is too large for an article ({:.1} MB; factdesk imports article files up to {} MB)",
        bytes as f64 / 1_000_000.0,
        MAX_ARTICLE_BYTES / (1024 * 1024)
    )
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Turns one input into the files to import: a file as is, a folder as its text files
/// (sorted, recursively, hidden entries and symbolic links to folders skipped).
fn expand(input: &Path) -> Vec<Item> {
    let shown = input.display().to_string();
    if shown.starts_with("http://") || shown.starts_with("https://") {
        return vec![Item::Url(shown)];
    }
    let metadata = match std::fs::metadata(input) {
        Ok(metadata) => metadata,
        Err(e) => {
            return vec![Item::Failed(ImportOutcome::failed(
                &shown,
                format!("{shown} {}", describe_io(&e)),
            ))];
        }
    };
    if !metadata.is_dir() {
        return if is_records(input) {
            expand_records(input)
        } else {
            vec![Item::File(input.to_path_buf())]
        };
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    collect_text_files(input, &mut files, &mut problems);
    files.sort();
    let mut items: Vec<Item> = problems.into_iter().map(Item::Failed).collect();
    if files.is_empty() && items.is_empty() {
        let endings = TEXT_EXTENSIONS
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(", ");
        items.push(Item::Failed(ImportOutcome::failed(
            &shown,
            format!("{shown} is a folder with no article files ({endings})"),
        )));
    }
    for file in files {
        if is_records(&file) {
            items.extend(expand_records(&file));
        } else {
            items.push(Item::File(file));
        }
    }
    items
}

/// One item per non-blank line of a JSON Lines file.
fn expand_records(path: &Path) -> Vec<Item> {
    let shown = path.display().to_string();
    let failed = |message: String| {
        vec![Item::Failed(ImportOutcome::failed(
            &shown,
            format!("{shown} {message}"),
        ))]
    };
    let bytes = match std::fs::File::open(path).and_then(|file| {
        let mut bytes = Vec::new();
        file.take(MAX_RECORDS_BYTES + 1)
            .read_to_end(&mut bytes)
            .map(|_| bytes)
    }) {
        Ok(bytes) if bytes.len() as u64 > MAX_RECORDS_BYTES => {
            return failed(format!(
                "is too large (factdesk reads JSON Lines files up to {} MB)",
                MAX_RECORDS_BYTES / (1024 * 1024)
            ));
        }
        Ok(bytes) => bytes,
        Err(e) => return failed(describe_io(&e)),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return failed(format!(
                "is not UTF-8 text (JSON Lines must be): invalid bytes at offset {}",
                e.utf8_error().valid_up_to()
            ));
        }
    };
    let items: Vec<Item> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| Item::Record {
            path: path.to_path_buf(),
            line: index + 1,
            json: line.to_string(),
        })
        .collect();
    if items.is_empty() {
        return failed("has no article records".into());
    }
    items
}

fn collect_text_files(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<ImportOutcome>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let shown = dir.display().to_string();
            problems.push(ImportOutcome::failed(
                &shown,
                format!("{shown} {}", describe_io(&e)),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_text_files(&path, files, problems),
            Ok(kind) if kind.is_symlink() && path.is_dir() => {}
            Ok(_) if has_article_extension(&path) => files.push(path),
            _ => {}
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TEXT_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(e))
    })
}
