//! The screens, one file each, plus shared widgets and design tokens.

pub mod architect_editor;
pub mod first_run;
pub mod import_preview;
pub mod rules;
pub mod settings;
pub mod settings_data;
pub mod settings_time;
pub mod team;
pub mod theme;
pub mod time;
pub mod time_charts;
pub mod time_entry_row;
pub mod widgets;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{Command, Shell, ViewModel};
use crate::store::StoreError;

/// The screens in the left navigation. Numbers follow the product's screen order, so a
/// shortcut keeps its meaning as screens are added (Team is always Ctrl+2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Team,
    Time,
    Settings,
}

impl Screen {
    pub const ALL: &'static [Self] = &[Self::Team, Self::Time, Self::Settings];

    pub fn title(self) -> &'static str {
        match self {
            Self::Team => "Team",
            Self::Time => "Time",
            Self::Settings => "Settings",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Self::Team => "👥",
            Self::Time => "⏱",
            Self::Settings => "⚙",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        let key = match self {
            Self::Team => Key::Num2,
            Self::Time => Key::Num4,
            Self::Settings => Key::Num7,
        };
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }
}

/// Per-screen UI state that outlives a frame (filters, open forms, sort order).
#[derive(Default)]
pub struct Screens {
    pub team: team::TeamState,
    pub time: time::TimeState,
    pub settings: settings::SettingsState,
}

impl Screens {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        shell: &mut Shell,
        commands: &mut Vec<Command>,
    ) {
        if shell.request_new_architect || shell.request_find {
            shell.screen = Screen::Team;
        }
        match shell.screen {
            Screen::Team => self.team.ui(ui, view, shell, commands),
            Screen::Time => self.time.ui(ui, view, shell, commands),
            Screen::Settings => self.settings.ui(ui, view, shell, commands),
        }
    }

    /// Shows a failed write in the form that sent it, if one is open. Returns false when no
    /// form took it (the caller then shows a toast).
    pub fn show_error_in_form(&mut self, error: &StoreError) -> bool {
        self.team.show_error(error) || self.time.show_error(error) || self.settings.show_error(error)
    }
}
