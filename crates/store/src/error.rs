use std::path::{Path, PathBuf};
use thiserror::Error;

/// What can go wrong in the store. Messages name the database file where one is involved.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{path}: this database was written by a newer factdesk (schema version {found}; this build knows up to {supported}). It was not modified; update factdesk to open it."
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path} is not a factdesk database{detail}. It was not modified; choose another file with --db or FACTDESK_DB."
    )]
    NotFactdesk { path: PathBuf, detail: String },
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not back up {path} before upgrading it: {source}")]
    Backup {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("could not encode {what} for storage: {detail}")]
    Encode { what: &'static str, detail: String },
    #[error("stored capture of version {version_id} is damaged: {detail}")]
    DamagedCapture { version_id: i64, detail: String },
    #[error("the archived bytes of source {source_id} are damaged: {detail}")]
    DamagedSource { source_id: i64, detail: String },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    /// A request the data does not allow; the message says why.
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> StoreError {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Attaches the database path to errors that were raised without it.
    pub(crate) fn at(self, path: &Path) -> StoreError {
        match self {
            StoreError::Sql(source) if is_not_a_database(&source) => StoreError::NotFactdesk {
                path: path.to_path_buf(),
                detail: " (the file is not an SQLite database)".into(),
            },
            StoreError::Sql(source) => StoreError::Open {
                path: path.to_path_buf(),
                source,
            },
            StoreError::NotFactdesk { detail, .. } => StoreError::NotFactdesk {
                path: path.to_path_buf(),
                detail,
            },
            StoreError::NewerSchema {
                found, supported, ..
            } => StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported,
            },
            other => other,
        }
    }

    /// True when another writer held the database for longer than the busy timeout.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sql(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::DatabaseBusy)
    }
}

fn is_not_a_database(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase)
}
