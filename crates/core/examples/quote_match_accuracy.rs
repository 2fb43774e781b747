//! How often quote matching classifies right, on pairs made from real text by known edits.
//!
//!     cargo run --release -p factdesk-core --example quote_match_accuracy -- \
//!         ../shared/corpora/id-news-sample/articles.jsonl ../shared/corpora/polnear/dev/text
//!
//! Each argument is a JSONL file of {"text": …} lines or a folder of .txt files (read
//! recursively). For each document, passages of one or two sentences are taken and edited
//! the way journalists edit quotations, with a fixed seed so every run makes the same pairs:
//! - verbatim: the passage as is, with letter case, punctuation, quotation marks and
//!   whitespace changed (expected `verbatim`);
//! - drop a word inside the passage, change a number, join two sentences (with "and"/"dan"
//!   or skipping the sentence between), cut a clause between commas, swap the clauses
//!   around a comma, half of them restyled as above too (expected `altered`);
//! - a passage of another document that this one does not contain (expected `not_found`).
//!
//! Prints the confusion table, accuracy per edit and overall (target: at least 95%), and
//! how often the passage found overlaps the one the quotation was made from.

use factdesk_core::analysis::analyze;
use factdesk_core::quote_match::{MatchClass, SourceIndex};
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SEED: u64 = 20_240_314;
/// Documents used from each corpus argument (the first ones, in file order).
const DOCUMENTS_PER_CORPUS: usize = 300;
/// Pairs made from each document.
const PAIRS_PER_DOCUMENT: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    Verbatim,
    DropWord,
    ChangeNumber,
    JoinSentences,
    CutClause,
    ReorderClauses,
    Absent,
}

impl Edit {
    const ALL: [Edit; 7] = [
        Edit::Verbatim,
        Edit::DropWord,
        Edit::ChangeNumber,
        Edit::JoinSentences,
        Edit::CutClause,
        Edit::ReorderClauses,
        Edit::Absent,
    ];

    fn expected(self) -> MatchClass {
        match self {
            Edit::Verbatim => MatchClass::Verbatim,
            Edit::Absent => MatchClass::NotFound,
            _ => MatchClass::Altered,
        }
    }
}

/// A quotation made from a document, with where it came from (code points).
struct Pair {
    edit: Edit,
    quote: String,
    origin: Option<(usize, usize)>,
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        eprintln!(
            "usage: quote_match_accuracy CORPUS... (JSONL files of {{\"text\"}} lines or folders of .txt files)"
        );
        std::process::exit(2);
    }
    let mut rng = XorShiftRng::seed_from_u64(SEED);
    let mut confusion: BTreeMap<(Edit, MatchClass), usize> = BTreeMap::new();
    let mut located = (0usize, 0usize, 0usize);
    let mut examples_wrong: Vec<String> = Vec::new();
    for path in &paths {
        let documents = match read_corpus(path) {
            Ok(docs) => docs,
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                std::process::exit(2);
            }
        };
        let documents: Vec<String> = documents
            .into_iter()
            .filter(|d| d.len() > 400)
            .take(DOCUMENTS_PER_CORPUS)
            .collect();
        println!("{}: {} documents", path.display(), documents.len());
        for (at, document) in documents.iter().enumerate() {
            let other = &documents
                [(at + 1 + rng.random_range(0..documents.len().max(2) - 1)) % documents.len()];
            let index = SourceIndex::new(document);
            for pair in make_pairs(document, other, &mut rng) {
                let Ok(found) = index.find(&pair.quote) else {
                    continue;
                };
                *confusion.entry((pair.edit, found.class)).or_default() += 1;
                if found.class != pair.edit.expected() && examples_wrong.len() < 12 {
                    examples_wrong.push(format!(
                        "{:?} → {} ({}): {}",
                        pair.edit,
                        found.class.as_str(),
                        found.score,
                        pair.quote
                    ));
                }
                if let (Some((start, end)), Some(found_start), Some(found_end)) =
                    (pair.origin, found.source_start, found.source_end)
                {
                    located.1 += 1;
                    if found_start < end && start < found_end {
                        located.0 += 1;
                    } else {
                        // Elsewhere: a repeated passage (scraped pages repeat paragraphs) or a miss.
                        let chars: Vec<char> = document.chars().collect();
                        let origin = word_key(&text(&chars, (start, end)));
                        let shown = word_key(&text(&chars, (found_start, found_end)));
                        if origin.contains(&shown) || shown.contains(&origin) {
                            located.2 += 1;
                        } else if examples_wrong.len() < 12 {
                            examples_wrong.push(format!(
                                "{:?} placed elsewhere: {} ⟶ {}",
                                pair.edit, pair.quote, shown
                            ));
                        }
                    }
                }
            }
        }
    }
    print_table(&confusion);
    println!(
        "passage found overlaps the true one: {}/{} ({:.1}%); elsewhere with the same words (a repeated passage): {}",
        located.0,
        located.1,
        100.0 * located.0 as f64 / located.1.max(1) as f64,
        located.2
    );
    if !examples_wrong.is_empty() {
        println!("\nsome misclassified or misplaced pairs:");
        for example in examples_wrong {
            println!("  {example}");
        }
    }
}

