//! Editing the talking-point templates (career, customers, wellbeing, feedback, ...): a small
//! dialog opened from the One-on-ones screen.

use egui::RichText;

use super::{theme, widgets};
use crate::model::TemplateId;
use crate::model::one_on_one::{ITEM_MAX_CHARS, TEMPLATE_NAME_MAX_CHARS};
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// An edit, a move or a delete of a template.
const EDIT: Origin = Origin::new("templates: edit");
/// "Add": the inputs clear once it is saved.
const ADD: Origin = Origin::new("templates: add");

#[derive(Default)]
pub struct TemplatesEditor {
    /// The template being edited: its id, name and words as typed.
    editing: Option<(TemplateId, String, String)>,
    new_name: String,
    new_prompt: String,
    pub error: Option<String>,
}

impl TemplatesEditor {
    fn take_answers(&mut self, inbox: &mut Inbox) {
        if let Some(answer) = inbox.take(ADD) {
            self.error = answer.err();
            if self.error.is_none() {
                self.new_name.clear();
                self.new_prompt.clear();
            }
        }
        if let Some(answer) = inbox.take(EDIT) {
            self.error = answer.err();
            if self.error.is_none() {
                self.editing = None;
            }
        }
    }

    /// Draws the dialog; false once it is closed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        view: &ViewModel,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) -> bool {
        self.take_answers(inbox);
        let mut open = true;
        let modal = egui::Modal::new(egui::Id::unique("templates_editor")).show(ctx, |ui| {
            ui.set_width(600.0);
            ui.heading("Talking-point templates");
            ui.label(
                RichText::new("One click adds a template's words to a meeting's agenda, raised by you.")
                    .weak(),
            );
            ui.add_space(theme::SPACE_M);
            let count = view.templates.len();
            for (index, template) in view.templates.iter().enumerate() {
                ui.separator();
                match &mut self.editing {
                    Some((id, name, prompt)) if *id == template.id => {
                        widgets::text_row(ui, "Name", name, TEMPLATE_NAME_MAX_CHARS);
                        widgets::text_row(ui, "Words", prompt, ITEM_MAX_CHARS);
                        let mut cancel = false;
                        ui.horizontal(|ui| {
                            if ui.button(RichText::new("Save").strong()).clicked() {
                                outbox.send(
                                    EDIT,
                                    Command::UpdateTemplate {
                                        id: template.id,
                                        name: name.clone(),
                                        prompt: prompt.clone(),
                                    },
                                );
                            }
                            cancel = ui.button("Cancel").clicked();
                        });
                        if cancel {
                            self.editing = None;
                        }
                    }
                    _ => {
                        ui.horizontal(|ui| {
                            ui.vertical(|ui| {
                                ui.set_width(theme::DIALOG_WIDTH);
                                ui.label(RichText::new(&template.name).strong());
                                ui.add(egui::Label::new(RichText::new(&template.prompt).weak()).wrap());
                            });
                            let label = &template.name;
                            if ui
                                .small_button("✏")
                                .accessible_name(format!("Edit the {label} template"))
                                .clicked()
                            {
                                self.editing =
                                    Some((template.id, template.name.clone(), template.prompt.clone()));
                            }
                            if ui
                                .add_enabled(index > 0, egui::Button::new("⏶").small())
                                .accessible_name(format!("Move the {label} template up"))
                                .clicked()
                            {
                                outbox.send(EDIT, Command::MoveTemplate { id: template.id, up: true });
                            }
                            if ui
                                .add_enabled(index + 1 < count, egui::Button::new("⏷").small())
                                .accessible_name(format!("Move the {label} template down"))
                                .clicked()
                            {
                                outbox.send(EDIT, Command::MoveTemplate { id: template.id, up: false });
                            }
                            if ui
                                .small_button("🗑")
                                .accessible_name(format!("Delete the {label} template"))
                                .on_hover_text("Talking points made from it keep their words")
                                .clicked()
                            {
                                outbox.send(EDIT, Command::DeleteTemplate(template.id));
                            }
                        });
                    }
                }
            }
            ui.separator();
            ui.label(RichText::new("New template").strong());
            widgets::text_row(ui, "Template name", &mut self.new_name, TEMPLATE_NAME_MAX_CHARS);
            widgets::text_row(ui, "Template words", &mut self.new_prompt, ITEM_MAX_CHARS);
            if let Some(error) = &self.error {
                widgets::error_label(ui, error);
            }
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                if ui.button("Add template").clicked() {
                    outbox.send(
                        ADD,
                        Command::AddTemplate { name: self.new_name.clone(), prompt: self.new_prompt.clone() },
                    );
                }
                if ui.button("Close").clicked() {
                    open = false;
                }
            });
        });
        open && !modal.should_close()
    }
}
