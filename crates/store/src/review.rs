//! Reviews of claims and the audit trail: every change to a claim's state, verdict, status
//! or notes is written with who made it, when, and the value before and after, grouped in
//! an action that can be undone. The trail is only ever appended to.

use crate::{Store, StoreError};
use factdesk_core::{AuditEvent, StoredClaim};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

/// The preference naming the rating scale in use, and the built-in scale's name.
const SCALE: &str = "scale";
pub const DEFAULT_SCALE: &str = "default";

/// An audit event as undo reads it: entity, entity id, field, before, after.
type AuditRow = (String, i64, String, Option<String>, Option<String>);

/// A verdict of a rating scale with its labels in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleVerdict {
    pub key: String,
    pub label_en: String,
    pub label_id: String,
    /// False for a verdict that does not rate truth ("Unproven"): it has no place in the
    /// numeric order a ClaimReview's ratingValue uses.
    pub rated: bool,
}

/// A change to a claim's review; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewChange {
    /// `Some(None)` clears the verdict.
    pub verdict: Option<Option<String>>,
    pub status: Option<String>,
    pub notes: Option<String>,
    /// "accepted", "rejected" or "suggested".
    pub state: Option<String>,
    /// The speaker by name: an existing speaker (by name or alias) or a new one.
    /// `Some(None)` removes the attribution.
    pub speaker: Option<Option<String>>,
}

/// The fields an action can change, and where each lives.
#[derive(Clone, Copy)]
enum Field {
    State,
    Speaker,
    Verdict,
    Status,
    Notes,
    /// The claim's link to a source (by source id): "relation" or "relation: note", or
    /// absent.
    Link(i64),
    /// Where the claim is in its version's text: "start-end" in code points.
    Span,
    /// How the claim's words match a linked source (by source id), as the checker judged it.
    Match(i64),
    /// The passage of a linked source (by source id) the claim came from: "start-end".
    Passage(i64),
}

impl Field {
    fn name(self) -> String {
        match self {
            Field::State => "state".into(),
            Field::Speaker => "speaker".into(),
            Field::Verdict => "verdict".into(),
            Field::Status => "status".into(),
            Field::Notes => "notes".into(),
            Field::Link(source_id) => format!("link:{source_id}"),
            Field::Span => "span".into(),
            Field::Match(source_id) => format!("match:{source_id}"),
            Field::Passage(source_id) => format!("passage:{source_id}"),
        }
    }

    fn parse(name: &str) -> Option<Field> {
        Some(match name {
            "state" => Field::State,
            "speaker" => Field::Speaker,
            "verdict" => Field::Verdict,
            "status" => Field::Status,
            "notes" => Field::Notes,
            "span" => Field::Span,
            _ => match name.split_once(':')? {
                ("link", id) => Field::Link(id.parse().ok()?),
                ("match", id) => Field::Match(id.parse().ok()?),
                ("passage", id) => Field::Passage(id.parse().ok()?),
                _ => return None,
            },
        })
    }
}

/// A link's audited value: its relation, then its note if it has one.
pub(crate) fn link_value(relation: &str, note: &str) -> String {
    if note.trim().is_empty() {
        relation.to_string()
    } else {
        format!("{relation}: {}", note.trim())
    }
}

fn parse_link_value(value: &str) -> (&str, &str) {
    value.split_once(": ").unwrap_or((value, ""))
}

