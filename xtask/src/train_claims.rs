//! `cargo xtask train-claims PATH... [--out FILE] [--folds N] [--l2 X] [--errors FILE]
//! [--vectors FILE [--vector-scale X]] [--seed N]`: trains the
//! check-worthiness weights (`crates/core/models/checkworthy.txt`) from labelled sentences
//! and says honestly how well they do.
//!
//! The first PATH is the corpus the numbers are measured on: a ClaimBuster-style JSON array
//! of `{"label", "text"}`. Further PATHs (that format, or a CheckThat CSV with `text` and
//! `label` columns) only add training sentences; any of theirs whose text is also in the
//! first corpus is dropped, so it cannot leak held-out sentences into training.
//!
//! Two logistic regressions are trained (see `factdesk_core::analysis::checkworthy`):
//! `[english]` on feature groups and words, `[reasons-only]` on the groups alone. Each is fitted
//! with L-BFGS on the mean log-loss plus an L2 penalty, its tiny weights pruned, and its bias
//! shifted so that 0.5 is the F1-best cut of its out-of-fold scores. The figures printed are
//! k-fold cross-validated with that calibration nested inside each fold, and every score comes
//! from the weights file as written, through the same scoring code the app runs. The corpora
//! stay where they are: only weights are written to the repository.
//!
//! With `--vectors` (static word vectors from `cargo xtask word-vectors`) the English model
//! also sees the sentence's mean word vector, each word weighted by its smooth inverse
//! frequency in the corpora. Its weights are folded into one meaning a word (`m:WORD`) for
//! every word with a vector, so the vectors themselves stay out of the repository too.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use factdesk_core::analysis::checkworthy::training::{Weights, feature_names};

use crate::Result;

/// Features seen in fewer training sentences than this get no weight: they would only
/// memorise their sentence.
const MIN_SENTENCES_PER_FEATURE: usize = 2;
/// Weights smaller than this are left out of the file; they change almost no score.
const PRUNE_BELOW: f64 = 0.01;
/// The L2 penalty on every weight but the bias, unless `--l2` says otherwise.
const DEFAULT_L2: f64 = 1e-3;
/// The same shuffles every run, so the same data gives the same file.
const SEED: u64 = 0x5eed_c1a1_5000_0001;

struct Example {
    text: String,
    positive: bool,
    /// Whether it belongs to the first corpus, the one measured.
    measured: bool,
    /// What the model is fitted to: 0 or 1, or a teacher's probability.
    target: f64,
    /// Which models train on it.
    trains: Trains,
}

/// Which models a sentence trains.
#[derive(Clone, Copy, PartialEq)]
enum Trains {
    /// Every model that does not hold it out.
    Always,
    /// Only the cross-validation model of this outer fold: labelled by a teacher that never
    /// saw that fold's sentences.
    Fold(usize),
    /// Only the model written to the file: labelled by the teacher trained on everything.
    Shipped,
}

/// What a model may use: groups and words, or groups alone.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    English,
    ReasonsOnly,
}

impl Kind {
    fn section(self) -> &'static str {
        match self {
            Kind::English => "english",
            Kind::ReasonsOnly => "reasons-only",
        }
    }
}

