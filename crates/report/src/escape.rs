//! Escaping article text for Markdown: text is data, so nothing in it may become a
//! heading, list, link, emphasis or raw HTML. (HTML escaping is minijinja's own.)

/// Escapes `text` so that a CommonMark/GFM renderer shows it literally: inline markup
/// characters are backslash-escaped everywhere, block markers at a line start, `&` so no
/// entity is decoded, and line breaks become `<br>` so a value never ends a table row.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {}
            '\n' => {
                out.push_str("<br>");
                line_start = true;
                continue;
            }
            ' ' | '\t' if line_start => {
                // Indentation would make a code block: keep one plain space.
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if line_start => {
                // "2023. " or "1) " at a line start would start an ordered list.
                out.push(c);
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    out.push(d);
                    chars.next();
                }
                if let Some(&marker @ ('.' | ')')) = chars.peek() {
                    out.push('\\');
                    out.push(marker);
                    chars.next();
                }
            }
            _ => out.push(c),
        }
        line_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markdown;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            markdown("[klik](http://x) *tebal* `kode` a|b"),
            "\\[klik\\](http://x) \\*tebal\\* \\`kode\\` a\\|b"
        );
        assert_eq!(markdown("AT&T &amp;"), "AT\\&T \\&amp;");
    }

    #[test]
    fn block_markers_only_at_a_line_start() {
        assert_eq!(
            markdown("# Judul\n- butir\n2023. Tahun\nharga naik 5-10%"),
            "\\# Judul<br>\\- butir<br>2023\\. Tahun<br>harga naik 5-10%"
        );
        assert_eq!(markdown("    kode"), " kode");
        assert_eq!(markdown("Rp 1.000"), "Rp 1.000");
    }
}
