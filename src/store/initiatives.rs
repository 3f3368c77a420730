//! Market initiatives with the accounts, architects and opportunities they involve, and their
//! events.

use std::collections::HashMap;

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
use crate::model::architect::Choice as _;
use crate::model::business::{
    EventFields, EventKind, Initiative, InitiativeEvent, InitiativeFields, InitiativeStatus,
};
use crate::model::{EventId, InitiativeId};

const COLUMNS: &str = "id, title, thesis, target, play, status, next_step, next_step_on";

fn row_to_initiative(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    Ok(Initiative {
        id: row.get(0)?,
        fields: InitiativeFields {
            title: row.get(1)?,
            thesis: row.get(2)?,
            target: row.get(3)?,
            play: row.get(4)?,
            status: choice::<InitiativeStatus>(row, 5)?,
            next_step: row.get(6)?,
            next_step_on: row.get(7)?,
            accounts: Vec::new(),
            architects: Vec::new(),
            opportunities: Vec::new(),
        },
    })
}

/// The three link tables: (table, column).
const LINKS: [(&str, &str); 3] = [
    ("initiative_accounts", "account_id"),
    ("initiative_architects", "architect_id"),
    ("initiative_opportunities", "opportunity_id"),
];

/// Every initiative by title, with its links.
pub fn list(conn: &Connection) -> Result<Vec<Initiative>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM initiatives ORDER BY title COLLATE NOCASE, id");
    let mut list: Vec<Initiative> =
        conn.prepare_cached(&sql)?.query_map([], row_to_initiative)?.collect::<rusqlite::Result<_>>()?;
    let mut links: [HashMap<InitiativeId, Vec<i64>>; 3] = Default::default();
    for (index, (table, column)) in LINKS.iter().enumerate() {
        let sql = format!("SELECT initiative_id, {column} FROM {table} ORDER BY {column}");
        let mut stmt = conn.prepare_cached(&sql)?;
        for pair in stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))? {
            let (initiative, id) = pair?;
            links[index].entry(initiative).or_default().push(id);
        }
    }
    for initiative in &mut list {
        fill_links(&mut initiative.fields, |index| links[index].remove(&initiative.id).unwrap_or_default());
    }
    Ok(list)
}

fn fill_links(fields: &mut InitiativeFields, mut ids: impl FnMut(usize) -> Vec<i64>) {
    fields.accounts = ids(0).into_iter().map(crate::model::AccountId).collect();
    fields.architects = ids(1).into_iter().map(crate::model::ArchitectId).collect();
    fields.opportunities = ids(2).into_iter().map(crate::model::OpportunityId).collect();
}

pub fn get(conn: &Connection, id: InitiativeId) -> Result<Initiative, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM initiatives WHERE id = ?1");
    let mut initiative = conn
        .prepare_cached(&sql)?
        .query_row([id], row_to_initiative)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("initiative #{id}")))?;
    let mut links: [Vec<i64>; 3] = Default::default();
    for (index, (table, column)) in LINKS.iter().enumerate() {
        let sql = format!("SELECT {column} FROM {table} WHERE initiative_id = ?1 ORDER BY {column}");
        links[index] =
            conn.prepare_cached(&sql)?.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    }
    fill_links(&mut initiative.fields, |index| std::mem::take(&mut links[index]));
    Ok(initiative)
}

fn write_links(conn: &Connection, id: InitiativeId, f: &InitiativeFields) -> Result<(), StoreError> {
    let ids: [Vec<i64>; 3] = [
        f.accounts.iter().map(|a| a.0).collect(),
        f.architects.iter().map(|a| a.0).collect(),
        f.opportunities.iter().map(|o| o.0).collect(),
    ];
    for ((table, column), ids) in LINKS.iter().zip(ids) {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE initiative_id = ?1"))?.execute([id])?;
        let parent = match *column {
            "account_id" => "accounts",
            "architect_id" => "architects",
            _ => "opportunities",
        };
        let mut exists =
            conn.prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {parent} WHERE id = ?1)"))?;
        let mut insert =
            conn.prepare_cached(&format!("INSERT INTO {table} (initiative_id, {column}) VALUES (?1, ?2)"))?;
        for linked in ids {
            if !exists.query_row([linked], |row| row.get::<_, bool>(0))? {
                let what = column.trim_end_matches("_id");
                return Err(StoreError::NotFound(format!("{what} #{linked}")));
            }
            insert.execute(params![id, linked])?;
        }
    }
    Ok(())
}

pub fn insert(conn: &Connection, fields: &InitiativeFields) -> Result<InitiativeId, StoreError> {
    insert_with_id(conn, None, fields)
}

fn insert_with_id(
    conn: &Connection,
    id: Option<InitiativeId>,
    fields: &InitiativeFields,
) -> Result<InitiativeId, StoreError> {
    let f = fields.validated()?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO initiatives (id, title, thesis, target, play, status, next_step, next_step_on, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![id, f.title, f.thesis, f.target, f.play, f.status.key(), f.next_step, f.next_step_on, now])?;
    let id = InitiativeId(conn.last_insert_rowid());
    write_links(conn, id, &f)?;
    Ok(id)
}

