//! Demo hiring, every date relative to `today`. The small team: two open requisitions with
//! candidates across the stages, plans and scorecards (one scorecard still owed by the manager,
//! an interview coming up); one filled this quarter, its hire on the roster with an onboarding
//! plan half done; a cancelled one whose candidates are due for deletion; and Grace Mensah,
//! who left for a more senior role elsewhere. The large demo: ten years of requisitions for the
//! benchmark, written directly (the history is old; the checks are the store's own tests').

mod large;
mod small;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::Connection;

use super::DemoSize;
use crate::store::StoreError;

pub fn generate(conn: &Connection, size: DemoSize, today: NaiveDate) -> Result<(), StoreError> {
    // A database at a schema from before hiring (a test builds an earlier export this way)
    // gets the rest of the demo and no hiring.
    let has_hiring: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'requisitions'",
        [],
        |row| row.get(0),
    )?;
    if !has_hiring {
        return Ok(());
    }
    match size {
        DemoSize::Small => small::generate(conn, today)?,
        DemoSize::Large => large::generate(conn, today)?,
    }
    let has_profiles: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'hiring_profiles'",
        [],
        |row| row.get(0),
    )?;
    if has_profiles { profiles(conn) } else { Ok(()) }
}

/// A hiring profile for a first-level role, chosen by no requisition yet: what a junior
/// architect is interviewed on, without what the team grows into later.
fn profiles(conn: &Connection) -> Result<(), StoreError> {
    const LATER: [&str; 3] = ["Negotiation & influence", "Customer envisioning", "Cross-group collaboration"];
    let junior = crate::store::hiring_profiles::insert(conn, "Junior architect")?;
    for competency in crate::store::skills::competencies(conn)? {
        if LATER.contains(&competency.name.as_str()) {
            crate::store::hiring_profiles::set_competency(conn, junior, competency.id, false)?;
        }
    }
    Ok(())
}

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// Evidence a panel might write, by rating.
const EVIDENCE: [&str; 4] = [
    "Could not explain the trade-offs of their own design when asked twice.",
    "Solid on the basics; needed prompting to connect it to the customer's outcome.",
    "Walked through a real migration with clear trade-offs and the customer's numbers.",
    "Reframed the problem around the customer's business case and won the room.",
];