fn print_table(confusion: &BTreeMap<(Edit, MatchClass), usize>) {
    let classes = [
        MatchClass::Verbatim,
        MatchClass::Altered,
        MatchClass::NotFound,
    ];
    println!(
        "\n{:<15} {:>9} {:>9} {:>9} {:>7} {:>9}",
        "edit \\ class", "verbatim", "altered", "not_found", "pairs", "correct"
    );
    let (mut right, mut all) = (0, 0);
    for edit in Edit::ALL {
        let counts: Vec<usize> = classes
            .iter()
            .map(|&c| confusion.get(&(edit, c)).copied().unwrap_or(0))
            .collect();
        let total: usize = counts.iter().sum();
        let correct = confusion
            .get(&(edit, edit.expected()))
            .copied()
            .unwrap_or(0);
        right += correct;
        all += total;
        println!(
            "{:<15} {:>9} {:>9} {:>9} {:>7} {:>8.1}%",
            format!("{edit:?}"),
            counts[0],
            counts[1],
            counts[2],
            total,
            100.0 * correct as f64 / total.max(1) as f64
        );
    }
    println!(
        "overall: {right}/{all} correct ({:.2}%), target 95%",
        100.0 * right as f64 / all.max(1) as f64
    );
}

fn read_corpus(path: &Path) -> Result<Vec<String>, String> {
    if path.is_dir() {
        let mut files = Vec::new();
        collect_txt(path, &mut files).map_err(|e| e.to_string())?;
        files.sort();
        return files
            .iter()
            .map(|f| std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display())))
            .collect();
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    Ok(text
        .lines()
        .filter_map(|line| {
            serde_json::from_str::<serde_json::Value>(line)
                .ok()?
                .get("text")?
                .as_str()
                .map(str::to_string)
        })
        .collect())
}

fn collect_txt(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_txt(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    Ok(())
}

/// Sentences of a document as (start, end) code point spans with 6 to 60 words.
fn usable_sentences(chars: &[char], text: &str) -> Vec<(usize, usize)> {
    analyze(text, None, None)
        .sentences
        .iter()
        .map(|s| (s.start, s.end))
        .filter(|&(start, end)| (6..=60).contains(&word_count(&chars[start..end])))
        .collect()
}

fn word_count(chars: &[char]) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in chars {
        let word = c.is_alphanumeric();
        if word && !in_word {
            count += 1;
        }
        in_word = word;
    }
    count
}

fn make_pairs(document: &str, other: &str, rng: &mut XorShiftRng) -> Vec<Pair> {
    let chars: Vec<char> = document.chars().collect();
    let sentences = usable_sentences(&chars, document);
    if sentences.len() < 3 {
        return Vec::new();
    }
    let language_and = if factdesk_core::language::guess_language(document) == Some("id") {
        "dan"
    } else {
        "and"
    };
    let mut pairs = Vec::new();
    for round in 0..PAIRS_PER_DOCUMENT {
        let edit = Edit::ALL[(round + rng.random_range(0..Edit::ALL.len())) % Edit::ALL.len()];
        let made = match edit {
            Edit::Absent => absent(document, other, rng),
            _ => {
                // Up to 8 tries to find a passage this edit applies to.
                (0..8).find_map(|_| {
                    let at = rng.random_range(0..sentences.len() - 1);
                    edited(
                        &chars,
                        sentences[at],
                        sentences[at + 1],
                        sentences.get(at + 2).copied(),
                        edit,
                        language_and,
                        rng,
                    )
                })
            }
        };
        if let Some(pair) = made {
            pairs.push(pair);
        }
    }
    pairs
}

fn text(chars: &[char], span: (usize, usize)) -> String {
    chars[span.0..span.1].iter().collect()
}

/// The words of `s` lowercased and joined by spaces (for "does the document contain it").
fn word_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn absent(document: &str, other: &str, rng: &mut XorShiftRng) -> Option<Pair> {
    let chars: Vec<char> = other.chars().collect();
    let sentences = usable_sentences(&chars, other);
    let span = *sentences.get(rng.random_range(0..sentences.len().max(1)))?;
    let quote = text(&chars, span);
    if has_ellipsis(&quote) {
        return None;
    }
    // A syndicated or duplicated article may carry the same sentence: then it is not absent.
    if word_key(document).contains(&word_key(&quote)) {
        return None;
    }
    Some(Pair {
        edit: Edit::Absent,
        quote,
        origin: None,
    })
}

