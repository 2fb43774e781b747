//! Importing from URLs against a real HTTP server on loopback.

use factdesk_workbench::{Clock, ImportStatus, Workbench};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// Serves whatever `page` holds at /berita (404 elsewhere) until the test ends.
fn serve(page: Arc<Mutex<String>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            while let Ok(n) = reader.read_line(&mut String::new()) {
                if n <= 2 {
                    break;
                }
            }
            let found = request.split_whitespace().nth(1) == Some("/berita");
            let body = if found { page.lock().unwrap().clone() } else { "<p>tidak ada</p>".into() };
            let status = if found { "200 OK" } else { "404 Not Found" };
            let head = format!("HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    base
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
    let base = serve(served.clone());
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::open(&dir.path().join("wb.sqlite3")).unwrap().with_clock(Clock::Fixed("2026-11-25T10:00:00Z".into()));
    let url = format!("{base}/berita");

    let first = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(first.status, ImportStatus::Imported, "{first:?}");
    let id = first.article_id.unwrap();
    let detail = wb.show(id, None).unwrap();
    assert_eq!(detail.article.title, "Harga gas naik");
    assert_eq!(detail.article.site.as_deref(), Some("Kabar Kota"));
    assert_eq!(detail.article.url.as_deref(), Some(url.as_str()));
    assert_eq!(detail.article.published.as_deref(), Some("2025-06-18T14:05:00+07:00"));
    assert!(detail.text.contains("Rp 25.000 per tabung"), "{}", detail.text);
    assert!(!detail.text.contains("Baca juga"), "{}", detail.text);
    assert_eq!(detail.versions[0].source_kind, factdesk_core::SourceKind::Url);
    assert_eq!(detail.versions[0].media_type, "text/html");

    let again = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(again.status, ImportStatus::Unchanged);

    *served.lock().unwrap() = page("Rp 27.500");
    let edited = wb.import_paths(&[url.clone().into()]).outcomes.remove(0);
    assert_eq!(edited.status, ImportStatus::Imported);
    assert_eq!(edited.article_id, Some(id), "an edited page is a new version of the same article");
    let detail = wb.show(id, None).unwrap();
    assert_eq!(detail.versions.len(), 2);
    assert!(detail.text.contains("Rp 27.500"));

    let missing = wb.import_paths(&[format!("{base}/hilang").into()]).outcomes.remove(0);
    assert_eq!(missing.status, ImportStatus::Error);
    assert_eq!(missing.error.as_deref(), Some(format!("{base}/hilang answered 404 Not Found").as_str()));
    assert_eq!(wb.count().unwrap(), 1);
}
