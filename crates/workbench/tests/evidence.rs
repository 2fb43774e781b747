//! Evidence use cases over a real database, real files and a real local HTTP server.

use factdesk_core::{EvidenceSourceKind, Relation};
use factdesk_workbench::{Clock, ImportStatus, SourceInput, Workbench, WorkbenchError};
use std::path::Path;

const NOW: &str = "2026-11-26T10:00:00Z";

fn workbench(dir: &Path) -> Workbench {
    Workbench::open(&dir.join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed(NOW.into()))
}

const ARTICLE: &str = "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini,\" kata Menteri Perdagangan Rina Sari, Senin.";
const PAGE: &str = r#"<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Siaran pers Kementerian</title></head><body><article><h1>Siaran pers Kementerian</h1>
<p>Menteri Perdagangan Rina Sari menyatakan harga beras tidak akan naik tahun ini karena pasokan dari petani cukup untuk enam bulan ke depan.</p>
<p>Kementerian akan memantau harga di pasar induk setiap pekan bersama pemerintah daerah di seluruh provinsi.</p></article></body></html>"#;

#[test]
fn sources_of_every_kind_are_archived_and_linked_with_an_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let article_path = dir.path().join("berita.txt");
    std::fs::write(&article_path, ARTICLE).unwrap();
    let imported = wb.import_file(&article_path);
    assert_eq!(imported.status, ImportStatus::Imported);
    let article = imported.article_id.unwrap();
    let quote = wb
        .article_analysis(article, imported.version_id.unwrap())
        .unwrap()
        .claims
        .into_iter()
        .find(|c| c.kind == "direct")
        .expect("the quotation is detected");

    let base = factdesk_testkit::serve(|_| {
        factdesk_testkit::reply("200 OK", "text/html; charset=utf-8", PAGE)
    });
    let page = wb
        .add_source(&SourceInput::parse(&format!("{base}/siaran-pers")))
        .unwrap();
    assert!(page.new);
    assert_eq!(
        (page.source.kind, page.source.title.as_str()),
        (EvidenceSourceKind::Url, "Siaran pers Kementerian")
    );
    assert_eq!(
        page.source.sha256.as_deref(),
        Some(factdesk_core::hash::sha256_hex(PAGE.as_bytes()).as_str())
    );
    // Fetching the same page again finds the archived source.
    assert!(
        !wb.add_source(&SourceInput::parse(&format!("{base}/siaran-pers")))
            .unwrap()
            .new
    );

    let srt = dir.path().join("rapat.srt");
    std::fs::write(&srt, "1\n00:00:01,000 --> 00:00:04,000\nHarga beras tidak akan naik\n\n2\n00:00:04,000 --> 00:00:06,000\ntahun ini.\n").unwrap();
    let transcript = wb
        .add_source(&SourceInput::parse(&srt.display().to_string()))
        .unwrap()
        .source;
    assert_eq!(
        (transcript.kind, transcript.title.as_str()),
        (EvidenceSourceKind::Transcript, "rapat.srt")
    );
    assert_eq!(
        transcript.text_chars,
        "Harga beras tidak akan naik\ntahun ini.".len() as u64
    );
    let pdf = dir.path().join("putusan.pdf");
    std::fs::write(
        &pdf,
        factdesk_testkit::tiny_pdf("Menteri menyatakan harga beras tidak akan naik."),
    )
    .unwrap();
    let ruling = wb
        .add_source(&SourceInput::parse(&pdf.display().to_string()))
        .unwrap()
        .source;
    assert_eq!(
        (ruling.title.as_str(), ruling.text_chars),
        (
            "putusan.pdf",
            "Menteri menyatakan harga beras tidak akan naik.".len() as u64
        )
    );
    let pasted = wb
        .add_source(&SourceInput::Pasted {
            title: String::new(),
            text: "Catatan wawancara: menteri membantah kenaikan harga.".into(),
        })
        .unwrap()
        .source;
    assert_eq!(
        pasted.title,
        "Catatan wawancara: menteri membantah kenaikan harga.…"
    );
    let itself = wb
        .add_source(&SourceInput::parse(&format!("#{article}")))
        .unwrap()
        .source;
    assert_eq!(
        (itself.kind, itself.article_id),
        (EvidenceSourceKind::Article, Some(article))
    );
    assert_eq!(wb.sources().unwrap().len(), 5);

    wb.link(quote.id, transcript.id, Relation::Original, "menit 0:01")
        .unwrap();
    let links = wb
        .link(quote.id, page.source.id, Relation::Supports, "")
        .unwrap();
    assert_eq!(
        links
            .iter()
            .map(|l| (l.source.id, l.relation))
            .collect::<Vec<_>>(),
        [
            (transcript.id, Relation::Original),
            (page.source.id, Relation::Supports)
        ]
    );
    let history = wb.history(quote.id).unwrap();
    assert_eq!(
        history.last().map(|e| (e.field.clone(), e.after.clone())),
        Some((format!("link:{}", page.source.id), Some("supports".into())))
    );

    let links = wb.unlink(quote.id, page.source.id).unwrap();
    assert_eq!(links.len(), 1);
    wb.undo().unwrap().unwrap();
    assert_eq!(
        wb.links(quote.id).unwrap().len(),
        2,
        "undo brings the link back"
    );

    // Bad input is named and stores nothing.
    let missing = dir.path().join("tidak-ada.srt");
    let error = wb
        .add_source(&SourceInput::parse(&missing.display().to_string()))
        .unwrap_err();
    assert!(
        error.to_string().contains("tidak-ada.srt does not exist"),
        "{error}"
    );
    let error = wb.link(quote.id, 999, Relation::Supports, "").unwrap_err();
    assert!(
        error.to_string().contains("no source with id 999"),
        "{error}"
    );
    assert!(matches!(
        wb.links(12345),
        Err(WorkbenchError::ClaimNotFound(12345))
    ));
    assert!(
        wb.add_source(&SourceInput::Pasted {
            title: "x".into(),
            text: "  ".into()
        })
        .is_err()
    );
    assert_eq!(wb.sources().unwrap().len(), 5);
}

