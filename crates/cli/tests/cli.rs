//! The built `factdesk` binary against real files and a real database.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn factdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FACTDESK_DB")
        .output()
        .unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"))
        })
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The command failed and its message says `phrase`.
fn assert_fails(output: &Output, phrase: &str) {
    let message = stderr(output);
    assert!(
        !output.status.success() && message.contains(phrase),
        "expected a failure saying {phrase:?}; exit {:?}, stderr: {message}",
        output.status.code()
    );
}

#[test]
fn import_list_show_search_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let article = dir.path().join("beras.txt");
    std::fs::write(
        &article,
        "Harga beras naik\n\nPasokan dari petani berkurang, kata menteri yang baru itu.",
    )
    .unwrap();
    let empty = dir.path().join("kosong.txt");
    std::fs::write(&empty, "").unwrap();

    let import = factdesk(
        &db,
        &[
            "import",
            "--json",
            article.to_str().unwrap(),
            empty.to_str().unwrap(),
        ],
    );
    assert_eq!(
        import.status.code(),
        Some(1),
        "a failed input makes the exit code 1: {}",
        stderr(&import)
    );
    let outcomes = json_lines(&import);
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0]["status"], "imported");
    assert_eq!(outcomes[0]["input"], article.to_str().unwrap());
    assert!(outcomes[0].get("error").is_none());
    assert_eq!(outcomes[1]["status"], "error");
    assert_eq!(
        outcomes[1]["error"],
        format!("{} is empty", empty.display())
    );
    let id = outcomes[0]["article_id"].as_i64().unwrap();

    let again = factdesk(&db, &["import", "--json", article.to_str().unwrap()]);
    assert!(again.status.success());
    assert_eq!(json_lines(&again)[0]["status"], "unchanged");

    let list = json_lines(&factdesk(&db, &["list", "--json"]));
    assert_eq!(list.len(), 1);
    for field in [
        "id",
        "title",
        "url",
        "site",
        "published",
        "language",
        "versions",
    ] {
        assert!(
            list[0].get(field).is_some(),
            "list --json lacks {field}: {}",
            list[0]
        );
    }
    assert_eq!(list[0]["title"], "Harga beras naik");
    assert_eq!(list[0]["language"], "id");
    assert_eq!(list[0]["versions"], 1);

    let show = factdesk(&db, &["show", &id.to_string()]);
    let text = String::from_utf8(show.stdout).unwrap();
    assert!(text.contains("Pasokan dari petani berkurang"), "{text}");

    let hits = json_lines(&factdesk(&db, &["search", "--json", "petani"]));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["article_id"], id);

    let out = dir.path().join("export.json");
    let export = factdesk(
        &db,
        &[
            "export",
            &id.to_string(),
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{}", stderr(&export));
    let document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(document["kind"], "factdesk.report");
    assert_eq!(document["scope"]["article_id"], id);
    assert_eq!(document["articles"][0]["id"], id);
    let also = dir.path().join("also.json");
    assert!(
        factdesk(
            &db,
            &[
                "export",
                "--article",
                &id.to_string(),
                "-o",
                also.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    assert!(also.exists());
}

#[test]
fn database_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.sqlite3");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Judul\nIsi.").unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["import", article.to_str().unwrap()])
        .env("FACTDESK_DB", &db)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", stderr(&status));
    assert!(db.exists());
    let place = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("where")
        .env("FACTDESK_DB", &db)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(place.stdout).unwrap().trim(),
        db.to_str().unwrap()
    );
}

