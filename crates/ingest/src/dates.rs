//! Publication dates as pages state them, normalised to RFC 3339: ISO timestamps from
//! metadata, and the forms news text uses ("Kamis, 14 September 2023", "18 Jun 2025, 14:05
//! WIB", "Senin (20/10/2025)", "Sept. 14, 2023").

use factdesk_core::calendar;
use regex::Regex;
use std::sync::OnceLock;
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A month name or abbreviation in Indonesian or English ("Agustus", "Sept."), from core's
/// calendar table, which the consistency checks share.
fn month(name: &str) -> Option<Month> {
    calendar::month_number(name).and_then(|number| Month::try_from(number).ok())
}

/// Indonesian time zones named in text.
fn zone(name: &str) -> Option<UtcOffset> {
    let hours = match name.to_uppercase().as_str() {
        "WIB" => 7,
        "WITA" => 8,
        "WIT" => 9,
        "UTC" | "GMT" | "Z" => 0,
        _ => return None,
    };
    UtcOffset::from_hms(hours, 0, 0).ok()
}

fn regexes() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        let time = r"(?:[,|\s-]+(?:pukul\s+)?(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*(WIB|WITA|WIT|UTC|GMT)?)?";
        [
            // 14 September 2023[, 14:05 WIB]
            Regex::new(&format!(r"(?i)\b(\d{{1,2}})\s+([a-z]{{3,9}}\.?)\s+(\d{{4}}){time}")).unwrap(),
            // September 14, 2023 / Sept. 14, 2023
            Regex::new(&format!(r"(?i)\b([a-z]{{3,9}}\.?)\s+(\d{{1,2}}),?\s+(\d{{4}}){time}")).unwrap(),
            // 20/10/2025 (day first, as Indonesian news writes it)
            Regex::new(&format!(r"\b(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){time}")).unwrap(),
        ]
    })
}

/// Normalises a date as found in metadata or text to RFC 3339. A date or time without a
/// zone is taken in `default_offset` (WIB for Indonesian pages). `None` when no date is found.
pub fn normalise_date(raw: &str, default_offset: UtcOffset) -> Option<String> {
    let raw = raw.trim();
    if let Ok(parsed) = OffsetDateTime::parse(raw, &Rfc3339) {
        return parsed.format(&Rfc3339).ok();
    }
    if let Some(iso) = iso_like(raw, default_offset) {
        return Some(iso);
    }
    let [dmy, mdy, numeric] = regexes();
    // A year is in every form below; without four digits in a row there is nothing to find.
    if !raw
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    for (re, order) in [(dmy, 0), (mdy, 1), (numeric, 2)] {
        // is_match runs on a DFA; capturing (slower) only where a date is known to be.
        if !re.is_match(raw) {
            continue;
        }
        for caps in re.captures_iter(raw) {
            let (day, month_value) = match order {
                0 => (caps[1].parse().ok()?, month(&caps[2])),
                1 => (caps[2].parse().ok()?, month(&caps[1])),
                _ => (
                    caps[1].parse().ok()?,
                    caps[2]
                        .parse::<u8>()
                        .ok()
                        .and_then(|m| Month::try_from(m).ok()),
                ),
            };
            let (Some(month_value), Ok(year)) = (month_value, caps[3].parse::<i32>()) else {
                continue;
            };
            let Ok(date) = Date::from_calendar_date(year, month_value, day) else {
                continue;
            };
            let time = match (caps.get(4), caps.get(5)) {
                (Some(h), Some(m)) => {
                    Time::from_hms(h.as_str().parse().ok()?, m.as_str().parse().ok()?, 0).ok()?
                }
                _ => Time::MIDNIGHT,
            };
            let offset = caps
                .get(6)
                .and_then(|z| zone(z.as_str()))
                .unwrap_or(default_offset);
            return PrimitiveDateTime::new(date, time)
                .assume_offset(offset)
                .format(&Rfc3339)
                .ok();
        }
    }
    None
}

