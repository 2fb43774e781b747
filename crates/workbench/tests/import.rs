//! Import use cases over real files and a real SQLite database.

use factdesk_workbench::{Clock, ImportStatus, MAX_ARTICLE_BYTES, Workbench};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const NOW: &str = "2026-11-25T10:00:00Z";

fn workbench(dir: &Path) -> Workbench {
    Workbench::open(&dir.join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed(NOW.into()))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

const ARTICLE_ID: &str = "Harga beras naik di Palembang\n\nPalembang — Harga beras medium naik 5,12% pekan ini, kata Kepala Dinas Perdagangan, Siti Aminah.\n\n“Pasokan dari petani berkurang,” ujarnya.";

#[test]
fn text_files_in_any_common_encoding_are_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let utf8 = write(dir.path(), "in/utf8.txt", ARTICLE_ID.as_bytes());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Rice prices rise\n\nThe price of rice rose, the minister said."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let utf16 = write(dir.path(), "in/utf16.txt", &utf16);
    let cp1252 = write(
        dir.path(),
        "in/cp1252.txt",
        b"Caf\xe9 owners protest\n\nThe owners said prices \x93will rise\x94 by \x805.",
    );

    let report = wb.import_paths(&[utf8, utf16, cp1252]);
    assert!(!report.cancelled);
    assert_eq!(
        report.count(ImportStatus::Imported),
        3,
        "{:#?}",
        report.outcomes
    );

    let titles: Vec<String> = wb
        .list(10, 0)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert!(titles.contains(&"Harga beras naik di Palembang".to_string()));
    assert!(titles.contains(&"Rice prices rise".to_string()));
    assert!(titles.contains(&"Café owners protest".to_string()));

    let id = report.outcomes[2].article_id.unwrap();
    let detail = wb.show(id, None).unwrap();
    assert!(detail.text.contains("“will rise” by €5"), "{}", detail.text);
    assert_eq!(detail.versions[0].charset.as_deref(), Some("windows-1252"));
    assert_eq!(
        wb.show(report.outcomes[0].article_id.unwrap(), None)
            .unwrap()
            .article
            .language
            .as_deref(),
        Some("id")
    );
}

#[test]
fn news_conventions_in_text_become_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let text = "Gubernur resmikan jembatan baru\n\nFoto peresmian jembatan (Ist)\n\nPalembang, Kabarkita.co - Gubernur meresmikan jembatan yang menghubungkan dua kecamatan itu. Kamis, 14 September 2023.\n\nBaca juga\n\nJembatan sepanjang 120 meter itu dibangun selama dua tahun.\n\nBerita ini telah tayang di www.beritaasli.com oleh Rina Sari\n\nEditor: admin\nBagikan\n\nRelated Stories\nJudul lain";
    let path = write(dir.path(), "jembatan.txt", text.as_bytes());
    let id = wb.import_paths(&[path]).outcomes[0].article_id.unwrap();
    let detail = wb.show(id, None).unwrap();
    assert_eq!(
        detail.text,
        "Gubernur resmikan jembatan baru\nPalembang, Kabarkita.co - Gubernur meresmikan jembatan yang menghubungkan dua kecamatan itu. Kamis, 14 September 2023.\nJembatan sepanjang 120 meter itu dibangun selama dua tahun."
    );
    assert_eq!(detail.article.site.as_deref(), Some("Kabarkita.co"));
    assert_eq!(
        detail.article.published.as_deref(),
        Some("2023-09-14T00:00:00+07:00")
    );
    let metadata = &detail.versions[0].metadata;
    assert_eq!(
        metadata.original_site.as_deref(),
        Some("www.beritaasli.com")
    );
    assert_eq!(metadata.original_author.as_deref(), Some("Rina Sari"));
    assert_eq!(metadata.editor.as_deref(), Some("admin"));
    assert_eq!(metadata.dateline_city.as_deref(), Some("Palembang"));
}

