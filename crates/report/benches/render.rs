//! Report rendering speed: a 1,000-claim HTML report (target under 200 ms) and a
//! 10,000-claim CSV (target under 1 s), plus Markdown, JSON and ClaimReview for scale.
//! A plain main (harness = false): the median of several runs, printed with the target.
//! `cargo bench` runs it in full; `cargo test` runs a small smoke version so it cannot rot.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use factdesk_report::*;
use std::time::{Duration, Instant};

fn median(runs: usize, mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        size = std::hint::black_box(work());
        times.push(start.elapsed());
    }
    times.sort();
    (times[runs / 2], size)
}

fn report(name: &str, target: Option<Duration>, (time, bytes): (Duration, usize)) {
    let verdict = match target {
        Some(limit) if time <= limit => format!("  (target < {} ms: met)", limit.as_millis()),
        Some(limit) => format!("  (target < {} ms: MISSED)", limit.as_millis()),
        None => String::new(),
    };
    println!(
        "{name:<34} {:>9.1} ms  {:>10} bytes{verdict}",
        time.as_secs_f64() * 1000.0,
        bytes
    );
}

fn main() {
    let renderer = Renderer::new();
    if !std::env::args().any(|a| a == "--bench") {
        let small = fixture::report(2, 5);
        report(
            "smoke: html, 10 claims",
            None,
            median(1, || renderer.html(&small).unwrap().len()),
        );
        report(
            "smoke: csv, 10 claims",
            None,
            median(1, || claims_csv(&small).unwrap().len()),
        );
        return;
    }
    let thousand = fixture::report(50, 20);
    let ten_thousand = fixture::report(500, 20);
    assert_eq!(thousand.claims().count(), 1_000);
    assert_eq!(ten_thousand.claims().count(), 10_000);
    report(
        "html, 1,000 claims",
        Some(Duration::from_millis(200)),
        median(9, || renderer.html(&thousand).unwrap().len()),
    );
    report(
        "markdown, 1,000 claims",
        None,
        median(9, || renderer.markdown(&thousand).unwrap().len()),
    );
    report(
        "json, 1,000 claims",
        None,
        median(9, || json_report(&thousand).unwrap().len()),
    );
    report(
        "claimreview, 1,000 claims",
        None,
        median(9, || {
            serde_json::to_vec(&claim_reviews(&thousand)).unwrap().len()
        }),
    );
    report(
        "csv, 10,000 claims",
        Some(Duration::from_secs(1)),
        median(5, || claims_csv(&ten_thousand).unwrap().len()),
    );
    report(
        "html, 10,000 claims",
        None,
        median(3, || renderer.html(&ten_thousand).unwrap().len()),
    );
}
