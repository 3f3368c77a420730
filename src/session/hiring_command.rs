//! The writes of hiring, as one family of commands (`Command::Hiring`): requisitions,
//! candidates and their stages, interview plans and scorecards, slate reports, the hire that
//! brings someone onto the team, why someone left, and the onboarding template. Each says in
//! plain words what it did, for the status line.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::changes::{Changes, People};
use crate::model::architect::Choice as _;
use crate::model::candidate::{CandidateFields, Stage, StageReached};
use crate::model::hiring::end_of;
use crate::model::hiring_profile::HiringProfile;
use crate::model::interview::{InterviewStep, Scorecard, SlateReport, StepFields, datetime_text};
use crate::model::onboarding::Hire;
use crate::model::onboarding::{DepartureFields, ItemFields, TemplateItem};
use crate::model::requisition::{Requisition, RequisitionFields, RequisitionStatus};
use crate::model::words::plural;
use crate::model::{
    ArchitectId, CandidateId, CompetencyId, HiringProfileId, InterviewId, InterviewStepId, RequisitionId,
    Status, TemplateItemId,
};
use crate::store::{
    StoreError, architects, candidates, departures, hiring_profiles, interviews, onboarding, requisitions,
};

#[must_use = "a command does nothing until it is applied"]
#[derive(Debug, Clone, PartialEq)]
pub enum HiringCommand {
    AddRequisition(RequisitionFields),
    UpdateRequisition {
        id: RequisitionId,
        fields: RequisitionFields,
    },
    /// On hold, cancelled (with a reason, closed on `on`) or open again. Filling is the hire's.
    SetRequisitionStatus {
        id: RequisitionId,
        status: RequisitionStatus,
        on: NaiveDate,
        reason: String,
    },
    /// Undoes a status change: status, closing day and reason as they were.
    RestoreRequisitionStatus(Box<Requisition>),
    /// A requisition opened by mistake, with no candidates.
    DeleteRequisition(RequisitionId),
    /// Undoes a delete: the requisition under its old id, with its plan and slate reports.
    RestoreRequisition {
        requisition: Box<Requisition>,
        steps: Vec<InterviewStep>,
        slates: Vec<SlateReport>,
    },
    AddCandidate {
        requisition: RequisitionId,
        fields: CandidateFields,
        sourced_on: NaiveDate,
    },
    UpdateCandidate {
        id: CandidateId,
        fields: CandidateFields,
    },
    /// The candidate reached `stage` on `on` (a hire is [`HiringCommand::Hire`]).
    MoveCandidate {
        id: CandidateId,
        stage: Stage,
        on: NaiveDate,
    },
    /// Undoes a move: the stages as they were, oldest first.
    RestoreCandidateStages {
        id: CandidateId,
        stages: Vec<StageReached>,
    },
    /// Deletes candidates for good, with their notes, stages and scorecards. Not undoable.
    DeleteCandidates(Vec<CandidateId>),
    AddStep {
        requisition: RequisitionId,
        fields: StepFields,
    },
    UpdateStep {
        id: InterviewStepId,
        fields: StepFields,
    },
    DeleteStep(InterviewStepId),
    /// Undoes a delete: the step in its old place, with the competencies it assessed.
    RestoreStep(Box<InterviewStep>),
    MoveStep {
        id: InterviewStepId,
        up: bool,
    },
    /// Assigns a competency to a step of the plan, or takes it off.
    SetStepCompetency {
        step: InterviewStepId,
        competency: CompetencyId,
        assessed: bool,
    },
    ScheduleInterview {
        candidate: CandidateId,
        step: InterviewStepId,
        held_at: chrono::NaiveDateTime,
    },
    RescheduleInterview {
        id: InterviewId,
        held_at: chrono::NaiveDateTime,
    },
    CancelInterview(InterviewId),
    SubmitScorecard {
        interview: InterviewId,
        scorecard: Scorecard,
    },
    /// What the recruiter reported for one stage of a requisition (replaces an earlier report).
    RecordSlate {
        requisition: RequisitionId,
        report: SlateReport,
    },
    /// Hires a candidate at the offer stage: the architect with an onboarding plan, all or nothing.
    Hire(Box<Hire>),
    /// Undoes a hire: the architect and what the hire made for them go, the candidate is at the
    /// offer stage again and the requisition as it was before.
    UndoHire {
        candidate: CandidateId,
        requisition: Box<Requisition>,
    },
    /// Marks an architect as left and records why.
    MarkLeft {
        architect: ArchitectId,
        departure: DepartureFields,
    },
    /// Undoes marking as left: the status and departure as they were.
    RestoreDeparture {
        architect: ArchitectId,
        status: Status,
        departure: Option<DepartureFields>,
    },
    SetPurgeMonths(i64),
    AddTemplateItem(ItemFields),
    UpdateTemplateItem {
        id: TemplateItemId,
        fields: ItemFields,
    },
    DeleteTemplateItem(TemplateItemId),
    /// Undoes a delete: the item in its old place.
    RestoreTemplateItem(Box<TemplateItem>),
    MoveTemplateItem {
        id: TemplateItemId,
        up: bool,
    },
    /// A new hiring profile, with every competency of the skills matrix to start with.
    AddProfile(String),
    RenameProfile {
        id: HiringProfileId,
        name: String,
    },
    /// Puts a competency of the skills matrix in a profile, or takes it out.
    SetProfileCompetency {
        profile: HiringProfileId,
        competency: CompetencyId,
        included: bool,
    },
    /// Deletes a profile no requisition uses.
    DeleteProfile(HiringProfileId),
    /// Undoes a delete: the profile under its old id, with its competencies.
    RestoreProfile(Box<HiringProfile>),
}

