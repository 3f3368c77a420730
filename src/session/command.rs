//! Every write is a `Command`: the app collects them during a frame and the session applies
//! them at its end; the command line, the tests and the benchmark send the same commands.

use std::collections::BTreeSet;

use chrono::{Month, NaiveDate};
use rusqlite::Connection;

use super::business_command::{BusinessCommand, BusinessDone};
use super::changes::{Changes, People};
use super::dev_command::{DevCommand, DevOutcome};
use super::hiring_command::{HiringCommand, HiringOutcome};
use super::review_command::{ReviewCommand, ReviewDone};
use crate::demo::{self, DemoSize};
use crate::import::preview::CommitPlan;
use crate::import::rules::Rule;
use crate::model::fiscal::FiscalQuarter;
use crate::model::one_on_one::{ActionFields, MeetingFields, PointFields};
use crate::model::split::Targets;
use crate::model::time_entry::{TimeEntry, TimeEntryFields};
use crate::model::time_summary::targets_text;
use crate::model::{
    ActionItemId, ArchitectFields, ArchitectId, DeletedListItem, GoalId, ListItemId, ListKind, OneOnOneId,
    Status, TalkingPointId, TemplateId, TimeEntryId,
};
use crate::store::{StoreError, agenda, architects, calendar, lists, one_on_ones, settings, templates, time};

#[must_use = "a command does nothing until it is applied"]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    AddArchitect(ArchitectFields),
    UpdateArchitect {
        id: ArchitectId,
        fields: ArchitectFields,
    },
    SetArchitectStatus {
        id: ArchitectId,
        status: Status,
    },
    DeleteArchitect(ArchitectId),
    AddListItem {
        kind: ListKind,
        name: String,
    },
    RenameListItem {
        kind: ListKind,
        id: ListItemId,
        name: String,
    },
    MoveListItem {
        kind: ListKind,
        id: ListItemId,
        up: bool,
    },
    DeleteListItem {
        kind: ListKind,
        id: ListItemId,
    },
    /// Undoes a delete: the entry comes back under its id, at its place, on its requisitions.
    RestoreListItem(Box<DeletedListItem>),
    /// First run: fill an empty database with the demo team.
    LoadDemo(DemoSize),
    /// First run: the user chose; do not ask again.
    FinishOnboarding,
    /// Log a block of the manager's own time.
    AddTimeEntry(TimeEntryFields),
    UpdateTimeEntry {
        id: TimeEntryId,
        fields: TimeEntryFields,
    },
    DeleteTimeEntry(TimeEntryId),
    /// Undoes a delete: the entry comes back under its old id.
    RestoreTimeEntry(Box<TimeEntry>),
    SetFiscalStartMonth(Month),
    SetDefaultTargets(Targets),
    /// A quarter's own targets; `None` returns the quarter to the defaults.
    SetQuarterTargets {
        quarter: FiscalQuarter,
        targets: Option<Targets>,
    },
    /// Calendar import: replace the categorisation rules (in order, first match wins).
    SaveCalendarRules(Vec<Rule>),
    /// Calendar import: the manager's own addresses and the company's domains, one per line.
    SetCalendarIdentity {
        my_emails: String,
        company_domains: String,
    },
    /// Development plans, skills and certifications.
    Development(DevCommand),
    /// Accounts, wins and their consumption plans, initiatives, the network, the scorecard.
    Business(BusinessCommand),
    /// The quarterly review: the manager's words, finalizing, the competencies.
    Review(ReviewCommand),
    /// Starts a one-on-one; carried-over items join its agenda by themselves, `agenda` adds
    /// new talking points (from the prep card or templates).
    StartOneOnOne {
        architect: ArchitectId,
        held_on: NaiveDate,
        agenda: Vec<PointFields>,
    },
    UpdateOneOnOne {
        id: OneOnOneId,
        fields: MeetingFields,
    },
    /// How long a meeting lasted (`None`: the default 30 minutes).
    SetMeetingLength {
        id: OneOnOneId,
        minutes: Option<u32>,
    },
    /// Whether held one-on-ones log their time as coaching (Settings).
    SetLogOneOnOneTime(bool),
    DeleteOneOnOne(OneOnOneId),
    SetGoalsReviewed {
        id: OneOnOneId,
        goal_ids: Vec<GoalId>,
    },
    AddTalkingPoint {
        meeting: OneOnOneId,
        fields: PointFields,
    },
    UpdateTalkingPoint {
        id: TalkingPointId,
        fields: PointFields,
    },
    /// Ticks a talking point as discussed in a meeting, or unticks it with `None`.
    SetDiscussed {
        id: TalkingPointId,
        meeting: Option<OneOnOneId>,
    },
    DeleteTalkingPoint(TalkingPointId),
    AddActionItem {
        meeting: OneOnOneId,
        fields: ActionFields,
    },
    UpdateActionItem {
        id: ActionItemId,
        fields: ActionFields,
    },
    /// Marks an action item done on a day, or open again with `None`.
    SetActionDone {
        id: ActionItemId,
        done_on: Option<NaiveDate>,
    },
    DeleteActionItem(ActionItemId),
    AddTemplate {
        name: String,
        prompt: String,
    },
    UpdateTemplate {
        id: TemplateId,
        name: String,
        prompt: String,
    },
    DeleteTemplate(TemplateId),
    MoveTemplate {
        id: TemplateId,
        up: bool,
    },
    /// Calendar import: write a previewed plan, all or nothing, and remember the folder the
    /// file came from. The app takes a backup before applying it.
    ImportCalendar {
        plan: CommitPlan,
        folder: Option<String>,
    },
    /// Requisitions, candidates, interviews, hires, departures (issue 13).
    Hiring(HiringCommand),
}

