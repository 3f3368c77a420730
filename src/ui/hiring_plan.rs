//! Structured interviews on a requisition's page: the interview plan (panel steps, and a grid
//! of competencies × steps where each competency should be assessed exactly once: gaps and
//! doubles are flagged), the debrief that lines the scorecards up (names can hide behind
//! pseudonyms), and the recruiter's aggregate slate and panel reports.

use egui::RichText;

use super::architect_editor::named_date_input;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::candidate::Stage;
use crate::model::interview::{PolicyAnswer, SlateReport, StepFields, rating_label};
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::{CandidateId, InterviewStepId, RequisitionId};
use crate::session::hiring_view::RequisitionDetail;
use crate::session::{Command, HiringCommand, Inbox, Origin, Outbox, ViewModel};

const STEP: Origin = Origin::new("hiring: plan step");
const GRID: Origin = Origin::new("hiring: plan grid");
const SLATE: Origin = Origin::new("hiring: slate");

/// Width of a step's column in the plan grid.
const GRID_COLUMN_WIDTH: f32 = 120.0;

#[derive(Default)]
pub struct PlanTab {
    /// A step being added (`None` id) or edited, as typed.
    form: Option<(Option<InterviewStepId>, StepFields)>,
    error: Option<String>,
}

impl PlanTab {
    fn take_answers(&mut self, inbox: &mut Inbox) {
        while let Some((_, answer)) = inbox.take_named(STEP.name) {
            match answer {
                Ok(_) => {
                    self.form = None;
                    self.error = None;
                }
                Err(message) => self.error = Some(message),
            }
        }
        while let Some((_, answer)) = inbox.take_named(GRID.name) {
            self.error = answer.err();
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        requisition: RequisitionId,
        detail: &RequisitionDetail,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) {
        self.take_answers(inbox);
        let key = requisition.0;
        let hiring = &view.hiring;
        let profile = view
            .hiring
            .row(requisition)
            .and_then(|r| r.requisition.fields.profile)
            .and_then(|id| hiring.profile(id));
        let source = match profile {
            Some(profile) => format!("Each competency of the hiring profile “{}”", profile.name),
            None => "Each competency of the skills matrix".to_owned(),
        };
        ui.label(
            RichText::new(format!(
                "{source} is assessed by exactly one step, so every interviewer knows what to probe and nothing \
                 is judged twice or not at all. Choose a hiring profile when editing the requisition."
            ))
            .weak(),
        );
        let coverage = &detail.coverage;
        if detail.steps.is_empty() {
            ui.label(RichText::new("No steps yet: add the panel's steps below.").italics());
        } else if coverage.is_complete() {
            ui.label(
                RichText::new("✔ Every competency is assessed by exactly one step")
                    .color(theme::ok_color(ui)),
            );
        } else {
            let mut parts = Vec::new();
            if !coverage.gaps.is_empty() {
                parts.push(format!(
                    "{} assessed by no step",
                    crate::model::words::plural(coverage.gaps.len(), "competency")
                ));
            }
            if !coverage.doubles.is_empty() {
                parts.push(format!("{} assessed twice or more", coverage.doubles.len()));
            }
            ui.label(RichText::new(format!("⚠ {}", parts.join(" · "))).color(theme::warn_color(ui)));
        }
        ui.add_space(theme::SPACE_S);
        let mut send = |command: HiringCommand, origin: Origin| outbox.send(origin, Command::Hiring(command));
        egui::ScrollArea::both().id_salt("plan_grid").max_height(ui.available_height() - 140.0).show(
            ui,
            |ui| {
                egui::Grid::new("plan").striped(true).spacing([theme::SPACE_M, theme::SPACE_S]).show(
                    ui,
                    |ui| {
                        ui.label(RichText::new("Competency").strong());
                        for (index, step) in detail.steps.iter().enumerate() {
                            ui.vertical(|ui| {
                                ui.set_width(GRID_COLUMN_WIDTH);
                                ui.add(
                                    egui::Label::new(RichText::new(&step.fields.name).strong()).truncate(),
                                );
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(format!("with {}", step.fields.who())).weak().small(),
                                    )
                                    .truncate(),
                                );
                                ui.horizontal(|ui| {
                                    if index > 0
                                        && ui.small_button("◀").on_hover_text("Earlier in the loop").clicked()
                                    {
                                        send(
                                            HiringCommand::MoveStep { id: step.id, up: true },
                                            STEP.with_key(key),
                                        );
                                    }
                                    if index + 1 < detail.steps.len()
                                        && ui.small_button("▶").on_hover_text("Later in the loop").clicked()
                                    {
                                        send(
                                            HiringCommand::MoveStep { id: step.id, up: false },
                                            STEP.with_key(key),
                                        );
                                    }
                                    if ui.small_button("✏").on_hover_text("Edit the step").clicked() {
                                        self.form = Some((Some(step.id), step.fields.clone()));
                                    }
                                    if ui
                                        .small_button("🗑")
                                        .on_hover_text("Delete the step (only before its interviews)")
                                        .clicked()
                                    {
                                        send(HiringCommand::DeleteStep(step.id), STEP.with_key(key));
                                    }
                                });
                            });
                        }
                        ui.label(RichText::new("Assessed by").strong());
                        ui.end_row();
                        let rows = detail
                            .competencies
                            .iter()
                            .map(|id| (*id, true))
                            .chain(detail.outside_plan.iter().map(|id| (*id, false)));
                        for (competency, in_plan) in rows {
                            let name = hiring.competency_name(competency);
                            ui.label(name);
                            let mut by = 0;
                            for step in &detail.steps {
                                let mut assessed = step.competencies.contains(&competency);
                                by += usize::from(assessed);
                                let label = format!("{name} by {}", step.fields.name);
                                let response = ui.checkbox(&mut assessed, "").on_hover_text(&label);
                                response.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::accesskit::Role::CheckBox,
                                        true,
                                        assessed,
                                        &label,
                                    )
                                });
                                if response.changed() {
                                    let command = HiringCommand::SetStepCompetency {
                                        step: step.id,
                                        competency,
                                        assessed,
                                    };
                                    send(command, GRID.with_key(key));
                                }
                            }
                            match by {
                                _ if !in_plan => ui.label(
                                    RichText::new("not in the profile: take it off")
                                        .color(theme::warn_color(ui)),
                                ),
                                0 => ui.label(RichText::new("⚠ no step").color(theme::warn_color(ui))),
                                1 => ui.label(RichText::new("✔ one step").color(theme::ok_color(ui))),
                                n => ui.label(
                                    RichText::new(format!("⚠ {n} steps")).color(theme::warn_color(ui)),
                                ),
                            };
                            ui.end_row();
                        }
                    },
                );
            },
        );
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.add_space(theme::SPACE_S);
        match &mut self.form {
            None => {
                if ui.button("➕ Add step").clicked() {
                    self.form = Some((None, StepFields { by_me: false, ..StepFields::default() }));
                }
            }
            Some((id, fields)) => {
                let mut cancel = false;
                theme::card_frame(ui).show(ui, |ui| {
                    widgets::text_row(ui, "Step", &mut fields.name, NAME_MAX_CHARS);
                    ui.checkbox(&mut fields.by_me, "I run this step (its scorecards are mine)");
                    if !fields.by_me {
                        widgets::text_row(ui, "Interviewer", &mut fields.interviewer, NAME_MAX_CHARS);
                    }
                    ui.horizontal(|ui| {
                        if ui.add(theme::primary_button(ui, "Save step")).clicked() {
                            let command = match id {
                                Some(id) => HiringCommand::UpdateStep { id: *id, fields: fields.clone() },
                                None => HiringCommand::AddStep { requisition, fields: fields.clone() },
                            };
                            send(command, STEP.with_key(key));
                        }
                        if ui.button("Cancel").clicked() {
                            cancel = true;
                        }
                    });
                });
                if cancel {
                    self.form = None;
                    self.error = None;
                }
            }
        }
    }
}

