//! The business network: contacts and their interactions, typed in or found in an imported
//! calendar (a meeting one of the contact's addresses attended).

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
use crate::model::architect::Choice as _;
use crate::model::business::network::Meeting;
use crate::model::business::network::checked_interaction;
use crate::model::business::{
    Contact, ContactFacts, ContactFields, ContactKind, Interaction, InteractionSource,
};
use crate::model::{ContactId, InteractionId};

const COLUMNS: &str = "id, name, organisation, kind, role, email, ideal_days, max_days, created_on";

fn row_to_contact(row: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get(0)?,
        fields: ContactFields {
            name: row.get(1)?,
            organisation: row.get(2)?,
            kind: choice::<ContactKind>(row, 3)?,
            role: row.get(4)?,
            email: row.get(5)?,
            ideal_days: row.get(6)?,
            max_days: row.get(7)?,
        },
        created_on: row.get(8)?,
    })
}

/// Every contact by name.
pub fn list(conn: &Connection) -> Result<Vec<Contact>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM contacts ORDER BY name COLLATE NOCASE, id");
    Ok(conn.prepare_cached(&sql)?.query_map([], row_to_contact)?.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: ContactId) -> Result<Contact, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_contact)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("contact #{id}")))
}

/// Every contact's interaction days, oldest first: what "due" and "past the maximum" are
/// computed from.
pub fn facts(conn: &Connection) -> Result<Vec<ContactFacts>, StoreError> {
    facts_from(conn, "SELECT contact_id, on_date FROM interactions ORDER BY contact_id, on_date", [])
}

/// The same, with only the interactions on or after `since` and each contact's last one before
/// it: a contact's standing on any day from `since` on comes out the same. The last one before
/// is one seek per contact in `interactions_contact` (contact, day), not a scan of all the years
/// before `since` grouped by contact.
pub fn facts_since(conn: &Connection, since: NaiveDate) -> Result<Vec<ContactFacts>, StoreError> {
    facts_from(
        conn,
        "WITH last (contact_id, on_date) AS MATERIALIZED (SELECT c.id, \
         (SELECT max(i.on_date) FROM interactions i WHERE i.contact_id = c.id AND i.on_date < ?1) \
         FROM contacts c) \
         SELECT contact_id, on_date FROM last WHERE on_date IS NOT NULL \
         UNION ALL SELECT contact_id, on_date FROM interactions \
         WHERE contact_id IN (SELECT id FROM contacts) AND on_date >= ?1",
        [since],
    )
}

/// The contacts, with the interaction days `dates_sql` selects (contact, day), oldest first.
fn facts_from(
    conn: &Connection,
    dates_sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<ContactFacts>, StoreError> {
    let mut dates: HashMap<ContactId, Vec<NaiveDate>> = HashMap::new();
    let mut stmt = conn.prepare_cached(dates_sql)?;
    for pair in stmt.query_map(params, |row| Ok((row.get(0)?, super::business_dates::day(row, 1)?)))? {
        let (contact, on) = pair?;
        dates.entry(contact).or_default().push(on);
    }
    for days in dates.values_mut() {
        days.sort_unstable();
    }
    let mut stmt = conn.prepare_cached("SELECT id, created_on, ideal_days, max_days FROM contacts")?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, ContactId>(0)?, super::business_dates::day(row, 1)?, row.get(2)?, row.get(3)?))
    })?;
    let mut facts = Vec::new();
    for row in rows {
        let (id, created_on, ideal_days, max_days) = row?;
        facts.push(ContactFacts {
            id,
            created_on,
            ideal_days,
            max_days,
            interactions: dates.remove(&id).unwrap_or_default(),
        });
    }
    Ok(facts)
}

pub fn insert(
    conn: &Connection,
    fields: &ContactFields,
    created_on: NaiveDate,
) -> Result<ContactId, StoreError> {
    write_new(conn, None, fields, created_on)
}

fn write_new(
    conn: &Connection,
    id: Option<ContactId>,
    fields: &ContactFields,
    created_on: NaiveDate,
) -> Result<ContactId, StoreError> {
    let f = fields.validated()?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO contacts (id, name, organisation, kind, role, email, ideal_days, max_days, created_on, created_at, \
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![id, f.name, f.organisation, f.kind.key(), f.role, f.email, f.ideal_days, f.max_days, created_on, now])?;
    Ok(ContactId(conn.last_insert_rowid()))
}

/// Replaces a contact's fields; returns them as they were.
pub fn update(conn: &Connection, id: ContactId, fields: &ContactFields) -> Result<Contact, StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated()?;
    conn.prepare_cached(
        "UPDATE contacts SET name = ?2, organisation = ?3, kind = ?4, role = ?5, email = ?6, ideal_days = ?7, \
         max_days = ?8, updated_at = ?9 WHERE id = ?1",
    )?
    .execute(params![id, f.name, f.organisation, f.kind.key(), f.role, f.email, f.ideal_days, f.max_days, Utc::now().to_rfc3339()])?;
    Ok(before)
}

/// Deletes a contact and their interactions for good (a person outside the company: nothing
/// is kept); returns both, so an immediate undo can put them back.
pub fn delete(conn: &Connection, id: ContactId) -> Result<(Contact, Vec<Interaction>), StoreError> {
    let contact = get(conn, id)?;
    let interactions = interactions_of(conn, id)?;
    conn.prepare_cached("DELETE FROM contacts WHERE id = ?1")?.execute([id])?;
    Ok((contact, interactions))
}

