//! Priorities for next quarter on the review (each can become a development goal of an
//! architect, or a reminder on a day), and last quarter's promises: what became of each of the
//! priorities the previous review wrote (done / partly / not, with a note).

use chrono::NaiveDate;
use egui::RichText;

use super::words::words_heading;
use super::{Field, NEW_PRIORITY, ReviewScreen, WORDS};
use crate::model::architect::{Choice as _, Status};
use crate::model::review::ReviewDraft;
use crate::model::review::words::{BULLET_MAX_CHARS, Outcome, Priority};
use crate::model::text;
use crate::model::{ArchitectId, PriorityId};
use crate::report::review::Part;
use crate::session::{Origin, Outbox, ReviewCommand, ViewModel};
use crate::ui::architect_editor::named_date_input;
use crate::ui::edit_in_place::{self, EditAnswer};
use crate::ui::{Shell, theme, widgets};

/// Making a priority a goal, or setting its reminder.
pub(super) const PRIORITY_ACTION: Origin = Origin::new("review: priority goal or reminder");

/// The form open under a priority.
#[derive(Debug, Clone)]
pub(super) struct PriorityForm {
    priority: PriorityId,
    kind: FormKind,
    /// The architect whose goal it becomes.
    architect: Option<ArchitectId>,
    /// The goal's target date or the reminder's day, as typed (YYYY-MM-DD).
    day: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormKind {
    Goal,
    Reminder,
}

impl ReviewScreen {
    pub(super) fn priority_action_answered(&mut self, shell: &mut Shell) {
        match shell.answer(PRIORITY_ACTION) {
            Some(Ok(_)) => self.priority_form = None,
            Some(Err(message)) => self.error = Some((PRIORITY_ACTION, message)),
            None => {}
        }
    }

