//! Evidence: sources (web pages, files, transcripts, pasted text, other articles) archived
//! with their hash, and claims' links to them with a relation and a note, audited.

use crate::import::read_article_file;
use crate::{Workbench, WorkbenchError};
use factdesk_core::hash::sha256_hex;
use factdesk_core::text::{MAX_TITLE_CHARS, decode_text, truncate_chars};
use factdesk_core::{ArticleId, EvidenceLink, EvidenceSourceKind, NewSource, Relation, SourceInfo};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Where a new source comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceInput {
    /// A web address: fetched and archived.
    Url(String),
    /// A saved page, a text file or subtitles (.srt, .vtt).
    File(String),
    /// Text the checker pasted, with a title.
    Pasted { title: String, text: String },
    /// An article in the workbench (its newest version).
    Article(ArticleId),
}

impl SourceInput {
    /// Reads what the user typed: a web address, an article as `#12` or `article:12`, else
    /// a file path.
    pub fn parse(input: &str) -> SourceInput {
        let input = input.trim();
        let article = input
            .strip_prefix('#')
            .or_else(|| input.strip_prefix("article:"))
            .and_then(|id| id.trim().parse().ok());
        match article {
            Some(id) => SourceInput::Article(id),
            None if input.starts_with("http://") || input.starts_with("https://") => {
                SourceInput::Url(input.into())
            }
            None => SourceInput::File(input.into()),
        }
    }
}

/// A source as added: new, or the one already archived with the same content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddedSource {
    pub source: SourceInfo,
    pub new: bool,
}

impl Workbench {
    /// Archives a source. The same bytes (or the same article) give the same source.
    pub fn add_source(&mut self, input: &SourceInput) -> Result<AddedSource, WorkbenchError> {
        let source = match input {
            SourceInput::Url(url) => self.url_source(url)?,
            SourceInput::File(path) => self.file_source(Path::new(path))?,
            SourceInput::Pasted { title, text } => {
                if text.trim().is_empty() {
                    return Err(WorkbenchError::InvalidInput(
                        "the pasted source has no text".into(),
                    ));
                }
                let title = if title.trim().is_empty() {
                    first_words(text)
                } else {
                    title.trim().to_string()
                };
                NewSource {
                    kind: EvidenceSourceKind::Pasted,
                    title: truncate_chars(&title, MAX_TITLE_CHARS),
                    url: None,
                    path: None,
                    article_id: None,
                    sha256: Some(sha256_hex(text.as_bytes())),
                    media_type: Some("text/plain".into()),
                    raw: Some(text.as_bytes().to_vec()),
                    text: text.clone(),
                    captured_at: self.clock.now(),
                }
            }
            SourceInput::Article(id) => {
                let article = self
                    .store
                    .article(*id)?
                    .ok_or(WorkbenchError::ArticleNotFound(*id))?;
                let detail = self.show(*id, None)?;
                NewSource {
                    kind: EvidenceSourceKind::Article,
                    title: article.title,
                    url: article.url,
                    path: None,
                    article_id: Some(*id),
                    sha256: None,
                    media_type: None,
                    raw: None,
                    text: detail.text,
                    captured_at: self.clock.now(),
                }
            }
        };
        let (id, new) = self.store.add_source(&source)?;
        let source = self
            .store
            .source(id)?
            .ok_or(WorkbenchError::InvalidInput(format!(
                "source {id} vanished"
            )))?;
        Ok(AddedSource { source, new })
    }

    fn url_source(&mut self, url: &str) -> Result<NewSource, WorkbenchError> {
        let fail = |message: String| WorkbenchError::File {
            path: url.to_string(),
            message,
        };
        let fetched = self.fetcher().fetch(url).map_err(|e| fail(e.to_string()))?;
        let page = factdesk_ingest::extract_html_with(
            &fetched.bytes,
            fetched.content_type.as_deref(),
            Some(&fetched.final_url),
            self.rules(),
        )
        .map_err(|e| fail(e.to_string()))?;
        Ok(NewSource {
            kind: EvidenceSourceKind::Url,
            title: truncate_chars(
                if page.title.is_empty() {
                    url
                } else {
                    &page.title
                },
                MAX_TITLE_CHARS,
            ),
            url: Some(fetched.final_url.clone()),
            path: None,
            article_id: None,
            sha256: Some(sha256_hex(&fetched.bytes)),
            media_type: fetched.content_type.clone(),
            raw: Some(fetched.bytes),
            text: page.body,
            captured_at: self.clock.now(),
        })
    }

