//! The command palette (Ctrl+K, also Ctrl+Shift+P): every screen, every action of the menus
//! and shortcuts, and every architect by name, fuzzy-matched as typed and run from the
//! keyboard. An [`Action`] runs through [`Screens::run`], the one place the menus, the
//! shortcuts and the palette all go through; writes leave through the outbox like any form's.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, ThemePreference};

use super::{
    SHORTCUT_FIND, SHORTCUT_NEW_ARCHITECT, SHORTCUT_OPEN, SHORTCUT_QUIT, SHORTCUT_UNDO, Screen, Screens,
    Shell, architect_page::PageTab, theme,
};
use crate::model::ArchitectId;
use crate::session::{Command, Origin, Outbox, ViewModel};

pub const SHORTCUT_PALETTE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
/// The same palette under the key other editors use for it.
pub const SHORTCUT_PALETTE_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);

/// "Start the next due one-on-one", from the palette or the File menu.
const START_NEXT: Origin = Origin::new("palette: start the next one-on-one");
/// The titles of the save dialogs the export actions open; their answers come back under them.
const EXPORT_JSON: &str = "Export everything (JSON)";
const EXPORT_ROSTER: &str = "Export the roster (CSV)";

/// Something the user can ask for from a menu, a shortcut or the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Show(Screen),
    NewArchitect,
    /// The Time screen with the keyboard in the new entry's duration.
    LogTime,
    /// The Time screen's import view with the system's file dialog open to choose the calendar
    /// (Ctrl+O, the File menu and the palette alike).
    ImportCalendar,
    /// The first person due this week whose one-on-one is not started yet.
    StartNextOneOnOne,
    BackUpNow,
    ExportJson,
    ExportRoster,
    Search,
    Undo,
    Theme(ThemePreference),
    Quit,
    /// An architect's page on the Team screen.
    Architect(ArchitectId),
}

impl Action {
    /// The key that runs it without the palette, shown beside it in menus and the palette.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Show(screen) => Some(screen.shortcut()),
            Self::NewArchitect => Some(SHORTCUT_NEW_ARCHITECT),
            Self::Search => Some(SHORTCUT_FIND),
            Self::Undo => Some(SHORTCUT_UNDO),
            Self::Quit => Some(SHORTCUT_QUIT),
            Self::ImportCalendar => Some(SHORTCUT_OPEN),
            _ => None,
        }
    }
}

/// The first person due this week whose one-on-one is not started yet, with the date it gets.
fn next_due(view: &ViewModel) -> Option<(&crate::model::prep::PrepCard, chrono::NaiveDate)> {
    let sheet = view.prep.as_ref()?;
    let card = sheet.due.iter().find(|card| card.started.is_none())?;
    Some((card, super::this_week::start_date(sheet.week, view.today)))
}

impl Screens {
    /// Carries out `action` as its menu item or shortcut does; the one way every action runs.
    pub fn run(
        &mut self,
        action: Action,
        ctx: &egui::Context,
        view: &ViewModel,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        match action {
            Action::Show(screen) => shell.screen = screen,
            Action::NewArchitect => shell.request_new_architect = true,
            Action::LogTime => {
                shell.screen = Screen::Time;
                self.time.row.focus();
            }
            Action::ImportCalendar => {
                shell.screen = Screen::Time;
                self.time.import.choose_file(view, shell);
            }
            Action::StartNextOneOnOne => match next_due(view) {
                Some((card, held_on)) => {
                    shell.back_from_meeting = Some((card.architect_id, Screen::ThisWeek));
                    outbox.send(
                        START_NEXT,
                        Command::StartOneOnOne {
                            architect: card.architect_id,
                            held_on,
                            agenda: card.suggested.clone(),
                        },
                    );
                }
                None => "Nobody is due a one-on-one that is not started yet".clone_into(&mut shell.status),
            },
            Action::BackUpNow => shell.file_actions.push(super::FileAction::BackUpNow),
            Action::ExportJson => {
                let name = format!("leadline-export-{}.json", view.today.format("%Y%m%d"));
                shell.ask_file(super::Pick::save_file(
                    EXPORT_JSON,
                    &export_path(shell, &name),
                    "JSON",
                    &["json"],
                ));
            }
            Action::ExportRoster => {
                let name = format!("leadline-roster-{}.csv", view.today.format("%Y%m%d"));
                shell.ask_file(super::Pick::save_file(
                    EXPORT_ROSTER,
                    &export_path(shell, &name),
                    "CSV",
                    &["csv"],
                ));
            }
            Action::Search => self.search.open(),
            Action::Undo => shell.request_undo = true,
            Action::Theme(preference) => ctx.set_theme(preference),
            Action::Quit => shell.quit = true,
            Action::Architect(id) => {
                shell.screen = Screen::Team;
                self.team.open(id, view, PageTab::Profile);
            }
        }
    }
}

