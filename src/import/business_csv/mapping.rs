//! Which column holds which field: the `field=Header` mappings, and the columns named like a
//! field.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::CsvKind;
use crate::model::text::fold_for_match;

/// A field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    CrmId,
    Account,
    Title,
    Stage,
    MonthlyAcr,
    Status,
    ClosedOn,
    LostReason,
    SolutionArea,
    Architects,
    CreatedOn,
    Opportunity,
    Workload,
    Owner,
    DueOn,
    ExpectedAcr,
    Committed,
    State,
    Evidence,
    EvidenceOn,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Self::CrmId => "crm_id",
            Self::Account => "account",
            Self::Title => "title",
            Self::Stage => "stage",
            Self::MonthlyAcr => "monthly_acr",
            Self::Status => "status",
            Self::ClosedOn => "closed_on",
            Self::LostReason => "lost_reason",
            Self::SolutionArea => "solution_area",
            Self::Architects => "architects",
            Self::CreatedOn => "created_on",
            Self::Opportunity => "opportunity",
            Self::Workload => "workload",
            Self::Owner => "owner",
            Self::DueOn => "due_on",
            Self::ExpectedAcr => "expected_acr",
            Self::Committed => "committed",
            Self::State => "state",
            Self::Evidence => "evidence",
            Self::EvidenceOn => "evidence_on",
        }
    }

    /// The fields of a kind of file, required ones first.
    pub fn of(kind: CsvKind) -> &'static [Self] {
        match kind {
            CsvKind::Opportunities => &[
                Self::CrmId,
                Self::Account,
                Self::Title,
                Self::Stage,
                Self::MonthlyAcr,
                Self::Status,
                Self::ClosedOn,
                Self::LostReason,
                Self::SolutionArea,
                Self::Architects,
                Self::CreatedOn,
            ],
            CsvKind::Milestones => &[
                Self::CrmId,
                Self::Opportunity,
                Self::Workload,
                Self::Owner,
                Self::DueOn,
                Self::ExpectedAcr,
                Self::Committed,
                Self::State,
                Self::Evidence,
                Self::EvidenceOn,
            ],
        }
    }

    pub fn is_required(self, kind: CsvKind) -> bool {
        match kind {
            CsvKind::Opportunities => {
                matches!(self, Self::CrmId | Self::Account | Self::Title | Self::Stage | Self::MonthlyAcr)
            }
            CsvKind::Milestones => matches!(self, Self::CrmId | Self::Opportunity | Self::Workload),
        }
    }
}

/// Header text compared loosely: case, spaces, dashes and underscores do not matter.
pub(super) fn loose(header: &str) -> String {
    fold_for_match(header).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Reads `field=Header` mappings, naming any that does not parse or names no field.
pub fn parse_mapping(kind: CsvKind, specs: &[String]) -> Result<Vec<(Field, String)>, String> {
    let mut mapping = Vec::new();
    for spec in specs {
        let Some((field, header)) = spec.split_once('=') else {
            return Err(format!("--map {spec}: write it as FIELD=COLUMN, e.g. title=\"Opportunity Name\""));
        };
        let wanted = loose(field);
        let Some(found) = Field::of(kind).iter().copied().find(|f| loose(f.key()) == wanted) else {
            let known: Vec<&str> = Field::of(kind).iter().map(|f| f.key()).collect();
            return Err(format!(
                "--map {spec}: there is no field “{}”; the fields are {}",
                field.trim(),
                known.join(", ")
            ));
        };
        mapping.push((found, header.trim().to_owned()));
    }
    Ok(mapping)
}

pub(super) struct Columns {
    pub(super) by_field: HashMap<Field, usize>,
    pub(super) ignored: Vec<String>,
}

/// Which column holds each field: the mapping first, then columns named like a field.
pub(super) fn columns_of(
    kind: CsvKind,
    headers: &[String],
    mapping: &[(Field, String)],
    ignore_extra: bool,
) -> Result<Columns, Vec<String>> {
    let mut problems = Vec::new();
    let listed = || headers.iter().map(|h| format!("“{h}”")).collect::<Vec<_>>().join(", ");
    let mut seen_headers: HashMap<String, usize> = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        if let Some(first) = seen_headers.insert(loose(header), index) {
            problems.push(format!(
                "row 1: columns {} and {} are both called “{header}”; rename one",
                first + 1,
                index + 1
            ));
        }
    }
    let mut by_field: HashMap<Field, usize> = HashMap::new();
    for (field, header) in mapping {
        match headers.iter().position(|h| loose(h) == loose(header)) {
            Some(index) => {
                by_field.insert(*field, index);
            }
            None => problems.push(format!(
                "--map {}={header}: the file has no column “{header}”; its columns are {}",
                field.key(),
                listed()
            )),
        }
    }
    for &field in Field::of(kind) {
        if by_field.contains_key(&field) {
            continue;
        }
        let taken: HashSet<usize> = by_field.values().copied().collect();
        if let Some(index) = headers.iter().position(|h| loose(h) == loose(field.key()))
            && !taken.contains(&index)
        {
            by_field.insert(field, index);
            continue;
        }
        if field.is_required(kind) {
            problems.push(format!(
                "missing column for {}: map one with --map {}=COLUMN; the file's columns are {}",
                field.key(),
                field.key(),
                listed()
            ));
        }
    }
    let used: HashSet<usize> = by_field.values().copied().collect();
    let extra: Vec<String> =
        headers.iter().enumerate().filter(|(i, _)| !used.contains(i)).map(|(_, h)| h.clone()).collect();
    if !extra.is_empty() && !ignore_extra {
        for name in &extra {
            let shown = if name.is_empty() { "(no name)".to_owned() } else { format!("“{name}”") };
            problems.push(format!(
                "row 1: the column {shown} is not a field of {}; map it with --map FIELD={name}, or pass \
                 --ignore-extra-columns",
                match kind {
                    CsvKind::Opportunities => "an opportunity",
                    CsvKind::Milestones => "a milestone",
                }
            ));
        }
    }
    if problems.is_empty() { Ok(Columns { by_field, ignored: extra }) } else { Err(problems) }
}
