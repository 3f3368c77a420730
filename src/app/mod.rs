//! The eframe shell: app state, navigation, shortcuts, and the one place commands are applied.

pub mod command;
pub mod dev_command;
pub mod dev_view;
pub mod file_picker;
mod files;
mod navigation;
pub mod time_view;
mod undo;
pub mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

pub use command::{Command, Outcome};
pub use file_picker::{Answer, FilePicker, NativeFilePicker, Pick, PickKind};
pub use files::{FileAction, Recovery};
pub use time_view::{TimeFocus, TimeView};
use undo::undo_for;
pub use view::{MeetingView, Selection, ViewModel};

use crate::model::duration::format_minutes;
use crate::model::fiscal::IsoWeek;
use crate::model::time_entry::{TimeEntry, short_day};
use crate::store::{Store, StoreError, backup};
use crate::ui::{self, Screen, theme, widgets::Toasts};

/// Storage key for the theme the user picked.
const THEME_KEY: &str = "leadline.theme";

pub const SHORTCUT_NEW_ARCHITECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const SHORTCUT_QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const SHORTCUT_SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// On the Time screen: choose a calendar file to import.
pub const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);

/// How the app was started: the database (or why it could not be opened) and the clock.
pub struct Startup {
    pub store: Result<Store, StoreError>,
    /// The path the user asked for, shown when opening failed.
    pub db_path: PathBuf,
    /// A fixed "today" for tests and screenshots; `None` follows the system clock.
    pub today: Option<NaiveDate>,
    /// The store was opened with [`Store::open_deferring_check`]: run `quick_check` and the
    /// daily backup in the background instead of before the first frame.
    pub deferred_check: bool,
    /// The open-file and choose-folder dialogs: [`NativeFilePicker`] in the window.
    pub file_picker: Box<dyn FilePicker>,
}

/// The last reversible change, offered as "Undo".
#[derive(Debug, Clone)]
pub struct Undo {
    pub label: String,
    pub command: Command,
}

/// Everything a screen may change besides sending commands: navigation, messages, and the
/// file dialogs.
pub struct Shell {
    pub screen: Screen,
    pub status: String,
    pub toasts: Toasts,
    pub undo: Option<Undo>,
    /// Set by a screen to ask for a new-architect form (menu, shortcut, empty-state button).
    pub request_new_architect: bool,
    /// What the screens look at (week, architect, meeting, search); the app loads the view
    /// model's matching parts when it changes.
    pub selection: Selection,
    /// File-level actions asked for this frame (backup, restore, export).
    pub file_actions: Vec<FileAction>,
    /// The week and quarter the Time screen asks for; `None` is today's. The app reloads the
    /// time view when this differs from what it shows.
    pub time_focus: Option<TimeFocus>,
    /// Text to put on the clipboard at the end of the frame.
    pub clipboard: Option<String>,
    /// The system's file dialogs: asked by a screen when a "Choose…" button is clicked,
    /// answered frames later (see [`Shell::ask_file`] and [`Shell::file_answer`]).
    pub file_picker: Box<dyn FilePicker>,
    /// Dialogs asked for this frame, opened at its end where the window is known.
    file_asks: Vec<Pick>,
}

impl Shell {
    fn new(file_picker: Box<dyn FilePicker>) -> Self {
        Self {
            screen: Screen::default(),
            status: String::new(),
            toasts: Toasts::default(),
            undo: None,
            request_new_architect: false,
            selection: Selection::default(),
            file_actions: Vec::new(),
            time_focus: None,
            clipboard: None,
            file_picker,
            file_asks: Vec::new(),
        }
    }

    /// Opens a file dialog at the end of the frame (over the window); the screen collects the
    /// answer with [`Shell::file_answer`].
    pub fn ask_file(&mut self, pick: Pick) {
        self.file_asks.push(pick);
    }

