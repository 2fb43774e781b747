//! Checks watched articles for silent edits while the app runs: every minute it fetches the
//! articles due by the schedule (on a connection of its own) and tells the window about
//! each check, so the list and the open article update and a substantive edit is announced.

use factdesk_workbench::{WatchCheck, WatchSelection, Workbench, WorkbenchError};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Runtime};

/// The event that carries each [`WatchCheck`] to the window.
pub const WATCH_EVENT: &str = "watch-checked";

/// How often the watcher looks for due articles. Due times are minutes apart at the least;
/// `FACTDESK_WATCH_TICK_SECS` shortens it for tests.
fn tick() -> Duration {
    std::env::var("FACTDESK_WATCH_TICK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(60), Duration::from_secs)
}

/// Starts the watcher thread for the database at `database`. The first look comes soon
/// after start, for articles that fell due while the app was closed.
pub fn spawn<R: Runtime>(app: AppHandle<R>, database: PathBuf) {
    let every = tick();
    let spawned = std::thread::Builder::new()
        .name("factdesk-watch".into())
        .spawn(move || {
            std::thread::sleep(every.min(Duration::from_secs(10)));
            loop {
                // A failure (the database busy or gone) is tried again at the next tick;
                // failed fetches are recorded on their articles by the workbench.
                if let Ok(mut workbench) = Workbench::open(&database) {
                    let _ = check(&app, &mut workbench, WatchSelection::Due);
                }
                std::thread::sleep(every);
            }
        });
    if let Err(error) = spawned {
        eprintln!("factdesk: watched articles will not be checked while the app runs: {error}");
    }
}

/// Checks the selected watched articles, sending each check to the window as it finishes.
pub fn check<R: Runtime>(
    app: &AppHandle<R>,
    workbench: &mut Workbench,
    which: WatchSelection,
) -> Result<Vec<WatchCheck>, WorkbenchError> {
    workbench.check_watched(
        which,
        &mut |check| {
            let _ = app.emit(WATCH_EVENT, check);
        },
        &AtomicBool::new(false),
    )
}
