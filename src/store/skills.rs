//! The skills matrix: the editable competency list, each architect's current and target level
//! per competency, and the dated history of every change.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::{StoreError, architects};
use crate::model::skills::{self, Competency, SkillLevel};
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::{ArchitectId, CompetencyId, ValidationError};

fn row_to_competency(row: &Row<'_>) -> rusqlite::Result<Competency> {
    Ok(Competency { id: row.get(0)?, name: row.get(1)?, position: row.get(2)? })
}

pub fn competencies(conn: &Connection) -> Result<Vec<Competency>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, position FROM competencies ORDER BY position, id")?;
    let items = stmt.query_map([], row_to_competency)?.collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

fn competency(conn: &Connection, id: CompetencyId) -> Result<Competency, StoreError> {
    conn.prepare_cached("SELECT id, name, position FROM competencies WHERE id = ?1")?
        .query_row([id], row_to_competency)
        .optional()?
        .ok_or_else(|| StoreError::NotFound("that competency".into()))
}

/// How many architects have a rating in each competency: what deleting it would remove.
pub fn competency_users(conn: &Connection) -> Result<HashMap<CompetencyId, usize>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT competency_id, count(*) FROM skill_levels GROUP BY competency_id")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, CompetencyId>(0)?, row.get::<_, i64>(1)?)))?;
    let mut users = HashMap::new();
    for row in rows {
        let (id, count) = row?;
        users.insert(id, usize::try_from(count).unwrap_or(0));
    }
    Ok(users)
}

fn ensure_unique(conn: &Connection, name: &str, except: Option<CompetencyId>) -> Result<(), StoreError> {
    let clashes: i64 = conn.query_row(
        "SELECT count(*) FROM competencies WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
        params![name, except],
        |r| r.get(0),
    )?;
    if clashes > 0 {
        return Err(
            ValidationError::new("name", format!("there is already a competency called “{name}”")).into()
        );
    }
    Ok(())
}

pub fn add_competency(conn: &Connection, name: &str) -> Result<CompetencyId, StoreError> {
    let name = text::required("name", name, NAME_MAX_CHARS)?;
    ensure_unique(conn, &name, None)?;
    conn.execute(
        "INSERT INTO competencies (name, position) \
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM competencies))",
        [&name],
    )?;
    Ok(CompetencyId(conn.last_insert_rowid()))
}

pub fn rename_competency(conn: &Connection, id: CompetencyId, name: &str) -> Result<(), StoreError> {
    let name = text::required("name", name, NAME_MAX_CHARS)?;
    competency(conn, id)?;
    ensure_unique(conn, &name, Some(id))?;
    conn.execute("UPDATE competencies SET name = ?1 WHERE id = ?2", params![name, id])?;
    Ok(())
}

/// Moves a competency one place up or down: the column order of the heat-map.
pub fn move_competency(conn: &Connection, id: CompetencyId, up: bool) -> Result<(), StoreError> {
    let mut ids: Vec<CompetencyId> = competencies(conn)?.iter().map(|c| c.id).collect();
    let Some(index) = ids.iter().position(|&i| i == id) else {
        return Err(StoreError::NotFound("that competency".into()));
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    let Some(other) = other.filter(|&o| o < ids.len()) else {
        return Ok(());
    };
    ids.swap(index, other);
    let mut stmt = conn.prepare_cached("UPDATE competencies SET position = ?1 WHERE id = ?2")?;
    for (position, id) in (1_i64..).zip(&ids) {
        stmt.execute(params![position, id])?;
    }
    Ok(())
}

/// Deletes a competency with every rating and history in it. The app asks first, saying how
/// many architects' ratings go; returns the competency and that count.
pub fn delete_competency(
    conn: &Connection,
    id: CompetencyId,
) -> Result<(Competency, usize, super::cascade::Removed), StoreError> {
    let competency = competency(conn, id)?;
    let ratings = competency_users(conn)?.get(&id).copied().unwrap_or(0);
    let removed = super::cascade::capture(conn, "competencies", id.0)?;
    conn.execute("DELETE FROM competencies WHERE id = ?1", [id])?;
    Ok((competency, ratings, removed))
}

fn row_to_level(row: &Row<'_>) -> rusqlite::Result<SkillLevel> {
    Ok(SkillLevel {
        architect: row.get(0)?,
        competency: row.get(1)?,
        current: row.get(2)?,
        target: row.get(3)?,
        changed_on: row.get(4)?,
    })
}

/// Every rating of every architect.
pub fn levels(conn: &Connection) -> Result<Vec<SkillLevel>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, competency_id, current_level, target_level, changed_on FROM skill_levels \
         ORDER BY architect_id, competency_id",
    )?;
    let levels = stmt.query_map([], row_to_level)?.collect::<rusqlite::Result<_>>()?;
    Ok(levels)
}

/// One architect's ratings.
pub fn levels_of(conn: &Connection, architect: ArchitectId) -> Result<Vec<SkillLevel>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, competency_id, current_level, target_level, changed_on FROM skill_levels \
         WHERE architect_id = ?1 ORDER BY competency_id",
    )?;
    let levels = stmt.query_map([architect], row_to_level)?.collect::<rusqlite::Result<_>>()?;
    Ok(levels)
}

