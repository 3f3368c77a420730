//! Undo: the command that reverses a command, built from the view model before the command is
//! applied (so no extra reads of the database).

use super::{Command, Undo, ViewModel};

/// The command that reverses `command`, for changes that can be undone in one step.
/// Time entry edits and deletes get theirs from the outcome, which carries the old entry.
pub(super) fn undo_for(view: &ViewModel, command: &Command) -> Option<Undo> {
    match command {
        Command::UpdateArchitect { id, .. } => {
            let before = view.architect(*id)?;
            Some(Undo {
                label: format!("edit of {}", before.name()),
                command: Command::UpdateArchitect { id: *id, fields: before.fields.clone() },
            })
        }
        Command::SetArchitectStatus { id, .. } => {
            let before = view.architect(*id)?;
            Some(Undo {
                label: format!("status change of {}", before.name()),
                command: Command::SetArchitectStatus { id: *id, status: before.fields.status },
            })
        }
        Command::SetDiscussed { id, .. } => {
            let (point, _) = view.meeting.as_ref()?.agenda.points.iter().find(|(p, _)| p.id == *id)?;
            Some(Undo {
                label: "tick".to_owned(),
                command: Command::SetDiscussed { id: *id, meeting: point.discussed_in },
            })
        }
        Command::DeleteTalkingPoint(id) => {
            let (point, _) = view.meeting.as_ref()?.agenda.points.iter().find(|(p, _)| p.id == *id)?;
            // Brought back as new: its discussed mark, if it had one, is not restored.
            Some(Undo {
                label: "delete of a talking point".to_owned(),
                command: Command::AddTalkingPoint { meeting: point.raised_in, fields: point.fields.clone() },
            })
        }
        Command::DeleteActionItem(id) => {
            let (action, _) = view.meeting.as_ref()?.agenda.actions.iter().find(|(a, _)| a.id == *id)?;
            Some(Undo {
                label: "delete of an action item".to_owned(),
                command: Command::AddActionItem { meeting: action.raised_in, fields: action.fields.clone() },
            })
        }
        Command::SetActionDone { id, .. } => {
            let (action, _) = view.meeting.as_ref()?.agenda.actions.iter().find(|(a, _)| a.id == *id)?;
            Some(Undo {
                label: "tick".to_owned(),
                command: Command::SetActionDone { id: *id, done_on: action.done_on },
            })
        }
        _ => None,
    }
}