#[allow(clippy::too_many_arguments)]
fn edited(
    chars: &[char],
    first: (usize, usize),
    second: (usize, usize),
    third: Option<(usize, usize)>,
    edit: Edit,
    and: &str,
    rng: &mut XorShiftRng,
) -> Option<Pair> {
    let one = text(chars, first);
    // An ellipsis in a quotation means text left out: a passage with one is not the plain
    // edit it would be labelled as.
    if has_ellipsis(&one)
        || third.is_some_and(|t| has_ellipsis(&text(chars, (second.0, t.1))))
        || has_ellipsis(&text(chars, second))
    {
        return None;
    }
    let (quote, origin) = match edit {
        Edit::Verbatim => (restyle(&one, rng), first),
        Edit::DropWord => {
            let words = word_spans(&one);
            if words.len() < 3 {
                return None;
            }
            let (start, end) = words[rng.random_range(1..words.len() - 1)];
            let dropped: String = one
                .chars()
                .take(start)
                .chain(one.chars().skip(end))
                .collect();
            (dropped, first)
        }
        Edit::ChangeNumber => {
            let numbers: Vec<(usize, usize)> = word_spans(&one)
                .into_iter()
                .filter(|&(s, e)| one.chars().skip(s).take(e - s).all(|c| c.is_ascii_digit()))
                .collect();
            let &(start, end) = numbers.get(rng.random_range(0..numbers.len().max(1)))?;
            let old: String = one.chars().skip(start).take(end - start).collect();
            let value: u64 = old.parse().ok()?;
            let new = (value + rng.random_range(1..9u64)).to_string();
            let changed: String = one
                .chars()
                .take(start)
                .chain(new.chars())
                .chain(one.chars().skip(end))
                .collect();
            (changed, first)
        }
        Edit::JoinSentences => {
            let ends_with_stop = one.trim_end().ends_with(['.', '!', '?']);
            if !ends_with_stop {
                return None;
            }
            // Either "A, and b" or A joined to the sentence after next, the one between left out.
            let (next, origin_end) = match third {
                Some(third) if rng.random_bool(0.5) => (text(chars, third), third.1),
                _ => (text(chars, second), second.1),
            };
            let head = one.trim_end().trim_end_matches(['.', '!', '?']);
            let joined = if origin_end == second.1 {
                format!("{head}, {and} {}", lower_first(&next))
            } else {
                format!("{head}, {}", lower_first(&next))
            };
            (joined, (first.0, origin_end))
        }
        Edit::CutClause => {
            // Commas that end a clause (followed by a space), not those inside numbers ("1,6").
            let commas: Vec<usize> = one.match_indices(", ").map(|(at, _)| at).collect();
            if commas.len() < 2 {
                return None;
            }
            let at = rng.random_range(0..commas.len() - 1);
            let (from, to) = (commas[at], commas[at + 1]);
            if word_key(&one[from..to]).is_empty() || word_key(&one[to..]).is_empty() {
                return None;
            }
            (format!("{}{}", &one[..from], &one[to..]), first)
        }
        Edit::ReorderClauses => {
            // "A, B." becomes "B, A": each side at least three words.
            let body = one.trim_end().trim_end_matches(['.', '!', '?']);
            let commas: Vec<usize> = body.match_indices(", ").map(|(at, _)| at).collect();
            let &at = commas.get(rng.random_range(0..commas.len().max(1)))?;
            let (head, tail) = (&body[..at], &body[at + 2..]);
            if word_spans(head).len() < 3 || word_spans(tail).len() < 3 {
                return None;
            }
            (format!("{}, {}", tail, lower_first(head)), first)
        }
        Edit::Absent => return None,
    };
    // Half the altered quotations also get the restyling a verbatim copy gets (case,
    // punctuation, quotation marks), as edited quotations in print usually do.
    let quote = if edit != Edit::Verbatim && rng.random_bool(0.5) {
        restyle(&quote, rng)
    } else {
        quote
    };
    // An edit that leaves the words as they were (or as another stretch of the document)
    // is not the edit it claims to be.
    let document: String = chars.iter().collect();
    if edit != Edit::Verbatim && word_key(&document).contains(&word_key(&quote)) {
        return None;
    }
    Some(Pair {
        edit,
        quote,
        origin: Some(origin),
    })
}

fn has_ellipsis(text: &str) -> bool {
    text.contains('…') || text.contains("...") || text.contains(". . .")
}

/// Word spans (code points) of a text.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.chars().enumerate() {
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
        spans.push((s, text.chars().count()));
    }
    spans
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The same words with case, punctuation, quotation marks and whitespace changed.
fn restyle(text: &str, rng: &mut XorShiftRng) -> String {
    let mut out = String::from(if rng.random_bool(0.5) { "“" } else { "\"" });
    for c in text.chars() {
        match c {
            ',' | ';' | ':' if rng.random_bool(0.5) => {}
            ' ' if rng.random_bool(0.1) => {
                out.push_str(if rng.random_bool(0.5) { ", " } else { "  " })
            }
            c if c.is_alphabetic() && rng.random_bool(0.1) => out.extend(c.to_uppercase()),
            c if c.is_alphabetic() && rng.random_bool(0.1) => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out.push_str(if rng.random_bool(0.5) { "”" } else { "!\"" });
    out
}
