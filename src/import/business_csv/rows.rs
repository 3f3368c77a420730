//! Reading the file row by row: each cell typed as its field, every problem named by row and
//! field.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::mapping::columns_of;
use super::{CsvKind, Field, MAX_BYTES, Problems};
use crate::model::business::money::parse_dollars;
use crate::model::business::{McemStage, MilestoneState, OpportunityStatus};
use crate::model::text;

/// An opportunity row as read, names not yet looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityRow {
    /// The row number in the file (the header is row 1).
    pub line: usize,
    pub crm_id: String,
    pub account: String,
    pub title: String,
    pub stage: McemStage,
    pub monthly_acr: i64,
    pub status: OpportunityStatus,
    pub closed_on: Option<NaiveDate>,
    pub lost_reason: String,
    pub solution_area: String,
    pub architects: Vec<String>,
    pub created_on: Option<NaiveDate>,
}

/// A milestone row as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRow {
    pub line: usize,
    pub crm_id: String,
    /// The CRM id of its opportunity.
    pub opportunity: String,
    pub workload: String,
    pub owner: String,
    pub due_on: Option<NaiveDate>,
    pub expected_acr: Option<i64>,
    pub committed: bool,
    pub state: MilestoneState,
    pub evidence: String,
    pub evidence_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rows {
    Opportunities(Vec<OpportunityRow>),
    Milestones(Vec<MilestoneRow>),
}

/// The file read: its rows, and the columns it holds that no field takes (with
/// `ignore_extra`; otherwise they are a problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub rows: Rows,
    pub ignored_columns: Vec<String>,
}

/// Reads the file: the header, the mapping, then every row. Returns every problem found
/// (nothing is imported while there is one).
pub fn parse(
    bytes: &[u8],
    kind: CsvKind,
    mapping: &[(Field, String)],
    ignore_extra: bool,
) -> Result<Parsed, Vec<String>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![format!(
            "the file is {} MB; the limit is {} MB",
            bytes.len() / 1_048_576,
            MAX_BYTES / 1_048_576
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err(vec!["the file is empty: its first row must name the columns".to_owned()]),
        Some(Err(error)) => return Err(vec![format!("row 1: {}", csv_problem(&error))]),
        Some(Ok(record)) => record,
    };
    let mut headers = Vec::with_capacity(header.len());
    for (index, cell) in header.iter().enumerate() {
        match std::str::from_utf8(cell) {
            Ok(name) => headers.push(name.trim().to_owned()),
            Err(_) => {
                return Err(vec![format!(
                    "row 1, column {}: not UTF-8 text (save the file as CSV UTF-8)",
                    index + 1
                )]);
            }
        }
    }
    let columns = columns_of(kind, &headers, mapping, ignore_extra)?;
    let mut problems = Problems::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut opportunities = Vec::new();
    let mut milestones = Vec::new();
    for (index, record) in records.enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.add(format!("row {line}: {}", csv_problem(&error)));
                continue;
            }
        };
        if record.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != headers.len() {
            let which = if record.len() < headers.len() { "missing columns" } else { "extra columns" };
            problems.add(format!(
                "row {line}: {} cells, but the header has {} ({which})",
                record.len(),
                headers.len()
            ));
            continue;
        }
        let mut cells: HashMap<Field, &str> = HashMap::new();
        let mut readable = true;
        for (&field, &column) in &columns.by_field {
            match record.get(column).map(std::str::from_utf8) {
                Some(Ok(value)) => {
                    cells.insert(field, value.trim());
                }
                Some(Err(_)) => {
                    problems.at(line, field, "not UTF-8 text (save the file as CSV UTF-8)");
                    readable = false;
                }
                None => {}
            }
        }
        if !readable {
            continue;
        }
        let mut row = RowReader { line, cells, problems: &mut problems };
        let crm_id = row.required(Field::CrmId);
        if let Some(crm_id) = &crm_id {
            if let Some(first) = seen.get(crm_id) {
                row.problems.at(line, Field::CrmId, format!("{crm_id} repeats row {first}"));
                continue;
            }
            seen.insert(crm_id.clone(), line);
        }
        match kind {
            CsvKind::Opportunities => {
                if let Some(parsed) = row.opportunity(crm_id) {
                    opportunities.push(parsed);
                }
            }
            CsvKind::Milestones => {
                if let Some(parsed) = row.milestone(crm_id) {
                    milestones.push(parsed);
                }
            }
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.finish());
    }
    let rows = match kind {
        CsvKind::Opportunities => Rows::Opportunities(opportunities),
        CsvKind::Milestones => Rows::Milestones(milestones),
    };
    Ok(Parsed { rows, ignored_columns: columns.ignored })
}

