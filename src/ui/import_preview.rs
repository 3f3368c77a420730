//! The calendar import view, opened from the Time screen or by dropping an `.ics` file on the
//! window: pick a file and a range, review every occurrence with its proposed category and the
//! rule that chose it, assign the ones no rule matched, then import all or nothing.
//!
//! The preview is built by the session (it holds the database) when a file is read or the range
//! or rules change, never per frame: the app calls [`ImportState::rebuild_with`], which asks
//! only when something changed.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::RichText;

use super::{Pick, PickKind, SHORTCUT_OPEN, Shell, theme, widgets};
use crate::import::preview::{Change, CommitPlan, Counts, ELSEWHERE_YEARS, FullDay, Key, Preview};
use crate::import::rules::{Outcome, Rule, Verdict};
use crate::model::duration::format_minutes;
use crate::model::text;
use crate::model::words::plural;
use crate::session::calendar::PreviewError;
use crate::session::{Command, Done, Origin, Outbox, ViewModel};

/// "Import N entries".
const IMPORT: Origin = Origin::new("import: commit");
/// "Make a rule from this" on a row.
const MAKE_RULE: Origin = Origin::new("import: make a rule");

mod table;

/// A calendar file read into memory: re-expanded when the range changes, never re-read.
struct LoadedFile {
    name: String,
    folder: Option<String>,
    bytes: Vec<u8>,
}

/// What a click in the table asks for; applied after the table is drawn.
#[derive(Clone, Copy)]
enum RowAction {
    /// The manager's choice for one occurrence: a category or "ignore", over what a rule (or
    /// the set-aside defaults) decided or for one no rule matched; `None` goes back to the rules.
    Choose(usize, Option<Outcome>),
    MakeRule(usize, Outcome),
}

#[derive(Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches: open, stale, and two of the manager's ticks"
)]
pub struct ImportState {
    open: bool,
    /// An import just went through (the Time screen clears its entry row once).
    imported: bool,
    /// The path field: a folder (the last one used) or a file.
    path: String,
    from: String,
    to: String,
    file: Option<LoadedFile>,
    /// Why there is no preview (the file is not a calendar, is cut off, the range is wrong).
    error: Option<String>,
    preview: Option<Preview>,
    /// The choices made in this view by occurrence, kept when the preview is rebuilt: a
    /// category or "ignore", or `None` for "back to the rule" over one remembered from an
    /// earlier import.
    choices: HashMap<Key, Option<Outcome>>,
    /// Keep entries imported before whose events are not in this file; kept across rebuilds.
    keep_gone: bool,
    /// Cached after each build or assignment, so a frame does no work over the rows.
    counts: Counts,
    plan: CommitPlan,
    /// Days the import would fill past 24 h: importing waits until they fit.
    full_days: Vec<FullDay>,
    /// Show only the occurrences no rule matched (the ones needing the manager), and the
    /// row indexes that filter leaves, worked out when it or the preview changes.
    only_unmatched: bool,
    /// Show only double-booked occurrences, and which row each one overlaps (cached with the
    /// counts).
    only_double_booked: bool,
    double_booked: HashMap<usize, usize>,
    /// Show the occurrences an earlier import already holds as they are (hidden by default:
    /// a weekly re-import of the quarter is mostly those).
    show_unchanged: bool,
    visible: Vec<usize>,
    dirty: bool,
}

impl ImportState {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether an import went through since the last call.
    pub fn take_imported(&mut self) -> bool {
        std::mem::take(&mut self.imported)
    }

    /// Opens the view with the path field on the last folder used and the range on the
    /// current fiscal quarter, unless a range was already chosen.
    pub fn open(&mut self, view: &ViewModel) {
        self.open = true;
        if self.path.is_empty()
            && let Some(folder) = &view.last_import_folder
        {
            self.path = format!(
                "{}{}",
                folder.trim_end_matches(std::path::MAIN_SEPARATOR),
                std::path::MAIN_SEPARATOR
            );
        }
        if self.from.is_empty() || self.to.is_empty() {
            let settings = &view.time.settings;
            let quarter = settings.quarter_of(view.today);
            self.from = quarter.start(settings.start_month).to_string();
            self.to = quarter.end_inclusive(settings.start_month).to_string();
        }
    }

