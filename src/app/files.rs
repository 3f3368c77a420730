//! Work on the database file as a whole: the start-up health check and daily backup, the
//! backup on quit, restore, recovery from a damaged file, and exports.

use super::{LeadlineApp, StoreError, backup};
use std::path::PathBuf;

use crate::model::ArchitectId;
use crate::store::Store;

/// A damaged database found at start: where it went and the newest backup that passes a check.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub problem: String,
    pub moved_to: Option<PathBuf>,
    pub newest_good: Option<backup::BackupInfo>,
}

impl Recovery {
    /// Moves the damaged file aside (never wiped: renamed beside the original) and finds the
    /// newest backup that passes a check.
    pub(super) fn after(error: &StoreError, db_path: &std::path::Path) -> Self {
        let moved_to = backup::move_aside(db_path, chrono::Local::now()).ok();
        let newest_good = backup::newest_good(db_path).ok().flatten();
        Self { problem: error.to_string(), moved_to, newest_good }
    }
}

/// Work on the database file as a whole rather than on records: not a `Command`, because it
/// replaces or copies the file instead of writing rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAction {
    BackUpNow,
    Restore(PathBuf),
    /// From the recovery screen: start over on an empty database at the same path.
    StartEmpty,
    ExportJson(PathBuf),
    ExportRosterCsv(PathBuf),
    /// A Markdown document (prep sheet) written to a file the user named.
    SaveMarkdown {
        path: PathBuf,
        text: String,
        what: String,
    },
    /// An architect's one-on-one history as Markdown, to the clipboard or a file.
    CopyHistory(ArchitectId),
    SaveHistory {
        architect: ArchitectId,
        path: PathBuf,
    },
}

impl LeadlineApp {
    /// At start, a verified backup when the newest is older than a day.
    pub(super) fn daily_backup(&mut self) {
        let Some(store) = &self.store else { return };
        if !self.view.onboarded {
            return; // nothing worth a copy yet
        }
        let now = chrono::Local::now().naive_local();
        match backup::is_due(store.path(), now) {
            Ok(false) => {}
            Ok(true) => match backup::take(store.conn(), store.path(), backup::Reason::Daily) {
                // Routine: listed in Settings, not announced.
                Ok(_) => self.reload(),
                Err(error) => self.shell.toasts.error(format!("The daily backup failed: {error}")),
            },
            Err(error) => self.shell.toasts.error(format!("Could not read the backups folder: {error}")),
        }
    }

    /// Looks for the background check's answer; recovers from a damaged file, reports a failed
    /// backup. Cheap when nothing has arrived: one channel poll per frame.
    pub(super) fn poll_health(&mut self, ctx: &egui::Context) {
        use crate::store::health::{self, Health};
        use std::sync::mpsc::TryRecvError;
        let Some(receiver) = &self.health else { return };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Err(TryRecvError::Disconnected) => self.health = None,
            Ok(Health::Healthy { backup }) => {
                self.health = None;
                match backup {
                    Some(Ok(_)) => self.reload(),
                    Some(Err(error)) => self.shell.toasts.error(format!("The daily backup failed: {error}")),
                    None => {}
                }
            }
            Ok(Health::Damaged { detail }) => {
                self.health = None;
                let error = health::damaged_error(&self.view.db_path, detail);
                // Close the file before moving it aside.
                self.store = None;
                self.recovery = Some(Recovery::after(&error, &self.view.db_path));
                ctx.request_repaint();
            }
        }
    }

    /// On quit, a backup when anything was written in this session.
    pub fn backup_on_quit(&mut self) -> Option<Result<backup::BackupInfo, StoreError>> {
        let store = self.store.as_ref()?;
        if !self.changed_since_start {
            return None;
        }
        Some(backup::take(store.conn(), store.path(), backup::Reason::OnQuit))
    }

    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Carries out the file-level actions a screen asked for.
    pub fn apply_file_actions(&mut self) {
        for action in std::mem::take(&mut self.shell.file_actions) {
            let result = self.apply_file_action(&action);
            match result {
                Ok(message) => {
                    self.shell.status.clone_from(&message);
                    self.shell.toasts.info(message);
                }
                Err(error) => self.shell.toasts.error(error),
            }
            self.reload();
        }
    }

    pub(super) fn apply_file_action(&mut self, action: &FileAction) -> Result<String, String> {
        let db_path = self.view.db_path.clone();
        match action {
            FileAction::BackUpNow => {
                let store = self.store.as_ref().ok_or("No database is open")?;
                let info = backup::take(store.conn(), store.path(), backup::Reason::Manual)
                    .map_err(|e| e.to_string())?;
                Ok(format!("Backed up and checked: {}", info.path.display()))
            }
            FileAction::Restore(source) => {
                let staged = backup::stage_restore(source, &db_path).map_err(|e| e.to_string())?;
                if let Some(store) = &self.store {
                    backup::take(store.conn(), store.path(), backup::Reason::BeforeRestore).map_err(|e| {
                        format!("Not restored: the current data could not be backed up first ({e})")
                    })?;
                }
                self.store = None;
                backup::commit_restore(&staged, &db_path).map_err(|e| e.to_string())?;
                self.reopen(&db_path)?;
                Ok(format!("Restored the backup {}", source.display()))
            }
            FileAction::StartEmpty => {
                self.reopen(&db_path)?;
                Ok("Started a new, empty database".to_owned())
            }
            FileAction::ExportJson(target) => {
                let store = self.store.as_ref().ok_or("No database is open")?;
                let document = crate::store::transfer::export(store.conn()).map_err(|e| e.to_string())?;
                let text = serde_json::to_string_pretty(&document).map_err(|e| e.to_string())? + "\n";
                crate::cli::write_private(target, text.as_bytes()).map_err(|e| format!("{e:#}"))?;
                Ok(format!("Exported everything to {}", target.display()))
            }
            FileAction::ExportRosterCsv(target) => {
                let view = &self.view;
                let all: Vec<_> = view.architects.iter().collect();
                let csv =
                    crate::cli::roster_csv(&all, &view.levels, &view.areas).map_err(|e| format!("{e:#}"))?;
                crate::cli::write_private(target, csv.as_bytes()).map_err(|e| format!("{e:#}"))?;
                Ok(format!("Exported the roster to {}", target.display()))
            }
            FileAction::CopyHistory(architect) => {
                let (name, text) = self.history_markdown(*architect)?;
                self.shell.clipboard = Some(text);
                Ok(format!("Copied the one-on-one history of {name} (Markdown)"))
            }
            FileAction::SaveHistory { architect, path } => {
                let (name, text) = self.history_markdown(*architect)?;
                crate::cli::write_private(path, text.as_bytes()).map_err(|e| format!("{e:#}"))?;
                Ok(format!("Saved the one-on-one history of {name} to {}", path.display()))
            }
            FileAction::SaveMarkdown { path, text, what } => {
                crate::cli::write_private(path, text.as_bytes()).map_err(|e| format!("{e:#}"))?;
                Ok(format!("Saved {what} to {}", path.display()))
            }
        }
    }

    pub(super) fn reopen(&mut self, db_path: &std::path::Path) -> Result<(), String> {
        let store = Store::open(db_path).map_err(|e| e.to_string())?;
        self.store = Some(store);
        self.recovery = None;
        self.open_error = None;
        self.shell.undo = None;
        self.reload();
        Ok(())
    }
}
