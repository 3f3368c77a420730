//! The screens, one file each, plus shared widgets and design tokens.

pub mod architect_editor;
pub mod architect_page;
pub mod business;
mod business_accounts;
mod business_charts;
mod business_initiatives;
pub mod business_links;
mod business_milestones;
mod business_network;
mod business_scorecard;
pub mod business_widgets;
mod business_wins;
pub mod certs_tab;
pub mod charts;
pub mod dev_widgets;
pub mod edit_in_place;
pub mod first_run;
pub mod hiring;
mod hiring_candidate;
mod hiring_figures;
mod hiring_hire;
mod hiring_plan;
mod hiring_requisition;
mod hiring_week;
pub mod import_preview;
pub mod leaving;
mod meeting_agenda;
pub mod meeting_editor;
pub mod meeting_list;
pub mod notes_view;
pub mod one_on_one;
pub mod palette;
pub mod plan_tab;
pub mod prep_card;
pub mod review;
pub mod rules;
pub mod search;
pub mod settings;
pub mod settings_data;
pub mod settings_development;
mod settings_hiring;
mod settings_review;
pub mod settings_time;
pub mod shell;
pub mod skills_tab;
pub mod split_view;
pub mod team;
pub mod team_views;
pub mod templates;
pub mod theme;
pub mod this_week;
pub mod time;
pub mod time_charts;
pub mod time_entry_row;
pub mod widgets;

use egui::{Key, KeyboardShortcut, Modifiers};

pub use shell::{Answer, FileAction, Pick, PickKind, SaveKind, Shell};

use crate::session::{Outbox, ViewModel};

pub const SHORTCUT_NEW_ARCHITECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const SHORTCUT_QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const SHORTCUT_SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// From every screen: choose a calendar file to import (the Time screen's import view opens with it).
pub const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);

/// The screens in the left navigation. Numbers follow the product's screen order, so a
/// shortcut keeps its meaning as screens are added (Team is always Ctrl+2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The weekly home: who is due a one-on-one, with a prep card each.
    #[default]
    ThisWeek,
    Team,
    Time,
    OneOnOnes,
    Business,
    /// The quarterly self-review.
    Review,
    Settings,
}

impl Screen {
    pub const ALL: &'static [Self] = &[
        Self::ThisWeek,
        Self::Team,
        Self::OneOnOnes,
        Self::Time,
        Self::Business,
        Self::Review,
        Self::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::ThisWeek => "This week",
            Self::Team => "Team",
            Self::Time => "Time",
            Self::OneOnOnes => "One-on-ones",
            Self::Business => "Business",
            Self::Review => "Quarterly review",
            Self::Settings => "Settings",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Self::ThisWeek => "📅",
            Self::Team => "👥",
            Self::Time => "⏱",
            Self::OneOnOnes => "💬",
            Self::Business => "📈",
            Self::Review => "📝",
            Self::Settings => "⚙",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        let key = match self {
            Self::ThisWeek => Key::Num1,
            Self::Team => Key::Num2,
            Self::Time => Key::Num4,
            Self::OneOnOnes => Key::Num3,
            Self::Business => Key::Num5,
            Self::Review => Key::Num6,
            Self::Settings => Key::Num7,
        };
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }
}

/// Per-screen UI state that outlives a frame (filters, open forms, sort order).
#[derive(Default)]
pub struct Screens {
    pub this_week: this_week::ThisWeekState,
    pub team: team::TeamState,
    pub time: time::TimeState,
    pub one_on_ones: one_on_one::OneOnOnesState,
    pub business: business::BusinessState,
    pub settings: settings::SettingsState,
    pub review: review::ReviewScreen,
    /// The global search (Ctrl+F), drawn over any screen.
    pub search: search::SearchState,
    /// The command palette (Ctrl+K), drawn over any screen.
    pub palette: palette::PaletteState,
}

