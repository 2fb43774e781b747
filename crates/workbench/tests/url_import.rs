//! Importing from URLs against a real HTTP server on loopback.

use factdesk_testkit::{reply, serve};
use factdesk_workbench::{Clock, ImportStatus, Workbench};
use std::sync::{Arc, Mutex};

/// Serves whatever `page` holds at /berita (404 elsewhere) until the test ends.
fn serve_page(page: Arc<Mutex<String>>) -> String {
    serve(move |path| match path {
        "/berita" => reply(
            "200 OK",
            "text/html; charset=utf-8",
            page.lock().unwrap().clone(),
        ),
        _ => reply(
            "404 Not Found",
            "text/html; charset=utf-8",
            "<p>tidak ada</p>",
        ),
    })
}

fn page(price: &str) -> String {
    format!(
        "<html lang=\"id\"><head><title>Harga gas naik</title><meta property=\"og:site_name\" content=\"Kabar Kota\">\
         <meta property=\"article:published_time\" content=\"2025-06-18T14:05:00+07:00\"></head><body><article><h1>Harga gas naik</h1>\
         <p>Harga gas elpiji tiga kilogram di tingkat pengecer naik menjadi {price} per tabung, kata seorang pedagang di pasar itu.</p>\
         <p>Baca juga: Antrean gas di kota sebelah</p>\
         <p>Pemerintah kota mengatakan pasokan akan ditambah mulai pekan depan agar harga kembali turun seperti bulan lalu.</p></article></body></html>"
    )
}

#[test]
fn a_fetched_page_becomes_an_article_and_an_edit_becomes_its_next_version() {
    let served = Arc::new(Mutex::new(page("Rp 25.000")));
    let base = serve_page(served.clone());
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::open(&dir.path().join("wb.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed("2026-11-25T10:00:00Z".into()));
    let url = format!("{base}/berita");

    let first = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(first.status, ImportStatus::Imported, "{first:?}");
    let id = first.article_id.unwrap();
    let detail = wb.show(id, None).unwrap();
    assert_eq!(detail.article.title, "Harga gas naik");
    assert_eq!(detail.article.site.as_deref(), Some("Kabar Kota"));
    assert_eq!(detail.article.url.as_deref(), Some(url.as_str()));
    assert_eq!(
        detail.article.published.as_deref(),
        Some("2025-06-18T14:05:00+07:00")
    );
    assert!(
        detail.text.contains("Rp 25.000 per tabung"),
        "{}",
        detail.text
    );
    assert!(!detail.text.contains("Baca juga"), "{}", detail.text);
    assert_eq!(
        detail.versions[0].source_kind,
        factdesk_core::SourceKind::Url
    );
    assert_eq!(detail.versions[0].media_type, "text/html");

    let again = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(again.status, ImportStatus::Unchanged);

    *served.lock().unwrap() = page("Rp 27.500");
    let edited = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(edited.status, ImportStatus::Imported);
    assert_eq!(
        edited.article_id,
        Some(id),
        "an edited page is a new version of the same article"
    );
    let detail = wb.show(id, None).unwrap();
    assert_eq!(detail.versions.len(), 2);
    assert!(detail.text.contains("Rp 27.500"));

    let missing = wb
        .import_paths(&[format!("{base}/hilang").into()])
        .outcomes
        .remove(0);
    assert_eq!(missing.status, ImportStatus::Error);
    assert_eq!(
        missing.error.as_deref(),
        Some(format!("{base}/hilang answered 404 Not Found").as_str())
    );
    assert_eq!(wb.count().unwrap(), 1);
}

#[test]
fn refresh_fetches_again_and_shows_what_changed() {
    let served = Arc::new(Mutex::new(page("Rp 25.000")));
    let base = serve_page(served.clone());
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::open(&dir.path().join("wb.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed("2026-11-25T10:00:00Z".into()));
    let id = wb
        .import_paths(&[format!("{base}/berita").into()])
        .outcomes
        .remove(0)
        .article_id
        .unwrap();

    let same = wb.refresh(id).unwrap();
    assert_eq!(same.import.status, ImportStatus::Unchanged);
    assert!(same.diff.is_none());

    *served.lock().unwrap() = page("Rp 28.000");
    let changed = wb.refresh(id).unwrap();
    assert_eq!(changed.import.status, ImportStatus::Imported, "{changed:?}");
    let diff = changed.diff.expect("a new version comes with its diff");
    assert!(diff.substantive);
    assert!(
        diff.changes
            .iter()
            .any(|c| c.old == "25.000" && c.new == "28.000"),
        "{:?}",
        diff.changes
    );
    let price = diff
        .claims_affected
        .iter()
        .find(|c| c.text.contains("25.000"))
        .expect("the price claim is affected");
    assert_eq!(price.status, factdesk_core::anchor::AnchorStatus::Edited);
    assert_eq!(wb.versions(id).unwrap().len(), 2);

    let from_file = {
        let file = dir.path().join("catatan.txt");
        std::fs::write(
            &file,
            "Catatan rapat\nRapat dimulai pukul sembilan dan selesai siang hari.",
        )
        .unwrap();
        wb.import_file(&file).article_id.unwrap()
    };
    let error = wb.refresh(from_file).unwrap_err().to_string();
    assert!(error.contains("not captured from a web address"), "{error}");
}
