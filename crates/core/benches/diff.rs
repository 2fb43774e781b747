//! Diff speed: consecutive revision pairs compared per second on one core (sentence
//! alignment, word and character changes, classification), and a 5 MB pathological pair
//! against its deadline. `cargo bench -p factdesk-core --bench diff` runs it in full;
//! `cargo test` runs a small smoke version so the benchmark cannot rot.
//!
//! `BENCH_VERSIONS` names a folder of articles, each a folder of successive revisions
//! `0.txt`, `1.txt`, … (for example ../shared/corpora/wiki-versions-dev); without it the
//! project's own fixture pairs (`tests/versions`) are used. `cargo xtask bench` runs
//! Python diff-match-patch (NewsDiffs' engine) on the same pairs and prints the ratio.
//!
//! Target (issue 7): at least 100x faster than diff-match-patch.

use factdesk_core::diff::{DiffOptions, diff};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Consecutive revisions `(k.txt, k+1.txt)` of every article folder under `root`.
fn revision_pairs(root: &Path) -> Vec<(String, String)> {
    let mut articles: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    articles.sort();
    let mut pairs = Vec::new();
    for article in articles {
        let mut revisions: Vec<(usize, String)> = std::fs::read_dir(&article)
            .unwrap()
            .filter_map(|e| {
                let path = e.ok()?.path();
                let number = path.file_stem()?.to_str()?.parse().ok()?;
                (path.extension()? == "txt")
                    .then(|| (number, std::fs::read_to_string(&path).ok()))?
                    .1
                    .map(|t| (number, t))
            })
            .collect();
        revisions.sort_by_key(|r| r.0);
        for window in revisions.windows(2) {
            pairs.push((window[0].1.clone(), window[1].1.clone()));
        }
    }
    pairs
}

/// The project's fixture pairs (`tests/versions/*/old.txt`, `new.txt`).
fn fixture_pairs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/versions");
    let mut folders: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    folders
        .iter()
        .map(|f| {
            (
                std::fs::read_to_string(f.join("old.txt")).unwrap(),
                std::fs::read_to_string(f.join("new.txt")).unwrap(),
            )
        })
        .collect()
}

/// Unrelated word soup of about `bytes` bytes: no sentence in common between two seeds.
fn soup(seed: u64, bytes: usize) -> String {
    let mut state = seed;
    let mut text = String::with_capacity(bytes + 16);
    while text.len() < bytes {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(
            [
                "kata ", "harga ", "naik ", "turun ", "Budi ", "12 ", "persen. ", "\n",
            ][(state >> 61) as usize],
        );
    }
    text
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let pairs = match std::env::var_os("BENCH_VERSIONS") {
        Some(path) => revision_pairs(Path::new(&path)),
        None => fixture_pairs(),
    };
    let pairs: Vec<_> = if full {
        pairs
    } else {
        pairs.into_iter().take(5).collect()
    };
    assert!(!pairs.is_empty(), "no revision pairs to compare");
    let bytes: usize = pairs.iter().map(|(a, b)| a.len() + b.len()).sum();
    let rounds = if full { 5 } else { 1 };
    let options = DiffOptions::plain();
    let mut best = Duration::MAX;
    let mut substantive = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        substantive = 0;
        for (old, new) in &pairs {
            substantive +=
                black_box(diff(black_box(old), black_box(new), &options)).substantive as usize;
        }
        best = best.min(started.elapsed());
    }
    let seconds = best.as_secs_f64();
    println!(
        "factdesk-diff pairs={} bytes={bytes} substantive={substantive} seconds={seconds:.4} pairs_per_second={:.1} mb_per_second={:.2}",
        pairs.len(),
        pairs.len() as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );

    // The deadline holds on a pathological pair: 5 MB each side, nothing in common.
    if std::env::var("BENCH_PATHOLOGICAL").as_deref() == Ok("0") {
        return;
    }
    let size = if full { 5_000_000 } else { 200_000 };
    let deadline = Duration::from_secs(2);
    let (old, new) = (soup(1, size), soup(2, size));
    let started = Instant::now();
    let result = diff(
        &old,
        &new,
        &DiffOptions {
            deadline: Some(started + deadline),
            is_boilerplate: &|_| false,
        },
    );
    let took = started.elapsed();
    println!(
        "factdesk-diff-pathological bytes={size} deadline_seconds={} seconds={:.3} changes={} within_deadline={}",
        deadline.as_secs(),
        took.as_secs_f64(),
        result.changes.len(),
        took <= deadline
    );
}
