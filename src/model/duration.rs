//! Durations of time entries: reading what the manager types (`90`, `1h30`, `1.5h`, `0:45`)
//! into whole minutes, and showing minutes back as `1 h 30 min`.

/// The longest single time entry: one day. Anything longer is a typo, not a workday.
pub const MAX_MINUTES: u32 = 24 * 60;

/// A duration that cannot be used as a time entry, naming what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("enter a duration, e.g. 90, 1h30, 1.5h or 0:45")]
    Empty,
    #[error("\"{0}\" is not a duration (expected e.g. 90, 1h30, 1.5h or 0:45)")]
    NotADuration(String),
    #[error("\"{0}\" is negative; enter the time spent, e.g. 30")]
    Negative(String),
    #[error("\"{0}\" is zero; a time entry needs at least 1 minute")]
    Zero(String),
    #[error("\"{0}\" is more than 24 h (1440 min), the length of a day")]
    TooLong(String),
    #[error("\"{0}\" has a fraction of a minute; minutes are whole (for an hour and a half write 1.5h)")]
    FractionalMinutes(String),
    #[error("\"{0}\" is not a time in h:mm (the minutes must be two digits, 00 to 59)")]
    BadClock(String),
}

/// Reads a duration into whole minutes.
///
/// Accepted forms: bare minutes (`90`), minutes with a unit (`90m`, `90 min`), hours (`2h`,
/// `1.5h`, `1,5h` for a comma-decimal locale), hours then minutes (`1h30`, `1h 30m`,
/// `1 h 30 min`, which is what [`format_minutes`] writes) and a clock form (`0:45`, `1:30`).
/// Fractional hours are rounded to the nearest minute. The result is 1 to [`MAX_MINUTES`].
pub fn parse_minutes(value: &str) -> Result<u32, DurationError> {
    let trimmed = value.trim();
    let owned = || trimmed.to_owned();
    if trimmed.is_empty() {
        return Err(DurationError::Empty);
    }
    // Checked before parsing so `-30` gets a message about the sign, not about the format.
    if trimmed.starts_with(['-', '\u{2212}']) {
        return Err(DurationError::Negative(owned()));
    }
    let text = trimmed.to_lowercase();
    let minutes = match text.split_once(':') {
        Some((hours, minutes)) => clock_minutes(hours, minutes).ok_or_else(|| {
            if hours.bytes().all(|b| b.is_ascii_digit()) && !hours.is_empty() {
                DurationError::BadClock(owned())
            } else {
                DurationError::NotADuration(owned())
            }
        })?,
        None => unit_minutes(&text, trimmed)?,
    };
    if minutes == 0 {
        return Err(DurationError::Zero(owned()));
    }
    u32::try_from(minutes).ok().filter(|m| *m <= MAX_MINUTES).ok_or_else(|| DurationError::TooLong(owned()))
}

/// Shows minutes the way people say them: `45 min`, `2 h`, `1 h 30 min`.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// `h:mm`; `None` unless the minutes are exactly two digits below 60. Also reads the start time
/// of an entry (see [`parse_start_time`](super::time_entry::parse_start_time)), so both read a
/// clock the same way.
pub(crate) fn clock_minutes(hours: &str, minutes: &str) -> Option<u64> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) || minutes.len() != 2 {
        return None;
    }
    let minutes: u64 = minutes.parse().ok().filter(|m| *m < 60)?;
    // Saturating keeps absurdly long hour counts an error of size, not of format.
    let hours: u64 = hours.parse().unwrap_or(u64::MAX);
    Some(hours.saturating_mul(60).saturating_add(minutes))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hours,
    Minutes,
    /// No unit written: minutes on its own, the minutes after hours in `1h30`.
    Bare,
}

/// A number as typed: whole part and the digits after the decimal separator.
#[derive(Debug, Clone, Copy)]
struct Amount<'a> {
    whole: u64,
    fraction: &'a str,
}

