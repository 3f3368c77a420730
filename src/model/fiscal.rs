//! Fiscal calendar: fiscal quarters (`FY27 Q2`) under a configurable start month, ISO weeks
//! (`2026-W48`), their labels and date ranges, and how a week can straddle two quarters.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Month, NaiveDate, Weekday};

/// The fiscal year starts in July unless the manager changes it in settings.
pub const DEFAULT_START_MONTH: Month = Month::July;

/// Years a label may spell. Four digits cover any real plan and keep every date inside chrono's
/// range, which is what makes the date functions below infallible.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// A fiscal quarter or ISO week that cannot be read or does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiscalError {
    #[error("\"{0}\" is not a fiscal quarter (expected e.g. FY27 Q2)")]
    NotAQuarter(String),
    #[error("quarter {0} does not exist: a fiscal year has quarters 1 to 4")]
    QuarterNumber(u8),
    #[error("year {0} is outside the years Leadline handles (1 to 9999)")]
    YearOutOfRange(i32),
    #[error("\"{0}\" is not an ISO week (expected e.g. 2026-W48)")]
    NotAWeek(String),
    #[error("\"{value}\" does not exist: {year} has only {weeks} ISO weeks")]
    NoSuchWeek { value: String, year: i32, weeks: u32 },
    #[error("{0} is not a month number (expected 1 = January to 12 = December)")]
    NotAMonth(u32),
}

/// Reads the fiscal-year start month as stored in settings (1 = January .. 12 = December).
pub fn start_month_from_number(number: u32) -> Result<Month, FiscalError> {
    u8::try_from(number).ok().and_then(|n| Month::try_from(n).ok()).ok_or(FiscalError::NotAMonth(number))
}

/// The first day of a month given as a year and a zero-based month that may run past 11.
fn first_of_month(year: i32, month0: u32) -> NaiveDate {
    let year = year.saturating_add(i32::try_from(month0 / 12).unwrap_or(0));
    // Unreachable fallback: constructors keep years within four digits, far inside chrono's range.
    NaiveDate::from_ymd_opt(year, month0 % 12 + 1, 1).unwrap_or(NaiveDate::MIN)
}

fn check_year(year: i32) -> Result<(), FiscalError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) { Ok(()) } else { Err(FiscalError::YearOutOfRange(year)) }
}

/// Reads a year written with exactly `digits` ASCII digits.
fn year_digits(text: &str, digits: usize) -> Option<i32> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// A fiscal quarter. The fiscal year is named after the calendar year it *ends* in, so with a
/// July start FY27 runs from July 2026 to June 2027; with a January start FY26 is calendar 2026.
///
/// The label does not depend on the start month; the dates do, so every date function takes it.
/// Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FiscalQuarter {
    fiscal_year: i32,
    quarter: u8,
}

impl FiscalQuarter {
    pub fn new(fiscal_year: i32, quarter: u8) -> Result<Self, FiscalError> {
        check_year(fiscal_year)?;
        if !(1..=4).contains(&quarter) {
            return Err(FiscalError::QuarterNumber(quarter));
        }
        Ok(Self { fiscal_year, quarter })
    }

    /// The full fiscal year, e.g. 2027 for FY27.
    pub fn fiscal_year(self) -> i32 {
        self.fiscal_year
    }

    /// 1 to 4.
    pub fn quarter(self) -> u8 {
        self.quarter
    }

    /// The quarter a day falls in.
    pub fn of(date: NaiveDate, start_month: Month) -> Self {
        let start0 = start_month.number_from_month() - 1;
        let month0 = date.month0();
        let year_of_start = if month0 >= start0 { date.year() } else { date.year() - 1 };
        let fiscal_year = if start0 == 0 { year_of_start } else { year_of_start + 1 };
        let quarter = match (month0 + 12 - start0) % 12 / 3 {
            0 => 1,
            1 => 2,
            2 => 3,
            _ => 4,
        };
        Self { fiscal_year, quarter }
    }

    /// Calendar year the fiscal year starts in, and the quarter's first month counted from
    /// January of that year (zero-based, may exceed 11).
    fn first_month(self, start_month: Month) -> (i32, u32) {
        let start0 = start_month.number_from_month() - 1;
        let year_of_start = if start0 == 0 { self.fiscal_year } else { self.fiscal_year - 1 };
        (year_of_start, start0 + 3 * (u32::from(self.quarter) - 1))
    }

    pub fn start(self, start_month: Month) -> NaiveDate {
        let (year, month0) = self.first_month(start_month);
        first_of_month(year, month0)
    }

