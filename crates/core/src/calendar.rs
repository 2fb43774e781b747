//! Month and weekday names in Indonesian and English, and the little calendar arithmetic
//! that dates in news text need. One name table for the whole workspace: ingest reads
//! publication dates with it and the consistency checks test dates against it. The names
//! are data (`lexicons/calendar.*.txt`) so a newsroom's spellings can be added there.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

const INDONESIAN: &str = include_str!("../lexicons/calendar.id.txt");
const ENGLISH: &str = include_str!("../lexicons/calendar.en.txt");

/// The languages whose calendar names factdesk knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Indonesian,
    English,
}

/// A day of the week, in ISO 8601 order (Monday first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 1 for Monday to 7 for Sunday, as ISO 8601 and the lexicon files number them.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    fn from_number(number: u8) -> Option<Weekday> {
        Weekday::ALL
            .get(usize::from(number).checked_sub(1)?)
            .copied()
    }

    /// The day's name as users read it ("Kamis", "Thursday").
    pub fn name(self, language: Language) -> &'static str {
        names().weekday_display[language as usize][self as usize]
    }
}

/// A valid date of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when there is no such day (31 September, 29 February 2023).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month)?;
        valid.then_some(Date { year, month, day })
    }

    /// The date at the start of "2023-09-14", "2023-09-14T10:00:00+07:00" and the like
    /// (the date as written, whatever the offset).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.trim().as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        };
        if bytes.get(4) != Some(&b'-')
            || bytes.get(7) != Some(&b'-')
            || bytes.get(10).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        Date::new(
            digits(0..4)? as i32,
            digits(5..7)? as u8,
            digits(8..10)? as u8,
        )
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it), so dates can be subtracted.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: years counted from March, so the leap day is last.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        let index = (self.days_since_epoch() + 3).rem_euclid(7) as u8;
        Weekday::from_number(index + 1).expect("index is below 7")
    }
}

impl fmt::Display for Date {
    /// "14 September 2023": unambiguous for readers of either language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = month_name(self.month, Language::English).unwrap_or("?");
        write!(f, "{} {} {}", self.day, month, self.year)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month of a year; `None` for a month number outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    })
}

/// The month (1–12) a name or abbreviation stands for, in either language: "Agustus",
/// "aug", "Sept." are all found; case does not matter.
pub fn month_number(name: &str) -> Option<u8> {
    names().months.get(&lookup_key(name)).copied()
}

/// A month's name as users read it ("Agustus", "August").
pub fn month_name(month: u8, language: Language) -> Option<&'static str> {
    names().month_display[language as usize]
        .get(usize::from(month).checked_sub(1)?)
        .copied()
}

/// The weekday a name stands for and the language of the name ("Kamis", "jum'at", "FRIDAY").
pub fn weekday_named(name: &str) -> Option<(Weekday, Language)> {
    names().weekdays.get(&lookup_key(name)).copied()
}

/// Every weekday name of both languages as the lexicons spell it, for building finders.
pub fn weekday_spellings() -> &'static [(&'static str, Weekday, Language)] {
    &names().weekday_spellings
}

fn lookup_key(name: &str) -> String {
    name.trim_end_matches('.')
        .replace('\u{2019}', "'")
        .to_lowercase()
}

