//! Undo: the command that reverses a command, built from the view model before the command is
//! applied (so no extra reads of the database).

use super::command::{Command, Done};
use super::dev_command::DevCommand;
use super::dev_view::{CertRow, DevelopmentView, GoalRow};
use super::view::ViewModel;
use crate::model::goal::GoalFields;
use crate::model::{CertRecordId, GoalId};

/// The last reversible change, offered as "Undo": what it was, in words, and the command
/// that reverses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub label: String,
    pub command: Command,
}

/// How much of a goal's description an undo label quotes.
const LABEL_QUOTE_CHARS: usize = 48;

/// The command that reverses `command`, read from the view as it is before the command is
/// applied, for changes that can be undone in one step. Time entry edits and deletes get theirs
/// from what they did ([`undo_after`]), which carries the old entry. Additions are not undone
/// here: what was added has its own delete.
pub(super) fn undo_before(view: &ViewModel, command: &Command) -> Option<Undo> {
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
        Command::Development(command) => development_undo_for(&view.development, command),
        Command::SetDefaultTargets(_)
        | Command::SetQuarterTargets { .. }
        | Command::SetFiscalStartMonth(_)
        | Command::SetLogOneOnOneTime(_)
        | Command::RenameListItem { .. }
        | Command::MoveListItem { .. }
        | Command::SaveCalendarRules(_)
        | Command::SetCalendarIdentity { .. } => settings_undo_for(view, command),
        Command::Hiring(command) => super::hiring_undo::undo_for(view, command),
        _ => None,
    }
}

/// Settings are put back as they were; a change that changes nothing offers no undo (so it
/// does not hide the undo of what did).
fn settings_undo_for(view: &ViewModel, command: &Command) -> Option<Undo> {
    let time = &view.time.settings;
    let (label, restore) = match command {
        Command::SetDefaultTargets(targets) => {
            if time.default_targets == *targets {
                return None;
            }
            ("change of the default targets".to_owned(), Command::SetDefaultTargets(time.default_targets))
        }
        Command::SetQuarterTargets { quarter, targets } => {
            let before = time.overrides.get(quarter).copied();
            if before == *targets {
                return None;
            }
            (
                format!("change of the {quarter} targets"),
                Command::SetQuarterTargets { quarter: *quarter, targets: before },
            )
        }
        Command::SetFiscalStartMonth(month) => {
            if time.start_month == *month {
                return None;
            }
            ("change of the fiscal year start".to_owned(), Command::SetFiscalStartMonth(time.start_month))
        }
        Command::SetLogOneOnOneTime(on) => {
            if view.time.logs_one_on_ones == *on {
                return None;
            }
            (
                "change of the one-on-one setting".to_owned(),
                Command::SetLogOneOnOneTime(view.time.logs_one_on_ones),
            )
        }
        Command::RenameListItem { kind, id, .. } => {
            let before = view.list(*kind).iter().find(|item| item.id == *id)?;
            (
                format!("rename of {}", before.name),
                Command::RenameListItem { kind: *kind, id: *id, name: before.name.clone() },
            )
        }
        Command::MoveListItem { kind, id, up } => {
            let items = view.list(*kind);
            let index = items.iter().position(|item| item.id == *id)?;
            if (*up && index == 0) || (!*up && index + 1 == items.len()) {
                return None;
            }
            (
                format!("move of {}", items[index].name),
                Command::MoveListItem { kind: *kind, id: *id, up: !*up },
            )
        }
        Command::SaveCalendarRules(rules) => {
            if view.calendar_rules == *rules {
                return None;
            }
            (
                "change of the calendar rules".to_owned(),
                Command::SaveCalendarRules(view.calendar_rules.clone()),
            )
        }
        Command::SetCalendarIdentity { .. } => (
            "change of my addresses and domains".to_owned(),
            Command::SetCalendarIdentity {
                my_emails: view.my_emails.join("\n"),
                company_domains: view.company_domains.join(", "),
            },
        ),
        _ => return None,
    };
    Some(Undo { label, command: restore })
}

