//! Development-plan goals and their dated progress history; the "stalled after N days" setting.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::architects::{self, choice};
use super::{StoreError, settings};
use crate::model::architect::Choice as _;
use crate::model::goal::{
    self, DEFAULT_STALLED_DAYS, Goal, GoalFieldError, GoalFields, GoalKind, GoalStatus, ProgressPoint,
};
use crate::model::{ArchitectId, GoalId, ValidationError};

/// Settings key: days without progress after which an open goal is stalled.
pub const STALLED_DAYS_KEY: &str = "stalled_days";
pub use crate::model::goal::STALLED_DAYS_MAX;

impl From<GoalFieldError> for StoreError {
    fn from(error: GoalFieldError) -> Self {
        match error {
            GoalFieldError::Text(error) => Self::Invalid(error),
            GoalFieldError::Rule(error) => Self::Goal(error),
        }
    }
}

const COLUMNS: &str =
    "id, architect_id, created_on, kind, description, target_on, status, progress_pct, evidence, cert_id";

fn row_to_goal(row: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        architect: row.get(1)?,
        created_on: row.get(2)?,
        fields: GoalFields {
            kind: choice::<GoalKind>(row, 3)?,
            description: row.get(4)?,
            target_on: row.get(5)?,
            status: choice::<GoalStatus>(row, 6)?,
            progress_pct: row.get(7)?,
            evidence: row.get(8)?,
            cert: row.get(9)?,
        },
    })
}

/// Every goal of every architect: open ones first, then by target date (none last), then as
/// added.
pub fn list(conn: &Connection) -> Result<Vec<Goal>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM goals ORDER BY architect_id, status IN ('done', 'dropped'), \
         target_on IS NULL, target_on, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let goals = stmt.query_map([], row_to_goal)?.collect::<rusqlite::Result<_>>()?;
    Ok(goals)
}

/// One architect's goals, in the same order as [`list`].
pub fn list_of(conn: &Connection, architect: ArchitectId) -> Result<Vec<Goal>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM goals WHERE architect_id = ?1 ORDER BY status IN ('done', 'dropped'), \
         target_on IS NULL, target_on, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let goals = stmt.query_map([architect], row_to_goal)?.collect::<rusqlite::Result<_>>()?;
    Ok(goals)
}

pub fn get(conn: &Connection, id: GoalId) -> Result<Goal, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM goals WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_goal)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("goal #{id}")))
}

/// Every goal's progress history, oldest first (two points on one day in the order recorded).
pub fn history(conn: &Connection) -> Result<HashMap<GoalId, Vec<ProgressPoint>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT goal_id, recorded_on, progress_pct FROM goal_progress ORDER BY goal_id, recorded_on, id",
    )?;
    let mut by_goal: HashMap<GoalId, Vec<ProgressPoint>> = HashMap::new();
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, GoalId>(0)?, ProgressPoint { on: row.get(1)?, progress_pct: row.get(2)? }))
    })?;
    for row in rows {
        let (goal, point) = row?;
        by_goal.entry(goal).or_default().push(point);
    }
    Ok(by_goal)
}

/// The progress history of one architect's goals, as [`history`] gives it.
pub fn history_of(
    conn: &Connection,
    architect: ArchitectId,
) -> Result<HashMap<GoalId, Vec<ProgressPoint>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.goal_id, p.recorded_on, p.progress_pct FROM goal_progress p \
         JOIN goals g ON g.id = p.goal_id WHERE g.architect_id = ?1 ORDER BY p.goal_id, p.recorded_on, p.id",
    )?;
    let mut by_goal: HashMap<GoalId, Vec<ProgressPoint>> = HashMap::new();
    let rows = stmt.query_map([architect], |row| {
        Ok((row.get::<_, GoalId>(0)?, ProgressPoint { on: row.get(1)?, progress_pct: row.get(2)? }))
    })?;
    for row in rows {
        let (goal, point) = row?;
        by_goal.entry(goal).or_default().push(point);
    }
    Ok(by_goal)
}

