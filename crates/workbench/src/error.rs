use factdesk_store::StoreError;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// What can go wrong in a use case. Every message names the article, file or database
/// involved and, where there is one, what to do about it.
#[derive(Debug, Error)]
pub enum WorkbenchError {
    #[error("no article with id {0}; `factdesk list` shows the ids")]
    ArticleNotFound(i64),
    #[error("no claim or quotation with id {0}; `factdesk claims` shows the ids")]
    ClaimNotFound(i64),
    #[error("article {article} has no version {version}")]
    VersionNotFound { article: i64, version: i64 },
    #[error("{0}")]
    InvalidInput(String),
    #[error("{path} {message}")]
    File { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Report(#[from] factdesk_report::ReportError),
}

/// The one error shape that crosses IPC: `{kind, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
}

/// Broad classes of error, for the window to choose how to show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    InvalidInput,
    Io,
    Database,
    /// Another program held the database too long; trying again usually works.
    Busy,
    /// A bug: the message says what happened.
    Internal,
}

impl WorkbenchError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            WorkbenchError::ArticleNotFound(_)
            | WorkbenchError::VersionNotFound { .. }
            | WorkbenchError::ClaimNotFound(_) => ErrorKind::NotFound,
            WorkbenchError::Store(StoreError::NotFound { .. }) => ErrorKind::NotFound,
            WorkbenchError::Store(StoreError::Invalid(_)) => ErrorKind::InvalidInput,
            WorkbenchError::InvalidInput(_) | WorkbenchError::Report(_) => ErrorKind::InvalidInput,
            WorkbenchError::File { .. } => ErrorKind::Io,
            WorkbenchError::Store(e) if e.is_busy() => ErrorKind::Busy,
            WorkbenchError::Store(_) => ErrorKind::Database,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

impl From<WorkbenchError> for ErrorPayload {
    fn from(error: WorkbenchError) -> Self {
        error.payload()
    }
}
