//! The JSON report: the report model with its kind and schema version, validated by
//! `schema/report-v1.schema.json` (a test checks every export against it).

use crate::{REPORT_SCHEMA_VERSION, ReportData, ReportError};
use serde::Serialize;

/// The JSON Schema of the JSON report, for tools that check it.
pub const REPORT_SCHEMA: &str = include_str!("../schema/report-v1.schema.json");

#[derive(Serialize)]
struct JsonReport<'a> {
    /// Always "factdesk.report".
    kind: &'static str,
    schema_version: u32,
    #[serde(flatten)]
    data: &'a ReportData,
}

/// The report as pretty-printed JSON with a final newline.
pub fn json_report(data: &ReportData) -> Result<Vec<u8>, ReportError> {
    let mut bytes = serde_json::to_vec_pretty(&JsonReport {
        kind: "factdesk.report",
        schema_version: REPORT_SCHEMA_VERSION,
        data,
    })
    .map_err(|e| ReportError::write("JSON", e))?;
    bytes.push(b'\n');
    Ok(bytes)
}