/// The debrief: the scorecards of one candidate side by side, competency by competency.
#[derive(Default)]
pub struct DebriefTab {
    candidate: Option<CandidateId>,
    /// "Candidate A" and "Interviewer 1" instead of names, to discuss the evidence, not the people.
    pub pseudonyms: bool,
}

/// "Candidate A" … "Candidate Z", "Candidate 27" after.
pub fn candidate_pseudonym(index: usize) -> String {
    match u8::try_from(index).ok().filter(|i| *i < 26) {
        Some(i) => format!("Candidate {}", char::from(b'A' + i)),
        None => format!("Candidate {}", index + 1),
    }
}

impl DebriefTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, detail: &RequisitionDetail) {
        let scored: Vec<&crate::session::hiring_view::CandidateRow> = detail
            .candidates
            .iter()
            .filter(|c| {
                detail.interviews.iter().any(|i| i.candidate == c.candidate.id && i.scorecard.is_some())
            })
            .collect();
        if scored.is_empty() {
            widgets::empty_state(
                ui,
                "No scorecards yet",
                "Scorecards show here once the panel has submitted them.",
            );
            return;
        }
        if self.candidate.is_none_or(|id| !scored.iter().any(|c| c.candidate.id == id)) {
            // The one furthest along first: usually who the debrief is for.
            self.candidate = scored.iter().max_by_key(|c| c.candidate.stage()).map(|c| c.candidate.id);
        }
        let name_of = |id: CandidateId, pseudonyms: bool| -> String {
            let index = detail.candidates.iter().position(|c| c.candidate.id == id).unwrap_or(0);
            if pseudonyms {
                candidate_pseudonym(index)
            } else {
                detail.candidates[index].candidate.fields.name.clone()
            }
        };
        ui.horizontal(|ui| {
            let label = ui.label("Candidate");
            let shown = self.candidate.map(|id| name_of(id, self.pseudonyms)).unwrap_or_default();
            ui.label_inputs_by(label.id, |ui| {
                egui::ComboBox::from_id_salt("debrief_candidate").selected_text(shown).show_ui(ui, |ui| {
                    for row in &scored {
                        let label = format!(
                            "{} ({})",
                            name_of(row.candidate.id, self.pseudonyms),
                            row.candidate.stage().words()
                        );
                        ui.selectable_value(&mut self.candidate, Some(row.candidate.id), label);
                    }
                })
            });
            ui.checkbox(&mut self.pseudonyms, "Hide names").on_hover_text(
                "Candidates and interviewers by pseudonym, so the debrief weighs the evidence",
            );
        });
        let Some(candidate) = self.candidate else { return };
        let interviews: Vec<_> =
            detail.interviews_of(candidate).into_iter().filter(|i| i.scorecard.is_some()).collect();
        let interviewer = |index: usize, step: InterviewStepId| -> String {
            let step = detail.step(step);
            match (self.pseudonyms, step) {
                (true, _) => format!("Interviewer {}", index + 1),
                (false, Some(step)) => step.fields.who().to_owned(),
                (false, None) => String::new(),
            }
        };
        ui.add_space(theme::SPACE_S);
        egui::ScrollArea::both().id_salt("debrief").auto_shrink([false, false]).show(ui, |ui| {
            egui::Grid::new("debrief_grid").striped(true).spacing([theme::SPACE_L, theme::SPACE_S]).show(
                ui,
                |ui| {
                    ui.label(RichText::new("Competency").strong());
                    for (index, interview) in interviews.iter().enumerate() {
                        let step = detail.step(interview.step).map_or("", |s| s.fields.name.as_str());
                        ui.vertical(|ui| {
                            ui.label(RichText::new(step).strong());
                            ui.label(RichText::new(interviewer(index, interview.step)).weak().small());
                        });
                    }
                    ui.end_row();
                    for competency in &view.hiring.competencies {
                        let rated: Vec<_> = interviews
                            .iter()
                            .map(|i| {
                                i.scorecard
                                    .as_ref()
                                    .and_then(|c| c.ratings.iter().find(|r| r.competency == competency.id))
                            })
                            .collect();
                        if rated.iter().all(Option::is_none) {
                            continue;
                        }
                        ui.label(&competency.name);
                        for rating in rated {
                            match rating {
                                Some(rating) => {
                                    ui.vertical(|ui| {
                                        ui.set_max_width(260.0);
                                        ui.label(
                                            RichText::new(format!(
                                                "{} {}",
                                                rating.rating,
                                                rating_label(rating.rating)
                                            ))
                                            .strong()
                                            .color(rating_color(ui, rating.rating)),
                                        );
                                        ui.add(
                                            egui::Label::new(RichText::new(&rating.evidence).small()).wrap(),
                                        );
                                    });
                                }
                                None => {
                                    ui.label(RichText::new("·").weak());
                                }
                            }
                        }
                        ui.end_row();
                    }
                    ui.label(RichText::new("Recommendation").strong());
                    for interview in &interviews {
                        if let Some(card) = &interview.scorecard {
                            let color = if card.recommendation.is_yes() {
                                theme::ok_color(ui)
                            } else {
                                theme::error_color(ui)
                            };
                            ui.label(RichText::new(card.recommendation.label()).strong().color(color));
                        }
                    }
                    ui.end_row();
                },
            );
        });
    }
}

