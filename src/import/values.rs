//! The value types times are written in (RFC 5545 §3.3): DATE, DATE-TIME, DURATION and
//! PERIOD, read strictly. What to tolerate around them (spaces, a `Z` on a date, a date-time
//! under VALUE=DATE) is the event reader's decision, and it says so in a warning.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// `20260105` (exactly eight digits).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y%m%d").ok()
}

/// `20260105T093000` or `20260105T093000Z`: the wall-clock time and whether it is UTC.
pub fn parse_date_time(value: &str) -> Option<(NaiveDateTime, bool)> {
    let value = value.trim();
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (value, false),
    };
    if body.len() != 15 || !body.is_char_boundary(8) || !body[8..].starts_with(['T', 't']) {
        return None;
    }
    let date = parse_date(&body[..8])?;
    let time = &body[9..];
    if !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let time = chrono::NaiveTime::parse_from_str(time, "%H%M%S").ok()?;
    Some((date.and_time(time), utc))
}

/// RFC 5545 durations: `PT1H`, `P1D`, `P1W`, `-PT15M`, `P1DT2H30M`.
pub fn parse_duration(value: &str) -> Option<TimeDelta> {
    let value = value.trim();
    let (negative, rest) = match value.as_bytes().first()? {
        b'-' => (true, &value[1..]),
        b'+' => (false, &value[1..]),
        _ => (false, value),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = TimeDelta::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            'T' if number.is_empty() => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                let part = match (unit, in_time) {
                    ('W', false) => TimeDelta::try_weeks(n)?,
                    ('D', false) => TimeDelta::try_days(n)?,
                    ('H', true) => TimeDelta::try_hours(n)?,
                    ('M', true) => TimeDelta::try_minutes(n)?,
                    ('S', true) => TimeDelta::try_seconds(n)?,
                    _ => return None,
                };
                total = total.checked_add(&part)?;
            }
        }
    }
    (any && number.is_empty()).then_some(if negative { -total } else { total })
}

/// Whether a value is written as a duration (`PT2H`, `-P1D`) rather than a time.
pub fn looks_like_duration(value: &str) -> bool {
    let value = value.trim().trim_start_matches(['+', '-']);
    value.starts_with(['P', 'p'])
}

/// A value as a warning quotes it: at most 60 characters.
pub fn shown(text: &str) -> String {
    if text.chars().count() <= 60 { text.to_owned() } else { text.chars().take(60).chain(['…']).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_rfc_5545_writes_them() {
        assert_eq!(parse_duration("PT1H"), Some(TimeDelta::hours(1)));
        assert_eq!(parse_duration("P1DT2H30M"), Some(TimeDelta::minutes(24 * 60 + 150)));
        assert_eq!(parse_duration("P2W"), Some(TimeDelta::days(14)));
        assert_eq!(parse_duration("-PT15M"), Some(TimeDelta::minutes(-15)));
        for bad in ["", "P", "PT", "1H", "PH", "P1H", "PT1D", "PT99999999999999999999H"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert!(looks_like_duration("-PT15M") && looks_like_duration("P1D"));
        assert!(!looks_like_duration("20260105T100000Z"));
    }

    #[test]
    fn date_times_are_strict() {
        assert!(parse_date_time("20260105T093000Z").is_some_and(|(_, utc)| utc));
        assert!(parse_date_time("20260105T093000").is_some_and(|(_, utc)| !utc));
        for bad in [
            "20260105",
            "20260105T0930",
            "20261305T093000",
            "2026010ÄT093000",
            "20260105X093000",
            "20260105T+93000",
            "+0260105T093000",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
        assert_eq!(parse_date("+2026010"), None);
        assert_eq!(parse_date("20260230"), None);
        assert_eq!(parse_date("20260228"), NaiveDate::from_ymd_opt(2026, 2, 28));
    }
}