#[test]
fn rules_beside_the_database_apply_to_imports() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/kantor.txt"),
        "drop: promo langganan.*\n",
    )
    .unwrap();
    let mut wb = workbench(dir.path());
    let path = write(
        dir.path(),
        "a.txt",
        "Judul\n\nIsi berita yang sebenarnya.\n\nPromo langganan: diskon 50%\n".as_bytes(),
    );
    let id = wb.import_paths(&[path]).outcomes[0].article_id.unwrap();
    assert_eq!(
        wb.show(id, None).unwrap().text,
        "Judul\nIsi berita yang sebenarnya."
    );

    std::fs::write(dir.path().join("rules/rusak.txt"), "(unclosed\n").unwrap();
    let error = Workbench::open(&dir.path().join("factdesk.sqlite3"))
        .err()
        .expect("a bad rule must be reported");
    assert!(
        error
            .to_string()
            .contains("rusak.txt, line 1: not a valid pattern"),
        "{error}"
    );
}

#[test]
fn importing_the_same_content_twice_stores_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let a = write(dir.path(), "a.txt", ARTICLE_ID.as_bytes());
    let b = write(dir.path(), "copy/of-a.txt", ARTICLE_ID.as_bytes());
    let first = wb.import_paths(&[a]);
    let second = wb.import_paths(&[b]);
    assert_eq!(first.outcomes[0].status, ImportStatus::Imported);
    assert_eq!(second.outcomes[0].status, ImportStatus::Unchanged);
    assert_eq!(second.outcomes[0].article_id, first.outcomes[0].article_id);
    assert_eq!(second.outcomes[0].version_id, first.outcomes[0].version_id);
    assert_eq!(wb.count().unwrap(), 1);
}

#[test]
fn bad_inputs_get_messages_naming_the_path_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\n ");
    let binary = write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir.path().join("missing.txt");
    let empty_folder = dir.path().join("empty-folder");
    std::fs::create_dir(&empty_folder).unwrap();
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    // Reading /proc/self/mem from offset 0 fails with EIO even for root: a truly unreadable file.
    let unreadable = PathBuf::from("/proc/self/mem");

    let inputs = [
        empty.clone(),
        blank.clone(),
        binary.clone(),
        missing.clone(),
        empty_folder.clone(),
        huge.clone(),
        unreadable.clone(),
    ];
    let report = wb.import_paths(&inputs);
    assert_eq!(report.outcomes.len(), inputs.len());
    let expected = [
        (&empty, "is empty"),
        (&blank, "contains only white space"),
        (&binary, "looks like a PNG image, not text"),
        (&missing, "does not exist"),
        (&empty_folder, "is a folder with no article files"),
        (
            &huge,
            "is too large for an article (104.9 MB; factdesk imports article files up to 20 MB)",
        ),
        (&unreadable, "cannot be read"),
    ];
    for (outcome, (path, phrase)) in report.outcomes.iter().zip(expected) {
        assert_eq!(outcome.status, ImportStatus::Error);
        let error = outcome.error.as_deref().unwrap();
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(error.contains(phrase), "{error:?} should say {phrase:?}");
        assert_eq!((outcome.article_id, outcome.version_id), (None, None));
    }
    assert_eq!(wb.count().unwrap(), 0);
    const { assert!(MAX_ARTICLE_BYTES < 100 * 1024 * 1024) };
}

#[test]
fn folders_are_imported_recursively_with_their_text_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let folder = dir.path().join("inbox");
    write(&folder, "b.txt", b"Kedua\nIsi kedua.");
    write(&folder, "nested/a.TXT", b"Pertama\nIsi pertama.");
    write(&folder, "notes.md", b"Catatan\nIsi catatan.");
    write(&folder, "image.png", b"\x89PNG\r\n\x1a\n");
    write(&folder, ".hidden.txt", b"Tersembunyi\nIsi.");
    write(&folder, "bad.txt", b"");

    let report = wb.import_paths(std::slice::from_ref(&folder));
    let inputs: Vec<&str> = report
        .outcomes
        .iter()
        .map(|o| o.input.strip_prefix(folder.to_str().unwrap()).unwrap())
        .collect();
    assert_eq!(inputs, ["/b.txt", "/bad.txt", "/nested/a.TXT", "/notes.md"]);
    assert_eq!(report.count(ImportStatus::Imported), 3);
    assert_eq!(report.count(ImportStatus::Error), 1);
    assert_eq!(wb.count().unwrap(), 3);
}

