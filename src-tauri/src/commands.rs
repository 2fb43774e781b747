//! Tauri commands: each one calls a workbench use case and maps its error to the one IPC
//! error shape, `{kind, message}`. Commands are `async` so that work runs off the main
//! thread and the window keeps painting; long work goes to a blocking thread.

use crate::AppState;
use factdesk_core::WatchState;
use factdesk_core::{ArticleDetail, SearchHit};
use factdesk_core::{AuditEvent, EvidenceLink, Relation, SourceInfo, SpeakerInfo, StoredClaim};
use factdesk_workbench::{
    AddedSource, ExportOutcome, ExportRequest, LinkMatch, QuoteSighting, Scale, SourceInput,
    SpeakerPage,
};
use factdesk_workbench::{
    AppInfo, ArticleAnalysis, ArticlePage, ArticleQuery, ClaimPage, ClaimQuery, ErrorKind,
    ErrorPayload, ImportProgress, ImportReport, Rating, ReviewRequest, Workbench,
};
use factdesk_workbench::{ImportOutcome, WatchCheck, WatchSelection, WorkbenchError};
use factdesk_workbench::{Organisation, RefreshOutcome, VersionDiff, VersionEntry};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Runtime, State};

/// The event that carries [`ImportProgress`] to the window.
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";

/// Lists at most this many rows per call, whatever the window asks for.
const MAX_PAGE: usize = 1_000;

fn internal(message: impl ToString) -> ErrorPayload {
    ErrorPayload {
        kind: ErrorKind::Internal,
        message: message.to_string(),
    }
}

/// Imports files and folders, reporting progress; returns what happened to each input.
#[tauri::command]
pub async fn import_paths<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<ImportReport, ErrorPayload> {
    let cancel = state.cancel_import.clone();
    cancel.store(false, Ordering::SeqCst);
    let Some(database) = state.database()?.map(PathBuf::from) else {
        // An in-memory workbench has only the shared connection.
        return Ok(state.workbench()?.import_paths(&paths));
    };
    tauri::async_runtime::spawn_blocking(move || {
        // A connection of its own: the window's reads are not queued behind the import.
        let mut workbench = Workbench::open(&database)?;
        let mut last_sent: Option<Instant> = None;
        let mut report_progress = |progress: ImportProgress| {
            let due = last_sent.is_none_or(|at| at.elapsed() >= Duration::from_millis(100));
            if due || progress.done == progress.total {
                last_sent = Some(Instant::now());
                let _ = app.emit(IMPORT_PROGRESS_EVENT, progress);
            }
        };
        Ok(workbench.import_paths_with(&paths, &mut report_progress, &cancel))
    })
    .await
    .map_err(internal)?
    .map_err(|e: factdesk_workbench::WorkbenchError| e.payload())
}

/// Asks a running import to stop after the file it is on.
#[tauri::command]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<(), ErrorPayload> {
    state.cancel_import.store(true, Ordering::SeqCst);
    Ok(())
}

/// A page of the article list, newest first, optionally filtered.
#[tauri::command]
pub async fn list_articles(
    state: State<'_, AppState>,
    offset: usize,
    limit: usize,
    query: Option<ArticleQuery>,
) -> Result<ArticlePage, ErrorPayload> {
    let workbench = state.workbench()?;
    Ok(match query {
        Some(query) => workbench.filtered_page(&query, limit.min(MAX_PAGE), offset)?,
        None => workbench.page(limit.min(MAX_PAGE), offset)?,
    })
}

/// Articles matching what the user typed.
#[tauri::command]
pub async fn search_articles(
    state: State<'_, AppState>,
    query: String,
    limit: usize,
    filter: Option<ArticleQuery>,
) -> Result<Vec<SearchHit>, ErrorPayload> {
    let workbench = state.workbench()?;
    Ok(match filter {
        Some(filter) => workbench.search_filtered(&query, limit.min(MAX_PAGE), &filter)?,
        None => workbench.search(&query, limit.min(MAX_PAGE))?,
    })
}

/// An article with the text of one of its versions (the newest when `version` is absent).
#[tauri::command]
pub async fn open_article(
    state: State<'_, AppState>,
    id: i64,
    version: Option<i64>,
) -> Result<ArticleDetail, ErrorPayload> {
    Ok(state.workbench()?.show(id, version)?)
}

