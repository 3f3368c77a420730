//! The quick-entry row of the Time screen: date, duration, category, description, architect,
//! start time and the account or initiative it went to, usable from the keyboard alone. Enter saves and clears it for the next entry; the same row
//! edits an existing entry.

use egui::{Id, Key, RichText, Sense};

use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::business::{WorkLink, match_link};
use crate::model::duration::{format_minutes, parse_minutes};
use crate::model::split::Category;
use crate::model::time_entry::{
    TimeEntry, TimeEntryFields, match_architect, parse_entry_date, parse_start_time, short_day,
};
use crate::model::{TimeEntryId, ValidationError};
use crate::session::{Command, Done, Inbox, Origin, Outbox, ViewModel};

/// The row's Add / Save.
const ROW: Origin = Origin::new("time: row");

const DATE_WIDTH: f32 = 96.0;
const START_WIDTH: f32 = 48.0;
const DURATION_WIDTH: f32 = 76.0;
const ARCHITECT_WIDTH: f32 = 150.0;
const LINK_WIDTH: f32 = 130.0;

/// The id of the duration field, where the keyboard goes when the screen opens and after a save.
pub fn duration_id() -> Id {
    Id::unique("time_entry_duration")
}

/// What the user has typed so far; parsed only on save, so a half-typed value is no error.
#[derive(Debug, Clone)]
pub struct EntryRow {
    /// Empty means today.
    pub date: String,
    /// Empty means no start time.
    pub start: String,
    pub duration: String,
    pub category: Category,
    pub description: String,
    pub architect: String,
    /// The account or market initiative it went to, typed like the architect.
    pub link: String,
    /// The entry being edited, if any; `None` adds a new one.
    pub editing: Option<TimeEntry>,
    pub error: Option<String>,
    focus_duration: bool,
}

impl Default for EntryRow {
    fn default() -> Self {
        Self {
            date: String::new(),
            start: String::new(),
            duration: String::new(),
            category: Category::Coaching,
            description: String::new(),
            architect: String::new(),
            link: String::new(),
            editing: None,
            error: None,
            focus_duration: true,
        }
    }
}

impl EntryRow {
    /// The keyboard goes to the duration field on the next frame.
    pub fn focus(&mut self) {
        self.focus_duration = true;
    }

    /// The save went through: clear what was typed, keep the date and category for the next
    /// entry (a week is logged day by day, often several blocks of one kind in a row).
    fn saved(&mut self) {
        self.start.clear();
        self.duration.clear();
        self.description.clear();
        self.architect.clear();
        self.link.clear();
        self.error = None;
        if self.editing.take().is_some() {
            self.date.clear();
        }
    }

    /// Shows a refused save under the row, keeping everything typed.
    fn refused(&mut self, message: String) {
        self.error = Some(message);
        self.focus_duration = true;
    }

    /// Loads an entry into the row for editing.
    pub fn edit(&mut self, entry: &TimeEntry, view: &ViewModel) {
        let f = &entry.fields;
        self.date = f.date.to_string();
        self.start = f.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        self.duration = format_minutes(f.minutes);
        self.category = f.category;
        self.description.clone_from(&f.description);
        self.architect =
            f.architect.and_then(|id| view.architect(id)).map(|a| a.name().to_owned()).unwrap_or_default();
        self.link = f.link.map(|link| super::business_links::link_label(view, link)).unwrap_or_default();
        self.editing = Some(entry.clone());
        self.error = None;
        self.focus_duration = true;
    }

    pub fn cancel(&mut self) {
        *self = Self { category: self.category, ..Self::default() };
    }