/// Adds a goal created on `created_on` (today, except for imported or demo data). A goal that
/// starts with some progress gets its first history point on that day.
pub fn insert(
    conn: &Connection,
    architect: ArchitectId,
    fields: &GoalFields,
    created_on: NaiveDate,
    today: NaiveDate,
) -> Result<GoalId, StoreError> {
    if created_on > today {
        return Err(ValidationError::new("created", format!("{created_on} is in the future")).into());
    }
    let f = fields.validated(created_on)?;
    architects::get(conn, architect)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO goals (architect_id, kind, description, created_on, target_on, status, progress_pct, \
         evidence, cert_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        architect,
        f.kind.key(),
        f.description,
        created_on,
        f.target_on,
        f.status.key(),
        f.progress_pct,
        f.evidence,
        f.cert,
        now
    ])?;
    let id = GoalId(conn.last_insert_rowid());
    if f.progress_pct > 0 {
        insert_point(conn, id, created_on, f.progress_pct)?;
    }
    index(conn, id, architect, created_on, &f)?;
    Ok(id)
}

/// Keeps the global search in step: a goal is found by its description and evidence.
fn index(
    conn: &Connection,
    id: GoalId,
    architect: ArchitectId,
    created_on: NaiveDate,
    fields: &GoalFields,
) -> Result<(), StoreError> {
    let text = format!("{} {}", fields.description, fields.evidence);
    super::search::index_goal(conn, id.0, architect, created_on, text.trim())
}

/// Replaces a goal's fields. A changed progress is recorded in the history, dated `today`.
pub fn update(
    conn: &Connection,
    id: GoalId,
    fields: &GoalFields,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated(before.created_on)?;
    conn.prepare_cached(
        "UPDATE goals SET kind = ?2, description = ?3, target_on = ?4, status = ?5, progress_pct = ?6, \
         evidence = ?7, cert_id = ?8, updated_at = ?9 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.kind.key(),
        f.description,
        f.target_on,
        f.status.key(),
        f.progress_pct,
        f.evidence,
        f.cert,
        Utc::now().to_rfc3339()
    ])?;
    if f.progress_pct != before.fields.progress_pct {
        upsert_point(conn, id, today, f.progress_pct)?;
    }
    index(conn, id, before.architect, before.created_on, &f)
}

/// Completes the open goals of `architect` that name `cert`, as of `on` (the day it was
/// earned): recording the certification is the goal's evidence. Returns their descriptions.
pub fn complete_for_cert(
    conn: &Connection,
    architect: ArchitectId,
    cert: crate::model::CertId,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<String>, StoreError> {
    let mut done = Vec::new();
    for goal in list_of(conn, architect)? {
        if goal.fields.cert == Some(cert) && crate::model::goal::is_open(goal.fields.status) {
            // Earned before the goal was written down: it is done from the day it was.
            let on = on.max(goal.created_on);
            record_progress(conn, goal.id, i64::from(crate::model::goal::PROGRESS_MAX_PCT), on, today)?;
            done.push(goal.fields.description);
        }
    }
    Ok(done)
}

/// What recording progress did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressChange {
    pub before_pct: u8,
    pub after_pct: u8,
    pub status: GoalStatus,
}

