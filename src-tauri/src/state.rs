use factdesk_workbench::{DATABASE_ENV, Workbench, WorkbenchError, database_path};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

/// What the commands share: the open workbench for reads and quick writes, the database
/// path for long imports (which use their own connection, so the window keeps answering),
/// and the flag that cancels an import.
pub struct AppState {
    workbench: Mutex<Workbench>,
    database: Option<PathBuf>,
    pub(crate) cancel_import: Arc<AtomicBool>,
}

impl AppState {
    /// Opens the database named by `$FACTDESK_DB`, or the default one shared with the CLI.
    pub fn from_environment() -> Result<AppState, String> {
        let path = database_path(None)
            .ok_or_else(|| format!("no home directory to keep the database in; set {DATABASE_ENV}"))?;
        AppState::open(&path).map_err(|e| e.to_string())
    }

    pub fn open(path: &Path) -> Result<AppState, WorkbenchError> {
        Ok(AppState::new(Workbench::open(path)?))
    }

    pub fn new(workbench: Workbench) -> AppState {
        let database = workbench.database_path().map(Path::to_path_buf);
        AppState { workbench: Mutex::new(workbench), database, cancel_import: Arc::new(AtomicBool::new(false)) }
    }

    /// The shared workbench. A panic while it was held cannot leave it half-changed (every
    /// write is a transaction), so a poisoned lock is taken over rather than propagated.
    pub(crate) fn workbench(&self) -> MutexGuard<'_, Workbench> {
        self.workbench.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn database(&self) -> Option<&Path> {
        self.database.as_deref()
    }
}
