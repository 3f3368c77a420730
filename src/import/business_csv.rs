//! CSV import of opportunities or milestones (a CRM export): the first row names the columns,
//! a mapping says which column holds which field (`title=Opportunity Name`; columns named like
//! a field are taken without one), every row is checked and the problems named by row and field,
//! and the preview says what a commit would add or change. A re-import updates by CRM id and
//! never duplicates. Pure: the session looks up what is already stored and commits the plan.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::architect::Choice as _;
use crate::model::business::money::parse_dollars;
use crate::model::business::{
    Account, McemStage, Milestone, MilestoneFields, MilestoneState, Opportunity, OpportunityFields,
    OpportunityStatus, Owner,
};
use crate::model::text::{self, fold_for_match};
use crate::model::{AccountId, Architect, ListItem, MilestoneId, OpportunityId};

/// The largest file read: a CRM export of a whole territory is a few MB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// How many problems are listed before "and N more".
pub const MAX_PROBLEMS: usize = 50;

/// What the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum CsvKind {
    Opportunities,
    Milestones,
}

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
fn loose(header: &str) -> String {
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

/// Problems collected while reading, each naming the row and the field.
#[derive(Debug, Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, problem: String) {
        self.0.push(problem);
    }

    fn at(&mut self, line: usize, field: Field, message: impl std::fmt::Display) {
        self.add(format!("row {line}, {}: {message}", field.key()));
    }

    fn finish(self) -> Vec<String> {
        let mut list = self.0;
        if list.len() > MAX_PROBLEMS {
            let more = list.len() - MAX_PROBLEMS;
            list.truncate(MAX_PROBLEMS);
            list.push(format!("… and {more} more problems"));
        }
        list
    }
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

struct Columns {
    by_field: HashMap<Field, usize>,
    ignored: Vec<String>,
}

/// Which column holds each field: the mapping first, then columns named like a field.
fn columns_of(
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

/// What is already stored, to look names and CRM ids up in.
pub struct Lookups<'a> {
    pub today: NaiveDate,
    pub accounts: &'a [Account],
    pub architects: &'a [Architect],
    pub areas: &'a [ListItem],
    pub opportunities: &'a [Opportunity],
    pub milestones: &'a [Milestone],
}

/// What importing a row would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum RowChange {
    New,
    Changed { fields: Vec<&'static str> },
    Unchanged,
}

impl RowChange {
    pub fn label(&self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Changed { .. } => "changed",
            Self::Unchanged => "unchanged",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewRow {
    pub line: usize,
    pub crm_id: String,
    /// The opportunity's title or the milestone's workload.
    pub label: String,
    #[serde(flatten)]
    pub change: RowChange,
}

/// The account of an imported opportunity: one that exists, or one the import creates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum AccountRef {
    Existing(AccountId),
    New(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedOpportunity {
    pub line: usize,
    pub existing: Option<OpportunityId>,
    pub account: AccountRef,
    /// The fields, with `account` set for an existing account (a new one is filled in on commit).
    pub fields: OpportunityFields,
    pub created_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedMilestone {
    pub line: usize,
    pub existing: Option<MilestoneId>,
    pub win: OpportunityId,
    pub fields: MilestoneFields,
}

/// What a commit writes, all or nothing: unchanged rows are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CsvPlan {
    pub new_accounts: Vec<String>,
    pub opportunities: Vec<PlannedOpportunity>,
    pub milestones: Vec<PlannedMilestone>,
}

impl CsvPlan {
    pub fn is_empty(&self) -> bool {
        self.new_accounts.is_empty() && self.opportunities.is_empty() && self.milestones.is_empty()
    }
}

/// The preview: every row with what a commit would do, and the plan that does it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CsvPreview {
    pub kind: CsvKind,
    pub rows: Vec<PreviewRow>,
    pub new_accounts: Vec<String>,
    pub ignored_columns: Vec<String>,
    #[serde(skip)]
    pub plan: CsvPlan,
}

impl CsvPreview {
    pub fn count(&self, change: &str) -> usize {
        self.rows.iter().filter(|r| r.change.label() == change).count()
    }

    /// "12 rows: 3 new, 2 changed, 7 unchanged".
    pub fn summary(&self) -> String {
        format!(
            "{}: {} new, {} changed, {} unchanged",
            crate::model::words::plural(self.rows.len(), "row"),
            self.count("new"),
            self.count("changed"),
            self.count("unchanged")
        )
    }
}

/// Looks every row's names and CRM ids up and checks it as a form would: the result is the
/// preview, or every problem by row and field.
pub fn preview(parsed: Parsed, lookups: &Lookups<'_>) -> Result<CsvPreview, Vec<String>> {
    let Parsed { rows, ignored_columns } = parsed;
    let mut problems = Problems::default();
    let (kind, rows, plan) = match rows {
        Rows::Opportunities(rows) => {
            let (preview_rows, plan) = plan_opportunities(&rows, lookups, &mut problems);
            (CsvKind::Opportunities, preview_rows, plan)
        }
        Rows::Milestones(rows) => {
            let (preview_rows, plan) = plan_milestones(&rows, lookups, &mut problems);
            (CsvKind::Milestones, preview_rows, plan)
        }
    };
    if !problems.0.is_empty() {
        return Err(problems.finish());
    }
    Ok(CsvPreview { kind, rows, new_accounts: plan.new_accounts.clone(), ignored_columns, plan })
}

/// Finds an architect by their full name (case and accents ignored).
fn architect_named<'a>(architects: &'a [Architect], name: &str) -> Option<&'a Architect> {
    let wanted = fold_for_match(name.trim());
    architects.iter().find(|a| fold_for_match(a.name()) == wanted)
}

