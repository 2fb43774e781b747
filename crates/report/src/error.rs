use thiserror::Error;

/// What can go wrong while writing or checking a report.
#[derive(Debug, Error)]
pub enum ReportError {
    #[error("template {name}: {detail}")]
    Template { name: String, detail: String },
    #[error("{0} is not a report template; templates are named {1}")]
    UnknownTemplate(String, String),
    #[error("cannot write the {format} report: {detail}")]
    Write {
        format: &'static str,
        detail: String,
    },
    #[error("the ClaimReview export is not valid: {0}")]
    InvalidClaimReview(String),
    #[error("not an evidence bundle: {0}")]
    NotABundle(String),
}

impl ReportError {
    pub(crate) fn write(format: &'static str, error: impl std::fmt::Display) -> ReportError {
        ReportError::Write {
            format,
            detail: error.to_string(),
        }
    }
}
