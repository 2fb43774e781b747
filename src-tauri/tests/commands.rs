//! The Tauri commands through Tauri's IPC on the mock runtime, with the app's real
//! configuration and capabilities, over a real database file.

use factdesk_desktop::{AppState, configure};
use serde_json::{Value, json};
use std::path::Path;
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};

struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Harness {
    fn new(db: &Path) -> Harness {
        let app = configure(mock_builder(), AppState::open(db))
            .build(tauri::generate_context!())
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness { _app: app, window }
    }

    /// Calls a command as the window would; `Err` carries the IPC error payload.
    fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        self.invoke_from(command, args, "tauri://localhost")
    }

    /// Imports a short article with one quotation and returns its id and analysis.
    fn import_quotation(&self, dir: &Path) -> (Value, Value) {
        let article = dir.join("gas.txt");
        std::fs::write(
            &article,
            "Harga gas naik\n\n\"Harga gas naik 12 persen,\" kata Menteri Energi Rina Sari.",
        )
        .unwrap();
        let report = self
            .invoke("import_paths", json!({ "paths": [article] }))
            .unwrap();
        let outcome = &report["outcomes"][0];
        let (id, version) = (outcome["article_id"].clone(), outcome["version_id"].clone());
        let analysis = self
            .invoke("article_analysis", json!({ "id": id, "version": version }))
            .unwrap();
        (id, analysis)
    }

    fn invoke_from(&self, command: &str, args: Value, origin: &str) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: origin.parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn import_list_search_and_open_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    let article = dir.path().join("gas.txt");
    std::fs::write(
        &article,
        "Harga gas naik\n\nHarga gas di tingkat pengecer naik 12 persen, kata seorang pedagang.",
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");

    let report = harness
        .invoke("import_paths", json!({ "paths": [article, missing] }))
        .unwrap();
    assert_eq!(report["cancelled"], false);
    assert_eq!(report["outcomes"][0]["status"], "imported");
    assert_eq!(report["outcomes"][1]["status"], "error");
    assert_eq!(
        report["outcomes"][1]["error"],
        format!("{} does not exist", missing.display())
    );
    let id = report["outcomes"][0]["article_id"].as_i64().unwrap();

    let page = harness
        .invoke("list_articles", json!({ "offset": 0, "limit": 50 }))
        .unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["articles"][0]["title"], "Harga gas naik");

    let hits = harness
        .invoke(
            "search_articles",
            json!({ "query": "pedagang", "limit": 10 }),
        )
        .unwrap();
    assert_eq!(hits[0]["article_id"], id);

    let detail = harness.invoke("open_article", json!({ "id": id })).unwrap();
    assert!(detail["text"].as_str().unwrap().contains("12 persen"));
    assert_eq!(detail["versions"].as_array().unwrap().len(), 1);

    let analysis = harness
        .invoke(
            "article_analysis",
            json!({ "id": id, "version": detail["version_id"] }),
        )
        .unwrap();
    let claims = analysis["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["kind"] == "claim"
            && c["reasons"].as_array().unwrap().contains(&json!("percent"))),
        "the 12 percent sentence is a check-worthy claim: {analysis}"
    );

    // Review a claim through IPC and read its trail.
    let claim_id = claims[0]["id"].as_i64().unwrap();
    let reviewed = harness
        .invoke(
            "review_claim",
            json!({ "claim": claim_id, "request": { "verdict": "false", "status": "checked" } }),
        )
        .unwrap();
    assert_eq!(reviewed["verdict"], "false");
    let history = harness
        .invoke("claim_history", json!({ "claim": claim_id }))
        .unwrap();
    assert_eq!(history.as_array().unwrap().len(), 2);
    let refused = harness
        .invoke(
            "review_claim",
            json!({ "claim": claim_id, "request": { "verdict": "maybe" } }),
        )
        .unwrap_err();
    assert_eq!(refused["kind"], "invalid_input");
    assert!(
        harness
            .invoke("undo", json!({}))
            .unwrap()
            .as_str()
            .unwrap()
            .contains("verdict false")
    );
    assert_eq!(
        harness
            .invoke("ratings", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        harness
            .invoke("set_reviewer", json!({ "name": " Rina Sari " }))
            .unwrap(),
        "Rina Sari"
    );
    assert_eq!(harness.invoke("reviewer", json!({})).unwrap(), "Rina Sari");
    assert_eq!(
        harness
            .invoke("set_reviewer", json!({ "name": "" }))
            .unwrap_err()["kind"],
        "invalid_input"
    );

    let info = harness.invoke("app_info", json!({})).unwrap();
    assert!(info["database"].as_str().unwrap().ends_with("app.sqlite3"));
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    let error = harness
        .invoke("open_article", json!({ "id": 99 }))
        .unwrap_err();
    assert_eq!(
        error,
        json!({ "kind": "not_found", "message": "no article with id 99; `factdesk list` shows the ids" })
    );
}

