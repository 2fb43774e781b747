//! Rating scales: the built-in one (True … Unproven / Benar … Tidak terbukti) and a
//! newsroom's own, defined from a text file and chosen as the one reviews use.

use crate::{Workbench, WorkbenchError};
use factdesk_store::ScaleVerdict;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// A rating scale and whether reviews use it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scale {
    pub name: String,
    #[ts(type = "number")]
    pub verdicts: usize,
    pub active: bool,
}

/// Reads a scale file: one verdict a line, best first, as `key | English label |
/// Indonesian label`, with `| unrated` after a verdict that does not rate truth (such as
/// "Unproven", which ClaimReview then gives no number); blank lines and lines starting with
/// `#` are skipped. Errors name the line.
pub fn parse_scale(text: &str) -> Result<Vec<ScaleVerdict>, String> {
    let mut verdicts: Vec<ScaleVerdict> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let (key, en, id, rated) = match fields[..] {
            [key, en, id] => (key, en, id, true),
            [key, en, id, "unrated"] => (key, en, id, false),
            _ => {
                return Err(format!(
                    "line {}: expected `key | English label | Indonesian label` (and `| unrated` for a verdict off the truth scale), found {line:?}",
                    index + 1
                ));
            }
        };
        let valid_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_key || en.is_empty() || id.is_empty() {
            return Err(format!(
                "line {}: the key must be lowercase letters, digits and dashes, and both labels given: {line:?}",
                index + 1
            ));
        }
        if verdicts.iter().any(|v| v.key == key) {
            return Err(format!("line {}: the key {key:?} appears twice", index + 1));
        }
        verdicts.push(ScaleVerdict {
            key: key.to_string(),
            label_en: en.to_string(),
            label_id: id.to_string(),
            rated,
        });
    }
    if verdicts.iter().filter(|v| v.rated).count() < 2 {
        return Err("a scale needs at least two verdicts that rate truth".into());
    }
    Ok(verdicts)
}

impl Workbench {
    /// Every rating scale, the built-in one first.
    pub fn scales(&self) -> Result<Vec<Scale>, WorkbenchError> {
        let active = self.store.active_scale()?;
        Ok(self
            .store
            .scales()?
            .into_iter()
            .map(|(name, verdicts)| Scale {
                active: name == active,
                name,
                verdicts,
            })
            .collect())
    }

    /// Defines a new scale from a scale file (see [`parse_scale`]).
    pub fn define_scale(&mut self, name: &str, file: &Path) -> Result<Vec<Scale>, WorkbenchError> {
        let text = std::fs::read_to_string(file).map_err(|e| WorkbenchError::File {
            path: file.display().to_string(),
            message: format!("cannot be read: {e}"),
        })?;
        let verdicts = parse_scale(&text).map_err(|message| WorkbenchError::File {
            path: file.display().to_string(),
            message,
        })?;
        self.store_scale(name, &verdicts)
    }

    /// Defines a new scale from the text of a scale file, as the window's form gives it.
    pub fn define_scale_text(
        &mut self,
        name: &str,
        text: &str,
    ) -> Result<Vec<Scale>, WorkbenchError> {
        let verdicts = parse_scale(text).map_err(WorkbenchError::InvalidInput)?;
        self.store_scale(name, &verdicts)
    }

    fn store_scale(
        &mut self,
        name: &str,
        verdicts: &[ScaleVerdict],
    ) -> Result<Vec<Scale>, WorkbenchError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkbenchError::InvalidInput(
                "a rating scale needs a name".into(),
            ));
        }
        self.store.define_scale(name, verdicts)?;
        self.scales()
    }

    /// Makes reviews use the scale called `name`.
    pub fn use_scale(&mut self, name: &str) -> Result<Vec<Scale>, WorkbenchError> {
        self.store.use_scale(name)?;
        self.scales()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_files_are_read_line_by_line_with_named_errors() {
        let text = "# our scale\nhoaks | Hoax | Hoaks\n\nbenar-redaksi | Correct | Benar\n";
        assert_eq!(
            parse_scale(text)
                .unwrap()
                .iter()
                .map(|v| (v.key.as_str(), v.rated))
                .collect::<Vec<_>>(),
            [("hoaks", true), ("benar-redaksi", true)]
        );
        let with_unrated = parse_scale("a | A | A\nb | B | B\nc | C | C | unrated").unwrap();
        assert_eq!(
            with_unrated.iter().map(|v| v.rated).collect::<Vec<_>>(),
            [true, true, false]
        );
        assert!(
            parse_scale("a | A | A\nb | B | B | maybe")
                .unwrap_err()
                .starts_with("line 2:")
        );
        assert!(
            parse_scale("a | A | A\nb | B | B | unrated")
                .unwrap_err()
                .contains("at least two")
        );
        assert!(
            parse_scale("hoaks | Hoax\nx | y | z")
                .unwrap_err()
                .starts_with("line 1:")
        );
        assert!(
            parse_scale("Hoaks | Hoax | Hoaks\nx | y | z")
                .unwrap_err()
                .contains("lowercase")
        );
        assert!(
            parse_scale("a | A | A\na | B | B")
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            parse_scale("a | A | A")
                .unwrap_err()
                .contains("at least two")
        );
    }
}
