//! The Team screen: the roster table, its filter and sort, an architect's page beside it, and
//! the team-wide views (goals, skill gaps, certification coverage, promotion readiness).

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::architect_editor::EditorAction;
use super::architect_page::{ArchitectPage, PageTab};
use super::team_views::{TeamView, TeamViews};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::lists::name_of;
use crate::model::{Architect, ArchitectId, Status};
use crate::session::{Command, Done, Origin, Outbox, ViewModel};

/// The profile form (a new architect, an edit, a status change).
const PROFILE: Origin = Origin::new("team: profile");
/// "Delete" in the confirmation dialog.
const DELETE: Origin = Origin::new("team: delete");

/// The roster keeps at least this width beside an open page.
const ROSTER_MIN_WIDTH: f32 = 360.0;
/// The page never gets narrower than this.
const PAGE_MIN_WIDTH: f32 = 560.0;

/// Which architects the roster shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RosterFilter {
    /// Active and on leave: the team as it is today.
    #[default]
    Current,
    Left,
    All,
}

impl RosterFilter {
    fn label(self) -> &'static str {
        match self {
            Self::Current => "Current team",
            Self::Left => "Left",
            Self::All => "Everyone",
        }
    }

    fn admits(self, status: Status) -> bool {
        match self {
            Self::Current => status != Status::Left,
            Self::Left => status == Status::Left,
            Self::All => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Title,
    Level,
    Area,
    Cadence,
    Started,
    Status,
}

const COLUMNS: [(SortColumn, &str); 7] = [
    (SortColumn::Name, "Name"),
    (SortColumn::Title, "Title"),
    (SortColumn::Level, "Level"),
    (SortColumn::Area, "Solution area"),
    (SortColumn::Cadence, "1:1 cadence"),
    (SortColumn::Started, "Start date"),
    (SortColumn::Status, "Status"),
];

#[derive(Default)]
pub struct TeamState {
    pub filter: RosterFilter,
    pub search: String,
    pub sort: SortColumn,
    pub descending: bool,
    pub selected: Option<ArchitectId>,
    /// The open architect's page (a new architect's, while adding one).
    pub page: Option<ArchitectPage>,
    pub view: TeamView,
    pub views: TeamViews,
    /// The architect waiting for "really delete?".
    pub confirm_delete: Option<ArchitectId>,
    /// The Hiring view: requisitions, candidates, hires.
    pub hiring: super::hiring::HiringState,
    /// "Mark as left" asking why.
    leaving: Option<super::leaving::LeavingDialog>,
}

impl TeamState {
    /// A profile save went through: show the architect's page as stored now, or close it when
    /// they no longer belong on the roster as filtered (marked as left from the current team).
    pub fn saved(&mut self, id: ArchitectId, view: &ViewModel) {
        let Some(architect) = view.architect(id) else { return };
        if !self.filter.admits(architect.fields.status) {
            if self.page.as_ref().is_some_and(|p| p.id == Some(id)) {
                self.page = None;
            }
            self.selected = None;
            return;
        }
        if let Some(page) = &mut self.page
            && (page.id.is_none() || page.id == Some(id))
        {
            page.profile_saved(architect, view);
        }
        self.selected = Some(id);
    }

    pub fn deleted(&mut self) {
        self.page = None;
        self.selected = None;
        self.confirm_delete = None;
    }

    /// The answers to the profile form and the delete dialog: a save shows the architect as
    /// stored, a refusal shows in the profile.
    fn take_answers(&mut self, view: &ViewModel, shell: &mut Shell) {
        for origin in [PROFILE, DELETE] {
            match shell.answer(origin) {
                None => {}
                Some(Ok(Done::ArchitectAdded(id) | Done::ArchitectUpdated(id))) => self.saved(id, view),
                Some(Ok(_)) => self.deleted(),
                Some(Err(message)) => match &mut self.page {
                    Some(page) => page.editor.error = Some(message),
                    None => shell.toasts.error(message),
                },
            }
        }
    }

    pub fn open_new(&mut self, view: &ViewModel) {
        self.view = TeamView::Roster;
        self.page = Some(ArchitectPage::new_architect(view));
    }

    /// Opens an architect's page on `tab`, on the roster.
    pub fn open(&mut self, id: ArchitectId, view: &ViewModel, tab: PageTab) {
        let Some(architect) = view.architect(id) else { return };
        self.view = TeamView::Roster;
        if !self.filter.admits(architect.fields.status) {
            self.filter = RosterFilter::All;
        }
        self.selected = Some(id);
        self.page = Some(ArchitectPage::open(architect, view, tab));
    }

    /// The rows shown: filtered by status and search text, sorted by the chosen column.
    pub fn rows<'v>(&self, view: &'v ViewModel) -> Vec<&'v Architect> {
        let needle = self.search.trim().to_lowercase();
        let mut rows: Vec<&Architect> = view
            .architects
            .iter()
            .filter(|a| self.filter.admits(a.fields.status))
            .filter(|a| {
                needle.is_empty()
                    || a.fields.name.to_lowercase().contains(&needle)
                    || a.fields.title.to_lowercase().contains(&needle)
                    || a.fields.accounts.to_lowercase().contains(&needle)
            })
            .collect();
        let level_rank = |a: &Architect| view.levels.iter().position(|l| Some(l.id) == a.fields.level);
        rows.sort_by(|a, b| {
            let (fa, fb) = (&a.fields, &b.fields);
            let primary = match self.sort {
                SortColumn::Name => std::cmp::Ordering::Equal,
                SortColumn::Title => fa.title.to_lowercase().cmp(&fb.title.to_lowercase()),
                SortColumn::Level => level_rank(a).cmp(&level_rank(b)),
                SortColumn::Area => {
                    name_of(&view.areas, fa.solution_area).cmp(name_of(&view.areas, fb.solution_area))
                }
                SortColumn::Cadence => fa.cadence.key().cmp(fb.cadence.key()),
                SortColumn::Started => fa.started_on.cmp(&fb.started_on),
                SortColumn::Status => fa.status.key().cmp(fb.status.key()),
            };
            primary.then_with(|| fa.name.to_lowercase().cmp(&fb.name.to_lowercase()))
        });
        if self.descending {
            rows.reverse();
        }
        rows
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        self.take_answers(view, shell);
        if std::mem::take(&mut shell.request_new_architect) {
            self.open_new(view);
        }

        if let Some((requisition, candidate)) = shell.open_requisition.take() {
            self.view = TeamView::Hiring;
            self.hiring.open(requisition, candidate, shell);
        }

        self.header_ui(ui, view);
        ui.add_space(theme::SPACE_M);
        if self.view == TeamView::Roster {
            self.roster_ui(ui, view, shell, outbox);
        } else if self.view == TeamView::Hiring {
            if let Some(hired) = self.hiring.ui(ui, view, shell, outbox) {
                // The new architect's page, on their development plan with the onboarding goals.
                self.open(hired, view, PageTab::Plan);
            }
        } else if let Some((id, tab)) = self.views.ui(ui, view, self.view) {
            self.open(id, view, tab);
        }
        self.confirm_delete_ui(ui, view, outbox);
        self.leaving_ui(ui, view, shell, outbox);
    }

    fn roster_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        if let Some(page) = &mut self.page {
            let width = (ui.available_width() - ROSTER_MIN_WIDTH).max(PAGE_MIN_WIDTH);
            let mut action = EditorAction::None;
            egui::Panel::right("architect_page")
                .resizable(false)
                .exact_size(width)
                .show(ui, |ui| action = page.ui(ui, view, shell, outbox));
            match action {
                EditorAction::None => {}
                EditorAction::Cancel => self.page = None,
                EditorAction::Send(command) => outbox.send(PROFILE, *command),
                EditorAction::AskDelete(id) => self.confirm_delete = Some(id),
                EditorAction::AskLeaving(id) => {
                    self.leaving = Some(super::leaving::LeavingDialog::new(id, view));
                }
            }
        }
        self.search_ui(ui);
        ui.add_space(theme::SPACE_S);
        let rows = self.rows(view);
        if view.architects.is_empty() {
            widgets::empty_state(
                ui,
                "No architects yet",
                "Add the people on your team with “New architect” (Ctrl+N), or from the command line with `leadline team add`.",
            );
        } else if rows.is_empty() {
            widgets::empty_state(ui, "Nobody matches", "Clear the search box or choose another filter.");
        } else {
            self.keyboard_navigation(ui, &rows, view);
            self.table_ui(ui, view, &rows);
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) {
        ui.horizontal(|ui| {
            ui.heading("Team");
            let current = view.architects.iter().filter(|a| a.fields.status != Status::Left).count();
            ui.label(RichText::new(format!("{current} on the team")).weak());
            ui.add_space(theme::SPACE_L);
            for team_view in TeamView::ALL {
                ui.selectable_value(&mut self.view, team_view, team_view.title());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("➕ New architect")
                    .on_hover_text(ui.ctx().format_shortcut(&super::SHORTCUT_NEW_ARCHITECT))
                    .clicked()
                {
                    self.open_new(view);
                }
            });
        });
    }

    fn search_ui(&mut self, ui: &mut egui::Ui) {
        // Ctrl+F is the search over everything; this box only filters the roster.
        let compact = self.page.is_some();
        ui.horizontal(|ui| {
            let width = if compact { ui.available_width() } else { 260.0 };
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("Filter by name, title or account")
                    .desired_width(width),
            )
            .accessible_name("Filter the roster");
            if !compact {
                self.filter_ui(ui);
            }
        });
        if compact {
            ui.horizontal(|ui| self.filter_ui(ui));
        }
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui) {
        ui.label("Show");
        for filter in [RosterFilter::Current, RosterFilter::Left, RosterFilter::All] {
            ui.selectable_value(&mut self.filter, filter, filter.label());
        }
    }

    /// Up / Down move the selection, Enter opens it: the roster works without a mouse. With a
    /// page open, the page follows the selection and keeps its tab, so the manager can flip
    /// through everyone's skills or certifications.
    fn keyboard_navigation(&mut self, ui: &egui::Ui, rows: &[&Architect], view: &ViewModel) {
        if ui.ctx().egui_wants_keyboard_input() || self.confirm_delete.is_some() {
            return;
        }
        let (down, up, enter) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::Enter),
            )
        });
        let index = self.selected.and_then(|id| rows.iter().position(|a| a.id == id));
        let next = match (down, up, index) {
            (true, _, None) | (_, true, None) => Some(0),
            (true, _, Some(i)) => Some((i + 1).min(rows.len() - 1)),
            (_, true, Some(i)) => Some(i.saturating_sub(1)),
            _ => None,
        };
        if let Some(next) = next {
            self.selected = Some(rows[next].id);
            if let Some(tab) = self.page.as_ref().filter(|p| p.id.is_some()).map(|p| p.tab) {
                self.open(rows[next].id, view, tab);
            }
        }
        if enter && let Some(id) = self.selected {
            let tab = self.page.as_ref().map_or(PageTab::Profile, |p| p.tab);
            self.open(id, view, tab);
        }
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, rows: &[&Architect]) {
        let mut clicked = None;
        let selected_index = self.selected.and_then(|id| rows.iter().position(|a| a.id == id));
        // With a page open the roster narrows to the columns that identify a person.
        let compact = self.page.is_some();
        let columns: Vec<(SortColumn, &str)> = COLUMNS
            .into_iter()
            .filter(|(column, _)| {
                !compact || matches!(column, SortColumn::Name | SortColumn::Level | SortColumn::Status)
            })
            .collect();
        let mut table = TableBuilder::new(ui)
            .id_salt(if compact { "roster_compact" } else { "roster" })
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for (column, _) in &columns {
            table = table.column(match column {
                // Beside a page the roster has about 360 points: names get most of them.
                SortColumn::Name if compact => Column::initial(150.0).at_least(100.0).clip(true),
                SortColumn::Level if compact => Column::remainder().at_least(60.0).clip(true),
                SortColumn::Name => Column::initial(190.0).at_least(120.0).clip(true).resizable(true),
                SortColumn::Title | SortColumn::Level | SortColumn::Area => {
                    Column::remainder().at_least(90.0).clip(true)
                }
                SortColumn::Cadence => Column::exact(115.0),
                SortColumn::Started => Column::exact(90.0),
                // Room for the widest badge, "On leave", with its pill.
                SortColumn::Status => Column::exact(84.0),
            });
        }
        if let Some(index) = selected_index {
            table = table.scroll_to_row(index, None);
        }
        table
            .header(theme::TABLE_ROW_HEIGHT, |mut header| {
                for &(column, title) in &columns {
                    header.col(|ui| {
                        let arrow = match (self.sort == column, self.descending) {
                            (true, false) => " ⏶",
                            (true, true) => " ⏷",
                            (false, _) => "",
                        };
                        let button =
                            egui::Button::new(RichText::new(format!("{title}{arrow}")).strong()).frame(false);
                        if ui.add(button).on_hover_text(format!("Sort by {}", title.to_lowercase())).clicked()
                        {
                            if self.sort == column {
                                self.descending = !self.descending;
                            } else {
                                self.sort = column;
                                self.descending = false;
                            }
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(theme::TABLE_ROW_HEIGHT, rows.len(), |mut row| {
                    let architect = rows[row.index()];
                    let f = &architect.fields;
                    row.set_selected(self.selected == Some(architect.id));
                    for &(column, _) in &columns {
                        row.col(|ui| match column {
                            SortColumn::Name => {
                                if widgets::name_button(ui, &f.name, "Open").clicked() {
                                    clicked = Some(architect.id);
                                }
                            }
                            SortColumn::Title => cell(ui, &f.title),
                            SortColumn::Level => cell(ui, name_of(&view.levels, f.level)),
                            SortColumn::Area => cell(ui, name_of(&view.areas, f.solution_area)),
                            SortColumn::Cadence => cell(ui, f.cadence.label()),
                            SortColumn::Started => {
                                cell(ui, &f.started_on.map(|d| d.to_string()).unwrap_or_default());
                            }
                            SortColumn::Status => {
                                let tone = super::dev_widgets::status_tone(f.status);
                                widgets::status_badge(ui, f.status.label(), tone);
                            }
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(architect.id);
                    }
                });
            });
        if let Some(id) = clicked {
            // Another person opens on the same tab: comparing two people's skills is one click.
            let tab = self.page.as_ref().filter(|p| p.id.is_some()).map_or(PageTab::Profile, |p| p.tab);
            self.open(id, view, tab);
        }
    }

    fn leaving_ui(&mut self, ui: &egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        use super::leaving::LeavingOutcome;
        let Some(dialog) = &mut self.leaving else { return };
        match dialog.ui(ui, view, shell, outbox) {
            LeavingOutcome::Open => {}
            LeavingOutcome::Closed => self.leaving = None,
            LeavingOutcome::Recorded(id) => {
                self.leaving = None;
                self.saved(id, view);
            }
        }
    }

    fn confirm_delete_ui(&mut self, ui: &egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let Some(id) = self.confirm_delete else { return };
        let Some(architect) = view.architect(id) else {
            self.confirm_delete = None;
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.set_width(380.0);
            ui.heading(format!("Delete {}?", architect.name()));
            ui.add_space(theme::SPACE_M);
            ui.label("Their profile is removed for good. To keep their history, mark them as left instead.");
            ui.add_space(theme::SPACE_L);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Delete").color(theme::error_color(ui))).clicked() {
                    outbox.send(DELETE, Command::DeleteArchitect(id));
                    self.confirm_delete = None;
                }
                if ui.button("Cancel").clicked() {
                    self.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = None;
        }
    }
}

/// A table cell: one line, cut with an ellipsis, not selectable (a click selects the row).
fn cell(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate().selectable(false));
}
