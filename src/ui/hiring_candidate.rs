//! The Candidates tab of a requisition's page: the candidates with their stage and days in it,
//! and the one selected: their stages with dates (move on, reject, withdraw, decline), their
//! interviews and scorecards, their details and private notes, their purge date, the export
//! of their record, real deletion, and the hire that brings them onto the team.

mod interviews;
mod list;

use std::collections::HashMap;

use egui::RichText;

use super::architect_editor::named_date_input;
use super::hiring::stage_color;
use super::hiring_hire::HireForm;
use super::{FileAction, Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::candidate::{CANDIDATE_NOTES_MAX_CHARS, CandidateFields, Source, Stage};
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::{ArchitectId, CandidateId, InterviewStepId};
use crate::session::hiring_view::{CandidateRow, RequisitionDetail, RequisitionRow};
use crate::session::{Command, Done, HiringCommand, Origin, Outbox, ViewModel};
use interviews::ScorecardForm;
use list::NewCandidate;

const NEW: Origin = Origin::new("hiring: new candidate");
const DETAILS: Origin = Origin::new("hiring: candidate details");
const MOVE: Origin = Origin::new("hiring: move candidate");
const INTERVIEW: Origin = Origin::new("hiring: interview");
const SCORECARD: Origin = Origin::new("hiring: scorecard");
const DELETE: Origin = Origin::new("hiring: delete candidate");

/// The candidate list's width beside the selected candidate.
const LIST_WIDTH: f32 = 270.0;

struct DetailsForm {
    fields: CandidateFields,
    purge_on: String,
}

#[derive(Default)]
pub struct CandidatesTab {
    selected: Option<CandidateId>,
    new_candidate: Option<NewCandidate>,
    /// The selected candidate's details as typed (reset when another is selected).
    details: Option<(CandidateId, DetailsForm)>,
    move_on: String,
    other_stage: Option<Stage>,
    /// When each step's interview is planned, as typed.
    schedule: HashMap<InterviewStepId, String>,
    scorecard: Option<ScorecardForm>,
    export_path: Option<String>,
    confirm_delete: bool,
    hire: Option<HireForm>,
    /// The last refusal and the form it belongs to.
    error: Option<(Origin, String)>,
}

impl CandidatesTab {
    pub fn select(&mut self, candidate: Option<CandidateId>) {
        if self.selected != candidate {
            self.selected = candidate;
            self.details = None;
            self.scorecard = None;
            self.export_path = None;
            self.confirm_delete = false;
            self.hire = None;
            self.error = None;
            self.other_stage = None;
        }
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, m)| m.as_str())
    }

    /// Takes the answers of what this tab sent. Returns the architect a hire created.
    fn take_answers(&mut self, requisition: i64, shell: &mut Shell) -> Option<ArchitectId> {
        if let Some(answer) = shell.answer(NEW.with_key(requisition)) {
            match answer {
                Ok(Done::Hiring(done)) => {
                    self.new_candidate = None;
                    self.select(done.candidate);
                }
                Ok(_) => self.new_candidate = None,
                Err(message) => {
                    if let Some(form) = &mut self.new_candidate {
                        form.error = Some(message);
                    }
                }
            }
        }
        let candidate = self.selected?;
        let key = candidate.0;
        for origin in [DETAILS, MOVE, INTERVIEW, DELETE] {
            match shell.answer(origin.with_key(key)) {
                None => {}
                Some(Ok(_)) => {
                    self.error = None;
                    match origin {
                        DETAILS => self.details = None,
                        MOVE => self.other_stage = None,
                        DELETE => self.select(None),
                        _ => {}
                    }
                }
                Some(Err(message)) => self.error = Some((origin.with_key(key), message)),
            }
        }
        while let Some((interview, answer)) = shell.inbox.take_named(SCORECARD.name) {
            match answer {
                Ok(_) => self.scorecard = None,
                Err(message) => {
                    if let Some(form) = self.scorecard.as_mut().filter(|f| f.interview.0 == interview) {
                        form.error = Some(message);
                    }
                }
            }
        }
        let mut hired = None;
        if let Some(form) = &mut self.hire
            && let Some(answer) = form.take_answer(shell)
        {
            match answer {
                Ok(architect) => {
                    self.hire = None;
                    hired = architect;
                }
                Err(message) => form.error = Some(message),
            }
        }
        hired
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        row: &RequisitionRow,
        detail: &RequisitionDetail,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) -> Option<ArchitectId> {
        let hired = self.take_answers(row.requisition.id.0, shell);
        if self.selected.is_some_and(|id| !detail.candidates.iter().any(|c| c.candidate.id == id)) {
            self.select(None);
        }
        egui::Panel::left("candidate_list").resizable(false).exact_size(LIST_WIDTH).show(ui, |ui| {
            self.list_ui(ui, view, row, detail, outbox);
        });
        egui::ScrollArea::vertical().id_salt("candidate").auto_shrink([false, false]).show(
            ui,
            |ui| match self.selected.and_then(|id| detail.candidates.iter().find(|c| c.candidate.id == id)) {
                Some(candidate) => self.candidate_ui(ui, view, row, detail, candidate, shell, outbox),
                None if detail.candidates.is_empty() => widgets::empty_state(
                    ui,
                    "No candidates yet",
                    "Add the people the recruiter sourced with “Add candidate”.",
                ),
                None => widgets::empty_state(
                    ui,
                    "Choose a candidate",
                    "Their stages, interviews and notes show here.",
                ),
            },
        );
        hired
    }

    #[allow(clippy::too_many_arguments, reason = "one panel drawn from the page's parts")]
    fn candidate_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        row: &RequisitionRow,
        detail: &RequisitionDetail,
        candidate: &CandidateRow,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        let c = &candidate.candidate;
        let key = c.id.0;
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(&c.fields.name).heading()).truncate());
            widgets::pill(ui, c.stage().label(), stage_color(ui, c.stage()));
        });
        let mut summary = vec![c.fields.source.label().to_owned()];
        if let Some(days) = candidate.days_in_stage {
            summary.push(format!("{days} days in {}", c.stage().words()));
        }
        if let Some(architect) = c.architect.and_then(|id| view.architect(id)) {
            summary.push(format!("on the team as {}", architect.name()));
        }
        ui.label(RichText::new(summary.join(" · ")).weak());
        // The stages with their dates and the days each took.
        let spent: HashMap<Stage, i64> =
            crate::model::hiring::time_in_stages(&c.stages, view.today).into_iter().collect();
        ui.horizontal_wrapped(|ui| {
            for (index, reached) in c.stages.iter().enumerate() {
                if index > 0 {
                    ui.label(RichText::new("›").weak());
                }
                let days = spent.get(&reached.stage).map_or_else(String::new, |d| format!(" ({d} d)"));
                ui.label(format!("{} {}{days}", reached.stage.label(), reached.on.format("%-d %b %Y")));
            }
        });
        if c.stage().is_open() {
            self.move_ui(ui, view, row, candidate, outbox);
        }
        if let Some(form) = &mut self.hire {
            ui.add_space(theme::SPACE_M);
            if form.ui(ui, view, outbox) {
                self.hire = None;
            }
        }
        ui.add_space(theme::SPACE_M);
        self.interviews_ui(ui, view, detail, candidate, outbox);
        ui.add_space(theme::SPACE_M);
        self.details_ui(ui, view, candidate, outbox);
        ui.add_space(theme::SPACE_M);
        theme::section_title(ui, "Personal data");
        let purge = match candidate.purge_on {
            Some(on) if on <= view.today => format!("Past the purge date ({on}): delete this record."),
            Some(on) => format!("Due for deletion on {on}."),
            None => {
                format!("Due for deletion {} months after the requisition closes.", view.hiring.purge_months)
            }
        };
        let color =
            if candidate.purge_due(view.today) { theme::warn_color(ui) } else { ui.visuals().text_color() };
        ui.label(RichText::new(purge).color(color));
        ui.horizontal(|ui| {
            if ui
                .button("Export record…")
                .on_hover_text("Everything held about them, as JSON (a data-subject request)")
                .clicked()
            {
                let file = c.fields.name.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-");
                let folder = view.db_path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
                self.export_path = Some(folder.join(format!("candidate-{file}.json")).display().to_string());
            }
            let delete = egui::Button::new(RichText::new("Delete candidate…").color(theme::error_color(ui)));
            if ui.add(delete).clicked() {
                self.confirm_delete = true;
            }
        });
        if let Some(path) = &mut self.export_path {
            let record = view.hiring.candidate_record(c.id);
            let json = record.and_then(|r| serde_json::to_string_pretty(&r).ok()).unwrap_or_default();
            let mut close = false;
            theme::card_frame(ui).show(ui, |ui| {
                ui.label("Save the record to (readable by you only):");
                ui.add(egui::TextEdit::singleline(path).desired_width(f32::INFINITY))
                    .labelled_by(ui.label("File").id);
                ui.horizontal(|ui| {
                    if ui.add(theme::primary_button(ui, "Save record")).clicked() {
                        shell.file_actions.push(FileAction::SaveMarkdown {
                            path: path.trim().into(),
                            text: json.clone() + "\n",
                            what: format!("the record of {}", c.fields.name),
                        });
                        close = true;
                    }
                    if ui.button("Copy JSON").clicked() {
                        shell.clipboard = Some(json.clone());
                        shell.status = format!("Copied the record of {} (JSON)", c.fields.name);
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
            if close {
                self.export_path = None;
            }
        }
        if self.confirm_delete {
            theme::card_frame(ui).show(ui, |ui| {
                ui.label(RichText::new(format!("Delete {} for good?", c.fields.name)).strong());
                ui.label(
                    "Their notes, stages, interviews and scorecards are removed from the file. This cannot be undone \
                     (backups taken before keep them until they are rotated out).",
                );
                ui.horizontal(|ui| {
                    let delete = egui::Button::new(RichText::new("Delete for good").color(theme::error_color(ui)));
                    if ui.add(delete).clicked() {
                        outbox.send(DELETE.with_key(key), Command::Hiring(HiringCommand::DeleteCandidates(vec![c.id])));
                        self.confirm_delete = false;
                    }
                    if ui.button("Keep").clicked() {
                        self.confirm_delete = false;
                    }
                });
            });
        }
        if let Some(error) = self.error_for(DELETE.with_key(key)) {
            widgets::error_label(ui, error);
        }
    }

    fn move_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        row: &RequisitionRow,
        candidate: &CandidateRow,
        outbox: &mut Outbox,
    ) {
        let c = &candidate.candidate;
        let key = c.id.0;
        if self.move_on.is_empty() {
            self.move_on = view.today.to_string();
        }
        let stage = c.stage();
        let closed = row.requisition.status.is_closed();
        let next = Stage::PIPELINE.iter().copied().find(|s| *s > stage);
        let mut send = |tab: &mut Self, to: Stage| match text::parse_date("date", &tab.move_on) {
            Ok(on) => {
                tab.error = None;
                outbox.send(
                    MOVE.with_key(key),
                    Command::Hiring(HiringCommand::MoveCandidate { id: c.id, stage: to, on }),
                );
            }
            Err(error) => tab.error = Some((MOVE.with_key(key), error.to_string())),
        };
        ui.horizontal(|ui| {
            widgets::form_row(ui, "On", |ui| {
                named_date_input(ui, "move_on", Some("Stage date"), &mut self.move_on, view.today);
            });
            if !closed {
                match next {
                    Some(next)
                        if ui
                            .add(theme::primary_button(ui, &format!("Move to {}", next.words())))
                            .clicked() =>
                    {
                        send(self, next);
                    }
                    None if self.hire.is_none()
                        && ui
                            .add(theme::primary_button(ui, "Hire…"))
                            .on_hover_text("Adds them to the team with an onboarding plan")
                            .clicked() =>
                    {
                        self.hire = Some(HireForm::new(view, row, c));
                    }
                    _ => {}
                }
            }
            let mut others: Vec<Stage> = if closed {
                Vec::new()
            } else {
                Stage::PIPELINE.iter().copied().filter(|s| *s > stage && Some(*s) != next).collect()
            };
            if stage == Stage::Offer {
                others.push(Stage::Declined);
            }
            others.extend([Stage::Rejected, Stage::Withdrawn]);
            let shown = self.other_stage.map_or("choose…", |s| s.label());
            let label = ui.label("or");
            ui.label_inputs_by(label.id, |ui| {
                egui::ComboBox::from_id_salt(("other_stage", key)).selected_text(shown).show_ui(ui, |ui| {
                    for other in others {
                        ui.selectable_value(&mut self.other_stage, Some(other), other.label());
                    }
                });
            });
            if let Some(other) = self.other_stage
                && ui.button(format!("Record {}", other.words())).clicked()
            {
                send(self, other);
            }
        });
        if let Some(error) = self.error_for(MOVE.with_key(key)) {
            widgets::error_label(ui, error);
        }
    }

    fn details_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        candidate: &CandidateRow,
        outbox: &mut Outbox,
    ) {
        let c = &candidate.candidate;
        let key = c.id.0;
        theme::section_title(ui, "Details and private notes");
        if self.details.as_ref().is_none_or(|(id, _)| *id != c.id) {
            let form = DetailsForm {
                fields: c.fields.clone(),
                purge_on: c.fields.purge_on.map(|d| d.to_string()).unwrap_or_default(),
            };
            self.details = Some((c.id, form));
        }
        let Some((_, form)) = &mut self.details else { return };
        widgets::text_row(ui, "Name", &mut form.fields.name, NAME_MAX_CHARS);
        source_combo(ui, ("source", key), &mut form.fields.source);
        widgets::form_row(ui, "Delete by", |ui| {
            named_date_input(ui, "purge_on", Some("Delete by"), &mut form.purge_on, view.today);
        });
        widgets::text_area(ui, "Private notes", &mut form.fields.notes, CANDIDATE_NOTES_MAX_CHARS, 4);
        let changed = form.fields != c.fields
            || form.purge_on.trim() != c.fields.purge_on.map(|d| d.to_string()).unwrap_or_default();
        let (mut save, mut discard) = (false, false);
        ui.horizontal(|ui| {
            save = ui.add_enabled(changed, egui::Button::new("Save details")).clicked();
            discard = changed && ui.button("Discard changes").clicked();
        });
        if save {
            match text::parse_optional_date("delete by", &form.purge_on) {
                Ok(purge_on) => {
                    let fields = CandidateFields { purge_on, ..form.fields.clone() };
                    outbox.send(
                        DETAILS.with_key(key),
                        Command::Hiring(HiringCommand::UpdateCandidate { id: c.id, fields }),
                    );
                }
                Err(error) => self.error = Some((DETAILS.with_key(key), error.to_string())),
            }
        }
        if discard {
            self.details = None;
        }
        if let Some(error) = self.error_for(DETAILS.with_key(key)) {
            widgets::error_label(ui, error);
        }
    }
}

fn source_combo(ui: &mut egui::Ui, id: impl std::hash::Hash + std::fmt::Debug, value: &mut Source) {
    widgets::form_row(ui, "Source", |ui| {
        egui::ComboBox::from_id_salt(id).selected_text(value.label()).width(ui.available_width()).show_ui(
            ui,
            |ui| {
                for source in Source::ALL {
                    ui.selectable_value(value, *source, source.label());
                }
            },
        );
    });
}
