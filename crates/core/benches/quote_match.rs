//! Placing quotations in a long transcript: 1,000 quotations in a 1 MB source (target: under
//! one second in all, index included). `cargo bench -p factdesk-core --bench quote_match`
//! (or `cargo xtask bench`) runs it in full; `cargo test` runs a small smoke version.
//!
//! The transcript is text generated here (made-up words with a natural, Zipf-like spread of
//! frequencies, in sentences with punctuation) unless `BENCH_TEXTS` names a JSONL file of
//! {"text": …} lines or a folder of .txt files (for example
//! ../shared/corpora/id-news-sample/articles.jsonl), whose texts are joined until 1 MB.
//! The quotations are a third cut verbatim from the transcript (case changed), a third cut
//! and altered (a word dropped, a number changed), a third made of words in another order.
//! `QUOTE_BENCH_OUT=DIR` also writes `transcript.txt` and `quotes.jsonl` there, so a peer
//! can be run on the same input (`cargo xtask bench` does, with Python rapidfuzz).

use factdesk_core::quote_match::{MatchClass, SourceIndex};
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 1_000_000;
const QUOTES: usize = 1_000;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (bytes, quote_count) = if full {
        (TARGET_BYTES, QUOTES)
    } else {
        (TARGET_BYTES / 10, 50)
    };
    let mut rng = XorShiftRng::seed_from_u64(7);
    let transcript = match std::env::var_os("BENCH_TEXTS") {
        Some(path) => joined_corpus(Path::new(&path), bytes),
        None => generated_transcript(bytes, &mut rng),
    };
    let quotes = make_quotes(&transcript, quote_count, &mut rng);
    if let Some(dir) = std::env::var_os("QUOTE_BENCH_OUT") {
        write_for_peer(Path::new(&dir), &transcript, &quotes);
    }

    let rounds = if full { 5 } else { 1 };
    let (mut best_index, mut best_lookups, mut best_total) =
        (Duration::MAX, Duration::MAX, Duration::MAX);
    let mut classes = [0usize; 3];
    let mut best_cpu: Option<f64> = None;
    for _ in 0..rounds {
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let index = SourceIndex::new(&transcript);
        let indexed = started.elapsed();
        classes = [0; 3];
        for quote in &quotes {
            let found = index
                .find(black_box(quote))
                .expect("generated quotations have words");
            classes[match found.class {
                MatchClass::Verbatim => 0,
                MatchClass::Altered => 1,
                MatchClass::NotFound => 2,
            }] += 1;
            black_box(found);
        }
        let total = started.elapsed();
        if let (Some(before), Some(after)) = (cpu_before, cpu_seconds()) {
            best_cpu = Some(best_cpu.map_or(after - before, |b: f64| b.min(after - before)));
        }
        best_index = best_index.min(indexed);
        best_lookups = best_lookups.min(total - indexed);
        best_total = best_total.min(total);
    }
    println!(
        "quote_match: {} quotations in a {:.2} MB source: {:.1} ms in all (index {:.1} ms, lookups {:.1} ms, {:.1} µs a quotation), best of {rounds}; target < 1000 ms",
        quotes.len(),
        transcript.len() as f64 / 1e6,
        best_total.as_secs_f64() * 1e3,
        best_index.as_secs_f64() * 1e3,
        best_lookups.as_secs_f64() * 1e3,
        best_lookups.as_secs_f64() * 1e6 / quotes.len() as f64,
    );
    println!(
        "  CPU time of the best round: {}",
        best_cpu.map_or("unknown".to_string(), |s| format!("{:.1} ms", s * 1e3))
    );
    println!(
        "  classes: {} verbatim, {} altered, {} not found",
        classes[0], classes[1], classes[2]
    );
    println!(
        "factdesk-quote-match quotes_per_second={:.1}",
        quotes.len() as f64 / best_lookups.as_secs_f64()
    );
}

