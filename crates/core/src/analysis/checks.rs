//! Consistency checks that need nothing but the article's text (and its date).
//!
//! Three families, each in Indonesian and English:
//! - a weekday named with a date ("Kamis, 14 September 2023", "Senin (20/10)", "Thursday,
//!   Sept. 14, 2023");
//! - year arithmetic: a count of years against the year it counts from ("75 tahun sejak ...
//!   1948", "HUT ke-78 ... 1945", "20 years ago, in 2003");
//! - a percentage change stated with both figures ("naik dari 200 menjadi 250, atau 25
//!   persen", "rose 25% from $200 to $250").
//!
//! A wrong alarm costs a fact-checker's trust more than a missed check, so wording that is
//! hedged ("hampir 75 tahun"), reckoned from another time ("tahun depan", another year in
//! the sentence) or otherwise unclear is left unchecked, and figures are compared with the
//! rounding their written precision allows.
//!
//! Speed: each family's anchors are found with one regex pass (linear, compiled once); each
//! anchor is then read as words and numbers in a window of a few hundred bytes around it.

use crate::calendar::{self, Date, Language, Weekday};
use regex::Regex;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// One consistency check found in the text. Offsets are BYTE offsets into the text given
/// (the caller converts to code points); `start..end` covers the checked expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub ok: bool,
    pub detail: String,
}

/// A weekday named with a date: does the date fall on that day?
pub const WEEKDAY_MATCHES_DATE: &str = "weekday_matches_date";
/// "N years since YEAR" and anniversaries ("the Nth anniversary", "HUT ke-N") against the
/// article's year.
pub const YEARS_SINCE: &str = "years_since";
/// "N years ago, in YEAR" against the article's year.
pub const YEARS_AGO: &str = "years_ago";
/// A percentage change stated with the figures it was computed from.
pub const PERCENT_CHANGE: &str = "percent_change";

/// `published`: the article's publication date if known, RFC 3339 or YYYY-MM-DD.
pub fn consistency_checks(text: &str, published: Option<&str>) -> Vec<Check> {
    let context = Context {
        text,
        published: published.and_then(Date::parse_iso),
        latest_date_in_text: OnceCell::new(),
    };
    let mut checks = Vec::new();
    for found in weekday_finder().find_iter(text) {
        checks.extend(weekday_check(&context, found.start(), found.end()));
    }
    for (start, found) in year_counts(text) {
        // The match starts at the count ("75 tahun") or at "ke" ("ke-75").
        if let Some(digit) = found.find(|c: char| c.is_ascii_digit()) {
            checks.extend(year_count_check(&context, start + digit));
        }
    }
    for found in change_finder().find_iter(text) {
        checks.extend(percent_change_check(text, found.start()));
    }
    checks.sort_by_key(|check| (check.start, check.end));
    checks
}

// ---------------------------------------------------------------------------------------
// The date the text is reckoned from

struct Context<'a> {
    text: &'a str,
    published: Option<Date>,
    /// Found only when a check needs it and no publication date was given.
    latest_date_in_text: OnceCell<Option<Date>>,
}

#[derive(Clone, Copy)]
enum Reference {
    Published(Date),
    LatestInText(Date),
}

impl Reference {
    fn date(self) -> Date {
        match self {
            Reference::Published(date) | Reference::LatestInText(date) => date,
        }
    }

    fn describe(self) -> String {
        match self {
            Reference::Published(date) => format!("the publication date, {date}"),
            Reference::LatestInText(date) => format!("the latest full date in the text, {date}"),
        }
    }
}

impl Context<'_> {
    /// The publication date, else the latest full date written in the text.
    fn reference(&self) -> Option<Reference> {
        if let Some(date) = self.published {
            return Some(Reference::Published(date));
        }
        self.latest_date_in_text
            .get_or_init(|| latest_full_date(self.text))
            .map(Reference::LatestInText)
    }
}

fn latest_full_date(text: &str) -> Option<Date> {
    static FINDER: OnceLock<Regex> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        // "14 September 2023", "Sept. 14, 2023", "14/9/2023"; read precisely below.
        Regex::new(concat!(
            r"(?-u:\b)(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+[0-9]{4}",
            r"|[A-Za-z]{3,9}\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}",
            r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})(?-u:\b)"
        ))
        .expect("full-date pattern is valid")
    });
    finder
        .find_iter(text)
        .filter_map(|found| {
            let window = Window::exact(text, found.start(), found.end());
            let written = parse_written_date(&window, 0)?;
            Date::new(written.year?, written.month, written.day)
        })
        .max()
}

// ---------------------------------------------------------------------------------------
// Weekday and date

fn weekday_finder() -> &'static Regex {
    static FINDER: OnceLock<Regex> = OnceLock::new();
    FINDER.get_or_init(|| {
        // Names as news writes them, "Kamis" or "KAMIS": a lower-case "minggu" is a week.
        let mut spellings: Vec<String> = Vec::new();
        for (name, _, _) in calendar::weekday_spellings() {
            let lower = name.to_lowercase();
            let mut letters = lower.chars();
            let capitalised: String = letters
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(letters)
                .collect();
            for variant in [capitalised, lower.to_uppercase()] {
                if variant.contains('\'') {
                    spellings.push(variant.replace('\'', "\u{2019}"));
                }
                spellings.push(variant);
            }
        }
        spellings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        spellings.dedup();
        let alternatives: Vec<String> = spellings.iter().map(|s| regex::escape(s)).collect();
        Regex::new(&alternatives.join("|")).expect("weekday pattern is valid")
    })
}

fn weekday_check(context: &Context, start: usize, end: usize) -> Option<Check> {
    let text = context.text;
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // Inside a longer word, or the second end of a range ("Senin-Kamis").
    if before.is_some_and(|c| c.is_alphanumeric() || "-\u{2013}\u{2014}/'\u{2019}".contains(c))
        || after.is_some_and(|c| c.is_alphanumeric() || "'\u{2019}".contains(c))
    {
        return None;
    }
    // Every date form has a day number soon after the name; most other mentions have none.
    if !has_digits(text, end, end + 40, 1) {
        return None;
    }
    let (stated, language) = calendar::weekday_named(&text[start..end])?;
    let lexicon = lexicon();
    let window = Window::around(text, start, end, 24, 64);
    let day_index = window.find(start)?;
    // "dua Minggu", "malam Minggu": not that weekday.
    if day_index > 0
        && (window.is_number(day_index - 1)
            || window
                .phrase_ending_at(day_index, &lexicon.not_before_weekday)
                .is_some())
    {
        return None;
    }
    let mut next = day_index + 1;
    for _ in 0..2 {
        match window.phrase_at(next, &lexicon.weekday_then) {
            Some(after_phrase) => next = after_phrase,
            None => break,
        }
    }
    if window.mark(next) == Some(',') {
        next += 1;
    }
    let parenthesised = window.mark(next) == Some('(');
    if parenthesised {
        next += 1;
    }
    let written = parse_written_date(&window, next)?;
    let mut last = written.last;
    if parenthesised && window.mark(last + 1) == Some(')') {
        last += 1;
    }
    let end = window.tokens[last].end;
    let month = calendar::month_name(written.month, Language::English)?;
    let check = |ok, detail| {
        Some(Check {
            kind: WEEKDAY_MATCHES_DATE,
            start,
            end,
            ok,
            detail,
        })
    };

    let (date, assumption) = match written.year {
        Some(year) => match Date::new(year, written.month, written.day) {
            Some(date) => (date, String::new()),
            None => {
                let days = calendar::days_in_month(year, written.month)?;
                return check(
                    false,
                    format!(
                        "there is no {} {month} {year}: {month} {year} has {days} days",
                        written.day
                    ),
                );
            }
        },
        None => {
            // Longest month: February counts 29 days here.
            if written.day > calendar::days_in_month(2024, written.month)? {
                return check(
                    false,
                    format!("there is no {} {month} in any year", written.day),
                );
            }
            let reference = context.reference()?;
            let date = nearest_date(written.month, written.day, reference.date())?;
            let assumption = format!(
                "; the year is not written, so it is taken as {}, which puts the date nearest {}",
                date.year(),
                reference.describe()
            );
            (date, assumption)
        }
    };
    let actual = date.weekday();
    if actual == stated {
        check(
            true,
            format!(
                "{date} falls on a {}, as written{assumption}",
                day_names(actual, language)
            ),
        )
    } else {
        let detail = format!(
            "{date} falls on a {}, not a {}{assumption}",
            day_names(actual, language),
            day_names(stated, language)
        );
        check(false, detail)
    }
}

/// "Thursday", or "Thursday (Kamis)" when the text names days in Indonesian.
fn day_names(day: Weekday, language: Language) -> String {
    match language {
        Language::English => day.name(Language::English).to_string(),
        Language::Indonesian => format!(
            "{} ({})",
            day.name(Language::English),
            day.name(Language::Indonesian)
        ),
    }
}

/// The day and month in the year before, of or after the reference date's year that is
/// nearest to it: "Jumat (29/12)" in an article of 2 January 2024 is 29 December 2023.
fn nearest_date(month: u8, day: u8, reference: Date) -> Option<Date> {
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|year| Date::new(year, month, day))
        .min_by_key(|date| (date.days_since_epoch() - reference.days_since_epoch()).abs())
}

/// A date as news text writes it, starting at token `first`.
#[derive(Debug)]
struct WrittenDate {
    day: u8,
    month: u8,
    year: Option<i32>,
    /// The last token of the date.
    last: usize,
}

