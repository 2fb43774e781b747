//! `factdesk analyze`: files or JSON lines in, one analysis per input out. A bad input
//! gives a line with an "error" field and the run goes on; the exit code is 1 if any failed.

use crate::output::Output;
use factdesk_core::StoredClaim;
use factdesk_core::analysis::{Analysis, QuoteKind};
use factdesk_workbench::{AnalysisRecord, ArticleAnalysis, Workbench};
use serde::Deserialize;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

pub fn run(jsonl: bool, files: &[PathBuf], out: &mut Output) -> ExitCode {
    let mut failed = 0usize;
    if jsonl {
        out.use_json();
        for (number, line) in std::io::stdin().lock().lines().enumerate() {
            let line = match line {
                Ok(line) => line,
                Err(error) => {
                    failed += 1;
                    report_error(
                        out,
                        &format!("line {}", number + 1),
                        &format!("cannot read standard input: {error}"),
                    );
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Input>(&line) {
                Ok(input) => {
                    let id = match input.id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    let record = Workbench::analyze_text(&id, &input.text);
                    out.record(&record, || describe(&record));
                }
                Err(error) => {
                    failed += 1;
                    report_error(
                        out,
                        &format!("line {}", number + 1),
                        &format!("is not {{\"id\": ..., \"text\": ...}} JSON: {error}"),
                    );
                }
            }
        }
    } else {
        for file in files {
            match Workbench::analyze_file(file) {
                Ok(record) => out.record(&record, || describe(&record)),
                Err(error) => {
                    failed += 1;
                    report_error(out, &file.display().to_string(), &error.to_string());
                }
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn report_error(out: &mut Output, id: &str, message: &str) {
    out.record(&serde_json::json!({ "id": id, "error": message }), || {
        format!("failed     {id}: {message}")
    });
}

/// The analysis for people: quotations with speakers, check-worthy claims, checks.
fn describe(record: &AnalysisRecord) -> String {
    let Analysis {
        language,
        sentences,
        quotes,
        claims,
        checks,
        speakers,
    } = &record.analysis;
    let mut text = format!(
        "{}  ({}; {} sentences)\n",
        record.id,
        language.as_deref().unwrap_or("language unknown"),
        sentences.len()
    );
    for quote in quotes {
        let kind = if quote.kind == QuoteKind::Direct {
            "quote   "
        } else {
            "reported"
        };
        let speaker = quote.speaker.as_deref().unwrap_or("(speaker unknown)");
        text.push_str(&format!("  {kind} {speaker}: {}\n", one_line(&quote.text)));
    }
    for claim in claims.iter().filter(|c| c.score >= 0.5) {
        text.push_str(&format!(
            "  claim {:.2} [{}] {}\n",
            claim.score,
            claim.reasons.join(", "),
            one_line(&claim.text)
        ));
    }
    for check in checks {
        text.push_str(&format!(
            "  check {} {}: {}\n",
            if check.ok { "ok " } else { "WRONG" },
            check.kind,
            check.detail
        ));
    }
    for speaker in speakers {
        let role = speaker
            .role
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        text.push_str(&format!(
            "  speaker {}{role}: {} quotation(s)\n",
            speaker.name,
            speaker.quotes.len()
        ));
    }
    text
}

fn one_line(text: &str) -> String {
    let flat = text.replace('\n', " ");
    if flat.chars().count() > 120 {
        flat.chars().take(119).chain(['…']).collect()
    } else {
        flat
    }
}

/// One stored claim or quotation for people.
pub fn describe_claim(claim: &StoredClaim) -> String {
    let what = match claim.kind.as_str() {
        "direct" => format!(
            "quote    {}:",
            claim.speaker.as_deref().unwrap_or("(speaker unknown)")
        ),
        "indirect" => format!(
            "reported {}:",
            claim.speaker.as_deref().unwrap_or("(speaker unknown)")
        ),
        _ => match claim.score {
            Some(score) => format!("claim {score:.2} [{}]", claim.reasons.join(", ")),
            None => "claim (marked by hand)".to_string(),
        },
    };
    let verdict = claim
        .verdict
        .as_deref()
        .map(|v| format!(", {v}"))
        .unwrap_or_default();
    format!(
        "#{:<6} article #{} ({}{verdict}) {what} {}",
        claim.id,
        claim.article_id,
        claim.status,
        one_line(&claim.text)
    )
}

/// A stored article's analysis for people.
pub fn describe_stored(analysis: &ArticleAnalysis) -> String {
    let mut text = String::new();
    for claim in &analysis.claims {
        text.push_str(&describe_claim(claim));
        text.push('\n');
    }
    for check in &analysis.checks {
        text.push_str(&format!(
            "check {} {}: {}\n",
            if check.ok { "ok   " } else { "WRONG" },
            check.kind,
            check.detail
        ));
    }
    for speaker in &analysis.speakers {
        let role = speaker
            .role
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        text.push_str(&format!(
            "speaker {}{role}: {} quotation(s)\n",
            speaker.name,
            speaker.quotes.len()
        ));
    }
    text
}
