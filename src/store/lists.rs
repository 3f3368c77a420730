//! Career levels and solution areas: small ordered lists the roster refers to.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::StoreError;
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::words::plural;
use crate::model::{DeletedListItem, ListItem, ListItemId, ListKind};

fn row_to_item(row: &Row<'_>) -> rusqlite::Result<ListItem> {
    Ok(ListItem { id: row.get(0)?, name: row.get(1)?, position: row.get(2)? })
}

pub fn list(conn: &Connection, kind: ListKind) -> Result<Vec<ListItem>, StoreError> {
    let sql = format!("SELECT id, name, position FROM {} ORDER BY position, id", kind.table());
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt.query_map([], row_to_item)?.collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

pub fn add(conn: &Connection, kind: ListKind, name: &str) -> Result<ListItemId, StoreError> {
    let name = text::required("name", name, NAME_MAX_CHARS)?;
    ensure_unique(conn, kind, &name, None)?;
    let sql = format!(
        "INSERT INTO {0} (name, position) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM {0}))",
        kind.table()
    );
    conn.execute(&sql, [&name])?;
    Ok(ListItemId(conn.last_insert_rowid()))
}

pub fn rename(conn: &Connection, kind: ListKind, id: ListItemId, name: &str) -> Result<(), StoreError> {
    let name = text::required("name", name, NAME_MAX_CHARS)?;
    ensure_unique(conn, kind, &name, Some(id))?;
    let sql = format!("UPDATE {} SET name = ?1 WHERE id = ?2", kind.table());
    if conn.execute(&sql, params![name, id])? == 0 {
        return Err(StoreError::NotFound(format!("that {}", kind.singular())));
    }
    Ok(())
}

/// Moves an item one place up or down the list.
pub fn move_item(conn: &Connection, kind: ListKind, id: ListItemId, up: bool) -> Result<(), StoreError> {
    let mut ids: Vec<ListItemId> = list(conn, kind)?.iter().map(|i| i.id).collect();
    let Some(index) = ids.iter().position(|&i| i == id) else {
        return Err(StoreError::NotFound(format!("that {}", kind.singular())));
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    let Some(other) = other.filter(|&o| o < ids.len()) else {
        return Ok(());
    };
    ids.swap(index, other);
    let sql = format!("UPDATE {} SET position = ?1 WHERE id = ?2", kind.table());
    let mut stmt = conn.prepare_cached(&sql)?;
    for (position, id) in (1_i64..).zip(&ids) {
        stmt.execute(params![position, id])?;
    }
    Ok(())
}

/// Names of the architects using an item, so a refusal to delete can say who.
pub fn users(conn: &Connection, kind: ListKind, id: ListItemId) -> Result<Vec<String>, StoreError> {
    let sql = match kind {
        ListKind::CareerLevel => {
            "SELECT name FROM architects WHERE level_id = ?1 OR target_level_id = ?1 ORDER BY name"
        }
        ListKind::SolutionArea => "SELECT name FROM architects WHERE solution_area_id = ?1 ORDER BY name",
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let names = stmt.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Titles of the opportunities in a solution area (a level has none).
fn opportunities_in(conn: &Connection, kind: ListKind, id: ListItemId) -> Result<Vec<String>, StoreError> {
    if kind != ListKind::SolutionArea {
        return Ok(Vec::new());
    }
    let mut stmt =
        conn.prepare_cached("SELECT title FROM opportunities WHERE solution_area_id = ?1 ORDER BY title")?;
    let titles = stmt.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(titles)
}

/// Deletes an entry no architect or opportunity uses; the requisitions that named it keep
/// none, and what is returned lets [`restore`] put it all back.
pub fn delete(conn: &Connection, kind: ListKind, id: ListItemId) -> Result<DeletedListItem, StoreError> {
    let sql = format!("SELECT id, name, position FROM {} WHERE id = ?1", kind.table());
    let item = conn
        .query_row(&sql, [id], row_to_item)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("that {}", kind.singular())))?;
    let users = users(conn, kind, id)?;
    if !users.is_empty() {
        return Err(StoreError::InUse(format!(
            "“{}” is used by {}: {}. Change their profile first.",
            item.name,
            plural(users.len(), "architect"),
            users.join(", ")
        )));
    }
    let opportunities = opportunities_in(conn, kind, id)?;
    if !opportunities.is_empty() {
        return Err(StoreError::InUse(format!(
            "“{}” is the solution area of {}: {}. Change it on the Business screen first.",
            item.name,
            plural(opportunities.len(), "opportunity"),
            opportunities.join(", ")
        )));
    }
    let column = requisition_column(kind);
    let mut stmt =
        conn.prepare_cached(&format!("SELECT id FROM requisitions WHERE {column} = ?1 ORDER BY id"))?;
    let requisitions = stmt.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    conn.execute(&format!("DELETE FROM {} WHERE id = ?1", kind.table()), [id])?;
    Ok(DeletedListItem { kind, item, requisitions })
}

/// Puts a deleted entry back under its id, at its place in the list, and on the requisitions
/// that lost it (those that have not been given another entry since).
pub fn restore(conn: &Connection, deleted: &DeletedListItem) -> Result<(), StoreError> {
    let DeletedListItem { kind, item, requisitions } = deleted;
    let name = text::required("name", &item.name, NAME_MAX_CHARS)?;
    ensure_unique(conn, *kind, &name, None)?;
    let table = kind.table();
    conn.execute(
        &format!("UPDATE {table} SET position = position + 1 WHERE position >= ?1"),
        [item.position],
    )?;
    conn.execute(
        &format!("INSERT INTO {table} (id, name, position) VALUES (?1, ?2, ?3)"),
        params![item.id, name, item.position],
    )?;
    let column = requisition_column(*kind);
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE requisitions SET {column} = ?1 WHERE id = ?2 AND {column} IS NULL"
    ))?;
    for requisition in requisitions {
        stmt.execute(params![item.id, requisition])?;
    }
    Ok(())
}

fn requisition_column(kind: ListKind) -> &'static str {
    match kind {
        ListKind::CareerLevel => "level_id",
        ListKind::SolutionArea => "solution_area_id",
    }
}

fn ensure_unique(
    conn: &Connection,
    kind: ListKind,
    name: &str,
    except: Option<ListItemId>,
) -> Result<(), StoreError> {
    let sql =
        format!("SELECT count(*) FROM {} WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2", kind.table());
    let clashes: i64 = conn.query_row(&sql, params![name, except], |r| r.get(0))?;
    if clashes > 0 {
        return Err(crate::model::ValidationError::new(
            "name",
            format!("there is already a {} called “{name}”", kind.singular()),
        )
        .into());
    }
    Ok(())
}
