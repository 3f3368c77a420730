//! The view model: everything the screens read. Loaded whole when the file opens; after a
//! write the session reads again only the parts it changed (see `refresh`); never on a plain
//! repaint.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::business_view::BusinessView;
use super::dev_view::DevelopmentView;
use super::review_view::ReviewView;
use super::time_view::{TimeFocus, TimeView};
use crate::import::rules::Rule;
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::{ActionItem, Agenda, MAX_DAYS_AHEAD, OneOnOne, Template};

/// How many of an architect's last meetings the energy trend shows.
pub const ENERGY_TREND_MEETINGS: usize = 8;
use crate::model::prep::{Inputs as PrepInputs, PrepSheet};
use crate::model::search::SearchResults;
use crate::model::{Architect, ArchitectId, GoalId, ListItem, ListItemId, ListKind, OneOnOneId};
use crate::store::one_on_ones::MeetingSummary;
use crate::store::{
    Store, StoreError, agenda, architects, backup, calendar, lists, one_on_ones, prep, search, settings,
    templates,
};

/// What the screens are looking at besides the data itself. When it changes, the app loads
/// the matching parts of the view model (once, not per frame).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The week on This week; `None` follows today.
    pub week: Option<IsoWeek>,
    /// The architect whose one-on-ones are listed.
    pub architect: Option<ArchitectId>,
    /// The meeting open in the editor.
    pub meeting: Option<OneOnOneId>,
    /// What the global search looks for.
    pub query: String,
    /// The requisition whose page the Hiring tab shows.
    pub requisition: Option<crate::model::RequisitionId>,
}

/// The meeting open in the editor, with everything on its agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingView {
    pub meeting: OneOnOne,
    pub architect_name: String,
    pub agenda: Agenda,
    /// The meetings before and after it with the same architect, to step through history.
    pub previous: Option<OneOnOneId>,
    pub next: Option<OneOnOneId>,
    /// The architect's open development goals as (goal id, description), to tick the ones
    /// reviewed in the meeting.
    pub goal_choices: Vec<(GoalId, String)>,
}

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
    /// Development plans, skills, certifications and the team views built from them.
    pub development: DevelopmentView,
    /// The selected week's prep sheet.
    pub prep: Option<PrepSheet>,
    /// What the prep sheet was built from, kept so a write touching one architect rebuilds
    /// only their part.
    pub prep_inputs: Option<PrepInputs>,
    /// The date of each architect's latest one-on-one.
    pub last_held: HashMap<ArchitectId, NaiveDate>,
    /// The manager's own open action items across the team, overdue (soonest due) first.
    pub my_actions: Vec<ActionItem>,
    /// Each architect's energy at their last meetings (up to [`ENERGY_TREND_MEETINGS`]),
    /// oldest first.
    pub energy: HashMap<ArchitectId, Vec<u8>>,
    pub templates: Vec<Template>,
    pub meeting: Option<MeetingView>,
    /// The selected architect's meetings, newest first.
    pub history: Vec<MeetingSummary>,
    pub search: SearchResults,
    /// Team members' addresses and whose they are (for the "on my team" rule condition and
    /// filing imported meetings under the architect), and the folder the last calendar file
    /// came from.
    pub team_members: Vec<crate::import::rules::TeamMember>,
    pub last_import_folder: Option<String>,
    /// The Business screen: accounts, wins and plans, initiatives, the network, scorecards.
    pub business: BusinessView,
    /// Requisitions, the pipeline, interviews, figures, departures (issue 13).
    pub hiring: super::hiring_view::HiringView,
    /// The Quarterly review screen: its draft (built while the screen shows it), the
    /// competencies, the quarters with a review, reminders from their priorities.
    pub review: ReviewView,
}

impl ViewModel {
    /// Loads everything with today's week and quarter and nothing selected.
    pub fn load(store: &Store, today: NaiveDate) -> Result<Self, StoreError> {
        Self::load_with(store, today, None, &Selection::default())
    }

