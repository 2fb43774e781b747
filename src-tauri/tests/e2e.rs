//! End to end: the real factdesk window under Xvfb, driven over WebDriver through
//! tauri-driver and WebKitWebDriver. `cargo xtask test` starts Xvfb and runs this; on its
//! own it needs `DISPLAY` and `tauri-driver` on PATH (or `$TAURI_DRIVER`).
//!
//! Screenshots go to `target/e2e-artifacts/`.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

/// tauri-driver, stopped when the test ends however it ends. It is asked with SIGTERM
/// first, so that it also stops WebKitWebDriver and the app it started.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    match cargo_bin.map(|home| home.join("bin/tauri-driver")) {
        Some(path) if path.exists() => path,
        _ => "tauri-driver".into(),
    }
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts tauri-driver and a session on the factdesk window over the database `db`.
async fn start(db: &Path) -> (Driver, Client) {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run through `cargo xtask test`, which starts Xvfb"
    );
    let (port, native_port) = (free_port(), free_port());
    let child = Command::new(tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("FACTDESK_DB", db)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {}: {e}; `cargo xtask setup` installs it",
                tauri_driver().display()
            )
        });
    let driver = Driver(child);
    // tauri-driver listens before the WebKitWebDriver it proxies to does; a session asked
    // for in between is dropped mid-answer (CI saw `IncompleteMessage`), so wait for both.
    let started = Instant::now();
    for listener in [port, native_port] {
        while TcpStream::connect(("127.0.0.1", listener)).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "nothing listened on port {listener} (tauri-driver {port}, WebKitWebDriver {native_port})"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let mut capabilities = serde_json::Map::new();
    // fantoccini sends these in alwaysMatch, where tauri-driver reads tauri:options.
    capabilities.insert("browserName".into(), json!("wry"));
    capabilities.insert(
        "tauri:options".into(),
        json!({ "application": env!("CARGO_BIN_EXE_factdesk-desktop") }),
    );
    // A loaded machine can still drop the first request; a dropped connection is retried,
    // any answer from the driver (an error included) is final.
    let mut attempt = 1;
    let client = loop {
        let session = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}")),
        )
        .await
        .expect("tauri-driver did not open a session within 60 s");
        match session {
            Ok(client) => break client,
            Err(
                fantoccini::error::NewSessionError::Lost(_)
                | fantoccini::error::NewSessionError::FailedC(_),
            ) if attempt < 3 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(e) => {
                panic!("no WebDriver session on the factdesk window after {attempt} attempts: {e}")
            }
        }
    };
    (driver, client)
}