pub fn train_claims(args: &[String]) -> Result {
    let mut paths = Vec::new();
    let mut out = crate::root().join("crates/core/models/checkworthy.txt");
    let mut folds = 5usize;
    let mut l2 = DEFAULT_L2;
    let mut errors: Option<PathBuf> = None;
    let mut vectors: Option<PathBuf> = None;
    let mut vector_scale = DEFAULT_VECTOR_SCALE;
    let mut seed = 0u64;
    let mut teacher: Option<PathBuf> = None;
    let mut teacher_weight: f64 = 1.0;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value("--out")?),
            "--folds" => {
                folds = value("--folds")?
                    .parse()
                    .map_err(|e| format!("--folds: {e}"))?
            }
            "--l2" => l2 = value("--l2")?.parse().map_err(|e| format!("--l2: {e}"))?,
            "--errors" => errors = Some(PathBuf::from(value("--errors")?)),
            "--vectors" => vectors = Some(PathBuf::from(value("--vectors")?)),
            "--teacher" => teacher = Some(PathBuf::from(value("--teacher")?)),
            "--teacher-weight" => {
                teacher_weight = value("--teacher-weight")?
                    .parse()
                    .map_err(|e| format!("--teacher-weight: {e}"))?;
                if !(teacher_weight.is_finite() && teacher_weight >= 0.0) {
                    return Err("--teacher-weight must be a number from 0 up".into());
                }
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--vector-scale" => {
                vector_scale = value("--vector-scale")?
                    .parse()
                    .map_err(|e| format!("--vector-scale: {e}"))?
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() || folds < 3 {
        return Err(
            "usage: cargo xtask train-claims CORPUS.json [MORE.json|MORE.csv...] [--out FILE] [--folds N>=3] [--l2 X] [--errors FILE] [--vectors FILE [--vector-scale X]] [--teacher DIR [--teacher-weight X]] [--seed N]"
                .into(),
        );
    }

    let started = Instant::now();
    let mut examples = load(&paths)?;
    let teacher_folds = teacher
        .as_deref()
        .map(|dir| add_teacher_pools(dir, &mut examples))
        .transpose()?;
    if let Some(fold_of) = &teacher_folds {
        folds = fold_of.iter().max().map_or(0, |&k| k + 1);
        eprintln!(
            "cross-validating on the teacher's {folds} folds (--folds and --seed do not apply)"
        );
    }
    let measured = examples.iter().filter(|e| e.measured).count();
    let positives = examples.iter().filter(|e| e.measured && e.positive).count();
    // Sentences from further corpora; the teacher's pools are counted apart.
    let extra = examples
        .iter()
        .filter(|e| !e.measured && e.trains == Trains::Always)
        .count();
    eprintln!(
        "{measured} sentences to measure on ({positives} check-worthy), {extra} more for training only",
    );
    let vectors = vectors.as_deref().map(WordVectors::read).transpose()?;
    let features = Features::extract(&examples, vectors.as_ref(), vector_scale);
    let corpus = Corpus {
        examples: &examples,
        features: &features,
        l2,
        folds,
        seed,
        teacher_folds,
        teacher_weight,
    };

    let mut file = String::new();
    let mut summaries = Vec::new();
    for kind in [Kind::English, Kind::ReasonsOnly] {
        eprintln!("\n==> [{}] model", kind.section());
        let (cv, cv_scores) = corpus.cross_validate(kind)?;
        if let (Some(path), Kind::English) = (&errors, kind) {
            write_errors(path, &cv_scores, &corpus)?;
        }
        // The shipped model trains on what its own teacher labelled, not the folds' teachers.
        let all: Vec<usize> = (0..examples.len())
            .filter(|&i| !matches!(examples[i].trains, Trains::Fold(_)))
            .collect();
        let model = corpus.train_calibrated(kind, &all)?;
        let weights = model.parse_as_english()?;
        let training_scores: Vec<(f32, bool)> = corpus
            .measured(&all)
            .map(|i| (score(&weights, &examples[i].text), examples[i].positive))
            .collect();
        let on_training = Metrics::at_half(&training_scores);
        let summary = format!(
            "[{}] {folds}-fold cross-validated (calibration nested): {cv}, average precision {:.3}; on its own training data: {on_training}; {} weights",
            kind.section(),
            average_precision(&cv_scores),
            model.weights.len()
        );
        println!("{summary}");
        summaries.push(summary);
        file.push_str(&model.render(kind.section()));
        throughput(kind, &weights, &examples);
    }

    let taught = examples
        .iter()
        .filter(|e| e.trains == Trains::Shipped)
        .count();
    let header = header(
        &paths,
        (measured, positives, extra),
        l2,
        vectors.as_ref(),
        teacher.as_deref().map(|dir| (dir, taught)),
        &summaries,
    );
    let text = header + &file;
    Weights::parse(&text).map_err(|e| format!("the written weights do not parse: {e}"))?;
    std::fs::write(&out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "\nwrote {} ({} KB) in {:.0} s",
        out.display(),
        text.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The English model's held-out scores, wrong ones first, as `score<TAB>label<TAB>text` lines:
/// what cross-validation got wrong, to read (the file stays outside the repository).
fn write_errors(path: &Path, scores: &[(f32, bool)], corpus: &Corpus<'_>) -> Result {
    // `out_of_fold` returns the held-out sentences fold by fold: the same order here.
    let order: Vec<usize> = corpus
        .folds_of(&(0..corpus.examples.len()).collect::<Vec<_>>(), 0)
        .into_iter()
        .flatten()
        .collect();
    let mut rows: Vec<(bool, f32, bool, &str)> = order
        .iter()
        .zip(scores)
        .map(|(&i, &(score, positive))| {
            let wrong = (score >= 0.5) != positive;
            (wrong, score, positive, corpus.examples[i].text.as_str())
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut text = String::new();
    for (_, score, positive, sentence) in rows {
        let _ = writeln!(text, "{score:.3}\t{}\t{sentence}", u8::from(positive));
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `counts`: the measured sentences, the check-worthy among them, and the training-only ones.
fn header(
    paths: &[PathBuf],
    (measured, positives, extra): (usize, usize, usize),
    l2: f64,
    vectors: Option<&WordVectors>,
    teacher: Option<(&Path, usize)>,
    summaries: &[String],
) -> String {
    let name = |p: &PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let mut text = String::from(
        "# factdesk check-worthiness weights: `name weight` a line, read by crates/core/src/analysis/checkworthy.rs.\n\
         # Written by `cargo xtask train-claims`; do not edit by hand, retrain.\n",
    );
    let _ = writeln!(
        text,
        "# Trained on {} ({measured} sentences, {positives} check-worthy)",
        name(&paths[0])
    );
    if paths.len() > 1 {
        let more: Vec<String> = paths[1..].iter().map(name).collect();
        let _ = writeln!(text, "#   plus {extra} sentences from {}", more.join(", "));
    }
    if let Some((dir, taught)) = teacher {
        let _ = writeln!(
            text,
            "#   plus {taught} sentences labelled by a fine-tuned teacher ({}; `cargo xtask teach-claims`); each cross-validation fold learnt from the teacher that never saw it",
            name(&dir.to_path_buf())
        );
    }
    let _ = writeln!(
        text,
        "# L2 penalty {l2}; features in fewer than {MIN_SENTENCES_PER_FEATURE} sentences and weights below {PRUNE_BELOW} left out."
    );
    if let Some(vectors) = vectors {
        let _ = writeln!(
            text,
            "# Meanings (m:) from {} ({} words of {} dimensions; `cargo xtask word-vectors`), each the word's vector times the weights of the sentence mean.",
            name(&vectors.path),
            vectors.words.len(),
            vectors.dimensions
        );
    }
    for summary in summaries {
        let _ = writeln!(text, "# {summary}");
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Data

fn load(paths: &[PathBuf]) -> Result<Vec<Example>> {
    let mut examples = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rows = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            csv_rows(&text, path)?
        } else {
            json_rows(&text, path)?
        };
        eprintln!("{}: {} sentences", path.display(), rows.len());
        let measured = index == 0;
        examples.extend(rows.into_iter().map(|(text, positive)| Example {
            text,
            positive,
            measured,
            target: f64::from(u8::from(positive)),
            trains: Trains::Always,
        }));
    }
    // Keep training-only sentences out of the measured corpus's folds.
    let measured_texts: HashSet<String> = examples
        .iter()
        .filter(|e| e.measured)
        .map(|e| comparable(&e.text))
        .collect();
    let before = examples.len();
    examples.retain(|e| e.measured || !measured_texts.contains(&comparable(&e.text)));
    if examples.len() < before {
        eprintln!(
            "dropped {} training-only sentences that are also in {}",
            before - examples.len(),
            paths[0].display()
        );
    }
    Ok(examples)
}

/// `--teacher DIR`, written by `cargo xtask teach-claims`: `folds.json` (the outer fold of
/// each sentence of the measured corpus, in its order), and sentences with a fine-tuned
/// teacher's probability as their label (`{"text", "label"}`): `pool-fold-K.json` from the
/// teacher that did not see fold K, `pool-shipped.json` from the one trained on everything.
/// Returns the outer fold of each example; the pools are appended to `examples`.
fn add_teacher_pools(dir: &Path, examples: &mut Vec<Example>) -> Result<Vec<usize>> {
    let read = |name: &str| -> Result<serde_json::Value> {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))
    };
    let measured = examples.iter().filter(|e| e.measured).count();
    let fold_of: Vec<usize> = read("folds.json")?
        .as_array()
        .map(|folds| {
            folds
                .iter()
                .filter_map(|k| k.as_u64().map(|k| k as usize))
                .collect()
        })
        .unwrap_or_default();
    let folds = fold_of.iter().max().map_or(0, |&k| k + 1);
    if fold_of.len() != measured || folds < 3 {
        return Err(format!(
            "{}: folds.json gives {} folds for {} sentences; the corpus has {measured}",
            dir.display(),
            folds,
            fold_of.len()
        ));
    }
    let measured_texts: HashSet<String> = examples
        .iter()
        .filter(|e| e.measured)
        .map(|e| comparable(&e.text))
        .collect();
    let pools = (0..folds)
        .map(|k| (format!("pool-fold-{k}.json"), Trains::Fold(k)))
        .chain([("pool-shipped.json".to_string(), Trains::Shipped)]);
    for (name, trains) in pools {
        let value = read(&name)?;
        let items = value.as_array().ok_or(format!(
            "{}: expected a JSON array",
            dir.join(&name).display()
        ))?;
        let before = examples.len();
        for (i, item) in items.iter().enumerate() {
            let text = item.get("text").and_then(|t| t.as_str());
            let label = item.get("label").and_then(serde_json::Value::as_f64);
            let (Some(text), Some(label @ 0.0..=1.0)) = (text, label) else {
                return Err(format!(
                    "{}: item {i} needs a \"text\" and a \"label\" from 0 to 1",
                    dir.join(&name).display()
                ));
            };
            if measured_texts.contains(&comparable(text)) {
                continue;
            }
            examples.push(Example {
                text: text.to_owned(),
                positive: label >= 0.5,
                measured: false,
                target: label,
                trains,
            });
        }
        eprintln!(
            "{}: {} sentences labelled by a teacher",
            dir.join(&name).display(),
            examples.len() - before
        );
    }
    let mut fold_of = fold_of;
    fold_of.resize(examples.len(), 0);
    Ok(fold_of)
}

fn comparable(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn json_rows(text: &str, path: &Path) -> Result<Vec<(String, bool)>> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
    let items = value
        .as_array()
        .ok_or(format!("{}: expected a JSON array", path.display()))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = item.get("text").and_then(|t| t.as_str());
            let label = item
                .get("label")
                .and_then(|l| l.as_i64().or_else(|| l.as_str()?.trim().parse().ok()));
            match (text, label) {
                (Some(text), Some(label @ (0 | 1))) => Ok((text.to_owned(), label == 1)),
                _ => Err(format!(
                    "{}: item {i} needs a \"text\" and a \"label\" of 0 or 1",
                    path.display()
                )),
            }
        })
        .collect()
}

fn csv_rows(text: &str, path: &Path) -> Result<Vec<(String, bool)>> {
    let mut records = parse_csv(text).into_iter();
    let header = records.next().ok_or(format!("{}: empty", path.display()))?;
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or(format!("{}: no {name:?} column", path.display()))
    };
    let (text_column, label_column) = (column("text")?, column("label")?);
    let mut rows = Vec::new();
    for (i, record) in records
        .enumerate()
        .filter(|(_, r)| !(r.len() == 1 && r[0].is_empty()))
    {
        match (
            record.get(text_column),
            record.get(label_column).map(|l| l.trim()),
        ) {
            (Some(text), Some(label @ ("0" | "1"))) => rows.push((text.clone(), label == "1")),
            _ => {
                return Err(format!(
                    "{}: record {} needs a text and a label of 0 or 1",
                    path.display(),
                    i + 2
                ));
            }
        }
    }
    Ok(rows)
}

/// RFC 4180: fields separated by commas, quoted fields may hold commas, newlines and `""`.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

// ---------------------------------------------------------------------------------------------
// Features

/// Every sentence's features as (feature id, value), and the names behind the ids.
struct Features {
    names: Vec<String>,
    /// Whether a feature is a group or length feature, the only kind `ReasonsOnly` may use.
    dense: Vec<bool>,
    rows: Vec<Vec<(u32, f64)>>,
    /// With `--vectors`: the sentence mean's features, to be folded into word meanings.
    meanings: Option<Meanings>,
}

/// Word vectors weighted for the sentence mean: `v:D` of a sentence is the sum of its words'
/// `D`th values divided by its number of words, so a model's weights on the `v:` features come
/// down to one number a word (`m:WORD`, its vector times those weights) that the scorer adds
/// up and divides by the number of words.
struct Meanings {
    /// Each word's vector, times its SIF weight and the common scale.
    words: Vec<(String, Vec<f64>)>,
    /// The feature id of dimension 0; the others follow it.
    first_id: u32,
    dimensions: usize,
}

/// Smooth inverse frequency (Arora et al. 2017): frequent words say little about a sentence.
const SIF_SMOOTHING: f64 = 1e-3;
/// The root mean square the sentence means are scaled to, unless `--vector-scale` says otherwise:
/// large enough that the L2 penalty does not drown them next to the 0/1 word features (3 did
/// best of 2, 3, 4, 8 and 12 under cross-validation on claims-dev).
const DEFAULT_VECTOR_SCALE: f64 = 3.0;

impl Features {
    fn extract(examples: &[Example], vectors: Option<&WordVectors>, scale: f64) -> Features {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut names = Vec::new();
        let mut id_of = |name: String, names: &mut Vec<String>| {
            *ids.entry(name.clone()).or_insert_with(|| {
                names.push(name);
                names.len() as u32 - 1
            })
        };
        // The data is English, so English features; `reasons-only` keeps the groups.
        let sentence_features: Vec<Vec<String>> = examples
            .iter()
            .map(|example| feature_names(&example.text, "en"))
            .collect();
        let mut rows: Vec<Vec<(u32, f64)>> = sentence_features
            .iter()
            .map(|features| {
                let mut counts: HashMap<u32, f64> = HashMap::new();
                for name in features {
                    *counts.entry(id_of(name.clone(), &mut names)).or_default() += 1.0;
                }
                let mut row: Vec<(u32, f64)> = counts.into_iter().collect();
                row.sort_unstable_by_key(|&(id, _)| id);
                row
            })
            .collect();
        let meanings = vectors.map(|vectors| {
            // Registered last, so the dimensions' ids follow one another.
            let first_id = names.len() as u32;
            for d in 0..vectors.dimensions {
                id_of(format!("v:{d}"), &mut names);
            }
            let meanings = Meanings::new(vectors, &sentence_features, first_id, scale);
            for (row, features) in rows.iter_mut().zip(&sentence_features) {
                row.extend(meanings.sentence_mean(features));
            }
            meanings
        });
        let dense = names.iter().map(|n| is_dense(n)).collect();
        Features {
            names,
            dense,
            rows,
            meanings,
        }
    }
}

/// Whether a feature is a group or a length bucket: one every sentence has a yes or no for.
fn is_dense(name: &str) -> bool {
    name.starts_with("g:") || name.starts_with("len:")
}

/// The words of a sentence's features: its `w:` unigrams, one per occurrence.
fn sentence_words(features: &[String]) -> impl Iterator<Item = &str> {
    features.iter().filter_map(|name| name.strip_prefix("w:"))
}

impl Meanings {
    fn new(
        vectors: &WordVectors,
        sentences: &[Vec<String>],
        first_id: u32,
        scale: f64,
    ) -> Meanings {
        let mut frequency: HashMap<&str, f64> = HashMap::new();
        for features in sentences {
            for word in sentence_words(features) {
                *frequency.entry(word).or_default() += 1.0;
            }
        }
        let total: f64 = frequency.values().sum::<f64>().max(1.0);
        let sif = |word: &str| {
            SIF_SMOOTHING / (SIF_SMOOTHING + frequency.get(word).copied().unwrap_or(0.0) / total)
        };
        let mut meanings = Meanings {
            words: vectors
                .words
                .iter()
                .map(|(word, vector)| {
                    let weight = sif(word);
                    (
                        word.clone(),
                        vector.iter().map(|&v| f64::from(v) * weight).collect(),
                    )
                })
                .collect(),
            first_id,
            dimensions: vectors.dimensions,
        };
        // Scale so that the sentence means have the wanted root mean square.
        let squares: f64 = sentences
            .iter()
            .map(|features| {
                meanings
                    .sentence_mean(features)
                    .map(|(_, v)| v * v)
                    .sum::<f64>()
            })
            .sum();
        let rms = (squares / sentences.len().max(1) as f64).sqrt();
        if rms > 0.0 {
            let factor = scale / rms;
            for (_, vector) in &mut meanings.words {
                vector.iter_mut().for_each(|v| *v *= factor);
            }
        }
        meanings
    }

    /// The sentence's `v:` features: the mean of its words' vectors, where words without one
    /// (numbers, rare words) count as zero.
    fn sentence_mean(&self, features: &[String]) -> impl Iterator<Item = (u32, f64)> + '_ {
        let mut sum = vec![0.0; self.dimensions];
        let mut count = 0usize;
        for word in sentence_words(features) {
            count += 1;
            if let Some(vector) = self.vector(word) {
                sum.iter_mut().zip(vector).for_each(|(s, v)| *s += v);
            }
        }
        let n = count.max(1) as f64;
        (self.first_id..)
            .zip(sum)
            .filter(|(_, s)| *s != 0.0)
            .map(move |(id, s)| (id, s / n))
    }

    /// Which dimension a feature id is, if it is one.
    fn dimension(&self, id: usize) -> Option<usize> {
        id.checked_sub(self.first_id as usize)
            .filter(|&d| d < self.dimensions)
    }

    fn vector(&self, word: &str) -> Option<&[f64]> {
        self.words
            .binary_search_by(|(w, _)| w.as_str().cmp(word))
            .ok()
            .map(|i| self.words[i].1.as_slice())
    }

    /// Each word's meaning under a model's `v:` weights (`weights[d]` for dimension `d`).
    fn fold<'a>(&'a self, weights: &'a [f64]) -> impl Iterator<Item = (String, f64)> + 'a {
        self.words.iter().map(move |(word, vector)| {
            let meaning = vector.iter().zip(weights).map(|(v, w)| v * w).sum();
            (format!("m:{word}"), meaning)
        })
    }
}

