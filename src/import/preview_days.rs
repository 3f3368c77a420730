//! How much an occurrence counts: a timed one its length, an all-day one a working day on
//! each weekday it covers (counted, never walked day by day), at most a day per entry.

use chrono::{Datelike as _, NaiveDate, Weekday};

use super::MAX_ENTRY_MINUTES;
use crate::import::expand::{Occurrence, Window};

/// The first day an all-day event covers and the day after its last.
fn days_of(occurrence: &Occurrence) -> (NaiveDate, NaiveDate) {
    let start = occurrence.start.wall().date();
    (start, occurrence.end.wall().date().max(start.succ_opt().unwrap_or(start)))
}

/// Weekdays from `first` up to, not including, `end`: counted, not walked, so a damaged
/// file's event of a million years costs nothing.
fn weekdays_between(first: NaiveDate, end: NaiveDate) -> usize {
    let days = (end - first).num_days().max(0);
    let from_monday = i64::from(first.weekday().num_days_from_monday());
    let partial = (0..days % 7).filter(|offset| (from_monday + offset) % 7 < 5).count();
    usize::try_from(days / 7 * 5).unwrap_or(usize::MAX).saturating_add(partial)
}

/// How many weekdays an all-day event covers, from its first day to the day before its end.
pub(super) fn weekday_count(occurrence: &Occurrence) -> usize {
    let (first, end) = days_of(occurrence);
    weekdays_between(first, end)
}

/// The weekdays an all-day event covers inside the window, each with its place among all
/// the weekdays the event covers (0 for the first).
pub(super) fn weekdays_in_window(occurrence: &Occurrence, window: &Window) -> Vec<(usize, NaiveDate)> {
    let (first, end) = days_of(occurrence);
    let (from, to) = (first.max(window.from), end.min(window.to));
    from.iter_days()
        .take_while(|day| *day < to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|day| (weekdays_between(first, day), day))
        .collect()
}

/// Minutes an occurrence counts: its length for a timed event, a working day per weekday for
/// an all-day one; at most one day (a time entry's limit), with a note when capped.
pub(super) fn counted_minutes(occurrence: &Occurrence, all_day_minutes: u32) -> (u32, Option<String>) {
    let cap = |minutes: i64, what: &str| {
        let clamped = u32::try_from(minutes.max(0)).unwrap_or(u32::MAX);
        if clamped > MAX_ENTRY_MINUTES {
            (MAX_ENTRY_MINUTES, Some(format!("{what}; counted as 24 h, the most one entry holds")))
        } else {
            (clamped, None)
        }
    };
    if !occurrence.all_day {
        return cap(occurrence.duration_minutes, "longer than a day");
    }
    let weekdays = weekday_count(occurrence);
    if weekdays == 0 {
        return (0, Some("all-day on a weekend; not counted".into()));
    }
    let (minutes, note) = cap(
        i64::from(all_day_minutes).saturating_mul(i64::try_from(weekdays).unwrap_or(i64::MAX)),
        "several working days",
    );
    (minutes, note.or_else(|| Some(format!("all-day: {} h per weekday", all_day_minutes / 60))))
}