#[test]
fn errors_are_one_clear_line_and_exit_nonzero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let missing = factdesk(&db, &["show", "42"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing).trim(),
        "factdesk: no article with id 42; `factdesk list` shows the ids"
    );

    let not_db = dir.path().join("notes.txt");
    std::fs::write(
        &not_db,
        "just some text, certainly not an SQLite database file at all",
    )
    .unwrap();
    let refused = factdesk(&not_db, &["list"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("notes.txt is not a factdesk database"),
        "{}",
        stderr(&refused)
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let address = format!("http://{closed}/berita");
    let url = factdesk(&db, &["import", "--json", &address]);
    assert_eq!(url.status.code(), Some(1));
    let error = json_lines(&url)[0]["error"].as_str().unwrap().to_string();
    assert!(
        error.starts_with(&format!("{address} could not be reached")),
        "{error}"
    );
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..300 {
        std::fs::write(
            folder.join(format!("{i}.txt")),
            format!("Artikel nomor {i}\nIsi {i}."),
        )
        .unwrap();
    }
    assert!(
        factdesk(&db, &["import", folder.to_str().unwrap()])
            .status
            .success()
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["--db", db.to_str().unwrap(), "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let output = child.wait_with_output().unwrap();
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

fn factdesk_stdin(db: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FACTDESK_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn analyze_jsonl_follows_the_contract_and_reports_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite3");
    let good = serde_json::json!({"id": "a1", "text": "Ünï “Harga turun minggu ini,” kata Menteri Perdagangan Budi Santoso di Jakarta, dan ini yang akan terjadi."}).to_string();
    let input = format!(
        "{good}\nnot json\n{{\"id\": 7, \"text\": \"He said: \\\"We will win this race.\\\"\"}}\n"
    );
    let output = factdesk_stdin(&db, &["analyze", "--jsonl"], &input);
    assert_eq!(
        output.status.code(),
        Some(1),
        "one bad line makes the exit code 1"
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3, "one line per input, in order");
    let first = &lines[0];
    assert_eq!(first["id"], "a1");
    assert_eq!(first["language"], "id");
    let quote = &first["quotes"][0];
    assert_eq!(quote["kind"], "direct");
    // Offsets are code points: "Ünï “" is 5 of them.
    assert_eq!(
        (quote["start"].as_u64(), quote["end"].as_u64()),
        (Some(5), Some(28))
    );
    assert_eq!(quote["text"], "Harga turun minggu ini,");
    assert_eq!(quote["speaker"], "Budi Santoso");
    assert_eq!(quote["cue"], "kata");
    assert!(first["sentences"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(first["claims"].as_array().is_some());
    assert!(first["checks"].as_array().is_some());
    assert_eq!(lines[1]["id"], "line 2");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("is not {\"id\"")
    );
    assert_eq!(lines[2]["id"], "7", "numeric ids come back as strings");
    assert_eq!(lines[2]["quotes"][0]["text"], "We will win this race.");
    assert!(!db.exists(), "analyze never touches the database");
}

#[test]
fn analyze_json_file_and_stored_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let article = dir.path().join("cabai.txt");
    std::fs::write(&article, "Harga cabai naik\r\n\"Pasokan berkurang,\" kata Siti Aminah.\r\nHarga naik 12 persen dari pekan lalu.").unwrap();

    let analysis = factdesk(&db, &["analyze", "--json", article.to_str().unwrap()]);
    assert!(analysis.status.success(), "{}", stderr(&analysis));
    let record = &json_lines(&analysis)[0];
    assert_eq!(record["id"], article.to_str().unwrap());
    // CRLF counts as one character, as Python's read_text() sees it.
    assert_eq!(record["quotes"][0]["start"], 18);
    // A legacy-encoded file is decoded first (Windows-1252 curly quotes here).
    let legacy = dir.path().join("legacy.txt");
    std::fs::write(
        &legacy,
        b"Harga naik\n\x93Pasokan berkurang,\x94 kata Siti Aminah.",
    )
    .unwrap();
    let decoded = json_lines(&factdesk(
        &db,
        &["analyze", "--json", legacy.to_str().unwrap()],
    ));
    assert_eq!(decoded[0]["quotes"][0]["text"], "Pasokan berkurang,");
    assert_eq!(decoded[0]["quotes"][0]["speaker"], "Siti Aminah");
    let missing = factdesk(
        &db,
        &[
            "analyze",
            "--json",
            dir.path().join("nope.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        json_lines(&missing)[0]["error"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );

    assert!(
        factdesk(&db, &["import", article.to_str().unwrap()])
            .status
            .success()
    );
    let claims = json_lines(&factdesk(&db, &["claims", "--json", "--status", "new"]));
    let quote = claims
        .iter()
        .find(|c| c["kind"] == "direct")
        .expect("the quotation is stored");
    assert_eq!(quote["speaker"], "Siti Aminah");
    assert_eq!(quote["status"], "new");
    assert!(quote["verdict"].is_null());
    for field in ["id", "article_id", "version_id", "text"] {
        assert!(!quote[field].is_null(), "{field} is part of the contract");
    }
    let shown = factdesk(&db, &["show", "1", "--analysis"]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains("speaker Siti Aminah"),
        "{}",
        String::from_utf8_lossy(&shown.stdout)
    );
}

#[test]
fn review_history_and_undo_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let article = dir.path().join("cabai.txt");
    std::fs::write(
        &article,
        "Harga cabai naik\n\"Pasokan berkurang,\" kata Siti Aminah.",
    )
    .unwrap();
    assert!(
        factdesk(&db, &["import", article.to_str().unwrap()])
            .status
            .success()
    );
    let claims = json_lines(&factdesk(&db, &["claims", "--json"]));
    let id = claims.iter().find(|c| c["kind"] == "direct").unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();

    assert!(factdesk(&db, &["reviewer", "Rina"]).status.success());
    let review = factdesk(
        &db,
        &[
            "review",
            &id,
            "--verdict",
            "false",
            "--status",
            "checked",
            "--note",
            "Tidak sesuai transkrip",
            "--json",
        ],
    );
    assert!(review.status.success(), "{}", stderr(&review));
    assert_eq!(json_lines(&review)[0]["verdict"], "false");
    let checked = json_lines(&factdesk(&db, &["claims", "--json", "--status", "checked"]));
    assert_eq!(checked.len(), 1);
    assert_eq!(
        (
            checked[0]["status"].as_str(),
            checked[0]["verdict"].as_str()
        ),
        (Some("checked"), Some("false"))
    );

    let history = json_lines(&factdesk(&db, &["history", "--json", &id]));
    assert_eq!(history.len(), 3);
    for event in &history {
        for field in ["at", "reviewer", "field", "before", "after"] {
            assert!(event.get(field).is_some(), "{field} missing from {event}");
        }
        assert_eq!(event["reviewer"], "Rina");
    }
    assert_eq!(
        (history[0]["field"].as_str(), history[0]["after"].as_str()),
        (Some("verdict"), Some("false"))
    );

    let bad = factdesk(&db, &["review", &id, "--verdict", "maybe"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("unknown verdict \"maybe\""),
        "{}",
        stderr(&bad)
    );

    assert!(factdesk(&db, &["undo"]).status.success());
    assert!(json_lines(&factdesk(&db, &["claims", "--json", "--status", "checked"])).is_empty());
    assert_eq!(
        json_lines(&factdesk(&db, &["history", "--json", &id])).len(),
        6,
        "the undo is added to the trail"
    );
}

#[test]
fn marking_a_claim_by_hand_is_audited_and_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let article = dir.path().join("beras.txt");
    std::fs::write(
        &article,
        "Harga beras naik\nHarga beras medium naik 5,12% pekan ini.",
    )
    .unwrap();
    assert!(
        factdesk(&db, &["import", article.to_str().unwrap()])
            .status
            .success()
    );
    let marked = factdesk(
        &db,
        &[
            "mark", "1", "--start", "17", "--end", "34", "--kind", "claim", "--json",
        ],
    );
    assert!(marked.status.success(), "{}", stderr(&marked));
    let claim = &json_lines(&marked)[0];
    assert_eq!(claim["text"], "Harga beras mediu");
    assert_eq!(
        (claim["origin"].as_str(), claim["state"].as_str()),
        (Some("manual"), Some("accepted"))
    );
    let id = claim["id"].as_i64().unwrap().to_string();
    assert_eq!(
        json_lines(&factdesk(&db, &["history", "--json", &id]))[0]["after"],
        "accepted"
    );

    let outside = factdesk(&db, &["mark", "1", "--start", "30", "--end", "999"]);
    assert_eq!(outside.status.code(), Some(1));
    assert!(
        stderr(&outside).contains("not a stretch of version 1"),
        "{}",
        stderr(&outside)
    );

    assert!(factdesk(&db, &["undo"]).status.success());
    let listed = json_lines(&factdesk(&db, &["claims", "--json"]));
    assert!(
        listed
            .iter()
            .all(|c| c["id"].as_i64().unwrap().to_string() != id),
        "an undone mark leaves the lists"
    );
}

#[test]
fn the_article_list_filters_by_language_speaker_and_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let id = dir.path().join("cabai.txt");
    std::fs::write(&id, "Harga cabai naik di pasar\n\"Pasokan dari petani berkurang karena hujan,\" kata Siti Aminah di Palembang, dan ini yang terjadi.").unwrap();
    let en = dir.path().join("bridge.txt");
    std::fs::write(&en, "Bridge reopens\n\"The bridge is safe for the traffic now,\" said Maria Lopez, and the city agreed with the plan.").unwrap();
    assert!(
        factdesk(&db, &["import", id.to_str().unwrap(), en.to_str().unwrap()])
            .status
            .success()
    );
    let titles = |args: &[&str]| -> Vec<String> {
        json_lines(&factdesk(&db, &[&["list", "--json"], args].concat()))
            .iter()
            .map(|a| a["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&["--language", "en"]), ["Bridge reopens"]);
    assert_eq!(
        titles(&["--speaker", "siti"]),
        ["Harga cabai naik di pasar"]
    );
    assert!(titles(&["--status", "checked"]).is_empty());
    let quote = json_lines(&factdesk(&db, &["claims", "--json", "--kind", "direct"]))
        .into_iter()
        .find(|c| c["speaker"] == "Maria Lopez")
        .unwrap();
    assert!(
        factdesk(
            &db,
            &[
                "review",
                &quote["id"].to_string(),
                "--status",
                "checked",
                "--verdict",
                "true"
            ]
        )
        .status
        .success()
    );
    assert_eq!(
        titles(&["--status", "checked", "--verdict", "true"]),
        ["Bridge reopens"]
    );
    assert_eq!(titles(&[]).len(), 2);
}

#[test]
fn sources_are_archived_and_linked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let article = dir.path().join("beras.txt");
    std::fs::write(&article, "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini,\" kata Menteri Perdagangan Rina Sari.").unwrap();
    assert!(
        factdesk(&db, &["import", article.to_str().unwrap()])
            .status
            .success()
    );
    let claims = json_lines(&factdesk(&db, &["claims", "--json"]));
    let quote = claims
        .iter()
        .find(|c| c["kind"] == "direct")
        .expect("the quotation is detected")["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let vtt = dir.path().join("rapat.vtt");
    std::fs::write(
        &vtt,
        "WEBVTT\n\n00:01.000 --> 00:03.000\nHarga beras tidak akan naik tahun ini.\n",
    )
    .unwrap();
    let added = json_lines(&factdesk(
        &db,
        &["source", "add", "--json", vtt.to_str().unwrap()],
    ));
    assert_eq!(
        (
            added[0]["new"].as_bool(),
            added[0]["source"]["kind"].as_str()
        ),
        (Some(true), Some("transcript"))
    );
    let source = added[0]["source"]["id"].as_i64().unwrap().to_string();
    let pasted = json_lines(&factdesk(
        &db,
        &[
            "source",
            "add",
            "--json",
            "--text",
            "Catatan wawancara.",
            "--title",
            "Wawancara",
        ],
    ));
    assert_eq!(pasted[0]["source"]["title"], "Wawancara");
    assert_eq!(json_lines(&factdesk(&db, &["sources", "--json"])).len(), 2);

    let linked = factdesk(
        &db,
        &[
            "link",
            &quote,
            &source,
            "--relation",
            "original",
            "--note",
            "detik 1",
        ],
    );
    assert!(linked.status.success(), "{}", stderr(&linked));
    let links = json_lines(&factdesk(&db, &["links", "--json", &quote]));
    assert_eq!(
        (links[0]["relation"].as_str(), links[0]["note"].as_str()),
        (Some("original"), Some("detik 1"))
    );
    let history = json_lines(&factdesk(&db, &["history", "--json", &quote]));
    assert_eq!(history.last().unwrap()["field"], format!("link:{source}"));

    assert!(
        factdesk(&db, &["link", &quote, &source, "--remove"])
            .status
            .success()
    );
    assert!(json_lines(&factdesk(&db, &["links", "--json", &quote])).is_empty());
    let bad = factdesk(&db, &["link", &quote, "999"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("no source with id 999"),
        "{}",
        stderr(&bad)
    );
    let missing = factdesk(&db, &["source", "add", "/nonexistent/rapat.srt"]);
    assert!(
        stderr(&missing).contains("/nonexistent/rapat.srt does not exist"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn speakers_are_listed_shown_and_merged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini,\" kata Menteri Perdagangan Rina Sari.").unwrap();
    std::fs::write(&b, "Stok beras aman\n\nPalembang - \"Stok beras aman sampai akhir tahun,\" ujar Rina S. Wijaya di gudang Bulog.").unwrap();
    assert!(
        factdesk(&db, &["import", a.to_str().unwrap(), b.to_str().unwrap()])
            .status
            .success()
    );
    let find = |name: &str| {
        json_lines(&factdesk(&db, &["speakers", "--json", name]))[0]["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    let (into, from) = (find("rina sari"), find("wijaya"));
    let page = json_lines(&factdesk(&db, &["speaker", "--json", &into]));
    assert_eq!(page[0]["speaker"]["quotations"], 1);
    assert_eq!(
        page[0]["quotes"][0]["article_title"],
        "Harga beras tidak naik"
    );
    let merged = factdesk(&db, &["merge-speakers", "--json", &into, &from]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    assert_eq!(json_lines(&merged)[0]["speaker"]["quotations"], 2);
    let gone = factdesk(&db, &["speaker", &from]);
    assert_fails(&gone, &format!("no speaker with id {from}"));
    assert!(factdesk(&db, &["undo"]).status.success());
    assert_eq!(
        json_lines(&factdesk(&db, &["speaker", "--json", &from]))[0]["speaker"]["quotations"],
        1
    );
}

#[test]
fn a_quotation_is_split_and_merged_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Harga beras tidak naik\n\nJakarta - \"Harga beras tidak akan naik tahun ini. Stok di gudang cukup untuk enam bulan,\" kata Menteri Perdagangan Rina Sari.").unwrap();
    assert!(
        factdesk(&db, &["import", a.to_str().unwrap()])
            .status
            .success()
    );
    let quote = json_lines(&factdesk(&db, &["claims", "--json", "--kind", "direct"]))[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let parts = json_lines(&factdesk(&db, &["split", "--json", &quote, "--at", "39"]));
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0]["text"], "Harga beras tidak akan naik tahun ini. ");
    let second = parts[1]["id"].as_i64().unwrap().to_string();
    let merged = json_lines(&factdesk(&db, &["merge", "--json", &quote, &second]));
    assert!(
        merged[0]["text"].as_str().unwrap().ends_with("enam bulan,"),
        "{}",
        merged[0]["text"]
    );
    let bad = factdesk(&db, &["split", &quote, "--at", "0"]);
    assert_fails(&bad, "must fall inside");
}

#[test]
fn a_rating_scale_is_defined_and_chosen_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let file = dir.path().join("skala.txt");
    std::fs::write(&file, "fakta | Fact | Fakta\nhoaks | Hoax | Hoaks\n").unwrap();
    let defined = factdesk(
        &db,
        &[
            "scale",
            "define",
            "--json",
            "redaksi",
            file.to_str().unwrap(),
        ],
    );
    assert!(defined.status.success(), "{}", stderr(&defined));
    let used = json_lines(&factdesk(&db, &["scale", "use", "--json", "redaksi"]));
    assert_eq!(
        used.iter()
            .map(|s| (s["name"].as_str().unwrap(), s["active"].as_bool().unwrap()))
            .collect::<Vec<_>>(),
        [("default", false), ("redaksi", true)]
    );
    let text = String::from_utf8(factdesk(&db, &["scales"]).stdout).unwrap();
    assert!(
        text.contains("* redaksi") && text.contains("hoaks") && text.contains("Hoax / Hoaks"),
        "{text}"
    );
    let bad = factdesk(&db, &["scale", "use", "tidak-ada"]);
    assert_fails(&bad, "no rating scale named");
}

/// An imported article with two reviewed claims, and the organisation set.
fn reviewed_database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("reports.sqlite3");
    let article = dir.join("beras.txt");
    std::fs::write(
        &article,
        "Harga beras naik 40 persen\n\nHarga beras di Palembang naik 40 persen sejak Januari, kata Siti Aminah.\n\n\"Stok aman sampai Lebaran,\" ujar Budi Santoso.",
    )
    .unwrap();
    assert!(
        factdesk(&db, &["import", article.to_str().unwrap()])
            .status
            .success()
    );
    let claims = json_lines(&factdesk(&db, &["claims", "--json"]));
    assert!(claims.len() >= 2, "{claims:?}");
    for (claim, verdict) in claims.iter().take(2).zip(["false", "mostly-true"]) {
        let id = claim["id"].to_string();
        let review = factdesk(
            &db,
            &[
                "review",
                &id,
                "--verdict",
                verdict,
                "--status",
                "checked",
                "--note",
                "=cek data BPS",
            ],
        );
        assert!(review.status.success(), "{}", stderr(&review));
    }
    db
}

#[test]
fn export_writes_every_format_byte_identically_at_a_fixed_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = reviewed_database(dir.path());
    assert!(
        factdesk(
            &db,
            &[
                "organisation",
                "Cek Fakta Kita",
                "--url",
                "https://cekfakta.example"
            ]
        )
        .status
        .success()
    );
    for format in ["md", "html", "json", "csv", "claimreview", "bundle"] {
        let mut outputs = Vec::new();
        for run in 0..2 {
            let out = dir.path().join(format!("report-{run}.{format}"));
            let export = factdesk(
                &db,
                &[
                    "export",
                    "--json",
                    "--all",
                    "--format",
                    format,
                    "-o",
                    out.to_str().unwrap(),
                    "--at",
                    "2025-06-21T10:00:00Z",
                ],
            );
            assert!(export.status.success(), "{format}: {}", stderr(&export));
            let line = &json_lines(&export)[0];
            assert_eq!(
                (line["format"].as_str(), line["claims"].as_u64()),
                (Some(format), Some(2)),
                "{line}"
            );
            outputs.push(std::fs::read(&out).unwrap());
        }
        assert!(
            outputs[0] == outputs[1],
            "{format} differs between two exports at the same --at"
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("report-0.csv")).unwrap();
    assert!(
        csv.starts_with("claim_id,kind,text,speaker,verdict,"),
        "{csv}"
    );
    assert!(csv.contains(",'=cek data BPS,"), "{csv}");

    let valid = factdesk(
        &db,
        &[
            "validate-claimreview",
            dir.path().join("report-0.claimreview").to_str().unwrap(),
        ],
    );
    assert!(valid.status.success(), "{}", stderr(&valid));
    let bundle = dir.path().join("report-0.bundle");
    let verified = factdesk(&db, &["verify-bundle", bundle.to_str().unwrap()]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(
        String::from_utf8_lossy(&verified.stdout).contains("intact, 3 files match the manifest")
    );
}

#[test]
fn report_checks_fail_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let db = reviewed_database(dir.path());
    let claimreview = dir.path().join("cr.jsonld");
    let refused = factdesk(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "claimreview",
            "-o",
            claimreview.to_str().unwrap(),
        ],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("author is missing")
            && stderr(&refused).contains("factdesk organisation NAME --url URL"),
        "{}",
        stderr(&refused)
    );
    assert!(!claimreview.exists());

    std::fs::write(&claimreview, r#"{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Harga beras naik"}"#).unwrap();
    let invalid = factdesk(
        &db,
        &[
            "validate-claimreview",
            "--json",
            claimreview.to_str().unwrap(),
        ],
    );
    assert_eq!(invalid.status.code(), Some(1));
    let findings = json_lines(&invalid);
    assert!(
        findings.iter().any(|f| f["severity"] == "error"
            && f["message"]
                .as_str()
                .unwrap()
                .starts_with("reviewRating is missing")),
        "{findings:?}"
    );

    let not_a_zip = dir.path().join("bundle.zip");
    std::fs::write(&not_a_zip, "not a zip").unwrap();
    let bad_bundle = factdesk(&db, &["verify-bundle", not_a_zip.to_str().unwrap()]);
    assert_eq!(bad_bundle.status.code(), Some(1));
    assert!(
        stderr(&bad_bundle).contains(&format!(
            "{} is not an evidence bundle: not a readable zip file",
            not_a_zip.display()
        )),
        "{}",
        stderr(&bad_bundle)
    );

    let out = dir.path().join("x.html");
    let bad_time = factdesk(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
            "--at",
            "yesterday",
        ],
    );
    assert!(
        stderr(&bad_time).contains("--at \"yesterday\" is not an RFC 3339 time"),
        "{}",
        stderr(&bad_time)
    );
    let no_selection = factdesk(
        &db,
        &["export", "--format", "html", "-o", out.to_str().unwrap()],
    );
    assert_fails(&no_selection, "required");
    let period = factdesk(
        &db,
        &[
            "export",
            "--since",
            "2020-01-01",
            "--until",
            "2020-12-31",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(
        json_lines(&period)[0]["claims"],
        0,
        "nothing was reviewed in 2020"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn chars(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn diff_json_follows_the_contract_with_code_point_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let old_text = "Warga Antre Minyak Goreng di Pasar Cinde — Café “Ünïcödé”\n\nRatusan warga antre minyak goreng di Pasar Cinde, Palembang, Kamis (14/9/2023). \
                    \"Stok kami cukup untuk dua minggu,\" kata Kepala Dinas Perdagangan Intan Permata.\n\
                    Harga minyak goreng di pasar itu Rp 14.000 per liter.\n";
    let new_text = old_text
        .replace("Intan", "Indah")
        .replace("Rp 14.000", "Rp 15.000");
    let old = write(dir.path(), "old.txt", old_text);
    let new = write(dir.path(), "new.txt", &new_text);

    let output = factdesk(&db, &["diff", "--json", &old, &new]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    let diff = &lines[0];
    assert_eq!(diff["substantive"], true);
    let changes = diff["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{diff}");
    for change in changes {
        assert_eq!(
            chars(old_text, &change["old_start"], &change["old_end"]),
            change["old"].as_str().unwrap()
        );
        assert_eq!(
            chars(&new_text, &change["new_start"], &change["new_end"]),
            change["new"].as_str().unwrap()
        );
        assert_eq!(change["op"], "replace");
        assert_eq!(change["kind"], "word");
    }
    assert_eq!(
        (changes[0]["old"].as_str(), changes[0]["new"].as_str()),
        (Some("Intan"), Some("Indah"))
    );
    assert_eq!(
        (changes[1]["old"].as_str(), changes[1]["new"].as_str()),
        (Some("14.000"), Some("15.000"))
    );

    let affected = diff["claims_affected"].as_array().unwrap();
    let quote = affected
        .iter()
        .find(|c| c["kind"] == "direct")
        .expect("the quotation's speaker changed");
    assert_eq!(quote["status"], "edited");
    assert_eq!(quote["speaker"], "Intan Permata");
    assert_eq!(quote["new_speaker"], "Indah Permata");
    let price = affected
        .iter()
        .find(|c| c["text"].as_str().unwrap().starts_with("Harga"))
        .expect("the price claim changed");
    assert_eq!(price["status"], "edited");
    assert!(
        price["reasons"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("number"))
    );
    assert!(affected.iter().all(|c| c["status"] != "unchanged"));

    // Without --json: a readable diff.
    let text = String::from_utf8(factdesk(&db, &["diff", &old, &new]).stdout).unwrap();
    assert!(text.contains("\"Intan\" → \"Indah\""), "{text}");
}

#[test]
fn diff_of_boilerplate_churn_is_not_substantive_and_bad_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let old = write(
        dir.path(),
        "old.txt",
        "Banjir di Palembang\nBanjir merendam tiga desa sejak Selasa pagi.\nBaca juga: Harga cabai turun\nWarga mengungsi.",
    );
    let new = write(
        dir.path(),
        "new.txt",
        "BANJIR DI PALEMBANG\n\nBanjir merendam tiga desa  sejak Selasa pagi.\nBaca juga: Tol baru dibuka\n[Gambas:Video 20detik]\nWarga mengungsi.\nSCROLL TO CONTINUE WITH CONTENT",
    );
    let output = factdesk(&db, &["diff", "--json", &old, &new]);
    assert!(output.status.success(), "{}", stderr(&output));
    let diff = &json_lines(&output)[0];
    assert_eq!(diff["substantive"], false, "{diff}");
    assert!(!diff["changes"].as_array().unwrap().is_empty());
    assert!(
        diff["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["cosmetic"] == true)
    );

    let changed = write(
        dir.path(),
        "changed.txt",
        "Banjir di Palembang\nBanjir merendam empat desa sejak Selasa pagi.\nWarga mengungsi.",
    );
    assert_eq!(
        json_lines(&factdesk(&db, &["diff", "--json", &old, &changed]))[0]["substantive"],
        true
    );

    let missing = dir.path().join("missing.txt").display().to_string();
    let output = factdesk(&db, &["diff", "--json", &old, &missing]);
    assert_eq!(output.status.code(), Some(1));
    let error = json_lines(&output)[0]["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(error, format!("{missing} does not exist"));
}

#[test]
fn versions_and_stored_diffs_keep_claims_and_their_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let page = |body: &str| {
        format!(
            "<!doctype html><html><head><title>Harga beras naik</title><link rel=\"canonical\" href=\"https://example.org/beras\"></head>\
             <body><article><h1>Harga beras naik</h1>{body}</article></body></html>"
        )
    };
    let first = "<p>Harga beras medium naik 10 persen pekan ini di seluruh pasar Palembang.</p>\
                 <p>Pemerintah menambah pasokan 500 ton dari gudang Bulog di Sumatera Selatan.</p>\
                 <p>Pedagang mengatakan pembeli berkurang sejak harga naik pada awal bulan.</p>";
    let second = "<p>Harga beras medium naik 12 persen pekan ini di seluruh pasar Palembang.</p>\
                  <p>Pedagang mengatakan pembeli berkurang sejak harga naik pada awal bulan.</p>";
    let v1 = write(dir.path(), "v1.html", &page(first));
    let v2 = write(dir.path(), "v2.html", &page(second));
    for file in [&v1, &v2] {
        let import = factdesk(&db, &["import", "--json", file]);
        assert!(import.status.success(), "{}", stderr(&import));
    }
    let imported = json_lines(&factdesk(&db, &["list", "--json"]));
    assert_eq!(imported.len(), 1, "one article with two versions");
    let id = imported[0]["id"].as_i64().unwrap().to_string();

    let versions = json_lines(&factdesk(&db, &["versions", "--json", &id]));
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["substantive"], serde_json::Value::Null);
    assert_eq!(versions[1]["substantive"], true);
    let first_version = versions[0]["id"].as_i64().unwrap();

    let claims = json_lines(&factdesk(&db, &["claims", "--json", "--article", &id]));
    let supply = claims
        .iter()
        .find(|c| {
            c["version_id"] == first_version && c["text"].as_str().unwrap().contains("500 ton")
        })
        .expect("a claim about supply");
    let supply_id = supply["id"].as_i64().unwrap();
    assert!(
        factdesk(
            &db,
            &[
                "review",
                &supply_id.to_string(),
                "--verdict",
                "false",
                "--status",
                "checked"
            ]
        )
        .status
        .success()
    );

    let output = factdesk(&db, &["diff", "--json", "--article", &id]);
    assert!(output.status.success(), "{}", stderr(&output));
    let diff = &json_lines(&output)[0];
    assert_eq!(diff["substantive"], true);
    let affected = diff["claims_affected"].as_array().unwrap();
    let removed = affected
        .iter()
        .find(|c| c["claim_id"] == supply_id)
        .expect("the reviewed claim is listed");
    assert_eq!(removed["status"], "removed");
    assert_eq!(removed["last_version_id"], first_version);
    assert_eq!(removed["verdict"], "false");
    assert_eq!(removed["review_status"], "checked");
    let price = affected
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("10 persen"))
        .expect("the price claim is edited");
    assert_eq!(price["status"], "edited");
    assert_eq!(
        price["new_text"].as_str().unwrap(),
        "Harga beras medium naik 12 persen pekan ini di seluruh pasar Palembang."
    );

    let missing = factdesk(&db, &["versions", "999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no article with id 999"),
        "{}",
        stderr(&missing)
    );
}

/// A page published on 25 November 2026 whose price `served` says.
fn served_page(price: &str) -> String {
    format!(
        "<html lang=\"id\"><head><title>Harga gas naik</title>\
         <meta property=\"article:published_time\" content=\"2026-11-25T09:00:00+07:00\"></head><body><article><h1>Harga gas naik</h1>\
         <p>Harga gas elpiji tiga kilogram di tingkat pengecer naik menjadi {price} per tabung, kata seorang pedagang di pasar itu.</p>\
         <p>Pemerintah kota mengatakan pasokan akan ditambah mulai pekan depan agar harga kembali turun seperti bulan lalu.</p></article></body></html>"
    )
}

#[test]
fn watch_checks_fetched_articles_and_flags_edits_from_the_command_line() {
    use std::sync::{Arc, Mutex};
    let served = Arc::new(Mutex::new(served_page("Rp 25.000")));
    let page = served.clone();
    let base = factdesk_testkit::serve(move |path| match path {
        "/berita" => factdesk_testkit::reply(
            "200 OK",
            "text/html; charset=utf-8",
            page.lock().unwrap().clone(),
        ),
        _ => factdesk_testkit::reply("404 Not Found", "text/plain", "tidak ada"),
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let url = format!("{base}/berita");
    let imported = json_lines(&factdesk(&db, &["import", "--json", &url]));
    let id = imported[0]["article_id"].as_i64().unwrap().to_string();

    let watched = json_lines(&factdesk(&db, &["watch", "list", "--json"]));
    assert_eq!(watched.len(), 1, "a fetched article is watched");
    assert_eq!(watched[0]["url"], url.as_str());
    assert!(watched[0]["next_check_at"].is_string());

    let quiet = factdesk(&db, &["watch"]);
    assert!(quiet.status.success(), "{}", stderr(&quiet));
    assert!(
        stderr(&quiet).contains("0 checked"),
        "nothing is due yet: {}",
        stderr(&quiet)
    );

    *served.lock().unwrap() = served_page("Rp 28.000");
    let checked = factdesk(&db, &["watch", "--all"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let text = String::from_utf8(checked.stdout).unwrap();
    assert!(
        text.contains(&format!("#{id:<6} changed")) && text.contains("substantive change"),
        "{text}"
    );
    let list = String::from_utf8(factdesk(&db, &["list"]).stdout).unwrap();
    assert!(list.contains("(2 versions)  edited"), "{list}");

    let schedule = factdesk(&db, &["watch", "schedule", "1h until 2d, 1d"]);
    assert_eq!(
        String::from_utf8_lossy(&schedule.stdout).trim(),
        "1h until 2d, 1d"
    );
    let bad = factdesk(&db, &["watch", "schedule", "sometimes"]);
    assert_fails(&bad, "not a duration");

    *served.lock().unwrap() = String::new();
    let broken = factdesk(&db, &["watch", "--all"]);
    assert!(
        !broken.status.success(),
        "a failed fetch fails the run for cron"
    );
    assert!(
        String::from_utf8_lossy(&broken.stdout).contains("failed"),
        "{}",
        String::from_utf8_lossy(&broken.stdout)
    );
    let removed = json_lines(&factdesk(&db, &["watch", "remove", "--json", &id]));
    assert_eq!(removed[0]["watched"], false);
    assert!(json_lines(&factdesk(&db, &["watch", "list", "--json"])).is_empty());

    // A saved copy of a page that has no canonical link, added to the article by choice.
    let copy = dir.path().join("salinan.html");
    std::fs::write(&copy, served_page("Rp 30.000")).unwrap();
    let added = json_lines(&factdesk(
        &db,
        &[
            "import",
            "--json",
            "--as-version-of",
            &id,
            copy.to_str().unwrap(),
        ],
    ));
    assert_eq!(added[0]["status"], "imported");
    assert_eq!(added[0]["article_id"].as_i64().unwrap().to_string(), id);
    let versions = json_lines(&factdesk(&db, &["versions", "--json", &id]));
    assert_eq!(versions.len(), 3);
    let two = factdesk(&db, &["import", "--as-version-of", &id, "a.txt", "b.txt"]);
    assert_fails(&two, "one file");
}

/// A crash at any moment loses nothing saved: an import killed with SIGKILL mid-run leaves
/// a sound database holding only whole articles, and importing again adds the rest.
#[test]
fn a_killed_import_leaves_only_whole_articles_and_the_rest_follows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    const FILES: usize = 1_500;
    for i in 0..FILES {
        std::fs::write(
            inbox.join(format!("berita-{i:04}.txt")),
            format!(
                "Harga beras naik di kota {i}\nKota {i} - Harga beras di pasar naik {i} persen pada Senin, kata Ketua Asosiasi Pedagang Siti Aminah. \"Pasokan berkurang,\" ujarnya."
            ),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&inbox)
        .env_remove("FACTDESK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as a first batch is committed.
    let started = std::time::Instant::now();
    let stored = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .and_then(|c| c.query_row("SELECT count(*) FROM version", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    while stored(&db) == 0 && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let sql = rusqlite::Connection::open(&db).unwrap();
    let check: String = sql
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let count = |query: &str| -> i64 { sql.query_row(query, [], |r| r.get(0)).unwrap() };
    let articles = count("SELECT count(*) FROM article");
    assert!(
        articles > 0 && (articles as usize) < FILES,
        "the import was killed mid-run: {articles} of {FILES} stored"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM version v WHERE v.article_id = a.id)"
        ),
        0,
        "an article without its text"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM version v WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.version_id = v.id)"
        ),
        0,
        "a version stored without its analysis"
    );
    assert_eq!(count("SELECT count(*) FROM version"), articles);
    drop(sql);

    let again = factdesk(&db, &["import", inbox.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(&format!(
            "{} imported, {articles} already present, 0 failed",
            FILES as i64 - articles
        )),
        "{}",
        stderr(&again)
    );
}
