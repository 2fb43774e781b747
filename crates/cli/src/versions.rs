//! `factdesk diff` and `factdesk versions`: what changed between two captures, and an
//! article's timeline, as JSON or for people.

use factdesk_core::anchor::AnchorStatus;
use factdesk_core::diff::ChangeOp;
use factdesk_workbench::{VersionDiff, VersionEntry};

/// A diff for people: each change with its place, then the claims it affected.
pub fn describe_diff(diff: &VersionDiff) -> String {
    let mut text = format!(
        "{}: {} change{}{}\n",
        if diff.substantive {
            "substantive"
        } else {
            "cosmetic only"
        },
        diff.changes.len(),
        if diff.changes.len() == 1 { "" } else { "s" },
        if diff.timed_out {
            " (the comparison hit its deadline; later changes are shown coarsely)"
        } else {
            ""
        }
    );
    for m in &diff.metadata_changes {
        text.push_str(&format!(
            "  {}: {} → {}\n",
            m.field,
            m.old.as_deref().unwrap_or("—"),
            m.new.as_deref().unwrap_or("—")
        ));
    }
    for change in &diff.changes {
        let kind = format!("{:?}", change.kind).to_lowercase();
        let note = if change.cosmetic { " (cosmetic)" } else { "" };
        let what = match change.op {
            ChangeOp::Insert => format!("+ {}", shown(&change.new)),
            ChangeOp::Delete => format!("- {}", shown(&change.old)),
            ChangeOp::Replace => format!("~ {} → {}", shown(&change.old), shown(&change.new)),
        };
        text.push_str(&format!(
            "  {:>6}  {kind:<8} {what}{note}\n",
            change.old_start
        ));
    }
    if !diff.claims_affected.is_empty() {
        text.push_str("claims and quotations affected:\n");
    }
    for claim in &diff.claims_affected {
        let status = format!("{:?}", claim.status).to_lowercase();
        let id = claim
            .claim_id
            .map(|id| format!("#{id} "))
            .unwrap_or_default();
        text.push_str(&format!(
            "  {status:<8} {id}{} {}\n",
            claim.kind,
            shown(&claim.text)
        ));
        match claim.status {
            AnchorStatus::Edited => {
                let now = claim.new_text.as_deref().map(shown).unwrap_or_default();
                text.push_str(&format!(
                    "           now {now} ({})\n",
                    claim.reasons.join(", ")
                ));
                if let Some(speaker) = &claim.new_speaker {
                    text.push_str(&format!(
                        "           speaker {} → {speaker}\n",
                        claim.speaker.as_deref().unwrap_or("—")
                    ));
                }
            }
            AnchorStatus::Removed => {
                if let Some(version) = claim.last_version_id {
                    text.push_str(&format!("           last in version {version}\n"));
                }
            }
            _ => {}
        }
    }
    text
}

/// One version of the timeline for people.
pub fn describe_version(entry: &VersionEntry) -> String {
    let v = &entry.version;
    let change = match entry.substantive {
        None => "first capture".to_string(),
        Some(true) => format!("substantive edit ({} changes)", entry.changes),
        Some(false) if entry.changes == 0 => "same text".to_string(),
        Some(false) => format!("cosmetic only ({} changes)", entry.changes),
    };
    format!(
        "version {:<6} {}  {}  {}  {change}",
        v.id,
        v.captured_at,
        &v.sha256[..v.sha256.len().min(12)],
        v.title
    )
}

/// Text on one line, shortened, in quotes.
fn shown(text: &str) -> String {
    let flat = text.replace('\n', "⏎");
    let flat = if flat.chars().count() > 100 {
        flat.chars().take(99).chain(['…']).collect()
    } else {
        flat
    };
    format!("{flat:?}")
}
