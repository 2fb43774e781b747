//! Rules about lines of news text, kept as data (`rules/id.txt`, `rules/en.txt`, and any
//! `*.txt` in a user's rules folder): lines to drop, lines where the article ends, and lines
//! that carry metadata (syndication credits, editors, bylines, update dates).

use factdesk_core::CaptureMetadata;
use regex::{Regex, RegexSet};
use std::path::Path;
use std::sync::OnceLock;
use thiserror::Error;

/// The rules shipped with factdesk, one file per language.
const SHIPPED: &[(&str, &str)] = &[
    ("rules/id.txt", include_str!("../rules/id.txt")),
    ("rules/en.txt", include_str!("../rules/en.txt")),
];

/// How much article text (bytes) must come before an end marker for it to end the article.
const MIN_TEXT_BEFORE_END: usize = 80;

/// A rule that could not be read. The message names the file and line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{file}, line {line}: {message}")]
pub struct RulesError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// What a line of metadata is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MetadataKind {
    Credit,
    Editor,
    Byline,
    /// "Diperbarui 18 Jun 2025, 14:05 WIB" (group: date), read in the article's offset.
    Updated,
}

/// What a rule says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineVerdict {
    Keep,
    Drop,
    /// The article ended before this line.
    End,
}

/// A compiled set of line rules.
pub struct Rules {
    /// The `end:` patterns, then the `drop:` ones, in one set: most lines are article text
    /// and match neither, which one scan tells; the rare line that matches is looked at again
    /// to tell which kind it matched. (One set rather than three also compiles each pattern
    /// once, which is most of a command's start-up.)
    end_or_drop: RegexSet,
    /// How many of `end_or_drop`'s patterns are `end:` ones.
    ends: usize,
    metadata: Vec<(MetadataKind, Regex)>,
    /// Every metadata pattern, so that a line that is none is passed over in one scan.
    any_metadata: RegexSet,
}

/// `pattern` with its word boundaries (`\b`) made ASCII ones. A Unicode `\b` stops the
/// regex crate's DFA at the first non-ASCII character (a curly quote or a dash is in most
/// lines of news text) and sends the search to its far slower NFA engine; the two differ
/// only next to a non-ASCII letter, which the rules' words never end in.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if !in_class => out.push_str("(?-u:\\b)"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

