//! Printing records as an aligned table, CSV or JSON.

use clap::ValueEnum;
use serde::Serialize;

use crate::model::architect::Choice as _;
use crate::model::lists::name_of;
use crate::model::{Architect, ListItem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// For output with no CSV form (a check report, backups, search hits): a table for people or
/// JSON for scripts. `--format csv` is refused with the values it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    Table,
    Json,
}

/// One roster line, as printed.
#[derive(Debug, Serialize)]
struct RosterRow<'a> {
    id: i64,
    name: &'a str,
    title: &'a str,
    email: &'a str,
    level: &'a str,
    solution_area: &'a str,
    cadence: &'a str,
    started_on: Option<String>,
    status: &'a str,
    accounts: Vec<&'a str>,
    target_role: &'a str,
    readiness: &'a str,
    readiness_assessed_on: Option<String>,
}

pub fn roster(
    architects: &[&Architect],
    levels: &[ListItem],
    areas: &[ListItem],
    format: Format,
) -> anyhow::Result<String> {
    let rows: Vec<RosterRow<'_>> = architects
        .iter()
        .map(|a| {
            let f = &a.fields;
            RosterRow {
                id: a.id.0,
                name: &f.name,
                title: &f.title,
                email: &f.email,
                level: name_of(levels, f.level),
                solution_area: name_of(areas, f.solution_area),
                cadence: f.cadence.key(),
                started_on: f.started_on.map(|d| d.to_string()),
                status: f.status.key(),
                accounts: f.account_list(),
                target_role: name_of(levels, f.target_level),
                readiness: f.readiness.key(),
                readiness_assessed_on: f.readiness_assessed_on.map(|d| d.to_string()),
            }
        })
        .collect();
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(&rows)? + "\n"),
        Format::Csv => Ok(crate::report::roster::csv(architects, levels, areas)?),
        Format::Table => {
            let table: Vec<[String; 6]> = rows
                .iter()
                .map(|r| {
                    [
                        r.name.to_owned(),
                        r.level.to_owned(),
                        r.solution_area.to_owned(),
                        r.cadence.to_owned(),
                        r.started_on.clone().unwrap_or_default(),
                        r.status.to_owned(),
                    ]
                })
                .collect();
            Ok(aligned(&["NAME", "LEVEL", "SOLUTION AREA", "CADENCE", "STARTED", "STATUS"], &table))
        }
    }
}

/// Columns padded to their widest cell (counted in characters, not bytes).
pub fn aligned<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}
