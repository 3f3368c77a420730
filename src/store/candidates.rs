//! Candidates on requisitions, the day they reached each stage, the purge rule, and real
//! deletion: a deleted candidate's rows (notes, stages, interviews, scorecards) are removed
//! with SQLite's `secure_delete` on, so their bytes are overwritten rather than left in free
//! pages.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::architects::choice;
use super::{StoreError, requisitions, settings};
use crate::model::architect::Choice as _;
use crate::model::candidate::{
    self, Candidate, CandidateFields, DEFAULT_PURGE_MONTHS, Source, Stage, StageError, StageReached,
};
use crate::model::hiring::{OfferDecision, PipelineInput};
use crate::model::{CandidateId, RequisitionId};

/// Settings key: months after a requisition closes until its candidates are due for deletion.
pub const PURGE_MONTHS_KEY: &str = "candidate_purge_months";

const COLUMNS: &str = "id, requisition_id, name, source, notes, purge_on, architect_id";

fn row_to_candidate(row: &Row<'_>) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        id: row.get(0)?,
        requisition: row.get(1)?,
        fields: CandidateFields {
            name: row.get(2)?,
            source: choice::<Source>(row, 3)?,
            notes: row.get(4)?,
            purge_on: row.get(5)?,
        },
        stages: Vec::new(),
        architect: row.get(6)?,
    })
}

fn stages_by_candidate(
    conn: &Connection,
    requisition: Option<RequisitionId>,
) -> Result<HashMap<CandidateId, Vec<StageReached>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.candidate_id, s.stage, s.reached_on FROM candidate_stages s \
         JOIN candidates c ON c.id = s.candidate_id WHERE ?1 IS NULL OR c.requisition_id = ?1 \
         ORDER BY s.candidate_id, s.reached_on",
    )?;
    let mut by_candidate: HashMap<CandidateId, Vec<StageReached>> = HashMap::new();
    let rows = stmt.query_map([requisition], |row| {
        Ok((row.get::<_, CandidateId>(0)?, StageReached { stage: choice::<Stage>(row, 1)?, on: row.get(2)? }))
    })?;
    for row in rows {
        let (id, reached) = row?;
        by_candidate.entry(id).or_default().push(reached);
    }
    // Two stages on one day keep the process's order.
    for stages in by_candidate.values_mut() {
        stages.sort_by_key(|s| (s.on, s.stage));
    }
    Ok(by_candidate)
}

/// A requisition's candidates with their stages, by name.
pub fn list_of(conn: &Connection, requisition: RequisitionId) -> Result<Vec<Candidate>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM candidates WHERE requisition_id = ?1 ORDER BY name COLLATE NOCASE, id"
    );
    let mut candidates: Vec<Candidate> = conn
        .prepare_cached(&sql)?
        .query_map([requisition], row_to_candidate)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stages = stages_by_candidate(conn, Some(requisition))?;
    for candidate in &mut candidates {
        candidate.stages = stages.remove(&candidate.id).unwrap_or_default();
    }
    Ok(candidates)
}

pub fn get(conn: &Connection, id: CandidateId) -> Result<Candidate, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM candidates WHERE id = ?1");
    let mut candidate = conn
        .prepare_cached(&sql)?
        .query_row([id], row_to_candidate)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("candidate #{id}")))?;
    let mut stmt = conn.prepare_cached(
        "SELECT stage, reached_on FROM candidate_stages WHERE candidate_id = ?1 ORDER BY reached_on",
    )?;
    candidate.stages = stmt
        .query_map([id], |row| Ok(StageReached { stage: choice::<Stage>(row, 0)?, on: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    candidate.stages.sort_by_key(|s| (s.on, s.stage));
    Ok(candidate)
}

/// Counts of candidates per requisition: (in the process, all).
pub fn counts(conn: &Connection) -> Result<HashMap<RequisitionId, (usize, usize)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT requisition_id, sum(stage IN ('sourced', 'screen', 'interview_loop', 'debrief', 'offer')), \
         count(*) FROM candidates GROUP BY requisition_id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, RequisitionId>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?))
    })?;
    let mut counts = HashMap::new();
    for row in rows {
        let (id, open, all) = row?;
        counts.insert(id, (usize::try_from(open).unwrap_or(0), usize::try_from(all).unwrap_or(0)));
    }
    Ok(counts)
}

fn stage_error(error: StageError) -> StoreError {
    StoreError::Stage(error)
}