/// Where an export is proposed: the folder the last one went to, with `name`.
fn export_path(shell: &Shell, name: &str) -> String {
    shell
        .saved_folder(super::SaveKind::Export)
        .or_else(|| shell.saved_folder(super::SaveKind::Roster))
        .map_or_else(|| name.to_owned(), |folder| folder.join(name).display().to_string())
}

/// The answers of the export dialogs (a cancel says so in the status line), and the
/// one-on-one started from the palette or menu.
pub(super) fn take_action_answers(shell: &mut Shell) {
    if let Some(path) = shell.file_answer(EXPORT_JSON, "No file chosen: nothing exported") {
        shell.file_actions.push(super::FileAction::ExportJson(path));
    }
    if let Some(path) = shell.file_answer(EXPORT_ROSTER, "No file chosen: nothing exported") {
        shell.file_actions.push(super::FileAction::ExportRosterCsv(path));
    }
    if let Some(Err(message)) = shell.answer(START_NEXT) {
        shell.toasts.error(message);
    }
}

/// One line of the palette.
struct Entry {
    label: String,
    /// What kind of thing it is ("Screen", "Action", "Architect"), shown on the right.
    kind: &'static str,
    action: Action,
}

/// Everything the palette offers for this view, in the order shown before anything is typed.
fn entries(view: &ViewModel, undo_label: Option<&str>) -> Vec<Entry> {
    let action = |label: &str, action| Entry { label: label.to_owned(), kind: "Action", action };
    let mut all: Vec<Entry> = Screen::ALL
        .iter()
        .map(|&screen| Entry {
            label: format!("Go to {}", screen.title()),
            kind: "Screen",
            action: Action::Show(screen),
        })
        .collect();
    all.push(action("New architect", Action::NewArchitect));
    all.push(action("Log time", Action::LogTime));
    all.push(action("Import calendar", Action::ImportCalendar));
    if let Some((card, _)) = next_due(view) {
        all.push(Entry {
            label: format!("Start the next due one-on-one ({})", card.name),
            kind: "Action",
            action: Action::StartNextOneOnOne,
        });
    }
    all.push(action("Back up now", Action::BackUpNow));
    all.push(action("Export everything (JSON)", Action::ExportJson));
    all.push(action("Export the roster (CSV)", Action::ExportRoster));
    all.push(action("Search notes and agendas", Action::Search));
    if let Some(label) = undo_label {
        all.push(Entry { label: format!("Undo {label}"), kind: "Action", action: Action::Undo });
    }
    all.push(action("Switch theme: light", Action::Theme(ThemePreference::Light)));
    all.push(action("Switch theme: dark", Action::Theme(ThemePreference::Dark)));
    all.push(action("Switch theme: follow the system", Action::Theme(ThemePreference::System)));
    all.push(action("Quit", Action::Quit));
    let mut people: Vec<&crate::model::Architect> = view.architects.iter().collect();
    people.sort_by_key(|a| a.fields.status == crate::model::Status::Left);
    all.extend(people.into_iter().map(|a| Entry {
        label: a.fields.name.clone(),
        kind: if a.fields.status == crate::model::Status::Left { "Architect (left)" } else { "Architect" },
        action: Action::Architect(a.id),
    }));
    all
}

