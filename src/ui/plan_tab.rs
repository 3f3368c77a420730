//! The "Development plan" tab of an architect's page: goals with their flags, a progress slider
//! that records dated history, and the forms to add, edit and delete goals.

use chrono::NaiveDate;
use egui::RichText;

use super::architect_editor::{choice_row, date_text, named_date_input};
use super::dev_widgets::{self, ago};
use super::theme::Tone;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::certification::short_name;
use crate::model::goal::{self, GoalFields, GoalKind, GoalStatus};
use crate::model::text::{self, LINE_MAX_CHARS, TEXT_MAX_CHARS};
use crate::model::{ArchitectId, GoalId};
use crate::session::dev_view::{GoalRow, PersonDevelopment};
use crate::session::{Command, DevCommand, Inbox, Origin, Outbox, ViewModel};

/// The progress slider's length: wide enough to set a percentage by eye.
const PROGRESS_WIDTH: f32 = 260.0;

/// Room kept beside a goal's description for its Edit button.
const EDIT_BUTTON_WIDTH: f32 = 80.0;

/// A goal being added or edited, as typed.
#[derive(Debug, Clone)]
struct GoalForm {
    fields: GoalFields,
    /// The target date as typed, parsed on save.
    target_on: String,
    created_on: NaiveDate,
}

impl GoalForm {
    fn new(today: NaiveDate) -> Self {
        Self { fields: GoalFields::default(), target_on: String::new(), created_on: today }
    }

    fn edit(row: &GoalRow) -> Self {
        Self {
            fields: row.goal.fields.clone(),
            target_on: date_text(row.goal.fields.target_on),
            created_on: row.goal.created_on,
        }
    }

    /// The checked fields, or the message naming the field at fault.
    fn checked(&self) -> Result<GoalFields, String> {
        let mut fields = self.fields.clone();
        fields.target_on =
            text::parse_optional_date("target date", &self.target_on).map_err(|e| e.to_string())?;
        fields.validated(self.created_on).map_err(|e| e.to_string())
    }
}

/// The forms of the tab, each answered on its own: the new-goal form, the goal being edited
/// (or deleted), and each goal's progress slider (keyed by the goal).
const NEW_GOAL: Origin = Origin::new("plan: new goal");
const EDIT_GOAL: Origin = Origin::new("plan: edit goal");
const PROGRESS: Origin = Origin::new("plan: progress");

fn progress_of(id: GoalId) -> Origin {
    PROGRESS.with_key(id.0)
}

#[derive(Default)]
pub struct PlanTab {
    new_goal: Option<GoalForm>,
    editing: Option<(GoalId, GoalForm)>,
    /// A progress slider being dragged: shown at the dragged value, recorded on release.
    dragging: Option<(GoalId, u8)>,
    confirm_delete: Option<GoalId>,
    /// The last refusal and the form it belongs to.
    error: Option<(Origin, String)>,
}

impl PlanTab {
    /// The answers to what the tab sent: a form that went through closes, a refusal shows
    /// beside the form that sent it.
    fn take_answers(&mut self, inbox: &mut Inbox) {
        if let Some(answer) = inbox.take(NEW_GOAL) {
            match answer {
                Ok(_) => self.new_goal = None,
                Err(message) => self.error = Some((NEW_GOAL, message)),
            }
        }
        if let Some(answer) = inbox.take(EDIT_GOAL) {
            match answer {
                Ok(_) => {
                    self.editing = None;
                    self.confirm_delete = None;
                }
                Err(message) => self.error = Some((EDIT_GOAL, message)),
            }
        }
        while let Some((key, answer)) = inbox.take_named(PROGRESS.name) {
            if let Err(message) = answer {
                self.error = Some((PROGRESS.with_key(key), message));
            }
        }
    }

    /// Opens the new-goal form (the page's "New goal" button and tests).
    pub fn open_new(&mut self, today: NaiveDate) {
        self.new_goal = Some(GoalForm::new(today));
        self.editing = None;
        self.error = None;
    }

