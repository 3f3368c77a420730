//! Certifications: the editable catalogue, each architect's records and their renewals.
//! Expiry and state are computed by `model::certification`, never stored.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::{self, choice};
use crate::model::architect::Choice as _;
use crate::model::certification::{self, CatalogueCert, CertKind, CertRecord, CertState};
use crate::model::{ArchitectId, CertId, CertRecordId, ValidationError};

fn row_to_entry(row: &Row<'_>) -> rusqlite::Result<CatalogueCert> {
    Ok(CatalogueCert {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        kind: choice::<CertKind>(row, 3)?,
    })
}

/// The catalogue, by exam code.
pub fn catalogue(conn: &Connection) -> Result<Vec<CatalogueCert>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, code, name, kind FROM cert_catalogue ORDER BY code COLLATE NOCASE")?;
    let entries = stmt.query_map([], row_to_entry)?.collect::<rusqlite::Result<_>>()?;
    Ok(entries)
}

pub fn entry(conn: &Connection, id: CertId) -> Result<CatalogueCert, StoreError> {
    conn.prepare_cached("SELECT id, code, name, kind FROM cert_catalogue WHERE id = ?1")?
        .query_row([id], row_to_entry)
        .optional()?
        .ok_or_else(|| StoreError::NotFound("that certification".into()))
}

/// How many architects hold each catalogue entry: what removing it would take with it.
pub fn holders(conn: &Connection) -> Result<HashMap<CertId, usize>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT cert_id, count(*) FROM cert_records GROUP BY cert_id")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, CertId>(0)?, row.get::<_, i64>(1)?)))?;
    let mut holders = HashMap::new();
    for row in rows {
        let (id, count) = row?;
        holders.insert(id, usize::try_from(count).unwrap_or(0));
    }
    Ok(holders)
}

pub fn add_to_catalogue(
    conn: &Connection,
    code: &str,
    name: &str,
    kind: CertKind,
) -> Result<CertId, StoreError> {
    let (code, name) = certification::validate_catalogue_entry(code, name)?;
    check_code_free(conn, &code, None)?;
    conn.prepare_cached("INSERT INTO cert_catalogue (code, name, kind) VALUES (?1, ?2, ?3)")?
        .execute(params![code, name, kind.key()])?;
    Ok(CertId(conn.last_insert_rowid()))
}

/// Refuses a code another catalogue entry (not `except`) already has, naming that entry.
fn check_code_free(conn: &Connection, code: &str, except: Option<CertId>) -> Result<(), StoreError> {
    let clash: Option<String> = conn
        .prepare_cached("SELECT name FROM cert_catalogue WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2")?
        .query_row(params![code, except], |r| r.get(0))
        .optional()?;
    match clash {
        Some(existing) => {
            Err(ValidationError::new("code", format!("{code} is already in the catalogue as “{existing}”"))
                .into())
        }
        None => Ok(()),
    }
}

/// Corrects a catalogue entry: its code, name or kind (a renamed exam, a typo). Every record of
/// it follows, as they refer to the entry, not its code. Returns the entry as it was.
pub fn update_catalogue_entry(
    conn: &Connection,
    id: CertId,
    code: &str,
    name: &str,
    kind: CertKind,
) -> Result<CatalogueCert, StoreError> {
    let before = entry(conn, id)?;
    let (code, name) = certification::validate_catalogue_entry(code, name)?;
    check_code_free(conn, &code, Some(id))?;
    conn.prepare_cached("UPDATE cert_catalogue SET code = ?2, name = ?3, kind = ?4 WHERE id = ?1")?
        .execute(params![id, code, name, kind.key()])?;
    Ok(before)
}

/// Removes a catalogue entry with every architect's record of it. The app asks first, saying
/// how many architects hold it; returns the entry and that count.
pub fn remove_from_catalogue(
    conn: &Connection,
    id: CertId,
) -> Result<(CatalogueCert, usize, super::cascade::Removed), StoreError> {
    let entry = entry(conn, id)?;
    let held = holders(conn)?.get(&id).copied().unwrap_or(0);
    let removed = super::cascade::capture(conn, "cert_catalogue", id.0)?;
    conn.prepare_cached("DELETE FROM cert_catalogue WHERE id = ?1")?.execute([id])?;
    Ok((entry, held, removed))
}