/// Static word vectors, `word v1 v2 ...` a line (what `cargo xtask word-vectors` writes),
/// sorted by word.
struct WordVectors {
    path: PathBuf,
    dimensions: usize,
    words: Vec<(String, Vec<f32>)>,
}

impl WordVectors {
    fn read(path: &Path) -> Result<WordVectors> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut words = Vec::new();
        let mut dimensions = None;
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = |what: &str| format!("{} line {}: {what}", path.display(), number + 1);
            let mut fields = line.split(' ');
            let word = fields.next().unwrap_or_default();
            let vector = fields
                .map(|f| f.parse::<f32>().ok().filter(|v| v.is_finite()))
                .collect::<Option<Vec<f32>>>()
                .ok_or_else(|| bad("a value is not a finite number"))?;
            if word.is_empty() || vector.is_empty() {
                return Err(bad("expected `word v1 v2 ...`"));
            }
            if *dimensions.get_or_insert(vector.len()) != vector.len() {
                return Err(bad("not as many values as the first line"));
            }
            words.push((word.to_owned(), vector));
        }
        words.sort_by(|a, b| a.0.cmp(&b.0));
        words.dedup_by(|a, b| a.0 == b.0);
        let dimensions = dimensions.ok_or(format!("{}: no vectors", path.display()))?;
        eprintln!(
            "{}: {} words, {dimensions} dimensions",
            path.display(),
            words.len()
        );
        Ok(WordVectors {
            path: path.to_path_buf(),
            dimensions,
            words,
        })
    }
}

