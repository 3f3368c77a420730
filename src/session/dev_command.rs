//! The writes of development plans, skills and certifications, as one family of commands
//! (`Command::Development`). Each says in plain words what it did, for the status line.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::model::architect::Choice as _;
use crate::model::certification::{CertKind, CertRecord};
use crate::model::goal::{Goal, GoalFields, GoalStatus, ProgressPoint};
use crate::model::skills::SkillLevel;
use crate::model::words::plural;
use crate::model::{ArchitectId, CertId, CertRecordId, CompetencyId, GoalId};
use crate::store::certifications::{self, Earned};
use crate::store::skills::SkillChange;
use crate::store::{StoreError, cascade, goals, skills};

#[must_use = "a command does nothing until it is applied"]
#[derive(Debug, Clone, PartialEq)]
pub enum DevCommand {
    AddGoal {
        architect: ArchitectId,
        fields: GoalFields,
    },
    UpdateGoal {
        id: GoalId,
        fields: GoalFields,
    },
    DeleteGoal(GoalId),
    /// Undoes a delete, an edit or recorded progress: the goal as it was, under its id, with
    /// its progress history (oldest first).
    RestoreGoal {
        goal: Box<Goal>,
        history: Vec<ProgressPoint>,
    },
    /// A new progress percentage (as typed: checked to be 0-100) on a day, usually today.
    RecordGoalProgress {
        id: GoalId,
        progress_pct: i64,
        on: NaiveDate,
    },
    /// Current and target level in one competency (as typed: checked to be 1-5).
    SetSkillLevel {
        architect: ArchitectId,
        competency: CompetencyId,
        current: i64,
        target: i64,
    },
    /// Undoes a level click: the rating as it was (`None`: not rated) with its history, oldest
    /// first.
    RestoreSkillLevel {
        architect: ArchitectId,
        competency: CompetencyId,
        level: Option<SkillLevel>,
        history: Vec<SkillChange>,
    },
    AddCompetency(String),
    RenameCompetency {
        id: CompetencyId,
        name: String,
    },
    MoveCompetency {
        id: CompetencyId,
        up: bool,
    },
    /// Deletes the competency and every rating in it (the app asks first).
    DeleteCompetency(CompetencyId),
    AddCatalogueCert {
        code: String,
        name: String,
        kind: CertKind,
    },
    /// Corrects a catalogue entry's code, name or kind; the records follow.
    UpdateCatalogueCert {
        id: CertId,
        code: String,
        name: String,
        kind: CertKind,
    },
    /// Removes the catalogue entry and every record of it (the app asks first).
    RemoveCatalogueCert(CertId),
    /// Undoes deleting a competency or removing a catalogue entry: it comes back under its id,
    /// in its place, with every rating, record and hiring use the delete took with it.
    RestoreDeleted {
        what: String,
        removed: Box<cascade::Removed>,
    },
    /// Records a certification earned; the architect's open goals that name it are done.
    RecordCertEarned {
        architect: ArchitectId,
        cert: CertId,
        earned_on: NaiveDate,
    },
    /// Undoes recording a certification earned: the record as it was (`None`: there was none)
    /// and the goals it completed, each with its progress history.
    UndoCertEarned {
        architect: ArchitectId,
        cert: CertId,
        record: Option<Box<CertRecord>>,
        goals: Vec<(Goal, Vec<ProgressPoint>)>,
    },
    RecordCertRenewal {
        record: CertRecordId,
        renewed_on: NaiveDate,
    },
    RemoveCertRecord(CertRecordId),
    /// Undoes a removal, a renewal or earning it again: the record as it was, under its id.
    RestoreCertRecord(Box<CertRecord>),
    SetStalledDays(i64),
}

/// What a development command did: the architect it concerned, if any, and a sentence for the
/// status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevOutcome {
    pub architect: Option<ArchitectId>,
    pub message: String,
    /// For a delete whose rows only the write itself read: what it was, in words, and what it
    /// took with it (undone by `RestoreDeleted`).
    pub removed: Option<(String, Box<cascade::Removed>)>,
}