#[test]
fn a_linked_quotation_is_matched_to_its_source_and_the_checker_can_judge_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let article_path = dir.path().join("berita.txt");
    std::fs::write(&article_path, ARTICLE).unwrap();
    let imported = wb.import_file(&article_path);
    let quote = wb
        .article_analysis(imported.article_id.unwrap(), imported.version_id.unwrap())
        .unwrap()
        .claims
        .into_iter()
        .find(|c| c.kind == "direct")
        .unwrap();
    let exact = wb.add_source(&SourceInput::Pasted { title: "Rekaman".into(), text: "Wartawan bertanya soal beras. Harga beras tidak akan naik tahun ini, kecuali panen gagal.".into() }).unwrap().source;
    let changed = wb
        .add_source(&SourceInput::Pasted {
            title: "Transkrip".into(),
            text: "Menteri berkata: harga beras tidak akan naik tahun depan.".into(),
        })
        .unwrap()
        .source;
    wb.link(quote.id, exact.id, Relation::Original, "").unwrap();
    let links = wb
        .link(quote.id, changed.id, Relation::Context, "")
        .unwrap();
    assert_eq!(
        links
            .iter()
            .map(|l| l.match_class.as_deref())
            .collect::<Vec<_>>(),
        [Some("verbatim"), Some("altered")]
    );

    let verbatim = wb.link_match(quote.id, exact.id).unwrap();
    assert_eq!(
        verbatim.passage.as_deref(),
        Some("Harga beras tidak akan naik tahun ini")
    );
    assert!(
        verbatim
            .sentence_after
            .as_deref()
            .is_some_and(|s| s.contains("kecuali panen gagal")),
        "{verbatim:?}"
    );
    let altered = wb.link_match(quote.id, changed.id).unwrap();
    assert!(
        altered
            .edits
            .iter()
            .any(|e| e.op == "replace" && e.quote.contains("ini") && e.source.contains("depan")),
        "{:?}",
        altered.edits
    );

    // The checker's judgement is audited and undone like any change.
    let judged = wb.judge_match(quote.id, changed.id, "paraphrased").unwrap();
    assert_eq!(judged[1].match_class.as_deref(), Some("paraphrased"));
    assert_eq!(
        wb.history(quote.id)
            .unwrap()
            .last()
            .map(|e| e.field.clone()),
        Some(format!("match:{}", changed.id))
    );
    wb.undo().unwrap().unwrap();
    assert_eq!(
        wb.links(quote.id).unwrap()[1].match_class.as_deref(),
        Some("altered")
    );
    assert!(
        wb.judge_match(quote.id, changed.id, "mungkin")
            .unwrap_err()
            .to_string()
            .contains("unknown match")
    );

    // Picking another passage judges the match against it; undo puts the found one back.
    let links = wb
        .choose_passage(
            quote.id,
            exact.id,
            0,
            "Wartawan bertanya soal beras.".chars().count(),
        )
        .unwrap();
    assert_eq!(
        (
            links[0].match_class.as_deref(),
            links[0].source_start,
            links[0].source_end
        ),
        (Some("not_found"), Some(0), Some(29))
    );
    assert_eq!(
        wb.link_match(quote.id, exact.id)
            .unwrap()
            .passage
            .as_deref(),
        Some("Wartawan bertanya soal beras.")
    );
    wb.undo().unwrap().unwrap();
    assert_eq!(
        wb.link_match(quote.id, exact.id)
            .unwrap()
            .passage
            .as_deref(),
        Some("Harga beras tidak akan naik tahun ini")
    );
    assert_eq!(
        wb.links(quote.id).unwrap()[0].match_class.as_deref(),
        Some("verbatim"),
        "the match comes back with the passage"
    );
    assert!(
        wb.choose_passage(quote.id, exact.id, 5, 5000)
            .unwrap_err()
            .to_string()
            .contains("not a passage")
    );
}
