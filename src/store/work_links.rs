//! The account or initiative a time entry names (`time_entries.account_id` / `initiative_id`,
//! one or the other), and where the market-building hours of a period went.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::StoreError;
use crate::model::business::WorkLink;
use crate::model::{AccountId, InitiativeId, TimeEntryId};

/// The columns that hold a link, as (account, initiative).
pub fn columns(link: Option<WorkLink>) -> (Option<AccountId>, Option<InitiativeId>) {
    match link {
        None => (None, None),
        Some(WorkLink::Account(id)) => (Some(id), None),
        Some(WorkLink::Initiative(id)) => (None, Some(id)),
    }
}

/// Reads a link from the two columns starting at `index` (account, then initiative).
pub fn at(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<WorkLink>> {
    let account: Option<AccountId> = row.get(index)?;
    let initiative: Option<InitiativeId> = row.get(index + 1)?;
    Ok(account.map(WorkLink::Account).or(initiative.map(WorkLink::Initiative)))
}

/// Refuses a link to an account or initiative that does not exist.
pub fn check(conn: &Connection, link: Option<WorkLink>) -> Result<(), StoreError> {
    let (sql, id, what) = match link {
        None => return Ok(()),
        Some(WorkLink::Account(id)) => {
            ("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)", id.0, "account")
        }
        Some(WorkLink::Initiative(id)) => {
            ("SELECT EXISTS (SELECT 1 FROM initiatives WHERE id = ?1)", id.0, "initiative")
        }
    };
    let exists: bool = conn.prepare_cached(sql)?.query_row([id], |row| row.get(0))?;
    if exists { Ok(()) } else { Err(StoreError::NotFound(format!("{what} #{id}"))) }
}

/// Writes an entry's link (the quick-entry row's edit; a calendar import never touches it).
pub fn set(conn: &Connection, entry: TimeEntryId, link: Option<WorkLink>) -> Result<(), StoreError> {
    let (account, initiative) = columns(link);
    conn.prepare_cached("UPDATE time_entries SET account_id = ?2, initiative_id = ?3 WHERE id = ?1")?
        .execute(params![entry, account, initiative])?;
    Ok(())
}

/// Market-building minutes per day and account or initiative named from `first` to `last`, by
/// date: what the Time view keeps so that a write re-reads only its own day.
pub fn market_by_day(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(NaiveDate, Option<WorkLink>, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_date, account_id, initiative_id, sum(minutes) FROM time_entries \
         WHERE entry_date BETWEEN ?1 AND ?2 AND category = 'market' \
         GROUP BY entry_date, account_id, initiative_id ORDER BY entry_date",
    )?;
    let rows =
        stmt.query_map(params![first, last], |row| Ok((row.get(0)?, at(row, 1)?, row.get::<_, u32>(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