    /// Reads a file (typed path or dropped on the window) and asks for a preview.
    pub fn load(&mut self, view: &ViewModel, path: &Path, bytes: Result<Vec<u8>, String>) {
        self.open(view);
        self.path = path.display().to_string();
        self.preview = None;
        self.choices.clear();
        self.keep_gone = false;
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
        match bytes {
            Ok(bytes) => {
                let folder =
                    path.parent().filter(|p| !p.as_os_str().is_empty()).map(|p| p.display().to_string());
                self.file = Some(LoadedFile { name, folder, bytes });
                self.error = None;
                self.dirty = true;
            }
            Err(error) => {
                self.file = None;
                self.error = Some(format!("{name} cannot be read: {error}. Nothing was imported."));
            }
        }
    }

    /// Opens the import view and asks the file dialog for a calendar, starting in the folder
    /// of the path field (the last one imported from, or one typed). The file chosen is read as
    /// a typed path would be, when the answer comes in ([`Self::collect_chosen_file`]).
    pub fn choose_file(&mut self, view: &ViewModel, shell: &mut Shell) {
        self.open(view);
        let pick = Pick {
            title: OPEN_CALENDAR,
            kind: PickKind::File { filter: "Calendar (.ics)", extensions: &["ics"] },
            start_in: self.start_folder(),
        };
        shell.ask_file(pick);
    }

    /// Reads the file chosen in the dialog, once it is in. Cancel changes nothing but the
    /// status line, so a dialog that could not be shown (no portal or zenity on Linux) is not
    /// silent.
    fn collect_chosen_file(&mut self, view: &ViewModel, shell: &mut Shell) {
        let cancelled = "No file chosen: drop the file on the window or type its path";
        if let Some(path) = shell.file_answer(OPEN_CALENDAR, cancelled) {
            let bytes = read_calendar(&path);
            self.load(view, &path, bytes);
        }
    }

    /// The folder the path field names or holds the file it names, if it exists.
    fn start_folder(&self) -> Option<PathBuf> {
        let typed = Path::new(self.path.trim());
        if typed.as_os_str().is_empty() {
            return None;
        }
        [Some(typed), typed.parent()].into_iter().flatten().find(|p| p.is_dir()).map(Path::to_path_buf)
    }

    /// The rules changed (e.g. "make a rule from this"): the preview follows them.
    pub fn rules_changed(&mut self) {
        self.dirty = self.file.is_some();
    }

    /// Closes the view and forgets the file (after an import or a cancel): nothing is left
    /// pending.
    fn close(&mut self) {
        let path = std::mem::take(&mut self.path);
        *self = Self {
            from: std::mem::take(&mut self.from),
            to: std::mem::take(&mut self.to),
            ..Self::default()
        };
        // The next import starts in the same folder.
        self.path = Path::new(&path).parent().map(|p| p.display().to_string()).unwrap_or_default();
        if !self.path.is_empty() {
            self.path.push(std::path::MAIN_SEPARATOR);
        }
    }

    /// Builds the preview when a file was read or the range or rules changed (once, not per
    /// frame): `build` expands the file over the days and compares it with earlier imports.
    pub fn rebuild_with(
        &mut self,
        build: impl FnOnce(&[u8], NaiveDate, NaiveDate) -> Result<Preview, PreviewError>,
    ) {
        if !(self.open && self.dirty) {
            return;
        }
        self.dirty = false;
        self.preview = None;
        let Some(file) = &self.file else { return };
        let range = text::parse_date("From", &self.from)
            .and_then(|from| Ok((from, text::parse_date("To", &self.to)?)));
        let (from, last) = match range {
            Ok(range) => range,
            Err(error) => {
                self.error = Some(error.to_string());
                return;
            }
        };
        let mut preview = match build(&file.bytes, from, last) {
            Ok(preview) => preview,
            Err(error @ PreviewError::File(_)) => {
                self.error = Some(format!("{} was not imported: {error}", file.name));
                return;
            }
            Err(error) => {
                self.error = Some(error.to_string());
                return;
            }
        };
        preview.keep_gone = self.keep_gone;
        for index in 0..preview.rows.len() {
            if let Some(&choice) = self.choices.get(&preview.rows[index].key()) {
                preview.assign(index, choice);
            }
        }
        self.error = None;
        self.preview = Some(preview);
        self.refresh();
    }