    fn send(&mut self, origin: Origin, command: DevCommand, outbox: &mut Outbox) {
        self.error = None;
        outbox.send(origin, Command::Development(command));
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, message)| message.as_str())
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: ArchitectId,
        person: &PersonDevelopment,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) {
        self.take_answers(inbox);
        let open: Vec<&GoalRow> =
            person.goals.iter().filter(|g| goal::is_open(g.goal.fields.status)).collect();
        let closed: Vec<&GoalRow> =
            person.goals.iter().filter(|g| !goal::is_open(g.goal.fields.status)).collect();

        ui.horizontal(|ui| {
            summary_ui(ui, &open, closed.len());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.add_enabled(self.new_goal.is_none(), egui::Button::new("➕ New goal")).clicked() {
                    self.open_new(view.today);
                }
            });
        });
        ui.label(
            RichText::new(format!(
                "A goal is stalled after {} days without progress (Settings), due soon within {} days of its \
                 target date.",
                view.development.stalled_days,
                goal::DUE_SOON_DAYS
            ))
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_M);

        if self.new_goal.is_some() {
            self.new_goal_ui(ui, view, architect, outbox);
            ui.add_space(theme::SPACE_M);
        }

        if person.goals.is_empty() && self.new_goal.is_none() {
            widgets::empty_state(
                ui,
                "No goals yet",
                "Add the first goal with “New goal”: a certification to earn, a skill to grow, a stretch \
                 assignment or a talk to give.",
            );
            return;
        }
        for row in &open {
            self.goal_ui(ui, view, row, outbox);
            ui.add_space(theme::SPACE_S);
        }
        if open.is_empty() && !person.goals.is_empty() {
            ui.label(RichText::new("No open goals: time to agree the next one?").weak());
        }
        if !closed.is_empty() {
            ui.add_space(theme::SPACE_M);
            egui::CollapsingHeader::new(format!("Done and dropped ({})", closed.len()))
                .id_salt(("closed_goals", architect))
                .default_open(false)
                .show(ui, |ui| {
                    for row in &closed {
                        self.goal_ui(ui, view, row, outbox);
                        ui.add_space(theme::SPACE_S);
                    }
                });
        }
    }

    fn new_goal_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: ArchitectId,
        outbox: &mut Outbox,
    ) {
        let Some(form) = &mut self.new_goal else { return };
        let mut action = FormAction::None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("New goal").strong());
            form_fields_ui(ui, form, view, "new_goal", false);
            action = form_buttons_ui(ui, "Add goal", false);
            if let Some(message) = self.error.as_ref().filter(|(s, _)| *s == NEW_GOAL) {
                widgets::error_label(ui, &message.1);
            }
        });
        match action {
            FormAction::Save => match form.checked() {
                Ok(fields) => self.send(NEW_GOAL, DevCommand::AddGoal { architect, fields }, outbox),
                Err(message) => self.error = Some((NEW_GOAL, message)),
            },
            FormAction::Cancel => {
                self.new_goal = None;
                self.error = None;
            }
            FormAction::Delete | FormAction::None => {}
        }
    }

    fn goal_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, row: &GoalRow, outbox: &mut Outbox) {
        let id = row.goal.id;
        if self.editing.as_ref().is_some_and(|(editing, _)| *editing == id) {
            self.edit_ui(ui, view, row, outbox);
            return;
        }
        let f = &row.goal.fields;
        let is_open = goal::is_open(f.status);
        let mut stroke = ui.visuals().widgets.noninteractive.bg_stroke;
        if row.flags.overdue {
            stroke.color = theme::error_color(ui).gamma_multiply(0.6);
        } else if row.flags.any() {
            stroke.color = theme::warn_color(ui).gamma_multiply(0.5);
        }
        egui::Frame::group(ui.style()).stroke(stroke).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                // The description wraps in what the Edit button leaves.
                let width = (ui.available_width() - EDIT_BUTTON_WIDTH).max(120.0);
                ui.scope(|ui| {
                    ui.set_max_width(width);
                    let text = RichText::new(&f.description).strong();
                    ui.add(egui::Label::new(if is_open { text } else { text.weak() }).wrap());
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    if ui
                        .small_button("✏ Edit")
                        .accessible_name(format!("Edit goal “{}”", f.description))
                        .on_hover_text("Change kind, description, target date, status or evidence")
                        .clicked()
                    {
                        self.editing = Some((id, GoalForm::edit(row)));
                        self.new_goal = None;
                        self.error = None;
                    }
                });
            });
            if row.flags.any() || !is_open {
                ui.horizontal_wrapped(|ui| {
                    if !is_open {
                        let tone = if f.status == GoalStatus::Done { Tone::Ok } else { Tone::Neutral };
                        widgets::status_badge(ui, f.status.label(), tone);
                    }
                    dev_widgets::goal_flags_ui(ui, row.flags, row.days_to_target, row.days_since_moved);
                });
            }
            ui.label(RichText::new(details_line(row, view.today)).weak());
            ui.horizontal(|ui| {
                if is_open {
                    self.progress_ui(ui, view, row, outbox);
                } else {
                    ui.add(
                        egui::ProgressBar::new(f32::from(f.progress_pct) / 100.0)
                            .desired_width(PROGRESS_WIDTH)
                            .text(format!("{} %", f.progress_pct)),
                    );
                }
            });
            if let Some(message) = self.error_for(progress_of(id)) {
                widgets::error_label(ui, message);
            }
            if !f.evidence.is_empty() {
                ui.add(egui::Label::new(RichText::new(format!("Evidence: {}", f.evidence)).small()).wrap());
            }
        });
    }

    /// The slider records on release (or on each keyboard or screen-reader step); the store
    /// keeps one point per day, so nudging it around is one change.
    fn progress_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, row: &GoalRow, outbox: &mut Outbox) {
        let id = row.goal.id;
        let stored = row.goal.fields.progress_pct;
        let mut value = match self.dragging {
            Some((dragging, value)) if dragging == id => value,
            _ => stored,
        };
        ui.spacing_mut().slider_width = PROGRESS_WIDTH;
        let response = ui
            .add(egui::Slider::new(&mut value, 0..=goal::PROGRESS_MAX_PCT).suffix(" %"))
            .accessible_name(format!("Progress of “{}”", row.goal.fields.description))
            .on_hover_text("Drag to record progress today; the history keeps one point per day");
        if response.dragged() {
            self.dragging = Some((id, value));
        }
        let released = response.drag_stopped();
        let stepped = response.changed() && !response.dragged() && !released;
        if released {
            self.dragging = None;
        }
        if (released || stepped) && value != stored {
            let command =
                DevCommand::RecordGoalProgress { id, progress_pct: i64::from(value), on: view.today };
            self.send(progress_of(id), command, outbox);
        }
    }

    fn edit_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, row: &GoalRow, outbox: &mut Outbox) {
        let id = row.goal.id;
        let Some((_, form)) = &mut self.editing else { return };
        let mut action = FormAction::None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Edit goal").strong());
            form_fields_ui(ui, form, view, &format!("goal_{id}"), true);
            if !row.history.is_empty() {
                let history = row
                    .history
                    .iter()
                    .map(|p| format!("{} {} %", p.on, p.progress_pct))
                    .collect::<Vec<_>>()
                    .join("  ›  ");
                widgets::form_row(ui, "History", |ui| {
                    ui.add(egui::Label::new(RichText::new(history).small()).wrap());
                });
            }
            ui.label(RichText::new(format!("Created {}", row.goal.created_on)).weak().small());
            action = form_buttons_ui(ui, "Save goal", true);
            if self.confirm_delete == Some(id) {
                ui.horizontal(|ui| {
                    ui.label(format!("Delete “{}” and its progress history?", row.goal.fields.description));
                    if ui.button(RichText::new("Delete goal").color(theme::error_color(ui))).clicked() {
                        action = FormAction::Delete;
                    }
                    if ui.button("Keep it").clicked() {
                        self.confirm_delete = None;
                    }
                });
            }
            if let Some((_, message)) = self.error.as_ref().filter(|(s, _)| *s == EDIT_GOAL) {
                widgets::error_label(ui, message);
            }
        });
        match action {
            FormAction::Save => match form.checked() {
                Ok(fields) => self.send(EDIT_GOAL, DevCommand::UpdateGoal { id, fields }, outbox),
                Err(message) => self.error = Some((EDIT_GOAL, message)),
            },
            FormAction::Cancel => {
                self.editing = None;
                self.confirm_delete = None;
                self.error = None;
            }
            FormAction::Delete if self.confirm_delete == Some(id) => {
                self.send(EDIT_GOAL, DevCommand::DeleteGoal(id), outbox);
            }
            FormAction::Delete => self.confirm_delete = Some(id),
            FormAction::None => {}
        }
    }
}