fn current(
    tx: &Transaction<'_>,
    claim_id: i64,
    field: Field,
) -> Result<Option<String>, StoreError> {
    let sql = match field {
        Field::State => "SELECT state FROM claim WHERE id = ?1",
        Field::Speaker => {
            "SELECT s.name FROM claim c JOIN speaker s ON s.id = c.speaker_id WHERE c.id = ?1"
        }
        Field::Verdict => "SELECT verdict FROM review WHERE claim_id = ?1",
        Field::Status => "SELECT status FROM review WHERE claim_id = ?1",
        Field::Notes => "SELECT notes FROM review WHERE claim_id = ?1",
        Field::Span => "SELECT start_char || '-' || end_char FROM claim WHERE id = ?1",
        Field::Link(source_id) | Field::Match(source_id) | Field::Passage(source_id) => {
            // One read of the link serves its three audited fields.
            let link = tx
                .query_row(
                    "SELECT relation, note, match_class, source_start, source_end FROM link WHERE claim_id = ?1 AND source_id = ?2",
                    params![claim_id, source_id],
                    |row| {
                        Ok((
                            row.get::<_, String>(0)?,
                            row.get::<_, String>(1)?,
                            row.get::<_, Option<String>>(2)?,
                            row.get::<_, Option<i64>>(3)?,
                            row.get::<_, Option<i64>>(4)?,
                        ))
                    },
                )
                .optional()?;
            return Ok(
                link.and_then(|(relation, note, class, start, end)| match field {
                    Field::Link(_) => Some(link_value(&relation, &note)),
                    Field::Match(_) => class,
                    _ => start.zip(end).map(|(start, end)| format!("{start}-{end}")),
                }),
            );
        }
    };
    let value: Option<Option<String>> =
        tx.query_row(sql, [claim_id], |row| row.get(0)).optional()?;
    Ok(match (field, value.flatten()) {
        // A claim without a review row is "new" with no notes.
        (Field::Status, None) => Some("new".into()),
        (Field::Notes, None) => Some(String::new()),
        (_, value) => value,
    })
}

fn write(
    tx: &Transaction<'_>,
    claim_id: i64,
    field: Field,
    value: Option<&str>,
    reviewer: &str,
    now: &str,
) -> Result<(), StoreError> {
    if let Field::State = field {
        // No state before means the claim did not exist: undoing its marking rejects it,
        // which keeps it (and its trail) but takes it out of every list.
        tx.execute(
            "UPDATE claim SET state = ?2 WHERE id = ?1",
            params![claim_id, value.unwrap_or("rejected")],
        )?;
        return Ok(());
    }
    if let Field::Passage(source_id) = field {
        let span = value.and_then(parse_span);
        tx.execute(
            "UPDATE link SET source_start = ?3, source_end = ?4 WHERE claim_id = ?1 AND source_id = ?2",
            params![claim_id, source_id, span.map(|s| s.0 as i64), span.map(|s| s.1 as i64)],
        )?;
        return Ok(());
    }
    if let Field::Match(source_id) = field {
        tx.execute(
            "UPDATE link SET match_class = ?3 WHERE claim_id = ?1 AND source_id = ?2",
            params![claim_id, source_id, value],
        )?;
        return Ok(());
    }
    if let Field::Span = field {
        let Some((start, end)) = value.and_then(parse_span) else {
            return Ok(());
        };
        set_span(tx, claim_id, start, end)?;
        return Ok(());
    }
    if let Field::Link(source_id) = field {
        tx.execute(
            "DELETE FROM link WHERE claim_id = ?1 AND source_id = ?2",
            params![claim_id, source_id],
        )?;
        if let Some(value) = value {
            let (relation, note) = parse_link_value(value);
            tx.execute(
                "INSERT INTO link (claim_id, source_id, relation, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![claim_id, source_id, relation, note, now],
            )?;
        }
        return Ok(());
    }
    if let Field::Speaker = field {
        let speaker_id = value
            .map(|name| crate::analysis::speaker_for(tx, name, now))
            .transpose()?;
        tx.execute(
            "UPDATE claim SET speaker_id = ?2 WHERE id = ?1",
            params![claim_id, speaker_id],
        )?;
        return Ok(());
    }
    tx.execute(
        "INSERT INTO review (claim_id, created_at, updated_at, reviewer) VALUES (?1, ?2, ?2, ?3) ON CONFLICT (claim_id) DO NOTHING",
        params![claim_id, now, reviewer],
    )?;
    let sql = match field {
        Field::Verdict => {
            "UPDATE review SET verdict = ?2, updated_at = ?3, reviewer = ?4 WHERE claim_id = ?1"
        }
        Field::Status => {
            "UPDATE review SET status = coalesce(?2, 'new'), updated_at = ?3, reviewer = ?4 WHERE claim_id = ?1"
        }
        Field::Notes => {
            "UPDATE review SET notes = coalesce(?2, ''), updated_at = ?3, reviewer = ?4 WHERE claim_id = ?1"
        }
        Field::State
        | Field::Speaker
        | Field::Link(_)
        | Field::Span
        | Field::Match(_)
        | Field::Passage(_) => {
            unreachable!("handled above")
        }
    };
    tx.execute(sql, params![claim_id, value, now, reviewer])?;
    Ok(())
}

