//! The records of the Business screen and their rules: accounts, opportunities and wins with
//! their MCEM stage, each win's consumption plan and its milestones (with the commit gate), and
//! the actual consumption per account and month. Validation lives here; storage does not.

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};

use super::money::check_dollars;
use crate::model::architect::Choice;
use crate::model::ids::{AccountId, ArchitectId, ListItemId, MilestoneId, OpportunityId};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// Microsoft's Customer Engagement Methodology: the stage an opportunity has reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum McemStage {
    #[default]
    ListenConsult,
    InspireDesign,
    EmpowerAchieve,
    RealizeValue,
    ManageOptimize,
}

impl McemStage {
    /// 1 to 5.
    pub fn number(self) -> u8 {
        match self {
            Self::ListenConsult => 1,
            Self::InspireDesign => 2,
            Self::EmpowerAchieve => 3,
            Self::RealizeValue => 4,
            Self::ManageOptimize => 5,
        }
    }

    pub fn from_number(number: i64) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| i64::from(s.number()) == number)
    }

    /// The stage's name without its number: "Inspire & Design".
    pub fn name(self) -> &'static str {
        match self {
            Self::ListenConsult => "Listen & Consult",
            Self::InspireDesign => "Inspire & Design",
            Self::EmpowerAchieve => "Empower & Achieve",
            Self::RealizeValue => "Realize Value",
            Self::ManageOptimize => "Manage & Optimize",
        }
    }

    /// Reads a stage as typed: `3`, `stage 3`, its key or its name, in any case.
    pub fn read(field: &'static str, typed: &str) -> Result<Self, ValidationError> {
        let value = typed.trim();
        let lower = value.to_lowercase();
        let number = lower.strip_prefix("stage").map_or(lower.as_str(), str::trim);
        if let Ok(n) = number.parse::<i64>() {
            return Self::from_number(n).ok_or_else(|| {
                ValidationError::new(field, format!("{value} is not an MCEM stage (1 to 5)"))
            });
        }
        Self::parse(value)
            .or_else(|| Self::ALL.iter().copied().find(|s| s.name().eq_ignore_ascii_case(value)))
            .ok_or_else(|| {
                ValidationError::new(
                    field,
                    format!("{value:?} is not an MCEM stage (1 to 5, e.g. 3 or Empower & Achieve)"),
                )
            })
    }
}

impl Choice for McemStage {
    const ALL: &'static [Self] = &[
        Self::ListenConsult,
        Self::InspireDesign,
        Self::EmpowerAchieve,
        Self::RealizeValue,
        Self::ManageOptimize,
    ];
    fn key(self) -> &'static str {
        match self {
            Self::ListenConsult => "listen_consult",
            Self::InspireDesign => "inspire_design",
            Self::EmpowerAchieve => "empower_achieve",
            Self::RealizeValue => "realize_value",
            Self::ManageOptimize => "manage_optimize",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::ListenConsult => "1 Listen & Consult",
            Self::InspireDesign => "2 Inspire & Design",
            Self::EmpowerAchieve => "3 Empower & Achieve",
            Self::RealizeValue => "4 Realize Value",
            Self::ManageOptimize => "5 Manage & Optimize",
        }
    }
}

/// Where an opportunity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    #[default]
    Open,
    Won,
    Lost,
}

impl Choice for OpportunityStatus {
    const ALL: &'static [Self] = &[Self::Open, Self::Won, Self::Lost];
    fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Won => "won",
            Self::Lost => "lost",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::Won => "Won",
            Self::Lost => "Lost",
        }
    }
}

/// How a milestone of a consumption plan is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    #[default]
    OnTrack,
    AtRisk,
    Blocked,
    Live,
    Cancelled,
}

impl MilestoneState {
    /// Still to be delivered: neither live nor cancelled.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Live | Self::Cancelled)
    }

    /// At risk or blocked: the manager should look.
    pub fn is_troubled(self) -> bool {
        matches!(self, Self::AtRisk | Self::Blocked)
    }
}