/// What a hiring command did: a sentence for the status line, and what it concerned, so its
/// sender can follow up (select the new requisition, open the new architect).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HiringOutcome {
    pub message: String,
    pub requisition: Option<RequisitionId>,
    pub candidate: Option<CandidateId>,
    /// The architect a hire created, or the one marked as left.
    pub architect: Option<ArchitectId>,
}

fn said(message: String) -> HiringOutcome {
    HiringOutcome { message, ..HiringOutcome::default() }
}

fn hiring() -> Changes {
    Changes { hiring: true, ..Changes::default() }
}

impl HiringCommand {
    pub(super) fn apply(
        self,
        conn: &Connection,
        today: NaiveDate,
    ) -> Result<(HiringOutcome, Changes), StoreError> {
        match self {
            Self::AddRequisition(fields) => {
                let id = requisitions::insert(conn, &fields, today)?;
                let requisition = requisitions::get(conn, id)?;
                let outcome = HiringOutcome {
                    requisition: Some(id),
                    ..said(format!("Opened the requisition {}", requisition.title()))
                };
                Ok((outcome, hiring()))
            }
            Self::UpdateRequisition { id, fields } => {
                requisitions::update(conn, id, &fields, today)?;
                let title = requisitions::get(conn, id)?.title();
                Ok((HiringOutcome { requisition: Some(id), ..said(format!("Saved {title}")) }, hiring()))
            }
            Self::SetRequisitionStatus { id, status, on, reason } => {
                requisitions::set_status(conn, id, status, on, &reason, today)?;
                let title = requisitions::get(conn, id)?.title();
                let message = format!("{title} is {}", status.label().to_lowercase());
                Ok((HiringOutcome { requisition: Some(id), ..said(message) }, hiring()))
            }
            Self::RestoreRequisitionStatus(before) => {
                requisitions::restore_status(conn, &before)?;
                let message = format!("{} is {} again", before.title(), before.status.label().to_lowercase());
                Ok((HiringOutcome { requisition: Some(before.id), ..said(message) }, hiring()))
            }
            Self::DeleteRequisition(id) => {
                let gone = requisitions::delete(conn, id)?;
                Ok((said(format!("Deleted the requisition {}", gone.title())), hiring()))
            }
            Self::RestoreRequisition { requisition, steps, slates } => {
                requisitions::restore(conn, &requisition, &steps, &slates)?;
                let outcome = HiringOutcome {
                    requisition: Some(requisition.id),
                    ..said(format!("The requisition {} is back", requisition.title()))
                };
                Ok((outcome, hiring()))
            }
            Self::AddCandidate { requisition, fields, sourced_on } => {
                let id = candidates::insert(conn, requisition, &fields, sourced_on, today)?;
                let name = candidates::get(conn, id)?.fields.name;
                let outcome = HiringOutcome {
                    requisition: Some(requisition),
                    candidate: Some(id),
                    ..said(format!("Added {name}, sourced on {sourced_on}"))
                };
                Ok((outcome, hiring()))
            }
            Self::UpdateCandidate { id, fields } => {
                candidates::update(conn, id, &fields)?;
                let candidate = candidates::get(conn, id)?;
                let outcome = HiringOutcome {
                    requisition: Some(candidate.requisition),
                    candidate: Some(id),
                    ..said(format!("Saved {}", candidate.fields.name))
                };
                Ok((outcome, hiring()))
            }
            Self::MoveCandidate { id, stage, on } => {
                let before = candidates::move_to(conn, id, stage, on, today)?;
                let outcome = HiringOutcome {
                    requisition: Some(before.requisition),
                    candidate: Some(id),
                    ..said(format!("{} reached {} on {on}", before.fields.name, stage.words()))
                };
                Ok((outcome, hiring()))
            }
            Self::RestoreCandidateStages { id, stages } => {
                candidates::restore_stages(conn, id, &stages)?;
                let candidate = candidates::get(conn, id)?;
                let outcome = HiringOutcome {
                    requisition: Some(candidate.requisition),
                    candidate: Some(id),
                    ..said(format!("{} is back at {}", candidate.fields.name, candidate.stage().words()))
                };
                Ok((outcome, hiring()))
            }
            Self::DeleteCandidates(ids) => {
                let names = candidates::delete(conn, &ids)?;
                let message = match names.as_slice() {
                    [name] => format!("Deleted {name} and everything recorded about them"),
                    _ => format!(
                        "Deleted {} and everything recorded about them",
                        plural(names.len(), "candidate")
                    ),
                };
                Ok((said(message), hiring()))
            }
            Self::AddStep { requisition, fields } => {
                interviews::add_step(conn, requisition, &fields)?;
                let outcome = HiringOutcome {
                    requisition: Some(requisition),
                    ..said(format!("Added the step “{}”", fields.name.trim()))
                };
                Ok((outcome, hiring()))
            }
            Self::UpdateStep { id, fields } => {
                interviews::update_step(conn, id, &fields)?;
                Ok((said(format!("Saved the step “{}”", fields.name.trim())), hiring()))
            }
            Self::DeleteStep(id) => {
                let step = interviews::delete_step(conn, id)?;
                Ok((said(format!("Deleted the step “{}”", step.fields.name)), hiring()))
            }
            Self::RestoreStep(step) => {
                interviews::restore_step(conn, &step)?;
                let outcome = HiringOutcome {
                    requisition: Some(step.requisition),
                    ..said(format!("The step “{}” is back in the plan", step.fields.name))
                };
                Ok((outcome, hiring()))
            }
            Self::MoveStep { id, up } => {
                interviews::move_step(conn, id, up)?;
                Ok((said("Moved the step".to_owned()), hiring()))
            }
            Self::SetStepCompetency { step, competency, assessed } => {
                interviews::set_competency(conn, step, competency, assessed)?;
                let name = crate::store::skills::competencies(conn)?
                    .into_iter()
                    .find(|c| c.id == competency)
                    .map(|c| c.name)
                    .unwrap_or_default();
                let step = interviews::step(conn, step)?;
                let message = if assessed {
                    format!("“{}” assesses {name}", step.fields.name)
                } else {
                    format!("“{}” no longer assesses {name}", step.fields.name)
                };
                Ok((said(message), hiring()))
            }
            Self::ScheduleInterview { candidate, step, held_at } => {
                interviews::schedule(conn, candidate, step, held_at)?;
                let name = candidates::get(conn, candidate)?.fields.name;
                let step = interviews::step(conn, step)?;
                let message =
                    format!("Planned {name}’s “{}” on {}", step.fields.name, datetime_text(held_at));
                Ok((HiringOutcome { candidate: Some(candidate), ..said(message) }, hiring()))
            }
            Self::RescheduleInterview { id, held_at } => {
                interviews::reschedule(conn, id, held_at)?;
                Ok((said(format!("Moved the interview to {}", datetime_text(held_at))), hiring()))
            }
            Self::CancelInterview(id) => {
                interviews::cancel(conn, id)?;
                Ok((said("Cancelled the interview".to_owned()), hiring()))
            }
            Self::SubmitScorecard { interview, scorecard } => {
                interviews::submit(conn, interview, &scorecard, end_of(today))?;
                let held = interviews::interview(conn, interview)?;
                let name = candidates::get(conn, held.candidate)?.fields.name;
                let message =
                    format!("Submitted the scorecard for {name}: {}", scorecard.recommendation.label());
                Ok((HiringOutcome { candidate: Some(held.candidate), ..said(message) }, hiring()))
            }
            Self::RecordSlate { requisition, report } => {
                requisitions::set_slate(conn, requisition, &report, today)?;
                let message = format!("Recorded the slate at {}", report.stage.words());
                Ok((HiringOutcome { requisition: Some(requisition), ..said(message) }, hiring()))
            }
            Self::Hire(hire) => {
                let hired = onboarding::hire(conn, &hire, today)?;
                let name = architects::get(conn, hired.architect)?.fields.name;
                let message = format!(
                    "Hired {name}: on the team from {}, with {} and {} for the first one-on-one",
                    hire.architect.started_on.map(|d| d.to_string()).unwrap_or_default(),
                    plural(hired.goals, "onboarding goal"),
                    plural(hired.talking_points, "talking point"),
                );
                let outcome = HiringOutcome {
                    message,
                    requisition: Some(hired.requisition),
                    candidate: Some(hire.candidate),
                    architect: Some(hired.architect),
                };
                let changes = Changes {
                    roster: true,
                    hiring: true,
                    search: true,
                    development: People::one(hired.architect),
                    meetings: People::one(hired.architect),
                    ..Changes::default()
                };
                Ok((outcome, changes))
            }
            Self::UndoHire { candidate, requisition } => {
                let name = onboarding::unhire(conn, candidate, &requisition)?;
                let outcome = HiringOutcome {
                    requisition: Some(requisition.id),
                    candidate: Some(candidate),
                    ..said(format!("{name} is a candidate at the offer stage again, not on the team"))
                };
                // The architect and their meetings and goals are gone: everything is read again.
                Ok((outcome, Changes::everything()))
            }
            Self::MarkLeft { architect, departure } => {
                departures::mark_left(conn, architect, &departure, today)?;
                let name = architects::get(conn, architect)?.fields.name;
                let message = format!("{name} left on {}: {}", departure.left_on, departure.summary());
                let outcome = HiringOutcome { architect: Some(architect), ..said(message) };
                Ok((outcome, Changes { roster: true, hiring: true, ..Changes::default() }))
            }
            Self::RestoreDeparture { architect, status, departure } => {
                departures::restore(conn, architect, status, departure.as_ref())?;
                let name = architects::get(conn, architect)?.fields.name;
                let outcome = HiringOutcome {
                    architect: Some(architect),
                    ..said(format!("{name} is {} again", status.label().to_lowercase()))
                };
                Ok((outcome, Changes { roster: true, hiring: true, ..Changes::default() }))
            }
            Self::SetPurgeMonths(months) => {
                let months = candidates::set_purge_months(conn, months)?;
                Ok((
                    said(format!(
                        "Candidates are due for deletion {months} months after their requisition closes"
                    )),
                    hiring(),
                ))
            }
            Self::AddTemplateItem(fields) => {
                onboarding::add_item(conn, &fields)?;
                Ok((said("Added to the onboarding template".to_owned()), hiring()))
            }
            Self::UpdateTemplateItem { id, fields } => {
                onboarding::update_item(conn, id, &fields)?;
                Ok((said("Saved the onboarding template".to_owned()), hiring()))
            }
            Self::DeleteTemplateItem(id) => {
                onboarding::delete_item(conn, id)?;
                Ok((said("Removed from the onboarding template".to_owned()), hiring()))
            }
            Self::RestoreTemplateItem(item) => {
                onboarding::restore_item(conn, &item)?;
                Ok((said("Back in the onboarding template".to_owned()), hiring()))
            }
            Self::MoveTemplateItem { id, up } => {
                onboarding::move_item(conn, id, up)?;
                Ok((said("Moved in the onboarding template".to_owned()), hiring()))
            }
            Self::AddProfile(name) => {
                let id = hiring_profiles::insert(conn, &name)?;
                let profile = hiring_profiles::get(conn, id)?;
                Ok((said(format!("Added the hiring profile “{}”", profile.name)), hiring()))
            }
            Self::RenameProfile { id, name } => {
                hiring_profiles::rename(conn, id, &name)?;
                let profile = hiring_profiles::get(conn, id)?;
                Ok((said(format!("Renamed the hiring profile to “{}”", profile.name)), hiring()))
            }
            Self::SetProfileCompetency { profile, competency, included } => {
                hiring_profiles::set_competency(conn, profile, competency, included)?;
                let profile = hiring_profiles::get(conn, profile)?;
                let name = crate::store::skills::competencies(conn)?
                    .into_iter()
                    .find(|c| c.id == competency)
                    .map(|c| c.name)
                    .unwrap_or_default();
                let message = if included {
                    format!("“{}” assesses {name}", profile.name)
                } else {
                    format!("“{}” no longer assesses {name}", profile.name)
                };
                Ok((said(message), hiring()))
            }
            Self::DeleteProfile(id) => {
                let profile = hiring_profiles::delete(conn, id)?;
                Ok((said(format!("Deleted the hiring profile “{}”", profile.name)), hiring()))
            }
            Self::RestoreProfile(profile) => {
                hiring_profiles::restore(conn, &profile)?;
                Ok((said(format!("The hiring profile “{}” is back", profile.name)), hiring()))
            }
        }
    }
}
