//! The eframe shell: the window, menus, shortcuts, the file dialogs and the frame loop. It
//! owns a [`Session`] (every write goes through it) and the screens; at the end of each frame it
//! hands the commands the screens sent to the session and the answers back to the forms.

pub mod bench_frames;
pub mod file_picker;
mod files;
mod status;
mod type_ahead;

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;

pub use file_picker::{FilePicker, NativeFilePicker};

use crate::import::zones::Zone;
use crate::session::{Applied, Clock, Command, Origin, Outbox, Recovery, Session, ViewModel};
use crate::store::health::Health;
use crate::store::{Store, StoreError};
use crate::ui::palette::{self, Action};
use crate::ui::{
    self, SHORTCUT_FIND, SHORTCUT_NEW_ARCHITECT, SHORTCUT_OPEN, SHORTCUT_QUIT, SHORTCUT_UNDO, Screen, Shell,
    theme,
};

/// Storage key for the theme the user picked.
const THEME_KEY: &str = "leadline.theme";

/// How often, in seconds, a focused window asks whether another program (the command line
/// beside it) wrote to the file. An unfocused window asks when it gains focus, never idly.
const OTHER_WRITERS_EVERY: f64 = 2.0;

/// How the app was started: the database (or why it could not be opened), the clock and the
/// zone calendar days are counted in.
pub struct Startup {
    pub store: Result<Store, StoreError>,
    /// The path the user asked for, shown when opening failed.
    pub db_path: PathBuf,
    /// A fixed "today" for tests and screenshots; `None` follows the system clock.
    pub today: Option<NaiveDate>,
    /// The zone calendar imports count days in: the computer's, or a fixed one in tests.
    pub zone: Zone,
    /// The store was opened with [`Store::open_deferring_check`]: run `quick_check` and the
    /// daily backup in the background instead of before the first frame.
    pub deferred_check: bool,
    /// The open-file and choose-folder dialogs: [`NativeFilePicker`] in the window.
    pub file_picker: Box<dyn FilePicker>,
    /// A calendar given on the command line (`leadline FILE.ics`, "Open with Leadline"): the
    /// first frame opens the Time screen's import preview on it, as a dropped file does.
    pub open_file: Option<PathBuf>,
}

pub struct LeadlineApp {
    session: Option<Session>,
    db_path: PathBuf,
    clock: Clock,
    zone: Zone,
    /// Why the database could not be opened; the window then shows only this.
    open_error: Option<String>,
    /// A damaged database was moved aside: what to offer instead.
    recovery: Option<Recovery>,
    /// The background start-up check, until it answers.
    health: Option<Receiver<Health>>,
    shell: Shell,
    screens: ui::Screens,
    outbox: Outbox,
    file_picker: Box<dyn FilePicker>,
    /// Shown while no database is open.
    empty_view: ViewModel,
    /// Mirrors egui's setting so `save` (which has no context) can persist it.
    theme_preference: egui::ThemePreference,
    /// The calendar to open in the import preview on the first frame, until then.
    open_file: Option<PathBuf>,
    /// When (egui's clock, seconds) the window last asked about other programs' writes.
    other_writers_asked: f64,
}

