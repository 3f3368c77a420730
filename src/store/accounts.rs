//! Accounts (customers) and the architects assigned to them. An architect's "accounts covered"
//! on the Team screen is the same assignment written as text, one account per line: writing it
//! there assigns (and if need be creates) the accounts named.

use std::collections::HashMap;

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use crate::model::business::{Account, AccountFields};
use crate::model::{AccountId, ArchitectFields, ArchitectId, ValidationError};

const COLUMNS: &str = "id, name, industry, segment, account_executive";

fn row_to_account(row: &Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        id: row.get(0)?,
        fields: AccountFields {
            name: row.get(1)?,
            industry: row.get(2)?,
            segment: row.get(3)?,
            account_executive: row.get(4)?,
            architects: Vec::new(),
        },
    })
}

/// Every account by name, with its architects (in the order they were assigned).
pub fn list(conn: &Connection) -> Result<Vec<Account>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts ORDER BY name COLLATE NOCASE, id");
    let mut accounts: Vec<Account> =
        conn.prepare_cached(&sql)?.query_map([], row_to_account)?.collect::<rusqlite::Result<_>>()?;
    let mut assigned: HashMap<AccountId, Vec<ArchitectId>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT account_id, architect_id FROM account_architects ORDER BY architect_id, position",
    )?;
    for pair in stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (account, architect) = pair?;
        assigned.entry(account).or_default().push(architect);
    }
    for account in &mut accounts {
        account.fields.architects = assigned.remove(&account.id).unwrap_or_default();
    }
    Ok(accounts)
}

pub fn get(conn: &Connection, id: AccountId) -> Result<Account, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1");
    let mut account = conn
        .prepare_cached(&sql)?
        .query_row([id], row_to_account)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("account #{id}")))?;
    account.fields.architects = conn
        .prepare_cached(
            "SELECT architect_id FROM account_architects WHERE account_id = ?1 ORDER BY architect_id",
        )?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(account)
}

/// The account called `name` (any case), if there is one.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<AccountId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM accounts WHERE name = ?1 COLLATE NOCASE")?
        .query_row([name.trim()], |row| row.get(0))
        .optional()?)
}

/// Refuses a name another account has (names are unique whatever their case).
fn check_name_free(conn: &Connection, name: &str, except: Option<AccountId>) -> Result<(), StoreError> {
    let taken: Option<String> = conn
        .prepare_cached("SELECT name FROM accounts WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2")?
        .query_row(params![name, except], |row| row.get(0))
        .optional()?;
    match taken {
        Some(other) => {
            Err(ValidationError::new("name", format!("an account called “{other}” already exists")).into())
        }
        None => Ok(()),
    }
}

fn check_architects(conn: &Connection, architects: &[ArchitectId]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM architects WHERE id = ?1)")?;
    for &id in architects {
        if !stmt.query_row([id], |row| row.get::<_, bool>(0))? {
            return Err(StoreError::NotFound(format!("architect #{id}")));
        }
    }
    Ok(())
}

pub fn insert(conn: &Connection, fields: &AccountFields) -> Result<AccountId, StoreError> {
    insert_with_id(conn, None, fields)
}

fn insert_with_id(
    conn: &Connection,
    id: Option<AccountId>,
    fields: &AccountFields,
) -> Result<AccountId, StoreError> {
    let f = fields.validated()?;
    check_name_free(conn, &f.name, None)?;
    check_architects(conn, &f.architects)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO accounts (id, name, industry, segment, account_executive, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![id, f.name, f.industry, f.segment, f.account_executive, now])?;
    let id = AccountId(conn.last_insert_rowid());
    set_architects(conn, id, &f.architects)?;
    Ok(id)
}

/// Replaces an account's fields and architects; returns it as it was, for undo.
pub fn update(conn: &Connection, id: AccountId, fields: &AccountFields) -> Result<Account, StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated()?;
    check_name_free(conn, &f.name, Some(id))?;
    check_architects(conn, &f.architects)?;
    conn.prepare_cached(
        "UPDATE accounts SET name = ?2, industry = ?3, segment = ?4, account_executive = ?5, updated_at = ?6 \
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.name,
        f.industry,
        f.segment,
        f.account_executive,
        Utc::now().to_rfc3339()
    ])?;
    set_architects(conn, id, &f.architects)?;
    Ok(before)
}