/// Reads "14/9", "14/9/2023", "14 September 2023", "14th September", "Sept. 14, 2023",
/// "September 14". Day and month must be in range; month names must be capitalised
/// ("may 14" is not a date). Ranges ("14-15 September", "11-14/9") are not read.
fn parse_written_date(window: &Window, first: usize) -> Option<WrittenDate> {
    if let Some(day) = window.day_or_month(first) {
        if window.mark(first + 1) == Some('/')
            && window.joined(first + 1)
            && window.joined(first + 2)
        {
            let month = window.day_or_month(first + 2)?;
            let mut last = first + 2;
            let mut year = None;
            if window.mark(last + 1) == Some('/') && window.joined(last + 1) {
                year = Some(
                    window
                        .four_digit_number(last + 2)
                        .filter(|_| window.joined(last + 2))?,
                );
                last += 2;
            }
            let continues = window.joined(last + 1)
                && (window.is_number(last + 1)
                    || matches!(window.mark(last + 1), Some('/' | '-' | '\u{2013}')));
            return (!continues && valid_day_month(day, month)).then_some(WrittenDate {
                day,
                month,
                year,
                last,
            });
        }
        let mut month_index = first + 1;
        if window.is_ordinal_suffix(month_index) {
            month_index += 1;
        }
        let month = window.month_at(month_index)?;
        let mut last = month_index;
        if window.mark(last + 1) == Some('.') && window.joined(last + 1) {
            last += 1;
        }
        let (year, last) = window.year_after(last);
        return valid_day_month(day, month).then_some(WrittenDate {
            day,
            month,
            year,
            last,
        });
    }
    let month = window.month_at(first)?;
    let mut day_index = first + 1;
    if window.mark(day_index) == Some('.') && window.joined(day_index) {
        day_index += 1;
    }
    let day = window.day_or_month(day_index)?;
    let mut last = day_index;
    if window.is_ordinal_suffix(last + 1) {
        last += 1;
    }
    if window.is_range_dash(last + 1) {
        return None;
    }
    let (year, last) = window.year_after(last);
    valid_day_month(day, month).then_some(WrittenDate {
        day,
        month,
        year,
        last,
    })
}

