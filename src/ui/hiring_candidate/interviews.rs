//! The selected candidate's interviews, one per step of the plan (plan one, move it, cancel it,
//! and see whose scorecard is owed once it has begun), and the scorecard form: a rating and
//! the evidence for each competency the step assesses, and an overall recommendation.

use chrono::{NaiveDate, NaiveDateTime};
use egui::RichText;

use super::{CandidatesTab, INTERVIEW, SCORECARD};
use crate::model::architect::Choice as _;
use crate::model::interview::{self, Rating, Recommendation, Scorecard, datetime_text, rating_label};
use crate::model::text::TEXT_MAX_CHARS;
use crate::model::{CompetencyId, InterviewId};
use crate::session::hiring_view::{CandidateRow, RequisitionDetail};
use crate::session::{Command, HiringCommand, Outbox, ViewModel};
use crate::ui::hiring::now_on;
use crate::ui::{theme, widgets};

pub(super) struct ScorecardForm {
    pub(super) interview: InterviewId,
    /// Just opened: bring it into view once.
    scroll: bool,
    ratings: Vec<(CompetencyId, u8, String)>,
    recommendation: Option<Recommendation>,
    submitted_at: String,
    pub(super) error: Option<String>,
}

impl CandidatesTab {
    pub(super) fn interviews_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        detail: &RequisitionDetail,
        candidate: &CandidateRow,
        outbox: &mut Outbox,
    ) {
        let c = &candidate.candidate;
        let key = c.id.0;
        theme::section_title(ui, "Interviews");
        if detail.steps.is_empty() {
            ui.label(RichText::new("No interview plan yet: add its steps on the Interview plan tab.").weak());
            return;
        }
        let interviews = detail.interviews_of(c.id);
        let now = now_on(view.today);
        for step in &detail.steps {
            let held = interviews.iter().find(|i| i.step == step.id);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&step.fields.name).strong());
                ui.label(RichText::new(format!("with {}", step.fields.who())).weak());
                match held {
                    None if c.stage().is_open() => {
                        let typed =
                            self.schedule.entry(step.id).or_insert_with(|| format!("{} 10:00", view.today));
                        let at = ui.label("at");
                        ui.add(egui::TextEdit::singleline(typed).desired_width(130.0)).labelled_by(at.id);
                        if ui.button("Plan").clicked() {
                            match interview::parse_datetime("when", typed) {
                                Ok(held_at) => {
                                    let command = HiringCommand::ScheduleInterview {
                                        candidate: c.id,
                                        step: step.id,
                                        held_at,
                                    };
                                    outbox.send(INTERVIEW.with_key(key), Command::Hiring(command));
                                }
                                Err(error) => self.error = Some((INTERVIEW.with_key(key), error.to_string())),
                            }
                        }
                    }
                    None => {
                        ui.label(RichText::new("not held").weak());
                    }
                    Some(interview) => {
                        if let Some(card) = &interview.scorecard {
                            let timely = if interview::on_time(interview.held_at, card.submitted_at) {
                                RichText::new("within 24 h").color(theme::ok_color(ui))
                            } else {
                                RichText::new("after 24 h").color(theme::warn_color(ui))
                            };
                            ui.label(format!(
                                "{} · {}",
                                datetime_text(interview.held_at),
                                card.recommendation.label()
                            ));
                            ui.label(timely);
                            if ui.small_button("Edit scorecard").clicked() {
                                self.scorecard = Some(ScorecardForm::edit(interview.id, step, card));
                            }
                        } else {
                            ui.label(datetime_text(interview.held_at));
                            if interview.held_at <= now {
                                let owed = if step.fields.by_me {
                                    "scorecard owed by you"
                                } else {
                                    "scorecard owed"
                                };
                                ui.label(RichText::new(owed).color(theme::warn_color(ui)));
                                if ui.button("Scorecard…").clicked() {
                                    self.scorecard = Some(ScorecardForm::new(
                                        interview.id,
                                        step,
                                        interview.held_at,
                                        view.today,
                                    ));
                                }
                            } else {
                                ui.label(RichText::new("planned").weak());
                            }
                            if ui.small_button("Cancel interview").clicked() {
                                outbox.send(
                                    INTERVIEW.with_key(key),
                                    Command::Hiring(HiringCommand::CancelInterview(interview.id)),
                                );
                            }
                        }
                    }
                }
            });
            if let Some(form) = self.scorecard.as_mut().filter(|f| held.is_some_and(|i| i.id == f.interview))
            {
                let mut close = false;
                theme::card_frame(ui).show(ui, |ui| close = form.ui(ui, view, outbox));
                if close {
                    self.scorecard = None;
                }
            }
        }
        if let Some(error) = self.error_for(INTERVIEW.with_key(key)) {
            widgets::error_label(ui, error);
        }
    }
}