/// One dated change of a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillChange {
    pub competency: CompetencyId,
    pub changed_on: NaiveDate,
    pub current: u8,
    pub target: u8,
}

/// Every architect's rating history, oldest first.
pub fn history(conn: &Connection) -> Result<HashMap<ArchitectId, Vec<SkillChange>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.architect_id, l.competency_id, h.changed_on, h.current_level, h.target_level \
         FROM skill_history h JOIN skill_levels l ON l.id = h.skill_level_id ORDER BY h.changed_on, h.id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, ArchitectId>(0)?,
            SkillChange {
                competency: row.get(1)?,
                changed_on: row.get(2)?,
                current: row.get(3)?,
                target: row.get(4)?,
            },
        ))
    })?;
    let mut by_architect: HashMap<ArchitectId, Vec<SkillChange>> = HashMap::new();
    for row in rows {
        let (architect, change) = row?;
        by_architect.entry(architect).or_default().push(change);
    }
    Ok(by_architect)
}

/// One architect's rating history, oldest first.
pub fn history_of(conn: &Connection, architect: ArchitectId) -> Result<Vec<SkillChange>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.competency_id, h.changed_on, h.current_level, h.target_level \
         FROM skill_history h JOIN skill_levels l ON l.id = h.skill_level_id \
         WHERE l.architect_id = ?1 ORDER BY h.changed_on, h.id",
    )?;
    let changes = stmt
        .query_map([architect], |row| {
            Ok(SkillChange {
                competency: row.get(0)?,
                changed_on: row.get(1)?,
                current: row.get(2)?,
                target: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(changes)
}

/// What setting a level did: `None` before means the competency was not rated yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChange {
    pub before: Option<(u8, u8)>,
    pub after: (u8, u8),
}

/// Sets an architect's current and target level in a competency on `on`, recording the change
/// in the history (one entry per day: several clicks in one session are one change). Setting
/// the levels it already has records nothing.
pub fn set_level(
    conn: &Connection,
    architect: ArchitectId,
    competency_id: CompetencyId,
    current: i64,
    target: i64,
    on: NaiveDate,
) -> Result<LevelChange, StoreError> {
    let (current, target) = skills::validate_levels(current, target)?;
    architects::get(conn, architect)?;
    competency(conn, competency_id)?;
    let existing: Option<(i64, u8, u8)> = conn
        .prepare_cached(
            "SELECT id, current_level, target_level FROM skill_levels \
             WHERE architect_id = ?1 AND competency_id = ?2",
        )?
        .query_row(params![architect, competency_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let before = existing.map(|(_, c, t)| (c, t));
    if before == Some((current, target)) {
        return Ok(LevelChange { before, after: (current, target) });
    }
    let level_id = if let Some((id, _, _)) = existing {
        conn.prepare_cached(
            "UPDATE skill_levels SET current_level = ?2, target_level = ?3, changed_on = ?4 WHERE id = ?1",
        )?
        .execute(params![id, current, target, on])?;
        id
    } else {
        conn.prepare_cached(
            "INSERT INTO skill_levels (architect_id, competency_id, current_level, target_level, changed_on) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![architect, competency_id, current, target, on])?;
        conn.last_insert_rowid()
    };
    let same_day: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM skill_history WHERE skill_level_id = ?1 AND changed_on = ?2 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![level_id, on], |r| r.get(0))
        .optional()?;
    match same_day {
        Some(entry) => conn
            .prepare_cached("UPDATE skill_history SET current_level = ?2, target_level = ?3 WHERE id = ?1")?
            .execute(params![entry, current, target])?,
        None => conn
            .prepare_cached(
                "INSERT INTO skill_history (skill_level_id, changed_on, current_level, target_level) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![level_id, on, current, target])?,
    };
    Ok(LevelChange { before, after: (current, target) })
}

/// Puts an architect's rating in a competency back exactly as it was, with its dated history
/// (undo of a level click): `None` means it was not rated, so the rating goes; `history` is the
/// rating's changes, oldest first. Undoing through
/// [`set_level`] instead would date the old levels today and add a change that never happened.
pub fn restore_level(
    conn: &Connection,
    architect: ArchitectId,
    competency_id: CompetencyId,
    level: Option<&SkillLevel>,
    history: &[SkillChange],
) -> Result<(), StoreError> {
    architects::get(conn, architect)?;
    competency(conn, competency_id)?;
    let Some(level) = level else {
        conn.prepare_cached("DELETE FROM skill_levels WHERE architect_id = ?1 AND competency_id = ?2")?
            .execute(params![architect, competency_id])?;
        return Ok(());
    };
    let level_id: i64 = conn
        .prepare_cached(
            "INSERT INTO skill_levels (architect_id, competency_id, current_level, target_level, changed_on) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (architect_id, competency_id) DO UPDATE SET \
             current_level = excluded.current_level, target_level = excluded.target_level, \
             changed_on = excluded.changed_on RETURNING id",
        )?
        .query_row(params![architect, competency_id, level.current, level.target, level.changed_on], |r| {
            r.get(0)
        })?;
    conn.prepare_cached("DELETE FROM skill_history WHERE skill_level_id = ?1")?.execute([level_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO skill_history (skill_level_id, changed_on, current_level, target_level) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for change in history {
        insert.execute(params![level_id, change.changed_on, change.current, change.target])?;
    }
    Ok(())
}
