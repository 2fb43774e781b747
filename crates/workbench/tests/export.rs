//! Verification reports from a real workbench: two short articles written here (Indonesian
//! and English) imported into a real SQLite file, claims marked and reviewed through the
//! review use case, then exported in every format. Snapshots hold each format's output.

use factdesk_workbench::{
    Clock, ExportFormat, ExportRequest, ExportSelection, ReviewRequest, Workbench,
};
use std::path::{Path, PathBuf};

const IMPORTED_AT: &str = "2025-06-20T08:00:00Z";
const EXPORTED_AT: &str = "2025-06-21T10:00:00Z";

const INDONESIAN: &str = "Harga beras naik 40 persen di Palembang\n\n\
Palembang - Harga beras medium di pasar tradisional naik 40 persen sejak Januari, kata Kepala Dinas Perdagangan, Siti Aminah, Kamis (19/6/2025).\n\n\
\"Kami sudah menyalurkan dua juta ton beras ke pasar,\" ujar juru bicara Bulog, Budi Santoso.\n\n\
Warga menempelkan tulisan <script>alert('x')</script> dan =SUM(A1) di media sosial.";

const ENGLISH: &str = "Unemployment falls to a record low\n\n\
The minister said unemployment fell to 4.8 percent in June, the lowest figure since 1998.\n\n\
\"We created half a million jobs this year,\" said Labour Minister John Carter on Tuesday.";

struct Fixture {
    dir: tempfile::TempDir,
    workbench: Workbench,
    indonesian: i64,
    english: i64,
}

/// The code point range of `needle` in an article's stored text.
fn span(workbench: &Workbench, article: i64, needle: &str) -> (i64, usize, usize) {
    let detail = workbench.show(article, None).unwrap();
    let byte = detail
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", detail.text));
    let start = detail.text[..byte].chars().count();
    (detail.version_id, start, start + needle.chars().count())
}

