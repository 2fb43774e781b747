//! Decoding HTML bytes in the order browsers use: byte-order mark, the HTTP header's
//! charset, a `<meta>` charset declaration near the top, then detection (chardetng).

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// HTML decoded to text, with the encoding used and how it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedHtml {
    pub html: String,
    /// WHATWG name of the encoding ("UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// "bom", "header", "meta" or "detected".
    pub source: &'static str,
}

/// How far into the document a `<meta>` charset is looked for (the HTML standard's prescan
/// looks at the first 1024 bytes; pages with long heads put it later, so look further).
const META_SCAN_BYTES: usize = 4096;

fn meta_charset() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
            .expect("valid charset pattern")
    })
}

/// The `charset` parameter of a Content-Type header value.
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("charset"))
            .then(|| Encoding::for_label(value.trim().trim_matches('"').as_bytes()))?
    })
}

/// Decodes HTML bytes. `content_type` is the HTTP header, when the page came over HTTP.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> DecodedHtml {
    let (encoding, body, source) = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        (encoding, &bytes[bom..], "bom")
    } else if let Some(encoding) = content_type.and_then(header_charset) {
        (encoding, bytes, "header")
    } else if let Some(encoding) = meta_charset()
        .captures(&bytes[..bytes.len().min(META_SCAN_BYTES)])
        .and_then(|c| Encoding::for_label(&c[1]))
    {
        (encoding, bytes, "meta")
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes, "detected")
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (
            detector.guess(None, chardetng::Utf8Detection::Allow),
            bytes,
            "detected",
        )
    };
    // A page that declares UTF-16 in ASCII cannot be UTF-16 (the standard says: use UTF-8).
    let encoding = if source == "meta"
        && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE)
    {
        UTF_8
    } else {
        encoding
    };
    let (html, _) = encoding.decode_without_bom_handling(body);
    DecodedHtml {
        html: html.into_owned(),
        encoding: encoding.name(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_beats_meta_and_meta_beats_detection() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head></html>";
        assert_eq!(decode_html(page, None).encoding, "windows-1252"); // iso-8859-1 maps to windows-1252
        assert!(decode_html(page, None).html.contains("Café"));
        let utf8 = "<meta charset=\"windows-1252\"><p>Café</p>".as_bytes();
        let decoded = decode_html(utf8, Some("text/html; charset=UTF-8"));
        assert_eq!((decoded.encoding, decoded.source), ("UTF-8", "header"));
        assert!(decoded.html.contains("Café"));
    }

    #[test]
    fn http_equiv_and_detection() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93kutipan\x94</p>";
        assert!(decode_html(page, None).html.contains("“kutipan”"));
        let undeclared = b"<p>Caf\xe9 \x93quoted\x94 na\xefve r\xe9sum\xe9 fa\xe7ade</p>";
        let decoded = decode_html(undeclared, None);
        assert_eq!(
            (decoded.encoding, decoded.source),
            ("windows-1252", "detected")
        );
        let bom = b"\xef\xbb\xbf<p>Jakarta</p>";
        assert_eq!(decode_html(bom, None).source, "bom");
    }
}