/// Development edits are undone by putting back what they changed exactly as it was: the goal
/// with its progress history, the rating with its history, the certification record with its
/// renewals. Sending the old values again would date them today and add history that never
/// happened (and a deleted goal would come back under a new id, lost to the meetings that
/// reviewed it).
fn development_undo_for(development: &DevelopmentView, command: &DevCommand) -> Option<Undo> {
    let (label, restore) = match command {
        DevCommand::UpdateGoal { id, fields } => {
            let row = goal_row(development, *id)?;
            let before = &row.goal.fields;
            let only_status = GoalFields { status: fields.status, ..before.clone() } == *fields;
            let what = if only_status && fields.status != before.status { "status change" } else { "edit" };
            (format!("{what} of goal {}", quoted(&before.description)), restore_goal(row))
        }
        DevCommand::RecordGoalProgress { id, .. } => {
            let row = goal_row(development, *id)?;
            (format!("progress of goal {}", quoted(&row.goal.fields.description)), restore_goal(row))
        }
        DevCommand::DeleteGoal(id) => {
            let row = goal_row(development, *id)?;
            (format!("delete of goal {}", quoted(&row.goal.fields.description)), restore_goal(row))
        }
        DevCommand::SetSkillLevel { architect, competency, current, target } => {
            let person = development.person(*architect)?;
            let skill = person.skills.iter().find(|s| s.competency == *competency)?;
            // Clicking the level it already has changes nothing: keep the undo of what did.
            if skill.level.is_some_and(|l| (i64::from(l.current), i64::from(l.target)) == (*current, *target))
            {
                return None;
            }
            // The view lists the history newest first; it is restored oldest first.
            let history =
                person.skill_history.iter().rev().filter(|c| c.competency == *competency).copied().collect();
            let restore = DevCommand::RestoreSkillLevel {
                architect: *architect,
                competency: *competency,
                level: skill.level,
                history,
            };
            (format!("level change in {}", skill.name), restore)
        }
        DevCommand::RecordCertEarned { architect, cert, .. } => {
            // Put back the record as it was (none, or a lapsed one whose earned date and
            // renewals earning it again replaces) and the goals recording it completes.
            let person = development.person(*architect)?;
            let row = person.certs.iter().find(|c| c.record.cert == *cert);
            let goals = person
                .goals
                .iter()
                .filter(|g| {
                    g.goal.fields.cert == Some(*cert) && crate::model::goal::is_open(g.goal.fields.status)
                })
                .map(|g| (g.goal.clone(), g.history.clone()))
                .collect();
            let code = development.catalogue.iter().find(|c| c.id == *cert).map_or("", |c| c.code.as_str());
            let label = if row.is_some() { format!("{code} earned again") } else { format!("{code} earned") };
            let restore = DevCommand::UndoCertEarned {
                architect: *architect,
                cert: *cert,
                record: row.map(|r| Box::new(r.record.clone())),
                goals,
            };
            (label, restore)
        }
        DevCommand::RecordCertRenewal { record, .. } => {
            let row = cert_row(development, *record)?;
            (format!("renewal of {}", row.code), restore_cert(row))
        }
        DevCommand::RemoveCertRecord(record) => {
            let row = cert_row(development, *record)?;
            (format!("removal of {}", row.code), restore_cert(row))
        }
        DevCommand::SetStalledDays(days) => {
            let before = development.stalled_days;
            if i64::from(before) == *days {
                return None;
            }
            ("change of when a goal is stalled".to_owned(), DevCommand::SetStalledDays(i64::from(before)))
        }
        DevCommand::RenameCompetency { id, .. } => {
            let before = development.competencies.iter().find(|c| c.id == *id)?;
            (
                format!("rename of {}", before.name),
                DevCommand::RenameCompetency { id: *id, name: before.name.clone() },
            )
        }
        DevCommand::MoveCompetency { id, up } => {
            let list = &development.competencies;
            let index = list.iter().position(|c| c.id == *id)?;
            if (*up && index == 0) || (!*up && index + 1 == list.len()) {
                return None;
            }
            (format!("move of {}", list[index].name), DevCommand::MoveCompetency { id: *id, up: !*up })
        }
        DevCommand::UpdateCatalogueCert { id, .. } => {
            let before = development.catalogue.iter().find(|c| c.id == *id)?;
            let restore = DevCommand::UpdateCatalogueCert {
                id: *id,
                code: before.code.clone(),
                name: before.name.clone(),
                kind: before.kind,
            };
            (format!("edit of {} in the catalogue", before.code), restore)
        }
        _ => return None,
    };
    Some(Undo { label, command: Command::Development(restore) })
}

