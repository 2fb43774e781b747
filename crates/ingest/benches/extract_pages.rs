//! Extraction speed over a folder of saved pages (`*.html`, or `*.html.gz`), one core.
//! `BENCH_PAGES=DIR cargo bench -p factdesk-ingest` (`cargo xtask bench` passes
//! ../shared/corpora/extraction-dev/html and runs trafilatura on the same pages beside it).
//! Prints one machine-readable line: `factdesk-extract pages=N seconds=S pages_per_second=P`
//! (and `cpu_pages_per_second=C`, by this thread's CPU time, where the system tells it).

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn load(dir: &PathBuf) -> Vec<Vec<u8>> {
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        if name.ends_with(".html.gz") {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut html)
                .unwrap();
            pages.push(html);
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            pages.push(bytes);
        }
    }
    pages
}

/// The CPU time this thread has used, in seconds, where the system tells it (Linux): on a
/// shared machine it varies less than the wall clock.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// ` cpu_pages_per_second=P` when the CPU time is known.
fn cpu_rate(pages: usize, cpu_started: Option<f64>) -> String {
    match (cpu_started, cpu_seconds()) {
        (Some(start), Some(end)) if end > start => {
            format!(" cpu_pages_per_second={:.1}", pages as f64 / (end - start))
        }
        _ => String::new(),
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let Some(dir) = std::env::var_os("BENCH_PAGES").map(PathBuf::from) else {
        println!(
            "factdesk-extract: set BENCH_PAGES=DIR (a folder of saved pages) to run this benchmark"
        );
        return;
    };
    let pages = load(&dir);
    assert!(
        !pages.is_empty(),
        "no .html or .html.gz pages in {}",
        dir.display()
    );
    // Thirty rounds take some seconds, about as long as trafilatura's five: on a shared
    // machine whose speed comes and goes, both then see the same mix of good and bad moments
    // (five rounds took under a second and landed in one or the other).
    let rounds = if full { 30 } else { 1 };
    // One warm-up pass, then timed rounds.
    let mut found = 0usize;
    for page in &pages {
        found += factdesk_ingest::extract_html(page, None, None)
            .map(|a| a.body.len())
            .unwrap_or(0);
    }
    assert!(found > 0);
    let cpu_started = cpu_seconds();
    let started = Instant::now();
    for _ in 0..rounds {
        for page in &pages {
            std::hint::black_box(factdesk_ingest::extract_html(page, None, None).ok());
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let n = pages.len() * rounds;
    println!(
        "factdesk-extract pages={n} seconds={seconds:.3} pages_per_second={:.1}{}",
        n as f64 / seconds,
        cpu_rate(n, cpu_started)
    );

    // The extractor alone, on text already decoded: what factdesk's own steps add on top.
    let decoded: Vec<String> = pages
        .iter()
        .map(|p| factdesk_ingest::decode_html(p, None).html)
        .collect();
    let cpu_started = cpu_seconds();
    let started = Instant::now();
    for _ in 0..rounds {
        for html in &decoded {
            let config = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let parsed = dom_smoothie::Readability::new(html.as_str(), None, Some(config))
                .ok()
                .and_then(|mut r| r.parse().ok());
            std::hint::black_box(parsed);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "dom_smoothie-only pages={n} seconds={seconds:.3} pages_per_second={:.1}{}",
        n as f64 / seconds,
        cpu_rate(n, cpu_started)
    );
}
