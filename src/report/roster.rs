//! The roster as CSV for a spreadsheet: everyone, including those who left, one line each.

use crate::model::architect::Choice as _;
use crate::model::lists::name_of;
use crate::model::{Architect, ListItem};

/// The header row, in the order of the columns.
pub const COLUMNS: [&str; 10] =
    ["id", "name", "title", "email", "level", "solution_area", "cadence", "started_on", "status", "accounts"];

/// The roster as CSV (RFC 4180: quoted where needed, one record a line), accounts joined with
/// "; " in one cell.
pub fn csv(architects: &[&Architect], levels: &[ListItem], areas: &[ListItem]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for architect in architects {
        let f = &architect.fields;
        writer.write_record([
            architect.id.0.to_string().as_str(),
            &f.name,
            &f.title,
            &f.email,
            name_of(levels, f.level),
            name_of(areas, f.solution_area),
            f.cadence.key(),
            &f.started_on.map(|d| d.to_string()).unwrap_or_default(),
            f.status.key(),
            &f.account_list().join("; "),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    // Every cell came from a `String`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
