//! Reading days from the Business tables fast. rusqlite reads a `NaiveDate` through chrono's
//! `%F` format parser, a quarter of the Business view's time on the large demo; the columns
//! hold `YYYY-MM-DD` (a CHECK says `date(x) IS x`), read here digit by digit, with chrono's
//! parser (and its error) kept for anything else.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

/// A day read from a `YYYY-MM-DD` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day(pub NaiveDate);

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        match iso_day(text.as_bytes()) {
            Some(day) => Ok(Self(day)),
            None => NaiveDate::parse_from_str(text, "%F").map(Self).map_err(FromSqlError::other),
        }
    }
}

/// `YYYY-MM-DD` with four-digit years, or `None` (for chrono's parser to decide).
fn iso_day(bytes: &[u8]) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else { return None };
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let year = digit(y1)? * 1000 + digit(y2)? * 100 + digit(y3)? * 10 + digit(y4)?;
    let month = digit(m1)? * 10 + digit(m2)?;
    let day = digit(d1)? * 10 + digit(d2)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The day in column `index`.
pub(super) fn day(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDate> {
    Ok(row.get::<_, Day>(index)?.0)
}

/// The day in column `index`, if any.
pub(super) fn maybe_day(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(row.get::<_, Option<Day>>(index)?.map(|d| d.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_days_as_chrono_does() {
        for text in ["2026-11-28", "1999-01-01", "2024-02-29", "0001-12-31"] {
            assert_eq!(iso_day(text.as_bytes()), NaiveDate::parse_from_str(text, "%F").ok(), "{text}");
        }
        assert_eq!(iso_day(b"2026-11-28"), NaiveDate::from_ymd_opt(2026, 11, 28));
        // Not a day, or not this shape: left to chrono's parser.
        for text in ["2025-02-29", "2026-13-01", "2026-1-28", "2026/11/28", "20261128xx", ""] {
            assert_eq!(iso_day(text.as_bytes()), None, "{text}");
        }
    }
}