pub fn restore(conn: &Connection, contact: &Contact, interactions: &[Interaction]) -> Result<(), StoreError> {
    write_new(conn, Some(contact.id), &contact.fields, contact.created_on)?;
    for interaction in interactions {
        restore_interaction(conn, interaction)?;
    }
    Ok(())
}

const INTERACTION_COLUMNS: &str = "id, contact_id, on_date, note, source, event_uid, recurrence_id";

fn row_to_interaction(row: &Row<'_>) -> rusqlite::Result<Interaction> {
    let source = match row.get::<_, String>(4)?.as_str() {
        "calendar" => InteractionSource::Calendar,
        _ => InteractionSource::Manual,
    };
    let event_key = row
        .get::<_, Option<String>>(5)?
        .map(|uid| Ok::<_, rusqlite::Error>((uid, row.get(6)?)))
        .transpose()?;
    Ok(Interaction {
        id: row.get(0)?,
        contact: row.get(1)?,
        on: super::business_dates::day(row, 2)?,
        note: row.get(3)?,
        source,
        event_key,
    })
}

pub fn interactions_of(conn: &Connection, contact: ContactId) -> Result<Vec<Interaction>, StoreError> {
    let sql = format!(
        "SELECT {INTERACTION_COLUMNS} FROM interactions WHERE contact_id = ?1 ORDER BY on_date DESC, id DESC"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map([contact], row_to_interaction)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Interactions on or after `since`, newest first (what the screen lists under a contact).
pub fn interactions_since(conn: &Connection, since: NaiveDate) -> Result<Vec<Interaction>, StoreError> {
    let sql = format!(
        "SELECT {INTERACTION_COLUMNS} FROM interactions WHERE on_date >= ?1 ORDER BY on_date DESC, id DESC"
    );
    Ok(conn.prepare_cached(&sql)?.query_map([since], row_to_interaction)?.collect::<rusqlite::Result<_>>()?)
}

fn interaction(conn: &Connection, id: InteractionId) -> Result<Interaction, StoreError> {
    let sql = format!("SELECT {INTERACTION_COLUMNS} FROM interactions WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_interaction)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("interaction #{id}")))
}

/// Records an interaction on a day (not in the future).
pub fn add_interaction(
    conn: &Connection,
    contact: ContactId,
    on: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<InteractionId, StoreError> {
    let note = checked_interaction(on, note, today)?;
    get(conn, contact)?;
    conn.prepare_cached("INSERT INTO interactions (contact_id, on_date, note) VALUES (?1, ?2, ?3)")?
        .execute(params![contact, on, note])?;
    Ok(InteractionId(conn.last_insert_rowid()))
}

pub fn delete_interaction(conn: &Connection, id: InteractionId) -> Result<Interaction, StoreError> {
    let before = interaction(conn, id)?;
    conn.prepare_cached("DELETE FROM interactions WHERE id = ?1")?.execute([id])?;
    Ok(before)
}

/// Undoes a delete: the interaction under its old id, with the meeting it came from.
pub fn restore_interaction(conn: &Connection, interaction: &Interaction) -> Result<(), StoreError> {
    let (source, uid, recurrence) = match &interaction.event_key {
        Some((uid, recurrence)) => ("calendar", Some(uid.as_str()), recurrence.as_deref()),
        None => ("manual", None, None),
    };
    conn.prepare_cached(
        "INSERT INTO interactions (id, contact_id, on_date, note, source, event_uid, recurrence_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        interaction.id,
        interaction.contact,
        interaction.on,
        interaction.note,
        source,
        uid,
        recurrence
    ])?;
    Ok(())
}

/// Records each meeting held by `today` as an interaction with every contact whose address is
/// among its attendees; importing the same meeting again updates it, never adds it twice.
/// Returns how many interactions were written.
pub fn record_meetings(
    conn: &Connection,
    meetings: &[Meeting],
    today: NaiveDate,
) -> Result<usize, StoreError> {
    let mut by_email: HashMap<String, Vec<ContactId>> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, lower(email) FROM contacts WHERE email <> ''")?;
    for pair in stmt.query_map([], |row| Ok((row.get(0)?, row.get::<_, String>(1)?)))? {
        let (id, email) = pair?;
        by_email.entry(email).or_default().push(id);
    }
    if by_email.is_empty() {
        return Ok(0);
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO interactions (contact_id, on_date, note, source, event_uid, recurrence_id) \
         VALUES (?1, ?2, ?3, 'calendar', ?4, ?5) \
         ON CONFLICT (contact_id, event_uid, ifnull(recurrence_id, '')) WHERE event_uid IS NOT NULL \
         DO UPDATE SET on_date = excluded.on_date, note = excluded.note",
    )?;
    let mut written = 0;
    for meeting in meetings.iter().filter(|m| m.on <= today) {
        let note = crate::model::text::capped(
            "note",
            meeting.title.trim(),
            crate::model::business::network::NOTE_MAX_CHARS,
        )
        .unwrap_or_else(|_| {
            meeting.title.chars().take(crate::model::business::network::NOTE_MAX_CHARS).collect()
        });
        let mut seen = Vec::new();
        for email in &meeting.emails {
            for &contact in by_email.get(&email.to_lowercase()).into_iter().flatten() {
                if seen.contains(&contact) {
                    continue;
                }
                seen.push(contact);
                written += upsert.execute(params![
                    contact,
                    meeting.on,
                    note,
                    meeting.event_uid,
                    meeting.recurrence_id
                ])?;
            }
        }
    }
    Ok(written)
}
