//! Structured interviews: a requisition's plan (panel steps and the competencies each
//! assesses), the interviews of its candidates and their scorecards.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::{StoreError, candidates, requisitions, skills};
use crate::model::architect::Choice as _;
use crate::model::hiring::ScorecardTiming;
use crate::model::interview::{
    self, Interview, InterviewStep, Rating, Recommendation, Scorecard, StepFields,
};
use crate::model::{CandidateId, CompetencyId, InterviewId, InterviewStepId, RequisitionId, ValidationError};

/// Interview times are stored as the manager's wall clock.
const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

fn time_text(at: NaiveDateTime) -> String {
    at.format(TIME_FORMAT).to_string()
}

fn read_time(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(index)?;
    NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn read_optional_time(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => read_time(row, index).map(Some),
    }
}

fn row_to_step(row: &Row<'_>) -> rusqlite::Result<InterviewStep> {
    Ok(InterviewStep {
        id: row.get(0)?,
        requisition: row.get(1)?,
        position: row.get(2)?,
        fields: StepFields { name: row.get(3)?, interviewer: row.get(4)?, by_me: row.get(5)? },
        competencies: Vec::new(),
    })
}

/// A requisition's plan, in order, each step with the competencies it assesses (in the skills
/// matrix's order).
pub fn steps_of(conn: &Connection, requisition: RequisitionId) -> Result<Vec<InterviewStep>, StoreError> {
    let mut steps: Vec<InterviewStep> = conn
        .prepare_cached(
            "SELECT id, requisition_id, position, name, interviewer, by_me FROM interview_steps \
             WHERE requisition_id = ?1 ORDER BY position, id",
        )?
        .query_map([requisition], row_to_step)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT sc.step_id, sc.competency_id FROM interview_step_competencies sc \
         JOIN interview_steps s ON s.id = sc.step_id JOIN competencies c ON c.id = sc.competency_id \
         WHERE s.requisition_id = ?1 ORDER BY c.position, c.id",
    )?;
    let rows = stmt.query_map([requisition], |row| {
        Ok((row.get::<_, InterviewStepId>(0)?, row.get::<_, CompetencyId>(1)?))
    })?;
    for row in rows {
        let (step, competency) = row?;
        if let Some(step) = steps.iter_mut().find(|s| s.id == step) {
            step.competencies.push(competency);
        }
    }
    Ok(steps)
}

pub fn step(conn: &Connection, id: InterviewStepId) -> Result<InterviewStep, StoreError> {
    let found = conn
        .prepare_cached(
            "SELECT id, requisition_id, position, name, interviewer, by_me FROM interview_steps WHERE id = ?1",
        )?
        .query_row([id], row_to_step)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("interview step #{id}")))?;
    steps_of(conn, found.requisition)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| StoreError::NotFound(format!("interview step #{id}")))
}

pub fn add_step(
    conn: &Connection,
    requisition: RequisitionId,
    fields: &StepFields,
) -> Result<InterviewStepId, StoreError> {
    let f = fields.validated()?;
    requisitions::get(conn, requisition)?;
    let position: i64 = conn
        .prepare_cached(
            "SELECT coalesce(max(position), 0) + 1 FROM interview_steps WHERE requisition_id = ?1",
        )?
        .query_row([requisition], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO interview_steps (requisition_id, position, name, interviewer, by_me) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![requisition, position, f.name, f.interviewer, f.by_me])?;
    Ok(InterviewStepId(conn.last_insert_rowid()))
}

pub fn update_step(conn: &Connection, id: InterviewStepId, fields: &StepFields) -> Result<(), StoreError> {
    let f = fields.validated()?;
    let changed = conn
        .prepare_cached("UPDATE interview_steps SET name = ?2, interviewer = ?3, by_me = ?4 WHERE id = ?1")?
        .execute(params![id, f.name, f.interviewer, f.by_me])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("interview step #{id}")));
    }
    Ok(())
}

/// Deletes a step with no interviews yet (a scorecard is evidence: it is never dropped with a
/// plan change).
pub fn delete_step(conn: &Connection, id: InterviewStepId) -> Result<InterviewStep, StoreError> {
    let step = step(conn, id)?;
    let held: i64 = conn
        .prepare_cached("SELECT count(*) FROM interviews WHERE step_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if held > 0 {
        return Err(StoreError::InUse(format!(
            "the step “{}” has {}; it stays in the plan",
            step.fields.name,
            crate::model::words::plural(usize::try_from(held).unwrap_or(0), "interview")
        )));
    }
    conn.prepare_cached("DELETE FROM interview_steps WHERE id = ?1")?.execute([id])?;
    Ok(step)
}

