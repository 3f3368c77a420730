//! The view model: everything the screens read, loaded from the store after each write and
//! never on a plain repaint.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::time_view::{TimeFocus, TimeView};
use crate::import::rules::Rule;
use crate::model::{Architect, ArchitectId, ListItem, ListItemId, ListKind};
use crate::store::{Store, StoreError, architects, backup, calendar, lists, settings};

#[derive(Debug, Clone, Default)]
pub struct ViewModel {
    pub today: NaiveDate,
    pub db_path: PathBuf,
    /// Every architect, including those who left, by name.
    pub architects: Vec<Architect>,
    pub levels: Vec<ListItem>,
    pub areas: Vec<ListItem>,
    /// Architects using each level or area, for the Settings screen.
    pub list_users: HashMap<(ListKind, ListItemId), Vec<String>>,
    /// Whether the first-run question has been answered (or data exists already).
    pub onboarded: bool,
    /// Backups of this database, newest first (a folder listing, refreshed after changes).
    pub backups: Vec<backup::BackupInfo>,
    /// The Time screen's week and quarter, their aggregates and the time settings.
    pub time: TimeView,
    /// Calendar import: the categorisation rules in order, my addresses, the company's domains.
    pub calendar_rules: Vec<Rule>,
    pub my_emails: Vec<String>,
    pub company_domains: Vec<String>,
    /// Team members' addresses (for the "on my team" rule condition) and the folder the last
    /// calendar file came from.
    pub team_emails: Vec<String>,
    pub last_import_folder: Option<String>,
}

impl ViewModel {
    pub fn load(store: &Store, today: NaiveDate) -> Result<Self, StoreError> {
        Self::load_with_time_focus(store, today, None)
    }

    /// Loads everything, with the Time screen on `time_focus` (today's week and quarter if `None`).
    pub fn load_with_time_focus(
        store: &Store,
        today: NaiveDate,
        time_focus: Option<TimeFocus>,
    ) -> Result<Self, StoreError> {
        let conn = store.conn();
        let architects = architects::list(conn)?;
        let levels = lists::list(conn, ListKind::CareerLevel)?;
        let areas = lists::list(conn, ListKind::SolutionArea)?;
        let mut list_users = HashMap::new();
        for (kind, items) in [(ListKind::CareerLevel, &levels), (ListKind::SolutionArea, &areas)] {
            for item in items {
                list_users.insert((kind, item.id), lists::users(conn, kind, item.id)?);
            }
        }
        let time = TimeView::load(conn, today, time_focus)?;
        let onboarded =
            !architects.is_empty() || time.has_entries || settings::get(conn, settings::ONBOARDED)?.is_some();
        let backups = backup::list(store.path())?;
        let calendar_rules = calendar::rules(conn)?;
        let my_emails = calendar::list_setting(conn, calendar::MY_EMAILS)?;
        let company_domains = calendar::list_setting(conn, calendar::COMPANY_DOMAINS)?;
        let team_emails = calendar::team_emails(conn)?;
        let last_import_folder = settings::get(conn, calendar::LAST_IMPORT_FOLDER)?;
        Ok(Self {
            today,
            db_path: store.path().to_owned(),
            architects,
            levels,
            areas,
            list_users,
            onboarded,
            backups,
            time,
            calendar_rules,
            my_emails,
            company_domains,
            team_emails,
            last_import_folder,
        })
    }

    pub fn architect(&self, id: ArchitectId) -> Option<&Architect> {
        self.architects.iter().find(|a| a.id == id)
    }

    pub fn list(&self, kind: ListKind) -> &[ListItem] {
        match kind {
            ListKind::CareerLevel => &self.levels,
            ListKind::SolutionArea => &self.areas,
        }
    }
}