    /// The last day of the quarter (quarters end on the last day of their third month).
    pub fn end_inclusive(self, start_month: Month) -> NaiveDate {
        let (year, month0) = self.first_month(start_month);
        let after = first_of_month(year, month0 + 3);
        after.pred_opt().unwrap_or(after)
    }

    pub fn contains(self, date: NaiveDate, start_month: Month) -> bool {
        Self::of(date, start_month) == self
    }

    #[must_use]
    pub fn previous(self) -> Self {
        if self.quarter == 1 {
            Self { fiscal_year: self.fiscal_year.saturating_sub(1), quarter: 4 }
        } else {
            Self { quarter: self.quarter - 1, ..self }
        }
    }

    #[must_use]
    pub fn next(self) -> Self {
        if self.quarter == 4 {
            Self { fiscal_year: self.fiscal_year.saturating_add(1), quarter: 1 }
        } else {
            Self { quarter: self.quarter + 1, ..self }
        }
    }

    /// Every ISO week with at least one day in the quarter, in order. The first and last weeks
    /// usually straddle the neighbouring quarters.
    pub fn weeks(self, start_month: Month) -> Vec<IsoWeek> {
        let last = IsoWeek::of(self.end_inclusive(start_month));
        let mut week = IsoWeek::of(self.start(start_month));
        let mut weeks = vec![week];
        // The second condition only matters at the very end of chrono's calendar, where `next`
        // cannot advance; it keeps this loop finite there.
        while week < last && week.next() != week {
            week = week.next();
            weeks.push(week);
        }
        weeks
    }
}

impl fmt::Display for FiscalQuarter {
    /// `FY27 Q2`; years outside 2000-2099 keep four digits so the label still reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self { fiscal_year, quarter } = *self;
        if (2000..=2099).contains(&fiscal_year) {
            write!(f, "FY{:02} Q{quarter}", fiscal_year - 2000)
        } else {
            write!(f, "FY{fiscal_year:04} Q{quarter}")
        }
    }
}

impl FromStr for FiscalQuarter {
    type Err = FiscalError;

    /// Reads `FY27 Q2`, `FY27Q2`, `fy27 q2` or `FY2027 Q2`. Two-digit years are 20xx.
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let not_a_quarter = || FiscalError::NotAQuarter(value.trim().to_owned());
        let upper = value.trim().to_ascii_uppercase();
        let rest = upper.strip_prefix("FY").ok_or_else(not_a_quarter)?;
        let (year_text, quarter_text) = rest.split_once('Q').ok_or_else(not_a_quarter)?;
        let year_text = year_text.trim_end();
        let fiscal_year = year_digits(year_text, 2)
            .map(|yy| 2000 + yy)
            .or_else(|| year_digits(year_text, 4))
            .ok_or_else(not_a_quarter)?;
        let quarter = match quarter_text {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => return Err(not_a_quarter()),
        };
        Self::new(fiscal_year, quarter)
    }
}

/// An ISO 8601 week: Monday to Sunday, numbered within its ISO year (which can differ from the
/// calendar year of its days around New Year). Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub fn new(year: i32, week: u32) -> Result<Self, FiscalError> {
        check_year(year)?;
        let weeks = Self::weeks_in_year(year);
        if week == 0 {
            return Err(FiscalError::NotAWeek(format!("{year:04}-W{week:02}")));
        }
        if week > weeks {
            return Err(FiscalError::NoSuchWeek { value: format!("{year:04}-W{week:02}"), year, weeks });
        }
        Ok(Self { year, week })
    }

    /// 52 or 53.
    pub fn weeks_in_year(year: i32) -> u32 {
        // 28 December always falls in the last ISO week of its year.
        NaiveDate::from_ymd_opt(year, 12, 28).map_or(52, |d| d.iso_week().week())
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    /// The week a day falls in; 1 January 2027 is in 2026-W53.
    pub fn of(date: NaiveDate) -> Self {
        let iso = date.iso_week();
        Self { year: iso.year(), week: iso.week() }
    }

    pub fn monday(self) -> NaiveDate {
        // Unreachable fallback: every constructor yields a week that exists.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    pub fn sunday(self) -> NaiveDate {
        let monday = self.monday();
        monday.checked_add_days(Days::new(6)).unwrap_or(monday)
    }

    /// Monday to Sunday.
    pub fn days(self) -> [NaiveDate; 7] {
        let mut day = self.monday();
        std::array::from_fn(|_| {
            let today = day;
            day = day.succ_opt().unwrap_or(day);
            today
        })
    }

    #[must_use]
    pub fn previous(self) -> Self {
        let monday = self.monday();
        Self::of(monday.checked_sub_days(Days::new(7)).unwrap_or(monday))
    }

    #[must_use]
    pub fn next(self) -> Self {
        let monday = self.monday();
        Self::of(monday.checked_add_days(Days::new(7)).unwrap_or(monday))
    }

    /// The distinct fiscal quarters this week's days fall in, in order: one, or two when the
    /// week straddles a quarter boundary. Time entries are not split: each belongs to the
    /// quarter of its own date, so a straddling week's entries count towards both quarters.
    pub fn quarters(self, start_month: Month) -> Vec<FiscalQuarter> {
        let first = FiscalQuarter::of(self.monday(), start_month);
        let last = FiscalQuarter::of(self.sunday(), start_month);
        // A week is 7 days and a quarter at least 89, so two quarters is the most it can touch.
        if first == last { vec![first] } else { vec![first, last] }
    }
}