fn plan_opportunities(
    rows: &[OpportunityRow],
    lookups: &Lookups<'_>,
    problems: &mut Problems,
) -> (Vec<PreviewRow>, CsvPlan) {
    let accounts: HashMap<String, AccountId> =
        lookups.accounts.iter().map(|a| (fold_for_match(&a.fields.name), a.id)).collect();
    let existing: HashMap<&str, &Opportunity> = lookups
        .opportunities
        .iter()
        .filter(|o| !o.fields.crm_id.is_empty())
        .map(|o| (o.fields.crm_id.as_str(), o))
        .collect();
    let mut plan = CsvPlan::default();
    let mut preview = Vec::with_capacity(rows.len());
    for row in rows {
        let line = row.line;
        let account = if let Some(id) = accounts.get(&fold_for_match(&row.account)) {
            AccountRef::Existing(*id)
        } else {
            if let Err(error) =
                (crate::model::business::AccountFields { name: row.account.clone(), ..Default::default() })
                    .validated()
            {
                problems.at(line, Field::Account, error.message);
                continue;
            }
            if !plan.new_accounts.iter().any(|n| fold_for_match(n) == fold_for_match(&row.account)) {
                plan.new_accounts.push(row.account.clone());
            }
            AccountRef::New(row.account.clone())
        };
        let solution_area = if row.solution_area.is_empty() {
            None
        } else if let Some(area) =
            lookups.areas.iter().find(|a| a.name.eq_ignore_ascii_case(&row.solution_area))
        {
            Some(area.id)
        } else {
            problems.at(line, Field::SolutionArea, format!("“{}” is not a solution area", row.solution_area));
            continue;
        };
        let mut architects = Vec::new();
        let mut unknown = false;
        for name in &row.architects {
            if let Some(a) = architect_named(lookups.architects, name) {
                architects.push(a.id);
            } else {
                problems.at(line, Field::Architects, format!("nobody on the team is called “{name}”"));
                unknown = true;
            }
        }
        if unknown {
            continue;
        }
        let before = existing.get(row.crm_id.as_str()).copied();
        let account_id = match &account {
            AccountRef::Existing(id) => *id,
            AccountRef::New(_) => AccountId(0),
        };
        let fields = OpportunityFields {
            account: account_id,
            title: row.title.clone(),
            solution_area,
            stage: row.stage,
            architects,
            monthly_acr: row.monthly_acr,
            status: row.status,
            closed_on: row.closed_on,
            lost_reason: row.lost_reason.clone(),
            crm_id: row.crm_id.clone(),
        };
        let fields = match fields.validated(lookups.today) {
            Ok(fields) => fields,
            Err(error) => {
                problems.add(format!("row {line}, {}: {}", field_of(error.field), error.message));
                continue;
            }
        };
        let change = match before {
            None => RowChange::New,
            Some(before) => {
                let changed = opportunity_changes(&before.fields, &fields, &account);
                if changed.is_empty() { RowChange::Unchanged } else { RowChange::Changed { fields: changed } }
            }
        };
        preview.push(PreviewRow {
            line,
            crm_id: row.crm_id.clone(),
            label: fields.title.clone(),
            change: change.clone(),
        });
        if change != RowChange::Unchanged {
            plan.opportunities.push(PlannedOpportunity {
                line,
                existing: before.map(|o| o.id),
                account,
                fields,
                created_on: before.map_or_else(|| row.created_on.unwrap_or(lookups.today), |o| o.created_on),
            });
        }
    }
    (preview, plan)
}

/// The import's field key for a validation message's field name.
fn field_of(field: &str) -> &str {
    match field {
        "monthly ACR" => "monthly_acr",
        "won date" | "lost date" => "closed_on",
        "lost reason" => "lost_reason",
        "CRM id" => "crm_id",
        "expected ACR" => "expected_acr",
        "due date" => "due_on",
        "evidence date" => "evidence_on",
        other => other,
    }
}