/// Assigns exactly `architects` to the account: one newly assigned goes at the end of their
/// list; those who stay keep their place.
fn set_architects(conn: &Connection, id: AccountId, architects: &[ArchitectId]) -> Result<(), StoreError> {
    let current: Vec<ArchitectId> = conn
        .prepare_cached("SELECT architect_id FROM account_architects WHERE account_id = ?1")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for gone in current.iter().filter(|a| !architects.contains(a)) {
        conn.prepare_cached("DELETE FROM account_architects WHERE account_id = ?1 AND architect_id = ?2")?
            .execute(params![id, gone])?;
    }
    for new in architects.iter().filter(|a| !current.contains(a)) {
        conn.prepare_cached(
            "INSERT INTO account_architects (account_id, architect_id, position) \
             SELECT ?1, ?2, coalesce(max(position), 0) + 1 FROM account_architects WHERE architect_id = ?2",
        )?
        .execute(params![id, new])?;
    }
    Ok(())
}

/// Deletes an account nothing else refers to; returns it, for undo. Opportunities, initiatives
/// and time entries naming it keep it.
pub fn delete(conn: &Connection, id: AccountId) -> Result<Account, StoreError> {
    let account = get(conn, id)?;
    let mut uses = Vec::new();
    for (table, one, many) in [
        ("opportunities", "opportunity", "opportunities"),
        ("initiative_accounts", "initiative", "initiatives"),
        ("time_entries", "time entry", "time entries"),
        ("consumption", "month of consumption", "months of consumption"),
    ] {
        let count: i64 = conn
            .prepare_cached(&format!("SELECT count(*) FROM {table} WHERE account_id = ?1"))?
            .query_row([id], |row| row.get(0))?;
        if count > 0 {
            uses.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    }
    if !uses.is_empty() {
        return Err(StoreError::InUse(format!(
            "{} cannot be deleted: {} refer to it",
            account.fields.name,
            uses.join(", ")
        )));
    }
    conn.prepare_cached("DELETE FROM accounts WHERE id = ?1")?.execute([id])?;
    Ok(account)
}

/// Undoes a delete: the account under its old id, with its architects.
pub fn restore(conn: &Connection, account: &Account) -> Result<(), StoreError> {
    insert_with_id(conn, Some(account.id), &account.fields).map(|_| ())
}

/// The id of the account called `name`, created (with nothing but its name) if there is none.
pub fn find_or_create(conn: &Connection, name: &str) -> Result<AccountId, StoreError> {
    if let Some(id) = by_name(conn, name)? {
        return Ok(id);
    }
    insert(conn, &AccountFields { name: name.trim().to_owned(), ..AccountFields::default() })
}

/// Makes an architect's accounts those listed in `text` (one per line or comma, as the Team
/// screen writes them), in that order: accounts not known yet are created; accounts no longer
/// listed lose the architect but stay.
pub fn assign_from_text(conn: &Connection, architect: ArchitectId, text: &str) -> Result<(), StoreError> {
    let probe = ArchitectFields { accounts: text.to_owned(), ..ArchitectFields::default() };
    let mut ids: Vec<AccountId> = Vec::new();
    for name in probe.account_list() {
        let name = crate::model::text::capped("accounts", name, crate::model::text::NAME_MAX_CHARS)?;
        let id = find_or_create(conn, &name)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    conn.prepare_cached("DELETE FROM account_architects WHERE architect_id = ?1")?.execute([architect])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO account_architects (account_id, architect_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, id) in ids.iter().enumerate() {
        insert.execute(params![id, architect, i64::try_from(position).unwrap_or(i64::MAX) + 1])?;
    }
    Ok(())
}

/// The SQL expression that reads an architect's accounts back as text, one per line, in their
/// order (for `architects.accounts` in a SELECT from `architects`).
pub const ACCOUNTS_TEXT_SQL: &str = "coalesce((SELECT group_concat(ac.name, char(10) ORDER BY aa.position) \
     FROM account_architects aa JOIN accounts ac ON ac.id = aa.account_id \
     WHERE aa.architect_id = architects.id), '')";
