//! Analysis use cases: imported articles carry their quotations, speakers and claims; the
//! reader's analysis adds consistency checks; versions stored before analysis get it on open.

use factdesk_workbench::{ClaimQuery, Clock, Workbench};
use std::path::Path;

const NOW: &str = "2026-11-25T10:00:00Z";

const ARTICLE: &str = "Harga cabai naik di Palembang\n\
Palembang, Rabu, 14 September 2023 - Harga cabai merah naik 12,5 persen pekan ini, kata Kepala Dinas Perdagangan, Siti Aminah.\n\
“Pasokan dari petani berkurang karena hujan,” ujarnya.\n\
Gubernur Herman Deru mengatakan operasi pasar digelar di 20 titik.";

fn workbench(dir: &Path) -> Workbench {
    Workbench::open(&dir.join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed(NOW.into()))
}

#[test]
fn imported_articles_show_quotes_speakers_claims_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cabai.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let mut wb = workbench(dir.path());
    let report = wb.import_paths(std::slice::from_ref(&file));
    let outcome = &report.outcomes[0];
    let (article, version) = (outcome.article_id.unwrap(), outcome.version_id.unwrap());

    let analysis = wb.article_analysis(article, version).unwrap();
    let quote = analysis
        .claims
        .iter()
        .find(|c| c.kind == "direct")
        .expect("the direct quotation");
    assert_eq!(quote.text, "Pasokan dari petani berkurang karena hujan,");
    assert_eq!(quote.speaker.as_deref(), Some("Siti Aminah"));
    assert_eq!(quote.cue.as_deref(), Some("ujarnya"));
    let text = wb.show(article, Some(version)).unwrap().text;
    let mention: String = text
        .chars()
        .skip(quote.speaker_start.unwrap())
        .take(quote.speaker_end.unwrap() - quote.speaker_start.unwrap())
        .collect();
    assert_eq!(mention, "nya");
    assert!(
        analysis
            .claims
            .iter()
            .any(|c| c.kind == "indirect" && c.speaker.as_deref() == Some("Herman Deru"))
    );
    let claim = analysis
        .claims
        .iter()
        .find(|c| c.kind == "claim" && c.text.contains("12,5 persen"))
        .expect("a check-worthy claim");
    assert!(
        claim.score.unwrap() >= 0.5 && claim.reasons.iter().any(|r| r == "percent"),
        "{claim:?}"
    );
    // 14 September 2023 was a Thursday, not a Wednesday.
    let check = analysis
        .checks
        .iter()
        .find(|c| c.kind == "weekday_matches_date")
        .expect("a weekday check");
    assert!(!check.ok, "{check:?}");
    let speaker = analysis
        .speakers
        .iter()
        .find(|s| s.name == "Siti Aminah")
        .expect("Siti Aminah in the speaker list");
    // Her direct quotation and the reported statement before it.
    assert_eq!(speaker.quotes.len(), 2);
    assert!(speaker.quotes.contains(&quote.id));

    // Opening again neither duplicates nor loses anything.
    let again = wb.article_analysis(article, version).unwrap();
    assert_eq!(again.claims, analysis.claims);
}

#[test]
fn versions_stored_before_analysis_are_analysed_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdesk.sqlite3");
    {
        // A capture as an older factdesk stored it: no analysis.
        let mut store = factdesk_store::Store::open(&path).unwrap();
        let capture = stored_capture(None);
        store.add_capture(&capture, NOW).unwrap();
        assert!(store.version_claims(1).unwrap().is_empty());
    }
    let mut wb = workbench(dir.path());
    let analysis = wb.article_analysis(1, 1).unwrap();
    assert!(
        analysis
            .claims
            .iter()
            .any(|c| c.kind == "direct" && c.speaker.as_deref() == Some("Siti Aminah"))
    );
    assert!(
        !wb.claims(
            &ClaimQuery {
                article_id: Some(1),
                status: Some("new".into()),
                ..Default::default()
            },
            100,
            0
        )
        .unwrap()
        .is_empty()
    );
}

/// A capture of `ARTICLE` stored by an older factdesk, with that version's analysis.
fn stored_capture(analysis: Option<factdesk_core::DetectedAnalysis>) -> factdesk_core::NewCapture {
    factdesk_core::NewCapture {
        source_kind: factdesk_core::SourceKind::File,
        source_ref: None,
        raw: ARTICLE.as_bytes().to_vec(),
        sha256: factdesk_core::hash::sha256_hex(ARTICLE.as_bytes()),
        media_type: "text/plain".into(),
        charset: Some("UTF-8".into()),
        captured_at: NOW.into(),
        title: "Harga cabai naik di Palembang".into(),
        text: ARTICLE.into(),
        language: Some("id".into()),
        canonical_url: None,
        site: None,
        published: None,
        metadata: Default::default(),
        analysis,
    }
}