impl DevCommand {
    pub(super) fn apply(self, conn: &Connection, today: NaiveDate) -> Result<DevOutcome, StoreError> {
        let done = |architect: Option<ArchitectId>, message: String| {
            Ok(DevOutcome { architect, message, removed: None })
        };
        match self {
            Self::AddGoal { architect, fields } => {
                let id = goals::insert(conn, architect, &fields, today, today)?;
                let goal = goals::get(conn, id)?;
                done(Some(architect), format!("Added the goal “{}”", goal.fields.description))
            }
            Self::UpdateGoal { id, fields } => {
                goals::update(conn, id, &fields, today)?;
                let goal = goals::get(conn, id)?;
                done(Some(goal.architect), format!("Saved the goal “{}”", goal.fields.description))
            }
            Self::DeleteGoal(id) => {
                let goal = goals::delete(conn, id)?;
                done(Some(goal.architect), format!("Deleted the goal “{}”", goal.fields.description))
            }
            Self::RestoreGoal { goal, history } => {
                goals::restore(conn, &goal, &history)?;
                done(Some(goal.architect), format!("Restored the goal “{}”", goal.fields.description))
            }
            Self::RecordGoalProgress { id, progress_pct, on } => {
                let change = goals::record_progress(conn, id, progress_pct, on, today)?;
                let goal = goals::get(conn, id)?;
                let what = &goal.fields.description;
                let message = if change.before_pct == change.after_pct {
                    format!("“{what}” is already at {} %", change.after_pct)
                } else if change.status == GoalStatus::Done && change.after_pct == 100 {
                    format!("“{what}” reached 100 % and is done")
                } else {
                    format!("“{what}” moved from {} % to {} % on {on}", change.before_pct, change.after_pct)
                };
                done(Some(goal.architect), message)
            }
            Self::SetSkillLevel { architect, competency, current, target } => {
                let change = skills::set_level(conn, architect, competency, current, target, today)?;
                let name = competency_name(conn, competency)?;
                let (current, target) = change.after;
                done(Some(architect), format!("{name}: level {current}, target {target}"))
            }
            Self::RestoreSkillLevel { architect, competency, level, history } => {
                skills::restore_level(conn, architect, competency, level.as_ref(), &history)?;
                let name = competency_name(conn, competency)?;
                let message = match level {
                    Some(level) => {
                        format!("{name}: back to level {}, target {}", level.current, level.target)
                    }
                    None => format!("{name}: not rated again"),
                };
                done(Some(architect), message)
            }
            Self::AddCompetency(name) => {
                skills::add_competency(conn, &name)?;
                done(None, format!("Added the competency “{}”", name.trim()))
            }
            Self::RenameCompetency { id, name } => {
                skills::rename_competency(conn, id, &name)?;
                done(None, format!("Renamed the competency to “{}”", name.trim()))
            }
            Self::MoveCompetency { id, up } => {
                skills::move_competency(conn, id, up)?;
                done(None, "Moved the competency".to_owned())
            }
            Self::DeleteCompetency(id) => {
                let (competency, ratings, removed) = skills::delete_competency(conn, id)?;
                Ok(DevOutcome {
                    architect: None,
                    message: format!(
                        "Deleted the competency “{}” and {}",
                        competency.name,
                        ratings_of(ratings)
                    ),
                    removed: Some((format!("the competency “{}”", competency.name), Box::new(removed))),
                })
            }
            Self::AddCatalogueCert { code, name, kind } => {
                let id = certifications::add_to_catalogue(conn, &code, &name, kind)?;
                let entry = certifications::entry(conn, id)?;
                done(None, format!("Added {} ({}) to the catalogue", entry.code, kind.label()))
            }
            Self::UpdateCatalogueCert { id, code, name, kind } => {
                let before = certifications::update_catalogue_entry(conn, id, &code, &name, kind)?;
                let entry = certifications::entry(conn, id)?;
                let what = if before.code == entry.code {
                    format!("Saved {} in the catalogue", entry.code)
                } else {
                    format!("Renamed {} to {} in the catalogue", before.code, entry.code)
                };
                done(None, what)
            }
            Self::RemoveCatalogueCert(id) => {
                let (entry, held, removed) = certifications::remove_from_catalogue(conn, id)?;
                Ok(DevOutcome {
                    architect: None,
                    message: format!(
                        "Removed {} from the catalogue and {}",
                        entry.code,
                        plural(held, "record")
                    ),
                    removed: Some((format!("{} in the catalogue", entry.code), Box::new(removed))),
                })
            }
            Self::RestoreDeleted { what, removed } => {
                cascade::restore(conn, &removed)?;
                done(None, format!("Restored {what}"))
            }
            Self::RecordCertEarned { architect, cert, earned_on } => {
                let earned = certifications::record_earned(conn, architect, cert, earned_on, today)?;
                let completed = goals::complete_for_cert(conn, architect, cert, earned_on, today)?;
                let entry = certifications::entry(conn, cert)?;
                let mut message = match earned {
                    Earned::New(_) => format!("Recorded {} earned on {earned_on}", entry.code),
                    Earned::Again(_) => format!("Recorded {} earned again on {earned_on}", entry.code),
                };
                match completed.as_slice() {
                    [] => {}
                    [one] => message = format!("{message}; the goal “{one}” is done"),
                    many => message = format!("{message}; {} goals are done", many.len()),
                }
                done(Some(architect), message)
            }
            Self::UndoCertEarned { architect, cert, record, goals: before } => {
                match &record {
                    Some(held) => certifications::restore_record(conn, held)?,
                    None => certifications::remove_held(conn, architect, cert)?,
                }
                for (goal, history) in &before {
                    goals::restore(conn, goal, history)?;
                }
                let entry = certifications::entry(conn, cert)?;
                done(Some(architect), format!("{} is no longer recorded as earned", entry.code))
            }
            Self::RecordCertRenewal { record, renewed_on } => {
                let expires_on = certifications::record_renewal(conn, record, renewed_on, today)?;
                let held = certifications::record(conn, record)?;
                let entry = certifications::entry(conn, held.cert)?;
                let until = expires_on.map(|d| format!(": valid until {d}")).unwrap_or_default();
                done(
                    Some(held.architect),
                    format!("Recorded the renewal of {} on {renewed_on}{until}", entry.code),
                )
            }
            Self::RemoveCertRecord(record) => {
                let held = certifications::remove_record(conn, record)?;
                let entry = certifications::entry(conn, held.cert)?;
                done(Some(held.architect), format!("Removed the record of {}", entry.code))
            }
            Self::RestoreCertRecord(held) => {
                certifications::restore_record(conn, &held)?;
                let entry = certifications::entry(conn, held.cert)?;
                done(Some(held.architect), format!("Restored the record of {}", entry.code))
            }
            Self::SetStalledDays(days) => {
                let days = goals::set_stalled_days(conn, days)?;
                done(None, format!("Goals are now stalled after {days} days without progress"))
            }
        }
    }
}

/// The competency's name for the status line; empty if it is gone (the write already checked).
fn competency_name(conn: &Connection, id: CompetencyId) -> Result<String, StoreError> {
    Ok(skills::competencies(conn)?.into_iter().find(|c| c.id == id).map(|c| c.name).unwrap_or_default())
}

/// "1 architect's skill level", "3 architects' skill levels": what deleting a competency removes.
pub fn ratings_of(count: usize) -> String {
    if count == 1 {
        "1 architect's skill level".to_owned()
    } else {
        format!("{count} architects' skill levels")
    }
}
