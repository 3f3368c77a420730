//! Every write the app makes is a `Command`: collected during a frame, applied at its end in
//! one transaction. The command line and the tests apply the same commands.

use chrono::{Month, NaiveDate};
use rusqlite::Connection;

use super::dev_command::{DevCommand, DevOutcome};
use crate::demo::{self, DemoSize};
use crate::import::preview::CommitPlan;
use crate::import::rules::Rule;
use crate::model::fiscal::FiscalQuarter;
use crate::model::one_on_one::{ActionFields, MeetingFields, PointFields};
use crate::model::split::Targets;
use crate::model::time_entry::{TimeEntry, TimeEntryFields};
use crate::model::time_summary::targets_text;
use crate::model::{
    ActionItemId, ArchitectFields, ArchitectId, ListItemId, ListKind, OneOnOneId, Status, TalkingPointId,
    TemplateId, TimeEntryId,
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
    DeleteOneOnOne(OneOnOneId),
    SetGoalsReviewed {
        id: OneOnOneId,
        goal_ids: Vec<i64>,
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
}

/// What an applied command did, so the app can follow up (close an editor, select a row,
/// say what happened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    ArchitectAdded(ArchitectId),
    ArchitectUpdated(ArchitectId),
    ArchitectDeleted,
    ListChanged,
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
    OneOnOneStarted(OneOnOneId),
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
}

