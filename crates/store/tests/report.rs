//! The report queries on a real SQLite file. Sources, links and later-version anchors are
//! written with plain SQL here, as the features that record them will.

use factdesk_core::{NewCapture, SourceKind, hash::sha256_hex};
use factdesk_store::{NewClaim, ReportSelection, ReviewChange, Store};
use rusqlite::{Connection, params};

fn capture(text: &str, at: &str) -> NewCapture {
    NewCapture {
        source_kind: SourceKind::Url,
        source_ref: Some("https://kabarkota.example/beras".into()),
        raw: text.as_bytes().to_vec(),
        sha256: sha256_hex(text.as_bytes()),
        media_type: "text/html".into(),
        charset: Some("UTF-8".into()),
        captured_at: at.into(),
        title: "Harga beras".into(),
        text: text.into(),
        language: Some("id".into()),
        canonical_url: Some("https://kabarkota.example/beras".into()),
        site: Some("Kabar Kota".into()),
        published: Some("2025-06-18T09:00:00+07:00".into()),
        metadata: factdesk_core::CaptureMetadata {
            byline: Some("Rina Sari".into()),
            ..Default::default()
        },
        analysis: None,
    }
}

fn claim(store: &mut Store, article_id: i64, version_id: i64, text: &str) -> i64 {
    let new = NewClaim {
        article_id,
        version_id,
        kind: "claim",
        start: 0,
        end: text.chars().count(),
        text: text.into(),
        speaker_id: None,
        manual: true,
    };
    store.add_claim(&new, "2025-06-19T00:00:00Z").unwrap()
}

fn verdict(store: &mut Store, claim_id: i64, verdict: &str, at: &str) {
    let change = ReviewChange {
        verdict: Some(Some(verdict.into())),
        status: Some("checked".into()),
        ..ReviewChange::default()
    };
    assert!(
        store
            .review_claim(claim_id, &change, "Rina Sari", at)
            .unwrap()
    );
}

#[test]
fn report_queries_select_reviewed_claims_with_their_evidence_and_later_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdesk.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (article, first) = store
        .add_capture(
            &capture("Harga beras naik 40 persen.", "2025-06-18T03:00:00Z"),
            "2025-06-18T03:00:00Z",
        )
        .unwrap()
        .ids();
    let (_, second) = store
        .add_capture(
            &capture("Harga beras naik 14 persen.", "2025-06-19T03:00:00Z"),
            "2025-06-19T03:00:00Z",
        )
        .unwrap()
        .ids();
    let june = claim(&mut store, article, first, "Harga beras naik 40 persen.");
    let july = claim(&mut store, article, first, "Harga beras naik.");
    let unreviewed = claim(&mut store, article, first, "Beras.");
    verdict(&mut store, june, "false", "2025-06-20T08:00:00Z");
    verdict(&mut store, july, "true", "2025-07-02T08:00:00Z");

    let ids = |selection: ReportSelection| {
        store
            .report_claims(&selection)
            .unwrap()
            .iter()
            .map(|c| c.claim.id)
            .collect::<Vec<_>>()
    };
    // In text order: same start, the shorter first.
    assert_eq!(ids(ReportSelection::All), [july, june]);
    assert_eq!(ids(ReportSelection::Article(article)), [july, june]);
    assert_eq!(
        ids(ReportSelection::Article(article + 1)),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(ReportSelection::Claims(vec![unreviewed, june])),
        [unreviewed, june],
        "named claims are taken reviewed or not"
    );
    assert_eq!(
        ids(ReportSelection::Period {
            since: Some("2025-06-01".into()),
            until: Some("2025-06-30".into())
        }),
        [june]
    );
    assert_eq!(
        ids(ReportSelection::Period {
            since: Some("2025-07-01".into()),
            until: None
        }),
        [july]
    );

    let reviewed = &store
        .report_claims(&ReportSelection::Claims(vec![june]))
        .unwrap()[0];
    assert_eq!(
        (
            reviewed.reviewer.as_deref(),
            reviewed.reviewed_at.as_deref(),
            reviewed.claim.verdict.as_deref()
        ),
        (
            Some("Rina Sari"),
            Some("2025-06-20T08:00:00Z"),
            Some("false")
        )
    );
    let record = store.article_record(article).unwrap().unwrap();
    assert_eq!(
        (record.byline.as_deref(), record.summary.site.as_deref()),
        (Some("Rina Sari"), Some("Kabar Kota"))
    );

    let source_bytes = b"Berita Resmi Statistik: harga beras naik 14 persen.";
    let sql = Connection::open(&path).unwrap();
    sql.execute(
        "INSERT INTO source (id, kind, title, url, sha256, media_type, raw_zstd, text, captured_at)
         VALUES (7, 'url', 'BRS Juni', 'https://bps.example/brs', ?1, 'text/plain', ?2, 'harga beras naik 14 persen', '2025-06-20T07:00:00Z')",
        params![sha256_hex(source_bytes), zstd::encode_all(&source_bytes[..], 3).unwrap()],
    )
    .unwrap();
    sql.execute(
        "INSERT INTO link (claim_id, source_id, relation, match_class, score, source_start, source_end, note, created_at)
         VALUES (?1, 7, 'original', 'altered', 0.8, 23, 50, 'Tabel 2', '2025-06-20T07:30:00Z')",
        [june],
    )
    .unwrap();
    sql.execute(
        "INSERT INTO claim_anchor (claim_id, version_id, status, start_char, end_char, text) VALUES (?1, ?2, 'edited', 0, 27, 'Harga beras naik 14 persen.')",
        [june, second],
    )
    .unwrap();

    let evidence = store.claim_evidence(june).unwrap();
    assert_eq!(evidence.len(), 1);
    let link = &evidence[0];
    assert_eq!(
        (
            link.relation.as_str(),
            link.match_class.as_deref(),
            link.title.as_str()
        ),
        ("original", Some("altered"), "BRS Juni")
    );
    assert_eq!(
        link.sha256.as_deref(),
        Some(sha256_hex(source_bytes).as_str())
    );
    assert_eq!(
        store.source_raw(7).unwrap().as_deref(),
        Some(&source_bytes[..])
    );
    assert_eq!(store.source_raw(8).unwrap(), None);
    let anchors = store.claim_anchors(june).unwrap();
    assert_eq!(anchors.len(), 1);
    assert_eq!(
        (
            anchors[0].version_id,
            anchors[0].status.as_str(),
            anchors[0].captured_at.as_str()
        ),
        (second, "edited", "2025-06-19T03:00:00Z")
    );
    assert!(
        store.claim_evidence(july).unwrap().is_empty()
            && store.claim_anchors(july).unwrap().is_empty()
    );
}