impl Choice for MilestoneState {
    const ALL: &'static [Self] = &[Self::OnTrack, Self::AtRisk, Self::Blocked, Self::Live, Self::Cancelled];
    fn key(self) -> &'static str {
        match self {
            Self::OnTrack => "on_track",
            Self::AtRisk => "at_risk",
            Self::Blocked => "blocked",
            Self::Live => "live",
            Self::Cancelled => "cancelled",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::OnTrack => "On track",
            Self::AtRisk => "At risk",
            Self::Blocked => "Blocked",
            Self::Live => "Live",
            Self::Cancelled => "Cancelled",
        }
    }
}

/// A customer account and the architects assigned to it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AccountFields {
    pub name: String,
    pub industry: String,
    pub segment: String,
    /// The account executive's name.
    pub account_executive: String,
    pub architects: Vec<ArchitectId>,
}

impl AccountFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let name = text::required("name", &self.name, NAME_MAX_CHARS)?;
        if name.contains(['\n', ',']) {
            // An architect's accounts are written one per line or comma-separated on the Team
            // screen: a name holding either would split into two accounts there.
            return Err(ValidationError::new("name", "must not contain a comma or a line break"));
        }
        Ok(Self {
            name,
            industry: text::capped("industry", self.industry.trim(), NAME_MAX_CHARS)?,
            segment: text::capped("segment", self.segment.trim(), NAME_MAX_CHARS)?,
            account_executive: text::capped(
                "account executive",
                self.account_executive.trim(),
                NAME_MAX_CHARS,
            )?,
            architects: unique(&self.architects),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: AccountId,
    #[serde(flatten)]
    pub fields: AccountFields,
}

/// What the manager records about an opportunity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityFields {
    pub account: AccountId,
    pub title: String,
    pub solution_area: Option<ListItemId>,
    pub stage: McemStage,
    /// The architects driving the technical decision.
    pub architects: Vec<ArchitectId>,
    /// Estimated Azure consumed revenue per month once deployed, in dollars.
    pub monthly_acr: i64,
    pub status: OpportunityStatus,
    /// The day it was won or lost; none while open.
    pub closed_on: Option<NaiveDate>,
    /// Why it was lost; empty otherwise.
    pub lost_reason: String,
    /// The opportunity's id in the CRM, if known: a re-import updates by it.
    pub crm_id: String,
}

impl OpportunityFields {
    pub fn new(account: AccountId, title: impl Into<String>) -> Self {
        Self {
            account,
            title: title.into(),
            solution_area: None,
            stage: McemStage::ListenConsult,
            architects: Vec::new(),
            monthly_acr: 0,
            status: OpportunityStatus::Open,
            closed_on: None,
            lost_reason: String::new(),
            crm_id: String::new(),
        }
    }

    /// Checks every field and returns what would be stored: an open opportunity keeps no date
    /// or lost reason; a win needs the day it was won, a loss the day and a reason; neither
    /// day may be in the future.
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        let title = text::required("title", &self.title, LINE_MAX_CHARS)?;
        let monthly_acr = check_dollars("monthly ACR", self.monthly_acr)?;
        let crm_id = crm_id(&self.crm_id)?;
        let (closed_on, lost_reason) = match self.status {
            OpportunityStatus::Open => (None, String::new()),
            OpportunityStatus::Won => (Some(closed_day("won date", self.closed_on, today)?), String::new()),
            OpportunityStatus::Lost => {
                let day = closed_day("lost date", self.closed_on, today)?;
                let reason = text::required("lost reason", &self.lost_reason, TEXT_MAX_CHARS)
                    .map_err(|_| ValidationError::new("lost reason", "say why it was lost"))?;
                (Some(day), reason)
            }
        };
        Ok(Self {
            title,
            monthly_acr,
            crm_id,
            closed_on,
            lost_reason,
            architects: unique(&self.architects),
            ..self.clone()
        })
    }

    pub fn is_won(&self) -> bool {
        self.status == OpportunityStatus::Won
    }
}

fn closed_day(
    field: &'static str,
    day: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, ValidationError> {
    let Some(day) = day else {
        return Err(ValidationError::new(field, "enter the day, e.g. 2026-11-20"));
    };
    if day > today {
        return Err(ValidationError::new(field, format!("{day} is in the future")));
    }
    Ok(day)
}

/// A CRM id: trimmed, one line, no longer than a line.
pub fn crm_id(value: &str) -> Result<String, ValidationError> {
    let value = text::capped("CRM id", value.trim(), LINE_MAX_CHARS)?;
    if value.contains(['\n', '\r', '\t']) {
        return Err(ValidationError::new("CRM id", "must be one line"));
    }
    Ok(value)
}

/// A win's consumption plan as agreed with the customer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Plan {
    /// The day the customer agreed to it; `None`: not agreed (yet).
    pub agreed_on: Option<NaiveDate>,
    /// The customer's sponsor of the plan.
    pub sponsor: String,
}