    /// The answers to "Import" and "Make a rule from this".
    fn take_answers(&mut self, shell: &mut Shell) {
        match shell.answer(IMPORT) {
            Some(Ok(Done::CalendarImported { .. })) => {
                self.close();
                self.imported = true;
            }
            Some(Ok(_)) | None => {}
            Some(Err(message)) => self.error = Some(format!("Nothing was imported: {message}")),
        }
        if let Some(Err(message)) = shell.answer(MAKE_RULE) {
            self.error = Some(format!("The rule was not saved: {message}"));
        }
    }

    fn refresh(&mut self) {
        if let Some(preview) = &self.preview {
            self.counts = preview.counts();
            self.plan = preview.plan();
            self.full_days = preview.full_days();
            self.double_booked = preview.double_booked();
            // Once none is left the filter would show nothing: it goes away with them.
            self.only_double_booked &= !self.double_booked.is_empty();
            let (unmatched, double_booked) = (self.only_unmatched, self.only_double_booked);
            self.visible = (0..preview.rows.len())
                .filter(|&i| !unmatched || matches!(preview.rows[i].verdict, Verdict::Unmatched))
                .filter(|i| !double_booked || self.double_booked.contains_key(i))
                .filter(|&i| {
                    self.show_unchanged || !matches!(preview.rows[i].change, Change::Unchanged { .. })
                })
                .collect();
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        self.take_answers(shell);
        self.collect_chosen_file(view, shell);
        ui.horizontal(|ui| {
            ui.heading("Import a calendar");
            ui.add_space(theme::SPACE_L);
            // Esc in a text field only leaves the field; elsewhere it cancels the import.
            let typing = ui.memory(|m| m.focused().is_some());
            let escape = !typing && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            let cancel =
                ui.button("Cancel").on_hover_text("Back to the Time screen; nothing is imported (Esc)");
            if cancel.clicked() || escape {
                self.close();
                "Import cancelled: nothing was imported".clone_into(&mut shell.status);
            }
        });
        if !self.open {
            return;
        }
        ui.label(
            RichText::new(
                "Export your calendar as an .ics file from Outlook, Google Calendar or Apple Calendar, then \
                 choose it, drag the file onto this window from your file manager, or type its path below.",
            )
            .weak(),
        );
        ui.add_space(theme::SPACE_S);
        self.file_ui(ui, view, shell);
        self.range_ui(ui);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        let Some(preview) = &self.preview else {
            if self.file.is_none() && self.error.is_none() {
                widgets::empty_state(
                    ui,
                    "No calendar yet",
                    "Choose an .ics file, drop one on the window or open one by path.",
                );
            }
            return;
        };
        for warning in &preview.warnings {
            ui.label(RichText::new(format!("⚠ {warning}")).color(theme::warn_color(ui)));
        }
        if preview.rows.is_empty() && preview.gone.is_empty() {
            let elsewhere = preview.elsewhere;
            let shown = format!("{} and {}", preview.from, preview.to.pred_opt().unwrap_or(preview.to));
            self.nothing_in_range_ui(ui, &shown, elsewhere);
            return;
        }
        self.summary_ui(ui, outbox);
        let mut keep_gone = preview.keep_gone;
        if !preview.gone.is_empty() {
            let title = format!(
                "{} {} imported before {} no longer in this calendar and will be {}",
                preview.gone.len(),
                entries_word(preview.gone.len()),
                if preview.gone.len() == 1 { "is" } else { "are" },
                if keep_gone { "kept" } else { "removed" }
            );
            egui::CollapsingHeader::new(title).id_salt("import_gone").show(ui, |ui| {
                ui.checkbox(&mut keep_gone, "Keep them: they came from another calendar").on_hover_text(
                    "Import a second calendar (personal, a shared team calendar) without removing what \
                     the first one brought in",
                );
                for entry in &preview.gone {
                    ui.label(format!(
                        "{}  {}  {}",
                        entry.entry_date.format("%a %-d %b %y"),
                        format_minutes(entry.minutes),
                        entry.description
                    ));
                }
            });
        }
        if let Some(preview) = self.preview.as_mut().filter(|p| p.keep_gone != keep_gone) {
            preview.keep_gone = keep_gone;
            self.keep_gone = keep_gone;
            self.refresh();
        }
        let filters = ui.horizontal(|ui| {
            let unmatched = ui.checkbox(&mut self.only_unmatched, "Show only occurrences no rule matched");
            let pairs = self.double_booked.len();
            let double_booked = (pairs > 0).then(|| {
                ui.checkbox(&mut self.only_double_booked, format!("Show only the {pairs} double-booked"))
                    .on_hover_text(
                        "Meetings that overlap another one both count in full: use Change… to ignore the ones \
                         you did not attend",
                    )
            });
            let unchanged = self.counts.unchanged;
            let shown = (unchanged > 0).then(|| {
                ui.checkbox(&mut self.show_unchanged, format!("Show the {unchanged} unchanged"))
                    .on_hover_text("Occurrences an earlier import already holds exactly as they are")
            });
            unmatched.changed()
                || double_booked.is_some_and(|r| r.changed())
                || shown.is_some_and(|r| r.changed())
        });
        if filters.inner {
            self.refresh();
        }
        ui.add_space(theme::SPACE_S);
        if self.visible.is_empty() && self.counts.occurrences > 0 {
            ui.label(RichText::new("Every occurrence is hidden by the ticks above.").weak());
        }
        if let Some(action) = self.table_ui(ui, view) {
            self.act(action, view, outbox);
        }
    }

    fn file_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        let (choose, typed, clicked) = ui
            .horizontal(|ui| {
                let label = ui.label("Calendar file");
                let choose = ui
                    .button(RichText::new("Choose file…").strong())
                    .on_hover_text(format!(
                        "Pick the .ics file in your system's file dialog ({})",
                        ui.ctx().format_shortcut(&SHORTCUT_OPEN)
                    ))
                    .clicked();
                // The field stays for systems without a dialog service (a bare Linux session).
                ui.label(RichText::new("or its path").weak());
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path)
                            .desired_width(480.0)
                            .hint_text("/path/to/calendar.ics"),
                    )
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                (choose, entered, ui.button("Open").clicked())
            })
            .inner;
        if choose {
            self.choose_file(view, shell);
        } else if typed || clicked {
            let path = PathBuf::from(self.path.trim());
            let bytes = read_calendar(&path);
            self.load(view, &path, bytes);
        }
    }

    fn range_ui(&mut self, ui: &mut egui::Ui) {
        let mut done = false;
        ui.horizontal(|ui| {
            for (label, value) in [("From", &mut self.from), ("To", &mut self.to)] {
                let label = ui.label(label);
                let field =
                    ui.add(egui::TextEdit::singleline(value).desired_width(96.0)).labelled_by(label.id);
                done |= field.lost_focus();
            }
            let update = ui.button("Update preview").clicked();
            ui.label(
                RichText::new("Only occurrences between these days (both included) are imported.").weak(),
            );
            // The preview follows the range when a date is left (Tab, Enter, a click elsewhere).
            if (done && self.range_differs() || update) && self.file.is_some() {
                self.dirty = true;
            }
        });
    }

    /// A file with no event in the range: where its events are, and that range one click away.
    fn nothing_in_range_ui(
        &mut self,
        ui: &mut egui::Ui,
        shown: &str,
        elsewhere: Option<(NaiveDate, NaiveDate)>,
    ) {
        let name = self.file.as_ref().map_or("", |f| f.name.as_str());
        ui.add_space(theme::SPACE_M);
        match elsewhere {
            Some((first, last)) => {
                ui.label(
                    RichText::new(format!(
                        "No event of {name} falls between {shown}: its events run from {first} to {last}."
                    ))
                    .color(theme::warn_color(ui)),
                );
                let label = format!("Show {first} to {last}");
                if ui
                    .button(&label)
                    .on_hover_text("Preview the file over the days its events fall on")
                    .clicked()
                {
                    self.from = first.to_string();
                    self.to = last.to_string();
                    self.dirty = true;
                }
            }
            None => {
                ui.label(
                    RichText::new(format!(
                        "No event of {name} falls between {shown}, nor within {ELSEWHERE_YEARS} years of it."
                    ))
                    .color(theme::warn_color(ui)),
                );
            }
        }
    }

    /// Whether the dates typed are not the ones the preview shows (or there is no preview).
    fn range_differs(&self) -> bool {
        self.preview.as_ref().is_none_or(|p| {
            let last = p.to.pred_opt().unwrap_or(p.to);
            p.from.to_string() != self.from.trim() || last.to_string() != self.to.trim()
        })
    }

    fn summary_ui(&self, ui: &mut egui::Ui, outbox: &mut Outbox) {
        let c = &self.counts;
        let name = self.file.as_ref().map_or("", |f| f.name.as_str());
        ui.label(format!(
            "{name}: {} occurrences: {} new, {} changed, {} unchanged, {} to remove, {} ignored, {} unassigned",
            c.occurrences, c.new, c.changed, c.unchanged, c.removed, c.ignored, c.unassigned
        ));
        if let Some(preview) = &self.preview {
            let others = preview.other_calendars.len();
            let calendar = preview
                .calendar_name()
                .map(|n| format!("This is the calendar \"{n}\". "))
                .unwrap_or_default();
            if others > 0 {
                ui.label(
                    RichText::new(format!(
                        "{calendar}{others} {} from other calendars in these days {} left as {}.",
                        entries_word(others),
                        if others == 1 { "is" } else { "are" },
                        if others == 1 { "it is" } else { "they are" }
                    ))
                    .weak(),
                );
            }
        }
        if !self.full_days.is_empty() {
            full_days_ui(ui, &self.full_days);
        }
        ui.horizontal(|ui| {
            let writes = self.plan.inserts.len() + self.plan.updates.len();
            let removes = self.plan.deletes.len();
            let choices = self.plan.choices.len();
            let label = match (writes, removes) {
                (0, 0) if choices > 0 => {
                    format!("Remember {}", plural(choices, "choice"))
                }
                (0, 0) => "Nothing to import".to_owned(),
                (n, 0) => format!("Import {n} {}", entries_word(n)),
                (n, r) => format!("Import {n} {}, remove {r}", entries_word(n)),
            };
            let fits = self.full_days.is_empty();
            let button = ui
                .add_enabled(
                    fits && writes + removes + choices > 0,
                    egui::Button::new(RichText::new(label).strong()),
                )
                .on_disabled_hover_text(if fits {
                    "Nothing in this range differs from what was imported before"
                } else {
                    "Some days would hold more than 24 h: see the list above the table"
                });
            if button.clicked() {
                let folder = self.file.as_ref().and_then(|f| f.folder.clone());
                outbox.send(IMPORT, Command::ImportCalendar { plan: self.plan.clone(), folder });
            }
            if c.unassigned > 0 {
                ui.label(
                    RichText::new(if c.unassigned == 1 {
                        "1 unassigned occurrence is left out until you assign it".to_owned()
                    } else {
                        format!("{} unassigned occurrences are left out until you assign them", c.unassigned)
                    })
                    .color(theme::warn_color(ui)),
                );
            }
        });
    }

    fn act(&mut self, action: RowAction, view: &ViewModel, outbox: &mut Outbox) {
        let Some(preview) = &mut self.preview else { return };
        match action {
            RowAction::Choose(index, outcome) => {
                let Some(row) = preview.rows.get(index) else { return };
                self.choices.insert(row.key(), outcome);
                preview.assign(index, outcome);
                self.refresh();
            }
            RowAction::MakeRule(index, outcome) => {
                let Some(row) = preview.rows.get(index) else { return };
                // The rule decides from now on, for this occurrence too.
                self.choices.insert(row.key(), None);
                // First, so it decides before the broader defaults.
                let mut rules = vec![Rule::from_occurrence(&row.occurrence, outcome)];
                rules.extend(view.calendar_rules.iter().cloned());
                outbox.send(MAKE_RULE, Command::SaveCalendarRules(rules));
            }
        }
    }
}