fn rating_color(ui: &egui::Ui, rating: u8) -> egui::Color32 {
    match rating {
        1 => theme::error_color(ui),
        2 => theme::warn_color(ui),
        _ => theme::ok_color(ui),
    }
}

/// A stage's report as typed.
struct SlateForm {
    stage: Stage,
    reported_on: String,
    slate_size: u32,
    slate: PolicyAnswer,
    panel: PolicyAnswer,
}

/// The recruiter's aggregate per stage: slate size, and whether slate and panel meet policy.
#[derive(Default)]
pub struct SlatesTab {
    form: Option<SlateForm>,
    error: Option<String>,
}

impl SlatesTab {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        requisition: RequisitionId,
        detail: &RequisitionDetail,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) {
        if let Some(answer) = inbox.take(SLATE.with_key(requisition.0)) {
            match answer {
                Ok(_) => {
                    self.form = None;
                    self.error = None;
                }
                Err(message) => self.error = Some(message),
            }
        }
        ui.label(
            RichText::new(
                "Leadline stores no gender, ethnicity or any other personal attribute of anyone. Per stage, record only \
                 what the recruiter reports in aggregate: the slate's size, and whether the slate and the interview \
                 panel meet the organisation's diversity policy.",
            )
            .weak(),
        );
        ui.add_space(theme::SPACE_S);
        egui::Grid::new("slates").striped(true).spacing([theme::SPACE_L, theme::SPACE_S]).show(ui, |ui| {
            for title in ["Stage", "Reported", "Slate size", "Slate meets policy", "Panel meets policy", ""] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for stage in Stage::PIPELINE {
                let report = detail.slates.iter().find(|r| r.stage == stage);
                ui.label(stage.label());
                if let Some(report) = report {
                    ui.label(report.reported_on.to_string());
                    ui.label(report.slate_size.to_string());
                    policy_label(ui, report.slate);
                    policy_label(ui, report.panel);
                } else {
                    ui.label(RichText::new("not recorded").weak());
                    for _ in 0..3 {
                        ui.label("");
                    }
                }
                if ui.small_button(if report.is_some() { "Change" } else { "Record" }).clicked() {
                    self.error = None;
                    self.form = Some(SlateForm {
                        stage,
                        reported_on: report.map_or(view.today, |r| r.reported_on).to_string(),
                        slate_size: report.map_or(0, |r| r.slate_size),
                        slate: report.map_or(PolicyAnswer::NotReported, |r| r.slate),
                        panel: report.map_or(PolicyAnswer::NotReported, |r| r.panel),
                    });
                }
                ui.end_row();
            }
        });
        let Some(form) = &mut self.form else { return };
        let mut cancel = false;
        ui.add_space(theme::SPACE_S);
        theme::card_frame(ui).show(ui, |ui| {
            ui.label(RichText::new(format!("Slate at {}", form.stage.words())).strong());
            widgets::form_row(ui, "Reported", |ui| {
                named_date_input(ui, "slate_reported", Some("Reported"), &mut form.reported_on, view.today);
            });
            widgets::form_row(ui, "Slate size", |ui| {
                ui.add(
                    egui::DragValue::new(&mut form.slate_size)
                        .range(0..=crate::model::interview::SLATE_SIZE_MAX),
                );
            });
            policy_row(ui, "Slate meets policy", &mut form.slate);
            policy_row(ui, "Panel meets policy", &mut form.panel);
            if let Some(error) = &self.error {
                widgets::error_label(ui, error);
            }
            ui.horizontal(|ui| {
                if ui.add(theme::primary_button(ui, "Save slate")).clicked() {
                    match text::parse_date("reported", &form.reported_on) {
                        Ok(reported_on) => {
                            let report = SlateReport {
                                stage: form.stage,
                                reported_on,
                                slate_size: form.slate_size,
                                slate: form.slate,
                                panel: form.panel,
                            };
                            outbox.send(
                                SLATE.with_key(requisition.0),
                                Command::Hiring(HiringCommand::RecordSlate { requisition, report }),
                            );
                        }
                        Err(error) => self.error = Some(error.to_string()),
                    }
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        });
        if cancel {
            self.form = None;
        }
    }
}

fn policy_label(ui: &mut egui::Ui, answer: PolicyAnswer) {
    let color = match answer {
        PolicyAnswer::Yes => theme::ok_color(ui),
        PolicyAnswer::No => theme::warn_color(ui),
        PolicyAnswer::NotReported => ui.visuals().weak_text_color(),
    };
    ui.label(RichText::new(answer.label()).color(color));
}

fn policy_row(ui: &mut egui::Ui, label: &str, value: &mut PolicyAnswer) {
    widgets::form_row(ui, label, |ui| {
        for answer in PolicyAnswer::ALL {
            ui.radio_value(value, *answer, answer.label());
        }
    });
}