    /// Reads the row into the command that saves it, or the first problem found.
    pub fn command(&self, view: &ViewModel) -> Result<Command, String> {
        let date_text = if self.date.trim().is_empty() { "today" } else { self.date.as_str() };
        let date =
            parse_entry_date(date_text, view.today, view.time.focus.week).map_err(|e| e.to_string())?;
        let start_time = self.start_time().map_err(|e| e.to_string())?;
        let minutes = parse_minutes(&self.duration).map_err(|e| format!("duration: {e}"))?;
        let architect = match_architect(&view.architects, &self.architect).map_err(|e| e.to_string())?;
        let link = self.link(view).map_err(|e| e.to_string())?;
        let mut fields = match &self.editing {
            Some(entry) => entry.fields.clone(),
            None => TimeEntryFields::manual(date, minutes, self.category, ""),
        };
        fields.date = date;
        fields.start_time = start_time;
        fields.minutes = minutes;
        fields.category = self.category;
        fields.description.clone_from(&self.description);
        fields.architect = architect.map(|a| a.id);
        fields.link = link;
        let fields = fields.validated().map_err(|e| e.to_string())?;
        Ok(match &self.editing {
            Some(entry) => Command::UpdateTimeEntry { id: entry.id, fields },
            None => Command::AddTimeEntry(fields),
        })
    }

    /// The start time typed, if any.
    fn start_time(&self) -> Result<Option<chrono::NaiveTime>, ValidationError> {
        if self.start.trim().is_empty() { Ok(None) } else { parse_start_time(&self.start).map(Some) }
    }

    /// The account or initiative typed, if any.
    fn link(&self, view: &ViewModel) -> Result<Option<WorkLink>, ValidationError> {
        match_link(view.business.accounts.iter().map(|a| &a.account), &view.business.initiatives, &self.link)
    }

    pub fn editing_id(&self) -> Option<TimeEntryId> {
        self.editing.as_ref().map(|e| e.id)
    }

