//! `factdesk match` as a user runs it: the built binary on real files.

use std::path::Path;
use std::process::{Command, Output};

fn factdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(args)
        .env_remove("FACTDESK_DB")
        .output()
        .unwrap()
}

fn json_line(output: &Output) -> serde_json::Value {
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "one JSON object: {text}");
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("not JSON: {text:?}: {e}"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const TRANSCRIPT: &str = "Transcript of the briefing, 14 March 2024.\r\n\
THE SECRETARY: Thanks for coming. We will not raise fuel duties this year, unless the deficit grows beyond 3 percent of GDP.\r\n\
Our reserves cover four months of imports — and that’s enough.";

#[test]
fn match_json_follows_the_contract_for_each_class() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite3");
    let source = write(dir.path(), "transcript.txt", TRANSCRIPT);
    let run = |quote: &str| {
        let quote = write(dir.path(), "quote.txt", quote);
        let output = factdesk(&[
            "--db",
            db.to_str().unwrap(),
            "match",
            "--json",
            &quote,
            &source,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        json_line(&output)
    };

    let verbatim = run("“our reserves cover FOUR months of imports”");
    assert_eq!(verbatim["class"], "verbatim");
    assert_eq!(verbatim["score"], 1.0);
    assert_eq!(verbatim["edits"], serde_json::json!([]));
    // Code points into the text with line endings normalised to \n.
    let text = TRANSCRIPT.replace("\r\n", "\n");
    let start = text
        .find("Our reserves")
        .map(|at| text[..at].chars().count())
        .unwrap();
    assert_eq!(verbatim["source_start"], start);
    assert_eq!(
        verbatim["source_end"],
        start + "Our reserves cover four months of imports".chars().count()
    );

    // Cut at the end only, the words are still the source's; a clause cut from the middle
    // changes the promise.
    assert_eq!(
        run("We will not raise fuel duties this year.")["class"],
        "verbatim"
    );
    let altered =
        run("We will not raise fuel duties this year. Our reserves cover four months of imports.");
    assert_eq!(altered["class"], "altered");
    assert_eq!(
        altered["edits"],
        serde_json::json!([{"op": "delete", "quote": "", "source": "unless the deficit grows beyond 3 percent of GDP"}])
    );
    let score = altered["score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 1.0, "{score}");

    let changed = run(
        "We will not raise fuel duties this year, unless the deficit grows beyond 5 percent of GDP",
    );
    assert_eq!(
        changed["edits"],
        serde_json::json!([{"op": "replace", "quote": "5", "source": "3"}])
    );

    let absent = run("The new bridge opens to traffic in the spring.");
    assert_eq!(absent["class"], "not_found");
    assert!(absent["source_start"].is_null() && absent["source_end"].is_null());
    assert!(
        !dir.path().join("unused.sqlite3").exists(),
        "match stores nothing"
    );
}

#[test]
fn an_html_source_is_matched_by_its_extracted_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "rilis.html",
        "<html><head><title>Rilis</title></head><body><nav>Beranda</nav><article><h1>Rilis pers</h1>\
         <p>Menteri mengatakan stok beras di gudang cukup untuk empat bulan ke depan.</p>\
         <p>Baca juga: Harga cabai turun</p>\
         <p>Pemerintah juga menyalurkan bantuan pangan kepada 22 juta keluarga setiap bulan.</p></article></body></html>",
    );
    let quote = write(
        dir.path(),
        "kutipan.txt",
        "“Pemerintah menyalurkan bantuan pangan kepada 22 juta keluarga setiap bulan”",
    );
    let output = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "match",
        "--json",
        &quote,
        &page,
    ]);
    assert!(output.status.success());
    let found = json_line(&output);
    assert_eq!(found["class"], "altered");
    assert_eq!(
        found["edits"],
        serde_json::json!([{"op": "delete", "quote": "", "source": "juga"}])
    );
    let extracted = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "extract",
        "--json",
        &page,
    ]);
    let body = json_line(&extracted)["body"].as_str().unwrap().to_string();
    let (start, end) = (
        found["source_start"].as_u64().unwrap() as usize,
        found["source_end"].as_u64().unwrap() as usize,
    );
    let passage: String = body.chars().skip(start).take(end - start).collect();
    assert_eq!(
        passage,
        "Pemerintah juga menyalurkan bantuan pangan kepada 22 juta keluarga setiap bulan"
    );
}

