//! The competencies the manager rates themselves on in the quarterly review (edited in
//! Settings): their order, and what a rename or a delete does to the ratings already given.

use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use crate::model::ReviewCompetencyId;
use crate::model::review::words::{self, ReviewCompetency};

/// A draft's rating removed with its competency, kept so an undo puts it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedRating {
    pub review_id: i64,
    pub rating: Option<i64>,
    pub evidence: String,
}

/// A deleted competency: what it was, where it stood, and the draft ratings that went with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub competency: ReviewCompetency,
    /// 0-based place in the list.
    pub index: usize,
    pub ratings: Vec<RemovedRating>,
}

fn row_to_competency(row: &Row<'_>) -> rusqlite::Result<ReviewCompetency> {
    Ok(ReviewCompetency { id: row.get(0)?, role: row.get(1)?, name: row.get(2)? })
}

/// The competencies the manager rates themselves on, in order.
pub fn competencies(conn: &Connection) -> Result<Vec<ReviewCompetency>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id, role, name FROM review_competencies ORDER BY position, id")?
        .query_map([], row_to_competency)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: ReviewCompetencyId) -> Result<ReviewCompetency, StoreError> {
    conn.prepare_cached("SELECT id, role, name FROM review_competencies WHERE id = ?1")?
        .query_row([id], row_to_competency)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("competency #{id}")))
}

/// Refuses a role and name another competency has already, however it is capitalised
/// ("bold" next to "Bold" would be rated twice).
fn check_unique(
    conn: &Connection,
    role: &str,
    name: &str,
    except: Option<ReviewCompetencyId>,
) -> Result<(), StoreError> {
    let taken: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT role, name FROM review_competencies \
             WHERE lower(role) = lower(?1) AND lower(name) = lower(?2) AND id IS NOT ?3",
        )?
        .query_row(params![role, name, except], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match taken {
        Some((role, name)) => Err(StoreError::InUse(format!("{role} already has the competency “{name}”"))),
        None => Ok(()),
    }
}

pub fn add_competency(conn: &Connection, role: &str, name: &str) -> Result<ReviewCompetencyId, StoreError> {
    let (role, name) = words::validate_competency(role, name)?;
    check_unique(conn, &role, &name, None)?;
    let position: i64 = conn
        .prepare_cached("SELECT coalesce(max(position), 0) + 1 FROM review_competencies")?
        .query_row([], |r| r.get(0))?;
    conn.prepare_cached("INSERT INTO review_competencies (role, name, position) VALUES (?1, ?2, ?3)")?
        .execute(params![role, name, position])?;
    Ok(ReviewCompetencyId(conn.last_insert_rowid()))
}

/// Renames a competency; drafts follow (their ratings take the new name), finalized reviews keep
/// the name they were rated with. Returns the competency as it was.
pub fn rename_competency(
    conn: &Connection,
    id: ReviewCompetencyId,
    role: &str,
    name: &str,
) -> Result<ReviewCompetency, StoreError> {
    let (role, name) = words::validate_competency(role, name)?;
    let before = get(conn, id)?;
    check_unique(conn, &role, &name, Some(id))?;
    conn.prepare_cached("UPDATE review_competencies SET role = ?2, name = ?3 WHERE id = ?1")?
        .execute(params![id, role, name])?;
    conn.prepare_cached(
        "UPDATE review_ratings SET role = ?2, name = ?3 WHERE competency_id = ?1 \
         AND review_id IN (SELECT id FROM reviews WHERE state = 'draft')",
    )?
    .execute(params![id, role, name])?;
    Ok(before)
}

pub fn move_competency(conn: &Connection, id: ReviewCompetencyId, up: bool) -> Result<(), StoreError> {
    let ids: Vec<ReviewCompetencyId> = competencies(conn)?.into_iter().map(|c| c.id).collect();
    let Some(index) = ids.iter().position(|i| *i == id) else {
        return Err(StoreError::NotFound(format!("competency #{id}")));
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|i| *i < ids.len()) };
    let Some(other) = other else { return Ok(()) };
    let mut order = ids;
    order.swap(index, other);
    let mut update = conn.prepare_cached("UPDATE review_competencies SET position = ?2 WHERE id = ?1")?;
    for (position, id) in order.iter().enumerate() {
        update.execute(params![id, i64::try_from(position).unwrap_or(i64::MAX) + 1])?;
    }
    Ok(())
}

/// Removes a competency. Ratings in drafts go with it; finalized reviews keep theirs (by name).
/// Returns what [`restore`] needs to put it all back.
pub fn delete_competency(conn: &Connection, id: ReviewCompetencyId) -> Result<Deleted, StoreError> {
    let list = competencies(conn)?;
    let Some(index) = list.iter().position(|c| c.id == id) else {
        return Err(StoreError::NotFound(format!("competency #{id}")));
    };
    let ratings = conn
        .prepare_cached(
            "SELECT review_id, rating, evidence FROM review_ratings WHERE competency_id = ?1 \
             AND review_id IN (SELECT id FROM reviews WHERE state = 'draft') ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(RemovedRating { review_id: r.get(0)?, rating: r.get(1)?, evidence: r.get(2)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    conn.prepare_cached(
        "DELETE FROM review_ratings WHERE competency_id = ?1 \
         AND review_id IN (SELECT id FROM reviews WHERE state = 'draft')",
    )?
    .execute([id])?;
    conn.prepare_cached("DELETE FROM review_competencies WHERE id = ?1")?.execute([id])?;
    let competency =
        list.into_iter().nth(index).ok_or_else(|| StoreError::NotFound(format!("competency #{id}")))?;
    Ok(Deleted { competency, index, ratings })
}

/// Undoes a delete: the competency under its id, in its place, with the draft ratings it took
/// and the finalized ratings (kept by name) linked to it again.
pub fn restore(conn: &Connection, deleted: &Deleted) -> Result<(), StoreError> {
    let Deleted { competency, index, ratings } = deleted;
    check_unique(conn, &competency.role, &competency.name, Some(competency.id))?;
    let mut order: Vec<ReviewCompetencyId> = competencies(conn)?.into_iter().map(|c| c.id).collect();
    order.insert((*index).min(order.len()), competency.id);
    conn.prepare_cached("INSERT INTO review_competencies (id, role, name, position) VALUES (?1, ?2, ?3, 0)")?
        .execute(params![competency.id, competency.role, competency.name])?;
    let mut update = conn.prepare_cached("UPDATE review_competencies SET position = ?2 WHERE id = ?1")?;
    for (position, id) in order.iter().enumerate() {
        update.execute(params![id, i64::try_from(position).unwrap_or(i64::MAX) + 1])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO review_ratings (review_id, competency_id, role, name, rating, evidence) \
         SELECT id, ?2, ?3, ?4, ?5, ?6 FROM reviews WHERE id = ?1 AND state = 'draft'",
    )?;
    for rating in ratings {
        insert.execute(params![
            rating.review_id,
            competency.id,
            competency.role,
            competency.name,
            rating.rating,
            rating.evidence
        ])?;
    }
    conn.prepare_cached(
        "UPDATE review_ratings SET competency_id = ?1 \
         WHERE competency_id IS NULL AND role = ?2 AND name = ?3 \
         AND review_id IN (SELECT id FROM reviews WHERE state = 'final') \
         AND NOT EXISTS (SELECT 1 FROM review_ratings o WHERE o.review_id = review_ratings.review_id \
                         AND o.competency_id = ?1)",
    )?
    .execute(params![competency.id, competency.role, competency.name])?;
    Ok(())
}