/// Waits until some element matching `css` has text for which `check` holds.
///
/// Text is read as the DOM's `innerText`: WebKitWebDriver's own "element text" answers ""
/// for rows of the windowed list (its visibility heuristics do not follow the transform).
async fn wait_for(client: &Client, css: &str, check: impl Fn(&str) -> bool) -> (Element, String) {
    let started = Instant::now();
    let script = "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText);";
    loop {
        let texts: Vec<String> = client
            .execute(script, vec![json!(css)])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        if let Some(index) = texts.iter().position(|t| check(t)) {
            let elements = client.find_all(Locator::Css(css)).await.unwrap();
            if let Some(element) = elements.into_iter().nth(index) {
                return (element, texts[index].clone());
            }
        }
        assert!(
            started.elapsed() < WAIT,
            "no {css} with the expected text; saw {texts:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_text(client: &Client, css: &str, check: impl Fn(&str) -> bool) -> String {
    wait_for(client, css, check).await.1
}

async fn import_path(client: &Client, path: &Path) {
    let field = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=import-path]"))
        .await
        .unwrap();
    field.send_keys(&path.display().to_string()).await.unwrap();
    click(client, "[data-testid=import-submit]").await;
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
    std::fs::write(artifacts().join(name), png).unwrap();
}

const NEWS_PAGE: &str = r#"<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Jembatan Ampera ditutup sementara - Kabar Kota</title>
<meta property="og:site_name" content="Kabar Kota"><meta property="article:published_time" content="2025-11-20T09:15:00+07:00"></head>
<body><nav><a href="/">Beranda</a></nav><article><h1>Jembatan Ampera ditutup sementara</h1>
<p>Palembang, Kabar Kota - Jembatan Ampera ditutup selama tiga hari mulai Jumat untuk perbaikan sambungan besi, kata Dinas Perhubungan.</p>
<p>Baca juga: Jalan alternatif selama penutupan</p>
<p>Pengendara diminta melewati Jembatan Musi IV dan Jembatan Musi VI selama perbaikan berlangsung di tengah kota.</p>
<p>Tulisan ini sudah tayang di www.beritaasli.com oleh Rina Sari</p></article></body></html>"#;

/// Serves `page` at /berita on a loopback port the first time, then the page with "tiga
/// hari" changed to "empat hari", then to "lima hari" (silent edits); returns its URL.
fn serve_edited_page(page: &'static str) -> String {
    let served = std::sync::atomic::AtomicUsize::new(0);
    let edits: [&'static str; 3] = [
        page,
        Box::leak(page.replace("tiga hari", "empat hari").into_boxed_str()),
        Box::leak(page.replace("tiga hari", "lima hari").into_boxed_str()),
    ];
    let base = factdesk_testkit::serve(move |_| {
        let request = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        factdesk_testkit::reply("200 OK", "text/html; charset=utf-8", edits[request.min(2)])
    });
    format!("{base}/berita")
}

const CHILI: &str = "Harga cabai merah melonjak di Palembang\n\nPALEMBANG — Harga cabai merah di Pasar Cinde naik menjadi Rp 80.000 per kilogram, kata Ketua Asosiasi Pedagang Pasar, Siti Aminah, Rabu (12/11/2025).\n\n\"Pasokan dari petani berkurang karena hujan,\" ujarnya.\n\nTeks ini memuat <script>window.__pwned = true</script> sebagai data, bukan kode.";
const BRIDGE: &str = "Bridge reopens after repairs\n\nThe city said the bridge would reopen on Monday after three months of repairs costing $4.2 million.";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "drives the real window: needs Xvfb, tauri-driver and WebKitWebDriver; run by `cargo xtask test`"]
async fn import_find_open_search_in_the_real_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let (_driver, client) = start(&db).await;
    let outcome = tokio::spawn(import_find_open_search_cancel(
        client.clone(),
        dir.path().to_path_buf(),
    ))
    .await;
    if outcome.is_err()
        && let Ok(png) = client.screenshot().await
    {
        let _ = std::fs::write(artifacts().join("failure.png"), png);
    }
    // Closing the session closes the window, also when the scenario failed.
    let _ = client.close().await;
    let (imported_before_cancel, last_title) = match outcome {
        Ok(ended) => ended,
        Err(failure) => std::panic::resume_unwind(failure.into_panic()),
    };
    drop(_driver);

    // Started again on the same database, the window opens the article that was open.
    let (_driver, client) = start(&db).await;
    let reopened =
        tokio::spawn({
            let client = client.clone();
            async move {
                wait_for_text(&client, "[data-testid=reader-title]", |t| t == last_title).await
            }
        })
        .await;
    let _ = client.close().await;
    if let Err(failure) = reopened {
        std::panic::resume_unwind(failure.into_panic());
    }
    // The window wrote to the database file the CLI reads: the three articles, and of the
    // cancelled import exactly the articles its summary counted (none half-written).
    let store = factdesk_workbench::Workbench::open(&db).unwrap();
    assert_eq!(store.count().unwrap() as usize, 3 + imported_before_cancel);
}

/// The scenario, then a long import cancelled half-way; returns how many articles the
/// cancelled import's summary says were imported, and the title of the open article.
async fn import_find_open_search_cancel(client: Client, dir: PathBuf) -> (usize, String) {
    import_find_open_search(client.clone(), dir.clone()).await;
    let imported = cancel_a_long_import(&client, &dir).await;
    export_and_view_a_report(&client, &dir).await;
    let title = wait_for_text(&client, "[data-testid=reader-title]", |t| !t.is_empty()).await;
    (imported, title)
}

