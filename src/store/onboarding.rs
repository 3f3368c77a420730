//! Bringing a hire onto the team: the editable 30-60-90 template, the hire itself (one
//! transaction: the architect, the filled requisition, the development goals of the plan, the
//! buddy, and the first one-on-one with the plan's talking points on its agenda), and the
//! onboarding section of a new hire's prep card.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::architects::choice;
use super::{StoreError, architects, candidates, goals, one_on_ones, requisitions};
use crate::model::architect::Choice as _;
use crate::model::candidate::{self, Stage};
use crate::model::goal::{GoalFields, GoalKind, GoalStatus};
use crate::model::onboarding::{self, Hire, ItemFields, ItemKind, TemplateItem};
use crate::model::one_on_one::{Party, PointFields};
use crate::model::prep::{self, Inputs};
use crate::model::requisition::RequisitionStatus;
use crate::model::{
    ArchitectFields, ArchitectId, Cadence, CandidateId, GoalId, OneOnOneId, RequisitionId, Status,
    TemplateItemId, ValidationError,
};

fn row_to_item(row: &Row<'_>) -> rusqlite::Result<TemplateItem> {
    Ok(TemplateItem {
        id: row.get(0)?,
        position: row.get(1)?,
        fields: ItemFields {
            kind: choice::<ItemKind>(row, 2)?,
            goal_kind: choice::<GoalKind>(row, 3)?,
            day: row.get(4)?,
            text: row.get(5)?,
        },
    })
}

/// The template, in order.
pub fn template(conn: &Connection) -> Result<Vec<TemplateItem>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, kind, goal_kind, day, text FROM onboarding_template ORDER BY position, id",
    )?;
    let items = stmt.query_map([], row_to_item)?.collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

pub fn add_item(conn: &Connection, fields: &ItemFields) -> Result<TemplateItemId, StoreError> {
    let f = fields.validated()?;
    let position: i64 =
        conn.query_row("SELECT coalesce(max(position), 0) + 1 FROM onboarding_template", [], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO onboarding_template (position, kind, goal_kind, day, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![position, f.kind.key(), f.goal_kind.key(), f.day, f.text])?;
    Ok(TemplateItemId(conn.last_insert_rowid()))
}

pub fn update_item(conn: &Connection, id: TemplateItemId, fields: &ItemFields) -> Result<(), StoreError> {
    let f = fields.validated()?;
    let changed = conn
        .prepare_cached(
            "UPDATE onboarding_template SET kind = ?2, goal_kind = ?3, day = ?4, text = ?5 WHERE id = ?1",
        )?
        .execute(params![id, f.kind.key(), f.goal_kind.key(), f.day, f.text])?;
    if changed == 0 {
        return Err(StoreError::NotFound("that template item".into()));
    }
    Ok(())
}

pub fn delete_item(conn: &Connection, id: TemplateItemId) -> Result<(), StoreError> {
    let changed = conn.prepare_cached("DELETE FROM onboarding_template WHERE id = ?1")?.execute([id])?;
    if changed == 0 {
        return Err(StoreError::NotFound("that template item".into()));
    }
    Ok(())
}

/// Puts back a template item deleted a moment ago (its undo), in its old place.
pub fn restore_item(conn: &Connection, item: &TemplateItem) -> Result<(), StoreError> {
    let f = item.fields.validated()?;
    conn.prepare_cached(
        "INSERT INTO onboarding_template (id, position, kind, goal_kind, day, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![item.id, item.position, f.kind.key(), f.goal_kind.key(), f.day, f.text])?;
    Ok(())
}

pub fn move_item(conn: &Connection, id: TemplateItemId, up: bool) -> Result<(), StoreError> {
    let items = template(conn)?;
    let Some(index) = items.iter().position(|i| i.id == id) else {
        return Err(StoreError::NotFound("that template item".into()));
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    let Some(other) = other.filter(|i| *i < items.len()) else { return Ok(()) };
    let mut order: Vec<TemplateItemId> = items.iter().map(|i| i.id).collect();
    order.swap(index, other);
    let mut stmt = conn.prepare_cached("UPDATE onboarding_template SET position = ?2 WHERE id = ?1")?;
    for (position, id) in (1_i64..).zip(order) {
        stmt.execute(params![id, position])?;
    }
    Ok(())
}

/// What a hire created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hired {
    pub architect: ArchitectId,
    pub requisition: RequisitionId,
    pub goals: usize,
    pub talking_points: usize,
    pub first_one_on_one: OneOnOneId,
}

/// The name of whoever filled a requisition.
fn filled_by(conn: &Connection, requisition: RequisitionId) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT name FROM candidates WHERE requisition_id = ?1 AND stage = 'hired' LIMIT 1")?
        .query_row([requisition], |r| r.get(0))
        .optional()?)
}