impl Plan {
    pub fn is_agreed(&self) -> bool {
        self.agreed_on.is_some()
    }

    /// What the plan form sends: agreed or not, the day (required when agreed, never in the
    /// future) and the sponsor.
    pub fn validated(
        agreed: bool,
        agreed_on: Option<NaiveDate>,
        sponsor: &str,
        today: NaiveDate,
    ) -> Result<Self, ValidationError> {
        let sponsor = text::capped("sponsor", sponsor.trim(), NAME_MAX_CHARS)?;
        if !agreed {
            return Ok(Self { agreed_on: None, sponsor });
        }
        let Some(day) = agreed_on else {
            return Err(ValidationError::new("agreed on", "enter the day the customer agreed the plan"));
        };
        if day > today {
            return Err(ValidationError::new("agreed on", format!("{day} is in the future")));
        }
        Ok(Self { agreed_on: Some(day), sponsor })
    }
}

/// A stored opportunity with its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub id: OpportunityId,
    #[serde(flatten)]
    pub fields: OpportunityFields,
    /// The day it was recorded: an opportunity is in the pipeline from then until it closes.
    pub created_on: NaiveDate,
    pub plan: Plan,
}

/// Who delivers a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "who")]
pub enum Owner {
    #[default]
    Nobody,
    Architect(ArchitectId),
    /// A partner, as free text ("Contoso Consulting, Ana").
    Partner(String),
}

impl Owner {
    pub fn is_nobody(&self) -> bool {
        matches!(self, Self::Nobody)
    }
}

/// A milestone of a win's consumption plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MilestoneFields {
    /// What goes live: "AKS landing zone", "Fabric lakehouse".
    pub workload: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    /// Expected monthly ACR once live, in dollars.
    pub expected_acr: Option<i64>,
    pub committed: bool,
    pub state: MilestoneState,
    /// The last evidence of progress, and its day.
    pub evidence: String,
    pub evidence_on: Option<NaiveDate>,
    /// The milestone's id in the CRM, if known: a re-import updates by it.
    pub crm_id: String,
}

impl MilestoneFields {
    pub fn new(workload: impl Into<String>) -> Self {
        Self { workload: workload.into(), ..Self::default() }
    }

    /// Checks every field and returns what would be stored. `won_on` is the day its win was
    /// won: a milestone is not due before it.
    pub fn validated(&self, today: NaiveDate, won_on: Option<NaiveDate>) -> Result<Self, ValidationError> {
        let workload = text::required("workload", &self.workload, LINE_MAX_CHARS)?;
        let owner = match &self.owner {
            Owner::Partner(name) => {
                let name = text::capped("owner", name.trim(), NAME_MAX_CHARS)?;
                if name.is_empty() { Owner::Nobody } else { Owner::Partner(name) }
            }
            other => other.clone(),
        };
        let expected_acr = self.expected_acr.map(|acr| check_dollars("expected ACR", acr)).transpose()?;
        if let (Some(due), Some(won)) = (self.due_on, won_on)
            && due < won
        {
            return Err(ValidationError::new("due date", format!("{due} is before the win on {won}")));
        }
        let evidence = text::capped("evidence", self.evidence.trim(), TEXT_MAX_CHARS)?;
        match (evidence.is_empty(), self.evidence_on) {
            (false, None) => {
                return Err(ValidationError::new("evidence date", "enter the day of the evidence"));
            }
            (true, Some(day)) => {
                return Err(ValidationError::new("evidence", format!("describe the evidence of {day}")));
            }
            (_, Some(day)) if day > today => {
                return Err(ValidationError::new("evidence date", format!("{day} is in the future")));
            }
            _ => {}
        }
        let fields =
            Self { workload, owner, expected_acr, evidence, crm_id: crm_id(&self.crm_id)?, ..self.clone() };
        if fields.committed {
            commit_gate(&fields)?;
        }
        Ok(fields)
    }

