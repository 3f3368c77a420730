//! Opportunities and wins, with the architects driving them and each win's consumption plan.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
use super::business_dates::{day, maybe_day};
use crate::model::architect::Choice as _;
use crate::model::business::{
    McemStage, Milestone, Opportunity, OpportunityFacts, OpportunityFields, OpportunityStatus, Plan,
};
use crate::model::{ArchitectId, InitiativeId, OpportunityId, ValidationError};

const COLUMNS: &str = "id, account_id, title, solution_area_id, stage, monthly_acr, status, closed_on, \
     lost_reason, crm_id, created_on, plan_agreed_on, plan_sponsor";

/// `ids` as a JSON array, for `IN (SELECT value FROM json_each(?))`: a set computed once in Rust
/// is handed to the next queries instead of each computing it again.
pub(super) fn json_ids(ids: impl IntoIterator<Item = OpportunityId>) -> String {
    let mut json = String::from("[");
    for (n, id) in ids.into_iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        json.push_str(&id.0.to_string());
    }
    json.push(']');
    json
}

fn stage_at(row: &Row<'_>, index: usize) -> rusqlite::Result<McemStage> {
    let number: i64 = row.get(index)?;
    McemStage::from_number(number)
        .ok_or_else(|| super::time::conversion_error(index, format!("unknown stage {number}")))
}

fn row_to_opportunity(row: &Row<'_>) -> rusqlite::Result<Opportunity> {
    Ok(Opportunity {
        id: row.get(0)?,
        fields: OpportunityFields {
            account: row.get(1)?,
            title: row.get(2)?,
            solution_area: row.get(3)?,
            stage: stage_at(row, 4)?,
            architects: Vec::new(),
            monthly_acr: row.get(5)?,
            status: choice::<OpportunityStatus>(row, 6)?,
            closed_on: maybe_day(row, 7)?,
            lost_reason: row.get(8)?,
            crm_id: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
        },
        created_on: day(row, 10)?,
        plan: Plan { agreed_on: maybe_day(row, 11)?, sponsor: row.get(12)? },
    })
}

/// Reads the architects of the opportunities `query` selects (with `params`) into them.
fn attach_architects(
    conn: &Connection,
    opportunities: &mut [Opportunity],
    query: &str,
    params: impl rusqlite::Params,
) -> Result<(), StoreError> {
    let mut by_opportunity: HashMap<OpportunityId, Vec<ArchitectId>> = HashMap::new();
    let mut stmt = conn.prepare_cached(query)?;
    for pair in stmt.query_map(params, |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (opportunity, architect) = pair?;
        by_opportunity.entry(opportunity).or_default().push(architect);
    }
    for opportunity in opportunities {
        opportunity.fields.architects = by_opportunity.remove(&opportunity.id).unwrap_or_default();
    }
    Ok(())
}

/// What the Business screen shows: every open opportunity, those closed on or after `since`
/// (the start of the previous fiscal year) and older wins whose plan still has milestones to
/// deliver, newest first. Each part of the condition is read from an index
/// (`opportunities_closed_created`: an opportunity is open exactly when it has no closing day, a
/// CHECK says so; `milestones_open`), and the few rows are sorted here: SQLite's sorter copies
/// every wide row into a temporary b-tree, four times the cost of the read on the large demo.
/// The architects are read for the ids listed.
pub fn list_in_view(conn: &Connection, since: NaiveDate) -> Result<Vec<Opportunity>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM opportunities WHERE closed_on IS NULL OR closed_on >= ?1 \
         OR id IN (SELECT opportunity_id FROM milestones WHERE state IN ('on_track', 'at_risk', 'blocked'))"
    );
    let mut list: Vec<Opportunity> = conn
        .prepare_cached(&sql)?
        .query_map([since], row_to_opportunity)?
        .collect::<rusqlite::Result<_>>()?;
    list.sort_unstable_by_key(|o| std::cmp::Reverse((o.created_on, o.id)));
    let ids = json_ids(list.iter().map(|o| o.id));
    attach_architects(
        conn,
        &mut list,
        "SELECT opportunity_id, architect_id FROM opportunity_architects \
         WHERE opportunity_id IN (SELECT value FROM json_each(?1)) ORDER BY architect_id",
        [ids],
    )?;
    Ok(list)
}

/// Every opportunity, newest first (the command line).
pub fn list_all(conn: &Connection) -> Result<Vec<Opportunity>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM opportunities ORDER BY created_on DESC, id DESC");
    let mut list: Vec<Opportunity> =
        conn.prepare_cached(&sql)?.query_map([], row_to_opportunity)?.collect::<rusqlite::Result<_>>()?;
    attach_architects(
        conn,
        &mut list,
        "SELECT opportunity_id, architect_id FROM opportunity_architects ORDER BY architect_id",
        [],
    )?;
    Ok(list)
}

const FACT_COLUMNS: &str = "id, stage, status, monthly_acr, created_on, closed_on, plan_agreed_on";

