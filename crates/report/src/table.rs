//! The claims as CSV, one row per claim, in a column order that never changes (new
//! columns are only ever added at the end). Cells a spreadsheet would run as a formula are
//! neutralised.

use crate::{ReportData, ReportError};

/// The CSV header, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "claim_id",
    "kind",
    "text",
    "speaker",
    "verdict",
    "verdict_label",
    "status",
    "notes",
    "reviewer",
    "reviewed_at",
    "updated_at",
    "evidence_urls",
    "evidence_sha256",
    "article_id",
    "article_title",
    "outlet",
    "article_url",
    "published",
    "version_id",
    "version_sha256",
    "captured_at",
    "start",
    "end",
];

/// A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a
/// leading apostrophe, so a spreadsheet shows it as text instead of running it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The report's claims as CSV (UTF-8, comma-separated, a header row).
pub fn claims_csv(data: &ReportData) -> Result<Vec<u8>, ReportError> {
    let mut writer =
        csv::Writer::from_writer(Vec::with_capacity(256 * data.claims().count() + 512));
    writer
        .write_record(CSV_COLUMNS)
        .map_err(|e| ReportError::write("CSV", e))?;
    for (article, claim) in data.claims() {
        let version = article.versions.iter().find(|v| v.id == claim.version_id);
        let urls: Vec<&str> = claim
            .evidence
            .iter()
            .filter_map(|e| e.url.as_deref())
            .collect();
        let hashes: Vec<&str> = claim
            .evidence
            .iter()
            .filter_map(|e| e.sha256.as_deref())
            .collect();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let row = [
            claim.id.to_string(),
            claim.kind.clone(),
            claim.text.clone(),
            claim
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            opt(&claim.verdict),
            claim
                .verdict
                .as_deref()
                .map(|k| data.verdict_label(k).to_string())
                .unwrap_or_default(),
            claim.status.clone(),
            claim.notes.clone(),
            opt(&claim.reviewer),
            opt(&claim.reviewed_at),
            opt(&claim.updated_at),
            urls.join(" "),
            hashes.join(" "),
            article.id.to_string(),
            article.title.clone(),
            opt(&article.outlet),
            opt(&article.url),
            opt(&article.published),
            claim.version_id.to_string(),
            version.map(|v| v.sha256.clone()).unwrap_or_default(),
            version.map(|v| v.captured_at.clone()).unwrap_or_default(),
            claim.start.to_string(),
            claim.end.to_string(),
        ];
        writer
            .write_record(row.iter().map(|cell| neutralise(cell).into_owned()))
            .map_err(|e| ReportError::write("CSV", e))?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::write("CSV", e.error()))
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_starts_are_neutralised() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+62 812",
            "-5%",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["Harga naik 5%", "", "'quoted", "1+1"] {
            assert_eq!(neutralise(cell), cell);
        }
    }
}
