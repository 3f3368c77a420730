//! The architect form: every profile field, validated inline before anything is saved.

use chrono::NaiveDate;
use egui::RichText;

use super::SHORTCUT_SAVE;
use super::{theme, widgets};
use crate::model::architect::Choice;
use crate::model::lists::{name_of, next_level};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS};
use crate::model::{
    Architect, ArchitectFields, ArchitectId, Cadence, ListItem, ListItemId, Readiness, Status,
};
use crate::session::{Command, ViewModel};

/// From this width the profile and the career fields sit side by side.
const TWO_COLUMNS_MIN_WIDTH: f32 = 680.0;

/// What the form asks the screen to do after a frame.
pub enum EditorAction {
    None,
    Cancel,
    Send(Box<Command>),
    AskDelete(ArchitectId),
    /// "Mark as left": ask why first (`ui::leaving`).
    AskLeaving(ArchitectId),
}

pub struct ArchitectEditor {
    /// `None` for a new architect.
    pub id: Option<ArchitectId>,
    pub fields: ArchitectFields,
    /// Dates as typed, parsed on save so a half-typed date is not an error while typing.
    pub started_on: String,
    pub assessed_on: String,
    pub error: Option<String>,
    focus_name: bool,
}

impl ArchitectEditor {
    pub fn new_architect(view: &ViewModel) -> Self {
        let fields = ArchitectFields { started_on: Some(view.today), ..ArchitectFields::default() };
        Self {
            id: None,
            started_on: date_text(fields.started_on),
            assessed_on: String::new(),
            fields,
            error: None,
            focus_name: true,
        }
    }

    pub fn edit(architect: &Architect, _view: &ViewModel) -> Self {
        Self {
            id: Some(architect.id),
            started_on: date_text(architect.fields.started_on),
            assessed_on: date_text(architect.fields.readiness_assessed_on),
            fields: architect.fields.clone(),
            error: None,
            focus_name: false,
        }
    }

    /// Parses and validates the form; on success the command that saves it.
    fn save_command(&self, today: NaiveDate) -> Result<Command, String> {
        let mut fields = self.fields.clone();
        fields.started_on =
            text::parse_optional_date("start date", &self.started_on).map_err(|e| e.to_string())?;
        fields.readiness_assessed_on =
            text::parse_optional_date("date assessed", &self.assessed_on).map_err(|e| e.to_string())?;
        let fields = fields.validated(today).map_err(|e| e.to_string())?;
        Ok(match self.id {
            Some(id) => Command::UpdateArchitect { id, fields },
            None => Command::AddArchitect(fields),
        })
    }

    /// The profile form with its buttons; the page around it draws the heading.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) -> EditorAction {
        let mut action = EditorAction::None;
        egui::ScrollArea::vertical()
            .id_salt("profile_fields")
            .auto_shrink([false, true])
            .max_height(ui.available_height() - 90.0)
            .show(ui, |ui| {
                // Side by side when the page is wide enough, one column otherwise.
                if ui.available_width() >= TWO_COLUMNS_MIN_WIDTH {
                    ui.columns(2, |columns| {
                        self.profile_ui(&mut columns[0], view);
                        self.career_ui(&mut columns[1], view);
                    });
                } else {
                    self.profile_ui(ui, view);
                    ui.add_space(theme::SPACE_M);
                    self.career_ui(ui, view);
                }
            });