    /// The path chosen in the dialog titled `title`, once it is in. A cancel (or no dialog at
    /// all) puts `cancelled` in the status line, so it is never silent.
    pub fn file_answer(&mut self, title: &str, cancelled: &str) -> Option<std::path::PathBuf> {
        match self.file_picker.answer(title)? {
            Answer::Chosen(path) => Some(path),
            Answer::Cancelled => {
                cancelled.clone_into(&mut self.status);
                None
            }
        }
    }
}

pub struct LeadlineApp {
    store: Option<Store>,
    /// Why the database could not be opened; the window then shows only this.
    open_error: Option<String>,
    /// A damaged database was moved aside at start: what to offer instead.
    recovery: Option<Recovery>,
    /// The background start-up check, until it answers.
    health: Option<std::sync::mpsc::Receiver<crate::store::health::Health>>,
    fixed_today: Option<NaiveDate>,
    view: ViewModel,
    shell: Shell,
    screens: ui::Screens,
    pending: Vec<Command>,
    /// The selection the view model was last loaded for.
    loaded_selection: Selection,
    /// Anything written since start, so the quit-time backup knows whether it is needed.
    pub changed_since_start: bool,
    /// Mirrors egui's setting so `save` (which has no context) can persist it.
    theme_preference: egui::ThemePreference,
}