/// Hires a candidate at the offer stage: all of it, or (on any refusal) nothing.
pub fn hire(conn: &Connection, hire: &Hire, today: NaiveDate) -> Result<Hired, StoreError> {
    let person = candidates::get(conn, hire.candidate)?;
    let requisition = requisitions::get(conn, person.requisition)?;
    let title = requisition.title();
    match requisition.status {
        RequisitionStatus::Filled => {
            let by = filled_by(conn, requisition.id)?.map(|name| format!(" by {name}")).unwrap_or_default();
            let on = requisition.closed_on.map(|d| format!(" on {d}")).unwrap_or_default();
            return Err(StoreError::InUse(format!(
                "{title} is already filled{by}{on}; open a new requisition for another hire"
            )));
        }
        RequisitionStatus::Cancelled => {
            return Err(StoreError::InUse(format!("{title} is cancelled; open it again before hiring")));
        }
        RequisitionStatus::Open | RequisitionStatus::OnHold => {}
    }
    candidate::check_move(&person.fields.name, &person.stages, Stage::Hired, hire.hired_on, today)
        .map_err(StoreError::Stage)?;
    let Some(started_on) = hire.architect.started_on else {
        return Err(ValidationError::new("start date", "a hire needs a start date").into());
    };
    if started_on < hire.hired_on {
        return Err(ValidationError::new(
            "start date",
            format!("{started_on} is before the offer was accepted on {}", hire.hired_on),
        )
        .into());
    }
    // A notice period of a few months is normal: the hire is recorded when the offer is
    // accepted. Further out than about six months is almost always a typo.
    let latest = today.checked_add_days(Days::new(onboarding::START_MAX_DAYS_AHEAD)).unwrap_or(today);
    if started_on > latest {
        return Err(ValidationError::new(
            "start date",
            format!(
                "{started_on} is more than {} days (six months) ahead; check the year",
                onboarding::START_MAX_DAYS_AHEAD
            ),
        )
        .into());
    }
    let buddy = match hire.buddy {
        Some(id) => {
            let buddy = architects::get(conn, id)?;
            if buddy.fields.status == Status::Left {
                return Err(
                    ValidationError::new("buddy", format!("{} has left the team", buddy.name())).into()
                );
            }
            Some(buddy.fields.name)
        }
        None => None,
    };
    let items = hire.items.iter().map(ItemFields::validated).collect::<Result<Vec<_>, _>>()?;

    let fields =
        ArchitectFields { cadence: Cadence::Weekly, status: Status::Active, ..hire.architect.clone() };
    let architect = architects::insert(conn, &fields, today)?;
    conn.prepare_cached(
        "INSERT INTO candidate_stages (candidate_id, stage, reached_on) VALUES (?1, 'hired', ?2)",
    )?
    .execute(params![hire.candidate, hire.hired_on])?;
    conn.prepare_cached("UPDATE candidates SET stage = 'hired', architect_id = ?2 WHERE id = ?1")?
        .execute(params![hire.candidate, architect])?;
    requisitions::write_status(conn, requisition.id, RequisitionStatus::Filled, Some(hire.hired_on), "")?;
    conn.prepare_cached(
        "INSERT INTO onboarding_plans (architect_id, started_on, buddy_id) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![architect, started_on, hire.buddy])?;

    let created_on = started_on.min(today);
    let mut goal_count = 0;
    let mut points = Vec::new();
    for item in &items {
        let text = item.text_for(buddy.as_deref());
        match item.kind {
            ItemKind::Goal => {
                let goal = GoalFields {
                    kind: item.goal_kind,
                    description: text,
                    target_on: started_on.checked_add_days(Days::new(u64::from(item.day))),
                    status: GoalStatus::NotStarted,
                    progress_pct: 0,
                    evidence: String::new(),
                    cert: None,
                };
                let id = goals::insert(conn, architect, &goal, created_on, today)?;
                conn.prepare_cached(
                    "INSERT INTO onboarding_goals (goal_id, architect_id, day) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, architect, item.day])?;
                goal_count += 1;
            }
            ItemKind::TalkingPoint => {
                points.push(PointFields { text, raised_by: Party::Me, topic: "Onboarding".to_owned() });
            }
        }
    }
    // Planned on the first day however far ahead it is (an ordinary meeting is planned at most
    // a month ahead); the weekly cadence takes over from there.
    let first = one_on_ones::plan(conn, architect, started_on, &points)?;
    conn.prepare_cached("UPDATE onboarding_plans SET first_one_on_one_id = ?2 WHERE architect_id = ?1")?
        .execute(params![architect, first])?;
    Ok(Hired {
        architect,
        requisition: requisition.id,
        goals: goal_count,
        talking_points: points.len(),
        first_one_on_one: first,
    })
}

/// Reverses a hire made a moment ago (its undo): the architect goes with everything the hire
/// created for them (meetings, goals, the plan), the candidate is back at the offer stage and
/// the requisition as it was (`requisition`, read before the hire). Returns the name.
pub fn unhire(
    conn: &Connection,
    candidate: CandidateId,
    requisition: &crate::model::requisition::Requisition,
) -> Result<String, StoreError> {
    let person = candidates::get(conn, candidate)?;
    let Some(architect) = person.architect else {
        return Err(StoreError::InUse(format!("{} is not hired", person.fields.name)));
    };
    for meeting in one_on_ones::history(conn, architect)? {
        one_on_ones::delete(conn, meeting.meeting.id)?;
    }
    for goal in goals::list_of(conn, architect)? {
        goals::delete(conn, goal.id)?;
    }
    conn.prepare_cached("DELETE FROM onboarding_plans WHERE architect_id = ?1")?.execute([architect])?;
    conn.prepare_cached("DELETE FROM candidate_stages WHERE candidate_id = ?1 AND stage = 'hired'")?
        .execute([candidate])?;
    conn.prepare_cached("UPDATE candidates SET stage = 'offer', architect_id = NULL WHERE id = ?1")?
        .execute([candidate])?;
    requisitions::restore_status(conn, requisition)?;
    let name = architects::get(conn, architect)?.fields.name;
    architects::delete(conn, architect)?;
    Ok(name)
}

/// A hire's onboarding plan as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub architect: ArchitectId,
    pub started_on: NaiveDate,
    pub buddy: Option<ArchitectId>,
    pub first_one_on_one: Option<OneOnOneId>,
    /// The plan's goals with their day: (goal, day).
    pub goals: Vec<(crate::model::GoalId, u16)>,
}

/// Every onboarding plan, by architect.
pub fn plans(conn: &Connection) -> Result<HashMap<ArchitectId, Plan>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, started_on, buddy_id, first_one_on_one_id FROM onboarding_plans",
    )?;
    let mut plans: HashMap<ArchitectId, Plan> = stmt
        .query_map([], |row| {
            Ok(Plan {
                architect: row.get(0)?,
                started_on: row.get(1)?,
                buddy: row.get(2)?,
                first_one_on_one: row.get(3)?,
                goals: Vec::new(),
            })
        })?
        .map(|plan| plan.map(|p| (p.architect, p)))
        .collect::<rusqlite::Result<_>>()?;
    let mut goals =
        conn.prepare_cached("SELECT architect_id, goal_id, day FROM onboarding_goals ORDER BY day, goal_id")?;
    let rows = goals.query_map([], |row| Ok((row.get::<_, ArchitectId>(0)?, row.get(1)?, row.get(2)?)))?;
    for row in rows {
        let (architect, goal, day) = row?;
        if let Some(plan) = plans.get_mut(&architect) {
            plan.goals.push((goal, day));
        }
    }
    Ok(plans)
}

