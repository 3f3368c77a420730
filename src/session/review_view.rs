//! The part of the view model the Quarterly review screen reads: the draft of the quarter in
//! focus, the competencies Settings edits, the quarters that have a review, and the reminders
//! from reviews' priorities. The draft reads three quarters of records, so it is built only
//! while the screen shows it: a write anywhere marks it stale, and it is read again the next
//! time the screen asks (`Session::focus_review`), not on every write.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Session;
use crate::model::fiscal::FiscalQuarter;
use crate::model::review::ReviewDraft;
use crate::model::review::data::MeetingRecords;
use crate::model::review::words::{Priority, ReviewCompetency};
use crate::store::{StoreError, review, review_data, time};

/// How far ahead the reminders of priorities are shown.
pub const REMINDER_DAYS_AHEAD: u64 = 7;

#[derive(Debug, Clone, Default)]
pub struct ReviewView {
    /// The quarter asked for; `None` is the default one (the current quarter, or the one just
    /// ended in the first two weeks of a quarter).
    pub focus: Option<FiscalQuarter>,
    /// The draft of the quarter in focus, once built.
    pub draft: Option<ReviewDraft>,
    /// Why the draft could not be built.
    pub error: Option<String>,
    /// Records changed since the draft was built.
    pub stale: bool,
    pub competencies: Vec<ReviewCompetency>,
    /// Quarters with a review, newest first, and whether each is final.
    pub quarters: Vec<(FiscalQuarter, bool)>,
    /// Priorities whose reminder falls from today to a week ahead.
    pub reminders: Vec<(FiscalQuarter, Priority)>,
    /// The records behind a quarter's coaching figures, read when the One-on-ones screen lists
    /// them (a figure's link), and whether records changed since.
    pub records: Option<MeetingRecords>,
    pub records_stale: bool,
}

impl ReviewView {
    /// The cheap parts: competencies, quarters with a review, reminders. The draft waits for
    /// the screen.
    pub fn load(conn: &Connection, today: NaiveDate) -> Result<Self, StoreError> {
        let mut view = Self { stale: true, ..Self::default() };
        view.load_lists(conn, today)?;
        Ok(view)
    }

    pub(super) fn load_lists(&mut self, conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
        self.competencies = review::competencies(conn)?;
        self.quarters = review::quarters(conn)?;
        let ahead = today.checked_add_days(chrono::Days::new(REMINDER_DAYS_AHEAD)).unwrap_or(today);
        self.reminders = review::reminders(conn, today, ahead)?;
        Ok(())
    }

    /// The quarter the screen shows for `focus` on `today`.
    pub fn quarter_for(
        conn: &Connection,
        focus: Option<FiscalQuarter>,
        today: NaiveDate,
    ) -> Result<FiscalQuarter, StoreError> {
        match focus {
            Some(quarter) => Ok(quarter),
            None => Ok(review_data::default_quarter(&time::time_settings(conn)?, today)),
        }
    }
}

impl Session {
    /// Reads the records behind `quarter`'s coaching figures for the One-on-ones screen's list,
    /// when they are not read yet, for another quarter, or records changed since.
    pub fn focus_meeting_records(&mut self, quarter: FiscalQuarter) -> Result<(), StoreError> {
        let today = self.today();
        let Self { store, view, .. } = self;
        let review = &mut view.review;
        if !review.records_stale && review.records.as_ref().is_some_and(|r| r.quarter == quarter) {
            return Ok(());
        }
        review.records = Some(review_data::meeting_records(store.conn(), quarter, today)?);
        review.records_stale = false;
        Ok(())
    }

    /// Builds the review draft for `focus` (the default quarter if `None`) when the screen
    /// shows it: only when it is not built yet, the quarter changed, or records changed since.
    pub fn focus_review(&mut self, focus: Option<FiscalQuarter>) -> Result<(), StoreError> {
        let today = self.today();
        let Self { store, view, .. } = self;
        let review = &mut view.review;
        let quarter = ReviewView::quarter_for(store.conn(), focus, today)?;
        let current = review.draft.as_ref().map(|d| d.quarter);
        if !review.stale && review.focus == focus && current == Some(quarter) {
            return Ok(());
        }
        review.focus = focus;
        review.stale = false;
        match review_data::draft(store.conn(), quarter, today) {
            Ok(draft) => {
                review.draft = Some(draft);
                review.error = None;
            }
            Err(error) => {
                // Shown on the screen instead of the draft; the rest of the app goes on.
                review.draft = None;
                review.error = Some(format!("The review of {quarter} cannot be built: {error}"));
            }
        }
        Ok(())
    }
}