fn goal_row(development: &DevelopmentView, id: GoalId) -> Option<&GoalRow> {
    development.people.values().flat_map(|p| &p.goals).find(|row| row.goal.id == id)
}

fn restore_goal(row: &GoalRow) -> DevCommand {
    DevCommand::RestoreGoal { goal: Box::new(row.goal.clone()), history: row.history.clone() }
}

fn cert_row(development: &DevelopmentView, id: CertRecordId) -> Option<&CertRow> {
    development.people.values().flat_map(|p| &p.certs).find(|row| row.record.id == id)
}

fn restore_cert(row: &CertRow) -> DevCommand {
    DevCommand::RestoreCertRecord(Box::new(row.record.clone()))
}

/// “Pass AZ-305”, cut short with an ellipsis so the status line stays one line.
fn quoted(text: &str) -> String {
    if text.chars().count() <= LABEL_QUOTE_CHARS {
        format!("“{text}”")
    } else {
        let cut: String = text.chars().take(LABEL_QUOTE_CHARS - 1).collect();
        format!("“{}…”", cut.trim_end())
    }
}

/// The undo of a change whose old state only the write itself knew: a time entry's edit or
/// delete returns the entry as it was; a one-on-one just started is deleted again (with the
/// talking points it was started with), as long as nothing else happened since.
pub(super) fn undo_after(done: &Done, view: &ViewModel) -> Option<Undo> {
    use crate::model::time_entry::short_day;
    match done {
        Done::OneOnOneStarted { id, architect, .. } => {
            let name = view.architect(*architect).map_or("", |a| a.name());
            Some(Undo {
                label: format!("start of the one-on-one with {name}"),
                command: Command::DeleteOneOnOne(*id),
            })
        }
        // A review command reads what it changes before writing: its undo is exact.
        Done::Review(done) => done
            .undo
            .as_ref()
            .map(|(label, command)| Undo { label: label.clone(), command: Command::Review(command.clone()) }),
        Done::TimeEntryUpdated { before, .. } => Some(Undo {
            label: format!("edit of the {} entry", short_day(before.fields.date)),
            command: Command::UpdateTimeEntry { id: before.id, fields: before.fields.clone() },
        }),
        Done::ListItemDeleted(deleted) => Some(Undo {
            label: format!("delete of {}", deleted.item.name),
            command: Command::RestoreListItem(deleted.clone()),
        }),
        Done::TimeEntryDeleted(entry) => Some(Undo {
            label: format!("delete of the {} entry", short_day(entry.fields.date)),
            command: Command::RestoreTimeEntry(entry.clone()),
        }),
        Done::Development(done) => done.removed.as_ref().map(|(what, removed)| Undo {
            label: format!("delete of {what}"),
            command: Command::Development(DevCommand::RestoreDeleted {
                what: what.clone(),
                removed: removed.clone(),
            }),
        }),
        Done::Business(done) => done.undo.as_ref().map(|(label, command)| Undo {
            label: label.clone(),
            command: Command::Business((**command).clone()),
        }),
        _ => None,
    }
}