fn csv_problem(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text (save the file as CSV UTF-8)".to_owned(),
        csv::ErrorKind::Io(error) => format!("cannot be read: {error}"),
        _ => format!("cannot be read as CSV: {error}"),
    }
}

/// One row's cells, read field by field; each problem is recorded with the row and field.
struct RowReader<'a, 'p> {
    line: usize,
    cells: HashMap<Field, &'a str>,
    problems: &'p mut Problems,
}

impl RowReader<'_, '_> {
    fn text(&self, field: Field) -> String {
        self.cells.get(&field).map_or_else(String::new, |v| (*v).to_owned())
    }

    fn required(&mut self, field: Field) -> Option<String> {
        let value = self.text(field);
        if value.is_empty() {
            self.problems.at(self.line, field, "is empty");
            None
        } else {
            Some(value)
        }
    }

    /// An optional date: the outer `None` means the cell could not be read (a problem recorded).
    #[allow(clippy::option_option, reason = "unreadable, empty and a date are three different answers")]
    fn date(&mut self, field: Field) -> Option<Option<NaiveDate>> {
        let value = self.text(field);
        match text::parse_optional_date("date", &value) {
            Ok(date) => Some(date),
            Err(error) => {
                self.problems.at(self.line, field, error.message);
                None
            }
        }
    }

    /// An amount: the outer `None` means the cell could not be read (a problem recorded).
    #[allow(clippy::option_option, reason = "unreadable, empty and an amount are three different answers")]
    fn dollars(&mut self, field: Field, required: bool) -> Option<Option<i64>> {
        let value = self.text(field);
        if value.is_empty() && !required {
            return Some(None);
        }
        match parse_dollars("amount", &value) {
            Ok(dollars) => Some(Some(dollars)),
            Err(error) => {
                self.problems.at(self.line, field, error.message);
                None
            }
        }
    }

    fn choice<T: crate::model::architect::Choice>(&mut self, field: Field, default: T) -> Option<T> {
        let value = self.text(field);
        if value.is_empty() {
            return Some(default);
        }
        let found = T::parse(&value);
        if found.is_none() {
            self.problems.at(self.line, field, format!("“{value}” is not one of {}", T::keys()));
        }
        found
    }

    fn opportunity(&mut self, crm_id: Option<String>) -> Option<OpportunityRow> {
        let account = self.required(Field::Account);
        let title = self.required(Field::Title);
        let stage_text = self.text(Field::Stage);
        let stage = match McemStage::read("stage", &stage_text) {
            Ok(stage) => Some(stage),
            Err(error) => {
                self.problems.at(self.line, Field::Stage, error.message);
                None
            }
        };
        let monthly_acr = self.dollars(Field::MonthlyAcr, true);
        let status = self.choice(Field::Status, OpportunityStatus::Open);
        let closed_on = self.date(Field::ClosedOn);
        let created_on = self.date(Field::CreatedOn);
        let architects = self
            .text(Field::Architects)
            .split([';', '|', '\n'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        Some(OpportunityRow {
            line: self.line,
            crm_id: crm_id?,
            account: account?,
            title: title?,
            stage: stage?,
            monthly_acr: monthly_acr??,
            status: status?,
            closed_on: closed_on?,
            lost_reason: self.text(Field::LostReason),
            solution_area: self.text(Field::SolutionArea),
            architects,
            created_on: created_on?,
        })
    }

    fn milestone(&mut self, crm_id: Option<String>) -> Option<MilestoneRow> {
        let opportunity = self.required(Field::Opportunity);
        let workload = self.required(Field::Workload);
        let due_on = self.date(Field::DueOn);
        let expected_acr = self.dollars(Field::ExpectedAcr, false);
        let committed_text = self.text(Field::Committed);
        let committed = match committed_text.to_lowercase().as_str() {
            "" | "no" | "n" | "false" | "0" | "uncommitted" => Some(false),
            "yes" | "y" | "true" | "1" | "committed" => Some(true),
            _ => {
                self.problems.at(self.line, Field::Committed, format!("“{committed_text}” is not yes or no"));
                None
            }
        };
        let state = self.choice(Field::State, MilestoneState::OnTrack);
        let evidence_on = self.date(Field::EvidenceOn);
        Some(MilestoneRow {
            line: self.line,
            crm_id: crm_id?,
            opportunity: opportunity?,
            workload: workload?,
            owner: self.text(Field::Owner),
            due_on: due_on?,
            expected_acr: expected_acr?,
            committed: committed?,
            state: state?,
            evidence: self.text(Field::Evidence),
            evidence_on: evidence_on?,
        })
    }
}
