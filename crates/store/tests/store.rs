//! Store tests on real SQLite files: migrations, refusal of foreign and newer databases,
//! backups, immutability, FTS synchronisation and two writers at once.

use factdesk_core::{NewCapture, SourceKind, hash::sha256_hex};
use factdesk_store::migrate::{self, APPLICATION_ID, MIGRATIONS, Migration};
use factdesk_store::{NewClaim, Store, StoreError, Stored};
use rusqlite::Connection;
use std::path::Path;

const NOW: &str = "2026-11-25T10:00:00Z";

fn capture(text: &str) -> NewCapture {
    NewCapture {
        source_kind: SourceKind::File,
        source_ref: Some("/tmp/article.txt".into()),
        raw: text.as_bytes().to_vec(),
        sha256: sha256_hex(text.as_bytes()),
        media_type: "text/plain".into(),
        charset: Some("UTF-8".into()),
        captured_at: NOW.into(),
        title: text.lines().next().unwrap_or_default().into(),
        text: text.into(),
        language: Some("id".into()),
        canonical_url: None,
        site: None,
        published: None,
        metadata: Default::default(),
        analysis: None,
    }
}

fn user_version(path: &Path) -> u32 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn fresh_database_is_migrated_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dir/factdesk.sqlite3");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    let (article_id, _) = store
        .add_capture(&capture("Harga beras naik\nIsi berita."), NOW)
        .unwrap()
        .ids();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.article(article_id).unwrap().unwrap().title,
        "Harga beras naik"
    );
    // Reopening an up-to-date database makes no backup.
    let backups: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .collect();
    assert!(backups.is_empty(), "unexpected backups: {backups:?}");
    let pragmas: (String, i64, i64) = Connection::open(&path)
        .unwrap()
        .query_row("SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT application_id FROM pragma_application_id), 0", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(pragmas.0, "wal");
    assert_eq!(pragmas.1, i64::from(APPLICATION_ID));
}

#[test]
fn every_table_is_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite3");
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let loose: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(loose.is_empty(), "tables without STRICT: {loose:?}");
}

#[test]
fn newer_schema_is_refused_and_not_modified() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    Store::open(&path).unwrap();
    let future = migrate::latest_version() + 5;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    let error = Store::open(&path)
        .err()
        .expect("a newer database must be refused");
    assert!(
        matches!(error, StoreError::NewerSchema { found, .. } if found == future),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("future.sqlite3") && message.contains("newer factdesk"),
        "{message}"
    );
    assert_eq!(user_version(&path), future);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the refused database was modified"
    );
}

#[test]
fn foreign_databases_and_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    let error = Store::open(&other).err().unwrap();
    assert!(matches!(error, StoreError::NotFactdesk { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("other.sqlite3 is not a factdesk database"),
        "{error}"
    );

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, just some text that is long enough to have a header",
    )
    .unwrap();
    let error = Store::open(&text).err().unwrap();
    assert!(
        error
            .to_string()
            .contains("notes.txt is not a factdesk database"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "this is not a database, just some text that is long enough to have a header"
    );
}

/// The real migrations plus a stand-in for a future one.
fn with_future_migration(sql: &'static str) -> Vec<Migration> {
    let mut list: Vec<Migration> = MIGRATIONS
        .iter()
        .map(|m| Migration {
            version: m.version,
            name: m.name,
            sql: m.sql,
        })
        .collect();
    list.push(Migration {
        version: migrate::latest_version() + 1,
        name: "future",
        sql,
    });
    list
}

#[test]
fn existing_database_is_backed_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdesk.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store
        .add_capture(&capture("Sebelum migrasi\nIsi."), NOW)
        .unwrap();
    drop(store);

    let migrations =
        with_future_migration("ALTER TABLE article ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;");
    let mut conn = Connection::open(&path).unwrap();
    let migrated = migrate::migrate_with(&mut conn, Some(&path), &migrations).unwrap();
    drop(conn);
    let backup = migrated
        .backup
        .expect("an existing database must be backed up");
    assert_eq!(
        backup,
        dir.path().join(format!(
            "factdesk.sqlite3.v{}.bak",
            migrate::latest_version()
        ))
    );
    assert_eq!(user_version(&path), migrate::latest_version() + 1);
    // The backup is the old schema with the old data.
    assert_eq!(user_version(&backup), migrate::latest_version());
    let title: String = Connection::open(&backup)
        .unwrap()
        .query_row("SELECT title FROM article", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "Sebelum migrasi");
}

