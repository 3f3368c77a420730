//! Settings for the quarterly review: the competencies of the role the manager rates
//! themselves on (add, rename, reorder, remove; Ctrl+Z undoes each). The review's ratings
//! follow this list.

use egui::RichText;

use super::edit_in_place::CommitField;
use super::{theme, widgets};
use crate::model::text::NAME_MAX_CHARS;
use crate::session::{Command, Inbox, Origin, Outbox, ReviewCommand, ViewModel};

const COMPETENCIES: Origin = Origin::new("settings: review competencies");
/// A competency's role and name fields (keyed by the competency).
const ROLE: Origin = Origin::new("settings: review competency role");
const NAME: Origin = Origin::new("settings: review competency name");

/// A competency's role and name as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Typed {
    role: String,
    name: String,
}

#[derive(Default)]
pub struct ReviewSettings {
    new: Typed,
    /// What was sent last: cleared on success, kept with the message on a refusal.
    pending: Option<Pending>,
    error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Add,
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
                // Role and name are fields of their own, each saving when left.
                let rename = |role: &str, name: &str| {
                    Command::Review(ReviewCommand::RenameCompetency {
                        id: competency.id,
                        role: role.to_owned(),
                        name: name.to_owned(),
                    })
                };
                let role_name = format!("Role of {}", competency.name);
                CommitField::new(ROLE.with_key(competency.id.0), &competency.role, &role_name)
                    .width(theme::LABEL_FIELD_WIDTH)
                    .max_chars(NAME_MAX_CHARS)
                    .show_and_send(ui, inbox, outbox, |typed| Ok(rename(typed, &competency.name)));
                let name_name = format!("Name of {}", competency.name);
                CommitField::new(NAME.with_key(competency.id.0), &competency.name, &name_name)
                    .width(theme::LABEL_FIELD_WIDTH)
                    .max_chars(NAME_MAX_CHARS)
                    .show_and_send(ui, inbox, outbox, |typed| Ok(rename(&competency.role, typed)));
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
