//! The writes of the quarterly review, as one family of commands (`Command::Review`): the
//! manager's words, finalizing and reopening, and the competencies in Settings. Each says in
//! plain words what it did and, where it changed something that can be put back, carries the
//! command that undoes it (read from the database before the write, so it is exact).

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::model::fiscal::FiscalQuarter;
use crate::model::goal::{GoalFields, GoalKind, GoalStatus};
use crate::model::review::words::{
    self, Accomplishment, AccomplishmentFields, Outcome, Priority, ReviewError, list_words,
};
use crate::model::words::plural;
use crate::model::{AccomplishmentId, ArchitectId, PriorityId, ReviewCompetencyId};
use crate::store::review::{self, Frozen, ReviewList};
use crate::store::{StoreError, goals, review_competencies, review_data};

#[must_use = "a command does nothing until it is applied"]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewCommand {
    SetSetbacks {
        quarter: FiscalQuarter,
        text: String,
    },
    /// A bullet typed, or a suggested one accepted (`suggestion` is its key).
    AddAccomplishment {
        quarter: FiscalQuarter,
        fields: AccomplishmentFields,
        suggestion: Option<String>,
    },
    UpdateAccomplishment {
        id: AccomplishmentId,
        fields: AccomplishmentFields,
    },
    DeleteAccomplishment(AccomplishmentId),
    /// Undoes a delete: the bullet under its id, in its place.
    RestoreAccomplishment {
        quarter: FiscalQuarter,
        accomplishment: Accomplishment,
        position: i64,
    },
    MoveAccomplishment {
        id: AccomplishmentId,
        up: bool,
    },
    /// A suggested bullet the manager does not want: it is not offered again.
    DropSuggestion {
        quarter: FiscalQuarter,
        key: String,
    },
    RestoreSuggestion {
        quarter: FiscalQuarter,
        key: String,
    },
    AddPriority {
        quarter: FiscalQuarter,
        text: String,
    },
    UpdatePriority {
        id: PriorityId,
        text: String,
    },
    DeletePriority(PriorityId),
    RestorePriority {
        quarter: FiscalQuarter,
        priority: Priority,
        position: i64,
    },
    MovePriority {
        id: PriorityId,
        up: bool,
    },
    /// Remind me of a priority on a day (`None`: no reminder).
    SetReminder {
        id: PriorityId,
        on: Option<NaiveDate>,
    },
    /// Makes a priority a development goal of an architect, due on `target_on`.
    MakeGoal {
        priority: PriorityId,
        architect: ArchitectId,
        target_on: Option<NaiveDate>,
    },
    /// Undoes `MakeGoal`: the goal made from the priority is deleted and the link cleared.
    UnmakeGoal {
        priority: PriorityId,
        goal: crate::model::GoalId,
    },
    /// A self-rating (as typed: checked to be 1-5; `None` clears it) with its evidence.
    SetRating {
        quarter: FiscalQuarter,
        competency: ReviewCompetencyId,
        rating: Option<i64>,
        evidence: String,
    },
    /// What became of one of last quarter's priorities.
    SetOutcome {
        quarter: FiscalQuarter,
        priority: PriorityId,
        outcome: Option<Outcome>,
        note: String,
    },
    /// Freezes the quarter. Refused while required sections are empty unless
    /// `even_if_incomplete` (the app asks first).
    Finalize {
        quarter: FiscalQuarter,
        even_if_incomplete: bool,
    },
    Reopen(FiscalQuarter),
    /// Undoes a reopen: finalized again with the figures it had.
    RestoreFinal {
        quarter: FiscalQuarter,
        frozen: Frozen,
    },
    AddCompetency {
        role: String,
        name: String,
    },
    RenameCompetency {
        id: ReviewCompetencyId,
        role: String,
        name: String,
    },
    MoveCompetency {
        id: ReviewCompetencyId,
        up: bool,
    },
    DeleteCompetency(ReviewCompetencyId),
    /// Undoes a delete: the competency in its place, with the draft ratings it took.
    RestoreCompetency(review_competencies::Deleted),
}