/// The claims, quotations with speakers, consistency checks and speakers of an article
/// version, analysing it first if it was stored before the current analyser.
#[tauri::command]
pub async fn article_analysis(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<ArticleAnalysis, ErrorPayload> {
    Ok(state.workbench()?.article_analysis(id, version)?)
}

/// Applies a checker's change to a claim (verdict, status, notes, accept or reject); the
/// audit trail records it under the reviewer's name.
#[tauri::command]
pub async fn review_claim(
    state: State<'_, AppState>,
    claim: i64,
    request: ReviewRequest,
) -> Result<StoredClaim, ErrorPayload> {
    Ok(state.workbench()?.review(claim, &request)?)
}

/// A page of the claims view across all articles.
#[tauri::command]
pub async fn list_claims(
    state: State<'_, AppState>,
    query: ClaimQuery,
    offset: usize,
    limit: usize,
) -> Result<ClaimPage, ErrorPayload> {
    Ok(state
        .workbench()?
        .claim_page(&query, limit.min(MAX_PAGE), offset)?)
}

/// Marks a stretch of an article version's text (code point offsets) as a claim or quotation.
#[tauri::command]
pub async fn mark_claim(
    state: State<'_, AppState>,
    article: i64,
    version: i64,
    kind: String,
    start: usize,
    end: usize,
) -> Result<StoredClaim, ErrorPayload> {
    Ok(state
        .workbench()?
        .mark(article, version, &kind, start, end)?)
}

/// Who changed what on a claim, oldest first.
#[tauri::command]
pub async fn claim_history(
    state: State<'_, AppState>,
    claim: i64,
) -> Result<Vec<AuditEvent>, ErrorPayload> {
    Ok(state.workbench()?.history(claim)?)
}

/// Undoes the last review change; `null` when there is nothing to undo.
#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> Result<Option<String>, ErrorPayload> {
    Ok(state.workbench()?.undo()?)
}

/// The rating scale's verdicts with their English and Indonesian labels.
#[tauri::command]
pub async fn ratings(state: State<'_, AppState>) -> Result<Vec<Rating>, ErrorPayload> {
    Ok(state.workbench()?.ratings()?)
}

/// The name the audit trail records for this desk.
#[tauri::command]
pub async fn reviewer(state: State<'_, AppState>) -> Result<String, ErrorPayload> {
    Ok(state.workbench()?.reviewer()?)
}

/// Sets the name the audit trail records; returns it as stored.
#[tauri::command]
pub async fn set_reviewer(
    state: State<'_, AppState>,
    name: String,
) -> Result<String, ErrorPayload> {
    let mut workbench = state.workbench()?;
    workbench.set_reviewer(&name)?;
    Ok(workbench.reviewer()?)
}

/// factdesk's version and the database in use.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorPayload> {
    Ok(state.workbench()?.info()?)
}

/// Archives a source of evidence. A web page is fetched on a connection of its own, off the
/// window's thread, so the window keeps answering while it downloads.
#[tauri::command]
pub async fn add_source(
    state: State<'_, AppState>,
    input: SourceInput,
) -> Result<AddedSource, ErrorPayload> {
    on_own_connection(&state, move |wb| wb.add_source(&input)).await
}

/// Runs `work` on a connection of its own in a blocking thread, so that fetching and other
/// long work do not hold up the window's other calls. An in-memory workbench (tests) has
/// only the shared connection.
async fn on_own_connection<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut Workbench) -> Result<T, WorkbenchError> + Send + 'static,
) -> Result<T, ErrorPayload> {
    let Some(database) = state.database()?.map(PathBuf::from) else {
        return Ok(work(&mut *state.workbench()?)?);
    };
    tauri::async_runtime::spawn_blocking(move || work(&mut Workbench::open(&database)?))
        .await
        .map_err(internal)?
        .map_err(|e| e.payload())
}

/// Every archived source, newest first.
#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> Result<Vec<SourceInfo>, ErrorPayload> {
    Ok(state.workbench()?.sources()?)
}

/// A claim's evidence links.
#[tauri::command]
pub async fn claim_links(
    state: State<'_, AppState>,
    claim: i64,
) -> Result<Vec<EvidenceLink>, ErrorPayload> {
    Ok(state.workbench()?.links(claim)?)
}

/// Links a claim to a source (or changes the link); returns the claim's links.
#[tauri::command]
pub async fn link_claim(
    state: State<'_, AppState>,
    claim: i64,
    source: i64,
    relation: Relation,
    note: String,
) -> Result<Vec<EvidenceLink>, ErrorPayload> {
    Ok(state.workbench()?.link(claim, source, relation, &note)?)
}

