//! Fetching against a real HTTP server on loopback that each test starts: redirects, loops,
//! errors, slow answers, huge bodies, wrong content types and charsets.

use factdesk_ingest::{FetchError, FetchLimits, Fetcher, extract_html};
use factdesk_testkit::{Reply, redirect, reply, serve};
use std::net::TcpListener;
use std::time::Duration;

fn fetcher() -> Fetcher {
    Fetcher::new(FetchLimits {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        max_redirects: 4,
        max_bytes: 1024 * 1024,
    })
}

const PAGE_1252: &[u8] = b"<html><head><title>Caf\xe9 tutup</title></head><body><article><h1>Caf\xe9 tutup</h1>\
<p>Pemilik kafe itu mengatakan \x93harga sewa naik terlalu tinggi\x94 sehingga usaha yang sudah berjalan sepuluh tahun harus ditutup pekan ini.</p>\
<p>Ia berharap pemerintah kota meninjau kembali aturan sewa kios di kawasan pasar lama yang menjadi tempat usaha banyak pedagang kecil.</p></article></body></html>";

#[test]
fn a_page_in_a_legacy_charset_named_only_by_the_header() {
    let base = serve(|path| match path {
        "/kafe" => reply("200 OK", "text/html; charset=windows-1252", PAGE_1252),
        _ => reply("404 Not Found", "text/plain", "no"),
    });
    let fetched = fetcher().fetch(&format!("{base}/kafe")).unwrap();
    assert_eq!(
        fetched.content_type.as_deref(),
        Some("text/html; charset=windows-1252")
    );
    let page = extract_html(
        &fetched.bytes,
        fetched.content_type.as_deref(),
        Some(&fetched.final_url),
    )
    .unwrap();
    assert!(
        page.body.contains("“harga sewa naik terlalu tinggi”"),
        "{}",
        page.body
    );
    assert_eq!(page.encoding, "windows-1252");
}

#[test]
fn redirects_are_followed_and_loops_are_stopped() {
    let base = serve(|path| match path {
        "/old" => redirect("/new"),
        "/new" => reply("200 OK", "text/html; charset=utf-8", "<p>baru</p>"),
        "/loop-a" => redirect("/loop-b"),
        _ => redirect("/loop-a"),
    });
    let fetched = fetcher().fetch(&format!("{base}/old")).unwrap();
    assert!(fetched.final_url.ends_with("/new"), "{}", fetched.final_url);
    assert_eq!(fetched.bytes, b"<p>baru</p>");
    assert_eq!(
        fetcher().fetch(&format!("{base}/loop-a")),
        Err(FetchError::TooManyRedirects(4))
    );
}

#[test]
fn http_errors_name_the_status() {
    let base = serve(|_| reply("404 Not Found", "text/html", "<p>tidak ada</p>"));
    let error = fetcher().fetch(&format!("{base}/hilang")).unwrap_err();
    assert_eq!(error, FetchError::Status("404 Not Found".into()));
    assert_eq!(
        format!("{base}/hilang {error}"),
        format!("{base}/hilang answered 404 Not Found")
    );
}

#[test]
fn slow_servers_time_out() {
    let base = serve(|_| Reply {
        delay: Duration::from_secs(5),
        ..reply("200 OK", "text/html", "<p>late</p>")
    });
    let started = std::time::Instant::now();
    assert_eq!(
        fetcher().fetch(&format!("{base}/slow")),
        Err(FetchError::Timeout(2))
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the timeout was not applied"
    );
}

#[test]
fn huge_bodies_and_non_pages_are_refused() {
    let base = serve(|path| match path {
        "/huge" => reply("200 OK", "text/html", vec![b'a'; 2 * 1024 * 1024]),
        _ => reply("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
    });
    assert_eq!(
        fetcher().fetch(&format!("{base}/huge")),
        Err(FetchError::TooLarge(1))
    );
    assert_eq!(
        fetcher().fetch(&format!("{base}/photo.png")),
        Err(FetchError::NotHtml("image/png".into()))
    );
}

#[test]
fn unreachable_hosts_and_bad_addresses() {
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let error = fetcher().fetch(&format!("http://{closed}/")).unwrap_err();
    assert!(matches!(error, FetchError::Connect(_)), "{error:?}");
    assert_eq!(
        fetcher().fetch("ftp://example.org/file"),
        Err(FetchError::InvalidUrl)
    );
    assert_eq!(fetcher().fetch("not a url"), Err(FetchError::InvalidUrl));
}