fn valid_day_month(day: u8, month: u8) -> bool {
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

// ---------------------------------------------------------------------------------------
// Year arithmetic

/// "75 tahun", "75 years", "75th", "ke-75", in order and without overlaps, as one regex
/// `count|ke-count` would find them. Two regexes are twice as fast as their alternation: the
/// alternation's prefilter stops at every digit and at every "ke" alike. They cannot start
/// at one place (a digit, a "k"), and neither can start inside the other's match where that
/// other one would have been found first, so taking the earliest match that does not
/// overlap the last one taken gives the alternation's matches.
fn year_counts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    static FINDERS: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (counts, ordinals) = FINDERS.get_or_init(|| {
        // The wording around them is read by hand.
        let counts = r"(?-u:\b)[0-9]{1,3}(?:\s+(?i:tahun|years?)|(?i:st|nd|rd|th))(?-u:\b)";
        let ordinals = r"(?-u:\b)(?i:ke)\s?-?\s?[0-9]{1,3}(?-u:\b)";
        (
            Regex::new(counts).expect("year-count pattern is valid"),
            Regex::new(ordinals).expect("year-count pattern is valid"),
        )
    });
    let mut counts = counts.find_iter(text).peekable();
    let mut ordinals = ordinals.find_iter(text).peekable();
    let mut taken_to = 0;
    std::iter::from_fn(move || {
        loop {
            let next = match (counts.peek(), ordinals.peek()) {
                (Some(a), Some(b)) if b.start() < a.start() => ordinals.next(),
                (Some(_), _) => counts.next(),
                (None, _) => ordinals.next(),
            }?;
            if next.start() >= taken_to {
                taken_to = next.end();
                return Some((next.start(), next.as_str()));
            }
        }
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Wording {
    /// "75 tahun sejak", "75 years since": whole years depend on the day, so ±1.
    Since,
    /// "20 tahun lalu", "20 years ago": rounded, so ±1.
    Ago,
    /// "HUT ke-78", "the 75th anniversary", "memperingati 80 tahun": exact.
    Anniversary,
}

/// A year written in the text: a bare year or the year of a full date.
#[derive(Clone, Copy)]
struct WrittenYear {
    year: i32,
    first: usize,
    /// The token of the year itself (the last of a full date).
    last: usize,
}

/// A count of years and the year it counts from, as token indices.
struct YearCount {
    wording: Wording,
    count: i32,
    count_index: usize,
    /// First and last token of the counting expression ("ulang tahun ... ke-75", "75 tahun sejak").
    first: usize,
    last: usize,
    origin: WrittenYear,
}

fn year_count_check(context: &Context, count_start: usize) -> Option<Check> {
    // Most counts ("5 tahun terakhir", "berusia 33 tahun") are not year arithmetic: there is
    // no year near them, or a few words around them tell. Only the rest are read with their
    // whole sentence.
    if !has_digits(
        context.text,
        count_start.saturating_sub(40),
        count_start + 160,
        4,
    ) {
        return None;
    }
    let near = Window::around(context.text, count_start, count_start, 48, 128);
    let near_index = near.find(count_start)?;
    let (near_start, near_end) = near.sentence_around(near_index);
    read_year_count(&near, near_index, near_start, near_end)?;

    let window = Window::around(context.text, count_start, count_start, 320, 320);
    let count_index = window.find(count_start)?;
    let (sentence_start, sentence_end) = window.sentence_around(count_index);
    let found = read_year_count(&window, count_index, sentence_start, sentence_end)?;
    let lexicon = lexicon();
    if found.count < 1
        || window
            .phrase_ending_at(found.count_index, &lexicon.hedge)
            .is_some()
    {
        return None;
    }
    let reference = context.reference()?;
    let reference_year = reference.date().year();
    // Another year in the sentence, or words such as "tahun depan": the count is reckoned
    // from some other time than the article's. (The article's own year, as in a dateline,
    // changes nothing.)
    let origin = found.origin;
    for index in sentence_start..sentence_end {
        let other_year = (index < origin.first || index > origin.last)
            && window.is_year_like(index)
            && window.four_digit_number(index) != Some(reference_year);
        if other_year {
            return None;
        }
        if let Some(after) = window.phrase_at(index, &lexicon.shift) {
            let overlaps_expression = index <= found.last && after > found.first;
            if !overlaps_expression {
                return None;
            }
        }
    }
    if origin.year > reference_year {
        return None;
    }
    let elapsed = reference_year - origin.year;
    let count = found.count;
    // A count this far from the arithmetic was more likely paired with the wrong year than
    // written wrong ("HUT ke-78 RI di gedung yang dibangun pada 1980").
    if elapsed > 2 * count || count > 2 * elapsed {
        return None;
    }
    let from_to = format!(
        "{} to {reference_year} is {elapsed} year{}",
        origin.year,
        if elapsed == 1 { "" } else { "s" }
    );
    let basis = format!("{reference_year} is the year of {}", reference.describe());
    let (kind, ok, detail) = match found.wording {
        Wording::Anniversary if count == elapsed => (
            YEARS_SINCE,
            true,
            format!("{from_to}, as written ({basis})"),
        ),
        Wording::Anniversary => (
            YEARS_SINCE,
            false,
            format!(
                "{from_to}, so this anniversary is the {}, not the {} ({basis})",
                ordinal(elapsed),
                ordinal(count)
            ),
        ),
        wording => {
            let kind = if wording == Wording::Ago {
                YEARS_AGO
            } else {
                YEARS_SINCE
            };
            let why = if wording == Wording::Ago {
                "\"years ago\" is often rounded"
            } else {
                "whole years depend on the day of the year, which is not written"
            };
            if count == elapsed {
                (kind, true, format!("{from_to}, as written ({basis})"))
            } else if (count - elapsed).abs() == 1 {
                (
                    kind,
                    true,
                    format!(
                        "{from_to}; {count} is within a year of it, which this wording allows as {why} ({basis})"
                    ),
                )
            } else {
                (
                    kind,
                    false,
                    format!("{from_to}, not {count}, and not within a year of it ({basis})"),
                )
            }
        }
    };
    let first = found.first.min(origin.first);
    let last = found.last.max(origin.last);
    Some(Check {
        kind,
        start: window.tokens[first].start,
        end: window.tokens[last].end,
        ok,
        detail,
    })
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Reads the wording around the count at `count_index` and the year it counts from.
fn read_year_count(
    window: &Window,
    count_index: usize,
    sentence_start: usize,
    sentence_end: usize,
) -> Option<YearCount> {
    let lexicon = lexicon();
    let count = i32::from(window.plain_number(count_index, 3)?);
    let found = |wording, first, last, origin| {
        Some(YearCount {
            wording,
            count,
            count_index,
            first,
            last,
            origin,
        })
    };

    // "the 75th anniversary of ... 1948"
    if window.is_ordinal_suffix(count_index + 1) {
        let after = window.phrase_at(count_index + 2, &lexicon.anniversary_noun)?;
        let origin = window.loose_year_after(after, sentence_end, true)?;
        return found(Wording::Anniversary, count_index, after - 1, origin);
    }
    // "HUT ke-78 RI", "ulang tahun Jakarta ke-496": an anniversary noun, up to three words, "ke-N".
    let ke_index = match count_index.checked_sub(1) {
        Some(dash) if window.mark(dash) == Some('-') => dash.checked_sub(1),
        before => before,
    };
    if let Some(ke_index) = ke_index.filter(|&index| window.word_is(index, "ke")) {
        let noun_start = (0..=3).find_map(|gap| {
            let noun_end = ke_index.checked_sub(gap)?;
            let words_between = (noun_end..ke_index).all(|index| window.is_word(index));
            words_between
                .then(|| window.phrase_ending_at(noun_end, &lexicon.anniversary_noun))
                .flatten()
        })?;
        let origin = window.loose_year_after(count_index + 1, sentence_end, true)?;
        return found(Wording::Anniversary, noun_start, count_index, origin);
    }
    // "75 tahun" / "75 years" and what surrounds it.
    let unit = count_index + 1;
    if !["tahun", "years", "year"]
        .iter()
        .any(|word| window.word_is(unit, word))
    {
        return None;
    }
    if let Some(after) = window.phrase_at(unit + 1, &lexicon.since) {
        // "Ia menjalani hukuman 5 tahun sejak 2015" is a term, not time until now: only a
        // count that opens its clause or follows "sudah", "genap", "has been" is elapsed time.
        let opens_clause = count_index == sentence_start
            || matches!(
                window.mark(count_index - 1),
                Some(',' | '(' | '"' | '\u{201c}' | '-' | '\u{2013}' | '\u{2014}')
            );
        let after_cue = (0..=1).any(|gap| {
            count_index
                .checked_sub(gap)
                .filter(|&end| (end..count_index).all(|index| window.is_word(index)))
                .and_then(|end| window.phrase_ending_at(end, &lexicon.since_cue))
                .is_some()
        });
        if !opens_clause && !after_cue {
            return None;
        }
        let origin = window.loose_year_after(after, sentence_end, false)?;
        return found(Wording::Since, count_index, after - 1, origin);
    }
    if let Some(after) = window.phrase_at(unit + 1, &lexicon.ago) {
        let origin = window
            .linked_year_after(after, sentence_end)
            .or_else(|| window.linked_year_before(count_index, sentence_start))?;
        return found(Wording::Ago, count_index, after - 1, origin);
    }
    if let Some(verb_start) = window.phrase_ending_at(count_index, &lexicon.anniversary_verb) {
        let origin = window.loose_year_after(unit + 1, sentence_end, true)?;
        return found(Wording::Anniversary, verb_start, unit, origin);
    }
    None
}

// ---------------------------------------------------------------------------------------
// Percentage change

fn change_finder() -> &'static Regex {
    static FINDER: OnceLock<Regex> = OnceLock::new();
    FINDER.get_or_init(|| {
        // "dari"/"from", then a figure (perhaps after "Rp", "US$"); the rest is read by hand.
        Regex::new(r"(?i)(?-u:\b)(?:dari|from)\s+[^\s0-9]{0,4}\s?[0-9]")
            .expect("change pattern is valid")
    })
}

/// A figure as written, with the rounding its precision allows.
#[derive(Clone, Copy, Debug)]
struct Figure {
    value: f64,
    /// Half the last written digit's unit: "1,2 juta" is 1.15 to 1.25 million.
    half_unit: f64,
    is_percent: bool,
    /// The factor of a scale word after the figure ("juta": 1,000,000).
    scale: Option<f64>,
    /// A bare four-digit number: perhaps a year, not an amount.
    maybe_year: bool,
    first: usize,
    /// The last token of the figure (its scale or percent word, not a unit word after it).
    last: usize,
    /// The token after the figure and any unit word ("ton", "orang", "people").
    next: usize,
}

fn percent_change_check(text: &str, from_start: usize) -> Option<Check> {
    if !mentions_percent(text, from_start.saturating_sub(60), from_start + 160) {
        return None;
    }
    let window = Window::around(text, from_start, from_start + 4, 80, 160);
    let from_index = window.find(from_start)?;
    let language = if window.word_is(from_index, "dari") {
        Language::Indonesian
    } else {
        Language::English
    };
    let to_words: &[&str] = match language {
        Language::Indonesian => &["menjadi", "ke"],
        Language::English => &["to"],
    };
    let is_to_word = |index: usize| to_words.iter().any(|word| window.word_is(index, word));
    let start_figure = read_figure(&window, from_index + 1, language, to_words)?;
    // (earlier figure, later figure, first token of "from X to Y", last token of it)
    let (earlier, later, pair_first, pair_last) = if is_to_word(start_figure.next) {
        let later = read_figure(&window, start_figure.next + 1, language, to_words)?;
        (start_figure, later, from_index, later.last)
    } else if language == Language::English {
        // "to $250 from $200"
        let to_index = (from_index.saturating_sub(6)..from_index)
            .rev()
            .find(|&index| is_to_word(index))?;
        let later = read_figure(&window, to_index + 1, language, to_words)?;
        if later.next != from_index {
            return None;
        }
        (start_figure, later, to_index, start_figure.last)
    } else {
        return None;
    };
    if earlier.maybe_year || later.maybe_year {
        return None;
    }
    let (earlier, later) = share_scale_and_percent(earlier, later);
    let after_pair = if pair_last == later.last {
        later.next
    } else {
        start_figure.next
    };
    let stated = stated_after(&window, after_pair, pair_first, language)
        .or_else(|| stated_before(&window, pair_first, language))?;
    let (check_first, check_last) = (pair_first.min(stated.first), pair_last.max(stated.last));

    let (low, high) = change_range(&earlier, &later)?;
    let central = (later.value / earlier.value - 1.0) * 100.0;
    // Stated to its last digit, and read as if rounded or cut off: "25 persen" is 24 to 26.
    let stated_unit = stated.half_unit * 2.0;
    let stated_range = (stated.value - stated_unit, stated.value + stated_unit);
    let relative_ok = overlaps(magnitude(low, high), stated_range);
    let points = earlier.is_percent.then(|| {
        let low = later.value - later.half_unit - (earlier.value + earlier.half_unit);
        let high = later.value + later.half_unit - (earlier.value - earlier.half_unit);
        (
            later.value - earlier.value,
            overlaps(magnitude(low, high), stated_range),
        )
    });

    let written = |figure: &Figure| window.text_between(figure.first, figure.last);
    let direction = if central >= 0.0 { "rise" } else { "fall" };
    let stated_text = window.text_between(stated.first, stated.last);
    let mut detail = format!(
        "from {} to {} is a {direction} of {}%",
        written(&earlier),
        written(&later),
        show(central.abs())
    );
    // Worth saying only when the figures' rounding leaves real room.
    if high - low > 2.0 {
        detail += &format!(
            " ({}% to {}% allowing for rounding of the figures)",
            show(magnitude(low, high).0),
            show(magnitude(low, high).1)
        );
    }
    let ok = match points {
        Some((difference, true)) if !relative_ok => {
            detail += &format!(
                ", or {} percentage points, which matches the stated {stated_text}",
                show(difference.abs())
            );
            true
        }
        Some((difference, false)) if !relative_ok => {
            detail += &format!(
                " or {} percentage points; neither is the stated {stated_text}",
                show(difference.abs())
            );
            false
        }
        _ if relative_ok => {
            detail += ", as written";
            true
        }
        _ => {
            detail += &format!(", not {stated_text}");
            false
        }
    };
    Some(Check {
        kind: PERCENT_CHANGE,
        start: window.tokens[check_first].start,
        end: window.tokens[check_last].end,
        ok,
        detail,
    })
}

/// A scale or percent word written once, after the later figure, serves both: "dari 1,2
/// menjadi 1,5 juta", "from 5 to 6 percent". (The other way round the later figure is
/// written in full: "from 1.2 million to 900,000".)
fn share_scale_and_percent(mut earlier: Figure, later: Figure) -> (Figure, Figure) {
    if let (None, Some(factor)) = (earlier.scale, later.scale) {
        earlier.value *= factor;
        earlier.half_unit *= factor;
    }
    earlier.is_percent |= later.is_percent;
    (earlier, later)
}

/// The relative change from `earlier` to `later` in percent, lowest and highest the written
/// precision allows; `None` when the earlier figure could be zero or negative.
fn change_range(earlier: &Figure, later: &Figure) -> Option<(f64, f64)> {
    let (earlier_low, earlier_high) = (
        earlier.value - earlier.half_unit,
        earlier.value + earlier.half_unit,
    );
    if earlier_low <= 0.0 || later.value < 0.0 {
        return None;
    }
    let low = ((later.value - later.half_unit) / earlier_high - 1.0) * 100.0;
    let high = ((later.value + later.half_unit) / earlier_low - 1.0) * 100.0;
    Some((low, high))
}

/// The size of a change whatever its sign: a fall of 20% is stated as "turun 20 persen".
fn magnitude(low: f64, high: f64) -> (f64, f64) {
    if low >= 0.0 {
        (low, high)
    } else if high <= 0.0 {
        (-high, -low)
    } else {
        (0.0, (-low).max(high))
    }
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// A number for people: at most two decimals, no trailing zeros.
fn show(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Reads a figure at `at`: an optional currency ("Rp", "US$", "$"), the number, an optional
/// scale word ("juta", "billion"), an optional percent sign or word, and then one unit word
/// ("ton", "people") that is skipped. Dates ("1 Januari") are not figures.
fn read_figure(
    window: &Window,
    at: usize,
    language: Language,
    to_words: &[&str],
) -> Option<Figure> {
    let lexicon = lexicon();
    let mut index = at;
    let mut has_currency = false;
    if let Some(after) = window.phrase_at(index, &lexicon.currency) {
        index = after;
        has_currency = true;
        if window.mark(index) == Some('.') && window.joined(index) {
            index += 1;
        }
    }
    if matches!(
        window.mark(index),
        Some('$' | '\u{20ac}' | '\u{a3}' | '\u{a5}')
    ) {
        index += 1;
        has_currency = true;
    }
    let raw = window.number_text(index)?;
    let (mut value, mut half_unit) = parse_figure(raw, language)?;
    let mut last = index;
    let mut scale = None;
    if let Some((after, factor)) = window.scale_at(last + 1) {
        value *= factor;
        half_unit *= factor;
        last = after - 1;
        scale = Some(factor);
    }
    let mut is_percent = false;
    if let Some(after) = window.percent_at(last + 1) {
        is_percent = true;
        last = after - 1;
    }
    if window.month_at(last + 1).is_some()
        || window.joined(last + 1) && window.mark(last + 1).is_some_and(|c| c == '/')
    {
        return None;
    }
    let maybe_year = !has_currency
        && scale.is_none()
        && !is_percent
        && raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit());
    let mut next = last + 1;
    let is_reserved = |index: usize| {
        to_words.iter().any(|word| window.word_is(index, word))
            || window.phrase_at(index, &lexicon.connector).is_some()
            || window.phrase_at(index, &lexicon.change).is_some()
            || ["dari", "from", "of", "pada", "in", "on"]
                .iter()
                .any(|word| window.word_is(index, word))
    };
    // A unit, a rate or both: "ton", "per kilogram", "ton per hari".
    if window.is_word(next) && !window.word_is(next, "per") && !is_reserved(next) {
        next += 1;
    }
    if window.word_is(next, "per") && window.is_word(next + 1) {
        next += 2;
    }
    Some(Figure {
        value,
        half_unit,
        is_percent,
        scale,
        maybe_year,
        first: at,
        last,
        next,
    })
}

/// The percentage after the figures: "..., atau 25 persen", "..., an increase of 25%".
fn stated_after(
    window: &Window,
    at: usize,
    pair_first: usize,
    language: Language,
) -> Option<Figure> {
    let lexicon = lexicon();
    let mut index = at;
    if matches!(
        window.mark(index),
        Some(',' | '(' | '-' | '\u{2013}' | '\u{2014}')
    ) {
        index += 1;
    }
    for _ in 0..3 {
        match window.phrase_at(index, &lexicon.connector) {
            Some(after) => index = after,
            None => break,
        }
    }
    let stated = read_percentage(window, index, language)?;
    // "25 persen dari total", "25% of all": a share, not this change.
    if ["dari", "of", "from"]
        .iter()
        .any(|word| window.word_is(stated.last + 1, word))
    {
        return None;
    }
    change_word_before(window, pair_first, 3).then_some(stated)
}

/// The percentage before the figures: "naik 25 persen dari ...", "rose 25% from ...".
fn stated_before(window: &Window, pair_first: usize, language: Language) -> Option<Figure> {
    let lexicon = lexicon();
    let mut end = pair_first;
    if window.mark(end.checked_sub(1)?) == Some(',') {
        end -= 1;
    }
    let marker_start = if window.mark(end.checked_sub(1)?) == Some('%') {
        end - 1
    } else {
        window.phrase_ending_at(end, &lexicon.percent)?
    };
    let number_index = marker_start.checked_sub(1)?;
    let stated = read_percentage(window, number_index, language)?;
    if stated.last + 1 != end {
        return None;
    }
    let verb_end = if ["sebesar", "by"]
        .iter()
        .any(|word| window.word_is(number_index.wrapping_sub(1), word))
    {
        number_index - 1
    } else {
        number_index
    };
    window
        .phrase_ending_at(verb_end, &lexicon.change)
        .map(|_| stated)
}

fn read_percentage(window: &Window, at: usize, language: Language) -> Option<Figure> {
    let (value, half_unit) = parse_figure(window.number_text(at)?, language)?;
    let after = window.percent_at(at + 1)?;
    Some(Figure {
        value,
        half_unit,
        is_percent: true,
        scale: None,
        maybe_year: false,
        first: at,
        last: after - 1,
        next: after,
    })
}

/// A word of change ("naik", "rose") within `words` words before `index`, with only words between.
fn change_word_before(window: &Window, index: usize, words: usize) -> bool {
    (1..=words).any(|back| {
        let Some(start) = index.checked_sub(back) else {
            return false;
        };
        (start..index).all(|i| window.is_word(i))
            && window
                .phrase_at(start, &lexicon().change)
                .is_some_and(|after| after <= index)
    })
}

/// The value of a figure and half the unit of its last digit. Indonesian writes "1.200,5",
/// English "1,200.5"; a single separator followed by other than three digits is a decimal
/// point whichever the language ("5,12 persen", "5.12 percent").
fn parse_figure(raw: &str, language: Language) -> Option<(f64, f64)> {
    if raw.len() > 24 || !raw.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let dots = raw.matches('.').count();
    let commas = raw.matches(',').count();
    let decimal_separator = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let separator = if dots > 0 { '.' } else { ',' };
            let after_last = raw.len() - raw.rfind(separator)? - 1;
            if dots + commas > 1 {
                None
            } else if after_last != 3 {
                Some(separator)
            } else {
                let language_decimal = if language == Language::Indonesian {
                    ','
                } else {
                    '.'
                };
                (separator == language_decimal).then_some(separator)
            }
        }
        _ => {
            let last_separator = raw.rfind(['.', ','])?;
            let separator = raw[last_separator..].chars().next()?;
            (raw.matches(separator).count() == 1).then_some(separator)?;
            Some(separator)
        }
    };
    let (whole, fraction) = match decimal_separator {
        Some(separator) => raw.split_once(separator)?,
        None => (raw, ""),
    };
    // Thousands groups: one to three digits first, then exactly three.
    let mut groups = whole.split(['.', ',']);
    let leading = groups.next()?;
    if leading.is_empty() || (whole.len() > leading.len() && leading.len() > 3) {
        return None;
    }
    if !groups.all(|group| group.len() == 3) {
        return None;
    }
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let value: f64 = format!("{digits}.{fraction}0").parse().ok()?;
    let decimals = i32::try_from(fraction.len()).ok()?;
    Some((value, 0.5 * 10f64.powi(-decimals)))
}

// ---------------------------------------------------------------------------------------
// Cheap tests on raw bytes, before a window is read: most anchors fail them.

/// `run` ASCII digits in a row somewhere in `from..to` (clamped to the text).
fn has_digits(text: &str, from: usize, to: usize, run: usize) -> bool {
    let bytes = &text.as_bytes()[from.min(text.len())..to.min(text.len())];
    let mut in_a_row = 0;
    bytes.iter().any(|byte| {
        in_a_row = if byte.is_ascii_digit() {
            in_a_row + 1
        } else {
            0
        };
        in_a_row >= run
    })
}

/// "%" or a percent word somewhere in `from..to` (clamped to the text).
fn mentions_percent(text: &str, from: usize, to: usize) -> bool {
    let bytes = &text.as_bytes()[from.min(text.len())..to.min(text.len())];
    bytes.contains(&b'%')
        || lexicon().percent.iter().any(|phrase| {
            let word = phrase[0].as_bytes();
            bytes
                .windows(word.len())
                .any(|window| window.eq_ignore_ascii_case(word))
        })
}

// ---------------------------------------------------------------------------------------
// Words and numbers around an anchor

#[derive(Clone, Copy, Debug, PartialEq)]
enum TokenKind {
    Word,
    Number,
    Mark(char),
    LineBreak,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
    /// White space (or the window's start) before the token.
    spaced: bool,
}

/// The tokens of a bounded stretch of text. Words are letters with inner apostrophes or
/// hyphens ("Jum'at", "kira-kira"); numbers are digits with inner "." or "," ("1.200,5").
struct Window<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Window<'a> {
    /// Exactly `from..to`, which must start and end between tokens.
    fn exact(text: &'a str, from: usize, to: usize) -> Window<'a> {
        Window {
            text,
            tokens: tokenize(text, from, to),
        }
    }

    /// About `before` bytes before `start` and `after` bytes after `end`; a token cut by
    /// the window's edge is left out.
    fn around(text: &'a str, start: usize, end: usize, before: usize, after: usize) -> Window<'a> {
        let mut from = start.saturating_sub(before);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = end.saturating_add(after).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let mut tokens = tokenize(text, from, to);
        let joins = |c: char| c.is_alphanumeric() || ".,'-\u{2019}".contains(c);
        if from > 0
            && tokens
                .first()
                .is_some_and(|t| t.start == from && t.start < start)
            && text[..from].chars().next_back().is_some_and(joins)
        {
            tokens.remove(0);
        }
        if to < text.len()
            && tokens.last().is_some_and(|t| t.end == to && t.end > end)
            && text[to..].chars().next().is_some_and(joins)
        {
            tokens.pop();
        }
        Window { text, tokens }
    }

    /// The index of the token that starts at byte `start`.
    fn find(&self, start: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&start, |token| token.start)
            .ok()
    }

    fn token(&self, index: usize) -> Option<&Token> {
        self.tokens.get(index)
    }

    fn str(&self, index: usize) -> &'a str {
        self.token(index)
            .map_or("", |token| &self.text[token.start..token.end])
    }

    fn text_between(&self, first: usize, last: usize) -> &'a str {
        &self.text[self.tokens[first].start..self.tokens[last].end]
    }

    fn is_word(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|token| token.kind == TokenKind::Word)
    }

    fn is_number(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|token| token.kind == TokenKind::Number)
    }

    fn number_text(&self, index: usize) -> Option<&'a str> {
        self.is_number(index).then(|| self.str(index))
    }

    fn mark(&self, index: usize) -> Option<char> {
        match self.token(index)?.kind {
            TokenKind::Mark(c) => Some(c),
            _ => None,
        }
    }

    /// The token exists and follows the one before it without white space.
    fn joined(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| !token.spaced)
    }

    fn word_is(&self, index: usize, word: &str) -> bool {
        self.is_word(index) && self.str(index).eq_ignore_ascii_case(word)
    }

    /// Digits only, at most `max_digits` of them.
    fn plain_number(&self, index: usize, max_digits: usize) -> Option<u16> {
        let text = self.number_text(index)?;
        if text.len() > max_digits || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }

    /// One or two digits, as a day or month is written.
    fn day_or_month(&self, index: usize) -> Option<u8> {
        self.plain_number(index, 2)
            .and_then(|n| u8::try_from(n).ok())
    }

    /// The year written after token `last` of a date, past an optional comma ("14 September,
    /// 2023", "Sept. 14, 2023"), and the date's new last token.
    fn year_after(&self, last: usize) -> (Option<i32>, usize) {
        let index = if self.mark(last + 1) == Some(',') {
            last + 2
        } else {
            last + 1
        };
        match self.four_digit_number(index) {
            Some(year) => (Some(year), index),
            None => (None, last),
        }
    }

    fn four_digit_number(&self, index: usize) -> Option<i32> {
        let text = self.number_text(index)?;
        (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    }

    /// A bare four-digit number that could be a year; such a number elsewhere in a sentence
    /// makes year arithmetic there unsafe to check.
    fn is_year_like(&self, index: usize) -> bool {
        self.four_digit_number(index)
            .is_some_and(|year| (1000..3000).contains(&year))
    }

    /// A year standing alone: not "1990-an", "1990s", "2023%", "2.000 ton".
    fn bare_year(&self, index: usize) -> Option<i32> {
        let year = self.four_digit_number(index).filter(|year| *year >= 1000)?;
        let next_joined = self.joined(index + 1)
            && (self.is_word(index + 1)
                || self.is_number(index + 1)
                || matches!(self.mark(index + 1), Some('-' | '%' | '/')));
        let next_quantity =
            self.percent_at(index + 1).is_some() || self.scale_at(index + 1).is_some();
        (!next_joined && !next_quantity).then_some(year)
    }

    /// A bare year or the year of a full date, starting at `index`.
    fn written_year_at(&self, index: usize) -> Option<WrittenYear> {
        if let Some(year) = self.bare_year(index) {
            return Some(WrittenYear {
                year,
                first: index,
                last: index,
            });
        }
        if let Some(date) = parse_written_date(self, index) {
            let year = date.year?;
            Date::new(year, date.month, date.day)?;
            return Some(WrittenYear {
                year,
                first: index,
                last: date.last,
            });
        }
        // "Agustus 1945", "March 2020"
        self.month_at(index)?;
        let year = self.bare_year(index + 1)?;
        Some(WrittenYear {
            year,
            first: index,
            last: index + 1,
        })
    }

    /// The first year within a few words after `from` in the sentence ("sejak berdirinya Korea
    /// Utara pada tahun 1948"); `None` when another number comes first.
    /// A comma on the way must open a clause about the same thing ("RI, yang merdeka pada
    /// 1945"), not a new one ("RI, Presiden ... sejak 2014"). After an anniversary
    /// (`in_noun_phrase`) the year must also come before the sentence's own verb: in "HUT
    /// ke-78 RI digelar di gedung yang dibangun pada 1980" the year is the building's.
    fn loose_year_after(
        &self,
        from: usize,
        sentence_end: usize,
        in_noun_phrase: bool,
    ) -> Option<WrittenYear> {
        let lexicon = lexicon();
        let mut in_relative_clause = false;
        for index in from..sentence_end.min(from + 12) {
            let token = self.token(index)?;
            if token.kind == TokenKind::Mark(',')
                && self.phrase_at(index + 1, &lexicon.clause_link).is_none()
            {
                return None;
            }
            match token.kind {
                TokenKind::Number => return self.written_year_at(index),
                TokenKind::Word => {
                    if self.month_at(index).is_some()
                        && let Some(year) = self.written_year_at(index)
                    {
                        return Some(year);
                    }
                    in_relative_clause |= self.phrase_at(index, &lexicon.relative).is_some();
                    if in_noun_phrase && !in_relative_clause && self.looks_like_a_verb(index) {
                        return None;
                    }
                }
                TokenKind::Mark(c)
                    if ",()\"'-\u{2013}\u{201c}\u{201d}\u{2018}\u{2019}".contains(c) => {}
                _ => return None,
            }
        }
        None
    }

    /// A word that is probably a sentence's verb: one of the `predicate` words ("was",
    /// "held"), or an Indonesian verb by its prefix ("digelar", "menggelar"), unless it is a
    /// word that keeps a clause about its subject ("diproklamasikan", "merdeka").
    fn looks_like_a_verb(&self, index: usize) -> bool {
        let lexicon = lexicon();
        if self.phrase_at(index, &lexicon.clause_link).is_some() {
            return false;
        }
        let word = self.str(index);
        self.phrase_at(index, &lexicon.predicate).is_some()
            || (word.len() >= 6
                && word.starts_with(char::is_lowercase)
                && lexicon.predicate_prefix.iter().any(|prefix| {
                    word.get(..prefix[0].len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(&prefix[0]))
                }))
    }

    /// A year right after "N tahun lalu": "(2003)", ", pada 2003", ", tepatnya 26 Desember 2004".
    fn linked_year_after(&self, from: usize, sentence_end: usize) -> Option<WrittenYear> {
        let mut index = from;
        for _ in 0..4 {
            if index >= sentence_end {
                return None;
            }
            if matches!(
                self.mark(index),
                Some(',' | '(' | '-' | '\u{2013}' | '\u{2014}')
            ) {
                index += 1;
            } else if let Some(after) = self.phrase_at(index, &lexicon().year_link) {
                index = after;
            } else {
                break;
            }
        }
        (index < sentence_end)
            .then(|| self.written_year_at(index))
            .flatten()
    }

    /// A year right before "N tahun lalu": "pada 2003, atau 20 tahun lalu", "in 2003 (20 years ago)".
    fn linked_year_before(&self, count_index: usize, sentence_start: usize) -> Option<WrittenYear> {
        let mut index = count_index;
        for _ in 0..3 {
            let before = index
                .checked_sub(1)
                .filter(|before| *before >= sentence_start)?;
            if matches!(
                self.mark(before),
                Some(',' | '(' | '-' | '\u{2013}' | '\u{2014}')
            ) {
                index = before;
            } else if let Some(start) = self.phrase_ending_at(index, &lexicon().year_link) {
                index = start;
            } else {
                break;
            }
        }
        let year_index = index
            .checked_sub(1)
            .filter(|year_index| *year_index >= sentence_start)?;
        let year = self.bare_year(year_index)?;
        // The start of a full date ending in this year, for the span shown.
        let mut first = year_index;
        if year_index >= 2
            && self.month_at(year_index - 1).is_some()
            && self.is_number(year_index - 2)
        {
            first = year_index - 2;
        }
        Some(WrittenYear {
            year,
            first,
            last: year_index,
        })
    }

    /// A capitalised month name or abbreviation ("September", "Sept", "Agu"): its number.
    fn month_at(&self, index: usize) -> Option<u8> {
        let word = self.str(index);
        if !self.is_word(index) || !word.starts_with(char::is_uppercase) {
            return None;
        }
        calendar::month_number(word)
    }

    /// "st", "nd", "rd", "th" joined to a number ("14th").
    fn is_ordinal_suffix(&self, index: usize) -> bool {
        self.joined(index)
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|suffix| self.word_is(index, suffix))
    }

    /// A dash starting a range: "14-15 September", "Sept. 14 – 16".
    fn is_range_dash(&self, index: usize) -> bool {
        matches!(self.mark(index), Some('-' | '\u{2013}' | '\u{2014}')) && self.is_number(index + 1)
    }

    /// "%", "persen", "percent", "per cent" at `index`: the index after it.
    fn percent_at(&self, index: usize) -> Option<usize> {
        if self.mark(index) == Some('%') {
            return Some(index + 1);
        }
        self.phrase_at(index, &lexicon().percent)
    }

    /// A scale word at `index` ("juta", "billion"): the index after it, and its factor.
    fn scale_at(&self, index: usize) -> Option<(usize, f64)> {
        lexicon().scale.iter().find_map(|(phrase, factor)| {
            self.phrase_matches(index, phrase)
                .map(|after| (after, *factor))
        })
    }

    fn phrase_matches(&self, index: usize, phrase: &[String]) -> Option<usize> {
        let all_match = phrase
            .iter()
            .enumerate()
            .all(|(offset, word)| self.word_is(index + offset, word));
        all_match.then_some(index + phrase.len())
    }

    /// The longest phrase of the list starting at `index`: the index after it.
    fn phrase_at(&self, index: usize, phrases: &[Vec<String>]) -> Option<usize> {
        // Called for every word of a sentence: compare first words before whole phrases.
        if !self.is_word(index) {
            return None;
        }
        let first = self.str(index);
        phrases
            .iter()
            .filter(|phrase| phrase[0].eq_ignore_ascii_case(first))
            .filter_map(|phrase| self.phrase_matches(index, phrase))
            .max()
    }

    /// The longest phrase of the list ending just before `end`: the index of its first token.
    fn phrase_ending_at(&self, end: usize, phrases: &[Vec<String>]) -> Option<usize> {
        phrases
            .iter()
            .filter_map(|phrase| {
                let start = end.checked_sub(phrase.len())?;
                self.phrase_matches(start, phrase).map(|_| start)
            })
            .min()
    }

    /// The sentence around token `index`, as `start..end` token indices within the window.
    fn sentence_around(&self, index: usize) -> (usize, usize) {
        let mut start = index;
        while start > 0 && !self.ends_sentence(start - 1) {
            start -= 1;
        }
        let mut end = index + 1;
        while end < self.tokens.len() && !self.ends_sentence(end) {
            end += 1;
        }
        (start, end)
    }

    fn ends_sentence(&self, index: usize) -> bool {
        match self.tokens[index].kind {
            TokenKind::LineBreak | TokenKind::Mark('!' | '?' | ';') => true,
            TokenKind::Mark('.') => {
                // Not the dot of "U.S", an initial, an abbreviation or "Sept.".
                if self.joined(index + 1) {
                    return false;
                }
                let Some(before) = index.checked_sub(1).filter(|&before| self.is_word(before))
                else {
                    return true;
                };
                let word = self.str(before);
                let is_abbreviation = word.chars().count() == 1
                    || self.phrase_at(before, &lexicon().abbreviation).is_some()
                    || (word.len() <= 4 && calendar::month_number(word).is_some());
                !is_abbreviation
            }
            _ => false,
        }
    }
}

fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    // ASCII is classified byte by byte; other characters are decoded.
    let char_at = |index: usize| {
        if index < to {
            text[index..to].chars().next()
        } else {
            None
        }
    };
    let letter_at = |index: usize| match bytes.get(index) {
        Some(b) if index < to && b.is_ascii() => b.is_ascii_alphabetic(),
        _ => char_at(index).is_some_and(char::is_alphabetic),
    };
    let mut tokens = Vec::with_capacity((to - from) / 5);
    let mut index = from;
    let mut spaced = true;
    while index < to {
        let start = index;
        let byte = bytes[index];
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            char_at(index).expect("index is on a char boundary")
        };
        index += c.len_utf8();
        if c == '\n' {
            tokens.push(Token {
                kind: TokenKind::LineBreak,
                start,
                end: index,
                spaced,
            });
            spaced = true;
            continue;
        }
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            while index < to {
                if bytes[index].is_ascii_digit() {
                    index += 1;
                } else if matches!(bytes[index], b'.' | b',')
                    && index + 1 < to
                    && bytes[index + 1].is_ascii_digit()
                {
                    index += 2;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            while index < to {
                let byte = bytes[index];
                // Letters, and an apostrophe or hyphen between letters ("Jum'at", "kira-kira").
                if byte.is_ascii_alphabetic()
                    || (matches!(byte, b'\'' | b'-') && letter_at(index + 1))
                {
                    index += 1;
                } else if byte.is_ascii() {
                    break;
                } else {
                    let next = char_at(index).expect("index is on a char boundary");
                    if next.is_alphabetic()
                        || (next == '\u{2019}' && letter_at(index + next.len_utf8()))
                    {
                        index += next.len_utf8();
                    } else {
                        break;
                    }
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Mark(c)
        };
        tokens.push(Token {
            kind,
            start,
            end: index,
            spaced,
        });
        spaced = false;
    }
    tokens
}

// ---------------------------------------------------------------------------------------
// Lexicon

const CHECK_WORDS: [&str; 2] = [
    include_str!("../../lexicons/checks.id.txt"),
    include_str!("../../lexicons/checks.en.txt"),
];

/// Words the checks read, from `lexicons/checks.*.txt`; each phrase is its lower-case words.
#[derive(Default)]
struct Lexicon {
    weekday_then: Vec<Vec<String>>,
    not_before_weekday: Vec<Vec<String>>,
    hedge: Vec<Vec<String>>,
    since: Vec<Vec<String>>,
    since_cue: Vec<Vec<String>>,
    ago: Vec<Vec<String>>,
    year_link: Vec<Vec<String>>,
    clause_link: Vec<Vec<String>>,
    relative: Vec<Vec<String>>,
    predicate: Vec<Vec<String>>,
    predicate_prefix: Vec<Vec<String>>,
    anniversary_verb: Vec<Vec<String>>,
    anniversary_noun: Vec<Vec<String>>,
    shift: Vec<Vec<String>>,
    change: Vec<Vec<String>>,
    connector: Vec<Vec<String>>,
    percent: Vec<Vec<String>>,
    currency: Vec<Vec<String>>,
    abbreviation: Vec<Vec<String>>,
    scale: Vec<(Vec<String>, f64)>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon::default();
        for line in CHECK_WORDS.iter().flat_map(|source| source.lines()) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once(':')
                .unwrap_or_else(|| panic!("checks lexicon: no key in {line:?}"));
            let words = |phrase: &str| {
                phrase
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            };
            let list = match key.trim() {
                "weekday-then" => &mut lexicon.weekday_then,
                "not-before-weekday" => &mut lexicon.not_before_weekday,
                "hedge" => &mut lexicon.hedge,
                "since" => &mut lexicon.since,
                "since-cue" => &mut lexicon.since_cue,
                "ago" => &mut lexicon.ago,
                "year-link" => &mut lexicon.year_link,
                "clause-link" => &mut lexicon.clause_link,
                "relative" => &mut lexicon.relative,
                "predicate" => &mut lexicon.predicate,
                "predicate-prefix" => &mut lexicon.predicate_prefix,
                "anniversary-verb" => &mut lexicon.anniversary_verb,
                "anniversary-noun" => &mut lexicon.anniversary_noun,
                "shift" => &mut lexicon.shift,
                "change" => &mut lexicon.change,
                "connector" => &mut lexicon.connector,
                "percent" => &mut lexicon.percent,
                "currency" => &mut lexicon.currency,
                "abbreviation" => &mut lexicon.abbreviation,
                "scale" => {
                    let (phrase, factor) = value.trim().rsplit_once(' ').unwrap_or_else(|| {
                        panic!("checks lexicon: scale needs a factor: {line:?}")
                    });
                    let factor: f64 = factor
                        .parse()
                        .unwrap_or_else(|_| panic!("checks lexicon: bad factor in {line:?}"));
                    lexicon.scale.push((words(phrase), factor));
                    continue;
                }
                other => panic!("checks lexicon: unknown key {other:?}"),
            };
            let phrase = words(value);
            assert!(
                !phrase.is_empty(),
                "checks lexicon: empty phrase in {line:?}"
            );
            list.push(phrase);
        }
        lexicon
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The one regex that [`year_counts`] splits in two, for comparison.
    fn year_counts_by_one_regex(text: &str) -> Vec<(usize, &str)> {
        Regex::new(concat!(
            r"(?-u:\b)[0-9]{1,3}(?:\s+(?i:tahun|years?)|(?i:st|nd|rd|th))(?-u:\b)",
            r"|(?-u:\b)(?i:ke)\s?-?\s?[0-9]{1,3}(?-u:\b)"
        ))
        .unwrap()
        .find_iter(text)
        .map(|m| (m.start(), m.as_str()))
        .collect()
    }

    #[test]
    fn year_counts_are_the_alternations_matches() {
        for text in [
            "HUT ke-78 dan 75 tahun sejak 1948; ke 75 tahun, KE-5th, the 75th year, 3 years ago",
            "ke 75 tahun ke-2023 ke-12tahun 12 tahunan 1st 22nd 103rd 1000 tahun ke\u{a0}-\u{a0}7",
        ] {
            assert_eq!(
                year_counts(text).collect::<Vec<_>>(),
                year_counts_by_one_regex(text),
                "{text}"
            );
        }
    }

    proptest! {
        #[test]
        fn year_counts_match_the_alternation_on_any_mix(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "ke", "KE", "Ke", "k", "e", "-", " ", "\u{a0}", "7", "75", "2023", "tahun",
                    "years", "year", "st", "th", "nd", "rd", "an", "x", ".", "\u{17f}", "é",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            prop_assert_eq!(
                year_counts(&text).collect::<Vec<_>>(),
                year_counts_by_one_regex(&text)
            );
        }
    }

    /// The checks of one kind, as (checked text, ok, detail).
    fn run(kind: &str, text: &str, published: Option<&str>) -> Vec<(String, bool, String)> {
        consistency_checks(text, published)
            .into_iter()
            .filter(|check| check.kind == kind)
            .map(|check| {
                (
                    text[check.start..check.end].to_string(),
                    check.ok,
                    check.detail,
                )
            })
            .collect()
    }

    /// The one check of a kind in the text.
    fn only(kind: &str, text: &str, published: Option<&str>) -> (String, bool, String) {
        let mut found = run(kind, text, published);
        assert_eq!(
            found.len(),
            1,
            "expected one {kind} check in {text:?}, got {found:?}"
        );
        found.remove(0)
    }

    fn weekday(text: &str, published: Option<&str>) -> (String, bool, String) {
        only(WEEKDAY_MATCHES_DATE, text, published)
    }

    #[test]
    fn weekday_with_a_full_indonesian_date() {
        let (span, ok, detail) = weekday(
            "Rapat digelar pada Kamis, 14 September 2023, di Balai Kota.",
            None,
        );
        assert_eq!(span, "Kamis, 14 September 2023");
        assert!(ok, "{detail}");
        let (_, ok, detail) = weekday(
            "Rapat digelar pada Rabu, 14 September 2023, di Balai Kota.",
            None,
        );
        assert!(!ok);
        assert_eq!(
            detail,
            "14 September 2023 falls on a Thursday (Kamis), not a Wednesday (Rabu)"
        );
        let (_, ok, _) = weekday(
            "JAKARTA, KAMIS, 14 SEPTEMBER 2023 - Hujan turun sejak pagi.",
            None,
        );
        assert!(ok);
        let (_, ok, _) = weekday(
            "Salat digelar Jum\u{2019}at, 15 September 2023 di masjid raya.",
            None,
        );
        assert!(ok);
    }

    #[test]
    fn weekday_with_a_numeric_indonesian_date() {
        let (span, ok, _) = weekday(
            "Polisi menangkap tersangka pada Senin (20/10/2025) dini hari.",
            None,
        );
        assert_eq!(span, "Senin (20/10/2025)");
        assert!(ok);
        let (_, ok, detail) = weekday(
            "Polisi menangkap tersangka pada Selasa (20/10/2025) dini hari.",
            None,
        );
        assert!(!ok);
        assert!(
            detail.contains("Monday (Senin), not a Tuesday (Selasa)"),
            "{detail}"
        );
        let (span, ok, _) = weekday(
            "Warga berkumpul Selasa malam (12/9/2023) di lapangan.",
            None,
        );
        assert_eq!(span, "Selasa malam (12/9/2023)");
        assert!(ok);
    }

    #[test]
    fn weekday_without_a_year_takes_the_year_nearest_the_article() {
        let (_, ok, detail) = weekday(
            "Banjir melanda desa itu pada Selasa (14/9).",
            Some("2023-09-15T08:00:00+07:00"),
        );
        assert!(!ok);
        assert!(
            detail
                .contains("14 September 2023 falls on a Thursday (Kamis), not a Tuesday (Selasa)"),
            "{detail}"
        );
        assert!(detail.contains("taken as 2023"), "{detail}");
        let (_, ok, _) = weekday(
            "Banjir melanda desa itu pada Kamis (14/9).",
            Some("2023-09-15"),
        );
        assert!(ok);
        // Late December in an article of early January is the year before.
        let (_, ok, detail) = weekday("Pasar ditutup pada Jumat (29/12) lalu.", Some("2024-01-02"));
        assert!(ok, "{detail}");
        assert!(detail.contains("29 December 2023"), "{detail}");
        // No publication date: the latest full date in the text decides.
        let text = "Jakarta, 15 September 2023 - Banjir melanda desa itu pada Kamis (14/9).";
        let (_, ok, detail) = weekday(text, None);
        assert!(ok);
        assert!(
            detail.contains("the latest full date in the text, 15 September 2023"),
            "{detail}"
        );
        // Neither: the year cannot be known, so nothing is checked.
        assert!(
            run(
                WEEKDAY_MATCHES_DATE,
                "Banjir melanda desa itu pada Kamis (14/9).",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn weekday_with_english_dates() {
        let (span, ok, _) = weekday(
            "The council met on Thursday, Sept. 14, 2023, to vote.",
            None,
        );
        assert_eq!(span, "Thursday, Sept. 14, 2023");
        assert!(ok);
        let (_, ok, detail) = weekday("The council met on Friday, Sept. 14, 2023, to vote.", None);
        assert!(!ok);
        assert_eq!(
            detail,
            "14 September 2023 falls on a Thursday, not a Friday"
        );
        let (_, ok, _) = weekday("The council met on Thursday, 14 September 2023.", None);
        assert!(ok);
        let (span, ok, _) = weekday(
            "The council met on Thursday (Sept 14) in the old hall.",
            Some("2023-09-20"),
        );
        assert_eq!(span, "Thursday (Sept 14)");
        assert!(ok);
        let (_, ok, _) = weekday(
            "The council met on Monday (Sept 14) in the old hall.",
            Some("2023-09-20"),
        );
        assert!(!ok);
        let (_, ok, _) = weekday(
            "Fans queued on Thursday night, September 14th, for tickets.",
            Some("2023-09-20"),
        );
        assert!(ok);
    }

    #[test]
    fn impossible_dates_named_with_a_weekday() {
        let (_, ok, detail) = weekday("Acara berlangsung Kamis, 31 September 2023.", None);
        assert!(!ok);
        assert_eq!(
            detail,
            "there is no 31 September 2023: September 2023 has 30 days"
        );
        let (_, ok, _) = weekday("Acara berlangsung Rabu, 29 Februari 2023.", None);
        assert!(!ok);
        let (_, ok, _) = weekday("Acara berlangsung Kamis, 29 Februari 2024.", None);
        assert!(ok);
    }

    #[test]
    fn weekday_look_alikes_are_not_checked() {
        for text in [
            // A week, not Sunday; Saturday night; a range of days; a range of dates.
            "Proyek itu selesai dalam dua Minggu, 14 September 2023 menjadi batasnya.",
            "Konser digelar malam Minggu (16/9/2023) di alun-alun.",
            "Pameran dibuka Senin-Kamis (11-14/9/2023) di gedung itu.",
            "Pameran dibuka Kamis, 14-15 September 2023 di gedung itu.",
            "Pameran dibuka Senin\u{2013}Rabu, 14 September 2023 di gedung itu.",
            // Lower case "minggu" is a week; lower case "may" is not a month.
            "Sudah tiga minggu, 14 September 2023 lewat.",
            "On Friday, may 14 people have left.",
            // Not a date: a two-digit year, a score, a day and month out of range.
            "Rapat Kamis (14/9/23) ditunda.",
            "Skor akhir Kamis (3/40) mengecewakan.",
            "Rapat Kamis (32/9/2023) ditunda.",
            // Part of longer words.
            "Kamisan, 14 September 2023, digelar lagi. SelasaKamis 14/9/2023",
        ] {
            assert!(
                run(WEEKDAY_MATCHES_DATE, text, Some("2023-09-20")).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn years_since_in_indonesian() {
        let text =
            "Parade digelar untuk menandai 75 tahun sejak berdirinya negara itu pada tahun 1948.";
        let (span, ok, detail) = only(YEARS_SINCE, text, Some("2023-09-09"));
        assert_eq!(span, "75 tahun sejak berdirinya negara itu pada tahun 1948");
        assert!(ok);
        assert_eq!(
            detail,
            "1948 to 2023 is 75 years, as written (2023 is the year of the publication date, 9 September 2023)"
        );
        let (_, ok, detail) = only(YEARS_SINCE, text, Some("2026-01-05"));
        assert!(!ok);
        assert!(
            detail.starts_with("1948 to 2026 is 78 years, not 75"),
            "{detail}"
        );
        // Whole years since a year depend on the day: one year either way is allowed.
        let text = "Sudah 74 tahun sejak perjanjian itu ditandatangani pada 1948.";
        let (_, ok, detail) = only(YEARS_SINCE, text, Some("2023-03-01"));
        assert!(ok);
        assert!(detail.contains("within a year"), "{detail}");
    }

    #[test]
    fn anniversaries_count_exactly() {
        let text = "Warga memperingati 80 tahun kemerdekaan Indonesia yang diproklamasikan pada 17 Agustus 1945.";
        let (span, ok, _) = only(YEARS_SINCE, text, Some("2025-08-17"));
        assert_eq!(
            span,
            "memperingati 80 tahun kemerdekaan Indonesia yang diproklamasikan pada 17 Agustus 1945"
        );
        assert!(ok);
        let (_, ok, detail) = only(YEARS_SINCE, text, Some("2024-08-17"));
        assert!(!ok);
        assert!(detail.contains("the 79th, not the 80th"), "{detail}");

        let text = "Upacara HUT ke-78 RI, yang merdeka pada 1945, berlangsung khidmat.";
        let (span, ok, _) = only(YEARS_SINCE, text, Some("2023-08-17"));
        assert_eq!(span, "HUT ke-78 RI, yang merdeka pada 1945");
        assert!(ok);
        let (_, ok, _) = only(YEARS_SINCE, text, Some("2025-08-17"));
        assert!(!ok);

        let text = "Ia merayakan ulang tahun ke-75 setelah lahir di Medan pada 1948.";
        assert!(only(YEARS_SINCE, text, Some("2023-05-02")).1);

        let text =
            "The city held a parade for the 75th anniversary of the republic, founded in 1948.";
        assert!(only(YEARS_SINCE, text, Some("2023-09-09")).1);
        let (_, ok, detail) = only(YEARS_SINCE, text, Some("2021-09-09"));
        assert!(!ok);
        assert!(detail.contains("the 73rd, not the 75th"), "{detail}");
    }

    #[test]
    fn years_since_in_english() {
        let text = "It has been 75 years since the republic was founded in 1948.";
        assert!(only(YEARS_SINCE, text, Some("2023-09-09")).1);
        let text = "It has been 80 years since the republic was founded in 1948.";
        let (_, ok, detail) = only(YEARS_SINCE, text, Some("2023-09-09"));
        assert!(!ok);
        assert!(detail.contains("not 80"), "{detail}");
    }

    #[test]
    fn years_ago_both_ways_round() {
        let text = "Gempa besar itu terjadi 20 tahun lalu, tepatnya pada 26 Desember 2004.";
        let (span, ok, _) = only(YEARS_AGO, text, Some("2024-12-26"));
        assert_eq!(span, "20 tahun lalu, tepatnya pada 26 Desember 2004");
        assert!(ok);
        let text = "Pada 2003, atau 25 tahun lalu, jembatan itu dibangun.";
        let (span, ok, detail) = only(YEARS_AGO, text, Some("2023-06-01"));
        assert_eq!(span, "2003, atau 25 tahun lalu");
        assert!(!ok);
        assert!(
            detail.contains("2003 to 2023 is 20 years, not 25"),
            "{detail}"
        );
        let text = "Kasus itu muncul 3 tahun lalu, pada Maret 2020.";
        assert!(only(YEARS_AGO, text, Some("2023-03-01")).1);
        let text = "The bridge opened 20 years ago, in 2003.";
        assert!(only(YEARS_AGO, text, Some("2023-06-01")).1);
        let text = "The bridge opened 30 years ago, in 2003.";
        assert!(!only(YEARS_AGO, text, Some("2023-06-01")).1);
        // "Years ago" is often rounded: one year off is allowed.
        let text = "The bridge opened 21 years ago (2003).";
        assert!(only(YEARS_AGO, text, Some("2023-06-01")).1);
    }

    #[test]
    fn year_arithmetic_reckoned_from_the_text_when_there_is_no_publication_date() {
        let text = "Jakarta, Kamis (14/9/2023) - Parade menandai 75 tahun sejak berdirinya negara itu pada 1948.";
        let (_, ok, detail) = only(YEARS_SINCE, text, None);
        assert!(ok);
        assert!(
            detail.contains("the latest full date in the text, 14 September 2023"),
            "{detail}"
        );
        assert!(
            run(
                YEARS_SINCE,
                "Parade menandai 75 tahun sejak berdirinya negara itu pada 1948.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn hedged_or_shifted_year_counts_are_not_checked() {
        for text in [
            "Sudah hampir 80 tahun sejak negara itu berdiri pada 1948.",
            "It has been nearly 80 years since the republic was founded in 1948.",
            "It has been more than 80 years since the republic was founded in 1948.",
            "Dalam 3 tahun sejak 2015, perusahaan itu tumbuh pesat.",
            "Tahun depan, warga akan memperingati 80 tahun kemerdekaan yang diraih pada 1945.",
            "Menjelang HUT ke-80 RI yang merdeka pada 1945, warga memasang bendera.",
            "Pada 2020, negara itu memperingati 75 tahun kemerdekaan yang diraih pada 1945.",
            "The country marked 75 years of independence, won in 1945, at the time.",
            "Musik itu populer 30 tahun sejak tahun 1990-an.",
            "Sudah 2,5 tahun sejak 2019 berlalu.",
            "Pemilu ke-12 digelar pada 2024.",
            "Harga naik 5 tahun sejak 2.000 ton hilang.",
            // A term that started then, not the time until now.
            "Ia menjalani hukuman 5 tahun sejak 2015 di lapas itu.",
            // Paired with the wrong year: a new clause, or a count far from the arithmetic.
            "Pada HUT ke-78 RI, Presiden yang menjabat sejak 2014 berpidato.",
            "Upacara HUT ke-78 RI digelar di gedung yang dibangun pada 1980.",
            "The 75th anniversary was held in a hall built in 1980.",
        ] {
            let checks = consistency_checks(text, Some("2023-09-09"));
            let year_checks: Vec<_> = checks
                .iter()
                .filter(|c| c.kind == YEARS_SINCE || c.kind == YEARS_AGO)
                .collect();
            assert!(year_checks.is_empty(), "{text}: {year_checks:?}");
        }
    }

    #[test]
    fn percent_change_in_indonesian() {
        let text = "Jumlah pengunjung naik dari 200 menjadi 250 orang, atau 25 persen.";
        let (span, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert_eq!(span, "dari 200 menjadi 250 orang, atau 25 persen");
        assert!(ok);
        assert_eq!(detail, "from 200 to 250 is a rise of 25%, as written");
        let text = "Jumlah pengunjung naik dari 200 menjadi 250 orang, atau 20 persen.";
        let (_, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert!(!ok);
        assert_eq!(detail, "from 200 to 250 is a rise of 25%, not 20 persen");
        // Thousand dots and decimal commas, scale words, a fall.
        let text =
            "Harga beras naik dari Rp 10.000 menjadi Rp 12.500 per kilogram atau naik 25 persen.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Ekspor turun dari 1,2 juta ton menjadi 900.000 ton atau 25 persen.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Produksi naik dari 1,2 menjadi 1,5 juta ton, atau 25 persen.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Produksi naik dari 1,2 menjadi 1,5 juta ton, atau 60 persen.";
        assert!(!only(PERCENT_CHANGE, text, None).1);
        let text = "Ekspor turun dari 1,2 juta ton menjadi 900.000 ton atau 40 persen.";
        assert!(!only(PERCENT_CHANGE, text, None).1);
        // The percentage first.
        let text = "Penjualan naik 25 persen dari 1.200 menjadi 1.500 unit.";
        let (span, ok, _) = only(PERCENT_CHANGE, text, None);
        assert_eq!(span, "25 persen dari 1.200 menjadi 1.500");
        assert!(ok);
        let text = "Penjualan naik sebesar 30 persen dari 1.200 menjadi 1.500 unit.";
        assert!(!only(PERCENT_CHANGE, text, None).1);
    }

    #[test]
    fn percent_change_in_english() {
        let text = "Sales rose from 1,200 to 1,500 units, an increase of 25%.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Sales rose 25% to $250 million from $200 million.";
        let (span, ok, _) = only(PERCENT_CHANGE, text, None);
        assert_eq!(span, "25% to $250 million from $200 million");
        assert!(ok);
        let text = "Sales fell 20 percent from $250 to $200.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Sales rose 30% from 200 to 250.";
        let (_, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert!(!ok);
        assert_eq!(detail, "from 200 to 250 is a rise of 25%, not 30%");
        // Rounded figures: 1.2 and 1.5 billion could be 1.15 and 1.55, a rise of 35%.
        let text = "Revenue grew from $1.2 billion to $1.5 billion, up 30%.";
        let (_, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert!(ok, "{detail}");
        let text = "Revenue grew from $1.2 billion to $1.5 billion, up 60%.";
        assert!(!only(PERCENT_CHANGE, text, None).1);
    }

    #[test]
    fn percentages_of_percentages_may_be_points() {
        let text = "Tingkat kemiskinan naik dari 20 persen menjadi 30 persen, atau 10 persen.";
        let (_, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert!(ok);
        assert!(
            detail.contains("or 10 percentage points, which matches the stated 10 persen"),
            "{detail}"
        );
        let text = "Tingkat kemiskinan naik dari 20 persen menjadi 30 persen, atau 50 persen.";
        assert!(only(PERCENT_CHANGE, text, None).1);
        let text = "Tingkat kemiskinan naik dari 20 persen menjadi 30 persen, atau 25 persen.";
        let (_, ok, detail) = only(PERCENT_CHANGE, text, None);
        assert!(!ok);
        assert!(
            detail.contains("or 10 percentage points; neither is the stated 25 persen"),
            "{detail}"
        );
        // Small whole numbers may be rounded a long way: 2 and 3 could be 2.49 and 2.74.
        let text = "Tingkat pengangguran naik dari 2 persen menjadi 3 persen, atau 10 persen.";
        assert!(only(PERCENT_CHANGE, text, None).1);
    }

    #[test]
    fn figures_that_are_not_a_stated_change_are_not_checked() {
        for text in [
            "Sales rose from 2019 to 2023, up 5% in all.",
            "Dari 200 peserta, 50 orang atau 25 persen tidak hadir.",
            "Prices rose from 200 to 250 while wages fell 3%.",
            "Numbers ranged from 10 to 20 people, or 5% of the town.",
            "Jumlahnya naik dari 200 menjadi 250, atau 25 persen dari total warga.",
            "Libur berlangsung dari 1 Januari ke 3 Januari, naik 5 persen.",
        ] {
            assert!(run(PERCENT_CHANGE, text, None).is_empty(), "{text}");
        }
    }

    #[test]
    fn figures_in_both_conventions() {
        let id = Language::Indonesian;
        let en = Language::English;
        assert_eq!(parse_figure("1.200", id), Some((1200.0, 0.5)));
        assert_eq!(parse_figure("1.200", en), Some((1.2, 0.0005)));
        assert_eq!(parse_figure("1,200", en), Some((1200.0, 0.5)));
        assert_eq!(parse_figure("5,12", id), Some((5.12, 0.005)));
        assert_eq!(parse_figure("5.12", id), Some((5.12, 0.005)));
        assert_eq!(parse_figure("1.200.000", en), Some((1_200_000.0, 0.5)));
        assert_eq!(parse_figure("1.234,5", id), Some((1234.5, 0.05)));
        assert_eq!(parse_figure("1,234.5", id), Some((1234.5, 0.05)));
        assert_eq!(parse_figure("12,34,567", en), None);
        assert_eq!(parse_figure("1234.567,8", id), None);
    }

    #[test]
    fn several_checks_come_in_text_order() {
        let text = "Jakarta, Kamis (14/9/2023) - Pada Rabu, 13 September 2023, harga naik dari 200 menjadi 250 atau 25 persen. \
                    Parade menandai 75 tahun sejak negara itu berdiri pada 1948.";
        let checks = consistency_checks(text, Some("2023-09-14"));
        let kinds: Vec<_> = checks.iter().map(|c| (c.kind, c.ok)).collect();
        assert_eq!(
            kinds,
            [
                (WEEKDAY_MATCHES_DATE, true),
                (WEEKDAY_MATCHES_DATE, true),
                (PERCENT_CHANGE, true),
                (YEARS_SINCE, true)
            ]
        );
    }

    #[test]
    fn hostile_input_is_quick_and_quiet() {
        let digits = "7".repeat(1_000_000);
        assert!(consistency_checks(&digits, Some("2023-01-01")).is_empty());
        let names = "Kamis, ".repeat(100_000);
        assert!(consistency_checks(&names, Some("2023-01-01")).is_empty());
        let counts = "5 tahun sejak ke-5 dari 1 menjadi ".repeat(30_000);
        consistency_checks(&counts, Some("2023-01-01"));
    }

    fn assert_well_formed(text: &str, checks: &[Check]) {
        for check in checks {
            assert!(
                check.start <= check.end && check.end <= text.len(),
                "{check:?}"
            );
            assert!(
                text.is_char_boundary(check.start) && text.is_char_boundary(check.end),
                "{check:?}"
            );
            assert!(!check.detail.is_empty());
        }
    }

    /// Pieces that the checks react to, so random text reaches deep into them.
    const PIECES: &[&str] = &[
        "Kamis",
        "KAMIS",
        "Jum'at",
        "Jum\u{2019}at",
        "Minggu",
        "Thursday",
        ", ",
        " ",
        "(",
        ")",
        "/",
        "-",
        "\u{2013}",
        ".",
        "\n",
        "14",
        "9",
        "31",
        "2023",
        "1948",
        "1.200",
        "5,12",
        "September",
        "Sept",
        "Mei",
        "May",
        "tahun",
        "years",
        "sejak",
        "since",
        "lalu",
        "ago",
        "ke",
        "th",
        "HUT",
        "anniversary",
        "memperingati",
        "dari",
        "from",
        "menjadi",
        "to",
        "naik",
        "rose",
        "persen",
        "%",
        "Rp",
        "$",
        "juta",
        "atau",
        "é",
        "\u{1F600}",
        "\u{a0}",
        "per",
        "cent",
    ];

    proptest! {
        #[test]
        fn any_text_gives_well_formed_checks(text in "\\PC{0,300}", published in proptest::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            let checks = consistency_checks(&text, published.as_deref());
            assert_well_formed(&text, &checks);
        }

        #[test]
        fn pieces_of_dates_and_figures_give_well_formed_checks(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..80),
            published in proptest::option::of(Just("2023-09-14")),
        ) {
            let text: String = pieces.concat();
            let checks = consistency_checks(&text, published);
            assert_well_formed(&text, &checks);
        }
    }
}
