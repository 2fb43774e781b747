//! When a watched article is fetched again. News articles are edited most in their first
//! hours and rarely after a month, so the interval grows with the article's age: by default
//! every 15 minutes in its first day, hourly until three days, every six hours until a week,
//! daily until a month, then weekly. A failed fetch waits longer each time it fails again.
//!
//! A schedule is written as text so that users can set it: `15m until 1d, 1h until 3d, 6h
//! until 1w, 1d until 30d, 1w` (units `m`, `h`, `d`, `w`; the last step has no `until`).

use std::fmt;

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const WEEK: i64 = 7 * DAY;

/// The built-in schedule.
pub const DEFAULT_SCHEDULE: &str = "15m until 1d, 1h until 3d, 6h until 1w, 1d until 30d, 1w";

/// Intervals by article age, in seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchSchedule {
    /// `(interval, until_age)`, ages increasing.
    steps: Vec<(i64, i64)>,
    /// The interval once the article is older than the last step.
    last: i64,
}

impl Default for WatchSchedule {
    fn default() -> Self {
        WatchSchedule::parse(DEFAULT_SCHEDULE).expect("the built-in schedule parses")
    }
}

impl WatchSchedule {
    /// Reads a schedule such as [`DEFAULT_SCHEDULE`]. Errors say which part is wrong.
    pub fn parse(text: &str) -> Result<WatchSchedule, String> {
        let parts: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let Some((last, steps)) = parts.split_last() else {
            return Err("a watch schedule needs at least one interval, such as `1d`".into());
        };
        let mut parsed = Vec::with_capacity(steps.len());
        let mut previous_age = 0;
        for part in steps {
            let Some((interval, age)) = part.split_once(" until ") else {
                return Err(format!(
                    "{part:?} should read `INTERVAL until AGE`, such as `1h until 3d`; only the last part has no `until`"
                ));
            };
            let (interval, age) = (duration(interval.trim())?, duration(age.trim())?);
            if age <= previous_age {
                return Err(format!(
                    "{part:?}: the ages must grow from one part to the next"
                ));
            }
            previous_age = age;
            parsed.push((interval, age));
        }
        if last.contains("until") {
            return Err(format!(
                "{last:?}: the last part is the interval for older articles, without `until`"
            ));
        }
        Ok(WatchSchedule {
            steps: parsed,
            last: duration(last)?,
        })
    }

    /// Seconds until the next check of an article `age` seconds old.
    pub fn interval(&self, age: i64) -> i64 {
        self.steps
            .iter()
            .find(|(_, until)| age < *until)
            .map_or(self.last, |(interval, _)| *interval)
    }

    /// Seconds until the next try after `failures` fetches in a row failed: the usual
    /// interval doubled per failure, but never longer than the interval for old articles,
    /// so a site that was down is tried again within a week.
    pub fn retry_interval(&self, age: i64, failures: u32) -> i64 {
        let base = self.interval(age);
        let longest = self.last.max(base);
        base.saturating_mul(1_i64 << failures.min(20)).min(longest)
    }
}

impl fmt::Display for WatchSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (interval, until) in &self.steps {
            write!(f, "{} until {}, ", show(*interval), show(*until))?;
        }
        write!(f, "{}", show(self.last))
    }
}

/// `15m`, `6h`, `3d`, `1w` in seconds.
fn duration(text: &str) -> Result<i64, String> {
    let unit = text.chars().last().unwrap_or(' ');
    let number = &text[..text.len() - unit.len_utf8().min(text.len())];
    let scale = match unit {
        'm' => MINUTE,
        'h' => HOUR,
        'd' => DAY,
        'w' => WEEK,
        _ => {
            return Err(format!(
                "{text:?} is not a duration: write a whole number and m, h, d or w (15m, 6h, 3d, 1w)"
            ));
        }
    };
    match number.trim().parse::<i64>() {
        Ok(n) if n > 0 && n <= 520 * WEEK / scale => Ok(n * scale),
        _ => Err(format!(
            "{text:?} is not a duration: write a whole number above 0 and m, h, d or w (15m, 6h, 3d, 1w)"
        )),
    }
}

/// The shortest exact way to write a duration.
fn show(seconds: i64) -> String {
    for (unit, scale) in [("w", WEEK), ("d", DAY), ("h", HOUR)] {
        if seconds % scale == 0 {
            return format!("{}{unit}", seconds / scale);
        }
    }
    format!("{}m", seconds / MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_grow_with_the_age_of_the_article() {
        let schedule = WatchSchedule::default();
        assert_eq!(schedule.interval(0), 15 * MINUTE);
        assert_eq!(schedule.interval(DAY - 1), 15 * MINUTE);
        assert_eq!(schedule.interval(DAY), HOUR);
        assert_eq!(schedule.interval(5 * DAY), 6 * HOUR);
        assert_eq!(schedule.interval(29 * DAY), DAY);
        assert_eq!(schedule.interval(400 * DAY), WEEK);
        assert_eq!(schedule.to_string(), DEFAULT_SCHEDULE);
    }

    #[test]
    fn failures_back_off_up_to_the_longest_interval() {
        let schedule = WatchSchedule::default();
        assert_eq!(schedule.retry_interval(0, 0), 15 * MINUTE);
        assert_eq!(schedule.retry_interval(0, 2), HOUR);
        assert_eq!(schedule.retry_interval(0, 30), WEEK);
        assert_eq!(schedule.retry_interval(400 * DAY, 3), WEEK);
    }

    #[test]
    fn schedules_are_read_with_clear_errors() {
        let custom = WatchSchedule::parse("30m until 2d, 12h").unwrap();
        assert_eq!(custom.interval(DAY), 30 * MINUTE);
        assert_eq!(custom.interval(3 * DAY), 12 * HOUR);
        assert_eq!(WatchSchedule::parse(" 1d ").unwrap().interval(0), DAY);
        for (bad, says) in [
            ("", "at least one"),
            ("15 until 1d, 1w", "not a duration"),
            ("1h until 3d, 1h until 2d, 1w", "grow"),
            ("1h until 3d", "without `until`"),
            ("1h before 3d, 1w", "INTERVAL until AGE"),
            ("0h", "above 0"),
            ("99999999w", "above 0"),
            ("ñ", "not a duration"),
        ] {
            let error = WatchSchedule::parse(bad).unwrap_err();
            assert!(error.contains(says), "{bad:?}: {error}");
        }
    }
}
