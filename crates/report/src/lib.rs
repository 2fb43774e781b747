//! factdesk's verification reports: Markdown, self-contained HTML, JSON (versioned schema),
//! CSV, schema.org ClaimReview JSON-LD and hashed evidence bundles.
//!
//! Reports are rendered from a [`ReportData`] model that the workbench gathers from the
//! store: this crate speaks no SQL, touches no network and reads no clock, so the same
//! model always gives the same bytes.

mod bundle;
mod claimreview;
mod error;
mod escape;
mod json;
mod labels;
mod model;
mod names;
mod render;
mod table;

pub use bundle::{
    Attachment, BundleCheck, BundleProblem, MANIFEST, Problem, bundle, verify_bundle,
};
pub use claimreview::{
    CLAIM_REVIEWED_MAX_CHARS, Finding, Severity, claim_reviews, validate as validate_claimreview,
};
pub use error::ReportError;
pub use escape::markdown as escape_markdown;
pub use json::{REPORT_SCHEMA, json_report};
pub use labels::{LANGUAGES, labels};
pub use model::*;
pub use names::{safe_file_name, safe_relative_path};
pub use render::{HTML_TEMPLATE, MARKDOWN_TEMPLATE, Renderer, TEMPLATE_NAMES};
pub use table::{CSV_COLUMNS, claims_csv, neutralise as neutralise_csv_cell};
