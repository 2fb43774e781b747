//! `factdesk match`: a quotation file against a source file, as the contract's JSON or as
//! a side-by-side reading for people.

use crate::output::Output;
use factdesk_core::quote_match::{EditOp, MatchClass};
use factdesk_workbench::{QuoteSighting, Rules, SourceMatch, Workbench};
use std::path::Path;
use std::process::ExitCode;

pub fn run(quote: &Path, source: &Path, rules: &Rules, out: &mut Output) -> ExitCode {
    match Workbench::match_quote_files(quote, source, rules) {
        Ok(found) => {
            out.record(&found.result, || describe(&found));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let message = error.to_string();
            out.record(&serde_json::json!({ "quote": quote.display().to_string(), "source": source.display().to_string(), "error": message }), || {
                format!("failed     {message}")
            });
            ExitCode::FAILURE
        }
    }
}

fn describe(found: &SourceMatch) -> String {
    let result = &found.result;
    let mut text = match (result.class, result.source_start, result.source_end) {
        (MatchClass::NotFound, _, _) | (_, None, _) | (_, _, None) => {
            format!(
                "not found (score {:.3}): most of the quotation's words are not in the source\n",
                result.score
            )
        }
        (class, Some(start), Some(end)) => format!(
            "{} (score {:.3}), source characters {start}–{end}\n",
            class.as_str(),
            result.score
        ),
    };
    if let Some(passage) = &found.passage {
        text.push_str(&format!("  source: {}\n", one_line(passage)));
        text.push_str(&format!("  quote:  {}\n", one_line(&found.quote)));
    }
    if let Some(before) = &found.sentence_before {
        text.push_str(&format!(
            "  the source sentence begins before it: “{}”\n",
            one_line(before)
        ));
    }
    if let Some(after) = &found.sentence_after {
        text.push_str(&format!(
            "  the source sentence goes on: “{}”\n",
            one_line(after)
        ));
    }
    for edit in &result.edits {
        let line = match edit.op {
            EditOp::Insert => format!("  added    “{}”", one_line(&edit.quote)),
            EditOp::Delete => format!("  dropped  “{}”", one_line(&edit.source)),
            EditOp::Replace => format!(
                "  changed  “{}” → “{}”",
                one_line(&edit.source),
                one_line(&edit.quote)
            ),
        };
        text.push_str(&line);
        text.push('\n');
    }
    text.trim_end().to_string()
}

/// One line per article for `factdesk quote-search`.
pub fn describe_sighting(sighting: &QuoteSighting) -> String {
    let first = if sighting.first { "  ← first" } else { "" };
    let speaker = sighting
        .speaker
        .as_deref()
        .map(|s| format!(" — {s}"))
        .unwrap_or_default();
    let site = sighting
        .site
        .as_deref()
        .map(|s| format!(" [{s}]"))
        .unwrap_or_default();
    format!(
        "{}  #{:<6} {}{}  {} {:.3}{}\n        “{}”{} (claim {})",
        sighting.appeared,
        sighting.article_id,
        sighting.title,
        site,
        sighting.class.as_str(),
        sighting.score,
        first,
        one_line(&sighting.text),
        speaker,
        sighting.claim_id
    )
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
