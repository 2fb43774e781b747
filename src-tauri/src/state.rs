use factdesk_workbench::{DATABASE_ENV, ErrorKind, ErrorPayload, Workbench, database_path};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

/// What the commands share: the open workbench for reads and quick writes, the database
/// path for long imports (which use their own connection, so the window keeps answering),
/// and the flag that cancels an import.
///
/// When the database cannot be opened (a newer factdesk's, another program's file) the
/// window still opens and every command answers with the reason, so the user reads it
/// instead of seeing nothing happen.
pub struct AppState {
    workbench: Result<Mutex<Workbench>, ErrorPayload>,
    database: Option<PathBuf>,
    pub(crate) cancel_import: Arc<AtomicBool>,
    /// Files this window exported: the only ones it may open or show in their folder.
    pub(crate) exported: Mutex<HashSet<PathBuf>>,
}

impl AppState {
    /// Opens the database named by `$FACTDESK_DB`, or the default one shared with the CLI.
    pub fn from_environment() -> AppState {
        match database_path(None) {
            Some(path) => AppState::open(&path),
            None => AppState::unavailable(
                None,
                ErrorPayload {
                    kind: ErrorKind::Io,
                    message: format!(
                        "no home directory to keep the database in; set {DATABASE_ENV}"
                    ),
                },
            ),
        }
    }

    /// Opens the database at `path`; a failure is kept and reported by every command.
    pub fn open(path: &Path) -> AppState {
        match Workbench::open(path) {
            Ok(workbench) => AppState::new(workbench),
            Err(error) => AppState::unavailable(Some(path.to_path_buf()), error.payload()),
        }
    }

    pub fn new(workbench: Workbench) -> AppState {
        let database = workbench.database_path().map(Path::to_path_buf);
        AppState {
            workbench: Ok(Mutex::new(workbench)),
            database,
            cancel_import: Arc::new(AtomicBool::new(false)),
            exported: Mutex::default(),
        }
    }

    fn unavailable(database: Option<PathBuf>, error: ErrorPayload) -> AppState {
        AppState {
            workbench: Err(error),
            database,
            cancel_import: Arc::new(AtomicBool::new(false)),
            exported: Mutex::default(),
        }
    }

    /// The shared workbench. A panic while it was held cannot leave it half-changed (every
    /// write is a transaction), so a poisoned lock is taken over rather than propagated.
    pub(crate) fn workbench(&self) -> Result<MutexGuard<'_, Workbench>, ErrorPayload> {
        match &self.workbench {
            Ok(mutex) => Ok(mutex
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())),
            Err(error) => Err(error.clone()),
        }
    }

    /// The database file for a second connection, once the first one opened.
    pub(crate) fn database(&self) -> Result<Option<&Path>, ErrorPayload> {
        match &self.workbench {
            Ok(_) => Ok(self.database.as_deref()),
            Err(error) => Err(error.clone()),
        }
    }
}