enum FormAction {
    None,
    Save,
    Cancel,
    Delete,
}

fn form_fields_ui(ui: &mut egui::Ui, form: &mut GoalForm, view: &ViewModel, id_salt: &str, editing: bool) {
    let today = view.today;
    let f = &mut form.fields;
    choice_row::<GoalKind>(ui, "Kind", &format!("{id_salt}_kind"), &mut f.kind);
    if f.kind == GoalKind::Certification {
        // Recording this certification earned completes the goal.
        let catalogue = &view.development.catalogue;
        let shown = f
            .cert
            .and_then(|id| catalogue.iter().find(|c| c.id == id))
            .map_or_else(|| "Choose…".to_owned(), |c| format!("{} · {}", c.code, short_name(&c.name)));
        widgets::form_row(ui, "Certification", |ui| {
            egui::ComboBox::from_id_salt(format!("{id_salt}_cert"))
                .selected_text(shown)
                .width(320.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.cert, None, "None");
                    for entry in catalogue {
                        let label = format!("{} · {}", entry.code, short_name(&entry.name));
                        ui.selectable_value(&mut f.cert, Some(entry.id), label);
                    }
                })
                .response
                .on_hover_text("Recording it earned marks the goal done");
        });
    }
    widgets::text_row(ui, "Description", &mut f.description, LINE_MAX_CHARS);
    widgets::form_row(ui, "Target date", |ui| {
        named_date_input(ui, &format!("{id_salt}_target"), Some("Target date"), &mut form.target_on, today);
    });
    if editing {
        choice_row::<GoalStatus>(ui, "Status", &format!("{id_salt}_status"), &mut f.status);
        widgets::form_row(ui, "Progress", |ui| {
            ui.add(egui::Slider::new(&mut f.progress_pct, 0..=goal::PROGRESS_MAX_PCT).suffix(" %"));
        });
    }
    widgets::text_area(ui, "Evidence", &mut f.evidence, TEXT_MAX_CHARS, 2);
}

