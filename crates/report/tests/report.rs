//! The report formats on a model with every optional section: escaping, the JSON schema,
//! CSV columns, ClaimReview validity, template overrides and bundle checks.

mod fixture;

use factdesk_report::*;

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(REPORT_SCHEMA).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn json_report_validates_against_the_schema() {
    let validator = schema_validator();
    for data in [fixture::report(2, 5), fixture::report(1, 0)] {
        let json: serde_json::Value = serde_json::from_slice(&json_report(&data).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_schema_rejects_a_report_that_breaks_it() {
    let validator = schema_validator();
    let mut json: serde_json::Value =
        serde_json::from_slice(&json_report(&fixture::report(1, 1)).unwrap()).unwrap();
    json["articles"][0]["claims"][0]["status"] = "maybe".into();
    assert!(!validator.is_valid(&json));
    json["articles"][0]["claims"][0]["status"] = "checked".into();
    json["articles"][0]["versions"][0]["sha256"] = "not a hash".into();
    assert!(!validator.is_valid(&json));
}

#[test]
fn article_text_is_escaped_in_html_and_markdown() {
    let data = fixture::report(1, 4);
    let html = Renderer::new().html(&data).unwrap();
    assert!(!html.contains("<script>alert"), "raw script in the HTML");
    assert!(html.contains("&lt;script&gt;alert"));
    assert!(!html.contains("<b>inflasi</b>"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"//") && !html.contains("<link"),
        "the HTML must not load anything"
    );
    let markdown = Renderer::new().markdown(&data).unwrap();
    assert!(!markdown.contains("<script>") && markdown.contains("\\<script\\>"));
    assert!(markdown.contains("\\<b\\>inflasi\\</b\\>"));
}

#[test]
fn labels_follow_the_report_language() {
    let mut data = fixture::report(1, 4);
    let indonesian = Renderer::new().html(&data).unwrap();
    assert!(
        indonesian.contains("Laporan verifikasi")
            && indonesian.contains(">Salah<")
            && indonesian.contains("lang=\"id\"")
    );
    data.language = "en".into();
    let english = Renderer::new().html(&data).unwrap();
    assert!(
        english.contains("Verification report")
            && english.contains(">False<")
            && !english.contains("Laporan verifikasi")
    );
}

#[test]
fn optional_sections_render_when_present() {
    let data = fixture::report(1, 1);
    let html = Renderer::new().html(&data).unwrap();
    for expected in [
        "Kecocokan dengan sumber",
        "Diubah",
        "Di versi berikutnya",
        "Harga beras naik 14 persen",
        "Kemunculan pertama",
        "asal.example&#x2f;berita",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    let mut bare = data.clone();
    let claim = &mut bare.articles[0].claims[0];
    (
        claim.source_match,
        claim.later_versions,
        claim.first_appearance,
    ) = (None, None, None);
    let html = Renderer::new().html(&bare).unwrap();
    assert!(!html.contains("Kecocokan dengan sumber") && !html.contains("Di versi berikutnya"));
}

#[test]
fn csv_has_the_stable_columns_and_neutralised_cells() {
    let data = fixture::report(1, 4);
    let csv = claims_csv(&data).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 4);
    let text = |row: &csv::StringRecord| row.get(2).unwrap().to_string();
    assert_eq!(
        text(&rows[3]),
        format!("'{}", data.articles[0].claims[3].text)
    );
    assert_eq!(text(&rows[0]), data.articles[0].claims[0].text);
    assert_eq!(rows[0].get(5), Some("Benar"));
}

#[test]
fn claim_reviews_of_a_complete_report_validate() {
    let data = fixture::report(1, 5);
    let reviews = claim_reviews(&data);
    assert_eq!(reviews.as_array().unwrap().len(), 5);
    let findings = validate_claimreview(&reviews);
    assert!(
        findings.iter().all(|f| f.severity == Severity::Warning),
        "{findings:#?}"
    );
    let first = &reviews[0];
    assert_eq!(first["reviewRating"]["ratingValue"], 4);
    assert_eq!(first["reviewRating"]["bestRating"], 4);
    assert_eq!(first["reviewRating"]["alternateName"], "Benar");
    assert_eq!(
        reviews[3]["reviewRating"]["ratingValue"], 1,
        "False is the worst"
    );
    let unproven = &reviews[4]["reviewRating"];
    assert_eq!(unproven["alternateName"], "Tidak terbukti");
    assert!(
        unproven.get("ratingValue").is_none() && unproven.get("worstRating").is_none(),
        "Unproven is not ranked below False: {unproven}"
    );
    assert_eq!(first["url"], "https://cekfakta.example#claim-1");
    assert_eq!(
        first["itemReviewed"]["author"]["@type"], "Organization",
        "an unattributed claim is the outlet's"
    );
    assert_eq!(reviews[1]["itemReviewed"]["author"]["name"], "Budi Santoso");
    assert_eq!(
        first["itemReviewed"]["firstAppearance"]["url"],
        "https://asal.example/berita"
    );
}

#[test]
fn claim_reviews_without_an_organisation_are_invalid() {
    let mut data = fixture::report(1, 1);
    data.organisation = None;
    let findings = validate_claimreview(&claim_reviews(&data));
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with("url is missing") && errors[1].starts_with("author is missing"));
}

#[test]
fn users_templates_replace_the_shipped_ones() {
    let data = fixture::report(1, 1);
    let renderer = Renderer::with_overrides(&[(
        HTML_TEMPLATE.into(),
        "<p>{{ report.articles[0].title }} / {{ t.verdict }}</p>".into(),
    )])
    .unwrap();
    assert_eq!(
        renderer.html(&data).unwrap(),
        "<p>Harga beras &amp; &lt;b&gt;inflasi&lt;&#x2f;b&gt;, bagian 1 / Penilaian</p>"
    );
    assert!(
        renderer
            .markdown(&data)
            .unwrap()
            .starts_with("# Laporan verifikasi"),
        "the other template stays the shipped one"
    );
    let broken = Renderer::with_overrides(&[(MARKDOWN_TEMPLATE.into(), "{% for %}".into())])
        .err()
        .unwrap()
        .to_string();
    assert!(broken.starts_with("template report.md.jinja:"), "{broken}");
    let unknown = Renderer::with_overrides(&[("other.jinja".into(), "x".into())])
        .err()
        .unwrap()
        .to_string();
    assert!(
        unknown.contains("other.jinja is not a report template"),
        "{unknown}"
    );
}

fn bundle_of(data: &ReportData) -> Vec<u8> {
    let attachments = vec![
        Attachment {
            path: "captures/article-1-version-10.html".into(),
            bytes: b"<html>captured</html>".to_vec(),
        },
        Attachment {
            path: "sources/../source 7.txt".into(),
            bytes: b"Berita Resmi Statistik".to_vec(),
        },
    ];
    bundle(data, &Renderer::new(), &attachments).unwrap()
}

/// The bundle rewritten with `change` applied to its (name, bytes) entries.
fn tampered(bytes: &[u8], change: impl Fn(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        entries.push((file.name().unwrap().to_string(), content));
    }
    change(&mut entries);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_bundle_verifies_and_is_reproducible() {
    let data = fixture::report(1, 2);
    let bytes = bundle_of(&data);
    assert_eq!(
        bytes,
        bundle_of(&data),
        "the same report gives the same bytes"
    );
    let check = verify_bundle(&bytes).unwrap();
    assert!(check.is_intact(), "{check:?}");
    assert_eq!(
        check.listed, 4,
        "report.html, report.json and two attachments"
    );
    let names: Vec<String> = {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        archive
            .file_names()
            .map(|name| name.unwrap().to_string())
            .collect()
    };
    assert!(
        names.contains(&"sources/source-7.txt".to_string()),
        "{names:?}"
    );
}

#[test]
fn verify_bundle_finds_changed_missing_and_extra_files() {
    let bytes = bundle_of(&fixture::report(1, 2));
    let changed = tampered(&bytes, |entries| {
        entries
            .iter_mut()
            .find(|(n, _)| n == "report.json")
            .unwrap()
            .1
            .push(b' ')
    });
    let missing = tampered(&bytes, |entries| {
        entries.retain(|(n, _)| n != "report.html")
    });
    let extra = tampered(&bytes, |entries| {
        entries.push(("notes.txt".into(), b"added later".to_vec()))
    });
    let problems = |b: &[u8]| {
        verify_bundle(b)
            .unwrap()
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        problems(&changed),
        ["report.json changed: its SHA-256 is not the manifest's"]
    );
    assert_eq!(
        problems(&missing),
        ["report.html missing: listed in the manifest but not in the bundle"]
    );
    assert_eq!(
        problems(&extra),
        ["notes.txt extra: in the bundle but not in the manifest"]
    );
    let no_manifest = tampered(&bytes, |entries| entries.retain(|(n, _)| n != MANIFEST));
    assert!(
        verify_bundle(&no_manifest)
            .unwrap_err()
            .to_string()
            .contains("no manifest.sha256")
    );
    assert!(
        verify_bundle(b"just text")
            .unwrap_err()
            .to_string()
            .contains("not a readable zip")
    );
}