/// Every architect's records, each with its renewals oldest first.
pub fn records(conn: &Connection) -> Result<Vec<CertRecord>, StoreError> {
    let mut renewals: HashMap<CertRecordId, Vec<NaiveDate>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT cert_record_id, renewed_on FROM cert_renewals ORDER BY cert_record_id, renewed_on",
    )?;
    for row in stmt.query_map([], |row| Ok((row.get::<_, CertRecordId>(0)?, row.get::<_, NaiveDate>(1)?)))? {
        let (record, on) = row?;
        renewals.entry(record).or_default().push(on);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, architect_id, cert_id, earned_on FROM cert_records ORDER BY architect_id, earned_on, id",
    )?;
    let records = stmt
        .query_map([], |row| {
            Ok(CertRecord {
                id: row.get(0)?,
                architect: row.get(1)?,
                cert: row.get(2)?,
                earned_on: row.get(3)?,
                renewals: Vec::new(),
            })
        })?
        .map(|record| {
            record.map(|mut record| {
                record.renewals = renewals.remove(&record.id).unwrap_or_default();
                record
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(records)
}

/// One architect's records, each with its renewals oldest first, as [`records`] gives them.
pub fn records_of(conn: &Connection, architect: ArchitectId) -> Result<Vec<CertRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, architect_id, cert_id, earned_on FROM cert_records WHERE architect_id = ?1 \
         ORDER BY earned_on, id",
    )?;
    let mut records = stmt
        .query_map([architect], |row| {
            Ok(CertRecord {
                id: row.get(0)?,
                architect: row.get(1)?,
                cert: row.get(2)?,
                earned_on: row.get(3)?,
                renewals: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut renewals = conn.prepare_cached(
        "SELECT renewed_on FROM cert_renewals WHERE cert_record_id = ?1 ORDER BY renewed_on",
    )?;
    for record in &mut records {
        record.renewals =
            renewals.query_map([record.id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    }
    Ok(records)
}

/// Removes `architect`'s record of `cert`, with its renewals (the undo of a first record).
pub fn remove_held(conn: &Connection, architect: ArchitectId, cert: CertId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM cert_records WHERE architect_id = ?1 AND cert_id = ?2")?
        .execute(params![architect, cert])?;
    Ok(())
}

pub fn record(conn: &Connection, id: CertRecordId) -> Result<CertRecord, StoreError> {
    let mut record = conn
        .prepare_cached("SELECT id, architect_id, cert_id, earned_on FROM cert_records WHERE id = ?1")?
        .query_row([id], |row| {
            Ok(CertRecord {
                id: row.get(0)?,
                architect: row.get(1)?,
                cert: row.get(2)?,
                earned_on: row.get(3)?,
                renewals: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound("that certification record".into()))?;
    let mut stmt = conn.prepare_cached(
        "SELECT renewed_on FROM cert_renewals WHERE cert_record_id = ?1 ORDER BY renewed_on",
    )?;
    record.renewals = stmt.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(record)
}

/// What recording an earned certification did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earned {
    /// A first record for this architect.
    New(CertRecordId),
    /// The architect held it before and it had lapsed: the record now starts from the new
    /// earned date and the lapsed period's renewals are cleared.
    Again(CertRecordId),
}

/// Records that `architect` earned `cert` on `earned_on`.
///
/// A certification the architect already holds is refused, naming when it was earned and what
/// to do instead; one that has expired is earned again (see [`Earned::Again`]), but only with a
/// date after it expired.
pub fn record_earned(
    conn: &Connection,
    architect: ArchitectId,
    cert: CertId,
    earned_on: NaiveDate,
    today: NaiveDate,
) -> Result<Earned, StoreError> {
    let entry = entry(conn, cert)?;
    let person = architects::get(conn, architect)?;
    certification::validate(entry.kind, earned_on, &[], today)?;
    let existing: Option<CertRecordId> = conn
        .prepare_cached("SELECT id FROM cert_records WHERE architect_id = ?1 AND cert_id = ?2")?
        .query_row(params![architect, cert], |r| r.get(0))
        .optional()?;
    let Some(existing) = existing else {
        conn.prepare_cached(
            "INSERT INTO cert_records (architect_id, cert_id, earned_on) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![architect, cert, earned_on])?;
        return Ok(Earned::New(CertRecordId(conn.last_insert_rowid())));
    };
    let held = record(conn, existing)?;
    let expires_on = certification::expiry(entry.kind, held.earned_on, &held.renewals)?;
    let duplicate = |detail: String| {
        StoreError::from(ValidationError::new(
            "certification",
            format!("{} already holds {} (earned {}){detail}", person.name(), entry.code, held.earned_on),
        ))
    };
    match (CertState::on(expires_on, today), expires_on) {
        (CertState::Expired { expired_on }, _) if earned_on > expired_on => {
            conn.prepare_cached("DELETE FROM cert_renewals WHERE cert_record_id = ?1")?
                .execute([existing])?;
            conn.prepare_cached("UPDATE cert_records SET earned_on = ?2 WHERE id = ?1")?
                .execute(params![existing, earned_on])?;
            Ok(Earned::Again(existing))
        }
        (CertState::Expired { expired_on }, _) => Err(duplicate(format!(
            "; it expired on {expired_on}, so earning it again must be dated after that"
        ))),
        (_, Some(expires_on)) => {
            Err(duplicate(format!("; it is valid until {expires_on}: record a renewal instead")))
        }
        (_, None) => Err(duplicate(String::from("; fundamentals never expire"))),
    }
}

/// Records a renewal of a record on `renewed_on`; returns the new expiry. Refused for
/// fundamentals, before the renewal window, after expiry (the certification must be earned
/// again), in the future, or out of order with the renewals already recorded.
pub fn record_renewal(
    conn: &Connection,
    id: CertRecordId,
    renewed_on: NaiveDate,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, StoreError> {
    let mut held = record(conn, id)?;
    let entry = entry(conn, held.cert)?;
    held.renewals.push(renewed_on);
    let expires_on = certification::validate(entry.kind, held.earned_on, &held.renewals, today)?;
    conn.prepare_cached("INSERT INTO cert_renewals (cert_record_id, renewed_on) VALUES (?1, ?2)")?
        .execute(params![id, renewed_on])?;
    Ok(expires_on)
}

/// Removes a record (recorded by mistake) and its renewals.
pub fn remove_record(conn: &Connection, id: CertRecordId) -> Result<CertRecord, StoreError> {
    let held = record(conn, id)?;
    conn.prepare_cached("DELETE FROM cert_records WHERE id = ?1")?.execute([id])?;
    Ok(held)
}

/// Puts a record back exactly as it was, under its id, with its renewals (undo of a removal, a
/// renewal or earning it again). Whatever record the architect has of that certification now
/// gives way to it, as there is one per architect and certification. It was in the database a
/// moment ago, so its dates are not checked against the lifecycle again.
pub fn restore_record(conn: &Connection, held: &CertRecord) -> Result<(), StoreError> {
    architects::get(conn, held.architect)?;
    entry(conn, held.cert)?;
    conn.prepare_cached("DELETE FROM cert_records WHERE id = ?1 OR (architect_id = ?2 AND cert_id = ?3)")?
        .execute(params![held.id, held.architect, held.cert])?;
    conn.prepare_cached(
        "INSERT INTO cert_records (id, architect_id, cert_id, earned_on) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![held.id, held.architect, held.cert, held.earned_on])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO cert_renewals (cert_record_id, renewed_on) VALUES (?1, ?2)")?;
    for renewed_on in &held.renewals {
        insert.execute(params![held.id, renewed_on])?;
    }
    Ok(())
}
