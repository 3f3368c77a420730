//! The app's side of work on the file as a whole: the start-up health check and daily backup,
//! recovery from a damaged file, and carrying out the file actions the screens ask for
//! (backups, restore, exports), each through the session.

use std::sync::mpsc::TryRecvError;

use super::LeadlineApp;
use crate::session::{Recovery, Session};
use crate::store::health::{self, Health};
use crate::ui::FileAction;

impl LeadlineApp {
    /// At start, a verified backup when the newest is older than a day.
    pub(super) fn daily_backup(&mut self) {
        let Some(session) = &mut self.session else { return };
        // Routine: listed in Settings, not announced; only a failure is.
        if let Err(error) = session.daily_backup() {
            self.shell.toasts.error(format!("The daily backup failed: {error}"));
        }
    }

    /// Looks for the background check's answer; recovers from a damaged file, reports a failed
    /// backup. Cheap when nothing has arrived: one channel poll per frame.
    pub(super) fn poll_health(&mut self, ctx: &egui::Context) {
        let Some(receiver) = &self.health else { return };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Err(TryRecvError::Disconnected) => self.health = None,
            Ok(Health::Healthy { backup }) => {
                self.health = None;
                match backup {
                    Some(Ok(_)) => {
                        if let Some(session) = &mut self.session {
                            session.refresh_backups();
                        }
                    }
                    Some(Err(error)) => self.shell.toasts.error(format!("The daily backup failed: {error}")),
                    None => {}
                }
            }
            Ok(Health::Damaged { detail }) => {
                self.health = None;
                let error = health::damaged_error(&self.db_path, detail);
                // Close the file before moving it aside.
                self.session = None;
                self.recovery = Some(Recovery::after(&error, &self.db_path));
                ctx.request_repaint();
            }
        }
    }

    /// Blocks until the background start-up check has answered; the next frame acts on the
    /// answer as it would have anyway. For tests: a handshake instead of sleeping and polling.
    pub fn wait_for_background_check(&mut self) {
        let Some(receiver) = self.health.take() else { return };
        let (sender, answer) = std::sync::mpsc::channel();
        if let Ok(health) = receiver.recv() {
            let _ = sender.send(health);
        }
        self.health = Some(answer);
    }

    /// Carries out the file-level actions a screen asked for.
    pub fn apply_file_actions(&mut self) {
        for action in std::mem::take(&mut self.shell.file_actions) {
            match self.apply_file_action(&action) {
                Ok(message) => {
                    if let Some((kind, path)) = action.saved_file() {
                        self.shell.remember_saved(kind, path);
                    }
                    self.shell.status.clone_from(&message);
                    self.shell.toasts.info(message);
                }
                Err(error) => self.shell.toasts.error(error),
            }
        }
    }

    fn apply_file_action(&mut self, action: &FileAction) -> Result<String, String> {
        match action {
            FileAction::Restore(source) if self.session.is_none() => {
                let session = Session::restore_in_place_of_damaged(
                    &self.db_path,
                    source,
                    self.clock,
                    self.zone.clone(),
                )
                .map_err(|e| e.to_string())?;
                self.opened(session);
                Ok(format!("Restored the backup {}", source.display()))
            }
            FileAction::StartEmpty => {
                let session =
                    Session::open(&self.db_path, self.clock, self.zone.clone()).map_err(|e| e.to_string())?;
                self.opened(session);
                Ok("Started a new, empty database".to_owned())
            }
            action => {
                let session = self.session.as_mut().ok_or("No database is open")?;
                let message =
                    file_action(session, action, &mut self.shell.clipboard).map_err(|e| e.to_string())?;
                self.shell.undo_label = session.undo_step().map(|u| u.label.clone());
                Ok(message)
            }
        }
    }

    fn opened(&mut self, session: Session) {
        self.session = Some(session);
        self.recovery = None;
        self.open_error = None;
        self.shell.undo_label = None;
    }
}

/// One file action on an open session; the sentence for the status line.
fn file_action(
    session: &mut Session,
    action: &FileAction,
    clipboard: &mut Option<String>,
) -> Result<String, crate::session::SessionError> {
    use crate::store::write_private;
    Ok(match action {
        FileAction::BackUpNow => {
            let info = session.back_up_now()?;
            format!("Backed up and checked: {}", info.path.display())
        }
        FileAction::Restore(source) => {
            let restored = session.restore(source)?;
            format!("Restored the backup {}", restored.source.display())
        }
        FileAction::StartEmpty => "A database is already open".to_owned(),
        FileAction::ExportJson(target) => {
            write_private(target, session.export_json()?.as_bytes())?;
            format!("Exported everything to {}", target.display())
        }
        FileAction::ExportRosterCsv(target) => {
            write_private(target, session.roster_csv()?.as_bytes())?;
            format!("Exported the roster to {}", target.display())
        }
        FileAction::CopyHistory(architect) => {
            let (name, text) = session.history_markdown(*architect)?;
            *clipboard = Some(text);
            format!("Copied the one-on-one history of {name} (Markdown)")
        }
        FileAction::SaveHistory { architect, path } => {
            let (name, text) = session.history_markdown(*architect)?;
            write_private(path, text.as_bytes())?;
            format!("Saved the one-on-one history of {name} to {}", path.display())
        }
        FileAction::SaveMarkdown { path, text, what } => {
            write_private(path, text.as_bytes())?;
            format!("Saved {what} to {}", path.display())
        }
    })
}
