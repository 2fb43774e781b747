//! Analysis use cases: a text or a plain-text file in, its sentences, quotations, claims and
//! checks out (the `factdesk analyze` contract), without touching the database.

use crate::import::read_article_file;
use crate::{Workbench, WorkbenchError};
use factdesk_core::analysis::{Analysis, analyze};
use factdesk_core::text::{decode_text, normalise_line_endings};
use serde::Serialize;
use std::path::Path;

/// One analysed input, labelled with the caller's id (the contract's output line).
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisRecord {
    pub id: String,
    #[serde(flatten)]
    pub analysis: Analysis,
}

impl Workbench {
    /// Analyses text as given; offsets are code points into `text`.
    pub fn analyze_text(id: &str, text: &str) -> AnalysisRecord {
        AnalysisRecord { id: id.to_string(), analysis: analyze(text, None, None) }
    }

    /// Analyses a plain-text file. Offsets are code points into the file's text with line
    /// endings normalised to `\n` (what Python's `read_text()` gives); a file that is not
    /// UTF-8 is decoded first (and then trimmed, as imports are).
    pub fn analyze_file(path: &Path) -> Result<AnalysisRecord, WorkbenchError> {
        let raw = read_article_file(path)?;
        let text = match std::str::from_utf8(&raw) {
            Ok(text) => normalise_line_endings(text),
            Err(_) => {
                decode_text(&raw).map_err(|e| WorkbenchError::File { path: path.display().to_string(), message: e.to_string() })?.text
            }
        };
        Ok(Self::analyze_text(&path.display().to_string(), &text))
    }
}
