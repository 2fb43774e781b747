//! Import and search at workbench scale: 10,000 short articles from files into an on-disk
//! database, then 2,000 searches over them. Prints imports per second and search latency
//! percentiles. `cargo bench -p factdesk-workbench` (or `cargo xtask bench`) runs it in
//! full; `cargo test` runs a 200-article smoke version so the benchmark cannot rot.
//!
//! Targets (issue 2): at least 2,000 imports/s; search p95 under 10 ms at 10,000 articles.

use factdesk_workbench::{ImportStatus, Workbench};
use std::time::{Duration, Instant};

/// Deterministic pseudo-random numbers (64-bit LCG): the same corpus every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const WORDS: &[&str] = &[
    "harga",
    "beras",
    "naik",
    "pasar",
    "petani",
    "pemerintah",
    "menteri",
    "kata",
    "ujar",
    "menurut",
    "jakarta",
    "palembang",
    "presiden",
    "rakyat",
    "anggaran",
    "subsidi",
    "bensin",
    "listrik",
    "banjir",
    "hujan",
    "sekolah",
    "guru",
    "rumah",
    "sakit",
    "dokter",
    "vaksin",
    "pemilu",
    "partai",
    "suara",
    "kampanye",
    "polisi",
    "kasus",
    "korupsi",
    "pengadilan",
    "hakim",
    "jalan",
    "tol",
    "kereta",
    "bandara",
    "pelabuhan",
    "ekspor",
    "impor",
    "batubara",
    "sawit",
    "nikel",
    "investasi",
    "bank",
    "rupiah",
    "inflasi",
    "persen",
    "miliar",
    "triliun",
    "the",
    "minister",
    "said",
    "prices",
    "rose",
    "percent",
    "government",
    "election",
    "court",
    "flood",
];

fn article(rng: &mut Lcg, i: usize) -> String {
    let mut text = format!(
        "Artikel {i}: {} {} {}\n\n",
        WORDS[rng.next() % WORDS.len()],
        WORDS[rng.next() % WORDS.len()],
        i
    );
    for paragraph in 0..4 {
        for _ in 0..40 {
            text.push_str(WORDS[rng.next() % WORDS.len()]);
            text.push(' ');
        }
        text.push_str(&format!(
            "{} persen pada {paragraph}.\n\n",
            rng.next() % 100
        ));
    }
    text
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (articles, searches) = if full { (10_000, 2_000) } else { (200, 50) };

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    let mut rng = Lcg(2026);
    for i in 0..articles {
        std::fs::write(folder.join(format!("{i:05}.txt")), article(&mut rng, i)).unwrap();
    }
    // BENCH_DB=path keeps the database for inspection.
    let db = std::env::var_os("BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    let _ = std::fs::remove_file(&db);
    let mut workbench = Workbench::open(&db).unwrap();

    let started = Instant::now();
    let report = workbench.import_paths(std::slice::from_ref(&folder));
    let import_time = started.elapsed();
    assert_eq!(
        report.count(ImportStatus::Imported),
        articles,
        "every article must import"
    );

    let queries: Vec<String> = (0..searches)
        .map(|i| match i % 3 {
            0 => WORDS[rng.next() % WORDS.len()].to_string(),
            1 => format!(
                "{} {}",
                WORDS[rng.next() % WORDS.len()],
                WORDS[rng.next() % WORDS.len()]
            ),
            _ => WORDS[rng.next() % WORDS.len()][..3].to_string(),
        })
        .collect();
    let mut latencies = Vec::with_capacity(searches);
    let mut found = 0;
    for query in &queries {
        let started = Instant::now();
        found += workbench.search(query, 50).unwrap().len();
        latencies.push(started.elapsed());
    }
    assert!(found > 0, "searches found nothing");
    latencies.sort();

    let per_second = articles as f64 / import_time.as_secs_f64();
    println!(
        "import: {articles} articles from files into an on-disk database in {:.2} s = {per_second:.0} articles/s (target ≥ 2000)",
        import_time.as_secs_f64()
    );
    println!(
        "search: {searches} queries (top 50) over {articles} articles: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 < 10 ms)",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
    );
    if !full {
        println!(
            "(smoke run under cargo test; `cargo bench -p factdesk-workbench` runs the full size)"
        );
    }
}