    /// Loads everything, with the Time screen on `time_focus` (today's week and quarter if
    /// `None`) and the one-on-one screens on `selection`.
    pub fn load_with(
        store: &Store,
        today: NaiveDate,
        time_focus: Option<TimeFocus>,
        selection: &Selection,
    ) -> Result<Self, StoreError> {
        let conn = store.conn();
        let mut view = Self { today, db_path: store.path().to_owned(), ..Self::default() };
        let onboarded_setting = Self::load_roster(conn, &mut view)?;
        let time = TimeView::load(conn, today, time_focus)?;
        view.development = DevelopmentView::load(conn, today, &view.architects, &view.levels, &view.areas)?;
        view.onboarded = onboarded_setting || time.has_entries;
        view.time = time;
        view.backups = backup::list(store.path())?;
        view.calendar_rules = calendar::rules(conn)?;
        view.my_emails = calendar::list_setting(conn, calendar::MY_EMAILS)?;
        view.company_domains = calendar::list_setting(conn, calendar::COMPANY_DOMAINS)?;
        view.team_members = calendar::team_members(conn)?;
        view.last_import_folder = settings::get(conn, calendar::LAST_IMPORT_FOLDER)?;
        view.templates = templates::list(conn)?;
        view.my_actions = agenda::my_open_actions(conn, today)?;
        view.energy = one_on_ones::energy_trends(conn, ENERGY_TREND_MEETINGS)?;
        view.business = BusinessView::load(conn, today)?;
        view.hiring =
            super::hiring_view::HiringView::load(conn, today, selection.requisition, &view.architects)?;
        view.review = ReviewView::load(conn, today)?;
        view.load_selection(conn, selection)?;
        view.load_search(conn, &selection.query);
        Ok(view)
    }

    /// Reads the roster and its lists (and who uses each entry). Returns whether the first-run
    /// question is settled by the records alone (anyone on the roster, or the choice made).
    pub fn load_roster(conn: &Connection, view: &mut Self) -> Result<bool, StoreError> {
        view.architects = architects::list(conn)?;
        view.levels = lists::list(conn, ListKind::CareerLevel)?;
        view.areas = lists::list(conn, ListKind::SolutionArea)?;
        view.list_users.clear();
        for (kind, items) in [(ListKind::CareerLevel, &view.levels), (ListKind::SolutionArea, &view.areas)] {
            for item in items {
                view.list_users.insert((kind, item.id), lists::users(conn, kind, item.id)?);
            }
        }
        Ok(!view.architects.is_empty()
            || view.time.has_entries
            || settings::get(conn, settings::ONBOARDED)?.is_some())
    }

    /// Loads what depends on the selection: the week's prep sheet, the open meeting, the
    /// selected architect's history.
    pub fn load_selection(&mut self, conn: &Connection, selection: &Selection) -> Result<(), StoreError> {
        let today = self.today;
        let week = selection.week.unwrap_or_else(|| IsoWeek::of(today));
        let inputs = prep::inputs(conn, week, today)?;
        self.prep = Some(crate::model::prep::build(&inputs));
        self.prep_inputs = Some(inputs);
        let horizon = today.checked_add_days(Days::new(MAX_DAYS_AHEAD)).unwrap_or(today);
        self.last_held = one_on_ones::last_held(conn, horizon)?;
        self.load_meeting(conn, selection.meeting)?;
        self.history = match selection.architect {
            Some(architect) => one_on_ones::history(conn, architect)?,
            None => Vec::new(),
        };
        Ok(())
    }

    /// Loads the meeting open in the editor, with its agenda and neighbours.
    pub fn load_meeting(&mut self, conn: &Connection, id: Option<OneOnOneId>) -> Result<(), StoreError> {
        self.meeting = match id {
            None => None,
            Some(id) => match one_on_ones::get(conn, id) {
                Ok(meeting) => Some(self.meeting_view(conn, meeting)?),
                // Deleted meanwhile: nothing to show.
                Err(StoreError::NotFound(_)) => None,
                Err(error) => return Err(error),
            },
        };
        Ok(())
    }

    /// Reads the open meeting again.
    pub fn reload_meeting(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let id = self.meeting.as_ref().map(|m| m.meeting.id);
        self.load_meeting(conn, id)
    }

    fn meeting_view(&self, conn: &Connection, meeting: OneOnOne) -> Result<MeetingView, StoreError> {
        let agenda = agenda::agenda_of(conn, &meeting)?;
        let (previous, next) = one_on_ones::adjacent(conn, &meeting)?;
        let architect_name =
            self.architect(meeting.architect_id).map_or_else(String::new, |a| a.fields.name.clone());
        // The architect's open goals, to tick as reviewed in the meeting.
        let goal_choices =
            self.development.people.get(&meeting.architect_id).map_or_else(Vec::new, |person| {
                person
                    .goals
                    .iter()
                    .filter(|row| crate::model::goal::is_open(row.goal.fields.status))
                    .map(|row| (row.goal.id, row.goal.fields.description.clone()))
                    .collect()
            });
        Ok(MeetingView { meeting, architect_name, agenda, previous, next, goal_choices })
    }

    /// Runs the global search for `query`. A failure becomes the results' message: search
    /// never takes the app down and never shows SQL.
    pub fn load_search(&mut self, conn: &Connection, query: &str) {
        self.search = if query.trim().is_empty() {
            SearchResults::default()
        } else {
            search::search(conn, query, search::RESULTS_LIMIT).unwrap_or_else(|error| SearchResults {
                query: query.to_owned(),
                message: Some(error.to_string()),
                ..SearchResults::default()
            })
        };
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