#[test]
fn a_large_mixed_folder_keeps_its_order_and_its_failures() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let folder = dir.path().join("many");
    // Saved pages and text files in one folder, with broken files among them.
    for i in 0..150 {
        let name = format!("{i:03}");
        if i % 9 == 4 {
            write(
                &folder,
                &format!("{name}.txt"),
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            );
        } else if i % 2 == 0 {
            let page = format!(
                "<html><head><title>Halaman {i}</title></head><body><article><h1>Halaman {i}</h1>\
                 <p>Harga cabai di pasar nomor {i} naik menjadi Rp {i}.000 per kilogram pekan ini, kata pedagang setempat kepada wartawan.</p>\
                 <p>Para pedagang menyebut pasokan dari petani berkurang karena hujan turun lebih lama daripada biasanya tahun ini.</p></article></body></html>"
            );
            write(&folder, &format!("{name}.html"), page.as_bytes());
        } else {
            write(
                &folder,
                &format!("{name}.txt"),
                format!("Berita {i}\n\nIsi berita nomor {i}, kata pedagang.").as_bytes(),
            );
        }
    }
    let report = wb.import_paths(&[folder]);
    assert_eq!(report.outcomes.len(), 150);
    for (i, outcome) in report.outcomes.iter().enumerate() {
        assert!(
            outcome.input.contains(&format!("{i:03}.")),
            "outcome {i} is for {}",
            outcome.input
        );
        if i % 9 == 4 {
            assert_eq!(outcome.status, ImportStatus::Error, "{outcome:?}");
            assert!(
                outcome.error.as_deref().unwrap().contains("PNG"),
                "{outcome:?}"
            );
        } else {
            assert_eq!(outcome.status, ImportStatus::Imported, "{outcome:?}");
            let title = if i % 2 == 0 { "Halaman" } else { "Berita" };
            assert_eq!(
                outcome.title.as_deref(),
                Some(format!("{title} {i}").as_str())
            );
        }
    }
    assert_eq!(wb.count().unwrap(), 150 - 17);
}

#[test]
fn a_cancelled_import_keeps_whole_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let folder = dir.path().join("many");
    for i in 0..10 {
        write(
            &folder,
            &format!("{i:02}.txt"),
            format!("Artikel {i}\nIsi {i}.").as_bytes(),
        );
    }
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    let report = wb.import_paths_with(
        &[folder],
        &mut |progress| {
            seen += 1;
            assert_eq!(progress.total, 10);
            if progress.done == 3 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(report.cancelled);
    assert_eq!(report.outcomes.len(), 4);
    assert_eq!(wb.count().unwrap(), 4);
    assert_eq!(seen, 4);
}

#[test]
fn search_and_show_find_imported_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let path = write(dir.path(), "a.txt", ARTICLE_ID.as_bytes());
    let id = wb.import_paths(&[path]).outcomes[0].article_id.unwrap();
    let hits = wb.search("petani", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article_id, id);
    assert!(wb.search("tidakadadimanamana", 10).unwrap().is_empty());
    let error = wb.show(id + 100, None).unwrap_err();
    assert_eq!(error.kind(), factdesk_workbench::ErrorKind::NotFound);
    assert!(
        error
            .to_string()
            .contains(&format!("no article with id {}", id + 100))
    );
}