/// Replaces an initiative's fields and links; returns it as it was, for undo.
pub fn update(
    conn: &Connection,
    id: InitiativeId,
    fields: &InitiativeFields,
) -> Result<Initiative, StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated()?;
    conn.prepare_cached(
        "UPDATE initiatives SET title = ?2, thesis = ?3, target = ?4, play = ?5, status = ?6, next_step = ?7, \
         next_step_on = ?8, updated_at = ?9 WHERE id = ?1",
    )?
    .execute(params![id, f.title, f.thesis, f.target, f.play, f.status.key(), f.next_step, f.next_step_on, Utc::now().to_rfc3339()])?;
    write_links(conn, id, &f)?;
    Ok(before)
}

/// Deletes an initiative with its events (refused while time entries name it); returns both,
/// for undo.
pub fn delete(conn: &Connection, id: InitiativeId) -> Result<(Initiative, Vec<InitiativeEvent>), StoreError> {
    let initiative = get(conn, id)?;
    let entries: i64 = conn
        .prepare_cached("SELECT count(*) FROM time_entries WHERE initiative_id = ?1")?
        .query_row([id], |row| row.get(0))?;
    if entries > 0 {
        let what = if entries == 1 {
            "1 time entry names it".to_owned()
        } else {
            format!("{entries} time entries name it")
        };
        return Err(StoreError::InUse(format!(
            "“{}” cannot be deleted: {what}. Mark it dropped instead.",
            initiative.fields.title
        )));
    }
    let events = events_of(conn, id)?;
    conn.prepare_cached("DELETE FROM initiatives WHERE id = ?1")?.execute([id])?;
    Ok((initiative, events))
}

pub fn restore(
    conn: &Connection,
    initiative: &Initiative,
    events: &[InitiativeEvent],
) -> Result<(), StoreError> {
    insert_with_id(conn, Some(initiative.id), &initiative.fields)?;
    for event in events {
        write_event(conn, Some(event.id), initiative.id, &event.fields)?;
    }
    Ok(())
}

fn row_to_event(row: &Row<'_>) -> rusqlite::Result<InitiativeEvent> {
    Ok(InitiativeEvent {
        id: row.get(0)?,
        initiative: row.get(1)?,
        fields: EventFields {
            kind: choice::<EventKind>(row, 2)?,
            title: row.get(3)?,
            held_on: row.get(4)?,
            attendance: row.get(5)?,
        },
    })
}

const EVENT_COLUMNS: &str = "id, initiative_id, kind, title, held_on, attendance";

/// Every event, by initiative and date.
pub fn events(conn: &Connection) -> Result<Vec<InitiativeEvent>, StoreError> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM initiative_events ORDER BY initiative_id, held_on, id");
    Ok(conn.prepare_cached(&sql)?.query_map([], row_to_event)?.collect::<rusqlite::Result<_>>()?)
}

pub fn events_of(conn: &Connection, initiative: InitiativeId) -> Result<Vec<InitiativeEvent>, StoreError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM initiative_events WHERE initiative_id = ?1 ORDER BY held_on, id"
    );
    Ok(conn.prepare_cached(&sql)?.query_map([initiative], row_to_event)?.collect::<rusqlite::Result<_>>()?)
}

pub fn event(conn: &Connection, id: EventId) -> Result<InitiativeEvent, StoreError> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM initiative_events WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_event)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("event #{id}")))
}

fn write_event(
    conn: &Connection,
    id: Option<EventId>,
    initiative: InitiativeId,
    fields: &EventFields,
) -> Result<EventId, StoreError> {
    let f = fields.validated()?;
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM initiatives WHERE id = ?1)")?
        .query_row([initiative], |row| row.get(0))?;
    if !exists {
        return Err(StoreError::NotFound(format!("initiative #{initiative}")));
    }
    conn.prepare_cached(
        "INSERT INTO initiative_events (id, initiative_id, kind, title, held_on, attendance) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, initiative, f.kind.key(), f.title, f.held_on, f.attendance])?;
    Ok(EventId(conn.last_insert_rowid()))
}

pub fn add_event(
    conn: &Connection,
    initiative: InitiativeId,
    fields: &EventFields,
) -> Result<EventId, StoreError> {
    write_event(conn, None, initiative, fields)
}

/// Replaces an event's fields; returns it as it was.
pub fn update_event(
    conn: &Connection,
    id: EventId,
    fields: &EventFields,
) -> Result<InitiativeEvent, StoreError> {
    let before = event(conn, id)?;
    let f = fields.validated()?;
    conn.prepare_cached(
        "UPDATE initiative_events SET kind = ?2, title = ?3, held_on = ?4, attendance = ?5 WHERE id = ?1",
    )?
    .execute(params![id, f.kind.key(), f.title, f.held_on, f.attendance])?;
    Ok(before)
}

pub fn delete_event(conn: &Connection, id: EventId) -> Result<InitiativeEvent, StoreError> {
    let before = event(conn, id)?;
    conn.prepare_cached("DELETE FROM initiative_events WHERE id = ?1")?.execute([id])?;
    Ok(before)
}

pub fn restore_event(conn: &Connection, event: &InitiativeEvent) -> Result<(), StoreError> {
    write_event(conn, Some(event.id), event.initiative, &event.fields).map(|_| ())
}
