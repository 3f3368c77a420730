//! Settings for the quarterly review: the competencies of the role the manager rates
//! themselves on (add, rename, reorder, remove; Ctrl+Z undoes each). The review's ratings
//! follow this list.

use egui::RichText;

use super::{theme, widgets};
use crate::model::ReviewCompetencyId;
use crate::model::text::NAME_MAX_CHARS;
use crate::session::{Command, Inbox, Origin, Outbox, ReviewCommand, ViewModel};

const COMPETENCIES: Origin = Origin::new("settings: review competencies");

/// A competency's role and name as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Typed {
    role: String,
    name: String,
}

#[derive(Default)]
pub struct ReviewSettings {
    new: Typed,
    /// The competency being renamed and what is typed so far.
    renaming: Option<(ReviewCompetencyId, Typed)>,
    /// What was sent last: cleared on success, kept with the message on a refusal.
    pending: Option<Pending>,
    error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Add,
    Rename,
    Other,
}

impl ReviewSettings {
    fn take_answers(&mut self, inbox: &mut Inbox) {
        let Some(answer) = inbox.take(COMPETENCIES) else { return };
        let pending = self.pending.take();
        match answer {
            Ok(_) => {
                self.error = None;
                match pending {
                    Some(Pending::Add) => self.new = Typed::default(),
                    Some(Pending::Rename) => self.renaming = None,
                    Some(Pending::Other) | None => {}
                }
            }
            Err(message) => self.error = Some(message),
        }
    }

    fn send(&mut self, pending: Pending, command: ReviewCommand, outbox: &mut Outbox) {
        self.pending = Some(pending);
        self.error = None;
        outbox.send(COMPETENCIES, Command::Review(command));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        self.take_answers(inbox);
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(RichText::new("Quarterly review: competencies").strong());
        ui.label(
            RichText::new(
                "The competencies of your role you rate yourself on, 1 to 5, in each quarter's review. \
                 A finalized review keeps the names it was rated with.",
            )
            .weak(),
        );
        ui.add_space(theme::SPACE_S);
        let competencies = &view.review.competencies;
        let count = competencies.len();
        for (index, competency) in competencies.iter().enumerate() {
            ui.horizontal(|ui| {
                if let Some((id, typed)) = &mut self.renaming
                    && *id == competency.id
                {
                    let id = *id;
                    let role = ui
                        .add(
                            egui::TextEdit::singleline(&mut typed.role)
                                .desired_width(theme::LABEL_FIELD_WIDTH),
                        )
                        .accessible_name(format!("Role of {}", competency.name));
                    let name = ui
                        .add(
                            egui::TextEdit::singleline(&mut typed.name)
                                .desired_width(theme::LABEL_FIELD_WIDTH),
                        )
                        .accessible_name(format!("New name for {}", competency.name));
                    let entered = (role.lost_focus() || name.lost_focus())
                        && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("OK").clicked() || entered {
                        let command = ReviewCommand::RenameCompetency {
                            id,
                            role: typed.role.clone(),
                            name: typed.name.clone(),
                        };
                        self.send(Pending::Rename, command, outbox);
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        self.renaming = None;
                        self.error = None;
                    }
                    return;
                }
                let size = egui::vec2(420.0, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.set_min_size(size);
                    ui.label(RichText::new(&competency.role).weak());
                    ui.add(egui::Label::new(&competency.name).truncate());
                });
                let up = ui
                    .add_enabled(index > 0, egui::Button::new("⏶"))
                    .on_hover_text(format!("Move {} up", competency.name))
                    .accessible_name(format!("Move {} up", competency.name));
                if up.clicked() {
                    self.send(
                        Pending::Other,
                        ReviewCommand::MoveCompetency { id: competency.id, up: true },
                        outbox,
                    );
                }
                let down = ui
                    .add_enabled(index + 1 < count, egui::Button::new("⏷"))
                    .on_hover_text(format!("Move {} down", competency.name))
                    .accessible_name(format!("Move {} down", competency.name));
                if down.clicked() {
                    let command = ReviewCommand::MoveCompetency { id: competency.id, up: false };
                    self.send(Pending::Other, command, outbox);
                }
                let rename = format!("Rename {}", competency.name);
                if ui.button("✏").on_hover_text(&rename).accessible_name(&rename).clicked() {
                    let typed = Typed { role: competency.role.clone(), name: competency.name.clone() };
                    self.renaming = Some((competency.id, typed));
                    self.error = None;
                }
                let delete = ui.button("🗑").on_hover_text(format!(
                    "Remove {} (its ratings in draft reviews go with it; Ctrl+Z puts them back)",
                    competency.name
                ));
                if delete.accessible_name(format!("Remove {}", competency.name)).clicked() {
                    self.send(Pending::Other, ReviewCommand::DeleteCompetency(competency.id), outbox);
                }
            });
        }
        if competencies.is_empty() {
            ui.label(RichText::new("No competencies: the review has no self-rating.").weak());
        }
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.new.role)
                    .hint_text("Role")
                    .desired_width(theme::LABEL_FIELD_WIDTH)
                    .char_limit(NAME_MAX_CHARS),
            )
            .accessible_name("New review competency's role");
            let name = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new.name)
                        .hint_text("Competency")
                        .desired_width(theme::LABEL_FIELD_WIDTH)
                        .char_limit(NAME_MAX_CHARS),
                )
                .accessible_name("New review competency");
            let entered = name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Add competency").clicked() || entered {
                let command =
                    ReviewCommand::AddCompetency { role: self.new.role.clone(), name: self.new.name.clone() };
                self.send(Pending::Add, command, outbox);
            }
        });
        if let Some(message) = &self.error {
            widgets::error_label(ui, message);
        }
    }
}
