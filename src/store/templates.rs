//! Talking-point templates: the short list (career, customers, ...) the manager adds to an
//! agenda with one click, and edits.

use rusqlite::{Connection, params};

use super::StoreError;
use crate::model::ValidationError;
use crate::model::ids::TemplateId;
use crate::model::one_on_one::{Template, validate_template};

pub fn list(conn: &Connection) -> Result<Vec<Template>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, prompt FROM talking_point_templates ORDER BY position, id")?;
    let templates = stmt
        .query_map([], |r| Ok(Template { id: r.get(0)?, name: r.get(1)?, prompt: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(templates)
}

fn ensure_unique(conn: &Connection, name: &str, except: Option<TemplateId>) -> Result<(), StoreError> {
    let clashes: i64 = conn.query_row(
        "SELECT count(*) FROM talking_point_templates WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
        params![name, except],
        |r| r.get(0),
    )?;
    if clashes > 0 {
        return Err(ValidationError::new(
            "template name",
            format!("there is already a template called “{name}”"),
        )
        .into());
    }
    Ok(())
}

pub fn add(conn: &Connection, name: &str, prompt: &str) -> Result<TemplateId, StoreError> {
    let (name, prompt) = validate_template(name, prompt)?;
    ensure_unique(conn, &name, None)?;
    conn.execute(
        "INSERT INTO talking_point_templates (name, prompt, position) \
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM talking_point_templates))",
        params![name, prompt],
    )?;
    Ok(TemplateId(conn.last_insert_rowid()))
}

pub fn update(conn: &Connection, id: TemplateId, name: &str, prompt: &str) -> Result<(), StoreError> {
    let (name, prompt) = validate_template(name, prompt)?;
    ensure_unique(conn, &name, Some(id))?;
    let changed = conn.execute(
        "UPDATE talking_point_templates SET name = ?2, prompt = ?3 WHERE id = ?1",
        params![id, name, prompt],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound("that template".into()));
    }
    Ok(())
}

/// Deleting a template never touches talking points made from it: they keep their words.
pub fn delete(conn: &Connection, id: TemplateId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM talking_point_templates WHERE id = ?1", [id])?;
    Ok(())
}

/// Moves a template one place up or down.
pub fn move_template(conn: &Connection, id: TemplateId, up: bool) -> Result<(), StoreError> {
    let mut ids: Vec<TemplateId> = list(conn)?.iter().map(|t| t.id).collect();
    let Some(index) = ids.iter().position(|&i| i == id) else {
        return Err(StoreError::NotFound("that template".into()));
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    let Some(other) = other.filter(|&o| o < ids.len()) else { return Ok(()) };
    ids.swap(index, other);
    let mut stmt = conn.prepare_cached("UPDATE talking_point_templates SET position = ?1 WHERE id = ?2")?;
    for (position, id) in (1_i64..).zip(&ids) {
        stmt.execute(params![position, id])?;
    }
    Ok(())
}