fn form_buttons_ui(ui: &mut egui::Ui, save_label: &str, can_delete: bool) -> FormAction {
    let mut action = FormAction::None;
    ui.horizontal(|ui| {
        if ui.button(RichText::new(save_label).strong()).clicked() {
            action = FormAction::Save;
        }
        if ui.button("Cancel").clicked() {
            action = FormAction::Cancel;
        }
        if can_delete && ui.button(RichText::new("Delete goal…").color(theme::error_color(ui))).clicked() {
            action = FormAction::Delete;
        }
    });
    action
}

/// "Certification · target 2026-12-20 (in 22 days) · last moved 12 days ago": what it is, when
/// it is due and when it last moved.
fn details_line(row: &GoalRow, today: NaiveDate) -> String {
    let f = &row.goal.fields;
    let target = match (f.target_on, row.days_to_target) {
        (Some(target), Some(days)) if days > 0 && goal::is_open(f.status) => {
            format!("target {target} (in {days} days)")
        }
        (Some(target), _) => format!("target {target}"),
        (None, _) => "no target date".to_owned(),
    };
    let moved = if row.history.iter().any(|p| p.progress_pct > 0) {
        format!("last moved {}", ago((today - row.last_moved_on).num_days()))
    } else {
        format!("added {}, no progress yet", ago((today - row.goal.created_on).num_days()))
    };
    format!("{} · {target} · {moved}", f.kind.label())
}

/// "3 open · 1 overdue · 1 stalled · 1 due soon · 2 done or dropped", the counts coloured.
fn summary_ui(ui: &mut egui::Ui, open: &[&GoalRow], closed: usize) {
    ui.label(RichText::new(format!("{} open", open.len())).strong());
    let count = |flag: fn(&GoalRow) -> bool| open.iter().filter(|g| flag(g)).count();
    let overdue = count(|g| g.flags.overdue);
    let stalled = count(|g| g.flags.stalled);
    let due_soon = count(|g| g.flags.due_soon);
    if overdue > 0 {
        ui.label(RichText::new(format!("· {overdue} overdue")).color(theme::error_color(ui)));
    }
    if stalled > 0 {
        ui.label(RichText::new(format!("· {stalled} stalled")).color(theme::warn_color(ui)));
    }
    if due_soon > 0 {
        ui.label(RichText::new(format!("· {due_soon} due soon")).color(theme::info_color(ui)));
    }
    if closed > 0 {
        ui.label(RichText::new(format!("· {closed} done or dropped")).weak());
    }
}