        ui.separator();
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        let save_pressed = ui.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE));
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        let id = self.id;
        let status = self.fields.status;
        ui.horizontal(|ui| {
            let save = egui::Button::new(RichText::new("Save").strong())
                .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_SAVE));
            if ui.add(save).clicked() || save_pressed {
                match self.save_command(view.today) {
                    Ok(command) => {
                        self.error = None;
                        action = EditorAction::Send(Box::new(command));
                    }
                    Err(message) => self.error = Some(message),
                }
            }
            if ui.button("Cancel").on_hover_text("Close without saving (Esc)").clicked() || escape {
                action = EditorAction::Cancel;
            }
            let Some(id) = id else { return };
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(RichText::new("Delete…").color(theme::error_color(ui)))
                    .on_hover_text("Only possible while nothing refers to them")
                    .clicked()
                {
                    action = EditorAction::AskDelete(id);
                }
                if status == Status::Left {
                    if ui.button("Mark as active again").clicked() {
                        action = EditorAction::Send(Box::new(Command::SetArchitectStatus {
                            id,
                            status: Status::Active,
                        }));
                    }
                } else if ui
                    .button("Mark as left")
                    .on_hover_text("Asks why, keeps their profile and history, hidden from the current team")
                    .clicked()
                {
                    action = EditorAction::AskLeaving(id);
                }
            });
        });
        action
    }

    fn profile_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) {
        let f = &mut self.fields;
        ui.label(RichText::new("Profile").strong());
        let name = widgets::text_row(ui, "Name", &mut f.name, NAME_MAX_CHARS);
        if std::mem::take(&mut self.focus_name) {
            name.request_focus();
        }
        widgets::text_row(ui, "Title", &mut f.title, NAME_MAX_CHARS);
        widgets::text_row(ui, "E-mail", &mut f.email, LINE_MAX_CHARS);
        let level_before = f.level;
        list_row(ui, "Level", "level", &mut f.level, &view.levels);
        if f.level != level_before
            && (f.target_level.is_none() || f.target_level == next_level(&view.levels, level_before))
        {
            // The target role follows the level while the user has not chosen another.
            f.target_level = next_level(&view.levels, f.level);
        }
        list_row(ui, "Solution area", "area", &mut f.solution_area, &view.areas);
        widgets::form_row(ui, "Start date", |ui| {
            named_date_input(ui, "started_on", Some("Start date"), &mut self.started_on, view.today);
        });
        widgets::form_row(ui, "1:1 cadence", |ui| {
            for cadence in Cadence::ALL {
                ui.radio_value(&mut f.cadence, *cadence, cadence.label());
            }
        });
        status_row(ui, &mut f.status);
        widgets::text_area(ui, "Accounts covered (one per line)", &mut f.accounts, TEXT_MAX_CHARS, 3);
    }

    fn career_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) {
        let f = &mut self.fields;
        ui.label(RichText::new("Career and readiness").strong());
        widgets::text_area(ui, "Career aspiration", &mut f.aspiration, TEXT_MAX_CHARS, 2);
        list_row(ui, "Target role", "target", &mut f.target_level, &view.levels);
        choice_row(ui, "Readiness", "readiness", &mut f.readiness);
        widgets::form_row(ui, "Date assessed", |ui| {
            named_date_input(ui, "assessed_on", Some("Date assessed"), &mut self.assessed_on, view.today);
        });
        if f.readiness != Readiness::NotAssessed
            && self.assessed_on.trim().is_empty()
            && ui.small_button("Today").clicked()
        {
            self.assessed_on = view.today.to_string();
        }
        widgets::text_area(ui, "Readiness evidence", &mut f.readiness_evidence, TEXT_MAX_CHARS, 2);
    }
}

/// Active or on leave; "left" is set by "Mark as left", which asks why (`ui::leaving`), so it
/// is offered here only to someone who has left already.
fn status_row(ui: &mut egui::Ui, value: &mut Status) {
    widgets::form_row(ui, "Status", |ui| {
        egui::ComboBox::from_id_salt("status")
            .selected_text(value.label())
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                let left = *value == Status::Left;
                for status in Status::ALL.iter().filter(|s| **s != Status::Left || left) {
                    ui.selectable_value(value, *status, status.label());
                }
            });
    });
}

pub(super) fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A date typed as YYYY-MM-DD (empty for "not set"), with a calendar to pick from. Returns
/// true when the user committed a value (picked it, or left the field after typing).
pub fn date_input(ui: &mut egui::Ui, id_salt: &str, text: &mut String, today: NaiveDate) -> bool {
    named_date_input(ui, id_salt, None, text, today)
}

/// [`date_input`] with an accessible name for the text field: its hint text would otherwise
/// name it "YYYY-MM-DD" when no form label does.
pub fn named_date_input(
    ui: &mut egui::Ui,
    id_salt: &str,
    name: Option<&str>,
    text: &mut String,
    today: NaiveDate,
) -> bool {
    let mut field = ui.add(egui::TextEdit::singleline(text).hint_text("YYYY-MM-DD").desired_width(110.0));
    if let Some(name) = name {
        field = field.accessible_name(name);
    }
    let typed = text::parse_date("date", text).ok();
    let mut picked = typed.or(Some(today)).and_then(to_jiff).unwrap_or_default();
    let before = picked;
    // The typed field shows the date; the button is only the calendar icon.
    ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(id_salt).format("").calendar_week(true))
        .on_hover_text("Pick from a calendar");
    if picked != before {
        *text = picked.to_string();
    }
    // Committed: picked from the calendar, or typed and confirmed with Enter or by leaving the field.
    picked != before || field.lost_focus()
}

/// egui's date picker speaks `jiff`; the model speaks `chrono`.
fn to_jiff(date: NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike as _;
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// A combo box over an editable list, with "not set".
fn list_row(ui: &mut egui::Ui, label: &str, id: &str, value: &mut Option<ListItemId>, items: &[ListItem]) {
    widgets::form_row(ui, label, |ui| {
        let shown = match name_of(items, *value) {
            "" => "Not set",
            name => name,
        };
        egui::ComboBox::from_id_salt(id).selected_text(shown).width(ui.available_width()).show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Not set");
            for item in items {
                ui.selectable_value(value, Some(item.id), &item.name);
            }
        });
    });
}

/// A combo box over a closed set of choices.
pub(super) fn choice_row<T: Choice + PartialEq>(ui: &mut egui::Ui, label: &str, id: &str, value: &mut T) {
    widgets::form_row(ui, label, |ui| {
        egui::ComboBox::from_id_salt(id).selected_text(value.label()).width(ui.available_width()).show_ui(
            ui,
            |ui| {
                for choice in T::ALL {
                    ui.selectable_value(value, *choice, choice.label());
                }
            },
        );
    });
}