    /// What is missing before it can be committed: "an owner", "a due date", "an expected ACR".
    pub fn missing_for_commit(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.owner.is_nobody() {
            missing.push("an owner");
        }
        if self.due_on.is_none() {
            missing.push("a due date");
        }
        if self.expected_acr.is_none() {
            missing.push("an expected ACR");
        }
        missing
    }
}

/// A milestone is committed only with an owner, a due date and an expected ACR: the message
/// says which are missing.
pub fn commit_gate(fields: &MilestoneFields) -> Result<(), ValidationError> {
    let missing = fields.missing_for_commit();
    if missing.is_empty() {
        return Ok(());
    }
    Err(ValidationError::new(
        "committed",
        format!(
            "a milestone can be committed only with an owner, a due date and an expected ACR; it has no {}",
            no_list(&missing)
        ),
    ))
}

/// "owner", "owner or due date", "owner, due date or expected ACR" from "an owner", ...
fn no_list(missing: &[&str]) -> String {
    let bare: Vec<&str> =
        missing.iter().map(|m| m.trim_start_matches("an ").trim_start_matches("a ")).collect();
    match bare.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: MilestoneId,
    pub opportunity: OpportunityId,
    #[serde(flatten)]
    pub fields: MilestoneFields,
}

/// Reads a month: `2026-10` (or a day in it, `2026-10-15`), as its first day.
pub fn parse_month(field: &'static str, typed: &str) -> Result<NaiveDate, ValidationError> {
    let value = typed.trim();
    let as_day = if value.len() == 7 { format!("{value}-01") } else { value.to_owned() };
    let day = text::parse_date(field, &as_day)
        .map_err(|_| ValidationError::new(field, format!("{value:?} is not a month in the form YYYY-MM")))?;
    Ok(first_of_month(day))
}

pub fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Actual consumption: what an account consumed in a month, in dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Consumption {
    pub account: AccountId,
    /// The first day of the month.
    pub month: NaiveDate,
    pub dollars: i64,
}