/// This thread's time on a CPU (Linux): on a shared machine, time other programs take
/// from us inflates the wall clock but not this.
fn cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(schedstat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Made-up words from syllables, drawn with a Zipf-like spread, in sentences.
fn generated_transcript(bytes: usize, rng: &mut XorShiftRng) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "ta", "ma", "ri", "su", "no", "pe", "la", "ng", "di", "be", "ra", "wa", "ti", "ku",
        "se", "an", "me", "lo", "ba", "ha", "ju", "ge", "ny",
    ];
    // Word i is i written in base 24 with syllables for digits: 20,000 distinct words.
    let vocabulary: Vec<String> = (0..20_000usize)
        .map(|mut i| {
            let mut word = String::new();
            loop {
                word.push_str(SYLLABLES[i % SYLLABLES.len()]);
                i /= SYLLABLES.len();
                if i == 0 {
                    break word;
                }
            }
        })
        .collect();
    let mut text = String::with_capacity(bytes + 200);
    let mut sentence = 0;
    while text.len() < bytes {
        let words = rng.random_range(6..28);
        for w in 0..words {
            // Zipf-like: rank = e^(u * ln N).
            let rank = ((rng.random::<f64>() * (vocabulary.len() as f64).ln()).exp() as usize)
                .min(vocabulary.len())
                - 1;
            let word = if rng.random_bool(0.03) {
                rng.random_range(1..5000).to_string()
            } else {
                vocabulary[rank].clone()
            };
            if w == 0 {
                let mut chars = word.chars();
                text.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                text.extend(chars);
            } else {
                text.push_str(&word);
            }
            text.push_str(if w + 1 == words {
                "."
            } else if rng.random_bool(0.08) {
                ", "
            } else {
                " "
            });
        }
        sentence += 1;
        text.push_str(if sentence % 5 == 0 { "\n" } else { " " });
    }
    text
}

fn joined_corpus(path: &Path, bytes: usize) -> String {
    let texts: Vec<String> = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .expect("BENCH_TEXTS folder")
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    } else {
        std::fs::read_to_string(path)
            .expect("BENCH_TEXTS file")
            .lines()
            .filter_map(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()?
                    .get("text")?
                    .as_str()
                    .map(str::to_string)
            })
            .collect()
    };
    assert!(!texts.is_empty(), "no texts in {}", path.display());
    let mut joined = String::with_capacity(bytes + 10_000);
    for text in texts.iter().cycle() {
        if joined.len() >= bytes {
            break;
        }
        joined.push_str(text);
        joined.push('\n');
    }
    joined
}

/// Byte spans of the words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn make_quotes(transcript: &str, count: usize, rng: &mut XorShiftRng) -> Vec<String> {
    let words = word_spans(transcript);
    (0..count)
        .map(|i| {
            let len = rng.random_range(8..30);
            let first = rng.random_range(0..words.len() - len);
            let cut = &transcript[words[first].0..words[first + len - 1].1];
            match i % 3 {
                0 => cut.to_uppercase(),
                1 => {
                    let (drop_start, drop_end) = words[first + len / 2];
                    format!(
                        "{}{}",
                        &transcript[words[first].0..drop_start],
                        &transcript[drop_end..words[first + len - 1].1]
                    )
                }
                _ => {
                    let mut shuffled: Vec<&str> = words[first..first + len]
                        .iter()
                        .map(|&(s, e)| &transcript[s..e])
                        .collect();
                    shuffled.reverse();
                    shuffled.join(" ")
                }
            }
        })
        .collect()
}

fn write_for_peer(dir: &Path, transcript: &str, quotes: &[String]) {
    std::fs::create_dir_all(dir).expect("QUOTE_BENCH_OUT folder");
    std::fs::write(dir.join("transcript.txt"), transcript).expect("write transcript.txt");
    let lines: Vec<String> = quotes
        .iter()
        .map(|q| serde_json::json!({ "quote": q }).to_string())
        .collect();
    std::fs::write(dir.join("quotes.jsonl"), lines.join("\n") + "\n").expect("write quotes.jsonl");
}
