//! Subtitle files (SubRip `.srt`, WebVTT `.vtt`) read as a transcript: the spoken text, one
//! cue a line, without cue numbers, timings, headers or styling tags.

/// The spoken text of a subtitle file.
pub fn read_subtitles(text: &str) -> String {
    let mut lines = Vec::new();
    let mut in_note = false;
    let mut source = text.lines().peekable();
    while let Some(line) = source.next() {
        let line = line.trim().trim_start_matches('\u{feff}');
        // A cue number is a line of digits right before a timing line; "2025" said alone
        // is speech.
        let cue_number = line.chars().all(|c| c.is_ascii_digit())
            && source.peek().is_some_and(|next| next.contains("-->"));
        if line.is_empty() {
            in_note = false;
            continue;
        }
        // WebVTT header, comment and style blocks run to the next blank line.
        if line == "WEBVTT"
            || line.starts_with("WEBVTT ")
            || line.starts_with("NOTE")
            || line == "STYLE"
            || line == "REGION"
        {
            in_note = true;
            continue;
        }
        if in_note || cue_number || line.contains("-->") {
            continue;
        }
        let spoken = strip_tags(line);
        if !spoken.trim().is_empty() {
            lines.push(spoken.trim().to_string());
        }
    }
    lines.join("\n")
}

/// Removes `<i>`, `<b>`, `<v Speaker>`, `<00:01.000>` and similar cue tags.
fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// True for file names subtitles come in.
pub fn is_subtitle_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".srt") || lower.ends_with(".vtt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srt_and_vtt_become_spoken_lines() {
        let srt = "1\n00:00:01,000 --> 00:00:03,500\nHarga beras <i>tidak</i> naik\n\n2\n00:00:04,000 --> 00:00:06,000\ntahun ini.\n\n3\n00:00:07,000 --> 00:00:08,000\n2025\n";
        assert_eq!(
            read_subtitles(srt),
            "Harga beras tidak naik\ntahun ini.\n2025"
        );
        let vtt = "WEBVTT Kind: captions\n\nNOTE dibuat otomatis\nbaris catatan\n\n00:01.000 --> 00:03.000 align:start\n<v Menteri>We will not raise prices.\n\n12\n00:04.000 --> 00:05.000\n<00:04.500>Not this year.";
        assert_eq!(
            read_subtitles(vtt),
            "We will not raise prices.\nNot this year."
        );
        assert!(
            is_subtitle_file("rapat.SRT")
                && is_subtitle_file("a.vtt")
                && !is_subtitle_file("a.txt")
        );
    }
}