    /// Draws the row; sends a command when the user saves. Returns the entry the last save
    /// wrote, once, so the list can bring it into view.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) -> Option<TimeEntryId> {
        let mut saved = None;
        match inbox.take(ROW) {
            Some(Ok(done)) => {
                self.saved();
                saved = match done {
                    Done::TimeEntryAdded(entry) | Done::TimeEntryUpdated { after: entry, .. } => {
                        Some(entry.id)
                    }
                    _ => None,
                };
            }
            Some(Err(message)) => self.refused(message),
            None => {}
        }
        let frame = egui::Frame::group(ui.style()).inner_margin(egui::Margin::same(10));
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(entry) = &self.editing {
                ui.label(
                    RichText::new(format!(
                        "Editing the entry of {}: Enter saves, Esc cancels",
                        short_day(entry.fields.date)
                    ))
                    .strong(),
                );
            }
            let (save, cancel) = self.inputs_ui(ui);
            self.feedback_ui(ui, view);
            if cancel {
                if self.editing.is_some() {
                    self.cancel();
                } else {
                    self.error = None;
                }
            }
            if save {
                match self.command(view) {
                    Ok(command) => {
                        self.error = None;
                        outbox.send(ROW, command);
                    }
                    Err(message) => self.error = Some(message),
                }
                self.focus_duration = true;
            }
        });
        saved
    }

    /// The inputs, in Tab order. Returns (save, cancel) as asked by Enter / Esc or the buttons.
    fn inputs_ui(&mut self, ui: &mut egui::Ui) -> (bool, bool) {
        let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        let mut left_a_field = false;
        let mut save = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let date = ui
                .add(egui::TextEdit::singleline(&mut self.date).hint_text("today").desired_width(DATE_WIDTH));
            let date = date.accessible_name("Date").on_hover_text(
                "YYYY-MM-DD, today, yesterday, or a weekday (mon, tue…) of the week shown below",
            );
            let duration = ui
                .add(
                    egui::TextEdit::singleline(&mut self.duration)
                        .id(duration_id())
                        .hint_text("1h30")
                        .desired_width(DURATION_WIDTH),
                )
                .accessible_name("Duration")
                .on_hover_text("90, 90m, 1h30, 1.5h or 1:30");
            if std::mem::take(&mut self.focus_duration) {
                duration.request_focus();
            }
            let category = category_picker_ui(ui, &mut self.category);
            let buttons_width = if self.editing.is_some() { 150.0 } else { 70.0 } + START_WIDTH + LINK_WIDTH;
            let spacing = ui.spacing().item_spacing.x;
            // What is left is shared: the architect gets up to its width, the description the rest.
            let rest = (ui.available_width() - buttons_width - 4.0 * spacing).max(140.0);
            let architect_width = (rest * 0.3).clamp(60.0, ARCHITECT_WIDTH);
            let description_width = rest - architect_width - spacing;
            let description = ui
                .add(
                    egui::TextEdit::singleline(&mut self.description)
                        .hint_text("What was it? e.g. 1:1 with Amara")
                        .desired_width(description_width),
                )
                .accessible_name("Description");
            let architect = ui
                .add(
                    egui::TextEdit::singleline(&mut self.architect)
                        .hint_text("Architect (optional)")
                        .desired_width(architect_width),
                )
                .accessible_name("Architect")
                .on_hover_text("Type the start of a name: the entry is linked to that architect");
            // Last, so no other path gets longer: most quick entries have no start time, and
            // the date before the duration and the architect after the description stay one
            // Tab away.
            let start = ui
                .add(
                    egui::TextEdit::singleline(&mut self.start).hint_text("start").desired_width(START_WIDTH),
                )
                .accessible_name("Start")
                .on_hover_text("When it started (optional): 9:30, 930, 9 (9:00), 14h or 2pm");
            // After the start time, so every earlier Tab path stays as it was: most entries name no
            // account or initiative.
            let link = ui
                .add(
                    egui::TextEdit::singleline(&mut self.link)
                        .hint_text("Account or initiative")
                        .desired_width(LINK_WIDTH),
                )
                .accessible_name("Account or initiative")
                .on_hover_text(
                    "Type the start of an account's or a market initiative's name: the time counts for it",
                );
            left_a_field =
                [&date, &start, &duration, &description, &architect, &link].iter().any(|r| r.lost_focus())
                    || category.has_focus();
            let label = if self.editing.is_some() { "Save" } else { "Add" };
            if ui.add(egui::Button::new(RichText::new(label).strong())).on_hover_text("Enter").clicked() {
                save = true;
            }
            if self.editing.is_some() && ui.button("Cancel").on_hover_text("Esc").clicked() {
                cancel = true;
            }
        });
        (save || (enter && left_a_field), cancel || (escape && left_a_field))
    }

    /// The line under the inputs: the day and duration as understood, the architect found,
    /// today's total, day buttons for the week on screen, or what is wrong.
    fn feedback_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let date_text = if self.date.trim().is_empty() { "today" } else { self.date.as_str() };
            let chosen = parse_entry_date(date_text, view.today, view.time.focus.week).ok();
            for day in view.time.focus.week.days() {
                let text = day.format("%a %-d").to_string();
                let chip = egui::Button::selectable(chosen == Some(day), RichText::new(text).small())
                    .sense(Sense::CLICK);
                let hover = if day == view.today { "Today".to_owned() } else { short_day(day) };
                if ui.add(chip).on_hover_text(hover).clicked() {
                    self.date = if day == view.today { String::new() } else { day.to_string() };
                    self.focus_duration = true;
                }
            }
            ui.add_space(theme::SPACE_M);
            if let Some(error) = &self.error {
                widgets::error_label(ui, error);
                return;
            }
            let mut parts = Vec::new();
            if let Some(day) = chosen {
                parts.push(short_day(day));
            }
            if let Ok(Some(start)) = self.start_time() {
                parts.push(format!("from {}", start.format("%H:%M")));
            }
            if let Ok(minutes) = parse_minutes(&self.duration) {
                parts.push(format_minutes(minutes));
            }
            parts.push(self.category.label().to_owned());
            match match_architect(&view.architects, &self.architect) {
                Ok(Some(architect)) => parts.push(format!("with {}", architect.name())),
                Ok(None) => {}
                Err(problem) => parts.push(problem.message),
            }
            match self.link(view) {
                Ok(Some(link)) => {
                    parts.push(format!("for {}", super::business_links::link_label(view, link)));
                }
                Ok(None) => {}
                Err(problem) => parts.push(problem.message),
            }
            ui.label(RichText::new(parts.join(" · ")).weak());
            if view.time.today_minutes > 0 {
                ui.label(
                    RichText::new(format!("   Today so far: {}", format_minutes(view.time.today_minutes)))
                        .weak(),
                );
            }
        });
    }
}