/// Puts back a step deleted a moment ago (its undo): the same id and place in the plan, with
/// the competencies it assessed (those deleted from the matrix meanwhile are left out).
pub fn restore_step(conn: &Connection, step: &InterviewStep) -> Result<(), StoreError> {
    let f = step.fields.validated()?;
    requisitions::get(conn, step.requisition)?;
    conn.prepare_cached(
        "INSERT INTO interview_steps (id, requisition_id, position, name, interviewer, by_me) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![step.id, step.requisition, step.position, f.name, f.interviewer, f.by_me])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO interview_step_competencies (step_id, competency_id) \
         SELECT ?1, id FROM competencies WHERE id = ?2",
    )?;
    for competency in &step.competencies {
        stmt.execute(params![step.id, competency])?;
    }
    Ok(())
}

/// Moves a step one place up or down in its plan.
pub fn move_step(conn: &Connection, id: InterviewStepId, up: bool) -> Result<(), StoreError> {
    let step = step(conn, id)?;
    let steps = steps_of(conn, step.requisition)?;
    let Some(index) = steps.iter().position(|s| s.id == id) else { return Ok(()) };
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    let Some(other) = other.filter(|i| *i < steps.len()) else { return Ok(()) };
    let mut order: Vec<InterviewStepId> = steps.iter().map(|s| s.id).collect();
    order.swap(index, other);
    // Renumbered from the new order, so positions that tied (an old file) come apart too.
    let mut stmt = conn.prepare_cached("UPDATE interview_steps SET position = ?2 WHERE id = ?1")?;
    for (position, id) in (1_i64..).zip(order) {
        stmt.execute(params![id, position])?;
    }
    Ok(())
}

/// Assigns a competency to a step, or takes it off.
pub fn set_competency(
    conn: &Connection,
    step_id: InterviewStepId,
    competency: CompetencyId,
    assessed: bool,
) -> Result<(), StoreError> {
    step(conn, step_id)?;
    if assessed {
        if !skills::competencies(conn)?.iter().any(|c| c.id == competency) {
            return Err(StoreError::NotFound("that competency".into()));
        }
        conn.prepare_cached(
            "INSERT INTO interview_step_competencies (step_id, competency_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?
        .execute(params![step_id, competency])?;
    } else {
        let rated: i64 = conn
            .prepare_cached(
                "SELECT count(*) FROM scorecard_ratings r JOIN interviews i ON i.id = r.interview_id \
                 WHERE i.step_id = ?1 AND r.competency_id = ?2",
            )?
            .query_row(params![step_id, competency], |r| r.get(0))?;
        if rated > 0 {
            return Err(StoreError::InUse(
                "scorecards of this step already rate that competency; it stays assessed here".into(),
            ));
        }
        conn.prepare_cached(
            "DELETE FROM interview_step_competencies WHERE step_id = ?1 AND competency_id = ?2",
        )?
        .execute(params![step_id, competency])?;
    }
    Ok(())
}

fn row_to_interview(row: &Row<'_>) -> rusqlite::Result<(Interview, Option<Recommendation>)> {
    let recommendation: Option<String> = row.get(4)?;
    let recommendation = recommendation.as_deref().and_then(Recommendation::from_key);
    let submitted_at = read_optional_time(row, 5)?;
    Ok((
        Interview {
            id: row.get(0)?,
            candidate: row.get(1)?,
            step: row.get(2)?,
            held_at: read_time(row, 3)?,
            scorecard: submitted_at.zip(recommendation).map(|(submitted_at, recommendation)| Scorecard {
                ratings: Vec::new(),
                recommendation,
                submitted_at,
            }),
        },
        recommendation,
    ))
}

/// Every interview of a requisition's candidates, with the scorecards' ratings.
pub fn interviews_of(conn: &Connection, requisition: RequisitionId) -> Result<Vec<Interview>, StoreError> {
    let mut interviews: Vec<Interview> = conn
        .prepare_cached(
            "SELECT i.id, i.candidate_id, i.step_id, i.held_at, i.recommendation, i.submitted_at \
             FROM interviews i JOIN candidates c ON c.id = i.candidate_id \
             WHERE c.requisition_id = ?1 ORDER BY i.held_at, i.id",
        )?
        .query_map([requisition], row_to_interview)?
        .map(|row| row.map(|(interview, _)| interview))
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.interview_id, r.competency_id, r.rating, r.evidence FROM scorecard_ratings r \
         JOIN interviews i ON i.id = r.interview_id JOIN candidates c ON c.id = i.candidate_id \
         JOIN competencies k ON k.id = r.competency_id WHERE c.requisition_id = ?1 ORDER BY k.position, k.id",
    )?;
    let rows = stmt.query_map([requisition], |row| {
        Ok((
            row.get::<_, InterviewId>(0)?,
            Rating { competency: row.get(1)?, rating: row.get(2)?, evidence: row.get(3)? },
        ))
    })?;
    let mut ratings: HashMap<InterviewId, Vec<Rating>> = HashMap::new();
    for row in rows {
        let (id, rating) = row?;
        ratings.entry(id).or_default().push(rating);
    }
    for interview in &mut interviews {
        if let Some(card) = &mut interview.scorecard {
            card.ratings = ratings.remove(&interview.id).unwrap_or_default();
        }
    }
    Ok(interviews)
}