    fn file_source(&self, path: &Path) -> Result<NewSource, WorkbenchError> {
        let fail = |message: String| WorkbenchError::File {
            path: path.display().to_string(),
            message,
        };
        let raw = read_article_file(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let looks_like_page = name.to_ascii_lowercase().ends_with(".html")
            || name.to_ascii_lowercase().ends_with(".htm");
        let (kind, title, text, media_type) = if looks_like_page {
            let page = factdesk_ingest::extract_html_with(&raw, None, None, self.rules())
                .map_err(|e| fail(e.to_string()))?;
            (EvidenceSourceKind::File, page.title, page.body, "text/html")
        } else {
            let decoded = decode_text(&raw).map_err(|e| fail(e.to_string()))?;
            if factdesk_ingest::is_subtitle_file(&name) {
                (
                    EvidenceSourceKind::Transcript,
                    String::new(),
                    factdesk_ingest::read_subtitles(&decoded.text),
                    "text/plain",
                )
            } else {
                (
                    EvidenceSourceKind::File,
                    String::new(),
                    decoded.text,
                    "text/plain",
                )
            }
        };
        if text.trim().is_empty() {
            return Err(fail("has no text to use as a source".into()));
        }
        Ok(NewSource {
            kind,
            title: truncate_chars(
                if title.is_empty() { &name } else { &title },
                MAX_TITLE_CHARS,
            ),
            url: None,
            path: Some(
                std::path::absolute(path)
                    .unwrap_or_else(|_| PathBuf::from(path))
                    .display()
                    .to_string(),
            ),
            article_id: None,
            sha256: Some(sha256_hex(&raw)),
            media_type: Some(media_type.into()),
            raw: Some(raw),
            text,
            captured_at: self.clock.now(),
        })
    }

    /// Every source, newest first.
    pub fn sources(&self) -> Result<Vec<SourceInfo>, WorkbenchError> {
        Ok(self.store.sources()?)
    }

    /// Links a claim to a source (or changes the link's relation and note); audited.
    pub fn link(
        &mut self,
        claim_id: i64,
        source_id: i64,
        relation: Relation,
        note: &str,
    ) -> Result<Vec<EvidenceLink>, WorkbenchError> {
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store
            .set_link(
                claim_id,
                source_id,
                Some((relation.as_str(), note)),
                &reviewer,
                &now,
            )
            .map_err(not_found)?;
        self.links(claim_id)
    }

    /// Removes a claim's link to a source; audited, and undone like any change.
    pub fn unlink(
        &mut self,
        claim_id: i64,
        source_id: i64,
    ) -> Result<Vec<EvidenceLink>, WorkbenchError> {
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store
            .set_link(claim_id, source_id, None, &reviewer, &now)
            .map_err(not_found)?;
        self.links(claim_id)
    }

    /// A claim's evidence links, oldest first.
    pub fn links(&self, claim_id: i64) -> Result<Vec<EvidenceLink>, WorkbenchError> {
        if self.store.claim(claim_id)?.is_none() {
            return Err(WorkbenchError::ClaimNotFound(claim_id));
        }
        Ok(self.store.claim_links(claim_id)?)
    }
}

/// A missing claim or source, said in words that name the command listing the ids.
fn not_found(error: factdesk_store::StoreError) -> WorkbenchError {
    match error {
        factdesk_store::StoreError::NotFound { what: "claim", id } => {
            WorkbenchError::ClaimNotFound(id)
        }
        factdesk_store::StoreError::NotFound { what: "source", id } => {
            WorkbenchError::InvalidInput(format!(
                "no source with id {id}; `factdesk sources` shows the ids"
            ))
        }
        other => other.into(),
    }
}

/// A title for pasted text: its first few words.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    format!("{}…", words.join(" "))
}
