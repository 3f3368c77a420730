//! Actual consumption: what each account consumed per month, in dollars, as the manager types it
//! from the consumption reports.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::StoreError;
use crate::model::AccountId;
use crate::model::business::Consumption;
use crate::model::business::money::check_dollars;
use crate::model::business::records::first_of_month;

/// Sets (or with `None` clears) an account's consumption in a month; returns what it was.
pub fn set(
    conn: &Connection,
    account: AccountId,
    month: NaiveDate,
    dollars: Option<i64>,
) -> Result<Option<i64>, StoreError> {
    let month = first_of_month(month);
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)")?
        .query_row([account], |row| row.get(0))?;
    if !exists {
        return Err(StoreError::NotFound(format!("account #{account}")));
    }
    let before = get(conn, account, month)?;
    match dollars {
        Some(dollars) => {
            let dollars = check_dollars("actual ACR", dollars)?;
            conn.prepare_cached(
                "INSERT INTO consumption (account_id, month, dollars) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (account_id, month) DO UPDATE SET dollars = excluded.dollars",
            )?
            .execute(params![account, month, dollars])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM consumption WHERE account_id = ?1 AND month = ?2")?
                .execute(params![account, month])?;
        }
    }
    Ok(before)
}

pub fn get(conn: &Connection, account: AccountId, month: NaiveDate) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT dollars FROM consumption WHERE account_id = ?1 AND month = ?2")?
        .query_row(params![account, first_of_month(month)], |row| row.get(0))
        .optional()?)
}

/// Every account's consumption from `first` on, by account and month: a range of the (month,
/// dollars) index, which holds the account too (the table is WITHOUT ROWID), sorted here.
pub fn since(conn: &Connection, first: NaiveDate) -> Result<Vec<Consumption>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT account_id, month, dollars FROM consumption WHERE month >= ?1")?;
    let rows = stmt.query_map([first], |row| {
        Ok(Consumption {
            account: row.get(0)?,
            month: super::business_dates::day(row, 1)?,
            dollars: row.get(2)?,
        })
    })?;
    let mut list: Vec<Consumption> = rows.collect::<rusqlite::Result<_>>()?;
    list.sort_unstable_by_key(|c| (c.account, c.month));
    Ok(list)
}

/// All accounts together, per month from `first` to `last` (first days), from the (month,
/// dollars) index alone: naming the accounts, as `since` does, would read the table instead.
pub fn totals_by_month(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(NaiveDate, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, sum(dollars) FROM consumption WHERE month BETWEEN ?1 AND ?2 GROUP BY month ORDER BY month",
    )?;
    let rows =
        stmt.query_map(params![first, last], |row| Ok((super::business_dates::day(row, 0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
