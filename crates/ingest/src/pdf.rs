//! The text of a PDF document (a court ruling, a press release, a report), for use as a
//! source of evidence. Text extraction is `pdf-extract`'s; scanned pages without a text
//! layer give no text and are refused as such.

use crate::IngestError;

/// True when the bytes are a PDF document.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The text of a PDF, whitespace tidied: one paragraph a line.
pub fn read_pdf(bytes: &[u8]) -> Result<String, IngestError> {
    // The extractor can panic on damaged files; a damaged file is an error, not a crash.
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| IngestError::Pdf("the PDF is damaged".into()))?
        .map_err(|e| IngestError::Pdf(e.to_string()))?;
    let text: Vec<String> = extracted
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if text.is_empty() {
        return Err(IngestError::Pdf(
            "has no text layer (a scan?); paste its text instead".into(),
        ));
    }
    Ok(text.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_testkit::tiny_pdf;

    #[test]
    fn a_pdfs_text_is_read_and_a_broken_one_refused() {
        let pdf = tiny_pdf("Harga beras tidak akan naik tahun ini.");
        assert!(is_pdf(&pdf));
        assert_eq!(
            read_pdf(&pdf).unwrap(),
            "Harga beras tidak akan naik tahun ini."
        );
        assert!(matches!(
            read_pdf(b"%PDF-1.4\nrusak"),
            Err(IngestError::Pdf(_))
        ));
        assert!(!is_pdf(b"<html>"));
    }
}
