//! Where the workbench database lives. The CLI and the desktop app resolve it the same way,
//! so by default they share one database.

use std::path::PathBuf;

/// Environment variable that names the database file (overridden by `--db`).
pub const DATABASE_ENV: &str = "FACTDESK_DB";

/// The default database: `factdesk.sqlite3` in the user's data directory
/// (`~/.local/share/factdesk/` on Linux).
pub fn default_database_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "factdesk", "factdesk")
        .map(|dirs| dirs.data_dir().join("factdesk.sqlite3"))
}

/// The database to use: `explicit` (a `--db` flag) first, then `$FACTDESK_DB`, then the default.
pub fn database_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATABASE_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_database_path)
}
