//! Hiring profiles: named lists of the skills matrix's competencies that a requisition's
//! interview plan can assess instead of the whole matrix.

use rusqlite::{Connection, OptionalExtension as _, params};

use super::StoreError;
use crate::model::hiring_profile::{self, HiringProfile};
use crate::model::{CompetencyId, HiringProfileId, ValidationError};

/// Every profile by name, each with its competencies in the matrix's order.
pub fn list(conn: &Connection) -> Result<Vec<HiringProfile>, StoreError> {
    let mut profiles: Vec<HiringProfile> = conn
        .prepare_cached("SELECT id, name FROM hiring_profiles ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |row| {
            Ok(HiringProfile { id: row.get(0)?, name: row.get(1)?, competencies: Vec::new() })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT pc.profile_id, pc.competency_id FROM hiring_profile_competencies pc \
         JOIN competencies c ON c.id = pc.competency_id ORDER BY c.position, c.id",
    )?;
    let rows =
        stmt.query_map([], |row| Ok((row.get::<_, HiringProfileId>(0)?, row.get::<_, CompetencyId>(1)?)))?;
    for row in rows {
        let (profile, competency) = row?;
        if let Some(profile) = profiles.iter_mut().find(|p| p.id == profile) {
            profile.competencies.push(competency);
        }
    }
    Ok(profiles)
}

pub fn get(conn: &Connection, id: HiringProfileId) -> Result<HiringProfile, StoreError> {
    list(conn)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| StoreError::NotFound("that hiring profile".into()))
}

fn ensure_unique(conn: &Connection, name: &str, except: Option<HiringProfileId>) -> Result<(), StoreError> {
    let clash: Option<i64> = conn
        .prepare_cached("SELECT id FROM hiring_profiles WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2")?
        .query_row(params![name, except], |r| r.get(0))
        .optional()?;
    match clash {
        Some(_) => {
            Err(ValidationError::new("profile name", format!("there is already a profile “{name}”")).into())
        }
        None => Ok(()),
    }
}

/// A new profile assessing the whole matrix to start with: the manager then takes off what the
/// role does not need.
pub fn insert(conn: &Connection, name: &str) -> Result<HiringProfileId, StoreError> {
    let name = hiring_profile::validate_name(name)?;
    ensure_unique(conn, &name, None)?;
    conn.prepare_cached("INSERT INTO hiring_profiles (name) VALUES (?1)")?.execute([&name])?;
    let id = HiringProfileId(conn.last_insert_rowid());
    conn.prepare_cached(
        "INSERT INTO hiring_profile_competencies (profile_id, competency_id) SELECT ?1, id FROM competencies",
    )?
    .execute([id])?;
    Ok(id)
}

pub fn rename(conn: &Connection, id: HiringProfileId, name: &str) -> Result<(), StoreError> {
    let name = hiring_profile::validate_name(name)?;
    ensure_unique(conn, &name, Some(id))?;
    let changed = conn
        .prepare_cached("UPDATE hiring_profiles SET name = ?2 WHERE id = ?1")?
        .execute(params![id, name])?;
    if changed == 0 {
        return Err(StoreError::NotFound("that hiring profile".into()));
    }
    Ok(())
}

/// Adds a competency of the matrix to a profile, or takes it off.
pub fn set_competency(
    conn: &Connection,
    id: HiringProfileId,
    competency: CompetencyId,
    included: bool,
) -> Result<(), StoreError> {
    get(conn, id)?;
    if included {
        let changed = conn
            .prepare_cached(
                "INSERT INTO hiring_profile_competencies (profile_id, competency_id) \
                 SELECT ?1, id FROM competencies WHERE id = ?2 ON CONFLICT DO NOTHING",
            )?
            .execute(params![id, competency])?;
        let exists: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM competencies WHERE id = ?1)")?
            .query_row([competency], |r| r.get(0))?;
        if changed == 0 && !exists {
            return Err(StoreError::NotFound("that competency".into()));
        }
    } else {
        conn.prepare_cached(
            "DELETE FROM hiring_profile_competencies WHERE profile_id = ?1 AND competency_id = ?2",
        )?
        .execute(params![id, competency])?;
    }
    Ok(())
}

/// Deletes a profile no requisition uses; refused (naming one) while any does.
pub fn delete(conn: &Connection, id: HiringProfileId) -> Result<HiringProfile, StoreError> {
    let profile = get(conn, id)?;
    let used: Option<String> = conn
        .prepare_cached("SELECT role FROM requisitions WHERE profile_id = ?1 ORDER BY id LIMIT 1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if let Some(role) = used {
        return Err(StoreError::InUse(format!(
            "the requisition “{role}” plans its interviews with “{}”; choose another profile there first",
            profile.name
        )));
    }
    conn.prepare_cached("DELETE FROM hiring_profiles WHERE id = ?1")?.execute([id])?;
    Ok(profile)
}

/// Puts back a profile deleted a moment ago (its undo), under its old id.
pub fn restore(conn: &Connection, profile: &HiringProfile) -> Result<(), StoreError> {
    let name = hiring_profile::validate_name(&profile.name)?;
    ensure_unique(conn, &name, Some(profile.id))?;
    conn.prepare_cached("INSERT INTO hiring_profiles (id, name) VALUES (?1, ?2)")?
        .execute(params![profile.id, name])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO hiring_profile_competencies (profile_id, competency_id) \
         SELECT ?1, id FROM competencies WHERE id = ?2",
    )?;
    for competency in &profile.competencies {
        stmt.execute(params![profile.id, competency])?;
    }
    Ok(())
}
