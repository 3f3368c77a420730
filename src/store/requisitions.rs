//! Requisitions: the openings, their status, and the recruiter's slate reports per stage.

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::{self, choice};
use crate::model::architect::Choice as _;
use crate::model::candidate::Stage;
use crate::model::hiring::{RequisitionDates, SlateInput};
use crate::model::interview::{PolicyAnswer, SlateReport};
use crate::model::requisition::{self, Requisition, RequisitionFields, RequisitionStatus};
use crate::model::{RequisitionId, ValidationError};

const COLUMNS: &str = "id, role, opening_id, level_id, solution_area_id, opened_on, target_start_on, \
     backfill_for, status, closed_on, status_reason, profile_id";

fn row_to_requisition(row: &Row<'_>) -> rusqlite::Result<Requisition> {
    Ok(Requisition {
        id: row.get(0)?,
        fields: RequisitionFields {
            role: row.get(1)?,
            opening_id: row.get(2)?,
            level: row.get(3)?,
            solution_area: row.get(4)?,
            opened_on: row.get(5)?,
            target_start_on: row.get(6)?,
            backfill_for: row.get(7)?,
            profile: row.get(11)?,
        },
        status: choice::<RequisitionStatus>(row, 8)?,
        closed_on: row.get(9)?,
        status_reason: row.get(10)?,
    })
}

/// Every requisition: open ones first, then on hold, then closed, newest opening first.
pub fn list(conn: &Connection) -> Result<Vec<Requisition>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM requisitions ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'on_hold' THEN 1 \
         ELSE 2 END, coalesce(closed_on, opened_on) DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], row_to_requisition)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: RequisitionId) -> Result<Requisition, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM requisitions WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_requisition)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("requisition #{id}")))
}

/// The requisitions' dates, for the quarter figures.
pub fn dates(conn: &Connection) -> Result<Vec<RequisitionDates>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT opened_on, status, closed_on FROM requisitions")?;
    let rows = stmt
        .query_map([], |row| {
            Ok(RequisitionDates {
                opened_on: row.get(0)?,
                status: choice::<RequisitionStatus>(row, 1)?,
                closed_on: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn ensure_unique_opening(
    conn: &Connection,
    opening_id: &str,
    except: Option<RequisitionId>,
) -> Result<(), StoreError> {
    if opening_id.is_empty() {
        return Ok(());
    }
    let clash: Option<String> = conn
        .prepare_cached(
            "SELECT role FROM requisitions WHERE opening_id = ?1 COLLATE NOCASE AND id IS NOT ?2 LIMIT 1",
        )?
        .query_row(params![opening_id, except], |r| r.get(0))
        .optional()?;
    match clash {
        Some(role) => Err(ValidationError::new(
            "opening id",
            format!("{opening_id} is already the requisition “{role}”"),
        )
        .into()),
        None => Ok(()),
    }
}

fn check_backfill(conn: &Connection, fields: &RequisitionFields) -> Result<(), StoreError> {
    if let Some(id) = fields.backfill_for {
        architects::get(conn, id)?;
    }
    if let Some(id) = fields.profile {
        super::hiring_profiles::get(conn, id)?;
    }
    Ok(())
}

pub fn insert(
    conn: &Connection,
    fields: &RequisitionFields,
    today: NaiveDate,
) -> Result<RequisitionId, StoreError> {
    let f = fields.validated(today)?;
    ensure_unique_opening(conn, &f.opening_id, None)?;
    check_backfill(conn, &f)?;
    insert_row(conn, None, &f, RequisitionStatus::Open, None, "")
}

/// Writes one requisition row: a new one (`id` `None`), or one put back under its old id.
fn insert_row(
    conn: &Connection,
    id: Option<RequisitionId>,
    f: &RequisitionFields,
    status: RequisitionStatus,
    closed_on: Option<NaiveDate>,
    status_reason: &str,
) -> Result<RequisitionId, StoreError> {
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO requisitions (id, role, opening_id, level_id, solution_area_id, opened_on, target_start_on, \
         backfill_for, profile_id, status, closed_on, status_reason, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?
    .execute(params![
        id,
        f.role,
        f.opening_id,
        f.level,
        f.solution_area,
        f.opened_on,
        f.target_start_on,
        f.backfill_for,
        f.profile,
        status.key(),
        closed_on,
        status_reason,
        now
    ])?;
    Ok(RequisitionId(conn.last_insert_rowid()))
}

pub fn update(
    conn: &Connection,
    id: RequisitionId,
    fields: &RequisitionFields,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated(today)?;
    ensure_unique_opening(conn, &f.opening_id, Some(id))?;
    check_backfill(conn, &f)?;
    if let Some(closed) = before.closed_on
        && closed < f.opened_on
    {
        return Err(ValidationError::new(
            "opened",
            format!("{} is after the requisition closed on {closed}", f.opened_on),
        )
        .into());
    }
    conn.prepare_cached(
        "UPDATE requisitions SET role = ?2, opening_id = ?3, level_id = ?4, solution_area_id = ?5, \
         opened_on = ?6, target_start_on = ?7, backfill_for = ?8, profile_id = ?9, updated_at = ?10 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.role,
        f.opening_id,
        f.level,
        f.solution_area,
        f.opened_on,
        f.target_start_on,
        f.backfill_for,
        f.profile,
        Utc::now().to_rfc3339()
    ])?;
    Ok(())
}

/// Puts a requisition on hold, cancels it (with a reason, closed on `on`) or opens it again.
/// Filling is the hire's (see `onboarding::hire`).
pub fn set_status(
    conn: &Connection,
    id: RequisitionId,
    status: RequisitionStatus,
    on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let before = get(conn, id)?;
    let reason = requisition::check_status_change(&before, status, on, reason, today)?;
    let closed_on = (status == RequisitionStatus::Cancelled).then_some(on);
    write_status(conn, id, status, closed_on, &reason)
}

/// Writes a status as it is (undo, and the hire that fills a requisition).
pub(super) fn write_status(
    conn: &Connection,
    id: RequisitionId,
    status: RequisitionStatus,
    closed_on: Option<NaiveDate>,
    reason: &str,
) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached(
            "UPDATE requisitions SET status = ?2, closed_on = ?3, status_reason = ?4, updated_at = ?5 WHERE id = ?1",
        )?
        .execute(params![id, status.key(), closed_on, reason, Utc::now().to_rfc3339()])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("requisition #{id}")));
    }
    Ok(())
}

