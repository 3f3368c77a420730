//! Every write the app makes is a `Command`: collected during a frame, applied at its end in
//! one transaction. The command line and the tests apply the same commands.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::dev_command::{DevCommand, DevOutcome};
use crate::demo::{self, DemoSize};
use crate::model::{ArchitectFields, ArchitectId, ListItemId, ListKind, Status};
use crate::store::{StoreError, architects, lists, settings};

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
    /// Development plans, skills and certifications.
    Development(DevCommand),
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
    Development(DevOutcome),
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
            Self::Development(command) => command.apply(conn, today).map(Outcome::Development),
        }
    }
}