/// A trained model: bias and named weights, as they go into the file.
struct Trained {
    bias: f64,
    weights: Vec<(String, f64)>,
}

impl Trained {
    fn render(&self, section: &str) -> String {
        let mut text = format!("\n[{section}]\nbias {:.4}\n", self.bias);
        for (name, weight) in &self.weights {
            let _ = writeln!(text, "{name} {weight:.4}");
        }
        text
    }

    /// These weights in the `[english]` section, so they score English text with the English
    /// lexicon whichever model they are.
    fn parse_as_english(&self) -> Result<Weights> {
        Weights::parse(&self.render("english"))
            .map_err(|e| format!("rendered weights do not parse: {e}"))
    }
}

fn score(weights: &Weights, text: &str) -> f32 {
    weights.check_worthiness(text, "en").score
}

struct Corpus<'a> {
    examples: &'a [Example],
    features: &'a Features,
    l2: f64,
    folds: usize,
    /// Varies the fold shuffles (0 is the default), to see how much a figure owes to one split.
    seed: u64,
    /// With `--teacher`: the outer fold of each measured sentence (by example index), the
    /// folds the teacher was trained on, so that no teacher labelled a fold it saw.
    teacher_folds: Option<Vec<usize>>,
    /// How much a teacher-labelled sentence counts against a labelled one.
    teacher_weight: f64,
}

