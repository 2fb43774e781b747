//! factdesk's ingest: from the bytes of a saved page (later, a fetched URL) to article text
//! and metadata. The only crate that will touch the network.
//!
//! Extraction builds on `dom_smoothie` (a maintained Readability port) and adds what news
//! pages need on top: boilerplate lines removed by rules that are data
//! (`rules/boilerplate.txt`), paragraphs one per line, dates normalised to RFC 3339.

mod charset;
mod dates;
mod extract;
mod fetch;
mod rules;

pub use charset::{DecodedHtml, decode_html};
pub use dates::normalise_date;
pub use extract::{Extracted, extract_html};
pub use fetch::{FetchError, FetchLimits, Fetched, Fetcher, USER_AGENT};
pub use rules::{BoilerplateRules, LineVerdict};

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
}
