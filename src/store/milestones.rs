//! The milestones of each win's consumption plan. A milestone belongs to a win, is not due
//! before it, and is committed only with an owner, a due date and an expected ACR.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
use super::business_dates::maybe_day;
use crate::model::architect::Choice as _;
use crate::model::business::{
    Milestone, MilestoneFacts, MilestoneFields, MilestoneState, OpportunityStatus, Owner,
};
use crate::model::{AccountId, MilestoneId, OpportunityId, ValidationError};

const COLUMNS: &str = "m.id, m.opportunity_id, m.workload, m.owner_architect_id, m.owner_partner, m.due_on, \
     m.expected_acr, m.committed, m.state, m.evidence, m.evidence_on, m.crm_id";

fn row_to_milestone(row: &Row<'_>) -> rusqlite::Result<Milestone> {
    let owner = match (row.get::<_, Option<_>>(3)?, row.get::<_, String>(4)?) {
        (Some(architect), _) => Owner::Architect(architect),
        (None, partner) if !partner.is_empty() => Owner::Partner(partner),
        (None, _) => Owner::Nobody,
    };
    Ok(Milestone {
        id: row.get(0)?,
        opportunity: row.get(1)?,
        fields: MilestoneFields {
            workload: row.get(2)?,
            owner,
            due_on: maybe_day(row, 5)?,
            expected_acr: row.get(6)?,
            committed: row.get(7)?,
            state: choice::<MilestoneState>(row, 8)?,
            evidence: row.get(9)?,
            evidence_on: maybe_day(row, 10)?,
            crm_id: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
        },
    })
}

/// The milestones of these opportunities (those the Business screen shows, see
/// `opportunities::list_in_view`), by due date.
pub fn of_opportunities(conn: &Connection, ids: &[OpportunityId]) -> Result<Vec<Milestone>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM milestones m WHERE m.opportunity_id IN (SELECT value FROM json_each(?1))"
    );
    let ids = super::opportunities::json_ids(ids.iter().copied());
    let mut list: Vec<Milestone> =
        conn.prepare_cached(&sql)?.query_map([ids], row_to_milestone)?.collect::<rusqlite::Result<_>>()?;
    // Sorted here rather than by SQLite, which would copy every wide row into a temporary b-tree.
    list.sort_unstable_by_key(|m| (m.fields.due_on.is_none(), m.fields.due_on, m.id));
    Ok(list)
}

