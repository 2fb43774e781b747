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
    let stripped = strip_non_text(&decoded.html);
    let html = stripped.as_deref().unwrap_or(decoded.html.as_str());
    // A relative or malformed URL would make the extractor refuse the page; it only helps
    // resolve links, so drop it rather than fail.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(html, url, Some(config))
        .or_else(|_| {
            Readability::new(
                html,
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
    let canonical = stated
        .canonical
        .clone()
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

/// Elements whose content is never article text: styles, `<noscript>`, inline SVG (icons; their
/// titles are not article text), page navigation, embedded frames and objects, form controls
/// and templates. The extractor drops all of these itself, but only after parsing them.
const NEVER_ARTICLE_TEXT: &str = "style, noscript, svg, nav, iframe, object, embed, \
     select, button, input, textarea, template";

/// Elements that are never article text outside an `<article>` (the site's footer and side
/// columns), but inside one may hold the article's `<time>` or byline, which
/// [`stated_dates`] reads before the extractor drops them.
const PAGE_FURNITURE: &str = "footer, aside";

/// The page without what can never be article text or metadata: non-JSON-LD scripts (JSON-LD
/// carries the headline, author and dates), [`NEVER_ARTICLE_TEXT`], [`PAGE_FURNITURE`] outside
/// articles, and comments. The extractor would drop all of it, but only after the HTML parser
/// has built it into the document, and on news pages it is most of the bytes and a third of the
/// elements. `lol_html` removes it in one streaming pass for less than parsing it costs; every
/// extraction of extraction-dev and id-html-dev stayed byte-identical. `None` when it refuses
/// the page, which is then parsed as is.
fn strip_non_text(html: &str) -> Option<String> {
    use lol_html::{RewriteStrSettings, doc_comments, element, end_tag, rewrite_str};
    use std::cell::Cell;
    use std::rc::Rc;
    // How many `<article>` elements are open. An implicitly closed one fires no end-tag
    // handler and leaves the count high, which only keeps more of the page.
    let opened = Rc::new(Cell::new(0usize));
    let inside = Rc::clone(&opened);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("script", |el| {
            let json_ld = el
                .get_attribute("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !json_ld {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!(NEVER_ARTICLE_TEXT, |el| {
            el.remove();
            Ok(())
        }))
        .append_element_content_handler(element!("article", move |el| {
            opened.set(opened.get() + 1);
            let closed = Rc::clone(&opened);
            el.on_end_tag(end_tag!(move |_| {
                closed.set(closed.get().saturating_sub(1));
                Ok(())
            }))
        }))
        .append_element_content_handler(element!(PAGE_FURNITURE, move |el| {
            if inside.get() == 0 {
                el.remove();
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|c| {
            c.remove();
            Ok(())
        }));
    rewrite_str(html, settings).ok()
}

/// Meta tags whose `content` is a publication date, best first: (attribute, value).
const DATE_META: &[(&str, &str)] = &[
    ("itemprop", "datePublished"),
    ("property", "og:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "content_PublishedDate"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
    ("name", "date"),
];

/// Meta tags whose `content` is a last-modified date, best first (dom_smoothie reads
/// `article:modified_time` and JSON-LD `dateModified` itself).
const MODIFIED_META: &[(&str, &str)] = &[
    ("itemprop", "dateModified"),
    ("property", "og:updated_time"),
    ("name", "lastmod"),
    ("name", "last-modified"),
];

/// How many `<time>` and date-classed elements are read for written dates.
const WRITTEN_DATES: usize = 20;

/// What a page states about itself outside its article text.
struct StatedDates {
    /// From metadata and `<time datetime>`: machine-readable, best first.
    metadata: Vec<String>,
    /// Text of `<time>` elements and elements whose class names a date, in page order.
    written: Vec<String>,
    /// When the page says it was last modified, best first.
    modified: Vec<String>,
    /// The first `<link rel=canonical>`'s address, else the first `og:url`'s.
    canonical: Option<String>,
}

/// Reads [`StatedDates`] in one walk over the document. (A selector query per tag walks the
/// whole document each time; a dozen of them cost a tenth of the extraction.) The rules are
/// those of the selectors `meta[A="V"]` (the first match's `content` per table row),
/// `[itemprop="datePublished"], time[datetime]` (`datetime` or `content`, in page order),
/// `time, [class*="date"], [class*="Date"], [class*="time"]` (text, the first 20),
/// `link[rel=canonical]` and `meta[property="og:url"]` (`href` or `content` of the first).
fn stated_dates(doc: &dom_query::Document) -> StatedDates {
    let mut date_meta: Vec<Option<String>> = vec![None; DATE_META.len()];
    let mut modified_meta: Vec<Option<String>> = vec![None; MODIFIED_META.len()];
    let mut in_order = Vec::new();
    let mut written_nodes = Vec::new();
    // The first element of each kind decides, even when it lacks the attribute.
    let mut canonical_link: Option<Option<String>> = None;
    let mut og_url: Option<Option<String>> = None;
    for node in doc.root().descendants_it() {
        let Some(element) = node.element_ref() else {
            continue;
        };
        let attr = |name: &str| {
            element
                .attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| &*a.value)
        };
        let tag = &*element.name.local;
        if tag == "meta" {
            let content = attr("content");
            for (rows, found) in [
                (DATE_META, &mut date_meta),
                (MODIFIED_META, &mut modified_meta),
            ] {
                for (row, slot) in rows.iter().zip(found.iter_mut()) {
                    if slot.is_none() && attr(row.0) == Some(row.1) {
                        // An element without `content` still is the first match.
                        *slot = Some(content.map(str::to_string).unwrap_or_default());
                    }
                }
            }
            if og_url.is_none() && attr("property") == Some("og:url") {
                og_url = Some(attr("href").or(content).map(|u| u.trim().to_string()));
            }
        } else if tag == "link"
            && canonical_link.is_none()
            && attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        {
            canonical_link = Some(
                attr("href")
                    .or_else(|| attr("content"))
                    .map(|u| u.trim().to_string()),
            );
        }
        let is_time = tag == "time";
        let datetime = attr("datetime");
        if attr("itemprop") == Some("datePublished") || (is_time && datetime.is_some()) {
            in_order.extend(datetime.or_else(|| attr("content")).map(str::to_string));
        }
        if written_nodes.len() < WRITTEN_DATES
            && (is_time
                || attr("class").is_some_and(|c| {
                    c.contains("date") || c.contains("Date") || c.contains("time")
                }))
        {
            written_nodes.push(node);
        }
    }
    let first = |found: Vec<Option<String>>| -> Vec<String> {
        // A first match without `content` gives nothing, as `Selection::attr` does.
        found
            .into_iter()
            .flatten()
            .filter(|v| !v.is_empty())
            .collect()
    };
    let mut metadata = first(date_meta);
    metadata.extend(in_order);
    StatedDates {
        metadata,
        written: written_nodes
            .iter()
            .map(|node| node.text().to_string())
            .filter(|text| text.len() < 120)
            .collect(),
        modified: first(modified_meta),
        canonical: canonical_link.flatten().or(og_url.flatten()),
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
    fn scripts_styles_and_comments_go_before_parsing_but_json_ld_stays() {
        let page = r#"<html><head><script>var a = "<p>not text</p>";</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Judul"}</script>
<style>p { color: red }</style><!-- a comment --></head>
<body><p>Teks <noscript>Aktifkan JavaScript</noscript>ini <svg><title>Ikon</title></svg>tetap.</p></body></html>"#;
        let stripped = strip_non_text(page).unwrap();
        assert!(stripped.contains(r#""headline":"Judul""#), "{stripped}");
        for gone in ["not text", "color: red", "a comment", "Aktifkan", "Ikon"] {
            assert!(!stripped.contains(gone), "{gone}: {stripped}");
        }
        assert!(stripped.contains("<p>Teks ini tetap.</p>"), "{stripped}");
    }

    #[test]
    fn page_furniture_goes_but_an_articles_own_footer_keeps_its_date() {
        let page = r#"<html><head><title>Harga beras naik</title></head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<aside class="sidebar"><p>Terpopuler hari ini</p></aside>
<article><h1>Harga beras naik</h1>
<p>Harga beras medium naik menjadi Rp 13.500 per kilogram di pasar induk pada pekan ini, kata pedagang.</p>
<p>Kenaikan itu terjadi setelah panen mundur dua minggu karena hujan yang turun lebih lama dari biasanya.</p>
<footer class="entry-meta"><time datetime="2024-03-05T09:15:00+07:00">5 Maret 2024</time></footer>
</article>
<footer id="site-footer"><p>Hak cipta dilindungi undang-undang</p></footer>
<form><input name="q"><button>Cari</button></form>
</body></html>"#;
        let stripped = strip_non_text(page).unwrap();
        for gone in ["Beranda", "Terpopuler", "Hak cipta", "<input", "Cari"] {
            assert!(!stripped.contains(gone), "{gone}: {stripped}");
        }
        assert!(stripped.contains("<time datetime"), "{stripped}");
        let got = extract_html(page.as_bytes(), None, None).unwrap();
        assert_eq!(got.published.as_deref(), Some("2024-03-05T09:15:00+07:00"));
        assert!(
            got.body.starts_with("Harga beras medium naik"),
            "{}",
            got.body
        );
    }

    #[test]
    fn stated_dates_read_the_first_match_of_each_rule() {
        let doc = dom_query::Document::from(
            r#"<html><head>
<meta name="date" content="2020-01-02"><meta name="date" content="2020-09-09">
<meta property="og:published_time">
<meta itemprop="datePublished" content="2020-01-01">
<meta itemprop="dateModified" content="2020-01-03">
<link rel="canonical" href=" /relative "><meta property="og:url" content="https://x.example/a">
</head><body><time datetime="2020-01-04">4 Januari 2020</time>
<span class="post-date">Senin, 6 Januari 2020</span></body></html>"#,
        );
        let stated = stated_dates(&doc);
        assert_eq!(
            stated.metadata,
            ["2020-01-01", "2020-01-02", "2020-01-01", "2020-01-04"]
        );
        assert_eq!(stated.modified, ["2020-01-03"]);
        assert_eq!(stated.written, ["4 Januari 2020", "Senin, 6 Januari 2020"]);
        // The first canonical link decides, even when its address is relative.
        assert_eq!(stated.canonical.as_deref(), Some("/relative"));
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