impl Command {
    pub fn apply(self, conn: &Connection, today: NaiveDate) -> Result<Outcome, StoreError> {
        match self {
            Self::AddArchitect(fields) => {
                architects::insert(conn, &fields, today).map(Outcome::ArchitectAdded)
            }
            Self::UpdateArchitect { id, fields } => {
                architects::update(conn, id, &fields, today).map(|()| Outcome::ArchitectUpdated(id))
            }
            Self::SetArchitectStatus { id, status } => {
                architects::set_status(conn, id, status).map(|()| Outcome::ArchitectUpdated(id))
            }
            Self::DeleteArchitect(id) => architects::delete(conn, id).map(|()| Outcome::ArchitectDeleted),
            Self::AddListItem { kind, name } => lists::add(conn, kind, &name).map(|_| Outcome::ListChanged),
            Self::RenameListItem { kind, id, name } => {
                lists::rename(conn, kind, id, &name).map(|()| Outcome::ListChanged)
            }
            Self::MoveListItem { kind, id, up } => {
                lists::move_item(conn, kind, id, up).map(|()| Outcome::ListChanged)
            }
            Self::DeleteListItem { kind, id } => lists::delete(conn, kind, id).map(|()| Outcome::ListChanged),
            Self::LoadDemo(size) => {
                demo::generate(conn, size, today)?;
                settings::set(conn, settings::ONBOARDED, "demo")?;
                Ok(Outcome::DemoLoaded)
            }
            Self::FinishOnboarding => {
                settings::set(conn, settings::ONBOARDED, "empty")?;
                Ok(Outcome::Onboarded)
            }
            Self::AddTimeEntry(fields) => {
                let id = time::insert(conn, &fields)?;
                Ok(Outcome::TimeEntryAdded(Box::new(time::get(conn, id)?)))
            }
            Self::UpdateTimeEntry { id, fields } => {
                let before = time::update(conn, id, &fields)?;
                let after = time::get(conn, id)?;
                calendar::follow_edit(conn, Some(&before.fields), Some(&after.fields))?;
                Ok(Outcome::TimeEntryUpdated { before: Box::new(before), after: Box::new(after) })
            }
            Self::DeleteTimeEntry(id) => {
                let deleted = time::delete(conn, id)?;
                calendar::follow_edit(conn, Some(&deleted.fields), None)?;
                Ok(Outcome::TimeEntryDeleted(Box::new(deleted)))
            }
            Self::RestoreTimeEntry(entry) => {
                time::restore(conn, &entry)?;
                calendar::follow_edit(conn, None, Some(&entry.fields))?;
                Ok(Outcome::TimeEntryRestored(entry))
            }
            Self::SetFiscalStartMonth(month) => {
                time::set_start_month(conn, month)?;
                Ok(Outcome::TimeSettingsChanged(format!("The fiscal year now starts in {}", month.name())))
            }
            Self::SetDefaultTargets(targets) => {
                time::set_default_targets(conn, &targets)?;
                Ok(Outcome::TimeSettingsChanged(format!("Default targets: {}", targets_text(&targets))))
            }
            Self::SetQuarterTargets { quarter, targets } => {
                time::set_quarter_targets(conn, quarter, targets.as_ref())?;
                Ok(Outcome::TimeSettingsChanged(match targets {
                    Some(targets) => format!("{quarter} targets: {}", targets_text(&targets)),
                    None => format!("{quarter} uses the default targets again"),
                }))
            }
            Self::SaveCalendarRules(rules) => {
                calendar::save_rules(conn, &rules).map(|()| Outcome::CalendarSettingsSaved)
            }
            Self::SetCalendarIdentity { my_emails, company_domains } => {
                calendar::save_identity(conn, &my_emails, &company_domains)
                    .map(|()| Outcome::CalendarSettingsSaved)
            }
            Self::Development(command) => command.apply(conn, today).map(Outcome::Development),
            Self::StartOneOnOne { architect, held_on, agenda } => {
                one_on_ones::start(conn, architect, held_on, &agenda, today).map(Outcome::OneOnOneStarted)
            }
            Self::UpdateOneOnOne { id, fields } => {
                one_on_ones::update(conn, id, &fields, today).map(|()| Outcome::OneOnOneSaved(id))
            }
            Self::DeleteOneOnOne(id) => one_on_ones::delete(conn, id).map(|()| Outcome::OneOnOneDeleted),
            Self::SetGoalsReviewed { id, goal_ids } => {
                one_on_ones::set_goals(conn, id, &goal_ids).map(|()| Outcome::OneOnOneSaved(id))
            }
            Self::AddTalkingPoint { meeting, fields } => {
                agenda::add_point(conn, meeting, &fields).map(|_| Outcome::AgendaChanged)
            }
            Self::UpdateTalkingPoint { id, fields } => {
                agenda::update_point(conn, id, &fields).map(|()| Outcome::AgendaChanged)
            }
            Self::SetDiscussed { id, meeting } => {
                agenda::set_discussed(conn, id, meeting).map(|()| Outcome::AgendaChanged)
            }
            Self::DeleteTalkingPoint(id) => agenda::delete_point(conn, id).map(|()| Outcome::AgendaChanged),
            Self::AddActionItem { meeting, fields } => {
                agenda::add_action(conn, meeting, &fields).map(|_| Outcome::AgendaChanged)
            }
            Self::UpdateActionItem { id, fields } => {
                agenda::update_action(conn, id, &fields).map(|()| Outcome::AgendaChanged)
            }
            Self::SetActionDone { id, done_on } => {
                agenda::set_done(conn, id, done_on, today).map(|()| Outcome::AgendaChanged)
            }
            Self::DeleteActionItem(id) => agenda::delete_action(conn, id).map(|()| Outcome::AgendaChanged),
            Self::AddTemplate { name, prompt } => {
                templates::add(conn, &name, &prompt).map(|_| Outcome::TemplatesChanged)
            }
            Self::UpdateTemplate { id, name, prompt } => {
                templates::update(conn, id, &name, &prompt).map(|()| Outcome::TemplatesChanged)
            }
            Self::DeleteTemplate(id) => templates::delete(conn, id).map(|()| Outcome::TemplatesChanged),
            Self::MoveTemplate { id, up } => {
                templates::move_template(conn, id, up).map(|()| Outcome::TemplatesChanged)
            }
            Self::ImportCalendar { plan, folder } => {
                calendar::write_plan(conn, &plan)?;
                if let Some(folder) = folder {
                    settings::set(conn, calendar::LAST_IMPORT_FOLDER, &folder)?;
                }
                let first_date = plan
                    .inserts
                    .iter()
                    .chain(plan.updates.iter().map(|(_, entry)| entry))
                    .map(|entry| entry.entry_date)
                    .min();
                Ok(Outcome::CalendarImported {
                    inserted: plan.inserts.len(),
                    updated: plan.updates.len(),
                    deleted: plan.deletes.len(),
                    first_date,
                })
            }
        }
    }
}
