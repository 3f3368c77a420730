//! The session: the one door for every write. It owns the open database, today's date and the
//! view data the screens read; it applies commands, each with the form or action that sent it,
//! answers each sender, keeps the undo step, takes the backups that protect an import or a
//! restore, and reads again only the parts of the view a write changed. No egui here: the app,
//! the command line, the tests and the benchmark all go through it.

pub mod business_command;
pub mod business_import;
pub mod business_view;
pub mod calendar;
pub mod changes;
pub mod command;
pub mod dev_command;
pub mod dev_view;
pub mod error;
pub mod files;
pub mod hiring_command;
pub mod hiring_undo;
pub mod hiring_view;
pub mod origin;
mod refresh;
pub mod review_command;
pub mod review_view;
pub mod time_view;
pub mod undo;
pub mod view;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

pub use business_command::{BusinessCommand, BusinessDone, Record as BusinessRecord};
pub use business_import::ImportCounts;
pub use business_view::BusinessView;
pub use changes::{Changes, People};
pub use command::{Command, Done};
pub use dev_command::{DevCommand, DevOutcome};
pub use error::SessionError;
pub use files::{Recovery, Restored};
pub use hiring_command::{HiringCommand, HiringOutcome};
pub use hiring_view::HiringView;
pub use origin::{Applied, Inbox, Origin, Outbox, Sent};
pub use review_command::{ReviewCommand, ReviewDone};
pub use review_view::ReviewView;
pub use time_view::{TimeFocus, TimeView};
pub use undo::Undo;
pub use view::{MeetingView, Selection, ViewModel};

/// Plain records the view hands to the screens as they are stored.
pub use crate::store::backup::{BackupInfo, Reason as BackupReason};

use crate::import::zones::Zone;
use crate::store::{Store, StoreError, backup};

/// Which day it is: the system's, or a fixed one for tests, screenshots and the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Self::System => chrono::Local::now().date_naive(),
            Self::Fixed(day) => day,
        }
    }

    pub fn fixed_or_system(day: Option<NaiveDate>) -> Self {
        day.map_or(Self::System, Self::Fixed)
    }
}

pub struct Session {
    store: Store,
    clock: Clock,
    /// The zone calendar days are counted in when a calendar is imported: the computer's, or
    /// a fixed one (tests, `--zone`).
    zone: Zone,
    view: ViewModel,
    /// What the view was loaded for (week, architect, meeting, search).
    selection: Selection,
    /// The Time screen's week and quarter; `None` follows today.
    time_focus: Option<TimeFocus>,
    undo: Option<Undo>,
    /// Anything written since the file was opened, so the backup on quit knows it is needed.
    changed: bool,
    /// Whether the view is kept up to date: the app reads it; the command line and scripts
    /// only write and read records, and skip building it.
    live_view: bool,
    /// The file's `data_version` when the view was last compared with it: a commit by another
    /// connection (the command line beside the window) changes it; this session's own don't.
    seen_version: Option<i64>,
}

/// SQLite's count of commits by other connections to the file, as this connection sees it.
fn data_version(conn: &rusqlite::Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
}

impl Session {
    /// A session on an open store; reads the whole view once.
    pub fn new(store: Store, clock: Clock, zone: Zone) -> Result<Self, StoreError> {
        let today = clock.today();
        // Taken before the view is read: a write by another program meanwhile is noticed.
        let seen_version = Some(data_version(store.conn())?);
        let view = ViewModel::load(&store, today)?;
        Ok(Self {
            store,
            clock,
            zone,
            view,
            selection: Selection::default(),
            time_focus: None,
            undo: None,
            changed: false,
            live_view: true,
            seen_version,
        })
    }

    /// A session that applies commands without building the view the screens read: for the
    /// command line and scripts, which answer in milliseconds on a large file.
    pub fn without_view(store: Store, clock: Clock, zone: Zone) -> Self {
        let view =
            ViewModel { db_path: store.path().to_owned(), today: clock.today(), ..ViewModel::default() };
        Self {
            store,
            clock,
            zone,
            view,
            selection: Selection::default(),
            time_focus: None,
            undo: None,
            changed: false,
            live_view: false,
            seen_version: None,
        }
    }

    /// Whether another program (the command line, a script) wrote to the file since the last
    /// call (or since the view was read). If so the whole view is read again, and the undo
    /// step goes: Ctrl+Z never reverts someone else's write. One pragma, no table read: the
    /// app asks when its window gains focus and every few seconds while it has it.
    pub fn notice_other_writers(&mut self) -> Result<bool, StoreError> {
        let version = data_version(self.store.conn())?;
        let seen = self.seen_version.replace(version);
        if seen.is_none_or(|seen| seen == version) {
            return Ok(false);
        }
        self.undo = None;
        self.reload()?;
        Ok(true)
    }

