//! Architects: the roster.

use chrono::{NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use crate::model::architect::Choice;
use crate::model::{Architect, ArchitectFields, ArchitectId, Cadence, Readiness, Status};

/// `accounts` is read from the account records the architect is assigned to (one per line).
fn columns() -> String {
    format!(
        "id, name, title, email, level_id, solution_area_id, started_on, {} AS accounts, cadence, \
         aspiration, target_level_id, readiness, readiness_assessed_on, readiness_evidence, status",
        super::accounts::ACCOUNTS_TEXT_SQL
    )
}

pub(super) fn choice<T: Choice>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let key: String = row.get(index)?;
    T::from_key(&key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            Type::Text,
            format!("unknown value {key:?}; expected one of {}", T::keys()).into(),
        )
    })
}

fn row_to_architect(row: &Row<'_>) -> rusqlite::Result<Architect> {
    Ok(Architect {
        id: row.get(0)?,
        fields: ArchitectFields {
            name: row.get(1)?,
            title: row.get(2)?,
            email: row.get(3)?,
            level: row.get(4)?,
            solution_area: row.get(5)?,
            started_on: row.get(6)?,
            accounts: row.get(7)?,
            cadence: choice::<Cadence>(row, 8)?,
            aspiration: row.get(9)?,
            target_level: row.get(10)?,
            readiness: choice::<Readiness>(row, 11)?,
            readiness_assessed_on: row.get(12)?,
            readiness_evidence: row.get(13)?,
            status: choice::<Status>(row, 14)?,
        },
    })
}

/// Every architect, including those who left, by name.
pub fn list(conn: &Connection) -> Result<Vec<Architect>, StoreError> {
    let sql = format!("SELECT {} FROM architects ORDER BY name COLLATE NOCASE, id", columns());
    let mut stmt = conn.prepare_cached(&sql)?;
    let architects = stmt.query_map([], row_to_architect)?.collect::<rusqlite::Result<_>>()?;
    Ok(architects)
}

pub fn get(conn: &Connection, id: ArchitectId) -> Result<Architect, StoreError> {
    let sql = format!("SELECT {} FROM architects WHERE id = ?1", columns());
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_architect)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("architect #{id}")))
}

/// Adds an architect after validating every field.
pub fn insert(
    conn: &Connection,
    fields: &ArchitectFields,
    today: NaiveDate,
) -> Result<ArchitectId, StoreError> {
    let f = fields.validated(today)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO architects (name, title, email, level_id, solution_area_id, started_on, \
         cadence, aspiration, target_level_id, readiness, readiness_assessed_on, readiness_evidence, status, \
         created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )?
    .execute(params![
        f.name,
        f.title,
        f.email,
        f.level,
        f.solution_area,
        f.started_on,
        f.cadence.key(),
        f.aspiration,
        f.target_level,
        f.readiness.key(),
        f.readiness_assessed_on,
        f.readiness_evidence,
        f.status.key(),
        now,
    ])?;
    let id = ArchitectId(conn.last_insert_rowid());
    super::accounts::assign_from_text(conn, id, &f.accounts)?;
    Ok(id)
}

/// Replaces an architect's fields after validating them.
pub fn update(
    conn: &Connection,
    id: ArchitectId,
    fields: &ArchitectFields,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let f = fields.validated(today)?;
    let changed = conn
        .prepare_cached(
            "UPDATE architects SET name = ?2, title = ?3, email = ?4, level_id = ?5, solution_area_id = ?6, \
             started_on = ?7, cadence = ?8, aspiration = ?9, target_level_id = ?10, \
             readiness = ?11, readiness_assessed_on = ?12, readiness_evidence = ?13, status = ?14, \
             updated_at = ?15 WHERE id = ?1",
        )?
        .execute(params![
            id,
            f.name,
            f.title,
            f.email,
            f.level,
            f.solution_area,
            f.started_on,
            f.cadence.key(),
            f.aspiration,
            f.target_level,
            f.readiness.key(),
            f.readiness_assessed_on,
            f.readiness_evidence,
            f.status.key(),
            Utc::now().to_rfc3339(),
        ])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("architect #{id}")));
    }
    super::accounts::assign_from_text(conn, id, &f.accounts)
}

pub fn set_status(conn: &Connection, id: ArchitectId, status: Status) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached("UPDATE architects SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, status.key(), Utc::now().to_rfc3339()])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("architect #{id}")));
    }
    Ok(())
}

/// What refers to an architect, as (table, rows), found from the schema's foreign keys so
/// that tables added by later migrations are counted without changing this code.
pub fn references(conn: &Connection, id: ArchitectId) -> Result<Vec<(String, i64)>, StoreError> {
    let mut found = Vec::new();
    for table in super::check::table_names(conn)? {
        let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list(\"{table}\")"))?;
        let columns = stmt
            .query_map([], |row| Ok((row.get::<_, String>(2)?, row.get::<_, String>(3)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (parent, column) in columns {
            // The accounts an architect covers are part of their profile, deleted with it.
            if parent != "architects" || table == "account_architects" {
                continue;
            }
            let count: i64 = conn.query_row(
                &format!("SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = ?1"),
                [id],
                |r| r.get(0),
            )?;
            if count > 0 {
                found.push((table.clone(), count));
            }
        }
    }
    Ok(found)
}

/// Deletes an architect that nothing refers to; otherwise says what still does.
pub fn delete(conn: &Connection, id: ArchitectId) -> Result<(), StoreError> {
    let architect = get(conn, id)?;
    let refs = references(conn, id)?;
    if !refs.is_empty() {
        let what = refs
            .iter()
            .map(|(table, count)| format!("{count} {}", table.replace('_', " ")))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(StoreError::InUse(format!(
            "{} cannot be deleted: {what} refer to them. Mark them as left instead.",
            architect.name()
        )));
    }
    conn.prepare_cached("DELETE FROM architects WHERE id = ?1")?.execute([id])?;
    Ok(())
}