pub fn interview(conn: &Connection, id: InterviewId) -> Result<Interview, StoreError> {
    conn.prepare_cached(
        "SELECT id, candidate_id, step_id, held_at, recommendation, submitted_at FROM interviews WHERE id = ?1",
    )?
    .query_row([id], row_to_interview)
    .optional()?
    .map(|(interview, _)| interview)
    .ok_or_else(|| StoreError::NotFound(format!("interview #{id}")))
}

/// Plans (or records) a candidate's interview in one step of their requisition's plan.
pub fn schedule(
    conn: &Connection,
    candidate_id: CandidateId,
    step_id: InterviewStepId,
    held_at: NaiveDateTime,
) -> Result<InterviewId, StoreError> {
    let candidate = candidates::get(conn, candidate_id)?;
    let step = step(conn, step_id)?;
    if step.requisition != candidate.requisition {
        return Err(ValidationError::new("step", "that step belongs to another requisition's plan").into());
    }
    if !candidate.stage().is_open() {
        return Err(StoreError::InUse(format!(
            "{} is no longer in the process ({})",
            candidate.fields.name,
            candidate.stage().words()
        )));
    }
    if let Some(sourced) = candidate.stages.first().map(|s| s.on)
        && held_at.date() < sourced
    {
        return Err(ValidationError::new(
            "when",
            format!("{} is before {} was sourced on {sourced}", held_at.date(), candidate.fields.name),
        )
        .into());
    }
    let taken: Option<InterviewId> = conn
        .prepare_cached("SELECT id FROM interviews WHERE candidate_id = ?1 AND step_id = ?2")?
        .query_row(params![candidate_id, step_id], |r| r.get(0))
        .optional()?;
    if taken.is_some() {
        return Err(ValidationError::new(
            "step",
            format!(
                "{} already has the “{}” interview; change its time instead",
                candidate.fields.name, step.fields.name
            ),
        )
        .into());
    }
    conn.prepare_cached("INSERT INTO interviews (candidate_id, step_id, held_at) VALUES (?1, ?2, ?3)")?
        .execute(params![candidate_id, step_id, time_text(held_at)])?;
    Ok(InterviewId(conn.last_insert_rowid()))
}

/// Moves an interview not yet scored to another time.
pub fn reschedule(
    conn: &Connection,
    id: InterviewId,
    held_at: NaiveDateTime,
) -> Result<Interview, StoreError> {
    let before = interview(conn, id)?;
    if before.scorecard.is_some() {
        return Err(StoreError::InUse(
            "its scorecard is in: the interview happened at the time recorded".into(),
        ));
    }
    conn.prepare_cached("UPDATE interviews SET held_at = ?2 WHERE id = ?1")?
        .execute(params![id, time_text(held_at)])?;
    Ok(before)
}

/// Cancels an interview not yet scored.
pub fn cancel(conn: &Connection, id: InterviewId) -> Result<Interview, StoreError> {
    let before = interview(conn, id)?;
    if before.scorecard.is_some() {
        return Err(StoreError::InUse("its scorecard is in; a scored interview is kept".into()));
    }
    conn.prepare_cached("DELETE FROM interviews WHERE id = ?1")?.execute([id])?;
    Ok(before)
}