impl ScorecardForm {
    fn new(
        interview: InterviewId,
        step: &crate::model::interview::InterviewStep,
        held_at: NaiveDateTime,
        today: NaiveDate,
    ) -> Self {
        let submitted = now_on(today).max(held_at);
        Self {
            interview,
            scroll: true,
            ratings: step.competencies.iter().map(|id| (*id, 0, String::new())).collect(),
            recommendation: None,
            submitted_at: datetime_text(submitted),
            error: None,
        }
    }

    fn edit(interview: InterviewId, step: &crate::model::interview::InterviewStep, card: &Scorecard) -> Self {
        Self {
            interview,
            scroll: true,
            ratings: step
                .competencies
                .iter()
                .map(|id| {
                    let rated = card.ratings.iter().find(|r| r.competency == *id);
                    (
                        *id,
                        rated.map_or(0, |r| r.rating),
                        rated.map(|r| r.evidence.clone()).unwrap_or_default(),
                    )
                })
                .collect(),
            recommendation: Some(card.recommendation),
            submitted_at: datetime_text(card.submitted_at),
            error: None,
        }
    }

    /// Draws the form; true when it should close.
    fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) -> bool {
        let mut close = false;
        if std::mem::take(&mut self.scroll) {
            ui.scroll_to_cursor(Some(egui::Align::TOP));
        }
        ui.label(RichText::new("Scorecard").strong());
        ui.label(RichText::new("A rating needs its evidence: what the candidate said or did.").weak());
        for (competency, rating, evidence) in &mut self.ratings {
            ui.add_space(theme::SPACE_S);
            let name = view.hiring.competency_name(*competency).to_owned();
            ui.label(RichText::new(&name).strong());
            ui.horizontal(|ui| {
                for value in interview::RATING_MIN..=interview::RATING_MAX {
                    ui.radio_value(rating, value, format!("{value} {}", rating_label(value)));
                }
            });
            let label = ui.label(RichText::new(format!("Evidence for {name}")).small().weak());
            ui.add(
                egui::TextEdit::multiline(evidence)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("What the candidate said or did"),
            )
            .labelled_by(label.id);
            widgets::char_counter(ui, evidence, TEXT_MAX_CHARS, true);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            ui.label("Recommendation");
            for choice in Recommendation::ALL {
                ui.radio_value(&mut self.recommendation, Some(*choice), choice.label());
            }
        });
        widgets::form_row(ui, "Submitted", |ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.submitted_at).desired_width(theme::NUMBER_FIELD_WIDTH),
            );
        });
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.horizontal(|ui| {
            if ui.add(theme::primary_button(ui, "Submit scorecard")).clicked() {
                match self.checked() {
                    Ok(scorecard) => {
                        self.error = None;
                        let command = HiringCommand::SubmitScorecard { interview: self.interview, scorecard };
                        outbox.send(SCORECARD.with_key(self.interview.0), Command::Hiring(command));
                    }
                    Err(message) => self.error = Some(message),
                }
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        close
    }

    fn checked(&self) -> Result<Scorecard, String> {
        let recommendation = self
            .recommendation
            .ok_or_else(|| "recommendation: choose strong no, no, yes or strong yes".to_owned())?;
        let submitted_at =
            interview::parse_datetime("submitted", &self.submitted_at).map_err(|e| e.to_string())?;
        let ratings = self
            .ratings
            .iter()
            .filter(|(_, rating, _)| *rating > 0)
            .map(|(competency, rating, evidence)| Rating {
                competency: *competency,
                rating: *rating,
                evidence: evidence.clone(),
            })
            .collect();
        Ok(Scorecard { ratings, recommendation, submitted_at })
    }
}
