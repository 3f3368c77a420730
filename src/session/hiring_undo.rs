//! Undo for hiring: the reversing command, read from the view before the change. Marking as
//! left comes back with the status and reason as they were; a stage move, an edit of a
//! candidate or requisition, a status change and a change of the interview plan too; a hire
//! goes away whole (the architect with their meetings, goals and plan). Deleting an interview
//! step, an onboarding template item, a requisition (one without candidates) or a hiring
//! profile comes back under the same id, in the same place; an edit or a move of a step or a
//! template item, and the purge setting, are put back as they were.
//! Deleting a candidate is never undone: that deletion is meant to be real.

use super::command::Command;
use super::hiring_command::HiringCommand;
use super::undo::Undo;
use super::view::ViewModel;

pub(super) fn undo_for(view: &ViewModel, command: &HiringCommand) -> Option<Undo> {
    let hiring = &view.hiring;
    let (label, restore) = match command {
        HiringCommand::MarkLeft { architect, .. } => {
            let before = view.architect(*architect)?;
            let departure = hiring.departures.get(architect).map(|d| d.fields.clone());
            (
                // The same words as any other status change of a person.
                format!("status change of {}", before.name()),
                HiringCommand::RestoreDeparture {
                    architect: *architect,
                    status: before.fields.status,
                    departure,
                },
            )
        }
        HiringCommand::MoveCandidate { id, .. } => {
            let (_, row) = hiring.candidate(*id)?;
            let stages = row.candidate.stages.clone();
            (
                format!("move of {}", row.candidate.fields.name),
                HiringCommand::RestoreCandidateStages { id: *id, stages },
            )
        }
        HiringCommand::UpdateCandidate { id, .. } => {
            let (_, row) = hiring.candidate(*id)?;
            let fields = row.candidate.fields.clone();
            (
                format!("edit of {}", row.candidate.fields.name),
                HiringCommand::UpdateCandidate { id: *id, fields },
            )
        }
        HiringCommand::UpdateRequisition { id, .. } => {
            let row = hiring.row(*id)?;
            let fields = row.requisition.fields.clone();
            (
                format!("edit of {}", row.requisition.title()),
                HiringCommand::UpdateRequisition { id: *id, fields },
            )
        }
        HiringCommand::SetRequisitionStatus { id, .. } => {
            let row = hiring.row(*id)?;
            (
                format!("status change of {}", row.requisition.title()),
                HiringCommand::RestoreRequisitionStatus(Box::new(row.requisition.clone())),
            )
        }
        HiringCommand::SetStepCompetency { step, competency, assessed } => {
            let assigned = hiring.details.values().flat_map(|d| &d.steps).find(|s| s.id == *step)?;
            if assigned.competencies.contains(competency) == *assessed {
                return None; // nothing changes
            }
            (
                "change of the interview plan".to_owned(),
                HiringCommand::SetStepCompetency {
                    step: *step,
                    competency: *competency,
                    assessed: !*assessed,
                },
            )
        }
        HiringCommand::Hire(hire) => {
            let row = hiring
                .details
                .iter()
                .find(|(_, detail)| detail.candidates.iter().any(|c| c.candidate.id == hire.candidate))
                .and_then(|(id, _)| hiring.row(*id))?;
            (
                format!("hire of {}", hire.architect.name),
                HiringCommand::UndoHire {
                    candidate: hire.candidate,
                    requisition: Box::new(row.requisition.clone()),
                },
            )
        }
        HiringCommand::DeleteStep(id) => {
            let step = hiring.details.values().flat_map(|d| &d.steps).find(|s| s.id == *id)?;
            (
                format!("delete of the step {}", step.fields.name),
                HiringCommand::RestoreStep(Box::new(step.clone())),
            )
        }
        HiringCommand::DeleteRequisition(id) => {
            let row = hiring.row(*id)?;
            let detail = hiring.detail(*id)?;
            (
                format!("delete of {}", row.requisition.title()),
                HiringCommand::RestoreRequisition {
                    requisition: Box::new(row.requisition.clone()),
                    steps: detail.steps.clone(),
                    slates: detail.slates.clone(),
                },
            )
        }
        HiringCommand::DeleteTemplateItem(id) => {
            let item = hiring.template.iter().find(|i| i.id == *id)?;
            (
                "removal from the onboarding template".to_owned(),
                HiringCommand::RestoreTemplateItem(Box::new(item.clone())),
            )
        }
        HiringCommand::UpdateStep { id, .. } => {
            let step = hiring.details.values().flat_map(|d| &d.steps).find(|s| s.id == *id)?;
            (
                format!("edit of the step {}", step.fields.name),
                HiringCommand::UpdateStep { id: *id, fields: step.fields.clone() },
            )
        }
        HiringCommand::MoveStep { id, up } => {
            // Moved back the other way; a move past either end changes nothing.
            let steps = &hiring.details.values().find(|d| d.steps.iter().any(|s| s.id == *id))?.steps;
            let index = steps.iter().position(|s| s.id == *id)?;
            if (*up && index == 0) || (!*up && index + 1 == steps.len()) {
                return None;
            }
            (
                format!("move of the step {}", steps[index].fields.name),
                HiringCommand::MoveStep { id: *id, up: !*up },
            )
        }
        HiringCommand::UpdateTemplateItem { id, .. } => {
            let item = hiring.template.iter().find(|i| i.id == *id)?;
            (
                "edit of the onboarding template".to_owned(),
                HiringCommand::UpdateTemplateItem { id: *id, fields: item.fields.clone() },
            )
        }
        HiringCommand::MoveTemplateItem { id, up } => {
            let index = hiring.template.iter().position(|i| i.id == *id)?;
            if (*up && index == 0) || (!*up && index + 1 == hiring.template.len()) {
                return None;
            }
            (
                "move in the onboarding template".to_owned(),
                HiringCommand::MoveTemplateItem { id: *id, up: !*up },
            )
        }
        HiringCommand::SetPurgeMonths(months) => {
            if i64::from(hiring.purge_months) == *months {
                return None;
            }
            (
                "change of when candidates are deleted".to_owned(),
                HiringCommand::SetPurgeMonths(i64::from(hiring.purge_months)),
            )
        }
        HiringCommand::RenameProfile { id, .. } => {
            let profile = hiring.profile(*id)?;
            (
                format!("rename of {}", profile.name),
                HiringCommand::RenameProfile { id: *id, name: profile.name.clone() },
            )
        }
        HiringCommand::SetProfileCompetency { profile, competency, included } => {
            let before = hiring.profile(*profile)?;
            if before.competencies.contains(competency) == *included {
                return None; // nothing changes
            }
            (
                format!("change of the profile {}", before.name),
                HiringCommand::SetProfileCompetency {
                    profile: *profile,
                    competency: *competency,
                    included: !*included,
                },
            )
        }
        HiringCommand::DeleteProfile(id) => {
            let profile = hiring.profile(*id)?;
            (
                format!("delete of the profile {}", profile.name),
                HiringCommand::RestoreProfile(Box::new(profile.clone())),
            )
        }
        _ => return None,
    };
    Some(Undo { label, command: Command::Hiring(restore) })
}
