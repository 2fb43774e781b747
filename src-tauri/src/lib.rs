//! The factdesk desktop app. Only this crate knows Tauri; every command is a thin call into
//! `factdesk_workbench` (see `commands`).

pub mod commands;
mod state;
pub mod watcher;

pub use state::AppState;

use tauri::{Manager, Runtime};

/// Registers factdesk's state and commands on a builder. The real app and the command tests
/// (on Tauri's mock runtime) both start from here.
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::import_paths,
            commands::cancel_import,
            commands::list_articles,
            commands::search_articles,
            commands::open_article,
            commands::article_analysis,
            commands::review_claim,
            commands::list_claims,
            commands::mark_claim,
            commands::claim_history,
            commands::undo,
            commands::ratings,
            commands::reviewer,
            commands::set_reviewer,
            commands::app_info,
            commands::add_source,
            commands::list_sources,
            commands::claim_links,
            commands::link_claim,
            commands::unlink_claim,
            commands::list_speakers,
            commands::speaker_page,
            commands::merge_speakers,
            commands::split_claim,
            commands::merge_claims,
            commands::list_scales,
            commands::use_scale,
            commands::link_match,
            commands::judge_match,
            commands::quote_sightings,
            commands::source_text,
            commands::choose_passage,
            commands::export_report,
            commands::open_export,
            commands::article_versions,
            commands::compare_versions,
            commands::refresh_article,
            commands::organisation,
            commands::set_organisation,
            commands::watch_state,
            commands::watch_article,
            commands::check_watched,
            commands::watch_schedule,
            commands::set_watch_schedule,
            commands::import_version,
            commands::define_scale,
        ])
}

/// Starts the desktop app on the database from `$FACTDESK_DB` or the default location.
pub fn run() {
    let state = AppState::from_environment();
    let app = configure(
        tauri::Builder::default()
            .plugin(tauri_plugin_dialog::init())
            .plugin(tauri_plugin_opener::init())
            // The window opens at the size and place it had when it was last closed.
            .plugin(tauri_plugin_window_state::Builder::default().build())
            .setup(|app| {
                // Watched articles are checked while the app runs.
                let state = app.state::<AppState>();
                if let Ok(Some(database)) = state.database() {
                    watcher::spawn(app.handle().clone(), database.to_path_buf());
                }
                Ok(())
            }),
        state,
    )
    .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("factdesk: the window could not start: {error}");
        std::process::exit(1);
    }
}