/// What a review command did: the quarter it concerned, a sentence for the status line, and
/// the step that undoes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDone {
    pub quarter: Option<FiscalQuarter>,
    pub message: String,
    pub undo: Option<(String, ReviewCommand)>,
    /// A development goal was written (a priority made a goal): its architect.
    pub goal_of: Option<ArchitectId>,
}

impl ReviewDone {
    fn new(quarter: Option<FiscalQuarter>, message: impl Into<String>) -> Self {
        Self { quarter, message: message.into(), undo: None, goal_of: None }
    }

    fn undo(mut self, label: impl Into<String>, command: ReviewCommand) -> Self {
        self.undo = Some((label.into(), command));
        self
    }
}

/// “Pass AZ-305”, cut to fit the status line.
fn quoted(text: &str) -> String {
    const MAX: usize = 48;
    let text = text.trim();
    if text.chars().count() <= MAX {
        format!("“{text}”")
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("“{}…”", cut.trim_end())
    }
}

impl ReviewCommand {
    #[allow(clippy::too_many_lines, reason = "one arm per command, each short")]
    pub(super) fn apply(self, conn: &Connection, today: NaiveDate) -> Result<ReviewDone, StoreError> {
        match self {
            Self::SetSetbacks { quarter, text } => {
                let before = review::words(conn, quarter)?.setbacks;
                review::set_setbacks(conn, quarter, &text, today)?;
                Ok(ReviewDone::new(Some(quarter), format!("Saved the setbacks and learnings of {quarter}"))
                    .undo("edit of the setbacks", Self::SetSetbacks { quarter, text: before }))
            }
            Self::AddAccomplishment { quarter, fields, suggestion } => {
                let id = review::add_accomplishment(conn, quarter, &fields, suggestion.as_deref(), today)?;
                let message = if suggestion.is_some() {
                    format!("Accepted {}", quoted(&fields.text))
                } else {
                    format!("Added {}", quoted(&fields.text))
                };
                Ok(ReviewDone::new(Some(quarter), message)
                    .undo("added accomplishment", Self::DeleteAccomplishment(id)))
            }
            Self::UpdateAccomplishment { id, fields } => {
                let (_, before, _) = review::accomplishment(conn, id)?;
                let quarter = review::update_accomplishment(conn, id, &fields)?;
                Ok(ReviewDone::new(Some(quarter), format!("Saved {}", quoted(&fields.text))).undo(
                    format!("edit of {}", quoted(&before.fields.text)),
                    Self::UpdateAccomplishment { id, fields: before.fields },
                ))
            }
            Self::DeleteAccomplishment(id) => {
                let (quarter, accomplishment, position) = review::delete_accomplishment(conn, id)?;
                let what = quoted(&accomplishment.fields.text);
                Ok(ReviewDone::new(Some(quarter), format!("Deleted {what}")).undo(
                    format!("delete of {what}"),
                    Self::RestoreAccomplishment { quarter, accomplishment, position },
                ))
            }
            Self::RestoreAccomplishment { quarter, accomplishment, position } => {
                review::restore_accomplishment(conn, quarter, &accomplishment, position, today)?;
                Ok(ReviewDone::new(
                    Some(quarter),
                    format!("Restored {}", quoted(&accomplishment.fields.text)),
                ))
            }
            Self::MoveAccomplishment { id, up } => {
                let quarter = review::move_item(conn, ReviewList::Accomplishments, id.0, up)?;
                Ok(ReviewDone::new(Some(quarter), "Moved the accomplishment")
                    .undo("move", Self::MoveAccomplishment { id, up: !up }))
            }
            Self::DropSuggestion { quarter, key } => {
                review::drop_suggestion(conn, quarter, &key, today)?;
                Ok(ReviewDone::new(Some(quarter), "Dropped the suggestion")
                    .undo("dropped suggestion", Self::RestoreSuggestion { quarter, key }))
            }
            Self::RestoreSuggestion { quarter, key } => {
                review::undrop_suggestion(conn, quarter, &key, today)?;
                Ok(ReviewDone::new(Some(quarter), "The suggestion is back"))
            }
            Self::AddPriority { quarter, text } => {
                let id = review::add_priority(conn, quarter, &text, today)?;
                Ok(ReviewDone::new(Some(quarter), format!("Added the priority {}", quoted(&text)))
                    .undo("added priority", Self::DeletePriority(id)))
            }
            Self::UpdatePriority { id, text } => {
                let (_, before, _) = review::priority(conn, id)?;
                let quarter = review::update_priority(conn, id, &text)?;
                Ok(ReviewDone::new(Some(quarter), format!("Saved the priority {}", quoted(&text)))
                    .undo("edit of a priority", Self::UpdatePriority { id, text: before.text }))
            }
            Self::DeletePriority(id) => {
                let (quarter, priority, position) = review::delete_priority(conn, id)?;
                let what = quoted(&priority.text);
                Ok(ReviewDone::new(Some(quarter), format!("Deleted the priority {what}")).undo(
                    format!("delete of the priority {what}"),
                    Self::RestorePriority { quarter, priority, position },
                ))
            }
            Self::RestorePriority { quarter, priority, position } => {
                review::restore_priority(conn, quarter, &priority, position, today)?;
                Ok(ReviewDone::new(
                    Some(quarter),
                    format!("Restored the priority {}", quoted(&priority.text)),
                ))
            }
            Self::MovePriority { id, up } => {
                let quarter = review::move_item(conn, ReviewList::Priorities, id.0, up)?;
                Ok(ReviewDone::new(Some(quarter), "Moved the priority")
                    .undo("move", Self::MovePriority { id, up: !up }))
            }
            Self::SetReminder { id, on } => {
                let (_, before, _) = review::priority(conn, id)?;
                let quarter = review::set_reminder(conn, id, on)?;
                let message = match on {
                    Some(on) => format!(
                        "You will be reminded of {} on {}",
                        quoted(&before.text),
                        on.format("%a %-d %b %Y")
                    ),
                    None => format!("No reminder for {}", quoted(&before.text)),
                };
                Ok(ReviewDone::new(Some(quarter), message)
                    .undo("reminder", Self::SetReminder { id, on: before.remind_on }))
            }
            Self::MakeGoal { priority: id, architect, target_on } => {
                let (_, priority, _) = review::priority(conn, id)?;
                let fields = GoalFields {
                    kind: GoalKind::Other,
                    description: priority.text.chars().take(crate::model::text::LINE_MAX_CHARS).collect(),
                    target_on,
                    status: GoalStatus::NotStarted,
                    progress_pct: 0,
                    evidence: String::new(),
                    cert: None,
                };
                let goal = goals::insert(conn, architect, &fields, today, today)?;
                let quarter = review::link_goal(conn, id, Some(goal))?;
                let name = crate::store::architects::get(conn, architect)?.fields.name;
                let mut done = ReviewDone::new(
                    Some(quarter),
                    format!("Made {} a goal of {name}", quoted(&priority.text)),
                );
                done.goal_of = Some(architect);
                Ok(done.undo(
                    format!("goal made of {}", quoted(&priority.text)),
                    Self::UnmakeGoal { priority: id, goal },
                ))
            }
            Self::UnmakeGoal { priority, goal } => {
                let removed = goals::delete(conn, goal)?;
                let quarter = review::link_goal(conn, priority, None)?;
                let mut done = ReviewDone::new(
                    Some(quarter),
                    format!("Deleted the goal {}", quoted(&removed.fields.description)),
                );
                done.goal_of = Some(removed.architect);
                Ok(done)
            }
            Self::SetRating { quarter, competency, rating, evidence } => {
                let before = review::words(conn, quarter)?;
                let stored = review::set_rating(conn, quarter, competency, rating, &evidence, today)?;
                let previous = before.rating_of(&stored);
                let message = match rating {
                    Some(r) => format!("{}: rated {r} of 5", stored.name),
                    None => format!("Saved the evidence for {}", stored.name),
                };
                Ok(ReviewDone::new(Some(quarter), message).undo(
                    format!("rating of {}", stored.name),
                    Self::SetRating {
                        quarter,
                        competency,
                        rating: previous.and_then(|r| r.rating).map(i64::from),
                        evidence: previous.map(|r| r.evidence.clone()).unwrap_or_default(),
                    },
                ))
            }
            Self::SetOutcome { quarter, priority, outcome, note } => {
                let before = review::words(conn, quarter)?;
                let previous = before.outcomes.iter().find(|o| o.priority == priority);
                let undo = Self::SetOutcome {
                    quarter,
                    priority,
                    outcome: previous.and_then(|o| o.outcome),
                    note: previous.map(|o| o.note.clone()).unwrap_or_default(),
                };
                review::set_outcome(conn, quarter, priority, outcome, &note, today)?;
                let (_, stored, _) = review::priority(conn, priority)?;
                let message = match outcome {
                    Some(outcome) => {
                        use crate::model::architect::Choice as _;
                        format!("{}: {}", quoted(&stored.text), outcome.label().to_lowercase())
                    }
                    None => format!("Saved the note on {}", quoted(&stored.text)),
                };
                Ok(ReviewDone::new(Some(quarter), message).undo("promise", undo))
            }
            Self::Finalize { quarter, even_if_incomplete } => {
                let written = review::words(conn, quarter)?;
                let missing = words::missing(&written, &review::competencies(conn)?);
                if !missing.is_empty() && !even_if_incomplete && !written.state.is_final() {
                    return Err(ReviewError::Incomplete {
                        quarter,
                        missing: missing.iter().map(|m| m.label()).collect(),
                    }
                    .into());
                }
                let figures = review_data::live_figures(conn, quarter, today)?;
                review::finalize(conn, quarter, &figures, today)?;
                Ok(ReviewDone::new(
                    Some(quarter),
                    format!("Finalized {quarter}: its figures are frozen and its text locked"),
                )
                .undo(format!("finalizing {quarter}"), Self::Reopen(quarter)))
            }
            Self::Reopen(quarter) => {
                let frozen = review::reopen(conn, quarter)?;
                Ok(ReviewDone::new(
                    Some(quarter),
                    format!("Reopened {quarter}: the text can be changed again"),
                )
                .undo(format!("reopening {quarter}"), Self::RestoreFinal { quarter, frozen }))
            }
            Self::RestoreFinal { quarter, frozen } => {
                review::restore_final(conn, quarter, &frozen)?;
                Ok(ReviewDone::new(Some(quarter), format!("{quarter} is finalized again")))
            }
            Self::AddCompetency { role, name } => {
                let id = review_competencies::add_competency(conn, &role, &name)?;
                Ok(ReviewDone::new(None, format!("Added the competency “{}” ({})", name.trim(), role.trim()))
                    .undo("added competency", Self::DeleteCompetency(id)))
            }
            Self::RenameCompetency { id, role, name } => {
                let before = review_competencies::rename_competency(conn, id, &role, &name)?;
                Ok(ReviewDone::new(None, format!("Renamed the competency to “{}”", name.trim())).undo(
                    format!("rename of “{}”", before.name),
                    Self::RenameCompetency { id, role: before.role, name: before.name },
                ))
            }
            Self::MoveCompetency { id, up } => {
                review_competencies::move_competency(conn, id, up)?;
                Ok(ReviewDone::new(None, "Moved the competency")
                    .undo("move", Self::MoveCompetency { id, up: !up }))
            }
            Self::DeleteCompetency(id) => {
                let deleted = review_competencies::delete_competency(conn, id)?;
                let ratings = deleted.ratings.len();
                let with = if ratings == 0 {
                    String::new()
                } else {
                    format!(" and {} in draft reviews", plural(ratings, "rating"))
                };
                let name = deleted.competency.name.clone();
                Ok(ReviewDone::new(None, format!("Deleted the competency “{name}”{with}"))
                    .undo(format!("delete of “{name}”"), Self::RestoreCompetency(deleted)))
            }
            Self::RestoreCompetency(deleted) => {
                review_competencies::restore(conn, &deleted)?;
                Ok(ReviewDone::new(None, format!("Restored the competency “{}”", deleted.competency.name)))
            }
        }
    }
}

/// "accomplishments and impact, priorities for next quarter": the required sections of a draft
/// still empty, for the question before finalizing.
pub fn missing_words(missing: &[words::Required]) -> String {
    list_words(&missing.iter().map(|m| m.label()).collect::<Vec<_>>())
}