/// Puts back a status exactly as it was (undo of a status change).
pub fn restore_status(conn: &Connection, before: &Requisition) -> Result<(), StoreError> {
    if before.status == RequisitionStatus::Filled {
        return Err(StoreError::Unsupported("a filled requisition is changed only by its hire".into()));
    }
    write_status(conn, before.id, before.status, before.closed_on, &before.status_reason)
}

/// Deletes a requisition opened by mistake; refused while it has candidates.
pub fn delete(conn: &Connection, id: RequisitionId) -> Result<Requisition, StoreError> {
    let requisition = get(conn, id)?;
    let candidates: i64 = conn
        .prepare_cached("SELECT count(*) FROM candidates WHERE requisition_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if candidates > 0 {
        return Err(StoreError::InUse(format!(
            "{} has {}; cancel it instead (with a reason), or delete them first",
            requisition.title(),
            crate::model::words::plural(usize::try_from(candidates).unwrap_or(0), "candidate")
        )));
    }
    conn.prepare_cached("DELETE FROM requisitions WHERE id = ?1")?.execute([id])?;
    Ok(requisition)
}

/// Puts back a requisition deleted a moment ago (its undo), under its old id, with its
/// interview plan and slate reports as they were.
pub fn restore(
    conn: &Connection,
    requisition: &Requisition,
    steps: &[crate::model::interview::InterviewStep],
    slates: &[SlateReport],
) -> Result<(), StoreError> {
    let f = &requisition.fields;
    ensure_unique_opening(conn, &f.opening_id, Some(requisition.id))?;
    insert_row(
        conn,
        Some(requisition.id),
        f,
        requisition.status,
        requisition.closed_on,
        &requisition.status_reason,
    )?;
    for step in steps {
        super::interviews::restore_step(conn, step)?;
    }
    for report in slates {
        write_slate(conn, requisition.id, report)?;
    }
    Ok(())
}

/// A requisition's slate reports, in stage order.
pub fn slates_of(conn: &Connection, id: RequisitionId) -> Result<Vec<SlateReport>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT stage, reported_on, slate_size, slate_policy, panel_policy FROM slate_reports \
         WHERE requisition_id = ?1",
    )?;
    let mut rows: Vec<SlateReport> = stmt
        .query_map([id], |row| {
            Ok(SlateReport {
                stage: choice::<Stage>(row, 0)?,
                reported_on: row.get(1)?,
                slate_size: row.get(2)?,
                slate: choice::<PolicyAnswer>(row, 3)?,
                panel: choice::<PolicyAnswer>(row, 4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_by_key(|r| r.stage);
    Ok(rows)
}

/// Every slate report's day and answers, for the quarter figures.
pub fn slate_inputs(conn: &Connection) -> Result<Vec<SlateInput>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT reported_on, slate_policy, panel_policy FROM slate_reports")?;
    let rows = stmt
        .query_map([], |row| {
            Ok(SlateInput {
                reported_on: row.get(0)?,
                slate: choice::<PolicyAnswer>(row, 1)?,
                panel: choice::<PolicyAnswer>(row, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Records (or replaces) what the recruiter reported for one stage of a requisition.
pub fn set_slate(
    conn: &Connection,
    id: RequisitionId,
    report: &SlateReport,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let requisition = get(conn, id)?;
    let report = report.validated(today)?;
    if report.reported_on < requisition.fields.opened_on {
        return Err(ValidationError::new(
            "reported",
            format!("{} is before the opening date {}", report.reported_on, requisition.fields.opened_on),
        )
        .into());
    }
    write_slate(conn, id, &report)
}

/// Writes one stage's slate report row, replacing the stage's earlier one: for a new report and
/// for putting a deleted requisition's reports back.
fn write_slate(conn: &Connection, id: RequisitionId, report: &SlateReport) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO slate_reports (requisition_id, stage, reported_on, slate_size, slate_policy, panel_policy) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (requisition_id, stage) DO UPDATE SET \
         reported_on = excluded.reported_on, slate_size = excluded.slate_size, \
         slate_policy = excluded.slate_policy, panel_policy = excluded.panel_policy",
    )?
    .execute(params![
        id,
        report.stage.key(),
        report.reported_on,
        report.slate_size,
        report.slate.key(),
        report.panel.key()
    ])?;
    Ok(())
}

/// Removes a stage's slate report (undo of a first report).
pub fn remove_slate(conn: &Connection, id: RequisitionId, stage: Stage) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM slate_reports WHERE requisition_id = ?1 AND stage = ?2")?
        .execute(params![id, stage.key()])?;
    Ok(())
}
