//! File names that are safe on every system: what a report's or an archived file's name
//! is built from (titles, URLs) may hold anything.

/// Longest name [`safe_file_name`] returns, in characters.
const MAX_NAME_CHARS: usize = 100;

/// Names Windows refuses whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3",
];

/// `name` reduced to ASCII letters, digits, `.`, `_` and `-` (anything else becomes one
/// `-`), without leading dots or dashes, at most 100 characters, never empty or reserved.
pub fn safe_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len().min(MAX_NAME_CHARS));
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    let trimmed = out
        .trim_start_matches(['.', '-'])
        .trim_end_matches(['.', '-', ' ']);
    let mut name: String = trimmed.chars().take(MAX_NAME_CHARS).collect();
    if name.is_empty() {
        name = "report".into();
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    name
}

/// A relative path inside a bundle with every component made safe (no `..`, no root).
pub fn safe_relative_path(path: &str) -> String {
    path.split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != "." && *part != "..")
        .map(safe_file_name)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_reduced_to_safe_characters() {
        assert_eq!(
            safe_file_name("Laporan: Harga Beras / Juni 2025?.html"),
            "Laporan-Harga-Beras-Juni-2025-.html"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_name("..."), "report");
        assert_eq!(safe_file_name("CON.txt"), "_CON.txt");
        assert_eq!(safe_file_name(&"x".repeat(300)).len(), 100);
        assert_eq!(
            safe_relative_path("/captures/../a b/c:d.html"),
            "captures/a-b/c-d.html"
        );
    }
}
