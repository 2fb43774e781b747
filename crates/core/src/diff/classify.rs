//! Cosmetic or substantive. A fact-checker cares about any changed word, name, number or
//! sentence; not about whitespace, the letter case of the headline, the style of quotation
//! marks, or boilerplate lines ("Baca juga: …", "Read more", video embeds, live banners),
//! which `is_boilerplate` recognises (the rules are data in `ingest`).

use super::ByteChange;
use std::ops::Range;

/// Headlines are short: a first line with more words than this is article text.
const MAX_HEADLINE_WORDS: usize = 30;

pub struct Classified {
    pub substantive: bool,
    /// One per change.
    pub cosmetic: Vec<bool>,
}

pub fn classify(
    old: &str,
    new: &str,
    changes: &[ByteChange],
    is_boilerplate: &dyn Fn(&str) -> bool,
) -> Classified {
    let substantive =
        !changes.is_empty() && !reading(old, is_boilerplate).eq(reading(new, is_boilerplate));
    let (old_lines, new_lines) = (
        Lines::new(old, is_boilerplate),
        Lines::new(new, is_boilerplate),
    );
    let cosmetic = changes
        .iter()
        .map(|c| {
            !substantive
                || (old_lines.only_boilerplate(&c.old) && new_lines.only_boilerplate(&c.new))
                || folded(&old[c.old.clone()], old_lines.in_headline(&c.old))
                    .eq(folded(&new[c.new.clone()], new_lines.in_headline(&c.new)))
        })
        .collect();
    Classified {
        substantive,
        cosmetic,
    }
}

/// The text as a reader compares it: boilerplate lines dropped, whitespace collapsed, the
/// headline in lower case, quotation marks and dashes in one style. Lazy, so that two
/// texts are compared only up to their first difference.
fn reading<'t>(
    text: &'t str,
    is_boilerplate: &'t dyn Fn(&str) -> bool,
) -> impl Iterator<Item = char> + 't {
    let mut headline_seen = false;
    text.lines()
        .map(str::trim)
        .filter(move |l| !l.is_empty() && !is_boilerplate_line(l, is_boilerplate))
        .flat_map(move |line| {
            let headline = !headline_seen && line.split_whitespace().count() <= MAX_HEADLINE_WORDS;
            headline_seen = true;
            line.split_whitespace()
                .flat_map(move |word| std::iter::once(' ').chain(folded(word, headline)))
        })
}

/// Asks `is_boilerplate` about the line with its spacing collapsed, so that "Baca  Juga"
/// with a doubled space is the boilerplate it was with one.
fn is_boilerplate_line(line: &str, is_boilerplate: &dyn Fn(&str) -> bool) -> bool {
    let line = line.trim();
    let irregular = line
        .chars()
        .zip(line.chars().skip(1))
        .any(|(a, b)| a.is_whitespace() && (b.is_whitespace() || a != ' '));
    if irregular {
        is_boilerplate(&line.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        is_boilerplate(line)
    }
}

/// Whitespace removed, quotation marks and dashes in one style, lower case when `lower`.
fn folded(text: &str, lower: bool) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(one_style)
        .flat_map(move |c| {
            let mut lowered = c.to_lowercase();
            let (first, rest) = if lower {
                (lowered.next(), Some(lowered))
            } else {
                (Some(c), None)
            };
            first.into_iter().chain(rest.into_iter().flatten())
        })
}

fn one_style(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '′' | '`' => '\'',
        '–' | '—' | '‒' | '―' => '-',
        other => other,
    }
}

/// A text's lines, which are boilerplate, and which is the headline.
struct Lines {
    starts: Vec<usize>,
    boilerplate_or_blank: Vec<bool>,
    headline: Option<usize>,
}

impl Lines {
    fn new(text: &str, is_boilerplate: &dyn Fn(&str) -> bool) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
        let boilerplate_or_blank: Vec<bool> = lines
            .iter()
            .map(|l| l.is_empty() || is_boilerplate_line(l, is_boilerplate))
            .collect();
        let headline = (0..lines.len())
            .find(|&i| !boilerplate_or_blank[i])
            .filter(|&i| lines[i].split_whitespace().count() <= MAX_HEADLINE_WORDS);
        Lines {
            starts,
            boilerplate_or_blank,
            headline,
        }
    }

    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// The lines a range touches (none for an empty range).
    fn touched(&self, range: &Range<usize>) -> Range<usize> {
        if range.is_empty() {
            0..0
        } else {
            self.line_of(range.start)..self.line_of(range.end - 1) + 1
        }
    }

    fn only_boilerplate(&self, range: &Range<usize>) -> bool {
        self.touched(range)
            .all(|line| self.boilerplate_or_blank[line])
    }

    fn in_headline(&self, range: &Range<usize>) -> bool {
        let touched = self.touched(range);
        self.headline.is_some_and(|h| {
            touched
                .clone()
                .all(|line| line == h || self.boilerplate_or_blank[line])
                && !touched.is_empty()
        }) || (range.is_empty() && self.headline == Some(self.line_of(range.start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promo(line: &str) -> bool {
        line.to_lowercase().starts_with("baca juga")
    }

    #[test]
    fn the_reading_ignores_boilerplate_spacing_and_headline_case() {
        let old = "Harga Beras Naik\n\nHarga beras naik 10 persen.\nBaca juga: Cabai mahal";
        let new = "HARGA BERAS NAIK\nHarga  beras naik 10 persen.\n\nBaca juga: Bawang murah";
        let read = |text: &str| reading(text, &promo).collect::<String>();
        assert_eq!(read(old), read(new));
        assert_eq!(read(old), read(&new.replace("Baca juga:", "Baca  juga:\t")));
        assert_ne!(read(old), read(&old.replace("10", "12")));
        assert_ne!(
            read(old),
            read(&old.replace("beras naik 10", "Beras naik 10"))
        );
    }
}