/// Removes a claim's link to a source; returns the claim's links.
#[tauri::command]
pub async fn unlink_claim(
    state: State<'_, AppState>,
    claim: i64,
    source: i64,
) -> Result<Vec<EvidenceLink>, ErrorPayload> {
    Ok(state.workbench()?.unlink(claim, source)?)
}

/// Speakers whose name or another name contains `name`, most quoted first.
#[tauri::command]
pub async fn list_speakers(
    state: State<'_, AppState>,
    name: String,
    limit: usize,
) -> Result<Vec<SpeakerInfo>, ErrorPayload> {
    Ok(state.workbench()?.speakers(&name, limit.min(MAX_PAGE))?)
}

/// A speaker's page: names, roles, quotations with verdicts and sources.
#[tauri::command]
pub async fn speaker_page(
    state: State<'_, AppState>,
    id: i64,
) -> Result<SpeakerPage, ErrorPayload> {
    Ok(state.workbench()?.speaker_page(id)?)
}

/// Merges speaker `from` into `into`; returns `into`'s page.
#[tauri::command]
pub async fn merge_speakers(
    state: State<'_, AppState>,
    into: i64,
    from: i64,
) -> Result<SpeakerPage, ErrorPayload> {
    Ok(state.workbench()?.merge_speakers(into, from)?)
}

/// Splits a claim after `at` characters of its text; returns both parts.
#[tauri::command]
pub async fn split_claim(
    state: State<'_, AppState>,
    claim: i64,
    at: usize,
) -> Result<Vec<StoredClaim>, ErrorPayload> {
    Ok(state.workbench()?.split(claim, at)?)
}

/// Merges `other` into `claim`; returns the merged claim.
#[tauri::command]
pub async fn merge_claims(
    state: State<'_, AppState>,
    claim: i64,
    other: i64,
) -> Result<StoredClaim, ErrorPayload> {
    Ok(state.workbench()?.merge(claim, other)?)
}

/// The rating scales, the one in use marked.
#[tauri::command]
pub async fn list_scales(state: State<'_, AppState>) -> Result<Vec<Scale>, ErrorPayload> {
    Ok(state.workbench()?.scales()?)
}

/// Makes reviews use another rating scale; returns the scales.
#[tauri::command]
pub async fn use_scale(
    state: State<'_, AppState>,
    name: String,
) -> Result<Vec<Scale>, ErrorPayload> {
    Ok(state.workbench()?.use_scale(&name)?)
}

/// Where a claim's words are in a linked source and how they differ.
#[tauri::command]
pub async fn link_match(
    state: State<'_, AppState>,
    claim: i64,
    source: i64,
) -> Result<LinkMatch, ErrorPayload> {
    Ok(state.workbench()?.link_match(claim, source)?)
}

/// Records the checker's judgement of a link's match; returns the claim's links.
#[tauri::command]
pub async fn judge_match(
    state: State<'_, AppState>,
    claim: i64,
    source: i64,
    class: String,
) -> Result<Vec<EvidenceLink>, ErrorPayload> {
    Ok(state.workbench()?.judge_match(claim, source, &class)?)
}

/// Where else a claim's words appear in the workbench, oldest first.
#[tauri::command]
pub async fn quote_sightings(
    state: State<'_, AppState>,
    claim: i64,
) -> Result<Vec<QuoteSighting>, ErrorPayload> {
    Ok(state.workbench()?.sightings(claim, 50)?)
}

/// The text of a source, for picking a passage in it.
#[tauri::command]
pub async fn source_text(state: State<'_, AppState>, source: i64) -> Result<String, ErrorPayload> {
    Ok(state.workbench()?.source_text(source)?)
}

/// Makes a passage of a linked source the one a claim came from; returns the claim's links.
#[tauri::command]
pub async fn choose_passage(
    state: State<'_, AppState>,
    claim: i64,
    source: i64,
    start: usize,
    end: usize,
) -> Result<Vec<EvidenceLink>, ErrorPayload> {
    Ok(state
        .workbench()?
        .choose_passage(claim, source, start, end)?)
}

/// Writes a verification report; the file it wrote may then be opened from the window.
#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportOutcome, ErrorPayload> {
    let outcome = state.workbench()?.export(&request)?;
    state
        .exported
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(PathBuf::from(&outcome.path));
    Ok(outcome)
}

