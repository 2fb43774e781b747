//! Main-text extraction from a saved page.

use crate::news_text::read_news_text;
use crate::{IngestError, Rules, decode_html, normalise_date};
use dom_smoothie::{Config, Readability, TextMode};
use factdesk_core::CaptureMetadata;
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
    /// Byline, editor, dateline and syndication credit, where the page gives them.
    pub metadata: CaptureMetadata,
}

/// The offset a date without one is read in: WIB for Indonesian pages, else UTC.
pub(crate) fn offset_for(language: Option<&str>) -> UtcOffset {
    if language == Some("id") {
        UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC)
    } else {
        UtcOffset::UTC
    }
}

/// Extracts the article from the bytes of a web page. `content_type` is the HTTP header and
/// `url` the page's address, when known.
pub fn extract_html(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> Result<Extracted, IngestError> {
    extract_html_with(bytes, content_type, url, Rules::builtin())
}

/// [`extract_html`] with a user's rules added to the shipped ones.
pub fn extract_html_with(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
    rules: &Rules,
) -> Result<Extracted, IngestError> {
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
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(decoded.html.as_str(), url, Some(config))
        .or_else(|_| {
            Readability::new(
                decoded.html.as_str(),
                None,
                Some(Config {
                    text_mode: TextMode::Formatted,
                    ..Default::default()
                }),
            )
        })
        .map_err(|_| IngestError::NoArticle)?;
    // Read what the page states about itself before the extractor prunes the document.
    let stated = stated_dates(&readability.doc);
    let canonical = ["link[rel=canonical]", "meta[property=\"og:url\"]"]
        .iter()
        .find_map(|sel| {
            let node = readability.doc.select(sel);
            node.attr("href")
                .or_else(|| node.attr("content"))
                .map(|u| u.trim().to_string())
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let url_date = canonical
        .clone()
        .or_else(|| url.map(str::to_string))
        .and_then(|u| date_in_url(&u));
    let article = readability.parse().map_err(|_| IngestError::NoArticle)?;

    let lines: Vec<String> = article
        .text_content
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    let language = guess_language(&article.text_content)
        .map(str::to_string)
        .or_else(|| {
            article
                .lang
                .as_deref()
                .and_then(|l| l.split(['-', '_']).next())
                .map(str::to_lowercase)
        });
    let offset = offset_for(language.as_deref());
    let news = read_news_text(lines.iter().map(String::as_str), rules, offset);
    let body = news.body;
    if body.is_empty() {
        return Err(IngestError::NoArticle);
    }
    // Metadata first, then a date in the URL (news sites that put one there are reliable),
    // then dates written near the top of the page, then the article's first lines.
    let written: Vec<String> = stated
        .written
        .iter()
        .filter_map(|raw| normalise_date(raw, offset))
        .collect();
    // A written date on the URL's day adds the time of day the URL lacks.
    let url_day = url_date.as_deref().and_then(|d| normalise_date(d, offset));
    let url_day = url_day.map(|day| {
        written
            .iter()
            .find(|w| w.get(..10) == day.get(..10))
            .cloned()
            .unwrap_or(day)
    });
    let published = article
        .published_time
        .iter()
        .chain(stated.metadata.iter())
        .find_map(|raw| normalise_date(raw, offset))
        .or(url_day)
        .or_else(|| written.first().cloned())
        .or(news.published);
    let clean = |value: Option<String>| {
        value
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
    };

    let site = clean(article.site_name).or_else(|| news.metadata.dateline_outlet.clone());
    let mut metadata = news.metadata;
    metadata.byline = clean(article.byline).or(metadata.byline);
    metadata.updated = article
        .modified_time
        .iter()
        .chain(stated.modified.iter())
        .find_map(|raw| normalise_date(raw, offset))
        .or(metadata.updated);
    Ok(Extracted {
        title: clean_title(&article.title, site.as_deref(), url),
        byline: metadata.byline.clone(),
        metadata,
        site,
        published,
        language,
        canonical_url: canonical.or_else(|| clean(article.url)),
        body,
        encoding: decoded.encoding,
    })
}

/// Meta tags (by attribute selector) whose `content` is a publication date, best first.
const DATE_META: &[&str] = &[
    "meta[itemprop=\"datePublished\"]",
    "meta[property=\"og:published_time\"]",
    "meta[name=\"pubdate\"]",
    "meta[name=\"publishdate\"]",
    "meta[name=\"publish-date\"]",
    "meta[name=\"content_PublishedDate\"]",
    "meta[name=\"dc.date.issued\"]",
    "meta[name=\"DC.date.issued\"]",
    "meta[name=\"date\"]",
];

/// Dates a page states outside its article text.
struct StatedDates {
    /// From metadata and `<time datetime>`: machine-readable, best first.
    metadata: Vec<String>,
    /// Text of `<time>` elements and elements whose class names a date, in page order.
    written: Vec<String>,
    /// When the page says it was last modified, best first.
    modified: Vec<String>,
}

/// Meta tags whose `content` is a last-modified date, best first (dom_smoothie reads
/// `article:modified_time` and JSON-LD `dateModified` itself).
const MODIFIED_META: &[&str] = &[
    "meta[itemprop=\"dateModified\"]",
    "meta[property=\"og:updated_time\"]",
    "meta[name=\"lastmod\"]",
    "meta[name=\"last-modified\"]",
];

fn stated_dates(doc: &dom_query::Document) -> StatedDates {
    let mut metadata = Vec::new();
    for selector in DATE_META {
        metadata.extend(doc.select(selector).attr("content").map(|v| v.to_string()));
    }
    for node in doc
        .select("[itemprop=\"datePublished\"], time[datetime]")
        .iter()
    {
        metadata.extend(
            node.attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string()),
        );
    }
    let written = doc
        .select("time, [class*=\"date\"], [class*=\"Date\"], [class*=\"time\"]")
        .iter()
        .take(20)
        .map(|node| node.text().to_string())
        .filter(|text| text.len() < 120)
        .collect();
    let modified = MODIFIED_META
        .iter()
        .filter_map(|selector| doc.select(selector).attr("content").map(|v| v.to_string()))
        .collect();
    StatedDates {
        metadata,
        written,
        modified,
    }
}

/// A date in a URL path, as news sites write them: `/2016/02/16/`.
fn date_in_url(url: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/").expect("valid pattern")
    });
    let caps = re.captures(url)?;
    Some(format!("{}-{}-{}", &caps[1], &caps[2], &caps[3]))
}

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " « ", " » "];