impl Rules {
    /// The rules shipped with factdesk.
    pub fn builtin() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            Rules::parse(SHIPPED.iter().copied()).expect("the shipped rules are valid")
        })
    }

    /// The shipped rules plus every `*.txt` file in `folder` (in name order). A missing
    /// folder adds nothing; an unreadable file or a bad pattern is an error naming it.
    pub fn with_folder(folder: &Path) -> Result<Rules, RulesError> {
        let mut sources: Vec<(String, String)> = SHIPPED
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        if folder.is_dir() {
            let unreadable = |e: std::io::Error| RulesError {
                file: folder.display().to_string(),
                line: 0,
                message: e.to_string(),
            };
            let mut files: Vec<_> = std::fs::read_dir(folder)
                .map_err(unreadable)?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file).map_err(|e| RulesError {
                    file: file.display().to_string(),
                    line: 0,
                    message: e.to_string(),
                })?;
                sources.push((file.display().to_string(), text));
            }
        }
        Rules::parse(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }

    /// Compiles rules from `(file name, text)` sources.
    pub fn parse<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Rules, RulesError> {
        let (mut drop, mut end, mut metadata) = (Vec::new(), Vec::new(), Vec::new());
        let mut metadata_patterns = Vec::new();
        for (file, text) in sources {
            for (index, raw) in text.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let fail = |message: String| RulesError {
                    file: file.to_string(),
                    line: index + 1,
                    message,
                };
                let (kind, pattern) = match line.split_once(':') {
                    Some((kind, pattern))
                        if ["drop", "end", "credit", "editor", "byline", "updated"]
                            .contains(&kind.trim()) =>
                    {
                        (kind.trim(), pattern.trim())
                    }
                    _ => ("drop", line),
                };
                let anchored = format!("(?i)^(?:{})$", ascii_word_boundaries(pattern));
                // Name the pattern as the user wrote it.
                let invalid = |e: regex::Error| {
                    let e = Regex::new(&format!("(?i)^(?:{pattern})$"))
                        .err()
                        .unwrap_or(e);
                    fail(format!("not a valid pattern: {e}"))
                };
                // Only the syntax is checked here; compiling waits for the sets.
                regex_syntax::Parser::new()
                    .parse(&anchored)
                    .map_err(|e| invalid(regex::Error::Syntax(e.to_string())))?;
                let kind = match kind {
                    "drop" => {
                        drop.push((anchored, fail(String::new())));
                        continue;
                    }
                    "end" => {
                        end.push((anchored, fail(String::new())));
                        continue;
                    }
                    "credit" => MetadataKind::Credit,
                    "editor" => MetadataKind::Editor,
                    "updated" => MetadataKind::Updated,
                    _ => MetadataKind::Byline,
                };
                let regex = Regex::new(&anchored).map_err(invalid)?;
                metadata_patterns.push(anchored);
                metadata.push((kind, regex));
            }
        }
        let set = |patterns: &[String]| {
            RegexSet::new(patterns).map_err(|e| RulesError {
                file: "rules".into(),
                line: 0,
                message: e.to_string(),
            })
        };
        let ends = end.len();
        let end_or_drop: Vec<(String, RulesError)> = end.into_iter().chain(drop).collect();
        let end_or_drop = RegexSet::new(end_or_drop.iter().map(|(p, _)| p)).map_err(|e| {
            // Too big to compile, say: name the first pattern that fails on its own.
            end_or_drop
                .iter()
                .find_map(|(pattern, at)| {
                    Regex::new(pattern).err().map(|e| RulesError {
                        message: format!("not a valid pattern: {e}"),
                        ..at.clone()
                    })
                })
                .unwrap_or(RulesError {
                    file: "rules".into(),
                    line: 0,
                    message: e.to_string(),
                })
        })?;
        Ok(Rules {
            end_or_drop,
            ends,
            metadata,
            any_metadata: set(&metadata_patterns)?,
        })
    }

    /// True when the whole line is boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim();
        self.end_or_drop.is_match(line)
            && self
                .end_or_drop
                .matches(line)
                .iter()
                .any(|i| i >= self.ends)
    }

    /// Whether to keep a line, drop it, or end the article before it.
    pub fn judge(&self, line: &str) -> LineVerdict {
        let line = line.trim();
        if !self.end_or_drop.is_match(line) {
            return LineVerdict::Keep;
        }
        if self.end_or_drop.matches(line).iter().any(|i| i < self.ends) {
            LineVerdict::End
        } else {
            LineVerdict::Drop
        }
    }

    /// The article's lines without boilerplate, up to the first end marker that follows
    /// some article text (a marker before any text is a heading of a sidebar the extractor
    /// kept, and is only dropped).
    pub fn clean<'a>(&self, lines: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        let mut kept: Vec<&str> = Vec::new();
        let mut kept_chars = 0;
        for line in lines {
            match self.judge(line) {
                LineVerdict::Keep => {
                    kept_chars += line.len();
                    kept.push(line);
                }
                LineVerdict::Drop => {}
                LineVerdict::End if kept_chars >= MIN_TEXT_BEFORE_END => break,
                LineVerdict::End => {}
            }
        }
        kept
    }

    /// Records a metadata line into `metadata`; true when the line was one. An update date
    /// is recorded as written; [`crate::read_news_text`] normalises it.
    pub fn take_metadata(&self, line: &str, metadata: &mut CaptureMetadata) -> bool {
        if !self.any_metadata.is_match(line) {
            return false;
        }
        for (kind, pattern) in &self.metadata {
            // is_match runs on a DFA; captures (much slower) only for the line that matches.
            if !pattern.is_match(line) {
                continue;
            }
            let Some(caps) = pattern.captures(line) else {
                continue;
            };
            let group = |name: &str| {
                caps.name(name)
                    .map(|m| m.as_str().trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            // "Updated figures show 12 deaths in 2023" is article text: only a readable
            // date makes the line an update stamp.
            if *kind == MetadataKind::Updated
                && group("date")
                    .and_then(|d| crate::normalise_date(&d, time::UtcOffset::UTC))
                    .is_none()
            {
                continue;
            }
            match kind {
                MetadataKind::Credit => {
                    metadata.original_site = group("site");
                    metadata.original_author = group("author");
                    metadata.credit_line = Some(line.to_string());
                }
                MetadataKind::Editor => metadata.editor = group("name"),
                MetadataKind::Byline => metadata.byline = group("name"),
                MetadataKind::Updated => metadata.updated = group("date"),
            }
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_catch_news_promo_lines_only() {
        let rules = Rules::builtin();
        for line in [
            "Baca Juga: Harga Beras Naik Lagi",
            "Simak juga Video: Banjir di Jakarta",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Saksikan Live DetikPagi :",
            "Bagikan",
            "(Ist)",
            "Read more: Prices rise again",
            "ADVERTISEMENT",
            "COPYRIGHT © ANTARA 2016",
            "Kamis, 5 November 2015 14:56 WIB | 1.229 Views",
            "Fotografer: Rina",
            "[Gambas:Video 20detik]",
            "Live Updates untuk Notifikasi",
            "Watch: Floods hit the coast",
            "[Embedded video]",
            "LIVE",
            "Halaman Selanjutnya",
            "Dengarkan berita ini",
            "Gabung ke WhatsApp Channel kami untuk berita terkini",
            "Cek berita dan artikel yang lain di Google News",
            "Klik di sini untuk berlangganan",
            "Tag: pemilu, kpu, bawaslu",
            "Continue reading the main story",
            "Click here to subscribe to our newsletter",
            "Follow us on Twitter",
            "Tags: elections, courts",
            "Loading...",
        ] {
            assert!(rules.is_boilerplate(line), "{line:?} should be boilerplate");
        }
        for line in [
            "Harga beras naik 5 persen, kata menteri.",
            "Ia membaca juga laporan itu sebelum rapat.",
            "The minister said she would read more reports.",
            "Live music returned to the square on Friday.",
            "Siaran langsung pertandingan itu ditonton 2 juta orang.",
            "Halaman rumah warga terendam air setinggi 40 sentimeter.",
            "Simak informasi selengkapnya di bawah ini.",
            "Ia mengklik tautan itu dan kehilangan Rp 12 juta.",
            "Voters were told to click here and there on the new machines.",
            "Comments from the minister came after the vote.",
        ] {
            assert!(!rules.is_boilerplate(line), "{line:?} is article text");
        }
    }

    #[test]
    fn word_boundaries_become_ascii_ones_outside_classes() {
        assert_eq!(ascii_word_boundaries(r"baca\b.*"), r"baca(?-u:\b).*");
        assert_eq!(ascii_word_boundaries(r"a\\b [\b] \d"), r"a\\b [\b] \d");
        let rules = Rules::builtin();
        assert!(rules.is_boilerplate("Baca juga: “Harga naik” — laporan"));
        assert!(!rules.is_boilerplate("Baca jugalah laporan itu"));
    }

    #[test]
    fn the_article_ends_at_a_related_list() {
        let rules = Rules::builtin();
        let first = "Isi pertama yang cukup panjang. ".repeat(8);
        let kept = rules.clean([
            first.as_str(),
            "Baca juga: lain",
            "Isi kedua.",
            "Berita Terkait",
            "Judul lain",
        ]);
        assert_eq!(kept, [first.as_str(), "Isi kedua."]);
        // A marker before any article text is a sidebar heading, not the end.
        assert_eq!(
            rules.clean(["Terpopuler", "Isi.", "Lagi."]),
            ["Isi.", "Lagi."]
        );
        assert_eq!(
            rules.clean([first.as_str(), "Pilihan Redaksi", "Judul lain"]),
            [first.as_str()]
        );
        assert!(!rules.is_boilerplate("Kamis, 5 November 2015, pemerintah mengumumkan kenaikan harga bahan bakar minyak untuk seluruh wilayah."));
    }

    #[test]
    fn a_users_rules_folder_adds_rules_and_bad_ones_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("kantor.txt"),
            "# rules of our newsroom\nIklan rumah.*\nend: komentar pembaca\n",
        )
        .unwrap();
        let rules = Rules::with_folder(dir.path()).unwrap();
        assert!(rules.is_boilerplate("iklan RUMAH murah di Palembang"));
        assert_eq!(rules.judge("Komentar Pembaca"), LineVerdict::End);
        assert!(
            rules.is_boilerplate("Baca juga: x"),
            "the shipped rules still apply"
        );

        std::fs::write(dir.path().join("rusak.txt"), "ok\n\n(unclosed\n").unwrap();
        let error = Rules::with_folder(dir.path()).err().unwrap();
        assert_eq!(
            (error.line, error.file.ends_with("rusak.txt")),
            (3, true),
            "{error}"
        );
        assert!(
            error
                .to_string()
                .contains("rusak.txt, line 3: not a valid pattern"),
            "{error}"
        );
        assert!(Rules::with_folder(&dir.path().join("missing")).is_ok());
    }
}
