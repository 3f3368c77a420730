//! Numbered, append-only schema migrations tracked by SQLite's `user_version`.
//!
//! A migration that has shipped is never edited or reordered: add a new file at the end.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Every migration, in order. `user_version` is the number applied so far.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_time.sql"),
    include_str!("migrations/0003_development.sql"),
    include_str!("migrations/0004_one_on_ones.sql"),
    include_str!("migrations/0005_calendar.sql"),
    include_str!("migrations/0006_calendar_choices.sql"),
    include_str!("migrations/0007_entry_calendar.sql"),
    include_str!("migrations/0008_meetings_held.sql"),
    include_str!("migrations/0009_business.sql"),
    include_str!("migrations/0010_hiring.sql"),
    include_str!("migrations/0011_review.sql"),
    include_str!("migrations/0012_hiring_profiles.sql"),
    include_str!("migrations/0013_business_indexes.sql"),
    include_str!("migrations/0014_expected_acr_indexes.sql"),
];

/// The schema version this build writes.
#[allow(clippy::cast_possible_wrap, reason = "a handful of migrations, far below i64::MAX")]
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version of an open database.
pub fn version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies every migration newer than the database, each in its own transaction, so a
/// failure leaves the database at the last complete version.
pub fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    migrate_to(conn, LATEST_VERSION)
}

/// Applies the migrations newer than the database up to `last` (an earlier version: to read
/// an export written by an earlier Leadline).
pub fn migrate_to(conn: &mut Connection, last: i64) -> Result<i64, StoreError> {
    let current = version(conn)?;
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target = i64::try_from(index).unwrap_or(i64::MAX) + 1;
        if target <= current || target > last {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", target)?;
        tx.commit()?;
    }
    Ok(last.min(LATEST_VERSION))
}