/// Submits (or corrects) an interview's scorecard: a rating and its evidence for every
/// competency the step assesses, and a recommendation.
pub fn submit(
    conn: &Connection,
    id: InterviewId,
    scorecard: &Scorecard,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let held = interview(conn, id)?;
    let step = step(conn, held.step)?;
    let names: HashMap<CompetencyId, String> =
        skills::competencies(conn)?.into_iter().map(|c| (c.id, c.name)).collect();
    let assessed: Vec<(CompetencyId, &str)> =
        step.competencies.iter().map(|id| (*id, names.get(id).map_or("", String::as_str))).collect();
    let card = interview::validate_scorecard(scorecard, &assessed, held.held_at)?;
    if card.submitted_at > now {
        return Err(ValidationError::new(
            "submitted",
            format!("{} is in the future", interview::datetime_text(card.submitted_at)),
        )
        .into());
    }
    conn.prepare_cached("DELETE FROM scorecard_ratings WHERE interview_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO scorecard_ratings (interview_id, competency_id, rating, evidence) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for rating in &card.ratings {
        insert.execute(params![id, rating.competency, rating.rating, rating.evidence])?;
    }
    conn.prepare_cached("UPDATE interviews SET recommendation = ?2, submitted_at = ?3 WHERE id = ?1")?
        .execute(params![id, card.recommendation.key(), time_text(card.submitted_at)])?;
    Ok(())
}

/// An interview with the names a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewRow {
    pub interview: InterviewId,
    pub held_at: NaiveDateTime,
    pub candidate: CandidateId,
    pub candidate_name: String,
    pub requisition: RequisitionId,
    pub requisition_title: String,
    pub step: String,
    pub who: String,
    pub by_me: bool,
    pub submitted: bool,
}

const ROW_SQL: &str = "SELECT i.id, i.held_at, c.id, c.name, r.id, r.opening_id, r.role, s.name, s.interviewer, \
     s.by_me, i.submitted_at IS NOT NULL FROM interviews i JOIN candidates c ON c.id = i.candidate_id \
     JOIN requisitions r ON r.id = c.requisition_id JOIN interview_steps s ON s.id = i.step_id";

fn row_to_row(row: &Row<'_>) -> rusqlite::Result<InterviewRow> {
    let opening: String = row.get(5)?;
    let role: String = row.get(6)?;
    let by_me: bool = row.get(9)?;
    let interviewer: String = row.get(8)?;
    Ok(InterviewRow {
        interview: row.get(0)?,
        held_at: read_time(row, 1)?,
        candidate: row.get(2)?,
        candidate_name: row.get(3)?,
        requisition: row.get(4)?,
        requisition_title: if opening.is_empty() { role } else { format!("{opening} {role}") },
        step: row.get(7)?,
        who: if by_me { "me".to_owned() } else { interviewer },
        by_me,
        submitted: row.get(10)?,
    })
}

/// Interviews the manager ran on or before `today` whose scorecard is still owed, oldest first.
pub fn owed_by_me(conn: &Connection, today: NaiveDate) -> Result<Vec<InterviewRow>, StoreError> {
    let sql = format!(
        "{ROW_SQL} WHERE s.by_me = 1 AND i.submitted_at IS NULL AND i.held_at < ?1 ORDER BY i.held_at, i.id"
    );
    let end = today.succ_opt().unwrap_or(today).format("%Y-%m-%dT00:00").to_string();
    let rows = conn.prepare_cached(&sql)?.query_map([end], row_to_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Interviews from `from` to `to` (inclusive), by time.
pub fn between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<InterviewRow>, StoreError> {
    let sql = format!("{ROW_SQL} WHERE i.held_at >= ?1 AND i.held_at < ?2 ORDER BY i.held_at, i.id");
    let start = from.format("%Y-%m-%dT00:00").to_string();
    let end = to.succ_opt().unwrap_or(to).format("%Y-%m-%dT00:00").to_string();
    let rows =
        conn.prepare_cached(&sql)?.query_map([start, end], row_to_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every interview's start and its scorecard's arrival, for the figures.
pub fn timings(conn: &Connection) -> Result<Vec<ScorecardTiming>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT held_at, submitted_at FROM interviews")?;
    let rows = stmt
        .query_map([], |row| {
            Ok(ScorecardTiming { held_at: read_time(row, 0)?, submitted_at: read_optional_time(row, 1)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