/// Adds a candidate, sourced on `sourced_on`, to a requisition still looking for someone.
pub fn insert(
    conn: &Connection,
    requisition: RequisitionId,
    fields: &CandidateFields,
    sourced_on: NaiveDate,
    today: NaiveDate,
) -> Result<CandidateId, StoreError> {
    let f = fields.validated()?;
    let req = requisitions::get(conn, requisition)?;
    if req.status.is_closed() {
        return Err(StoreError::InUse(format!(
            "{} is {}: add candidates to an open requisition",
            req.title(),
            req.status.label().to_lowercase()
        )));
    }
    candidate::check_move(&f.name, &[], Stage::Sourced, sourced_on, today).map_err(stage_error)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO candidates (requisition_id, name, source, stage, notes, purge_on, created_at, updated_at) \
         VALUES (?1, ?2, ?3, 'sourced', ?4, ?5, ?6, ?6)",
    )?
    .execute(params![requisition, f.name, f.source.key(), f.notes, f.purge_on, now])?;
    let id = CandidateId(conn.last_insert_rowid());
    insert_stage(conn, id, Stage::Sourced, sourced_on)?;
    Ok(id)
}

fn insert_stage(conn: &Connection, id: CandidateId, stage: Stage, on: NaiveDate) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO candidate_stages (candidate_id, stage, reached_on) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, stage.key(), on])?;
    Ok(())
}

pub fn update(conn: &Connection, id: CandidateId, fields: &CandidateFields) -> Result<(), StoreError> {
    let f = fields.validated()?;
    let changed = conn
        .prepare_cached(
            "UPDATE candidates SET name = ?2, source = ?3, notes = ?4, purge_on = ?5, updated_at = ?6 WHERE id = ?1",
        )?
        .execute(params![id, f.name, f.source.key(), f.notes, f.purge_on, Utc::now().to_rfc3339()])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("candidate #{id}")));
    }
    Ok(())
}