/// Reads `<number><unit>` parts (`1h 30m`), where `text` is lower-cased and `original` is
/// what the error messages quote.
fn unit_minutes(text: &str, original: &str) -> Result<u64, DurationError> {
    let not_a_duration = || DurationError::NotADuration(original.to_owned());
    let mut parts: Vec<(Amount<'_>, Unit)> = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let number_len =
            rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_len);
        let amount = read_amount(number).ok_or_else(not_a_duration)?;
        let after = after.trim_start();
        let unit_len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
        let (unit, after) = after.split_at(unit_len);
        let unit = match unit {
            "" => Unit::Bare,
            "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Hours,
            "m" | "min" | "mins" | "minute" | "minutes" => Unit::Minutes,
            _ => return Err(not_a_duration()),
        };
        parts.push((amount, unit));
        rest = after.trim_start();
    }
    let whole_minutes = |amount: Amount<'_>| {
        if amount.fraction.is_empty() {
            Ok(amount.whole)
        } else {
            Err(DurationError::FractionalMinutes(original.to_owned()))
        }
    };
    match parts.as_slice() {
        [(amount, Unit::Bare | Unit::Minutes)] => whole_minutes(*amount),
        [(amount, Unit::Hours)] => Ok(hours_to_minutes(*amount)),
        // `1.5h 30m` mixes two ways of writing a part hour; refuse rather than guess.
        [(hours, Unit::Hours), (minutes, Unit::Bare | Unit::Minutes)] if hours.fraction.is_empty() => {
            Ok(hours.whole.saturating_mul(60).saturating_add(whole_minutes(*minutes)?))
        }
        _ => Err(not_a_duration()),
    }
}

/// `90`, `1.5`, `1,5`, `.5`; `None` for anything else (`1.`, `1.2.3`, empty).
fn read_amount(number: &str) -> Option<Amount<'_>> {
    let (whole, fraction) = match number.split_once(['.', ',']) {
        Some((whole, fraction)) => {
            // More fraction digits than this cannot change a rounded minute, and capping them
            // keeps the arithmetic below in range.
            let fraction_ok =
                !fraction.is_empty() && fraction.len() <= 18 && fraction.bytes().all(|b| b.is_ascii_digit());
            if !fraction_ok {
                return None;
            }
            (whole, fraction)
        }
        None if number.is_empty() => return None,
        None => (number, ""),
    };
    if !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // An empty whole part (`.5h`) is zero; an overlong one saturates and fails as too long.
    let whole = if whole.is_empty() { 0 } else { whole.parse().unwrap_or(u64::MAX) };
    Some(Amount { whole, fraction })
}

