//! Extraction without storing: `factdesk extract` shows what import would keep of a page.

use crate::import::read_article_file;
use crate::{Workbench, WorkbenchError};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One page's extraction, in the shape of the CLI contract (`factdesk extract --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageExtraction {
    pub path: String,
    pub title: String,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub body: String,
}

impl Workbench {
    /// Extracts the article of a saved page with `rules`; stores nothing.
    pub fn extract_file(
        path: &Path,
        rules: &factdesk_ingest::Rules,
    ) -> Result<PageExtraction, WorkbenchError> {
        let raw = read_article_file(path)?;
        let page = factdesk_ingest::extract_html_with(&raw, None, None, rules).map_err(|e| {
            WorkbenchError::File {
                path: path.display().to_string(),
                message: e.to_string(),
            }
        })?;
        Ok(PageExtraction {
            path: path.display().to_string(),
            title: page.title,
            published: page.published,
            byline: page.byline,
            site: page.site,
            language: page.language,
            body: page.body,
        })
    }
}
