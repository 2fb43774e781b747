//! Schema migrations: the SQL files in `migrations/`, embedded at build time and applied in
//! order. The schema version lives in `PRAGMA user_version`; `PRAGMA application_id` marks
//! the file as factdesk's so that another program's database is never touched.

use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// One schema step.
pub struct Migration {
    /// The schema version this migration brings the database to.
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. Versions are 1, 2, 3, … without gaps.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../../../migrations/0001-initial.sql"),
    },
    Migration {
        version: 2,
        name: "analysis",
        sql: include_str!("../../../migrations/0002-analysis.sql"),
    },
    Migration {
        version: 3,
        name: "review-actions",
        sql: include_str!("../../../migrations/0003-review-actions.sql"),
    },
    Migration {
        version: 4,
        name: "claim-list",
        sql: include_str!("../../../migrations/0004-claim-list.sql"),
    },
    Migration {
        version: 5,
        name: "watch",
        sql: include_str!("../../../migrations/0005-watch.sql"),
    },
];

/// "FDK1": written into the file header so factdesk recognises its own databases.
pub const APPLICATION_ID: i32 = 0x4644_4B31;

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.query_row("PRAGMA application_id", [], |row| row.get(0))
}

fn has_foreign_tables(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
        [],
        |row| row.get(0),
    )
}

/// What [`migrate`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub from: u32,
    pub to: u32,
    /// The copy made before an existing database was changed.
    pub backup: Option<PathBuf>,
}

/// Brings the database to [`latest_version`]: refuses newer or foreign databases, backs up
/// an existing one (when `path` is a file) and applies all pending migrations in one
/// transaction, so a failure leaves the database as it was.
pub fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<Migrated, StoreError> {
    migrate_with(conn, path, MIGRATIONS)
}

/// [`migrate`] with an explicit migration list; tests use it to stand in for a future schema.
pub fn migrate_with(
    conn: &mut Connection,
    path: Option<&Path>,
    migrations: &[Migration],
) -> Result<Migrated, StoreError> {
    let latest = migrations.last().map_or(0, |m| m.version);
    let found = check_compatible(conn, latest)?;
    if found == latest {
        return Ok(Migrated {
            from: found,
            to: found,
            backup: None,
        });
    }
    let backup = match path {
        Some(path) if found > 0 => Some(back_up(conn, path, found)?),
        _ => None,
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while this one waited for the write lock.
    let current = check_compatible(&tx, latest)?;
    for migration in migrations.iter().filter(|m| m.version > current) {
        tx.execute_batch(migration.sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(Migrated {
        from: found,
        to: latest,
        backup,
    })
}

/// Returns the database's schema version when this build may open it.
fn check_compatible(conn: &Connection, latest: u32) -> Result<u32, StoreError> {
    let found = user_version(conn)?;
    let app_id = application_id(conn)?;
    let foreign = |detail: &str| StoreError::NotFactdesk {
        path: PathBuf::new(),
        detail: detail.to_string(),
    };
    if found == 0 {
        if app_id != APPLICATION_ID && has_foreign_tables(conn)? {
            return Err(foreign(" (it holds tables that factdesk did not create)"));
        }
    } else if app_id != APPLICATION_ID {
        return Err(foreign(" (another program's SQLite database)"));
    } else if found > latest {
        return Err(StoreError::NewerSchema {
            path: PathBuf::new(),
            found,
            supported: latest,
        });
    }
    Ok(found)
}

/// Copies the database to `<file>.v<N>.bak` (or `.v<N>-2.bak`, … if that exists) with
/// `VACUUM INTO`, which writes a consistent snapshot even while others read.
fn back_up(conn: &Connection, path: &Path, version: u32) -> Result<PathBuf, StoreError> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "factdesk".into());
    let mut attempt = 1;
    let target = loop {
        let suffix = if attempt == 1 {
            format!(".v{version}.bak")
        } else {
            format!(".v{version}-{attempt}.bak")
        };
        let candidate = path.with_file_name(format!("{file_name}{suffix}"));
        if !candidate.exists() {
            break candidate;
        }
        attempt += 1;
    };
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])
        .map_err(|source| StoreError::Backup {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(target)
}
