//! Speakers across articles: the speaker page, merging two speakers into one, and undo.

use factdesk_workbench::{Clock, ImportStatus, ReviewRequest, Workbench};
use std::path::Path;

fn workbench(dir: &Path) -> Workbench {
    Workbench::open(&dir.join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed("2026-11-26T10:00:00Z".into()))
}

#[test]
fn a_speaker_page_gathers_quotations_and_merging_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini,\" kata Menteri Perdagangan Rina Sari.").unwrap();
    std::fs::write(&b, "Stok beras aman\n\nPalembang - \"Stok beras aman sampai akhir tahun,\" ujar Rina S. Wijaya di gudang Bulog.").unwrap();
    let report = wb.import_paths(&[a, b]);
    assert_eq!(report.count(ImportStatus::Imported), 2);

    let rina = wb.speakers("rina sari", 10).unwrap();
    assert_eq!(
        rina.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Rina Sari"],
        "{rina:?}"
    );
    let other = wb.speakers("wijaya", 10).unwrap();
    assert_eq!(other.len(), 1, "{other:?}");
    let (into, from) = (rina[0].id, other[0].id);
    let page = wb.speaker_page(into).unwrap();
    assert_eq!(page.speaker.quotations, 1);
    assert!(
        page.speaker
            .roles
            .iter()
            .any(|r| r.contains("Menteri Perdagangan")),
        "{:?}",
        page.speaker.roles
    );
    assert_eq!(page.quotes[0].article_title, "Harga beras tidak naik");

    // A verdict shows on the page.
    let quote = page.quotes[0].claim.id;
    wb.review(
        quote,
        &ReviewRequest {
            verdict: Some("false".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        wb.speaker_page(into).unwrap().quotes[0]
            .claim
            .verdict
            .as_deref(),
        Some("false")
    );

    let merged = wb.merge_speakers(into, from).unwrap();
    assert_eq!((merged.speaker.quotations, merged.speaker.articles), (2, 2));
    assert!(
        merged.speaker.aliases.iter().any(|a| a == &other[0].name),
        "{:?}",
        merged.speaker.aliases
    );
    assert!(wb.speaker_page(from).is_err(), "the merged speaker is gone");
    // Naming the old name now finds the merged speaker.
    assert_eq!(wb.speakers("wijaya", 10).unwrap()[0].id, into);
    let moved = merged
        .quotes
        .iter()
        .find(|q| q.article_title == "Stok beras aman")
        .unwrap()
        .claim
        .id;
    assert_eq!(
        wb.history(moved)
            .unwrap()
            .last()
            .map(|e| (e.field.as_str(), e.after.as_deref())),
        Some(("speaker", Some("Rina Sari")))
    );

    let undone = wb.undo().unwrap().unwrap();
    assert!(undone.contains("merged speaker"), "{undone}");
    assert_eq!(wb.speaker_page(into).unwrap().speaker.quotations, 1);
    let back = wb.speaker_page(from).unwrap();
    assert_eq!(
        (back.speaker.name.as_str(), back.speaker.quotations),
        (other[0].name.as_str(), 1)
    );

    assert!(
        wb.merge_speakers(into, into)
            .unwrap_err()
            .to_string()
            .contains("into itself")
    );
    assert!(
        wb.merge_speakers(into, 999)
            .unwrap_err()
            .to_string()
            .contains("no speaker with id 999")
    );
}