#[test]
fn commands_from_other_origins_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    assert!(harness.invoke("app_info", json!({})).is_ok());
    let refused = harness.invoke_from("app_info", json!({}), "https://evil.example");
    assert!(
        refused.is_err(),
        "a remote page must not reach app commands: {refused:?}"
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_reported_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let not_db = dir.path().join("notes.sqlite3");
    std::fs::write(
        &not_db,
        "plain text, not an SQLite database, long enough for a header check",
    )
    .unwrap();
    let harness = Harness::new(&not_db);
    for (command, args) in [
        ("app_info", json!({})),
        ("list_articles", json!({ "offset": 0, "limit": 10 })),
        ("import_paths", json!({ "paths": [] })),
    ] {
        let error = harness.invoke(command, args).unwrap_err();
        assert_eq!(error["kind"], "database", "{command}: {error}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("notes.sqlite3 is not a factdesk database"),
            "{command}: {error}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&not_db).unwrap(),
        "plain text, not an SQLite database, long enough for a header check"
    );
}

#[test]
fn cancel_is_accepted_when_nothing_runs() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    assert_eq!(
        harness.invoke("cancel_import", json!({})).unwrap(),
        Value::Null
    );
}

#[test]
fn sources_are_added_and_linked_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    let (_, analysis) = harness.import_quotation(dir.path());
    let claim = analysis["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "direct")
        .expect("a quotation")["id"]
        .clone();

    let added = harness
        .invoke("add_source", json!({ "input": { "pasted": { "title": "Rekaman", "text": "Harga gas naik 12 persen." } } }))
        .unwrap();
    assert_eq!(added["new"], true);
    let source = added["source"]["id"].clone();
    let links = harness
        .invoke(
            "link_claim",
            json!({ "claim": claim, "source": source, "relation": "original", "note": "menit 3" }),
        )
        .unwrap();
    assert_eq!(
        (
            links[0]["relation"].as_str(),
            links[0]["source"]["title"].as_str()
        ),
        (Some("original"), Some("Rekaman"))
    );
    assert_eq!(
        harness
            .invoke("claim_links", json!({ "claim": claim }))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        harness
            .invoke("list_sources", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        harness
            .invoke("unlink_claim", json!({ "claim": claim, "source": source }))
            .unwrap(),
        json!([])
    );
    let error = harness
        .invoke(
            "link_claim",
            json!({ "claim": claim, "source": 99, "relation": "supports", "note": "" }),
        )
        .unwrap_err();
    assert_eq!(error["kind"], "invalid_input");
    let error = harness
        .invoke(
            "add_source",
            json!({ "input": { "file": dir.path().join("none.srt") } }),
        )
        .unwrap_err();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("none.srt does not exist"),
        "{error}"
    );
}

#[test]
fn a_report_is_exported_and_only_exported_files_may_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    let (id, analysis) = harness.import_quotation(dir.path());
    let claim = analysis["claims"][0]["id"].clone();
    harness
        .invoke(
            "review_claim",
            json!({ "claim": claim, "request": { "verdict": "false" } }),
        )
        .unwrap();

    let output = dir.path().join("laporan.html");
    let request = json!({ "format": "html", "selection": { "kind": "article", "article_id": id }, "output": output, "language": "id", "templates": null });
    let outcome = harness
        .invoke("export_report", json!({ "request": request }))
        .unwrap();
    assert_eq!(outcome["claims"], 1);
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("Harga gas naik 12 persen")
    );
    // The window may open what it exported, and nothing else (here: the imported article).
    let article = dir.path().join("gas.txt");
    let refused = harness
        .invoke("open_export", json!({ "path": article, "reveal": false }))
        .unwrap_err();
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("was not exported from this window"),
        "{refused}"
    );
}