#[test]
fn a_scrapers_json_lines_export_is_one_article_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let records = [
        r#"{"id": "a", "url": "https://kabar.example/read/1", "site": "kabar.example", "title": "Harga gas naik", "author": "Rina Sari", "published": "Diperbarui 16 Jun 2025, 11:03 WIB", "text": "Jakarta - Pemerintah menaikkan harga gas 3 persen.\nSimak juga Video: Antrean gas\n\"Kami terpaksa,\" kata menteri."}"#,
        "",
        r#"{"title": "no text here"}"#,
        r#"{"url": "https://news.example/2", "title": "Bridge reopens", "published": "2025-06-12T08:00:00Z", "text": "The bridge reopened on Monday after repairs costing $4.2 million, the city said."}"#,
    ]
    .join("\n");
    let path = write(dir.path(), "dump/articles.jsonl", records.as_bytes());
    let report = wb.import_paths(std::slice::from_ref(&path));
    let statuses: Vec<_> = report
        .outcomes
        .iter()
        .map(|o| (o.input.rsplit(", ").next().unwrap().to_string(), o.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("line 1".to_string(), ImportStatus::Imported),
            ("line 3".to_string(), ImportStatus::Error),
            ("line 4".to_string(), ImportStatus::Imported)
        ]
    );
    let error = report.outcomes[1].error.as_deref().unwrap();
    assert!(
        error.contains("articles.jsonl, line 3") && error.contains("\"text\""),
        "{error}"
    );

    let gas = wb
        .show(report.outcomes[0].article_id.unwrap(), None)
        .unwrap();
    assert_eq!(gas.article.title, "Harga gas naik");
    assert_eq!(
        gas.article.url.as_deref(),
        Some("https://kabar.example/read/1")
    );
    assert_eq!(gas.article.language.as_deref(), Some("id"));
    assert!(!gas.text.contains("Simak juga"), "{}", gas.text);
    let version = &gas.versions[0];
    assert_eq!(version.metadata.byline.as_deref(), Some("Rina Sari"));
    assert_eq!(
        version.metadata.updated.as_deref(),
        Some("2025-06-16T11:03:00+07:00")
    );
    let bridge = wb
        .show(report.outcomes[2].article_id.unwrap(), None)
        .unwrap();
    assert_eq!(
        bridge.article.published.as_deref(),
        Some("2025-06-12T08:00:00Z")
    );

    // The same export again adds nothing; a folder holding it imports its records.
    let again = wb.import_paths(&[dir.path().join("dump")]);
    assert_eq!(
        again.count(ImportStatus::Unchanged),
        2,
        "{:?}",
        again.outcomes
    );
    assert_eq!(wb.count().unwrap(), 2);

    let latin1 = write(dir.path(), "bad.jsonl", b"{\"text\": \"caf\xe9\"}");
    let refused = wb.import_paths(&[latin1]);
    assert!(
        refused.outcomes[0]
            .error
            .as_deref()
            .unwrap()
            .contains("is not UTF-8"),
        "{:?}",
        refused.outcomes
    );
}

#[test]
fn search_keeps_to_the_article_lists_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let id = write(
        dir.path(),
        "a/id.txt",
        "Harga beras naik\n\nHarga beras di pasar Palembang naik lagi pekan ini menurut pedagang."
            .as_bytes(),
    );
    let en = write(dir.path(), "a/en.txt", "Rice prices rise\n\nThe price of beras, as rice is called in Palembang, rose again this week.".as_bytes());
    wb.import_paths(&[id, en]);
    assert_eq!(wb.search("beras", 10).unwrap().len(), 2);
    let english = factdesk_workbench::ArticleQuery {
        language: Some("en".into()),
        ..Default::default()
    };
    let hits = wb.search_filtered("beras", 10, &english).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.title.as_str()).collect::<Vec<_>>(),
        ["Rice prices rise"]
    );
    let nowhere = factdesk_workbench::ArticleQuery {
        site: Some("tidak-ada.example".into()),
        ..Default::default()
    };
    assert!(
        wb.search_filtered("beras", 10, &nowhere)
            .unwrap()
            .is_empty()
    );
}
