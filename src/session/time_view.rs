//! The part of the view model the Time screen reads: the week and quarter in focus, their
//! aggregates and entries, and the time settings. Read when the user moves to another week or
//! quarter; after a write only the days it touched are read again and the figures rebuilt from
//! the minutes per day kept here. Never on a plain repaint.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::model::ArchitectId;
use crate::model::business::WorkLink;
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::time_entry::TimeEntry;
use crate::model::time_summary::{DailyMinutes, QuarterSummary, TimeSettings, WeekSummary};
use crate::store::{StoreError, time};

/// The week and the quarter the Time screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeFocus {
    pub week: IsoWeek,
    pub quarter: FiscalQuarter,
}

impl TimeFocus {
    /// Today's week and quarter.
    pub fn current(today: NaiveDate, settings: &TimeSettings) -> Self {
        Self { week: IsoWeek::of(today), quarter: settings.quarter_of(today) }
    }
}

#[derive(Debug, Clone)]
pub struct TimeView {
    pub focus: TimeFocus,
    pub settings: TimeSettings,
    pub today: NaiveDate,
    /// The focused week: its entries (by day and start) and its totals.
    pub week_entries: Vec<TimeEntry>,
    pub week: WeekSummary,
    pub quarter: QuarterSummary,
    /// Today's week, whatever the focus: what the This-week home shows at a glance.
    pub this_week: WeekSummary,
    /// Minutes already logged today, shown beside the quick-entry row.
    pub today_minutes: u32,
    /// Whether anything was ever logged, to choose between an empty state and an empty week.
    pub has_entries: bool,
    /// Coaching minutes per architect in the focused quarter, most first.
    pub coaching_by_architect: Vec<(ArchitectId, u32)>,
    /// Whether a held one-on-one logs its time (Settings).
    pub logs_one_on_ones: bool,
    /// The focused quarter's market-building minutes per account or initiative named (`None`:
    /// named nothing), most first.
    pub market_links: Vec<(Option<crate::model::business::WorkLink>, u32)>,
    /// Minutes per day and category from the trend's first quarter to the focused quarter's
    /// end, by date: what the quarter figures are rebuilt from after a write.
    daily: Vec<DailyMinutes>,
    /// The focused quarter's coaching minutes per day and architect, by date: what
    /// `coaching_by_architect` is summed from, so a write re-reads only its day.
    coaching_daily: Vec<(NaiveDate, ArchitectId, u32)>,
    /// The same for `market_links`.
    market_daily: Vec<(NaiveDate, Option<WorkLink>, u32)>,
}

/// Minutes per key over every day, most first (ties in the key's order).
fn sum_by<K: Copy + Ord>(daily: &[(NaiveDate, K, u32)]) -> Vec<(K, u32)> {
    let mut sums = std::collections::BTreeMap::<K, u32>::new();
    for &(_, key, minutes) in daily {
        *sums.entry(key).or_default() += minutes;
    }
    let mut sums: Vec<(K, u32)> = sums.into_iter().collect();
    sums.sort_by_key(|&(_, minutes)| std::cmp::Reverse(minutes));
    sums
}

/// Replaces `day`'s rows of a by-date list with `fresh`.
fn splice_day<T>(daily: &mut Vec<(NaiveDate, T, u32)>, day: NaiveDate, fresh: Vec<(NaiveDate, T, u32)>) {
    let start = daily.partition_point(|(date, _, _)| *date < day);
    let end = daily.partition_point(|(date, _, _)| *date <= day);
    daily.splice(start..end, fresh);
}

impl Default for TimeView {
    /// An empty view, shown only before the first load or when no database is open.
    fn default() -> Self {
        let today = NaiveDate::default();
        let settings = TimeSettings::default();
        let focus = TimeFocus::current(today, &settings);
        let week = WeekSummary::build(focus.week, &settings, &[]);
        Self {
            focus,
            quarter: QuarterSummary::build(focus.quarter, &settings, today, &[]),
            settings,
            today,
            week_entries: Vec::new(),
            this_week: week.clone(),
            week,
            today_minutes: 0,
            has_entries: false,
            coaching_by_architect: Vec::new(),
            logs_one_on_ones: true,
            market_links: Vec::new(),
            daily: Vec::new(),
            coaching_daily: Vec::new(),
            market_daily: Vec::new(),
        }
    }
}

