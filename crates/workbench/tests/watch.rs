//! Watching articles for silent edits, against a real HTTP server on loopback: the
//! schedule, cosmetic and substantive edits, the "changed since checked" flag, failures
//! that back off, and importing a file as a new version of a chosen article.

use factdesk_testkit::{reply, serve};
use factdesk_workbench::{
    ArticleQuery, Clock, ImportStatus, ReviewRequest, WatchSelection, Workbench, WorkbenchError,
};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// Serves whatever `page` holds at /berita; `None` answers 404.
fn serve_page(page: Arc<Mutex<Option<String>>>) -> String {
    serve(move |path| match (path, page.lock().unwrap().clone()) {
        ("/berita", Some(body)) => reply("200 OK", "text/html; charset=utf-8", body),
        _ => reply(
            "404 Not Found",
            "text/html; charset=utf-8",
            "<p>tidak ada</p>",
        ),
    })
}

/// A page published at 09:00 WIB on the day the test's clock starts (02:00 UTC).
fn page(price: &str, promo: &str) -> Option<String> {
    Some(format!(
        "<html lang=\"id\"><head><title>Harga gas naik</title><meta property=\"og:site_name\" content=\"Kabar Kota\">\
         <meta property=\"article:published_time\" content=\"2026-11-25T09:00:00+07:00\"></head><body><article><h1>Harga gas naik</h1>\
         <p>Harga gas elpiji tiga kilogram di tingkat pengecer naik menjadi {price} per tabung, kata seorang pedagang di pasar itu.</p>\
         <p>{promo}</p>\
         <p>Pemerintah kota mengatakan pasokan akan ditambah mulai pekan depan agar harga kembali turun seperti bulan lalu.</p></article></body></html>"
    ))
}

fn at(wb: Workbench, time: &str) -> Workbench {
    wb.with_clock(Clock::Fixed(time.into()))
}

fn check_due(wb: &mut Workbench) -> Vec<factdesk_workbench::WatchCheck> {
    wb.check_watched(WatchSelection::Due, &mut |_| {}, &AtomicBool::new(false))
        .unwrap()
}