#[test]
fn failed_migration_leaves_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdesk.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store
        .add_capture(&capture("Tetap utuh\nIsi."), NOW)
        .unwrap();
    drop(store);

    let migrations =
        with_future_migration("ALTER TABLE article ADD COLUMN ok INTEGER; THIS IS NOT SQL;");
    let mut conn = Connection::open(&path).unwrap();
    assert!(migrate::migrate_with(&mut conn, Some(&path), &migrations).is_err());
    drop(conn);
    assert_eq!(user_version(&path), migrate::latest_version());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.count_articles().unwrap(), 1);
    let columns: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM pragma_table_info('article') WHERE name = 'ok'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(columns, 0, "half of the failed migration was kept");
}

#[test]
fn same_content_is_stored_once_and_raw_bytes_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Menteri: “Harga turun 5,12%.”\nIsi berita.";
    let first = store.add_capture(&capture(text), NOW).unwrap();
    let second = store.add_capture(&capture(text), NOW).unwrap();
    let Stored::Inserted {
        article_id,
        version_id,
    } = first
    else {
        panic!("first import must insert")
    };
    assert_eq!(
        second,
        Stored::Unchanged {
            article_id,
            version_id
        }
    );
    assert_eq!(store.count_articles().unwrap(), 1);
    assert_eq!(
        store.raw_capture(version_id).unwrap().unwrap(),
        text.as_bytes()
    );
    let versions = store.versions(article_id).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].text_chars, text.chars().count() as i64);
}

#[test]
fn captures_with_one_canonical_url_become_versions_of_one_article() {
    let mut store = Store::open_in_memory().unwrap();
    let mut old = capture("Judul lama\nIsi.");
    old.canonical_url = Some("https://news.example/a/1".into());
    let mut new = capture("Judul baru\nIsi yang diperbarui.");
    new.canonical_url = old.canonical_url.clone();
    let (a1, v1) = store.add_capture(&old, NOW).unwrap().ids();
    let (a2, v2) = store.add_capture(&new, NOW).unwrap().ids();
    assert_eq!(a1, a2);
    assert_ne!(v1, v2);
    let article = store.article(a1).unwrap().unwrap();
    assert_eq!(
        (
            article.versions,
            article.latest_version_id,
            article.title.as_str()
        ),
        (2, v2, "Judul baru")
    );
}

#[test]
fn versions_are_immutable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (_, version_id) = store
        .add_capture(&capture("Asli\nIsi."), NOW)
        .unwrap()
        .ids();
    let conn = Connection::open(&path).unwrap();
    let error = conn
        .execute(
            "UPDATE version SET text = 'palsu' WHERE id = ?1",
            [version_id],
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("versions are immutable"),
        "{error}"
    );
    assert_eq!(
        store.version_text(version_id).unwrap().unwrap(),
        "Asli\nIsi."
    );
}

#[test]
fn audit_trail_cannot_be_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite3");
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO audit_event (at, reviewer, entity, entity_id, field, before, after) VALUES (?1, 'ana', 'review', 1, 'verdict', NULL, 'false')",
        [NOW],
    )
    .unwrap();
    assert!(
        conn.execute("UPDATE audit_event SET after = 'true'", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM audit_event", []).is_err());
}

#[test]
fn version_search_follows_inserts_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (rice, _) = store
        .add_capture(
            &capture("Harga beras naik\nPasokan dari petani berkurang."),
            NOW,
        )
        .unwrap()
        .ids();
    let (oil, _) = store
        .add_capture(
            &capture("Oil prices fall\nSupply rose in the third quarter."),
            NOW,
        )
        .unwrap()
        .ids();
    let hits = store.search("petani", 10).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.article_id).collect::<Vec<_>>(),
        vec![rice]
    );
    assert!(
        hits[0].snippet.contains("\u{E000}petani\u{E001}"),
        "{:?}",
        hits[0].snippet
    );
    // Prefix of the last word, diacritics folded, title matched.
    assert_eq!(store.search("quar", 10).unwrap()[0].article_id, oil);
    assert_eq!(store.search("OIL", 10).unwrap()[0].article_id, oil);

    assert!(store.delete_article(rice).unwrap());
    assert!(store.search("petani", 10).unwrap().is_empty());
    assert_eq!(store.search("supply", 10).unwrap()[0].article_id, oil);
    fts_integrity_check(&path);
}