/// Every milestone with its win's status, by due date (the command line).
pub fn list_all(conn: &Connection) -> Result<Vec<(Milestone, OpportunityStatus)>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS}, o.status FROM milestones m JOIN opportunities o ON o.id = m.opportunity_id \
         ORDER BY m.due_on IS NULL, m.due_on, m.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows =
        stmt.query_map([], |row| Ok((row_to_milestone(row)?, choice::<OpportunityStatus>(row, 12)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn of_opportunity(conn: &Connection, id: OpportunityId) -> Result<Vec<Milestone>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM milestones m WHERE m.opportunity_id = ?1 ORDER BY m.id");
    Ok(conn.prepare_cached(&sql)?.query_map([id], row_to_milestone)?.collect::<rusqlite::Result<_>>()?)
}

const FACT_COLUMNS: &str =
    "m.id, m.opportunity_id, o.status, m.committed, m.state, m.due_on, m.expected_acr, m.evidence_on";

fn row_to_facts(row: &Row<'_>) -> rusqlite::Result<MilestoneFacts> {
    Ok(MilestoneFacts {
        id: row.get(0)?,
        opportunity: row.get(1)?,
        win_status: choice::<OpportunityStatus>(row, 2)?,
        committed: row.get(3)?,
        state: choice::<MilestoneState>(row, 4)?,
        due_on: maybe_day(row, 5)?,
        expected_acr: row.get(6)?,
        evidence_on: maybe_day(row, 7)?,
    })
}

/// What the scorecard needs of every milestone, with its win's status, by id.
pub fn facts(conn: &Connection) -> Result<Vec<MilestoneFacts>, StoreError> {
    let sql = format!(
        "SELECT {FACT_COLUMNS} FROM milestones m JOIN opportunities o ON o.id = m.opportunity_id ORDER BY m.id"
    );
    Ok(conn.prepare_cached(&sql)?.query_map([], row_to_facts)?.collect::<rusqlite::Result<_>>()?)
}

/// The same, of the milestones still to deliver (on track, at risk or blocked: the only ones
/// ever stale or troubled), by id.
pub fn open_facts(conn: &Connection) -> Result<Vec<MilestoneFacts>, StoreError> {
    let sql = format!(
        "SELECT {FACT_COLUMNS} FROM milestones m JOIN opportunities o ON o.id = m.opportunity_id \
         WHERE m.state IN ('on_track', 'at_risk', 'blocked') ORDER BY m.id"
    );
    Ok(conn.prepare_cached(&sql)?.query_map([], row_to_facts)?.collect::<rusqlite::Result<_>>()?)
}

/// Per account, the expected monthly ACR of the milestones that count (not cancelled, their
/// win not lost, with both a due date and an expected ACR) due before `end`: one (earliest due
/// day, sum) for those due before `first` (a month's first day), then one per month from
/// `first` on, by account and day. What is due by the end of any month from `first` to `end`
/// comes out the same as from each milestone, for a fraction of the rows.
///
/// Summed here rather than by SQL: a GROUP BY over the join looks up each milestone's win and
/// sorts the groups, where two index ranges read in order are about four times faster on the
/// large demo.
pub fn expected_by_account(
    conn: &Connection,
    first: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<(AccountId, NaiveDate, i64)>, StoreError> {
    let mut accounts: HashMap<OpportunityId, AccountId> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, account_id FROM opportunities WHERE status <> 'lost'")?;
    for pair in stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (opportunity, account) = pair?;
        accounts.insert(opportunity, account);
    }
    // (account, month or `None` for before `first`) -> (earliest due day, sum), from a range of
    // the covering index `milestones_due_expected` and the `opportunities_account_status` index.
    let mut sums: HashMap<(AccountId, Option<NaiveDate>), (NaiveDate, i64)> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT opportunity_id, due_on, expected_acr FROM milestones \
         WHERE state <> 'cancelled' AND due_on < ?1 AND expected_acr IS NOT NULL",
    )?;
    let rows = stmt.query_map([end], |row| {
        Ok((row.get::<_, OpportunityId>(0)?, super::business_dates::day(row, 1)?, row.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (opportunity, due, acr) = row?;
        let Some(&account) = accounts.get(&opportunity) else { continue };
        let month = (due >= first).then(|| crate::model::business::records::first_of_month(due));
        let sum = sums.entry((account, month)).or_insert((due, 0));
        sum.0 = sum.0.min(due);
        sum.1 = sum.1.saturating_add(acr);
    }
    let mut list: Vec<(AccountId, NaiveDate, i64)> =
        sums.into_iter().map(|((account, _), (due, acr))| (account, due, acr)).collect();
    list.sort_unstable();
    Ok(list)
}

/// Per account, the (due day, expected monthly ACR) of every milestone that counts, one by one:
/// what [`expected_by_account`] sums, for the whole read that checks it.
pub fn expected_of_each(conn: &Connection) -> Result<Vec<(AccountId, NaiveDate, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.account_id, m.due_on, m.expected_acr FROM milestones m JOIN opportunities o ON o.id = m.opportunity_id \
         WHERE m.state <> 'cancelled' AND o.status <> 'lost' AND m.due_on IS NOT NULL AND m.expected_acr IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: MilestoneId) -> Result<Milestone, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM milestones m WHERE m.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_milestone)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("milestone #{id}")))
}

/// The milestone with this CRM id, if any.
pub fn by_crm_id(conn: &Connection, crm_id: &str) -> Result<Option<MilestoneId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM milestones WHERE crm_id = ?1")?
        .query_row([crm_id.trim()], |row| row.get(0))
        .optional()?)
}

