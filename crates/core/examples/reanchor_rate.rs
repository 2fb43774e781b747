//! How often a claim in an unchanged sentence is found again, word for word, across the
//! revision chains of a corpus (a folder of articles, each a folder of `0.txt`, `1.txt`, …).
//!
//! Every sentence of revision k that occurs as a sentence of revision k+1 too is taken as a
//! pseudo-claim; it is re-anchored from k into k+1 and counts as recovered when the
//! re-anchored text is exactly that sentence (status unchanged or moved).
//!
//! `cargo run --release -p factdesk-core --example reanchor_rate -- ../shared/corpora/wiki-versions-dev`
//! Target (issue 7): at least 99%.

use factdesk_core::analysis::sentence_spans;
use factdesk_core::anchor::{AnchorStatus, Reanchorer};
use factdesk_core::diff::{DiffOptions, diff};
use std::collections::HashSet;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!(
            "usage: reanchor_rate CORPUS_FOLDER (a folder of article folders with 0.txt, 1.txt, …)"
        );
        std::process::exit(2);
    };
    let mut articles: Vec<_> = match std::fs::read_dir(&root) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(error) => {
            eprintln!("reanchor_rate: cannot read {root}: {error}");
            std::process::exit(1);
        }
    };
    articles.sort();
    let (mut pairs, mut claims, mut recovered, mut moved) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for article in &articles {
        let mut revisions = Vec::new();
        for k in 0.. {
            match std::fs::read_to_string(article.join(format!("{k}.txt"))) {
                Ok(text) => revisions.push(text),
                Err(_) => break,
            }
        }
        for window in revisions.windows(2) {
            let (old, new) = (&window[0], &window[1]);
            pairs += 1;
            let d = diff(old, new, &DiffOptions::plain());
            let reanchorer = Reanchorer::new(old, new, &d, None);
            let new_sentences: HashSet<&str> =
                sentence_spans(new).into_iter().map(|s| &new[s]).collect();
            for span in sentence_spans(old) {
                let sentence = &old[span.clone()];
                if !new_sentences.contains(sentence) {
                    continue;
                }
                claims += 1;
                let start = old[..span.start].chars().count();
                let found = reanchorer.reanchor(&reanchorer.anchor(
                    start,
                    start + sentence.chars().count(),
                    32,
                ));
                let exact = found.text.as_deref() == Some(sentence)
                    && matches!(found.status, AnchorStatus::Unchanged | AnchorStatus::Moved);
                if exact {
                    recovered += 1;
                    moved += (found.status == AnchorStatus::Moved) as usize;
                } else if misses.len() < 5 {
                    misses.push(format!(
                        "{}: {:?} -> {:?} {:?}",
                        article.display(),
                        sentence,
                        found.status,
                        found.text
                    ));
                }
            }
        }
    }
    for miss in &misses {
        eprintln!("missed {miss}");
    }
    println!(
        "reanchor articles={} pairs={pairs} pseudo_claims={claims} recovered={recovered} moved={moved} rate={:.4}",
        articles.len(),
        recovered as f64 / claims.max(1) as f64
    );
}
