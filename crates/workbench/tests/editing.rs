//! Splitting and merging claims and quotations, audited and undone, over a real database.

use factdesk_workbench::{Clock, Workbench};
use std::path::Path;

fn workbench(dir: &Path) -> Workbench {
    Workbench::open(&dir.join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed("2026-11-26T10:00:00Z".into()))
}

const ARTICLE: &str = "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini. Stok di gudang cukup untuk enam bulan,\" kata Menteri Perdagangan Rina Sari.";

#[test]
fn a_quotation_is_split_and_merged_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let outcome = wb.import_file(&path);
    let analysis = wb
        .article_analysis(outcome.article_id.unwrap(), outcome.version_id.unwrap())
        .unwrap();
    let quote = analysis
        .claims
        .iter()
        .find(|c| c.kind == "direct")
        .expect("a quotation")
        .clone();
    assert!(
        quote
            .text
            .starts_with("Harga beras tidak akan naik tahun ini. Stok"),
        "{}",
        quote.text
    );

    let at = "Harga beras tidak akan naik tahun ini. ".chars().count();
    let parts = wb.split(quote.id, at).unwrap();
    assert_eq!(parts[0].text, "Harga beras tidak akan naik tahun ini. ");
    assert!(
        parts[1].text.starts_with("Stok di gudang"),
        "{}",
        parts[1].text
    );
    assert_eq!(
        (parts[1].kind.as_str(), parts[1].speaker.as_deref()),
        ("direct", Some("Rina Sari"))
    );
    assert_eq!(
        (parts[0].end, parts[1].start),
        (parts[1].start, quote.start + at)
    );
    let history = wb.history(quote.id).unwrap();
    assert_eq!(history.last().map(|e| e.field.as_str()), Some("span"));

    // Merging the two gives the quotation back; undo splits it again.
    let merged = wb.merge(quote.id, parts[1].id).unwrap();
    assert_eq!(
        (merged.start, merged.end, merged.text.as_str()),
        (quote.start, quote.end, quote.text.as_str())
    );
    let live: Vec<i64> = wb
        .article_analysis(outcome.article_id.unwrap(), outcome.version_id.unwrap())
        .unwrap()
        .claims
        .iter()
        .filter(|c| c.state != "rejected")
        .map(|c| c.id)
        .collect();
    assert!(
        !live.contains(&parts[1].id),
        "the merged part leaves the lists"
    );
    wb.undo().unwrap().unwrap();
    assert_eq!(wb.claim(quote.id).unwrap().text, parts[0].text);
    wb.undo().unwrap().unwrap();
    let back = wb.claim(quote.id).unwrap();
    assert_eq!(
        (back.start, back.end),
        (quote.start, quote.end),
        "undoing the split joins them"
    );
    assert_eq!(wb.claim(parts[1].id).unwrap().state, "rejected");

    // Bad requests are named.
    assert!(
        wb.split(quote.id, 0)
            .unwrap_err()
            .to_string()
            .contains("must fall inside")
    );
    assert!(
        wb.merge(quote.id, quote.id)
            .unwrap_err()
            .to_string()
            .contains("cannot be merged")
    );
    assert!(wb.split(999, 3).is_err());
}
