//! Quarterly reviews: the manager's words per quarter (accomplishments, dropped suggestions,
//! setbacks, priorities, ratings, what became of last quarter's priorities), finalizing with
//! the figures' snapshot and reopening (the competencies are in `review_competencies`).

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
pub use super::review_competencies::competencies;
use crate::model::fiscal::FiscalQuarter;
use crate::model::review::figures::QuarterFigures;
use crate::model::review::words::{
    self, Accomplishment, AccomplishmentFields, Outcome, Priority, PromiseOutcome, Rating, ReviewCompetency,
    ReviewError, ReviewState, ReviewWords, Ring,
};
use crate::model::split::Category;
use crate::model::{AccomplishmentId, GoalId, PriorityId, ReviewCompetencyId, ReviewId};

fn now() -> String {
    Utc::now().to_rfc3339()
}

fn quarter_at(row: &Row<'_>, year: usize, quarter: usize) -> rusqlite::Result<FiscalQuarter> {
    let (fiscal_year, number): (i32, u8) = (row.get(year)?, row.get(quarter)?);
    FiscalQuarter::new(fiscal_year, number).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(year, rusqlite::types::Type::Integer, Box::new(e))
    })
}

/// A review's row: its id, state and when it was finalized.
struct Head {
    id: ReviewId,
    state: ReviewState,
}

fn head(conn: &Connection, quarter: FiscalQuarter) -> Result<Option<Head>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT id, state, finalized_on FROM reviews WHERE fiscal_year = ?1 AND quarter = ?2",
        )?
        .query_row(params![quarter.fiscal_year(), quarter.quarter()], |row| {
            let state = match (row.get::<_, String>(1)?.as_str(), row.get::<_, Option<NaiveDate>>(2)?) {
                ("final", Some(finalized_on)) => ReviewState::Final { finalized_on },
                _ => ReviewState::Draft,
            };
            Ok(Head { id: row.get(0)?, state })
        })
        .optional()?)
}

/// The review of `quarter` ready to take text: created if it is not there yet; refused when the
/// quarter has not started or the review is finalized.
fn editable(conn: &Connection, quarter: FiscalQuarter, today: NaiveDate) -> Result<ReviewId, StoreError> {
    let start_month = super::time::time_settings(conn)?.start_month;
    let starts_on = quarter.start(start_month);
    if starts_on > today {
        return Err(ReviewError::NotStarted { quarter, starts_on }.into());
    }
    match head(conn, quarter)? {
        Some(Head { state: ReviewState::Final { .. }, .. }) => Err(ReviewError::Finalized { quarter }.into()),
        Some(Head { id, .. }) => Ok(id),
        None => {
            let stamp = now();
            conn.prepare_cached(
                "INSERT INTO reviews (fiscal_year, quarter, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute(params![quarter.fiscal_year(), quarter.quarter(), stamp])?;
            Ok(ReviewId(conn.last_insert_rowid()))
        }
    }
}

fn touch(conn: &Connection, review: ReviewId) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE reviews SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![review, now()])?;
    Ok(())
}

