//! The review desk at newsroom scale: 100,000 generated articles (each with a quotation and
//! a figure, so analysis finds claims and quotations in all of them) imported through the
//! JSON Lines importer into an on-disk database; then article search and the claims view's
//! page loads over everything. Prints rates and latency percentiles.
//!
//! `cargo bench -p factdesk-workbench --bench scale` (also in `cargo xtask bench`);
//! `BENCH_SCALE_ARTICLES=N` changes the size. Under `cargo test` a 1,000-article smoke run
//! keeps it from rotting. Targets (issue 5): search p95 under 50 ms at 100,000 articles; the
//! claims list stays smooth with 100,000 claims (a page of 100 rows well under a frame's
//! worth of waiting, 16 ms, is what "smooth" needs from the store).

use factdesk_workbench::{ClaimQuery, ImportStatus, Workbench};
use std::io::Write;
use std::time::{Duration, Instant};

/// Deterministic pseudo-random numbers (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    /// Skewed towards small values, as word frequencies are.
    fn zipf(&mut self, n: usize) -> usize {
        let a = self.next() % n + 1;
        let b = self.next() % a + 1;
        b - 1
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ra", "ma", "na", "sa", "ta", "pa", "la", "ba", "da", "ri", "ku", "lo", "te", "ngi",
    "wa", "ju", "se", "po", "ha",
];
const NAMES: &[&str] = &[
    "Siti Aminah",
    "Budi Santoso",
    "Rina Sari",
    "Agus Salim",
    "Dewi Lestari",
    "Joko Widodo",
    "Sri Mulyani",
    "Made Wirawan",
];

/// A vocabulary of made-up words of two or three syllables.
fn vocabulary(rng: &mut Lcg, size: usize) -> Vec<String> {
    let mut words = std::collections::BTreeSet::new();
    while words.len() < size {
        let n = 2 + rng.next() % 2;
        words.insert(
            (0..n)
                .map(|_| SYLLABLES[rng.next() % SYLLABLES.len()])
                .collect::<String>(),
        );
    }
    words.into_iter().collect()
}

fn sentence(rng: &mut Lcg, words: &[String], length: usize) -> String {
    let mut s: Vec<&str> = (0..length)
        .map(|_| words[rng.zipf(words.len())].as_str())
        .collect();
    s.dedup();
    let mut text = s.join(" ");
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let articles: usize = std::env::var("BENCH_SCALE_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if full { 100_000 } else { 1_000 });
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Lcg(26);
    let words = vocabulary(&mut rng, 5_000);

    let records = dir.path().join("articles.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&records).unwrap());
    for i in 0..articles {
        let name = NAMES[rng.next() % NAMES.len()];
        let text = format!(
            "Jakarta - {}, kata {name} pada {} Juni 2025.\n\"{} akan naik {} persen tahun ini,\" kata {name}.\n{} {} orang.",
            sentence(&mut rng, &words, 14),
            1 + rng.next() % 28,
            sentence(&mut rng, &words, 8),
            1 + rng.next() % 90,
            sentence(&mut rng, &words, 10),
            rng.next() % 10_000,
        );
        let record = serde_json::json!({ "title": format!("{} {i}", sentence(&mut rng, &words, 5)), "url": format!("https://bench.example/{i}"), "text": text });
        writeln!(out, "{record}").unwrap();
    }
    drop(out);

    // BENCH_SCALE_DB=path keeps the database; a second run with the same path measures
    // search and the claims view again without importing.
    let db = std::env::var_os("BENCH_SCALE_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("scale.sqlite3"));
    let reuse = db.exists();
    let mut workbench = Workbench::open(&db).unwrap();
    if reuse {
        println!(
            "scale: reusing {} ({} articles)",
            db.display(),
            workbench.count().unwrap()
        );
    } else {
        let started = Instant::now();
        let report = workbench.import_paths(std::slice::from_ref(&records));
        let import = started.elapsed().as_secs_f64();
        assert_eq!(
            report.count(ImportStatus::Imported),
            articles,
            "{:?}",
            report.outcomes.iter().find(|o| o.error.is_some())
        );
        println!(
            "scale: imported {articles} articles (JSON Lines, analysed) in {import:.1} s = {:.0} articles/s",
            articles as f64 / import
        );
    }

    // Search: one or two words, or a prefix, drawn with the corpus's own skew.
    let searches = if full { 1_000 } else { 100 };
    let mut latencies = Vec::with_capacity(searches);
    let mut found = 0;
    for i in 0..searches {
        let query = match i % 3 {
            0 => words[rng.zipf(words.len())].clone(),
            1 => format!(
                "{} {}",
                words[rng.zipf(words.len())],
                words[rng.zipf(words.len())]
            ),
            _ => words[rng.zipf(words.len())][..3].to_string(),
        };
        let started = Instant::now();
        found += workbench.search(&query, 50).unwrap().len();
        latencies.push(started.elapsed());
    }
    assert!(found > 0, "searches found nothing");
    latencies.sort();
    println!(
        "scale: {searches} searches (top 50) over {articles} articles: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (target p95 < 50 ms)",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        percentile(&latencies, 1.0)
    );

    // The claims view: pages of 100 rows anywhere in the list, unfiltered and filtered.
    let all = ClaimQuery::default();
    let started = Instant::now();
    let total = workbench
        .claim_page(&all, 1, 0)
        .unwrap()
        .total
        .expect("the first page is counted") as usize;
    let first = started.elapsed().as_secs_f64() * 1e3;
    assert!(
        total >= workbench.count().unwrap() as usize,
        "expected a claim or quotation in every article, found {total}"
    );
    let quotes = ClaimQuery {
        kind: Some("direct".into()),
        ..ClaimQuery::default()
    };
    // The window opens a filtered list at its first page, counted, before scrolling.
    let started = Instant::now();
    workbench.claim_page(&quotes, 100, 0).unwrap();
    let first_quotes = started.elapsed().as_secs_f64() * 1e3;
    let mut pages = Vec::new();
    for i in 0..100 {
        let query = if i % 2 == 0 { &all } else { &quotes };
        let offset = rng.next() % total.max(1);
        let started = Instant::now();
        let page = workbench.claim_page(query, 100, offset).unwrap();
        pages.push(started.elapsed());
        assert!(page.claims.len() <= 100);
    }
    pages.sort();
    println!(
        "scale: claims view over {total} claims and quotations: first page with count {first:.1} ms (quotations only: {first_quotes:.1} ms); 100 pages of 100 at random offsets, both lists: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        percentile(&pages, 0.5),
        percentile(&pages, 0.95),
        percentile(&pages, 1.0)
    );
    if !full {
        println!(
            "(smoke run under cargo test; `cargo bench -p factdesk-workbench --bench scale` runs 100,000 articles)"
        );
    }
}