#[test]
fn bad_input_is_an_error_object_and_exit_code_one() {
    let dir = tempfile::tempdir().unwrap();
    let source = write(dir.path(), "sumber.txt", "Harga beras naik.");
    let missing = dir.path().join("hilang.txt");
    let output = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "match",
        "--json",
        missing.to_str().unwrap(),
        &source,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error = json_line(&output);
    assert_eq!(
        error["error"],
        format!("{} does not exist", missing.display())
    );

    let binary = dir.path().join("gambar.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let quote = write(dir.path(), "kutipan.txt", "harga beras");
    let output = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "match",
        &quote,
        binary.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("gambar.txt") && text.contains("PNG"),
        "{text}"
    );
}

#[test]
fn text_output_shows_the_passage_and_each_edit() {
    let dir = tempfile::tempdir().unwrap();
    let source = write(dir.path(), "transcript.txt", TRANSCRIPT);
    let quote = write(
        dir.path(),
        "quote.txt",
        "We will not raise fuel duties this year, unless the deficit grows beyond 5 percent of GDP",
    );
    let output = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "match",
        &quote,
        &source,
    ]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("altered (score 0."), "{text}");
    assert!(text.contains("source: We will not raise fuel duties this year, unless the deficit grows beyond 3 percent of GDP"), "{text}");
    assert!(text.contains("changed  “3” → “5”"), "{text}");
    assert!(
        !text.contains("goes on"),
        "the whole sentence was quoted: {text}"
    );

    // A verbatim cut that stops before the condition says where the sentence goes on.
    let cut = write(
        dir.path(),
        "cut.txt",
        "we will not raise fuel duties this year",
    );
    let output = factdesk(&[
        "--db",
        dir.path().join("x.sqlite3").to_str().unwrap(),
        "match",
        &cut,
        &source,
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("verbatim (score 1.000)"), "{text}");
    assert!(
        text.contains(
            "the source sentence goes on: “, unless the deficit grows beyond 3 percent of GDP.”"
        ),
        "{text}"
    );
}

#[test]
fn quote_search_lists_articles_with_the_words_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wb.sqlite3");
    let db = db.to_str().unwrap();
    // Imported newest first, so the order shown must come from the dates in the texts.
    let later = write(
        dir.path(),
        "later.txt",
        "Harga beras aman sampai akhir tahun\n\nSurabaya - Pemerintah menjamin harga. Jumat, 15 September 2023.\n\n\
         \"Pemerintah tidak akan menaikkan harga beras sampai akhir 2023,\" ujar Budi Santoso di Surabaya.\n",
    );
    let earlier = write(
        dir.path(),
        "earlier.txt",
        "Menteri: harga beras tidak naik\n\nJakarta - Menteri berbicara kepada wartawan. Kamis, 14 September 2023.\n\n\
         \"Pemerintah tidak akan menaikkan harga beras sampai akhir tahun,\" kata Menteri Perdagangan Budi Santoso.\n",
    );
    let unrelated = write(
        dir.path(),
        "other.txt",
        "Harga cabai turun\n\nMedan - Harga cabai turun. Rabu, 13 September 2023.\n\n\"Harga cabai turun karena panen raya,\" kata Andi Wijaya.\n",
    );
    let import = factdesk(&["--db", db, "import", "--json", &later, &earlier, &unrelated]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let output = factdesk(&[
        "--db",
        db,
        "quote-search",
        "--json",
        "pemerintah tidak akan menaikkan harga beras sampai akhir tahun",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sightings: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(sightings.len(), 2, "{sightings:?}");
    assert_eq!(sightings[0]["title"], "Menteri: harga beras tidak naik");
    assert_eq!(sightings[0]["appeared"], "2023-09-14T00:00:00+07:00");
    assert_eq!(
        (
            sightings[0]["class"].as_str(),
            sightings[0]["first"].as_bool()
        ),
        (Some("verbatim"), Some(true))
    );
    assert_eq!(
        sightings[0]["kind"], "direct",
        "the quotation rather than the sentence holding it"
    );
    assert_eq!(sightings[1]["title"], "Harga beras aman sampai akhir tahun");
    assert_eq!(
        (
            sightings[1]["class"].as_str(),
            sightings[1]["first"].as_bool()
        ),
        (Some("altered"), Some(false))
    );

    let none = factdesk(&[
        "--db",
        db,
        "quote-search",
        "--json",
        "jembatan baru dibuka untuk umum bulan depan",
    ]);
    assert!(none.status.success());
    assert!(none.stdout.is_empty());
    let blank = factdesk(&["--db", db, "quote-search", "…"]);
    assert_eq!(blank.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&blank.stderr).contains("words of a quotation"));
}
