//! Fixture pages in, extraction out: each page in tests/pages/ is extracted and the result
//! compared with its committed snapshot (tests/snapshots/). After an intended change, review
//! the new output with `cargo insta review` (or `INSTA_UPDATE=always cargo test`).

use factdesk_ingest::extract_html;
use std::fmt::Write;

fn render(name: &str) -> String {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let page = extract_html(&bytes, None, None).unwrap_or_else(|e| panic!("{path} {e}"));
    let mut out = String::new();
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "title:     {}", page.title).unwrap();
    writeln!(out, "site:      {}", field(&page.site)).unwrap();
    writeln!(out, "published: {}", field(&page.published)).unwrap();
    writeln!(out, "byline:    {}", field(&page.byline)).unwrap();
    writeln!(out, "language:  {}", field(&page.language)).unwrap();
    writeln!(out, "encoding:  {}", page.encoding).unwrap();
    writeln!(out, "canonical: {}", field(&page.canonical_url)).unwrap();
    writeln!(
        out,
        "metadata:  {}",
        serde_json::to_string(&page.metadata).unwrap()
    )
    .unwrap();
    writeln!(out, "body:").unwrap();
    for line in page.body.lines() {
        writeln!(out, "  | {line}").unwrap();
    }
    out
}

#[test]
fn indonesian_syndicated_article() {
    insta::assert_snapshot!(render("id-syndicated.html"));
}

#[test]
fn english_article_with_related_list() {
    insta::assert_snapshot!(render("en-related.html"));
}

#[test]
fn legacy_charset_declared_by_http_equiv() {
    insta::assert_snapshot!(render("en-windows-1252.html"));
}
