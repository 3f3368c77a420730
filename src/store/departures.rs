//! Why architects left: marking someone as left records the reason in the same transaction,
//! and its undo puts status and reason back as they were.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::{self, choice};
use crate::model::architect::Choice as _;
use crate::model::hiring::DepartureInput;
use crate::model::onboarding::{Departure, DepartureFields, LeavingReason};
use crate::model::{ArchitectId, Status};

fn row_to_departure(row: &Row<'_>) -> rusqlite::Result<Departure> {
    Ok(Departure {
        architect: row.get(0)?,
        fields: DepartureFields {
            left_on: row.get(1)?,
            reason: choice::<LeavingReason>(row, 2)?,
            new_role: row.get(3)?,
            note: row.get(4)?,
        },
    })
}

/// Every recorded departure, by architect.
pub fn all(conn: &Connection) -> Result<HashMap<ArchitectId, Departure>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT architect_id, left_on, reason, new_role, note FROM departures")?;
    let rows = stmt
        .query_map([], row_to_departure)?
        .map(|row| row.map(|d| (d.architect, d)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, architect: ArchitectId) -> Result<Option<Departure>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT architect_id, left_on, reason, new_role, note FROM departures WHERE architect_id = ?1",
        )?
        .query_row([architect], row_to_departure)
        .optional()?)
}

/// The departures of people who are still gone (someone who came back has not moved on), for
/// the figures.
pub fn inputs(conn: &Connection) -> Result<Vec<DepartureInput>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.left_on, d.reason FROM departures d JOIN architects a ON a.id = d.architect_id \
         WHERE a.status = 'left'",
    )?;
    let rows = stmt
        .query_map([], |row| {
            Ok(DepartureInput { left_on: row.get(0)?, reason: choice::<LeavingReason>(row, 1)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Marks an architect as left and records why. Returns their status before.
pub fn mark_left(
    conn: &Connection,
    architect: ArchitectId,
    fields: &DepartureFields,
    today: NaiveDate,
) -> Result<Status, StoreError> {
    let person = architects::get(conn, architect)?;
    let f = fields.validated(today)?;
    if let Some(started) = person.fields.started_on
        && f.left_on < started
    {
        return Err(crate::model::ValidationError::new(
            "left on",
            format!("{} is before {} started on {started}", f.left_on, person.name()),
        )
        .into());
    }
    architects::set_status(conn, architect, Status::Left)?;
    write(conn, architect, Some(&f))?;
    Ok(person.fields.status)
}

/// Replaces (or removes) an architect's departure as it is.
fn write(
    conn: &Connection,
    architect: ArchitectId,
    fields: Option<&DepartureFields>,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM departures WHERE architect_id = ?1")?.execute([architect])?;
    if let Some(f) = fields {
        conn.prepare_cached(
            "INSERT INTO departures (architect_id, left_on, reason, new_role, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![architect, f.left_on, f.reason.key(), f.new_role, f.note])?;
    }
    Ok(())
}

/// Puts an architect's status and departure back as they were (the undo of marking as left).
pub fn restore(
    conn: &Connection,
    architect: ArchitectId,
    status: Status,
    departure: Option<&DepartureFields>,
) -> Result<(), StoreError> {
    architects::set_status(conn, architect, status)?;
    write(conn, architect, departure)
}