/// Imports a folder of large articles and presses Cancel while the progress bar runs.
async fn cancel_a_long_import(client: &Client, dir: &Path) -> usize {
    const FILES: usize = 60;
    let folder = dir.join("arsip");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..FILES {
        let paragraph = format!(
            "Laporan {i}: harga beras naik {i} persen, kata pedagang di pasar induk kota.\n\n"
        );
        std::fs::write(
            folder.join(format!("{i:03}.txt")),
            format!("Arsip {i}\n\n{}", paragraph.repeat(2_500)),
        )
        .unwrap();
    }
    import_path(client, &folder).await;
    let cancel = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=import-cancel]"))
        .await
        .unwrap();
    wait_for_text(client, "[data-testid=import-progress]", |t| {
        t.contains(&format!("of {FILES}"))
    })
    .await;
    cancel.click().await.unwrap();
    let headline = wait_for_text(client, "[data-testid=import-summary]", |t| {
        t.starts_with("Import cancelled:")
    })
    .await;
    screenshot(client, "import-cancelled.png").await;
    let imported: usize = headline
        .trim_start_matches("Import cancelled:")
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {headline:?}"));
    assert!(
        imported < FILES,
        "the import ran to the end before Cancel: {headline}"
    );
    imported
}

async fn import_find_open_search(client: Client, dir: PathBuf) {
    let inbox = dir.join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(inbox.join("cabai.txt"), CHILI).unwrap();
    std::fs::write(inbox.join("bridge.txt"), BRIDGE).unwrap();

    // An empty workbench says so.
    wait_for_text(&client, "[data-testid=empty]", |t| {
        t.contains("No articles yet")
    })
    .await;
    screenshot(&client, "empty.png").await;

    // Import a folder by pasting its path; both articles appear in the list.
    import_path(&client, &inbox).await;
    wait_for_text(&client, "[data-testid=import-summary]", |t| {
        t.contains("2 imported")
    })
    .await;
    wait_for_text(&client, "[data-testid=list-count]", |t| {
        t.trim() == "2 articles"
    })
    .await;

    // Open one from the list.
    let (row, _) = wait_for(&client, "[data-testid=article-row]", |t| {
        t == "Harga cabai merah melonjak di Palembang"
    })
    .await;
    row.click().await.unwrap();
    wait_for_text(&client, "[data-testid=reader-title]", |t| {
        t == "Harga cabai merah melonjak di Palembang"
    })
    .await;
    let text = wait_for_text(&client, "[data-testid=reader-text]", |t| {
        t.contains("Rp 80.000 per kilogram")
    })
    .await;

    // Article text is data: the <script> in it is shown, not run.
    assert!(
        text.contains("<script>window.__pwned = true</script>"),
        "{text}"
    );
    let pwned = client.execute("return window.__pwned === true || document.querySelectorAll('[data-testid=reader-text] script').length > 0;", vec![]).await.unwrap();
    assert_eq!(pwned, json!(false), "article text was run as markup");

    // The analysis: the quotation is highlighted and attributed, its speaker listed with her
    // role, the claim scored, and the weekday checked against the date.
    let quote = wait_for_text(
        &client,
        "[data-testid=reader-text] [data-kind=direct]",
        |t| t.contains("Pasokan dari petani"),
    )
    .await;
    assert_eq!(quote, "Pasokan dari petani berkurang karena hujan,");
    wait_for_text(&client, "[data-testid=speakers]", |t| {
        t.contains("Siti Aminah") && t.contains("Ketua Asosiasi")
    })
    .await;
    wait_for_text(&client, "[data-testid=claims]", |t| t.contains("Rp 80.000")).await;
    wait_for_text(&client, "[data-testid=checks]", |t| {
        t.contains("consistent") && t.contains("12 November 2025")
    })
    .await;
    let (entry, _) = wait_for(&client, "[data-testid=speakers] button", |t| {
        t.contains("Pasokan dari petani")
    })
    .await;
    entry.click().await.unwrap();
    wait_for_text(&client, "[data-testid=analysis-details]", |t| {
        t.contains("Siti Aminah") && t.contains("ujarnya")
    })
    .await;
    screenshot(&client, "reader.png").await;

    // Preferences (the ? key): the reviewer's name for the audit trail, the dark theme, and
    // the list of keyboard shortcuts.
    client
        .execute("document.activeElement?.blur(); window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }));", vec![])
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=shortcuts]", |t| {
        t.contains("Ctrl+Z") && t.contains("next / previous claim")
    })
    .await;
    let name = client
        .find(Locator::Css("[data-testid=reviewer-name]"))
        .await
        .unwrap();
    name.clear().await.unwrap();
    name.send_keys("Rina Sari").await.unwrap();
    client
        .find(Locator::Css(
            "[data-testid=preferences] button[type=submit]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Saved when the button has nothing left to save.
    let mut saved = false;
    for _ in 0..50 {
        let disabled = client.execute("return document.querySelector('[data-testid=preferences] button[type=submit]').disabled;", vec![]).await.unwrap();
        if disabled == json!(true) {
            saved = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(saved, "the reviewer's name was not saved");
    // The organisation that authors reports and ClaimReviews.
    client
        .find(Locator::Css("[data-testid=organisation-name]"))
        .await
        .unwrap()
        .send_keys("Cek Fakta Kita")
        .await
        .unwrap();
    client
        .find(Locator::Css("[data-testid=organisation-url]"))
        .await
        .unwrap()
        .send_keys("https://cekfakta.example")
        .await
        .unwrap();
    click(&client, "[data-testid=organisation-save]").await;
    let mut organisation_saved = false;
    for _ in 0..50 {
        if client
            .execute(
                "return document.querySelector('[data-testid=organisation-save]').disabled;",
                vec![],
            )
            .await
            .unwrap()
            == json!(true)
        {
            organisation_saved = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(organisation_saved, "the organisation was not saved");
    // A newsroom's own rating scale, defined in the window: a bad line is named, a good
    // scale becomes one to choose.
    click(&client, ".scale-form summary").await;
    let scale_name = client
        .find(Locator::Css("[data-testid=scale-name]"))
        .await
        .unwrap();
    scale_name.send_keys("redaksi").await.unwrap();
    let verdicts = client
        .find(Locator::Css("[data-testid=scale-verdicts]"))
        .await
        .unwrap();
    verdicts.send_keys("fakta | Fact").await.unwrap();
    click(&client, "[data-testid=scale-define]").await;
    wait_for_text(&client, "[data-testid=scale-problem]", |t| {
        t.contains("line 1")
    })
    .await;
    // WebDriver typing drops line breaks, so the lines are put in as a paste would.
    client
        .execute(
            "const area = document.querySelector('[data-testid=scale-verdicts]');
             area.value = 'fakta | Fact | Fakta\\nhoaks | Hoax | Hoaks\\nbelum | Unverified | Belum terverifikasi | unrated';
             area.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "[data-testid=scale-define]").await;
    wait_for_text(&client, "[data-testid=scale-note]", |t| {
        t.contains("“redaksi” defined")
    })
    .await;
    wait_for(&client, "[data-testid=scale] option", |t| {
        t.trim() == "redaksi (3)"
    })
    .await;
    click(&client, "input[name=theme][value=dark]").await;
    let dark = client
        .execute(
            "return document.documentElement.dataset.theme === 'dark';",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(dark, json!(true));
    screenshot(&client, "preferences-dark.png").await;
    click(&client, "input[name=theme][value=system]").await;
    // Switch the window to Indonesian and back: labels, the reader and the panel follow.
    click(&client, "[data-testid=language] option[value=id]").await;
    wait_for_text(&client, "[data-testid=tab-claims]", |t| t.trim() == "Klaim").await;
    wait_for_text(&client, "[data-testid=shortcuts]", |t| {
        t.contains("batalkan perubahan tinjauan terakhir")
    })
    .await;
    wait_for_text(&client, "[data-testid=analysis-panel]", |t| {
        t.contains("Pemeriksaan konsistensi")
    })
    .await;
    let lang = client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, json!("id"));
    screenshot(&client, "preferences-indonesian.png").await;
    click(&client, "[data-testid=language] option[value=en]").await;
    wait_for_text(&client, "[data-testid=tab-claims]", |t| {
        t.trim() == "Claims"
    })
    .await;
    click(&client, "[data-testid=preferences] .close").await;

    // Review it: accept, verdict, status and notes; the trail shows each change; undo.
    click(&client, "[data-testid=accept]").await;
    wait_for_text(&client, "[data-testid=analysis-details]", |t| {
        t.contains("detected, accepted")
    })
    .await;
    click(&client, "[data-testid=verdict] option[value=false]").await;
    click(&client, "[data-testid=status] option[value=checked]").await;
    let notes = client
        .find(Locator::Css("[data-testid=notes]"))
        .await
        .unwrap();
    notes
        .send_keys("Tidak ada data pasokan yang mendukung")
        .await
        .unwrap();
    click(&client, "[data-testid=save-notes]").await;
    wait_for_text(&client, "[data-testid=history]", |t| {
        t.contains("History (4)")
    })
    .await;
    let trail = client
        .execute(
            "return document.querySelector('[data-testid=history] ol').textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        trail.as_str().unwrap().contains("Rina Sari"),
        "the trail names the reviewer: {trail}"
    );
    screenshot(&client, "review.png").await;
    // Ctrl+Z, as the window's key handler receives it (outside any text field).
    client
        .execute("document.activeElement?.blur(); window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true }));", vec![])
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=notice]", |t| {
        t.contains("Undone") && t.contains("notes")
    })
    .await;
    wait_for_text(&client, "[data-testid=history]", |t| {
        t.contains("History (5)")
    })
    .await;

    // Evidence: paste the source of the quotation and link it as the original statement.
    client
        .execute(
            "[...document.querySelectorAll('[data-testid=evidence] button.link')].at(0).click();",
            vec![],
        )
        .await
        .unwrap();
    let title = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=evidence-title]"))
        .await
        .unwrap();
    title
        .send_keys("Rekaman wawancara <b>radio</b>")
        .await
        .unwrap();
    client
        .find(Locator::Css("[data-testid=evidence-text]"))
        .await
        .unwrap()
        .send_keys("Pasokan dari petani berkurang karena hujan, kata Siti Aminah di radio.")
        .await
        .unwrap();
    client
        .find(Locator::Css(
            "[data-testid=evidence-relation] option[value=original]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css("[data-testid=evidence-note]"))
        .await
        .unwrap()
        .send_keys("menit 4")
        .await
        .unwrap();
    // The panel scrolls on its own; bring the button into its view before clicking.
    client.execute("document.querySelector('[data-testid=evidence-add]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    click(&client, "[data-testid=evidence-add]").await;
    let link = wait_for_text(&client, "[data-testid=evidence-link]", |t| {
        t.contains("Rekaman wawancara")
    })
    .await;
    assert!(
        link.contains("Original statement")
            && link.contains("<b>radio</b>")
            && link.contains("menit 4"),
        "{link}"
    );
    wait_for_text(&client, "[data-testid=history]", |t| {
        t.contains("History (6)")
    })
    .await;
    // The quotation was found word for word in the pasted source; compare them side by side.
    wait_for_text(&client, "[data-testid=evidence-match]", |t| t == "verbatim").await;
    client.execute("document.querySelector('[data-testid=evidence-compare]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    click(&client, "[data-testid=evidence-compare]").await;
    let side = wait_for_text(&client, "[data-testid=evidence-side-by-side]", |t| {
        t.contains("In the source")
    })
    .await;
    assert!(
        side.contains("kata Siti Aminah di radio"),
        "the rest of the source sentence is shown: {side}"
    );
    screenshot(&client, "evidence.png").await;
    // Pick another passage (the end of the source sentence): the match is judged again,
    // and Ctrl+Z puts the found passage back.
    client.execute("document.querySelector('[data-testid=evidence-pick]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    click(&client, "[data-testid=evidence-pick]").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=evidence-source-text]"))
        .await
        .unwrap();
    client
        .execute(
            "const box = document.querySelector('[data-testid=evidence-source-text]'); const at = box.value.indexOf('kata Siti'); box.focus(); box.setSelectionRange(at, box.value.length);",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "[data-testid=evidence-use-passage]").await;
    wait_for_text(&client, "[data-testid=evidence-match]", |t| {
        t == "not found"
    })
    .await;
    client
        .execute("document.activeElement?.blur(); window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true }));", vec![])
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=evidence-match]", |t| t == "verbatim").await;
    // Where else the quotation appears: only here, so this article is the first.
    client.execute("document.querySelector('[data-testid=sightings-toggle]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    click(&client, "[data-testid=sightings-toggle]").await;
    wait_for_text(&client, "[data-testid=sightings]", |t| {
        t.contains("Harga cabai merah melonjak di Palembang") && t.contains("first")
    })
    .await;

    // Accessibility basics over the whole window as it is now (list, reader, review panel,
    // evidence form): every control has a name, and nothing jumps the tab order.
    let unnamed = client
        .execute(
            "return [...document.querySelectorAll('input, select, textarea, button')]
                .filter((e) => e.type !== 'hidden' && e.getClientRects().length > 0)
                .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                .map((e) => e.outerHTML.slice(0, 120));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unnamed, json!([]), "controls without an accessible name");
    let jumps = client.execute("return document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex=\"-1\"])').length;", vec![]).await.unwrap();
    assert_eq!(
        jumps,
        json!(0),
        "a positive tabindex breaks the focus order"
    );
    walk_the_focus_order(&client).await;

    // The claims view across articles: filtered to checked items, it lists the quotation;
    // opening it selects it in the reader.
    click(&client, "[data-testid=tab-claims]").await;
    client
        .find(Locator::Css(
            "[data-testid=filter-status] option[value=checked]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=claim-count]", |t| {
        t.trim() == "1 item"
    })
    .await;
    let (row, _) = wait_for(&client, "[data-testid=claim-row]", |t| {
        t.contains("Pasokan dari petani")
    })
    .await;
    row.click().await.unwrap();
    wait_for_text(&client, "[data-testid=analysis-details]", |t| {
        t.contains("Pasokan dari petani") && t.contains("Siti Aminah")
    })
    .await;
    wait_for_text(&client, "[data-testid=claim-count]", |t| {
        t.trim() == "1 item"
    })
    .await;
    screenshot(&client, "claims-view.png").await;

    // The speakers tab: Siti Aminah's page lists her quotation with its verdict and the
    // linked source; opening the quotation goes back to the reader with it selected.
    click(&client, "[data-testid=tab-speakers]").await;
    let (row, _) = wait_for(&client, "[data-testid=speaker-row]", |t| {
        t.contains("Siti Aminah")
    })
    .await;
    row.click().await.unwrap();
    let quote = wait_for_text(&client, "[data-testid=speaker-quote]", |t| {
        t.contains("Pasokan dari petani")
    })
    .await;
    assert!(
        quote.contains("False") && quote.contains("Rekaman wawancara"),
        "{quote}"
    );
    screenshot(&client, "speaker-page.png").await;
    let shown = client
        .execute(
            "return document.querySelector('[data-testid=speaker-page] h1')?.textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, json!("Siti Aminah"), "the speaker page stays open");
    let (entry, _) = wait_for(&client, "[data-testid=speaker-quote] button", |t| {
        t.contains("Pasokan dari petani")
    })
    .await;
    entry.click().await.unwrap();
    wait_for_text(&client, "[data-testid=analysis-details]", |t| {
        t.contains("Pasokan dari petani")
    })
    .await;
    click(&client, "[data-testid=tab-articles]").await;

    // Mark a claim by selecting text in the reader.
    client
        .execute(
            "const el = [...document.querySelectorAll('[data-testid=reader-text] [data-start]')].find(e => e.textContent.includes('Teks ini memuat'));
             const node = el.firstChild; const at = node.textContent.indexOf('Teks ini memuat');
             const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 15);
             const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
             el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=mark-bar]", |t| {
        t.contains("Teks ini memuat")
    })
    .await;
    click(&client, "[data-testid=mark-claim]").await;
    wait_for_text(&client, "[data-testid=analysis-details]", |t| {
        t.contains("Teks ini memuat") && t.contains("marked by hand")
    })
    .await;
    screenshot(&client, "marked-claim.png").await;
    click(&client, "[data-testid=tab-articles]").await;
    wait_for_text(&client, "[data-testid=list-count]", |t| {
        t.trim() == "2 articles"
    })
    .await;

    // Filters: English articles only, then back to all.
    client
        .execute(
            "document.querySelector('.article-filters').open = true;",
            vec![],
        )
        .await
        .unwrap();
    client
        .find(Locator::Css(
            "[data-testid=filter-language] option[value=en]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=list-count]", |t| {
        t.trim() == "1 article match the filters"
    })
    .await;
    wait_for_text(&client, "[data-testid=article-row]", |t| {
        t == "Bridge reopens after repairs"
    })
    .await;
    client
        .find(Locator::Css(
            "[data-testid=filter-language] option[value='']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=list-count]", |t| {
        t.trim() == "2 articles"
    })
    .await;

    // Search narrows the list to the matching article, with the term highlighted.
    let search = client
        .find(Locator::Css("[data-testid=search]"))
        .await
        .unwrap();
    search.send_keys("cabai").await.unwrap();
    wait_for_text(&client, "[data-testid=list-count]", |t| {
        t.starts_with("1 match")
    })
    .await;
    wait_for_text(&client, "[data-testid=article-row]", |t| {
        t == "Harga cabai merah melonjak di Palembang"
    })
    .await;
    let marks = client
        .find_all(Locator::Css(".snippet mark"))
        .await
        .unwrap();
    assert!(!marks.is_empty(), "the matched term is not highlighted");
    screenshot(&client, "search.png").await;

    // A web address: the page is fetched from a server on loopback, extracted and opened,
    // with its syndication credit shown as metadata rather than text.
    let page_url = serve_edited_page(NEWS_PAGE);
    let search = client
        .find(Locator::Css("[data-testid=search]"))
        .await
        .unwrap();
    search.clear().await.unwrap();
    search.send_keys("\u{E00C}").await.unwrap(); // Escape: back to the whole list
    import_path(&client, Path::new(&page_url)).await;
    wait_for_text(&client, "[data-testid=import-summary]", |t| {
        t.contains("1 imported")
    })
    .await;
    wait_for_text(&client, "[data-testid=reader-title]", |t| {
        t == "Jembatan Ampera ditutup sementara"
    })
    .await;
    let text = wait_for_text(&client, "[data-testid=reader-text]", |t| {
        t.contains("ditutup selama tiga hari")
    })
    .await;
    assert!(
        !text.contains("Baca juga"),
        "boilerplate in the reader: {text}"
    );
    wait_for_text(&client, "[data-testid=reader-credits]", |t| {
        t.contains("First published at www.beritaasli.com by Rina Sari")
    })
    .await;
    screenshot(&client, "url-import.png").await;

    // The outlet edits the article silently: "Check for changes" stores a new version and
    // shows the changed number as a substantive change.
    click(&client, "[data-testid=changes-open]").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=check-changes]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=changes-notice]", |t| {
        t.contains("substantive")
    })
    .await;
    let changes = wait_for_text(&client, "[data-testid=text-changes]", |t| {
        t.contains("empat")
    })
    .await;
    assert!(
        changes.contains("tiga"),
        "the old words are shown: {changes}"
    );
    wait_for_text(&client, "[data-testid=timeline]", |t| {
        t.contains("substantive changes")
    })
    .await;
    // A page fetched from the web is watched, and the check is recorded.
    let watch = wait_for_text(&client, "[data-testid=watch]", |t| {
        t.contains("last checked")
    })
    .await;
    assert!(watch.contains("next check"), "{watch}");
    let toggle = client
        .find(Locator::Css("[data-testid=watch-toggle]"))
        .await
        .unwrap();
    assert!(
        toggle.is_selected().await.unwrap(),
        "a fetched article is watched"
    );
    screenshot(&client, "changes.png").await;
    click(&client, "[data-testid=changes] .close").await;

    // Another silent edit, found by checking the watched articles from the list: the
    // window announces it and the article is flagged as edited.
    click(&client, "[data-testid=check-watched]").await;
    wait_for_text(&client, "[data-testid=watch-notice]", |t| {
        t.contains("“Jembatan Ampera ditutup sementara” was edited")
    })
    .await;
    wait_for(&client, "[data-testid=badge-edited]", |t| t == "edited").await;
    wait_for_text(&client, "[data-testid=reader-edited]", |t| {
        t.contains("Edited substantively after publication")
    })
    .await;
    screenshot(&client, "watched.png").await;

    // A bad input is named with its reason, and nothing is stored.
    let missing = dir.join("tidak-ada.txt");
    import_path(&client, &missing).await;
    wait_for_text(&client, "[data-testid=import-failures]", |t| {
        t.contains(&format!("{} does not exist", missing.display()))
    })
    .await;
    screenshot(&client, "import-error.png").await;
}

/// Clicks the element `css` finds.
async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Presses Tab through the whole window from the top and checks that focus follows the
/// reading order (toolbar, notices, list, reader and its panel, footer), reaches the review
/// controls, and comes back round without being trapped.
async fn walk_the_focus_order(client: &Client) {
    const ORDER: [&str; 5] = ["toolbar", "banner", "list", "pane", "footer"];
    client
        .execute(
            "document.activeElement?.blur(); delete window.__walk; document.querySelectorAll('[data-walk]').forEach((e) => delete e.dataset.walk);",
            vec![],
        )
        .await
        .unwrap();
    let mut regions: Vec<String> = Vec::new();
    for _ in 0..400 {
        client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E004}")
            .await
            .unwrap();
        let step = client
            .execute(
                "const e = document.activeElement;
                 if (!e || e === document.body) return 'wrapped';
                 if (e.dataset.walk) return 'again';
                 window.__walk = (window.__walk || 0) + 1;
                 e.dataset.walk = String(window.__walk);
                 return e.closest('header.toolbar') ? 'toolbar' : e.closest('.banner') ? 'banner' : e.closest('section.list') ? 'list'
                      : e.closest('section.pane') ? 'pane' : e.closest('footer') ? 'footer' : 'elsewhere: ' + e.outerHTML.slice(0, 80);",
                vec![],
            )
            .await
            .unwrap();
        let region = step.as_str().unwrap_or_default().to_string();
        if region == "wrapped" || region == "again" {
            break;
        }
        regions.push(region);
    }
    let ranks: Vec<usize> = regions
        .iter()
        .map(|r| {
            ORDER
                .iter()
                .position(|o| o == r)
                .unwrap_or_else(|| panic!("focus reached {r}"))
        })
        .collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "focus jumps back against the reading order: {regions:?}"
    );
    for region in ["toolbar", "list", "pane"] {
        assert!(
            regions.iter().any(|r| r == region),
            "Tab never reaches the {region}: {regions:?}"
        );
    }
    assert!(
        regions.iter().filter(|r| *r == "pane").count() >= 5,
        "the reader and its review controls are reachable by keyboard: {regions:?}"
    );
}

