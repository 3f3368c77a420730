//! Health checks on an open database: integrity, foreign keys, schema version, row counts.

use rusqlite::Connection;
use serde::Serialize;

use super::migrations;

/// What `leadline check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub schema_version: i64,
    pub latest_version: i64,
    /// `integrity_check` problems; empty when the file is healthy.
    pub integrity_problems: Vec<String>,
    /// Rows whose foreign key points nowhere, as `table rowid -> parent`.
    pub foreign_key_problems: Vec<String>,
    pub row_counts: Vec<(String, i64)>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity_problems.is_empty()
            && self.foreign_key_problems.is_empty()
            && self.schema_version == self.latest_version
    }
}

/// `PRAGMA quick_check`: the fast structural check run on every open. Empty when healthy.
pub fn quick_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    pragma_problems(conn, "quick_check")
}

fn pragma_problems(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok").collect())
}

/// The full check: `integrity_check`, `foreign_key_check`, version and row counts.
pub fn full_check(conn: &Connection) -> rusqlite::Result<CheckReport> {
    let integrity_problems = pragma_problems(conn, "integrity_check")?;
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_key_problems = stmt
        .query_map([], |row| {
            let table: String = row.get(0)?;
            let rowid: Option<i64> = row.get(1)?;
            let parent: String = row.get(2)?;
            Ok(format!("{table} row {} points to a missing {parent}", rowid.unwrap_or(-1)))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CheckReport {
        schema_version: migrations::version(conn)?,
        latest_version: migrations::LATEST_VERSION,
        integrity_problems,
        foreign_key_problems,
        row_counts: row_counts(conn)?,
    })
}

/// Rows in every table of ours, in name order.
pub fn row_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let tables = table_names(conn)?;
    tables
        .into_iter()
        .map(|table| {
            // Table names come from sqlite_schema, not from input; quoted all the same.
            let count = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
            Ok((table, count))
        })
        .collect()
}

/// Our tables (not SQLite's internal ones, not FTS shadow tables).
pub fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND sql NOT LIKE 'CREATE TABLE ''%' ORDER BY name",
    )?;
    stmt.query_map([], |row| row.get(0))?.collect()
}