/// FTS5's own integrity check fails when an external-content index and its table disagree.
fn fts_integrity_check(path: &Path) {
    let conn = Connection::open(path).unwrap();
    for table in ["version_fts", "claim_fts"] {
        conn.execute(
            &format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{table} is out of sync with its content: {e}"));
    }
}

#[test]
fn claim_and_speaker_search_follow_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (article_id, version_id) = store
        .add_capture(&capture("Judul\nPutin berkata harga gas naik."), NOW)
        .unwrap()
        .ids();
    let speaker = store
        .add_speaker("Vladimir Putin", &["Putin", "Presiden Rusia"], NOW)
        .unwrap();
    let claim = store
        .add_claim(
            &NewClaim {
                article_id,
                version_id,
                kind: "indirect",
                start: 6,
                end: 33,
                text: "harga gas naik".into(),
                speaker_id: Some(speaker),
                manual: false,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(store.search_claims("gas", 5).unwrap(), vec![claim]);
    assert!(store.set_claim_text(claim, "harga minyak naik").unwrap());
    assert!(store.search_claims("gas", 5).unwrap().is_empty());
    assert_eq!(store.search_claims("minyak", 5).unwrap(), vec![claim]);
    assert!(store.delete_claim(claim).unwrap());
    assert!(store.search_claims("minyak", 5).unwrap().is_empty());

    assert_eq!(store.search_speakers("Presiden", 5).unwrap(), vec![speaker]);
    assert_eq!(store.search_speakers("vladimir", 5).unwrap(), vec![speaker]);
    assert!(
        store
            .rename_speaker(speaker, "Vladimir Vladimirovich Putin")
            .unwrap()
    );
    assert_eq!(
        store.search_speakers("Vladimirovich", 5).unwrap(),
        vec![speaker]
    );
    assert_eq!(
        store.search_speakers("Presiden", 5).unwrap(),
        vec![speaker],
        "aliases survive a rename"
    );
    assert!(
        store
            .remove_speaker_alias(speaker, "Presiden Rusia")
            .unwrap()
    );
    assert!(store.search_speakers("Presiden", 5).unwrap().is_empty());
    assert!(store.delete_speaker(speaker).unwrap());
    assert!(store.search_speakers("Putin", 5).unwrap().is_empty());
    drop(store);
    fts_integrity_check(&path);
}

#[test]
fn two_processes_can_write_at_once() {
    // Two connections to one file stand for the desktop app and the CLI.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    Store::open(&path).unwrap();
    let writers: Vec<_> = ["app", "cli"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..200 {
                    store
                        .add_capture(&capture(&format!("{who} artikel {i}\nIsi {i}.")), NOW)
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("a writer failed");
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.count_articles().unwrap(), 400);
    assert_eq!(store.search("artikel", 1000).unwrap().len(), 400);
}

fn detected_item(
    kind: &'static str,
    start: usize,
    end: usize,
    text: &str,
    speaker: Option<&str>,
) -> factdesk_core::DetectedItem {
    factdesk_core::DetectedItem {
        kind,
        start,
        end,
        text: text.into(),
        prefix: String::new(),
        suffix: String::new(),
        speaker: speaker.map(str::to_string),
        role: speaker.map(|_| "Menteri".to_string()),
        speaker_start: speaker.map(|_| 0),
        speaker_end: speaker.map(|_| 4),
        cue: speaker.map(|_| "kata".to_string()),
        score: if kind == "claim" { Some(0.8) } else { None },
        reasons: if kind == "claim" {
            vec!["number".into()]
        } else {
            vec![]
        },
    }
}

#[test]
fn analysis_is_stored_with_its_version_and_speakers_are_shared() {
    let mut store = Store::open_in_memory().unwrap();
    let mut first = capture("Rina berkata\n\"Harga turun,\" kata Rina.");
    first.analysis = Some(factdesk_core::DetectedAnalysis {
        analyzer: 1,
        items: vec![
            detected_item("direct", 14, 26, "Harga turun,", Some("Rina Wati")),
            detected_item("claim", 13, 39, "\"Harga turun,\" kata Rina.", None),
        ],
    });
    let (_, v1) = store.add_capture(&first, NOW).unwrap().ids();
    let mut second = capture("Artikel lain\n\"Stok aman,\" kata Rina.");
    second.analysis = Some(factdesk_core::DetectedAnalysis {
        analyzer: 1,
        items: vec![detected_item(
            "direct",
            14,
            24,
            "Stok aman,",
            Some("rina wati"),
        )],
    });
    let (_, v2) = store.add_capture(&second, NOW).unwrap().ids();

    let claims = store.version_claims(v1).unwrap();
    assert_eq!(claims.len(), 2);
    let quote = claims.iter().find(|c| c.kind == "direct").unwrap();
    assert_eq!(
        (
            quote.speaker.as_deref(),
            quote.role.as_deref(),
            quote.status.as_str()
        ),
        (Some("Rina Wati"), Some("Menteri"), "new")
    );
    // The same name in another article (any case) is the same speaker.
    let other = &store.version_claims(v2).unwrap()[0];
    assert_eq!(other.speaker_id, quote.speaker_id);
    assert_eq!(store.analyzer_of(v1).unwrap(), Some(1));
    assert_eq!(
        store
            .claims(
                &factdesk_store::ClaimFilter {
                    status: Some("new".into()),
                    ..Default::default()
                },
                100,
                0
            )
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn reanalysis_replaces_only_untouched_suggestions() {
    let mut store = Store::open_in_memory().unwrap();
    let mut article = capture("Judul\n\"Harga turun,\" kata Rina.");
    article.analysis = Some(factdesk_core::DetectedAnalysis {
        analyzer: 1,
        items: vec![
            detected_item("direct", 7, 19, "Harga turun,", Some("Rina")),
            detected_item("claim", 6, 32, "x", None),
        ],
    });
    let (article_id, version) = store.add_capture(&article, NOW).unwrap().ids();
    let kept = store
        .version_claims(version)
        .unwrap()
        .into_iter()
        .find(|c| c.kind == "direct")
        .unwrap();
    let accept = factdesk_store::ReviewChange {
        state: Some("accepted".into()),
        ..Default::default()
    };
    assert!(store.review_claim(kept.id, &accept, "Rina", NOW).unwrap());
    let manual = store
        .add_claim(
            &factdesk_store::NewClaim {
                article_id,
                version_id: version,
                kind: "claim",
                start: 0,
                end: 5,
                text: "Judul".into(),
                speaker_id: None,
                manual: true,
            },
            NOW,
        )
        .unwrap();

    store
        .replace_detected(
            version,
            &factdesk_core::DetectedAnalysis {
                analyzer: 2,
                items: vec![detected_item("indirect", 1, 3, "ud", None)],
            },
            NOW,
        )
        .unwrap();
    let ids: Vec<(i64, String)> = store
        .version_claims(version)
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.kind))
        .collect();
    assert!(
        ids.contains(&(kept.id, "direct".to_string())),
        "accepted item kept: {ids:?}"
    );
    assert!(
        ids.contains(&(manual, "claim".to_string())),
        "manual item kept: {ids:?}"
    );
    assert!(
        ids.iter().any(|(_, kind)| kind == "indirect"),
        "new suggestion stored: {ids:?}"
    );
    assert_eq!(
        ids.len(),
        3,
        "the old untouched claim suggestion is gone: {ids:?}"
    );
    assert_eq!(store.analyzer_of(version).unwrap(), Some(2));
    // A version that does not exist is named.
    let error = store
        .replace_detected(9999, &Default::default(), NOW)
        .unwrap_err();
    assert!(
        error.to_string().contains("no version with id 9999"),
        "{error}"
    );
}

fn stored_claim(store: &mut Store) -> (i64, i64) {
    let mut article = capture("Judul ulasan\n\"Harga turun,\" kata Rina.");
    article.analysis = Some(factdesk_core::DetectedAnalysis {
        analyzer: 1,
        items: vec![detected_item(
            "direct",
            14,
            26,
            "Harga turun,",
            Some("Rina"),
        )],
    });
    let (_, version) = store.add_capture(&article, NOW).unwrap().ids();
    (store.version_claims(version).unwrap()[0].id, version)
}

#[test]
fn reviews_are_audited_field_by_field_and_undone_by_new_entries() {
    let mut store = Store::open_in_memory().unwrap();
    let (claim, _) = stored_claim(&mut store);
    let change = factdesk_store::ReviewChange {
        verdict: Some(Some("false".into())),
        status: Some("checked".into()),
        notes: Some("Transkrip berkata lain".into()),
        state: Some("accepted".into()),
        speaker: None,
    };
    assert!(store.review_claim(claim, &change, "Rina", NOW).unwrap());
    // The same change again changes nothing and records nothing.
    assert!(!store.review_claim(claim, &change, "Rina", NOW).unwrap());
    let reviewed = store.claim(claim).unwrap().unwrap();
    assert_eq!(
        (
            reviewed.verdict.as_deref(),
            reviewed.status.as_str(),
            reviewed.state.as_str()
        ),
        (Some("false"), "checked", "accepted")
    );
    let history = store.claim_history(claim).unwrap();
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = history
        .iter()
        .map(|e| (e.field.as_str(), e.before.as_deref(), e.after.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("state", Some("suggested"), Some("accepted")),
            ("verdict", None, Some("false")),
            ("status", Some("new"), Some("checked")),
            ("notes", Some(""), Some("Transkrip berkata lain")),
        ]
    );
    assert!(history.iter().all(|e| e.reviewer == "Rina" && e.at == NOW));

    let undone = store.undo_last("Budi", "2026-11-25T11:00:00Z").unwrap();
    assert!(undone.unwrap().contains("verdict false"));
    let restored = store.claim(claim).unwrap().unwrap();
    assert_eq!(
        (
            restored.verdict,
            restored.status.as_str(),
            restored.state.as_str()
        ),
        (None, "new", "suggested")
    );
    // The trail kept the change and added its undoing.
    assert_eq!(store.claim_history(claim).unwrap().len(), 8);
    // An undo is not undone by the next undo: there is nothing left.
    assert_eq!(store.undo_last("Budi", NOW).unwrap(), None);
}

#[test]
fn reviews_survive_reanalysis_and_missing_claims_are_named() {
    let mut store = Store::open_in_memory().unwrap();
    let (claim, version) = stored_claim(&mut store);
    let change = factdesk_store::ReviewChange {
        status: Some("in-review".into()),
        ..Default::default()
    };
    store.review_claim(claim, &change, "Rina", NOW).unwrap();
    // Re-analysis replaces untouched suggestions only: this one has a review.
    store
        .replace_detected(
            version,
            &factdesk_core::DetectedAnalysis {
                analyzer: 2,
                items: vec![],
            },
            NOW,
        )
        .unwrap();
    assert_eq!(store.claim(claim).unwrap().unwrap().status, "in-review");
    let missing = store
        .review_claim(424242, &change, "Rina", NOW)
        .unwrap_err();
    assert!(
        missing.to_string().contains("no claim with id 424242"),
        "{missing}"
    );
}

#[test]
fn the_audit_trail_refuses_rewrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (claim, _) = stored_claim(&mut store);
    store
        .review_claim(
            claim,
            &factdesk_store::ReviewChange {
                status: Some("checked".into()),
                ..Default::default()
            },
            "Rina",
            NOW,
        )
        .unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    for sql in [
        "UPDATE audit_event SET after = 'new'",
        "DELETE FROM audit_event",
        "UPDATE action SET reviewer = 'x'",
        "DELETE FROM action",
    ] {
        let error = conn.execute(sql, []).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("the audit trail is never rewritten"),
            "{sql}: {error}"
        );
    }
}

#[test]
fn a_quotation_is_attributed_to_an_existing_or_new_speaker_and_undone() {
    let mut store = Store::open_in_memory().unwrap();
    let (claim, _) = stored_claim(&mut store);
    let mut other = capture("Berita lain\n\"Stok aman,\" kata Budi.");
    other.analysis = Some(factdesk_core::DetectedAnalysis {
        analyzer: 1,
        items: vec![detected_item(
            "direct",
            13,
            23,
            "Stok aman,",
            Some("Budi Santoso"),
        )],
    });
    store.add_capture(&other, NOW).unwrap();
    let budi = store
        .claims(&Default::default(), 10, 0)
        .unwrap()
        .into_iter()
        .find(|c| c.speaker.as_deref() == Some("Budi Santoso"))
        .unwrap();

    // Another case of an existing name is that speaker, recorded by its stored name.
    let to_budi = factdesk_store::ReviewChange {
        speaker: Some(Some("budi SANTOSO".into())),
        ..Default::default()
    };
    assert!(store.review_claim(claim, &to_budi, "Rina", NOW).unwrap());
    let moved = store.claim(claim).unwrap().unwrap();
    assert_eq!(
        (moved.speaker.as_deref(), moved.speaker_id),
        (Some("Budi Santoso"), budi.speaker_id)
    );
    let event = store.claim_history(claim).unwrap().pop().unwrap();
    assert_eq!(
        (
            event.field.as_str(),
            event.before.as_deref(),
            event.after.as_deref()
        ),
        ("speaker", Some("Rina"), Some("Budi Santoso"))
    );
    assert!(
        !store.review_claim(claim, &to_budi, "Rina", NOW).unwrap(),
        "the same speaker again changes nothing"
    );

    // A new name creates a speaker; removing the attribution leaves none.
    store
        .review_claim(
            claim,
            &factdesk_store::ReviewChange {
                speaker: Some(Some("Dewi Lestari".into())),
                ..Default::default()
            },
            "Rina",
            NOW,
        )
        .unwrap();
    assert_eq!(
        store.claim(claim).unwrap().unwrap().speaker.as_deref(),
        Some("Dewi Lestari")
    );
    store
        .review_claim(
            claim,
            &factdesk_store::ReviewChange {
                speaker: Some(None),
                ..Default::default()
            },
            "Rina",
            NOW,
        )
        .unwrap();
    assert_eq!(store.claim(claim).unwrap().unwrap().speaker, None);
    store.undo_last("Rina", NOW).unwrap();
    assert_eq!(
        store.claim(claim).unwrap().unwrap().speaker.as_deref(),
        Some("Dewi Lestari")
    );
}

fn pasted_source(text: &str) -> factdesk_core::NewSource {
    factdesk_core::NewSource {
        kind: factdesk_core::EvidenceSourceKind::Pasted,
        title: "Transkrip rapat".into(),
        url: None,
        path: None,
        article_id: None,
        sha256: Some(sha256_hex(text.as_bytes())),
        media_type: Some("text/plain".into()),
        raw: Some(text.as_bytes().to_vec()),
        text: text.into(),
        captured_at: NOW.into(),
    }
}

#[test]
fn evidence_links_are_audited_and_undone_and_sources_archived_once() {
    let mut store = Store::open_in_memory().unwrap();
    let (claim, _) = stored_claim(&mut store);
    let text = "Rina: harga turun, tetapi hanya di pasar induk.";
    let (source, new) = store.add_source(&pasted_source(text)).unwrap();
    assert!(new);
    assert_eq!(
        store.add_source(&pasted_source(text)).unwrap(),
        (source, false),
        "the same bytes are one source"
    );
    assert_eq!(
        store.source_archive(source).unwrap().as_deref(),
        Some(text.as_bytes())
    );
    assert_eq!(store.source_text(source).unwrap().as_deref(), Some(text));
    assert_eq!(store.sources().unwrap()[0].text_chars, text.len() as u64);

    assert!(
        store
            .set_link(claim, source, Some(("original", "menit 12")), "Rina", NOW)
            .unwrap()
    );
    assert!(
        !store
            .set_link(claim, source, Some(("original", "menit 12")), "Rina", NOW)
            .unwrap()
    );
    assert!(
        store
            .set_link(claim, source, Some(("contradicts", "")), "Rina", NOW)
            .unwrap()
    );
    let links = store.claim_links(claim).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        (links[0].relation, links[0].note.as_str()),
        (factdesk_core::Relation::Contradicts, "")
    );
    assert_eq!(links[0].source.title, "Transkrip rapat");

    let field = format!("link:{source}");
    let history: Vec<_> = store
        .claim_history(claim)
        .unwrap()
        .into_iter()
        .map(|e| (e.field, e.before, e.after))
        .collect();
    assert_eq!(
        history,
        [
            (field.clone(), None, Some("original: menit 12".to_string())),
            (
                field.clone(),
                Some("original: menit 12".to_string()),
                Some("contradicts".to_string())
            ),
        ]
    );
    // Undo restores the earlier relation and note; removing is audited too.
    store.undo_last("Rina", NOW).unwrap().unwrap();
    let links = store.claim_links(claim).unwrap();
    assert_eq!(
        (links[0].relation, links[0].note.as_str()),
        (factdesk_core::Relation::Original, "menit 12")
    );
    assert!(store.set_link(claim, source, None, "Rina", NOW).unwrap());
    assert!(store.claim_links(claim).unwrap().is_empty());
    store.undo_last("Rina", NOW).unwrap().unwrap();
    assert_eq!(store.claim_links(claim).unwrap().len(), 1);

    assert!(matches!(
        store.set_link(claim, 999, Some(("supports", "")), "Rina", NOW),
        Err(StoreError::NotFound { what: "source", .. })
    ));
    assert!(matches!(
        store.set_link(999, source, Some(("supports", "")), "Rina", NOW),
        Err(StoreError::NotFound { what: "claim", .. })
    ));
}