/// The entries matching `query`, best first: all of them, in their order, when nothing is typed.
fn matching(all: Vec<Entry>, query: &str) -> Vec<Entry> {
    if query.trim().is_empty() {
        return all;
    }
    let labels: Vec<&str> = all.iter().map(|e| e.label.as_str()).collect();
    let order: Vec<usize> = crate::model::fuzzy::rank(query, &labels).into_iter().map(|r| r.index).collect();
    let mut slots: Vec<Option<Entry>> = all.into_iter().map(Some).collect();
    order.into_iter().filter_map(|index| slots.get_mut(index).and_then(Option::take)).collect()
}

#[derive(Default)]
pub struct PaletteState {
    open: bool,
    focus: bool,
    query: String,
    selected: usize,
    scroll_to_selected: bool,
    /// The widget that had the keyboard when the palette opened: it gets it back on close.
    return_focus: Option<egui::Id>,
    /// Closed this frame: focus goes back on the next one, when the modal no longer holds
    /// the keyboard (egui refuses focus below a modal in the frame it shows).
    give_back: Option<egui::Id>,
}

impl PaletteState {
    /// Opens the palette empty, with the keyboard in its field.
    pub fn open(&mut self, ctx: &egui::Context) {
        if !self.open {
            self.return_focus = ctx.memory(egui::Memory::focused);
        }
        self.open = true;
        self.focus = true;
        self.query.clear();
        self.selected = 0;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the palette; the keyboard goes back where it was unless an action ran (it may
    /// have put the keyboard somewhere itself).
    fn close(&mut self, ran: bool) {
        self.open = false;
        let before = self.return_focus.take();
        self.give_back = if ran { None } else { before };
    }

    /// Draws the palette over the window while it is open; the action chosen, once.
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewModel, undo_label: Option<&str>) -> Option<Action> {
        if !self.open {
            if let Some(id) = self.give_back.take() {
                ctx.memory_mut(|m| m.request_focus(id));
            }
            return None;
        }
        let shown = matching(entries(view, undo_label), &self.query);
        self.selected = self.selected.min(shown.len().saturating_sub(1));
        let mut chosen = None;
        let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
            ui.set_width(560.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Type a screen, an action or a name")
                    .desired_width(f32::INFINITY),
            );
            let field = field.accessible_name("Command");
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            if field.changed() {
                self.selected = 0;
            }
            if field.has_focus() {
                let (down, up) = ui.input_mut(|i| {
                    (
                        i.consume_key(Modifiers::NONE, Key::ArrowDown),
                        i.consume_key(Modifiers::NONE, Key::ArrowUp),
                    )
                });
                if down && self.selected + 1 < shown.len() {
                    self.selected += 1;
                    self.scroll_to_selected = true;
                }
                if up {
                    self.selected = self.selected.saturating_sub(1);
                    self.scroll_to_selected = true;
                }
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                chosen = shown.get(self.selected).map(|e| e.action);
            }
            ui.add_space(theme::SPACE_S);
            if shown.is_empty() {
                ui.label(RichText::new(format!("Nothing matches \"{}\"", self.query.trim())).weak());
            }
            let scroll = std::mem::take(&mut self.scroll_to_selected);
            let height = ctx.content_rect().height() * 0.5;
            egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
                ui.set_width(ui.available_width());
                for (index, entry) in shown.iter().enumerate() {
                    let selected = index == self.selected;
                    let right = match entry.action.shortcut() {
                        Some(shortcut) => format!("{}    {}", ctx.format_shortcut(&shortcut), entry.kind),
                        None => entry.kind.to_owned(),
                    };
                    let button = egui::Button::selectable(selected, &entry.label).shortcut_text(right);
                    let response = ui.add_sized([ui.available_width(), theme::TABLE_ROW_HEIGHT], button);
                    if selected && scroll {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(entry.action);
                    }
                }
            });
            ui.add_space(theme::SPACE_S);
            ui.label(RichText::new("Up and Down choose, Enter runs, Esc closes").weak().small());
        });
        if chosen.is_some() || modal.should_close() {
            self.close(chosen.is_some());
        }
        chosen
    }
}