#[test]
fn watched_articles_are_checked_through_ipc_and_each_check_is_announced() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;
    let served = Arc::new(Mutex::new(String::from("Rp 25.000")));
    let price = served.clone();
    let base = factdesk_testkit::serve(move |_| {
        factdesk_testkit::reply(
            "200 OK",
            "text/html; charset=utf-8",
            format!(
                "<html lang=\"id\"><head><title>Harga gas naik</title></head><body><article><h1>Harga gas naik</h1>\
                 <p>Harga gas elpiji tiga kilogram di tingkat pengecer naik menjadi {} per tabung, kata seorang pedagang di pasar itu.</p>\
                 <p>Pemerintah kota mengatakan pasokan akan ditambah mulai pekan depan agar harga kembali turun.</p></article></body></html>",
                price.lock().unwrap()
            ),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let harness = Harness::new(&dir.path().join("app.sqlite3"));
    let announced = Arc::new(Mutex::new(Vec::<Value>::new()));
    let heard = announced.clone();
    harness
        ._app
        .listen_any(factdesk_desktop::watcher::WATCH_EVENT, move |event| {
            heard
                .lock()
                .unwrap()
                .push(serde_json::from_str(event.payload()).unwrap());
        });

    let report = harness
        .invoke(
            "import_paths",
            json!({ "paths": [format!("{base}/berita")] }),
        )
        .unwrap();
    let id = report["outcomes"][0]["article_id"].as_i64().unwrap();
    let state = harness
        .invoke("watch_state", json!({ "article": id }))
        .unwrap();
    assert_eq!(state["watched"], true, "{state}");

    *served.lock().unwrap() = "Rp 28.000".into();
    let due = harness
        .invoke("check_watched", json!({ "all": false }))
        .unwrap();
    assert_eq!(due, json!([]), "not due for 15 minutes");
    let checks = harness
        .invoke("check_watched", json!({ "all": true }))
        .unwrap();
    assert_eq!(checks[0]["outcome"], "changed", "{checks}");
    assert_eq!(checks[0]["substantive"], true);
    assert_eq!(
        announced.lock().unwrap().as_slice(),
        checks.as_array().unwrap().as_slice(),
        "each check is announced to the window"
    );
    let page = harness
        .invoke("list_articles", json!({ "offset": 0, "limit": 5 }))
        .unwrap();
    assert!(page["articles"][0]["edited_at"].is_string(), "{page}");

    let off = harness
        .invoke("watch_article", json!({ "article": id, "on": false }))
        .unwrap();
    assert_eq!(off["watched"], false);
    let bad = harness
        .invoke("set_watch_schedule", json!({ "schedule": "often" }))
        .unwrap_err();
    assert_eq!(bad["kind"], "invalid_input", "{bad}");
    let schedule = harness
        .invoke(
            "set_watch_schedule",
            json!({ "schedule": "30m until 2d, 1d" }),
        )
        .unwrap();
    assert_eq!(schedule, "30m until 2d, 1d");

    let copy = dir.path().join("salinan.txt");
    std::fs::write(
        &copy,
        "Harga gas naik\nHarga gas turun lagi menjadi Rp 24.000 per tabung.",
    )
    .unwrap();
    let added = harness
        .invoke("import_version", json!({ "article": id, "path": copy }))
        .unwrap();
    assert_eq!(added["status"], "imported");
    assert_eq!(added["article_id"], id);

    let scales = harness
        .invoke(
            "define_scale",
            json!({ "name": "redaksi", "verdicts": "fakta | Fact | Fakta\nhoaks | Hoax | Hoaks\n" }),
        )
        .unwrap();
    assert_eq!(scales[1]["name"], "redaksi");
    let refused = harness
        .invoke(
            "define_scale",
            json!({ "name": "rusak", "verdicts": "satu | One" }),
        )
        .unwrap_err();
    assert!(
        refused["message"].as_str().unwrap().contains("line 1"),
        "{refused}"
    );
}