/// Checks a milestone against its win: the win exists and is won (a plan is made for a win),
/// it is not due before the win, the owner exists, and the CRM id is its own.
fn checked(
    conn: &Connection,
    id: Option<MilestoneId>,
    opportunity: OpportunityId,
    fields: &MilestoneFields,
    today: NaiveDate,
) -> Result<MilestoneFields, StoreError> {
    let win: Option<(String, String, Option<NaiveDate>)> = conn
        .prepare_cached("SELECT title, status, closed_on FROM opportunities WHERE id = ?1")?
        .query_row([opportunity], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    let Some((title, status, closed_on)) = win else {
        return Err(StoreError::NotFound(format!("opportunity #{opportunity}")));
    };
    if status != "won" {
        return Err(ValidationError::new(
            "win",
            format!("“{title}” is {status}: a consumption plan and its milestones belong to a win"),
        )
        .into());
    }
    let f = fields.validated(today, closed_on)?;
    if let Owner::Architect(architect) = f.owner {
        let exists: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM architects WHERE id = ?1)")?
            .query_row([architect], |row| row.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(format!("architect #{architect}")));
        }
    }
    if !f.crm_id.is_empty() {
        let taken: Option<String> = conn
            .prepare_cached("SELECT workload FROM milestones WHERE crm_id = ?1 AND id IS NOT ?2")?
            .query_row(params![f.crm_id, id], |row| row.get(0))
            .optional()?;
        if let Some(workload) = taken {
            return Err(ValidationError::new(
                "CRM id",
                format!("{} is already the id of “{workload}”", f.crm_id),
            )
            .into());
        }
    }
    Ok(f)
}

fn owner_columns(owner: &Owner) -> (Option<i64>, &str) {
    match owner {
        Owner::Nobody => (None, ""),
        Owner::Architect(id) => (Some(id.0), ""),
        Owner::Partner(name) => (None, name.as_str()),
    }
}

pub fn insert(
    conn: &Connection,
    opportunity: OpportunityId,
    fields: &MilestoneFields,
    today: NaiveDate,
) -> Result<MilestoneId, StoreError> {
    let f = checked(conn, None, opportunity, fields, today)?;
    write_new(conn, None, opportunity, &f)
}

fn write_new(
    conn: &Connection,
    id: Option<MilestoneId>,
    opportunity: OpportunityId,
    f: &MilestoneFields,
) -> Result<MilestoneId, StoreError> {
    let (architect, partner) = owner_columns(&f.owner);
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO milestones (id, opportunity_id, workload, owner_architect_id, owner_partner, due_on, expected_acr, \
         committed, state, evidence, evidence_on, crm_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?
    .execute(params![
        id,
        opportunity,
        f.workload,
        architect,
        partner,
        f.due_on,
        f.expected_acr,
        f.committed,
        f.state.key(),
        f.evidence,
        f.evidence_on,
        Some(f.crm_id.as_str()).filter(|c| !c.is_empty()),
        now,
    ])?;
    Ok(MilestoneId(conn.last_insert_rowid()))
}

/// Replaces a milestone's fields; returns it as it was, for undo.
pub fn update(
    conn: &Connection,
    id: MilestoneId,
    fields: &MilestoneFields,
    today: NaiveDate,
) -> Result<Milestone, StoreError> {
    let before = get(conn, id)?;
    let f = checked(conn, Some(id), before.opportunity, fields, today)?;
    let (architect, partner) = owner_columns(&f.owner);
    conn.prepare_cached(
        "UPDATE milestones SET workload = ?2, owner_architect_id = ?3, owner_partner = ?4, due_on = ?5, \
         expected_acr = ?6, committed = ?7, state = ?8, evidence = ?9, evidence_on = ?10, crm_id = ?11, \
         updated_at = ?12 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.workload,
        architect,
        partner,
        f.due_on,
        f.expected_acr,
        f.committed,
        f.state.key(),
        f.evidence,
        f.evidence_on,
        Some(f.crm_id.as_str()).filter(|c| !c.is_empty()),
        Utc::now().to_rfc3339(),
    ])?;
    Ok(before)
}

pub fn delete(conn: &Connection, id: MilestoneId) -> Result<Milestone, StoreError> {
    let milestone = get(conn, id)?;
    conn.prepare_cached("DELETE FROM milestones WHERE id = ?1")?.execute([id])?;
    Ok(milestone)
}

/// Undoes a delete: the milestone under its old id.
pub fn restore(conn: &Connection, milestone: &Milestone, today: NaiveDate) -> Result<(), StoreError> {
    let f = checked(conn, None, milestone.opportunity, &milestone.fields, today)?;
    write_new(conn, Some(milestone.id), milestone.opportunity, &f).map(|_| ())
}
