//! Work on the database file as a whole rather than on records: backups (daily, on demand, on
//! quit), putting a backup back, exports, and loading a whole export. Each runs while this
//! session holds the one-instance lock, and whatever replaces data takes a verified backup of
//! the current data first.

use std::path::{Path, PathBuf};

use super::{Session, SessionError};
use crate::model::ArchitectId;
use crate::store::backup::{self, BackupInfo, Reason};
use crate::store::{StoreError, architects, one_on_ones, transfer};

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    pub source: PathBuf,
    /// The backup of the data that was replaced.
    pub safety: BackupInfo,
    pub architects: usize,
}

impl Session {
    /// A verified backup now.
    pub fn back_up_now(&mut self) -> Result<BackupInfo, SessionError> {
        let info = backup::take(self.store.conn(), self.store.path(), Reason::Manual)?;
        self.refresh_backups();
        Ok(info)
    }

    /// A verified backup when the newest is more than a day old (and there is anything worth
    /// keeping). `None` when none was due.
    pub fn daily_backup(&mut self) -> Result<Option<BackupInfo>, SessionError> {
        if self.live_view && !self.view.onboarded {
            return Ok(None);
        }
        let now = chrono::Local::now().naive_local();
        if !backup::is_due(self.store.path(), now)? {
            return Ok(None);
        }
        let info = backup::take(self.store.conn(), self.store.path(), Reason::Daily)?;
        self.refresh_backups();
        Ok(Some(info))
    }

    /// On quit, a backup when anything was written since the file was opened.
    pub fn backup_on_quit(&self) -> Option<Result<BackupInfo, StoreError>> {
        self.changed.then(|| backup::take(self.store.conn(), self.store.path(), Reason::OnQuit))
    }

    /// The list of backups is read again (after one was taken by someone else, e.g. the
    /// background check).
    pub fn refresh_backups(&mut self) {
        if let Ok(backups) = backup::list(self.store.path()) {
            self.view.backups = backups;
        }
    }

    /// Replaces the data with a backup: the backup is checked and copied beside the file, the
    /// current data backed up, and the file swapped while the lock is held. Undo is cleared (it
    /// would reverse a change to data that is gone).
    pub fn restore(&mut self, source: &Path) -> Result<Restored, SessionError> {
        let staged = backup::stage_restore(source, self.store.path())?;
        let safety =
            backup::take(self.store.conn(), self.store.path(), Reason::BeforeRestore).map_err(|e| {
                let _ = std::fs::remove_file(&staged);
                SessionError::BackupFailed { what: "restoring", detail: e.to_string() }
            })?;
        let replaced = self.store.replace_with(&staged);
        self.undo = None;
        // A new connection counts its own versions: the next call takes note.
        self.seen_version = None;
        self.changed = true;
        if let Err(error) = replaced {
            // Whatever file is in place now is what the screens should show.
            let _ = self.reload();
            return Err(error.into());
        }
        self.reload()?;
        let architects = architects::list(self.store.conn())?.len();
        Ok(Restored { source: source.to_owned(), safety, architects })
    }

    /// Loads a whole export into this (empty) database, all or nothing, after a backup.
    pub fn import_json(&mut self, document: &serde_json::Value) -> Result<usize, SessionError> {
        backup::take(self.store.conn(), self.store.path(), Reason::BeforeImport)
            .map_err(|e| SessionError::BackupFailed { what: "importing", detail: e.to_string() })?;
        let imported = self.store.with_connection_mut(|conn| transfer::import(conn, document));
        let count = imported.map_err(|e| SessionError::Refused(e.to_string()))?;
        self.undo = None;
        self.changed = true;
        self.reload()?;
        Ok(count)
    }

    /// Every record as the versioned JSON export (pretty, ending with a new line).
    pub fn export_json(&self) -> Result<String, SessionError> {
        let document = transfer::export(self.store.conn())?;
        let text =
            serde_json::to_string_pretty(&document).map_err(|e| SessionError::Refused(e.to_string()))?;
        Ok(text + "\n")
    }

    /// The roster, everyone including those who left, as CSV.
    pub fn roster_csv(&self) -> Result<String, SessionError> {
        use crate::model::ListKind;
        let conn = self.store.conn();
        let architects = architects::list(conn)?;
        let levels = crate::store::lists::list(conn, ListKind::CareerLevel)?;
        let areas = crate::store::lists::list(conn, ListKind::SolutionArea)?;
        let all: Vec<_> = architects.iter().collect();
        crate::report::roster::csv(&all, &levels, &areas)
            .map_err(|e| SessionError::Refused(format!("the roster could not be written as CSV: {e}")))
    }

    /// An architect's one-on-one history as Markdown, with their name.
    pub fn history_markdown(&self, architect: ArchitectId) -> Result<(String, String), SessionError> {
        let conn = self.store.conn();
        let person = architects::get(conn, architect)?;
        let meetings = one_on_ones::with_agendas(conn, architect)?;
        Ok((person.fields.name.clone(), crate::report::history::markdown(&person, &meetings)))
    }
}

/// A damaged database found on opening (or by the background check): where it was moved and
/// the newest backup that passes a check, to offer instead.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub problem: String,
    pub moved_to: Option<PathBuf>,
    pub newest_good: Option<BackupInfo>,
}

impl Recovery {
    /// Moves the damaged file aside (never wiped: renamed beside the original) and finds the
    /// newest backup that passes a check.
    pub fn after(error: &StoreError, db_path: &Path) -> Self {
        let moved_to = backup::move_aside(db_path, chrono::Local::now()).ok();
        let newest_good = backup::newest_good(db_path).ok().flatten();
        Self { problem: error.to_string(), moved_to, newest_good }
    }
}

impl Session {
    /// Puts a backup in place of a file that could not be opened (damaged and moved aside),
    /// holding the one-instance lock while the file is swapped, then opens it.
    pub fn restore_in_place_of_damaged(
        db_path: &Path,
        source: &Path,
        clock: super::Clock,
        zone: crate::import::zones::Zone,
    ) -> Result<Self, SessionError> {
        let staged = backup::stage_restore(source, db_path)?;
        {
            let _lock = crate::store::lock::acquire(db_path)?;
            let _calls = crate::store::lock::hold_off_calls(db_path)?;
            backup::commit_restore(&staged, db_path)?;
        }
        let mut session = Self::open(db_path, clock, zone)?;
        session.changed = true;
        Ok(session)
    }
}