impl Corpus<'_> {
    fn measured<'s>(&'s self, indices: &'s [usize]) -> impl Iterator<Item = usize> + 's {
        indices
            .iter()
            .copied()
            .filter(|&i| self.examples[i].measured)
    }

    /// Splits the measured sentences among `folds` folds, each with its share of positives
    /// (the outer folds given by a teacher are its own split); training-only sentences are in
    /// no fold.
    fn folds_of(&self, indices: &[usize], salt: u64) -> Vec<Vec<usize>> {
        if let (0, Some(fold_of)) = (salt, &self.teacher_folds) {
            let mut folds = vec![Vec::new(); self.folds];
            for i in self.measured(indices) {
                folds[fold_of[i]].push(i);
            }
            return folds;
        }
        let mut rng = SplitMix(SEED ^ salt ^ self.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut folds = vec![Vec::new(); self.folds];
        for positive in [true, false] {
            let mut group: Vec<usize> = self
                .measured(indices)
                .filter(|&i| self.examples[i].positive == positive)
                .collect();
            rng.shuffle(&mut group);
            for (n, i) in group.into_iter().enumerate() {
                folds[n % self.folds].push(i);
            }
        }
        folds
    }

    /// Out-of-fold scores of `indices`' measured sentences, each from a model (made by
    /// `train`) that did not see it.
    fn out_of_fold(
        &self,
        indices: &[usize],
        salt: u64,
        train: impl Fn(&[usize]) -> Result<Trained>,
    ) -> Result<Vec<(f32, bool)>> {
        let folds = self.folds_of(indices, salt);
        let outer = salt == 0;
        let mut scores = Vec::new();
        for (fold, held_out) in folds.iter().enumerate() {
            let held: HashSet<usize> = held_out.iter().copied().collect();
            // A teacher's sentences train only the outer fold whose teacher labelled them,
            // and no calibration fold: that teacher saw every calibration fold's sentences.
            let trains = |i: usize| match self.examples[i].trains {
                Trains::Always => true,
                Trains::Fold(k) => outer && k == fold,
                Trains::Shipped => false,
            };
            let training: Vec<usize> = indices
                .iter()
                .copied()
                .filter(|&i| !held.contains(&i) && trains(i))
                .collect();
            let weights = train(&training)?.parse_as_english()?;
            scores.extend(held_out.iter().map(|&i| {
                (
                    score(&weights, &self.examples[i].text),
                    self.examples[i].positive,
                )
            }));
        }
        Ok(scores)
    }

    /// A model on `indices`, its bias shifted so that 0.5 is the F1-best cut of scores from
    /// an inner cross-validation on the same sentences.
    fn train_calibrated(&self, kind: Kind, indices: &[usize]) -> Result<Trained> {
        let inner = self.out_of_fold(indices, indices.len() as u64, |training| {
            Ok(self.train(kind, training))
        })?;
        let threshold = best_f1_threshold(&inner);
        let mut model = self.train(kind, indices);
        model.bias -= logit(f64::from(threshold));
        Ok(model)
    }

    /// Honest figures: outer folds, each with its own calibration inside its training part.
    fn cross_validate(&self, kind: Kind) -> Result<(Metrics, Vec<(f32, bool)>)> {
        let all: Vec<usize> = (0..self.examples.len()).collect();
        let started = Instant::now();
        let scores = self.out_of_fold(&all, 0, |training| self.train_calibrated(kind, training))?;
        eprintln!(
            "cross-validation took {:.0} s",
            started.elapsed().as_secs_f64()
        );
        Ok((Metrics::at_half(&scores), scores))
    }

    /// Logistic regression on `indices` with L-BFGS; features used by fewer than
    /// `MIN_SENTENCES_PER_FEATURE` of them are left out, tiny weights pruned.
    fn train(&self, kind: Kind, indices: &[usize]) -> Trained {
        let features = self.features;
        let mut sentences_with = vec![0usize; features.names.len()];
        for &i in indices {
            for &(id, _) in &features.rows[i] {
                sentences_with[id as usize] += 1;
            }
        }
        // Column 0 is the bias; columns 1.. are the features kept, in id order.
        let mut column_of = vec![0u32; features.names.len()];
        let mut kept = Vec::new();
        for (id, &count) in sentences_with.iter().enumerate() {
            let allowed = kind == Kind::English || features.dense[id];
            if allowed && count >= MIN_SENTENCES_PER_FEATURE {
                kept.push(id);
                column_of[id] = kept.len() as u32;
            }
        }
        let rows: Vec<Row> = indices
            .iter()
            .map(|&i| {
                let row = features.rows[i]
                    .iter()
                    .filter(|&&(id, _)| column_of[id as usize] != 0)
                    .map(|&(id, count)| (column_of[id as usize], count))
                    .collect();
                let weight = if self.examples[i].trains == Trains::Always {
                    1.0
                } else {
                    self.teacher_weight
                };
                Row {
                    features: row,
                    target: self.examples[i].target,
                    weight,
                }
            })
            .collect();
        let solution = minimize(kept.len() + 1, |w, gradient| {
            log_loss(&rows, self.l2, w, gradient)
        });
        let meanings = features.meanings.as_ref();
        let mut weights = Vec::new();
        let mut dimension_weights = vec![0.0; meanings.map_or(0, |m| m.dimensions)];
        for (column, &id) in kept.iter().enumerate() {
            let weight = solution[column + 1];
            match meanings.and_then(|m| m.dimension(id)) {
                Some(dimension) => dimension_weights[dimension] = weight,
                None => weights.push((features.names[id].clone(), weight)),
            }
        }
        // The sentence mean's weights become one number a word: what the scorer adds.
        if let Some(meanings) = meanings {
            weights.extend(meanings.fold(&dimension_weights));
        }
        weights.retain(|(_, weight)| weight.abs() >= PRUNE_BELOW);
        // Groups first, as the scorer lists them; then words, the strongest first; then meanings.
        weights.sort_by(|a, b| {
            let order = |name: &str| match name {
                _ if is_dense(name) => 0,
                _ if name.starts_with("m:") => 2,
                _ => 1,
            };
            order(&a.0)
                .cmp(&order(&b.0))
                .then(b.1.total_cmp(&a.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        Trained {
            bias: solution[0],
            weights,
        }
    }
}

/// One training sentence: its feature columns and counts, what it is fitted to, and how
/// much it counts.
struct Row {
    features: Vec<(u32, f64)>,
    target: f64,
    weight: f64,
}

/// The weighted mean log-loss of the rows plus `l2 / 2 * |w|²` (bias excepted); fills the
/// gradient.
fn log_loss(rows: &[Row], l2: f64, w: &[f64], gradient: &mut [f64]) -> f64 {
    gradient.iter_mut().for_each(|g| *g = 0.0);
    let n: f64 = rows.iter().map(|r| r.weight).sum();
    let mut loss = 0.0;
    for Row {
        features: row,
        target,
        weight,
    } in rows
    {
        let z = w[0] + row.iter().map(|&(c, x)| w[c as usize] * x).sum::<f64>();
        // log(1 + e^z) - target * z, computed without overflow.
        loss += weight
            * (if z > 0.0 {
                z + (-z).exp().ln_1p()
            } else {
                z.exp().ln_1p()
            } - target * z);
        let error = weight * (sigmoid(z) - target) / n;
        gradient[0] += error;
        for &(c, x) in row {
            gradient[c as usize] += error * x;
        }
    }
    loss /= n;
    for j in 1..w.len() {
        loss += 0.5 * l2 * w[j] * w[j];
        gradient[j] += l2 * w[j];
    }
    loss
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// L-BFGS (ten corrections) with a backtracking Armijo line search, from zero.
fn minimize(dimensions: usize, objective: impl Fn(&[f64], &mut [f64]) -> f64) -> Vec<f64> {
    const MEMORY: usize = 10;
    const MAX_ITERATIONS: usize = 500;
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; dimensions];
    let mut gradient = vec![0.0; dimensions];
    let mut value = objective(&x, &mut gradient);
    let mut history: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new(); // (s, y, 1 / y·s)
    let mut next_gradient = vec![0.0; dimensions];
    for iteration in 0..MAX_ITERATIONS {
        if gradient.iter().fold(0.0f64, |m, g| m.max(g.abs())) < 1e-6 {
            break;
        }
        // Two-loop recursion: direction = -H·gradient.
        let mut direction: Vec<f64> = gradient.iter().map(|g| -g).collect();
        let mut alphas = Vec::with_capacity(history.len());
        for (s, y, rho) in history.iter().rev() {
            let alpha = rho * dot(s, &direction);
            direction
                .iter_mut()
                .zip(y)
                .for_each(|(d, yi)| *d -= alpha * yi);
            alphas.push(alpha);
        }
        if let Some((s, y, _)) = history.last() {
            let scale = dot(s, y) / dot(y, y);
            direction.iter_mut().for_each(|d| *d *= scale);
        }
        for ((s, y, rho), alpha) in history.iter().zip(alphas.iter().rev()) {
            let beta = rho * dot(y, &direction);
            direction
                .iter_mut()
                .zip(s)
                .for_each(|(d, si)| *d += (alpha - beta) * si);
        }
        let mut slope = dot(&gradient, &direction);
        if slope >= 0.0 {
            // Not a descent direction: start over from steepest descent.
            history.clear();
            direction = gradient.iter().map(|g| -g).collect();
            slope = dot(&gradient, &direction);
        }
        let mut step = if iteration == 0 {
            1.0 / dot(&gradient, &gradient).sqrt().max(1e-12)
        } else {
            1.0
        };
        let mut candidate = vec![0.0; dimensions];
        let mut next_value;
        loop {
            candidate
                .iter_mut()
                .zip(&x)
                .zip(&direction)
                .for_each(|((c, xi), d)| *c = xi + step * d);
            next_value = objective(&candidate, &mut next_gradient);
            if next_value <= value + 1e-4 * step * slope || step < 1e-12 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = candidate.iter().zip(&x).map(|(c, xi)| c - xi).collect();
        let y: Vec<f64> = next_gradient
            .iter()
            .zip(&gradient)
            .map(|(n, g)| n - g)
            .collect();
        let ys = dot(&y, &s);
        let improvement = value - next_value;
        x = candidate;
        std::mem::swap(&mut gradient, &mut next_gradient);
        value = next_value;
        if ys > 1e-12 {
            if history.len() == MEMORY {
                history.remove(0);
            }
            history.push((s, y, 1.0 / ys));
        }
        if improvement.abs() <= 1e-10 * value.abs().max(1.0) {
            break;
        }
    }
    x
}

// ---------------------------------------------------------------------------------------------
// Measures

struct Metrics {
    precision: f64,
    recall: f64,
    f1: f64,
}

impl Metrics {
    fn at(scores: &[(f32, bool)], threshold: f32) -> Metrics {
        let count = |predicted: bool, actual: bool| {
            scores
                .iter()
                .filter(|&&(s, positive)| (s >= threshold) == predicted && positive == actual)
                .count() as f64
        };
        let (tp, fp, fns) = (count(true, true), count(true, false), count(false, true));
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fns > 0.0 { tp / (tp + fns) } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Metrics {
            precision,
            recall,
            f1,
        }
    }

    fn at_half(scores: &[(f32, bool)]) -> Metrics {
        Metrics::at(scores, 0.5)
    }
}

impl std::fmt::Display for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.3} recall {:.3} F1 {:.3} at 0.5",
            self.precision, self.recall, self.f1
        )
    }
}

/// The score cut with the best F1 (scores at or above it are check-worthy).
fn best_f1_threshold(scores: &[(f32, bool)]) -> f32 {
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = sorted.iter().filter(|s| s.1).count() as f64;
    let (mut best, mut best_f1, mut tp, mut taken) = (0.5f32, -1.0f64, 0.0, 0.0);
    for (i, &(score, positive)) in sorted.iter().enumerate() {
        tp += f64::from(u8::from(positive));
        taken += 1.0;
        // Only cut between different scores.
        if sorted.get(i + 1).is_some_and(|next| next.0 == score) {
            continue;
        }
        let f1 = 2.0 * tp / (taken + positives);
        if f1 > best_f1 {
            best_f1 = f1;
            // Halfway to the next lower score, so the cut is not on a sentence.
            best = sorted
                .get(i + 1)
                .map_or(score, |next| (score + next.0) / 2.0);
        }
    }
    best
}

/// Average precision as `evaluate.py` computes it: ranked by score, ties with negatives first.
fn average_precision(scores: &[(f32, bool)]) -> f64 {
    let mut ranked = scores.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut hits, mut sum) = (0.0, 0.0);
    for (rank, &(_, positive)) in ranked.iter().enumerate() {
        if positive {
            hits += 1.0;
            sum += hits / (rank + 1) as f64;
        }
    }
    if hits > 0.0 { sum / hits } else { 0.0 }
}