/// Exports the reviewed article's report as HTML from the reader, checks the file, and shows
/// it in the window (then goes back to the app, which reopens its last article).
async fn export_and_view_a_report(client: &Client, dir: &Path) {
    click(client, "[data-testid=tab-articles]").await;
    let (row, _) = wait_for(client, "[data-testid=article-row]", |t| {
        t == "Harga cabai merah melonjak di Palembang"
    })
    .await;
    row.click().await.unwrap();
    wait_for_text(client, "[data-testid=reader-title]", |t| {
        t == "Harga cabai merah melonjak di Palembang"
    })
    .await;
    click(client, "[data-testid=export-open-dialog]").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=export-dialog]"))
        .await
        .unwrap();
    client
        .find(Locator::Css(
            "[data-testid=export-format] option[value=html]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let report = dir.join("laporan.html");
    client
        .find(Locator::Css("[data-testid=export-path]"))
        .await
        .unwrap()
        .send_keys(&report.display().to_string())
        .await
        .unwrap();
    click(client, "[data-testid=export-run]").await;
    wait_for_text(client, "[data-testid=export-done]", |t| {
        t.contains("laporan.html")
    })
    .await;
    screenshot(client, "export-dialog.png").await;
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("Pasokan dari petani"),
        "the reviewed quotation is in the report"
    );
    assert!(
        !html.contains("<script>window.__pwned"),
        "article text is escaped in the report"
    );

    // The report itself, as a browser shows it.
    let app = client.current_url().await.unwrap();
    client
        .goto(&format!("file://{}", report.display()))
        .await
        .unwrap();
    wait_for_text(client, "body", |t| t.contains("Pasokan dari petani")).await;
    screenshot(client, "report.png").await;
    client.goto(app.as_str()).await.unwrap();
    wait_for_text(client, "[data-testid=reader-title]", |t| !t.is_empty()).await;
}