/// "2023-09-14", "2023-09-14 10:00:00", "2023-09-14T10:00:00.000+0700" and similar.
fn iso_like(raw: &str, default_offset: UtcOffset) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?").unwrap()
    });
    let caps = re.captures(raw)?;
    let date = Date::from_calendar_date(
        caps[1].parse().ok()?,
        Month::try_from(caps[2].parse::<u8>().ok()?).ok()?,
        caps[3].parse().ok()?,
    )
    .ok()?;
    let time = match (caps.get(4), caps.get(5)) {
        (Some(h), Some(m)) => Time::from_hms(
            h.as_str().parse().ok()?,
            m.as_str().parse().ok()?,
            caps.get(6).map_or(Some(0), |s| s.as_str().parse().ok())?,
        )
        .ok()?,
        _ => Time::MIDNIGHT,
    };
    let offset = match caps.get(7).map(|m| m.as_str()) {
        None => default_offset,
        Some("Z") => UtcOffset::UTC,
        Some(z) => {
            let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m): (i8, i8) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
            let sign = if z.starts_with('-') { -1 } else { 1 };
            UtcOffset::from_hms(sign * h, sign * m, 0).ok()?
        }
    };
    PrimitiveDateTime::new(date, time)
        .assume_offset(offset)
        .format(&Rfc3339)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wib() -> UtcOffset {
        UtcOffset::from_hms(7, 0, 0).unwrap()
    }

    #[test]
    fn metadata_timestamps() {
        assert_eq!(
            normalise_date("2023-09-14T10:00:00+07:00", wib()).as_deref(),
            Some("2023-09-14T10:00:00+07:00")
        );
        assert_eq!(
            normalise_date("2023-09-14T03:00:00.000Z", wib()).as_deref(),
            Some("2023-09-14T03:00:00Z")
        );
        assert_eq!(
            normalise_date("2023-09-14 10:00:00", wib()).as_deref(),
            Some("2023-09-14T10:00:00+07:00")
        );
        assert_eq!(
            normalise_date("2023-09-14T10:00:00+0700", wib()).as_deref(),
            Some("2023-09-14T10:00:00+07:00")
        );
        assert_eq!(
            normalise_date("2023-09-14", wib()).as_deref(),
            Some("2023-09-14T00:00:00+07:00")
        );
    }

    #[test]
    fn month_names_of_both_languages_and_their_abbreviations() {
        #[rustfmt::skip]
        let names = [
            ("januari", 1), ("january", 1), ("jan", 1),
            ("februari", 2), ("february", 2), ("feb", 2), ("pebruari", 2),
            ("maret", 3), ("march", 3), ("mar", 3),
            ("april", 4), ("apr", 4),
            ("mei", 5), ("may", 5),
            ("juni", 6), ("june", 6), ("jun", 6),
            ("juli", 7), ("july", 7), ("jul", 7),
            ("agustus", 8), ("august", 8), ("agu", 8), ("agt", 8), ("ags", 8), ("aug", 8),
            ("september", 9), ("sept", 9), ("sep", 9),
            ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10),
            ("november", 11), ("nopember", 11), ("nov", 11),
            ("desember", 12), ("december", 12), ("des", 12), ("dec", 12),
        ];
        for (name, number) in names {
            assert_eq!(month(name), Month::try_from(number).ok(), "{name}");
            assert_eq!(
                month(&format!("{}.", name.to_uppercase())),
                Month::try_from(number).ok(),
                "{name}"
            );
        }
        assert_eq!(month("mon"), None);
    }

    #[test]
    fn dates_written_in_news_text() {
        assert_eq!(
            normalise_date("Kamis, 14 September 2023", wib()).as_deref(),
            Some("2023-09-14T00:00:00+07:00")
        );
        assert_eq!(
            normalise_date("Diperbarui 18 Jun 2025, 14:05 WIB", wib()).as_deref(),
            Some("2025-06-18T14:05:00+07:00")
        );
        assert_eq!(
            normalise_date("Senin (20/10/2025)", wib()).as_deref(),
            Some("2025-10-20T00:00:00+07:00")
        );
        assert_eq!(
            normalise_date("Sept. 14, 2023", UtcOffset::UTC).as_deref(),
            Some("2023-09-14T00:00:00Z")
        );
        assert_eq!(
            normalise_date("Rabu, 3 Mei 2023 pukul 09.30 WITA", wib()).as_deref(),
            Some("2023-05-03T09:30:00+08:00")
        );
        assert_eq!(normalise_date("no date here", wib()), None);
        assert_eq!(normalise_date("31 Februari 2023", wib()), None);
    }
}