fn review(
    workbench: &mut Workbench,
    article: i64,
    kind: &str,
    needle: &str,
    request: ReviewRequest,
) -> i64 {
    let (version, start, end) = span(workbench, article, needle);
    let claim = workbench.mark(article, version, kind, start, end).unwrap();
    workbench.review(claim.id, &request).unwrap();
    claim.id
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut workbench = Workbench::open(&dir.path().join("factdesk.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed(IMPORTED_AT.into()));
    let files: Vec<PathBuf> = [("id.txt", INDONESIAN), ("en.txt", ENGLISH)]
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let report = workbench.import_paths(&files);
    let ids: Vec<i64> = report
        .outcomes
        .iter()
        .map(|o| o.article_id.expect("imported"))
        .collect();
    workbench.set_reviewer("Rina Sari").unwrap();
    let request = |verdict: &str, status: &str, notes: &str| ReviewRequest {
        verdict: Some(verdict.into()),
        status: Some(status.into()),
        notes: Some(notes.into()),
        ..ReviewRequest::default()
    };
    review(
        &mut workbench,
        ids[0],
        "claim",
        "Harga beras medium di pasar tradisional naik 40 persen sejak Januari",
        request(
            "false",
            "checked",
            "Data BPS: naik 14 persen, bukan 40.\nLihat tabel 2.",
        ),
    );
    let quote = review(
        &mut workbench,
        ids[0],
        "direct",
        "Kami sudah menyalurkan dua juta ton beras ke pasar,",
        request("mostly-true", "published", "=1+1 angka Bulog 1,8 juta ton"),
    );
    workbench
        .review(
            quote,
            &ReviewRequest {
                speaker: Some("Budi Santoso".into()),
                ..ReviewRequest::default()
            },
        )
        .unwrap();
    review(
        &mut workbench,
        ids[0],
        "claim",
        "Warga menempelkan tulisan <script>alert('x')</script> dan =SUM(A1)",
        request("unproven", "in-review", ""),
    );
    review(
        &mut workbench,
        ids[1],
        "claim",
        "unemployment fell to 4.8 percent in June, the lowest figure since 1998",
        request("misleading", "checked", "Lowest since 2001, not 1998."),
    );
    workbench
        .set_organisation("Cek Fakta Kita", Some("https://cekfakta.example"))
        .unwrap();
    let workbench = workbench.with_clock(Clock::Fixed(EXPORTED_AT.into()));
    Fixture {
        indonesian: ids[0],
        english: ids[1],
        dir,
        workbench,
    }
}

impl Fixture {
    fn export(
        &self,
        format: ExportFormat,
        selection: ExportSelection,
        language: Option<&str>,
    ) -> Vec<u8> {
        let output = self.dir.path().join(format!("out-{}", format.name()));
        let request = ExportRequest {
            format,
            selection,
            output: output.clone(),
            language: language.map(str::to_string),
            templates: None,
        };
        let outcome = self.workbench.export(&request).unwrap();
        assert_eq!(outcome.path, output.display().to_string());
        std::fs::read(output).unwrap()
    }

    /// Output with the temporary folder's path replaced, as it appears raw and HTML-escaped.
    fn stable(&self, bytes: &[u8]) -> String {
        let dir = self.dir.path().display().to_string();
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .replace(&dir, "[DIR]")
            .replace(&dir.replace('/', "&#x2f;"), "[DIR]")
    }
}

fn article(id: i64) -> ExportSelection {
    ExportSelection::Article { article_id: id }
}

#[test]
fn markdown_report_of_an_article() {
    let f = fixture();
    insta::assert_snapshot!(f.stable(&f.export(ExportFormat::Md, article(f.indonesian), None)));
}

#[test]
fn html_report_of_an_article_in_both_languages() {
    let f = fixture();
    let indonesian = f.stable(&f.export(ExportFormat::Html, article(f.indonesian), None));
    assert!(
        indonesian.contains("&lt;script&gt;alert(") && !indonesian.contains("<script>alert"),
        "article text must be escaped"
    );
    assert!(indonesian.contains("<html lang=\"id\">") && indonesian.contains("Sebagian benar"));
    insta::assert_snapshot!("html_id", indonesian);
    let english = f.stable(&f.export(ExportFormat::Html, article(f.indonesian), Some("en")));
    assert!(
        english.contains("<html lang=\"en\">")
            && english.contains("Mostly true")
            && english.contains("Verification report")
    );
    let default_english = f.stable(&f.export(ExportFormat::Html, article(f.english), None));
    assert!(
        default_english.contains("<html lang=\"en\">"),
        "an English article's report defaults to English"
    );
}

#[test]
fn json_report_of_everything_validates_against_the_schema() {
    let f = fixture();
    let bytes = f.export(ExportFormat::Json, ExportSelection::All, None);
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let schema: serde_json::Value = serde_json::from_str(factdesk_report_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        json["language"], "en",
        "articles in two languages give an English report"
    );
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
    insta::assert_snapshot!(f.stable(&bytes));
}

fn factdesk_report_schema() -> &'static str {
    include_str!("../../report/schema/report-v1.schema.json")
}

#[test]
fn csv_of_selected_claims() {
    let f = fixture();
    let all: Vec<i64> = f
        .workbench
        .report_data(&ExportSelection::All, None)
        .unwrap()
        .claims()
        .map(|(_, c)| c.id)
        .collect();
    assert_eq!(all.len(), 4);
    let csv = f.stable(&f.export(
        ExportFormat::Csv,
        ExportSelection::Claims {
            claim_ids: vec![all[1], all[2]],
        },
        None,
    ));
    assert!(
        csv.contains(",\"'=1+1 angka Bulog"),
        "a formula-like cell is neutralised: {csv}"
    );
    insta::assert_snapshot!(csv);
}

#[test]
fn claimreview_of_a_period() {
    let f = fixture();
    let selection = ExportSelection::Period {
        since: Some("2025-06-20".into()),
        until: Some("2025-06-20".into()),
    };
    let bytes = f.export(ExportFormat::Claimreview, selection, Some("id"));
    let reviews: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(reviews.as_array().unwrap().len(), 4);
    assert!(
        factdesk_workbench::Workbench::validate_claimreview_file(
            &f.dir.path().join("out-claimreview")
        )
        .unwrap()
        .iter()
        .all(|x| x.severity == factdesk_workbench::Severity::Warning)
    );
    insta::assert_snapshot!(f.stable(&bytes));
    let outside = ExportSelection::Period {
        since: Some("2025-07-01".into()),
        until: None,
    };
    assert_eq!(
        f.workbench
            .report_data(&outside, None)
            .unwrap()
            .claims()
            .count(),
        0
    );
}

#[test]
fn claimreview_without_an_organisation_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbench = Workbench::open(&dir.path().join("db.sqlite3"))
        .unwrap()
        .with_clock(Clock::Fixed(IMPORTED_AT.into()));
    let path = dir.path().join("id.txt");
    std::fs::write(&path, INDONESIAN).unwrap();
    let id = workbench.import_paths(&[path]).outcomes[0]
        .article_id
        .unwrap();
    review(
        &mut workbench,
        id,
        "claim",
        "Harga beras medium",
        ReviewRequest {
            verdict: Some("false".into()),
            ..ReviewRequest::default()
        },
    );
    let output = dir.path().join("cr.jsonld");
    let request = ExportRequest {
        format: ExportFormat::Claimreview,
        selection: ExportSelection::All,
        output: output.clone(),
        language: None,
        templates: None,
    };
    let error = workbench.export(&request).unwrap_err().to_string();
    assert!(
        error.contains("author is missing")
            && error.contains("factdesk organisation NAME --url URL"),
        "{error}"
    );
    assert!(!output.exists(), "nothing is written when validation fails");
}

