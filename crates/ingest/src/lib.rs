//! factdesk's ingest: from the bytes of a saved page (later, a fetched URL) to article text
//! and metadata. The only crate that will touch the network.
//!
//! Extraction builds on `dom_smoothie` (a maintained Readability port) and adds what news
//! pages need on top: rules that are data (`rules/id.txt`, `rules/en.txt`, and a user's own
//! folder) drop promo lines and turn credit lines into metadata; paragraphs one per line;
//! dates normalised to RFC 3339.

mod charset;
mod dates;
mod extract;
mod fetch;
mod news_text;
mod pdf;
mod record;
mod rules;
mod subtitles;

pub use charset::{DecodedHtml, decode_html};
pub use dates::normalise_date;
pub use extract::{Extracted, extract_html, extract_html_with};

/// Reads a plain-text article: its first line is the headline; the rest goes through the
/// same rules as a page's text (boilerplate, credits, editor lines, dateline, written date).
/// `language` is the text's language tag, when known (it decides the zone of written dates).
pub fn read_text_article(
    text: &str,
    language: Option<&str>,
    rules: &Rules,
) -> (Option<String>, NewsText) {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let title = lines
        .next()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
    let rest: Vec<&str> = lines.collect();
    (
        title,
        read_news_text(rest, rules, extract::offset_for(language)),
    )
}
pub use fetch::{FetchError, FetchLimits, Fetched, Fetcher, USER_AGENT};
pub use news_text::{NewsText, read_news_text};
pub use pdf::{is_pdf, read_pdf};
pub use record::{RecordArticle, read_record};
pub use rules::{LineVerdict, Rules, RulesError};
pub use subtitles::{is_subtitle_file, read_subtitles};

use thiserror::Error;

/// Why a page could not be turned into an article. Messages complete "`<file or URL>` …".
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum IngestError {
    #[error("is empty")]
    Empty,
    #[error("looks like {0}, not a web page")]
    NotHtml(String),
    #[error("has no article text that could be found")]
    NoArticle,
    /// A PDF whose text could not be read; the message says why.
    #[error("is a PDF whose text could not be read: {0}")]
    Pdf(String),
}