impl LeadlineApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        theme::install(&cc.egui_ctx);
        if let Some(storage) = cc.storage
            && let Some(preference) = eframe::get_value::<egui::ThemePreference>(storage, THEME_KEY)
        {
            cc.egui_ctx.set_theme(preference);
        }
        let mut app = Self::headless(startup);
        app.shell.screen = Screen::ThisWeek;
        app
    }

    /// The app without a window: what tests drive through the same commands.
    pub fn headless(startup: Startup) -> Self {
        let Startup { store, db_path, today, deferred_check, file_picker } = startup;
        let mut recovery = None;
        let (store, open_error) = match store {
            Ok(store) => (Some(store), None),
            Err(error @ StoreError::Corrupt { .. }) => {
                recovery = Some(Recovery::after(&error, &db_path));
                (None, None)
            }
            Err(error) => (None, Some(error.to_string())),
        };
        let mut app = Self {
            store,
            open_error,
            recovery,
            health: None,
            fixed_today: today,
            view: ViewModel { db_path, ..ViewModel::default() },
            shell: Shell::new(file_picker),
            screens: ui::Screens::default(),
            pending: Vec::new(),
            loaded_selection: Selection::default(),
            changed_since_start: false,
            theme_preference: egui::ThemePreference::System,
        };
        app.reload();
        if deferred_check {
            if let Some(store) = &app.store {
                app.health = Some(crate::store::health::spawn(store.path()));
            }
        } else {
            app.daily_backup();
        }
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    pub fn view(&self) -> &ViewModel {
        &self.view
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    pub fn screen(&self) -> Screen {
        self.shell.screen
    }

    pub fn status(&self) -> &str {
        &self.shell.status
    }

    pub fn selection(&self) -> &Selection {
        &self.shell.selection
    }

    /// Rebuilds the view model from the store: after a write, never per frame.
    fn reload(&mut self) {
        let today = self.today();
        let Some(store) = &self.store else { return };
        self.loaded_selection = self.shell.selection.clone();
        match ViewModel::load_with(store, today, self.shell.time_focus, &self.shell.selection) {
            Ok(view) => self.view = view,
            Err(error) => self.shell.toasts.error(format!("Could not read the database: {error}")),
        }
    }

    /// Queues a command, as a screen would.
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Applies the queued commands in one transaction and reacts to what they did.
    pub fn apply_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let commands = std::mem::take(&mut self.pending);
        let today = self.today();
        let Some(store) = &mut self.store else { return };
        if commands.iter().any(|c| matches!(c, Command::ImportCalendar { .. }))
            && let Err(error) = backup::take(store.conn(), store.path(), backup::Reason::BeforeImport)
        {
            // Data safety first: no import without a copy to go back to.
            self.shell
                .toasts
                .error(format!("Nothing was imported: the backup before importing failed ({error})"));
            return;
        }
        let undo = commands.iter().rev().find_map(|command| undo_for(&self.view, command));
        let result = store.transact(|tx| {
            commands.into_iter().map(|command| command.apply(tx, today)).collect::<Result<Vec<_>, _>>()
        });
        match result {
            Ok(outcomes) => {
                self.changed_since_start = true;
                self.screens.commands_applied();
                self.reload();
                if let Some(undo) = undo {
                    self.shell.undo = Some(undo);
                }
                for outcome in outcomes {
                    self.follow_up(&outcome);
                }
                self.follow_time_focus();
            }
            Err(error) => {
                // Shown once: in the open form if there is one, otherwise as a toast.
                if !self.screens.show_error_in_form(&error) {
                    self.shell.toasts.error(error.to_string());
                }
            }
        }
    }

    fn follow_up(&mut self, outcome: &Outcome) {
        let message = match outcome {
            Outcome::ArchitectAdded(id) | Outcome::ArchitectUpdated(id) => {
                self.screens.team.saved(*id, &self.view);
                let name = self.view.architect(*id).map_or("", |a| a.name());
                format!("Saved {name}")
            }
            Outcome::ArchitectDeleted => {
                self.screens.team.deleted();
                "Deleted".to_owned()
            }
            Outcome::ListChanged => "Settings saved".to_owned(),
            Outcome::DemoLoaded => format!("Loaded the demo team: {} architects", self.view.architects.len()),
            Outcome::Onboarded => "Starting empty: add your first architect with Ctrl+N".to_owned(),
            Outcome::TimeEntryAdded(entry) => {
                self.screens.time.saved();
                self.show_time_of(entry);
                format!("Logged {}", entry_words(entry))
            }
            Outcome::TimeEntryUpdated { before, after } => {
                self.screens.time.saved();
                self.show_time_of(after);
                self.shell.undo = Some(Undo {
                    label: format!("edit of the {} entry", short_day(before.fields.date)),
                    command: Command::UpdateTimeEntry { id: before.id, fields: before.fields.clone() },
                });
                format!("Saved {}", entry_words(after))
            }
            Outcome::TimeEntryDeleted(entry) => {
                self.screens.time.deleted(entry.id);
                self.shell.undo = Some(Undo {
                    label: format!("delete of the {} entry", short_day(entry.fields.date)),
                    command: Command::RestoreTimeEntry(entry.clone()),
                });
                format!("Deleted {}", entry_words(entry))
            }
            Outcome::TimeEntryRestored(entry) => {
                self.show_time_of(entry);
                format!("Restored {}", entry_words(entry))
            }
            Outcome::TimeSettingsChanged(message) => {
                // Quarters may now cover other months: go back to today's.
                self.shell.time_focus = None;
                message.clone()
            }
            Outcome::Development(done) => {
                self.screens.development_saved();
                done.message.clone()
            }
            Outcome::OneOnOneStarted(id) => {
                self.open_meeting(*id);
                let with = self.view.meeting.as_ref().map_or_else(String::new, |m| {
                    format!(" with {} on {}", m.architect_name, m.meeting.fields.held_on.format("%a %-d %b"))
                });
                format!("Started the one-on-one{with}")
            }
            Outcome::OneOnOneSaved(_) => "Saved the one-on-one".to_owned(),
            Outcome::OneOnOneDeleted => {
                self.shell.selection.meeting = None;
                self.follow_selection();
                "Deleted the one-on-one".to_owned()
            }
            Outcome::AgendaChanged => "Saved".to_owned(),
            Outcome::TemplatesChanged => "Templates saved".to_owned(),
            Outcome::CalendarSettingsSaved => {
                self.screens.time.import.rules_changed();
                "Calendar import settings saved".to_owned()
            }
            Outcome::CalendarImported { inserted, updated, deleted, first_date } => {
                self.screens.time.import.imported();
                self.shell.screen = Screen::Time;
                if let Some(date) = first_date {
                    let time = &self.view.time;
                    self.shell.time_focus = Some(TimeFocus {
                        week: IsoWeek::of(*date),
                        quarter: time.settings.quarter_of(*date),
                    });
                }
                let message = format!(
                    "Imported the calendar: {inserted} new, {updated} changed, {deleted} removed entries \
                     (a backup was taken first)"
                );
                self.shell.toasts.info(message.clone());
                message
            }
        };
        self.shell.status = message;
    }

    /// Moves the Time screen to the week and quarter of an entry just saved, so it is in view.
    fn show_time_of(&mut self, entry: &TimeEntry) {
        let date = entry.fields.date;
        let focus = TimeFocus { week: IsoWeek::of(date), quarter: self.view.time.settings.quarter_of(date) };
        if focus.week != self.view.time.focus.week {
            self.shell.time_focus = Some(focus);
        }
    }

    /// Reloads the time part of the view when the Time screen moved to another week or
    /// quarter. Only runs SQL when the focus changed.
    fn follow_time_focus(&mut self) {
        let today = self.today();
        let Some(store) = &self.store else { return };
        let wanted = self.shell.time_focus;
        let showing = self.view.time.focus;
        let current = TimeFocus::current(today, &self.view.time.settings);
        if wanted.unwrap_or(current) == showing {
            return;
        }
        match TimeView::load(store.conn(), today, wanted) {
            Ok(time) => self.view.time = time,
            Err(error) => {
                // Stay where we are rather than retrying (and failing) on every frame.
                self.shell.time_focus = Some(showing);
                self.shell.toasts.error(format!("Could not read the time entries: {error}"));
            }
        }
    }

    fn undo(&mut self) {
        if let Some(undo) = self.shell.undo.take() {
            self.pending.push(undo.command);
            self.apply_pending();
            self.shell.status = format!("Undone: {}", undo.label);
            self.shell.undo = None;
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let (new, quit, undo, find, screen) = ctx.input_mut(|input| {
            let screen =
                Screen::ALL.iter().copied().find(|screen| input.consume_shortcut(&screen.shortcut()));
            (
                input.consume_shortcut(&SHORTCUT_NEW_ARCHITECT),
                input.consume_shortcut(&SHORTCUT_QUIT),
                input.consume_shortcut(&SHORTCUT_UNDO),
                input.consume_shortcut(&SHORTCUT_FIND),
                screen,
            )
        });
        if let Some(screen) = screen {
            self.shell.screen = screen;
        }
        if new {
            self.shell.request_new_architect = true;
        }
        if find {
            self.screens.search.open();
        }
        if undo && !ctx.egui_wants_keyboard_input() {
            self.undo();
        }
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let new = egui::Button::new("New architect")
                    .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_NEW_ARCHITECT));
                if ui.add(new).clicked() {
                    self.shell.request_new_architect = true;
                }
                ui.separator();
                let quit = egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_QUIT));
                if ui.add(quit).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let label = self
                    .shell
                    .undo
                    .as_ref()
                    .map_or_else(|| "Undo".to_owned(), |u| format!("Undo {}", u.label));
                let undo = egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_UNDO));
                if ui.add_enabled(self.shell.undo.is_some(), undo).clicked() {
                    self.undo();
                }
                let find = egui::Button::new("Search notes and agendas…")
                    .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_FIND));
                if ui.add(find).clicked() {
                    self.screens.search.open();
                }
            });
            ui.menu_button("View", |ui| {
                for screen in Screen::ALL {
                    let button = egui::Button::selectable(self.shell.screen == *screen, screen.title())
                        .shortcut_text(ui.ctx().format_shortcut(&screen.shortcut()));
                    if ui.add(button).clicked() {
                        self.shell.screen = *screen;
                    }
                }
                ui.separator();
                ui.label("Theme");
                let mut preference = ui.ctx().options(|o| o.theme_preference);
                if theme::preference_ui(ui, &mut preference) {
                    ui.ctx().set_theme(preference);
                }
            });
        });
    }

    fn status_line(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(&self.shell.status);
            if let Some(undo) = &self.shell.undo {
                let label = format!("Undo {}", undo.label);
                if ui.small_button(label).clicked() {
                    self.undo();
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(self.view.db_path.display().to_string());
            });
        });
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        ui.add_space(theme::SPACE_M);
        ui.heading("Leadline");
        ui.add_space(theme::SPACE_M);
        for screen in Screen::ALL {
            let selected = self.shell.screen == *screen;
            let text = format!("{}  {}", screen.icon(), screen.title());
            let response = ui
                .add_sized(
                    [ui.available_width(), theme::NAV_ROW_HEIGHT],
                    egui::Button::selectable(selected, text),
                )
                .on_hover_text(ui.ctx().format_shortcut(&screen.shortcut()));
            if response.clicked() {
                self.shell.screen = *screen;
            }
        }
    }

    /// Draws one frame. Public so tests can drive it without eframe.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.theme_preference = ctx.options(|o| o.theme_preference);
        self.poll_health(&ctx);
        if let Some(error) = &self.open_error {
            ui::first_run::open_error_ui(ui, error, &self.view.db_path);
            return;
        }
        if let Some(recovery) = &self.recovery {
            ui::first_run::recovery_ui(ui, recovery, &mut self.shell.file_actions);
            self.shell.toasts.ui(&ctx);
            self.apply_file_actions();
            return;
        }
        self.handle_shortcuts(&ctx);
        self.take_dropped_file(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status")
            .frame(theme::status_frame(ui.style()))
            .show(ui, |ui| self.status_line(ui));
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .show(ui, |ui| self.navigation(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            let Self { view, shell, screens, pending, .. } = self;
            screens.ui(ui, view, shell, pending);
        });
        self.follow_time_focus();

        if !self.view.onboarded {
            ui::first_run::welcome_ui(&ctx, &mut self.pending);
        }
        self.shell.toasts.ui(&ctx);
        self.apply_pending();
        self.apply_file_actions();
        if let Some(text) = self.shell.clipboard.take() {
            ctx.copy_text(text);
        }
        self.follow_selection();
        self.rebuild_import_preview();
    }

    /// A file dropped on the window, from any screen, opens the import view with it.
    fn take_dropped_file(&mut self, ctx: &egui::Context) {
        ui::import_preview::drop_hint_ui(ctx);
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        let Some(file) = dropped.first() else { return };
        if dropped.len() > 1 {
            self.shell.toasts.info("Several files were dropped: importing the first one only");
        }
        self.shell.screen = Screen::Time;
        self.screens.time.import.load(&self.view, file.path(), file.bytes());
    }

    /// Builds the import preview when a file was read or the range or rules changed: once,
    /// not per frame, and after the commands of this frame so it sees new rules.
    fn rebuild_import_preview(&mut self) {
        if !self.screens.time.import.needs_rebuild() {
            return;
        }
        if let Some(store) = &self.store {
            self.screens.time.import.rebuild(store.conn(), &self.view);
        }
    }
}

/// "1 h 30 min of Coaching on Fri 27 Nov", for the status line.
fn entry_words(entry: &TimeEntry) -> String {
    let f = &entry.fields;
    format!("{} of {} on {}", format_minutes(f.minutes), f.category, short_day(f.date))
}

impl eframe::App for LeadlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame_ui(ui);
        let shell = &mut self.shell;
        for pick in std::mem::take(&mut shell.file_asks) {
            if !shell.file_picker.ask(pick, ui.ctx(), Some(frame)) {
                "Another file dialog is still open: finish it first".clone_into(&mut shell.status);
            }
        }
    }

    fn on_exit(&mut self) {
        // Nobody sees a message after the window closes: a failure goes to the terminal.
        if let Some(Err(error)) = self.backup_on_quit() {
            eprintln!("Leadline: the backup on quit failed: {error}");
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, THEME_KEY, &self.theme_preference);
    }
}