/// The ids without repeats, in their first order.
pub fn unique<T: PartialEq + Copy>(ids: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn stages_read_by_number_key_or_name() {
        assert_eq!(McemStage::read("stage", "3"), Ok(McemStage::EmpowerAchieve));
        assert_eq!(McemStage::read("stage", "Stage 5"), Ok(McemStage::ManageOptimize));
        assert_eq!(McemStage::read("stage", "inspire & design"), Ok(McemStage::InspireDesign));
        assert_eq!(McemStage::read("stage", "realize_value"), Ok(McemStage::RealizeValue));
        assert_eq!(McemStage::read("stage", "1 Listen & Consult"), Ok(McemStage::ListenConsult));
        assert_eq!(
            McemStage::read("stage", "6").map_err(|e| e.to_string()),
            Err("stage: 6 is not an MCEM stage (1 to 5)".to_owned())
        );
        assert!(McemStage::read("stage", "closing").is_err());
    }

    #[test]
    fn a_win_needs_its_day_and_not_one_in_the_future() {
        let mut fields = OpportunityFields::new(AccountId(1), "Data platform");
        fields.status = OpportunityStatus::Won;
        assert_eq!(
            fields.validated(today()).map_err(|e| e.to_string()),
            Err("won date: enter the day, e.g. 2026-11-20".to_owned())
        );
        fields.closed_on = Some(day(12, 5));
        assert_eq!(
            fields.validated(today()).map_err(|e| e.to_string()),
            Err("won date: 2026-12-05 is in the future".to_owned())
        );
        fields.closed_on = Some(day(11, 20));
        fields.lost_reason = "left over".into();
        let clean = fields.validated(today()).unwrap();
        assert_eq!(clean.lost_reason, "", "a win keeps no lost reason");
    }

    #[test]
    fn a_loss_needs_a_reason_and_an_open_one_keeps_no_date() {
        let mut fields = OpportunityFields::new(AccountId(1), "Data platform");
        fields.status = OpportunityStatus::Lost;
        fields.closed_on = Some(day(11, 2));
        assert_eq!(
            fields.validated(today()).map_err(|e| e.to_string()),
            Err("lost reason: say why it was lost".to_owned())
        );
        fields.status = OpportunityStatus::Open;
        assert_eq!(fields.validated(today()).unwrap().closed_on, None);
        fields.monthly_acr = -1;
        assert_eq!(
            fields.validated(today()).map_err(|e| e.to_string()),
            Err("monthly ACR: -1 is negative; an amount is 0 or more".to_owned())
        );
    }

    #[test]
    fn the_commit_gate_names_what_is_missing() {
        let mut fields = MilestoneFields { committed: true, ..MilestoneFields::new("AKS landing zone") };
        let message =
            |f: &MilestoneFields| f.validated(today(), None).map_err(|e| e.to_string()).unwrap_err();
        assert_eq!(
            message(&fields),
            "committed: a milestone can be committed only with an owner, a due date and an expected ACR; \
             it has no owner, due date or expected ACR"
        );
        fields.owner = Owner::Partner("Contoso Consulting".into());
        assert_eq!(
            message(&fields),
            "committed: a milestone can be committed only with an owner, a due date and an expected ACR; \
             it has no due date or expected ACR"
        );
        fields.due_on = Some(day(12, 15));
        assert_eq!(
            message(&fields),
            "committed: a milestone can be committed only with an owner, a due date and an expected ACR; \
             it has no expected ACR"
        );
        fields.expected_acr = Some(0);
        assert!(fields.validated(today(), None).is_ok(), "an expected ACR of 0 is an answer");
        fields.owner = Owner::Partner("   ".into());
        assert!(message(&fields).ends_with("it has no owner"), "a blank partner is no owner");
        fields.committed = false;
        assert_eq!(fields.validated(today(), None).unwrap().owner, Owner::Nobody);
    }

    #[test]
    fn a_milestone_is_not_due_before_its_win_and_evidence_has_a_day() {
        let mut fields = MilestoneFields { due_on: Some(day(10, 1)), ..MilestoneFields::new("Fabric") };
        assert_eq!(
            fields.validated(today(), Some(day(10, 15))).map_err(|e| e.to_string()),
            Err("due date: 2026-10-01 is before the win on 2026-10-15".to_owned())
        );
        fields.due_on = Some(day(10, 15));
        assert!(fields.validated(today(), Some(day(10, 15))).is_ok(), "due the day of the win is fine");
        fields.evidence = "Pilot live".into();
        assert_eq!(
            fields.validated(today(), None).map_err(|e| e.to_string()),
            Err("evidence date: enter the day of the evidence".to_owned())
        );
        fields.evidence_on = Some(day(12, 1));
        assert_eq!(
            fields.validated(today(), None).map_err(|e| e.to_string()),
            Err("evidence date: 2026-12-01 is in the future".to_owned())
        );
        fields.evidence = String::new();
        assert_eq!(
            fields.validated(today(), None).map_err(|e| e.to_string()),
            Err("evidence: describe the evidence of 2026-12-01".to_owned())
        );
    }

    #[test]
    fn an_agreed_plan_has_a_day() {
        assert_eq!(
            Plan::validated(true, None, "Ana", today()).map_err(|e| e.to_string()),
            Err("agreed on: enter the day the customer agreed the plan".to_owned())
        );
        assert_eq!(
            Plan::validated(true, Some(day(12, 1)), "", today()).map_err(|e| e.to_string()),
            Err("agreed on: 2026-12-01 is in the future".to_owned())
        );
        let not_agreed = Plan::validated(false, Some(day(11, 1)), " Ana ", today()).unwrap();
        assert_eq!(not_agreed, Plan { agreed_on: None, sponsor: "Ana".into() });
    }

    #[test]
    fn months_read_as_their_first_day() {
        assert_eq!(parse_month("month", "2026-10"), Ok(day(10, 1)));
        assert_eq!(parse_month("month", "2026-10-17"), Ok(day(10, 1)));
        assert_eq!(
            parse_month("month", "2026-13").map_err(|e| e.to_string()),
            Err("month: \"2026-13\" is not a month in the form YYYY-MM".to_owned())
        );
    }

    #[test]
    fn account_names_cannot_hold_the_separators_of_the_team_screen() {
        let fields = AccountFields { name: "Contoso, Ltd".into(), ..AccountFields::default() };
        assert_eq!(
            fields.validated().map_err(|e| e.to_string()),
            Err("name: must not contain a comma or a line break".to_owned())
        );
    }
}
