//! `leadline bench`, the quarterly review: building the draft of the current quarter (three
//! quarters of records read and counted) and rendering its HTML export, on the large demo.

use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::measure::{Measurement, measure};
use crate::store::{review_data, time};

pub fn run(conn: &Connection, runs: usize, today: NaiveDate) -> anyhow::Result<Vec<Measurement>> {
    let quarter = review_data::default_quarter(&time::time_settings(conn)?, today);
    let draft = review_data::draft(conn, quarter, today)?;
    Ok(vec![
        measure(
            format!("review: build the draft of {quarter}"),
            Some(Duration::from_millis(100)),
            runs,
            || review_data::draft(conn, quarter, today),
        )?,
        measure(format!("review: HTML export of {quarter}"), Some(Duration::from_millis(200)), runs, || {
            Ok::<_, std::convert::Infallible>(crate::report::review_html::html(&draft))
        })?,
    ])
}