/// Puts the onboarding section on the cards of new hires in their first 90 days as of
/// `as_of`: everyone on the sheet, or only `only` (after a write that touched them).
pub fn fill_prep(
    conn: &Connection,
    as_of: NaiveDate,
    inputs: &mut Inputs,
    only: Option<ArchitectId>,
) -> Result<(), StoreError> {
    // A cheap look first: most weeks nobody is onboarding.
    let since = as_of.checked_sub_days(Days::new(u64::try_from(onboarding::ONBOARDING_DAYS).unwrap_or(90)));
    let mut stmt = conn.prepare_cached(
        "SELECT p.architect_id, p.started_on, b.name FROM onboarding_plans p \
         LEFT JOIN architects b ON b.id = p.buddy_id WHERE p.started_on > ?1 AND p.started_on <= ?2",
    )?;
    let starts: Vec<(ArchitectId, NaiveDate, Option<String>)> = stmt
        .query_map(params![since, as_of], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    match only {
        Some(id) => {
            inputs.onboarding.remove(&id);
        }
        None => inputs.onboarding.clear(),
    }
    let mut goals = conn.prepare_cached(
        "SELECT o.day, g.description, g.status, g.target_on FROM onboarding_goals o JOIN goals g ON g.id = o.goal_id \
         WHERE o.architect_id = ?1 ORDER BY o.day, g.id",
    )?;
    for (architect, started_on, buddy) in starts {
        if only.is_some_and(|id| id != architect) || !inputs.architects.iter().any(|a| a.id == architect) {
            continue;
        }
        let Some(day) = onboarding::onboarding_day(started_on, as_of) else { continue };
        let items = goals
            .query_map([architect], |row| {
                let day: u16 = row.get(0)?;
                let status = choice::<GoalStatus>(row, 2)?;
                let target: Option<NaiveDate> = row.get(3)?;
                Ok(prep::OnboardingItem {
                    day,
                    due_on: target.unwrap_or(started_on),
                    text: row.get(1)?,
                    done: status == GoalStatus::Done,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        inputs.onboarding.insert(architect, prep::Onboarding { day, buddy, items });
    }
    Ok(())
}

/// The day each onboarding goal's window opens (see [`onboarding::goal_window_opens`]): the
/// "stalled" clock of a goal of the plan starts there, not at the hire.
pub fn goal_windows(conn: &Connection) -> Result<HashMap<GoalId, NaiveDate>, StoreError> {
    windows(conn, None)
}

/// The same for one architect's plan.
pub fn goal_windows_of(
    conn: &Connection,
    architect: ArchitectId,
) -> Result<HashMap<GoalId, NaiveDate>, StoreError> {
    windows(conn, Some(architect))
}

fn windows(conn: &Connection, only: Option<ArchitectId>) -> Result<HashMap<GoalId, NaiveDate>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.goal_id, p.started_on, g.day FROM onboarding_goals g \
         JOIN onboarding_plans p ON p.architect_id = g.architect_id WHERE ?1 IS NULL OR g.architect_id = ?1",
    )?;
    let rows = stmt.query_map([only], |row| {
        let started_on: NaiveDate = row.get(1)?;
        Ok((row.get(0)?, onboarding::goal_window_opens(started_on, row.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Candidate ids whose hire became `architect` (for the page of a new hire).
pub fn hired_as(conn: &Connection, architect: ArchitectId) -> Result<Option<CandidateId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM candidates WHERE architect_id = ?1")?
        .query_row([architect], |r| r.get(0))
        .optional()?)
}