/// A headline without the site name that `<title>` often appends ("… - Kompas.com").
fn clean_title(raw: &str, site: Option<&str>, url: Option<&str>) -> String {
    let title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let host = url
        .and_then(|u| u.split("//").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(|h| h.trim_start_matches("www.").to_lowercase());
    for separator in TITLE_SEPARATORS {
        let Some(cut) = title.rfind(separator) else {
            continue;
        };
        let (head, tail) = (&title[..cut], title[cut + separator.len()..].trim());
        let tail_lower = tail.to_lowercase();
        let names_site = site.is_some_and(|s| {
            let s = s.to_lowercase();
            s == tail_lower || s.contains(&tail_lower) || tail_lower.contains(&s)
        });
        let looks_like_domain = tail_lower.contains('.') && !tail_lower.contains(' ');
        let names_host = host
            .as_deref()
            .is_some_and(|h| h.contains(&tail_lower.replace(' ', "")));
        if !head.trim().is_empty()
            && tail.split_whitespace().count() <= 4
            && (names_site || looks_like_domain || names_host)
        {
            return head.trim().to_string();
        }
    }
    title
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
<meta itemprop="dateModified" content="2025-11-12T10:00:00+07:00">
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
        let got = extract_html(
            PAGE.as_bytes(),
            None,
            Some("https://kabar.example/ekonomi/cabai"),
        )
        .unwrap();
        assert_eq!(got.title, "Harga cabai melonjak di Palembang");
        assert_eq!(got.site.as_deref(), Some("Kabar Palembang"));
        assert_eq!(got.published.as_deref(), Some("2025-11-12T08:30:00+07:00"));
        assert_eq!(
            got.metadata.updated.as_deref(),
            Some("2025-11-12T10:00:00+07:00")
        );
        assert_eq!(got.language.as_deref(), Some("id"));
        assert!(got.body.contains("Rp 80.000 per kilogram"), "{}", got.body);
        assert!(got.body.contains("operasi pasar"), "{}", got.body);
        assert!(!got.body.contains("Baca juga"), "{}", got.body);
        assert!(!got.body.contains("SCROLL TO CONTINUE"), "{}", got.body);
        assert!(!got.body.contains("Beranda"), "{}", got.body);
        assert!(
            !got.body.contains("alert(1)"),
            "scripts are not text: {}",
            got.body
        );
        assert!(got.body.lines().all(|l| !l.trim().is_empty()));
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(
            clean_title("Samsul Arif Tak Beban - Kompas.com", None, None),
            "Samsul Arif Tak Beban"
        );
        assert_eq!(
            clean_title("Harga naik | Kabar Kota", Some("Kabar Kota"), None),
            "Harga naik"
        );
        assert_eq!(clean_title("Perang - Damai", None, None), "Perang - Damai");
        assert_eq!(
            clean_title("Gas naik – Tempo", None, Some("https://www.tempo.co/x")),
            "Gas naik"
        );
    }

    #[test]
    fn dates_come_from_time_elements_date_classes_and_urls() {
        let page = r#"<html><head><title>Judul berita</title><link rel="canonical" href="https://kabar.example/read/2016/02/16/123/judul"></head>
<body><div class="read__time">Selasa, 16 Februari 2016 | 14:38 WIB</div><article><h1>Judul berita</h1>
<p>Isi berita yang cukup panjang untuk dikenali sebagai artikel utama oleh pengekstrak, dengan beberapa kalimat yang berisi fakta dan angka penting.</p>
<p>Kalimat kedua juga panjang agar halaman ini dianggap artikel, bukan halaman navigasi, dan menyebut 12 persen kenaikan harga beras di pasar.</p></article></body></html>"#;
        let got = extract_html(page.as_bytes(), None, None).unwrap();
        assert_eq!(got.published.as_deref(), Some("2016-02-16T14:38:00+07:00"));
        assert_eq!(
            date_in_url("https://kabar.example/read/2016/02/16/123/judul").as_deref(),
            Some("2016-02-16")
        );
        assert_eq!(date_in_url("https://kabar.example/tag/ekonomi"), None);
    }

    #[test]
    fn bad_pages_are_refused_with_a_reason() {
        assert_eq!(extract_html(b"  \n", None, None), Err(IngestError::Empty));
        assert_eq!(
            extract_html(b"%PDF-1.4 ...", None, None),
            Err(IngestError::NotHtml("a PDF document".into()))
        );
        assert_eq!(
            extract_html(b"<html><body></body></html>", None, None),
            Err(IngestError::NoArticle)
        );
    }
}
