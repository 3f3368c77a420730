//! The left column of the Candidates tab: "Add candidate" and the candidates, open ones first,
//! each with their stage, days in it and whether they are past their purge date.

use egui::RichText;

use super::{CandidatesTab, LIST_WIDTH, NEW, source_combo};
use crate::model::architect::Choice as _;
use crate::model::candidate::CandidateFields;
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::session::hiring_view::{CandidateRow, RequisitionDetail, RequisitionRow};
use crate::session::{Command, HiringCommand, Outbox, ViewModel};
use crate::ui::architect_editor::named_date_input;
use crate::ui::hiring::stage_color;
use crate::ui::{theme, widgets};

pub(super) struct NewCandidate {
    pub(super) fields: CandidateFields,
    pub(super) sourced_on: String,
    pub(super) error: Option<String>,
}

impl CandidatesTab {
    pub(super) fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        row: &RequisitionRow,
        detail: &RequisitionDetail,
        outbox: &mut Outbox,
    ) {
        let requisition = row.requisition.id;
        let open = !row.requisition.status.is_closed();
        if open
            && ui.add_enabled(self.new_candidate.is_none(), egui::Button::new("➕ Add candidate")).clicked()
        {
            self.new_candidate = Some(NewCandidate {
                fields: CandidateFields::default(),
                sourced_on: view.today.to_string(),
                error: None,
            });
        }
        if let Some(form) = &mut self.new_candidate {
            let mut cancel = false;
            theme::card_frame(ui).show(ui, |ui| {
                widgets::text_row(ui, "Name", &mut form.fields.name, NAME_MAX_CHARS);
                source_combo(ui, "new_source", &mut form.fields.source);
                widgets::form_row(ui, "Sourced on", |ui| {
                    named_date_input(ui, "sourced_on", Some("Sourced on"), &mut form.sourced_on, view.today);
                });
                if let Some(error) = &form.error {
                    widgets::error_label(ui, error);
                }
                ui.horizontal(|ui| {
                    if ui.add(theme::primary_button(ui, "Add")).clicked() {
                        match text::parse_date("sourced on", &form.sourced_on) {
                            Ok(sourced_on) => {
                                let command = HiringCommand::AddCandidate {
                                    requisition,
                                    fields: form.fields.clone(),
                                    sourced_on,
                                };
                                outbox.send(NEW.with_key(requisition.0), Command::Hiring(command));
                            }
                            Err(error) => form.error = Some(error.to_string()),
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
            if cancel {
                self.new_candidate = None;
            }
        }
        ui.add_space(theme::SPACE_S);
        let mut ordered: Vec<&CandidateRow> = detail.candidates.iter().collect();
        ordered.sort_by_key(|c| (!c.candidate.stage().is_open(), std::cmp::Reverse(c.candidate.stage())));
        egui::ScrollArea::vertical().id_salt("candidates").auto_shrink([false, false]).show(ui, |ui| {
            for candidate in ordered {
                let c = &candidate.candidate;
                let selected = self.selected == Some(c.id);
                let response = ui
                    .horizontal(|ui| {
                        let name = egui::Button::selectable(selected, RichText::new(&c.fields.name).strong())
                            .truncate();
                        let size = egui::vec2(LIST_WIDTH * 0.5, theme::TABLE_ROW_HEIGHT);
                        let clicked = ui
                            .allocate_ui_with_layout(
                                size,
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.set_min_width(size.x);
                                    ui.add(name).clicked()
                                },
                            )
                            .inner;
                        ui.label(RichText::new(c.stage().label()).color(stage_color(ui, c.stage())));
                        if let Some(days) = candidate.days_in_stage {
                            ui.label(RichText::new(format!("{days} d")).weak().small());
                        }
                        if candidate.purge_due(view.today) {
                            ui.label(RichText::new("🗑").color(theme::warn_color(ui)))
                                .on_hover_text("Past the purge date");
                        }
                        clicked
                    })
                    .inner;
                if response {
                    self.select(Some(c.id));
                }
            }
        });
    }
}
