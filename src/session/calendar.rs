//! The calendar import as one pipeline, for the import view, `leadline import ics` and the
//! benchmark alike: read the file, expand it over the chosen days (counted in the session's
//! zone), categorise each occurrence by the rules and the manager's remembered choices, and
//! compare it with what earlier imports wrote. Committing the preview's plan is
//! [`Command::ImportCalendar`](super::Command::ImportCalendar), applied like any write: the
//! session takes the backup first.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Session;
use crate::import::preview::{DEFAULT_ALL_DAY_MINUTES, ELSEWHERE_YEARS, ExistingEntry, Inputs, Key, Preview};
use crate::import::rules::{Outcome, People, Rule, default_rules};
use crate::import::zones::Zone;
use crate::import::{self, IcsError, Window};
use crate::store::{StoreError, calendar};

/// Why no preview could be built.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PreviewError {
    /// The file was refused as a whole (not a calendar, cut off, too large…).
    #[error("{0}")]
    File(#[from] IcsError),
    /// Earlier imports, the rules or the time logged by hand could not be read.
    #[error("could not read the database: {0}")]
    Database(String),
    /// The last day is before the first.
    #[error("To: {last} is before From ({from})")]
    Range { from: NaiveDate, last: NaiveDate },
}

impl From<StoreError> for PreviewError {
    fn from(error: StoreError) -> Self {
        Self::Database(error.to_string())
    }
}

/// What a preview is compared and categorised against, read from the database once.
struct Context {
    rules: Vec<Rule>,
    people: People,
    existing: Vec<ExistingEntry>,
    by_hand: HashMap<NaiveDate, u32>,
    choices: HashMap<Key, Outcome>,
}

impl Context {
    fn read(conn: &Connection, window: &Window) -> Result<Self, StoreError> {
        let people = People::new(
            &calendar::list_setting(conn, calendar::MY_EMAILS)?,
            &[],
            &calendar::list_setting(conn, calendar::COMPANY_DOMAINS)?,
        )
        .with_team(&calendar::team_members(conn)?);
        Ok(Self {
            rules: calendar::rules(conn)?,
            people,
            existing: calendar::existing(conn, window.from, window.to)?,
            by_hand: calendar::minutes_by_hand(conn, window.from, window.to)?,
            choices: calendar::choices(conn)?,
        })
    }

    /// Nothing known yet: the rules a new database starts with.
    fn empty() -> Self {
        Self {
            rules: default_rules(),
            people: People::default(),
            existing: Vec::new(),
            by_hand: HashMap::new(),
            choices: HashMap::new(),
        }
    }

    fn preview(&self, bytes: &[u8], window: &Window) -> Result<Preview, IcsError> {
        let expansion = import::read(bytes, window)?;
        let inputs = Inputs {
            rules: &self.rules,
            people: &self.people,
            existing: &self.existing,
            by_hand: &self.by_hand,
            choices: &self.choices,
            all_day_minutes: DEFAULT_ALL_DAY_MINUTES,
        };
        let mut preview = Preview::build(expansion, window, &inputs);
        if preview.rows.is_empty() {
            preview.elsewhere = span_around(bytes, window)?;
        }
        Ok(preview)
    }
}

/// The first and last day of the file's events within [`ELSEWHERE_YEARS`] of `window`, for a
/// range that holds none of them.
fn span_around(bytes: &[u8], window: &Window) -> Result<Option<(NaiveDate, NaiveDate)>, IcsError> {
    let years = chrono::Days::new(u64::try_from(ELSEWHERE_YEARS * 366).unwrap_or(0));
    let wide = Window {
        from: window.from.checked_sub_days(years).unwrap_or(window.from),
        to: window.to.checked_add_days(years).unwrap_or(window.to),
        zone: window.zone.clone(),
    };
    let expansion = import::read(bytes, &wide)?;
    let days = expansion
        .occurrences
        .iter()
        .filter(|o| !o.is_cancelled())
        .map(|o| o.start.wall_in(&window.zone).date());
    Ok(days.clone().min().zip(days.max()))
}

/// The days from `from` to `last` (both included), counted in `zone`.
pub fn window(from: NaiveDate, last: NaiveDate, zone: Zone) -> Result<Window, PreviewError> {
    if last < from {
        return Err(PreviewError::Range { from, last });
    }
    let to = last.succ_opt().ok_or(PreviewError::Range { from, last })?;
    Ok(Window { from, to, zone })
}

/// A preview with no database behind it (`--dry-run` on a file that does not exist yet): the
/// default rules, nobody known, nothing imported before.
pub fn preview_without_database(bytes: &[u8], window: &Window) -> Result<Preview, PreviewError> {
    Ok(Context::empty().preview(bytes, window)?)
}

impl Session {
    /// The days from `from` to `last` (both included), in this session's zone.
    pub fn import_window(&self, from: NaiveDate, last: NaiveDate) -> Result<Window, PreviewError> {
        window(from, last, self.zone.clone())
    }

    /// Reads a calendar file's bytes and builds the preview of importing the occurrences in
    /// `window`: each with its category (or waiting for one), the rule that chose it and what
    /// importing would change.
    pub fn import_preview(&self, bytes: &[u8], window: &Window) -> Result<Preview, PreviewError> {
        let context = Context::read(self.store.conn(), window)?;
        Ok(context.preview(bytes, window)?)
    }
}