fn row_to_facts(row: &Row<'_>) -> rusqlite::Result<OpportunityFacts> {
    Ok(OpportunityFacts {
        id: row.get(0)?,
        stage: stage_at(row, 1)?,
        status: choice::<OpportunityStatus>(row, 2)?,
        monthly_acr: row.get(3)?,
        created_on: day(row, 4)?,
        closed_on: maybe_day(row, 5)?,
        plan_agreed_on: maybe_day(row, 6)?,
    })
}

/// What the scorecard and coverage need of every opportunity, by id: one light read.
pub fn facts(conn: &Connection) -> Result<Vec<OpportunityFacts>, StoreError> {
    let sql = format!("SELECT {FACT_COLUMNS} FROM opportunities ORDER BY id");
    Ok(conn.prepare_cached(&sql)?.query_map([], row_to_facts)?.collect::<rusqlite::Result<_>>()?)
}

/// The same, of the opportunities open today (no closing day) or closed on or after `since`,
/// and known by `as_of` (the last day a figure looks at): recorded by then, or closed by then
/// (a win entered later with its past closing day still counts in its quarter). Those the
/// figures of days from `since` to `as_of` can count. By id.
pub fn facts_between(
    conn: &Connection,
    since: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<OpportunityFacts>, StoreError> {
    let sql = format!(
        "SELECT {FACT_COLUMNS} FROM opportunities WHERE closed_on IS NULL AND created_on <= ?2 \
         UNION ALL SELECT {FACT_COLUMNS} FROM opportunities \
         WHERE closed_on >= ?1 AND (closed_on <= ?2 OR created_on <= ?2)"
    );
    let mut facts: Vec<OpportunityFacts> = conn
        .prepare_cached(&sql)?
        .query_map([since, as_of], row_to_facts)?
        .collect::<rusqlite::Result<_>>()?;
    facts.sort_unstable_by_key(|o| o.id);
    Ok(facts)
}

/// Whether any opportunity was ever recorded.
pub fn any(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM opportunities)")?.query_row([], |row| row.get(0))?)
}

pub fn get(conn: &Connection, id: OpportunityId) -> Result<Opportunity, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM opportunities WHERE id = ?1");
    let mut opportunity = conn
        .prepare_cached(&sql)?
        .query_row([id], row_to_opportunity)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("opportunity #{id}")))?;
    opportunity.fields.architects = conn
        .prepare_cached(
            "SELECT architect_id FROM opportunity_architects WHERE opportunity_id = ?1 ORDER BY architect_id",
        )?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(opportunity)
}

/// The opportunity with this CRM id, if any.
pub fn by_crm_id(conn: &Connection, crm_id: &str) -> Result<Option<OpportunityId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM opportunities WHERE crm_id = ?1")?
        .query_row([crm_id.trim()], |row| row.get(0))
        .optional()?)
}

/// Validates the fields and what they point at: the account, the solution area, the
/// architects, a CRM id no other opportunity has, and (for a win) no milestone due before it.
fn checked(
    conn: &Connection,
    id: Option<OpportunityId>,
    fields: &OpportunityFields,
    today: NaiveDate,
) -> Result<OpportunityFields, StoreError> {
    let f = fields.validated(today)?;
    let exists = |sql: &str, value: i64| -> Result<bool, StoreError> {
        Ok(conn.prepare_cached(sql)?.query_row([value], |row| row.get(0))?)
    };
    if !exists("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)", f.account.0)? {
        return Err(StoreError::NotFound(format!("account #{}", f.account)));
    }
    if let Some(area) = f.solution_area
        && !exists("SELECT EXISTS (SELECT 1 FROM solution_areas WHERE id = ?1)", area.0)?
    {
        return Err(StoreError::NotFound(format!("solution area #{area}")));
    }
    for architect in &f.architects {
        if !exists("SELECT EXISTS (SELECT 1 FROM architects WHERE id = ?1)", architect.0)? {
            return Err(StoreError::NotFound(format!("architect #{architect}")));
        }
    }
    if !f.crm_id.is_empty() {
        let taken: Option<String> = conn
            .prepare_cached("SELECT title FROM opportunities WHERE crm_id = ?1 AND id IS NOT ?2")?
            .query_row(params![f.crm_id, id], |row| row.get(0))
            .optional()?;
        if let Some(title) = taken {
            return Err(ValidationError::new(
                "CRM id",
                format!("{} is already the id of “{title}”", f.crm_id),
            )
            .into());
        }
    }
    if let (Some(id), OpportunityStatus::Won, Some(won_on)) = (id, f.status, f.closed_on) {
        let early: Option<(String, NaiveDate)> = conn
            .prepare_cached(
                "SELECT workload, due_on FROM milestones WHERE opportunity_id = ?1 AND due_on < ?2 \
                 ORDER BY due_on LIMIT 1",
            )?
            .query_row(params![id, won_on], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some((workload, due)) = early {
            return Err(ValidationError::new(
                "won date",
                format!("{won_on} is after the milestone “{workload}”, due {due}; a milestone is not due before its win"),
            )
            .into());
        }
    }
    Ok(f)
}

/// Adds an opportunity recorded on `created_on` (today, or what an import says).
pub fn insert(
    conn: &Connection,
    fields: &OpportunityFields,
    created_on: NaiveDate,
    today: NaiveDate,
) -> Result<OpportunityId, StoreError> {
    let f = checked(conn, None, fields, today)?;
    write_new(conn, None, &f, created_on, &Plan::default())
}

fn write_new(
    conn: &Connection,
    id: Option<OpportunityId>,
    f: &OpportunityFields,
    created_on: NaiveDate,
    plan: &Plan,
) -> Result<OpportunityId, StoreError> {
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO opportunities (id, account_id, title, solution_area_id, stage, monthly_acr, status, closed_on, \
         lost_reason, crm_id, created_on, plan_agreed_on, plan_sponsor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )?
    .execute(params![
        id,
        f.account,
        f.title,
        f.solution_area,
        f.stage.number(),
        f.monthly_acr,
        f.status.key(),
        f.closed_on,
        f.lost_reason,
        Some(f.crm_id.as_str()).filter(|c| !c.is_empty()),
        created_on,
        plan.agreed_on,
        plan.sponsor,
        now,
    ])?;
    let id = OpportunityId(conn.last_insert_rowid());
    set_architects(conn, id, &f.architects)?;
    Ok(id)
}

fn set_architects(
    conn: &Connection,
    id: OpportunityId,
    architects: &[ArchitectId],
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM opportunity_architects WHERE opportunity_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO opportunity_architects (opportunity_id, architect_id) VALUES (?1, ?2)",
    )?;
    for architect in architects {
        insert.execute(params![id, architect])?;
    }
    Ok(())
}