/// Scoring speed over the corpus, for at least a second of this thread's CPU time (so that
/// other work on the machine does not count). Meaningful in a release build only.
fn throughput(kind: Kind, weights: &Weights, examples: &[Example]) {
    let bytes: usize = examples.iter().map(|e| e.text.len()).sum();
    let (started, wall) = (cpu_seconds(), Instant::now());
    let (mut rounds, mut checksum) = (0usize, 0.0f64);
    while rounds == 0
        || cpu_seconds()
            .zip(started)
            .map_or(wall.elapsed().as_secs_f64(), |(now, then)| now - then)
            < 1.0
    {
        for example in examples {
            checksum += f64::from(
                std::hint::black_box(weights.check_worthiness(&example.text, "en")).score,
            );
        }
        rounds += 1;
    }
    let (seconds, clock) = match cpu_seconds().zip(started) {
        Some((now, then)) => (now - then, "CPU time"),
        None => (wall.elapsed().as_secs_f64(), "wall time"),
    };
    let profile = if cfg!(debug_assertions) {
        "debug build: not representative"
    } else {
        "release build"
    };
    println!(
        "[{}] scoring throughput: {:.1} MB/s, {:.0} sentences/s on one core ({profile}, {clock}; checksum {checksum:.0})",
        kind.section(),
        (bytes * rounds) as f64 / seconds / 1e6,
        (examples.len() * rounds) as f64 / seconds
    );
}

