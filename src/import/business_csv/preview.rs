//! The preview: every row's names and CRM ids looked up in what is stored, checked as a form
//! would, and the plan a commit carries out.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::rows::{MilestoneRow, OpportunityRow, Parsed, Rows};
use super::{CsvKind, Field, Problems};
use crate::model::architect::Choice as _;
use crate::model::business::{
    Account, Milestone, MilestoneFields, Opportunity, OpportunityFields, OpportunityStatus, Owner,
};
use crate::model::text::fold_for_match;
use crate::model::{AccountId, Architect, ListItem, MilestoneId, OpportunityId};

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

/// The team's names folded once (case and accents ignored), to find an architect by their full
/// name on every row without folding the whole team again.
struct TeamNames<'a>(HashMap<String, &'a Architect>);

impl<'a> TeamNames<'a> {
    fn of(architects: &'a [Architect]) -> Self {
        let mut names = HashMap::with_capacity(architects.len());
        for architect in architects {
            // The first of two people whose names fold the same is the one found.
            names.entry(fold_for_match(architect.name())).or_insert(architect);
        }
        Self(names)
    }

    fn named(&self, name: &str) -> Option<&'a Architect> {
        self.0.get(&fold_for_match(name.trim())).copied()
    }
}

fn plan_opportunities(
    rows: &[OpportunityRow],
    lookups: &Lookups<'_>,
    problems: &mut Problems,
) -> (Vec<PreviewRow>, CsvPlan) {
    let team = TeamNames::of(lookups.architects);
    let accounts: HashMap<String, AccountId> =
        lookups.accounts.iter().map(|a| (fold_for_match(&a.fields.name), a.id)).collect();
    let existing: HashMap<&str, &Opportunity> = lookups
        .opportunities
        .iter()
        .filter(|o| !o.fields.crm_id.is_empty())
        .map(|o| (o.fields.crm_id.as_str(), o))
        .collect();
    let mut plan = CsvPlan::default();
    // The new accounts' names folded, so that "contoso" and "Contoso" make one account.
    let mut new_accounts: HashSet<String> = HashSet::new();
    let mut preview = Vec::with_capacity(rows.len());
    for row in rows {
        let line = row.line;
        let folded_account = fold_for_match(&row.account);
        let account = if let Some(id) = accounts.get(&folded_account) {
            AccountRef::Existing(*id)
        } else {
            if let Err(error) =
                (crate::model::business::AccountFields { name: row.account.clone(), ..Default::default() })
                    .validated()
            {
                problems.at(line, Field::Account, error.message);
                continue;
            }
            if new_accounts.insert(folded_account) {
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
            if let Some(a) = team.named(name) {
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
    let team = TeamNames::of(lookups.architects);
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
            team.named(&row.owner)
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
