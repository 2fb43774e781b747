//! Main-text extraction from a saved page.

use crate::{BoilerplateRules, IngestError, decode_html, normalise_date};
use dom_smoothie::{Config, Readability, TextMode};
use factdesk_core::language::guess_language;
use factdesk_core::text::binary_signature;
use time::UtcOffset;

/// An article found in a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    pub site: Option<String>,
    /// RFC 3339, with the page's offset where it gives one.
    pub published: Option<String>,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    /// The article text: one paragraph a line, boilerplate lines removed.
    pub body: String,
    /// The encoding the page was read in.
    pub encoding: &'static str,
}

/// How many characters at the start of the text are searched for a written date when the
/// page's metadata has none.
const DATE_SEARCH_CHARS: usize = 600;

/// Extracts the article from the bytes of a web page. `content_type` is the HTTP header and
/// `url` the page's address, when known.
pub fn extract_html(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> Result<Extracted, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(IngestError::NotHtml(what.to_string()));
    }
    let decoded = decode_html(bytes, content_type);
    // A relative or malformed URL would make the extractor refuse the page; it only helps
    // resolve links, so drop it rather than fail.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config { text_mode: TextMode::Formatted, ..Default::default() };
    let mut readability = Readability::new(decoded.html.as_str(), url, Some(config))
        .or_else(|_| Readability::new(decoded.html.as_str(), None, Some(Config { text_mode: TextMode::Formatted, ..Default::default() })))
        .map_err(|_| IngestError::NoArticle)?;
    let article = readability.parse().map_err(|_| IngestError::NoArticle)?;

    let rules = BoilerplateRules::builtin();
    let body = article
        .text_content
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty() && !rules.is_boilerplate(line))
        .collect::<Vec<_>>()
        .join("\n");
    if body.is_empty() {
        return Err(IngestError::NoArticle);
    }

    let language = guess_language(&body)
        .map(str::to_string)
        .or_else(|| article.lang.as_deref().and_then(|l| l.split(['-', '_']).next()).map(str::to_lowercase));
    let offset = if language.as_deref() == Some("id") { UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC) } else { UtcOffset::UTC };
    let head: String = body.chars().take(DATE_SEARCH_CHARS).collect();
    let published = article
        .published_time
        .as_deref()
        .and_then(|raw| normalise_date(raw, offset))
        .or_else(|| normalise_date(&head, offset));
    let clean = |value: Option<String>| value.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|v| !v.is_empty());

    Ok(Extracted {
        title: article.title.split_whitespace().collect::<Vec<_>>().join(" "),
        byline: clean(article.byline),
        site: clean(article.site_name),
        published,
        language,
        canonical_url: clean(article.url),
        body,
        encoding: decoded.encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="id"><head>
<meta charset="utf-8"><title>Harga cabai melonjak | Kabar Palembang</title>
<meta property="og:title" content="Harga cabai melonjak di Palembang">
<meta property="og:site_name" content="Kabar Palembang">
<meta property="article:published_time" content="2025-11-12T08:30:00+07:00">
<meta name="author" content="Rina Sari">
</head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<article><h1>Harga cabai melonjak di Palembang</h1>
<p>PALEMBANG — Harga cabai merah di Pasar Cinde naik menjadi Rp 80.000 per kilogram pada pekan ini, kata seorang pedagang kepada wartawan.</p>
<p>Baca juga: Harga bawang ikut naik</p>
<p>"Pasokan dari petani berkurang karena hujan yang turun hampir setiap hari sejak awal bulan," ujar pedagang itu.</p>
<p>Dinas Perdagangan menyatakan akan menggelar operasi pasar untuk menahan kenaikan harga yang dirasakan warga di seluruh kota.</p>
<p>SCROLL TO CONTINUE WITH CONTENT</p>
<p>Teks <script>alert(1)</script> ini tetap data.</p>
</article>
<footer>Hak cipta Kabar Palembang. Bagikan artikel ini.</footer>
</body></html>"#;

    #[test]
    fn extracts_text_and_metadata_without_boilerplate() {
        let got = extract_html(PAGE.as_bytes(), None, Some("https://kabar.example/ekonomi/cabai")).unwrap();
        assert_eq!(got.title, "Harga cabai melonjak di Palembang");
        assert_eq!(got.site.as_deref(), Some("Kabar Palembang"));
        assert_eq!(got.published.as_deref(), Some("2025-11-12T08:30:00+07:00"));
        assert_eq!(got.language.as_deref(), Some("id"));
        assert!(got.body.contains("Rp 80.000 per kilogram"), "{}", got.body);
        assert!(got.body.contains("operasi pasar"), "{}", got.body);
        assert!(!got.body.contains("Baca juga"), "{}", got.body);
        assert!(!got.body.contains("SCROLL TO CONTINUE"), "{}", got.body);
        assert!(!got.body.contains("Beranda"), "{}", got.body);
        assert!(!got.body.contains("alert(1)"), "scripts are not text: {}", got.body);
        assert!(got.body.lines().all(|l| !l.trim().is_empty()));
    }

    #[test]
    fn bad_pages_are_refused_with_a_reason() {
        assert_eq!(extract_html(b"  \n", None, None), Err(IngestError::Empty));
        assert_eq!(extract_html(b"%PDF-1.4 ...", None, None), Err(IngestError::NotHtml("a PDF document".into())));
        assert_eq!(extract_html(b"<html><body></body></html>", None, None), Err(IngestError::NoArticle));
    }
}