/// Pages of the claims view deep in a long list start from remembered keys instead of an
/// OFFSET walk; they must be exactly the slices of the list read whole, also after this
/// connection or another one changed it.
#[test]
fn claim_pages_deep_in_a_long_list_are_slices_of_the_whole_list() {
    use factdesk_store::ClaimFilter;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut newest = (0, 0);
    for a in 0..14 {
        let Stored::Inserted {
            article_id,
            version_id,
        } = store
            .add_capture(
                &capture(&format!("Artikel {a}\nIsi artikel nomor {a}.")),
                NOW,
            )
            .unwrap()
        else {
            panic!("article {a} was not stored")
        };
        newest = (article_id, version_id);
        for i in 0..60 {
            let claim = NewClaim {
                article_id,
                version_id,
                kind: if i % 3 == 0 { "direct" } else { "claim" },
                // Pairs share a start, so the id breaks ties; later claims start earlier.
                start: (60 - i / 2) * 10,
                end: (60 - i / 2) * 10 + 5,
                text: format!("klaim {a}-{i}"),
                speaker_id: None,
                manual: false,
            };
            store.add_claim(&claim, NOW).unwrap();
        }
    }
    let ids = |claims: Vec<factdesk_core::StoredClaim>| -> Vec<i64> {
        claims.into_iter().map(|c| c.id).collect()
    };
    let check = |store: &Store, filter: &ClaimFilter| {
        let whole = ids(store.claims(filter, 100_000, 0).unwrap());
        assert_eq!(store.count_claims(filter).unwrap(), whole.len() as u64);
        for (limit, offset) in [
            (100, 0),
            (100, 511),
            (100, 512),
            (37, 600),
            (100, 700),
            (50, whole.len() - 1),
            (10, whole.len()),
            (10, 5_000),
        ] {
            let page = ids(store.claims(filter, limit, offset).unwrap());
            let end = (offset + limit).min(whole.len());
            let expected = whole.get(offset..end).unwrap_or_default();
            assert_eq!(page, expected, "limit {limit} offset {offset}");
        }
        whole
    };
    let all = ClaimFilter::default();
    let before = check(&store, &all);
    assert_eq!(before.len(), 840);
    let quotes = ClaimFilter {
        kind: Some("direct".into()),
        ..Default::default()
    };
    assert_eq!(check(&store, &quotes).len(), 280);

    // Another connection rejects a claim deep in the list: the pages follow.
    let other = Connection::open(&path).unwrap();
    other
        .execute(
            "UPDATE claim SET state = 'rejected' WHERE id = ?1",
            [before[700]],
        )
        .unwrap();
    let after_reject = check(&store, &all);
    assert_eq!(after_reject.len(), 839);
    assert!(!after_reject.contains(&before[700]));

    // This connection adds a claim at the top of the newest article: everything shifts.
    let added = store
        .add_claim(
            &NewClaim {
                article_id: newest.0,
                version_id: newest.1,
                kind: "claim",
                start: 0,
                end: 5,
                text: "klaim baru".into(),
                speaker_id: None,
                manual: true,
            },
            NOW,
        )
        .unwrap();
    let after_add = check(&store, &all);
    assert_eq!(after_add[0], added);
    assert_eq!(&after_add[1..], after_reject.as_slice());
}