#[test]
fn evidence_bundle_holds_the_report_the_captures_and_a_manifest() {
    let f = fixture();
    let bytes = f.export(ExportFormat::Bundle, article(f.indonesian), None);
    let check = Workbench::verify_bundle_file(&f.dir.path().join("out-bundle")).unwrap();
    assert!(check.is_intact(), "{check:?}");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut manifest = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("manifest.sha256").unwrap(),
        &mut manifest,
    )
    .unwrap();
    let mut capture = Vec::new();
    std::io::Read::read_to_end(
        &mut archive
            .by_name(&format!(
                "captures/article-{0}-version-{0}.txt",
                f.indonesian
            ))
            .unwrap(),
        &mut capture,
    )
    .unwrap();
    assert_eq!(
        capture,
        INDONESIAN.as_bytes(),
        "the capture is the file exactly as imported"
    );
    // The report's own hashes depend on the temporary folder's name, which it shows.
    let manifest: String = manifest
        .lines()
        .map(|line| {
            if line.ends_with("report.html") || line.ends_with("report.json") {
                format!("[HASH]{}\n", &line[64..])
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    insta::assert_snapshot!(manifest);
}

#[test]
fn the_same_database_gives_byte_identical_exports() {
    let f = fixture();
    for format in [
        ExportFormat::Md,
        ExportFormat::Html,
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Claimreview,
        ExportFormat::Bundle,
    ] {
        let first = f.export(format, ExportSelection::All, None);
        let second = f.export(format, ExportSelection::All, None);
        assert!(
            first == second,
            "{} differs between two exports",
            format.name()
        );
    }
}

#[test]
fn bad_requests_name_what_is_wrong() {
    let f = fixture();
    let error = |selection: ExportSelection, output: &Path, language: Option<&str>| {
        let request = ExportRequest {
            format: ExportFormat::Html,
            selection,
            output: output.to_path_buf(),
            language: language.map(str::to_string),
            templates: None,
        };
        f.workbench.export(&request).unwrap_err().to_string()
    };
    let out = f.dir.path().join("x.html");
    assert!(error(article(999), &out, None).contains("no article with id 999"));
    assert!(
        error(
            ExportSelection::Claims {
                claim_ids: vec![1, 4242]
            },
            &out,
            None
        )
        .contains("no claim or quotation with id 4242")
    );
    assert!(
        error(
            ExportSelection::Period {
                since: Some("21/06/2025".into()),
                until: None
            },
            &out,
            None
        )
        .contains("\"21/06/2025\" is not a day")
    );
    assert!(
        error(ExportSelection::All, &out, Some("fr")).contains("reports are written in en or id")
    );
    assert!(
        error(
            ExportSelection::All,
            &f.dir.path().join("no/such/x.html"),
            None
        )
        .contains("does not exist")
    );
    assert!(!out.exists());
}

#[test]
fn a_folder_as_output_gets_a_safe_generated_name() {
    let f = fixture();
    let request = ExportRequest {
        format: ExportFormat::Csv,
        selection: ExportSelection::All,
        output: f.dir.path().to_path_buf(),
        language: None,
        templates: None,
    };
    let outcome = f.workbench.export(&request).unwrap();
    assert_eq!(
        outcome.path,
        f.dir
            .path()
            .join("factdesk-report-all.csv")
            .display()
            .to_string()
    );
    assert_eq!((outcome.articles, outcome.claims), (2, 4));
}

#[test]
fn users_templates_come_from_a_folder() {
    let mut f = fixture();
    let templates = f.dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("report.html.jinja"),
        "<h1>{{ report.organisation.name }}: {{ report.articles|length }}</h1>",
    )
    .unwrap();
    let request = |templates: Option<PathBuf>| ExportRequest {
        format: ExportFormat::Html,
        selection: ExportSelection::All,
        output: f.dir.path().join("custom.html"),
        language: None,
        templates,
    };
    f.workbench
        .export(&request(Some(templates.clone())))
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(f.dir.path().join("custom.html")).unwrap(),
        "<h1>Cek Fakta Kita: 2</h1>"
    );
    f.workbench.set_report_templates(&templates).unwrap();
    std::fs::remove_file(f.dir.path().join("custom.html")).unwrap();
    f.workbench.export(&request(None)).unwrap();
    assert_eq!(
        std::fs::read_to_string(f.dir.path().join("custom.html")).unwrap(),
        "<h1>Cek Fakta Kita: 2</h1>",
        "the preference applies"
    );
    std::fs::write(templates.join("report.html.jinja"), "{% if %}").unwrap();
    let error = f.workbench.export(&request(None)).unwrap_err().to_string();
    assert!(
        error.contains("templates has a template that does not work: template report.html.jinja"),
        "{error}"
    );
}

