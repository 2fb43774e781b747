//! factdesk's SQLite store: the one file that holds the workbench.
//!
//! The only crate that speaks SQL. Every connection gets the same PRAGMAs ([`Store::open`]),
//! the schema comes from the SQL migrations in `migrations/` embedded at build time
//! ([`migrate`]), and each write is one `IMMEDIATE` transaction so the desktop app and the
//! CLI can write to one database at the same time.

mod analysis;
mod articles;
mod claim_list;
mod claims;
mod error;
mod evidence;
pub mod migrate;
mod report;
mod review;
mod search;
mod speakers;
mod watch;

pub use analysis::ClaimFilter;
pub use articles::{ArticleFilter, Stored};
pub use claims::NewClaim;
pub use error::StoreError;
pub use report::{ArticleRecord, ClaimAnchor, EvidenceLink, ReportSelection, ReviewedClaim};
pub use review::{ReviewChange, ScaleVerdict};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another process's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open factdesk database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Where the claims view's pages start, for the last filters listed (`claim_list`).
    list_keys: std::cell::RefCell<Vec<claim_list::ListAnchors>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// An existing database is copied to a backup file before pending migrations run; a
    /// database written by a newer factdesk, or a file that is not a factdesk database, is
    /// refused and left untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::open(path, source))?;
        let mut store = Store {
            conn,
            list_keys: Default::default(),
            path: Some(path.to_path_buf()),
        };
        store.configure().map_err(|e| e.at(path))?;
        migrate::migrate(&mut store.conn, Some(path)).map_err(|e| e.at(path))?;
        Ok(store)
    }

    /// A fresh database in memory, for tests and one-shot commands.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()
            .map_err(|source| StoreError::open(Path::new(":memory:"), source))?;
        let mut store = Store {
            conn,
            path: None,
            list_keys: Default::default(),
        };
        store.configure()?;
        migrate::migrate(&mut store.conn, None)?;
        Ok(store)
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // journal_mode answers with a row, so it is queried rather than executed.
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        self.conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;",
        )?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(migrate::user_version(&self.conn)?)
    }
}
