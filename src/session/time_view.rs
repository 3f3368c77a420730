//! The part of the view model the Time screen reads: the week and quarter in focus, their
//! aggregates and entries, and the time settings. Rebuilt after a write or when the user moves
//! to another week or quarter, never on a plain repaint.

use chrono::NaiveDate;
use rusqlite::Connection;

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
    /// The focused quarter's market-building minutes per account or initiative named (`None`:
    /// named nothing), most first.
    pub market_links: Vec<(Option<crate::model::business::WorkLink>, u32)>,
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
            market_links: Vec::new(),
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
        let market_links = crate::store::work_links::market_minutes(
            conn,
            focus.quarter.start(settings.start_month),
            focus.quarter.end_inclusive(settings.start_month),
        )?;
        Ok(Self {
            focus,
            market_links,
            quarter: time::quarter_summary(conn, focus.quarter, &settings, today)?,
            has_entries: !week_entries.is_empty() || time::any(conn)?,
            settings,
            today,
            week_entries,
            week,
            this_week,
            today_minutes,
        })
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
