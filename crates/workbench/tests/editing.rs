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

#[test]
fn a_newsrooms_rating_scale_is_defined_chosen_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let file = dir.path().join("skala.txt");
    std::fs::write(&file, "# skala redaksi\nfakta | Fact | Fakta\nmenyesatkan-redaksi | Misleading | Menyesatkan\nhoaks | Hoax | Hoaks\n").unwrap();
    let scales = wb.define_scale("redaksi", &file).unwrap();
    assert_eq!(
        scales
            .iter()
            .map(|s| (s.name.as_str(), s.verdicts, s.active))
            .collect::<Vec<_>>(),
        [("default", 5, true), ("redaksi", 3, false)]
    );
    wb.use_scale("redaksi").unwrap();
    assert_eq!(
        wb.ratings()
            .unwrap()
            .iter()
            .map(|r| r.key.as_str())
            .collect::<Vec<_>>(),
        ["fakta", "menyesatkan-redaksi", "hoaks"]
    );

    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let outcome = wb.import_file(&path);
    let claim = wb
        .article_analysis(outcome.article_id.unwrap(), outcome.version_id.unwrap())
        .unwrap()
        .claims[0]
        .id;
    let reviewed = wb
        .review(
            claim,
            &factdesk_workbench::ReviewRequest {
                verdict: Some("hoaks".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(reviewed.verdict.as_deref(), Some("hoaks"));
    let refused = wb
        .review(
            claim,
            &factdesk_workbench::ReviewRequest {
                verdict: Some("false".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("fakta, menyesatkan-redaksi, hoaks"),
        "{refused}"
    );

    // Names and keys are never reused; a missing scale is named.
    assert!(
        wb.define_scale("redaksi", &file)
            .unwrap_err()
            .to_string()
            .contains("exists already")
    );
    std::fs::write(&file, "false | False | Salah\nx-1 | X | X\n").unwrap();
    assert!(
        wb.define_scale("lain", &file)
            .unwrap_err()
            .to_string()
            .contains("belongs to the scale \"default\"")
    );
    assert!(
        wb.use_scale("tidak-ada")
            .unwrap_err()
            .to_string()
            .contains("no rating scale named")
    );
    std::fs::write(&file, "rusak\n").unwrap();
    let bad = wb.define_scale("rusak", &file).unwrap_err().to_string();
    assert!(bad.contains("skala.txt") && bad.contains("line 1"), "{bad}");
}

#[test]
fn a_new_version_records_what_became_of_the_older_versions_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("factdesk.sqlite3");
    let mut wb = workbench(dir.path());
    let record = |text: &str| {
        serde_json::json!({ "url": "https://kabar.example/beras", "title": "Harga beras tidak naik", "text": text }).to_string()
    };
    let first = dir.path().join("v1.jsonl");
    std::fs::write(&first, record("Jakarta - \"Harga beras tidak akan naik tahun ini,\" kata Menteri Perdagangan Rina Sari.\nStok beras di gudang Bulog mencapai 3 juta ton pada Juni, kata Budi.")).unwrap();
    let v1 = wb.import_paths(&[first]).outcomes[0].clone();
    let quote = wb
        .article_analysis(v1.article_id.unwrap(), v1.version_id.unwrap())
        .unwrap()
        .claims
        .into_iter()
        .find(|c| c.kind == "direct")
        .unwrap();
    wb.review(
        quote.id,
        &factdesk_workbench::ReviewRequest {
            verdict: Some("false".into()),
            ..Default::default()
        },
    )
    .unwrap();

    // The outlet changes the quotation's words: the reviewed quotation is recorded as edited
    // in the new version, and keeps its review.
    let second = dir.path().join("v2.jsonl");
    std::fs::write(&second, record("Jakarta - \"Harga beras mungkin naik tahun ini,\" kata Menteri Perdagangan Rina Sari.\nStok beras di gudang Bulog mencapai 3 juta ton pada Juni, kata Budi.")).unwrap();
    let v2 = wb.import_paths(&[second]).outcomes[0].clone();
    assert_eq!(
        (v2.article_id, v2.status),
        (v1.article_id, factdesk_workbench::ImportStatus::Imported)
    );
    drop(wb);
    let store = factdesk_store::Store::open(&db).unwrap();
    let anchors = store.claim_anchors(quote.id).unwrap();
    assert_eq!(
        anchors
            .iter()
            .map(|a| (a.version_id, a.status.as_str()))
            .collect::<Vec<_>>(),
        [(v2.version_id.unwrap(), "edited")]
    );
    assert!(
        anchors[0]
            .text
            .as_deref()
            .is_some_and(|t| t.contains("mungkin")),
        "{anchors:?}"
    );
    assert_eq!(
        store.claim(quote.id).unwrap().unwrap().verdict.as_deref(),
        Some("false")
    );
}