/// Replaces an opportunity's fields (not its plan); returns it as it was, for undo.
pub fn update(
    conn: &Connection,
    id: OpportunityId,
    fields: &OpportunityFields,
    today: NaiveDate,
) -> Result<Opportunity, StoreError> {
    let before = get(conn, id)?;
    let f = checked(conn, Some(id), fields, today)?;
    conn.prepare_cached(
        "UPDATE opportunities SET account_id = ?2, title = ?3, solution_area_id = ?4, stage = ?5, monthly_acr = ?6, \
         status = ?7, closed_on = ?8, lost_reason = ?9, crm_id = ?10, updated_at = ?11 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.account,
        f.title,
        f.solution_area,
        f.stage.number(),
        f.monthly_acr,
        f.status.key(),
        f.closed_on,
        f.lost_reason,
        Some(f.crm_id.as_str()).filter(|c| !c.is_empty()),
        Utc::now().to_rfc3339(),
    ])?;
    set_architects(conn, id, &f.architects)?;
    Ok(before)
}

/// Records the consumption plan; returns the opportunity as it was, for undo.
pub fn set_plan(conn: &Connection, id: OpportunityId, plan: &Plan) -> Result<Opportunity, StoreError> {
    let before = get(conn, id)?;
    conn.prepare_cached(
        "UPDATE opportunities SET plan_agreed_on = ?2, plan_sponsor = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, plan.agreed_on, plan.sponsor, Utc::now().to_rfc3339()])?;
    Ok(before)
}

/// Everything a deleted opportunity takes with it, so the delete can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub opportunity: Opportunity,
    pub milestones: Vec<Milestone>,
    /// The initiatives that listed it as influenced.
    pub initiatives: Vec<InitiativeId>,
}

/// Deletes an opportunity with its milestones.
pub fn delete(conn: &Connection, id: OpportunityId) -> Result<Removed, StoreError> {
    let opportunity = get(conn, id)?;
    let milestones = super::milestones::of_opportunity(conn, id)?;
    let initiatives = conn
        .prepare_cached("SELECT initiative_id FROM initiative_opportunities WHERE opportunity_id = ?1")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached("DELETE FROM opportunities WHERE id = ?1")?.execute([id])?;
    Ok(Removed { opportunity, milestones, initiatives })
}

/// Undoes a delete: the opportunity, its plan, milestones and initiative links, under their ids.
pub fn restore(conn: &Connection, removed: &Removed, today: NaiveDate) -> Result<(), StoreError> {
    let o = &removed.opportunity;
    let f = checked(conn, None, &o.fields, today)?;
    write_new(conn, Some(o.id), &f, o.created_on, &o.plan)?;
    for milestone in &removed.milestones {
        super::milestones::restore(conn, milestone, today)?;
    }
    let mut link = conn.prepare_cached(
        "INSERT OR IGNORE INTO initiative_opportunities (initiative_id, opportunity_id) \
         SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM initiatives WHERE id = ?1)",
    )?;
    for initiative in &removed.initiatives {
        link.execute(params![initiative, o.id])?;
    }
    Ok(())
}