/// Hours, possibly fractional, to the nearest whole minute (half a minute rounds up).
fn hours_to_minutes(hours: Amount<'_>) -> u64 {
    let digits = u32::try_from(hours.fraction.len()).unwrap_or(u32::MAX);
    let scale = 10_u128.saturating_pow(digits);
    let fraction: u128 = hours.fraction.parse().unwrap_or(0);
    let fraction_minutes = (fraction * 60 + scale / 2) / scale;
    let fraction_minutes = u64::try_from(fraction_minutes).unwrap_or(60);
    hours.whole.saturating_mul(60).saturating_add(fraction_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_reads_to_minutes() {
        let cases = [
            ("90", 90),
            ("90m", 90),
            ("90 min", 90),
            ("90 mins", 90),
            ("90 minutes", 90),
            ("1h30", 90),
            ("1h 30m", 90),
            ("1h30m", 90),
            ("1 h 30 min", 90),
            ("1H30M", 90),
            ("1.5h", 90),
            ("1,5h", 90),
            ("1.5 hours", 90),
            ("2h", 120),
            ("2 hrs", 120),
            ("0:45", 45),
            ("1:30", 90),
            ("24:00", 1440),
            ("  45  ", 45),
            (".5h", 30),
            ("0.25h", 15),
            ("1440", 1440),
            ("1", 1),
        ];
        for (typed, minutes) in cases {
            assert_eq!(parse_minutes(typed), Ok(minutes), "{typed:?}");
        }
    }

    #[test]
    fn fractional_hours_round_to_the_nearest_minute() {
        assert_eq!(parse_minutes("1.33h"), Ok(80)); // 79.8
        assert_eq!(parse_minutes("0.1h"), Ok(6));
        assert_eq!(parse_minutes("0.0125h"), Ok(1)); // 0.75 min
        // Under half a minute rounds to nothing, which is refused like any other zero.
        assert_eq!(parse_minutes("0.008h"), Err(DurationError::Zero("0.008h".to_owned())));
    }

    #[test]
    fn empty_zero_and_negative_are_refused_with_the_value() {
        assert_eq!(parse_minutes("   "), Err(DurationError::Empty));
        assert_eq!(
            parse_minutes("").map_err(|e| e.to_string()),
            Err("enter a duration, e.g. 90, 1h30, 1.5h or 0:45".to_owned())
        );
        for zero in ["0", "0h", "0:00", "0 min", "0.0h", "0h0"] {
            assert_eq!(parse_minutes(zero), Err(DurationError::Zero(zero.to_owned())), "{zero}");
        }
        assert_eq!(
            parse_minutes("0h").map_err(|e| e.to_string()),
            Err("\"0h\" is zero; a time entry needs at least 1 minute".to_owned())
        );
        for negative in ["-30", "-1h", " -0:45", "\u{2212}5"] {
            assert!(matches!(parse_minutes(negative), Err(DurationError::Negative(_))), "{negative}");
        }
        assert_eq!(
            parse_minutes("-30").map_err(|e| e.to_string()),
            Err("\"-30\" is negative; enter the time spent, e.g. 30".to_owned())
        );
    }

    #[test]
    fn more_than_a_day_is_refused() {
        for long in
            ["1441", "25h", "24h1", "24:01", "24.1h", "99999999999999999999999", "99999999999999999999:00"]
        {
            assert_eq!(parse_minutes(long), Err(DurationError::TooLong(long.to_owned())), "{long}");
        }
        assert_eq!(
            parse_minutes("25h").map_err(|e| e.to_string()),
            Err("\"25h\" is more than 24 h (1440 min), the length of a day".to_owned())
        );
    }

    #[test]
    fn non_numbers_and_odd_shapes_are_refused() {
        for bad in [
            "abc", "h", "1x", "1h30h", "30m 1h", "1.5h 30m", "1..5h", "1.h", "1.2.3h", "1 day", "1h 2m 3",
            "+30", "1e3", "ninety",
        ] {
            assert_eq!(parse_minutes(bad), Err(DurationError::NotADuration(bad.to_owned())), "{bad}");
        }
        assert_eq!(
            parse_minutes("abc").map_err(|e| e.to_string()),
            Err("\"abc\" is not a duration (expected e.g. 90, 1h30, 1.5h or 0:45)".to_owned())
        );
    }

    #[test]
    fn fractions_of_a_minute_and_bad_clocks_say_why() {
        for fractional in ["1.5", "1.5m", "1h 30.5m"] {
            assert_eq!(
                parse_minutes(fractional),
                Err(DurationError::FractionalMinutes(fractional.to_owned())),
                "{fractional}"
            );
        }
        for clock in ["1:5", "1:75", "1:300", "1:", "1:3a"] {
            assert_eq!(parse_minutes(clock), Err(DurationError::BadClock(clock.to_owned())), "{clock}");
        }
        assert_eq!(parse_minutes(":30"), Err(DurationError::NotADuration(":30".to_owned())));
    }

    #[test]
    fn minutes_format_the_way_people_say_them() {
        assert_eq!(format_minutes(90), "1 h 30 min");
        assert_eq!(format_minutes(45), "45 min");
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(0), "0 min");
        assert_eq!(format_minutes(1440), "24 h");
        assert_eq!(format_minutes(61), "1 h 1 min");
    }

    #[test]
    fn every_formatted_duration_reads_back() {
        for minutes in 1..=MAX_MINUTES {
            assert_eq!(parse_minutes(&format_minutes(minutes)), Ok(minutes), "{minutes}");
        }
    }
}