/// Records that a candidate reached `stage` on `on`, checked against the stages so far. A hire
/// goes through `onboarding::hire`, which adds them to the team too.
pub fn move_to(
    conn: &Connection,
    id: CandidateId,
    stage: Stage,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Candidate, StoreError> {
    if stage == Stage::Hired {
        return Err(stage_error(StageError::HireThroughAction));
    }
    let candidate = get(conn, id)?;
    let req = requisitions::get(conn, candidate.requisition)?;
    if req.status.is_closed() && stage.is_open() {
        return Err(StoreError::InUse(format!(
            "{} is {}: only an outcome (rejected, withdrawn) can be recorded now",
            req.title(),
            req.status.label().to_lowercase()
        )));
    }
    candidate::check_move(&candidate.fields.name, &candidate.stages, stage, on, today)
        .map_err(stage_error)?;
    write_stage(conn, id, stage, on)?;
    Ok(candidate)
}

/// Adds the stage row and makes it the candidate's current stage.
pub(super) fn write_stage(
    conn: &Connection,
    id: CandidateId,
    stage: Stage,
    on: NaiveDate,
) -> Result<(), StoreError> {
    insert_stage(conn, id, stage, on)?;
    conn.prepare_cached("UPDATE candidates SET stage = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, stage.key(), Utc::now().to_rfc3339()])?;
    Ok(())
}

/// Puts a candidate's stages back as they were (undo of a move). A hire is not undone here.
pub fn restore_stages(conn: &Connection, id: CandidateId, stages: &[StageReached]) -> Result<(), StoreError> {
    let candidate = get(conn, id)?;
    if candidate.architect.is_some() {
        return Err(StoreError::Unsupported(format!(
            "{} was hired and is on the team; a hire is not undone",
            candidate.fields.name
        )));
    }
    let Some(last) = stages.last() else {
        return Err(StoreError::Unsupported("a candidate has at least one stage".into()));
    };
    conn.prepare_cached("DELETE FROM candidate_stages WHERE candidate_id = ?1")?.execute([id])?;
    for reached in stages {
        insert_stage(conn, id, reached.stage, reached.on)?;
    }
    conn.prepare_cached("UPDATE candidates SET stage = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, last.stage.key(), Utc::now().to_rfc3339()])?;
    Ok(())
}

/// Runs `f` with SQLite's `secure_delete` on: what it deletes is overwritten with zeros in
/// the file, not just unlinked. The setting is put back after.
fn securely<T>(conn: &Connection, f: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let before: i64 = conn.pragma_query_value(None, "secure_delete", |row| row.get(0))?;
    conn.pragma_update(None, "secure_delete", 1)?;
    let result = f();
    conn.pragma_update(None, "secure_delete", before)?;
    result
}

/// Deletes candidates for good: their notes, stages, interviews and scorecards go with them
/// (and nothing of theirs is in the search index). Returns their names.
pub fn delete(conn: &Connection, ids: &[CandidateId]) -> Result<Vec<String>, StoreError> {
    securely(conn, || {
        let mut names = Vec::with_capacity(ids.len());
        for id in ids {
            let candidate = get(conn, *id)?;
            conn.prepare_cached("DELETE FROM candidates WHERE id = ?1")?.execute([id])?;
            names.push(candidate.fields.name);
        }
        Ok(names)
    })
}

/// The purge rule's number of months.
pub fn purge_months(conn: &Connection) -> Result<u32, StoreError> {
    Ok(settings::get(conn, PURGE_MONTHS_KEY)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_PURGE_MONTHS))
}

pub fn set_purge_months(conn: &Connection, months: i64) -> Result<u32, StoreError> {
    let months = candidate::validate_purge_months(months)?;
    settings::set(conn, PURGE_MONTHS_KEY, &months.to_string())?;
    Ok(months)
}

/// A candidate with a purge date, and what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PurgeRow {
    pub candidate: CandidateId,
    pub name: String,
    pub stage: Stage,
    pub requisition: RequisitionId,
    pub requisition_title: String,
    pub purge_on: NaiveDate,
}

/// Every candidate whose purge date is set (by them or by a closed requisition), soonest first.
pub fn with_purge_dates(conn: &Connection) -> Result<Vec<PurgeRow>, StoreError> {
    let months = purge_months(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.stage, c.purge_on, r.id, r.opening_id, r.role, r.closed_on \
         FROM candidates c JOIN requisitions r ON r.id = c.requisition_id \
         WHERE c.purge_on IS NOT NULL OR r.closed_on IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |row| {
        let own: Option<NaiveDate> = row.get(3)?;
        let closed: Option<NaiveDate> = row.get(7)?;
        let opening: String = row.get(5)?;
        let role: String = row.get(6)?;
        Ok((
            PurgeRow {
                candidate: row.get(0)?,
                name: row.get(1)?,
                stage: choice::<Stage>(row, 2)?,
                requisition: row.get(4)?,
                requisition_title: if opening.is_empty() { role } else { format!("{opening} {role}") },
                purge_on: NaiveDate::MIN,
            },
            candidate::purge_on(own, closed, months),
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (mut purge, on) = row?;
        if let Some(on) = on {
            purge.purge_on = on;
            found.push(purge);
        }
    }
    found.sort_by(|a, b| a.purge_on.cmp(&b.purge_on).then_with(|| a.name.cmp(&b.name)));
    Ok(found)
}

/// The candidates due for deletion on `today`.
pub fn purge_due(conn: &Connection, today: NaiveDate) -> Result<Vec<PurgeRow>, StoreError> {
    Ok(with_purge_dates(conn)?
        .into_iter()
        .filter(|r| candidate::purge_due(Some(r.purge_on), today))
        .collect())
}

/// Candidates of the requisitions still looking (open or on hold), for the pipeline.
pub fn pipeline_inputs(conn: &Connection) -> Result<Vec<PipelineInput>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.requisition_id, c.name FROM candidates c JOIN requisitions r ON r.id = c.requisition_id \
         WHERE r.status IN ('open', 'on_hold') ORDER BY c.id",
    )?;
    let mut inputs: Vec<PipelineInput> = stmt
        .query_map([], |row| {
            Ok(PipelineInput {
                candidate: row.get(0)?,
                requisition: row.get(1)?,
                name: row.get(2)?,
                stages: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stages = conn.prepare_cached(
        "SELECT s.candidate_id, s.stage, s.reached_on FROM candidate_stages s \
         JOIN candidates c ON c.id = s.candidate_id JOIN requisitions r ON r.id = c.requisition_id \
         WHERE r.status IN ('open', 'on_hold')",
    )?;
    let mut by_candidate: HashMap<CandidateId, Vec<StageReached>> = HashMap::new();
    let rows = stages.query_map([], |row| {
        Ok((row.get::<_, CandidateId>(0)?, StageReached { stage: choice::<Stage>(row, 1)?, on: row.get(2)? }))
    })?;
    for row in rows {
        let (id, reached) = row?;
        by_candidate.entry(id).or_default().push(reached);
    }
    for input in &mut inputs {
        let mut stages = by_candidate.remove(&input.candidate).unwrap_or_default();
        stages.sort_by_key(|s| (s.on, s.stage));
        input.stages = stages;
    }
    Ok(inputs)
}

/// Every offer decided (hired or declined) and the day, for the figures.
pub fn offer_decisions(conn: &Connection) -> Result<Vec<OfferDecision>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT reached_on, stage FROM candidate_stages WHERE stage IN ('hired', 'declined')",
    )?;
    let rows = stmt
        .query_map([], |row| Ok(OfferDecision { on: row.get(0)?, outcome: choice::<Stage>(row, 1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