/// The days that would hold more than 24 h, and what to do about them.
fn full_days_ui(ui: &mut egui::Ui, days: &[FullDay]) {
    const SHOWN: usize = 5;
    let mut text = format!(
        "Nothing can be imported yet: {} would hold more than 24 h. Double-booked meetings count \
         twice: use Change… to ignore the ones you did not attend.",
        plural(days.len(), "day")
    );
    for day in days.iter().take(SHOWN) {
        let _ = write!(text, "\n•  {day}");
    }
    if days.len() > SHOWN {
        let _ = write!(text, "\n…and {} more", days.len() - SHOWN);
    }
    widgets::error_label(ui, &text);
}

/// The title of the calendar file dialog, which its answer comes back under.
const OPEN_CALENDAR: &str = "Open calendar";

/// A file's bytes, or why they cannot be had, in words for the view.
fn read_calendar(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("it is a folder; add the file name".to_owned());
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

fn entries_word(n: usize) -> &'static str {
    if n == 1 { "entry" } else { "entries" }
}

/// While a file is dragged over the window, say what dropping it does.
pub fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter =
        ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_hint")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, theme::SCRIM);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop the calendar (.ics) to preview the import",
        egui::FontId::proportional(theme::TEXT_TITLE),
        theme::ON_SCRIM,
    );
}