impl Screens {
    /// The window is closing: what is saved as it is typed (a one-on-one's notes, the
    /// review's texts) and was typed since the last save is sent now.
    pub fn save_typed(&mut self, outbox: &mut Outbox, view: &ViewModel) {
        self.review.flush(outbox, view);
        if let (Some(editor), Some(meeting)) = (&mut self.one_on_ones.editor, &view.meeting) {
            editor.save_unsaved(&meeting.meeting, outbox);
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        palette::take_action_answers(shell);
        if shell.request_new_architect {
            shell.screen = Screen::Team;
        }
        if shell.screen != Screen::Review {
            // Text typed on the review and not saved yet is saved when the screen is left.
            self.review.flush(outbox, view);
        }
        match shell.screen {
            Screen::Review => self.review.ui(ui, view, shell, outbox),
            Screen::ThisWeek => self.this_week.ui(ui, view, shell, outbox),
            Screen::Team => self.team.ui(ui, view, shell, outbox),
            Screen::Time => self.time.ui(ui, view, shell, outbox),
            Screen::OneOnOnes => self.one_on_ones.ui(ui, view, shell, outbox),
            Screen::Business => self.business.ui(ui, view, shell, outbox),
            Screen::Settings => self.settings.ui(ui, view, shell, outbox),
        }
        match self.search.ui(ui.ctx(), view, shell) {
            Some(search::Opened::Item(kind, id)) => self.one_on_ones.highlight(kind, id),
            Some(search::Opened::Architect(id)) => {
                self.team.open(id, view, architect_page::PageTab::Profile);
            }
            Some(search::Opened::Goal(id)) => self.team.open(id, view, architect_page::PageTab::Plan),
            None => {}
        }
        let undo_label = shell.undo_label.clone();
        if let Some(action) = self.palette.ui(ui.ctx(), view, undo_label.as_deref()) {
            self.run(action, ui.ctx(), view, shell, outbox);
        }
        if let Some(link) = self.review.opened.take() {
            self.open_from_review(link, view);
        }
    }

    /// Opens what a figure of the review links to on the Team or Business screen.
    fn open_from_review(&mut self, link: crate::model::review::figures::Link, view: &ViewModel) {
        use crate::model::review::figures::{ArchitectTab, BusinessList, Link, TeamList};
        use team_views::TeamView;
        match link {
            Link::Architect { architect, tab } => {
                let tab = match tab {
                    ArchitectTab::Profile => architect_page::PageTab::Profile,
                    ArchitectTab::Plan => architect_page::PageTab::Plan,
                    ArchitectTab::Skills => architect_page::PageTab::Skills,
                    ArchitectTab::Certifications => architect_page::PageTab::Certifications,
                };
                self.team.open(architect, view, tab);
            }
            Link::Team { list } => {
                self.team.page = None;
                self.team.view = match list {
                    TeamList::Roster => TeamView::Roster,
                    TeamList::Goals => TeamView::Goals,
                    TeamList::SkillGaps => TeamView::SkillGaps,
                    TeamList::Certifications => TeamView::Coverage,
                    TeamList::Readiness => TeamView::Readiness,
                };
            }
            Link::Hiring => {
                self.team.page = None;
                self.team.view = TeamView::Hiring;
            }
            Link::Business { list } => {
                self.business.tab = match list {
                    BusinessList::Wins | BusinessList::Pipeline | BusinessList::Plans => {
                        business::BusinessTab::Wins
                    }
                    BusinessList::Initiatives => business::BusinessTab::Initiatives,
                    BusinessList::Network => business::BusinessTab::Network,
                    BusinessList::Scorecard => business::BusinessTab::Scorecard,
                };
            }
            Link::Win { opportunity } => {
                self.business.tab = business::BusinessTab::Wins;
                self.business.wins.select(opportunity);
            }
            // Opened by the review itself.
            Link::Meeting { .. }
            | Link::History { .. }
            | Link::Week { .. }
            | Link::Quarter { .. }
            | Link::OneOnOnes { .. } => {}
        }
    }
}