struct Names {
    months: HashMap<String, u8>,
    weekdays: HashMap<String, (Weekday, Language)>,
    /// Indexed by `Language as usize`, then month − 1.
    month_display: [[&'static str; 12]; 2],
    /// Indexed by `Language as usize`, then `Weekday as usize`.
    weekday_display: [[&'static str; 7]; 2],
    weekday_spellings: Vec<(&'static str, Weekday, Language)>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Names {
            months: HashMap::new(),
            weekdays: HashMap::new(),
            month_display: [[""; 12]; 2],
            weekday_display: [[""; 7]; 2],
            weekday_spellings: Vec::new(),
        };
        for (source, language) in [
            (INDONESIAN, Language::Indonesian),
            (ENGLISH, Language::English),
        ] {
            for line in source
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
            {
                let mut fields = line.split_whitespace();
                let (kind, number) = (
                    fields.next(),
                    fields.next().and_then(|n| n.parse::<u8>().ok()),
                );
                let spellings: Vec<&'static str> = fields.collect();
                match (kind, number) {
                    (Some("month"), Some(month @ 1..=12)) if !spellings.is_empty() => {
                        names.month_display[language as usize][usize::from(month - 1)] =
                            spellings[0];
                        for spelling in spellings {
                            names.months.insert(lookup_key(spelling), month);
                        }
                    }
                    (Some("weekday"), Some(number)) if !spellings.is_empty() => {
                        let day = Weekday::from_number(number)
                            .expect("calendar lexicon: weekday numbers are 1 to 7");
                        names.weekday_display[language as usize][day as usize] = spellings[0];
                        for spelling in spellings {
                            names.weekdays.insert(lookup_key(spelling), (day, language));
                            names.weekday_spellings.push((spelling, day, language));
                        }
                    }
                    _ => panic!("calendar lexicon: cannot read line {line:?}"),
                }
            }
        }
        names
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(date(2023, 9, 14).weekday(), Weekday::Thursday);
        assert_eq!(date(2025, 10, 20).weekday(), Weekday::Monday);
        assert_eq!(date(1945, 8, 17).weekday(), Weekday::Friday);
        assert_eq!(date(2000, 2, 29).weekday(), Weekday::Tuesday);
        assert_eq!(date(2024, 3, 1).weekday(), Weekday::Friday);
        assert_eq!(date(1, 1, 1).weekday(), Weekday::Monday);
        assert_eq!(
            date(2023, 9, 14).days_since_epoch() - date(2023, 9, 13).days_since_epoch(),
            1
        );
        assert_eq!(
            date(2024, 1, 1).days_since_epoch() - date(2023, 1, 1).days_since_epoch(),
            365
        );
    }

    #[test]
    fn only_real_days_are_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2023, 9, 31).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 1, 0).is_none());
    }

    #[test]
    fn iso_dates_and_timestamps() {
        assert_eq!(Date::parse_iso("2023-09-14"), Date::new(2023, 9, 14));
        assert_eq!(
            Date::parse_iso("2023-09-14T23:30:00-05:00"),
            Date::new(2023, 9, 14)
        );
        assert_eq!(Date::parse_iso("2023-9-14"), None);
        assert_eq!(Date::parse_iso("20230914"), None);
        assert_eq!(Date::parse_iso("2023-02-30"), None);
        assert_eq!(Date::parse_iso("2023-09-145"), None);
        assert_eq!(Date::parse_iso(""), None);
    }

    #[test]
    fn names_in_both_languages() {
        assert_eq!(month_number("Agustus"), Some(8));
        assert_eq!(month_number("AUG"), Some(8));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("mei"), Some(5));
        assert_eq!(month_number("Pebruari"), Some(2));
        assert_eq!(month_number("Maybe"), None);
        assert_eq!(month_name(5, Language::Indonesian), Some("Mei"));
        assert_eq!(month_name(5, Language::English), Some("May"));
        assert_eq!(month_name(13, Language::English), None);
        assert_eq!(
            weekday_named("Kamis"),
            Some((Weekday::Thursday, Language::Indonesian))
        );
        assert_eq!(
            weekday_named("Jum\u{2019}at"),
            Some((Weekday::Friday, Language::Indonesian))
        );
        assert_eq!(
            weekday_named("ahad"),
            Some((Weekday::Sunday, Language::Indonesian))
        );
        assert_eq!(
            weekday_named("WEDNESDAY"),
            Some((Weekday::Wednesday, Language::English))
        );
        assert_eq!(Weekday::Friday.name(Language::Indonesian), "Jumat");
        assert_eq!(Weekday::Sunday.name(Language::English), "Sunday");
        assert_eq!(
            Date::new(1945, 8, 17).unwrap().to_string(),
            "17 August 1945"
        );
    }

    #[test]
    fn every_month_and_weekday_has_a_name_in_each_language() {
        for language in [Language::Indonesian, Language::English] {
            for month in 1..=12 {
                assert!(!month_name(month, language).unwrap().is_empty());
            }
            for day in Weekday::ALL {
                assert!(!day.name(language).is_empty());
            }
        }
    }
}
