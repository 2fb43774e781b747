//! Articles as scrapers export them: one JSON object a line (JSON Lines), with the text and
//! whatever metadata the scraper kept (`title`, `url`, `site`, `author`, `published`).
//! The text goes through the same news rules as a page's.

use crate::extract::offset_for;
use crate::{Rules, normalise_date, read_news_text};
use factdesk_core::CaptureMetadata;
use factdesk_core::language::guess_language;
use serde::Deserialize;

/// The fields factdesk reads from a record; others are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "link")]
    url: Option<String>,
    #[serde(default, alias = "source")]
    site: Option<String>,
    #[serde(default, alias = "byline")]
    author: Option<String>,
    #[serde(default, alias = "date")]
    published: Option<String>,
}

/// An article read from one record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordArticle {
    pub title: Option<String>,
    /// Paragraphs, one a line, boilerplate removed.
    pub body: String,
    pub language: Option<String>,
    /// The record's `url`, when it is a web address.
    pub url: Option<String>,
    pub site: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    pub metadata: CaptureMetadata,
}

/// Reads one JSON Lines record. The error completes "`<file>, line N` …".
pub fn read_record(line: &str, rules: &Rules) -> Result<RecordArticle, String> {
    let record: Record = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            format!("is not an article record (an object with a \"text\" string): {e}")
        } else {
            format!("is not valid JSON: {e}")
        }
    })?;
    let language = guess_language(&record.text);
    let offset = offset_for(language);
    let news = read_news_text(record.text.lines(), rules, offset);
    let clean = |value: Option<String>| {
        value
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
    };
    let mut metadata = news.metadata;
    metadata.byline = clean(record.author).or(metadata.byline);
    // Scrapers often keep the page's update stamp ("Diperbarui 16 Jun 2025, 11:03 WIB") as
    // the date: it is recorded as the update, not passed off as the publication date.
    let stated = clean(record.published);
    let mut published = None;
    if let Some(stated) = stated {
        let mut stamp = CaptureMetadata::default();
        if rules.take_metadata(&stated, &mut stamp) && stamp.updated.is_some() {
            metadata.updated = stamp.updated.and_then(|d| normalise_date(&d, offset));
        } else {
            published = normalise_date(&stated, offset);
        }
    }
    Ok(RecordArticle {
        title: clean(record.title),
        body: news.body,
        language: language.map(str::to_string),
        url: clean(record.url).filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        site: clean(record.site).or_else(|| metadata.dateline_outlet.clone()),
        published: published.or(news.published),
        metadata,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_their_metadata_and_lose_promo_lines() {
        let line = r#"{"id": "x-1", "url": "https://kabar.example/read/1", "site": "kabar.example", "title": "Harga gas naik", "author": "Rina Sari", "published": "Diperbarui 16 Jun 2025, 11:03 WIB", "text": "Jakarta - Pemerintah menaikkan harga gas 3 persen.\nBaca juga: Harga beras\n\"Kami terpaksa,\" kata menteri."}"#;
        let got = read_record(line, Rules::builtin()).unwrap();
        assert_eq!(got.title.as_deref(), Some("Harga gas naik"));
        assert_eq!(
            got.body,
            "Jakarta - Pemerintah menaikkan harga gas 3 persen.\n\"Kami terpaksa,\" kata menteri."
        );
        assert_eq!(got.url.as_deref(), Some("https://kabar.example/read/1"));
        assert_eq!(got.site.as_deref(), Some("kabar.example"));
        assert_eq!(got.metadata.byline.as_deref(), Some("Rina Sari"));
        assert_eq!(
            got.metadata.updated.as_deref(),
            Some("2025-06-16T11:03:00+07:00")
        );
        assert_eq!(
            got.published, None,
            "an update stamp is not the publication date"
        );
        assert_eq!(got.language.as_deref(), Some("id"));

        let dated = read_record(r#"{"text": "The council voted on Monday to close the bridge.", "published": "Sept. 14, 2023"}"#, Rules::builtin()).unwrap();
        assert_eq!(
            dated.published.as_deref().map(|d| &d[..10]),
            Some("2023-09-14")
        );
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        assert!(
            read_record("{\"title\": \"x\"}", Rules::builtin())
                .unwrap_err()
                .contains("\"text\"")
        );
        assert!(
            read_record("{\"text\": ", Rules::builtin())
                .unwrap_err()
                .starts_with("is not valid JSON")
        );
        assert!(
            read_record("[1, 2]", Rules::builtin())
                .unwrap_err()
                .contains("not an article record")
        );
    }
}