    pub(super) fn priorities_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Priorities, draft, shell);
        let locked = draft.is_final();
        for (index, priority) in draft.priorities.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}. {}", index + 1, priority.text));
                if let Some(goal) = priority.goal {
                    let owner = view
                        .development
                        .people
                        .iter()
                        .find(|(_, p)| p.goals.iter().any(|g| g.goal.id == goal));
                    let whose = owner
                        .and_then(|(id, _)| view.architect(*id))
                        .map_or_else(|| "a goal".to_owned(), |a| format!("a goal of {}", a.name()));
                    ui.label(RichText::new(whose).weak().small());
                }
                if let Some(on) = priority.remind_on {
                    ui.label(
                        RichText::new(format!("reminder on {}", on.format("%a %-d %b %Y"))).weak().small(),
                    );
                }
                // A finalized review's priorities still become goals and reminders: that is
                // what they are for once the quarter is written.
                if priority.goal.is_none() && ui.small_button("Make a goal...").clicked() {
                    self.open_priority_form(priority, FormKind::Goal, view);
                }
                let remind = if priority.remind_on.is_some() { "Change reminder..." } else { "Remind me..." };
                if ui.small_button(remind).clicked() {
                    self.open_priority_form(priority, FormKind::Reminder, view);
                }
                if !locked && ui.small_button("🗑").on_hover_text("Delete this priority").clicked() {
                    self.send(WORDS, ReviewCommand::DeletePriority(priority.id), outbox);
                }
            });
            if self.priority_form.as_ref().is_some_and(|f| f.priority == priority.id) {
                self.priority_form_ui(ui, view, priority, outbox);
            }
        }
        if locked {
            return;
        }
        let field = widgets::text_row(ui, "New priority", &mut self.new_priority, BULLET_MAX_CHARS);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH);
            if ui.button("Add priority").clicked() || enter {
                self.send(
                    NEW_PRIORITY,
                    ReviewCommand::AddPriority { quarter: draft.quarter, text: self.new_priority.clone() },
                    outbox,
                );
            }
        });
        self.error_ui(ui, NEW_PRIORITY);
    }

    fn open_priority_form(&mut self, priority: &Priority, kind: FormKind, view: &ViewModel) {
        self.error = None;
        let day = match kind {
            FormKind::Goal => String::new(),
            FormKind::Reminder => priority.remind_on.unwrap_or(view.today).to_string(),
        };
        self.priority_form = Some(PriorityForm { priority: priority.id, kind, architect: None, day });
    }

    fn priority_form_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        priority: &Priority,
        outbox: &mut Outbox,
    ) {
        let Some(form) = &mut self.priority_form else { return };
        let mut send = None;
        let mut close = false;
        theme::card_frame(ui).show(ui, |ui| match form.kind {
            FormKind::Goal => {
                ui.label(RichText::new(format!("Make \"{}\" a development goal", priority.text)).strong());
                widgets::form_row(ui, "Architect", |ui| {
                    let chosen =
                        form.architect.and_then(|id| view.architect(id)).map_or("Choose...", |a| a.name());
                    egui::ComboBox::from_id_salt(("goal architect", priority.id.0))
                        .selected_text(chosen)
                        .show_ui(ui, |ui| {
                            for architect in
                                view.architects.iter().filter(|a| a.fields.status != Status::Left)
                            {
                                ui.selectable_value(
                                    &mut form.architect,
                                    Some(architect.id),
                                    architect.name(),
                                );
                            }
                        });
                });
                widgets::form_row(ui, "Target date", |ui| {
                    named_date_input(ui, "goal target", Some("Target date"), &mut form.day, view.today);
                    ui.label(RichText::new("optional").weak().small());
                });
                ui.horizontal(|ui| match edit_in_place::buttons(ui, "Make goal", |_| {}) {
                    Some(EditAnswer::Save) => send = Some(goal_command(form)),
                    Some(EditAnswer::Cancel) => close = true,
                    None => {}
                });
            }
            FormKind::Reminder => {
                ui.label(RichText::new(format!("Remind me of \"{}\"", priority.text)).strong());
                widgets::form_row(ui, "Remind me on", |ui| {
                    named_date_input(
                        ui,
                        "priority reminder",
                        Some("Remind me on"),
                        &mut form.day,
                        view.today,
                    );
                });
                ui.horizontal(|ui| {
                    let mut none = false;
                    let answer = edit_in_place::buttons(ui, "Set reminder", |ui| {
                        none = priority.remind_on.is_some() && ui.button("No reminder").clicked();
                    });
                    match answer {
                        Some(EditAnswer::Save) => {
                            send = Some(
                                text::parse_date("reminder", &form.day)
                                    .map(|on| ReviewCommand::SetReminder { id: form.priority, on: Some(on) })
                                    .map_err(|e| e.to_string()),
                            );
                        }
                        _ if none => {
                            send = Some(Ok(ReviewCommand::SetReminder { id: form.priority, on: None }));
                        }
                        Some(EditAnswer::Cancel) => close = true,
                        None => {}
                    }
                });
            }
        });
        self.error_ui(ui, PRIORITY_ACTION);
        match send {
            Some(Ok(command)) => self.send(PRIORITY_ACTION, command, outbox),
            Some(Err(message)) => self.error = Some((PRIORITY_ACTION, message)),
            None if close => self.priority_form = None,
            None => {}
        }
    }

    pub(super) fn promises_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Promises, draft, shell);
        if draft.promises.is_empty() {
            ui.label(RichText::new(format!("{} has no priorities written.", draft.previous.quarter)).weak());
        }
        let locked = draft.is_final();
        for promise in &draft.promises {
            ui.horizontal_wrapped(|ui| {
                ui.label(&promise.text);
                for outcome in Outcome::ALL {
                    let selected = promise.outcome == Some(*outcome);
                    if ui.add_enabled(!locked, egui::Button::selectable(selected, outcome.label())).clicked()
                    {
                        let key = (draft.quarter, Field::Note(promise.priority));
                        let note =
                            self.typed.get(&key).map_or_else(|| promise.note.clone(), |t| t.text.clone());
                        if let Some(typed) = self.typed.get_mut(&key) {
                            typed.mark_sent();
                        }
                        self.send(
                            WORDS,
                            ReviewCommand::SetOutcome {
                                quarter: draft.quarter,
                                priority: promise.priority,
                                outcome: (!selected).then_some(*outcome),
                                note,
                            },
                            outbox,
                        );
                    }
                }
            });
            if locked {
                if !promise.note.is_empty() {
                    ui.label(RichText::new(&promise.note).weak());
                }
            } else {
                let label = format!("Note on “{}”", promise.text);
                self.text_ui(
                    ui,
                    view,
                    outbox,
                    (draft.quarter, Field::Note(promise.priority)),
                    &label,
                    &promise.note,
                    BULLET_MAX_CHARS,
                    1,
                );
            }
        }
    }
}

/// The goal a priority becomes, once an architect is chosen and the date (if any) reads.
fn goal_command(form: &PriorityForm) -> Result<ReviewCommand, String> {
    let architect = form.architect.ok_or("architect: choose whose goal it becomes")?;
    let target_on: Option<NaiveDate> = if form.day.trim().is_empty() {
        None
    } else {
        Some(text::parse_date("target date", &form.day).map_err(|e| e.to_string())?)
    };
    Ok(ReviewCommand::MakeGoal { priority: form.priority, architect, target_on })
}
