//! Exporting an article as JSON: its metadata and every version's text and hash.
//! (The report crate takes over richer reports with the verification-report issue.)

use crate::{FACTDESK_VERSION, Workbench, WorkbenchError};
use factdesk_core::{ArticleId, ArticleSummary, VersionInfo};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// Bumped whenever a field of [`ArticleExport`] changes meaning or disappears.
pub const EXPORT_SCHEMA_VERSION: u32 = 1;

/// The JSON document written by `factdesk export ID --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleExport {
    /// Always "factdesk.article".
    pub kind: String,
    pub schema_version: u32,
    pub factdesk_version: String,
    /// RFC 3339 UTC.
    pub exported_at: String,
    pub article: ArticleSummary,
    /// Oldest first.
    pub versions: Vec<ExportedVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedVersion {
    #[serde(flatten)]
    pub info: VersionInfo,
    pub text: String,
}

impl Workbench {
    /// The export document of one article.
    pub fn article_export(&self, id: ArticleId) -> Result<ArticleExport, WorkbenchError> {
        let article = self
            .store
            .article(id)?
            .ok_or(WorkbenchError::ArticleNotFound(id))?;
        let versions = self
            .store
            .versions(id)?
            .into_iter()
            .map(|info| {
                let text = self.store.version_text(info.id)?.unwrap_or_default();
                Ok(ExportedVersion { info, text })
            })
            .collect::<Result<Vec<_>, WorkbenchError>>()?;
        Ok(ArticleExport {
            kind: "factdesk.article".into(),
            schema_version: EXPORT_SCHEMA_VERSION,
            factdesk_version: FACTDESK_VERSION.into(),
            exported_at: self.clock.now(),
            article,
            versions,
        })
    }

    /// Writes one article's export as pretty JSON to `target`. The file appears complete or
    /// not at all: it is written beside the target and renamed into place.
    pub fn export_article_json(&self, id: ArticleId, target: &Path) -> Result<(), WorkbenchError> {
        let document = self.article_export(id)?;
        let json = serde_json::to_vec_pretty(&document)
            .map_err(|e| WorkbenchError::InvalidInput(e.to_string()))?;
        write_atomically(target, &json)
    }
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it over `target`.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), WorkbenchError> {
    let shown = target.display().to_string();
    let fail = |message: String| WorkbenchError::File {
        path: shown.clone(),
        message,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(fail(format!(
            "cannot be written: the folder {} does not exist",
            folder.display()
        )));
    }
    let mut file = tempfile::NamedTempFile::new_in(folder)
        .map_err(|e| fail(format!("cannot be written: {e}")))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| fail(format!("cannot be written: {e}")))?;
    file.persist(target)
        .map_err(|e| fail(format!("cannot be written: {}", e.error)))?;
    Ok(())
}