/// This thread's time on a CPU, where Linux tells it.
fn cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

/// A small deterministic generator (SplitMix64) for the fold shuffles.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teacher_pools_train_only_the_fold_their_teacher_did_not_see() {
        let dir = std::env::temp_dir().join(format!("factdesk-teacher-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
        write("folds.json", "[0, 1, 2, 0, 1, 2]");
        for k in 0..3 {
            write(
                &format!("pool-fold-{k}.json"),
                &format!(
                    r#"[{{"text": "pool {k}", "label": 0.75}}, {{"text": "Measured 0", "label": 1}}]"#
                ),
            );
        }
        write(
            "pool-shipped.json",
            r#"[{"text": "pool all", "label": 0.25}]"#,
        );
        let mut examples: Vec<Example> = (0..6)
            .map(|i| Example {
                text: format!("Measured {i}"),
                positive: i % 2 == 0,
                measured: true,
                target: f64::from(u8::from(i % 2 == 0)),
                trains: Trains::Always,
            })
            .collect();
        let fold_of = add_teacher_pools(&dir, &mut examples).unwrap();
        // A pool sentence that is also measured is dropped; the others keep soft labels.
        assert_eq!(examples.len(), 6 + 3 + 1);
        assert!(
            examples
                .iter()
                .any(|e| e.text == "pool 1" && e.target == 0.75)
        );
        let features = Features::extract(&examples, None, 1.0);
        let corpus = Corpus {
            examples: &examples,
            features: &features,
            l2: DEFAULT_L2,
            folds: 3,
            seed: 0,
            teacher_folds: Some(fold_of),
            teacher_weight: 1.0,
        };
        let all: Vec<usize> = (0..examples.len()).collect();
        let trained_on = std::cell::RefCell::new(Vec::new());
        corpus
            .out_of_fold(&all, 0, |training| {
                trained_on.borrow_mut().push(
                    training
                        .iter()
                        .map(|&i| examples[i].text.clone())
                        .collect::<Vec<_>>(),
                );
                Ok(Trained {
                    bias: 0.0,
                    weights: Vec::new(),
                })
            })
            .unwrap();
        let trained_on = trained_on.into_inner();
        assert_eq!(
            trained_on[1],
            [
                "Measured 0",
                "Measured 2",
                "Measured 3",
                "Measured 5",
                "pool 1"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn csv_fields_may_hold_commas_quotes_and_newlines() {
        let rows = parse_csv("a,b\n1,\"x, \"\"y\"\"\nz\"\r\n2,plain\n");
        assert_eq!(
            rows,
            [vec!["a", "b"], vec!["1", "x, \"y\"\nz"], vec!["2", "plain"]]
        );
    }

    #[test]
    fn lbfgs_finds_a_quadratic_minimum() {
        let x = minimize(3, |w, g| {
            let targets = [1.0, -2.0, 3.0];
            let mut value = 0.0;
            for i in 0..3 {
                value += (i + 1) as f64 * (w[i] - targets[i]).powi(2);
                g[i] = 2.0 * (i + 1) as f64 * (w[i] - targets[i]);
            }
            value
        });
        assert!(
            x.iter()
                .zip([1.0, -2.0, 3.0])
                .all(|(a, b)| (a - b).abs() < 1e-4),
            "{x:?}"
        );
    }

    #[test]
    fn folded_meanings_score_what_the_sentence_mean_was_trained_on() {
        let vectors = WordVectors {
            path: PathBuf::from("test"),
            dimensions: 2,
            words: vec![
                ("fell".into(), vec![0.5, -1.0]),
                ("growth".into(), vec![1.0, 2.0]),
                ("thanks".into(), vec![-3.0, 0.25]),
            ],
        };
        let example = |text: &str| Example {
            text: text.into(),
            positive: false,
            measured: true,
            target: 0.0,
            trains: Trains::Always,
        };
        let examples = [
            example("Growth fell 3 percent"),
            example("Thanks, growth"),
            example("Nothing here"),
        ];
        let features = Features::extract(&examples, Some(&vectors), 4.0);
        let meanings = features.meanings.as_ref().unwrap();
        let dimension_weights = [0.7, -0.2];
        let mut file = String::from("[english]\nbias 0\n");
        for (name, weight) in meanings.fold(&dimension_weights) {
            file.push_str(&format!("{name} {weight}\n"));
        }
        let weights = Weights::parse(&file).unwrap();
        for (example, row) in examples.iter().zip(&features.rows) {
            let trained: f64 = row
                .iter()
                .filter_map(|&(id, value)| {
                    let dimension: usize = features.names[id as usize]
                        .strip_prefix("v:")?
                        .parse()
                        .ok()?;
                    Some(value * dimension_weights[dimension])
                })
                .sum();
            let p = f64::from(score(&weights, &example.text));
            let scored = (p / (1.0 - p)).ln();
            assert!(
                (trained - scored).abs() < 1e-3,
                "{}: {trained} vs {scored}",
                example.text
            );
        }
        // The mean was scaled to the root mean square asked for, over the sentences.
        let squares: f64 = features
            .rows
            .iter()
            .flatten()
            .filter(|&&(id, _)| features.names[id as usize].starts_with("v:"))
            .map(|&(_, v)| v * v)
            .sum();
        assert!(((squares / 3.0).sqrt() - 4.0).abs() < 1e-9, "{squares}");
    }

    #[test]
    fn average_precision_and_threshold_follow_the_ranking() {
        let scores = [(0.9, true), (0.8, false), (0.7, true), (0.1, false)];
        assert!((average_precision(&scores) - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
        let threshold = best_f1_threshold(&scores);
        assert!(threshold > 0.1 && threshold <= 0.7, "{threshold}");
        assert!((Metrics::at(&scores, threshold).f1 - 0.8).abs() < 1e-9);
    }
}