/// The stored name of the speaker called `name` (by name or alias, any case), else `name`.
fn canonical_speaker(tx: &Transaction<'_>, name: &str) -> Result<String, StoreError> {
    Ok(tx
        .query_row(
            "SELECT name FROM speaker WHERE name = ?1 COLLATE NOCASE
             UNION ALL SELECT s.name FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id WHERE a.alias = ?1 COLLATE NOCASE LIMIT 1",
            [name],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or_else(|| name.to_string()))
}

/// Writes the changed fields as one action with an audit event each, and commits.
fn apply(
    tx: Transaction<'_>,
    claim_id: i64,
    changed: Vec<(Field, Option<String>, Option<String>)>,
    reviewer: &str,
    now: &str,
) -> Result<bool, StoreError> {
    if changed.is_empty() {
        return Ok(false);
    }
    let description = format!(
        "claim #{claim_id}: {}",
        changed
            .iter()
            .map(|(f, _, a)| format!("{} {}", f.name(), a.as_deref().unwrap_or("cleared")))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let action = start_action(&tx, reviewer, &description, None, now)?;
    for (field, before, after) in changed {
        write(&tx, claim_id, field, after.as_deref(), reviewer, now)?;
        record(
            &tx,
            action,
            claim_id,
            field,
            before.as_deref(),
            after.as_deref(),
            reviewer,
            now,
        )?;
    }
    tx.commit()?;
    Ok(true)
}

fn start_action(
    tx: &Transaction<'_>,
    reviewer: &str,
    description: &str,
    undoes: Option<i64>,
    now: &str,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO action (at, reviewer, description, undoes) VALUES (?1, ?2, ?3, ?4)",
        params![now, reviewer, description, undoes],
    )?;
    Ok(tx.last_insert_rowid())
}

#[allow(clippy::too_many_arguments)]
fn record(
    tx: &Transaction<'_>,
    action: i64,
    claim_id: i64,
    field: Field,
    before: Option<&str>,
    after: Option<&str>,
    reviewer: &str,
    now: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit_event (at, reviewer, entity, entity_id, field, before, after, action_id) VALUES (?1, ?2, 'claim', ?3, ?4, ?5, ?6, ?7)",
        params![now, reviewer, claim_id, field.name(), before, after, action],
    )?;
    Ok(())
}

