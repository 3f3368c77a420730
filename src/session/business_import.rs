//! CSV import of opportunities and milestones, on the session's side: the preview against what
//! is stored, and the commit of a previewed plan (applied as `BusinessCommand::ImportCsv`, in
//! one transaction after a backup: all or nothing).

use std::fmt;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Session;
use crate::import::business_csv::{self, AccountRef, CsvKind, CsvPlan, CsvPreview, Field, Lookups};
use crate::model::ListKind;
use crate::store::{StoreError, accounts, architects, lists, milestones, opportunities};

impl Session {
    /// Reads a CSV file of `kind` with `mapping` and says what importing it would do, or every
    /// problem found, by row and field. Nothing is written.
    pub fn csv_preview(
        &self,
        bytes: &[u8],
        kind: CsvKind,
        mapping: &[(Field, String)],
        ignore_extra: bool,
    ) -> Result<CsvPreview, Vec<String>> {
        Self::preview_csv_on(self.conn(), self.today(), bytes, kind, mapping, ignore_extra)
    }

    /// The same preview on any connection (the benchmark's own).
    pub fn preview_csv_on(
        conn: &Connection,
        today: NaiveDate,
        bytes: &[u8],
        kind: CsvKind,
        mapping: &[(Field, String)],
        ignore_extra: bool,
    ) -> Result<CsvPreview, Vec<String>> {
        let parsed = business_csv::parse(bytes, kind, mapping, ignore_extra)?;
        let stored = || -> Result<_, StoreError> {
            let milestones = match kind {
                CsvKind::Opportunities => Vec::new(),
                CsvKind::Milestones => milestones::list_all(conn)?.into_iter().map(|(m, _)| m).collect(),
            };
            Ok((
                accounts::list(conn)?,
                architects::list(conn)?,
                lists::list(conn, ListKind::SolutionArea)?,
                opportunities::list_all(conn)?,
                milestones,
            ))
        };
        let (accounts, architects, areas, opportunities, milestones) =
            stored().map_err(|error| vec![error.to_string()])?;
        business_csv::preview(
            parsed,
            &Lookups {
                today,
                accounts: &accounts,
                architects: &architects,
                areas: &areas,
                opportunities: &opportunities,
                milestones: &milestones,
            },
        )
    }
}

/// How many records an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub kind: Option<CsvKind>,
    pub added: usize,
    pub updated: usize,
}

impl fmt::Display for ImportCounts {
    /// "3 new and 2 changed opportunities".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = match self.kind {
            Some(CsvKind::Milestones) => "milestones",
            _ => "opportunities",
        };
        write!(f, "{} new and {} changed {noun}", self.added, self.updated)
    }
}

/// Writes a previewed plan, checking every record again (the data may have changed since the
/// preview): the first refusal names its row, and the caller's transaction writes nothing.
pub fn commit(conn: &Connection, plan: &CsvPlan, today: NaiveDate) -> Result<ImportCounts, StoreError> {
    let at_row = |line: usize| {
        move |error: StoreError| StoreError::Unsupported(format!("row {line}: {error}; nothing was imported"))
    };
    let mut counts = ImportCounts::default();
    let mut created = Vec::with_capacity(plan.new_accounts.len());
    for name in &plan.new_accounts {
        created.push((name.as_str(), accounts::find_or_create(conn, name)?));
    }
    for planned in &plan.opportunities {
        counts.kind = Some(CsvKind::Opportunities);
        let mut fields = planned.fields.clone();
        if let AccountRef::New(name) = &planned.account {
            let found = created.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, id)| *id);
            fields.account = match found {
                Some(id) => id,
                None => accounts::find_or_create(conn, name).map_err(at_row(planned.line))?,
            };
        }
        if let Some(id) = planned.existing {
            opportunities::update(conn, id, &fields, today).map_err(at_row(planned.line))?;
            counts.updated += 1;
        } else {
            opportunities::insert(conn, &fields, planned.created_on, today).map_err(at_row(planned.line))?;
            counts.added += 1;
        }
    }
    for planned in &plan.milestones {
        counts.kind = Some(CsvKind::Milestones);
        if let Some(id) = planned.existing {
            milestones::update(conn, id, &planned.fields, today).map_err(at_row(planned.line))?;
            counts.updated += 1;
        } else {
            milestones::insert(conn, planned.win, &planned.fields, today).map_err(at_row(planned.line))?;
            counts.added += 1;
        }
    }
    Ok(counts)
}
