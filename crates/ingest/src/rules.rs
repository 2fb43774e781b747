//! Boilerplate rules: regular expressions, one a line, in a text file that users can extend.

use regex::RegexSet;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../rules/boilerplate.txt");

/// Lines that are not article text (promo, "read also", share and credit lines).
pub struct BoilerplateRules {
    set: RegexSet,
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
        let patterns = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|pattern| format!("(?i)^(?:{pattern})$"));
        Ok(BoilerplateRules { set: RegexSet::new(patterns)? })
    }

    /// True when the whole line is boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.set.is_match(line.trim())
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
    fn user_rules_are_parsed_and_bad_ones_reported() {
        let rules = BoilerplateRules::parse("# mine\nIklan rumah\n").unwrap();
        assert!(rules.is_boilerplate("iklan RUMAH"));
        assert!(BoilerplateRules::parse("(unclosed").is_err());
    }
}