/// What an applied command did, so its sender can follow up (close an editor, select a row)
/// and the status line can say what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    ArchitectAdded(ArchitectId),
    ArchitectUpdated(ArchitectId),
    ArchitectDeleted,
    ListChanged,
    /// The entry deleted and the requisitions that named it.
    ListItemDeleted(Box<DeletedListItem>),
    DemoLoaded,
    Onboarded,
    TimeEntryAdded(Box<TimeEntry>),
    /// The entry as it was and as it is now.
    TimeEntryUpdated {
        before: Box<TimeEntry>,
        after: Box<TimeEntry>,
    },
    /// The deleted entry, so the delete can be undone.
    TimeEntryDeleted(Box<TimeEntry>),
    TimeEntryRestored(Box<TimeEntry>),
    /// A time setting changed; the text says which, for the status line.
    TimeSettingsChanged(String),
    CalendarSettingsSaved,
    Development(DevOutcome),
    Business(BusinessDone),
    Review(ReviewDone),
    OneOnOneStarted {
        id: OneOnOneId,
        architect: ArchitectId,
        held_on: NaiveDate,
    },
    OneOnOneSaved(OneOnOneId),
    OneOnOneDeleted,
    /// A talking point or action item was added, changed or ticked.
    AgendaChanged,
    TemplatesChanged,
    /// A calendar import was written: how many entries, and the first day it touched.
    CalendarImported {
        inserted: usize,
        updated: usize,
        deleted: usize,
        first_date: Option<NaiveDate>,
    },
    Hiring(HiringOutcome),
}

/// The days a time entry counts on, before and after a change.
fn days_of<'a>(entries: impl IntoIterator<Item = &'a TimeEntry>) -> BTreeSet<NaiveDate> {
    entries.into_iter().map(|entry| entry.fields.date).collect()
}

fn roster() -> Changes {
    Changes { roster: true, ..Changes::default() }
}

fn time_on(days: BTreeSet<NaiveDate>) -> Changes {
    Changes { time_days: days, ..Changes::default() }
}

fn time_settings() -> Changes {
    Changes { time_settings: true, ..Changes::default() }
}

fn calendar_settings() -> Changes {
    Changes { calendar_settings: true, ..Changes::default() }
}

fn templates_changed() -> Changes {
    Changes { templates: true, ..Changes::default() }
}

/// A meeting as a write found it: whose, held or only started, and on which day.
#[derive(Clone, Copy, PartialEq, Eq)]
struct MeetingState {
    architect: ArchitectId,
    held: bool,
    held_on: NaiveDate,
}

impl MeetingState {
    fn of(conn: &Connection, id: OneOnOneId) -> Result<Self, StoreError> {
        let meeting = one_on_ones::get(conn, id)?;
        Ok(Self { architect: meeting.architect_id, held: meeting.held, held_on: meeting.fields.held_on })
    }