impl LeadlineApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        theme::install(&cc.egui_ctx);
        cc.egui_ctx.add_plugin(type_ahead::TypeAhead::default());
        if let Some(storage) = cc.storage
            && let Some(preference) = eframe::get_value::<egui::ThemePreference>(storage, THEME_KEY)
        {
            cc.egui_ctx.set_theme(preference);
        }
        Self::headless(startup)
    }

    /// The app without a window: what tests drive through the same commands.
    pub fn headless(startup: Startup) -> Self {
        let Startup { store, db_path, today, zone, deferred_check, file_picker, open_file } = startup;
        let clock = Clock::fixed_or_system(today);
        let mut app = Self {
            session: None,
            empty_view: ViewModel { db_path: db_path.clone(), today: clock.today(), ..ViewModel::default() },
            db_path,
            clock,
            zone,
            open_error: None,
            recovery: None,
            health: None,
            shell: Shell::default(),
            screens: ui::Screens::default(),
            outbox: Outbox::default(),
            file_picker,
            theme_preference: egui::ThemePreference::System,
            open_file,
            other_writers_asked: f64::NEG_INFINITY,
        };
        match store.and_then(|store| Session::new(store, clock, app.zone.clone())) {
            Ok(session) => app.session = Some(session),
            Err(error @ StoreError::Corrupt { .. }) => {
                app.recovery = Some(Recovery::after(&error, &app.db_path));
            }
            Err(error) => app.open_error = Some(error.to_string()),
        }
        app.tell_about_a_previous_crash();
        if let Some(session) = &app.session {
            if deferred_check {
                app.health = Some(crate::store::health::spawn(session.path()));
            } else {
                app.daily_backup();
            }
        }
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The last session ended with a panic: say so once, where the report is, and that the
    /// data is safe (every write is its own committed transaction).
    fn tell_about_a_previous_crash(&mut self) {
        let Some(crash) = crate::crash::previous_report(&self.db_path) else { return };
        let message = crash.message();
        self.shell.status.clone_from(&message);
        self.shell.toasts.error(message);
        if let Err(error) = crate::crash::acknowledge(&self.db_path) {
            // Told again at the next start: better twice than never.
            eprintln!("Leadline: could not mark the crash report as read: {error}");
        }
    }

    /// What the screens read.
    pub fn view(&self) -> &ViewModel {
        self.session.as_ref().map_or(&self.empty_view, Session::view)
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn screen(&self) -> Screen {
        self.shell.screen
    }

    pub fn status(&self) -> &str {
        &self.shell.status
    }

    pub fn shell(&self) -> &Shell {
        &self.shell
    }

    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Sends a command as a form would, from `origin`; it is applied at the end of the frame.
    pub fn send(&mut self, origin: Origin, command: Command) {
        self.outbox.send(origin, command);
    }

    /// Hands the frame's commands to the session, then each answer to its sender: the form
    /// that sent it takes it next frame; the status line says what was done.
    pub fn apply_outbox(&mut self) {
        let undo = std::mem::take(&mut self.shell.request_undo);
        if self.outbox.is_empty() && !undo {
            return;
        }
        let Some(session) = &mut self.session else { return };
        let mut answers = session.apply(self.outbox.take());
        let mut undone = None;
        if undo && let Some((step, applied)) = session.undo() {
            undone = Some(step.label);
            answers.push(applied);
        }
        for applied in answers {
            self.follow_up(applied);
        }
        if let Some(label) = undone {
            self.shell.status = format!("Undone: {label}");
        }
        self.shell.undo_label = self.session.as_ref().and_then(|s| s.undo_step()).map(|u| u.label.clone());
    }

    /// What the app does with one answer: the status line, the screen to show, and the
    /// answer for the form that sent it.
    fn follow_up(&mut self, applied: Applied) {
        let Applied { origin, result, changes, .. } = applied;
        if changes.calendar_settings {
            self.screens.time.import.rules_changed();
        }
        match result {
            Ok(done) => {
                if let Some(session) = &self.session {
                    status::follow(&done, session.view(), &mut self.shell);
                }
                self.shell.inbox.deliver(origin, Ok(done));
            }
            Err(error) if origin == Origin::UNDO => self.shell.toasts.error(error.to_string()),
            Err(error) => self.shell.inbox.deliver(origin, Err(error.to_string())),
        }
    }

    /// Answers nobody collected in the frame after they came (the form was closed meanwhile):
    /// an error among them becomes a message, so none is lost.
    fn show_uncollected(&mut self) {
        for (_, result) in self.shell.inbox.drain() {
            if let Err(message) = result {
                self.shell.toasts.error(message);
            }
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // Ctrl+Z undoes the typing of the focused field when it has some, else the app's last write.
        let field_undoes = ui::edit_in_place::focused_field_has_undo(ctx);
        let (palette, new, quit, undo, find, open, screen) = ctx.input_mut(|input| {
            // The longer shortcut first: Ctrl+Shift+P is not Ctrl+P.
            let palette = input.consume_shortcut(&palette::SHORTCUT_PALETTE_ALT)
                | input.consume_shortcut(&palette::SHORTCUT_PALETTE);
            let screen =
                Screen::ALL.iter().copied().find(|screen| input.consume_shortcut(&screen.shortcut()));
            (
                palette,
                input.consume_shortcut(&SHORTCUT_NEW_ARCHITECT),
                input.consume_shortcut(&SHORTCUT_QUIT),
                !field_undoes && input.consume_shortcut(&SHORTCUT_UNDO),
                input.consume_shortcut(&SHORTCUT_FIND),
                input.consume_shortcut(&SHORTCUT_OPEN),
                screen,
            )
        });
        if palette {
            self.screens.palette.open(ctx);
        }
        let actions = [
            screen.map(Action::Show),
            new.then_some(Action::NewArchitect),
            find.then_some(Action::Search),
            open.then_some(Action::ImportCalendar),
            undo.then_some(Action::Undo),
            quit.then_some(Action::Quit),
        ];
        for action in actions.into_iter().flatten() {
            self.run(action, ctx);
        }
    }

    /// Runs an action of a menu or a shortcut, as the palette does.
    fn run(&mut self, action: Action, ctx: &egui::Context) {
        let Self { session, empty_view, shell, screens, outbox, .. } = self;
        let view = session.as_ref().map_or(&*empty_view, Session::view);
        screens.run(action, ctx, view, shell, outbox);
    }

    /// The menus: every item runs an [`Action`], with its shortcut beside it.
    fn menu_bar(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let chosen = std::cell::Cell::new(None);
        let has_due = self.view().prep.as_ref().is_some_and(|p| p.due.iter().any(|c| c.started.is_none()));
        let item = |ui: &mut egui::Ui, label: &str, action: Action, enabled: bool| {
            let mut button = egui::Button::new(label);
            if let Some(shortcut) = action.shortcut() {
                button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
            }
            if ui.add_enabled(enabled, button).clicked() {
                chosen.set(Some(action));
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, "New architect", Action::NewArchitect, true);
                item(ui, "Log time", Action::LogTime, true);
                item(ui, "Import calendar…", Action::ImportCalendar, true);
                item(ui, "Start the next due one-on-one", Action::StartNextOneOnOne, has_due);
                ui.separator();
                item(ui, "Back up now", Action::BackUpNow, true);
                item(ui, "Export everything (JSON)…", Action::ExportJson, true);
                item(ui, "Export the roster (CSV)…", Action::ExportRoster, true);
                ui.separator();
                item(ui, "Quit", Action::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let label =
                    self.shell.undo_label.as_ref().map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}"));
                item(ui, &label, Action::Undo, self.shell.undo_label.is_some());
                item(ui, "Search notes and agendas…", Action::Search, true);
                let palette = egui::Button::new("Command palette…")
                    .shortcut_text(ui.ctx().format_shortcut(&palette::SHORTCUT_PALETTE));
                if ui.add(palette).clicked() {
                    self.screens.palette.open(ui.ctx());
                }
            });
            ui.menu_button("View", |ui| {
                for screen in Screen::ALL {
                    let button = egui::Button::selectable(self.shell.screen == *screen, screen.title())
                        .shortcut_text(ui.ctx().format_shortcut(&screen.shortcut()));
                    if ui.add(button).clicked() {
                        chosen.set(Some(Action::Show(*screen)));
                    }
                }
                ui.separator();
                ui.label("Theme");
                let mut preference = ui.ctx().options(|o| o.theme_preference);
                if theme::preference_ui(ui, &mut preference) {
                    chosen.set(Some(Action::Theme(preference)));
                }
            });
        });
        chosen.get()
    }

    fn status_line(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(&self.shell.status);
            if let Some(label) = &self.shell.undo_label
                && ui.small_button(format!("Undo {label}")).clicked()
            {
                self.shell.request_undo = true;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(self.db_path.display().to_string());
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
        if let Some((title, answer)) = self.file_picker.poll() {
            self.shell.deliver_file_answer(title, answer);
        }
        if let Some(error) = &self.open_error {
            ui::first_run::open_error_ui(ui, error, &self.db_path);
            return;
        }
        if let Some(recovery) = &self.recovery {
            ui::first_run::recovery_ui(ui, recovery, &mut self.shell.file_actions);
            self.shell.toasts.ui(&ctx);
            self.apply_file_actions();
            return;
        }
        self.notice_other_writers(&ctx);
        self.handle_shortcuts(&ctx);
        self.take_open_file();
        self.take_dropped_file(&ctx);

        let menu = egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui)).inner;
        if let Some(action) = menu {
            self.run(action, &ctx);
        }
        egui::Panel::bottom("status")
            .frame(theme::status_frame(ui.style()))
            .show(ui, |ui| self.status_line(ui));
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .show(ui, |ui| self.navigation(ui));
        if self.shell.quit || ctx.input(|i| i.viewport().close_requested()) {
            // The window closes after this frame: a Settings field typed in and not left saves now.
            ui::edit_in_place::leave_focused_field(&ctx);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let Self { session, empty_view, shell, screens, outbox, .. } = self;
            let view = session.as_ref().map_or(&*empty_view, Session::view);
            screens.ui(ui, view, shell, outbox);
        });

        if !self.view().onboarded {
            ui::first_run::welcome_ui(&ctx, &mut self.outbox);
        }
        self.shell.toasts.ui(&ctx);
        self.show_uncollected();
        let quit = std::mem::take(&mut self.shell.quit);
        if quit || ctx.input(|i| i.viewport().close_requested()) {
            // The window closes after this frame: what is saved as it is typed (a
            // one-on-one's notes, the review's texts) is saved now, not after the pause.
            let Self { session, empty_view, screens, outbox, .. } = self;
            screens.save_typed(outbox, session.as_ref().map_or(&*empty_view, Session::view));
        }
        let had_commands = !self.outbox.is_empty() || self.shell.request_undo;
        self.apply_outbox();
        self.apply_file_actions();
        if let Some(text) = self.shell.clipboard.take() {
            ctx.copy_text(text);
        }
        self.follow_the_view();
        self.rebuild_import_preview();
        self.shell.forget_file_answer();
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if had_commands {
            // The forms take their answers on the next frame.
            ctx.request_repaint();
        }
    }

    /// Reads everything again when another program wrote to the file (`leadline time add` in a
    /// terminal while the window is open): when the window gains focus, and every few seconds
    /// while it has it. An unfocused window stays idle.
    fn notice_other_writers(&mut self, ctx: &egui::Context) {
        let Some(session) = &mut self.session else { return };
        let (now, gained_focus, focused, used) = ctx.input(|input| {
            let gained = input.events.iter().any(|event| matches!(event, egui::Event::WindowFocused(true)));
            // A click or a key means someone is using the window, whatever the window manager
            // says about focus (some report none at all).
            let used = input
                .events
                .iter()
                .any(|event| matches!(event, egui::Event::PointerButton { .. } | egui::Event::Key { .. }));
            (input.time, gained, input.viewport().focused, used)
        });
        if focused == Some(true) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(OTHER_WRITERS_EVERY));
        }
        let due = now - self.other_writers_asked >= OTHER_WRITERS_EVERY && (focused != Some(false) || used);
        if !gained_focus && !due {
            return;
        }
        self.other_writers_asked = now;
        match session.notice_other_writers() {
            Ok(false) => {}
            Ok(true) => {
                "Shown again with what another program (the command line) wrote to this file"
                    .clone_into(&mut self.shell.status);
                self.shell.undo_label = None;
            }
            Err(error) => self.shell.toasts.error(format!("Could not read the database: {error}")),
        }
    }

    /// Loads what the screens now look at (another week, meeting or search, the Time
    /// screen's week or quarter) and everything again when the day has changed. Reads only
    /// when something differs.
    fn follow_the_view(&mut self) {
        let Some(session) = &mut self.session else { return };
        let result = session
            .follow_the_clock()
            .and_then(|_| session.select(&self.shell.selection))
            .and_then(|()| session.focus_time(self.shell.time_focus))
            .and_then(|()| {
                // The review's draft reads three quarters of records: only while it shows.
                if self.shell.screen == Screen::Review {
                    session.focus_review(self.shell.review_focus)
                } else {
                    Ok(())
                }
            })
            .and_then(|()| match self.shell.meeting_list {
                Some((quarter, _)) if self.shell.screen == Screen::OneOnOnes => {
                    session.focus_meeting_records(quarter)
                }
                _ => Ok(()),
            });
        if let Err(error) = result {
            // Stay where we are rather than retrying (and failing) on every frame.
            self.shell.selection = session.selection().clone();
            self.shell.time_focus = session.time_focus();
            self.shell.toasts.error(format!("Could not read the database: {error}"));
        }
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
        let view = self.session.as_ref().map_or(&self.empty_view, Session::view);
        self.screens.time.import.load(view, file.path(), file.bytes());
    }

    /// The calendar given on the command line, once: the Time screen's import preview on it.
    /// A file that cannot be read is said in the import view, as for a dropped one.
    fn take_open_file(&mut self) {
        let Some(path) = self.open_file.take() else { return };
        self.shell.screen = Screen::Time;
        let bytes = std::fs::read(&path).map_err(|e| e.to_string());
        let view = self.session.as_ref().map_or(&self.empty_view, Session::view);
        self.screens.time.import.load(view, &path, bytes);
    }

    /// Builds the import preview when a file was read or the range or rules changed: once,
    /// not per frame, and after the commands of this frame so it sees new rules.
    fn rebuild_import_preview(&mut self) {
        let Some(session) = &self.session else { return };
        self.screens.time.import.rebuild_with(|bytes, from, last| {
            let window = session.import_window(from, last)?;
            session.import_preview(bytes, &window)
        });
    }

    /// The backup taken when the window closes, if anything was written (`None` when nothing
    /// was, or no database is open).
    pub fn backup_on_quit(&self) -> Option<Result<crate::session::BackupInfo, StoreError>> {
        self.session.as_ref().and_then(Session::backup_on_quit)
    }

    /// The database file this window works on.
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }
}

impl eframe::App for LeadlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame_ui(ui);
        for pick in self.shell.take_file_asks() {
            if !self.file_picker.ask(pick, ui.ctx(), Some(frame)) {
                "Another file dialog is still open: finish it first".clone_into(&mut self.shell.status);
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
