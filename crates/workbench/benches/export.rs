//! Report export end to end: the store queries that gather a report plus rendering and
//! writing, on an on-disk database with 10,000 reviewed claims (500 articles × 20).
//! Prints the time of a 10,000-claim CSV and a 1,000-claim HTML report against the
//! targets (under 1 s and under 200 ms; the report crate's own bench times rendering
//! alone). `cargo bench -p factdesk-workbench --bench export` runs it in full; `cargo test`
//! runs a 50-claim smoke version so it cannot rot.

use factdesk_workbench::{ExportFormat, ExportRequest, ExportSelection, ReviewRequest, Workbench};
use std::time::{Duration, Instant};

const SENTENCE: &str =
    "Harga beras naik 40 persen di pasar tradisional sejak Januari, kata pejabat dinas. ";
const VERDICTS: &[&str] = &["true", "mostly-true", "misleading", "false", "unproven"];

fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (articles, claims_per_article) = if full { (500, 20) } else { (10, 5) };
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<std::path::PathBuf> = (0..articles)
        .map(|i| {
            let path = dir.path().join(format!("{i:04}.txt"));
            std::fs::write(
                &path,
                format!(
                    "Artikel {i} tentang harga beras\n\n{}",
                    SENTENCE.repeat(claims_per_article)
                ),
            )
            .unwrap();
            path
        })
        .collect();
    let mut workbench = Workbench::open(&dir.path().join("bench.sqlite3")).unwrap();
    workbench.set_reviewer("Rina Sari").unwrap();
    let setup = Instant::now();
    let ids: Vec<i64> = workbench
        .import_paths(&files)
        .outcomes
        .iter()
        .map(|o| o.article_id.expect("imported"))
        .collect();
    let sentence_chars = SENTENCE.chars().count();
    let mut claim_ids = Vec::new();
    for id in ids {
        let detail = workbench.show(id, None).unwrap();
        let body_start = detail
            .text
            .find("Harga")
            .map(|b| detail.text[..b].chars().count())
            .unwrap();
        for n in 0..claims_per_article {
            let start = body_start + n * sentence_chars;
            let claim = workbench
                .mark(
                    id,
                    detail.version_id,
                    "claim",
                    start,
                    start + sentence_chars - 1,
                )
                .unwrap();
            let request = ReviewRequest {
                verdict: Some(VERDICTS[claim_ids.len() % VERDICTS.len()].into()),
                status: Some("checked".into()),
                notes: Some("Data BPS berkata lain.".into()),
                ..ReviewRequest::default()
            };
            workbench.review(claim.id, &request).unwrap();
            claim_ids.push(claim.id);
        }
    }
    println!(
        "setup: {} reviewed claims in {} articles, {:.1} s",
        claim_ids.len(),
        articles,
        setup.elapsed().as_secs_f64()
    );

    let export = |format: ExportFormat, selection: ExportSelection, name: &str| {
        let request = ExportRequest {
            format,
            selection,
            output: dir.path().join(name),
            language: None,
            templates: None,
        };
        let outcome = workbench.export(&request).unwrap();
        std::hint::black_box(outcome.claims)
    };
    let csv = median(5, || {
        export(ExportFormat::Csv, ExportSelection::All, "all.csv");
    });
    let thousand: Vec<i64> = claim_ids.iter().copied().take(1_000).collect();
    let html = median(5, || {
        export(
            ExportFormat::Html,
            ExportSelection::Claims {
                claim_ids: thousand.clone(),
            },
            "thousand.html",
        );
    });
    let target = |time: Duration, limit: Duration| match (full, time <= limit) {
        (false, _) => "smoke run, not measured against it",
        (true, true) => "met",
        (true, false) => "MISSED",
    };
    println!(
        "export csv, {} claims: {:.1} ms (target < 1000 ms for 10,000: {})",
        claim_ids.len(),
        csv.as_secs_f64() * 1000.0,
        target(csv, Duration::from_secs(1))
    );
    println!(
        "export html, {} claims: {:.1} ms (target < 200 ms for 1,000: {})",
        thousand.len(),
        html.as_secs_f64() * 1000.0,
        target(html, Duration::from_millis(200))
    );
}
