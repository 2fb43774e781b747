//! End-to-end import of real material: a scraper's JSON Lines export (each record's text
//! through the news rules, analysis and storage) and folders of saved pages (extraction,
//! analysis, storage), each into a fresh on-disk database. Prints articles per second.
//!
//! `BENCH_RECORDS=FILE.jsonl BENCH_PAGES=DIR[:DIR…] cargo bench -p factdesk-workbench --bench
//! import_corpora`; `cargo xtask bench` passes ../shared/corpora/id-news-sample/articles.jsonl
//! and the extraction-dev and id-html-dev page folders. Pages saved as `.html.gz` are
//! unpacked into a temporary folder first (not timed).

use factdesk_workbench::{ImportStatus, Workbench};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Imports `input` into a new database under `dir` and prints the rate.
fn import(label: &str, input: &Path, dir: &Path) {
    let db = dir.join(format!("{label}.sqlite3"));
    let mut workbench = Workbench::open(&db).unwrap();
    let (started, cpu_started) = (Instant::now(), cpu_seconds());
    let report = workbench.import_paths(&[input.to_path_buf()]);
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .zip(cpu_started)
        .map(|(end, start)| end - start);
    let imported = report.count(ImportStatus::Imported);
    let failed: Vec<_> = report
        .outcomes
        .iter()
        .filter_map(|o| o.error.as_deref())
        .collect();
    assert!(imported > 0, "{label}: nothing imported: {failed:?}");
    let n = report.outcomes.len() as f64;
    println!(
        "import {label}: {imported} imported, {} failed, in {seconds:.2} s = {:.0} articles/s by the wall clock{}",
        failed.len(),
        n / seconds,
        cpu.map(|cpu| format!(
            ", {:.0} articles/s by CPU time ({cpu:.2} s on the CPU)",
            n / cpu
        ))
        .unwrap_or_default()
    );
    for error in failed.iter().take(5) {
        println!("  failed: {error}");
    }
}

/// CPU time this thread has run, in seconds (Linux): the import runs on this thread, and
/// on a shared machine the wall clock also counts time other processes took from it.
fn cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(schedstat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Copies the saved pages of `dirs` into one folder, unpacking `.html.gz`.
fn gather_pages(dirs: &str, into: &Path) -> usize {
    std::fs::create_dir_all(into).unwrap();
    let mut count = 0;
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for path in entries.flatten().map(|e| e.path()) {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let bytes = std::fs::read(&path).unwrap();
            let (name, html) = if let Some(stem) = name.strip_suffix(".gz") {
                let mut html = Vec::new();
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut html)
                    .unwrap();
                (stem.to_string(), html)
            } else if name.ends_with(".html") || name.ends_with(".htm") {
                (name, bytes)
            } else {
                continue;
            };
            std::fs::write(into.join(format!("{count:04}-{name}")), html).unwrap();
            count += 1;
        }
    }
    count
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let records = std::env::var_os("BENCH_RECORDS").map(PathBuf::from);
    let pages = std::env::var("BENCH_PAGES").ok();
    if records.is_none() && pages.is_none() {
        println!(
            "import_corpora: set BENCH_RECORDS=FILE.jsonl and/or BENCH_PAGES=DIR[:DIR] to run this benchmark"
        );
        return;
    }
    if let Some(records) = records {
        import("records", &records, dir.path());
    }
    if let Some(pages) = pages {
        let folder = dir.path().join("pages");
        let n = gather_pages(&pages, &folder);
        assert!(n > 0, "no saved pages in {pages}");
        import("pages", &folder, dir.path());
    }
}