impl TimeView {
    /// Loads the view for `focus`, or for today's week and quarter when `None`.
    pub fn load(conn: &Connection, today: NaiveDate, focus: Option<TimeFocus>) -> Result<Self, StoreError> {
        let settings = time::time_settings(conn)?;
        let current = TimeFocus::current(today, &settings);
        let focus = focus.unwrap_or(current);
        let week_entries = time::list_between(conn, focus.week.monday(), focus.week.sunday())?;
        let daily: Vec<DailyMinutes> =
            week_entries.iter().map(|e| (e.fields.date, e.fields.category, e.fields.minutes)).collect();
        let week = WeekSummary::build(focus.week, &settings, &daily);
        let this_week = if focus.week == current.week {
            week.clone()
        } else {
            time::week_summary(conn, current.week, &settings)?
        };
        let today_minutes = if IsoWeek::of(today) == focus.week {
            week_entries.iter().filter(|e| e.fields.date == today).map(|e| e.fields.minutes).sum()
        } else {
            time::day_total(conn, today, None)?
        };
        let (first, last) = Self::cached_range(focus, &settings);
        let daily = time::daily_minutes(conn, first, last)?;
        let (quarter_start, quarter_end) =
            (focus.quarter.start(settings.start_month), focus.quarter.end_inclusive(settings.start_month));
        let coaching_daily = time::coaching_by_day(conn, quarter_start, quarter_end)?;
        let market_daily = crate::store::work_links::market_by_day(conn, quarter_start, quarter_end)?;
        Ok(Self {
            coaching_by_architect: sum_by(&coaching_daily),
            market_links: sum_by(&market_daily),
            coaching_daily,
            market_daily,
            logs_one_on_ones: crate::store::one_on_ones::logs_time(conn)?,
            focus,
            quarter: QuarterSummary::build(focus.quarter, &settings, today, &daily),
            has_entries: !week_entries.is_empty() || time::any(conn)?,
            settings,
            today,
            week_entries,
            week,
            this_week,
            today_minutes,
            daily,
        })
    }

    /// The days whose minutes are kept: the trend's first quarter to the focused quarter's end.
    fn cached_range(focus: TimeFocus, settings: &TimeSettings) -> (NaiveDate, NaiveDate) {
        let start_month = settings.start_month;
        (QuarterSummary::trend_start(focus.quarter, start_month), focus.quarter.end_inclusive(start_month))
    }

    /// After a write that changed time on `days`: reads those days again and rebuilds the
    /// figures from memory; the week's entries only if one of the days is in it.
    pub fn refresh_days(&mut self, conn: &Connection, days: &BTreeSet<NaiveDate>) -> Result<(), StoreError> {
        let (first, last) = Self::cached_range(self.focus, &self.settings);
        for &day in days.iter().filter(|d| (first..=last).contains(*d)) {
            let start = self.daily.partition_point(|(date, _, _)| *date < day);
            let end = self.daily.partition_point(|(date, _, _)| *date <= day);
            let fresh = time::daily_minutes(conn, day, day)?;
            self.daily.splice(start..end, fresh);
        }
        self.quarter = QuarterSummary::build(self.focus.quarter, &self.settings, self.today, &self.daily);
        let start_month = self.settings.start_month;
        let (quarter_start, quarter_end) =
            (self.focus.quarter.start(start_month), self.focus.quarter.end_inclusive(start_month));
        let in_quarter: Vec<NaiveDate> =
            days.iter().copied().filter(|d| (quarter_start..=quarter_end).contains(d)).collect();
        for &day in &in_quarter {
            splice_day(&mut self.coaching_daily, day, time::coaching_by_day(conn, day, day)?);
            splice_day(&mut self.market_daily, day, crate::store::work_links::market_by_day(conn, day, day)?);
        }
        if !in_quarter.is_empty() {
            self.coaching_by_architect = sum_by(&self.coaching_daily);
            self.market_links = sum_by(&self.market_daily);
        }
        let in_week = |week: IsoWeek| days.iter().any(|d| IsoWeek::of(*d) == week);
        if in_week(self.focus.week) {
            // Only the days written are read again: a busy week holds hundreds of entries.
            for &day in days.iter().filter(|d| IsoWeek::of(**d) == self.focus.week) {
                let start = self.week_entries.partition_point(|e| e.fields.date < day);
                let end = self.week_entries.partition_point(|e| e.fields.date <= day);
                self.week_entries.splice(start..end, time::list_between(conn, day, day)?);
            }
            let daily: Vec<DailyMinutes> = self
                .week_entries
                .iter()
                .map(|e| (e.fields.date, e.fields.category, e.fields.minutes))
                .collect();
            self.week = WeekSummary::build(self.focus.week, &self.settings, &daily);
        }
        let current = IsoWeek::of(self.today);
        if current == self.focus.week {
            self.this_week = self.week.clone();
        } else if in_week(current) {
            self.this_week = time::week_summary(conn, current, &self.settings)?;
        }
        if days.contains(&self.today) {
            self.today_minutes = time::day_total(conn, self.today, None)?;
        }
        self.has_entries = !self.week_entries.is_empty() || time::any(conn)?;
        Ok(())
    }

    /// The entries of one day of the focused week.
    pub fn entries_on(&self, date: NaiveDate) -> impl Iterator<Item = &TimeEntry> {
        self.week_entries.iter().filter(move |e| e.fields.date == date)
    }

    pub fn is_current_week(&self) -> bool {
        self.focus.week == IsoWeek::of(self.today)
    }

    pub fn is_current_quarter(&self) -> bool {
        self.focus.quarter == self.settings.quarter_of(self.today)
    }
}