fn changed_since_review(wb: &Workbench) -> Vec<i64> {
    let query = ArticleQuery {
        changed_since_review: true,
        ..Default::default()
    };
    wb.filtered_page(&query, 100, 0)
        .unwrap()
        .articles
        .iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn watched_articles_are_checked_on_schedule_and_substantive_edits_are_flagged() {
    let served = Arc::new(Mutex::new(page("Rp 25.000", "Baca juga: Antrean gas")));
    let base = serve_page(served.clone());
    let dir = tempfile::tempdir().unwrap();
    let wb = Workbench::open(&dir.path().join("wb.sqlite3")).unwrap();
    let mut wb = at(wb, "2026-11-25T10:00:00Z");

    // A page fetched from the web is watched from the start, first due by its age (8 hours
    // old: every 15 minutes).
    let id = wb
        .import_paths(&[format!("{base}/berita").into()])
        .outcomes
        .remove(0)
        .article_id
        .unwrap();
    let state = wb.watch_state(id).unwrap();
    assert!(state.watched);
    assert_eq!(state.checked_at.as_deref(), Some("2026-11-25T10:00:00Z"));
    assert_eq!(state.next_check_at.as_deref(), Some("2026-11-25T10:15:00Z"));
    assert!(check_due(&mut wb).is_empty(), "nothing is due yet");

    let claim = wb
        .article_analysis(id, wb.show(id, None).unwrap().versions[0].id)
        .unwrap()
        .claims
        .into_iter()
        .find(|c| c.text.contains("25.000"))
        .expect("the price is a claim");
    let mut wb = at(wb, "2026-11-25T10:05:00Z");
    wb.review(
        claim.id,
        &ReviewRequest {
            verdict: Some("false".into()),
            ..Default::default()
        },
    )
    .unwrap();

    // Boilerplate churn: a new version, marked cosmetic, and no flag.
    *served.lock().unwrap() = page("Rp 25.000", "Simak juga Video: Antrean gas");
    let mut wb = at(wb, "2026-11-25T10:20:00Z");
    let checks = check_due(&mut wb);
    assert_eq!(checks.len(), 1, "{checks:?}");
    assert_eq!(
        (checks[0].outcome.as_str(), checks[0].substantive),
        ("changed", Some(false)),
        "{checks:?}"
    );
    assert_eq!(
        checks[0].next_check_at.as_deref(),
        Some("2026-11-25T10:35:00Z")
    );
    let summary = wb.article(id).unwrap();
    assert_eq!(summary.edited_at, None);
    assert!(changed_since_review(&wb).is_empty());

    // A changed number after the review: flagged on the article and in the view.
    *served.lock().unwrap() = page("Rp 28.000", "Simak juga Video: Antrean gas");
    let mut wb = at(wb, "2026-11-25T10:40:00Z");
    let checks = check_due(&mut wb);
    assert_eq!(checks[0].substantive, Some(true), "{checks:?}");
    let summary = wb.article(id).unwrap();
    assert_eq!(summary.edited_at.as_deref(), Some("2026-11-25T10:40:00Z"));
    assert!(summary.changed_since_review);
    assert_eq!(changed_since_review(&wb), [id]);

    // Reviewing again after the edit clears the flag; the edit stays recorded.
    let mut wb = at(wb, "2026-11-25T10:45:00Z");
    wb.review(
        claim.id,
        &ReviewRequest {
            notes: Some("Harga diubah menjadi Rp 28.000 setelah terbit.".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(changed_since_review(&wb).is_empty());
    assert!(wb.article(id).unwrap().edited_at.is_some());

    // Four days on the article is checked every six hours; a dead page backs off.
    *served.lock().unwrap() = None;
    let mut wb = at(wb, "2026-11-29T10:00:00Z");
    let failed = check_due(&mut wb);
    assert_eq!(failed[0].outcome, "failed");
    assert!(
        failed[0].error.as_deref().unwrap_or("").contains("404"),
        "{failed:?}"
    );
    assert_eq!(
        failed[0].next_check_at.as_deref(),
        Some("2026-11-29T22:00:00Z"),
        "6 hours doubled after one failure"
    );
    let mut wb = at(wb, "2026-11-29T22:00:00Z");
    let failed = check_due(&mut wb);
    assert_eq!(
        failed[0].next_check_at.as_deref(),
        Some("2026-11-30T22:00:00Z"),
        "and doubled again"
    );
    let state = wb.watch_state(id).unwrap();
    assert_eq!(state.failures, 2);

    // A success clears the failures; unwatching takes it off the schedule.
    *served.lock().unwrap() = page("Rp 28.000", "Simak juga Video: Antrean gas");
    let checks = wb
        .check_watched(WatchSelection::All, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    assert_eq!(checks[0].outcome, "unchanged", "{checks:?}");
    assert_eq!(wb.watch_state(id).unwrap().failures, 0);
    let state = wb.watch(id, false).unwrap();
    assert!(!state.watched && state.next_check_at.is_none());
    assert!(wb.watched().unwrap().is_empty());
    let mut wb = at(wb, "2027-01-01T00:00:00Z");
    assert!(check_due(&mut wb).is_empty());
    assert_eq!(wb.versions(id).unwrap().len(), 3);
}

#[test]
fn a_check_that_is_cancelled_stops_between_articles() {
    let served = Arc::new(Mutex::new(page("Rp 25.000", "")));
    let base = serve_page(served);
    let dir = tempfile::tempdir().unwrap();
    let mut wb = at(
        Workbench::open(&dir.path().join("wb.sqlite3")).unwrap(),
        "2026-11-25T10:00:00Z",
    );
    wb.import_paths(&[format!("{base}/berita").into()]);
    let checks = wb
        .check_watched(WatchSelection::All, &mut |_| {}, &AtomicBool::new(true))
        .unwrap();
    assert!(checks.is_empty());
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_file_can_be_imported_as_a_new_version_of_a_chosen_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = at(
        Workbench::open(&dir.path().join("wb.sqlite3")).unwrap(),
        "2026-11-25T10:00:00Z",
    );
    let first = write(
        dir.path(),
        "banjir.txt",
        "Banjir merendam tiga desa\nBanjir merendam tiga desa di Kabupaten Lebak sejak Senin pagi, kata kepala desa Sukamaju.",
    );
    let id = wb.import_file(&first).article_id.unwrap();
    let error = wb.watch(id, true).unwrap_err().to_string();
    assert!(error.contains("no web address"), "{error}");

    let edited = write(
        dir.path(),
        "banjir-siang.txt",
        "Banjir merendam empat desa\nBanjir merendam empat desa di Kabupaten Lebak sejak Senin pagi, kata kepala desa Sukamaju.",
    );
    let mut wb = at(wb, "2026-11-25T13:00:00Z");
    let outcome = wb.import_as_version(id, &edited).unwrap();
    assert_eq!(outcome.status, ImportStatus::Imported);
    assert_eq!(outcome.article_id, Some(id));
    assert_eq!(wb.count().unwrap(), 1, "no second article");
    let diff = wb.compare_versions(id, None, None).unwrap();
    assert!(diff.substantive);
    assert!(
        diff.changes
            .iter()
            .any(|c| c.old == "tiga" && c.new == "empat"),
        "{:?}",
        diff.changes
    );
    assert_eq!(
        wb.article(id).unwrap().edited_at.as_deref(),
        Some("2026-11-25T13:00:00Z")
    );

    let again = wb.import_as_version(id, &edited).unwrap();
    assert_eq!(again.status, ImportStatus::Unchanged);

    let other = write(
        dir.path(),
        "gempa.txt",
        "Gempa di Lebak\nGempa bermagnitudo 5,1 mengguncang Lebak pada Selasa malam, menurut BMKG.",
    );
    let other_id = wb.import_file(&other).article_id.unwrap();
    let error = wb.import_as_version(id, &other).unwrap_err().to_string();
    assert!(
        error.contains("gempa.txt") && error.contains(&format!("article {other_id}")),
        "{error}"
    );
    assert!(matches!(
        wb.import_as_version(999, &edited),
        Err(WorkbenchError::ArticleNotFound(999))
    ));
    let missing = wb
        .import_as_version(id, &dir.path().join("tidak-ada.txt"))
        .unwrap_err()
        .to_string();
    assert!(missing.contains("tidak-ada.txt"), "{missing}");
    let records = write(
        dir.path(),
        "arsip.jsonl",
        "{\"title\": \"Banjir\", \"text\": \"Banjir merendam lima desa.\"}\n",
    );
    let many = wb.import_as_version(id, &records).unwrap_err().to_string();
    assert!(
        many.contains("arsip.jsonl") && many.contains("many articles"),
        "{many}"
    );
    assert_eq!(wb.versions(id).unwrap().len(), 2);
}

#[test]
fn the_schedule_is_a_preference_with_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::open(&dir.path().join("wb.sqlite3")).unwrap();
    assert_eq!(
        wb.watch_schedule().unwrap().to_string(),
        factdesk_core::watch::DEFAULT_SCHEDULE
    );
    assert_eq!(
        wb.set_watch_schedule("30m until 2d,  12h").unwrap(),
        "30m until 2d, 12h"
    );
    let error = wb.set_watch_schedule("every hour").unwrap_err().to_string();
    assert!(error.contains("not a duration"), "{error}");
    assert_eq!(
        wb.watch_schedule().unwrap().to_string(),
        "30m until 2d, 12h",
        "a bad schedule changes nothing"
    );
    wb.set_watch_schedule("").unwrap();
    assert_eq!(
        wb.watch_schedule().unwrap().to_string(),
        factdesk_core::watch::DEFAULT_SCHEDULE
    );
}