/// Records the goal's progress as `progress_pct` on `on`, keeping one history point per day (a
/// slider nudged five times in one afternoon is one change), and moves the status with it
/// ([`goal::status_for_progress`]). The same percentage again is not progress and records
/// nothing, so it cannot hide a stalled goal.
pub fn record_progress(
    conn: &Connection,
    id: GoalId,
    progress_pct: i64,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<ProgressChange, StoreError> {
    let pct = goal::validate_progress(progress_pct)?;
    let before = get(conn, id)?;
    goal::validate_progress_date(before.created_on, on, today)?;
    let before_pct = before.fields.progress_pct;
    if pct != before_pct {
        upsert_point(conn, id, on, pct)?;
    }
    // The goal shows its latest point, which a back-dated entry does not change.
    let latest: u8 = conn
        .prepare_cached(
            "SELECT progress_pct FROM goal_progress WHERE goal_id = ?1 ORDER BY recorded_on DESC, id DESC LIMIT 1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or(before_pct);
    let status = goal::status_for_progress(before.fields.status, latest, true);
    conn.prepare_cached("UPDATE goals SET progress_pct = ?2, status = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![id, latest, status.key(), Utc::now().to_rfc3339()])?;
    Ok(ProgressChange { before_pct, after_pct: latest, status })
}

/// Replaces the point of the same day if it is the latest one, otherwise adds a point.
fn upsert_point(conn: &Connection, id: GoalId, on: NaiveDate, pct: u8) -> Result<(), StoreError> {
    let latest: Option<(i64, NaiveDate)> = conn
        .prepare_cached(
            "SELECT id, recorded_on FROM goal_progress WHERE goal_id = ?1 ORDER BY recorded_on DESC, id DESC LIMIT 1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match latest {
        Some((point, recorded_on)) if recorded_on == on => {
            conn.prepare_cached("UPDATE goal_progress SET progress_pct = ?2 WHERE id = ?1")?
                .execute(params![point, pct])?;
            Ok(())
        }
        _ => insert_point(conn, id, on, pct),
    }
}

fn insert_point(conn: &Connection, id: GoalId, on: NaiveDate, pct: u8) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO goal_progress (goal_id, recorded_on, progress_pct) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, on, pct])?;
    Ok(())
}

/// Deletes a goal and its history.
pub fn delete(conn: &Connection, id: GoalId) -> Result<Goal, StoreError> {
    let goal = get(conn, id)?;
    super::search::unindex_goal(conn, id.0, goal.created_on)?;
    conn.prepare_cached("DELETE FROM goals WHERE id = ?1")?.execute([id])?;
    Ok(goal)
}

/// Puts a goal back exactly as it was, under its id: its fields and its progress history (undo of
/// a delete, an edit or recorded progress). It was in the database a moment ago, so it is not
/// validated again: a goal "done at 80 %" stays so. Meetings that reviewed it still name its id,
/// so they find it again.
pub fn restore(conn: &Connection, goal: &Goal, history: &[ProgressPoint]) -> Result<(), StoreError> {
    let f = &goal.fields;
    architects::get(conn, goal.architect)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO goals (id, architect_id, kind, description, created_on, target_on, status, progress_pct, \
         evidence, cert_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, description = excluded.description, \
         target_on = excluded.target_on, status = excluded.status, progress_pct = excluded.progress_pct, \
         evidence = excluded.evidence, cert_id = excluded.cert_id, updated_at = excluded.updated_at",
    )?
    .execute(params![
        goal.id,
        goal.architect,
        f.kind.key(),
        f.description,
        goal.created_on,
        f.target_on,
        f.status.key(),
        f.progress_pct,
        f.evidence,
        f.cert,
        now
    ])?;
    conn.prepare_cached("DELETE FROM goal_progress WHERE goal_id = ?1")?.execute([goal.id])?;
    for point in history {
        insert_point(conn, goal.id, point.on, point.progress_pct)?;
    }
    index(conn, goal.id, goal.architect, goal.created_on, f)
}

/// The stalled threshold in days; the default when unset or unreadable (a hand-edited value
/// must not stop the app from drawing).
pub fn stalled_days(conn: &Connection) -> Result<u32, StoreError> {
    let value = settings::get(conn, STALLED_DAYS_KEY)?;
    Ok(value
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|days| (1..=STALLED_DAYS_MAX).contains(days))
        .unwrap_or(DEFAULT_STALLED_DAYS))
}

pub fn set_stalled_days(conn: &Connection, days: i64) -> Result<u32, StoreError> {
    let days = u32::try_from(days).ok().filter(|d| (1..=STALLED_DAYS_MAX).contains(d)).ok_or_else(|| {
        ValidationError::new("stalled after", format!("{days} days is outside 1-{STALLED_DAYS_MAX}"))
    })?;
    settings::set(conn, STALLED_DAYS_KEY, &days.to_string())?;
    Ok(days)
}
