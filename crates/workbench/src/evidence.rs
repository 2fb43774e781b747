//! Evidence: sources (web pages, files, transcripts, pasted text, other articles) archived
//! with their hash, and claims' links to them with a relation and a note, audited.

use crate::import::read_article_file;
use crate::{Workbench, WorkbenchError};
use factdesk_core::analysis::offsets::ByteOffsets;
use factdesk_core::hash::sha256_hex;
use factdesk_core::quote_match::{QuoteMatch, QuoteMatchError, SourceIndex, sentence_around};
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
    /// A saved page, a PDF, a text file or subtitles (.srt, .vtt).
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

/// One difference between a claim's words and its source passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkEdit {
    /// "insert" (words the claim adds), "delete" (source words it drops) or "replace".
    pub op: String,
    pub quote: String,
    pub source: String,
}

/// Where a claim's words are in a linked source, for the side-by-side view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkMatch {
    /// "verbatim", "altered" or "not_found".
    pub class: String,
    pub score: f64,
    #[ts(type = "number | null")]
    pub source_start: Option<usize>,
    #[ts(type = "number | null")]
    pub source_end: Option<usize>,
    pub quote: String,
    pub passage: Option<String>,
    /// The source sentence before and after the passage when the claim starts or stops
    /// inside it: a cut can change the meaning.
    pub sentence_before: Option<String>,
    pub sentence_after: Option<String>,
    pub edits: Vec<LinkEdit>,
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
        let (kind, title, text, media_type) = if factdesk_ingest::is_pdf(&raw) {
            let text = factdesk_ingest::read_pdf(&raw).map_err(|e| fail(e.to_string()))?;
            (
                EvidenceSourceKind::File,
                String::new(),
                text,
                "application/pdf",
            )
        } else if looks_like_page {
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

    /// Links a claim to a source (or changes the link's relation and note); audited. Where
    /// the claim's words are in the source is found and kept with the link.
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
        if let Ok(found) = self.link_match(claim_id, source_id) {
            self.store.set_link_match(
                claim_id,
                source_id,
                &found.class,
                Some(found.score),
                found.source_start.zip(found.source_end),
            )?;
        }
        self.links(claim_id)
    }

    /// Where a claim's words are in a source and how they differ: the passage, the words
    /// added, dropped or changed, and the rest of the source sentence around it.
    pub fn link_match(&self, claim_id: i64, source_id: i64) -> Result<LinkMatch, WorkbenchError> {
        let claim = self
            .store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))?;
        let source = self.source_text(source_id)?;
        // A passage the checker picked (or matching found when linking) is where to look.
        let picked = self
            .store
            .claim_links(claim_id)?
            .into_iter()
            .find(|l| l.source.id == source_id)
            .and_then(|l| l.source_start.zip(l.source_end));
        let index = SourceIndex::new(&source);
        let found = find_in(&index, &source, &claim.text, picked)
            .map_err(|e| WorkbenchError::InvalidInput(format!("claim {claim_id} {e}")))?;
        let (passage, (before, after)) = match (found.source_start, found.source_end) {
            (Some(start), Some(end)) => (
                Some(index.passage(start, end)),
                sentence_around(&source, start, end),
            ),
            _ => (None, (None, None)),
        };
        Ok(LinkMatch {
            class: found.class.as_str().to_string(),
            score: found.score,
            source_start: found.source_start,
            source_end: found.source_end,
            quote: claim.text,
            passage,
            sentence_before: before,
            sentence_after: after,
            edits: found
                .edits
                .into_iter()
                .map(|e| LinkEdit {
                    op: format!("{:?}", e.op).to_lowercase(),
                    quote: e.quote,
                    source: e.source,
                })
                .collect(),
        })
    }

    /// The text of a source, which claims are matched against.
    pub fn source_text(&self, source_id: i64) -> Result<String, WorkbenchError> {
        self.store.source_text(source_id)?.ok_or_else(|| {
            not_found(factdesk_store::StoreError::NotFound {
                what: "source",
                id: source_id,
            })
        })
    }

    /// Makes `start..end` (code points of the source's text) the passage a linked claim came
    /// from, when matching picked the wrong one; the match is judged again against it.
    /// Audited, undoable.
    pub fn choose_passage(
        &mut self,
        claim_id: i64,
        source_id: i64,
        start: usize,
        end: usize,
    ) -> Result<Vec<EvidenceLink>, WorkbenchError> {
        let length = self.source_text(source_id)?.chars().count();
        if start >= end || end > length {
            return Err(WorkbenchError::InvalidInput(format!(
                "characters {start}..{end} are not a passage of source {source_id}, which has {length} characters"
            )));
        }
        let claim = self
            .store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))?;
        let source = self.source_text(source_id)?;
        let index = SourceIndex::new(&source);
        let found = find_in(&index, &source, &claim.text, Some((start, end)))
            .map_err(|e| WorkbenchError::InvalidInput(format!("claim {claim_id} {e}")))?;
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store.choose_passage(
            claim_id,
            source_id,
            (start, end),
            found.class.as_str(),
            &reviewer,
            &now,
        )?;
        self.links(claim_id)
    }

    /// Records how a linked claim's words match the source as the checker judges it: confirm
    /// what matching found, or mark it translated or paraphrased. Audited, undoable.
    pub fn judge_match(
        &mut self,
        claim_id: i64,
        source_id: i64,
        class: &str,
    ) -> Result<Vec<EvidenceLink>, WorkbenchError> {
        const CLASSES: [&str; 5] = [
            "verbatim",
            "altered",
            "not_found",
            "translated",
            "paraphrased",
        ];
        if !CLASSES.contains(&class) {
            return Err(WorkbenchError::InvalidInput(format!(
                "unknown match {class:?}; one of {}",
                CLASSES.join(", ")
            )));
        }
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store
            .judge_match(claim_id, source_id, class, &reviewer, &now)?;
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

/// Matches `quote` in the source, or only in the passage `picked` (code points) when there
/// is one; offsets are into the whole source. A picked passage with none of the quotation's
/// words is still the passage shown.
fn find_in(
    index: &SourceIndex<'_>,
    source: &str,
    quote: &str,
    picked: Option<(usize, usize)>,
) -> Result<QuoteMatch, QuoteMatchError> {
    let Some((start, end)) = picked else {
        return index.find(quote);
    };
    let bytes = ByteOffsets::new(source);
    let (from, to) = (bytes.byte_at(start), bytes.byte_at(end));
    let mut found = SourceIndex::new(&source[from..to]).find(quote)?;
    found.source_start = Some(found.source_start.map_or(start, |s| s + start));
    found.source_end = Some(found.source_end.map_or(end, |e| e + start));
    Ok(found)
}