impl Store {
    /// Applies a review change to a claim in one transaction, recording each field that
    /// actually changed. Returns false when nothing changed (no action is recorded).
    pub fn review_claim(
        &mut self,
        claim_id: i64,
        change: &ReviewChange,
        reviewer: &str,
        now: &str,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM claim WHERE id = ?1", [claim_id], |row| {
                row.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound {
                what: "claim",
                id: claim_id,
            });
        }
        let wanted: Vec<(Field, Option<&str>)> = [
            change.state.as_deref().map(|v| (Field::State, Some(v))),
            change
                .speaker
                .as_ref()
                .map(|v| (Field::Speaker, v.as_deref())),
            change
                .verdict
                .as_ref()
                .map(|v| (Field::Verdict, v.as_deref())),
            change.status.as_deref().map(|v| (Field::Status, Some(v))),
            change.notes.as_deref().map(|v| (Field::Notes, Some(v))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut changed: Vec<(Field, Option<String>, Option<String>)> = Vec::new();
        for (field, after) in wanted {
            let before = current(&tx, claim_id, field)?;
            // A speaker named in another case or by an alias is that speaker.
            let after = match (field, after) {
                (Field::Speaker, Some(name)) => Some(canonical_speaker(&tx, name)?),
                (_, after) => after.map(str::to_string),
            };
            if before != after {
                changed.push((field, before, after));
            }
        }
        apply(tx, claim_id, changed, reviewer, now)
    }

    /// Sets the passage of a linked source a claim came from (code points), as the checker
    /// picked it, with the match judged against it; audited.
    pub fn choose_passage(
        &mut self,
        claim_id: i64,
        source_id: i64,
        (start, end): (usize, usize),
        class: &str,
        reviewer: &str,
        now: &str,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        require_link(&tx, claim_id, source_id)?;
        // The passage and the match judged against it change together, and undo together.
        let mut changed = Vec::new();
        for (field, after) in [
            (Field::Passage(source_id), format!("{start}-{end}")),
            (Field::Match(source_id), class.to_string()),
        ] {
            let before = current(&tx, claim_id, field)?;
            if before.as_deref() != Some(after.as_str()) {
                changed.push((field, before, Some(after)));
            }
        }
        apply(tx, claim_id, changed, reviewer, now)
    }

    /// Records how a linked claim's words match its source as the checker judges it
    /// ("verbatim", "altered", "not_found", "translated", "paraphrased"); audited.
    pub fn judge_match(
        &mut self,
        claim_id: i64,
        source_id: i64,
        class: &str,
        reviewer: &str,
        now: &str,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        require_link(&tx, claim_id, source_id)?;
        let field = Field::Match(source_id);
        let before = current(&tx, claim_id, field)?;
        if before.as_deref() == Some(class) {
            return Ok(false);
        }
        apply(
            tx,
            claim_id,
            vec![(field, before, Some(class.to_string()))],
            reviewer,
            now,
        )
    }

    /// Links a claim to a source with a relation and a note, or (`None`) removes the link;
    /// audited and undoable like any review change. Returns false when nothing changed.
    pub fn set_link(
        &mut self,
        claim_id: i64,
        source_id: i64,
        link: Option<(&str, &str)>,
        reviewer: &str,
        now: &str,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (what, sql, id) in [
            ("claim", "SELECT id FROM claim WHERE id = ?1", claim_id),
            ("source", "SELECT id FROM source WHERE id = ?1", source_id),
        ] {
            if tx
                .query_row(sql, [id], |row| row.get::<_, i64>(0))
                .optional()?
                .is_none()
            {
                return Err(StoreError::NotFound { what, id });
            }
        }
        let field = Field::Link(source_id);
        let before = current(&tx, claim_id, field)?;
        let after = link.map(|(relation, note)| link_value(relation, note));
        if before == after {
            return Ok(false);
        }
        apply(tx, claim_id, vec![(field, before, after)], reviewer, now)
    }

    /// Stores a claim or quotation a checker marked by hand (accepted at once) and records
    /// its creation in the audit trail, so that it can be undone like any change.
    #[allow(clippy::too_many_arguments)]
    pub fn mark_claim(
        &mut self,
        version_id: i64,
        kind: &str,
        (start, end): (usize, usize),
        text: &str,
        (prefix, suffix): (&str, &str),
        reviewer: &str,
        now: &str,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id: i64 = tx
            .query_row(
                "SELECT article_id FROM version WHERE id = ?1",
                [version_id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "version",
                id: version_id,
            })?;
        tx.execute(
            "INSERT INTO claim (article_id, version_id, kind, start_char, end_char, text, prefix, suffix, origin, state, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'manual', 'accepted', ?9)",
            params![article_id, version_id, kind, start as i64, end as i64, text, prefix, suffix, now],
        )?;
        let claim_id = tx.last_insert_rowid();
        let action = start_action(
            &tx,
            reviewer,
            &format!("marked {kind} #{claim_id}"),
            None,
            now,
        )?;
        record(
            &tx,
            action,
            claim_id,
            Field::State,
            None,
            Some("accepted"),
            reviewer,
            now,
        )?;
        tx.commit()?;
        Ok(claim_id)
    }

    /// Undoes the newest action that is neither an undo nor undone yet, by writing the
    /// values from before it as a new action. Returns what was undone, if anything.
    pub fn undo_last(&mut self, reviewer: &str, now: &str) -> Result<Option<String>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT a.id, a.description FROM action a
                 WHERE a.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM action u WHERE u.undoes = a.id)
                 ORDER BY a.id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((undone, description)) = last else {
            return Ok(None);
        };
        let events: Vec<AuditRow> = tx
            .prepare("SELECT entity, entity_id, field, before, after FROM audit_event WHERE action_id = ?1 ORDER BY id DESC")?
            .query_map([undone], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))?
            .collect::<Result<_, _>>()?;
        let action = start_action(
            &tx,
            reviewer,
            &format!("undo {description}"),
            Some(undone),
            now,
        )?;
        for (entity, claim_id, field, before, after) in events {
            if entity == "speaker" {
                unmerge_speaker(
                    &tx,
                    action,
                    claim_id,
                    before.as_deref(),
                    after.as_deref(),
                    reviewer,
                    now,
                )?;
                continue;
            }
            let Some(field) = Field::parse(&field) else {
                continue;
            };
            // A claim deleted since has nothing left to restore.
            if tx
                .query_row("SELECT 1 FROM claim WHERE id = ?1", [claim_id], |_| Ok(()))
                .optional()?
                .is_none()
            {
                continue;
            }
            write(&tx, claim_id, field, before.as_deref(), reviewer, now)?;
            record(
                &tx,
                action,
                claim_id,
                field,
                after.as_deref(),
                before.as_deref(),
                reviewer,
                now,
            )?;
        }
        tx.commit()?;
        Ok(Some(description))
    }

    /// Everything that happened to a claim, oldest first.
    pub fn claim_history(&self, claim_id: i64) -> Result<Vec<AuditEvent>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT at, reviewer, field, before, after FROM audit_event WHERE entity = 'claim' AND entity_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([claim_id], |row| {
            Ok(AuditEvent {
                at: row.get(0)?,
                reviewer: row.get(1)?,
                field: row.get(2)?,
                before: row.get(3)?,
                after: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One claim with its review state.
    pub fn claim(&self, claim_id: i64) -> Result<Option<StoredClaim>, StoreError> {
        crate::analysis::claim_by_id(&self.conn, claim_id)
    }

    /// The verdict keys of the rating scale in use, in order, with their labels.
    pub fn ratings(&self) -> Result<Vec<ScaleVerdict>, StoreError> {
        self.scale(&self.active_scale()?)
    }

    /// The verdicts of one scale, best first.
    pub fn scale(&self, name: &str) -> Result<Vec<ScaleVerdict>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT key, label_en, label_id, rated FROM rating WHERE scale = ?1 ORDER BY position",
        )?;
        let rows = statement.query_map([name], |row| {
            Ok(ScaleVerdict {
                key: row.get(0)?,
                label_en: row.get(1)?,
                label_id: row.get(2)?,
                rated: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The scale reviews use now (the `scale` preference; the built-in one by default).
    pub fn active_scale(&self) -> Result<String, StoreError> {
        Ok(self
            .preference(SCALE)?
            .unwrap_or_else(|| DEFAULT_SCALE.to_string()))
    }

    /// Every scale with its number of verdicts, the built-in one first.
    pub fn scales(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT scale, count(*) FROM rating GROUP BY scale ORDER BY scale != 'default', scale",
        )?;
        let rows =
            statement.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a rating scale: its verdicts (key, English label, Indonesian label), best first.
    /// Keys are shared by all scales, so a new scale's keys must be new; the built-in scale
    /// and existing scales are never changed (reviews refer to their keys).
    pub fn define_scale(
        &mut self,
        name: &str,
        verdicts: &[ScaleVerdict],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if tx
            .query_row("SELECT 1 FROM rating WHERE scale = ?1", [name], |_| Ok(()))
            .optional()?
            .is_some()
        {
            return Err(StoreError::Invalid(format!(
                "a rating scale named {name:?} exists already; scales are not changed once defined, so give it another name"
            )));
        }
        for (position, verdict) in verdicts.iter().enumerate() {
            let key = &verdict.key;
            let taken: Option<String> = tx
                .query_row("SELECT scale FROM rating WHERE key = ?1", [key], |row| {
                    row.get(0)
                })
                .optional()?;
            if let Some(scale) = taken {
                return Err(StoreError::Invalid(format!(
                    "the verdict key {key:?} belongs to the scale {scale:?}; use a key of your own"
                )));
            }
            tx.execute(
                "INSERT INTO rating (key, scale, position, label_en, label_id, rated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key, name, position as i64 + 1, verdict.label_en, verdict.label_id, verdict.rated],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Makes `name` the scale reviews use.
    pub fn use_scale(&mut self, name: &str) -> Result<(), StoreError> {
        if self
            .conn
            .query_row("SELECT 1 FROM rating WHERE scale = ?1", [name], |_| Ok(()))
            .optional()?
            .is_none()
        {
            return Err(StoreError::Invalid(format!(
                "there is no rating scale named {name:?}; `factdesk scales` lists them"
            )));
        }
        self.set_preference(SCALE, name)
    }

    /// A preference the user set once, such as the reviewer's name.
    pub fn preference(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM preference WHERE key = ?1")?
            .query_row([key], |row| row.get(0))
            .optional()?)
    }

    pub fn set_preference(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO preference (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

/// Undoes a speaker merge's own event (the last written, so the first undone): the merged
/// speaker comes back under its id and name, and its name stops being the other's alias;
/// the claims' speaker events that follow then find it by name.
fn unmerge_speaker(
    tx: &Transaction<'_>,
    action: i64,
    speaker_id: i64,
    merged_name: Option<&str>,
    into_name: Option<&str>,
    reviewer: &str,
    now: &str,
) -> Result<(), StoreError> {
    let Some(name) = merged_name else {
        return Ok(());
    };
    tx.execute(
        "INSERT OR IGNORE INTO speaker (id, name, created_at) VALUES (?1, ?2, ?3)",
        params![speaker_id, name, now],
    )?;
    tx.execute(
        "DELETE FROM speaker_alias WHERE alias = ?1 COLLATE NOCASE AND speaker_id != ?2",
        params![name, speaker_id],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) VALUES (?1, ?2)",
        params![speaker_id, name],
    )?;
    tx.execute(
        "INSERT INTO audit_event (at, reviewer, entity, entity_id, field, before, after, action_id) VALUES (?1, ?2, 'speaker', ?3, 'merged_into', ?4, ?5, ?6)",
        params![now, reviewer, speaker_id, into_name, merged_name, action],
    )?;
    Ok(())
}

impl Store {
    /// Merges speaker `from` into speaker `into`: every claim attributed to `from` is
    /// attributed to `into` (one audit event each), `from`'s name and aliases become
    /// aliases of `into`, its roles move, and `from` is removed. One action: undo brings
    /// `from` back with its claims (its other aliases and roles stay with `into`).
    pub fn merge_speakers(
        &mut self,
        into: i64,
        from: i64,
        reviewer: &str,
        now: &str,
    ) -> Result<(), StoreError> {
        if into == from {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let name_of = |id: i64| -> Result<String, StoreError> {
            tx.query_row("SELECT name FROM speaker WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "speaker",
                id,
            })
        };
        let (into_name, from_name) = (name_of(into)?, name_of(from)?);
        let claims: Vec<i64> = tx
            .prepare("SELECT id FROM claim WHERE speaker_id = ?1 ORDER BY id")?
            .query_map([from], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let action = start_action(
            &tx,
            reviewer,
            &format!("merged speaker {from_name} into {into_name}"),
            None,
            now,
        )?;
        for claim in &claims {
            tx.execute(
                "UPDATE claim SET speaker_id = ?2 WHERE id = ?1",
                params![claim, into],
            )?;
            record(
                &tx,
                action,
                *claim,
                Field::Speaker,
                Some(&from_name),
                Some(&into_name),
                reviewer,
                now,
            )?;
        }
        tx.execute("INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) SELECT ?1, alias FROM speaker_alias WHERE speaker_id = ?2", params![into, from])?;
        tx.execute(
            "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) VALUES (?1, ?2)",
            params![into, from_name],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO speaker_role (speaker_id, role, article_id) SELECT ?1, role, article_id FROM speaker_role WHERE speaker_id = ?2",
            params![into, from],
        )?;
        tx.execute("DELETE FROM speaker WHERE id = ?1", [from])?;
        tx.execute(
            "INSERT INTO audit_event (at, reviewer, entity, entity_id, field, before, after, action_id) VALUES (?1, ?2, 'speaker', ?3, 'merged_into', ?4, ?5, ?6)",
            params![now, reviewer, from, from_name, into_name, action],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// Refuses a change to a link that does not exist, saying how to make it.
fn require_link(tx: &Transaction<'_>, claim_id: i64, source_id: i64) -> Result<(), StoreError> {
    let linked = tx
        .query_row(
            "SELECT 1 FROM link WHERE claim_id = ?1 AND source_id = ?2",
            params![claim_id, source_id],
            |_| Ok(()),
        )
        .optional()?;
    linked.ok_or_else(|| {
        StoreError::Invalid(format!(
            "claim {claim_id} is not linked to source {source_id}; link it first"
        ))
    })
}

/// How many characters of context a claim keeps on each side (as marking by hand does).
const CONTEXT_CHARS: usize = 32;

fn parse_span(value: &str) -> Option<(usize, usize)> {
    let (start, end) = value.split_once('-')?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

/// Moves a claim to `start..end` (code points) of its version's text, with its text and
/// context taken from there.
fn set_span(
    tx: &Transaction<'_>,
    claim_id: i64,
    start: usize,
    end: usize,
) -> Result<(), StoreError> {
    let text: String = tx.query_row(
        "SELECT v.text FROM claim c JOIN version v ON v.id = c.version_id WHERE c.id = ?1",
        [claim_id],
        |row| row.get(0),
    )?;
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    tx.execute(
        "UPDATE claim SET start_char = ?2, end_char = ?3, text = ?4, prefix = ?5, suffix = ?6 WHERE id = ?1",
        params![
            claim_id,
            start as i64,
            end as i64,
            slice(start, end),
            slice(start.saturating_sub(CONTEXT_CHARS), start),
            slice(end, (end + CONTEXT_CHARS).min(chars.len()))
        ],
    )?;
    Ok(())
}

/// A claim's version, kind and span.
fn claim_place(
    tx: &Transaction<'_>,
    claim_id: i64,
) -> Result<(i64, String, usize, usize), StoreError> {
    tx.query_row(
        "SELECT version_id, kind, start_char, end_char FROM claim WHERE id = ?1",
        [claim_id],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get::<_, i64>(2)? as usize,
                row.get::<_, i64>(3)? as usize,
            ))
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: "claim",
        id: claim_id,
    })
}

impl Store {
    /// Splits a claim at `at` (a code point offset in its version's text, strictly inside
    /// it): the claim keeps the first part, a new claim of the same kind and speaker takes
    /// the rest. One action; undo joins them again. Returns the new claim's id.
    pub fn split_claim(
        &mut self,
        claim_id: i64,
        at: usize,
        reviewer: &str,
        now: &str,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (_, _, start, end) = claim_place(&tx, claim_id)?;
        if at <= start || at >= end {
            return Err(StoreError::Invalid(format!(
                "claim {claim_id} spans characters {start}..{end}; a split must fall inside it, not at {at}"
            )));
        }
        tx.execute(
            "INSERT INTO claim (article_id, version_id, kind, start_char, end_char, text, speaker_id, speaker_start, speaker_end, cue, origin, state, created_at)
             SELECT article_id, version_id, kind, ?2, end_char, '', speaker_id, speaker_start, speaker_end, cue, 'manual', 'accepted', ?3 FROM claim WHERE id = ?1",
            params![claim_id, at as i64, now],
        )?;
        let new_id = tx.last_insert_rowid();
        set_span(&tx, new_id, at, end)?;
        let action = start_action(
            &tx,
            reviewer,
            &format!("split claim #{claim_id} into #{claim_id} and #{new_id}"),
            None,
            now,
        )?;
        set_span(&tx, claim_id, start, at)?;
        record(
            &tx,
            action,
            claim_id,
            Field::Span,
            Some(&format!("{start}-{end}")),
            Some(&format!("{start}-{at}")),
            reviewer,
            now,
        )?;
        record(
            &tx,
            action,
            new_id,
            Field::State,
            None,
            Some("accepted"),
            reviewer,
            now,
        )?;
        tx.commit()?;
        Ok(new_id)
    }

    /// Merges claim `other` into `claim` (same version and kind): `claim` spans both and
    /// `other` is taken out of the lists. One action; undo separates them again.
    pub fn merge_claims(
        &mut self,
        claim_id: i64,
        other: i64,
        reviewer: &str,
        now: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (version, kind, start, end) = claim_place(&tx, claim_id)?;
        let (other_version, other_kind, other_start, other_end) = claim_place(&tx, other)?;
        if claim_id == other || version != other_version || kind != other_kind {
            return Err(StoreError::Invalid(format!(
                "claims {claim_id} and {other} cannot be merged: only two different items of the same kind in the same version can"
            )));
        }
        let (merged_start, merged_end) = (start.min(other_start), end.max(other_end));
        let other_state = current(&tx, other, Field::State)?;
        let action = start_action(
            &tx,
            reviewer,
            &format!("merged claim #{other} into #{claim_id}"),
            None,
            now,
        )?;
        set_span(&tx, claim_id, merged_start, merged_end)?;
        record(
            &tx,
            action,
            claim_id,
            Field::Span,
            Some(&format!("{start}-{end}")),
            Some(&format!("{merged_start}-{merged_end}")),
            reviewer,
            now,
        )?;
        write(&tx, other, Field::State, Some("rejected"), reviewer, now)?;
        record(
            &tx,
            action,
            other,
            Field::State,
            other_state.as_deref(),
            Some("rejected"),
            reviewer,
            now,
        )?;
        tx.commit()?;
        Ok(())
    }
}