/// Three segments, one Tab stop: with the keyboard on it, 1 / 2 / 3 (or c / m / b, or ← →)
/// choose; a click on a segment chooses too.
pub fn category_picker_ui(ui: &mut egui::Ui, category: &mut Category) -> egui::Response {
    let id = Id::unique("time_entry_category");
    let has_focus = ui.memory(|m| m.has_focus(id));
    if has_focus {
        let chosen = ui.input(|input| {
            let mut chosen = None;
            for event in &input.events {
                match event {
                    egui::Event::Text(text) => chosen = category_for_key(text).or(chosen),
                    egui::Event::Key { key, pressed: true, modifiers, .. } if modifiers.is_none() => {
                        chosen = match key {
                            Key::Num1 => Some(Category::Coaching),
                            Key::Num2 => Some(Category::Market),
                            Key::Num3 => Some(Category::Business),
                            Key::ArrowLeft => Some(step(*category, -1)),
                            Key::ArrowRight => Some(step(*category, 1)),
                            _ => chosen,
                        };
                    }
                    _ => {}
                }
            }
            chosen
        });
        if let Some(chosen) = chosen {
            *category = chosen;
        }
    }
    let inner = ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for &option in Category::ALL {
            let selected = *category == option;
            let color = theme::category_color(ui.visuals().dark_mode, option);
            let text = RichText::new(format!("{} {}", option.number(), short_label(option)));
            let text = if selected { text.color(ui.visuals().strong_text_color()).strong() } else { text };
            let mut button = egui::Button::selectable(selected, text).sense(Sense::CLICK);
            if selected {
                button = button.fill(color.gamma_multiply(0.45));
            }
            let response =
                ui.add(button).on_hover_text(format!("{} (key {})", option.label(), option.number()));
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::RadioButton, true, selected, option.label())
            });
            if response.clicked() {
                *category = option;
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
    });
    // Not clickable itself (the segments are), but one Tab stop for the whole control.
    let group = ui.interact(inner.response.rect, id, Sense::FOCUSABLE);
    group.widget_info(|| egui::WidgetInfo::labeled(egui::Role::RadioGroup, true, "Category"));
    if group.has_focus() {
        // ← → choose a category here instead of moving the keyboard to a neighbouring widget.
        let filter = egui::EventFilter { horizontal_arrows: true, ..Default::default() };
        ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
        let stroke = ui.visuals().selection.stroke;
        ui.painter().rect_stroke(group.rect.expand(2.0), 4.0, stroke, egui::StrokeKind::Outside);
    }
    group
}

fn category_for_key(text: &str) -> Option<Category> {
    match text.trim().to_lowercase().as_str() {
        "1" | "c" => Some(Category::Coaching),
        "2" | "m" => Some(Category::Market),
        "3" | "b" => Some(Category::Business),
        _ => None,
    }
}

fn step(category: Category, by: i8) -> Category {
    let index = i8::try_from(category.number()).unwrap_or(1) - 1 + by;
    Category::ALL.get(usize::try_from(index.rem_euclid(3)).unwrap_or(0)).copied().unwrap_or(category)
}

/// The name on a chip, short enough for one row.
pub fn short_label(category: Category) -> &'static str {
    match category {
        Category::Coaching => "Coaching",
        Category::Market => "Market",
        Category::Business => "Business",
    }
}
