//! News conventions in article text: a dateline opening the first paragraph ("Jakarta,
//! Kabarkita.co -"), syndication credits ("Artikel ini telah tayang di www.beritaasli.com oleh
//! …"), editor and byline lines, and a publication date written in the text. Metadata lines
//! are taken out of the text and kept as metadata; boilerplate lines are dropped.

use crate::{Rules, normalise_date};
use factdesk_core::CaptureMetadata;
use regex::Regex;
use std::sync::OnceLock;
use time::UtcOffset;

/// How many characters at the start of the text are searched for a written date.
const DATE_SEARCH_CHARS: usize = 600;

fn dateline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // "Jakarta, Kabarkita.co - ", "LHOKSEUMAWE, KOMPAS.com – ", "PALEMBANG — ", "Jakarta (ANTARA) - "
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:(?P<city>\p{Lu}[\p{L} .']{1,30}?),\s*(?P<outlet>[\p{L}\d]+(?:\.[\p{L}]{2,})*)",
            r"|(?P<city2>\p{Lu}[\p{L} .']{1,30}?)\s*\((?P<agency>[\p{L}\d. ]{2,30})\)",
            r"|(?P<city3>\p{Lu}[\p{Lu} .']{1,30}))",
            r"\s*[-–—]+\s+"
        ))
        .expect("valid dateline pattern")
    })
}

/// An article's text with the news conventions taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsText {
    /// Paragraphs, one a line.
    pub body: String,
    pub metadata: CaptureMetadata,
    /// A publication date written in the text, RFC 3339.
    pub published: Option<String>,
}

/// Reads the news conventions out of article lines (already without the headline).
pub fn read_news_text<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    rules: &Rules,
    offset: UtcOffset,
) -> NewsText {
    let mut metadata = CaptureMetadata::default();
    let mut content = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if rules.take_metadata(trimmed, &mut metadata) {
            continue;
        }
        content.push(trimmed);
    }
    let body_lines = rules.clean(content);
    if let Some(first) = body_lines.first()
        && let Some(caps) = dateline().captures(first)
    {
        metadata.dateline = Some(caps[0].trim_end().to_string());
        let city = caps
            .name("city")
            .or(caps.name("city2"))
            .or(caps.name("city3"));
        metadata.dateline_city = city.map(|m| m.as_str().trim().to_string());
        metadata.dateline_outlet = caps
            .name("outlet")
            .or(caps.name("agency"))
            .map(|m| m.as_str().trim().to_string());
    }
    metadata.updated = metadata
        .updated
        .take()
        .and_then(|written| normalise_date(&written, offset));
    let body = body_lines.join("\n");
    let head: String = body.chars().take(DATE_SEARCH_CHARS).collect();
    NewsText {
        published: normalise_date(&head, offset),
        body,
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> NewsText {
        read_news_text(
            text.lines(),
            Rules::builtin(),
            UtcOffset::from_hms(7, 0, 0).unwrap(),
        )
    }

    #[test]
    fn credits_editors_datelines_and_written_dates() {
        let got = read(
            "Foto pasar yang ramai (Ist)\n\nJakarta, Kabarkita.co - Harga beras naik lagi pekan ini menurut pedagang di pasar induk. Kamis, 14 September 2023.\n\nBaca juga\n\nPedagang mengeluhkan pasokan yang terus berkurang.\n\nTulisan ini sudah tayang di www.beritaasli.com oleh Rina Sari \u{a0}\n\nEditor: admin\nBagikan\n\nRelated Stories\nJudul lain",
        );
        assert_eq!(
            got.body,
            "Jakarta, Kabarkita.co - Harga beras naik lagi pekan ini menurut pedagang di pasar induk. Kamis, 14 September 2023.\nPedagang mengeluhkan pasokan yang terus berkurang."
        );
        assert_eq!(got.published.as_deref(), Some("2023-09-14T00:00:00+07:00"));
        assert_eq!(
            got.metadata.original_site.as_deref(),
            Some("www.beritaasli.com")
        );
        assert_eq!(got.metadata.original_author.as_deref(), Some("Rina Sari"));
        assert_eq!(got.metadata.editor.as_deref(), Some("admin"));
        assert_eq!(
            got.metadata.dateline.as_deref(),
            Some("Jakarta, Kabarkita.co -")
        );
        assert_eq!(got.metadata.dateline_city.as_deref(), Some("Jakarta"));
        assert_eq!(
            got.metadata.dateline_outlet.as_deref(),
            Some("Kabarkita.co")
        );
    }

    #[test]
    fn datelines_in_other_house_styles() {
        let kompas =
            read("LHOKSEUMAWE, KOMPAS.com – Penyidik melimpahkan berkas perkara ke kejaksaan.");
        assert_eq!(
            kompas.metadata.dateline_city.as_deref(),
            Some("LHOKSEUMAWE")
        );
        assert_eq!(
            kompas.metadata.dateline_outlet.as_deref(),
            Some("KOMPAS.com")
        );
        let antara = read("Jakarta (ANTARA) - Pemerintah menambah pasokan gas.");
        assert_eq!(antara.metadata.dateline_outlet.as_deref(), Some("ANTARA"));
        let plain = read("Harga beras naik - kata pedagang - di pasar.");
        assert_eq!(plain.metadata.dateline, None);
        let english =
            read("This article originally appeared on Example News.\nThe council voted on Monday.");
        assert_eq!(
            english.metadata.original_site.as_deref(),
            Some("Example News")
        );
        assert_eq!(english.body, "The council voted on Monday.");
    }

    #[test]
    fn update_stamps_are_metadata_and_look_like_dates() {
        let got = read(
            "Diperbarui 18 Jun 2025, 14:05 WIB\nJakarta - Pemerintah menaikkan harga gas 3 persen.",
        );
        assert_eq!(
            got.metadata.updated.as_deref(),
            Some("2025-06-18T14:05:00+07:00")
        );
        assert_eq!(
            got.body,
            "Jakarta - Pemerintah menaikkan harga gas 3 persen."
        );
        let english = read(
            "Updated: Sept. 14, 2023\nUpdated figures show 12 deaths in 2023 across the region.",
        );
        assert_eq!(
            english.metadata.updated.as_deref().map(|d| &d[..10]),
            Some("2023-09-14")
        );
        assert_eq!(
            english.body, "Updated figures show 12 deaths in 2023 across the region.",
            "a sentence is not an update stamp"
        );
    }
}