/// Sources, links and later-version anchors are recorded by the source-matching and
/// version-watching features; this test writes them with plain SQL, as those will.
#[test]
fn evidence_matches_and_later_versions_reach_the_report_and_the_bundle() {
    let f = fixture();
    let data = f
        .workbench
        .report_data(&article(f.indonesian), None)
        .unwrap();
    let quote = data.articles[0]
        .claims
        .iter()
        .find(|c| c.kind == "direct")
        .unwrap()
        .id;
    let version = data.articles[0].versions[0].id;
    let source = b"Transkrip: Kami sudah menyalurkan 1,8 juta ton beras ke pasar.";
    let sql = rusqlite::Connection::open(f.dir.path().join("factdesk.sqlite3")).unwrap();
    sql.execute(
        "INSERT INTO source (id, kind, title, url, sha256, media_type, raw_zstd, text, captured_at)
         VALUES (5, 'transcript', 'Transkrip konferensi pers', 'https://bulog.example/transkrip', ?1, 'text/plain', ?2, ?3, '2025-06-20T07:00:00Z')",
        rusqlite::params![factdesk_core::hash::sha256_hex(source), zstd::encode_all(&source[..], 3).unwrap(), String::from_utf8_lossy(source)],
    )
    .unwrap();
    sql.execute(
        "INSERT INTO link (claim_id, source_id, relation, match_class, score, source_start, source_end, created_at)
         VALUES (?1, 5, 'original', 'altered', 0.86, 11, 62, '2025-06-20T07:30:00Z')",
        [quote],
    )
    .unwrap();
    sql.execute("INSERT INTO claim_anchor (claim_id, version_id, status, text) VALUES (?1, ?2, 'unchanged', NULL)", [quote, version]).unwrap();

    let data = f
        .workbench
        .report_data(&article(f.indonesian), Some("en"))
        .unwrap();
    let claim = data.articles[0]
        .claims
        .iter()
        .find(|c| c.id == quote)
        .unwrap();
    assert_eq!(
        claim.evidence[0].sha256.as_deref(),
        Some(factdesk_core::hash::sha256_hex(source).as_str())
    );
    assert_eq!(
        claim.first_appearance.as_ref().map(|a| a.url.as_str()),
        Some("https://bulog.example/transkrip"),
        "the source marked as the original is where the quotation first appeared"
    );
    let matched = claim.source_match.as_ref().unwrap();
    assert_eq!(
        (
            matched.class.as_str(),
            matched.source_start,
            matched.source_end
        ),
        ("altered", Some(11), Some(62))
    );
    assert_eq!(
        claim.later_versions.as_ref().unwrap()[0].status,
        "unchanged"
    );
    let html = f.stable(&f.export(ExportFormat::Html, article(f.indonesian), Some("en")));
    for expected in [
        "Match with the source",
        "Altered",
        "Original statement",
        "Transkrip konferensi pers",
        "In later versions",
    ] {
        assert!(
            html.contains(expected),
            "{expected} missing from the HTML report"
        );
    }
    f.export(ExportFormat::Bundle, article(f.indonesian), None);
    let bundle = std::fs::read(f.dir.path().join("out-bundle")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundle)).unwrap();
    let mut archived = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("sources/source-5.txt").unwrap(),
        &mut archived,
    )
    .unwrap();
    assert_eq!(
        archived, source,
        "the cited source is in the bundle exactly as archived"
    );
    assert!(
        Workbench::verify_bundle_file(&f.dir.path().join("out-bundle"))
            .unwrap()
            .is_intact()
    );
}