#[test]
fn suggestions_of_an_older_analyzer_are_replaced_when_opened() {
    use factdesk_core::analysis::ANALYZER_VERSION;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdesk.sqlite3");
    let quote = "Pasokan dari petani berkurang karena hujan,";
    let start = ARTICLE.chars().count()
        - ARTICLE.split_once(quote).unwrap().1.chars().count()
        - quote.chars().count();
    {
        // The previous analyzer gave the quotation to a headline's words.
        let mut store = factdesk_store::Store::open(&path).unwrap();
        let stale = factdesk_core::DetectedItem {
            kind: "direct",
            start,
            end: start + quote.chars().count(),
            text: quote.into(),
            prefix: String::new(),
            suffix: String::new(),
            speaker: Some("Harga Cabai Naik".into()),
            role: None,
            speaker_start: Some(0),
            speaker_end: Some(16),
            cue: Some("ujarnya".into()),
            score: None,
            reasons: Vec::new(),
        };
        store
            .add_capture(
                &stored_capture(Some(factdesk_core::DetectedAnalysis {
                    analyzer: ANALYZER_VERSION - 1,
                    items: vec![stale],
                })),
                NOW,
            )
            .unwrap();
        assert_eq!(store.analyzer_of(1).unwrap(), Some(ANALYZER_VERSION - 1));
    }
    let mut wb = workbench(dir.path());
    let analysis = wb.article_analysis(1, 1).unwrap();
    let speakers: Vec<Option<&str>> = analysis
        .claims
        .iter()
        .filter(|c| c.kind == "direct")
        .map(|c| c.speaker.as_deref())
        .collect();
    assert_eq!(speakers, [Some("Siti Aminah")]);
    assert!(
        analysis
            .speakers
            .iter()
            .all(|s| s.name != "Harga Cabai Naik"),
        "{:#?}",
        analysis.speakers
    );
    drop(wb);
    let store = factdesk_store::Store::open(&path).unwrap();
    assert_eq!(store.analyzer_of(1).unwrap(), Some(ANALYZER_VERSION));
}

#[test]
fn a_missing_version_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let error = wb.article_analysis(7, 3).unwrap_err();
    assert!(error.to_string().contains('7'), "{error}");
}

#[test]
fn reviews_are_validated_recorded_under_the_reviewer_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cabai.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let mut wb = workbench(dir.path());
    let outcome = wb
        .import_paths(std::slice::from_ref(&file))
        .outcomes
        .remove(0);
    let quote = wb
        .claims(
            &ClaimQuery {
                article_id: outcome.article_id,
                ..Default::default()
            },
            100,
            0,
        )
        .unwrap()
        .into_iter()
        .find(|c| c.kind == "direct")
        .unwrap();

    wb.set_reviewer("Rina Checker").unwrap();
    assert!(
        wb.set_reviewer("  ")
            .unwrap_err()
            .to_string()
            .contains("cannot be empty")
    );
    let request = factdesk_workbench::ReviewRequest {
        verdict: Some("misleading".into()),
        status: Some("checked".into()),
        notes: Some("Angka dari BPS berbeda".into()),
        state: Some("accepted".into()),
        ..Default::default()
    };
    let reviewed = wb.review(quote.id, &request).unwrap();
    assert_eq!(
        (
            reviewed.verdict.as_deref(),
            reviewed.status.as_str(),
            reviewed.notes.as_str()
        ),
        (Some("misleading"), "checked", "Angka dari BPS berbeda")
    );
    assert!(
        wb.history(quote.id)
            .unwrap()
            .iter()
            .all(|e| e.reviewer == "Rina Checker" && e.at == NOW)
    );
    assert_eq!(
        wb.claims(
            &ClaimQuery {
                status: Some("checked".into()),
                ..Default::default()
            },
            100,
            0
        )
        .unwrap()
        .len(),
        1
    );

    for (bad, expected) in [
        (
            factdesk_workbench::ReviewRequest {
                verdict: Some("maybe".into()),
                ..Default::default()
            },
            "unknown verdict \"maybe\"",
        ),
        (
            factdesk_workbench::ReviewRequest {
                status: Some("done".into()),
                ..Default::default()
            },
            "unknown status \"done\"",
        ),
        (
            factdesk_workbench::ReviewRequest {
                state: Some("ok".into()),
                ..Default::default()
            },
            "unknown state \"ok\"",
        ),
    ] {
        let error = wb.review(quote.id, &bad).unwrap_err();
        assert!(error.to_string().contains(expected), "{error}");
    }
    assert!(
        wb.review(987_654, &request)
            .unwrap_err()
            .to_string()
            .contains("987654")
    );

    assert!(wb.undo().unwrap().is_some());
    let restored = wb
        .claims(
            &ClaimQuery {
                article_id: outcome.article_id,
                ..Default::default()
            },
            100,
            0,
        )
        .unwrap()
        .into_iter()
        .find(|c| c.id == quote.id)
        .unwrap();
    assert_eq!(
        (
            restored.verdict,
            restored.status.as_str(),
            restored.state.as_str()
        ),
        (None, "new", "suggested")
    );
    assert_eq!(wb.undo().unwrap(), None, "nothing left to undo");
}