    /// What a write that turned `self` into `after` (`None`: deleted) changed. A meeting that
    /// became held, moved or went may log, move or take away coaching time on its days (only
    /// those days are read again) and changes the one-on-one cadence of the scorecards;
    /// anything else touches only its architect's meetings, so a tick reads no time figures.
    fn changes_to(self, after: Option<Self>, words: bool) -> Changes {
        let mut changes = meetings_of(self.architect, words);
        if after != Some(self) && (self.held || after.is_some_and(|a| a.held)) {
            changes.time_days.insert(self.held_on);
            changes.time_days.extend(after.map(|a| a.held_on));
            changes.cadence = true;
        }
        changes
    }
}

/// A change to `architect`'s one-on-ones; `words` when text that search finds changed.
fn meetings_of(architect: ArchitectId, words: bool) -> Changes {
    Changes { meetings: People::one(architect), search: words, ..Changes::default() }
}

impl Command {
    /// Whether the command deletes personal data for good (a candidate): the session then
    /// empties the write-ahead log too, so no earlier copy lingers beside the file.
    pub(super) fn erases_personal_data(&self) -> bool {
        matches!(self, Self::Hiring(HiringCommand::DeleteCandidates(_)))
    }

    /// Applies the command on `conn` (inside the caller's transaction) and says what it did
    /// and which parts of the view it changed.
    pub(super) fn apply(self, conn: &Connection, today: NaiveDate) -> Result<(Done, Changes), StoreError> {
        match self {
            Self::AddArchitect(fields) => {
                architects::insert(conn, &fields, today).map(|id| (Done::ArchitectAdded(id), roster()))
            }
            Self::UpdateArchitect { id, fields } => {
                architects::update(conn, id, &fields, today).map(|()| (Done::ArchitectUpdated(id), roster()))
            }
            Self::SetArchitectStatus { id, status } => {
                architects::set_status(conn, id, status).map(|()| (Done::ArchitectUpdated(id), roster()))
            }
            Self::DeleteArchitect(id) => {
                architects::delete(conn, id).map(|()| (Done::ArchitectDeleted, roster()))
            }
            Self::AddListItem { kind, name } => {
                lists::add(conn, kind, &name).map(|_| (Done::ListChanged, roster()))
            }
            Self::RenameListItem { kind, id, name } => {
                lists::rename(conn, kind, id, &name).map(|()| (Done::ListChanged, roster()))
            }
            Self::MoveListItem { kind, id, up } => {
                lists::move_item(conn, kind, id, up).map(|()| (Done::ListChanged, roster()))
            }
            Self::DeleteListItem { kind, id } => {
                let deleted = lists::delete(conn, kind, id)?;
                let changes =
                    Changes { roster: true, hiring: !deleted.requisitions.is_empty(), ..Changes::default() };
                Ok((Done::ListItemDeleted(Box::new(deleted)), changes))
            }
            Self::RestoreListItem(deleted) => {
                lists::restore(conn, &deleted)?;
                let changes =
                    Changes { roster: true, hiring: !deleted.requisitions.is_empty(), ..Changes::default() };
                Ok((Done::ListChanged, changes))
            }
            Self::LoadDemo(size) => {
                demo::generate(conn, size, today)?;
                settings::set(conn, settings::ONBOARDED, "demo")?;
                Ok((Done::DemoLoaded, Changes::everything()))
            }
            Self::FinishOnboarding => {
                settings::set(conn, settings::ONBOARDED, "empty")?;
                Ok((Done::Onboarded, Changes { onboarding: true, ..Changes::default() }))
            }
            Self::AddTimeEntry(fields) => {
                let id = time::insert(conn, &fields)?;
                let entry = time::get(conn, id)?;
                let changes = time_on(days_of([&entry]));
                Ok((Done::TimeEntryAdded(Box::new(entry)), changes))
            }
            Self::UpdateTimeEntry { id, fields } => {
                let before = time::update(conn, id, &fields)?;
                let after = time::get(conn, id)?;
                calendar::follow_edit(conn, Some(&before.fields), Some(&after.fields))?;
                let changes = time_on(days_of([&before, &after]));
                Ok((Done::TimeEntryUpdated { before: Box::new(before), after: Box::new(after) }, changes))
            }
            Self::DeleteTimeEntry(id) => {
                let deleted = time::delete(conn, id)?;
                calendar::follow_edit(conn, Some(&deleted.fields), None)?;
                let changes = time_on(days_of([&deleted]));
                Ok((Done::TimeEntryDeleted(Box::new(deleted)), changes))
            }
            Self::RestoreTimeEntry(entry) => {
                time::restore(conn, &entry)?;
                calendar::follow_edit(conn, None, Some(&entry.fields))?;
                let changes = time_on(days_of([entry.as_ref()]));
                Ok((Done::TimeEntryRestored(entry), changes))
            }
            Self::SetFiscalStartMonth(month) => {
                time::set_start_month(conn, month)?;
                let message = format!("The fiscal year now starts in {}", month.name());
                Ok((Done::TimeSettingsChanged(message), time_settings()))
            }
            Self::SetDefaultTargets(targets) => {
                time::set_default_targets(conn, &targets)?;
                let message = format!("Default targets: {}", targets_text(&targets));
                Ok((Done::TimeSettingsChanged(message), time_settings()))
            }
            Self::SetQuarterTargets { quarter, targets } => {
                time::set_quarter_targets(conn, quarter, targets.as_ref())?;
                let message = match targets {
                    Some(targets) => format!("{quarter} targets: {}", targets_text(&targets)),
                    None => format!("{quarter} uses the default targets again"),
                };
                Ok((Done::TimeSettingsChanged(message), time_settings()))
            }
            Self::SaveCalendarRules(rules) => calendar::save_rules(conn, &rules)
                .map(|()| (Done::CalendarSettingsSaved, calendar_settings())),
            Self::SetCalendarIdentity { my_emails, company_domains } => {
                calendar::save_identity(conn, &my_emails, &company_domains)
                    .map(|()| (Done::CalendarSettingsSaved, calendar_settings()))
            }
            Self::Development(command) => {
                let done = command.apply(conn, today)?;
                let changes = match done.architect {
                    Some(architect) => {
                        Changes { development: People::one(architect), search: true, ..Changes::default() }
                    }
                    None => Changes { development_settings: true, ..Changes::default() },
                };
                Ok((Done::Development(done), changes))
            }
            Self::Business(command) => {
                let done = command.apply(conn, today)?;
                let changes = Changes { business: true, roster: done.roster, ..Changes::default() };
                Ok((Done::Business(done), changes))
            }
            Self::Review(command) => {
                let done = command.apply(conn, today)?;
                let development = done.goal_of.map_or(People::Nobody, People::one);
                let changes = Changes { review: true, development, ..Changes::default() };
                Ok((Done::Review(done), changes))
            }
            Self::StartOneOnOne { architect, held_on, agenda } => {
                let words = !agenda.is_empty();
                one_on_ones::start(conn, architect, held_on, &agenda, today).map(|id| {
                    (Done::OneOnOneStarted { id, architect, held_on }, meetings_of(architect, words))
                })
            }
            Self::UpdateOneOnOne { id, fields } => {
                let before = MeetingState::of(conn, id)?;
                one_on_ones::update(conn, id, &fields, today)?;
                let after = MeetingState::of(conn, id)?;
                Ok((Done::OneOnOneSaved(id), before.changes_to(Some(after), true)))
            }
            Self::SetMeetingLength { id, minutes } => {
                let before = MeetingState::of(conn, id)?;
                one_on_ones::set_minutes(conn, id, minutes)?;
                let mut changes = meetings_of(before.architect, false);
                if before.held {
                    // The time it logged follows its length.
                    changes.time_days.insert(before.held_on);
                }
                Ok((Done::OneOnOneSaved(id), changes))
            }
            Self::SetLogOneOnOneTime(on) => {
                one_on_ones::set_logs_time(conn, on)?;
                let message = if on {
                    "Held one-on-ones log their time as coaching"
                } else {
                    "Held one-on-ones no longer log their time"
                };
                Ok((Done::TimeSettingsChanged(message.to_owned()), time_settings()))
            }
            Self::DeleteOneOnOne(id) => {
                // The time it logged goes with it.
                let before = MeetingState::of(conn, id)?;
                one_on_ones::delete(conn, id)?;
                Ok((Done::OneOnOneDeleted, before.changes_to(None, true)))
            }
            Self::SetGoalsReviewed { id, goal_ids } => {
                let before = MeetingState::of(conn, id)?;
                one_on_ones::set_goals(conn, id, &goal_ids)?;
                let after = MeetingState::of(conn, id)?;
                Ok((Done::OneOnOneSaved(id), before.changes_to(Some(after), false)))
            }
            Self::AddTalkingPoint { meeting, fields } => {
                let architect = one_on_ones::get(conn, meeting)?.architect_id;
                agenda::add_point(conn, meeting, &fields)
                    .map(|_| (Done::AgendaChanged, meetings_of(architect, true)))
            }
            Self::UpdateTalkingPoint { id, fields } => {
                let architect = agenda::point_architect(conn, id)?;
                agenda::update_point(conn, id, &fields)
                    .map(|()| (Done::AgendaChanged, meetings_of(architect, true)))
            }
            Self::SetDiscussed { id, meeting } => {
                let architect = agenda::point_architect(conn, id)?;
                agenda::set_discussed(conn, id, meeting)?;
                // A point discussed in a meeting means the meeting took place.
                let changes = match meeting {
                    Some(meeting) => {
                        let before = MeetingState::of(conn, meeting)?;
                        one_on_ones::mark_held(conn, meeting)?;
                        let mut changes = before.changes_to(Some(MeetingState::of(conn, meeting)?), false);
                        changes.meetings.add(&People::one(architect));
                        changes
                    }
                    None => meetings_of(architect, false),
                };
                Ok((Done::AgendaChanged, changes))
            }
            Self::DeleteTalkingPoint(id) => {
                let architect = agenda::point_architect(conn, id)?;
                agenda::delete_point(conn, id).map(|()| (Done::AgendaChanged, meetings_of(architect, true)))
            }
            Self::AddActionItem { meeting, fields } => {
                let before = MeetingState::of(conn, meeting)?;
                agenda::add_action(conn, meeting, &fields)?;
                one_on_ones::mark_held(conn, meeting)?;
                let after = MeetingState::of(conn, meeting)?;
                Ok((Done::AgendaChanged, before.changes_to(Some(after), true)))
            }
            Self::UpdateActionItem { id, fields } => {
                let architect = agenda::action_architect(conn, id)?;
                agenda::update_action(conn, id, &fields)
                    .map(|()| (Done::AgendaChanged, meetings_of(architect, true)))
            }
            Self::SetActionDone { id, done_on } => {
                let architect = agenda::action_architect(conn, id)?;
                agenda::set_done(conn, id, done_on, today)
                    .map(|()| (Done::AgendaChanged, meetings_of(architect, false)))
            }
            Self::DeleteActionItem(id) => {
                let architect = agenda::action_architect(conn, id)?;
                agenda::delete_action(conn, id).map(|()| (Done::AgendaChanged, meetings_of(architect, true)))
            }
            Self::AddTemplate { name, prompt } => {
                templates::add(conn, &name, &prompt).map(|_| (Done::TemplatesChanged, templates_changed()))
            }
            Self::UpdateTemplate { id, name, prompt } => templates::update(conn, id, &name, &prompt)
                .map(|()| (Done::TemplatesChanged, templates_changed())),
            Self::DeleteTemplate(id) => {
                templates::delete(conn, id).map(|()| (Done::TemplatesChanged, templates_changed()))
            }
            Self::MoveTemplate { id, up } => {
                templates::move_template(conn, id, up).map(|()| (Done::TemplatesChanged, templates_changed()))
            }
            Self::ImportCalendar { plan, folder } => {
                calendar::write_plan(conn, &plan)?;
                // A meeting with a contact of the business network is an interaction with them.
                crate::store::contacts::record_meetings(conn, &plan.met, today)?;
                if let Some(folder) = folder {
                    settings::set(conn, calendar::LAST_IMPORT_FOLDER, &folder)?;
                }
                let first_date = plan
                    .inserts
                    .iter()
                    .chain(plan.updates.iter().map(|(_, entry)| entry))
                    .map(|entry| entry.entry_date)
                    .min();
                let done = Done::CalendarImported {
                    inserted: plan.inserts.len(),
                    updated: plan.updates.len(),
                    deleted: plan.deletes.len(),
                    first_date,
                };
                // An import may touch thousands of days and the architects it files meetings
                // under: everything is read again.
                Ok((done, Changes::everything()))
            }
            Self::Hiring(command) => {
                let (done, changes) = command.apply(conn, today)?;
                Ok((Done::Hiring(done), changes))
            }
        }
    }

    /// Whether the session takes a backup before applying it (an import of a calendar).
    pub fn needs_backup_first(&self) -> bool {
        matches!(self, Self::ImportCalendar { plan, .. } if !plan.is_empty())
            || matches!(self, Self::Business(command) if command.needs_backup_first())
    }
}