    /// Opens (or creates) the database at `path` with every check and reads the whole view.
    pub fn open(path: &Path, clock: Clock, zone: Zone) -> Result<Self, StoreError> {
        Self::new(Store::open(path)?, clock, zone)
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Sets the clock (tests that move through the weeks; the app after midnight follows the
    /// system clock by itself).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    pub fn view(&self) -> &ViewModel {
        &self.view
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The connection, for reads (reports, the command line's lists, tests).
    pub fn conn(&self) -> &Connection {
        self.store.conn()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn time_focus(&self) -> Option<TimeFocus> {
        self.time_focus
    }

    /// The change Ctrl+Z would reverse.
    pub fn undo_step(&self) -> Option<&Undo> {
        self.undo.as_ref()
    }

    /// Whether anything was written since the file was opened.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Applies one command from `origin` and returns its result: what the command line and
    /// tests use.
    pub fn run(&mut self, origin: Origin, command: Command) -> Result<Done, SessionError> {
        let mut applied = self.apply(vec![Sent { origin, command }]);
        applied.pop().map_or(Err(SessionError::NoDatabase), |applied| applied.result)
    }

    /// Applies a frame's commands in order, each in its own transaction: a refused command
    /// leaves the others' writes in place. Returns one answer per command, then reads again
    /// what the successful ones changed.
    pub fn apply(&mut self, batch: Vec<Sent>) -> Vec<Applied> {
        let today = self.today();
        let mut answers = Vec::with_capacity(batch.len());
        let mut changed = Changes::default();
        for Sent { origin, command } in batch {
            let applied = self.apply_one(origin, command, today);
            changed.add(&applied.changes);
            answers.push(applied);
        }
        if self.live_view && !changed.is_empty() {
            self.refresh(&changed);
        }
        answers
    }

    fn apply_one(&mut self, origin: Origin, command: Command, today: NaiveDate) -> Applied {
        let refused = |error: SessionError| Applied {
            origin,
            result: Err(error),
            undo: None,
            changes: Changes::default(),
        };
        if command.needs_backup_first()
            && let Err(error) =
                backup::take(self.store.conn(), self.store.path(), backup::Reason::BeforeImport)
        {
            return refused(SessionError::BackupFailed { what: "importing", detail: error.to_string() });
        }
        let undo_before = undo::undo_before(&self.view, &command);
        let erases = command.erases_personal_data();
        match self.store.transact(|tx| command.apply(tx, today)) {
            Ok((done, mut changes)) => {
                self.changed = true;
                if erases {
                    // The deleted rows' earlier versions are still in the write-ahead log until
                    // it is checkpointed: copy the overwritten pages into the file and empty
                    // the log now. Best effort: a busy reader only delays it to the next one.
                    let _ = self.store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                // The last change is the one Ctrl+Z reverses: a change that cannot be undone
                // clears the step of an older one rather than leave it to surprise.
                let undo = if origin == Origin::UNDO {
                    None
                } else {
                    undo::undo_after(&done, &self.view).or(undo_before)
                };
                self.undo.clone_from(&undo);
                if matches!(done, Done::CalendarImported { .. }) {
                    changes.backups = true;
                }
                Applied { origin, result: Ok(done), undo, changes }
            }
            Err(error) => refused(error.into()),
        }
    }

    /// Reverses the last change, if it can be.
    pub fn undo(&mut self) -> Option<(Undo, Applied)> {
        let undo = self.undo.take()?;
        let mut applied = self.apply(vec![Sent { origin: Origin::UNDO, command: undo.command.clone() }]);
        let applied = applied.pop()?;
        Some((undo, applied))
    }

    /// Loads the parts of the view a changed selection needs (another week, meeting or
    /// architect, a new search), and only those.
    pub fn select(&mut self, selection: &Selection) -> Result<(), StoreError> {
        if *selection == self.selection {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.selection, selection.clone());
        if before.query != selection.query {
            self.view.load_search(self.store.conn(), &selection.query);
        }
        if (&before.week, &before.architect, &before.meeting)
            != (&selection.week, &selection.architect, &selection.meeting)
        {
            self.view.load_selection(self.store.conn(), selection)?;
        }
        if before.requisition != selection.requisition {
            self.view.hiring.select(self.store.conn(), selection.requisition)?;
        }
        Ok(())
    }

    /// Moves the Time screen to another week or quarter (`None`: today's). Reads only when it
    /// differs from what the view shows.
    pub fn focus_time(&mut self, focus: Option<TimeFocus>) -> Result<(), StoreError> {
        self.time_focus = focus;
        let current = TimeFocus::current(self.today(), &self.view.time.settings);
        if focus.unwrap_or(current) == self.view.time.focus {
            return Ok(());
        }
        self.view.time = TimeView::load(self.store.conn(), self.today(), focus)?;
        Ok(())
    }

    /// Reads everything again when the day has changed since the view was built (the app
    /// stayed open past midnight).
    pub fn follow_the_clock(&mut self) -> Result<bool, StoreError> {
        if self.view.today == self.today() {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    /// Reads the whole view again (nothing to do for a session without one).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        if !self.live_view {
            return Ok(());
        }
        let view = ViewModel::load_with(&self.store, self.today(), self.time_focus, &self.selection)?;
        self.view = view;
        Ok(())
    }
}