fn opportunity_changes(
    before: &OpportunityFields,
    after: &OpportunityFields,
    account: &AccountRef,
) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if *account != AccountRef::Existing(before.account) {
        fields.push("account");
    }
    let mut check = |differs: bool, name| {
        if differs {
            fields.push(name);
        }
    };
    check(before.title != after.title, "title");
    check(before.stage != after.stage, "stage");
    check(before.monthly_acr != after.monthly_acr, "monthly_acr");
    check(before.status != after.status, "status");
    check(before.closed_on != after.closed_on, "closed_on");
    check(before.lost_reason != after.lost_reason, "lost_reason");
    check(before.solution_area != after.solution_area, "solution_area");
    let mut a = before.architects.clone();
    let mut b = after.architects.clone();
    a.sort();
    b.sort();
    check(a != b, "architects");
    fields
}

fn plan_milestones(
    rows: &[MilestoneRow],
    lookups: &Lookups<'_>,
    problems: &mut Problems,
) -> (Vec<PreviewRow>, CsvPlan) {
    let wins: HashMap<&str, &Opportunity> = lookups
        .opportunities
        .iter()
        .filter(|o| !o.fields.crm_id.is_empty())
        .map(|o| (o.fields.crm_id.as_str(), o))
        .collect();
    let existing: HashMap<&str, &Milestone> = lookups
        .milestones
        .iter()
        .filter(|m| !m.fields.crm_id.is_empty())
        .map(|m| (m.fields.crm_id.as_str(), m))
        .collect();
    let mut plan = CsvPlan::default();
    let mut preview = Vec::with_capacity(rows.len());
    for row in rows {
        let line = row.line;
        let Some(win) = wins.get(row.opportunity.as_str()).copied() else {
            problems.at(
                line,
                Field::Opportunity,
                format!("no opportunity has the CRM id {}", row.opportunity),
            );
            continue;
        };
        if win.fields.status != OpportunityStatus::Won {
            problems.at(
                line,
                Field::Opportunity,
                format!(
                    "“{}” is {}: a consumption plan and its milestones belong to a win",
                    win.fields.title,
                    win.fields.status.key()
                ),
            );
            continue;
        }
        let before = existing.get(row.crm_id.as_str()).copied();
        if let Some(before) = before
            && before.opportunity != win.id
        {
            problems.at(
                line,
                Field::Opportunity,
                format!("milestone {} belongs to another opportunity", row.crm_id),
            );
            continue;
        }
        let owner = if row.owner.is_empty() {
            Owner::Nobody
        } else {
            architect_named(lookups.architects, &row.owner)
                .map_or_else(|| Owner::Partner(row.owner.clone()), |a| Owner::Architect(a.id))
        };
        let fields = MilestoneFields {
            workload: row.workload.clone(),
            owner,
            due_on: row.due_on,
            expected_acr: row.expected_acr,
            committed: row.committed,
            state: row.state,
            evidence: row.evidence.clone(),
            evidence_on: row.evidence_on,
            crm_id: row.crm_id.clone(),
        };
        let fields = match fields.validated(lookups.today, win.fields.closed_on) {
            Ok(fields) => fields,
            Err(error) => {
                problems.add(format!("row {line}, {}: {}", field_of(error.field), error.message));
                continue;
            }
        };
        let change = match before {
            None => RowChange::New,
            Some(before) => {
                let changed = milestone_changes(&before.fields, &fields);
                if changed.is_empty() { RowChange::Unchanged } else { RowChange::Changed { fields: changed } }
            }
        };
        preview.push(PreviewRow {
            line,
            crm_id: row.crm_id.clone(),
            label: fields.workload.clone(),
            change: change.clone(),
        });
        if change != RowChange::Unchanged {
            plan.milestones.push(PlannedMilestone {
                line,
                existing: before.map(|m| m.id),
                win: win.id,
                fields,
            });
        }
    }
    (preview, plan)
}

fn milestone_changes(before: &MilestoneFields, after: &MilestoneFields) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |differs: bool, name| {
        if differs {
            fields.push(name);
        }
    };
    check(before.workload != after.workload, "workload");
    check(before.owner != after.owner, "owner");
    check(before.due_on != after.due_on, "due_on");
    check(before.expected_acr != after.expected_acr, "expected_acr");
    check(before.committed != after.committed, "committed");
    check(before.state != after.state, "state");
    check(before.evidence != after.evidence, "evidence");
    check(before.evidence_on != after.evidence_on, "evidence_on");
    fields
}

#[cfg(test)]
mod tests;
