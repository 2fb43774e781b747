//! Matching a quotation file against a source file (`factdesk match`): where the quotation
//! came from, and how its words differ. Nothing is stored.

use crate::analysis::read_plain_text;
use crate::import::{is_html, read_article_file};
use crate::{Workbench, WorkbenchError};
use factdesk_core::quote_match::{QuoteMatch, SourceIndex, sentence_around};
use std::path::Path;

/// A match with the source passage it points at, for showing it to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMatch {
    /// The contract's result (`factdesk match --json` prints exactly this).
    pub result: QuoteMatch,
    /// The source text from `source_start` to `source_end`.
    pub passage: Option<String>,
    /// The quotation as read from its file.
    pub quote: String,
    /// The rest of the source sentence before and after the passage, when the quotation
    /// starts or stops inside it ("…, unless the deficit grows"): a verbatim cut can still
    /// change the meaning.
    pub sentence_before: Option<String>,
    pub sentence_after: Option<String>,
}

impl Workbench {
    /// Finds the passage of `source` (plain text, or a saved page whose article text is
    /// extracted with `rules` as `factdesk extract` does) that the quotation in `quote` (plain
    /// text) came from. Offsets are code points into the source's text: a plain-text file's
    /// text with line endings normalised to `\n`, or a page's extracted article body.
    pub fn match_quote_files(
        quote: &Path,
        source: &Path,
        rules: &factdesk_ingest::Rules,
    ) -> Result<SourceMatch, WorkbenchError> {
        let quote_text = read_plain_text(quote)?;
        let source_text = source_text(source, rules)?;
        let index = SourceIndex::new(&source_text);
        let result = index.find(&quote_text).map_err(|e| WorkbenchError::File {
            path: quote.display().to_string(),
            message: e.to_string(),
        })?;
        let (passage, (sentence_before, sentence_after)) =
            match (result.source_start, result.source_end) {
                (Some(start), Some(end)) => (
                    Some(index.passage(start, end)),
                    sentence_around(&source_text, start, end),
                ),
                _ => (None, (None, None)),
            };
        Ok(SourceMatch {
            result,
            passage,
            quote: quote_text,
            sentence_before,
            sentence_after,
        })
    }
}

/// The text a source's offsets index.
fn source_text(path: &Path, rules: &factdesk_ingest::Rules) -> Result<String, WorkbenchError> {
    let raw = read_article_file(path)?;
    if is_html(path, &raw) {
        let page = factdesk_ingest::extract_html_with(&raw, None, None, rules).map_err(|e| {
            WorkbenchError::File {
                path: path.display().to_string(),
                message: e.to_string(),
            }
        })?;
        return Ok(page.body);
    }
    read_plain_text(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_core::quote_match::MatchClass;

    #[test]
    fn a_saved_page_is_matched_by_its_article_text() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("siaran.html");
        std::fs::write(
            &page,
            "<html><head><title>Siaran pers</title></head><body><nav>Beranda | Berita</nav><article><h1>Siaran pers</h1>\
             <p>Menteri mengatakan pemerintah tidak akan menaikkan harga beras sampai akhir tahun, kecuali panen gagal.</p>\
             <p>Stok beras di gudang cukup untuk empat bulan ke depan, kata menteri kepada wartawan di Jakarta.</p></article></body></html>",
        )
        .unwrap();
        let quote = dir.path().join("kutipan.txt");
        std::fs::write(
            &quote,
            "“Stok beras di gudang cukup untuk enam bulan ke depan”",
        )
        .unwrap();
        let found =
            Workbench::match_quote_files(&quote, &page, factdesk_ingest::Rules::builtin()).unwrap();
        assert_eq!(found.result.class, MatchClass::Altered);
        assert_eq!(
            found.passage.as_deref(),
            Some("Stok beras di gudang cukup untuk empat bulan ke depan")
        );
        let body = Workbench::extract_file(&page, factdesk_ingest::Rules::builtin())
            .unwrap()
            .body;
        let start = found.result.source_start.unwrap();
        let in_body: String = body
            .chars()
            .skip(start)
            .take(found.result.source_end.unwrap() - start)
            .collect();
        assert_eq!(
            Some(in_body),
            found.passage,
            "offsets index the extracted body"
        );
    }

    #[test]
    fn bad_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("sumber.txt");
        std::fs::write(&source, "Harga beras naik.").unwrap();
        let blank = dir.path().join("kosong.txt");
        std::fs::write(&blank, "… !!").unwrap();
        let missing = dir.path().join("tidak-ada.txt");
        let error =
            Workbench::match_quote_files(&blank, &source, factdesk_ingest::Rules::builtin())
                .unwrap_err()
                .to_string();
        assert!(
            error.contains("kosong.txt") && error.contains("no words"),
            "{error}"
        );
        let error =
            Workbench::match_quote_files(&source, &missing, factdesk_ingest::Rules::builtin())
                .unwrap_err()
                .to_string();
        assert!(
            error.contains("tidak-ada.txt") && error.contains("does not exist"),
            "{error}"
        );
    }
}
