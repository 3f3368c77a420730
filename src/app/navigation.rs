//! Where the screens look: opening a meeting or an architect's history, loading the parts of
//! the view model a changed selection needs, and the history export.

use super::{LeadlineApp, Screen, Shell};
use crate::model::{ArchitectId, OneOnOneId};

impl Shell {
    /// Shows a meeting in the One-on-ones screen, with its architect's history beside it.
    pub fn open_meeting(&mut self, architect: ArchitectId, meeting: OneOnOneId) {
        self.selection.architect = Some(architect);
        self.selection.meeting = Some(meeting);
        self.screen = Screen::OneOnOnes;
    }

    /// Shows an architect's one-on-one history.
    pub fn open_history(&mut self, architect: ArchitectId) {
        if self.selection.architect != Some(architect) {
            self.selection.meeting = None;
        }
        self.selection.architect = Some(architect);
        self.screen = Screen::OneOnOnes;
    }
}

impl LeadlineApp {
    /// Loads the parts of the view model a changed selection needs (a search as it is typed,
    /// another week, another meeting), or everything when the day has changed.
    pub(super) fn follow_selection(&mut self) {
        if self.view.today != self.today() && self.store.is_some() {
            self.reload();
            return;
        }
        if self.shell.selection == self.loaded_selection {
            return;
        }
        let Some(store) = &self.store else { return };
        let (before, now) = (&self.loaded_selection, &self.shell.selection);
        if before.query != now.query {
            self.view.load_search(store.conn(), &now.query);
        }
        if (&before.week, &before.architect, &before.meeting) != (&now.week, &now.architect, &now.meeting)
            && let Err(error) = self.view.load_selection(store.conn(), now)
        {
            self.shell.toasts.error(format!("Could not read the database: {error}"));
        }
        self.loaded_selection = self.shell.selection.clone();
    }

    /// Opens a meeting in the One-on-ones screen, with its architect's history beside it.
    pub fn open_meeting(&mut self, id: OneOnOneId) {
        let architect = self
            .store
            .as_ref()
            .and_then(|store| crate::store::one_on_ones::get(store.conn(), id).ok())
            .map(|m| m.architect_id);
        self.shell.selection.meeting = Some(id);
        if architect.is_some() {
            self.shell.selection.architect = architect;
        }
        self.shell.screen = Screen::OneOnOnes;
        self.follow_selection();
    }

    pub(super) fn history_markdown(&self, architect: ArchitectId) -> Result<(String, String), String> {
        let store = self.store.as_ref().ok_or("No database is open")?;
        let person = crate::store::architects::get(store.conn(), architect).map_err(|e| e.to_string())?;
        let meetings =
            crate::store::one_on_ones::with_agendas(store.conn(), architect).map_err(|e| e.to_string())?;
        Ok((person.fields.name.clone(), crate::report::history::markdown(&person, &meetings)))
    }
}
