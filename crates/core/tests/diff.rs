//! Diffs and re-anchoring at their boundary: version pairs we wrote in (boilerplate only, a
//! corrected name, a changed number, an added paragraph with new quotes, a removed sentence,
//! a reordered paragraph), their changes and what became of each claim out (insta
//! snapshots, reviewed by hand); and properties: the changes rebuild the new text, a claim
//! in an unchanged sentence is found again word for word.

use factdesk_core::analysis::{analyze, detected};
use factdesk_core::anchor::{AnchorStatus, Reanchorer, anchor_at};
use factdesk_core::diff::{ChangeKind, DiffOptions, diff};
use proptest::prelude::*;
use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Boilerplate lines as the shipped rules in `ingest` see them, enough for these fixtures
/// (the real rules are wired in by the workbench and tested there).
fn is_boilerplate(line: &str) -> bool {
    let line = line.trim().to_lowercase();
    [
        "baca juga",
        "simak juga video",
        "scroll to continue with content",
        "saksikan live",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

fn pair(name: &str) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/versions")
        .join(name);
    (
        std::fs::read_to_string(dir.join("old.txt")).unwrap(),
        std::fs::read_to_string(dir.join("new.txt")).unwrap(),
    )
}

/// The diff and what became of every stored claim and quotation of the old version.
fn render(name: &str) -> String {
    let (old, new) = pair(name);
    let d = diff(
        &old,
        &new,
        &DiffOptions {
            deadline: None,
            is_boilerplate: &is_boilerplate,
        },
    );
    assert_eq!(
        d.apply(&old).as_deref(),
        Some(new.as_str()),
        "the changes of {name} do not rebuild the new text"
    );
    let mut out = format!("substantive: {}\n", d.substantive);
    for c in &d.changes {
        let level = format!("{:?}", c.kind).to_lowercase();
        let op = format!("{:?}", c.op).to_lowercase();
        writeln!(
            out,
            "{op:<7} {level:<8} {} | {:?} -> {:?}",
            if c.cosmetic {
                "cosmetic   "
            } else {
                "SUBSTANTIVE"
            },
            c.old,
            c.new
        )
        .unwrap();
    }
    let reanchorer = Reanchorer::new(&old, &new, &d, None);
    for item in detected(&old, &analyze(&old, None, None)).items {
        let found = reanchorer.reanchor(&anchor_at(&old, item.start, item.end, 32));
        let status = format!("{:?}", found.status).to_lowercase();
        writeln!(out, "{status:<9} {:<8} {:?}", item.kind, item.text).unwrap();
        if found.status == AnchorStatus::Edited {
            writeln!(
                out,
                "          now {:?} {:?}",
                found.text.unwrap_or_default(),
                found.reasons
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn boilerplate_only() {
    insta::assert_snapshot!(render("boilerplate-only"));
}

#[test]
fn corrected_name() {
    insta::assert_snapshot!(render("corrected-name"));
}

#[test]
fn changed_number() {
    insta::assert_snapshot!(render("changed-number"));
}

#[test]
fn added_paragraph_with_new_quotes() {
    insta::assert_snapshot!(render("added-paragraph"));
}

#[test]
fn removed_sentence() {
    insta::assert_snapshot!(render("removed-sentence"));
}

#[test]
fn reordered_paragraph() {
    insta::assert_snapshot!(render("reordered-paragraph"));
}

#[test]
fn the_deadline_bounds_a_pathological_pair() {
    // 5 MB of unrelated word soup on each side, no sentence in common: the worst case for
    // an O(ND) diff. With a deadline the comparison turns coarse instead of running on.
    let soup = |seed: u64| {
        let mut state = seed;
        let mut text = String::with_capacity(5_000_000);
        while text.len() < 5_000_000 {
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
    };
    let (old, new) = (soup(1), soup(2));
    let started = Instant::now();
    let d = diff(
        &old,
        &new,
        &DiffOptions {
            deadline: Some(started + Duration::from_secs(2)),
            is_boilerplate: &is_boilerplate,
        },
    );
    let took = started.elapsed();
    assert!(d.substantive);
    assert_eq!(d.apply(&old).as_deref(), Some(new.as_str()));
    // Generous: the deadline plus the linear work around it in an unoptimised build.
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn changes_rebuild_the_new_text(old in "[a-cA-C .,\n\"“”é0-9]{0,120}", new in "[a-cA-C .,\n\"“”é0-9]{0,120}") {
        let d = diff(&old, &new, &DiffOptions::plain());
        prop_assert_eq!(d.apply(&old), Some(new));
    }

    #[test]
    fn edits_of_sentences_rebuild_the_new_text(
        sentences in prop::collection::vec(sentence(), 1..12),
        edits in prop::collection::vec((0usize..12, 0u8..4, sentence()), 0..5),
    ) {
        let old = sentences.join(" ");
        let new = edited(&sentences, &edits).join(" ");
        let d = diff(&old, &new, &DiffOptions::plain());
        prop_assert_eq!(d.apply(&old), Some(new.clone()));
        prop_assert_eq!(d.substantive, old.split_whitespace().ne(new.split_whitespace()));
        prop_assert!(d.changes.iter().all(|c| c.kind != ChangeKind::Char || c.old.chars().count() + c.new.chars().count() < 40));
    }

    #[test]
    fn a_claim_in_an_unchanged_sentence_reanchors_to_the_same_words(
        sentences in prop::collection::vec(sentence(), 2..12),
        edits in prop::collection::vec((0usize..12, 0u8..4, sentence()), 0..5),
        pick in any::<prop::sample::Index>(),
    ) {
        let new_sentences = edited(&sentences, &edits);
        // A sentence that occurs once in each version, untouched by the edits.
        let unchanged: Vec<&String> = sentences.iter()
            .filter(|s| sentences.iter().filter(|t| t == s).count() == 1 && new_sentences.iter().filter(|t| t == s).count() == 1)
            .collect();
        prop_assume!(!unchanged.is_empty());
        let claim = unchanged[pick.index(unchanged.len())];
        let (old, new) = (sentences.join(" "), new_sentences.join(" "));
        prop_assume!(old.matches(claim.as_str()).count() == 1 && new.matches(claim.as_str()).count() == 1);
        let d = diff(&old, &new, &DiffOptions::plain());
        let start = old[..old.find(claim.as_str()).unwrap()].chars().count();
        let found = Reanchorer::new(&old, &new, &d, None).reanchor(&anchor_at(&old, start, start + claim.chars().count(), 32));
        prop_assert!(matches!(found.status, AnchorStatus::Unchanged | AnchorStatus::Moved), "{:?}", found);
        prop_assert_eq!(found.text.as_deref(), Some(claim.as_str()));
        let new_start = found.start.unwrap();
        prop_assert_eq!(new.chars().skip(new_start).take(claim.chars().count()).collect::<String>(), claim.clone());
    }
}

/// A short sentence of a small vocabulary (so that sentences share words, as real ones do).
fn sentence() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "harga", "beras", "naik", "Budi", "kata", "persen", "12", "Jakarta", "warga", "the",
        "price", "rose",
    ]);
    (
        prop::collection::vec(word, 2..8),
        prop::sample::select(vec![".", "!", "?"]),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            let mut chars = s.chars();
            s = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            s + end
        })
}

/// Applies (position, what, sentence) edits: 0 replace, 1 insert, 2 delete, 3 move to the end.
fn edited(sentences: &[String], edits: &[(usize, u8, String)]) -> Vec<String> {
    let mut out = sentences.to_vec();
    for (at, what, sentence) in edits {
        if out.is_empty() {
            break;
        }
        let at = at % out.len();
        match what {
            0 => out[at] = sentence.clone(),
            1 => out.insert(at, sentence.clone()),
            2 => {
                out.remove(at);
            }
            _ => {
                let moved = out.remove(at);
                out.push(moved);
            }
        }
    }
    out
}