/// The quarter and state of the review an item of `table` belongs to.
fn owner(
    conn: &Connection,
    table: &str,
    id: i64,
    what: &str,
) -> Result<(ReviewId, FiscalQuarter), StoreError> {
    let sql = format!(
        "SELECT r.id, r.fiscal_year, r.quarter, r.state FROM {table} i JOIN reviews r ON r.id = i.review_id \
         WHERE i.id = ?1"
    );
    let (review, quarter, state) = conn
        .prepare_cached(&sql)?
        .query_row([id], |row| {
            Ok((row.get::<_, ReviewId>(0)?, quarter_at(row, 1, 2)?, row.get::<_, String>(3)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("{what} #{id}")))?;
    if state == "final" {
        return Err(ReviewError::Finalized { quarter }.into());
    }
    Ok((review, quarter))
}

/// Everything written for `quarter` (blank when nothing is).
pub fn words(conn: &Connection, quarter: FiscalQuarter) -> Result<ReviewWords, StoreError> {
    let Some(Head { id, state }) = head(conn, quarter)? else {
        return Ok(ReviewWords::blank(quarter));
    };
    let setbacks: String =
        conn.prepare_cached("SELECT setbacks FROM reviews WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
    let accomplishments = conn
        .prepare_cached(
            "SELECT id, text, ring, accountability, suggestion FROM review_accomplishments \
             WHERE review_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |row| {
            Ok(Accomplishment {
                id: row.get(0)?,
                fields: AccomplishmentFields {
                    text: row.get(1)?,
                    ring: optional_choice::<Ring>(row, 2)?,
                    accountability: optional_choice::<Category>(row, 3)?,
                },
                suggestion: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let dropped = conn
        .prepare_cached("SELECT key FROM review_dropped_suggestions WHERE review_id = ?1 ORDER BY key")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let priorities = priorities_of(conn, id)?;
    let ratings = conn
        .prepare_cached(
            "SELECT competency_id, role, name, rating, evidence FROM review_ratings WHERE review_id = ?1 \
             ORDER BY (SELECT position FROM review_competencies c WHERE c.id = competency_id), id",
        )?
        .query_map([id], |row| {
            Ok(Rating {
                competency: row.get(0)?,
                role: row.get(1)?,
                name: row.get(2)?,
                rating: row.get(3)?,
                evidence: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let outcomes = conn
        .prepare_cached(
            "SELECT priority_id, outcome, note FROM review_promise_outcomes WHERE review_id = ?1 ORDER BY priority_id",
        )?
        .query_map([id], |row| {
            Ok(PromiseOutcome {
                priority: row.get(0)?,
                outcome: optional_choice::<Outcome>(row, 1)?,
                note: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ReviewWords { quarter, state, accomplishments, dropped, setbacks, priorities, ratings, outcomes })
}

fn optional_choice<T: crate::model::architect::Choice>(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<T>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => choice::<T>(row, index).map(Some),
    }
}

const PRIORITY_COLUMNS: &str = "id, text, goal_id, remind_on";

fn row_to_priority(row: &Row<'_>) -> rusqlite::Result<Priority> {
    Ok(Priority { id: row.get(0)?, text: row.get(1)?, goal: row.get(2)?, remind_on: row.get(3)? })
}

fn priorities_of(conn: &Connection, review: ReviewId) -> Result<Vec<Priority>, StoreError> {
    let sql = format!(
        "SELECT {PRIORITY_COLUMNS} FROM review_priorities WHERE review_id = ?1 ORDER BY position, id"
    );
    Ok(conn.prepare_cached(&sql)?.query_map([review], row_to_priority)?.collect::<rusqlite::Result<_>>()?)
}

/// The figures stored when `quarter`'s review was finalized, if it is.
pub fn snapshot(conn: &Connection, quarter: FiscalQuarter) -> Result<Option<QuarterFigures>, StoreError> {
    let text: Option<String> = conn
        .prepare_cached(
            "SELECT snapshot FROM reviews WHERE fiscal_year = ?1 AND quarter = ?2 AND state = 'final'",
        )?
        .query_row(params![quarter.fiscal_year(), quarter.quarter()], |row| row.get(0))
        .optional()?
        .flatten();
    text.map(|text| {
        serde_json::from_str(&text)
            .map_err(|e| StoreError::from(ReviewError::Snapshot { quarter, detail: e.to_string() }))
    })
    .transpose()
}

pub fn set_setbacks(
    conn: &Connection,
    quarter: FiscalQuarter,
    text: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let text = words::validate_setbacks(text)?;
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached("UPDATE reviews SET setbacks = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![review, text, now()])?;
    Ok(())
}

fn next_position(conn: &Connection, table: &str, review: ReviewId) -> Result<i64, StoreError> {
    let sql = format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE review_id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([review], |r| r.get(0))?)
}

pub fn add_accomplishment(
    conn: &Connection,
    quarter: FiscalQuarter,
    fields: &AccomplishmentFields,
    suggestion: Option<&str>,
    today: NaiveDate,
) -> Result<AccomplishmentId, StoreError> {
    let fields = fields.validated()?;
    let review = editable(conn, quarter, today)?;
    let position = next_position(conn, "review_accomplishments", review)?;
    conn.prepare_cached(
        "INSERT INTO review_accomplishments (review_id, position, text, ring, accountability, suggestion) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        review,
        position,
        fields.text,
        fields.ring.map(super::super::model::architect::Choice::key),
        fields.accountability.map(super::super::model::architect::Choice::key),
        suggestion
    ])?;
    touch(conn, review)?;
    Ok(AccomplishmentId(conn.last_insert_rowid()))
}

/// An accomplishment as stored, with its quarter and place in the list (for undo).
pub fn accomplishment(
    conn: &Connection,
    id: AccomplishmentId,
) -> Result<(FiscalQuarter, Accomplishment, i64), StoreError> {
    conn.prepare_cached(
        "SELECT r.fiscal_year, r.quarter, a.id, a.text, a.ring, a.accountability, a.suggestion, a.position \
         FROM review_accomplishments a JOIN reviews r ON r.id = a.review_id WHERE a.id = ?1",
    )?
    .query_row([id], |row| {
        let accomplishment = Accomplishment {
            id: row.get(2)?,
            fields: AccomplishmentFields {
                text: row.get(3)?,
                ring: optional_choice::<Ring>(row, 4)?,
                accountability: optional_choice::<Category>(row, 5)?,
            },
            suggestion: row.get(6)?,
        };
        Ok((quarter_at(row, 0, 1)?, accomplishment, row.get(7)?))
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("accomplishment #{id}")))
}

pub fn update_accomplishment(
    conn: &Connection,
    id: AccomplishmentId,
    fields: &AccomplishmentFields,
) -> Result<FiscalQuarter, StoreError> {
    let fields = fields.validated()?;
    let (review, quarter) = owner(conn, "review_accomplishments", id.0, "accomplishment")?;
    conn.prepare_cached(
        "UPDATE review_accomplishments SET text = ?2, ring = ?3, accountability = ?4 WHERE id = ?1",
    )?
    .execute(params![
        id,
        fields.text,
        fields.ring.map(super::super::model::architect::Choice::key),
        fields.accountability.map(super::super::model::architect::Choice::key)
    ])?;
    touch(conn, review)?;
    Ok(quarter)
}

/// Deletes an accomplishment; returns it as it was, with its quarter and position.
pub fn delete_accomplishment(
    conn: &Connection,
    id: AccomplishmentId,
) -> Result<(FiscalQuarter, Accomplishment, i64), StoreError> {
    let (review, _) = owner(conn, "review_accomplishments", id.0, "accomplishment")?;
    let deleted = accomplishment(conn, id)?;
    conn.prepare_cached("DELETE FROM review_accomplishments WHERE id = ?1")?.execute([id])?;
    touch(conn, review)?;
    Ok(deleted)
}

/// Puts a deleted accomplishment back under its id and position (undo).
pub fn restore_accomplishment(
    conn: &Connection,
    quarter: FiscalQuarter,
    accomplishment: &Accomplishment,
    position: i64,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let fields = accomplishment.fields.validated()?;
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached(
        "INSERT INTO review_accomplishments (id, review_id, position, text, ring, accountability, suggestion) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        accomplishment.id,
        review,
        position,
        fields.text,
        fields.ring.map(super::super::model::architect::Choice::key),
        fields.accountability.map(super::super::model::architect::Choice::key),
        accomplishment.suggestion
    ])?;
    touch(conn, review)
}

pub fn drop_suggestion(
    conn: &Connection,
    quarter: FiscalQuarter,
    key: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached("INSERT OR IGNORE INTO review_dropped_suggestions (review_id, key) VALUES (?1, ?2)")?
        .execute(params![review, key])?;
    touch(conn, review)
}

pub fn undrop_suggestion(
    conn: &Connection,
    quarter: FiscalQuarter,
    key: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached("DELETE FROM review_dropped_suggestions WHERE review_id = ?1 AND key = ?2")?
        .execute(params![review, key])?;
    touch(conn, review)
}

pub fn add_priority(
    conn: &Connection,
    quarter: FiscalQuarter,
    text: &str,
    today: NaiveDate,
) -> Result<PriorityId, StoreError> {
    let text = words::validate_priority(text)?;
    let review = editable(conn, quarter, today)?;
    let position = next_position(conn, "review_priorities", review)?;
    conn.prepare_cached("INSERT INTO review_priorities (review_id, position, text) VALUES (?1, ?2, ?3)")?
        .execute(params![review, position, text])?;
    touch(conn, review)?;
    Ok(PriorityId(conn.last_insert_rowid()))
}

/// A priority as stored, with its quarter and place in the list.
pub fn priority(conn: &Connection, id: PriorityId) -> Result<(FiscalQuarter, Priority, i64), StoreError> {
    conn.prepare_cached(
        "SELECT r.fiscal_year, r.quarter, p.id, p.text, p.goal_id, p.remind_on, p.position \
         FROM review_priorities p JOIN reviews r ON r.id = p.review_id WHERE p.id = ?1",
    )?
    .query_row([id], |row| {
        let priority =
            Priority { id: row.get(2)?, text: row.get(3)?, goal: row.get(4)?, remind_on: row.get(5)? };
        Ok((quarter_at(row, 0, 1)?, priority, row.get(6)?))
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("priority #{id}")))
}

pub fn update_priority(conn: &Connection, id: PriorityId, text: &str) -> Result<FiscalQuarter, StoreError> {
    let text = words::validate_priority(text)?;
    let (review, quarter) = owner(conn, "review_priorities", id.0, "priority")?;
    conn.prepare_cached("UPDATE review_priorities SET text = ?2 WHERE id = ?1")?
        .execute(params![id, text])?;
    touch(conn, review)?;
    Ok(quarter)
}

/// A day to be reminded of the priority, or none. Allowed on a finalized review too: a
/// reminder is not part of what was submitted.
pub fn set_reminder(
    conn: &Connection,
    id: PriorityId,
    on: Option<NaiveDate>,
) -> Result<FiscalQuarter, StoreError> {
    let (quarter, _, _) = priority(conn, id)?;
    conn.prepare_cached("UPDATE review_priorities SET remind_on = ?2 WHERE id = ?1")?
        .execute(params![id, on])?;
    Ok(quarter)
}

/// Records the development goal made from the priority (also on a finalized review).
pub fn link_goal(
    conn: &Connection,
    id: PriorityId,
    goal: Option<GoalId>,
) -> Result<FiscalQuarter, StoreError> {
    let (quarter, _, _) = priority(conn, id)?;
    conn.prepare_cached("UPDATE review_priorities SET goal_id = ?2 WHERE id = ?1")?
        .execute(params![id, goal])?;
    Ok(quarter)
}

pub fn delete_priority(
    conn: &Connection,
    id: PriorityId,
) -> Result<(FiscalQuarter, Priority, i64), StoreError> {
    let (review, _) = owner(conn, "review_priorities", id.0, "priority")?;
    let deleted = priority(conn, id)?;
    conn.prepare_cached("DELETE FROM review_priorities WHERE id = ?1")?.execute([id])?;
    touch(conn, review)?;
    Ok(deleted)
}

pub fn restore_priority(
    conn: &Connection,
    quarter: FiscalQuarter,
    priority: &Priority,
    position: i64,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let text = words::validate_priority(&priority.text)?;
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached(
        "INSERT INTO review_priorities (id, review_id, position, text, goal_id, remind_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![priority.id, review, position, text, priority.goal, priority.remind_on])?;
    touch(conn, review)
}

/// Moves an accomplishment or a priority one place up or down its list.
pub fn move_item(
    conn: &Connection,
    list: ReviewList,
    id: i64,
    up: bool,
) -> Result<FiscalQuarter, StoreError> {
    let table = list.table();
    let (review, quarter) = owner(conn, table, id, list.what())?;
    let ids: Vec<i64> = conn
        .prepare_cached(&format!("SELECT id FROM {table} WHERE review_id = ?1 ORDER BY position, id"))?
        .query_map([review], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(index) = ids.iter().position(|i| *i == id) else { return Ok(quarter) };
    let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|i| *i < ids.len()) };
    let Some(other) = other else { return Ok(quarter) };
    let mut order = ids;
    order.swap(index, other);
    let mut update = conn.prepare_cached(&format!("UPDATE {table} SET position = ?2 WHERE id = ?1"))?;
    for (position, id) in order.iter().enumerate() {
        update.execute(params![id, i64::try_from(position).unwrap_or(i64::MAX) + 1])?;
    }
    touch(conn, review)?;
    Ok(quarter)
}

/// The two ordered lists of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewList {
    Accomplishments,
    Priorities,
}

impl ReviewList {
    fn table(self) -> &'static str {
        match self {
            Self::Accomplishments => "review_accomplishments",
            Self::Priorities => "review_priorities",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Accomplishments => "accomplishment",
            Self::Priorities => "priority",
        }
    }
}

/// A self-rating (1 to 5, or not yet) and its evidence on one competency.
pub fn set_rating(
    conn: &Connection,
    quarter: FiscalQuarter,
    competency: ReviewCompetencyId,
    rating: Option<i64>,
    evidence: &str,
    today: NaiveDate,
) -> Result<ReviewCompetency, StoreError> {
    let rating = rating.map(words::validate_rating).transpose()?;
    let evidence = words::validate_evidence(evidence)?;
    let competency = super::review_competencies::get(conn, competency)?;
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached(
        "INSERT INTO review_ratings (review_id, competency_id, role, name, rating, evidence) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (review_id, competency_id) DO UPDATE SET role = excluded.role, name = excluded.name, \
         rating = excluded.rating, evidence = excluded.evidence",
    )?
    .execute(params![review, competency.id, competency.role, competency.name, rating, evidence])?;
    touch(conn, review)?;
    Ok(competency)
}

/// What became of one of the previous quarter's priorities, written in `quarter`'s review.
pub fn set_outcome(
    conn: &Connection,
    quarter: FiscalQuarter,
    priority_id: PriorityId,
    outcome: Option<Outcome>,
    note: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let note = words::validate_note(note)?;
    let (belongs_to, priority, _) = priority(conn, priority_id)?;
    if belongs_to != quarter.previous() {
        return Err(ReviewError::OtherQuarter {
            what: format!("the priority “{}”", priority.text),
            belongs_to,
            quarter: quarter.previous(),
        }
        .into());
    }
    let review = editable(conn, quarter, today)?;
    conn.prepare_cached(
        "INSERT INTO review_promise_outcomes (review_id, priority_id, outcome, note) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (review_id, priority_id) DO UPDATE SET outcome = excluded.outcome, note = excluded.note",
    )?
    .execute(params![
        review,
        priority_id,
        outcome.map(super::super::model::architect::Choice::key),
        note
    ])?;
    touch(conn, review)
}

/// Freezes the review: the figures as JSON, the day, the text locked.
pub fn finalize(
    conn: &Connection,
    quarter: FiscalQuarter,
    figures: &QuarterFigures,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let review = match head(conn, quarter)? {
        Some(Head { state: ReviewState::Final { .. }, .. }) => {
            return Err(ReviewError::AlreadyFinal { quarter }.into());
        }
        Some(Head { id, .. }) => id,
        None => editable(conn, quarter, today)?,
    };
    let snapshot = serde_json::to_string(figures)
        .map_err(|e| StoreError::from(ReviewError::Snapshot { quarter, detail: e.to_string() }))?;
    write_final(conn, review, today, &snapshot)
}

fn write_final(conn: &Connection, review: ReviewId, on: NaiveDate, snapshot: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE reviews SET state = 'final', finalized_on = ?2, snapshot = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![review, on, snapshot, now()])?;
    Ok(())
}

/// A finalized review as it was: the day and the stored figures (kept by a reopen for undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frozen {
    pub finalized_on: NaiveDate,
    pub snapshot: String,
}

/// Back to a draft: text editable, figures from the records again. Returns what was frozen.
pub fn reopen(conn: &Connection, quarter: FiscalQuarter) -> Result<Frozen, StoreError> {
    let frozen = conn
        .prepare_cached(
            "SELECT finalized_on, snapshot FROM reviews WHERE fiscal_year = ?1 AND quarter = ?2 AND state = 'final'",
        )?
        .query_row(params![quarter.fiscal_year(), quarter.quarter()], |row| {
            Ok(Frozen { finalized_on: row.get(0)?, snapshot: row.get(1)? })
        })
        .optional()?
        .ok_or(ReviewError::NotFinal { quarter })?;
    conn.prepare_cached(
        "UPDATE reviews SET state = 'draft', finalized_on = NULL, snapshot = NULL, updated_at = ?3 \
         WHERE fiscal_year = ?1 AND quarter = ?2",
    )?
    .execute(params![quarter.fiscal_year(), quarter.quarter(), now()])?;
    Ok(frozen)
}

/// Finalizes again with the figures a reopen took away (undo of the reopen).
pub fn restore_final(conn: &Connection, quarter: FiscalQuarter, frozen: &Frozen) -> Result<(), StoreError> {
    serde_json::from_str::<QuarterFigures>(&frozen.snapshot)
        .map_err(|e| StoreError::from(ReviewError::Snapshot { quarter, detail: e.to_string() }))?;
    let Some(Head { id, state: ReviewState::Draft }) = head(conn, quarter)? else {
        return Err(ReviewError::AlreadyFinal { quarter }.into());
    };
    write_final(conn, id, frozen.finalized_on, &frozen.snapshot)
}

/// Priorities with a reminder from `from` to `to` (both included), soonest first, with the
/// quarter of their review.
pub fn reminders(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(FiscalQuarter, Priority)>, StoreError> {
    conn.prepare_cached(
        "SELECT r.fiscal_year, r.quarter, p.id, p.text, p.goal_id, p.remind_on FROM review_priorities p \
         JOIN reviews r ON r.id = p.review_id WHERE p.remind_on BETWEEN ?1 AND ?2 ORDER BY p.remind_on, p.id",
    )?
    .query_map(params![from, to], |row| {
        Ok((
            quarter_at(row, 0, 1)?,
            Priority { id: row.get(2)?, text: row.get(3)?, goal: row.get(4)?, remind_on: row.get(5)? },
        ))
    })?
    .collect::<rusqlite::Result<_>>()
    .map_err(Into::into)
}

/// The quarters that have a review, newest first, with their state.
pub fn quarters(conn: &Connection) -> Result<Vec<(FiscalQuarter, bool)>, StoreError> {
    conn.prepare_cached(
        "SELECT fiscal_year, quarter, state FROM reviews ORDER BY fiscal_year DESC, quarter DESC",
    )?
    .query_map([], |row| Ok((quarter_at(row, 0, 1)?, row.get::<_, String>(2)? == "final")))?
    .collect::<rusqlite::Result<_>>()
    .map_err(Into::into)
}
