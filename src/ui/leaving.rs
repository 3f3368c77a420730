//! "Mark as left" asks why: promoted, a more senior role elsewhere (both with the new role, and
//! both counted as people developed into senior positions), a lateral move, left the company,
//! or something else. One command records the status and the reason; Undo reverses both.

use egui::RichText;

use super::architect_editor::named_date_input;
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::onboarding::{DepartureFields, LeavingReason};
use crate::model::text::{self, NAME_MAX_CHARS, TEXT_MAX_CHARS};
use crate::model::{ArchitectId, ValidationError};
use crate::session::{Command, HiringCommand, Origin, Outbox, ViewModel};

/// The dialog's "Record departure".
pub const LEAVING: Origin = Origin::new("team: leaving");

pub struct LeavingDialog {
    pub architect: ArchitectId,
    name: String,
    reason: Option<LeavingReason>,
    new_role: String,
    left_on: String,
    note: String,
    error: Option<String>,
    /// Sent: waiting for the answer before closing.
    sent: bool,
}

/// What became of the dialog this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeavingOutcome {
    Open,
    Closed,
    /// Recorded: the architect is marked as left.
    Recorded(ArchitectId),
}

impl LeavingDialog {
    pub fn new(architect: ArchitectId, view: &ViewModel) -> Self {
        Self {
            architect,
            name: view.architect(architect).map(|a| a.fields.name.clone()).unwrap_or_default(),
            reason: None,
            new_role: String::new(),
            left_on: view.today.to_string(),
            note: String::new(),
            error: None,
            sent: false,
        }
    }

    fn checked(&self, view: &ViewModel) -> Result<DepartureFields, String> {
        let reason =
            self.reason.ok_or_else(|| ValidationError::new("reason", "choose why they left").to_string())?;
        let fields = DepartureFields {
            left_on: text::parse_date("left on", &self.left_on).map_err(|e| e.to_string())?,
            reason,
            new_role: self.new_role.clone(),
            note: self.note.clone(),
        };
        fields.validated(view.today).map_err(|e| e.to_string())
    }

    pub fn ui(
        &mut self,
        ui: &egui::Ui,
        view: &ViewModel,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) -> LeavingOutcome {
        if let Some(answer) = shell.answer(LEAVING) {
            self.sent = false;
            match answer {
                Ok(_) => return LeavingOutcome::Recorded(self.architect),
                Err(message) => self.error = Some(message),
            }
        }
        let mut outcome = LeavingOutcome::Open;
        let modal = egui::Modal::new(egui::Id::unique("leaving")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH_READING);
            ui.heading(format!("Why is {} leaving the team?", self.name));
            ui.label(
                RichText::new("A promotion or a more senior role elsewhere counts as someone developed into a senior position.")
                    .weak(),
            );
            ui.add_space(theme::SPACE_M);
            for reason in LeavingReason::ALL {
                ui.radio_value(&mut self.reason, Some(*reason), reason.label());
            }
            ui.add_space(theme::SPACE_S);
            if self.reason.is_some_and(LeavingReason::developed_into_senior_role) {
                widgets::text_row(ui, "New role", &mut self.new_role, NAME_MAX_CHARS);
            }
            widgets::form_row(ui, "Left on", |ui| {
                named_date_input(ui, "left_on", Some("Left on"), &mut self.left_on, view.today);
            });
            widgets::text_area(ui, "Note (optional)", &mut self.note, TEXT_MAX_CHARS, 2);
            if let Some(error) = &self.error {
                widgets::error_label(ui, error);
            }
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.add_enabled(!self.sent, theme::primary_button(ui, "Record departure")).clicked() {
                    match self.checked(view) {
                        Ok(departure) => {
                            self.error = None;
                            self.sent = true;
                            outbox.send(
                                LEAVING,
                                Command::Hiring(HiringCommand::MarkLeft { architect: self.architect, departure }),
                            );
                        }
                        Err(message) => self.error = Some(message),
                    }
                }
                if ui.button("Cancel").clicked() {
                    outcome = LeavingOutcome::Closed;
                }
            });
        });
        if modal.should_close() && !self.sent {
            outcome = LeavingOutcome::Closed;
        }
        outcome
    }
}

/// "Promoted into a more senior role: Principal Architect (2026-06-30)", for a profile.
pub fn departure_line(view: &ViewModel, architect: ArchitectId) -> Option<String> {
    // Someone who came back has not moved on.
    view.architect(architect).filter(|a| a.fields.status == crate::model::Status::Left)?;
    let departure = view.hiring.departures.get(&architect)?;
    Some(format!("Left on {}: {}", departure.fields.left_on, departure.fields.summary()))
}
