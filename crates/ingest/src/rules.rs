//! Boilerplate rules: regular expressions, one a line, in a text file that users can extend.

use regex::RegexSet;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../rules/boilerplate.txt");

/// How much article text (bytes) must come before an end marker for it to end the article.
const MIN_TEXT_BEFORE_END: usize = 80;

/// Lines that are not article text (promo, "read also", share and credit lines), and lines
/// where the article ends (a "Berita Terkait" list follows).
pub struct BoilerplateRules {
    set: RegexSet,
    end: RegexSet,
}

/// What a rule says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineVerdict {
    Keep,
    Drop,
    /// The article ended before this line.
    End,
}

impl BoilerplateRules {
    /// The rules shipped with factdesk (`rules/boilerplate.txt`).
    pub fn builtin() -> &'static BoilerplateRules {
        static RULES: OnceLock<BoilerplateRules> = OnceLock::new();
        RULES.get_or_init(|| BoilerplateRules::parse(BUILTIN).expect("the shipped boilerplate rules are valid"))
    }

    /// Rules from text: one pattern a line, each matched against a whole trimmed line,
    /// case-insensitively; blank lines and lines starting with `#` are skipped.
    pub fn parse(text: &str) -> Result<BoilerplateRules, regex::Error> {
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
        let anchored = |pattern: &str| format!("(?i)^(?:{pattern})$");
        let end = lines.iter().filter_map(|line| line.strip_prefix("end:")).map(|p| anchored(p.trim()));
        let drop = lines.iter().filter(|line| !line.starts_with("end:")).map(|p| anchored(p));
        Ok(BoilerplateRules { set: RegexSet::new(drop)?, end: RegexSet::new(end)? })
    }

    /// True when the whole line is boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.set.is_match(line.trim())
    }

    /// Whether to keep a line, drop it, or end the article before it.
    pub fn judge(&self, line: &str) -> LineVerdict {
        let line = line.trim();
        if self.end.is_match(line) {
            LineVerdict::End
        } else if self.set.is_match(line) {
            LineVerdict::Drop
        } else {
            LineVerdict::Keep
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
}

#[cfg(test)]
mod tests {
    use super::BoilerplateRules;

    #[test]
    fn shipped_rules_catch_news_promo_lines_only() {
        let rules = BoilerplateRules::builtin();
        for line in [
            "Baca Juga: Harga Beras Naik Lagi",
            "Simak juga Video: Banjir di Jakarta",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Saksikan Live DetikPagi :",
            "Bagikan",
            "(Ist)",
            "Read more: Prices rise again",
            "Related Stories",
            "ADVERTISEMENT",
            "COPYRIGHT © ANTARA 2016",
            "Kamis, 5 November 2015 14:56 WIB | 1.229 Views",
            "Fotografer: Rina",
        ] {
            assert!(rules.is_boilerplate(line), "{line:?} should be boilerplate");
        }
        for line in [
            "Harga beras naik 5 persen, kata menteri.",
            "Ia membaca juga laporan itu sebelum rapat.",
            "The minister said she would read more reports.",
        ] {
            assert!(!rules.is_boilerplate(line), "{line:?} is article text");
        }
    }

    #[test]
    fn the_article_ends_at_a_related_list() {
        let rules = BoilerplateRules::builtin();
        let first = "Isi pertama yang cukup panjang. ".repeat(8);
        let kept = rules.clean([first.as_str(), "Baca juga: lain", "Isi kedua.", "Berita Terkait", "Judul lain"]);
        assert_eq!(kept, [first.as_str(), "Isi kedua."]);
        // A marker before any article text is a sidebar heading, not the end.
        assert_eq!(rules.clean(["Terpopuler", "Isi.", "Lagi."]), ["Isi.", "Lagi."]);
        assert!(!rules.is_boilerplate("Kamis, 5 November 2015, pemerintah mengumumkan kenaikan harga bahan bakar minyak untuk seluruh wilayah."));
    }

    #[test]
    fn user_rules_are_parsed_and_bad_ones_reported() {
        let rules = BoilerplateRules::parse("# mine\nIklan rumah\n").unwrap();
        assert!(rules.is_boilerplate("iklan RUMAH"));
        assert!(BoilerplateRules::parse("(unclosed").is_err());
    }
}