impl fmt::Display for IsoWeek {
    /// `2026-W48`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = FiscalError;

    /// Reads `2026-W48`, `2026W48` or `2026-w48`; `2027-W53` is refused because 2027 has 52 weeks.
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let trimmed = value.trim();
        let not_a_week = || FiscalError::NotAWeek(trimmed.to_owned());
        let upper = trimmed.to_ascii_uppercase();
        let (year_text, week_text) = upper.split_once('W').ok_or_else(not_a_week)?;
        let year_text = year_text.strip_suffix('-').unwrap_or(year_text);
        let year = year_digits(year_text, 4).ok_or_else(not_a_week)?;
        let week_ok = matches!(week_text.len(), 1 | 2) && week_text.bytes().all(|b| b.is_ascii_digit());
        let week: u32 = week_text.parse().ok().filter(|_| week_ok).ok_or_else(not_a_week)?;
        match Self::new(year, week) {
            Err(FiscalError::NoSuchWeek { year, weeks, .. }) => {
                Err(FiscalError::NoSuchWeek { value: trimmed.to_owned(), year, weeks })
            }
            Err(_) => Err(not_a_week()),
            Ok(week) => Ok(week),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn fq(label: &str) -> FiscalQuarter {
        label.parse().expect("valid test quarter")
    }

    fn wk(label: &str) -> IsoWeek {
        label.parse().expect("valid test week")
    }

    #[test]
    fn july_start_puts_fy27_q1_in_july_to_september_2026() {
        let jul = Month::July;
        let cases = [
            ("FY27 Q1", day(2026, 7, 1), day(2026, 9, 30)),
            ("FY27 Q2", day(2026, 10, 1), day(2026, 12, 31)),
            ("FY27 Q3", day(2027, 1, 1), day(2027, 3, 31)),
            ("FY27 Q4", day(2027, 4, 1), day(2027, 6, 30)),
        ];
        for (label, start, end) in cases {
            let q = fq(label);
            assert_eq!(q.start(jul), start, "{label}");
            assert_eq!(q.end_inclusive(jul), end, "{label}");
            assert_eq!(FiscalQuarter::of(start, jul), q);
            assert_eq!(FiscalQuarter::of(end, jul), q);
        }
        assert_eq!(FiscalQuarter::of(day(2026, 6, 30), jul).to_string(), "FY26 Q4");
        assert_eq!(DEFAULT_START_MONTH, jul);
    }

    #[test]
    fn january_start_makes_the_fiscal_year_the_calendar_year() {
        let jan = Month::January;
        let q1 = FiscalQuarter::of(day(2026, 2, 14), jan);
        assert_eq!(q1, FiscalQuarter::new(2026, 1).expect("valid"));
        assert_eq!(q1.to_string(), "FY26 Q1");
        assert_eq!(q1.start(jan), day(2026, 1, 1));
        assert_eq!(q1.end_inclusive(jan), day(2026, 3, 31));
        assert_eq!(FiscalQuarter::of(day(2026, 12, 31), jan).to_string(), "FY26 Q4");
        assert_eq!(FiscalQuarter::of(day(2027, 1, 1), jan).to_string(), "FY27 Q1");
    }

    #[test]
    fn a_quarter_can_span_new_year_with_a_november_start() {
        let nov = Month::November;
        let q1 = fq("FY27 Q1");
        assert_eq!(q1.start(nov), day(2026, 11, 1));
        assert_eq!(q1.end_inclusive(nov), day(2027, 1, 31));
        assert_eq!(FiscalQuarter::of(day(2027, 1, 15), nov), q1);
        assert_eq!(FiscalQuarter::of(day(2026, 10, 31), nov).to_string(), "FY26 Q4");
        assert_eq!(fq("FY27 Q4").end_inclusive(nov), day(2027, 10, 31));
    }

    #[test]
    fn leap_day_ends_a_quarter_and_falls_in_the_right_week() {
        // With a December start, Q1 is Dec-Feb, so FY28 Q1 ends on the leap day.
        let q = fq("FY28 Q1");
        assert_eq!(q.start(Month::December), day(2027, 12, 1));
        assert_eq!(q.end_inclusive(Month::December), day(2028, 2, 29));
        assert_eq!(fq("FY29 Q1").end_inclusive(Month::December), day(2029, 2, 28));
        assert_eq!(FiscalQuarter::of(day(2028, 2, 29), Month::July).to_string(), "FY28 Q3");
        let week = IsoWeek::of(day(2028, 2, 29));
        assert_eq!(week.to_string(), "2028-W09");
        assert!(week.days().contains(&day(2028, 2, 29)));
        assert_eq!(week.monday(), day(2028, 2, 28));
    }

    #[test]
    fn previous_and_next_cross_fiscal_years() {
        assert_eq!(fq("FY27 Q1").previous(), fq("FY26 Q4"));
        assert_eq!(fq("FY26 Q4").next(), fq("FY27 Q1"));
        assert_eq!(fq("FY27 Q2").next(), fq("FY27 Q3"));
        assert_eq!(fq("FY27 Q3").previous(), fq("FY27 Q2"));
        // Consecutive quarters tile the calendar with no gap or overlap.
        let mut q = fq("FY26 Q1");
        for _ in 0..12 {
            let next = q.next();
            assert_eq!(q.end_inclusive(Month::July).succ_opt(), Some(next.start(Month::July)));
            assert!(q < next);
            q = next;
        }
    }

    #[test]
    fn quarter_labels_round_trip_and_accept_loose_forms() {
        for year in [2000, 2026, 2027, 2099] {
            for quarter in 1..=4 {
                let q = FiscalQuarter::new(year, quarter).expect("valid");
                assert_eq!(q.to_string().parse::<FiscalQuarter>(), Ok(q));
            }
        }
        let q2 = FiscalQuarter::new(2027, 2).expect("valid");
        assert_eq!(q2.to_string(), "FY27 Q2");
        for form in ["FY27 Q2", "FY27Q2", "fy27 q2", "FY2027 Q2", " FY2027Q2 ", "Fy27  q2"] {
            assert_eq!(form.parse::<FiscalQuarter>(), Ok(q2), "{form}");
        }
        // Outside 2000-2099 the label keeps four digits, so it still reads back.
        let old = FiscalQuarter::new(1999, 3).expect("valid");
        assert_eq!(old.to_string(), "FY1999 Q3");
        assert_eq!("FY1999 Q3".parse::<FiscalQuarter>(), Ok(old));
    }

    #[test]
    fn bad_quarter_labels_name_the_value() {
        let err = "FY27 Q5".parse::<FiscalQuarter>().expect_err("no Q5");
        assert_eq!(err.to_string(), "\"FY27 Q5\" is not a fiscal quarter (expected e.g. FY27 Q2)");
        for bad in ["", "FY27", "27 Q2", "FY2 Q1", "FY027 Q1", "FY27 Q0", "FY27 Q", "FYxx Q1", "Q2 FY27"] {
            assert!(bad.parse::<FiscalQuarter>().is_err(), "{bad:?} should not parse");
        }
        assert_eq!(FiscalQuarter::new(2027, 5), Err(FiscalError::QuarterNumber(5)));
        assert_eq!(FiscalQuarter::new(0, 1), Err(FiscalError::YearOutOfRange(0)));
    }

    #[test]
    fn week_40_of_2026_straddles_two_quarters() {
        let w40 = wk("2026-W40");
        assert_eq!(w40.monday(), day(2026, 9, 28));
        assert_eq!(w40.sunday(), day(2026, 10, 4));
        assert_eq!(w40.quarters(Month::July), vec![fq("FY27 Q1"), fq("FY27 Q2")]);
        assert_eq!(w40.quarters(Month::January), vec![fq("FY26 Q3"), fq("FY26 Q4")]);
        // Each entry follows its own date: same week, different quarters.
        let (tuesday, thursday) = (day(2026, 9, 29), day(2026, 10, 1));
        assert_eq!(IsoWeek::of(tuesday), IsoWeek::of(thursday));
        assert_eq!(FiscalQuarter::of(tuesday, Month::July), fq("FY27 Q1"));
        assert_eq!(FiscalQuarter::of(thursday, Month::July), fq("FY27 Q2"));
        assert_eq!(wk("2026-W41").quarters(Month::July), vec![fq("FY27 Q2")]);
    }

    #[test]
    fn year_2026_has_a_53rd_week_and_2027_does_not() {
        assert_eq!(IsoWeek::weeks_in_year(2026), 53);
        assert_eq!(IsoWeek::weeks_in_year(2027), 52);
        assert_eq!(IsoWeek::weeks_in_year(2020), 53);
        let w53 = wk("2026-W53");
        assert_eq!(w53.monday(), day(2026, 12, 28));
        assert_eq!(w53.sunday(), day(2027, 1, 3));
        assert_eq!(IsoWeek::of(day(2027, 1, 1)), w53);
        assert_eq!(wk("2026-W52").next(), w53);
        assert_eq!(w53.next(), wk("2027-W01"));
        assert_eq!(wk("2027-W01").previous(), w53);
        assert_eq!(w53.quarters(Month::July), vec![fq("FY27 Q2"), fq("FY27 Q3")]);
        assert_eq!(w53.quarters(Month::January), vec![fq("FY26 Q4"), fq("FY27 Q1")]);

        let err = "2027-W53".parse::<IsoWeek>().expect_err("2027 has 52 weeks");
        assert_eq!(err.to_string(), "\"2027-W53\" does not exist: 2027 has only 52 ISO weeks");
        assert!(IsoWeek::new(2027, 53).is_err());
    }

    #[test]
    fn iso_year_differs_from_calendar_year_around_new_year() {
        assert_eq!(IsoWeek::of(day(2024, 12, 30)).to_string(), "2025-W01");
        assert_eq!(IsoWeek::of(day(2021, 1, 3)).to_string(), "2020-W53");
    }

    #[test]
    fn week_days_run_monday_to_sunday() {
        let days = wk("2026-W48").days();
        assert_eq!(days[0], day(2026, 11, 23));
        assert_eq!(days[6], day(2026, 11, 29));
        assert!(days.iter().all(|d| IsoWeek::of(*d) == wk("2026-W48")));
        assert_eq!(days[0].weekday(), Weekday::Mon);
        assert_eq!(days[6].weekday(), Weekday::Sun);
    }

    #[test]
    fn week_labels_round_trip_and_accept_loose_forms() {
        let w48 = IsoWeek::new(2026, 48).expect("valid");
        assert_eq!(w48.to_string(), "2026-W48");
        for form in ["2026-W48", "2026W48", "2026-w48", " 2026w48 "] {
            assert_eq!(form.parse::<IsoWeek>(), Ok(w48), "{form}");
        }
        assert_eq!("2026-W5".parse::<IsoWeek>().map(|w| w.to_string()), Ok("2026-W05".to_owned()));
        let mut week = wk("2025-W50");
        for _ in 0..60 {
            assert_eq!(week.to_string().parse::<IsoWeek>(), Ok(week));
            week = week.next();
        }
    }

    #[test]
    fn bad_week_labels_name_the_value() {
        let err = "2026-W00".parse::<IsoWeek>().expect_err("no week 0");
        assert_eq!(err.to_string(), "\"2026-W00\" is not an ISO week (expected e.g. 2026-W48)");
        for bad in ["", "2026", "26-W48", "2026-W", "2026-W123", "2026--W48", "W48", "2026-Wx1", "2026-W54"] {
            assert!(bad.parse::<IsoWeek>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_quarter_lists_the_weeks_it_touches() {
        let weeks = fq("FY27 Q2").weeks(Month::July);
        assert_eq!(weeks.first(), Some(&wk("2026-W40")));
        assert_eq!(weeks.last(), Some(&wk("2026-W53")));
        assert_eq!(weeks.len(), 14);
        assert!(fq("FY27 Q2").contains(day(2026, 11, 15), Month::July));
        assert!(!fq("FY27 Q2").contains(day(2027, 1, 1), Month::July));
    }

    #[test]
    fn start_month_reads_from_settings_numbers() {
        assert_eq!(start_month_from_number(7), Ok(Month::July));
        assert_eq!(start_month_from_number(1), Ok(Month::January));
        let err = start_month_from_number(13).expect_err("no month 13");
        assert_eq!(err.to_string(), "13 is not a month number (expected 1 = January to 12 = December)");
        assert!(start_month_from_number(0).is_err());
    }
}