/// Opens a report this window exported with the system's application for it, or (`reveal`)
/// shows it in its folder. Other paths are refused: the window cannot open arbitrary files.
#[tauri::command]
pub async fn open_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    reveal: bool,
) -> Result<(), ErrorPayload> {
    use tauri_plugin_opener::OpenerExt;
    let path = PathBuf::from(path);
    if !state
        .exported
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .contains(&path)
    {
        return Err(ErrorPayload {
            kind: ErrorKind::InvalidInput,
            message: format!("{} was not exported from this window", path.display()),
        });
    }
    let opened = if reveal {
        app.opener().reveal_item_in_dir(&path)
    } else {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
    };
    opened.map_err(|e| ErrorPayload {
        kind: ErrorKind::Io,
        message: format!("{} could not be opened: {e}", path.display()),
    })
}

/// An article's versions, oldest first, each with how it differs from the one before.
#[tauri::command]
pub async fn article_versions(
    state: State<'_, AppState>,
    article: i64,
) -> Result<Vec<VersionEntry>, ErrorPayload> {
    Ok(state.workbench()?.versions(article)?)
}

/// What changed between two stored versions (the newest and the one before by default).
#[tauri::command]
pub async fn compare_versions(
    state: State<'_, AppState>,
    article: i64,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<VersionDiff, ErrorPayload> {
    Ok(state.workbench()?.compare_versions(article, from, to)?)
}

/// Fetches an article's web address again, on a connection of its own; a changed page
/// becomes a new version.
#[tauri::command]
pub async fn refresh_article(
    state: State<'_, AppState>,
    article: i64,
) -> Result<RefreshOutcome, ErrorPayload> {
    on_own_connection(&state, move |wb| wb.refresh(article)).await
}

/// Where watching an article for edits stands.
#[tauri::command]
pub async fn watch_state(
    state: State<'_, AppState>,
    article: i64,
) -> Result<WatchState, ErrorPayload> {
    Ok(state.workbench()?.watch_state(article)?)
}

/// Starts or stops watching an article for silent edits.
#[tauri::command]
pub async fn watch_article(
    state: State<'_, AppState>,
    article: i64,
    on: bool,
) -> Result<WatchState, ErrorPayload> {
    Ok(state.workbench()?.watch(article, on)?)
}

/// Fetches the watched articles again now (all of them, or those due), each check sent to
/// the window as a [`crate::watcher::WATCH_EVENT`] as it finishes.
#[tauri::command]
pub async fn check_watched<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    all: bool,
) -> Result<Vec<WatchCheck>, ErrorPayload> {
    let which = if all {
        WatchSelection::All
    } else {
        WatchSelection::Due
    };
    on_own_connection(&state, move |wb| crate::watcher::check(&app, wb, which)).await
}

/// The schedule watched articles are checked on, as text.
#[tauri::command]
pub async fn watch_schedule(state: State<'_, AppState>) -> Result<String, ErrorPayload> {
    Ok(state.workbench()?.watch_schedule()?.to_string())
}

/// Sets the watch schedule (empty: the built-in one); returns it as saved.
#[tauri::command]
pub async fn set_watch_schedule(
    state: State<'_, AppState>,
    schedule: String,
) -> Result<String, ErrorPayload> {
    Ok(state.workbench()?.set_watch_schedule(&schedule)?)
}

/// Imports a saved page, text file or web address as a new version of a chosen article.
#[tauri::command]
pub async fn import_version(
    state: State<'_, AppState>,
    article: i64,
    path: PathBuf,
) -> Result<ImportOutcome, ErrorPayload> {
    on_own_connection(&state, move |wb| wb.import_as_version(article, &path)).await
}

/// Defines a rating scale from the text of a scale file; returns the scales.
#[tauri::command]
pub async fn define_scale(
    state: State<'_, AppState>,
    name: String,
    verdicts: String,
) -> Result<Vec<Scale>, ErrorPayload> {
    Ok(state.workbench()?.define_scale_text(&name, &verdicts)?)
}

/// The organisation named as the author of reports and ClaimReviews, if set.
#[tauri::command]
pub async fn organisation(
    state: State<'_, AppState>,
) -> Result<Option<Organisation>, ErrorPayload> {
    Ok(state.workbench()?.organisation()?)
}

/// Sets the organisation named as the author of reports and ClaimReviews.
#[tauri::command]
pub async fn set_organisation(
    state: State<'_, AppState>,
    name: String,
    url: Option<String>,
) -> Result<Organisation, ErrorPayload> {
    let url = url.filter(|u| !u.trim().is_empty());
    Ok(state.workbench()?.set_organisation(&name, url.as_deref())?)
}
